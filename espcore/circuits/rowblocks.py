"""Passes over the rows of large blocks, split between the machine's cores.

scipy's sparse products and numpy's elementwise operations each run on one core. Their
work on a grid's rows is independent, and both release the GIL, so a pass split into row
blocks runs in threads: the multigrid cycle (:mod:`espcore.circuits.multigrid`) measured
about 2x on two cores for a product of a 4M-row Laplacian with 8 float32 columns.

A pass is a function ``work(start, stop)`` that writes only rows ``start:stop`` of its
outputs. It may *read* any row of an array that no part of the same pass writes, e.g. the
input block of a product: a pass that both reads neighbouring rows of an array and updates
that array must be split in two passes.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, List, Optional, Tuple

import numpy as np

from ..compat import csr_rows_product

#: Rows below which a pass runs in the calling thread: handing a part to a thread costs
#: some 20-50 microseconds, more than a pass over a few tens of thousands of rows.
PARALLEL_ROWS = 50_000

#: Rows a pass handles at a time (see :func:`each`): 65536 rows of 8 float32 columns are
#: 2 MB a block, so the few blocks of one step mostly stay in a core's cache.
CHUNK_ROWS = 65536

Bounds = List[Tuple[int, int]]

_POOLS: dict = {}
_POOLS_LOCK = threading.Lock()


def available_cores() -> int:
    """Cores this process may run on (its CPU affinity where the platform tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def _pool(threads: int) -> ThreadPoolExecutor:
    """A pool of ``threads`` workers shared by every pass that asks for that many."""
    with _POOLS_LOCK:
        pool = _POOLS.get(threads)
        if pool is None:
            pool = _POOLS[threads] = ThreadPoolExecutor(threads, thread_name_prefix="esp-rows")
        return pool


def row_bounds(indptr: np.ndarray, parts: int) -> Bounds:
    """Row ranges of a CSR matrix with about equal numbers of non-zeros, at most ``parts``
    of them; one range when the matrix is small."""
    rows = len(indptr) - 1
    if parts <= 1 or rows < PARALLEL_ROWS:
        return [(0, rows)]
    targets = indptr[-1] * np.arange(1, parts) / parts
    cuts = np.searchsorted(indptr, targets).clip(0, rows)
    edges = sorted({0, rows, *(int(c) for c in cuts)})
    return list(zip(edges[:-1], edges[1:]))


def each(bounds: Bounds, work: Callable[[int, int], Any], threads: int) -> None:
    """Run ``work(start, stop)`` over every range, in slices of at most :data:`CHUNK_ROWS`
    rows: the first range in this thread, the others in the shared pool. Exceptions are
    raised here once all ranges have finished.

    The slices keep a pass's blocks in the core's cache between its steps: a pass that
    multiplies and then updates three blocks reads its rows from memory once, not four
    times.
    """
    def run(start: int, stop: int) -> None:
        for low in range(start, stop, CHUNK_ROWS):
            work(low, min(low + CHUNK_ROWS, stop))

    if len(bounds) == 1 or threads <= 1:
        for start, stop in bounds:
            run(start, stop)
        return
    pool = _pool(threads - 1)
    futures = [pool.submit(run, start, stop) for start, stop in bounds[1:]]
    error: Optional[BaseException] = None
    try:
        run(*bounds[0])
    except BaseException as exc:  # noqa: BLE001 - re-raised after the others finish
        error = exc
    for future in futures:
        try:
            future.result()
        except BaseException as exc:  # noqa: BLE001
            error = error or exc
    if error is not None:
        raise error


def product(matrix: Any, bounds: Bounds, x: np.ndarray, out: np.ndarray,
            threads: int) -> None:
    """``out[...] = matrix @ x`` by row blocks (``out`` C-ordered, ``x``'s dtype)."""
    each(bounds, lambda start, stop: csr_rows_product(matrix, start, stop, x, out[start:stop]),
         threads)
