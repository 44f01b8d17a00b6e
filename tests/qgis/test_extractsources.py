"""esp:extractsources end to end through processing.run, alone and chained after esp:mspa."""

import numpy as np
import processing
import pytest
from conftest import read_raster, write_raster
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

ALG = "esp:extractsources"
CELL = 100.0  # 1 ha cells


def patches():
    """MSPA-like classes: three core squares far apart, a 2-cell speck, some edge."""
    values = np.zeros((40, 60), dtype=np.uint8)
    values[2:6, 2:6] = 17       # A, 16 cells
    values[30:33, 40:43] = 17   # B, 9 cells
    values[5:7, 50:52] = 117    # C, 4 cells
    values[35, 5:7] = 17        # speck, 2 cells
    values[1, 1:7] = 3          # edge around A: not a candidate
    return values


def features(result):
    layer = result["OUTPUT"]
    if isinstance(layer, str):
        layer = QgsVectorLayer(layer, "sources", "ogr")
    return sorted((f.attributes() for f in layer.getFeatures()), key=lambda row: row[0])


def test_sources_with_areas_dpc_and_ids(esp, tmp_path):
    quality = np.full((40, 60), 0.5, dtype=np.float32)
    quality[2:6, 2:4] = 1.0
    result = processing.run(ALG, {
        "INPUT": write_raster(tmp_path / "mspa.tif", patches(), cell=CELL),
        "QUALITY": write_raster(tmp_path / "q.tif", quality, cell=CELL),
        "MIN_AREA": 0.03, "DISTANCE": 300, "MIN_DPC": 1.0,
        "OUTPUT": "TEMPORARY_OUTPUT", "SOURCE_IDS": str(tmp_path / "ids.tif")})
    # No two patches lie within reach (p < 0.01), so dPC_k = 100 a_k² / Σ a² for the patches
    # above 3 ha: A 16, B 9, C 4 ha. All three pass 1 %.
    areas = np.array([16.0, 9.0, 4.0]) * 1e4
    d_pc = 100 * areas ** 2 / (areas ** 2).sum()
    rows = features(result)
    assert [row[0] for row in rows] == [1, 2, 3]
    np.testing.assert_allclose([row[1] for row in rows], areas / 1e6)
    np.testing.assert_allclose([row[2] for row in rows], d_pc, rtol=1e-9)
    np.testing.assert_allclose([row[7] for row in rows], [0.75, 0.5, 0.5])
    assert result["SOURCE_COUNT"] == 3
    assert result["SOURCE_AREA_KM2"] == pytest.approx(0.29)
    ids, info = read_raster(result["SOURCE_IDS"])
    assert info["nodata"] == 0
    assert np.nansum(ids[2:6, 2:6] == 1) == 16 and np.nansum(ids[5:7, 50:52] == 3) == 4
    assert np.count_nonzero(np.nan_to_num(ids)) == 29
    # Polygon areas equal the cell counts.
    layer = result["OUTPUT"]
    layer = layer if not isinstance(layer, str) else QgsVectorLayer(layer, "s", "ogr")
    geometry_areas = sorted(f.geometry().area() for f in layer.getFeatures())
    np.testing.assert_allclose(geometry_areas, sorted(areas))


def test_top_n_keeps_the_most_important(esp, tmp_path):
    result = processing.run(ALG, {
        "INPUT": write_raster(tmp_path / "mspa.tif", patches(), cell=CELL),
        "MIN_AREA": 0, "DISTANCE": 300, "MIN_DPC": 0, "TOP_N": 2,
        "OUTPUT": "TEMPORARY_OUTPUT", "SOURCE_IDS": str(tmp_path / "ids.tif")})
    rows = features(result)
    np.testing.assert_allclose([row[1] for row in rows], [0.16, 0.09])


def test_top_quality_class_splits_a_core_at_its_degraded_cells(esp, tmp_path):
    # Patch A's left half at quality 1.0, the rest of every core at 0.5: with 2 natural-breaks
    # classes the top class is the 8 cells of A's left half (8 ha), the only source left.
    quality = np.full((40, 60), 0.5, dtype=np.float32)
    quality[2:6, 2:4] = 1.0
    result = processing.run(ALG, {
        "INPUT": write_raster(tmp_path / "mspa.tif", patches(), cell=CELL),
        "QUALITY": write_raster(tmp_path / "q.tif", quality, cell=CELL), "QUALITY_CLASSES": 2,
        "MIN_AREA": 0, "DISTANCE": 300, "MIN_DPC": 0, "OUTPUT": "TEMPORARY_OUTPUT"})
    rows = features(result)
    assert len(rows) == 1
    np.testing.assert_allclose(rows[0][1], 0.08)
    np.testing.assert_allclose(rows[0][7], 1.0)


def test_chain_from_land_cover_through_mspa(esp, tmp_path):
    """Land cover -> MSPA -> sources -> the id raster is Circuitscape's focal raster."""
    landcover = np.ones((30, 40), dtype=np.uint8)  # cropland
    landcover[3:13, 3:13] = 2                        # a 10 x 10 forest
    landcover[18:26, 25:35] = 2                      # an 8 x 10 forest
    mspa = processing.run("esp:mspa", {
        "INPUT": write_raster(tmp_path / "lc.tif", landcover, cell=CELL),
        "FOREGROUND_CLASSES": "2", "CONNECTIVITY": 0, "EDGE_WIDTH": 1,
        "OUTPUT": str(tmp_path / "mspa.tif"), "OUTPUT_TABLE": "TEMPORARY_OUTPUT"})
    result = processing.run(ALG, {
        "INPUT": mspa["OUTPUT"], "MIN_AREA": 0, "DISTANCE": 1000, "MIN_DPC": 0,
        "OUTPUT": "TEMPORARY_OUTPUT", "SOURCE_IDS": str(tmp_path / "ids.tif")})
    # With edge width 1 the core is the forest minus its one-cell rim.
    np.testing.assert_allclose(sorted(row[1] for row in features(result)),
                               np.array([6 * 8, 8 * 8]) * 1e-2)
    resistance = np.where(landcover == 2, 1.0, 10.0).astype(np.float32)
    circuit = processing.run("esp:circuitscape", {
        "INPUT": write_raster(tmp_path / "r.tif", resistance, cell=CELL),
        "FOCAL_NODES": result["SOURCE_IDS"],
        "RESISTANCE_MATRIX": str(tmp_path / "r.out"),
        "CUMULATIVE": str(tmp_path / "cum.tif")})
    matrix = np.loadtxt(circuit["RESISTANCE_MATRIX"])
    assert matrix.shape == (3, 3) and list(matrix[0, 1:]) == [1, 2]
    assert matrix[1, 2] > 0


def test_errors_say_what_to_change(esp, tmp_path):
    path = write_raster(tmp_path / "mspa.tif", patches(), cell=CELL)
    base = {"INPUT": path, "OUTPUT": "TEMPORARY_OUTPUT", "SOURCE_IDS": str(tmp_path / "i.tif")}
    with pytest.raises(QgsProcessingException, match="class raster"):
        processing.run(ALG, dict(base, INPUT=None))
    with pytest.raises(QgsProcessingException, match="numbers separated by commas"):
        processing.run(ALG, dict(base, VALUES="core"))
    with pytest.raises(QgsProcessingException, match="minimum area"):
        processing.run(ALG, dict(base, MIN_AREA=100))
    with pytest.raises(QgsProcessingException, match="resistance raster"):
        processing.run(ALG, dict(base, DISTANCE_METHOD=1))
    geographic = write_raster(tmp_path / "geo.tif", patches(), cell=0.001, origin=(110, 28),
                              crs="EPSG:4490")
    with pytest.raises(QgsProcessingException, match="geographic"):
        processing.run(ALG, dict(base, INPUT=geographic))
    assert not (tmp_path / "i.tif").exists()


def test_cancel_leaves_no_output(esp, tmp_path):
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="cancelled"):
        processing.run(ALG, {
            "INPUT": write_raster(tmp_path / "mspa.tif", patches(), cell=CELL),
            "MIN_AREA": 0, "OUTPUT": str(tmp_path / "sources.gpkg"),
            "SOURCE_IDS": str(tmp_path / "ids.tif")}, feedback=feedback)
    assert not (tmp_path / "ids.tif").exists() and not (tmp_path / "sources.gpkg").exists()
