"""The probability of connectivity on the source graph, and its equivalent connected area.

Nodes are sources with an area ``a_i`` (km²); a link between two sources has a least-cost
distance ``d`` (cost units). As in Conefor (Saura & Pascual-Hortal 2007), the probability
of a direct move is ``p = exp(-k d)`` with ``k = -ln(p0) / d0`` (the kernel passes through
``p0`` at ``d0``), ``p*_ij`` is the largest product of ``p`` along any path (``p*_ii = 1``)
and the equivalent connected area is ``ECA = sqrt(sum_ij a_i a_j p*_ij)`` (Saura & Rubio
2010; esp-methods.md section 3.1), in the units of the areas.

A restoration lowers link distances, so it raises ``p*`` and the ECA; :func:`pair_gains`
splits a gain by pair of sources, :func:`unit_eca` the ECA by planning unit (county).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..errors import EspInputError

#: Smallest edge weight (-ln p): sources at distance 0 get p = exp(-1e-12), because scipy's
#: shortest paths would read a zero weight as a missing edge.
_MIN_WEIGHT = 1e-12


def kernel_rate(distance: float, probability: float) -> float:
    """k = -ln(p0) / d0, per cost unit, after checking the kernel."""
    if not (math.isfinite(distance) and distance > 0):
        raise EspInputError("The dispersal distance (kernel distance) must be a positive "
                            "number of cost units, not {value}.", value=distance)
    if not 0.0 < probability < 1.0:
        raise EspInputError("The probability at the kernel distance must lie between 0 and 1 "
                            "(both excluded), not {value}; Conefor studies use 0.5.",
                            value=probability)
    return -math.log(probability) / distance


def pair_probabilities(n: int, i: Any, j: Any, d: Any, *, distance: float,
                       probability: float) -> np.ndarray:
    """Best-path probabilities ``p*`` between every two of ``n`` sources.

    Parameters
    ----------
    n : int
        Number of sources (nodes 0 .. n-1).
    i, j : int arrays, (m,)
        The two node indices of each link.
    d : float array, (m,)
        Least-cost distance of each link, cost units; ``inf`` means no link. A pair listed
        twice keeps its shorter distance.
    distance, probability : float
        The kernel: ``probability`` of a direct move across ``distance`` cost units.

    Returns
    -------
    (n, n) float64 array
        ``p*_ij``, symmetric, 1 on the diagonal, 0 between sources no path joins.

    Raises
    ------
    EspInputError
        A kernel out of range, an index outside 0..n-1, a link of a node to itself, a
        negative or NaN distance, or arrays of different lengths.

    Notes
    -----
    Dijkstra on the weights ``-ln p = k d`` (scipy.sparse.csgraph): a product of
    probabilities is largest where the sum of their negative logarithms is smallest.
    Memory: a few dense n x n arrays.
    """
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import dijkstra

    rate = kernel_rate(distance, probability)
    i = np.asarray(i, dtype=np.int64).reshape(-1)
    j = np.asarray(j, dtype=np.int64).reshape(-1)
    d = np.asarray(d, dtype=np.float64).reshape(-1)
    if not (i.size == j.size == d.size):
        raise EspInputError("The links hold {i} first sources, {j} second sources and {d} "
                            "distances; they must be equally many.", i=i.size, j=j.size,
                            d=d.size)
    if i.size and (min(i.min(), j.min()) < 0 or max(i.max(), j.max()) >= n):
        raise EspInputError("A link refers to a source index outside 0..{last}.", last=n - 1)
    if np.any(i == j):
        raise EspInputError("A link joins source index {index} to itself.",
                            index=int(i[i == j][0]))
    if np.any(np.isnan(d)) or np.any(d < 0):
        raise EspInputError("Link distances must be zero or positive (inf: no link).")
    linked = np.isfinite(d)
    weight = np.full((n, n), np.inf)
    w = np.maximum(d[linked] * rate, _MIN_WEIGHT)
    # minimum.at keeps the shorter of repeated pairs (a sparse constructor would add them).
    np.minimum.at(weight, (i[linked], j[linked]), w)
    np.minimum.at(weight, (j[linked], i[linked]), w)
    rows, cols = np.nonzero(np.isfinite(weight))
    graph = csr_matrix((weight[rows, cols], (rows, cols)), shape=(n, n))
    lengths = dijkstra(graph, directed=False)
    with np.errstate(over="ignore"):
        pstar = np.exp(-np.asarray(lengths, dtype=np.float64))
    np.fill_diagonal(pstar, 1.0)
    return pstar


def _areas(areas: Any, size: int) -> np.ndarray:
    a = np.asarray(areas, dtype=np.float64).reshape(-1)
    if a.size != size:
        raise EspInputError("There are {areas} source areas for {n} sources; give one per "
                            "source.", areas=a.size, n=size)
    if not np.all(np.isfinite(a)) or np.any(a < 0):
        raise EspInputError("Source areas must be zero or positive numbers.")
    return a


def equivalent_connected_area(areas: Any, pstar: np.ndarray) -> float:
    """ECA = sqrt(sum_ij a_i a_j p*_ij), in the units of ``areas`` (km² for km²).

    ``pstar`` comes from :func:`pair_probabilities`; ``areas`` are in its node order.
    """
    p = np.asarray(pstar, dtype=np.float64)
    a = _areas(areas, p.shape[0])
    return math.sqrt(max(0.0, float(a @ p @ a)))


def network_eca(areas: Any, i: Any, j: Any, d: Any, *, distance: float,
                probability: float) -> float:
    """The ECA of sources with ``areas`` joined by links (i, j) of distance ``d``: the
    composition of :func:`pair_probabilities` and :func:`equivalent_connected_area`."""
    a = np.asarray(areas, dtype=np.float64).reshape(-1)
    pstar = pair_probabilities(a.size, i, j, d, distance=distance, probability=probability)
    return equivalent_connected_area(a, pstar)


def default_kernel_distance(lcd: Any) -> float:
    """The median of the finite link least-cost distances (cost units).

    The documented default for the kernel distance ``d0``: a link of typical length then
    has the probability ``p0`` (0.5 by default), so the ECA responds to changes on the
    links this network actually has.

    Raises
    ------
    EspInputError
        No finite, positive distance.
    """
    d = np.asarray(lcd, dtype=np.float64).reshape(-1)
    d = d[np.isfinite(d)]
    if d.size == 0 or float(np.median(d)) <= 0:
        raise EspInputError("No link has a finite least-cost distance above 0, so there is "
                            "no default kernel distance; give one.")
    return float(np.median(d))


def unit_eca(areas_by_unit: Any, areas: Any, pstar: np.ndarray) -> np.ndarray:
    """Each planning unit's share of the ECA (its units: km² for km²).

    Parameters
    ----------
    areas_by_unit : (n, u) float array
        Area of source i inside unit u.
    areas : (n,) float array
        Area of each source.
    pstar : (n, n) float array
        From :func:`pair_probabilities`.

    Returns
    -------
    (u,) float64 array
        ``PCnum_u / sqrt(PCnum)`` with ``PCnum_u = sum_ij a_i(u) a_j p*_ij``: the habitat
        in unit u weighted by how well it reaches all habitat. Where every source lies
        wholly inside the units, the shares sum to the ECA; 0 when the ECA is 0.
    """
    p = np.asarray(pstar, dtype=np.float64)
    a = _areas(areas, p.shape[0])
    by_unit = np.asarray(areas_by_unit, dtype=np.float64)
    if by_unit.ndim != 2 or by_unit.shape[0] != a.size:
        raise EspInputError("The areas by unit must be an (n sources, units) table, not an "
                            "array of shape {shape}.", shape=by_unit.shape)
    reach = p @ a
    total = float(a @ reach)
    if total <= 0:
        return np.zeros(by_unit.shape[1])
    return np.asarray(by_unit.T @ reach / math.sqrt(total), dtype=np.float64)


def pair_gains(areas: Any, before: np.ndarray, after: np.ndarray) -> np.ndarray:
    """``a_i a_j (p*after_ij - p*before_ij)`` for every pair (n x n, km⁴ for km²).

    Summed over all i, j this is ``ECA_after² - ECA_before²``; summing the rows of the
    sources of one county attributes the gain to counties.
    """
    b = np.asarray(before, dtype=np.float64)
    c = np.asarray(after, dtype=np.float64)
    a = _areas(areas, b.shape[0])
    if b.shape != c.shape:
        raise EspInputError("The probabilities before ({before}) and after ({after}) must "
                            "have the same shape.", before=b.shape, after=c.shape)
    return np.outer(a, a) * (c - b)
