"""Key restoration areas: the patches of each key element, scored and graded, and their tally.

A key area is one 8-connected patch of key cells of one kind (see the kind codes in
:mod:`.zones`), or one corridor link. Each kind is graded on its own into levels 1 (most
important) to 3 by natural breaks of its scores (:func:`.zones.grade_levels`):

=====================  =========================================================
kind                   score of a key area
=====================  =========================================================
pinch point            highest current of its cells
barrier                highest improvement score of its cells
breakpoint             cost of crossing it: sum of resistance x cell side
corridor               cost per unit length of its least-cost path
degraded land          its area
=====================  =========================================================

The wrapper turns the patches into polygons and the links into buffered lines; here only
numbers are computed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np

from ..grid import Grid
from ..summaries import key_area_totals
from .zones import (
    BARRIER,
    BREAKPOINT,
    DEGRADED_CORRIDOR,
    DEGRADED_SOURCE,
    PINCH_POINT,
    ZoningElements,
    grade_levels,
    patch_values,
    patches,
)


@dataclass(frozen=True)
class KeyPatches:
    """The key areas of one kind that are patches of cells.

    ``labels`` numbers the patches 1..n on the grid (0 elsewhere); ``score``, ``area`` and
    ``level`` hold patch 1 at index 0.
    """

    kind: int
    labels: np.ndarray
    score: np.ndarray
    area: np.ndarray
    level: np.ndarray

    @property
    def count(self) -> int:
        return int(self.score.size)


def _values(grid: Optional[Grid]) -> Optional[np.ndarray]:
    return None if grid is None else np.where(grid.mask, np.nan,
                                              grid.values.astype(np.float64))


def key_patches(elements: ZoningElements, *, resistance: Grid, cell_area: float,
                pinch: Optional[Grid] = None,
                barriers: Optional[Grid] = None) -> List[KeyPatches]:
    """The patch key areas of every kind present, scored, measured and graded.

    Parameters
    ----------
    elements : the masks of :func:`.zones.zoning_elements`.
    resistance : the resistance grid of the elements (cost per map unit); a breakpoint
        scores the sum over its cells of resistance x the smaller cell side, the cost of
        crossing it (NoData cells count 0).
    cell_area : area of one cell in the unit the areas are wanted in (km² for the tables).
    pinch, barriers : the current and barrier-score rasters the key cells were found on;
        a pinch point or barrier scores the highest value of its cells (NoData counts 0).

    Returns
    -------
    One :class:`KeyPatches` per kind with at least one key cell, in the order pinch point,
    barrier, breakpoint, degraded land in sources, degraded land in corridors (outside the
    sources). Degraded land scores its area.

    Raises
    ------
    EspInputError
        A pinch-point or barrier mask without the raster it was found on.
    """
    side = min(abs(resistance.cell_size[0]), abs(resistance.cell_size[1]))
    # In the raster's own precision (a float32 raster's costs stay float32).
    cell_cost = np.where(elements.valid, resistance.values, 0.0) * side
    kinds: List[Tuple[int, Optional[np.ndarray], Optional[np.ndarray], str]] = [
        (PINCH_POINT, elements.pinch, _values(pinch), "max"),
        (BARRIER, elements.barriers, _values(barriers), "max"),
        (BREAKPOINT, elements.breakpoints, cell_cost, "sum"),
    ]
    if elements.degraded is not None:
        kinds += [(DEGRADED_SOURCE, elements.degraded & elements.sources, None, "count"),
                  (DEGRADED_CORRIDOR,
                   elements.degraded & elements.corridors & ~elements.sources, None, "count")]
    found: List[KeyPatches] = []
    for kind, mask, values, how in kinds:
        if mask is None or not mask.any():
            continue
        labels, count = patches(mask)
        score = patch_values(labels, count, values, how)
        cells = patch_values(labels, count, how="count")
        if how == "count":
            score = score * cell_area
        found.append(KeyPatches(kind, labels, score, cells * cell_area, grade_levels(score)))
    return found


@dataclass(frozen=True)
class KeyCorridors:
    """The corridor key areas: ``rows`` of the links that are graded (those with a cost per
    unit length), with their ``score`` and ``level`` in that order."""

    rows: np.ndarray
    score: np.ndarray
    level: np.ndarray


def key_corridors(cost: Sequence[float], length: Sequence[float]) -> KeyCorridors:
    """Score and grade the corridor links by their cost per unit length.

    Parameters
    ----------
    cost : cost-weighted distance of each link's least-cost path (CW_Dist, cost units); NaN
        when unknown.
    length : length of each path in map units (LCP_Length), one per cost; a length that is
        not positive gives no score.

    Returns
    -------
    :class:`KeyCorridors` of the links with a finite cost / length, graded by natural breaks
    (level 1 = the costliest per unit length).
    """
    costs = np.asarray(cost, dtype=np.float64).ravel()
    lengths = np.asarray(length, dtype=np.float64).ravel()
    positive = lengths > 0
    score = np.full(costs.shape, np.nan)
    score[positive] = costs[positive] / lengths[positive]
    rows = np.flatnonzero(np.isfinite(score))
    return KeyCorridors(rows, score[rows], grade_levels(score[rows]))


@dataclass(frozen=True)
class KeyAreaGroup:
    """The key areas of one kind and level: their number, total area and total length
    (None when none of them has a length)."""

    kind: int
    level: int
    count: int
    area: float
    length: Optional[float]


def _first_seen(kinds: np.ndarray) -> List[int]:
    order: Dict[int, None] = {}
    for kind in kinds.tolist():
        order.setdefault(int(kind), None)
    return list(order)


def key_area_groups(kinds: Sequence[int], levels: Sequence[int], areas: Sequence[float],
                    lengths: Optional[Sequence[float]] = None) -> List[KeyAreaGroup]:
    """Number, area and length of the key areas by kind and level.

    The same groups and totals as :func:`espcore.summaries.key_area_totals` (the report's
    table), in the order of the restoration-zoning statistics table.

    Parameters
    ----------
    kinds, levels, areas : one entry per key area (arrays of one length).
    lengths : optional length per key area, NaN for those without one (patches).

    Returns
    -------
    One :class:`KeyAreaGroup` per kind and level present: kinds in the order they first
    appear, levels ascending within a kind. Totals are summed in the order of the key
    areas.
    """
    kind = np.asarray(kinds, dtype=np.int64).ravel()
    totals = key_area_totals(kind, levels, areas,
                             np.full(kind.shape, np.nan) if lengths is None else lengths)
    rank = {code: position for position, code in enumerate(_first_seen(kind))}
    order = sorted(range(totals.kind.size),
                   key=lambda g: (rank[int(totals.kind[g])], int(totals.level[g])))
    return [KeyAreaGroup(int(totals.kind[g]), int(totals.level[g]), int(totals.count[g]),
                         float(totals.area[g]),
                         None if math.isnan(totals.length[g]) else float(totals.length[g]))
            for g in order]


def kind_counts(kinds: Sequence[int]) -> List[Tuple[int, int]]:
    """(kind, number of key areas) for every kind, in the order the kinds first appear."""
    kind = np.asarray(kinds, dtype=np.int64).ravel()
    return [(code, int(np.count_nonzero(kind == code))) for code in _first_seen(kind)]
