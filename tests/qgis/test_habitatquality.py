"""esp:habitatquality through processing.run: both table routes, values, accessibility, rarity,
errors.

Expected values come from the equations evaluated in this file, cell by cell (distance from
each cell centre to every other cell centre, decay applied by hand), not from espcore: the
users' guide sum over every threat cell, and InVEST 3.13+'s nearest threat cell (the default).
The InVEST reference runs in ../shared/cases/invest are run end to end when present.
"""

import json
import math
import os

import numpy as np
import processing
import pytest
from conftest import CRS, CancelAtOnce, read_raster, write_raster
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsRasterLayer,
    QgsRectangle,
    QgsVectorLayer,
)

ALG = "esp:habitatquality"
CELL = 100.0
ORIGIN = (500000.0, 3000000.0)

# classes: 1 forest, 2 grass, 3 built; 0 = NoData
LANDCOVER = np.array([
    [1, 1, 1, 2, 2, 2, 1, 1, 1],
    [1, 1, 2, 2, 3, 3, 2, 1, 1],
    [1, 2, 2, 3, 3, 3, 2, 2, 1],
    [1, 1, 2, 2, 3, 2, 2, 1, 1],
    [1, 1, 1, 2, 2, 2, 1, 1, 0],
    [1, 1, 1, 1, 2, 1, 1, 0, 0],
], dtype=np.uint8)
ROAD = np.zeros(LANDCOVER.shape, dtype=np.float32)
ROAD[:, 2] = 0.8
ROAD[5, 2] = -1.0  # NoData: no threat
TOWN = (LANDCOVER == 3).astype(np.float32)
THREATS = [("road", 0.25, 0.6, "linear"), ("town", 0.45, 1.0, "exponential")]
HABITAT = {1: 1.0, 2: 0.7, 3: 0.0}
SENS = {1: {"road": 0.8, "town": 0.9}, 2: {"road": 0.4, "town": 0.5},
        3: {"road": 0.0, "town": 0.0}}
K = 0.6


def kernel_total(km, decay):
    """Sum of the decay weights over every cell offset within reach (the whole kernel)."""
    reach = int(km * 1000.0 // CELL)
    dy, dx = np.mgrid[-reach:reach + 1, -reach:reach + 1]
    dist = np.hypot(dy * CELL, dx * CELL)
    dmax = km * 1000.0
    weights = 1.0 - dist / dmax if decay == "linear" else np.exp(-2.99 * dist / dmax)
    return float(weights[dist <= dmax].sum())


def expected(access=None, landcover=LANDCOVER, normalize=True, nearest=False):
    """(D, Q) by the users' guide, with NaN on NoData cells; ``normalize`` divides each
    threat's decay weights by their total over the whole kernel. ``nearest``: InVEST 3.13+,
    the decay of the distance to the nearest non-zero threat cell (intensity ignored)."""
    rows, cols = landcover.shape
    yy, xx = np.mgrid[0:rows, 0:cols]
    total_w = sum(w for _, _, w, _ in THREATS)
    rasters = {"road": np.where(ROAD < 0, 0.0, ROAD), "town": TOWN.astype(float)}
    d = np.zeros((rows, cols))
    q = np.full((rows, cols), np.nan)
    for i in range(rows):
        for j in range(cols):
            code = int(landcover[i, j])
            if code == 0:
                d[i, j] = np.nan
                continue
            for name, km, w, decay in THREATS:
                dist = np.hypot((yy - i) * CELL, (xx - j) * CELL)
                dmax = km * 1000.0
                if decay == "linear":
                    i_r = 1.0 - dist / dmax
                else:
                    i_r = np.exp(-2.99 * dist / dmax)
                i_r[dist > dmax] = 0.0
                if nearest:
                    present = rasters[name] != 0
                    if present.any():
                        d_near = float(dist[present].min())
                        i_near = 1.0 - d_near / dmax if decay == "linear" \
                            else math.exp(-2.99 * d_near / dmax)
                        d[i, j] += w / total_w * SENS[code][name] * \
                            (i_near if d_near <= dmax else 0.0)
                    continue
                if normalize:
                    i_r = i_r / kernel_total(km, decay)
                d[i, j] += w / total_w * SENS[code][name] * float((rasters[name] * i_r).sum())
            if access is not None:
                d[i, j] *= access[i, j]
            h = HABITAT[code]
            q[i, j] = h * (1.0 - d[i, j] ** 2.5 / (d[i, j] ** 2.5 + K ** 2.5))
    return d, q


@pytest.fixture
def files(tmp_path):
    lc = write_raster(tmp_path / "landcover.tif", LANDCOVER, nodata=0)
    rasters = tmp_path / "rasters"
    rasters.mkdir()
    road = write_raster(rasters / "road.tif", ROAD, nodata=-1.0)
    town = write_raster(rasters / "town_c.tif", TOWN)
    threats = tmp_path / "threats.csv"
    threats.write_text("THREAT,MAX_DIST,WEIGHT,DECAY,CUR_PATH\n" + "".join(
        "{0},{1},{2},{3},{4}\n".format(n, km, w, dec, "rasters/" + ("road.tif" if n == "road"
                                                                    else "town_c.tif"))
        for n, km, w, dec in THREATS), encoding="utf-8")
    sens = tmp_path / "sensitivity.csv"
    sens.write_text("LULC,NAME,HABITAT,L_ROAD,TOWN\n1,forest,1,0.8,0.9\n2,grass,0.7,0.4,0.5\n"
                    "3,built,0,0,0\n", encoding="utf-8")
    return {"lc": lc, "road": road, "town": town, "threats": str(threats),
            "sens": str(sens), "dir": tmp_path}


def run(params):
    return processing.run(ALG, {"DEGRADATION": "TEMPORARY_OUTPUT",
                                "QUALITY": "TEMPORARY_OUTPUT", "HALF_SATURATION": K, **params})


GUIDE_SUM = 2  # SEMANTICS: users' guide sum (the default is 0, InVEST 3.13 and later)


def check(result, access=None, normalize=True, nearest=False):
    want_d, want_q = expected(access, normalize=normalize, nearest=nearest)
    got_d, info = read_raster(result["DEGRADATION"])
    got_q, _ = read_raster(result["QUALITY"])
    np.testing.assert_allclose(got_d, want_d, rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(got_q, want_q, rtol=1e-5, atol=1e-7)
    assert info["dtype"] == "Float32"
    assert info["geotransform"] == (ORIGIN[0], CELL, 0.0, ORIGIN[1], 0.0, -CELL)
    return got_d, got_q


def test_csv_files_with_cur_path(esp, files):
    """The default: InVEST 3.13+ (nearest threat cell); a LULC table is read in km."""
    result = run({"LANDCOVER": files["lc"], "THREATS_TABLE": files["threats"],
                  "SENSITIVITY_TABLE": files["sens"]})
    got_d, got_q = check(result, nearest=True)
    assert np.isnan(got_d[5, 8]) and np.isnan(got_q[4, 8])
    assert "RARITY" not in result


def test_users_guide_sum_normalised(esp, files):
    result = run({"LANDCOVER": files["lc"], "THREATS_TABLE": files["threats"],
                  "SENSITIVITY_TABLE": files["sens"], "SEMANTICS": GUIDE_SUM})
    check(result)


def test_literal_sum_of_the_users_guide(esp, files):
    result = run({"LANDCOVER": files["lc"], "THREATS_TABLE": files["threats"],
                  "SENSITIVITY_TABLE": files["sens"], "NORMALIZE_KERNEL": False,
                  "SEMANTICS": GUIDE_SUM})
    check(result, normalize=False)


def test_metres_with_a_lucode_table_and_unit_mistakes(esp, files, tmp_path):
    metres = tmp_path / "threats_m.csv"
    metres.write_text("THREAT,MAX_DIST,WEIGHT,DECAY,CUR_PATH\n" + "".join(
        "{0},{1:g},{2},{3},{4}\n".format(n, km * 1000, w, dec, os.path.join(
            str(files["dir"]), "rasters", "road.tif" if n == "road" else "town_c.tif"))
        for n, km, w, dec in THREATS), encoding="utf-8")
    lucode = tmp_path / "sens_lucode.csv"
    lucode.write_text(open(files["sens"], encoding="utf-8").read().replace("LULC", "lucode"),
                      encoding="utf-8")
    auto = run({"LANDCOVER": files["lc"], "THREATS_TABLE": str(metres),
                "SENSITIVITY_TABLE": str(lucode)})
    check(auto, nearest=True)
    explicit = run({"LANDCOVER": files["lc"], "THREATS_TABLE": str(metres),
                    "SENSITIVITY_TABLE": files["sens"], "MAX_DIST_UNIT": 2})
    check(explicit, nearest=True)
    # metres read as km: 250 km on a 900 x 600 m raster
    with pytest.raises(QgsProcessingException,
                       match=r"250 km = 250000 m, more than 10 times the raster's diagonal "
                             r"\(1081\.67 m\)"):
        run({"LANDCOVER": files["lc"], "THREATS_TABLE": str(metres),
             "SENSITIVITY_TABLE": files["sens"]})
    # km read as metres: 0.25 m, below a 100 m cell
    with pytest.raises(QgsProcessingException,
                       match=r"0\.25 metres = 0\.25 m, less than one cell \(100 m\)"):
        run({"LANDCOVER": files["lc"], "THREATS_TABLE": files["threats"],
             "SENSITIVITY_TABLE": str(lucode)})


def sensitivity_layer():
    layer = QgsVectorLayer("None?field=lulc:integer&field=habitat:double&field=road:double"
                           "&field=l_town:double", "sensitivity", "memory")
    features = []
    for code, h in HABITAT.items():
        feature = QgsFeature(layer.fields())
        feature.setAttributes([code, h, SENS[code]["road"], SENS[code]["town"]])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def test_table_layers_give_the_same_numbers(esp, files):
    by_file = run({"LANDCOVER": files["lc"], "THREATS_TABLE": files["threats"],
                   "SENSITIVITY_TABLE": files["sens"]})
    uri = "file://{0}?delimiter=,".format(files["threats"])
    threats = QgsVectorLayer(uri, "threats", "delimitedtext")
    assert threats.isValid()
    by_layer = run({"LANDCOVER": files["lc"], "THREATS_LAYER": threats,
                    "SENSITIVITY_LAYER": sensitivity_layer()})
    # and with the rasters chosen by hand (matched by layer name and by file name + _c)
    town = QgsRasterLayer(files["town"], "some name")
    road = QgsRasterLayer(files["road"], "Road")
    by_list = run({"LANDCOVER": files["lc"], "THREATS_LAYER": threats,
                   "SENSITIVITY_TABLE": files["sens"], "THREAT_RASTERS": [town, road]})
    for key in ("DEGRADATION", "QUALITY"):
        first, _ = read_raster(by_file[key])
        for other in (by_layer, by_list):
            np.testing.assert_array_equal(read_raster(other[key])[0], first)
    check(by_list, nearest=True)


def test_accessibility_polygon(esp, files):
    layer = QgsVectorLayer("Polygon?crs={0}&field=Access:double".format(CRS), "access",
                           "memory")
    feature = QgsFeature(layer.fields())
    # covers the centres of columns 0-3 of rows 0-2 (x 500000-500400, y 2999700-3000000)
    feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(499990, 2999710, 500390, 3000010)))
    feature.setAttributes([0.25])
    empty = QgsFeature(layer.fields())  # ACCESS NULL: 1 in the guide sum, 0 in InVEST's
    empty.setGeometry(QgsGeometry.fromRect(QgsRectangle(500500, 2999400, 500900, 3000000)))
    layer.dataProvider().addFeatures([feature, empty])
    result = run({"LANDCOVER": files["lc"], "THREATS_TABLE": files["threats"],
                  "SENSITIVITY_TABLE": files["sens"], "ACCESSIBILITY": layer,
                  "SEMANTICS": GUIDE_SUM})
    access = np.ones(LANDCOVER.shape)
    access[0:3, 0:4] = 0.25
    check(result, access)
    invest = run({"LANDCOVER": files["lc"], "THREATS_TABLE": files["threats"],
                  "SENSITIVITY_TABLE": files["sens"], "ACCESSIBILITY": layer})
    access[0:6, 5:9] = 0.0  # centres of columns 5-8, rows 0-5
    check(invest, access, nearest=True)


def test_rarity_against_counts(esp, files):
    baseline = LANDCOVER.copy()
    baseline[0, :] = 2  # forest was rarer: 3 forest cells -> grass; 3 grass cells -> grass
    baseline[5, 0] = 0  # NoData in the baseline
    base = write_raster(files["dir"] / "baseline.tif", baseline, nodata=0)
    result = run({"LANDCOVER": files["lc"], "THREATS_TABLE": files["threats"],
                  "SENSITIVITY_TABLE": files["sens"], "BASELINE": base,
                  "RARITY": "TEMPORARY_OUTPUT"})
    got, _ = read_raster(result["RARITY"])
    both = (LANDCOVER > 0) & (baseline > 0)
    want = np.full(LANDCOVER.shape, np.nan)
    for code in (1, 2, 3):
        n_now = int(((LANDCOVER == code) & both).sum())
        n_base = int((baseline == code).sum())
        want[(LANDCOVER == code) & both] = 1 - n_now / (n_base + n_now)
    np.testing.assert_allclose(got, want, rtol=1e-6)
    assert np.isnan(got[5, 0]) and got[0, 0] < 0.5  # forest is more common than before


def test_styles_load():
    import os

    from esp_toolkit.algorithms.base import STYLE_DIR

    for name in ("habitat_quality.qml", "degradation.qml"):
        layer = QgsRasterLayer(write_raster(
            os.path.join(os.environ.get("TMPDIR", "/tmp"), "style_probe.tif"),
            np.linspace(0, 1, 12, dtype=np.float32).reshape(3, 4)), "probe")
        _, ok = layer.loadNamedStyle(os.path.join(STYLE_DIR, name))
        assert ok and layer.renderer().type() == "singlebandpseudocolor"


def test_missing_class_is_named(esp, files):
    files["sens"] = str(files["dir"] / "short.csv")
    open(files["sens"], "w").write("LULC,HABITAT,ROAD,TOWN\n1,1,0.8,0.9\n3,0,0,0\n")
    with pytest.raises(QgsProcessingException, match="not in the sensitivity table: 2"):
        run({"LANDCOVER": files["lc"], "THREATS_TABLE": files["threats"],
             "SENSITIVITY_TABLE": files["sens"]})


def test_missing_threat_raster_lists_what_was_given(esp, files):
    road = QgsRasterLayer(files["road"], "road")
    other = QgsRasterLayer(files["lc"], "my landcover")
    with pytest.raises(QgsProcessingException,
                       match="threat 'town'.*'road' \\(road.tif\\), 'my landcover'"):
        run({"LANDCOVER": files["lc"], "THREATS_TABLE": files["threats"],
             "SENSITIVITY_TABLE": files["sens"], "THREAT_RASTERS": [road, other]})
    bad = files["dir"] / "bad_paths.csv"
    bad.write_text("THREAT,MAX_DIST,WEIGHT,DECAY,CUR_PATH\nroad,1,1,linear,nothere.tif\n")
    with pytest.raises(QgsProcessingException, match="'road' was not found.*nothere.tif"):
        run({"LANDCOVER": files["lc"], "THREATS_TABLE": str(bad),
             "SENSITIVITY_TABLE": files["sens"]})


def test_tables_must_be_given_once(esp, files):
    with pytest.raises(QgsProcessingException, match="threats table either as a CSV"):
        run({"LANDCOVER": files["lc"], "SENSITIVITY_TABLE": files["sens"]})
    with pytest.raises(QgsProcessingException, match="sensitivity table either as a CSV"):
        run({"LANDCOVER": files["lc"], "THREATS_TABLE": files["threats"],
             "SENSITIVITY_TABLE": files["sens"], "SENSITIVITY_LAYER": sensitivity_layer()})


def test_misaligned_threat_raster_and_rarity_without_baseline(esp, files, tmp_path):
    shifted = write_raster(tmp_path / "road_shifted.tif", ROAD,
                           origin=(ORIGIN[0] + CELL, ORIGIN[1]))
    town = QgsRasterLayer(files["town"], "town")
    road = QgsRasterLayer(shifted, "road")
    out = tmp_path / "never.tif"
    with pytest.raises(QgsProcessingException, match="'road'.*not on the same grid"):
        run({"LANDCOVER": files["lc"], "THREATS_TABLE": files["threats"],
             "SENSITIVITY_TABLE": files["sens"], "THREAT_RASTERS": [road, town],
             "QUALITY": str(out)})
    with pytest.raises(QgsProcessingException, match="rarity output needs a baseline"):
        run({"LANDCOVER": files["lc"], "THREATS_TABLE": files["threats"],
             "SENSITIVITY_TABLE": files["sens"], "RARITY": str(out)})
    assert not out.exists()


def test_bad_table_values_are_explained(esp, files):
    bad = files["dir"] / "bad.csv"
    bad.write_text("THREAT,MAX_DIST,WEIGHT,DECAY\nroad,1,1.5,linear\ntown,1,1,linear\n")
    with pytest.raises(QgsProcessingException, match="WEIGHT of threat 'road' is 1.5"):
        run({"LANDCOVER": files["lc"], "THREATS_TABLE": str(bad),
             "SENSITIVITY_TABLE": files["sens"]})


def test_independent_reference_is_sane():
    # the reference itself, by hand at the forest cell (0, 0): road (reach 250 m) at (0, 2),
    # 200 m away, and (1, 2), sqrt(5) * 100 m away; town (reach 450 m) at (2, 3), (1, 4)
    # and (2, 4), sqrt(13), sqrt(17) and sqrt(20) * 100 m away.
    d, _ = expected(normalize=False)
    road = 0.8 * ((1 - 200 / 250) + (1 - math.sqrt(5) * 100 / 250))
    town = sum(math.exp(-2.99 * math.sqrt(n) * 100 / 450) for n in (13, 17, 20))
    by_hand = 0.6 / 1.6 * 0.8 * road + 1.0 / 1.6 * 0.9 * town
    assert d[0, 0] == pytest.approx(by_hand)
    # Normalised: each threat's sum is divided by its whole kernel's total weight.
    d, _ = expected()
    road_total = sum(1 - 100 * math.sqrt(n) / 250 for n in (0, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4,
                                                               4, 4, 5, 5, 5, 5, 5, 5, 5, 5))
    assert kernel_total(0.25, "linear") == pytest.approx(road_total)
    normalised = (0.6 / 1.6 * 0.8 * road / road_total
                  + 1.0 / 1.6 * 0.9 * town / kernel_total(0.45, "exponential"))
    assert d[0, 0] == pytest.approx(normalised)



def test_cancel_leaves_no_output(esp, files, tmp_path):
    out = tmp_path / "out"
    with pytest.raises(QgsProcessingException, match="cancelled"):
        processing.run(ALG, {"LANDCOVER": files["lc"], "THREATS_TABLE": files["threats"],
                             "SENSITIVITY_TABLE": files["sens"],
                             "DEGRADATION": str(out / "d.tif"), "QUALITY": str(out / "q.tif")},
                       feedback=CancelAtOnce())
    assert not out.exists() or not any(out.iterdir())


# ------------------------------------------------------------- InVEST reference runs ----

def invest_case(case):
    folder = os.path.dirname(os.path.abspath(__file__))
    while True:
        candidate = os.path.join(folder, "shared", "cases", "invest", case)
        if os.path.isdir(candidate):
            return candidate
        if os.path.dirname(folder) == folder:
            pytest.skip("InVEST reference cases not found")
        folder = os.path.dirname(folder)


@pytest.mark.parametrize("version, semantics", [("3.20.2", 0), ("3.12.1", 1)])
@pytest.mark.parametrize("case", ["s04_intensity_nodata_30m", "s08_full_1km"])
def test_invest_reference_runs_end_to_end(esp, case, version, semantics):
    """InVEST's own tables as they are (automatic MAX_DIST unit), its access polygons (NULL
    ACCESS = 0) and baseline: D and Q within 1e-5, rarity within 1e-6 of InVEST's outputs."""
    folder = os.path.join(invest_case(case), "invest-" + version)
    with open(os.path.join(folder, "args.json")) as handle:
        args = json.load(handle)["args"]
    params = {"LANDCOVER": os.path.join(folder, args["lulc_cur_path"]),
              "THREATS_TABLE": os.path.join(folder, args["threats_table_path"]),
              "SENSITIVITY_TABLE": os.path.join(folder, args["sensitivity_table_path"]),
              "HALF_SATURATION": float(args["half_saturation_constant"]),
              "SEMANTICS": semantics}
    if args.get("access_vector_path"):
        params["ACCESSIBILITY"] = os.path.join(folder, args["access_vector_path"])
    if args.get("lulc_bas_path"):
        params["BASELINE"] = os.path.join(folder, args["lulc_bas_path"])
        params["RARITY"] = "TEMPORARY_OUTPUT"
    result = run(params)
    outputs = [("DEGRADATION", "deg_sum_c.tif", 1e-5), ("QUALITY", "quality_c.tif", 1e-5),
               ("RARITY", "rarity_c.tif", 1e-6)]
    for key, name, tolerance in outputs:
        if key not in result:
            continue
        got, _ = read_raster(result[key])
        want, _ = read_raster(os.path.join(folder, name))
        want = np.where(np.abs(want) > 3e38, np.nan, want)
        assert np.array_equal(np.isnan(got), np.isnan(want)), key
        np.testing.assert_allclose(got, want, rtol=0, atol=tolerance, equal_nan=True)
