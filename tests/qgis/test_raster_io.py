"""Raster layers <-> Grids: NoData rules, alignment messages, atomic GeoTIFF writing."""

import os

import numpy as np
import pytest
from conftest import read_raster, write_raster
from qgis.core import QgsProcessingException, QgsRasterLayer, QgsRasterRange


def layer(path, name=None):
    lyr = QgsRasterLayer(path, name or os.path.splitext(os.path.basename(path))[0])
    assert lyr.isValid()
    return lyr


def test_read_grid_masks_source_and_user_nodata(esp, tmp_path):
    from esp_toolkit.algorithms.io.raster import read_grid

    lyr = layer(write_raster(tmp_path / "a.tif", [[1.0, -9.0, 3.0], [4.0, 5.0, np.nan]],
                             nodata=-9.0, dtype="float32"))
    grid = read_grid(lyr)
    assert grid.mask.tolist() == [[False, True, False], [False, False, True]]
    assert grid.cell_size == (100.0, 100.0)
    # a user-defined NoData range from the layer properties counts too
    lyr.dataProvider().setUserNoDataValue(1, [QgsRasterRange(3.5, 4.5)])
    assert read_grid(lyr).mask.tolist() == [[False, True, False], [True, False, True]]


def test_read_grid_rejects_a_missing_band_and_rotation(esp, tmp_path):
    from osgeo import gdal

    from esp_toolkit.algorithms.io.raster import read_grid

    path = write_raster(tmp_path / "r.tif", [[1, 2]], dtype="uint8")
    with pytest.raises(QgsProcessingException, match="no band 2"):
        read_grid(layer(path), 2)
    ds = gdal.Open(path, gdal.GA_Update)
    ds.SetGeoTransform((0.0, 100.0, 5.0, 0.0, 5.0, -100.0))
    ds = None
    with pytest.raises(QgsProcessingException, match="rotated"):
        read_grid(layer(path))


def test_write_grid_round_trip_keeps_georeferencing(esp, tmp_path):
    from esp_toolkit.algorithms.io.raster import read_grid, write_grid

    src = layer(write_raster(tmp_path / "src.tif", [[1.5, 2.5], [0.0, 4.0]], nodata=0.0,
                             dtype="float32"))
    grid = read_grid(src)
    out = write_grid(grid, str(tmp_path / "sub" / "copy.tif"))
    values, info = read_raster(out)
    np.testing.assert_array_equal(values, [[1.5, 2.5], [np.nan, 4.0]])
    assert info["geotransform"] == (500000.0, 100.0, 0.0, 3000000.0, 0.0, -100.0)
    assert info["compression"] == "DEFLATE"
    assert sorted(os.listdir(tmp_path / "sub")) == ["copy.tif"]


def test_overwriting_drops_statistics_of_the_old_file(esp, tmp_path):
    from esp_toolkit.algorithms.io.raster import read_grid, write_grid

    grid = read_grid(layer(write_raster(tmp_path / "src.tif", [[1.0, 2.0]], dtype="float32")))
    out = str(tmp_path / "out.tif")
    stale = tmp_path / "out.tif.aux.xml"
    stale.write_text("<PAMDataset><PAMRasterBand band='1'><Metadata>"
                     "<MDI key='STATISTICS_MAXIMUM'>999</MDI></Metadata></PAMRasterBand>"
                     "</PAMDataset>")
    write_grid(grid, out)
    assert not stale.exists()


def test_failed_write_leaves_nothing(esp, tmp_path, monkeypatch):
    from osgeo import gdal

    from esp_toolkit.algorithms.io.raster import read_grid, write_grid

    grid = read_grid(layer(write_raster(tmp_path / "src.tif", [[1, 2]], dtype="uint8")))

    def disk_full(*args, **kwargs):
        raise RuntimeError("No space left on device")

    monkeypatch.setattr(gdal.Band, "WriteArray", disk_full)  # fails after the file exists
    with pytest.raises(RuntimeError, match="No space"):
        write_grid(grid, str(tmp_path / "out" / "bad.tif"))
    assert os.listdir(tmp_path / "out") == []


def test_check_aligned_names_roles_layers_and_grids(esp, tmp_path):
    from esp_toolkit.algorithms.io.raster import check_aligned

    a = layer(write_raster(tmp_path / "base.tif", [[1, 2], [3, 4]], dtype="uint8"))
    b = layer(write_raster(tmp_path / "light.tif", [[1, 2, 3], [3, 4, 5]], dtype="uint8"))
    with pytest.raises(QgsProcessingException) as info:
        check_aligned({"Land cover": a, "Correction raster": b})
    message = str(info.value)
    assert "Correction raster 'light'" in message and "Land cover 'base'" in message
    assert "3 x 2 cells" in message and "2 x 2 cells" in message
    check_aligned({"Land cover": a, "Same": layer(write_raster(
        tmp_path / "same.tif", [[9, 9], [9, 9]], dtype="uint8"))})
