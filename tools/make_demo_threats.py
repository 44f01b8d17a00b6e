"""Writes the habitat-quality inputs of the demo: threat rasters and the two InVEST tables.

The threats are read off the demo land cover (cropland and impervious cells, 1 = threat), so
they share its grid exactly. Run from the repository root:
    .venv/bin/python tools/make_demo_threats.py
"""

import csv
import os

import numpy as np
from osgeo import gdal

DEMO = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                    "resources", "demo")
THREATS = (  # name, CLCD classes, max distance km, weight, decay
    ("cropland", (1,), 4.0, 0.7, "linear"),
    ("urban", (8,), 10.0, 1.0, "exponential"),
)
# lulc, name, habitat suitability, sensitivity to cropland, to urban (values within the
# ranges of Chinese HQ studies: forest most suitable and most sensitive).
SENSITIVITY = (
    (1, "Cropland", 0.3, 0.2, 0.5), (2, "Forest", 1.0, 0.6, 0.8),
    (3, "Shrub", 0.8, 0.5, 0.7), (4, "Grassland", 0.7, 0.6, 0.7),
    (5, "Water", 0.7, 0.5, 0.8), (6, "Snow/Ice", 0.0, 0.0, 0.0),
    (7, "Barren", 0.0, 0.0, 0.0), (8, "Impervious", 0.0, 0.0, 0.0),
    (9, "Wetland", 0.9, 0.6, 0.8),
)


def main() -> None:
    gdal.UseExceptions()
    landcover = gdal.Open(os.path.join(DEMO, "hunan_landcover.tif"))
    classes = landcover.ReadAsArray()
    options = ["TILED=YES", "COMPRESS=DEFLATE"]
    for name, codes, _dist, _weight, _decay in THREATS:
        path = os.path.join(DEMO, "hunan_threat_{0}.tif".format(name))
        out = gdal.GetDriverByName("GTiff").Create(path, landcover.RasterXSize,
                                                   landcover.RasterYSize, 1, gdal.GDT_Byte,
                                                   options)
        out.SetGeoTransform(landcover.GetGeoTransform())
        out.SetProjection(landcover.GetProjection())
        out.GetRasterBand(1).WriteArray(np.isin(classes, codes).astype(np.uint8))
        out = None
    with open(os.path.join(DEMO, "hunan_threats.csv"), "w", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["threat", "max_dist", "weight", "decay", "cur_path"])
        for name, _codes, dist, weight, decay in THREATS:
            writer.writerow([name, dist, weight, decay, "hunan_threat_{0}.tif".format(name)])
    with open(os.path.join(DEMO, "hunan_sensitivity.csv"), "w", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["lulc", "name", "habitat"] + [t[0] for t in THREATS])
        writer.writerows(SENSITIVITY)


if __name__ == "__main__":
    main()
