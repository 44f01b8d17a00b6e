"""Connectivity-importance benchmark: edge-to-edge distances and dPC for ~1,000 patches.

The case returns ``cells``, ``seconds`` (distances + importance) and ``notes``; bench/run.py
adds the peak memory. By hand::

    python -c "import sys; sys.path[:0] = ['.', 'bench']; import connectivity_cases as c; \
print(c.dpc_run(cells=4_000_000, patches=1000))"
"""

from __future__ import annotations

import time

import numpy as np

SEED = 20240611
CELL = 30.0          # metres, the usual cell size of provincial studies
DISTANCE = 3000.0    # d0, metres
PROBABILITY = 0.5    # Conefor practice
MIN_PROBABILITY = 0.01


def patch_raster(cells: int, patches: int, *, seed: int = SEED) -> np.ndarray:
    """A square raster of about ``cells`` cells holding the ``patches`` largest habitat
    patches (ids 1..patches) of a thresholded smooth random field (features of 4-64 cells,
    a quarter of the landscape is habitat, patches joined 8-connected)."""
    from scipy.ndimage import label, zoom

    side = int(round(cells ** 0.5))
    rng = np.random.default_rng(seed)
    field = np.zeros((side, side), dtype=np.float32)
    for scale, amplitude in ((64, 1.0), (16, 0.5), (4, 0.25)):
        coarse = rng.standard_normal((side // scale + 2,) * 2).astype(np.float32)
        field += amplitude * zoom(coarse, scale, order=1, prefilter=False)[:side, :side]
    habitat = field > np.quantile(field[::5, ::5], 0.75)
    labels, count = label(habitat, structure=np.ones((3, 3), dtype=bool))
    sizes = np.bincount(labels.ravel())
    sizes[0] = 0
    largest = np.argsort(-sizes, kind="stable")[:patches]
    lookup = np.zeros(count + 1, dtype=np.int32)
    lookup[largest] = np.arange(1, largest.size + 1, dtype=np.int32)
    return lookup[labels]


def dpc_run(cells: int = 4_000_000, patches: int = 1000) -> dict:
    """Edge distances within the PC cut-off (p = 0.01), then IIC/PC/dPC of every patch."""
    from espcore.sources.connectivity import (
        connectivity_importance,
        pc_cutoff,
    )
    from espcore.sources.patchdistance import (
        edge_distances,
        patch_areas,
    )

    labels = patch_raster(cells, patches)
    cutoff = pc_cutoff(DISTANCE, PROBABILITY, MIN_PROBABILITY)
    start = time.perf_counter()
    ids, areas = patch_areas(labels, cell_area=CELL * CELL)
    links = edge_distances(labels, cell_size=(CELL, CELL), max_distance=cutoff)
    middle = time.perf_counter()
    result = connectivity_importance(areas, links, distance=DISTANCE, probability=PROBABILITY,
                                     landscape_area=labels.size * CELL * CELL,
                                     min_probability=MIN_PROBABILITY)
    end = time.perf_counter()
    return {
        "cells": int(labels.size),
        "seconds": round(end - start, 2),
        "notes": [
            "{0} patches, {1:,} links within {2:.0f} m (d0 {3:.0f} m, p0 {4}, p >= {5})".format(
                ids.size, links.i.size, cutoff, DISTANCE, PROBABILITY, MIN_PROBABILITY),
            "distances {0:.2f} s, importance {1:.2f} s".format(middle - start, end - middle),
            "PC {0:.4g}, IIC {1:.4g}, {2} components, max dPC {3:.2f} %".format(
                result.pc, result.iic, result.components, float(result.d_pc.max())),
        ],
    }
