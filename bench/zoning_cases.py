"""Zoning benchmark: the numeric part of both zoning tools on a province-sized grid.

16M cells (a 4000 x 4000 grid: Hunan at about 115 m, or a few counties at 30 m) with 122
units laid out as a jittered grid of rectangles, 60 sources, random pinch-point, barrier and
quality maps, 120 corridor paths. Timed: key cells by natural breaks (three maps), the zones,
the key-area patches with their scores and levels, the cross-tabulation of sources and zones
by unit, the line lengths by unit and the Louvain communities of the unit graph. Every step's
result is checked (zone cells add up, every share table sums to its total).
"""

from __future__ import annotations

import time

import numpy as np

SEED = 20261124
CELL = 30.0


def _units(side: int, rng: np.random.Generator, count: int = 122) -> np.ndarray:
    """Unit ids 1..count on a jittered grid of rectangles (11 x 11 + 1 split in two)."""
    per = int(np.ceil(np.sqrt(count - 1)))
    cuts = np.sort(rng.integers(side // (3 * per), side, per - 1)) if per > 1 else []
    rows = np.searchsorted(np.r_[cuts], np.arange(side), side="right")
    cols = np.searchsorted(np.r_[np.sort(rng.integers(0, side, per - 1))], np.arange(side),
                           side="right")
    units = (rows[:, None] * per + cols[None, :] + 1).astype(np.int32)
    units[units > count] = count
    return units


def zoning_run(cells: int = 16_000_000) -> dict:
    from espcore.zoning.collaboration import (
        communities,
        cross_tabulate,
        line_lengths_by_unit,
        shared_matrix,
    )
    from espcore.zoning.zones import (
        grade_levels,
        key_cells,
        patch_values,
        patches,
        restoration_zones,
        zone_tally,
    )

    side = int(cells ** 0.5)
    rng = np.random.default_rng(SEED)
    units = _units(side, rng)
    labels = np.zeros((side, side), dtype=np.int32)
    for source in range(1, 61):
        r, c = rng.integers(50, side - 50, 2)
        labels[r - 40:r + 40, c - 40:c + 40] = source
    corridors = np.zeros((side, side), dtype=bool)
    paths = []
    for _ in range(120):
        r0, c0, r1, c1 = rng.integers(0, side, 4)
        n = max(abs(r1 - r0), abs(c1 - c0)) + 1
        rr = np.linspace(r0, r1, n).round().astype(int)
        cc = np.linspace(c0, c1, n).round().astype(int)
        corridors[rr, cc] = True
        paths.append([np.column_stack([(cc + 0.5) * CELL, (side - rr - 0.5) * CELL])])
    pinch = rng.gamma(1.0, 1.0, (side, side)) * corridors
    barriers = np.where(rng.random((side, side)) < 0.01, rng.random((side, side)) * 10, 0.0)
    quality = rng.random((side, side))
    valid = np.ones((side, side), dtype=bool)
    geotransform = (0.0, CELL, 0.0, side * CELL, 0.0, -CELL)
    start = time.perf_counter()
    steps = {}
    t = time.perf_counter()
    pinch_cells, _ = key_cells(pinch)
    barrier_cells, _ = key_cells(barriers)
    degraded, _ = key_cells(quality, within=(labels > 0) | corridors, low=True)
    steps["key cells"] = time.perf_counter() - t
    t = time.perf_counter()
    zones = restoration_zones(valid, sources=labels > 0, corridors=corridors,
                              pinch=pinch_cells, barriers=barrier_cells, degraded=degraded)
    tally = zone_tally(zones, CELL * CELL / 1e6)
    assert tally.cells.sum() == side * side
    steps["zones"] = time.perf_counter() - t
    t = time.perf_counter()
    key_count = 0
    for mask, values in ((pinch_cells, pinch), (barrier_cells, barriers)):
        found, count = patches(mask)
        grade_levels(patch_values(found, count, values, "max"))
        key_count += count
    steps["key areas"] = time.perf_counter() - t
    t = time.perf_counter()
    _, sources = cross_tabulate(labels, units, n_units=122, weights=CELL * CELL / 1e6)
    codes, by_zone = cross_tabulate(zones.astype(np.int64), units, n_units=122)
    assert np.isclose(by_zone.sum(), side * side)
    steps["tables"] = time.perf_counter() - t
    t = time.perf_counter()
    lengths = line_lengths_by_unit(paths, units, geotransform=geotransform, n_units=122)
    steps["line lengths"] = time.perf_counter() - t
    t = time.perf_counter()
    matrix, _ = shared_matrix(lengths > 0, np.ones(len(paths)), n_units=122)
    zones_found = communities(matrix, seed=1)
    steps["communities"] = time.perf_counter() - t
    seconds = time.perf_counter() - start
    return {"cells": side * side, "seconds": round(seconds, 2),
            "notes": ["{keys} key areas, {k} collaboration zones".format(
                keys=key_count, k=int(zones_found.labels.max())),
                ", ".join("{0} {1:.2f} s".format(k, v) for k, v in steps.items())]}
