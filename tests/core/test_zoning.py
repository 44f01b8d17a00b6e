"""Restoration zoning: zone rules and precedence, key cells, buffers, patches and levels.

Every expected value is worked out by hand on small grids.
"""

import math

import numpy as np
import pytest

from espcore import EspInputError
from espcore.zoning.zones import (
    CONSERVATION,
    CONTROL,
    IMPROVEMENT,
    RESTORATION,
    buffer_cells,
    grade_levels,
    key_cells,
    patch_values,
    patches,
    restoration_zones,
    zone_tally,
)

pytest.importorskip("scipy.ndimage")


def strip(*cells, n=8):
    mask = np.zeros((1, n), dtype=bool)
    mask[0, list(cells)] = True
    return mask


# ------------------------------------------------------------------ zones ---------------

def test_each_rule_and_its_precedence():
    # One row of 8 cells: 0-1 source, 2-5 corridor, 7 NoData.
    valid = ~strip(7)
    sources, corridors = strip(0, 1), strip(2, 3, 4, 5)
    zones = restoration_zones(valid, sources=sources, corridors=corridors,
                              pinch=strip(3), barriers=strip(4), degraded=strip(1, 6))
    # 0 source, 1 degraded source -> restoration, 2 corridor, 3 pinch -> conservation,
    # 4 barrier -> restoration, 5 corridor, 6 degraded but outside sources and corridors ->
    # control, 7 NoData.
    assert zones.tolist() == [[CONSERVATION, RESTORATION, IMPROVEMENT, CONSERVATION,
                               RESTORATION, IMPROVEMENT, CONTROL, 0]]
    assert zones.dtype == np.uint8


def test_breakpoints_and_stepping_stones():
    valid = np.ones((1, 8), dtype=bool)
    zones = restoration_zones(valid, sources=strip(0), corridors=strip(3, 4),
                              breakpoints=strip(4), stepping_stones=strip(6, 0))
    # Cell 0 is a source and a stepping stone: conservation wins over improvement.
    assert zones.tolist() == [[CONSERVATION, CONTROL, CONTROL, IMPROVEMENT, RESTORATION,
                               CONTROL, IMPROVEMENT, CONTROL]]


def test_zones_without_optional_inputs_and_bad_shapes():
    valid = np.ones((2, 3), dtype=bool)
    sources = np.array([[1, 0, 0], [0, 0, 0]], dtype=bool)
    corridors = np.array([[0, 1, 0], [0, 1, 0]], dtype=bool)
    zones = restoration_zones(valid, sources=sources, corridors=corridors)
    assert zones.tolist() == [[1, 3, 4], [4, 3, 4]]
    with pytest.raises(EspInputError, match="barriers"):
        restoration_zones(valid, sources=sources, corridors=corridors,
                          barriers=np.zeros((3, 3), dtype=bool))


def test_zone_tally_areas_and_shares():
    zones = np.array([[1, 1, 2], [3, 4, 4], [4, 4, 0]], dtype=np.uint8)
    tally = zone_tally(zones, cell_area=100.0)
    assert tally.codes == (1, 2, 3, 4)
    assert tally.cells.tolist() == [2, 1, 1, 4]
    assert tally.area.tolist() == [200.0, 100.0, 100.0, 400.0]
    # 8 zoned cells: 25 %, 12.5 %, 12.5 %, 50 %.
    assert tally.share.tolist() == [25.0, 12.5, 12.5, 50.0]
    assert tally.share.sum() == pytest.approx(100.0)


# ------------------------------------------------------------------ key cells -----------

def test_key_cells_with_a_threshold():
    values = np.array([[0.0, 1.0, 2.0, 3.0, np.nan]])
    mask, limit = key_cells(values, threshold=2.0)
    assert mask.tolist() == [[False, False, True, True, False]]
    assert limit == 2.0
    low, top = key_cells(values, threshold=2.0, low=True)
    assert low.tolist() == [[True, True, False, False, False]]
    assert top == 1.0
    within = np.array([[True, True, True, False, True]])
    mask, limit = key_cells(values, threshold=2.0, within=within)
    assert mask.tolist() == [[False, False, True, False, False]]


def test_key_cells_by_natural_breaks():
    # Positive values 1, 1, 2, 10, 11 in two classes: {1, 1, 2} and {10, 11} (squared
    # deviations 2/3 + 0.5 beat every other split), so the top class starts at 10. The 0
    # cells are "nothing" and stay out of the breaks.
    values = np.array([[0, 0, 0, 1, 1, 2, 10, 11]], dtype=float)
    mask, limit = key_cells(values, classes=2)
    assert mask.tolist() == [[False] * 6 + [True, True]]
    assert limit == 10.0
    # Habitat quality: the bottom class is degraded; all values count, 0 included:
    # {0, 0.1} vs {0.8, 0.9, 1.0}.
    quality = np.array([[0.0, 0.1, 0.8, 0.9, 1.0]])
    degraded, top = key_cells(quality, classes=2, low=True)
    assert degraded.tolist() == [[True, True, False, False, False]]
    assert top == 0.1


def test_key_cells_empty_and_errors():
    mask, limit = key_cells(np.zeros((2, 2)))
    assert not mask.any() and math.isnan(limit)
    with pytest.raises(EspInputError, match="finite"):
        key_cells(np.ones((2, 2)), threshold=float("nan"))


# ------------------------------------------------------------------ buffers -------------

def test_buffer_cells_by_centre_distance():
    mask = np.zeros((5, 5), dtype=bool)
    mask[2, 2] = True
    # Cell 10 units: neighbours along a row at 10, diagonal at 14.14, two away at 20.
    ring = buffer_cells(mask, 10.0, 10.0)
    assert ring.sum() == 5
    square = buffer_cells(mask, 15.0, 10.0)
    assert square.sum() == 9
    assert buffer_cells(mask, 0.0, 10.0).sum() == 1
    with pytest.raises(EspInputError, match="buffer"):
        buffer_cells(mask, -1.0, 10.0)


# ------------------------------------------------------------------ patches and levels --

def test_patches_are_eight_connected_with_statistics():
    mask = np.array([[1, 0, 0, 1],
                     [0, 1, 0, 1],
                     [0, 0, 0, 0]], dtype=bool)
    labels, count = patches(mask)
    assert count == 2  # (0,0)-(1,1) touch at a corner
    values = np.array([[5, 0, 0, 2],
                       [0, 7, 0, np.nan],
                       [0, 0, 0, 0]], dtype=float)
    first = labels[0, 0]
    second = labels[0, 3]
    assert labels[1, 1] == first and labels[1, 3] == second and first != second
    order = [first - 1, second - 1]
    assert patch_values(labels, count, values, "max")[order].tolist() == [7.0, 2.0]
    assert patch_values(labels, count, values, "sum")[order].tolist() == [12.0, 2.0]
    assert patch_values(labels, count, how="count")[order].tolist() == [2.0, 2.0]
    with pytest.raises(EspInputError, match="statistic"):
        patch_values(labels, count, values, "mean")


def test_grade_levels_first_level_highest():
    # Natural breaks in 3 classes: {1, 2}, {10, 11}, {50}.
    scores = np.array([10.0, 1.0, 50.0, 2.0, 11.0])
    assert grade_levels(scores).tolist() == [2, 3, 1, 3, 2]
    # Two distinct values: two levels, the higher first.
    assert grade_levels(np.array([3.0, 3.0, 8.0])).tolist() == [2, 2, 1]
    assert grade_levels(np.array([4.0])).tolist() == [1]
    assert grade_levels(np.zeros(0)).size == 0
    with pytest.raises(EspInputError, match="finite"):
        grade_levels(np.array([1.0, np.inf]))
