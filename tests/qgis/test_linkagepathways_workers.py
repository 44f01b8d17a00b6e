"""Linkage pathways, pinch points and barriers with two workers: the per-source cost-distance
surfaces are computed on worker processes first (into a temporary store, gone afterwards),
the serial part searches none of them, and every output is the serial one."""

import glob
import os

import numpy as np
import processing
import pytest
from conftest import Recorder, read_raster, write_raster
from qgis.core import QgsProcessingUtils, QgsVectorLayer

from esp_toolkit.algorithms import engine
from esp_toolkit.algorithms.io import surfaces
from esp_toolkit.espcore.corridors import surfacetasks
from esp_toolkit.espcore.corridors.costdistance import SourceDistances
from esp_toolkit.espcore.executor import ProcessExecutor, SerialExecutor


def landscape(tmp_path):
    """Four sources on a 30 x 40 grid of varied resistance with a NoData block."""
    rng = np.random.default_rng(5)
    resistance = rng.uniform(1.0, 20.0, size=(30, 40)).astype(np.float32)
    resistance[10:22, 18:21] = -1.0
    ids = np.zeros(resistance.shape, dtype=np.int32)
    ids[2:6, 2:6] = 1
    ids[22:27, 4:8] = 2
    ids[3:7, 30:35] = 3
    ids[20:25, 28:33] = 4
    return {"SOURCE_RASTER": write_raster(tmp_path / "ids.tif", ids, nodata=0),
            "RESISTANCE": write_raster(tmp_path / "r.tif", resistance, nodata=-1)}


@pytest.fixture
def workers(monkeypatch):
    """Sets the provider's executor: "serial", or two worker processes that the tests' small
    grids are worth (the threshold is lifted); counts the searches in this process."""
    counts = {"searches": 0}
    search = SourceDistances._search

    def counting(self, source, progress):
        counts["searches"] += 1
        return search(self, source, progress)

    monkeypatch.setattr(SourceDistances, "_search", counting)

    def use(kind):
        executor = SerialExecutor() if kind == "serial" else ProcessExecutor(2)
        monkeypatch.setattr(engine, "executor_for", lambda workers, feedback=None: executor)
        monkeypatch.setattr(surfacetasks, "MIN_PARALLEL_WORK", 0.0)
        counts["searches"] = 0
        return counts

    return use


def temporary_stores():
    return glob.glob(os.path.join(QgsProcessingUtils.tempFolder(), "esp-surfaces-*"))


def links_of(result):
    layer = QgsVectorLayer(result["OUTPUT"], "links", "ogr") \
        if isinstance(result["OUTPUT"], str) else result["OUTPUT"]
    return sorted((f["From_Core"], f["To_Core"], f["Link_Type"], f["CW_Dist"],
                   f.geometry().asWkt()) for f in layer.getFeatures())


def pathways(tmp_path, name, feedback=None):
    parameters = dict(landscape(tmp_path), NEAREST=0, TRUNCATE=2000.0,
                      OUTPUT=str(tmp_path / (name + "_links.gpkg")),
                      CORRIDORS=str(tmp_path / (name + "_corridors.tif")),
                      CORRIDORS_UNTRUNCATED=str(tmp_path / (name + "_whole.tif")),
                      CWD=str(tmp_path / (name + "_cwd.tif")))
    return processing.run("esp:linkagepathways", parameters, feedback=feedback)


def test_linkage_pathways_on_two_workers_gives_the_serial_outputs(esp, tmp_path, workers):
    before = set(temporary_stores())
    counts = workers("serial")
    serial = pathways(tmp_path, "serial")
    assert counts["searches"] >= 4  # one per linked source, in this process

    counts = workers("processes")
    log = Recorder()
    parallel = pathways(tmp_path, "parallel", log)
    assert counts["searches"] == 0  # every surface came from the workers
    assert "4 cost-distance surfaces computed on 2 workers." in log.infos
    assert not log.warnings
    assert set(temporary_stores()) == before  # the temporary store is removed
    assert links_of(parallel) == links_of(serial)
    assert parallel["ACTIVE_COUNT"] == serial["ACTIVE_COUNT"]
    for key in ("CORRIDORS", "CORRIDORS_UNTRUNCATED", "CWD"):
        np.testing.assert_array_equal(read_raster(parallel[key])[0],
                                      read_raster(serial[key])[0], err_msg=key)


def test_pinch_points_and_barriers_on_two_workers_give_the_serial_outputs(
        esp, tmp_path, workers):
    workers("serial")
    links = pathways(tmp_path, "links")["OUTPUT"]
    outputs = {}
    for kind in ("serial", "processes"):
        counts = workers(kind)
        log = Recorder()
        base = dict(landscape(tmp_path), LINKS=links)
        pinch = processing.run("esp:pinchpoints", dict(
            base, CUTOFF=2000.0, OUTPUT=str(tmp_path / (kind + "_pinch.tif"))), feedback=log)
        barriers = processing.run("esp:barriers", dict(
            base, MIN_RADIUS=200, MAX_RADIUS=200,
            OUTPUT=str(tmp_path / (kind + "_barriers.tif"))), feedback=log)
        outputs[kind] = (read_raster(pinch["OUTPUT"])[0], read_raster(barriers["OUTPUT"])[0])
        if kind == "processes":
            assert counts["searches"] == 0
            assert sum("computed on 2 workers" in line for line in log.infos) == 2
    for parallel, serial in zip(outputs["processes"], outputs["serial"]):
        np.testing.assert_array_equal(parallel, serial)


def test_inside_a_run_the_workers_fill_its_store(esp, tmp_path, workers):
    """Within esp:securitypattern the run's store is used (and kept for the later steps)."""
    counts = workers("processes")
    with surfaces.sharing(str(tmp_path)) as store:
        pathways(tmp_path, "shared")
        saved = glob.glob(os.path.join(store.folder, "*.npy"))
        assert len(saved) == 4 and counts["searches"] == 0
        log = Recorder()
        pathways(tmp_path, "again", log)  # all there: nothing computed, nothing searched
        assert not [line for line in log.infos if "computed on" in line]
        assert counts["searches"] == 0
    assert not os.path.exists(store.folder)


def test_workers_that_fail_leave_the_searches_to_the_algorithm(esp, tmp_path, workers,
                                                               monkeypatch):
    counts = workers("serial")
    serial = pathways(tmp_path, "serial")

    class Broken:
        workers = 2

        def run(self, *args, **kwargs):
            raise RuntimeError("the cluster went away")

    monkeypatch.setattr(engine, "executor_for", lambda workers, feedback=None: Broken())
    counts["searches"] = 0
    log = Recorder()
    fallback = pathways(tmp_path, "fallback", log)
    assert counts["searches"] >= 4
    assert any("the cluster went away" in line for line in log.warnings)
    assert links_of(fallback) == links_of(serial)
    np.testing.assert_array_equal(read_raster(fallback["CORRIDORS"])[0],
                                  read_raster(serial["CORRIDORS"])[0])
