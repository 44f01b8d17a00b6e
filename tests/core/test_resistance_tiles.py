"""The resistance surface tile by tile equals the whole-raster surface: every option, tiles of
any size, serial, in worker processes and on Dask, resumed after a cancel, from GeoTIFF
files; and it refuses bad input with the whole-raster function's own messages."""

import numpy as np
import pytest
from progress_helpers import CancelAfterUpdates

from espcore.errors import Cancelled, EspInputError
from espcore.executor import ProcessExecutor
from espcore.grid import Grid
from espcore.rasterfile import ArrayRaster
from espcore.resistance.surface import resistance_surface
from espcore.resistance.surfacetiles import (
    PART,
    ResistanceStatistics,
    resistance_statistics,
    resistance_tiles,
)
from espcore.tiled import PartStore, array_writer, assemble
from espcore.tiles import tiling

GT = (500000.0, 30.0, 0.0, 3000000.0, 0.0, -30.0)
TABLE = {1: 1.0, 2: 10.0, 3: 100.0, 4: 500.0}
#: float32 results one rounding step apart (the class means add up in another order)
FLOAT32_STEP = 2.0 ** -23


def _grid(values, nodata=None):
    return Grid.from_array(values, nodata=nodata, geotransform=GT)


def landscape(shape=(41, 37), seed=5):
    """Land cover 1-5 (5 not in the table) with NoData 0, a correction with NoData -1 and
    two factors with NaN holes, one of them float32."""
    rng = np.random.default_rng(seed)
    lc = rng.integers(1, 6, shape).astype(np.uint8)
    lc[rng.random(shape) < 0.1] = 0
    correction = rng.random(shape) * 50.0
    correction[rng.random(shape) < 0.05] = -1.0
    slope = rng.random(shape) * 30.0
    slope[rng.random(shape) < 0.05] = np.nan
    ndvi = rng.random(shape).astype(np.float32)
    return {"lc": _grid(lc, 0), "correction": _grid(correction, -1.0),
            "factors": {"slope": _grid(slope), "ndvi": _grid(ndvi)}}


OPTIONS = {
    "plain": {"unmapped_nodata": True},
    "correction": {"unmapped_nodata": True, "correction": True, "ratio_min": 0.2,
                   "ratio_max": 5.0},
    "factors": {"unmapped_nodata": True, "factors": True, "landcover_weight": 2.0,
                "factor_weights": [0.5, 1.0], "inverted": [False, True]},
    "both": {"unmapped_nodata": True, "correction": True, "factors": True,
             "inverted": [True, False]},
}


def _arguments(land, options, source):
    """(whole-raster keywords, tiled keywords) for ``options``."""
    whole, tiled = dict(options), dict(options)
    if options.get("correction"):
        whole["correction"] = land["correction"]
        tiled["correction"] = source(land["correction"])
    if options.get("factors"):
        whole["factors"] = land["factors"]
        tiled["factors"] = {name: source(g) for name, g in land["factors"].items()}
    return whole, tiled


def _assemble(store, tiles, shape):
    out = np.full(shape, np.nan, dtype=np.float32)
    assemble(store, tiles, PART, shape, array_writer(out), dtype=np.float32, fill=np.nan)
    return out


def _tiled(tmp_path, land, options, tile, name="parts", **kwargs):
    whole_kw, tiled_kw = _arguments(land, options, ArrayRaster)
    store = PartStore(str(tmp_path / name))
    result = resistance_tiles(ArrayRaster(land["lc"]), TABLE, store=store, tile=tile,
                              **tiled_kw, **kwargs)
    return result, _assemble(store, result.tiles, land["lc"].shape), whole_kw


def _same(got, want, options):
    if options.get("correction"):
        np.testing.assert_allclose(got, want, rtol=FLOAT32_STEP, atol=0.0)
        np.testing.assert_array_equal(np.isnan(got), np.isnan(want))
    else:  # minima and maxima merge exactly: bit for bit
        np.testing.assert_array_equal(got, want)


@pytest.mark.parametrize("tile", [4, 13, 100])
@pytest.mark.parametrize("name", sorted(OPTIONS))
def test_tiles_give_the_whole_raster_surface(tmp_path, name, tile):
    land = landscape()
    options = OPTIONS[name]
    result, got, whole_kw = _tiled(tmp_path, land, options, tile)
    want = resistance_surface(land["lc"], TABLE, **whole_kw).values
    _same(got, want, options)
    assert result.run.computed == len(tiling(land["lc"].shape, tile))
    valid = want[~np.isnan(want)].astype(np.float64)
    assert result.cells == valid.size
    assert result.low == valid.min() and result.high == valid.max()
    assert result.mean == pytest.approx(valid.mean(), rel=1e-12)


def test_merged_window_statistics_are_the_whole_raster_ones():
    land = landscape()
    correction, factors = land["correction"], land["factors"]
    whole = resistance_statistics(land["lc"], TABLE, correction=correction, factors=factors)
    merged = ResistanceStatistics()
    for tile in tiling(land["lc"].shape, 9):
        windows = [ArrayRaster(g).read(tile.rows, tile.cols)
                   for g in (land["lc"], correction, *factors.values())]
        merged = merged.merge(resistance_statistics(
            windows[0], TABLE, correction=windows[1],
            factors=dict(zip(factors, windows[2:]))))
    assert merged.missing == whole.missing == (5,)
    assert (merged.cells, merged.mapped, merged.correction_cells, merged.overlay_cells) == \
        (whole.cells, whole.mapped, whole.correction_cells, whole.overlay_cells)
    assert merged.class_counts == whole.class_counts
    np.testing.assert_allclose(merged.class_means(), whole.class_means(), rtol=1e-13)
    assert merged.factor_ranges() == whole.factor_ranges()
    # the class means are the ones class_mean_correction computes: mapped cells with both
    lc, c = land["lc"].values, correction.values
    both = land["lc"].valid & correction.valid & (lc <= 4)
    for position, code in enumerate(sorted(TABLE)):
        assert merged.class_means()[position] == pytest.approx(c[both & (lc == code)].mean())
    assert ResistanceStatistics.from_figures(merged.to_figures()) == merged


def test_worker_processes_and_files_give_the_serial_surface(tmp_path):
    gdal = pytest.importorskip("osgeo.gdal")
    from espcore.rasterfile import RasterFile

    land = landscape()

    def write(name, grid, nodata):
        path = str(tmp_path / (name + ".tif"))
        rows, cols = grid.shape
        kind = {np.dtype(np.uint8): gdal.GDT_Byte, np.dtype(np.float32): gdal.GDT_Float32,
                np.dtype(np.float64): gdal.GDT_Float64}[grid.values.dtype]
        dataset = gdal.GetDriverByName("GTiff").Create(path, cols, rows, 1, kind)
        dataset.SetGeoTransform(GT)
        dataset.GetRasterBand(1).SetNoDataValue(nodata)
        dataset.GetRasterBand(1).WriteArray(grid.filled(nodata))
        dataset = None
        return RasterFile(path)

    files = {"lc": write("lc", land["lc"], 0), "correction":
             write("correction", land["correction"], -1.0),
             "factors": {name: write(name, g, -9999.0)
                         for name, g in land["factors"].items()}}
    options = OPTIONS["both"]
    whole_kw, _ = _arguments(land, options, ArrayRaster)
    _, tiled_kw = _arguments(files, options, lambda source: source)
    store = PartStore(str(tmp_path / "parts"))
    result = resistance_tiles(files["lc"], TABLE, store=store, tile=16,
                              executor=ProcessExecutor(2), **tiled_kw)
    got = _assemble(store, result.tiles, land["lc"].shape)
    _same(got, resistance_surface(land["lc"], TABLE, **whole_kw).values, options)


def test_dask_workers_give_the_serial_surface(tmp_path):
    pytest.importorskip("distributed")
    from espcore.executor import DaskExecutor

    land = landscape()
    options = OPTIONS["both"]
    _, serial, whole_kw = _tiled(tmp_path, land, options, 16, name="serial")
    _, dask, _ = _tiled(tmp_path, land, options, 16, name="dask",
                        executor=DaskExecutor(2))
    np.testing.assert_array_equal(dask, serial)


def test_a_rerun_after_a_cancel_resumes_both_passes(tmp_path):
    land = landscape()
    options = OPTIONS["both"]
    tiles = tiling(land["lc"].shape, 10)
    _, tiled_kw = _arguments(land, options, ArrayRaster)
    store = PartStore(str(tmp_path / "parts"))
    # the first pass reports once plus once per tile: cancel a few tiles into the second
    with pytest.raises(Cancelled):
        resistance_tiles(ArrayRaster(land["lc"]), TABLE, store=store, tile=10,
                         progress=CancelAfterUpdates(len(tiles) + 4), **tiled_kw)
    kept = sum(store.done(tile.index) for tile in tiles)
    assert 0 < kept < len(tiles)
    result = resistance_tiles(ArrayRaster(land["lc"]), TABLE, store=store, tile=10,
                              **tiled_kw)
    assert (result.run.computed, result.run.resumed) == (len(tiles) - kept, kept)
    whole_kw, _ = _arguments(land, options, ArrayRaster)
    _same(_assemble(store, result.tiles, land["lc"].shape),
          resistance_surface(land["lc"], TABLE, **whole_kw).values, options)


def _both_refuse(tmp_path, land, table=TABLE, **options):
    """The whole-raster and the tiled error, which must say the same."""
    whole_kw, tiled_kw = dict(options), dict(options)
    for key in ("correction",):
        if key in options:
            tiled_kw[key] = ArrayRaster(options[key])
    if "factors" in options:
        tiled_kw["factors"] = {n: ArrayRaster(g) for n, g in options["factors"].items()}
    with pytest.raises(EspInputError) as whole:
        resistance_surface(land["lc"], table, **whole_kw)
    with pytest.raises(EspInputError) as tiled:
        resistance_tiles(ArrayRaster(land["lc"]), table, tile=6,
                         store=PartStore(str(tmp_path / "parts")), resume=False,
                         **tiled_kw)
    assert str(tiled.value) == str(whole.value)
    return str(tiled.value)


def test_bad_input_gets_the_whole_raster_message(tmp_path):
    land = landscape()
    # classes missing from the table, found in different tiles, all listed
    lc = land["lc"].values.copy()
    lc[0, 0], lc[-1, -1], lc[20, 3] = 7, 9, 8
    spread = {**land, "lc": _grid(lc, 0)}
    assert "5, 7, 8, 9." in _both_refuse(tmp_path, spread)
    many = np.arange(40 * 37).reshape(40, 37) % 30 + 1  # classes 5-30 missing: 6 beyond 20
    assert "and 6 more" in _both_refuse(tmp_path, {"lc": _grid(many.astype(np.int32))})
    assert "fractional" in _both_refuse(tmp_path, {"lc": _grid(lc + 0.5)})
    assert "every cell is NoData" in _both_refuse(tmp_path, {"lc": _grid(np.zeros((9, 9)), 0)})
    assert "No land-cover class" in _both_refuse(tmp_path, land, {7: 1.0},
                                                 unmapped_nodata=True)
    assert "is empty" in _both_refuse(tmp_path, land, {})
    assert "class 1, 2 has" in _both_refuse(tmp_path, land, {1: 0.0, 2: -1.0, 3: 1.0})
    # the correction: negative values, ratio limits, no data where the land cover has data
    negative = land["correction"].values.copy()
    mapped = land["lc"].valid & (land["lc"].values <= 4) & land["correction"].valid
    negative[tuple(np.argwhere(mapped)[-1])] = -2.5
    assert "lowest -2.5" in _both_refuse(tmp_path, land, unmapped_nodata=True,
                                          correction=_grid(negative, -1.0))
    assert "ratio limits" in _both_refuse(tmp_path, land, unmapped_nodata=True,
                                          correction=land["correction"], ratio_min=2.0)
    empty = _grid(np.full(land["lc"].shape, -1.0), -1.0)
    assert "no data where" in _both_refuse(tmp_path, land, unmapped_nodata=True,
                                           correction=empty)
    # factors: constant where every input holds data, weights, directions
    flat = land["factors"]["slope"].values.copy()
    flat[~np.isnan(flat)] = 4.0
    constant = {"slope": _grid(flat), "ndvi": land["factors"]["ndvi"]}
    assert "same value (4)" in _both_refuse(tmp_path, land, unmapped_nodata=True,
                                            factors=constant)
    assert "factor weights" in _both_refuse(tmp_path, land, unmapped_nodata=True,
                                            factors=land["factors"], factor_weights=[1.0])
    assert "directions" in _both_refuse(tmp_path, land, unmapped_nodata=True,
                                        factors=land["factors"], inverted=[True])
    assert "negative" in _both_refuse(tmp_path, land, unmapped_nodata=True,
                                      factors=land["factors"], factor_weights=[1.0, -1.0])
    # another grid
    other = Grid.from_array(np.ones((41, 36)), geotransform=GT)
    assert "not on the same grid" in _both_refuse(tmp_path, land, unmapped_nodata=True,
                                                  factors={"slope": other})


def test_a_constant_factor_over_a_tile_is_no_error(tmp_path):
    """Rescaling uses the whole raster's range: a factor flat inside one tile is fine."""
    land = landscape()
    slope = land["factors"]["slope"].values.copy()
    slope[:13, :13] = 7.0
    options = {"unmapped_nodata": True, "factors": True}
    land = {**land, "factors": {"slope": _grid(slope)}}
    _, got, whole_kw = _tiled(tmp_path, land, options, 13)
    _same(got, resistance_surface(land["lc"], TABLE, **whole_kw).values, options)


def test_default_statistics_leave_the_whole_raster_function_unchanged():
    """class_means and factor_ranges of the whole raster give its own surface, bit for bit."""
    land = landscape()
    stats = resistance_statistics(land["lc"], TABLE, correction=land["correction"],
                                  factors=land["factors"])
    plain = resistance_surface(land["lc"], TABLE, unmapped_nodata=True,
                               correction=land["correction"], factors=land["factors"])
    given = resistance_surface(land["lc"], TABLE, unmapped_nodata=True,
                               correction=land["correction"], factors=land["factors"],
                               class_means=stats.class_means(),
                               factor_ranges=stats.factor_ranges())
    np.testing.assert_array_equal(given.values, plain.values)
