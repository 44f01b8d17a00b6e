"""Graph connectivity of habitat patches: Conefor's IIC, PC and ECA, and patch importance.

Nodes are habitat patches with an attribute ``a_i`` (their area, map units²); ``A_L`` is the
area of the whole study area (the maximum the attribute could reach).

* **IIC** (integral index of connectivity, Pascual-Hortal & Saura 2006): two patches are
  linked when their distance is at most the threshold ``d0``;
  ``IIC = sum_i sum_j a_i a_j / (1 + nl_ij) / A_L²`` where ``nl_ij`` is the number of links
  on the shortest topological path (``nl_ii = 0``; the term is 0 between components).
* **PC** (probability of connectivity, Saura & Pascual-Hortal 2007): the probability of a
  direct move between two patches at distance ``d`` is ``p = p0 ** (d / d0)`` (an exponential
  kernel through ``p0`` at ``d0``); ``p*_ij`` is the product of ``p`` along the best path
  (``p*_ii = 1``); ``PCnum = sum_i sum_j a_i a_j p*_ij``, ``PC = PCnum / A_L²`` and the
  equivalent connected area ``ECA = sqrt(PCnum)`` (map units²).
* **Importance** of patch ``k``: ``dI_k = 100 (I - I_k) / I`` with ``I_k`` the index after
  deleting the patch and its links. Saura & Rubio (2010) split it into
  ``dI_intra = 100 a_k² / Inum`` (the patch's own habitat), ``dI_flux = 100 * 2
  sum_{j != k} a_k a_j p*_kj / Inum`` (what starts or ends at ``k``) and ``dI_connector``
  (what ``k`` carries between other patches as a stepping stone); the three add up to
  ``dI``. IIC is split the same way with ``1 / (1 + nl)`` in place of ``p*``.

Distances between patches come from :mod:`espcore.sources.patchdistance` (edge to edge, or least
cost over a resistance raster) as a list of candidate :class:`Links`; :func:`pc_cutoff`
gives the distance beyond which a link cannot matter (``p < min_probability``), which is the
right ``max_distance`` for both.

References: Saura, S. & Rubio, L. (2010) A common currency for the different ways in which
patches and links can contribute to habitat availability and connectivity in the landscape.
Ecography 33: 523-537. Saura, S. & Torné, J. (2009) Conefor Sensinode 2.2. Environ. Model.
Softw. 24: 135-139.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, List, Optional, Tuple

import numpy as np
import numpy.typing as npt

from ..errors import EspInputError
from ..progress import NullProgress, Progress, SubProgress, check_cancelled
from .patchdistance import Links

#: Probability at the dispersal distance d0: Conefor practice (a median dispersal distance)
#: and Graphab's default (a maximum dispersal distance).
PROBABILITY_PRESETS = {"conefor": 0.5, "graphab": 0.05}

#: Smallest edge weight (-ln p) in the PC graph: patches that touch (distance 0) get
#: p = exp(-1e-12) instead of 1, so that scipy's graph routines never meet a zero weight.
_MIN_WEIGHT = 1e-12


@dataclass(frozen=True, eq=False)
class Importance:
    """Landscape connectivity and the importance of every patch.

    Attributes
    ----------
    ids, areas : (n,) arrays
        Patch ids (as in the links) and their attribute (area, map units²).
    iic, pc : float
        IIC and PC, between 0 and 1.
    eca : float
        Equivalent connected area, ``sqrt(pc_num)``, map units².
    iic_num, pc_num : float
        The numerators of IIC and PC (map units⁴); the ``d_*`` values are percentages of
        these.
    landscape_area : float
        A_L, map units².
    components, links : int
        Connected components (isolated patches included) and links of the binary graph
        (distance <= d0) that IIC uses.
    d_iic, d_iic_intra, d_iic_flux, d_iic_connector : (n,) float arrays
        dIIC and its fractions, percent; ``intra + flux + connector == d_iic``.
    d_pc, d_pc_intra, d_pc_flux, d_pc_connector : (n,) float arrays
        dPC and its fractions, percent; ``intra + flux + connector == d_pc``.
    """

    ids: np.ndarray
    areas: np.ndarray
    iic: float
    pc: float
    eca: float
    iic_num: float
    pc_num: float
    landscape_area: float
    components: int
    links: int
    d_iic: np.ndarray
    d_iic_intra: np.ndarray
    d_iic_flux: np.ndarray
    d_iic_connector: np.ndarray
    d_pc: np.ndarray
    d_pc_intra: np.ndarray
    d_pc_flux: np.ndarray
    d_pc_connector: np.ndarray

    @property
    def rank(self) -> np.ndarray:
        """Rank of every patch by dPC, 1 = the most important (ties: the patch listed
        first ranks higher); int64, in the order of ``ids``."""
        rank = np.empty(self.d_pc.size, dtype=np.int64)
        rank[np.argsort(-self.d_pc, kind="stable")] = np.arange(1, self.d_pc.size + 1)
        return rank


# ------------------------------------------------------------------ probabilities ----

def _check_kernel(distance: float, probability: float) -> None:
    if not (math.isfinite(distance) and distance > 0):
        raise EspInputError("The dispersal distance must be a positive number, not {value}.",
                            value=distance)
    if not 0.0 < probability < 1.0:
        raise EspInputError("The probability at the dispersal distance must lie between 0 "
                            "and 1 (both excluded), not {value}; Conefor studies use 0.5, "
                            "Graphab 0.05.", value=probability)


def link_probability(d: np.ndarray, *, distance: float, probability: float) -> np.ndarray:
    """Probability of a direct move across distance ``d``: ``probability ** (d / distance)``.

    ``distance`` is d0 and ``probability`` p0 (the kernel goes through p0 at d0), so
    ``p = exp(-k d)`` with ``k = -ln(p0) / d0``.
    """
    _check_kernel(distance, probability)
    return np.power(probability, np.asarray(d, dtype=np.float64) / distance)


@dataclass(frozen=True, eq=False)
class KeptLinks:
    """The links of a :class:`Links` whose direct probability is kept: the ids of their two
    patches, their distance and the probability ``p0 ** (d / d0)``, in the links' order."""

    from_id: np.ndarray
    to_id: np.ndarray
    distance: np.ndarray
    probability: np.ndarray


def kept_links(links: Links, *, distance: float, probability: float,
               min_probability: float = 0.0) -> KeptLinks:
    """The links whose direct probability (:func:`link_probability`) is not below
    ``min_probability``, as a table: the pairs that count as connected in PC.

    Raises
    ------
    EspInputError
        A dispersal distance or probability out of range (see :func:`link_probability`).
    """
    p = link_probability(links.distance, distance=distance, probability=probability)
    keep = ~(p < min_probability)
    ids = np.asarray(links.ids)
    return KeptLinks(ids[np.asarray(links.i)[keep]], ids[np.asarray(links.j)[keep]],
                     np.asarray(links.distance, dtype=np.float64)[keep], p[keep])


def pc_cutoff(distance: float, probability: float, min_probability: float = 0.01) -> float:
    """The distance at which the link probability falls to ``min_probability``.

    Pairs farther apart have ``p < min_probability`` and are dropped, so callers pass this as
    ``max_distance`` to :func:`edge_distances` / :func:`cost_distances`. It is
    ``distance * ln(min_probability) / ln(probability)`` (e.g. 6.64 d0 for p0 = 0.5 and
    0.01; 1.54 d0 for p0 = 0.05), and infinite when ``min_probability`` is 0.
    """
    _check_kernel(distance, probability)
    if not 0.0 <= min_probability < 1.0:
        raise EspInputError("The smallest probability kept must lie in [0, 1), not {value}.",
                            value=min_probability)
    if min_probability == 0.0:
        return math.inf
    return float(distance * math.log(min_probability) / math.log(probability))


# ----------------------------------------------------------------------- patches ----
# ----------------------------------------------------------------------- indices ----

def _clean_links(links: Links, n: int) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Validated (i, j, distance) with i < j, one link per pair (the shortest)."""
    i = np.asarray(links.i, dtype=np.int64).ravel()
    j = np.asarray(links.j, dtype=np.int64).ravel()
    d = np.asarray(links.distance, dtype=np.float64).ravel()
    if not (i.size == j.size == d.size):
        raise EspInputError("The links hold {i} first patches, {j} second patches and "
                            "{d} distances; they must be equally many.",
                            i=i.size, j=j.size, d=d.size)
    if i.size == 0:
        return i, j, d
    if min(i.min(), j.min()) < 0 or max(i.max(), j.max()) >= n:
        raise EspInputError("A link refers to a patch index outside 0..{last}.", last=n - 1)
    if np.any(i == j):
        raise EspInputError("A link joins a patch to itself (index {index}).",
                            index=int(i[i == j][0]))
    if np.any(np.isnan(d)) or np.any(d < 0):
        raise EspInputError("Link distances must be zero or positive numbers.")
    low, high = np.minimum(i, j), np.maximum(i, j)
    order = np.lexsort((d, high, low))
    low, high, d = low[order], high[order], d[order]
    first = np.r_[True, (low[1:] != low[:-1]) | (high[1:] != high[:-1])]
    return low[first], high[first], d[first]


def _symmetric(n: int, i: np.ndarray, j: np.ndarray, weight: np.ndarray) -> Any:
    from scipy.sparse import csr_matrix

    return csr_matrix((np.concatenate([weight, weight]),
                       (np.concatenate([i, j]), np.concatenate([j, i]))), shape=(n, n))


def _prune(graph: Any) -> Any:
    """Drop links that no shortest path needs, even after any one patch is removed.

    A link u-v is dropped when two different patches x give u-x-v no longer than u-v:
    removing one patch leaves the other, so the link never shortens a path, and since
    weights are positive the two-step detours use shorter links (an induction on the link
    length shows dropping all such links at once is safe). Geometric graphs with a long
    cut-off lose most of their links this way, which speeds up every Dijkstra run.
    """
    from scipy.sparse import csr_matrix

    graph = graph.tocsr()
    keep_rows: List[np.ndarray] = []
    keep_cols: List[np.ndarray] = []
    keep_data: List[np.ndarray] = []
    for u in range(graph.shape[0]):
        lo, hi = graph.indptr[u], graph.indptr[u + 1]
        nb = graph.indices[lo:hi]
        w = graph.data[lo:hi]
        if nb.size > 2:
            block = graph[nb][:, nb].toarray()
            block[block == 0] = np.inf  # weights are positive: 0 is "no link"
            np.fill_diagonal(block, np.inf)
            # Both detour links strictly shorter (what the induction needs, whatever the
            # rounding of the sum) and the detour no longer than the link.
            shorter = (w[:, None] < w[None, :]) & (block < w[None, :])
            witnesses = np.count_nonzero(shorter & (w[:, None] + block <= w[None, :]), axis=0)
            needed = witnesses < 2
            nb, w = nb[needed], w[needed]
        keep_rows.append(np.full(nb.size, u, dtype=np.int64))
        keep_cols.append(nb.astype(np.int64))
        keep_data.append(w)
    rows = np.concatenate(keep_rows)
    cols = np.concatenate(keep_cols)
    data = np.concatenate(keep_data)
    # A link is kept when either end keeps it (both ends see the same witnesses, up to
    # rounding; keeping the union keeps the graph symmetric).
    pruned = csr_matrix((data, (rows, cols)), shape=graph.shape)
    pruned = pruned.maximum(pruned.T)
    return pruned.tocsr()


def _shortest(graph: Any, weighted: bool, indices: Any = None,
              predecessors: bool = False) -> Any:
    from scipy.sparse.csgraph import dijkstra

    return dijkstra(graph, directed=True, indices=indices, unweighted=not weighted,
                    return_predecessors=predecessors)


def _value(lengths: np.ndarray, weighted: bool) -> np.ndarray:
    """p* = exp(-length) for PC, 1 / (1 + nl) for IIC; 0 between components."""
    with np.errstate(over="ignore", divide="ignore"):
        if weighted:
            return np.exp(-lengths)
        return np.where(np.isfinite(lengths), 1.0 / (1.0 + lengths), 0.0)


def _tree_triples(pred: np.ndarray) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(via, source, target), source < target, for every node strictly inside the path from
    source to target in the source's shortest-path tree.

    ``pred[s, t]`` is the predecessor of t on the tree of source s (negative: none). One
    tree per pair suffices: when the tree path of the lower-numbered end avoids a node, a
    path as short as before survives that node's removal.
    """
    rows = np.arange(pred.shape[0])[:, None]
    inside = (pred >= 0) & (pred != rows) & (np.arange(pred.shape[0])[None, :] > rows)
    src, dst = np.nonzero(inside)
    via = pred[src, dst].astype(np.int64)
    parts_v: List[np.ndarray] = []
    parts_s: List[np.ndarray] = []
    parts_t: List[np.ndarray] = []
    while src.size:
        parts_v.append(via.astype(np.int32))
        parts_s.append(src.astype(np.int32))
        parts_t.append(dst.astype(np.int32))
        via = pred[src, via].astype(np.int64)
        more = via != src
        src, dst, via = src[more], dst[more], via[more]
    if not parts_v:
        empty: npt.NDArray[np.int32] = np.zeros(0, np.int32)
        return empty, empty, empty
    return np.concatenate(parts_v), np.concatenate(parts_s), np.concatenate(parts_t)


def _cover(u: np.ndarray, v: np.ndarray, size: int) -> np.ndarray:
    """A small vertex cover of the pairs (u, v) (greedy: most uncovered pairs first)."""
    ends = np.concatenate([u, v])
    others = np.concatenate([v, u])
    order = np.argsort(ends, kind="stable")
    neighbours = others[order]
    start = np.asarray(np.searchsorted(ends[order], np.arange(size + 1)))
    degree = np.bincount(ends, minlength=size)
    chosen: npt.NDArray[np.bool_] = np.zeros(size, dtype=bool)
    picked: List[int] = []
    while True:
        c = int(np.argmax(degree))
        if degree[c] <= 0:
            break
        picked.append(c)
        chosen[c] = True
        degree[c] = 0
        x = neighbours[start[c]:start[c + 1]]
        degree[x[~chosen[x]]] -= 1
    return np.array(picked, dtype=np.int64)


def _removal_sums(areas: np.ndarray, graph: Any, weighted: bool, progress: Progress,
                  ) -> Tuple[float, np.ndarray, np.ndarray]:
    """Numerator of the index, and per node the flux and connector parts of its loss.

    ``graph``: symmetric CSR on all nodes; weights ``-ln p`` (PC) or ignored (IIC, hop
    counts). Returns ``(num, flux, connector)`` in the units of the numerator, so that
    removing node k lowers ``num`` by ``a_k² + flux[k] + connector[k]``.
    """
    from scipy.sparse.csgraph import connected_components

    n = areas.size
    flux = np.zeros(n)
    connector = np.zeros(n)
    count, component = connected_components(graph, directed=False)
    by_component = np.argsort(component, kind="stable")
    start = np.asarray(np.searchsorted(component[by_component], np.arange(count + 1)))
    num = float(np.sum(areas * areas))
    sizes = np.diff(start)
    work = float(np.sum(sizes[sizes > 1])) or 1.0
    done = 0.0
    for c in np.argsort(-sizes, kind="stable"):
        nodes = by_component[start[c]:start[c + 1]]
        s = nodes.size
        if s == 1:
            continue
        check_cancelled(progress)
        a = areas[nodes]
        sub = graph[nodes][:, nodes].tocsr()
        if weighted:
            sub = _prune(sub)
        lengths, pred = _shortest(sub, weighted, predecessors=True)
        value = _value(lengths, weighted)
        reach = value @ a
        num += float(a @ reach) - float(a @ a)
        flux[nodes] = 2.0 * a * (reach - a)
        connector[nodes] = _connector_losses(sub, value, pred, a, weighted,
                                             SubProgress(progress, done / work,
                                                         (done + s) / work))
        done += s
    progress.update(1.0)
    return num, flux, connector


def _connector_losses(sub: Any, value: np.ndarray, pred: np.ndarray, a: np.ndarray,
                      weighted: bool, progress: Progress) -> np.ndarray:
    """For every node k of one component, the loss of the pairs that k connects.

    Strategy: a pair (i, j), i < j, can only lose when every best path between them runs
    through k, so in particular the path of i's shortest-path tree; the pairs with k
    strictly inside their tree path are collected once for all k (``_tree_triples``). For each k
    only those pairs are recomputed: a small vertex cover of them is chosen as sources and
    Dijkstra (or a breadth-first search for hop counts) is rerun from these sources only,
    in k's component without k. Pairs not listed keep their value.
    """
    s = a.size
    losses = np.zeros(s)
    via, src, dst = _tree_triples(pred)
    if via.size == 0:
        return losses
    # A stable sort of 16-bit keys is a radix sort in numpy: much faster for big lists.
    keys = via.astype(np.uint16) if s <= 65536 else via
    order = np.argsort(keys, kind="stable")
    via, src, dst = via[order], src[order], dst[order]
    start = np.asarray(np.searchsorted(via, np.arange(s + 1)))
    everyone = np.arange(s)
    for k in range(s):
        if k % 8 == 0:
            check_cancelled(progress)
            progress.update(k / s)
        lo, hi = start[k], start[k + 1]
        if lo == hi:
            continue
        u: npt.NDArray[np.int64] = src[lo:hi].astype(np.int64)  # each pair once, u < v
        v: npt.NDArray[np.int64] = dst[lo:hi].astype(np.int64)
        cover = _cover(u, v, s)
        others = everyone != k
        reduced = sub[others][:, others]
        position = np.cumsum(others) - 1  # node -> index in the reduced graph
        lengths = _shortest(reduced, weighted, indices=position[cover])
        lengths = np.atleast_2d(lengths)
        row_of: npt.NDArray[np.int64] = np.full(s, -1, dtype=np.int64)
        row_of[cover] = np.arange(cover.size)
        from_u = row_of[u] >= 0
        end = np.where(from_u, u, v)
        far = np.where(from_u, v, u)
        after = _value(lengths[row_of[end], position[far]], weighted)
        drop = np.maximum(value[u, v] - after, 0.0)
        losses[k] = 2.0 * float(np.sum(a[u] * a[v] * drop))
    progress.update(1.0)
    return losses


def connectivity_importance(
    areas: np.ndarray,
    links: Links,
    *,
    distance: float,
    probability: float = 0.5,
    landscape_area: float,
    min_probability: float = 0.0,
    progress: Optional[Progress] = None,
) -> Importance:
    """IIC, PC and ECA of the landscape and dIIC, dPC (with their fractions) of every patch.

    Parameters
    ----------
    areas : (n,) float array
        Attribute of each patch (its area, or quality-weighted area), map units², in the
        order of ``links.ids``; zero or positive.
    links : Links
        Candidate links with their distances. Pairs not listed are unconnected; a pair
        listed twice keeps its shorter distance.
    distance : float
        d0: links no longer than this form the binary graph of IIC, and the PC kernel goes
        through ``probability`` at this distance. Same units as the link distances.
    probability : float
        p0 in (0, 1): probability of a direct move across d0 (0.5 Conefor, 0.05 Graphab).
        A link of length d has ``p = p0 ** (d / d0)``.
    landscape_area : float
        A_L, map units²; at least the total patch area.
    min_probability : float
        Links with ``p`` below it are dropped from the PC graph (Makurhini: 0.01). 0 keeps
        every link given.
    progress : Progress, optional

    Returns
    -------
    Importance

    Raises
    ------
    EspInputError
        No patches, ids not unique and ascending, areas and ids of different length, a
        negative area or no area at all,
        ``distance`` not positive, ``probability`` outside (0, 1), a landscape smaller
        than the patches, or links that refer to unknown patches.

    Notes
    -----
    ``p*`` is found by Dijkstra on ``-ln p`` (= ``k d`` with ``k = -ln p0 / d0``), hop counts
    by breadth-first search, per connected component. Node removal reruns searches only for
    the pairs whose best path runs through the removed patch, from a small set of sources,
    on a graph stripped of links no best path can need (see ``_connector_losses`` and
    ``_prune``). Measured: 1,000 patches in one component with 134,000 candidate links,
    12 s (scipy 1.10). Memory: a few n x n arrays per component (8 MB each for 1,000
    patches) plus the shortest-path-tree triples, about 6 bytes x n² x mean path length;
    components of many thousand patches take minutes and gigabytes.
    """
    from scipy.sparse.csgraph import connected_components

    progress = progress or NullProgress()
    ids = np.asarray(links.ids)
    n = ids.size
    if n == 0:
        raise EspInputError("There are no patches: nothing to connect. Check that the patch "
                            "layer or raster holds patches (ids above 0).")
    if n > 1 and not np.all(np.diff(ids) > 0):
        raise EspInputError("The patch ids of the links must be unique and sorted ascending.")
    areas = np.asarray(areas, dtype=np.float64).ravel()
    if areas.size != n:
        raise EspInputError("There are {areas} patch areas for {ids} patch ids; give one "
                            "area per patch.", areas=areas.size, ids=n)
    if not np.all(np.isfinite(areas)) or np.any(areas < 0):
        raise EspInputError("Patch areas must be zero or positive numbers.")
    total = float(areas.sum())
    if total <= 0:
        raise EspInputError("Every patch has zero area; PC and IIC are undefined.")
    _check_kernel(distance, probability)
    if not 0.0 <= min_probability < 1.0:
        raise EspInputError("The smallest probability kept must lie in [0, 1), not {value}.",
                            value=min_probability)
    if not (math.isfinite(landscape_area) and landscape_area >= total * (1.0 - 1e-9)):
        raise EspInputError(
            "The landscape area ({landscape:g}) is smaller than the total patch area "
            "({patches:g}); give the area of the whole study area in map units².",
            landscape=landscape_area, patches=total)
    i, j, d = _clean_links(links, n)

    binary = d <= distance
    iic_graph = _symmetric(n, i[binary], j[binary], np.ones(int(binary.sum())))
    components = int(connected_components(iic_graph, directed=False)[0])
    iic_num, iic_flux, iic_connector = _removal_sums(
        areas, iic_graph, False, SubProgress(progress, 0.0, 0.3))

    rate = -math.log(probability) / distance
    weight = np.maximum(d * rate, _MIN_WEIGHT)
    if min_probability > 0:
        keep = weight <= -math.log(min_probability) * (1.0 + 1e-12)
    else:
        keep = np.ones(weight.size, dtype=bool)
    pc_graph = _symmetric(n, i[keep], j[keep], weight[keep])
    pc_num, pc_flux, pc_connector = _removal_sums(
        areas, pc_graph, True, SubProgress(progress, 0.3, 1.0))

    def percent(part: np.ndarray, whole: float) -> np.ndarray:
        return 100.0 * part / whole

    iic_intra = percent(areas * areas, iic_num)
    iic_flux_pct = percent(iic_flux, iic_num)
    iic_conn_pct = percent(iic_connector, iic_num)
    pc_intra = percent(areas * areas, pc_num)
    pc_flux_pct = percent(pc_flux, pc_num)
    pc_conn_pct = percent(pc_connector, pc_num)
    progress.update(1.0)
    square = float(landscape_area) ** 2
    return Importance(
        ids=ids, areas=areas, iic=iic_num / square, pc=pc_num / square,
        eca=math.sqrt(pc_num), iic_num=iic_num, pc_num=pc_num,
        landscape_area=float(landscape_area), components=components,
        links=int(binary.sum()),
        d_iic=iic_intra + iic_flux_pct + iic_conn_pct, d_iic_intra=iic_intra,
        d_iic_flux=iic_flux_pct, d_iic_connector=iic_conn_pct,
        d_pc=pc_intra + pc_flux_pct + pc_conn_pct, d_pc_intra=pc_intra,
        d_pc_flux=pc_flux_pct, d_pc_connector=pc_conn_pct)
