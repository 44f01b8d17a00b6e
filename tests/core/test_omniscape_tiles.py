"""Omniscape tile by tile equals the whole-raster run.

Every window of a tiled run is the whole run's window (same cells, same numbers); only the
order in which the windows' currents are added differs (per tile, then the tiles' parts), so
the maps are compared to floating-point summation order: ``rtol=1e-12`` plus an absolute
1e-12 of the map's largest value for cells near 0. One tile over the whole raster gives the
same bits.
"""

import os

import numpy as np
import pytest
from progress_helpers import CancelAfterUpdates

from espcore import Cancelled, EspInputError
from espcore.circuits.circuit import MAP_NODATA
from espcore.circuits.omniscape import OmniscapeOptions, omniscape
from espcore.circuits.omniscapetiles import (
    assemble_omniscape,
    default_tile,
    finish_band,
    omniscape_tiles,
    output_names,
    plan_tiles,
    tiled_windows,
)
from espcore.executor import ProcessExecutor
from espcore.grid import Grid
from espcore.rasterfile import ArrayRaster
from espcore.tiled import PartStore, array_writer

RTOL = 1e-12
TRANSFORM = (500000.0, 30.0, 0.0, 3000000.0, 0.0, -30.0)


def landscape(shape=(31, 27), seed=0, holes=0.06):
    """Lognormal resistances with NoData holes, sources on most cells (some NoData)."""
    rng = np.random.default_rng(seed)
    resistance = np.exp(rng.normal(0.0, 1.2, shape))
    valid = rng.random(shape) > holes
    source = rng.uniform(0.0, 1.0, shape)
    source[rng.random(shape) < 0.3] = 0.0
    source_valid = rng.random(shape) > 0.03
    return resistance, valid, source, source_valid


def raster(values, valid=None):
    mask = np.zeros(values.shape, bool) if valid is None else ~valid
    return ArrayRaster(Grid(values, mask, (30.0, 30.0), TRANSFORM))


def whole_maps(resistance, valid, source, source_valid, options, conditions=None):
    return omniscape(resistance, valid, source=source, source_valid=source_valid,
                     options=options, **(conditions or {}))


def tiled_maps(tmp_path, resistance, valid, source, source_valid, options, tile, *,
               executor=None, conditions=None, name="parts"):
    store = PartStore(str(tmp_path / name))
    rasters = {key: raster(values, ~np.isnan(values)) for key, values in
               (conditions or {}).items()}
    res = raster(resistance, valid)
    run = omniscape_tiles(res, source=raster(source, source_valid), options=options,
                          store=store, conditions=rasters, tile=tile, executor=executor)
    tiles = plan_tiles(resistance.shape, options, tile)
    assert (run.computed, run.resumed) == (len(tiles), 0)
    out = {name: np.full(resistance.shape, np.nan) for name in output_names(options)}
    assemble_omniscape(store, tiles, res, options,
                       {name: array_writer(array) for name, array in out.items()})
    return out, store, tiles


def assert_same(tiled, whole):
    assert set(tiled) == set(whole)
    for name in whole:
        scale = max(float(np.abs(whole[name]).max()), 1.0)
        np.testing.assert_allclose(tiled[name], whole[name], rtol=RTOL, atol=RTOL * scale,
                                   err_msg=name)
        # NoData marks are exact
        np.testing.assert_array_equal(tiled[name] == MAP_NODATA, whole[name] == MAP_NODATA)


CASES = [
    # block size, radius, buffer, four neighbours, sources from resistance, tile
    (1, 3, 0, False, False, 5),
    (1, 4, 1, True, True, 8),
    (3, 4, 0, False, False, 7),
    (3, 5, 2, True, False, 4),
    (2, 3, 1, False, True, 6),  # even: raised to 3
    (5, 6, 0, False, False, 10),
]


@pytest.mark.parametrize("block, radius, buffer, four, from_resistance, tile", CASES)
def test_tiles_give_the_whole_run(tmp_path, block, radius, buffer, four, from_resistance,
                                  tile):
    resistance, valid, source, source_valid = landscape(seed=block + radius)
    options = OmniscapeOptions(radius=radius, block_size=block, buffer=buffer,
                               connect_four_neighbors_only=four,
                               source_from_resistance=from_resistance,
                               calc_flow_potential=True, calc_normalized_current=True)
    whole = whole_maps(resistance, valid, source, source_valid, options)
    tiled, store, tiles = tiled_maps(tmp_path, resistance, valid, source, source_valid,
                                     options, tile)
    assert len(tiles) > 4
    assert_same(tiled, whole)
    assert (tiled["cum_currmap"] == MAP_NODATA).any()


def test_one_tile_over_the_raster_gives_the_same_bits(tmp_path):
    resistance, valid, source, source_valid = landscape()
    options = OmniscapeOptions(radius=4, block_size=3, calc_normalized_current=True)
    whole = whole_maps(resistance, valid, source, source_valid, options)
    tiled, _, tiles = tiled_maps(tmp_path, resistance, valid, source, source_valid, options,
                                 100)
    assert len(tiles) == 1
    for name in whole:
        np.testing.assert_array_equal(tiled[name], whole[name])


def test_without_artifact_correction_and_other_solvers(tmp_path):
    resistance, valid, source, source_valid = landscape(seed=5)
    for solver in ("superlu", "amg"):
        options = OmniscapeOptions(radius=4, block_size=3, correct_artifacts=False,
                                   solver=solver, calc_flow_potential=True)
        whole = whole_maps(resistance, valid, source, source_valid, options)
        tiled, _, _ = tiled_maps(tmp_path, resistance, valid, source, source_valid, options,
                                 6, name=solver)
        if solver == "amg":  # iterative: the same iterations, to the solver's tolerance
            for name in whole:
                np.testing.assert_allclose(tiled[name], whole[name], rtol=1e-9, atol=1e-9)
        else:
            assert_same(tiled, whole)


def test_conditional_connectivity_and_reclassification_by_tile(tmp_path):
    resistance, valid, source, source_valid = landscape(seed=7)
    rng = np.random.default_rng(8)
    classes = rng.integers(1, 4, resistance.shape).astype(float)
    resistance = classes * 2.0
    temperature = rng.normal(10.0, 1.0, resistance.shape)
    temperature[rng.random(resistance.shape) < 0.05] = np.nan
    future = temperature + rng.normal(0.5, 0.3, resistance.shape)
    conditions = {"condition1": temperature, "condition1_future": future,
                  "condition2": classes}
    options = OmniscapeOptions(
        radius=4, block_size=3, calc_normalized_current=True, reclassify_resistance=True,
        reclass_table=((2.0, 5.0), (6.0, float("nan"))), conditional=True, n_conditions=2,
        compare_to_future="1", comparison1="within", condition1_lower=-1.0,
        condition1_upper=1.0, comparison2="equals")
    whole = whole_maps(resistance, valid, source, source_valid, options, conditions)
    tiled, _, _ = tiled_maps(tmp_path, resistance, valid, source, source_valid, options, 6,
                             conditions=conditions)
    assert "classified_resistance" in tiled
    assert_same(tiled, whole)
    # the conditions did act
    plain = whole_maps(resistance, valid, source, source_valid,
                       OmniscapeOptions(radius=4, block_size=3, reclassify_resistance=True,
                                        reclass_table=options.reclass_table))
    assert np.abs(plain["cum_currmap"] - whole["cum_currmap"]).max() > 1e-3


def test_worker_processes_give_the_whole_run(tmp_path):
    resistance, valid, source, source_valid = landscape((29, 33), seed=11)
    options = OmniscapeOptions(radius=4, block_size=3, buffer=1, calc_normalized_current=True)
    whole = whole_maps(resistance, valid, source, source_valid, options)
    tiled, store, tiles = tiled_maps(tmp_path, resistance, valid, source, source_valid,
                                     options, 9, executor=ProcessExecutor(2))
    assert_same(tiled, whole)
    assert tiled_windows(store, tiles) > 0


def test_a_dask_cluster_gives_the_whole_run(tmp_path):
    pytest.importorskip("distributed")
    from espcore.executor import DaskExecutor

    resistance, valid, source, source_valid = landscape((29, 33), seed=12)
    options = OmniscapeOptions(radius=4, block_size=3, calc_flow_potential=True)
    whole = whole_maps(resistance, valid, source, source_valid, options)
    tiled, _, _ = tiled_maps(tmp_path, resistance, valid, source, source_valid, options, 9,
                             executor=DaskExecutor(2))
    assert_same(tiled, whole)


def test_a_rerun_after_a_cancel_computes_only_the_missing_tiles(tmp_path):
    resistance, valid, source, source_valid = landscape(seed=13)
    options = OmniscapeOptions(radius=4, block_size=3, calc_normalized_current=True)
    res, src = raster(resistance, valid), raster(source, source_valid)
    store = PartStore(str(tmp_path / "parts"))
    tiles = plan_tiles(resistance.shape, options, 6)
    with pytest.raises(Cancelled):
        omniscape_tiles(res, source=src, options=options, store=store, tile=6,
                        progress=CancelAfterUpdates(6))
    kept = sum(store.done(tile.index) for tile in tiles)
    assert 0 < kept < len(tiles)
    with pytest.raises(EspInputError, match="not finished"):
        assemble_omniscape(store, tiles, res, options, {"cum_currmap": lambda top, band: None})
    lines = []
    run = omniscape_tiles(res, source=src, options=options, store=store, tile=6,
                          log=lambda template, **fields: lines.append(template.format(**fields)))
    assert (run.computed, run.resumed) == (len(tiles) - kept, kept)
    assert any("{0} tiles kept".format(kept) in line for line in lines)
    out = {name: np.zeros(resistance.shape) for name in output_names(options)}
    assemble_omniscape(store, tiles, res, options,
                       {name: array_writer(array) for name, array in out.items()})
    assert_same(out, whole_maps(resistance, valid, source, source_valid, options))


def test_tiles_start_on_blocks_and_read_the_reach():
    options = OmniscapeOptions(radius=6, block_size=4, buffer=2)  # block 5, reach 8
    tiles = plan_tiles((53, 41), options, 12)
    assert {tile.rows[0] % 5 for tile in tiles} == {0}
    assert {tile.cols[1] - tile.cols[0] for tile in tiles} == {15, 41 - 30}
    assert all(tile.read_rows == (max(tile.rows[0] - 8, 0), min(tile.rows[1] + 8, 53))
               for tile in tiles)
    assert default_tile(OmniscapeOptions(radius=20, block_size=5)) == 100
    assert default_tile(OmniscapeOptions(radius=20)) == 80
    with pytest.raises(EspInputError):
        plan_tiles((10, 10), options, 0)


def test_bad_inputs_are_refused_before_any_tile(tmp_path):
    resistance, valid, source, source_valid = landscape(seed=3)
    options = OmniscapeOptions(radius=3, block_size=3)
    store = PartStore(str(tmp_path / "parts"))

    def run(res=resistance, ok=valid, src=source, **fields):
        return omniscape_tiles(raster(res, ok), source=None if src is None else raster(src),
                               options=OmniscapeOptions(**{"radius": 3, "block_size": 3,
                                                           **fields}),
                               store=store, tile=6)

    bad = resistance.copy()
    bad[np.nonzero(valid)[0][-1], np.nonzero(valid)[1][-1]] = -1.0
    with pytest.raises(EspInputError, match="zero or negative"):
        run(res=bad)
    with pytest.raises(EspInputError, match="No cell is a source"):
        run(src=np.zeros(resistance.shape))
    with pytest.raises(EspInputError, match="at least two"):
        run(ok=np.zeros(resistance.shape, bool))
    with pytest.raises(EspInputError, match="source strength raster"):
        run(src=None)
    with pytest.raises(EspInputError, match="different sizes"):
        run(src=source[:, 1:])
    with pytest.raises(EspInputError, match="condition 1"):
        run(conditional=True)
    assert os.listdir(store.folder) == []
    with pytest.raises(EspInputError, match="no map called"):
        assemble_omniscape(store, plan_tiles(resistance.shape, options, 6), raster(resistance),
                           options, {"flow_potential": lambda top, band: None})


def test_a_band_is_finished_as_the_whole_run_finishes_its_maps():
    cumulative = np.array([[2.0, 0.0, 3.0]])
    potential = np.array([[1.0, 0.0, 6.0]])
    band = Grid(np.ones((1, 3)), np.array([[False, False, True]]), (1.0, 1.0))
    options = OmniscapeOptions(radius=1, calc_flow_potential=True,
                               calc_normalized_current=True)
    maps = finish_band(cumulative, potential, band, options)
    np.testing.assert_array_equal(maps["normalized_cum_currmap"], [[2.0, 0.0, MAP_NODATA]])
    np.testing.assert_array_equal(maps["flow_potential"], [[1.0, 0.0, MAP_NODATA]])
    with pytest.raises(EspInputError, match="flow potential"):
        finish_band(np.zeros((1, 3)), None, band, options)


def test_geotiff_inputs_and_outputs_by_window(tmp_path):
    pytest.importorskip("osgeo")
    from osgeo import gdal

    from espcore.rasterfile import RasterFile, close, create_like, write_window

    resistance, valid, source, _ = landscape((26, 30), seed=21)

    def write(name, values, nodata):
        path = str(tmp_path / name)
        dataset = gdal.GetDriverByName("GTiff").Create(path, values.shape[1], values.shape[0],
                                                       1, gdal.GDT_Float64)
        dataset.SetGeoTransform(TRANSFORM)
        dataset.GetRasterBand(1).SetNoDataValue(nodata)
        dataset.GetRasterBand(1).WriteArray(values)
        dataset = None
        return RasterFile(path)

    res = write("resistance.tif", np.where(valid, resistance, -9999.0), -9999.0)
    src = write("source.tif", source, -1.0)
    options = OmniscapeOptions(radius=4, block_size=3, calc_normalized_current=True,
                               calc_flow_potential=True)
    store = PartStore(str(tmp_path / "parts"))
    omniscape_tiles(res, source=src, options=options, store=store, tile=8,
                    executor=ProcessExecutor(2))
    targets = {name: create_like(str(tmp_path / (name + ".tif")), res, dtype="float64",
                                 nodata=MAP_NODATA) for name in output_names(options)}
    assemble_omniscape(store, plan_tiles(res.shape, options, 8), res, options,
                       {name: (lambda top, band, t=target: write_window(t, top, 0, band))
                        for name, target in targets.items()})
    for target in targets.values():
        close(target)
    whole = whole_maps(resistance, valid, source, None, options)
    written = {}
    for name, target in targets.items():
        dataset = gdal.Open(target.path)
        written[name] = dataset.GetRasterBand(1).ReadAsArray()
        dataset = None
    assert_same(written, whole)
