"""MSPA benchmark: a synthetic forest / non-forest landscape through espcore.sources.mspa.mspa.

Run through bench/run.py (``--only mspa_10m``), or by hand::

    python -c "import sys; sys.path[:0] = ['.', 'bench']; import mspa_cases as m; \
print(m.mspa_run(cells=1_000_000))"
"""

from __future__ import annotations

import time

import numpy as np

SEED = 20240611


def forest_map(cells: int, *, seed: int = SEED, forest: float = 0.55,
               missing: float = 0.01) -> np.ndarray:
    """A square GuidosToolbox-coded map (0 missing, 1 non-forest, 2 forest) of about
    ``cells`` cells.

    Fractal value noise (bilinearly upsampled white noise on lattices of 256 to 2 cells, so
    there are large forests, ragged borders, thin strips and single cells) thresholded so that
    ``forest`` of the cells are forest; about ``missing`` of the cells are missing in blobs
    (clouds).
    """
    from scipy.ndimage import zoom

    side = int(round(cells ** 0.5))
    rng = np.random.default_rng(seed)

    def noise(scales, amplitudes):
        field = np.zeros((side, side), dtype=np.float32)
        for scale, amplitude in zip(scales, amplitudes):
            coarse = rng.standard_normal((side // scale + 2,) * 2).astype(np.float32)
            field += amplitude * zoom(coarse, scale, order=1, prefilter=False)[:side, :side]
        return field

    cover = noise((256, 64, 16, 4, 2), (1.0, 0.7, 0.5, 0.45, 0.35))
    clouds = noise((128, 32), (1.0, 0.3))
    out = np.where(cover > np.quantile(cover[::7, ::7], 1.0 - forest), 2, 1).astype(np.uint8)
    out[clouds > np.quantile(clouds[::7, ::7], 1.0 - missing)] = 0
    return out


def mspa_run(cells: int = 10_000_000) -> dict:
    """8-connectivity, edge width 1, transition and intext on (GuidosToolbox's defaults)."""
    from espcore.sources.mspa import class_areas, mspa

    guidos = forest_map(cells)
    start = time.perf_counter()
    codes = mspa(guidos, connectivity=8, edge_width=1, intext=True)
    seconds = time.perf_counter() - start
    rows = class_areas(codes, cell_area=1.0)
    shares = {name: pct for _code, name, _cells, _area, pct, _data in rows if pct}
    core = sum(v for k, v in shares.items() if k.startswith("Core"))
    connectors = sum(v for k, v in shares.items() if k.startswith(("Bridge", "Loop")))
    forest = float(np.mean(guidos == 2)) * 100
    return {"cells": int(guidos.size), "seconds": round(seconds, 2),
            "notes": ["8-conn, EW 1: forest {0:.0f} %, of it core {1:.1f} %, bridge+loop "
                      "{2:.1f} %".format(forest, core, connectors)]}
