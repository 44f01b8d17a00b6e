"""Class breaks: Jenks against a brute force over every set of breaks, quantile and equal
interval against hand-worked edges, ties, constant data, NoData, errors and cancellation."""

import itertools

import numpy as np
import pytest
from progress_helpers import CancelAfter

from espcore import Cancelled, EspInputError
from espcore import classify as classify_module
from espcore.classify import (
    class_breaks,
    classify,
    equal_interval_breaks,
    natural_breaks,
    quantile_breaks,
)


def sdcm(values, classes):
    """Sum of squared deviations from the class means (the Jenks objective)."""
    total = 0.0
    for k in np.unique(classes):
        part = values[classes == k]
        total += float(((part - part.mean()) ** 2).sum())
    return total


def brute_force(values, k):
    """Least SDCM and its edges over every split of the sorted values into k runs."""
    ordered = np.sort(np.asarray(values, dtype=float))
    n = ordered.size
    best, best_edges = np.inf, None
    for cuts in itertools.combinations(range(1, n), k - 1):
        bounds = (0,) + cuts + (n,)
        cost = sum(float(((ordered[lo:hi] - ordered[lo:hi].mean()) ** 2).sum())
                   for lo, hi in zip(bounds[:-1], bounds[1:]))
        if cost < best - 1e-12:
            best = cost
            best_edges = [ordered[0]] + [ordered[hi - 1] for hi in bounds[1:]]
    return best, np.array(best_edges)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("k", [2, 3, 4])
def test_jenks_matches_brute_force_on_continuous_data(seed, k):
    rng = np.random.default_rng(seed)
    values = rng.lognormal(size=12) * 10
    best, edges = brute_force(values, k)
    got = natural_breaks(values, k)
    np.testing.assert_allclose(got, edges, rtol=0, atol=0)
    assert sdcm(values, classify(values, got)) == pytest.approx(best, rel=1e-12, abs=1e-12)


@pytest.mark.parametrize("seed", range(4))
def test_jenks_with_ties_reaches_the_brute_force_optimum(seed):
    # Integers 0..5: many ties. The brute force may also split tied values; the optimum
    # never needs to, so the least SDCM must be reached with ties kept together.
    rng = np.random.default_rng(100 + seed)
    values = rng.integers(0, 6, size=12).astype(float)
    k = 3
    best, _ = brute_force(values, k)
    got = natural_breaks(values, k)
    classes = classify(values, got)
    assert len(got) == k + 1
    assert sdcm(values, classes) == pytest.approx(best, abs=1e-9)
    for v in np.unique(values):
        assert np.unique(classes[values == v]).size == 1


def test_jenks_hand_example():
    # Three tight groups far apart: the breaks fall between them.
    values = np.array([1.0, 2.0, 3.0, 20.0, 21.0, 22.0, 50.0, 51.0])
    np.testing.assert_array_equal(natural_breaks(values, 3), [1.0, 3.0, 22.0, 51.0])
    np.testing.assert_array_equal(classify(values, natural_breaks(values, 3)),
                                  [1, 1, 1, 2, 2, 2, 3, 3])


def test_jenks_sampling_rule():
    # 100 values, sample of 10: order statistics of ranks round(r * 99 / 9).
    rng = np.random.default_rng(7)
    values = rng.permutation(np.arange(100.0) ** 1.5)
    ordered = np.sort(values)
    sample = ordered[[0, 11, 22, 33, 44, 55, 66, 77, 88, 99]]
    _, expected = brute_force(sample, 3)
    got = natural_breaks(values, 3, max_sample=10)
    np.testing.assert_array_equal(got, expected)
    assert got[0] == values.min() and got[-1] == values.max()
    # At or under the sample size the data are classified exactly.
    _, exact = brute_force(values, 3)
    np.testing.assert_array_equal(natural_breaks(values, 3, max_sample=100), exact)


def test_jenks_small_blocks_give_the_same_answer(monkeypatch):
    rng = np.random.default_rng(3)
    values = rng.normal(size=11)
    _, expected = brute_force(values, 4)
    monkeypatch.setattr(classify_module, "_BLOCK", 5)
    np.testing.assert_array_equal(natural_breaks(values, 4), expected)


def test_quantile_by_hand():
    np.testing.assert_array_equal(quantile_breaks(np.arange(1.0, 9.0), 4), [1, 2, 4, 6, 8])
    # n = 10, N = 3: ranks ceil(10/3) = 4, ceil(20/3) = 7, 10.
    np.testing.assert_array_equal(quantile_breaks(np.arange(1.0, 11.0)[::-1], 3),
                                  [1, 4, 7, 10])
    classes = classify(np.arange(1.0, 9.0), quantile_breaks(np.arange(1.0, 9.0), 4))
    np.testing.assert_array_equal(classes, [1, 1, 2, 2, 3, 3, 4, 4])


def test_quantile_ranks_past_int32():
    # k n reaches 2.2e9 > 2**31 for the last classes: with numpy 1's int32 default (Windows)
    # the ranks wrapped. Value i sits at rank i + 1, so edge k is ceil(k n / N) - 1.
    n, classes = 2_200_000, 1_000
    edges = quantile_breaks(np.arange(float(n)), classes)
    k = np.arange(1, classes + 1)
    np.testing.assert_array_equal(edges, np.concatenate([[0.0], 2_200.0 * k - 1]))


def test_quantile_ties_merge_classes():
    # n = 9, N = 4: ranks 3, 5, 7, 9 -> values 0, 0, 1, 3; edges 0,0,0,1,3 -> 0,0,1,3.
    values = np.array([0, 0, 0, 0, 0, 0, 1, 2, 3], dtype=float)
    edges = quantile_breaks(values, 4)
    np.testing.assert_array_equal(edges, [0, 0, 1, 3])
    np.testing.assert_array_equal(classify(values, edges), [1, 1, 1, 1, 1, 1, 2, 3, 3])


def test_equal_interval_by_hand():
    values = np.array([[2.0, 10.0], [4.0, 4.5]])
    np.testing.assert_array_equal(equal_interval_breaks(values, 4), [2, 4, 6, 8, 10])
    edges = equal_interval_breaks(np.array([0.0, 1.0]), 3)
    assert edges[-1] == 1.0 and edges[1] == pytest.approx(1 / 3)
    # Upper bounds are inclusive: 4 is class 1, 4.5 class 2; empty classes are kept.
    np.testing.assert_array_equal(classify(values, [2, 4, 6, 8, 10]), [[1, 4], [1, 2]])


@pytest.mark.parametrize("function", [natural_breaks, quantile_breaks, equal_interval_breaks])
def test_constant_data_give_one_class(function):
    values = np.full((3, 4), 7.5)
    edges = function(values, 5)
    np.testing.assert_array_equal(edges, [7.5, 7.5])
    np.testing.assert_array_equal(classify(values, edges), np.ones((3, 4)))


def test_fewer_distinct_values_than_classes():
    values = np.array([1, 1, 5, 5, 5, 9], dtype=float)
    # Every distinct value its own class: 3 classes, not 5.
    np.testing.assert_array_equal(natural_breaks(values, 5), [1, 1, 5, 9])
    np.testing.assert_array_equal(classify(values, natural_breaks(values, 5)),
                                  [1, 1, 2, 2, 2, 3])
    np.testing.assert_array_equal(quantile_breaks(values, 5), [1, 1, 5, 9])
    # Equal intervals keep their N classes (2 and 4 are empty here).
    assert len(equal_interval_breaks(values, 5)) == 6


def test_nodata_is_left_out_and_classed_zero():
    values = np.array([[1.0, np.nan, 2.0], [np.inf, 10.0, 11.0], [-9999.0, 12.0, -np.inf]])
    mask = values == -9999.0
    kept = np.array([1.0, 2.0, 10.0, 11.0, 12.0])
    before = values.copy()
    for function in (natural_breaks, quantile_breaks, equal_interval_breaks):
        np.testing.assert_array_equal(function(values, 2, mask=mask), function(kept, 2))
    edges = natural_breaks(values, 2, mask=mask)
    np.testing.assert_array_equal(edges, [1, 2, 12])
    np.testing.assert_array_equal(classify(values, edges, mask=mask),
                                  [[1, 0, 1], [0, 2, 2], [0, 2, 0]])
    np.testing.assert_array_equal(values, before)
    assert classify(values, edges).dtype == np.int32


def test_values_outside_the_edges_fall_in_the_end_classes():
    np.testing.assert_array_equal(classify([-5.0, 0.0, 0.5, 1.0, 7.0], [0.0, 0.5, 1.0]),
                                  [1, 1, 1, 2, 2])


def test_class_breaks_dispatches():
    values = np.array([1.0, 2.0, 3.0, 20.0, 21.0, 50.0])
    np.testing.assert_array_equal(class_breaks(values, 2, method="quantile"),
                                  quantile_breaks(values, 2))
    np.testing.assert_array_equal(class_breaks(values, 2, method="equal"),
                                  equal_interval_breaks(values, 2))
    np.testing.assert_array_equal(class_breaks(values, 2), natural_breaks(values, 2))


@pytest.mark.parametrize("bad", [0, -1, 2.5, True, "3"])
def test_bad_class_count(bad):
    with pytest.raises(EspInputError, match="number of classes"):
        natural_breaks([1.0, 2.0], bad)


def test_errors():
    with pytest.raises(EspInputError, match="no valid values"):
        quantile_breaks([np.nan, np.inf], 2)
    with pytest.raises(EspInputError, match="no valid values"):
        equal_interval_breaks([1.0, 2.0], 2, mask=np.array([True, True]))
    with pytest.raises(EspInputError, match="mask"):
        natural_breaks([1.0, 2.0], 2, mask=np.array([True]))
    with pytest.raises(EspInputError, match="mask"):
        classify([1.0, 2.0], [0, 1], mask=np.array([0, 1]))
    with pytest.raises(EspInputError, match="Jenks sample"):
        natural_breaks([1.0, 2.0, 3.0], 3, max_sample=5)
    with pytest.raises(EspInputError, match="Unknown classification method"):
        class_breaks([1.0, 2.0], 2, method="pretty")
    for breaks in ([1.0], [2.0, 1.0], [0.0, np.nan]):
        with pytest.raises(EspInputError, match="increasing order"):
            classify([1.0], breaks)


def test_progress_and_cancellation():
    values = np.random.default_rng(0).normal(size=300)
    progress = CancelAfter(10_000)
    natural_breaks(values, 4, progress=progress)
    assert progress.fractions[-1] == 1.0
    assert all(0.0 <= f <= 1.0 for f in progress.fractions)
    assert progress.fractions == sorted(progress.fractions)
    with pytest.raises(Cancelled):
        natural_breaks(values, 4, progress=CancelAfter(0))
