"""Consumers of the barrier raster under Linkage Mapper's semantics: NoData where restoring
does not help, and scores inside the sources.

Restoration zoning's barrier key cells are taken outside the sources, and NoData never
becomes a key cell; the burden / benefit account counts NoData as no improvement (0).
Values by hand on small grids.
"""

import numpy as np
import pytest

from espcore import Grid
from espcore.zoning.collaboration import link_barrier_scores
from espcore.zoning.zones import zoning_elements

pytest.importorskip("scipy.ndimage")

NAN = np.nan


def test_zoning_barrier_key_cells_stay_outside_sources_and_skip_nodata():
    # 3 x 6 cells, source in column 0. Scores: 9 inside the source (scored by Linkage
    # Mapper's semantics), 4 and 5 at (1, 3) and (1, 4), NoData elsewhere (no help).
    # Threshold 4: the key cells are (1, 3) and (1, 4) only; limit 4.
    resistance = Grid.from_array(np.ones((3, 6), dtype=np.float32), cell_size=10.0)
    sources = np.zeros((3, 6), dtype=np.int32)
    sources[:, 0] = 1
    scores = np.full((3, 6), NAN)
    scores[1, 0], scores[1, 3], scores[1, 4] = 9.0, 4.0, 5.0
    found = zoning_elements(resistance, sources=sources,
                            barriers=Grid.from_array(scores, cell_size=10.0),
                            barrier_threshold=4.0)
    want = np.zeros((3, 6), dtype=bool)
    want[1, 3] = want[1, 4] = True
    np.testing.assert_array_equal(found.barriers, want)
    assert found.barrier_limit == 4.0
    # Natural breaks in 2 classes among the positive scores outside the source (4, 5):
    # the top class is {5}; the source's 9 does not enter the breaks.
    graded = zoning_elements(resistance, sources=sources,
                             barriers=Grid.from_array(scores, cell_size=10.0), classes=2)
    want[1, 3] = False
    np.testing.assert_array_equal(graded.barriers, want)
    assert graded.barrier_limit == 5.0


def test_account_counts_nodata_as_no_improvement():
    # One link on a 1 x 7 strip of 1 m cells (Linkage Mapper's ring of r = 1 m is the 4
    # axis neighbours). CWD_A = [0, 1, 2, 12, 13, 14, 15], CWD_B = [15, 14, 13, 3, 2, 1, 0]
    # (a wall at column 3), LCD 15. At column 3: m_A = 2 (column 2), m_B = 2 (column 4):
    # IS = (15 - 2 - 2 - 2) / 2 = 4.5. At column 1: m_A = 0, m_B = 13: (15 - 13 - 2) / 2 =
    # 0 -> NoData. Barrier patch 1 = column 3, patch 2 = column 1 (NoData): 4.5 and 0.
    cwd_a = np.array([[0, 1, 2, 12, 13, 14, 15]], dtype=float)
    cwd_b = np.array([[15, 14, 13, 3, 2, 1, 0]], dtype=float)
    labels = np.array([[0, 2, 0, 1, 0, 0, 0]])
    ids, scores = link_barrier_scores([(cwd_a, cwd_b, 15.0)], labels, radii=[1.0],
                                      cell_size=1.0)
    np.testing.assert_array_equal(ids, [1, 2])
    np.testing.assert_allclose(scores[:, 0], [4.5, 0.0])
