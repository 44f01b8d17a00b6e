"""Current-flow centrality on sources named by their ids, worked out by hand with the
module's formula node_cf = (sum of link_cf at the node + (m - 1)) / 2."""

import numpy as np
import pytest

from espcore import EspInputError
from espcore.corridors.centrality import source_centrality


def test_path_of_three_sources_named_by_ids():
    # Links 30-10 and 10-20 of unit resistance: the path 30 - 10 - 20, each link carries
    # 2 A summed over the three pairs; source 40 has no link.
    central = source_centrality([30, 10], [10, 20], [1.0, 1.0], others=[40, 10])
    assert central.ids.tolist() == [10, 20, 30, 40]
    assert central.link.tolist() == pytest.approx([2.0, 2.0])
    # 10: (2 + 2 + 2) / 2 = 3; 20 and 30: (2 + 2) / 2 = 2; 40 alone: 0.
    assert central.node.tolist() == pytest.approx([3.0, 2.0, 2.0, 0.0])


def test_a_star_whatever_its_resistances_and_errors_pass_through():
    # On a tree every pair's 1 A takes the only path whatever the resistances. A star of
    # centre 7 and leaves 1, 2, 3: a leaf's link carries the pair (leaf, centre) and the two
    # pairs (leaf, other leaf): 3 A.
    central = source_centrality([7, 7, 7], [1, 2, 3], [5.0, 1.0, 2.0])
    assert central.link.tolist() == pytest.approx([3.0, 3.0, 3.0])
    # Centre: (3 x 3 + 3) / 2 = 6; leaves (3 + 3) / 2 = 3.
    assert central.ids.tolist() == [1, 2, 3, 7]
    assert central.node.tolist() == pytest.approx([3.0, 3.0, 3.0, 6.0])
    with pytest.raises(EspInputError, match="resistance"):
        source_centrality([1], [2], [0.0])
    empty = source_centrality([], [], [])
    assert empty.ids.size == empty.node.size == empty.link.size == 0
    assert isinstance(empty.ids, np.ndarray)
