"""Summary figures of a run: the totals, shares, rankings and distributions a report shows.

The inputs are the columns of a run's tables (one array entry per row, NaN where a row has no
value) and the values of its rasters. Totals add the rows one at a time in their order, so a
total is the sum of the rows as they are listed, on every Python and numpy.
"""

from __future__ import annotations

import functools
import operator
from dataclasses import dataclass
from typing import Any, List, Optional, Sequence, Tuple

import numpy as np

from .errors import EspInputError


def _column(values: Any) -> np.ndarray:
    """``values`` as a 1-D float64 array (None becomes NaN)."""
    if isinstance(values, (list, tuple)):
        values = [np.nan if value is None else value for value in values]
    return np.asarray(values, dtype=np.float64).ravel()


def _same_length(*columns: np.ndarray) -> None:
    lengths = tuple(column.shape[0] for column in columns)
    if len(set(lengths)) > 1:
        raise EspInputError("The columns of one table must have one entry per row; they have "
                            "{lengths}.", lengths=lengths)


def _no_value_as_zero(values: np.ndarray) -> np.ndarray:
    return np.where(np.isnan(values), 0.0, values)


def total(values: Any) -> float:
    """Sum of a table column, in row order.

    Parameters
    ----------
    values : sequence of float
        One entry per row; NaN or None (no value) counts as 0.

    Returns
    -------
    float
        The rows added one at a time in their order (0.0 for no rows).
    """
    # Strategy: one row at a time from 0.0, not numpy's pairwise sum (nor the compensated sum
    # of Python 3.12 and later), so the last digit does not depend on the versions.
    return float(functools.reduce(operator.add, _no_value_as_zero(_column(values)).tolist(),
                                  0.0))


def shares(values: Any) -> Tuple[np.ndarray, float]:
    """Each row's percentage of the column's total (for example the area of each zone).

    Parameters
    ----------
    values : sequence of float
        One entry per row; NaN or None counts as 0.

    Returns
    -------
    (percent, total)
        float64 array of 100 x value / total (all 0 when the total is 0), and the total as
        :func:`total` sums it.
    """
    column = _no_value_as_zero(_column(values))
    whole = total(column)
    if not whole:
        return np.zeros_like(column), whole
    return 100.0 * column / whole, whole


def units_with_pattern(source_area: Any, corridor_length: Any) -> int:
    """Number of units (counties) that hold part of the pattern: some source area or some
    corridor length (NaN or None: none)."""
    area, length = _column(source_area), _column(corridor_length)
    _same_length(area, length)
    return int(np.count_nonzero((area > 0) | (length > 0)))


def pattern_area(conservation: Any, restoration: Any, improvement: Any) -> np.ndarray:
    """Area of each unit's share of the pattern: its conservation, restoration and
    improvement zones together (the control zone is not part of it); NaN counts as 0."""
    columns = [_no_value_as_zero(_column(c)) for c in (conservation, restoration, improvement)]
    _same_length(*columns)
    return columns[0] + columns[1] + columns[2]


def rank_by_pattern(pattern: Any) -> np.ndarray:
    """Row indices, the largest pattern area (:func:`pattern_area`) first; ties keep their
    row order."""
    return np.argsort(-_no_value_as_zero(_column(pattern)), kind="stable")


def rank_by_burden(burden: Any, benefit: Any, pattern: Any, names: Sequence[str]
                   ) -> np.ndarray:
    """Row indices of the units in the order of a restoration account: the largest burden
    first, ties by the larger benefit, then by the larger pattern area, then by name.

    Parameters
    ----------
    burden, benefit, pattern : sequence of float
        Per unit: restored barrier area, its benefit, the area of its pattern (any one unit
        of area); NaN or None counts as 0.
    names : sequence of str
        Per unit; compared character by character (Unicode code points).

    Returns
    -------
    ndarray of int64
        The ranking; units equal in all four keep their row order.

    Raises
    ------
    EspInputError
        Columns of different lengths.
    """
    keys = [_no_value_as_zero(_column(c)) for c in (burden, benefit, pattern)]
    labels = np.asarray([str(name) for name in names], dtype=str)
    _same_length(*keys, labels)
    # np.lexsort sorts by its last key first and is stable.
    return np.lexsort((labels, -keys[2], -keys[1], -keys[0])).astype(np.int64)


@dataclass(frozen=True)
class CurrentSplit:
    """Cell currents split for a histogram: ``kept`` the currents worth drawing, ``zero``
    the number of cells without current, ``tiny`` those below ``relative`` x the largest."""

    kept: np.ndarray
    zero: int
    tiny: int


def split_currents(currents: Any, *, relative: float = 1e-9) -> CurrentSplit:
    """Separate the cells that carry current from those without and from round-off.

    Parameters
    ----------
    currents : array of float
        Cell currents (amperes), any shape; NaN (NoData) is left out.
    relative : float
        Currents below this fraction of the largest are round-off of the solver.

    Returns
    -------
    CurrentSplit
        ``kept``: the positive currents at or above ``relative`` x the largest, in cell
        order; ``zero``: cells without positive current (0, or below it by round-off);
        ``tiny``: positive cells below the limit.
    """
    values = np.asarray(currents, dtype=np.float64).ravel()
    values = values[~np.isnan(values)]
    positive = values[values > 0]
    low = float(positive.max()) * relative if positive.size else 0.0
    return CurrentSplit(kept=positive[positive >= low], zero=int(values.size - positive.size),
                        tiny=int(np.count_nonzero(positive < low)))


@dataclass(frozen=True)
class LogHistogram:
    """What a histogram on logarithmic axes draws: the positive finite ``values``, the bin
    ``edges`` (evenly spaced in log10 from their smallest to their largest) and the values at
    the requested ``quantiles``."""

    values: np.ndarray
    edges: np.ndarray
    quantiles: Tuple[float, ...]


def log_histogram(values: Any, *, edges: int = 60,
                  quantiles: Sequence[float] = (0.5, 0.98)) -> Optional[LogHistogram]:
    """Bins for a histogram of positive values on a logarithmic axis.

    Parameters
    ----------
    values : array of float
        Any shape; values that are not finite or not above 0 are left out.
    edges : int
        Number of bin edges (one more than the bins).
    quantiles : sequence of float
        Fractions in [0, 1]; their values are interpolated linearly between the sorted
        values (numpy's default).

    Returns
    -------
    LogHistogram or None
        None when fewer than two different positive values remain.
    """
    positive = np.asarray(values, dtype=np.float64)
    positive = positive[np.isfinite(positive) & (positive > 0)]
    if positive.size == 0 or positive.min() == positive.max():
        return None
    bins = np.logspace(np.log10(positive.min()), np.log10(positive.max()), edges)
    return LogHistogram(positive, bins,
                        tuple(float(np.quantile(positive, q)) for q in quantiles))


def min_median_max(values: Any) -> Optional[Tuple[float, float, float]]:
    """(smallest, median, largest) of the finite values (NaN is NoData); None when there are
    none. The median of an even number of values is the mean of the middle two."""
    valid = np.asarray(values, dtype=np.float64)
    valid = valid[np.isfinite(valid)]
    if not valid.size:
        return None
    return float(valid.min()), float(np.median(valid)), float(valid.max())


@dataclass(frozen=True)
class KeyAreaTotals:
    """The key areas grouped by kind and level, one entry per group: kinds ascending, levels
    ascending within a kind. ``length`` is NaN for a group none of whose areas has a length;
    ``first`` is the row of the group's first key area."""

    kind: np.ndarray
    level: np.ndarray
    count: np.ndarray
    area: np.ndarray
    length: np.ndarray
    first: np.ndarray


def key_area_totals(kinds: Any, levels: Any, areas: Any, lengths: Any) -> KeyAreaTotals:
    """Number, total area and total length of the key areas of each kind and level.

    Parameters
    ----------
    kinds, levels : sequence of int
        Kind code and level of each key area.
    areas : sequence of float
        Area of each key area; NaN or None counts as 0.
    lengths : sequence of float
        Length of each key area, NaN or None for those without one (patches).

    Returns
    -------
    KeyAreaTotals
        Totals summed in row order.

    Raises
    ------
    EspInputError
        Columns of different lengths.
    """
    kind = np.asarray(kinds, dtype=np.int64).ravel()
    level = np.asarray(levels, dtype=np.int64).ravel()
    area = _no_value_as_zero(_column(areas))
    length = _column(lengths)
    _same_length(kind, level, area, length)
    groups = sorted(set(zip(kind.tolist(), level.tolist())))
    count: List[int] = []
    area_sum: List[float] = []
    length_sum: List[float] = []
    first: List[int] = []
    for code, grade in groups:
        members = np.flatnonzero((kind == code) & (level == grade))
        measured = length[members]
        measured = measured[~np.isnan(measured)]
        count.append(int(members.size))
        area_sum.append(total(area[members]))
        length_sum.append(total(measured) if measured.size else np.nan)
        first.append(int(members[0]))
    return KeyAreaTotals(
        kind=np.array([g[0] for g in groups], dtype=np.int64),
        level=np.array([g[1] for g in groups], dtype=np.int64),
        count=np.array(count, dtype=np.int64), area=np.array(area_sum, dtype=np.float64),
        length=np.array(length_sum, dtype=np.float64), first=np.array(first, dtype=np.int64))


def nearest_label(labels: np.ndarray, sampling: Tuple[float, float]) -> np.ndarray:
    """For every cell, the label of the nearest labelled cell (labels > 0), measured with
    cell sizes ``sampling`` (rows, columns); 0 everywhere when no cell is labelled."""
    from scipy import ndimage

    if not labels.any():
        return np.zeros_like(labels)
    rows, cols = ndimage.distance_transform_edt(labels == 0, sampling=sampling,
                                                return_distances=False, return_indices=True)
    return labels[rows, cols]


def path_widths(inside: np.ndarray, on_path: np.ndarray, labels: np.ndarray,
                sampling: Tuple[float, float], size: int) -> Tuple[np.ndarray, np.ndarray]:
    """(mean width in map units, number of path cells) of each label 0..size-1.

    ``inside``: corridor or source cells; ``on_path``: the path cells measured; ``labels``:
    the link of each cell. A path cell's width is twice its distance to the nearest cell
    not inside, less one cell (a corridor one cell wide is one cell wide); widths are
    averaged per link (0 for a link without cells).
    """
    from scipy import ndimage

    distance = ndimage.distance_transform_edt(inside, sampling=sampling)
    cell = float(np.sqrt(sampling[0] * sampling[1]))
    widths = np.maximum(2.0 * distance[on_path] - cell, 0.0)
    return label_means(labels[on_path], widths, size)


def label_means(labels: np.ndarray, values: np.ndarray,
                size: int) -> Tuple[np.ndarray, np.ndarray]:
    """(mean of ``values`` per label 0..size-1, 0 where none; count per label)."""
    cells = np.bincount(labels, minlength=size)
    sums = np.bincount(labels, weights=values, minlength=size)
    return np.divide(sums, cells, out=np.zeros(size), where=cells > 0), cells
