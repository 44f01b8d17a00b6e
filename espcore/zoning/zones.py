"""Restoration zoning: the four planning zones and the graded key areas of an ESP.

Every input is a boolean or float array on one grid; the wrapper reads the rasters and burns
the vectors. The zones follow the element-based scheme of Chinese territorial restoration
plans (esp-methods.md §1.6):

======  =================================  =============================================
code    zone                               cells
======  =================================  =============================================
1       ecological conservation (生态保护区)  sources and pinch points
2       ecological restoration (生态修复区)   barriers, breakpoints, degraded land inside
                                           sources and corridors
3       ecological improvement (生态提升区)   corridors and stepping stones
4       ecological control (生态管控区)       every other cell with data
0       NoData                             cells without data
======  =================================  =============================================

A cell meeting several rules takes the first zone in the order restoration, conservation,
improvement, control: a barrier inside a corridor is restored before it is improved, and
degraded land inside a source is restored before it is conserved.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional, Sequence, Tuple

import numpy as np
import numpy.typing as npt

from ..classify import classify, natural_breaks
from ..errors import EspInputError
from ..grid import Grid
from ..progress import NullProgress, Progress, SubProgress, check_cancelled

CONSERVATION, RESTORATION, IMPROVEMENT, CONTROL = 1, 2, 3, 4
#: Zone codes in the order the zones are listed to users.
ZONES = (CONSERVATION, RESTORATION, IMPROVEMENT, CONTROL)
#: English zone names (the wrappers translate them; zh-Hans are the planning terms).
ZONE_NAMES = {
    CONSERVATION: "Ecological conservation zone",
    RESTORATION: "Ecological restoration zone",
    IMPROVEMENT: "Ecological improvement zone",
    CONTROL: "Ecological control zone",
}
#: Key-area kinds (the ``kind_id`` of the key areas layer, read by collaborative zoning).
PINCH_POINT, BARRIER, BREAKPOINT, CORRIDOR, DEGRADED_SOURCE, DEGRADED_CORRIDOR = range(1, 7)
#: Number of key-area levels: 1 (first level, most urgent) to 3.
LEVELS = 3
#: 8-connectivity: cells touching at a corner belong to one patch, as in MSPA and GDAL.
_EIGHT: npt.NDArray[np.bool_] = np.ones((3, 3), dtype=bool)


def _bool(mask: Optional[np.ndarray], shape: Tuple[int, ...], name: str) -> np.ndarray:
    if mask is None:
        return np.zeros(shape, dtype=bool)
    array = np.asarray(mask)
    if array.shape != shape:
        raise EspInputError("The {name} mask has shape {got}, not the grid's {shape}.",
                            name=name, got=array.shape, shape=shape)
    return array.astype(bool)


def key_cells(values: np.ndarray, *, within: Optional[np.ndarray] = None,
              threshold: Optional[float] = None, classes: int = 5, low: bool = False,
              progress: Progress = NullProgress()) -> Tuple[np.ndarray, float]:
    """The key cells of a continuous map (pinch points, barriers, degraded land).

    Parameters
    ----------
    values : 2-D float array; NaN and infinite values are NoData.
    within : optional boolean array: only these cells can be key cells, and only their
        values enter the natural breaks.
    threshold : with ``low`` False, the cells with ``values >= threshold``; with ``low``
        True, those with ``values < threshold``. None: the natural breaks rule below.
    classes : natural breaks (Jenks) classes for the default rule: the key cells are the
        top class (``low`` False, among the positive values, since 0 means "nothing" on
        current and barrier maps) or the bottom class (``low`` True, among all values:
        habitat quality is low there).
    low : True for maps on which low values are the key ones (habitat quality).
    progress : receives the fraction of the natural breaks done; checked for cancellation.

    Returns
    -------
    (mask, limit): the boolean key cells and the smallest (``low``: largest) value among
    them, NaN when there is none.
    """
    array = np.asarray(values, dtype=np.float64)
    usable = np.isfinite(array)
    if within is not None:
        usable &= _bool(within, array.shape, "within")
    if threshold is not None:
        if not np.isfinite(threshold):
            raise EspInputError("A threshold must be a finite number, not {value}.",
                                value=threshold)
        key = usable & ((array < threshold) if low else (array >= threshold))
    else:
        candidates = usable if low else usable & (array > 0)
        key = np.zeros(array.shape, dtype=bool)
        if candidates.any():
            edges = natural_breaks(np.where(candidates, array, np.nan), classes,
                                   progress=progress)
            graded = classify(np.where(candidates, array, np.nan), edges)
            key = graded == (1 if low else len(edges) - 1)
    if not key.any():
        return key, float("nan")
    picked = array[key]
    return key, float(picked.max() if low else picked.min())


def buffer_cells(mask: np.ndarray, distance: float, cell_size: float) -> np.ndarray:
    """Cells whose centre lies within ``distance`` map units of the centre of a True cell
    (Euclidean distance transform; 0 returns the mask itself)."""
    from scipy import ndimage

    base = np.asarray(mask, dtype=bool)
    if not (np.isfinite(distance) and distance >= 0):
        raise EspInputError("The buffer distance must be 0 or more, not {value}.",
                            value=distance)
    if distance == 0 or not base.any():
        return base.copy()
    # The transform is the exact distance to the nearest True cell, in map units.
    return ndimage.distance_transform_edt(~base, sampling=cell_size) <= distance


def _on_grid(grid: Grid, shape: Tuple[int, ...], name: str) -> Grid:
    if grid.shape != shape:
        raise EspInputError("The {name} mask has shape {got}, not the grid's {shape}.",
                            name=name, got=grid.shape, shape=shape)
    return grid


def _nan_values(grid: Grid, shape: Tuple[int, ...], name: str) -> np.ndarray:
    """A grid's values as float64 with NaN on NoData, checked against the zoning grid."""
    _on_grid(grid, shape, name)
    return np.where(grid.mask, np.nan, grid.values.astype(np.float64))


@dataclass
class ZoningElements:
    """The elements of an ESP on the zoning grid, as boolean masks (None = not given), and
    the value limits the key cells were cut at (NaN when not given or no cell passed).

    ``valid`` are the cells with data; ``sources`` the source cells with data;
    ``corridors`` and ``paths`` (the least-cost path cells) lie outside the sources.
    """

    valid: np.ndarray
    sources: np.ndarray
    corridors: np.ndarray
    paths: np.ndarray
    pinch: Optional[np.ndarray] = None
    barriers: Optional[np.ndarray] = None
    breakpoints: Optional[np.ndarray] = None
    degraded: Optional[np.ndarray] = None
    stepping_stones: Optional[np.ndarray] = None
    pinch_limit: float = math.nan
    barrier_limit: float = math.nan
    degraded_limit: float = math.nan


def zoning_elements(resistance: Grid, *, sources: np.ndarray,
                    nlcc: Optional[Grid] = None, width: Optional[float] = None,
                    link_cells: Optional[np.ndarray] = None, buffer: float = 0.0,
                    pinch: Optional[Grid] = None, pinch_threshold: Optional[float] = None,
                    barriers: Optional[Grid] = None,
                    barrier_threshold: Optional[float] = None,
                    quality: Optional[Grid] = None,
                    quality_threshold: Optional[float] = None, quality_low: bool = True,
                    land_cover: Optional[Grid] = None, break_classes: Sequence[float] = (),
                    stepping_stones: Optional[np.ndarray] = None,
                    classes: int = 5, progress: Progress = NullProgress()) -> ZoningElements:
    """The element masks of restoration zoning, every input on the resistance grid.

    Parameters
    ----------
    resistance : the resistance grid; its NoData and non-finite cells get no zone.
    sources : boolean (or source ids, > 0 = source) array of the grid's shape.
    nlcc : optional normalised least-cost corridor raster (cost units; 0 on the least-cost
        paths). Its cells with a value at or below ``width`` (all of them when ``width`` is
        None) are corridor cells; its 0 cells are path cells.
    width : corridor width in cost units, or None.
    link_cells : optional boolean array, the cells of the least-cost paths of the links
        (burnt by the caller). They are path cells, and every cell whose centre lies within
        ``buffer`` map units of one of them is a corridor cell (see :func:`buffer_cells`,
        with the smaller cell side as the cell size).
    buffer : buffer distance of the link cells in map units (0 or more).
    pinch, barriers : optional current and barrier-score rasters: their key cells (see
        :func:`key_cells`, ``within`` the cells with data) at ``pinch_threshold`` /
        ``barrier_threshold``, or by natural breaks when the threshold is None.
    quality : optional quality (``quality_low`` True: low values are degraded) or
        degradation raster (``quality_low`` False); its key cells among the source and
        corridor cells with data, at ``quality_threshold`` or by natural breaks.
    land_cover : optional land-cover raster: path cells on one of ``break_classes``
        (outside NoData) are breakpoints.
    stepping_stones : optional boolean array of stepping-stone cells (burnt by the caller).
    classes : natural-breaks classes for the thresholds left empty.
    progress : receives the fraction done (the natural breaks take most of the time);
        checked for cancellation.

    Returns
    -------
    :class:`ZoningElements`. Corridor, path and barrier cells are limited to the cells with
    data outside the sources; stepping stones to the cells with data.

    Raises
    ------
    EspInputError
        An array not of the grid's shape, a threshold that is not finite or a negative
        buffer.
    """
    shape = resistance.shape
    valid = ~resistance.mask & np.isfinite(resistance.values)
    source = _bool(sources, shape, "sources")
    corridors = np.zeros(shape, dtype=bool)
    paths = np.zeros(shape, dtype=bool)
    if nlcc is not None:
        _on_grid(nlcc, shape, "corridors")
        # Compared in the raster's own precision, as the width is read on its values.
        has_value = ~nlcc.mask & np.isfinite(nlcc.values)
        corridors |= has_value & ((nlcc.values <= width) if width is not None else True)
        # Linkage pathways writes exactly 0 on the least-cost paths.
        paths |= has_value & (nlcc.values == 0)
    if link_cells is not None:
        burnt = _bool(link_cells, shape, "corridors")
        paths |= burnt
        cell = min(abs(resistance.cell_size[0]), abs(resistance.cell_size[1]))
        corridors |= buffer_cells(burnt, buffer, cell)
    corridors &= valid & ~source
    paths &= valid & ~source
    elements = ZoningElements(valid, source & valid, corridors, paths)
    graded = [grid for grid in (pinch, barriers, quality) if grid is not None]
    parts = iter(SubProgress(progress, k / len(graded), (k + 1) / len(graded))
                 for k in range(len(graded)))
    check_cancelled(progress)
    if pinch is not None:
        elements.pinch, elements.pinch_limit = key_cells(
            _nan_values(pinch, shape, "pinch points"), within=valid,
            threshold=pinch_threshold, classes=classes, progress=next(parts))
    if barriers is not None:
        # Barrier Mapper (Linkage Mapper's semantics) also scores cells inside the sources;
        # restoring is planned outside them, and NoData (no improvement) is never a key cell.
        elements.barriers, elements.barrier_limit = key_cells(
            _nan_values(barriers, shape, "barriers"), within=valid & ~source,
            threshold=barrier_threshold, classes=classes, progress=next(parts))
    if quality is not None:
        elements.degraded, elements.degraded_limit = key_cells(
            _nan_values(quality, shape, "degraded"), within=(source | corridors) & valid,
            threshold=quality_threshold, classes=classes, low=quality_low,
            progress=next(parts))
    if land_cover is not None:
        _on_grid(land_cover, shape, "breakpoints")
        elements.breakpoints = paths & ~land_cover.mask & np.isin(land_cover.values,
                                                                  list(break_classes))
    if stepping_stones is not None:
        elements.stepping_stones = _bool(stepping_stones, shape, "stepping stones") & valid
    progress.update(1.0)
    return elements


def restoration_zones(valid: np.ndarray, *, sources: np.ndarray,
                      corridors: np.ndarray, pinch: Optional[np.ndarray] = None,
                      barriers: Optional[np.ndarray] = None,
                      breakpoints: Optional[np.ndarray] = None,
                      degraded: Optional[np.ndarray] = None,
                      stepping_stones: Optional[np.ndarray] = None) -> np.ndarray:
    """Zone codes 1-4 (see the module table), 0 where ``valid`` is False.

    Parameters
    ----------
    valid : boolean, the cells with data (the resistance raster's).
    sources, corridors : boolean masks of the sources and the corridors.
    pinch, barriers, breakpoints : optional boolean masks of the key cells.
    degraded : optional boolean mask of degraded land anywhere; only its cells inside
        sources or corridors go to restoration.
    stepping_stones : optional boolean mask of stepping-stone patches.

    Returns
    -------
    uint8 array of zone codes.
    """
    ok = np.asarray(valid, dtype=bool)
    shape = ok.shape
    source = _bool(sources, shape, "sources")
    corridor = _bool(corridors, shape, "corridors")
    restore = (_bool(barriers, shape, "barriers") | _bool(breakpoints, shape, "breakpoints")
               | (_bool(degraded, shape, "degraded") & (source | corridor)))
    conserve = source | _bool(pinch, shape, "pinch points")
    improve = corridor | _bool(stepping_stones, shape, "stepping stones")
    zones = np.full(shape, CONTROL, dtype=np.uint8)
    # Lowest precedence first, so each later rule overwrites the one before.
    zones[improve] = IMPROVEMENT
    zones[conserve] = CONSERVATION
    zones[restore] = RESTORATION
    zones[~ok] = 0
    return zones


def patches(mask: np.ndarray) -> Tuple[np.ndarray, int]:
    """8-connected patches of ``mask``: int32 labels 1..n (0 = none) and n."""
    from scipy import ndimage

    labels, count = ndimage.label(np.asarray(mask, dtype=bool), structure=_EIGHT)
    return labels.astype(np.int32), int(count)


def zone_parts(zones: np.ndarray) -> np.ndarray:
    """Number of 8-connected parts of each zone, in the order of :data:`ZONES` (int64)."""
    codes = np.asarray(zones)
    return np.array([patches(codes == code)[1] for code in ZONES], dtype=np.int64)


def patch_values(labels: np.ndarray, count: int, values: Optional[np.ndarray] = None,
                 how: str = "max") -> np.ndarray:
    """Per patch 1..count: the ``max`` or ``sum`` of ``values`` (NaN counted as 0), or the
    number of cells (``count``; ``values`` unused)."""
    flat = np.asarray(labels).ravel()
    if how == "count":
        return np.bincount(flat, minlength=count + 1)[1:].astype(np.float64)
    if values is None:
        raise EspInputError("Patch values need a value raster for '{how}'.", how=how)
    data = np.nan_to_num(np.asarray(values, dtype=np.float64).ravel(), nan=0.0)
    if how == "sum":
        return np.bincount(flat, weights=data, minlength=count + 1)[1:]
    if how == "max":
        out = np.full(count + 1, -np.inf)
        np.maximum.at(out, flat, data)
        return out[1:]
    raise EspInputError("Unknown patch statistic '{how}'; use max, sum or count.", how=how)


def grade_levels(scores: np.ndarray, levels: int = LEVELS) -> np.ndarray:
    """Levels 1..``levels`` by natural breaks, level 1 the highest scores.

    With fewer distinct scores than levels each distinct score gets its own level (so the
    top score is always level 1); an empty input gives an empty result.
    """
    values = np.asarray(scores, dtype=np.float64)
    if values.size == 0:
        return np.zeros(0, dtype=np.int32)
    if not np.all(np.isfinite(values)):
        raise EspInputError("Key-area scores must be finite numbers to be graded.")
    edges = natural_breaks(values, levels)
    classes = classify(values, edges)
    return (len(edges) - classes).astype(np.int32)


@dataclass(frozen=True)
class ZoneTally:
    """Cells and area of each zone (codes :data:`ZONES`), area in squared map units."""

    codes: Tuple[int, ...]
    cells: np.ndarray
    area: np.ndarray

    @property
    def share(self) -> np.ndarray:
        """Percent of the zoned area (all zones together = 100)."""
        total = float(self.area.sum())
        return 100.0 * self.area / total if total > 0 else np.zeros_like(self.area)


def zone_tally(zones: np.ndarray, cell_area: float) -> ZoneTally:
    """Cell counts and areas of the four zones (NoData cells, code 0, left out)."""
    counts = np.bincount(np.asarray(zones, dtype=np.int64).ravel(), minlength=max(ZONES) + 1)
    cells = counts[list(ZONES)].astype(np.int64)
    return ZoneTally(ZONES, cells, cells * float(cell_area))
