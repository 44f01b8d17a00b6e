"""The workflow report (algorithms/report/) written for a complete esp:securitypattern run.

Every figure checked here is recomputed from the products with GDAL/OGR (and networkx for the
modularity), not taken from the report's own reading of them. The run folder of the session
fixture is copied first, so the other tests see it unchanged.
"""

import base64
import math
import os
import shutil
import threading
from html.parser import HTMLParser

import numpy as np
import pytest
from conftest import CancelAtOnce
from osgeo import gdal, ogr
from qgis.core import QgsProcessingFeedback
from qgis.PyQt.QtGui import QImage

#: The sections of every report; a run with the programme stage adds "programme" after
#: "collaboration" (SECTIONS, the session's workflow run).
BASE_SECTIONS = ["summary", "sources", "resistance", "connectivity", "zoning", "collaboration",
                 "methods", "ledger", "sites"]
SECTIONS = BASE_SECTIONS[:6] + ["programme"] + BASE_SECTIONS[6:]
MAPS = ["map-sources", "map-resistance", "map-current", "map-pinch-barriers", "map-zones",
        "map-collaboration"]
CHARTS = ["chart-current", "chart-county-zones", "chart-ledger"]
SETTINGS = [("Minimum source area", "0.5 km²"), ("Dispersal distance", "1000 m")]


class Page(HTMLParser):
    """Sections, images, <h2> titles and tables (cells as (text, data-value)) of a report."""

    def __init__(self, text):
        super().__init__()
        self.sections, self.images, self.titles, self.tables = [], {}, {}, {}
        self._section = self._table = self._row = self._cell = self._title = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section":
            self._section = attrs["id"]
            self.sections.append(attrs["id"])
        elif tag == "h2":
            self._title = []
        elif tag == "img":
            self.images[attrs["id"]] = attrs
        elif tag == "table" and attrs.get("id"):
            self._table = self.tables.setdefault(attrs["id"], [])
        elif tag == "tr" and self._table is not None:
            self._row = []
            self._table.append(self._row)
        elif tag in ("td", "th") and self._row is not None:
            self._cell = [[], attrs.get("data-value")]

    def handle_endtag(self, tag):
        if tag == "h2" and self._title is not None:
            self.titles[self._section] = "".join(self._title)
            self._title = None
        elif tag in ("td", "th") and self._cell is not None:
            self._row.append(("".join(self._cell[0]), self._cell[1]))
            self._cell = None
        elif tag == "table":
            self._table = self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell[0].append(data)
        if self._title is not None:
            self._title.append(data)

    def rows(self, ident):
        """The body rows of a table (its header row left out)."""
        return self.tables[ident][1:]


def report_api():
    from esp_toolkit.algorithms.report import writer as report

    return report


def features(path):
    source = ogr.Open(path)
    layer = source.GetLayer(0)
    names = [layer.GetLayerDefn().GetFieldDefn(i).GetName()
             for i in range(layer.GetLayerDefn().GetFieldCount())]
    return [{name: feature.GetField(name) for name in names} for feature in layer]


def copy_run(workflow_folder, target):
    """A copy of the run's products without its report files."""
    shutil.copytree(workflow_folder, target)
    for name in ("report.html", "report.pdf", "report.docx"):
        if os.path.exists(os.path.join(target, name)):
            os.remove(os.path.join(target, name))
    return str(target)


@pytest.fixture(scope="module")
def english(workflow_folder, tmp_path_factory):
    """(folder, outputs, parsed page, html text) of the English report of a copied run."""
    folder = copy_run(workflow_folder, tmp_path_factory.mktemp("report") / "run")
    outputs = report_api().write_report(folder, settings=SETTINGS)
    with open(outputs["REPORT"], encoding="utf-8") as handle:
        text = handle.read()
    return folder, outputs, Page(text), text


def decoded(attrs):
    prefix = "data:image/png;base64,"
    assert attrs["src"].startswith(prefix)
    return base64.b64decode(attrs["src"][len(prefix):])


def extent_aspect(folder):
    """Height / width of the union of the zone raster and the counties, as the maps show."""
    dataset = gdal.Open(os.path.join(folder, "zones.tif"))
    x0, dx, _, y1, _, dy = dataset.GetGeoTransform()
    xs = [x0, x0 + dx * dataset.RasterXSize]
    ys = [y1, y1 + dy * dataset.RasterYSize]
    source = ogr.Open(os.path.join(folder, "county_ledger.gpkg"))  # the layer needs it alive
    minx, maxx, miny, maxy = source.GetLayer(0).GetExtent()
    return (max(ys + [maxy]) - min(ys + [miny])) / (max(xs + [maxx]) - min(xs + [minx]))


# -- structure --------------------------------------------------------------------------------

def test_every_section_in_order(english):
    _, outputs, page, text = english
    assert page.sections == SECTIONS
    assert text.startswith("<!DOCTYPE html>")
    assert os.path.basename(outputs["REPORT"]) == "report.html"


def test_self_contained(english):
    _, _, page, text = english
    # Nothing is fetched from elsewhere: every image is embedded, no stylesheet is linked.
    assert all(attrs["src"].startswith("data:") for attrs in page.images.values())
    assert "<link" not in text and "<script" not in text
    assert len(text.encode("utf-8")) < 8_000_000


def test_maps_are_pngs_of_the_extent(english):
    folder, _, page, _ = english
    aspect = extent_aspect(folder)
    for ident in MAPS:
        assert ident in page.images, ident
        png = decoded(page.images[ident])
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        image = QImage.fromData(png, "PNG")
        assert (image.width(), image.height()) == (int(page.images[ident]["width"]),
                                                   int(page.images[ident]["height"]))
        assert image.width() == 900
        # Side-by-side panels are (900 - 8) / 2 wide, every map has the run's extent.
        panel = 446 if ident == "map-pinch-barriers" else 900
        assert abs(image.height() - panel * aspect) <= 1.5, ident


def not_blank(image):
    """Share of pixels that differ from the corner pixel, number of distinct colours."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    width, height = image.width(), image.height()
    pointer = image.constBits()
    pointer.setsize(height * image.bytesPerLine())
    pixels = np.frombuffer(pointer, np.uint32).reshape(height, -1)[:, :width]
    return float(np.mean(pixels != pixels[0, 0])), np.unique(pixels).size


def test_images_are_not_blank(english):
    _, _, page, _ = english
    for ident in MAPS + CHARTS:
        share, colours = not_blank(QImage.fromData(decoded(page.images[ident]), "PNG"))
        assert share > 0.03 and colours > 10, ident


def test_charts_are_pngs_of_the_chart_size(english):
    _, _, page, _ = english
    for ident in CHARTS:
        png = decoded(page.images[ident])
        image = QImage.fromData(png, "PNG")
        assert png[:4] == b"\x89PNG"
        assert (image.width(), image.height()) == (900, 450), ident


# -- values -----------------------------------------------------------------------------------

def test_zone_table_is_the_raster(english):
    folder, _, page, _ = english
    dataset = gdal.Open(os.path.join(folder, "zones.tif"))
    values = dataset.GetRasterBand(1).ReadAsArray()
    transform = dataset.GetGeoTransform()
    cell_km2 = abs(transform[1] * transform[5]) / 1e6  # EPSG:4546 is in metres
    rows = page.rows("table-zones")
    body, total = rows[:-1], rows[-1]
    assert len(body) == 4
    for zone, row in zip((1, 2, 3, 4), body):
        assert float(row[1][1]) == np.count_nonzero(values == zone)
        assert float(row[2][1]) == pytest.approx(np.count_nonzero(values == zone) * cell_km2)
    data_cells = np.count_nonzero(np.isin(values, (1, 2, 3, 4)))
    assert sum(float(row[2][1]) for row in body) == pytest.approx(data_cells * cell_km2)
    assert float(total[2][1]) == pytest.approx(data_cells * cell_km2)
    assert sum(float(row[3][1]) for row in body) == pytest.approx(100.0)


def test_the_ledger_lists_every_county(english):
    folder, _, page, _ = english
    counties = features(os.path.join(folder, "county_ledger.gpkg"))
    for ident, column, field in (("table-ledger", 1, "area_km2"),
                                 ("table-ledger-zones", 5, "burden_km2")):
        rows = page.rows(ident)
        body, total = rows[:-1], rows[-1]
        # Every county in the ledger's order (no prefectures without the run's group field).
        assert [row[0][0] for row in body] == [c["name"] for c in counties]
        assert [float(row[column][1]) for row in body] == pytest.approx(
            [c[field] for c in counties])
        assert float(total[column][1]) == pytest.approx(sum(c[field] for c in counties))
    if max(c["burden_km2"] for c in counties) > 0:
        assert "chart-ledger" in page.images


def test_sources_and_links_tables(english):
    folder, _, page, _ = english
    sources = features(os.path.join(folder, "sources.gpkg"))
    rows = page.rows("table-sources")
    assert [int(row[0][0]) for row in rows] == sorted(s["source_id"] for s in sources)
    assert sum(float(row[1][1]) for row in rows) == pytest.approx(
        sum(s["area_km2"] for s in sources))
    links = features(os.path.join(folder, "corridor_links.gpkg"))
    rows = page.rows("table-corridors")
    active = sorted(link["Link_ID"] for link in links if link["Active"])
    assert [int(row[0][0]) for row in rows] == active
    by_id = {link["Link_ID"]: link for link in links}
    for row in rows:
        link = by_id[int(row[0][0])]
        assert row[1][0] == "{}–{}".format(link["From_Core"], link["To_Core"])
        assert float(row[2][1]) == pytest.approx(link["LCP_Length"] / 1000.0)
        assert float(row[5][1]) == pytest.approx(link["CW_Dist"])


def test_summary_figures(english):
    folder, _, page, _ = english
    import networkx as nx

    figures = dict((row[0][0], row[1][0]) for row in page.rows("table-summary"))
    sources = features(os.path.join(folder, "sources.gpkg"))
    assert figures["Ecological sources"].startswith("{} sources".format(len(sources)))
    counties = features(os.path.join(folder, "county_ledger.gpkg"))
    assert figures["Counties"].startswith(str(len(counties)))
    crossing = features(os.path.join(folder, "cross_boundary_links.gpkg"))
    assert figures["Cross-boundary corridors"] == str(len(crossing))

    # Modularity of the ledger's collaboration zones on the matrix in the folder.
    with open(os.path.join(folder, "county_matrix.csv"), encoding="utf-8-sig") as handle:
        lines = [line.rstrip("\n").split(",") for line in handle if line.strip()]
    weights = np.array([[float(v or 0) for v in line[1:]] for line in lines[1:]])
    graph = nx.Graph()
    graph.add_nodes_from(range(len(counties)))
    for a in range(len(counties)):
        for b in range(a + 1, len(counties)):
            if weights[a, b] > 0:
                graph.add_edge(a, b, weight=weights[a, b])
    zones = sorted({c["community"] for c in counties if c["community"] is not None})
    groups = [{i for i, c in enumerate(counties) if c["community"] == k} for k in zones]
    groups += [{i} for i, c in enumerate(counties) if c["community"] is None]
    expected = nx.algorithms.community.modularity(graph, groups, weight="weight") \
        if graph.number_of_edges() else 0.0
    assert figures["Collaboration zones"] == "{} (modularity {:.3f})".format(len(zones),
                                                                           expected)


def test_settings_table(english):
    _, _, page, _ = english
    assert [(row[0][0], row[1][0]) for row in page.rows("table-settings")] == SETTINGS


def test_pdf(english):
    _, outputs, _, _ = english
    path = outputs["REPORT_PDF"]
    assert os.path.basename(path) == "report.pdf"
    with open(path, "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    # The title page, then one page per section at least (each starts a page).
    assert gdal.Open(path).GetMetadata("SUBDATASETS") and len(
        gdal.Open(path).GetMetadata("SUBDATASETS")) // 2 >= len(SECTIONS) + 1


def test_without_pdf(workflow_folder, tmp_path):
    folder = copy_run(workflow_folder, tmp_path / "run")
    outputs = report_api().write_report(folder, pdf=False, docx=False)
    assert "REPORT_PDF" not in outputs and "REPORT_DOCX" not in outputs
    assert not os.path.exists(os.path.join(folder, "report.pdf"))
    assert not os.path.exists(os.path.join(folder, "report.docx"))


# -- language ---------------------------------------------------------------------------------

def test_chinese(workflow_folder, tmp_path):
    from esp_toolkit.algorithms import i18n

    folder = copy_run(workflow_folder, tmp_path / "run")
    outputs = report_api().write_report(folder, language=i18n.CHINESE, pdf=False)
    with open(outputs["REPORT"], encoding="utf-8") as handle:
        text = handle.read()
    page = Page(text)
    assert page.sections == SECTIONS
    assert '<html lang="zh-Hans">' in text
    lookup = i18n.translator(i18n.CHINESE)
    if lookup("Report", "1 · Sources") == "1 · Sources":
        pytest.skip("the zh-Hans catalogue has no translation of the report yet")
    for ident, title in zip(SECTIONS[1:5], ("1 · Sources", "2 · Resistance",
                                            "3 · Connectivity", "4 · Zoning")):
        assert page.titles[ident] == lookup("Report", title)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in page.titles[ident]), ident


# -- missing products, cancellation, threads --------------------------------------------------

def test_without_habitat_quality(workflow_folder, tmp_path):
    folder = copy_run(workflow_folder, tmp_path / "run")
    for name in os.listdir(folder):
        if name.startswith(("habitat_quality.", "degradation.")):
            os.remove(os.path.join(folder, name))
    outputs = report_api().write_report(folder, pdf=False)
    with open(outputs["REPORT"], encoding="utf-8") as handle:
        text = handle.read()
    page = Page(text)
    assert page.sections == SECTIONS
    assert "map-sources" in page.images  # drawn over the MSPA classes instead
    sources = text[text.index('<section id="sources">'):text.index('<section id="resistance">')]
    assert 'class="note"' in sources
    summary = dict((row[0][0], row[1][0]) for row in page.rows("table-summary"))
    assert summary["Ecological sources"]


def test_only_the_first_stages(workflow_folder, tmp_path):
    """A run stopped after the resistance stage: the later sections say what is missing."""
    from esp_toolkit.algorithms.workflow.products import PRODUCTS

    folder = copy_run(workflow_folder, tmp_path / "run")
    for product in PRODUCTS:
        if product.stage in ("connectivity", "zoning", "programme"):
            for path in (product.path(folder), product.sidecar(folder)):
                if os.path.exists(path):
                    os.remove(path)
    outputs = report_api().write_report(folder)
    with open(outputs["REPORT"], encoding="utf-8") as handle:
        page = Page(handle.read())
    assert page.sections == BASE_SECTIONS
    assert {"map-sources", "map-resistance"} <= set(page.images)
    assert not set(page.images) & {"map-current", "map-zones", "chart-ledger"}
    assert "table-zones" not in page.tables


def test_empty_folder(tmp_path):
    outputs = report_api().write_report(str(tmp_path), pdf=False)
    with open(outputs["REPORT"], encoding="utf-8") as handle:
        page = Page(handle.read())
    assert page.sections == BASE_SECTIONS
    assert not page.images


def test_without_matplotlib(workflow_folder, tmp_path, monkeypatch):
    """matplotlib is optional: without it the report has its maps and tables, no charts."""
    import sys

    for name in ("matplotlib", "matplotlib.figure", "matplotlib.font_manager",
                 "matplotlib.backends.backend_agg"):
        monkeypatch.setitem(sys.modules, name, None)  # import raises ImportError
    folder = copy_run(workflow_folder, tmp_path / "run")
    outputs = report_api().write_report(folder, pdf=False)
    with open(outputs["REPORT"], encoding="utf-8") as handle:
        page = Page(handle.read())
    assert set(MAPS) <= set(page.images)
    assert not set(CHARTS) & set(page.images)
    assert "table-zones" in page.tables


def test_cancel_leaves_no_report(workflow_folder, tmp_path):
    from esp_toolkit.espcore.errors import Cancelled

    folder = copy_run(workflow_folder, tmp_path / "run")
    before = set(os.listdir(folder))
    with pytest.raises(Cancelled):
        report_api().write_report(folder, feedback=CancelAtOnce())
    assert set(os.listdir(folder)) == before
    assert not os.path.exists(os.path.join(folder, "report.html"))


def test_progress_reaches_100(workflow_folder, tmp_path):
    class Recorder(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.values = []

        def setProgress(self, value):
            self.values.append(value)
            super().setProgress(value)

    folder = copy_run(workflow_folder, tmp_path / "run")
    feedback = Recorder()
    report_api().write_report(folder, feedback=feedback, pdf=False)
    assert feedback.values == sorted(feedback.values)
    assert feedback.values[-1] == 100 and len(feedback.values) > 10


def test_written_in_a_worker_thread(workflow_folder, tmp_path):
    """processAlgorithm runs in a worker thread: maps, charts and the PDF must work there."""
    folder = copy_run(workflow_folder, tmp_path / "run")
    result = {}

    def work():
        try:
            result["outputs"] = report_api().write_report(folder)
        except Exception as error:  # noqa: BLE001  (re-raised in the test's thread)
            result["error"] = error

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(timeout=300)
    assert "error" not in result, result.get("error")
    with open(result["outputs"]["REPORT"], encoding="utf-8") as handle:
        page = Page(handle.read())
    assert set(MAPS) <= set(page.images)
    assert os.path.getsize(result["outputs"]["REPORT_PDF"]) > 1000


def test_number_format():
    from esp_toolkit.algorithms.report.formatting import column_decimals, number

    assert number(1234567.8) == "1,234,568"
    assert number(12.345) == "12.3"
    assert number(0.5) == "0.50"
    assert number(None) == "–" and number(math.nan) == "–"
    assert number(2.5, 3) == "2.500"
    assert [column_decimals(v) for v in (0, 0.05, 0.5, 5, 50, 5000)] == [0, 4, 3, 2, 1, 0]
