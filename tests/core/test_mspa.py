"""MSPA on hand-drawn shapes, checked against classes worked out by hand or by brute force.

Maps are drawn as text: '#' foreground (2), '.' background (1), '?' missing (0). Expected
classes use one letter per cell (see LEGEND). Distances are between cell centres;
T = EW + 0.98, so a cell within T of another one has squared distance <= N2[EW]
(3 for EW 1, 8 for EW 2, 15 for EW 3).
"""

import numpy as np
import pytest
from progress_helpers import CancelAfter
from scipy import ndimage

from espcore import Cancelled, EspInputError
from espcore.sources.mspa import (
    DRAWN_AS_WITHOUT_TRANSITION,
    MSPA_CLASSES,
    class_areas,
    foreground_from_classes,
    mspa,
)
from espcore.sources.thinning import anchored_thinning, simple_table

LEGEND = {".": 0, "r": 1, "e": 3, "p": 5, "i": 9, "C": 17, "B": 33, "b": 35, "L": 65,
          "l": 67, "o": 100, "R": 101, "E": 103, "P": 105, "c": 117, "M": 129, "H": 220}
N2 = {1: 3, 2: 8, 3: 15}  # floor((EW + 0.98) ** 2)


def draw(text):
    rows = [line.strip() for line in text.strip().splitlines()]
    return np.array([[{"#": 2, ".": 1, "?": 0}[ch] for ch in row] for row in rows], np.uint8)


def classes(text):
    rows = [line.strip() for line in text.strip().splitlines()]
    return np.array([[LEGEND[ch] for ch in row] for row in rows], np.uint8)


def drawn_without_transition(codes):
    """The classes as GTB draws them with transition off: 35/67 in edge's colour, 37/69 in
    perforation's (+100 alike). The codes themselves do not change."""
    out = codes.copy()
    for code, like in DRAWN_AS_WITHOUT_TRANSITION.items():
        out[codes == code] = like
    return out


def square_map(side, margin):
    out = np.ones((side + 2 * margin,) * 2, np.uint8)
    out[margin:margin + side, margin:margin + side] = 2
    return out


def min_sq_distance(cells, targets):
    """Brute force: squared distance from each of ``cells`` (k x 2) to the nearest target."""
    if len(targets) == 0:
        return np.full(len(cells), np.inf)
    diff = cells[:, None, :] - targets[None, :, :]
    return (diff ** 2).sum(axis=2).min(axis=1)


def square_classes(guidos, top, left, side, ew):
    """Expected classes of a lone square: core = cells at least EW + 1 cells from every side
    (Chebyshev layer >= EW, the nearest background is straight across a side), ring = other
    cells within T of core (brute force), the rest branch (square corners for EW 3)."""
    out = np.zeros(guidos.shape, np.uint8)
    cells = [(r, c) for r in range(top, top + side) for c in range(left, left + side)]
    layer = {p: min(p[0] - top, top + side - 1 - p[0], p[1] - left, left + side - 1 - p[1])
             for p in cells}
    core = np.array([p for p in cells if layer[p] >= ew])
    for p in cells:
        if layer[p] >= ew:
            out[p] = 17
        elif min_sq_distance(np.array([p]), core)[0] <= N2[ew]:
            out[p] = 3
        else:
            out[p] = 1
    return out


# ------------------------------------------------------------------ core / edge / branch ----

def test_filled_square_is_core_inside_an_edge():
    guidos = draw("""
        .........
        .........
        ..#####..
        ..#####..
        ..#####..
        ..#####..
        ..#####..
        .........
        .........""")
    # EW 1: a cell is core when none of its 8 neighbours is background: the inner 3 x 3.
    # The outer ring is within one cell (or one diagonal step) of that core: edge.
    expected = classes("""
        .........
        .........
        ..eeeee..
        ..eCCCe..
        ..eCCCe..
        ..eCCCe..
        ..eeeee..
        .........
        .........""")
    for connectivity in (8, 4):
        np.testing.assert_array_equal(mspa(guidos, connectivity=connectivity), expected)


SQUARE_9 = {
    # EW 1: background is 1 cell away from the outer ring only: core = inner 7 x 7.
    1: """
        .............
        .............
        ..eeeeeeeee..
        ..eCCCCCCCe..
        ..eCCCCCCCe..
        ..eCCCCCCCe..
        ..eCCCCCCCe..
        ..eCCCCCCCe..
        ..eCCCCCCCe..
        ..eCCCCCCCe..
        ..eeeeeeeee..
        .............
        .............""",
    # EW 2: core needs distance > 2.98, i.e. >= 3 cells from the background: inner 5 x 5.
    # The square's corner (2, 2) is sqrt(8) = 2.83 from core cell (4, 4): still edge.
    2: """
        .............
        .............
        ..eeeeeeeee..
        ..eeeeeeeee..
        ..eeCCCCCee..
        ..eeCCCCCee..
        ..eeCCCCCee..
        ..eeCCCCCee..
        ..eeCCCCCee..
        ..eeeeeeeee..
        ..eeeeeeeee..
        .............
        .............""",
    # EW 3: core >= 4 cells from the background: inner 3 x 3. The corner (2, 2) is
    # sqrt(18) = 4.24 > 3.98 from the nearest core cell (5, 5): not edge, it is left over
    # and attached at one end only: branch. (2, 3) is sqrt(13) = 3.6 away: edge.
    3: """
        .............
        .............
        ..reeeeeeer..
        ..eeeeeeeee..
        ..eeeeeeeee..
        ..eeeCCCeee..
        ..eeeCCCeee..
        ..eeeCCCeee..
        ..eeeeeeeee..
        ..eeeeeeeee..
        ..reeeeeeer..
        .............
        .............""",
}


@pytest.mark.parametrize("connectivity", [8, 4])
@pytest.mark.parametrize("ew", [1, 2, 3])
def test_square_core_and_edge_for_each_edge_width(ew, connectivity):
    guidos = square_map(9, 2)
    expected = classes(SQUARE_9[ew])
    np.testing.assert_array_equal(mspa(guidos, edge_width=ew, connectivity=connectivity),
                                  expected)
    # The brute-force helper used by the other tests agrees with the hand-drawn classes.
    np.testing.assert_array_equal(square_classes(guidos, 2, 2, 9, ew), expected)


def test_real_edge_width_scales_with_the_edge_width_parameter():
    # Wider edges leave less core: 49, 25, 9 core cells in a 9 x 9 square.
    cores = [int((mspa(square_map(9, 2), edge_width=ew) == 17).sum()) for ew in (1, 2, 3)]
    assert cores == [49, 25, 9]


# ------------------------------------------------------------------- perforation, holes ----

def test_hole_in_core_is_a_core_opening_with_perforation():
    guidos = draw("""
        ...........
        .#########.
        .#########.
        .#########.
        .#########.
        .####.####.
        .#########.
        .#########.
        .#########.
        .#########.
        ...........""")
    # EW 1: the 8 neighbours of the hole are not core; they lie inside the filled core,
    # around a hole of the core: perforation. With intext, everything inside the core
    # opening gets +100: perforation 105, the hole's background 100.
    expected = classes("""
        ...........
        .eeeeeeeee.
        .eCCCCCCCe.
        .eCCCCCCCe.
        .eCCPPPCCe.
        .eCCPoPCCe.
        .eCCPPPCCe.
        .eCCCCCCCe.
        .eCCCCCCCe.
        .eeeeeeeee.
        ...........""")
    for connectivity in (8, 4):
        np.testing.assert_array_equal(mspa(guidos, connectivity=connectivity), expected)
    # Without intext the same cells are plain perforation (5) and background (0).
    plain = expected.copy()
    plain[plain == 105] = 5
    plain[plain == 100] = 0
    np.testing.assert_array_equal(mspa(guidos, intext=False), plain)


def nested_map(ew):
    """A square annulus of foreground (band 2 EW + 2 wide) around a hole of 3-cell gaps with
    an island (2 EW + 3 wide) in the middle; one background cell around everything."""
    band, gap, island = 2 * ew + 2, 3, 2 * ew + 3
    side = 2 * band + 2 * gap + island
    guidos = square_map(side, 1)
    inner = 1 + band
    guidos[inner:inner + side - 2 * band, inner:inner + side - 2 * band] = 1
    start = inner + gap
    guidos[start:start + island, start:start + island] = 2
    return guidos, side, band, start, island


def nested_classes(ew):
    """Expected classes, worked out from the geometry:

    * core by brute force: foreground cells whose squared distance to every background cell
      exceeds N2. In the band that is the Chebyshev layers EW and EW + 1 counted from the
      outer side (plus, for EW 3, the cell in each inner corner, sqrt(18) from the hole's
      corner); in the island the inner 3 x 3. The band's core encloses the hole.
    * band: non-core cells within T of core (brute force) are edge on the outer side
      (layer < EW), perforation (+100: inside the core opening) on the hole side; the rest
      (corners for EW 3) branch, outer 1 / inner 101.
    * hole: background inside the core opening, 100.
    * island: a core inside the opening (117); its ring is the edge of a core nested in a
      hole (edge + 100 = 103); leftovers 101.
    """
    guidos, side, band, start, island = nested_map(ew)
    out = np.zeros(guidos.shape, np.uint8)
    fg = [tuple(p) for p in np.argwhere(guidos == 2)]

    def layer(p, top, size):
        return min(p[0] - top, top + size - 1 - p[0], p[1] - top, top + size - 1 - p[1])

    in_island = {p: start <= p[0] < start + island and start <= p[1] < start + island
                 for p in fg}
    to_bg = min_sq_distance(np.array(fg), np.argwhere(guidos != 2))
    core = [p for p, sq in zip(fg, to_bg) if sq > N2[ew]]
    core_set = set(core)
    ring_sq = min_sq_distance(np.array(fg), np.array(core))
    for p, sq in zip(fg, ring_sq):
        if p in core_set:
            out[p] = 117 if in_island[p] else 17
        elif in_island[p]:
            out[p] = 103 if sq <= N2[ew] else 101
        elif layer(p, 1, side) < ew:
            out[p] = 3 if sq <= N2[ew] else 1
        else:
            out[p] = 105 if sq <= N2[ew] else 101
    out[(guidos == 1)] = 0
    hole = np.zeros(guidos.shape, bool)
    hole[1 + band:1 + side - band, 1 + band:1 + side - band] = True
    out[hole & (guidos == 1)] = 100
    return guidos, out


@pytest.mark.parametrize("connectivity", [8, 4])
@pytest.mark.parametrize("ew", [1, 2, 3])
def test_nested_core_in_a_core_opening(ew, connectivity):
    guidos, expected = nested_classes(ew)
    got = mspa(guidos, edge_width=ew, connectivity=connectivity)
    np.testing.assert_array_equal(got, expected)
    assert (got == 105).sum() > 0 and (got == 117).sum() == 9


def test_foreground_ring_without_core_is_an_islet_around_a_border_opening():
    guidos = draw("""
        ..........
        .#####....
        .#####....
        .##.##..#.
        .#####....
        .#####....
        ..........""")
    # Every cell of the 5 x 5 ring touches the outside or the hole: no core, so the whole
    # component is an islet (9), like the single cell. The hole is background enclosed by
    # foreground but not by core: border opening (220).
    expected = classes("""
        ..........
        .iiiii....
        .iiiii....
        .iiHii..i.
        .iiiii....
        .iiiii....
        ..........""")
    for ew in (1, 2, 3):
        for connectivity in (8, 4):
            np.testing.assert_array_equal(
                mspa(guidos, edge_width=ew, connectivity=connectivity), expected)
    no_intext = expected.copy()
    no_intext[no_intext == 220] = 0
    np.testing.assert_array_equal(mspa(guidos, intext=False), no_intext)


def test_hole_near_the_side_is_a_border_opening_closed_by_a_loop():
    guidos = draw("""
        .........
        .#######.
        .###.###.
        .#######.
        .#######.
        .#######.
        .#######.
        .#######.
        .........""")
    # Core: cells with no background among their 8 neighbours, so not row 1 and not the
    # 8 neighbours of the hole at (2, 4). The core does not enclose the hole (row 1 is not
    # core), so the hole is a border opening (220). (1, 4) is sqrt(5) from the nearest core
    # cells (2, 2) / (2, 6): not edge; it is the only cell above the hole, so the thinning
    # must keep it to keep the hole closed: loop (65). Every other non-core cell is within
    # T of core: edge; with transition off the loop's way through the edge is drawn as edge.
    expected = classes("""
        .........
        .eeeLeee.
        .eCeHeCe.
        .eCeeeCe.
        .eCCCCCe.
        .eCCCCCe.
        .eCCCCCe.
        .eeeeeee.
        .........""")
    got = mspa(guidos)
    np.testing.assert_array_equal(drawn_without_transition(got), expected)
    edge = expected == 3
    assert set(np.unique(got[edge])) == {3, 67}  # the loop crosses the edge somewhere
    np.testing.assert_array_equal(got[~edge], expected[~edge])


# ---------------------------------------------------------------------------- connectors ----

@pytest.mark.parametrize("connectivity", [8, 4])
def test_one_cell_line_between_two_cores_is_a_bridge(connectivity):
    pytest.importorskip("skimage")
    guidos = draw("""
        .................
        .#####.....#####.
        .#####.....#####.
        .###############.
        .#####.....#####.
        .#####.....#####.
        .................""")
    # Each square: core 3 x 3, edge ring. The line (row 3, columns 6-10) joins the two
    # cores, so it is a bridge (33). It crosses each square's edge at (3, 5) / (3, 11), the
    # cell in line with it (the thinning does not depend on scan order, so the symmetric
    # map gives the symmetric skeleton): bridge in edge, 35, with transition on or off (off
    # only draws it in edge's colour).
    expected = classes("""
        .................
        .eeeee.....eeeee.
        .eCCCe.....eCCCe.
        .eCCCbBBBBBbCCCe.
        .eCCCe.....eCCCe.
        .eeeee.....eeeee.
        .................""")
    np.testing.assert_array_equal(mspa(
        guidos, connectivity=connectivity), expected)


def test_two_cell_wide_corridor_stays_a_bridge_on_both_rows():
    pytest.importorskip("skimage")
    guidos = draw("""
        .................
        .#####.....#####.
        .#####.....#####.
        .###############.
        .###############.
        .#####.....#####.
        .................""")
    # Order-independent thinning cannot choose between the two rows of the corridor, so
    # both stay: the whole corridor is bridge, and both rows cross the edge: 35.
    expected = classes("""
        .................
        .eeeee.....eeeee.
        .eCCCe.....eCCCe.
        .eCCCbBBBBBbCCCe.
        .eCCCbBBBBBbCCCe.
        .eeeee.....eeeee.
        .................""")
    np.testing.assert_array_equal(mspa(guidos), expected)


@pytest.mark.parametrize("ew", [2, 3])
def test_line_between_wide_squares_is_a_bridge(ew):
    pytest.importorskip("skimage")
    side = 2 * ew + 3
    guidos = np.ones((side + 2, 2 * side + 7), np.uint8)
    guidos[1:1 + side, 1:1 + side] = 2
    guidos[1:1 + side, side + 6:2 * side + 6] = 2
    mid = 1 + side // 2
    guidos[mid, 1 + side:side + 6] = 2
    got = mspa(guidos, edge_width=ew)
    # The five line cells between the squares are bridge; the squares keep their core and
    # their ring is edge or, where the widened bridge crosses it, bridge in edge.
    assert (got[mid, 1 + side:side + 6] == 33).all()
    for left in (1, side + 6):
        want = square_classes(guidos, 1, left, side, ew)[1:1 + side, left:left + side]
        part = got[1:1 + side, left:left + side]
        np.testing.assert_array_equal(part == 17, want == 17)
        assert set(np.unique(part[want != 17])) <= {3, 35, 1}
        assert (part == 35).any()
    assert not np.isin(got, [65, 67, 69]).any()


@pytest.mark.parametrize("ew", [1, 2, 3])
@pytest.mark.parametrize("connectivity", [8, 4])
def test_dangling_line_is_a_branch(ew, connectivity):
    side = 2 * ew + 3
    guidos = np.ones((side + 2, side + 8), np.uint8)
    guidos[1:1 + side, 1:1 + side] = 2
    mid = 1 + side // 2
    guidos[mid, 1 + side:side + 6] = 2
    # Attached to a core at one end only: the thinning removes the whole line, which is
    # branch (1); the square keeps its core / edge classes (no connector crosses the edge).
    expected = square_classes(guidos, 1, 1, side, ew)
    expected[mid, 1 + side:side + 6] = 1
    np.testing.assert_array_equal(mspa(guidos, edge_width=ew, connectivity=connectivity),
                                  expected)


def test_line_leaving_a_core_and_coming_back_is_a_loop():
    guidos = draw("""
        ............
        .#####......
        .########...
        .#####...#..
        .########...
        .#####......
        ............""")
    # The path (2, 6..8) - (3, 9) - (4, 6..8) leaves the core and returns to the same core:
    # loop (65). No cell of it can go (8-connected, no corner to cut) without opening the
    # enclosed background (3, 6..8), which is a border opening (220): the foreground encloses
    # it, the core does not. Drawn without transition the square is exactly core + edge.
    expected = classes("""
        ............
        .eeeee......
        .eCCCeLLL...
        .eCCCeHHHL..
        .eCCCeLLL...
        .eeeee......
        ............""")
    got = mspa(guidos)
    np.testing.assert_array_equal(drawn_without_transition(got), expected)
    square_edge = expected == 3
    np.testing.assert_array_equal(got[~square_edge], expected[~square_edge])
    entering = got[square_edge] == 67
    assert 1 <= entering.sum() <= 3  # the loop crosses the edge on its way into the core


def test_bridge_and_loop_side_by_side():
    pytest.importorskip("skimage")
    guidos = draw("""
        ......................
        .#####.....#####......
        .#####.....#########..
        .###############...#..
        .#####.....#########..
        .#####.....#####......
        ......................""")
    # The line between the squares joins two cores: bridge. The path on the right leaves
    # the right-hand core and returns to it: loop, although that core is also joined to
    # another one. Drawn with transition off, the squares are exactly core + edge.
    expected = classes("""
        ......................
        .eeeee.....eeeee......
        .eCCCe.....eCCCeLLLL..
        .eCCCeBBBBBeCCCeHHHL..
        .eCCCe.....eCCCeLLLL..
        .eeeee.....eeeee......
        ......................""")
    got = mspa(guidos, connectivity=4)
    np.testing.assert_array_equal(drawn_without_transition(got), expected)
    assert got[3, 5] == got[3, 11] == 35
    assert set(np.unique(got[:, 11:16][expected[:, 11:16] == 3])) == {3, 35, 67}


def test_loop_with_square_corners_depends_on_connectivity():
    guidos = draw("""
        ............
        .#####......
        .#########..
        .#####...#..
        .#########..
        .#####......
        ............""")
    # 4-connectivity: every cell of the rectangular path is needed to keep it 4-connected:
    # all loop. 8-connectivity: the two corner cells (2, 9) and (4, 9) are not needed (their
    # neighbours touch diagonally), so the thinning removes them: branch (1).
    loop4 = classes("""
        ............
        .eeeee......
        .eCCCeLLLL..
        .eCCCeHHHL..
        .eCCCeLLLL..
        .eeeee......
        ............""")
    np.testing.assert_array_equal(
        drawn_without_transition(mspa(guidos, connectivity=4)), loop4)
    loop8 = loop4.copy()
    loop8[2, 9] = loop8[4, 9] = 1
    np.testing.assert_array_equal(
        drawn_without_transition(mspa(guidos, connectivity=8)), loop8)


# -------------------------------------------------------------------------- missing data ----

def test_missing_cell_inside_a_patch_does_not_make_a_perforation():
    guidos = draw("""
        ...........
        .#########.
        .#########.
        .#########.
        .#########.
        .####?####.
        .#########.
        .#########.
        .#########.
        .#########.
        ...........""")
    # The missing cell is within T of foreground, so it counts as foreground: its
    # neighbours stay core (compare the background hole, which makes perforation). It is
    # reported as missing (129).
    expected = classes("""
        ...........
        .eeeeeeeee.
        .eCCCCCCCe.
        .eCCCCCCCe.
        .eCCCCCCCe.
        .eCCCMCCCe.
        .eCCCCCCCe.
        .eCCCCCCCe.
        .eCCCCCCCe.
        .eeeeeeeee.
        ...........""")
    np.testing.assert_array_equal(mspa(guidos), expected)


def test_foreground_next_to_missing_data_has_no_edge_there():
    guidos = draw("""
        ...........
        .#####????.
        .#####????.
        .#####????.
        .#####????.
        .#####????.
        .#####????.
        .#####????.
        ...........""")
    # Column 6 (missing, within T of foreground) counts as foreground; columns 7-9 are
    # farther and count as background. So column 5 is one cell from foreground column 6
    # and two from column 7: core wherever its rows allow (rows 2-6), not edge.
    expected = classes("""
        ...........
        .eeeeeMMMM.
        .eCCCCMMMM.
        .eCCCCMMMM.
        .eCCCCMMMM.
        .eCCCCMMMM.
        .eCCCCMMMM.
        .eeeeeMMMM.
        ...........""")
    np.testing.assert_array_equal(mspa(guidos), expected)


def test_map_border_creates_no_edge():
    # Foreground up to the map border: GTB replicates the outer rows and columns, so only
    # the background column makes edges.
    guidos = np.full((6, 6), 2, np.uint8)
    guidos[:, 5] = 1
    got = mspa(guidos)
    assert (got[:, 4] == 3).all()  # next to the background column
    assert (got[1:5, :4] == 17).all()  # interior rows reach the border as core


# --------------------------------------------------------------------- brute-force check ----

def reachable_from_border(passable, connectivity):
    """Cells of ``passable`` connected to the map border through ``passable`` cells (BFS)."""
    rows, cols = passable.shape
    steps = [(0, 1), (1, 0), (0, -1), (-1, 0)]
    if connectivity == 8:
        steps += [(1, 1), (1, -1), (-1, 1), (-1, -1)]
    seen = np.zeros(passable.shape, bool)
    stack = [(r, c) for r in range(rows) for c in range(cols)
             if passable[r, c] and (r in (0, rows - 1) or c in (0, cols - 1))]
    for cell in stack:
        seen[cell] = True
    while stack:
        r, c = stack.pop()
        for dr, dc in steps:
            q = (r + dr, c + dc)
            if 0 <= q[0] < rows and 0 <= q[1] < cols and passable[q] and not seen[q]:
                seen[q] = True
                stack.append(q)
    return seen


def components(mask, connectivity):
    """Component id per cell by BFS (0 outside the mask)."""
    ids = np.zeros(mask.shape, int)
    steps = [(0, 1), (1, 0), (0, -1), (-1, 0)]
    if connectivity == 8:
        steps += [(1, 1), (1, -1), (-1, 1), (-1, -1)]
    count = 0
    for start in zip(*np.nonzero(mask)):
        if ids[start]:
            continue
        count += 1
        ids[start] = count
        stack = [start]
        while stack:
            r, c = stack.pop()
            for dr, dc in steps:
                q = (r + dr, c + dc)
                if (0 <= q[0] < mask.shape[0] and 0 <= q[1] < mask.shape[1] and mask[q]
                        and not ids[q]):
                    ids[q] = count
                    stack.append(q)
    return ids


def brute_force(guidos, ew, connectivity):
    """Core, islet, ring (edge + perforation), 100 and 220 straight from the definitions."""
    n2 = N2[ew]
    cells = np.argwhere(np.ones(guidos.shape, bool))
    fg0 = guidos == 2
    missing = guidos == 0
    near_fg = (min_sq_distance(cells, np.argwhere(fg0)) <= n2).reshape(guidos.shape)
    fg = fg0 | (missing & near_fg)
    to_bg = min_sq_distance(cells, np.argwhere(~fg)).reshape(guidos.shape)
    core = fg & (to_bg > n2)
    ids = components(fg, connectivity)
    with_core = set(np.unique(ids[core]))
    islet = fg & ~np.isin(ids, list(with_core))
    to_core = min_sq_distance(cells, np.argwhere(core)).reshape(guidos.shape)
    ring = fg & ~core & (to_core <= n2)
    bg_conn = 12 - connectivity
    core_hole = ~core & ~reachable_from_border(~core, bg_conn)
    # Foreground for the holes of the intext rule: missing cells next to foreground count.
    fg1 = fg0 | (missing & ndimage.binary_dilation(fg0, np.ones((3, 3), bool)))
    fg_hole = ~fg1 & ~reachable_from_border(~fg1, bg_conn)
    return core, islet, ring, core_hole, fg_hole, fg


@pytest.mark.parametrize("seed", range(6))
def test_random_maps_follow_the_definitions(seed):
    pytest.importorskip("skimage")
    rng = np.random.default_rng(seed)
    smooth = ndimage.uniform_filter(rng.random((26, 26)), 3)
    guidos = np.where(smooth > np.quantile(smooth, 0.45), 2, 1).astype(np.uint8)
    guidos[rng.random(guidos.shape) < 0.03] = 0
    guidos[0, :] = guidos[-1, :] = 1  # a background margin keeps the map border out of it
    guidos[:, 0] = guidos[:, -1] = 1
    for ew in (1, 2, 3):
        for connectivity in (8, 4):
            got = mspa(guidos, edge_width=ew, connectivity=connectivity)
            core, islet, ring, core_hole, fg_hole, fg = brute_force(guidos, ew, connectivity)
            data = guidos != 0
            base = np.where(got < 100, got, got - 100)
            base[got == 220] = 220
            assert (got[~data] == 129).all()
            np.testing.assert_array_equal(base == 17, core & data)
            np.testing.assert_array_equal(base == 9, islet & data)
            np.testing.assert_array_equal(np.isin(base, [3, 5, 35, 37, 67, 69]),
                                          ring & data)
            others = fg & data & ~core & ~islet & ~ring
            np.testing.assert_array_equal(np.isin(base, [1, 33, 65]), others)
            # +100 on every non-core cell inside a core opening; 220 on background in holes
            # of the foreground that are not core openings.
            np.testing.assert_array_equal((got >= 100) & (got < 200) & (got != 117)
                                          & (got != 129), core_hole & data)
            np.testing.assert_array_equal(got == 220, fg_hole & ~core_hole & data)


# ------------------------------------------------------------------------------ thinning ----

def test_simple_point_table_matches_component_counts():
    # A centre cell is simple when removing it changes neither the number of foreground
    # components nor of background components of its 3 x 3 neighbourhood (in a background
    # frame); counted here with scipy's labelling.
    steps = ((0, -1), (0, 1), (-1, 0), (1, 0), (-1, -1), (1, -1), (-1, 1), (1, 1))
    for connectivity in (8, 4):
        fg_s = ndimage.generate_binary_structure(2, 2 if connectivity == 8 else 1)
        bg_s = ndimage.generate_binary_structure(2, 1 if connectivity == 8 else 2)
        table = simple_table(connectivity)
        for code in range(256):
            patch = np.zeros((5, 5), bool)
            patch[2, 2] = True
            for bit, (dr, dc) in enumerate(steps):
                patch[2 + dr, 2 + dc] = bool(code >> bit & 1)
            removed = patch.copy()
            removed[2, 2] = False
            same = (ndimage.label(patch, fg_s)[1] == ndimage.label(removed, fg_s)[1]
                    and ndimage.label(~patch, bg_s)[1] == ndimage.label(~removed, bg_s)[1])
            assert table[code] == same, (connectivity, code)


@pytest.mark.parametrize("connectivity", [8, 4])
def test_anchored_thinning_keeps_topology_and_anchor(connectivity):
    rng = np.random.default_rng(7)
    fg_s = ndimage.generate_binary_structure(2, 2 if connectivity == 8 else 1)
    bg_s = ndimage.generate_binary_structure(2, 1 if connectivity == 8 else 2)
    for _ in range(20):
        image = ndimage.uniform_filter(rng.random((30, 30)), 3) > 0.5
        image[:2, :] = image[-2:, :] = False
        image[:, :2] = image[:, -2:] = False
        anchor = image & (rng.random(image.shape) < 0.02)
        thin = anchored_thinning(image, anchor, connectivity=connectivity)
        assert (thin <= image).all() and (thin >= anchor).all()
        assert ndimage.label(thin, fg_s)[1] == ndimage.label(image, fg_s)[1]
        assert ndimage.label(~thin, bg_s)[1] == ndimage.label(~image, bg_s)[1]
        # Components without an anchor shrink to a single cell (or a 2 x 2 block that the
        # order-independent rule cannot break): far fewer cells remain.
        assert thin.sum() < image.sum()


# -------------------------------------------------------------------- inputs and errors ----

def test_bad_inputs_are_explained():
    with pytest.raises(EspInputError, match="0 missing, 1 background, 2 foreground"):
        mspa(np.array([[1, 2], [3, 2]], np.uint8))
    with pytest.raises(EspInputError, match="it also holds 7.5"):
        mspa(np.array([[1.0, 2.0], [7.5, 2.0]]))
    with pytest.raises(EspInputError, match="8 or 4"):
        mspa(square_map(3, 1), connectivity=6)
    for width in (0, -1, 1.5, 256, "wide"):
        with pytest.raises(EspInputError, match="edge width"):
            mspa(square_map(3, 1), edge_width=width)
    with pytest.raises(EspInputError, match="2-D"):
        mspa(np.ones(5, np.uint8))


def test_input_is_not_modified_and_other_integer_types_work():
    guidos = square_map(5, 2).astype(np.int32)
    before = guidos.copy()
    got = mspa(guidos)
    np.testing.assert_array_equal(guidos, before)
    np.testing.assert_array_equal(got, mspa(before.astype(np.uint8)))
    assert got.dtype == np.uint8


def test_no_foreground_gives_background():
    guidos = np.ones((5, 6), np.uint8)
    guidos[0, 0] = 0
    expected = np.zeros((5, 6), np.uint8)
    expected[0, 0] = 129
    np.testing.assert_array_equal(mspa(guidos), expected)



def test_progress_is_reported_and_cancel_stops():
    progress = CancelAfter(10 ** 6)
    mspa(square_map(9, 2), progress=progress)
    assert progress.fractions[-1] == 1.0
    assert all(0.0 <= f <= 1.0 for f in progress.fractions)
    with pytest.raises(Cancelled):
        mspa(square_map(9, 2), progress=CancelAfter(1))


def test_foreground_from_classes():
    values = np.array([[1, 2, 3], [4, 9, 255]], np.int32)
    nodata = values == 255
    got = foreground_from_classes(values, nodata, [2, 4, 9])
    np.testing.assert_array_equal(got, [[1, 2, 1], [2, 2, 0]])
    assert got.dtype == np.uint8
    with pytest.raises(EspInputError, match=r"None of the foreground classes \(7, 8\)"):
        foreground_from_classes(values, nodata, [7, 8])
    # a class present only under NoData does not count
    with pytest.raises(EspInputError, match="classes are 1, 2, 3, 4, 9"):
        foreground_from_classes(values, nodata, [255])


# --------------------------------------------------------------------------- class areas ----

def test_class_table_lists_every_code_once():
    codes = [code for code, _name, _colour in MSPA_CLASSES]
    expected = [0, 1, 3, 5, 9, 17, 33, 35, 37, 65, 67, 69]
    expected += [c + 100 for c in expected[1:]] + [100, 129, 220]
    assert sorted(codes) == sorted(expected) and len(set(codes)) == len(codes)
    assert all(colour.startswith("#") and len(colour) == 7 for *_, colour in MSPA_CLASSES)


def test_class_areas_add_up():
    codes = np.array([[17, 17, 3, 0], [105, 100, 129, 220], [1, 33, 17, 0]], np.uint8)
    rows = class_areas(codes, cell_area=900.0)
    table = {row[0]: row for row in rows}
    assert sum(row[2] for row in rows) == codes.size
    assert sum(row[3] for row in rows) == pytest.approx(codes.size * 900.0)
    # foreground: 17 x 3, 3, 105, 1, 33 = 7 cells; data: 12 cells minus 1 missing = 11
    assert table[17][2:] == (3, 2700.0, pytest.approx(300 / 7), pytest.approx(300 / 11))
    assert table[0][4] is None and table[0][5] == pytest.approx(200 / 11)
    assert table[129][4] is None and table[129][5] is None
    assert sum(row[4] for row in rows if row[4] is not None) == pytest.approx(100.0)
    assert sum(row[5] for row in rows if row[5] is not None) == pytest.approx(100.0)
    assert [row[0] for row in rows] == [c for c, _n, _k in MSPA_CLASSES if c in table]
    assert table[105][1] == "Perforation (internal)"
    with pytest.raises(EspInputError, match="not MSPA codes"):
        class_areas(np.array([[2, 17]]), cell_area=1.0)
    with pytest.raises(EspInputError, match="positive"):
        class_areas(codes, cell_area=0.0)


def test_class_areas_of_a_real_run_sum_to_the_map():
    guidos = nested_map(1)[0]
    codes = mspa(guidos)
    rows = class_areas(codes, cell_area=1.0)
    assert sum(row[2] for row in rows) == guidos.size
    foreground = (guidos == 2).sum()
    assert sum(row[2] for row in rows if row[4] is not None) == foreground
