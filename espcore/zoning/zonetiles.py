"""Restoration zones of rasters larger than memory, tile by tile with windowed reads.

:func:`zone_tiles` gives what :func:`.zones.zoning_elements`, :func:`.zones.restoration_zones`
and :func:`.zones.zone_tally` give on a whole raster, for inputs read window by window
(:class:`~espcore.rasterfile.RasterFile` on a disk every worker sees, or
:class:`~espcore.rasterfile.ArrayRaster`), on one machine or on a cluster's workers
(:func:`espcore.tiled.run_tiles`). A worker holds one tile's read window; the caller holds
the small figures of each tile and, for the natural breaks, the merged tile samples.

Every zone rule combines masks cell by cell, except two:

* **The buffer of the link cells** reaches ``buffer`` map units. Every tile is read with a
  halo of ``ceil(buffer / cell)`` cells (``cell`` the smaller cell side, as the whole-raster
  buffer uses), so the corridors on a tile's own cells are those of the whole raster.
* **A natural-breaks threshold** (an empty pinch, barrier or degradation threshold) is
  global. Pass 1 keeps, per tile, the values :func:`.zones.key_cells` would classify (the
  candidates): every one of them when the tile holds at most ``2 x tile_sample``, else
  ``tile_sample`` order statistics evenly spaced in rank (the rule by which
  :func:`espcore.classify.natural_breaks` samples) plus the ``tile_sample / 2`` smallest and
  largest, each weighted by the ranks nearest to it (:func:`rank_sample`). The caller merges
  the samples and takes the natural breaks; pass 2 zones every tile at that fixed threshold
  and counts its cells per zone (and per unit and zone).

Exactness. With every threshold given, and with natural breaks whenever no tile holds more
than ``2 x tile_sample`` candidates (so always when the whole raster holds at most
:data:`~espcore.classify.JENKS_SAMPLE`, as the whole run then classifies every value), the
zones, the limits and the tallies are those of the whole-raster functions, cell for cell.
Otherwise the whole run classifies the ``JENKS_SAMPLE`` order statistics of all candidates
evenly spaced in rank, and the tiled run the same ranks read off the merged tile samples:
exact for the ``tile_sample / 2 - 1`` largest and smallest values, and elsewhere within about
``sum_t n_t / (2 tile_sample) + tiles`` ranks of the whole run's (``n_t`` the candidates of
tile t), half the sample's rank spacing with the default ``tile_sample``. The breaks then
move about as much as the whole run's own breaks move when its sample ranks shift by a
fraction of their spacing. Measured: on 1.6e7 continuous values in 64 tiles (uniform,
exponential, lognormal) the top class gained or lost 0 to 0.006 % of its cells, less than
the whole run's own change when its sample holds one value more (up to 0.010 %); on a
2e7-cell barrier map in 25 tiles, 0.2 % of its 383,000 cells (0.009 % of the candidates),
where a quarter-spacing shift of the whole run's sample moves 0.3 %.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np

from ..classify import JENKS_SAMPLE, natural_breaks
from ..errors import EspInputError
from ..grid import Grid
from ..progress import NullProgress, Progress, SubProgress, check_cancelled
from ..rasterfile import WindowSource
from ..tiled import FIGURES, PartStore, TileRun, figures, run_tiles
from ..tiles import Tile, tiling
from .zones import ZONES, ZoneTally, ZoningElements, restoration_zones, zoning_elements

#: The part each tile writes: its zone codes (uint8, 0 = NoData), the tile's core.
ZONES_PART = "zones"
#: The graded elements: the name in :class:`.zones.ZoningElements` and its limit.
GRADED = ("pinch", "barriers", "degraded")
_LIMITS = {"pinch": "pinch_limit", "barriers": "barrier_limit", "degraded": "degraded_limit"}
#: Pass 1's parts live in this sub-folder of the caller's store.
_SAMPLES = "breaks"


@dataclass(frozen=True)
class _Job:
    """What every worker reads and how it zones (picklable: references and options)."""

    resistance: WindowSource
    sources: WindowSource
    rasters: Mapping[str, WindowSource]  # "pinch", "barriers", "degraded" (the quality)
    nlcc: Optional[WindowSource]
    width: Optional[float]
    link_cells: Optional[WindowSource]
    buffer: float
    quality_low: bool
    land_cover: Optional[WindowSource]
    break_classes: Tuple[float, ...]
    stepping_stones: Optional[WindowSource]
    units: Optional[WindowSource]
    #: Pass 1: the graded elements to sample, and the values kept per tile.
    sampled: Tuple[str, ...] = ()
    tile_sample: int = JENKS_SAMPLE
    #: Pass 2: the threshold of each graded element given (None: no key cell anywhere).
    thresholds: Mapping[str, Optional[float]] = field(default_factory=dict)


def _given(job: _Job) -> _Job:
    return job


def _read(source: WindowSource, tile: Tile) -> Grid:
    return source.read(tile.read_rows, tile.read_cols)


def _marked(source: Optional[WindowSource], tile: Tile) -> Optional[np.ndarray]:
    """A mask raster's window: True on cells with data and a value above 0."""
    if source is None:
        return None
    grid = _read(source, tile)
    return ~grid.mask & (grid.values > 0)


def _nan(grid: Grid) -> np.ndarray:
    """A grid's values as float64 with NaN on NoData (as the whole-raster rules read them)."""
    return np.where(grid.mask, np.nan, grid.values.astype(np.float64))


def _low(job: _Job, name: str) -> bool:
    return name == "degraded" and job.quality_low


#: The keyword of :func:`.zones.zoning_elements` for each graded raster and its threshold.
_KEYWORDS = {"pinch": ("pinch", "pinch_threshold"),
             "barriers": ("barriers", "barrier_threshold"),
             "degraded": ("quality", "quality_threshold")}


def _elements(job: _Job, tile: Tile, *, corridors: bool = True,
              graded: Optional[Mapping[str, Grid]] = None) -> ZoningElements:
    """The whole-raster element rules on the tile's read window; with ``graded`` (pass 2)
    every element, the graded ones at the fixed thresholds."""
    options: Dict[str, Any] = {}
    if corridors:
        options.update(nlcc=None if job.nlcc is None else _read(job.nlcc, tile),
                       width=job.width, link_cells=_marked(job.link_cells, tile),
                       buffer=job.buffer)
    if graded is not None:
        for name, grid in graded.items():
            key, threshold = _KEYWORDS[name]
            options[key], options[threshold] = grid, job.thresholds[name]
        options.update(quality_low=job.quality_low,
                       land_cover=None if job.land_cover is None
                       else _read(job.land_cover, tile),
                       break_classes=job.break_classes,
                       stepping_stones=_marked(job.stepping_stones, tile))
    sources = _marked(job.sources, tile)
    assert sources is not None
    return zoning_elements(_read(job.resistance, tile), sources=sources, **options)


def _within(elements: ZoningElements, name: str) -> np.ndarray:
    """The cells :func:`.zones.zoning_elements` lets become key cells of ``name``."""
    if name == "pinch":
        return elements.valid
    if name == "barriers":
        return elements.valid & ~elements.sources
    return (elements.sources | elements.corridors) & elements.valid


def rank_sample(ordered: np.ndarray, size: int) -> Tuple[np.ndarray, np.ndarray]:
    """A bounded sample of sorted values and the number of ranks each value stands for.

    Every value when there are at most ``2 size``. Else the ``size`` order statistics
    ``ordered[round(r (n - 1) / (size - 1))]`` (the sampling rule of
    :func:`espcore.classify.natural_breaks`) together with the ``size // 2`` smallest and
    the ``size // 2`` largest values, each weighted by the ranks nearer to it than to its
    neighbours (the lower one on a tie). The weights (int64) sum to ``n``.

    The kept tails make the merged sample of many tiles exact at both ends: the ``size // 2``
    largest (smallest) values of the raster are among the tiles' largest (smallest).
    """
    n = ordered.size
    if n <= 2 * size:
        return ordered.astype(np.float64), np.ones(n, dtype=np.int64)
    tail = size // 2
    picked = np.unique(np.concatenate([
        np.arange(tail), np.round(np.linspace(0.0, n - 1, size)).astype(np.int64),
        np.arange(n - tail, n)]))
    bounds = np.concatenate([[0], (picked[:-1] + picked[1:]) // 2 + 1, [n]])
    return ordered[picked].astype(np.float64), np.diff(bounds).astype(np.int64)


def _sample_work(job: _Job, tile: Tile) -> Dict[str, Any]:
    """Pass 1: each sampled element's candidate values on the tile's core, sampled."""
    elements = _elements(job, tile, corridors="degraded" in job.sampled)
    inner = tile.inner
    result: Dict[str, Any] = {}
    counts: Dict[str, int] = {}
    for name in job.sampled:
        values = _nan(job.rasters[name].read(tile.rows, tile.cols))
        usable = np.isfinite(values) & _within(elements, name)[inner]
        if not _low(job, name):
            usable &= values > 0  # as key_cells: 0 is "nothing" on current and scores
        kept, weights = rank_sample(np.sort(values[usable]), job.tile_sample)
        result[name + "_values"], result[name + "_weights"] = kept, weights
        counts[name] = int(weights.sum())
    result[FIGURES] = {"candidates": counts}
    return result


def _unit_ids(grid: Grid) -> np.ndarray:
    """Unit per cell, 0 outside every unit (NoData too); whole numbers of 0 or more."""
    values = np.asarray(grid.values)
    outside = grid.mask.copy()
    if np.issubdtype(values.dtype, np.floating):
        outside |= ~np.isfinite(values)
    ids = np.where(outside, 0, values)
    if ids.size and (ids.min() < 0 or (np.issubdtype(ids.dtype, np.floating)
                                       and np.any(ids != np.floor(ids)))):
        raise EspInputError("Unit ids must be whole numbers of 0 or more (0 = in no unit); "
                            "the unit raster holds other values.")
    return ids.astype(np.int64)


def _zone_work(job: _Job, tile: Tile) -> Dict[str, Any]:
    """Pass 2: the tile's zone codes, its cells per zone (and unit), its key cells."""
    # A graded element whose merged sample held no value has no key cell: left out.
    graded = {name: _read(source, tile) for name, source in job.rasters.items()
              if job.thresholds[name] is not None}
    elements = _elements(job, tile, graded=graded)
    zones = restoration_zones(elements.valid, sources=elements.sources,
                              corridors=elements.corridors, pinch=elements.pinch,
                              barriers=elements.barriers, breakpoints=elements.breakpoints,
                              degraded=elements.degraded,
                              stepping_stones=elements.stepping_stones)
    inner = tile.inner
    core = np.ascontiguousarray(zones[inner])
    counts = np.bincount(core.ravel(), minlength=max(ZONES) + 1)
    keys: Dict[str, List[Any]] = {}
    for name, grid in graded.items():
        mask = getattr(elements, name)
        picked = _nan(grid)[inner][mask[inner]]
        extreme = (picked.max() if _low(job, name) else picked.min()) if picked.size else None
        keys[name] = [int(picked.size), None if extreme is None else float(extreme)]
    found: Dict[str, Any] = {"cells": [int(counts[code]) for code in ZONES], "keys": keys}
    if job.units is not None:
        units = _unit_ids(job.units.read(tile.rows, tile.cols))
        zoned = core > 0
        pairs, cells = np.unique(units[zoned] * (max(ZONES) + 1) + core[zoned],
                                 return_counts=True)
        found["units"] = [[int(pair) // (max(ZONES) + 1), int(pair) % (max(ZONES) + 1),
                           int(count)] for pair, count in zip(pairs, cells)]
    return {ZONES_PART: core, FIGURES: found}


@dataclass
class TiledZones:
    """What :func:`zone_tiles` did and found.

    ``tiles``: the tiling (its cores cover the raster once; assemble the part
    :data:`ZONES_PART` with :func:`espcore.tiled.assemble`); ``run`` / ``sample_run``: the
    tiles computed and resumed in pass 2 and pass 1 (None without natural breaks).
    ``thresholds``: the threshold each graded element was cut at in pass 2, as
    :func:`.zones.key_cells` reads one (given, or derived from the breaks: a value just above
    the cut), None where no cell had a value to grade. ``breaks``: the natural-breaks edges
    of the elements without a threshold; ``exact``: whether those edges came from the whole
    run's own sample (see the module notes); ``candidates``: the values they were taken on.
    ``pinch_limit`` / ``barrier_limit`` / ``degraded_limit``: as
    :class:`.zones.ZoningElements` reports them (NaN when not given or no key cell);
    ``key_cells``: the number of key cells of each graded element.
    ``tally``: :func:`.zones.zone_tally` of the whole zone raster. ``unit_ids`` (sorted, 0 =
    in no unit) and ``unit_cells`` (one row per unit, one column per zone of
    :data:`.zones.ZONES`): the zoned cells of each unit (empty without a unit raster).
    """

    tiles: List[Tile]
    run: TileRun
    sample_run: Optional[TileRun]
    thresholds: Dict[str, Optional[float]]
    breaks: Dict[str, np.ndarray]
    exact: Dict[str, bool]
    candidates: Dict[str, int]
    key_cells: Dict[str, int]
    tally: ZoneTally
    unit_ids: np.ndarray
    unit_cells: np.ndarray
    cell_area: float
    pinch_limit: float = math.nan
    barrier_limit: float = math.nan
    degraded_limit: float = math.nan

    @property
    def unit_area(self) -> np.ndarray:
        """Area of each zone in each unit (rows as ``unit_ids``), squared map units."""
        return self.unit_cells * self.cell_area

    def unit_tally(self, unit: int) -> ZoneTally:
        """The zone tally of one unit (all 0 for a unit with no zoned cell)."""
        row = np.flatnonzero(self.unit_ids == unit)
        cells = self.unit_cells[row[0]] if row.size else np.zeros(len(ZONES), dtype=np.int64)
        return ZoneTally(ZONES, cells.copy(), cells * float(self.cell_area))


def _check_grid(shape: Tuple[int, int], sources: Mapping[str, Optional[WindowSource]]) -> None:
    for name, source in sources.items():
        if source is not None and tuple(source.shape) != tuple(shape):
            raise EspInputError("The {name} raster has shape {got}, not the resistance "
                                "raster's {shape}.", name=name, got=tuple(source.shape),
                                shape=tuple(shape))


def _check_options(buffer: float, classes: int, sample: int,
                   thresholds: Mapping[str, Optional[float]]) -> None:
    if not (math.isfinite(buffer) and buffer >= 0):
        raise EspInputError("The buffer distance must be 0 or more, not {value}.", value=buffer)
    for value in thresholds.values():
        if value is not None and not math.isfinite(value):
            raise EspInputError("A threshold must be a finite number, not {value}.",
                                value=value)
    if isinstance(classes, bool) or not isinstance(classes, (int, np.integer)) or classes < 1:
        raise EspInputError("The number of classes must be a whole number from 1 up, not "
                            "{classes}.", classes=classes)
    if isinstance(sample, bool) or not isinstance(sample, (int, np.integer)) \
            or sample < max(2 * int(classes), 2):
        raise EspInputError("Each tile must keep at least twice the number of classes "
                            "({needed} values) for the natural breaks, not {sample}.",
                            needed=max(2 * int(classes), 2), sample=sample)


def halo_cells(buffer: float, cell_size: Tuple[float, float]) -> int:
    """Cells a tile must read beyond its core for the buffer of the link cells."""
    cell = min(abs(cell_size[0]), abs(cell_size[1]))
    return int(math.ceil(buffer / cell)) if buffer > 0 else 0


def _fresh_or_kept(folder: str, name: str, record: Mapping[str, Any], resume: bool) -> bool:
    """Whether the parts in ``folder`` may be kept: ``resume`` and the job recorded there is
    this one. Records this job either way, so that a rerun after a cancel resumes."""
    path = os.path.join(folder, name)
    text = json.dumps(record, sort_keys=True)
    if resume and os.path.exists(path):
        with open(path, encoding="utf-8") as handle:
            if handle.read() == text:
                return True
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    return False


def _merged_breaks(store: PartStore, tiles: Sequence[Tile], name: str, classes: int,
                   progress: Progress) -> Tuple[Optional[np.ndarray], bool]:
    """Natural breaks of the merged tile samples of ``name``, and whether the sample is the
    whole run's own. None when no tile holds a candidate."""
    values = np.concatenate([store.load(t.index, name + "_values") for t in tiles])
    weights = np.concatenate([store.load(t.index, name + "_weights") for t in tiles])
    if values.size == 0:
        return None, True
    if bool(np.all(weights == 1)):
        # Every candidate was kept: natural_breaks samples them as the whole run does.
        return natural_breaks(values, classes, progress=progress), True
    order = np.argsort(values, kind="stable")
    ranks = np.cumsum(weights[order])
    total = int(ranks[-1])
    wanted = np.round(np.linspace(0.0, total - 1, min(total, JENKS_SAMPLE))).astype(np.int64)
    sample = values[order][np.searchsorted(ranks, wanted, side="right")]
    return natural_breaks(sample, classes, max_sample=JENKS_SAMPLE, progress=progress), False


def _cut_threshold(edges: np.ndarray, low: bool) -> float:
    """The threshold (as :func:`.zones.key_cells` reads one) that selects the key class of
    ``edges``: the top class ``x > edges[-2]`` (one class: every candidate), or with ``low``
    the bottom class ``x <= edges[1]``."""
    if low:
        return float(np.nextafter(edges[1], np.inf))
    if edges.size == 2:
        return float(edges[0])
    return float(np.nextafter(edges[-2], np.inf))


def zone_tiles(resistance: WindowSource, *, sources: WindowSource,
               nlcc: Optional[WindowSource] = None, width: Optional[float] = None,
               link_cells: Optional[WindowSource] = None, buffer: float = 0.0,
               pinch: Optional[WindowSource] = None, pinch_threshold: Optional[float] = None,
               barriers: Optional[WindowSource] = None,
               barrier_threshold: Optional[float] = None,
               quality: Optional[WindowSource] = None,
               quality_threshold: Optional[float] = None, quality_low: bool = True,
               land_cover: Optional[WindowSource] = None, break_classes: Sequence[float] = (),
               stepping_stones: Optional[WindowSource] = None,
               units: Optional[WindowSource] = None, classes: int = 5,
               cell_area: Optional[float] = None, store: PartStore, tile: int,
               tile_sample: int = JENKS_SAMPLE, executor: Any = None, resume: bool = True,
               progress: Progress = NullProgress()) -> TiledZones:
    """Restoration zones and their tally, tile by tile (see the module notes).

    Parameters
    ----------
    resistance, sources, nlcc, width, link_cells, buffer, pinch, pinch_threshold, barriers,
    barrier_threshold, quality, quality_threshold, quality_low, land_cover, break_classes,
    stepping_stones, classes
        As for :func:`.zones.zoning_elements`, every raster a
        :class:`~espcore.rasterfile.WindowSource` on the resistance grid. ``sources``,
        ``link_cells`` and ``stepping_stones`` are marked where they hold a value above 0
        (NoData is unmarked).
    units : optional unit (county) raster: whole numbers, 0 or NoData = in no unit. Its
        zoned cells are counted per unit and zone.
    cell_area : area of one cell for the tallies; default ``dx * dy`` of the resistance
        raster (squared map units).
    store : where the parts go (a folder every worker sees). Pass 1 uses its sub-folder
        ``breaks``; pass 2 writes the part :data:`ZONES_PART` of every tile.
    tile : side of a tile's core, in cells.
    tile_sample : candidate values a tile keeps evenly spaced in rank for the natural breaks
        (at least twice ``classes``); with the tails, at most ``2 x tile_sample`` per tile
        and graded element. Merging them takes up to ``64 x tiles x tile_sample`` bytes (a
        2.4e8-cell raster in 2048-cell tiles: about 40 MB).
    executor : where the tiles run (default: this process), see :mod:`espcore.executor`.
    resume : keep the tiles a previous run of the same job finished in ``store`` (a changed
        option or threshold computes every tile again; a changed input file is not seen, so
        give every job its own store).
    progress : fraction done; checked for cancellation.

    Returns
    -------
    :class:`TiledZones`.

    Raises
    ------
    EspInputError
        A raster not on the resistance grid, a threshold that is not finite, a negative
        buffer, bad ``classes`` / ``tile`` / ``tile_sample``, unit ids that are not whole
        numbers of 0 or more.
    Cancelled
        The user cancelled; a rerun with ``resume`` computes only the missing tiles.
    """
    shape = tuple(int(v) for v in resistance.shape)
    assert len(shape) == 2
    rasters = {name: source for name, source in (("pinch", pinch), ("barriers", barriers),
                                                 ("degraded", quality))
               if source is not None}
    _check_grid((shape[0], shape[1]), {
        "sources": sources, "corridor": nlcc, "link cell": link_cells,
        "pinch point": pinch, "barrier": barriers, "quality": quality,
        "land-cover": land_cover, "stepping-stone": stepping_stones, "unit": units})
    given = {"pinch": pinch_threshold, "barriers": barrier_threshold,
             "degraded": quality_threshold}
    _check_options(buffer, classes, tile_sample, given)
    given = {name: None if value is None else float(value) for name, value in given.items()}
    if cell_area is not None and not (math.isfinite(cell_area) and cell_area >= 0):
        raise EspInputError("The cell area must be 0 or more, not {value}.", value=cell_area)
    corner = resistance.read((0, 1), (0, 1))
    area = abs(corner.cell_size[0] * corner.cell_size[1]) if cell_area is None \
        else float(cell_area)
    halo = halo_cells(buffer, corner.cell_size) if link_cells is not None else 0
    tiles = tiling((shape[0], shape[1]), tile, halo)
    width = None if width is None else float(width)
    job = _Job(resistance, sources, rasters, nlcc, width, link_cells, float(buffer),
               bool(quality_low), land_cover, tuple(float(v) for v in break_classes),
               stepping_stones, units)
    # What a finished tile depends on besides the input files (see _fresh_or_kept).
    inputs = {"nlcc": nlcc, "link_cells": link_cells, "land_cover": land_cover,
              "stepping_stones": stepping_stones, "units": units, **rasters}
    layout = {"shape": list(shape), "tile": int(tile), "halo": halo, "width": width,
              "buffer": float(buffer), "quality_low": bool(quality_low),
              "inputs": sorted(name for name, source in inputs.items() if source is not None)}

    sampled = tuple(name for name in GRADED if name in rasters and given[name] is None)
    thresholds: Dict[str, Optional[float]] = {name: given[name] for name in rasters}
    breaks: Dict[str, np.ndarray] = {}
    exact: Dict[str, bool] = {}
    candidates: Dict[str, int] = {}
    sample_run = None
    zoning = progress
    if sampled:
        samples = PartStore(os.path.join(store.folder, _SAMPLES))
        record = dict(layout, sampled=list(sampled), tile_sample=int(tile_sample))
        keep = _fresh_or_kept(samples.folder, "job.json", record, resume)
        sample_job = replace(job, sampled=sampled, tile_sample=int(tile_sample))
        sample_run = run_tiles(tiles, partial(_given, sample_job), _sample_work, samples,
                               executor=executor, resume=keep,
                               progress=SubProgress(progress, 0.0, 0.4))
        counts = [f["candidates"] for f in figures(samples, tiles)]
        for k, name in enumerate(sampled):
            check_cancelled(progress)
            candidates[name] = sum(c[name] for c in counts)
            part = SubProgress(progress, 0.4 + 0.1 * k / len(sampled),
                               0.4 + 0.1 * (k + 1) / len(sampled))
            edges, exact[name] = _merged_breaks(samples, tiles, name, int(classes), part)
            if edges is not None:
                breaks[name] = edges
                thresholds[name] = _cut_threshold(edges, name == "degraded" and quality_low)
            else:
                thresholds[name] = None
        zoning = SubProgress(progress, 0.5, 1.0)

    record = dict(layout, thresholds=thresholds, break_classes=list(job.break_classes))
    keep = _fresh_or_kept(store.folder, "zones.json", record, resume)
    zone_job = replace(job, thresholds=thresholds)
    run = run_tiles(tiles, partial(_given, zone_job), _zone_work, store, executor=executor,
                    resume=keep, progress=zoning)

    cells = np.zeros(len(ZONES), dtype=np.int64)
    keys: Dict[str, int] = {name: 0 for name in rasters}
    limits: Dict[str, float] = {}
    per_unit: Dict[int, np.ndarray] = {}
    for found in figures(store, tiles):
        cells += np.asarray(found["cells"], dtype=np.int64)
        for name, (count, extreme) in found["keys"].items():
            keys[name] += int(count)
            if extreme is not None:
                low = name == "degraded" and quality_low
                before = limits.get(name, extreme)
                limits[name] = max(before, extreme) if low else min(before, extreme)
        for unit, code, count in found.get("units", []):
            row = per_unit.setdefault(int(unit), np.zeros(len(ZONES), dtype=np.int64))
            row[ZONES.index(code)] += count
    ids = np.array(sorted(per_unit), dtype=np.int64)
    table = np.array([per_unit[u] for u in ids.tolist()], dtype=np.int64).reshape(-1, len(ZONES))
    result = TiledZones(tiles, run, sample_run, thresholds, breaks, exact, candidates, keys,
                        ZoneTally(ZONES, cells, cells * area), ids, table, area)
    for name, limit in limits.items():
        setattr(result, _LIMITS[name], float(limit))
    progress.update(1.0)
    return result


__all__ = ["GRADED", "TiledZones", "ZONES_PART", "halo_cells", "rank_sample", "zone_tiles"]
