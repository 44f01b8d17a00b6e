"""Accuracy at province scale (issue 19): what tiles and coarser cells cost against one exact run.

Two cases on landscapes small enough for the exact run, read as 30 m cells:

* ``mspa_tiles_accuracy``: MSPA over the whole map against MSPA on county-sized tiles with
  overlaps (:func:`espcore.sources.mspatiles.mspa_tiled`), class by class;
* ``pairwise_coarse_accuracy``: pairwise effective resistances and the cumulative current
  map at the fine cells against the same landscape aggregated to 2 x and 3 x coarser cells.

Both return the dict bench/run.py prints (``cells``, ``seconds`` of the exact run, ``notes``)
with every figure also under its own key. By hand::

    python -c "import sys; sys.path[:0] = ['.', 'bench']; import scale_accuracy_cases as s; \
print(s.mspa_tiles_accuracy(cells=1_000_000, tiles=(250,), overlaps=(0, 50)))"
"""

from __future__ import annotations

import time
from typing import Any, Callable, Dict, List, Sequence, Tuple

import numpy as np

#: The MSPA classes reported one by one (espcore.sources.mspatiles.MSPA_FAMILIES names).
REPORTED = ("bridge", "loop", "branch", "islet", "edge", "perforation", "core")


def _timed(function: Callable, *args, **kwargs) -> Tuple[Any, float]:
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


# ------------------------------------------------------------------ MSPA on tiles ----

def _distance_to_tile_edges(length: int, tile: int) -> np.ndarray:
    """Per row (or column): cells between it and the nearest tile edge inside the map.

    0 on a tile's outermost row; the map's own border is no tile edge (MSPA's frame treats
    it alike in both runs), so a single tile gives ``length`` everywhere.
    """
    index = np.arange(length)
    start = index - index % tile
    stop = np.minimum(start + tile, length)
    before = np.where(start > 0, index - start, length)
    after = np.where(stop < length, stop - 1 - index, length)
    return np.minimum(before, after)


def _reach_of_differences(exact: np.ndarray, tiled: np.ndarray, tile: int) -> Tuple[int, int]:
    """(99th percentile, maximum) distance from a tile edge of the cells whose codes differ."""
    rows, cols = np.nonzero(exact != tiled)
    if rows.size == 0:
        return 0, 0
    distance = np.minimum(_distance_to_tile_edges(exact.shape[0], tile)[rows],
                          _distance_to_tile_edges(exact.shape[1], tile)[cols])
    return int(np.percentile(distance, 99)), int(distance.max())


def _percent(share: float) -> str:
    if share != share:  # NaN: the class is absent from the exact map
        return "-"
    return "{0:.2f}".format(100.0 * share) if share < 0.9999 else \
        "{0:.4f}".format(100.0 * share).rstrip("0").rstrip(".")


def mspa_tiles_accuracy(*, cells: int = 9_000_000, tiles: Sequence[int] = (500, 1000),
                        overlaps: Sequence[int] = (0, 50, 200), edge_width: int = 1) -> dict:
    """MSPA over the whole map against :func:`espcore.sources.mspatiles.mspa_tiled`.

    The map is bench/mspa_cases.py's fragmented forest (55 % forest, 1 % missing in clouds);
    at 30 m, 9 million cells are 90 km square and tiles of 500 and 1,000 cells 15 and 30 km,
    the size of a county. For every tile and overlap: the share of cells with the same code,
    the share of each class's cells (in the exact map) that keep their class, how far from a
    tile edge differing cells lie, and the time against the exact run. 8-connectivity,
    intext on, GuidosToolbox's defaults otherwise.
    """
    from mspa_cases import forest_map

    from espcore.sources.mspa import MISSING, mspa
    from espcore.sources.mspatiles import MSPA_FAMILIES, agreement, mspa_tiled

    guidos = forest_map(cells)
    options = {"connectivity": 8, "edge_width": edge_width, "intext": True}
    exact, exact_seconds = _timed(mspa, guidos, **options)
    runs: List[Dict[str, Any]] = []
    for tile in tiles:
        for overlap in overlaps:
            tiled, seconds = _timed(mspa_tiled, guidos, tile=tile, overlap=overlap, **options)
            found = agreement(exact, tiled)
            p99, farthest = _reach_of_differences(exact, tiled, tile)
            runs.append({"tile": tile, "overlap": overlap, "seconds": round(seconds, 2),
                         "same_code": found.overall, "same_class": found.same_class,
                         "per_class": {name: found.per_class[name] for name in REPORTED},
                         "differ_p99_from_edge": p99, "differ_max_from_edge": farthest})
            del tiled
    shares = {name: float(np.count_nonzero(np.isin(exact, MSPA_FAMILIES[name]))) / exact.size
              for name in REPORTED}
    reach = {"longest connector": _largest_extent(
                 np.isin(exact, MSPA_FAMILIES["bridge"] + MSPA_FAMILIES["loop"])),
             "largest core opening": _largest_extent((exact >= 100) & (exact < 200)
                                                     & (exact != MISSING))}
    return {"cells": int(guidos.size), "seconds": round(exact_seconds, 2),
            "edge_width": edge_width, "class_shares": shares, "extents": reach, "runs": runs,
            "notes": _mspa_notes(exact_seconds, shares, reach, runs)}


def _largest_extent(mask: np.ndarray) -> int:
    """Longest side of the bounding box of the largest 8-connected part of ``mask``."""
    from scipy import ndimage

    labels, _count = ndimage.label(mask, structure=np.ones((3, 3), dtype=bool))
    boxes = ndimage.find_objects(labels)
    return max((max(rows.stop - rows.start, cols.stop - cols.start) for rows, cols in boxes),
               default=0)


def _mspa_notes(exact_seconds: float, shares: Dict[str, float], reach: Dict[str, int],
                runs: List[Dict[str, Any]]) -> List[str]:
    lines = ["exact run {0:.2f} s; share of the map: {1}".format(
        exact_seconds, ", ".join("{0} {1:.2f} %".format(name, 100 * share)
                                 for name, share in shares.items())),
             "in the exact map (bounding box side, cells): " + ", ".join(
                 "{0} {1}".format(name, side) for name, side in reach.items())]
    lines.append("tile  overlap  same code %  same class %  " + "  ".join(
        "{0:>11}".format(name) for name in REPORTED) + "  differ <= cells from edge (p99/max)"
        "  seconds (x exact)")
    for run in runs:
        per_class, seconds = run["per_class"], run["seconds"]
        lines.append("{0:>4}  {1:>7}  {2:>11}  {7:>12}  {3}  {4:>18}  {5:.2f} ({6:.1f}x)".format(
            run["tile"], run["overlap"], _percent(run["same_code"]),
            "  ".join("{0:>11}".format(_percent(per_class[name])) for name in REPORTED),
            "{0}/{1}".format(run["differ_p99_from_edge"], run["differ_max_from_edge"]),
            seconds, seconds / exact_seconds, _percent(run["same_class"])))
    return lines


# ------------------------------------------------------- pairwise on coarser cells ----

def aggregate_resistance(resistance: np.ndarray, valid: np.ndarray, factor: int,
                         how: str = "mean") -> Tuple[np.ndarray, np.ndarray]:
    """Resistance on cells ``factor`` times coarser: (coarse resistance, coarse valid).

    A coarse cell is valid when any of its fine cells is (GDAL's "average" resampling
    ignores NoData the same way); ``how`` is "mean" (arithmetic mean of the resistances) or
    "harmonic" (the resistance of the mean conductance). The last row and column of coarse
    cells may cover fewer fine cells.
    """
    rows, cols = resistance.shape
    padded = (-(-rows // factor) * factor, -(-cols // factor) * factor)
    values = np.zeros(padded)
    counts = np.zeros(padded)
    kept = np.where(valid, resistance, 1.0)
    values[:rows, :cols] = np.where(valid, kept if how == "mean" else 1.0 / kept, 0.0)
    counts[:rows, :cols] = valid
    shape = (padded[0] // factor, factor, padded[1] // factor, factor)
    total = values.reshape(shape).sum(axis=(1, 3))
    number = counts.reshape(shape).sum(axis=(1, 3))
    coarse_valid = number > 0
    mean = np.where(coarse_valid, total / np.maximum(number, 1), 1.0)
    coarse = mean if how == "mean" else 1.0 / mean
    return np.where(coarse_valid, coarse, -9999.0), coarse_valid


def upsample(coarse: np.ndarray, factor: int, shape: Tuple[int, int]) -> np.ndarray:
    """Every coarse cell repeated over the fine cells it covers, cut to ``shape``."""
    return np.repeat(np.repeat(coarse, factor, axis=0), factor, axis=1)[:shape[0], :shape[1]]


def block_mean(fine: np.ndarray, valid: np.ndarray, factor: int) -> np.ndarray:
    """Mean of ``fine`` over the valid fine cells of every coarse cell (0 where none)."""
    rows, cols = fine.shape
    padded = (-(-rows // factor) * factor, -(-cols // factor) * factor)
    values, counts = np.zeros(padded), np.zeros(padded)
    values[:rows, :cols] = np.where(valid, fine, 0.0)
    counts[:rows, :cols] = valid
    shape = (padded[0] // factor, factor, padded[1] // factor, factor)
    return values.reshape(shape).sum(axis=(1, 3)) / np.maximum(
        counts.reshape(shape).sum(axis=(1, 3)), 1)


def _pair_values(result) -> np.ndarray:
    """Effective resistance of every pair i < j from a pairwise CircuitResult."""
    matrix = result.resistances[1:, 1:]
    i, j = np.triu_indices(matrix.shape[0], k=1)
    return matrix[i, j]


def _map_agreement(fine: np.ndarray, coarse_up: np.ndarray, both: np.ndarray) -> dict:
    """Pearson and Spearman correlation of two current maps on ``both``, and the share of
    the fine map's top tenth of cells that the other map also has in its top tenth."""
    from scipy.stats import rankdata

    a, b = fine[both], coarse_up[both]
    top_a = a >= np.quantile(a, 0.9)
    top_b = b >= np.quantile(b, 0.9)
    return {"pearson": float(np.corrcoef(a, b)[0, 1]),
            "spearman": float(np.corrcoef(rankdata(a), rankdata(b))[0, 1]),
            "top_tenth_kept": float(np.count_nonzero(top_a & top_b) / np.count_nonzero(top_a))}


def _coarse_run(resistance: np.ndarray, valid: np.ndarray, focal, factor: int, how: str,
                maps) -> Tuple[Any, np.ndarray, float]:
    """Pairwise on the landscape ``factor`` times coarser: (result, coarse valid, seconds).

    Each focal point goes to the coarse cell that contains it.
    """
    from espcore.circuits.focal import FocalNodes
    from espcore.circuits.graph import conductances
    from espcore.circuits.pairwise import pairwise

    coarse_res, coarse_valid = aggregate_resistance(resistance, valid, factor, how)
    coarse_focal = FocalNodes(focal.ids, focal.rows // factor, focal.cols // factor)
    g = conductances(coarse_res, coarse_valid, is_resistance=True)
    result, seconds = _timed(pairwise, g, coarse_focal, maps=maps)
    return result, coarse_valid, seconds


def _uniform_bias(shape: Tuple[int, int], focal, factors: Sequence[int]) -> Dict[int, float]:
    """Median coarse / fine - 1 of the pair resistances on a uniform sheet, per factor.

    With nothing to average, what is left is the cell size itself: a focal point is one
    cell, and the resistance of spreading out of a cell falls as the cell grows.
    """
    from espcore.circuits.circuit import MapOptions
    from espcore.circuits.graph import conductances
    from espcore.circuits.pairwise import pairwise

    ones, everywhere = np.ones(shape), np.ones(shape, dtype=bool)
    fine = _pair_values(pairwise(conductances(ones, everywhere, is_resistance=True), focal))
    bias = {}
    for factor in factors:
        coarse, _valid, _seconds = _coarse_run(ones, everywhere, focal, factor, "mean",
                                               MapOptions())
        bias[factor] = float(np.median(_pair_values(coarse) / fine - 1.0))
    return bias


def pairwise_coarse_accuracy(*, cells: int = 4_000_000, k: int = 10,
                             factors: Sequence[int] = (2, 3),
                             aggregations: Sequence[str] = ("mean", "harmonic")) -> dict:
    """Pairwise resistances and cumulative current at the fine cells against coarser cells.

    The landscape is bench/circuit_cases.py's (smooth resistance 1-1000, 6 % NoData lakes);
    ``k`` focal points spread evenly over it, each mapped to the coarse cell that contains
    it (the workflow's circuit step also connects one point per source). Per factor and
    aggregation: each pair's relative resistance error (median and largest size, the median
    signed error or bias, and the median and largest size once that bias is divided out),
    the Spearman rank correlation of the pair resistances, and the cumulative current maps
    compared on the fine cells (the coarse map repeated over the fine cells it covers:
    Pearson, Spearman, top tenth kept) and on the coarse cells (the fine map averaged over
    each coarse cell: Pearson). The same points on a uniform sheet give the bias that the
    cell size alone causes. The solver is ``auto`` (CHOLMOD here) at every size.
    """
    from circuit_cases import _focal, landscape
    from scipy.stats import spearmanr

    from espcore.circuits.circuit import MapOptions
    from espcore.circuits.graph import conductances
    from espcore.circuits.pairwise import pairwise

    maps = MapOptions(current_maps=True, cumulative_only=True)
    resistance, valid = landscape(cells)
    focal = _focal(valid, k)
    fine, fine_seconds = _timed(
        pairwise, conductances(resistance, valid, is_resistance=True), focal, maps=maps)
    fine_r = _pair_values(fine)
    fine_map = fine.maps["cum_curmap"]
    uniform = _uniform_bias(valid.shape, focal, factors)
    runs: List[Dict[str, Any]] = []
    for factor in factors:
        for how in aggregations:
            coarse, coarse_valid, seconds = _coarse_run(resistance, valid, focal, factor, how,
                                                        maps)
            ratio = _pair_values(coarse) / fine_r
            unbiased = np.abs(ratio / np.median(ratio) - 1.0)
            coarse_map = coarse.maps["cum_curmap"]
            both = valid & upsample(coarse_valid, factor, valid.shape)
            on_fine = _map_agreement(fine_map, upsample(coarse_map, factor, valid.shape), both)
            averaged = block_mean(fine_map, valid, factor)[coarse_valid]
            runs.append({
                "factor": factor, "aggregation": how, "cells": int(coarse_valid.size),
                "seconds": round(seconds, 2),
                "r_error_median": float(np.median(np.abs(ratio - 1.0))),
                "r_error_max": float(np.abs(ratio - 1.0).max()),
                "r_bias_median": float(np.median(ratio - 1.0)),
                "r_bias_uniform": uniform[factor],
                "r_unbiased_median": float(np.median(unbiased)),
                "r_unbiased_max": float(unbiased.max()),
                "r_spearman": float(spearmanr(fine_r, _pair_values(coarse))[0]),
                "map_fine": on_fine,
                "map_coarse_pearson": float(np.corrcoef(averaged,
                                                        coarse_map[coarse_valid])[0, 1])})
    return {"cells": int(resistance.size), "unknowns": int(np.count_nonzero(valid)),
            "seconds": round(fine_seconds, 2), "k": k, "pairs": int(fine_r.size),
            "runs": runs, "notes": _pairwise_notes(fine_seconds, k, runs)}


def _pairwise_notes(fine_seconds: float, k: int, runs: List[Dict[str, Any]]) -> List[str]:
    lines = ["fine run {0:.2f} s, {1} focal points ({2} pairs); R error = coarse / fine - 1, "
             "'bias out' = coarse / fine / its median - 1".format(
                 fine_seconds, k, k * (k - 1) // 2),
             "factor  aggregation  cells       R |error| median / max  R bias (uniform sheet)  "
             "bias out median / max  R spearman  "
             "map pearson / spearman / top tenth (fine cells)  pearson (coarse cells)  seconds"]
    for run in runs:
        on_fine = run["map_fine"]
        lines.append(
            "{0:>6}  {1:<11}  {2:>10,}  {3:>10.1%} / {4:<8.1%}  {5:>+7.1%} ({6:>+6.1%})"
            "          {7:>6.1%} / {8:<6.1%}  {9:>10.3f}  "
            "{10:>10.3f} / {11:.3f} / {12:.3f}{13:>34.3f}  {14:>7.2f}".format(
                run["factor"], run["aggregation"], run["cells"], run["r_error_median"],
                run["r_error_max"], run["r_bias_median"], run["r_bias_uniform"],
                run["r_unbiased_median"], run["r_unbiased_max"], run["r_spearman"],
                on_fine["pearson"], on_fine["spearman"], on_fine["top_tenth_kept"],
                run["map_coarse_pearson"], run["seconds"]))
    return lines
