"""Cost-weighted distance on a resistance raster: distance, allocation, least-cost paths.

The primitives of Linkage Mapper's corridor steps (McRae & Kavanagh 2011): the cost-weighted
distance (CWD) from a set of source cells, the allocation of every cell to its cheapest
source, the pairs of sources whose allocation zones touch, the least-cost path between two
sources traced down their CWD surfaces, and the normalized least-cost corridor
NLCC = CWD_A + CWD_B - LCD.

A step between 8-neighbouring cells costs the step length (cell width, cell height, or the
diagonal) times the mean resistance of the two cells, as ArcGIS CostDistance, GRASS r.cost
(without ``-k``, which would add knight's moves; r.cost counts steps in cells, so its values
are these divided by the cell size), Linkage Mapper and skimage's ``MCP_Geometric``. Costs
are in map units x resistance. NoData is an ``impassable`` mask: those cells are never
entered, their CWD is ``inf`` and their allocation 0.
"""

from __future__ import annotations

import hashlib
import math
from typing import Any, Dict, Optional, Protocol, Sequence, Tuple, Union

import numpy as np

from ..errors import EspInputError
from ..progress import NullProgress, Progress, check_cancelled
from ..sources.patchdistance import _check_cell_size, _labels, check_resistance, cost_graph

CellSize = Union[float, Tuple[float, float]]

#: Relative rounding below which an NLCC value counts as 0 (on a least-cost path).
_PATH_ROUNDING = 1e-9
#: A cell whose width and height differ by less than this (relative) counts as square.
_SQUARE_RTOL = 1e-6
#: Row and column offsets of the 8 neighbours.
_STEPS = ((-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1))
#: The frontier search reports progress and checks for cancellation every this many phases.
_PHASES_PER_REPORT = 16
#: Under method "auto" the frontier search hands over to a heap search when its last
#: ``_GIVE_UP_PHASES`` phases settled fewer than ``_GIVE_UP_CELLS`` cells each on average
#: while less than ``_GIVE_UP_SHARE`` of the passable cells is settled. A phase costs about
#: a hundred numpy calls (some 60 us), worth it only when it settles a few hundred cells (a
#: heap search takes 0.5-0.6 us per cell); narrow winding passages (a maze of NoData walls)
#: settle a few dozen. The recent phases are judged, not all of them, since the first phase
#: settles every source cell at once; a search nearly done is left to finish. On the demo's
#: land cover at 250 m (3.4M passable cells) the whole search took 2.0 s against the heap's
#: 2.1 s, but a threshold of 200 handed over after some phases of few cells (3.5 s in all);
#: 100 let it finish.
_GIVE_UP_PHASES = 256
_GIVE_UP_CELLS = 100
_GIVE_UP_SHARE = 0.75


def _cell_size(cell_size: Any) -> Tuple[float, float]:
    if np.ndim(cell_size) == 0:
        cell_size = (cell_size, cell_size)
    return _check_cell_size(tuple(cell_size))


def square_cell(cell_size: CellSize) -> float:
    """The side of a square cell (map units); an error for rectangular cells.

    Circuit resistances count cells and detection circles are drawn in cells: only a square
    cell turns either into map units by one factor (pinch points, barriers).
    """
    sizes = np.asarray(cell_size, dtype=np.float64).ravel()
    if sizes.size not in (1, 2):
        raise EspInputError("The cell size must be one number or a (width, height) pair, "
                            "not {size}.", size=cell_size)
    dx, dy = float(sizes[0]), float(sizes[-1])
    if not (math.isfinite(dx) and math.isfinite(dy) and dx > 0 and dy > 0):
        raise EspInputError("The cell size must be positive, not {size}.", size=cell_size)
    if abs(dx - dy) > _SQUARE_RTOL * max(dx, dy):
        raise EspInputError("Pinch points and barriers need square cells (circuit resistances "
                            "and detection circles are measured in cells), but these cells "
                            "are {dx:g} x {dy:g}. Resample the rasters to square cells first "
                            "(Raster > Projections > Warp with equal X and Y resolution).",
                            dx=dx, dy=dy)
    return dx


def _check_max_cost(max_cost: float) -> float:
    if math.isnan(max_cost) or max_cost < 0:
        raise EspInputError("The largest cost distance must be zero or positive, not {value}.",
                            value=max_cost)
    return float(max_cost)


def _check_surface(shape: Tuple[int, ...], resistance: Any, impassable: Any,
                   what: str) -> Tuple[np.ndarray, np.ndarray]:
    resistance = np.asarray(resistance)
    impassable = np.asarray(impassable, dtype=bool)
    if len(shape) != 2:
        raise EspInputError("The {what} raster must be two-dimensional, not {ndim}-dimensional.",
                            what=what, ndim=len(shape))
    if resistance.shape != shape or impassable.shape != shape:
        raise EspInputError("The {what} raster ({shape}), the resistance raster ({rshape}) "
                            "and the NoData mask ({mshape}) must have the same size.",
                            what=what, shape=shape, rshape=resistance.shape,
                            mshape=impassable.shape)
    if not (np.issubdtype(resistance.dtype, np.number) or resistance.dtype == np.bool_):
        raise EspInputError("Resistance values must be numbers, not {kind}.",
                            kind=resistance.dtype)
    check_resistance(resistance, ~impassable)
    return resistance, impassable


def _seeds(labels: np.ndarray) -> np.ndarray:
    """Flat indices of the source cells that border a cell of another label (8-neighbours).

    A least-cost path leaves its source through such a cell, so seeding only them gives the
    same distances outside the sources; the interior cells are set to 0 afterwards. This
    keeps skimage's start list (converted in Python) short for large sources.
    """
    padded = np.pad(labels, 1, mode="edge")
    centre = padded[1:-1, 1:-1]
    border = np.zeros(labels.shape, dtype=bool)
    rows, cols = labels.shape
    for dr, dc in _STEPS:
        border |= padded[1 + dr:1 + dr + rows, 1 + dc:1 + dc + cols] != centre
    return np.flatnonzero(border & (labels > 0))


def _flat_steps(offsets: Any, row_length: int) -> np.ndarray:
    """Flat-index step (int64) of each (row, column) offset on rows of ``row_length`` cells.

    skimage hands out its MCP offsets as int8; ``offset * row_length`` in int8 wraps on
    numpy 1 (from 127 columns on: wrong parents, then an IndexError or a wrong allocation)
    and raises OverflowError on numpy 2 (from 128 columns on), so the sum is formed in int64.
    """
    steps = np.asarray(offsets, dtype=np.int64)
    return steps[:, 0] * np.int64(row_length) + steps[:, 1]


def _half_steps(dx: float, dy: float) -> np.ndarray:
    """Half the length of each of the 8 steps (map units), in ``_STEPS`` order.

    Formed as skimage's ``MCP_Geometric`` forms its step lengths, so that both searches
    give the same floating-point sums.
    """
    offsets = np.asarray(_STEPS, dtype=np.float64)
    return np.sqrt(np.sum((np.array([dy, dx]) * offsets) ** 2, axis=1)) * 0.5


def _frontier_search(
    labels: np.ndarray,
    resistance: np.ndarray,
    impassable: np.ndarray,
    dx: float,
    dy: float,
    max_cost: float,
    allocate: bool,
    give_up: bool,
    progress: Progress,
) -> Optional[Tuple[np.ndarray, Optional[np.ndarray]]]:
    """Multi-source Dijkstra in vectorised phases; None when ``give_up`` and it is too slow.

    Strategy: a heap search settles one cell at a time, in Python that would be a loop over
    cells. Here each phase settles at once every frontier cell whose distance can no longer
    fall (Crauser, Mehlhorn, Meyer & Sanders 1998): with ``m`` the least tentative distance,
    cell ``v`` is final if ``d(v) <= m + bound(v)`` (any cheaper path would enter ``v`` from
    a cell at ``m`` or more, over a step of at least ``bound(v)``), or if ``d(v)`` is at most
    the least ``d(u) + bound(u)`` over the frontier (any cheaper path leaves the frontier
    over such a step). ``bound(v)`` is the shortest half step times (own resistance + the
    least one of its 3 x 3 block), at most the cost of every step into or out of ``v`` (a
    step costs the same both ways). Rounding is monotonic, so the tests hold for the rounded
    sums too, and every cell ends with the very sum a heap search gives it. The settled
    cells then relax their 8 neighbours, one direction at a time, so that no target is
    written twice in one assignment. A frame of impassable cells spares bounds checks.
    """
    rows, cols = labels.shape
    width = cols + 2
    cost = np.full((rows + 2, width), np.inf)
    inner = cost[1:-1, 1:-1]
    inner[...] = resistance
    inner[impassable] = np.inf
    half = _half_steps(dx, dy)
    # The least resistance of each 3 x 3 block, as a row pass then a column pass.
    across = np.minimum(cost[:, :-2], cost[:, 2:])
    np.minimum(across, cost[:, 1:-1], out=across)
    bound = np.full(cost.shape, np.inf)
    least = bound[1:-1, 1:-1]
    np.minimum(across[:-2], across[2:], out=least)
    np.minimum(least, across[1:-1], out=least)
    del across
    least += inner
    least *= half.min()
    flat_cost, flat_bound = cost.ravel(), bound.ravel()
    flat_steps = _flat_steps(_STEPS, width)
    padded = np.zeros(cost.shape, dtype=labels.dtype)
    padded[1:-1, 1:-1] = labels
    owner = padded.ravel()
    frontier = np.flatnonzero(owner > 0)
    distance = np.full(cost.size, np.inf)
    distance[frontier] = 0.0
    waiting = np.zeros(cost.size, dtype=bool)
    waiting[frontier] = True
    cells = max(1, labels.size - int(np.count_nonzero(impassable)))
    limited = math.isfinite(max_cost)
    phases = settled = 0
    marks = [0]  # cells settled, every _PHASES_PER_REPORT phases
    window = _GIVE_UP_PHASES // _PHASES_PER_REPORT
    while frontier.size:
        near = distance[frontier]
        room = flat_bound[frontier]
        final = (near <= near.min() + room) | (near <= (near + room).min())
        done = frontier[final]
        frontier = frontier[~final]
        waiting[done] = False
        reached, own_cost = near[final], flat_cost[done]
        own = owner[done] if allocate else None
        found = [frontier]
        for step, half_step in zip(flat_steps, half):
            target = done + step
            total = reached + (own_cost + flat_cost[target]) * half_step
            better = total < distance[target]
            if limited:
                better &= total <= max_cost
            target = target[better]
            if target.size == 0:
                continue
            distance[target] = total[better]
            if own is not None:
                owner[target] = own[better]
            target = target[~waiting[target]]
            waiting[target] = True
            found.append(target)
        frontier = np.concatenate(found)
        phases += 1
        settled += done.size
        if phases % _PHASES_PER_REPORT == 0:
            check_cancelled(progress)
            progress.update(0.05 + 0.85 * min(1.0, settled / cells))
            marks.append(settled)
            if (give_up and len(marks) > window and settled < _GIVE_UP_SHARE * cells
                    and settled - marks[-1 - window] < _GIVE_UP_CELLS * _GIVE_UP_PHASES):
                return None
    check_cancelled(progress)
    cwd = np.ascontiguousarray(distance.reshape(cost.shape)[1:-1, 1:-1])
    if not allocate:
        return cwd, None
    return cwd, np.ascontiguousarray(padded[1:-1, 1:-1])


def _skimage_available() -> bool:
    try:
        import skimage.graph  # noqa: F401
    except ImportError:
        return False
    return True


def _search(
    labels: np.ndarray,
    resistance: np.ndarray,
    impassable: np.ndarray,
    dx: float,
    dy: float,
    max_cost: float,
    method: str,
    allocate: bool,
    progress: Progress,
) -> Tuple[np.ndarray, Optional[np.ndarray]]:
    """Multi-source Dijkstra from the cells with ``labels > 0`` (labels already cleared on
    impassable cells). Returns the CWD grid and, if ``allocate``, the allocation grid."""
    if method not in ("auto", "numpy", "skimage", "scipy"):
        raise EspInputError("The cost-distance method must be 'auto', 'numpy', 'skimage' or "
                            "'scipy', not {value!r}.", value=method)
    if not np.any(labels > 0):
        raise EspInputError("There is no source cell: every source lies on NoData or the "
                            "source raster is empty. Give at least one passable source cell.")
    check_cancelled(progress)
    progress.update(0.05)
    if method in ("auto", "numpy"):
        found = _frontier_search(labels, resistance, impassable, dx, dy, max_cost, allocate,
                                 method == "auto", progress)
        if found is not None:
            return _finish(found[0], found[1], labels, impassable, max_cost, progress)
        # skimage's heap is 2-3 times faster than scipy's on a whole grid; scipy's search
        # stops at max_cost, which pays off when the reach is small.
        method = "skimage" if math.isinf(max_cost) and _skimage_available() else "scipy"
    shape = labels.shape
    seeds = _seeds(labels)
    if seeds.size == 0:  # one source covers the whole grid
        seeds = np.flatnonzero(labels > 0)[:1]
    allocation: Optional[np.ndarray] = None
    if method == "skimage":
        from skimage.graph import MCP_Geometric

        costs = np.where(impassable, np.inf, resistance.astype(np.float64))
        mcp = MCP_Geometric(costs, fully_connected=True, sampling=(dy, dx))
        starts = np.column_stack(np.unravel_index(seeds, shape))
        check_cancelled(progress)
        cwd, traceback = mcp.find_costs(starts)
        cwd = np.asarray(cwd, dtype=np.float64)
        check_cancelled(progress)
        progress.update(0.9)
        if allocate:
            # traceback holds, per cell, the offset from its predecessor; -1 on starts, -2
            # where not reached. Strategy: pointer jumping (parent = parent[parent]) finds
            # every cell's start in log2(longest path) vectorised passes.
            flat_tb = np.asarray(traceback).ravel()
            flat_offset = _flat_steps(mcp.offsets, shape[1])
            parent = np.arange(flat_tb.size, dtype=np.int64)
            moved = flat_tb >= 0
            parent[moved] -= flat_offset[flat_tb[moved]]
            while True:
                check_cancelled(progress)
                jumped = parent[parent]
                if np.array_equal(jumped, parent):
                    break
                parent = jumped
            allocation = labels.ravel()[parent].reshape(shape)
    else:
        from scipy.sparse.csgraph import dijkstra

        passable = ~impassable
        graph = cost_graph(resistance, passable, dx, dy)
        node = np.full(labels.size, -1, dtype=np.int64)
        node[passable.ravel()] = np.arange(graph.shape[0])
        check_cancelled(progress)
        options = {"limit": max_cost} if math.isfinite(max_cost) else {}
        if allocate:
            dist, _, origin = dijkstra(graph, directed=True, indices=node[seeds], min_only=True,
                                       return_predecessors=True, **options)
        else:
            dist = dijkstra(graph, directed=True, indices=node[seeds], min_only=True, **options)
        check_cancelled(progress)
        progress.update(0.9)
        cwd = np.full(shape, np.inf)
        cwd[passable] = dist
        if allocate:
            cells = np.flatnonzero(passable.ravel())
            owner = np.zeros(labels.size, dtype=labels.dtype)
            reached = origin >= 0
            owner[cells[reached]] = labels.ravel()[cells[origin[reached]]]
            allocation = owner.reshape(shape)
    return _finish(cwd, allocation, labels, impassable, max_cost, progress)


def _finish(cwd: np.ndarray, allocation: Optional[np.ndarray], labels: np.ndarray,
            impassable: np.ndarray, max_cost: float,
            progress: Progress) -> Tuple[np.ndarray, Optional[np.ndarray]]:
    """The rules every search shares: sources 0, beyond ``max_cost`` and NoData unreached."""
    source = labels > 0
    cwd[source] = 0.0
    cwd[cwd > max_cost] = np.inf
    cwd[impassable] = np.inf
    if allocation is not None:
        allocation = np.where(source, labels, allocation)
        allocation[~np.isfinite(cwd)] = 0
    progress.update(1.0)
    return cwd, allocation


def cost_distance(
    sources: np.ndarray,
    resistance: np.ndarray,
    *,
    impassable: np.ndarray,
    cell_size: CellSize,
    max_cost: float = math.inf,
    method: str = "auto",
    progress: Optional[Progress] = None,
) -> np.ndarray:
    """Cost-weighted distance (CWD) from the nearest source cell.

    Parameters
    ----------
    sources : 2-D bool array
        True on source cells. Sources on impassable cells are ignored.
    resistance : 2-D float array, same shape
        Cost of crossing one map unit of each cell; must be positive and finite where
        passable (its value on impassable cells is not read).
    impassable : 2-D bool array, same shape
        True on NoData cells, which cannot be entered.
    cell_size : float or (float, float)
        Cell width and height, map units.
    max_cost : float
        Cells farther than this (cost units) are ``inf``; ``math.inf`` (default) computes
        the whole grid.
    method : "auto", "numpy", "skimage" or "scipy"
        Search engine; all give the same values. ``"numpy"`` is the frontier search: a
        Dijkstra that settles whole bands of cells per vectorised phase and stops at
        ``max_cost``. ``"auto"`` (default) runs it, but hands over to a heap search when
        its phases settle too few cells each (narrow winding passages, as in a maze of
        NoData walls): skimage's ``MCP_Geometric`` when it is installed and ``max_cost``
        is infinite, otherwise scipy's ``csgraph.dijkstra``, which stops at ``max_cost``.
    progress : Progress, optional
        The frontier search reports and checks for cancellation every 16 phases; the heap
        searches only before and after their one C call.

    Returns
    -------
    2-D float64 array
        Least accumulated cost, cost units (map units x resistance); 0 on passable source
        cells; ``inf`` on impassable cells and where no source is reachable within
        ``max_cost``.

    Raises
    ------
    EspInputError
        Shapes differ, a passable resistance is zero, negative or not finite, the cell size
        is not positive, or no passable source cell exists.

    Notes
    -----
    Measured on 4 million cells, resistance 1-100, 30 source blobs (bench/corridor_cases.py
    ``cost_vs_grass``, 2 cores, numpy 1.24): the frontier search 1.2 s in 1,527 phases, 35
    bytes per cell above the inputs, the same values as skimage to the bit; skimage 0.19
    ``MCP_Geometric`` 2.7 s, 84 bytes per cell; GRASS 8.2 r.cost 2.6 s. The phases grow
    about as the side of the grid (696, 1,527 and 2,371 on 1, 4 and 16 million cells; 16
    million cells: 7.4 s, r.cost 19.5 s). A maze of one-cell passages would take tens of
    thousands of phases; "auto" hands it to the heap search after about 10 % more time.
    scipy 1.10 7.3-8.6 s (about a third building the graph), peak 1.1 GB; scipy 1.17
    4.5 s. :func:`cost_allocation` costs about a quarter more (the owners travel along).
    """
    progress = progress or NullProgress()
    sources = np.asarray(sources)
    resistance, impassable = _check_surface(sources.shape, resistance, impassable, "source")
    dx, dy = _cell_size(cell_size)
    reach = _check_max_cost(max_cost)
    labels = ((sources != 0) & ~impassable).astype(np.int8)
    cwd, _ = _search(labels, resistance, impassable, dx, dy, reach, method, False, progress)
    return cwd


def cost_allocation(
    labels: np.ndarray,
    resistance: np.ndarray,
    *,
    impassable: np.ndarray,
    cell_size: CellSize,
    max_cost: float = math.inf,
    method: str = "auto",
    progress: Optional[Progress] = None,
) -> Tuple[np.ndarray, np.ndarray]:
    """CWD from all sources at once, and the source each cell is cheapest to reach from.

    Parameters
    ----------
    labels : 2-D int array
        Source id of every cell; 0 or negative means no source. Ids on impassable cells are
        ignored. Whole-number floats are accepted.
    resistance, impassable, cell_size, max_cost, method, progress
        As :func:`cost_distance`.

    Returns
    -------
    cwd : 2-D float64 array
        As :func:`cost_distance` with every labelled cell a source.
    allocation : 2-D int64 array
        Id of the source with the least cost to the cell (its own id on source cells); 0 on
        impassable and unreached cells. A cell equally cheap from two sources goes to
        either (which one depends on the method).
    """
    progress = progress or NullProgress()
    labels = _labels(labels)
    resistance, impassable = _check_surface(labels.shape, resistance, impassable, "source")
    dx, dy = _cell_size(cell_size)
    reach = _check_max_cost(max_cost)
    ids = np.where(impassable | (labels < 0), 0, labels).astype(np.int64)
    cwd, allocation = _search(ids, resistance, impassable, dx, dy, reach, method, True,
                              progress)
    assert allocation is not None
    return cwd, allocation.astype(np.int64, copy=False)


def adjacent_pairs(allocation: np.ndarray) -> np.ndarray:
    """Pairs of sources whose allocation zones touch, as Linkage Mapper's step 1.

    Parameters
    ----------
    allocation : 2-D int array
        Zone id of every cell; 0 or negative means none.

    Returns
    -------
    (m, 2) int64 array
        Unique pairs ``(a, b)`` with ``a < b`` such that some cell of zone ``a`` and some
        cell of zone ``b`` are 8-neighbours; sorted by ``a`` then ``b``.
    """
    zones = _labels(allocation).astype(np.int64, copy=False)
    rows, cols = zones.shape
    found = [np.zeros((0, 2), dtype=np.int64)]
    # The 4 "forward" neighbours cover every unordered 8-neighbour pair once.
    for dr, dc in ((0, 1), (1, 0), (1, 1), (1, -1)):
        a = zones[0:rows - dr, max(0, -dc):cols - max(0, dc)]
        b = zones[dr:rows, max(0, dc):cols - max(0, -dc)]
        differ = (a != b) & (a > 0) & (b > 0)
        if np.any(differ):
            x, y = a[differ], b[differ]
            found.append(np.column_stack([np.minimum(x, y), np.maximum(x, y)]))
    pairs = np.concatenate(found)
    if pairs.shape[0] == 0:
        return pairs
    return np.unique(pairs, axis=0)


def trace_path(
    cwd: np.ndarray,
    start: Sequence[int],
    resistance: np.ndarray,
    *,
    impassable: np.ndarray,
    cell_size: CellSize,
) -> np.ndarray:
    """Least-cost path from ``start`` down a CWD surface to its source.

    Parameters
    ----------
    cwd : 2-D float array
        A CWD surface from :func:`cost_distance` or :func:`cost_allocation` computed with
        the same ``resistance``, ``impassable`` and ``cell_size``.
    start : (row, col)
        Cell to start from; its CWD must be finite.
    resistance, impassable, cell_size
        As :func:`cost_distance`.

    Returns
    -------
    (k, 2) int64 array
        The cells (row, col) of the path, from ``start`` to the first source cell (CWD 0)
        reached; a single row when ``start`` is a source cell.

    Notes
    -----
    Each step goes to the neighbour ``n`` minimising ``cwd[n] + step(n, c)``, i.e. the
    Dijkstra predecessor of the current cell (the first in row-major neighbour order on
    ties), so the path costs exactly ``cwd[start]``. Time grows with the path length only.
    """
    cwd = np.asarray(cwd, dtype=np.float64)
    resistance, impassable = _check_surface(cwd.shape, resistance, impassable, "CWD")
    dx, dy = _cell_size(cell_size)
    rows, cols = cwd.shape
    r, c = int(start[0]), int(start[1])
    if not (0 <= r < rows and 0 <= c < cols):
        raise EspInputError("The path start ({row}, {col}) lies outside the grid.",
                            row=r, col=c)
    if not math.isfinite(cwd[r, c]) or impassable[r, c]:
        raise EspInputError("The path start ({row}, {col}) is not reached from any source.",
                            row=r, col=c)
    diagonal = math.hypot(dx, dy)
    path = [(r, c)]
    for _ in range(cwd.size):
        here = cwd[r, c]
        if here <= 0:
            return np.asarray(path, dtype=np.int64)
        best, best_cell = math.inf, (-1, -1)
        for dr, dc in _STEPS:
            nr, nc = r + dr, c + dc
            if not (0 <= nr < rows and 0 <= nc < cols) or impassable[nr, nc]:
                continue
            length = dx if dr == 0 else dy if dc == 0 else diagonal
            total = cwd[nr, nc] + length * 0.5 * (float(resistance[r, c])
                                                  + float(resistance[nr, nc]))
            if total < best:
                best, best_cell = total, (nr, nc)
        if best_cell[0] < 0 or not cwd[best_cell] < here:
            raise EspInputError("The CWD surface does not descend to a source from cell "
                                "({row}, {col}); was it computed with this resistance?",
                                row=r, col=c)
        r, c = best_cell
        path.append((r, c))
    raise EspInputError("The CWD surface does not descend to a source.")


def least_cost_path(
    cwd_a: np.ndarray,
    cwd_b: np.ndarray,
    resistance: np.ndarray,
    *,
    impassable: np.ndarray,
    cell_size: CellSize,
) -> np.ndarray:
    """Least-cost path between sources A and B from their CWD surfaces.

    Parameters
    ----------
    cwd_a, cwd_b : 2-D float arrays
        CWD from source A and from source B (:func:`cost_distance`), same grid.
    resistance, impassable, cell_size
        As :func:`cost_distance`.

    Returns
    -------
    (k, 2) int64 array
        Cells (row, col) in order from a cell of A (CWD_A = 0) to a cell of B (CWD_B = 0);
        its cost is LCD = min(CWD_A + CWD_B). Empty (0, 2) when A and B are not connected.

    Notes
    -----
    Starts at the first cell (row-major) minimising CWD_A + CWD_B, and joins the
    :func:`trace_path` descents of both surfaces from there.
    """
    cwd_a = np.asarray(cwd_a, dtype=np.float64)
    cwd_b = np.asarray(cwd_b, dtype=np.float64)
    if cwd_a.shape != cwd_b.shape:
        raise EspInputError("The two CWD rasters differ in size ({ashape} and {bshape}).",
                            ashape=cwd_a.shape, bshape=cwd_b.shape)
    total = cwd_a + cwd_b
    if cwd_a.size == 0 or not np.isfinite(total).any():
        return np.zeros((0, 2), dtype=np.int64)
    flat = int(np.argmin(total))
    middle = (flat // total.shape[1], flat % total.shape[1])
    to_a = trace_path(cwd_a, middle, resistance, impassable=impassable, cell_size=cell_size)
    to_b = trace_path(cwd_b, middle, resistance, impassable=impassable, cell_size=cell_size)
    return np.concatenate([to_a[::-1], to_b[1:]])


def path_length(cells: np.ndarray, cell_size: CellSize) -> float:
    """Length of a path of cells in map units (centre to centre, straight or diagonal steps).

    Parameters
    ----------
    cells : (k, 2) int array
        Cells (row, col) in path order, as :func:`least_cost_path` gives them.
    cell_size : float or (float, float)
        Cell width and height, map units.
    """
    dx, dy = _cell_size(cell_size)
    cells = np.asarray(cells, dtype=np.float64).reshape(-1, 2)
    if cells.shape[0] < 2:
        return 0.0
    steps = np.diff(cells, axis=0)
    return float(np.hypot(steps[:, 0] * dy, steps[:, 1] * dx).sum())


def path_vertices(cells: np.ndarray,
                  geotransform: Optional[Sequence[float]] = None) -> np.ndarray:
    """The vertices of a path of cells drawn as a line through their centres: its first and
    last cells and every cell where the step changes direction.

    Parameters
    ----------
    cells : (k, 2) int array
        Cells (row, col) in path order, as :func:`least_cost_path` gives them.
    geotransform : GDAL geotransform of the grid (north up); None: cell (r, c) has its
        centre at (c + 0.5, -(r + 0.5)).

    Returns
    -------
    (m, 2) float64 array of map coordinates (x, y); empty (0, 2) for fewer than two cells.
    """
    path = np.asarray(cells).reshape(-1, 2)
    if path.shape[0] < 2:
        return np.zeros((0, 2), dtype=np.float64)
    steps = np.diff(path, axis=0)
    turns = np.flatnonzero(np.any(steps[1:] != steps[:-1], axis=1)) + 1
    keep = path[np.concatenate([[0], turns, [path.shape[0] - 1]])]
    x0, width, _, y0, _, height = geotransform or (0.0, 1.0, 0.0, 0.0, 0.0, -1.0)
    return np.column_stack([x0 + (keep[:, 1] + 0.5) * width,
                            y0 + (keep[:, 0] + 0.5) * height])


def corridor(cwd_a: np.ndarray, cwd_b: np.ndarray) -> Tuple[np.ndarray, float]:
    """Normalized least-cost corridor between sources A and B.

    Parameters
    ----------
    cwd_a, cwd_b : 2-D float arrays
        CWD from source A and from source B, same grid; ``inf`` (or NaN) where unreached.

    Returns
    -------
    nlcc : 2-D float64 array
        CWD_A + CWD_B - LCD, cost units: exactly 0 on every least-cost path (rounding of
        the sums below 1e-9 x LCD is cleared), > 0 elsewhere; ``inf`` where either surface
        is unreached.
    lcd : float
        Least-cost distance min(CWD_A + CWD_B), cost units; ``inf`` (and ``nlcc`` all
        ``inf``) when A and B are not connected.
    """
    cwd_a = np.asarray(cwd_a, dtype=np.float64)
    cwd_b = np.asarray(cwd_b, dtype=np.float64)
    if cwd_a.shape != cwd_b.shape:
        raise EspInputError("The two CWD rasters differ in size ({ashape} and {bshape}).",
                            ashape=cwd_a.shape, bshape=cwd_b.shape)
    total = cwd_a + cwd_b
    total[~np.isfinite(total)] = np.inf
    lcd = float(total.min()) if total.size else math.inf
    if not math.isfinite(lcd):
        return np.full(total.shape, np.inf), math.inf
    total -= lcd
    # Cells of a least-cost path sum to LCD only up to rounding (about 1e-16 x LCD); they are
    # set to exactly 0, so that "NLCC <= width" keeps the whole path even at width 0.
    total[total <= _PATH_ROUNDING * lcd] = 0.0
    return total, lcd


class SurfaceStore(Protocol):
    """Where :class:`SourceDistances` keeps surfaces beyond one run of one algorithm.

    ``get`` returns the surface stored under ``key`` as a new array the caller owns (it is
    marked read-only), or None; ``put`` may decline (for example when the disk is nearly
    full) and must not keep the caller's array itself. A dict-backed object serves in tests; the
    workflow lends one that keeps ``.npy`` files in its run folder, so that corridors, pinch
    points, barriers and collaborative zoning search each source once.
    """

    def get(self, key: str) -> Optional[np.ndarray]:
        ...

    def put(self, key: str, surface: np.ndarray) -> None:
        ...


#: Rows hashed at a time by :func:`surface_digest` (keeps the passable-value copy small).
_DIGEST_ROWS = 256


def surface_digest(resistance: np.ndarray, impassable: np.ndarray,
                   cell_size: Tuple[float, float], max_cost: float) -> str:
    """A hex digest of what every CWD surface on this raster depends on: the resistance of
    the passable cells, the NoData mask, the cell size and the search limit.

    Values on impassable cells are left out, so callers that fill NoData differently (NaN,
    1, the raster's NoData value) still share surfaces. The search method is left out too:
    every method gives the same bits (see :func:`cost_distance`).
    """
    digest = hashlib.blake2b(digest_size=16)
    digest.update(repr((resistance.shape, tuple(float(c) for c in cell_size),
                        float(max_cost))).encode())
    for start in range(0, resistance.shape[0], _DIGEST_ROWS):
        rows = slice(start, start + _DIGEST_ROWS)
        blocked = np.ascontiguousarray(impassable[rows], dtype=bool)
        digest.update(blocked.tobytes())
        digest.update(np.where(blocked, 0.0, resistance[rows]).astype(np.float64).tobytes())
    return digest.hexdigest()


def _cells_digest(cells: np.ndarray) -> str:
    """A hex digest of a set of cells (the flat indices of a boolean grid)."""
    flat = np.flatnonzero(cells).astype(np.int64)
    return hashlib.blake2b(flat.tobytes(), digest_size=16).hexdigest()


class SourceDistances:
    """CWD surfaces of single sources, computed on demand and kept while memory allows.

    Corridors, pinch points and barriers all need the CWD of each source of each link, and
    a source usually belongs to several links. Each surface costs one full-grid search, so
    they are kept for reuse up to ``max_bytes``; beyond that the least recently used one is
    dropped (and recomputed if asked for again).

    Parameters
    ----------
    labels : 2-D int array
        Source id of every cell; 0 or negative means no source.
    resistance, impassable, cell_size, method
        As :func:`cost_distance`.
    max_cost : float
        Search limit passed to :func:`cost_distance`; cells beyond it are ``inf``.
    max_bytes : float
        Memory the kept surfaces may take (default 1.5 GB).
    store : SurfaceStore, optional
        Asked before a search and given every surface searched, under a key made of
        :func:`surface_digest` and the source's cells: another instance built on the same
        raster (in another algorithm of the same workflow run) then skips the search.
    """

    def __init__(self, labels: np.ndarray, resistance: np.ndarray, *, impassable: np.ndarray,
                 cell_size: CellSize, max_cost: float = math.inf, method: str = "auto",
                 max_bytes: float = 1.5e9, store: Optional[SurfaceStore] = None) -> None:
        self.labels = _labels(labels)
        self.resistance, self.impassable = _check_surface(self.labels.shape, resistance,
                                                          impassable, "source")
        self.cell_size = _cell_size(cell_size)
        self.max_cost = _check_max_cost(max_cost)
        self.method = method
        self._capacity = max(1, int(max_bytes // max(1, self.labels.size * 8)))
        self._kept: Dict[int, np.ndarray] = {}
        self._store = store
        self._digest: Optional[str] = None
        #: Surfaces searched here, and surfaces taken from the store.
        self.searches = 0
        self.reused = 0

    def ids(self) -> np.ndarray:
        """The source ids that have at least one passable cell, ascending."""
        present = self.labels[(self.labels > 0) & ~self.impassable]
        return np.unique(present).astype(np.int64)

    def __call__(self, source: int, progress: Optional[Progress] = None) -> np.ndarray:
        """The CWD surface of source ``source`` (read-only; do not modify it)."""
        source = int(source)
        cwd = self._kept.pop(source, None)
        if cwd is None:
            cwd = self._stored(source)
            if cwd is None:
                cwd = self._search(source, progress)
            cwd.setflags(write=False)
            while len(self._kept) >= self._capacity:
                self._kept.pop(next(iter(self._kept)))
        self._kept[source] = cwd  # re-inserted last: dict order is the recency order
        return cwd

    def key(self, source: int) -> str:
        """The surface's digest and the digest of the source's passable cells: another
        caller that labels the sources differently still finds the same surface."""
        if self._digest is None:
            self._digest = surface_digest(self.resistance, self.impassable, self.cell_size,
                                          self.max_cost)
        return "{0}-{1}".format(self._digest,
                                _cells_digest((self.labels == source) & ~self.impassable))

    def _stored(self, source: int) -> Optional[np.ndarray]:
        if self._store is None:
            return None
        cwd = self._store.get(self.key(source))
        if cwd is None:
            return None
        if cwd.shape != self.labels.shape or cwd.dtype != np.float64:
            return None  # not what this key promised: search again
        self.reused += 1
        return cwd

    def _search(self, source: int, progress: Optional[Progress]) -> np.ndarray:
        if not np.any((self.labels == source) & ~self.impassable):
            raise EspInputError("Source {id} has no passable cell on the grid.", id=source)
        cwd = cost_distance(self.labels == source, self.resistance, impassable=self.impassable,
                            cell_size=self.cell_size, max_cost=self.max_cost,
                            method=self.method, progress=progress)
        self.searches += 1
        if self._store is not None:
            self._store.put(self.key(source), cwd)
        return cwd
