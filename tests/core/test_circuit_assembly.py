"""How a raster becomes a grounded system, checked against the general sparse assembly.

A raster network without regions builds its Laplacian row by row from the grid and labels its
components on the image (espcore.circuits.graph); grounding cuts a node's row and column out
directly (espcore.circuits.solvers.without_nodes). Each must give what the plain route gives:
triplets summed by scipy, a graph search over the edges, scipy's fancy indexing.
"""

import numpy as np
import pytest
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from espcore.circuits.graph import raster_network
from espcore.circuits.solvers import without_nodes


def _grid(seed, shape=(41, 29), holes=0.25):
    rng = np.random.default_rng(seed)
    g = np.exp(rng.standard_normal(shape))
    g[rng.random(shape) < holes] = 0.0
    return g


def _triplet_laplacian(net):
    """The Laplacian from the edge list, summed by scipy (the general assembly)."""
    n = net.n_nodes
    adjacency = sp.coo_matrix((net.w, (net.a, net.b)), shape=(n, n)).tocsr()
    adjacency = adjacency + adjacency.T
    return (sp.diags(np.asarray(adjacency.sum(axis=1)).ravel()) - adjacency).tocsr()


@pytest.mark.parametrize("four", [False, True])
@pytest.mark.parametrize("average", [False, True])
def test_the_row_by_row_laplacian_is_the_triplet_one(four, average):
    net = raster_network(_grid(1), four_neighbours=four, average_resistance=average)
    assert net.stencil is not None  # the fast path is the one under test
    built = net.laplacian()
    expected = _triplet_laplacian(net)
    assert built.shape == expected.shape
    assert built.has_sorted_indices
    assert abs(built - expected).max() <= 1e-12 * abs(expected).max()
    # Rows sum to zero: the diagonal is exactly each node's conductance to its neighbours.
    assert np.abs(np.asarray(built.sum(axis=1)).ravel()).max() < 1e-12


def test_a_hand_sized_grid_gives_the_hand_laplacian():
    # Three cells in a row with conductances 1, 3, 0 (NoData) and 5 below the first:
    # edges 1-3 (2.0), 1-5 (3.0) and the diagonal 3-5 ((3 + 5) / 2 / sqrt 2).
    g = np.array([[1.0, 3.0, 0.0], [5.0, 0.0, 0.0]])
    net = raster_network(g)
    # Column-major numbering: cell (0,0) -> 0, (1,0) -> 1, (0,1) -> 2.
    d = 4.0 / np.sqrt(2.0)
    expected = np.array([[5.0, -3.0, -2.0], [-3.0, 3.0 + d, -d], [-2.0, -d, 2.0 + d]])
    assert np.allclose(net.laplacian().toarray(), expected, rtol=0, atol=1e-14)


@pytest.mark.parametrize("four", [False, True])
def test_components_on_the_image_are_the_graph_search(four):
    net = raster_network(_grid(2, holes=0.45), four_neighbours=four)
    count, labels = net.components()
    n = net.n_nodes
    adjacency = sp.csr_matrix((np.ones(len(net.a)), (net.a, net.b)), shape=(n, n))
    expected_count, expected = connected_components(adjacency, directed=False)
    assert count == expected_count > 5
    assert np.array_equal(labels, expected)


def test_regions_keep_the_general_assembly():
    g = _grid(3)
    regions = np.zeros(g.shape, dtype=int)
    regions[2:5, 2:5] = 7
    net = raster_network(g, regions=regions)
    assert net.stencil is None
    assert abs(net.laplacian() - _triplet_laplacian(net)).max() < 1e-12


@pytest.mark.parametrize("removed", [[0], [17], [5, 6, 100], [], list(range(0, 60, 3))])
def test_cutting_out_grounded_nodes_is_fancy_indexing(removed):
    matrix = raster_network(_grid(4)).laplacian()
    keep = np.ones(matrix.shape[0], dtype=bool)
    keep[removed] = False
    cut = without_nodes(matrix, keep)
    expected = matrix[keep][:, keep]
    assert cut.shape == expected.shape
    assert cut.nnz == expected.nnz
    assert abs(cut - expected).max() == 0.0
