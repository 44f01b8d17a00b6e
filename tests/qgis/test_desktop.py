"""The dock in the real QGIS desktop: tools/desktop_dock.py starts QGIS under xvfb-run with the
working tree as the plugin, triggers the plugin's action, fills the dock with the demo data
and takes a screenshot (build/desktop-dock.png; look at it)."""

import json
import os
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT

pytestmark = pytest.mark.skipif(
    shutil.which("xvfb-run") is None or shutil.which("qgis") is None,
    reason="needs xvfb-run and the QGIS desktop (Debian packages xvfb, qgis)")


def colours(image):
    return len(image.convert("RGB").getcolors(maxcolors=1 << 20) or ())


def test_the_plugin_action_opens_the_dock_in_qgis_desktop():
    from PIL import Image, ImageStat

    png = ROOT / "build" / "desktop-dock.png"
    # An English interface, whatever the machine's locale: the names below are English.
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "desktop_dock.py"), str(png)],
                          capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    status = json.loads(png.with_suffix(".json").read_text())
    assert status["plugin"] and status["action"] == "ESP Toolkit" and status["action_checked"]
    assert status["objectName"] == "EspToolkitDock" and status["visible"]
    assert status["title"] == "ESP Toolkit"
    assert (status["landcover"], status["units"]) == ("hunan_landcover", "hunan_counties")
    assert status["screenshot"]

    screen = Image.open(png)
    assert screen.size == (1600, 900)
    x, y, width, height = status["geometry"]
    assert width >= 300 and height >= 400 and x + width <= 1600
    # Not blank: the map (land cover), and the dock's own widgets and text.
    assert colours(screen) > 200
    dock = screen.crop((x, y, x + width, y + height))
    assert colours(dock) > 20 and max(ImageStat.Stat(dock.convert("L")).stddev) > 20
    panel = Image.open(png.with_name("desktop-dock-panel.png"))
    assert panel.size[0] >= 300 and colours(panel) > 20
