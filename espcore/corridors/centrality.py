"""Current-flow centrality of sources and links on the source graph (Linkage Mapper's
Centrality Mapper; Carroll, McRae & Brookes 2012, Conservation Biology 26:78-87).

The source graph has one node per source and one resistor per link, its resistance being the
link's cost-weighted distance. For every pair of nodes in the same connected component, 1 A
is injected at one and the other is grounded; the currents through each link and each node
are summed over all pairs. This is what Linkage Mapper obtains from Circuitscape's network
mode run pairwise with every core as a focal node (cumulative branch and node currents).

Definitions, for a pair (s, t) and the current ``I_e`` of link e:

- link current: ``|I_e|``; ``link_cf[e] = sum over pairs s < t of |I_e(s, t)|``.
- node current: what passes through the node, Circuitscape's ``max(inflow, outflow)``, which
  is ``(sum of |I_e| over the links at the node) / 2`` for a node that is neither s nor t and
  1 A at s and at t. Summed over pairs this gives, exactly,
  ``node_cf[v] = (sum of link_cf over the links at v + (m - 1)) / 2``
  with ``m`` the size of v's component: every node is an end point of ``m - 1`` pairs.

Relation to networkx (graph with ``weight = 1 / resistance``, one connected component of m
nodes, no parallel links; networkx 2.8 and 3.x agree):
``edge_current_flow_betweenness_centrality(normalized=False)`` divides its sum over pairs
by 2, so it equals ``link_cf / 2``; ``current_flow_betweenness_centrality(normalized=False)``
counts only the pairs of which v is not an end point, so it equals ``node_cf - (m - 1)``.
On a path a - b - c of unit resistors: ``link_cf = [2, 2]``, ``node_cf = [2, 3, 2]``;
networkx gives 1 per edge and 0, 1, 0 per node. tests/core/test_centrality.py checks both.

Pairs in different components carry no current (Circuitscape skips them); isolated nodes get
0. Parallel links between the same two nodes share the current in inverse proportion to
their resistance and each gets its own share; self-loops carry none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Tuple

import numpy as np
import numpy.typing as npt

from ..errors import EspInputError
from ..progress import NullProgress, Progress, check_cancelled

#: Link x node values held at once (16 MB of float64).
_BLOCK = 2_000_000


def _link_ends(values: Any, n_nodes: int, what: str) -> np.ndarray:
    ids = np.asarray(values, dtype=np.float64).ravel()
    bad = ~np.isfinite(ids) | (ids < 0) | (ids >= n_nodes) | (ids != np.round(ids))
    if np.any(bad):
        raise EspInputError("The link {what} '{value}' is not a node number: nodes are numbered "
                            "0 to {last}.", what=what, value=ids[bad][0], last=n_nodes - 1)
    return ids.astype(np.int64)


def current_flow_centrality(n_nodes: int, i: Any, j: Any, resistance: Any, *,
                            progress: Progress = NullProgress(),
                            ) -> Tuple[np.ndarray, np.ndarray]:
    """Current-flow centrality of every node and link, summed over all node pairs.

    Parameters
    ----------
    n_nodes : number of nodes (sources), numbered 0 .. n_nodes - 1. Nodes that no link
        touches are isolated.
    i, j : the two end nodes of every link (same length k).
    resistance : resistance of every link (ohm; Linkage Mapper uses the link's cost-weighted
        distance), finite and positive.
    progress : receives the fraction done; cancellation is checked between blocks.

    Returns
    -------
    node_cf : float64 array (n_nodes,), A: current through each node summed over every pair
        of nodes of its component, end points counted 1 A (see the module notes).
    link_cf : float64 array (k,), A: current through each link summed over every pair of
        nodes of its component.

    Raises
    ------
    EspInputError
        A negative ``n_nodes``, link ends that are not node numbers, arrays of different
        lengths, or a resistance that is not finite and positive.
    Cancelled
        The user cancelled.

    Notes
    -----
    Strategy. In a component of m nodes grounded at one node, with G the inverse of the
    reduced Laplacian (zero on the ground), link e = (a, b) of conductance w carries
    ``x_e[s] - x_e[t]`` for the pair (s, t), where ``x_e = w G (e_a - e_b)`` (G is
    symmetric). So one sparse solve per link gives its currents for all pairs, and
    ``sum over s < t of |x[s] - x[t]|`` is ``sum_r (2 r - m + 1) x_(r)`` over the sorted
    values: no loop over pairs. Time: one factorisation per component plus one solve and one
    sort of m values per link; memory about 16 MB of solutions at a time.
    """
    if isinstance(n_nodes, (bool, np.bool_)) or not isinstance(n_nodes, (int, np.integer)) \
            or n_nodes < 0:
        raise EspInputError("The number of nodes must be a whole number from 0 up, not "
                            "{n}.", n=n_nodes)
    n = int(n_nodes)
    r = np.asarray(resistance, dtype=np.float64).ravel()
    a = _link_ends(i, n, "start")
    b = _link_ends(j, n, "end")
    if not (a.size == b.size == r.size):
        raise EspInputError("Every link needs a start node, an end node and a resistance: got "
                            "{na} starts, {nb} ends and {nr} resistances.", na=a.size,
                            nb=b.size, nr=r.size)
    bad = ~np.isfinite(r) | (r <= 0)
    if np.any(bad):
        raise EspInputError("Link {link} has the resistance {value}; link resistances "
                            "(cost-weighted distances) must be finite and positive.",
                            link=int(np.flatnonzero(bad)[0]), value=r[bad][0])
    node_cf = np.zeros(n)
    link_cf = np.zeros(r.size)
    if n == 0:
        progress.update(1.0)
        return node_cf, link_cf

    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components
    from scipy.sparse.linalg import splu

    w = 1.0 / r
    real = np.flatnonzero(a != b)  # self-loops carry no current
    adjacency = coo_matrix((w[real], (a[real], b[real])), shape=(n, n)).tocsr()
    n_comp, labels = connected_components(adjacency, directed=False)
    sizes = np.bincount(labels, minlength=n_comp)
    link_comp = labels[a[real]]
    total_work = float(max(real.size, 1))
    done = 0
    for comp in np.flatnonzero(sizes > 1):
        check_cancelled(progress)
        nodes = np.flatnonzero(labels == comp)
        m = nodes.size
        local: npt.NDArray[np.int64] = np.full(n, -1, dtype=np.int64)
        local[nodes] = np.arange(m)
        links = real[link_comp == comp]
        la, lb, lw = local[a[links]], local[b[links]], w[links]
        # Laplacian grounded at local node 0: drop its row and column.
        rows = np.concatenate([la, lb, la, lb])
        cols = np.concatenate([lb, la, la, lb])
        vals = np.concatenate([-lw, -lw, lw, lw])
        laplacian = coo_matrix((vals, (rows, cols)), shape=(m, m)).tocsc()
        factor = splu(laplacian[1:, 1:].tocsc())
        # Weight of the r-th smallest value in sum over pairs of |x[s] - x[t]|.
        coefficient = 2.0 * np.arange(m) - (m - 1)
        step = max(1, _BLOCK // m)
        for start in range(0, links.size, step):
            check_cancelled(progress)
            block = slice(start, start + step)
            count = links[block].size
            rhs = np.zeros((m, count))
            columns = np.arange(count)
            rhs[la[block], columns] += 1.0
            rhs[lb[block], columns] -= 1.0
            x = np.zeros((m, count))
            x[1:] = factor.solve(np.ascontiguousarray(rhs[1:]))
            x *= lw[block]
            x.sort(axis=0)
            link_cf[links[block]] = np.maximum(coefficient @ x, 0.0)
            done += count
            progress.update(done / total_work)
        ends = np.bincount(a[links], link_cf[links], n) + np.bincount(b[links], link_cf[links], n)
        node_cf[nodes] = (ends[nodes] + (m - 1)) / 2.0
    progress.update(1.0)
    return node_cf, link_cf


@dataclass(frozen=True)
class SourceCentrality:
    """Current-flow centrality on a graph whose nodes are source ids: ``ids`` ascending,
    ``node`` the centrality of each (A, in the order of ``ids``), ``link`` that of each link
    (A, in the order given)."""

    ids: np.ndarray
    node: np.ndarray
    link: np.ndarray


def source_centrality(from_ids: Any, to_ids: Any, resistance: Any, *,
                      others: Iterable[int] = (),
                      progress: Progress = NullProgress()) -> SourceCentrality:
    """:func:`current_flow_centrality` of links given by the ids of their sources.

    Parameters
    ----------
    from_ids, to_ids : whole-number source ids of the two ends of every link.
    resistance : resistance of every link (its cost-weighted distance), finite and positive.
    others : ids of further sources, nodes even when no link touches them (centrality 0).
    progress : as :func:`current_flow_centrality`.

    Returns
    -------
    :class:`SourceCentrality`; the nodes are the distinct ids of the link ends and of
    ``others``, numbered in ascending order of id.

    Raises
    ------
    EspInputError, Cancelled
        As :func:`current_flow_centrality`.
    """
    a = np.asarray(from_ids, dtype=np.int64).ravel()
    b = np.asarray(to_ids, dtype=np.int64).ravel()
    ids = np.unique(np.concatenate([a, b, np.asarray(list(others), dtype=np.int64)]))
    node_cf, link_cf = current_flow_centrality(ids.size, np.searchsorted(ids, a),
                                               np.searchsorted(ids, b), resistance,
                                               progress=progress)
    return SourceCentrality(ids, node_cf, link_cf)
