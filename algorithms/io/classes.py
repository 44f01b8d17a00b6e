"""Graded outputs shared by pinch points and barriers: N classes by Jenks, quantile or equal
interval, written as a Byte raster with a yellow-to-red style whose legend names the classes
(Very low ... Very high) with their limits."""

import os
from typing import Any, Dict, List, Optional, Sequence, Tuple
from xml.sax.saxutils import quoteattr

import numpy as np
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
)

from ...espcore.classify import class_breaks, classify
from ...espcore.grid import Grid
from ...espcore.progress import NullProgress, Progress
from ..base import EspAlgorithm, StyleOnLoad, translate
from ..qgis_compat import NumberType
from .raster import check_output_path, figures, write_grid

CLASSES = "CLASSES"
CLASS_METHOD = "CLASS_METHOD"
CLASSIFIED = "CLASSIFIED"
#: Enum order of CLASS_METHOD -> espcore.classify method names.
METHODS = ("jenks", "quantile", "equal")
#: ColorBrewer YlOrRd, 9 classes; N classes take N colours spread over it, top class red.
_RAMP = ("#ffffcc", "#ffeda0", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c",
         "#bd0026", "#800026")
MAX_CLASSES = len(_RAMP)


def add_class_parameters(algorithm: EspAlgorithm, what: str) -> None:
    """CLASSES, CLASS_METHOD and the optional CLASSIFIED raster; ``what`` names the values
    being graded in the help (already translated)."""
    tr, add = algorithm.tr, algorithm.add_parameter
    add(QgsProcessingParameterNumber(CLASSES, tr("Number of classes"),
                                     NumberType.Integer,
                                     defaultValue=5, minValue=2, maxValue=MAX_CLASSES),
        tr("The {what} are graded into this many classes (studies use 3-5; the top class "
           "is usually taken as the key areas).").format(what=what))
    add(QgsProcessingParameterEnum(CLASS_METHOD, tr("Classification method"),
                                   [tr("Natural breaks (Jenks)"), tr("Quantile"),
                                    tr("Equal interval")], defaultValue=0),
        tr("Jenks natural breaks as ArcGIS computes them (exact on up to 10,000 values; "
           "larger rasters are sampled evenly through the sorted values), quantiles (equal "
           "numbers of cells) or equal intervals between the minimum and the maximum."))
    add(QgsProcessingParameterRasterDestination(CLASSIFIED, tr("Classes"), optional=True,
                                                createByDefault=True),
        tr("Byte GeoTIFF: class 1 (lowest) to N (highest), 0 = NoData; styled yellow to red "
           "with the class limits in the legend."))


def write_classes(algorithm: EspAlgorithm, parameters: Dict[str, Any],
                  context: QgsProcessingContext, grid: Grid, description: str,
                  progress: Optional[Progress] = None) -> Tuple[Optional[str], np.ndarray]:
    """Grade ``grid`` (NaN or masked = NoData) and write the class raster if asked for.

    Returns the path (None when the output is skipped) and the N + 1 class edges.
    """
    path = algorithm.parameterAsOutputLayer(parameters, CLASSIFIED, context)
    if not path:
        return None, np.zeros(0)
    check_output_path(path)
    classes = algorithm.parameterAsInt(parameters, CLASSES, context)
    method = METHODS[algorithm.parameterAsEnum(parameters, CLASS_METHOD, context)]
    values = np.where(grid.mask, np.nan, grid.values.astype(np.float64))
    edges = class_breaks(values, classes, method=method, progress=progress or NullProgress())
    graded = classify(values, edges)
    write_grid(Grid(graded.astype(np.uint8), graded == 0, grid.cell_size, grid.geotransform,
                    grid.crs), path, dtype=np.uint8, nodata=0, description=description)
    StyleOnLoad.attach(context, path, class_style(edges, path))
    return path, edges


def class_style(edges: np.ndarray, raster: str) -> str:
    """Write a paletted QML for classes 1..N with the limits as labels beside ``raster``
    (``<name>.qml``, which QGIS loads with the file, so the classes read at a glance after
    a qgis_process run too); returns its path."""
    count = len(edges) - 1
    if count < 1:
        raise ValueError("class_style needs at least two edges")
    # Every other ramp colour while they last, ending on the darkest red.
    start = max(0, MAX_CLASSES - 1 - 2 * (count - 1))
    picks = np.rint(np.linspace(start, MAX_CLASSES - 1, count)).astype(int)
    names = class_names(count)
    return palette_style([(k + 1, _RAMP[picks[k]], "{0} ({1} – {2})".format(
        names[k], figures(edges[k]), figures(edges[k + 1]))) for k in range(count)], raster)


def class_names(count: int) -> List[str]:
    """Translated names of classes 1 (lowest) to ``count`` (highest): "Very low" ...
    "Very high" up to seven classes, "Class 8" beyond."""
    very_low, low, medium_low, medium, medium_high, high, very_high = (
        translate("Very low"), translate("Low"), translate("Medium-low"), translate("Medium"),
        translate("Medium-high"), translate("High"), translate("Very high"))
    names = {2: [low, high], 3: [low, medium, high], 4: [low, medium, high, very_high],
             5: [very_low, low, medium, high, very_high],
             6: [very_low, low, medium_low, medium_high, high, very_high],
             7: [very_low, low, medium_low, medium, medium_high, high, very_high]}
    return names.get(count) or [translate("Class {number}").format(number=k + 1)
                                for k in range(count)]


def palette_style(entries: Sequence[Tuple[int, str, str]], raster: str) -> str:
    """Write a paletted QML of (value, colour, label) entries beside ``raster`` as
    ``<name>.qml`` (QGIS loads it with the file); returns its path."""
    lines = ['        <paletteEntry value="{0}" alpha="255" color="{1}" label={2}/>'
             .format(int(value), colour, quoteattr(label)) for value, colour, label in entries]
    text = _QML.replace("@ENTRIES@", "\n".join(lines))
    path = os.path.splitext(raster)[0] + ".qml"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path


_QML = """<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="AllStyleCategories">
  <pipe>
    <rasterrenderer band="1" alphaBand="-1" type="paletted" opacity="1">
      <colorPalette>
@ENTRIES@
      </colorPalette>
    </rasterrenderer>
    <brightnesscontrast brightness="0" contrast="0" gamma="1"/>
    <huesaturation saturation="0" grayscaleMode="0" colorizeOn="0" invertColors="0"/>
    <rasterresampler maxOversampling="2"/>
    <resamplingStage>resamplingFilter</resamplingStage>
  </pipe>
  <blendMode>0</blendMode>
</qgis>
"""
