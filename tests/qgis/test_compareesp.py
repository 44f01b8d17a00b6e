"""esp:compareesp: two runs of the chain on the tiny landscape (landscape.py) compared.

The run before is the session's workflow run. The run after has the south-east forest block
cleared (a source lost), a new block in the north across the boundary of the two northern
counties, 8 columns in the west one and 4 in the east one (a source gained), and the road
under the western counties turned to cropland (the corridor between them gets cheaper). Every
figure is recomputed here from the two folders' files, without espcore.
"""

import math
import os
import shutil

import numpy as np
import pytest
from conftest import WORKFLOW_SETTINGS, CancelAtOnce, read_raster, write_raster
from landscape import CELL, COUNTIES, ORIGIN, ROAD_ROW, landcover, write_counties
from qgis.core import QgsProcessingException

CELL_KM2 = CELL * CELL / 1e6
NEW_BLOCK = (6, 22)  # top-left (row, col) of the new 12 x 12 forest block
PARTS = ("eca_km2", "src_km2", "lcd", "rz_km2")
DIRECTION = (1, 1, -1, -1)


def features(path):
    from osgeo import ogr

    source = ogr.Open(str(path))
    rows = [feature.items() for feature in source.GetLayer(0)]
    source = None
    return rows


def after_cover():
    cover = landcover()
    cover[42:54, 42:54] = 1  # the south-east block cleared
    row, col = NEW_BLOCK
    cover[row:row + 12, col:col + 12] = 2
    cover[ROAD_ROW, :30] = 1  # the road under the western counties removed
    return cover


def write_after_landscape(folder, before):
    os.makedirs(folder, exist_ok=True)
    cover = after_cover()
    paths = {"landcover": write_raster(os.path.join(folder, "landcover.tif"), cover,
                                       origin=ORIGIN, cell=CELL, dtype="uint8")}
    for name, code in (("cropland", 1), ("road", 8)):
        write_raster(os.path.join(folder, "threat_{0}.tif".format(name)),
                     (cover == code).astype("float32"), origin=ORIGIN, cell=CELL)
    for name in ("threats", "sensitivity"):
        paths[name] = shutil.copy(before[name], folder)
    paths["counties"] = write_counties(os.path.join(folder, "counties.gpkg"))
    return paths


@pytest.fixture(scope="module")
def after_folder(esp, workflow_landscape, tmp_path_factory):
    import processing

    root = tmp_path_factory.mktemp("after")
    landscape = write_after_landscape(str(root / "landscape"), workflow_landscape)
    folder = str(root / "run")
    processing.run("esp:securitypattern", dict(
        WORKFLOW_SETTINGS, LANDCOVER=landscape["landcover"], UNITS=landscape["counties"],
        THREATS_TABLE=landscape["threats"], SENSITIVITY_TABLE=landscape["sensitivity"],
        OUTPUT_FOLDER=folder))
    return folder


def compare(before, after, counties, out, feedback=None, **extra):
    import processing

    os.makedirs(out, exist_ok=True)
    parameters = {"BEFORE": before, "AFTER": after, "UNITS": counties,
                  "UNIT_NAME_FIELD": "name", "GROUP_FIELD": "pref",
                  "OUTPUT": os.path.join(out, "units.gpkg"),
                  "SOURCE_CHANGE": os.path.join(out, "source_change.tif"),
                  "ZONE_CHANGE": os.path.join(out, "zone_change.tif"),
                  "LINK_CHANGES": os.path.join(out, "links.gpkg"),
                  "TRANSITIONS": os.path.join(out, "transitions.csv"),
                  "GROUPS": os.path.join(out, "groups.gpkg")}
    parameters.update(extra)
    return processing.run("esp:compareesp", parameters, feedback=feedback)


@pytest.fixture(scope="module")
def compared(workflow_folder, workflow_landscape, after_folder, tmp_path_factory):
    out = str(tmp_path_factory.mktemp("compared"))
    return compare(workflow_folder, after_folder, workflow_landscape["counties"], out)


# -- figures from the files, independently ----------------------------------------------------

def ids_of(folder, name="source_ids.tif"):
    return np.nan_to_num(read_raster(os.path.join(folder, name))[0]).astype(int)


def zones_of(folder):
    return ids_of(folder, "zones.tif")


def links_of(folder):
    return [(int(row["From_Core"]), int(row["To_Core"]), float(row["CW_Dist"]))
            for row in features(os.path.join(folder, "corridor_links.gpkg"))
            if row["Active"] == 1]


def county_grid():
    grid = np.zeros((60, 60), dtype=int)
    for number, (_, _, rows, cols) in enumerate(COUNTIES, start=1):
        grid[rows, cols] = number
    return grid


def best_probabilities(ids, links, d0, p0=0.5):
    """p*_ij by Floyd-Warshall on -ln p, over the sources in ``ids`` order."""
    n = len(ids)
    where = {source: k for k, source in enumerate(ids)}
    cost = np.full((n, n), np.inf)
    np.fill_diagonal(cost, 0.0)
    for a, b, d in links:
        w = -math.log(p0) / d0 * d
        i, j = where[a], where[b]
        cost[i, j] = cost[j, i] = min(cost[i, j], w)
    for k in range(n):
        cost = np.minimum(cost, cost[:, [k]] + cost[[k], :])
    return np.exp(-cost)


def eca_by_hand(folder, d0):
    """(ECA km², ECA per county km²) of a run folder."""
    ids = ids_of(folder)
    sources = sorted(set(ids[ids > 0].tolist()))
    areas = np.array([(ids == s).sum() * CELL_KM2 for s in sources])
    pstar = best_probabilities(sources, links_of(folder), d0)
    total = math.sqrt(areas @ pstar @ areas)
    counties = county_grid()
    reach = pstar @ areas
    by_county = [sum((ids[counties == c] == s).sum() * CELL_KM2 * reach[k]
                     for k, s in enumerate(sources)) / total for c in range(1, 5)]
    return total, np.array(by_county)


def median_cost(folder):
    return float(np.median([d for _, _, d in links_of(folder)]))


def county_figures(folder):
    """Per county (layer order): source area, mean corridor cost, restoration-zone area."""
    ids, zones, counties = ids_of(folder), zones_of(folder), county_grid()
    home = {s: int(np.bincount(counties[ids == s]).argmax()) for s in np.unique(ids[ids > 0])}
    figures = []
    for c in range(1, 5):
        costs = [d for a, b, d in links_of(folder) if c in (home[a], home[b])]
        figures.append({"src_km2": ((ids > 0) & (counties == c)).sum() * CELL_KM2,
                        "lcd": np.mean(costs) if costs else None,
                        "rz_km2": ((zones == 2) & (counties == c)).sum() * CELL_KM2})
    return figures


def score_by_hand(row, weights=(0.25, 0.25, 0.25, 0.25)):
    total = weighted = 0.0
    for part, sign, weight in zip(PARTS, DIRECTION, weights):
        a, b = row[part + "_a"], row[part + "_b"]
        if a is None or b is None:
            continue
        r = 0.0 if a == b == 0 else (sign if a == 0 else max(-1.0, min(1.0, sign * (b - a) / a)))
        total += weight
        weighted += weight * r
    return 100 * weighted / total


# -- the comparison ---------------------------------------------------------------------------

def test_sources_lost_and_gained_by_overlap(compared, workflow_folder, after_folder):
    a, b = ids_of(workflow_folder), ids_of(after_folder)
    lost = [s for s in set(a[a > 0].tolist()) if not (b[a == s] > 0).any()]
    gained = [s for s in set(b[b > 0].tolist()) if not (a[b == s] > 0).any()]
    assert len(lost) == 1 and len(gained) == 1  # the south-east block, the new one
    assert compared["SOURCES_LOST"] == 1 and compared["SOURCES_GAINED"] == 1
    change, info = read_raster(compared["SOURCE_CHANGE"])
    expected = np.select([(a > 0) & (b > 0), a > 0, b > 0], [1, 2, 3], 0).astype(float)
    np.testing.assert_array_equal(np.nan_to_num(change), expected)
    assert info["nodata"] == 0 and info["dtype"] == "Byte"
    assert os.path.exists(compared["SOURCE_CHANGE"][:-4] + ".qml")


def test_eca_before_and_after_recomputed(compared, workflow_folder, after_folder):
    d0 = median_cost(workflow_folder)  # the kernel of the run before serves both
    before, by_county_a = eca_by_hand(workflow_folder, d0)
    after, by_county_b = eca_by_hand(after_folder, d0)
    assert compared["ECA_BEFORE"] == pytest.approx(before, rel=1e-9)
    assert compared["ECA_AFTER"] == pytest.approx(after, rel=1e-9)
    units = features(compared["OUTPUT"])
    assert [row["unit"] for row in units] == [name for name, *_ in COUNTIES]
    np.testing.assert_allclose([row["eca_km2_a"] for row in units], by_county_a, rtol=1e-9)
    np.testing.assert_allclose([row["eca_km2_b"] for row in units], by_county_b, rtol=1e-9)


def test_county_indicators_and_scores_by_hand(compared, workflow_folder, after_folder):
    units = features(compared["OUTPUT"])
    for row, a, b in zip(units, county_figures(workflow_folder), county_figures(after_folder)):
        for name, suffix, figures in [(n, "_a", a) for n in a] + [(n, "_b", b) for n in b]:
            assert row[name + suffix] == (None if figures[name] is None else pytest.approx(
                figures[name], rel=1e-9)), name
        assert row["score"] == pytest.approx(score_by_hand(row), abs=1e-9)
    # The south-east county lost its source; the north-west one gained most of the new one.
    by_name = {row["unit"]: row for row in units}
    assert by_name["丁县"]["src_km2_b"] == 0 and by_name["丁县"]["r_src"] == -1
    assert by_name["甲县"]["src_km2_b"] == pytest.approx(1.0 + 0.7)  # its own + 7 columns


def test_prefecture_scores_come_from_prefecture_sums(compared):
    units = features(compared["OUTPUT"])
    groups = {row["group"]: row for row in features(compared["GROUPS"])}
    assert sorted(groups) == ["东州", "西州"]
    for name, group in groups.items():
        members = [row for row in units if row["group"] == name]
        assert group["units"] == 2
        for field in ("eca_km2_a", "eca_km2_b", "src_km2_a", "rz_km2_b"):
            assert group[field] == pytest.approx(sum(row[field] for row in members))
        assert group["score"] == pytest.approx(score_by_hand(group), abs=1e-9)


def test_zone_transitions_count_cell_pairs(compared, workflow_folder, after_folder):
    a, b = zones_of(workflow_folder), zones_of(after_folder)
    counties = county_grid()
    table = {(row["unit"], int(row["zone_a"]), int(row["zone_b"])): float(row["area_km2"])
             for row in features(compared["TRANSITIONS"])}
    for number, (name, *_rest) in enumerate(COUNTIES, start=1):
        inside = counties == number
        for za, zb in np.ndindex(5, 5):
            cells = (inside & (a == za) & (b == zb)).sum()
            assert table.get((name, za, zb), 0.0) == pytest.approx(cells * CELL_KM2)
    totals = [area for (unit, _, _), area in table.items() if unit == "Total"]
    assert sum(totals) == pytest.approx(a.size * CELL_KM2)
    change, _ = read_raster(compared["ZONE_CHANGE"])
    np.testing.assert_array_equal(np.nan_to_num(change), np.where(a != b, 10 * a + b, 0))
    style = open(compared["ZONE_CHANGE"][:-4] + ".qml", encoding="utf-8").read()
    assert style.count("<paletteEntry") == np.unique((10 * a + b)[a != b]).size
    assert 'value="12"' in style and 'label="Conservation -&gt; Restoration"' in style


def test_links_matched_new_and_lost(compared, workflow_folder, after_folder):
    a, b = ids_of(workflow_folder), ids_of(after_folder)
    # Each source after to the source before it shares most cells with.
    home = {s: int(np.bincount(a[(b == s) & (a > 0)]).argmax())
            for s in set(b[b > 0].tolist()) if ((b == s) & (a > 0)).any()}
    before = {frozenset((x, y)): d for x, y, d in links_of(workflow_folder)}
    followed = {}
    for x, y, d in links_of(after_folder):
        key = frozenset((home.get(x), home.get(y)))
        followed[frozenset((x, y))] = (before.get(key), d) if None not in key else (None, d)
    lost = set(before) - {frozenset((home.get(x), home.get(y)))
                          for x, y, _ in links_of(after_folder)}
    links = features(compared["LINK_CHANGES"])
    status = [row["status"] for row in links]
    new = [pair for pair, (old, _) in followed.items() if old is None]
    assert status.count("lost") == compared["LINKS_LOST"] == len(lost) > 0
    assert status.count("new") == compared["LINKS_NEW"] == len(new) > 0
    assert len(links) == len(followed) + len(lost)
    matched = [row for row in links if row["status"] == "matched"]
    assert len(matched) == len(followed) - len(new) > 0
    for row in matched:
        old, after = followed[frozenset((row["From_Core"], row["To_Core"]))]
        assert (row["lcd_before"], row["lcd_after"]) == pytest.approx((old, after))
        assert row["rel_change"] == pytest.approx((after - old) / old)
    for row in (row for row in links if row["status"] == "lost"):
        assert row["lcd_after"] is None and row["lcd_before"] == pytest.approx(
            before[frozenset((row["From_Core"], row["To_Core"]))])
    # The road under the western counties is gone: their corridor is cheaper.
    assert min(row["rel_change"] for row in matched) < 0


def test_the_same_folder_twice_changes_nothing(esp, workflow_folder, workflow_landscape,
                                               tmp_path):
    results = compare(workflow_folder, workflow_folder, workflow_landscape["counties"],
                      str(tmp_path))
    assert results["ECA_BEFORE"] == results["ECA_AFTER"] > 0
    for key in ("SOURCES_GAINED", "SOURCES_LOST", "LINKS_NEW", "LINKS_LOST"):
        assert results[key] == 0
    for row in features(results["OUTPUT"]) + features(results["GROUPS"]):
        assert row["score"] == 0
        assert all(row[name] == 0 for name in ("r_eca", "r_src", "r_lcd", "r_rz"))
    assert {row["status"] for row in features(results["LINK_CHANGES"])} == {"matched"}
    change, _ = read_raster(results["ZONE_CHANGE"])
    assert not np.nan_to_num(change).any()


# -- errors -----------------------------------------------------------------------------------

def test_a_missing_product_is_named(esp, workflow_folder, workflow_landscape, tmp_path):
    folder = tmp_path / "partial"
    folder.mkdir()
    for name in ("source_ids.tif", "corridor_links.gpkg"):
        shutil.copy(os.path.join(workflow_folder, name), folder)
    with pytest.raises(QgsProcessingException, match="zones.tif.*Ecological security"):
        compare(workflow_folder, str(folder), workflow_landscape["counties"],
                str(tmp_path / "out"))
    assert not os.listdir(tmp_path / "out")


def synthetic_folder(folder, *, origin=ORIGIN, crs=None, cell=CELL):
    """A run folder with two sources, one link and zones, as the chain names them."""
    from osgeo import ogr, osr

    os.makedirs(folder, exist_ok=True)
    ids = np.zeros((20, 20), dtype="int32")
    ids[2:6, 2:6], ids[12:16, 12:16] = 1, 2
    extra = {"crs": crs} if crs else {}
    write_raster(os.path.join(folder, "source_ids.tif"), ids, nodata=0, origin=origin,
                 cell=cell, **extra)
    write_raster(os.path.join(folder, "zones.tif"), np.where(ids > 0, 1, 4).astype("uint8"),
                 nodata=0, origin=origin, cell=cell, **extra)
    srs = osr.SpatialReference()
    srs.SetFromUserInput(crs or "EPSG:4546")
    source = ogr.GetDriverByName("GPKG").CreateDataSource(
        os.path.join(folder, "corridor_links.gpkg"))
    layer = source.CreateLayer("links", srs, ogr.wkbLineString)
    values = {"Link_ID": 1, "Active": 1, "From_Core": 1, "To_Core": 2, "CW_Dist": 1000.0}
    for name in values:
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTReal if name == "CW_Dist"
                                        else ogr.OFTInteger))
    feature = ogr.Feature(layer.GetLayerDefn())
    for name, value in values.items():
        feature.SetField(name, value)
    x, y = origin
    feature.SetGeometry(ogr.CreateGeometryFromWkt("LINESTRING({0} {1},{2} {3})".format(
        x + 4 * cell, y - 4 * cell, x + 14 * cell, y - 14 * cell)))
    layer.CreateFeature(feature)
    source = None
    return str(folder)


WEIGHTS = ("W_CONNECTIVITY", "W_SOURCES", "W_CORRIDORS", "W_RESTORATION")


@pytest.mark.parametrize("case, match", [
    ("grids", "not on the same grid"), ("weights", "weights are 0"),
    ("geographic", "geographic CRS"), ("overwrite", "would overwrite that run")])
def test_bad_input_is_refused_before_any_output(esp, workflow_landscape, tmp_path, case,
                                                match):
    degrees = {"origin": (111.0, 28.0), "crs": "EPSG:4326", "cell": 0.001}
    before = after = synthetic_folder(tmp_path / "a", **(degrees if case == "geographic"
                                                         else {}))
    if case == "grids":
        after = synthetic_folder(tmp_path / "b", origin=(ORIGIN[0] + 50, ORIGIN[1]))
    zones = os.path.join(before, "zones.tif")
    extra = {"weights": {key: 0 for key in WEIGHTS},
             "overwrite": {"ZONE_CHANGE": zones}}.get(case, {})
    content = open(zones, "rb").read()
    with pytest.raises(QgsProcessingException, match=match) as info:
        compare(before, after, workflow_landscape["counties"], str(tmp_path / "out"),
                **extra)
    assert "Traceback" not in str(info.value)
    assert open(zones, "rb").read() == content and not os.listdir(tmp_path / "out")


def test_a_cancelled_run_writes_nothing(esp, workflow_landscape, tmp_path):
    folder = synthetic_folder(tmp_path / "a")
    with pytest.raises(QgsProcessingException, match="cancelled; no output was written"):
        compare(folder, folder, workflow_landscape["counties"], str(tmp_path / "out"),
                feedback=CancelAtOnce())
    assert not os.listdir(tmp_path / "out")


def test_the_weights_choose_the_parts(compared, workflow_folder, after_folder,
                                      workflow_landscape, tmp_path):
    weights = (0.0, 2.0, 0.0, 1.0)  # source area and restoration-zone area only
    results = compare(workflow_folder, after_folder, workflow_landscape["counties"],
                      str(tmp_path), **dict(zip(WEIGHTS, weights)))
    for row in features(results["OUTPUT"]):
        assert row["score"] == pytest.approx(score_by_hand(row, weights), abs=1e-9)
        assert row["score"] == pytest.approx(100 * (2 * row["r_src"] + row["r_rz"]) / 3)


def test_synthetic_runs_give_the_hand_figures(esp, tmp_path, workflow_landscape):
    """Two sources of 16 cells joined by one link of d0: p* = 0.5, ECA² = 2 a² (1 + 0.5)."""
    folder = synthetic_folder(tmp_path / "a")
    results = compare(folder, folder, workflow_landscape["counties"], str(tmp_path / "out"),
                      UNIT_NAME_FIELD=None, GROUP_FIELD=None, GROUPS=None)
    area = 16 * CELL_KM2
    assert results["ECA_BEFORE"] == pytest.approx(math.sqrt(2 * area ** 2 * 1.5))
    assert "GROUPS" not in results
    assert [row["unit"] for row in features(results["OUTPUT"])][:2] == ["Unit 1", "Unit 2"]
