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
one behind.
"""

import glob
import os
import shutil
import tempfile
from contextlib import contextmanager
from typing import Iterator, List, Optional

import numpy as np

#: Prefix of the run's store folder inside the output folder.
PREFIX = ".esp-cost-surfaces-"
#: Disk space a saved surface must leave free (bytes): below it the store declines to save.
SPARE_BYTES = 1 << 30

_ACTIVE: List["FolderStore"] = []


class FolderStore:
    """Surfaces as ``<key>.npy`` files in ``folder`` (see
    :class:`espcore.corridors.costdistance.SurfaceStore`)."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.saved = 0

    def _path(self, key: str) -> str:
        return os.path.join(self.folder, key + ".npy")

    def get(self, key: str) -> Optional[np.ndarray]:
        path = self._path(key)
        if not os.path.exists(path):
            return None
        try:
            # Read whole, not memory-mapped: a mapped file cannot be removed on Windows.
            return np.load(path, allow_pickle=False)
        except (OSError, ValueError):
            return None  # unreadable: the caller searches again

    def put(self, key: str, surface: np.ndarray) -> None:
        try:
            free = shutil.disk_usage(self.folder).free
        except OSError:
            return
        if free < surface.nbytes + SPARE_BYTES:
            return  # sharing is an optimisation: never fill the user's disk for it
        path = self._path(key)
        partial = path + ".part"
        try:
            with open(partial, "wb") as handle:
                np.save(handle, surface, allow_pickle=False)
            # Readers never see a half-written file: it appears under its name complete.
            os.replace(partial, path)
            self.saved += 1
        except OSError:
            if os.path.exists(partial):
                os.remove(partial)


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
