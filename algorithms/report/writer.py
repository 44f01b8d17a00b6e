"""The report of a workflow run: one self-contained HTML file and, where they can be made, a
PDF and an editable Word file.

``write_report(folder)`` reads the products of esp:securitypattern from ``folder`` (fixed file
names, workflow.PRODUCTS, read by report.data), builds the title block (report.cover) and the
sections (report.overview, report.stages, report.counties, report.programme and
report.effectiveness when the folder holds their products, report.annex: maps from
report.maps, charts from report.charts), and writes report.html (images as data: URIs, CSS
inline), report.pdf (the same HTML laid out on A4 pages by report.pdf) and report.docx (the
same body in Word, report.word; needs python-docx). It runs in a Processing worker thread: no
project, no iface, no QPixmap or widget.
"""

import base64
import os
import re
from typing import Any, Callable, Dict, Optional, Sequence, Tuple

from qgis.core import QgsProcessingFeedback
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QImage

from ...espcore.errors import Cancelled
from .. import i18n
from ..workflow.products import BY_KEY
from .annex import ledger_section, sites_section
from .counties import collaboration_section
from .cover import cover, report_title
from .data import RunData, read_run
from .effectiveness import effectiveness_section
from .formatting import IMAGE_MARKER, JOINER, KEEP_ANCHOR, esc
from .maps import png_bytes
from .overview import methods_section, summary_section
from .page import Page
from .programme import programme_section
from .runinfo import RunInfo
from .stages import connectivity_section, resistance_section, sources_section, zoning_section
from .style import CSS, PDF_CSS

#: The sections of every report, in order; each is a <section> with this id.
SECTIONS = ("summary", "sources", "resistance", "connectivity", "zoning", "collaboration",
            "methods", "ledger", "sites")
#: Sections only for a run that has their product (id, product key), and where they go.
OPTIONAL = (("programme", "PROGRAMME_SITES"), ("effectiveness", "COMPARISON"))
ORDER = SECTIONS[:6] + tuple(ident for ident, _ in OPTIONAL) + SECTIONS[6:]
#: Images on screen at most this wide (they are made for print: report.maps, report.charts).
HTML_IMAGE_WIDTH = 900
#: Images in the PDF at most this wide and high (QTextDocument pixels at 96 dpi; the text is
#: 642 wide and 952 high, and a figure's legend and caption need room below its image).
PDF_IMAGE_WIDTH = 640
PDF_IMAGE_HEIGHT = 760


def sections_of(data: RunData) -> Tuple[str, ...]:
    """The ids of the sections of ``data``'s report, in order."""
    present = set(SECTIONS) | {ident for ident, key in OPTIONAL if data.has(key)}
    return tuple(ident for ident in ORDER if ident in present)


def screen_png(png: bytes) -> Tuple[bytes, int, int]:
    """(PNG, width, height) of a print image scaled down to HTML_IMAGE_WIDTH."""
    image = QImage.fromData(png, "PNG")
    if image.width() <= HTML_IMAGE_WIDTH:
        return png, image.width(), image.height()
    small = image.scaledToWidth(HTML_IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation)
    return png_bytes(small), small.width(), small.height()


class Report(Page):
    """The whole document: the title block and the sections in order, as an HTML page, a
    PDF or a Word file."""

    def title(self) -> str:
        return report_title(self)

    def section(self, ident: str, title: str, body: str) -> str:
        # Every section starts a page of the PDF and of the Word file (the title block is the
        # first page).
        return '<section id="{}"><h2 class="page">{}</h2>{}</section>'.format(
            ident, esc(title), body)

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
            ("programme", tr("5 · Restoration programme"), lambda: programme_section(self)),
            ("effectiveness", tr("Effectiveness"), lambda: effectiveness_section(self)),
            ("methods", tr("Methods and parameters"), lambda: methods_section(self)),
            ("ledger", tr("Annex A · County ledger"), lambda: ledger_section(self)),
            ("sites", tr("Annex B · Key restoration sites"), lambda: sites_section(self)))
        assert tuple(s[0] for s in sections) == ORDER
        present = sections_of(self.data)
        parts = [cover(self)]
        for ident, title, build in sections:
            if ident not in present:
                continue
            parts.append(self.section(ident, title, build()))
            self._step(0)
        return "".join(parts)

    def document(self, body: str, pdf: bool) -> str:
        """The HTML page; for the PDF, images by resource name at the PDF's size, the word
        joiners and the keep-together anchors kept (formatting)."""
        def image(match: "re.Match[str]") -> str:
            ident = match.group(1)
            png = self.images[ident]
            if pdf:
                qimage = QImage.fromData(png, "PNG")
                width, height = qimage.width(), qimage.height()
                scale = min(1.0, PDF_IMAGE_WIDTH / width, PDF_IMAGE_HEIGHT / height) \
                    if width and height else 1.0
                return '<img id="{0}" src="{0}.png" width="{1}" height="{2}"/>'.format(
                    ident, int(width * scale), int(height * scale))
            small, width, height = screen_png(png)
            return ('<img id="{0}" src="data:image/png;base64,{1}" width="{2}" height="{3}" '
                    'alt="{0}"/>').format(ident, base64.b64encode(small).decode("ascii"),
                                          width, height)

        if not pdf:
            body = KEEP_ANCHOR.sub("", body).replace(JOINER, "")
        return ('<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"/>'
                "<title>{title}</title><style>{css}</style></head><body>{body}</body></html>\n"
                ).format(lang=self.language, title=esc(self.title()),
                         css=PDF_CSS if pdf else CSS, body=IMAGE_MARKER.sub(image, body))

    def print_pdf(self, body: str, path: str) -> int:
        from .pdf import write_pdf

        return write_pdf(self.document(body, pdf=True), self.images, path, self.title(),
                         lambda n, total: self.tr("Page {n} of {total}").format(
                             n=n, total=total))

    def write_docx(self, body: str, path: str) -> None:
        from .word import write_docx

        write_docx(body, self.images, path, language=self.language, title=self.title(),
                   page_label=self.tr("Page {n}"))

    def write_files(self, partial: Dict[str, str], *, pdf: bool,
                    docx: bool) -> Dict[str, Optional[BaseException]]:
        """Write the files under their ``partial`` names: the HTML, then the optional PDF and
        Word files; returns {key: None if written, else the error} of the optional ones
        asked for."""
        body = self.body()
        with open(partial["REPORT"], "w", encoding="utf-8") as handle:
            handle.write(self.document(body, pdf=False))
        self._step(0)
        failures: Dict[str, Optional[BaseException]] = {}
        if pdf:
            failures["REPORT_PDF"] = _optional(lambda path: self.print_pdf(body, path),
                                               partial["REPORT_PDF"])
        self._step(0)
        if docx:
            failures["REPORT_DOCX"] = _optional(lambda path: self.write_docx(body, path),
                                                partial["REPORT_DOCX"])
        self._step(0)
        return failures

    def pdf_failed(self, error: BaseException) -> str:
        return self.tr("The PDF could not be printed ({error}); the HTML report is "
                       "complete.").format(error=error)

    def docx_skipped(self, error: BaseException) -> str:
        if isinstance(error, ImportError):
            return self.tr(
                "The Word report (report.docx) was skipped: the Python package python-docx "
                "is not installed in the Python of QGIS. The HTML and PDF reports are "
                "complete. To get the Word report, install python-docx and run the zoning "
                "stage again: on Windows, in the OSGeo4W Shell, run: python -m pip install "
                "python-docx; on Debian or Ubuntu: sudo apt install python3-docx; on macOS: "
                "/Applications/QGIS.app/Contents/MacOS/bin/pip3 install python-docx.")
        return self.tr("The Word report (report.docx) could not be written ({error}); the "
                       "HTML report is complete.").format(error=error)


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


def _optional(write: Callable[[str], Any], path: str) -> Optional[BaseException]:
    """Write an optional file with ``write(path)``; the error instead of raising it. Nothing
    is left at ``path`` unless it was written."""
    try:
        write(path)
        if os.path.exists(path) and os.path.getsize(path) > 0:
            return None
        return OSError("empty file")
    except Exception as error:  # noqa: BLE001  (the PDF and Word files are optional)
        _remove(path)
        return error


def write_report(folder: str, *, language: str = i18n.ENGLISH,
                 settings: Sequence[Tuple[str, str]] = (), info: Optional[RunInfo] = None,
                 feedback: Optional[QgsProcessingFeedback] = None, pdf: bool = True,
                 docx: bool = True) -> Dict[str, str]:
    """Write report.html (and report.pdf, report.docx) for the workflow products in
    ``folder``.

    Parameters
    ----------
    folder : the output folder of esp:securitypattern.
    language : "en" or "zh-Hans": the report's language, whatever the interface shows.
    settings : (label, value) pairs: every parameter of the run, shown in the methods.
    info : the project's title, the input data and the unit fields (report.runinfo); without
        it the report has a generic title, no data sources and no prefecture table.
    feedback : progress and cancellation; a cancelled run raises Cancelled and leaves no
        new report file (an earlier report stays as it was).
    pdf, docx : also write the PDF / the Word file; a failure there (or python-docx missing)
        is a warning, not an error.

    Returns
    -------
    {"REPORT": html path, "REPORT_PDF": pdf path, "REPORT_DOCX": docx path}; the last two
    only when they were written.
    """
    paths = {key: BY_KEY[key].path(folder) for key in ("REPORT", "REPORT_PDF", "REPORT_DOCX")}
    partial = {key: path + ".partial" for key, path in paths.items()}
    steps = _Steps(feedback, total=len(SECTIONS) + 18)
    try:
        steps()
        data = read_run(folder, group_field=info.group_field if info else None)
        # An optional section takes two steps: its own and its chart's.
        steps.total += 2 * (len(sections_of(data)) - len(SECTIONS))
        steps()
        report = Report(data, language, settings, steps, info)
        failures = report.write_files(partial, pdf=pdf, docx=docx)
    except BaseException:
        for path in partial.values():
            _remove(path)
        raise
    outputs = {}
    for key, path in paths.items():
        if key == "REPORT" or failures.get(key, False) is None:
            os.replace(partial[key], path)
            outputs[key] = path
        else:
            _remove(partial[key])
            _remove(path)  # an earlier file would no longer match the HTML
    if feedback is not None:
        for key, error in failures.items():
            if error is not None:
                feedback.pushWarning(report.pdf_failed(error) if key == "REPORT_PDF"
                                     else report.docx_skipped(error))
        feedback.setProgress(100)
    return outputs
