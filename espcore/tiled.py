"""Run a step tile by tile on any executor, keep each finished tile, and resume.

Every tile is one task: the worker reads the tile's window of the inputs itself (see
:mod:`espcore.rasterfile`), computes, and saves the result in a :class:`PartStore` folder on
a disk that the caller and the workers share. Only the tile's index travels back, so the
caller's memory does not grow with the raster or with the number of workers.

A tile's part is complete or absent (written under a temporary name, then renamed), so a
rerun after a crash, a cancel or a lost worker skips the finished tiles and computes only
the rest (``resume``). :func:`assemble` then writes the parts into the output band by band.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from functools import partial
from typing import Any, Callable, Dict, Iterator, List, Mapping, Sequence, Tuple

import numpy as np

from .errors import EspInputError
from .executor import SerialExecutor
from .progress import NullProgress, Progress, check_cancelled
from .tiles import Tile

#: ``work(state, tile) -> {name: array}`` (and optionally small JSON-able figures under the
#: key :data:`FIGURES`): a module-level function, as every executor's work.
TileWork = Callable[[Any, Tile], Mapping[str, Any]]
FIGURES = "figures"
_DONE = "done.json"


class PartStore:
    """Tile results as ``<folder>/<tile>/<name>.npy`` plus a ``done.json`` written last."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        os.makedirs(folder, exist_ok=True)

    def _tile(self, index: int) -> str:
        return os.path.join(self.folder, "{0:06d}".format(index))

    def done(self, index: int) -> bool:
        return os.path.exists(os.path.join(self._tile(index), _DONE))

    def save(self, index: int, result: Mapping[str, Any]) -> None:
        folder = self._tile(index)
        shutil.rmtree(folder, ignore_errors=True)  # a half-written part of a killed worker
        staging = folder + ".part"
        shutil.rmtree(staging, ignore_errors=True)
        os.makedirs(staging)
        names = []
        for name, value in result.items():
            if name == FIGURES:
                continue
            np.save(os.path.join(staging, name + ".npy"), np.asarray(value),
                    allow_pickle=False)
            names.append(name)
        with open(os.path.join(staging, _DONE), "w", encoding="utf-8") as handle:
            json.dump({"arrays": names, FIGURES: result.get(FIGURES, {})}, handle)
        # The part appears under its name complete, or not at all.
        os.replace(staging, folder)

    def load(self, index: int, name: str) -> np.ndarray:
        return np.load(os.path.join(self._tile(index), name + ".npy"), mmap_mode="r")

    def figures(self, index: int) -> Dict[str, Any]:
        with open(os.path.join(self._tile(index), _DONE), encoding="utf-8") as handle:
            figures: Dict[str, Any] = json.load(handle)[FIGURES]
        return figures

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


@dataclass
class _TiledState:
    state: Any
    work: TileWork
    store: PartStore


def _tiled_setup(setup: Callable[[], Any], work: TileWork, folder: str) -> _TiledState:
    return _TiledState(setup(), work, PartStore(folder))


def _run_tile(state: _TiledState, tile: Tile) -> int:
    state.store.save(tile.index, state.work(state.state, tile))
    return tile.index


@dataclass(frozen=True)
class TileRun:
    """What :func:`run_tiles` did: the tiles computed now, and those a previous run kept."""

    computed: int
    resumed: int


def run_tiles(tiles: Sequence[Tile], setup: Callable[[], Any], work: TileWork,
              store: PartStore, *, executor: Any = None, resume: bool = True,
              progress: Progress = NullProgress()) -> TileRun:
    """Compute every tile that ``store`` does not hold yet.

    ``setup()`` builds each worker's read-only state once (small: the references to the
    input files and the options, not arrays); ``work(state, tile)`` computes one tile.
    ``resume=False`` computes every tile again.
    """
    runner = executor if executor is not None else SerialExecutor()
    todo = [tile for tile in tiles if not (resume and store.done(tile.index))]
    resumed = len(tiles) - len(todo)
    finished = resumed
    progress.update(finished / max(len(tiles), 1))
    job = partial(_tiled_setup, setup, work, store.folder)
    for _ in runner.run(job, _run_tile, todo, progress, batch=1):
        finished += 1
        progress.update(finished / len(tiles))
        check_cancelled(progress)
    return TileRun(len(todo), resumed)


RowWriter = Callable[[int, np.ndarray], None]


def _row_bands(tiles: Sequence[Tile]) -> List[Tuple[int, int]]:
    return sorted({tile.rows for tile in tiles})


def assemble(store: PartStore, tiles: Sequence[Tile], name: str, shape: Tuple[int, int],
             write: RowWriter, *, mode: str = "crop", dtype: Any = np.float64,
             fill: float = 0.0) -> None:
    """Write the parts called ``name`` into an output, one band of tile rows at a time.

    ``mode="crop"``: each part is the tile's core. ``mode="sum"``: each part covers the
    tile's read window and overlapping parts add up. ``write(first_row, rows)`` receives
    full-width bands from top to bottom; memory is one band.
    """
    if mode not in ("crop", "sum"):
        raise EspInputError("Unknown assembly mode '{mode}'.", mode=mode)
    for top, bottom in _row_bands(tiles):
        band = np.full((bottom - top, shape[1]), fill, dtype=dtype)
        if mode == "sum":
            band += band_sum(store, tiles, name, (top, bottom), shape[1])
        else:
            for tile in tiles:
                if tile.rows == (top, bottom):
                    band[:, slice(*tile.cols)] = store.load(tile.index, name)
        write(top, band)


def band_sum(store: PartStore, tiles: Sequence[Tile], name: str, span: Tuple[int, int],
             width: int) -> np.ndarray:
    """The parts called ``name``, each covering its tile's read window, added over the rows
    ``span`` of a raster ``width`` cells wide (in tile order, so the sums do not depend on
    which worker finished first)."""
    top, bottom = span
    band = np.zeros((bottom - top, width))
    for tile in tiles:
        r0, r1 = max(tile.read_rows[0], top), min(tile.read_rows[1], bottom)
        if r0 >= r1:
            continue
        part = store.load(tile.index, name)
        band[r0 - top:r1 - top, slice(*tile.read_cols)] += \
            part[r0 - tile.read_rows[0]:r1 - tile.read_rows[0]]
    return band


def assemble_file(store: PartStore, tiles: Sequence[Tile], name: str, target: Any, *,
                  dtype: str = "float32", nodata: float = float("nan"),
                  mode: str = "crop") -> None:
    """:func:`assemble` into ``target``, a raster file made by
    :func:`espcore.rasterfile.create_like`, band by band; NaN cells become ``nodata``."""
    from .rasterfile import write_window

    kind = np.dtype(dtype)

    def write(top: int, band: np.ndarray) -> None:
        if kind.kind == "f":
            band = np.where(np.isnan(band), nodata, band)
        write_window(target, top, 0, band.astype(kind))

    assemble(store, tiles, name, target.shape, write, mode=mode)


def array_writer(out: np.ndarray) -> RowWriter:
    """A :data:`RowWriter` into an array (for results that fit in memory, and tests)."""
    def write(top: int, band: np.ndarray) -> None:
        out[top:top + band.shape[0]] = band
    return write


def figures(store: PartStore, tiles: Sequence[Tile]) -> Iterator[Dict[str, Any]]:
    """Each tile's small figures (:data:`FIGURES`), in tile order."""
    for tile in tiles:
        yield store.figures(tile.index)


__all__ = ["FIGURES", "PartStore", "TileRun", "array_writer", "assemble", "assemble_file",
           "band_sum", "figures",
           "run_tiles"]
