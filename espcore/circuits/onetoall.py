"""Circuitscape's one-to-all and all-to-one raster modes.

One-to-all: for every focal node in turn, 1 A (or its variable strength) is injected at the
node and every other focal node is tied directly to ground; the value reported is the
node's voltage per ampere, its effective resistance to all the others in parallel.
All-to-one: every other focal node injects 1 A (or its strength) and the node itself is the
ground; the value reported is 0 (Circuitscape reports no resistance in this mode), the
current maps are the result.

All focal regions are shorted for the whole run (merged into the short-circuit regions, see
:func:`focal_region_map`), so one network serves every solve. Only the connected component
of the focal node is solved.

Strategy: Circuitscape factorises one matrix per focal node, because the grounded nodes
change from solve to solve. Here one factorisation per component serves them all:

* one-to-all: with every focal node of the component held at 0 V, the matrix of the other
  nodes ``A`` is the same for every solve; the source node ``s`` is added back by block
  elimination: ``v_U = -A^{-1} L[U, s] v_s``, and ``v_s`` follows from the current that
  reaches the grounds (a sum of positive terms, so no cancellation);
* all-to-one: with a single ground node the potentials are those of the Laplacian with any
  one node grounded, shifted so that the ground node is at 0 V.

Solves that fit neither pattern (a focal node excluded by the included pairs, a focal id
split over several nodes, several ids on one node) take the general advanced-mode path
(:func:`espcore.circuits.circuit.solve_sources_grounds`, one factorisation per solve).

Semantics follow Circuitscape.jl (``src/raster/onetoall.jl``, ``src/raster/advanced.jl``,
``create_new_polymap`` in ``src/raster/pairwise.jl``); where versions differ, the comments
say which behaviour is reproduced and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Optional, Tuple

import numpy as np
import numpy.typing as npt

from ..progress import NullProgress, Progress, check_cancelled, watching
from .advanced import node_sums
from .circuit import (
    MAP_NODATA,
    CircuitResult,
    MapOptions,
    clamp_nodata,
    finish_map,
    solve_sources_grounds,
)
from .csini import Included
from .focal import FocalNodes
from .graph import Network, node_currents, raster_network
from .solvers import Log, _quiet, factorize, grounded


def one_to_all(g: np.ndarray, focal: FocalNodes, *, regions: Optional[np.ndarray] = None,
               four_neighbours: bool = False, average_resistance: bool = False,
               strengths: Optional[np.ndarray] = None, included: Optional[Included] = None,
               maps: MapOptions = MapOptions(), method: str = "auto", log: Log = _quiet,
               progress: Progress = NullProgress()) -> CircuitResult:
    """Effective resistance (ohm) of every focal node to all other focal nodes.

    Parameters
    ----------
    g : cell conductances (S), 0 = NoData / barrier; a mask is applied by the caller.
    focal : focal nodes (an id on several cells is a focal region, shorted to one node).
    regions : short-circuit regions (integer ids, 0 = none).
    four_neighbours, average_resistance : Circuitscape's connection scheme.
    strengths : optional ``id strength`` rows (A); ids not listed inject 1 A.
    included : ``(ids, k x k bool)`` from :func:`espcore.circuits.csini.parse_included_pairs`: focal
        ids not in ``ids`` are dropped; for node ``n`` the ids not paired with it are left
        out of its solve (neither grounds nor sources).
    maps : ``voltmap_<id>``, ``curmap_<id>`` (per-node maps), ``cum_curmap``,
        ``max_curmap`` as the flags ask. Per-node maps honour ``log_transform`` and
        ``null_*_to_nodata``; the cumulative and max maps sum / compare the raw currents
        and are post-processed once at the end.
    method : solver backend (see :mod:`espcore.circuits.solvers`).

    Returns
    -------
    CircuitResult whose ``resistances`` is a 2-column array ``id value`` (ids ascending);
    ``-1`` where nothing was solved (the node is on NoData, alone in its component, has
    strength 0, or every other node is excluded for it).

    Raises
    ------
    EspInputError
        fewer than two distinct focal ids (after dropping those not in ``included``).

    Notes
    -----
    Time: one factorisation per component holding focal nodes plus one solve per focal
    node. Memory: the network (about 60 bytes per cell), one factor, and a few vectors per
    node; maps add one raster per focal node and kind.
    """
    with watching(progress):  # an AMG-CG solve stops when the user cancels
        return _run(True, g, focal, regions=regions, four_neighbours=four_neighbours,
                    average_resistance=average_resistance, strengths=strengths,
                    included=included, maps=maps, method=method, log=log, progress=progress)


def all_to_one(g: np.ndarray, focal: FocalNodes, *, regions: Optional[np.ndarray] = None,
               four_neighbours: bool = False, average_resistance: bool = False,
               strengths: Optional[np.ndarray] = None, included: Optional[Included] = None,
               maps: MapOptions = MapOptions(), method: str = "auto", log: Log = _quiet,
               progress: Progress = NullProgress()) -> CircuitResult:
    """Current (A) from all other focal nodes flowing into each focal node in turn.

    Same parameters as :func:`one_to_all`; every other focal node injects 1 A (or its
    strength) at its first cell and the node's cells are tied directly to ground.

    Returns
    -------
    CircuitResult with ``resistances`` ``id value`` rows: 0 where the node was solved, -1
    where nothing was (as Circuitscape writes them); the current maps are the result.
    """
    with watching(progress):  # an AMG-CG solve stops when the user cancels
        return _run(False, g, focal, regions=regions, four_neighbours=four_neighbours,
                    average_resistance=average_resistance, strengths=strengths,
                    included=included, maps=maps, method=method, log=log, progress=progress)


def focal_region_map(regions: Optional[np.ndarray], point_map: np.ndarray, *,
                     focal_regions: bool) -> np.ndarray:
    """Short-circuit regions with the focal nodes burned in, as Circuitscape does it.

    Mirrors ``create_new_polymap(..., point_map)`` (Circuitscape.jl
    ``src/raster/pairwise.jl``):

    * no short-circuit map: the focal-id raster itself is the region map;
    * focal points (every id on one cell): a point outside every region gets the new id
      ``k + id`` (k = largest region id); a point inside a region just joins it;
    * focal regions: cells are visited in column-major order with k = max(largest region
      id, largest focal id); a focal cell outside every region gets ``k + id``; a focal cell
      inside region ``r`` with ``r != id`` relabels *every* cell currently labelled ``r`` to
      ``id``. So the regions a focal region overlaps merge with each other (and with an
      unrelated region that happens to carry the label ``id``), but not with the focal
      cells outside regions (``k + id``) unless they touch them.

    Parameters
    ----------
    regions : integer region ids (0 = none) or None.
    point_map : focal ids per cell (0 = none).
    focal_regions : True when some focal id covers more than one cell (decided on the whole
        focal list, like Circuitscape, even when ``point_map`` has ids removed).

    Returns
    -------
    int64 array of region ids (0 = none), for :func:`espcore.circuits.graph.raster_network`.
    """
    point_map = np.asarray(point_map, dtype=np.int64)
    if regions is None:
        return point_map.copy()
    base = np.asarray(regions, dtype=np.int64)
    on = point_map != 0
    if not focal_regions:
        out = base.copy()
        k = int(base.max(initial=0))
        burn = on & (base == 0)
        out[burn] = point_map[burn] + k
        return out
    k = max(int(base.max(initial=0)), int(point_map.max(initial=0)))
    # Strategy: instead of rewriting the raster for every relabelling, keep a compact label
    # per cell and the current value of every label; "all cells with value r -> id" is then
    # one pass over the (few) labels.
    cols, rows = np.nonzero(on.T)  # column-major order, Julia's findall order
    ids = point_map[rows, cols]
    labels = np.unique(np.concatenate([np.unique(base), k + np.unique(ids)]))
    label = np.asarray(np.searchsorted(labels, base))
    value = labels.copy()
    for r, c, pid in zip(rows, cols, ids):
        current = value[label[r, c]]
        if current == 0:
            label[r, c] = np.searchsorted(labels, k + pid)
        elif current != pid:
            value[value == current] = pid
    return value[label]


def _strength_lookup(strengths: Optional[np.ndarray]) -> Dict[int, float]:
    """Variable source strengths by focal id (the first row wins for a repeated id).

    Circuitscape.jl before the fix of its issue #341 used the rows of the strengths file by
    *position* (after dropping ids missing from the included pairs); current Circuitscape.jl
    and Circuitscape 4 (``get_strengths_rc``) key them by id, unlisted ids getting 1 A. The
    verification files list the ids in ascending order, so both rules give the same numbers
    there; the id rule is the one that cannot silently pair a strength with the wrong node.
    """
    lookup: Dict[int, float] = {}
    if strengths is None:
        return lookup
    table = np.asarray(strengths, dtype=np.float64).reshape(-1, 2)
    for pid, value in table:
        lookup.setdefault(int(round(pid)), float(value))
    return lookup


def _excluded(n: int, included: Optional[Included]) -> np.ndarray:
    """Ids that the included-pairs matrix leaves out of node ``n``'s solve."""
    if included is None:
        return np.zeros(0, dtype=np.int64)
    ids, chosen = included[0], included[1]
    ids = np.asarray(ids, dtype=np.int64)
    row = np.flatnonzero(ids == n)
    if row.size == 0:
        return np.zeros(0, dtype=np.int64)
    # Looked up by id, not by position (Circuitscape.jl issue #341).
    out = ~np.asarray(chosen, dtype=bool)[row[0]]
    out[row[0]] = False
    return ids[out]


@dataclass
class _Focal:
    """The focal layout of a run: ids, first cells, and the rasters Circuitscape builds."""

    ids: np.ndarray          # unique ids, ascending
    rows: np.ndarray         # first cell of every id
    cols: np.ndarray
    point_map: np.ndarray    # id per cell (later entries win on shared cells)
    unique_map: np.ndarray   # id on the first cell of every id only
    regions: bool            # some id covers several cells
    strength_of: Dict[int, float]
    variable: bool

    def strength(self, pid: int) -> float:
        return self.strength_of.get(int(pid), 1.0)

    def has_source(self, i: int) -> bool:
        """The first cell of the i-th id still carries it in ``unique_map`` (two ids whose
        first cells coincide: the later one wins, as in Circuitscape's map)."""
        return bool(self.unique_map[self.rows[i], self.cols[i]] == self.ids[i])


def _run(one_to_all_mode: bool, g: np.ndarray, focal: FocalNodes, *,
         regions: Optional[np.ndarray], four_neighbours: bool, average_resistance: bool,
         strengths: Optional[np.ndarray], included: Optional[Included], maps: MapOptions,
         method: str, log: Log, progress: Progress) -> CircuitResult:
    if included is not None:
        focal = focal.keep(np.asarray(included[0]))
    focal.require_two()
    options = dict(four_neighbours=four_neighbours, average_resistance=average_resistance)
    ids, rows, cols = focal.first_cells()
    unique_map = np.zeros(g.shape, dtype=np.int64)
    unique_map[rows, cols] = ids
    layout = _Focal(ids, rows, cols, focal.raster((g.shape[0], g.shape[1])), unique_map,
                    focal.has_regions, _strength_lookup(strengths), strengths is not None)
    net = raster_network(g, regions=focal_region_map(regions, layout.point_map,
                                                     focal_regions=layout.regions),
                         **options)
    shared = _Circuit(net, method, log)
    fast = (_FastOneToAll if one_to_all_mode else _FastAllToOne)(shared, layout)
    result = CircuitResult()
    values = np.full(ids.size, -1.0)
    cum = np.zeros(g.shape) if maps.any_currents else None
    top = np.full(g.shape, MAP_NODATA) if maps.max_map else None
    present = np.unique(layout.point_map[layout.point_map != 0])
    log("{mode}: {count} focal nodes, {n} network nodes.",
        mode="One-to-all" if one_to_all_mode else "All-to-one", count=ids.size,
        n=net.n_nodes)
    for i, n in enumerate(ids):
        check_cancelled(progress)
        n = int(n)
        excluded = _excluded(n, included)
        excluded = excluded[np.isin(excluded, present)]
        active_map = layout.point_map
        others = bool(np.any(present != n))
        if excluded.size:
            active_map = np.where(np.isin(active_map, excluded), 0, active_map)
            others = bool(np.any((active_map != 0) & (active_map != n)))
        if not others:
            # Every other focal node is excluded for this one: nothing to solve and no map
            # (Circuitscape.jl onetoall.jl and Circuitscape 4: -1, no solve).
            progress.update((i + 1) / ids.size)
            continue
        solved = fast.solve(i) if not excluded.size else None
        if solved is None:
            step = shared
            if excluded.size and layout.regions:
                # A focal region only collapses into one node while it takes part in the
                # solve, so the network is rebuilt with only the active regions burned in
                # (Circuitscape.jl onetoall.jl since issue #341; before, the node numbers
                # came from the short-circuit map alone while the Laplacian kept the full
                # merge, which mixed up the nodes).
                step = _Circuit(raster_network(g, regions=focal_region_map(
                    regions, active_map, focal_regions=True), **options), method, log)
            solved = _general_solve(one_to_all_mode, step, layout, i, active_map)
        step_net, v, ok = solved
        values[i] = _value(one_to_all_mode, ok, v, step_net, layout, i)
        _node_maps(step_net, g, v, str(n), maps, result, cum, top)
        progress.update((i + 1) / ids.size)
    check_cancelled(progress)
    result.resistances = np.column_stack([ids.astype(np.float64), values])
    for key, cells in (("cum_curmap", cum), ("max_curmap", top)):
        if cells is not None:
            # Circuitscape.jl adds the raw current maps and clamps the sum at -9999
            # (postprocess_cum_curmap!); the optional log / NoData rules come last.
            result.maps[key] = finish_map(clamp_nodata(cells), g,
                                          log_transform=maps.log_transform,
                                          null_to_nodata=maps.null_currents_to_nodata)
    return result


class _Circuit:
    """A network with its Laplacian and components, computed once."""

    def __init__(self, net: Network, method: str, log: Log) -> None:
        self.net = net
        self.laplacian = net.laplacian().tocsr()
        self.labels = net.components()[1]
        self.method = method
        self.log = log
        assert net.node_map is not None
        self.node_map: np.ndarray = net.node_map

    def node(self, row: int, col: int) -> int:
        """Node of a cell, -1 when the cell is not part of the network."""
        return int(self.node_map[row, col]) - 1

    def members(self, component: int) -> np.ndarray:
        return np.flatnonzero(self.labels == component)


Solved = Tuple[Network, np.ndarray, bool]


def _general_solve(one_to_all_mode: bool, circuit: _Circuit, layout: _Focal, i: int,
                   active_map: np.ndarray) -> Solved:
    """One solve exactly as Circuitscape sets it up: source and ground rasters, summed per
    node, the conflict policy, and only the component of the focal node solved."""
    n = int(layout.ids[i])
    shape = active_map.shape
    cell_sources = np.zeros(shape)
    cell_grounds = np.zeros(shape)
    if one_to_all_mode:
        # The source sits on the first cell of the id; every cell of every other active id
        # is a direct ground (onetoall.jl: unique_point_map / point_map).
        if layout.has_source(i):
            cell_sources[layout.rows[i], layout.cols[i]] = layout.strength(n)
        cell_grounds[(active_map != 0) & (active_map != n)] = np.inf
        policy = "rmvgnd"
    else:
        _all_to_one_sources(cell_sources, layout, n, active_map)
        cell_grounds[active_map == n] = np.inf
        policy = "rmvsrc"
    net = circuit.net
    sources, grounds = node_sums(net, cell_sources), node_sums(net, cell_grounds)
    # Only the component of the focal node's first cell is solved (advanced_kernel's
    # check_node). Circuitscape.jl before issue #341 took the i-th *cell* of the sorted
    # focal list instead, a different id's cell when focal regions precede id i; every
    # verification case gives the same numbers with both, and the first cell of the id
    # is the one that cannot skip a connected node.
    check = circuit.node(int(layout.rows[i]), int(layout.cols[i]))
    if check < 0:
        sources[:] = 0.0
    else:
        outside = circuit.labels != circuit.labels[check]
        sources[outside] = 0.0
        grounds[outside] = 0.0
    solution = solve_sources_grounds(net, sources, grounds, policy=policy,
                                     laplacian=circuit.laplacian, components=circuit.labels,
                                     method=circuit.method, log=circuit.log)
    return net, solution.voltages, solution.solved


def _all_to_one_sources(cell_sources: np.ndarray, layout: _Focal, n: int,
                        active_map: np.ndarray) -> None:
    """Sources of one all-to-one solve, on the first cell of every other focal id.

    Circuitscape.jl (onetoall.jl) with variable strengths gives every other id its
    strength, and an id that the included pairs exclude for this solve a unit source
    (Circuitscape 4's ``get_strength_map`` does the same; allToOneVerify12 depends on
    it); without variable strengths only the active ids inject 1 A.
    """
    for k, pid in enumerate(layout.ids):
        pid = int(pid)
        if pid == n or not layout.has_source(k):
            continue
        r, c = layout.rows[k], layout.cols[k]
        active = active_map[r, c] != 0
        if layout.variable:
            cell_sources[r, c] = layout.strength(pid) if active else 1.0
        elif active:
            cell_sources[r, c] = 1.0


def _focal_node_ids(circuit: _Circuit, layout: _Focal) -> Tuple[np.ndarray, np.ndarray]:
    """(node, id) of every focal cell that is part of the network, sorted by node, id."""
    cells = layout.point_map != 0
    nodes = circuit.node_map[cells] - 1
    ids = layout.point_map[cells]
    keep = nodes >= 0
    nodes, ids = nodes[keep], ids[keep]
    order = np.lexsort((ids, nodes))
    return nodes[order], ids[order]


class _FastOneToAll:
    """One-to-all solves of the shared network, one factorisation per component.

    For source node ``s`` the grounds are the other focal nodes of its component; with
    ``F`` all focal nodes and ``U`` the rest, ``A = L[U, U]`` does not depend on ``s``.
    Applicable when no other node than ``s`` carries only the id being solved (otherwise
    that node would float instead of being grounded).
    """

    def __init__(self, circuit: _Circuit, layout: _Focal) -> None:
        self.circuit = circuit
        self.layout = layout
        nodes, ids = _focal_node_ids(circuit, layout)
        self.focal: npt.NDArray[np.bool_] = np.zeros(circuit.net.n_nodes, dtype=bool)
        self.focal[nodes] = True
        # The id of every focal node that carries a single id (0: several ids).
        self.sole: npt.NDArray[np.int64] = np.zeros(circuit.net.n_nodes, dtype=np.int64)
        if nodes.size:
            starts = np.flatnonzero(np.r_[True, nodes[1:] != nodes[:-1]])
            ends = np.flatnonzero(np.r_[nodes[1:] != nodes[:-1], True])
            single = ids[starts] == ids[ends]
            self.sole[nodes[starts[single]]] = ids[starts[single]]
        self.factors: Dict[int, Tuple[np.ndarray, np.ndarray, Any, Any]] = {}

    def _factor(self, component: int) -> Tuple[np.ndarray, np.ndarray, Any, Any]:
        if component not in self.factors:
            c = self.circuit
            members = c.members(component)
            free = members[~self.focal[members]]
            factor, coupling = None, None
            if free.size:
                rows = c.laplacian[free]
                factor = factorize(rows[:, free], method=c.method, log=c.log)
                coupling = rows.tocsc()  # column s: how the free nodes see node s
            self.factors[component] = (members, free, factor, coupling)
        return self.factors[component]

    def solve(self, i: int) -> Optional[Solved]:
        c, layout = self.circuit, self.layout
        n = int(layout.ids[i])
        s = c.node(int(layout.rows[i]), int(layout.cols[i]))
        if s < 0 or not layout.has_source(i) or layout.strength(n) == 0:
            return None  # nothing to inject: the general path reports it as not solved
        members, free, factor, coupling = self._factor(int(c.labels[s]))
        grounds = members[self.focal[members] & (members != s)]
        if not grounds.size or np.any(self.sole[grounds] == n):
            return None
        v = np.zeros(c.net.n_nodes)
        v[s] = 1.0
        if factor is not None:
            column = np.asarray(coupling[:, [s]].todense()).ravel()
            v[free] = factor.solve(-column)
        # Current into the grounds with 1 V at s: every term w * v >= 0, no cancellation.
        flux = -float(np.sum(c.laplacian[grounds] @ v))
        if not flux > 0:
            return None
        v *= layout.strength(n) / flux
        return c.net, v, True


class _FastAllToOne:
    """All-to-one solves of the shared network, one factorisation per component.

    With a single ground node ``q`` the potentials solve ``L v = s - sum(s) e_q``, so any
    node may be grounded for the factorisation and ``v`` shifted to ``v(q) = 0``.
    Applicable when the cells of the id being solved form one node.
    """

    def __init__(self, circuit: _Circuit, layout: _Focal) -> None:
        self.circuit = circuit
        self.layout = layout
        self.factors: Dict[int, Tuple[np.ndarray, Any]] = {}
        # The ground node of every id whose cells (where it wins the point map) on the
        # network all belong to one node; cells off the network are not grounded.
        nodes, ids = _focal_node_ids(circuit, layout)
        self.one_node: Dict[int, int] = {}
        for pid in np.unique(ids):
            on = np.unique(nodes[ids == pid])
            if on.size == 1:
                self.one_node[int(pid)] = int(on[0])
        # Source node and amperes of every id (first cell; 0 A when it has no source).
        self.source_node = np.array([circuit.node(r, c) for r, c in
                                     zip(layout.rows, layout.cols)], dtype=np.int64)
        self.amperes = np.array([(layout.strength(pid) if layout.variable else 1.0)
                                 if layout.has_source(k) else 0.0
                                 for k, pid in enumerate(layout.ids)])

    def solve(self, i: int) -> Optional[Solved]:
        c, layout = self.circuit, self.layout
        n = int(layout.ids[i])
        q = c.node(int(layout.rows[i]), int(layout.cols[i]))
        if q < 0 or self.one_node.get(n) != q:
            return None
        on = (self.source_node >= 0) & (layout.ids != n)
        sources = np.bincount(self.source_node[on], self.amperes[on], c.net.n_nodes)
        sources[q] = 0.0  # rmvsrc: a source on the ground node is removed
        component = int(c.labels[q])
        if component not in self.factors:
            members = c.members(component)
            system = grounded(c.laplacian[members][:, members], 0, method=c.method,
                              log=c.log)
            self.factors[component] = (members, system)
        members, system = self.factors[component]
        rhs = sources[members]
        total = float(rhs.sum())
        if total == 0.0:
            return None
        local_q = int(np.searchsorted(members, q))
        rhs[local_q] -= total
        x = system.solve(rhs)
        v = np.zeros(c.net.n_nodes)
        v[members] = x - x[local_q]
        return c.net, v, True


def _value(one_to_all_mode: bool, solved: bool, voltages: np.ndarray, net: Network,
           layout: _Focal, i: int) -> float:
    """Circuitscape's per-node result: v(n) / strength (one-to-all) or 0 (all-to-one)."""
    if not solved:
        return -1.0
    if not one_to_all_mode:
        return 0.0
    assert net.node_map is not None
    node = int(net.node_map[layout.rows[i], layout.cols[i]]) - 1
    value = float(voltages[node]) / layout.strength(int(layout.ids[i])) if node >= 0 else 0.0
    # advanced_kernel: a zero voltage at the source is reported as -1.
    return value if value != 0.0 else -1.0


def _node_maps(net: Network, g: np.ndarray, v: np.ndarray, name: str, maps: MapOptions,
               result: CircuitResult, cum: Optional[np.ndarray],
               top: Optional[np.ndarray]) -> None:
    """Voltage and current maps of one solve (all zero when nothing was solved, as the
    files Circuitscape writes), accumulated into the cumulative and max maps."""
    if maps.voltage_maps:
        result.maps["voltmap_" + name] = finish_map(
            net.cell_values(v), g, null_to_nodata=maps.null_voltages_to_nodata)
    if not maps.any_currents:
        return
    currents = net.cell_values(node_currents(net, v))
    if maps.keep_pair_currents:
        result.maps["curmap_" + name] = finish_map(
            currents, g, log_transform=maps.log_transform,
            null_to_nodata=maps.null_currents_to_nodata)
    # onetoall.jl accumulates the kernel's raw current map, before any post-processing.
    if cum is not None:
        cum += currents
    if top is not None:
        np.maximum(top, currents, out=top)
