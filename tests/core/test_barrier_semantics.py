"""Barrier Mapper: Linkage Mapper's semantics (the default) against ESP Toolkit's earlier one.

Every expected value is computed by hand in the comments: the CWD rasters are written out
column by column (cell 30 m, step cost = 30 x mean resistance of the two cells), and the
score is IS = (LCD - m_A - m_B - 2r) / 2r with the minima taken on the ring by hand.
"""

import math

import numpy as np
import pytest

from espcore import EspInputError
from espcore.corridors.barriers import (
    ESP_EARLIER,
    LINKAGE_MAPPER,
    annulus,
    barrier_scores,
    improvement_score,
    positive_scores,
    radii_range,
    scorable_radii,
)

CELL = 30.0
R = 60.0  # two cells: the ring's inner radius is 59 m (Linkage Mapper) or 30 m (earlier)
NAN = math.nan


def test_ring_of_60_m_on_30_m_cells():
    # Linkage Mapper: centres at a distance in (59, 60] m: only the 4 cells 2 cells away
    # along the axes (60 m); the diagonal neighbours (42.4 m) and the knight's cells
    # (67.1 m) are not on it.
    ring = annulus(R, CELL)
    want = np.zeros((5, 5), dtype=bool)
    want[0, 2] = want[4, 2] = want[2, 0] = want[2, 4] = True
    np.testing.assert_array_equal(ring, want)
    # Earlier: (30, 60] m adds the 4 diagonal neighbours (42.4 m); the axis neighbours
    # (30 m) stay out.
    earlier = annulus(R, CELL, semantics=ESP_EARLIER)
    want[1, 1] = want[1, 3] = want[3, 1] = want[3, 3] = True
    np.testing.assert_array_equal(earlier, want)
    # On 1 m cells both rings are one cell wide, so they agree.
    np.testing.assert_array_equal(annulus(3, 1.0), annulus(3, 1.0, semantics=ESP_EARLIER))


def test_ring_radius_changes_the_score():
    # 7 x 7 cells, centre (3, 3). CWD 1000 everywhere except: to A, 200 at (3, 1) (60 m
    # west, on both rings) and 100 at (2, 2) (42.4 m north-west, on the earlier ring only);
    # to B, 200 at (3, 5) (60 m east). LCD 600, r 60 m, 2r = 120.
    cwd_a = np.full((7, 7), 1000.0)
    cwd_b = np.full((7, 7), 1000.0)
    cwd_a[3, 1] = 200.0
    cwd_a[2, 2] = 100.0
    cwd_b[3, 5] = 200.0
    lm = improvement_score(cwd_a, cwd_b, 600.0, radius=R, cell_size=CELL)
    earlier = improvement_score(cwd_a, cwd_b, 600.0, radius=R, cell_size=CELL,
                                semantics=ESP_EARLIER)
    # Linkage Mapper: m_A = 200, m_B = 200: (600 - 200 - 200 - 120) / 120 = 2/3.
    assert lm[3, 3] == pytest.approx(2.0 / 3.0, rel=1e-12)
    # Earlier: m_A = 100 (the diagonal): (600 - 100 - 200 - 120) / 120 = 1.5.
    assert earlier[3, 3] == pytest.approx(1.5, rel=1e-12)
    # Corner (0, 0): every ring value is 1000, IS = (600 - 2000 - 120) / 120 < 0: restoring
    # does not help there. Linkage Mapper writes NoData, the earlier semantics 0.
    assert math.isnan(lm[0, 0]) and earlier[0, 0] == 0.0
    # Only the centre helps under Linkage Mapper (every other cell has a ring minimum of
    # 1000 on at least one side, or misses both low cells).
    assert positive_scores(lm).sum() == 1 and np.isnan(lm).sum() == 48


def strip():
    """5 x 9 cells of 30 m; source A = columns 0-1, source B = columns 7-8; resistance 1
    except column 3 (11). The CWD per column, by hand (horizontal steps, 30 x mean):

    col     0    1    2    3    4    5    6    7    8
    CWD_A   0    0   30  210  390  420  450  480  510
    CWD_B 510  480  450  270   90   60   30    0    0

    (30 + 30 x (1 + 11) / 2 = 210, 210 + 180 = 390, ...). LCD = 480 (CWD_A at B's edge).
    """
    cwd_a = np.array([0, 0, 30, 210, 390, 420, 450, 480, 510], dtype=float)
    cwd_b = cwd_a[::-1].copy()
    cwd_b[3], cwd_b[4], cwd_b[5], cwd_b[6] = 270, 90, 60, 30
    cwd_b[:3] = [510, 480, 450]
    grid_a = np.broadcast_to(cwd_a, (5, 9)).copy()
    grid_b = np.broadcast_to(cwd_b, (5, 9)).copy()
    sources = np.zeros((5, 9), dtype=bool)
    sources[:, :2] = True
    sources[:, 7:] = True
    assert np.min(grid_a + grid_b) == 480.0
    return grid_a, grid_b, 480.0, sources


# Row of scores under Linkage Mapper's semantics (r = 60 m: ring = columns c - 2, c + 2 and
# column c two rows up or down; the CWD is constant down a column):
#   col 0: m_A 0, m_B min(450, 510) = 450: (480 - 450 - 120) / 120 < 0 -> NoData
#   col 1 (inside A): m_A 0, m_B min(270, 480) = 270: (480 - 270 - 120) / 120 = 0.75
#   col 2: m_A 0, m_B 90: 270 / 120 = 2.25
#   col 3 (the wall): m_A 0, m_B 60: 300 / 120 = 2.5 = the wall's extra cost 300 / 2r
#   col 4: m_A 30, m_B 30: 300 / 120 = 2.5
#   col 5: m_A 210, m_B 0: 150 / 120 = 1.25
#   col 6: m_A 390, m_B 0: -30 / 120 -> NoData
#   col 7 (inside B): m_A 420, m_B 0: -60 / 120 -> NoData
#   col 8 (inside B): m_A 450, m_B 0 -> NoData
LM_ROW = [NAN, 0.75, 2.25, 2.5, 2.5, 1.25, NAN, NAN, NAN]


def test_linkage_mapper_default_scores_cores_and_writes_nodata():
    a, b, lcd, _ = strip()
    result = barrier_scores([(a, b, lcd)], radii=[R], cell_size=CELL)
    want = np.broadcast_to(LM_ROW, (5, 9))
    np.testing.assert_allclose(result.score, want, rtol=1e-12)
    np.testing.assert_allclose(result.by_radius[R], want, rtol=1e-12)
    # The same through improvement_score and with the semantics named.
    np.testing.assert_allclose(
        improvement_score(a, b, lcd, radius=R, cell_size=CELL, semantics=LINKAGE_MAPPER),
        want, rtol=1e-12)
    assert result.max_score == pytest.approx(2.5)
    # Circles: the maximum of the centres within 60 m (2 columns along the row): column 0
    # takes columns 0-2 -> 2.25; column 6 takes 4-8 -> 2.5; column 8 takes 6-8 -> NoData.
    assert result.circles[2, 0] == pytest.approx(2.25)
    assert result.circles[2, 6] == pytest.approx(2.5)
    assert math.isnan(result.circles[2, 8])


def test_earlier_semantics_masks_cores_and_writes_zero():
    # Earlier ring (30, 60]: adds columns c - 1, c + 1 (diagonals); the CWD is monotone
    # along the row, so the minima are at the same columns as above except at the ends
    # of the grid, and IS <= 0 is 0. Sources masked as the earlier wrapper did.
    a, b, lcd, sources = strip()
    result = barrier_scores([(a, b, lcd)], radii=[R], cell_size=CELL, source_mask=sources,
                            semantics=ESP_EARLIER)
    want = [NAN, NAN, 2.25, 2.5, 2.5, 1.25, 0.0, NAN, NAN]
    np.testing.assert_allclose(result.score, np.broadcast_to(want, (5, 9)), rtol=1e-12)
    # Linkage Mapper's semantics with the same source mask: the core cell 1 is NoData,
    # column 6 is NoData rather than 0.
    masked = barrier_scores([(a, b, lcd)], radii=[R], cell_size=CELL, source_mask=sources)
    lm_masked = [NAN, NAN, 2.25, 2.5, 2.5, 1.25, NAN, NAN, NAN]
    np.testing.assert_allclose(masked.score, np.broadcast_to(lm_masked, (5, 9)), rtol=1e-12)


def test_sum_and_percent_keep_nodata_where_nothing_helps():
    a, b, lcd, _ = strip()
    # The same link twice, summed: twice each positive score, NoData where neither helps.
    total = barrier_scores([(a, b, lcd), (a, b, lcd)], radii=[R], cell_size=CELL,
                           combine="sum").score
    np.testing.assert_allclose(total, 2 * np.broadcast_to(LM_ROW, (5, 9)), rtol=1e-12)
    # Percent: 100 x IS / 480, e.g. 100 x 2.5 / 480 at the wall.
    pct = improvement_score(a, b, lcd, radius=R, cell_size=CELL, percent=True)
    np.testing.assert_allclose(pct, 100 * np.broadcast_to(LM_ROW, (5, 9)) / 480, rtol=1e-12)


def test_radius_whose_ring_holds_no_cell():
    # 100 m on 30 m cells: the ring (99, 100] m is (3.3, 3.33] cells; no cell centre lies
    # there (d^2 would be in (10.89, 11.11], and 11 is not a sum of two squares).
    a, b, lcd, _ = strip()
    assert not annulus(100, CELL).any()
    with pytest.raises(EspInputError, match="No cell centre"):
        improvement_score(a, b, lcd, radius=100, cell_size=CELL)
    # Alone it cannot be scored; the error proposes the nearest multiple of the cell size.
    with pytest.raises(EspInputError, match="No cell centre.*for example 90"):
        barrier_scores([(a, b, lcd)], radii=[100], cell_size=CELL)
    # Beside a radius with cells on its ring it is left out, as Barrier Mapper gets nothing
    # from it: the result is that of 60 m alone.
    assert scorable_radii([100, 60], CELL) == ([60.0], [100.0])
    both = barrier_scores([(a, b, lcd)], radii=[60, 100], cell_size=CELL)
    alone = barrier_scores([(a, b, lcd)], radii=[60], cell_size=CELL)
    np.testing.assert_array_equal(both.score, alone.score)
    # The earlier ring (70, 100] m holds cells; the score is finite or 0 everywhere.
    earlier = improvement_score(a, b, lcd, radius=100, cell_size=CELL, semantics=ESP_EARLIER)
    assert np.all(np.isfinite(earlier))
    with pytest.raises(EspInputError, match="semantics"):
        barrier_scores([(a, b, lcd)], radii=[60], cell_size=CELL, semantics="arcgis")


def test_a_radius_beyond_the_grid_is_refused_before_any_footprint():
    # The strip is 5 x 9 cells of 30 m: its diagonal is about 309 m. A 100 km radius would
    # need a footprint of (2 x 3333 + 1)^2 cells; it is refused at once.
    a, b, lcd, _ = strip()
    with pytest.raises(EspInputError, match="larger than the grid's diagonal \\(309"):
        barrier_scores([(a, b, lcd)], radii=[60, 100_000], cell_size=CELL)
    with pytest.raises(EspInputError, match="larger than the grid's diagonal"):
        improvement_score(a, b, lcd, radius=100_000, cell_size=CELL)


def test_a_step_that_makes_too_many_radii_is_refused():
    # 100 m to 10 km in 1 m steps: 9,901 passes over the grid, surely a typo.
    with pytest.raises(EspInputError, match="would be 9901 radii"):
        radii_range(100, 10_000, 1)
    assert len(radii_range(100, 10_000, 100)) == 100
