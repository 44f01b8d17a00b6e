"""Tiles, the part store and the tiled runner: tiles cover the raster once, a tiled local
step equals the whole-raster step, parts add up, and a rerun computes only missing tiles."""

import os

import numpy as np
import pytest
from executor_tasks import tiled_mean_setup, tiled_mean_work, tiled_spill_work
from progress_helpers import CancelAfterUpdates
from scipy import ndimage

from espcore.errors import Cancelled, EspInputError
from espcore.executor import ProcessExecutor
from espcore.grid import Grid
from espcore.rasterfile import ArrayRaster
from espcore.tiled import PartStore, array_writer, assemble, figures, run_tiles
from espcore.tiles import tile_size_for, tiling


def test_tile_cores_cover_every_cell_once_and_halos_clip_at_the_edge():
    tiles = tiling((23, 17), 5, halo=2)
    seen = np.zeros((23, 17), dtype=int)
    for tile in tiles:
        seen[tile.core] += 1
        assert tile.read_rows == (max(tile.rows[0] - 2, 0), min(tile.rows[1] + 2, 23))
        assert tile.read_cols == (max(tile.cols[0] - 2, 0), min(tile.cols[1] + 2, 17))
    assert (seen == 1).all()
    assert len(tiles) == 5 * 4  # ceil(23/5) x ceil(17/5)


def test_aligned_tiles_start_on_multiples_of_the_alignment():
    tiles = tiling((40, 40), 10, align=7)
    assert {tile.rows[0] for tile in tiles} == {0, 14, 28}


def test_bad_tilings_are_refused():
    with pytest.raises(EspInputError):
        tiling((10, 10), 0)
    with pytest.raises(EspInputError):
        tiling((0, 10), 4)
    with pytest.raises(EspInputError):
        tiling((10, 10), 4, halo=-1)


def test_tile_size_fits_the_budget():
    # 64 MB at 8 bytes per cell: a 2896-cell read window side, less twice the halo.
    assert tile_size_for(64 * 2 ** 20, 8.0, 100) == int((64 * 2 ** 20 / 8) ** 0.5) - 200
    assert tile_size_for(1.0, 8.0, 10) == 256


def _landscape(shape=(61, 47), seed=3):
    rng = np.random.default_rng(seed)
    values = rng.random(shape)
    mask = rng.random(shape) < 0.1
    return Grid(values, mask, (30.0, 30.0), (500000.0, 30.0, 0.0, 3000000.0, 0.0, -30.0))


def test_windows_read_from_an_array_carry_their_georeferencing():
    grid = _landscape()
    window = ArrayRaster(grid).read((10, 20), (5, 9))
    assert window.geotransform == (500000.0 + 5 * 30.0, 30.0, 0.0, 3000000.0 - 10 * 30.0,
                                   0.0, -30.0)
    np.testing.assert_array_equal(window.values, grid.values[10:20, 5:9])


def _whole_mean(grid, radius):
    filled = np.where(grid.mask, 0.0, grid.values)
    size = 2 * radius + 1
    return ndimage.uniform_filter(filled, size, mode="constant", cval=0.0) * size * size


@pytest.mark.parametrize("tile", [7, 16, 100])
def test_a_tiled_focal_sum_equals_the_whole_raster_one(tmp_path, tile):
    grid = _landscape()
    expected = _whole_mean(grid, 3)
    tiles = tiling(grid.shape, tile, halo=3)
    store = PartStore(str(tmp_path / "parts"))
    run = run_tiles(tiles, tiled_mean_setup(ArrayRaster(grid), 3), tiled_mean_work, store)
    assert (run.computed, run.resumed) == (len(tiles), 0)
    out = np.full(grid.shape, np.nan)
    assemble(store, tiles, "sum", grid.shape, array_writer(out))
    np.testing.assert_allclose(out, expected, rtol=1e-12, atol=1e-12)
    assert sum(f["cells"] for f in figures(store, tiles)) == grid.values.size


def test_spilled_parts_add_up_where_they_overlap(tmp_path):
    grid = _landscape((30, 30))
    tiles = tiling(grid.shape, 8, halo=2)
    store = PartStore(str(tmp_path / "parts"))
    run_tiles(tiles, tiled_mean_setup(ArrayRaster(grid), 2), tiled_spill_work, store)
    out = np.zeros(grid.shape)
    assemble(store, tiles, "ones", grid.shape, array_writer(out), mode="sum")
    # Every tile adds 1 over its read window: a cell counts the windows that hold it.
    expected = np.zeros(grid.shape)
    for tile in tiles:
        expected[slice(*tile.read_rows), slice(*tile.read_cols)] += 1
    np.testing.assert_array_equal(out, expected)
    assert out.max() == 4 and out.min() == 1


def test_a_rerun_after_a_cancel_computes_only_the_missing_tiles(tmp_path):
    grid = _landscape()
    tiles = tiling(grid.shape, 16, halo=3)
    store = PartStore(str(tmp_path / "parts"))
    setup = tiled_mean_setup(ArrayRaster(grid), 3)
    with pytest.raises(Cancelled):
        run_tiles(tiles, setup, tiled_mean_work, store, progress=CancelAfterUpdates(4))
    kept = sum(store.done(tile.index) for tile in tiles)
    assert 0 < kept < len(tiles)
    # A half-written part (a worker killed while saving) is not a finished tile.
    os.makedirs(os.path.join(store.folder, "{0:06d}.part".format(tiles[-1].index)))
    run = run_tiles(tiles, setup, tiled_mean_work, store)
    assert (run.computed, run.resumed) == (len(tiles) - kept, kept)
    out = np.zeros(grid.shape)
    assemble(store, tiles, "sum", grid.shape, array_writer(out))
    np.testing.assert_allclose(out, _whole_mean(grid, 3), rtol=1e-12, atol=1e-12)
    again = run_tiles(tiles, setup, tiled_mean_work, store, resume=False)
    assert again.computed == len(tiles)


def test_worker_processes_give_the_serial_parts(tmp_path):
    grid = _landscape()
    tiles = tiling(grid.shape, 20, halo=3)
    serial, pooled = PartStore(str(tmp_path / "a")), PartStore(str(tmp_path / "b"))
    setup = tiled_mean_setup(ArrayRaster(grid), 3)
    run_tiles(tiles, setup, tiled_mean_work, serial)
    run_tiles(tiles, setup, tiled_mean_work, pooled, executor=ProcessExecutor(2))
    for tile in tiles:
        np.testing.assert_array_equal(serial.load(tile.index, "sum"),
                                      pooled.load(tile.index, "sum"))


def test_geotiff_windows_round_trip(tmp_path):
    pytest.importorskip("osgeo")
    from osgeo import gdal

    from espcore.rasterfile import RasterFile, close, create_like, write_window

    grid = _landscape((40, 33))
    source_path = str(tmp_path / "in.tif")
    dataset = gdal.GetDriverByName("GTiff").Create(source_path, 33, 40, 1, gdal.GDT_Float64)
    dataset.SetGeoTransform(grid.geotransform)
    dataset.GetRasterBand(1).SetNoDataValue(-1.0)
    dataset.GetRasterBand(1).WriteArray(np.where(grid.mask, -1.0, grid.values))
    dataset = None

    source = RasterFile(source_path)
    assert source.shape == (40, 33)
    window = source.read((5, 25), (3, 30))
    np.testing.assert_array_equal(window.mask, grid.mask[5:25, 3:30])
    inside = ~window.mask
    np.testing.assert_array_equal(window.values[inside], grid.values[5:25, 3:30][inside])
    assert window.geotransform[0] == grid.geotransform[0] + 3 * 30.0

    tiles = tiling(grid.shape, 11, halo=3)
    store = PartStore(str(tmp_path / "parts"))
    run_tiles(tiles, tiled_mean_setup(source, 3), tiled_mean_work, store,
              executor=ProcessExecutor(2))
    target = create_like(str(tmp_path / "out.tif"), source, dtype="float64")
    assemble(store, tiles, "sum", source.shape,
             lambda top, band: write_window(target, top, 0, band))
    close(target)
    written = gdal.Open(target.path).ReadAsArray()
    np.testing.assert_allclose(written, _whole_mean(grid, 3), rtol=1e-12, atol=1e-12)
