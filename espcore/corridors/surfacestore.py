"""Cost-distance surfaces kept as ``.npy`` files in a folder, for every process that sees it.

A :class:`FolderStore` is the :class:`~espcore.corridors.costdistance.SurfaceStore` that the
workflow lends its steps (``algorithms/io/surfaces.py`` makes one per run) and that the
workers of :func:`espcore.corridors.surfacetasks.prefetch_surfaces` fill: a worker process (no
QGIS there) saves each surface it searched, the steps load them. It is a small picklable
value (the folder's path), so the folder must be one that every worker sees: a local folder
for local worker processes, a shared disk for a cluster.

Besides :mod:`espcore.rasterfile`, this is the one module of the core that touches files.
"""

from __future__ import annotations

import os
import shutil
from typing import Optional

import numpy as np

#: Disk space a saved surface must leave free (bytes): below it the store declines to save.
SPARE_BYTES = 1 << 30


class FolderStore:
    """Surfaces as ``<key>.npy`` files in ``folder`` (see
    :class:`espcore.corridors.costdistance.SurfaceStore`).

    ``put`` writes under a temporary name and renames, so a reader (another process) never
    sees a half-written file, and declines when the disk would keep less than
    :data:`SPARE_BYTES` free: sharing is an optimisation, the caller then searches itself.
    ``saved`` counts the surfaces this instance saved (each process counts its own).
    """

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.saved = 0

    def _path(self, key: str) -> str:
        return os.path.join(self.folder, key + ".npy")

    def has(self, key: str) -> bool:
        """Whether a surface is saved under ``key`` (without reading it)."""
        return os.path.exists(self._path(key))

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
        # Named per process: two workers saving the same surface never share a partial file.
        partial = "{0}.{1}.part".format(path, os.getpid())
        try:
            with open(partial, "wb") as handle:
                np.save(handle, surface, allow_pickle=False)
            # Readers never see a half-written file: it appears under its name complete.
            os.replace(partial, path)
            self.saved += 1
        except OSError:
            if os.path.exists(partial):
                os.remove(partial)


__all__ = ["SPARE_BYTES", "FolderStore"]
