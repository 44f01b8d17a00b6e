"""Cross-county collaboration on a synthetic map of four units, every figure by hand.

The map: 8 x 8 cells of 10 m (geotransform x0 = 0, y0 = 80, north-up), units as quadrants

    rows 0-3: unit 1 (cols 0-3) | unit 2 (cols 4-7)
    rows 4-7: unit 3 (cols 0-3) | unit 4 (cols 4-7)

except cells (7, 6) and (7, 7), which lie in no unit (0, "outside"). Cell (row i, col j)
covers x in [10 j, 10 j + 10) and y in (70 - 10 i, 80 - 10 i].
"""

import math

import numpy as np
import pytest
from progress_helpers import CancelAfter

from espcore import Cancelled, EspInputError
from espcore.zoning.collaboration import (
    adjusted_rand_index,
    communities,
    cross_tabulate,
    line_lengths_by_unit,
    link_barrier_scores,
    majority_units,
    partition_modularity,
    restoration_account,
    source_beneficiaries,
    unit_matrix,
)

CELL = 10.0
GT = (0.0, CELL, 0.0, 80.0, 0.0, -CELL)
U = 4


def unit_map():
    units = np.zeros((8, 8), dtype=np.int32)
    units[:4, :4] = 1
    units[:4, 4:] = 2
    units[4:, :4] = 3
    units[4:, 4:] = 4
    units[7, 6:] = 0
    return units


def source_map():
    """Source 1 straddles units 1 (6 cells) and 2 (2 cells); source 2 lies in unit 4
    (7 cells) and outside (2 cells); source 7 is one cell of unit 1; -1 (in unit 3) is
    no source, so unit 3 holds none."""
    sources = np.zeros((8, 8), dtype=np.int32)
    sources[1:3, 1:4] = 1  # 6 cells of unit 1
    sources[1, 4:6] = 1  # 2 cells of unit 2
    sources[5:8, 5:8] = 2  # rows 5-6 x cols 5-7 and (7, 5): unit 4; (7, 6), (7, 7): outside
    sources[3, 0] = 7
    sources[6, 2] = -1
    return sources


# ----------------------------------------------------------------------------- cross_tabulate

def test_cross_tabulate_areas_by_hand():
    ids, table = cross_tabulate(source_map(), unit_map(), n_units=U, weights=CELL * CELL)
    np.testing.assert_array_equal(ids, [1, 2, 7])
    want = np.array([[0, 600, 200, 0, 0],  # 6 cells in unit 1, 2 in unit 2
                     [200, 0, 0, 0, 700],  # 7 cells in unit 4, 2 outside
                     [0, 100, 0, 0, 0]], dtype=float)
    np.testing.assert_array_equal(table, want)
    assert table.dtype == np.float64
    # Every row sums to the source's area; unit 3 holds nothing: a column of zeros.
    np.testing.assert_array_equal(table.sum(axis=1), [800, 900, 100])
    np.testing.assert_array_equal(table[:, 3], 0)


def test_cross_tabulate_counts_and_weight_grid():
    _, counts = cross_tabulate(source_map(), unit_map(), n_units=U)
    np.testing.assert_array_equal(counts[0], [0, 6, 2, 0, 0])
    weights = np.broadcast_to(np.arange(1.0, 9.0)[:, None], (8, 8))  # row i weighs i + 1
    _, table = cross_tabulate(source_map(), unit_map(), n_units=U, weights=weights)
    # Source 1: rows 1 and 2 x 3 cells in unit 1 (3 x 2 + 3 x 3 = 15), row 1 x 2 in unit 2.
    # Source 2: rows 5, 6 x 3 cells + (7, 5) in unit 4 (18 + 21 + 8), (7, 6), (7, 7) outside.
    np.testing.assert_array_equal(table, [[0, 15, 4, 0, 0], [16, 0, 0, 0, 47],
                                          [0, 4, 0, 0, 0]])


def test_cross_tabulate_float_ids_and_no_elements():
    ids, table = cross_tabulate(source_map().astype(float), unit_map(), n_units=U)
    np.testing.assert_array_equal(ids, [1, 2, 7])
    ids, table = cross_tabulate(np.zeros((8, 8), int), unit_map(), n_units=U)
    assert ids.shape == (0,) and table.shape == (0, U + 1)


@pytest.mark.parametrize("bad_unit", [5, -1])
def test_cross_tabulate_units_out_of_range(bad_unit):
    units = unit_map()
    units[0, 0] = bad_unit
    with pytest.raises(EspInputError, match="outside 0"):
        cross_tabulate(source_map(), units, n_units=U)


def test_cross_tabulate_errors():
    with pytest.raises(EspInputError, match="one grid"):
        cross_tabulate(source_map(), unit_map()[:7], n_units=U)
    with pytest.raises(EspInputError, match="whole numbers"):
        cross_tabulate(source_map() + 0.5, unit_map(), n_units=U)
    with pytest.raises(EspInputError, match="weight"):
        cross_tabulate(source_map(), unit_map(), n_units=U, weights=-1.0)
    with pytest.raises(EspInputError, match="weights have shape"):
        cross_tabulate(source_map(), unit_map(), n_units=U, weights=np.ones((2, 2)))
    with pytest.raises(EspInputError, match="number of administrative units"):
        cross_tabulate(source_map(), unit_map(), n_units=0)


# ----------------------------------------------------------------------------- lines

def test_line_lengths_by_hand():
    lines = [
        # Horizontal at y = 55 (row 2) from x = 5 to 75: x < 40 in unit 1 (35 m), the rest in
        # unit 2 (35 m).
        [np.array([[5.0, 55.0], [75.0, 55.0]])],
        # Vertical at x = 15 (col 1) from y = -20 to 25: 20 m below the grid (column 0),
        # then rows 7, 6, 5 of unit 3 (25 m).
        [np.array([[15.0, -20.0], [15.0, 25.0]])],
        # Two parts: along row 7 from x = 50 to 70 (col 5 in unit 4, col 6 outside: 10 m
        # each); a diagonal (0, 80) -> (30, 40) of length 50 inside unit 1; a single vertex
        # and an empty part add nothing.
        [np.array([[50.0, 5.0], [70.0, 5.0]]), np.array([[0.0, 80.0], [30.0, 40.0]]),
         np.array([[3.0, 3.0]]), np.zeros((0, 2))],
        [],  # a line without parts
    ]
    table = line_lengths_by_unit(lines, unit_map(), geotransform=GT, n_units=U)
    want = np.array([[0, 35, 35, 0, 0], [20, 0, 0, 25, 0], [10, 50, 0, 0, 10],
                     [0, 0, 0, 0, 0]], dtype=float)
    np.testing.assert_allclose(table, want, rtol=0, atol=1e-9)
    np.testing.assert_allclose(table.sum(axis=1), [70, 45, 70, 0], rtol=1e-12)


def test_line_diagonal_with_aligned_step_and_default_step():
    # y = 80 - x runs through the cells (i, i): x in [3, 40) unit 1, [40, 70) unit 4, then
    # (7, 7) outside up to x = 77. A step of sqrt 2 cuts it at every whole x, so the split
    # is exact: 37, 30 and 7 times sqrt 2.
    line = [[np.array([[3.0, 77.0], [77.0, 3.0]])]]
    exact = line_lengths_by_unit(line, unit_map(), geotransform=GT, n_units=U,
                                 step=math.sqrt(2))
    r2 = math.sqrt(2)
    np.testing.assert_allclose(exact[0], [7 * r2, 37 * r2, 0, 0, 30 * r2], rtol=1e-12)
    # Default step (2.5 m): 42 pieces of 74 sqrt 2 / 42; each crossing errs by under a piece,
    # the total is exact.
    rough = line_lengths_by_unit(line, unit_map(), geotransform=GT, n_units=U)
    np.testing.assert_allclose(rough[0], exact[0], atol=74 * r2 / 42)
    assert rough[0].sum() == pytest.approx(74 * r2, rel=1e-12)


def test_line_lengths_errors():
    line = [[np.array([[5.0, 55.0], [75.0, 55.0]])]]
    with pytest.raises(EspInputError, match="rotated"):
        line_lengths_by_unit(line, unit_map(), geotransform=(0, 10, 1, 80, 0, -10), n_units=U)
    with pytest.raises(EspInputError, match="step"):
        line_lengths_by_unit(line, unit_map(), geotransform=GT, n_units=U, step=0)
    with pytest.raises(EspInputError, match="non-finite"):
        line_lengths_by_unit([[np.array([[0.0, 1.0], [np.nan, 2.0]])]], unit_map(),
                             geotransform=GT, n_units=U)
    with pytest.raises(EspInputError, match="vertices"):
        line_lengths_by_unit([[np.zeros((2, 3))]], unit_map(), geotransform=GT, n_units=U)
    with pytest.raises(EspInputError, match="outside 0"):
        line_lengths_by_unit(line, unit_map() * 2, geotransform=GT, n_units=U)


# ----------------------------------------------------------------------------- majority / peak

def test_majority_units_ties_and_outside():
    table = np.array([[0, 600, 200, 0, 0],  # unit 1
                      [200, 0, 0, 0, 700],  # unit 4 (outside never wins)
                      [0, 0, 0, 0, 0],  # nothing: 0
                      [500, 0, 0, 0, 0],  # only outside: 0
                      [0, 3, 0, 3, 0],  # tie 1 / 3: the lowest, 1
                      [9, 0, 2, 0, 2]], dtype=float)  # tie 2 / 4: 2
    result = majority_units(table)
    np.testing.assert_array_equal(result, [1, 4, 0, 0, 1, 2])
    assert result.dtype == np.int64
    with pytest.raises(EspInputError, match="finite amounts"):
        majority_units([[0, -1.0]])


def test_unit_matrix_symmetric_with_diagonal_rule():
    ends = np.array([[1, 2], [2, 1], [1, 1], [3, 4], [0, 2], [4, 0], [2, 2]])
    weights = np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0])
    matrix, left_out = unit_matrix(ends, weights, n_units=U)
    want = np.zeros((4, 4))
    want[0, 1] = want[1, 0] = 1 + 2  # links 1-2 and 2-1
    want[0, 0] = 3  # a link inside unit 1 counts once
    want[2, 3] = want[3, 2] = 4
    want[1, 1] = 7
    np.testing.assert_array_equal(matrix, want)
    np.testing.assert_array_equal(matrix, matrix.T)
    assert left_out == 2  # the two links with an end outside every unit
    # Counting corridors: weight 1 each.
    counts, _ = unit_matrix(ends, np.ones(7), n_units=U)
    assert counts[0, 1] == 2 and counts[0, 0] == 1 and counts.sum() == 2 * 3 + 2


def test_unit_matrix_errors():
    with pytest.raises(EspInputError, match="units are numbered"):
        unit_matrix([[1, 5]], [1.0], n_units=U)
    with pytest.raises(EspInputError, match="one per link"):
        unit_matrix([[1, 2]], [1.0, 2.0], n_units=U)
    with pytest.raises(EspInputError, match="two unit numbers"):
        unit_matrix([1, 2], [1.0], n_units=U)
    with pytest.raises(EspInputError, match="finite"):
        unit_matrix([[1, 2]], [np.inf], n_units=U)


def two_triangles(bridge=0.1):
    """Triangles {1, 3, 5} and {0, 2, 4} (weight 1), bridged 5 - 0, and isolated node 6."""
    w = np.zeros((7, 7))
    for group in ([1, 3, 5], [0, 2, 4]):
        for a in group:
            for b in group:
                if a != b:
                    w[a, b] = 1.0
    w[5, 0] = w[0, 5] = bridge
    w[6, 6] = 9.0  # the diagonal (links inside a unit) is ignored
    return w


def test_communities_two_triangles_by_hand():
    pytest.importorskip("networkx")
    result = communities(two_triangles())
    # Both triangles have 3 units; {0, 2, 4} holds the smallest unit: community 1. The
    # isolated unit 6 is its own community, the smallest: 3.
    np.testing.assert_array_equal(result.labels, [1, 2, 1, 2, 1, 2, 3])
    assert result.labels.dtype == np.int64
    # m = 6 + 0.1; each triangle: internal weight 3, degree sum 6.1.
    # Q = 2 (3 / 6.1 - (6.1 / 12.2)^2) = 6 / 6.1 - 0.5.
    assert result.modularity == pytest.approx(6 / 6.1 - 0.5, rel=1e-12)


def test_communities_low_resolution_merges_and_is_deterministic():
    pytest.importorskip("networkx")
    # gamma = 0.01: one group scores 1 - 0.01 = 0.99, two triangles 6 / 6.1 - 0.005 < 0.99.
    low = communities(two_triangles(), resolution=0.01)
    np.testing.assert_array_equal(low.labels, [1, 1, 1, 1, 1, 1, 2])
    assert low.modularity == pytest.approx(0.99, rel=1e-12)
    rng = np.random.default_rng(3)
    w = rng.random((20, 20)) * (rng.random((20, 20)) < 0.3)
    w = np.triu(w, 1) + np.triu(w, 1).T
    first, second = communities(w, seed=7), communities(w, seed=7)
    np.testing.assert_array_equal(first.labels, second.labels)
    assert first.modularity == second.modularity
    sizes = np.bincount(first.labels)[1:]
    assert np.all(np.diff(sizes) <= 0) and sizes.sum() == 20  # numbered by size
    # Its modularity is the modularity of its labels.
    assert first.modularity == pytest.approx(partition_modularity(w, first.labels), rel=1e-12)


def test_communities_without_edges():
    pytest.importorskip("networkx")
    w = np.diag([5.0, 0.0, 2.0])
    result = communities(w)
    np.testing.assert_array_equal(result.labels, [1, 2, 3])
    assert result.modularity == 0.0
    assert partition_modularity(w, [1, 1, 1]) == 0.0


def test_partition_modularity_path_by_hand():
    networkx = pytest.importorskip("networkx")
    # Path 0 - 1 - 2 (weights 1): m = 2, degrees 1, 2, 1.
    w = np.array([[0, 1, 0], [1, 0, 1], [0, 1, 0]], dtype=float)
    # {0, 1}, {2}: 1/2 - (3/4)^2 - (1/4)^2 = -0.125.
    assert partition_modularity(w, [1, 1, 2]) == pytest.approx(-0.125)
    assert partition_modularity(w, [5, 5, -1]) == pytest.approx(-0.125)  # <= 0: alone
    # All singletons: -(1 + 4 + 1) / 16.
    assert partition_modularity(w, [0, 0, 0]) == pytest.approx(-0.375)
    # Resolution 2: 1/2 - 2 (9/16 + 1/16) = -0.75.
    assert partition_modularity(w, [1, 1, 2], resolution=2.0) == pytest.approx(-0.75)
    # networkx agrees (independent check of the graph built).
    from networkx.algorithms.community import modularity
    graph = networkx.path_graph(3)
    assert modularity(graph, [{0, 1}, {2}]) == pytest.approx(-0.125)


def test_unit_graph_errors():
    pytest.importorskip("networkx")
    with pytest.raises(EspInputError, match="symmetric"):
        communities(np.array([[0, 1.0], [0, 0]]))
    with pytest.raises(EspInputError, match="square"):
        communities(np.zeros((2, 3)))
    with pytest.raises(EspInputError, match="0 or more"):
        communities(np.array([[0, -1.0], [-1.0, 0]]))
    with pytest.raises(EspInputError, match="resolution"):
        communities(np.zeros((2, 2)), resolution=0)
    with pytest.raises(EspInputError, match="one per unit"):
        partition_modularity(np.zeros((2, 2)), [1, 2, 3])


# ----------------------------------------------------------------------------- ARI

def test_adjusted_rand_index_by_hand():
    # a = [1,1,1,2,2,2], b = [1,1,2,2,3,3]: contingency [[2, 1, 0], [0, 1, 2]];
    # index = C(2,2) + C(2,2) = 2; sum_a = 3 + 3 = 6; sum_b = 1 + 1 + 1 = 3; C(6,2) = 15;
    # expected = 6 x 3 / 15 = 1.2; max = 4.5; ARI = 0.8 / 3.3 = 8 / 33.
    assert adjusted_rand_index([1, 1, 1, 2, 2, 2], [1, 1, 2, 2, 3, 3]) == \
        pytest.approx(8 / 33, rel=1e-12)
    # a = [1,1,2,2], b = [1,1,1,2]: index 1, sum_a 2, sum_b 3, expected 2 x 3 / 6 = 1: 0.
    assert adjusted_rand_index([1, 1, 2, 2], [1, 1, 1, 2]) == 0.0
    # a = [1,1,2,2], b = [1,2,1,2]: index 0, expected 2 x 2 / 6, max 2: (-2/3) / (4/3).
    assert adjusted_rand_index([1, 1, 2, 2], [1, 2, 1, 2]) == pytest.approx(-0.5)


def test_adjusted_rand_index_renaming_and_degenerate():
    assert adjusted_rand_index([1, 1, 2, 2, 3], [7, 7, 3, 3, 0]) == 1.0
    assert adjusted_rand_index([1, 1, 1], [2, 2, 2]) == 1.0  # both one group
    assert adjusted_rand_index([1, 2, 3], [4, 5, 6]) == 1.0  # both singletons
    assert adjusted_rand_index([1, 1, 1], [1, 2, 3]) == 0.0  # one group vs singletons
    assert adjusted_rand_index([4], [2]) == 1.0
    with pytest.raises(EspInputError, match="same items"):
        adjusted_rand_index([1, 2], [1, 2, 3])


# ----------------------------------------------------------------------------- barriers

ROWS, COLS = 9, 60
A_COLS, C_COLS, B_COLS = (0, 1), (29, 30), (58, 59)


def resistance_row():
    """Resistance per column: wall 1 (cols 19-21, 6: extra 3 x 5 x 10 = 150), wall 2
    (col 40, 21: extra 200), 1 elsewhere."""
    r = np.ones(COLS)
    r[19:22] = 6.0
    r[40] = 21.0
    return r


def cost(r, lo, hi):
    """Cost between the centres of columns lo <= hi: cell x (resistances between, ends
    halved), the 8-neighbour step cost along a row (diagonals never help: nothing varies
    down a column; tests/core/test_barriers.py checks this against a Dijkstra)."""
    return CELL * (r[lo:hi + 1].sum() - (r[lo] + r[hi]) / 2)


def cwd(r, cols):
    lo, hi = cols
    row = np.array([cost(r, j, lo) if j < lo else cost(r, hi, j) if j > hi else 0.0
                    for j in range(COLS)])
    return np.broadcast_to(row, (ROWS, COLS)).copy()


@pytest.fixture(scope="module")
def two_links():
    """Link A-B crosses both walls, link A-C (C at cols 29-30) only wall 1."""
    r = resistance_row()
    a, b, c = cwd(r, A_COLS), cwd(r, B_COLS), cwd(r, C_COLS)
    return [(a, b, cost(r, 1, 58)), (a, c, cost(r, 1, 29))]


def barrier_labels():
    labels = np.zeros((ROWS, COLS), dtype=int)
    labels[:, 19:22] = 1  # wall 1
    labels[:, 40] = 4  # wall 2
    labels[0:2, 0:2] = 5  # inside source A: masked, NaN, counted as 0
    return labels


def test_link_barrier_scores_on_walls(two_links):
    mask = np.zeros((ROWS, COLS), dtype=bool)
    for lo, hi in (A_COLS, B_COLS, C_COLS):
        mask[:, lo:hi + 1] = True
    progress = CancelAfter(100)
    ids, scores = link_barrier_scores(two_links, barrier_labels(), radii=[50, 10],
                                      cell_size=CELL, source_mask=mask, progress=progress)
    np.testing.assert_array_equal(ids, [1, 4, 5])
    # Radius 10 (window of 3 columns) at a wall-1 centre: the 3 columns inside the wall cost
    # 10 x (3 + 6 + 3) = 120 against 20 restored: 100 / 20 = 5 (radius 50: 150 / 100 = 1.5).
    # Wall 2 at radius 10: 10 x (0.5 + 21 + 0.5) = 220 against 20: 10 (radius 50: 2). Link
    # A-C never reaches wall 2: its score there is 0.
    np.testing.assert_allclose(scores, [[5.0, 5.0], [10.0, 0.0], [0.0, 0.0]], rtol=1e-12)
    np.testing.assert_allclose(progress.fractions, [0.25, 0.5, 0.75, 1.0])
    # One radius only: the wall-centre values of the wide window.
    _, wide = link_barrier_scores(two_links, barrier_labels(), radii=[50], cell_size=CELL)
    np.testing.assert_allclose(wide[:2], [[1.5, 1.5], [2.0, 0.0]], rtol=1e-12)


def test_link_barrier_scores_are_the_labelled_maxima_of_the_scores(two_links):
    """Scattered patches with gaps in their ids: per patch, the largest score of its cells
    over both radii (NaN as 0), as scipy's labelled maximum gives it."""
    from scipy import ndimage

    from espcore.corridors.barriers import link_scores

    rng = np.random.default_rng(4)
    labels = rng.choice([0, 0, 0, 2, 7, 9, 30], size=(ROWS, COLS))
    ids, scores = link_barrier_scores(two_links, labels, radii=[50, 10], cell_size=CELL)
    np.testing.assert_array_equal(ids, [2, 7, 9, 30])
    expected = np.zeros((4, 2))
    for _radius, index, score, _nodata in link_scores(two_links, radii=[50, 10],
                                                      cell_size=CELL):
        per_patch = ndimage.maximum(np.nan_to_num(score, nan=0.0), labels=labels, index=ids)
        expected[:, index] = np.maximum(expected[:, index], per_patch)
    np.testing.assert_array_equal(scores, expected)
    assert scores.max() > 0


def test_link_barrier_scores_cancel_and_errors(two_links):
    with pytest.raises(Cancelled):
        link_barrier_scores(two_links, barrier_labels(), radii=[10, 20], cell_size=CELL,
                            progress=CancelAfter(2))
    with pytest.raises(EspInputError, match="radius"):
        link_barrier_scores(two_links, barrier_labels(), radii=[], cell_size=CELL)
    with pytest.raises(EspInputError, match="one grid"):
        link_barrier_scores(two_links, barrier_labels()[:5], radii=[10], cell_size=CELL)
    ids, scores = link_barrier_scores(two_links, np.zeros((ROWS, COLS), int), radii=[10],
                                      cell_size=CELL)
    assert ids.shape == (0,) and scores.shape == (0, 2)


# ----------------------------------------------------------------------------- account

def test_source_beneficiaries_by_hand():
    ids = np.array([3, 8, 9])
    table = np.array([[0, 6, 2, 0], [0, 0, 0, 5], [0, 0, 5, 5]], dtype=float)
    result = source_beneficiaries([[3, 8], [8, 9]], ids, table)
    # Source 3: shares 0.75 / 0.25 in units 1 / 2; 8: all in 3; 9: half in 2, half in 3.
    np.testing.assert_allclose(result, [[0, 0.375, 0.125, 0.5], [0, 0, 0.25, 0.75]])
    np.testing.assert_allclose(result.sum(axis=1), 1.0)
    with pytest.raises(EspInputError, match="not among the sources"):
        source_beneficiaries([[3, 4]], ids, table)
    with pytest.raises(EspInputError, match="no area"):
        source_beneficiaries([[3, 8]], ids, np.vstack([table[:2], np.zeros(4)]))


def test_beneficiaries_from_the_map():
    ids, table = cross_tabulate(source_map(), unit_map(), n_units=U)
    # Link between sources 1 (6/8 unit 1, 2/8 unit 2) and 2 (2/9 outside, 7/9 unit 4).
    result = source_beneficiaries([[1, 2]], ids, table)
    np.testing.assert_allclose(result, [[1 / 9, 3 / 8, 1 / 8, 0, 7 / 18]])


def hand_account_inputs():
    """Three units (columns 0 outside, 1-3); barrier 1: 4 in unit 1; barrier 2: 1 outside,
    2 in unit 2, 1 in unit 3. Link 1 serves units 1 and 2 half each, link 2 units 2 / 3 by
    0.25 / 0.75."""
    burden = np.array([[0, 4, 0, 0], [1, 0, 2, 1]], dtype=float)
    scores = np.array([[3, 1], [2, 2]], dtype=float)
    beneficiaries = np.array([[0, 0.5, 0.5, 0], [0, 0, 0.25, 0.75]])
    return burden, scores, beneficiaries


def test_restoration_account_by_hand():
    account = restoration_account(*hand_account_inputs())
    # Barrier 1: w = 3/4, 1/4 -> shares 0.75 [0, .5, .5, 0] + 0.25 [0, 0, .25, .75]
    #   = [0, .375, .4375, .1875]; times 4 in unit 1.
    # Barrier 2: w = 1/2, 1/2 -> [0, .25, .375, .375]; times 1 (outside), 2 (unit 2), 1 (3).
    want = np.array([[0, 0.25, 0.375, 0.375],
                     [0, 1.5, 1.75, 0.75],
                     [0, 0.5, 0.75, 0.75],
                     [0, 0.25, 0.375, 0.375]])
    np.testing.assert_allclose(account.flows, want, rtol=1e-12)
    np.testing.assert_allclose(account.burden, [1, 4, 2, 1])
    np.testing.assert_allclose(account.benefit, [0, 2.5, 3.25, 2.25])
    np.testing.assert_allclose(account.net, [-1, -1.5, 1.25, 1.25])
    assert account.flows.sum() == pytest.approx(8.0)
    assert account.burden.sum() == pytest.approx(account.benefit.sum())


def test_restoration_account_unscored_barrier_benefits_its_own_units():
    burden, scores, beneficiaries = hand_account_inputs()
    burden = np.vstack([burden, [0, 1, 3, 0]])  # barrier 3 improves no link
    scores = np.vstack([scores, [0, 0]])
    account = restoration_account(burden, scores, beneficiaries)
    # Its shares are its own: 1/4 unit 1, 3/4 unit 2; 1 in unit 1 and 3 in unit 2.
    base = restoration_account(*hand_account_inputs()).flows
    extra = np.zeros((4, 4))
    extra[1] = [0, 0.25, 0.75, 0]
    extra[2] = [0, 0.75, 2.25, 0]
    np.testing.assert_allclose(account.flows, base + extra, rtol=1e-12)
    assert account.flows.sum() == pytest.approx(burden.sum())
    np.testing.assert_allclose(account.burden, burden.sum(axis=0))


def test_restoration_account_errors():
    burden, scores, beneficiaries = hand_account_inputs()
    with pytest.raises(EspInputError, match="sum to"):
        restoration_account(burden, scores, beneficiaries * 0.5)
    with pytest.raises(EspInputError, match="columns"):
        restoration_account(burden, scores, beneficiaries[:, :3])
    with pytest.raises(EspInputError, match="barrier rows"):
        restoration_account(burden[:1], scores, beneficiaries)
    with pytest.raises(EspInputError, match="link columns"):
        restoration_account(burden, scores[:, :1], beneficiaries)
    with pytest.raises(EspInputError, match="0 or more"):
        restoration_account(burden, -scores, beneficiaries)


# ------------------------------------------------------------------ unit resistances ----

def test_unit_resistances_on_a_strip_of_unit_resistors():
    pytest.importorskip("scipy.sparse")
    from espcore.zoning.collaboration import unit_resistances

    # 1 x 6 strip of 1 S cells: unit 1 holds cells 0-1 (shorted), unit 2 cell 5, unit 3
    # has no focal cell. Between cells 1 and 5 lie 4 resistors of 1 ohm (the mean of two
    # 1 S conductances): R = 4. Unit 4 is walled off by a 0 S cell.
    g = np.ones((1, 8))
    g[0, 6] = 0.0
    focal = np.array([[1, 1, 0, 0, 0, 2, 0, 4]])
    r = unit_resistances(g, focal, n_units=4)
    assert r[0, 1] == pytest.approx(4.0) and r[1, 0] == pytest.approx(4.0)
    assert r[0, 0] == 0.0 and r[1, 1] == 0.0
    assert np.isnan(r[2]).all() and np.isnan(r[:, 2]).all()
    assert np.isnan(r[0, 3]) and np.isnan(r[3, 1]) and r[3, 3] == 0.0


def test_shared_matrix_ties_every_unit_a_corridor_crosses():
    from espcore.zoning.collaboration import shared_matrix

    # Link 1 (weight 2) crosses units 1, 2 and 3; link 2 (weight 5) units 3 and 4 and the
    # outside; link 3 (weight 7) lies outside every unit.
    members = np.array([[False, True, True, True, False],
                        [True, False, False, True, True],
                        [True, False, False, False, False]])
    matrix, left_out = shared_matrix(members, np.array([2.0, 5.0, 7.0]), n_units=U)
    want = np.array([[2, 2, 2, 0],
                     [2, 2, 2, 0],
                     [2, 2, 7, 5],
                     [0, 0, 5, 5]], dtype=float)
    np.testing.assert_array_equal(matrix, want)
    assert left_out == 1
    with pytest.raises(EspInputError, match="columns"):
        shared_matrix(members[:, :3], np.ones(3), n_units=U)
    with pytest.raises(EspInputError, match="one per link"):
        shared_matrix(members, np.ones(2), n_units=U)


def test_typical_communities_by_group():
    from espcore.zoning.collaboration import typical_communities

    # Group 1: communities 2, 2, 1 -> 2; group 2: 3 and 1 tie -> 1; group 3 only unlinked
    # units (community 0) -> None; a unit without a group -> None.
    community = np.array([2, 2, 1, 3, 1, 0, 4])
    groups = np.array([1, 1, 1, 2, 2, 3, 0])
    assert typical_communities(community, groups) == [2, 2, 2, 1, 1, None, None]
