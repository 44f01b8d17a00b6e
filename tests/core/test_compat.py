"""The version shims behave the same under numpy 1.24/scipy 1.10 and numpy 2/scipy 1.17."""

import numpy as np
import scipy.sparse as sp

from espcore import compat


def test_sparse_cg_solves_a_resistor_chain():
    # Grounded chain of n unit resistors with 1 A injected at the far end: the potential of
    # node k (1-based) is k volts.
    n = 30
    main = np.full(n, 2.0)
    main[-1] = 1.0
    laplacian = sp.diags([main, -np.ones(n - 1), -np.ones(n - 1)], [0, 1, -1], format="csr")
    rhs = np.zeros(n)
    rhs[-1] = 1.0
    x, info = compat.sparse_cg(laplacian, rhs, rtol=1e-12)
    assert info == 0
    np.testing.assert_allclose(x, np.arange(1, n + 1), rtol=1e-8)


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
