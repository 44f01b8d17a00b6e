"""Habitat quality benchmark: InVEST's users'-guide sum on a 30 m landscape.

Four threats with the reach of the usual Chinese parameterisation (cultivated land 6 km,
urban land 10 km, rural settlements 5 km, roads 2 km): at 30 m cells the largest decay
kernel is 667 x 667 cells. The result is checked at a few cells against the sum written out
directly (a window of the threat raster times the decay weights), so the timing is of the
exact sum, not of an approximation. Run by hand::

    python -c "import sys; sys.path[:0] = ['.', 'bench']; import habitat_cases as h; \
print(h.habitat_run(cells=1_000_000, threats=4))"
"""

from __future__ import annotations

import math
import time

import numpy as np

SEED = 20240611
CELL = 30.0
#: name, max_dist (km), weight, decay, land-cover class that carries the threat
THREATS = (("cultivated", 6.0, 0.7, "linear", 2), ("urban", 10.0, 1.0, "exponential", 5),
           ("rural", 5.0, 0.6, "exponential", 6), ("road", 2.0, 0.6, "linear", 7))
#: class: habitat, sensitivity to cultivated, urban, rural, road
CLASSES = {1: (1.0, 0.6, 0.8, 0.7, 0.6), 2: (0.3, 0.0, 0.4, 0.3, 0.3),
           3: (0.7, 0.5, 0.6, 0.5, 0.5), 4: (0.8, 0.6, 0.7, 0.6, 0.5),
           5: (0.0, 0.0, 0.0, 0.0, 0.0), 6: (0.0, 0.0, 0.0, 0.0, 0.0),
           7: (0.0, 0.0, 0.0, 0.0, 0.0)}


def _noise(rng: np.random.Generator, side: int, scale: int) -> np.ndarray:
    from scipy.ndimage import zoom

    coarse = rng.standard_normal((side // scale + 2,) * 2)
    return zoom(coarse, scale, order=1, prefilter=False)[:side, :side]


def landscape(side: int, seed: int = SEED) -> np.ndarray:
    """Land cover: forest 1, cropland 2, grass 3, water 4, town 5, villages 6, roads 7."""
    rng = np.random.default_rng(seed)
    relief = _noise(rng, side, 200) + 0.4 * _noise(rng, side, 40)
    lc = np.full((side, side), 1, dtype=np.uint8)
    lc[relief < 0.2] = 3
    lc[relief < -0.1] = 2
    lc[(relief < -0.9)] = 4
    lc[(relief < -0.5) & (_noise(rng, side, 60) > 1.2)] = 5
    villages = rng.random((side, side)) < 2e-4
    lc[villages & (lc == 2)] = 6
    for _ in range(max(2, side // 250)):  # straight roads across the map
        r0, r1 = rng.integers(0, side, 2)
        rows = np.linspace(r0, r1, side).round().astype(int)
        lc[rows, np.arange(side)] = 7
        lc[np.arange(side), rows] = 7
    return lc


def _direct_sum(threat, intensity: np.ndarray, i: int, j: int) -> float:
    """sum_y r_y * i(d_xy) around cell (i, j), written out over the window in reach."""
    reach = int(threat.max_distance // CELL)
    a0, a1 = max(i - reach, 0), min(i + reach + 1, intensity.shape[0])
    b0, b1 = max(j - reach, 0), min(j + reach + 1, intensity.shape[1])
    rows, cols = np.mgrid[a0:a1, b0:b1]
    d = np.hypot((rows - i) * CELL, (cols - j) * CELL)
    if threat.decay == "linear":
        w = 1.0 - d / threat.max_distance
    else:
        w = np.exp(-2.99 * d / threat.max_distance)
    w[d > threat.max_distance] = 0.0
    return float((intensity[a0:a1, b0:b1] * w).sum())


def habitat_run(cells: int, threats: int = 4) -> dict:
    from espcore import Grid
    from espcore.sources.habitat import Threat, habitat_quality

    side = int(round(math.sqrt(cells)))
    gt = (0.0, CELL, 0.0, side * CELL, 0.0, -CELL)
    lc = landscape(side)
    landcover = Grid.from_array(lc, geotransform=gt)
    chosen = THREATS[:threats]
    threat_list = [Threat(name, km * 1000.0, w, decay) for name, km, w, decay, _ in chosen]
    rasters = {name: Grid.from_array((lc == code).astype(np.float32), geotransform=gt)
               for name, _, _, _, code in chosen}
    habitat = {c: v[0] for c, v in CLASSES.items()}
    sensitivity = {c: {t[0]: v[1 + k] for k, t in enumerate(chosen)} for c, v in CLASSES.items()}

    start = time.perf_counter()
    result = habitat_quality(landcover, rasters, threat_list, habitat, sensitivity,
                             half_saturation=0.5, normalize_kernel=False,
                             semantics="guide_sum")
    seconds = time.perf_counter() - start

    # Check a few cells against the sum written out directly.
    rng = np.random.default_rng(SEED + 1)
    total_w = sum(t.weight for t in threat_list)
    worst = 0.0
    for i, j in rng.integers(0, side, (5, 2)):
        want = sum(t.weight / total_w * sensitivity[int(lc[i, j])][t.name]
                   * _direct_sum(t, rasters[t.name].values.astype(np.float64), i, j)
                   for t in threat_list)
        got = float(result.degradation.values[i, j])
        worst = max(worst, abs(got - want) / max(abs(want), 1e-12))
    # The default scale, kernels divided by their sum; not timed (the same FFTs).
    scaled = habitat_quality(landcover, rasters, threat_list, habitat, sensitivity,
                             half_saturation=0.5, semantics="guide_sum")
    q_scaled = scaled.quality.values[~scaled.quality.mask]
    widths = ", ".join("{0} {1}".format(t.name, 2 * int(t.max_distance // CELL) + 1)
                       for t in threat_list)
    q = result.quality.values[~result.quality.mask]
    # esp:habitatquality's default, InVEST 3.13+ (nearest threat cell), timed on its own.
    start = time.perf_counter()
    nearest = habitat_quality(landcover, rasters, threat_list, habitat, sensitivity,
                              half_saturation=0.5, semantics="invest313")
    nearest_seconds = time.perf_counter() - start
    q_nearest = nearest.quality.values[~nearest.quality.mask]
    return {"cells": side * side, "seconds": round(seconds, 2),
            "notes": ["{0} threats, kernel widths (cells): {1}".format(len(chosen), widths),
                      "literal sum: max D {0:.4g}, mean Q {1:.3f}; worst relative error "
                      "against the direct sum at 5 cells: {2:.1e}".format(result.max_degradation,
                                                              float(q.mean()), worst),
                      "normalised kernels: max D {0:.4g}, mean Q {1:.3f}".format(
                          scaled.max_degradation, float(q_scaled.mean())),
                      "InVEST 3.13+ (the tool's default): {0:.2f} s, max D {1:.4g}, "
                      "mean Q {2:.3f}".format(nearest_seconds, nearest.max_degradation,
                                              float(q_nearest.mean()))]}
