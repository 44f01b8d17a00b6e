"""Render a workflow report to PNG: the top of report.html (for the README's picture), or every
page of report.pdf (to look at the pagination).

Usage: python tools/render_report.py REPORT.html OUT.png [--width 900] [--height 1600]
       python tools/render_report.py REPORT.pdf OUT_FOLDER [--dpi 60] [--sheet 12]
The HTML page is laid out by QTextDocument: the images embedded as data: URIs are registered
as document resources and scaled to the page width. The PDF's pages are drawn by GDAL's PDF
driver (poppler), which QGIS has; --sheet N also tiles N pages at a time into contact sheets
(sheet-1.png, ...). Runs headless (QT_QPA_PLATFORM=offscreen).
"""

import argparse
import base64
import os
import re
from typing import List

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QRectF, QUrl
from qgis.PyQt.QtGui import QColor, QImage, QPainter, QTextDocument

IMAGE = re.compile(r'<img id="([^"]+)" src="data:image/png;base64,([^"]+)" '
                   r'width="(\d+)" height="(\d+)"')


def render_html(args: argparse.Namespace) -> None:
    with open(args.report, encoding="utf-8") as handle:
        page = handle.read()
    document = QTextDocument()
    document.setDocumentMargin(24)
    room = args.width - 2 * 24 - 4

    def resource(match: "re.Match[str]") -> str:
        name, data = match.group(1) + ".png", base64.b64decode(match.group(2))
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name),
                             QImage.fromData(data, "PNG"))
        width, height = int(match.group(3)), int(match.group(4))
        scale = min(1.0, room / width)
        return '<img id="{}" src="{}" width="{}" height="{}"'.format(
            match.group(1), name, int(width * scale), int(height * scale))

    document.setHtml(IMAGE.sub(resource, page))
    document.setTextWidth(args.width)
    height = min(args.height, int(document.size().height()))
    image = QImage(args.width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    document.drawContents(painter, QRectF(0, 0, args.width, height))
    painter.end()
    image.save(args.output, "PNG")
    print("wrote {} ({} x {})".format(args.output, args.width, height))


def render_pdf(args: argparse.Namespace) -> None:
    from osgeo import gdal

    gdal.UseExceptions()
    gdal.SetConfigOption("GDAL_PDF_DPI", str(args.dpi))
    os.makedirs(args.output, exist_ok=True)
    count = len(gdal.Open(args.report).GetMetadata("SUBDATASETS")) // 2 or 1
    pages: List[str] = []
    for number in range(1, count + 1):
        source = "PDF:{}:{}".format(number, args.report) if count > 1 else args.report
        path = os.path.join(args.output, "page-{:03d}.png".format(number))
        gdal.Translate(path, source, format="PNG")
        pages.append(path)
    print("wrote {} pages to {}".format(count, args.output))
    if args.sheet:
        for first in range(0, count, args.sheet):
            sheet = os.path.join(args.output, "sheet-{}.png".format(first // args.sheet + 1))
            contact_sheet(pages[first:first + args.sheet], sheet)
            print("wrote", sheet)


def contact_sheet(paths: List[str], output: str, columns: int = 6) -> None:
    images = [QImage(path) for path in paths]
    width, height = images[0].width(), images[0].height()
    rows = (len(images) + columns - 1) // columns
    gap = 6
    sheet = QImage(columns * (width + gap), rows * (height + gap),
                   QImage.Format.Format_RGB32)
    sheet.fill(QColor("#888888"))
    painter = QPainter(sheet)
    for index, image in enumerate(images):
        painter.drawImage((index % columns) * (width + gap), (index // columns) * (height + gap),
                          image)
    painter.end()
    sheet.save(output, "PNG")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report")
    parser.add_argument("output")
    parser.add_argument("--width", type=int, default=900)
    parser.add_argument("--height", type=int, default=1600)
    parser.add_argument("--dpi", type=int, default=60)
    parser.add_argument("--sheet", type=int, default=0)
    args = parser.parse_args()
    app = QgsApplication([], False)
    app.initQgis()
    if args.report.lower().endswith(".pdf"):
        render_pdf(args)
    else:
        render_html(args)


if __name__ == "__main__":
    main()
