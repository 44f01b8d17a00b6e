"""Resistance surfaces: land-cover reclassification, weighted factors and per-cell correction.

The surface is built in three steps, each a public function:

1. :func:`reclassify` gives every cell its class resistance R_a;
2. :func:`class_mean_correction` scales it by the cell's share of its class mean of a pressure
   raster such as night-time light: R'_i = (C_i / mean C over cells of class a) x R_a;
3. :func:`weighted_overlay` mixes it with factor rasters rescaled to the table's range.

:func:`resistance_surface` chains them. NoData rule throughout: a cell is NoData in the output
when it is NoData in any input that is used (and, on request, when its class is unmapped).
"""

from __future__ import annotations

import math
from typing import Dict, Iterable, Mapping, Optional, Sequence, Tuple

import numpy as np
import numpy.typing as npt

from ..errors import EspInputError
from ..grid import Grid, require_same_grid
from ..progress import NullProgress, Progress, SubProgress, check_cancelled

ReclassTable = Mapping[int, float]

#: At most this many missing class codes are listed in an error message.
_MAX_LISTED = 20


def parse_reclass_rows(rows: Iterable[Sequence[object]]) -> Dict[int, float]:
    """Read (class, resistance) rows, as from a CSV file or a Processing matrix.

    A first row whose first two cells are both words (``class,resistance``) is a header;
    a first row with one number and one typo (``1O,5`` or ``2,fiv``) is an error naming it,
    not a header. Further columns (a label) are ignored; blank rows are skipped. Class codes
    must be whole numbers and appear once.
    """
    table: Dict[int, float] = {}
    for number, row in enumerate(rows, start=1):
        cells = [str(cell).strip() for cell in row]
        if not any(cells):
            continue
        if len(cells) < 2:
            raise EspInputError("Row {row} of the reclass table has {n} column; it needs a "
                                "class code and a resistance.", row=number, n=len(cells))
        try:
            code_value, resistance = float(cells[0]), float(cells[1])
        except ValueError:
            if number == 1 and not table and not any(_is_number(c) for c in cells[:2]):
                continue  # header
            raise EspInputError("Row {row} of the reclass table ({text}) is not a class code "
                                "followed by a resistance.", row=number,
                                text=", ".join(cells)) from None
        if not code_value.is_integer():
            raise EspInputError("Class code {code} in row {row} of the reclass table is not a "
                                "whole number.", code=cells[0], row=number)
        code = int(code_value)
        if code in table:
            raise EspInputError("Class {code} appears twice in the reclass table.", code=code)
        table[code] = resistance
    return table


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def check_table(table: ReclassTable) -> None:
    """Raise :class:`EspInputError` unless the table is non-empty with positive values."""
    if not table:
        raise EspInputError("The reclass table is empty. Choose a preset or give at least one "
                            "class with its resistance.")
    bad = sorted(code for code, value in table.items()
                 if not (math.isfinite(value) and value > 0))
    if bad:
        raise EspInputError("Resistances must be positive numbers; class {codes} has a zero, "
                            "negative or missing value. Leave a class out of the table (and "
                            "tick 'unmapped classes are NoData') to make it NoData instead.",
                            codes=", ".join(str(code) for code in bad))


def _class_codes(landcover: Grid) -> np.ndarray:
    """The land-cover values of valid cells as whole numbers, or an error."""
    values = landcover.values[landcover.valid]
    if values.size == 0:
        raise EspInputError("The land-cover raster has no data: every cell is NoData.")
    if np.issubdtype(values.dtype, np.floating):
        if not np.all(np.isfinite(values)) or np.any(values != np.round(values)):
            raise EspInputError("The land-cover raster holds fractional values; it must hold "
                                "whole class codes.")
    return values


def reclassify(landcover: Grid, table: ReclassTable, *,
               unmapped_nodata: bool = False) -> Tuple[Grid, np.ndarray]:
    """Give every cell the resistance of its class.

    Parameters
    ----------
    landcover : Grid
        Whole-number class codes.
    table : mapping class code -> resistance (> 0)
    unmapped_nodata : bool
        When False (default) a class that occurs in the raster but not in the table is an
        error that lists the missing classes; when True its cells become NoData.

    Returns
    -------
    (Grid, ndarray)
        float64 resistance, and for every cell the position of its class in
        ``sorted(table)`` (-1 on NoData), which :func:`class_mean_correction` groups by.
    """
    check_table(table)
    codes = _class_codes(landcover)
    keys = np.array(sorted(table), dtype=np.float64)
    resist = np.array([table[int(k)] for k in keys], dtype=np.float64)

    position = np.asarray(np.searchsorted(keys, codes))
    np.clip(position, 0, keys.size - 1, out=position)
    found = keys[position] == codes
    if not found.all():
        missing = np.unique(codes[~found])
        if not unmapped_nodata:
            listed = ", ".join(str(int(c)) for c in missing[:_MAX_LISTED])
            more = missing.size - _MAX_LISTED
            raise EspInputError(
                "The land cover holds classes that are not in the reclass table: {classes}"
                "{more}. Add them to the table, or tick 'unmapped classes are NoData'.",
                classes=listed, more=" and {0} more".format(more) if more > 0 else "")
    mask = landcover.mask.copy()
    valid_idx = np.flatnonzero(landcover.valid)
    mask.flat[valid_idx[~found]] = True
    if mask.all():
        raise EspInputError("No land-cover class is in the reclass table, so every cell would "
                            "be NoData. Check that the preset matches the land-cover codes.")

    out: npt.NDArray[np.float64] = np.zeros(landcover.shape, dtype=np.float64)
    index: npt.NDArray[np.int64] = np.full(landcover.shape, -1, dtype=np.int64)
    out.flat[valid_idx[found]] = resist[position[found]]
    index.flat[valid_idx[found]] = position[found]
    return landcover.like(out, mask), index


def class_mean_correction(base: Grid, class_index: np.ndarray, pressure: Grid, *,
                          ratio_min: float = 0.1, ratio_max: float = 10.0,
                          class_means: Optional[Sequence[float]] = None) -> Grid:
    """Scale each cell's resistance by its pressure relative to the mean of its class.

    R'_i = (C_i / C_a) x R_i, where C_a is the mean pressure (e.g. night-time light) over the
    cells of i's class that hold data in both rasters. The ratio is clipped to
    [ratio_min, ratio_max] so that a dark or very bright cell cannot make the resistance zero
    or explode; a class whose mean pressure is 0 keeps its base resistance (ratio 1).

    Parameters
    ----------
    base : Grid
        Class resistance from :func:`reclassify`.
    class_index : int array
        Class position per cell from :func:`reclassify` (-1 on NoData).
    pressure : Grid
        Non-negative pressure values on the same grid.
    class_means : sequence of float, optional
        C_a per class position (as ``class_index``) computed elsewhere, for a window of a
        larger raster (:mod:`.surfacetiles`); then a window without a cell holding data in
        both rasters is no error. Default: the means over this grid.
    """
    if not 0 <= ratio_min <= 1 <= ratio_max:
        raise EspInputError("The correction ratio limits must satisfy 0 <= minimum <= 1 <= "
                            "maximum; got {lo} and {hi}.", lo=ratio_min, hi=ratio_max)
    mask = base.mask | pressure.mask
    valid = ~mask
    if class_means is None and not valid.any():
        raise EspInputError("The correction raster has no data where the land cover has data.")
    c = pressure.values[valid].astype(np.float64)
    if np.any(c < 0):
        raise EspInputError("The correction raster has negative values (lowest {low:g}); it "
                            "must hold a non-negative pressure such as night-time light.",
                            low=float(c.min()))
    idx = class_index[valid]
    if class_means is not None:
        means = np.asarray(class_means, dtype=np.float64)
    else:
        n_classes = int(idx.max()) + 1
        counts = np.bincount(idx, minlength=n_classes)
        sums = np.bincount(idx, weights=c, minlength=n_classes)
        means = np.divide(sums, counts, out=np.zeros(n_classes), where=counts > 0)
    ratio = np.divide(c, means[idx], out=np.ones_like(c), where=means[idx] > 0)
    np.clip(ratio, ratio_min, ratio_max, out=ratio)
    out: npt.NDArray[np.float64] = np.zeros(base.shape, dtype=np.float64)
    out[valid] = base.values[valid] * ratio
    return base.like(out, mask)


def rescale(grid: Grid, *, low: float, high: float, invert: bool = False,
            name: str = "factor",
            value_range: Optional[Tuple[float, float]] = None) -> Grid:
    """Linearly map the grid's valid values onto [low, high] (reversed when ``invert``).

    ``value_range``: the (lowest, highest) value to map from, computed elsewhere (over the
    whole raster when ``grid`` is one window of it); default the grid's own.
    """
    if value_range is None:
        values = grid.values[grid.valid].astype(np.float64)
        if values.size == 0:
            raise EspInputError("Factor '{name}' has no data inside the study area.",
                                name=name)
        vmin, vmax = float(values.min()), float(values.max())
    else:
        vmin, vmax = float(value_range[0]), float(value_range[1])
    if vmax == vmin:
        raise EspInputError("Factor '{name}' has the same value ({value:g}) everywhere, so it "
                            "cannot rank cells. Remove it or check the raster.",
                            name=name, value=vmin)
    scaled = (grid.values.astype(np.float64) - vmin) / (vmax - vmin)
    if invert:
        scaled = 1.0 - scaled
    return grid.like(low + scaled * (high - low))


def normalised_weights(weights: Sequence[float]) -> np.ndarray:
    """Weights divided by their sum; negative, non-finite or zero-sum weights are errors."""
    w = np.asarray(weights, dtype=np.float64)
    if not np.all(np.isfinite(w)):
        raise EspInputError("Every weight must be a number.")
    if np.any(w < 0):
        raise EspInputError("Weights must not be negative (got {weights}). To make a factor "
                            "lower the resistance where it is high, set its direction to "
                            "inverse instead.", weights=", ".join("{0:g}".format(x) for x in w))
    if w.sum() <= 0:
        raise EspInputError("The weights add up to zero; give at least one a positive value.")
    return w / w.sum()


def weighted_overlay(base: Grid, factors: Mapping[str, Grid], *, base_weight: float,
                     factor_weights: Sequence[float], inverted: Sequence[bool],
                     low: float, high: float,
                     progress: Progress = NullProgress(),
                     value_ranges: Optional[Mapping[str, Tuple[float, float]]] = None
                     ) -> Grid:
    """R = w0 x base + sum_k w_k x rescale(F_k), with weights normalised to sum 1.

    Each factor is rescaled to [low, high] (the reclass table's range) over the cells where
    the base and every factor hold data, so every factor speaks on the base's scale.
    ``value_ranges``: each factor's (lowest, highest) value over those cells, computed
    elsewhere (over the whole raster when the grids are one window of it); default their
    range on these grids.
    """
    names = list(factors)
    if len(factor_weights) != len(names):
        raise EspInputError("There are {n} factor rasters but {m} factor weights; give one "
                            "weight per factor, in the order of the factors.",
                            n=len(names), m=len(factor_weights))
    if len(inverted) != len(names):
        raise EspInputError("There are {n} factor rasters but {m} factor directions; give one "
                            "direction per factor.", n=len(names), m=len(inverted))
    w = normalised_weights([base_weight, *factor_weights])
    mask = base.mask.copy()
    for grid in factors.values():
        mask |= grid.mask
    if mask.all():
        raise EspInputError("No cell holds data in the land cover and in every factor raster.")
    total = w[0] * base.values
    for k, name in enumerate(names, start=1):
        check_cancelled(progress)
        factor = factors[name]
        scaled = rescale(factor.like(factor.values, mask), low=low, high=high,
                         invert=inverted[k - 1], name=name,
                         value_range=None if value_ranges is None else value_ranges[name])
        total = total + w[k] * scaled.values
        progress.update(k / len(names))
    return base.like(total, mask)


def resistance_surface(
    landcover: Grid,
    table: ReclassTable,
    *,
    unmapped_nodata: bool = False,
    correction: Optional[Grid] = None,
    ratio_min: float = 0.1,
    ratio_max: float = 10.0,
    factors: Optional[Mapping[str, Grid]] = None,
    landcover_weight: float = 1.0,
    factor_weights: Optional[Sequence[float]] = None,
    inverted: Optional[Sequence[bool]] = None,
    progress: Progress = NullProgress(),
    class_means: Optional[Sequence[float]] = None,
    factor_ranges: Optional[Mapping[str, Tuple[float, float]]] = None,
) -> Grid:
    """Resistance surface from land cover, an optional correction and optional factors.

    Parameters
    ----------
    landcover : Grid
        Whole-number class codes.
    table : mapping class code -> resistance
        Positive resistances, usually on a 1-1000 scale.
    unmapped_nodata : bool
        Cells of classes missing from the table become NoData instead of an error.
    correction : Grid, optional
        Pressure raster (night-time light, impervious fraction) for
        :func:`class_mean_correction`, applied to the class resistance before the overlay.
    ratio_min, ratio_max : float
        Clip limits of the correction ratio.
    factors : mapping name -> Grid, optional
        Factor rasters (elevation, slope, distance to roads, ...), rescaled to the range of
        the table's values.
    landcover_weight, factor_weights : float, sequence of float
        Weights of the land-cover resistance and of each factor; normalised to sum 1.
        Default: 1 for every factor.
    inverted : sequence of bool, optional
        Per factor, True when a high factor value means a low resistance (e.g. NDVI).
    class_means, factor_ranges : optional
        The whole raster's statistics when the grids are one window of it
        (:mod:`.surfacetiles` computes them in a first pass): the mean correction per class
        position in ``sorted(table)`` (:func:`class_mean_correction`) and each factor's
        (lowest, highest) value (:func:`weighted_overlay`). Default (None): computed over
        these grids.

    Returns
    -------
    Grid
        float32 resistance; NoData wherever any used input is NoData.

    Raises
    ------
    EspInputError
        Grids not aligned, classes missing from the table, bad weights, constant factors,
        negative correction values, or no cell with data in every input.

    Notes
    -----
    Memory: about 60 bytes per cell with one factor and a correction, inputs included
    (measured: 10 million cells in 1.8 s and 690 MB, `make bench`); time is linear in cells.
    """
    factors = dict(factors or {})
    require_same_grid({"land cover": landcover,
                       **({"correction": correction} if correction is not None else {}),
                       **factors})
    has_correction, n_factors = correction is not None, len(factors)
    steps = 1 + has_correction + (1 if n_factors else 0)
    done = 0

    check_cancelled(progress)
    base, class_index = reclassify(landcover, table, unmapped_nodata=unmapped_nodata)
    done += 1
    progress.update(done / steps)

    if correction is not None:
        check_cancelled(progress)
        base = class_mean_correction(base, class_index, correction,
                                     ratio_min=ratio_min, ratio_max=ratio_max,
                                     class_means=class_means)
        done += 1
        progress.update(done / steps)

    if n_factors:
        values = list(table.values())
        base = weighted_overlay(
            base, factors, base_weight=landcover_weight,
            factor_weights=list(factor_weights) if factor_weights is not None
            else [1.0] * n_factors,
            inverted=list(inverted) if inverted is not None else [False] * n_factors,
            low=min(values), high=max(values),
            progress=SubProgress(progress, done / steps, 1.0), value_ranges=factor_ranges)
    check_cancelled(progress)
    if base.mask.all():
        raise EspInputError("No cell holds data in every input, so the resistance surface "
                            "would be empty.")
    out = base.values.astype(np.float32)
    out[base.mask] = np.nan
    progress.update(1.0)
    return base.like(out)
