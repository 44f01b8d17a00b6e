"""Render styled layers to a PNG, for the README's pictures and for looking at outputs.

Usage: python tools/render_map.py OUT.png LAYER[:STYLE.qml] [LAYER[:STYLE.qml] ...]
Layers are drawn bottom first; .gpkg/.shp files are drawn as grey outlines unless a style is
given or saved beside them. Styles whose colour stops span 0-1 (current.qml, voltage.qml,
degradation.qml) are stretched over the layer's 2-98 % range, as the plugin does on load.
Runs headless (QT_QPA_PLATFORM=offscreen).
With --sidecar, each raster's stretched style is also saved next to it as <name>.qml.
"""

import os
import sys

from qgis.core import (
    QgsApplication,
    QgsFillSymbol,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsRasterLayer,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "build", "plugins"))
from esp_toolkit.algorithms.base import stretch_pseudocolor  # noqa: E402

STRETCHED = ("current.qml", "voltage.qml", "degradation.qml", "corridors.qml", "barriers.qml")


def load(spec):
    path, _, style = spec.partition(":")
    name = os.path.splitext(os.path.basename(path))[0]
    if path.endswith((".gpkg", ".shp", ".geojson")):
        layer = QgsVectorLayer(path, name, "ogr")
        # A style saved beside the file (as the zoning tools write) is kept.
        if not style and layer.renderer().type() == "singleSymbol":
            symbol = QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": "60,60,60",
                                                 "outline_width": "0.15"})
            layer.renderer().setSymbol(symbol)
    else:
        layer = QgsRasterLayer(path, name)
    if not layer.isValid():
        raise SystemExit("cannot open " + path)
    if style:
        layer.loadNamedStyle(style)
        if os.path.basename(style) in STRETCHED:
            stretch_pseudocolor(layer)
    return layer


def main(argv):
    if len(argv) < 3:
        raise SystemExit(__doc__)
    app = QgsApplication([], False)
    app.initQgis()
    sidecar = "--sidecar" in argv
    argv = [a for a in argv if a != "--sidecar"]
    layers = [load(spec) for spec in argv[2:]]
    if sidecar:
        for layer in layers:
            if isinstance(layer, QgsRasterLayer):
                layer.saveNamedStyle(os.path.splitext(layer.source())[0] + ".qml")
    extent = QgsRectangle(layers[0].extent())
    for layer in layers[1:]:
        extent.combineExtentWith(layer.extent())
    extent.scale(1.03)
    settings = QgsMapSettings()
    settings.setLayers(list(reversed(layers)))
    settings.setDestinationCrs(layers[0].crs())
    settings.setExtent(extent)
    width = 900
    settings.setOutputSize(QSize(width, int(width * extent.height() / extent.width())))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(argv[1], "png")
    print("wrote " + argv[1])


if __name__ == "__main__":
    main(sys.argv)
