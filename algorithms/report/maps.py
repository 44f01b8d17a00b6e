"""Maps of the report: a run's products drawn with their sidecar styles into a QImage.

Only QImage and QPainter are used (no QPixmap, no widget, no project), so the maps can be
drawn in a Processing worker thread and under qgis_process. Every map carries its furniture
(report.furniture). Maps are drawn once, for print (PRINT_SCALE times MAP_WIDTH: over 300
dpi across the PDF's and the Word file's text width); the HTML page shows them scaled down to
MAP_WIDTH.
"""

import os
from dataclasses import dataclass
from typing import Any, List, Optional, Sequence, Tuple

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMapLayer,
    QgsMapRendererCustomPainterJob,
    QgsMapSettings,
    QgsRasterLayer,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsSymbol,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSize
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter, QPen

from ..base import STYLE_DIR
from ..workflow.products import BY_KEY, open_layer
from .furniture import furnish

#: Width of every map on screen in pixels; the height follows the extent (at most
#: MAX_ASPECT x width).
MAP_WIDTH = 900
MAX_ASPECT = 1.4
#: Maps are drawn this many times larger for print: 2160 pixels across the 6.67 inches the
#: PDF gives an image at most (writer.PDF_IMAGE_WIDTH) are 324 dpi.
PRINT_SCALE = 2.4
#: The style of the county outlines drawn over every map.
OUTLINE_STYLE = os.path.join(STYLE_DIR, "boundaries.qml")


@dataclass
class LegendEntry:
    """One swatch: ``value`` is the class value (None for rules and single symbols)."""

    value: Any
    colour: str
    label: str
    line: bool = False


@dataclass
class MapLayer:
    key: str  # product key, or "OUTLINES"
    layer: QgsMapLayer
    legend: List[LegendEntry]


def _hex(colour: QColor) -> str:
    return colour.name() if colour.isValid() else "#000000"


def open_product(folder: str, key: str) -> Optional[QgsMapLayer]:
    """The product ``key`` of ``folder`` styled as the dock shows it, or None if absent."""
    return open_layer(BY_KEY[key], folder)


def outlines(folder: str) -> Optional[QgsVectorLayer]:
    """The county outlines (the ledger's polygons, unfilled)."""
    path = BY_KEY["LEDGER"].path(folder)
    if not os.path.exists(path):
        return None
    layer = QgsVectorLayer(path, "outlines", "ogr")
    if not layer.isValid():
        return None
    layer.loadNamedStyle(OUTLINE_STYLE)
    return layer


def legend_of(layer: QgsMapLayer) -> List[LegendEntry]:
    """The swatches of a layer's renderer, with its own labels."""
    renderer = layer.renderer()
    if renderer is None:
        return []
    if isinstance(layer, QgsRasterLayer):
        kind = renderer.type()
        if kind == "paletted":
            return [LegendEntry(c.value, _hex(c.color), c.label) for c in renderer.classes()]
        if kind == "singlebandpseudocolor":
            items = renderer.shader().rasterShaderFunction().colorRampItemList()
            return [LegendEntry(item.value, _hex(item.color), "") for item in items]
        return [LegendEntry(None, _hex(colour), label)
                for label, colour in renderer.legendSymbologyItems()]
    entries = []
    kind = renderer.type()
    if kind == "categorizedSymbol":
        for category in renderer.categories():
            symbol = category.symbol()
            value = category.value()
            entries.append(LegendEntry(None if value in (None, "") else value,
                                       _hex(_colour_of(symbol)), category.label(),
                                       symbol.type() == Qgis.SymbolType.Line))
        return entries
    for item in renderer.legendSymbolItems():
        symbol = item.symbol()
        if symbol is None:
            continue
        entries.append(LegendEntry(None, _hex(_colour_of(symbol)), item.label() or "",
                                   symbol.type() == Qgis.SymbolType.Line))
    return entries


def _colour_of(symbol: QgsSymbol) -> QColor:
    """The colour a reader sees: the fill, or the outline of an unfilled polygon."""
    colour = symbol.color()
    if symbol.type() == Qgis.SymbolType.Fill and colour.alpha() == 0 and symbol.symbolLayerCount():
        stroke = symbol.symbolLayer(0).strokeColor()
        if stroke.isValid():
            return stroke
    return colour


#: Report-only symbols for vector products drawn as context under or over another layer
#: ("product key:variant" in the keys of ``styled``).
VARIANTS = {
    # Sources as thin white outlines: their hatched style would hide the current beneath.
    "outline": lambda: QgsFillSymbol.createSimple({
        "color": "0,0,0,0", "outline_color": "255,255,255,220", "outline_width": "0.25"}),
    # Sources as a pale ground under the sparse class rasters.
    "pale": lambda: QgsFillSymbol.createSimple({
        "color": "218,234,211,255", "outline_style": "no"}),
    # The cross-boundary links: links.qml selects on "Active", a field they do not have.
    "line": lambda: QgsLineSymbol.createSimple({
        "line_color": "165,0,38,255", "line_width": "0.8"}),
}


def styled(folder: str, keys: Sequence[str], with_outlines: bool = True) -> List[MapLayer]:
    """The present products among ``keys`` (bottom first), then the county outlines. A key
    "KEY:variant" draws the product with a symbol of VARIANTS instead of its style."""
    layers = []
    for spec in keys:
        key, _, variant = spec.partition(":")
        layer = open_product(folder, key)
        if layer is None:
            continue
        if variant and isinstance(layer, QgsVectorLayer):
            layer.setRenderer(QgsSingleSymbolRenderer(VARIANTS[variant]()))
        layers.append(MapLayer(key, layer, legend_of(layer)))
    if with_outlines:
        layer = outlines(folder)
        if layer is not None:
            layers.append(MapLayer("OUTLINES", layer, []))
    return layers


def common_extent(layers: Sequence[QgsMapLayer],
                  crs: QgsCoordinateReferenceSystem) -> QgsRectangle:
    """The union of the layers' extents in ``crs``, with a 3 % margin."""
    extent = QgsRectangle()
    context = QgsCoordinateTransformContext()
    for layer in layers:
        box = layer.extent()
        if layer.crs().isValid() and crs.isValid() and layer.crs() != crs:
            box = QgsCoordinateTransform(layer.crs(), crs, context).transformBoundingBox(box)
        if extent.isNull():
            extent = QgsRectangle(box)
        else:
            extent.combineExtentWith(box)
    extent.scale(1.03)
    return extent


def map_size(extent: QgsRectangle, width: int = MAP_WIDTH) -> QSize:
    """Output size: ``width`` wide unless the extent is very tall, then MAX_ASPECT x width
    high and narrower."""
    aspect = extent.height() / extent.width() if extent.width() > 0 else 1.0
    if aspect > MAX_ASPECT:
        return QSize(int(round(width * MAX_ASPECT / aspect)), int(round(width * MAX_ASPECT)))
    return QSize(width, max(1, int(round(width * aspect))))


def render(layers: Sequence[MapLayer], *, extent: Optional[QgsRectangle] = None,
           crs: Optional[QgsCoordinateReferenceSystem] = None,
           width: float = MAP_WIDTH, scale: float = 1.0) -> QImage:
    """Draw ``layers`` (bottom first) into an image ``width`` x ``scale`` wide, synchronously,
    with its furniture; by default in the CRS of the first raster, over the union of the
    layers. ``scale`` enlarges symbols, text and furniture with the image."""
    qgs_layers = [m.layer for m in layers]
    if crs is None:
        crs = next((layer.crs() for layer in qgs_layers
                    if isinstance(layer, QgsRasterLayer)), qgs_layers[0].crs())
    if extent is None:
        extent = common_extent(qgs_layers, crs)
    size = map_size(extent, int(round(width * scale)))
    settings = QgsMapSettings()
    settings.setLayers(list(reversed(qgs_layers)))  # QgsMapSettings lists the top first
    settings.setDestinationCrs(crs)
    settings.setTransformContext(QgsCoordinateTransformContext())
    settings.setOutputSize(size)
    settings.setExtent(extent)
    settings.setOutputDpi(96 * scale)
    settings.setBackgroundColor(QColor("white"))
    settings.setFlag(Qgis.MapSettingsFlag.Antialiasing, True)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        job = QgsMapRendererCustomPainterJob(settings, painter)
        job.renderSynchronously()
        furnish(painter, size, settings.visibleExtent(), crs, scale)
    finally:
        painter.end()
    return image


def render_panels(panels: Sequence[Tuple[str, Sequence[MapLayer]]], *,
                  extent: Optional[QgsRectangle] = None,
                  crs: Optional[QgsCoordinateReferenceSystem] = None,
                  width: float = MAP_WIDTH, scale: float = 1.0) -> QImage:
    """Maps side by side in one image ``width`` x ``scale`` wide, each titled at its top
    left and furnished."""
    gap = int(round(8 * scale))
    total = int(round(width * scale))
    each = (total - gap * (len(panels) - 1)) // len(panels)
    images = [render(layers, extent=extent, crs=crs, width=each / scale, scale=scale)
              for _, layers in panels]
    height = max(image.height() for image in images)
    out = QImage(QSize(total, height), QImage.Format.Format_ARGB32_Premultiplied)
    out.fill(QColor("white"))
    painter = QPainter(out)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        font = QFont()
        font.setPixelSize(int(round(15 * scale)))
        font.setBold(True)
        painter.setFont(font)
        for position, ((title, _), image) in enumerate(zip(panels, images)):
            x = position * (each + gap)
            painter.drawImage(x, 0, image)
            painter.setPen(QPen(QColor("#222222")))
            painter.drawText(QPointF(x + 10 * scale, 8 * scale + painter.fontMetrics().ascent()),
                             title)
    finally:
        painter.end()
    return out


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def extent_of(folder: str, keys: Sequence[str]) -> Tuple[Optional[QgsRectangle], Any]:
    """One extent for every map of the report: the union of the given products (and the
    county outlines) in the CRS of the first raster among them."""
    layers = [layer for layer in (open_product(folder, key) for key in keys) if layer]
    ledger = outlines(folder)
    if ledger is not None:
        layers.append(ledger)
    if not layers:
        return None, None
    crs = next((layer.crs() for layer in layers if isinstance(layer, QgsRasterLayer)),
               layers[0].crs())
    return common_extent(layers, crs), crs
