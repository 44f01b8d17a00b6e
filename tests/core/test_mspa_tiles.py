"""MSPA on overlapping tiles (espcore.sources.mspatiles) against MSPA over the whole map.

Expected values come from the definitions, not from the code: a tile read that holds the
whole map is the whole run; patches that fit inside every tile read that reaches them cannot
tell the tiles from the map; a corridor whose far core lies beyond the read has nothing to
bridge to. Codes: 1 branch, 3 edge, 9 islet, 17 core, 33 bridge, 35 bridge in edge.
"""

import math

import numpy as np
import pytest

from espcore import EspInputError
from espcore.sources.mspa import mspa
from espcore.sources.mspatiles import agreement, mspa_tiled

BRANCH, EDGE, PERFORATION, ISLET, CORE, BRIDGE, BRIDGE_IN_EDGE = 1, 3, 5, 9, 17, 33, 35


def random_map(shape, seed, *, missing=0.05):
    """Blobby foreground with scattered missing cells (0 / 1 / 2 coding)."""
    from scipy import ndimage

    rng = np.random.default_rng(seed)
    field = ndimage.uniform_filter(rng.random(shape), size=3)
    out = np.where(field > 0.5, 2, 1).astype(np.uint8)
    out[rng.random(shape) < missing] = 0
    return out


# ------------------------------------------------------------------ (a) one tile ----

@pytest.mark.parametrize("options", [
    {},
    {"connectivity": 4, "edge_width": 2},
    {"edge_width": 3, "intext": False, "engine": "v2.4"},
])
@pytest.mark.parametrize("tile, overlap", [(40, 0), (41, 5), (1000, 7)])
def test_a_tile_holding_the_map_is_the_whole_run(options, tile, overlap):
    guidos = random_map((37, 40), seed=1)
    assert np.array_equal(mspa_tiled(guidos, tile=tile, overlap=overlap, **options),
                          mspa(guidos, **options))


# ---------------------------------------------------------- (b) patches that fit ----

def _shapes():
    """Patches of at most 8 x 8 cells with islets, core, edge, perforation and a bridge."""
    squares = [np.ones((side, side), dtype=bool) for side in (1, 2, 3, 5, 8)]
    ring = np.ones((8, 8), dtype=bool)
    ring[3:5, 3:5] = False  # a core opening: perforation around it
    dumbbell = np.zeros((3, 8), dtype=bool)
    dumbbell[:, :3] = dumbbell[:, 5:] = True
    dumbbell[1, 3:5] = True  # two 3 x 3 squares (one core cell each) and a bridge
    return squares + [ring, dumbbell]


def scattered_patches(side, seed, count=80):
    """Patches placed at random, each at least one background cell from the others."""
    from scipy import ndimage

    rng = np.random.default_rng(seed)
    foreground = np.zeros((side, side), dtype=bool)
    shapes = _shapes()
    for _ in range(count):
        shape = shapes[rng.integers(len(shapes))]
        r = rng.integers(0, side - shape.shape[0] + 1)
        c = rng.integers(0, side - shape.shape[1] + 1)
        area = np.s_[r:r + shape.shape[0], c:c + shape.shape[1]]
        taken = ndimage.binary_dilation(foreground, np.ones((3, 3), dtype=bool))
        if not (taken[area] & shape).any():
            foreground[area] |= shape
    return np.where(foreground, 2, 1).astype(np.uint8)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_patches_that_fit_in_every_read_are_classified_as_in_the_whole_run(seed):
    # A patch spans at most 8 cells, so one that reaches a tile's own cells starts at most 7
    # cells before the tile: with an overlap of 10 it lies inside the read with 3 cells of
    # background to spare, more than the 2 cells (T = 1.98) the distance tests look at.
    guidos = scattered_patches(64, seed)
    whole = mspa(guidos)
    found = set(np.unique(whole).tolist())
    # +100: inside the ring's core opening (its perforation and the hole itself)
    assert {ISLET, CORE, EDGE, PERFORATION + 100, 100} <= found
    assert found & {BRIDGE, BRIDGE_IN_EDGE}
    assert np.array_equal(mspa_tiled(guidos, tile=16, overlap=10), whole)
    # without the overlap the tile edges cut patches: the case is not trivially equal
    assert not np.array_equal(mspa_tiled(guidos, tile=16, overlap=0), whole)


# --------------------------------------------------------- (c) a cut corridor ----

def corridor_map():
    """Two 10 x 10 squares joined by a one-cell line from column 14 to 35 (row 10).

    Tiles of 30 columns meet at column 30, inside the corridor.
    """
    guidos = np.ones((20, 90), dtype=np.uint8)
    guidos[5:15, 4:14] = 2
    guidos[5:15, 36:46] = 2
    guidos[10, 14:36] = 2
    return guidos


def test_the_whole_run_sees_a_bridge():
    row = mspa(corridor_map())[10]
    assert (row[14:36] == BRIDGE).all()
    # where the line leaves each square it crosses the square's edge
    assert row[13] == row[36] == BRIDGE_IN_EDGE
    assert (row[5:13] == CORE).all() and (row[37:45] == CORE).all()


def test_a_corridor_cut_by_the_tile_read_is_a_branch():
    # Overlap 5: the first read ends at column 34 and the second starts at 25, so neither
    # holds both squares; in each the line leads from one core to the read's edge only.
    guidos = corridor_map()
    tiled = mspa_tiled(guidos, tile=30, overlap=5)
    whole = mspa(guidos)
    row = tiled[10]
    assert (row[14:36] == BRANCH).all()
    # a branch adds no bit to the edge it crosses
    assert row[13] == row[36] == EDGE
    differ = tiled != whole
    assert set(zip(*np.nonzero(differ))) == {(10, c) for c in range(13, 37)}
    found = agreement(whole, tiled)
    assert found.per_class["bridge"] == 0.0
    assert found.per_class["core"] == 1.0
    assert found.overall == 1.0 - 24 / guidos.size


def test_an_overlap_reaching_the_far_square_keeps_the_bridge():
    # Overlap 20: the read of the first tile (columns 0-49) holds both squares and 4 columns
    # of background beyond; that of the second (10-79) holds the corridor with a slice of the
    # left square, whose replicated frame still holds core for the line to reach.
    guidos = corridor_map()
    assert np.array_equal(mspa_tiled(guidos, tile=30, overlap=20), mspa(guidos))


# ---------------------------------------------- core and the ring are local ----

@pytest.mark.parametrize("edge_width", [1, 2])
@pytest.mark.parametrize("seed", [3, 4])
def test_core_and_the_ring_around_it_are_exact_with_three_reaches_of_overlap(seed, edge_width):
    guidos = random_map((90, 90), seed=seed)
    whole = mspa(guidos, edge_width=edge_width)
    tiled = mspa_tiled(guidos, tile=20, overlap=3 * (edge_width + 1), edge_width=edge_width)
    for bits in (16, 2 | 4):  # core; edge or perforation (with a connector bit or not)
        assert np.array_equal(_has_bits(whole, bits), _has_bits(tiled, bits)), bits


def _has_bits(codes, bits):
    foreground = (codes % 2 == 1) & (codes != 129) & (codes < 200)
    return foreground & ((codes % 100) & bits > 0)


# ---------------------------------------------------------------- agreement ----

def test_agreement_counts_codes_and_classes():
    a = np.array([[17, 33], [1, 0]], dtype=np.uint8)
    b = np.array([[117, 1], [1, 0]], dtype=np.uint8)
    found = agreement(a, b)
    assert found.overall == 0.5  # 17 and 117 are different codes
    assert found.same_class == 0.75  # ... of one class
    assert found.per_class["core"] == 1.0  # ... but the same class
    assert found.per_class["bridge"] == 0.0
    assert found.per_class["branch"] == 1.0
    assert math.isnan(found.per_class["loop"])
    assert found.cells["bridge"] == 1 and found.cells["loop"] == 0
    custom = agreement(a, b, classes={"core only": (17,)})
    assert custom.per_class == {"core only": 0.0}
    assert custom.same_class == 0.5  # codes in no listed class must stay the same


# ------------------------------------------------------------------- (d) errors ----

@pytest.mark.parametrize("tile, overlap, words", [
    (0, 0, "tile size"), (-3, 0, "tile size"), (2.5, 0, "tile size"), (True, 0, "tile size"),
    ("10", 0, "tile size"), (10, -1, "tile overlap"), (10, 1.5, "tile overlap"),
])
def test_bad_tiles_are_explained(tile, overlap, words):
    with pytest.raises(EspInputError, match=words + " must be a whole number"):
        mspa_tiled(random_map((10, 10), 0), tile=tile, overlap=overlap)


@pytest.mark.parametrize("shape", [(10,), (2, 3, 4), (0, 5)])
def test_maps_that_are_not_2d_are_refused(shape):
    with pytest.raises(EspInputError, match="2-D"):
        mspa_tiled(np.ones(shape, dtype=np.uint8), tile=4, overlap=1)


def test_other_values_and_options_are_refused_as_mspa_refuses_them():
    with pytest.raises(EspInputError, match="0 missing, 1 background, 2 foreground"):
        mspa_tiled(np.full((5, 5), 3, dtype=np.uint8), tile=4, overlap=1)
    with pytest.raises(EspInputError, match="edge width"):
        mspa_tiled(random_map((10, 10), 0), tile=4, overlap=1, edge_width=0)


def test_agreement_needs_maps_of_one_shape_and_mspa_codes():
    with pytest.raises(EspInputError, match="one shape"):
        agreement(np.zeros((3, 3)), np.zeros((3, 4)))
    with pytest.raises(EspInputError, match="0 to 255"):
        agreement(np.zeros((3, 3), dtype=int), np.full((3, 3), 300))
