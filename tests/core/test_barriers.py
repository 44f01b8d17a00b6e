"""Barrier Mapper: improvement scores against a wall of known resistance and width.

The landscape: two sources filling the first and last two columns of a 9 x 60 grid (cell
10 map units), resistance 1 except a wall of ``w`` columns of resistance ``R``. The CWD
rasters come from a small heapq Dijkstra written here (8 neighbours, step = cell x mean
resistance, x sqrt 2 diagonally) and are checked against the hand formula; since nothing
varies along a column, CWD grows with the distance from the source, so the annulus minimum
of CWD_A is at its leftmost cell (column p - k) and that of CWD_B at its rightmost
(p + k): the expected score is computed from that alone, and at the wall centre it is the
wall's extra cost w (R - 1) cell divided by the diameter 2r.
"""

import heapq
import math

import numpy as np
import pytest
from progress_helpers import CancelAfter

from espcore import Cancelled, EspInputError
from espcore.corridors.barriers import (
    ESP_EARLIER,
    annulus,
    barrier_scores,
    disc,
    improvement_score,
    radii_range,
)

CELL = 10.0
ROWS, COLS = 9, 60
# The hand values of the tests below (up to the radii) are those of ESP Toolkit's earlier
# semantics, kept as an option: a ring one cell wide, 0 where restoring does not help.
# Linkage Mapper's semantics (the default) is tested in test_barrier_semantics.py.
EARLIER = {"semantics": ESP_EARLIER}


def resistance(wall_start, width, value):
    res = np.ones((ROWS, COLS))
    res[:, wall_start:wall_start + width] = value
    return res


def dijkstra(res, sources):
    """Cost-weighted distance from the True cells of ``sources`` (brute force, heapq)."""
    dist = np.full(res.shape, np.inf)
    heap = []
    for i, j in zip(*np.nonzero(sources)):
        dist[i, j] = 0.0
        heap.append((0.0, int(i), int(j)))
    heapq.heapify(heap)
    while heap:
        d, i, j = heapq.heappop(heap)
        if d > dist[i, j]:
            continue
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                ni, nj = i + di, j + dj
                if (di or dj) and 0 <= ni < res.shape[0] and 0 <= nj < res.shape[1]:
                    step = CELL * (res[i, j] + res[ni, nj]) / 2 * (math.hypot(di, dj))
                    if d + step < dist[ni, nj]:
                        dist[ni, nj] = d + step
                        heapq.heappush(heap, (d + step, ni, nj))
    return dist


def source_masks():
    a = np.zeros((ROWS, COLS), dtype=bool)
    b = np.zeros((ROWS, COLS), dtype=bool)
    a[:, :2] = True
    b[:, -2:] = True
    return a, b


def link(wall_start, width, value):
    """(cwd_a, cwd_b, lcd) for a wall, CWD by Dijkstra, LCD by hand."""
    res = resistance(wall_start, width, value)
    in_a, in_b = source_masks()
    cwd_a, cwd_b = dijkstra(res, in_a), dijkstra(res, in_b)
    # Hand formula per column: cell x (sum of resistances between - half of both ends).
    r = res[0]
    hand_a = np.array([CELL * (r[1:j + 1].sum() - (r[1] + r[j]) / 2) if j >= 1 else 0.0
                       for j in range(COLS)])
    np.testing.assert_allclose(cwd_a, np.broadcast_to(hand_a, cwd_a.shape), atol=1e-9)
    lcd = CELL * ((COLS - 3) + width * (value - 1))
    assert np.min(cwd_a + cwd_b) == pytest.approx(lcd)
    return cwd_a, cwd_b, lcd


def expected(cwd_a, cwd_b, lcd, radius, restored=1.0, percent=False):
    """Score from the leftmost / rightmost annulus columns (monotone CWD), NaN off-range."""
    k = int(radius // CELL)
    out = np.full((ROWS, COLS), np.nan)
    for p in range(k, COLS - k):
        value = (lcd - cwd_a[0, p - k] - cwd_b[0, p + k] - 2 * radius * restored) / (2 * radius)
        value = max(value, 0.0)
        out[:, p] = 100 * value / lcd if percent else value
    return out


@pytest.fixture(scope="module")
def wall():
    return link(29, 3, 6.0)  # wall columns 29-31, extra cost 3 x 5 x 10 = 150


@pytest.fixture(scope="module")
def wall2():
    return link(34, 1, 21.0)  # wall column 34, extra cost 1 x 20 x 10 = 200


def test_annulus_footprints_by_hand():
    cross = np.array([[0, 1, 0], [1, 0, 1], [0, 1, 0]], dtype=bool)
    np.testing.assert_array_equal(annulus(10, CELL, **EARLIER), cross)  # (0, 1] cells
    ring = np.ones((3, 3), dtype=bool)
    ring[1, 1] = False
    # (0.5, 1.5]: the 8 neighbours
    np.testing.assert_array_equal(annulus(15, CELL, **EARLIER), ring)
    two = np.zeros((5, 5), dtype=bool)  # (1, 2]: distance 2 and the diagonals (sqrt 2)
    for i, j in [(0, 2), (4, 2), (2, 0), (2, 4), (1, 1), (1, 3), (3, 1), (3, 3)]:
        two[i, j] = True
    np.testing.assert_array_equal(annulus(20, CELL, **EARLIER), two)
    three = annulus(30, CELL, **EARLIER)  # (2, 3]: (0, 3) x 4, (1, 2) x 8, (2, 2) x 4
    assert three.shape == (7, 7) and three.sum() == 16
    assert three[3, 0] and three[2, 1] and three[1, 1] and not three[3, 1] and not three[2, 0]
    d = disc(20, CELL)  # distance <= 2 cells: 13 cells
    assert d.shape == (5, 5) and d.sum() == 13 and d[2, 2] and not d[1, 0]


@pytest.mark.parametrize("radius, hand", [(50, 150 / 100), (30, 150 / 60), (20, 150 / 40),
                                          (10, (2 * 60 - 20) / 20)])
def test_score_at_wall_centre_is_wall_cost_saved_per_unit(wall, radius, hand):
    # radius 10 (one cell): the annulus ends on the wall's outer columns, so only the
    # centre-to-edge steps (2 x 6 x 10 = 120) are saved against 20.
    score = improvement_score(*wall, radius=radius, cell_size=CELL, **EARLIER)
    np.testing.assert_allclose(score[:, 30], hand, rtol=1e-12)


@pytest.mark.parametrize("radius", [10, 20, 25, 50])
def test_score_everywhere_matches_brute_force(wall, radius):
    score = improvement_score(*wall, radius=radius, cell_size=CELL, **EARLIER)
    want = expected(*wall, radius)
    inside = ~np.isnan(want)
    np.testing.assert_allclose(score[inside], want[inside], atol=1e-12)
    assert np.all(score >= 0)


def test_zero_away_from_wall(wall):
    score = improvement_score(*wall, radius=50, cell_size=CELL, **EARLIER)
    # Windows [p - 5, p + 5] that do not reach the wall (29-31) save nothing.
    far = [c for c in range(COLS) if c + 5 < 29 or c - 5 > 31]
    assert far and np.all(np.abs(score[:, far]) < 1e-12)
    assert np.all(score[:, 25:36] > 0)


def test_restored_resistance(wall):
    # Crossing the disc costs 2r x 0.5 = 50 instead of 100: (150 + 100 - 50) / 100.
    score = improvement_score(*wall, radius=50, cell_size=CELL, **EARLIER, restored=0.5)
    np.testing.assert_allclose(score[:, 30], 2.0, rtol=1e-12)
    want = expected(*wall, 50, restored=0.5)
    inside = ~np.isnan(want)
    np.testing.assert_allclose(score[inside], want[inside], atol=1e-12)


def test_percent(wall):
    lcd = 10 * (57 + 15)
    assert wall[2] == pytest.approx(lcd)
    score = improvement_score(*wall, radius=50, cell_size=CELL, **EARLIER, percent=True)
    np.testing.assert_allclose(score[:, 30], 100 * 1.5 / lcd, rtol=1e-12)
    want = expected(*wall, 50, percent=True)
    inside = ~np.isnan(want)
    np.testing.assert_allclose(score[inside], want[inside], atol=1e-12)


def test_source_cells_are_nodata(wall):
    in_a, in_b = source_masks()
    mask = in_a | in_b
    score = improvement_score(*wall, radius=20, cell_size=CELL, **EARLIER, source_mask=mask)
    assert np.all(np.isnan(score[mask])) and np.all(np.isfinite(score[~mask]))
    result = barrier_scores([wall], radii=[20, 30], cell_size=CELL, **EARLIER, source_mask=mask)
    for raster in [result.score, result.circles, *result.by_radius.values(),
                   *result.circles_by_radius.values()]:
        assert np.all(np.isnan(raster[mask])) and np.all(np.isfinite(raster[~mask]))


def test_nan_cwd_is_nodata_and_ignored_by_neighbours(wall):
    cwd_a = wall[0].copy()
    cwd_a[4, 20] = np.nan
    score = improvement_score(cwd_a, wall[1], wall[2], radius=50, cell_size=CELL, **EARLIER)
    assert np.isnan(score[4, 20]) and np.isnan(score).sum() == 1
    np.testing.assert_allclose(score[4, 30], 1.5, rtol=1e-12)
    assert not np.isnan(wall[0]).any()  # input not modified


def test_cwd_threshold(wall):
    # CWD_A(25) = 240 and CWD_B(35) = 230 are the annulus minima at column 30 (radius 5
    # cells). A threshold of 241 keeps both: 1.5. At 240, CWD values >= 240 are ignored, which
    # removes every cell of A's annulus (columns 25-35, CWD >= 240): no path, score 0.
    assert wall[0][4, 25] == pytest.approx(240) and wall[1][4, 35] == pytest.approx(230)
    kept = improvement_score(*wall, radius=50, cell_size=CELL, **EARLIER, cwd_threshold=241)
    assert kept[4, 30] == pytest.approx(1.5)
    cut = improvement_score(*wall, radius=50, cell_size=CELL, **EARLIER, cwd_threshold=240)
    assert cut[4, 30] == 0.0
    # Threshold 235 removes only A's side (B's minimum 230 stays): still no path.
    assert improvement_score(*wall, radius=50, cell_size=CELL, **EARLIER,
                             cwd_threshold=235)[4, 30] == 0


def test_max_and_sum_across_links(wall, wall2):
    r = 50
    e1, e2 = expected(*wall, r), expected(*wall2, r)
    inside = ~np.isnan(e1)
    # Column 32: both walls inside [27, 37]: link 1 saves 150, link 2 saves 200.
    assert e1[0, 32] == pytest.approx(1.5) and e2[0, 32] == pytest.approx(2.0)
    best = barrier_scores([wall, wall2], radii=[r], cell_size=CELL, **EARLIER)
    total = barrier_scores([wall, wall2], radii=[r], cell_size=CELL, **EARLIER, combine="sum")
    assert best.score[0, 32] == pytest.approx(2.0)
    assert total.score[0, 32] == pytest.approx(3.5)
    np.testing.assert_allclose(best.score[inside], np.maximum(e1, e2)[inside], atol=1e-12)
    np.testing.assert_allclose(total.score[inside], (e1 + e2)[inside], atol=1e-12)
    np.testing.assert_allclose(best.by_radius[50.0], best.score)


def test_shared_source_array_is_reused_correctly(wall):
    # The same CWD objects in two links (cached filter) give twice the single-link sum.
    single = barrier_scores([wall], radii=[30], cell_size=CELL, **EARLIER).score
    twice = barrier_scores([wall, wall], radii=[30], cell_size=CELL, **EARLIER, combine="sum").score
    copies = [tuple(np.copy(x) if isinstance(x, np.ndarray) else x for x in wall)] * 2
    again = barrier_scores(copies, radii=[30], cell_size=CELL, **EARLIER, combine="sum").score
    want = 2 * expected(*wall, 30)
    inside = ~np.isnan(want)
    np.testing.assert_allclose(twice[inside], want[inside], atol=1e-12)
    np.testing.assert_allclose(twice, again, atol=1e-12)
    np.testing.assert_allclose(twice, 2 * single, atol=1e-12)


def test_across_radii_and_circles(wall):
    result = barrier_scores([wall], radii=[50, 20], cell_size=CELL, **EARLIER)
    assert result.radii == (20.0, 50.0)
    assert result.score[0, 30] == pytest.approx(max(150 / 40, 150 / 100))
    summed = barrier_scores([wall], radii=[20, 50], cell_size=CELL, **EARLIER, combine_radii="sum")
    assert summed.score[0, 30] == pytest.approx(150 / 40 + 150 / 100)
    # Circles: brute-force maximum of the centres within 2 cells (distance <= radius).
    centres = result.by_radius[20.0]
    circles = np.full(centres.shape, -np.inf)
    for i in range(ROWS):
        for j in range(COLS):
            for ii in range(ROWS):
                for jj in range(COLS):
                    if math.hypot(i - ii, j - jj) <= 2 + 1e-9:
                        circles[i, j] = max(circles[i, j], centres[ii, jj])
    np.testing.assert_allclose(result.circles_by_radius[20.0], circles, atol=1e-12)
    np.testing.assert_allclose(
        result.circles, np.fmax(result.circles_by_radius[20.0], result.circles_by_radius[50.0]))
    assert result.circles[0, 28] == pytest.approx(150 / 40)  # within 2 cells of column 30


def test_radii_range():
    assert radii_range(400, 1200, 400) == [400, 800, 1200]
    assert radii_range(400, 1000, 400) == [400, 800]
    assert radii_range(400, 1200, 0) == [400]
    assert radii_range(400, 400, 100) == [400]
    assert radii_range(1, 1.3, 0.1) == pytest.approx([1, 1.1, 1.2, 1.3])
    for bad in [(10, 5, 1), (0, 5, 1), (5, 10, -1), (5, math.inf, 1)]:
        with pytest.raises(EspInputError):
            radii_range(*bad)


def test_errors(wall):
    with pytest.raises(EspInputError, match="at least one cell"):
        annulus(5, CELL)
    with pytest.raises(EspInputError, match="at least one cell"):
        improvement_score(*wall, radius=9.9, cell_size=CELL)
    with pytest.raises(EspInputError, match="at least one cell"):
        barrier_scores([wall], radii=[20, 5], cell_size=CELL)
    with pytest.raises(EspInputError, match="'mean'"):
        barrier_scores([wall], radii=[20], cell_size=CELL, combine="mean")
    with pytest.raises(EspInputError, match="radii"):
        barrier_scores([wall], radii=[20], cell_size=CELL, combine_radii="min")
    with pytest.raises(EspInputError, match="no links"):
        barrier_scores([], radii=[20], cell_size=CELL)
    with pytest.raises(EspInputError, match="radius"):
        barrier_scores([wall], radii=[], cell_size=CELL)
    with pytest.raises(EspInputError, match="least-cost distance"):
        improvement_score(wall[0], wall[1], math.inf, radius=20, cell_size=CELL)
    with pytest.raises(EspInputError, match="one grid"):
        improvement_score(wall[0], wall[1][:, 1:], wall[2], radius=20, cell_size=CELL)
    with pytest.raises(EspInputError, match="one grid"):
        improvement_score(*wall, radius=20, cell_size=CELL,
                          source_mask=np.zeros((2, 2), dtype=bool))
    with pytest.raises(EspInputError, match="restored"):
        improvement_score(*wall, radius=20, cell_size=CELL, restored=-1)


def test_progress_and_cancel(wall, wall2):
    recorder = CancelAfter(10 ** 6)
    barrier_scores([wall, wall2], radii=[20, 30], cell_size=CELL, progress=recorder)
    assert recorder.fractions == pytest.approx([0.25, 0.5, 0.75, 1.0])
    with pytest.raises(Cancelled):
        barrier_scores([wall, wall2], radii=[20, 30], cell_size=CELL, progress=CancelAfter(2))


@pytest.mark.parametrize("radius", [10, 25, 45, 80])
def test_circles_match_generic_focal_maximum(radius):
    # The circles use a row-segment decomposition; scipy's generic footprint filter is the
    # reference (NaN cells are ignored, so they enter it as -inf).
    from scipy.ndimage import maximum_filter

    from espcore.corridors.barriers import _focal_max

    rng = np.random.default_rng(3)
    values = rng.random((23, 31))
    values[rng.random(values.shape) < 0.2] = np.nan
    values[:, :3] = np.nan
    footprint = disc(radius, CELL)
    want = maximum_filter(np.where(np.isnan(values), -np.inf, values), footprint=footprint,
                          mode="constant", cval=-np.inf)
    want[np.isneginf(want)] = np.nan
    np.testing.assert_array_equal(_focal_max(values, footprint), want)
