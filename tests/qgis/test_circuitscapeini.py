"""esp:circuitscapeini runs Circuitscape's own verification INIs and writes its files."""

import os
import shutil

import numpy as np
import pytest
from conftest import find_cases

CASES = find_cases()


def copy_case(case, tmp_path):
    source = os.path.join(CASES, case)
    if not os.path.isdir(source):
        pytest.skip("verification cases not found at {0}".format(CASES))
    target = tmp_path / case
    shutil.copytree(source, target)
    return target


def matrix(path):
    return np.loadtxt(path, ndmin=2)


def grid(path):
    return np.loadtxt(path, skiprows=6)


def run_ini(ini, **extra):
    import processing

    return processing.run("esp:circuitscapeini", dict({"INI": str(ini)}, **extra))


@pytest.mark.parametrize("case, maps", [
    ("sgVerify4", ["cum_curmap", "curmap_1_2", "voltmap_4_9"]),
    ("sgVerify6", ["cum_curmap", "curmap_1_3", "voltmap_2_7"]),
])
def test_pairwise_ini_reproduces_circuitscape(esp, tmp_path, case, maps):
    folder = copy_case(case, tmp_path)
    result = run_ini(folder / "{0}.ini".format(case))
    prefix = folder / "output" / case
    assert result["OUTPUT_PREFIX"] == str(prefix)
    expected = folder / "expected"
    got = matrix("{0}_resistances.out".format(prefix))
    want = matrix(expected / "{0}_resistances.out".format(case))
    np.testing.assert_array_equal(got[0], want[0])
    np.testing.assert_allclose(got[1:, 1:], want[1:, 1:], rtol=1e-6)
    np.testing.assert_allclose(matrix("{0}_resistances_3columns.out".format(prefix)),
                               matrix(expected / "{0}_resistances_3columns.out".format(case)),
                               rtol=1e-6)
    for name in maps:
        np.testing.assert_allclose(grid("{0}_{1}.asc".format(prefix, name)),
                                   grid(expected / "{0}_{1}.asc".format(case, name)),
                                   atol=1e-5)
    assert not [f for f in os.listdir(folder / "output") if ".part" in f]


def test_solver_override_and_geotiff_output(esp, tmp_path):
    folder = copy_case("sgVerify4", tmp_path)
    ini = folder / "sgVerify4.ini"
    ini.write_text(ini.read_text() + "\nwrite_as_tif = True\n")
    run_ini(ini, SOLVER=3)  # SuperLU
    from osgeo import gdal

    data = gdal.Open(str(folder / "output" / "sgVerify4_cum_curmap.tif")).ReadAsArray()
    np.testing.assert_allclose(data, grid(folder / "expected" / "sgVerify4_cum_curmap.asc"),
                               atol=1e-5)


def test_missing_input_is_a_clear_error(esp, tmp_path):
    from qgis.core import QgsProcessingException

    folder = copy_case("sgVerify4", tmp_path)
    os.remove(folder / "cellmap.asc")
    with pytest.raises(QgsProcessingException, match="not found"):
        run_ini(folder / "sgVerify4.ini")
    assert not (folder / "output").exists() or not os.listdir(folder / "output")


@pytest.mark.parametrize("case, files", [
    ("oneToAllVerify1", ["resistances.out", "cum_curmap.asc"]),
    ("allToOneVerify2", ["cum_curmap.asc", "curmap_3.asc"]),
    ("mgVerify1", ["voltmap.asc", "curmap.asc"]),
    ("sgNetworkVerify2", ["resistances.out"]),
])
def test_other_modes_through_the_ini(esp, tmp_path, case, files):
    folder = copy_case(case, tmp_path)
    run_ini(folder / "{0}.ini".format(case))
    for name in files:
        got_path = folder / "output" / "{0}_{1}".format(case, name)
        want_path = folder / "expected" / "{0}_{1}".format(case, name)
        read = grid if name.endswith(".asc") else matrix
        np.testing.assert_allclose(read(got_path), read(want_path), rtol=1e-6, atol=1e-5)


def test_network_advanced_tables(esp, tmp_path):
    folder = copy_case("mgNetworkVerify1", tmp_path)
    run_ini(folder / "mgNetworkVerify1.ini")
    got = matrix(folder / "output" / "mgNetworkVerify1_voltages.txt")
    want = matrix(folder / "expected" / "mgNetworkVerify1_voltages.txt")
    np.testing.assert_allclose(got[np.argsort(got[:, 0])], want[np.argsort(want[:, 0])],
                               atol=1e-9)


def test_included_pairs_give_minus_one_in_the_matrix(esp, tmp_path):
    # 1 x 3 strip of unit resistances, ids 1 2 3; only 1-2 and 2-3 are included, so
    # R(1,2) = R(2,3) = 1 ohm and R(1,3) = -1 (Circuitscape leaves skipped pairs at -1).
    header = "ncols 3\nnrows 1\nxllcorner 0\nyllcorner 0\ncellsize 1\nNODATA_value -9999\n"
    (tmp_path / "cellmap.asc").write_text(header + "1 1 1\n")
    (tmp_path / "points.asc").write_text(header + "1 2 3\n")
    (tmp_path / "pairs.txt").write_text("mode include\n1 2\n2 3\n")
    (tmp_path / "output").mkdir()
    ini = tmp_path / "strip.ini"
    ini.write_text("[Options]\ndata_type = raster\nscenario = pairwise\n"
                   "habitat_file = cellmap.asc\nhabitat_map_is_resistances = True\n"
                   "point_file = points.asc\nuse_included_pairs = True\n"
                   "included_pairs_file = pairs.txt\noutput_file = output/strip.out\n")
    run_ini(ini)
    got = matrix(tmp_path / "output" / "strip_resistances.out")
    np.testing.assert_allclose(got, [[0, 1, 2, 3], [1, 0, 1, -1], [2, 1, 0, 1],
                                     [3, -1, 1, 0]], atol=1e-9)
    np.testing.assert_allclose(matrix(tmp_path / "output" / "strip_resistances_3columns.out"),
                               [[1, 2, 1], [1, 3, -1], [2, 3, 1]], atol=1e-9)


def test_worker_processes_give_the_serial_resistances(esp, tmp_path):
    serial = copy_case("sgVerify8", tmp_path / "serial")
    pooled = copy_case("sgVerify8", tmp_path / "pooled")
    run_ini(serial / "sgVerify8.ini")
    run_ini(pooled / "sgVerify8.ini", WORKERS=2)
    name = "output/sgVerify8_resistances.out"
    np.testing.assert_allclose(matrix(pooled / name), matrix(serial / name), rtol=1e-9)
