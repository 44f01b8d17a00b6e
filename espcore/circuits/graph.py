"""Raster -> resistor network, with Circuitscape's rules.

Every cell with a positive conductance is a node; nodes are numbered in column-major order
(Circuitscape's order, so that "the first cell" means the same thing here and there). Cells of
one short-circuit region share a node. Neighbouring nodes are joined by a resistor whose
conductance is the average of the two cell conductances (or the inverse of the average
resistance), divided by sqrt(2) on diagonals.

Memory: about 60 bytes per cell for the node map, edge arrays and Laplacian (8 neighbours).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional, Tuple

import numpy as np
import numpy.typing as npt

from ..errors import EspInputError

#: Neighbour offsets (row, column) whose edges each node owns: right, down, and for eight
#: neighbours also down-right and up-right, so every edge is generated exactly once.
_ORTHOGONAL = ((0, 1), (1, 0))
_DIAGONAL = ((1, 1), (-1, 1))


@dataclass(frozen=True)
class Network:
    """A resistor network: nodes 0..n-1 and unique edges ``a < b`` with conductance ``w``.

    ``node_map`` (raster networks only) gives every cell its node number plus one, 0 where the
    cell is not part of the network.
    """

    n_nodes: int
    a: np.ndarray
    b: np.ndarray
    w: np.ndarray
    node_map: Optional[np.ndarray] = None
    #: Conductances and stencil of a raster network without regions: its Laplacian is then
    #: assembled row by row from the grid (see :func:`_stencil_laplacian`).
    stencil: Optional[Tuple[np.ndarray, Tuple[Tuple[int, int], ...], bool]] = None

    def laplacian(self) -> Any:
        """The n x n graph Laplacian (CSR): row sums on the diagonal, -w off it."""
        import scipy.sparse as sp

        if self.stencil is not None and self.node_map is not None:
            return _stencil_laplacian(self.node_map, *self.stencil)
        n = self.n_nodes
        rows = np.concatenate([self.a, self.b, np.arange(n)])
        cols = np.concatenate([self.b, self.a, np.arange(n)])
        degree = np.bincount(self.a, self.w, n) + np.bincount(self.b, self.w, n)
        vals = np.concatenate([-self.w, -self.w, degree])
        return sp.csr_matrix((vals, (rows, cols)), shape=(n, n))

    def components(self) -> Tuple[int, np.ndarray]:
        """Number of connected components and the component label of every node.

        Components are numbered by their first node, as scipy's ``connected_components``
        numbers them.
        """
        import scipy.sparse as sp
        from scipy.sparse.csgraph import connected_components

        if self.stencil is not None and self.node_map is not None:
            return _grid_components(self.node_map, self.stencil[1])
        n = self.n_nodes
        adjacency = sp.csr_matrix((np.ones(len(self.a)), (self.a, self.b)), shape=(n, n))
        count, labels = connected_components(adjacency, directed=False)
        return int(count), labels

    def cell_values(self, node_values: np.ndarray, fill: float = 0.0) -> np.ndarray:
        """Spread per-node values onto the raster (cells of a region share their node's)."""
        if self.node_map is None:
            raise ValueError("not a raster network")
        out = np.full(self.node_map.shape, fill, dtype=np.float64)
        on = self.node_map > 0
        out[on] = node_values[self.node_map[on] - 1]
        return out


def conductances(values: np.ndarray, valid: np.ndarray, *, is_resistance: bool) -> np.ndarray:
    """Cell conductances in siemens from a resistance or conductance raster.

    NoData (``valid`` False) and infinite resistance give 0, a barrier. Zero or negative
    resistances, and negative conductances, are errors: Circuitscape would silently drop or
    refuse them, and they are almost always a reclassification mistake.
    """
    values = np.asarray(values, dtype=np.float64)
    data = values[valid]
    bad = int(np.count_nonzero(data <= 0)) if is_resistance else int(np.count_nonzero(data < 0))
    if bad and is_resistance:
        raise EspInputError(
            "The resistance raster has {count} cells with zero or negative resistance. "
            "Resistances must be positive: give barriers NoData, and join cells that "
            "should conduct freely with a short-circuit region.", count=bad)
    if bad:
        raise EspInputError(
            "The conductance raster has {count} cells with negative conductance. "
            "Conductances must be zero (barrier) or positive.", count=bad)
    g = np.zeros(values.shape, dtype=np.float64)
    with np.errstate(divide="ignore"):
        g[valid] = 1.0 / data if is_resistance else data
    g[~np.isfinite(g)] = 0.0
    return g


#: A ratio of the largest to the smallest cell value above which a raster is "extreme":
#: exact with the direct solvers, but AMG-CG may converge slowly.
EXTREME_RATIO = 1e6


def range_ratio(values: np.ndarray, valid: np.ndarray) -> float:
    """Largest over smallest positive finite value among the data cells (``valid``), in the
    values' own precision; NaN when there is none."""
    data = np.asarray(values)[np.asarray(valid, dtype=bool)]
    data = data[np.isfinite(data) & (data > 0)]
    return float(data.max() / data.min()) if data.size else float("nan")


def node_map(g: np.ndarray, regions: Optional[np.ndarray] = None) -> np.ndarray:
    """Node number plus one of every cell, 0 for cells outside the network.

    Cells with ``g > 0`` are numbered in column-major order. ``regions`` (integer ids, 0 =
    none) joins all cells of an id into the node of its first valid cell, including cells of
    the region whose own conductance is 0; a region with no valid cell is dropped.
    """
    flat_g = g.ravel(order="F")
    numbers: npt.NDArray[np.int64] = np.zeros(flat_g.size, dtype=np.int64)
    on = flat_g > 0
    numbers[on] = np.arange(1, np.count_nonzero(on) + 1)
    if regions is not None:
        flat_r = np.asarray(regions).ravel(order="F").astype(np.int64)
        in_region = flat_r != 0
        if np.any(in_region):
            ids, inverse = np.unique(flat_r[in_region], return_inverse=True)
            first = np.full(ids.size, np.iinfo(np.int64).max)
            region_numbers = numbers[in_region]
            valid = region_numbers > 0
            np.minimum.at(first, inverse[valid], region_numbers[valid])
            first[first == np.iinfo(np.int64).max] = 0
            numbers[in_region] = first[inverse]
        used = np.unique(numbers[numbers > 0])
        lookup: npt.NDArray[np.int64] = np.zeros(numbers.max() + 1 if numbers.size else 1,
                                                 dtype=np.int64)
        lookup[used] = np.arange(1, used.size + 1)
        numbers = lookup[numbers]
    return numbers.reshape(g.shape, order="F")


def _shifted_pairs(shape: Tuple[int, ...], dr: int, dc: int) -> Tuple[slice, slice, slice, slice]:
    rows, cols = shape
    r1 = slice(max(0, -dr), rows - max(0, dr))
    r2 = slice(max(0, dr), rows - max(0, -dr))
    return r1, slice(0, cols - dc), r2, slice(dc, cols)


def raster_network(g: np.ndarray, *, regions: Optional[np.ndarray] = None,
                   four_neighbours: bool = False,
                   average_resistance: bool = False) -> Network:
    """Build the resistor network of a conductance raster, as Circuitscape does.

    Parameters
    ----------
    g : 2-D float array of cell conductances (0 = not a node), from :func:`conductances`.
    regions : optional integer array of short-circuit region ids (0 = none).
    four_neighbours : join only orthogonal neighbours.
    average_resistance : edge conductance 2/(r1+r2) instead of (g1+g2)/2.

    Returns
    -------
    Network with the node map; parallel edges (region borders) are summed, self-loops
    inside a region vanish.
    """
    nodes = node_map(g, regions)
    offsets = _ORTHOGONAL if four_neighbours else _ORTHOGONAL + _DIAGONAL
    # int32 node numbers halve the edge list, the largest array of a large grid's graph.
    index = np.int32 if nodes.max(initial=0) < 2 ** 31 else np.int64
    parts_a, parts_b, parts_w = [], [], []
    for dr, dc in offsets:
        r1, c1, r2, c2 = _shifted_pairs(g.shape, dr, dc)
        n1, n2 = nodes[r1, c1], nodes[r2, c2]
        keep = (n1 > 0) & (n2 > 0) & (n1 != n2)
        g1, g2 = g[r1, c1][keep], g[r2, c2][keep]
        if average_resistance:
            with np.errstate(divide="ignore", invalid="ignore"):
                w = 1.0 / ((1.0 / g1 + 1.0 / g2) / 2.0)
            w[~np.isfinite(w)] = 0.0
        else:
            w = (g1 + g2) / 2.0
        if dr and dc:
            w = w / np.sqrt(2.0)
        a, b = (n1[keep] - 1).astype(index), (n2[keep] - 1).astype(index)
        parts_a.append(np.minimum(a, b))
        parts_b.append(np.maximum(a, b))
        parts_w.append(w)
    a, b, w = np.concatenate(parts_a), np.concatenate(parts_b), np.concatenate(parts_w)
    if regions is not None:  # only shared region nodes create parallel edges
        return Network(int(nodes.max(initial=0)), *_merge_parallel(a, b, w), nodes)
    keep = w > 0
    if not keep.all():  # an underflowing edge: the grid's neighbours are no longer the graph's
        return Network(int(nodes.max(initial=0)), a[keep], b[keep], w[keep], nodes)
    return Network(int(nodes.max(initial=0)), a, b, w, nodes,
                   stencil=(g, offsets, average_resistance))


def _grid_components(nodes: np.ndarray,
                     offsets: Tuple[Tuple[int, int], ...]) -> Tuple[int, np.ndarray]:
    """Components of a raster network without regions, labelled on the grid.

    Every two neighbouring nodes are joined (a positive conductance gives a positive edge),
    so the components are the node cells' 4- or 8-connected patches: an image labelling
    instead of a graph search over millions of edges.
    """
    from scipy.ndimage import label

    structure = np.ones((3, 3), dtype=bool) if len(offsets) > 2 else None
    patches, count = label(nodes > 0, structure=structure)
    per_node = patches.ravel(order="F")[nodes.ravel(order="F") > 0]
    # Renumber by first node, as a graph search from node 0 upwards would.
    _, first = np.unique(per_node, return_index=True)
    rank = np.zeros(count + 1, dtype=np.int32)
    rank[per_node[np.sort(first)]] = np.arange(first.size, dtype=np.int32)
    return int(count), rank[per_node]


def _edge_weights(g: np.ndarray, nodes: np.ndarray, dr: int, dc: int,
                  average_resistance: bool) -> Tuple[np.ndarray, np.ndarray]:
    """Conductance of the edge from every cell to its neighbour at (dr, dc), and that
    neighbour's node number plus one (0: no edge), as grids of the raster's shape."""
    rows, cols = g.shape
    weight = np.zeros(g.shape)
    neighbour = np.zeros(g.shape, dtype=nodes.dtype)
    here = (slice(max(0, -dr), rows - max(0, dr)), slice(max(0, -dc), cols - max(0, dc)))
    there = (slice(max(0, dr), rows - max(0, -dr)), slice(max(0, dc), cols - max(0, -dc)))
    g1, g2 = g[here], g[there]
    if average_resistance:
        with np.errstate(divide="ignore", invalid="ignore"):
            w = 1.0 / ((1.0 / g1 + 1.0 / g2) / 2.0)
        w[~np.isfinite(w)] = 0.0
    else:
        w = (g1 + g2) / 2.0
    if dr and dc:
        w = w / np.sqrt(2.0)
    linked = (nodes[here] > 0) & (nodes[there] > 0) & (w > 0)
    weight[here] = np.where(linked, w, 0.0)
    neighbour[here] = np.where(linked, nodes[there], 0)
    return weight, neighbour


def _stencil_laplacian(nodes: np.ndarray, g: np.ndarray,
                       offsets: Tuple[Tuple[int, int], ...], average_resistance: bool) -> Any:
    """The Laplacian of a raster network without regions, built straight into CSR.

    Nodes are numbered in column-major order, so a node's neighbours sorted by (column,
    row) offset are also sorted by node number: every row of the matrix is its cell's
    stencil read in that order. This skips the triplet sort of a general sparse assembly,
    which took most of the graph time on large grids. Each edge's conductance is the same
    number as in the edge list; the diagonal adds up a row's own entries.
    """
    import scipy.sparse as sp

    on = nodes.ravel(order="F") > 0
    n = int(np.count_nonzero(on))
    directions = sorted({(dr, dc) for dr, dc in offsets} | {(-dr, -dc) for dr, dc in offsets},
                        key=lambda step: (step[1], step[0]))
    width = len(directions) + 1
    index_type = np.int32 if n < 2 ** 31 else np.int64
    values = np.zeros((n, width))
    columns = np.zeros((n, width), dtype=index_type)
    slot = 0
    for dr, dc in directions:
        if slot == len(directions) // 2:
            diagonal_slot = slot
            slot += 1
        weight, neighbour = _edge_weights(g, nodes, dr, dc, average_resistance)
        values[:, slot] = -weight.ravel(order="F")[on]
        columns[:, slot] = neighbour.ravel(order="F")[on] - 1
        slot += 1
    off = np.arange(width) != diagonal_slot
    values[:, diagonal_slot] = -values[:, off].sum(axis=1)
    columns[:, diagonal_slot] = np.arange(n, dtype=index_type)
    keep = values != 0.0
    keep[:, diagonal_slot] = True
    counts = np.count_nonzero(keep, axis=1)
    indptr = np.zeros(n + 1, dtype=index_type)
    np.cumsum(counts, out=indptr[1:])
    return sp.csr_matrix((values[keep], columns[keep], indptr), shape=(n, n))


def _merge_parallel(a: np.ndarray, b: np.ndarray,
                    w: np.ndarray) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sum parallel edges, drop zero conductances; edges sorted by (b, a) like CSC order."""
    keep = w > 0
    a, b, w = a[keep], b[keep], w[keep]
    if a.size == 0:
        return a.astype(np.int64), b.astype(np.int64), w
    key = b.astype(np.int64) * (int(max(a.max(), b.max())) + 1) + a
    unique, inverse = np.unique(key, return_inverse=True)
    width = int(max(a.max(), b.max())) + 1
    return unique % width, unique // width, np.bincount(inverse, w)


def edge_network(n_nodes: int, a: np.ndarray, b: np.ndarray, w: np.ndarray) -> Network:
    """A network from an edge list (0-based nodes); parallel edges add, self-loops vanish."""
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(b, dtype=np.int64)
    keep = a != b
    lo, hi = np.minimum(a, b)[keep], np.maximum(a, b)[keep]
    lo, hi, w = _merge_parallel(lo, hi, np.asarray(w, dtype=np.float64)[keep])
    return Network(int(n_nodes), lo, hi, w)


def node_currents(net: Network, v: np.ndarray, finite_grounds: Optional[np.ndarray] = None,
                  labels: Optional[np.ndarray] = None) -> np.ndarray:
    """Current through every node (A): the larger of its total inflow and total outflow.

    Branch currents below 1e-8 of the largest one in the same direction count as zero
    (Circuitscape's rule). With component ``labels`` the largest is taken per component, as
    Circuitscape does where it solves components separately (advanced mode): a global
    maximum would zero the currents of a weakly driven component. Finite grounds add their
    current to ground to the flows.
    """
    f = net.w * (v[net.a] - v[net.b])  # > 0: flows from a to b
    n = net.n_nodes
    if labels is not None:
        group = labels[net.a]
        order = np.argsort(group, kind="stable")
        starts = np.flatnonzero(np.r_[True, np.diff(group[order]) != 0]) if len(f) else \
            np.zeros(0, dtype=np.int64)
    flows = []
    for sign in (1.0, -1.0):
        directed = sign * f
        if labels is None:
            cut = 1e-8 * max(directed.max(initial=0.0), 0.0)
        else:
            top = np.zeros(int(labels.max(initial=-1)) + 1)
            if len(f):
                top[group[order][starts]] = np.maximum.reduceat(directed[order], starts)
            cut = 1e-8 * np.maximum(top, 0.0)[group]
        directed = np.where(np.abs(directed) < cut, 0.0, directed)
        forward = np.where(directed > 0, directed, 0.0)
        backward = np.where(directed < 0, -directed, 0.0)
        # With sign +1 these sums are the inflows, with sign -1 the outflows.
        flows.append(np.bincount(net.b, forward, n) + np.bincount(net.a, backward, n))
    inflow, outflow = flows
    if finite_grounds is not None:
        to_ground = finite_grounds * v
        inflow = inflow + np.where(to_ground < 0, -to_ground, 0.0)
        outflow = outflow + np.where(to_ground > 0, to_ground, 0.0)
    return np.maximum(inflow, outflow)


def branch_currents(net: Network, v: np.ndarray) -> np.ndarray:
    """Absolute current through every edge (A), same order as ``net.a``/``net.b``."""
    return np.abs(net.w * (v[net.a] - v[net.b]))
