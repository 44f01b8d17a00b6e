"""The unit ledger of ``esp:collaborativezoning``: the figures per administrative unit and
the tables written beside it.

Built on :mod:`espcore.zoning.collaboration` and its conventions: units are numbered 1..U
(their position in the layer), 0 is "outside every unit", and every amount table has
``U + 1`` columns, column 0 outside every unit. Areas and lengths are in the units they
are given in (the wrapper gives km² and km).

What is computed:

- the unit at each end of each link (:func:`link_end_units`) and the links whose two ends
  lie in different units (:func:`cross_boundary_links`);
- the ledger's columns per unit (:func:`unit_ledger`) and what of them lies outside every
  unit (:func:`outside_amounts`);
- every element's split over the units (:func:`element_shares`);
- the restoration burden / benefit account of the barrier patches
  (:func:`barrier_account`).

No QGIS, no GDAL: numpy and scipy only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Optional, Sequence, Tuple

import numpy as np

from ..corridors.barriers import Link
from ..progress import NullProgress, Progress
from .collaboration import (
    Account,
    _as_end_units,
    _as_table,
    _check_n_units,
    _link_source_rows,
    cross_tabulate,
    link_barrier_scores,
    majority_units,
    restoration_account,
    source_beneficiaries,
)
from .zones import ZONES

#: The ledger columns :func:`outside_amounts` looks at by default.
OUTSIDE_COLUMNS = ("src_km2", "cor_km", "pinch_km2", "bar_km2")


@dataclass
class Shares:
    """Every element's amount per unit, one row per (element, unit) with an amount > 0, in
    element order and then unit order.

    Attributes
    ----------
    element : ndarray of int64
        The element's id.
    unit : ndarray of int64
        The unit, 0 = outside every unit.
    amount : ndarray of float64
        The element's amount in the unit.
    share_pct : ndarray of float64
        ``100 * amount / total`` of the element (its shares sum to 100).
    cross : ndarray of bool
        The element lies in more than one column (outside counting as one).
    """

    element: np.ndarray
    unit: np.ndarray
    amount: np.ndarray
    share_pct: np.ndarray
    cross: np.ndarray


def link_end_units(end_sources: Any, source_ids: Any, source_table: Any) -> np.ndarray:
    """The unit of the source at each end of each link: the unit holding most of the
    source (:func:`~espcore.zoning.collaboration.majority_units`).

    Parameters
    ----------
    end_sources : ndarray of int, shape (L, 2)
        Source id at each end of each link.
    source_ids : ndarray of int, shape (S,)
        Ids of the rows of ``source_table``.
    source_table : ndarray, shape (S, U + 1)
        Amount (area) of each source per unit, column 0 = outside every unit (e.g. from
        :func:`~espcore.zoning.collaboration.cross_tabulate`).

    Returns
    -------
    ndarray of int64, shape (L, 2)
        Unit 1..U at each end; 0 for a source with nothing inside any unit.

    Raises
    ------
    EspInputError
        A link end that is not in ``source_ids``, bad shapes, negative or non-finite amounts.
    """
    _, table, rows = _link_source_rows(end_sources, source_ids, source_table)
    return majority_units(table)[rows]


def cross_boundary_links(end_units: Any, lengths: Any) -> Tuple[np.ndarray, np.ndarray]:
    """The links whose two ends lie in different units, and their lengths.

    Parameters
    ----------
    end_units : ndarray of int, shape (L, 2)
        Unit 0..U at each end of each link (:func:`link_end_units`); an end outside every
        unit (0) differs from every unit.
    lengths : ndarray, shape (L, U + 1)
        Length of each link per unit (e.g. from
        :func:`~espcore.zoning.collaboration.line_lengths_by_unit`), rows as ``end_units``.

    Returns
    -------
    positions : ndarray of int64
        Rows of the cross-boundary links, ascending.
    length : ndarray of float64, same size
        Whole length of each of them (its row sum).

    Raises
    ------
    EspInputError
        Bad shapes, units outside 0..U, negative or non-finite lengths.
    """
    table = _as_table(lengths, "link x unit")
    ends = _as_end_units(end_units, _check_n_units(table.shape[1] - 1))
    cross = ends[:, 0] != ends[:, 1]
    return np.flatnonzero(cross).astype(np.int64), table[cross].sum(axis=1)


def unit_ledger(unit_area: Any, units: Any, *, cell_area: float, sources: Any,
                lengths: Any, end_units: Any, pinch_points: Any = None,
                barriers: Any = None, zones: Any = None,
                account: Optional[Account] = None) -> Dict[str, np.ndarray]:
    """The ledger: one column of figures per unit, in the order they are written.

    Every column has ``U + 1`` values, value 0 for "outside every unit" (0 in ``area_km2``
    and ``src_pct``). Element counts (``*_n``) are whole numbers held as floats.

    - ``area_km2``: the unit's area; ``src_n``, ``src_km2``: the sources with area in it
      and that area; ``src_pct``: ``100 src_km2 / area_km2`` (0 for a unit of no area);
      ``xsrc_n``, ``xsrc_km2``: the same for the sources that lie in more than one column
      (cross-boundary sources);
    - ``cor_n``, ``cor_km``: the corridors with length in the unit and that length;
      ``xcor_n``, ``xcor_km``: the same for corridors in more than one column;
      ``xlink_n``: the links whose end units differ that have an end in the unit;
    - ``pinch_n``, ``pinch_km2``, ``bar_n``, ``bar_km2``: pinch-point and barrier patches
      counted once, in the unit holding most of the patch (ties: the lowest unit; column 0
      when no unit holds any of it), and their area in the unit (all 0 without patches);
    - ``z1_km2`` .. ``z4_km2`` (with ``zones``): the area of each restoration zone;
    - ``burden_km2``, ``benefit_km2``, ``net_km2`` (with ``account``): the account's
      columns.

    Parameters
    ----------
    unit_area : ndarray of float, shape (U,)
        Area of each unit's polygon (km²); its length gives U.
    units : ndarray of int, 2-D
        Unit per cell: 0 = in no unit, 1..U.
    cell_area : float
        Area of one cell (km²), 0 or more.
    sources : ndarray, shape (S, U + 1)
        Area of each source per unit (from
        :func:`~espcore.zoning.collaboration.cross_tabulate`).
    lengths : ndarray, shape (L, U + 1)
        Length of each corridor per unit (km).
    end_units : ndarray of int, shape (L', 2)
        Unit at the two ends of each link (:func:`link_end_units`).
    pinch_points, barriers : ndarray of int, 2-D, optional
        Patch id per cell (0 or negative = none), on the grid of ``units``.
    zones : ndarray of int, 2-D, optional
        Restoration zone code per cell (1-4; 0 = none), on the grid of ``units``.
    account : Account, optional
        The restoration account (:func:`barrier_account`), on the same units.

    Returns
    -------
    dict of str to ndarray of float64, shape (U + 1,)
        The columns, in the order above.

    Raises
    ------
    EspInputError
        No unit, tables without ``U + 1`` columns, negative or non-finite amounts, rasters
        of different shapes, unit values outside 0..U, patch or zone ids that are not whole
        numbers, a negative or non-finite cell area.
    """
    area = np.concatenate([[0.0], np.asarray(unit_area, dtype=np.float64).ravel()])
    count = _check_n_units(area.size - 1)
    columns = count + 1
    ledger: Dict[str, np.ndarray] = {}

    def add(name: str, values: Any) -> None:
        ledger[name] = np.asarray(values, dtype=np.float64)

    source = _as_table(sources, "source x unit", columns)
    add("area_km2", area)
    add("src_n", (source > 0).sum(axis=0))
    add("src_km2", source.sum(axis=0))
    with np.errstate(divide="ignore", invalid="ignore"):
        add("src_pct", np.where(area > 0, 100.0 * source.sum(axis=0) / area, 0.0))
    cross = (source > 0).sum(axis=1) > 1
    add("xsrc_n", (source[cross] > 0).sum(axis=0))
    add("xsrc_km2", source[cross].sum(axis=0))

    length = _as_table(lengths, "link x unit", columns)
    add("cor_n", (length > 0).sum(axis=0))
    add("cor_km", length.sum(axis=0))
    cross = (length > 0).sum(axis=1) > 1
    add("xcor_n", (length[cross] > 0).sum(axis=0))
    add("xcor_km", length[cross].sum(axis=0))
    ends = _as_end_units(end_units, count)
    add("xlink_n", np.bincount(ends[ends[:, 0] != ends[:, 1]].ravel(), minlength=columns))

    for prefix, patches in (("pinch", pinch_points), ("bar", barriers)):
        table = np.zeros((0, columns))
        if patches is not None:
            _, table = cross_tabulate(patches, units, n_units=count, weights=cell_area)
        add(prefix + "_n", np.bincount(majority_units(table), minlength=columns))
        add(prefix + "_km2", table.sum(axis=0))

    if zones is not None:
        codes, table = cross_tabulate(zones, units, n_units=count, weights=cell_area)
        for code in ZONES:
            row = np.flatnonzero(codes == code)
            add("z{0}_km2".format(code), table[row[0]] if row.size else np.zeros(columns))

    if account is not None:
        add("burden_km2", account.burden)
        add("benefit_km2", account.benefit)
        add("net_km2", account.net)
    return ledger


def outside_amounts(ledger: Dict[str, np.ndarray],
                    names: Sequence[str] = OUTSIDE_COLUMNS) -> Dict[str, float]:
    """What of the ledger's ``names`` columns lies outside every unit (value 0), where it
    is more than 0, in the ledger's column order."""
    return {name: float(values[0]) for name, values in ledger.items()
            if name in names and values[0] > 0}


def element_shares(ids: Any, table: Any) -> Shares:
    """Each element split over the units, with its share of the element.

    Parameters
    ----------
    ids : ndarray of int, shape (n,)
        Id of each row of ``table`` (a source id, a link id).
    table : ndarray, shape (n, U + 1)
        Amount of each element per unit, column 0 = outside every unit.

    Returns
    -------
    Shares
        One row per element and unit holding part of it; an element with no amount has no
        row.

    Raises
    ------
    EspInputError
        Not a 2-D table of finite amounts of 0 or more.
    """
    amounts = _as_table(table, "element x unit")
    present = amounts > 0
    per_element = present.sum(axis=1)
    rows, units = np.nonzero(present)
    amount = amounts[rows, units]
    total = amounts.sum(axis=1)[rows]
    return Shares(element=np.repeat(np.asarray(ids, dtype=np.int64).ravel(), per_element),
                  unit=units.astype(np.int64), amount=amount,
                  share_pct=100.0 * amount / total, cross=per_element[rows] > 1)


def barrier_account(links: Sequence[Link], barrier_labels: Any, units: Any, *,
                    n_units: int, cell_area: float, radii: Sequence[float], cell_size: float,
                    end_sources: Any, source_ids: Any, source_table: Any,
                    source_mask: Optional[np.ndarray] = None,
                    progress: Progress = NullProgress()) -> Account:
    """The restoration account of the barrier patches: who restores them for whom.

    Each patch's area per unit is its burden
    (:func:`~espcore.zoning.collaboration.cross_tabulate`); it improves each link by its
    improvement score (:func:`~espcore.zoning.collaboration.link_barrier_scores`); each
    link benefits half each of its end sources' units, in proportion to the source's area
    (:func:`~espcore.zoning.collaboration.source_beneficiaries`); and the three make the
    account (:func:`~espcore.zoning.collaboration.restoration_account`).

    Parameters
    ----------
    links : sequence of (cwd_a, cwd_b, lcd)
        Cost-weighted distances from the two end sources and the least-cost distance of
        each link (as for :func:`~espcore.corridors.barriers.barrier_scores`), rows as
        ``end_sources``.
    barrier_labels : ndarray of int, 2-D
        Barrier patch id per cell, 0 or negative = none.
    units : ndarray of int, same shape
        Unit per cell: 0 = in no unit, 1..``n_units``.
    n_units : int
        Number of units U.
    cell_area : float
        Area of one cell (the account's unit of amount).
    radii : sequence of float
        Detection radii in map units, each at least one cell.
    cell_size : float
        Cell side in map units.
    end_sources : ndarray of int, shape (L, 2)
        Source id at each end of each link.
    source_ids, source_table
        The sources' ids and their area per unit (U + 1 columns).
    source_mask : ndarray of bool, optional
        Cells inside sources (scored 0).
    progress : Progress
        One step per (link, radius); cancellation checked between steps.

    Returns
    -------
    Account
        As :func:`~espcore.zoning.collaboration.restoration_account`; every patch's area
        appears once in ``flows``.

    Raises
    ------
    EspInputError
        As the four functions above.
    Cancelled
        When the user stops the run.
    """
    count = _check_n_units(n_units)
    beneficiaries = source_beneficiaries(end_sources, source_ids, source_table)
    ids, burden = cross_tabulate(barrier_labels, units, n_units=count, weights=cell_area)
    scored_ids, scores = link_barrier_scores(links, barrier_labels, radii=radii,
                                             cell_size=cell_size, source_mask=source_mask,
                                             progress=progress)
    # Both list the patch ids present, sorted; the lookup keeps them row for row.
    return restoration_account(burden, scores[np.searchsorted(scored_ids, ids)],
                               beneficiaries)
