"""The provider's engine settings: the executor they give the algorithms (esp:omniscape on a
Dask LocalCluster gives the local numbers), the worker count, and the line that sums them up."""

import os

import numpy as np
import processing
import pytest
from conftest import Recorder, case_file, read_raster

from esp_toolkit.algorithms.engine import (
    DASK,
    ENGINE,
    ENGINES,
    LOCAL,
    SCHEDULER,
    WORKERS,
    EngineSettings,
    engine_summary,
    executor_for,
    settings,
)
from esp_toolkit.espcore.executor import DaskExecutor, ProcessExecutor, SerialExecutor

CORES = os.cpu_count() or 1


def omniscape(tmp_path, name, feedback=None):
    return processing.run("esp:omniscape", {
        "INPUT": case_file("omniscape_test2", "resistance.asc"),
        "SOURCE": case_file("omniscape_test2", "source.asc"),
        "RADIUS": 5, "BLOCK_SIZE": 3, "BUFFER": 2, "SOURCE_THRESHOLD": 0.2, "WORKERS": 2,
        "CUMULATIVE": str(tmp_path / name)}, feedback=feedback)


def test_the_dask_engine_setting_gives_the_local_numbers(engine, tmp_path):
    pytest.importorskip("distributed")
    local, _ = read_raster(omniscape(tmp_path, "local.tif")["CUMULATIVE"])
    engine(engine=1)  # the option's index
    log = Recorder()
    remote, _ = read_raster(omniscape(tmp_path, "dask.tif", log)["CUMULATIVE"])
    np.testing.assert_allclose(remote, local, rtol=1e-12, atol=1e-14)
    # The algorithm's own two workers win over the setting's one per core.
    assert any("Dask LocalCluster of 2 workers" in line for line in log.infos)


def test_the_settings_are_registered_with_the_provider(esp):
    from processing.core.ProcessingConfig import ProcessingConfig, Setting

    assert ProcessingConfig.getSetting(ENGINE) == 0  # local worker processes
    assert len(ENGINES) == 2
    assert ProcessingConfig.getSetting(SCHEDULER) == ""
    # 0: one per core (read back from the stored settings as text, "0")
    assert int(ProcessingConfig.getSetting(WORKERS)) == 0
    workers = ProcessingConfig.settings[WORKERS]
    assert workers.valuetype == Setting.INT
    assert workers.description == "Workers for parallel tasks (0: one per core)"
    # The options dialog hands the value over as text; a negative count is refused there.
    for text in ("0", "3", 5):
        workers.validator(text)
    for text in ("-1", "many", ""):
        with pytest.raises(ValueError):
            workers.validator(text)
    assert settings() == EngineSettings(LOCAL, None, 0)


def test_the_workers_setting_decides_when_the_algorithm_leaves_it(engine):
    engine(workers=3)
    assert settings() == EngineSettings(LOCAL, None, 3)
    executor = executor_for(None)
    assert isinstance(executor, ProcessExecutor) and executor.workers == 3
    assert executor_for(0).workers == 3  # an algorithm's 0 (one per core) leaves it too
    engine(workers="2")  # as the options dialog stores it
    assert settings().workers == 2
    executor = executor_for(None)
    assert isinstance(executor, ProcessExecutor) and executor.workers == 2
    engine(workers=1)
    assert isinstance(executor_for(None), SerialExecutor)
    engine(workers=0)
    executor = executor_for(None)
    assert executor.workers == CORES
    assert isinstance(executor, ProcessExecutor if CORES > 1 else SerialExecutor)


def test_an_algorithms_own_worker_count_wins(engine):
    engine(workers=1)
    executor = executor_for(4)
    assert isinstance(executor, ProcessExecutor) and executor.workers == 4
    engine(workers=3)
    assert isinstance(executor_for(1), SerialExecutor)


def test_the_dask_settings_give_a_dask_executor(engine):
    pytest.importorskip("distributed")
    engine(engine=1, workers=3)
    assert settings() == EngineSettings(DASK, None, 3)
    executor = executor_for(None)
    assert isinstance(executor, DaskExecutor)
    assert (executor.address, executor.workers) == (None, 3)
    assert executor_for(2).workers == 2
    # An address means Dask, whatever the engine option says.
    engine(engine=0, address=" tcp://host:8786 ", workers=0)
    assert settings() == EngineSettings(DASK, "tcp://host:8786", 0)
    executor = executor_for(None)
    assert isinstance(executor, DaskExecutor)
    assert (executor.address, executor.workers) == ("tcp://host:8786", CORES)


def test_the_summary_says_the_settings(engine):
    assert engine_summary(EngineSettings(LOCAL, None, 2)) == "Local worker processes, 2 workers"
    assert engine_summary(EngineSettings(DASK, "tcp://host:8786", 2)) == \
        "Dask scheduler tcp://host:8786"
    assert engine_summary(EngineSettings(DASK, None, 4)) == "Dask LocalCluster, 4 workers"
    assert engine_summary(EngineSettings(LOCAL, None, 1)) == "In the QGIS process (1 worker)"
    assert engine_summary(EngineSettings(DASK, None, 1)) == "Dask LocalCluster, 1 worker"
    if CORES > 1:
        assert engine_summary(EngineSettings(LOCAL, None, 0)) == \
            "Local worker processes, {0} workers (one per core)".format(CORES)
        assert engine_summary(EngineSettings(DASK, None, 0)) == \
            "Dask LocalCluster, {0} workers".format(CORES)
    # Without an argument: the settings as they are now.
    engine(workers=2)
    assert engine_summary() == "Local worker processes, 2 workers"
    engine(engine=1, workers=4)
    assert engine_summary() == "Dask LocalCluster, 4 workers"
    engine(address="tcp://host:8786")
    assert engine_summary() == "Dask scheduler tcp://host:8786"


