"""Write the static styles of the programme stage's vector products to resources/styles.

Usage (from the repository root; rerun after changing a colour, it overwrites the files):

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_programme_styles.py

restoration_sites.qml   PROGRAMME_SITES  categorized on ``chosen``
compensation.qml        COMPENSATION     graduated on ``net`` (diverging, symmetric around 0)
comparison.qml          COMPARISON       graduated on ``score`` (-100 to 100, red to green)
corridor_change.qml     CORRIDOR_CHANGE  rule-based on ``status`` and ``rel_change``

Each style is built on a memory layer with the product's fields and saved with
``saveNamedStyle``. The legend labels are English; algorithms/i18n.translate_legend translates
them at load time (context "styles"), and tools/i18n.py extract collects them from the .qml
files into the catalogue. Symbols are made with ``createSimple`` property maps, so no enum
spelling differs between QGIS 3.22, 3.40 and 4. The rule keys (and category/range uuids of
newer QGIS) are random on every save: they are replaced by fixed ones, so a rerun with the same
QGIS writes the same files (with QT_HASH_SEED=0, set below, the attributes come in the same
order too).
"""

import os
import re
import sys

# Qt writes XML attributes in hash order, seeded at random per process unless this is set
# before QtCore starts: fixed, a rerun writes the same files.
os.environ.setdefault("QT_HASH_SEED", "0")

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsLineSymbol,
    QgsRendererCategory,
    QgsRendererRange,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STYLE_DIR = os.path.join(ROOT, "resources", "styles")

OUTLINE = "#404040"  # county outlines, as algorithms/io/comparison.score_style draws them

# -- PROGRAMME_SITES: restoration_sites.gpkg ----------------------------------------------------
#: (value of ``chosen``, label, fill, outline, outline width mm, fill style)
SITE_CLASSES = (
    (1, "In the programme", "230,85,13,255", "127,39,4,255", "0.5", "solid"),
    # Light grey and half transparent: the candidates left out stay readable over the
    # resistance or the zones below without competing with the chosen sites.
    (0, "Not chosen", "189,189,189,110", "130,130,130,255", "0.26", "solid"),
)

# -- COMPENSATION: compensation.gpkg -----------------------------------------------------------
# ``net`` = cost carried - fair part, in 10^4 CNY (the unit of the sites' cost): above 0 the
# county carried more than its fair part and is owed money, below 0 it pays. A static style
# cannot know a run's amounts, so the breaks are fixed, symmetric around 0 and a decade apart
# (10, 100, 1,000 x 10^4 CNY, i.e. 100 thousand, 1 million and 10 million CNY): a restored
# km² costs from about 15 (tending) to 4,500 (reclaiming built land) x 10^4 CNY, so a county's
# net from a few small sites to a provincial programme falls in one of the decades, and the
# outer classes are open (any amount beyond 1,000). |net| <= 10 is drawn white ("about even"):
# the amounts below 100 thousand CNY that rounding and the smallest transfer leave. Paying
# counties are orange to red (ColorBrewer OrRd), the counties owed money green to blue
# (GnBu), so the two sides read apart even in grey print.
OPEN = 1e15  # the outer bound of the open classes
COMPENSATION_CLASSES = (  # (lower, upper, colour, label)
    (-OPEN, -1000.0, "#d7301f", "Pays over 1,000 (10⁴ CNY)"),
    (-1000.0, -100.0, "#fc8d59", "Pays 100–1,000 (10⁴ CNY)"),
    (-100.0, -10.0, "#fdd49e", "Pays 10–100 (10⁴ CNY)"),
    (-10.0, 10.0, "#ffffff", "About even (within 10 × 10⁴ CNY)"),
    (10.0, 100.0, "#ccebc5", "Owed 10–100 (10⁴ CNY)"),
    (100.0, 1000.0, "#7bccc4", "Owed 100–1,000 (10⁴ CNY)"),
    (1000.0, OPEN, "#2b8cbe", "Owed over 1,000 (10⁴ CNY)"),
)

# -- COMPARISON: comparison.gpkg ---------------------------------------------------------------
# ``score`` from -100 (every indicator worse) to 100 (every one better), 0 = no change. The
# classes and colours of the style esp:compareesp writes itself (SCORE_CLASSES in
# algorithms/io/comparison.py, ColorBrewer RdYlGn), with words in the labels.
COMPARISON_CLASSES = (
    (-100.0, -50.0, "#d7191c", "Much worse (-100 to -50)"),
    (-50.0, -10.0, "#fdae61", "Worse (-50 to -10)"),
    (-10.0, 10.0, "#ffffbf", "About the same (-10 to 10)"),
    (10.0, 50.0, "#a6d96a", "Better (10 to 50)"),
    (50.0, 100.0, "#1a9641", "Much better (50 to 100)"),
)

# -- CORRIDOR_CHANGE: corridor_change.gpkg -----------------------------------------------------
# ``status``: matched (in both runs, with lcd_before, lcd_after and rel_change = (after -
# before) / before), new, extra (a second link after between two matched sources) or lost
# (lcd_after and rel_change NULL). A matched link whose least-cost distance moved by at most
# TOLERANCE (1 %) counts as unchanged: the paths of two runs differ by rounding even where
# nothing was restored. The filters exclude one another, so each link is drawn once.
TOLERANCE = 0.01
MATCHED = "\"status\" = 'matched'"
CORRIDOR_RULES = (  # (label, filter, colour, width mm, line style)
    ("Costlier (over 1 %)", "{0} AND \"rel_change\" > {1}".format(MATCHED, TOLERANCE),
     "#d7191c", "0.8", "solid"),
    ("Cheaper (over 1 %)", "{0} AND \"rel_change\" < -{1}".format(MATCHED, TOLERANCE),
     "#1a9641", "0.8", "solid"),
    ("Unchanged (within 1 %)",
     "{0} AND (\"rel_change\" IS NULL OR abs(\"rel_change\") <= {1})".format(MATCHED, TOLERANCE),
     "#969696", "0.6", "solid"),
    ("New corridor", "\"status\" = 'new'", "#2c7bb6", "0.8", "dash"),
    ("Second corridor between the same sources", "\"status\" = 'extra'", "#2c7bb6", "0.6",
     "dash dot"),
    ("Lost corridor", "\"status\" = 'lost'", "#000000", "0.6", "dot"),
)


def fill(colour, outline=OUTLINE, width="0.26", style="solid"):
    return QgsFillSymbol.createSimple({"color": colour, "style": style,
                                       "outline_color": outline, "outline_width": width,
                                       "outline_style": "solid"})


def line(colour, width, style):
    return QgsLineSymbol.createSimple({"line_color": colour, "line_width": width,
                                       "line_style": style, "capstyle": "round",
                                       "joinstyle": "round"})


def memory_layer(geometry, fields):
    """A memory layer with ``fields`` ("name:type" as in a memory provider URI)."""
    uri = "{0}?crs=EPSG:4326&{1}".format(geometry, "&".join("field=" + f for f in fields))
    layer = QgsVectorLayer(uri, "style", "memory")
    if not layer.isValid():
        raise RuntimeError("cannot make a memory layer " + uri)
    return layer


def sites_renderer():
    categories = [QgsRendererCategory(value, fill(colour, outline, width, style), label)
                  for value, label, colour, outline, width, style in SITE_CLASSES]
    return QgsCategorizedSymbolRenderer("chosen", categories)


def graduated(field, classes):
    ranges = [QgsRendererRange(low, high, fill(colour), label)
              for low, high, colour, label in classes]
    return QgsGraduatedSymbolRenderer(field, ranges)


def corridor_renderer():
    root = QgsRuleBasedRenderer.Rule(None)
    for label, expression, colour, width, style in CORRIDOR_RULES:
        root.appendChild(QgsRuleBasedRenderer.Rule(line(colour, width, style), 0, 0,
                                                   expression, label))
    return QgsRuleBasedRenderer(root)


#: file -> (geometry, fields of the product, renderer factory)
STYLES = {
    "restoration_sites.qml": (
        "MultiPolygon", ("site_id:integer", "kind:string", "cost:double", "d_eca_km2:double",
                         "gain_cost:double", "rank:integer", "chosen:integer", "order:integer"),
        sites_renderer),
    "compensation.qml": (
        "MultiPolygon", ("name:string", "cost:double", "benefit_pct:double",
                         "fair_cost:double", "net:double", "paid:double", "received:double"),
        lambda: graduated("net", COMPENSATION_CLASSES)),
    "comparison.qml": (
        "MultiPolygon", ("unit:string", "group:string", "score:double"),
        lambda: graduated("score", COMPARISON_CLASSES)),
    "corridor_change.qml": (
        "MultiLineString", ("Link_ID:integer", "lcd_before:double", "lcd_after:double",
                            "rel_change:double", "status:string"),
        corridor_renderer),
}

UUID = re.compile(r"\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                  r"[0-9a-fA-F]{12}\}")


def fixed_keys(text):
    """``text`` with each distinct uuid replaced by a fixed one, in order of appearance."""
    keys = {}

    def replace(match):
        key = keys.setdefault(match.group(0), len(keys) + 1)
        return "{{00000000-0000-4000-8000-{0:012d}}}".format(key)

    return UUID.sub(replace, text)


def write(name, geometry, fields, make_renderer):
    layer = memory_layer(geometry, fields)
    layer.setRenderer(make_renderer())
    path = os.path.join(STYLE_DIR, name)
    message, ok = layer.saveNamedStyle(path)
    if not ok:
        raise OSError("{0}: {1}".format(path, message))
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(fixed_keys(text))
    return path


def main():
    application = QgsApplication([], False)
    application.initQgis()
    try:
        for name, (geometry, fields, make_renderer) in STYLES.items():
            print(write(name, geometry, fields, make_renderer))
    finally:
        application.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
