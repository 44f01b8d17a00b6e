"""Block AMG-CG (espcore.circuits.multigrid) against direct solves, Ohm's law on a chain, its
residual check and its cancellation."""

import numpy as np
import pytest
import scipy.sparse as sp
from progress_helpers import CancelAfter
from scipy.sparse.linalg import splu

from espcore import Cancelled, EspError
from espcore.circuits.graph import raster_network
from espcore.progress import watching

pytest.importorskip("pyamg")

from espcore.circuits.multigrid import (  # noqa: E402  (after the skip: pyamg is optional)
    RTOL_RESISTANCE,
    BlockAmg,
    energy_products,
)


def lognormal_system(side=60, sigma=2.0, four_neighbours=False, seed=7):
    """(grounded Laplacian, ground node) of a side x side raster of lognormal conductances;
    the ground is the first node."""
    rng = np.random.default_rng(seed)
    g = np.exp(sigma * rng.standard_normal((side, side)))
    laplacian = raster_network(g, four_neighbours=four_neighbours).laplacian().tocsr()
    return laplacian[1:][:, 1:].tocsc()


def focal_columns(n, k, seed=1):
    """n x k unit injections at k distinct random nodes, and those nodes."""
    nodes = np.random.default_rng(seed).choice(n, size=k, replace=False)
    rhs = np.zeros((n, k))
    rhs[nodes, np.arange(k)] = 1.0
    return rhs, nodes


@pytest.mark.parametrize("four_neighbours", [False, True])
@pytest.mark.parametrize("max_coarse", [1500, 60])
def test_block_matches_a_direct_solve(four_neighbours, max_coarse):
    matrix = lognormal_system(four_neighbours=four_neighbours)
    rhs = np.random.default_rng(2).standard_normal((matrix.shape[0], 5))
    exact = splu(matrix).solve(rhs)
    solver = BlockAmg(matrix, rtol=1e-10, max_coarse=max_coarse)
    x = solver.solve(rhs)
    assert x.shape == rhs.shape and x.dtype == np.float64
    assert np.abs(x - exact).max() <= 1e-7 * np.abs(exact).max()
    residual = np.linalg.norm(rhs - matrix @ x, axis=0) / np.linalg.norm(rhs, axis=0)
    assert residual.max() <= 1e-10


@pytest.mark.parametrize("single", [True, False])
def test_one_vector_matches_a_direct_solve(single):
    matrix = lognormal_system(four_neighbours=True)
    b = np.random.default_rng(4).standard_normal(matrix.shape[0])
    x = BlockAmg(matrix, rtol=1e-10, single=single, max_coarse=100).solve(b)
    assert x.shape == b.shape
    exact = splu(matrix).solve(b)
    assert np.abs(x - exact).max() <= 1e-7 * np.abs(exact).max()


def test_groups_and_zero_columns():
    """More columns than one group holds, one of them zero: each column is its own solve."""
    matrix = lognormal_system(side=40)
    rhs = np.random.default_rng(5).standard_normal((matrix.shape[0], 7))
    rhs[:, 3] = 0.0
    x = BlockAmg(matrix, rtol=1e-10, group=3, max_coarse=100).solve(rhs)
    exact = splu(matrix).solve(rhs)
    assert np.all(x[:, 3] == 0.0)
    assert np.abs(x - exact).max() <= 1e-7 * np.abs(exact).max()


def test_groups_shrink_to_the_memory_available(monkeypatch):
    """With room for two columns' work only, eight columns go in groups of two, and the
    solutions are the same."""
    from espcore.circuits import multigrid

    matrix = lognormal_system(side=40)
    n = matrix.shape[0]
    room = 2.5 * multigrid.COLUMN_BYTES * n / multigrid.GROUP_SHARE
    monkeypatch.setattr(multigrid, "available_bytes", lambda: room)
    rhs = np.random.default_rng(6).standard_normal((n, 8))
    amg = BlockAmg(matrix, rtol=1e-10, max_coarse=100)
    x = amg.solve(rhs)
    assert [columns for columns, _ in amg.history] == [2, 2, 2, 2]
    exact = splu(matrix).solve(rhs)
    assert np.abs(x - exact).max() <= 1e-7 * np.abs(exact).max()
    monkeypatch.setattr(multigrid, "available_bytes", lambda: 0)
    amg.solve(rhs)
    assert [columns for columns, _ in amg.history] == [1] * 8


@pytest.mark.parametrize("four_neighbours", [False, True])
def test_resistances_reach_the_promised_tolerance(four_neighbours):
    """Pairwise mode's resistances from grounded unit injections, R_ij = x_i[i] + x_j[j] -
    x_i[j] - x_j[i], to 1e-6 at RTOL_RESISTANCE; through energy_products far closer."""
    matrix = lognormal_system(four_neighbours=four_neighbours)
    rhs, nodes = focal_columns(matrix.shape[0], 6)
    exact = splu(matrix).solve(rhs)

    def resistances(at):
        diag = np.diag(at)
        return diag[:, None] + diag[None, :] - at - at.T

    reference = resistances(rhs.T @ exact)
    x = BlockAmg(matrix, rtol=RTOL_RESISTANCE, max_coarse=100).solve(rhs)
    off = ~np.eye(6, dtype=bool)
    point = resistances(x[nodes, :])
    energy = resistances(energy_products(matrix, rhs, x))
    assert np.max(np.abs(point - reference)[off] / reference[off]) < 1e-6
    assert np.max(np.abs(energy - reference)[off] / reference[off]) < 1e-9


def test_chain_resistance_is_the_sum_of_its_resistors():
    """A 1-D chain of 4000 random resistors, grounded at one end and fed 1 A at the other:
    the potential there is the sum of the resistances."""
    rng = np.random.default_rng(11)
    resistors = 10.0 ** rng.uniform(0.0, 3.0, 4000)
    n = resistors.size + 1
    a, b = np.arange(n - 1), np.arange(1, n)
    w = 1.0 / resistors
    adjacency = sp.coo_matrix((w, (a, b)), shape=(n, n)).tocsr()
    adjacency = adjacency + adjacency.T
    laplacian = (sp.diags(np.asarray(adjacency.sum(axis=1)).ravel()) - adjacency).tocsr()
    matrix = laplacian[1:][:, 1:]
    rhs = np.zeros(n - 1)
    rhs[-1] = 1.0
    solver = BlockAmg(matrix, rtol=1e-8, max_coarse=50)
    assert len(solver.levels) >= 2
    x = solver.solve(rhs)
    assert x[-1] == pytest.approx(resistors.sum(), rel=1e-7)


def test_too_few_iterations_is_an_error_that_says_what_to_do():
    matrix = lognormal_system(sigma=3.0)
    rhs, _ = focal_columns(matrix.shape[0], 2)
    solver = BlockAmg(matrix, rtol=1e-12, maxiter=2, max_coarse=60)
    with pytest.raises(EspError, match="did not reach the relative residual.*cholmod"):
        solver.solve(rhs)


def test_a_cancel_stops_the_iteration():
    matrix = lognormal_system()
    rhs, _ = focal_columns(matrix.shape[0], 3)
    solver = BlockAmg(matrix, rtol=1e-12, max_coarse=60)
    with watching(CancelAfter(2)), pytest.raises(Cancelled):
        solver.solve(rhs)


def test_the_traffic_model_counts_the_fine_matrix_and_grows_linearly_in_k():
    matrix = lognormal_system()
    solver = BlockAmg(matrix, max_coarse=60)
    one, two, three = (solver.traffic_bytes(k) for k in (1, 2, 3))
    # at least the float64 product of CG: values and column indices of every non-zero
    assert one > matrix.nnz * (8 + 4)
    assert three - two == two - one > 0
