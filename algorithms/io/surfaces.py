"""Cost-distance surfaces shared between the child algorithms of one workflow run.

Linkage pathways, pinch points, barriers and collaborative zoning each need the
cost-weighted distance from every source of a link, on the same resistance raster. Run on
their own, they search them themselves. Inside esp:securitypattern, :func:`sharing` lends
them a folder store for the run: the first step that searches a source saves the surface as
an ``.npy`` file, the later steps load it. The keys are content digests
(:func:`espcore.corridors.costdistance.surface_digest` and the source's cells), so a step on
another raster or other sources never gets a wrong surface, only a miss.

The files live in a hidden folder of the run's output folder, removed when the run ends
(also when it fails or is cancelled) and at the start of the next run, in case a crash left
one behind. The store itself (:class:`espcore.corridors.surfacestore.FolderStore`) is in the
core, so that worker processes without QGIS fill it: with more than one worker,
:func:`prefetched` computes the surfaces an algorithm will need on the provider's workers
before its serial part, into the run's store or a temporary one of its own.
"""

import glob
import math
import os
import shutil
import tempfile
from contextlib import ExitStack, contextmanager
from typing import Any, Iterator, List, NamedTuple, Optional, Sequence

import numpy as np

from ...espcore.corridors.surfacestore import SPARE_BYTES, FolderStore
from ...espcore.corridors.surfacetasks import prefetch_surfaces, worker_bytes, worth_parallel
from ...espcore.errors import Cancelled, EspError, EspInputError
from ...espcore.memory import SHARE, available_bytes
from ...espcore.progress import NullProgress, Progress
from ..base import translate, translated_error

#: Prefix of the run's store folder inside the output folder.
PREFIX = ".esp-cost-surfaces-"

_ACTIVE: List[FolderStore] = []


def active() -> Optional[FolderStore]:
    """The store of the workflow run in progress, or None outside a run."""
    return _ACTIVE[-1] if _ACTIVE else None


def remove_stale(folder: str) -> None:
    """Remove store folders that a crashed run left in ``folder``."""
    for stale in glob.glob(os.path.join(glob.escape(folder), PREFIX + "*")):
        shutil.rmtree(stale, ignore_errors=True)


@contextmanager
def sharing(folder: str) -> Iterator[FolderStore]:
    """A store in a new hidden folder of ``folder``, active (see :func:`active`) until the
    block ends, then removed with its files."""
    remove_stale(folder)
    store = FolderStore(tempfile.mkdtemp(prefix=PREFIX, dir=folder))
    _ACTIVE.append(store)
    try:
        yield store
    finally:
        _ACTIVE.remove(store)
        shutil.rmtree(store.folder, ignore_errors=True)


class Prefetch(NamedTuple):
    """What :func:`prefetched` lends: the store to give ``SourceDistances`` (None: none), and
    the number of surfaces the workers computed into it."""

    store: Optional[FolderStore]
    computed: int


def _local(executor: Any) -> bool:
    """Whether the executor's workers run on this machine (local processes, a LocalCluster)."""
    return getattr(executor, "address", None) is None


@contextmanager
def prefetched(labels: np.ndarray, resistance: np.ndarray, *, impassable: np.ndarray,
               cell_size: Any, max_cost: float = math.inf,
               sources: Optional[Sequence[int]] = None, feedback: Any = None,
               progress: Optional[Progress] = None) -> Iterator[Prefetch]:
    """The store an algorithm lends its cost-distance searches, with the surfaces of
    ``sources`` (default: every source on a passable cell) already computed on the provider's
    workers (:func:`espcore.corridors.surfacetasks.prefetch_surfaces`).

    Give exactly the arrays and limit the algorithm gives ``SourceDistances``: the surfaces
    are found by a digest of them. The workers fill the store of the workflow run when one is
    active, else a temporary folder of Processing's, removed when the block ends. With one
    worker, or too little work to pay for starting workers (small rasters), nothing is
    prefetched and the store is the active one (None outside a workflow run): the algorithm
    searches as before. Local workers are limited to those whose copy of the grid fits in
    memory. Bad input stops the run as the algorithm would; any other failure of the workers
    is reported as a warning, and the algorithm searches the missing surfaces itself.
    """
    from ..engine import executor_for  # the provider's settings: QGIS Processing at run time

    store = active()
    ids = np.unique(labels[(labels > 0) & ~impassable]) if sources is None \
        else np.unique(np.asarray(sources, dtype=np.int64))
    try:
        executor = executor_for(None, feedback)
    except EspError as error:  # e.g. the Dask engine without dask.distributed
        if feedback is not None:
            feedback.pushWarning(translated_error(error))
        yield Prefetch(store, 0)
        return
    workers = int(getattr(executor, "workers", 1))
    if workers > 1 and _local(executor):
        free = available_bytes()
        if free is not None:  # each local worker holds the whole grid (see worker_bytes)
            workers = min(workers, int(SHARE * free // max(1.0, worker_bytes(labels.size))))
    if not worth_parallel(labels.size, len(ids), workers):
        yield Prefetch(store, 0)
        return
    executor.workers = workers
    with ExitStack() as stack:
        if store is None:
            from qgis.core import QgsProcessingUtils

            folder = tempfile.mkdtemp(prefix="esp-surfaces-", dir=QgsProcessingUtils.tempFolder())
            stack.callback(shutil.rmtree, folder, True)
            store = stack.enter_context(sharing(folder))
        # The ids travel to every worker: int32 halves them (the key only compares ids).
        small = labels.dtype.itemsize > 4 and labels.size \
            and np.iinfo(np.int32).min <= labels.min() and labels.max() <= np.iinfo(np.int32).max
        narrow = labels.astype(np.int32) if small else labels
        before = _saved_count(store)
        computed = 0
        try:
            computed = prefetch_surfaces(narrow, resistance, impassable=impassable,
                                         cell_size=cell_size, max_cost=max_cost, store=store,
                                         executor=executor, sources=ids.tolist(),
                                         progress=progress or NullProgress())
        except (Cancelled, EspInputError):
            raise  # the algorithm would stop there too (bad input, or the user)
        except Exception as error:  # an optimisation only: the algorithm searches instead
            if feedback is not None:
                feedback.pushWarning(translate(
                    "The cost-distance surfaces could not be computed on {n} workers "
                    "({detail}); they are computed here, one after another.").format(
                        n=workers, detail=error))
        else:
            if feedback is not None and computed:
                feedback.pushInfo(translate(
                    "{count} cost-distance surfaces computed on {n} workers.").format(
                        count=computed, n=workers))
            if feedback is not None and _saved_count(store) - before < computed:
                feedback.pushWarning(translate(
                    "The workers saved their cost-distance surfaces where this computer does "
                    "not see them ({folder}); they are computed here again. A cluster's "
                    "workers need that folder on a shared disk.").format(
                        folder=store.folder))
        del narrow
        yield Prefetch(store, computed)


def _saved_count(store: FolderStore) -> int:
    return len(glob.glob(os.path.join(glob.escape(store.folder), "*.npy")))


__all__ = ["PREFIX", "SPARE_BYTES", "FolderStore", "Prefetch", "active", "prefetched",
           "remove_stale", "sharing"]
