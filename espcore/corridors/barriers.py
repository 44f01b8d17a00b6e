"""Barrier Mapper: where would restoring a disc shorten a corridor most (McRae et al. 2012).

For a link between sources A and B with least-cost distance ``LCD_AB`` and a detection
radius ``r`` (map units), the cost of the corridor if the disc of radius ``r`` centred on a
cell ``p`` were restored is ``m_A(p) + m_B(p) + 2 r x restored``, where ``m_A(p)`` is the
smallest cost-weighted distance to A on the ring (annulus) of outer radius ``r`` around ``p``
(a path from A reaches the rim of the disc, crosses its diameter at the restored resistance,
and leaves from the rim towards B). The improvement score is the drop in cost per map unit
restored::

    IS_r(p) = (LCD_AB - m_A(p) - m_B(p) - 2 r x restored) / (2 r)

The percent variant is ``100 x IS / LCD_AB``.

Two semantics (``SEMANTICS``) differ in three points:

- ``"linkage_mapper"`` (the default) is what Linkage Mapper's Barrier Mapper computes: the
  ring holds the cells whose centre lies at a distance in ``(r - 1 map unit, r]`` (ArcGIS's
  annulus neighbourhood of inner radius ``r - 1`` in map units), cells where restoring
  would not shorten the corridor (IS <= 0, or no usable value on the ring) are NoData, and
  cells inside sources are scored like any other (pass ``source_mask`` to blank them).
  With a ring one map unit wide, a radius whose ring holds no cell centre (for example
  400 m on 30 m cells) gives no score and is left out (:func:`scorable_radii`); when no
  radius is left the error proposes multiples of the cell size.
- ``"esp_earlier"`` is what ESP Toolkit computed before: the ring is one *cell* wide,
  ``(r - cell, r]``, so every radius of at least one cell has cells on its ring whatever
  the cell size, and the minimum is taken over a full cell-wide band (a path can leave the
  disc between two axis cells); IS <= 0 gives 0 ("no improvement" as a value, which a
  sum or a mean over an area can use); and the caller usually masks sources.

Scores are combined across links by maximum (Linkage Mapper's default) or sum (a "barrier
centrality"), then across radii (maximum by default).
*Barrier centres* are the scores at the window centre; *barrier circles* spread each centre's
score over its whole window (focal maximum with a disc of radius ``r``), which is how
Linkage Mapper displays them.

NoData rules: a CWD value of NaN is NoData and gives a NaN score for that link at that cell
(combined outputs are NaN only where every link is NaN); ``inf`` means unreachable. Both are
ignored by the annulus minimum (so is a CWD at or above ``cwd_threshold``); an annulus
without any usable value gives no improvement (NaN under ``"linkage_mapper"``, 0 under
``"esp_earlier"``). Cells of ``source_mask`` are NaN in every output.

Cost: one minimum filter per source and radius (a source shared by several links is
filtered once per radius) over a footprint of about ``2 pi r / cell`` cells, i.e. about
``N x 6.3 r / cell`` comparisons for ``N`` cells, plus, per radius, a disc maximum for the
circles done row segment by row segment (about ``N x 2 r / cell`` operations). Measured on
a 2-core VM: 4M cells, 2 links (3 sources), radii 400/800/1200 at 30 m cells: 7 s. Memory:
about ten float64 grids (outputs per radius included) plus one filtered grid per source
still needed at the current radius.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

import numpy as np

from ..errors import EspInputError
from ..progress import NullProgress, Progress, SubProgress, check_cancelled
from .costdistance import SourceDistances, SurfaceStore, corridor

COMBINE_METHODS = ("max", "sum")
#: Linkage Mapper's Barrier Mapper (default), and ESP Toolkit's earlier rules (module notes).
LINKAGE_MAPPER = "linkage_mapper"
ESP_EARLIER = "esp_earlier"
SEMANTICS = (LINKAGE_MAPPER, ESP_EARLIER)
#: Relative tolerance for radii that fall on a cell-centre distance.
_EPS = 1e-9
#: More radii than this is a typo in the step (each radius is a pass over the grid).
MAX_RADII = 100

Link = Tuple[np.ndarray, np.ndarray, float]


@dataclass
class BarrierResult:
    """Barrier scores on the input grid (float64, NaN = NoData).

    Attributes
    ----------
    score : ndarray
        Barrier centres combined across links and radii.
    by_radius : dict of float -> ndarray
        Barrier centres per radius (combined across links).
    circles : ndarray
        Barrier circles combined across radii.
    circles_by_radius : dict of float -> ndarray
        Barrier circles per radius.
    radii : tuple of float
        The radii used, in map units, in increasing order.
    """

    score: np.ndarray
    by_radius: Dict[float, np.ndarray] = field(default_factory=dict)
    circles: Optional[np.ndarray] = None
    circles_by_radius: Dict[float, np.ndarray] = field(default_factory=dict)
    radii: Tuple[float, ...] = ()

    @property
    def max_score(self) -> float:
        """The highest score, 0 when no cell has a positive score."""
        helps = positive_scores(self.score)
        return float(self.score[helps].max()) if helps.any() else 0.0


def positive_scores(score: np.ndarray) -> np.ndarray:
    """True where restoring would shorten a corridor: the finite scores above 0."""
    values = np.asarray(score)
    return np.isfinite(values) & (values > 0)


def stretch_limit(score: np.ndarray, percentile: float = 98.0) -> float:
    """The top of a colour ramp for a score raster: the ``percentile`` of its positive
    scores (1 when there is none).

    Most cells of a barrier raster are 0, so a percentile of all cells is often 0; taking it
    among the positive scores spreads the ramp over the places where restoring helps.
    """
    values = np.asarray(score)
    positive = values[positive_scores(values)]
    return float(np.percentile(positive, percentile)) if positive.size else 1.0


def barrier_links(labels: np.ndarray, resistance: np.ndarray, *, impassable: np.ndarray,
                  cell_size: Tuple[float, float], pairs: Sequence[Tuple[int, int]],
                  store: Optional[SurfaceStore] = None,
                  progress: Progress = NullProgress()) -> List[Link]:
    """The links between sources as :func:`barrier_scores` takes them.

    Parameters
    ----------
    labels : 2-D int array, source id of every cell (0 = none).
    resistance : 2-D float array, cost per map unit; non-finite values are impassable too.
    impassable : 2-D bool array, the NoData cells of the resistance.
    cell_size : (width, height) of a cell in map units.
    pairs : (source A, source B) of every link.
    store : where surfaces searched by other algorithms of the run are found (see
        :class:`espcore.corridors.costdistance.SourceDistances`).
    progress : one step per source; cancellation is checked before each search.

    Returns
    -------
    One ``(cwd_a, cwd_b, lcd)`` per pair, in the order of ``pairs``: the cost-weighted
    distances from its two sources (float64, NaN on impassable cells) and the least-cost
    distance between them (``inf`` when no path joins them; :func:`barrier_scores` refuses
    such a link). A source shared by several links is searched once and its array object
    shared, so the scores filter it once per radius.

    Raises
    ------
    EspInputError
        A source without a passable cell, or grids of different shapes.
    Cancelled
        When the user stops the run.

    Notes
    -----
    Every surface is held until the scores are done (the scores take all links at once),
    one float64 grid per source.
    """
    blocked = np.asarray(impassable, dtype=bool) | ~np.isfinite(resistance)
    values = np.where(blocked, 1.0, resistance).astype(np.float64)
    # The cache would keep surfaces that are held here anyway.
    distances = SourceDistances(labels, values, impassable=blocked, cell_size=cell_size,
                                max_bytes=0, store=store)
    sources = sorted({int(end) for pair in pairs for end in pair})
    cwd: Dict[int, np.ndarray] = {}
    for number, source in enumerate(sources):
        check_cancelled(progress)
        search = SubProgress(progress, number / len(sources), (number + 1) / len(sources))
        # NaN marks NoData for the scores: such cells get no score and never end a restored
        # circle (a CWD of inf would only mean "unreachable").
        cwd[source] = np.where(blocked, np.nan, distances(source, search))
        progress.update((number + 1) / len(sources))
    links: List[Link] = []
    for a, b in pairs:
        check_cancelled(progress)
        _, lcd = corridor(cwd[int(a)], cwd[int(b)])
        links.append((cwd[int(a)], cwd[int(b)], lcd))
    return links


def _check_cell_size(cell_size: float) -> float:
    size = float(cell_size)
    if not (math.isfinite(size) and size > 0):
        raise EspInputError("The cell size must be a positive number of map units, not "
                            "{cell_size}.", cell_size=cell_size)
    return size


def _radius_in_cells(radius: float, cell_size: float) -> float:
    size = _check_cell_size(cell_size)
    r = float(radius)
    if not math.isfinite(r) or r < size * (1 - _EPS):
        raise EspInputError("The detection radius ({radius} map units) must be at least one "
                            "cell ({cell_size} map units). Use a larger radius.",
                            radius=radius, cell_size=size)
    return r / size


def _offsets(cells: float) -> Tuple[np.ndarray, int]:
    k = int(math.floor(cells * (1 + _EPS)))
    di, dj = np.mgrid[-k:k + 1, -k:k + 1]
    return np.hypot(di, dj), k


def _check_semantics(semantics: str) -> str:
    if semantics not in SEMANTICS:
        raise EspInputError("Unknown barrier semantics '{semantics}'. Use 'linkage_mapper' or "
                            "'esp_earlier'.", semantics=semantics)
    return semantics


def annulus(radius: float, cell_size: float, *,
            semantics: str = LINKAGE_MAPPER) -> np.ndarray:
    """Footprint of the ring around a cell on which the CWD minima are taken.

    Parameters
    ----------
    radius : float
        Outer radius in map units, at least one cell.
    cell_size : float
        Side of a (square) cell in map units.
    semantics : {"linkage_mapper", "esp_earlier"}
        Inner radius ``radius - 1`` map unit (Linkage Mapper) or ``radius - cell_size``.

    Returns
    -------
    ndarray of bool, shape (2k + 1, 2k + 1)
        True where the distance ``d`` between the centre cell's centre and that cell's
        centre satisfies ``inner < d <= radius``; ``k = floor(radius / cell_size)``. The
        centre itself is never part of it. May be all False under ``"linkage_mapper"``
        when no cell centre lies in the one-unit ring (see :func:`link_scores`).

    Raises
    ------
    EspInputError
        Radius smaller than a cell, a cell size that is not positive, unknown semantics.
    """
    _check_semantics(semantics)
    cells = _radius_in_cells(radius, cell_size)
    dist, _ = _offsets(cells)
    width = 1.0 / float(cell_size) if semantics == LINKAGE_MAPPER else 1.0
    return (dist <= cells * (1 + _EPS)) & (dist > (cells - width) * (1 + _EPS) + _EPS)


def scorable_radii(radii: Sequence[float], cell_size: float,
                   semantics: str = LINKAGE_MAPPER) -> Tuple[List[float], List[float]]:
    """The radii whose ring holds at least one cell centre, and those whose ring holds none.

    Only Linkage Mapper's one-map-unit ring can be empty (for example every radius of 2, 4
    and 6 km on 90 m cells). :func:`link_scores` leaves such radii out, as Barrier Mapper
    gets nothing from them; callers can warn with the second list. Both lists are sorted.
    """
    size = _check_cell_size(cell_size)
    semantics = _check_semantics(semantics)
    kept: List[float] = []
    dropped: List[float] = []
    for radius in sorted(float(r) for r in radii):
        (kept if _ring_has_cell(radius, size, semantics) else dropped).append(radius)
    return kept, dropped


def _ring_has_cell(radius: float, cell_size: float, semantics: str) -> bool:
    """Whether :func:`annulus` holds a cell, in O(radius / cell) without building it."""
    cells = _radius_in_cells(radius, cell_size)
    width = 1.0 / float(cell_size) if semantics == LINKAGE_MAPPER else 1.0
    outer = cells * (1 + _EPS)
    inner = (cells - width) * (1 + _EPS) + _EPS
    for i in range(int(math.floor(outer)) + 1):
        j = int(math.floor(math.sqrt(max(outer * outer - i * i, 0.0))))
        # the largest j inside the outer circle; a rounding step either way is checked too
        for candidate in (j + 1, j, j - 1):
            if candidate >= 0 and inner < math.hypot(i, candidate) <= outer:
                return True
    return False


def _check_radii_fit(radii: Sequence[float], cell_size: float,
                     shape: Tuple[int, ...]) -> None:
    """A ring beyond the grid's diagonal holds no cell of the grid, and its footprint alone
    would need (2 r / cell)^2 bytes: refuse it."""
    diagonal = math.hypot(shape[0], shape[1]) * cell_size
    too_large = [r for r in radii if r > diagonal]
    if too_large:
        raise EspInputError("The detection radius {radius:g} map units is larger than the "
                            "grid's diagonal ({diagonal:.0f} map units): its ring lies outside "
                            "the grid. Use radii up to about a quarter of the grid's width.",
                            radius=too_large[0], diagonal=diagonal)


def check_scorable(radii: Sequence[float], cell_size: float,
                   semantics: str = LINKAGE_MAPPER) -> List[float]:
    """The radii with a cell on their ring (:func:`scorable_radii`); EspInputError naming the
    nearest multiples of the cell size when there is none."""
    kept, dropped = scorable_radii(radii, cell_size, semantics)
    if not kept:
        raise _no_ring_error(dropped, float(cell_size))
    return kept


def _no_ring_error(radii: Sequence[float], cell_size: float) -> EspInputError:
    """Every ring is empty: say so, with the nearest radii that have cells on their ring."""
    nearest = []
    for radius in radii:
        multiple = max(round(radius / cell_size), 1) * cell_size
        nearest.append("{0:g}".format(multiple))
    return EspInputError(
        "No cell centre lies on the ring of any detection radius ({radii} map units; cells of "
        "{cell_size:g} map units), so Linkage Mapper's Barrier Mapper, whose ring is one map "
        "unit wide, cannot score them. Use radii that are multiples of the cell size (for "
        "example {nearest}), or the earlier ESP Toolkit semantics (a ring one cell wide).",
        radii=", ".join("{0:g}".format(r) for r in radii), cell_size=cell_size,
        nearest=", ".join(nearest))


def disc(radius: float, cell_size: float) -> np.ndarray:
    """Footprint of the cells whose centres lie within ``radius`` (map units) of the centre.

    Same conventions and errors as :func:`annulus`; the centre is included.
    """
    cells = _radius_in_cells(radius, cell_size)
    dist, _ = _offsets(cells)
    return dist <= cells * (1 + _EPS)


def radii_range(r_min: float, r_max: float, step: float) -> List[float]:
    """Radii ``r_min, r_min + step, ...`` up to ``r_max`` (inclusive), in map units.

    ``step == 0`` or ``r_min == r_max`` gives the single radius ``r_min`` (as Linkage
    Mapper). Raises :class:`EspInputError` for a non-positive ``r_min``, ``r_min > r_max``
    or a negative step.
    """
    values = (float(r_min), float(r_max), float(step))
    if not all(math.isfinite(v) for v in values):
        raise EspInputError("The radii must be finite numbers (minimum {r_min}, maximum "
                            "{r_max}, step {step}).", r_min=r_min, r_max=r_max, step=step)
    lo, hi, st = values
    if lo <= 0:
        raise EspInputError("The minimum radius must be positive, not {r_min}.", r_min=r_min)
    if lo > hi:
        raise EspInputError("The minimum radius ({r_min}) is larger than the maximum radius "
                            "({r_max}). Swap them or lower the minimum.",
                            r_min=r_min, r_max=r_max)
    if st < 0:
        raise EspInputError("The radius step must be 0 (one radius) or positive, not "
                            "{step}.", step=step)
    if st == 0 or lo == hi:
        return [lo]
    span = (hi - lo) / st
    if span > MAX_RADII:
        raise EspInputError("Radii from {r_min} to {r_max} in steps of {step} would be {count:.0f} "
                            "radii; each one is a full pass over the grid. Use a larger step "
                            "(at most {limit} radii).", r_min=r_min, r_max=r_max, step=step,
                            count=span + 1, limit=MAX_RADII)
    count = int(math.floor(span * (1 + _EPS) + _EPS))
    return [lo + i * st for i in range(count + 1)]


def _check_combine(combine: str, what: str) -> None:
    if combine not in COMBINE_METHODS:
        raise EspInputError("Unknown way to combine scores across {what}: '{combine}'. Use "
                            "'max' or 'sum'.", what=what, combine=combine)


def _as_cwd(cwd: np.ndarray, name: str, shape: Optional[Tuple[int, ...]]) -> np.ndarray:
    array = np.asarray(cwd, dtype=np.float64)
    if array.ndim != 2:
        raise EspInputError("The cost-weighted distance raster {name} must be a 2-D grid; it "
                            "has {ndim} dimensions.", name=name, ndim=array.ndim)
    if shape is not None and array.shape != shape:
        raise EspInputError("The cost-weighted distance raster {name} has {rows} x {cols} "
                            "cells, the others {rows0} x {cols0}. Use rasters on one grid.",
                            name=name, rows=array.shape[0], cols=array.shape[1],
                            rows0=shape[0], cols0=shape[1])
    return array


def _check_lcd(lcd: float, index: int) -> float:
    value = float(lcd)
    if not (math.isfinite(value) and value > 0):
        raise EspInputError("The least-cost distance of link {link} must be a positive finite "
                            "number, not {lcd}. Drop links between unconnected sources.",
                            link=index + 1, lcd=lcd)
    return value


def _check_mask(mask: Optional[np.ndarray], shape: Tuple[int, ...]) -> Optional[np.ndarray]:
    if mask is None:
        return None
    out = np.asarray(mask, dtype=bool)
    if out.shape != shape:
        raise EspInputError("The source mask has {rows} x {cols} cells, the distance rasters "
                            "{rows0} x {cols0}. Use rasters on one grid.",
                            rows=out.shape[0] if out.ndim else 0,
                            cols=out.shape[1] if out.ndim > 1 else 0,
                            rows0=shape[0], cols0=shape[1])
    return out


def _annulus_min(cwd: np.ndarray, footprint: np.ndarray,
                 cwd_threshold: Optional[float]) -> np.ndarray:
    """Minimum of the usable CWD values on the annulus around each cell (inf = none)."""
    from scipy.ndimage import minimum_filter

    usable = np.isfinite(cwd)
    if cwd_threshold is not None:
        usable &= cwd < cwd_threshold
    values = np.where(usable, cwd, np.inf)
    return minimum_filter(values, footprint=footprint, mode="constant", cval=np.inf)


def _score(lcd: float, min_a: np.ndarray, min_b: np.ndarray, radius: float,
           restored: float, percent: bool, semantics: str) -> np.ndarray:
    diameter = 2.0 * radius
    score = (lcd - min_a - min_b - diameter * restored) / diameter
    # inf minima (no usable value on the annulus) give -inf, i.e. no improvement.
    if semantics == LINKAGE_MAPPER:
        score[~(score > 0)] = np.nan
    else:
        np.maximum(score, 0.0, out=score)
    if percent:
        score *= 100.0 / lcd
    return score


def _check_restored(restored: float) -> float:
    value = float(restored)
    if not (math.isfinite(value) and value >= 0):
        raise EspInputError("The restored resistance must be a number of 0 or more, not "
                            "{restored}.", restored=restored)
    return value


def improvement_score(cwd_a: np.ndarray, cwd_b: np.ndarray, lcd: float, *, radius: float,
                      cell_size: float, restored: float = 1.0,
                      source_mask: Optional[np.ndarray] = None, percent: bool = False,
                      cwd_threshold: Optional[float] = None,
                      semantics: str = LINKAGE_MAPPER) -> np.ndarray:
    """Improvement score of one link at one radius.

    Parameters
    ----------
    cwd_a, cwd_b : ndarray, 2-D, same shape
        Cost-weighted distance (cost units) from each of the link's two sources; NaN =
        NoData, inf = unreachable.
    lcd : float
        Least-cost distance between the two sources (cost units), positive.
    radius : float
        Detection radius in map units, at least one cell.
    cell_size : float
        Cell side in map units.
    restored : float
        Resistance of the restored disc per map unit (default 1): crossing it costs
        ``2 radius x restored``.
    source_mask : ndarray of bool, optional
        Cells inside sources; they are NaN in the result.
    percent : bool
        Return ``100 x IS / lcd`` (percent of the corridor's cost saved per map unit
        restored) instead of IS.
    cwd_threshold : float, optional
        CWD values at or above it are ignored (Linkage Mapper's "CWD threshold").
    semantics : {"linkage_mapper", "esp_earlier"}
        See the module notes: the ring's inner radius and the value where restoring does
        not help.

    Returns
    -------
    ndarray of float64
        ``(lcd - m_A - m_B - 2 r restored) / (2 r)`` where positive; where it is not, NaN
        (``"linkage_mapper"``) or 0 (``"esp_earlier"``). NaN at NoData and source cells.

    Raises
    ------
    EspInputError
        Radius below one cell, a ring without any cell, shapes that differ, a non-positive
        or infinite ``lcd``, unknown semantics.
    """
    check_scorable([radius], cell_size, semantics)
    a = _as_cwd(cwd_a, "A", None)
    b = _as_cwd(cwd_b, "B", a.shape)
    _check_radii_fit([float(radius)], float(cell_size), a.shape)
    footprint = annulus(radius, cell_size, semantics=semantics)
    mask = _check_mask(source_mask, a.shape)
    value = _check_lcd(lcd, 0)
    score = _score(value, _annulus_min(a, footprint, cwd_threshold),
                   _annulus_min(b, footprint, cwd_threshold), float(radius),
                   _check_restored(restored), percent, semantics)
    score[np.isnan(a) | np.isnan(b)] = np.nan
    if mask is not None:
        score[mask] = np.nan
    return score


def _combine(total: Optional[np.ndarray], score: np.ndarray, combine: str) -> np.ndarray:
    """Cell-wise max or sum where NaN means "no value" (NaN only where all are NaN)."""
    if total is None:
        return score.copy()
    if combine == "max":
        return np.fmax(total, score)
    both_nan = np.isnan(total) & np.isnan(score)
    out = np.nan_to_num(total, nan=0.0) + np.nan_to_num(score, nan=0.0)
    out[both_nan] = np.nan
    return out


def _focal_max(score: np.ndarray, footprint: np.ndarray,
               progress: Progress = NullProgress()) -> np.ndarray:
    """Focal maximum over a disc footprint, NaN ignored (NaN where the disc has no value).

    Strategy: a disc is a stack of horizontal segments, one per row offset. A running
    maximum along rows (``maximum_filter1d``, O(1) per cell whatever the width) is computed
    once per distinct segment width, then shifted up/down and folded in: O(N x rows of the
    disc) instead of O(N x cells of the disc) for a generic footprint.
    """
    from scipy.ndimage import maximum_filter1d

    values = np.where(np.isnan(score), -np.inf, score)
    k = footprint.shape[0] // 2
    rows = values.shape[0]
    shifts_by_width: Dict[int, List[int]] = {}
    for row in range(footprint.shape[0]):
        shift = row - k
        if abs(shift) < rows:
            shifts_by_width.setdefault(int(footprint[row].sum()) // 2, []).append(shift)
    out = np.full(values.shape, -np.inf)
    for half, shifts in shifts_by_width.items():  # one running maximum alive at a time
        check_cancelled(progress)
        running = maximum_filter1d(values, size=2 * half + 1, axis=1, mode="constant",
                                   cval=-np.inf)
        for shift in shifts:
            if shift >= 0:
                np.maximum(out[:rows - shift], running[shift:], out=out[:rows - shift])
            else:
                np.maximum(out[-shift:], running[:rows + shift], out=out[-shift:])
        del running
    out[np.isneginf(out)] = np.nan
    return out


def link_scores(links: Iterable[Link], *, radii: Sequence[float], cell_size: float,
                restored: float = 1.0, percent: bool = False,
                source_mask: Optional[np.ndarray] = None, cwd_threshold: Optional[float] = None,
                semantics: str = LINKAGE_MAPPER, progress: Progress = NullProgress()
                ) -> Iterator[Tuple[float, int, np.ndarray, np.ndarray]]:
    """The improvement score of every link at every radius, one at a time.

    Yields ``(radius, link index, score, nodata)`` by increasing radius, then link order;
    ``score`` is :func:`improvement_score` (NaN at NoData of either CWD; source cells are
    left to the caller through ``nodata``, the source mask or an all-False grid). Each
    score is a new array the caller may keep or change.

    Strategy: a source shared by several links (the *same array object* in ``links``) is
    filtered once per radius. The cache is keyed by the identity of the caller's array and
    dropped after its last use, so at most the sources of the links in flight are held.

    Raises
    ------
    EspInputError
        No link or radius, a radius below one cell, no radius with a cell on its ring (see
        the module notes; radii whose ring is empty are left out while one is left), grids
        of different shapes, a non-positive LCD, unknown semantics.
    Cancelled
        When the user stops the run (checked before each score; one progress step each).
    """
    size = _check_cell_size(cell_size)
    value_restored = _check_restored(restored)
    _check_semantics(semantics)
    if not len(radii):
        raise EspInputError("Give at least one detection radius.")
    radius_list = check_scorable(radii, size, semantics)
    shape: Optional[Tuple[int, ...]] = None
    checked: List[Tuple[np.ndarray, np.ndarray, float]] = []
    originals: List[Tuple[object, object]] = []
    for index, (cwd_a, cwd_b, lcd) in enumerate(links):
        a = _as_cwd(cwd_a, "A of link {}".format(index + 1), shape)
        shape = a.shape
        b = _as_cwd(cwd_b, "B of link {}".format(index + 1), shape)
        checked.append((a, b, _check_lcd(lcd, index)))
        originals.append((cwd_a, cwd_b))
    if shape is None:
        raise EspInputError("There are no links to map barriers on. Run the corridor step "
                            "first or keep at least one link.")
    _check_radii_fit(radius_list, size, shape)
    footprints = [annulus(r, size, semantics=semantics) for r in radius_list]
    mask = _check_mask(source_mask, shape)
    nodata = mask if mask is not None else np.zeros(shape, dtype=bool)
    last_use: Dict[int, int] = {}
    for index, pair in enumerate(originals):
        for array in pair:
            last_use[id(array)] = index
    steps = len(radius_list) * len(checked)
    done = 0
    for radius, footprint in zip(radius_list, footprints):
        cache: Dict[int, np.ndarray] = {}
        for index, ((a, b, lcd), pair) in enumerate(zip(checked, originals)):
            check_cancelled(progress)
            minima = []
            for array, original in zip((a, b), pair):
                key = id(original)
                if key not in cache:
                    cache[key] = _annulus_min(array, footprint, cwd_threshold)
                minima.append(cache[key])
            for original in pair:
                if last_use[id(original)] == index:
                    cache.pop(id(original), None)
            score = _score(lcd, minima[0], minima[1], radius, value_restored, percent,
                           semantics)
            score[np.isnan(a) | np.isnan(b)] = np.nan
            done += 1
            progress.update(done / steps)
            yield radius, index, score, nodata


def barrier_scores(links: Iterable[Link], *, radii: Sequence[float], cell_size: float,
                   combine: str = "max", combine_radii: str = "max", percent: bool = False,
                   restored: float = 1.0, source_mask: Optional[np.ndarray] = None,
                   cwd_threshold: Optional[float] = None, semantics: str = LINKAGE_MAPPER,
                   progress: Progress = NullProgress()) -> BarrierResult:
    """Barrier Mapper over several links and radii.

    Parameters
    ----------
    links : iterable of (cwd_a, cwd_b, lcd)
        Per link: the CWD rasters of its two sources (same shape, cost units, NaN = NoData,
        inf = unreachable) and its least-cost distance. Pass the *same array object* for a
        source shared by several links: its annulus minimum is then computed once per radius.
    radii : sequence of float
        Detection radii in map units (see :func:`radii_range`), each at least one cell.
    cell_size : float
        Cell side in map units.
    combine : {"max", "sum"}
        How per-link scores are combined at each radius (Linkage Mapper: maximum, or sum).
    combine_radii : {"max", "sum"}
        How the per-radius rasters are combined (Linkage Mapper: maximum).
    percent : bool
        Score every link as ``100 x IS / LCD`` before combining.
    restored : float
        Restored resistance per map unit (default 1).
    source_mask : ndarray of bool, optional
        Cells inside any source: NaN in every output.
    cwd_threshold : float, optional
        CWD values at or above it are ignored.
    semantics : {"linkage_mapper", "esp_earlier"}
        Linkage Mapper's rules (default: a ring one map unit wide, NoData where restoring
        does not help) or ESP Toolkit's earlier ones (a ring one cell wide, 0 there); see
        the module notes. Sources are scored unless ``source_mask`` is given.
    progress : Progress
        Reports one step per (radius, link); cancellation is checked between steps.

    Returns
    -------
    BarrierResult
        Centres and circles per radius and combined; see :class:`BarrierResult`. Under
        ``"linkage_mapper"`` a combined cell is NaN where no link helps at any radius.

    Raises
    ------
    EspInputError
        No link or radius, a radius below one cell, no radius with a cell on its ring
        (radii whose ring is empty are left out, see :func:`scorable_radii`), an unknown
        combine method or semantics, grids of different shapes, a non-positive LCD.
    Cancelled
        When the user stops the run.
    """
    _check_combine(combine, "links")
    _check_combine(combine_radii, "radii")
    size = _check_cell_size(cell_size)
    radius_list = sorted(float(r) for r in radii)
    by_radius: Dict[float, np.ndarray] = {}
    nodata: Optional[np.ndarray] = None
    for radius, _index, score, cells_without in link_scores(
            links, radii=radius_list, cell_size=size, restored=restored, percent=percent,
            source_mask=source_mask, cwd_threshold=cwd_threshold, semantics=semantics,
            progress=progress):
        by_radius[radius] = _combine(by_radius.get(radius), score, combine)
        nodata = cells_without
    assert nodata is not None
    radius_list = sorted(by_radius)  # without the radii whose ring holds no cell
    circles_by_radius: Dict[float, np.ndarray] = {}
    total: Optional[np.ndarray] = None
    circles_total: Optional[np.ndarray] = None
    for radius in radius_list:
        # Each radius takes a pass over the grid per row of its disc: seconds when wide.
        check_cancelled(progress)
        radius_total = by_radius[radius]
        radius_total[nodata] = np.nan
        circle = _focal_max(radius_total, disc(radius, size), progress)
        circle[nodata] = np.nan
        circles_by_radius[radius] = circle
        total = _combine(total, radius_total, combine_radii)
        circles_total = _combine(circles_total, circle, combine_radii)
    assert total is not None
    return BarrierResult(score=total, by_radius=by_radius, circles=circles_total,
                         circles_by_radius=circles_by_radius, radii=tuple(radius_list))
