"""esp:resistancesurface through processing.run, the way the toolbox and models call it."""

import hashlib
import os

import numpy as np
import processing
import pytest
from conftest import CancelAtOnce, read_raster, write_raster
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsRasterLayer,
)

ALG = "esp:resistancesurface"

# CLCD codes: 2 forest, 1 cropland, 8 impervious, 5 water, 9 wetland, 0 NoData.
LANDCOVER = [[2, 1, 8], [5, 9, 0]]
# Hand values from the CLCD preset (forest 1, cropland 200, impervious 1000, water 50,
# wetland 30).
EXPECTED = [[1.0, 200.0, 1000.0], [50.0, 30.0, np.nan]]


@pytest.fixture
def landcover(tmp_path):
    return write_raster(tmp_path / "lc.tif", LANDCOVER, nodata=0, dtype="uint8")


def run(params, **kwargs):
    return processing.run(ALG, {"OUTPUT": "TEMPORARY_OUTPUT", **params}, **kwargs)


def test_preset_values_and_georeferencing(esp, landcover):
    out = run({"INPUT": landcover, "PRESET": 0})["OUTPUT"]
    values, info = read_raster(out)
    np.testing.assert_array_equal(values, EXPECTED)
    _, source = read_raster(landcover)
    assert info["geotransform"] == source["geotransform"]
    assert 'AUTHORITY["EPSG","4546"]' in info["wkt"]
    assert info["dtype"] == "Float32"
    assert info["compression"] == "DEFLATE"
    assert info["block"] == [256, 256]
    assert info["nodata"] is not None


def test_custom_matrix_overrides_preset_and_csv_file_is_read(esp, landcover, tmp_path):
    table = tmp_path / "table.csv"
    table.write_text("class,resistance,label\n1,100,cropland\n5,70,water\n", encoding="utf-8")
    out = run({"INPUT": landcover, "PRESET": 0, "TABLE_FILE": str(table),
               "TABLE": ["5", "60", "9", "5"]})["OUTPUT"]
    values, _ = read_raster(out)
    # cropland from the file (100), water from the matrix (60 beats the file's 70),
    # wetland from the matrix (5), forest and impervious from the preset.
    np.testing.assert_array_equal(values, [[1.0, 100.0, 1000.0], [60.0, 5.0, np.nan]])


def test_custom_table_only_with_unmapped_nodata(esp, landcover):
    out = run({"INPUT": landcover, "PRESET": 3, "TABLE": [2, 3, 8, 900],
               "UNMAPPED_NODATA": True})["OUTPUT"]
    values, _ = read_raster(out)
    np.testing.assert_array_equal(values, [[3.0, np.nan, 900.0], [np.nan] * 3])


def test_correction_and_factor_by_hand(esp, tmp_path):
    lc = write_raster(tmp_path / "lc.tif", [[1, 1], [2, 2]], dtype="uint8")
    # light: cropland 1 and 3 (mean 2) -> 100, 300; forest 2 and 2 -> 1, 1
    light = write_raster(tmp_path / "ntl.tif", [[1.0, 3.0], [2.0, 2.0]], dtype="float32")
    # slope rescaled to the CLCD range 1..1000: 0 -> 1, 30 -> 1000
    slope = write_raster(tmp_path / "slope.tif", [[0.0, 10.0], [20.0, 30.0]],
                         dtype="float32")
    out = run({"INPUT": lc, "PRESET": 0, "CORRECTION": light, "FACTORS": [slope],
               "LANDCOVER_WEIGHT": 3, "FACTOR_WEIGHTS": "1"})["OUTPUT"]
    values, _ = read_raster(out)
    slope_scaled = 1.0 + np.array([[0.0, 10.0], [20.0, 30.0]]) / 30.0 * 999.0
    expected = 0.75 * np.array([[100.0, 300.0], [1.0, 1.0]]) + 0.25 * slope_scaled
    np.testing.assert_allclose(values, expected, rtol=1e-6)


def test_inverted_factor_direction(esp, tmp_path):
    lc = write_raster(tmp_path / "lc.tif", [[2, 2, 2]], dtype="uint8")
    ndvi = write_raster(tmp_path / "ndvi.tif", [[0.1, 0.5, 0.9]], dtype="float32")
    out = run({"INPUT": lc, "PRESET": 0, "FACTORS": [ndvi], "FACTOR_DIRECTIONS": "-"})
    values, _ = read_raster(out["OUTPUT"])
    np.testing.assert_allclose(values[0], 0.5 * 1.0 + 0.5 * np.array([1000.0, 500.5, 1.0]),
                               rtol=1e-6)


def test_inputs_are_not_modified(esp, landcover):
    before = hashlib.sha256(open(landcover, "rb").read()).hexdigest()
    run({"INPUT": landcover, "PRESET": 0})
    assert hashlib.sha256(open(landcover, "rb").read()).hexdigest() == before


def error_of(params):
    with pytest.raises(QgsProcessingException) as info:
        run(params)
    return str(info.value)


def test_misaligned_rasters_are_named(esp, landcover, tmp_path):
    shifted = write_raster(tmp_path / "ntl_shifted.tif", [[1.0] * 3] * 2, dtype="float32",
                           origin=(500050.0, 3000000.0))
    message = error_of({"INPUT": landcover, "CORRECTION": shifted})
    assert "'ntl_shifted'" in message and "'lc'" in message
    assert "Warp" in message


def test_other_cell_size_and_crs_are_rejected(esp, landcover, tmp_path):
    coarse = write_raster(tmp_path / "coarse.tif", [[1.0] * 3] * 2, dtype="float32", cell=200)
    assert "'coarse'" in error_of({"INPUT": landcover, "FACTORS": [coarse]})
    utm = write_raster(tmp_path / "utm.tif", [[1.0] * 3] * 2, dtype="float32",
                       crs="EPSG:32649")
    message = error_of({"INPUT": landcover, "FACTORS": [utm]})
    assert "EPSG:32649" in message and "EPSG:4546" in message


def test_missing_classes_are_listed(esp, tmp_path):
    lc = write_raster(tmp_path / "lc.tif", [[2, 77, 1], [66, 77, 2]], dtype="uint8")
    message = error_of({"INPUT": lc, "PRESET": 0})
    assert "66, 77" in message and "unmapped classes are NoData" in message


def test_nodata_everywhere(esp, tmp_path):
    lc = write_raster(tmp_path / "lc.tif", [[0, 0], [0, 0]], nodata=0, dtype="uint8")
    assert "every cell is NoData" in error_of({"INPUT": lc})


@pytest.mark.parametrize("weights, directions, match", [
    ("1, -2", "", "must not be negative"),
    ("0, 0", "", "add up to zero"),
    ("1", "", "2 factor rasters but 1 factor weights"),
    ("1, x", "", "numbers separated by commas"),
    ("", "+, up", "'+' or '-'"),
])
def test_bad_weights_and_directions(esp, tmp_path, weights, directions, match):
    lc = write_raster(tmp_path / "lc.tif", [[2, 1]], dtype="uint8")
    a = write_raster(tmp_path / "a.tif", [[1.0, 2.0]], dtype="float32")
    b = write_raster(tmp_path / "b.tif", [[3.0, 5.0]], dtype="float32")
    message = error_of({"INPUT": lc, "FACTORS": [a, b], "LANDCOVER_WEIGHT": 0,
                        "FACTOR_WEIGHTS": weights, "FACTOR_DIRECTIONS": directions})
    assert match in message


def test_odd_matrix_and_non_tif_output(esp, landcover, tmp_path):
    assert "pairs" in error_of({"INPUT": landcover, "PRESET": 3, "TABLE": [1, 2, 3]})
    with pytest.raises(QgsProcessingException, match="GeoTIFF"):
        processing.run(ALG, {"INPUT": landcover, "OUTPUT": str(tmp_path / "out.img")})



def test_cancellation_leaves_no_file(esp, tmp_path):
    lc = write_raster(tmp_path / "lc.tif", [[2, 1], [8, 5]], dtype="uint8")
    factor = write_raster(tmp_path / "f.tif", [[1.0, 2.0], [3.0, 4.0]], dtype="float32")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(QgsProcessingException, match="cancelled"):
        processing.run(ALG, {"INPUT": lc, "FACTORS": [factor],
                             "OUTPUT": str(out_dir / "resistance.tif")},
                       feedback=CancelAtOnce())
    assert os.listdir(out_dir) == []


def test_style_is_applied_when_loaded(esp, layer_tree_view, landcover, tmp_path):
    out = str(tmp_path / "styled.tif")
    result = processing.runAndLoadResults(ALG, {"INPUT": landcover, "OUTPUT": out})
    layers = [lyr for lyr in QgsProject.instance().mapLayers().values()
              if isinstance(lyr, QgsRasterLayer) and lyr.source() == result["OUTPUT"]]
    assert len(layers) == 1
    renderer = layers[0].renderer()
    assert renderer.type() == "singlebandpseudocolor"
    items = renderer.shader().rasterShaderFunction().colorRampItemList()
    # The data span the style's own 1-1000, so fitting it onto them keeps its stops.
    assert [item.value for item in items] == pytest.approx([1, 10, 50, 200, 500, 1000])
    QgsProject.instance().removeAllMapLayers()


def test_context_without_loading_gets_no_post_processor(esp, landcover):
    context = QgsProcessingContext()
    result = processing.run(ALG, {"INPUT": landcover, "OUTPUT": "TEMPORARY_OUTPUT"},
                            context=context)
    assert not context.willLoadLayerOnCompletion(result["OUTPUT"])


def test_core_errors_reach_the_user_translated(esp, tmp_path):
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    class Chinese(QTranslator):
        def translate(self, context, text, disambiguation=None, n=-1):
            if context == "espcore" and text.startswith("The land cover holds classes"):
                return "土地覆被中有重分类表未列出的类别：{classes}{more}。"
            return ""

    translator = Chinese()
    QCoreApplication.installTranslator(translator)
    try:
        lc = write_raster(tmp_path / "lc.tif", [[2, 77]], dtype="uint8")
        message = error_of({"INPUT": lc, "PRESET": 0})
    finally:
        QCoreApplication.removeTranslator(translator)
    assert message == "土地覆被中有重分类表未列出的类别：77。"


def test_weights_without_factors_warn(esp, landcover):
    warnings = []

    class Recorder(QgsProcessingFeedback):
        def pushWarning(self, text):
            warnings.append(text)

    run({"INPUT": landcover, "FACTOR_WEIGHTS": "0.3"}, feedback=Recorder())
    assert any("without factor rasters" in text for text in warnings)


def test_csv_saved_by_chinese_excel_is_read(esp, landcover, tmp_path):
    table = tmp_path / "阻力表.csv"
    table.write_bytes("类别,阻力值,名称\r\n1,150,耕地\r\n2,3,林地\r\n".encode("gbk"))
    out = run({"INPUT": landcover, "PRESET": 0, "TABLE_FILE": str(table)})["OUTPUT"]
    values, _ = read_raster(out)
    np.testing.assert_array_equal(values[0], [3.0, 150.0, 1000.0])


def test_loaded_output_is_fitted_and_headed_not_band_named(esp, layer_tree_view, landcover,
                                                          tmp_path):
    from qgis.core import QgsLayerTreeModel
    from qgis.PyQt.QtCore import Qt

    project = QgsProject.instance()
    project.clear()
    try:
        processing.runAndLoadResults(ALG, {"INPUT": landcover, "PRESET": 0,
                                           "OUTPUT": str(tmp_path / "r.tif")})
        layer = next(layer for layer in project.mapLayers().values()
                     if isinstance(layer, QgsRasterLayer))
        # The 1-1000 style moves onto the data's 1-1000 (EXPECTED's range here), and the
        # legend opens with the heading instead of GDAL's "Band 1 (Gray)".
        renderer = layer.renderer()
        assert (renderer.classificationMin(), renderer.classificationMax()) == (
            np.nanmin(EXPECTED), np.nanmax(EXPECTED))
        node = project.layerTreeRoot().findLayer(layer.id())
        model = QgsLayerTreeModel(project.layerTreeRoot())
        texts = [item.data(Qt.ItemDataRole.DisplayRole) for item in model.layerLegendNodes(node)]
        assert texts[0] == "Cost of crossing a cell"
        assert not any("(Gray)" in str(text) for text in texts)
    finally:
        project.clear()
