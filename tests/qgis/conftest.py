"""PyQGIS test set-up: the working tree is imported as the plugin package `esp_toolkit`."""

import sys
from pathlib import Path

import numpy as np
import pytest
from qgis.core import QgsProcessingFeedback

ROOT = Path(__file__).resolve().parents[2]
PLUGINS = ROOT / "build" / "test-plugins"
PLUGINS.mkdir(parents=True, exist_ok=True)
link = PLUGINS / "esp_toolkit"
if not link.is_symlink():
    link.symlink_to(ROOT, target_is_directory=True)
sys.path.insert(0, str(PLUGINS))

sys.path.insert(0, str(ROOT / "tests" / "core"))
from cs_cases import find_cases  # noqa: E402,F401  (re-exported: one place finds the cases)


def case_file(case, name):
    """A file of a Circuitscape/Omniscape verification case; skips when they are absent."""
    import os

    path = os.path.join(find_cases(), case, name)
    if not os.path.exists(path):
        pytest.skip("verification cases not found")
    return path


class CancelAtOnce(QgsProcessingFeedback):
    """A Processing feedback that cancels the run at its first progress above 0 %."""

    def setProgress(self, value):
        super().setProgress(value)
        if value > 0:
            self.cancel()


CRS = "EPSG:4546"  # CGCS2000 / 3-degree Gauss-Kruger CM 111E, the demo data's CRS


@pytest.fixture(scope="session")
def esp(qgis_app, qgis_processing):
    """Registers the provider once; the plugin object keeps it alive for the session."""
    from esp_toolkit.plugin import EspToolkitPlugin

    plugin = EspToolkitPlugin(None)
    plugin.initProcessing()
    yield plugin


def write_raster(path, values, *, nodata=None, origin=(500000.0, 3000000.0), cell=100.0,
                 crs=CRS, dtype=None):
    """A small GeoTIFF for the tests; returns its path as a string."""
    from osgeo import gdal, osr

    values = np.asarray(values)
    if dtype is not None:
        values = values.astype(dtype)
    types = {"uint8": gdal.GDT_Byte, "int16": gdal.GDT_Int16, "int32": gdal.GDT_Int32,
             "float32": gdal.GDT_Float32, "float64": gdal.GDT_Float64}
    rows, cols = values.shape
    ds = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, 1,
                                              types[values.dtype.name])
    ds.SetGeoTransform((origin[0], cell, 0.0, origin[1], 0.0, -cell))
    srs = osr.SpatialReference()
    srs.SetFromUserInput(crs)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    band.WriteArray(values)
    ds = None
    return str(path)


def read_raster(path):
    """(values as float64 with NaN on NoData, dataset metadata dict)."""
    from osgeo import gdal

    ds = gdal.Open(str(path))
    band = ds.GetRasterBand(1)
    values = band.ReadAsArray().astype(np.float64)
    nodata = band.GetNoDataValue()
    if nodata is not None:
        values[values == np.float64(np.float32(nodata))] = np.nan
    info = {"geotransform": ds.GetGeoTransform(), "wkt": ds.GetProjection(),
            "nodata": nodata, "block": band.GetBlockSize(),
            "compression": ds.GetMetadata("IMAGE_STRUCTURE").get("COMPRESSION"),
            "dtype": gdal.GetDataTypeName(band.DataType)}
    return values, info
