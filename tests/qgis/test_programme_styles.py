"""The static styles of the programme stage's vector products (tools/make_programme_styles.py):
each loads onto a layer with the product's fields, classifies on a field the producing
algorithm writes, and draws every feature with one class of the colours chosen."""

import importlib.util

import pytest
from conftest import ROOT
from qgis.core import QgsExpression, QgsFeature, QgsRenderContext, QgsVectorLayer
from qgis.PyQt.QtCore import Qt

from esp_toolkit.algorithms.io.comparison import SCORE_CLASSES, STATUS_COLOURS, indicator_columns
from esp_toolkit.algorithms.io.compensation import LEDGER_FIELDS
from esp_toolkit.algorithms.io.programme import SITE_FIELDS
from esp_toolkit.algorithms.workflow.products import BY_KEY

spec = importlib.util.spec_from_file_location(
    "make_programme_styles", ROOT / "tools" / "make_programme_styles.py")
tool = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tool)

MEMORY_TYPES = {"int": "integer", "double": "double", "string": "string"}
#: The fields of esp:compareesp's link changes (algorithms/io/comparison.write_links).
LINK_FIELDS = (("Link_ID", "int"), ("From_Core", "int"), ("To_Core", "int"),
               ("lcd_before", "double"), ("lcd_after", "double"), ("rel_change", "double"),
               ("status", "string"))


def styled(key, geometry, fields):
    """A memory layer with the product's ``fields`` (name, qgis_compat kind), styled as the
    dock styles it when the run left no sidecar."""
    uri = "{0}?crs=EPSG:4546&{1}".format(geometry, "&".join(
        "field={0}:{1}".format(name, MEMORY_TYPES[kind]) for name, kind in fields))
    layer = QgsVectorLayer(uri, key, "memory")
    assert layer.isValid()
    path = BY_KEY[key].style_path()
    assert path and path.endswith(".qml"), key
    message, ok = layer.loadNamedStyle(path)
    assert ok, message
    return layer


def drawn_with(layer, values):
    """The legend labels each feature with ``values`` (field: value) is drawn with."""
    renderer = layer.renderer()
    context = QgsRenderContext()
    labels = {item.ruleKey(): item.label() for item in renderer.legendSymbolItems()}
    renderer.startRender(context, layer.fields())
    try:
        found = []
        for row in values:
            feature = QgsFeature(layer.fields())
            for name, value in row.items():
                feature.setAttribute(name, value)
            context.expressionContext().setFeature(feature)
            keys = renderer.legendKeysForFeature(feature, context)
            found.append([labels[key] for key in keys if key in labels])  # not the root rule
        return found
    finally:
        renderer.stopRender(context)


def fill_of(symbol):
    return symbol.color().name(), symbol.color().alpha()


def test_the_four_products_name_their_static_styles():
    assert {key: BY_KEY[key].style for key in (
        "PROGRAMME_SITES", "COMPENSATION", "COMPARISON", "CORRIDOR_CHANGE")} == {
        "PROGRAMME_SITES": "restoration_sites.qml", "COMPENSATION": "compensation.qml",
        "COMPARISON": "comparison.qml", "CORRIDOR_CHANGE": "corridor_change.qml"}
    assert set(tool.STYLES) == {BY_KEY[key].style for key in (
        "PROGRAMME_SITES", "COMPENSATION", "COMPARISON", "CORRIDOR_CHANGE")}


def test_sites_are_red_orange_in_the_programme_and_faint_grey_otherwise(qgis_app):
    layer = styled("PROGRAMME_SITES", "MultiPolygon", SITE_FIELDS)
    renderer = layer.renderer()
    assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "chosen"
    categories = {int(c.value()): c for c in renderer.categories()}
    assert set(categories) == {0, 1}
    chosen, left = categories[1], categories[0]
    assert (chosen.label(), left.label()) == ("In the programme", "Not chosen")
    assert fill_of(chosen.symbol()) == ("#e6550d", 255)
    assert chosen.symbol().symbolLayer(0).strokeColor().name() == "#7f2704"
    assert fill_of(left.symbol())[1] < 255  # see-through: what lies below stays readable
    assert drawn_with(layer, [{"chosen": 1}, {"chosen": 0}]) == [
        ["In the programme"], ["Not chosen"]]


def test_compensation_diverges_around_zero_warm_for_payers_cool_for_the_owed(qgis_app):
    layer = styled("COMPENSATION", "MultiPolygon", LEDGER_FIELDS)
    renderer = layer.renderer()
    assert renderer.type() == "graduatedSymbol" and renderer.classAttribute() == "net"
    ranges = renderer.ranges()
    assert len(ranges) == 7
    bounds = [(r.lowerValue(), r.upperValue()) for r in ranges]
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))  # no gap, no overlap
    assert [low for low, _ in bounds] == [-high for _, high in reversed(bounds)]  # symmetric
    colours = [r.symbol().color() for r in ranges]
    assert colours[3].name() == "#ffffff"  # about even: white
    assert all(c.red() > max(c.green(), c.blue()) for c in colours[:3])  # paying: orange, red
    assert all(max(c.green(), c.blue()) > c.red() for c in colours[4:])  # owed: green, blue
    assert [r.label() for r in ranges] == [label for *_, label in tool.COMPENSATION_CLASSES]
    # Owed (> 0) and paying (< 0) as the ledger's net = cost - fair part has them; any amount.
    drawn = drawn_with(layer, [{"net": v} for v in (-1e9, -135.0, -3.3, 0.0, 3.3, 162.4, 1e9)])
    assert drawn == [["Pays over 1,000 (10⁴ CNY)"], ["Pays 100–1,000 (10⁴ CNY)"],
                     ["About even (within 10 × 10⁴ CNY)"], ["About even (within 10 × 10⁴ CNY)"],
                     ["About even (within 10 × 10⁴ CNY)"], ["Owed 100–1,000 (10⁴ CNY)"],
                     ["Owed over 1,000 (10⁴ CNY)"]]


def test_comparison_scores_go_red_to_green_over_fixed_breaks(qgis_app):
    fields = [("unit", "string"), ("group", "string")] + indicator_columns()
    layer = styled("COMPARISON", "MultiPolygon", fields)
    renderer = layer.renderer()
    assert renderer.type() == "graduatedSymbol" and renderer.classAttribute() == "score"
    # The classes and colours of the style esp:compareesp writes itself.
    assert [(r.lowerValue(), r.upperValue(), r.symbol().color().name())
            for r in renderer.ranges()] == [(low, high, colour)
                                            for low, high, colour in SCORE_CLASSES]
    assert drawn_with(layer, [{"score": -100.0}, {"score": 0.0}, {"score": 100.0}]) == [
        ["Much worse (-100 to -50)"], ["About the same (-10 to 10)"],
        ["Much better (50 to 100)"]]


def test_corridor_change_draws_each_link_once_by_status_and_change(qgis_app):
    layer = styled("CORRIDOR_CHANGE", "MultiLineString", LINK_FIELDS)
    renderer = layer.renderer()
    assert renderer.type() == "RuleRenderer"
    rules = renderer.rootRule().children()
    assert len(rules) == 6
    used = set()
    for rule in rules:
        used |= QgsExpression(rule.filterExpression()).referencedColumns()
    assert used == {"status", "rel_change"} <= {name for name, _ in LINK_FIELDS}
    styles = {rule.label(): (rule.symbol().color().name(),
                             rule.symbol().symbolLayer(0).penStyle()) for rule in rules}
    assert styles == {
        "Costlier (over 1 %)": ("#d7191c", Qt.PenStyle.SolidLine),
        "Cheaper (over 1 %)": ("#1a9641", Qt.PenStyle.SolidLine),
        "Unchanged (within 1 %)": ("#969696", Qt.PenStyle.SolidLine),
        "New corridor": ("#2c7bb6", Qt.PenStyle.DashLine),
        "Second corridor between the same sources": ("#2c7bb6", Qt.PenStyle.DashDotLine),
        "Lost corridor": ("#000000", Qt.PenStyle.DotLine)}
    rows = [{"status": "matched", "rel_change": 0.25}, {"status": "matched", "rel_change": -0.4},
            {"status": "matched", "rel_change": 0.004}, {"status": "matched", "rel_change": None},
            {"status": "new"}, {"status": "extra"}, {"status": "lost"}]
    assert {row["status"] for row in rows} == set(STATUS_COLOURS)
    assert drawn_with(layer, rows) == [
        ["Costlier (over 1 %)"], ["Cheaper (over 1 %)"], ["Unchanged (within 1 %)"],
        ["Unchanged (within 1 %)"], ["New corridor"],
        ["Second corridor between the same sources"], ["Lost corridor"]]


@pytest.mark.parametrize("name", sorted(tool.STYLES))
def test_the_styles_draw_no_labels_and_carry_english_legends(qgis_app, name):
    text = (ROOT / "resources" / "styles" / name).read_text(encoding="utf-8")
    assert 'labelsEnabled="0"' in text
    # tools/i18n.py collects these for the catalogue (context "styles").
    assert "label=\"" in text and not any("\u4e00" <= char <= "\u9fff" for char in text)
