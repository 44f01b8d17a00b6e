"""Conefor indices (IIC, PC, ECA), patch importance and its fractions, patch distances.

Every expected value is computed here independently: by hand for a four-patch graph, by
removing each patch and recomputing with Floyd-Warshall for random graphs, by comparing all
cell pairs for raster distances, and with a plain heapq Dijkstra over cells for least costs.
"""

import heapq
import math

import numpy as np
import pytest
from progress_helpers import CancelAfter

from espcore import Cancelled, EspInputError
from espcore.sources.connectivity import (
    PROBABILITY_PRESETS,
    connectivity_importance,
    link_probability,
    pc_cutoff,
)
from espcore.sources.patchdistance import (
    Links,
    cost_distances,
    edge_distances,
    patch_areas,
)

SQRT2 = math.sqrt(2.0)


def links(ids, pairs):
    """Links from [(i, j, distance), ...] with indices into ids."""
    i, j, d = zip(*pairs) if pairs else ((), (), ())
    return Links(np.asarray(ids), np.asarray(i, dtype=np.int64), np.asarray(j, dtype=np.int64),
                 np.asarray(d, dtype=np.float64))


# ------------------------------------------------------------------ hand-worked graph ----
#
# Patches A, B, C, D (ids 1-4) with areas 1, 2, 1, 3 in a landscape of area 10; d0 = 1000,
# p0 = 0.5. Links: A-B 1000 (p 0.5), B-C 1000 (p 0.5), A-C 3000 (p 0.5^3 = 0.125); D alone.
#   IIC graph (d <= 1000): A-B, B-C; nl(A,C) = 2.
#     IICnum = sum a² + 2 (a_A a_B / 2 + a_B a_C / 2 + a_A a_C / 3)
#            = 15 + 2 (1 + 1 + 1/3) = 59/3
#   PC: p*(A,C) = max(0.125, 0.5 x 0.5) = 0.25.
#     PCnum = 15 + 2 (1x2x0.5 + 2x1x0.5 + 1x1x0.25) = 15 + 4.5 = 19.5
#   Removing A: IIC left B-C, D: 4 + 1 + 9 + 2 x 2x1/2 = 16; PC: 14 + 2 x 2x1x0.5 = 16.
#   Removing B: IIC: 1 + 1 + 9 = 11; PC keeps the direct A-C link: 11 + 2 x 0.125 = 11.25.
#   Removing C: as A.  Removing D: IIC 59/3 - 9, PC 19.5 - 9.
IIC_NUM = 59.0 / 3.0
PC_NUM = 19.5
AREAS = np.array([1.0, 2.0, 1.0, 3.0])


def four_patches():
    return links([1, 2, 3, 4], [(0, 1, 1000.0), (1, 2, 1000.0), (0, 2, 3000.0)])


def test_hand_worked_indices():
    result = connectivity_importance(AREAS, four_patches(), distance=1000.0, probability=0.5,
                                     landscape_area=10.0)
    assert result.iic_num == pytest.approx(IIC_NUM, rel=1e-12)
    assert result.pc_num == pytest.approx(PC_NUM, rel=1e-12)
    assert result.iic == pytest.approx(IIC_NUM / 100.0, rel=1e-12)
    assert result.pc == pytest.approx(0.195, rel=1e-12)
    assert result.eca == pytest.approx(math.sqrt(19.5), rel=1e-12)
    assert result.landscape_area == 10.0
    assert (result.components, result.links) == (2, 2)
    np.testing.assert_array_equal(result.ids, [1, 2, 3, 4])


def test_hand_worked_diic_and_fractions():
    r = connectivity_importance(AREAS, four_patches(), distance=1000.0, landscape_area=10.0)
    # dIIC = 100 (IICnum - IICnum_k) / IICnum with IICnum = 59/3, i.e. multiples of 100/59.
    unit = 100.0 / IIC_NUM
    np.testing.assert_allclose(r.d_iic, [(IIC_NUM - 16) * unit, (IIC_NUM - 11) * unit,
                                         (IIC_NUM - 16) * unit, 9 * unit], rtol=1e-12)
    np.testing.assert_allclose(r.d_iic, np.array([1100, 2600, 1100, 2700]) / 59, rtol=1e-12)
    # intra = a²; flux = 2 a_k sum a_j / (1 + nl); connector = what B carries for A-C.
    np.testing.assert_allclose(r.d_iic_intra, np.array([1, 4, 1, 9]) * unit, rtol=1e-12)
    np.testing.assert_allclose(r.d_iic_flux,
                               np.array([2 * (2 / 2 + 1 / 3), 2 * (2 / 2 + 2 / 2),
                                         2 * (2 / 2 + 1 / 3), 0]) * unit, rtol=1e-12)
    np.testing.assert_allclose(r.d_iic_connector, np.array([0, 2 / 3, 0, 0]) * unit,
                               rtol=1e-12, atol=1e-12)


def test_hand_worked_dpc_and_fractions():
    r = connectivity_importance(AREAS, four_patches(), distance=1000.0, landscape_area=10.0)
    unit = 100.0 / PC_NUM
    np.testing.assert_allclose(r.d_pc, np.array([3.5, 8.25, 3.5, 9.0]) * unit, rtol=1e-12)
    np.testing.assert_allclose(r.d_pc_intra, np.array([1, 4, 1, 9]) * unit, rtol=1e-12)
    # flux A: 2 (1x2x0.5 + 1x1x0.25) = 2.5; B: 2 (2x1x0.5 + 2x1x0.5) = 4.
    np.testing.assert_allclose(r.d_pc_flux, np.array([2.5, 4.0, 2.5, 0.0]) * unit, rtol=1e-12)
    # B as stepping stone: A-C drops from 0.25 to 0.125, twice (both orders) 1x1x0.125.
    np.testing.assert_allclose(r.d_pc_connector, np.array([0, 0.25, 0, 0]) * unit,
                               rtol=1e-12, atol=1e-12)


def test_min_probability_drops_weak_links():
    # min p 0.2 removes A-C (p 0.125): B's connector now carries all of p*(A,C) = 0.25,
    # and without B, A and C are apart: PCnum_B = 11.
    r = connectivity_importance(AREAS, four_patches(), distance=1000.0, landscape_area=10.0,
                                min_probability=0.2)
    assert r.pc_num == pytest.approx(PC_NUM, rel=1e-12)
    assert r.d_pc[1] == pytest.approx(100 * (19.5 - 11.0) / 19.5, rel=1e-12)
    assert r.d_pc_connector[1] == pytest.approx(100 * 0.5 / 19.5, rel=1e-12)


def test_duplicate_and_reversed_links_keep_the_shortest():
    doubled = links([1, 2, 3, 4], [(1, 0, 1000.0), (0, 1, 5000.0), (2, 1, 1000.0),
                                   (0, 2, 3000.0), (2, 0, 4000.0)])
    r = connectivity_importance(AREAS, doubled, distance=1000.0, landscape_area=10.0)
    assert r.pc_num == pytest.approx(PC_NUM, rel=1e-12)
    assert r.iic_num == pytest.approx(IIC_NUM, rel=1e-12)
    assert r.links == 2


# ---------------------------------------------------------------- probability kernel ----

@pytest.mark.parametrize("preset,p0", [("conefor", 0.5), ("graphab", 0.05)])
def test_probability_presets(preset, p0):
    assert PROBABILITY_PRESETS[preset] == p0
    d0 = 2000.0
    # p at d0 is p0, at 2 d0 p0², at 0 it is 1.
    np.testing.assert_allclose(link_probability(np.array([0.0, d0, 2 * d0]), distance=d0,
                                                probability=p0), [1.0, p0, p0 * p0])
    # Two patches at d0 apart: PCnum = a1² + a2² + 2 a1 a2 p0.
    r = connectivity_importance(np.array([2.0, 3.0]), links([1, 2], [(0, 1, d0)]),
                                distance=d0, probability=p0, landscape_area=100.0)
    assert r.pc_num == pytest.approx(4 + 9 + 12 * p0, rel=1e-12)
    # The cut-off distance: p0 ** (cut / d0) = 0.01, i.e. cut = d0 ln 0.01 / ln p0.
    cut = pc_cutoff(d0, p0, 0.01)
    assert cut == pytest.approx(d0 * math.log(0.01) / math.log(p0), rel=1e-12)
    assert p0 ** (cut / d0) == pytest.approx(0.01, rel=1e-9)


def test_pc_cutoff_values():
    # 1000 ln 100 / ln 2 and 1000 ln 100 / ln 20, with ln 100 = 4.605170186, ln 2 = 0.693147181,
    # ln 20 = 2.995732274.
    assert pc_cutoff(1000.0, 0.5, 0.01) == pytest.approx(6643.856190, rel=1e-9)
    assert pc_cutoff(1000.0, 0.05, 0.01) == pytest.approx(1537.243574, rel=1e-9)
    assert pc_cutoff(1000.0, 0.5, 0.0) == math.inf


# ------------------------------------------------------------ brute force on random graphs --

def floyd_warshall(weight):
    """All-pairs shortest paths of a dense weight matrix (inf = no link)."""
    dist = weight.copy()
    np.fill_diagonal(dist, 0.0)
    for m in range(dist.shape[0]):
        dist = np.minimum(dist, dist[:, m, None] + dist[None, m, :])
    return dist


def brute_numerator(areas, weight, kind):
    dist = floyd_warshall(weight)
    if kind == "pc":
        value = np.exp(-dist)
    else:
        with np.errstate(divide="ignore"):
            value = np.where(np.isfinite(dist), 1.0 / (1.0 + dist), 0.0)
    return float(areas @ value @ areas), value


def brute_force(areas, lk, *, distance, probability, min_probability=0.0):
    """dIIC, dPC and their fractions by deleting each patch and recomputing everything."""
    n = areas.size
    rate = -math.log(probability) / distance
    pc_weight = np.full((n, n), np.inf)
    iic_weight = np.full((n, n), np.inf)
    for a, b, d in zip(lk.i, lk.j, lk.distance):
        if probability ** (d / distance) >= min_probability:
            pc_weight[a, b] = pc_weight[b, a] = d * rate
        if d <= distance:
            iic_weight[a, b] = iic_weight[b, a] = 1.0
    out = {}
    for kind, weight in (("pc", pc_weight), ("iic", iic_weight)):
        total, value = brute_numerator(areas, weight, kind)
        loss = np.empty(n)
        for k in range(n):
            rest = np.arange(n) != k
            loss[k] = total - brute_numerator(areas[rest], weight[np.ix_(rest, rest)], kind)[0]
        intra = areas ** 2
        flux = 2 * areas * (value @ areas - areas)
        out[kind] = {"num": total, "d": 100 * loss / total, "intra": 100 * intra / total,
                     "flux": 100 * flux / total,
                     "connector": 100 * (loss - intra - flux) / total}
    return out


def random_graph(seed, n, *, lattice=False):
    rng = np.random.default_rng(seed)
    if lattice:
        # Points on a lattice with rook and diagonal links only: many equally short paths.
        side = int(math.ceil(math.sqrt(n)))
        xy = np.array([(k % side, k // side) for k in range(n)], dtype=float) * 100.0
        pairs = [(a, b, float(np.hypot(*(xy[a] - xy[b]))))
                 for a in range(n) for b in range(a + 1, n)
                 if np.hypot(*(xy[a] - xy[b])) <= 150.0 and rng.random() < 0.9]
    else:
        xy = rng.random((n, 2)) * 5000.0
        radius = rng.random(n) * 150.0
        pairs = []
        for a in range(n):
            for b in range(a + 1, n):
                gap = max(0.0, float(np.hypot(*(xy[a] - xy[b]))) - radius[a] - radius[b])
                if gap <= 2500.0:
                    pairs.append((a, b, gap))
    areas = rng.random(n) * 10.0 + 0.5
    return areas, links(np.arange(1, n + 1) * 3, pairs)


@pytest.mark.parametrize("seed,lattice,min_p", [(1, False, 0.0), (2, False, 0.05),
                                                 (3, True, 0.0)])
def test_importance_matches_remove_and_recompute(seed, lattice, min_p):
    areas, lk = random_graph(seed, 40, lattice=lattice)
    distance, probability = (100.0, 0.3) if lattice else (900.0, 0.5)
    want = brute_force(areas, lk, distance=distance, probability=probability,
                       min_probability=min_p)
    got = connectivity_importance(areas, lk, distance=distance, probability=probability,
                                  landscape_area=1000.0, min_probability=min_p)
    assert got.pc_num == pytest.approx(want["pc"]["num"], rel=1e-10)
    assert got.iic_num == pytest.approx(want["iic"]["num"], rel=1e-10)
    for kind in ("pc", "iic"):
        for part in ("d", "intra", "flux", "connector"):
            name = "d_{0}".format(kind) + ("" if part == "d" else "_" + part)
            np.testing.assert_allclose(getattr(got, name), want[kind][part], rtol=1e-8,
                                       atol=1e-9, err_msg=name)
    # Some patches must act as stepping stones, or the connector part is untested.
    assert np.count_nonzero(want["pc"]["connector"] > 1e-6) >= 3
    assert np.count_nonzero(want["iic"]["connector"] > 1e-6) >= 3


def test_fractions_add_up_on_a_random_graph():
    areas, lk = random_graph(7, 30)
    r = connectivity_importance(areas, lk, distance=700.0, probability=0.5,
                                landscape_area=500.0)
    np.testing.assert_allclose(r.d_pc_intra + r.d_pc_flux + r.d_pc_connector, r.d_pc,
                               rtol=1e-12)
    np.testing.assert_allclose(r.d_iic_intra + r.d_iic_flux + r.d_iic_connector, r.d_iic,
                               rtol=1e-12)
    assert np.all(r.d_pc_connector >= 0) and np.all(r.d_iic_connector >= 0)
    assert np.all(r.d_pc_flux >= 0)
    # IIC's binary graph: components and links counted independently.
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    short = lk.distance <= 700.0
    graph = coo_matrix((np.ones(short.sum()), (lk.i[short], lk.j[short])), shape=(30, 30))
    assert r.components == connected_components(graph, directed=False)[0]
    assert r.links == int(short.sum())


def test_touching_patches_have_probability_one():
    # Distance 0: p = 1, so PCnum = (a1 + a2)².
    r = connectivity_importance(np.array([2.0, 3.0]), links([5, 9], [(0, 1, 0.0)]),
                                distance=500.0, landscape_area=10.0)
    assert r.pc_num == pytest.approx(25.0, rel=1e-10)
    assert r.iic_num == pytest.approx(4 + 9 + 2 * 6 / 2, rel=1e-12)


# --------------------------------------------------------------------- raster distances ----

def blob_labels(seed, shape=(24, 31), count=6):
    from scipy.ndimage import label

    rng = np.random.default_rng(seed)
    labels, found = label(rng.random(shape) > 0.8, structure=np.ones((3, 3)))
    # Renumber with gaps to make sure ids, not positions, are returned.
    return np.where(labels > 0, labels * 10 + 3, 0), found


def brute_distances(labels, dx, dy, between):
    ids = np.unique(labels[labels > 0])
    cells = {pid: np.argwhere(labels == pid) for pid in ids}
    out = {}
    for a in range(ids.size):
        for b in range(a + 1, ids.size):
            dr = np.abs(cells[ids[a]][:, None, 0] - cells[ids[b]][None, :, 0])
            dc = np.abs(cells[ids[a]][:, None, 1] - cells[ids[b]][None, :, 1])
            if between == "edges":
                dr, dc = np.maximum(dr - 1, 0), np.maximum(dc - 1, 0)
            out[(a, b)] = float(np.min(np.hypot(dc * dx, dr * dy)))
    return ids, out


@pytest.mark.parametrize("between", ["centres", "edges"])
@pytest.mark.parametrize("seed", [0, 1])
def test_edge_distances_match_all_cell_pairs(seed, between):
    labels, _ = blob_labels(seed)
    dx, dy = 10.0, 20.0
    ids, want = brute_distances(labels, dx, dy, between)
    reach = 95.0
    got = edge_distances(labels, cell_size=(dx, dy), max_distance=reach, between=between)
    np.testing.assert_array_equal(got.ids, ids)
    found = {(int(a), int(b)): float(d) for a, b, d in zip(got.i, got.j, got.distance)}
    assert set(found) == {pair for pair, d in want.items() if d <= reach}
    for pair, d in found.items():
        assert d == pytest.approx(want[pair], rel=1e-12)
    assert len(found) > 5


def test_edge_distances_of_squares_by_hand():
    labels = np.zeros((10, 12), dtype=np.int32)
    labels[1:3, 1:3] = 4     # rows 1-2, cols 1-2
    labels[1:3, 6:8] = 7     # same rows, cols 6-7: three empty columns between
    labels[6:9, 5:6] = 9     # rows 6-8, col 5
    got = edge_distances(labels, cell_size=(30.0, 30.0), max_distance=math.inf)
    d = {(int(a), int(b)): float(x) for a, b, x in zip(got.i, got.j, got.distance)}
    assert d[(0, 1)] == pytest.approx(4 * 30.0)                    # col 2 -> col 6
    assert d[(0, 2)] == pytest.approx(30.0 * math.hypot(3, 4))     # (2,2) -> (6,5)
    assert d[(1, 2)] == pytest.approx(30.0 * math.hypot(1, 4))     # (2,6) -> (6,5)
    edges = edge_distances(labels, cell_size=(30.0, 30.0), max_distance=math.inf,
                           between="edges")
    d = {(int(a), int(b)): float(x) for a, b, x in zip(edges.i, edges.j, edges.distance)}
    assert d[(0, 1)] == pytest.approx(3 * 30.0)
    assert d[(0, 2)] == pytest.approx(30.0 * math.hypot(2, 3))
    assert d[(1, 2)] == pytest.approx(30.0 * 3)


def test_edge_distances_of_touching_patches_and_one_patch():
    labels = np.array([[1, 1, 2], [1, 0, 2], [3, 3, 3]])
    got = edge_distances(labels, cell_size=(1.0, 1.0), max_distance=10.0, between="edges")
    assert sorted(zip(got.i.tolist(), got.j.tolist())) == [(0, 1), (0, 2), (1, 2)]
    np.testing.assert_allclose(got.distance, 0.0)
    single = edge_distances(np.ones((4, 4), dtype=int), cell_size=(1.0, 1.0),
                            max_distance=10.0)
    assert single.ids.tolist() == [1] and single.i.size == 0


def test_patch_areas():
    labels = np.array([[0, 5, 5], [2, 5, -1], [2, 0, 5]])
    ids, areas = patch_areas(labels, cell_area=900.0)
    assert ids.tolist() == [2, 5]
    np.testing.assert_allclose(areas, [2 * 900.0, 4 * 900.0])


# ------------------------------------------------------------------ least-cost distances ----

def brute_cost(labels, resistance, impassable, dx, dy):
    """Least cost between every pair of patches by a plain heapq Dijkstra per patch."""
    rows, cols = labels.shape
    ids = np.unique(labels[labels > 0])
    out = {}
    for a, pid in enumerate(ids):
        best = np.full(labels.shape, np.inf)
        heap = []
        for r, c in np.argwhere((labels == pid) & ~impassable):
            best[r, c] = 0.0
            heap.append((0.0, int(r), int(c)))
        heapq.heapify(heap)
        while heap:
            cost, r, c = heapq.heappop(heap)
            if cost > best[r, c]:
                continue
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    rr, cc = r + dr, c + dc
                    if (dr, dc) == (0, 0) or not (0 <= rr < rows and 0 <= cc < cols):
                        continue
                    if impassable[rr, cc]:
                        continue
                    step = math.hypot(dc * dx, dr * dy)
                    new = cost + step * (resistance[r, c] + resistance[rr, cc]) / 2
                    if new < best[rr, cc]:
                        best[rr, cc] = new
                        heapq.heappush(heap, (new, rr, cc))
        for b in range(a + 1, ids.size):
            out[(a, b)] = float(np.min(best[(labels == ids[b]) & ~impassable], initial=np.inf))
    return out


def test_cost_distances_on_uniform_resistance():
    labels = np.zeros((8, 10), dtype=np.int32)
    labels[1, 1] = 1
    labels[4, 6] = 2   # 3 rows and 5 columns away: 3 diagonal + 2 straight steps
    resistance = np.full(labels.shape, 2.0)
    got = cost_distances(labels, resistance, impassable=np.zeros(labels.shape, bool),
                         cell_size=(30.0, 30.0), max_distance=math.inf)
    assert got.ids.tolist() == [1, 2]
    assert got.distance[0] == pytest.approx(30.0 * 2.0 * (3 * SQRT2 + 2), rel=1e-12)


def test_cost_distances_through_a_gap_in_a_wall():
    labels = np.zeros((5, 7), dtype=np.int32)
    labels[2, 0] = 1
    labels[2, 6] = 2
    wall = np.zeros(labels.shape, bool)
    wall[0:4, 3] = True  # column 3 blocked except the bottom row (row 4)
    resistance = np.ones(labels.shape)
    got = cost_distances(labels, resistance, impassable=wall, cell_size=(1.0, 1.0),
                         max_distance=math.inf)
    # (2,0) -> (4,3): 2 diagonal + 1 straight; (4,3) -> (2,6): the same.
    assert got.distance[0] == pytest.approx(4 * SQRT2 + 2, rel=1e-12)
    # Without the wall: 6 straight steps.
    open_ = cost_distances(labels, resistance, impassable=np.zeros(labels.shape, bool),
                           cell_size=(1.0, 1.0), max_distance=math.inf)
    assert open_.distance[0] == pytest.approx(6.0)
    # A closed wall leaves no link; a cut-off below the cost too.
    wall[4, 3] = True
    closed = cost_distances(labels, resistance, impassable=wall, cell_size=(1.0, 1.0),
                            max_distance=math.inf)
    assert closed.i.size == 0
    wall[4, 3] = False
    near = cost_distances(labels, resistance, impassable=wall, cell_size=(1.0, 1.0),
                          max_distance=4 * SQRT2 + 1.9)
    assert near.i.size == 0


def test_cost_distances_match_a_plain_dijkstra():
    labels, _ = blob_labels(4, shape=(15, 18))
    rng = np.random.default_rng(11)
    resistance = 10.0 ** (rng.random(labels.shape) * 2)
    impassable = rng.random(labels.shape) < 0.1
    dx, dy = 30.0, 20.0
    want = brute_cost(labels, resistance, impassable, dx, dy)
    reach = float(np.percentile([d for d in want.values() if np.isfinite(d)], 60))
    got = cost_distances(labels, resistance, impassable=impassable, cell_size=(dx, dy),
                         max_distance=reach)
    found = {(int(a), int(b)): float(d) for a, b, d in zip(got.i, got.j, got.distance)}
    assert set(found) == {pair for pair, d in want.items() if d <= reach}
    for pair, d in found.items():
        assert d == pytest.approx(want[pair], rel=1e-12)
    assert len(found) > 5


def test_cost_graph_is_the_same_with_int64_node_ranks(monkeypatch):
    # Past 2**31 passable cells int32 node ranks would wrap. Too big to build here, so the
    # int32 limit is lowered: the int64 path must build the same graph and distances.
    from espcore.sources import patchdistance

    labels, _ = blob_labels(3, shape=(9, 13))
    rng = np.random.default_rng(5)
    resistance = rng.uniform(1.0, 10.0, labels.shape)
    passable = rng.random(labels.shape) > 0.2
    narrow = patchdistance.cost_graph(resistance, passable, 30.0, 20.0)
    expected = cost_distances(labels, resistance, impassable=~passable, cell_size=(30.0, 20.0),
                              max_distance=math.inf)
    monkeypatch.setattr(patchdistance, "_INT32_MAX", 10)
    assert patchdistance._index_dtype(11) == np.int64
    wide = patchdistance.cost_graph(resistance, passable, 30.0, 20.0)
    assert (wide != narrow).nnz == 0 and wide.shape == narrow.shape
    got = cost_distances(labels, resistance, impassable=~passable, cell_size=(30.0, 20.0),
                         max_distance=math.inf)
    np.testing.assert_array_equal(got.i, expected.i)
    np.testing.assert_array_equal(got.j, expected.j)
    np.testing.assert_allclose(got.distance, expected.distance, rtol=1e-12)
    assert expected.i.size > 0


def test_cost_distances_reject_zero_resistance():
    labels = np.array([[1, 0, 2]])
    with pytest.raises(EspInputError, match="positive"):
        cost_distances(labels, np.array([[1.0, 0.0, 1.0]]), impassable=np.zeros((1, 3), bool),
                       cell_size=(1.0, 1.0), max_distance=10.0)
    # ... unless the cell is impassable.
    got = cost_distances(labels, np.array([[1.0, 0.0, 1.0]]),
                         impassable=np.array([[False, True, False]]), cell_size=(1.0, 1.0),
                         max_distance=10.0)
    assert got.i.size == 0


# ------------------------------------------------------------------------------- errors ----

def test_bad_input_is_explained():
    good = dict(distance=1000.0, landscape_area=10.0)
    with pytest.raises(EspInputError, match="3 patch areas for 4"):
        connectivity_importance(AREAS[:3], four_patches(), **good)
    with pytest.raises(EspInputError, match="dispersal distance"):
        connectivity_importance(AREAS, four_patches(), distance=0.0, landscape_area=10.0)
    for p in (0.0, 1.0, 1.5):
        with pytest.raises(EspInputError, match="between 0 and 1"):
            connectivity_importance(AREAS, four_patches(), probability=p, **good)
    with pytest.raises(EspInputError, match="smaller than the total patch area"):
        connectivity_importance(AREAS, four_patches(), distance=1000.0, landscape_area=6.0)
    with pytest.raises(EspInputError, match="no patches"):
        connectivity_importance(np.zeros(0), links([], []), **good)
    with pytest.raises(EspInputError, match="sorted ascending"):
        connectivity_importance(AREAS, links([1, 3, 2, 4], [(0, 1, 1.0)]), **good)
    with pytest.raises(EspInputError, match="outside"):
        connectivity_importance(AREAS, links([1, 2, 3, 4], [(0, 4, 1.0)]), **good)
    with pytest.raises(EspInputError, match="between 'centres' or 'edges'"):
        edge_distances(np.ones((2, 2), int), cell_size=(1.0, 1.0), max_distance=1.0,
                       between="middle")
    with pytest.raises(EspInputError, match="whole numbers"):
        patch_areas(np.array([[0.5, 1.0]]), cell_area=1.0)



def test_cancel():
    areas, lk = random_graph(5, 30)
    with pytest.raises(Cancelled):
        connectivity_importance(areas, lk, distance=900.0, landscape_area=1000.0,
                                progress=CancelAfter(2))
    labels, _ = blob_labels(0)
    with pytest.raises(Cancelled):
        edge_distances(labels, cell_size=(1.0, 1.0), max_distance=5.0, progress=CancelAfter(0))
