"""esp:circuitscape on QGIS layers: Circuitscape's numbers, focal layers, errors, cancel."""

import os

import numpy as np
import processing
import pytest
from conftest import CRS, CancelAtOnce, case_file, read_raster, write_raster
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)

ALG = "esp:circuitscape"


def test_pairwise_matches_circuitscape_case(esp, tmp_path):
    # sgVerify4: resistances, 4 neighbours, average resistance, focal points as a raster.
    result = processing.run(ALG, {
        "INPUT": case_file("sgVerify4", "cellmap.asc"),
        "FOCAL_NODES": case_file("sgVerify4", "points.asc"),
        "CONNECT_FOUR_NEIGHBORS_ONLY": True, "CONNECT_USING_AVG_RESISTANCES": True,
        "CUMULATIVE": str(tmp_path / "cum.tif"), "MAX_CURRENT": str(tmp_path / "max.tif"),
        "RESISTANCE_MATRIX": str(tmp_path / "r.out"), "RESISTANCE_TABLE": "TEMPORARY_OUTPUT"})
    expected = np.loadtxt(case_file("sgVerify4", "expected/sgVerify4_resistances.out"))
    got = np.loadtxt(result["RESISTANCE_MATRIX"])
    np.testing.assert_allclose(got, expected, rtol=1e-6)
    cum, _ = read_raster(result["CUMULATIVE"])
    want = np.loadtxt(case_file("sgVerify4", "expected/sgVerify4_cum_curmap.asc"), skiprows=6)
    np.testing.assert_allclose(np.nan_to_num(cum), want, atol=1e-5)
    table = result["RESISTANCE_TABLE"]
    rows = {(f["from_id"], f["to_id"]): f["resistance"] for f in table.getFeatures()}
    assert len(rows) == 45
    assert rows[(1, 2)] == pytest.approx(expected[1, 2], rel=1e-6)


def test_pairs_on_two_workers_match_circuitscape_case(esp, tmp_path):
    # The same sgVerify4 run with its pairs solved in two worker processes.
    result = processing.run(ALG, {
        "INPUT": case_file("sgVerify4", "cellmap.asc"),
        "FOCAL_NODES": case_file("sgVerify4", "points.asc"), "WORKERS": 2,
        "CONNECT_FOUR_NEIGHBORS_ONLY": True, "CONNECT_USING_AVG_RESISTANCES": True,
        "CUMULATIVE": str(tmp_path / "cum.tif"), "RESISTANCE_MATRIX": str(tmp_path / "r.out")})
    expected = np.loadtxt(case_file("sgVerify4", "expected/sgVerify4_resistances.out"))
    np.testing.assert_allclose(np.loadtxt(result["RESISTANCE_MATRIX"]), expected, rtol=1e-6)
    cum, _ = read_raster(result["CUMULATIVE"])
    want = np.loadtxt(case_file("sgVerify4", "expected/sgVerify4_cum_curmap.asc"), skiprows=6)
    np.testing.assert_allclose(np.nan_to_num(cum), want, atol=1e-5)


def strip_raster(tmp_path, n=10):
    return write_raster(tmp_path / "strip.tif", np.ones((3, n), dtype="float32"))


def point_layer(points, field_values):
    layer = QgsVectorLayer("Point?crs={0}&field=site:integer".format(CRS), "sites", "memory")
    features = []
    for (x, y), value in zip(points, field_values):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feature.setAttributes([value])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def test_point_layer_gives_the_same_as_an_id_raster(esp, tmp_path):
    strip = strip_raster(tmp_path)
    # cell (1, 0) and (1, 9) centres on the 100 m grid starting at (500000, 3000000)
    layer = point_layer([(500050, 2999850), (500950, 2999850)], [7, 3])
    ids = np.zeros((3, 10), dtype="int32")
    ids[1, 0], ids[1, 9] = 7, 3
    raster = write_raster(tmp_path / "ids.tif", ids, nodata=0)
    common = {"INPUT": strip, "RESISTANCE_MATRIX": "TEMPORARY_OUTPUT"}
    by_points = processing.run(ALG, dict(common, FOCAL_FEATURES=layer, FOCAL_ID_FIELD="site"))
    by_raster = processing.run(ALG, dict(common, FOCAL_NODES=raster))
    a, b = np.loadtxt(by_points["RESISTANCE_MATRIX"]), np.loadtxt(by_raster["RESISTANCE_MATRIX"])
    np.testing.assert_array_equal(a, b)
    assert a[0, 1:].tolist() == [3, 7]


def test_included_pairs_give_minus_one(esp, tmp_path):
    # 1 x 3 strip of unit resistances, ids 1 2 3; only 1-2 and 2-3 are included: R(1,2) =
    # R(2,3) = 1 ohm, R(1,3) = -1 in the matrix and the table, and no map for 1-3.
    strip = write_raster(tmp_path / "strip.tif", np.ones((1, 3), dtype="float32"))
    ids = write_raster(tmp_path / "ids.tif", np.array([[1, 2, 3]], dtype="int32"), nodata=0)
    pairs = tmp_path / "pairs.txt"
    pairs.write_text("mode include\n1 2\n2 3\n")
    result = processing.run(ALG, {
        "INPUT": strip, "FOCAL_NODES": ids, "INCLUDED_PAIRS_FILE": str(pairs),
        "CUMULATIVE": str(tmp_path / "cum.tif"), "RESISTANCE_MATRIX": str(tmp_path / "r.out"),
        "RESISTANCE_TABLE": "TEMPORARY_OUTPUT"})
    got = np.loadtxt(result["RESISTANCE_MATRIX"])
    np.testing.assert_allclose(got, [[0, 1, 2, 3], [1, 0, 1, -1], [2, 1, 0, 1],
                                     [3, -1, 1, 0]], atol=1e-9)
    rows = {(f["from_id"], f["to_id"]): f["resistance"]
            for f in result["RESISTANCE_TABLE"].getFeatures()}
    assert rows[(1, 3)] == -1
    assert rows[(1, 2)] == pytest.approx(1.0)
    cum, _ = read_raster(result["CUMULATIVE"])
    # node currents [1, 1, 0] for 1-2 plus [0, 1, 1] for 2-3
    np.testing.assert_allclose(np.nan_to_num(cum), [[1, 2, 1]], atol=1e-6)


def test_polygons_are_focal_regions(esp, tmp_path):
    strip = strip_raster(tmp_path, 10)
    layer = QgsVectorLayer("Polygon?crs={0}&field=id:integer".format(CRS), "patches", "memory")
    features = []
    for pid, (x0, x1) in ((1, (500000, 500200)), (2, (500800, 501000))):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(
            "POLYGON(({0} 2999700, {1} 2999700, {1} 3000000, {0} 3000000, {0} 2999700))"
            .format(x0, x1)))
        feature.setAttributes([pid])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    result = processing.run(ALG, {"INPUT": strip, "FOCAL_FEATURES": layer, "FOCAL_ID_FIELD": "id",
                                  "CONNECT_FOUR_NEIGHBORS_ONLY": True,
                                  "RESISTANCE_MATRIX": "TEMPORARY_OUTPUT"})
    r = np.loadtxt(result["RESISTANCE_MATRIX"])
    # columns 0-1 and 8-9 are shorted; 7 unit links in series, 3 strips in parallel: 7/3
    assert r[1, 2] == pytest.approx(7 / 3, rel=1e-9)


def test_advanced_mode_on_a_strip(esp, tmp_path):
    strip = write_raster(tmp_path / "strip.tif", np.ones((1, 6), dtype="float32"))
    sources = np.zeros((1, 6), dtype="float32")
    sources[0, 0] = 1
    grounds = np.full((1, 6), -9999, dtype="float32")
    grounds[0, 5] = 0  # resistance 0 = direct ground
    result = processing.run(ALG, {
        "INPUT": strip, "SCENARIO": 3,
        "SOURCE_FILE": write_raster(tmp_path / "s.tif", sources),
        "GROUND_FILE": write_raster(tmp_path / "g.tif", grounds, nodata=-9999),
        "VOLTAGE": str(tmp_path / "v.tif"), "CUMULATIVE": str(tmp_path / "c.tif")})
    volts, _ = read_raster(result["VOLTAGE"])
    np.testing.assert_allclose(volts[0], [5, 4, 3, 2, 1, 0], atol=1e-9)


def errors(params):
    with pytest.raises(QgsProcessingException) as info:
        processing.run(ALG, params)
    return str(info.value)


def test_bad_inputs_are_explained(esp, tmp_path):
    zero = write_raster(tmp_path / "zero.tif", np.array([[1, 0, 1]], dtype="float32"))
    ids = write_raster(tmp_path / "ids.tif", np.array([[1, 0, 2]], dtype="int32"), nodata=0)
    assert "zero or negative" in errors({"INPUT": zero, "FOCAL_NODES": ids,
                                         "CUMULATIVE": "TEMPORARY_OUTPUT"})
    ok = write_raster(tmp_path / "ok.tif", np.array([[1, -1, 1]], dtype="float32"), nodata=-1)
    on_nodata = write_raster(tmp_path / "nd.tif", np.array([[0, 2, 1]], dtype="int32"),
                             nodata=0)
    message = errors({"INPUT": ok, "FOCAL_NODES": on_nodata, "CUMULATIVE": "TEMPORARY_OUTPUT"})
    assert "Fewer than two focal nodes lie on habitat: 2" in message
    shifted = write_raster(tmp_path / "shift.tif", np.array([[1, 0, 2]], dtype="int32"),
                           nodata=0, origin=(500100.0, 3000000.0))
    assert "same grid" in errors({"INPUT": ok, "FOCAL_NODES": shifted,
                                  "CUMULATIVE": "TEMPORARY_OUTPUT"})
    assert "focal nodes" in errors({"INPUT": ok, "CUMULATIVE": "TEMPORARY_OUTPUT"})


def test_extreme_range_is_warned(esp, tmp_path):
    r = write_raster(tmp_path / "r.tif", np.array([[1, 1e8, 1]], dtype="float32"))
    ids = write_raster(tmp_path / "ids.tif", np.array([[1, 0, 2]], dtype="int32"), nodata=0)

    class Recorder(QgsProcessingFeedback):
        warnings = []

        def pushWarning(self, text):
            self.warnings.append(text)

    feedback = Recorder()
    processing.run(ALG, {"INPUT": r, "FOCAL_NODES": ids, "CUMULATIVE": "TEMPORARY_OUTPUT"},
                   feedback=feedback)
    assert any("1.0e+08" in w for w in feedback.warnings)



def test_cancel_leaves_no_output(esp, tmp_path):
    rng = np.random.default_rng(0)
    r = write_raster(tmp_path / "r.tif", rng.uniform(1, 10, (40, 40)).astype("float32"))
    ids = np.zeros((40, 40), dtype="int32")
    ids[5, 5], ids[30, 30], ids[5, 30], ids[30, 5] = 1, 2, 3, 4
    ids_path = write_raster(tmp_path / "ids.tif", ids, nodata=0)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(QgsProcessingException, match="cancelled"):
        processing.run(ALG, {"INPUT": r, "FOCAL_NODES": ids_path,
                             "CUMULATIVE": str(out / "cum.tif")}, feedback=CancelAtOnce())
    assert os.listdir(out) == []


def test_cumulative_map_is_styled_over_its_own_range(esp, layer_tree_view, tmp_path):
    rng = np.random.default_rng(1)
    r = write_raster(tmp_path / "r.tif", rng.uniform(1, 10, (20, 20)).astype("float32"))
    ids = np.zeros((20, 20), dtype="int32")
    ids[2, 2], ids[17, 17], ids[2, 17] = 1, 2, 3
    result = processing.runAndLoadResults(ALG, {
        "INPUT": r, "FOCAL_NODES": write_raster(tmp_path / "ids.tif", ids, nodata=0),
        "CUMULATIVE": str(tmp_path / "cum.tif")})
    layer = [lyr for lyr in QgsProject.instance().mapLayers().values()
             if isinstance(lyr, QgsRasterLayer) and lyr.source() == result["CUMULATIVE"]][0]
    items = layer.renderer().shader().rasterShaderFunction().colorRampItemList()
    low, high = layer.dataProvider().cumulativeCut(1, 0.02, 0.98)
    assert items[0].value == pytest.approx(low) and items[-1].value == pytest.approx(high)
    assert high > low > 0
    QgsProject.instance().removeAllMapLayers()
