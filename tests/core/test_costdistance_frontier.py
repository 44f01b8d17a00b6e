"""The frontier search (method "numpy", the default) against scipy's Dijkstra on a graph built
here, on rasters that strain its settling tests, and its hand-over to a heap search."""

import math

import numpy as np
import pytest
from progress_helpers import CancelAfter

from espcore import Cancelled
from espcore.corridors import costdistance
from espcore.corridors.costdistance import cost_allocation, cost_distance

#: Row and column offsets of the 8 neighbours, written out here for the graph below.
NEIGHBOURS = [(dr, dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1) if (dr, dc) != (0, 0)]


def grid_graph(resistance, impassable, dx, dy):
    """8-neighbour graph of the grid (node = row-major cell index): a step costs its length
    times the mean resistance of its two cells; NoData cells have no edge."""
    from scipy.sparse import csr_matrix

    rows, cols = resistance.shape
    index = np.arange(rows * cols).reshape(rows, cols)
    tails, heads, weights = [], [], []
    for dr, dc in NEIGHBOURS:
        here = (slice(max(0, -dr), rows - max(0, dr)), slice(max(0, -dc), cols - max(0, dc)))
        there = (slice(here[0].start + dr, here[0].stop + dr),
                 slice(here[1].start + dc, here[1].stop + dc))
        open_ = ~impassable[here] & ~impassable[there]
        length = math.hypot(dr * dy, dc * dx)
        tails.append(index[here][open_])
        heads.append(index[there][open_])
        weights.append(length * (resistance[here] + resistance[there])[open_] / 2.0)
    return csr_matrix((np.concatenate(weights), (np.concatenate(tails),
                                                 np.concatenate(heads))),
                      shape=(rows * cols, rows * cols))


def per_source_costs(labels, resistance, impassable, dx, dy):
    """Source ids and, per source, the least cost of every cell from it (k x rows x cols)."""
    from scipy.sparse.csgraph import dijkstra

    graph = grid_graph(resistance, impassable, dx, dy)
    ids = np.unique(labels[(labels > 0) & ~impassable])
    costs = [dijkstra(graph, indices=np.flatnonzero((labels == i) & ~impassable),
                      min_only=True).reshape(labels.shape) for i in ids]
    costs = np.array(costs)
    costs[:, impassable] = np.inf
    return ids, costs


def high_contrast_grid(seed):
    """Resistance from 1e-3 to 1e3 in smooth blobs, cheap one-cell roads, NoData, 5 sources."""
    rng = np.random.default_rng(seed)
    shape = (47, 63)
    coarse = rng.standard_normal((7, 9))
    smooth = np.kron(coarse, np.ones((7, 7)))[:shape[0], :shape[1]]
    resistance = 10.0 ** (3 * np.tanh(smooth + 0.3 * rng.standard_normal(shape)))
    resistance[11, :] = resistance[:, 40] = 1e-3  # roads
    impassable = rng.random(shape) < 0.08
    labels = np.zeros(shape, dtype=np.int64)
    for source, (r, c) in enumerate(rng.integers(0, [shape[0] - 3, shape[1] - 3], (5, 2))):
        labels[r:r + 3, c:c + 2] = 10 * (source + 1)
    return labels, resistance, impassable


@pytest.mark.parametrize("method", ["numpy", "auto"])
@pytest.mark.parametrize("seed", [3, 4])
def test_high_contrast_grid_matches_scipy_dijkstra(method, seed):
    labels, resistance, impassable = high_contrast_grid(seed)
    dx, dy = 20.0, 35.0
    ids, costs = per_source_costs(labels, resistance, impassable, dx, dy)
    nearest = costs.min(axis=0)
    cwd, allocation = cost_allocation(labels, resistance, impassable=impassable,
                                      cell_size=(dx, dy), method=method)
    np.testing.assert_allclose(cwd, nearest, rtol=1e-12)
    # Owners where one source is clearly the cheapest; 0 where none reaches.
    ordered = np.sort(costs, axis=0)
    untied = ordered[1] > ordered[0] * (1 + 1e-9)
    owner = ids[np.argmin(costs, axis=0)]
    np.testing.assert_array_equal(allocation[untied], owner[untied])
    np.testing.assert_array_equal(allocation[np.isinf(nearest)], 0)
    # One source alone, and cut at a reach.
    single = cost_distance(labels == ids[2], resistance, impassable=impassable,
                           cell_size=(dx, dy), method=method)
    np.testing.assert_allclose(single, costs[2], rtol=1e-12)
    reach = float(np.median(costs[2][np.isfinite(costs[2])]))
    cut = cost_distance(labels == ids[2], resistance, impassable=impassable,
                        cell_size=(dx, dy), max_cost=reach, method=method)
    np.testing.assert_allclose(cut, np.where(costs[2] <= reach, costs[2], np.inf), rtol=1e-12)


def test_same_sums_as_skimage():
    # Both add the same rounded steps in the same order along a least-cost path, so the two
    # surfaces agree bit for bit (the GRASS comparison in the benchmarks relies on it).
    pytest.importorskip("skimage.graph")
    labels, resistance, impassable = high_contrast_grid(5)
    options = dict(impassable=impassable, cell_size=(20.0, 35.0))
    ours = cost_distance(labels > 0, resistance, method="numpy", **options)
    heap = cost_distance(labels > 0, resistance, method="skimage", **options)
    np.testing.assert_array_equal(ours, heap)


def maze(rows=41, cols=30):
    """A corridor one cell wide winding through NoData walls on every other row; the source in
    the top left corner. Along the corridor the cost grows cell by cell (resistance 2)."""
    impassable = np.zeros((rows, cols), dtype=bool)
    for wall in range(1, rows, 2):
        impassable[wall, :] = True
        impassable[wall, cols - 1 if (wall // 2) % 2 == 0 else 0] = False
    sources = np.zeros((rows, cols), dtype=bool)
    sources[0, 0] = True
    return sources, np.full((rows, cols), 2.0), impassable


def test_a_maze_is_handed_to_a_heap_search(monkeypatch):
    sources, resistance, impassable = maze()
    _, costs = per_source_costs(sources.astype(np.int64), resistance, impassable, 1.0, 1.0)
    results = []
    original = costdistance._frontier_search

    def spied(*args, **kwargs):
        results.append(original(*args, **kwargs))
        return results[-1]

    monkeypatch.setattr(costdistance, "_frontier_search", spied)
    progress = CancelAfter(10 ** 6)
    auto = cost_distance(sources, resistance, impassable=impassable, cell_size=1.0,
                         progress=progress)
    assert results == [None]  # gave up: a phase settles a cell or two here
    np.testing.assert_allclose(auto, costs[0], rtol=1e-12)
    assert progress.fractions == sorted(progress.fractions)
    assert progress.fractions[-1] == 1.0
    # Asked for by name, the frontier search keeps going to the same values.
    own = cost_distance(sources, resistance, impassable=impassable, cell_size=1.0,
                        method="numpy")
    assert results[-1] is not None
    np.testing.assert_allclose(own, costs[0], rtol=1e-12)
    # The far end of the corridor, by hand: 28 steps along row 0, then through each of the 20
    # gaps diagonally in and out (27 steps along each of the 19 rows between), except the
    # last gap, left straight down onto (40, 0).
    assert own[-1, 0] == pytest.approx(2.0 * (28 + 19 * 27 + 1 + 39 * math.sqrt(2.0)),
                                       rel=1e-12)


def test_a_long_search_reports_and_stops_within():
    sources, resistance, impassable = maze()
    progress = CancelAfter(10 ** 6)
    cost_distance(sources, resistance, impassable=impassable, cell_size=1.0, method="numpy",
                  progress=progress)
    inside = [f for f in progress.fractions if 0.05 < f < 0.9]
    assert len(inside) > 10 and inside == sorted(inside)
    with pytest.raises(Cancelled):
        cost_distance(sources, resistance, impassable=impassable, cell_size=1.0,
                      method="numpy", progress=CancelAfter(5))
