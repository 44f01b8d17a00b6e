"""The engine-order pieces of MSPA's connectors, on cases worked out by hand."""

import numpy as np

from espcore.sources.connectors import (
    constrained_distance,
    crossing_components,
    flood_labels,
    label_inside,
)


def test_distance_in_an_open_mask_is_the_straight_line():
    mask = np.zeros((9, 11), bool)
    mask[1:-1, 1:-1] = True
    seed = np.zeros_like(mask)
    seed[3, 4] = True
    rows, cols = np.mgrid[0:9, 0:11]
    expected = np.sqrt((rows - 3.0) ** 2 + (cols - 4.0) ** 2).astype(np.float32)
    got = constrained_distance(seed, mask)
    np.testing.assert_array_equal(got[mask], expected[mask])
    assert got.dtype == np.float32 and (got[~mask] == 0).all()


def test_distance_goes_round_a_corner():
    # An L-shaped corridor: 4 cells east of the seed, then 2 cells south. Past the corner the
    # seed is out of sight, so the distance is 4 (to the corner) plus the way from there.
    mask = np.zeros((6, 8), bool)
    mask[1, 1:6] = True
    mask[2:4, 5] = True
    seed = np.zeros_like(mask)
    seed[1, 1] = True
    got = constrained_distance(seed, mask)
    assert got[1, 1:6].tolist() == [0, 1, 2, 3, 4]
    assert got[2, 5] == 5 and got[3, 5] == 6
    # A straight-line distance would give sqrt(4**2 + 2**2) = 4.47 at the end.


def test_distance_is_zero_off_the_seeds_components():
    mask = np.zeros((5, 9), bool)
    mask[2, 1:4] = mask[2, 5:8] = True  # two pieces, the seed in the first
    seed = np.zeros_like(mask)
    seed[2, 1] = True
    got = constrained_distance(seed, mask)
    assert got[2, 1:4].tolist() == [0, 1, 2] and (got[2, 5:8] == 0).all()


def test_flood_ties_go_to_the_earlier_seed_and_to_4_neighbours_first():
    labels = np.zeros((5, 7), np.int32)
    labels[2, 1] = 1
    labels[2, 3] = 2
    region = np.zeros((5, 7), bool)
    region[1:4, 1:6] = True
    flooded = flood_labels(labels, region, 8)
    # (2, 2) lies between both seeds: seed 1 comes first in raster order.
    assert flooded[2, 2] == 1
    # (1, 2) is a diagonal neighbour of seed 1 and a diagonal one of seed 2: seed 1 again;
    # (1, 3) is a 4-neighbour of seed 2 and a diagonal one of seed 1: 4-neighbours first.
    assert flooded[1, 2] == 1 and flooded[1, 3] == 2
    assert flooded[2, 4] == 2 and flooded[1, 5] == 2
    assert (flooded[~region] == 0).all()


def test_flood_leaves_the_outer_frame_alone():
    labels = np.zeros((4, 4), np.int32)
    labels[0, 1] = 7  # a seed on the frame does not spread
    region = np.ones((4, 4), bool)
    flooded = flood_labels(labels, region, 4)
    assert (flooded == 0).all()


def test_connector_touching_two_floods_is_crossing():
    connector = np.zeros((5, 8), bool)
    connector[2, 2:6] = True
    flooded = np.zeros((5, 8), np.int64)
    flooded[2, 2:4] = 3
    flooded[2, 4:6] = 5
    assert crossing_components(connector, flooded, 8)[2, 2:6].all()
    flooded[2, 4:6] = 3
    assert not crossing_components(connector, flooded, 8).any()


def test_labels_ignore_the_outer_frame():
    mask = np.zeros((4, 6), bool)
    mask[1, 1] = mask[1, 4] = True
    mask[0, 1:5] = True  # joined only through the top row
    labels, count = label_inside(mask, 8)
    assert count == 2 and labels[0].max() == 0
