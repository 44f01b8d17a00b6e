"""Block algebraic multigrid: one smoothed-aggregation hierarchy, k right-hand sides at once.

:class:`BlockAmg` solves ``A X = B`` for a sparse symmetric positive-definite ``A`` (a grounded
graph Laplacian of a raster, up to some 2e7 unknowns) and a block ``B`` of k columns. pyamg
builds the hierarchy once (strength, aggregation, smoothed prolongation); the V-cycle and the
conjugate gradients are this module's, and they work on n x k blocks, so that every pass over
a level's matrix (the cost that dominates) serves all k columns.

Strategy
--------
* **Hierarchy.** Smoothed aggregation built level by level from pyamg's public pieces
  (symmetric strength, standard aggregation, fitted constant candidates); the prolongation
  is smoothed by one Jacobi step weighted by each level's own largest eigenvalue of
  ``D^-1 A``, the same estimate the smoother uses (pyamg's solver estimates it again with a
  costlier method, and its candidate improvement and smoothers would only add set-up time).
  Levels are coarsened until at most :data:`MAX_COARSE` unknowns remain, which a dense
  Cholesky factor solves.
* **Smoother.** Chebyshev polynomials in ``D^-1 A`` (degree :data:`DEGREE`, the same before and
  after the coarse correction, so the cycle is symmetric and CG can use it). A polynomial
  smoother only needs sparse-matrix-times-block products and elementwise work, which is what
  scipy does for a block in one pass; Gauss-Seidel would sweep once per column.
* **Mixed precision.** The hierarchy and the cycle's vectors are float32 (half the bytes);
  the outer CG, its residuals and the final check are float64 on the float64 matrix. The
  cycle only has to reduce the error by a constant factor, which float32 does to about
  1e-6, far more than the factor 5-10 one cycle achieves.
* **Simultaneous CG.** Each column has its own step sizes; the block only shares the passes
  over the matrices. A column whose recursive residual meets ``rtol`` drops out. Columns go
  in groups of at most :data:`GROUP`, where scipy's product is fastest per column.
* **Both cores.** Every pass over a level of more than :data:`rowblocks.PARALLEL_ROWS` rows
  (a product, the elementwise steps after it, the column sums) is split into row blocks
  that run in threads (:mod:`espcore.circuits.rowblocks`), into work blocks kept between
  cycles. On two cores this halved the time per iteration at 4M unknowns.
* **A-posteriori check.** After the iteration the true residual ``||b - A x|| / ||b||`` of
  every column is computed in float64. Columns above ``rtol`` restart from their current
  solution while iterations remain; then :class:`~espcore.errors.EspError` says what to do.

Tolerance: what the outputs need
--------------------------------
Measured on the bench landscape (940k unknowns, resistances 1-1000 with NoData lakes,
8-neighbour, k = 10 focal points grounded at the first), against CHOLMOD (bench/
solver_cases.py ``tolerance_study``); "iterations" are per column group:

=======  ==========  ===================  ===================  ======================
rtol     iterations  R, point values      R, energy products   cumulative current map
=======  ==========  ===================  ===================  ======================
1e-5     9-10        3.7e-7               1.1e-11              3.0e-7 of its maximum
1e-6     11          4.3e-8               1.9e-12              1.6e-8
1e-8     14          4.0e-10              1.4e-12              2.3e-10
1e-9     16          1.9e-11              1.6e-12              1.6e-11
=======  ==========  ===================  ===================  ======================

* A resistance read as an energy, ``R = b^T x`` (``b = e_i - e_j``, or the diagonal
  ``x_i[i]`` of grounded columns), is off by ``||x - x*||_A^2``: quadratic in the CG error.
  Pairwise mode also reads cross terms ``x_i[j]``, which are linear in the error unless read
  through :func:`energy_products` (error: a product of two energy errors). Point values
  reach 1e-6 relative at ``rtol`` = 1e-5 (:data:`RTOL_RESISTANCE`); energy products are at
  round-off level already there.
* Current and voltage maps are linear in the error: :data:`RTOL_MAPS` = 1e-6 keeps the
  cumulative current map within 2e-8 of its maximum and resistances within 1e-7.

Cost: per CG iteration and k columns, the bytes of :meth:`BlockAmg.traffic_bytes`; divided by
the memory bandwidth, this is the time a memory-bound implementation needs.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Tuple

import numpy as np

from ..compat import csr_rows_product
from ..errors import EspError, EspInputError
from ..memory import available_bytes
from ..progress import check_watched
from . import rowblocks
from .rowblocks import available_cores, each, product, row_bounds

Log = Callable[..., None]

#: Relative residual that gives resistances to 1e-6 (point values; read as energies through
#: :func:`energy_products`, to about 1e-11). See the table above.
RTOL_RESISTANCE = 1e-5
#: Relative residual for current and voltage maps (within 2e-8 of their maximum).
RTOL_MAPS = 1e-6
#: Strength-of-connection threshold (pyamg's "symmetric" measure). 0 keeps every edge: on
#: heterogeneous resistances a positive threshold drops the weak edges, but the aggregates
#: then follow the resistance pattern poorly and CG needs more iterations (measured: theta
#: 0.0 beats 0.1 and 0.25 on lognormal sigma 2 and on the 1-1000 landscape).
THETA = 0.0
#: Chebyshev degree of the smoother, before and after the coarse correction.
DEGREE = 2
#: The smoother targets the eigenvalues of D^-1 A in [upper / RATIO, upper].
RATIO = 30.0
#: The Lanczos estimate of the largest eigenvalue is a lower bound; the smoother must cover it.
STRETCH = 1.1
#: Lanczos steps for the largest eigenvalue of D^-1 A on each level.
LANCZOS_STEPS = 10
#: Unknowns at and below which the coarsest level is factorised densely.
MAX_COARSE = 1500
#: Columns iterated together. scipy's sparse-times-block product runs about twice as fast
#: per column for blocks of up to 8 float32 columns as for one column, but slows down again
#: above 8 (measured: 5.2 ms per column at 8, 8.0 at 9, 8.2 at 1 on 940k unknowns):
#: its inner loop over the columns is vectorised for up to one AVX register of floats.
GROUP = 8
#: Bytes per unknown that each column of a group adds while it is solved: the CG vectors in
#: float64 and the V-cycle's work blocks (measured with tracemalloc: 86 for one column, 784
#: for eight, on 1M unknowns). A group takes as many columns as fit in the memory available
#: (at 2e7 unknowns eight columns would take 16 GB on top of the hierarchy).
COLUMN_BYTES = 100.0
#: Share of the memory available that a group's columns may take.
GROUP_SHARE = 0.7
#: Jacobi weight of the prolongation smoothing, over the level's largest eigenvalue of D^-1 A.
OMEGA = 4.0 / 3.0
#: Levels at most (the coarsest included).
MAX_LEVELS = 40
#: Iterations of all restarts together before the solve gives up.
MAXITER = 500
#: Bytes of a CSR column index and of a row pointer (scipy uses int32 below 2**31 entries).
INDEX_BYTES = 4


def _quiet(template: str, **fields: Any) -> None:
    pass


class _Sums:
    """Column dot products summed slice by slice (from any thread), added in row order so
    that the total does not depend on which thread finished first."""

    def __init__(self) -> None:
        self._parts: Dict[int, np.ndarray] = {}

    def add(self, start: int, a: np.ndarray, b: np.ndarray) -> None:
        self._parts[start] = np.einsum("ij,ij->j", a, b)

    def total(self) -> np.ndarray:
        total = np.sum([self._parts[start] for start in sorted(self._parts)], axis=0)
        self._parts = {}
        return total


class _Tile:
    """A (k,) factor repeated for :data:`rowblocks.CHUNK_ROWS` rows, flat."""

    def __init__(self, factor: np.ndarray) -> None:
        self.columns = factor.size
        self.values = np.tile(factor, rowblocks.CHUNK_ROWS)


def _tiled(factor: np.ndarray) -> _Tile:
    return _Tile(np.asarray(factor, dtype=np.float64))


class _Level:
    """One level of the hierarchy in the cycle's precision, with its smoother's coefficients,
    the row blocks its passes are split into and its work blocks (kept between cycles:
    allocating a fresh block per pass costs a page fault per 4 kB)."""

    def __init__(self, a: Any, p: Any, r: Any, largest: float, dtype: Any,
                 degree: int, threads: int) -> None:
        self.a = _as_dtype(a, dtype)
        self.p = _as_dtype(p, dtype)
        self.r = _as_dtype(r, dtype)
        self.n = a.shape[0]
        self.dtype = dtype
        self.bounds_a = row_bounds(self.a.indptr, threads)
        self.bounds_p = row_bounds(self.p.indptr, threads)
        self.bounds_r = row_bounds(self.r.indptr, threads)
        self._blocks: Dict[int, Dict[str, np.ndarray]] = {}
        diagonal = a.diagonal()
        upper = STRETCH * largest
        self.upper = upper
        self.scales = _chebyshev_scales(upper / RATIO, upper, degree)
        inverse = 1.0 / diagonal
        # Every step's coefficient folded into D^-1 once: one multiply per step, not two.
        self.dinv = [np.asarray(c * inverse, dtype=dtype)[:, None] for c, _ in self.scales]

    def blocks(self, k: int) -> Dict[str, np.ndarray]:
        """The level's n x k work blocks: ``b`` (its right-hand side), ``x`` (its
        correction, handed to the finer level), and ``r``, ``d``, ``dn``, ``tmp``."""
        if k not in self._blocks:
            self._blocks = {k: {name: np.empty((self.n, k), dtype=self.dtype)
                                for name in ("b", "x", "r", "d", "dn", "tmp")}}
        return self._blocks[k]


def _as_dtype(matrix: Any, dtype: Any) -> Any:
    """``matrix`` (CSR) with values of ``dtype``, sharing the index arrays when it must copy."""
    import scipy.sparse as sp

    matrix = matrix.tocsr()
    if matrix.dtype == dtype:
        return matrix
    return sp.csr_matrix((matrix.data.astype(dtype), matrix.indices, matrix.indptr),
                         shape=matrix.shape)


def _largest_eigenvalue(a: Any, diagonal: np.ndarray) -> float:
    """An estimate (from below) of the largest eigenvalue of ``D^-1 A``: the largest Ritz
    value of a few Lanczos steps on ``D^-1/2 A D^-1/2``, which has the same spectrum.

    The extreme eigenvalue converges first; ten steps give it to a few per cent, which
    :data:`STRETCH` covers (pyamg's general estimator restarts and costs several times more).
    """
    n = a.shape[0]
    if n <= LANCZOS_STEPS:
        scaled = a.toarray() / np.sqrt(np.outer(diagonal, diagonal))
        return float(np.linalg.eigvalsh(scaled)[-1])
    root = 1.0 / np.sqrt(diagonal)
    v = np.random.default_rng(0).standard_normal(n)
    v /= np.linalg.norm(v)
    previous = np.zeros(n)
    alphas: List[float] = []
    betas: List[float] = []
    beta = 0.0
    for _ in range(LANCZOS_STEPS):
        w = root * (a @ (root * v)) - beta * previous
        alpha = float(w @ v)
        w -= alpha * v
        alphas.append(alpha)
        beta = float(np.linalg.norm(w))
        if beta <= 1e-12 * abs(alpha):
            break
        betas.append(beta)
        previous, v = v, w / beta
    t = np.diag(alphas) + np.diag(betas[:len(alphas) - 1], 1) + np.diag(betas[:len(alphas) - 1], -1)
    return float(np.linalg.eigvalsh(t)[-1])


def _chebyshev_scales(lower: float, upper: float, degree: int) -> List[Tuple[float, float]]:
    """(coefficient of D^-1 r, factor of the previous step) for each Chebyshev step.

    The three-term recurrence for the polynomial that is smallest on [lower, upper]: step 0
    is ``d = D^-1 r / theta``, step i is ``d = c_i D^-1 r + f_i d`` on the updated residual.
    """
    theta = 0.5 * (upper + lower)
    delta = 0.5 * (upper - lower)
    sigma = theta / delta
    rho = 1.0 / sigma
    steps = [(1.0 / theta, 0.0)]
    for _ in range(1, degree):
        rho_next = 1.0 / (2.0 * sigma - rho)
        steps.append((2.0 * rho_next / delta, rho_next * rho))
        rho = rho_next
    return steps


class BlockAmg:
    """Preconditioned conjugate gradients on n x k blocks with a block smoothed-aggregation
    V-cycle; reusable for any number of right-hand sides.

    Parameters
    ----------
    matrix : scipy sparse matrix, n x n
        Symmetric positive definite, e.g. a graph Laplacian with one node grounded per
        component (a singular Laplacian is refused by the final residual check, not earlier).
    rtol : float
        Relative residual ``||b - A x|| / ||b||`` every column must reach (checked in float64
        after the iteration). :data:`RTOL_MAPS` for maps, :data:`RTOL_RESISTANCE` when only
        resistances are wanted and read through :func:`energy_products`.
    maxiter : int
        CG iterations (of all restarts together) before the solve gives up.
    single : bool
        Keep the hierarchy and the cycle in float32 (half the memory traffic).
    degree : int
        Chebyshev degree of the smoother (1 is damped Jacobi).
    theta : float
        Strength-of-connection threshold for the aggregation.
    threads : int, optional
        Threads that share every pass over a large level (default: the cores this process
        may use; see :mod:`espcore.circuits.rowblocks`). The results do not depend on it.
    log : callable
        ``log(template, **fields)`` receives one line on the hierarchy.

    Memory: the float64 matrix, its float32 values (4 bytes per non-zero), the coarser levels
    (about a third more) and, per solve of k columns, five float64 and five float32 n x k
    blocks.
    """

    def __init__(self, matrix: Any, *, rtol: float = RTOL_MAPS, maxiter: int = MAXITER,
                 single: bool = True, degree: int = DEGREE, theta: float = THETA,
                 max_coarse: int = MAX_COARSE, group: int = GROUP, omega: float = OMEGA,
                 threads: Optional[int] = None, log: Log = _quiet) -> None:
        import scipy.linalg
        import scipy.sparse as sp
        from pyamg.aggregation import fit_candidates, standard_aggregation
        from pyamg.strength import symmetric_strength_of_connection

        if not 0.0 < rtol < 1.0:
            raise EspInputError("The solver tolerance must lie between 0 and 1, not {rtol}.",
                                rtol=rtol)
        if degree < 1:
            raise EspInputError("The smoother degree must be at least 1, not {degree}.",
                                degree=degree)
        self.matrix = matrix.tocsr().astype(np.float64, copy=False)
        self.n = self.matrix.shape[0]
        self.rtol = rtol
        self.maxiter = maxiter
        self.dtype = np.dtype(np.float32 if single else np.float64)
        self.group = group
        self.threads = available_cores() if threads is None else max(1, int(threads))
        self._bounds = row_bounds(self.matrix.indptr, self.threads)
        #: CG iterations of the last solve (all column groups together), the largest true
        #: relative residual, and (columns, iterations) of each group.
        self.iterations = 0
        self.residual = 0.0
        self.history: List[Tuple[int, int]] = []
        self.levels: List[_Level] = []
        a = self.matrix
        candidates = np.ones((self.n, 1))
        while a.shape[0] > max_coarse and len(self.levels) < MAX_LEVELS:
            diagonal = a.diagonal()
            if np.any(diagonal <= 0.0):
                raise EspError("The conductance matrix is not positive definite (a diagonal "
                               "entry is not positive).")
            largest = _largest_eigenvalue(a, diagonal)
            aggregates, _ = standard_aggregation(
                symmetric_strength_of_connection(a, theta=theta))
            if not 0 < aggregates.shape[1] < a.shape[0]:
                break  # nothing left to coarsen: factorise this level
            tentative, candidates = fit_candidates(aggregates, candidates)
            # Jacobi-smoothed prolongation, its weight from this level's own eigenvalue
            p = (tentative - sp.diags(omega / (largest * diagonal)) @ (a @ tentative)).tocsr()
            r = p.T.tocsr()
            self.levels.append(_Level(a, p, r, largest, self.dtype, degree, self.threads))
            a = (r @ a @ p).tocsr()
        coarsest = a
        self.coarse_n = coarsest.shape[0]
        self.coarse_nnz = coarsest.nnz
        try:
            self._coarse = scipy.linalg.cho_factor(coarsest.toarray(), lower=True)
        except np.linalg.LinAlgError as exc:
            raise EspError("The conductance matrix is not positive definite ({detail}).",
                           detail=str(exc)) from exc
        log("Block AMG: {levels} levels, {sizes} unknowns, operator complexity {complexity:.2f}.",
            levels=len(self.levels) + 1,
            sizes=" / ".join(str(level.n) for level in self.levels) + " / " + str(self.coarse_n),
            complexity=self.operator_complexity())

    # ------------------------------------------------------------------ the V-cycle ----

    def operator_complexity(self) -> float:
        """Non-zeros of all levels over those of the fine matrix."""
        total = sum(level.a.nnz for level in self.levels) + self.coarse_nnz
        return total / max(self.matrix.nnz, 1)

    def _coarse_solve(self, b: np.ndarray) -> np.ndarray:
        import scipy.linalg

        return scipy.linalg.cho_solve(self._coarse, b.astype(np.float64)).astype(self.dtype)

    def _smooth(self, level: _Level, blocks: Dict[str, np.ndarray], fresh: bool) -> None:
        """Chebyshev steps on ``blocks["x"]`` for ``blocks["b"]``; from x = 0 when ``fresh``.

        Each step is one pass over row blocks: ``dn = A d`` reads every row of ``d``, so the
        new direction goes to ``dn`` and the two swap; ``x`` is only updated in passes that
        do not read it.
        """
        a, bounds, threads = level.a, level.bounds_a, self.threads
        b, x, r = blocks["b"], blocks["x"], blocks["r"]
        d, dn, tmp = blocks["d"], blocks["dn"], blocks["tmp"]
        first = level.dinv[0]

        if fresh:  # r = b, x = d
            def start(lo: int, hi: int) -> None:
                np.multiply(b[lo:hi], first[lo:hi], out=d[lo:hi])
                x[lo:hi] = d[lo:hi]
        else:  # r = b - A x; the pass reads x, so x += d waits for the next one
            def start(lo: int, hi: int) -> None:
                csr_rows_product(a, lo, hi, x, r[lo:hi])
                np.subtract(b[lo:hi], r[lo:hi], out=r[lo:hi])
                np.multiply(r[lo:hi], first[lo:hi], out=d[lo:hi])
        each(bounds, start, threads)
        pending, residual = not fresh, (b if fresh else r)
        for step in range(1, len(level.scales)):
            factor, scale = level.scales[step][1], level.dinv[step]

            def chebyshev(lo: int, hi: int, d: np.ndarray = d, dn: np.ndarray = dn,
                          residual: np.ndarray = residual, pending: bool = pending,
                          factor: float = factor, scale: np.ndarray = scale) -> None:
                rows = slice(lo, hi)
                csr_rows_product(a, lo, hi, d, dn[rows])
                np.subtract(residual[rows], dn[rows], out=r[rows])
                if pending:
                    x[rows] += d[rows]
                np.multiply(d[rows], factor, out=tmp[rows])
                np.multiply(r[rows], scale[rows], out=dn[rows])
                dn[rows] += tmp[rows]
                x[rows] += dn[rows]

            each(bounds, chebyshev, threads)
            d, dn = dn, d
            pending, residual = False, r
        if pending:  # degree 1 after the coarse correction
            def add(lo: int, hi: int) -> None:
                x[lo:hi] += d[lo:hi]
            each(bounds, add, threads)

    def _cycle(self, number: int, b: np.ndarray) -> np.ndarray:
        """The V-cycle's correction for ``b`` on level ``number`` (``b`` is that level's
        ``blocks["b"]``; the result is its ``blocks["x"]``, valid until the next cycle)."""
        if number == len(self.levels):
            return self._coarse_solve(b)
        level = self.levels[number]
        blocks = level.blocks(b.shape[1])
        x, r, tmp, threads = blocks["x"], blocks["r"], blocks["tmp"], self.threads
        self._smooth(level, blocks, fresh=True)

        def residual(lo: int, hi: int) -> None:
            csr_rows_product(level.a, lo, hi, x, r[lo:hi])
            np.subtract(b[lo:hi], r[lo:hi], out=r[lo:hi])

        each(level.bounds_a, residual, threads)
        if number + 1 < len(self.levels):
            coarse = self.levels[number + 1].blocks(b.shape[1])["b"]
        else:
            coarse = np.empty((level.r.shape[0], b.shape[1]), dtype=self.dtype)
        product(level.r, level.bounds_r, r, coarse, threads)
        correction = self._cycle(number + 1, coarse)

        def prolong(lo: int, hi: int) -> None:
            csr_rows_product(level.p, lo, hi, correction, tmp[lo:hi])
            x[lo:hi] += tmp[lo:hi]

        each(level.bounds_p, prolong, threads)
        self._smooth(level, blocks, fresh=False)
        return x

    def precondition(self, r: np.ndarray) -> np.ndarray:
        """One V-cycle applied to the n x k block ``r`` (returned in the cycle's precision,
        in a block that the next call overwrites)."""
        if not self.levels:
            return self._coarse_solve(r)
        level = self.levels[0]
        b = level.blocks(r.shape[1])["b"]

        def cast(lo: int, hi: int) -> None:
            np.copyto(b[lo:hi], r[lo:hi], casting="same_kind")

        each(level.bounds_a, cast, self.threads)
        return self._cycle(0, b)

    # ------------------------------------------------------------------ CG ----

    def solve(self, rhs: np.ndarray) -> np.ndarray:
        """Solutions of ``A x = b`` for one right-hand side (n,) or a block (n, k), float64.

        Raises
        ------
        EspError
            A column's true relative residual stays above ``rtol`` after ``maxiter``
            iterations.
        Cancelled
            The progress lent by :func:`espcore.progress.watching` asks to stop (checked every
            iteration).
        """
        b = np.asarray(rhs, dtype=np.float64)
        if b.shape[0] != self.n or b.ndim not in (1, 2):
            raise EspInputError("The right-hand side has shape {shape}; the matrix has {n} "
                                "rows.", shape=b.shape, n=self.n)
        block = b.reshape(self.n, -1)
        k = block.shape[1]
        count = -(-k // self._group_size())
        edges = [k * part // count for part in range(count + 1)]
        x = np.zeros(block.shape)
        self.iterations = 0
        self.residual = 0.0
        self.history = []
        for start, stop in zip(edges[:-1], edges[1:]):
            x[:, start:stop] = self._solve_group(np.ascontiguousarray(block[:, start:stop]))
        return x[:, 0] if b.ndim == 1 else x

    def _group_size(self) -> int:
        """Columns per group: :attr:`group`, or fewer when their work would not fit in the
        memory available now (the solve then takes longer, but does not run out)."""
        free = available_bytes()
        if free is None:
            return self.group
        fits = int(GROUP_SHARE * free // (COLUMN_BYTES * max(self.n, 1)))
        return max(1, min(self.group, fits))

    def _solve_group(self, block: np.ndarray) -> np.ndarray:
        """Solutions of the columns of ``block``, iterated together, with the final check."""
        x = np.zeros_like(block)
        norms = np.linalg.norm(block, axis=0)
        todo = np.flatnonzero(norms > 0.0)
        r = block[:, todo]
        used = 0
        worst = 0.0
        while todo.size:
            iterations = self._pcg(x, r, todo, norms[todo], self.maxiter - used)
            used += iterations
            self.iterations += iterations
            r = block[:, todo] - self.matrix @ np.ascontiguousarray(x[:, todo])
            relative = np.linalg.norm(r, axis=0) / norms[todo]
            above = relative > self.rtol
            worst = float(relative.max())
            if not above.any():
                break
            if used >= self.maxiter:
                raise EspError(
                    "The multigrid solver did not reach the relative residual {rtol:.0e} in "
                    "{maxiter} iterations (worst right-hand side: {residual:.1e}). The "
                    "resistance range is probably extreme: cap very high resistances or "
                    "raise very low ones, or use the cholmod solver.",
                    rtol=self.rtol, maxiter=self.maxiter, residual=worst)
            todo = todo[above]
            r = np.ascontiguousarray(r[:, above])
        self.residual = max(self.residual, worst)
        self.history.append((block.shape[1], used))
        return x

    def _pcg(self, x: np.ndarray, r: np.ndarray, todo: np.ndarray, norms: np.ndarray,
             maxiter: int) -> int:
        """Preconditioned CG on the columns ``todo`` of ``x`` (updated in place) from their
        residual ``r``; returns the iterations done.

        Each pass runs over row slices in threads (:func:`each`) and also sums the column
        dot products it needs while the slice is in cache; the sums are added in row order.
        A per-column factor is applied through a tiled copy (:func:`_tiled`): numpy
        broadcasts a (k,) factor over an (n, k) block one short row at a time.
        """
        bounds, threads, group = self._bounds, self.threads, _Sums()
        r = np.array(r, dtype=np.float64, order="C")
        every = todo.size == x.shape[1]
        z = self.precondition(r)
        p = np.empty(r.shape)
        rz = self._cast_dots(r, z, p, group)
        q = np.empty_like(p)
        z64 = np.empty_like(p)
        goal = (self.rtol * norms) ** 2
        done = 0
        while done < maxiter:
            check_watched()
            done += 1

            def multiply(lo: int, hi: int, p: np.ndarray = p, q: np.ndarray = q) -> None:
                csr_rows_product(self.matrix, lo, hi, p, q[lo:hi])
                group.add(lo, p[lo:hi], q[lo:hi])

            each(bounds, multiply, threads)
            alpha = rz / group.total()
            step = _tiled(alpha)

            def update(lo: int, hi: int, p: np.ndarray = p, q: np.ndarray = q,
                       r: np.ndarray = r, every: bool = every, step: _Tile = step) -> None:
                rows = slice(lo, hi)
                flat, size = q[rows].reshape(-1), (hi - lo) * step.columns
                np.multiply(flat, step.values[:size], out=flat)
                r[rows] -= q[rows]
                np.multiply(p[rows].reshape(-1), step.values[:size], out=flat)
                if every:
                    x[rows] += q[rows]
                group.add(lo, r[rows], r[rows])

            each(bounds, update, threads)
            if not every:
                x[:, todo] += q
            converged = group.total() <= goal
            if converged.any():
                keep = ~converged
                if not keep.any():
                    break
                todo, goal, rz = todo[keep], goal[keep], rz[keep]
                r = np.ascontiguousarray(r[:, keep])
                p = np.ascontiguousarray(p[:, keep])
                q, z64 = np.empty_like(p), np.empty_like(p)
                every = False
            z = self.precondition(r)
            rz_next = self._cast_dots(r, z, z64, group)
            factor = _tiled(rz_next / rz)

            def direction(lo: int, hi: int, p: np.ndarray = p, z64: np.ndarray = z64,
                          factor: _Tile = factor) -> None:
                flat = p[lo:hi].reshape(-1)
                np.multiply(flat, factor.values[:flat.size], out=flat)
                flat += z64[lo:hi].reshape(-1)

            each(bounds, direction, threads)
            rz = rz_next
        return done

    def _cast_dots(self, r: np.ndarray, z: np.ndarray, z64: np.ndarray,
                   group: _Sums) -> np.ndarray:
        """``z64[...] = z`` (the cycle's output in float64) and the column dots of r and z."""
        def cast(lo: int, hi: int) -> None:
            np.copyto(z64[lo:hi], z[lo:hi])
            group.add(lo, r[lo:hi], z64[lo:hi])

        each(self._bounds, cast, self.threads)
        return group.total()

    # ------------------------------------------------------------------ cost model ----

    def solve_traffic_bytes(self) -> int:
        """Bytes the last :meth:`solve` moved by :meth:`traffic_bytes`, all groups together."""
        return sum(self.traffic_bytes(k) * iterations for k, iterations in self.history)

    def traffic_bytes(self, k: int) -> int:
        """Bytes one preconditioned CG iteration moves for ``k`` columns, as this module
        implements it: every sparse product reads its matrix (values, column indices, row
        pointers) and its input block and writes its output block; every elementwise step
        reads and writes its blocks once. Caches are assumed to hold nothing between passes
        (true above a few hundred thousand unknowns) and a sparse product to read its input
        once (true for raster graphs, whose neighbours are near in memory)."""
        fine = 8 * k * self.n  # one float64 n x k block
        vb = self.dtype.itemsize
        a = self.matrix
        # q = A p; p.q; q *= alpha; r -= q; q = alpha p; x += q; r.r; r.z; p *= beta; p += z
        cg = _product_bytes(a.nnz, self.n, self.n, 8, 8 * k) + fine * (2 + 2 + 3 + 2 + 3 + 1)
        # the cast of r to the cycle's precision, r.z, p += z read z
        cg += fine + self.n * k * vb * 3
        cycle = 0
        for level in self.levels:
            block = level.n * k * vb
            degree = len(level.scales)
            product = _product_bytes(level.a.nnz, level.n, level.n, vb, vb * k)
            # pre: d = D^-1 b, x += d, then per further step A d, r update, d update (3
            # passes of 2-3 blocks), x += d; residual; post: residual, same steps
            steps = degree - 1
            smooth_pre = 2 * block + 3 * block + steps * (product + 3 * block + 7 * block)
            smooth_post = product + 3 * block + 2 * block + 3 * block \
                + steps * (product + 3 * block + 7 * block)
            residual = product + 3 * block
            coarse_n = level.p.shape[1]
            transfer = _product_bytes(level.r.nnz, coarse_n, level.n, vb, vb * k) \
                + _product_bytes(level.p.nnz, level.n, coarse_n, vb, vb * k) + 3 * block
            cycle += smooth_pre + residual + transfer + smooth_post + block  # + zeros
        cycle += 8 * self.coarse_n * self.coarse_n  # the dense triangular solves
        return int(cg + cycle)


def _product_bytes(nnz: int, rows: int, cols: int, value_bytes: int, row_bytes: int) -> int:
    """Bytes of ``M @ X``: M's values and indices, X read once, the product written."""
    return nnz * (value_bytes + INDEX_BYTES) + (rows + 1) * INDEX_BYTES \
        + cols * row_bytes + rows * row_bytes


def energy_products(matrix: Any, rhs: np.ndarray, x: np.ndarray) -> np.ndarray:
    """The k x k matrix ``G = X^T B + B^T X - X^T A X``: ``B^T A^-1 B`` to second order.

    With ``x_i`` an approximate solution for the column ``b_i`` and ``e_i`` its error, the
    entry ``G_ij`` differs from ``b_i^T A^-1 b_j`` by ``-e_i^T A e_j``: a product of two
    energy-norm errors, where the plain ``b_j^T x_i`` is off by an amount linear in them.
    Resistances from ``G`` (``R_ij = G_ii + G_jj - 2 G_ij`` for grounded unit injections)
    therefore need only about the square root of the tolerance that point values need.

    Parameters
    ----------
    matrix : sparse n x n, the system solved.
    rhs, x : n x k blocks of right-hand sides and their (approximate) solutions.

    Returns
    -------
    k x k symmetric float64 array. Costs one product of ``matrix`` with the block.
    """
    b = np.asarray(rhs, dtype=np.float64).reshape(matrix.shape[0], -1)
    v = np.asarray(x, dtype=np.float64).reshape(matrix.shape[0], -1)
    cross = v.T @ b
    return cross + cross.T - v.T @ (matrix @ v)


def amg_setup_summary(solver: BlockAmg) -> str:
    """One line on the hierarchy: levels, unknowns per level, operator complexity."""
    sizes = [level.n for level in solver.levels] + [solver.coarse_n]
    return "{0} levels ({1}), operator complexity {2:.2f}".format(
        len(sizes), " / ".join(format(s, ",") for s in sizes), solver.operator_complexity())

