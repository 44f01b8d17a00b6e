"""What 'Restoration scenarios' reads and writes around the core: the actions table, the
candidate sites burnt onto the grid, the sites with their gains, the gain curve and its
chart."""

import csv
import math
import os
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
)

from ...espcore.grid import Grid
from ...espcore.programme.actions import KIND_NAMES, Action, clcd_actions, parse_actions
from ...espcore.programme.landscape import Site
from ...espcore.programme.portfolio import Portfolio
from ...espcore.programme.sitegains import Evaluation
from ..base import EspAlgorithm, translate
from ..qgis_compat import WkbType, new_field
from .links import number_or_nan
from .patches import rasterize_ids
from .sinks import open_sink, write_all

#: kind_id -> kind name, the inverse of the core's table.
KIND_OF_ID = {code: name for name, code in KIND_NAMES.items()}


def read_actions(path: Optional[str], classes: Optional[np.ndarray]) -> List[Action]:
    """The actions of a CSV file (UTF-8, with or without BOM; comma or semicolon), or the
    CLCD defaults for the land cover's ``classes`` when no file is given."""
    if not path:
        if classes is None:
            raise QgsProcessingException(translate(
                "The default restoration actions restore to land-cover classes: give the "
                "land-cover raster, or an actions table with target resistances."))
        return clcd_actions(np.unique(classes[classes >= 0]).tolist())
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        raise QgsProcessingException(translate(
            "The actions table {path} cannot be read ({error}); give a UTF-8 CSV file with "
            "the columns class (or kind), target_class or resistance, and "
            "cost_per_km2.").format(path=path, error=error)) from error
    dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=",;\t")
    rows = list(csv.DictReader(text.splitlines(), dialect=dialect))
    return parse_actions(rows)


@dataclass
class SiteLayer:
    """The candidate sites on the grid, with the geometry and kind of each (same order)."""

    sites: List[Site]
    geometries: List[QgsGeometry]
    kind_ids: List[Optional[int]]


def read_sites(algorithm: EspAlgorithm, parameters: Dict[str, Any], key: str,
               context: QgsProcessingContext, grid: Grid,
               kinds: Sequence[int]) -> SiteLayer:
    """Burn every candidate polygon onto ``grid`` (cells whose centre it covers; where two
    overlap, the later one wins). With a kind_id field (the key areas of 'Restoration
    zoning') only the ``kinds`` asked for are kept and each site acts by its kind; other
    layers' polygons act by the land cover of their cells."""
    source = algorithm.parameterAsSource(parameters, key, context)
    if source is None:
        raise QgsProcessingException(algorithm.invalidSourceError(parameters, key))
    has_kind = "kind_id" in source.fields().names()
    transform = QgsCoordinateTransform(source.sourceCrs(),
                                       QgsCoordinateReferenceSystem.fromWkt(grid.crs or ""),
                                       context.transformContext())
    shapes: List[Tuple[int, bytes]] = []
    geometries: List[QgsGeometry] = []
    kind_ids: List[Optional[int]] = []
    for feature in source.getFeatures():
        geometry = feature.geometry()
        if geometry.isNull() or geometry.isEmpty():
            continue
        kind = None
        if has_kind:
            value = number_or_nan(feature["kind_id"])
            kind = int(value) if math.isfinite(value) else None
            if kind not in kinds:
                continue
        geometry = QgsGeometry(geometry)
        geometry.transform(transform)
        shapes.append((len(shapes) + 1, bytes(geometry.asWkb())))
        geometries.append(geometry)
        kind_ids.append(kind)
    if not shapes:
        raise QgsProcessingException(algorithm.tr(
            "No candidate site: the sites layer has no polygon{which}. Give the key areas of "
            "'Restoration zoning' or your own project polygons.").format(
                which=algorithm.tr(" of the kinds chosen") if has_kind else ""))
    burnt = rasterize_ids(shapes, grid).reshape(-1)
    order = np.argsort(burnt, kind="stable")
    starts = np.searchsorted(burnt[order], np.arange(1, len(shapes) + 2))
    sites = [Site(number, order[starts[number - 1]:starts[number]],
                  KIND_OF_ID.get(kind) if kind is not None else None)
             for number, kind in zip(range(1, len(shapes) + 1), kind_ids)]
    return SiteLayer(sites, geometries, kind_ids)


#: Fields of the sites output: (name, kind of qgis_compat.new_field).
SITE_FIELDS = (("site_id", "int"), ("kind_id", "int"), ("kind", "string"),
               ("cost", "double"), ("area_km2", "double"), ("d_eca_km2", "double"),
               ("gain_cost", "double"), ("links", "int"), ("d_lcd", "double"),
               ("d_effr", "double"), ("current", "double"), ("rank", "int"),
               ("chosen", "int"), ("order", "int"))


def _drop(before: np.ndarray, after: np.ndarray) -> Optional[float]:
    """The summed decrease over the touched links (NULL when there is none to measure)."""
    change = np.asarray(before, np.float64) - np.asarray(after, np.float64)
    change = change[np.isfinite(change)]
    return float(change.sum()) if change.size else None


def _value(number: float) -> Optional[float]:
    return float(number) if math.isfinite(number) else None


def write_sites(algorithm: EspAlgorithm, parameters: Dict[str, Any], key: str,
                context: QgsProcessingContext, crs: str, layer: SiteLayer,
                evaluation: Evaluation, portfolio: Portfolio,
                kind_names: Dict[int, str]) -> str:
    """The candidate sites with their standalone gains, rank and place in the portfolio."""
    fields = QgsFields()
    for name, kind in SITE_FIELDS:
        fields.append(new_field(name, kind))
    sink, destination = open_sink(algorithm, parameters, key, context, fields,
                                  WkbType.MultiPolygon,
                                  QgsCoordinateReferenceSystem.fromWkt(crs))
    order = {site_id: step for step, site_id in enumerate(portfolio.chosen, start=1)}
    features = []
    for geometry, kind, gain, rank in zip(layer.geometries, layer.kind_ids, evaluation.gains,
                                          evaluation.rank):
        feature = QgsFeature(fields)
        shape = QgsGeometry(geometry)
        shape.convertToMultiType()
        feature.setGeometry(shape)
        feature.setAttributes([
            gain.site_id, kind, kind_names.get(kind, "") if kind is not None else "",
            gain.cost, gain.area_km2, gain.delta_eca, _value(gain.gain_per_cost),
            int(gain.touched.size), _drop(gain.lcd_before, gain.lcd_after),
            _drop(gain.effective_before, gain.effective_after), _value(gain.current),
            int(rank), int(gain.site_id in order), order.get(gain.site_id)])
        features.append(feature)
    write_all(sink, features)
    return destination


CURVE_COLUMNS = (("step", "int"), ("site_id", "int"), ("cost", "double"),
                 ("cum_cost", "double"), ("eca_km2", "double"), ("cum_gain", "double"),
                 ("in_budget", "int"))


def curve_rows(portfolio: Portfolio) -> List[List[Any]]:
    return [[row.step, row.site_id, row.cost, row.cumulative_cost, row.eca,
             row.cumulative_gain, int(row.cumulative_cost <= portfolio.budget * (1 + 1e-12))]
            for row in portfolio.curve]


def write_chart(path: str, portfolio: Portfolio) -> Optional[str]:
    """The gain curve as a PNG at ``path`` (written whole or not at all); None when no site
    was chosen."""
    from ..report.charts import gain_curve

    rows = portfolio.curve
    png = gain_curve([row.cumulative_cost for row in rows],
                     [row.cumulative_gain for row in rows], budget=portfolio.budget,
                     title=translate("Connectivity gained against cost"),
                     xlabel=translate("Cumulative cost (10⁴ CNY)"),
                     ylabel=translate("Gain in equivalent connected area (km²)"),
                     budget_label=translate("Budget"))
    if png is None:
        return None
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    partial = path + ".part"
    with open(partial, "wb") as handle:
        handle.write(png)
    os.replace(partial, path)
    return path
