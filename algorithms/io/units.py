"""Administrative units (counties) for collaborative zoning: read, checked for overlaps and
gaps, and burnt onto the analysis grid."""

from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsSpatialIndex,
)

from ...espcore.grid import Grid
from ..base import translate
from ..qgis_compat import is_null
from .patches import rasterize_ids


@dataclass
class Units:
    """The units in layer order (unit k is position k + 1 in the core's tables)."""

    features: List[QgsFeature]
    names: List[str]
    groups: List[Optional[str]]
    geometries: List[QgsGeometry]  # in the grid's CRS

    @property
    def count(self) -> int:
        return len(self.names)

    def areas(self) -> np.ndarray:
        """The area of each unit (squared map units of the grid's CRS), in layer order."""
        return np.array([geometry.area() for geometry in self.geometries], dtype=np.float64)

    def name(self, index: int) -> str:
        """The name of unit ``index`` (1..U), or the label of "outside" for 0."""
        return self.names[index - 1] if index > 0 else translate("(outside every unit)")


@dataclass
class Topology:
    """Overlaps and gaps of the units, areas in squared map units."""

    overlap_area: float
    overlaps: List[Tuple[int, int, float]]  # (unit a, unit b, area), a < b, 1-based
    gap_area: float
    gaps: int


def _text(value: Any) -> Optional[str]:
    if is_null(value):
        return None
    text = str(value).strip()
    return text or None


def read_units(source: QgsProcessingFeatureSource, name_field: str,
               group_field: Optional[str], grid_crs: str,
               context: QgsProcessingContext) -> Units:
    """The unit polygons transformed to the grid's CRS; empty geometries are refused."""
    transform = QgsCoordinateTransform(source.sourceCrs(),
                                       QgsCoordinateReferenceSystem.fromWkt(grid_crs),
                                       context.transformContext())
    features, names, groups, geometries = [], [], [], []
    for number, feature in enumerate(source.getFeatures(), start=1):
        geometry = QgsGeometry(feature.geometry())
        if geometry.isNull() or geometry.isEmpty():
            raise QgsProcessingException(translate(
                "Administrative unit {number} ('{name}') has no geometry; remove it or fix "
                "it.").format(number=number,
                              name=(_text(feature[name_field]) if name_field else "") or ""))
        geometry.transform(transform)
        features.append(feature)
        name = _text(feature[name_field]) if name_field else None
        names.append(name or translate("Unit {n}").format(n=number))
        groups.append(_text(feature[group_field]) if group_field else None)
        geometries.append(geometry)
    if not features:
        raise QgsProcessingException(translate("The administrative units layer is empty."))
    return Units(features, names, groups, geometries)


def topology(units: Units, tolerance: float) -> Topology:
    """Pairwise overlaps (area above ``tolerance``) and the holes of the units' union (gaps
    enclosed by units; the outer boundary of the study area is not a gap)."""
    index = QgsSpatialIndex()
    for number, geometry in enumerate(units.geometries):
        index.addFeature(number, geometry.boundingBox())
    overlaps = []
    for a, geometry in enumerate(units.geometries):
        engine = QgsGeometry.createGeometryEngine(geometry.constGet())
        engine.prepareGeometry()
        for b in index.intersects(geometry.boundingBox()):
            if b <= a or not engine.intersects(units.geometries[b].constGet()):
                continue
            area = geometry.intersection(units.geometries[b]).area()
            if area > tolerance:
                overlaps.append((a + 1, b + 1, area))
    union = QgsGeometry.unaryUnion(units.geometries)
    gap_area, gaps = 0.0, 0
    for polygon in (union.asMultiPolygon() if union.isMultipart() else [union.asPolygon()]):
        for ring in polygon[1:]:
            area = QgsGeometry.fromPolygonXY([ring]).area()
            if area > tolerance:
                gap_area += area
                gaps += 1
    return Topology(sum(area for _, _, area in overlaps), overlaps, gap_area, gaps)


def unit_raster(units: Units, grid: Grid) -> np.ndarray:
    """Unit position 1..U of each cell (by its centre), 0 in no unit; where units overlap
    the first in layer order wins."""
    shapes = [(number, bytes(geometry.asWkb()))
              for number, geometry in enumerate(units.geometries, start=1)]
    # rasterize_ids lets later shapes win; burning in reverse makes the first win.
    return rasterize_ids(list(reversed(shapes)), grid)


def group_labels(units: Units) -> Optional[np.ndarray]:
    """Integer labels 1..G of the units' groups (prefectures) in order of first appearance,
    0 for a unit without a group; None when no group field was given."""
    if all(group is None for group in units.groups):
        return None
    codes: Dict[str, int] = {}
    labels = [codes.setdefault(group, len(codes) + 1) if group is not None else 0
              for group in units.groups]
    return np.array(labels, dtype=np.int64)
