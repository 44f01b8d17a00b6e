"""Row-block passes in threads: the blocks cover the rows once, balanced by non-zeros, the
products are the matrix's, errors come through, and block AMG gives the same solutions
split or not."""

import numpy as np
import pytest
import scipy.sparse as sp

from espcore.circuits import rowblocks
from espcore.circuits.multigrid import BlockAmg


def test_bounds_cover_every_row_once_with_equal_nonzeros(monkeypatch):
    monkeypatch.setattr(rowblocks, "PARALLEL_ROWS", 1)
    # rows 0-99 hold 1 non-zero each, rows 100-199 hold 3: 400 in all
    counts = np.r_[np.ones(100, dtype=int), np.full(100, 3)]
    indptr = np.r_[0, np.cumsum(counts)]
    bounds = rowblocks.row_bounds(indptr, 2)
    assert bounds == [(0, 134), (134, 200)]  # row 134 is the first past 200 non-zeros
    nnz = [indptr[stop] - indptr[start] for start, stop in bounds]
    assert abs(nnz[0] - nnz[1]) <= 2 * 3  # within the longest row, either side
    four = rowblocks.row_bounds(indptr, 4)
    assert four[0][0] == 0 and four[-1][1] == 200
    assert all(a[1] == b[0] for a, b in zip(four[:-1], four[1:]))
    assert rowblocks.row_bounds(indptr, 1) == [(0, 200)]


def test_small_matrices_are_one_block():
    indptr = np.arange(rowblocks.PARALLEL_ROWS)  # one row short of the threshold
    assert rowblocks.row_bounds(indptr, 8) == [(0, rowblocks.PARALLEL_ROWS - 1)]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_threaded_product_is_the_product(dtype, monkeypatch):
    monkeypatch.setattr(rowblocks, "PARALLEL_ROWS", 1)
    rng = np.random.default_rng(3)
    matrix = sp.random(500, 500, density=0.02, random_state=4, format="csr").astype(dtype)
    x = rng.standard_normal((500, 3)).astype(dtype)
    out = np.full((500, 3), np.nan, dtype=dtype)
    rowblocks.product(matrix, rowblocks.row_bounds(matrix.indptr, 3), x, out, threads=3)
    # each row is summed in the same order as scipy's own product: the same bits
    np.testing.assert_array_equal(out, matrix @ x)


def test_an_error_in_a_thread_reaches_the_caller():
    seen = []

    def work(start, stop):
        seen.append(start)
        if start == 10:
            raise ValueError("part two failed")

    with pytest.raises(ValueError, match="part two"):
        rowblocks.each([(0, 10), (10, 20), (20, 30)], work, threads=3)
    assert sorted(seen) == [0, 10, 20]  # every part ran to its end first


def grid_laplacian(side, seed):
    """Grounded 4-neighbour Laplacian of a side x side grid of log-normal conductances."""
    rng = np.random.default_rng(seed)
    n = side * side
    index = np.arange(n).reshape(side, side)
    rows, cols, vals = [], [], []
    for a, b in ((index[:, :-1], index[:, 1:]), (index[:-1, :], index[1:, :])):
        g = np.exp(rng.normal(0.0, 1.5, size=a.size))
        rows += [a.ravel(), b.ravel()]
        cols += [b.ravel(), a.ravel()]
        vals += [-g, -g]
    off = sp.csr_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
                        shape=(n, n))
    laplacian = sp.diags(-np.asarray(off.sum(axis=1)).ravel()) + off
    return (laplacian[1:, 1:]).tocsr()


def test_block_amg_in_threads_solves_as_in_one(monkeypatch):
    import scipy.sparse.linalg as spla

    pytest.importorskip("pyamg")

    monkeypatch.setattr(rowblocks, "PARALLEL_ROWS", 100)
    matrix = grid_laplacian(60, seed=5)
    rhs = np.zeros((matrix.shape[0], 5))
    rhs[[10, 900, 1800, 2700, 3500], range(5)] = 1.0
    exact = spla.splu(matrix.tocsc()).solve(rhs)
    one = BlockAmg(matrix, threads=1)
    two = BlockAmg(matrix, threads=2)
    assert len(two._bounds) == 2 and len(two.levels[0].bounds_a) == 2
    x1, x2 = one.solve(rhs), two.solve(rhs)
    scale = np.abs(exact).max(axis=0)
    assert np.all(np.abs(x2 - exact).max(axis=0) / scale < 1e-5)
    # the same iteration: only the rounding of the block sums differs
    assert abs(one.iterations - two.iterations) <= 1
    np.testing.assert_allclose(x1, x2, rtol=0, atol=1e-5 * scale.max())
