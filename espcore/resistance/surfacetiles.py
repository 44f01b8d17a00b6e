"""Resistance surfaces tile by tile, for rasters that do not fit in memory.

A resistance cell depends only on the inputs at that cell, but on two statistics of the
whole raster: the mean correction (pressure) of each land-cover class
(:func:`.surface.class_mean_correction`) and each factor's lowest and highest value over the
cells where every input holds data (:func:`.surface.rescale`). :func:`resistance_tiles`
therefore makes two passes over tiles without a halo:

1. every tile returns its :class:`ResistanceStatistics` (:func:`resistance_statistics`:
   per-class sums and counts of the correction, per-factor minimum and maximum, and what
   the whole-raster checks need); the tiles' statistics are merged (:meth:`merge`) and
   checked (:meth:`check`), which raises the errors :func:`.surface.resistance_surface`
   raises, with the same messages (all classes missing from the table are listed);
2. every tile computes :func:`.surface.resistance_surface` on its window with those fixed
   statistics.

The result equals the whole-raster surface: bit for bit without a correction (minima and
maxima merge exactly), and to about 1e-15 relative with one (the class sums are added in
another order), which the float32 output may round to the neighbouring float32 value.

Tiles are the tasks of :func:`espcore.tiled.run_tiles` on any executor; both passes keep their
finished tiles in the :class:`~espcore.tiled.PartStore` (the statistics in its sub-folder
``statistics``), so a rerun resumes either pass. Memory: about 60 bytes per cell of one tile
per worker, inputs included.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Dict, List, Mapping, NamedTuple, Optional, Sequence, Tuple

import numpy as np

from ..errors import EspInputError
from ..grid import Grid, require_same_grid
from ..progress import NullProgress, Progress, SubProgress, check_cancelled
from ..rasterfile import WindowSource
from ..tiled import FIGURES, PartStore, TileRun, figures, run_tiles
from ..tiles import Tile, tiling
from .surface import ReclassTable, check_table, normalised_weights, resistance_surface

#: The part each tile writes: float32 resistance, NaN on NoData.
PART = "resistance"
#: Sub-folder of the part store holding the first pass (the tiles' statistics).
STATISTICS = "statistics"
#: Share of the progress bar the first pass takes (it reads every input once).
_FIRST = 0.3
#: At most this many missing class codes are listed in an error message (as in surface).
_MAX_LISTED = 20


def _low(values: np.ndarray) -> Optional[float]:
    return float(values.min()) if values.size else None


def _high(values: np.ndarray) -> Optional[float]:
    return float(values.max()) if values.size else None


def _lowest(a: Optional[float], b: Optional[float]) -> Optional[float]:
    return b if a is None else a if b is None else min(a, b)


def _highest(a: Optional[float], b: Optional[float]) -> Optional[float]:
    return b if a is None else a if b is None else max(a, b)


@dataclass
class ResistanceStatistics:
    """What the resistance surface needs to know of the whole raster, for one window or
    merged over many.

    Attributes
    ----------
    cells : int
        Land-cover cells that hold data.
    fractional : bool
        A land-cover cell holds a fractional or infinite value (then nothing below counts).
    missing : tuple of int
        Classes found in the land cover but not in the table, sorted.
    mapped : int
        Land-cover cells of a class in the table.
    class_sums, class_counts : tuple
        Per class position in ``sorted(table)``: the sum and the number of correction
        values over the mapped cells where the correction holds data (empty without one).
    correction_cells : int
        Those cells; ``correction_low`` the lowest correction value over them.
    overlay_cells : int
        Cells where the land cover (mapped), the correction and every factor hold data.
    factor_low, factor_high : dict
        Each factor's lowest and highest value over those cells.
    """

    cells: int = 0
    fractional: bool = False
    missing: Tuple[int, ...] = ()
    mapped: int = 0
    class_sums: Tuple[float, ...] = ()
    class_counts: Tuple[int, ...] = ()
    correction_cells: int = 0
    correction_low: Optional[float] = None
    overlay_cells: int = 0
    factor_low: Dict[str, Optional[float]] = field(default_factory=dict)
    factor_high: Dict[str, Optional[float]] = field(default_factory=dict)

    def merge(self, other: ResistanceStatistics) -> ResistanceStatistics:
        """The statistics of both windows together (the windows must not overlap)."""
        def add(a: Sequence[Any], b: Sequence[Any]) -> Tuple[Any, ...]:
            if not a or not b:
                return tuple(a or b)
            return tuple(x + y for x, y in zip(a, b))

        names = list(dict.fromkeys([*self.factor_low, *other.factor_low]))
        return ResistanceStatistics(
            cells=self.cells + other.cells,
            fractional=self.fractional or other.fractional,
            missing=tuple(sorted(set(self.missing) | set(other.missing))),
            mapped=self.mapped + other.mapped,
            class_sums=add(self.class_sums, other.class_sums),
            class_counts=add(self.class_counts, other.class_counts),
            correction_cells=self.correction_cells + other.correction_cells,
            correction_low=_lowest(self.correction_low, other.correction_low),
            overlay_cells=self.overlay_cells + other.overlay_cells,
            factor_low={n: _lowest(self.factor_low.get(n), other.factor_low.get(n))
                        for n in names},
            factor_high={n: _highest(self.factor_high.get(n), other.factor_high.get(n))
                         for n in names})

    def class_means(self) -> List[float]:
        """The mean correction per class position (0 for a class without a cell)."""
        return [total / count if count > 0 else 0.0
                for total, count in zip(self.class_sums, self.class_counts)]

    def factor_ranges(self) -> Dict[str, Tuple[float, float]]:
        """Each factor's (lowest, highest) value; call after :meth:`check`."""
        ranges: Dict[str, Tuple[float, float]] = {}
        for name, low in self.factor_low.items():
            high = self.factor_high.get(name)
            if low is not None and high is not None:
                ranges[name] = (float(low), float(high))
        return ranges

    def check(self, *, unmapped_nodata: bool = False, correction: bool = False,
              factors: Sequence[str] = ()) -> None:
        """Raise the :class:`EspInputError` that :func:`.surface.resistance_surface` raises
        on the whole raster, if any (``correction``: a correction raster is used;
        ``factors``: the factors' names, in order)."""
        if self.cells == 0:
            raise EspInputError("The land-cover raster has no data: every cell is NoData.")
        if self.fractional:
            raise EspInputError("The land-cover raster holds fractional values; it must hold "
                                "whole class codes.")
        if self.missing and not unmapped_nodata:
            listed = ", ".join(str(c) for c in self.missing[:_MAX_LISTED])
            more = len(self.missing) - _MAX_LISTED
            raise EspInputError(
                "The land cover holds classes that are not in the reclass table: {classes}"
                "{more}. Add them to the table, or tick 'unmapped classes are NoData'.",
                classes=listed, more=" and {0} more".format(more) if more > 0 else "")
        if self.mapped == 0:
            raise EspInputError("No land-cover class is in the reclass table, so every cell "
                                "would be NoData. Check that the preset matches the "
                                "land-cover codes.")
        if correction:
            if self.correction_cells == 0:
                raise EspInputError("The correction raster has no data where the land cover "
                                    "has data.")
            if self.correction_low is not None and self.correction_low < 0:
                raise EspInputError("The correction raster has negative values (lowest "
                                    "{low:g}); it must hold a non-negative pressure such as "
                                    "night-time light.", low=self.correction_low)
        if factors:
            if self.overlay_cells == 0:
                raise EspInputError("No cell holds data in the land cover and in every factor "
                                    "raster.")
            for name in factors:
                low, high = self.factor_low.get(name), self.factor_high.get(name)
                if low is not None and low == high:
                    raise EspInputError("Factor '{name}' has the same value ({value:g}) "
                                        "everywhere, so it cannot rank cells. Remove it or "
                                        "check the raster.", name=name, value=low)

    def to_figures(self) -> Dict[str, Any]:
        """As JSON-able figures (the part store's :data:`~espcore.tiled.FIGURES`)."""
        return {"cells": self.cells, "fractional": self.fractional,
                "missing": list(self.missing), "mapped": self.mapped,
                "class_sums": list(self.class_sums), "class_counts": list(self.class_counts),
                "correction_cells": self.correction_cells,
                "correction_low": self.correction_low, "overlay_cells": self.overlay_cells,
                "factor_low": dict(self.factor_low), "factor_high": dict(self.factor_high)}

    @classmethod
    def from_figures(cls, figures: Mapping[str, Any]) -> ResistanceStatistics:
        return cls(cells=int(figures["cells"]), fractional=bool(figures["fractional"]),
                   missing=tuple(int(c) for c in figures["missing"]),
                   mapped=int(figures["mapped"]),
                   class_sums=tuple(float(v) for v in figures["class_sums"]),
                   class_counts=tuple(int(v) for v in figures["class_counts"]),
                   correction_cells=int(figures["correction_cells"]),
                   correction_low=figures["correction_low"],
                   overlay_cells=int(figures["overlay_cells"]),
                   factor_low=dict(figures["factor_low"]),
                   factor_high=dict(figures["factor_high"]))


def _positions(landcover: Grid, keys: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """(valid cells' flat indices, their class position in ``keys`` or -1 when unmapped)."""
    cells = np.flatnonzero(landcover.valid)
    codes = landcover.values.ravel()[cells]
    position = np.asarray(np.searchsorted(keys, codes))
    np.clip(position, 0, max(keys.size - 1, 0), out=position)
    found = keys[position] == codes
    position[~found] = -1
    return cells, position


def resistance_statistics(landcover: Grid, table: ReclassTable, *,
                          correction: Optional[Grid] = None,
                          factors: Optional[Mapping[str, Grid]] = None
                          ) -> ResistanceStatistics:
    """The :class:`ResistanceStatistics` of one window (the grids of one tile's cells).

    Unlike :func:`.surface.resistance_surface` this raises nothing on a window without
    data or with classes missing from the table: it only counts them, and
    :meth:`ResistanceStatistics.check` decides over the merged windows.
    """
    factors = dict(factors or {})
    stats = ResistanceStatistics(factor_low={n: None for n in factors},
                                 factor_high={n: None for n in factors})
    data = landcover.values[landcover.valid]
    stats.cells = int(data.size)
    if np.issubdtype(data.dtype, np.floating) and data.size and (
            not np.all(np.isfinite(data)) or np.any(data != np.round(data))):
        stats.fractional = True
        return stats
    keys = np.array(sorted(table), dtype=np.float64)
    cells, position = _positions(landcover, keys)
    found = position >= 0
    codes = landcover.values.ravel()[cells]
    stats.missing = tuple(int(c) for c in np.unique(codes[~found]))
    stats.mapped = int(found.sum())
    used = np.zeros(landcover.shape, dtype=bool)
    used.flat[cells[found]] = True
    index = np.full(landcover.shape, -1, dtype=np.int64)
    index.flat[cells[found]] = position[found]
    if correction is not None:
        used &= correction.valid
        values = correction.values[used].astype(np.float64)
        idx = index[used]
        stats.class_sums = tuple(np.bincount(idx, weights=values, minlength=keys.size)
                                 .tolist())
        stats.class_counts = tuple(np.bincount(idx, minlength=keys.size).tolist())
        stats.correction_cells = int(values.size)
        stats.correction_low = _low(values)
    if factors:
        for grid in factors.values():
            used &= grid.valid
        stats.overlay_cells = int(used.sum())
        for name, grid in factors.items():
            values = grid.values[used].astype(np.float64)
            stats.factor_low[name], stats.factor_high[name] = _low(values), _high(values)
    return stats


# ------------------------------------------------------------------------ the tiles -----

@dataclass(frozen=True)
class _Job:
    """What every worker needs: the sources and the options (no arrays, for files)."""

    landcover: WindowSource
    table: Mapping[int, float]
    correction: Optional[WindowSource]
    factors: Mapping[str, WindowSource]
    unmapped_nodata: bool = False
    ratio_min: float = 0.1
    ratio_max: float = 10.0
    landcover_weight: float = 1.0
    factor_weights: Tuple[float, ...] = ()
    inverted: Tuple[bool, ...] = ()
    class_means: Optional[Tuple[float, ...]] = None
    factor_ranges: Optional[Mapping[str, Tuple[float, float]]] = None


def _setup(job: _Job) -> _Job:
    return job


def _on(grid: Grid, like: Grid) -> Grid:
    """``grid``'s cells with ``like``'s georeferencing: the inputs are checked to share the
    grid before the tiles, and two files of one CRS may spell it differently."""
    return Grid(grid.values, grid.mask, like.cell_size, like.geotransform, like.crs)


def _read(job: _Job, tile: Tile) -> Tuple[Grid, Optional[Grid], Dict[str, Grid]]:
    landcover = job.landcover.read(tile.rows, tile.cols)
    correction = None if job.correction is None else \
        _on(job.correction.read(tile.rows, tile.cols), landcover)
    factors = {name: _on(source.read(tile.rows, tile.cols), landcover)
               for name, source in job.factors.items()}
    return landcover, correction, factors


def _statistics_work(job: _Job, tile: Tile) -> Mapping[str, Any]:
    landcover, correction, factors = _read(job, tile)
    stats = resistance_statistics(landcover, job.table, correction=correction,
                                  factors=factors)
    return {FIGURES: stats.to_figures()}


def _surface_work(job: _Job, tile: Tile) -> Mapping[str, Any]:
    landcover, correction, factors = _read(job, tile)
    keys = np.array(sorted(job.table), dtype=np.float64)
    out = np.full(landcover.shape, np.nan, dtype=np.float32)
    used = landcover.valid & np.isin(landcover.values, keys)
    if correction is not None:
        used &= correction.valid
    for grid in factors.values():
        used &= grid.valid
    # A tile without a cell holding data in every input is NoData (the checks of the first
    # pass decided that the raster as a whole has such cells).
    if used.any():
        result = resistance_surface(
            landcover, job.table, unmapped_nodata=job.unmapped_nodata,
            correction=correction, ratio_min=job.ratio_min, ratio_max=job.ratio_max,
            factors=factors, landcover_weight=job.landcover_weight,
            factor_weights=list(job.factor_weights), inverted=list(job.inverted),
            class_means=job.class_means, factor_ranges=job.factor_ranges)
        out = result.values
    values = out[~np.isnan(out)].astype(np.float64)
    summary = {"cells": int(values.size), "sum": float(values.sum()),
               "low": _low(values), "high": _high(values)}
    return {PART: out, FIGURES: summary}


def _outline(source: WindowSource) -> Grid:
    """A grid of ``source``'s shape and georeferencing that holds no array (to compare
    grids and to read the cell size)."""
    corner = source.read((0, 1), (0, 1))
    shape = source.shape
    return Grid(np.broadcast_to(np.zeros((), dtype=np.uint8), shape),
                np.broadcast_to(np.zeros((), dtype=bool), shape), corner.cell_size,
                corner.geotransform, None)


def check_same_grid(sources: Mapping[str, WindowSource]) -> Grid:
    """Raise :func:`espcore.grid.require_same_grid`'s error unless the sources share the first
    one's shape, cell size and origin (their CRS is the caller's to compare); return the
    first one's outline (a grid without an array)."""
    outlines = {name: _outline(source) for name, source in sources.items()}
    require_same_grid(outlines)
    return next(iter(outlines.values()))


class ResistanceTiles(NamedTuple):
    """What :func:`resistance_tiles` returns."""

    tiles: List[Tile]
    #: the second pass: tiles computed now and tiles a previous run kept
    run: TileRun
    statistics: ResistanceStatistics
    #: cells with a resistance, and their lowest, mean and highest value
    cells: int
    low: float
    mean: float
    high: float


def resistance_tiles(
    landcover: WindowSource,
    table: ReclassTable,
    *,
    store: PartStore,
    tile: int,
    unmapped_nodata: bool = False,
    correction: Optional[WindowSource] = None,
    ratio_min: float = 0.1,
    ratio_max: float = 10.0,
    factors: Optional[Mapping[str, WindowSource]] = None,
    landcover_weight: float = 1.0,
    factor_weights: Optional[Sequence[float]] = None,
    inverted: Optional[Sequence[bool]] = None,
    executor: Any = None,
    resume: bool = True,
    progress: Progress = NullProgress(),
) -> ResistanceTiles:
    """:func:`.surface.resistance_surface` tile by tile (module notes): the parts
    :data:`PART` (float32 resistance, NaN on NoData) of every tile in ``store``.

    Parameters
    ----------
    landcover, correction, factors : WindowSource
        As the grids of :func:`.surface.resistance_surface`, read by window (files, or
        :class:`~espcore.rasterfile.ArrayRaster`); on one grid (shape, cell size, origin).
    store : PartStore
        Where the tiles' parts wait (on a disk the workers share).
    tile : int
        Side of a tile's core in cells (tiles have no halo: a cell needs only itself).
    executor : optional
        Runs the tiles (:mod:`espcore.executor`); default in this process.
    resume : bool
        Keep the tiles a previous run of the same job left in ``store``.
    table, unmapped_nodata, ratio_min, ratio_max, landcover_weight, factor_weights, inverted
        As :func:`.surface.resistance_surface`.

    Returns
    -------
    ResistanceTiles
        The tiles (assemble the parts with :func:`espcore.tiled.assemble`), the second
        pass's :class:`~espcore.tiled.TileRun`, the merged statistics and a summary of the
        values.

    Raises
    ------
    EspInputError
        As :func:`.surface.resistance_surface`, with the same messages, before the second
        pass.
    """
    factors = dict(factors or {})
    names = list(factors)
    weights = list(factor_weights) if factor_weights is not None else [1.0] * len(names)
    directions = list(inverted) if inverted is not None else [False] * len(names)
    # The checks of the options, in the order resistance_surface makes them.
    check_table(table)
    if correction is not None and not 0 <= ratio_min <= 1 <= ratio_max:
        raise EspInputError("The correction ratio limits must satisfy 0 <= minimum <= 1 <= "
                            "maximum; got {lo} and {hi}.", lo=ratio_min, hi=ratio_max)
    if names:
        if len(weights) != len(names):
            raise EspInputError("There are {n} factor rasters but {m} factor weights; give "
                                "one weight per factor, in the order of the factors.",
                                n=len(names), m=len(weights))
        if len(directions) != len(names):
            raise EspInputError("There are {n} factor rasters but {m} factor directions; "
                                "give one direction per factor.", n=len(names),
                                m=len(directions))
        normalised_weights([landcover_weight, *weights])
    check_same_grid({"land cover": landcover,
                     **({"correction": correction} if correction is not None else {}),
                     **factors})
    tiles = tiling(landcover.shape, tile)
    job = _Job(landcover, dict(table), correction, factors, unmapped_nodata, ratio_min,
               ratio_max, landcover_weight, tuple(weights), tuple(directions))

    first = PartStore(os.path.join(store.folder, STATISTICS))
    run_tiles(tiles, partial(_setup, job), _statistics_work, first, executor=executor,
              resume=resume, progress=SubProgress(progress, 0.0, _FIRST))
    statistics = ResistanceStatistics()
    for part in figures(first, tiles):
        statistics = statistics.merge(ResistanceStatistics.from_figures(part))
    statistics.check(unmapped_nodata=unmapped_nodata, correction=correction is not None,
                     factors=names)
    check_cancelled(progress)

    job = _Job(landcover, dict(table), correction, factors, unmapped_nodata, ratio_min,
               ratio_max, landcover_weight, tuple(weights), tuple(directions),
               tuple(statistics.class_means()) if correction is not None else None,
               statistics.factor_ranges() if names else None)
    run = run_tiles(tiles, partial(_setup, job), _surface_work, store, executor=executor,
                    resume=resume, progress=SubProgress(progress, _FIRST, 1.0))
    cells, total, low, high = 0, 0.0, None, None
    for part in figures(store, tiles):
        cells += int(part["cells"])
        total += float(part["sum"])
        low, high = _lowest(low, part["low"]), _highest(high, part["high"])
    if cells == 0:
        raise EspInputError("No cell holds data in every input, so the resistance surface "
                            "would be empty.")
    progress.update(1.0)
    return ResistanceTiles(tiles, run, statistics, cells, float(low if low is not None
                                                                  else math.nan),
                           total / cells, float(high if high is not None else math.nan))


__all__ = ["PART", "ResistanceStatistics", "ResistanceTiles", "check_same_grid",
           "resistance_statistics", "resistance_tiles"]
