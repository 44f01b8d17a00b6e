"""Two runs of the chain compared: before and after a restoration, or two years: sources,
zones and links. The score per unit is in :mod:`.effectiveness`.

Everything is on plain arrays of one grid: source id grids (0 = no source), zone grids
(codes 0..4, 0 = no zone / NoData, :data:`~espcore.zoning.zones.ZONES`), links as pairs of
source ids. Units (counties) are numbered 0..U-1; ``-1`` means outside every unit.

No QGIS, no GDAL: numpy only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional, Union

import numpy as np

from ..errors import EspInputError

#: Cell codes of :func:`source_change`.
NO_SOURCE, KEPT, LOST, GAINED = 0, 1, 2, 3
#: Zone codes 0 (none) to 4: the rows and columns of the transition matrices.
ZONE_CODES = 5


@dataclass
class SourceMatch:
    """Sources of run B matched to those of run A (int64 arrays).

    ``pairs`` (k, 3): (id in A, id in B, shared cells), one row per matched B source, by B
    id; ``lost``: A sources overlapping no B source; ``gained``: B sources overlapping no A
    source; ``merged``: A sources that overlap B sources but are no B source's match (merged
    into a B source whose match is another A source).
    """

    pairs: np.ndarray
    lost: np.ndarray
    gained: np.ndarray
    merged: np.ndarray


@dataclass
class ZoneTransitions:
    """Zone transitions between two runs, km²: ``[a, b]`` is zone a in A and b in B.

    ``area`` (5, 5) over the grid, ``by_unit`` (U, 5, 5) per unit ((0, 5, 5) without
    units), ``outside`` (5, 5) outside every unit (the whole grid without units);
    ``change`` (uint8, the grid's shape): ``10 a + b`` where the zone changed, 0 where not
    (so 1..4 is NoData becoming a zone, 10, 20, 30, 40 a zone becoming NoData).
    """

    area: np.ndarray
    by_unit: np.ndarray
    outside: np.ndarray
    change: np.ndarray


@dataclass
class LinkChanges:
    """Links of run A followed into run B.

    Per A link (m_a,): ``match``, the row of its B link (-1: none); ``lcd_before``,
    ``lcd_after``, the least-cost distances (cost units; NaN without a match);
    ``relative = (after - before) / before`` (0 when both are 0; NaN without a match or
    when only ``before`` is 0). Rows (int64): ``lost``, A links without a match (lost
    corridors); ``new``, B links whose ends do not lead back to the ends of an A link (new
    corridors); ``extra``, B links that lead back to a matched A link but are not its
    match (a split source gives two links to one neighbour).
    """

    match: np.ndarray
    lcd_before: np.ndarray
    lcd_after: np.ndarray
    relative: np.ndarray
    lost: np.ndarray
    new: np.ndarray
    extra: np.ndarray


def _id_grid(values: Any, name: str, shape: Optional[tuple] = None) -> np.ndarray:
    grid = np.asarray(values)
    if grid.ndim != 2 or not (np.issubdtype(grid.dtype, np.integer) or grid.dtype == bool):
        raise EspInputError("The {name} must be a 2-D grid of whole numbers, not {kind} of "
                            "{ndim} dimensions. Set NoData cells to 0.", name=name,
                            kind=grid.dtype, ndim=grid.ndim)
    if shape is not None and grid.shape != shape:
        raise EspInputError("The {name} grid has shape {found}, the first grid {want}; use "
                            "grids of one shape.", name=name, found=grid.shape, want=shape)
    return grid.astype(np.int64, copy=False)


def match_sources(labels_a: Any, labels_b: Any) -> SourceMatch:
    """Each source of B matched to the A source it shares most cells with.

    Ties go to the smaller A id. Ids are whole numbers, 0 or below = no source. Memory: a
    few int64 arrays of the grid's size.

    Returns
    -------
    SourceMatch

    Raises
    ------
    EspInputError
        Grids of different shapes or not of whole numbers.
    """
    a = _id_grid(labels_a, "sources A")
    b = _id_grid(labels_b, "sources B", a.shape)
    both = (a > 0) & (b > 0)
    # Strategy: one unique over a combined (a, b) key of the shared cells counts every
    # overlap (ids of int32 grids cannot overflow the int64 key).
    span = max(int(b.max()), 0) + 1 if b.size else 1
    keys, counts = np.unique(a[both] * span + b[both], return_counts=True)
    overlap = np.stack([keys // span, keys % span], axis=1)
    order = np.lexsort((overlap[:, 0], -counts, overlap[:, 1]))  # by b, most cells, small a
    first = order[np.r_[True, overlap[order[1:], 1] != overlap[order[:-1], 1]]] \
        if order.size else order
    pairs = np.column_stack([overlap[first], counts[first]]).astype(np.int64)
    ids_a, ids_b = np.unique(a[a > 0]), np.unique(b[b > 0])
    return SourceMatch(pairs=pairs.reshape(-1, 3),
                       lost=np.setdiff1d(ids_a, overlap[:, 0]).astype(np.int64),
                       gained=np.setdiff1d(ids_b, overlap[:, 1]).astype(np.int64),
                       merged=np.setdiff1d(overlap[:, 0], pairs[:, 0]).astype(np.int64))


def source_change(labels_a: Any, labels_b: Any) -> np.ndarray:
    """Per cell: 0 no source, 1 kept (a source in both), 2 lost (A only), 3 gained (B only)."""
    in_a = _id_grid(labels_a, "sources A") > 0
    in_b = _id_grid(labels_b, "sources B", in_a.shape) > 0
    return (in_a & in_b) * np.uint8(KEPT) + (in_a & ~in_b) * np.uint8(LOST) \
        + (~in_a & in_b) * np.uint8(GAINED)


def zone_transitions(zones_a: Any, zones_b: Any, *, units: Any = None, n_units: int = 0,
                     cell_area: float) -> ZoneTransitions:
    """The area passing from each zone to each other between two runs.

    Parameters
    ----------
    zones_a, zones_b : ndarray of int, 2-D
        Zone code per cell, 0..4 (0 = no zone / NoData).
    units : ndarray of int, 2-D, optional
        Unit per cell, 0..``n_units`` - 1; -1 = outside every unit.
    n_units : int
        Number of units U (1 or more with ``units``).
    cell_area : float
        Area of one cell (km²).

    Returns
    -------
    ZoneTransitions
        Memory: a few int64 arrays of the grid's size.

    Raises
    ------
    EspInputError
        Grids of different shapes, codes outside 0..4, unit values outside -1..U-1, a
        negative or non-finite cell area.
    """
    a = _id_grid(zones_a, "zones A")
    b = _id_grid(zones_b, "zones B", a.shape)
    for grid, name in ((a, "A"), (b, "B")):
        if grid.size and (grid.min() < 0 or grid.max() >= ZONE_CODES):
            raise EspInputError("The zones of run {name} hold codes outside 0..4.", name=name)
    area = float(cell_area)
    if not np.isfinite(area) or area < 0:
        raise EspInputError("The cell area must be a finite number of 0 or more, not "
                            "{value}.", value=cell_area)
    code = (a * ZONE_CODES + b).ravel()
    cells = ZONE_CODES * ZONE_CODES
    count, column = 0, np.zeros(code.size, dtype=np.int64)
    if units is not None:
        count = int(n_units)
        unit = _id_grid(units, "units", a.shape).ravel()
        if count < 1 or count != n_units or (unit.size and (unit.min() < -1
                                                            or unit.max() >= count)):
            raise EspInputError("With units, give their number (1 or more, not {n_units}) and "
                                "a units grid of -1 (outside) to that number - 1.",
                                n_units=n_units)
        column = np.where(unit < 0, count, unit)
    # Strategy: one bincount over (unit, zone in A, zone in B).
    table = np.bincount(column * cells + code, minlength=(count + 1) * cells) * area
    table = table.reshape(count + 1, ZONE_CODES, ZONE_CODES)
    change = np.where(a != b, 10 * a + b, 0).astype(np.uint8)
    return ZoneTransitions(table.sum(axis=0), table[:count], table[count], change)


def _links(links: Any, lcd: Any, name: str) -> tuple:
    ends = np.asarray(links)
    ends = ends.reshape(-1, 2) if ends.size == 0 else ends
    if ends.ndim != 2 or ends.shape[1] != 2 or (
            ends.size and not np.issubdtype(ends.dtype, np.integer)):
        raise EspInputError("The links of run {name} must be pairs of whole source ids, not "
                            "shape {shape}.", name=name, shape=ends.shape)
    cost = np.asarray(lcd, dtype=np.float64).ravel()
    if cost.size != ends.shape[0] or np.any(~np.isfinite(cost) | (cost < 0)):
        raise EspInputError("Run {name} needs one finite least-cost distance of 0 or more "
                            "per link ({links}); it has {found} values.", name=name,
                            links=ends.shape[0], found=cost.size)
    return ends.astype(np.int64), cost


def link_changes(links_a: Any, lcd_a: Any, links_b: Any, lcd_b: Any,
                 matched: Union[SourceMatch, Any]) -> LinkChanges:
    """Each link of A followed into B through the source matching.

    A B link matches an A link when its two end sources match the A link's two ends
    (:func:`match_sources`), in either order. When several B links lead back to one A link,
    the one of lowest least-cost distance (then the first) is its match.

    Parameters
    ----------
    links_a, links_b : ndarray of int, shape (m, 2)
        End source ids of each link of runs A and B.
    lcd_a, lcd_b : ndarray of float, shape (m,)
        Least-cost distance of each link (cost units).
    matched : SourceMatch or ndarray of int, shape (k, 2 or 3)
        The source matching, or its pairs (id in A, id in B[, shared cells]).

    Returns
    -------
    LinkChanges

    Raises
    ------
    EspInputError
        Bad shapes, negative or non-finite distances, two A links between the same sources.
    """
    ends_a, cost_a = _links(links_a, lcd_a, "A")
    ends_b, cost_b = _links(links_b, lcd_b, "B")
    pairs = np.asarray(matched.pairs if isinstance(matched, SourceMatch) else matched)
    pairs = pairs.reshape(-1, pairs.shape[-1] if pairs.size else 3).astype(np.int64)
    by_b = np.argsort(pairs[:, 1], kind="stable")
    # Each B end to its A source (0 when it has none).
    slot = np.minimum(np.searchsorted(pairs[by_b, 1], ends_b), max(pairs.shape[0] - 1, 0))
    found = pairs[by_b[slot], 1] == ends_b if pairs.size else np.zeros(ends_b.shape, bool)
    ends_ba = np.where(found, pairs[by_b[slot], 0] if pairs.size else 0, 0)
    # Unordered pairs as sorted rows; one unique over A and B rows numbers them together.
    rows, key = np.unique(np.sort(np.concatenate([ends_a, ends_ba]), axis=1), axis=0,
                          return_inverse=True)
    key = key.ravel()  # numpy 2.0.0 kept a second dimension here
    key_a, key_b = key[:ends_a.shape[0]], key[ends_a.shape[0]:]
    if np.unique(key_a).size != key_a.size:
        raise EspInputError("Run A has two links between the same two sources.")
    link_of_key = np.full(rows.shape[0], -1, dtype=np.int64)
    link_of_key[key_a] = np.arange(key_a.size)
    target = link_of_key[key_b]
    valid = np.flatnonzero((target >= 0) & np.all(ends_ba > 0, axis=1)
                           & (ends_ba[:, 0] != ends_ba[:, 1]))
    order = valid[np.lexsort((valid, cost_b[valid], target[valid]))]
    chosen = order[np.r_[True, target[order[1:]] != target[order[:-1]]]] \
        if order.size else order
    match = np.full(key_a.size, -1, dtype=np.int64)
    match[target[chosen]] = chosen
    after = np.where(match >= 0, cost_b[np.maximum(match, 0)] if cost_b.size else 0, np.nan)
    with np.errstate(divide="ignore", invalid="ignore"):
        relative = np.where(cost_a > 0, (after - cost_a) / cost_a,
                            np.where(after == 0, 0.0, np.nan))
    return LinkChanges(match=match, lcd_before=cost_a, lcd_after=after, relative=relative,
                       lost=np.flatnonzero(match < 0),
                       new=np.setdiff1d(np.arange(cost_b.size), valid),
                       extra=np.setdiff1d(valid, chosen))
