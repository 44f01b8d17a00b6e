"""The version shims behave the same under numpy 1.24/scipy 1.10 and numpy 2/scipy 1.17, and
CHOLMOD solves right through whichever scikit-sparse (0.4 or 0.5) is installed."""

import numpy as np
import pytest
import scipy.sparse as sp

from espcore import compat


def _chain(n):
    # Grounded chain of n unit resistors: 2 on the diagonal, 1 at the open end, -1 beside.
    main = np.full(n, 2.0)
    main[-1] = 1.0
    return sp.diags([main, -np.ones(n - 1), -np.ones(n - 1)], [0, 1, -1], format="csr")


@pytest.mark.parametrize("kernel", ["scipy's", "public"])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_row_products_are_the_rows_of_the_product(kernel, dtype, monkeypatch):
    if kernel == "public":
        monkeypatch.setattr(compat, "_csr_matvecs", None)
    chain = _chain(9).astype(dtype)
    x = np.arange(1.0, 10.0, dtype=dtype)
    out = np.full(4, np.nan, dtype=dtype)
    compat.csr_rows_product(chain, 3, 7, x, out)
    # rows 3..6 of the chain times 1..9: 2k - (k-1) - (k+1) = 0 at interior nodes
    np.testing.assert_array_equal(out, np.zeros(4))
    block = np.stack([x, x * x], axis=1)
    out = np.full((3, 2), np.nan, dtype=dtype)
    compat.csr_rows_product(chain, 6, 9, block, out)
    # row 8 (the open end): k_9 - k_8; squares: 2 * 49 - 36 - 64 = -2 for row 6
    np.testing.assert_array_equal(out, [[0.0, -2.0], [0.0, -2.0], [1.0, 17.0]])


def test_row_products_fall_back_on_mismatched_dtypes():
    chain = _chain(5)  # float64 values
    out = np.zeros(2, dtype=np.float32)
    compat.csr_rows_product(chain, 0, 2, np.ones(5, dtype=np.float32), out)
    np.testing.assert_array_equal(out, [1.0, 0.0])


def test_trapezoid_integrates_a_line_exactly():
    x = np.linspace(0.0, 2.0, 5)
    assert compat.trapezoid(3.0 * x + 1.0, x) == 8.0


def test_copy_if_needed_does_not_copy_a_matching_array():
    a = np.arange(4.0)
    assert np.array(a, copy=compat.COPY_IF_NEEDED) is a
    converted = np.array(np.arange(4), dtype=np.float64, copy=compat.COPY_IF_NEEDED)
    assert converted.dtype == np.float64


def test_version_parse_handles_release_candidates():
    assert compat._version("2.1.0rc1") == (2, 1)
    assert compat._version("1.24.2") == (1, 24)


# ------------------------------------------------------------ scikit-sparse (CHOLMOD) ----

def grounded_grid_laplacian(rows=6, cols=7, seed=3, ground=1.5):
    """Laplacian of a rows x cols grid of random conductances, plus ``ground`` siemens from
    node 0 to ground: symmetric positive definite."""
    rng = np.random.default_rng(seed)
    index = np.arange(rows * cols).reshape(rows, cols)
    a = np.concatenate([index[:, :-1].ravel(), index[:-1, :].ravel()])
    b = np.concatenate([index[:, 1:].ravel(), index[1:, :].ravel()])
    g = rng.uniform(0.1, 10.0, a.size)
    n = rows * cols
    adjacency = sp.coo_matrix((g, (a, b)), shape=(n, n)).tocsr()
    adjacency = adjacency + adjacency.T
    degree = np.asarray(adjacency.sum(axis=1)).ravel()
    degree[0] += ground
    return (sp.diags(degree) - adjacency).tocsc()


def with_floating_node(matrix):
    """``matrix`` plus a node with no conductance at all: singular, whatever the rounding
    (a merely ungrounded Laplacian may leave a last pivot of 1e-16 instead of 0, which
    scikit-sparse 0.4's LDL' accepts)."""
    return sp.block_diag([matrix, sp.csc_matrix((1, 1))], format="csc")


def installed_cholmod():
    """Skip without scikit-sparse; an installed one the shim cannot use is a failure."""
    pytest.importorskip("sksparse.cholmod")
    assert compat.cholmod_problem() is None, compat.cholmod_problem()


def test_cholmod_factor_matches_spsolve():
    installed_cholmod()
    from scipy.sparse.linalg import spsolve

    matrix = grounded_grid_laplacian()
    rng = np.random.default_rng(5)
    vector = rng.normal(size=matrix.shape[0])
    block = rng.normal(size=(matrix.shape[0], 3))
    solve = compat.cholmod_factor(matrix)
    np.testing.assert_allclose(solve(vector), spsolve(matrix, vector), rtol=1e-9, atol=1e-12)
    got = solve(block)  # the factor is reused for a block of right-hand sides
    assert got.shape == block.shape
    np.testing.assert_allclose(got, spsolve(matrix, block), rtol=1e-9, atol=1e-12)


def test_cholmod_factor_reports_a_matrix_that_is_not_positive_definite():
    installed_cholmod()
    singular = with_floating_node(grounded_grid_laplacian())
    with pytest.raises(np.linalg.LinAlgError):
        # scikit-sparse 0.4 fails at factorisation, 0.5 may wait for the solve.
        compat.cholmod_factor(singular)(np.ones(singular.shape[0]))


def test_cholmod_analysis_is_reused_where_scikit_sparse_offers_it():
    # scikit-sparse 0.4 (analyze + cholesky_inplace) and 0.5 (CholeskyFactor.factorize) both
    # can: a silent fall-back to fresh factorisations would only show as lost speed.
    pytest.importorskip("sksparse")
    assert compat.cholmod_reuses_analysis()
