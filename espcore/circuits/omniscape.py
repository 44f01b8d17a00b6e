"""Omniscape: omnidirectional current flow from a moving window (Omniscape.jl semantics).

Every cell of a lattice with step ``block_size`` is a *target*. Its block of
``block_size`` x ``block_size`` cells sums the source strength of the landscape; targets with
no source are skipped. For each target a Circuitscape advanced-mode circuit is solved on a
window around it, and the window's node currents are added into the cumulative current map:

* window: the cells within ``radius + buffer`` cells (Euclidean, cell centres) of the target,
  cut by the grid edge; conductance 1/resistance (or the value itself with
  ``resistance_is_conductance``), cells outside the circle are not part of the circuit;
* sources: the source strengths within ``radius`` cells of the target, the target block
  zeroed, rescaled so that together they inject the target's block sum (A);
* ground: the target cell, tied directly to ground (0 V);
* edges: average conductance ``(g1 + g2) / 2`` (diagonals divided by sqrt 2), eight
  neighbours unless ``connect_four_neighbors_only``; a source on the ground cell is removed
  (policy ``rmvsrc``); node current = max(inflow, outflow) as in Circuitscape.

``calc_flow_potential`` repeats each solve with conductance 1 on the whole rectangular window
(the same sources and ground): the current expected from the geometry alone.
``calc_normalized_current`` divides the cumulative current by the flow potential (0/0 -> 0).
``correct_artifacts`` (block sizes above 1) multiplies each window's currents by a correction
array, computed once on a uniform window, that spreads the block's injection as if every
cell of the block had been a target of its own.

Quirks of Omniscape.jl kept on purpose, so that results match its files: the target block is
zeroed at the window's nominal centre offset even when the window is cut by the grid edge
(so near the edges it is the wrong block); the correction array is cropped from its first
row/column when a window is cut on both sides; an even ``block_size`` is raised by one;
``source_threshold`` only applies to a source raster, ``r_cutoff`` only to sources derived
from the resistance; conditional filtering is applied after the sources were rescaled, so
a window whose sources are filtered out injects less than its target's block sum.

Supported INI features: every option of the moving window above, ``reclassify_resistance``
with a ``reclass_table`` (``"missing"`` turns a class into NoData), and conditional
connectivity (``conditional``, one or two conditions, ``within`` / ``equals``,
``compare_to_future``). Not reproduced: ``precision = single`` (we always compute in double
precision; Omniscape's single-precision files differ from that by up to 6e-4 relative),
and the file-handling keys (``project_name``, ``write_*``, ``parallelize``,
``parallel_batch_size``, ``allow_different_projections``), which belong to the caller
(:mod:`espcore.circuits.omniscapejob` runs a whole INI through file readers it is given).

Parallelism: every target window is an independent task run through an executor
(:mod:`espcore.executor`). Workers return only their window; the caller alone accumulates
into the full-size maps, so memory does not grow with the number of workers (Omniscape.jl
keeps one full-size map per thread).

Time: one sparse factorisation of about pi (radius + buffer)^2 unknowns per target. With
CHOLMOD, the windows the grid edge does not cut and whose disk has no NoData share one network
structure and one fill-reducing analysis per worker, and are only refactorised numerically
(:mod:`espcore.circuits.omniscapewindow`, same numbers); the flow-potential circuits of interior
windows share one factorisation per worker. Measured on a 2-core VM at radius 20 (1,256
unknowns): about 1.0 ms of CPU for such a window (2.9 ms when factorised afresh), 2.4 ms for
the others, flow potential adding about 0.3 ms; 1000 x 1000 cells with block size 5 (37,936
windows, 84 % of them full disks) took 23 s on two workers with windows sent in batches
(84 s before the shared structure and the batches). Memory: the full-size inputs and
outputs (8 bytes per cell each) plus one window per worker. Rasters that do not fit run
tile by tile, with the same windows (:mod:`espcore.circuits.omniscapetiles`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import partial
from typing import Any, Callable, Dict, Iterator, List, Mapping, Optional, Tuple

import numpy as np
import numpy.typing as npt

from ..errors import EspInputError
from ..executor import SerialExecutor
from ..progress import NullProgress, Progress, check_cancelled
from . import omniscapewindow
from .circuit import MAP_NODATA, solve_sources_grounds
from .csini import is_true
from .graph import node_currents, raster_network
from .omniscapewindow import DiskWindow
from .solvers import METHODS, ClampedSystem, Log, _quiet, choose_method

#: Windows sent to a worker at a time: a window takes about a millisecond, as much as the
#: round trip of a task to a worker process.
WINDOW_BATCH = 32

#: Omniscape's words for true (Omniscape.jl ``TRUELIST``; note: not Circuitscape's list).
TRUE_WORDS = ("true", "True", "TRUE")
FALSE_WORDS = ("false", "False", "FALSE", "")
#: Omniscape's solver names -> ours.
SOLVER_NAMES = {"cg+amg": "amg", "cholmod": "cholmod"}
COMPARISONS = ("within", "equals", "none")
#: INI spellings of the comparisons (Omniscape's documentation says "equal").
COMPARISON_NAMES = {"equal": "equals", "equals": "equals", "within": "within"}
FUTURES = ("none", "1", "2", "both")
#: Flow-potential factorisations kept per worker (keyed by window shape and ground cell).
_FP_CACHE_SIZE = 64

TextReader = Callable[[str], str]
ReclassTable = Tuple[Tuple[float, float], ...]


def _number(options: Mapping[str, str], key: str, default: Optional[str]) -> float:
    text = options.get(key, default)
    if text is None:
        raise EspInputError("The Omniscape settings have no '{key}'. Add '{key} = <value>' "
                            "to the INI.", key=key)
    try:
        return float(str(text).strip())
    except ValueError:
        raise EspInputError("Omniscape option '{key}' must be a number, not '{value}'.",
                            key=key, value=text) from None


def _whole(options: Mapping[str, str], key: str, default: Optional[str]) -> int:
    value = _number(options, key, default)
    if not math.isfinite(value):
        raise EspInputError("Omniscape option '{key}' must be a whole number, not "
                            "'{value}'.", key=key, value=options.get(key, default))
    return int(round(value))  # Julia's round: halves to even, like Python's


def parse_reclass_table(text: str) -> ReclassTable:
    """An Omniscape reclass table: ``old new`` per line; ``new`` may be ``missing`` (NoData).

    Returns a tuple of ``(old, new)`` pairs, ``new`` NaN for ``missing``. Blank lines and
    ``#`` comments are ignored; quotes around ``missing`` are optional.
    """
    rows: List[Tuple[float, float]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        fields = [f.strip().strip("\"'") for f in line.split()]
        if len(fields) < 2:
            raise EspInputError("Line {line} of the reclass table needs two values (old "
                                "value, new value): '{text}'.", line=number, text=line)
        try:
            old = float(fields[0])
            new = math.nan if fields[1].lower() == "missing" else float(fields[1])
        except ValueError:
            raise EspInputError("Line {line} of the reclass table is not numeric: '{text}'. "
                                "Write 'old new', with new = missing for NoData.",
                                line=number, text=line) from None
        rows.append((old, new))
    return tuple(rows)


@dataclass(frozen=True)
class OmniscapeOptions:
    """Options of an Omniscape run, named like Omniscape.jl's INI keys.

    Parameters
    ----------
    radius : int
        Moving-window radius in cells (>= 1): sources within this Euclidean distance of a
        target (cell centres) send current to it.
    block_size : int
        Targets are the centres of ``block_size`` x ``block_size`` blocks; an even value is
        raised by one (with a warning), as Omniscape does. 1 solves every cell.
    buffer : int
        Extra cells of landscape (no sources) around the source circle, in cells (>= 0).
    source_threshold : float
        Source-raster values below it become 0 (source raster only).
    source_from_resistance : bool
        Sources are 1/resistance (the conductance) instead of a source raster.
    r_cutoff : float
        With ``source_from_resistance``: cells with resistance above it (conductance below
        1/r_cutoff) are no source. ``inf`` keeps all.
    resistance_is_conductance : bool
        The surface holds conductances (S) instead of resistances (ohm).
    calc_flow_potential, calc_normalized_current : bool
        Also return the flow potential / the current normalised by it.
    correct_artifacts : bool
        Apply the block-artifact correction (only matters for ``block_size`` > 1).
    connect_four_neighbors_only : bool
        Join only orthogonal neighbours.
    solver : str
        One of ``auto``, ``cholmod``, ``superlu``, ``amg`` (see :mod:`espcore.circuits.solvers`).
    mask_nodata : bool
        Write -9999 into the outputs where the resistance is NoData.
    reclassify_resistance : bool, reclass_table : tuple of (old, new) pairs
        Replace resistance values before the run; ``new`` NaN makes a class NoData.
    conditional, n_conditions, compare_to_future, comparison1, comparison2,
    condition1_lower, condition1_upper, condition2_lower, condition2_upper
        Conditional connectivity: a source only sends current to a target when its
        condition value matches the target block's (``within``: source value minus the
        median of the target block's (future) values lies in [lower, upper]; ``equals``:
        equal to their mode; ``none``: no filter). ``compare_to_future`` = ``1``, ``2`` or
        ``both`` takes the target block's value from the future raster of that condition.
        Sources with NoData condition values are kept, as in Omniscape; a target block
        whose values are all NoData matches no source (Omniscape.jl stops with an error).
    """

    radius: int
    block_size: int = 1
    buffer: int = 0
    source_threshold: float = 0.0
    source_from_resistance: bool = False
    r_cutoff: float = math.inf
    resistance_is_conductance: bool = False
    calc_flow_potential: bool = False
    calc_normalized_current: bool = False
    correct_artifacts: bool = True
    connect_four_neighbors_only: bool = False
    solver: str = "auto"
    mask_nodata: bool = True
    reclassify_resistance: bool = False
    reclass_table: ReclassTable = ()
    conditional: bool = False
    n_conditions: int = 1
    compare_to_future: str = "none"
    comparison1: str = "within"
    comparison2: str = "within"
    condition1_lower: float = 0.0
    condition1_upper: float = 0.0
    condition2_lower: float = 0.0
    condition2_upper: float = 0.0

    def __post_init__(self) -> None:
        if int(self.radius) != self.radius or self.radius < 1:
            raise EspInputError("The Omniscape radius must be a whole number of cells, at "
                                "least 1, not {radius}.", radius=self.radius)
        if int(self.block_size) != self.block_size or self.block_size < 1:
            raise EspInputError("The Omniscape block size must be a whole number of cells, "
                                "at least 1, not {size}.", size=self.block_size)
        if int(self.buffer) != self.buffer or self.buffer < 0:
            raise EspInputError("The Omniscape buffer must be a whole number of cells, 0 or "
                                "more, not {buffer}.", buffer=self.buffer)
        if (self.effective_block_size - 1) // 2 > self.radius + self.buffer:
            raise EspInputError("The block size ({size}) is larger than the moving window "
                                "(radius {radius} + buffer {buffer}). Use a block size of "
                                "at most 2 x (radius + buffer) + 1.",
                                size=self.effective_block_size, radius=self.radius,
                                buffer=self.buffer)
        if self.solver not in METHODS:
            raise EspInputError("Unknown solver '{solver}'. Use one of: {choices}.",
                                solver=self.solver, choices=", ".join(METHODS))
        if self.reclassify_resistance and not self.reclass_table:
            raise EspInputError("reclassify_resistance is on but the reclass table is "
                                "empty. Give a table of 'old new' value pairs.")
        if self.conditional:
            if self.n_conditions not in (1, 2):
                raise EspInputError("n_conditions must be 1 or 2, not {n}.",
                                    n=self.n_conditions)
            if self.compare_to_future not in FUTURES:
                raise EspInputError("compare_to_future must be one of {choices}, not "
                                    "'{value}'.", choices=", ".join(FUTURES),
                                    value=self.compare_to_future)
            for name in ("comparison1", "comparison2"):
                if getattr(self, name) not in COMPARISONS:
                    raise EspInputError("{key} must be one of {choices}, not '{value}'.",
                                        key=name, choices=", ".join(COMPARISONS),
                                        value=getattr(self, name))

    @property
    def effective_block_size(self) -> int:
        """The block size used: an even size is raised by one, as Omniscape does."""
        return int(self.block_size) + (1 if self.block_size % 2 == 0 else 0)

    @property
    def flow_potential_needed(self) -> bool:
        return self.calc_flow_potential or self.calc_normalized_current

    def future_used(self, condition: int) -> bool:
        """True when the target value of ``condition`` comes from its future raster."""
        return self.compare_to_future in (str(condition), "both")

    @classmethod
    def from_ini(cls, options: Mapping[str, str], *, read_text: Optional[TextReader] = None,
                 log: Log = _quiet) -> OmniscapeOptions:
        """Options from an Omniscape INI (``key -> value`` strings, sections ignored).

        ``read_text(path)`` reads the ``reclass_table`` file when ``reclassify_resistance``
        is true (paths as written in the INI; the caller resolves them). Keys about files,
        output writing and threading are ignored here. Raises :class:`EspInputError` for a
        missing ``radius`` or malformed numbers.
        """
        def flag(key: str, default: bool = False) -> bool:
            value = options.get(key)
            return default if value is None else is_true(
                value, key, true_words=TRUE_WORDS, false_words=FALSE_WORDS)

        solver_name = options.get("solver", "").strip()
        if not solver_name:
            solver = "auto"
        elif solver_name in SOLVER_NAMES:
            solver = SOLVER_NAMES[solver_name]
        elif solver_name in METHODS:
            solver = solver_name
        else:
            solver = "auto"
            log("Unsupported Omniscape solver '{solver}'; choosing one automatically "
                "(Omniscape.jl would use cg+amg).", solver=solver_name)
        if options.get("precision", "double").strip().lower() == "single":
            log("precision = single is not reproduced: the run uses double precision.")
        reclassify = flag("reclassify_resistance")
        table: ReclassTable = ()
        if reclassify:
            path = options.get("reclass_table", "").strip()
            if not path:
                raise EspInputError("reclassify_resistance is true but the INI has no "
                                    "reclass_table. Add 'reclass_table = <file>'.")
            if read_text is None:
                raise EspInputError("The reclass table '{path}' must be read by the caller: "
                                    "pass read_text.", path=path)
            table = parse_reclass_table(read_text(path))
        conditional = flag("conditional")
        comparisons = []
        for key in ("comparison1", "comparison2"):
            value = options.get(key, "within").strip().lower()
            value = COMPARISON_NAMES.get(value, value)
            if conditional and value not in ("within", "equals"):
                raise EspInputError("{key} = '{value}' is not a comparison Omniscape knows. "
                                    "Use 'within' or 'equal'.", key=key, value=value)
            comparisons.append(value if conditional else "within")
        return cls(
            radius=_whole(options, "radius", None),
            block_size=_whole(options, "block_size", "1"),
            buffer=_whole(options, "buffer", "0"),
            source_threshold=_number(options, "source_threshold", "0"),
            source_from_resistance=flag("source_from_resistance"),
            r_cutoff=_number(options, "r_cutoff", "Inf"),
            resistance_is_conductance=(flag("resistance_is_conductance")
                                       or flag("resistance_file_is_conductance")),
            calc_flow_potential=flag("calc_flow_potential"),
            calc_normalized_current=flag("calc_normalized_current"),
            correct_artifacts=flag("correct_artifacts", True),
            connect_four_neighbors_only=flag("connect_four_neighbors_only"),
            solver=solver,
            mask_nodata=flag("mask_nodata", True),
            reclassify_resistance=reclassify,
            reclass_table=table,
            conditional=conditional,
            n_conditions=_whole(options, "n_conditions", "1"),
            compare_to_future=options.get("compare_to_future", "none").strip().lower(),
            comparison1=comparisons[0],
            comparison2=comparisons[1],
            condition1_lower=_number(options, "condition1_lower", "0"),
            condition1_upper=_number(options, "condition1_upper", "0"),
            condition2_lower=_number(options, "condition2_lower", "0"),
            condition2_upper=_number(options, "condition2_upper", "0"),
        )


# --------------------------------------------------------------------------------------------
# Inputs


def reclassify(values: np.ndarray, valid: np.ndarray,
               table: ReclassTable) -> Tuple[np.ndarray, np.ndarray]:
    """Omniscape's reclassification: every ``old`` value (of the original surface) becomes
    ``new``; ``new`` NaN makes the cell NoData. Returns new (values, valid)."""
    old = values
    out = np.array(values, dtype=np.float64)
    out_valid = np.array(valid, dtype=bool)
    for before, after in table:
        hit = valid & (old == before)
        if math.isnan(after):
            out_valid &= ~hit
        else:
            out[hit] = after
    return out, out_valid


def _surface(resistance: np.ndarray, valid: np.ndarray, options: OmniscapeOptions, *,
             least: int = 2) -> Tuple[np.ndarray, np.ndarray]:
    """The (reclassified) surface and its valid cells, checked. ``least``: the fewest valid
    cells accepted (a tile of a tiled run passes 0 and counts them over all tiles)."""
    values = np.asarray(resistance, dtype=np.float64)
    if values.ndim != 2:
        raise EspInputError("The resistance surface must be a 2-D raster, not "
                            "{ndim}-dimensional.", ndim=values.ndim)
    valid = np.asarray(valid, dtype=bool)
    if valid.shape != values.shape:
        raise EspInputError("The NoData mask ({mask}) does not match the resistance surface "
                            "({shape}).", mask=valid.shape, shape=values.shape)
    valid = valid & ~np.isnan(values)
    what = "conductance" if options.resistance_is_conductance else "resistance"
    bad = int(np.count_nonzero(values[valid] <= 0))
    if bad:
        raise EspInputError("The {what} surface has {count} cells with zero or negative "
                            "values. Omniscape needs positive values: give barriers NoData.",
                            what=what, count=bad)
    if options.reclassify_resistance:
        values, valid = reclassify(values, valid, options.reclass_table)
        bad = int(np.count_nonzero(values[valid] <= 0))
        if bad:
            raise EspInputError("After reclassification the {what} surface has {count} cells "
                                "with zero or negative values. Fix the reclass table.",
                                what=what, count=bad)
    if options.resistance_is_conductance and np.any(np.isinf(values[valid])):
        raise EspInputError("The conductance surface has infinite values. Use large finite "
                            "conductances instead.")
    count = int(np.count_nonzero(valid))
    if count < least:
        raise _too_few_cells(options, count)
    return values, valid


def _too_few_cells(options: OmniscapeOptions, count: int) -> EspInputError:
    what = "conductance" if options.resistance_is_conductance else "resistance"
    return EspInputError("The {what} surface has {count} cell(s) with a value; current "
                         "needs at least two. Check the raster's NoData value and extent.",
                         what=what, count=count)


def _no_source() -> EspInputError:
    return EspInputError("No cell is a source (every source strength is 0 or below "
                         "source_threshold), so the current map would be empty. Lower "
                         "source_threshold, or give a source raster with positive values.")


def _conductance(values: np.ndarray, valid: np.ndarray, as_conductance: bool) -> np.ndarray:
    g = np.zeros(values.shape, dtype=np.float64)
    g[valid] = values[valid] if as_conductance else 1.0 / values[valid]  # inf R -> 0: barrier
    return g


def source_strength(values: np.ndarray, valid: np.ndarray, options: OmniscapeOptions, *,
                    source: Optional[np.ndarray] = None,
                    source_valid: Optional[np.ndarray] = None) -> np.ndarray:
    """Source strength of every cell as Omniscape prepares it (0 = no source).

    From a source raster: NoData -> 0, values below ``source_threshold`` -> 0. From the
    (reclassified) surface (``source_from_resistance``): the conductance, 0 where it is
    below 1/``r_cutoff`` or NoData.
    """
    if options.source_from_resistance:
        s = _conductance(values, valid, options.resistance_is_conductance)
        cutoff = math.inf if options.r_cutoff == 0 else 1.0 / options.r_cutoff
        s[(s < cutoff) | ~valid] = 0.0
        return s
    if source is None:
        raise EspInputError("Omniscape needs a source strength raster, or set "
                            "source_from_resistance to derive sources from the resistance.")
    s = np.array(source, dtype=np.float64)
    if s.shape != values.shape:
        raise EspInputError("The source raster ({source}) and the resistance surface "
                            "({shape}) have different sizes. Align them on one grid.",
                            source=s.shape, shape=values.shape)
    ok = ~np.isnan(s)
    if source_valid is not None:
        source_ok = np.asarray(source_valid, dtype=bool)
        if source_ok.shape != s.shape:
            raise EspInputError("The source NoData mask ({mask}) does not match the source "
                                "raster ({shape}).", mask=source_ok.shape, shape=s.shape)
        ok &= source_ok
    s[~ok] = 0.0
    s[s < options.source_threshold] = 0.0
    return s


def _conditions(options: OmniscapeOptions, shape: Tuple[int, int],
                arrays: Dict[str, Optional[np.ndarray]], log: Log) -> Tuple[Any, ...]:
    """(present, target-value raster, kind, lower, upper) per active condition."""
    if not options.conditional:
        return ()
    out = []
    for k in range(1, options.n_conditions + 1):
        comparison = getattr(options, "comparison{0}".format(k))
        present = arrays["condition{0}".format(k)]
        if present is None:
            raise EspInputError("Conditional connectivity needs the raster for condition "
                                "{k}. Pass condition{k}.", k=k)
        future = arrays["condition{0}_future".format(k)]
        if options.future_used(k):
            if future is None:
                raise EspInputError("compare_to_future = {mode} needs the future raster of "
                                    "condition {k}. Pass condition{k}_future.",
                                    mode=options.compare_to_future, k=k)
        else:
            if future is not None:
                log("compare_to_future = {mode}: the future raster of condition {k} is not "
                    "used.", mode=options.compare_to_future, k=k)
            future = present
        checked = []
        for name, raster in (("condition{0}".format(k), present),
                             ("condition{0}_future".format(k), future)):
            raster = np.asarray(raster, dtype=np.float64)
            if raster.shape != shape:
                raise EspInputError("The {name} raster ({other}) and the resistance surface "
                                    "({shape}) have different sizes. Align them on one grid.",
                                    name=name, other=raster.shape, shape=shape)
            checked.append(raster)
        if comparison == "none":
            continue
        out.append((checked[0], checked[1], comparison,
                    getattr(options, "condition{0}_lower".format(k)),
                    getattr(options, "condition{0}_upper".format(k))))
    return tuple(out)


def targets(strength: np.ndarray, block_size: int) -> np.ndarray:
    """Targets as rows ``(row, col, amps)`` (0-based cell of the block centre, block sum).

    Blocks tile the grid from the top-left corner with step ``block_size``; a partial block
    at the right or bottom edge has no target. Blocks without source are dropped.
    """
    rows, cols = strength.shape
    # Strategy: the blocks do not overlap, so their sums are one reshape-and-sum.
    ny, nx = rows // block_size, cols // block_size
    half = (block_size - 1) // 2
    sums = strength[:ny * block_size, :nx * block_size].reshape(
        ny, block_size, nx, block_size).sum(axis=(1, 3))
    iy, ix = np.nonzero(sums > 0)
    return np.column_stack([iy * block_size + half, ix * block_size + half,
                            sums[iy, ix]]).astype(np.float64)


# --------------------------------------------------------------------------------------------
# One window


@dataclass(frozen=True)
class _Plan:
    """What every worker needs to know about the run (small and picklable)."""

    radius: int
    buffer: int
    block_size: int
    shape: Tuple[int, int]
    four: bool
    method: str
    flow_potential: bool
    #: Solve full-disk windows on one shared structure (:mod:`.omniscapewindow`).
    disk_template: bool = False

    @property
    def reach(self) -> int:
        return self.radius + self.buffer

    @property
    def half(self) -> int:
        return (self.block_size - 1) // 2


def _window_current(g: np.ndarray, sources: np.ndarray, ground: Tuple[int, int], four: bool,
                    method: str) -> np.ndarray:
    """Node currents (A) of one Circuitscape advanced-mode solve on a window raster.

    ``g``: cell conductances (0 = not a node); ``sources``: injected amperes per cell (on
    non-node cells they are lost); ``ground``: the cell tied directly to ground.
    """
    net = raster_network(g, four_neighbours=four)
    assert net.node_map is not None
    ground_node = int(net.node_map[ground]) - 1
    if ground_node < 0 or net.n_nodes < 2:
        return np.zeros(g.shape)
    on = net.node_map > 0
    amps = np.bincount(net.node_map[on] - 1, sources[on], net.n_nodes)
    grounds = np.zeros(net.n_nodes)
    grounds[ground_node] = np.inf
    solution = solve_sources_grounds(net, amps, grounds, policy="rmvsrc", method=method)
    if not solution.solved:
        return np.zeros(g.shape)
    return net.cell_values(solution.node_currents(net))


class _UniformWindow:
    """A factorised all-ones window with one grounded cell (the flow-potential circuit)."""

    def __init__(self, shape: Tuple[int, int], ground: Tuple[int, int], four: bool,
                 method: str) -> None:
        self.net = raster_network(np.ones(shape), four_neighbours=four)
        assert self.net.node_map is not None
        self.ground = int(self.net.node_map[ground]) - 1
        clamped: npt.NDArray[np.bool_] = np.zeros(self.net.n_nodes, dtype=bool)
        clamped[self.ground] = True
        self.system = ClampedSystem(self.net.laplacian(), clamped, method=method)

    def currents(self, sources: np.ndarray) -> np.ndarray:
        net = self.net
        assert net.node_map is not None
        # node order = column-major cells
        amps: npt.NDArray[np.float64] = sources.ravel(order="F").astype(np.float64)
        amps[self.ground] = 0.0  # rmvsrc
        if amps.sum() == 0:
            return np.zeros(sources.shape)
        v = self.system.solve(amps)
        return net.cell_values(node_currents(net, v))


@dataclass
class _State:
    """Per-worker, read-only inputs plus a cache of flow-potential factorisations.

    The arrays (``g``, ``strength``, the condition rasters) may be a window of the raster
    (a tile of :mod:`espcore.circuits.omniscapetiles`): ``origin`` is the (row, column) of
    their first cell in the raster, while ``plan.shape`` and every target stay in the
    raster's coordinates. Each target's window must lie inside the arrays.
    """

    plan: _Plan
    g: np.ndarray
    strength: np.ndarray
    conditions: Tuple[Any, ...]
    correction: Optional[np.ndarray]
    distance2: np.ndarray
    uniform: Dict[Tuple[int, int, int, int], _UniformWindow]
    #: The full-disk window structure, built at this worker's first uncut window.
    disk: Optional[DiskWindow] = None
    origin: Tuple[int, int] = (0, 0)


def _setup(plan: _Plan, g: np.ndarray, strength: np.ndarray, conditions: Tuple[Any, ...],
           correction: Optional[np.ndarray], origin: Tuple[int, int] = (0, 0)) -> _State:
    reach = plan.reach
    offsets = np.arange(-reach, reach + 1)
    distance2 = offsets[:, None] ** 2 + offsets[None, :] ** 2
    return _State(plan, g, strength, conditions, correction, distance2, {},
                  origin=(int(origin[0]), int(origin[1])))


def _mode(values: np.ndarray) -> float:
    """StatsBase's ``mode``: the value that first reaches the highest count (in order)."""
    counts: Dict[float, int] = {}
    best, best_count = math.nan, 0
    for value in values.tolist():
        counts[value] = counts.get(value, 0) + 1
        if counts[value] > best_count:
            best, best_count = value, counts[value]
    return best


def _condition_filter(s: np.ndarray, state: _State, rows: slice, cols: slice, row: int,
                      col: int) -> None:
    """Omniscape's ``source_target_match!``: zero the sources whose condition differs.

    ``rows``, ``cols``, ``row``, ``col``: the window and the target in raster coordinates."""
    nrows, ncols = state.plan.shape
    half = state.plan.half
    top, left = state.origin
    block = (slice(row - half - top, min(row + half + 1, nrows) - top),
             slice(col - half - left, min(col + half + 1, ncols) - left))
    cut = (slice(rows.start - top, rows.stop - top), slice(cols.start - left, cols.stop - left))
    for present, future, comparison, lower, upper in state.conditions:
        target = future[block].ravel(order="F")  # Julia's iteration order
        target = target[~np.isnan(target)]
        if target.size == 0:  # Omniscape.jl stops with an error here; we match no source
            s[:] = 0.0
            return
        window = present[cut]
        with np.errstate(invalid="ignore"):
            if comparison == "within":
                value = float(np.median(target))
                differ = ((window - value) > upper) | ((window - value) < lower)
            else:
                differ = (window != _mode(target)) & ~np.isnan(window)
        s[differ] = 0.0


def _solve_target(state: _State, task: Tuple[int, int, float]
                  ) -> Tuple[int, int, np.ndarray, Optional[np.ndarray]]:
    """One moving window: returns (first row, first column, current, flow potential), the
    row and column in raster coordinates (see :class:`_State` for a state's origin)."""
    plan = state.plan
    row, col, amps = int(task[0]), int(task[1]), float(task[2])
    nrows, ncols = plan.shape
    reach, radius, half = plan.reach, plan.radius, plan.half
    r0, r1 = max(row - reach, 0), min(row + reach + 1, nrows)
    c0, c1 = max(col - reach, 0), min(col + reach + 1, ncols)
    gy, gx = row - r0, col - c0
    d2 = state.distance2[reach - gy:reach - gy + (r1 - r0), reach - gx:reach - gx + (c1 - c0)]
    top, left = state.origin
    cut = (slice(r0 - top, r1 - top), slice(c0 - left, c1 - left))

    s = state.strength[cut].copy()
    s[d2 > radius * radius] = 0.0
    # Omniscape zeroes the target block at the nominal centre offset, even in a window cut
    # by the grid edge (reproduced).
    s[reach - half:min(reach + half + 1, nrows), reach - half:min(reach + half + 1, ncols)] = 0
    positive = s > 0
    total = s[positive].sum()
    if total > 0:
        s[positive] = s[positive] * amps / total
    if state.conditions:
        _condition_filter(s, state, slice(r0, r1), slice(c0, c1), row, col)

    current = None
    if plan.disk_template and r1 - r0 == c1 - c0 == 2 * reach + 1:
        current = _disk_window(state).current(state.g[cut], s)
    if current is None:  # cut by the grid edge, or not a full disk of conductance
        g = state.g[cut].copy()
        g[d2 > reach * reach] = 0.0
        current = _window_current(g, s, (gy, gx), plan.four, plan.method)

    potential = None
    if plan.flow_potential:
        key = (r1 - r0, c1 - c0, gy, gx)
        uniform = state.uniform.get(key)
        if uniform is None:
            if len(state.uniform) >= _FP_CACHE_SIZE:
                state.uniform.pop(next(iter(state.uniform)))
            uniform = _UniformWindow(key[:2], (gy, gx), plan.four, plan.method)
            state.uniform[key] = uniform
        potential = uniform.currents(s)

    if state.correction is not None:
        correction = _crop_correction(state.correction, (r1 - r0, c1 - c0), row, col, plan)
        current *= correction
        if potential is not None:
            potential *= correction
    return r0, c0, current, potential


def _disk_window(state: _State) -> DiskWindow:
    if state.disk is None:
        state.disk = DiskWindow(state.plan.reach, state.plan.four)
    return state.disk


def _uses_disk_template(method: str) -> bool:
    """True when windows solved with ``method`` take the shared full-disk structure: it
    refactorises with CHOLMOD; other solvers keep the general path."""
    return omniscapewindow.ENABLED and method == "cholmod"


def make_plan(options: OmniscapeOptions, shape: Tuple[int, int], log: Log = _quiet) -> _Plan:
    """The run's plan for a grid of ``shape`` (the block size made odd, the window solver
    chosen), logging both choices."""
    size = options.effective_block_size
    if size != options.block_size:
        log("block_size is even ({size}) but must be odd; using {used}, as Omniscape does.",
            size=options.block_size, used=size)
    reach = options.radius + options.buffer
    method = choose_method((2 * reach + 1) ** 2, options.solver, log)
    return _Plan(radius=int(options.radius), buffer=int(options.buffer), block_size=size,
                 shape=shape, four=options.connect_four_neighbors_only, method=method,
                 flow_potential=options.flow_potential_needed,
                 disk_template=_uses_disk_template(method))


def _crop_correction(correction: np.ndarray, size: Tuple[int, int], row: int, col: int,
                     plan: _Plan) -> np.ndarray:
    """The part of the correction array under a window, cut as Omniscape cuts it."""
    cuts = []
    for centre, extent, n in ((row, size[0], plan.shape[0]), (col, size[1], plan.shape[1])):
        low, high = 0, correction.shape[0]
        if centre + plan.reach >= n:  # cut at the far edge
            high = extent
        if centre < plan.reach:  # cut at the near edge (both: keeps the first cells)
            low = high - extent
        cuts.append(slice(low, high))
    return correction[cuts[0], cuts[1]]


def artifact_correction(plan: _Plan) -> np.ndarray:
    """Omniscape's block-artifact correction array, (2 (radius + buffer) + 1) cells square.

    Ratio of the summed currents of ``block_size``^2 single-cell targets (shifted copies of
    one uniform-window solve) to the current of one block target, both on a uniform window.
    """
    reach, radius, size, half = plan.reach, plan.radius, plan.block_size, plan.half
    width = 2 * reach + 1
    offsets = np.arange(-reach, reach + 1)
    d2 = offsets[:, None] ** 2 + offsets[None, :] ** 2
    in_source = d2 <= radius * radius
    conductance = (d2 <= reach * reach).astype(np.float64)
    centre = (reach, reach)

    single = np.where(in_source, 1.0, 0.0)
    count = single.sum()
    single[centre] = 0.0
    single[single != 0] = 1.0 / (count - 1)

    blocked = np.where(in_source, 1.0, 0.0)
    nrows, ncols = plan.shape
    blocked[reach - half:min(reach + half + 1, nrows),
            reach - half:min(reach + half + 1, ncols)] = 0.0
    positive = blocked > 0
    blocked[positive] = blocked[positive] * float(size * size) / blocked[positive].sum()

    block_current = _window_current(conductance, blocked, centre, plan.four, plan.method)
    single_current = _window_current(conductance, single, centre, plan.four, plan.method)
    total = np.zeros((width + size - 1, width + size - 1))
    for i in range(size):
        for j in range(size):
            total[i:i + width, j:j + width] += single_current
    total = total[half:half + width, half:half + width]
    total[block_current == 0] = 0.0
    total[total == 0] = 1.0
    block_current[block_current == 0] = 1.0
    return total / block_current


# --------------------------------------------------------------------------------------------
# The run


def omniscape(resistance: np.ndarray, valid: np.ndarray, *,
              source: Optional[np.ndarray] = None, source_valid: Optional[np.ndarray] = None,
              options: OmniscapeOptions,
              condition1: Optional[np.ndarray] = None,
              condition2: Optional[np.ndarray] = None,
              condition1_future: Optional[np.ndarray] = None,
              condition2_future: Optional[np.ndarray] = None,
              executor: Any = None, progress: Progress = NullProgress(),
              log: Log = _quiet) -> Dict[str, np.ndarray]:
    """Omnidirectional cumulative current of a landscape (Omniscape.jl's algorithm).

    Parameters
    ----------
    resistance : 2-D float array
        Resistance per cell (ohm; unitless relative values are fine), or conductance (S)
        with ``options.resistance_is_conductance``. Must be > 0 on valid cells.
    valid : 2-D bool array, same shape
        False on NoData cells (and NaN values count as NoData): a barrier; no current
        enters such a cell and it is no source.
    source : 2-D float array, optional
        Source strength per cell (relative), required unless
        ``options.source_from_resistance``. NaN or ``source_valid`` False -> 0.
    source_valid : 2-D bool array, optional
        False on NoData cells of ``source``.
    options : OmniscapeOptions
    condition1, condition2, condition1_future, condition2_future : 2-D float arrays
        Rasters for conditional connectivity (NaN = NoData), on the resistance grid.
    executor : SerialExecutor or ProcessExecutor, optional
        Where the windows are solved (default: serially in this process).
    progress : Progress
        Receives the fraction of windows done; cancelling raises
        :class:`~espcore.errors.Cancelled` between windows.
    log : callable ``log(template, **fields)``
        Warnings and choices (even block size, solver), as English templates.

    Returns
    -------
    dict of 2-D float64 arrays, the resistance grid's shape:
        ``cum_currmap`` (A, summed over all targets); with ``calc_flow_potential``
        ``flow_potential`` (A); with ``calc_normalized_current`` ``normalized_cum_currmap``
        (unitless; 0/0 -> 0); with ``reclassify_resistance`` ``classified_resistance``.
        With ``options.mask_nodata`` (default, as Omniscape) NoData cells of the (reclassified)
        resistance hold -9999.0 (:data:`espcore.circuits.circuit.MAP_NODATA`) in every map, which is
        what Omniscape writes to its files; otherwise they keep the computed value (0 for
        current; the flow potential is computed ignoring NoData).

    Raises
    ------
    EspInputError
        Zero or negative resistance/conductance, mismatched grids, missing sources or
        condition rasters.
    Cancelled
        When ``progress.cancelled()`` turns true.
    """
    check_cancelled(progress)
    values, ok = _surface(resistance, valid, options)
    if options.source_from_resistance and source is not None:
        log("source_from_resistance is on: the source raster is ignored.")
    strength = source_strength(values, ok, options, source=source, source_valid=source_valid)
    if not np.any(strength > 0):
        raise _no_source()
    shape = (int(values.shape[0]), int(values.shape[1]))
    conditions = _conditions(options, shape,
                             {"condition1": condition1, "condition2": condition2,
                              "condition1_future": condition1_future,
                              "condition2_future": condition2_future}, log)
    g = _conductance(values, ok, options.resistance_is_conductance)

    plan = make_plan(options, shape, log)
    size = plan.block_size
    correction = (artifact_correction(plan)
                  if options.correct_artifacts and size > 1 else None)

    jobs = targets(strength, size)
    log("Omniscape: {n} moving windows (radius {radius}, block size {size}).",
        n=len(jobs), radius=options.radius, size=size)
    cumulative = np.zeros(values.shape)
    potential = np.zeros(values.shape) if plan.flow_potential else None
    setup = partial(_setup, plan, g, strength, conditions, correction)
    runner = executor if executor is not None else SerialExecutor()
    done = 0
    for r0, c0, current, window_potential in runner.run(setup, _solve_target, _tasks(jobs),
                                                         progress, batch=WINDOW_BATCH):
        rows, cols = current.shape
        cumulative[r0:r0 + rows, c0:c0 + cols] += current
        if potential is not None and window_potential is not None:
            potential[r0:r0 + rows, c0:c0 + cols] += window_potential
        done += 1
        progress.update(done / len(jobs))
        check_cancelled(progress)
    progress.update(1.0)
    return _maps(cumulative, potential, values, ok, options)


def _maps(cumulative: np.ndarray, potential: Optional[np.ndarray], values: np.ndarray,
          ok: np.ndarray, options: OmniscapeOptions) -> Dict[str, np.ndarray]:
    """The maps :func:`omniscape` returns from the summed current and flow potential (of
    the whole grid, or of a band of rows of it: every step is per cell). Takes ownership of
    ``cumulative`` and ``potential``."""
    out: Dict[str, np.ndarray] = {"cum_currmap": cumulative}
    if potential is not None and options.calc_flow_potential:
        out["flow_potential"] = potential
    if potential is not None and options.calc_normalized_current:
        with np.errstate(divide="ignore", invalid="ignore"):
            normalized = cumulative / potential
        normalized[np.isnan(normalized)] = 0.0
        out["normalized_cum_currmap"] = normalized
    if options.mask_nodata:
        for array in out.values():
            array[~ok] = MAP_NODATA
    if options.reclassify_resistance:
        out["classified_resistance"] = np.where(ok, values, MAP_NODATA)
    return out


def _tasks(jobs: np.ndarray) -> Iterator[Tuple[int, int, float]]:
    for row, col, amps in jobs:
        yield int(row), int(col), float(amps)


__all__ = ["OmniscapeOptions", "artifact_correction", "omniscape", "parse_reclass_table",
           "reclassify", "source_strength", "targets"]
