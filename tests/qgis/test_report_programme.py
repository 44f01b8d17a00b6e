"""The report's chapters on the restoration programme and on its effectiveness (issue 21).

The session's workflow run is copied and its programme products (if the workflow wrote any)
are replaced by small ones written here, so every value checked comes from these files: the
chosen sites in order, the compensation ledger and its transfers, and for a run compared with
an earlier one the comparison products of esp:compareesp.
"""

import csv
import os

import docx
import numpy as np
import pytest
from conftest import write_raster
from osgeo import gdal, ogr
from qgis.PyQt.QtGui import QColor, QImage
from test_report import Page, copy_run, decoded, features

BASE = ["summary", "sources", "resistance", "connectivity", "zoning", "collaboration"]
TAIL = ["methods", "ledger", "sites"]
# (site_id, kind_id, kind, cost, d_eca_km2, rank, chosen, order, centre x, centre y): 200 m
# squares, one in each quadrant county of tests/qgis/landscape.py and a second in the south-east.
SITES = ((1, 2, "Barrier", 300.0, 0.05, 3, 1, 2, 501000, 2998000),
         (2, 2, "Barrier", 120.0, 0.04, 1, 1, 1, 504500, 2998500),
         (3, 3, "Breakpoint", 500.0, 0.06, 4, 0, None, 501500, 2995500),
         (4, 2, "Barrier", 90.0, 0.02, 2, 0, None, 505000, 2995000),
         (5, 2, "Barrier", 200.0, 0.01, 5, 1, 3, 504000, 2994500))
CURVE = (("0", "", 0, 0, 2.5, 0), ("1", "2", 120, 120, 2.54, 0.04),
         ("2", "1", 300, 420, 2.585, 0.085), ("3", "5", 200, 620, 2.6, 0.1))
# County -> (cost, benefit_pct, fair_cost, net, paid, received).
LEDGER = {"甲县": (300.0, 40.0, 248.0, 52.0, 0.0, 52.0),
          "乙县": (120.0, 10.0, 62.0, 58.0, 0.0, 58.0),
          "丙县": (0.0, 30.0, 186.0, -186.0, 186.0, 0.0),
          "丁县": (200.0, 20.0, 124.0, 76.0, 0.0, 76.0)}
TRANSFERS = (("county", "丙县", "丁县", 76.0), ("county", "丙县", "乙县", 58.0),
             ("county", "丙县", "甲县", 52.0), ("prefecture", "西州", "东州", 110.0))
# County -> (eca a, b, src a, b, lcd a, b, rz a, b, r_eca, r_src, r_lcd, r_rz, score).
COMPARISON = {
    "甲县": (1.0, 1.2, 2.0, 2.2, 100.0, 90.0, 3.0, 2.5, 0.2, 0.1, 0.1, 1 / 6, 14.2),
    "乙县": (0.8, 0.8, 1.0, 1.0, 80.0, 80.0, 2.0, 2.0, 0.0, 0.0, 0.0, 0.0, 0.0),
    "丙县": (0.5, 0.45, 1.5, 1.2, 50.0, 55.0, 1.0, 1.0, -0.1, -0.2, -0.1, 0.0, -12.5),
    "丁县": (0.3, 0.35, 0.5, 0.5, None, None, 0.0, 0.0, 1 / 6, 0.0, None, 0.0, None)}
PREFECTURES = (("东州", 2, 7.1), ("西州", 2, -6.25))
INDICATORS = ("eca_km2_a", "eca_km2_b", "src_km2_a", "src_km2_b", "lcd_a", "lcd_b",
              "rz_km2_a", "rz_km2_b", "r_eca", "r_src", "r_lcd", "r_rz", "score")
# Corridors: (status, rel_change); zone transitions over the whole area (a, b, km²).
CORRIDORS = (("matched", 0.1), ("matched", -0.2), ("matched", -0.05), ("matched", 0.0),
             ("new", None), ("lost", None))
TOTALS = ((1, 1, 5.0), (1, 2, 0.5), (2, 2, 3.0), (2, 3, 1.0), (3, 3, 10.0), (4, 4, 15.0),
          (0, 4, 0.2))


def clear_programme(folder):
    """Take out every product of the programme stage (and its style and statistics)."""
    from esp_toolkit.algorithms.workflow.products import PRODUCTS

    for product in PRODUCTS:
        if product.stage == "programme":
            for path in (product.path(folder), product.sidecar(folder),
                         product.path(folder) + ".aux.xml"):
                if os.path.exists(path):
                    os.remove(path)


def write_layer(path, geometry_type, wkt, columns, rows):
    """A GeoPackage of (geometry WKT, {field: value}) rows; ``columns``: (name, OGR type)."""
    from osgeo import osr

    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt)
    source = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = source.CreateLayer(os.path.splitext(os.path.basename(path))[0], srs, geometry_type)
    for name, kind in columns:
        layer.CreateField(ogr.FieldDefn(name, kind))
    for shape, values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(shape))
        for name, value in values.items():
            if value is not None:
                feature.SetField(name, value)
        layer.CreateFeature(feature)
    source = None
    return path


def square(x, y, half=100):
    return "POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(
        x - half, y - half, x + half, y + half)


def write_csv(path, rows):
    # As OGR writes them: a byte-order mark and quoted text.
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        csv.writer(handle, quoting=csv.QUOTE_NONNUMERIC).writerows(rows)


def counties(folder):
    """(name, prefecture, geometry WKT) of the run's counties."""
    source = ogr.Open(os.path.join(folder, "county_ledger.gpkg"))
    layer = source.GetLayer(0)
    return [(f.GetField("name"), f.GetField("pref"), f.GetGeometryRef().ExportToWkt())
            for f in layer], layer.GetSpatialRef().ExportToWkt()


def write_programme(folder):
    units, wkt = counties(folder)
    real, text = ogr.OFTReal, ogr.OFTString
    write_layer(os.path.join(folder, "restoration_sites.gpkg"), ogr.wkbPolygon, wkt, [
        ("site_id", ogr.OFTInteger), ("kind_id", ogr.OFTInteger), ("kind", text),
        ("cost", real), ("area_km2", real), ("d_eca_km2", real), ("gain_cost", real),
        ("rank", ogr.OFTInteger), ("chosen", ogr.OFTInteger), ("order", ogr.OFTInteger)],
        [(square(x, y), {"site_id": i, "kind_id": k, "kind": name, "cost": cost,
                         "area_km2": 0.04, "d_eca_km2": gain, "gain_cost": gain / cost,
                         "rank": rank, "chosen": chosen, "order": order})
         for i, k, name, cost, gain, rank, chosen, order, x, y in SITES])
    write_csv(os.path.join(folder, "gain_curve.csv"),
              [("step", "site_id", "cost", "cum_cost", "eca_km2", "cum_gain", "in_budget")]
              + [row + ("1",) for row in CURVE])
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#1a9641"))
    image.save(os.path.join(folder, "gain_curve.png"), "PNG")
    write_layer(os.path.join(folder, "compensation.gpkg"), ogr.wkbPolygon, wkt, [
        ("name", text), ("group", text)] + [(n, real) for n in (
            "cost", "benefit_pct", "fair_cost", "net", "paid", "received")],
        [(shape, dict(zip(("name", "group", "cost", "benefit_pct", "fair_cost", "net", "paid",
                           "received"), (name, pref) + LEDGER[name])))
         for name, pref, shape in units])
    write_csv(os.path.join(folder, "transfers.csv"),
              [("level", "payer", "payee", "amount")] + list(TRANSFERS))


def write_comparison(folder):
    units, wkt = counties(folder)
    columns = [("unit", ogr.OFTString), ("group", ogr.OFTString)] + [
        (name, ogr.OFTReal) for name in INDICATORS]
    write_layer(os.path.join(folder, "comparison.gpkg"), ogr.wkbPolygon, wkt, columns, [
        (shape, dict(zip(("unit", "group") + INDICATORS, (name, pref) + COMPARISON[name])))
        for name, pref, shape in units])
    write_csv(os.path.join(folder, "comparison_prefectures.csv"), [
        ("group", "units") + INDICATORS] + [
        (name, count) + (1.0,) * 12 + (score,) for name, count, score in PREFECTURES])
    changes = np.zeros((60, 60), np.uint8)
    changes[0:10, 0:10] = 1  # 1 km² kept, 0.2 km² lost, 0.3 km² gained (100 m cells)
    changes[20:22, 0:10] = 2
    changes[40:43, 50:60] = 3
    write_raster(os.path.join(folder, "source_change.tif"), changes, nodata=0)
    write_layer(os.path.join(folder, "corridor_change.gpkg"), ogr.wkbLineString, wkt, [
        ("Link_ID", ogr.OFTInteger), ("rel_change", ogr.OFTReal), ("status", ogr.OFTString)],
        [("LINESTRING(500500 {0},505500 {0})".format(2999500 - 900 * i),
          {"Link_ID": i + 1, "rel_change": change, "status": status})
         for i, (status, change) in enumerate(CORRIDORS)])
    # Each county holds half of the first two counties' share; the whole area comes last.
    rows = [("unit", "group", "zone_a", "zone_b", "from_zone", "to_zone", "changed",
             "area_km2")]
    for name, pref in (("甲县", "东州"), ("乙县", "东州")):
        rows += [(name, pref, a, b, "", "", int(a != b), area / 2) for a, b, area in TOTALS]
    rows += [("Total", "", a, b, "", "", int(a != b), area) for a, b, area in TOTALS]
    write_csv(os.path.join(folder, "zone_transitions.csv"), rows)


def written(folder, **options):
    from esp_toolkit.algorithms.report.writer import write_report

    outputs = write_report(folder, **options)
    with open(outputs["REPORT"], encoding="utf-8") as handle:
        text = handle.read()
    return outputs, Page(text), text


@pytest.fixture(scope="module")
def programme(workflow_folder, tmp_path_factory):
    """(folder, outputs, page, html) of the report of a run with a programme, no comparison
    (HTML and Word: the PDF is checked with the comparison)."""
    folder = copy_run(workflow_folder, tmp_path_factory.mktemp("programme") / "run")
    clear_programme(folder)
    write_programme(folder)
    return (folder,) + written(folder, pdf=False)


@pytest.fixture(scope="module")
def compared(programme, tmp_path_factory):
    """The same with the comparison products of an earlier run."""
    folder = copy_run(programme[0], tmp_path_factory.mktemp("compared") / "run")
    write_comparison(folder)
    return (folder,) + written(folder, docx=False)


def section(text, ident):
    start = text.index('<section id="{}">'.format(ident))
    return text[start:text.index("</section>", start)]


# -- the programme ----------------------------------------------------------------------------

def test_the_programme_chapter_follows_the_collaboration(programme):
    _, _, page, _ = programme
    assert page.sections == BASE + ["programme"] + TAIL
    assert page.titles["programme"] == "5 · Restoration programme"
    assert {"map-programme", "chart-gain-curve"} <= set(page.images)


def test_without_programme_products_there_is_no_chapter(workflow_folder, tmp_path):
    folder = copy_run(workflow_folder, tmp_path / "run")
    clear_programme(folder)
    _, page, _ = written(folder, pdf=False, docx=False)
    assert page.sections == BASE + TAIL


def site_counties(folder):
    """The county whose polygon in compensation.gpkg holds each site's centroid."""
    source = ogr.Open(os.path.join(folder, "compensation.gpkg"))
    polygons = [(f.GetField("name"), f.GetGeometryRef().Clone()) for f in source.GetLayer(0)]
    sites = ogr.Open(os.path.join(folder, "restoration_sites.gpkg"))
    found = {}
    for feature in sites.GetLayer(0):
        centre = feature.GetGeometryRef().Centroid()
        found[feature.GetField("site_id")] = next(
            name for name, polygon in polygons if polygon.Contains(centre))
    return found


def test_the_priority_table_lists_the_chosen_sites_in_order_then_the_best_others(programme):
    folder, _, page, _ = programme
    sites = {s["site_id"]: s for s in features(os.path.join(folder, "restoration_sites.gpkg"))}
    chosen = sorted((s for s in sites.values() if s["chosen"]), key=lambda s: s["order"])
    others = sorted((s for s in sites.values() if not s["chosen"]), key=lambda s: s["rank"])
    expected = chosen + others
    rows = page.rows("table-programme-sites")
    assert [row[1][0] for row in rows] == [str(s["site_id"]) for s in expected] == \
        ["2", "1", "5", "4", "3"]
    assert [row[0][0] for row in rows] == ["1", "2", "3", "–", "–"]
    assert [float(row[5][1]) for row in rows] == [s["cost"] for s in expected]
    assert [float(row[6][1]) for row in rows] == pytest.approx([s["d_eca_km2"]
                                                                for s in expected])
    assert [float(row[7][1]) for row in rows] == pytest.approx(
        [s["gain_cost"] * 1e6 for s in expected])
    assert [row[2][0] for row in rows] == [s["kind"] for s in expected]
    where = site_counties(folder)
    assert [row[3][0] for row in rows] == [where[s["site_id"]] for s in expected]
    assert [int(row[8][0]) for row in rows] == [s["rank"] for s in expected]


def test_the_lead_paragraph_gives_the_portfolio(programme):
    folder, _, _, text = programme
    chapter = section(text, "programme")
    with open(os.path.join(folder, "gain_curve.csv"), encoding="utf-8-sig") as handle:
        curve = list(csv.DictReader(handle))
    before, after = float(curve[0]["eca_km2"]), float(curve[-1]["eca_km2"])
    gain = float(curve[-1]["cum_gain"])
    cost = sum(s["cost"] for s in features(os.path.join(folder, "restoration_sites.gpkg"))
               if s["chosen"])
    assert "{} candidate sites were evaluated".format(len(SITES)) in chapter
    assert "3 of them were chosen within the budget, at a total cost of {:.0f} × 10⁴ CNY" \
        .format(cost) in chapter
    assert "from {:.2f} to {:.2f} km² (+{:.2f} km², {:.1f} %)".format(
        before, after, gain, 100 * gain / before) in chapter


def test_the_compensation_table_and_the_transfers(programme):
    folder, _, page, _ = programme
    ledger = features(os.path.join(folder, "compensation.gpkg"))
    ledger.sort(key=lambda c: -c["net"])
    rows = page.rows("table-compensation")
    body, total = rows[:-1], rows[-1]
    assert [row[0][0] for row in body] == [c["name"] for c in ledger]
    for column, name in enumerate(("cost", "benefit_pct", "fair_cost", "net", "paid",
                                   "received"), start=1):
        assert [float(row[column][1]) for row in body] == [c[name] for c in ledger]
        assert float(total[column][1]) == pytest.approx(sum(c[name] for c in ledger))
    assert float(total[4][1]) == pytest.approx(0.0)
    with open(os.path.join(folder, "transfers.csv"), encoding="utf-8-sig") as handle:
        transfers = list(csv.DictReader(handle))
    for ident, level in (("table-transfers-counties", "county"),
                         ("table-transfers-prefectures", "prefecture")):
        assert [(row[0][0], row[1][0], float(row[2][1])) for row in page.rows(ident)] == [
            (t["payer"], t["payee"], float(t["amount"])) for t in transfers
            if t["level"] == level]


def test_the_gain_curve_is_a_chart(programme):
    _, _, page, _ = programme
    image = QImage.fromData(decoded(page.images["chart-gain-curve"]), "PNG")
    assert (image.width(), image.height()) == (900, 450)


def test_without_matplotlib_the_runs_own_chart(programme, tmp_path, monkeypatch):
    import sys

    for name in ("matplotlib", "matplotlib.figure", "matplotlib.font_manager",
                 "matplotlib.backends.backend_agg"):
        monkeypatch.setitem(sys.modules, name, None)
    folder = copy_run(programme[0], tmp_path / "run")
    _, page, _ = written(folder, pdf=False, docx=False)
    with open(os.path.join(folder, "gain_curve.png"), "rb") as handle:
        assert decoded(page.images["chart-gain-curve"]) == handle.read()


def test_the_word_report_holds_the_chapter(programme):
    folder, outputs, _, _ = programme
    document = docx.Document(outputs["REPORT_DOCX"])
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[5:8] == ["Collaboration between counties", "5 · Restoration programme",
                             "Methods and parameters"]
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Order")
    assert [r.cells[1].text for r in table.rows[1:]] == ["2", "1", "5", "4", "3"]
    assert [r.cells[5].text for r in table.rows[1:]] == ["120", "300", "200", "90", "500"]
    ledger = next(t for t in document.tables
                  if t.rows[0].cells[1].text == "Cost carried (10⁴ CNY)")
    assert [(r.cells[0].text, r.cells[4].text) for r in ledger.rows[1:-1]] == [
        ("丁县", "76"), ("乙县", "58"), ("甲县", "52"), ("丙县", "-186")]


def laid_out(folder):
    """The report's PDF document as report.pdf lays it out."""
    from esp_toolkit.algorithms.report import pdf
    from esp_toolkit.algorithms.report.data import read_run
    from esp_toolkit.algorithms.report.writer import Report

    report = Report(read_run(folder), "en", (), lambda _=0: None)
    document = pdf.layout(report.document(report.body(), pdf=True), report.images)
    pdf.wrap_wide_tables(document)
    pdf.keep_together(document)
    return document


# -- the effectiveness ------------------------------------------------------------------------

def test_the_effectiveness_chapter_only_with_a_comparison(programme, compared):
    assert "effectiveness" not in programme[2].sections
    _, _, page, _ = compared
    assert page.sections == BASE + ["programme", "effectiveness"] + TAIL
    assert page.titles["effectiveness"] == "Effectiveness"
    assert "map-source-change" in page.images


def test_the_county_scores(compared):
    folder, _, page, _ = compared
    units = features(os.path.join(folder, "comparison.gpkg"))
    scored = sorted((u for u in units if u["score"] is not None), key=lambda u: -u["score"])
    expected = scored + [u for u in units if u["score"] is None]
    rows = page.rows("table-effect-counties")
    assert [row[0][0] for row in rows] == [u["unit"] for u in expected]
    assert [float(row[7][1]) if row[7][1] else None for row in rows] == [
        u["score"] for u in expected]
    assert [float(row[1][1]) for row in rows] == [u["eca_km2_a"] for u in expected]
    assert [float(row[3][1]) for row in rows] == pytest.approx(
        [100 * u["r_eca"] for u in expected])
    with open(os.path.join(folder, "comparison_prefectures.csv"), encoding="utf-8-sig") as f:
        groups = sorted(csv.DictReader(f), key=lambda g: -float(g["score"]))
    rows = page.rows("table-effect-prefectures")
    assert [(row[0][0], float(row[7][1])) for row in rows] == [
        (g["group"], float(g["score"])) for g in groups]


def test_the_zone_transitions_are_the_whole_area(compared):
    folder, _, page, _ = compared
    with open(os.path.join(folder, "zone_transitions.csv"), encoding="utf-8-sig") as handle:
        whole = [r for r in csv.DictReader(handle) if r["unit"] == "Total"]
    matrix = np.zeros((5, 5))
    for row in whole:
        matrix[int(row["zone_a"]), int(row["zone_b"])] = float(row["area_km2"])
    rows = page.rows("table-zone-transitions")
    body, total = rows[:-1], rows[-1]
    # Zone 0 (no zone) has area here, so every code is a row and a column.
    shown = np.array([[float(cell[1]) for cell in row[1:6]] for row in body])
    np.testing.assert_allclose(shown, matrix)
    assert float(total[6][1]) == pytest.approx(matrix.sum())
    assert [row[0][0] for row in body][1:] == [
        "Ecological conservation zone", "Ecological restoration zone",
        "Ecological improvement zone", "Ecological control zone"]


def test_the_key_figures_of_the_change(compared):
    folder, _, page, _ = compared
    figures = dict((row[0][0], row[1][0]) for row in page.rows("table-effect-summary"))
    units = features(os.path.join(folder, "comparison.gpkg"))
    a, b = (sum(u[key] for u in units) for key in ("eca_km2_a", "eca_km2_b"))
    assert figures["Equivalent connected area (ECA)"] == \
        "{:.2f} km² -> {:.2f} km² (+{:.1f} %)".format(a, b, 100 * (b - a) / a)
    values = gdal.Open(os.path.join(folder, "source_change.tif")).ReadAsArray()
    kept, lost, gained = (np.count_nonzero(values == code) * 0.01 for code in (1, 2, 3))
    assert figures["Source cells"] == "{:.2f} km² kept, {:.2f} km² lost, {:.2f} km² gained" \
        .format(kept, lost, gained)
    links = features(os.path.join(folder, "corridor_change.gpkg"))
    matched = [link for link in links if link["status"] == "matched"]
    assert figures["Corridors"] == "{} in both runs ({} costlier, {} cheaper); {} new, {} lost" \
        .format(len(matched), sum(link["rel_change"] > 0 for link in matched),
                sum(link["rel_change"] < 0 for link in matched),
                sum(link["status"] == "new" for link in links),
                sum(link["status"] == "lost" for link in links))


def test_the_score_formula_is_given(compared):
    _, _, _, text = compared
    chapter = section(text, "effectiveness")
    assert "100 × Σ w_k r_k / Σ w_k" in chapter


def test_the_pdf_holds_both_chapters(compared):
    folder, outputs, _, _ = compared
    document = laid_out(folder)
    pages = len(gdal.Open(outputs["REPORT_PDF"]).GetMetadata("SUBDATASETS")) // 2
    assert pages == document.pageCount()
    text = document.toPlainText().replace("\u2060", "")  # the word joiners of CJK cells
    programme = text[text.index("5 · Restoration programme"):text.index("\nEffectiveness\n")]
    for needle in ("Priority restoration sites", "Compensation ledger",
                   "Transfers between counties", "Transfers between prefectures", "西州"):
        assert needle in programme, needle
    effect = text[text.index("\nEffectiveness\n"):text.index("Methods and parameters")]
    assert "Effectiveness by county" in effect and "Effectiveness by prefecture" in effect
    # Each chapter starts a page of its own.
    for title in ("5 · Restoration programme", "Effectiveness"):
        block = document.find(title).block()
        assert block.blockFormat().pageBreakPolicy() != 0, title


def test_the_chinese_report_has_both_chapters(compared, tmp_path):
    from esp_toolkit.algorithms import i18n

    folder = copy_run(compared[0], tmp_path / "run")
    _, page, text = written(folder, language=i18n.CHINESE, pdf=False)
    assert page.sections == BASE + ["programme", "effectiveness"] + TAIL
    assert '<html lang="zh-Hans">' in text
    document = docx.Document(os.path.join(folder, "report.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    lookup = i18n.translator(i18n.CHINESE)
    assert lookup("Report", "5 · Restoration programme") in headings
    assert lookup("Report", "Effectiveness") in headings


# -- reading the files of another language -------------------------------------------------------

def test_levels_and_totals_in_another_language_are_read_by_position(tmp_path):
    from esp_toolkit.algorithms.report.effectiveness import transitions
    from esp_toolkit.algorithms.report.programme import _read_transfers

    path = str(tmp_path / "transfers.csv")
    write_csv(path, [("level", "payer", "payee", "amount"), ("县", "A", "B", 5.0),
                     ("县", "C", "B", 2.0), ("市", "P", "Q", 7.0)])
    assert [(t[0], t[1], t[3]) for t in _read_transfers(path)] == [
        (False, "A", 5.0), (False, "C", 2.0), (True, "P", 7.0)]
    path = str(tmp_path / "zone_transitions.csv")
    write_csv(path, [("unit", "group", "zone_a", "zone_b", "area_km2"),
                     ("甲县", "东州", 1, 2, 1.0), ("总计", "", 1, 2, 3.0), ("总计", "", 2, 2, 4.0)])
    table = transitions(path)
    assert table[1, 2] == 3.0 and table[2, 2] == 4.0 and table.sum() == 7.0
