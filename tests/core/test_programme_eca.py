"""PC and ECA on the source graph against hand-computed chains and pairs."""

import math

import numpy as np
import pytest

from espcore.errors import EspInputError
from espcore.programme.eca import (
    default_kernel_distance,
    equivalent_connected_area,
    network_eca,
    pair_gains,
    pair_probabilities,
    unit_eca,
)

# Kernel through 0.5 at 10 cost units: p = 0.5 ** (d / 10).
KERNEL = dict(distance=10.0, probability=0.5)


def test_a_chain_beats_a_long_direct_link():
    # p12 = 0.5, p23 = 0.5 ** 2 = 0.25, direct p13 = 0.5 ** 5 = 1/32 < p12 p23 = 1/8.
    pstar = pair_probabilities(3, [0, 1, 0], [1, 2, 2], [10.0, 20.0, 50.0], **KERNEL)
    expected = np.array([[1.0, 0.5, 0.125], [0.5, 1.0, 0.25], [0.125, 0.25, 1.0]])
    np.testing.assert_allclose(pstar, expected, rtol=1e-12)


def test_a_short_direct_link_beats_the_chain():
    # Direct p13 = 0.5 ** 2.5 = 0.17678 > 0.125.
    pstar = pair_probabilities(3, [0, 1, 0], [1, 2, 2], [10.0, 20.0, 25.0], **KERNEL)
    assert pstar[0, 2] == pytest.approx(0.5 ** 2.5, rel=1e-12)
    assert pstar[2, 0] == pstar[0, 2]


def test_infinite_distances_are_no_link_and_repeats_keep_the_shorter():
    pstar = pair_probabilities(3, [0, 0, 1], [1, 1, 2], [30.0, 10.0, math.inf], **KERNEL)
    assert pstar[0, 1] == pytest.approx(0.5, rel=1e-12)
    assert pstar[0, 2] == 0.0 and pstar[1, 2] == 0.0
    assert np.all(np.diag(pstar) == 1.0)
    # Touching sources (distance 0) are fully connected.
    assert pair_probabilities(2, [0], [1], [0.0], **KERNEL)[0, 1] == pytest.approx(1.0)


def test_eca_of_two_sources():
    a1, a2, d = 4.0, 9.0, 15.0
    p = 0.5 ** (d / 10.0)
    expected = math.sqrt(a1 ** 2 + a2 ** 2 + 2 * a1 * a2 * p)
    assert network_eca([a1, a2], [0], [1], [d], **KERNEL) == pytest.approx(expected, rel=1e-12)
    # Unconnected: the ECA is the root of the sum of squared areas; fully connected: the sum.
    assert network_eca([a1, a2], [0], [1], [math.inf], **KERNEL) == pytest.approx(
        math.sqrt(a1 ** 2 + a2 ** 2))
    assert network_eca([a1, a2], [0], [1], [0.0], **KERNEL) == pytest.approx(a1 + a2)


def test_default_kernel_distance_is_the_median_finite_link():
    assert default_kernel_distance([1.0, math.inf, 3.0, 10.0]) == 3.0
    with pytest.raises(EspInputError, match="no default kernel distance"):
        default_kernel_distance([math.inf, math.inf])


def test_unit_shares_sum_to_the_eca_and_match_the_formula():
    areas = np.array([2.0, 3.0, 5.0])
    pstar = pair_probabilities(3, [0, 1], [1, 2], [10.0, 20.0], **KERNEL)
    # Sources 0 and 1 lie in unit 0, source 2 in unit 1; unit 2 holds none.
    by_unit = np.array([[2.0, 0.0, 0.0], [3.0, 0.0, 0.0], [0.0, 5.0, 0.0]])
    shares = unit_eca(by_unit, areas, pstar)
    eca = equivalent_connected_area(areas, pstar)
    assert shares.sum() == pytest.approx(eca, rel=1e-12)
    # By hand: p* = [[1, .5, .125], [.5, 1, .25], [.125, .25, 1]];
    # PCnum = 4 + 9 + 25 + 2 (2*3*.5 + 2*5*.125 + 3*5*.25) = 38 + 2 * 8 = 54.
    assert eca == pytest.approx(math.sqrt(54.0), rel=1e-12)
    # p* a = (4.125, 5.25, 6): unit 0 = 2 * 4.125 + 3 * 5.25 = 24, unit 1 = 5 * 6 = 30.
    np.testing.assert_allclose(shares, np.array([24.0, 30.0, 0.0]) / math.sqrt(54.0),
                               rtol=1e-12)


def test_pair_gains_split_the_change_of_pcnum():
    areas = np.array([2.0, 3.0])
    before = pair_probabilities(2, [0], [1], [30.0], **KERNEL)
    after = pair_probabilities(2, [0], [1], [10.0], **KERNEL)
    gains = pair_gains(areas, before, after)
    assert gains[0, 1] == pytest.approx(6.0 * (0.5 - 0.125))
    assert gains[0, 0] == 0.0
    total = equivalent_connected_area(areas, after) ** 2 - \
        equivalent_connected_area(areas, before) ** 2
    assert gains.sum() == pytest.approx(total)


@pytest.mark.parametrize("call, words", [
    (lambda: pair_probabilities(2, [0], [1], [1.0], distance=0.0, probability=0.5),
     "dispersal distance"),
    (lambda: pair_probabilities(2, [0], [1], [1.0], distance=1.0, probability=1.0),
     "between 0 and 1"),
    (lambda: pair_probabilities(2, [0], [0], [1.0], **KERNEL), "to itself"),
    (lambda: pair_probabilities(2, [0], [2], [1.0], **KERNEL), "outside 0..1"),
    (lambda: pair_probabilities(2, [0], [1], [-1.0], **KERNEL), "zero or positive"),
    (lambda: pair_probabilities(2, [0], [1], [1.0, 2.0], **KERNEL), "equally many"),
    (lambda: equivalent_connected_area([1.0], np.eye(2)), "2 sources"),
    (lambda: equivalent_connected_area([1.0, -1.0], np.eye(2)), "zero or positive"),
    (lambda: unit_eca(np.ones((3, 1)), [1.0, 1.0], np.eye(2)), "shape"),
])
def test_bad_input_is_refused(call, words):
    with pytest.raises(EspInputError, match=words):
        call()
