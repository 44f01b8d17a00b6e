"""Habitat quality against natcap.invest's own outputs (../shared/cases/invest, see its INDEX.md).

Each case was run by natcap.invest 3.20.2 (nearest threat cell, MAX_DIST in metres) and 3.12.1
(convolution, MAX_DIST in km). The core is run on the same inputs and the same tables with
``semantics="invest313"`` resp. ``"invest312"``; degradation and quality must agree within
1e-5 and rarity within 1e-6 on every cell, with the same NoData cells. GDAL reads the case
rasters (skipped without it) and burns the access polygons as InVEST does (a NULL ACCESS burns
0). The cases are looked for in $ESP_INVEST_CASES, else shared/cases/invest beside the
checkout or any folder above; without them the tests are skipped.
"""

import csv
import json
import os

import numpy as np
import pytest

from espcore import Grid
from espcore.sources.habitat import (
    Threat,
    habitat_quality,
    nearest_threat_decay,
    parse_sensitivity,
    parse_threats,
)


def find_cases():
    if os.environ.get("ESP_INVEST_CASES"):
        return os.environ["ESP_INVEST_CASES"]
    folder = os.path.dirname(os.path.abspath(__file__))
    while True:
        candidate = os.path.join(folder, "shared", "cases", "invest")
        if os.path.isdir(candidate) or os.path.dirname(folder) == folder:
            return candidate
        folder = os.path.dirname(folder)


CASES_DIR = find_cases()
CASES = ["s01_linear_point_30m", "s02_exp_dmax_absent_30m", "s03_multi_threat_30m",
         "s04_intensity_nodata_30m", "s05_access_30m", "s06_rarity_1km",
         "s07_edges_nonmultiple_1km", "s08_full_1km"]
#: natcap.invest version -> (semantics, MAX_DIST unit of its tables)
VERSIONS = {"3.20.2": ("invest313", "m"), "3.12.1": ("invest312", "km")}
TOL_DQ, TOL_R = 1e-5, 1e-6


def case_path(case, *parts):
    if not os.path.isdir(os.path.join(CASES_DIR, case)):
        pytest.skip("InVEST reference cases not found at {0}".format(CASES_DIR))
    return os.path.join(CASES_DIR, case, *parts)


def read_raster(path):
    """(Grid, raw values, valid mask)."""
    gdal = pytest.importorskip("osgeo.gdal")
    dataset = gdal.Open(path)
    band = dataset.GetRasterBand(1)
    values = band.ReadAsArray().astype(np.float64)
    nodata = band.GetNoDataValue()
    valid = np.ones(values.shape, dtype=bool) if nodata is None else ~np.isclose(values, nodata)
    grid = Grid.from_array(values, nodata=nodata, geotransform=dataset.GetGeoTransform(),
                           crs=dataset.GetProjection())
    dataset = None
    return grid, values, valid


def burn_access(path, template):
    """ACCESS burnt into a raster of 1.0 on the land-cover grid (GDAL's cell-centre rule)."""
    gdal = pytest.importorskip("osgeo.gdal")
    ogr = pytest.importorskip("osgeo.ogr")
    source = gdal.Open(template)
    target = gdal.GetDriverByName("MEM").Create("", source.RasterXSize, source.RasterYSize, 1,
                                                gdal.GDT_Float32)
    target.SetGeoTransform(source.GetGeoTransform())
    target.SetProjection(source.GetProjection())
    target.GetRasterBand(1).Fill(1.0)
    vector = ogr.Open(path)
    gdal.RasterizeLayer(target, [1], vector.GetLayer(0), options=["ATTRIBUTE=ACCESS"])
    values = target.GetRasterBand(1).ReadAsArray().astype(np.float64)
    vector = target = source = None
    return values


def read_rows(path):
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def run_case(case, version):
    semantics, unit = VERSIONS[version]
    folder = case_path(case, "invest-" + version)
    with open(os.path.join(folder, "args.json")) as handle:
        args = json.load(handle)["args"]

    def arg_path(key):
        return os.path.normpath(os.path.join(folder, args[key])) if args.get(key) else None

    threats_csv = arg_path("threats_table_path")
    threats = parse_threats(read_rows(threats_csv), unit=unit)
    habitat, sensitivity = parse_sensitivity(read_rows(arg_path("sensitivity_table_path")),
                                             [t.name for t in threats])
    landcover, _, _ = read_raster(arg_path("lulc_cur_path"))
    rasters = {t.name: read_raster(os.path.join(os.path.dirname(threats_csv),
                                                t.cur_path))[0] for t in threats}
    access = burn_access(arg_path("access_vector_path"), arg_path("lulc_cur_path")) \
        if arg_path("access_vector_path") else None
    baseline = read_raster(arg_path("lulc_bas_path"))[0] if arg_path("lulc_bas_path") else None
    result = habitat_quality(landcover, rasters, threats, habitat, sensitivity,
                             half_saturation=float(args["half_saturation_constant"]),
                             accessibility=access, baseline=baseline, semantics=semantics)
    return result, folder


def compare(grid, path, tolerance):
    _, expected, valid = read_raster(path)
    ours_valid = grid.valid
    assert np.array_equal(ours_valid, valid), "NoData cells differ from {0}".format(path)
    difference = np.abs(grid.values[valid].astype(np.float64) - expected[valid])
    worst = float(difference.max()) if difference.size else 0.0
    assert worst <= tolerance, "{0}: max |difference| {1:.3g}".format(path, worst)
    return worst


@pytest.mark.parametrize("version", sorted(VERSIONS))
@pytest.mark.parametrize("case", CASES)
def test_matches_invest_reference(case, version):
    result, folder = run_case(case, version)
    compare(result.degradation, os.path.join(folder, "deg_sum_c.tif"), TOL_DQ)
    compare(result.quality, os.path.join(folder, "quality_c.tif"), TOL_DQ)
    rarity_path = os.path.join(folder, "rarity_c.tif")
    if os.path.exists(rarity_path):
        assert result.rarity is not None
        compare(result.rarity, rarity_path, TOL_R)


def test_semantics_differ_on_a_dense_case():
    """The three semantics are really different rules (s03: dense road, town and cropland)."""
    pytest.importorskip("osgeo.gdal")
    new, _ = run_case("s03_multi_threat_30m", "3.20.2")
    old, _ = run_case("s03_multi_threat_30m", "3.12.1")
    gap = np.nanmax(np.abs(new.quality.values - old.quality.values))
    assert gap > 0.1


# ---------------------------------------------------------------- by hand ----------------

def test_nearest_threat_cell_by_hand():
    """Two threat cells: only the nearer one counts, intensity is ignored, d = dmax is kept."""
    cell = 10.0
    present = np.zeros((1, 12), dtype=bool)
    present[0, 0] = present[0, 3] = True
    linear = Threat("t", 40.0, 1.0, "linear")
    decay = nearest_threat_decay(present, linear, (cell, cell))
    # distances to the nearest threat cell, in cells: 0 1 1 0 1 2 3 4 5 6 7 8
    expected = [1, 0.75, 0.75, 1, 0.75, 0.5, 0.25, 0, 0, 0, 0, 0]
    np.testing.assert_allclose(decay[0], expected, atol=1e-12)
    expo = nearest_threat_decay(present, Threat("t", 40.0, 1.0, "exponential"), (cell, cell))
    # column 7 is exactly dmax = 4 cells from column 3: kept with exp(-2.99); column 8 is out
    np.testing.assert_allclose(expo[0, 5:9], [np.exp(-2.99 * 0.5), np.exp(-2.99 * 0.75),
                                              np.exp(-2.99), 0.0], atol=1e-12)

    # the whole model: the users' guide sum adds both cells, InVEST 3.13+ takes the nearer
    values = np.zeros((1, 12))
    values[0, 0], values[0, 3] = 1.0, 0.25  # 0.25 counts as a full threat in 3.13+
    landcover = Grid.from_array(np.ones((1, 12)), geotransform=(0, cell, 0, 0, 0, -cell))
    threat_grid = landcover.like(values)
    args = (landcover, {"t": threat_grid}, [linear], {1: 1.0}, {1: {"t": 1.0}})
    nearest = habitat_quality(*args, semantics="invest313").degradation.values[0]
    summed = habitat_quality(*args, semantics="guide_sum",
                             normalize_kernel=False).degradation.values[0]
    np.testing.assert_allclose(nearest, expected, atol=1e-7)
    # column 1: 1 * 0.75 (from column 0) + 0.25 * 0.5 (from column 3) = 0.875
    assert summed[1] == pytest.approx(0.875, abs=1e-7)
    assert nearest[1] == pytest.approx(0.75, abs=1e-7)


def test_invest312_needs_square_cells_and_a_known_semantics():
    from espcore import EspInputError

    landcover = Grid.from_array(np.ones((3, 3)), geotransform=(0, 10.0, 0, 0, 0, -20.0))
    threat = Threat("t", 40.0, 1.0, "linear")
    args = (landcover, {"t": landcover.like(np.eye(3))}, [threat], {1: 1.0}, {1: {"t": 1.0}})
    with pytest.raises(EspInputError, match="square cells"):
        habitat_quality(*args, semantics="invest312")
    with pytest.raises(EspInputError, match="Unknown habitat-quality semantics"):
        habitat_quality(*args, semantics="invest3")


def test_parse_threats_units():
    rows = [{"THREAT": "road", "MAX_DIST": "300", "WEIGHT": "1", "DECAY": "linear"}]
    assert parse_threats(rows, unit="m")[0].max_distance == 300.0
    assert parse_threats(rows)[0].max_distance == 300000.0
    from espcore import EspInputError

    with pytest.raises(EspInputError, match="'km' or 'm'"):
        parse_threats(rows, unit="mi")
