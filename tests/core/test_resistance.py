"""Resistance surface values on grids small enough to check by hand."""

import numpy as np
import pytest

from espcore import Cancelled, EspInputError, Grid, NullProgress
from espcore.resistance.presets import CLCD, CNLUCC, PRESETS, WORLDCOVER
from espcore.resistance.surface import (
    class_mean_correction,
    normalised_weights,
    parse_reclass_rows,
    reclassify,
    rescale,
    resistance_surface,
)

GT = (0.0, 100.0, 0.0, 200.0, 0.0, -100.0)


def grid(values, nodata=None):
    return Grid.from_array(np.array(values, dtype=np.float64), nodata=nodata, geotransform=GT)


def test_clcd_reclass_by_hand():
    # forest, cropland, impervious / water, wetland, NoData
    lc = grid([[2, 1, 8], [5, 9, 0]], nodata=0)
    out = resistance_surface(lc, CLCD.table())
    assert out.values.dtype == np.float32
    np.testing.assert_array_equal(out.values[0], [1.0, 200.0, 1000.0])
    np.testing.assert_array_equal(out.values[1, :2], [50.0, 30.0])
    assert out.mask.tolist() == [[False] * 3, [False, False, True]]
    assert np.isnan(out.values[1, 2])


def test_missing_classes_are_listed():
    lc = grid([[2, 42, 7], [13, 42, 1]])
    with pytest.raises(EspInputError) as info:
        resistance_surface(lc, {1: 10.0, 2: 1.0})
    assert "13, 42" in str(info.value) and "7" in str(info.value)


def test_unmapped_classes_become_nodata_on_request():
    lc = grid([[2, 42], [13, 1]])
    out = resistance_surface(lc, {1: 10.0, 2: 1.0}, unmapped_nodata=True)
    assert out.mask.tolist() == [[False, True], [True, False]]
    assert out.values[0, 0] == 1.0 and out.values[1, 1] == 10.0


def test_nodata_everywhere_is_an_error():
    with pytest.raises(EspInputError, match="every cell is NoData"):
        resistance_surface(grid([[0, 0], [0, 0]], nodata=0), CLCD.table())


def test_no_mapped_class_is_an_error_even_when_unmapped_allowed():
    with pytest.raises(EspInputError, match="preset matches"):
        resistance_surface(grid([[50, 60]]), CLCD.table(), unmapped_nodata=True)


def test_fractional_landcover_is_rejected():
    with pytest.raises(EspInputError, match="whole class codes"):
        resistance_surface(grid([[1.5, 2.0]]), CLCD.table())


@pytest.mark.parametrize("value", [0.0, -5.0, float("nan")])
def test_non_positive_resistance_in_table_is_rejected(value):
    with pytest.raises(EspInputError, match="class 3"):
        reclassify(grid([[1, 3]]), {1: 10.0, 3: value})


def test_parse_rows_skips_header_and_labels():
    rows = [["class", "resistance", "label"], ["1", "200", "cropland"], [], [" 2 ", "1.5"]]
    assert parse_reclass_rows(rows) == {1: 200.0, 2: 1.5}


@pytest.mark.parametrize("rows, match", [
    ([["1", "2"], ["1", "3"]], "twice"),
    ([["1.5", "2"]], "whole number"),
    ([["1", "2"], ["x", "3"]], "Row 2"),
    ([["7"]], "needs a class code"),
    # A typo in the first row is not a header: skipping it would drop a class silently.
    ([["1O", "5"], ["2", "3"]], "Row 1 .*1O, 5"),
    ([["2", "fiv"], ["3", "3"]], "Row 1 .*2, fiv"),
])
def test_parse_rows_errors(rows, match):
    with pytest.raises(EspInputError, match=match):
        parse_reclass_rows(rows)


def test_night_light_correction_by_hand():
    # Cropland cells (200) with light 1 and 3: class mean 2, ratios 0.5 and 1.5.
    # Forest cells (1) with light 0 and 4: mean 2, ratios 0 (clipped to 0.1) and 2.
    lc = grid([[1, 1], [2, 2]])
    light = grid([[1.0, 3.0], [0.0, 4.0]])
    out = resistance_surface(lc, CLCD.table(), correction=light)
    np.testing.assert_allclose(out.values, [[100.0, 300.0], [0.1, 2.0]], rtol=1e-6)


def test_correction_mean_ignores_cells_without_light_and_dark_classes_keep_base():
    lc = grid([[1, 1, 1], [2, 2, 8]])
    light = grid([[2.0, 6.0, -1.0], [0.0, 0.0, 5.0]], nodata=-1.0)
    base, index = reclassify(lc, CLCD.table())
    out = class_mean_correction(base, index, light, ratio_min=0.0, ratio_max=100.0)
    # cropland mean over the two lit cells is 4; forest mean is 0 -> ratio 1.
    np.testing.assert_allclose(out.values[0, :2], [100.0, 300.0])
    np.testing.assert_allclose(out.values[1], [1.0, 1.0, 1000.0])
    assert out.mask.tolist() == [[False, False, True], [False, False, False]]


def test_negative_correction_values_are_rejected():
    with pytest.raises(EspInputError, match="negative"):
        resistance_surface(grid([[1, 2]]), CLCD.table(), correction=grid([[-2.0, 1.0]]))


def test_bad_ratio_limits_are_rejected():
    with pytest.raises(EspInputError, match="ratio limits"):
        resistance_surface(grid([[1, 2]]), CLCD.table(), correction=grid([[2.0, 1.0]]),
                           ratio_min=2.0)


def test_weighted_overlay_by_hand():
    # Table range 1..1000 (forest 1, impervious 1000, cropland 200).
    lc = grid([[2, 1, 8]])
    slope = grid([[10.0, 20.0, 30.0]])  # rescaled to 1, 500.5, 1000
    out = resistance_surface(lc, CLCD.table(), factors={"slope": slope},
                             landcover_weight=3.0, factor_weights=[1.0])
    expected = 0.75 * np.array([1.0, 200.0, 1000.0]) + 0.25 * np.array([1.0, 500.5, 1000.0])
    np.testing.assert_allclose(out.values[0], expected, rtol=1e-6)


def test_inverted_factor_by_hand():
    lc = grid([[2, 2, 2]])
    ndvi = grid([[0.2, 0.5, 0.8]])  # high NDVI -> low resistance: 1000, 500.5, 1
    out = resistance_surface(lc, {2: 1.0, 8: 1000.0}, factors={"ndvi": ndvi},
                             landcover_weight=1.0, factor_weights=[1.0], inverted=[True])
    np.testing.assert_allclose(out.values[0], 0.5 * 1.0 + 0.5 * np.array([1000.0, 500.5, 1.0]),
                               rtol=1e-6)


def test_factor_rescale_uses_only_cells_with_data_everywhere():
    lc = grid([[2, 2, 0]], nodata=0)
    factor = grid([[0.0, 10.0, 1000.0]])  # the 1000 lies outside the land cover
    scaled = rescale(factor.like(factor.values, lc.mask), low=1.0, high=11.0)
    np.testing.assert_allclose(scaled.values[0, :2], [1.0, 11.0])


@pytest.mark.parametrize("weights, match", [
    ([1.0, -0.5], "must not be negative"),
    ([0.0, 0.0], "add up to zero"),
    ([1.0, float("nan")], "must be a number"),
])
def test_bad_weights_are_rejected(weights, match):
    with pytest.raises(EspInputError, match=match):
        normalised_weights(weights)


def test_weight_count_must_match_factors():
    lc = grid([[2, 1]])
    with pytest.raises(EspInputError, match="2 factor rasters but 1 factor weights"):
        resistance_surface(lc, CLCD.table(), factors={"a": grid([[1.0, 2.0]]),
                                                      "b": grid([[3.0, 4.0]])},
                           factor_weights=[1.0])


def test_negative_factor_weight_through_the_surface():
    with pytest.raises(EspInputError, match="must not be negative"):
        resistance_surface(grid([[2, 1]]), CLCD.table(), factors={"a": grid([[1.0, 2.0]])},
                           factor_weights=[-1.0])


def test_constant_factor_is_rejected():
    with pytest.raises(EspInputError, match="same value"):
        resistance_surface(grid([[2, 1]]), CLCD.table(), factors={"flat": grid([[5.0, 5.0]])})


def test_misaligned_factor_is_rejected():
    lc = grid([[2, 1]])
    other = Grid.from_array(np.array([[1.0, 2.0]]), geotransform=(50.0, *GT[1:]))
    with pytest.raises(EspInputError, match="'dem'.*'land cover'"):
        resistance_surface(lc, CLCD.table(), factors={"dem": other})


def test_progress_is_monotonic_and_cancellation_raises():
    seen = []

    class Recorder(NullProgress):
        def update(self, fraction):
            seen.append(fraction)

    resistance_surface(grid([[2, 1]]), CLCD.table(), correction=grid([[1.0, 2.0]]),
                       factors={"a": grid([[1.0, 2.0]])}, progress=Recorder())
    assert seen == sorted(seen) and seen[-1] == 1.0

    class CancelAfterFirst(NullProgress):
        def __init__(self):
            self.calls = 0

        def update(self, fraction):
            self.calls += 1

        def cancelled(self):
            return self.calls > 0

    with pytest.raises(Cancelled):
        resistance_surface(grid([[2, 1]]), CLCD.table(), factors={"a": grid([[1.0, 2.0]])},
                           progress=CancelAfterFirst())


def test_inputs_are_not_modified():
    lc = grid([[2, 1], [8, 0]], nodata=0)
    light = grid([[1.0, 2.0], [3.0, 4.0]])
    before = lc.values.copy(), lc.mask.copy(), light.values.copy()
    resistance_surface(lc, CLCD.table(), correction=light, factors={"f": light})
    np.testing.assert_array_equal(lc.values, before[0])
    np.testing.assert_array_equal(lc.mask, before[1])
    np.testing.assert_array_equal(light.values, before[2])


def test_presets_have_the_documented_classes_on_the_1_1000_scale():
    assert sorted(CLCD.table()) == list(range(1, 10))
    assert sorted(WORLDCOVER.table()) == [10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 100]
    assert {c for c in CNLUCC.table() if c < 10} == {1, 2, 3, 4, 5, 6}
    for preset in PRESETS:
        values = preset.table().values()
        assert min(values) >= 1 and max(values) == 1000
    # every level-2 CNLUCC code takes its parent's value
    table = CNLUCC.table()
    assert all(table[code] == table[code // 10] for code in table if code >= 10)
