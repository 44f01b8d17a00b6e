"""Cross-county collaboration: ESP elements attributed to administrative units.

The numeric part of ``esp:collaborativezoning``. The wrapper rasterizes the administrative
units (counties) onto the analysis grid as an int array ``units``: 0 = in no unit, 1..U =
the unit's position in the layer. Every "amount" table here has ``U + 1`` columns:
**column 0 is outside every unit** and column ``u`` is unit ``u``, so that each row sums to
the element's total (a source's area, a corridor's length) and a unit without elements has a
column of zeros rather than a missing row.

What is computed:

- element x unit amounts from rasters (:func:`cross_tabulate`: sources, barrier patches,
  zones) and from lines (:func:`line_lengths_by_unit`: least-cost paths);
- the unit that holds most of an element (:func:`majority_units`: a source's unit, a
  pinch point or barrier patch counted once);
- the unit x unit matrix of links (:func:`unit_matrix`, :func:`shared_matrix`), the
  effective resistance between units (:func:`unit_resistances`), its communities (Louvain,
  :func:`communities`), the modularity of an existing grouping such as the prefectures
  (:func:`partition_modularity`) and the agreement of two groupings
  (:func:`adjusted_rand_index`);
- the restoration burden / benefit account (:func:`link_barrier_scores`,
  :func:`source_beneficiaries`, :func:`restoration_account`): barrier ``b`` lies in the
  units of its ``burden`` row (who restores it) and improves link ``l`` by ``scores[b, l]``;
  the link serves the units of its two end sources (who benefits). Restoring ``b`` is
  credited to the links in proportion to their scores, and each link's share to the units
  of its sources, so ``flows[r, e]`` is the amount restored in unit ``r`` for the benefit of
  unit ``e``.

The ledger per unit and its tables are assembled from these in :mod:`espcore.zoning.ledger`,
the unit matrix and the collaboration zones in :mod:`espcore.zoning.unitgraph`.

No QGIS, no GDAL: numpy, scipy and networkx (2.8 and 3.x) only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Iterable, List, Optional, Sequence, Set, Tuple

import numpy as np
import numpy.typing as npt

from ..corridors.barriers import Link, link_scores
from ..errors import EspInputError
from ..progress import NullProgress, Progress

#: Relative tolerance for "each row sums to 1" of a beneficiary table.
_SHARE_TOL = 1e-9


@dataclass
class Communities:
    """Communities of the unit graph.

    Attributes
    ----------
    labels : ndarray of int64, shape (U,)
        Community of each unit, 1..K: 1 is the largest community, ties broken by the
        smallest unit index in it.
    modularity : float
        Modularity of the partition at the resolution used (0 for a graph without edges).
    """

    labels: np.ndarray
    modularity: float


@dataclass
class Account:
    """Restoration burden / benefit per unit (column and row 0 = outside every unit).

    Attributes
    ----------
    flows : ndarray, shape (U + 1, U + 1)
        ``flows[r, e]``: amount of barrier restored in unit ``r`` that benefits unit ``e``.
    burden : ndarray, shape (U + 1,)
        Amount restored in each unit (``flows.sum(1)``, equal to the burden input's column
        sums).
    benefit : ndarray, shape (U + 1,)
        Amount restored for each unit (``flows.sum(0)``).
    net : ndarray, shape (U + 1,)
        ``benefit - burden``: positive for units that gain more than they restore.
    """

    flows: np.ndarray
    burden: np.ndarray
    benefit: np.ndarray
    net: np.ndarray


# --------------------------------------------------------------------------- input checks

def _check_n_units(n_units: Any) -> int:
    try:
        value = int(n_units)
    except (TypeError, ValueError):
        value = -1
    if value < 1 or value != n_units:
        raise EspInputError("The number of administrative units must be a whole number of 1 "
                            "or more, not {n_units}.", n_units=n_units)
    return value


def _as_int_grid(values: Any, name: str) -> np.ndarray:
    """A 2-D grid of whole numbers as int64 (float grids must hold whole, finite values)."""
    array = np.asarray(values)
    if array.ndim != 2:
        raise EspInputError("The {name} raster must be a 2-D grid; it has {ndim} dimensions.",
                            name=name, ndim=array.ndim)
    if np.issubdtype(array.dtype, np.integer) or array.dtype == np.bool_:
        return array.astype(np.int64, copy=False)
    as_float = np.asarray(array, dtype=np.float64)
    bad = ~np.isfinite(as_float) | (as_float != np.round(as_float))
    if np.any(bad):
        raise EspInputError("The {name} raster must hold whole numbers; it has {value}. Set "
                            "NoData cells to 0.", name=name, value=as_float[bad][0])
    return as_float.astype(np.int64)


def _check_same_shape(array: np.ndarray, name: str, shape: Tuple[int, ...],
                      other: str) -> None:
    if array.shape != shape:
        raise EspInputError("The {name} raster has {rows} x {cols} cells, the {other} raster "
                            "{rows0} x {cols0}. Use rasters on one grid.", name=name,
                            rows=array.shape[0], cols=array.shape[1], other=other,
                            rows0=shape[0], cols0=shape[1])


def _as_units(units: Any, n_units: int, shape: Optional[Tuple[int, ...]] = None,
              other: str = "") -> np.ndarray:
    grid = _as_int_grid(units, "units")
    if shape is not None:
        _check_same_shape(grid, "units", shape, other)
    bad = (grid < 0) | (grid > n_units)
    if np.any(bad):
        raise EspInputError("The units raster holds {value}, outside 0 (no unit) to "
                            "{n_units} (the number of units). Rasterize the units with "
                            "their position 1..{n_units} in the layer.",
                            value=int(grid[bad][0]), n_units=n_units)
    return grid


def _as_table(values: Any, name: str, columns: Optional[int] = None) -> np.ndarray:
    """A 2-D table of finite amounts of 0 or more."""
    table = np.asarray(values, dtype=np.float64)
    if table.ndim != 2:
        raise EspInputError("The {name} table must have two dimensions (rows x columns); it "
                            "has {ndim}.", name=name, ndim=table.ndim)
    if columns is not None and table.shape[1] != columns:
        raise EspInputError("The {name} table has {found} columns, {want} expected (column 0 "
                            "= outside every unit, then one per unit).", name=name,
                            found=table.shape[1], want=columns)
    bad = ~np.isfinite(table) | (table < 0)
    if np.any(bad):
        raise EspInputError("The {name} table must hold finite amounts of 0 or more, not "
                            "{value}.", name=name, value=table[bad][0])
    return table


# --------------------------------------------------------------------------- attribution

def cross_tabulate(elements: Any, units: Any, *, n_units: int,
                   weights: Any = None) -> Tuple[np.ndarray, np.ndarray]:
    """Amount of every element in every unit, from two rasters on one grid.

    Parameters
    ----------
    elements : ndarray of int, 2-D
        Element id per cell (a source, a barrier patch, a zone); 0 or negative = none.
    units : ndarray of int, same shape
        Unit per cell: 0 = in no unit, 1..``n_units``.
    n_units : int
        Number of units U (units without cells still get their column).
    weights : float or ndarray, optional
        Amount per cell: a scalar such as the cell area, or an array of the grid's shape.
        Default 1 per cell (a cell count). Must be finite and 0 or more on element cells.

    Returns
    -------
    ids : ndarray of int64
        The positive element ids present, sorted.
    table : ndarray of float64, shape (len(ids), n_units + 1)
        ``table[i, u]``: summed weight of element ``ids[i]`` in unit ``u`` (column 0 =
        outside every unit); each row sums to the element's total.

    Raises
    ------
    EspInputError
        Grids of different shapes, unit values outside 0..n_units, ids that are not whole
        numbers, negative or non-finite weights.
    """
    count = _check_n_units(n_units)
    grid = _as_int_grid(elements, "elements")
    unit_grid = _as_units(units, count, grid.shape, "elements")
    inside = grid > 0
    cell_ids = grid[inside]
    ids = np.unique(cell_ids)
    columns = count + 1
    cell_weights = _cell_weights(weights, grid.shape, inside)
    # One bincount on the combined (element row, unit) index instead of a loop per element.
    combined = np.searchsorted(ids, cell_ids) * columns + unit_grid[inside]
    table = np.bincount(combined, weights=cell_weights, minlength=ids.size * columns)
    return ids.astype(np.int64), table.reshape(ids.size, columns).astype(np.float64)


def _cell_weights(weights: Any, shape: Tuple[int, ...], inside: np.ndarray) -> np.ndarray:
    if weights is None:
        return np.ones(int(inside.sum()))
    array = np.asarray(weights, dtype=np.float64)
    if array.ndim == 0:
        values = np.full(int(inside.sum()), float(array))
    else:
        if array.shape != shape:
            raise EspInputError("The weights have shape {found}, the elements raster "
                                "{want}. Give one weight per cell or a single number.",
                                found=array.shape, want=shape)
        values = array[inside]
    bad = ~np.isfinite(values) | (values < 0)
    if np.any(bad):
        raise EspInputError("The weight of an element cell must be a finite number of 0 or "
                            "more, not {value}.", value=values[bad][0])
    return values


def _check_geotransform(geotransform: Sequence[float]) -> Tuple[float, float, float, float]:
    values = tuple(float(v) for v in geotransform)
    if len(values) != 6 or not all(math.isfinite(v) for v in values):
        raise EspInputError("The geotransform must be six finite numbers (x0, dx, 0, y0, 0, "
                            "dy), not {geotransform}.", geotransform=geotransform)
    x0, dx, rx, y0, ry, dy = values
    if rx != 0 or ry != 0:
        raise EspInputError("The grid is rotated (geotransform terms {rx}, {ry}); warp the "
                            "rasters to a north-up grid first.", rx=rx, ry=ry)
    if dx <= 0 or dy == 0:
        raise EspInputError("The cell size in the geotransform ({dx}, {dy}) must be positive "
                            "across and non-zero down.", dx=dx, dy=dy)
    return x0, dx, y0, dy


def _line_segments(line: Any, index: int) -> Tuple[np.ndarray, np.ndarray]:
    """Start and end points (S, 2) of every segment of a line's parts."""
    starts: List[np.ndarray] = []
    ends: List[np.ndarray] = []
    for part in line:
        vertices = np.asarray(part, dtype=np.float64)
        if vertices.size == 0:
            continue
        if vertices.ndim != 2 or vertices.shape[1] != 2:
            raise EspInputError("Line {line} has a part that is not a list of (x, y) "
                                "vertices (shape {shape}).", line=index + 1,
                                shape=vertices.shape)
        if not np.all(np.isfinite(vertices)):
            raise EspInputError("Line {line} has a vertex with a non-finite coordinate. "
                                "Repair the geometry.", line=index + 1)
        starts.append(vertices[:-1])
        ends.append(vertices[1:])
    if not starts:
        return np.zeros((0, 2)), np.zeros((0, 2))
    return np.concatenate(starts), np.concatenate(ends)


def line_lengths_by_unit(lines: Sequence[Any], units: Any, *,
                         geotransform: Sequence[float], n_units: int,
                         step: Optional[float] = None) -> np.ndarray:
    """Length of every line in every unit.

    Each segment is cut into equal pieces no longer than ``step``; a piece's whole length
    goes to the unit of the cell that holds its midpoint (column 0 when the midpoint is off
    the grid or in no unit). A piece that straddles a unit boundary is thus given to one
    side: the error is below ``step`` per crossing, and the row still sums to the line's
    length. A midpoint on a cell edge belongs to the cell to its right / below (the
    geotransform's ``floor`` convention).

    Parameters
    ----------
    lines : sequence
        One entry per line: a sequence of parts, each an (k, 2) array of map x, y vertices
        (a part with fewer than two vertices has no length).
    units : ndarray of int, 2-D
        Unit per cell: 0 = in no unit, 1..``n_units``.
    geotransform : sequence of 6 float
        GDAL geotransform of the units grid, north-up (rotation terms 0).
    n_units : int
        Number of units U.
    step : float, optional
        Longest piece in map units; default a quarter of the smaller cell side.

    Returns
    -------
    ndarray of float64, shape (len(lines), n_units + 1)
        Length of each line per unit, column 0 = outside every unit or off the grid.

    Raises
    ------
    EspInputError
        A rotated grid, a bad step, unit values outside 0..n_units, malformed or
        non-finite vertices.
    """
    count = _check_n_units(n_units)
    unit_grid = _as_units(units, count)
    x0, dx, y0, dy = _check_geotransform(geotransform)
    if step is None:
        step = min(dx, abs(dy)) / 4.0
    piece = float(step)
    if not (math.isfinite(piece) and piece > 0):
        raise EspInputError("The step along lines must be a positive number of map units, "
                            "not {step}.", step=step)
    rows, cols = unit_grid.shape
    out = np.zeros((len(lines), count + 1))
    for index, line in enumerate(lines):
        start, end = _line_segments(line, index)
        if start.shape[0] == 0:
            continue
        delta = end - start
        length = np.hypot(delta[:, 0], delta[:, 1])
        pieces = np.maximum(np.ceil(length / piece), 1).astype(np.int64)
        # Strategy: all pieces of the line at once; position of each piece in its segment
        # from a running index minus the segment's first piece.
        segment: npt.NDArray[np.intp] = np.repeat(np.arange(length.size), pieces)
        first = np.cumsum(pieces) - pieces
        t = (np.arange(segment.size) - first[segment] + 0.5) / pieces[segment]
        mid = start[segment] + t[:, None] * delta[segment]
        col = np.floor((mid[:, 0] - x0) / dx)
        row = np.floor((mid[:, 1] - y0) / dy)
        on_grid = (col >= 0) & (col < cols) & (row >= 0) & (row < rows)
        unit: npt.NDArray[np.int64] = np.zeros(segment.size, dtype=np.int64)
        unit[on_grid] = unit_grid[row[on_grid].astype(np.int64), col[on_grid].astype(np.int64)]
        out[index] = np.bincount(unit, weights=(length / pieces)[segment],
                                 minlength=count + 1)
    return out


def majority_units(table: Any) -> np.ndarray:
    """The unit holding most of each element.

    Parameters
    ----------
    table : ndarray, shape (n, U + 1)
        Amounts per element and unit (column 0 = outside every unit), e.g. from
        :func:`cross_tabulate`.

    Returns
    -------
    ndarray of int64, shape (n,)
        Per row, the unit 1..U with the largest amount (ties: the lowest unit); 0 when the
        row has nothing inside any unit. Column 0 never wins.

    Raises
    ------
    EspInputError
        Not a 2-D table of finite amounts of 0 or more.
    """
    values = _as_table(table, "element x unit")
    inside = values[:, 1:]
    if inside.shape[1] == 0:
        return np.zeros(values.shape[0], dtype=np.int64)
    best = np.argmax(inside, axis=1).astype(np.int64) + 1  # argmax: first of equal maxima
    best[inside.max(axis=1) <= 0] = 0
    return best


def _as_end_units(end_units: Any, count: int) -> np.ndarray:
    """The (L, 2) table of the units 0..U at the two ends of each link, as int64."""
    ends = np.asarray(end_units)
    if ends.ndim != 2 or ends.shape[1] != 2:
        raise EspInputError("The link ends must be a table of two unit numbers per link, "
                            "not shape {shape}.", shape=ends.shape)
    ends_f = ends.astype(np.float64)
    bad = ~np.isfinite(ends_f) | (ends_f < 0) | (ends_f > count) | (ends_f != np.round(ends_f))
    if np.any(bad):
        raise EspInputError("A link end lies in unit {value}; units are numbered 0 (outside) "
                            "to {n_units}.", value=ends_f[bad][0], n_units=count)
    return ends_f.astype(np.int64)


def unit_matrix(end_units: Any, weights: Any, *, n_units: int) -> Tuple[np.ndarray, int]:
    """Unit x unit matrix of links (number of corridors, summed current, ...).

    Parameters
    ----------
    end_units : ndarray of int, shape (L, 2)
        Unit (0..U) of each link's two end sources, 0 = outside every unit.
    weights : ndarray of float, shape (L,)
        Weight of each link (1 to count links, its current, ...), finite.
    n_units : int
        Number of units U.

    Returns
    -------
    matrix : ndarray of float64, shape (U, U)
        Symmetric; ``matrix[u - 1, v - 1]`` sums the weights of links between units u and v;
        a link with both ends in unit u adds its weight once to ``matrix[u - 1, u - 1]``.
    left_out : int
        Number of links with an end outside every unit (unit 0), which are not in the
        matrix.

    Raises
    ------
    EspInputError
        Shapes that do not match, units outside 0..U, non-finite weights.
    """
    count = _check_n_units(n_units)
    ends = _as_end_units(end_units, count)
    link_weights = np.asarray(weights, dtype=np.float64).ravel()
    if link_weights.shape[0] != ends.shape[0]:
        raise EspInputError("There are {found} link weights for {links} links; give one per "
                            "link.", found=link_weights.shape[0], links=ends.shape[0])
    if not np.all(np.isfinite(link_weights)):
        raise EspInputError("The link weights must be finite numbers.")
    u = ends[:, 0]
    v = ends[:, 1]
    kept = (u > 0) & (v > 0)
    matrix = np.zeros((count, count))
    np.add.at(matrix, (u[kept] - 1, v[kept] - 1), link_weights[kept])
    between = kept & (u != v)  # the mirror entry; a link inside one unit counts once
    np.add.at(matrix, (v[between] - 1, u[between] - 1), link_weights[between])
    return matrix, int((~kept).sum())


def shared_matrix(members: Any, weights: Any, *, n_units: int) -> Tuple[np.ndarray, int]:
    """Unit x unit matrix of the links two units share (a corridor crossing several units
    ties all of them together).

    Parameters
    ----------
    members : ndarray of bool, shape (L, U + 1)
        True where link ``l`` involves unit ``u`` (its path crosses it or an end source lies
        in it); column 0 (outside every unit) is ignored.
    weights : ndarray of float, shape (L,)
        Weight of each link, finite.
    n_units : int
        Number of units U.

    Returns
    -------
    matrix : ndarray (U, U)
        ``matrix[u - 1, v - 1] = sum_l w_l [u in l] [v in l]``: off the diagonal the weight
        of the links shared by u and v, on it the weight of the links involving u.
    left_out : int
        Number of links that involve no unit.
    """
    count = _check_n_units(n_units)
    table = np.asarray(members, dtype=bool)
    if table.ndim != 2 or table.shape[1] != count + 1:
        raise EspInputError("The link membership table must have {columns} columns (outside "
                            "+ one per unit), not shape {shape}.", columns=count + 1,
                            shape=table.shape)
    link_weights = np.asarray(weights, dtype=np.float64).ravel()
    if link_weights.shape[0] != table.shape[0]:
        raise EspInputError("There are {found} link weights for {links} links; give one per "
                            "link.", found=link_weights.shape[0], links=table.shape[0])
    if not np.all(np.isfinite(link_weights)):
        raise EspInputError("The link weights must be finite numbers.")
    inside = table[:, 1:].astype(np.float64)
    matrix = (inside * link_weights[:, None]).T @ inside
    return matrix, int((~table[:, 1:].any(axis=1)).sum())


def _as_weight_matrix(weights: Any) -> np.ndarray:
    matrix = np.asarray(weights, dtype=np.float64)
    if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1]:
        raise EspInputError("The unit matrix must be square (units x units), not shape "
                            "{shape}.", shape=matrix.shape)
    bad = ~np.isfinite(matrix) | (matrix < 0)
    if np.any(bad):
        raise EspInputError("The unit matrix must hold finite weights of 0 or more, not "
                            "{value}.", value=matrix[bad][0])
    if not np.allclose(matrix, matrix.T, rtol=1e-12, atol=0.0):
        raise EspInputError("The unit matrix must be symmetric (a link between u and v "
                            "weighs the same both ways); build it with unit_matrix.")
    return matrix


def _check_resolution(resolution: float) -> float:
    value = float(resolution)
    if not (math.isfinite(value) and value > 0):
        raise EspInputError("The community resolution must be a positive number, not "
                            "{resolution}.", resolution=resolution)
    return value


def _unit_graph(matrix: np.ndarray) -> Any:
    """networkx graph: nodes 0..U-1 (isolated included), edges u < v with weight > 0."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(range(matrix.shape[0]))
    i, j = np.nonzero(np.triu(matrix, 1) > 0)
    graph.add_weighted_edges_from((int(a), int(b), float(matrix[a, b])) for a, b in zip(i, j))
    return graph


def _modularity(graph: Any, groups: Iterable[Set[int]], resolution: float) -> float:
    from networkx.algorithms.community import modularity

    if graph.number_of_edges() == 0:
        return 0.0  # networkx divides by the total weight: no edge, no structure to score
    return float(modularity(graph, list(groups), weight="weight", resolution=resolution))


def communities(weights: Any, *, resolution: float = 1.0, seed: int = 1) -> Communities:
    """Collaboration zones: Louvain communities of the unit graph.

    Parameters
    ----------
    weights : ndarray, shape (U, U)
        Symmetric unit x unit weights (e.g. from :func:`unit_matrix`); an edge joins u and
        v (u != v) where ``weights[u, v] > 0``; the diagonal is ignored.
    resolution : float
        Louvain resolution: above 1 favours smaller communities, below 1 larger ones.
    seed : int
        Random seed of the Louvain search: same input and seed, same communities.

    Returns
    -------
    Communities
        Labels 1..K numbered by community size (largest first), then by the smallest unit
        in the community; the modularity at ``resolution``. Without any edge every unit is
        its own community and the modularity is 0.

    Raises
    ------
    EspInputError
        A matrix that is not square, symmetric, finite and non-negative; a resolution that
        is not positive.
    """
    from networkx.algorithms.community import louvain_communities

    matrix = _as_weight_matrix(weights)
    value = _check_resolution(resolution)
    graph = _unit_graph(matrix)
    if graph.number_of_edges() == 0:
        # networkx 2.8 fails on a graph without edges; the answer is known.
        groups: List[Set[int]] = [{node} for node in range(matrix.shape[0])]
    else:
        groups = [set(group) for group in louvain_communities(
            graph, weight="weight", resolution=value, seed=int(seed))]
    groups.sort(key=lambda group: (-len(group), min(group)))
    labels = np.zeros(matrix.shape[0], dtype=np.int64)
    for label, group in enumerate(groups, start=1):
        labels[sorted(group)] = label
    return Communities(labels=labels, modularity=_modularity(graph, groups, value))


def partition_modularity(weights: Any, labels: Any, *, resolution: float = 1.0) -> float:
    """Modularity of a given grouping of the units (e.g. the prefectures).

    Parameters
    ----------
    weights : ndarray, shape (U, U)
        The unit matrix, as for :func:`communities`.
    labels : ndarray of int, shape (U,)
        Group of each unit; units with a label of 0 or less each form their own group.
    resolution : float
        Resolution of the modularity, as for :func:`communities`.

    Returns
    -------
    float
        Modularity of the grouping (0 for a graph without edges).

    Raises
    ------
    EspInputError
        A bad matrix or resolution, labels that are not one whole number per unit.
    """
    matrix = _as_weight_matrix(weights)
    value = _check_resolution(resolution)
    groups = np.asarray(labels, dtype=np.float64).ravel()
    if groups.shape[0] != matrix.shape[0]:
        raise EspInputError("There are {found} group labels for {units} units; give one per "
                            "unit.", found=groups.shape[0], units=matrix.shape[0])
    if not np.all(np.isfinite(groups) & (groups == np.round(groups))):
        raise EspInputError("The group labels must be whole numbers.")
    partition: List[Set[int]] = []
    for label in np.unique(groups[groups > 0]):
        partition.append({int(i) for i in np.flatnonzero(groups == label)})
    partition.extend({int(i)} for i in np.flatnonzero(groups <= 0))
    return _modularity(_unit_graph(matrix), partition, value)


def adjusted_rand_index(a: Any, b: Any) -> float:
    """Adjusted Rand index of two partitions of the same items (Hubert & Arabie 1985).

    ``ARI = (index - expected) / (max - expected)`` with ``index = sum C(n_ij, 2)`` over the
    contingency table, ``expected = sum C(a_i, 2) sum C(b_j, 2) / C(n, 2)`` and ``max =
    (sum C(a_i, 2) + sum C(b_j, 2)) / 2``; computed in exact integer arithmetic.

    Parameters
    ----------
    a, b : array of int, shape (n,)
        Group labels (any values; only equality matters).

    Returns
    -------
    float
        1 for identical partitions up to renaming, about 0 for unrelated ones, negative
        below chance. When ``max == expected`` (both partitions one group, both all
        singletons, or fewer than two items) the partitions agree and 1.0 is returned.

    Raises
    ------
    EspInputError
        Label arrays of different lengths.
    """
    first = np.asarray(a).ravel()
    second = np.asarray(b).ravel()
    if first.shape != second.shape:
        raise EspInputError("The two partitions label {n_a} and {n_b} items; give labels for "
                            "the same items.", n_a=first.size, n_b=second.size)
    _, row = np.unique(first, return_inverse=True)
    _, col = np.unique(second, return_inverse=True)
    row, col = row.ravel(), col.ravel()  # numpy 2.0 / 2.1 keep the input's shape

    def pairs(counts: np.ndarray) -> int:
        return sum(int(c) * (int(c) - 1) // 2 for c in counts)

    n_cols = int(col.max()) + 1 if col.size else 1
    index = pairs(np.bincount(row * n_cols + col))
    sum_a = pairs(np.bincount(row))
    sum_b = pairs(np.bincount(col))
    total = first.size * (first.size - 1) // 2
    # Multiplied through by 2 C(n, 2) to stay in integers.
    numerator = 2 * total * index - 2 * sum_a * sum_b
    denominator = (sum_a + sum_b) * total - 2 * sum_a * sum_b
    if denominator == 0:
        return 1.0
    return numerator / denominator


# --------------------------------------------------------------------------- burden / benefit

def link_barrier_scores(links: Sequence[Link], barrier_labels: Any, *, radii: Sequence[float],
                        cell_size: float, source_mask: Optional[np.ndarray] = None,
                        cwd_threshold: Optional[float] = None,
                        progress: Progress = NullProgress()) -> Tuple[np.ndarray, np.ndarray]:
    """Improvement score of every barrier patch for every link.

    For each link, :func:`espcore.corridors.barriers.improvement_score` at each radius, combined by
    the maximum over radii (NaN = no value); then, per barrier patch, the maximum over its
    cells, NaN counting as 0 (no improvement known there).

    Parameters
    ----------
    links : sequence of (cwd_a, cwd_b, lcd)
        As for :func:`espcore.corridors.barriers.barrier_scores`.
    barrier_labels : ndarray of int, 2-D
        Barrier patch id per cell, 0 or negative = none (same grid as the CWD rasters).
    radii : sequence of float
        Detection radii in map units, each at least one cell.
    cell_size : float
        Cell side in map units.
    source_mask : ndarray of bool, optional
        Cells inside sources (scored NaN, i.e. 0 here).
    cwd_threshold : float, optional
        CWD values at or above it are ignored.
    progress : Progress
        One step per (link, radius); cancellation checked between steps.

    Returns
    -------
    ids : ndarray of int64
        The positive barrier ids present, sorted.
    scores : ndarray of float64, shape (len(ids), len(links))
        Highest improvement score of each barrier patch for each link (0 or more).

    Raises
    ------
    EspInputError
        No radius, a radius below one cell, grids of different shapes, a non-positive LCD.
    Cancelled
        When the user stops the run.
    """
    labels = _as_int_grid(barrier_labels, "barrier labels")
    # The patch cells once, grouped by patch: each score is then read on them only (a
    # labelled maximum over the whole grid per radius and link cost more than the scores).
    flat = np.flatnonzero(labels.ravel() > 0)
    order = np.argsort(labels.ravel()[flat], kind="stable")
    cells = flat[order]
    patch_of = labels.ravel()[cells]
    ids = np.unique(patch_of).astype(np.int64)
    starts = np.searchsorted(patch_of, ids)
    scores = np.zeros((ids.size, len(links)))
    if not links:
        return ids, scores
    checked_shape = False
    # The maximum over radii and over a patch's cells commute, and NaN counts as 0 in both:
    # each (radius, link) score is reduced to its patch maxima at once, no grid is kept.
    for _radius, index, score, nodata in link_scores(
            links, radii=radii, cell_size=cell_size, source_mask=source_mask,
            cwd_threshold=cwd_threshold, progress=progress):
        if not checked_shape:
            _check_same_shape(labels, "barrier labels", score.shape, "cost-weighted distance")
            checked_shape = True
        if ids.size:
            values = score.ravel()[cells]
            values[nodata.ravel()[cells]] = np.nan
            per_patch = np.maximum.reduceat(np.nan_to_num(values, nan=0.0), starts)
            np.maximum(scores[:, index], per_patch, out=scores[:, index])
    return ids, scores


def _link_source_rows(end_sources: Any, source_ids: Any,
                      source_table: Any) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The checked source ids and source x unit table, and the table row of the source at
    each end of each link, shape (L, 2)."""
    ids = np.asarray(source_ids).ravel()
    table = _as_table(source_table, "source x unit")
    if table.shape[0] != ids.size:
        raise EspInputError("The source table has {rows} rows for {ids} source ids; give one "
                            "row per source.", rows=table.shape[0], ids=ids.size)
    ends = np.asarray(end_sources)
    if ends.ndim != 2 or ends.shape[1] != 2:
        raise EspInputError("The link ends must be a table of two source ids per link, not "
                            "shape {shape}.", shape=ends.shape)
    wanted = ends.ravel()
    order = np.argsort(ids, kind="stable")
    position = np.minimum(np.searchsorted(ids[order], wanted), max(ids.size - 1, 0))
    found = ids[order][position] == wanted if ids.size else np.zeros(wanted.size, bool)
    if not np.all(found):
        raise EspInputError("Link end source {source} is not among the sources; check the "
                            "source id field of the links.", source=wanted[~found][0])
    return ids, table, order[position].reshape(ends.shape)


def source_beneficiaries(end_sources: Any, source_ids: Any, source_table: Any) -> np.ndarray:
    """How each link's benefit splits over the units: half to each end source's units.

    Parameters
    ----------
    end_sources : ndarray of int, shape (L, 2)
        Source id at each end of each link.
    source_ids : ndarray of int, shape (S,)
        Ids of the rows of ``source_table`` (e.g. from :func:`cross_tabulate`).
    source_table : ndarray, shape (S, U + 1)
        Amount (area) of each source per unit, column 0 = outside every unit.

    Returns
    -------
    ndarray of float64, shape (L, U + 1)
        Half of each end source's unit shares (its row divided by its total); every row
        sums to 1.

    Raises
    ------
    EspInputError
        A link end that is not in ``source_ids``, a source with no amount, bad shapes.
    """
    ids, table, rows = _link_source_rows(end_sources, source_ids, source_table)
    totals = table.sum(axis=1)
    if np.any(totals <= 0):
        raise EspInputError("Source {source} has no area on the grid, so its units are "
                            "unknown; drop the links that end at it.",
                            source=ids[totals <= 0][0])
    shares = table / totals[:, None]
    return 0.5 * shares[rows[:, 0]] + 0.5 * shares[rows[:, 1]]


def restoration_account(burden: Any, scores: Any, beneficiaries: Any) -> Account:
    """Who restores barriers for whom: the burden / benefit account per unit.

    Barrier ``b``'s amount in unit ``r`` (``burden[b, r]``) is credited to the links in
    proportion to its scores, ``w_bl = scores[b, l] / sum_l scores[b, l]``, and link ``l``'s
    credit to the units by ``beneficiaries[l]``::

        flows[r, e] = sum_b sum_l burden[b, r] w_bl beneficiaries[l, e]

    A barrier whose scores are all 0 improves no link: its amount stays with the units it
    lies in, as benefit too (its beneficiaries are its own burden shares), so every amount
    restored appears once in the account.

    Parameters
    ----------
    burden : ndarray, shape (B, U + 1)
        Amount (e.g. area) of each barrier in each unit, column 0 = outside every unit.
    scores : ndarray, shape (B, L)
        Improvement score of each barrier for each link, 0 or more (e.g. from
        :func:`link_barrier_scores`).
    beneficiaries : ndarray, shape (L, U + 1)
        Share of each link's benefit per unit, rows summing to 1 (e.g. from
        :func:`source_beneficiaries`).

    Returns
    -------
    Account
        ``flows`` (U + 1, U + 1), ``burden`` = ``flows.sum(1)``, ``benefit`` =
        ``flows.sum(0)``, ``net`` = benefit - burden; ``flows.sum()`` equals
        ``burden.sum()`` of the input.

    Raises
    ------
    EspInputError
        Shapes that do not match, negative or non-finite values, beneficiary rows that do
        not sum to 1.
    """
    amounts = _as_table(burden, "barrier x unit")
    columns = amounts.shape[1]
    score = _as_table(scores, "barrier x link")
    shares = _as_table(beneficiaries, "link x unit", columns)
    if score.shape[0] != amounts.shape[0]:
        raise EspInputError("The scores have {found} barrier rows, the burden table {want}; "
                            "give both in the same barrier order.", found=score.shape[0],
                            want=amounts.shape[0])
    if score.shape[1] != shares.shape[0]:
        raise EspInputError("The scores have {found} link columns, the beneficiary table "
                            "{want} rows; give both in the same link order.",
                            found=score.shape[1], want=shares.shape[0])
    sums = shares.sum(axis=1)
    off = np.abs(sums - 1.0) > _SHARE_TOL * max(columns, 1)
    if np.any(off):
        raise EspInputError("The benefit shares of link {link} sum to {total}, not 1.",
                            link=int(np.flatnonzero(off)[0]) + 1, total=sums[off][0])
    score_total = score.sum(axis=1)
    scored = score_total > 0
    link_weight = np.zeros_like(score)
    link_weight[scored] = score[scored] / score_total[scored, None]
    benefit_shares = link_weight @ shares  # (B, U + 1), rows sum to 1 where scored
    own_total = amounts.sum(axis=1)
    unscored = ~scored & (own_total > 0)
    benefit_shares[unscored] = amounts[unscored] / own_total[unscored, None]
    flows = amounts.T @ benefit_shares
    burden_out = flows.sum(axis=1)
    benefit_out = flows.sum(axis=0)
    return Account(flows=flows, burden=burden_out, benefit=benefit_out,
                   net=benefit_out - burden_out)


def unit_resistances(conductance: np.ndarray, focal_units: np.ndarray, *, n_units: int,
                     progress: Progress = NullProgress()) -> np.ndarray:
    """Effective resistance between every two units, each unit one shorted focal region.

    Parameters
    ----------
    conductance : ndarray, 2-D
        Cell conductances (S), 0 = NoData (:func:`espcore.circuits.graph.conductances`).
    focal_units : ndarray of int, same shape
        The unit of each focal cell (usually the source cells of the unit), 0 = none; all
        cells of one unit form one focal region, as Circuitscape's focal-region mode.
    n_units : int
        Number of units U.

    Returns
    -------
    ndarray (U, U) of ohms (Circuitscape's pairwise mode with 8 neighbours and average
    conductance); 0 on the diagonal of units with focal cells; NaN for a unit without focal
    cells and for pairs that no path joins.
    """
    from ..circuits.focal import FocalNodes
    from ..circuits.pairwise import pairwise

    count = _check_n_units(n_units)
    g = np.asarray(conductance, dtype=np.float64)
    units = _as_units(focal_units, count, g.shape, "focal units")
    out = np.full((count, count), np.nan)
    focal = FocalNodes.from_raster(units, units > 0)
    present = np.unique(focal.ids)
    out[present - 1, present - 1] = 0.0
    if present.size < 2:
        return out
    matrix = pairwise(g, focal, progress=progress).resistances
    assert matrix is not None
    ids: npt.NDArray[np.int64] = matrix[0, 1:].astype(np.int64)
    values = matrix[1:, 1:]
    values = np.where(values < 0, np.nan, values)
    out[np.ix_(ids - 1, ids - 1)] = values
    return out


def typical_communities(community: np.ndarray, groups: np.ndarray) -> List[Optional[int]]:
    """For each unit, the community most common among the linked units (community > 0) of
    its group (ties: the lowest community number); None for a unit without a group
    (label <= 0) or whose group has no linked unit."""
    labels = np.asarray(community, dtype=np.int64)
    group = np.asarray(groups, dtype=np.int64)
    typical = {}
    for value in np.unique(group[group > 0]):
        members = labels[(group == value) & (labels > 0)]
        if members.size:
            typical[int(value)] = int(np.bincount(members).argmax())
    return [typical.get(int(g)) if g > 0 else None for g in group]
