"""Per-source cost-distance surfaces computed as executor tasks into a shared folder store.

Linkage pathways, pinch points and barriers spend most of their time in one full-grid
cost-distance search per source (at 250 m, 5.3 million cells and 10 sources: 28 of
linkage pathways' 33 s), one after another. :func:`prefetch_surfaces` runs those searches
as independent tasks on an executor (:mod:`espcore.executor`: local worker processes or a
Dask cluster) and saves every surface in a
:class:`~espcore.corridors.surfacestore.FolderStore`. The serial code that follows, given a
:class:`~espcore.corridors.costdistance.SourceDistances` on the same store, then loads each
surface instead of searching it: the store's keys are content digests of the raster, the
search limit and the source's cells, so it finds them only when it would have searched
exactly the same surface, and the results are the serial ones bit for bit.

Each task is one source id. A worker reads the inputs once (its setup), from
:class:`~espcore.rasterfile.WindowSource` s: a :class:`~espcore.rasterfile.RasterFile` (a
GeoTIFF on a shared disk or an object-store URL, read by the worker itself, so the client
never holds the raster) or an :class:`~espcore.rasterfile.ArrayRaster` (arrays the client
holds, sent to every worker). Only the source id travels back; the surface goes to the store.
A rerun skips the surfaces already in the store (a stopped run resumes), and a store that
declines a surface (disk nearly full) only means the later code searches that one itself.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Iterable, List, Optional, Sequence, Set, Tuple, Union, cast

import numpy as np

from ..errors import EspInputError
from ..executor import SerialExecutor
from ..grid import Grid
from ..progress import NullProgress, Progress
from ..rasterfile import ArrayRaster, WindowSource
from .costdistance import CellSize, SourceDistances
from .surfacestore import FolderStore

Input = Union[np.ndarray, WindowSource]

#: Cells read at a time when the client lists the source ids of a raster it does not hold.
SCAN_CELLS = 1 << 22
#: Bytes per cell a worker holds at its peak: the inputs, the arrays built from them, the search
#: and one surface (measured 67-72 with float64 resistance and int32 ids at 5 and 10 million
#: cells, local processes and Dask alike; rounded up, see :func:`worker_bytes`).
WORKER_BYTES_PER_CELL = 100.0
#: Cell searches (cells x sources) below which starting workers gains little or nothing: two
#: local workers take about 1.5 s to start, receive the inputs and report back (5 million
#: cells), a search about 0.3 microseconds per cell.
MIN_PARALLEL_WORK = 2e7


def worker_bytes(cells: int) -> float:
    """Peak memory of one worker of :func:`prefetch_surfaces` on a grid of ``cells`` cells."""
    return WORKER_BYTES_PER_CELL * float(cells)


def worth_parallel(cells: int, sources: int, workers: int) -> bool:
    """Whether ``sources`` searches on ``cells`` cells are worth sending to ``workers``
    workers: at least two workers and two sources, and enough work to pay for starting them
    (:data:`MIN_PARALLEL_WORK`)."""
    return workers > 1 and sources > 1 and float(cells) * sources >= MIN_PARALLEL_WORK


def pathways_limit(max_cost: float, truncate: float, keep_untruncated: bool) -> float:
    """The search limit of :func:`espcore.corridors.corridors.linkage_pathways` (its
    ``max_cost`` argument here): a cell beyond ``max_cost + truncate`` lies in no kept
    corridor, so its searches stop there; with ``keep_untruncated`` they have no limit (as
    its code does: ``max_cost + inf``)."""
    return max_cost + (math.inf if keep_untruncated else truncate)


def _source(value: Input) -> WindowSource:
    """A WindowSource as given, or an array wrapped in one (no NoData cells)."""
    if not isinstance(value, np.ndarray) and hasattr(value, "read"):
        return cast(WindowSource, value)
    array = np.asarray(value)
    if array.ndim != 2:
        raise EspInputError("The {what} raster must be two-dimensional, not {ndim}-dimensional.",
                            what="source", ndim=array.ndim)
    return ArrayRaster(Grid(array, np.zeros(array.shape, dtype=bool)))


def _arrays(labels: Grid, resistance: Grid, impassable: Optional[Grid]
            ) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(source ids, resistance, impassable cells) of one window, as SourceDistances takes
    them: ids on NoData are 0; impassable = the resistance's NoData plus the cells that the
    impassable raster marks (non-zero or NoData there)."""
    ids = np.where(labels.mask, 0, labels.values) if labels.mask.any() else labels.values
    blocked = resistance.mask
    if impassable is not None:
        blocked = blocked | impassable.mask | (impassable.values != 0)
    return ids, resistance.values, blocked


@dataclass(frozen=True)
class _Inputs:
    """The setup of a worker: reads the whole inputs once and builds its SourceDistances on
    the shared store (the same key as any other caller's on these inputs)."""

    labels: WindowSource
    resistance: WindowSource
    impassable: Optional[WindowSource]
    cell_size: Optional[CellSize]
    max_cost: float
    method: str
    store: FolderStore

    def distances(self) -> SourceDistances:
        rows, cols = self.resistance.shape
        whole = ((0, rows), (0, cols))
        resistance = self.resistance.read(*whole)
        cell_size = resistance.cell_size if self.cell_size is None else self.cell_size
        ids, values, blocked = _arrays(
            self.labels.read(*whole), resistance,
            None if self.impassable is None else self.impassable.read(*whole))
        del resistance
        # max_bytes=0: a worker keeps one surface at a time; the store keeps them all.
        return SourceDistances(ids, values, impassable=blocked, cell_size=cell_size,
                               max_cost=self.max_cost, method=self.method, max_bytes=0,
                               store=self.store)

    def __call__(self) -> Tuple[SourceDistances, FolderStore]:
        return self.distances(), self.store


def _search(state: Tuple[SourceDistances, FolderStore], source: int) -> Tuple[int, bool]:
    """One task: the surface of ``source`` searched and saved (or found in the store);
    (source, whether this task saved a new surface)."""
    distances, store = state
    searches, saved = distances.searches, store.saved
    distances(source)
    return source, distances.searches > searches and store.saved > saved


def _present_ids(inputs: _Inputs) -> List[int]:
    """The ids with at least one passable cell, read a band of rows at a time (the client
    never holds the whole raster)."""
    rows, cols = inputs.resistance.shape
    step = max(1, SCAN_CELLS // max(1, cols))
    found: Set[int] = set()
    for start in range(0, rows, step):
        band = ((start, min(rows, start + step)), (0, cols))
        ids, _, blocked = _arrays(
            inputs.labels.read(*band), inputs.resistance.read(*band),
            None if inputs.impassable is None else inputs.impassable.read(*band))
        present = np.asarray(ids)[~blocked]
        found.update(int(v) for v in np.unique(present[present > 0]))
    return sorted(found)


def _in_memory(*sources: Optional[WindowSource]) -> bool:
    return all(source is None or isinstance(source, ArrayRaster) for source in sources)


def prefetch_surfaces(labels: Input, resistance: Input, *, impassable: Optional[Input] = None,
                      cell_size: Optional[CellSize] = None, max_cost: float = math.inf,
                      method: str = "auto", store: FolderStore, executor: Any = None,
                      sources: Optional[Iterable[int]] = None,
                      progress: Optional[Progress] = None) -> int:
    """Compute the cost-distance surface of each source on ``executor``'s workers into
    ``store``.

    Afterwards a :class:`~espcore.corridors.costdistance.SourceDistances` built on the same
    inputs and limit with ``store=store`` (as :func:`espcore.corridors.corridors.linkage_pathways`,
    :func:`espcore.corridors.barriers.barrier_links` and the pinch points build theirs) loads
    these surfaces instead of searching them.

    Parameters
    ----------
    labels : WindowSource or 2-D int array
        Source id of every cell; 0, negative or NoData = no source.
    resistance : WindowSource or 2-D float array
        Cost per map unit; its NoData cells are impassable.
    impassable : WindowSource or 2-D bool array, optional
        Further cells never entered (non-zero or NoData there). With arrays, give the same
        mask the later code gives ``SourceDistances``.
    cell_size : float or (width, height), optional
        Map units; default the resistance raster's (1 for a bare array).
    max_cost : float
        The search limit of the later code (a surface with another limit has another key):
        ``linkage_pathways`` searches to ``max_cost + truncate`` (``max_cost`` alone with
        ``keep_untruncated``), pinch points and barriers without a limit.
    method : str
        As :func:`~espcore.corridors.costdistance.cost_distance` (every method gives the
        same surface).
    store : FolderStore
        Where the surfaces go; its folder must be seen by every worker (a shared disk for a
        cluster).
    executor : SerialExecutor, ProcessExecutor or DaskExecutor, optional
        Where the searches run (default: this process).
    sources : ids, optional
        The sources to compute (default: every id with a passable cell).
    progress : Progress, optional
        One step per source; cancelling stops the workers (surfaces saved so far stay).

    Returns
    -------
    int
        The number of surfaces computed and saved here. Sources already in the store are
        skipped (a rerun resumes); a surface the store declined (disk nearly full) is not
        counted, and the later code searches it itself.

    Raises
    ------
    EspInputError
        Rasters of different shapes; a source without a passable cell (raised by the worker
        that searched it).
    Cancelled
        When the user stops the run.

    Notes
    -----
    A cost-distance search is global: a path may wander anywhere on the grid, so every
    worker reads the whole extent of the inputs (once, for all its tasks) and holds it with
    the search, about :data:`WORKER_BYTES_PER_CELL` bytes per cell (:func:`worker_bytes`:
    2.3 GB per worker at 23 million cells), whatever the number of sources. The client reads
    a band of rows at a time to list the ids of a raster it does not hold; with inputs in
    memory it also checks the store itself, so a run whose surfaces are all saved starts no
    worker.
    """
    progress = progress or NullProgress()
    executor = executor or SerialExecutor()
    label_source, resistance_source = _source(labels), _source(resistance)
    impassable_source = None if impassable is None else _source(impassable)
    shape = tuple(resistance_source.shape)
    mask_shape = shape if impassable_source is None else tuple(impassable_source.shape)
    if tuple(label_source.shape) != shape or mask_shape != shape:
        raise EspInputError("The {what} raster ({shape}), the resistance raster ({rshape}) "
                            "and the NoData mask ({mshape}) must have the same size.",
                            what="source", shape=tuple(label_source.shape), rshape=shape,
                            mshape=mask_shape)
    inputs = _Inputs(label_source, resistance_source, impassable_source, cell_size,
                     float(max_cost), method, store)
    wanted: Sequence[int] = sorted({int(s) for s in sources}) if sources is not None \
        else _present_ids(inputs)
    if _in_memory(label_source, resistance_source, impassable_source):
        # Cheap here: the arrays are views of the caller's, and one digest pass tells which
        # surfaces are saved, without starting a worker for them.
        client = inputs.distances()
        # SourceDistances' own key (private to costdistance): the one its store lookups use.
        wanted = [s for s in wanted if not store.has(client.key(s))]
        del client
    if not wanted:
        progress.update(1.0)
        return 0
    computed = 0
    for done, (_, saved) in enumerate(executor.run(inputs, _search, wanted, progress,
                                                   batch=1), start=1):
        computed += bool(saved)
        progress.update(done / len(wanted))
    return computed


__all__ = ["MIN_PARALLEL_WORK", "WORKER_BYTES_PER_CELL", "pathways_limit", "prefetch_surfaces",
           "worker_bytes", "worth_parallel"]
