"""esp:securitypattern and the model: the whole chain on the tiny landscape of landscape.py."""

import os
import shutil

import numpy as np
import pytest
from conftest import WORKFLOW_SETTINGS, read_raster
from landscape import BLOCK, COUNTIES, FOREST_BLOCKS, SIZE
from qgis.core import (
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsRasterLayer,
)

CELL_KM2 = 0.01  # 100 m cells


def features(path):
    from osgeo import ogr

    source = ogr.Open(path)
    layer = source.GetLayer(0)
    rows = [{**feature.items(), "_geometry": feature.GetGeometryRef().Clone()}
            for feature in layer]
    source = None
    return rows


def run(parameters, **kwargs):
    import processing

    return processing.run("esp:securitypattern", parameters, **kwargs)


def chain_parameters(landscape, folder, **extra):
    values = dict(WORKFLOW_SETTINGS, LANDCOVER=landscape["landcover"],
                  UNITS=landscape["counties"], OUTPUT_FOLDER=str(folder))
    values.update(extra)
    return values


def test_every_product_is_written_and_returned(workflow_run):
    from esp_toolkit.algorithms.workflow.products import PRODUCTS
    from esp_toolkit.algorithms.workflow.steps import MADE_BY

    folder, results = workflow_run
    for product in PRODUCTS:
        if product.key == "REPORT_PDF" and "REPORT_PDF" not in results:
            continue  # written only where Qt can print
        if product.key in MADE_BY and "COMPARE_WITH" in MADE_BY[product.key].needs:
            assert product.key not in results  # the run was not compared with another
            continue
        assert os.path.exists(product.path(folder)), product.file
        assert results[product.key] == product.path(folder)
    assert results["OUTPUT_FOLDER"] == folder


def test_sources_are_the_cores_of_the_four_forest_blocks(workflow_folder):
    # MSPA with a 1-cell edge leaves the inner 10 x 10 cells of each 12 x 12 block as core.
    sources = features(os.path.join(workflow_folder, "sources.gpkg"))
    assert len(sources) == 4
    expected = sorted((500000 + (col + BLOCK / 2) * 100, 3000000 - (row + BLOCK / 2) * 100)
                      for row, col in FOREST_BLOCKS)
    centres = sorted((s["_geometry"].Centroid().GetX(), s["_geometry"].Centroid().GetY())
                     for s in sources)
    np.testing.assert_allclose(centres, expected)
    for source in sources:
        assert source["_geometry"].GetArea() == pytest.approx((BLOCK - 2) ** 2 * 100 * 100)


def test_corridors_link_every_pair_and_the_ledger_counts_them(workflow_folder):
    links = features(os.path.join(workflow_folder, "corridor_links.gpkg"))
    # Four sources, four nearest neighbours each: all six pairs are candidates.
    assert len(links) == 6
    ledger = {row["name"]: row for row in features(os.path.join(workflow_folder,
                                                                "county_ledger.gpkg"))}
    assert sorted(ledger) == sorted(name for name, *_ in COUNTIES)
    for row in ledger.values():
        assert row["area_km2"] == pytest.approx(SIZE * SIZE * CELL_KM2 / 4)
        assert row["src_n"] == 1  # one forest core in each quadrant
        assert row["src_km2"] == pytest.approx((BLOCK - 2) ** 2 * CELL_KM2)
    # Every source lies in its own county, so every corridor crosses a boundary.
    assert len(features(os.path.join(workflow_folder, "cross_boundary_links.gpkg"))) == 6


def test_zones_put_every_source_cell_in_conservation(workflow_folder):
    zones, _ = read_raster(os.path.join(workflow_folder, "zones.tif"))
    ids, _ = read_raster(os.path.join(workflow_folder, "source_ids.tif"))
    in_source = np.isfinite(ids) & (ids > 0)
    assert in_source.sum() == 4 * (BLOCK - 2) ** 2
    # Restoration (2) takes precedence inside sources only where land there is degraded.
    assert set(np.unique(zones[in_source])) <= {1, 2}
    assert (zones[in_source] == 1).mean() > 0.9
    assert np.isfinite(zones).all() and set(np.unique(zones)) <= {1, 2, 3, 4}


def test_styles_lie_beside_the_products(workflow_folder):
    from esp_toolkit.algorithms.workflow.products import PRODUCTS

    for product in PRODUCTS:
        if product.style and os.path.exists(product.path(workflow_folder)):
            assert os.path.exists(product.sidecar(workflow_folder)), product.file
    # The current's colour stops are spread over this run's 2-98 % cumulative range.
    layer = QgsRasterLayer(os.path.join(workflow_folder, "current.tif"), "current")
    low, high = layer.dataProvider().cumulativeCut(1, 0.02, 0.98)
    assert layer.renderer().classificationMin() == pytest.approx(low)
    assert layer.renderer().classificationMax() == pytest.approx(high)


def test_the_toolbox_loads_the_products_the_dock_shows(esp, workflow_landscape, tmp_path):
    from qgis.core import QgsProcessingContext, QgsProject

    from esp_toolkit.algorithms.workflow.products import PRODUCTS

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    results = run(chain_parameters(workflow_landscape, tmp_path, LAST_STAGE=0),
                  context=context)
    loading = context.layersToLoadOnCompletion()
    shown = {p.key for p in PRODUCTS if p.stage == "sources" and p.show}
    assert shown == {"MSPA", "HABITAT_QUALITY", "SOURCES"}
    # No threat tables, so no habitat quality: MSPA and the sources.
    assert "HABITAT_QUALITY" not in results
    assert set(loading) == {results["MSPA"], results["SOURCES"]}
    assert loading[results["SOURCES"]].name == "Ecological sources"


def test_a_stage_alone_reads_the_earlier_products(esp, workflow_landscape, workflow_folder,
                                                  tmp_path):
    folder = tmp_path / "again"
    shutil.copytree(workflow_folder, folder)
    os.remove(folder / "current.tif")
    results = run(chain_parameters(workflow_landscape, folder, FIRST_STAGE=2, LAST_STAGE=2))
    assert "SOURCES" not in results and "ZONES" not in results
    again, _ = read_raster(results["CURRENT"])
    first, _ = read_raster(os.path.join(workflow_folder, "current.tif"))
    np.testing.assert_array_equal(again, first)


def test_the_steps_share_cost_surfaces_and_give_what_they_give_alone(
        esp, workflow_landscape, workflow_folder, tmp_path, monkeypatch):
    """Linkage pathways searches each linked source once; pinch points, barriers and
    collaborative zoning load those surfaces, and every product is the same as without
    sharing. The store's folder is gone afterwards."""
    from contextlib import contextmanager

    from esp_toolkit.algorithms.io import surfaces

    counts = {"get": 0, "hit": 0, "put": 0}
    get, put = surfaces.FolderStore.get, surfaces.FolderStore.put

    def counting_get(store, key):
        found = get(store, key)
        counts["get"] += 1
        counts["hit"] += found is not None
        return found

    def counting_put(store, key, surface):
        counts["put"] += 1
        put(store, key, surface)

    monkeypatch.setattr(surfaces.FolderStore, "get", counting_get)
    monkeypatch.setattr(surfaces.FolderStore, "put", counting_put)
    shared = tmp_path / "shared"
    shutil.copytree(workflow_folder, shared)
    run(chain_parameters(workflow_landscape, shared, FIRST_STAGE=2, LAST_STAGE=3))
    sources = len(features(os.path.join(workflow_folder, "sources.gpkg")))
    assert counts["put"] == sources  # every source is linked: one search each
    assert counts["hit"] == counts["get"] - sources and counts["hit"] >= 3 * sources
    assert not [name for name in os.listdir(shared) if name.startswith(surfaces.PREFIX)]

    @contextmanager
    def no_sharing(folder):
        yield None

    monkeypatch.setattr(surfaces, "sharing", no_sharing)
    alone = tmp_path / "alone"
    shutil.copytree(workflow_folder, alone)
    before = counts["get"]
    run(chain_parameters(workflow_landscape, alone, FIRST_STAGE=2, LAST_STAGE=3))
    assert counts["get"] == before
    for name in ("corridors.tif", "pinchpoints.tif", "barriers.tif", "zones.tif"):
        np.testing.assert_array_equal(read_raster(str(shared / name))[0],
                                      read_raster(str(alone / name))[0], err_msg=name)
    ledger = [{key: value for key, value in row.items() if key != "_geometry"}
              for row in features(str(shared / "county_ledger.gpkg"))]
    assert ledger == [{key: value for key, value in row.items() if key != "_geometry"}
                      for row in features(str(alone / "county_ledger.gpkg"))]
    assert (shared / "restoration_account.csv").read_text() == \
        (alone / "restoration_account.csv").read_text()


def test_a_stage_without_its_predecessors_names_the_missing_step(esp, workflow_landscape,
                                                                 tmp_path):
    with pytest.raises(QgsProcessingException, match="sources.gpkg.*1 · Sources"):
        run(chain_parameters(workflow_landscape, tmp_path, FIRST_STAGE=2))
    with pytest.raises(QgsProcessingException, match="first stage"):
        run(chain_parameters(workflow_landscape, tmp_path, FIRST_STAGE=3, LAST_STAGE=1))


def test_a_failing_step_says_what_to_change(esp, workflow_landscape, tmp_path):
    from landscape import landcover

    # No wetland (CLCD 9) in the landscape: MSPA's own message, naming the classes there are.
    present = ", ".join(str(code) for code in np.unique(landcover()))
    with pytest.raises(QgsProcessingException,
                       match=r"classes \(9\).*classes are {0}\.".format(present)):
        run(chain_parameters(workflow_landscape, tmp_path, FOREGROUND_CLASSES="9"))
    assert not (tmp_path / "mspa.tif").exists() and not (tmp_path / "report.html").exists()


def test_without_threat_tables_habitat_quality_is_skipped_and_dropped(esp, workflow_landscape,
                                                                      workflow_folder, tmp_path):
    folder = tmp_path / "no_quality"
    shutil.copytree(workflow_folder, folder)
    results = run(chain_parameters(workflow_landscape, folder, LAST_STAGE=0))
    assert "HABITAT_QUALITY" not in results
    # The quality of the earlier run with tables is gone: later stages must not read it.
    assert not (folder / "habitat_quality.tif").exists()
    assert not (folder / "habitat_quality.qml").exists()
    assert len(features(results["SOURCES"])) == 4


class CancelAfterFirstStep(QgsProcessingFeedback):
    """Cancels when the first step reports its results."""

    def pushInfo(self, info):
        super().pushInfo(info)
        if info.startswith("Results:"):
            self.cancel()


def test_cancelling_keeps_the_finished_steps_and_writes_nothing_more(esp, workflow_landscape,
                                                                      tmp_path):
    with pytest.raises(QgsProcessingException, match="cancelled. Kept in .*: mspa.tif "):
        run(chain_parameters(workflow_landscape, tmp_path), feedback=CancelAfterFirstStep())
    assert (tmp_path / "mspa.tif").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mspa.qml", "mspa.tif"]


# -- the model --------------------------------------------------------------------------------

def load_model():
    from esp_toolkit.algorithms.workflow.model import MODEL_PATH

    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(MODEL_PATH)
    return model


def test_the_shipped_model_is_the_step_table(esp, tmp_path):
    from esp_toolkit.algorithms.workflow.model import model_steps, write_model

    shipped = load_model()
    assert sorted(shipped.childAlgorithms()) == sorted(step.name for step in model_steps())
    # What the modeler checks before drawing a child white and running the model.
    assert shipped.validate() == (True, [])
    for step in model_steps():
        child = shipped.childAlgorithm(step.name)
        assert child.algorithmId() == step.algorithm
        assert child.algorithm() is not None, step.algorithm
    # Compare what the files mean, not how this QGIS writes them: attribute order changes
    # between runs, and QGIS 3.40 writes models in a newer format than 3.22.
    fresh = QgsProcessingModelAlgorithm()
    path = str(tmp_path / "fresh.model3")
    write_model(path)
    assert fresh.fromFile(path)
    differences = _differences(_meaning(fresh.toVariant()), _meaning(shipped.toVariant()))
    assert not differences, "run `make model` to regenerate it: " + "; ".join(differences[:5])


#: Keys a model's variant holds that say how, not what: the serialisation format's version.
FORMAT_KEYS = ("internal_version",)


def _meaning(variant):
    """A model's variant without what depends on the QGIS version that wrote it.

    QGIS 3.40 also stores the destination parameters it derives from the children's outputs
    (`child:Output` entries of parameterDefinitions); 3.22 derives them on loading. The children
    are compared themselves, so only the model's own inputs' definitions are kept.
    """
    if isinstance(variant, dict) and "parameterDefinitions" in variant:
        inputs = set(variant.get("parameters", {}))
        variant = dict(variant, parameterDefinitions={
            name: value for name, value in variant["parameterDefinitions"].items()
            if name in inputs})
    if isinstance(variant, dict):
        return {key: _meaning(value) for key, value in variant.items() if key not in FORMAT_KEYS}
    if isinstance(variant, (list, tuple)):
        return [_meaning(value) for value in variant]
    return variant


def _differences(left, right, where="model"):
    """Paths of the leaves at which two variants differ."""
    if isinstance(left, dict) and isinstance(right, dict):
        found = []
        for key in sorted(set(left) | set(right), key=str):
            if key not in left or key not in right:
                found.append("{0}.{1} only in one".format(where, key))
            else:
                found += _differences(left[key], right[key], "{0}.{1}".format(where, key))
        return found
    if isinstance(left, list) and isinstance(right, list) and len(left) == len(right):
        return [d for i, (a, b) in enumerate(zip(left, right))
                for d in _differences(a, b, "{0}[{1}]".format(where, i))]
    return [] if left == right else ["{0}: {1!r} != {2!r}".format(where, left, right)]


def test_the_model_gives_the_algorithms_zones(esp, workflow_landscape, tmp_path):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    model = load_model()
    assert model.checkParameterValues({}, QgsProcessingContext())[0] is False
    # As the modeler's dialog does: every input starts at its default.
    parameters = {d.name(): d.defaultValue() for d in model.parameterDefinitions()
                  if not d.isDestination()}
    parameters.update({name: value for name, value in
                       chain_parameters(workflow_landscape, tmp_path / "alg").items()
                       if model.parameterDefinition(name) is not None})
    zones = str(tmp_path / "model_zones.tif")
    for definition in model.destinationParameterDefinitions():
        parameters[definition.name()] = zones if definition.name() == "zones:Restoration zones" \
            else "TEMPORARY_OUTPUT"
    processing.run(model, parameters, feedback=QgsProcessingFeedback())
    reference = run(chain_parameters(workflow_landscape, tmp_path / "alg"))
    ours, _ = read_raster(reference["ZONES"])
    theirs, _ = read_raster(zones)
    np.testing.assert_array_equal(theirs, ours)


def test_the_report_lists_the_settings_the_run_used(workflow_folder):
    import html
    import re

    with open(os.path.join(workflow_folder, "report.html"), encoding="utf-8") as handle:
        page = handle.read()
    table = re.search(r'<table[^>]*id="table-settings".*?</table>', page, re.S).group(0)
    rows = dict((html.unescape(a), html.unescape(b)) for a, b in
                re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td></tr>", table))
    # Given by the test, and left at the algorithm's defaults.
    assert rows["Minimum source area (km²)"] == "0.5"
    assert rows["Unit name field"] == "name"
    assert rows["Habitat classes (MSPA foreground)"] == "2,3,4"
    assert rows["Corridors per source"] == "4"
    assert rows["Administrative units (counties)"] == "counties"
    assert rows["Resistance correction (e.g. night-time light)"] == ""
    assert rows["Report language"] == "English"


def test_the_model_opens_in_the_modeler(esp, qtbot, monkeypatch):
    import importlib

    from esp_toolkit.algorithms.workflow.model import MODEL_PATH, model_steps

    designer_module = importlib.import_module("processing.modeler.ModelerDialog")

    # pytest-qgis's stand-in iface lacks what the designer asks of the real one.
    monkeypatch.setattr(designer_module, "iface", None)
    dialog = designer_module.ModelerDialog.create()
    qtbot.addWidget(dialog)
    dialog.loadModel(MODEL_PATH)
    model = dialog.model()
    assert model.name() == "Ecological security pattern (model)"
    assert sorted(model.childAlgorithms()) == sorted(step.name for step in model_steps())
    assert model.validate() == (True, [])
