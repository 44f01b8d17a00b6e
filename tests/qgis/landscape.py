"""A tiny landscape for the one-stop workflow: land cover, threats and four counties.

60 x 60 cells of 100 m (36 km²) in the demo's CRS. Four forest blocks of 12 x 12 cells
(1.44 km² each, CLCD class 2) sit one in each county's quadrant, on cropland (1) with a
built-up road (8) along the middle row; so every corridor between the blocks crosses a county
boundary, and those between north and south also cross the road.
"""

import os

import numpy as np
from conftest import CRS, write_raster

SIZE = 60
CELL = 100.0
ORIGIN = (500000.0, 3000000.0)
FOREST_BLOCKS = ((6, 6), (6, 42), (42, 6), (42, 42))  # top-left corners (row, col)
BLOCK = 12
ROAD_ROW = 30
# (name, prefecture, row slice, column slice) of the four quadrant counties.
COUNTIES = (("甲县", "东州", slice(0, 30), slice(0, 30)),
            ("乙县", "东州", slice(0, 30), slice(30, 60)),
            ("丙县", "西州", slice(30, 60), slice(0, 30)),
            ("丁县", "西州", slice(30, 60), slice(30, 60)))


def landcover() -> np.ndarray:
    values = np.ones((SIZE, SIZE), dtype=np.uint8)
    for row, col in FOREST_BLOCKS:
        values[row:row + BLOCK, col:col + BLOCK] = 2
    values[ROAD_ROW, :] = 8
    values[50:54, 26:34] = 5  # a pond on the southern boundary
    return values


def write_landscape(folder) -> dict:
    """Write the landscape into ``folder``; returns {name: path} of its files."""
    folder = str(folder)
    os.makedirs(folder, exist_ok=True)
    cover = landcover()
    paths = {"landcover": write_raster(os.path.join(folder, "landcover.tif"), cover,
                                       origin=ORIGIN, cell=CELL, dtype="uint8")}
    # Threat rasters: cropland and the road, 1 where the threat is present.
    paths["threat_cropland"] = write_raster(os.path.join(folder, "threat_cropland.tif"),
                                            (cover == 1).astype("float32"), origin=ORIGIN,
                                            cell=CELL)
    paths["threat_road"] = write_raster(os.path.join(folder, "threat_road.tif"),
                                        (cover == 8).astype("float32"), origin=ORIGIN,
                                        cell=CELL)
    paths["threats"] = os.path.join(folder, "threats.csv")
    with open(paths["threats"], "w", encoding="utf-8") as handle:
        handle.write("threat,max_dist,weight,decay,cur_path\n"
                     "cropland,0.5,0.6,linear,threat_cropland.tif\n"
                     "road,1.0,1.0,exponential,threat_road.tif\n")
    paths["sensitivity"] = os.path.join(folder, "sensitivity.csv")
    with open(paths["sensitivity"], "w", encoding="utf-8") as handle:
        handle.write("lulc,name,habitat,cropland,road\n1,Cropland,0.3,0.2,0.5\n"
                     "2,Forest,1.0,0.6,0.8\n5,Water,0.7,0.5,0.8\n8,Built-up,0.0,0.0,0.0\n")
    paths["counties"] = write_counties(os.path.join(folder, "counties.gpkg"))
    return paths


def write_counties(path: str) -> str:
    """The four quadrant counties with fields name and pref."""
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.SetFromUserInput(CRS)
    source = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = source.CreateLayer("counties", srs, ogr.wkbPolygon)
    for field in ("name", "pref"):
        layer.CreateField(ogr.FieldDefn(field, ogr.OFTString))
    for name, pref, rows, cols in COUNTIES:
        x0 = ORIGIN[0] + cols.start * CELL
        x1 = ORIGIN[0] + cols.stop * CELL
        y0 = ORIGIN[1] - rows.stop * CELL
        y1 = ORIGIN[1] - rows.start * CELL
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("name", name)
        feature.SetField("pref", pref)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(
            "POLYGON(({a} {c},{b} {c},{b} {d},{a} {d},{a} {c}))".format(a=x0, b=x1, c=y0, d=y1)))
        layer.CreateFeature(feature)
    source = None
    return path
