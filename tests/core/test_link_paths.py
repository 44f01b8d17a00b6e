"""What the corridor tools read off a link: the vertices of its least-cost path and whether
its recorded CW_Dist still matches the resistance; values by hand."""

import numpy as np

from espcore.corridors.corridors import cost_mismatch
from espcore.corridors.costdistance import path_vertices


def test_path_vertices_keep_the_turning_points():
    cells = np.array([(0, 0), (0, 1), (0, 2), (1, 3), (2, 4), (2, 5)])
    # Steps: right, right, down-right, down-right, right: turns at cells 2 and 4.
    vertices = path_vertices(cells, (100.0, 10.0, 0.0, 500.0, 0.0, -10.0))
    assert vertices.tolist() == [[105.0, 495.0], [125.0, 495.0], [145.0, 475.0],
                                 [155.0, 475.0]]
    # Without a geotransform: cell (r, c) at (c + 0.5, -(r + 0.5)).
    assert path_vertices(cells[:2]).tolist() == [[0.5, -0.5], [1.5, -0.5]]
    assert path_vertices(cells[:1]).shape == (0, 2)


def test_cost_mismatch_relative_to_the_recomputed_cost():
    recorded = [100.0, 100.05, 100.2, np.nan, 50.0]
    recomputed = [100.0, 100.0, 100.0, 10.0, np.inf]
    # 0.05 is within 1e-3 x 100 = 0.1, 0.2 is not; unknown or unconnected costs never differ.
    assert cost_mismatch(recorded, recomputed).tolist() == [False, False, True, False, False]
    assert cost_mismatch(recorded, recomputed, rtol=1e-4).tolist() == \
        [False, True, True, False, False]
