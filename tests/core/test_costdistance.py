"""Cost distance, allocation, adjacency, least-cost paths and corridors against hand values and
a plain heapq Dijkstra written here."""

import heapq
import math

import numpy as np
import pytest
from progress_helpers import CancelAfter

from espcore import Cancelled, EspInputError
from espcore.corridors.costdistance import (
    adjacent_pairs,
    corridor,
    cost_allocation,
    cost_distance,
    least_cost_path,
    path_length,
    trace_path,
)

SQ2 = math.sqrt(2.0)


def _has_skimage():
    try:
        import skimage.graph  # noqa: F401
    except ImportError:
        return False
    return True


METHODS = [
    "numpy",
    "scipy",
    pytest.param("skimage", marks=pytest.mark.skipif(not _has_skimage(),
                                                     reason="scikit-image not installed")),
    "auto",
]


def heap_dijkstra(labels, resistance, impassable, dx, dy):
    """Textbook Dijkstra over the 8-neighbour grid: (cost, owner label) per cell."""
    rows, cols = labels.shape
    cost = np.full(labels.shape, np.inf)
    owner = np.zeros(labels.shape, dtype=np.int64)
    heap = []
    for r in range(rows):
        for c in range(cols):
            if labels[r, c] > 0 and not impassable[r, c]:
                cost[r, c] = 0.0
                owner[r, c] = labels[r, c]
                heap.append((0.0, r, c))
    heapq.heapify(heap)
    done = np.zeros(labels.shape, dtype=bool)
    while heap:
        d, r, c = heapq.heappop(heap)
        if done[r, c]:
            continue
        done[r, c] = True
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                nr, nc = r + dr, c + dc
                if (dr, dc) == (0, 0) or not (0 <= nr < rows and 0 <= nc < cols):
                    continue
                if impassable[nr, nc] or done[nr, nc]:
                    continue
                step = math.hypot(dr * dy, dc * dx)
                nd = d + step * (resistance[r, c] + resistance[nr, nc]) / 2.0
                if nd < cost[nr, nc]:
                    cost[nr, nc] = nd
                    owner[nr, nc] = owner[r, c]
                    heapq.heappush(heap, (nd, nr, nc))
    return cost, owner


def octile(a, b, dx, dy):
    """Uniform-cost distance: min(a, b) diagonal steps, the rest straight."""
    k = min(a, b)
    return k * math.hypot(dx, dy) + (a - k) * dy + (b - k) * dx


def wall_grid():
    """7 x 9 grid, resistance 1, column 4 impassable except the gap at row 5; A at (1, 1),
    B at (1, 7). Hand value: A -> gap is 4 rows and 3 columns: 3 diagonals + 1 straight;
    gap -> B the same, so LCD = 2 (3 sqrt2 + 1) cells."""
    resistance = np.ones((7, 9))
    impassable = np.zeros((7, 9), dtype=bool)
    impassable[:, 4] = True
    impassable[5, 4] = False
    resistance[impassable] = np.nan  # never read
    a = np.zeros((7, 9), dtype=bool)
    a[1, 1] = True
    b = np.zeros((7, 9), dtype=bool)
    b[1, 7] = True
    return resistance, impassable, a, b


@pytest.mark.parametrize("method", METHODS)
def test_uniform_resistance_is_octile_distance(method):
    rows, cols, dx, dy, res = 9, 12, 30.0, 20.0, 2.5
    sources = np.zeros((rows, cols), dtype=bool)
    sources[3, 4] = True
    cwd = cost_distance(sources, np.full((rows, cols), res), impassable=np.zeros_like(sources),
                        cell_size=(dx, dy), method=method)
    expected = np.array([[res * octile(abs(r - 3), abs(c - 4), dx, dy) for c in range(cols)]
                         for r in range(rows)])
    np.testing.assert_allclose(cwd, expected, rtol=1e-12)
    assert cwd[3, 4] == 0.0


@pytest.mark.parametrize("method", METHODS)
def test_wall_with_gap(method):
    resistance, impassable, a, b = wall_grid()
    cwd_a = cost_distance(a, resistance, impassable=impassable, cell_size=10.0, method=method)
    assert cwd_a[1, 7] == pytest.approx(10 * 2 * (3 * SQ2 + 1), rel=1e-12)
    assert cwd_a[5, 4] == pytest.approx(10 * (3 * SQ2 + 1), rel=1e-12)
    assert np.all(np.isinf(cwd_a[impassable]))
    # The same wall made of very high resistance instead of NoData.
    high = np.where(impassable, 1e9, 1.0)
    cwd_h = cost_distance(a, high, impassable=np.zeros_like(a), cell_size=10.0, method=method)
    assert cwd_h[1, 7] == pytest.approx(10 * 2 * (3 * SQ2 + 1), rel=1e-12)


@pytest.mark.parametrize("method", METHODS)
def test_random_grid_matches_heapq_dijkstra(method):
    rng = np.random.default_rng(7)
    shape = (23, 31)
    resistance = rng.uniform(0.5, 20.0, shape)
    impassable = rng.random(shape) < 0.15
    labels = np.zeros(shape, dtype=np.int32)
    labels[2:5, 3:6] = 4
    labels[15, 20] = 9
    labels[20:23, 0:3] = 2
    labels[10, 28] = 5
    dx, dy = 25.0, 40.0
    expected, owner = heap_dijkstra(labels, resistance, impassable, dx, dy)
    res_copy, imp_copy, lab_copy = resistance.copy(), impassable.copy(), labels.copy()
    cwd, allocation = cost_allocation(labels, resistance, impassable=impassable,
                                      cell_size=(dx, dy), method=method)
    np.testing.assert_allclose(cwd, expected, rtol=1e-12)
    np.testing.assert_array_equal(allocation, np.where(np.isfinite(expected), owner, 0))
    # cost_distance from all the sources at once gives the same surface.
    single = cost_distance(labels > 0, resistance, impassable=impassable, cell_size=(dx, dy),
                           method=method)
    np.testing.assert_allclose(single, expected, rtol=1e-12)
    # Truncated at max_cost.
    limit = float(np.median(expected[np.isfinite(expected)]))
    cut, cut_alloc = cost_allocation(labels, resistance, impassable=impassable,
                                     cell_size=(dx, dy), max_cost=limit, method=method)
    np.testing.assert_allclose(cut, np.where(expected <= limit, expected, np.inf), rtol=1e-12)
    np.testing.assert_array_equal(cut_alloc, np.where(expected <= limit, owner, 0))
    # Inputs untouched.
    np.testing.assert_array_equal(resistance, res_copy)
    np.testing.assert_array_equal(impassable, imp_copy)
    np.testing.assert_array_equal(labels, lab_copy)


@pytest.mark.parametrize("method", METHODS)
def test_allocation_and_adjacency_of_three_sources(method):
    # Full-column sources at columns 0, 7 and 14: the distance is horizontal, so a cell
    # belongs to the nearer column: zone 1 = columns 0-3, zone 2 = 4-10, zone 3 = 11-14.
    labels = np.zeros((5, 15), dtype=np.int64)
    labels[:, 0], labels[:, 7], labels[:, 14] = 1, 2, 3
    cwd, allocation = cost_allocation(labels, np.full((5, 15), 2.0),
                                      impassable=np.zeros((5, 15), dtype=bool), cell_size=10.0,
                                      method=method)
    columns = np.arange(15)
    near = np.minimum(np.minimum(columns, np.abs(columns - 7)), np.abs(columns - 14))
    np.testing.assert_allclose(cwd, np.broadcast_to(20.0 * near, (5, 15)), rtol=1e-12)
    zone = np.where(columns <= 3, 1, np.where(columns <= 10, 2, 3))
    np.testing.assert_array_equal(allocation, np.broadcast_to(zone, (5, 15)))
    np.testing.assert_array_equal(adjacent_pairs(allocation), [[1, 2], [2, 3]])
    # An impassable column between zones 2 and 3 isolates source 3 from the others.
    impassable = np.zeros((5, 15), dtype=bool)
    impassable[:, 11] = True
    _, allocation = cost_allocation(labels, np.full((5, 15), 2.0), impassable=impassable,
                                    cell_size=10.0, method=method)
    assert np.all(allocation[:, 11] == 0)
    np.testing.assert_array_equal(adjacent_pairs(allocation), [[1, 2]])


#: Lines along a strip: skimage's int8 neighbour offsets times the row length wrap at 127
#: columns on numpy 1 and overflow from 128 on with numpy 2; 33,000 is past int16 as well.
STRIP_LENGTHS = [127, 128, 33_000]


def strip_cost_from_corner(length, along, across):
    """Cost (resistance 1) from cell (0, 0) of a strip 2 cells across and ``length`` along,
    as (2, length): straight along the first line; onto the second line one diagonal step
    first (it is shorter than a step along plus one across), then straight."""
    k = np.arange(length, dtype=np.float64)
    second = math.hypot(along, across) + (k - 1) * along
    second[0] = across
    return np.stack([k * along, second])


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("length", STRIP_LENGTHS)
@pytest.mark.parametrize("wide", [True, False], ids=["wide", "tall"])
def test_long_strips_match_the_analytic_cost(method, length, wide):
    # A strip 2 cells across and `length` along, resistance 3, cells 2 wide and 5 high;
    # sources in opposite corners, ids beyond int16. Every cell of the second line is
    # reached through a diagonal step, so the allocation follows diagonal predecessors too.
    dx, dy, res = 2.0, 5.0, 3.0
    first, last = 40_000, 70_000
    along, across = (dx, dy) if wide else (dy, dx)
    from_first = res * strip_cost_from_corner(length, along, across)
    from_last = from_first[::-1, ::-1]  # the same strip seen from the opposite corner
    labels = np.zeros((2, length), dtype=np.int64)
    labels[0, 0], labels[1, -1] = first, last

    def grid(strip):  # strip coordinates (across, along) -> raster rows and columns
        return np.ascontiguousarray(strip if wide else strip.T)

    resistance = np.full(grid(labels).shape, res)
    options = dict(impassable=np.zeros(resistance.shape, dtype=bool), cell_size=(dx, dy),
                   method=method)
    cwd = cost_distance(grid(labels == first), resistance, **options)
    np.testing.assert_allclose(cwd, grid(from_first), rtol=1e-12)
    cwd, allocation = cost_allocation(grid(labels), resistance, **options)
    np.testing.assert_allclose(cwd, grid(np.minimum(from_first, from_last)), rtol=1e-12)
    untied = grid(np.abs(from_first - from_last) > 1e-9 * from_first.max())
    zone = grid(np.where(from_first < from_last, first, last))
    np.testing.assert_array_equal(allocation[untied], zone[untied])
    assert allocation.dtype == np.int64


@pytest.mark.skipif(not _has_skimage(), reason="scikit-image not installed")
@pytest.mark.parametrize("shape", [(3, 127), (3, 128), (2, 33_000), (127, 3), (300, 4)],
                         ids=str)
def test_skimage_matches_scipy_on_wide_and_tall_grids(shape):
    # Random resistance, NoData and sources: the skimage search (pointer jumping over its
    # traceback) must give scipy's distances and owners on any row length.
    rng = np.random.default_rng(sum(shape))
    resistance = rng.uniform(0.5, 20.0, shape)
    impassable = rng.random(shape) < 0.1
    labels = np.zeros(shape, dtype=np.int32)
    cells = rng.choice(labels.size, size=12, replace=False)
    labels.flat[cells] = rng.choice(np.arange(100, 40_000), size=12, replace=False)
    options = dict(impassable=impassable, cell_size=(25.0, 40.0))
    expected, owner = cost_allocation(labels, resistance, method="scipy", **options)
    cwd, allocation = cost_allocation(labels, resistance, method="skimage", **options)
    np.testing.assert_allclose(cwd, expected, rtol=1e-12)
    np.testing.assert_array_equal(allocation, owner)


def test_adjacent_pairs_by_hand():
    assert adjacent_pairs(np.array([[1, 0], [0, 2]])).tolist() == [[1, 2]]
    assert adjacent_pairs(np.array([[0, 5], [3, 0]])).tolist() == [[3, 5]]
    assert adjacent_pairs(np.array([[7, 0, 2]])).tolist() == []
    assert adjacent_pairs(np.array([[4, 4], [-1, 0]])).shape == (0, 2)
    zones = np.array([[3, 3, 1],
                      [2, 2, 1],
                      [2, 5, 5]])
    # Brute force: every ordered 8-neighbour pair.
    expected = set()
    for r in range(3):
        for c in range(3):
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    if 0 <= r + dr < 3 and 0 <= c + dc < 3:
                        u, v = zones[r, c], zones[r + dr, c + dc]
                        if u != v and u > 0 and v > 0:
                            expected.add((min(u, v), max(u, v)))
    assert [tuple(p) for p in adjacent_pairs(zones)] == sorted(expected)


def path_cost(cells, resistance, dx, dy):
    total = 0.0
    for (r0, c0), (r1, c1) in zip(cells[:-1], cells[1:]):
        assert max(abs(r1 - r0), abs(c1 - c0)) == 1  # 8-neighbour steps
        total += math.hypot((r1 - r0) * dy, (c1 - c0) * dx) * (
            resistance[r0, c0] + resistance[r1, c1]) / 2
    return total


@pytest.mark.parametrize("method", METHODS)
def test_least_cost_path_and_corridor_through_the_gap(method):
    resistance, impassable, a, b = wall_grid()
    cwd_a = cost_distance(a, resistance, impassable=impassable, cell_size=10.0, method=method)
    cwd_b = cost_distance(b, resistance, impassable=impassable, cell_size=10.0, method=method)
    hand = 10 * 2 * (3 * SQ2 + 1)
    path = least_cost_path(cwd_a, cwd_b, resistance, impassable=impassable, cell_size=10.0)
    cells = [tuple(p) for p in path]
    assert cells[0] == (1, 1) and cells[-1] == (1, 7)
    assert (5, 4) in cells
    assert not any(impassable[p] for p in cells)
    assert path_cost(cells, resistance, 10.0, 10.0) == pytest.approx(hand, rel=1e-12)
    # Resistance 1: the path's length in map units equals its cost.
    assert path_length(path, 10.0) == pytest.approx(hand, rel=1e-12)
    nlcc, lcd = corridor(cwd_a, cwd_b)
    assert lcd == pytest.approx(hand, rel=1e-12)
    np.testing.assert_allclose(nlcc[tuple(path.T)], 0.0, atol=1e-9)
    finite = np.isfinite(nlcc)
    assert np.all(nlcc[finite] >= 0)
    assert np.all(~finite == impassable)
    # (0, 0): CWD_A = sqrt2; CWD_B via the gap = (4 sqrt2 + 1) + (3 sqrt2 + 1).
    assert nlcc[0, 0] == pytest.approx(10 * (SQ2 + 7 * SQ2 + 2 - (6 * SQ2 + 2)), rel=1e-12)


def test_trace_path_descends_to_source():
    rng = np.random.default_rng(3)
    resistance = rng.uniform(1, 10, (15, 15))
    impassable = np.zeros((15, 15), dtype=bool)
    sources = np.zeros((15, 15), dtype=bool)
    sources[7, 7] = True
    cwd = cost_distance(sources, resistance, impassable=impassable, cell_size=(3.0, 2.0))
    expected, _ = heap_dijkstra(sources.astype(int), resistance, impassable, 3.0, 2.0)
    path = trace_path(cwd, (0, 14), resistance, impassable=impassable, cell_size=(3.0, 2.0))
    cells = [tuple(p) for p in path]
    assert cells[0] == (0, 14) and cells[-1] == (7, 7)
    assert path_cost(cells[::-1], resistance, 3.0, 2.0) == pytest.approx(expected[0, 14],
                                                                         rel=1e-12)
    assert trace_path(cwd, (7, 7), resistance, impassable=impassable,
                      cell_size=(3.0, 2.0)).tolist() == [[7, 7]]


def test_path_length_by_hand():
    cells = np.array([[0, 0], [0, 1], [1, 2], [2, 2]])
    assert path_length(cells, (3.0, 4.0)) == pytest.approx(3.0 + 5.0 + 4.0)
    assert path_length(cells[:1], 10.0) == 0.0


def test_unconnected_sources():
    resistance = np.ones((4, 5))
    impassable = np.zeros((4, 5), dtype=bool)
    impassable[:, 2] = True
    a = np.zeros((4, 5), dtype=bool)
    a[0, 0] = True
    b = np.zeros((4, 5), dtype=bool)
    b[3, 4] = True
    cwd_a = cost_distance(a, resistance, impassable=impassable, cell_size=1.0)
    cwd_b = cost_distance(b, resistance, impassable=impassable, cell_size=1.0)
    assert np.all(np.isinf(cwd_a[:, 2:]))
    nlcc, lcd = corridor(cwd_a, cwd_b)
    assert math.isinf(lcd) and np.all(np.isinf(nlcc))
    assert least_cost_path(cwd_a, cwd_b, resistance, impassable=impassable,
                           cell_size=1.0).shape == (0, 2)


def test_source_covering_the_grid():
    cwd = cost_distance(np.ones((3, 4), dtype=bool), np.ones((3, 4)),
                        impassable=np.zeros((3, 4), dtype=bool), cell_size=1.0)
    np.testing.assert_array_equal(cwd, 0.0)


def test_bad_input():
    ok = np.zeros((4, 4), dtype=bool)
    ok[1, 1] = True
    res = np.ones((4, 4))
    free = np.zeros((4, 4), dtype=bool)
    for bad in (0.0, -1.0, np.inf, np.nan):
        r = res.copy()
        r[2, 2] = bad
        with pytest.raises(EspInputError, match="positive and finite"):
            cost_distance(ok, r, impassable=free, cell_size=1.0)
        # The same cell as NoData is fine.
        masked = free.copy()
        masked[2, 2] = True
        assert np.isinf(cost_distance(ok, r, impassable=masked, cell_size=1.0)[2, 2])
    with pytest.raises(EspInputError, match="same size"):
        cost_distance(ok, np.ones((4, 5)), impassable=free, cell_size=1.0)
    with pytest.raises(EspInputError, match="same size"):
        cost_allocation(ok.astype(int), res, impassable=np.zeros((3, 4), bool), cell_size=1.0)
    with pytest.raises(EspInputError, match="no source"):
        cost_distance(np.zeros((4, 4), bool), res, impassable=free, cell_size=1.0)
    with pytest.raises(EspInputError, match="no source"):
        cost_distance(ok, res, impassable=ok, cell_size=1.0)
    with pytest.raises(EspInputError, match="no source"):
        cost_allocation(-np.ones((4, 4), int), res, impassable=free, cell_size=1.0)
    with pytest.raises(EspInputError, match="cell size"):
        cost_distance(ok, res, impassable=free, cell_size=(1.0, 0.0))
    with pytest.raises(EspInputError, match="largest cost"):
        cost_distance(ok, res, impassable=free, cell_size=1.0, max_cost=-1.0)
    with pytest.raises(EspInputError, match="method"):
        cost_distance(ok, res, impassable=free, cell_size=1.0, method="fast")
    with pytest.raises(EspInputError, match="whole numbers"):
        cost_allocation(np.full((4, 4), 0.5), res, impassable=free, cell_size=1.0)
    cwd = cost_distance(ok, res, impassable=free, cell_size=1.0)
    with pytest.raises(EspInputError, match="not reached"):
        trace_path(np.full((4, 4), np.inf), (0, 0), res, impassable=free, cell_size=1.0)
    with pytest.raises(EspInputError, match="outside"):
        trace_path(cwd, (4, 0), res, impassable=free, cell_size=1.0)
    with pytest.raises(EspInputError, match="differ in size"):
        corridor(cwd, cwd[:3])


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("calls", [0, 1, 2])
def test_cancellation(method, calls):
    sources = np.zeros((30, 30), dtype=bool)
    sources[0, 0] = True
    with pytest.raises(Cancelled):
        cost_allocation(sources.astype(int), np.ones((30, 30)),
                        impassable=np.zeros((30, 30), bool), cell_size=1.0, method=method,
                        progress=CancelAfter(calls))


def test_progress_reaches_one():
    progress = CancelAfter(10 ** 6)
    sources = np.zeros((10, 10), dtype=bool)
    sources[5, 5] = True
    cost_distance(sources, np.ones((10, 10)), impassable=np.zeros((10, 10), bool),
                  cell_size=1.0, progress=progress)
    assert progress.fractions[-1] == 1.0
    assert progress.fractions == sorted(progress.fractions)


def test_source_distances_keep_surfaces_within_their_budget():
    from espcore.corridors.costdistance import SourceDistances

    labels = np.zeros((6, 7), dtype=np.int64)
    labels[0, 0], labels[5, 6], labels[0, 6] = 1, 2, 3
    resistance = np.full(labels.shape, 2.0)
    impassable = np.zeros(labels.shape, dtype=bool)
    # Room for two surfaces of 42 float64 cells.
    distances = SourceDistances(labels, resistance, impassable=impassable, cell_size=1.0,
                                max_bytes=2 * 42 * 8)
    assert list(distances.ids()) == [1, 2, 3]
    # From (0, 0) to (5, 6): 5 diagonal steps and 1 straight, at resistance 2.
    assert distances(1)[5, 6] == pytest.approx(2 * (5 * SQ2 + 1))
    distances(2)
    distances(1)  # used again: now the most recent
    distances(3)  # evicts 2, the least recently used
    assert distances.searches == 3
    distances(1)
    assert distances.searches == 3
    distances(2)
    assert distances.searches == 4
    assert not distances(1).flags.writeable
    with pytest.raises(EspInputError, match="no passable cell"):
        distances(9)


def test_corridor_is_exactly_zero_along_the_least_cost_path():
    # On a random surface the sums CWD_A + CWD_B along the path equal LCD only up to
    # rounding; NLCC must still be exactly 0 there, or "NLCC <= 0" would break the path.
    rng = np.random.default_rng(7)
    resistance = 1 + rng.random((40, 60)) * 99
    impassable = np.zeros(resistance.shape, dtype=bool)
    a = np.zeros(resistance.shape, dtype=bool)
    b = a.copy()
    a[5:8, 2:5] = True
    b[30:34, 50:55] = True
    cwd_a = cost_distance(a, resistance, impassable=impassable, cell_size=30.0)
    cwd_b = cost_distance(b, resistance, impassable=impassable, cell_size=30.0)
    nlcc, lcd = corridor(cwd_a, cwd_b)
    path = least_cost_path(cwd_a, cwd_b, resistance, impassable=impassable, cell_size=30.0)
    assert np.all(nlcc[path[:, 0], path[:, 1]] == 0.0)
    assert np.count_nonzero(nlcc == 0.0) < 0.1 * nlcc.size
    assert lcd == pytest.approx(float((cwd_a + cwd_b).min()))
