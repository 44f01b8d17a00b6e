"""Where independent tasks run: in this process, or in a pool of local worker processes.

A task is a picklable value; ``work(state, task)`` turns it into a result and must be a
module-level function. ``setup()`` builds the read-only state once per worker (for example
the resistance raster of an Omniscape run or the factorised matrix of a pairwise run), so a
distributed engine can implement the same three-call interface later without any change to
the numerics. Results come back to the caller, which alone accumulates them: memory for
outputs does not grow with the number of workers.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Callable, Iterable, Iterator, Optional

Setup = Callable[[], Any]
Work = Callable[[Any, Any], Any]


class SerialExecutor:
    """Runs every task in the calling process, in order."""

    workers = 1

    def run(self, setup: Setup, work: Work, tasks: Iterable[Any]) -> Iterator[Any]:
        state = setup()
        for task in tasks:
            yield work(state, task)


_STATE: Any = None


def _initialise(setup: Setup) -> None:
    global _STATE
    _STATE = setup()


def _call(work: Work, task: Any) -> Any:
    return work(_STATE, task)


def _python_executable() -> str:
    """A Python interpreter for workers: inside QGIS ``sys.executable`` is the QGIS binary."""
    if os.path.basename(sys.executable).startswith("python"):
        return sys.executable
    for name in ("python3", "python"):
        candidate = os.path.join(sys.exec_prefix, "bin", name)
        if os.path.exists(candidate):
            return candidate
    return sys.executable


class ProcessExecutor:
    """Runs tasks in ``workers`` local processes (spawned, so safe inside QGIS).

    Results are yielded as they complete, not in task order; at most ``2 * workers`` tasks
    are in flight, so a long task list is never materialised in the queue.
    """

    def __init__(self, workers: int) -> None:
        self.workers = max(1, int(workers))

    def run(self, setup: Setup, work: Work, tasks: Iterable[Any]) -> Iterator[Any]:
        import multiprocessing
        from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

        context = multiprocessing.get_context("spawn")
        context.set_executable(_python_executable())
        with ProcessPoolExecutor(self.workers, mp_context=context, initializer=_initialise,
                                 initargs=(setup,)) as pool:
            pending: set = set()
            for task in tasks:
                pending.add(pool.submit(_call, work, task))
                if len(pending) >= 2 * self.workers:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for future in done:
                        yield future.result()
            for future in list(pending):
                yield future.result()


def make_executor(workers: Optional[int] = None) -> Any:
    """Serial for ``workers`` <= 1, else a local process pool (None = one per core)."""
    count = (os.cpu_count() or 1) if workers is None else workers
    return SerialExecutor() if count <= 1 else ProcessExecutor(count)
