"""Two runs compared (espcore.programme.compare): sources, zones, links and the effectiveness
score, each by hand.

The source maps: source 1 shrinks from 6 to 4 cells (B id 5), source 2 is lost, source 7 is
new::

    A:  1 1 1 0 2 2        B:  5 5 0 0 0 0
        1 1 1 0 2 2            5 5 0 0 0 0
        0 0 0 0 0 0            0 0 0 0 0 0
        0 0 0 0 0 0            0 0 0 7 7 7
"""

import numpy as np
import pytest

from espcore import EspInputError
from espcore.programme.compare import (
    link_changes,
    match_sources,
    source_change,
    zone_transitions,
)
from espcore.programme.effectiveness import (
    PARTS,
    UnitIndicators,
    effectiveness,
    mean_link_cost,
)

A = np.array([[1, 1, 1, 0, 2, 2],
              [1, 1, 1, 0, 2, 2],
              [0, 0, 0, 0, 0, 0],
              [0, 0, 0, 0, 0, 0]])
B = np.array([[5, 5, 0, 0, 0, 0],
              [5, 5, 0, 0, 0, 0],
              [0, 0, 0, 0, 0, 0],
              [0, 0, 0, 7, 7, 7]])


def test_sources_shrink_vanish_and_appear():
    match = match_sources(A, B)
    np.testing.assert_array_equal(match.pairs, [[1, 5, 4]])
    np.testing.assert_array_equal(match.lost, [2])
    np.testing.assert_array_equal(match.gained, [7])
    assert match.merged.size == 0
    np.testing.assert_array_equal(source_change(A, B), [[1, 1, 2, 0, 2, 2],
                                                        [1, 1, 2, 0, 2, 2],
                                                        [0, 0, 0, 0, 0, 0],
                                                        [0, 0, 0, 3, 3, 3]])
    assert source_change(A, B).dtype == np.uint8


def test_a_tie_goes_to_the_smaller_id_and_the_other_is_merged():
    a = np.array([[4, 4, 3, 3, 0]])
    b = np.array([[9, 9, 9, 9, 8]])
    match = match_sources(a, b)
    np.testing.assert_array_equal(match.pairs, [[3, 9, 2]])
    np.testing.assert_array_equal(match.merged, [4])
    assert match.lost.size == 0
    np.testing.assert_array_equal(match.gained, [8])


def test_most_shared_cells_win_and_a_split_source_matches_twice():
    a = np.array([[1, 1, 1, 0, 2]])
    b = np.array([[6, 6, 5, 5, 5]])  # 5 holds one cell of 1 and one of 2: a tie, 1 wins
    np.testing.assert_array_equal(match_sources(a, b).pairs, [[1, 5, 1], [1, 6, 2]])
    np.testing.assert_array_equal(match_sources(a, b).merged, [2])


@pytest.mark.parametrize("seed", range(4))
def test_matching_agrees_with_a_loop_over_cells(seed):
    rng = np.random.default_rng(seed)
    a, b = rng.integers(0, 6, size=(2, 12, 15))
    match = match_sources(a, b)
    shared = {}
    for id_a, id_b in zip(a.ravel(), b.ravel()):
        if id_a and id_b:
            shared[id_a, id_b] = shared.get((id_a, id_b), 0) + 1
    for id_b in sorted({key[1] for key in shared}):
        best = min((-count, id_a) for (id_a, other), count in shared.items() if other == id_b)
        assert [best[1], id_b, -best[0]] in match.pairs.tolist()
    assert len(match.pairs) == len({key[1] for key in shared})


def test_source_grids_must_match():
    with pytest.raises(EspInputError):
        match_sources(A, B[:3])
    with pytest.raises(EspInputError):
        source_change(A.astype(float), B)


ZONES_A = np.array([[1, 1, 2],
                    [3, 4, 0]])
ZONES_B = np.array([[1, 2, 2],
                    [3, 0, 4]])
UNITS = np.array([[0, 0, 1],
                  [1, -1, -1]])


def test_zone_transitions_by_hand():
    result = zone_transitions(ZONES_A, ZONES_B, units=UNITS, n_units=2, cell_area=0.25)
    expected = np.zeros((5, 5))
    for a, b in ((1, 1), (1, 2), (2, 2), (3, 3), (4, 0), (0, 4)):
        expected[a, b] = 0.25
    np.testing.assert_allclose(result.area, expected)
    assert result.by_unit.shape == (2, 5, 5)
    assert result.by_unit[0, 1, 1] == result.by_unit[0, 1, 2] == 0.25
    assert result.by_unit[1, 2, 2] == result.by_unit[1, 3, 3] == 0.25
    assert result.outside[4, 0] == result.outside[0, 4] == 0.25
    np.testing.assert_allclose(result.by_unit.sum(axis=0) + result.outside, result.area)
    np.testing.assert_array_equal(result.change, [[0, 12, 0], [0, 40, 4]])
    assert result.change.dtype == np.uint8


def test_zone_transitions_without_units():
    result = zone_transitions(ZONES_A, ZONES_A, cell_area=2.0)
    np.testing.assert_allclose(result.area, np.diag([2.0, 4.0, 2.0, 2.0, 2.0]))
    assert result.by_unit.shape == (0, 5, 5)
    np.testing.assert_array_equal(result.outside, result.area)
    assert not result.change.any()


@pytest.mark.parametrize("options", [
    {"cell_area": -1.0},
    {"cell_area": 1.0, "units": UNITS, "n_units": 1},   # unit 1 of one unit
    {"cell_area": 1.0, "units": UNITS, "n_units": 0},
])
def test_zone_transitions_refuse_bad_input(options):
    with pytest.raises(EspInputError):
        zone_transitions(ZONES_A, ZONES_B, **options)
    with pytest.raises(EspInputError):
        zone_transitions(ZONES_A + 1, ZONES_B, cell_area=1.0)  # code 5


#: A sources 1, 2, 3 are B sources 11, 12, 13; B source 14 is new.
PAIRS = np.array([[1, 11, 4], [2, 12, 3], [3, 13, 5]])


def test_links_match_in_either_order():
    links_a = np.array([[1, 2], [1, 3], [2, 3]])
    links_b = np.array([[12, 11], [13, 14], [13, 11]])
    result = link_changes(links_a, [10.0, 20.0, 5.0], links_b, [8.0, 5.0, 30.0], PAIRS)
    np.testing.assert_array_equal(result.match, [0, 2, -1])
    np.testing.assert_allclose(result.lcd_after, [8.0, 30.0, np.nan])
    np.testing.assert_allclose(result.relative, [-0.2, 0.5, np.nan])
    np.testing.assert_array_equal(result.lost, [2])
    np.testing.assert_array_equal(result.new, [1])
    assert result.extra.size == 0


def test_a_split_source_keeps_the_cheaper_link_and_zero_costs():
    pairs = np.vstack([PAIRS, [[1, 15, 2]]])  # A source 1 split into B 11 and 15
    links_a = np.array([[1, 2], [2, 3]])
    links_b = np.array([[12, 11], [15, 12], [11, 15], [13, 12]])
    result = link_changes(links_a, [10.0, 0.0], links_b, [8.0, 6.0, 1.0, 0.0], pairs)
    np.testing.assert_array_equal(result.match, [1, 3])
    np.testing.assert_allclose(result.relative, [-0.4, 0.0])
    np.testing.assert_array_equal(result.extra, [0])
    np.testing.assert_array_equal(result.new, [2])  # inside the old source 1
    before_zero = link_changes([[1, 2]], [0.0], [[11, 12]], [3.0], pairs)
    assert np.isnan(before_zero.relative[0])


def test_links_take_the_source_match_and_refuse_duplicates():
    match = match_sources(A, B)
    result = link_changes([[1, 2]], [4.0], [[5, 7]], [3.0], match)
    np.testing.assert_array_equal(result.lost, [0])
    np.testing.assert_array_equal(result.new, [0])
    with pytest.raises(EspInputError):
        link_changes([[1, 2], [2, 1]], [1.0, 2.0], [], [], PAIRS)
    with pytest.raises(EspInputError):
        link_changes([[1, 2]], [-1.0], [], [], PAIRS)


def test_mean_link_cost_counts_a_link_once_per_unit():
    ends = np.array([[0, 1], [0, 0], [1, -1], [-1, -1]])
    result = mean_link_cost(ends, [10.0, 20.0, 30.0, 40.0], n_units=3)
    np.testing.assert_allclose(result, [15.0, 20.0, np.nan])


BEFORE = UnitIndicators(eca=np.array([10.0, 0.0, 4.0]),
                        source_area=np.array([100.0, 50.0, 0.0]),
                        corridor_cost=np.array([20.0, np.nan, 10.0]),
                        restoration_area=np.array([8.0, 4.0, 0.0]))
AFTER = {"eca": [12.0, 0.0, 10.0], "source_area": [90.0, 50.0, 5.0],
         "corridor_cost": [15.0, 5.0, 30.0], "restoration_area": [6.0, 0.0, 2.0]}


def test_effectiveness_by_hand():
    result = effectiveness(BEFORE, AFTER)
    # Unit 0: +20 % ECA, -10 % sources, cost and restoration zone down 25 % each.
    # Unit 1: nothing before or after; no cost before (left out); restoration zone gone.
    # Unit 2: ECA +150 % (clipped), sources from none, cost +200 % (clipped), zone from none.
    np.testing.assert_allclose(result.change, [[0.2, -0.1, 0.25, 0.25],
                                               [0.0, 0.0, np.nan, 1.0],
                                               [1.0, 1.0, -1.0, -1.0]])
    np.testing.assert_allclose(result.score, [15.0, 100.0 / 3.0, 0.0])
    np.testing.assert_allclose(result.weights, [0.25] * 4)
    assert PARTS == ("eca", "source_area", "corridor_cost", "restoration_area")


def test_weights_change_the_score():
    result = effectiveness(BEFORE, AFTER, [1.0, 0.0, 0.0, 1.0])
    np.testing.assert_allclose(result.score, [22.5, 50.0, 0.0])
    only_cost = effectiveness(BEFORE, AFTER, [0.0, 0.0, 2.0, 0.0])
    np.testing.assert_allclose(only_cost.score, [25.0, np.nan, -100.0])


@pytest.mark.parametrize("after, weights", [
    (dict(AFTER, eca=[-1.0, 0.0, 0.0]), None),       # negative
    ({"eca": [1.0, 1.0, 1.0]}, None),                 # parts missing
    (dict(AFTER, eca=[1.0, 1.0]), None),               # lengths differ
    (AFTER, [1.0, 1.0]),                               # two weights
    (AFTER, [0.0, 0.0, 0.0, 0.0]),                     # no weight
    (AFTER, [1.0, -1.0, 1.0, 1.0]),
])
def test_effectiveness_refuses_bad_input(after, weights):
    with pytest.raises(EspInputError):
        effectiveness(BEFORE, after, weights)


def test_group_indicators_sum_their_units_and_average_their_links():
    from espcore.programme.effectiveness import group_indicators

    # Units 0, 1 in group 0; unit 2 in group 1; unit 3 in no group.
    units = UnitIndicators(eca=np.array([1.0, 2.0, 4.0, 8.0]),
                           source_area=np.array([10.0, 0.0, 5.0, 1.0]),
                           corridor_cost=np.full(4, np.nan),
                           restoration_area=np.array([0.0, 3.0, 1.0, 7.0]))
    # Links: inside group 0 (units 0-1), group 0 to group 1, group 1 to outside, unit 3 only.
    ends = np.array([[0, 1], [1, 2], [2, -1], [3, 3]])
    lcd = np.array([100.0, 300.0, 50.0, 999.0])
    groups = group_indicators(units, np.array([0, 0, 1, -1]), ends, lcd, n_groups=2)
    assert groups.eca.tolist() == [3.0, 4.0]
    assert groups.source_area.tolist() == [10.0, 5.0]
    assert groups.restoration_area.tolist() == [3.0, 1.0]
    # Group 0: links 100 (counted once) and 300; group 1: 300 and 50.
    assert groups.corridor_cost.tolist() == [200.0, 175.0]
