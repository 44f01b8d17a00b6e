"""esp:collaborativezoning through processing.run on a map of units counted by hand.

Grid 20 x 20 cells of 100 m (0.01 km² each), origin (X0, Y0) top-left, EPSG:4546.
Resistance 1, except a wall of resistance 6 over the full width of rows 9-10 (only the
barrier account feels it). Units (memory polygons, fields name / pref / alt):
  A rows 0-9, cols 0-9;  B rows 0-9, cols 10-19;  C rows 10-19, cols 0-9;
  D rows 10-19, cols 10-19 (1 km² each);  E a 1 km² square 5 km east of the grid (no cell).
  pref: A, B "P1"; C, D "P2"; E "P3".   alt: A, C "Q1"; B, D "Q2"; E "Q3".
Sources (id raster):
  1 rows 2-3, cols 7-10: 6 cells in A, 2 in B (cross-boundary, majority A)
  2 rows 2-3, cols 16-17 (B); 3 rows 14-15, cols 2-3 (C); 4 rows 14-15, cols 16-17 (D);
  5 rows 17-18, cols 12-13 (D).
  Per unit: src_n A 1, B 2, C 1, D 2; src_km2 0.06, 0.06, 0.04, 0.08.
Links (straight pieces through cell centres; the A|B, C|D boundary is x = X0 + 1000 and
the A|C, B|D boundary y = Y0 - 1000, both cell edges, so with pieces of a quarter cell
(25 m) starting at a cell centre no piece straddles a boundary and the lengths are exact):
  L1 1->2 row 2, x 850 -> 1650:                 A 150 m, B 650 m       CF 10
  L2 3->4 row 14, x 250 -> 1650:                C 750 m, D 650 m       CF 10
  L3 1->3 col 8, y 350 -> 1450:                 A 650 m, C 450 m       CF 1
  L4 2->4 inactive (ignored everywhere)                                CF 100
  L6 4->5 (1650,1450) -> (1650,850) -> (1350,850) -> (1350,1750):
      D 450 + 750 = 1200 m, B 150 + 300 + 150 = 600 m (a D-D link whose path crosses B) CF 1
  L7 5->4 row 17, x 1350 -> 1650:               D 300 m                CF 5
  (x, y measured from X0 rightwards and from Y0 downwards.)
  Source units: L1 A-B, L2 C-D, L3 A-C cross; L6, L7 D-D do not.
Key areas (kind_id): pinch 1 rows 5-6, cols 12-13 (4 cells in B); pinch 2 row 16,
  cols 9-11 (1 cell C, 2 D: counted in D); barrier 1 rows 8-10, cols 7-8 (4 cells A, 2 C:
  counted in A); barrier 2 rows 18-19, cols 18-19 (4 cells D); a kind 4 square (ignored).
Zones raster: 4, but 1 on source cells, 2 on barrier cells, 3 on row 14 cols 4-15 (6 cells
  in C, 6 in D), 0 (NoData) at (0, 0).
Account (radius 300 m): barrier 1 sits on the wall between sources 1 and 3, so it improves
  L3 only (for every other link the rim's cost distances add up to more than the link's
  least-cost distance: see test_account); barrier 2 lies in a corner and improves no link,
  so it stays with D. L3's benefit: half to source 1 (A 6/8, B 2/8), half to source 3 (C):
  A 0.375, B 0.125, C 0.5. Flows (km²): A->A 0.04 x 0.375 = 0.015, A->B 0.005, A->C 0.02,
  C->A 0.02 x 0.375 = 0.0075, C->B 0.0025, C->C 0.01, D->D 0.04.
Collaboration graph (matrix of CF_Central, every crossed unit): A-B 10, C-D 10, A-C 1,
  B-D 1; degrees 11 each, m = 22; {A, B}, {C, D}: Q = 2 (10/22 - (22/44)²) = 9/22.
"""

import itertools
import os

import numpy as np
import processing
import pytest
from conftest import CancelAtOnce, Recorder, write_raster
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsRectangle,
    QgsVectorLayer,
)

from esp_toolkit.algorithms.qgis_compat import is_null

ALG = "esp:collaborativezoning"
CELL = 100.0
ROWS = COLS = 20
X0, Y0 = 500000.0, 3000000.0
CELL_KM2 = 0.01
NAMES = ["A", "B", "C", "D", "E"]

# ------------------------------------------------------------------ the map -------------


def rect(row, col, rows, cols):
    """Polygon over cells rows row..row+rows-1, cols col..col+cols-1."""
    return QgsGeometry.fromRect(QgsRectangle(X0 + col * CELL, Y0 - (row + rows) * CELL,
                                             X0 + (col + cols) * CELL, Y0 - row * CELL))


def point(x, y):
    """Map point from offsets in metres right of X0 and below Y0."""
    return X0 + x, Y0 - y


QUADRANTS = {"A": (0, 0), "B": (0, 10), "C": (10, 0), "D": (10, 10)}
PREF = {"A": "P1", "B": "P1", "C": "P2", "D": "P2", "E": "P3"}
ALT = {"A": "Q1", "B": "Q2", "C": "Q1", "D": "Q2", "E": "Q3"}


def units_layer(geometries=None):
    layer = QgsVectorLayer("Polygon?crs=EPSG:4546&field=name:string&field=pref:string"
                           "&field=alt:string", "units", "memory")
    if geometries is None:
        geometries = {name: rect(r, c, 10, 10) for name, (r, c) in QUADRANTS.items()}
        geometries["E"] = QgsGeometry.fromRect(QgsRectangle(X0 + 5000, Y0 - 1000,
                                                            X0 + 6000, Y0))
    features = []
    for name, geometry in geometries.items():
        feature = QgsFeature(layer.fields())
        feature.setGeometry(geometry)
        feature.setAttributes([name, PREF.get(name), ALT.get(name)])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


#: id -> (first row, first col, rows, cols)
SOURCES = {1: (2, 7, 2, 4), 2: (2, 16, 2, 2), 3: (14, 2, 2, 2), 4: (14, 16, 2, 2),
           5: (17, 12, 2, 2)}
BARRIERS = [(8, 7, 3, 2), (18, 18, 2, 2)]
PINCHES = [(5, 12, 2, 2), (16, 9, 1, 3)]

#: Link_ID -> (active, from, to, CF_Central, vertices as offsets from (X0, Y0) in metres)
LINKS = {1: (1, 1, 2, 10.0, [(850, 250), (1650, 250)]),
         2: (1, 3, 4, 10.0, [(250, 1450), (1650, 1450)]),
         3: (1, 1, 3, 1.0, [(850, 350), (850, 1450)]),
         4: (0, 2, 4, 100.0, [(1650, 350), (1650, 1450)]),
         6: (1, 4, 5, 1.0, [(1650, 1450), (1650, 850), (1350, 850), (1350, 1750)]),
         7: (1, 5, 4, 5.0, [(1350, 1750), (1650, 1750)])}
#: Link_ID -> km per unit, by hand (see the module docstring)
LINK_KM = {1: {"A": 0.15, "B": 0.65}, 2: {"C": 0.75, "D": 0.65}, 3: {"A": 0.65, "C": 0.45},
           6: {"B": 0.6, "D": 1.2}, 7: {"D": 0.3}}


def links_layer(links=LINKS):
    layer = QgsVectorLayer("LineString?crs=EPSG:4546&field=Link_ID:integer&field=Active:integer"
                           "&field=From_Core:integer&field=To_Core:integer"
                           "&field=CW_Dist:double&field=LCP_Length:double"
                           "&field=CF_Central:double", "links", "memory")
    features = []
    for link_id, (active, a, b, cf, vertices) in links.items():
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt("LINESTRING({0})".format(", ".join(
            "{0} {1}".format(*point(x, y)) for x, y in vertices))))
        feature.setAttributes([link_id, active, a, b, None, None, cf])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def key_areas_layer(with_kind=True):
    spec = "Polygon?crs=EPSG:4546" + ("&field=kind_id:integer" if with_kind else
                                      "&field=kind:integer")
    layer = QgsVectorLayer(spec, "keys", "memory")
    features = []
    for kind, shapes in ((1, PINCHES), (2, BARRIERS), (4, [(0, 0, 2, 2)])):
        for shape in shapes:
            feature = QgsFeature(layer.fields())
            feature.setGeometry(rect(*shape))
            feature.setAttributes([kind])
            features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def block(values, shape, value):
    row, col, rows, cols = shape
    values[row:row + rows, col:col + cols] = value


def grids():
    resistance = np.ones((ROWS, COLS), dtype=np.float32)
    resistance[9:11, :] = 6.0
    ids = np.zeros((ROWS, COLS), dtype=np.int32)
    zones = np.full((ROWS, COLS), 4, dtype=np.uint8)
    for sid, shape in SOURCES.items():
        block(ids, shape, sid)
        block(zones, shape, 1)
    for shape in BARRIERS:
        block(zones, shape, 2)
    zones[14, 4:16] = 3
    zones[0, 0] = 0
    return dict(resistance=(resistance, None), ids=(ids, 0), zones=(zones, 0))


@pytest.fixture(scope="module")
def rasters(tmp_path_factory):
    folder = tmp_path_factory.mktemp("collab")
    return {name: write_raster(folder / (name + ".tif"), values, nodata=nodata, cell=CELL,
                               origin=(X0, Y0))
            for name, (values, nodata) in grids().items()}


def params(rasters, folder, **extra):
    base = dict(UNITS=units_layer(), UNIT_NAME_FIELD="name", GROUP_FIELD="pref",
                RESISTANCE=rasters["resistance"], SOURCE_RASTER=rasters["ids"],
                LINKS=links_layer(), LINK_WEIGHT_FIELD="CF_Central", ZONES=rasters["zones"],
                KEY_AREAS=key_areas_layer(), MATRIX_MODE=1, LINK_UNITS=1, RESOLUTION=1.0,
                SEED=1, MIN_RADIUS=300, MAX_RADIUS=300)
    for key in ("OUTPUT", "CROSS_LINKS", "MATRIX", "SHARES", "ACCOUNT"):
        base[key] = str(folder / (key.lower() + ".gpkg"))
    base.update(extra)
    return base


def features(path):
    layer = QgsVectorLayer(path, "out", "ogr")
    assert layer.isValid(), path
    return [dict(zip(layer.fields().names(), f.attributes()), geometry=f.geometry())
            for f in layer.getFeatures()]


def by_name(path, key="name"):
    return {row[key]: row for row in features(path)}


# ------------------------------------------------------------------ expected, by hand -----

def zeros():
    return dict.fromkeys(NAMES, 0.0)


def expected_ledger():
    """Every ledger column per unit, from the hand derivation in the module docstring."""
    e = {}
    e["area_km2"] = {"A": 1.0, "B": 1.0, "C": 1.0, "D": 1.0, "E": 1.0}
    e["src_n"] = {**zeros(), "A": 1, "B": 2, "C": 1, "D": 2}
    e["src_km2"] = {**zeros(), "A": 0.06, "B": 0.06, "C": 0.04, "D": 0.08}
    e["src_pct"] = {**zeros(), "A": 6.0, "B": 6.0, "C": 4.0, "D": 8.0}
    e["xsrc_n"] = {**zeros(), "A": 1, "B": 1}
    e["xsrc_km2"] = {**zeros(), "A": 0.06, "B": 0.02}
    # Corridors: A L1, L3; B L1, L6; C L2, L3; D L2, L6, L7 (L7 alone is not cross).
    e["cor_n"] = {**zeros(), "A": 2, "B": 2, "C": 2, "D": 3}
    e["cor_km"] = {**zeros(), "A": 0.15 + 0.65, "B": 0.65 + 0.6, "C": 0.75 + 0.45,
                   "D": 0.65 + 1.2 + 0.3}
    e["xcor_n"] = {**zeros(), "A": 2, "B": 2, "C": 2, "D": 2}
    e["xcor_km"] = {**zeros(), "A": 0.8, "B": 1.25, "C": 1.2, "D": 1.85}
    # Cross links by source units: L1 A-B, L2 C-D, L3 A-C.
    e["xlink_n"] = {**zeros(), "A": 2, "B": 1, "C": 2, "D": 1}
    e["pinch_n"] = {**zeros(), "B": 1, "D": 1}
    e["pinch_km2"] = {**zeros(), "B": 0.04, "C": 0.01, "D": 0.02}
    e["bar_n"] = {**zeros(), "A": 1, "D": 1}
    e["bar_km2"] = {**zeros(), "A": 0.04, "C": 0.02, "D": 0.04}
    # Zones: z1 source cells, z2 barrier cells, z3 the strip, z4 the rest but (0, 0).
    e["z1_km2"] = {**zeros(), "A": 0.06, "B": 0.06, "C": 0.04, "D": 0.08}
    e["z2_km2"] = {**zeros(), "A": 0.04, "C": 0.02, "D": 0.04}
    e["z3_km2"] = {**zeros(), "C": 0.06, "D": 0.06}
    e["z4_km2"] = {**zeros(), "A": 0.89, "B": 0.94, "C": 0.88, "D": 0.82}
    e["burden_km2"] = {**zeros(), "A": 0.04, "C": 0.02, "D": 0.04}
    e["benefit_km2"] = {**zeros(), "A": 0.015 + 0.0075, "B": 0.005 + 0.0025,
                        "C": 0.02 + 0.01, "D": 0.04}
    e["net_km2"] = {name: e["benefit_km2"][name] - e["burden_km2"][name] for name in NAMES}
    return e


ACCOUNT = {("A", "A"): 0.015, ("A", "B"): 0.005, ("A", "C"): 0.02, ("C", "A"): 0.0075,
           ("C", "B"): 0.0025, ("C", "C"): 0.01, ("D", "D"): 0.04}


def modularity(weights, groups, resolution=1.0):
    """Newman's modularity from its definition, Q = sum_c L_c / m - g (d_c / 2m)²."""
    m = sum(weights.values())
    degree = {}
    for (u, v), w in weights.items():
        degree[u] = degree.get(u, 0.0) + w
        degree[v] = degree.get(v, 0.0) + w
    q = 0.0
    for group in groups:
        inside = sum(w for (u, v), w in weights.items() if u in group and v in group)
        total = sum(degree.get(u, 0.0) for u in group)
        q += inside / m - resolution * (total / (2 * m)) ** 2
    return q


GRAPH = {("A", "B"): 10.0, ("C", "D"): 10.0, ("A", "C"): 1.0, ("B", "D"): 1.0}


def partitions(items):
    """Every partition of a list (brute force, for four units)."""
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for smaller in partitions(rest):
        for index in range(len(smaller)):
            yield smaller[:index] + [{first} | smaller[index]] + smaller[index + 1:]
        yield [{first}] + smaller


# ------------------------------------------------------------------ tests -----------------

def test_ledger_counted_by_hand(esp, rasters, tmp_path):
    result = processing.run(ALG, params(rasters, tmp_path))
    rows = features(result["OUTPUT"])
    assert [row["name"] for row in rows] == NAMES  # one row per unit, in layer order
    ledger = {row["name"]: row for row in rows}
    for column, values in expected_ledger().items():
        for name, value in values.items():
            assert ledger[name][column] == pytest.approx(value, abs=1e-9), (column, name)
    # The unit without any element: zeros, no collaboration zone; input fields kept.
    assert is_null(ledger["E"]["community"])
    assert ledger["E"]["pref"] == "P3"
    assert ledger["A"]["geometry"].area() == pytest.approx(1e6)
    # The burden and the benefit each add up to the barrier area (6 + 4 cells).
    assert sum(ledger[n]["burden_km2"] for n in NAMES) == pytest.approx(0.10)
    assert sum(ledger[n]["benefit_km2"] for n in NAMES) == pytest.approx(0.10)
    assert result["OVERLAP_KM2"] == pytest.approx(0.0)
    assert result["GAP_KM2"] == pytest.approx(0.0)


def test_shares_sum_to_each_total(esp, rasters, tmp_path):
    result = processing.run(ALG, params(rasters, tmp_path))
    rows = features(result["SHARES"])
    sources = {sid: {} for sid in SOURCES}
    corridors = {lid: {} for lid in LINK_KM}
    for row in rows:
        target = sources if row["element"] == "Source" else corridors
        assert row["unit_of"] == ("km²" if target is sources else "km")
        target[row["element_id"]][row["unit"]] = row
    # Sources: cells per unit x 0.01 km²; corridors: the hand lengths; L4 is inactive.
    want_sources = {1: {"A": 0.06, "B": 0.02}, 2: {"B": 0.04}, 3: {"C": 0.04},
                    4: {"D": 0.04}, 5: {"D": 0.04}}
    for got, want in ((sources, want_sources), (corridors, LINK_KM)):
        assert set(got) == set(want)
        for element, parts in want.items():
            assert set(got[element]) == set(parts), element
            total = sum(parts.values())
            assert sum(r["amount"] for r in got[element].values()) == pytest.approx(total)
            assert sum(r["share_pct"] for r in got[element].values()) == pytest.approx(100.0)
            for unit, amount in parts.items():
                row = got[element][unit]
                assert row["amount"] == pytest.approx(amount)
                assert row["share_pct"] == pytest.approx(100.0 * amount / total)
                assert row["cross"] == int(len(parts) > 1)
    assert sources[1]["A"]["share_pct"] == pytest.approx(75.0)


def test_cross_boundary_links(esp, rasters, tmp_path):
    result = processing.run(ALG, params(rasters, tmp_path))
    rows = {row["Link_ID"]: row for row in features(result["CROSS_LINKS"])}
    # L1 A-B, L2 C-D, L3 A-C; not L6 / L7 (both sources in D), not the inactive L4.
    assert set(rows) == {1, 2, 3}
    assert result["CROSS_LINK_COUNT"] == 3
    for link_id, (a, b) in {1: ("A", "B"), 2: ("C", "D"), 3: ("A", "C")}.items():
        assert (rows[link_id]["From_Unit"], rows[link_id]["To_Unit"]) == (a, b)
        assert rows[link_id]["length_km"] == pytest.approx(sum(LINK_KM[link_id].values()))
        assert rows[link_id]["geometry"].length() == pytest.approx(
            1000 * sum(LINK_KM[link_id].values()))
    assert (rows[3]["From_Core"], rows[3]["To_Core"]) == (1, 3)


def matrix_of(path):
    table = by_name(path, key="unit")
    assert list(table) == NAMES
    return np.array([[np.nan if is_null(table[r][c]) else table[r][c] for c in NAMES]
                     for r in NAMES], dtype=np.float64)


@pytest.mark.parametrize("mode, link_units, want", [
    # Number of links between the units of their two sources: L1 A-B, L2 C-D, L3 A-C,
    # L6 and L7 inside D (the diagonal).
    (0, 0, {("A", "B"): 1, ("C", "D"): 1, ("A", "C"): 1, ("D", "D"): 2}),
    # Every crossed unit too: L6 (sources in D) crosses B. Diagonal: links involving u.
    (0, 1, {("A", "B"): 1, ("C", "D"): 1, ("A", "C"): 1, ("B", "D"): 1, ("A", "A"): 2,
            ("B", "B"): 2, ("C", "C"): 2, ("D", "D"): 3}),
    # CF_Central sums: L1 10, L2 10, L3 1, L6 1, L7 5.
    (1, 0, {("A", "B"): 10, ("C", "D"): 10, ("A", "C"): 1, ("D", "D"): 6}),
    (1, 1, {("A", "B"): 10, ("C", "D"): 10, ("A", "C"): 1, ("B", "D"): 1, ("A", "A"): 11,
            ("B", "B"): 11, ("C", "C"): 11, ("D", "D"): 16}),
])
def test_link_matrices(esp, rasters, tmp_path, mode, link_units, want):
    result = processing.run(ALG, params(rasters, tmp_path, MATRIX_MODE=mode,
                                        LINK_UNITS=link_units))
    expected = np.zeros((5, 5))
    for (a, b), value in want.items():
        i, j = NAMES.index(a), NAMES.index(b)
        expected[i, j] = expected[j, i] = value
    np.testing.assert_allclose(matrix_of(result["MATRIX"]), expected)


def test_effective_resistance_of_a_strip(esp, tmp_path):
    # One row of 10 cells, resistance 1: source 1 (cols 0-1) in unit A (cols 0-4), source
    # 2 (cols 8-9) in unit B (cols 5-9), unit C off the grid. Each focal region is shorted,
    # so between col 1 and col 8 lie 7 unit resistors in series: 7 ohm x 100 m = 700.
    resistance = write_raster(tmp_path / "r.tif", np.ones((1, 10), dtype=np.float32),
                              cell=CELL, origin=(X0, Y0))
    ids = np.zeros((1, 10), dtype=np.int32)
    ids[0, 0:2], ids[0, 8:10] = 1, 2
    id_path = write_raster(tmp_path / "ids.tif", ids, nodata=0, cell=CELL, origin=(X0, Y0))
    units = units_layer({"A": rect(0, 0, 1, 5), "B": rect(0, 5, 1, 5),
                         "C": rect(0, 50, 1, 5)})
    links = links_layer({1: (1, 1, 2, 1.0, [(150, 50), (850, 50)])})
    result = processing.run(ALG, dict(
        UNITS=units, UNIT_NAME_FIELD="name", RESISTANCE=resistance, SOURCE_RASTER=id_path,
        LINKS=links, MATRIX_MODE=2, OUTPUT=str(tmp_path / "ledger.gpkg"),
        CROSS_LINKS=str(tmp_path / "cross.gpkg"), MATRIX=str(tmp_path / "m.gpkg"),
        SHARES=str(tmp_path / "shares.gpkg"), ACCOUNT=str(tmp_path / "account.gpkg")))
    table = by_name(result["MATRIX"], key="unit")
    assert table["A"]["B"] == pytest.approx(700.0, rel=1e-6)
    assert table["B"]["A"] == pytest.approx(700.0, rel=1e-6)
    assert table["A"]["A"] == 0.0 and table["B"]["B"] == 0.0
    # C holds no source: its row and column are NULL.
    assert all(is_null(table["C"][name]) for name in "ABC")
    assert is_null(table["A"]["C"]) and is_null(table["B"]["C"])
    # Two units joined by one edge of conductance 1/700: one zone; C has none.
    assert result["COMMUNITY_COUNT"] == 1
    ledger = by_name(result["OUTPUT"])
    assert ledger["A"]["community"] == ledger["B"]["community"] == 1


def test_collaboration_zones_and_groupings(esp, rasters, tmp_path):
    result = processing.run(ALG, params(rasters, tmp_path))
    ledger = by_name(result["OUTPUT"])
    # Brute force over all 15 partitions of A-D: the best is {A, B}, {C, D}, Q = 9/22.
    best = max(partitions(list("ABCD")), key=lambda groups: modularity(GRAPH, groups))
    assert sorted(sorted(g) for g in best) == [["A", "B"], ["C", "D"]]
    assert modularity(GRAPH, best) == pytest.approx(9 / 22)
    # Equal sizes: zone 1 is the one holding the first unit.
    assert [ledger[n]["community"] for n in "ABCD"] == [1, 1, 2, 2]
    assert result["COMMUNITY_COUNT"] == 2
    assert result["MODULARITY"] == pytest.approx(9 / 22)
    # The prefectures are the same grouping (E is alone and unlinked).
    assert result["GROUP_MODULARITY"] == pytest.approx(9 / 22)
    assert result["ADJUSTED_RAND"] == pytest.approx(1.0)
    assert [ledger[n]["grp_comm"] for n in "ABCD"] == [1, 1, 2, 2]
    assert is_null(ledger["E"]["grp_comm"])


def test_a_crossing_grouping(esp, rasters, tmp_path):
    result = processing.run(ALG, params(rasters, tmp_path, GROUP_FIELD="alt"))
    # {A, C}, {B, D} hold only the weak links: Q = 2 (1/22 - 1/4) = -9/22.
    assert result["GROUP_MODULARITY"] == pytest.approx(
        modularity(GRAPH, [{"A", "C"}, {"B", "D"}, {"E"}]))
    assert result["GROUP_MODULARITY"] == pytest.approx(-9 / 22)
    # ARI of {AB, CD} vs {AC, BD}: index 0, sums 2 and 2 over C(4, 2) = 6 pairs:
    # (0 - 2 x 2 / 6) / ((2 + 2) / 2 - 2 x 2 / 6) = -0.5.
    assert result["ADJUSTED_RAND"] == pytest.approx(-0.5)
    # Each group holds zones 1 and 2 once: the tie goes to the lower zone.
    ledger = by_name(result["OUTPUT"])
    assert [ledger[n]["grp_comm"] for n in "ABCD"] == [1, 1, 1, 1]


def test_same_input_same_zones(esp, rasters, tmp_path):
    runs = []
    for number in range(2):
        folder = tmp_path / str(number)
        folder.mkdir()
        result = processing.run(ALG, params(rasters, folder))
        runs.append([row["community"] for row in features(result["OUTPUT"])])
    assert runs[0] == runs[1]
    assert runs[0][:4] == [1, 1, 2, 2]


def test_account(esp, rasters, tmp_path):
    result = processing.run(ALG, params(rasters, tmp_path))
    rows = {(row["restorer"], row["beneficiary"]): row["area_km2"]
            for row in features(result["ACCOUNT"])}
    assert set(rows) == set(ACCOUNT)
    for pair, value in ACCOUNT.items():
        assert rows[pair] == pytest.approx(value), pair
    assert sum(rows.values()) == pytest.approx(0.10)
    # Whoever restores: its row sums to the barrier area in it.
    for unit, area in {"A": 0.04, "C": 0.02, "D": 0.04}.items():
        assert sum(v for (r, _), v in rows.items() if r == unit) == pytest.approx(area)


def test_account_without_barriers_is_empty(esp, rasters, tmp_path):
    layer = key_areas_layer()
    layer.dataProvider().deleteFeatures([f.id() for f in layer.getFeatures()
                                         if f["kind_id"] == 2])
    result = processing.run(ALG, params(rasters, tmp_path, KEY_AREAS=layer))
    assert features(result["ACCOUNT"]) == []
    ledger = by_name(result["OUTPUT"])
    assert all(ledger[n]["bar_n"] == 0 and ledger[n]["bar_km2"] == 0 for n in NAMES)
    assert ledger["B"]["pinch_n"] == 1


def test_overlapping_units_are_reported(esp, rasters, tmp_path):
    # A widened by one column over B: 10 cells of 100 m x 100 m = 0.1 km² in both; the
    # first unit (A) takes those cells, so source 1 lies wholly in A.
    geometries = {name: rect(r, c, 10, 10) for name, (r, c) in QUADRANTS.items()}
    geometries["A"] = rect(0, 0, 10, 11)
    feedback = Recorder()
    result = processing.run(ALG, params(rasters, tmp_path, UNITS=units_layer(geometries)),
                            feedback=feedback)
    assert result["OVERLAP_KM2"] == pytest.approx(0.1)
    assert result["GAP_KM2"] == pytest.approx(0.0)
    assert any("overlap" in text and "A / B" in text for text in feedback.warnings)
    ledger = by_name(result["OUTPUT"])
    assert ledger["A"]["src_km2"] == pytest.approx(0.08)
    assert ledger["B"]["src_km2"] == pytest.approx(0.04)
    assert ledger["A"]["xsrc_n"] == 0 and ledger["A"]["area_km2"] == pytest.approx(1.1)


def test_gaps_between_units_are_reported(esp, rasters, tmp_path):
    # A 2 x 2 cell hole at the centre (rows 9-10, cols 9-10) cut from all four quadrants:
    # a gap of 0.04 km² enclosed by units.
    hole = rect(9, 9, 2, 2)
    geometries = {name: rect(r, c, 10, 10).difference(hole)
                  for name, (r, c) in QUADRANTS.items()}
    feedback = Recorder()
    result = processing.run(ALG, params(rasters, tmp_path, UNITS=units_layer(geometries)),
                            feedback=feedback)
    assert result["GAP_KM2"] == pytest.approx(0.04)
    assert result["OVERLAP_KM2"] == pytest.approx(0.0)
    assert any("gap" in text for text in feedback.warnings)
    ledger = by_name(result["OUTPUT"])
    # The hole's cells are in no unit: each quadrant loses one z4 cell.
    for name in "ABCD":
        assert ledger[name]["area_km2"] == pytest.approx(0.99)
        assert ledger[name]["z4_km2"] == pytest.approx(expected_ledger()["z4_km2"][name]
                                                       - CELL_KM2)


def test_errors_name_what_to_change(esp, rasters, tmp_path):
    with pytest.raises(QgsProcessingException, match="kind_id"):
        processing.run(ALG, params(rasters, tmp_path, KEY_AREAS=key_areas_layer(False)))
    # The dialog's minimum refuses 0 before the core would.
    with pytest.raises(QgsProcessingException, match="RESOLUTION"):
        processing.run(ALG, params(rasters, tmp_path, RESOLUTION=0.0))
    with pytest.raises(QgsProcessingException, match="link weight field"):
        processing.run(ALG, params(rasters, tmp_path, LINK_WEIGHT_FIELD=None))
    degrees = write_raster(tmp_path / "deg.tif", np.ones((ROWS, COLS), dtype=np.float32),
                           crs="EPSG:4326", origin=(112.0, 28.0), cell=0.001)
    ids = write_raster(tmp_path / "deg_ids.tif", grids()["ids"][0], nodata=0,
                       crs="EPSG:4326", origin=(112.0, 28.0), cell=0.001)
    with pytest.raises(QgsProcessingException, match="geographic CRS"):
        processing.run(ALG, params(rasters, tmp_path, RESISTANCE=degrees, SOURCE_RASTER=ids,
                                   ZONES=None, KEY_AREAS=None))


def test_cancelled_run_leaves_no_output(esp, rasters, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(QgsProcessingException, match="cancelled"):
        processing.run(ALG, params(rasters, out), feedback=CancelAtOnce())
    assert os.listdir(out) == []
    processing.run(ALG, params(rasters, out), feedback=QgsProcessingFeedback())
    assert {key.lower() + ".gpkg" for key in ("OUTPUT", "CROSS_LINKS", "MATRIX", "SHARES",
                                              "ACCOUNT")} <= set(os.listdir(out))


def test_partitions_helper_is_complete():
    # Bell number B4 = 15: the brute force above sees every grouping of four units.
    found = {frozenset(frozenset(g) for g in p) for p in partitions(list("ABCD"))}
    assert len(found) == 15
    assert all(sum(len(g) for g in p) == 4 for p in found)
    assert len(list(itertools.combinations("ABCD", 2))) == 6


def source_polygons():
    layer = QgsVectorLayer("Polygon?crs=EPSG:4546&field=sid:integer", "sources", "memory")
    features = []
    for sid, shape in SOURCES.items():
        feature = QgsFeature(layer.fields())
        feature.setGeometry(rect(*shape))
        feature.setAttributes([sid])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def test_polygon_sources_give_the_same_ledger(esp, rasters, tmp_path):
    result = processing.run(ALG, params(rasters, tmp_path, SOURCE_RASTER=None,
                                        SOURCES=source_polygons(), SOURCE_ID_FIELD="sid"))
    ledger = by_name(result["OUTPUT"])
    for column, values in expected_ledger().items():
        for name, value in values.items():
            assert ledger[name][column] == pytest.approx(value, abs=1e-9), (column, name)


@pytest.mark.parametrize("resolution, count", [(0.1, 1), (1.0, 2), (5.0, 4)])
def test_resolution_against_brute_force(esp, rasters, tmp_path, resolution, count):
    # The best partition of A-D at each resolution, by brute force over all 15: at 0.1 one
    # zone (Q = 1 - 0.1 = 0.9 against 20/22 - 0.05 for two), at 5 every unit alone.
    best = max(partitions(list("ABCD")),
               key=lambda groups: modularity(GRAPH, groups, resolution))
    assert len(best) == count
    result = processing.run(ALG, params(rasters, tmp_path, RESOLUTION=resolution))
    ledger = by_name(result["OUTPUT"])
    got = {}
    for name in "ABCD":
        got.setdefault(ledger[name]["community"], set()).add(name)
    assert sorted(sorted(g) for g in got.values()) == sorted(sorted(g) for g in best)
    assert result["COMMUNITY_COUNT"] == count
    assert result["MODULARITY"] == pytest.approx(modularity(GRAPH, best, resolution))
    assert result["GROUP_MODULARITY"] == pytest.approx(
        modularity(GRAPH, [{"A", "B"}, {"C", "D"}], resolution))


@pytest.mark.parametrize("labels", [["unit", "B", "C", "D"], ["A", "X", "x", "D"],
                                    ["fid", "B", "C", "D"]])
def test_matrix_survives_awkward_unit_names(esp, rasters, tmp_path, labels):
    layer = QgsVectorLayer("Polygon?crs=EPSG:4546&field=name:string", "units", "memory")
    rows = []
    for name, label in zip("ABCD", labels):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(rect(*QUADRANTS[name], 10, 10))
        feature.setAttributes([label])
        rows.append(feature)
    layer.dataProvider().addFeatures(rows)
    result = processing.run(ALG, params(rasters, tmp_path, UNITS=layer, GROUP_FIELD=None,
                                        MATRIX_MODE=0, LINK_UNITS=0))
    out = QgsVectorLayer(result["MATRIX"], "matrix", "ogr")
    assert out.isValid()
    # By source units: L1 A-B, L3 A-C, L2 C-D, L6 and L7 inside D; read by position, one
    # column per unit after the row label, whatever the columns are called.
    want = [[0, 1, 1, 0], [1, 0, 0, 0], [1, 0, 0, 1], [0, 0, 1, 2]]
    names = out.fields().names()
    start = names.index("unit") + 1
    got = [[f[i] for i in range(start, len(names))] for f in out.getFeatures()]
    assert [f["unit"] for f in out.getFeatures()] == labels
    assert got == want
