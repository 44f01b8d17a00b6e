"""Network (graph) mode against Circuitscape's verification cases and analytic answers."""

import glob
import os

import numpy as np
import pytest
from cs_cases import assert_resistances, case_path, expected, read_case_ini, read_table, read_text

from espcore.circuits.circuit import MapOptions
from espcore.circuits.csini import is_true, numeric_table
from espcore.circuits.network import graph_network, network_advanced, network_pairwise
from espcore.circuits.solvers import available
from espcore.errors import Cancelled, EspInputError

ALL_MAPS = MapOptions(current_maps=True, voltage_maps=True)
METHODS = [m for m in ("superlu", "cholmod", "amg") if available(m)]


def _case_table(case, ini, key, columns):
    return numeric_table(read_text(case_path(case, ini[key])), columns=columns, what=key)


def run_pairwise(case, **kwargs):
    ini = read_case_ini(case)
    maps = MapOptions(current_maps=is_true(ini["write_cur_maps"]),
                      cumulative_only=is_true(ini["write_cum_cur_map_only"]),
                      max_map=is_true(ini["write_max_cur_maps"]),
                      voltage_maps=is_true(ini["write_volt_maps"]))
    return network_pairwise(_case_table(case, ini, "habitat_file", 3),
                            _case_table(case, ini, "point_file", 1)[:, 0],
                            is_resistance=is_true(ini["habitat_map_is_resistances"]),
                            maps=maps, **kwargs)


def run_advanced(case, **kwargs):
    ini = read_case_ini(case)
    maps = MapOptions(current_maps=is_true(ini["write_cur_maps"]),
                      cumulative_only=is_true(ini["write_cum_cur_map_only"]),
                      voltage_maps=is_true(ini["write_volt_maps"]))
    return network_advanced(_case_table(case, ini, "habitat_file", 3),
                            _case_table(case, ini, "source_file", 2),
                            _case_table(case, ini, "ground_file", 2),
                            is_resistance=is_true(ini["habitat_map_is_resistances"]),
                            ground_is_resistance=is_true(ini["ground_file_is_resistances"]),
                            policy=ini["remove_src_or_gnd"],
                            unit_currents=is_true(ini["use_unit_currents"]),
                            direct_grounds=is_true(ini["use_direct_grounds"]),
                            maps=maps, **kwargs)


def expected_tables(case, resistances=None):
    """Expected text tables by key (``voltages_0_1`` ...). With a resistance matrix, the
    legacy files of pairs whose ids are not focal nodes of the case are left out."""
    ids = None if resistances is None else {int(v) for v in resistances[0, 1:]}
    out = {}
    for path in glob.glob(case_path(case, "expected", "*.txt")):
        key = os.path.basename(path)[len(case) + 1:-len(".txt")]
        pair = [p for p in key.split("_") if p.isdigit()]
        if ids is not None and pair and not {int(p) for p in pair} <= ids:
            continue
        out[key] = read_table(path)
    return out


def assert_table(actual, wanted, key, atol=1e-5, rtol=1e-6):
    """Same rows (ids, in the same order) and values within atol or rtol."""
    assert actual.shape == wanted.shape, key
    np.testing.assert_array_equal(actual[:, :-1], wanted[:, :-1], err_msg=key)
    np.testing.assert_allclose(actual[:, -1], wanted[:, -1], rtol=rtol, atol=atol, err_msg=key)


# ---------------------------------------------------------------- verification cases ----

@pytest.mark.parametrize("case", ["sgNetworkVerify1", "sgNetworkVerify2"])
def test_pairwise_case(case):
    result = run_pairwise(case)
    table = read_table(expected(case, "resistances.out"))
    assert_resistances(result.resistances, table)
    wanted = expected_tables(case, table)
    assert set(result.tables) == set(wanted)
    for key, values in wanted.items():
        assert_table(result.tables[key], values, key)


def test_pairwise_case_three_columns():
    from espcore.circuits.circuit import three_columns

    result = run_pairwise("sgNetworkVerify2")
    np.testing.assert_allclose(three_columns(result.resistances),
                               read_table(expected("sgNetworkVerify2",
                                                   "resistances_3columns.out")),
                               rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("method", METHODS)
def test_pairwise_case_every_solver(method):
    result = run_pairwise("sgNetworkVerify1", method=method)
    assert_resistances(result.resistances,
                       read_table(expected("sgNetworkVerify1", "resistances.out")))


@pytest.mark.parametrize("case", ["mgNetworkVerify1", "mgNetworkVerify3"])
def test_advanced_case(case):
    result = run_advanced(case)
    wanted = expected_tables(case)
    assert set(result.tables) == set(wanted)
    for key, values in wanted.items():
        assert_table(result.tables[key], values, key)


def test_advanced_isolated_component_is_zero():
    """mgNetworkVerify3 has an edge 5-6 with neither source nor ground: 0 V, 0 A, and its
    branch is not listed."""
    result = run_advanced("mgNetworkVerify3")
    assert result.tables["voltages"][5:, 1].tolist() == [0.0, 0.0]
    assert result.tables["node_currents"][5:, 1].tolist() == [0.0, 0.0]
    assert 5 not in result.tables["branch_currents"][:, 0]


# ---------------------------------------------------------------- analytic answers -------

def path_edges(n, resistance=1.0):
    return np.array([[i, i + 1, resistance] for i in range(n - 1)], dtype=float)


@pytest.mark.parametrize("n", [2, 5, 40])
def test_path_of_unit_resistors(n):
    result = network_pairwise(path_edges(n), [0, n - 1])
    assert result.resistances[1, 2] == pytest.approx(n - 1, rel=1e-12)
    assert result.resistances[2, 1] == pytest.approx(n - 1, rel=1e-12)


def test_path_all_pairs_and_tables():
    n = 6
    result = network_pairwise(path_edges(n), list(range(n)), maps=ALL_MAPS)
    r = result.resistances[1:, 1:]
    i, j = np.indices((n, n))
    np.testing.assert_allclose(r, np.abs(i - j), atol=1e-12)
    v = result.tables["voltages_1_4"]
    np.testing.assert_allclose(v[:, 1], [0, 0, 1, 2, 3, 3], atol=1e-12)  # 0 V at node 1
    branches = result.tables["branch_currents_1_4"]
    np.testing.assert_array_equal(branches[:, :2], [[1, 2], [2, 3], [3, 4]])
    np.testing.assert_allclose(branches[:, 2], 1.0)
    nodes = result.tables["node_currents_1_4"]
    np.testing.assert_allclose(nodes[:, 1], [0, 1, 1, 1, 1, 0], atol=1e-12)
    # Every pair (i, j) puts 1 A through the branches between them.
    cum = result.tables["branch_currents_cum"]
    np.testing.assert_allclose(cum[:, 2], [(k + 1) * (n - 1 - k) for k in range(n - 1)])


def test_triangle_of_unit_resistors():
    edges = [[0, 1, 1.0], [1, 2, 1.0], [0, 2, 1.0]]
    result = network_pairwise(edges, [0, 1, 2])
    r = result.resistances[1:, 1:]
    np.testing.assert_allclose(r[~np.eye(3, dtype=bool)], 2.0 / 3.0, rtol=1e-12)
    assert np.all(np.diag(r) == 0)


def test_two_components_give_minus_one():
    edges = [[0, 1, 1.0], [1, 2, 1.0], [5, 6, 2.0]]
    result = network_pairwise(edges, [0, 2, 5, 6], maps=ALL_MAPS)
    r = result.resistances
    np.testing.assert_array_equal(r[0], [0, 0, 2, 5, 6])
    assert r[1, 2] == pytest.approx(2.0) and r[3, 4] == pytest.approx(2.0)
    assert np.all(r[1:3, 3:] == -1) and np.all(r[3:, 1:3] == -1)
    assert set(result.tables) == {"voltages_0_2", "node_currents_0_2", "branch_currents_0_2",
                                  "voltages_5_6", "node_currents_5_6", "branch_currents_5_6",
                                  "node_currents_cum", "branch_currents_cum"}
    # Tables of a pair cover its component only; the cumulative ones the whole graph.
    np.testing.assert_array_equal(result.tables["voltages_5_6"][:, 0], [5, 6])
    np.testing.assert_array_equal(result.tables["node_currents_cum"][:, 0], np.arange(7))


def test_focal_nodes_outside_graph_and_duplicates():
    edges = path_edges(4)
    result = network_pairwise(edges, [3, 0, 3, 9])  # file order kept; 9 is not in the graph
    r = result.resistances
    np.testing.assert_array_equal(r[0], [0, 3, 0, 3, 9])
    np.testing.assert_array_equal(r[:, 0], [0, 3, 0, 3, 9])
    assert r[1, 3] == 0.0  # two entries of one id
    assert r[1, 2] == pytest.approx(3.0) and r[3, 2] == pytest.approx(3.0)
    assert np.all(r[4, 1:4] == -1) and np.all(r[1:4, 4] == -1)


def test_pair_names_follow_focal_order():
    result = network_pairwise(path_edges(3), [2, 0], maps=MapOptions(voltage_maps=True))
    assert set(result.tables) == {"voltages_2_0"}
    v = result.tables["voltages_2_0"]  # 1 A leaves at 2, enters at 0: v(2) = 0, v(0) = R
    np.testing.assert_allclose(v[:, 1], [2.0, 1.0, 0.0], atol=1e-12)


def test_parallel_edges_and_conductances():
    edges = [[0, 1, 2.0], [1, 0, 2.0], [1, 2, 4.0], [2, 2, 7.0]]  # self-loop vanishes
    as_resistance = network_pairwise(edges, [0, 2])
    assert as_resistance.resistances[1, 2] == pytest.approx(1.0 + 4.0)
    as_conductance = network_pairwise(edges, [0, 2], is_resistance=False)
    assert as_conductance.resistances[1, 2] == pytest.approx(1 / 4 + 1 / 4)


def effective_resistances(edges, nodes):
    """Brute force: R_ij = L+_ii + L+_jj - 2 L+_ij from the pseudo-inverse."""
    net = graph_network(edges)
    lp = np.linalg.pinv(net.laplacian().toarray())
    d = np.diag(lp)[nodes]
    return d[:, None] + d[None, :] - 2 * lp[np.ix_(nodes, nodes)]


@pytest.mark.parametrize("method", METHODS)
def test_many_focal_nodes_match_pseudo_inverse(method):
    """More focal nodes than one solve batch, random resistances on a grid graph."""
    rng = np.random.default_rng(7)
    side = 12
    idx = np.arange(side * side).reshape(side, side)
    pairs = np.concatenate([np.column_stack([idx[:, :-1].ravel(), idx[:, 1:].ravel()]),
                            np.column_stack([idx[:-1].ravel(), idx[1:].ravel()])])
    edges = np.column_stack([pairs, rng.uniform(0.5, 20.0, len(pairs))])
    nodes = rng.permutation(side * side)[:70]
    result = network_pairwise(edges, nodes, method=method)
    r = result.resistances[1:, 1:]
    np.testing.assert_allclose(r, effective_resistances(edges, nodes), rtol=1e-6, atol=1e-9)
    np.testing.assert_allclose(r, r.T, rtol=1e-12)


def test_cumulative_only_matches_sum_of_pairs():
    rng = np.random.default_rng(3)
    edges = [[i, j, rng.uniform(1, 5)] for i in range(8) for j in range(i + 1, 8)
             if rng.random() < 0.5]
    edges += [[i, i + 1, 1.0] for i in range(7)]
    focal = [0, 3, 5, 7]
    full = network_pairwise(edges, focal, maps=MapOptions(current_maps=True))
    only = network_pairwise(edges, focal, maps=MapOptions(cumulative_only=True))
    assert set(only.tables) == {"node_currents_cum", "branch_currents_cum"}
    node_sum = sum(t[:, 1] for k, t in full.tables.items() if k.startswith("node_currents_")
                   and not k.endswith("cum"))
    np.testing.assert_allclose(only.tables["node_currents_cum"][:, 1], node_sum, rtol=1e-12)
    np.testing.assert_allclose(only.tables["branch_currents_cum"],
                               full.tables["branch_currents_cum"], rtol=1e-12)


def test_included_pairs():
    ids = np.array([0, 2, 3])
    chosen = np.array([[0, 1, 0], [1, 0, 1], [0, 1, 0]], dtype=bool)
    result = network_pairwise(path_edges(5), [0, 2, 3, 4], included=(ids, chosen),
                              maps=MapOptions(voltage_maps=True))
    r = result.resistances
    np.testing.assert_array_equal(r[0], [0, 0, 2, 3])  # 4 is not in the included ids
    assert r[1, 2] == pytest.approx(2.0) and r[2, 3] == pytest.approx(1.0)
    assert r[1, 3] == -1 and r[3, 1] == -1
    assert set(result.tables) == {"voltages_0_2", "voltages_2_3"}


def kcl_network():
    rng = np.random.default_rng(11)
    n = 30
    edges = [[i, (i + 1) % n, rng.uniform(1, 10)] for i in range(n)]
    edges += [[int(a), int(b), rng.uniform(1, 10)] for a, b in rng.integers(0, n, (40, 2))
              if a != b]
    return np.array(edges), n


def test_advanced_kirchhoff():
    edges, n = kcl_network()
    sources = [[0, 2.0], [7, 1.0]]
    grounds = [[15, 0.0], [22, 5.0]]  # a direct and a finite ground (resistances)
    result = network_advanced(edges, sources, grounds, maps=ALL_MAPS)
    v = dict(result.tables["voltages"])
    nodes = dict(result.tables["node_currents"])
    branch = result.tables["branch_currents"]
    incident = np.zeros(n)
    for a, b, current in branch:
        incident[int(a)] += current
        incident[int(b)] += current
    terminals = {0, 7, 15, 22}
    for node in range(n):
        if node not in terminals:
            assert nodes[node] == pytest.approx(incident[node] / 2, rel=1e-9, abs=1e-9)
    # Branch currents obey Ohm's law, with the lower id first and sorted.
    net = graph_network(edges)
    g = {(int(a), int(b)): w for a, b, w in zip(net.a, net.b, net.w)}
    for a, b, current in branch:
        assert current == pytest.approx(g[int(a), int(b)] * abs(v[a] - v[b]), rel=1e-12)
    assert [tuple(row) for row in branch[:, :2]] == sorted(tuple(row) for row in branch[:, :2])
    assert v[15] == 0.0
    # All injected current leaves through the two grounds.
    into_direct = sum(c for a, b, c in branch if 15 in (a, b))
    assert into_direct + v[22] / 5.0 == pytest.approx(3.0, rel=1e-9)


def test_advanced_options():
    edges = path_edges(3)
    # Unit currents and direct grounds: 1 A from node 0 to a direct ground at node 2.
    result = network_advanced(edges, [[0, 5.0]], [[2, 100.0]], unit_currents=True,
                              direct_grounds=True, maps=ALL_MAPS)
    np.testing.assert_allclose(result.tables["voltages"][:, 1], [2.0, 1.0, 0.0])
    # Ground conductance instead of resistance: 0.5 S to ground at node 2.
    result = network_advanced(edges, [[0, 1.0]], [[2, 0.5]], ground_is_resistance=False,
                              maps=ALL_MAPS)
    np.testing.assert_allclose(result.tables["voltages"][:, 1], [4.0, 3.0, 2.0])
    np.testing.assert_allclose(result.tables["node_currents"][:, 1], [1.0, 1.0, 1.0])
    # A repeated node keeps its last value (Circuitscape assigns, it does not add).
    result = network_advanced(edges, [[0, 3.0], [0, 1.0]], [[2, 0.0]],
                              maps=MapOptions(voltage_maps=True))
    assert result.tables["voltages"][0, 1] == pytest.approx(2.0)
    # Without map flags nothing is tabulated.
    assert network_advanced(edges, [[0, 1.0]], [[2, 0.0]]).tables == {}


def test_advanced_conflict_policy():
    edges = path_edges(3)
    sources = [[0, 1.0], [1, 1.0]]
    grounds = [[1, 1.0], [2, 0.0]]  # node 1 has a source and a 1-ohm ground
    keep = network_advanced(edges, sources, grounds, maps=ALL_MAPS)
    remove = network_advanced(edges, sources, grounds, policy="rmvsrc", maps=ALL_MAPS)
    v_keep, v_remove = keep.tables["voltages"][:, 1], remove.tables["voltages"][:, 1]
    # keepall: 2 A into node 1, shared by 1 ohm to ground and 1 ohm to node 2 (0 V).
    np.testing.assert_allclose(v_keep, [2.0, 1.0, 0.0])
    # rmvsrc: only node 0's 1 A, still split between both paths from node 1.
    np.testing.assert_allclose(v_remove, [1.5, 0.5, 0.0])


# ---------------------------------------------------------------- errors, progress ------

@pytest.mark.parametrize("edges, message", [
    ([], "no edges"),
    ([[0, 1, 0.0]], "zero, negative"),
    ([[0, 1.5, 1.0]], "not a node id"),
    ([[-1, 1, 1.0]], "not a node id"),
    ([[0, 1, np.nan]], "zero, negative"),
])
def test_bad_graphs(edges, message):
    with pytest.raises(EspInputError, match=message):
        network_pairwise(edges, [0, 1])


def test_bad_inputs():
    edges = path_edges(3)
    with pytest.raises(EspInputError, match="negative, infinite"):
        network_pairwise([[0, 1, -1.0]], [0, 1], is_resistance=False)
    with pytest.raises(EspInputError, match="two different focal nodes"):
        network_pairwise(edges, [1, 1])
    with pytest.raises(EspInputError, match="largest node id is 2"):
        network_advanced(edges, [[5, 1.0]], [[0, 0.0]])
    with pytest.raises(EspInputError, match="negative"):
        network_advanced(edges, [[0, 1.0]], [[2, -1.0]])
    with pytest.raises(EspInputError, match="both a current source and a ground"):
        network_advanced([[0, 1, 1.0], [2, 3, 1.0]], [[0, 1.0]], [[3, 0.0]])
    with pytest.raises(EspInputError, match="policy"):
        network_advanced(edges, [[0, 1.0]], [[2, 0.0]], policy="nonsense")


class _Recorder:
    def __init__(self, cancel_after=None):
        self.fractions = []
        self.cancel_after = cancel_after

    def update(self, fraction):
        self.fractions.append(fraction)

    def cancelled(self):
        return self.cancel_after is not None and len(self.fractions) >= self.cancel_after


def test_progress_and_cancel():
    progress = _Recorder()
    network_pairwise(path_edges(10), list(range(10)), maps=ALL_MAPS, progress=progress)
    assert progress.fractions[-1] == 1.0
    assert all(0.0 <= f <= 1.0 for f in progress.fractions)
    assert progress.fractions == sorted(progress.fractions)
    with pytest.raises(Cancelled):
        network_pairwise(path_edges(10), list(range(10)), maps=ALL_MAPS,
                         progress=_Recorder(cancel_after=1))
