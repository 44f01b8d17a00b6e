"""The rank of the patches by dPC and the table of kept links, worked out by hand."""

import numpy as np
import pytest

from espcore.sources.connectivity import Importance, kept_links
from espcore.sources.patchdistance import Links


def importance(d_pc):
    n = len(d_pc)
    zeros = np.zeros(n)
    return Importance(np.arange(1, n + 1), zeros, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, n, 0,
                      zeros, zeros, zeros, zeros, np.asarray(d_pc, dtype=float), zeros, zeros,
                      zeros)


def test_rank_by_dpc_with_ties_in_patch_order():
    # dPC 5, 20, 5, 40: ranks 3, 2, 4, 1 (the first of the two 5s ranks higher).
    assert importance([5.0, 20.0, 5.0, 40.0]).rank.tolist() == [3, 2, 4, 1]
    assert importance([]).rank.size == 0


def test_kept_links_by_probability():
    links = Links(np.array([5, 7, 9]), np.array([0, 0, 1]), np.array([1, 2, 2]),
                  np.array([0.0, 1000.0, 3000.0]))
    # d0 = 1000 m at p0 = 0.5: p = 1, 0.5 and 0.125; 0.125 is below 0.2.
    table = kept_links(links, distance=1000.0, probability=0.5, min_probability=0.2)
    assert table.from_id.tolist() == [5, 5]
    assert table.to_id.tolist() == [7, 9]
    assert table.distance.tolist() == [0.0, 1000.0]
    assert table.probability.tolist() == pytest.approx([1.0, 0.5])
    everything = kept_links(links, distance=1000.0, probability=0.5)
    assert everything.to_id.tolist() == [7, 9, 9]
    assert everything.probability.tolist() == pytest.approx([1.0, 0.5, 0.125])
