"""esp:omniscape reproduces Omniscape.jl's test cases through processing.run."""

import os

import numpy as np
import processing
import pytest
from conftest import CancelAtOnce, case_file, read_raster
from qgis.core import QgsProcessingException

ALG = "esp:omniscape"


def expected(case, name):
    values, _ = read_raster(case_file(case, os.path.join("expected", name)))
    return values


def close(got, want):
    # Omniscape.jl wrote its files with CG+AMG stopped at 1e-6 (see tests/core/test_omniscape.py)
    np.testing.assert_allclose(np.nan_to_num(got), np.nan_to_num(want), rtol=5e-5, atol=1e-6)


def test_cumulative_current_matches_omniscape(esp, tmp_path):
    result = processing.run(ALG, {
        "INPUT": case_file("omniscape_test2", "resistance.asc"),
        "SOURCE": case_file("omniscape_test2", "source.asc"),
        "RADIUS": 5, "BLOCK_SIZE": 3, "BUFFER": 2, "SOURCE_THRESHOLD": 0.2,
        "CUMULATIVE": str(tmp_path / "cum.tif")})
    got, _ = read_raster(result["CUMULATIVE"])
    want = np.loadtxt(case_file("omniscape_test2", "expected/cum_currmap.asc"), skiprows=6)
    close(got, np.where(want == -9999, np.nan, want))


def test_flow_potential_and_normalised_current_with_two_workers(esp, tmp_path):
    pytest.importorskip("osgeo")
    params = {"INPUT": case_file("omniscape_test1", "resistance.asc"),
              "SOURCE": case_file("omniscape_test1", "source.asc"),
              "RADIUS": 5, "BLOCK_SIZE": 2, "BUFFER": 2, "SOURCE_THRESHOLD": 0.2,
              "CUMULATIVE": str(tmp_path / "cum.tif"),
              "FLOW_POTENTIAL": str(tmp_path / "fp.tif"),
              "NORMALIZED": str(tmp_path / "norm.tif"), "WORKERS": 2}
    result = processing.run(ALG, params)
    for key, name in (("CUMULATIVE", "cum_currmap.tif"), ("FLOW_POTENTIAL", "flow_potential.tif"),
                      ("NORMALIZED", "normalized_cum_currmap.tif")):
        got, _ = read_raster(result[key])
        close(got, expected("omniscape_test1", name))


def test_sources_are_required(esp, tmp_path):
    with pytest.raises(QgsProcessingException, match="source"):
        processing.run(ALG, {"INPUT": case_file("omniscape_test2", "resistance.asc"),
                             "RADIUS": 5, "CUMULATIVE": str(tmp_path / "c.tif")})


def test_bad_inputs_are_explained(esp, tmp_path):
    from conftest import write_raster

    zero = write_raster(tmp_path / "zero.tif", np.array([[1, 0, 1], [1, 1, 1]], "float32"))
    with pytest.raises(QgsProcessingException, match="zero or negative|positive"):
        processing.run(ALG, {"INPUT": zero, "SOURCE_FROM_RESISTANCE": True, "RADIUS": 2,
                             "CUMULATIVE": str(tmp_path / "a.tif")})
    ok = write_raster(tmp_path / "ok.tif", np.ones((3, 3), "float32"))
    shifted = write_raster(tmp_path / "s.tif", np.ones((3, 3), "float32"),
                           origin=(500100.0, 3000000.0))
    with pytest.raises(QgsProcessingException, match="same grid"):
        processing.run(ALG, {"INPUT": ok, "SOURCE": shifted, "RADIUS": 2,
                             "CUMULATIVE": str(tmp_path / "b.tif")})
    assert not any(p.name.startswith(("a", "b")) for p in tmp_path.iterdir())



def test_cancel_leaves_no_output(esp, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(QgsProcessingException, match="cancelled"):
        processing.run(ALG, {"INPUT": case_file("omniscape_test2", "resistance.asc"),
                             "SOURCE_FROM_RESISTANCE": True, "RADIUS": 5,
                             "CUMULATIVE": str(out / "cum.tif")}, feedback=CancelAtOnce())
    assert os.listdir(out) == []


def test_conditional_connectivity_matches_omniscape(esp, tmp_path):
    # omniscape_test6: conductances, one 'within' condition (temperature, -0.5 .. 0.5)
    pytest.importorskip("osgeo")
    case = "omniscape_test6"
    result = processing.run(ALG, {
        "INPUT": case_file(case, "resistance.asc"), "RESISTANCE_IS_CONDUCTANCE": True,
        "SOURCE": case_file(case, "source.asc"), "RADIUS": 5, "BLOCK_SIZE": 3, "BUFFER": 0,
        "SOURCE_THRESHOLD": 0.2, "CONDITION1": case_file(case, "temperature.asc"),
        "COMPARISON1": 0, "CONDITION1_LOWER": -0.5, "CONDITION1_UPPER": 0.5,
        "CUMULATIVE": str(tmp_path / "cum.tif")})
    got, _ = read_raster(result["CUMULATIVE"])
    close(got, expected(case, "cum_currmap.tif"))
    # without the condition the answer differs: the condition did act
    plain = processing.run(ALG, {
        "INPUT": case_file(case, "resistance.asc"), "RESISTANCE_IS_CONDUCTANCE": True,
        "SOURCE": case_file(case, "source.asc"), "RADIUS": 5, "BLOCK_SIZE": 3, "BUFFER": 0,
        "SOURCE_THRESHOLD": 0.2, "CUMULATIVE": str(tmp_path / "plain.tif")})
    other, _ = read_raster(plain["CUMULATIVE"])
    assert np.nanmax(np.abs(other - got)) > 1e-3


def test_two_equal_conditions_match_omniscape(esp, tmp_path):
    # omniscape_test5: two 'equal' conditions on the land cover
    pytest.importorskip("osgeo")
    case = "omniscape_test5"
    result = processing.run(ALG, {
        "INPUT": case_file(case, "resistance.asc"), "SOURCE": case_file(case, "source.asc"),
        "RADIUS": 5, "BLOCK_SIZE": 3, "BUFFER": 0, "SOURCE_THRESHOLD": 0.2,
        "CONDITION1": case_file(case, "landcover.asc"), "COMPARISON1": 1,
        "CONDITION2": case_file(case, "landcover.asc"), "COMPARISON2": 1,
        "CUMULATIVE": str(tmp_path / "cum.tif")})
    got, _ = read_raster(result["CUMULATIVE"])
    close(got, expected(case, "cum_currmap.tif"))


def test_reclass_table_matches_omniscape(esp, tmp_path):
    case = "omniscape_test_reclass"
    result = processing.run(ALG, {
        "INPUT": case_file(case, "discrete_resistance.asc"), "SOURCE_FROM_RESISTANCE": True,
        "RADIUS": 5, "RECLASS_TABLE": case_file(case, "reclass.txt"),
        "CUMULATIVE": str(tmp_path / "cum.tif"), "CLASSIFIED": str(tmp_path / "cls.tif")})
    want = np.loadtxt(case_file(case, "expected/cum_currmap.asc"), skiprows=6)
    got, _ = read_raster(result["CUMULATIVE"])
    close(got, np.where(want == -9999, np.nan, want))
    classified, _ = read_raster(result["CLASSIFIED"])
    want = np.loadtxt(case_file(case, "expected/classified_resistance.asc"), skiprows=6)
    np.testing.assert_array_equal(np.nan_to_num(classified, nan=-9999), want)


def test_condition_and_reclass_inputs_are_checked(esp, tmp_path):
    case = "omniscape_test6"
    base = {"INPUT": case_file(case, "resistance.asc"), "SOURCE": case_file(case, "source.asc"),
            "RADIUS": 5, "CUMULATIVE": str(tmp_path / "c.tif")}
    with pytest.raises(QgsProcessingException, match="[Cc]ondition 1"):
        processing.run(ALG, dict(base, CONDITION2=case_file(case, "temperature.asc")))
    with pytest.raises(QgsProcessingException, match="present raster"):
        processing.run(ALG, dict(base, CONDITION1_FUTURE=case_file(case, "temperature.asc")))
    with pytest.raises(QgsProcessingException, match="reclass table"):
        processing.run(ALG, dict(base, CLASSIFIED=str(tmp_path / "k.tif")))
    assert not (tmp_path / "c.tif").exists()


def test_advanced_parameters_default_to_todays_run(esp):
    from qgis.core import QgsApplication

    from esp_toolkit.algorithms.qgis_compat import ParameterFlag

    alg = QgsApplication.processingRegistry().algorithmById(ALG)
    for name in ("RECLASS_TABLE", "CONDITION1", "CONDITION1_FUTURE", "COMPARISON2",
                 "CONDITION2_LOWER", "CONDITION2_UPPER"):
        parameter = alg.parameterDefinition(name)
        assert parameter.flags() & ParameterFlag.Advanced, name
        assert parameter.flags() & ParameterFlag.Optional or parameter.defaultValue() in (0, 0.0)
