"""The compensation ledger of a restoration portfolio, per county and per prefecture: who
carries the cost, who gains, who pays whom. The numbers come from
espcore.programme.compensation; here they are put on the units and written."""

from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence

import numpy as np
from qgis.core import QgsFeature, QgsFields, QgsProcessingContext

from ...espcore.programme.compensation import (
    Ledger,
    compensation_ledger,
    group_ledger,
    site_unit_costs,
    unit_benefits,
)
from ...espcore.zoning.collaboration import cross_tabulate
from ..base import EspAlgorithm, translate
from ..qgis_compat import WkbType, new_field
from .sinks import open_sink, write_all
from .units import Units, group_labels
from .zones import write_table


@dataclass
class Compensation:
    """The county ledger, the prefecture ledger (None without groups) and its labels."""

    counties: Ledger
    benefit_km2: np.ndarray  # each county's part of the portfolio's ECA gain
    outside_cost: float
    groups: Optional[Ledger]
    group_names: List[str]


def compensation(units: Units, cells: np.ndarray, *, labels: np.ndarray,
                 cell_km2: float, site_cells: Sequence[np.ndarray],
                 cell_costs: Sequence[np.ndarray], pair_gain: np.ndarray,
                 eca_gain: float, own_share: float) -> Compensation:
    """The ledger of the chosen sites. ``cells``: the unit raster (0 outside, k for unit
    k); ``pair_gain``: the change of a_i a_j p*_ij over the sources (ascending ids)."""
    count = units.count
    carried = site_unit_costs(site_cells, cell_costs, cells - 1, count)
    _, areas = cross_tabulate(labels, cells, n_units=count, weights=cell_km2)
    benefits = unit_benefits(pair_gain, areas[:, 1:], areas=areas.sum(axis=1))
    ledger = compensation_ledger(carried[:, :count].sum(axis=0), benefits.share,
                                 own_share=own_share)
    groups = group_labels(units)
    group_book, names = None, []
    if groups is not None:
        found, group_book = group_ledger(ledger, groups)
        names = [_group_name(units, groups, int(label)) for label in found]
    return Compensation(ledger, benefits.share * eca_gain,
                        float(carried[:, count].sum()), group_book, names)


def _group_name(units: Units, groups: np.ndarray, label: int) -> str:
    first = int(np.flatnonzero(groups == label)[0])
    return units.groups[first] or translate("(no group)")


LEDGER_FIELDS = (("name", "string"), ("group", "string"), ("cost", "double"),
                 ("benefit_pct", "double"), ("benefit_km2", "double"),
                 ("fair_cost", "double"), ("net", "double"), ("paid", "double"),
                 ("received", "double"))


def _paid_received(ledger: Ledger) -> Any:
    count = ledger.cost.size
    paid, received = np.zeros(count), np.zeros(count)
    for payer, payee, amount in ledger.transfers:
        paid[payer] += amount
        received[payee] += amount
    return paid, received


def write_ledger(algorithm: EspAlgorithm, parameters: Dict[str, Any], key: str,
                 context: QgsProcessingContext, units: Units, book: Compensation,
                 crs: Any) -> str:
    """The units as polygons with their cost, benefit, fair part, net and transfers."""
    fields = QgsFields()
    for name, kind in LEDGER_FIELDS:
        fields.append(new_field(name, kind))
    sink, destination = open_sink(algorithm, parameters, key, context, fields,
                                  WkbType.MultiPolygon, crs)
    ledger = book.counties
    paid, received = _paid_received(ledger)
    features = []
    for index in range(units.count):
        feature = QgsFeature(fields)
        geometry = units.geometries[index]
        geometry.convertToMultiType()
        feature.setGeometry(geometry)
        feature.setAttributes([units.names[index], units.groups[index],
                               float(ledger.cost[index]),
                               100.0 * float(ledger.benefit_share[index]),
                               float(book.benefit_km2[index]), float(ledger.fair_cost[index]),
                               float(ledger.net[index]), float(paid[index]),
                               float(received[index])])
        features.append(feature)
    write_all(sink, features)
    return destination


TRANSFER_COLUMNS = (("level", "string"), ("payer", "string"), ("payee", "string"),
                    ("amount", "double"))


def transfer_rows(units: Units, book: Compensation) -> List[List[Any]]:
    """Payments between counties, then between prefectures (netted), largest first."""
    county, prefecture = translate("county"), translate("prefecture")
    rows = [[county, units.names[payer], units.names[payee], float(amount)]
            for payer, payee, amount in sorted(book.counties.transfers,
                                               key=lambda t: (-t[2], t[0], t[1]))]
    if book.groups is not None:
        rows += [[prefecture, book.group_names[payer], book.group_names[payee],
                  float(amount)]
                 for payer, payee, amount in sorted(book.groups.transfers,
                                                    key=lambda t: (-t[2], t[0], t[1]))]
    return rows


def write_transfers(algorithm: EspAlgorithm, parameters: Dict[str, Any], key: str,
                    context: QgsProcessingContext, units: Units, book: Compensation) -> str:
    return write_table(algorithm, parameters, key, context, TRANSFER_COLUMNS,
                       transfer_rows(units, book))


GROUP_COLUMNS = (("group", "string"), ("units", "int"), ("cost", "double"),
                 ("benefit_pct", "double"), ("fair_cost", "double"), ("net", "double"),
                 ("paid", "double"), ("received", "double"))


def group_rows(units: Units, book: Compensation) -> List[List[Any]]:
    """The prefecture ledger: sums of the counties' cost, benefit and fair part, and the
    netted transfers between prefectures; empty without groups."""
    if book.groups is None:
        return []
    groups = group_labels(units)
    assert groups is not None
    labels = sorted(set(int(label) for label in groups))
    paid, received = _paid_received(book.groups)
    return [[book.group_names[k], int(np.count_nonzero(groups == label)),
             float(book.groups.cost[k]), 100.0 * float(book.groups.benefit_share[k]),
             float(book.groups.fair_cost[k]), float(book.groups.net[k]), float(paid[k]),
             float(received[k])] for k, label in enumerate(labels)]


def write_groups(algorithm: EspAlgorithm, parameters: Dict[str, Any], key: str,
                 context: QgsProcessingContext, units: Units, book: Compensation) -> str:
    return write_table(algorithm, parameters, key, context, GROUP_COLUMNS,
                       group_rows(units, book))
