"""Sparse symmetric positive-definite solvers behind one interface.

``factorize(matrix)`` returns an object whose ``solve(rhs)`` accepts one right-hand side or an
n x k block and can be called any number of times: the expensive part (a Cholesky or LU
factorisation, or an algebraic-multigrid hierarchy) is built once and reused.

Backends:

* ``cholmod``: CHOLMOD supernodal Cholesky through scikit-sparse (fastest direct solver);
* ``superlu``: scipy's SuperLU (always available, slower and hungrier than CHOLMOD);
* ``amg``: conjugate gradients preconditioned by a smoothed-aggregation hierarchy, on blocks
  of right-hand sides (:class:`espcore.circuits.multigrid.BlockAmg`); memory grows linearly,
  so it is the choice for grids whose direct factor does not fit.

``auto`` chooses by memory and work, not by a size limit: it estimates the direct factor's
memory (from the fill its ordering gives on raster grids) against the memory available now,
and both backends' time for the number of right-hand sides; it takes CHOLMOD while its factor
fits and AMG-CG is not clearly faster (:func:`direct_estimate`, :func:`iterative_estimate`),
and falls back to what is installed. CHOLMOD comes from scikit-sparse 0.4 or 0.5
(:func:`espcore.compat.cholmod_factor`); one with an unknown interface is passed over, and the
logged solver choice says why. Laplacians are singular; :class:`GroundedLaplacian` grounds one
node per component so that the system is definite (CG on the singular system converges far
slower).
"""

from __future__ import annotations

import math
import threading
from typing import Any, Callable, Dict, NamedTuple, Optional, Tuple

import numpy as np

from .. import memory
from ..compat import CHOLMOD_NOT_INSTALLED, cholmod_factor, cholmod_problem
from ..errors import EspError, EspInputError
from ..progress import check_watched, watched
from .multigrid import RTOL_MAPS, BlockAmg
from .rowblocks import available_cores

METHODS = ("auto", "cholmod", "superlu", "amg")

#: CHOLMOD's fill on raster Laplacians with its AMD ordering (espcore.compat): nnz(L) per
#: unknown is about FILL_SCALE * n ** FILL_EXPONENT, fitted just above what was measured on
#: 8-neighbour grids (59 at 86k unknowns, 74 at 342k, 84 at 1.9M, 92 at 3.8M, about 109 at
#: 13.6M; a nested-dissection ordering fills less, ~n log n, but took far longer here).
FILL_SCALE = 16.0
FILL_EXPONENT = 0.12
#: Peak bytes of the factorisation per factor entry (value, supernodal indices, workspace
#: and CHOLMOD's own copy of the matrix: 9.7 to 10 measured at 3.8M to 13.6M unknowns), and
#: bytes per unknown beside it: the right-hand sides and solutions of a pairwise run (the
#: matrix is grounded in place and read by CHOLMOD without a copy).
FACTOR_ENTRY_BYTES = 10.0
DIRECT_BYTES = 150.0
#: Share of the memory available a direct factor may take. Its estimate is an upper bound
#: (5 to 15 % above the measured peaks), so it may go further than memory.SHARE, which
#: guards rougher per-cell figures.
DIRECT_SHARE = 0.95
#: The orderings tried, fastest first; METIS's fill on the same grids is about
#: METIS_FILL_LOG * n * log2(n) (3.1 to 3.8 measured at 0.2M to 3.8M unknowns), and its
#: analysis and factorisation take METIS_SECONDS * n ** METIS_EXPONENT (15 s at 1.9M
#: unknowns, 138 s at 9.4M on a loaded machine).
DIRECT_ORDERINGS = ("amd", "metis")
METIS_FILL_LOG = 3.8
METIS_SECONDS = 1.1e-7
METIS_EXPONENT = 1.3
#: Seconds of the AMD analysis and factorisation, FACTOR_SECONDS * n ** FACTOR_EXPONENT
#: (5.8 s at 1.9M unknowns, 13.9 s at 3.8M, 52 s at 9.4M), and per factor entry of a
#: back-solve of up to BATCH columns, measured here (2 cores).
FACTOR_SECONDS = 4.8e-9
FACTOR_EXPONENT = 1.44
SOLVE_SECONDS = 5.0e-9
#: Bytes per unknown of the AMG-CG path (hierarchy, block vectors of BATCH columns), and
#: seconds per unknown of its set-up and of one right-hand side solved in a block on two
#: cores (measured here: 9 right-hand sides on 10M unknowns in 296 s on one core, iterations
#: growing with the grid; the passes split over two cores then took half as long, 3.8M
#: unknowns: set-up 1.5e-6, 0.9e-6 per right-hand side).
ITERATIVE_BYTES = 700.0
ITERATIVE_SETUP_SECONDS = 2.0e-6
ITERATIVE_SOLVE_SECONDS = 1.5e-6
#: Cores the AMG-CG passes were measured to use fully (memory bandwidth bounds more).
ITERATIVE_CORES = 2
#: ``auto`` takes the exact direct solver unless AMG-CG is estimated this many times faster.
EXACT_PREFERENCE = 1.5
#: Below this many unknowns a factorisation takes well under a second: always direct.
SMALL = 200_000
#: Without CHOLMOD, SuperLU's fill makes it slower than AMG-CG above this size.
SUPERLU_LIMIT = 300_000
#: Relative residual for AMG-CG: what current and voltage maps need (within about 2e-8 of
#: their maximum, resistances to 1e-7; measured in espcore.circuits.multigrid).
CG_RTOL = RTOL_MAPS
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


class Estimate(NamedTuple):
    """Peak memory (bytes) and time (seconds) a backend is expected to take."""

    bytes: float
    seconds: float

    def describe(self) -> str:
        return "{0}, {1:.0f} s".format(memory.format_bytes(self.bytes), self.seconds)


def direct_estimate(n: int, rhs: int = 1, ordering: str = "amd") -> Estimate:
    """A CHOLMOD factorisation of ``n`` unknowns and ``rhs`` back-solves (in blocks of
    :data:`BATCH_HINT`) with the fill-reducing ``ordering`` ("amd" or "metis"): memory from
    the fill of that ordering, time as measured."""
    fill = factor_entries(n, ordering)
    batches = math.ceil(max(rhs, 1) / BATCH_HINT)
    factor = FACTOR_SECONDS * n ** FACTOR_EXPONENT if ordering == "amd" \
        else METIS_SECONDS * n ** METIS_EXPONENT
    return Estimate(fill * FACTOR_ENTRY_BYTES + n * DIRECT_BYTES,
                    factor + batches * SOLVE_SECONDS * fill)


def factor_entries(n: int, ordering: str = "amd") -> float:
    """Entries of CHOLMOD's factor of a raster Laplacian of ``n`` unknowns."""
    if ordering == "amd":
        return FILL_SCALE * float(n) ** (1.0 + FILL_EXPONENT)
    return METIS_FILL_LOG * float(n) * math.log2(max(n, 2))


def direct_ordering(n: int, rhs: int = 1) -> Optional[str]:
    """The ordering whose factor fits in the memory available now: AMD (the fastest here),
    else METIS (slower to compute, a fifth less fill), else None."""
    free = memory.available_bytes()
    for ordering in DIRECT_ORDERINGS:
        if free is None or direct_estimate(n, rhs, ordering).bytes <= DIRECT_SHARE * free:
            return ordering
    return None


def iterative_estimate(n: int, rhs: int = 1) -> Estimate:
    """AMG-CG on ``n`` unknowns for ``rhs`` right-hand sides: memory linear in ``n``; the
    solves run over row blocks on up to :data:`ITERATIVE_CORES` cores."""
    cores = min(available_cores(), ITERATIVE_CORES)
    per_rhs = ITERATIVE_SOLVE_SECONDS * ITERATIVE_CORES / cores
    return Estimate(n * ITERATIVE_BYTES, n * (ITERATIVE_SETUP_SECONDS + max(rhs, 1) * per_rhs))


#: Columns a direct back-solve takes at once (pairwise.BATCH; kept here for the estimate).
BATCH_HINT = 8


def _auto_choice(n: int, rhs: int = 1) -> Tuple[str, str]:
    """``auto``'s backend for ``n`` unknowns and ``rhs`` right-hand sides, and the reason for
    the log: CHOLMOD when its factor fits in the memory available and AMG-CG is not clearly
    faster, else AMG-CG; SuperLU only without either."""
    cholmod, amg = available("cholmod"), available("amg")
    if cholmod and (n <= SMALL or not amg):
        chosen, reason = "cholmod", "direct factorisation, reused for every right-hand side"
    elif cholmod:
        chosen, reason = _by_estimates(n, rhs)
    elif n <= SUPERLU_LIMIT or not amg:
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


def _by_estimates(n: int, rhs: int) -> Tuple[str, str]:
    """CHOLMOD or AMG-CG from both estimates and the memory available now."""
    ordering = direct_ordering(n, rhs)
    direct = direct_estimate(n, rhs, ordering or DIRECT_ORDERINGS[-1])
    iterative = iterative_estimate(n, rhs)
    free = memory.available_bytes()
    both = ("{rhs} right-hand sides: direct factor ({ordering} ordering) about {direct}, "
            "AMG-CG about {iterative}{free}").format(
                rhs=rhs, ordering=(ordering or DIRECT_ORDERINGS[-1]).upper(),
                direct=direct.describe(), iterative=iterative.describe(),
                free="" if free is None else ", {0} available".format(
                    memory.format_bytes(free)))
    if ordering is None:
        return "amg", "the direct factor does not fit; " + both
    if iterative.seconds * EXACT_PREFERENCE < direct.seconds:
        return "amg", "AMG-CG is faster here; " + both
    return "cholmod", "the direct factor fits and is as fast; " + both


def choose_method(n: int, method: str = "auto", log: Log = _quiet, rhs: int = 1) -> str:
    """The backend to use for ``n`` unknowns and ``rhs`` right-hand sides, logging the choice
    and why (with both estimates when both backends could run).

    A backend asked for by name that is missing, or CHOLMOD from a scikit-sparse whose
    interface is unknown, falls back to the ``auto`` choice among the others; the one log
    line names the fallback and the reason.
    """
    if method not in METHODS:
        raise EspInputError("Unknown solver '{method}'. Use one of: {choices}.",
                            method=method, choices=", ".join(METHODS))
    if method != "auto" and available(method):
        return method
    chosen, reason = _auto_choice(n, rhs)
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
        import scipy.sparse as sp

        if sp.isspmatrix_csr(matrix):
            # The matrix is symmetric: its CSR arrays read as CSC are the same matrix, so
            # CHOLMOD gets it without a copy (1.5 GB at 14M unknowns).
            matrix = sp.csc_matrix((matrix.data, matrix.indices, matrix.indptr),
                                   shape=matrix.shape)
        ordering = direct_ordering(matrix.shape[0]) or DIRECT_ORDERINGS[-1]
        try:
            self._solve = cholmod_factor(matrix, ordering=ordering)
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
        return _stoppable(lambda: BlockAmg(matrix, rtol=rtol, log=log), matrix.shape[0])
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


#: Clamped nodes up to which :func:`without_nodes` cuts their rows out itself.
FEW_CLAMPED = 4


def without_nodes(matrix: Any, keep: np.ndarray) -> Any:
    """``matrix[keep][:, keep]`` as CSR.

    A grounded circuit drops one node or a few: then finding their few entries and
    compacting once costs a fraction of scipy's two fancy-indexing copies, which took
    seconds on grids of millions of nodes.
    """
    import scipy.sparse as sp

    csr = matrix.tocsr()
    removed = np.flatnonzero(~np.asarray(keep, dtype=bool))
    if removed.size > FEW_CLAMPED or not csr.has_canonical_format:
        return csr[keep][:, keep]
    if removed.size == 0:
        return csr
    indptr, indices = csr.indptr, csr.indices
    drop = [np.flatnonzero(indices == node) for node in removed]
    drop += [np.arange(indptr[node], indptr[node + 1]) for node in removed]
    positions = np.unique(np.concatenate(drop))
    kept = np.ones(indices.size, dtype=bool)
    kept[positions] = False
    new_indices = indices[kept]
    # A kept column's new number: its old one less the removed columns before it.
    for node in removed[::-1]:
        new_indices[new_indices > node] -= 1
    shifted = indptr - np.searchsorted(positions, indptr)
    new_indptr = np.delete(shifted, removed + 1)
    size = csr.shape[0] - removed.size
    return sp.csr_matrix((csr.data[kept], new_indices, new_indptr), shape=(size, size))


class ClampedSystem:
    """Solves ``M x = b`` with the nodes in ``clamped`` held at 0 V (their rows removed).

    With ``M`` a connected Laplacian and one clamped node this is a grounded circuit: the
    ground takes whatever current ``b`` does not balance, so ``b = e_j`` gives the
    potentials of 1 A injected at ``j`` and returning through the ground.

    ``in_place`` (a direct ``method`` named, a few clamped nodes, CSR ``matrix``) decouples
    the clamped nodes inside ``matrix`` instead of copying it without them: their rows and
    columns become identity rows, which the factor solves to the 0 V they hold. The caller
    gives up ``matrix``; on a grid of 14M unknowns this spares a 1.5 GB copy, which decides
    whether the direct factor fits.
    """

    def __init__(self, matrix: Any, clamped: np.ndarray, *, method: str = "auto",
                 log: Log = _quiet, in_place: bool = False) -> None:
        import scipy.sparse as sp

        clamped = np.asarray(clamped, dtype=bool)
        free = ~clamped
        self.n = matrix.shape[0]
        self._free: Optional[np.ndarray] = free
        removed = np.flatnonzero(clamped)
        if (in_place and method in ("cholmod", "superlu") and sp.isspmatrix_csr(matrix)
                and 0 < removed.size <= FEW_CLAMPED and free.any()):
            _decouple(matrix, removed)
            self._free = None
            self._clamped = removed
            self._factor = factorize(matrix, method=method, log=log)
            return
        reduced = without_nodes(matrix, free)
        self._factor = factorize(reduced, method=method, log=log) if free.any() else None

    def solve(self, rhs: np.ndarray) -> np.ndarray:
        if self._free is None:
            b = np.array(rhs, dtype=np.float64)
            b[self._clamped] = 0.0
            return np.asarray(self._factor.solve(b), dtype=np.float64)
        x = np.zeros(rhs.shape, dtype=np.float64)
        if self._factor is not None:
            x[self._free] = self._factor.solve(np.asarray(rhs, dtype=np.float64)[self._free])
        return x


def _decouple(csr: Any, nodes: np.ndarray) -> None:
    """Turn the rows and columns of ``nodes`` into identity rows, in place (the pattern
    stays: zeros are kept as entries)."""
    for node in nodes:
        csr.data[csr.indices == node] = 0.0
        start, stop = csr.indptr[node], csr.indptr[node + 1]
        csr.data[start:stop] = np.where(csr.indices[start:stop] == node, 1.0, 0.0)


def grounded(laplacian: Any, ground: int, *, method: str = "auto",
             log: Log = _quiet, in_place: bool = False) -> ClampedSystem:
    """A reusable solver for a connected Laplacian with node ``ground`` at 0 V
    (``in_place``: see :class:`ClampedSystem`)."""
    clamped = np.zeros(laplacian.shape[0], dtype=bool)
    clamped[ground] = True
    return ClampedSystem(laplacian, clamped, method=method, log=log, in_place=in_place)
