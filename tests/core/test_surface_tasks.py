"""Per-source cost-distance surfaces as executor tasks: after a prefetch on worker processes
(or a Dask cluster) into a folder store, linkage pathways searches nothing and gives the
serial result bit for bit; a rerun computes nothing; a worker's error reaches the caller;
GeoTIFF inputs read by the workers give the surfaces of the arrays."""

import math
import os

import numpy as np
import pytest

from espcore.corridors.corridors import linkage_pathways
from espcore.corridors.costdistance import SourceDistances, cost_distance
from espcore.corridors.surfacestore import FolderStore
from espcore.corridors.surfacetasks import (
    MIN_PARALLEL_WORK,
    pathways_limit,
    prefetch_surfaces,
    worth_parallel,
)
from espcore.errors import EspInputError
from espcore.executor import DaskExecutor, ProcessExecutor, SerialExecutor
from espcore.grid import Grid
from espcore.rasterfile import ArrayRaster

CELL = 30.0
TRUNCATE = 900.0


class CountingStore(FolderStore):
    """The folder store, counting the surfaces saved (one per search) and loaded."""

    def __init__(self, folder):
        super().__init__(folder)
        self.puts = 0
        self.hits = 0

    def get(self, key):
        found = super().get(key)
        self.hits += found is not None
        return found

    def put(self, key, surface):
        self.puts += 1
        super().put(key, surface)


def landscape():
    """Four sources on a 30 x 40 grid of varied resistance with a NoData block."""
    rng = np.random.default_rng(11)
    resistance = rng.uniform(1.0, 20.0, size=(30, 40))
    impassable = np.zeros(resistance.shape, dtype=bool)
    impassable[10:22, 18:21] = True
    labels = np.zeros(resistance.shape, dtype=np.int64)
    labels[2:6, 2:6] = 1
    labels[22:27, 4:8] = 2
    labels[3:7, 30:35] = 3
    labels[20:25, 28:33] = 4
    labels[12, 19] = 5  # only on NoData: no source
    return labels, resistance, impassable


def pathways(labels, resistance, impassable, store=None):
    return linkage_pathways(labels, resistance, impassable=impassable, cell_size=CELL,
                            truncate=TRUNCATE, store=store)


def summary(result):
    return [(link.from_id, link.to_id, link.cost, link.link_type, link.path.tolist())
            for link in result.links]


def prefetch(folder, executor, **options):
    labels, resistance, impassable = landscape()
    return prefetch_surfaces(labels, resistance, impassable=impassable, cell_size=CELL,
                             max_cost=pathways_limit(math.inf, TRUNCATE, False),
                             store=FolderStore(str(folder)), executor=executor, **options)


def check_no_search_and_same_result(folder):
    labels, resistance, impassable = landscape()
    store = CountingStore(str(folder))
    shared = pathways(labels, resistance, impassable, store)
    alone = pathways(labels, resistance, impassable)
    assert store.puts == 0 and store.hits >= 4  # every surface loaded, none searched
    assert summary(shared) == summary(alone)
    assert np.array_equal(shared.corridors, alone.corridors, equal_nan=True)


def test_prefetch_on_processes_leaves_linkage_pathways_nothing_to_search(tmp_path):
    executor = ProcessExecutor(2)
    assert prefetch(tmp_path, executor) == 4  # sources 1-4; 5 lies on NoData only
    assert len([name for name in os.listdir(tmp_path) if name.endswith(".npy")]) == 4
    check_no_search_and_same_result(tmp_path)
    assert prefetch(tmp_path, executor) == 0  # a rerun finds them all


def test_prefetch_on_dask_leaves_linkage_pathways_nothing_to_search(tmp_path):
    pytest.importorskip("distributed")
    assert prefetch(tmp_path, DaskExecutor(workers=2)) == 4
    check_no_search_and_same_result(tmp_path)


def test_a_rerun_computes_only_what_is_missing(tmp_path):
    assert prefetch(tmp_path, SerialExecutor(), sources=[1, 3]) == 2
    assert prefetch(tmp_path, SerialExecutor()) == 2
    assert prefetch(tmp_path, SerialExecutor()) == 0
    check_no_search_and_same_result(tmp_path)


def test_the_limit_of_untruncated_corridors_is_found_too(tmp_path):
    labels, resistance, impassable = landscape()
    assert prefetch_surfaces(labels, resistance, impassable=impassable, cell_size=CELL,
                             max_cost=pathways_limit(5000.0, TRUNCATE, True),
                             store=FolderStore(str(tmp_path))) == 4
    store = CountingStore(str(tmp_path))
    linkage_pathways(labels, resistance, impassable=impassable, cell_size=CELL,
                     max_cost=5000.0, truncate=TRUNCATE, keep_untruncated=True, store=store)
    assert store.puts == 0 and store.hits >= 2


def test_the_surfaces_are_the_searched_ones_under_the_callers_key(tmp_path):
    """Pinch points and barriers search without a limit: the same arrays give their key."""
    labels, resistance, impassable = landscape()
    assert prefetch_surfaces(labels, resistance, impassable=impassable, cell_size=CELL,
                             store=FolderStore(str(tmp_path))) == 4
    store = CountingStore(str(tmp_path))
    distances = SourceDistances(labels, np.where(impassable, np.nan, resistance),
                                impassable=impassable, cell_size=(CELL, CELL), store=store)
    for source in (1, 2, 3, 4):
        expected = cost_distance(labels == source, resistance, impassable=impassable,
                                 cell_size=CELL)
        assert np.array_equal(distances(source), expected)
    assert distances.searches == 0 and store.hits == 4


def test_a_task_error_in_a_worker_reaches_the_caller(tmp_path):
    with pytest.raises(EspInputError, match="Source 99 has no passable cell"):
        prefetch(tmp_path, ProcessExecutor(2), sources=[1, 99])


def test_a_declining_store_counts_nothing_and_the_caller_still_searches(tmp_path, monkeypatch):
    monkeypatch.setattr(FolderStore, "put", lambda self, key, surface: None)
    assert prefetch(tmp_path, SerialExecutor()) == 0
    monkeypatch.undo()
    labels, resistance, impassable = landscape()
    store = CountingStore(str(tmp_path))
    assert summary(pathways(labels, resistance, impassable, store)) == \
        summary(pathways(labels, resistance, impassable))
    assert store.puts >= 4


def test_rasters_of_different_sizes_are_refused(tmp_path):
    labels, resistance, impassable = landscape()
    with pytest.raises(EspInputError, match="same size"):
        prefetch_surfaces(labels[:-1], resistance, impassable=impassable, cell_size=CELL,
                          store=FolderStore(str(tmp_path)))


def _write_tif(path, values, nodata):
    from osgeo import gdal

    rows, cols = values.shape
    kind = gdal.GDT_Float64 if values.dtype.kind == "f" else gdal.GDT_Int32
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, 1, kind)
    dataset.SetGeoTransform((500000.0, CELL, 0.0, 3000000.0, 0.0, -CELL))
    band = dataset.GetRasterBand(1)
    band.SetNoDataValue(nodata)
    band.WriteArray(values)
    dataset.FlushCache()
    dataset = None


@pytest.mark.parametrize("engine", ["serial", "processes"])
def test_geotiff_inputs_read_by_the_workers_give_the_array_surfaces(tmp_path, engine):
    pytest.importorskip("osgeo")
    from espcore.rasterfile import RasterFile

    labels, resistance, impassable = landscape()
    _write_tif(tmp_path / "resistance.tif", np.where(impassable, -9999.0, resistance), -9999.0)
    _write_tif(tmp_path / "sources.tif", labels.astype(np.int32), -1)
    from_files, from_arrays = tmp_path / "files", tmp_path / "arrays"
    from_files.mkdir()
    from_arrays.mkdir()
    executor = SerialExecutor() if engine == "serial" else ProcessExecutor(2)
    # Cell size from the GeoTIFF; NoData of the resistance = impassable.
    assert prefetch_surfaces(RasterFile(str(tmp_path / "sources.tif")),
                             RasterFile(str(tmp_path / "resistance.tif")),
                             store=FolderStore(str(from_files)), executor=executor) == 4
    assert prefetch_surfaces(ArrayRaster(Grid(labels, np.zeros(labels.shape, dtype=bool))),
                             ArrayRaster(Grid(resistance, impassable, (CELL, CELL))),
                             store=FolderStore(str(from_arrays))) == 4
    names = sorted(os.listdir(from_files))
    assert names == sorted(os.listdir(from_arrays)) and len(names) == 4
    for name in names:
        assert np.array_equal(np.load(from_files / name), np.load(from_arrays / name))
    # A rerun on the files checks the store in the workers: nothing is computed again.
    assert prefetch_surfaces(RasterFile(str(tmp_path / "sources.tif")),
                             RasterFile(str(tmp_path / "resistance.tif")),
                             store=FolderStore(str(from_files)), executor=executor) == 0


def test_when_workers_pay():
    assert not worth_parallel(10_000_000, 10, 1)
    assert not worth_parallel(100_000_000, 1, 4)
    assert not worth_parallel(1200, 4, 2)  # the tests' grids: searched in the caller
    assert worth_parallel(int(MIN_PARALLEL_WORK / 10), 10, 2)
    assert pathways_limit(100.0, 50.0, False) == 150.0
    assert pathways_limit(100.0, 50.0, True) == math.inf
