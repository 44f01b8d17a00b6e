"""esp:centrality through processing.run, checked against networkx and by hand.

The network: sources 10, 20, 30 and 40 (square polygons), five active links with CW_Dist as
their resistance, and one inactive link (10-40, CW_Dist NULL) that must stay out of the
circuit and get a NULL score. networkx computes current-flow betweenness on the graph with
conductance 1 / CW_Dist; by the relation documented in espcore/corridors/centrality.py (every pair
counted once, end points carrying 1 A), CF_Central of a link is twice networkx's edge value
and CF_Central of a source is networkx's node value plus (component size - 1).
"""

import os

import networkx as nx
import numpy as np
import processing
import pytest
from nx_reference import portable_flow_rows
from qgis.core import (
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsVectorLayer,
)

from esp_toolkit.algorithms.qgis_compat import GeometryType, SymbolLayerProperty, WkbType

# networkx 2.8 announces a change of its Laplacian's type; irrelevant here.
pytestmark = pytest.mark.filterwarnings("ignore:laplacian_matrix:FutureWarning")
ALG = "esp:centrality"
X0, Y0 = 500000.0, 3000000.0
#: Source id -> centre (x, y) offsets from (X0, Y0), metres.
CENTRES = {10: (0, 0), 20: (1000, 0), 30: (1000, 1000), 40: (2000, 500)}
#: Link_ID, From_Core, To_Core, CW_Dist, Active.
LINKS = ((1, 10, 20, 100.0, 1), (2, 20, 30, 200.0, 1), (3, 30, 10, 300.0, 1),
         (4, 30, 40, 150.0, 1), (5, 20, 40, 250.0, 1), (6, 10, 40, None, 0))


def link_field_spec():
    from esp_toolkit.algorithms.io.links import LINK_FIELDS

    names = {"int": "integer", "double": "double", "string": "string"}
    return "&".join("field={0}:{1}".format(name, names[kind]) for name, kind in LINK_FIELDS)


def links_layer(rows=LINKS, centres=CENTRES, fields=None):
    """A memory line layer with the link fields of 'Linkage pathways' (straight sticks)."""
    spec = fields if fields is not None else link_field_spec()
    layer = QgsVectorLayer("LineString?crs=EPSG:4546&" + spec, "links", "memory")
    names = layer.fields().names()
    features = []
    for link_id, a, b, cw_dist, active in rows:
        feature = QgsFeature(layer.fields())
        (xa, ya), (xb, yb) = centres.get(a, (0, 0)), centres.get(b, (0, 0))
        feature.setGeometry(QgsGeometry.fromWkt("LINESTRING({0} {1}, {2} {3})".format(
            X0 + xa, Y0 + ya, X0 + xb, Y0 + yb)))
        values = {"Link_ID": link_id, "Active": active, "Link_Type": 1 if active else -1,
                  "Link_Info": "link {0}".format(link_id), "From_Core": a, "To_Core": b,
                  "CW_Dist": cw_dist}
        feature.setAttributes([values.get(name) for name in names])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def source_polygons(ids=(10, 20, 30, 40), centres=CENTRES):
    layer = QgsVectorLayer("Polygon?crs=EPSG:4546&field=sid:integer&field=name:string",
                           "sources", "memory")
    features = []
    for pid in ids:
        x, y = centres.get(pid, (5000, 5000))
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(
            "POLYGON(({a} {c}, {b} {c}, {b} {d}, {a} {d}, {a} {c}))".format(
                a=X0 + x - 50, b=X0 + x + 50, c=Y0 + y - 50, d=Y0 + y + 50)))
        feature.setAttributes([pid, "source {0}".format(pid)])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def is_null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull())


def as_layer(value):
    return value if not isinstance(value, str) else QgsVectorLayer(value, "out", "ogr")


def networkx_expected(rows=LINKS):
    """(link CF by Link_ID, source CF by id) from networkx, scaled as documented."""
    graph = nx.Graph()
    for _link_id, a, b, cw_dist, active in rows:
        if active:
            graph.add_edge(a, b, weight=1.0 / cw_dist)
    m = graph.number_of_nodes()
    assert nx.is_connected(graph)
    with portable_flow_rows():
        edges = nx.edge_current_flow_betweenness_centrality(graph, normalized=False,
                                                            weight="weight")
        nodes = nx.current_flow_betweenness_centrality(graph, normalized=False,
                                                       weight="weight")
    by_pair = {frozenset(pair): 2.0 * value for pair, value in edges.items()}
    links = {link_id: by_pair[frozenset((a, b))] for link_id, a, b, _c, active in rows
             if active}
    sources = {node: value + (m - 1) for node, value in nodes.items()}
    return links, sources


def test_links_and_sources_match_networkx(esp):
    links = links_layer()
    result = processing.run(ALG, {"LINKS": links, "SOURCES": source_polygons(),
                                  "SOURCE_ID_FIELD": "sid",
                                  "OUTPUT_LINKS": "TEMPORARY_OUTPUT",
                                  "OUTPUT_SOURCES": "TEMPORARY_OUTPUT"})
    want_links, want_sources = networkx_expected()
    out = as_layer(result["OUTPUT_LINKS"])
    names = out.fields().names()
    assert names == links.fields().names() + ["CF_Central"]
    rows = {f["Link_ID"]: f for f in out.getFeatures()}
    assert sorted(rows) == [1, 2, 3, 4, 5, 6]
    for link_id, value in want_links.items():
        assert rows[link_id]["CF_Central"] == pytest.approx(value, rel=1e-9), link_id
    assert is_null(rows[6]["CF_Central"])
    # Attributes and geometry of the input are kept.
    originals = {f["Link_ID"]: f for f in links.getFeatures()}
    for link_id, feature in rows.items():
        assert feature.attributes()[:-1] == originals[link_id].attributes()
        assert feature.geometry().equals(originals[link_id].geometry())

    sources = as_layer(result["OUTPUT_SOURCES"])
    assert sources.geometryType() == GeometryType.Polygon
    assert sources.fields().names() == ["sid", "name", "CF_Central"]
    got = {f["sid"]: f["CF_Central"] for f in sources.getFeatures()}
    assert sorted(got) == [10, 20, 30, 40]
    for pid, value in want_sources.items():
        assert got[pid] == pytest.approx(value, rel=1e-9), pid


def test_inactive_link_is_null(esp):
    result = processing.run(ALG, {"LINKS": links_layer(), "OUTPUT_LINKS": "TEMPORARY_OUTPUT"})
    out = as_layer(result["OUTPUT_LINKS"])
    inactive = [f for f in out.getFeatures() if f["Active"] == 0]
    assert len(inactive) == 1
    assert is_null(inactive[0]["CF_Central"])
    assert all(not is_null(f["CF_Central"]) for f in out.getFeatures() if f["Active"] == 1)


def test_without_polygons_a_table_of_source_ids(esp):
    result = processing.run(ALG, {"LINKS": links_layer(), "OUTPUT_LINKS": "TEMPORARY_OUTPUT",
                                  "OUTPUT_SOURCES": "TEMPORARY_OUTPUT"})
    table = as_layer(result["OUTPUT_SOURCES"])
    assert table.wkbType() == WkbType.NoGeometry
    assert table.fields().names() == ["source_id", "CF_Central"]
    _, want = networkx_expected()
    got = {f["source_id"]: f["CF_Central"] for f in table.getFeatures()}
    assert sorted(got) == [10, 20, 30, 40]
    for pid, value in want.items():
        assert got[pid] == pytest.approx(value, rel=1e-9)


def test_separate_components_and_isolated_source_by_hand(esp):
    # Two components of two sources each: the only pair of each sends 1 A through its
    # link, so every link carries 1 and every source 1 (end point of one pair); source 50
    # has no link: 0. Pairs across components carry nothing.
    rows = ((1, 10, 20, 100.0, 1), (2, 30, 40, 7.0, 1))
    result = processing.run(ALG, {"LINKS": links_layer(rows),
                                  "SOURCES": source_polygons((10, 20, 30, 40, 50)),
                                  "SOURCE_ID_FIELD": "sid",
                                  "OUTPUT_LINKS": "TEMPORARY_OUTPUT",
                                  "OUTPUT_SOURCES": "TEMPORARY_OUTPUT"})
    links = {f["Link_ID"]: f["CF_Central"] for f in as_layer(result["OUTPUT_LINKS"])
             .getFeatures()}
    assert links == {1: pytest.approx(1.0), 2: pytest.approx(1.0)}
    sources = {f["sid"]: f["CF_Central"] for f in as_layer(result["OUTPUT_SOURCES"])
               .getFeatures()}
    assert sources == {10: pytest.approx(1.0), 20: pytest.approx(1.0),
                       30: pytest.approx(1.0), 40: pytest.approx(1.0), 50: 0.0}


def test_series_and_parallel_by_hand(esp):
    # 10 -(1)- 20 -(1)- 30 and a direct 10-30 link of resistance 2 in parallel with the
    # series path (2): half of each 10-30 amp goes each way. Pairs: 10-20 sends 1 A over a
    # loop 1 || (2 + 1): 3/4 through link 10-20, 1/4 round 20-30-10. By symmetry 20-30 the
    # same. So link 10-20: 3/4 + 1/2 + 1/4 = 1.5, link 20-30 the same, link 10-30:
    # 1/4 + 1/2 + 1/4 = 1.
    rows = ((1, 10, 20, 1.0, 1), (2, 20, 30, 1.0, 1), (3, 10, 30, 2.0, 1))
    result = processing.run(ALG, {"LINKS": links_layer(rows),
                                  "OUTPUT_LINKS": "TEMPORARY_OUTPUT"})
    got = {f["Link_ID"]: f["CF_Central"] for f in as_layer(result["OUTPUT_LINKS"])
           .getFeatures()}
    assert got == {1: pytest.approx(1.5), 2: pytest.approx(1.5), 3: pytest.approx(1.0)}


def test_rerun_on_its_own_output_replaces_cf_central(esp):
    first = processing.run(ALG, {"LINKS": links_layer(), "OUTPUT_LINKS": "TEMPORARY_OUTPUT"})
    again = processing.run(ALG, {"LINKS": first["OUTPUT_LINKS"],
                                 "OUTPUT_LINKS": "TEMPORARY_OUTPUT"})
    layer = as_layer(again["OUTPUT_LINKS"])
    assert layer.fields().names().count("CF_Central") == 1
    want, _ = networkx_expected()
    for feature in layer.getFeatures():
        if feature["Link_ID"] in want:
            assert feature["CF_Central"] == pytest.approx(want[feature["Link_ID"]])


@pytest.mark.parametrize("cw_dist", [0.0, -5.0, None])
def test_active_link_without_positive_cw_dist_is_refused(esp, cw_dist):
    rows = LINKS[:4] + ((5, 20, 40, cw_dist, 1),)
    with pytest.raises(QgsProcessingException, match="Active link 5 has CW_Dist"):
        processing.run(ALG, {"LINKS": links_layer(rows), "OUTPUT_LINKS": "TEMPORARY_OUTPUT"})


def test_other_errors(esp):
    inactive = tuple((i, a, b, c, 0) for i, a, b, c, _ in LINKS)
    with pytest.raises(QgsProcessingException, match="no active link"):
        processing.run(ALG, {"LINKS": links_layer(inactive),
                             "OUTPUT_LINKS": "TEMPORARY_OUTPUT"})
    bare = "field=From_Core:integer&field=To_Core:integer"
    with pytest.raises(QgsProcessingException, match="CW_Dist, Active"):
        processing.run(ALG, {"LINKS": links_layer(fields=bare),
                             "OUTPUT_LINKS": "TEMPORARY_OUTPUT"})


def test_links_style_loads_and_is_data_defined(esp):
    from esp_toolkit.algorithms.base import STYLE_DIR

    result = processing.run(ALG, {"LINKS": links_layer(), "OUTPUT_LINKS": "TEMPORARY_OUTPUT"})
    layer = as_layer(result["OUTPUT_LINKS"])
    message, ok = layer.loadNamedStyle(os.path.join(STYLE_DIR, "centrality_links.qml"))
    assert ok, message
    symbol_layer = layer.renderer().symbol().symbolLayer(0)
    width = symbol_layer.dataDefinedProperties().property(SymbolLayerProperty.StrokeWidth)
    assert width.isActive() and "CF_Central" in width.expressionString()
    # The widths grow with CF_Central: evaluate the expression on every feature.
    context = QgsExpressionContext()
    context.appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    pairs = []
    for feature in layer.getFeatures():
        context.setFeature(feature)
        value, _ok = width.valueAsDouble(context, 0.0)
        pairs.append((feature["CF_Central"], value))
    active = sorted((cf, w) for cf, w in pairs if isinstance(cf, float))
    assert np.all(np.diff([w for _cf, w in active]) >= 0)
    assert active[-1][1] > active[0][1]


def test_link_without_id_is_named_by_its_position(esp):
    # A NULL Link_ID (a hand-edited layer) must not break the reading: the link is then
    # known by its position, the 5th feature here.
    rows = LINKS[:4] + ((None, 20, 40, 0.0, 1),)
    with pytest.raises(QgsProcessingException, match="Active link 5 has CW_Dist"):
        processing.run(ALG, {"LINKS": links_layer(rows), "OUTPUT_LINKS": "TEMPORARY_OUTPUT"})
