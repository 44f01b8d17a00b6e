"""esp:barriers through processing.run, against scores worked out by hand.

The landscape (9 x 90 cells of 10 m, resistance 1): source A fills columns 0-1, B columns
58-59, C columns 88-89, each over the full height, so every cost-weighted distance depends
on the column only and grows by 10 per column away from a source. Two walls:
  wall 1: columns 29-31, resistance 6: extra cost 3 x (6 - 1) x 10 = 150 (between A and B)
  wall 2: column 74,     resistance 21: extra cost 1 x (21 - 1) x 10 = 200 (between B and C)
Least-cost distances, by hand: A-B 10 x 57 + 150 = 720, B-C 10 x 29 + 200 = 490,
A-C 10 x 87 + 150 + 200 = 1220.
A circle of radius r = k cells (k >= 2) centred on a wall lies with its rim beyond the
wall, so restoring it saves the wall's extra cost; per map unit of diameter that is
IS = extra / 2r, for every link whose least-cost path crosses the wall.
Default semantics (Linkage Mapper): the rim holds the cells at a distance in (r - 1 m, r]
(on 10 m cells: (k - 0.1, k] cells), NoData where IS <= 0, sources scored. The earlier
ESP Toolkit semantics (SEMANTICS=1): the rim (k - 1, k] cells, 0 where IS <= 0, sources
NoData.
"""

import math
import os

import numpy as np
import processing
import pytest
from conftest import CancelAtOnce, Recorder, read_raster, write_raster
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)

ALG = "esp:barriers"
CELL = 10.0
ROWS, COLS = 9, 90
X0, Y0 = 500000.0, 3000000.0  # top-left corner
SOURCES = {1: (0, 1), 2: (58, 59), 3: (88, 89)}  # id -> first and last column
WALLS = ((29, 3, 6.0), (74, 1, 21.0))  # first column, width, resistance
EXTRA = {1: 3 * 5 * CELL, 2: 1 * 20 * CELL}
LCD = {(1, 2): 720.0, (2, 3): 490.0, (1, 3): 1220.0}


def resistance_values():
    values = np.ones((ROWS, COLS), dtype=np.float32)
    for start, width, value in WALLS:
        values[:, start:start + width] = value
    return values


def id_values():
    ids = np.zeros((ROWS, COLS), dtype=np.int32)
    for sid, (first, last) in SOURCES.items():
        ids[:, first:last + 1] = sid
    return ids


@pytest.fixture(scope="module")
def rasters(tmp_path_factory):
    folder = tmp_path_factory.mktemp("barriers")
    return {"resistance": write_raster(folder / "r.tif", resistance_values(), cell=CELL,
                                       origin=(X0, Y0)),
            "ids": write_raster(folder / "ids.tif", id_values(), nodata=0, cell=CELL,
                                origin=(X0, Y0))}


def source_polygons():
    layer = QgsVectorLayer("Polygon?crs=EPSG:4546&field=sid:integer", "sources", "memory")
    features = []
    for sid, (first, last) in SOURCES.items():
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(
            "POLYGON(({a} {c}, {b} {c}, {b} {d}, {a} {d}, {a} {c}))".format(
                a=X0 + first * CELL, b=X0 + (last + 1) * CELL, c=Y0 - ROWS * CELL, d=Y0)))
        feature.setAttributes([sid])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def links_layer(pairs, active=1, cw_dist=None):
    """Memory line layer with the link fields of 'Linkage pathways'; CW_Dist by hand."""
    from esp_toolkit.algorithms.io.links import LINK_FIELDS

    kinds = {"int": "integer", "double": "double", "string": "string"}
    spec = "&".join("field={0}:{1}".format(n, kinds[k]) for n, k in LINK_FIELDS)
    layer = QgsVectorLayer("LineString?crs=EPSG:4546&" + spec, "links", "memory")
    features = []
    for number, (a, b) in enumerate(pairs, start=1):
        feature = QgsFeature(layer.fields())
        xa, xb = (X0 + CELL * (SOURCES.get(s, (40, 40))[0] + 1) for s in (a, b))
        feature.setGeometry(QgsGeometry.fromWkt("LINESTRING({0} {2}, {1} {2})".format(
            xa, xb, Y0 - 45)))
        values = {"Link_ID": number, "Active": active, "Link_Type": 1, "From_Core": a,
                  "To_Core": b, "CW_Dist": cw_dist if cw_dist is not None
                  else LCD.get((min(a, b), max(a, b)))}
        feature.setAttributes([values.get(name) for name in layer.fields().names()])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def run(rasters, pairs, feedback=None, **extra):
    parameters = {"SOURCE_RASTER": rasters["ids"], "RESISTANCE": rasters["resistance"],
                  "LINKS": links_layer(pairs), "MIN_RADIUS": 50, "MAX_RADIUS": 50,
                  "OUTPUT": "TEMPORARY_OUTPUT", "CLASSIFIED": "TEMPORARY_OUTPUT"}
    parameters.update(extra)
    return processing.run(ALG, parameters, feedback=feedback)


def score_of(result, key="OUTPUT"):
    values, info = read_raster(result[key])
    assert info["dtype"] == "Float32"
    return values


# ------------------------------------------------------------------ expected, by hand ----

def cwd_by_column(sid):
    """CWD from a full-height source, per column: 10 x (sum of the resistances between,
    half of both end cells), taking each wall into account."""
    r = resistance_values()[0].astype(np.float64)
    first, last = SOURCES[sid]
    out = np.zeros(COLS)
    for col in range(COLS):
        if col > last:
            out[col] = CELL * (r[last:col + 1].sum() - (r[last] + r[col]) / 2)
        elif col < first:
            out[col] = CELL * (r[col:first + 1].sum() - (r[col] + r[first]) / 2)
    return out


def ring_offsets(k, width=1.0):
    """Cells whose centre lies at a distance d with k - width < d <= k cells (the rim)."""
    return [(di, dj) for di in range(-k, k + 1) for dj in range(-k, k + 1)
            if k - width + 1e-9 < math.hypot(di, dj) <= k + 1e-9]


def nan_sum(a, b):
    """Cell-wise sum with NaN as "no value": NaN only where both are NaN."""
    out = np.nan_to_num(a) + np.nan_to_num(b)
    out[np.isnan(a) & np.isnan(b)] = np.nan
    return out


def expected_scores(a, b, k, percent=False, earlier=False):
    """(LCD - min rim CWD_A - min rim CWD_B - 2r) / 2r at every cell, by brute force over
    the rim. Linkage Mapper: rim (k - 1 m, k], NoData where not positive, sources scored;
    earlier: rim (k - 1 cell, k], 0 where not positive, NaN on sources."""
    cwd_a, cwd_b = cwd_by_column(a), cwd_by_column(b)
    lcd = float(np.min(cwd_a + cwd_b))
    assert lcd == pytest.approx(LCD[(min(a, b), max(a, b))])
    diameter = 2 * k * CELL
    out = np.zeros((ROWS, COLS))
    offsets = ring_offsets(k, 1.0 if earlier else 1.0 / CELL)
    for i in range(ROWS):
        for j in range(COLS):
            cells = [(i + di, j + dj) for di, dj in offsets
                     if 0 <= i + di < ROWS and 0 <= j + dj < COLS]
            m_a = min(cwd_a[c] for _r, c in cells)
            m_b = min(cwd_b[c] for _r, c in cells)
            value = (lcd - m_a - m_b - diameter) / diameter
            if value <= 0:
                value = 0.0 if earlier else math.nan
            out[i, j] = 100 * value / lcd if percent else value
    if earlier:
        out[id_values() > 0] = np.nan
    return out


# ------------------------------------------------------------------ tests -----------------

def test_wall_centre_scores_its_extra_cost_per_unit_restored(esp, rasters):
    result = run(rasters, [(1, 2)])
    score = score_of(result)
    np.testing.assert_allclose(score[:, 30], EXTRA[1] / 100.0, rtol=1e-6)  # 150 / 2r
    np.testing.assert_allclose(score, expected_scores(1, 2, 5), rtol=1e-6, atol=1e-6)
    assert result["MAX_SCORE"] == pytest.approx(np.nanmax(score), rel=1e-6)
    assert result["LINK_COUNT"] == 1


def test_earlier_semantics_on_request(esp, rasters):
    result = run(rasters, [(1, 2)], SEMANTICS=1)
    score = score_of(result)
    np.testing.assert_allclose(score[:, 30], EXTRA[1] / 100.0, rtol=1e-6)
    np.testing.assert_allclose(score, expected_scores(1, 2, 5, earlier=True), rtol=1e-6,
                               atol=1e-6)
    # The two differ: 0 against NoData where restoring does not help, and the sources.
    default = score_of(run(rasters, [(1, 2)]))
    helps = np.isfinite(default) & (default > 0)
    assert np.all(score[np.isnan(default) & (id_values() == 0)] == 0)
    assert np.isnan(default[:, 74]).all() and (score[:, 74] == 0).all()
    assert np.isnan(score[id_values() > 0]).all()
    # Where both ring minima lie on the axis cells (the cells near the wall), they agree.
    np.testing.assert_allclose(score[:, 27:34], default[:, 27:34], rtol=1e-6)
    assert helps.any()


@pytest.mark.parametrize("radius", [20, 30, 70])
def test_score_at_wall_centre_for_other_radii(esp, rasters, radius):
    score = score_of(run(rasters, [(1, 2)], MIN_RADIUS=radius, MAX_RADIUS=radius))
    np.testing.assert_allclose(score[:, 30], EXTRA[1] / (2 * radius), rtol=1e-6)


def test_max_and_sum_over_two_links(esp, rasters):
    # Links A-B and A-C both cross wall 1 (150 / 100 each); only A-C crosses wall 2.
    alone = [score_of(run(rasters, [pair])) for pair in ((1, 2), (1, 3))]
    best = score_of(run(rasters, [(1, 2), (1, 3)]))
    total = score_of(run(rasters, [(1, 2), (1, 3)], COMBINE=1))
    np.testing.assert_allclose(best[:, 30], 1.5, rtol=1e-6)
    np.testing.assert_allclose(total[:, 30], 3.0, rtol=1e-6)
    np.testing.assert_allclose(best[:, 74], EXTRA[2] / 100.0, rtol=1e-6)
    np.testing.assert_allclose(total[:, 74], EXTRA[2] / 100.0, rtol=1e-6)
    np.testing.assert_allclose(best, np.fmax(*alone), rtol=1e-6)
    np.testing.assert_allclose(total, nan_sum(*alone), rtol=1e-6, atol=1e-6)


def test_percent_of_the_least_cost_distance(esp, rasters):
    score = score_of(run(rasters, [(1, 2)], PERCENT=True))
    np.testing.assert_allclose(score[:, 30], 100 * 1.5 / 720, rtol=1e-6)
    np.testing.assert_allclose(score, expected_scores(1, 2, 5, percent=True), rtol=1e-6,
                               atol=1e-7)


def test_radii_combined_and_default_radii(esp, rasters):
    # Radii 30, 60, 90 m: 150 / 60, 150 / 120, 150 / 180; maximum 2.5, sum their total.
    explicit = score_of(run(rasters, [(1, 2)], MIN_RADIUS=30, MAX_RADIUS=90, STEP=30))
    np.testing.assert_allclose(explicit[:, 30], 2.5, rtol=1e-6)
    summed = score_of(run(rasters, [(1, 2)], MIN_RADIUS=30, MAX_RADIUS=90, STEP=30,
                          COMBINE_RADII=1))
    np.testing.assert_allclose(summed[:, 30], 150 / 60 + 150 / 120 + 150 / 180, rtol=1e-6)
    # Empty radii: 3 cells, 3 x that, in steps of the minimum = 30, 60, 90 m here.
    default = score_of(run(rasters, [(1, 2)], MIN_RADIUS=None, MAX_RADIUS=None))
    np.testing.assert_array_equal(default, explicit)
    # Step 0: the minimum radius only, as in Linkage Mapper.
    single = score_of(run(rasters, [(1, 2)], MIN_RADIUS=30, MAX_RADIUS=90, STEP=0))
    np.testing.assert_allclose(single, expected_scores(1, 2, 3), rtol=1e-6, atol=1e-6)


def test_sources_are_nodata_and_the_rest_has_data(esp, rasters):
    # Earlier semantics: sources NoData, every other cell a value (0 or more).
    score = score_of(run(rasters, [(1, 2), (2, 3)], SEMANTICS=1))
    sources = id_values() > 0
    assert np.all(np.isnan(score[sources]))
    assert np.all(np.isfinite(score[~sources]))


def test_linkage_mapper_scores_sources_and_has_no_zero(esp, rasters, tmp_path):
    # Default: a cell has a positive score or is NoData, as the brute force says.
    score = score_of(run(rasters, [(1, 2), (2, 3)]))
    assert not np.any(score == 0)
    want = np.fmax(expected_scores(1, 2, 5), expected_scores(2, 3, 5))
    np.testing.assert_allclose(score, want, rtol=1e-6, atol=1e-6)
    # A wall right at A's edge (columns 2-3, resistance 6: extra cost 2 x 5 x 10 = 100;
    # LCD A-B = 10 x 57 + 100 = 670). r = 30 m, rim (2.9, 3] cells = the 4 axis cells 3
    # cells away. Centre on A's column 1: rim columns -2 (outside) and 4, and column 1
    # three rows up or down (in A): m_A = 0; m_B = CWD_B at column 4 = 10 x 54 = 540;
    # IS = (670 - 0 - 540 - 60) / 60 = 70 / 60: a source cell is scored.
    values = np.ones((ROWS, COLS), dtype=np.float32)
    values[:, 2:4] = 6.0
    path = write_raster(tmp_path / "edge.tif", values, cell=CELL, origin=(X0, Y0))
    edge = score_of(run(rasters, [(1, 2)], RESISTANCE=path, MIN_RADIUS=30, MAX_RADIUS=30,
                        LINKS=links_layer([(1, 2)], cw_dist=670.0)))
    np.testing.assert_allclose(edge[:, 1], 70 / 60, rtol=1e-6)
    # The earlier semantics leaves every source cell NoData.
    earlier = score_of(run(rasters, [(1, 2)], RESISTANCE=path, MIN_RADIUS=30,
                           MAX_RADIUS=30, SEMANTICS=1))
    assert np.isnan(earlier[:, :2]).all() and np.isfinite(edge[:, 1]).all()


def test_resistance_nodata_cells_are_nodata(esp, rasters, tmp_path):
    # A NoData cell beyond B, away from the A-B corridor (it would lengthen the CWD of the
    # cells behind it on its row if it lay between A and B): NaN there, the rest as before.
    values = resistance_values()
    values[0, 80] = -9999
    path = write_raster(tmp_path / "r.tif", values, nodata=-9999, cell=CELL, origin=(X0, Y0))
    score = score_of(run(rasters, [(1, 2)], RESISTANCE=path))
    baseline = expected_scores(1, 2, 5)
    baseline[0, 80] = np.nan
    np.testing.assert_allclose(score, baseline, rtol=1e-6, atol=1e-6)


def test_classes_follow_the_scores(esp, rasters):
    result = run(rasters, [(1, 2), (2, 3), (1, 3)], COMBINE=1, CLASSES=3)
    score = score_of(result)
    classes, info = read_raster(result["CLASSIFIED"])
    assert info["dtype"] == "Byte" and info["nodata"] == 0
    classes = np.nan_to_num(classes).astype(int)
    # 0 exactly where nothing improves (or NoData); 1..3 elsewhere, rising with the score.
    positive = np.isfinite(score) & (score > 0)
    assert np.all(classes[~positive] == 0) and np.all(classes[positive] >= 1)
    assert set(np.unique(classes[positive])) == {1, 2, 3}
    order = np.argsort(score[positive], kind="stable")
    assert np.all(np.diff(classes[positive][order]) >= 0)
    assert classes.flat[np.nanargmax(score)] == 3


def test_polygon_and_id_raster_sources_agree(esp, rasters):
    by_raster = score_of(run(rasters, [(1, 2), (2, 3)]))
    by_polygons = score_of(run(rasters, [(1, 2), (2, 3)], SOURCE_RASTER=None,
                               SOURCES=source_polygons(), SOURCE_ID_FIELD="sid"))
    np.testing.assert_array_equal(np.isnan(by_raster), np.isnan(by_polygons))
    np.testing.assert_allclose(by_raster, by_polygons, rtol=1e-6)


def test_circles_spread_each_centre_over_its_circle(esp, rasters, tmp_path):
    result = run(rasters, [(1, 2), (2, 3)], WRITE_CIRCLES=True)
    assert os.path.isfile(result["CIRCLES"])
    centres, circles = score_of(result), score_of(result, "CIRCLES")
    k = 5
    want = np.full((ROWS, COLS), np.nan)
    for i in range(ROWS):
        for j in range(COLS):
            window = [centres[ii, jj] for ii in range(ROWS) for jj in range(COLS)
                      if math.hypot(ii - i, jj - j) <= k + 1e-9]
            if not all(np.isnan(window)):
                want[i, j] = np.nanmax(window)
    np.testing.assert_allclose(circles, want, rtol=1e-6)
    named = run(rasters, [(1, 2)], CIRCLES=str(tmp_path / "circles.tif"))
    assert named["CIRCLES"] == str(tmp_path / "circles.tif") and os.path.isfile(
        named["CIRCLES"])
    assert "CIRCLES" not in run(rasters, [(1, 2)])


def test_cw_dist_is_recomputed_not_read(esp, rasters):
    feedback = Recorder()
    result = run(rasters, [(1, 2)], LINKS=links_layer([(1, 2)], cw_dist=5.0),
                 feedback=feedback)
    np.testing.assert_allclose(score_of(result)[:, 30], 1.5, rtol=1e-6)
    assert any("720" in text and "CW_Dist" in text for text in feedback.warnings)


def test_radius_without_cells_on_its_ring_is_left_out_with_a_warning(esp, rasters):
    # On 10 m cells the ring of 35 m is (3.4, 3.5] cells: d^2 in (11.56, 12.25], and 12 is
    # not a sum of two squares, so no cell centre lies on it. 30 m has cells (d^2 = 9).
    feedback = Recorder()
    both = score_of(run(rasters, [(1, 2)], MIN_RADIUS=30, MAX_RADIUS=35, STEP=5,
                        feedback=feedback))
    alone = score_of(run(rasters, [(1, 2)], MIN_RADIUS=30, MAX_RADIUS=30))
    np.testing.assert_array_equal(both, alone)
    assert any("radius 35 map units" in text and "left out" in text
               for text in feedback.warnings)
    with pytest.raises(QgsProcessingException, match="for example 40"):
        run(rasters, [(1, 2)], MIN_RADIUS=35, MAX_RADIUS=35)


def test_inactive_links_are_left_out(esp, rasters):
    layer = links_layer([(1, 2), (2, 3)])
    layer.startEditing()
    second = [f for f in layer.getFeatures() if f["To_Core"] == 3][0]
    layer.changeAttributeValue(second.id(), layer.fields().indexFromName("Active"), 0)
    layer.commitChanges()
    with_inactive = score_of(run(rasters, [], LINKS=layer))
    only_first = score_of(run(rasters, [(1, 2)]))
    np.testing.assert_array_equal(with_inactive, only_first)
    # Wall 2 lies on the inactive link only: restoring it helps no active link (NoData).
    assert np.all(np.isnan(with_inactive[:, 74]))


def test_errors_say_what_to_change(esp, rasters):
    with pytest.raises(QgsProcessingException, match="no active link"):
        run(rasters, [], LINKS=links_layer([(1, 2)], active=0))
    with pytest.raises(QgsProcessingException, match="at least one cell"):
        run(rasters, [(1, 2)], MIN_RADIUS=5, MAX_RADIUS=5)
    with pytest.raises(QgsProcessingException, match="larger than the maximum"):
        run(rasters, [(1, 2)], MIN_RADIUS=60, MAX_RADIUS=30)
    with pytest.raises(QgsProcessingException, match="source 7 is not among the sources"):
        run(rasters, [(1, 7)])
    with pytest.raises(QgsProcessingException, match="exactly one"):
        run(rasters, [(1, 2)], SOURCES=source_polygons())
    with pytest.raises(QgsProcessingException, match="GeoTIFF"):
        run(rasters, [(1, 2)], OUTPUT="/tmp/barriers_out.asc")


def test_cancel_leaves_no_file(esp, rasters, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(QgsProcessingException, match="cancelled"):
        run(rasters, [(1, 2), (2, 3)], OUTPUT=str(out / "b.tif"),
            CLASSIFIED=str(out / "c.tif"), CIRCLES=str(out / "circles.tif"),
            feedback=CancelAtOnce())
    assert os.listdir(out) == []


def test_style_spreads_yellow_to_red_over_the_positive_scores(esp, layer_tree_view, rasters,
                                                              tmp_path):
    parameters = {"SOURCE_RASTER": rasters["ids"], "RESISTANCE": rasters["resistance"],
                  "LINKS": links_layer([(1, 2), (2, 3)]), "MIN_RADIUS": 50,
                  "MAX_RADIUS": 50, "OUTPUT": str(tmp_path / "styled.tif"),
                  "WRITE_CIRCLES": True}
    result = processing.runAndLoadResults(ALG, parameters)
    loaded = {lyr.source(): lyr for lyr in QgsProject.instance().mapLayers().values()
              if isinstance(lyr, QgsRasterLayer)}
    # The circles asked for by the check box alone are loaded and styled too.
    assert loaded[result["CIRCLES"]].renderer().type() == "singlebandpseudocolor"
    renderer = loaded[result["OUTPUT"]].renderer()
    assert renderer.type() == "singlebandpseudocolor"
    items = renderer.shader().rasterShaderFunction().colorRampItemList()
    score = score_of(result)
    positive = score[np.isfinite(score) & (score > 0)]
    assert items[0].value == 0
    assert items[-1].value == pytest.approx(np.percentile(positive, 98), rel=1e-6)
    assert items[0].color.red() > items[-1].color.red() * 0.9  # yellow ... red
    assert items[0].color.green() > 200 and items[-1].color.green() < 50
    transparent = renderer.rasterTransparency().transparentSingleValuePixelList()
    assert [(p.min, p.max, p.percentTransparent) for p in transparent] == [(0, 0, 100)]
    QgsProject.instance().removeAllMapLayers()


def test_rectangular_cells_are_refused(esp, rasters, tmp_path):
    import shutil

    from osgeo import gdal

    squashed = {}
    for key in ("resistance", "ids"):
        path = str(tmp_path / (key + ".tif"))
        shutil.copy(rasters[key], path)
        dataset = gdal.Open(path, gdal.GA_Update)
        x0, width, _, y0, _, height = dataset.GetGeoTransform()
        dataset.SetGeoTransform((x0, width, 0.0, y0, 0.0, height / 2))
        dataset = None
        squashed[key] = path
    with pytest.raises(QgsProcessingException, match="square cells"):
        run(squashed, [(1, 2)])
