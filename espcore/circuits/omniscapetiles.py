"""Omniscape tile by tile: wall-to-wall runs on rasters that do not fit in memory, exact.

A target's moving window only reads the cells within ``reach = radius + buffer`` of it, and
the blocks of targets tile the raster from its top-left corner. So when a tile's core starts
on a multiple of the block size (:func:`plan_tiles`: ``align`` = block size) and the tile
reads its core grown by ``reach`` (the halo), the targets of the core, solved on the read
window, are exactly the whole run's targets there, with the whole run's windows: each
window's cut at the raster's edge, Omniscape's quirks (the target block zeroed at the
nominal offset, the correction array cropped at the edges) and the artifact correction all
compare against the raster's shape, never the tile's. Each tile's cumulative current (and
flow potential) covers its read window; the tiles' parts, added where they overlap
(:func:`assemble_omniscape`), are the whole run's sums.

What is exact: every window is the same circuit with the same numbers as in
:func:`~espcore.circuits.omniscape.omniscape` (same code, same solver, same shared disk
structure); only the order in which the windows' currents are added up differs (per tile,
then tile by tile), so the maps agree with the whole run to floating-point summation order
(the tests hold them to 1e-12 relative). The normalised current and the -9999 NoData
marks (``mask_nodata``) are computed per cell from the summed bands as the whole run does.

How it runs: :func:`omniscape_tiles` reads the resistance (and the source) once, band by
band, to check them as the whole run does (errors before any window is solved), then hands
each tile to :func:`espcore.tiled.run_tiles`: a worker reads its tile's windows of the
inputs itself (a :class:`~espcore.rasterfile.RasterFile` on a shared disk, or an
:class:`~espcore.rasterfile.ArrayRaster` in memory), prepares the cells as
:func:`~espcore.circuits.omniscape.omniscape` does, solves the core's windows serially and
saves its parts in the :class:`~espcore.tiled.PartStore`. A rerun after a crash or a cancel
computes only the tiles not saved yet (``resume``). :func:`assemble_omniscape` then writes
the finished maps band by band.

Memory per worker: the tile's read window ((core + 2 reach)^2 cells) several times over (the
inputs read, the prepared surface, conductance and sources, the summed maps: about 100 bytes
a cell), one window being solved, the artifact-correction array and up to 64 cached
flow-potential factorisations, as a worker of the whole run holds; no full-size array. The
caller holds one band of rows at a time: about 4 million cells while it checks the inputs
(about 150 MB), a tile's core high and the raster wide while it assembles. Disk: each
tile's parts are 8 bytes per read-window cell per map (current, and flow potential when
asked for).

Measured on a shared 2-core VM, 1000 x 1000 cells (bench ``landscape``, 6 % NoData), radius
20, block size 5, normalised current, default tiles (100 tiles of 100 x 100 cells, read
windows of 140 x 140, 37,936 windows): serially 79 s by tile against 76 s for the whole run
(assembly 0.2 s); two worker processes reading GeoTIFFs 39 s. The maps differ from the whole
run's by at most 1.5e-15 relative (70 % of the cells bit-identical). A tile of 372 windows
took 1.2 s with a numpy peak of 1.3 MB; a worker's peak resident memory was 147 MB, of which
85 MB is the interpreter with numpy, SciPy, scikit-sparse and GDAL loaded.

Every option of the whole run works by tile: reclassification, and conditional connectivity
(the condition rasters are read by window like the resistance).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np

from ..errors import EspInputError
from ..grid import Grid
from ..progress import NullProgress, Progress, SubProgress, check_cancelled, check_watched
from ..rasterfile import WindowSource
from ..tiled import FIGURES, PartStore, TileRun, band_sum, run_tiles
from ..tiles import Tile, tiling
from .omniscape import (
    OmniscapeOptions,
    _conditions,
    _conductance,
    _maps,
    _no_source,
    _Plan,
    _solve_target,
    _State,
    _surface,
    _tasks,
    _too_few_cells,
    _UniformWindow,
    artifact_correction,
    make_plan,
    source_strength,
    targets,
)
from .omniscapewindow import DiskWindow
from .solvers import Log, _quiet

#: Blocks of targets along a side of a default tile core: 20 x 20 = 400 moving windows.
TILE_BLOCKS = 20
#: A default tile core is at least this many times ``reach`` a side, so that the halo read
#: around it (``reach`` on every side) at most doubles the cells a tile reads and stores.
TILE_REACHES = 4
#: The names of the condition rasters (as :func:`~espcore.circuits.omniscape.omniscape`'s
#: arguments).
CONDITION_NAMES = ("condition1", "condition2", "condition1_future", "condition2_future")
#: The caller's check of the inputs reads bands of about this many cells.
_CHECK_CELLS = 1 << 22

RowWriter = Callable[[int, np.ndarray], None]


def default_tile(options: OmniscapeOptions) -> int:
    """The default tile core side, in cells: :data:`TILE_BLOCKS` blocks, or
    :data:`TILE_REACHES` x (radius + buffer) when that is larger.

    Radius 20, block size 5: 100 cells (400 windows, read windows of 140 x 140 cells).
    Radius 20, block size 1: 80 cells (6,400 windows). Radius 100, block size 11: 400
    cells (about 1,300 windows of 31,000 unknowns each).
    """
    reach = int(options.radius) + int(options.buffer)
    return max(TILE_BLOCKS * options.effective_block_size, TILE_REACHES * reach)


def plan_tiles(shape: Tuple[int, int], options: OmniscapeOptions,
               tile: Optional[int] = None) -> List[Tile]:
    """The tiles of a tiled Omniscape run on a raster of ``shape`` (rows, columns).

    Cores of about ``tile`` cells a side (default :func:`default_tile`), rounded up to a
    multiple of the (effective, odd) block size and starting on multiples of it; each tile
    reads ``radius + buffer`` cells beyond its core (clipped at the raster's edge).
    """
    if tile is None:
        tile = default_tile(options)
    if isinstance(tile, bool) or int(tile) != tile or tile < 1:
        raise EspInputError("The tile size must be a whole number of cells, at least 1, not "
                            "{tile}.", tile=tile)
    reach = int(options.radius) + int(options.buffer)
    return tiling(shape, int(tile), halo=reach, align=options.effective_block_size)


def _nan_filled(grid: Grid) -> np.ndarray:
    """A condition raster's window as the whole run takes it: NaN on NoData."""
    return np.where(grid.mask, np.nan, np.asarray(grid.values, dtype=np.float64))


# --------------------------------------------------------------------------------------------
# The workers


@dataclass(frozen=True)
class _Inputs:
    """What a worker reads its tiles from (small and picklable: references, not arrays,
    when the sources are files)."""

    resistance: WindowSource
    source: Optional[WindowSource]
    conditions: Tuple[Tuple[str, WindowSource], ...]
    options: OmniscapeOptions
    plan: _Plan


@dataclass
class _Worker:
    """A worker's state across its tiles: the inputs, the artifact correction (one per run)
    and the window caches the whole run keeps per worker too."""

    inputs: _Inputs
    correction: Optional[np.ndarray]
    distance2: np.ndarray
    uniform: Dict[Tuple[int, int, int, int], _UniformWindow] = field(default_factory=dict)
    disk: Optional[DiskWindow] = None


def _worker(inputs: _Inputs) -> _Worker:
    plan, options = inputs.plan, inputs.options
    correction = (artifact_correction(plan)
                  if options.correct_artifacts and plan.block_size > 1 else None)
    offsets = np.arange(-plan.reach, plan.reach + 1)
    return _Worker(inputs, correction, offsets[:, None] ** 2 + offsets[None, :] ** 2)


def _tile_parts(worker: _Worker, tile: Tile) -> Dict[str, Any]:
    """One tile: the summed current (and flow potential) of its core's windows over its
    read window, and the count of windows as a figure."""
    inputs = worker.inputs
    options, plan = inputs.options, inputs.plan
    rows, cols = tile.read_rows, tile.read_cols
    grid = inputs.resistance.read(rows, cols)
    values, ok = _surface(grid.values, ~grid.mask, options, least=0)
    source = None
    if not options.source_from_resistance and inputs.source is not None:
        source = inputs.source.read(rows, cols)
    strength = source_strength(values, ok, options,
                               source=None if source is None else source.values,
                               source_valid=None if source is None else ~source.mask)
    windows = {name: _nan_filled(raster.read(rows, cols)) for name, raster in inputs.conditions}
    conditions = _conditions(options, tile.read_shape,
                             {name: windows.get(name) for name in CONDITION_NAMES}, _quiet)
    g = _conductance(values, ok, options.resistance_is_conductance)

    jobs = targets(strength[tile.inner], plan.block_size)
    jobs[:, 0] += tile.rows[0]
    jobs[:, 1] += tile.cols[0]
    top, left = rows[0], cols[0]
    state = _State(plan, g, strength, conditions, worker.correction, worker.distance2,
                   worker.uniform, worker.disk, origin=(top, left))
    cumulative = np.zeros(tile.read_shape)
    potential = np.zeros(tile.read_shape) if plan.flow_potential else None
    for task in _tasks(jobs):
        check_watched()  # a cancel in this process stops between windows
        r0, c0, current, window_potential = _solve_target(state, task)
        cut = (slice(r0 - top, r0 - top + current.shape[0]),
               slice(c0 - left, c0 - left + current.shape[1]))
        cumulative[cut] += current
        if potential is not None and window_potential is not None:
            potential[cut] += window_potential
    worker.disk = state.disk
    parts: Dict[str, Any] = {"cum_currmap": cumulative, FIGURES: {"windows": len(jobs)}}
    if potential is not None:
        parts["flow_potential"] = potential
    return parts


# --------------------------------------------------------------------------------------------
# The run


def _check_inputs(resistance: WindowSource, source: Optional[WindowSource],
                  conditions: Mapping[str, WindowSource], options: OmniscapeOptions,
                  log: Log, progress: Progress) -> int:
    """The whole run's checks of the inputs, read band by band; returns the count of moving
    windows. Raises what :func:`~espcore.circuits.omniscape.omniscape` raises (the count of
    bad cells in a message is that of the first band holding any)."""
    shape = resistance.shape
    if options.source_from_resistance and source is not None:
        log("source_from_resistance is on: the source raster is ignored.")
        source = None
    if source is not None and tuple(source.shape) != tuple(shape):
        raise EspInputError("The source raster ({source}) and the resistance surface "
                            "({shape}) have different sizes. Align them on one grid.",
                            source=tuple(source.shape), shape=tuple(shape))
    for name, raster in conditions.items():
        if name not in CONDITION_NAMES:
            raise EspInputError("Unknown condition raster '{name}'. Use {choices}.",
                                name=name, choices=", ".join(CONDITION_NAMES))
        if tuple(raster.shape) != tuple(shape):
            raise EspInputError("The {name} raster ({other}) and the resistance surface "
                                "({shape}) have different sizes. Align them on one grid.",
                                name=name, other=tuple(raster.shape), shape=tuple(shape))
    # Which conditions are needed and used: the whole run's checks, on one cell of each.
    _conditions(options, (1, 1), {name: (_nan_filled(conditions[name].read((0, 1), (0, 1)))
                                         if name in conditions else None)
                                  for name in CONDITION_NAMES}, log)
    size = options.effective_block_size
    rows, cols = shape
    height = max(size, (_CHECK_CELLS // max(cols, 1)) // size * size)
    valid = sources = windows = 0
    for top in range(0, rows, height):
        check_cancelled(progress)
        span = (top, min(top + height, rows))
        grid = resistance.read(span, (0, cols))
        values, ok = _surface(grid.values, ~grid.mask, options, least=0)
        band = None if source is None else source.read(span, (0, cols))
        strength = source_strength(values, ok, options,
                                   source=None if band is None else band.values,
                                   source_valid=None if band is None else ~band.mask)
        valid += int(np.count_nonzero(ok))
        sources += int(np.count_nonzero(strength > 0))
        windows += len(targets(strength, size))
        progress.update(span[1] / rows)
    if valid < 2:
        raise _too_few_cells(options, valid)
    if sources == 0:
        raise _no_source()
    return windows


def omniscape_tiles(resistance: WindowSource, *, source: Optional[WindowSource] = None,
                    options: OmniscapeOptions, store: PartStore,
                    conditions: Optional[Mapping[str, WindowSource]] = None,
                    tile: Optional[int] = None, executor: Any = None, resume: bool = True,
                    progress: Progress = NullProgress(), log: Log = _quiet) -> TileRun:
    """Omniscape's cumulative current (and flow potential), tile by tile, into ``store``.

    Parameters
    ----------
    resistance : WindowSource
        Resistance per cell (ohm; relative values are fine), or conductance (S) with
        ``options.resistance_is_conductance``: an :class:`~espcore.rasterfile.ArrayRaster`
        or a :class:`~espcore.rasterfile.RasterFile` (every worker must be able to read
        it). Its NoData cells (and NaN) are barriers, as in
        :func:`~espcore.circuits.omniscape.omniscape`; values must be > 0 elsewhere.
    source : WindowSource, optional
        Source strength per cell (relative) on the resistance grid, required unless
        ``options.source_from_resistance`` (then it is ignored). NoData or NaN -> 0.
    options : OmniscapeOptions
        Every option of the whole run applies (reclassification and conditional
        connectivity included).
    store : PartStore
        Where the tiles' parts go: ``cum_currmap`` and, when the options ask for the flow
        potential or the normalised current, ``flow_potential``, each float64 over the
        tile's read window. A folder the workers share with the caller.
    conditions : mapping of name -> WindowSource, optional
        The condition rasters (names of :data:`CONDITION_NAMES`, NoData = NaN), on the
        resistance grid.
    tile : int, optional
        Tile core side in cells (rounded up to a multiple of the block size); default
        :func:`default_tile`. Give the same value to :func:`plan_tiles` for assembly.
    executor : optional
        Where the tiles run (:mod:`espcore.executor`: serial by default, local processes,
        or Dask); each tile is one task, its windows solved in order on its worker.
    resume : bool
        Keep the tiles ``store`` already holds (a rerun of the same job after a crash or a
        cancel); False computes every tile again. The store must belong to this job (same
        inputs, options and tile size): the caller names it so.
    progress : Progress
        The input check takes the first 5 %, the tiles the rest; a cancel raises
        :class:`~espcore.errors.Cancelled` between tiles (and, on the serial executor,
        between windows). Finished tiles stay in the store.
    log : callable ``log(template, **fields)``
        The whole run's warnings and choices, and the tiling.

    Returns
    -------
    TileRun
        The tiles computed now and those kept from an earlier run. The maps come from
        :func:`assemble_omniscape` with ``plan_tiles(resistance.shape, options, tile)``.

    Raises
    ------
    EspInputError
        As :func:`~espcore.circuits.omniscape.omniscape`: bad values, no source, missing or
        mismatched rasters; before any tile runs.
    Cancelled
        When ``progress.cancelled()`` turns true.
    """
    check_cancelled(progress)
    rasters = dict(conditions or {})
    shape = (int(resistance.shape[0]), int(resistance.shape[1]))
    windows = _check_inputs(resistance, source, rasters, options, log,
                            SubProgress(progress, 0.0, 0.05))
    plan = make_plan(options, shape, log)
    tiles = plan_tiles(shape, options, tile)
    kept = sum(1 for piece in tiles if resume and store.done(piece.index))
    core = max(piece.rows[1] - piece.rows[0] for piece in tiles)
    log("Omniscape: {n} moving windows (radius {radius}, block size {size}) in {tiles} "
        "tiles of up to {core} x {core} cells; {kept} tiles kept from an earlier run.",
        n=windows, radius=options.radius, size=plan.block_size, tiles=len(tiles),
        core=core, kept=kept)
    needed = [(name, raster) for name, raster in sorted(rasters.items())
              if options.conditional]
    inputs = _Inputs(resistance, None if options.source_from_resistance else source,
                     tuple(needed), options, plan)
    return run_tiles(tiles, partial(_worker, inputs), _tile_parts, store, executor=executor,
                     resume=resume, progress=SubProgress(progress, 0.05, 1.0))


# --------------------------------------------------------------------------------------------
# The maps


def output_names(options: OmniscapeOptions) -> Tuple[str, ...]:
    """The maps :func:`assemble_omniscape` can write for ``options`` (those
    :func:`~espcore.circuits.omniscape.omniscape` returns)."""
    names = ["cum_currmap"]
    if options.calc_flow_potential:
        names.append("flow_potential")
    if options.calc_normalized_current:
        names.append("normalized_cum_currmap")
    if options.reclassify_resistance:
        names.append("classified_resistance")
    return tuple(names)


def finish_band(cumulative: np.ndarray, potential: Optional[np.ndarray], resistance: Grid,
                options: OmniscapeOptions) -> Dict[str, np.ndarray]:
    """The maps of a band of rows, from its summed current and flow potential.

    ``resistance`` is the same band of the resistance raster (its NoData mask and, with a
    reclass table, its values). Returns what :func:`~espcore.circuits.omniscape.omniscape`
    returns for those rows: ``cum_currmap`` (A), ``flow_potential`` (A),
    ``normalized_cum_currmap`` (cumulative / flow potential, 0/0 -> 0) and
    ``classified_resistance`` as the options ask, -9999.0 on NoData cells of the
    (reclassified) resistance with ``mask_nodata``. Takes ownership of ``cumulative`` and
    ``potential``.
    """
    values, ok = _surface(resistance.values, ~resistance.mask, options, least=0)
    if potential is None and options.flow_potential_needed:
        raise EspInputError("These options ask for the flow potential, but no flow "
                            "potential was given.")
    return _maps(cumulative, potential, values, ok, options)


def assemble_omniscape(store: PartStore, tiles: Sequence[Tile], resistance: WindowSource,
                       options: OmniscapeOptions, writers: Mapping[str, RowWriter], *,
                       progress: Progress = NullProgress()) -> None:
    """Write the maps of a finished tiled run, one band of tile rows at a time.

    ``tiles``: :func:`plan_tiles` of the run; ``resistance``: the run's resistance (for
    the NoData mask and the reclassified values); ``writers``: ``{map name: write}`` for
    the maps wanted among :func:`output_names`, each called as ``write(first_row, rows)``
    with full-width float64 bands from top to bottom (see :func:`finish_band` for the
    values). Memory: a few full-width bands as high as a tile's core.
    """
    available = output_names(options)
    unknown = [name for name in writers if name not in available]
    if unknown:
        raise EspInputError("These options give no map called {names} (they give {given}).",
                            names=", ".join(unknown), given=", ".join(available))
    missing = [piece.index for piece in tiles if not store.done(piece.index)]
    if missing:
        raise EspInputError("{count} tiles of the run are not finished (the first is tile "
                            "{first}). Run omniscape_tiles again to compute them.",
                            count=len(missing), first=missing[0])
    rows, cols = (int(resistance.shape[0]), int(resistance.shape[1]))
    spans = sorted({piece.rows for piece in tiles})
    for number, span in enumerate(spans):
        check_cancelled(progress)
        cumulative = band_sum(store, tiles, "cum_currmap", span, cols)
        potential = (band_sum(store, tiles, "flow_potential", span, cols)
                     if options.flow_potential_needed else None)
        maps = finish_band(cumulative, potential, resistance.read(span, (0, cols)), options)
        for name, write in writers.items():
            write(span[0], maps[name])
        progress.update((number + 1) / len(spans))
    if spans and spans[-1][1] != rows:
        raise EspInputError("The tiles do not cover the raster's {rows} rows.", rows=rows)


def tiled_windows(store: PartStore, tiles: Sequence[Tile]) -> int:
    """The moving windows the tiles of a finished run solved."""
    return sum(int(store.figures(piece.index).get("windows", 0)) for piece in tiles)


__all__ = ["CONDITION_NAMES", "TILE_BLOCKS", "TILE_REACHES", "assemble_omniscape",
           "default_tile", "finish_band", "omniscape_tiles", "output_names", "plan_tiles",
           "tiled_windows"]
