"""One-to-all and all-to-one modes against Circuitscape.jl's verification cases, plus
analytic checks and bad input."""

import glob
import os

import numpy as np
import pytest
from cs_cases import (
    CASES,
    assert_map,
    case_arguments,
    expected,
    expected_maps,
    read_table,
    run_case,
)
from progress_helpers import CancelAfter

from espcore.circuits.circuit import MapOptions
from espcore.circuits.csini import parse_included_pairs
from espcore.circuits.csjob import run_raster
from espcore.circuits.focal import FocalNodes
from espcore.circuits.onetoall import all_to_one, focal_region_map, one_to_all
from espcore.circuits.pairwise import pairwise
from espcore.errors import Cancelled, EspInputError

ONE_TO_ALL = sorted(os.path.basename(p) for p in glob.glob(os.path.join(CASES,
                                                                         "oneToAllVerify*")))
ALL_TO_ONE = sorted(os.path.basename(p) for p in glob.glob(os.path.join(CASES,
                                                                         "allToOneVerify*")))

#: Expected maps that the case's INI does not ask for: files left in Circuitscape's
#: output_verify folder by older runs with other output flags (Circuitscape.jl's own test
#: only compares the files its run writes). oneToAllVerify10 sets write_cum_cur_map_only
#: and no voltage maps (Circuitscape.jl 5 still writes the per-node current maps then; we
#: follow MapOptions and keep only the cumulative and max maps, and
#: test_legacy_per_node_maps_still_match checks those files with the flags that write
#: them); oneToAllVerify12 asks for no maps at all (its maps come from a CS 4
#: run with another include file, see expected/oneToAllVerify12.ini). allToOneVerify12's
#: curmap_4 is for id 4, which the include matrix pairs with no other id: Circuitscape.jl
#: (onetoall.jl) and Circuitscape 4 report -1 for it without solving and write no map; the
#: file is from an older version that solved it anyway.
LEGACY = {
    "allToOneVerify12": ("curmap_4",),
    "oneToAllVerify10": ("curmap_", "voltmap_"),
    "oneToAllVerify12": ("curmap_", "voltmap_", "cum_curmap"),
}


# ---------------------------------------------------------------- case loading ----------


def check_case(case, result, maps_checked=None):
    """Resistances within 1e-6 relative (-1 and 0 exactly), maps within 1e-5 absolute.

    Returns the largest relative resistance error and absolute map error.
    """
    table = read_table(expected(case, "resistances.out"))
    assert result.resistances.shape == table.shape
    np.testing.assert_array_equal(result.resistances[:, 0], table[:, 0])
    want, got = table[:, 1], result.resistances[:, 1]
    special = np.isin(want, (0.0, -1.0))
    np.testing.assert_array_equal(got[special], want[special])
    np.testing.assert_allclose(got, want, rtol=1e-6, atol=0)
    r_err = float(np.max(np.abs(got - want) / np.maximum(np.abs(want), 1e-300),
                         initial=0.0, where=~special))
    wanted = expected_maps(case)
    legacy = LEGACY.get(case, ())
    wanted = {k: v for k, v in wanted.items() if not k.startswith(legacy)}
    if maps_checked is not None:
        wanted = {k: v for k, v in wanted.items() if k.startswith(maps_checked)}
    else:
        assert set(result.maps) == set(wanted)
    m_err = 0.0
    for key, values in wanted.items():
        assert_map(result.maps[key], values)
        m_err = max(m_err, float(np.max(np.abs(result.maps[key] - values))))
    return r_err, m_err


# ---------------------------------------------------------------- verification cases ----

@pytest.mark.parametrize("case", ONE_TO_ALL)
def test_one_to_all_case(case):
    check_case(case, run_case(case))


@pytest.mark.parametrize("case", ALL_TO_ONE)
def test_all_to_one_case(case):
    check_case(case, run_case(case))


@pytest.mark.parametrize("case", ["oneToAllVerify10"])
def test_legacy_per_node_maps_still_match(case):
    """oneToAllVerify10's extra per-node maps come from the same circuit; with the flags
    that write them they match too."""
    scenario, kwargs = case_arguments(case)
    kwargs["maps"] = MapOptions(current_maps=True, voltage_maps=True, max_map=True)
    check_case(case, run_raster(scenario, **kwargs), maps_checked=("curmap_", "voltmap_"))


@pytest.mark.parametrize("method", ["cholmod", "superlu", "amg"])
def test_every_solver_gives_the_same_numbers(method):
    pytest.importorskip("sksparse" if method == "cholmod" else "scipy")
    if method == "amg":
        pytest.importorskip("pyamg")
    check_case("oneToAllVerify4", run_case("oneToAllVerify4", method=method))


def _tricky_layout():
    """Islands, NoData under a focal cell, two ids in one short-circuit region, a focal
    region split by the region merge and one overlapping two regions."""
    rng = np.random.default_rng(3)
    g = rng.uniform(0.5, 2.0, (12, 12))
    g[:, 8] = 0.0  # columns 9-11 are an island
    g[5, 3] = 0.0
    regions = np.zeros(g.shape, dtype=np.int64)
    regions[0, 0:3] = 4  # ids 1 and 2 share this region
    regions[7:9, 5:7] = 9
    regions[10, 1] = 2
    ids = np.zeros(g.shape)
    ids[0, 0], ids[0, 2] = 1, 2
    ids[5, 3] = 3  # on NoData
    ids[7, 5], ids[11, 7] = 5, 5  # region 5: one cell in region 9, one outside
    ids[10, 1], ids[3, 7] = 6, 6  # region 6: in region 2 and outside
    ids[2, 10], ids[11, 11] = 7, 8  # on the island
    ids[11, 0] = 9
    return g, FocalNodes.from_raster(ids, np.ones(g.shape, dtype=bool)), regions


@pytest.mark.parametrize("run", [one_to_all, all_to_one])
@pytest.mark.parametrize("case", ["tricky", "oneToAllVerify1", "allToOneVerify3",
                                  "oneToAllVerify9"])
def test_reused_factorisations_match_one_solve_per_node(run, case, monkeypatch):
    """The fast path (one factorisation per component) gives Circuitscape's per-solve
    numbers; forcing every solve through the general path is the reference."""
    import espcore.circuits.onetoall as module

    if case == "tricky":
        g, focal, regions = _tricky_layout()
        kwargs = dict(g=g, focal=focal, regions=regions,
                      strengths=np.array([[1, 2.0], [5, 0.5], [8, 3.0]]))
    else:
        kwargs = case_arguments(case)[1]
    kwargs["maps"] = MapOptions(current_maps=True, voltage_maps=True, max_map=True)
    fast = run(**kwargs)
    monkeypatch.setattr(module._FastOneToAll, "solve", lambda self, i: None)
    monkeypatch.setattr(module._FastAllToOne, "solve", lambda self, i: None)
    general = run(**kwargs)
    np.testing.assert_allclose(fast.resistances, general.resistances, rtol=1e-9, atol=1e-12)
    assert set(fast.maps) == set(general.maps)
    for key in general.maps:
        np.testing.assert_allclose(fast.maps[key], general.maps[key], rtol=1e-9, atol=1e-10)
    if case == "tricky":
        values = dict(general.resistances)
        assert values[3] == -1  # on NoData
        assert (values[7] == -1) == (values[8] == -1)  # the island pair sees each other


# ---------------------------------------------------------------- analytic checks -------

def _strip(n):
    g = np.ones((1, n))
    ids = np.zeros((1, n))
    return g, ids


def test_two_points_give_the_pairwise_resistance_of_a_strip():
    """One-to-all with two focal points on a 1 x n strip of unit resistors: R = n - 1."""
    n = 9
    g, ids = _strip(n)
    ids[0, 0], ids[0, -1] = 1, 2
    focal = FocalNodes.from_raster(ids, np.ones_like(ids, dtype=bool))
    result = one_to_all(g, focal, four_neighbours=True)
    np.testing.assert_allclose(result.resistances, [[1, n - 1], [2, n - 1]], rtol=1e-12)
    pair = pairwise(g, focal, four_neighbours=True).resistances[1, 2]
    np.testing.assert_allclose(result.resistances[:, 1], pair, rtol=1e-12)


def test_one_to_all_is_the_parallel_resistance_to_the_others():
    """A point in the middle of a strip sees both ends in parallel: (m || m) = m / 2."""
    g, ids = _strip(9)
    ids[0, 0], ids[0, 4], ids[0, 8] = 1, 2, 3
    focal = FocalNodes.from_raster(ids, np.ones_like(ids, dtype=bool))
    result = one_to_all(g, focal, four_neighbours=True,
                        maps=MapOptions(current_maps=True, voltage_maps=True))
    np.testing.assert_allclose(result.resistances[:, 1], [4.0, 2.0, 4.0], rtol=1e-12)
    # The 1 A of node 2 splits evenly; each half crosses the strip to a grounded end.
    np.testing.assert_allclose(result.maps["curmap_2"][0], [0.5] * 4 + [1.0] + [0.5] * 4)
    np.testing.assert_allclose(result.maps["voltmap_2"][0], [0, .5, 1, 1.5, 2, 1.5, 1, .5, 0],
                               atol=1e-12)


def test_strengths_scale_currents_but_not_resistances():
    g, ids = _strip(5)
    ids[0, 0], ids[0, 4] = 1, 2
    focal = FocalNodes.from_raster(ids, np.ones_like(ids, dtype=bool))
    maps = MapOptions(current_maps=True)
    plain = one_to_all(g, focal, four_neighbours=True, maps=maps)
    strong = one_to_all(g, focal, four_neighbours=True, maps=maps,
                        strengths=np.array([[2, 3.0]]))
    np.testing.assert_allclose(strong.resistances, plain.resistances, rtol=1e-12)
    np.testing.assert_allclose(strong.maps["curmap_2"], 3.0 * plain.maps["curmap_2"])
    np.testing.assert_allclose(strong.maps["curmap_1"], plain.maps["curmap_1"])


def test_all_to_one_sums_the_currents_of_the_other_nodes():
    """Nodes 1 and 3 each push 1 A into node 2 in the middle: 2 A arrive there, and the
    cumulative map adds the three solves."""
    g, ids = _strip(5)
    ids[0, 0], ids[0, 2], ids[0, 4] = 1, 2, 3
    focal = FocalNodes.from_raster(ids, np.ones_like(ids, dtype=bool))
    result = all_to_one(g, focal, four_neighbours=True, maps=MapOptions(current_maps=True))
    np.testing.assert_array_equal(result.resistances, [[1, 0], [2, 0], [3, 0]])
    np.testing.assert_allclose(result.maps["curmap_2"][0], [1, 1, 2, 1, 1])
    total = sum(result.maps["curmap_{0}".format(i)] for i in (1, 2, 3))
    np.testing.assert_allclose(result.maps["cum_curmap"], total)


def test_disconnected_point_gets_minus_one():
    g, ids = _strip(7)
    g[0, 3] = 0.0  # a barrier splits the strip
    ids[0, 0], ids[0, 2], ids[0, 6] = 1, 2, 3
    focal = FocalNodes.from_raster(ids, np.ones_like(ids, dtype=bool))
    result = one_to_all(g, focal, four_neighbours=True)
    np.testing.assert_allclose(result.resistances[:, 1], [2.0, 2.0, -1.0])


@pytest.mark.parametrize("run", [one_to_all, all_to_one])
def test_focal_nodes_on_nodata_are_not_solved(run):
    g, ids = _strip(5)
    g[0, 0] = g[0, 4] = 0.0
    ids[0, 0], ids[0, 4] = 1, 2
    focal = FocalNodes.from_raster(ids, np.ones_like(ids, dtype=bool))
    result = run(g, focal, maps=MapOptions(current_maps=True))
    np.testing.assert_array_equal(result.resistances, [[1, -1], [2, -1]])
    np.testing.assert_array_equal(result.maps["cum_curmap"], 0.0)


def test_included_pairs_leave_excluded_points_out():
    g, ids = _strip(9)
    ids[0, 0], ids[0, 4], ids[0, 8] = 1, 2, 3
    focal = FocalNodes.from_raster(ids, np.ones_like(ids, dtype=bool))
    included = parse_included_pairs("mode include\n1 2\n")
    result = one_to_all(g, focal, four_neighbours=True, included=included)
    # Id 3 is not in the file, so it is dropped; 1 and 2 see only each other.
    np.testing.assert_allclose(result.resistances, [[1, 4.0], [2, 4.0]])


# ---------------------------------------------------------------- focal region merge ----

def test_focal_region_merge_relabels_overlapped_regions():
    regions = np.array([[5, 5, 0, 0],
                        [0, 0, 0, 7]])
    points = np.array([[0, 2, 2, 0],
                       [0, 0, 3, 3]])
    merged = focal_region_map(regions, points, focal_regions=True)
    # k = 7: focal cells outside regions get 7 + id; region 5 is relabelled 2 (its cell
    # (0, 1) has id 2), region 7 is relabelled 3.
    np.testing.assert_array_equal(merged, [[2, 2, 9, 0],
                                           [0, 0, 10, 3]])
    points_only = np.array([[0, 1, 0, 2],
                            [0, 0, 0, 0]])
    np.testing.assert_array_equal(focal_region_map(regions, points_only, focal_regions=False),
                                  [[5, 5, 0, 9], [0, 0, 0, 7]])
    np.testing.assert_array_equal(focal_region_map(None, points, focal_regions=True), points)


# ---------------------------------------------------------------- bad input -------------

def test_two_focal_ids_are_needed():
    g, ids = _strip(5)
    ids[0, 0] = ids[0, 4] = 1
    focal = FocalNodes.from_raster(ids, np.ones_like(ids, dtype=bool))
    with pytest.raises(EspInputError, match="two focal nodes"):
        one_to_all(g, focal)
    with pytest.raises(EspInputError, match="two focal nodes"):
        all_to_one(g, focal)


def test_included_pairs_that_drop_all_but_one_id_are_rejected():
    g, ids = _strip(5)
    ids[0, 0], ids[0, 4] = 1, 2
    focal = FocalNodes.from_raster(ids, np.ones_like(ids, dtype=bool))
    with pytest.raises(EspInputError, match="two focal nodes"):
        one_to_all(g, focal, included=parse_included_pairs("mode include\n1 7\n"))



def test_progress_and_cancel_between_solves():
    g, ids = _strip(9)
    ids[0, 0], ids[0, 4], ids[0, 8] = 1, 2, 3
    focal = FocalNodes.from_raster(ids, np.ones_like(ids, dtype=bool))
    progress = CancelAfter(100)
    one_to_all(g, focal, progress=progress)
    assert progress.fractions[-1] == pytest.approx(1.0)
    assert progress.fractions == sorted(progress.fractions)
    with pytest.raises(Cancelled):
        one_to_all(g, focal, progress=CancelAfter(1))
