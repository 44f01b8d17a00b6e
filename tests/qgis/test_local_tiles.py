"""The local steps by tiles (ESP_TOOLKIT_TILES=1): esp:resistancesurface and
esp:habitatquality write the rasters they write in one piece, resume after a cancel, leave no
folder of parts behind, and refuse what their workers cannot read."""

import glob
import os

import numpy as np
import processing
import pytest
from conftest import CRS, CancelAbove, Recorder, read_raster, write_raster
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsRasterLayer,
    QgsRasterRange,
    QgsRectangle,
    QgsVectorLayer,
)

from esp_toolkit.algorithms import engine
from esp_toolkit.algorithms.resistance import resistancesurface
from esp_toolkit.algorithms.sources import habitatquality
from esp_toolkit.espcore.executor import SerialExecutor

CELL = 100.0
ORIGIN = (500000.0, 3000000.0)
SHAPE = (26, 23)
#: float32 results one rounding step apart (sums added in another order)
FLOAT32_STEP = 2.0 ** -23


@pytest.fixture
def tiles(monkeypatch):
    """Tiles of 5 x 5 cells, run in this process; yields a function that turns them on."""
    for module in (resistancesurface, habitatquality):
        monkeypatch.setattr(module, "tile_side", lambda *args: 5)
        monkeypatch.setattr(module, "executor_for", lambda *args: SerialExecutor())

    def on():
        monkeypatch.setenv("ESP_TOOLKIT_TILES", "1")
    monkeypatch.delenv("ESP_TOOLKIT_TILES", raising=False)
    return on


def no_parts_left(folder):
    assert glob.glob(os.path.join(str(folder), ".esp-tiles-*")) == []
    assert glob.glob(os.path.join(str(folder), ".*.part.tif")) == []


def same(got, want, exact=True):
    if exact:
        np.testing.assert_array_equal(got, want)
    else:
        np.testing.assert_allclose(got, want, rtol=FLOAT32_STEP, atol=1e-9)
        np.testing.assert_array_equal(np.isnan(got), np.isnan(want))


# ------------------------------------------------------------------------ resistance -----

@pytest.fixture
def resistance_inputs(tmp_path):
    rng = np.random.default_rng(7)
    lc = rng.choice([1, 2, 5, 8, 9], SHAPE).astype(np.uint8)  # CLCD codes
    lc[rng.random(SHAPE) < 0.1] = 0
    light = (rng.random(SHAPE) * 40).astype(np.float32)
    light[rng.random(SHAPE) < 0.05] = -1
    slope = (rng.random(SHAPE) * 30).astype(np.float32)
    slope[rng.random(SHAPE) < 0.05] = -9999
    ndvi = rng.random(SHAPE).astype(np.float32)
    return {"INPUT": write_raster(tmp_path / "lc.tif", lc, nodata=0),
            "CORRECTION": write_raster(tmp_path / "ntl.tif", light, nodata=-1),
            "FACTORS": [write_raster(tmp_path / "slope.tif", slope, nodata=-9999),
                        write_raster(tmp_path / "ndvi.tif", ndvi)],
            "PRESET": 0, "FACTOR_WEIGHTS": "0.5, 1", "FACTOR_DIRECTIONS": "+, -",
            "LANDCOVER_WEIGHT": 2}


def test_resistance_by_tiles_is_the_resistance_in_one_piece(esp, tiles, resistance_inputs,
                                                            tmp_path, monkeypatch):
    whole = processing.run("esp:resistancesurface",
                           {**resistance_inputs, "OUTPUT": str(tmp_path / "whole.tif")})
    tiles()
    # the provider's executor (worker processes) once; the other tests run in this process
    monkeypatch.setattr(resistancesurface, "executor_for", engine.executor_for)
    out = tmp_path / "tiled"
    out.mkdir()
    feedback = Recorder()
    tiled = processing.run("esp:resistancesurface",
                           {**resistance_inputs, "OUTPUT": str(out / "r.tif")},
                           feedback=feedback)
    got, info = read_raster(tiled["OUTPUT"])
    want, want_info = read_raster(whole["OUTPUT"])
    same(got, want, exact=False)
    assert info["geotransform"] == want_info["geotransform"]
    assert info["dtype"] == "Float32" and info["nodata"] == want_info["nodata"]
    assert "Resistance surface in 30 tiles of 25 cells" in feedback.infos
    assert not any("kept from an earlier run" in text for text in feedback.infos)
    no_parts_left(out)


def test_resistance_without_correction_is_bit_for_bit(esp, tiles, resistance_inputs,
                                                      tmp_path):
    params = {**resistance_inputs, "CORRECTION": None}
    whole = processing.run("esp:resistancesurface",
                           {**params, "OUTPUT": str(tmp_path / "whole.tif")})
    tiles()
    tiled = processing.run("esp:resistancesurface",
                           {**params, "OUTPUT": str(tmp_path / "tiled.tif")})
    same(read_raster(tiled["OUTPUT"])[0], read_raster(whole["OUTPUT"])[0])
    no_parts_left(tmp_path)


def test_resistance_resumes_after_a_cancel(esp, tiles, resistance_inputs, tmp_path):
    whole = processing.run("esp:resistancesurface",
                           {**resistance_inputs, "OUTPUT": str(tmp_path / "whole.tif")})
    tiles()
    out = tmp_path / "tiled"
    out.mkdir()
    params = {**resistance_inputs, "OUTPUT": str(out / "r.tif")}
    with pytest.raises(QgsProcessingException, match="cancelled"):
        processing.run("esp:resistancesurface", params, feedback=CancelAbove(60))
    assert not (out / "r.tif").exists()
    assert len(glob.glob(str(out / ".esp-tiles-*"))) == 1  # the finished tiles wait
    feedback = Recorder()
    processing.run("esp:resistancesurface", params, feedback=feedback)
    line = next(text for text in feedback.infos if "kept from an earlier run" in text)
    resumed = int(line.split()[0])
    assert 0 < resumed < 30
    same(read_raster(str(out / "r.tif"))[0], read_raster(whole["OUTPUT"])[0], exact=False)
    no_parts_left(out)


def test_nodata_set_in_qgis_is_refused_by_tiles(esp, tiles, resistance_inputs, tmp_path):
    layer = QgsRasterLayer(resistance_inputs["INPUT"], "landcover")
    layer.dataProvider().setUserNoDataValue(1, [QgsRasterRange(5, 5)])
    tiles()
    with pytest.raises(QgsProcessingException, match="NoData settings of its own in QGIS"):
        processing.run("esp:resistancesurface", {"INPUT": layer, "PRESET": 0,
                                                 "OUTPUT": str(tmp_path / "r.tif")})
    assert not (tmp_path / "r.tif").exists()


def test_errors_by_tiles_are_the_errors_in_one_piece(esp, tiles, tmp_path):
    lc = write_raster(tmp_path / "lc.tif", [[2, 77, 1], [66, 77, 2]], dtype="uint8")
    tiles()
    with pytest.raises(QgsProcessingException, match="66, 77.*unmapped classes are NoData"):
        processing.run("esp:resistancesurface", {"INPUT": lc, "PRESET": 0,
                                                 "OUTPUT": str(tmp_path / "r.tif")})
    shifted = write_raster(tmp_path / "shifted.tif", [[1.0] * 3] * 2, dtype="float32",
                           origin=(500050.0, 3000000.0))
    with pytest.raises(QgsProcessingException, match="'shifted'.*not on the same grid"):
        processing.run("esp:resistancesurface", {"INPUT": lc, "CORRECTION": shifted,
                                                 "OUTPUT": str(tmp_path / "r.tif")})


# --------------------------------------------------------------------------- habitat -----

@pytest.fixture
def habitat_inputs(tmp_path):
    rng = np.random.default_rng(3)
    lc = rng.choice([1, 1, 2, 3], SHAPE).astype(np.uint8)
    lc[rng.random(SHAPE) < 0.08] = 0
    road = np.zeros(SHAPE, dtype=np.float32)
    road[:, 11] = rng.uniform(0.3, 1.0, SHAPE[0])
    road[4, 11] = -1.0
    town = ((lc == 3) & (rng.random(SHAPE) < 0.3)).astype(np.float32)
    baseline = lc.copy()
    baseline[:4] = 2
    baseline[rng.random(SHAPE) < 0.05] = 0
    rasters = tmp_path / "rasters"
    rasters.mkdir()
    write_raster(rasters / "road.tif", road, nodata=-1.0)
    write_raster(rasters / "town.tif", town)
    threats = tmp_path / "threats.csv"
    threats.write_text("THREAT,MAX_DIST,WEIGHT,DECAY,CUR_PATH\n"
                       "road,0.35,0.6,linear,rasters/road.tif\n"
                       "town,0.45,1.0,exponential,rasters/town.tif\n", encoding="utf-8")
    sens = tmp_path / "sensitivity.csv"
    sens.write_text("LULC,NAME,HABITAT,L_ROAD,TOWN\n1,forest,1,0.8,0.9\n2,grass,0.7,0.4,0.5\n"
                    "3,built,0,0,0\n", encoding="utf-8")
    access = QgsVectorLayer("Polygon?crs={0}&field=Access:double".format(CRS), "access",
                            "memory")
    features = []
    for rect, value in (((500000, 2998000, 500900, 3000010), 0.25),
                        ((500500, 2997600, 501500, 2998500), 0.6),
                        ((501400, 2999000, 502300, 3000000), None)):  # NULL ACCESS
        feature = QgsFeature(access.fields())
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(*rect)))
        feature.setAttributes([value])
        features.append(feature)
    access.dataProvider().addFeatures(features)
    return {"LANDCOVER": write_raster(tmp_path / "lc.tif", lc, nodata=0),
            "THREATS_TABLE": str(threats), "SENSITIVITY_TABLE": str(sens),
            "HALF_SATURATION": 0.4, "ACCESSIBILITY": access,
            "BASELINE": write_raster(tmp_path / "baseline.tif", baseline, nodata=0)}


def _habitat(params, folder, feedback=None):
    os.makedirs(str(folder), exist_ok=True)
    outputs = {key: os.path.join(str(folder), key.lower() + ".tif")
               for key in ("DEGRADATION", "QUALITY", "RARITY")}
    return processing.run("esp:habitatquality", {**params, **outputs}, feedback=feedback)


@pytest.mark.parametrize("semantics", [0, 1, 2])
def test_habitat_by_tiles_is_the_habitat_in_one_piece(esp, tiles, habitat_inputs, tmp_path,
                                                      semantics):
    params = {**habitat_inputs, "SEMANTICS": semantics}
    whole = _habitat(params, tmp_path / "whole")
    tiles()
    feedback = Recorder()
    tiled = _habitat(params, tmp_path / "tiled", feedback)
    for key in ("DEGRADATION", "QUALITY", "RARITY"):
        got, info = read_raster(tiled[key])
        want, want_info = read_raster(whole[key])
        same(got, want, exact=semantics == 0)
        assert info["geotransform"] == want_info["geotransform"]
    highest = [t for t in feedback.infos if t.startswith("Highest degradation")]
    assert len(highest) == 1
    assert any(" tiles of 25 cells" in text for text in feedback.infos)
    assert not any("kept from an earlier run" in text for text in feedback.infos)
    no_parts_left(tmp_path / "tiled")


def test_habitat_resumes_after_a_cancel(esp, tiles, habitat_inputs, tmp_path):
    params = {**habitat_inputs, "SEMANTICS": 2}
    whole = _habitat(params, tmp_path / "whole")
    tiles()
    with pytest.raises(QgsProcessingException, match="cancelled"):
        _habitat(params, tmp_path / "tiled", CancelAbove(50))
    assert len(glob.glob(str(tmp_path / "tiled" / ".esp-tiles-*"))) == 1
    feedback = Recorder()
    tiled = _habitat(params, tmp_path / "tiled", feedback)
    line = next(text for text in feedback.infos if "kept from an earlier run" in text)
    assert 0 < int(line.split()[0]) < 30
    for key in ("DEGRADATION", "QUALITY", "RARITY"):
        same(read_raster(tiled[key])[0], read_raster(whole[key])[0], exact=False)
    no_parts_left(tmp_path / "tiled")


def test_habitat_without_optional_outputs(esp, tiles, habitat_inputs, tmp_path):
    params = {key: value for key, value in habitat_inputs.items()
              if key not in ("ACCESSIBILITY", "BASELINE")}
    whole = processing.run("esp:habitatquality",
                           {**params, "QUALITY": str(tmp_path / "whole.tif")})
    tiles()
    tiled = processing.run("esp:habitatquality",
                           {**params, "QUALITY": str(tmp_path / "tiled.tif")})
    assert set(tiled) == {"QUALITY"}
    same(read_raster(tiled["QUALITY"])[0], read_raster(whole["QUALITY"])[0])
    no_parts_left(tmp_path)
