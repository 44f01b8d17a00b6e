"""The Omniscape INI job: Omniscape.jl's verification INIs run as they are, through readers.

Tolerances as in tests/core/test_omniscape.py (Omniscape.jl's files carry CG+AMG noise of its
rtol 1e-6): rtol 5e-5, atol 1e-6; the classified resistance is compared exactly.
"""

import os

import numpy as np
import pytest
from cs_cases import case_path, read_asc, read_case_ini, read_map, read_text
from test_omniscape import CASES, RTOL, Messages, assert_close, expected_maps

from espcore import EspInputError
from espcore.circuits.circuit import MAP_NODATA
from espcore.circuits.omniscape import OmniscapeOptions
from espcore.circuits.omniscapejob import (
    OmniscapeConfig,
    omniscape_arguments,
    project_folder,
    run_omniscape_config,
)


class Readers:
    """Readers of a case folder that record every path the job asks for."""

    def __init__(self, case):
        self.case = case
        self.asked = []

    def raster(self, path):
        self.asked.append(path)
        return read_asc(case_path(self.case, path))

    def text(self, path):
        self.asked.append(path)
        return read_text(case_path(self.case, path))


def run(case, ini=None, **extra):
    options = ini if ini is not None else read_case_ini(case, CASES[case])
    readers = Readers(case)
    log = Messages()
    result = run_omniscape_config(OmniscapeConfig(options), read_raster=readers.raster,
                                  read_text=readers.text, log=log, **extra)
    return result, readers, log


def test_ascii_case_writes_what_omniscape_writes():
    result, readers, _ = run("omniscape_test2")
    assert list(result.maps) == ["cum_currmap"]
    assert readers.asked == ["resistance.asc", "source.asc"]
    want = read_map(case_path("omniscape_test2", "expected", "cum_currmap.asc"))
    assert_close(result.maps["cum_currmap"], want)
    assert result.geotransform == read_asc(case_path("omniscape_test2", "resistance.asc"))[2]


def test_reclass_case_reads_the_table_and_writes_the_classified_resistance():
    result, readers, _ = run("omniscape_test_reclass")
    assert list(result.maps) == ["classified_resistance", "cum_currmap"]
    assert readers.asked == ["reclass.txt", "discrete_resistance.asc"]
    expected = expected_maps("omniscape_test_reclass")
    np.testing.assert_array_equal(result.maps["classified_resistance"],
                                  expected["classified_resistance"])
    assert_close(result.maps["cum_currmap"], expected["cum_currmap"])


@pytest.mark.parametrize("case", ["omniscape_test1", "omniscape_test5", "omniscape_test6"])
def test_geotiff_cases_through_the_job(case):
    pytest.importorskip("osgeo.gdal")
    result, _, _ = run(case)
    wanted = expected_maps(case)
    for name, expected in wanted.items():
        if name in result.computed:
            assert_close(result.computed[name], expected)
    if case == "omniscape_test1":
        assert list(result.maps) == ["cum_currmap", "flow_potential", "normalized_cum_currmap"]


def test_conditional_case_reads_present_and_future_rasters():
    ini = read_case_ini("omniscape_test4a", CASES["omniscape_test4a"])
    readers = Readers("omniscape_test4a")
    arguments = omniscape_arguments(OmniscapeConfig(ini), read_raster=readers.raster,
                                    read_text=readers.text)
    assert readers.asked == ["resistance.asc", "source.asc", "temperature.asc",
                             "temperature.asc", "precipitation.asc", "precipitation.asc"]
    assert set(arguments) >= {"condition1", "condition1_future", "condition2",
                              "condition2_future", "source", "source_valid"}
    values, valid, _ = read_asc(case_path("omniscape_test4a", "temperature.asc"))
    np.testing.assert_array_equal(np.isnan(arguments["condition1"]), ~valid)
    # write_raw_currmap = false: Omniscape.jl writes only the flow potential and normalised map
    assert OmniscapeConfig(ini).written() == ("flow_potential", "normalized_cum_currmap")


def test_solver_override_gives_the_same_numbers():
    auto, _, _ = run("omniscape_test2")
    superlu, _, _ = run("omniscape_test2", method="superlu")
    assert superlu.options.solver == "superlu"
    np.testing.assert_allclose(superlu.maps["cum_currmap"], auto.maps["cum_currmap"],
                               rtol=1e-8, atol=1e-10)


@pytest.mark.parametrize("missing", ["resistance_file", "radius", "project_name"])
def test_required_keys(missing):
    ini = dict(read_case_ini("omniscape_test2", CASES["omniscape_test2"]))
    del ini[missing]
    with pytest.raises(EspInputError, match=missing):
        run("omniscape_test2", ini)


def test_source_file_needed_unless_sources_from_resistance():
    ini = dict(read_case_ini("omniscape_test2", CASES["omniscape_test2"]), source_file="")
    with pytest.raises(EspInputError, match="source_from_resistance"):
        run("omniscape_test2", ini)
    # (the INI's r_cutoff = 0 would leave no source at all: 1/0 = Inf, as in Omniscape.jl)
    ini.update(source_from_resistance="true", r_cutoff="Inf")
    result, readers, _ = run("omniscape_test2", ini)
    assert readers.asked == ["resistance.asc"]
    assert result.maps["cum_currmap"].max() > 0


def test_condition_rasters_must_share_the_grid():
    ini = read_case_ini("omniscape_test6", CASES["omniscape_test6"])
    readers = Readers("omniscape_test6")

    def cropped(path):
        values, valid, transform = readers.raster(path)
        if "temperature" in path:
            return values[:-1], valid[:-1], transform
        return values, valid, transform

    with pytest.raises(EspInputError, match="condition1_file"):
        omniscape_arguments(OmniscapeConfig(ini), read_raster=cropped, read_text=readers.text)


def test_shifted_raster_is_a_warning_and_unused_condition_files_are_reported():
    ini = dict(read_case_ini("omniscape_test2", CASES["omniscape_test2"]),
               condition1_file="nowhere.asc")
    readers = Readers("omniscape_test2")

    def shifted(path):
        values, valid, transform = readers.raster(path)
        if path == "source.asc":
            transform = (transform[0] + 1.0,) + tuple(transform[1:])
        return values, valid, transform

    log = Messages()
    omniscape_arguments(OmniscapeConfig(ini), read_raster=shifted, read_text=readers.text,
                        log=log)
    assert any("geotransform" in m for m in log)
    assert any("condition files" in m for m in log)
    assert "nowhere.asc" not in readers.asked
    log.clear()
    ini["allow_different_projections"] = "true"
    omniscape_arguments(OmniscapeConfig(ini), read_raster=shifted, read_text=readers.text,
                        log=log)
    assert not any("geotransform" in m for m in log)


def test_written_maps_follow_the_ini_flags():
    assert OmniscapeConfig({}).written() == ("cum_currmap",)
    assert OmniscapeConfig({"write_raw_currmap": "false"}).written() == ()
    flags = {"calc_normalized_current": "true", "reclassify_resistance": "true",
             "write_reclassified_resistance": "True"}
    assert OmniscapeConfig(flags).written() == ("classified_resistance", "cum_currmap",
                                                "normalized_cum_currmap")
    assert OmniscapeConfig({}).write_as_tif  # Omniscape's default is GeoTIFF
    assert not OmniscapeConfig({"write_as_tif": "false"}).write_as_tif
    assert OmniscapeConfig({"precision": "Single"}).single_precision


def test_normalised_current_alone_is_written_without_flow_potential():
    ini = dict(read_case_ini("omniscape_test2", CASES["omniscape_test2"]),
               calc_normalized_current="true")
    result, _, _ = run("omniscape_test2", ini)
    assert list(result.maps) == ["cum_currmap", "normalized_cum_currmap"]
    assert "flow_potential" not in result.computed  # needed for the ratio, not returned
    nodata = result.maps["cum_currmap"] == MAP_NODATA
    np.testing.assert_array_equal(result.maps["normalized_cum_currmap"][nodata], MAP_NODATA)


def test_project_folder_gets_omniscape_suffixes():
    existing = {"out/test2", "out/test2_1", "out/test2_3"}
    assert project_folder("out/new", existing.__contains__) == "out/new"
    assert project_folder("out/test2", existing.__contains__) == "out/test2_2"
    assert project_folder("out/test2_1", existing.__contains__) == "out/test2_1_1"


def test_options_match_the_plain_ini_parse():
    ini = read_case_ini("omniscape_test_reclass", CASES["omniscape_test_reclass"])
    result, _, _ = run("omniscape_test_reclass")
    direct = OmniscapeOptions.from_ini(
        ini, read_text=lambda p: read_text(case_path("omniscape_test_reclass",
                                                     os.path.basename(p))))
    assert result.options == direct
    assert RTOL == 5e-5
