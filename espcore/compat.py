"""Version shims: the one place that knows numpy 1.24-2.x, scipy 1.10-1.17 and scikit-sparse
0.4-0.5 differ.

QGIS on Debian 12 ships numpy 1.24 / scipy 1.10; newer platforms bring numpy 2 / scipy 1.17.
Import the differing names from here instead of testing versions across the code.
"""

from __future__ import annotations

import functools
from typing import Any, Callable, NamedTuple, Optional, Tuple, Type

import numpy as np


def _version(text: str) -> Tuple[int, int]:
    major, minor = text.split(".")[:2]
    return int(major), int("".join(ch for ch in minor if ch.isdigit()) or 0)


NUMPY_VERSION = _version(np.__version__)

#: Value of ``copy=`` that copies only when needed: numpy 2 spells it None, numpy 1 False
#: (numpy 2 reads False as "never copy" and raises when a copy is unavoidable).
COPY_IF_NEEDED: Optional[bool] = None if NUMPY_VERSION >= (2, 0) else False

# numpy 2.0 renamed trapz (removed in 2.4 and later, so it is looked up by name).
trapezoid = getattr(np, "trapezoid" if NUMPY_VERSION >= (2, 0) else "trapz")


def scipy_version() -> Tuple[int, int]:
    """scipy's (major, minor); scipy is imported only when this is called."""
    import scipy

    return _version(scipy.__version__)


def sparse_cg(A: Any, b: np.ndarray, *, rtol: float, atol: float = 0.0,
              maxiter: Optional[int] = None, M: Any = None,
              x0: Optional[np.ndarray] = None,
              callback: Optional[Callable[[np.ndarray], None]] = None
              ) -> Tuple[np.ndarray, int]:
    """``scipy.sparse.linalg.cg`` with a relative tolerance on every scipy version.

    scipy 1.12 renamed ``tol`` to ``rtol`` and 1.14 removed ``tol``. Returns (x, info) as cg
    does: info 0 means converged, > 0 the iteration count reached without converging.
    """
    from scipy.sparse.linalg import cg

    tol_name = "rtol" if scipy_version() >= (1, 12) else "tol"
    options = {tol_name: rtol, "atol": atol, "maxiter": maxiter, "M": M, "x0": x0,
               "callback": callback}
    return cg(A, b, **options)


# ------------------------------------------------------------------ scikit-sparse (CHOLMOD) ----
#
# scikit-sparse 0.4.x and 0.5.x wrap CHOLMOD differently:
#
# * 0.4: ``cholesky(A, beta=0, mode="auto", ordering_method="default", use_long=None)``
#   returns a ``Factor`` that solves when called, ``factor(b)`` (also ``factor.solve_A(b)``);
#   it reads the lower triangle and may factor as LDL', so only a zero pivot (a singular
#   matrix) fails.
# * 0.5 (SuiteSparse 7.4+): ``cholesky(A, ...)`` returns the factor *matrix* and permutation
#   ``(R, p)``; the reusable object is ``cho_factor(A, lower=False, order="default")``, a
#   ``CholeskyFactor`` solved with ``factor.solve(b)``. ``ordering_method=`` became ``order=``
#   (same names plus "postordered" and "given"); ``CholmodInvalidError`` and
#   ``CholmodTooLargeError`` became ``CholmodInvalidInputError`` and ``CholmodOverflowError``,
#   ``CholmodOutOfMemoryError`` is also a ``MemoryError``. It always factors LL', so any
#   indefinite matrix fails, at factorisation or (reciprocal condition 0) at the solve, and
#   a nearly singular one warns (``CholmodWarning``).
#
# Both raise ``CholmodNotPositiveDefiniteError``; the shim turns it into numpy's LinAlgError.

#: The fill-reducing ordering CHOLMOD is asked for. Its "default" tries AMD and then METIS
#: and keeps the better; on raster grids METIS's analysis alone took 10 s of 15 at 1.9M
#: unknowns and its factor was not faster where it mattered: AMD analysed and factorised 9.4M
#: unknowns in 52 s against 138 s (bench/solver_cases.py, issue 22), for about 25 % more fill.
CHOLMOD_ORDERING = "amd"

#: :func:`cholmod_problem` when ``sksparse.cholmod`` cannot be imported at all.
CHOLMOD_NOT_INSTALLED = "scikit-sparse is not installed"

#: Solves ``A x = b`` with a factor of ``A``; ``b`` is one vector or an n x k block.
CholmodSolve = Callable[[np.ndarray], np.ndarray]


class _Cholmod(NamedTuple):
    factorize: Optional[Callable[..., CholmodSolve]]
    not_positive_definite: Type[BaseException]
    problem: Optional[str]  # None when usable


def _factorizer(cholmod: Any) -> Optional[Callable[..., CholmodSolve]]:
    """Factorise-once, solve-many with the interface ``sksparse.cholmod`` offers (None: an
    interface this module does not know)."""
    if hasattr(cholmod, "cho_factor") and hasattr(cholmod, "CholeskyFactor"):  # 0.5
        def factor_05(matrix: Any, ordering: str = CHOLMOD_ORDERING) -> CholmodSolve:
            return cholmod.cho_factor(matrix, lower=True, order=ordering).solve

        return factor_05
    if hasattr(cholmod, "cholesky") and hasattr(cholmod, "Factor"):  # 0.4
        def factor_04(matrix: Any, ordering: str = CHOLMOD_ORDERING) -> CholmodSolve:
            # The Factor solves when called.
            return cholmod.cholesky(matrix, ordering_method=ordering)

        return factor_04
    return None


def _probe(factorize: Callable[[Any], CholmodSolve]) -> Optional[str]:
    """None when ``factorize`` solves a 2 x 2 SPD system right, else what went wrong: an
    interface that kept its names but changed what they do must not be trusted."""
    import scipy.sparse as sp

    matrix = sp.csc_matrix(np.array([[2.0, -1.0], [-1.0, 2.0]]))
    try:
        x = np.asarray(factorize(matrix)(np.array([1.0, 0.0])), dtype=np.float64)
    except Exception as exc:  # any failure means: do not use it
        return "a test solve failed ({0}: {1})".format(type(exc).__name__, exc)
    if x.shape != (2,) or not np.allclose(x, [2.0 / 3.0, 1.0 / 3.0], rtol=1e-12):
        return "a test solve gave a wrong answer"
    return None


@functools.cache
def _cholmod() -> _Cholmod:
    """scikit-sparse's CHOLMOD interface, looked up (and test-solved) once per process."""
    try:
        import sksparse
        from sksparse import cholmod
    except ImportError:
        return _Cholmod(None, Exception, CHOLMOD_NOT_INSTALLED)
    except Exception as exc:  # e.g. built against another numpy's ABI
        return _Cholmod(None, Exception, "scikit-sparse fails to load ({0}: {1})".format(
            type(exc).__name__, exc))
    version = getattr(sksparse, "__version__", "of unknown version")
    not_pd = getattr(cholmod, "CholmodNotPositiveDefiniteError", None)
    factorize = _factorizer(cholmod)
    if factorize is None or not_pd is None:
        return _Cholmod(None, Exception, "scikit-sparse {0} has a CHOLMOD interface this "
                                         "plugin does not know".format(version))
    problem = _probe(factorize)
    if problem is not None:
        return _Cholmod(None, Exception, "scikit-sparse {0}: {1}".format(version, problem))
    return _Cholmod(factorize, not_pd, None)


def cholmod_problem() -> Optional[str]:
    """None when scikit-sparse's CHOLMOD can be used, else why not (in English, for the log):
    :data:`CHOLMOD_NOT_INSTALLED`, a load failure or an unknown interface."""
    return _cholmod().problem


def cholmod_factor(matrix: Any, ordering: str = CHOLMOD_ORDERING) -> CholmodSolve:
    """Factorise the sparse SPD ``matrix`` with CHOLMOD; returns the solve function.

    Parameters
    ----------
    matrix : scipy sparse matrix, n x n
        Symmetric positive definite (only its lower triangle is read); cast to float64 CSC.
    ordering : str
        CHOLMOD's fill-reducing ordering ("amd", "metis", "default", ...).

    Returns
    -------
    callable
        ``solve(b)`` for one right-hand side (n,) or a block (n, k), float64; reusable.

    Raises
    ------
    numpy.linalg.LinAlgError
        ``matrix`` is not positive definite (at factorisation, or at a solve with
        scikit-sparse 0.5 when it is singular to working precision).
    RuntimeError
        CHOLMOD cannot be used (check :func:`cholmod_problem` first).
    """
    api = _cholmod()
    if api.factorize is None:
        raise RuntimeError(api.problem)
    not_pd = api.not_positive_definite
    # float64 CSC: 0.5 would otherwise factor float32 input in single precision.
    csc = matrix.tocsc().astype(np.float64, copy=False)
    try:
        solve = api.factorize(csc, ordering)
    except not_pd as exc:
        raise np.linalg.LinAlgError(str(exc)) from exc

    def checked_solve(rhs: np.ndarray) -> np.ndarray:
        try:
            return np.asarray(solve(rhs))
        except not_pd as exc:
            raise np.linalg.LinAlgError(str(exc)) from exc

    return checked_solve
