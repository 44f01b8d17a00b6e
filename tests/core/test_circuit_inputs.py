"""Circuitscape's input rules shared by the INI runs and esp:circuitscape (mask, short-circuit
regions, the range warning) and the pairwise resistance table; every value by hand."""

import math

import numpy as np
import pytest

from espcore import EspInputError
from espcore.circuits.circuit import pair_resistances, resistance_table
from espcore.circuits.csjob import mask_conductances, region_ids
from espcore.circuits.graph import EXTREME_RATIO, range_ratio


def test_mask_keeps_positive_cells_with_data():
    g = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    mask = np.array([[1.0, 0.0, -1.0], [2.0, np.nan, 7.0]])
    valid = np.array([[True, True, True], [True, True, False]])
    # Kept: mask > 0 and with data; 0, negative, NaN and NoData cells leave the network.
    np.testing.assert_array_equal(mask_conductances(g, mask, valid),
                                  [[1.0, 0.0, 0.0], [4.0, 0.0, 0.0]])
    with pytest.raises(EspInputError, match="mask_file"):
        mask_conductances(g, mask[:, :2], valid[:, :2])


def test_region_ids_round_and_drop_nodata():
    values = np.array([[1.4, 1.6, 2.5], [0.0, -3.2, 9.0]])
    valid = np.array([[True, True, True], [True, True, False]])
    ids = region_ids(values, valid)
    # Rounded half to even (2.5 -> 2), as numpy's rint; NoData is 0 (no region).
    assert ids.tolist() == [[1, 2, 2], [0, -3, 0]] and ids.dtype == np.int64


def test_range_ratio_over_positive_data_cells():
    values = np.array([[0.5, 2.0, 0.0], [-1.0, np.inf, 1e9]], dtype=np.float64)
    valid = np.array([[True, True, True], [True, True, False]])
    # Positive finite data cells: 0.5 and 2.0.
    assert range_ratio(values, valid) == 4.0
    assert math.isnan(range_ratio(values, np.zeros_like(valid)))
    assert range_ratio(values, np.ones_like(valid)) == 2e9 > EXTREME_RATIO


def test_pair_resistances_read_above_the_diagonal():
    ids = np.array([3.0, 5.0, 8.0])
    r = np.array([[0.0, 1.5, 2.5],
                  [1.25, 0.0, 4.0],
                  [2.75, 4.5, 0.0]])  # not symmetric, to see which side is read
    rows = pair_resistances(resistance_table(ids, r))
    assert rows.tolist() == [[3.0, 5.0, 1.5], [3.0, 8.0, 2.5], [5.0, 8.0, 4.0]]
    assert pair_resistances(resistance_table(np.array([1.0]), np.zeros((1, 1)))).shape == \
        (0, 3)
