"""Raster advanced mode against Circuitscape.jl's verification cases (mgVerify*), plus
analytic checks and bad input."""

import glob
import os

import numpy as np
import pytest
from cs_cases import (
    CASES,
    assert_map,
    case_arguments,
    expected_maps,
    run_case,
)

from espcore.circuits.advanced import ground_conductances, raster_advanced
from espcore.circuits.circuit import MapOptions
from espcore.circuits.csjob import run_raster
from espcore.circuits.graph import branch_currents, raster_network
from espcore.errors import Cancelled, EspInputError

ADVANCED = sorted(os.path.basename(p) for p in glob.glob(os.path.join(CASES, "mgVerify*")))

#: Expected maps that the case's INI does not ask for (left in Circuitscape's
#: output_verify folder by runs with other flags; Circuitscape.jl's own test compares only
#: the files its run writes): mgVerify2 sets write_cur_maps = False.
LEGACY = {"mgVerify2": ("curmap",)}



def check_case(case, result, only=None):
    """Every expected map (but the legacy ones) within 1e-5 absolute; returns the error."""
    wanted = expected_maps(case)
    if only is None:
        wanted = {k: v for k, v in wanted.items() if not k.startswith(LEGACY.get(case, ()))}
        assert set(result.maps) == set(wanted)
    else:
        wanted = {k: v for k, v in wanted.items() if k in only}
    error = 0.0
    for key, values in wanted.items():
        assert_map(result.maps[key], values)
        error = max(error, float(np.max(np.abs(result.maps[key] - values))))
    return error


# ---------------------------------------------------------------- verification cases ----

@pytest.mark.parametrize("case", ADVANCED)
def test_advanced_case(case):
    check_case(case, run_case(case))


def test_legacy_current_map_of_mgverify2_still_matches():
    scenario, kwargs = case_arguments("mgVerify2")
    kwargs["maps"] = MapOptions(current_maps=True, voltage_maps=True)
    check_case("mgVerify2", run_raster(scenario, **kwargs), only=("curmap",))


@pytest.mark.parametrize("method", ["cholmod", "superlu", "amg"])
def test_every_solver_gives_the_same_numbers(method):
    pytest.importorskip("sksparse" if method == "cholmod" else "scipy")
    if method == "amg":
        pytest.importorskip("pyamg")
    check_case("mgVerify4", run_case("mgVerify4", method=method))


# ---------------------------------------------------------------- analytic checks -------

def _strip(n):
    g = np.ones((1, n))
    sources = np.zeros((1, n))
    grounds = np.zeros((1, n))
    return g, sources, grounds


def test_strip_with_direct_ground_has_voltage_n_minus_one_at_the_source():
    n = 10
    g, sources, grounds = _strip(n)
    sources[0, 0] = 1.0
    grounds[0, -1] = np.inf
    result = raster_advanced(g, sources=sources, grounds=grounds, four_neighbours=True,
                             maps=MapOptions(current_maps=True, voltage_maps=True))
    np.testing.assert_allclose(result.maps["voltmap"][0], np.arange(n - 1, -1, -1.0),
                               atol=1e-12)
    np.testing.assert_allclose(result.maps["curmap"][0], np.ones(n), atol=1e-12)
    assert result.resistances is None


def test_finite_ground_adds_its_resistance_and_carries_the_current():
    n = 6
    g, sources, grounds = _strip(n)
    sources[0, 0] = 2.0
    ground_resistance = np.full((1, n), np.nan)
    ground_resistance[0, -1] = 4.0
    grounds = ground_conductances(ground_resistance, ~np.isnan(ground_resistance),
                                  is_resistance=True, direct=False)
    result = raster_advanced(g, sources=sources, grounds=grounds, four_neighbours=True,
                             maps=MapOptions(current_maps=True, voltage_maps=True))
    # 2 A through n - 1 unit resistors and then 4 ohm to ground.
    np.testing.assert_allclose(result.maps["voltmap"][0, 0], 2.0 * (n - 1 + 4.0))
    np.testing.assert_allclose(result.maps["voltmap"][0, -1], 8.0)
    # The grounded cell passes its 2 A on to ground: its node current counts it.
    np.testing.assert_allclose(result.maps["curmap"][0], np.full(n, 2.0))


def test_kirchhoff_node_current_is_half_the_branch_currents():
    rng = np.random.default_rng(7)
    g = rng.uniform(0.2, 3.0, (8, 9))
    g[3, 2:7] = 0.0  # a barrier
    sources = np.zeros(g.shape)
    sources[0, 0], sources[7, 8] = 1.5, 0.5
    grounds = np.zeros(g.shape)
    grounds[0, 8] = np.inf
    grounds[6, 0] = 0.8
    result = raster_advanced(g, sources=sources, grounds=grounds,
                             maps=MapOptions(current_maps=True, voltage_maps=True))
    net = raster_network(g)
    v = np.zeros(net.n_nodes)
    v[net.node_map[net.node_map > 0] - 1] = result.maps["voltmap"][net.node_map > 0]
    b = branch_currents(net, v)
    half_sum = (np.bincount(net.a, b, net.n_nodes) + np.bincount(net.b, b, net.n_nodes)) / 2
    cells = net.cell_values(half_sum)
    interior = (g > 0) & (sources == 0) & (grounds == 0)
    np.testing.assert_allclose(result.maps["curmap"][interior], cells[interior], rtol=1e-9)
    # Current is conserved: 2 A in, 2 A out through the two grounds.
    out_direct = b[(net.a == net.node_map[0, 8] - 1) | (net.b == net.node_map[0, 8] - 1)].sum()
    out_finite = 0.8 * result.maps["voltmap"][6, 0]
    np.testing.assert_allclose(out_direct + out_finite, 2.0, rtol=1e-9)


def test_short_circuit_region_is_one_node():
    g, sources, grounds = _strip(7)
    sources[0, 0] = 1.0
    grounds[0, -1] = np.inf
    regions = np.array([[0, 0, 3, 3, 3, 0, 0]])
    result = raster_advanced(g, sources=sources, grounds=grounds, regions=regions,
                             four_neighbours=True, maps=MapOptions(voltage_maps=True))
    # Cells 2-4 are one node: 4 resistors remain between source and ground.
    np.testing.assert_allclose(result.maps["voltmap"][0], [4, 3, 2, 2, 2, 1, 0], atol=1e-12)


def test_components_are_solved_separately_with_their_own_current_cut_off():
    """Two islands: a strong one (1 A) and a weak one (1e-12 A). Circuitscape takes the
    small-current cut-off per component, so the weak island keeps its currents."""
    g = np.ones((1, 9))
    g[0, 4] = 0.0
    sources = np.zeros(g.shape)
    grounds = np.zeros(g.shape)
    sources[0, 0], grounds[0, 3] = 1.0, np.inf
    sources[0, 5], grounds[0, 8] = 1e-12, np.inf
    result = raster_advanced(g, sources=sources, grounds=grounds, four_neighbours=True,
                             maps=MapOptions(current_maps=True, voltage_maps=True))
    np.testing.assert_allclose(result.maps["curmap"][0, :4], 1.0)
    np.testing.assert_allclose(result.maps["curmap"][0, 5:], 1e-12, rtol=1e-9)
    np.testing.assert_allclose(result.maps["voltmap"][0, 5:], [3e-12, 2e-12, 1e-12, 0])


def test_island_without_ground_stays_at_zero():
    g = np.ones((1, 7))
    g[0, 3] = 0.0
    sources = np.zeros(g.shape)
    grounds = np.zeros(g.shape)
    sources[0, 0], grounds[0, 2] = 1.0, np.inf
    sources[0, 6] = 5.0  # no ground on this island
    result = raster_advanced(g, sources=sources, grounds=grounds, four_neighbours=True,
                             maps=MapOptions(current_maps=True, voltage_maps=True))
    np.testing.assert_allclose(result.maps["voltmap"][0], [2, 1, 0, 0, 0, 0, 0], atol=1e-12)
    np.testing.assert_array_equal(result.maps["curmap"][0, 3:], 0.0)


@pytest.mark.parametrize("policy, v_source", [("keepall", 0.0), ("rmvgnd", 3.0),
                                               ("rmvsrc", None), ("rmvall", None)])
def test_conflict_policies(policy, v_source):
    """A source and a direct ground on one cell, another direct ground at the far end."""
    g, sources, grounds = _strip(4)
    sources[0, 0] = 1.0
    grounds[0, 0] = grounds[0, -1] = np.inf
    messages = []
    result = raster_advanced(g, sources=sources, grounds=grounds, four_neighbours=True,
                             policy=policy, maps=MapOptions(voltage_maps=True),
                             log=lambda template, **fields: messages.append(template))
    if v_source is None:
        # The source is removed: nothing to solve, and the log says so.
        np.testing.assert_array_equal(result.maps["voltmap"], 0.0)
        assert any("No connected part" in m for m in messages)
    else:
        # keepall and rmvgnd: Circuitscape drops a direct ground that shares a node with a
        # source, so the source drives the strip into the far ground either way.
        np.testing.assert_allclose(result.maps["voltmap"][0, 0], 3.0)


def test_rmvgnd_keeps_a_finite_ground():
    """Circuitscape takes the finite grounds before the policy: rmvgnd removes the ground
    from the bookkeeping but its conductance stays in the matrix."""
    g, sources, grounds = _strip(3)
    sources[0, 0] = 1.0
    grounds[0, 0] = 1.0
    grounds[0, -1] = np.inf
    result = raster_advanced(g, sources=sources, grounds=grounds, four_neighbours=True,
                             policy="rmvgnd", maps=MapOptions(voltage_maps=True))
    # 1 S to ground in parallel with 2 ohm to the direct ground: 2/3 ohm.
    np.testing.assert_allclose(result.maps["voltmap"][0, 0], 2.0 / 3.0)


def test_null_to_nodata_and_log_transform():
    g, sources, grounds = _strip(5)
    g[0, 2] = 0.0
    sources[0, 0], grounds[0, 1] = 1.0, np.inf
    maps = MapOptions(current_maps=True, voltage_maps=True, null_currents_to_nodata=True,
                      null_voltages_to_nodata=True, log_transform=True)
    result = raster_advanced(g, sources=sources, grounds=grounds, four_neighbours=True,
                             maps=maps)
    np.testing.assert_allclose(result.maps["voltmap"][0], [1, 0, -9999, 0, 0])
    np.testing.assert_allclose(result.maps["curmap"][0], [0, 0, -9999, -9999, -9999])


# ---------------------------------------------------------------- ground raster ---------

def test_ground_conductances():
    values = np.array([[0.0, 2.0, 4.0, -9999.0, np.inf]])
    valid = values != -9999.0
    as_resistance = ground_conductances(values, valid, is_resistance=True, direct=False)
    np.testing.assert_array_equal(as_resistance, [[np.inf, 0.5, 0.25, 0.0, 0.0]])
    as_conductance = ground_conductances(values, valid, is_resistance=False, direct=False)
    np.testing.assert_array_equal(as_conductance, [[0.0, 2.0, 4.0, 0.0, np.inf]])
    direct = ground_conductances(values, valid, is_resistance=True, direct=True)
    np.testing.assert_array_equal(direct, [[np.inf, np.inf, np.inf, 0.0, 0.0]])
    direct_g = ground_conductances(values, valid, is_resistance=False, direct=True)
    np.testing.assert_array_equal(direct_g, [[0.0, np.inf, np.inf, 0.0, np.inf]])


def test_negative_ground_values_are_rejected():
    with pytest.raises(EspInputError, match="negative"):
        ground_conductances(np.array([[1.0, -2.0]]), np.array([[True, True]]),
                            is_resistance=True, direct=False)


# ---------------------------------------------------------------- bad input -------------

def test_source_raster_must_share_the_grid():
    g, sources, grounds = _strip(4)
    with pytest.raises(EspInputError, match="share one grid"):
        raster_advanced(g, sources=np.zeros((2, 4)), grounds=grounds)


def test_non_finite_sources_are_rejected():
    g, sources, grounds = _strip(4)
    sources[0, 1] = np.nan
    with pytest.raises(EspInputError, match="source raster"):
        raster_advanced(g, sources=sources, grounds=grounds)


def test_unknown_policy_is_rejected():
    g, sources, grounds = _strip(4)
    sources[0, 0], grounds[0, -1] = 1.0, np.inf
    with pytest.raises(EspInputError, match="policy"):
        raster_advanced(g, sources=sources, grounds=grounds, policy="dropall")


class _Progress:
    def __init__(self, cancel):
        self.cancel = cancel
        self.fractions = []

    def update(self, fraction):
        self.fractions.append(fraction)

    def cancelled(self):
        return self.cancel


def test_progress_and_cancel():
    g, sources, grounds = _strip(4)
    sources[0, 0], grounds[0, -1] = 1.0, np.inf
    progress = _Progress(False)
    raster_advanced(g, sources=sources, grounds=grounds, progress=progress)
    assert progress.fractions[-1] == 1.0
    with pytest.raises(Cancelled):
        raster_advanced(g, sources=sources, grounds=grounds, progress=_Progress(True))
