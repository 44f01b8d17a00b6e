"""Circuitscape's pairwise raster mode: effective resistance and current between focal nodes.

Focal points (every id on one cell) share one network. Strategy: per connected component,
ground the first focal node, factorise once and solve one right-hand side per *other* focal
node (k - 1 solves). The potentials of the pair (i, j) are then ``x_j - x_i`` and
``R_ij = x_i[i] + x_j[j] - x_i[j] - x_j[i]``, so no pair needs its own solve. The cumulative
current map needs, per edge, the sum over pairs of ``|w (d_j - d_i)|`` where ``d`` are the
edge potential differences of the k solutions; sorting the k values of each edge gives that
sum in O(k log k) instead of O(k^2) (see :func:`_pair_sum_abs_differences`).

Focal regions (an id on several cells): Circuitscape shorts only the two regions of the
active pair, so the network differs per pair; each pair is one task that rebuilds the
network and solves one grounded system (exactly Circuitscape's numbers).

Included pairs (Circuitscape.jl ``generate_exclude_pairs``): a pair of ids is skipped when
the file chooses it in neither direction; its resistance is -1 and it adds no map. This is
decided per id pair, so two ids on one cell can be included and excluded separately. In
include mode the focal ids missing from the file are dropped; in exclude mode they are kept
and all their pairs are solved. Ids that share one node keep resistance 0 even when their
pair is excluded (Circuitscape's ``smash_repeats!`` writes that 0 without looking at the
file).
"""

from __future__ import annotations

from functools import partial
from typing import Any, Dict, List, Optional, Tuple

import numpy as np
import numpy.typing as npt

from ..executor import SerialExecutor
from ..progress import NullProgress, Progress, SubProgress, check_cancelled, check_watched
from .circuit import (
    MAP_NODATA,
    CircuitResult,
    MapOptions,
    clamp_nodata,
    finish_map,
    resistance_table,
)
from .csini import Included, included_mode
from .focal import FocalNodes
from .graph import Network, node_currents, raster_network
from .solvers import Log, _quiet, choose_method, grounded

#: Right-hand sides solved together: progress and cancellation come between batches, a
#: CHOLMOD back-solve of 8 columns costs little more per column than one of 64, and AMG-CG
#: iterates up to 8 columns as one block (scipy's block products gain little beyond that).
BATCH = 8
#: Edges per block of the cumulative-current sums (small blocks stay in cache).
CHUNK = 1 << 14


def pairwise(g: np.ndarray, focal: FocalNodes, *, regions: Optional[np.ndarray] = None,
             four_neighbours: bool = False, average_resistance: bool = False,
             included: Optional[Included] = None, maps: MapOptions = MapOptions(),
             method: str = "auto", log: Log = _quiet,
             progress: Progress = NullProgress(), executor: Any = None) -> CircuitResult:
    """Pairwise effective resistances (ohm) and current maps (A) between focal nodes.

    Parameters
    ----------
    g : cell conductances (S), 0 = NoData / barrier
        (see :func:`espcore.circuits.graph.conductances`).
    focal : focal nodes; an id on more than one cell makes the run a focal-regions run.
    regions : short-circuit regions (integer ids, 0 = none).
    included : pairs to solve, from ``csini.parse_included_pairs`` (or a plain
        ``(ids, k x k bool)``, read as include mode). A pair is solved when it is chosen in
        either direction; other pairs get resistance -1 and no maps. In include mode focal
        ids missing from ``ids`` are dropped, in exclude mode they are kept, as
        Circuitscape does.
    maps : which maps to return (per pair current / voltage, cumulative, max).

    Returns
    -------
    CircuitResult with the resistance matrix (-1: the pair is not connected, a focal node
    lies on NoData, or the included pairs skip it; 0 on the diagonal and between ids on one
    node) and the requested maps,
    named like Circuitscape's files (``cum_curmap``, ``curmap_<id1>_<id2>`` ...).

    Memory: the k solutions (8 bytes x cells x focal nodes) plus the solver's factor.
    """
    if included is not None and included_mode(included) == "include":
        focal = focal.keep(np.asarray(included[0]))
    focal.require_two()
    executor = executor or SerialExecutor()
    options = dict(regions=regions, four_neighbours=four_neighbours,
                   average_resistance=average_resistance)
    if focal.has_regions:
        return _regions_path(g, focal, options, included, maps, method, log, progress,
                             executor)
    return _points_path(g, focal, options, included, maps, method, log, progress, executor)


class _Accumulator:
    """Cumulative and max current maps, summed in Circuitscape's order of operations."""

    def __init__(self, shape: Tuple[int, ...], maps: MapOptions) -> None:
        self.maps = maps
        self.cum = np.zeros(shape) if maps.any_currents else None
        self.max = np.full(shape, MAP_NODATA) if maps.max_map else None

    def add(self, cells: np.ndarray) -> None:
        if self.cum is not None:
            self.cum += cells
        if self.max is not None:
            np.maximum(self.max, cells, out=self.max)

    def store(self, result: CircuitResult) -> None:
        if self.cum is not None:
            result.maps["cum_curmap"] = clamp_nodata(self.cum)
        if self.max is not None:
            result.maps["max_curmap"] = clamp_nodata(self.max)


def _pair_maps(net: Network, g: np.ndarray, v: np.ndarray, name: str, maps: MapOptions,
               acc: _Accumulator, result: CircuitResult) -> None:
    """Voltage and current maps of one solved pair, accumulated like Circuitscape does."""
    if maps.voltage_maps:
        result.maps["voltmap_" + name] = finish_map(
            net.cell_values(v), g, null_to_nodata=maps.null_voltages_to_nodata)
    if maps.any_currents:
        cells = finish_map(net.cell_values(node_currents(net, v)), g,
                           log_transform=maps.log_transform,
                           null_to_nodata=maps.null_currents_to_nodata)
        acc.add(cells)
        if maps.keep_pair_currents:
            result.maps["curmap_" + name] = cells


# ---------------------------------------------------------------- focal points ----------

def _factor_state(laplacian: Any, ground: int, method: str) -> Any:
    # The Laplacian is this run's own and not needed after: ground it in place (no copy).
    return grounded(laplacian, ground, method=method, in_place=True)


def _solve_batch(system: Any, columns: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    rhs = np.zeros((system.n, columns.size))
    rhs[columns, np.arange(columns.size)] = 1.0
    return columns, system.solve(rhs)


def _component_solutions(laplacian: Any, nodes: np.ndarray, method: str, log: Log,
                         executor: Any, progress: Progress) -> np.ndarray:
    """Potentials (n x m) of 1 A into each of ``nodes`` returning through ``nodes[0]``."""
    m = nodes.size
    x = np.zeros((laplacian.shape[0], m))
    if m < 2:
        return x
    log("Factorising a component of {n} nodes for {m} focal nodes.", n=laplacian.shape[0], m=m)
    method = choose_method(laplacian.shape[0] - 1, method, log, rhs=m - 1)
    # Batches of even size: 9 columns go as 5 + 4, not 8 + 1 (an AMG-CG batch costs its
    # iterations whatever its width).
    count = -(-(m - 1) // BATCH)
    edges = [1 + (m - 1) * part // count for part in range(count + 1)]
    batches = [np.arange(start, stop) for start, stop in zip(edges[:-1], edges[1:])]
    done = 0
    setup = partial(_factor_state, laplacian, int(nodes[0]), method)
    tasks = [nodes[b] for b in batches]
    position = {int(node): i for i, node in enumerate(nodes)}
    check_cancelled(progress)
    # Each task is already a batch of columns: one per worker round trip.
    for columns, solved in executor.run(setup, _solve_batch, tasks, progress, batch=1):
        for j, node in enumerate(columns):
            x[:, position[int(node)]] = solved[:, j]
        done += columns.size
        progress.update(done / (m - 1))
        check_cancelled(progress)
    return x


def _points_path(g: np.ndarray, focal: FocalNodes, options: Dict[str, Any],
                 included: Optional[Included], maps: MapOptions,
                 method: str, log: Log, progress: Progress, executor: Any) -> CircuitResult:
    net = raster_network(g, **options)
    assert net.node_map is not None
    laplacian = net.laplacian().tocsr()
    _, labels = net.components()
    check_cancelled(progress)
    ids = focal.ids
    k = ids.size
    node = net.node_map[focal.rows, focal.cols] - 1  # -1: focal cell is not a node
    r = -np.ones((k, k))
    np.fill_diagonal(r, 0.0)
    chosen = _chosen_pairs(ids, included)
    solve_pair = _pair_filter(ids, chosen)
    result = CircuitResult()
    acc = _Accumulator(g.shape, maps)
    per_pair = maps.voltage_maps or maps.keep_pair_currents or maps.max_map \
        or maps.log_transform or included is not None
    focal_components = np.unique(labels[node[node >= 0]])
    for step, component in enumerate(focal_components):
        sub = SubProgress(progress, step / len(focal_components),
                          (step + 1) / len(focal_components))
        members = np.flatnonzero(labels == component)
        local = np.full(net.n_nodes, -1)
        local[members] = np.arange(members.size)
        on = (node >= 0) & (labels[np.maximum(node, 0)] == component)
        distinct = _unique_in_order(node[on])
        # One component holding every node, the usual raster, needs no copy of the matrix.
        matrix = laplacian if members.size == net.n_nodes \
            else laplacian[members][:, members]
        x = _component_solutions(matrix, local[distinct], method, log, executor,
                                 SubProgress(sub, 0.0, 0.6))
        at = x[local[distinct], :]
        diag = np.diag(at)
        r_nodes = diag[:, None] + diag[None, :] - at - at.T
        column = {int(n): i for i, n in enumerate(distinct)}
        members_idx = np.flatnonzero(on)
        members_list = members_idx.tolist()
        for i in members_list:
            for j in members_list:
                if i != j:
                    r[i, j] = r_nodes[column[int(node[i])], column[int(node[j])]]
        if not maps.any_currents and not maps.voltage_maps:
            continue
        full = np.zeros((net.n_nodes, distinct.size))
        full[members] = x
        if per_pair:
            pairs = _pairs_in_order(ids, members_idx, node, column, solve_pair)
            for count, (i, j, p, q) in enumerate(pairs):
                v = full[:, q] - full[:, p]
                v[members] -= v[node[i]]
                _pair_maps(net, g, v, "{0}_{1}".format(ids[i], ids[j]), maps, acc, result)
                sub.update(0.6 + 0.4 * (count + 1) / max(len(pairs), 1))
                check_cancelled(progress)
        else:
            weights = np.bincount([column[int(node[i])] for i in members_idx],
                                  minlength=distinct.size).astype(np.float64)
            acc.add(_cumulative_cells(net, full, distinct, weights, g, maps,
                                      SubProgress(sub, 0.6, 1.0)))
    # Skipped pairs are -1, except ids on one node (Circuitscape's smash_repeats! gives 0).
    r[~chosen & (node[:, None] != node[None, :])] = -1.0
    result.resistances = resistance_table(ids, r)
    acc.store(result)
    progress.update(1.0)
    return result


def _unique_in_order(values: np.ndarray) -> np.ndarray:
    _, first = np.unique(values, return_index=True)
    return values[np.sort(first)]


def _chosen_pairs(ids: np.ndarray, included: Optional[Included]) -> np.ndarray:
    """k x k bool over ``ids``: True where the pair is solved.

    A pair is skipped only when the file chooses it in neither direction (Circuitscape
    excludes (a, b) when both ``mat[a, b]`` and ``mat[b, a]`` say so); ids the file does not
    name pair with everything (only possible in exclude mode).
    """
    k = ids.size
    out: npt.NDArray[np.bool_] = np.ones((k, k), dtype=bool)
    if included is None:
        return out
    file_ids = np.asarray(included[0], dtype=np.int64).ravel()
    chosen = np.asarray(included[1], dtype=bool)
    chosen = chosen | chosen.T
    index = {int(pid): n for n, pid in enumerate(file_ids)}
    at = np.array([index.get(int(pid), -1) for pid in ids], dtype=np.int64)
    known = np.flatnonzero(at >= 0)
    out[np.ix_(known, known)] = chosen[np.ix_(at[known], at[known])]
    return out


def _pair_filter(ids: np.ndarray, chosen: np.ndarray) -> Any:
    """(id a, id b) -> whether the pair is solved, from :func:`_chosen_pairs`."""
    index = {int(pid): n for n, pid in enumerate(ids)}
    return lambda a, b: bool(chosen[index[int(a)], index[int(b)]])


def _pairs_in_order(ids: np.ndarray, members: np.ndarray, node: np.ndarray,
                    column: Dict[int, int], solve_pair: Any) -> List[Tuple[int, int, int, int]]:
    """(i, j, column of i, column of j) in Circuitscape's order: by node pair, then by ids."""
    by_node: Dict[int, List[int]] = {}
    for i in members:
        by_node.setdefault(column[int(node[i])], []).append(int(i))
    order = sorted(by_node)
    pairs = []
    for a_pos, p in enumerate(order):
        for q in order[a_pos + 1:]:
            for i in by_node[p]:
                for j in by_node[q]:
                    pairs.append((i, j, p, q))
    return [(i, j, p, q) for i, j, p, q in pairs if solve_pair(ids[i], ids[j])]


def _cumulative_cells(net: Network, x: np.ndarray, distinct: np.ndarray, weights: np.ndarray,
                      g: np.ndarray, maps: MapOptions,
                      progress: Progress = NullProgress()) -> np.ndarray:
    """Sum over all id pairs of the pair's node currents, without forming any pair.

    A node's current is half the sum of the |currents| of its edges, plus half the 1 A it
    injects or absorbs when it is one of the pair's focal nodes.
    """
    n = net.n_nodes
    edge_sum = np.zeros(len(net.a))
    for start in range(0, len(net.a), CHUNK):
        check_cancelled(progress)
        stop = min(start + CHUNK, len(net.a))
        d = x[net.a[start:stop]] - x[net.b[start:stop]]
        edge_sum[start:stop] = net.w[start:stop] * _pair_sum_abs_differences(d, weights)
        progress.update(stop / len(net.a))
    # float even without edges, where bincount of an empty list gives int64.
    total = (np.bincount(net.a, edge_sum, n) + np.bincount(net.b, edge_sum, n)).astype(float)
    total[distinct] += weights * (weights.sum() - weights)
    cells = net.cell_values(total / 2.0)
    return finish_map(cells, g, null_to_nodata=maps.null_currents_to_nodata)


def _pair_sum_abs_differences(d: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Row-wise sum over column pairs p < q of weights[p] * weights[q] * |d[:, p] - d[:, q]|.

    Strategy: with a row sorted ascending, the value at rank m is larger than everything
    before it, so it enters the sum with weight (weight before it - weight after it).
    """
    k = weights.size
    if np.all(weights == 1.0):  # one id per node, the usual case: rank weights are fixed
        return np.sort(d, axis=1) @ (2.0 * np.arange(k) - (k - 1))
    order = np.argsort(d, axis=1, kind="stable")
    ds = np.take_along_axis(d, order, axis=1)
    ws = weights[order]
    before = np.cumsum(ws, axis=1) - ws
    after = weights.sum() - before - ws
    return np.sum(ds * ws * (before - after), axis=1)


# ---------------------------------------------------------------- focal regions ---------

def _active_regions(shape: Tuple[int, int], regions: Optional[np.ndarray], focal: FocalNodes,
                    pt1: int, pt2: int) -> np.ndarray:
    """The short-circuit map of one pair: only the two active focal regions burned in.

    Mirrors Circuitscape's ``create_new_polymap``: without short-circuit regions the two
    regions are burned as they are; with them, a region outside every polygon becomes a new
    polygon, and a region that touches polygons merges those whole polygons into one (its
    cells outside them stay ordinary cells, as in Circuitscape). Single-cell ids are not
    burned in then.
    """
    if regions is None:
        out: npt.NDArray[np.int64] = np.zeros(shape, dtype=np.int64)
        for pid in (pt1, pt2):
            on = focal.ids == pid
            out[focal.rows[on], focal.cols[on]] = pid
        return out
    out = np.array(regions, dtype=np.int64)
    top = int(out.max(initial=0))
    for pid in (pt1, pt2):
        on = focal.ids == pid
        if np.count_nonzero(on) == 1:
            continue
        rows, cols = focal.rows[on], focal.cols[on]
        under = regions[rows, cols]
        top += 1
        if not np.any(under != 0):
            out[rows, cols] = top
        else:
            out[np.isin(regions, under[under != 0])] = top
    return out


def _solve_region_pair(state: Tuple[Any, ...], pair: Tuple[int, int]) -> Tuple[Any, ...]:
    g, regions, focal, options, method, want_maps = state
    pt1, pt2 = pair
    net = raster_network(g, regions=_active_regions(g.shape, regions, focal, pt1, pt2),
                         **options)
    assert net.node_map is not None
    first_ids, rows, cols = focal.first_cells()
    c1 = net.node_map[rows[first_ids == pt1][0], cols[first_ids == pt1][0]] - 1
    c2 = net.node_map[rows[first_ids == pt2][0], cols[first_ids == pt2][0]] - 1
    if c1 < 0 or c2 < 0:
        return pair, -1.0, None, None
    if c1 == c2:
        return pair, 0.0, None, None
    _, labels = net.components()
    if labels[c1] != labels[c2]:
        return pair, -1.0, None, None
    # The factorisation below may take as long again as building the network did.
    check_watched()
    members = np.flatnonzero(labels == labels[c1])
    local = np.full(net.n_nodes, -1)
    local[members] = np.arange(members.size)
    system = grounded(net.laplacian().tocsr()[members][:, members], int(local[c1]),
                      method=method)
    rhs = np.zeros(members.size)
    rhs[local[c2]] = 1.0
    v = np.zeros(net.n_nodes)
    v[members] = system.solve(rhs)
    return pair, float(v[c2]), (net if want_maps else None), (v if want_maps else None)


def _regions_path(g: np.ndarray, focal: FocalNodes, options: Dict[str, Any],
                  included: Optional[Included], maps: MapOptions, method: str, log: Log,
                  progress: Progress, executor: Any) -> CircuitResult:
    ids = focal.unique_ids
    k = ids.size
    r = -np.ones((k, k))
    np.fill_diagonal(r, 0.0)
    chosen = _chosen_pairs(ids, included)
    pairs = [(int(ids[i]), int(ids[j])) for i in range(k) for j in range(i + 1, k)
             if chosen[i, j]]
    log("Focal regions: {count} pairs, each solved with its two regions shorted.",
        count=len(pairs))
    regions = options.pop("regions")
    want_maps = maps.any_currents or maps.voltage_maps
    state = (g, regions, focal, options, method, want_maps)
    position = {int(pid): n for n, pid in enumerate(ids)}
    result = CircuitResult()
    acc = _Accumulator(g.shape, maps)
    for done, (pair, resistance, net, v) in enumerate(
            executor.run(partial(_identity, state), _solve_region_pair, pairs, progress,
                         batch=1)):
        i, j = position[pair[0]], position[pair[1]]
        r[i, j] = r[j, i] = resistance
        if net is not None and resistance > 0:
            _pair_maps(net, g, v, "{0}_{1}".format(*pair), maps, acc, result)
        progress.update((done + 1) / max(len(pairs), 1))
        check_cancelled(progress)
    result.resistances = resistance_table(ids, r)
    acc.store(result)
    return result


def _identity(value: Any) -> Any:
    return value
