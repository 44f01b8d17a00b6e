"""Render styled layers to a PNG, for the README's pictures and for looking at outputs.

Usage: python tools/render_map.py OUT.png LAYER[:STYLE.qml] [LAYER[:STYLE.qml] ...]
Layers are drawn bottom first; .gpkg/.shp files are drawn as grey outlines unless a style is
given. Runs headless (QT_QPA_PLATFORM=offscreen).
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


def load(spec):
    path, _, style = spec.partition(":")
    name = os.path.splitext(os.path.basename(path))[0]
    if path.endswith((".gpkg", ".shp", ".geojson")):
        layer = QgsVectorLayer(path, name, "ogr")
        if not style:
            symbol = QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": "60,60,60",
                                                 "outline_width": "0.15"})
            layer.renderer().setSymbol(symbol)
    else:
        layer = QgsRasterLayer(path, name)
    if not layer.isValid():
        raise SystemExit("cannot open " + path)
    if style:
        layer.loadNamedStyle(style)
    return layer


def main(argv):
    if len(argv) < 3:
        raise SystemExit(__doc__)
    app = QgsApplication([], False)
    app.initQgis()
    layers = [load(spec) for spec in argv[2:]]
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
