"""esp:restorationzoning through processing.run on a landscape whose zones are counted by hand.

Grid 10 x 20 cells of 100 m (0.01 km² each), resistance 1, one NoData cell at (9, 10):
- sources: id 1 in columns 0-2, id 2 in columns 17-19 (60 cells);
- corridor raster (NLCC): 0 on row 4 (the least-cost path), 50 on rows 3 and 5, 200 on row 6,
  columns 3-16; with width 100 the corridor is rows 3-5: 42 cells;
- pinch points: current 0.1 in the corridor, 5.0 at (4, 8) and (4, 9), 4.8 at (3, 8);
- barriers: score 3.0 at (4, 12), 2.0 at (4, 13), 0 elsewhere;
- habitat quality 1.0, but 0.2 at (0, 0), (0, 1) (in source 1), (5, 5) (in the corridor) and
  (8, 10) (neither);
- land cover 1, but 8 (built-up) at (4, 15) on the path and (2, 15) off it;
- stepping stones: rows 7-8, columns 8-9 (4 cells).
With thresholds pinch 1.0, barrier 1.0, quality 0.5:
- restoration: barriers 2 + breakpoint (4, 15) + degraded (0, 0), (0, 1), (5, 5) = 6 cells;
- conservation: sources 60 - 2 degraded + pinch 3 = 61;
- improvement: corridor 42 - pinch 3 - barriers 2 - breakpoint 1 - degraded 1 + stones 4 = 39;
- control: 199 valid cells - 6 - 61 - 39 = 93.
"""

import os

import numpy as np
import processing
import pytest
from conftest import CancelAtOnce, read_raster, write_raster
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsRectangle,
    QgsVectorLayer,
)

ALG = "esp:restorationzoning"
CELL = 100.0
ROWS, COLS = 10, 20
X0, Y0 = 500000.0, 3000000.0
CELL_KM2 = 0.01


def centre(row, col):
    return X0 + (col + 0.5) * CELL, Y0 - (row + 0.5) * CELL


def grids():
    resistance = np.ones((ROWS, COLS), dtype=np.float32)
    resistance[9, 10] = -9999
    ids = np.zeros((ROWS, COLS), dtype=np.int32)
    ids[:, 0:3], ids[:, 17:20] = 1, 2
    nlcc = np.full((ROWS, COLS), -9999, dtype=np.float32)
    nlcc[3, 3:17], nlcc[4, 3:17], nlcc[5, 3:17], nlcc[6, 3:17] = 50, 0, 50, 200
    pinch = np.where(nlcc >= 0, 0.1, -9999).astype(np.float32)
    pinch[4, 8] = pinch[4, 9] = 5.0
    pinch[3, 8] = 4.8
    barriers = np.zeros((ROWS, COLS), dtype=np.float32)
    barriers[4, 12], barriers[4, 13] = 3.0, 2.0
    quality = np.ones((ROWS, COLS), dtype=np.float32)
    for cell in ((0, 0), (0, 1), (5, 5), (8, 10)):
        quality[cell] = 0.2
    landcover = np.ones((ROWS, COLS), dtype=np.uint8)
    landcover[4, 15] = landcover[2, 15] = 8
    return dict(resistance=(resistance, -9999), ids=(ids, 0), nlcc=(nlcc, -9999),
                pinch=(pinch, -9999), barriers=(barriers, None), quality=(quality, None),
                landcover=(landcover, None))


@pytest.fixture(scope="module")
def rasters(tmp_path_factory):
    folder = tmp_path_factory.mktemp("zoning")
    return {name: write_raster(folder / (name + ".tif"), values, nodata=nodata, cell=CELL,
                               origin=(X0, Y0))
            for name, (values, nodata) in grids().items()}


def links_layer():
    layer = QgsVectorLayer("LineString?crs=EPSG:4546&field=Link_ID:integer&field=Active:integer"
                           "&field=CW_Dist:double&field=LCP_Length:double", "links", "memory")
    (xa, y), (xb, _) = centre(4, 3), centre(4, 16)
    active = QgsFeature(layer.fields())
    active.setGeometry(QgsGeometry.fromWkt("LINESTRING({0} {1}, {2} {1})".format(xa, y, xb)))
    active.setAttributes([7, 1, 2600.0, 1300.0])
    dropped = QgsFeature(layer.fields())
    (xa, y), (xb, _) = centre(8, 3), centre(8, 16)
    dropped.setGeometry(QgsGeometry.fromWkt("LINESTRING({0} {1}, {2} {1})".format(xa, y, xb)))
    dropped.setAttributes([8, 0, 100.0, 1300.0])
    layer.dataProvider().addFeatures([active, dropped])
    return layer


def stepping_stones():
    layer = QgsVectorLayer("Polygon?crs=EPSG:4546", "stones", "memory")
    feature = QgsFeature()
    x0, y0 = X0 + 8 * CELL, Y0 - 9 * CELL
    feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(x0, y0, x0 + 2 * CELL,
                                                          y0 + 2 * CELL)))
    layer.dataProvider().addFeatures([feature])
    return layer


def params(rasters, tmp_path, **extra):
    base = dict(RESISTANCE=rasters["resistance"], SOURCE_RASTER=rasters["ids"],
                CORRIDORS=rasters["nlcc"], CORRIDOR_WIDTH=100, PINCHPOINTS=rasters["pinch"],
                PINCH_THRESHOLD=1.0, BARRIERS=rasters["barriers"], BARRIER_THRESHOLD=1.0,
                QUALITY=rasters["quality"], QUALITY_THRESHOLD=0.5,
                BREAK_LAYER=rasters["landcover"], BREAK_CLASSES="8",
                STEPPING_STONES=stepping_stones(), OUTPUT=str(tmp_path / "zones.tif"),
                ZONE_POLYGONS=str(tmp_path / "zone_polygons.gpkg"),
                KEY_AREAS=str(tmp_path / "key_areas.gpkg"),
                STATISTICS=str(tmp_path / "statistics.gpkg"))
    base.update(extra)
    return base


def expected_zones():
    zones = np.full((ROWS, COLS), 4.0)
    zones[3:6, 3:17] = 3
    zones[7:9, 8:10] = 3
    zones[:, 0:3] = zones[:, 17:20] = 1
    zones[4, 8] = zones[4, 9] = zones[3, 8] = 1
    for cell in ((4, 12), (4, 13), (4, 15), (0, 0), (0, 1), (5, 5)):
        zones[cell] = 2
    zones[9, 10] = np.nan
    return zones


def features(path):
    layer = QgsVectorLayer(path, "out", "ogr")
    assert layer.isValid(), path
    return [dict(zip(layer.fields().names(), f.attributes()), geometry=f.geometry())
            for f in layer.getFeatures()]


def test_zones_counted_by_hand(esp, rasters, tmp_path):
    result = processing.run(ALG, params(rasters, tmp_path))
    zones, info = read_raster(result["OUTPUT"])
    np.testing.assert_array_equal(zones, expected_zones())
    assert info["dtype"] == "Byte" and info["nodata"] == 0
    polygons = {row["zone"]: row for row in features(result["ZONE_POLYGONS"])}
    cells = {1: 61, 2: 6, 3: 39, 4: 93}
    for code, count in cells.items():
        assert polygons[code]["area_km2"] == pytest.approx(count * CELL_KM2)
        assert polygons[code]["geometry"].area() == pytest.approx(count * CELL * CELL)
        assert polygons[code]["share_pct"] == pytest.approx(100.0 * count / 199)
    assert polygons[1]["name"] == "Ecological conservation zone"
    # The raster carries its style, with the zone names, beside it.
    with open(os.path.splitext(result["OUTPUT"])[0] + ".qml", encoding="utf-8") as handle:
        assert 'label="Ecological restoration zone"' in handle.read()


def test_key_areas_and_statistics(esp, rasters, tmp_path):
    result = processing.run(ALG, params(rasters, tmp_path, LINKS=links_layer(), BUFFER=100))
    keys = {row["kind"]: row for row in features(result["KEY_AREAS"])}
    assert set(keys) == {"Pinch point", "Barrier", "Breakpoint", "Degraded land in sources",
                         "Degraded land in corridors", "Corridor"}
    assert keys["Pinch point"]["form"] == "Point"
    assert {row["kind_id"] for row in keys.values()} == {1, 2, 3, 4, 5, 6}
    assert keys["Barrier"]["kind_id"] == 2 and keys["Corridor"]["kind_id"] == 4
    assert keys["Pinch point"]["score"] == 5.0 and keys["Pinch point"]["area_km2"] == \
        pytest.approx(3 * CELL_KM2)
    assert keys["Barrier"]["score"] == 3.0 and keys["Barrier"]["area_km2"] == \
        pytest.approx(2 * CELL_KM2)
    # A breakpoint's score is the cost of crossing it: resistance 1 x 100 m.
    assert keys["Breakpoint"]["score"] == pytest.approx(100.0)
    assert keys["Degraded land in sources"]["form"] == "Surface"
    assert keys["Degraded land in sources"]["area_km2"] == pytest.approx(2 * CELL_KM2)
    corridor = keys["Corridor"]
    assert corridor["form"] == "Line" and corridor["link_id"] == 7
    # Cost per metre CW_Dist / LCP_Length = 2600 / 1300; the dropped link is left out.
    assert corridor["score"] == pytest.approx(2.0)
    assert corridor["length_km"] == pytest.approx(1.3)
    # A band 100 m either side of 1300 m with round ends: 1300 x 200 + pi 100².
    assert corridor["area_km2"] == pytest.approx((260000 + np.pi * 1e4) / 1e6, rel=0.01)
    assert all(row["level"] == 1 for row in keys.values())
    rows = features(result["STATISTICS"])
    zones = {row["name"]: row for row in rows if row["section"] == "Zone"}
    assert zones["Ecological restoration zone"]["area_km2"] == pytest.approx(6 * CELL_KM2)
    # Restoration cells form 4 parts: the barrier pair, the breakpoint (column 14 lies
    # between), the degraded pair in source 1 and (5, 5).
    assert zones["Ecological restoration zone"]["count"] == 4
    assert sum(row["share_pct"] for row in zones.values()) == pytest.approx(100.0)
    key_rows = [row for row in rows if row["section"] == "Key area"]
    assert {(row["name"], row["level"], row["count"]) for row in key_rows} == {
        (kind, 1, 1) for kind in keys}


def test_links_alone_give_the_same_corridor(esp, rasters, tmp_path):
    # Rows 3-5 lie within 100 m of the path on row 4; the diagonal neighbours of its ends
    # (141 m) do not, and its end neighbours are source cells.
    by_links = processing.run(ALG, params(rasters, tmp_path, CORRIDORS=None,
                                          LINKS=links_layer(), BUFFER=100))
    zones, _ = read_raster(by_links["OUTPUT"])
    np.testing.assert_array_equal(zones, expected_zones())


def test_natural_breaks_default_thresholds(esp, rasters, tmp_path):
    # Positive pinch values 0.1, 4.8, 5.0 in 2 Jenks classes: {0.1} and {4.8, 5.0}; barrier
    # scores 2, 3: {2}, {3}; quality (inside sources and corridor) 0.2 vs 1.0.
    result = processing.run(ALG, params(rasters, tmp_path, PINCH_THRESHOLD=None,
                                        BARRIER_THRESHOLD=None, QUALITY_THRESHOLD=None,
                                        KEY_CLASSES=2))
    zones, _ = read_raster(result["OUTPUT"])
    expected = expected_zones()
    expected[4, 13] = 3  # barrier score 2 is the lower class: improvement (corridor)
    np.testing.assert_array_equal(zones, expected)


def test_errors_name_what_to_change(esp, rasters, tmp_path):
    with pytest.raises(QgsProcessingException, match="corridor raster, the corridor links"):
        processing.run(ALG, params(rasters, tmp_path, CORRIDORS=None))
    with pytest.raises(QgsProcessingException, match="Breaking classes"):
        processing.run(ALG, params(rasters, tmp_path, BREAK_CLASSES="roads"))
    other = write_raster(tmp_path / "other.tif", np.ones((ROWS, COLS)), cell=50.0,
                         origin=(X0, Y0))
    with pytest.raises(QgsProcessingException, match="not on the same grid"):
        processing.run(ALG, params(rasters, tmp_path, PINCHPOINTS=other))
    with pytest.raises(QgsProcessingException, match="GeoTIFF"):
        processing.run(ALG, params(rasters, tmp_path, OUTPUT=str(tmp_path / "zones.img")))


def test_cancelled_run_leaves_no_raster(esp, rasters, tmp_path):
    out = tmp_path / "cancelled.tif"
    with pytest.raises(QgsProcessingException, match="cancelled"):
        processing.run(ALG, params(rasters, tmp_path, OUTPUT=str(out)),
                       feedback=CancelAtOnce())
    assert not out.exists()
    processing.run(ALG, params(rasters, tmp_path), feedback=QgsProcessingFeedback())
