"""Included pairs in pairwise mode: which pairs are solved, and the resistance matrix.

Circuitscape.jl (``generate_exclude_pairs`` in src/raster/pairwise.jl, the pair loops in
src/core.jl) skips a pair of ids that the file chooses in neither direction and leaves its
resistance at -1; the choice is per id pair, not per cell. Include mode drops the focal ids
the file does not name, exclude mode keeps them. The expected values below are worked out
by hand on unit-resistance strips (1 ohm between neighbouring cells, resistors in series).
"""

import numpy as np
import pytest

from espcore.circuits.circuit import MapOptions
from espcore.circuits.csini import parse_included_pairs
from espcore.circuits.focal import FocalNodes
from espcore.circuits.pairwise import pairwise

CURRENTS = MapOptions(current_maps=True)


def strip(ids):
    """A 1 x n strip of unit resistances (conductance 1 S per cell) and its focal ids."""
    ids = np.array([ids], dtype=np.float64)
    valid = np.ones(ids.shape, dtype=bool)
    return np.ones(ids.shape), FocalNodes.from_raster(ids, valid)


def matrix(result):
    """(ids, resistances) of a result's Circuitscape-style table."""
    table = result.resistances
    return table[0, 1:].tolist(), table[1:, 1:]


@pytest.mark.parametrize("maps", [MapOptions(), CURRENTS])
def test_excluded_pair_is_minus_one(maps):
    # 1 x 3 strip, ids 1 2 3 on the three cells; only 1-2 and 2-3 are included.
    g, focal = strip([1, 2, 3])
    result = pairwise(g, focal, included=parse_included_pairs("mode include\n1 2\n2 3\n"),
                      maps=maps)
    ids, r = matrix(result)
    assert ids == [1, 2, 3]
    # R(1,2) = R(2,3) = 1 ohm; R(1,3) would be 2 ohm, but the pair is not included.
    np.testing.assert_allclose(r, [[0, 1, -1], [1, 0, 1], [-1, 1, 0]], atol=1e-12)


def test_excluded_pair_adds_no_current_map():
    g, focal = strip([1, 2, 3])
    result = pairwise(g, focal, included=parse_included_pairs("mode include\n1 2\n2 3\n"),
                      maps=CURRENTS)
    assert sorted(k for k in result.maps if k.startswith("curmap_")) == ["curmap_1_2",
                                                                         "curmap_2_3"]
    # 1 A through 1-2 gives node currents [1, 1, 0], through 2-3 [0, 1, 1].
    np.testing.assert_allclose(result.maps["curmap_1_2"], [[1, 1, 0]], atol=1e-12)
    np.testing.assert_allclose(result.maps["cum_curmap"], [[1, 2, 1]], atol=1e-12)


def test_exclude_mode_keeps_ids_the_file_does_not_name():
    # 1 x 4 strip, ids 1..4; the file excludes 1-3 and does not mention 4.
    g, focal = strip([1, 2, 3, 4])
    result = pairwise(g, focal, included=parse_included_pairs("mode exclude\n1 3\n"))
    ids, r = matrix(result)
    assert ids == [1, 2, 3, 4]
    want = [[0, 1, -1, 3],
            [1, 0, 1, 2],
            [-1, 1, 0, 1],
            [3, 2, 1, 0]]
    np.testing.assert_allclose(r, want, atol=1e-12)


def test_include_mode_drops_ids_the_file_does_not_name():
    g, focal = strip([1, 2, 3, 4])
    result = pairwise(g, focal, included=parse_included_pairs("mode include\n1 3\n"))
    ids, r = matrix(result)
    assert ids == [1, 3]
    np.testing.assert_allclose(r, [[0, 2], [2, 0]], atol=1e-12)


def points_on_one_cell():
    """1 x 3 strip; ids 1 and 2 both on the left cell, id 3 on the right cell."""
    geotransform = (0.0, 1.0, 0.0, 1.0, 0.0, -1.0)
    focal = FocalNodes.from_points([(1, 0.5, 0.5), (2, 0.5, 0.5), (3, 2.5, 0.5)],
                                   geotransform, (1, 3))
    return np.ones((1, 3)), focal


@pytest.mark.parametrize("maps", [MapOptions(), CURRENTS])
def test_two_ids_on_one_cell_are_included_separately(maps):
    g, focal = points_on_one_cell()
    result = pairwise(g, focal, included=parse_included_pairs("mode include\n1 3\n2 1\n"),
                      maps=maps)
    ids, r = matrix(result)
    assert ids == [1, 2, 3]
    # 1-3: two unit resistors in series = 2 ohm; 2-3 sits on the same cells but is not
    # included, so -1; 1-2 share a node: 0.
    np.testing.assert_allclose(r, [[0, 0, 2], [0, 0, -1], [2, -1, 0]], atol=1e-12)
    if maps.any_currents:
        assert sorted(k for k in result.maps if k.startswith("curmap_")) == ["curmap_1_3"]
        np.testing.assert_allclose(result.maps["cum_curmap"], [[1, 1, 1]], atol=1e-12)


def test_ids_on_one_node_stay_zero_when_excluded():
    # Circuitscape's smash_repeats! (src/core.jl) writes 0 for ids on one node without
    # looking at the exclusions; the other excluded pair is -1.
    g, focal = points_on_one_cell()
    result = pairwise(g, focal, included=parse_included_pairs("mode exclude\n1 2\n2 3\n"))
    _, r = matrix(result)
    np.testing.assert_allclose(r, [[0, 0, 2], [0, 0, -1], [2, -1, 0]], atol=1e-12)


@pytest.mark.parametrize("text", ["mode include\n1 2\n2 3\n", "mode exclude\n3 1\n"])
def test_focal_regions_skip_excluded_pairs(text):
    # 1 x 5 strip: region 1 on cells 0-1, point 2 on cell 2, region 3 on cells 3-4. Each
    # pair shorts its two regions, so R(1,2) = R(2,3) = 1 ohm and R(1,3) would be 2 ohm.
    g, focal = strip([1, 1, 2, 3, 3])
    assert focal.has_regions
    result = pairwise(g, focal, included=parse_included_pairs(text), maps=CURRENTS)
    ids, r = matrix(result)
    assert ids == [1, 2, 3]
    np.testing.assert_allclose(r, [[0, 1, -1], [1, 0, 1], [-1, 1, 0]], atol=1e-12)
    assert sorted(k for k in result.maps if k.startswith("curmap_")) == ["curmap_1_2",
                                                                         "curmap_2_3"]
    # 1 A from the shorted region 1 (both its cells carry it) to cell 2: [1, 1, 1, 0, 0];
    # from cell 2 to region 3: [0, 0, 1, 1, 1].
    np.testing.assert_allclose(result.maps["curmap_1_2"], [[1, 1, 1, 0, 0]], atol=1e-12)
    np.testing.assert_allclose(result.maps["cum_curmap"], [[1, 1, 2, 1, 1]], atol=1e-12)


def test_focal_regions_include_mode_drops_unnamed_ids():
    g, focal = strip([1, 1, 2, 3, 3])
    result = pairwise(g, focal, included=parse_included_pairs("mode include\n1 3\n"))
    ids, r = matrix(result)
    assert ids == [1, 3]
    # Regions 1 and 3 shorted; cells 1 -> 2 -> 3 give two unit resistors in series.
    np.testing.assert_allclose(r, [[0, 2], [2, 0]], atol=1e-12)


def test_asymmetric_matrix_solves_a_pair_chosen_in_one_direction():
    # min 2 / max 5: (1,3) = 4 is in range, (3,1) = 9 is not; (2,3) is out both ways.
    text = "min 2\nmax 5\n0 1 2 3\n1 0 3 4\n2 3 0 1\n3 9 1 0\n"
    g, focal = strip([1, 2, 3])
    _, r = matrix(pairwise(g, focal, included=parse_included_pairs(text)))
    np.testing.assert_allclose(r, [[0, 1, 2], [1, 0, -1], [2, -1, 0]], atol=1e-12)


# ------------------------------------------------------------ the min/max matrix layout ---

def test_matrix_layout_with_positive_min_keeps_values_within_the_range():
    ids, chosen = parse_included_pairs("min 2\nmax 5\n0 1 2 3\n1 0 3 9\n2 3 0 1\n"
                                       "3 9 1 0\n")[:2]
    assert ids.tolist() == [1, 2, 3]
    # 3 in [2, 5]; 9 above max; 1 below min; the diagonal 0 below min.
    assert chosen.tolist() == [[False, True, False],
                               [True, False, False],
                               [False, False, False]]


def test_matrix_layout_with_min_at_or_below_zero_follows_circuitscape():
    # Circuitscape.jl read_included_pairs: a value above max becomes 0 first, then a pair
    # counts when its value is >= min. With min = 0: 9 > max -> 0 >= 0 -> included;
    # -1 < 0 -> excluded; 3 and the diagonal 0 -> included.
    ids, chosen = parse_included_pairs("min 0\nmax 5\n0 1 2 3\n1 0 3 9\n2 3 0 -1\n"
                                       "3 9 -1 0\n")[:2]
    assert ids.tolist() == [1, 2, 3]
    assert chosen.tolist() == [[True, True, True],
                               [True, True, False],
                               [True, False, True]]
    # With min = -2 the -1 pair counts as well.
    _, chosen = parse_included_pairs("min -2\nmax 5\n0 1 2 3\n1 0 3 9\n2 3 0 -1\n"
                                     "3 9 -1 0\n")[:2]
    assert chosen.all()


def test_matrix_layout_with_min_zero_in_a_run():
    # 1 x 3 strip; min 0, max 1: (1,2) = 7 is above max, so it counts as 0 and is solved;
    # (2,3) = -4 is below min, so it is skipped; (1,3) = 1 is within range.
    text = "min 0\nmax 1\n0 1 2 3\n1 0 7 1\n2 7 0 -4\n3 1 -4 0\n"
    g, focal = strip([1, 2, 3])
    _, r = matrix(pairwise(g, focal, included=parse_included_pairs(text)))
    np.testing.assert_allclose(r, [[0, 1, 2], [1, 0, -1], [2, -1, 0]], atol=1e-12)


def test_matrix_layout_takes_ids_from_the_first_column():
    # Circuitscape reads the ids of the matrix from its first column, not the header row.
    ids, _ = parse_included_pairs("min 1\nmax 2\n0 7 7 7\n4 0 1 1\n5 1 0 1\n6 1 1 0\n")[:2]
    assert ids.tolist() == [4, 5, 6]


def test_short_matrix_rows_are_explained():
    from espcore import EspInputError

    with pytest.raises(EspInputError, match="Row 2 of the included-pairs matrix"):
        parse_included_pairs("min 1\nmax 2\n0 1 2\n1 0 1\n2 1\n")


def test_mode_line_without_a_mode_is_explained():
    from espcore import EspInputError

    with pytest.raises(EspInputError, match="names no mode"):
        parse_included_pairs("mode\n1 2\n")


def test_parsed_pairs_carry_their_mode():
    assert parse_included_pairs("mode include\n1 2\n").mode == "include"
    assert parse_included_pairs("mode exclude\n1 2\n").mode == "exclude"
    assert parse_included_pairs("min 1\nmax 2\n0 1 2\n1 0 1\n2 1 0\n").mode == "include"
