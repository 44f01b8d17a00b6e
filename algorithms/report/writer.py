"""The report of a workflow run: one self-contained HTML file and, where Qt can print it, a PDF.

``write_report(folder)`` reads the products of esp:securitypattern from ``folder`` (fixed file
names, workflow.PRODUCTS, read by report.data), builds the sections (report.overview,
report.stages, report.counties: maps from report.maps, charts from report.charts), and writes
report.html (images as data: URIs, CSS inline) and report.pdf (the same HTML laid out by
QTextDocument, images registered as resources under the same names). It runs in a Processing
worker thread: no project, no iface, no QPixmap or widget.
"""

import base64
import os
import re
from typing import Dict, Optional, Sequence, Tuple

from qgis.core import QgsProcessingFeedback
from qgis.PyQt.QtCore import QDateTime, QMarginsF, QUrl
from qgis.PyQt.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from ...espcore.errors import Cancelled
from .. import i18n
from ..base import PLUGIN_DIR
from ..workflow.products import BY_KEY
from .counties import collaboration_section
from .data import read_run
from .formatting import IMAGE_MARKER, esc
from .overview import methods_section, settings_section, summary_section
from .page import Page
from .stages import connectivity_section, resistance_section, sources_section, zoning_section
from .style import CSS, PDF_CSS

#: The sections of the report, in order; each is a <section> with this id.
SECTIONS = ("summary", "sources", "resistance", "connectivity", "zoning", "collaboration",
            "settings", "methods")
#: Width of the images in the PDF (QTextDocument pixels at 96 dpi: A4 less the margins).
PDF_IMAGE_WIDTH = 600


def plugin_version() -> str:
    try:
        with open(os.path.join(PLUGIN_DIR, "metadata.txt"), encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("version="):
                    return line.split("=", 1)[1].strip()
    except OSError:
        pass
    return ""


class Report(Page):
    """The whole document: the sections in order, as an HTML page or printed to PDF."""

    def header(self) -> str:
        tr = self.tr
        when = QDateTime.currentDateTime().toString("yyyy-MM-dd HH:mm")
        return ('<h1>{title}</h1><p class="meta">{folder}<br/>{written}</p>'.format(
            title=esc(tr("Ecological security pattern report")),
            folder=esc(tr("Folder: {folder}").format(folder=self.data.folder)),
            written=esc(tr("Written {date} by ESP Toolkit {version}").format(
                date=when, version=plugin_version()))))

    def section(self, ident: str, title: str, body: str) -> str:
        # Every section but the summary starts a page of the PDF.
        css = "" if ident == SECTIONS[0] else ' class="page"'
        return '<section id="{}"><h2{}>{}</h2>{}</section>'.format(ident, css, esc(title), body)

    def body(self) -> str:
        tr = self.tr
        # Each section is built in its turn (the progress steps between them). The calls are
        # spelt out with ``self`` so that tools/i18n.py files their strings under "Report".
        sections = (
            ("summary", tr("Summary"), lambda: summary_section(self)),
            ("sources", tr("1 · Sources"), lambda: sources_section(self)),
            ("resistance", tr("2 · Resistance"), lambda: resistance_section(self)),
            ("connectivity", tr("3 · Connectivity"), lambda: connectivity_section(self)),
            ("zoning", tr("4 · Zoning"), lambda: zoning_section(self)),
            ("collaboration", tr("Collaboration between counties"),
             lambda: collaboration_section(self)),
            ("settings", tr("Run settings"), lambda: settings_section(self)),
            ("methods", tr("Methods and notes"), lambda: methods_section(self)))
        assert tuple(s[0] for s in sections) == SECTIONS
        parts = [self.header()]
        for ident, title, build in sections:
            parts.append(self.section(ident, title, build()))
            self._step(0)
        return "".join(parts)

    def document(self, body: str, pdf: bool) -> str:
        """The HTML page; for the PDF, images by resource name at the PDF's width."""
        def image(match: "re.Match[str]") -> str:
            ident = match.group(1)
            png = self.images[ident]
            qimage = QImage.fromData(png, "PNG")
            width, height = qimage.width(), qimage.height()
            if pdf:
                scale = min(1.0, PDF_IMAGE_WIDTH / width) if width else 1.0
                return '<img id="{0}" src="{0}.png" width="{1}" height="{2}"/>'.format(
                    ident, int(width * scale), int(height * scale))
            return ('<img id="{0}" src="data:image/png;base64,{1}" width="{2}" height="{3}" '
                    'alt="{0}"/>').format(ident, base64.b64encode(png).decode("ascii"),
                                          width, height)

        return ('<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"/>'
                "<title>{title}</title><style>{css}</style></head><body>{body}</body></html>\n"
                ).format(lang=self.language, title=esc(self.tr(
                    "Ecological security pattern report")), css=PDF_CSS if pdf else CSS,
                    body=IMAGE_MARKER.sub(image, body))

    def print_pdf(self, body: str, path: str) -> None:
        """Lay the page out with QTextDocument (the images as resources) and print it."""
        document = QTextDocument()
        for ident, png in self.images.items():
            document.addResource(QTextDocument.ResourceType.ImageResource,
                                 QUrl("{}.png".format(ident)), QImage.fromData(png, "PNG"))
        document.setHtml(self.document(body, pdf=True))
        writer = QPdfWriter(path)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        # QTextDocument adds 2 cm margins of its own (and page numbers) inside these.
        writer.setPageMargins(QMarginsF(5, 5, 5, 5), QPageLayout.Unit.Millimeter)
        writer.setTitle(self.tr("Ecological security pattern report"))
        writer.setCreator("ESP Toolkit")
        # PyQt5 names it print_ (print was a keyword in Python 2); PyQt6 print.
        printer = getattr(document, "print_", None) or document.print
        printer(writer)

    def pdf_failed(self, error: Optional[BaseException]) -> str:
        if error is None:
            return self.tr("No PDF was written; the HTML report is complete.")
        return self.tr("The PDF could not be printed ({error}); the HTML report is "
                       "complete.").format(error=error)


class _Steps:
    """Progress over a known number of steps, with the cancellation check at each."""

    def __init__(self, feedback: Optional[QgsProcessingFeedback], total: int) -> None:
        self.feedback = feedback
        self.total = total
        self.done = 0

    def __call__(self, _: float = 0.0) -> None:
        self.done += 1
        if self.feedback is not None:
            self.feedback.setProgress(min(99.0, 100.0 * self.done / self.total))
            if self.feedback.isCanceled():
                raise Cancelled()


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


def write_report(folder: str, *, language: str = i18n.ENGLISH,
                 settings: Sequence[Tuple[str, str]] = (),
                 feedback: Optional[QgsProcessingFeedback] = None,
                 pdf: bool = True) -> Dict[str, str]:
    """Write report.html (and report.pdf) for the workflow products in ``folder``.

    Parameters
    ----------
    folder : the output folder of esp:securitypattern.
    language : "en" or "zh-Hans": the report's language, whatever the interface shows.
    settings : (label, value) pairs shown as the "Run settings" table.
    feedback : progress and cancellation; a cancelled run raises Cancelled and leaves no
        new report file (an earlier report stays as it was).
    pdf : also print the report to PDF; a failure there is a warning, not an error.

    Returns
    -------
    {"REPORT": html path, "REPORT_PDF": pdf path (absent when no PDF was written)}
    """
    html_path = BY_KEY["REPORT"].path(folder)
    pdf_path = BY_KEY["REPORT_PDF"].path(folder)
    partial_html = html_path + ".partial"
    partial_pdf = pdf_path + ".partial"
    steps = _Steps(feedback, total=len(SECTIONS) + 16)
    try:
        steps()
        data = read_run(folder)
        steps()
        report = Report(data, language, settings, steps)
        body = report.body()
        with open(partial_html, "w", encoding="utf-8") as handle:
            handle.write(report.document(body, pdf=False))
        steps()
        written = False
        if pdf:
            failure: Optional[BaseException] = None
            try:
                report.print_pdf(body, partial_pdf)
                written = os.path.exists(partial_pdf) and os.path.getsize(partial_pdf) > 0
            except Exception as error:  # noqa: BLE001  (the PDF is optional, the HTML is not)
                failure = error
            if not written and feedback is not None:
                feedback.pushWarning(report.pdf_failed(failure))
        steps()
    except BaseException:
        _remove(partial_html)
        _remove(partial_pdf)
        raise
    os.replace(partial_html, html_path)
    outputs = {"REPORT": html_path}
    if written:
        os.replace(partial_pdf, pdf_path)
        outputs["REPORT_PDF"] = pdf_path
    else:
        _remove(partial_pdf)
        _remove(pdf_path)  # an earlier PDF would no longer match the HTML
    if feedback is not None:
        feedback.setProgress(100)
    return outputs
