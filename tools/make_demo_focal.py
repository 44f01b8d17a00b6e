"""Writes resources/demo/hunan_forest_cores.gpkg: demonstration focal points for circuits.

Stand-ins for the ecological sources that the Sources step will extract: the land cover is cut
into a 3 x 3 grid of blocks and, in each block, the forest cell (CLCD code 2) with the most
forest around it (a 21 x 21 window) becomes a focal point. Deterministic.
"""

import os

import numpy as np
from osgeo import gdal, ogr, osr
from scipy.ndimage import uniform_filter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEMO = os.path.join(ROOT, "resources", "demo")


def main():
    dataset = gdal.Open(os.path.join(DEMO, "hunan_landcover.tif"))
    landcover = dataset.ReadAsArray()
    x0, size, _, y0, _, ysize = dataset.GetGeoTransform()
    forest = uniform_filter((landcover == 2).astype(float), size=21)
    forest[landcover != 2] = -1
    rows, cols = landcover.shape
    path = os.path.join(DEMO, "hunan_forest_cores.gpkg")
    if os.path.exists(path):
        os.remove(path)
    out = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromWkt(dataset.GetProjection())
    layer = out.CreateLayer("forest_cores", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("id", ogr.OFTInteger))
    number = 0
    for bi in range(3):
        for bj in range(3):
            block = forest[bi * rows // 3:(bi + 1) * rows // 3,
                           bj * cols // 3:(bj + 1) * cols // 3]
            if block.max() < 0.5:
                continue
            r, c = np.unravel_index(np.argmax(block), block.shape)
            r += bi * rows // 3
            c += bj * cols // 3
            number += 1
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetField("id", number)
            point = ogr.Geometry(ogr.wkbPoint)
            point.AddPoint_2D(x0 + (c + 0.5) * size, y0 + (r + 0.5) * ysize)
            feature.SetGeometry(point)
            layer.CreateFeature(feature)
    out = None
    print("wrote {0} focal points to {1}".format(number, path))


if __name__ == "__main__":
    main()
