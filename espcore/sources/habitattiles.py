"""Habitat quality on overlapping tiles, for rasters that do not fit in memory.

A cell's degradation depends only on the threat cells within the threat's reach, so a tile
read with a halo of the largest reach (:func:`halo_cells`) gives its core cells exactly the
values of :func:`.habitat.habitat_quality` on the whole raster:

``"invest313"``
    The distance to the nearest threat cell: a threat cell within d_max of a core cell lies
    in the halo, and where the nearest one is farther the window's nearest is farther too
    (the decay is 0). Halo: d_max / cell, rounded down (with the model's 1e-9 slack).
    Bit for bit the whole-raster values.
``"invest312"``
    InVEST's kernel reaches n // 2 cells from its origin, n = round(2 M + 1): M = d_max /
    cell for the linear decay and M = 5 d_max / cell for the exponential one (its kernel
    exp(-d / d_max) runs out to 5 d_max), so the halo of an exponential threat is five times
    its reach.
``"guide_sum"``
    The decay kernel reaches d_max (:func:`.habitat.decay_kernel`), so the halo is d_max /
    cell as for ``"invest313"``; a normalised kernel is divided by the sum of the whole
    kernel, whatever the tile.

With the two convolutions the tile's FFTs have other lengths than the whole raster's, so the
values differ by the FFT's round-off, about 1e-16 of the largest possible sum (and below
1e-12 of it values are set to 0 in either case): in float64 far below 1e-9, so at most one
float32 rounding step apart in the float32 outputs.

The highest degradation is the maximum over the tiles' windows, halos included: a halo cell
misses threat cells beyond the window, and every threat term only grows with more threat
cells (nearer ones), so a halo cell's value never exceeds its true value, while the cores
hold every true value. Rarity needs the class counts of the whole map: a first pass counts
them per tile (and checks the classes, the accessibility and the threat values, so bad
input fails with :func:`.habitat.habitat_quality`'s own message before the expensive pass).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from functools import partial
from typing import Any, Dict, List, Mapping, NamedTuple, Optional, Sequence, Tuple, cast

import numpy as np

from ..errors import EspInputError
from ..grid import Grid, require_same_grid
from ..progress import NullProgress, Progress, SubProgress, check_cancelled
from ..rasterfile import WindowSource
from ..tiled import FIGURES, PartStore, TileRun, figures, run_tiles
from ..tiles import Tile, tiling
from .habitat import (
    _MAX_LISTED,
    _RANGE_SLACK,
    SEMANTICS,
    Threat,
    _check_options,
    _check_tables,
    _match_rasters,
    habitat_quality,
)

#: The parts each tile writes (float32, NaN on NoData); :data:`RARITY` with a baseline.
DEGRADATION, QUALITY, RARITY = "degradation", "quality", "rarity"
#: Sub-folder of the part store holding the first pass (the tiles' class counts).
COUNTS = "counts"
#: Share of the progress bar the first pass takes.
_FIRST = 0.1

Counts = Dict[float, int]


def _cell_size(cell_size: Any) -> Tuple[float, float]:
    if isinstance(cell_size, (int, float)):
        return float(cell_size), float(cell_size)
    return abs(float(cell_size[0])), abs(float(cell_size[1]))


def halo_cells(threats: Sequence[Threat], cell_size: Any, semantics: str) -> int:
    """The halo, in cells, that makes tiles exact: the farthest any threat reaches.

    ``cell_size``: (width, height) in metres, or one number for square cells.
    """
    if semantics not in SEMANTICS:
        raise EspInputError("Unknown habitat-quality semantics '{value}'; use one of "
                            "{choices}.", value=semantics, choices=", ".join(SEMANTICS))
    dx, dy = _cell_size(cell_size)
    halo = 0
    for threat in threats:
        if semantics == "invest312":
            # invest312_kernel: origin n // 2 of a kernel n cells a side
            m = threat.max_distance / dx
            centre = m if threat.decay == "linear" else 5.0 * m
            reach = max(int(round(2.0 * centre + 1.0)), 1) // 2
        else:
            # nearest_threat_decay and decay_kernel: centres within d_max (1e-9 slack)
            far = threat.max_distance * (1.0 + 1e-9)
            reach = max(int(far // dy), int(far // dx))
        halo = max(halo, reach)
    return halo


# ------------------------------------------------------------------------- the job -----

@dataclass(frozen=True)
class _Job:
    """What every worker needs: the sources and the options (no arrays, for files)."""

    landcover: WindowSource
    threat_rasters: Mapping[str, WindowSource]
    threats: Tuple[Threat, ...]
    habitat: Mapping[int, float]
    sensitivity: Mapping[int, Mapping[str, float]]
    accessibility: Optional[WindowSource]
    baseline: Optional[WindowSource]
    half_saturation: float
    normalize_kernel: bool
    semantics: str
    workers: Optional[int]
    #: rarity per current class (sorted codes and their R), after the first pass
    rarity_codes: Tuple[float, ...] = ()
    rarity_values: Tuple[float, ...] = ()


def _setup(job: _Job) -> _Job:
    return job


def _on(grid: Grid, like: Grid) -> Grid:
    """``grid``'s cells with ``like``'s georeferencing: the sources are checked to share
    the grid before the tiles, and two files of one CRS may spell it differently."""
    return Grid(grid.values, grid.mask, like.cell_size, like.geotransform, like.crs)


def _pairs(values: np.ndarray) -> List[List[Any]]:
    codes, counts = np.unique(values, return_counts=True)
    return [[code, count] for code, count in zip(codes.tolist(), counts.tolist())]


def _range(values: np.ndarray) -> List[Any]:
    """[lowest, highest, all finite] of ``values`` (None, None for none)."""
    if not values.size:
        return [None, None, True]
    finite = bool(np.all(np.isfinite(values)))
    return [float(np.nanmin(values)), float(np.nanmax(values)), finite]


def _count_work(job: _Job, tile: Tile) -> Mapping[str, Any]:
    """The first pass over one tile's core: class counts and value ranges."""
    landcover = job.landcover.read(tile.rows, tile.cols)
    data = landcover.values[landcover.valid]
    fractional = bool(np.issubdtype(data.dtype, np.floating) and data.size and (
        not np.all(np.isfinite(data)) or np.any(data != np.round(data))))
    found: Dict[str, Any] = {"cells": int(data.size), "fractional": fractional,
                             "codes": [] if fractional else _pairs(data)}
    if job.accessibility is not None:
        access = _on(job.accessibility.read(tile.rows, tile.cols), landcover)
        found["access"] = _range(access.filled(1.0, np.float64))
    found["threats"] = {}
    for name, source in job.threat_rasters.items():
        values = _on(source.read(tile.rows, tile.cols), landcover).filled(0.0, np.float64)
        found["threats"][name] = _range(values)
    if job.baseline is not None:
        baseline = _on(job.baseline.read(tile.rows, tile.cols), landcover)
        both = landcover.valid & baseline.valid
        found["current"] = _pairs(landcover.values[both])
        found["base"] = _pairs(baseline.values[baseline.valid])
    return {FIGURES: found}


def _quality_work(job: _Job, tile: Tile) -> Mapping[str, Any]:
    """The second pass over one tile: habitat_quality on the tile read with its halo."""
    core = tile.rows[1] - tile.rows[0], tile.cols[1] - tile.cols[0]
    landcover = job.landcover.read(tile.read_rows, tile.read_cols)
    inner = tile.inner
    parts: Dict[str, Any] = {}
    summary = {"max_degradation": 0.0, "quality_sum": 0.0, "quality_cells": 0}
    if not landcover.valid[inner].any():
        for name in (DEGRADATION, QUALITY):
            parts[name] = np.full(core, np.nan, dtype=np.float32)
    else:
        rasters = {name: _on(source.read(tile.read_rows, tile.read_cols), landcover)
                   for name, source in job.threat_rasters.items()}
        access = None
        if job.accessibility is not None:
            access = _on(job.accessibility.read(tile.read_rows, tile.read_cols),
                         landcover).filled(1.0, np.float64)
        result = habitat_quality(
            landcover, rasters, job.threats, job.habitat, job.sensitivity,
            half_saturation=job.half_saturation, accessibility=access,
            normalize_kernel=job.normalize_kernel, semantics=job.semantics,
            workers=job.workers)
        parts[DEGRADATION] = np.ascontiguousarray(result.degradation.values[inner])
        quality = np.ascontiguousarray(result.quality.values[inner])
        parts[QUALITY] = quality
        valid = quality[~np.isnan(quality)].astype(np.float64)
        summary = {"max_degradation": float(result.max_degradation),
                   "quality_sum": float(valid.sum()), "quality_cells": int(valid.size)}
    if job.baseline is not None:
        parts[RARITY] = _rarity(job, tile, landcover.values[inner], landcover.valid[inner])
    parts[FIGURES] = summary
    return parts


def _rarity(job: _Job, tile: Tile, values: np.ndarray, valid: np.ndarray) -> np.ndarray:
    """habitat_rarity's values on the tile's core, from the whole map's class table."""
    assert job.baseline is not None
    baseline = job.baseline.read(tile.rows, tile.cols)
    both = valid & baseline.valid
    out = np.zeros(values.shape, dtype=np.float32)
    if job.rarity_codes and both.any():
        codes = np.asarray(job.rarity_codes)
        position = np.searchsorted(codes, values[both])
        out[both] = np.asarray(job.rarity_values, dtype=np.float32)[position]
    out[~both] = np.nan
    return out


# ------------------------------------------------------------------------ the checks ----

def _outline(source: WindowSource) -> Grid:
    """A grid of ``source``'s shape and georeferencing that holds no array."""
    corner = source.read((0, 1), (0, 1))
    shape = source.shape
    return Grid(np.broadcast_to(np.zeros((), dtype=np.uint8), shape),
                np.broadcast_to(np.zeros((), dtype=bool), shape), corner.cell_size,
                corner.geotransform, None)


def _merge_counts(parts: Sequence[Mapping[str, Any]], key: str) -> Counts:
    total: Counts = {}
    for part in parts:
        for code, count in part.get(key, []):
            total[code] = total.get(code, 0) + int(count)
    return total


def _merge_range(ranges: Sequence[Sequence[Any]]) -> Tuple[float, float, bool]:
    lows = [r[0] for r in ranges if r[0] is not None]
    highs = [r[1] for r in ranges if r[1] is not None]
    return (min(lows) if lows else 0.0, max(highs) if highs else 0.0,
            all(bool(r[2]) for r in ranges))


def _check_counts(parts: Sequence[Mapping[str, Any]], threats: Sequence[Threat],
                  habitat: Mapping[int, float], accessibility: bool) -> None:
    """The errors habitat_quality raises on the whole raster's values, in its order."""
    if sum(int(p["cells"]) for p in parts) == 0:
        raise EspInputError("The land-cover raster has no data: every cell is NoData.")
    if accessibility:
        low, high, finite = _merge_range([p["access"] for p in parts])
        if not finite or low < 0 or high > 1:
            raise EspInputError("Accessibility values must lie between 0 and 1 (ACCESS "
                                "field); found {low:g} to {high:g}.", low=low, high=high)
    if any(p["fractional"] for p in parts):
        raise EspInputError("The {what} raster holds fractional values; it must hold whole "
                            "land-cover class codes.", what="land-cover")
    classes = set(float(c) for c in habitat)
    missing = sorted(c for c in _merge_counts(parts, "codes") if float(c) not in classes)
    if missing:
        listed = ", ".join(str(int(c)) for c in missing[:_MAX_LISTED])
        more = len(missing) - _MAX_LISTED
        raise EspInputError(
            "The {what} raster holds classes that are not in the sensitivity table: "
            "{classes}{more}. Add a row for each (HABITAT 0 and sensitivity 0 for classes "
            "that are no habitat).", what="land-cover", classes=listed,
            more=" and {0} more".format(more) if more > 0 else "")
    for threat in threats:
        low, high, finite = _merge_range([p["threats"][threat.name] for p in parts])
        if not finite:
            raise EspInputError("Threat raster '{name}' holds infinite values.",
                                name=threat.name)
        if low < 0.0 or high > 1.0 + _RANGE_SLACK:
            raise EspInputError("Threat raster '{name}' holds values from {low:g} to "
                                "{high:g}; threat intensities must lie between 0 and 1 (0 = "
                                "no threat). Rescale it, e.g. divide by its maximum.",
                                name=threat.name, low=low, high=high)


def _rarity_table(parts: Sequence[Mapping[str, Any]]) -> Dict[Any, float]:
    """habitat_rarity's class table from the merged counts."""
    current = _merge_counts(parts, "current")
    base = _merge_counts(parts, "base")
    table: Dict[Any, float] = {}
    for code in sorted(current):
        count, n_base = current[code], base.get(code, 0)
        table[code] = 1.0 - count / (n_base + count) if n_base else 0.0
    return table


class HabitatTiles(NamedTuple):
    """What :func:`habitat_tiles` returns."""

    tiles: List[Tile]
    #: the second pass: tiles computed now and tiles a previous run kept
    run: TileRun
    #: the highest D on the grid (0 when nothing is degraded), as HabitatResult's
    max_degradation: float
    #: land-cover class -> R_j (empty without a baseline)
    rarity_by_class: Dict[int, float]
    #: cells with a quality, and their mean quality
    quality_cells: int
    mean_quality: float


def habitat_tiles(
    landcover: WindowSource,
    threat_rasters: Mapping[str, WindowSource],
    threats: Sequence[Threat],
    habitat: Mapping[int, float],
    sensitivity: Mapping[int, Mapping[str, float]],
    *,
    store: PartStore,
    tile: int,
    half_saturation: float = 0.5,
    accessibility: Optional[WindowSource] = None,
    baseline: Optional[WindowSource] = None,
    normalize_kernel: bool = True,
    semantics: str = "invest313",
    executor: Any = None,
    resume: bool = True,
    workers: Optional[int] = None,
    progress: Progress = NullProgress(),
) -> HabitatTiles:
    """:func:`.habitat.habitat_quality` on tiles with a halo (module notes): the parts
    :data:`DEGRADATION`, :data:`QUALITY` and, with a baseline, :data:`RARITY` (float32,
    NaN on NoData) of every tile's core in ``store``.

    Parameters
    ----------
    landcover, threat_rasters, baseline : WindowSource
        As the grids of :func:`.habitat.habitat_quality`, read by window (files, or
        :class:`~espcore.rasterfile.ArrayRaster`), on one grid (shape, cell size, origin).
    accessibility : WindowSource, optional
        beta_x, 0-1 on the same grid; NoData cells count 1 (as cells outside every
        accessibility polygon).
    store : PartStore
        Where the tiles' parts wait (on a disk the workers share).
    tile : int
        Side of a tile's core in cells; each tile is read with :func:`halo_cells` more on
        every side, so a tile much smaller than the halo mostly reads halo.
    executor : optional
        Runs the tiles (:mod:`espcore.executor`); default in this process.
    resume : bool
        Keep the tiles a previous run of the same job left in ``store``.
    workers : int, optional
        Threads of each FFT; default all cores in this process, 1 when ``executor`` runs
        several workers (they already share the cores).
    threats, habitat, sensitivity, half_saturation, normalize_kernel, semantics
        As :func:`.habitat.habitat_quality`.

    Returns
    -------
    HabitatTiles
        The tiles (assemble the parts with :func:`espcore.tiled.assemble`), the second
        pass's :class:`~espcore.tiled.TileRun`, the highest degradation, the rarity per
        class and the mean quality.

    Raises
    ------
    EspInputError
        As :func:`.habitat.habitat_quality`, with the same messages, before the second pass.
    """
    _check_options(semantics, half_saturation)
    _check_tables(threats, habitat, sensitivity)
    # _match_rasters only looks the names up: any mapping of sources will do.
    matched = cast(Dict[str, WindowSource],
                   _match_rasters(threats, cast(Mapping[str, Grid], threat_rasters)))
    outlines = {"land cover": _outline(landcover),
                **{"threat '{0}'".format(n): _outline(s) for n, s in matched.items()},
                **({"baseline land cover": _outline(baseline)} if baseline is not None
                   else {}),
                **({"accessibility": _outline(accessibility)} if accessibility is not None
                   else {})}
    require_same_grid(outlines)
    cell_w, cell_h = _cell_size(outlines["land cover"].cell_size)
    if semantics == "invest312" and not math.isclose(cell_w, cell_h, rel_tol=1e-9):
        raise EspInputError("The InVEST 3.12 semantics needs square cells (as InVEST, which "
                            "resamples to them); the land cover has {w:g} x {h:g} cells. "
                            "Resample it to square cells first.", w=cell_w, h=cell_h)
    if workers is None and getattr(executor, "workers", 1) > 1:
        workers = 1
    halo = halo_cells(threats, (cell_w, cell_h), semantics)
    tiles = tiling(landcover.shape, tile, halo)
    job = _Job(landcover, matched, tuple(threats), dict(habitat),
               {code: dict(row) for code, row in sensitivity.items()}, accessibility,
               baseline, half_saturation, normalize_kernel, semantics, workers)

    first = PartStore(os.path.join(store.folder, COUNTS))
    run_tiles(tiles, partial(_setup, job), _count_work, first, executor=executor,
              resume=resume, progress=SubProgress(progress, 0.0, _FIRST))
    parts = list(figures(first, tiles))
    _check_counts(parts, threats, habitat, accessibility is not None)
    rarity: Dict[int, float] = {}
    if baseline is not None:
        table = _rarity_table(parts)
        rarity = {int(code): value for code, value in table.items()}
        job = _Job(landcover, matched, tuple(threats), job.habitat, job.sensitivity,
                   accessibility, baseline, half_saturation, normalize_kernel, semantics,
                   workers, tuple(table), tuple(table.values()))
    check_cancelled(progress)

    run = run_tiles(tiles, partial(_setup, job), _quality_work, store, executor=executor,
                    resume=resume, progress=SubProgress(progress, _FIRST, 1.0))
    highest, total, cells = 0.0, 0.0, 0
    for part in figures(store, tiles):
        highest = max(highest, float(part["max_degradation"]))
        total += float(part["quality_sum"])
        cells += int(part["quality_cells"])
    progress.update(1.0)
    return HabitatTiles(tiles, run, highest, rarity, cells,
                        total / cells if cells else 0.0)


__all__ = ["DEGRADATION", "HabitatTiles", "QUALITY", "RARITY", "habitat_tiles", "halo_cells"]
