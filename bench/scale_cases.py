"""Province-scale cases (issue 19): the 30 m steps that run as tasks, on 1, 2 and 4 workers
of a Dask LocalCluster, and on the local process pool for the same work.

The landscape is tools/scale_landscape.py's (a few prefectures at 30 m), kept in
build/scale-bench between runs. Inputs reach the workers as GeoTIFF windows or files; the
parts go to a folder. The peaks of the client (this process) and of the largest worker
are sampled from /proc while the work runs (tools/peaks.py).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FOLDER = os.path.join(ROOT, "build", "scale-bench")
#: 2,500 x 4,000 cells of 30 m: 1e7 cells, three prefectures of four counties.
SHAPE = (2500, 4000)


def _peaks():
    sys.path.insert(0, os.path.join(ROOT, "tools"))
    from peaks import Peaks

    return Peaks()


def _executor(engine, workers):
    from espcore.executor import DaskExecutor, ProcessExecutor, SerialExecutor

    if engine == "dask":
        return DaskExecutor(workers)
    return SerialExecutor() if workers == 1 else ProcessExecutor(workers)


def prepared(shape=SHAPE):
    """The landscape, its CLCD resistance and its sources (the 8 largest forest patches of
    at least 1 km2), as GeoTIFFs; made once."""
    sys.path.insert(0, os.path.join(ROOT, "tools"))
    from osgeo import gdal
    from scale_landscape import make_landscape
    from scipy import ndimage

    from espcore.resistance.presets import CLCD

    folder = os.path.join(FOLDER, "{0}x{1}".format(*shape))
    scape = make_landscape(folder, *shape)
    resistance, sources = scape.path("resistance"), scape.path("sources")
    if os.path.exists(resistance) and os.path.exists(sources):
        return scape
    cover = gdal.Open(scape.path("landcover")).ReadAsArray()
    table = dict(CLCD.table())
    lookup = np.full(256, np.nan, dtype=np.float32)
    for code, value in table.items():
        lookup[code] = value
    values = lookup[cover]
    labels, count = ndimage.label(cover == 2)
    sizes = np.bincount(labels.ravel())[1:]
    keep = np.argsort(sizes)[::-1][:8] + 1
    ids = np.zeros(count + 1, dtype=np.int32)
    ids[keep] = np.arange(1, len(keep) + 1)
    for path, array, kind, nodata in ((resistance, values, gdal.GDT_Float32, -9999.0),
                                      (sources, ids[labels], gdal.GDT_Int32, 0)):
        like = gdal.Open(scape.path("landcover"))
        out = gdal.GetDriverByName("GTiff").Create(path + ".part.tif", like.RasterXSize,
                                                   like.RasterYSize, 1, kind,
                                                   options=["TILED=YES", "COMPRESS=DEFLATE"])
        out.SetGeoTransform(like.GetGeoTransform())
        out.SetProjection(like.GetProjection())
        out.GetRasterBand(1).SetNoDataValue(nodata)
        out.GetRasterBand(1).WriteArray(np.where(np.isnan(array), nodata, array)
                                        if kind == gdal.GDT_Float32 else array)
        out = None
        os.replace(path + ".part.tif", path)
    return scape


def omniscape_30m(*, cells=None, workers=2, engine="dask", radius=30, block_size=21,
                  shape=SHAPE):
    """Omniscape by tiles from the resistance GeoTIFF (sources = 1 / resistance), the
    parts written to a folder; ``cells`` is ignored (the landscape is fixed)."""
    from espcore.circuits.omniscape import OmniscapeOptions
    from espcore.circuits.omniscapetiles import omniscape_tiles, plan_tiles
    from espcore.rasterfile import RasterFile
    from espcore.tiled import PartStore

    scape = prepared(shape)
    options = OmniscapeOptions(radius=radius, block_size=block_size,
                               source_from_resistance=True, r_cutoff=1e9)
    parts = tempfile.mkdtemp(prefix="omniscape-parts-", dir=FOLDER)
    try:
        with _peaks() as peaks:
            start = time.perf_counter()
            resistance = RasterFile(scape.path("resistance"))
            tiles = plan_tiles(resistance.shape, options)
            omniscape_tiles(resistance, options=options, store=PartStore(parts),
                            executor=_executor(engine, workers))
            seconds = time.perf_counter() - start
    finally:
        shutil.rmtree(parts, ignore_errors=True)
    client, worker = peaks.mb()
    windows = scape.cells / block_size ** 2
    return {"cells": scape.cells, "seconds": round(seconds, 2), "client_peak_mb": client,
            "worker_peak_mb": worker, "tiles": len(tiles),
            "notes": ["{0} x {1} workers: radius {2}, block {3}, about {4:,.0f} windows, "
                      "{5} tiles; {6:.2f} ms per window per worker; client peak {7:,} MB, "
                      "largest worker {8:,} MB".format(
                          engine, workers, radius, block_size, windows, len(tiles),
                          1000 * seconds * workers / windows, client, worker)]}


def cost_distances_30m(*, cells=None, workers=2, engine="dask", shape=SHAPE):
    """The 8 sources' cost-distance surfaces as tasks into a folder store (each worker reads
    the resistance and the source ids from the GeoTIFFs once)."""
    from espcore.corridors.surfacestore import FolderStore
    from espcore.corridors.surfacetasks import prefetch_surfaces
    from espcore.rasterfile import RasterFile

    scape = prepared(shape)
    folder = tempfile.mkdtemp(prefix="surfaces-", dir=FOLDER)
    try:
        with _peaks() as peaks:
            start = time.perf_counter()
            computed = prefetch_surfaces(RasterFile(scape.path("sources")),
                                         RasterFile(scape.path("resistance")),
                                         store=FolderStore(folder),
                                         executor=_executor(engine, workers))
            seconds = time.perf_counter() - start
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    client, worker = peaks.mb()
    return {"cells": scape.cells, "seconds": round(seconds, 2), "client_peak_mb": client,
            "worker_peak_mb": worker,
            "notes": ["{0} x {1} workers: {2} surfaces, {3:.1f} s per surface per worker; "
                      "client peak {4:,} MB, largest worker {5:,} MB".format(
                          engine, workers, computed, seconds * workers / max(computed, 1),
                          client, worker)]}
