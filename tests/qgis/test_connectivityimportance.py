"""esp:connectivityimportance through processing.run: polygons, rasters, least cost, errors.

The landscape of most tests: four rectangles in a row, 100 m apart, in EPSG:4546 (metres).
   A  x 0-100,  y 0-100   area 1 ha      (ids 10, 20, 30, 40 in field "pid")
   B  x 200-300, y 0-200  area 2 ha      gap A-B 100 m
   C  x 400-500, y 0-100  area 1 ha      gap B-C 100 m, A-C 300 m
   D  x 5000-5100, y 0-300 area 3 ha     4.5 km from C: beyond the cut-off
With d0 = 100 m and p0 = 0.5: p(A,B) = p(B,C) = 0.5, p(A,C) = 0.5^3 = 0.125 but
p*(A,C) = 0.25 through B; IIC links A-B and B-C (d <= d0). In hectares²:
   PCnum = 1 + 4 + 1 + 9 + 2 (1x2x0.5 + 2x1x0.5 + 1x1x0.25) = 19.5
   IICnum = 15 + 2 (2/2 + 2/2 + 1/3) = 59/3
   Removing A (or C): PCnum 14 + 2x2x0.5 = 16, IICnum 14 + 2 = 16.
   Removing B: PCnum 11 + 2x0.125 = 11.25, IICnum 11.   Removing D: less 9.
"""

import math

import numpy as np
import processing
import pytest
from conftest import CancelAtOnce, write_raster
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsVectorLayer,
)

ALG = "esp:connectivityimportance"
X0, Y0 = 500000.0, 3000000.0
HA = 1e4
RECTANGLES = ((10, 0, 100, 0, 100), (20, 200, 300, 0, 200), (30, 400, 500, 0, 100),
              (40, 5000, 5100, 0, 300))
PC_NUM = 19.5 * HA ** 2
IIC_NUM = 59.0 / 3.0 * HA ** 2
D_PC = 100 * np.array([19.5 - 16, 19.5 - 11.25, 19.5 - 16, 9]) / 19.5
D_PC_INTRA = 100 * np.array([1, 4, 1, 9]) / 19.5
D_PC_FLUX = 100 * np.array([2 * (1 + 0.25), 2 * (1 + 1), 2 * (1 + 0.25), 0]) / 19.5
D_PC_CONNECTOR = 100 * np.array([0, 2 * (0.25 - 0.125), 0, 0]) / 19.5
D_IIC = 100 * np.array([59 / 3 - 16, 59 / 3 - 11, 59 / 3 - 16, 9]) / (59 / 3)
D_IIC_CONNECTOR = 100 * np.array([0, 2 / 3, 0, 0]) / (59 / 3)
COLUMNS = ("patch_id", "area_km2", "dIIC", "dIICintra", "dIICflux", "dIICconnector", "dPC",
           "dPCintra", "dPCflux", "dPCconnector", "rank")


def polygons(crs="EPSG:4546", rectangles=RECTANGLES, x0=X0, y0=Y0):
    layer = QgsVectorLayer("Polygon?crs={0}&field=pid:integer&field=name:string".format(crs),
                           "patches", "memory")
    features = []
    for pid, xmin, xmax, ymin, ymax in rectangles:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(
            "POLYGON(({a} {c}, {b} {c}, {b} {d}, {a} {d}, {a} {c}))".format(
                a=x0 + xmin, b=x0 + xmax, c=y0 + ymin, d=y0 + ymax)))
        feature.setAttributes([pid, "patch {0}".format(pid)])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def patch_raster(tmp_path, name="patches.tif"):
    """The same rectangles as 100 m cells; the raster's top-left corner is (X0, Y0 + 300)."""
    values = np.zeros((3, 52), dtype=np.int32)
    values[2, 0] = 10        # A: y 0-100 is the bottom row
    values[1:3, 2] = 20      # B
    values[2, 4] = 30        # C
    values[0:3, 50] = 40     # D
    values[0, 20] = -1       # negative: no patch
    return write_raster(tmp_path / name, values, origin=(X0, Y0 + 300.0), cell=100.0,
                        nodata=0)


def table(result, key="OUTPUT"):
    layer = result[key]
    if isinstance(layer, str):
        layer = QgsVectorLayer(layer, key, "ogr")
    names = layer.fields().names()
    rows = [dict(zip(names, f.attributes())) for f in layer.getFeatures()]
    return sorted(rows, key=lambda row: row.get("patch_id", row.get("from")))


def column(rows, name):
    return np.array([row[name] for row in rows], dtype=float)


def check_hand_values(rows):
    assert [row["patch_id"] for row in rows] == [10, 20, 30, 40]
    np.testing.assert_allclose(column(rows, "area_km2"), [0.01, 0.02, 0.01, 0.03], rtol=1e-12)
    np.testing.assert_allclose(column(rows, "dPC"), D_PC, rtol=1e-9)
    np.testing.assert_allclose(column(rows, "dPCintra"), D_PC_INTRA, rtol=1e-9)
    np.testing.assert_allclose(column(rows, "dPCflux"), D_PC_FLUX, rtol=1e-9)
    np.testing.assert_allclose(column(rows, "dPCconnector"), D_PC_CONNECTOR, rtol=1e-9,
                               atol=1e-12)
    np.testing.assert_allclose(column(rows, "dIIC"), D_IIC, rtol=1e-9)
    np.testing.assert_allclose(column(rows, "dIICconnector"), D_IIC_CONNECTOR, rtol=1e-9,
                               atol=1e-12)
    # Rank by dPC: D (900/19.5) first, then B, then A and C (equal; A comes first).
    assert [row["rank"] for row in rows] == [3, 2, 4, 1]


def test_polygons_against_hand_values(esp):
    result = processing.run(ALG, {
        "PATCHES": polygons(), "PATCH_ID_FIELD": "pid", "DISTANCE": 100.0,
        "PROBABILITY_PRESET": 0, "OUTPUT": "TEMPORARY_OUTPUT", "LINKS": "TEMPORARY_OUTPUT"})
    rows = table(result)
    check_hand_values(rows)
    # Input fields are kept.
    assert [row["name"] for row in rows] == ["patch 10", "patch 20", "patch 30", "patch 40"]
    # Landscape area: the bounding box of the polygons, 5100 m x 300 m.
    landscape = 5100.0 * 300.0
    assert result["PC"] == pytest.approx(PC_NUM / landscape ** 2, rel=1e-9)
    assert result["IIC"] == pytest.approx(IIC_NUM / landscape ** 2, rel=1e-9)
    assert result["ECA"] == pytest.approx(math.sqrt(PC_NUM), rel=1e-9)
    links = table(result, "LINKS")
    assert [(row["from"], row["to"]) for row in links] == [(10, 20), (10, 30), (20, 30)]
    np.testing.assert_allclose(column(links, "distance"), [100.0, 300.0, 100.0])
    np.testing.assert_allclose(column(links, "probability"), [0.5, 0.125, 0.5])


def test_landscape_area_graphab_preset_and_feature_numbers(esp):
    # Without an id field the patches are numbered 1-4 in feature order. p0 = 0.05 at
    # d0 = 100: p(A,B) = 0.05, p*(A,C) = 0.0025 (> 0.05^3); min p 0.001 keeps A-C too.
    result = processing.run(ALG, {
        "PATCHES": polygons(), "DISTANCE": 100.0, "PROBABILITY_PRESET": 1,
        "MIN_PROBABILITY": 0.0001, "LANDSCAPE_AREA": 1e7, "OUTPUT": "TEMPORARY_OUTPUT"})
    rows = table(result)
    assert [row["patch_id"] for row in rows] == [1, 2, 3, 4]
    pc_num = 15 + 2 * (2 * 0.05 + 2 * 0.05 + 0.0025)
    assert result["PC"] == pytest.approx(pc_num * HA ** 2 / 1e14, rel=1e-9)
    removed_b = 11 + 2 * 0.05 ** 3
    assert rows[1]["dPC"] == pytest.approx(100 * (pc_num - removed_b) / pc_num, rel=1e-9)


def test_raster_route_equals_polygons(esp, tmp_path):
    params = {"DISTANCE": 100.0, "OUTPUT": "TEMPORARY_OUTPUT"}
    from_raster = table(processing.run(ALG, dict(params, PATCH_RASTER=patch_raster(tmp_path))))
    from_polygons = table(processing.run(ALG, dict(params, PATCHES=polygons(),
                                                   PATCH_ID_FIELD="pid")))
    check_hand_values(from_raster)
    for name in COLUMNS:
        np.testing.assert_allclose(column(from_raster, name), column(from_polygons, name),
                                   rtol=1e-9, atol=1e-12, err_msg=name)


def test_raster_landscape_area_is_its_data_cells(esp, tmp_path):
    # 3 x 52 cells, all data (0 is the NoData value here, so only patch cells and the
    # negative cell are data): 4 + 3 + ... count them.
    result = processing.run(ALG, {"PATCH_RASTER": patch_raster(tmp_path), "DISTANCE": 100.0,
                                  "OUTPUT": "TEMPORARY_OUTPUT"})
    data_cells = 1 + 2 + 1 + 3 + 1   # the patch cells and the -1 cell
    assert result["PC"] == pytest.approx(PC_NUM / (data_cells * HA) ** 2, rel=1e-9)


def test_least_cost_on_uniform_resistance(esp, tmp_path):
    # Single-cell patches of 1 ha on 100 m cells, resistance 2 everywhere:
    #   A (row 1, col 1), B (row 1, col 4): 3 straight steps, 3 x 100 x 2 = 600
    #   C (row 3, col 6): from B 2 diagonal steps = 400 sqrt 2; from A 2 diagonal and
    #   3 straight = 600 + 400 sqrt 2.  d0 = 600, p0 = 0.5.
    values = np.zeros((6, 9), dtype=np.int32)
    values[1, 1], values[1, 4], values[3, 6] = 1, 2, 3
    patches = write_raster(tmp_path / "p.tif", values, cell=100.0, nodata=0)
    resistance = write_raster(tmp_path / "r.tif", np.full((6, 9), 2.0, dtype=np.float32),
                              cell=100.0)
    result = processing.run(ALG, {
        "PATCH_RASTER": patches, "DISTANCE_METHOD": 1, "RESISTANCE": resistance,
        "DISTANCE": 600.0, "MIN_PROBABILITY": 0.0, "OUTPUT": "TEMPORARY_OUTPUT",
        "LINKS": "TEMPORARY_OUTPUT"})
    ab, bc = 600.0, 400.0 * math.sqrt(2)
    ac = ab + bc
    links = table(result, "LINKS")
    np.testing.assert_allclose(column(links, "distance"), [ab, ac, bc], rtol=1e-12)
    p_ab, p_bc, p_ac = 0.5 ** (ab / 600), 0.5 ** (bc / 600), 0.5 ** (ac / 600)
    pc_num = 3 + 2 * (p_ab + p_bc + p_ac)          # in ha²; p_ac = p_ab p_bc
    assert result["ECA"] == pytest.approx(math.sqrt(pc_num) * HA, rel=1e-9)
    rows = table(result)
    # Removing B leaves the direct A-C link with the same p: B is no connector for PC.
    np.testing.assert_allclose(column(rows, "dPC"), 100 * np.array([
        1 + 2 * (p_ab + p_ac), 1 + 2 * (p_ab + p_bc), 1 + 2 * (p_bc + p_ac)]) / pc_num,
        rtol=1e-9)
    # IIC: A-B (600 <= d0) and B-C linked, A-C not: nl(A,C) = 2, so B connects A and C.
    iic_num = 3 + 2 * (0.5 + 0.5 + 1 / 3)
    assert rows[1]["dIICconnector"] == pytest.approx(100 * 2 / 3 / iic_num, rel=1e-9)


def test_least_cost_with_polygons_burnt_onto_the_grid(esp, tmp_path):
    # The four rectangles on a uniform resistance of 1 (100 m cells): cell centres of A-B
    # and B-C are 2 steps apart, so the least costs are A-B 200, B-C 200, A-C 400; D lies
    # 46 steps beyond C, past the cut-off. With d0 = 200: p(A,B) = p(B,C) = 0.5 and
    # p(A,C) = 0.25 = p*(A,C): PCnum = 15 + 2 (1 + 1 + 0.25) = 19.5 ha² as before, but
    # removing B leaves A-C at 0.25: PCnum 11 + 2 x 0.25 = 11.5 and B is no connector.
    resistance = write_raster(tmp_path / "r.tif", np.ones((3, 52), dtype=np.float32),
                              origin=(X0, Y0 + 300.0), cell=100.0)
    result = processing.run(ALG, {
        "PATCHES": polygons(), "PATCH_ID_FIELD": "pid", "DISTANCE_METHOD": 1,
        "RESISTANCE": resistance, "DISTANCE": 200.0, "OUTPUT": "TEMPORARY_OUTPUT",
        "LINKS": "TEMPORARY_OUTPUT"})
    links = table(result, "LINKS")
    np.testing.assert_allclose(column(links, "distance"), [200.0, 400.0, 200.0], rtol=1e-12)
    rows = table(result)
    assert [row["patch_id"] for row in rows] == [10, 20, 30, 40]
    np.testing.assert_allclose(column(rows, "area_km2"), [0.01, 0.02, 0.01, 0.03])
    np.testing.assert_allclose(column(rows, "dPC"),
                               100 * np.array([19.5 - 16, 19.5 - 11.5, 19.5 - 16, 9]) / 19.5,
                               rtol=1e-9)
    np.testing.assert_allclose(column(rows, "dPCconnector"), 0.0, atol=1e-9)
    # IIC: A-C (400) is beyond d0, so the binary graph is the one of the Euclidean case.
    np.testing.assert_allclose(column(rows, "dIIC"), D_IIC, rtol=1e-9)
    assert result["ECA"] == pytest.approx(math.sqrt(PC_NUM), rel=1e-9)


def test_style_file_is_graduated_on_dpc(esp):
    import os

    from esp_toolkit.algorithms.base import STYLE_DIR

    result = processing.run(ALG, {"PATCHES": polygons(), "DISTANCE": 100.0,
                                  "OUTPUT": "TEMPORARY_OUTPUT"})
    layer = result["OUTPUT"]
    message, ok = layer.loadNamedStyle(os.path.join(STYLE_DIR, "patches_dpc.qml"))
    assert ok, message
    assert layer.renderer().type() == "graduatedSymbol"
    assert layer.renderer().classAttribute() == "dPC"


def test_bad_inputs_are_explained(esp, tmp_path):
    raster = patch_raster(tmp_path)
    with pytest.raises(QgsProcessingException, match="exactly one patch input"):
        processing.run(ALG, {"PATCHES": polygons(), "PATCH_RASTER": raster,
                             "OUTPUT": "TEMPORARY_OUTPUT"})
    with pytest.raises(QgsProcessingException, match="exactly one patch input"):
        processing.run(ALG, {"OUTPUT": "TEMPORARY_OUTPUT"})
    with pytest.raises(QgsProcessingException, match="resistance raster"):
        processing.run(ALG, {"PATCH_RASTER": raster, "DISTANCE_METHOD": 1,
                             "OUTPUT": "TEMPORARY_OUTPUT"})
    geographic = polygons(crs="EPSG:4326", x0=112.0, y0=28.0,
                          rectangles=((1, 0, 0.01, 0, 0.01), (2, 0.02, 0.03, 0, 0.01)))
    with pytest.raises(QgsProcessingException, match="geographic CRS"):
        processing.run(ALG, {"PATCHES": geographic, "OUTPUT": "TEMPORARY_OUTPUT"})
    with pytest.raises(QgsProcessingException, match="smaller than the total patch area"):
        processing.run(ALG, {"PATCHES": polygons(), "LANDSCAPE_AREA": 1000.0,
                             "OUTPUT": "TEMPORARY_OUTPUT"})
    twice = polygons(rectangles=RECTANGLES[:2] + ((10, 400, 500, 0, 100),))
    with pytest.raises(QgsProcessingException, match="occurs more than once"):
        processing.run(ALG, {"PATCHES": twice, "PATCH_ID_FIELD": "pid",
                             "OUTPUT": "TEMPORARY_OUTPUT"})
    zero = polygons(rectangles=RECTANGLES[:1] + ((0, 400, 500, 0, 100),))
    with pytest.raises(QgsProcessingException, match="positive whole numbers; feature"):
        processing.run(ALG, {"PATCHES": zero, "PATCH_ID_FIELD": "pid",
                             "OUTPUT": "TEMPORARY_OUTPUT"})
    shifted = write_raster(tmp_path / "r.tif", np.ones((3, 52), dtype=np.float32),
                           origin=(X0 + 50.0, Y0 + 300.0), cell=100.0)
    with pytest.raises(QgsProcessingException, match="same grid"):
        processing.run(ALG, {"PATCH_RASTER": raster, "DISTANCE_METHOD": 1,
                             "RESISTANCE": shifted, "OUTPUT": "TEMPORARY_OUTPUT"})



def test_cancel(esp, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(QgsProcessingException, match="cancelled"):
        processing.run(ALG, {"PATCHES": polygons(), "DISTANCE": 100.0,
                             "OUTPUT": str(out / "patches.gpkg")}, feedback=CancelAtOnce())
    assert list(out.iterdir()) == []
