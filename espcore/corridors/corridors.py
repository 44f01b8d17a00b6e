"""Linkage Pathways: the corridor network between sources, as Linkage Mapper builds it.

Steps (McRae & Kavanagh 2011, Linkage Mapper's "Build Network and Map Linkages"):

1. *Adjacency.* Candidate links join sources whose allocation zones touch: cost-weighted
   allocation (every cell to its cheapest source), Euclidean allocation (to its nearest
   source), or both.
2. *Distances.* The Euclidean edge-to-edge distance of every candidate; links farther than
   the Euclidean maximum (or nearer than the minimum) are dropped before any cost search.
3. *Least-cost paths.* One cost-weighted distance (CWD) surface per source; the least-cost
   distance LCD = CW_Dist of a link (A, B) is the smallest CWD_A on a cell of B, and the
   least-cost path is traced from that cell down CWD_A. Links beyond the cost limits, and
   links whose path crosses a third source, are dropped.
4. *Pruning.* Optionally keep only each source's N nearest neighbours (a link stays when
   it is among the N nearest of either end) and reconnect separate clusters
   ("constellations") through their shortest remaining link.
5. *Corridors.* NLCC = CWD_A + CWD_B - LCD of every active link, mosaicked by minimum and
   optionally truncated at a cost-weighted width.

Link type codes are Linkage Mapper's: 1 corridor, 10 nearest-neighbour corridor, 20
constellation link; dropped: -1 not among the nearest neighbours, -11 / -13 Euclidean
distance above the maximum / below the minimum, -12 / -14 cost distance above the maximum
(or not connected at all) / below the minimum, -15 passes through another source.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Set, Tuple

import numpy as np

from ..errors import EspInputError
from ..progress import NullProgress, Progress, SubProgress, check_cancelled
from ..sources.patchdistance import _labels, edge_distances
from .costdistance import (
    CellSize,
    SourceDistances,
    SurfaceStore,
    _cell_size,
    _check_surface,
    adjacent_pairs,
    corridor,
    cost_allocation,
    path_length,
    trace_path,
)

CORRIDOR, NEAREST, CONSTELLATION = 1, 10, 20
NOT_NEAREST, LONG_EUCLIDEAN, LONG_COST, SHORT_EUCLIDEAN, SHORT_COST, INTERMEDIATE = (
    -1, -11, -12, -13, -14, -15)
#: Code -> meaning, for the Link_Info attribute.
LINK_TYPES: Dict[int, str] = {
    CORRIDOR: "corridor",
    NEAREST: "nearest-neighbour corridor",
    CONSTELLATION: "constellation link",
    NOT_NEAREST: "dropped: not a nearest neighbour",
    LONG_EUCLIDEAN: "dropped: Euclidean distance above the maximum",
    LONG_COST: "dropped: cost distance above the maximum or not connected",
    SHORT_EUCLIDEAN: "dropped: Euclidean distance below the minimum",
    SHORT_COST: "dropped: cost distance below the minimum",
    INTERMEDIATE: "dropped: passes through another source",
}
ADJACENCY = ("both", "cost", "euclidean")
NEAREST_BY = ("cost", "euclidean")


def cost_mismatch(recorded: Sequence[float], recomputed: Sequence[float], *,
                  rtol: float = 1e-3) -> np.ndarray:
    """Links whose recorded cost-weighted distance (CW_Dist of a links layer) differs from
    the one recomputed on the resistance at hand by more than ``rtol`` times the recomputed
    one: True there, False where either is not finite (unknown or unconnected). Both
    sequences hold one value per link, in the same order."""
    given = np.asarray(recorded, dtype=np.float64)
    found = np.asarray(recomputed, dtype=np.float64)
    known = np.isfinite(given) & np.isfinite(found)
    out = np.zeros(given.shape, dtype=bool)
    out[known] = np.abs(given[known] - found[known]) > rtol * found[known]
    return out


@dataclass
class CorridorLink:
    """One candidate link between two sources.

    ``cost`` is NaN and ``path`` empty when the link was dropped before its cost search
    (Euclidean limits); ``cost`` is ``inf`` when the two sources are not connected.
    """

    link_id: int
    from_id: int
    to_id: int
    euclidean: float
    cost: float = math.nan
    path: np.ndarray = field(default_factory=lambda: np.zeros((0, 2), dtype=np.int64))
    path_length: float = math.nan
    link_type: int = CORRIDOR

    @property
    def active(self) -> bool:
        return self.link_type > 0

    @property
    def cost_to_euclidean(self) -> float:
        """CW_Dist / Euc_Dist (cwd2Euc_R); NaN when either is unknown or the distance is 0."""
        return _ratio(self.cost, self.euclidean)

    @property
    def cost_to_path(self) -> float:
        """CW_Dist / LCP_Length (cwd2Path_R)."""
        return _ratio(self.cost, self.path_length)


def _ratio(a: float, b: float) -> float:
    if not (math.isfinite(a) and math.isfinite(b)) or b <= 0:
        return math.nan
    return a / b


@dataclass
class Pathways:
    """Result of :func:`linkage_pathways`.

    Attributes
    ----------
    links : list of CorridorLink
        Every candidate link, numbered 1.. in (from, to) order, dropped ones included.
    corridors : 2-D float64 array
        Minimum over the active links of NLCC (cost units); ``inf`` where no active link
        reaches, or where NLCC exceeds the truncation width.
    cwd : 2-D float64 array
        CWD to the nearest source (all sources at once).
    allocation : 2-D int64 array
        The source each cell is cheapest to reach from (0 = none).
    untruncated : 2-D float64 array or None
        The same mosaic before truncation (``inf`` only where no active link reaches),
        as Linkage Mapper's ``<project>_corridors``; None unless asked for
        (``keep_untruncated``).
    """

    links: List[CorridorLink]
    corridors: np.ndarray
    cwd: np.ndarray
    allocation: np.ndarray
    untruncated: Optional[np.ndarray] = None

    @property
    def active(self) -> List[CorridorLink]:
        return [link for link in self.links if link.active]


def euclidean_allocation(labels: np.ndarray, cell_size: CellSize) -> np.ndarray:
    """Every cell's nearest source by straight-line distance between cell centres (the
    source's own id on its cells); the whole grid, NoData included, as ArcGIS EucAllocation."""
    from scipy.ndimage import distance_transform_edt

    labels = _labels(labels).astype(np.int64, copy=False)
    if not np.any(labels > 0):
        raise EspInputError("There is no source cell: the source raster is empty.")
    dx, dy = _cell_size(cell_size)
    index = distance_transform_edt(labels <= 0, sampling=(dy, dx), return_distances=False,
                                   return_indices=True)
    return labels[index[0], index[1]]


def _check_limits(low: float, high: float, what: str) -> None:
    if math.isnan(low) or math.isnan(high) or low < 0 or high < 0:
        raise EspInputError("The {what} limits must be zero or positive numbers.", what=what)
    if low > high:
        raise EspInputError("The minimum {what} ({low}) is above the maximum ({high}).",
                            what=what, low=low, high=high)


def _candidate_pairs(labels: np.ndarray, resistance: np.ndarray, impassable: np.ndarray,
                     cell_size: CellSize, adjacency: str, method: str,
                     progress: Progress) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Candidate (a, b) pairs, plus the all-source CWD and allocation."""
    cwd, allocation = cost_allocation(labels, resistance, impassable=impassable,
                                      cell_size=cell_size, method=method, progress=progress)
    found = []
    if adjacency in ("both", "cost"):
        found.append(adjacent_pairs(allocation))
    if adjacency in ("both", "euclidean"):
        found.append(adjacent_pairs(euclidean_allocation(labels, cell_size)))
    pairs = np.unique(np.concatenate(found), axis=0) if found else np.zeros((0, 2), np.int64)
    return pairs.reshape(-1, 2), cwd, allocation


def _euclidean(labels: np.ndarray, pairs: np.ndarray, cell_size: CellSize,
               reach: float) -> np.ndarray:
    """Edge-to-edge distance of each pair (``inf`` beyond ``reach``)."""
    dx, dy = _cell_size(cell_size)
    links = edge_distances(labels, cell_size=(dx, dy), max_distance=reach, between="edges")
    known = {(int(links.ids[i]), int(links.ids[j])): float(d)
             for i, j, d in zip(links.i, links.j, links.distance)}
    return np.array([known.get((int(a), int(b)), math.inf) for a, b in pairs],
                    dtype=np.float64)


def _trace(link: CorridorLink, labels: np.ndarray, distances: SourceDistances) -> None:
    """LCD and least-cost path of ``link`` from the CWD of its first source alone."""
    cwd_a = distances(link.from_id)
    on_b = (labels == link.to_id) & np.isfinite(cwd_a)
    if not np.any(on_b):
        link.cost = math.inf
        return
    flat = np.flatnonzero(on_b)
    start = flat[np.argmin(cwd_a.ravel()[flat])]
    link.cost = float(cwd_a.ravel()[start])
    # Descending CWD_A from B's cheapest cell never re-enters B, so the path runs B -> A.
    path = trace_path(cwd_a, divmod(int(start), labels.shape[1]), distances.resistance,
                      impassable=distances.impassable, cell_size=distances.cell_size)
    link.path = path[::-1].copy()
    link.path_length = path_length(link.path, distances.cell_size)


def _crosses_other_source(link: CorridorLink, labels: np.ndarray) -> bool:
    on_path = labels[link.path[:, 0], link.path[:, 1]]
    return bool(np.any((on_path > 0) & (on_path != link.from_id) & (on_path != link.to_id)))


def _nearest_neighbours(links: List[CorridorLink], nearest: int, by: str) -> None:
    """Mark the valid links among the N nearest of either end NEAREST, the others
    NOT_NEAREST (Linkage Mapper's step 4 without constellations)."""
    valid = [link for link in links if link.active]
    key = (lambda link: link.cost) if by == "cost" else (lambda link: link.euclidean)
    keep: Set[int] = set()
    ends = sorted({link.from_id for link in valid} | {link.to_id for link in valid})
    for source in ends:
        touching = [link for link in valid if source in (link.from_id, link.to_id)]
        touching.sort(key=lambda link: (key(link), link.link_id))
        keep.update(link.link_id for link in touching[:nearest])
    for link in valid:
        link.link_type = NEAREST if link.link_id in keep else NOT_NEAREST


def _connect_constellations(links: List[CorridorLink], was_valid: List[CorridorLink],
                            by: str) -> None:
    """Join separate clusters of active links by their shortest dropped-as-not-nearest
    link, shortest first, until no such link joins two clusters."""
    parent: Dict[int, int] = {}

    def root(node: int) -> int:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for link in links:
        if link.active:
            parent[root(link.from_id)] = root(link.to_id)
    key = (lambda link: link.cost) if by == "cost" else (lambda link: link.euclidean)
    spare = sorted((link for link in was_valid if link.link_type == NOT_NEAREST),
                   key=lambda link: (key(link), link.link_id))
    for link in spare:
        a, b = root(link.from_id), root(link.to_id)
        if a != b:
            parent[a] = b
            link.link_type = CONSTELLATION


def corridor_mosaic(pairs: Sequence[Tuple[int, int]], distances: SourceDistances, *,
                    truncate: float = math.inf,
                    progress: Optional[Progress] = None) -> Tuple[np.ndarray, np.ndarray]:
    """NLCC of every pair mosaicked by minimum, and each pair's LCD.

    Parameters
    ----------
    pairs : sequence of (a, b) source ids
    distances : SourceDistances
        Gives the CWD surface of each source.
    truncate : float
        Cells whose mosaic NLCC is above this (cost units) become ``inf``.

    Returns
    -------
    corridors : 2-D float64 array, ``inf`` where no pair reaches or beyond ``truncate``
    lcd : (len(pairs),) float64 array, ``inf`` for pairs that are not connected
    """
    progress = progress or NullProgress()
    if math.isnan(truncate) or truncate < 0:
        raise EspInputError("The corridor width must be zero or positive, not {value}.",
                            value=truncate)
    mosaic = np.full(distances.labels.shape, np.inf)
    lcd = np.full(len(pairs), np.inf)
    # Pairs in order of their first source, so each surface is used while it is kept.
    for done, index in enumerate(sorted(range(len(pairs)), key=lambda k: tuple(pairs[k]))):
        check_cancelled(progress)
        a, b = pairs[index]
        start, stop = done / len(pairs), (done + 1) / len(pairs)
        # A search not yet kept runs here: its own checks keep it cancellable.
        cwd_a = distances(a, SubProgress(progress, start, (start + stop) / 2))
        cwd_b = distances(b, SubProgress(progress, (start + stop) / 2, stop))
        nlcc, lcd[index] = corridor(cwd_a, cwd_b)
        np.minimum(mosaic, nlcc, out=mosaic)
        progress.update(stop)
    mosaic[mosaic > truncate] = np.inf
    return mosaic, lcd


def linkage_pathways(
    labels: np.ndarray,
    resistance: np.ndarray,
    *,
    impassable: np.ndarray,
    cell_size: CellSize,
    adjacency: str = "both",
    max_euclidean: float = math.inf,
    max_cost: float = math.inf,
    min_euclidean: float = 0.0,
    min_cost: float = 0.0,
    nearest: int = 0,
    nearest_by: str = "cost",
    connect_constellations: bool = False,
    drop_intermediate: bool = True,
    truncate: float = math.inf,
    keep_untruncated: bool = False,
    method: str = "auto",
    distances: Optional[SourceDistances] = None,
    store: Optional[SurfaceStore] = None,
    progress: Optional[Progress] = None,
) -> Pathways:
    """Build the corridor network and the corridor raster (see the module notes).

    Parameters
    ----------
    labels : 2-D int array
        Source id of every cell; 0 or negative = no source. Ids on NoData are ignored.
    resistance, impassable, cell_size, method
        As :func:`espcore.corridors.costdistance.cost_distance`.
    adjacency : "both", "cost" or "euclidean"
        Which allocation zones make two sources candidates.
    max_euclidean, min_euclidean : float
        Euclidean (edge-to-edge, map units) limits of a link.
    max_cost, min_cost : float
        Cost-weighted distance limits of a link (cost units).
    nearest : int
        Keep only each source's N nearest neighbours (0 = no limit).
    nearest_by : "cost" or "euclidean"
        What "nearest" measures.
    connect_constellations : bool
        After the nearest-neighbour pruning, join separate clusters again.
    drop_intermediate : bool
        Drop links whose least-cost path crosses a third source.
    truncate : float
        Corridor width: NLCC above it is left out of ``corridors`` (``inf`` keeps all).
    keep_untruncated : bool
        Also return the mosaic before truncation (``Pathways.untruncated``). The cost
        searches then run to ``max_cost`` only, not to ``max_cost + truncate``, so the
        untruncated corridors are whole; with a finite ``truncate`` this costs one more
        float64 grid and longer searches.
    distances : SourceDistances, optional
        Per-source CWD cache to use (and fill); built here when not given.
    store : SurfaceStore, optional
        Lent to the :class:`SourceDistances` built here (ignored with ``distances``).
    progress : Progress, optional

    Returns
    -------
    Pathways

    Raises
    ------
    EspInputError
        Fewer than two sources on passable cells, inconsistent limits, an unknown option,
        or the surface errors of :func:`espcore.corridors.costdistance.cost_distance`.
    """
    progress = progress or NullProgress()
    labels = _labels(labels).astype(np.int64, copy=False)
    resistance, impassable = _check_surface(labels.shape, resistance, impassable, "source")
    if adjacency not in ADJACENCY:
        raise EspInputError("Adjacency must be one of {options}, not {value!r}.",
                            options=", ".join(ADJACENCY), value=adjacency)
    if nearest_by not in NEAREST_BY:
        raise EspInputError("Nearest neighbours are measured by {options}, not {value!r}.",
                            options=" or ".join(NEAREST_BY), value=nearest_by)
    if nearest < 0:
        raise EspInputError("The number of nearest neighbours must be 0 (no limit) or more.")
    _check_limits(min_euclidean, max_euclidean, "Euclidean distance")
    _check_limits(min_cost, max_cost, "cost distance")
    labels = np.where(impassable | (labels < 0), 0, labels)
    present = np.unique(labels[labels > 0])
    if present.size < 2:
        raise EspInputError("Corridors need at least two sources on passable cells; found "
                            "{count}.", count=int(present.size))
    if distances is None:
        # A cell beyond max_cost + truncate cannot lie in any kept corridor (NLCC <= width
        # needs CWD_A <= LCD + width), so each search may stop there.
        reach = max_cost + (math.inf if keep_untruncated else truncate)
        distances = SourceDistances(labels, resistance, impassable=impassable,
                                    cell_size=cell_size, max_cost=reach, method=method,
                                    store=store)

    pairs, cwd, allocation = _candidate_pairs(labels, resistance, impassable, cell_size,
                                              adjacency, method,
                                              SubProgress(progress, 0.0, 0.15))
    euclid = _euclidean(labels, pairs, cell_size, max_euclidean)
    links = [CorridorLink(number, int(a), int(b), float(d))
             for number, ((a, b), d) in enumerate(zip(pairs, euclid), start=1)]
    for link in links:
        if link.euclidean > max_euclidean:
            link.link_type = LONG_EUCLIDEAN
        elif link.euclidean < min_euclidean:
            link.link_type = SHORT_EUCLIDEAN

    searched = [link for link in links if link.active]
    trace_progress = SubProgress(progress, 0.15, 0.75)
    for done, link in enumerate(searched):
        check_cancelled(progress)
        _trace(link, labels, distances)
        if not (math.isfinite(link.cost) and link.cost <= max_cost):
            link.link_type = LONG_COST
        elif link.cost < min_cost:
            link.link_type = SHORT_COST
        elif drop_intermediate and _crosses_other_source(link, labels):
            link.link_type = INTERMEDIATE
        trace_progress.update((done + 1) / len(searched))

    valid = [link for link in links if link.active]
    if nearest > 0:
        _nearest_neighbours(links, nearest, nearest_by)
        if connect_constellations:
            _connect_constellations(links, valid, nearest_by)

    active = [(link.from_id, link.to_id) for link in links if link.active]
    if math.isnan(truncate) or truncate < 0:  # before the searches of the mosaic
        raise EspInputError("The corridor width must be zero or positive, not {value}.",
                            value=truncate)
    corridors, _ = corridor_mosaic(active, distances,
                                   truncate=math.inf if keep_untruncated else truncate,
                                   progress=SubProgress(progress, 0.75, 1.0))
    untruncated = None
    if keep_untruncated:
        untruncated = corridors.copy()
        corridors[corridors > truncate] = np.inf
    progress.update(1.0)
    return Pathways(links, corridors, cwd, allocation, untruncated)
