"""Habitat quality on overlapping tiles equals the whole-raster model: every semantics, tiles
smaller and larger than the reach, accessibility and rarity, serial, in worker processes and
on Dask, resumed after a cancel, from GeoTIFF files; the halo is as wide as the farthest
reach (and no narrower will do); bad input gets the whole-raster function's own message."""

import numpy as np
import pytest
from progress_helpers import CancelAfterUpdates

from espcore.errors import Cancelled, EspInputError
from espcore.executor import ProcessExecutor
from espcore.grid import Grid
from espcore.rasterfile import ArrayRaster
from espcore.sources import habitattiles
from espcore.sources.habitat import Threat, decay_kernel, habitat_quality, invest312_kernel
from espcore.sources.habitattiles import (
    DEGRADATION,
    QUALITY,
    RARITY,
    habitat_tiles,
    halo_cells,
)
from espcore.tiled import PartStore, array_writer, assemble
from espcore.tiles import tiling

CELL = 30.0
GT = (500000.0, CELL, 0.0, 3000000.0, 0.0, -CELL)
#: a linear threat of 6.7 cells and an exponential one of 3 cells (15 cells with invest312)
THREATS = [Threat("road", 200.0, 0.7, "linear"), Threat("town", 90.0, 1.0, "exponential")]
HABITAT = {1: 1.0, 2: 0.5, 3: 0.2, 4: 0.0}
SENSITIVITY = {1: {"road": 0.8, "town": 0.5}, 2: {"road": 0.3, "town": 0.9},
               3: {"road": 1.0, "town": 0.1}, 4: {"road": 0.0, "town": 0.0}}
#: float32 outputs one rounding step apart
FLOAT32_STEP = 2.0 ** -23


def _grid(values, nodata=None):
    return Grid.from_array(values, nodata=nodata, geotransform=GT)


def landscape(shape=(46, 39), seed=11):
    """Land cover 1-4 with NoData 0, a road (intensities, NoData -1) and a town (0/1),
    accessibility 0-1 and a baseline with NoData."""
    rng = np.random.default_rng(seed)
    lc = rng.integers(1, 5, shape).astype(np.uint8)
    lc[rng.random(shape) < 0.1] = 0
    road = np.zeros(shape, dtype=np.float32)
    road[:, 17] = rng.uniform(0.2, 1.0, shape[0])
    road[rng.random(shape) < 0.01] = 0.6
    road[3, 17] = -1.0
    town = np.zeros(shape, dtype=np.float32)
    town[30:34, 5:9] = 1.0
    town[rng.random(shape) < 0.005] = 1.0
    baseline = lc.copy()
    baseline[:6] = 3
    baseline[rng.random(shape) < 0.05] = 0
    return {"lc": _grid(lc, 0), "threats": {"road": _grid(road, -1.0), "town": _grid(town)},
            "access": rng.uniform(0.0, 1.0, shape), "baseline": _grid(baseline, 0)}


def _whole(land, semantics, *, access=True, baseline=True, normalize=True):
    return habitat_quality(land["lc"], land["threats"], THREATS, HABITAT, SENSITIVITY,
                           half_saturation=0.3, semantics=semantics,
                           accessibility=land["access"] if access else None,
                           baseline=land["baseline"] if baseline else None,
                           normalize_kernel=normalize)


def _sources(land, source=ArrayRaster):
    return {"landcover": source(land["lc"]),
            "threats": {name: source(g) for name, g in land["threats"].items()},
            "access": source(Grid(land["access"], np.zeros(land["access"].shape, bool),
                                  land["lc"].cell_size, land["lc"].geotransform)),
            "baseline": source(land["baseline"]) if "baseline" in land else None}


def _tiled(path, sources, semantics, tile, *, access=True, baseline=True, normalize=True,
           **kwargs):
    store = PartStore(str(path))
    result = habitat_tiles(sources["landcover"], sources["threats"], THREATS, HABITAT,
                           SENSITIVITY, store=store, tile=tile, half_saturation=0.3,
                           semantics=semantics,
                           accessibility=sources["access"] if access else None,
                           baseline=sources["baseline"] if baseline else None,
                           normalize_kernel=normalize, **kwargs)
    shape = sources["landcover"].shape
    parts = {}
    for name in (DEGRADATION, QUALITY) + ((RARITY,) if baseline else ()):
        out = np.full(shape, np.nan, dtype=np.float32)
        assemble(store, result.tiles, name, shape, array_writer(out), dtype=np.float32,
                 fill=np.nan)
        parts[name] = out
    return result, parts


def _same(result, parts, whole, semantics):
    """invest313 (distances) bit for bit; the convolutions up to the FFT's round-off, which
    the float32 outputs round to at most the neighbouring float32 value."""
    pairs = [(parts[DEGRADATION], whole.degradation.values),
             (parts[QUALITY], whole.quality.values)]
    if RARITY in parts:
        pairs.append((parts[RARITY], whole.rarity.values))
    for got, want in pairs:
        if semantics == "invest313":
            np.testing.assert_array_equal(got, want)
        else:
            np.testing.assert_allclose(got, want, rtol=FLOAT32_STEP, atol=1e-9)
            np.testing.assert_array_equal(np.isnan(got), np.isnan(want))
    if semantics == "invest313":
        assert result.max_degradation == whole.max_degradation
    else:
        assert result.max_degradation == pytest.approx(whole.max_degradation, rel=1e-12,
                                                       abs=1e-12)
    assert result.rarity_by_class == whole.rarity_by_class
    quality = whole.quality.values[~np.isnan(whole.quality.values)].astype(np.float64)
    assert result.quality_cells == quality.size
    assert result.mean_quality == pytest.approx(quality.mean(), rel=1e-6)


@pytest.mark.parametrize("tile", [4, 13, 200])
@pytest.mark.parametrize("semantics", ["invest313", "invest312", "guide_sum"])
def test_tiles_give_the_whole_raster_model(tmp_path, semantics, tile):
    land = landscape()
    result, parts = _tiled(tmp_path / "parts", _sources(land), semantics, tile)
    _same(result, parts, _whole(land, semantics), semantics)
    assert result.run.computed == len(result.tiles) == \
        len(tiling(land["lc"].shape, tile))
    assert result.max_degradation > 0


def test_the_literal_sum_without_accessibility_or_baseline(tmp_path):
    land = landscape()
    result, parts = _tiled(tmp_path / "parts", _sources(land), "guide_sum", 9,
                           access=False, baseline=False, normalize=False)
    whole = _whole(land, "guide_sum", access=False, baseline=False, normalize=False)
    _same(result, parts, whole, "guide_sum")
    assert RARITY not in parts and result.rarity_by_class == {}
    assert result.max_degradation > 1  # the literal sum: far above the normalised one


def test_the_halo_is_the_farthest_reach_of_the_kernels():
    for threat in THREATS:
        for semantics in ("invest313", "guide_sum"):
            assert halo_cells([threat], CELL, semantics) == \
                decay_kernel(threat, (CELL, CELL)).shape[0] // 2
        assert halo_cells([threat], (CELL, CELL), "invest312") == \
            invest312_kernel(threat, CELL).shape[0] // 2
    # InVEST 3.12's exponential kernel exp(-d / d_max) runs out to 5 d_max
    assert halo_cells(THREATS[1:], CELL, "invest312") == 15
    assert halo_cells(THREATS[1:], CELL, "invest313") == 3
    assert halo_cells(THREATS, CELL, "invest313") == 6
    # a cell exactly at d_max is in reach; rectangular cells reach farther along the shorter
    assert halo_cells([Threat("t", 90.0, 1.0)], CELL, "guide_sum") == 3
    assert halo_cells([Threat("t", 90.0, 1.0)], (30.0, 15.0), "invest313") == 6
    with pytest.raises(EspInputError, match="semantics"):
        halo_cells(THREATS, CELL, "invest300")


def test_a_halo_one_cell_short_is_not_exact(tmp_path, monkeypatch):
    land = landscape()
    whole = _whole(land, "invest312", access=False, baseline=False)
    short = halo_cells(THREATS, CELL, "invest312") - 1
    monkeypatch.setattr(habitattiles, "halo_cells", lambda *args: short)
    _, parts = _tiled(tmp_path / "parts", _sources(land), "invest312", 10, access=False,
                      baseline=False)
    assert np.nanmax(np.abs(parts[DEGRADATION] - whole.degradation.values)) > 1e-7


def test_worker_processes_and_files_give_the_whole_raster_model(tmp_path):
    gdal = pytest.importorskip("osgeo.gdal")
    from espcore.rasterfile import RasterFile

    land = landscape()

    def write(name, values, nodata=None):
        path = str(tmp_path / (name + ".tif"))
        rows, cols = values.shape
        kind = {np.dtype(np.uint8): gdal.GDT_Byte, np.dtype(np.float32): gdal.GDT_Float32,
                np.dtype(np.float64): gdal.GDT_Float64}[values.dtype]
        dataset = gdal.GetDriverByName("GTiff").Create(path, cols, rows, 1, kind)
        dataset.SetGeoTransform(GT)
        if nodata is not None:
            dataset.GetRasterBand(1).SetNoDataValue(nodata)
        dataset.GetRasterBand(1).WriteArray(values)
        dataset = None
        return RasterFile(path)

    files = {"landcover": write("lc", land["lc"].values, 0),
             "threats": {"road": write("road", land["threats"]["road"].values, -1.0),
                         "town": write("town", land["threats"]["town"].values)},
             "access": write("access", land["access"]),
             "baseline": write("baseline", land["baseline"].values, 0)}
    result, parts = _tiled(tmp_path / "parts", files, "guide_sum", 16,
                           executor=ProcessExecutor(2))
    _same(result, parts, _whole(land, "guide_sum"), "guide_sum")


def test_dask_workers_give_the_whole_raster_model(tmp_path):
    pytest.importorskip("distributed")
    from espcore.executor import DaskExecutor

    land = landscape()
    result, parts = _tiled(tmp_path / "parts", _sources(land), "invest313", 16,
                           executor=DaskExecutor(2))
    _same(result, parts, _whole(land, "invest313"), "invest313")


def test_a_rerun_after_a_cancel_resumes(tmp_path):
    land = landscape()
    sources = _sources(land)
    tiles = tiling(land["lc"].shape, 10)
    with pytest.raises(Cancelled):
        _tiled(tmp_path / "parts", sources, "invest312", 10,
               progress=CancelAfterUpdates(len(tiles) + 4))
    store = PartStore(str(tmp_path / "parts"))
    kept = sum(store.done(tile.index) for tile in tiles)
    assert 0 < kept < len(tiles)
    result, parts = _tiled(tmp_path / "parts", sources, "invest312", 10)
    assert (result.run.computed, result.run.resumed) == (len(tiles) - kept, kept)
    _same(result, parts, _whole(land, "invest312"), "invest312")


def _both_refuse(tmp_path, land, *, semantics="invest313", threats=THREATS,
                 habitat=HABITAT, sensitivity=SENSITIVITY, half_saturation=0.3,
                 access=True):
    """The whole-raster and the tiled error, which must say the same."""
    with pytest.raises(EspInputError) as whole:
        habitat_quality(land["lc"], land["threats"], threats, habitat, sensitivity,
                        half_saturation=half_saturation, semantics=semantics,
                        accessibility=land["access"] if access else None)
    sources = _sources(land)
    with pytest.raises(EspInputError) as tiled:
        habitat_tiles(sources["landcover"], sources["threats"], threats, habitat,
                      sensitivity, store=PartStore(str(tmp_path / "parts")), tile=7,
                      half_saturation=half_saturation, semantics=semantics,
                      accessibility=sources["access"] if access else None, resume=False)
    assert str(tiled.value) == str(whole.value)
    return str(tiled.value)


def test_bad_input_gets_the_whole_raster_message(tmp_path):
    land = landscape()
    # classes missing from the sensitivity table, in different tiles, all listed
    lc = land["lc"].values.copy()
    lc[0, 0], lc[-1, -1], lc[25, 3] = 7, 9, 8
    assert "7, 8, 9." in _both_refuse(tmp_path, {**land, "lc": _grid(lc, 0)})
    assert "fractional" in _both_refuse(tmp_path, {**land, "lc": _grid(lc + 0.5, 0.5)})
    empty = _grid(np.zeros(lc.shape, dtype=np.uint8), 0)
    assert "every cell is NoData" in _both_refuse(tmp_path, {**land, "lc": empty})
    # the accessibility and the threat values over the whole raster
    access = land["access"].copy()
    access[40, 30], access[2, 2] = 1.5, -0.25
    assert "-0.25 to 1.5" in _both_refuse(tmp_path, {**land, "access": access})
    road = land["threats"]["road"].values.copy()
    road[44, 38], road[1, 1] = 3.0, 2.0
    threats = {**land["threats"], "road": _grid(road, -1.0)}
    assert "from 0 to 3" in _both_refuse(tmp_path, {**land, "threats": threats})
    road[5, 5] = np.inf
    threats = {**land["threats"], "road": _grid(road, -1.0)}
    assert "infinite" in _both_refuse(tmp_path, {**land, "threats": threats})
    # tables and options
    no_town = {code: {"road": row["road"]} for code, row in SENSITIVITY.items()}
    assert "no sensitivity" in _both_refuse(tmp_path, land, sensitivity=no_town)
    with_mine = {code: {**row, "mine": 0.5} for code, row in SENSITIVITY.items()}
    assert "No raster was given" in _both_refuse(
        tmp_path, land, threats=THREATS + [Threat("mine", 100.0, 0.5)],
        sensitivity=with_mine)
    assert "semantics" in _both_refuse(tmp_path, land, semantics="invest300")
    assert "half-saturation" in _both_refuse(tmp_path, land, half_saturation=0.0)
    assert "weight 0" in _both_refuse(
        tmp_path, land, threats=[Threat(t.name, t.max_distance, 0.0) for t in THREATS])
    # another grid; InVEST 3.12 on cells that are not square
    other = Grid.from_array(np.zeros((46, 38), dtype=np.float32), geotransform=GT)
    assert "not on the same grid" in _both_refuse(
        tmp_path, {**land, "threats": {**land["threats"], "town": other}})
    oblong = (GT[0], CELL, 0.0, GT[3], 0.0, -2 * CELL)
    stretched = {"lc": Grid.from_array(land["lc"].values, nodata=0, geotransform=oblong),
                 "threats": {n: Grid.from_array(g.values, geotransform=oblong)
                             for n, g in land["threats"].items()}, "access": land["access"]}
    assert "square cells" in _both_refuse(tmp_path, stretched, semantics="invest312",
                                          access=False)
