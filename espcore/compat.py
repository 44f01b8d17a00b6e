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


# scipy has no public product into a given array, and ``matrix[rows] @ x`` copies the rows
# and allocates its result (page faults on every call for large blocks). Its own CSR kernel
# (``_sparsetools.csr_matvecs``, the one behind ``@`` since scipy 0.x) adds into a given
# array and releases the GIL, so row blocks can run in threads. It is private: when it is
# missing or refuses the arrays, the public product is used.
try:
    from scipy.sparse._sparsetools import csr_matvecs as _csr_matvecs
except ImportError:  # pragma: no cover - a scipy without it
    _csr_matvecs = None


def csr_rows_product(matrix: Any, start: int, stop: int, x: np.ndarray,
                     out: np.ndarray) -> None:
    """``out[...] = matrix[start:stop] @ x`` for a CSR ``matrix``, a C-ordered block ``x``
    (n,) or (n, k) and a C-ordered ``out`` of the rows' shape, of ``x``'s dtype."""
    kernel = _csr_matvecs
    if kernel is not None and out.flags.c_contiguous and x.flags.c_contiguous \
            and matrix.data.dtype == x.dtype == out.dtype \
            and matrix.indices.dtype == matrix.indptr.dtype:
        out.fill(0)
        # Row pointers of the slice stay absolute offsets into the full index/value arrays.
        kernel(stop - start, matrix.shape[1], 1 if x.ndim == 1 else x.shape[1],
               matrix.indptr[start:stop + 1], matrix.indices, matrix.data, x.reshape(-1),
               out.reshape(-1))
        return
    out[...] = matrix[start:stop] @ x


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
    try:
        solve = api.factorize(_float_csc(matrix), ordering)
    except not_pd as exc:
        raise np.linalg.LinAlgError(str(exc)) from exc
    return _checked(solve, not_pd)


def _float_csc(matrix: Any) -> Any:
    # float64 CSC: 0.5 would otherwise factor float32 input in single precision.
    return matrix.tocsc().astype(np.float64, copy=False)


def _checked(solve: CholmodSolve, not_pd: Type[BaseException]) -> CholmodSolve:
    """``solve`` raising numpy's LinAlgError where scikit-sparse says "not positive
    definite"."""
    def checked_solve(rhs: np.ndarray) -> np.ndarray:
        try:
            return np.asarray(solve(rhs))
        except not_pd as exc:
            raise np.linalg.LinAlgError(str(exc)) from exc

    return checked_solve


# A numeric refactorisation reuses the fill-reducing analysis of a pattern (the ordering and
# the factor's structure), which is about half of a fresh factorisation of a small matrix:
#
# * 0.4: ``analyze(A, ordering_method=...)`` returns a ``Factor`` without values;
#   ``factor.cholesky_inplace(B)`` factorises B (same pattern) into it, as ``cholesky`` does
#   after its own ``analyze`` (so the factor is the one a fresh ``cholesky`` gives).
# * 0.5: the ``CholeskyFactor(A, lower=..., order=...)`` constructor analyses;
#   ``factor.factorize(B)`` factorises (the triangle the constructor was told to read) and
#   ``factor.solve(b)`` solves.

#: Factorises one matrix of the analysed pattern; returns its solve (valid until the next call).
CholmodRefactor = Callable[[Any], CholmodSolve]


def _analyser(cholmod: Any) -> Optional[Callable[[Any, str], CholmodRefactor]]:
    """Analyse-once, factorise-many with the interface ``sksparse.cholmod`` offers (None: no
    refactorisation this module knows)."""
    if hasattr(getattr(cholmod, "CholeskyFactor", None), "factorize"):  # 0.5
        def analyse_05(pattern: Any, ordering: str) -> CholmodRefactor:
            factor = cholmod.CholeskyFactor(pattern, lower=True, order=ordering)

            def refactor(matrix: Any) -> CholmodSolve:
                factor.factorize(matrix)  # the triangle read is the constructor's
                return factor.solve

            return refactor

        return analyse_05
    if hasattr(cholmod, "analyze") \
            and hasattr(getattr(cholmod, "Factor", None), "cholesky_inplace"):  # 0.4
        def analyse_04(pattern: Any, ordering: str) -> CholmodRefactor:
            factor = cholmod.analyze(pattern, ordering_method=ordering)

            def refactor(matrix: Any) -> CholmodSolve:
                factor.cholesky_inplace(matrix)
                return factor  # it solves when called

            return refactor

        return analyse_04
    return None


def _probe_refactor(analyse: Callable[[Any, str], CholmodRefactor]) -> bool:
    """True when two matrices of one pattern, factorised after one analysis, each solve
    right: a refactorisation that kept its name but not its meaning must not be used."""
    import scipy.sparse as sp

    first = sp.csc_matrix(np.array([[2.0, -1.0], [-1.0, 2.0]]))
    second = sp.csc_matrix(np.array([[4.0, -1.0], [-1.0, 3.0]]))
    try:
        refactor = analyse(first, CHOLMOD_ORDERING)
        for matrix, wanted in ((first, [2.0 / 3.0, 1.0 / 3.0]), (second, [3.0 / 11.0, 1.0 / 11.0])):
            x = np.asarray(refactor(matrix)(np.array([1.0, 0.0])), dtype=np.float64)
            if x.shape != (2,) or not np.allclose(x, wanted, rtol=1e-12):
                return False
    except Exception:  # any failure means: factorise afresh instead
        return False
    return True


@functools.cache
def _refactor_api() -> Optional[Callable[[Any, str], CholmodRefactor]]:
    """The tested analyse-once interface of the installed CHOLMOD, or None."""
    if _cholmod().factorize is None:
        return None
    from sksparse import cholmod

    analyse = _analyser(cholmod)
    return analyse if analyse is not None and _probe_refactor(analyse) else None


def cholmod_reuses_analysis() -> bool:
    """True when :func:`cholmod_refactorizer` really analyses once (else it factorises each
    matrix afresh, with the same results)."""
    return _refactor_api() is not None


def cholmod_refactorizer(pattern: Any, ordering: str = CHOLMOD_ORDERING) -> CholmodRefactor:
    """CHOLMOD factorisations of SPD matrices that share ``pattern``'s nonzeros, with the
    fill-reducing analysis done once.

    Parameters
    ----------
    pattern : scipy sparse matrix, n x n
        A matrix with the nonzero pattern of all matrices to come (its values are not used
        for the factor; only the lower triangle is read).
    ordering : str
        CHOLMOD's fill-reducing ordering, as for :func:`cholmod_factor`.

    Returns
    -------
    callable
        ``refactor(matrix)`` factorises ``matrix`` (the pattern's nonzeros, float64 CSC
        preferred) and returns ``solve(b)`` as :func:`cholmod_factor` does. The factor is
        reused in place: a solve is valid only until the next ``refactor`` call. Without a
        refactorisation this module knows (:func:`cholmod_reuses_analysis`), every call
        factorises afresh.

    Raises
    ------
    numpy.linalg.LinAlgError
        From ``refactor`` or a solve: the matrix is not positive definite.
    RuntimeError
        CHOLMOD cannot be used (check :func:`cholmod_problem` first).
    """
    api = _cholmod()
    if api.factorize is None:
        raise RuntimeError(api.problem)
    analyse = _refactor_api()
    if analyse is None:
        return lambda matrix: cholmod_factor(matrix, ordering)
    not_pd = api.not_positive_definite
    refactor = analyse(_float_csc(pattern), ordering)

    def checked_refactor(matrix: Any) -> CholmodSolve:
        try:
            return _checked(refactor(_float_csc(matrix)), not_pd)
        except not_pd as exc:
            raise np.linalg.LinAlgError(str(exc)) from exc

    return checked_refactor
