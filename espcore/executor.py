"""Where independent tasks run: in this process, in a pool of local worker processes, or on
a Dask cluster.

A task is a picklable value; ``work(state, task)`` turns it into a result and must be a
module-level function. ``setup()`` builds the read-only state once per worker (for example
the resistance raster of an Omniscape run or the factorised matrix of a pairwise run), so
every engine runs the same numerics through the same three-call interface. Results come back
to the caller, which alone accumulates them: memory for outputs does not grow with the number
of workers.

Batches: ``run(..., batch=n)`` sends tasks to a worker n at a time (one round trip and one
result message per batch). Callers with many small tasks (Omniscape windows, a few
milliseconds each) pass a batch; callers whose tasks are already heavy pass 1, so that few
tasks still spread over every worker.

Cancellation: ``run`` takes the caller's ``progress`` and raises
:class:`~espcore.errors.Cancelled` within about 0.1 s of the user's request, also while it
waits for a worker; tasks not started are dropped and local workers are stopped, so a cancel
never waits for the tasks in flight. A task run in this process stops inside a library only
where that library checks :func:`espcore.progress.check_watched` (the AMG-CG solver does).
"""

from __future__ import annotations

import contextlib
import importlib.util
import multiprocessing
import os
import sys
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Iterable, Iterator, List, Optional, Set, Tuple

from .errors import EspError
from .progress import NullProgress, Progress, check_cancelled, watching

Setup = Callable[[], Any]
Work = Callable[[Any, Any], Any]

#: Seconds between two looks at the cancel flag while the caller waits for workers.
POLL = 0.05
#: Seconds a stopped worker is given to exit before the pool's pipes are closed.
TERMINATE_WAIT = 5.0


class SerialExecutor:
    """Runs every task in the calling process, in order."""

    workers = 1

    def run(self, setup: Setup, work: Work, tasks: Iterable[Any],
            progress: Optional[Progress] = None, batch: Optional[int] = None
            ) -> Iterator[Any]:
        progress = progress or NullProgress()
        with watching(progress):
            state = setup()
        for task in tasks:
            check_cancelled(progress)
            # The result is yielded outside the block: a generator suspended inside it would
            # leave the caller's code watched.
            with watching(progress):
                result = work(state, task)
            yield result


_STATE: Any = None


def _initialise(setup: Setup) -> None:
    global _STATE
    _STATE = setup()


def _call_batch(work: Work, tasks: List[Any]) -> List[Any]:
    return [_call(work, task) for task in tasks]


def _call(work: Work, task: Any) -> Any:
    return work(_STATE, task)


def _python_executable() -> str:
    """The interpreter that this Python runtime was built as, for worker processes.

    Inside QGIS ``sys.executable`` is the QGIS binary, or whatever ``python3`` comes first on
    PATH (pyenv, conda), whose compiled modules may not match the running runtime. The
    build's own BINDIR interpreter always matches; workers get the parent's ``sys.path``, so
    a virtual environment's packages stay visible.
    """
    import sysconfig

    name = "python{0}.{1}".format(*sys.version_info[:2])
    for folder in (sysconfig.get_config_var("BINDIR"), os.path.join(sys.base_prefix, "bin")):
        if folder and os.path.exists(os.path.join(folder, name)):
            return os.path.join(folder, name)
    return sys.executable


@contextlib.contextmanager
def _no_main_script() -> Iterator[None]:
    """Keep spawned workers from re-running the host's main script.

    Inside QGIS (desktop or qgis_process) ``__main__`` is QGIS's own start-up code; a spawned
    worker would run it again and fail to import QGIS in a plain interpreter. Workers only
    need espcore, so the host's main module is hidden from multiprocessing while workers
    start. A normal Python script keeps its main module.
    """
    main = sys.modules.get("__main__")
    if main is None or os.path.basename(sys.executable).startswith("python"):
        yield
        return
    saved = {name: main.__dict__.pop(name) for name in ("__file__", "__spec__")
             if name in main.__dict__}
    try:
        yield
    finally:
        main.__dict__.update(saved)


class ProcessExecutor:
    """Runs tasks in ``workers`` local processes (spawned, so safe inside QGIS).

    Results are yielded as their batch completes, not in task order; at most
    ``2 * workers`` batches are in flight, so a long task list is never materialised in the
    queue. When the run stops
    early (cancelled, a task failed, or the caller stopped reading), the queued tasks are
    dropped and the workers terminated instead of being waited for.
    """

    def __init__(self, workers: int) -> None:
        self.workers = max(1, int(workers))

    def run(self, setup: Setup, work: Work, tasks: Iterable[Any],
            progress: Optional[Progress] = None, batch: Optional[int] = None
            ) -> Iterator[Any]:
        try:
            yield from self._run(setup, work, tasks, progress or NullProgress(),
                                 max(1, int(batch or 1)))
        except BrokenProcessPool as error:
            raise EspError("The worker processes stopped unexpectedly ({detail}). Run with "
                           "one worker (serially) instead.", detail=str(error)) from error

    def _run(self, setup: Setup, work: Work, tasks: Iterable[Any],
             progress: Progress, batch: int) -> Iterator[Any]:
        context = multiprocessing.get_context("spawn")
        context.set_executable(_python_executable())
        with _no_main_script(), ProcessPoolExecutor(self.workers, mp_context=context,
                                                    initializer=_initialise,
                                                    initargs=(setup,)) as pool:
            try:
                pending: Set[Any] = set()
                for chunk in _batches(tasks, batch):
                    check_cancelled(progress)
                    pending.add(pool.submit(_call_batch, work, chunk))
                    while len(pending) >= 2 * self.workers:
                        done, pending = _first_done(pending, progress)
                        for future in done:
                            yield from future.result()
                while pending:
                    done, pending = _first_done(pending, progress)
                    for future in done:
                        yield from future.result()
            except BaseException:
                _terminate(pool)
                raise


def _first_done(pending: Set[Any], progress: Progress) -> Tuple[Set[Any], Set[Any]]:
    """(done, still pending) once a future is done, checking ``progress`` meanwhile."""
    while True:
        check_cancelled(progress)
        done, rest = wait(pending, timeout=POLL, return_when=FIRST_COMPLETED)
        if done:
            return done, rest


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Drop the queued tasks and stop the workers at once: a task in flight may run for
    minutes (Python 3.14's ``terminate_workers`` does the same)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    results = getattr(pool, "_result_queue", None)
    stop = getattr(pool, "terminate_workers", None)
    if stop is not None:
        stop()
    else:
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
    for process in processes:
        process.join(TERMINATE_WAIT)
    # A worker stopped while it sent a large result leaves half a message in the result
    # pipe, and the pool's manager thread would wait for the rest for ever (and Python for
    # that thread when it exits). With every worker gone, closing this end of the pipe's
    # writer lets that read end.
    writer = getattr(results, "_writer", None)
    if writer is not None and not any(process.is_alive() for process in processes):
        writer.close()


#: Per-worker cache of the Dask engine: (key of the scattered setup, its state). One slot, so a
#: worker holds the state of one run at a time.
_DASK_STATE: list = [None, None]


def _dask_batch(setup: Setup, key: str, work: Work, tasks: List[Any]) -> List[Any]:
    if _DASK_STATE[0] != key:
        _DASK_STATE[:] = [key, setup()]
    state = _DASK_STATE[1]
    return [work(state, task) for task in tasks]


class DaskExecutor:
    """Runs tasks on a Dask cluster (dask.distributed), or on a local one it starts.

    ``address``: a scheduler ("tcp://host:8786") to use; None starts a ``LocalCluster`` of
    ``workers`` single-threaded processes for the length of each :meth:`run`. The setup is
    sent to the cluster once and built once per worker (and again only for another run);
    workers need the installable ``espcore`` only, never QGIS. A task that fails because its
    worker died is retried ``retries`` times; an error raised by the task itself is the
    caller's. Tasks travel in batches of ``batch``, or of the ``batch`` that :meth:`run` is
    given (a Dask task costs a few milliseconds of scheduling, as much as a small Omniscape
    window); results are yielded as their batch completes, at most ``2 * workers`` batches
    in flight.
    """

    def __init__(self, workers: Optional[int] = None, address: Optional[str] = None,
                 retries: int = 2, log: Callable[..., None] = lambda *a, **k: None,
                 timeout: float = 10.0, batch: int = 32) -> None:
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise EspError("The Dask engine needs dask.distributed, which is not installed "
                           "(pip install \"dask[distributed]\"). Use local processes instead.") \
                from None
        self.address = address
        self.workers = max(1, int(workers or os.cpu_count() or 1))
        self.retries = max(0, int(retries))
        self.log = log
        self.timeout = timeout
        self.batch = max(1, int(batch))

    @contextlib.contextmanager
    def _client(self) -> Iterator[Any]:
        from distributed import Client, LocalCluster

        if self.address:
            try:
                client = Client(self.address, timeout=self.timeout)
            except (OSError, TimeoutError) as error:
                raise EspError("No Dask scheduler answers at {address} ({detail}). Start one "
                               "(dask scheduler) or leave the address empty for local "
                               "workers.", address=self.address, detail=str(error)) from None
            with client:
                self.log("Dask scheduler {address}, dashboard {link}", address=self.address,
                         link=dashboard_link(client) or "-")
                yield client
            return
        # The dashboard needs bokeh; without it a LocalCluster runs the same, with no link.
        board = ":0" if importlib.util.find_spec("bokeh") is not None else None
        with LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                          dashboard_address=board) as cluster, Client(cluster) as client:
            self.log("Dask LocalCluster of {n} workers, dashboard {link}", n=self.workers,
                     link=dashboard_link(client) or "-")
            yield client

    def run(self, setup: Setup, work: Work, tasks: Iterable[Any],
            progress: Optional[Progress] = None, batch: Optional[int] = None
            ) -> Iterator[Any]:
        from distributed import as_completed

        progress = progress or NullProgress()
        with self._client() as client:
            (scattered,) = client.scatter([setup], broadcast=True, hash=False)
            key = str(scattered.key)
            limit = 2 * max(self.workers, len(client.scheduler_info()["workers"]) or 1)
            batches = _batches(tasks, self.batch if batch is None else max(1, int(batch)))
            queue = as_completed()
            in_flight: Set[Any] = set()

            def submit() -> bool:
                chunk = next(batches, None)
                if chunk is None:
                    return False
                future = client.submit(_dask_batch, scattered, key, work, chunk, pure=False,
                                       retries=self.retries)
                in_flight.add(future)
                queue.add(future)
                return True

            try:
                while queue.count() < limit and submit():
                    pass
                while not queue.is_empty():
                    check_cancelled(progress)
                    if not queue.has_ready():
                        time.sleep(POLL)
                        continue
                    future = next(queue)
                    in_flight.discard(future)
                    results = future.result()
                    future.release()
                    submit()
                    yield from results
            except BaseException:
                # Batches not started are dropped; a running one ends with its worker (a
                # local cluster closes below) or is discarded by a remote one.
                client.cancel(list(in_flight))
                raise


def dashboard_link(client: Any) -> Optional[str]:
    """The link to a Dask client's dashboard, or None when its scheduler has none."""
    try:
        link = client.dashboard_link
    except (AttributeError, KeyError, TypeError, ValueError):  # KeyError: no dashboard
        return None
    return str(link) if link else None


def _batches(tasks: Iterable[Any], size: int) -> Iterator[List[Any]]:
    chunk: List[Any] = []
    for task in tasks:
        chunk.append(task)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def make_executor(workers: Optional[int] = None, address: Optional[str] = None,
                  engine: str = "local") -> Any:
    """The engine for ``workers`` (None = one per core): serial for one worker, else a local
    process pool; ``engine="dask"`` or a scheduler ``address`` gives a :class:`DaskExecutor`."""
    if engine == "dask" or address:
        return DaskExecutor(workers, address)
    count = (os.cpu_count() or 1) if workers is None else workers
    return SerialExecutor() if count <= 1 else ProcessExecutor(count)
