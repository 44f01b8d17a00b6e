"""Barrier Mapper's inputs and outputs around the scores: the links' CWD surfaces and LCDs,
and the summary numbers of a score raster.

The CWD values are worked out by hand on a one-row strip (step cost = cell x mean of the
two resistances); the percentiles by linear interpolation written out here.
"""

import math

import numpy as np
import pytest
from progress_helpers import CancelAfter

from espcore import Cancelled, EspInputError
from espcore.corridors.barriers import (
    BarrierResult,
    barrier_links,
    positive_scores,
    stretch_limit,
)

INF, NAN = math.inf, math.nan


def strip():
    """One row of 7 cells of 10 map units: source 1 at cell 0, source 2 at cell 4, NoData at
    cell 5, source 3 at cell 6 behind it; resistance 3 at cell 2, 1 elsewhere."""
    labels = np.array([[1, 0, 0, 0, 2, 0, 3]])
    resistance = np.array([[1.0, 1.0, 3.0, 1.0, 1.0, -9999.0, 1.0]])
    nodata = np.array([[False] * 5 + [True, False]])
    return labels, resistance, nodata


def test_cwd_surfaces_and_least_cost_distances_by_hand():
    labels, resistance, nodata = strip()
    links = barrier_links(labels, resistance, impassable=nodata, cell_size=(10.0, 10.0),
                          pairs=[(1, 2), (2, 3), (2, 1)])
    (a, b, lcd), (b2, c, lcd_bc), (b3, a3, lcd_ba) = links
    # From source 1: 10 x (1 + 1) / 2 = 10, then 10 x (1 + 3) / 2 = 20 more, 20, 10.
    np.testing.assert_array_equal(a, [[0, 10, 30, 50, 60, NAN, INF]])
    np.testing.assert_array_equal(b, [[60, 50, 30, 10, 0, NAN, INF]])
    assert lcd == 60.0
    # Source 3 lies behind the NoData cell: no path.
    np.testing.assert_array_equal(c, [[INF, INF, INF, INF, INF, NAN, 0]])
    assert lcd_bc == INF
    # One array per source, shared by its links (the scores filter it once per radius).
    assert b2 is b and b3 is b and a3 is a
    assert lcd_ba == 60.0


def test_non_finite_resistance_is_impassable_too():
    labels, resistance, nodata = strip()
    resistance[0, 2] = np.nan
    (a, b, lcd), = barrier_links(labels, resistance, impassable=nodata,
                                 cell_size=(10.0, 10.0), pairs=[(1, 2)])
    # The NaN cell cuts the strip between sources 1 and 2.
    np.testing.assert_array_equal(a, [[0, 10, NAN, INF, INF, NAN, INF]])
    assert lcd == INF


def test_progress_per_source_and_cancellation():
    labels, resistance, nodata = strip()
    progress = CancelAfter(100)
    barrier_links(labels, resistance, impassable=nodata, cell_size=(10.0, 10.0),
                  pairs=[(1, 2), (2, 3)], progress=progress)
    # Three sources: each search ends on a third.
    for done in (1 / 3, 2 / 3, 1.0):
        assert done in progress.fractions
    with pytest.raises(Cancelled):
        barrier_links(labels, resistance, impassable=nodata, cell_size=(10.0, 10.0),
                      pairs=[(1, 2)], progress=CancelAfter(0))
    with pytest.raises(EspInputError, match="Source 9"):
        barrier_links(labels, resistance, impassable=nodata, cell_size=(10.0, 10.0),
                      pairs=[(1, 9)])


def test_score_summaries():
    score = np.array([[NAN, 0.0, 1.0], [2.0, 3.0, -1.0]])
    np.testing.assert_array_equal(positive_scores(score),
                                  [[False, False, True], [True, True, False]])
    # Positive scores 1, 2, 3: the p-th percentile is 1 + (p / 100) x 2 (linear).
    assert stretch_limit(score) == pytest.approx(1 + 0.98 * 2)
    assert stretch_limit(score, 50.0) == 2.0
    assert BarrierResult(score=score).max_score == 3.0
    nothing = np.array([[0.0, NAN]])
    assert stretch_limit(nothing) == 1.0
    assert BarrierResult(score=nothing).max_score == 0.0
