"""Linkage Pathways on synthetic landscapes whose links can be worked out by hand."""

import math

import numpy as np
import pytest
from progress_helpers import CancelAfter

from espcore import Cancelled, EspInputError
from espcore.corridors.corridors import (
    CONSTELLATION,
    CORRIDOR,
    INTERMEDIATE,
    LONG_COST,
    LONG_EUCLIDEAN,
    NEAREST,
    NOT_NEAREST,
    SHORT_COST,
    SHORT_EUCLIDEAN,
    euclidean_allocation,
    linkage_pathways,
)
from espcore.corridors.costdistance import SourceDistances, cost_distance

SQ2 = math.sqrt(2.0)


def line_landscape():
    """Three 3x3-ish sources on one row band of a uniform grid (cell 10 m, resistance 2).

    A: cols 0-1, B: cols 14-16, C: cols 35-36, all on rows 3-5 of a 9 x 41 grid. B's
    allocation zone spans the whole height, so the links are A-B and B-C only.
    """
    labels = np.zeros((9, 41), dtype=np.int64)
    labels[3:6, 0:2] = 1
    labels[3:6, 14:17] = 2
    labels[3:6, 35:37] = 3
    resistance = np.full(labels.shape, 2.0)
    return labels, resistance, np.zeros(labels.shape, dtype=bool)


def run(labels, resistance, impassable, **options):
    return linkage_pathways(labels, resistance, impassable=impassable, cell_size=10.0,
                            **options)


def by_pair(result):
    return {(link.from_id, link.to_id): link for link in result.links}


def test_line_links_by_hand():
    labels, resistance, impassable = line_landscape()
    links = by_pair(run(labels, resistance, impassable))
    assert sorted(links) == [(1, 2), (2, 3)]
    ab, bc = links[(1, 2)], links[(2, 3)]
    # Edge-to-edge gaps: A ends at x = 20 m, B starts at 140 m; B ends at 170, C at 350.
    assert ab.euclidean == pytest.approx(120.0)
    assert bc.euclidean == pytest.approx(180.0)
    # LCD: 13 straight steps of 10 m at resistance 2 from A's last column to B's first.
    assert ab.cost == pytest.approx(13 * 10 * 2)
    assert bc.cost == pytest.approx(19 * 10 * 2)
    assert ab.path_length == pytest.approx(130.0)
    assert ab.cost_to_euclidean == pytest.approx(260 / 120)
    assert ab.cost_to_path == pytest.approx(2.0)
    assert ab.link_type == CORRIDOR and bc.link_type == CORRIDOR
    assert [link.link_id for link in (ab, bc)] == [1, 2]


def test_path_runs_from_source_to_source_and_costs_the_lcd():
    labels, resistance, impassable = line_landscape()
    resistance = resistance + np.random.default_rng(3).random(resistance.shape) * 5
    for link in run(labels, resistance, impassable).links:
        path = link.path
        assert labels[tuple(path[0])] == link.from_id
        assert labels[tuple(path[-1])] == link.to_id
        steps = np.diff(path, axis=0)
        assert np.all(np.abs(steps).max(axis=1) == 1)
        # Cost of the path summed step by step: length x mean resistance of the two cells.
        lengths = np.where(np.abs(steps).sum(axis=1) == 2, 10 * SQ2, 10.0)
        means = 0.5 * (resistance[path[:-1, 0], path[:-1, 1]]
                       + resistance[path[1:, 0], path[1:, 1]])
        assert float((lengths * means).sum()) == pytest.approx(link.cost)
        assert link.path_length == pytest.approx(lengths.sum())


def test_corridor_raster_by_hand_and_truncation():
    labels, resistance, impassable = line_landscape()
    corridors = run(labels, resistance, impassable).corridors
    # On the straight path between A and B, NLCC = 0.
    assert np.allclose(corridors[4, 2:14], 0.0)
    # Cell (2, 8): one row above the band; CWD_A = (6 + sqrt2) x 20, CWD_B = (5 + sqrt2) x 20,
    # LCD = 13 x 20, so NLCC = (2 sqrt2 - 2) x 20. C's corridor is farther there.
    assert corridors[2, 8] == pytest.approx((2 * SQ2 - 2) * 20)
    truncated = run(labels, resistance, impassable, truncate=10.0).corridors
    assert np.isinf(truncated[2, 8]) and truncated[4, 8] == 0.0
    assert np.array_equal(np.isfinite(truncated), corridors <= 10.0)


def test_untruncated_corridors_kept_beside_the_truncated_ones():
    labels, resistance, impassable = line_landscape()
    whole = run(labels, resistance, impassable).corridors
    assert run(labels, resistance, impassable).untruncated is None
    both = run(labels, resistance, impassable, truncate=10.0, keep_untruncated=True)
    # Untruncated: the whole mosaic, e.g. (2, 8) = (2 sqrt2 - 2) x 20 = 16.57 > 10 stays,
    # and every cell of this uniform grid has a value (the searches are not cut at
    # max_cost + width).
    assert both.untruncated[2, 8] == pytest.approx((2 * SQ2 - 2) * 20)
    assert np.all(np.isfinite(both.untruncated))
    np.testing.assert_allclose(both.untruncated, whole, rtol=1e-12)
    # Truncated: as before, NLCC <= 10 only, the same as a run without the copy.
    assert np.isinf(both.corridors[2, 8]) and both.corridors[4, 8] == 0.0
    assert np.array_equal(both.corridors, run(labels, resistance, impassable,
                                              truncate=10.0).corridors)
    # Without a width both rasters are the whole mosaic.
    same = run(labels, resistance, impassable, keep_untruncated=True)
    assert np.array_equal(same.corridors, same.untruncated)
    with pytest.raises(EspInputError):
        run(labels, resistance, impassable, truncate=-1.0, keep_untruncated=True)


def test_corridor_mosaic_is_the_minimum_over_links():
    labels, resistance, impassable = line_landscape()
    resistance = resistance * (1 + np.random.default_rng(5).random(resistance.shape))
    result = run(labels, resistance, impassable)
    cwd = {i: cost_distance(labels == i, resistance, impassable=impassable, cell_size=10.0)
           for i in (1, 2, 3)}
    expected = np.full(labels.shape, np.inf)
    for a, b in ((1, 2), (2, 3)):
        total = cwd[a] + cwd[b]
        expected = np.minimum(expected, total - total.min())
    assert np.allclose(result.corridors, expected)


def test_distance_limits_give_their_codes():
    labels, resistance, impassable = line_landscape()
    links = by_pair(run(labels, resistance, impassable, max_euclidean=150.0))
    assert links[(2, 3)].link_type == LONG_EUCLIDEAN and math.isnan(links[(2, 3)].cost)
    assert links[(1, 2)].link_type == CORRIDOR
    links = by_pair(run(labels, resistance, impassable, min_euclidean=150.0))
    assert links[(1, 2)].link_type == SHORT_EUCLIDEAN
    links = by_pair(run(labels, resistance, impassable, max_cost=300.0))
    assert links[(2, 3)].link_type == LONG_COST and links[(1, 2)].active
    links = by_pair(run(labels, resistance, impassable, min_cost=300.0))
    assert links[(1, 2)].link_type == SHORT_COST and links[(2, 3)].active
    # A dropped link leaves no corridor: on B-C's path only A-B's NLCC remains,
    # (24 + 9) x 20 - 260 = 400 at (4, 25).
    result = run(labels, resistance, impassable, max_cost=300.0)
    assert result.corridors[4, 25] == pytest.approx(400.0) and result.corridors[4, 8] == 0.0
    assert run(labels, resistance, impassable).corridors[4, 25] == 0.0


def test_wall_without_gap_disconnects():
    labels, resistance, impassable = line_landscape()
    impassable[:, 25] = True
    links = by_pair(run(labels, resistance, impassable))
    assert links[(2, 3)].link_type == LONG_COST and math.isinf(links[(2, 3)].cost)
    assert links[(1, 2)].active


def road_landscape():
    """A and C face each other across costly land (resistance 100); a road of resistance 1
    runs along row 12 through the small source B. The Euclidean zones of A and C meet below B,
    so A-C is a candidate, but its least-cost path takes the road through B."""
    labels = np.zeros((61, 41), dtype=np.int64)
    labels[19:22, 0:2] = 1
    labels[12:14, 19:22] = 2
    labels[19:22, 39:41] = 3
    resistance = np.full(labels.shape, 100.0)
    resistance[12, :] = 1.0
    return labels, resistance, np.zeros(labels.shape, dtype=bool)


def test_link_through_another_source_is_dropped():
    labels, resistance, impassable = road_landscape()
    links = by_pair(run(labels, resistance, impassable, adjacency="euclidean"))
    assert (1, 3) in links
    assert links[(1, 3)].link_type == INTERMEDIATE
    assert links[(1, 2)].active and links[(2, 3)].active
    path = links[(1, 3)].path
    assert np.any(labels[path[:, 0], path[:, 1]] == 2)
    kept = by_pair(run(labels, resistance, impassable, adjacency="euclidean",
                       drop_intermediate=False))
    assert kept[(1, 3)].link_type == CORRIDOR


def square_landscape():
    """Four sources: A-B and C-D close pairs (gap 7 cells), A-C at 20 cells, B-D at 21."""
    labels = np.zeros((32, 20), dtype=np.int64)
    labels[2:5, 2:5] = 1
    labels[2:5, 12:15] = 2
    labels[25:28, 2:5] = 3
    labels[26:29, 12:15] = 4
    return labels, np.ones(labels.shape), np.zeros(labels.shape, dtype=bool)


def test_nearest_neighbours_and_constellations():
    labels, resistance, impassable = square_landscape()
    everything = by_pair(run(labels, resistance, impassable))
    assert everything[(1, 2)].cost == pytest.approx(80.0)
    assert everything[(3, 4)].cost < everything[(1, 3)].cost < everything[(2, 4)].cost
    pruned = by_pair(run(labels, resistance, impassable, nearest=1))
    assert pruned[(1, 2)].link_type == NEAREST and pruned[(3, 4)].link_type == NEAREST
    assert all(link.link_type == NOT_NEAREST for pair, link in pruned.items()
               if pair not in ((1, 2), (3, 4)))
    joined = by_pair(run(labels, resistance, impassable, nearest=1,
                         connect_constellations=True))
    assert joined[(1, 3)].link_type == CONSTELLATION
    assert joined[(2, 4)].link_type == NOT_NEAREST
    # With two neighbours each, A keeps B and C, D keeps C and B: A-C and B-D come back.
    two = by_pair(run(labels, resistance, impassable, nearest=2))
    assert two[(1, 3)].link_type == NEAREST and two[(2, 4)].link_type == NEAREST


def test_euclidean_allocation_against_brute_force():
    rng = np.random.default_rng(11)
    labels = np.zeros((15, 18), dtype=np.int64)
    for pid in range(1, 5):
        labels[rng.integers(0, 15), rng.integers(0, 18)] = pid
    allocation = euclidean_allocation(labels, (2.0, 3.0))
    rows, cols = np.nonzero(labels)
    for r in range(15):
        for c in range(18):
            d = np.hypot((rows - r) * 3.0, (cols - c) * 2.0)
            nearest = labels[rows[d == d.min()], cols[d == d.min()]]
            assert allocation[r, c] in nearest


def test_shared_distances_are_reused():
    labels, resistance, impassable = line_landscape()
    distances = SourceDistances(labels, resistance, impassable=impassable, cell_size=10.0)
    run(labels, resistance, impassable, distances=distances)
    # Tracing needs A and B; the corridor mosaic needs A, B, C: each searched once.
    assert distances.searches == 3


def test_errors():
    labels, resistance, impassable = line_landscape()
    with pytest.raises(EspInputError, match="at least two sources"):
        run(np.where(labels == 1, 1, 0), resistance, impassable)
    with pytest.raises(EspInputError, match="Adjacency"):
        run(labels, resistance, impassable, adjacency="touching")
    with pytest.raises(EspInputError, match="above the maximum"):
        run(labels, resistance, impassable, min_cost=10.0, max_cost=5.0)
    with pytest.raises(EspInputError, match="nearest neighbours"):
        run(labels, resistance, impassable, nearest=-1)
    with pytest.raises(EspInputError, match="width"):
        run(labels, resistance, impassable, truncate=-1.0)
    bad = resistance.copy()
    bad[0, 5] = 0.0
    with pytest.raises(EspInputError):
        run(labels, bad, impassable)


def test_cancel():
    labels, resistance, impassable = line_landscape()
    with pytest.raises(Cancelled):
        run(labels, resistance, impassable, progress=CancelAfter(3))
