"""Install the plugin zip into a fresh QGIS desktop profile under Xvfb, open the Processing
toolbox on the ESP Toolkit provider and save a screenshot: how a user first meets the plugin.

Usage: python tools/desktop_check.py dist/esp_toolkit-<version>.zip OUT.png
Needs Xvfb and the QGIS desktop (Debian packages xvfb, qgis). Exits non-zero when the provider
does not appear in the toolbox.
"""

import os
import subprocess
import sys
import tempfile
import textwrap
import time
import zipfile

STARTUP = textwrap.dedent('''
    import os

    from qgis.core import QgsApplication, QgsProject, QgsRasterLayer, QgsVectorLayer
    from qgis.PyQt.QtCore import QTimer
    from qgis.PyQt.QtWidgets import QDockWidget, QLineEdit
    from qgis.utils import iface

    def show_toolbox():
        window = iface.mainWindow()
        window.setGeometry(0, 0, 1600, 900)
        demo = os.path.join({plugin!r}, "resources", "demo")
        landcover = QgsRasterLayer(os.path.join(demo, "hunan_landcover.tif"), "hunan_landcover")
        landcover.loadNamedStyle(os.path.join({plugin!r}, "resources", "styles",
                                              "landcover_clcd.qml"))
        counties = QgsVectorLayer(os.path.join(demo, "hunan_counties.gpkg"), "hunan_counties")
        counties.loadNamedStyle(os.path.join({plugin!r}, "resources", "styles",
                                             "boundaries.qml"))
        QgsProject.instance().addMapLayers([counties, landcover])  # the first is drawn on top
        iface.mapCanvas().setDestinationCrs(landcover.crs())
        iface.mapCanvas().setExtent(landcover.extent())
        toolbox = window.findChild(QDockWidget, "ProcessingToolbox")
        toolbox.show()
        toolbox.raise_()
        search = toolbox.findChild(QLineEdit)
        if search is not None:
            search.setText("resistance")
        import processing
        global dialog  # keep the dialog alive while the screenshot is taken
        dialog = processing.createAlgorithmDialog("esp:resistancesurface")
        dialog.setGeometry(700, 110, 640, 700)
        dialog.show()
        QTimer.singleShot(3000, report)

    def report():
        iface.mapCanvas().zoomToFullExtent()  # the canvas has its final size only now
        QTimer.singleShot(2000, write_status)

    def write_status():
        found = QgsApplication.processingRegistry().algorithmById("esp:resistancesurface")
        with open({status!r}, "w") as handle:
            handle.write("ok" if found is not None else "missing")
        QTimer.singleShot(1500, QgsApplication.instance().quit)

    QTimer.singleShot(4000, show_toolbox)
''')


def main(argv):
    if len(argv) != 3:
        raise SystemExit(__doc__)
    zip_path, png = os.path.abspath(argv[1]), os.path.abspath(argv[2])
    os.makedirs(os.path.dirname(png), exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        profile = os.path.join(tmp, "profiles", "default")
        plugins = os.path.join(profile, "python", "plugins")
        os.makedirs(os.path.join(profile, "QGIS"))
        with zipfile.ZipFile(zip_path) as archive:
            archive.extractall(plugins)
        with open(os.path.join(profile, "QGIS", "QGIS3.ini"), "w") as ini:
            ini.write("[PythonPlugins]\nesp_toolkit=true\n\n[app]\nshow-tips=false\n"
                      "[qgis]\ncheckVersion=false\n")
        status = os.path.join(tmp, "status")
        script = os.path.join(tmp, "startup.py")
        with open(script, "w") as handle:
            handle.write(STARTUP.format(status=status,
                                         plugin=os.path.join(plugins, "esp_toolkit")))
        display = ":97"
        xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x900x24", "-nolisten",
                                 "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(1.5)
            env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
            qgis = subprocess.Popen(["qgis", "--profiles-path", tmp, "--nologo",
                                     "--noversioncheck", "--code", script], env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.time() + 120
            while not os.path.exists(status) and time.time() < deadline:
                time.sleep(0.5)
            time.sleep(0.5)
            from PIL import ImageGrab

            ImageGrab.grab(xdisplay=display).save(png)
            try:
                qgis.wait(timeout=30)
            except subprocess.TimeoutExpired:
                qgis.kill()
        finally:
            xvfb.kill()
        result = open(status).read() if os.path.exists(status) else "no answer from QGIS"
    print("desktop check: {0}; screenshot {1}".format(result, png))
    return 0 if result == "ok" else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
