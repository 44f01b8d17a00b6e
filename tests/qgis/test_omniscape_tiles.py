"""esp:omniscape by tiles (ESP_TOOLKIT_TILES=1) writes the maps of the whole-raster run, and
removes its folder of finished tiles."""

import numpy as np
import processing
import pytest
from conftest import CancelAbove, Recorder, read_raster, write_raster

ALG = "esp:omniscape"


@pytest.fixture
def rasters(tmp_path):
    """A 90 x 75 landscape (default tiles of 60 cells: 4 tiles) with NoData holes."""
    rng = np.random.default_rng(4)
    shape = (90, 75)
    resistance = np.exp(rng.normal(0.0, 1.0, shape)).astype("float32")
    resistance[rng.random(shape) < 0.05] = -9999.0
    source = rng.uniform(0.0, 1.0, shape).astype("float32")
    source[rng.random(shape) < 0.3] = 0.0
    folder = tmp_path / "inputs"
    folder.mkdir()
    return (write_raster(folder / "resistance.tif", resistance, nodata=-9999.0),
            write_raster(folder / "source.tif", source))


def run(folder, rasters, feedback=None):
    folder.mkdir(exist_ok=True)
    return processing.run(ALG, {
        "INPUT": rasters[0], "SOURCE": rasters[1], "RADIUS": 5, "BLOCK_SIZE": 3,
        "BUFFER": 1, "CUMULATIVE": str(folder / "cum.tif"),
        "FLOW_POTENTIAL": str(folder / "fp.tif"), "NORMALIZED": str(folder / "norm.tif")},
        feedback=feedback)


def test_tiles_give_the_whole_rasters_maps(esp, tmp_path, rasters, monkeypatch):
    pytest.importorskip("osgeo")
    monkeypatch.delenv("ESP_TOOLKIT_TILES", raising=False)
    whole = run(tmp_path / "whole", rasters)
    monkeypatch.setenv("ESP_TOOLKIT_TILES", "1")
    log = Recorder()
    tiled = run(tmp_path / "tiled", rasters, log)
    assert any("4 tiles of up to 60 x 60 cells: 4 computed now, 0 resumed" in line
               for line in log.infos), log.infos
    for key in ("CUMULATIVE", "FLOW_POTENTIAL", "NORMALIZED"):
        want, want_info = read_raster(whole[key])
        got, got_info = read_raster(tiled[key])
        np.testing.assert_array_equal(np.isnan(got), np.isnan(want))
        np.testing.assert_allclose(np.nan_to_num(got), np.nan_to_num(want), rtol=1e-9,
                                   atol=1e-9 * np.nanmax(np.abs(want)), err_msg=key)
        assert got_info["geotransform"] == want_info["geotransform"]
        assert got_info["nodata"] == want_info["nodata"]
    assert np.isnan(read_raster(tiled["CUMULATIVE"])[0]).any()
    # Only the outputs are left: no folder of finished tiles, no partial files.
    assert sorted(p.name for p in (tmp_path / "tiled").iterdir()) == [
        "cum.tif", "fp.tif", "norm.tif"]



def test_a_cancelled_tiled_run_resumes(esp, tmp_path, rasters, monkeypatch):
    from qgis.core import QgsProcessingException

    monkeypatch.setenv("ESP_TOOLKIT_TILES", "1")
    folder = tmp_path / "out"
    with pytest.raises(QgsProcessingException):
        run(folder, rasters, CancelAbove(40))
    kept = [p.name for p in folder.iterdir()]
    # The finished tiles wait beside the output for a rerun; no output was written.
    assert len(kept) == 1 and kept[0].startswith(".esp-tiles-cum.tif-"), kept
    log = Recorder()
    result = run(folder, rasters, log)
    assert any("4 tiles of up to 60 x 60 cells: 2 computed now, 2 resumed" in line
               for line in log.infos), log.infos
    assert sorted(p.name for p in folder.iterdir()) == ["cum.tif", "fp.tif", "norm.tif"]
    monkeypatch.delenv("ESP_TOOLKIT_TILES")
    whole = run(tmp_path / "whole", rasters)
    got, _ = read_raster(result["NORMALIZED"])
    want, _ = read_raster(whole["NORMALIZED"])
    np.testing.assert_allclose(np.nan_to_num(got), np.nan_to_num(want), rtol=1e-9, atol=1e-9)


def test_worker_processes_read_ascii_grids_as_qgis_does(esp, tmp_path, monkeypatch):
    # QGIS reads Arc/Info ASCII grids as Float64; workers must too, or the maps differ by 1e-8.
    from conftest import case_file

    params = {"INPUT": case_file("omniscape_test2", "resistance.asc"),
              "SOURCE": case_file("omniscape_test2", "source.asc"), "RADIUS": 5,
              "BLOCK_SIZE": 3, "BUFFER": 2, "SOURCE_THRESHOLD": 0.2}
    whole, _ = read_raster(processing.run(ALG, dict(
        params, CUMULATIVE=str(tmp_path / "whole.tif")))["CUMULATIVE"])
    monkeypatch.setenv("ESP_TOOLKIT_TILES", "1")
    tiled, _ = read_raster(processing.run(ALG, dict(
        params, WORKERS=2, CUMULATIVE=str(tmp_path / "tiled.tif")))["CUMULATIVE"])
    np.testing.assert_allclose(tiled, whole, rtol=1e-12, atol=1e-14)
