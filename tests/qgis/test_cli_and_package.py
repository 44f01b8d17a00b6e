"""The batch route (qgis_process) and the installable zip (make package)."""

import json
import os
import subprocess
import zipfile

import numpy as np
import pytest
from conftest import ROOT, read_raster, write_raster

pytestmark = pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs the git checkout")


def test_qgis_process_runs_resistancesurface(tmp_path):
    lc = write_raster(tmp_path / "lc.tif", [[2, 1], [8, 0]], nodata=0, dtype="uint8")
    out = tmp_path / "res.tif"
    done = subprocess.run(
        [str(ROOT / "tools" / "qgis_process.sh"), "--json", "run", "esp:resistancesurface",
         "--", "INPUT=" + lc, "PRESET=3", "TABLE=1,150,2,2,8,900", "OUTPUT=" + str(out)],
        capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr + done.stdout
    result = json.loads(done.stdout[done.stdout.index("{"):])
    assert result["results"]["OUTPUT"] == str(out)
    values, _ = read_raster(out)
    np.testing.assert_array_equal(values, [[2.0, 150.0], [900.0, np.nan]])


def test_qgis_process_reports_errors_with_nonzero_exit(tmp_path):
    lc = write_raster(tmp_path / "lc.tif", [[2, 42]], dtype="uint8")
    done = subprocess.run(
        [str(ROOT / "tools" / "qgis_process.sh"), "run", "esp:resistancesurface", "--",
         "INPUT=" + lc, "OUTPUT=" + str(tmp_path / "res.tif")],
        capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    assert "42" in done.stdout + done.stderr
    assert not (tmp_path / "res.tif").exists()


def test_make_package_builds_a_clean_zip(tmp_path):
    done = subprocess.run(["make", "-s", "package", "DIST=" + str(tmp_path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    version = [line.split("=", 1)[1] for line in
               (ROOT / "metadata.txt").read_text(encoding="utf-8").splitlines()
               if line.startswith("version=")][0]
    zips = os.listdir(tmp_path)
    assert zips == ["esp_toolkit-{0}.zip".format(version)]
    with zipfile.ZipFile(tmp_path / zips[0]) as archive:
        names = archive.namelist()
    assert all(name.startswith("esp_toolkit/") for name in names)
    for required in ("metadata.txt", "LICENSE", "__init__.py", "plugin.py",
                     "espcore/resistance/surface.py", "algorithms/provider.py",
                     "resources/icons/esp.svg", "resources/styles/resistance.qml"):
        assert "esp_toolkit/" + required in names, required
    for left_out in ("tests/", "bench/", "tools/", ".ci/", "Makefile", ".gitignore"):
        assert not any(name.startswith("esp_toolkit/" + left_out) for name in names), left_out
