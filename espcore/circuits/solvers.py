"""Sparse symmetric positive-definite solvers behind one interface.

``factorize(matrix)`` returns an object whose ``solve(rhs)`` accepts one right-hand side or an
n x k block and can be called any number of times: the expensive part (a Cholesky or LU
factorisation, or an algebraic-multigrid hierarchy) is built once and reused.

Backends:

* ``cholmod``: CHOLMOD supernodal Cholesky through scikit-sparse (fastest direct solver);
* ``superlu``: scipy's SuperLU (always available, slower and hungrier than CHOLMOD);
* ``amg``: conjugate gradients preconditioned by a pyamg smoothed-aggregation hierarchy;
  memory grows linearly, so it is the choice for very large grids.

``auto`` takes CHOLMOD up to :data:`DIRECT_LIMIT` unknowns, AMG above it, and falls back to
what is installed. CHOLMOD comes from scikit-sparse 0.4 or 0.5
(:func:`espcore.compat.cholmod_factor`); one with an unknown interface is passed over, and the
logged solver choice says why. Laplacians are singular; :class:`GroundedLaplacian` grounds one
node per component so that the system is definite (CG on the singular system converges far
slower).
"""

from __future__ import annotations

import threading
from typing import Any, Callable, Dict, Tuple

import numpy as np

from .. import memory
from ..compat import CHOLMOD_NOT_INSTALLED, cholmod_factor, cholmod_problem, sparse_cg
from ..errors import EspError, EspInputError
from ..progress import check_watched, watched

METHODS = ("auto", "cholmod", "superlu", "amg")

#: Unknowns up to which ``auto`` factorises directly with CHOLMOD (measured in bench/: at 4M
#: cells a CHOLMOD factor needs about 3 GB and beats AMG-CG from the second solve).
DIRECT_LIMIT = 6_000_000
#: Without CHOLMOD, SuperLU's fill makes it slower than AMG-CG above this size.
SUPERLU_LIMIT = 300_000
#: Relative residual for AMG-CG; tighter than Circuitscape's 1e-6 so that resistances agree
#: with a direct solve to about 1e-8.
CG_RTOL = 1e-9
#: Unknowns from which a factorisation runs beside a thread that watches for a cancel (below
#: it takes a small fraction of a second, less than starting the thread is worth).
WATCHED_FROM = 50_000
#: Seconds between two looks at the cancel flag while a factorisation runs.
POLL = 0.05

Log = Callable[..., None]


def _quiet(template: str, **fields: Any) -> None:
    pass


def available(method: str) -> bool:
    """True when the backend's library can be imported (and, for CHOLMOD, used)."""
    if method == "cholmod":
        return cholmod_problem() is None
    if method == "amg":
        try:
            import pyamg  # noqa: F401
        except ImportError:
            return False
    return method in METHODS


def _cholmod_unusable() -> str:
    """Why an installed scikit-sparse is passed over ("" when usable or not installed)."""
    problem = cholmod_problem()
    return "" if problem in (None, CHOLMOD_NOT_INSTALLED) else str(problem)


def _direct_fits(n: int) -> bool:
    """Whether a direct factor of ``n`` unknowns fits in the memory available now (unknown
    memory: assume it does)."""
    free = memory.available_bytes()
    return free is None or n * memory.PER_CELL["circuit_direct"] <= memory.SHARE * free


def _auto_choice(n: int) -> Tuple[str, str]:
    """``auto``'s backend for ``n`` unknowns and the reason, for the log: CHOLMOD up to
    DIRECT_LIMIT unknowns when its factor fits in memory, else AMG-CG (memory linear in n)."""
    cholmod = available("cholmod")
    fits = _direct_fits(n)
    if n <= DIRECT_LIMIT and cholmod and fits:
        return "cholmod", "direct factorisation, reused for every right-hand side"
    if n <= DIRECT_LIMIT and cholmod and available("amg"):
        return "amg", ("a direct factor would need about {0}, more than the memory available: "
                       "AMG-CG, whose memory grows linearly".format(
                           memory.format_bytes(n * memory.PER_CELL["circuit_direct"])))
    if n <= SUPERLU_LIMIT or not available("amg"):
        chosen = "superlu"
        if n > SUPERLU_LIMIT:
            reason = "pyamg is not installed (install it for large grids)"
        elif cholmod_problem() == CHOLMOD_NOT_INSTALLED:
            reason = ("CHOLMOD is missing, which solves this several times faster: install "
                      "scikit-sparse into the Python that QGIS runs, e.g. `python3 -m pip "
                      "install scikit-sparse` (in the OSGeo4W Shell on Windows; it builds "
                      "against SuiteSparse, libsuitesparse-dev on Debian and Ubuntu)")
        else:
            reason = "small system"
    else:
        chosen = "amg"
        reason = ("CHOLMOD (scikit-sparse) is not installed"
                  if cholmod_problem() == CHOLMOD_NOT_INSTALLED
                  else "large system: memory grows linearly")
    unusable = _cholmod_unusable()
    if unusable:
        reason += "; CHOLMOD cannot be used: " + unusable
    return chosen, reason


def choose_method(n: int, method: str = "auto", log: Log = _quiet) -> str:
    """The backend to use for ``n`` unknowns, logging the choice and why.

    A backend asked for by name that is missing, or CHOLMOD from a scikit-sparse whose
    interface is unknown, falls back to the ``auto`` choice among the others; the one log
    line names the fallback and the reason.
    """
    if method not in METHODS:
        raise EspInputError("Unknown solver '{method}'. Use one of: {choices}.",
                            method=method, choices=", ".join(METHODS))
    if method != "auto" and available(method):
        return method
    chosen, reason = _auto_choice(n)
    if method == "auto" or (method == "cholmod" and _cholmod_unusable()):
        log("Solver: {method} for {n} unknowns ({reason}).", method=chosen, n=n, reason=reason)
    else:
        log("Solver '{method}' is not installed; using '{fallback}' instead.",
            method=method, fallback=chosen)
    return chosen


def _not_definite(exc: Exception) -> EspError:
    return EspError("The conductance matrix is not positive definite ({detail}).",
                    detail=str(exc))


class _Cholmod:
    def __init__(self, matrix: Any) -> None:
        try:
            self._solve = cholmod_factor(matrix)
        except np.linalg.LinAlgError as exc:
            raise _not_definite(exc) from exc

    def solve(self, rhs: np.ndarray) -> np.ndarray:
        # scikit-sparse 0.5 finds a matrix singular to working precision only here.
        try:
            return self._solve(rhs)
        except np.linalg.LinAlgError as exc:
            raise _not_definite(exc) from exc


class _SuperLU:
    def __init__(self, matrix: Any) -> None:
        from scipy.sparse.linalg import splu

        self._lu = splu(matrix.tocsc())

    def solve(self, rhs: np.ndarray) -> np.ndarray:
        return self._lu.solve(np.ascontiguousarray(rhs))


def _check_watched(_x: np.ndarray) -> None:
    check_watched()


class _Amg:
    def __init__(self, matrix: Any, rtol: float) -> None:
        import pyamg

        self._matrix = matrix.tocsr()
        self._ml = pyamg.smoothed_aggregation_solver(self._matrix, symmetry="symmetric")
        self._preconditioner = self._ml.aspreconditioner(cycle="V")
        self._rtol = rtol

    def _solve_one(self, b: np.ndarray) -> np.ndarray:
        norm = float(np.linalg.norm(b))
        if norm == 0.0:
            return np.zeros_like(b)
        # One solve of a large grid takes seconds: the user may stop between iterations.
        x, info = sparse_cg(self._matrix, b, rtol=self._rtol, maxiter=10_000,
                            M=self._preconditioner, callback=_check_watched)
        residual = float(np.linalg.norm(b - self._matrix @ x)) / norm
        if info != 0 and residual > 1e-6:
            raise EspError(
                "The AMG-CG solver did not converge (relative residual {residual:.1e}). The "
                "resistance range is probably extreme; try the cholmod solver or cap very "
                "high resistances.", residual=residual)
        return x

    def solve(self, rhs: np.ndarray) -> np.ndarray:
        if rhs.ndim == 1:
            return self._solve_one(rhs)
        return np.column_stack([self._solve_one(rhs[:, j]) for j in range(rhs.shape[1])])


def factorize(matrix: Any, *, method: str = "auto", log: Log = _quiet,
              rtol: float = CG_RTOL) -> Any:
    """A reusable solver for the sparse SPD ``matrix``; ``.solve(rhs)`` returns its solution.

    ``method`` is one of :data:`METHODS`; the choice (and its reason, for ``auto``) is
    reported through ``log(template, **fields)``. Inside a
    :func:`espcore.progress.watching` block a cancel stops the wait for a large
    factorisation and every AMG-CG solve between two iterations.
    """
    chosen = choose_method(matrix.shape[0], method, log)
    if chosen == "cholmod":
        return _stoppable(lambda: _Cholmod(matrix), matrix.shape[0])
    if chosen == "amg":
        return _stoppable(lambda: _Amg(matrix, rtol), matrix.shape[0])
    return _stoppable(lambda: _SuperLU(matrix), matrix.shape[0])


def _stoppable(build: Callable[[], Any], n: int) -> Any:
    """``build()``, or :class:`~espcore.errors.Cancelled` as soon as the progress lent by
    :func:`espcore.progress.watching` asks to stop.

    A factorisation is one library call of up to seconds (SuperLU on a few hundred thousand
    unknowns). It runs in a thread while this one keeps checking; after a cancel the thread
    finishes on its own and its factor is dropped. SuperLU releases the GIL and the AMG
    set-up is Python, so both give way at once; CHOLMOD holds the GIL and answers when done.
    """
    if n < WATCHED_FROM or watched() is None:
        return build()
    box: Dict[str, Any] = {}

    def run() -> None:
        try:
            box["factor"] = build()
        except BaseException as error:  # handed to the caller below
            box["error"] = error

    thread = threading.Thread(target=run, name="espcore-factorise", daemon=True)
    thread.start()
    while thread.is_alive():
        thread.join(POLL)
        check_watched()
    if "error" in box:
        raise box["error"]
    return box["factor"]


class ClampedSystem:
    """Solves ``M x = b`` with the nodes in ``clamped`` held at 0 V (their rows removed).

    With ``M`` a connected Laplacian and one clamped node this is a grounded circuit: the
    ground takes whatever current ``b`` does not balance, so ``b = e_j`` gives the
    potentials of 1 A injected at ``j`` and returning through the ground.
    """

    def __init__(self, matrix: Any, clamped: np.ndarray, *, method: str = "auto",
                 log: Log = _quiet) -> None:
        free = ~np.asarray(clamped, dtype=bool)
        self.n = matrix.shape[0]
        self._free = free
        reduced = matrix.tocsr()[free][:, free]
        self._factor = factorize(reduced, method=method, log=log) if free.any() else None

    def solve(self, rhs: np.ndarray) -> np.ndarray:
        x = np.zeros(rhs.shape, dtype=np.float64)
        if self._factor is not None:
            x[self._free] = self._factor.solve(np.asarray(rhs, dtype=np.float64)[self._free])
        return x


def grounded(laplacian: Any, ground: int, *, method: str = "auto",
             log: Log = _quiet) -> ClampedSystem:
    """A reusable solver for a connected Laplacian with node ``ground`` at 0 V."""
    clamped = np.zeros(laplacian.shape[0], dtype=bool)
    clamped[ground] = True
    return ClampedSystem(laplacian, clamped, method=method, log=log)
