"""Focal nodes from a point or polygon layer, on the grid of the resistance raster."""

from typing import Any, List, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessingException,
    QgsWkbTypes,
)

from ...espcore.circuits.focal import FocalNodes
from ...espcore.errors import EspInputError
from ...espcore.grid import Grid
from ..base import translate
from ..qgis_compat import GeometryType
from .patches import feature_id, rasterize_ids


def focal_from_features(source: Any, field: str, grid: Grid, transform_context: Any) -> FocalNodes:
    """Points -> one focal node per point; polygons -> focal regions (cell centres inside)."""
    transform = QgsCoordinateTransform(source.sourceCrs(),
                                       QgsCoordinateReferenceSystem.fromWkt(grid.crs or ""),
                                       transform_context)
    polygons = QgsWkbTypes.geometryType(source.wkbType()) == GeometryType.Polygon
    points: List[Tuple[int, float, float]] = []
    shapes: List[Tuple[int, bytes]] = []
    for number, feature in enumerate(source.getFeatures(), start=1):
        geometry = feature.geometry()
        if geometry.isEmpty():
            continue
        geometry.transform(transform)
        pid = feature_id(feature, field, number)
        if polygons:
            shapes.append((pid, bytes(geometry.asWkb())))
        else:
            for vertex in geometry.vertices():
                points.append((pid, vertex.x(), vertex.y()))
    try:
        if not polygons:
            return FocalNodes.from_points(points, grid.geotransform or (), grid.shape)
    except EspInputError as error:
        raise QgsProcessingException(translate(error.template, "espcore").format(
            **error.fields)) from None
    ids = rasterize_ids(shapes, grid)
    return FocalNodes.from_raster(ids, np.ones(ids.shape, dtype=bool))
