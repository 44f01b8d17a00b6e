"""Corridor benchmarks: Linkage Pathways, Barrier Mapper and cost distance against GRASS r.cost.

Every case builds the same kind of 30 m landscape (:func:`landscape`): a smooth random
resistance from 1 to 100, sources as irregular blobs spread over the grid on a jittered
lattice, and a few NoData cells (small lakes and scattered single cells). Each case returns
``cells``, ``seconds`` (the headline time) and ``notes``; bench/run.py adds the peak memory.
Every timing is of a checked result: the corridor case compares a link's least-cost distance
with ``min(CWD_A + CWD_B)`` and the cost of its path, the barrier case recomputes a few scores
from the annulus written out directly, the GRASS case compares the two CWD rasters.

GRASS r.cost is run without ``-k`` (8 neighbours, as ours; ``-k`` adds the knight's moves) on
the same resistance, imported from a GeoTIFF into a throw-away location; its step cost is
ours, (cost_a + cost_b) / 2 x step length, but it measures the step length in cells (the
east-west resolution is 1), so its CWD is ours divided by the cell size. Start cells are 0 in
both, NoData is never entered by either. By hand::

    python -c "import sys; sys.path[:0] = ['.', 'bench']; import corridor_cases as c; \
print(c.cost_vs_grass(cells=1_000_000))"
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from typing import List, NamedTuple, Optional, Tuple

import numpy as np

SEED = 20240615
CELL = 30.0          # metres
EPSG = 32649         # UTM zone 49N (Hunan); GRASS needs a projected CRS for metric cells
GRASS_MEMORY_MB = 2000  # r.cost's segment cache: enough to hold the whole 4M-cell grid


class Landscape(NamedTuple):
    labels: np.ndarray       # int32, source id 1..k, 0 elsewhere
    resistance: np.ndarray   # float64, 1..100 (finite everywhere; not read on NoData)
    impassable: np.ndarray   # bool, NoData


def _smooth_noise(rng: np.random.Generator, side: int,
                  scales: Tuple[int, ...] = (256, 64, 16)) -> np.ndarray:
    """Fractal value noise scaled to [0, 1] (white noise on coarse lattices, bilinear)."""
    from scipy.ndimage import zoom

    field = np.zeros((side, side))
    for level, scale in enumerate(scales):
        coarse = rng.standard_normal((side // scale + 2,) * 2)
        field += 0.5 ** level * zoom(coarse, scale, order=1, prefilter=False)[:side, :side]
    field -= field.min()
    return field / field.max()


def _blob(rng: np.random.Generator, radius: float) -> np.ndarray:
    """An irregular blob: a disc whose radius wobbles with the angle (3 and 5 lobes)."""
    k = int(math.ceil(radius * 1.5))
    di, dj = np.mgrid[-k:k + 1, -k:k + 1]
    angle = np.arctan2(di, dj)
    phase = rng.uniform(0, 2 * math.pi, 2)
    edge = radius * (1 + 0.25 * np.sin(3 * angle + phase[0]) + 0.15 * np.sin(5 * angle
                                                                             + phase[1]))
    return np.hypot(di, dj) <= edge


def landscape(cells: int, sources: int, *, seed: int = SEED) -> Landscape:
    """A square 30 m landscape of about ``cells`` cells with ``sources`` source blobs.

    Resistance is ``1 + 99 u**2`` with ``u`` smooth noise in [0, 1] (features of 16-256
    cells, so cheap valleys wind between costly ridges); sources sit on a jittered lattice
    (radii 0.6-1.2 % of the side, resistance 1); NoData is three small lakes and 0.02 % of
    scattered cells, never on a source.
    """
    side = int(round(math.sqrt(cells)))
    rng = np.random.default_rng(seed)
    resistance = 1.0 + 99.0 * _smooth_noise(rng, side) ** 2
    labels = np.zeros((side, side), dtype=np.int32)
    rows = max(1, int(round(math.sqrt(sources))))
    cols = int(math.ceil(sources / rows))
    step_r, step_c = side / rows, side / cols
    for index in range(sources):
        r, c = divmod(index, cols)
        ci = int((r + 0.5 + rng.uniform(-0.25, 0.25)) * step_r)
        cj = int((c + 0.5 + rng.uniform(-0.25, 0.25)) * step_c)
        blob = _blob(rng, rng.uniform(0.006, 0.012) * side)
        k = blob.shape[0] // 2
        window = (slice(max(ci - k, 0), min(ci + k + 1, side)),
                  slice(max(cj - k, 0), min(cj + k + 1, side)))
        part = blob[window[0].start - ci + k:window[0].stop - ci + k,
                    window[1].start - cj + k:window[1].stop - cj + k]
        labels[window][part] = index + 1
    resistance[labels > 0] = 1.0
    impassable = rng.random((side, side)) < 2e-4
    i, j = np.ogrid[:side, :side]
    for ci, cj in rng.integers(0, side, (3, 2)):
        impassable |= np.hypot(i - ci, j - cj) <= 0.01 * side
    impassable &= labels == 0
    return Landscape(labels, resistance, impassable)


def _path_cost(path: np.ndarray, resistance: np.ndarray) -> float:
    """Cost of a path of 8-neighbour steps: step length x mean resistance of its two cells."""
    cells = np.asarray(path, dtype=np.int64)
    steps = np.abs(np.diff(cells, axis=0))
    if steps.size and (steps.max() > 1 or not steps.any(axis=1).all()):
        raise AssertionError("the path has a step that is not to an 8-neighbour")
    length = np.where(steps.sum(axis=1) == 2, math.sqrt(2.0), 1.0) * CELL
    r = resistance[cells[:, 0], cells[:, 1]]
    return float((length * 0.5 * (r[:-1] + r[1:])).sum())


# ------------------------------------------------------------------- Linkage Pathways ----

class _PhaseClock:
    """A Progress that notes when the reported fraction last stood at or below each mark."""

    def __init__(self, marks: Tuple[float, ...]) -> None:
        self.marks = marks
        self.times = [math.nan] * len(marks)

    def update(self, fraction: float) -> None:
        now = time.perf_counter()
        for index, mark in enumerate(self.marks):
            if fraction <= mark + 1e-9:
                self.times[index] = now

    def cancelled(self) -> bool:
        return False


def corridors_run(cells: int = 4_000_000, sources: int = 30) -> dict:
    """Linkage Pathways on 30 sources: adjacency "both", 4 nearest neighbours, truncation."""
    from espcore.corridors.corridors import linkage_pathways
    from espcore.corridors.costdistance import SourceDistances, cost_distance

    land = landscape(cells, sources)
    # A band of about 20 cells at the median resistance on either side of each path.
    truncate = 20 * CELL * float(np.median(land.resistance))
    # linkage_pathways maps its steps onto 0-0.15 (allocation), 0.15-0.75 (one CWD per link's
    # first source, paths), 0.75-1 (the other sources' CWDs, NLCC mosaic).
    clock = _PhaseClock((0.15, 0.75))
    start = time.perf_counter()
    distances = SourceDistances(land.labels, land.resistance, impassable=land.impassable,
                                cell_size=CELL)
    result = linkage_pathways(land.labels, land.resistance, impassable=land.impassable,
                              cell_size=CELL, adjacency="both", nearest=4, truncate=truncate,
                              distances=distances, progress=clock)
    end = time.perf_counter()

    active = [link for link in result.links if link.active]
    # Every active path must run from its first source to its second and cost its LCD; one
    # LCD is recomputed from two fresh searches.
    for link in active:
        ends = land.labels[link.path[[0, -1], 0], link.path[[0, -1], 1]]
        if tuple(ends) != (link.from_id, link.to_id):
            raise AssertionError("link {0}: its path joins {1}".format(link.link_id, ends))
    path_error = max(abs(_path_cost(link.path, land.resistance) - link.cost) / link.cost
                     for link in active)
    check = active[len(active) // 2]
    cwd_a = cost_distance(land.labels == check.from_id, land.resistance,
                          impassable=land.impassable, cell_size=CELL)
    cwd_b = cost_distance(land.labels == check.to_id, land.resistance,
                          impassable=land.impassable, cell_size=CELL)
    lcd = float(np.min(cwd_a + cwd_b))
    inside = np.isfinite(result.corridors)
    phases = [clock.times[0] - start, clock.times[1] - clock.times[0], end - clock.times[1]]
    return {
        "cells": int(land.labels.size),
        "seconds": round(end - start, 2),
        "notes": [
            "{0} sources, {1} candidate links, {2} active; truncated at {3:,.0f} "
            "({4:.1f} % of cells in a corridor)".format(sources, len(result.links),
                                                       len(active), truncate,
                                                       100.0 * inside.mean()),
            "allocation {0:.2f} s, paths {1:.2f} s, mosaic {2:.2f} s; {3} single-source "
            "searches".format(*phases, distances.searches),
            "link {0}-{1}: LCD {2:,.1f}, min(CWD_A + CWD_B) from two fresh searches "
            "{3:,.1f} (rel. diff {4:.1e}); worst path cost vs LCD over active links "
            "{5:.1e}".format(check.from_id, check.to_id, check.cost, lcd,
                             abs(check.cost - lcd) / lcd, path_error),
        ],
    }


# ---------------------------------------------------------------------- Barrier Mapper ----

def _annulus_min_direct(cwd: np.ndarray, i: int, j: int, cells: int, inner: float) -> float:
    """Smallest finite CWD on the cells whose centres lie at (inner, cells] cells from (i, j)."""
    a0, a1 = max(i - cells, 0), min(i + cells + 1, cwd.shape[0])
    b0, b1 = max(j - cells, 0), min(j + cells + 1, cwd.shape[1])
    rows, cols = np.mgrid[a0:a1, b0:b1]
    d = np.hypot(rows - i, cols - j)
    ring = (d <= cells + 1e-9) & (d > inner + 1e-9)
    values = cwd[a0:a1, b0:b1][ring]
    values = values[np.isfinite(values)]
    return float(values.min()) if values.size else math.inf


def barriers_run(cells: int = 4_000_000, radii: int = 3) -> dict:
    """Barrier Mapper on 3 sources and their 3 links, radii 3, 6, 9 ... cells."""
    from espcore.corridors.barriers import barrier_scores
    from espcore.corridors.costdistance import SourceDistances

    land = landscape(cells, 3, seed=SEED + 1)
    start = time.perf_counter()
    distances = SourceDistances(land.labels, land.resistance, impassable=land.impassable,
                                cell_size=CELL)
    surfaces = {int(s): distances(s) for s in distances.ids()}
    pairs = [(1, 2), (1, 3), (2, 3)]
    links = [(surfaces[a], surfaces[b], float(np.min(surfaces[a] + surfaces[b])))
             for a, b in pairs]
    middle = time.perf_counter()
    radius_cells = [3 * (k + 1) for k in range(radii)]
    # Linkage Mapper's semantics (the default): ring (r - 1 map unit, r], NoData where
    # restoring does not help, sources scored.
    result = barrier_scores(links, radii=[r * CELL for r in radius_cells], cell_size=CELL)
    end = time.perf_counter()

    # Recompute the per-radius maximum over links at the best cell, three random cells with
    # a positive score and two random cells.
    rng = np.random.default_rng(SEED + 2)
    worst, checked = 0.0, 0
    for r in radius_cells:
        score = result.by_radius[r * CELL]
        positive = np.flatnonzero(np.nan_to_num(score) > 0)
        picks = [int(np.nanargmax(score))] + list(rng.choice(positive, 3))
        picks += list(rng.integers(0, score.size, 2))
        for i, j in (divmod(int(flat), score.shape[1]) for flat in picks):
            if land.labels[i, j] > 0:
                continue
            checked += 1
            inner = r - 1.0 / CELL
            want = max((lcd - _annulus_min_direct(ca, i, j, r, inner)
                        - _annulus_min_direct(cb, i, j, r, inner) - 2 * r * CELL)
                       / (2 * r * CELL) for ca, cb, lcd in links)
            if want <= 0 or not math.isfinite(want):  # NoData where restoring does not help
                worst = max(worst, 0.0 if math.isnan(score[i, j]) else math.inf)
                continue
            worst = max(worst, abs(float(score[i, j]) - want) / want)
    top = float(np.nanmax(result.score))
    share = float(np.mean(np.nan_to_num(result.score) > 0))
    return {
        "cells": int(land.labels.size),
        "seconds": round(end - start, 2),
        "notes": [
            "3 sources, 3 links (LCD {0}), radii {1} cells".format(
                ", ".join("{0:,.0f}".format(lcd) for _, _, lcd in links),
                ", ".join(str(r) for r in radius_cells)),
            "CWDs {0:.2f} s ({1} searches), barrier scores {2:.2f} s".format(
                middle - start, distances.searches, end - middle),
            "max score {0:.3g}, {1:.2f} % of cells > 0; worst relative error against the "
            "annulus written out at {2} cells: {3:.1e}".format(top, 100 * share, checked,
                                                               worst),
        ],
    }


# ------------------------------------------------------------------ GRASS r.cost ----------

#: Runs inside a GRASS session, in one of three modes: "import" the two GeoTIFFs and set the
#: region; "time" an empty module (best of 3) and one r.cost run, each waited for with
#: os.wait4, which also gives the module's own peak memory; "export" the r.cost result.
_GRASS_SCRIPT = r'''
import json, os, subprocess, sys, time

mode, folder, memory = sys.argv[1], sys.argv[2], sys.argv[3]


def run(*args):
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)


def timed(*args):
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        sys.exit("{0} failed with status {1}".format(args[0], status))
    return seconds, usage.ru_maxrss / 1024


if mode == "import":
    for name in ("resistance", "sources"):
        run("r.in.gdal", "-o", "--quiet", "--overwrite",
            "input=" + os.path.join(folder, name + ".tif"), "output=" + name)
    run("g.region", "raster=resistance")
elif mode == "time":
    empty = min(timed("g.region", "-p")[0] for _ in range(3))
    cost, peak = timed("r.cost", "--quiet", "--overwrite", "input=resistance", "output=cwd",
                       "start_raster=sources", "memory=" + memory)
    print(json.dumps({"empty": empty, "cost": cost, "peak_mb": peak}))
else:
    run("r.out.gdal", "--quiet", "-f", "input=cwd", "type=Float64", "nodata=-1",
        "output=" + os.path.join(folder, "cwd.tif"))
'''


def _write_tif(path: str, array: np.ndarray, nodata: float, gdal_type: int) -> None:
    from osgeo import gdal, osr

    rows, cols = array.shape
    data = gdal.GetDriverByName("GTiff").Create(path, cols, rows, 1, gdal_type,
                                                ["TILED=YES", "COMPRESS=DEFLATE"])
    data.SetGeoTransform((500000.0, CELL, 0.0, 3000000.0 + rows * CELL, 0.0, -CELL))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    data.SetProjection(srs.ExportToWkt())
    band = data.GetRasterBand(1)
    band.SetNoDataValue(nodata)
    band.WriteArray(array)
    data = None


def _ensure_grass() -> Optional[str]:
    """Install Debian's grass-core when ``grass`` is missing and we may (root, or sudo
    without a password); None when GRASS is there, else the reason it is not."""
    if shutil.which("grass"):
        return None
    if os.geteuid() == 0:
        prefix: List[str] = []
    elif shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"],
                                                 capture_output=True).returncode == 0:
        prefix = ["sudo", "-n"]
    else:
        return "GRASS is not installed and apt-get needs root (sudo asks for a password)"
    install = prefix + ["apt-get", "install", "-y", "--no-install-recommends", "grass-core"]
    done = subprocess.run(install, capture_output=True, text=True)
    if done.returncode != 0:  # stale or empty package lists: refresh them once
        subprocess.run(prefix + ["apt-get", "update"], capture_output=True)
        done = subprocess.run(install, capture_output=True, text=True)
    if done.returncode != 0 or not shutil.which("grass"):
        tail = (done.stderr.strip().splitlines() or ["exit status {0}".format(
            done.returncode)])[-1]
        return "installing grass-core failed: " + tail
    return None


class _GrassSession:
    """A GRASS location made from the resistance GeoTIFF in ``folder``; each call of
    :meth:`run` is one ``grass --exec`` of the script above."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.mapset = os.path.join(folder, "grassdb", "bench", "PERMANENT")
        self.env = dict(os.environ, GRASS_MESSAGE_FORMAT="plain")
        subprocess.run(["grass", "-c", os.path.join(folder, "resistance.tif"), "-e",
                        os.path.dirname(self.mapset)], check=True, capture_output=True,
                       env=self.env)
        self.script = os.path.join(folder, "rcost.py")
        with open(self.script, "w", encoding="utf-8") as stream:
            stream.write(_GRASS_SCRIPT)

    def run(self, mode: str) -> Optional[dict]:
        done = subprocess.run(["grass", self.mapset, "--exec", sys.executable, self.script,
                               mode, self.folder, str(GRASS_MEMORY_MB)],
                              capture_output=True, text=True, env=self.env)
        if done.returncode != 0:
            raise RuntimeError("GRASS ({0}) failed: {1}".format(mode,
                                                                done.stderr.strip()[-500:]))
        lines = done.stdout.strip().splitlines()
        return json.loads(lines[-1]) if mode == "time" else None


def _read_tif(path: str) -> Tuple[np.ndarray, float]:
    from osgeo import gdal

    data = gdal.Open(path)
    band = data.GetRasterBand(1)
    return band.ReadAsArray().astype(np.float64), float(band.GetNoDataValue())


def _compare(ours: np.ndarray, grass: np.ndarray, sources: np.ndarray) -> List[str]:
    """Largest relative difference where both are finite, and where they disagree on it."""
    both = np.isfinite(ours) & np.isfinite(grass)
    moved = both & (ours > 0)
    relative = np.abs(grass[moved] - ours[moved]) / ours[moved]
    worst = np.flatnonzero(moved)[int(np.argmax(relative))] if relative.size else -1
    lines = ["largest relative difference to ours {0:.1e} (mean {1:.1e}) on {2:,} cells; "
             "source cells: ours max {3:g}, GRASS max {4:g}".format(
                 float(relative.max()), float(relative.mean()), int(moved.sum()),
                 float(ours[sources].max()), float(grass[sources].max()))]
    only_ours = int((np.isfinite(ours) & ~np.isfinite(grass)).sum())
    only_grass = int((~np.isfinite(ours) & np.isfinite(grass)).sum())
    if worst >= 0:
        i, j = divmod(int(worst), ours.shape[1])
        lines.append("worst at ({0}, {1}): ours {2:,.3f}, GRASS {3:,.3f}; reached by ours "
                     "only: {4:,} cells, by GRASS only: {5:,}".format(
                         i, j, ours[i, j], grass[i, j], only_ours, only_grass))
    return lines


def _ours(land: Landscape, method: str = "auto") -> Tuple[np.ndarray, float]:
    from espcore.corridors.costdistance import cost_distance

    start = time.perf_counter()
    cwd = cost_distance(land.labels > 0, land.resistance, impassable=land.impassable,
                        cell_size=CELL, method=method)
    return cwd, time.perf_counter() - start


def cost_vs_grass(cells: int = 4_000_000, repeats: int = 5) -> dict:
    """CWD from 30 source blobs: espcore (method "auto") against GRASS r.cost (8 neighbours).

    The two run in turn ``repeats`` times (ours, r.cost, ours, r.cost, ...) and the ratio is
    taken turn by turn; the notes give its median, which one busy spell on a shared machine
    does not move. With scikit-image installed, its heap search (method "skimage", the
    default before the frontier search) runs in each turn too, as a second yardstick.
    """
    land = landscape(cells, 30)
    sources = land.labels > 0
    heap = _skimage_present()
    reason = _ensure_grass()
    if reason is None:
        try:
            from osgeo import gdal
        except ImportError:
            reason = "GDAL's Python bindings are missing (needed to hand GRASS the rasters)"
    if reason is not None:
        times = [_ours(land)[1] for _ in range(repeats)]
        return {"cells": int(land.labels.size), "seconds": round(_median(times), 2),
                "grass_skipped": reason,
                "notes": ["ours: cost_distance (method auto), median of {0}: {1:.2f} s (all: "
                          "{2})".format(repeats, _median(times), _seconds_list(times)),
                          "GRASS r.cost skipped: " + reason]}

    folder = tempfile.mkdtemp(prefix="esp_rcost_")
    ours_times: List[float] = []
    heap_times: List[float] = []
    grass_runs = []
    try:
        _write_tif(os.path.join(folder, "resistance.tif"),
                   np.where(land.impassable, -9999.0, land.resistance), -9999.0,
                   gdal.GDT_Float64)
        _write_tif(os.path.join(folder, "sources.tif"), sources.astype(np.uint8), 0.0,
                   gdal.GDT_Byte)
        grass_session = _GrassSession(folder)
        grass_session.run("import")
        for _ in range(repeats):
            ours, seconds = _ours(land)
            ours_times.append(seconds)
            timing = grass_session.run("time")
            assert timing is not None
            grass_runs.append(timing)
            if heap:
                heap_cwd, seconds = _ours(land, "skimage")
                heap_times.append(seconds)
        grass_session.run("export")
        grass, nodata = _read_tif(os.path.join(folder, "cwd.tif"))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    # r.cost counts distance in cells (east-west resolution = 1): scale to map units.
    grass = np.where(grass == nodata, np.inf, grass * CELL)
    nets = [run["cost"] - run["empty"] for run in grass_runs]
    ratios = [a / b for a, b in zip(ours_times, nets)]
    version = subprocess.run(["grass", "--config", "version"], capture_output=True,
                             text=True).stdout.strip()
    notes = [
        "ours: cost_distance (method auto: the frontier search), median of {0}: {1:.2f} s "
        "(all: {2})".format(repeats, _median(ours_times), _seconds_list(ours_times)),
        "GRASS {0} r.cost (8 neighbours, memory={1} MB), median of {2}: {3:.2f} s net, "
        "wall less an empty module (g.region -p, {4:.2f} s); all net: {5}; its peak "
        "{6:,.0f} MB".format(version, GRASS_MEMORY_MB, repeats, _median(nets),
                             _median([run["empty"] for run in grass_runs]),
                             _seconds_list(nets), max(run["peak_mb"] for run in grass_runs)),
        "ratio ours / r.cost: {0:.2f}, median of the turns (ours and r.cost in turn; per "
        "turn: {1})".format(_median(ratios), _seconds_list(ratios)),
    ]
    if heap:
        notes.append("skimage MCP_Geometric (method skimage) in the same turns: median "
                     "{0:.2f} s, ratio to r.cost {1:.2f}, ours / skimage {2:.2f}; same "
                     "values as ours: {3}".format(
                         _median(heap_times),
                         _median([a / b for a, b in zip(heap_times, nets)]),
                         _median([a / b for a, b in zip(ours_times, heap_times)]),
                         "bit for bit" if np.array_equal(heap_cwd, ours) else "NO"))
    return {
        "cells": int(land.labels.size),
        "seconds": round(_median(ours_times), 2),
        "ratio_to_grass": round(_median(ratios), 3),
        "notes": notes + _compare(ours, grass, sources),
    }


def _median(values: List[float]) -> float:
    return float(np.median(values))


def _skimage_present() -> bool:
    try:
        import skimage.graph  # noqa: F401
    except ImportError:
        return False
    return True


def _seconds_list(values: List[float]) -> str:
    return ", ".join("{0:.2f}".format(value) for value in values)
