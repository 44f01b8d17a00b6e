"""Circuitscape's network (graph) mode: pairwise resistances and advanced sources/grounds.

The habitat is an edge list ``i j value`` instead of a raster. Node ids are the integers of
the file (Circuitscape's files are 0-based; Circuitscape.jl adds 1 internally and the tables
here keep the file's ids), so the graph has ``max id + 1`` nodes; ids that appear in no edge
are isolated nodes. Parallel edges and both directions of an edge add up as parallel
resistors, self-loops vanish.

Output tables are keyed like Circuitscape's file suffixes (``voltages_0_1``,
``node_currents_cum``, ``branch_currents`` ...) and laid out as its files: ``node value``
rows for voltages and node currents, ``node node current`` rows (smaller id first, sorted)
for branch currents, where branches carrying 1e-6 A or less are left out, as Circuitscape
does. Node and branch currents follow Circuitscape's rules exactly (see
:func:`espcore.circuits.graph.node_currents`): a node's current is the larger of its total
inflow and total outflow, and branch currents below 1e-8 of the largest one are taken as zero.

Memory: the Laplacian (about 40 bytes per edge) and, in pairwise mode with per-pair tables,
one potential vector per focal node of a component (8 bytes x nodes x focal nodes).
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Tuple

import numpy as np
import numpy.typing as npt

from ..errors import EspInputError
from ..progress import NullProgress, Progress, SubProgress, check_cancelled, watching
from .circuit import CircuitResult, MapOptions, resistance_table, solve_sources_grounds
from .csini import Included
from .graph import Network, edge_network, node_currents
from .solvers import Log, _quiet, grounded

#: Branch currents at or below this (A) are not written, as in Circuitscape.jl's
#: ``write_currents`` ("we guarantee only 6 digits of precision on solve").
BRANCH_CURRENT_FLOOR = 1e-6
#: Branch currents below this fraction of the largest one count as zero (Circuitscape).
RELATIVE_ZERO = 1e-8
#: Right-hand sides solved together.
SOLVE_BATCH = 64
#: Edge x pair values held at once while currents of many pairs are computed (16 MB).
CURRENT_BLOCK = 2_000_000


# ---------------------------------------------------------------- inputs ----------------

def _node_ids(values: Any, what: str) -> np.ndarray:
    """Whole, non-negative node ids as int64; anything else is an input error."""
    ids = np.asarray(values, dtype=np.float64).ravel()
    bad = ~np.isfinite(ids) | (ids < 0) | (ids != np.round(ids))
    if np.any(bad):
        raise EspInputError(
            "The {what} holds '{value}', which is not a node id. Node ids are whole numbers "
            "from 0 up, as in the graph file.", what=what, value=ids[bad][0])
    return ids.astype(np.int64)


def _table(values: Any, columns: int, what: str) -> np.ndarray:
    table = np.asarray(values, dtype=np.float64)
    if table.size == 0:
        return np.zeros((0, columns))
    table = np.atleast_2d(table)
    if table.ndim != 2 or table.shape[1] < columns:
        raise EspInputError("The {what} needs {columns} columns per row.", what=what,
                            columns=columns)
    return table[:, :columns]


def graph_network(edges: Any, *, is_resistance: bool = True) -> Network:
    """The resistor network of an edge list ``i j value`` (node ids as in the file).

    Parameters
    ----------
    edges : k x 3 array: two node ids (whole numbers from 0) and a resistance (ohm) or a
        conductance (S) per row; extra columns are ignored.
    is_resistance : values are resistances (True, Circuitscape's default) or conductances.

    Returns
    -------
    Network with ``max id + 1`` nodes, node ``i`` being id ``i`` of the file.

    Raises
    ------
    EspInputError
        No edges, ids that are not whole non-negative numbers, zero or negative
        resistances, negative or infinite conductances, or NaN values.
    """
    table = _table(edges, 3, "graph (edge list)")
    if table.shape[0] == 0:
        raise EspInputError("The graph has no edges. Give one 'node node value' line per "
                            "edge.")
    a = _node_ids(table[:, 0], "graph (edge list)")
    b = _node_ids(table[:, 1], "graph (edge list)")
    values = table[:, 2]
    if is_resistance:
        bad = np.isnan(values) | (values <= 0)
        if np.any(bad):
            raise EspInputError(
                "The graph has {count} edges with zero, negative or missing resistance (first: "
                "{a} {b} {value}). Resistances must be positive; join nodes that should "
                "conduct freely into one node.", count=int(np.count_nonzero(bad)),
                a=int(a[bad][0]), b=int(b[bad][0]), value=values[bad][0])
        with np.errstate(divide="ignore"):
            w = 1.0 / values
    else:
        bad = ~np.isfinite(values) | (values < 0)
        if np.any(bad):
            raise EspInputError(
                "The graph has {count} edges with negative, infinite or missing conductance "
                "(first: {a} {b} {value}). Conductances must be zero or positive.",
                count=int(np.count_nonzero(bad)), a=int(a[bad][0]), b=int(b[bad][0]),
                value=values[bad][0])
        w = values
    return edge_network(int(max(a.max(), b.max())) + 1, a, b, w)


# ---------------------------------------------------------------- currents --------------

class _Incidence:
    """Sparse node x edge incidence of a network (or one component), for batched flows."""

    def __init__(self, n: int, a: np.ndarray, b: np.ndarray) -> None:
        import scipy.sparse as sp

        edges = np.arange(a.size)
        ones = np.ones(a.size)
        self.at_a = sp.csr_matrix((ones, (a, edges)), shape=(n, a.size))
        self.at_b = sp.csr_matrix((ones, (b, edges)), shape=(n, a.size))


def _thresholded(f: np.ndarray) -> np.ndarray:
    """Signed currents ``f`` (edges x solves) with those below 1e-8 of their column's
    largest value set to zero (Circuitscape's rule; nothing is zeroed when no current is
    positive)."""
    if f.shape[0] == 0:
        return f
    top = f.max(axis=0)
    return np.where((top > 0) & (np.abs(f) < RELATIVE_ZERO * top), 0.0, f)


def _pair_currents(a: np.ndarray, b: np.ndarray, w: np.ndarray, incidence: _Incidence,
                   v: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """Node and branch currents (A) of potentials ``v`` (n x p), one column per solve.

    Exactly :func:`espcore.circuits.graph.node_currents` for every column (no grounds), and the
    branch currents Circuitscape writes: |current|, zero where the signed current a -> b is
    below 1e-8 of its largest value.

    Strategy: a column's inflows are thresholded against its largest a -> b current, its
    outflows against its largest b -> a current (Circuitscape's two passes), then summed
    per node with two sparse incidence products instead of a loop over columns.
    """
    f = w[:, None] * (v[a] - v[b])  # > 0: flows from a to b
    if f.shape[0] == 0:
        return np.zeros(v.shape), f
    f_in = _thresholded(f)
    f_out = -_thresholded(-f)
    inflow = incidence.at_b @ np.maximum(f_in, 0.0) + incidence.at_a @ np.maximum(-f_in, 0.0)
    outflow = incidence.at_b @ np.maximum(-f_out, 0.0) + incidence.at_a @ np.maximum(f_out, 0.0)
    return np.maximum(inflow, outflow), np.abs(f_in)


def _branch_table(a: np.ndarray, b: np.ndarray, current: np.ndarray) -> np.ndarray:
    """``a b current`` rows in the given edge order, without branches at or below 1e-6 A."""
    keep = current > BRANCH_CURRENT_FLOOR
    return np.column_stack([a[keep], b[keep], current[keep]]).astype(np.float64)


def _node_table(nodes: np.ndarray, values: np.ndarray) -> np.ndarray:
    return np.column_stack([nodes, values]).astype(np.float64)


def _lexicographic(net: Network) -> np.ndarray:
    """Edge order of Circuitscape's files: by smaller node id, then larger."""
    return np.lexsort((net.b, net.a))


# ---------------------------------------------------------------- pairwise --------------

def _pair_filter(included: Optional[Included]) -> Callable[[int, int], bool]:
    if included is None:
        return lambda p, q: True
    index = {int(pid): n for n, pid in enumerate(np.asarray(included[0]).ravel())}
    chosen = np.asarray(included[1], dtype=bool)
    return lambda p, q: bool(chosen[index[p], index[q]])


def _first_appearance(values: np.ndarray) -> np.ndarray:
    _, first = np.unique(values, return_index=True)
    return values[np.sort(first)]


class _Component:
    """One connected component holding focal nodes: its nodes, edges and local numbering."""

    def __init__(self, net: Network, labels: np.ndarray, label: int, order: np.ndarray,
                 laplacian: Any) -> None:
        self.nodes = np.flatnonzero(labels == label)  # ascending ids, Circuitscape's order
        self.local: npt.NDArray[np.int64] = np.full(net.n_nodes, -1, dtype=np.int64)
        self.local[self.nodes] = np.arange(self.nodes.size)
        edges = order[labels[net.a[order]] == label]  # lexicographic, as written
        self.a, self.b, self.w = net.a[edges], net.b[edges], net.w[edges]
        self.edges = edges
        self.la, self.lb = self.local[self.a], self.local[self.b]
        self.laplacian = laplacian[self.nodes][:, self.nodes]


def _potentials(comp: _Component, distinct: np.ndarray, keep: bool, method: str, log: Log,
                progress: Progress) -> Tuple[np.ndarray, Optional[np.ndarray]]:
    """Solutions for 1 A into each distinct focal node, returning through the first one.

    Returns the m x m matrix of their potentials at the focal nodes and, when ``keep``,
    the full n x m solutions (column 0, the ground, is zero).
    """
    m = distinct.size
    rows = comp.local[distinct]
    at = np.zeros((m, m))
    full = np.zeros((comp.nodes.size, m)) if keep else None
    log("Factorising a component of {n} nodes for {m} focal nodes ({solves} solves).",
        n=comp.nodes.size, m=m, solves=m - 1)
    with watching(progress):  # a large factorisation gives way to a cancel
        system = grounded(comp.laplacian, int(rows[0]), method=method, log=log)
    for start in range(1, m, SOLVE_BATCH):
        cols = np.arange(start, min(start + SOLVE_BATCH, m))
        rhs = np.zeros((comp.nodes.size, cols.size))
        rhs[rows[cols], np.arange(cols.size)] = 1.0
        with watching(progress):  # an AMG-CG solve stops when the user cancels
            x = system.solve(rhs)
        at[:, cols] = x[rows]
        if full is not None:
            full[:, cols] = x
        progress.update(cols[-1] / (m - 1))
        check_cancelled(progress)
    return at, full


def network_pairwise(edges: Any, focal: Any, *, is_resistance: bool = True,
                     included: Optional[Included] = None,
                     maps: MapOptions = MapOptions(), method: str = "auto",
                     log: Log = _quiet, progress: Progress = NullProgress()) -> CircuitResult:
    """Effective resistances (ohm) between focal nodes of a graph, and the pairs' currents.

    Circuitscape's network pairwise mode. For every pair of focal nodes in one connected
    component, 1 A enters at the second node of the pair and leaves at the first.

    Parameters
    ----------
    edges : k x 3 array ``i j value`` as read from the graph file (ids as in the file).
    focal : focal node ids as in the focal node file, in file order (the matrix keeps this
        order; an id listed twice gets two rows, 0 ohm apart).
    is_resistance : edge values are resistances (ohm) rather than conductances (S).
    included : (ids, k x k bool) pairs to solve, from ``csini.parse_included_pairs``; focal
        ids missing from ``ids`` are dropped and pairs not chosen stay -1.
    maps : ``voltage_maps`` gives ``voltages_<i>_<j>`` tables; ``current_maps`` gives
        ``node_currents_<i>_<j>`` and ``branch_currents_<i>_<j>`` per pair and the
        cumulative ``node_currents_cum`` / ``branch_currents_cum`` (sums over all pairs;
        with ``cumulative_only`` only these). ``max_map`` has no effect on networks.
    method : linear solver, see :func:`espcore.circuits.solvers.factorize`.
    log : ``log(template, **fields)`` receives progress messages.
    progress : reports the fraction done and is checked for cancellation.

    Returns
    -------
    CircuitResult whose ``resistances`` is Circuitscape's matrix (header row ``0 ids``,
    header column ids, 0 on the diagonal and between copies of one id, -1 where the pair is
    not connected, a focal id is not in the graph or the pair is excluded) and whose
    ``tables`` hold the requested tables: voltages (V, 0 at the pair's first node) and node
    currents (A) for the nodes of the pair's component, branch currents for its branches
    carrying more than 1e-6 A; cumulative node currents for every node of the graph and
    cumulative branch currents for every branch above 1e-6 A.

    Raises
    ------
    EspInputError
        Invalid edges or ids, or fewer than two distinct focal nodes.

    Notes
    -----
    Strategy: per component, the first focal node is grounded, the Laplacian factorised
    once and one right-hand side solved per other focal node (k - 1 solves). The potentials
    of pair (p, q) are the difference of q's and p's solutions, so
    ``R_pq = x_p[p] + x_q[q] - x_p[q] - x_q[p]`` and no pair needs its own solve.
    """
    net = graph_network(edges, is_resistance=is_resistance)
    ids = _node_ids(focal, "focal node list")
    if included is not None:
        wanted = np.isin(ids, _node_ids(included[0], "included pairs"))
        if not np.all(wanted):
            log("{count} focal nodes are not in the included pairs and are dropped.",
                count=int(np.count_nonzero(~wanted)))
        ids = ids[wanted]
    if np.unique(ids).size < 2:
        raise EspInputError("Network pairwise mode needs at least two different focal nodes; "
                            "{count} found.", count=int(np.unique(ids).size))
    missing = ids >= net.n_nodes
    if np.any(missing):
        log("Focal nodes not in the graph (resistance -1): {ids}.",
            ids=", ".join(str(i) for i in ids[missing]))
    solve_pair = _pair_filter(included)
    k = ids.size
    r = -np.ones((k, k))
    np.fill_diagonal(r, 0.0)
    result = CircuitResult()
    pair_volts = maps.voltage_maps
    pair_currents = maps.current_maps and not maps.cumulative_only
    cumulative = maps.current_maps or maps.cumulative_only
    per_pair = pair_volts or pair_currents or cumulative
    cum_nodes = np.zeros(net.n_nodes) if cumulative else None
    cum_branches = np.zeros(len(net.a)) if cumulative else None

    count, labels = net.components()
    log("Graph: {n} nodes, {e} edges, {c} connected components, {k} focal nodes.",
        n=net.n_nodes, e=len(net.a), c=count, k=k)
    laplacian = net.laplacian().tocsr()
    order = _lexicographic(net)
    node_of = np.where(missing, -1, ids)
    focal_labels = np.where(missing, -1, labels[np.minimum(ids, net.n_nodes - 1)])
    used = [int(c) for c in np.unique(focal_labels[focal_labels >= 0])]
    for step, label in enumerate(used):
        sub = SubProgress(progress, step / len(used), (step + 1) / len(used))
        positions = np.flatnonzero(focal_labels == label)
        distinct = _first_appearance(node_of[positions])
        by_node: Dict[int, List[int]] = {int(n): [] for n in distinct}
        for pos in positions:
            by_node[int(node_of[pos])].append(int(pos))
        for group in by_node.values():  # ids on one node: 0 ohm (Circuitscape's smash)
            for i in group:
                for j in group:
                    r[i, j] = 0.0
        if distinct.size < 2:
            continue
        comp = _Component(net, labels, label, order, laplacian)
        at, full = _potentials(comp, distinct, per_pair, method, log,
                               SubProgress(sub, 0.0, 0.5 if per_pair else 1.0))
        diag = np.diag(at)
        r_nodes = diag[:, None] + diag[None, :] - at - at.T
        pairs = []
        for p in range(distinct.size):
            for q in range(p + 1, distinct.size):
                for i in by_node[int(distinct[p])]:
                    for j in by_node[int(distinct[q])]:
                        if solve_pair(int(ids[i]), int(ids[j])):
                            r[i, j] = r[j, i] = r_nodes[p, q]
                            pairs.append((i, j, p, q))
        if full is None or not pairs:
            continue
        _pair_tables(comp, full, pairs, ids, result, pair_volts, pair_currents,
                     cum_nodes, cum_branches, SubProgress(sub, 0.5, 1.0))
    if cum_nodes is not None and cum_branches is not None:
        result.tables["node_currents_cum"] = _node_table(np.arange(net.n_nodes), cum_nodes)
        result.tables["branch_currents_cum"] = _branch_table(net.a[order], net.b[order],
                                                             cum_branches[order])
    result.resistances = resistance_table(ids, r)
    progress.update(1.0)
    return result


def _pair_tables(comp: _Component, full: np.ndarray, pairs: List[Tuple[int, int, int, int]],
                 ids: np.ndarray, result: CircuitResult, pair_volts: bool,
                 pair_currents: bool, cum_nodes: Optional[np.ndarray],
                 cum_branches: Optional[np.ndarray], progress: Progress) -> None:
    """Per-pair tables and cumulative currents of one component, pairs in blocks."""
    currents = pair_currents or cum_nodes is not None
    incidence = _Incidence(comp.nodes.size, comp.la, comp.lb) if currents else None
    block = max(1, min(256, CURRENT_BLOCK // max(comp.a.size, 1)))
    for start in range(0, len(pairs), block):
        chunk = pairs[start:start + block]
        p_cols = np.array([p for _, _, p, _ in chunk])
        q_cols = np.array([q for _, _, _, q in chunk])
        v = full[:, q_cols] - full[:, p_cols]
        p_rows = np.array([comp.local[ids[i]] for i, _, _, _ in chunk])
        v -= v[p_rows, np.arange(len(chunk))]
        node_cur = branch_cur = None
        if incidence is not None:
            node_cur, branch_cur = _pair_currents(comp.la, comp.lb, comp.w, incidence, v)
            if cum_nodes is not None and cum_branches is not None:
                cum_nodes[comp.nodes] += node_cur.sum(axis=1)
                cum_branches[comp.edges] += branch_cur.sum(axis=1)
        for t, (i, j, _, _) in enumerate(chunk):
            name = "{0}_{1}".format(int(ids[i]), int(ids[j]))
            if pair_volts:
                result.tables["voltages_" + name] = _node_table(comp.nodes, v[:, t])
            if pair_currents and node_cur is not None and branch_cur is not None:
                result.tables["node_currents_" + name] = _node_table(comp.nodes,
                                                                     node_cur[:, t])
                result.tables["branch_currents_" + name] = _branch_table(comp.a, comp.b,
                                                                         branch_cur[:, t])
        progress.update(min(start + block, len(pairs)) / len(pairs))
        check_cancelled(progress)


# ---------------------------------------------------------------- advanced --------------

def _per_node(table: np.ndarray, n: int, what: str) -> np.ndarray:
    """Node values of an ``id value`` table; a repeated id keeps its last value (as
    Circuitscape's assignment does)."""
    values = np.zeros(n)
    if table.shape[0] == 0:
        return values
    nodes = _node_ids(table[:, 0], what)
    outside = nodes >= n
    if np.any(outside):
        raise EspInputError(
            "The {what} names node {node}, but the graph's largest node id is {top}. Use "
            "the node ids of the graph file.", what=what, node=int(nodes[outside][0]),
            top=n - 1)
    if np.any(np.isnan(table[:, 1])):
        raise EspInputError("The {what} has a missing (NaN) value.", what=what)
    values[nodes] = table[:, 1]  # numpy assigns repeated indices in order: last one wins
    return values


def _ground_conductances(table: np.ndarray, *, is_resistance: bool) -> np.ndarray:
    """Ground values as conductances (S): resistance 0 -> inf (direct ground)."""
    table = table.copy()
    values = table[:, 1]
    if np.any(values < 0):
        raise EspInputError("The ground list has negative values. Give resistances (or "
                            "conductances) to ground of 0 or more.")
    if is_resistance:
        with np.errstate(divide="ignore"):
            table[:, 1] = 1.0 / values
    return table


def network_advanced(edges: Any, sources: Any, grounds: Any, *, is_resistance: bool = True,
                     ground_is_resistance: bool = True, policy: str = "keepall",
                     unit_currents: bool = False, direct_grounds: bool = False,
                     maps: MapOptions = MapOptions(), method: str = "auto",
                     log: Log = _quiet, progress: Progress = NullProgress()) -> CircuitResult:
    """Potentials (V) and currents (A) of a graph with current sources and grounds.

    Circuitscape's network advanced mode: every connected component with a nonzero source
    sum and a nonzero ground sum is solved; nodes of other components stay at 0 V.

    Parameters
    ----------
    edges : k x 3 array ``i j value`` as read from the graph file (ids as in the file).
    sources : ``node amperes`` rows (2 columns). A node listed twice keeps its last value.
    grounds : ``node value`` rows: resistance to ground (ohm; 0 = direct ground) or, with
        ``ground_is_resistance=False``, conductance to ground (S; ``inf`` = direct).
    is_resistance : edge values are resistances (ohm) rather than conductances (S).
    ground_is_resistance : ground values are resistances.
    policy : node with both a source and a ground: ``keepall``, ``rmvsrc``, ``rmvgnd`` or
        ``rmvall`` (see :func:`espcore.circuits.circuit.resolve_conflicts`).
    unit_currents : every nonzero source injects 1 A.
    direct_grounds : every nonzero ground is a direct (0 ohm) ground.
    maps : ``voltage_maps`` gives the ``voltages`` table; ``current_maps`` or
        ``cumulative_only`` give ``node_currents`` and ``branch_currents``.
    method, log, progress : as in :func:`network_pairwise`.

    Returns
    -------
    CircuitResult with ``tables``: ``voltages`` and ``node_currents`` rows for every node of
    the graph (id as in the file), ``branch_currents`` for every branch carrying more than
    1e-6 A; current to or from a finite ground counts in its node's current.

    Raises
    ------
    EspInputError
        Invalid edges, ids outside the graph, negative grounds, or no component with both
        a source and a ground.
    """
    net = graph_network(edges, is_resistance=is_resistance)
    n = net.n_nodes
    source = _per_node(_table(sources, 2, "source list"), n, "source list")
    ground = _per_node(_ground_conductances(_table(grounds, 2, "ground list"),
                                            is_resistance=ground_is_resistance),
                       n, "ground list")
    if unit_currents:
        source = np.where(source != 0, 1.0, 0.0)
    if direct_grounds:
        ground = np.where(ground != 0, np.inf, 0.0)
    if not np.any(source != 0):
        raise EspInputError("The source list has no nonzero current source.")
    if not np.any(ground != 0):
        raise EspInputError("The ground list has no ground (every value means 'no ground').")
    _, labels = net.components()
    progress.update(0.05)
    with watching(progress):  # an AMG-CG solve stops when the user cancels
        solution = solve_sources_grounds(net, source, ground, policy=policy,
                                         laplacian=net.laplacian(), components=labels,
                                         method=method, log=log)
    check_cancelled(progress)
    if not solution.solved:
        raise EspInputError(
            "No connected part of the graph has both a current source and a ground, so no "
            "current flows. Check the node ids of the source and ground lists and the "
            "source/ground conflict policy.")
    v = solution.voltages
    result = CircuitResult()
    if maps.voltage_maps:
        result.tables["voltages"] = _node_table(np.arange(n), v)
    if maps.current_maps or maps.cumulative_only:
        result.tables["node_currents"] = _node_table(
            np.arange(n), node_currents(net, v, solution.finite_grounds))
        order = _lexicographic(net)
        branch = np.abs(_thresholded(net.w * (v[net.a] - v[net.b])))
        result.tables["branch_currents"] = _branch_table(net.a[order], net.b[order],
                                                         branch[order])
    progress.update(1.0)
    return result
