"""The furniture drawn on every map of the report: north arrow, scale bar and the CRS.

Each piece is drawn with a QPainter on the finished map image, sized in the pixels of a map
MAP_WIDTH wide times ``scale``, so a map rendered for print (maps.PRINT_SCALE) carries the
same furniture as one for the screen, only sharper. The legend and the figure's number and
title are HTML around the image (report.page), where their words stay text.
"""

import math
from typing import Optional

from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle, QgsUnitTypes
from qgis.PyQt.QtCore import QPointF, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF

from ..qgis_compat import DistanceUnit

#: A white box behind the furniture keeps it readable over dark rasters.
BACKDROP = QColor(255, 255, 255, 215)


def nice_length(limit: float) -> float:
    """The largest 1, 2 or 5 x 10^k not above ``limit`` (> 0)."""
    power = 10 ** math.floor(math.log10(limit))
    for factor in (5, 2, 1):
        if factor * power <= limit:
            return factor * power
    return power


def _font(painter: QPainter, pixels: float, bold: bool = False) -> None:
    font = QFont()
    font.setPixelSize(max(1, int(round(pixels))))
    font.setBold(bold)
    painter.setFont(font)


def scale_bar(painter: QPainter, size: QSize, extent: QgsRectangle,
              crs: QgsCoordinateReferenceSystem, scale: float = 1.0) -> Optional[float]:
    """A bar of a round length (about a fifth of the map) at the bottom left; returns its
    length in km, or None when the map is in degrees (no single scale holds there)."""
    unit = crs.mapUnits() if crs.isValid() else DistanceUnit.Meters
    if unit == DistanceUnit.Degrees or extent.width() <= 0:
        return None
    km_per_unit = QgsUnitTypes.fromUnitToUnitFactor(unit, DistanceUnit.Kilometers)
    km_per_pixel = extent.width() * km_per_unit / size.width()
    km = nice_length(size.width() / 5 * km_per_pixel)
    pixels = km / km_per_pixel
    text = "{:g} km".format(km)
    _font(painter, 13 * scale)
    margin, height = 12 * scale, 6 * scale
    x, y = margin, size.height() - margin - height
    text_width = painter.fontMetrics().horizontalAdvance(text)
    painter.fillRect(QRectF(x - 6 * scale, y - 22 * scale,
                            pixels + text_width + 22 * scale, height + 30 * scale), BACKDROP)
    # Two halves, black and white: the reader sees the half length too.
    painter.fillRect(QRectF(x, y, pixels / 2, height), QColor("black"))
    painter.setPen(QPen(QColor("black"), max(1.0, scale)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(QRectF(x, y, pixels, height))
    painter.drawText(QPointF(x, y - 4 * scale), "0")
    painter.drawText(QPointF(x + pixels + 6 * scale, y + height), text)
    return km


def north_arrow(painter: QPainter, size: QSize, scale: float = 1.0) -> None:
    """A north arrow at the top right. The maps are drawn north up (grid north of their CRS),
    so the arrow always points to the top of the image."""
    width, height = 22 * scale, 34 * scale
    margin = 12 * scale
    x = size.width() - margin - width
    y = margin + 16 * scale
    painter.fillRect(QRectF(x - 6 * scale, margin - 2 * scale, width + 12 * scale,
                            height + 26 * scale), BACKDROP)
    centre = x + width / 2
    left = QPolygonF([QPointF(centre, y), QPointF(x, y + height),
                      QPointF(centre, y + height * 0.72)])
    right = QPolygonF([QPointF(centre, y), QPointF(x + width, y + height),
                       QPointF(centre, y + height * 0.72)])
    painter.setPen(QPen(QColor("black"), max(1.0, scale)))
    painter.setBrush(QColor("black"))
    painter.drawPolygon(left)
    painter.setBrush(QColor("white"))
    painter.drawPolygon(right)
    _font(painter, 13 * scale, bold=True)
    metrics = painter.fontMetrics()
    painter.drawText(QPointF(centre - metrics.horizontalAdvance("N") / 2, y - 3 * scale), "N")


def crs_label(painter: QPainter, size: QSize, crs: QgsCoordinateReferenceSystem,
              scale: float = 1.0) -> str:
    """The map's CRS (authority id and name) at the bottom right; returns the text."""
    if crs is None or not crs.isValid():
        return ""
    text = crs.authid() or ""
    name = crs.description()
    if name and name != text:
        text = "{} ({})".format(name, text) if text else name
    _font(painter, 11 * scale)
    metrics = painter.fontMetrics()
    margin = 12 * scale
    if metrics.horizontalAdvance(text) > size.width() * 0.45 and crs.authid():
        text = crs.authid()  # a narrow panel: the name would run into the scale bar
    width = metrics.horizontalAdvance(text)
    box = QRectF(size.width() - margin - width - 6 * scale,
                 size.height() - margin - metrics.height() - 2 * scale,
                 width + 12 * scale, metrics.height() + 6 * scale)
    painter.fillRect(box, BACKDROP)
    painter.setPen(QPen(QColor("#333333")))
    painter.drawText(QPointF(box.left() + 6 * scale, box.bottom() - 4 * scale
                             - metrics.descent()), text)
    return text


def frame(painter: QPainter, size: QSize, scale: float = 1.0) -> None:
    """A thin grey neat line around the map."""
    pen = QPen(QColor(120, 120, 120), max(1.0, scale))
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath()
    inset = pen.widthF() / 2
    path.addRect(QRectF(inset, inset, size.width() - 2 * inset, size.height() - 2 * inset))
    painter.drawPath(path)


def furnish(painter: QPainter, size: QSize, extent: QgsRectangle,
            crs: QgsCoordinateReferenceSystem, scale: float = 1.0) -> None:
    """Everything above on one map."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    scale_bar(painter, size, extent, crs, scale)
    north_arrow(painter, size, scale)
    crs_label(painter, size, crs, scale)
    frame(painter, size, scale)
