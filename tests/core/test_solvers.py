"""The solver front end: every backend agrees with scipy's spsolve, a matrix that is not
positive definite is an EspError, and CHOLMOD is taken from scikit-sparse 0.4 and 0.5 alike
(stand-in modules of both interfaces, so both paths run whatever is installed), while one of
an unknown interface is passed over with the reason in the log."""

import sys
import types

import numpy as np
import pytest
import scipy.sparse as sp
from scipy.sparse.linalg import splu, spsolve
from test_compat import grounded_grid_laplacian, with_floating_node

from espcore import EspError, compat
from espcore.circuits.solvers import METHODS, available, choose_method, factorize


class Log:
    """A ``log(template, **fields)`` that keeps the formatted lines."""

    def __init__(self):
        self.lines = []

    def __call__(self, template, **fields):
        self.lines.append(template.format(**fields))


class NotPositiveDefinite(Exception):
    """Stands in for sksparse.cholmod.CholmodNotPositiveDefiniteError."""


def _checked_lu(matrix):
    """SuperLU of an SPD matrix; NotPositiveDefinite for the singular ones used here."""
    dense = matrix.toarray()
    if np.linalg.eigvalsh(dense).min() <= 1e-12 * np.abs(dense).max():
        raise NotPositiveDefinite("not positive definite")
    return splu(sp.csc_matrix(matrix))


def factor_matrix_and_permutation(matrix, **options):
    """What 0.5's cholesky() returns: (R, p), no solver."""
    return sp.identity(matrix.shape[0], format="csc"), np.arange(matrix.shape[0])


def cholmod_04():
    """scikit-sparse 0.4's shape: cholesky(A) -> a Factor that solves when called."""
    module = types.ModuleType("sksparse.cholmod")

    class Factor:
        def __init__(self, matrix):
            self._lu = _checked_lu(matrix)

        def __call__(self, rhs):
            return self._lu.solve(np.asarray(rhs, dtype=np.float64))

    def cholesky(matrix, beta=0, mode="auto", ordering_method="default", use_long=None):
        return Factor(matrix)

    module.Factor = Factor
    module.cholesky = cholesky
    module.CholmodNotPositiveDefiniteError = NotPositiveDefinite
    return module


def cholmod_05():
    """scikit-sparse 0.5's shape: cholesky(A) -> (R, p); cho_factor(A) -> CholeskyFactor."""
    module = types.ModuleType("sksparse.cholmod")

    class CholeskyFactor:
        def __init__(self, matrix, *, lower=True, order="default"):
            self._lu = _checked_lu(matrix)

        def solve(self, b, system="A"):
            return self._lu.solve(np.asarray(b, dtype=np.float64))

    def cho_factor(matrix, beta=0.0, *, lower=False, order="default"):
        return CholeskyFactor(matrix, lower=lower, order=order)

    module.CholeskyFactor = CholeskyFactor
    module.cho_factor = cho_factor
    module.cholesky = factor_matrix_and_permutation
    module.CholmodNotPositiveDefiniteError = NotPositiveDefinite
    return module


def cholmod_renamed():
    """An interface of neither shape (a future release renaming the factor object)."""
    module = types.ModuleType("sksparse.cholmod")
    module.SparseCholesky = object
    module.CholmodNotPositiveDefiniteError = NotPositiveDefinite
    return module


def cholmod_changed():
    """0.4's names, but cholesky() now returns the factor matrix: the test solve fails."""
    module = cholmod_04()
    module.cholesky = factor_matrix_and_permutation
    return module


@pytest.fixture
def sksparse_as(monkeypatch):
    """Makes ``import sksparse.cholmod`` give the module passed (None: not installed)."""

    def install(cholmod, version="9.9.0"):
        package = None
        if cholmod is not None:
            package = types.ModuleType("sksparse")
            package.__version__ = version
            package.cholmod = cholmod
        monkeypatch.setitem(sys.modules, "sksparse", package)
        monkeypatch.setitem(sys.modules, "sksparse.cholmod", cholmod)
        compat._cholmod.cache_clear()

    yield install
    compat._cholmod.cache_clear()  # the next lookup finds the real installation again


def rhs_block(n, k=3, seed=9):
    return np.random.default_rng(seed).normal(size=(n, k))


@pytest.mark.parametrize("method", METHODS)
def test_every_installed_backend_matches_spsolve(method):
    matrix = grounded_grid_laplacian(rows=9, cols=11)
    block = rhs_block(matrix.shape[0])
    solver = factorize(matrix, method=method)
    np.testing.assert_allclose(solver.solve(block), spsolve(matrix, block), rtol=1e-7,
                               atol=1e-10)
    np.testing.assert_allclose(solver.solve(block[:, 0]), spsolve(matrix, block[:, 0]),
                               rtol=1e-7, atol=1e-10)


@pytest.mark.skipif(not available("cholmod"), reason="no usable scikit-sparse")
def test_installed_cholmod_not_positive_definite_is_an_esp_error():
    singular = with_floating_node(grounded_grid_laplacian())
    with pytest.raises(EspError, match="not positive definite"):
        factorize(singular, method="cholmod").solve(np.ones(singular.shape[0]))


@pytest.mark.parametrize("interface", [cholmod_04, cholmod_05], ids=["0.4", "0.5"])
def test_both_scikit_sparse_interfaces_solve(sksparse_as, interface):
    sksparse_as(interface())
    assert available("cholmod")
    log = Log()
    assert choose_method(100, "auto", log) == "cholmod"
    assert log.lines == ["Solver: cholmod for 100 unknowns (direct factorisation, reused for "
                         "every right-hand side)."]
    matrix = grounded_grid_laplacian()
    block = rhs_block(matrix.shape[0])
    solver = factorize(matrix, method="cholmod")
    np.testing.assert_allclose(solver.solve(block), spsolve(matrix, block), rtol=1e-9)
    with pytest.raises(EspError, match="not positive definite"):
        factorize(with_floating_node(grounded_grid_laplacian()), method="cholmod")


@pytest.mark.parametrize("interface,why", [
    (cholmod_renamed, "scikit-sparse 9.9.0 has a CHOLMOD interface this plugin does not know"),
    (cholmod_changed, "scikit-sparse 9.9.0: a test solve failed"),
], ids=["renamed", "changed"])
def test_unknown_interface_falls_back_and_says_why(sksparse_as, interface, why):
    sksparse_as(interface())
    assert not available("cholmod")
    assert why in compat.cholmod_problem()
    fallback = "amg" if available("amg") else "superlu"
    for method in ("auto", "cholmod"):
        log = Log()
        assert choose_method(100, method, log) == "superlu"
        assert choose_method(500_000, method, log) == fallback
        assert len(log.lines) == 2
        assert log.lines[0].startswith("Solver: superlu for 100 unknowns (small system; "
                                       "CHOLMOD cannot be used: " + why)
        assert log.lines[1].startswith("Solver: {0} for 500000 unknowns".format(fallback))
        assert "CHOLMOD cannot be used: " + why in log.lines[1]
    # The fallback solves the system all the same.
    matrix = grounded_grid_laplacian()
    block = rhs_block(matrix.shape[0])
    np.testing.assert_allclose(factorize(matrix, method="cholmod").solve(block),
                               spsolve(matrix, block), rtol=1e-9)


def test_without_scikit_sparse_the_log_says_not_installed(sksparse_as):
    sksparse_as(None)
    assert compat.cholmod_problem() == compat.CHOLMOD_NOT_INSTALLED
    log = Log()
    assert choose_method(100, "cholmod", log) == "superlu"
    assert choose_method(100, "auto", log) == "superlu"
    assert log.lines[0] == "Solver 'cholmod' is not installed; using 'superlu' instead."
    # Not "small system": the log says what is missing and how to install it.
    assert log.lines[1].startswith("Solver: superlu for 100 unknowns (CHOLMOD is missing")
    assert "pip install scikit-sparse" in log.lines[1] and len(log.lines) == 2


def test_the_interface_is_looked_up_once(sksparse_as):
    module = cholmod_05()
    calls = []
    factor = module.cho_factor

    def counted(*args, **options):
        calls.append(args)
        return factor(*args, **options)

    module.cho_factor = counted
    sksparse_as(module)
    for _ in range(3):
        assert available("cholmod")
    assert len(calls) == 1  # the test solve, once per process


def _lognormal_grid_laplacian(side, sigma, seed=7):
    """The grounded Laplacian of a side x side 8-neighbour raster, log-normal resistance with
    NoData holes, as the circuit tools build it."""
    from espcore.circuits.graph import conductances, raster_network

    rng = np.random.default_rng(seed)
    resistance = np.exp(sigma * rng.standard_normal((side, side)))
    valid = rng.random((side, side)) > 0.05
    net = raster_network(conductances(resistance, valid, is_resistance=True))
    return net.laplacian().tocsc()[1:, 1:]


@pytest.mark.skipif(not available("cholmod"), reason="needs CHOLMOD's factor to count its fill")
def test_the_direct_estimate_holds_cholmods_fill():
    """The memory estimate counts factor_entries(n): it must cover the entries CHOLMOD
    produces with the ordering the plugin asks for on raster grids, without doubling them."""
    sksparse = pytest.importorskip("sksparse.cholmod")
    if not hasattr(sksparse, "Factor"):  # 0.5 also has cholesky(), with another signature
        pytest.skip("counts the factor through scikit-sparse 0.4's interface")
    from espcore.circuits import solvers

    for side in (150, 300):
        matrix = _lognormal_grid_laplacian(side, 2.0)
        n = matrix.shape[0]
        entries = sksparse.cholesky(matrix, ordering_method=compat.CHOLMOD_ORDERING).L().nnz
        estimated = solvers.factor_entries(n)
        assert entries <= estimated <= 1.5 * entries
        assert solvers.direct_estimate(n).bytes >= entries * 8.0  # the values alone


@pytest.mark.skipif(not (available("cholmod") and available("amg")),
                    reason="needs CHOLMOD and pyamg to choose between them")
def test_auto_chooses_amg_when_a_direct_factor_would_not_fit(monkeypatch):
    import espcore.memory as memory
    from espcore.circuits import solvers
    from espcore.circuits.solvers import direct_estimate, direct_ordering

    log = Log()
    n = 1_000_000
    need = direct_estimate(n, 9, "amd").bytes
    smaller = direct_estimate(n, 9, "metis").bytes
    assert smaller < need  # METIS fills less, AMD is faster
    monkeypatch.setattr(memory, "available_bytes", lambda: int(need * 2))
    assert choose_method(n, "auto", log, rhs=9) == "cholmod"
    assert direct_ordering(n, 9) == "amd"
    # Room for METIS's factor only: still direct, with the ordering that fits.
    monkeypatch.setattr(memory, "available_bytes",
                        lambda: int((need + smaller) / 2 / solvers.DIRECT_SHARE))
    assert direct_ordering(n, 9) == "metis"
    monkeypatch.setattr(memory, "available_bytes", lambda: int(smaller / 2))
    assert direct_ordering(n, 9) is None
    assert choose_method(n, "auto", log, rhs=9) == "amg"
    # Both estimates are in the log, so the user sees why.
    assert memory.format_bytes(smaller) in log.lines[-1]
    assert "does not fit" in log.lines[-1] and "AMG-CG about" in log.lines[-1]


@pytest.mark.skipif(not (available("cholmod") and available("amg")),
                    reason="needs CHOLMOD and pyamg to choose between them")
def test_auto_weighs_the_work_of_both(monkeypatch):
    """With memory to spare, the exact solver is kept unless AMG-CG is clearly faster."""
    import espcore.memory as memory
    from espcore.circuits import solvers

    monkeypatch.setattr(memory, "available_bytes", lambda: int(1e12))
    n = 2_000_000
    direct = solvers.direct_estimate(n, 9)
    for seconds, expected in ((direct.seconds / 2, "amg"), (direct.seconds, "cholmod")):
        monkeypatch.setattr(solvers, "iterative_estimate",
                            lambda n, rhs=1, s=seconds: solvers.Estimate(1e9, s))
        assert choose_method(n, "auto", Log(), rhs=9) == expected
    # Small systems go straight to the factor, whatever the estimates.
    assert choose_method(solvers.SMALL, "auto", Log(), rhs=1) == "cholmod"


@pytest.mark.parametrize("method", ["superlu", "cholmod"])
def test_grounding_in_place_gives_the_reduced_systems_solution(method):
    """The ground's row and column turned into an identity row inside the matrix solve to
    the same potentials as the system with the ground removed, and 0 V at the ground."""
    if not available(method):
        pytest.skip(method + " is not installed")
    from espcore.circuits.solvers import grounded

    laplacian = _lognormal_grid_laplacian(40, 1.5)  # grounded already: ground one more
    full = sp.bmat([[laplacian, None], [None, sp.csc_matrix([[1.0]])]])  # any SPD matrix
    full = full.tocsr()
    rhs = np.zeros((full.shape[0], 3))
    rhs[[5, 50, 500], [0, 1, 2]] = 1.0
    ground = 17
    expected = grounded(full, ground, method=method).solve(rhs)
    copy = full.copy()
    in_place = grounded(copy, ground, method=method, in_place=True).solve(rhs)
    assert np.allclose(in_place, expected, rtol=1e-10, atol=1e-12)
    assert np.all(in_place[ground] == 0.0)
    keep = np.ones(full.shape[0], dtype=bool)
    keep[ground] = False
    independent = spsolve(full[keep][:, keep].tocsc(), rhs[keep])
    assert np.allclose(in_place[keep], independent, rtol=1e-10, atol=1e-12)
