"""The provider's engine setting: esp:omniscape on a Dask LocalCluster gives the local numbers."""

import numpy as np
import processing
import pytest
from conftest import Recorder, case_file, read_raster

pytest.importorskip("distributed")


def omniscape(tmp_path, name, feedback=None):
    return processing.run("esp:omniscape", {
        "INPUT": case_file("omniscape_test2", "resistance.asc"),
        "SOURCE": case_file("omniscape_test2", "source.asc"),
        "RADIUS": 5, "BLOCK_SIZE": 3, "BUFFER": 2, "SOURCE_THRESHOLD": 0.2, "WORKERS": 2,
        "CUMULATIVE": str(tmp_path / name)}, feedback=feedback)


def test_the_dask_engine_setting_gives_the_local_numbers(esp, tmp_path):
    from processing.core.ProcessingConfig import ProcessingConfig

    from esp_toolkit.algorithms.engine import ENGINE

    local, _ = read_raster(omniscape(tmp_path, "local.tif")["CUMULATIVE"])
    ProcessingConfig.setSettingValue(ENGINE, 1)  # the option's index
    try:
        log = Recorder()
        remote, _ = read_raster(omniscape(tmp_path, "dask.tif", log)["CUMULATIVE"])
    finally:
        ProcessingConfig.setSettingValue(ENGINE, 0)
    np.testing.assert_allclose(remote, local, rtol=1e-12, atol=1e-14)
    assert any("Dask LocalCluster of 2 workers" in line for line in log.infos)


def test_the_settings_are_registered_with_the_provider(esp):
    from processing.core.ProcessingConfig import ProcessingConfig

    from esp_toolkit.algorithms.engine import ENGINE, ENGINES, SCHEDULER

    assert ProcessingConfig.getSetting(ENGINE) == 0  # local worker processes
    assert len(ENGINES) == 2
    assert ProcessingConfig.getSetting(SCHEDULER) == ""
