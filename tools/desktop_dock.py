"""Start the QGIS desktop under xvfb-run with the working tree as the plugin, open the ESP
Toolkit dock from the plugin's action, fill it with the Hunan demo data and save a screenshot:
the dock as a user first meets it.

Usage: python tools/desktop_dock.py OUT.png [--run | --folder RUN_FOLDER]
Writes OUT.png (the whole screen), OUT-panel.png (the dock alone) and OUT.json (what QGIS
reported: the dock's object name, visibility, geometry on the screen and the layers it
shows). With --run the dock's "Run all" runs the whole chain on the demo data in the desktop
(the settings of tools/demo.sh, some minutes) and the screenshot shows the loaded products.
With --folder the products of an earlier run on the demo data are loaded as the dock loads a
run's (seconds): to look at the layer order and the legends.
Needs xvfb-run and the QGIS desktop (Debian packages xvfb, qgis). Exits non-zero when the dock
did not open, or with --run when the run failed.
"""

import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCREEN = (1600, 900)

STARTUP = textwrap.dedent('''
    import json
    import os
    import time

    from qgis.core import QgsApplication, QgsProject, QgsRasterLayer, QgsVectorLayer
    from qgis.PyQt.QtCore import Qt, QTimer
    from qgis.PyQt.QtWidgets import QDockWidget
    from qgis.utils import iface, plugins

    PLUGIN = {plugin!r}
    DEMO = os.path.join(PLUGIN, "resources", "demo")
    STYLES = os.path.join(PLUGIN, "resources", "styles")
    RUN = {run!r}
    FOLDER = {folder!r}
    status = {{"plugin": "esp_toolkit" in plugins}}

    def load_demo():
        window = iface.mainWindow()
        window.setGeometry(0, 0, {width}, {height})
        # Other docks would share the right-hand side with the ESP dock.
        for other in window.findChildren(QDockWidget):
            if other.objectName() not in ("Layers", "LayersDock", "Browser"):
                other.hide()
        landcover = QgsRasterLayer(os.path.join(DEMO, "hunan_landcover.tif"), "hunan_landcover")
        landcover.loadNamedStyle(os.path.join(STYLES, "landcover_clcd.qml"))
        ntl = QgsRasterLayer(os.path.join(DEMO, "hunan_ntl.tif"), "hunan_ntl")
        counties = QgsVectorLayer(os.path.join(DEMO, "hunan_counties.gpkg"), "hunan_counties")
        counties.loadNamedStyle(os.path.join(STYLES, "boundaries.qml"))
        # The first layer of the list goes on top: the boundaries over the land cover.
        QgsProject.instance().addMapLayers([counties, landcover, ntl])
        iface.setActiveLayer(landcover)
        iface.layerTreeView().layerTreeModel().rootGroup().findLayer(ntl).setItemVisibilityChecked(False)
        iface.mapCanvas().setDestinationCrs(landcover.crs())
        QTimer.singleShot(1500, lambda: open_dock(landcover, counties, ntl))

    def open_dock(landcover, counties, ntl):
        plugin = plugins.get("esp_toolkit")
        action = getattr(plugin, "action", None)
        status["action"] = action is not None and action.text()
        if action is not None:
            action.trigger()
        window = iface.mainWindow()
        dock = window.findChild(QDockWidget, "EspToolkitDock")
        status["found"] = dock is not None
        if dock is not None:
            window.resizeDocks([dock], [420], Qt.Orientation.Horizontal)
            editors = dock.editors
            editors["LANDCOVER"].set_value(landcover)
            editors["UNITS"].set_value(counties)
            # The name field is the dock's own pick: the screenshot shows it.
            editors["GROUP_FIELD"].set_value("pref_name")
            editors["CORRECTION"].set_value(ntl)
            editors["THREATS_TABLE"].set_value(os.path.join(DEMO, "hunan_threats.csv"))
            editors["SENSITIVITY_TABLE"].set_value(os.path.join(DEMO, "hunan_sensitivity.csv"))
            if RUN:
                QTimer.singleShot(1000, lambda: start_run(dock))
                return
            if FOLDER:
                QTimer.singleShot(1000, lambda: load_folder(dock, counties))
                return
        QTimer.singleShot(2500, settle)

    def load_folder(dock, counties):
        from esp_toolkit.algorithms.workflow.products import STAGES, existing
        from esp_toolkit.ui.runner import load_products

        dock.last_loaded = load_products(QgsProject.instance(), FOLDER, STAGES,
                                         existing(FOLDER), units=counties.id())
        status["loaded"] = [layer.name() for layer in dock.last_loaded]
        settle()

    def start_run(dock):
        dock.editors["HALF_SATURATION"].set_value(0.2)  # as tools/demo.sh
        dock.set_output_folder(RUN)
        dock.runFinished.connect(lambda ok: status.update(run_ok=ok))
        dock.run_all_button.click()
        status["run_started"] = dock.is_running()
        poll(dock, time.time())

    def poll(dock, started):
        if dock.is_running() and time.time() - started < 1500:
            QTimer.singleShot(1000, lambda: poll(dock, started))
            return
        status.update(run_seconds=round(time.time() - started), run_status=dock.status.text(),
                      loaded=[layer.name() for layer in dock.last_loaded])
        # Room in the layer panel for the group of products.
        root = QgsProject.instance().layerTreeRoot()
        for layer in QgsProject.instance().mapLayers().values():
            node = root.findLayer(layer.id())
            if node is not None and not layer.customProperty("esp_toolkit/product"):
                node.setExpanded(True)  # a change of state is what reaches the panel
                node.setExpanded(False)
        iface.messageBar().clearWidgets()  # the dock's status line says the same
        settle()

    def settle():
        iface.mapCanvas().zoomToFullExtent()  # the canvas has its final size only now
        QTimer.singleShot(2500, shoot)

    def shoot():
        window = iface.mainWindow()
        dock = window.findChild(QDockWidget, "EspToolkitDock")
        if dock is not None:
            top_left = dock.mapToGlobal(dock.rect().topLeft())
            status.update(objectName=dock.objectName(), visible=dock.isVisible(),
                          title=dock.windowTitle(),
                          geometry=[top_left.x(), top_left.y(), dock.width(), dock.height()],
                          landcover=dock.editors["LANDCOVER"].widget.currentText(),
                          units=dock.editors["UNITS"].widget.currentText(),
                          action_checked=plugins["esp_toolkit"].action.isChecked())
            dock.grab().save({dock_png!r})
        screen = QgsApplication.primaryScreen()
        status["screenshot"] = screen.grabWindow(0).save({png!r})
        with open({status_path!r}, "w") as handle:
            json.dump(status, handle)
        QTimer.singleShot(500, QgsApplication.instance().quit)

    QTimer.singleShot(4000, load_demo)
''')


def main(argv):
    run = "--run" in argv
    argv = [arg for arg in argv if arg != "--run"]
    folder = ""
    if "--folder" in argv[:-1]:
        at = argv.index("--folder")
        folder = os.path.abspath(argv[at + 1])
        argv = argv[:at] + argv[at + 2:]
    if len(argv) != 2:
        raise SystemExit(__doc__)
    png = os.path.abspath(argv[1])
    stem = os.path.splitext(png)[0]
    status_path, dock_png = stem + ".json", stem + "-panel.png"
    os.makedirs(os.path.dirname(png), exist_ok=True)
    for path in (png, status_path, dock_png):
        if os.path.exists(path):
            os.remove(path)
    for tool in ("xvfb-run", "qgis"):
        if shutil.which(tool) is None:
            raise SystemExit("{0} not found".format(tool))
    with tempfile.TemporaryDirectory(prefix="esp_desktop_") as tmp:
        profile = os.path.join(tmp, "profiles", "default")
        plugins = os.path.join(profile, "python", "plugins")
        os.makedirs(os.path.join(profile, "QGIS"))
        os.makedirs(plugins)
        # The working tree itself, so what is tested is what is being edited (the zip of
        # `make desktop-check` packs the last commit).
        os.symlink(ROOT, os.path.join(plugins, "esp_toolkit"))
        with open(os.path.join(profile, "QGIS", "QGIS3.ini"), "w") as ini:
            ini.write("[PythonPlugins]\nesp_toolkit=true\n\n[app]\nshow-tips=false\n"
                      "[qgis]\ncheckVersion=false\n")
        script = os.path.join(tmp, "startup.py")
        with open(script, "w") as handle:
            handle.write(STARTUP.format(plugin=os.path.join(plugins, "esp_toolkit"), png=png,
                                        dock_png=dock_png, status_path=status_path,
                                        width=SCREEN[0], height=SCREEN[1],
                                        run=os.path.join(tmp, "esp_output") if run else "",
                                        folder=folder))
        env = dict(os.environ, QT_QPA_PLATFORM="xcb", LANG=os.environ.get("LANG", "C.UTF-8"))
        # The accelerators (pyamg, CHOLMOD) are installed in the project's venv.
        venv = sorted(glob.glob(os.path.join(ROOT, ".venv", "lib", "python3*", "site-packages")))
        if venv:
            env["PYTHONPATH"] = os.pathsep.join(
                [venv[-1]] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
        command = ["xvfb-run", "--auto-servernum",
                   "--server-args=-screen 0 {0}x{1}x24 -nolisten tcp".format(*SCREEN),
                   "qgis", "--profiles-path", tmp, "--nologo", "--noversioncheck",
                   "--code", script]
        started = time.time()
        with open(os.path.join(tmp, "qgis.log"), "w") as log:
            qgis = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT,
                                    start_new_session=True)
            try:
                qgis.wait(timeout=1800 if run else 180)
            except subprocess.TimeoutExpired:
                os.killpg(qgis.pid, 9)
                qgis.wait()
        status = {}
        if os.path.exists(status_path):
            with open(status_path) as handle:
                status = json.load(handle)
        else:
            with open(os.path.join(tmp, "qgis.log")) as handle:
                sys.stderr.write(handle.read()[-4000:])
    ok = bool(status.get("found") and status.get("visible")) and (
        not run or bool(status.get("run_ok")))
    print("desktop dock: {0} in {1:.0f} s; screenshot {2}; status {3}".format(
        "ok" if ok else "FAILED", time.time() - started, png, json.dumps(status)))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
