"""MSPA's distance thresholds and the bounded widening distance, against scipy and the
unbounded propagation."""

import numpy as np
import pytest
from scipy import ndimage

from espcore.sources.connectors import constrained_distance
from espcore.sources.mspa import _beyond, _row_distances, _within


@pytest.mark.parametrize("seed", range(6))
def test_within_and_beyond_are_the_squared_euclidean_distance(seed):
    rng = np.random.default_rng(seed)
    mask = ndimage.gaussian_filter(rng.random((60, 70)), 2) > 0.52
    squared = ndimage.distance_transform_edt(~mask) ** 2
    inner = ndimage.distance_transform_edt(np.pad(mask, 200, constant_values=True))
    inner = inner[200:-200, 200:-200] ** 2  # cells outside the array are not background
    for max_sq in (0, 1, 2, 3, 8, 13, 35, 120):
        np.testing.assert_array_equal(_within(mask, max_sq), np.rint(squared) <= max_sq)
        np.testing.assert_array_equal(_beyond(mask, max_sq),
                                      mask & (np.rint(inner) > max_sq))


@pytest.mark.parametrize("seed", range(3))
def test_row_distances_are_the_nearest_mask_cell_in_the_row(seed, monkeypatch):
    import espcore.sources.mspa as mspa

    monkeypatch.setattr(mspa, "_BAND_ROWS", 7)  # several bands and a ragged last one
    rng = np.random.default_rng(seed)
    mask = rng.random((40, 33)) < (0.02, 0.2, 0.6)[seed]
    mask[3] = False  # a row without any mask cell
    for reach in (1, 4, 31, 300):
        gap = _row_distances(mask, reach)
        assert gap.dtype == (np.uint8 if reach < 255 else np.uint16)
        for row in range(mask.shape[0]):
            where = np.flatnonzero(mask[row])
            for col in range(mask.shape[1]):
                nearest = np.abs(where - col).min() if where.size else reach + 1
                assert gap[row, col] == min(nearest, reach + 1)


@pytest.mark.parametrize("seed", range(4))
def test_a_limit_leaves_the_distances_within_it_unchanged(seed):
    rng = np.random.default_rng(seed)
    mask = ndimage.gaussian_filter(rng.random((80, 90)), 1.5) > 0.45
    mask[0, :] = mask[-1, :] = mask[:, 0] = mask[:, -1] = False
    reference = mask & (rng.random(mask.shape) < 0.01)
    full = constrained_distance(reference, mask)
    for reach in (1.6, 3.5, 8.6):
        bounded = constrained_distance(reference, mask, limit=reach + 2.0)
        near = (full > 0) & (full <= reach)
        np.testing.assert_array_equal(bounded[near], full[near])
        assert not ((bounded > 0) & (bounded <= reach) & ~near).any()
