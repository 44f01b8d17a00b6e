"""The dock (ui/): built from esp:securitypattern's parameters, runs it in the background,
loads the products into the group "ESP Toolkit", saves its values with the project.

Runs use the tiny landscape of landscape.py (four forest blocks, one per county, 60 x 60
cells) with settings small enough for it; every test works without iface, as under pytest.
"""

import gc
import os
import re
import tempfile
import xml.etree.ElementTree as ElementTree

import pytest
from landscape import write_landscape
from qgis.core import (
    QgsApplication,
    QgsLayerTreeGroup,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)
from qgis.gui import QgsDoubleSpinBox, QgsFieldComboBox, QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QEvent, Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSpinBox,
    QToolButton,
)

from esp_toolkit.algorithms.qgis_compat import LayerFilter

ALG = "esp:securitypattern"
RUN_TIMEOUT = 180_000  # ms
# Settings that make the chain run on the 60 x 60 landscape (blocks of 1.44 km², 3.6 km
# apart): the defaults are made for a province.
SMALL = {"QUALITY_CLASSES": 0, "MIN_AREA": 0.5, "DISTANCE": 1000.0, "TOP_N": 4,
         "MIN_RADIUS": 200.0,
         "MAX_RADIUS": 400.0, "STEP": 200.0, "CORRIDOR_WIDTH": 5000.0, "PINCH_WIDTH": 3000.0,
         "BUFFER": 200.0}
# The layers the dock adds (products marked `show` in algorithms/workflow/products.py), by stage.
SHOWN = {"sources": {"MSPA classes", "Ecological sources"},
         "resistance": {"Resistance surface"},
         "connectivity": {"Cumulative current", "Corridors (NLCC)", "Least-cost corridors",
                          "Pinch points", "Barriers", "Corridor centrality",
                          "Source centrality"},
         "zoning": {"Restoration zones", "Key restoration areas", "County ledger",
                    "Cross-boundary corridors", "Zone polygons"},
         "programme": {"Restoration sites (priority)", "Resistance after restoration",
                       "Compensation ledger"}}


@pytest.fixture
def land(esp, tmp_path):
    """The landscape's land cover and counties in the (otherwise empty) project."""
    project = QgsProject.instance()
    project.clear()
    paths = write_landscape(tmp_path / "land")
    landcover = QgsRasterLayer(paths["landcover"], "landcover")
    counties = QgsVectorLayer(paths["counties"], "counties", "ogr")
    assert landcover.isValid() and counties.isValid()
    project.addMapLayers([landcover, counties])
    paths["landcover_layer"], paths["counties_layer"] = landcover, counties
    yield paths
    project.clear()


@pytest.fixture
def make_dock(esp, qtbot):
    from esp_toolkit.ui.dock import EspDock

    docks = []

    def make():
        dock = EspDock(None)
        qtbot.addWidget(dock)
        dock.resize(380, 900)
        docks.append(dock)
        return dock

    yield make
    for dock in docks:
        if dock.is_running():
            dock.cancel()
            qtbot.waitUntil(lambda d=dock: not d.is_running(), timeout=RUN_TIMEOUT)
        dock.close_down()


def small(dock, folder):
    for name, value in SMALL.items():
        dock.editors[name].set_value(value)
    dock.set_output_folder(str(folder))


def run(qtbot, dock, button):
    with qtbot.waitSignal(dock.runFinished, timeout=RUN_TIMEOUT) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert dock.is_running(), dock.status.text()
        # While it runs only Cancel is enabled: the interface stays usable, not the buttons.
        assert dock.cancel_button.isEnabled() and not dock.run_all_button.isEnabled()
        assert not any(b.isEnabled() for b in dock.step_buttons.values())
    return blocker.args[0]


def esp_group():
    root = QgsProject.instance().layerTreeRoot()
    groups = [g for g in root.children() if isinstance(g, QgsLayerTreeGroup)
              and g.name() == "ESP Toolkit"]
    assert len(groups) <= 1
    return groups[0] if groups else None


def group_layers():
    """{stage sub-group name: {layer name: layer}} of the group "ESP Toolkit"."""
    group = esp_group()
    if group is None:
        return {}
    return {sub.name(): {node.layer().name(): node.layer() for node in sub.findLayers()}
            for sub in group.children() if isinstance(sub, QgsLayerTreeGroup)}


def sidecar_renderer(path):
    """The renderer type a .qml file sets, read from the XML."""
    root = ElementTree.parse(path).getroot()
    node = root.find(".//rasterrenderer")
    if node is None:
        node = root.find(".//renderer-v2")
    return node.get("type")


def test_dock_builds_its_sections_from_the_algorithm(make_dock, land):
    dock = make_dock()
    alg = QgsApplication.processingRegistry().algorithmById(ALG)
    controls = {"FIRST_STAGE", "LAST_STAGE", "OUTPUT_FOLDER"}
    names = {d.name() for d in alg.parameterDefinitions()} - controls
    assert set(dock.editors) == names
    assert [box.title() for box in dock.sections.values()] == [
        "Inputs", "1 · Sources", "2 · Resistance", "3 · Connectivity", "4 · Zoning",
        "5 · Programme"]
    assert list(dock.step_buttons) == ["sources", "resistance", "connectivity", "zoning",
                                       "programme"]
    # The earlier run to compare with is a folder.
    assert dock.editors["COMPARE_WITH"].widget.storageMode() == \
        QgsFileWidget.StorageMode.GetDirectory

    widgets = {name: editor.widget for name, editor in dock.editors.items()}
    assert isinstance(widgets["LANDCOVER"], QgsMapLayerComboBox)
    assert widgets["LANDCOVER"].filters() == LayerFilter.RasterLayer
    assert widgets["UNITS"].filters() == LayerFilter.PolygonLayer
    assert widgets["CORRECTION"].allowEmptyLayer() and widgets["CORRECTION"].currentLayer() is None
    assert isinstance(widgets["UNIT_NAME_FIELD"], QgsFieldComboBox)
    assert widgets["UNIT_NAME_FIELD"].layer() is land["counties_layer"]
    assert isinstance(widgets["THREATS_TABLE"], QgsFileWidget)
    assert isinstance(widgets["TOP_N"], QSpinBox)
    assert isinstance(widgets["MIN_AREA"], QgsDoubleSpinBox)
    assert isinstance(widgets["FOREGROUND_CLASSES"], QLineEdit)
    preset = alg.parameterDefinition("RESISTANCE_PRESET")
    combo = widgets["RESISTANCE_PRESET"]
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == preset.options()
    # Labels and tooltips are the algorithm's descriptions and help texts.
    labels = {label.buddy(): label for label in dock.findChildren(QLabel) if label.buddy()}
    for name, widget in widgets.items():
        definition = alg.parameterDefinition(name)
        assert labels[widget].text() == definition.description()
        assert widget.toolTip() == definition.help() != ""
    # The land cover and the counties are picked from the project, the name field too.
    assert dock.editors["LANDCOVER"].layer() is land["landcover_layer"]
    assert dock.editors["UNITS"].layer() is land["counties_layer"]
    assert dock.editors["UNIT_NAME_FIELD"].value() == "name"


def test_defaults_are_the_algorithms(make_dock, land):
    dock = make_dock()
    alg = QgsApplication.processingRegistry().algorithmById(ALG)
    params = dock.parameters()
    checked = 0
    for name in dock.editors:
        default = alg.parameterDefinition(name).defaultValue()
        if default is not None:
            assert params[name] == default, name
            checked += 1
    assert checked >= 15
    # The values the specification gives, by hand.
    assert (params["MIN_AREA"], params["DISTANCE"], params["TOP_N"], params["NEAREST"],
            params["BUFFER"], params["FOREGROUND_CLASSES"], params["BREAK_CLASSES"],
            params["RESISTANCE_PRESET"], params["REPORT_LANGUAGE"]) == (
        30.0, 10000.0, 40, 4, 1000.0, "2,3,4", "8", 0, 0)
    assert (params["FIRST_STAGE"], params["LAST_STAGE"]) == (0, 4)
    # Before the project is saved: a folder of this dock's own under Documents (or the home
    # folder), not in the temporary folder, which the system empties.
    folder = params["OUTPUT_FOLDER"]
    assert os.path.basename(os.path.dirname(folder)) == "ESP Toolkit"
    assert os.path.dirname(os.path.dirname(folder)) in (
        os.path.expanduser("~"), os.path.join(os.path.expanduser("~"), "Documents"))
    assert re.fullmatch(r"\d{4}-\d\d-\d\d_\d{6}", os.path.basename(folder))
    assert not folder.startswith(tempfile.gettempdir())
    assert make_dock().output_folder() == folder or make_dock().output_folder() > folder


def test_parameter_dict_is_what_the_widgets_show(make_dock, land, tmp_path):
    dock = make_dock()
    widgets = {name: editor.widget for name, editor in dock.editors.items()}
    correction = QgsRasterLayer(land["threat_road"], "night light")
    QgsProject.instance().addMapLayer(correction)
    widgets["CORRECTION"].setLayer(correction)
    widgets["GROUP_FIELD"].setField("pref")
    widgets["UNIT_NAME_FIELD"].setField("name")
    widgets["THREATS_TABLE"].setFilePath(land["threats"])
    widgets["SENSITIVITY_TABLE"].setFilePath(land["sensitivity"])
    widgets["FOREGROUND_CLASSES"].setText("2, 5")
    widgets["MIN_AREA"].setValue(0.25)
    widgets["DISTANCE"].setValue(2500)
    widgets["TOP_N"].setValue(7)
    widgets["HALF_SATURATION"].setValue(0.4)
    widgets["MIN_DPC"].setValue(0.1)
    widgets["RESISTANCE_PRESET"].setCurrentIndex(1)
    widgets["NEAREST"].setValue(2)
    widgets["CORRIDOR_WIDTH"].setValue(12000)
    widgets["PINCH_WIDTH"].setValue(4000)
    widgets["MIN_RADIUS"].setValue(300)
    widgets["MAX_RADIUS"].setValue(900)
    widgets["STEP"].setValue(300)
    widgets["BUFFER"].setValue(150)
    widgets["BREAK_CLASSES"].setText("8,1")
    widgets["REPORT_LANGUAGE"].setCurrentIndex(2)
    dock.folder_widget.setFilePath(str(tmp_path / "out"))
    assert dock.parameters(1, 2) == {
        "LANDCOVER": land["landcover_layer"].id(), "UNITS": land["counties_layer"].id(),
        "UNIT_NAME_FIELD": "name", "GROUP_FIELD": "pref", "CORRECTION": correction.id(),
        "THREATS_TABLE": land["threats"], "SENSITIVITY_TABLE": land["sensitivity"],
        "FOREGROUND_CLASSES": "2, 5", "QUALITY_CLASSES": 5, "MIN_AREA": 0.25,
        "DISTANCE": 2500.0, "TOP_N": 7,
        "HALF_SATURATION": 0.4, "MIN_DPC": 0.1, "RESISTANCE_PRESET": 1, "NEAREST": 2,
        "CORRIDOR_WIDTH": 12000.0, "PINCH_WIDTH": 4000.0, "MIN_RADIUS": 300.0,
        "MAX_RADIUS": 900.0, "STEP": 300.0, "BUFFER": 150.0, "BREAK_CLASSES": "8,1",
        "REPORT_LANGUAGE": 2, "BUDGET": 50000.0, "OWN_SHARE": 0.0, "FIRST_STAGE": 1,
        "LAST_STAGE": 2, "OUTPUT_FOLDER": str(tmp_path / "out")}
    # Emptied optional inputs are left out, so the algorithm takes its own default.
    widgets["CORRECTION"].setLayer(None)
    widgets["GROUP_FIELD"].setField("")
    widgets["THREATS_TABLE"].setFilePath("")
    params = dock.parameters()
    assert not {"CORRECTION", "GROUP_FIELD", "THREATS_TABLE"} & set(params)


def test_run_all_loads_the_styled_products_and_the_report(make_dock, land, qtbot, tmp_path,
                                                          monkeypatch):
    dock = make_dock()
    folder = tmp_path / "out"
    small(dock, folder)
    dock.editors["THREATS_TABLE"].set_value(land["threats"])
    dock.editors["SENSITIVITY_TABLE"].set_value(land["sensitivity"])
    assert not dock.report_button.isEnabled()

    assert run(qtbot, dock, dock.run_all_button), dock.status.text()
    layers = group_layers()
    expected = dict(SHOWN, sources=SHOWN["sources"] | {"Habitat quality"})
    assert list(layers) == ["5 · Programme", "4 · Zoning", "3 · Connectivity", "2 · Resistance",
                            "1 · Sources"]
    assert {name: set(found) for name, found in zip(expected, reversed(list(
        layers.values())))} == expected
    for found in layers.values():
        for layer in found.values():
            assert layer.isValid() and layer.source().startswith(str(folder))
            qml = os.path.splitext(layer.source().split("|")[0])[0] + ".qml"
            assert os.path.exists(qml), layer.name()
            assert layer.renderer().type() == sidecar_renderer(qml), layer.name()
    # Only the last stage is switched on, so its rasters are not hidden under the others.
    group = esp_group()
    visible = [sub.name() for sub in group.children() if sub.itemVisibilityChecked()]
    assert visible == ["5 · Programme"]
    # Top to bottom, lines over polygons over the raster; the ledger's filled county
    # polygons and the zone polygons start switched off, or they would hide the zones.
    switched = [(node.layer().name(), node.itemVisibilityChecked())
                for node in group.children()[0].findLayers()]
    assert switched == [("Restoration sites (priority)", True),
                        ("Resistance after restoration", False),
                        ("Compensation ledger", False)]
    switched = [(node.layer().name(), node.itemVisibilityChecked())
                for node in group.children()[1].findLayers()]
    assert switched == [("Cross-boundary corridors", True), ("Key restoration areas", True),
                        ("County ledger", False), ("Zone polygons", False),
                        ("Restoration zones", True)]
    # The counties' boundaries stay above the products.
    root = QgsProject.instance().layerTreeRoot()
    counties = root.findLayer(land["counties_layer"].id())
    assert root.children().index(counties) < root.children().index(group)
    assert (folder / "report.html").exists() and dock.report_button.isEnabled()
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    qtbot.mouseClick(dock.report_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(folder / "report.html"))]
    assert dock.progress.value() == 100

    # A second run replaces the layers instead of adding a second set.
    first_ids = {layer.id() for found in layers.values() for layer in found.values()}
    assert run(qtbot, dock, dock.run_all_button), dock.status.text()
    again = group_layers()
    assert {k: set(v) for k, v in again.items()} == {k: set(v) for k, v in layers.items()}
    again_ids = {layer.id() for found in again.values() for layer in found.values()}
    assert not again_ids & first_ids
    assert not set(QgsProject.instance().mapLayers()) & first_ids


def test_run_step_reads_the_earlier_stages_products(make_dock, land, qtbot, tmp_path):
    dock = make_dock()
    folder = tmp_path / "steps"
    small(dock, folder)
    connectivity = dock.step_buttons["connectivity"]

    # Nothing to read yet: the algorithm's error is shown and nothing is loaded.
    assert not run(qtbot, dock, connectivity)
    assert "missing" in dock.status.text() and group_layers() == {}

    assert run(qtbot, dock, dock.step_buttons["sources"]), dock.status.text()
    assert list(group_layers()) == ["1 · Sources"]
    assert run(qtbot, dock, dock.step_buttons["resistance"]), dock.status.text()
    assert run(qtbot, dock, connectivity), dock.status.text()
    layers = group_layers()
    assert list(layers) == ["3 · Connectivity", "2 · Resistance", "1 · Sources"]
    assert set(layers["3 · Connectivity"]) == SHOWN["connectivity"]
    # The step ran alone: the earlier products were read, not rewritten; no zoning.
    assert (folder / "current.tif").exists()
    assert not (folder / "zones.tif").exists() and not (folder / "report.html").exists()
    assert not dock.report_button.isEnabled()
    sources_layer = layers["1 · Sources"]["Ecological sources"]
    assert QgsProject.instance().mapLayer(sources_layer.id()) is sources_layer


def test_cancel_stops_the_run_and_leaves_the_group(make_dock, land, qtbot, tmp_path):
    dock = make_dock()
    small(dock, tmp_path / "first")
    assert run(qtbot, dock, dock.step_buttons["sources"]), dock.status.text()
    before = {name: {n: layer.id() for n, layer in found.items()}
              for name, found in group_layers().items()}

    folder = tmp_path / "cancelled"
    dock.set_output_folder(str(folder))
    with qtbot.waitSignal(dock.runFinished, timeout=RUN_TIMEOUT) as blocker:
        assert dock.run_all()
        # Cancel at the first progress report: the run is under way, not merely queued.
        dock.run.progressChanged.connect(lambda _value: dock.cancel())
    assert blocker.args == [False]
    assert not dock.is_running() and dock.status.text() == "Cancelled."
    assert dock.run_all_button.isEnabled() and not dock.cancel_button.isEnabled()
    assert not (folder / "report.html").exists()
    after = {name: {n: layer.id() for n, layer in found.items()}
             for name, found in group_layers().items()}
    assert after == before


def test_values_are_saved_with_the_project(make_dock, land, qtbot, tmp_path):
    project = QgsProject.instance()
    dock = make_dock()
    widgets = {name: editor.widget for name, editor in dock.editors.items()}
    correction = QgsRasterLayer(land["threat_road"], "night light")
    project.addMapLayer(correction)
    widgets["CORRECTION"].setLayer(correction)
    widgets["GROUP_FIELD"].setField("pref")
    widgets["THREATS_TABLE"].setFilePath(land["threats"])
    widgets["MIN_AREA"].setValue(0.75)
    widgets["TOP_N"].setValue(3)
    widgets["RESISTANCE_PRESET"].setCurrentIndex(1)
    widgets["BREAK_CLASSES"].setText("8,7")
    widgets["REPORT_LANGUAGE"].setCurrentIndex(1)
    dock.folder_widget.setFilePath(str(tmp_path / "mine"))
    saved = dock.parameters()

    path = str(tmp_path / "project" / "esp.qgz")
    os.makedirs(os.path.dirname(path))
    assert project.write(path)
    project.clear()
    # A cleared project leaves the dock at the algorithm's defaults.
    assert dock.parameters()["MIN_AREA"] == 30.0 and "CORRECTION" not in dock.parameters()
    assert project.read(path)
    assert dock.parameters() == saved
    # A dock opened on a project that is already open restores the values too.
    assert make_dock().parameters() == saved


def test_output_folder_follows_the_project(make_dock, land, tmp_path):
    project = QgsProject.instance()
    dock = make_dock()
    path = tmp_path / "study" / "hunan.qgz"
    path.parent.mkdir()
    assert project.write(str(path))
    assert dock.output_folder() == str(tmp_path / "study" / "esp_output")
    # A folder of the user's own stays when the project moves.
    dock.folder_widget.setFilePath(str(tmp_path / "elsewhere"))
    assert project.write(str(tmp_path / "moved.qgz"))
    assert dock.output_folder() == str(tmp_path / "elsewhere")


def test_dock_outlives_a_reload_of_the_provider(esp, make_dock, land, qtbot, tmp_path):
    dock = make_dock()
    small(dock, tmp_path / "out")
    expected = dock.parameters(0, 0)
    esp.unload()  # deletes the algorithm objects the dock was built from
    esp.initProcessing()
    dock.reset()
    assert dock.parameters()["MIN_AREA"] == 30.0
    small(dock, tmp_path / "out")
    assert dock.parameters(0, 0) == expected
    assert run(qtbot, dock, dock.step_buttons["sources"]), dock.status.text()
    assert set(group_layers()["1 · Sources"]) == SHOWN["sources"]


class FakeIface:
    """The few iface calls the plugin makes, recorded."""

    def __init__(self):
        self.window = QMainWindow()
        self.menu, self.toolbar, self.docks = [], [], []

    def mainWindow(self):
        return self.window

    def addPluginToMenu(self, name, action):
        self.menu.append((name, action))

    def removePluginMenu(self, name, action):
        self.menu.remove((name, action))

    def addToolBarIcon(self, action):
        self.toolbar.append(action)

    def removeToolBarIcon(self, action):
        self.toolbar.remove(action)

    def addDockWidget(self, area, dock):
        self.window.addDockWidget(area, dock)
        self.docks.append((area, dock))

    def removeDockWidget(self, dock):
        self.window.removeDockWidget(dock)
        self.docks = [(a, d) for a, d in self.docks if d is not dock]


def test_plugin_action_opens_and_closes_the_dock(esp, qtbot, land):
    from esp_toolkit.plugin import EspToolkitPlugin
    from esp_toolkit.ui.dock import EspDock

    iface = FakeIface()
    qtbot.addWidget(iface.window)
    plugin = EspToolkitPlugin(iface)
    registry = QgsApplication.processingRegistry()
    registry.removeProvider(esp.provider)  # the GUI plugin registers its own provider
    try:
        plugin.initGui()
        action = plugin.action
        assert iface.menu == [("ESP Toolkit", action)] and iface.toolbar == [action]
        assert action.isCheckable() and not action.icon().isNull()
        assert plugin.dock is None  # made when first asked for
        iface.window.show()
        action.trigger()
        assert isinstance(plugin.dock, EspDock) and plugin.dock.isVisible()
        assert iface.docks == [(Qt.DockWidgetArea.RightDockWidgetArea, plugin.dock)]
        plugin.dock.close()  # the dock's own close button unchecks the action
        assert not action.isChecked() and not plugin.dock.isVisible()
        action.trigger()
        assert plugin.dock.isVisible()
        dock = plugin.dock
        plugin.unload()
        assert iface.menu == [] and iface.toolbar == [] and iface.docks == []
        assert plugin.dock is None and plugin.action is None
        assert registry.providerById("esp") is None
        # deleteLater's event is delivered only at the event-loop level it was posted from
        # (or an outer one); in a long suite that level is not always the one qtbot's wait
        # loop runs at. Deliver deferred deletions explicitly, from the test's own level.
        def deleted():
            gc.collect()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            return sip.isdeleted(dock)

        qtbot.waitUntil(deleted)
    finally:
        if plugin.provider is not None:
            plugin.unload()
        esp.provider = None
        esp.initProcessing()


def test_the_dock_shows_the_engine_settings(make_dock, engine, qtbot):
    from esp_toolkit.algorithms.engine import engine_summary
    from esp_toolkit.ui.dock import EspDock

    QgsProject.instance().clear()
    engine(workers=2)
    dock = make_dock()
    label = dock.findChild(QLabel, "espEngine")
    assert label is dock.engine_label
    assert label.text() == "Parallel tasks: Local worker processes, 2 workers"
    assert "Options > Processing > Providers > ESP Toolkit" in label.toolTip()
    # Showing the dock reads them again.
    engine(engine=1, workers=3)
    assert label.text() == "Parallel tasks: Local worker processes, 2 workers"
    dock.show()
    qtbot.waitExposed(dock)
    assert label.text() == "Parallel tasks: Dask LocalCluster, 3 workers"
    # So does a run, before it starts (this one stops at its check: no land cover).
    engine(workers=4)
    assert dock.editors["LANDCOVER"].value() is None
    assert not dock.start(0, 0) and not dock.is_running()
    assert label.text() == "Parallel tasks: " + engine_summary() == \
        "Parallel tasks: Local worker processes, 4 workers"
    # Without QGIS's interface there is no options dialog to open.
    assert not dock.engine_button.isEnabled() and not dock.change_engine()
    assert isinstance(dock, EspDock)


class OptionsIface(FakeIface):
    """An interface whose options dialog changes the workers, as the user would."""

    def __init__(self, change):
        super().__init__()
        self.change = change
        self.opened = []

    def showOptionsDialog(self, parent=None, currentPage=""):  # noqa: N802, N803 (QGIS's names)
        self.opened.append((parent, currentPage))
        self.change()


def test_change_opens_the_processing_options(esp, engine, qtbot):
    from esp_toolkit.ui.dock import EspDock

    engine(workers=2)
    iface = OptionsIface(lambda: engine(workers=5))
    qtbot.addWidget(iface.window)
    dock = EspDock(iface)
    qtbot.addWidget(dock)
    try:
        button = dock.findChild(QToolButton, "espEngineChange")
        assert button is dock.engine_button and button.isEnabled()
        assert button.text() == "Change…"
        assert dock.engine_label.text() == "Parallel tasks: Local worker processes, 2 workers"
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert iface.opened == [(iface.window, "processingOptions")]
        assert dock.engine_label.text() == "Parallel tasks: Local worker processes, 5 workers"
    finally:
        dock.close_down()
