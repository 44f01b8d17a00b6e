"""Grid, progress and error basics."""

import numpy as np
import pytest

from espcore import Cancelled, EspInputError, Grid, NullProgress
from espcore.grid import require_same_grid
from espcore.progress import SubProgress, check_cancelled


def test_error_keeps_template_and_fields_for_translation():
    err = EspInputError("Class {code} is missing.", code=7)
    assert str(err) == "Class 7 is missing."
    assert err.template == "Class {code} is missing."
    assert err.fields == {"code": 7}
    assert isinstance(err, ValueError)


def test_from_array_masks_nodata_and_nan():
    grid = Grid.from_array(np.array([[1.0, -9999.0], [np.nan, 4.0]]), nodata=-9999.0)
    assert grid.mask.tolist() == [[False, True], [True, False]]
    assert grid.valid.sum() == 2


def test_filled_converts_before_filling():
    grid = Grid.from_array(np.array([[1, 0, 3]], dtype=np.uint8), nodata=0)
    out = grid.filled(-3.4e38, np.float32)
    assert out.dtype == np.float32 and out[0, 1] == np.float32(-3.4e38)
    assert out[0, 0] == 1.0 and grid.values[0, 1] == 0  # the grid itself is untouched


def test_float32_nodata_is_matched_in_float32_precision():
    values = np.array([[-9999.9, 1.0]], dtype=np.float32)
    assert Grid.from_array(values, nodata=-9999.9).mask.tolist() == [[True, False]]


def test_cell_size_comes_from_geotransform():
    grid = Grid.from_array(np.zeros((2, 3)), geotransform=(500.0, 30.0, 0.0, 900.0, 0.0, -25.0))
    assert grid.cell_size == (30.0, 25.0)
    assert grid.shape == (2, 3)


def test_grid_rejects_bad_mask_and_cell_size():
    with pytest.raises(EspInputError, match="boolean"):
        Grid(np.zeros((2, 2)), np.zeros((2, 2)))
    with pytest.raises(EspInputError, match="positive"):
        Grid(np.zeros((2, 2)), np.zeros((2, 2), bool), (0.0, 1.0))
    with pytest.raises(EspInputError, match="two-dimensional"):
        Grid(np.zeros(4), np.zeros(4, bool))


def test_same_grid_tolerates_only_rounding_of_the_origin():
    gt = (1000.0, 30.0, 0.0, 5000.0, 0.0, -30.0)
    a = Grid.from_array(np.zeros((3, 3)), geotransform=gt, crs="EPSG:4546")
    b = Grid.from_array(np.ones((3, 3)), geotransform=(1000.0 + 1e-9, *gt[1:]), crs="EPSG:4546")
    shifted = Grid.from_array(np.ones((3, 3)), geotransform=(1015.0, *gt[1:]), crs="EPSG:4546")
    other_crs = Grid.from_array(np.ones((3, 3)), geotransform=gt, crs="EPSG:32649")
    assert a.same_grid_as(b)
    assert not a.same_grid_as(shifted)
    assert not a.same_grid_as(other_crs)
    assert not a.same_grid_as(Grid.from_array(np.ones((3, 4)), geotransform=gt, crs="EPSG:4546"))


def test_misaligned_grids_error_names_both_rasters():
    gt = (0.0, 30.0, 0.0, 300.0, 0.0, -30.0)
    a = Grid.from_array(np.zeros((3, 3)), geotransform=gt)
    b = Grid.from_array(np.zeros((3, 3)), geotransform=(0.0, 60.0, 0.0, 300.0, 0.0, -60.0))
    with pytest.raises(EspInputError) as info:
        require_same_grid({"landcover.tif": a, "ntl.tif": b})
    message = str(info.value)
    assert "'ntl.tif'" in message and "'landcover.tif'" in message
    assert "60 x 60" in message and "30 x 30" in message


def test_sub_progress_maps_onto_parent_range():
    seen = []

    class Recorder(NullProgress):
        def update(self, fraction):
            seen.append(fraction)

    sub = SubProgress(Recorder(), 0.5, 0.75)
    sub.update(0.0)
    sub.update(0.5)
    sub.update(2.0)  # clamped
    assert seen == [0.5, 0.625, 0.75]


def test_check_cancelled_raises():
    class Stop(NullProgress):
        def cancelled(self):
            return True

    check_cancelled(NullProgress())
    with pytest.raises(Cancelled):
        check_cancelled(Stop())
