"""The products on the map, as the dock and the toolbox load them: the order of the layers,
which start switched off, the legends (no GDAL band name, rounded numbers, named classes,
ranges from the data) and the unit boundaries above the results (issue 20)."""

import os
import shutil

import numpy as np
import pytest
from conftest import WORKFLOW_SETTINGS, write_raster
from qgis.core import (
    QgsLayerTreeGroup,
    QgsLayerTreeModel,
    QgsNumericFormatContext,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt

from esp_toolkit.algorithms.workflow.onmap import MAP_ORDER, PRODUCT_PROPERTY, legend_headings
from esp_toolkit.algorithms.workflow.products import BY_KEY, PRODUCTS, STAGES


@pytest.fixture
def project(esp):
    project = QgsProject.instance()
    project.clear()
    yield project
    project.clear()


def legend_texts(model, node):
    return [item.data(Qt.ItemDataRole.DisplayRole) for item in model.layerLegendNodes(node)]


def stage_nodes(project, title):
    group = next(child for child in project.layerTreeRoot().children()
                 if isinstance(child, QgsLayerTreeGroup) and child.name() == "ESP Toolkit")
    stage = next(child for child in group.children() if child.name() == title)
    return [(node.layer().name(), node.itemVisibilityChecked()) for node in stage.findLayers()]


def test_map_order_names_every_shown_product_once():
    shown = {p.key for p in PRODUCTS if p.show and p.kind in ("raster", "vector")}
    assert shown <= set(MAP_ORDER) and len(MAP_ORDER) == len(set(MAP_ORDER))
    # Loaded now too: the cross-boundary links, the zone polygons and the centrality.
    assert {"CROSS_LINKS", "ZONE_POLYGONS", "CENTRALITY_LINKS", "CENTRALITY_SOURCES"} <= shown
    for product in PRODUCTS:
        if product.show and product.kind == "vector":
            assert product.style or product.key in ("ZONE_POLYGONS", "KEY_AREAS", "LEDGER"), \
                product.key  # the zoning algorithms write those styles themselves


def test_dock_loads_every_product_visible_and_labelled(project, workflow_run,
                                                       workflow_landscape):
    from esp_toolkit.ui.runner import load_products

    folder, results = workflow_run
    counties = QgsVectorLayer(workflow_landscape["counties"], "counties", "ogr")
    landcover = QgsRasterLayer(workflow_landscape["landcover"], "landcover")
    project.addMapLayers([counties, landcover])
    model = QgsLayerTreeModel(project.layerTreeRoot())
    load_products(project, folder, STAGES, results, units=counties.id())

    # The counties' boundaries stay on top of the results, the land cover below them.
    assert [node.name() for node in project.layerTreeRoot().children()] == [
        "counties", "ESP Toolkit", "landcover"]
    # Nothing opaque hides another layer: the current, which covers the whole land, is at the
    # bottom; the corridors raster, which would hide it, and the centrality lines, which lie
    # on the corridors, start switched off.
    assert stage_nodes(project, "3 · Connectivity") == [
        ("Least-cost corridors", True), ("Corridor centrality", False),
        ("Source centrality", False), ("Barriers", True), ("Pinch points", True),
        ("Corridors (NLCC)", False), ("Cumulative current", True)]
    assert stage_nodes(project, "1 · Sources") == [
        ("Ecological sources", True), ("MSPA classes", True), ("Habitat quality", False)]
    headings = legend_headings()
    rasters = [node for node in project.layerTreeRoot().findLayers()
               if node.layer().customProperty(PRODUCT_PROPERTY)
               and isinstance(node.layer(), QgsRasterLayer)]
    assert len(rasters) == 9  # with the resistance after restoration
    for node in rasters:
        texts = legend_texts(model, node)
        # GDAL's band name ("Band 1: cum_curmap (Gray)") is replaced by the heading.
        assert not any("(Gray)" in str(text) or str(text).startswith("Band ")
                       for text in texts), texts
        assert texts[0] == headings[node.layer().customProperty(PRODUCT_PROPERTY)]
    # The classes are named, lowest to highest, with their limits.
    pinch = next(node for node in rasters if node.name() == "Pinch points")
    names = [text.split(" (")[0] for text in legend_texts(model, pinch)[1:]]
    assert names == ["Very low", "Low", "Medium", "High", "Very high"]


def test_the_toolbox_loads_styled_ordered_and_labelled(esp, project, layer_tree_view,
                                                       workflow_landscape, tmp_path):
    import processing

    parameters = dict(WORKFLOW_SETTINGS, LANDCOVER=workflow_landscape["landcover"],
                      UNITS=workflow_landscape["counties"], LAST_STAGE=2,
                      OUTPUT_FOLDER=str(tmp_path / "run"))
    processing.runAndLoadResults("esp:securitypattern", parameters)
    nodes = [node for node in project.layerTreeRoot().findLayers()
             if node.layer().customProperty(PRODUCT_PROPERTY)]
    keys = [node.layer().customProperty(PRODUCT_PROPERTY) for node in nodes]
    # No threat tables, so no habitat quality.
    assert set(keys) == {p.key for p in PRODUCTS if p.show
                         and p.stage not in ("zoning", "programme")
                         and p.key != "HABITAT_QUALITY"}
    assert keys == sorted(keys, key=MAP_ORDER.index)
    model = QgsLayerTreeModel(project.layerTreeRoot())
    for node in nodes:
        layer = node.layer()
        product = BY_KEY[layer.customProperty(PRODUCT_PROPERTY)]
        # Styled as the dock styles them (QGIS would open them grey), switched as there.
        assert node.itemVisibilityChecked() == product.checked, product.key
        if isinstance(layer, QgsRasterLayer):
            assert layer.renderer().type() in ("paletted", "singlebandpseudocolor")
            assert not any("(Gray)" in str(text) for text in legend_texts(model, node))


def test_the_toolbox_keeps_the_units_on_the_map_above_the_products(esp, project,
                                                                   layer_tree_view,
                                                                   workflow_landscape,
                                                                   tmp_path):
    import processing

    counties = QgsVectorLayer(workflow_landscape["counties"], "counties", "ogr")
    project.addMapLayer(counties)
    parameters = dict(WORKFLOW_SETTINGS, LANDCOVER=workflow_landscape["landcover"],
                      UNITS=counties.id(), LAST_STAGE=1, OUTPUT_FOLDER=str(tmp_path / "run"))
    processing.runAndLoadResults("esp:securitypattern", parameters)
    nodes = project.layerTreeRoot().findLayers()
    names = [node.layer().name() for node in nodes]
    products = [index for index, node in enumerate(nodes)
                if node.layer().customProperty(PRODUCT_PROPERTY)]
    assert len(products) >= 3, names  # MSPA, sources, resistance
    assert names.index("counties") < min(products), names


def test_ramp_legends_round_to_three_figures(workflow_folder):
    layer = QgsRasterLayer(os.path.join(workflow_folder, "corridors.tif"), "corridors")
    assert layer.renderer().type() == "singlebandpseudocolor"
    settings = layer.renderer().shader().rasterShaderFunction().legendSettings()
    number = settings.numericFormat()
    assert number.formatDouble(29343.349206, QgsNumericFormatContext()) == "29,300"
    assert number.formatDouble(0.0172701757, QgsNumericFormatContext()) == "0.0173"


def test_resistance_legend_spans_the_data(esp, tmp_path):
    from esp_toolkit.algorithms.workflow.securitypattern import write_sidecar

    # A land-cover preset's 1-1000 after a correction of 0.1-4: 0.1 ... 4000.
    values = np.array([[0.1, 1.0, 30.0], [200.0, 1000.0, 4000.0]], dtype="float32")
    write_raster(tmp_path / "resistance.tif", values, nodata=-1.0)
    product = BY_KEY["RESISTANCE"]
    assert write_sidecar(product, str(tmp_path)) == product.sidecar(str(tmp_path))
    layer = QgsRasterLayer(str(tmp_path / "resistance.tif"), "resistance")
    renderer = layer.renderer()
    assert (renderer.classificationMin(), renderer.classificationMax()) == pytest.approx(
        (0.1, 4000.0))
    items = renderer.shader().rasterShaderFunction().colorRampItemList()
    assert [item.value for item in (items[0], items[-1])] == pytest.approx([0.1, 4000.0])
    assert [item.label for item in (items[0], items[-1])] == ["0.1", "4,000"]
    # The stops keep their spread on a log scale: 10 of 1-1000 is a third of the way.
    assert np.log10(items[1].value) == pytest.approx(-1 + np.log10(40000) / 3, abs=1e-6)


def test_class_names_follow_the_number_of_classes(esp):
    from esp_toolkit.algorithms.io.classes import class_names

    assert class_names(3) == ["Low", "Medium", "High"]
    assert class_names(5)[0] == "Very low" and class_names(5)[-1] == "Very high"
    assert len(set(class_names(7))) == 7
    assert class_names(9)[-1] == "Class 9"


def test_class_names_are_chinese_under_the_chinese_catalogue(esp, tmp_path):
    from esp_toolkit.algorithms import i18n
    from esp_toolkit.algorithms.io.classes import class_style

    path = write_raster(tmp_path / "classes.tif", np.arange(1, 4).reshape(1, -1), nodata=0,
                        dtype="uint8")
    assert i18n.install("zh-Hans")
    try:
        class_style(np.array([0.0, 1.5, 20.0, 29343.349206]), path)
    finally:
        i18n.uninstall()
    layer = QgsRasterLayer(path, "classes")
    labels = [c.label for c in layer.renderer().classes()]
    assert labels == ["低 (0 – 1.5)", "中 (1.5 – 20)", "高 (20 – 29,300)"]


def test_sidecars_of_a_run_with_old_styles_still_load(project, workflow_folder, tmp_path):
    """A folder written before the new product styles (no cross_links.qml) loads too."""
    from esp_toolkit.algorithms.workflow.products import open_layer

    folder = tmp_path / "old"
    shutil.copytree(workflow_folder, folder)
    os.remove(folder / "cross_boundary_links.qml")
    layer = open_layer(BY_KEY["CROSS_LINKS"], str(folder))
    assert layer is not None and layer.renderer().type() == "singleSymbol"
