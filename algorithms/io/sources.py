"""Sources for the corridor tools: polygons with an id field, or a raster of ids.

Every connectivity tool after 'Extract ecological sources' takes its sources the same way,
so the three parameters and the reading live here once.
"""

from typing import Any, Dict, List, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterRasterLayer,
)

from ...espcore.grid import Grid
from ..base import EspAlgorithm, translate
from ..qgis_compat import FieldDataType, SourceType
from .patches import feature_id, rasterize_ids
from .raster import read_aligned

RESISTANCE = "RESISTANCE"
SOURCES = "SOURCES"
SOURCE_ID_FIELD = "SOURCE_ID_FIELD"
SOURCE_RASTER = "SOURCE_RASTER"


def add_source_parameters(algorithm: EspAlgorithm) -> None:
    """The sources as polygons (with an id field) or as a raster of ids; one is required."""
    tr, add = algorithm.tr, algorithm.add_parameter
    add(QgsProcessingParameterFeatureSource(SOURCES, tr("Sources (polygons)"),
                                            [SourceType.VectorPolygon], optional=True),
        tr("Ecological sources (core areas) as polygons, for example the output of 'Extract "
           "ecological sources'. Each polygon is burnt onto the resistance grid (cells whose "
           "centre it covers). Give either these polygons or a source id raster."))
    add(QgsProcessingParameterField(SOURCE_ID_FIELD, tr("Source id field"),
                                    parentLayerParameterName=SOURCES,
                                    type=FieldDataType.Numeric, optional=True),
        tr("Positive whole-number id of each source (source_id in 'Extract ecological "
           "sources'). Features sharing an id form one source. Empty: features are "
           "numbered 1, 2, ... in layer order."))
    add(QgsProcessingParameterRasterLayer(SOURCE_RASTER, tr("Source id raster"),
                                          optional=True),
        tr("Instead of polygons: a raster of source ids (0 or NoData = no source) on the grid "
           "of the resistance raster, such as the source id raster of 'Extract ecological "
           "sources'."))


def add_resistance_parameter(algorithm: EspAlgorithm, use: str = "") -> None:
    """The resistance raster the corridor tools share; ``use`` (translated) adds a sentence
    on which raster to give."""
    text = algorithm.tr(
        "Cost of crossing one map unit of each cell, e.g. the output of 'Resistance "
        "surface'; positive everywhere except NoData, which cannot be crossed. Must be in a "
        "projected CRS.")
    algorithm.add_parameter(QgsProcessingParameterRasterLayer(
        RESISTANCE, algorithm.tr("Resistance raster")), text + (" " + use if use else ""))


def read_sources(algorithm: EspAlgorithm, parameters: Dict[str, Any],
                 context: QgsProcessingContext,
                 feedback: QgsProcessingFeedback) -> Tuple[Grid, np.ndarray]:
    """The resistance grid and the source ids on it (int64, 0 = none), from the polygons
    or from the id raster (which must share the resistance grid)."""
    tr = algorithm.tr
    resistance = algorithm.parameterAsRasterLayer(parameters, RESISTANCE, context)
    if resistance is None:
        raise QgsProcessingException(tr("Give the resistance raster."))
    source = algorithm.parameterAsSource(parameters, SOURCES, context)
    raster = algorithm.parameterAsRasterLayer(parameters, SOURCE_RASTER, context)
    if (source is None) == (raster is None):
        raise QgsProcessingException(tr(
            "Give the sources either as polygons or as a source id raster (exactly one of "
            "the two)."))
    layers = {tr("Resistance raster"): (resistance, 1)}
    if raster is not None:
        layers[tr("Source id raster")] = (raster, 1)
    grids = list(read_aligned(layers).values())
    grid = grids[0]
    if grid.crs and QgsCoordinateReferenceSystem.fromWkt(grid.crs).isGeographic():
        raise QgsProcessingException(tr(
            "The resistance raster is in a geographic CRS (degrees); cost distances need "
            "metres. Reproject it to a projected CRS first (Raster > Projections > Warp)."))
    if raster is not None:
        ids = grids[1]
        values = np.where(ids.mask, 0.0, ids.values.astype(np.float64))
        values = np.where(np.isfinite(values), values, 0.0)
        if np.any(values != np.round(values)):
            raise QgsProcessingException(tr(
                "Source ids must be whole numbers; the source id raster holds fractions."))
        return grid, np.where(values > 0, values, 0).astype(np.int64)
    field = algorithm.parameterAsString(parameters, SOURCE_ID_FIELD, context)
    transform = QgsCoordinateTransform(source.sourceCrs(),
                                       QgsCoordinateReferenceSystem.fromWkt(grid.crs or ""),
                                       context.transformContext())
    shapes: List[Tuple[int, bytes]] = []
    for number, feature in enumerate(source.getFeatures(), start=1):
        geometry = feature.geometry()
        if geometry.isNull() or geometry.isEmpty():
            continue
        pid = feature_id(feature, field, number)
        geometry.transform(transform)
        shapes.append((pid, bytes(geometry.asWkb())))
    if not shapes:
        raise QgsProcessingException(tr("The source layer has no polygon."))
    labels = rasterize_ids(shapes, grid)
    missing = sorted({pid for pid, _ in shapes} - set(np.unique(labels).tolist()))
    if missing:
        feedback.pushWarning(translate(
            "Sources {ids} cover no cell centre of the resistance grid and are left out; "
            "use a finer grid or larger sources.").format(
                ids=", ".join(str(pid) for pid in missing[:10])))
    return grid, labels
