"""Habitat quality against the users'-guide equations, evaluated by brute force in the test.

The reference below loops over every pair of cells (x, y), measures the distance between their
centres and applies the decay by hand; it shares no code with espcore.sources.habitat (which
convolves with FFTs), so agreement checks the kernel, its truncation, the FFT tiling and the
bookkeeping of weights, sensitivities and accessibility.
"""

import math

import numpy as np
import pytest
from progress_helpers import CancelAfter

from espcore import Cancelled, EspInputError, Grid
from espcore.sources import habitat as hq
from espcore.sources.habitat import (
    Threat,
    habitat_rarity,
    parse_sensitivity,
    parse_threats,
)


def habitat_quality(*args, normalize_kernel=False, semantics="guide_sum", **options):
    """The core on the users' guide's literal sum, the scale of brute_degradation, unless a
    test asks for the normalised scale (the guide sum's default) or other semantics."""
    return hq.habitat_quality(*args, normalize_kernel=normalize_kernel, semantics=semantics,
                              **options)

CELL = 100.0


def gt(cell=(CELL, CELL)):
    return (500000.0, cell[0], 0.0, 3000000.0, 0.0, -cell[1])


def grid(values, nodata=None, cell=(CELL, CELL)):
    return Grid.from_array(np.asarray(values, dtype=np.float64), nodata=nodata,
                           geotransform=gt(cell))


def decay(kind, d, dmax):
    if d > dmax * (1 + 1e-12):
        return 0.0
    return 1.0 - d / dmax if kind == "linear" else math.exp(-2.99 * d / dmax)


def brute_degradation(landcover, rasters, threats, sensitivity, *, access=None,
                      cell=(CELL, CELL), normalize=False):
    """D_x = beta_x sum_r w_r / sum w * S_{j(x) r} * sum_y r_y i(d_xy), by a double loop."""
    lc = np.asarray(landcover)
    rows, cols = lc.shape
    total_w = sum(t.weight for t in threats)
    out = np.zeros((rows, cols))
    for t in threats:
        r = np.nan_to_num(np.asarray(rasters[t.name], dtype=np.float64))
        norm = 1.0
        if normalize:  # the whole kernel's sum, by a loop over offsets
            reach = int(t.max_distance // min(cell)) + 1
            norm = sum(decay(t.decay, math.hypot(a * cell[1], b * cell[0]), t.max_distance)
                       for a in range(-reach, reach + 1) for b in range(-reach, reach + 1))
        for i in range(rows):
            for j in range(cols):
                s = 0.0
                for p in range(rows):
                    for q in range(cols):
                        if r[p, q]:
                            d = math.hypot((i - p) * cell[1], (j - q) * cell[0])
                            s += r[p, q] * decay(t.decay, d, t.max_distance)
                code = int(lc[i, j]) if np.isfinite(lc[i, j]) else None
                sens = sensitivity[code][t.name] if code in sensitivity else 0.0
                out[i, j] += t.weight / total_w * sens * s / norm
    if access is not None:
        out *= access
    return out


def brute_quality(landcover, degradation, habitat, k):
    lc = np.asarray(landcover)
    out = np.zeros(lc.shape)
    for (i, j), code in np.ndenumerate(lc):
        h = habitat.get(int(code), 0.0) if np.isfinite(code) else 0.0
        d = degradation[i, j]
        out[i, j] = h * (1.0 - d ** 2.5 / (d ** 2.5 + k ** 2.5))
    return out


def landscape(seed=3, shape=(8, 9)):
    rng = np.random.default_rng(seed)
    lc = rng.choice([1, 2, 3], size=shape).astype(np.float64)
    road = np.where(rng.random(shape) < 0.15, rng.random(shape), 0.0)
    town = np.zeros(shape)
    town[1:3, 6:8] = 1.0
    return lc, road, town


HABITAT = {1: 1.0, 2: 0.6, 3: 0.0}
SENS = {1: {"road": 0.9, "town": 0.8}, 2: {"road": 0.5, "town": 0.3},
        3: {"road": 0.0, "town": 0.0}}


@pytest.mark.parametrize("kind", ["linear", "exponential"])
def test_one_threat_matches_brute_force_sum(kind):
    lc, road, _ = landscape()
    threats = [Threat("road", 350.0, 1.0, kind)]
    result = habitat_quality(grid(lc), {"road": grid(road)}, threats, HABITAT, SENS,
                             half_saturation=0.3)
    want_d = brute_degradation(lc, {"road": road}, threats, SENS)
    np.testing.assert_allclose(result.degradation.values, want_d, rtol=1e-6, atol=1e-9)
    np.testing.assert_allclose(result.quality.values,
                               brute_quality(lc, want_d, HABITAT, 0.3), rtol=1e-6, atol=1e-7)
    assert result.degradation.values.dtype == np.float32
    assert want_d.max() > 0.5  # several road cells in reach: a sum, not the nearest cell
    assert result.max_degradation == pytest.approx(want_d.max(), rel=1e-9)


def test_two_threats_are_weighted_by_normalised_weights():
    lc, road, town = landscape(seed=5)
    threats = [Threat("road", 250.0, 0.6, "linear"), Threat("town", 420.0, 0.2, "exponential")]
    result = habitat_quality(grid(lc), {"road": grid(road), "town": grid(town)}, threats,
                             HABITAT, SENS)
    want = brute_degradation(lc, {"road": road, "town": town}, threats, SENS)
    np.testing.assert_allclose(result.degradation.values, want, rtol=1e-6, atol=1e-9)
    # weights 0.6 and 0.2 act as 0.75 and 0.25: doubling both changes nothing
    doubled = [Threat("road", 250.0, 1.0, "linear"), Threat("town", 420.0, 1 / 3, "exponential")]
    again = habitat_quality(grid(lc), {"road": grid(road), "town": grid(town)}, doubled,
                            HABITAT, SENS)
    np.testing.assert_allclose(again.degradation.values, result.degradation.values,
                               rtol=1e-6, atol=1e-9)


def test_max_distance_cut_by_hand():
    # one threat cell at (0, 0); cells 100 m apart; reach 300 m
    lc = np.ones((5, 6))
    r = np.zeros((5, 6))
    r[0, 0] = 1.0
    sens = {1: {"t": 1.0}}
    for kind in ("linear", "exponential"):
        out = habitat_quality(grid(lc), {"t": grid(r)}, [Threat("t", 300.0, 1.0, kind)],
                              {1: 1.0}, sens).degradation.values
        for (i, j), value in np.ndenumerate(out):
            d = math.hypot(i, j) * 100.0
            if d > 300.0:
                assert value == 0.0, (kind, i, j)  # exactly 0 beyond the reach
        if kind == "linear":
            assert out[0, 0] == pytest.approx(1.0)
            assert out[0, 1] == pytest.approx(2 / 3, rel=1e-6)
            assert out[1, 1] == pytest.approx(1 - math.sqrt(2) / 3, rel=1e-6)
            assert out[0, 3] == 0.0  # at d_max the linear decay is 0
        else:
            assert out[0, 3] == pytest.approx(math.exp(-2.99), rel=1e-6)  # 5 % at d_max
            assert out[2, 2] == pytest.approx(math.exp(-2.99 * math.sqrt(8) / 3), rel=1e-6)
            assert out[2, 3] == 0.0  # sqrt(13) * 100 m > 300 m


def test_rectangular_cells_use_both_sizes():
    lc, road, _ = landscape(seed=11, shape=(6, 7))
    cell = (30.0, 80.0)
    threats = [Threat("road", 200.0, 1.0, "linear")]
    result = habitat_quality(grid(lc, cell=cell), {"road": grid(road, cell=cell)}, threats,
                             HABITAT, SENS)
    want = brute_degradation(lc, {"road": road}, threats, SENS, cell=cell)
    np.testing.assert_allclose(result.degradation.values, want, rtol=1e-6, atol=1e-9)


def test_reach_larger_than_the_grid():
    lc, road, _ = landscape(seed=2, shape=(5, 4))
    threats = [Threat("road", 5000.0, 1.0, "exponential")]
    result = habitat_quality(grid(lc), {"road": grid(road)}, threats, HABITAT, SENS)
    want = brute_degradation(lc, {"road": road}, threats, SENS)
    np.testing.assert_allclose(result.degradation.values, want, rtol=1e-6, atol=1e-9)


def test_fft_tiles_add_up_to_the_same_sum(monkeypatch):
    monkeypatch.setattr(hq, "_FFT_MAX", 16)  # many overlapping tiles on a 13 x 17 grid
    lc, road, town = landscape(seed=7, shape=(13, 17))
    threats = [Threat("road", 300.0, 0.5, "linear"), Threat("town", 500.0, 1.0, "exponential")]
    result = habitat_quality(grid(lc), {"road": grid(road), "town": grid(town)}, threats,
                             HABITAT, SENS)
    want = brute_degradation(lc, {"road": road, "town": town}, threats, SENS)
    np.testing.assert_allclose(result.degradation.values, want, rtol=1e-6, atol=1e-9)


def test_normalised_kernel_divides_by_the_kernel_sum():
    lc, road, _ = landscape(seed=4, shape=(6, 6))
    threats = [Threat("road", 330.0, 1.0, "linear")]
    result = habitat_quality(grid(lc), {"road": grid(road)}, threats, HABITAT, SENS,
                             normalize_kernel=True)
    want = brute_degradation(lc, {"road": road}, threats, SENS, normalize=True)
    np.testing.assert_allclose(result.degradation.values, want, rtol=1e-6, atol=1e-9)
    assert result.max_degradation <= 1.0
    # The guide sum's normalised scale is its default, and it does not depend on the cell
    # size: the same map at 10 times finer cells with 10 times the reach gives the same D.
    default = hq.habitat_quality(grid(lc), {"road": grid(road)}, threats, HABITAT, SENS,
                                 semantics="guide_sum")
    np.testing.assert_allclose(default.degradation.values, want, rtol=1e-6, atol=1e-9)
    fine_cell = (CELL / 10, CELL / 10)
    fine = hq.habitat_quality(grid(lc, cell=fine_cell), {"road": grid(road, cell=fine_cell)},
                              [Threat("road", 33.0, 1.0, "linear")], HABITAT, SENS,
                              semantics="guide_sum")
    np.testing.assert_allclose(fine.degradation.values, want, rtol=1e-6, atol=1e-9)


def test_accessibility_scales_degradation():
    lc, road, town = landscape(seed=9)
    access = np.ones(lc.shape)
    access[:, :4] = 0.25
    access[5:, :] = 0.0
    threats = [Threat("road", 250.0, 1.0, "linear"), Threat("town", 300.0, 0.5, "linear")]
    rasters = {"road": road, "town": town}
    result = habitat_quality(grid(lc), {k: grid(v) for k, v in rasters.items()}, threats,
                             HABITAT, SENS, accessibility=access)
    want = brute_degradation(lc, rasters, threats, SENS, access=access)
    np.testing.assert_allclose(result.degradation.values, want, rtol=1e-6, atol=1e-9)
    assert np.all(result.degradation.values[5:] == 0)
    np.testing.assert_allclose(result.quality.values[5:],
                               np.vectorize(HABITAT.get)(lc[5:]), rtol=1e-7)


def test_quality_is_zero_without_habitat_and_never_above_it():
    lc, road, town = landscape(seed=1)
    threats = [Threat("road", 400.0, 1.0, "linear"), Threat("town", 400.0, 1.0, "linear")]
    result = habitat_quality(grid(lc), {"road": grid(road), "town": grid(town)}, threats,
                             HABITAT, SENS, half_saturation=0.1)
    q = result.quality.values
    h = np.vectorize(HABITAT.get)(lc)
    assert np.all(q[lc == 3] == 0.0)
    assert np.all(q <= h + 1e-7) and np.all(q >= 0)
    assert np.any(q[lc == 1] < 0.5)  # degraded somewhere


def test_half_saturation_halves_quality_by_hand():
    # D on the threat cell itself = w/w * S * r * i(0) = 1 * 1 * 0.4 * 1 = 0.4 = k
    lc = np.array([[1, 1, 1]], dtype=float)
    r = np.array([[0.0, 0.4, 0.0]])
    result = habitat_quality(grid(lc), {"t": grid(r)}, [Threat("t", 50.0, 0.7, "linear")],
                             {1: 0.8}, {1: {"t": 1.0}}, half_saturation=0.4)
    np.testing.assert_allclose(result.degradation.values, [[0.0, 0.4, 0.0]], atol=1e-7)
    np.testing.assert_allclose(result.quality.values, [[0.8, 0.4, 0.8]], rtol=1e-6)


def test_nodata_rules():
    lc = np.array([[1, 1, 0], [1, 2, 1]], dtype=float)  # 0 = NoData
    r = np.array([[1.0, -9.0, 1.0], [0.0, 0.0, -9.0]])  # -9 = NoData: no threat
    threats = [Threat("t", 150.0, 1.0, "linear")]
    sens = {1: {"t": 1.0}, 2: {"t": 0.5}}
    result = habitat_quality(grid(lc, nodata=0), {"t": grid(r, nodata=-9)}, threats,
                             {1: 1.0, 2: 0.5}, sens)
    assert result.degradation.mask.tolist() == [[False, False, True], [False] * 3]
    assert np.isnan(result.quality.values[0, 2]) and result.quality.mask[0, 2]
    clean = np.where(r == -9, 0.0, r)
    want = brute_degradation(np.where(lc == 0, np.nan, lc), {"t": clean}, threats, sens)
    got = result.degradation.values
    np.testing.assert_allclose(got[~result.degradation.mask], want[lc != 0], rtol=1e-6)


def test_rarity_on_a_hand_made_baseline():
    base = grid([[1, 1, 1, 1], [2, 2, 3, 0]], nodata=0)
    now = grid([[1, 1, 2, 2], [2, 2, 4, 9]])
    rarity, table = habitat_rarity(now, base)
    # counted where the baseline has data: class 1: 2 now, 4 before -> 1 - 2/6
    # class 2: 4 now, 2 before -> 1 - 4/6; class 4: not in the baseline -> 0
    assert table == pytest.approx({1: 1 - 2 / 6, 2: 1 - 4 / 6, 4: 0.0})
    want = [[2 / 3, 2 / 3, 1 / 3, 1 / 3], [1 / 3, 1 / 3, 0.0, np.nan]]
    np.testing.assert_allclose(rarity.values, want, rtol=1e-6)
    assert rarity.mask.tolist() == [[False] * 4, [False, False, False, True]]


def test_rarity_is_half_without_change_and_returned_by_the_model():
    lc, road, _ = landscape()
    result = habitat_quality(grid(lc), {"road": grid(road)}, [Threat("road", 200.0, 1, "linear")],
                             HABITAT, SENS, baseline=grid(lc))
    np.testing.assert_allclose(result.rarity.values, 0.5)
    assert set(result.rarity_by_class) == {1, 2, 3}


# ------------------------------------------------------------------------------ tables ----

def test_parse_threats_reads_invest_tables():
    rows = [{"\ufeffTHREAT": "urban", "MAX_DIST": "8", "WEIGHT": "1", "DECAY": "Exponential",
             "CUR_PATH": "urban_c.tif"},
            {"\ufeffTHREAT": "", "MAX_DIST": "", "WEIGHT": "", "DECAY": "", "CUR_PATH": ""},
            {"\ufeffTHREAT": " road ", "MAX_DIST": "2.5", "WEIGHT": "0.6", "DECAY": "linear",
             "CUR_PATH": ""}]
    threats = parse_threats(rows)
    assert [t.name for t in threats] == ["urban", "road"]
    assert threats[0].max_distance == 8000.0 and threats[1].max_distance == 2500.0
    assert threats[0].decay == "exponential" and threats[1].weight == 0.6
    assert threats[0].cur_path == "urban_c.tif" and threats[1].cur_path == ""


@pytest.mark.parametrize("change, match", [
    ({"DECAY": None}, "no column DECAY"),
    ({"MAX_DIST": "far"}, "MAX_DIST.*must be a number"),
    ({"MAX_DIST": "0"}, "positive distance"),
    ({"WEIGHT": "1.5"}, "between 0 and 1"),
    ({"WEIGHT": "-0.1"}, "between 0 and 1"),
    ({"DECAY": "gaussian"}, "'linear' or 'exponential'"),
    ({"THREAT": ""}, "no THREAT name"),
])
def test_parse_threats_errors(change, match):
    row = {"THREAT": "a", "MAX_DIST": "1", "WEIGHT": "0.5", "DECAY": "linear"}
    other = {"THREAT": "b", "MAX_DIST": "1", "WEIGHT": "1", "DECAY": "linear"}
    for key, value in change.items():
        if value is None:  # the column is absent from the table
            del row[key], other[key]
        else:
            row[key] = value
    with pytest.raises(EspInputError, match=match):
        parse_threats([row, other])


def test_parse_threats_duplicates_and_zero_weights():
    row = {"threat": "a", "max_dist": "1", "weight": "0", "decay": "linear"}
    with pytest.raises(EspInputError, match="twice"):
        parse_threats([row, dict(row, threat="A")])
    with pytest.raises(EspInputError, match="weight 0"):
        parse_threats([row])
    with pytest.raises(EspInputError, match="no rows"):
        parse_threats([])


def test_parse_sensitivity_accepts_old_prefix_and_any_case():
    rows = [{"LULC": "1", "NAME": "forest", "HABITAT": "1", "L_URBAN": "0.9", "road": "0.4"},
            {"LULC": "5", "NAME": "built", "HABITAT": "0", "L_URBAN": "0", "road": "0"}]
    habitat, sens = parse_sensitivity(rows, ["urban", "Road"])
    assert habitat == {1: 1.0, 5: 0.0}
    assert sens == {1: {"urban": 0.9, "Road": 0.4}, 5: {"urban": 0.0, "Road": 0.0}}


def test_parse_sensitivity_names_missing_threat_columns():
    rows = [{"lulc": "1", "habitat": "1", "urban": "0.5"}]
    with pytest.raises(EspInputError) as info:
        parse_sensitivity(rows, ["urban", "road", "farm"])
    assert "'road', 'farm'" in str(info.value)


@pytest.mark.parametrize("rows, match", [
    ([{"lulc": "1", "urban": "0.5"}], "LULC and HABITAT"),
    ([{"lulc": "1.5", "habitat": "1", "urban": "0.5"}], "whole number"),
    ([{"lulc": "1", "habitat": "1", "urban": "x"}], "URBAN of class 1"),
    ([{"lulc": "1", "habitat": "2", "urban": "0.5"}], "between 0 and 1"),
    ([{"lulc": "1", "habitat": "1", "urban": "0.5"}] * 2, "twice"),
])
def test_parse_sensitivity_errors(rows, match):
    with pytest.raises(EspInputError, match=match):
        parse_sensitivity(rows, ["urban"])


# ------------------------------------------------------------------------------ errors ----

def test_missing_classes_are_all_listed():
    lc = grid([[1, 7, 2], [9, 7, 1]])
    with pytest.raises(EspInputError) as info:
        habitat_quality(lc, {"road": grid(np.zeros((2, 3)))}, [Threat("road", 100.0, 1.0)],
                        {1: 1.0, 2: 0.5}, {1: {"road": 1.0}, 2: {"road": 1.0}})
    assert "7, 9" in str(info.value)


def test_threat_without_raster_is_named():
    lc = grid([[1, 1]])
    threats = [Threat("road", 100.0, 1.0), Threat("urban", 100.0, 1.0)]
    with pytest.raises(EspInputError, match="'urban'.*Rasters given: 'ROAD'"):
        habitat_quality(lc, {"ROAD": grid([[0, 1]])}, threats, {1: 1.0},
                        {1: {"road": 1.0, "urban": 1.0}})


@pytest.mark.parametrize("kwargs, match", [
    ({"half_saturation": 0.0}, "half-saturation"),
    ({"accessibility": np.array([[0.5, 1.2]])}, "between 0 and 1"),
    ({"accessibility": np.ones((2, 2))}, "shape"),
])
def test_bad_options(kwargs, match):
    with pytest.raises(EspInputError, match=match):
        habitat_quality(grid([[1, 1]]), {"t": grid([[0, 1]])}, [Threat("t", 100.0, 1.0)],
                        {1: 1.0}, {1: {"t": 1.0}}, **kwargs)


def test_bad_threat_values_and_grids():
    tables = ({1: 1.0}, {1: {"t": 1.0}})
    with pytest.raises(EspInputError, match="0 to 255"):
        habitat_quality(grid([[1, 1]]), {"t": grid([[0, 255]])}, [Threat("t", 100.0, 1.0)],
                        *tables)
    shifted = Grid.from_array(np.zeros((1, 2)), geotransform=(500100.0, 100.0, 0.0,
                                                             3000000.0, 0.0, -100.0))
    with pytest.raises(EspInputError, match="same grid"):
        habitat_quality(grid([[1, 1]]), {"t": shifted}, [Threat("t", 100.0, 1.0)], *tables)
    with pytest.raises(EspInputError, match="no sensitivity to threat t"):
        habitat_quality(grid([[1, 1]]), {"t": grid([[0, 1]])}, [Threat("t", 100.0, 1.0)],
                        {1: 1.0}, {1: {}})
    with pytest.raises(EspInputError, match="fractional"):
        habitat_quality(grid([[1, 1.5]]), {"t": grid([[0, 1]])}, [Threat("t", 100.0, 1.0)],
                        *tables)


@pytest.mark.parametrize("args, match", [
    (("t", 0.0, 1.0, "linear"), "positive"),
    (("t", 10.0, 2.0, "linear"), "between 0 and 1"),
    (("t", 10.0, 1.0, "cubic"), "'linear' or 'exponential'"),
])
def test_threat_checks_its_fields(args, match):
    with pytest.raises(EspInputError, match=match):
        Threat(*args)



def test_progress_and_cancel():
    lc, road, town = landscape()
    threats = [Threat("road", 200.0, 1.0), Threat("town", 200.0, 1.0)]
    rasters = {"road": grid(road), "town": grid(town)}
    progress = CancelAfter(1000)
    habitat_quality(grid(lc), rasters, threats, HABITAT, SENS, progress=progress)
    assert progress.fractions == sorted(progress.fractions) and progress.fractions[-1] == 1.0
    with pytest.raises(Cancelled):
        habitat_quality(grid(lc), rasters, threats, HABITAT, SENS, progress=CancelAfter(2))
