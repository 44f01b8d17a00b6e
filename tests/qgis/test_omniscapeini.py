"""esp:omniscapeini runs Omniscape.jl's own verification INIs and writes its folder layout.

Tolerances as in tests/core/test_omniscape.py: Omniscape.jl wrote its files with CG+AMG
stopped at a relative residual of 1e-6, so maps are compared with rtol 5e-5, atol 1e-6.
"""

import os
import shutil

import numpy as np
import pytest
from conftest import CancelAtOnce, find_cases, read_raster

ALG = "esp:omniscapeini"


def copy_case(case, tmp_path):
    source = os.path.join(find_cases(), case)
    if not os.path.isdir(source):
        pytest.skip("verification cases not found at {0}".format(find_cases()))
    target = tmp_path / case
    shutil.copytree(source, target)
    return target


def run_ini(ini, **extra):
    import processing

    return processing.run(ALG, dict({"INI": str(ini)}, **extra))


def close(got, want):
    nodata = want == -9999
    np.testing.assert_array_equal(np.isnan(got), nodata)
    np.testing.assert_allclose(got[~nodata], want[~nodata], rtol=5e-5, atol=1e-6)


def expected(folder, name):
    values, _ = read_raster(folder / "expected" / name)
    return np.nan_to_num(values, nan=-9999.0)


def test_geotiff_case_writes_omniscape_project_folder(esp, tmp_path):
    folder = copy_case("omniscape_test1", tmp_path)
    ini = folder / "config.ini"
    result = run_ini(ini, WORKERS=2)
    project = folder / "test1"
    assert result["OUTPUT_FOLDER"] == str(project)
    names = ["cum_currmap", "flow_potential", "normalized_cum_currmap"]
    assert sorted(os.listdir(project)) == sorted(["config.ini"] + [n + ".tif" for n in names])
    assert (project / "config.ini").read_text() == ini.read_text()
    for key, name in (("CUMULATIVE", "cum_currmap"), ("FLOW_POTENTIAL", "flow_potential"),
                      ("NORMALIZED", "normalized_cum_currmap")):
        assert result[key] == str(project / (name + ".tif"))
        got, info = read_raster(result[key])
        assert info["dtype"] == "Float64" and info["nodata"] == -9999
        assert info["compression"] == "LZW"
        close(got, expected(folder, name + ".tif"))
    assert not result.get("CLASSIFIED")
    assert sorted(result["OUTPUT_FILES"]) == sorted(
        [str(project / "config.ini")] + [str(project / (n + ".tif")) for n in names])

    # a second run does not overwrite: Omniscape.jl's suffixed folder
    again = run_ini(ini, SOLVER=3)  # SuperLU
    assert again["OUTPUT_FOLDER"] == str(folder / "test1_1")
    got, _ = read_raster(again["CUMULATIVE"])
    close(got, expected(folder, "cum_currmap.tif"))
    assert run_ini(ini)["OUTPUT_FOLDER"] == str(folder / "test1_2")


def ascii_grid(path):
    with open(path) as handle:
        header = [next(handle) for _ in range(6)]
    assert header[5].split()[0].lower() == "nodata_value"
    return np.loadtxt(path, skiprows=6), header


def test_ascii_reclass_case(esp, tmp_path):
    folder = copy_case("omniscape_test_reclass", tmp_path)
    result = run_ini(folder / "config_reclass.ini")
    project = folder / "test_reclass"
    assert sorted(os.listdir(project)) == ["classified_resistance.asc", "config.ini",
                                           "cum_currmap.asc"]
    assert result["CLASSIFIED"] == str(project / "classified_resistance.asc")
    assert not result.get("FLOW_POTENTIAL") and not result.get("NORMALIZED")
    got, _ = ascii_grid(project / "classified_resistance.asc")
    want, _ = ascii_grid(folder / "expected" / "classified_resistance.asc")
    np.testing.assert_array_equal(got, want)
    got, header = ascii_grid(project / "cum_currmap.asc")
    want, _ = ascii_grid(folder / "expected" / "cum_currmap.asc")
    close(np.where(got == -9999, np.nan, got), want)
    # double precision in the file: more digits than a float32 holds
    text = (project / "cum_currmap.asc").read_text().split()
    assert max(len(v.lstrip("-").replace(".", "")) for v in text[12:]) > 12


def test_ascii_case_with_source_file(esp, tmp_path):
    folder = copy_case("omniscape_test2", tmp_path)
    result = run_ini(folder / "config2.ini")
    assert os.listdir(folder / "test2").count("cum_currmap.asc") == 1
    got, _ = ascii_grid(result["CUMULATIVE"])
    want, _ = ascii_grid(folder / "expected" / "cum_currmap.asc")
    close(np.where(got == -9999, np.nan, got), want)


def test_conditional_geotiff_case(esp, tmp_path):
    folder = copy_case("omniscape_test6", tmp_path)
    ini = folder / "config6.ini"
    # as it is, the INI has write_raw_currmap = false: Omniscape.jl writes only config.ini
    result = run_ini(ini)
    assert os.listdir(result["OUTPUT_FOLDER"]) == ["config.ini"]
    assert not result.get("CUMULATIVE")
    ini.write_text(ini.read_text() + "\nwrite_raw_currmap = true\n")  # later keys win
    result = run_ini(ini)
    assert result["OUTPUT_FOLDER"] == str(folder / "test6_1")
    got, _ = read_raster(result["CUMULATIVE"])
    close(got, expected(folder, "cum_currmap.tif"))


def test_bad_ini_is_a_clear_error(esp, tmp_path):
    from qgis.core import QgsProcessingException

    folder = copy_case("omniscape_test2", tmp_path)
    ini = folder / "bad.ini"
    ini.write_text("\n".join(line for line in (folder / "config2.ini").read_text().splitlines()
                             if not line.startswith("resistance_file")))
    with pytest.raises(QgsProcessingException, match="resistance_file"):
        run_ini(ini)
    assert not (folder / "test2").exists()
    os.remove(folder / "source.asc")
    with pytest.raises(QgsProcessingException, match="not found"):
        run_ini(folder / "config2.ini")
    assert not (folder / "test2").exists()


def test_cancel_leaves_no_project_folder(esp, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    folder = copy_case("omniscape_test2", tmp_path)
    before = sorted(os.listdir(folder))
    with pytest.raises(QgsProcessingException):
        processing.run(ALG, {"INI": str(folder / "config2.ini")}, feedback=CancelAtOnce())
    assert sorted(os.listdir(folder)) == before


def test_single_precision_ini_writes_float32_files(esp, tmp_path):
    # computed in double precision, stored as Omniscape.jl stores it: Float32; the reference
    # was computed in float32, hence rtol 2e-3 (as in tests/core/test_omniscape.py)
    folder = copy_case("omniscape_test1_32bit", tmp_path)
    result = run_ini(folder / "config_32bit.ini")
    assert result["OUTPUT_FOLDER"] == str(folder / "test1_32bit")
    got, info = read_raster(result["CUMULATIVE"])
    assert info["dtype"] == "Float32"
    want = expected(folder, "cum_currmap.tif")
    nodata = want == -9999
    np.testing.assert_array_equal(np.isnan(got), nodata)
    np.testing.assert_allclose(got[~nodata], want[~nodata], rtol=2e-3, atol=1e-5)
