"""A synthetic Hunan-like landscape at 30 m, written band by band (bounded memory).

Several prefectures side by side, each cut into counties; forested hills, cropland in the
valleys, a river crossing the whole area with towns grown along it. The classes are CLCD's
(1 cropland, 2 forest, 3 shrub, 4 grassland, 5 water, 7 barren, 8 impervious), so the
toolkit's CLCD preset and the demo's habitat tables apply. Everything is drawn from smooth
coarse fields with a fixed seed and interpolated to the fine cells, so a band can be made
without the rest and the same size always gives the same rasters.

Used by ``make demo-scale`` (tools/demo_scale.py) and the scale benchmarks.
"""

import os
from dataclasses import dataclass
from typing import Dict

import numpy as np
from osgeo import gdal, osr
from scipy import ndimage

CELL = 30.0
#: Coarse fields hold one value per this many fine cells a side.
COARSE = 40
BAND = 512


@dataclass(frozen=True)
class Landscape:
    folder: str
    rows: int
    cols: int
    prefectures: int

    def path(self, name: str) -> str:
        return os.path.join(self.folder, name + ".tif")

    @property
    def cells(self) -> int:
        return self.rows * self.cols


def _smooth(shape, sigma, rng):
    field = ndimage.gaussian_filter(rng.standard_normal(shape), sigma, mode="reflect")
    return (field - field.mean()) / field.std()


def _create(path, rows, cols, kind, nodata):
    dataset = gdal.GetDriverByName("GTiff").Create(
        path, cols, rows, 1, kind, options=["TILED=YES", "COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER"])
    # An Albers-like projected grid in Hunan (EPSG:32649, UTM 49N), 30 m cells.
    dataset.SetGeoTransform((500000.0, CELL, 0.0, 3300000.0, 0.0, -CELL))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32649)
    dataset.SetProjection(srs.ExportToWkt())
    dataset.GetRasterBand(1).SetNoDataValue(nodata)
    return dataset


def _fine(coarse, top, rows, cols, order=1):
    """Rows [top, top + rows) of ``coarse`` interpolated to fine cells."""
    y = (np.arange(top, top + rows) + 0.5) / COARSE - 0.5
    x = (np.arange(cols) + 0.5) / COARSE - 0.5
    yy, xx = np.meshgrid(y, x, indexing="ij")
    return ndimage.map_coordinates(coarse, [yy, xx], order=order, mode="nearest")


def make_landscape(folder: str, rows: int, cols: int, prefectures: int = 3,
                   counties: int = 4, seed: int = 19) -> Landscape:
    """Write landcover.tif, threat_cropland.tif, threat_urban.tif and counties.tif (county
    ids, prefecture = id // 100) into ``folder``; kept when already there."""
    os.makedirs(folder, exist_ok=True)
    scape = Landscape(folder, rows, cols, prefectures)
    names = ("landcover", "threat_cropland", "threat_urban", "counties")
    if all(os.path.exists(scape.path(n)) for n in names):
        return scape
    rng = np.random.default_rng(seed)
    shape = (rows // COARSE + 2, cols // COARSE + 2)
    relief = _smooth(shape, 6.0, rng)
    moisture = _smooth(shape, 3.0, rng)
    # County seeds: prefectures are vertical strips, counties Voronoi cells inside them.
    seeds, ids = [], []
    for p in range(prefectures):
        for c in range(counties):
            width = shape[1] / prefectures
            seeds.append((rng.uniform(0, shape[0]), rng.uniform(p * width, (p + 1) * width)))
            ids.append(100 * (p + 1) + c + 1)
    seeds = np.array(seeds)
    yy, xx = np.mgrid[0:shape[0], 0:shape[1]]
    strip = np.minimum((xx * prefectures) // shape[1], prefectures - 1)
    distance = np.full(shape, np.inf)
    county = np.zeros(shape, dtype=np.int32)
    for k, (sy, sx) in enumerate(seeds):
        inside = strip == k // counties
        d = (yy - sy) ** 2 + (xx - sx) ** 2
        closer = inside & (d < distance)
        distance[closer] = d[closer]
        county[closer] = ids[k]
    # The river: a meander from the top to the bottom edge.
    river_x = cols * (0.5 + 0.18 * np.sin(np.linspace(0, 3 * np.pi, rows)))
    towns = [(int(rows * f), int(np.interp(rows * f, np.arange(rows), river_x)))
             for f in np.linspace(0.08, 0.92, 3 * prefectures)]
    files = {n: _create(scape.path(n), rows, cols,
                        gdal.GDT_Int32 if n == "counties" else gdal.GDT_Byte,
                        0 if n in ("landcover", "counties") else 255)
             for n in names}
    for top in range(0, rows, BAND):
        n = min(BAND, rows - top)
        band_rng = np.random.default_rng([seed, top])
        height = _fine(relief, top, n, cols) + 0.25 * band_rng.standard_normal((n, cols))
        wet = _fine(moisture, top, n, cols)
        cover = np.full((n, cols), 1, dtype=np.uint8)          # cropland in the valleys
        cover[height > 0.2] = 4                                # grassland on the slopes
        cover[height > 0.45] = 3                               # shrub
        cover[height > 0.6] = 2                                # forest on the hills
        cover[(height > 1.9) & (wet < -0.5)] = 7               # bare summits
        cover[(wet > 1.6) & (height < 0.0)] = 5                # ponds and lakes
        x = np.arange(cols)[None, :]
        rows_here = np.arange(top, top + n)[:, None]
        across = np.abs(x - river_x[top:top + n, None])
        cover[across < 6] = 5
        for ty, tx in towns:
            radius = 90 + 40 * ((ty + tx) % 3)
            d2 = (rows_here - ty) ** 2 + (x - tx) ** 2
            cover[(d2 < radius ** 2) & (across >= 6)] = 8
        files["landcover"].GetRasterBand(1).WriteArray(cover, 0, top)
        files["threat_cropland"].GetRasterBand(1).WriteArray((cover == 1).astype(np.uint8), 0, top)
        files["threat_urban"].GetRasterBand(1).WriteArray((cover == 8).astype(np.uint8), 0, top)
        files["counties"].GetRasterBand(1).WriteArray(
            _fine(county.astype(np.float64), top, n, cols, order=0).astype(np.int32), 0, top)
    for dataset in files.values():
        dataset.FlushCache()
    files.clear()
    return scape


def tables() -> Dict[str, str]:
    """The demo's threat and sensitivity tables (km, linear and exponential decay)."""
    root = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                        "resources", "demo")
    return {"threats": os.path.join(root, "hunan_threats.csv"),
            "sensitivity": os.path.join(root, "hunan_sensitivity.csv")}
