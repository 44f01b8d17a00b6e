"""Circuit theory checked against answers worked out by hand."""

import numpy as np
import pytest

from espcore import EspInputError
from espcore.circuits.circuit import MapOptions
from espcore.circuits.focal import FocalNodes
from espcore.circuits.graph import conductances, node_currents, raster_network
from espcore.circuits.pairwise import pairwise


def focal_at(shape, *cells):
    ids = np.zeros(shape)
    for number, (row, col) in enumerate(cells, start=1):
        ids[row, col] = number
    return FocalNodes.from_raster(ids, np.ones(shape, bool))


def g_of(resistance):
    resistance = np.asarray(resistance, dtype=float)
    return conductances(resistance, np.isfinite(resistance), is_resistance=True)


def test_strip_of_unit_resistors_has_resistance_n_minus_one():
    n = 12
    g = g_of(np.ones((1, n)))
    result = pairwise(g, focal_at((1, n), (0, 0), (0, n - 1), (0, 4)))
    r = result.resistances[1:, 1:]
    assert r[0, 1] == pytest.approx(n - 1, rel=1e-12)
    assert r[0, 2] == pytest.approx(4, rel=1e-12)
    assert r[1, 2] == pytest.approx(n - 5, rel=1e-12)


def test_parallel_strips_halve_the_resistance_and_share_the_current():
    g = g_of(np.ones((2, 6)))
    regions = np.zeros((2, 6), int)
    regions[:, 0] = 1
    regions[:, 5] = 2
    result = pairwise(g, focal_at((2, 6), (0, 0), (0, 5)), regions=regions,
                      four_neighbours=True, maps=MapOptions(current_maps=True))
    assert result.resistances[1, 2] == pytest.approx(5 / 2, rel=1e-12)
    # 1 A splits equally: every interior cell carries 0.5 A; the shorted ends carry 1 A.
    np.testing.assert_allclose(result.maps["curmap_1_2"][:, 1:5], 0.5, rtol=1e-12)
    np.testing.assert_allclose(result.maps["curmap_1_2"][:, [0, 5]], 1.0, rtol=1e-12)


def test_diagonal_neighbours_conduct_over_sqrt_two():
    g = g_of([[1.0, np.inf], [np.inf, 1.0]])
    result = pairwise(g, focal_at((2, 2), (0, 0), (1, 1)))
    assert result.resistances[1, 2] == pytest.approx(np.sqrt(2), rel=1e-12)
    four = pairwise(g, focal_at((2, 2), (0, 0), (1, 1)), four_neighbours=True)
    assert four.resistances[1, 2] == -1  # not connected without diagonals


@pytest.mark.parametrize("average_resistance, expected", [(False, 1.5), (True, 2.0)])
def test_edge_weight_rules(average_resistance, expected):
    # r = 1 and 3: mean conductance (1 + 1/3) / 2 = 2/3 S; mean resistance (1 + 3) / 2 = 2 ohm
    g = g_of([[1.0, 3.0]])
    result = pairwise(g, focal_at((1, 2), (0, 0), (0, 1)),
                      average_resistance=average_resistance)
    assert result.resistances[1, 2] == pytest.approx(expected, rel=1e-12)


def random_landscape(seed=3, shape=(30, 40)):
    rng = np.random.default_rng(seed)
    r = rng.uniform(1, 50, shape)
    r[rng.random(shape) < 0.1] = np.inf
    if shape[1] > 25:
        r[10:20, 25] = np.inf  # a wall that currents must go around
    return r


def test_kirchhoff_current_law_holds_at_every_node():
    g = g_of(random_landscape())
    net = raster_network(g)
    lap = net.laplacian()
    count, labels = net.components()
    big = np.bincount(labels).argmax()
    members = np.flatnonzero(labels == big)
    from espcore.circuits.solvers import grounded

    system = grounded(lap[members][:, members], 0, method="superlu")
    b = np.zeros(members.size)
    b[members.size // 2] = 1.0
    v = np.zeros(net.n_nodes)
    v[members] = system.solve(b)
    net_flow = lap @ v  # current leaving each node into the network
    injected = np.zeros(net.n_nodes)
    injected[members[members.size // 2]] = 1.0
    injected[members[0]] = -1.0
    np.testing.assert_allclose(net_flow, injected, atol=1e-9)
    branch = np.abs(net.w * (v[net.a] - v[net.b]))
    through = (np.bincount(net.a, branch, net.n_nodes) + np.bincount(net.b, branch,
                                                                      net.n_nodes)) / 2
    through += np.abs(injected) / 2
    np.testing.assert_allclose(node_currents(net, v), through, atol=1e-7)


def test_symmetric_landscape_gives_symmetric_results():
    half = random_landscape(shape=(20, 15))
    r = np.hstack([half, half[:, ::-1]])
    cells = [(3, 2), (15, 9), (8, 5)]
    mirrored = [(row, r.shape[1] - 1 - col) for row, col in cells]
    result = pairwise(g_of(r), focal_at(r.shape, *(cells + mirrored)),
                      maps=MapOptions(current_maps=True, cumulative_only=True))
    table = result.resistances[1:, 1:]
    np.testing.assert_allclose(table, table.T, rtol=1e-9)
    # id i and its mirror i+3: resistance 1-2 equals 4-5, and the cumulative map is mirrored
    assert table[0, 1] == pytest.approx(table[3, 4], rel=1e-9)
    cum = result.maps["cum_curmap"]
    np.testing.assert_allclose(cum, cum[:, ::-1], atol=1e-9)


@pytest.mark.parametrize("shared_node", [True, False])
def test_fast_cumulative_map_equals_the_sum_of_pair_maps(shared_node):
    r = random_landscape(seed=7)
    g = g_of(r)
    regions = np.zeros(r.shape, int)
    if shared_node:
        regions[5:8, 5:8] = 1  # two focal ids on one short-circuit region count separately
    ids = np.zeros(r.shape)
    for number, (row, col) in enumerate([(5, 5), (7, 7), (25, 30), (2, 38), (28, 3),
                                         (15, 20)], start=1):
        ids[row, col] = number
    focal = FocalNodes.from_raster(ids, np.ones(r.shape, bool))
    fast = pairwise(g, focal, regions=regions,
                    maps=MapOptions(current_maps=True, cumulative_only=True))
    loop = pairwise(g, focal, regions=regions, maps=MapOptions(current_maps=True))
    pair_sum = sum(v for k, v in loop.maps.items() if k.startswith("curmap_"))
    np.testing.assert_allclose(fast.maps["cum_curmap"], loop.maps["cum_curmap"], atol=1e-9)
    np.testing.assert_allclose(loop.maps["cum_curmap"], pair_sum, atol=1e-12)
    np.testing.assert_allclose(fast.resistances, loop.resistances, rtol=1e-12)
    assert (fast.resistances[1, 2] == 0.0) == shared_node  # ids 1, 2 on the region's node


def test_zero_resistance_is_refused():
    with pytest.raises(EspInputError, match="zero or negative"):
        g_of([[1.0, 0.0]])


def test_two_focal_ids_are_needed():
    with pytest.raises(EspInputError, match="two focal nodes"):
        pairwise(g_of(np.ones((3, 3))), focal_at((3, 3), (1, 1)))


def test_ids_only_on_nodata_are_found():
    ids = np.array([[1, 1, 0], [2, 0, 3]], float)
    focal = FocalNodes.from_raster(ids, np.ones(ids.shape, bool))
    nodata = np.array([[True, False, False], [True, False, True]])
    assert focal.ids_only_on(nodata).tolist() == [2, 3]  # id 1 has one cell on habitat


def test_network_without_edges_gives_unconnected_pair_and_zero_current():
    # Two cells touching only at a corner with four neighbours: no edge at all.
    g = np.eye(2)
    focal = FocalNodes.from_raster(np.array([[1, 0], [0, 2]]), np.ones((2, 2), dtype=bool))
    result = pairwise(g, focal, four_neighbours=True,
                      maps=MapOptions(current_maps=True, cumulative_only=True))
    assert result.resistances[1, 2] == -1
    assert np.nansum(np.abs(result.maps["cum_curmap"])) == 0.0
