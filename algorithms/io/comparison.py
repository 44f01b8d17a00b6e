"""The outputs of 'Compare two runs' (esp:compareesp): change rasters with paletted styles,
the units and groups with their indicators and score, the zone transitions and the links
followed from one run to the other, each styled with translated labels."""

import os
import uuid
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsGraduatedSymbolRenderer,
    QgsProcessingContext,
    QgsRendererCategory,
    QgsRendererRange,
    QgsSymbol,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from ...espcore.grid import Grid
from ...espcore.programme.compare import (
    GAINED,
    KEPT,
    LOST,
    LinkChanges,
    ZoneTransitions,
)
from ...espcore.programme.effectiveness import (
    PARTS,
    Effectiveness,
    UnitIndicators,
    effectiveness,
    group_indicators,
)
from ...espcore.zoning.zones import ZONES
from ..base import StyleOnLoad, translate
from ..qgis_compat import GeometryType, WkbType, double_field, new_field, string_field
from .classes import palette_style
from .links import nullable
from .raster import write_grid
from .runfolder import Run
from .sinks import open_sink, write_all
from .units import Units
from .zones import ZONE_COLOURS, file_of, write_table

#: Indicator fields, before (_a) and after (_b): the UnitIndicators in PARTS order.
INDICATORS = (("eca_km2", "eca"), ("src_km2", "source_area"), ("lcd", "corridor_cost"),
              ("rz_km2", "restoration_area"))
#: The relative change r_k of each of PARTS.
CHANGES = ("r_eca", "r_src", "r_lcd", "r_rz")
assert [part for _, part in INDICATORS] == list(PARTS)
#: Link status (field values; the legend shows them translated) and their colours.
STATUS_COLOURS = {"matched": "#636363", "new": "#1a9641", "extra": "#2c7bb6",
                  "lost": "#d7191c"}
#: Score classes (lower, upper, colour): ColorBrewer RdYlGn, red = worse.
SCORE_CLASSES = ((-100.0, -50.0, "#d7191c"), (-50.0, -10.0, "#fdae61"),
                 (-10.0, 10.0, "#ffffbf"), (10.0, 50.0, "#a6d96a"), (50.0, 100.0, "#1a9641"))
NO_ZONE_COLOUR = "#bdbdbd"


# -- rasters --------------------------------------------------------------------------------

def source_change_entries() -> List[Tuple[int, str, str]]:
    return [(KEPT, "#1a9641", translate("Source in both runs")),
            (LOST, "#d7191c", translate("Source lost")),
            (GAINED, "#2c7bb6", translate("Source gained"))]


def short_zone_names() -> Dict[int, str]:
    return {0: translate("No zone"), 1: translate("Conservation"), 2: translate("Restoration"),
            3: translate("Improvement"), 4: translate("Control")}


def _blend(first: str, second: str, share: float) -> str:
    """``first`` with ``share`` of ``second`` mixed in."""
    a, b = QColor(first), QColor(second)
    return QColor(*(round(x * (1 - share) + y * share) for x, y in (
        (a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue())))).name()


def zone_change_entries(codes: Iterable[int]) -> List[Tuple[int, str, str]]:
    """Palette entries of change codes 10 a + b: the colour of zone b tinted by zone a."""
    names = short_zone_names()
    colours = {0: NO_ZONE_COLOUR, **ZONE_COLOURS}
    entries = []
    for code in codes:
        a, b = divmod(int(code), 10)
        entries.append((int(code), _blend(colours[b], colours[a], 0.3),
                        translate("{a} -> {b}").format(a=names[a], b=names[b])))
    return entries


def write_change_raster(context: QgsProcessingContext, grid: Grid, values: np.ndarray,
                        path: str, entries: Sequence[Tuple[int, str, str]],
                        description: str, taken: List[str]) -> str:
    """A Byte GeoTIFF on ``grid`` (0 = NoData) with its paletted style beside it."""
    write_grid(grid.like(values.astype(np.uint8), mask=values == 0), path, dtype=np.uint8,
               nodata=0, description=description)
    taken.append(palette_style(entries, path))
    StyleOnLoad.attach(context, path, taken[-1])
    return path


# -- styles ---------------------------------------------------------------------------------

def _save(layer: QgsVectorLayer, destination: str, fallback: str, taken: List[str]) -> str:
    """Save the layer's style beside the file of ``destination`` (QGIS loads it with the
    file), or in the temp folder when there is no file or another output of the run already
    wrote that sidecar (``taken``, to which the path is added)."""
    from qgis.core import QgsProcessingUtils

    path = file_of(destination)
    qml = os.path.abspath(os.path.splitext(path)[0] + ".qml") if path else ""
    if not qml or qml in {os.path.abspath(other) for other in taken}:
        qml = os.path.join(QgsProcessingUtils.tempFolder(),
                           "{0}_{1}.qml".format(fallback, uuid.uuid4().hex[:8]))
    os.makedirs(os.path.dirname(qml), exist_ok=True)
    message, ok = layer.saveNamedStyle(qml)
    if not ok:
        raise OSError(message)
    taken.append(qml)
    return qml


def score_style(context: QgsProcessingContext, destination: str, taken: List[str]) -> None:
    """Units coloured by score, red (worse) to green (better), applied on load."""
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326", "style", "memory")
    layer.dataProvider().addAttributes([double_field("score")])
    layer.updateFields()
    ranges = []
    for low, high, colour in SCORE_CLASSES:
        symbol = QgsSymbol.defaultSymbol(GeometryType.Polygon)
        symbol.setColor(QColor(colour))
        symbol.symbolLayer(0).setStrokeColor(QColor("#404040"))
        ranges.append(QgsRendererRange(low, high, symbol, translate(
            "Score {low:g} to {high:g}").format(low=low, high=high)))
    layer.setRenderer(QgsGraduatedSymbolRenderer("score", ranges))
    StyleOnLoad.attach(context, destination, _save(layer, destination, "esp_scores", taken))


def link_style(context: QgsProcessingContext, destination: str, taken: List[str]) -> None:
    """Links coloured by status (lost ones dashed), applied on load."""
    layer = QgsVectorLayer("LineString?crs=EPSG:4326", "style", "memory")
    layer.dataProvider().addAttributes([string_field("status")])
    layer.updateFields()
    labels = {"matched": translate("Corridor in both runs"), "new": translate("New corridor"),
              "extra": translate("Second corridor between the same sources"),
              "lost": translate("Lost corridor")}
    categories = []
    for status, colour in STATUS_COLOURS.items():
        symbol = QgsSymbol.defaultSymbol(GeometryType.Line)
        symbol.setColor(QColor(colour))
        symbol.setWidth(0.8)
        if status == "lost":
            symbol.symbolLayer(0).setPenStyle(Qt.PenStyle.DashLine)
        categories.append(QgsRendererCategory(status, symbol, labels[status]))
    layer.setRenderer(QgsCategorizedSymbolRenderer("status", categories))
    StyleOnLoad.attach(context, destination, _save(layer, destination, "esp_links", taken))


# -- tables ---------------------------------------------------------------------------------

def indicator_columns() -> List[Tuple[str, str]]:
    columns = [(name + suffix, "double") for name, _ in INDICATORS for suffix in ("_a", "_b")]
    return columns + [(name, "double") for name in CHANGES] + [("score", "double")]


def indicator_values(before: UnitIndicators, after: UnitIndicators, result: Effectiveness,
                     index: int) -> List[Optional[float]]:
    """The values of :func:`indicator_columns` of unit (or group) ``index`` (0-based)."""
    values = []
    for _, part in INDICATORS:
        values += [nullable(float(getattr(run, part)[index])) for run in (before, after)]
    values += [nullable(float(value)) for value in result.change[index]]
    return values + [nullable(float(result.score[index]))]


def write_units(algorithm: Any, parameters: Dict[str, Any], key: str,
                context: QgsProcessingContext, units: Units, before: UnitIndicators,
                after: UnitIndicators, result: Effectiveness, taken: List[str]) -> str:
    """The units' polygons (in their own CRS) with name, group, indicators and score."""
    source = algorithm.parameterAsSource(parameters, algorithm.UNITS, context)
    fields = QgsFields()
    for name, kind in [("unit", "string"), ("group", "string")] + indicator_columns():
        fields.append(new_field(name, kind))
    sink, destination = open_sink(algorithm, parameters, key, context, fields,
                                  source.wkbType(), source.sourceCrs())
    rows = []
    for index, feature in enumerate(units.features):
        out = QgsFeature(fields)
        out.setGeometry(feature.geometry())
        out.setAttributes([units.names[index], units.groups[index]]
                          + indicator_values(before, after, result, index))
        rows.append(out)
    write_all(sink, rows)
    score_style(context, destination, taken)
    return destination


def group_sums(names: Sequence[Optional[str]], labels: np.ndarray,
               indicators: Sequence[UnitIndicators], end_units: Sequence[np.ndarray],
               costs: Sequence[np.ndarray], weights: Sequence[float]) -> tuple:
    """(group names, units per group, indicators before, after, effectiveness) of the groups
    1..G of ``labels`` (0 = a unit without group); ``end_units``: unit 1..U, 0 outside, at
    each end of each run's links, whose ``costs`` these are."""
    count = int(labels.max())
    order: Dict[int, str] = {}
    for label, name in zip(labels, names):
        if label > 0:
            order.setdefault(int(label), name or "")
    sums = [group_indicators(unit, labels - 1, np.asarray(ends) - 1, cost, n_groups=count)
            for unit, ends, cost in zip(indicators, end_units, costs)]
    return ([order[k] for k in range(1, count + 1)],
            np.bincount(labels, minlength=count + 1)[1:], sums[0], sums[1],
            effectiveness(sums[0], sums[1], weights=weights))


def write_groups(algorithm: Any, parameters: Dict[str, Any], key: str,
                 context: QgsProcessingContext, names: Sequence[str], counts: np.ndarray,
                 before: UnitIndicators, after: UnitIndicators, result: Effectiveness) -> str:
    columns = [("group", "string"), ("units", "int")] + indicator_columns()
    rows = ([name, int(counts[index])] + indicator_values(before, after, result, index)
            for index, name in enumerate(names))
    return write_table(algorithm, parameters, key, context, columns, rows)


def write_transitions(algorithm: Any, parameters: Dict[str, Any], key: str,
                      context: QgsProcessingContext, units: Units,
                      transitions: ZoneTransitions) -> str:
    """Long table of the zone transitions: per unit, outside every unit, and in all."""
    names = short_zone_names()
    columns = (("unit", "string"), ("group", "string"), ("zone_a", "int"), ("zone_b", "int"),
               ("from_zone", "string"), ("to_zone", "string"), ("changed", "int"),
               ("area_km2", "double"))
    tables = [(units.names[u], units.groups[u], transitions.by_unit[u])
              for u in range(units.count)]
    tables += [(units.name(0), None, transitions.outside),
               (translate("Total"), None, transitions.area)]
    codes = (0,) + tuple(ZONES)
    rows = [[name, group, a, b, names[a], names[b], int(a != b), float(table[a, b])]
            for name, group, table in tables for a in codes for b in codes
            if table[a, b] > 0]
    return write_table(algorithm, parameters, key, context, columns, rows)


def write_links(algorithm: Any, parameters: Dict[str, Any], key: str,
                context: QgsProcessingContext, before: Run, after: Run,
                changes: LinkChanges, taken: List[str]) -> str:
    """The links of the run after (matched, new, extra) and the lost links of the run
    before, with both least-cost distances and the relative change."""
    fields = QgsFields()
    for name, kind in (("Link_ID", "int"), ("From_Core", "int"), ("To_Core", "int"),
                       ("lcd_before", "double"), ("lcd_after", "double"),
                       ("rel_change", "double"), ("status", "string")):
        fields.append(new_field(name, kind))
    sink, destination = open_sink(algorithm, parameters, key, context, fields,
                                  WkbType.MultiLineString, after.layer.crs())
    count = after.rows.size
    status = np.full(count, "new", dtype=object)
    old = np.full(count, np.nan)
    relative = np.full(count, np.nan)
    found = np.flatnonzero(changes.match >= 0)
    status[changes.match[found]] = "matched"
    old[changes.match[found]] = changes.lcd_before[found]
    relative[changes.match[found]] = changes.relative[found]
    status[changes.extra] = "extra"
    rows = [(after, row, old[k], after.links.cw_dist[row], relative[k], status[k])
            for k, row in enumerate(after.rows)]
    rows += [(before, before.rows[k], changes.lcd_before[k], np.nan, np.nan, "lost")
             for k in changes.lost]
    transform = QgsCoordinateTransform(before.layer.crs(), after.layer.crs(),
                                       context.transformContext())
    features = []
    for run, row, lcd_before, lcd_after, change, state in rows:
        geometry = QgsGeometry(run.links.features[row].geometry())
        if run is before and before.layer.crs() != after.layer.crs():
            geometry.transform(transform)
        geometry.convertToMultiType()
        out = QgsFeature(fields)
        out.setGeometry(geometry)
        out.setAttributes([int(run.links.link_id[row]), int(run.links.from_core[row]),
                           int(run.links.to_core[row]), nullable(lcd_before),
                           nullable(lcd_after), nullable(change), state])
        features.append(out)
    write_all(sink, features)
    link_style(context, destination, taken)
    return destination
