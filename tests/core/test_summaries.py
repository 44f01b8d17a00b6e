"""Summary figures of a run (espcore.summaries): totals, shares, rankings, current split,
histogram bins and key-area totals.

Every expected value is worked out by hand on a small table, or by a second method (a
brute-force loop, Python's sorted, a plain logarithm, exact fractions).
"""

import itertools
import math
import random
from fractions import Fraction

import numpy as np
import pytest

from espcore import EspInputError
from espcore.summaries import (
    key_area_totals,
    log_histogram,
    min_median_max,
    path_widths,
    pattern_area,
    rank_by_burden,
    rank_by_pattern,
    shares,
    split_currents,
    total,
    units_with_pattern,
)

# ------------------------------------------------------------------ totals and shares -----


def test_total_counts_no_value_as_zero():
    assert total([1.5, None, 2.25, float("nan"), 0.25]) == 4.0
    assert total(np.array([0.1, 0.2, 0.3])) == (0.1 + 0.2) + 0.3  # row order, left to right
    assert total([]) == 0.0 and isinstance(total([]), float)


def test_total_is_the_rows_added_in_order():
    # 1e16 + 1 + 1 ... added one at a time loses every 1 (the spacing of doubles there is 2);
    # a pairwise or compensated sum would keep some of them.
    values = [1e16] + [1.0] * 7
    running = 0.0
    for value in values:
        running += value
    assert running == 1e16
    assert total(values) == running


def test_shares_of_four_zones():
    # 2 + 1 + 1 + 4 = 8 km²: 25 %, 12.5 %, 12.5 %, 50 % (exact in binary).
    percent, whole = shares([2.0, 1.0, 1.0, 4.0])
    assert whole == 8.0
    assert percent.tolist() == [25.0, 12.5, 12.5, 50.0]


def test_shares_agree_with_exact_fractions():
    values = [0.3, 1.7, 2.9, 0.1]
    percent, whole = shares(values)
    exact = sum(Fraction(v) for v in values)
    for value, share in zip(values, percent.tolist()):
        assert share == pytest.approx(float(100 * Fraction(value) / exact), rel=1e-15)
    assert whole == pytest.approx(float(exact), rel=1e-15)


def test_shares_are_of_the_total_added_in_row_order():
    # 1e16 + 1 + 1 + ... added in row order is 1e16 (each 1 is lost), so the first row is
    # 100 % of it; numpy's pairwise sum of nine rows adds some 1s together first and gets more.
    percent, whole = shares([1e16] + [1.0] * 8)
    assert whole == 1e16
    assert percent.tolist() == [100.0] + [1e-14] * 8


def test_shares_of_nothing_are_zero():
    percent, whole = shares([0.0, None, 0.0])
    assert whole == 0.0
    assert percent.tolist() == [0.0, 0.0, 0.0]


# ------------------------------------------------------------------ counties --------------


def test_units_with_pattern():
    # Counties: source only, corridor only, both, neither, no values, a zero and a NaN.
    source = [2.0, 0.0, 1.0, 0.0, None, 0.0]
    corridor = [0.0, 3.5, 1.0, 0.0, None, float("nan")]
    assert units_with_pattern(source, corridor) == 3
    with pytest.raises(EspInputError):
        units_with_pattern([1.0, 2.0], [1.0])


def test_pattern_area_leaves_out_the_control_zone():
    conservation = [1.0, None, 0.5]
    restoration = [2.0, 1.0, None]
    improvement = [4.0, 0.25, 0.5]
    assert pattern_area(conservation, restoration, improvement).tolist() == [7.0, 1.25, 1.0]


def test_rank_by_pattern_keeps_ties_in_row_order():
    # Areas 3, 5, 3, None, 5: the two 5s (rows 1, 4), the two 3s (rows 0, 2), then row 3.
    assert rank_by_pattern([3.0, 5.0, 3.0, None, 5.0]).tolist() == [1, 4, 0, 2, 3]


def test_rank_by_pattern_is_a_stable_sort():
    generator = random.Random(11)
    pattern = [generator.choice([0.0, 1.0, 2.0, 4.0]) for _ in range(200)]
    expected = sorted(range(200), key=lambda i: -pattern[i])  # Python's sort is stable
    assert rank_by_pattern(pattern).tolist() == expected


def test_rank_by_burden_by_hand():
    names = ["D", "B", "A", "C", "E"]
    burden = [1.0, 2.0, 1.0, 1.0, None]
    benefit = [0.5, 0.0, 0.5, 0.9, 3.0]
    pattern = [1.0, 0.0, 1.0, 0.0, 0.0]
    # B has the largest burden; then among the burdens of 1: C (largest benefit), then A and D
    # (equal in benefit and pattern: by name); E without a burden comes last.
    order = rank_by_burden(burden, benefit, pattern, names)
    assert [names[i] for i in order] == ["B", "C", "A", "D", "E"]


def test_rank_by_burden_matches_pythons_sorted():
    generator = random.Random(7)
    for _ in range(50):
        n = generator.randint(0, 12)
        # Few distinct values, so that ties (and ties of ties) are common.
        burden = [generator.choice([None, 0.0, 1.0, 2.5]) for _ in range(n)]
        benefit = [generator.choice([None, 0.0, 0.5]) for _ in range(n)]
        pattern = [generator.choice([0.0, 1.0, 3.0]) for _ in range(n)]
        names = [generator.choice(["甲县", "乙县", "Alpha", "alpha", "B"]) for _ in range(n)]
        expected = sorted(range(n), key=lambda i: (-(burden[i] or 0.0), -(benefit[i] or 0.0),
                                                   -pattern[i], names[i]))
        assert rank_by_burden(burden, benefit, pattern, names).tolist() == expected


def test_rank_by_burden_order_is_the_best_by_brute_force():
    # On four counties, the ranking is the one permutation whose key sequence is
    # non-decreasing with stable ties: check it against every permutation.
    names = ["b", "a", "c", "a"]
    burden = [1.0, 1.0, 0.0, 1.0]
    benefit = [0.0, 0.0, 2.0, 0.0]
    pattern = [1.0, 1.0, 5.0, 1.0]

    def key(i):
        return (-burden[i], -benefit[i], -pattern[i], names[i])

    ordered = [p for p in itertools.permutations(range(4))
               if all(key(a) <= key(b) for a, b in zip(p, p[1:]))]
    stable = [p for p in ordered if all(a < b for a, b in zip(p, p[1:])
                                        if key(a) == key(b))]
    assert len(stable) == 1
    assert tuple(rank_by_burden(burden, benefit, pattern, names).tolist()) == stable[0]


def test_rank_by_burden_needs_one_entry_per_county():
    with pytest.raises(EspInputError):
        rank_by_burden([1.0, 2.0], [1.0, 2.0], [1.0, 2.0], ["a"])
    assert rank_by_burden([], [], [], []).tolist() == []


# ------------------------------------------------------------------ currents --------------


def test_split_currents_by_hand():
    currents = np.array([[0.0, 0.0, 2.0], [5.0, 1e-12, np.nan], [-1e-15, 5e-9, 3.0]])
    split = split_currents(currents)
    # Largest 5 A: the limit is 5e-9 A. Without current: three cells (0, 0 and the negative
    # round-off -1e-15); NaN left out; tiny: 1e-12 only (5e-9 sits at the limit, kept).
    assert split.zero == 3
    assert split.tiny == 1
    assert split.kept.tolist() == [2.0, 5.0, 5e-9, 3.0]


def test_split_currents_without_current():
    split = split_currents(np.zeros(4))
    assert (split.zero, split.tiny, split.kept.size) == (4, 0, 0)
    loose = split_currents([1.0, 0.05, 0.2], relative=0.1)
    assert (loose.zero, loose.tiny, loose.kept.tolist()) == (0, 1, [1.0, 0.2])


# ------------------------------------------------------------------ histogram -------------


def test_log_histogram_edges_by_hand():
    histogram = log_histogram([1.0, 10.0, 100.0, 1000.0, 0.0, -5.0, np.inf], edges=4)
    assert histogram.values.tolist() == [1.0, 10.0, 100.0, 1000.0]
    assert histogram.edges == pytest.approx([1.0, 10.0, 100.0, 1000.0], rel=1e-12)
    # Median of 1, 10, 100, 1000: halfway between 10 and 100. 98th percentile by linear
    # interpolation: position 0.98 x 3 = 2.94, 100 + 0.94 x 900 = 946.
    assert histogram.quantiles == pytest.approx((55.0, 946.0), rel=1e-12)


def test_log_histogram_edges_have_a_constant_ratio():
    values = np.array([0.002, 0.5, 3.0, 17.0, 250.0])
    histogram = log_histogram(values, edges=60, quantiles=(0.5,))
    edges = histogram.edges
    assert edges.size == 60
    assert edges[0] == pytest.approx(0.002) and edges[-1] == pytest.approx(250.0)
    ratio = (250.0 / 0.002) ** (1 / 59)
    assert edges[1:] / edges[:-1] == pytest.approx(np.full(59, ratio), rel=1e-10)
    assert histogram.quantiles == (3.0,)


def test_log_histogram_needs_two_different_positive_values():
    assert log_histogram([0.0, -1.0, np.nan]) is None
    assert log_histogram([2.0, 2.0, 0.0]) is None


# ------------------------------------------------------------------ ranges ----------------


def test_min_median_max():
    values = np.array([[4.0, np.nan, 1.0], [1000.0, 2.0, np.inf]])
    # Finite values 1, 2, 4, 1000: the median is (2 + 4) / 2.
    assert min_median_max(values) == (1.0, 3.0, 1000.0)
    assert min_median_max([5.0, 1.0, 3.0]) == (1.0, 3.0, 5.0)
    assert min_median_max(np.array([np.nan])) is None


# ------------------------------------------------------------------ key areas -------------


def test_key_area_totals_by_hand():
    # Kind 2 (barriers) and kind 4 (corridors, with lengths), out of order in the table.
    kinds = [4, 2, 2, 4, 2, 4]
    levels = [1, 2, 2, 1, 1, 3]
    areas = [1.0, 0.5, 0.25, 2.0, None, 4.0]
    lengths = [3.0, None, None, float("nan"), None, 1.5]
    totals = key_area_totals(kinds, levels, areas, lengths)
    # Groups by (kind, level): (2, 1): row 4; (2, 2): rows 1, 2; (4, 1): rows 0, 3;
    # (4, 3): row 5.
    assert totals.kind.tolist() == [2, 2, 4, 4]
    assert totals.level.tolist() == [1, 2, 1, 3]
    assert totals.count.tolist() == [1, 2, 2, 1]
    assert totals.area.tolist() == [0.0, 0.75, 3.0, 4.0]
    length = totals.length.tolist()
    assert math.isnan(length[0]) and math.isnan(length[1])
    assert length[2:] == [3.0, 1.5]  # the NaN of row 3 adds nothing
    assert totals.first.tolist() == [4, 1, 0, 5]


def test_key_area_totals_match_a_loop_over_the_rows():
    generator = random.Random(3)
    n = 40
    kinds = [generator.choice([1, 2, 3, 4]) for _ in range(n)]
    levels = [generator.choice([1, 2, 3]) for _ in range(n)]
    areas = [generator.uniform(0, 5) for _ in range(n)]
    lengths = [generator.choice([None, generator.uniform(0, 9)]) for _ in range(n)]
    groups = {}
    for row in range(n):
        entry = groups.setdefault((kinds[row], levels[row]), [0, 0.0, None, row])
        entry[0] += 1
        entry[1] += areas[row]
        if lengths[row] is not None:
            entry[2] = (entry[2] or 0.0) + lengths[row]
    totals = key_area_totals(kinds, levels, areas, lengths)
    keys = list(zip(totals.kind.tolist(), totals.level.tolist()))
    assert keys == sorted(groups)
    for index, key in enumerate(keys):
        count, area, length, first = groups[key]
        assert totals.count[index] == count and totals.first[index] == first
        assert totals.area[index] == area  # the same order of additions: equal, not close
        if length is None:
            assert math.isnan(totals.length[index])
        else:
            assert totals.length[index] == length


def test_key_area_totals_need_one_entry_per_area():
    with pytest.raises(EspInputError):
        key_area_totals([1, 2], [1, 1], [1.0], [None, None])
    empty = key_area_totals([], [], [], [])
    assert empty.kind.size == 0 and empty.area.size == 0


def test_corridor_width_of_a_straight_strip():
    """A strip five cells wide with its path along the middle is five cells wide."""
    inside = np.zeros((21, 30), dtype=bool)
    inside[8:13, :] = True  # rows 8..12
    labels = np.zeros(inside.shape, dtype=np.int32)
    labels[10, 5:25] = 3
    on_path = labels > 0
    width, cells = path_widths(inside, on_path, labels, (100.0, 100.0), 4)
    assert cells[3] == 20 and width[3] == pytest.approx(500.0)
    inside[8:13, 10:20] = False
    inside[9:12, 10:20] = True  # narrower, three cells, along half the path
    width, _ = path_widths(inside, on_path, labels, (100.0, 50.0), 4)
    # By brute force: each path cell's distance to the nearest cell outside.
    outside = np.argwhere(~inside) * (100.0, 50.0)
    path = np.argwhere(on_path) * (100.0, 50.0)
    nearest = np.sqrt(((path[:, None, :] - outside[None, :, :]) ** 2).sum(axis=2)).min(axis=1)
    cell = math.sqrt(100.0 * 50.0)
    assert width[3] == pytest.approx(np.mean(np.maximum(2 * nearest - cell, 0)))
