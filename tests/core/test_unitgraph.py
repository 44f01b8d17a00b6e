"""The unit graph (espcore.zoning.unitgraph): link matrices against plain loops, the
effective resistance of a strip of resistors by hand, collaboration zones and their
comparison with a grouping from the definitions of modularity and the adjusted Rand index."""

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest

from espcore import EspInputError
from espcore.grid import Grid
from espcore.zoning.unitgraph import collaboration_zones, link_matrix, resistance_matrix

# ----------------------------------------------------------------------- link matrices


def matrix_by_loops(ends, weights, count, crossed=None):
    """Each link adds its weight to every pair of units it ties (once on the diagonal);
    weights that are not finite count as 0."""
    matrix = np.zeros((count, count))
    left_out = unweighted = 0
    for index, (a, b) in enumerate(ends):
        w = weights[index]
        if not math.isfinite(w):
            unweighted += 1
            w = 0.0
        if crossed is None:
            if a == 0 or b == 0:
                left_out += 1
                continue
            matrix[a - 1, b - 1] += w
            if a != b:
                matrix[b - 1, a - 1] += w
        else:
            tied = {u for u in (a, b) if u > 0}
            tied |= {u for u in range(1, count + 1) if crossed[index][u] > 0}
            if not tied:
                left_out += 1
            for u in tied:
                for v in tied:
                    matrix[u - 1, v - 1] += w
    return matrix, left_out, unweighted


def test_link_matrix_by_hand():
    # Link 1: units 1-2, weight 2, its path also crosses unit 3; link 2: unit 3 to outside,
    # weight NaN (no value: 0); link 3: inside unit 2, weight 5.
    ends = [[1, 2], [3, 0], [2, 2]]
    crossed = np.array([[0, 1.0, 1.0, 0.5], [0.2, 0, 0, 1.0], [0, 0, 2.0, 0]])
    weights = np.array([2.0, math.nan, 5.0])
    by_ends = link_matrix(ends, n_units=3, weights=weights)
    np.testing.assert_array_equal(by_ends.values, [[0, 2, 0], [2, 5, 0], [0, 0, 0]])
    assert by_ends.weights is by_ends.values
    assert (by_ends.left_out, by_ends.unweighted) == (1, 1)
    shared = link_matrix(ends, n_units=3, weights=weights, crossed=crossed)
    np.testing.assert_array_equal(shared.values, [[2, 2, 2], [2, 7, 2], [2, 2, 2]])
    assert (shared.left_out, shared.unweighted) == (0, 1)
    counted = link_matrix(ends, n_units=3)
    np.testing.assert_array_equal(counted.values, [[0, 1, 0], [1, 1, 0], [0, 0, 0]])
    assert (counted.left_out, counted.unweighted) == (1, 0)
    assert math.isnan(weights[1])  # the caller's array is not changed


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_link_matrix_against_loops(seed):
    rng = np.random.default_rng(seed)
    count, links = 6, 25
    ends = rng.integers(0, count + 1, size=(links, 2))
    weights = rng.uniform(0, 10, size=links)
    weights[rng.random(links) < 0.2] = np.nan
    weights[0] = np.inf
    crossed = rng.uniform(0, 1, size=(links, count + 1)) * (rng.random((links, count + 1)) < 0.3)
    for table in (None, crossed):
        result = link_matrix(ends, n_units=count, weights=weights, crossed=table)
        matrix, left_out, unweighted = matrix_by_loops(ends, weights, count, table)
        np.testing.assert_allclose(result.values, matrix, rtol=1e-12)
        assert (result.left_out, result.unweighted) == (left_out, unweighted)


def test_link_matrix_errors():
    with pytest.raises(EspInputError, match="lies in unit"):
        link_matrix([[1, 4]], n_units=3)
    with pytest.raises(EspInputError, match="one per link"):
        link_matrix([[1, 2]], n_units=3, weights=[1.0, 2.0])
    with pytest.raises(EspInputError, match="columns"):
        link_matrix([[1, 2]], n_units=3, crossed=np.zeros((1, 3)))


# ----------------------------------------------------------------------- resistances

def strip(values, cell=(10.0, 10.0)):
    values = np.array([values], dtype=np.float64)
    return Grid(values, np.isnan(values), cell, (0.0, cell[0], 0.0, 10.0, 0.0, -cell[1]))


def test_resistance_matrix_of_a_strip_by_hand():
    pytest.importorskip("scipy.sparse")
    # Cells 0-2 unit 1, 3-5 unit 2, 6-7 unit 3; sources on cells 0, 4 and 7; NoData on 6
    # walls unit 3 off. Between cells 0 and 4 lie four resistors, each the inverse of the
    # mean conductance of its two cells: 1, 1 / 0.75, 1 / 0.75, 1 (cell 2 has resistance
    # 2): R = 14 / 3 ohm, times the 10 m cell: 140 / 3. Cell 2 is in unit 1 but no
    # source, so it is not shorted into unit 1's focal region.
    grid = strip([1, 1, 2, 1, 1, 1, np.nan, 1])
    units = np.array([[1, 1, 1, 2, 2, 2, 3, 3]])
    sources = np.array([[1, 0, 0, 0, 2, 0, 0, 3]])
    matrix = resistance_matrix(grid, sources, units, n_units=4)
    r = 140.0 / 3.0
    assert matrix.values[0, 1] == pytest.approx(r) and matrix.values[1, 0] == pytest.approx(r)
    assert matrix.weights[0, 1] == pytest.approx(1.0 / r)
    np.testing.assert_array_equal(np.diag(matrix.values)[:3], 0.0)
    assert np.isnan(matrix.values[0, 2]) and np.isnan(matrix.values[2, 1])
    assert np.isnan(matrix.values[3]).all()  # unit 4 has no cell
    # Where R is 0 (the diagonal) or NaN the graph has no edge.
    want = np.zeros((4, 4))
    want[0, 1] = want[1, 0] = 1.0 / r
    np.testing.assert_allclose(matrix.weights, want, rtol=1e-9)
    assert (matrix.left_out, matrix.unweighted) == (0, 0)


def test_resistance_matrix_errors():
    units = np.array([[1, 1, 2, 2]])
    sources = np.array([[1, 0, 0, 2]])
    with pytest.raises(EspInputError, match="square cells"):
        resistance_matrix(strip([1, 1, 1, 1], cell=(10.0, 20.0)), sources, units, n_units=2)
    with pytest.raises(EspInputError, match="zero or negative"):
        resistance_matrix(strip([1, 0, 1, 1]), sources, units, n_units=2)
    with pytest.raises(EspInputError, match="outside 0"):
        resistance_matrix(strip([1, 1, 1, 1]), sources, units + 1, n_units=2)


# ----------------------------------------------------------------------- zones

def two_triangles():
    """Units 0-2 and 3-5 are triangles of weight 5, joined by one edge 2-3 of weight 1;
    unit 6 has only a diagonal entry (no edge): 7 units."""
    w = np.zeros((7, 7))
    for group in ((0, 1, 2), (3, 4, 5)):
        for u, v in itertools.combinations(group, 2):
            w[u, v] = w[v, u] = 5.0
    w[2, 3] = w[3, 2] = 1.0
    w[6, 6] = 9.0
    return w


def modularity(w, labels, resolution=1.0):
    """Newman's modularity from its definition over the edges u < v (the diagonal is not
    an edge): Q = sum_c L_c / m - resolution (d_c / 2m)²; a label <= 0 is a group of its
    own."""
    n = w.shape[0]
    edges = [(u, v, w[u, v]) for u in range(n) for v in range(u + 1, n) if w[u, v] > 0]
    m = sum(weight for _, _, weight in edges)
    groups = {}
    for u, label in enumerate(labels):
        groups.setdefault(label if label > 0 else ("alone", u), set()).add(u)
    q = 0.0
    for members in groups.values():
        inner = sum(weight for u, v, weight in edges if u in members and v in members)
        degree = sum(weight for u, v, weight in edges for x in (u, v) if x in members)
        q += inner / m - resolution * (degree / (2 * m)) ** 2
    return q


def test_collaboration_zones_by_hand():
    zones = collaboration_zones(two_triangles(), groups=[1, 1, 2, 2, 2, 2, 3])
    # Two zones, numbered by size then smallest unit; unit 6 shares no edge: zone 0.
    np.testing.assert_array_equal(zones.community, [1, 1, 1, 2, 2, 2, 0])
    assert zones.count == 2
    # m = 31; each triangle holds 15 of it with degree 31: Q = 2 (15/31 - 1/4).
    assert zones.modularity == pytest.approx(2 * (15 / 31 - 0.25))
    assert zones.modularity == pytest.approx(modularity(two_triangles(), zones.community))
    assert zones.group_modularity == pytest.approx(
        modularity(two_triangles(), [1, 1, 2, 2, 2, 2, 3]))
    # ARI over units 0-5 (unit 6 is not linked): zones 111222 vs groups 112222. Pairs
    # together in both: C(2,2) + C(3,2) = 4; in the zones 6, in the groups 1 + 6 = 7;
    # of C(6,2) = 15: (4 - 6 x 7 / 15) / ((6 + 7) / 2 - 6 x 7 / 15) = 12 / 37.
    assert zones.adjusted_rand == pytest.approx(float(Fraction(12, 37)))
    # Group 1: zone 1; group 2: zones 1, 2, 2, 2 -> 2; group 3 has no linked unit.
    assert zones.typical == [1, 1, 2, 2, 2, 2, None]


def test_collaboration_zones_without_grouping_and_resolution():
    zones = collaboration_zones(two_triangles(), resolution=0.5, seed=7)
    assert zones.group_modularity is None and zones.adjusted_rand is None
    assert zones.typical is None
    assert zones.count == len(set(zones.community[:6].tolist()))
    assert zones.community[6] == 0
    assert zones.modularity == pytest.approx(
        modularity(two_triangles(), zones.community, resolution=0.5))
    # No unit with a group among the linked ones: the index is not defined (NaN).
    ungrouped = collaboration_zones(two_triangles(), groups=[0, 0, 0, 0, 0, 0, 1])
    assert math.isnan(ungrouped.adjusted_rand)
    assert ungrouped.typical == [None] * 6 + [None]


def test_collaboration_zones_errors():
    with pytest.raises(EspInputError, match="symmetric"):
        collaboration_zones(np.triu(two_triangles()))
    with pytest.raises(EspInputError, match="group labels"):
        collaboration_zones(two_triangles(), groups=[1, 2])
