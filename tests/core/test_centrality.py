"""Current-flow centrality: hand examples, networkx's current-flow betweenness (with the
exact relation documented in espcore.corridors.centrality), a pair-by-pair brute force with the
Laplacian pseudo-inverse, several components, isolated nodes, errors and cancellation."""

import itertools

import networkx as nx
import numpy as np
import pytest
from nx_reference import portable_flow_rows
from progress_helpers import CancelAfter

from espcore import Cancelled, EspInputError
from espcore.corridors import centrality as centrality_module
from espcore.corridors.centrality import current_flow_centrality


def brute_force(n, i, j, r):
    """Sum over all connected pairs of Circuitscape's branch and node currents, one solve
    per pair with the pseudo-inverse of the Laplacian (node current = max(in, out))."""
    i, j, w = np.asarray(i), np.asarray(j), 1.0 / np.asarray(r, dtype=float)
    lap = np.zeros((n, n))
    for a, b, g in zip(i, j, w):
        if a != b:
            lap[a, a] += g
            lap[b, b] += g
            lap[a, b] -= g
            lap[b, a] -= g
    pinv = np.linalg.pinv(lap)
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from((a, b) for a, b in zip(i, j) if a != b)
    component = {v: k for k, c in enumerate(nx.connected_components(graph)) for v in c}
    node_cf, link_cf = np.zeros(n), np.zeros(len(w))
    for s, t in itertools.combinations(range(n), 2):
        if component[s] != component[t]:
            continue
        rhs = np.zeros(n)
        rhs[s], rhs[t] = 1.0, -1.0
        v = pinv @ rhs
        flow = w * (v[i] - v[j])  # from i to j
        link_cf += np.abs(flow)
        inflow, outflow = np.zeros(n), np.zeros(n)
        for a, b, f in zip(i, j, flow):
            if f > 0:
                outflow[a] += f
                inflow[b] += f
            else:
                outflow[b] -= f
                inflow[a] -= f
        node_cf += np.maximum(inflow, outflow)
    return node_cf, link_cf


def networkx_reference(n, i, j, r):
    """networkx's unnormalised values mapped to ours, component by component:
    node: nx + (m - 1) (nx leaves out the pairs the node ends); link: 2 x nx."""
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    for a, b, rr in zip(i, j, r):
        graph.add_edge(int(a), int(b), weight=1.0 / rr)
    node_cf, link_cf = np.zeros(n), np.zeros(len(r))
    for nodes in nx.connected_components(graph):
        if len(nodes) < 2:
            continue
        sub = graph.subgraph(nodes)
        # Explicit solver and dtype: the reference must not move with networkx's defaults.
        with portable_flow_rows():
            nodal = nx.current_flow_betweenness_centrality(
                sub, normalized=False, weight="weight", dtype=float, solver="full")
            edge = nx.edge_current_flow_betweenness_centrality(
                sub, normalized=False, weight="weight", dtype=float, solver="full")
        for v in nodes:
            node_cf[v] = nodal[v] + (len(nodes) - 1)
        for k, (a, b) in enumerate(zip(i, j)):
            if a in nodes:
                link_cf[k] = 2.0 * edge.get((a, b), edge.get((b, a)))
    return node_cf, link_cf


def random_graph(seed, n, m):
    rng = np.random.default_rng(seed)
    graph = nx.gnm_random_graph(n, m, seed=seed)
    while not nx.is_connected(graph):
        seed += 1000
        graph = nx.gnm_random_graph(n, m, seed=seed)
    i, j = np.array(graph.edges()).T
    return i, j, rng.uniform(100.0, 5000.0, i.size)


def test_path_of_three_by_hand():
    # Pairs (0,1), (1,2), (0,2): each carries 1 A along the path. Link 0-1 carries the
    # pairs (0,1) and (0,2): 2 A; likewise 1-2. Node 1 ends two pairs (1 A each) and passes
    # the third: 3 A; nodes 0 and 2 end two pairs: 2 A. Resistances do not matter on a tree.
    node_cf, link_cf = current_flow_centrality(3, [0, 1], [1, 2], [5.0, 700.0])
    np.testing.assert_allclose(link_cf, [2.0, 2.0], rtol=1e-12)
    np.testing.assert_allclose(node_cf, [2.0, 3.0, 2.0], rtol=1e-12)


def test_parallel_links_share_in_inverse_proportion_to_resistance():
    # One pair; 1 A splits 3:1 between resistances 1 and 3.
    node_cf, link_cf = current_flow_centrality(2, [0, 1], [1, 0], [1.0, 3.0])
    np.testing.assert_allclose(link_cf, [0.75, 0.25], rtol=1e-12)
    np.testing.assert_allclose(node_cf, [1.0, 1.0], rtol=1e-12)


def test_triangle_by_hand():
    # Unit triangle: pair (s, t) sends 2/3 A along the direct link and 1/3 A around.
    # Each link: 2/3 (its own pair) + 1/3 + 1/3 = 4/3. Each node: 2 ended pairs + 1/3
    # passing through for the opposite pair = 7/3.
    node_cf, link_cf = current_flow_centrality(3, [0, 1, 2], [1, 2, 0], [1.0, 1.0, 1.0])
    np.testing.assert_allclose(link_cf, [4 / 3] * 3, rtol=1e-12)
    np.testing.assert_allclose(node_cf, [7 / 3] * 3, rtol=1e-12)


@pytest.mark.parametrize("seed,n,m", [(0, 6, 8), (1, 8, 14), (2, 12, 20), (3, 15, 40)])
def test_matches_networkx(seed, n, m):
    i, j, r = random_graph(seed, n, m)
    node_cf, link_cf = current_flow_centrality(n, i, j, r)
    ref_node, ref_link = networkx_reference(n, i, j, r)
    np.testing.assert_allclose(node_cf, ref_node, rtol=1e-9)
    np.testing.assert_allclose(link_cf, ref_link, rtol=1e-9)


def test_components_and_isolated_nodes():
    # Nodes 0-3 a square with a diagonal, 4-6 a path, 7 isolated, 8 only a self-loop.
    i = [0, 1, 2, 3, 0, 4, 5, 8]
    j = [1, 2, 3, 0, 2, 5, 6, 8]
    r = [1.0, 2.0, 3.0, 4.0, 2.5, 10.0, 1.0, 3.0]
    node_cf, link_cf = current_flow_centrality(9, i, j, r)
    ref_node, ref_link = networkx_reference(9, i[:7], j[:7], r[:7])
    np.testing.assert_allclose(node_cf, ref_node, rtol=1e-9)
    np.testing.assert_allclose(link_cf[:7], ref_link, rtol=1e-9)
    assert node_cf[7] == 0.0 and node_cf[8] == 0.0 and link_cf[7] == 0.0
    # The path 4-5-6 by hand, as in the three-node example.
    np.testing.assert_allclose(node_cf[4:7], [2.0, 3.0, 2.0], rtol=1e-12)


def test_matches_pairwise_brute_force_with_parallel_links_and_loops():
    rng = np.random.default_rng(11)
    i = np.array([0, 1, 2, 3, 4, 0, 1, 1, 5, 6, 3])
    j = np.array([1, 2, 3, 4, 0, 2, 0, 1, 6, 7, 1])
    r = rng.uniform(0.5, 20.0, i.size)
    node_cf, link_cf = current_flow_centrality(9, i, j, r)
    ref_node, ref_link = brute_force(9, i, j, r)
    np.testing.assert_allclose(node_cf, ref_node, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(link_cf, ref_link, rtol=1e-9, atol=1e-12)


def test_small_blocks_give_the_same_answer(monkeypatch):
    i, j, r = random_graph(5, 10, 18)
    expected = current_flow_centrality(10, i, j, r)
    monkeypatch.setattr(centrality_module, "_BLOCK", 7)
    got = current_flow_centrality(10, i, j, r)
    np.testing.assert_allclose(got[0], expected[0], rtol=1e-12)
    np.testing.assert_allclose(got[1], expected[1], rtol=1e-12)


def test_no_links_and_no_nodes():
    node_cf, link_cf = current_flow_centrality(3, [], [], [])
    np.testing.assert_array_equal(node_cf, [0.0, 0.0, 0.0])
    assert link_cf.shape == (0,)
    node_cf, link_cf = current_flow_centrality(0, [], [], [])
    assert node_cf.shape == (0,) and link_cf.shape == (0,)


def test_inputs_not_modified():
    i, j, r = random_graph(4, 7, 10)
    copies = (i.copy(), j.copy(), r.copy())
    current_flow_centrality(7, i, j, r)
    for before, after in zip(copies, (i, j, r)):
        np.testing.assert_array_equal(before, after)


def test_errors():
    with pytest.raises(EspInputError, match="number of nodes"):
        current_flow_centrality(-1, [], [], [])
    with pytest.raises(EspInputError, match="not a node number"):
        current_flow_centrality(3, [0, 3], [1, 2], [1.0, 1.0])
    with pytest.raises(EspInputError, match="not a node number"):
        current_flow_centrality(3, [0, 1], [1, 1.5], [1.0, 1.0])
    with pytest.raises(EspInputError, match="not a node number"):
        current_flow_centrality(3, [0, -1], [1, 2], [1.0, 1.0])
    with pytest.raises(EspInputError, match="starts"):
        current_flow_centrality(3, [0, 1], [1, 2], [1.0])
    for bad in (0.0, -2.0, np.nan, np.inf):
        with pytest.raises(EspInputError, match="finite and positive"):
            current_flow_centrality(3, [0, 1], [1, 2], [1.0, bad])


def test_progress_and_cancellation():
    i, j, r = random_graph(6, 10, 20)
    progress = CancelAfter(10_000)
    current_flow_centrality(10, i, j, r, progress=progress)
    assert progress.fractions[-1] == 1.0
    assert progress.fractions == sorted(progress.fractions)
    with pytest.raises(Cancelled):
        current_flow_centrality(10, i, j, r, progress=CancelAfter(0))
