"""Render the top of a workflow report (report.html) to a PNG, for the README's picture.

Usage: python tools/render_report.py REPORT.html OUT.png [--width 900] [--height 1600]
The page is laid out by QTextDocument (as the PDF is): the images embedded as data: URIs are
registered as document resources and scaled to the page width. Runs headless
(QT_QPA_PLATFORM=offscreen).
"""

import argparse
import base64
import re

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QRectF, QUrl
from qgis.PyQt.QtGui import QColor, QImage, QPainter, QTextDocument

IMAGE = re.compile(r'<img id="([^"]+)" src="data:image/png;base64,([^"]+)" '
                   r'width="(\d+)" height="(\d+)"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report")
    parser.add_argument("output")
    parser.add_argument("--width", type=int, default=900)
    parser.add_argument("--height", type=int, default=1600)
    args = parser.parse_args()
    app = QgsApplication([], False)
    app.initQgis()

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


if __name__ == "__main__":
    main()
