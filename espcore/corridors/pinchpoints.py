"""Pinch points: where the current of a corridor is forced through a narrow place.

This is Linkage Mapper's Pinchpoint Mapper (McRae 2012) on the circuit engine of
:mod:`espcore.circuits.pairwise` and :mod:`espcore.circuits.onetoall`.

Adjacent pairs (:func:`corridor_pinchpoints`), for every link between sources A and B:

1. the normalized least-cost corridor ``NLCC = CWD_A + CWD_B - LCD_AB`` (cost units) and the
   corridor mask ``NLCC <= cutoff`` on passable cells;
2. resistance kept on the mask only (optionally squared, to accentuate it);
3. a Circuitscape pairwise run between A and B as focal *regions* (the cells of A and of B in
   the mask, each shorted into one node), 8 neighbours and average conductance by default;
4. the effective resistance of the pair times the cell size (``Eff_Resist``, cost units, to
   compare with ``CW_Dist`` = LCD) and the ratio ``LCD / Eff_Resist`` (``cwd2EffR_r``);
5. the link's current map with the cells of A and B set to NoData; the maps of all links are
   mosaicked by maximum. (Linkage Mapper also sets Circuitscape's
   ``set_focal_node_currents_to_zero``; it only touches those cells, so it changes nothing.)

Network (:func:`network_pinchpoints`): one run on the union of the links' corridors plus
every source cell, each source a focal region, all pairs (cumulative current summed over
pairs) or all to one; source cells are NoData in the map.

Each run is cropped to the bounding box of its mask: cells outside the mask are not part of
the network anyway, so the network, and hence every number, is the one of the full grid.

Units: CWD, LCD, cutoff and ``Eff_Resist`` in cost units (map units x resistance); the
circuit's effective resistance is in resistance units per cell, hence the scaling by the
(square) cell size. Currents in amperes for 1 A between the pair.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Dict, Optional, Sequence, Tuple

import numpy as np

from ..circuits.circuit import MapOptions
from ..circuits.focal import FocalNodes
from ..errors import EspInputError
from ..progress import NullProgress, Progress, SubProgress, check_cancelled
from .corridors import corridor_mosaic
from .costdistance import CellSize, SourceDistances, corridor, square_cell

#: Network modes of :func:`network_pinchpoints`.
NETWORK_MODES = ("pairwise", "all-to-one")
#: Circuitscape's map: only the cumulative current is needed.
_CUMULATIVE = MapOptions(current_maps=True, cumulative_only=True)


@dataclass
class PinchResult:
    """Adjacent-pair pinch points.

    Attributes
    ----------
    current : 2-D float64 array
        Maximum over the links of each link's current (A). NaN where no link has a value:
        outside every corridor, and on a link's own two sources unless the corridor of
        another link covers them.
    pairs : (m, 2) int64 array
        The source pairs, as given.
    cost : (m,) float64 array
        Least-cost distance of each pair (cost units); ``inf`` when not connected.
    effective_resistance : (m,) float64 array
        Effective resistance between the pair within its corridor times the cell size (cost
        units, Linkage Mapper's ``Eff_Resist``); NaN when the pair is not connected within
        its corridor (possible with four neighbours only) or not at all.
    ratio : (m,) float64 array
        ``cost / effective_resistance`` (``cwd2EffR_r``); NaN with squared resistances (the
        two are then in different units) and where the resistance is NaN.
    """

    current: np.ndarray
    pairs: np.ndarray
    cost: np.ndarray
    effective_resistance: np.ndarray
    ratio: np.ndarray


# ---------------------------------------------------------------- inputs ----------------

def _check_cutoff(cutoff: float) -> float:
    value = float(cutoff)
    if math.isnan(value) or value < 0:
        raise EspInputError("The cost-weighted corridor width (cutoff) must be zero or "
                            "positive, not {value}. Give it in cost units, e.g. 10000.",
                            value=cutoff)
    return value


def _check_pairs(pairs: Any) -> np.ndarray:
    """Pairs as an (m, 2) int64 array of positive, whole, distinct source ids."""
    table = np.asarray(pairs, dtype=np.float64)
    if table.size == 0:
        raise EspInputError("There is no link to map: give at least one pair of sources "
                            "(an active link).")
    if table.ndim != 2 or table.shape[1] != 2:
        raise EspInputError("Links must be pairs of source ids, not an array of shape "
                            "{shape}.", shape=table.shape)
    bad = ~np.isfinite(table).all(axis=1) | (table <= 0).any(axis=1) | \
        (table != np.round(table)).any(axis=1)
    if np.any(bad):
        a, b = table[bad][0]
        raise EspInputError("Link sources must be positive whole-number ids; a link joins "
                            "{a} and {b}.", a=a, b=b)
    table = table.astype(np.int64)
    same = table[:, 0] == table[:, 1]
    if np.any(same):
        raise EspInputError("A link joins source {id} to itself; every link needs two "
                            "different sources.", id=int(table[same][0, 0]))
    return table


def _distances(labels: np.ndarray, resistance: np.ndarray, impassable: np.ndarray,
               cell_size: CellSize,
               distances: Optional[SourceDistances]) -> SourceDistances:
    """The CWD cache: the one given (checked against the grid) or a new one."""
    if distances is None:
        return SourceDistances(labels, resistance, impassable=impassable,
                               cell_size=cell_size)
    if distances.labels.shape != np.shape(labels):
        raise EspInputError("The cost distances were computed on a {dshape} grid but the "
                            "sources are on a {shape} grid; compute them on the same grid.",
                            dshape=distances.labels.shape, shape=np.shape(labels))
    return distances


def _check_present(pairs: np.ndarray, distances: SourceDistances) -> None:
    present = set(distances.ids().tolist())
    for a, b in pairs:
        for source in (int(a), int(b)):
            if source not in present:
                raise EspInputError("The link between sources {a} and {b} needs source "
                                    "{id}, which has no passable cell on the grid. Check the "
                                    "source ids, or leave that link out (Active = 0).",
                                    a=int(a), b=int(b), id=source)


def _circuit_resistance(resistance: np.ndarray, square: bool) -> np.ndarray:
    values = np.asarray(resistance, dtype=np.float64)
    return values * values if square else values


def bounding_box(mask: np.ndarray) -> Tuple[slice, slice]:
    """Rows and columns of the smallest rectangle holding every True cell of ``mask``."""
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    if rows.size == 0:
        return slice(0, 0), slice(0, 0)
    return slice(int(rows[0]), int(rows[-1]) + 1), slice(int(cols[0]), int(cols[-1]) + 1)


def _corridor_mask(cwd_a: np.ndarray, cwd_b: np.ndarray,
                   cutoff: float) -> Tuple[np.ndarray, float]:
    """Cells with NLCC <= cutoff (none when A and B are not connected) and the LCD."""
    nlcc, lcd = corridor(cwd_a, cwd_b)
    if not math.isfinite(lcd):
        return np.zeros(nlcc.shape, dtype=bool), lcd
    # NLCC is inf where either source is unreached (NoData included): never in the mask,
    # even with an infinite cutoff. It is exactly 0 on the least-cost paths.
    return np.isfinite(nlcc) & (nlcc <= cutoff), lcd


def _conductance(resistance: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """1 / resistance on ``keep``, 0 (not a node) elsewhere."""
    g = np.zeros(resistance.shape, dtype=np.float64)
    g[keep] = 1.0 / resistance[keep]
    return g


# ---------------------------------------------------------------- adjacent pairs --------

def _pair_circuit(resistance: np.ndarray, mask: np.ndarray, in_a: np.ndarray,
                  in_b: np.ndarray, options: Dict[str, Any],
                  progress: Progress) -> Tuple[float, Tuple[slice, slice], np.ndarray]:
    """Pairwise run between the A and B cells of the mask, on the mask's bounding box.

    Returns the effective resistance (resistance units per cell, NaN when A and B are not
    connected in the circuit), the box, and the current (A) on the box, NaN off the mask.
    """
    from ..circuits.pairwise import pairwise

    box = bounding_box(mask)
    keep = mask[box]
    focal_ids = np.where(in_a[box] & keep, 1, np.where(in_b[box] & keep, 2, 0))
    focal = FocalNodes.from_raster(focal_ids, keep)
    result = pairwise(_conductance(resistance[box], keep), focal, maps=_CUMULATIVE,
                      progress=progress, **options)
    assert result.resistances is not None
    r = float(result.resistances[1, 2])
    current = np.where(keep, result.maps["cum_curmap"], np.nan)
    return (r if r > 0 else math.nan), box, current


def corridor_pinchpoints(
    labels: np.ndarray,
    resistance: np.ndarray,
    *,
    impassable: np.ndarray,
    cell_size: CellSize,
    pairs: Sequence[Tuple[int, int]],
    cutoff: float,
    square: bool = False,
    four_neighbours: bool = False,
    average_resistance: bool = False,
    distances: Optional[SourceDistances] = None,
    method: str = "auto",
    progress: Optional[Progress] = None,
) -> PinchResult:
    """Pinch points of each link's corridor, mosaicked by maximum (adjacent-pair mode).

    Parameters
    ----------
    labels : 2-D int array
        Source id of every cell; 0 or negative means no source.
    resistance : 2-D float array, same shape
        Cost of crossing one map unit of each cell; positive and finite where passable.
    impassable : 2-D bool array, same shape
        True on NoData cells: never part of a corridor or a circuit.
    cell_size : float or (float, float)
        Cell width and height, map units; the cells must be square.
    pairs : sequence of (a, b)
        The links, as pairs of source ids; a pair given twice is computed once.
    cutoff : float
        Cost-weighted corridor width: cells with ``NLCC <= cutoff`` (cost units) form the
        corridor; ``math.inf`` keeps every connected cell.
    square : bool
        Square the resistances for the circuit runs (the corridors use the resistances as
        they are); the ratio is then NaN.
    four_neighbours, average_resistance : bool
        Circuitscape's ``connect_four_neighbors_only`` and
        ``connect_using_avg_resistances`` (defaults: 8 neighbours, average conductance).
    distances : SourceDistances, optional
        CWD surfaces to reuse (built on ``labels``, ``resistance``, ``impassable``,
        ``cell_size``); by default a new cache is made.
    method : str
        Circuit solver, one of :data:`espcore.circuits.solvers.METHODS`.
    progress : Progress, optional
        Updated and checked for cancellation during every link.

    Returns
    -------
    PinchResult
        The mosaic and, per pair in the order given, LCD, ``Eff_Resist`` and ratio.

    Raises
    ------
    EspInputError
        Rectangular cells, a negative or NaN cutoff, no pair, a pair joining a source to
        itself or naming a source without passable cells, or the input errors of
        :func:`espcore.corridors.costdistance.cost_distance`.
    Cancelled
        When ``progress`` asks to stop.

    Notes
    -----
    Per link: two CWD searches unless cached (see :class:`SourceDistances`), the NLCC grid,
    and one factorisation of the corridor's network (about 60 bytes per corridor cell);
    the mosaic is one float64 grid.
    """
    progress = progress or NullProgress()
    size = square_cell(cell_size)
    cutoff = _check_cutoff(cutoff)
    table = _check_pairs(pairs)
    distances = _distances(labels, resistance, impassable, cell_size, distances)
    _check_present(table, distances)
    circuit_r = _circuit_resistance(distances.resistance, square)
    source_ids = distances.labels
    options: Dict[str, Any] = dict(four_neighbours=four_neighbours,
                                   average_resistance=average_resistance, method=method)
    mosaic = np.full(source_ids.shape, np.nan)
    unique = sorted({(int(min(a, b)), int(max(a, b))) for a, b in table})
    found: Dict[Tuple[int, int], Tuple[float, float]] = {}
    for step, (a, b) in enumerate(unique):
        check_cancelled(progress)
        start, stop = step / len(unique), (step + 1) / len(unique)
        middle = start + 0.4 * (stop - start)
        cwd_a = distances(a, SubProgress(progress, start, (start + middle) / 2))
        cwd_b = distances(b, SubProgress(progress, (start + middle) / 2, middle))
        mask, lcd = _corridor_mask(cwd_a, cwd_b, cutoff)
        if not math.isfinite(lcd):
            found[(a, b)] = (lcd, math.nan)
            progress.update(stop)
            continue
        # The cells of A and of B are where their CWD is 0 (as Linkage Mapper's core raster).
        in_a, in_b = cwd_a == 0, cwd_b == 0
        r, box, current = _pair_circuit(circuit_r, mask, in_a, in_b, options,
                                        SubProgress(progress, middle, stop))
        current[in_a[box] | in_b[box]] = np.nan
        np.fmax(mosaic[box], current, out=mosaic[box])
        found[(a, b)] = (lcd, r * size)
        progress.update(stop)
    cost = np.array([found[(min(a, b), max(a, b))][0] for a, b in table], dtype=np.float64)
    effective = np.array([found[(min(a, b), max(a, b))][1] for a, b in table],
                         dtype=np.float64)
    ratio = np.full(cost.shape, np.nan) if square else cost / effective
    return PinchResult(mosaic, table, cost, effective, ratio)


# ---------------------------------------------------------------- network ---------------

def network_pinchpoints(
    labels: np.ndarray,
    resistance: np.ndarray,
    *,
    impassable: np.ndarray,
    cell_size: CellSize,
    pairs: Sequence[Tuple[int, int]],
    cutoff: float,
    mode: str = "pairwise",
    square: bool = False,
    four_neighbours: bool = False,
    average_resistance: bool = False,
    distances: Optional[SourceDistances] = None,
    method: str = "auto",
    progress: Optional[Progress] = None,
) -> np.ndarray:
    """Current through the whole corridor network (Pinchpoint Mapper's raster centrality).

    The circuit is the union of the links' corridors (``NLCC <= cutoff`` for any link) plus
    every source cell; every source is a focal region.

    Parameters
    ----------
    labels, resistance, impassable, cell_size, pairs, cutoff, square, four_neighbours, \
average_resistance, distances, method, progress
        As :func:`corridor_pinchpoints`; ``pairs`` only shape the corridor union, the
        circuit connects every source.
    mode : "pairwise" or "all-to-one"
        ``"pairwise"``: 1 A between every pair of sources, currents summed over the pairs;
        ``"all-to-one"``: each source in turn is grounded and every other source injects
        1 A, currents summed over the sources.

    Returns
    -------
    2-D float64 array
        Cumulative current (A); NaN outside the network and on every source cell.

    Raises
    ------
    EspInputError
        As :func:`corridor_pinchpoints`; an unknown mode.
    Cancelled
        When ``progress`` asks to stop.

    Notes
    -----
    Pairwise with focal regions solves one network per pair of sources (k (k - 1) / 2
    factorisations for k sources), as Circuitscape does; all-to-one factorises once.
    """
    progress = progress or NullProgress()
    if mode not in NETWORK_MODES:
        raise EspInputError("Unknown network mode '{mode}'; use 'pairwise' or 'all-to-one'.",
                            mode=mode)
    square_cell(cell_size)
    cutoff = _check_cutoff(cutoff)
    table = _check_pairs(pairs)
    distances = _distances(labels, resistance, impassable, cell_size, distances)
    _check_present(table, distances)
    source_ids = distances.labels
    sources = (source_ids > 0) & ~distances.impassable
    unique = sorted({(int(min(a, b)), int(max(a, b))) for a, b in table})
    union, _ = corridor_mosaic(unique, distances, truncate=cutoff,
                               progress=SubProgress(progress, 0.0, 0.5))
    keep = sources | np.isfinite(union)
    box = bounding_box(keep)
    inside = keep[box]
    g = _conductance(_circuit_resistance(distances.resistance, square)[box], inside)
    focal = FocalNodes.from_raster(np.where(sources[box], source_ids[box], 0), inside)
    circuit = SubProgress(progress, 0.5, 1.0)
    options: Dict[str, Any] = dict(four_neighbours=four_neighbours,
                                   average_resistance=average_resistance, maps=_CUMULATIVE,
                                   method=method, progress=circuit)
    if mode == "pairwise":
        from ..circuits.pairwise import pairwise

        result = pairwise(g, focal, **options)
    else:
        from ..circuits.onetoall import all_to_one

        result = all_to_one(g, focal, **options)
    check_cancelled(progress)
    out = np.full(source_ids.shape, np.nan)
    out[box] = np.where(inside & ~sources[box], result.maps["cum_curmap"], np.nan)
    progress.update(1.0)
    return out
