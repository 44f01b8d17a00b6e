"""The corridor links layer that 'Linkage pathways' writes and the other corridor tools read.

Field names follow Linkage Mapper's link tables, so users moving from ArcGIS find the columns
they know, and models can pass the layer from one tool to the next.
"""

import math
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
)

from ...espcore.corridors.corridors import cost_mismatch
from ..base import EspAlgorithm, translate
from ..qgis_compat import SourceType, new_field

LINKS = "LINKS"

#: Fields of every link, in the order written: (name, kind of qgis_compat.new_field).
LINK_FIELDS: Tuple[Tuple[str, Any], ...] = (
    ("Link_ID", "int"), ("Active", "int"), ("Link_Type", "int"),
    ("Link_Info", "string"), ("From_Core", "int"), ("To_Core", "int"),
    ("Euc_Dist", "double"), ("CW_Dist", "double"),
    ("LCP_Length", "double"), ("cwd2Euc_R", "double"),
    ("cwd2Path_R", "double"))
#: Fields added by 'Pinch points' and 'Centrality'.
PINCH_FIELDS = (("Eff_Resist", "double"), ("cwd2EffR_r", "double"))
CENTRALITY_FIELDS = (("CF_Central", "double"),)


def nullable(value: float) -> Optional[float]:
    """A float attribute, or None (NULL) for NaN and infinities."""
    return float(value) if math.isfinite(value) else None


def fields_of(*groups: Sequence[Tuple[str, Any]]) -> QgsFields:
    fields = QgsFields()
    for group in groups:
        for name, kind in group:
            fields.append(new_field(name, kind))
    return fields


@dataclass
class LinkTable:
    """The links of a links layer, one row per feature (in feature order)."""

    features: List[QgsFeature]
    link_id: np.ndarray
    from_core: np.ndarray
    to_core: np.ndarray
    cw_dist: np.ndarray
    active: np.ndarray

    def end_sources(self, rows: np.ndarray) -> np.ndarray:
        """From_Core and To_Core of the links at ``rows``, shape (len(rows), 2)."""
        return np.column_stack((self.from_core[rows], self.to_core[rows])).astype(np.int64)

    def active_pairs(self) -> List[Tuple[int, int]]:
        return [(int(a), int(b)) for a, b, keep in
                zip(self.from_core, self.to_core, self.active) if keep]


def add_links_parameter(algorithm: EspAlgorithm) -> None:
    algorithm.add_parameter(
        QgsProcessingParameterFeatureSource(LINKS, algorithm.tr("Corridor links"),
                                            [SourceType.VectorLine]),
        algorithm.tr("The least-cost paths of 'Linkage pathways' (fields From_Core, To_Core, "
                     "CW_Dist and Active). Only active links (Active = 1) are used; edit "
                     "Active to leave links out or bring them back."))


def number_or_nan(value: Any) -> float:
    """An attribute as a float; NaN for NULL (see qgis_compat.is_null) and non-numbers."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


def read_links(algorithm: EspAlgorithm, parameters: Dict[str, Any],
               context: QgsProcessingContext) -> LinkTable:
    """Read the links layer; a clear error names any missing field."""
    source = algorithm.parameterAsSource(parameters, LINKS, context)
    if source is None:
        raise QgsProcessingException(translate("Give the corridor links layer."))
    names = source.fields().names()
    needed = ("From_Core", "To_Core", "CW_Dist", "Active")
    missing = [name for name in needed if name not in names]
    if missing:
        raise QgsProcessingException(translate(
            "The links layer lacks the fields {fields}; use the least-cost paths written by "
            "'Linkage pathways'.").format(fields=", ".join(missing)))
    features = list(source.getFeatures())
    rows = []
    for number, feature in enumerate(features, start=1):
        values = [number_or_nan(feature[name]) for name in needed]
        link_id = number_or_nan(feature["Link_ID"]) if "Link_ID" in names else math.nan
        rows.append([link_id if math.isfinite(link_id) else number] + values)
    table = np.array(rows, dtype=np.float64).reshape(-1, 5)
    active = table[:, 4] > 0
    ends = table[active][:, 1:3]
    bad = ~np.isfinite(ends).all(axis=1) | (ends <= 0).any(axis=1) | \
        (ends != np.round(ends)).any(axis=1)
    if np.any(bad):
        raise QgsProcessingException(translate(
            "Active links need positive whole-number From_Core and To_Core; link {id} has "
            "{a} and {b}.").format(id=int(table[active][bad][0, 0]),
                                   a=ends[bad][0, 0], b=ends[bad][0, 1]))
    return LinkTable(features, table[:, 0].astype(np.int64),
                     np.nan_to_num(table[:, 1]).astype(np.int64),
                     np.nan_to_num(table[:, 2]).astype(np.int64), table[:, 3], active)


def active_rows(table: LinkTable, labels: Optional[np.ndarray] = None) -> np.ndarray:
    """Rows of the active links; an error names the first link that cannot be used: none
    active, a link from a source to itself, or (with ``labels``) a source not on the grid."""
    active = np.flatnonzero(table.active)
    if active.size == 0:
        raise QgsProcessingException(translate(
            "The links layer has no active link (Active = 1). Set Active to 1 on the links "
            "to use."))
    present = None if labels is None else set(np.unique(labels[labels > 0]).tolist())
    for row in active:
        link_id, a, b = (int(table.link_id[row]), int(table.from_core[row]),
                         int(table.to_core[row]))
        if a == b:
            raise QgsProcessingException(translate(
                "Active link {id} joins source {a} to itself; fix From_Core / To_Core or set "
                "Active to 0.").format(id=link_id, a=a))
        missing = [] if present is None else [end for end in (a, b) if end not in present]
        if missing:
            raise QgsProcessingException(translate(
                "Active link {id} joins sources {a} and {b}, but source {missing} is not "
                "among the sources (or covers no passable cell of the resistance grid). Give "
                "the sources the links were built from, or set Active to 0 on that "
                "link.").format(id=link_id, a=a, b=b, missing=missing[0]))
    return active


def link_values(table: LinkTable, rows: np.ndarray, field: str) -> np.ndarray:
    """The numbers in ``field`` of the links at ``rows``; NaN where there is none."""
    return np.array([number_or_nan(table.features[row][field]) for row in rows],
                    dtype=np.float64)


def link_lines(algorithm: EspAlgorithm, parameters: Dict[str, Any],
               context: QgsProcessingContext, table: LinkTable, rows: np.ndarray,
               crs: str) -> List[List[np.ndarray]]:
    """Vertices of the paths of the links at ``rows`` in the CRS ``crs`` (WKT), one (k, 2)
    array per part of two or more vertices; an empty list for a link without geometry."""
    source = algorithm.parameterAsSource(parameters, LINKS, context)
    transform = QgsCoordinateTransform(source.sourceCrs(),
                                       QgsCoordinateReferenceSystem.fromWkt(crs),
                                       context.transformContext())
    lines = []
    for row in rows:
        geometry = QgsGeometry(table.features[row].geometry())
        parts: List[np.ndarray] = []
        if not geometry.isNull() and not geometry.isEmpty():
            geometry.transform(transform)
            polylines = geometry.asMultiPolyline() if geometry.isMultipart() \
                else [geometry.asPolyline()]
            parts = [np.array([(p.x(), p.y()) for p in line]) for line in polylines
                     if len(line) > 1]
        lines.append(parts)
    return lines


#: CW_Dist in the layer and the least-cost distance recomputed from the sources may differ
#: by rounding; beyond this relative difference the layer was built from other inputs.
CW_DIST_RTOL = 1e-3


def warn_cost_mismatch(feedback: Any, table: LinkTable, rows: Union[Sequence[int], np.ndarray],
                       costs: Union[Sequence[float], np.ndarray]) -> None:
    """Warn about links whose CW_Dist differs from the cost recomputed on this raster."""
    rows = np.asarray(rows, dtype=np.int64)
    costs = np.asarray(costs, dtype=np.float64)
    differ = cost_mismatch(table.cw_dist[rows], costs, rtol=CW_DIST_RTOL)
    differing = ["{0} ({1:.6g} / {2:.6g})".format(int(table.link_id[row]), table.cw_dist[row],
                                                  cost)
                 for row, cost in zip(rows[differ], costs[differ])]
    if differing:
        feedback.pushWarning(translate(
            "CW_Dist in the links layer differs from the least-cost distance on this "
            "resistance raster (link: CW_Dist / recomputed): {links}. The recomputed values "
            "are used; were the links built on other inputs?").format(
                links=", ".join(differing[:20])))


def fields_with(fields: QgsFields, extra: Sequence[Tuple[str, Any]]) -> Tuple[QgsFields,
                                                                           List[int]]:
    """A copy of ``fields`` with the ``extra`` fields (reused when already there, e.g. from
    an earlier run) and the indexes their values go to."""
    out = QgsFields(fields)
    indexes = []
    for name, kind in extra:
        index = out.indexFromName(name)
        if index < 0:
            out.append(new_field(name, kind))
            index = out.count() - 1
        indexes.append(index)
    return out, indexes


def with_values(feature: QgsFeature, fields: QgsFields, indexes: Sequence[int],
                values: Sequence[Any]) -> QgsFeature:
    """A copy of ``feature`` on ``fields`` with ``values`` at ``indexes`` (None = NULL)."""
    out = QgsFeature(fields)
    out.setGeometry(feature.geometry())
    attributes = list(feature.attributes())
    attributes += [None] * (fields.count() - len(attributes))
    for index, value in zip(indexes, values):
        attributes[index] = value
    out.setAttributes(attributes)
    return out
