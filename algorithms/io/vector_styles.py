"""Categorised vector styles built in code, so their legend labels can be translated.

A static QML file would hold English labels; these styles are written per run with the
labels of the user's language and saved as a QML file (beside the output for file outputs,
which QGIS then loads with the layer, and for Processing's style-on-load).
"""

import os
from typing import Optional, Sequence, Tuple

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsRendererCategory,
    QgsSymbol,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

from ..qgis_compat import GeometryType, int_field

#: (value, fill colour, legend label); value None = every other value (NULL included)
Category = Tuple[Optional[int], str, str]


def categorized_style(path: str, field: str, categories: Sequence[Category],
                      outline: str = "#404040") -> str:
    """Save a polygon style colouring ``field`` by ``categories`` to ``path`` (a .qml)."""
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326", "style", "memory")
    layer.dataProvider().addAttributes([int_field(field)])
    layer.updateFields()
    items = []
    for value, colour, label in categories:
        symbol = QgsSymbol.defaultSymbol(GeometryType.Polygon)
        symbol.setColor(QColor(colour))
        symbol_layer = symbol.symbolLayer(0)
        symbol_layer.setStrokeColor(QColor(outline))
        symbol_layer.setStrokeWidth(0.1)
        # An empty value is QGIS's "all other values" category.
        items.append(QgsRendererCategory("" if value is None else int(value), symbol, label))
    layer.setRenderer(QgsCategorizedSymbolRenderer(field, items))
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    message, ok = layer.saveNamedStyle(path)
    if not ok:
        raise OSError(message)
    return path
