"""esp:pinchpoints end to end through processing.run: the gap in a wall, Eff_Resist against the
core, polygon and raster sources, the network output, classes, errors and cancellation."""

import numpy as np
import processing
import pytest
from conftest import CRS, CancelAtOnce, read_raster, write_raster
from qgis.core import (
    NULL,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsVectorLayer,
)

from esp_toolkit.algorithms.io.links import LINK_FIELDS, fields_of
from esp_toolkit.espcore.corridors.pinchpoints import corridor_pinchpoints

ALG = "esp:pinchpoints"
CELL = 100.0
X0, Y0 = 500000.0, 3000000.0
ROWS, COLS = 9, 11
GAP = (4, 5)


def landscape():
    """Resistance 1 (2 right of the wall), a NoData wall in column 5 with one gap; source 1
    is column 0, source 2 column 10."""
    resistance = np.ones((ROWS, COLS), dtype=np.float32)
    resistance[:, 6:] = 2.0
    resistance[:, 5] = -9999.0
    resistance[GAP] = 1.0
    labels = np.zeros((ROWS, COLS), dtype=np.int32)
    labels[:, 0] = 1
    labels[:, 10] = 2
    return resistance, labels


def cell_centre(row, col):
    return QgsPointXY(X0 + (col + 0.5) * CELL, Y0 - (row + 0.5) * CELL)


def links_layer(rows):
    """A memory line layer with Linkage Mapper's link fields; ``rows`` are (Link_ID, Active,
    From_Core, To_Core, CW_Dist)."""
    layer = QgsVectorLayer("LineString?crs=" + CRS, "links", "memory")
    provider = layer.dataProvider()
    provider.addAttributes(list(fields_of(LINK_FIELDS)))
    layer.updateFields()
    for link_id, active, a, b, cw_dist in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPolylineXY([cell_centre(4, 0),
                                                        cell_centre(4, 10)]))
        feature.setAttributes([link_id, active, 1 if active else -1, "Connects cores", a, b,
                               1000.0, cw_dist, 1000.0, cw_dist / 1000.0, cw_dist / 1000.0])
        provider.addFeatures([feature])
    return layer


def polygons_layer():
    """The two sources as rectangles over columns 0 and 10."""
    layer = QgsVectorLayer("Polygon?crs=" + CRS + "&field=source_id:integer", "src", "memory")
    provider = layer.dataProvider()
    for pid, col in ((1, 0), (2, 10)):
        feature = QgsFeature(layer.fields())
        x = X0 + col * CELL
        feature.setGeometry(QgsGeometry.fromWkt(
            "POLYGON(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))".format(
                x + 1, Y0 - 1, x + CELL - 1, Y0 - ROWS * CELL + 1)))
        feature.setAttributes([pid])
        provider.addFeatures([feature])
    return layer


def base(tmp_path, links, **extra):
    resistance, labels = landscape()
    parameters = {
        "RESISTANCE": write_raster(tmp_path / "r.tif", resistance, nodata=-9999.0, cell=CELL),
        "SOURCE_RASTER": write_raster(tmp_path / "ids.tif", labels, nodata=0, cell=CELL),
        "LINKS": links, "CUTOFF": 100000.0,
        "OUTPUT": str(tmp_path / "pinch.tif"), "OUTPUT_LINKS": "TEMPORARY_OUTPUT",
        "CLASSIFIED": str(tmp_path / "classes.tif"), "CLASSES": 3}
    parameters.update(extra)
    return parameters


def rows_of(result):
    layer = result["OUTPUT_LINKS"]
    if isinstance(layer, str):
        layer = QgsVectorLayer(layer, "out", "ogr")
    return [{name: feature[name] for name in layer.fields().names()}
            for feature in layer.getFeatures()]


def core_result():
    resistance, labels = landscape()
    impassable = resistance == -9999.0
    return corridor_pinchpoints(labels, resistance.astype(np.float64), impassable=impassable,
                                cell_size=CELL, pairs=[(1, 2)], cutoff=100000.0)


def test_gap_is_the_pinch_point_and_links_get_eff_resist(esp, tmp_path):
    links = links_layer([(1, 1, 1, 2, 1450.0), (2, 0, 1, 2, 9999.0)])
    result = processing.run(ALG, base(tmp_path, links))
    current, info = read_raster(result["OUTPUT"])
    # The only way through the wall: all of the 1 A passes the gap cell.
    assert current[GAP] == pytest.approx(1.0, rel=1e-6)
    assert np.nanargmax(current) == np.ravel_multi_index(GAP, current.shape)
    assert np.isnan(current[:, [0, 10]]).all() and np.isnan(current[0, 5])
    assert info["geotransform"] == (X0, CELL, 0.0, Y0, 0.0, -CELL)
    rows = rows_of(result)
    assert [row["Link_ID"] for row in rows] == [1, 2]
    core = core_result()
    # Eff_Resist = the circuit's resistance x 100 m. A step costs 100 m x the mean resistance
    # of its two cells: 5 steps at 1, one at 1.5, 4 at 2.
    assert core.cost[0] == pytest.approx(1450.0)
    assert rows[0]["Eff_Resist"] == pytest.approx(core.effective_resistance[0], rel=1e-9)
    assert rows[0]["cwd2EffR_r"] == pytest.approx(1450.0 / core.effective_resistance[0],
                                                  rel=1e-9)
    assert rows[0]["Link_Info"] == "Connects cores" and rows[0]["CW_Dist"] == 1450.0
    # The inactive link keeps its attributes and gets NULL.
    assert rows[1]["CW_Dist"] == 9999.0
    assert rows[1]["Eff_Resist"] == NULL and rows[1]["cwd2EffR_r"] == NULL
    assert rows[0]["Eff_Resist"] != NULL
    np.testing.assert_allclose(current, core.current.astype(np.float32), rtol=1e-6)


def test_classes_run_from_one_to_n(esp, tmp_path):
    links = links_layer([(1, 1, 1, 2, 1450.0)])
    result = processing.run(ALG, base(tmp_path, links))
    classes, info = read_raster(result["CLASSIFIED"])
    current, _ = read_raster(result["OUTPUT"])
    assert info["nodata"] == 0 and info["dtype"] == "Byte"
    assert sorted(np.unique(classes[np.isfinite(classes)]).tolist()) == [1, 2, 3]
    # NoData exactly where the current is NoData; the gap is in the top class.
    np.testing.assert_array_equal(np.isnan(classes), np.isnan(current))
    assert classes[GAP] == 3


def test_polygon_and_raster_sources_give_the_same_result(esp, tmp_path):
    links = links_layer([(1, 1, 1, 2, 1450.0)])
    from_raster = processing.run(ALG, base(tmp_path, links))
    (tmp_path / "p").mkdir()
    polygons = polygons_layer()
    from_polygons = processing.run(ALG, base(
        tmp_path, links, SOURCE_RASTER=None, SOURCES=polygons, SOURCE_ID_FIELD="source_id",
        OUTPUT=str(tmp_path / "p" / "pinch.tif"),
        CLASSIFIED=str(tmp_path / "p" / "classes.tif")))
    a, _ = read_raster(from_raster["OUTPUT"])
    b, _ = read_raster(from_polygons["OUTPUT"])
    np.testing.assert_array_equal(np.isnan(a), np.isnan(b))
    np.testing.assert_allclose(a[np.isfinite(a)], b[np.isfinite(b)], rtol=1e-12)
    assert rows_of(from_raster)[0]["Eff_Resist"] == \
        pytest.approx(rows_of(from_polygons)[0]["Eff_Resist"], rel=1e-12)


def test_network_modes_write_the_network_current(esp, tmp_path):
    links = links_layer([(1, 1, 1, 2, 1450.0)])
    result = processing.run(ALG, base(tmp_path, links, MODE=2,
                                      NETWORK_OUTPUT=str(tmp_path / "net.tif")))
    adjacent, _ = read_raster(result["OUTPUT"])
    network, _ = read_raster(result["NETWORK_OUTPUT"])
    # Two sources, all their cells inside the corridor: all to one grounds each in turn and
    # sends the pair's 1 A twice.
    np.testing.assert_allclose(network, 2 * adjacent, rtol=1e-6)
    with pytest.raises(QgsProcessingException, match="Network current"):
        processing.run(ALG, base(tmp_path, links, MODE=1,
                                 OUTPUT=str(tmp_path / "other.tif")))
    assert not (tmp_path / "other.tif").exists()


def test_errors_say_what_to_change(esp, tmp_path):
    links = links_layer([(1, 1, 1, 2, 1450.0)])
    parameters = base(tmp_path, links, OUTPUT=str(tmp_path / "e.tif"),
                      CLASSIFIED=str(tmp_path / "ec.tif"))
    with pytest.raises(QgsProcessingException, match="either as polygons or as a source id"):
        processing.run(ALG, dict(parameters, SOURCE_RASTER=None))
    bare = QgsVectorLayer("LineString?crs=" + CRS + "&field=From_Core:integer", "l", "memory")
    with pytest.raises(QgsProcessingException, match="To_Core, CW_Dist, Active"):
        processing.run(ALG, dict(parameters, LINKS=bare))
    with pytest.raises(QgsProcessingException, match="source 7 is not among the sources"):
        processing.run(ALG, dict(parameters, LINKS=links_layer([(3, 1, 1, 7, 100.0)])))
    with pytest.raises(QgsProcessingException, match="no active link"):
        processing.run(ALG, dict(parameters, LINKS=links_layer([(3, 0, 1, 2, 100.0)])))
    with pytest.raises(QgsProcessingException, match="GeoTIFF"):
        processing.run(ALG, dict(parameters, CLASSIFIED=str(tmp_path / "c.png")))
    rect = landscape()[0]
    from osgeo import gdal

    path = write_raster(tmp_path / "rect.tif", rect, nodata=-9999.0, cell=CELL)
    ds = gdal.Open(path, gdal.GA_Update)
    ds.SetGeoTransform((X0, CELL, 0.0, Y0, 0.0, -2 * CELL))
    ds = None
    ids = write_raster(tmp_path / "rect_ids.tif", landscape()[1], nodata=0, cell=CELL)
    ds = gdal.Open(ids, gdal.GA_Update)
    ds.SetGeoTransform((X0, CELL, 0.0, Y0, 0.0, -2 * CELL))
    ds = None
    with pytest.raises(QgsProcessingException, match="square cells"):
        processing.run(ALG, dict(parameters, RESISTANCE=path, SOURCE_RASTER=ids))
    assert not (tmp_path / "e.tif").exists() and not (tmp_path / "ec.tif").exists()


def test_cancel_leaves_no_output(esp, tmp_path):
    links = links_layer([(1, 1, 1, 2, 1450.0)])
    parameters = base(tmp_path, links, OUTPUT_LINKS=str(tmp_path / "links.gpkg"), MODE=1,
                      NETWORK_OUTPUT=str(tmp_path / "net.tif"))
    with pytest.raises(QgsProcessingException, match="cancelled"):
        processing.run(ALG, parameters, feedback=CancelAtOnce())
    for name in ("pinch.tif", "classes.tif", "links.gpkg", "net.tif"):
        assert not (tmp_path / name).exists()


def test_unconnected_links_are_null_and_all_unconnected_is_an_error(esp, tmp_path):
    resistance, labels = landscape()
    labels[0, 4] = 3  # source 3 on the left of the wall, next to source 1
    ids = write_raster(tmp_path / "ids3.tif", labels, nodata=0, cell=CELL)
    closed = resistance.copy()
    closed[GAP] = -9999.0  # the wall is closed: 1-2 is not connected, 1-3 still is
    parameters = base(tmp_path, links_layer([(1, 1, 1, 2, 1450.0), (2, 1, 1, 3, 400.0)]),
                      SOURCE_RASTER=ids,
                      RESISTANCE=write_raster(tmp_path / "closed.tif", closed, nodata=-9999.0,
                                              cell=CELL))
    result = processing.run(ALG, parameters)
    rows = rows_of(result)
    assert rows[0]["Eff_Resist"] == NULL and rows[0]["cwd2EffR_r"] == NULL
    assert rows[1]["Eff_Resist"] > 0
    current, _ = read_raster(result["OUTPUT"])
    assert np.isnan(current[:, 6:]).all()  # nothing reaches past the wall
    with pytest.raises(QgsProcessingException, match="No current flows"):
        processing.run(ALG, dict(parameters, LINKS=links_layer([(1, 1, 1, 2, 1450.0)]),
                                 OUTPUT=str(tmp_path / "none.tif")))
    assert not (tmp_path / "none.tif").exists()
