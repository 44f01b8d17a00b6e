"""The workflow report as a deliverable: title block, map furniture, the full ledger and the
prefecture table, the key restoration sites, per-corridor statistics, the methods, the
PDF's pagination, the Word file and the CSV tables that Excel opens.

Every figure is recomputed from the products with GDAL/OGR/osr and numpy in the test, not
taken from the report's own reading of them. The report of the session's workflow run (its
run info comes from esp:securitypattern itself) is read where it is enough; a copy of the run
folder is written into where the test writes.
"""

import os
import re
import shutil
from html.parser import HTMLParser
from itertools import combinations

import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from test_report import Page, copy_run, features

BOM = b"\xef\xbb\xbf"


def written(folder):
    with open(os.path.join(folder, "report.html"), encoding="utf-8") as handle:
        text = handle.read()
    return Page(text), text


def geometries(path):
    source = ogr.Open(path)
    layer = source.GetLayer(0)
    srs = layer.GetSpatialRef()
    out = [(feature.GetFID(), {k: feature.GetField(k) for k in feature.keys()},
            feature.GetGeometryRef().Clone()) for feature in layer]
    return out, (srs.Clone() if srs is not None else None)


class Captions(HTMLParser):
    """The text of every figure caption (p.caption) and table caption (p.tcaption)."""

    def __init__(self, text):
        super().__init__()
        self.figures, self.tables, self._into = [], [], None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        css = dict(attrs).get("class", "")
        if tag == "p" and css in ("caption", "tcaption"):
            self._into = self.figures if css == "caption" else self.tables
            self._into.append("")

    def handle_endtag(self, tag):
        if tag == "p":
            self._into = None

    def handle_data(self, data):
        if self._into is not None:
            self._into[-1] += data


# -- title block --------------------------------------------------------------------------

def test_the_report_opens_with_a_title_block_not_a_folder(workflow_folder):
    page, text = written(workflow_folder)
    top = text[:text.index("<section")]
    # The units layer of the run is "counties" (tests/qgis/landscape.py) and there is no
    # project title in qgis_process / pytest.
    assert re.search(r"<h1>(.*?)</h1>", top).group(1) == \
        "Ecological security pattern of counties"
    assert workflow_folder not in top
    cover = dict((row[0][0], row[1][0]) for row in page.tables["table-cover"])
    source = ogr.Open(os.path.join(workflow_folder, "county_ledger.gpkg"))
    layer = source.GetLayer(0)
    area = sum(feature.GetGeometryRef().GetArea() for feature in layer) / 1e6
    prefectures = {feature.GetField("pref") for feature in layer}
    assert cover["Study area"] == "{:.1f} km² in {} counties of {} prefectures".format(
        area, layer.GetFeatureCount(), len(prefectures))
    assert re.match(r"\d{4}-\d\d-\d\d$", cover["Date"])
    assert "EPSG:4546" in cover["Analysis grid"] and "cells of 100 × 100 m" in \
        cover["Analysis grid"] and "60 × 60 cells" in cover["Analysis grid"]


def test_the_data_sources_are_the_run_inputs(workflow_folder):
    page, _ = written(workflow_folder)
    rows = {row[0][0]: [cell[0] for cell in row[1:]] for row in page.rows("table-data")}
    landcover = rows["Land-cover raster"]
    assert landcover[:2] == ["landcover", "landcover.tif"]
    assert "EPSG:4546" in landcover[2] and landcover[3] == "cells of 100 × 100 m"
    counties = rows["Administrative units (counties)"]
    assert counties[1] == "counties.gpkg" and counties[3] == "4 features"
    assert rows["Threats table (CSV file)"][1] == "threats.csv"


def test_the_project_title_is_the_title(workflow_folder, tmp_path):
    from esp_toolkit.algorithms.report.runinfo import RunInfo
    from esp_toolkit.algorithms.report.writer import write_report

    folder = copy_run(workflow_folder, tmp_path / "run")
    info = RunInfo(title="湖南省国土空间生态修复规划", area="counties")
    write_report(folder, info=info, pdf=False, docx=False)
    _, text = written(folder)
    assert "<h1>湖南省国土空间生态修复规划</h1>" in text
    assert "<title>湖南省国土空间生态修复规划</title>" in text


# -- figures ------------------------------------------------------------------------------

def test_figures_and_tables_are_numbered_in_order(workflow_folder):
    page, text = written(workflow_folder)
    captions = Captions(text)
    assert len(captions.figures) == len(page.images)
    assert [c.split(".")[0] for c in captions.figures] == [
        "Figure {}".format(n) for n in range(1, len(page.images) + 1)]
    assert captions.figures[4].startswith("Figure 5. Pinch points and barriers. Left:")
    assert [c.split(".")[0] for c in captions.tables] == [
        "Table {}".format(n) for n in range(1, len(captions.tables) + 1)]


def test_map_furniture():
    from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor, QImage, QPainter

    from esp_toolkit.algorithms.report import furniture

    size = QSize(900, 600)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    crs = QgsCoordinateReferenceSystem("EPSG:4546")
    # 36 km across 900 pixels: a fifth of the map is 7.2 km, the bar the round 5 km.
    km = furniture.scale_bar(painter, size, QgsRectangle(500000, 0, 536000, 24000), crs)
    label = furniture.crs_label(painter, size, crs)
    furniture.north_arrow(painter, size)
    painter.end()
    assert km == 5
    assert "EPSG:4546" in label
    pixels = np.array([[image.pixelColor(x, y).value() for x in range(size.width())]
                       for y in range(0, size.height(), 4)])
    # The bar is drawn from 12 px; 5 km are 125 px; the arrow sits at the top right.
    bottom = pixels[-8:]
    assert (bottom[:, 12:12 + 62] < 60).any() and (bottom[:, 140:260] < 60).any()
    assert (pixels[:20, -40:] < 60).sum() > 20
    degrees = QgsCoordinateReferenceSystem("EPSG:4326")
    painter = QPainter(image)
    assert furniture.scale_bar(painter, size, QgsRectangle(110, 25, 114, 30), degrees) is None
    painter.end()


def test_the_pdf_holds_the_maps_at_300_dpi_or_more(workflow_folder):
    from esp_toolkit.algorithms.report import writer

    with open(os.path.join(workflow_folder, "report.pdf"), "rb") as handle:
        pdf = handle.read()
    widths = [int(w) for w in re.findall(rb"/Width (\d+)", pdf)]
    # Every map and chart spans at most PDF_IMAGE_WIDTH of 96 dpi: 6.67 inches.
    inches = writer.PDF_IMAGE_WIDTH / 96.0
    big = [w for w in widths if w / inches >= 300]
    page, _ = written(workflow_folder)
    assert len(big) >= len(page.images)


# -- the ledger and the prefectures ---------------------------------------------------------

def adjusted_rand(a, b):
    """Hubert & Arabie's ARI, by counting the pairs of items."""
    pairs = list(combinations(range(len(a)), 2))
    both = sum(1 for i, j in pairs if a[i] == a[j] and b[i] == b[j])
    in_a = sum(1 for i, j in pairs if a[i] == a[j])
    in_b = sum(1 for i, j in pairs if b[i] == b[j])
    expected = in_a * in_b / len(pairs)
    top = (in_a + in_b) / 2
    return 1.0 if top == expected else (both - expected) / (top - expected)


def test_the_full_ledger_with_prefectures(workflow_folder):
    page, _ = written(workflow_folder)
    counties = features(os.path.join(workflow_folder, "county_ledger.gpkg"))
    rows = page.rows("table-ledger")[:-1]
    assert len(rows) == len(counties)
    assert [(r[0][0], r[1][0]) for r in rows] == [(c["name"], c["pref"]) for c in counties]
    assert [float(r[2][1]) for r in rows] == pytest.approx([c["area_km2"] for c in counties])


def test_the_prefecture_table_and_the_rand_index(workflow_folder):
    page, text = written(workflow_folder)
    counties = features(os.path.join(workflow_folder, "county_ledger.gpkg"))
    rows = page.rows("table-groups")
    names = list(dict.fromkeys(c["pref"] for c in counties))
    assert [r[0][0] for r in rows] == names
    for row, name in zip(rows, names):
        members = [c for c in counties if c["pref"] == name]
        assert int(row[1][0]) == len(members)
        assert float(row[2][1]) == pytest.approx(sum(c["area_km2"] for c in members))
        assert float(row[4][1]) == pytest.approx(sum(c["cor_km"] for c in members))
    linked = [c for c in counties if c["community"]]
    expected = adjusted_rand([c["community"] for c in linked], [c["pref"] for c in linked])
    found = re.search(r"adjusted Rand index (-?[0-9.]+)", text).group(1)
    assert float(found) == pytest.approx(expected, abs=5e-4)
    assert "over the {} counties that share a corridor".format(len(linked)) in text


def test_without_a_group_field_there_is_no_prefecture_table(workflow_folder, tmp_path):
    from esp_toolkit.algorithms.report.writer import write_report

    folder = copy_run(workflow_folder, tmp_path / "run")
    write_report(folder, pdf=False, docx=False)
    page, text = written(folder)
    assert "table-groups" not in page.tables
    assert "no group field" in text
    assert len(page.rows("table-ledger")[0]) == 8  # no prefecture column


# -- key restoration sites --------------------------------------------------------------------

def test_every_key_area_is_a_site_with_a_point_inside_its_county(workflow_folder):
    page, _ = written(workflow_folder)
    areas, srs = geometries(os.path.join(workflow_folder, "key_areas.gpkg"))
    counties, _ = geometries(os.path.join(workflow_folder, "county_ledger.gpkg"))
    rows = page.rows("table-sites")
    assert len(rows) == len(areas) > 0
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    for each in (srs, wgs84):
        each.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_degrees = osr.CoordinateTransformation(srs, wgs84)
    by_id = {fields["key_id"]: (fields, geometry) for _, fields, geometry in areas}
    for row in rows:
        fields, geometry = by_id[int(row[0][0])]
        lon, lat = float(row[4][1]), float(row[5][1])
        x, y, _ = osr.CoordinateTransformation(wgs84, srs).TransformPoint(lon, lat)
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(x, y)
        assert geometry.Distance(point) < 0.5  # 5 decimals of a degree: about a metre
        inside = geometry.PointOnSurface()
        assert (lon, lat) == pytest.approx(to_degrees.TransformPoint(
            inside.GetX(), inside.GetY())[:2], abs=1e-9)
        holder = [c["name"] for _, c, polygon in counties if polygon.Intersects(inside)]
        assert row[3][0] == holder[0]
        assert float(row[2][1]) == fields["level"]
        assert float(row[6][1]) == pytest.approx(fields["area_km2"])
    levels = [float(row[2][1]) for row in rows]
    assert levels == sorted(levels)


# -- corridors ------------------------------------------------------------------------------

def test_corridor_lengths_are_the_path_geometries(workflow_folder):
    page, _ = written(workflow_folder)
    links, _ = geometries(os.path.join(workflow_folder, "corridor_links.gpkg"))
    active = {fields["Link_ID"]: geometry for _, fields, geometry in links if fields["Active"]}
    rows = page.rows("table-corridors")
    assert len(rows) == len(active)
    for row in rows:
        length = active[int(row[0][0])].Length() / 1000.0  # EPSG:4546 is in metres
        assert float(row[2][1]) == pytest.approx(length)
        width, area = float(row[3][1]), float(row[4][1])
        assert area == pytest.approx(width / 1000.0 * length)
        assert 0 < width <= 6000  # the corridors lie in a landscape 6 km across


def test_pinch_points_and_barriers_are_counted_once():
    """Each key pinch point and barrier belongs to the corridor whose path is nearest."""
    from esp_toolkit.algorithms.report.corridorstats import _site_counts
    from esp_toolkit.algorithms.report.data import RunData
    from esp_toolkit.espcore.summaries import nearest_label

    paths = np.zeros((20, 20), dtype=np.int32)
    paths[5, 2:18] = 7   # a corridor along row 5
    paths[15, 2:18] = 9  # and one along row 15
    nearest = nearest_label(paths, (1.0, 1.0))
    transform = (0.0, 1.0, 0.0, 20.0, 0.0, -1.0)
    data = RunData(folder="", paths={})
    # Sites at rows 3, 9 (nearer row 5) and 12, 18 (nearer row 15); one barrier at row 14.
    data.sites = [{"kind_id": 1, "x": 10.5, "y": 20 - row - 0.5} for row in (3, 9, 12, 18)]
    data.sites.append({"kind_id": 2, "x": 4.5, "y": 20 - 14.5})
    assert _site_counts(data, nearest, transform, 1) == {7: 2, 9: 2}
    assert _site_counts(data, nearest, transform, 2) == {9: 1}


# -- methods --------------------------------------------------------------------------------

def test_the_methods_hold_every_parameter_of_the_run(workflow_folder):
    page, text = written(workflow_folder)
    from esp_toolkit.algorithms.workflow.securitypattern import SecurityPattern

    methods = text[text.index('<section id="methods">'):text.index('<section id="ledger">')]
    assert 'id="table-settings"' in methods
    labels = [row[0][0] for row in page.rows("table-settings")]
    algorithm = SecurityPattern()
    algorithm.initAlgorithm()
    assert labels == [d.description() for d in algorithm.parameterDefinitions()
                      if not d.isDestination()]
    assert workflow_folder in methods  # the folder is named at the end, not at the top


# -- PDF pagination -------------------------------------------------------------------------

def run_settings():
    """A label and a value for every parameter of the workflow, as its report lists them."""
    from esp_toolkit.algorithms.workflow.securitypattern import SecurityPattern

    algorithm = SecurityPattern()
    algorithm.initAlgorithm()
    return [(d.description(), "1,2,3") for d in algorithm.parameterDefinitions()
            if not d.isDestination()]


def _laid_out(folder, language):
    """The report's PDF document as report.pdf lays it out and fixes it."""
    from esp_toolkit.algorithms.report import pdf
    from esp_toolkit.algorithms.report.data import read_run
    from esp_toolkit.algorithms.report.runinfo import RunInfo
    from esp_toolkit.algorithms.report.writer import Report

    data = read_run(folder, group_field="pref")
    report = Report(data, language, run_settings(), lambda _=0: None,
                    RunInfo(area="counties", group_field="pref"))
    document = pdf.layout(report.document(report.body(), pdf=True), report.images)
    pdf.wrap_wide_tables(document)
    pdf.keep_together(document)
    return pdf, document


def _tables(frame):
    from qgis.PyQt.QtGui import QTextTable

    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            yield child
        yield from _tables(child)


def _cell_blocks(table, rows):
    for row in rows:
        for column in range(table.columns()):
            cell = table.cellAt(row, column)
            block = cell.firstCursorPosition().block()
            last = cell.lastCursorPosition().block()
            while block.isValid():
                yield row, block
                if block == last:
                    break
                block = block.next()


CJK = re.compile(r"[\u3400-\u9fff]")


def _broken_words(block):
    """Lines of ``block`` that end inside a CJK word (between two glued characters)."""
    lines, text = block.layout(), block.text()
    for index in range(lines.lineCount() - 1):
        end = lines.lineAt(index).textStart() + lines.lineAt(index).textLength()
        if CJK.match(text[end - 1:end]) and CJK.match(text[end:end + 1]) \
                or text[end - 1:end] == "\u2060":
            yield text


@pytest.mark.parametrize("language", ["en", "zh-Hans"])
def test_pdf_rows_figures_and_headings_stay_whole(workflow_folder, language):
    pdf, document = _laid_out(workflow_folder, language)
    layout = document.documentLayout()

    def page(y):
        return int(y // document.pageSize().height())

    checked = 0
    for table in _tables(document.rootFrame()):
        frame = layout.frameBoundingRect(table)
        assert frame.width() <= pdf.TEXT_WIDTH + 1
        header = table.format().headerRowCount()
        if not header:
            continue  # the cover's and the legends' tables
        for _, block in _cell_blocks(table, range(header, table.rows())):
            if block.blockFormat().nonBreakableLines():
                # A row of a data table is one line: it moves whole to the next page.
                assert block.layout().lineCount() <= 1, block.text()
                checked += 1
            elif frame.height() <= pdf.TEXT_HEIGHT:
                # A table of wrapping text is kept on one page.
                assert page(frame.top()) == page(frame.bottom() - 1), block.text()
        for _, block in _cell_blocks(table, range(header)):
            assert not list(_broken_words(block))
    sites = len(features(os.path.join(workflow_folder, "key_areas.gpkg")))
    assert checked >= 8 * sites  # Annex B's rows at least
    for first, last in pdf.keep_groups(document):
        top, _ = pdf._span(layout, first)
        _, bottom = pdf._span(layout, last)
        if bottom - top <= pdf.TEXT_HEIGHT:
            assert page(top) == page(bottom - 1), first.text()


def test_the_pdf_has_the_laid_out_pages(workflow_folder, tmp_path):
    from esp_toolkit.algorithms.report.runinfo import RunInfo
    from esp_toolkit.algorithms.report.writer import write_report

    folder = copy_run(workflow_folder, tmp_path / "run")
    write_report(folder, info=RunInfo(area="counties", group_field="pref"),
                 settings=run_settings(), docx=False)
    _, document = _laid_out(folder, "en")
    source = gdal.Open(os.path.join(folder, "report.pdf"))
    pages = len(source.GetMetadata("SUBDATASETS")) // 2 or 1
    assert pages == document.pageCount()


# -- the Word file ----------------------------------------------------------------------------

def test_the_word_report(workflow_folder):
    import docx
    from docx.oxml.ns import qn

    path = os.path.join(workflow_folder, "report.docx")
    document = docx.Document(path)
    page, _ = written(workflow_folder)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Summary", "1 · Sources", "2 · Resistance", "3 · Connectivity",
                        "4 · Zoning", "Collaboration between counties",
                        "5 · Restoration programme", "Methods and parameters",
                        "Annex A · County ledger", "Annex B · Key restoration sites"]
    assert len(document.inline_shapes) == len(page.images)
    counties = features(os.path.join(workflow_folder, "county_ledger.gpkg"))
    ledger = next(t for t in document.tables if t.rows[0].cells[0].text == "County"
                  and t.rows[0].cells[1].text == "Prefecture")
    assert len(ledger.rows) == 1 + len(counties) + 1  # header, counties, total
    assert [r.cells[0].text for r in ledger.rows[1:-1]] == [c["name"] for c in counties]
    first = ledger.rows[0]._tr.trPr
    assert first.find(qn("w:tblHeader")) is not None and first.find(qn("w:cantSplit")) is not None
    keys = features(os.path.join(workflow_folder, "key_areas.gpkg"))
    sites = next(t for t in document.tables if t.rows[0].cells[0].text == "Site")
    assert len(sites.rows) == 1 + len(keys)


def test_without_python_docx_the_report_says_how_to_get_it(workflow_folder, tmp_path,
                                                            monkeypatch):
    import sys

    from conftest import Recorder

    from esp_toolkit.algorithms.report.writer import write_report

    monkeypatch.setitem(sys.modules, "docx", None)  # import docx raises ImportError
    folder = copy_run(workflow_folder, tmp_path / "run")
    shutil.copy(os.path.join(workflow_folder, "report.docx"), folder)  # an earlier one
    feedback = Recorder()
    outputs = write_report(folder, pdf=False, feedback=feedback)
    assert set(outputs) == {"REPORT"}
    assert not os.path.exists(os.path.join(folder, "report.docx"))
    warning = " ".join(feedback.warnings)
    assert "report.docx" in warning and "pip install python-docx" in warning
    assert "OSGeo4W" in warning


def test_the_word_report_is_a_product_of_the_workflow():
    from esp_toolkit.algorithms.workflow.products import BY_KEY
    from esp_toolkit.algorithms.workflow.securitypattern import SecurityPattern

    assert BY_KEY["REPORT_DOCX"].file == "report.docx"
    algorithm = SecurityPattern()
    algorithm.initAlgorithm()
    assert algorithm.outputDefinition("REPORT_DOCX") is not None


# -- CSV tables for Excel ---------------------------------------------------------------------

@pytest.mark.parametrize("name", ["county_matrix.csv", "element_shares.csv",
                                  "restoration_account.csv", "zoning_statistics.csv"])
def test_csv_tables_start_with_the_utf8_mark(workflow_folder, name):
    with open(os.path.join(workflow_folder, name), "rb") as handle:
        raw = handle.read()
    assert raw.startswith(BOM) and not raw.startswith(BOM * 2)
    raw[3:].decode("utf-8")  # UTF-8 after the mark, whatever the system's encoding


def test_csv_reads_back_with_the_chinese_names(workflow_folder):
    import csv

    counties = [c["name"] for c in features(os.path.join(workflow_folder,
                                                           "county_ledger.gpkg"))]
    with open(os.path.join(workflow_folder, "county_matrix.csv"), encoding="utf-8-sig",
              newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][0] == "unit" and rows[0][1:] == counties
    assert [row[0] for row in rows[1:]] == counties
    # GDAL, which QGIS opens CSV files with, takes the mark as a mark too.
    source = ogr.Open(os.path.join(workflow_folder, "county_matrix.csv"))
    layer = source.GetLayer(0)
    assert layer.GetLayerDefn().GetFieldDefn(0).GetName() == "unit"
    assert [feature.GetField(0) for feature in layer] == counties


def test_csv_options_only_for_csv_files():
    from esp_toolkit.algorithms.io.sinks import csv_options

    assert csv_options("/x/table.gpkg") == {} and csv_options(None) == {}
    options = csv_options("/x/TABLE.CSV")
    assert options["createOptions"] == {"fileEncoding": "UTF-8"}
    assert "WRITE_BOM=YES" in options["layerOptions"]
    assert not any(o == "WRITE_BOM=NO" for o in options["layerOptions"])
    assert "SEPARATOR=COMMA" in options["layerOptions"]


def test_number_of_sites_in_the_summary_matches(workflow_folder):
    page, _ = written(workflow_folder)
    figures = dict((row[0][0], row[1][0]) for row in page.rows("table-summary"))
    keys = features(os.path.join(workflow_folder, "key_areas.gpkg"))
    assert figures["Key restoration areas"].startswith(str(len(keys)))
    assert len(page.rows("table-sites")) == len(keys)
