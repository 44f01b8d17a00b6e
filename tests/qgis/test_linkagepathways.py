"""esp:linkagepathways through processing.run: links, paths, corridors, sources as polygons or
an id raster, and the errors a user meets."""

import math

import numpy as np
import processing
import pytest
from conftest import CRS, CancelAtOnce, read_raster, write_raster
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsRectangle,
    QgsVectorLayer,
)

from esp_toolkit.algorithms.qgis_compat import int_field, is_null

ALG = "esp:linkagepathways"
CELL = 100.0
ORIGIN = (500000.0, 3000000.0)


def landscape():
    """A (cols 0-1), B (cols 14-16), C (cols 35-36) on rows 3-5; resistance 2."""
    ids = np.zeros((9, 41), dtype=np.int32)
    ids[3:6, 0:2] = 1
    ids[3:6, 14:17] = 2
    ids[3:6, 35:37] = 3
    return ids, np.full(ids.shape, 2.0, dtype=np.float32)


def source_polygons(ids):
    """One rectangle per source, exactly covering its cells."""
    layer = QgsVectorLayer("Polygon?crs=" + CRS, "sources", "memory")
    layer.dataProvider().addAttributes([int_field("source_id")])
    layer.updateFields()
    features = []
    for pid in np.unique(ids[ids > 0]):
        rows, cols = np.nonzero(ids == pid)
        x0 = ORIGIN[0] + cols.min() * CELL
        y1 = ORIGIN[1] - rows.min() * CELL
        rect = QgsRectangle(x0, y1 - (rows.max() - rows.min() + 1) * CELL,
                            x0 + (cols.max() - cols.min() + 1) * CELL, y1)
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromRect(rect))
        feature.setAttributes([int(pid)])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def run(tmp_path, **extra):
    ids, resistance = landscape()
    parameters = {"SOURCE_RASTER": write_raster(tmp_path / "ids.tif", ids, nodata=0),
                  "RESISTANCE": write_raster(tmp_path / "r.tif", resistance, nodata=-1),
                  "NEAREST": 0, "OUTPUT": "TEMPORARY_OUTPUT",
                  "CORRIDORS": str(tmp_path / "corridors.tif")}
    parameters.update(extra)
    return processing.run(ALG, parameters)


def rows(result):
    layer = result["OUTPUT"]
    if isinstance(layer, str):
        layer = QgsVectorLayer(layer, "links", "ogr")
    names = layer.fields().names()
    return {(f["From_Core"], f["To_Core"]): (dict(zip(names, f.attributes())), f.geometry())
            for f in layer.getFeatures()}


def test_links_with_linkage_mapper_attributes(esp, tmp_path):
    result = run(tmp_path, CWD=str(tmp_path / "cwd.tif"))
    links = rows(result)
    assert sorted(links) == [(1, 2), (2, 3)]
    ab, geometry = links[(1, 2)]
    # 100 m cells: gap 12 cells = 1200 m; 13 steps of 100 m at resistance 2 = 2600.
    assert ab["Euc_Dist"] == pytest.approx(1200.0)
    assert ab["CW_Dist"] == pytest.approx(2600.0)
    assert ab["LCP_Length"] == pytest.approx(1300.0)
    assert ab["cwd2Euc_R"] == pytest.approx(2600 / 1200)
    assert ab["cwd2Path_R"] == pytest.approx(2.0)
    assert (ab["Active"], ab["Link_Type"], ab["Link_ID"]) == (1, 1, 1)
    assert ab["Link_Info"] == "corridor"
    # The path runs straight through cell centres from A's last column to B's first, on
    # one of the rows 3-5 (all three are least-cost paths).
    line = geometry.asPolyline()
    assert len(line) == 2
    assert (line[0].x(), line[1].x()) == pytest.approx((ORIGIN[0] + 150, ORIGIN[0] + 1450))
    assert line[0].y() == line[1].y()
    assert ORIGIN[1] - line[0].y() in (350.0, 450.0, 550.0)
    assert geometry.length() == pytest.approx(1300.0)
    assert result["LINK_COUNT"] == 2 and result["ACTIVE_COUNT"] == 2
    corridors, info = read_raster(result["CORRIDORS"])
    assert info["geotransform"] == (ORIGIN[0], CELL, 0.0, ORIGIN[1], 0.0, -CELL)
    assert np.allclose(corridors[4, 2:14], 0.0)
    # One row above the band at column 8: (2 sqrt2 - 2) x 100 m x resistance 2.
    assert corridors[2, 8] == pytest.approx((2 * math.sqrt(2) - 2) * 200, rel=1e-6)
    cwd, _ = read_raster(result["CWD"])
    assert cwd[4, 8] == pytest.approx(6 * 200) and cwd[4, 0] == 0.0


def test_polygon_sources_equal_id_raster(esp, tmp_path):
    ids, _ = landscape()
    from_raster = rows(run(tmp_path))
    from_polygons = rows(run(tmp_path, SOURCE_RASTER=None, SOURCES=source_polygons(ids),
                             SOURCE_ID_FIELD="source_id",
                             CORRIDORS=str(tmp_path / "c2.tif")))
    assert from_raster.keys() == from_polygons.keys()
    for pair, (values, _) in from_raster.items():
        assert from_polygons[pair][0] == pytest.approx(values)


def test_limits_truncation_and_codes(esp, tmp_path):
    result = run(tmp_path, MAX_COST=3000, TRUNCATE=100)
    links = rows(result)
    bc = links[(2, 3)][0]
    assert (bc["Active"], bc["Link_Type"]) == (0, -12)
    assert bc["Link_Info"].startswith("dropped")
    assert result["ACTIVE_COUNT"] == 1
    corridors, _ = read_raster(result["CORRIDORS"])
    assert np.isnan(corridors[2, 8]) and corridors[4, 8] == 0.0
    assert np.all(np.isnan(corridors[:, 25]))
    euclid = rows(run(tmp_path, MAX_EUCLIDEAN=1500, CORRIDORS=str(tmp_path / "c3.tif")))
    assert euclid[(2, 3)][0]["Link_Type"] == -11
    assert is_null(euclid[(2, 3)][0]["CW_Dist"])
    assert euclid[(2, 3)][1].isEmpty()


def test_untruncated_corridors_beside_the_truncated_ones(esp, tmp_path):
    from qgis.core import QgsApplication, QgsProcessingOutputRasterLayer

    whole_path = str(tmp_path / "whole.tif")
    result = run(tmp_path, TRUNCATE=100, CORRIDORS_UNTRUNCATED=whole_path)
    assert result["CORRIDORS_UNTRUNCATED"] == whole_path
    truncated, _ = read_raster(result["CORRIDORS"])
    whole, info = read_raster(whole_path)
    assert info["dtype"] == "Float32"
    # (2, 8), one row above the band: CWD_A = (6 + sqrt2) x 200, CWD_B = (5 + sqrt2) x 200,
    # LCD = 13 x 200: NLCC = (2 sqrt2 - 2) x 200 = 165.7, beyond the width of 100.
    assert whole[2, 8] == pytest.approx((2 * math.sqrt(2) - 2) * 200, rel=1e-6)
    assert np.isnan(truncated[2, 8])
    assert whole[4, 8] == 0.0 and truncated[4, 8] == 0.0
    # Both links are active and the grid is uniform: every cell has an untruncated value;
    # the truncated raster is the untruncated one where it is at most 100.
    assert np.all(np.isfinite(whole))
    np.testing.assert_array_equal(np.isfinite(truncated), whole <= 100)
    np.testing.assert_array_equal(truncated[whole <= 100], whole[whole <= 100])
    # The same corridors as a run without it; not written unless asked for.
    alone = run(tmp_path, TRUNCATE=100, CORRIDORS=str(tmp_path / "alone.tif"))
    assert "CORRIDORS_UNTRUNCATED" not in alone
    np.testing.assert_array_equal(read_raster(alone["CORRIDORS"])[0], truncated)
    # Declared as a raster output, so the modeler can chain it.
    algorithm = QgsApplication.processingRegistry().algorithmById(ALG)
    output = algorithm.outputDefinition("CORRIDORS_UNTRUNCATED")
    assert isinstance(output, QgsProcessingOutputRasterLayer)
    assert algorithm.parameterDefinition("CORRIDORS_UNTRUNCATED").createByDefault() is False


def test_errors(esp, tmp_path):
    ids, resistance = landscape()
    r_path = write_raster(tmp_path / "r.tif", resistance, nodata=-1)
    with pytest.raises(QgsProcessingException, match="exactly one"):
        processing.run(ALG, {"RESISTANCE": r_path, "OUTPUT": "TEMPORARY_OUTPUT",
                             "CORRIDORS": str(tmp_path / "c.tif")})
    one = write_raster(tmp_path / "one.tif", np.where(ids == 1, 1, 0), nodata=0,
                       dtype="int32")
    with pytest.raises(QgsProcessingException, match="at least two sources"):
        processing.run(ALG, {"SOURCE_RASTER": one, "RESISTANCE": r_path,
                             "OUTPUT": "TEMPORARY_OUTPUT",
                             "CORRIDORS": str(tmp_path / "c.tif")})
    shifted = write_raster(tmp_path / "shift.tif", ids, nodata=0, origin=(500050.0, 3000000.0))
    with pytest.raises(QgsProcessingException, match="grid|align|Align"):
        processing.run(ALG, {"SOURCE_RASTER": shifted, "RESISTANCE": r_path,
                             "OUTPUT": "TEMPORARY_OUTPUT",
                             "CORRIDORS": str(tmp_path / "c.tif")})
    zero = resistance.copy()
    zero[0, 5] = 0.0
    with pytest.raises(QgsProcessingException, match="[Rr]esistance"):
        processing.run(ALG, {"SOURCE_RASTER": write_raster(tmp_path / "i.tif", ids, nodata=0),
                             "RESISTANCE": write_raster(tmp_path / "z.tif", zero, nodata=-1),
                             "OUTPUT": "TEMPORARY_OUTPUT",
                             "CORRIDORS": str(tmp_path / "c.tif")})
    degrees = write_raster(tmp_path / "deg.tif", resistance, nodata=-1, crs="EPSG:4326",
                           origin=(111.0, 28.0), cell=0.01)
    with pytest.raises(QgsProcessingException, match="geographic CRS"):
        processing.run(ALG, {"SOURCE_RASTER": write_raster(tmp_path / "di.tif", ids, nodata=0,
                                                           crs="EPSG:4326",
                                                           origin=(111.0, 28.0), cell=0.01),
                             "RESISTANCE": degrees, "OUTPUT": "TEMPORARY_OUTPUT",
                             "CORRIDORS": str(tmp_path / "c.tif")})
    assert not (tmp_path / "c.tif").exists()


def test_cancel_leaves_no_file(esp, tmp_path):
    with pytest.raises(QgsProcessingException, match="cancelled"):
        processing.run(ALG, {
            "SOURCE_RASTER": write_raster(tmp_path / "ids.tif", landscape()[0], nodata=0),
            "RESISTANCE": write_raster(tmp_path / "r.tif", landscape()[1], nodata=-1),
            "OUTPUT": "TEMPORARY_OUTPUT", "CORRIDORS": str(tmp_path / "corridors.tif")},
            feedback=CancelAtOnce())
    assert not (tmp_path / "corridors.tif").exists()


def test_styles_load(esp, tmp_path):
    import os

    from qgis.core import QgsRasterLayer

    from esp_toolkit.algorithms.base import STYLE_DIR

    result = run(tmp_path)
    layer = result["OUTPUT"]
    layer = layer if not isinstance(layer, str) else QgsVectorLayer(layer, "links", "ogr")
    message, ok = layer.loadNamedStyle(os.path.join(STYLE_DIR, "links.qml"))
    assert ok, message
    rules = layer.renderer().rootRule().children()
    assert [rule.filterExpression() for rule in rules] == ['"Active" = 1', '"Active" = 0']
    raster = QgsRasterLayer(result["CORRIDORS"], "corridors")
    message, ok = raster.loadNamedStyle(os.path.join(STYLE_DIR, "corridors.qml"))
    assert ok, message
    assert raster.renderer().type() == "singlebandpseudocolor"
