"""The dock while it runs and what it picks by itself (issue 20): the name field, the number
boxes' decimals (the toolbox's too), the running step on the status line, each message once in
the Log Messages panel, and a cancel message that says what was kept."""

import pytest
from conftest import ROOT, WORKFLOW_SETTINGS
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsDoubleSpinBox, QgsGui, QgsProcessingGui
from test_dock import RUN_TIMEOUT, land, make_dock, small  # noqa: F401 (fixtures)

ALG = "esp:securitypattern"


def memory_layer(fields, rows):
    """A polygon layer with string ``fields`` holding ``rows``."""
    spec = "&".join("field={0}:string".format(name) for name in fields)
    layer = QgsVectorLayer("Polygon?crs=EPSG:4546&" + spec, "units", "memory")
    provider = layer.dataProvider()
    from qgis.core import QgsFeature

    features = []
    for row in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(list(row))
        features.append(feature)
    provider.addFeatures(features)
    return layer


@pytest.mark.parametrize("fields, rows, expected", [
    (("code", "name", "pref_code", "pref_name"), [("430102", "芙蓉区", "430100", "长沙市")],
     "name"),
    (("adcode", "名称"), [("430102", "芙蓉区")], "名称"),
    (("CODE", "NAME"), [("430102", "Furong")], "NAME"),
    (("code", "xian"), [("430102", "芙蓉区")], "xian"),
    (("dm", "bianhao"), [("430102", "430102")], None),
])
def test_the_name_field_is_the_one_with_names(esp, fields, rows, expected):
    from esp_toolkit.ui.dock import name_field

    assert name_field(memory_layer(fields, rows)) == expected


def test_the_name_field_of_the_demo_counties_is_their_name(make_dock, land):  # noqa: F811
    counties = QgsVectorLayer(str(ROOT / "resources" / "demo" / "hunan_counties.gpkg"),
                              "hunan_counties", "ogr")
    assert counties.fields().names()[:2] == ["fid", "code"]  # a code comes first
    QgsProject.instance().addMapLayer(counties)
    dock = make_dock()
    dock.editors["UNITS"].set_value(counties)
    dock.editors["UNIT_NAME_FIELD"].set_value(None)
    dock._pick_name_field()
    assert dock.editors["UNIT_NAME_FIELD"].value() == "name"


def test_number_boxes_show_sensible_decimals(make_dock, land):  # noqa: F811
    dock = make_dock()
    boxes = {name: dock.editors[name].widget for name in ("MIN_AREA", "DISTANCE",
                                                          "HALF_SATURATION", "BUFFER")}
    assert {name: box.decimals() for name, box in boxes.items()} == {
        "MIN_AREA": 2, "DISTANCE": 0, "HALF_SATURATION": 3, "BUFFER": 0}
    assert boxes["MIN_AREA"].text() == "30.00" and boxes["DISTANCE"].text() == "10000"
    # The toolbox's dialog reads the same choice from the parameter.
    definition = QgsApplication.processingRegistry().algorithmById(ALG).parameterDefinition(
        "MIN_AREA")
    wrapper = QgsGui.processingGuiRegistry().createParameterWidgetWrapper(
        definition, QgsProcessingGui.WidgetType.Standard)
    widget = wrapper.createWrappedWidget(QgsProcessingContext())
    spins = [widget] if isinstance(widget, QgsDoubleSpinBox) else widget.findChildren(
        QgsDoubleSpinBox)
    assert spins and spins[0].decimals() == 2 and "30.00" in spins[0].text()
    assert "30.000000" not in spins[0].text()


def test_an_optional_number_without_default_stays_unset(make_dock, land):  # noqa: F811
    dock = make_dock()
    editor = dock.editors["MIN_QUALITY"]
    assert editor.value() is None and "MIN_QUALITY" not in dock.parameters()
    assert editor.widget.text() == "Not set"
    editor.set_value(0.6)
    assert dock.parameters()["MIN_QUALITY"] == pytest.approx(0.6)
    editor.restore("")
    assert editor.value() is None


def test_the_status_line_names_the_running_step(make_dock, land, qtbot, tmp_path):  # noqa: F811
    dock = make_dock()
    small(dock, tmp_path / "out")
    seen = []
    with qtbot.waitSignal(dock.runFinished, timeout=RUN_TIMEOUT) as blocker:
        assert dock.run_stage("sources")
        # Connected after the dock's own slot: the status line has been set when this runs.
        dock.run.stepStarted.connect(lambda *_step: seen.append(dock.status.text()))
    assert blocker.args == [True], dock.status.text()
    from esp_toolkit.algorithms.workflow.steps import STEPS

    # Habitat quality is skipped without threat tables: its step is not announced.
    steps = [step for step in STEPS if step.stage == "sources"]
    registry = QgsApplication.processingRegistry()
    assert seen == ["Running 1 · Sources, step {0} of {1}: {2} …".format(
        n, len(steps), registry.algorithmById(step.algorithm).displayName())
        for n, step in enumerate(steps, 1) if not step.needs]
    assert len(seen) >= 2


def test_each_message_is_logged_once(make_dock, land, qtbot, tmp_path):  # noqa: F811
    logged = []

    def keep(message, tag, level):
        logged.append((message, int(getattr(level, "value", level))))

    log = QgsApplication.messageLog()
    log.messageReceived.connect(keep)
    try:
        dock = make_dock()
        small(dock, tmp_path / "out")
        dock.editors["MIN_AREA"].set_value(1e6)  # no patch is that large: the step fails
        with qtbot.waitSignal(dock.runFinished, timeout=RUN_TIMEOUT) as blocker:
            assert dock.run_all()
        qtbot.wait(300)  # messages from the task's thread arrive queued
    finally:
        log.messageReceived.disconnect(keep)
    assert blocker.args == [False]
    critical = int(getattr(Qgis.MessageLevel.Critical, "value", Qgis.MessageLevel.Critical))
    errors = [message for message, level in logged if level == critical]
    assert len(errors) == 1 and "minimum area" in errors[0], errors
    assert dock.status.text() == errors[0]
    # The steps still reach the log, once each.
    steps = [message for message, _level in logged if message.startswith("Step 1/")]
    assert len(steps) == 1 and steps[0].endswith(": esp:mspa")


class CancelAtTheReport(QgsProcessingFeedback):
    def pushInfo(self, info):
        super().pushInfo(info)
        if info.endswith(": report"):
            self.cancel()


def test_a_cancel_during_the_report_says_what_was_kept(esp, workflow_landscape, tmp_path):
    import processing

    folder = tmp_path / "run"
    parameters = dict(WORKFLOW_SETTINGS, LANDCOVER=workflow_landscape["landcover"],
                      UNITS=workflow_landscape["counties"], OUTPUT_FOLDER=str(folder))
    with pytest.raises(QgsProcessingException) as caught:
        processing.run(ALG, parameters, feedback=CancelAtTheReport())
    message = str(caught.value)
    assert "no output was written" not in message
    assert message.startswith("The run was cancelled. Kept in {0}: ".format(folder))
    kept = message.split(": ", 1)[1].split(", finished")[0].split(", ")
    assert "mspa.tif" in kept and "zones.tif" in kept and "county_ledger.gpkg" in kept
    assert not any(name.endswith(".qml") for name in kept)
    assert set(kept) <= {path.name for path in folder.iterdir()}
    assert not (folder / "report.html").exists()
