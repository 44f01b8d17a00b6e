"""Grading continuous maps into N classes: natural breaks (Jenks), quantiles, equal intervals.

Shared by the source rules (the top quality class) and the pinch-point, barrier and
centrality outputs, which are usually read as 3-5 classes. Every ``*_breaks`` function returns
class **edges**: a non-decreasing float64 array
``e`` of length ``N + 1`` with ``e[0]`` the smallest and ``e[-1]`` the largest valid value.
Class ``k`` (1-based) holds the values ``e[k-1] < x <= e[k]``; class 1 also holds ``e[0]``
(upper bounds inclusive, as in ArcGIS and Jenks' own tables). :func:`classify` turns values
into class numbers 1..N with 0 for NoData.

NoData: NaN and infinite values, and cells where the optional boolean ``mask`` is True, are
left out of the breaks and get class 0.

Fewer classes than asked. When the data cannot fill the classes asked for (constant data, or
fewer distinct values than classes, or quantiles that fall on tied values) the functions
return fewer classes rather than empty or duplicated ones: the result then has fewer than
``N + 1`` edges, and callers read the class count as ``len(edges) - 1``. Equal intervals are
the exception: their classes may be empty by design and only constant data give one class.
"""

from __future__ import annotations

from typing import Any, Optional

import numpy as np
import numpy.typing as npt

from .errors import EspInputError
from .progress import NullProgress, Progress, check_cancelled

#: Natural breaks are computed exactly on at most this many values (see :func:`natural_breaks`).
JENKS_SAMPLE = 10_000
#: Entries of the cost matrix held at once by the dynamic programme (16 MB of float64).
_BLOCK = 2_000_000
#: Method names accepted by :func:`class_breaks`.
METHODS = ("jenks", "quantile", "equal")


# ---------------------------------------------------------------- inputs ----------------

def _classes(classes: Any) -> int:
    if isinstance(classes, (bool, np.bool_)) or not isinstance(classes, (int, np.integer)) \
            or classes < 1:
        raise EspInputError("The number of classes must be a whole number from 1 up, not "
                            "{classes}.", classes=classes)
    return int(classes)


def _usable(array: np.ndarray, mask: Optional[np.ndarray]) -> np.ndarray:
    """True on the finite values of ``array`` outside the NoData ``mask``."""
    usable = np.isfinite(array)
    if mask is not None:
        nodata = np.asarray(mask)
        if nodata.shape != array.shape or nodata.dtype != np.bool_:
            raise EspInputError("The NoData mask must be a boolean array of the values' shape "
                                "{shape}.", shape=array.shape)
        usable &= ~nodata
    return usable


def _valid_values(values: Any, mask: Optional[np.ndarray]) -> np.ndarray:
    """The finite values outside ``mask`` as a flat float64 array (a copy, never a view)."""
    array = np.asarray(values, dtype=np.float64)
    valid = array[_usable(array, mask)]
    if valid.size == 0:
        raise EspInputError("There are no valid values to classify: every value is NoData, "
                            "NaN or infinite.")
    return valid


def _merged(edges: np.ndarray) -> np.ndarray:
    """Edges with repeated upper bounds dropped, so tied values never straddle two classes
    and no class is empty (the first edge may equal the second: class 1 is then one value)."""
    return np.concatenate([edges[:1], np.unique(edges[1:])])


# ---------------------------------------------------------------- breaks ----------------

def equal_interval_breaks(values: Any, classes: int, *,
                          mask: Optional[np.ndarray] = None) -> np.ndarray:
    """Edges of ``classes`` classes of equal width between the smallest and largest value.

    Parameters
    ----------
    values : array of any shape; NaN and infinite values are NoData.
    classes : number of classes N (1 or more).
    mask : optional boolean array of the same shape, True on NoData cells.

    Returns
    -------
    float64 array of N + 1 edges ``min + (max - min) * k / N``; the last is exactly the
    maximum. Classes may be empty. Constant data give the single class ``[c, c]``.

    Raises
    ------
    EspInputError
        ``classes`` is not a whole number >= 1, the mask does not fit, or no value is valid.
    """
    n_classes = _classes(classes)
    valid = _valid_values(values, mask)
    low, high = float(valid.min()), float(valid.max())
    if low == high:
        return np.array([low, high])
    edges = low + (high - low) * np.arange(n_classes + 1) / n_classes
    edges[-1] = high
    return edges


def quantile_breaks(values: Any, classes: int, *,
                    mask: Optional[np.ndarray] = None) -> np.ndarray:
    """Edges of ``classes`` classes holding about the same number of values each.

    Edge ``k`` is the smallest value ``x`` such that at least ``k / N`` of the valid values
    are ``<= x`` (the value of rank ``ceil(k n / N)`` in sorted order, 1-based; numpy's
    ``inverted_cdf`` quantile), so every edge is a data value. Ties can make two edges equal;
    the repeated edge is dropped, which merges the empty class away and returns fewer
    classes (see the module notes).

    Parameters
    ----------
    values : array of any shape; NaN and infinite values are NoData.
    classes : number of classes N (1 or more).
    mask : optional boolean array of the same shape, True on NoData cells.

    Returns
    -------
    float64 array of at most N + 1 non-decreasing edges.

    Raises
    ------
    EspInputError
        As :func:`equal_interval_breaks`.
    """
    n_classes = _classes(classes)
    ordered = np.sort(_valid_values(values, mask))
    n = ordered.size
    # ceil(k n / N) in int64: numpy 1's default int is int32 on Windows, where k n wraps
    # from 2**31 (100 million cells in 22 classes).
    ranks = (np.arange(1, n_classes + 1, dtype=np.int64) * n + n_classes - 1) // n_classes
    edges = np.concatenate([ordered[:1], ordered[ranks - 1]])
    return _merged(edges)


def natural_breaks(values: Any, classes: int, *, mask: Optional[np.ndarray] = None,
                   max_sample: int = JENKS_SAMPLE,
                   progress: Progress = NullProgress()) -> np.ndarray:
    """Jenks natural breaks: edges that minimise the within-class sum of squared deviations.

    The optimum is exact (Fisher's 1958 dynamic programme over sorted values, as in Jenks
    1977), computed on the distinct values weighted by their counts. Tied values therefore
    always share a class, and with ``d`` distinct values and ``d <= N`` every distinct value
    is its own class (``d`` classes are returned).

    Sampling rule. When more than ``max_sample`` values are valid, the optimum is computed
    on ``max_sample`` order statistics of the sorted values, evenly spaced in rank
    (``sorted[round(r * (n - 1) / (max_sample - 1))]`` for ``r = 0 .. max_sample - 1``). The
    sample is deterministic, keeps the distribution's shape and always holds the minimum and
    maximum, so the first and last edges are those of the full data; the interior edges are
    sample values.

    Parameters
    ----------
    values : array of any shape; NaN and infinite values are NoData.
    classes : number of classes N (1 or more).
    mask : optional boolean array of the same shape, True on NoData cells.
    max_sample : number of values classified exactly (at least 2 x ``classes``).
    progress : receives the fraction done; cancellation is checked between blocks.

    Returns
    -------
    float64 array of at most N + 1 edges: the minimum, then the largest value of each class.

    Raises
    ------
    EspInputError
        As :func:`equal_interval_breaks`, or ``max_sample`` too small.
    Cancelled
        The user cancelled.

    Notes
    -----
    Time about ``N * d**2 / 2`` cost evaluations for ``d`` distinct sampled values (a few
    seconds for 10,000 distinct values and 5 classes), memory ``N * d`` integers plus 16 MB.
    Sorting the valid values takes 8 bytes per value.
    """
    n_classes = _classes(classes)
    if max_sample < max(2 * n_classes, 2):
        raise EspInputError("The Jenks sample must hold at least twice the number of classes "
                            "({needed} values), not {sample}.", needed=max(2 * n_classes, 2),
                            sample=max_sample)
    ordered = np.sort(_valid_values(values, mask))
    n = ordered.size
    if n > max_sample:
        # Evenly spaced order statistics: includes the minimum and the maximum.
        ordered = ordered[np.round(np.linspace(0.0, n - 1, max_sample)).astype(np.int64)]
    distinct, counts = np.unique(ordered, return_counts=True)
    if distinct.size <= n_classes:
        return np.concatenate([distinct[:1], distinct])
    ends = _fisher_jenks(distinct, counts.astype(np.float64), n_classes, progress)
    return np.concatenate([distinct[:1], distinct[ends]])


def _fisher_jenks(x: np.ndarray, w: np.ndarray, n_classes: int,
                  progress: Progress) -> np.ndarray:
    """Indices of the last value of each class in the optimal weighted partition of ``x``.

    ``x`` is sorted and distinct, ``w`` the weights (counts), ``len(x) > n_classes``.
    ``best[m][j]`` is the least sum of squared deviations of ``x[0..j]`` in ``m + 1``
    classes; ``start[m][j]`` the first index of the last of those classes.
    """
    d = x.size
    # Centre and scale: the optimum is invariant, and the prefix sums lose less precision.
    scale = float(x[-1] - x[0])
    z = (x - x[0]) / scale
    z = z - np.average(z, weights=w)
    s0 = np.concatenate([[0.0], np.cumsum(w)])
    s1 = np.concatenate([[0.0], np.cumsum(w * z)])
    s2 = np.concatenate([[0.0], np.cumsum(w * z * z)])

    def cost(i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Weighted sum of squared deviations of x[i..j] (inclusive), broadcasting."""
        total = s1[j + 1] - s1[i]
        with np.errstate(divide="ignore", invalid="ignore"):  # i > j: masked by the caller
            return np.maximum(s2[j + 1] - s2[i] - total * total / (s0[j + 1] - s0[i]), 0.0)

    index = np.arange(d)
    best = cost(np.zeros(d, dtype=np.int64), index)
    start: npt.NDArray[np.int64] = np.zeros((n_classes, d), dtype=np.int64)
    steps = max(n_classes - 1, 1)
    block = max(1, _BLOCK // d)
    for m in range(1, n_classes):
        # best_m[j] = min over i in [m, j] of best_{m-1}[i - 1] + cost(i, j).
        new = np.full(d, np.inf)
        for j0 in range(m, d, block):
            check_cancelled(progress)
            j = index[j0:j0 + block]
            i = index[m:j[-1] + 1]
            total = best[i - 1][None, :] + cost(i[None, :], j[:, None])
            total[i[None, :] > j[:, None]] = np.inf
            pick = np.argmin(total, axis=1)
            new[j] = total[np.arange(j.size), pick]
            start[m, j] = i[pick]
            progress.update(((m - 1) + (j[-1] + 1) / d) / steps)
        best = new
    ends: npt.NDArray[np.int64] = np.empty(n_classes, dtype=np.int64)
    last = d - 1
    for m in range(n_classes - 1, -1, -1):
        ends[m] = last
        last = start[m, last] - 1
    progress.update(1.0)
    return ends


def class_breaks(values: Any, classes: int, *, method: str = "jenks",
                 mask: Optional[np.ndarray] = None,
                 progress: Progress = NullProgress()) -> np.ndarray:
    """Edges by ``method``: ``"jenks"`` (:func:`natural_breaks`), ``"quantile"`` or ``"equal"``.

    Raises
    ------
    EspInputError
        Unknown method, or as the chosen function.
    """
    if method == "jenks":
        return natural_breaks(values, classes, mask=mask, progress=progress)
    if method == "quantile":
        return quantile_breaks(values, classes, mask=mask)
    if method == "equal":
        return equal_interval_breaks(values, classes, mask=mask)
    raise EspInputError("Unknown classification method '{method}'; use one of {methods}.",
                        method=method, methods=", ".join(METHODS))


# ---------------------------------------------------------------- classify --------------

def classify(values: Any, breaks: Any, *, mask: Optional[np.ndarray] = None) -> np.ndarray:
    """Class numbers 1..N of ``values`` for edges ``breaks`` (N + 1 of them), 0 on NoData.

    Class ``k`` holds ``breaks[k-1] < x <= breaks[k]``, class 1 also ``x <= breaks[0]`` and
    class N also ``x > breaks[-1]``: values outside the edges (e.g. another raster graded
    with the same edges) fall into the end classes.

    Parameters
    ----------
    values : array of any shape; NaN and infinite values are NoData (class 0).
    breaks : non-decreasing edges, at least 2 (as returned by the ``*_breaks`` functions).
    mask : optional boolean array of the same shape, True on NoData cells (class 0).

    Returns
    -------
    int32 array of the shape of ``values``. Inputs are not modified.

    Raises
    ------
    EspInputError
        Fewer than 2 edges, edges not finite or decreasing, or a mask that does not fit.
    """
    edges = np.asarray(breaks, dtype=np.float64).ravel()
    if edges.size < 2 or not np.all(np.isfinite(edges)) or np.any(np.diff(edges) < 0):
        raise EspInputError("Class breaks must be at least two finite values in increasing "
                            "order, not {breaks}.", breaks=edges.tolist())
    array = np.asarray(values, dtype=np.float64)
    valid = _usable(array, mask)
    # Class k when breaks[k-1] < x <= breaks[k]: count the interior upper bounds below x.
    interior = edges[1:-1]
    result = np.zeros(array.shape, dtype=np.int32)
    result[valid] = 1 + np.searchsorted(interior, array[valid], side="left")
    return result
