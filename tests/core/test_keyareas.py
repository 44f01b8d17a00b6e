"""Key restoration areas: patch scores, areas and levels, corridor scores and the tallies.

The small cases are worked out by hand; the patch statistics are also checked against a
flood fill and plain Python loops written here.
"""

import math

import numpy as np
import pytest

from espcore import EspInputError, Grid
from espcore.zoning.keyareas import key_area_groups, key_corridors, key_patches, kind_counts
from espcore.zoning.zones import (
    BARRIER,
    BREAKPOINT,
    DEGRADED_CORRIDOR,
    DEGRADED_SOURCE,
    PINCH_POINT,
    ZoningElements,
)

pytest.importorskip("scipy.ndimage")

ROWS, COLS = 4, 6


def cells(*where):
    mask = np.zeros((ROWS, COLS), dtype=bool)
    for row, col in where:
        mask[row, col] = True
    return mask


def by_hand():
    """Sources in column 0, corridors rows 1-2 x columns 1-4, NoData at (3, 5); cells of
    10 x 20 map units, so a breakpoint is crossed along the 10-unit side."""
    valid = ~cells((3, 5))
    sources = cells(*[(row, 0) for row in range(ROWS)])
    corridors = cells(*[(row, col) for row in (1, 2) for col in range(1, 5)])
    elements = ZoningElements(valid, sources, corridors, np.zeros((ROWS, COLS), dtype=bool))
    # Pinch points: (1, 1) and (2, 2) touch at a corner (one patch); (1, 4) alone; (3, 4)
    # alone on a NoData cell of the current map.
    elements.pinch = cells((1, 1), (2, 2), (1, 4), (3, 4))
    current = np.zeros((ROWS, COLS))
    current[1, 1], current[2, 2], current[1, 4], current[3, 4] = 3.0, 7.0, 2.0, np.nan
    elements.barriers = cells((2, 4))
    score = np.zeros((ROWS, COLS))
    score[2, 4] = 4.0
    elements.breakpoints = cells((1, 3), (2, 3))
    resistance = np.ones((ROWS, COLS))
    resistance[1, 3], resistance[2, 3] = 2.0, 3.0
    resistance[3, 5] = -9999.0
    # Degraded: two source cells (one patch), a corridor cell and a cell outside both.
    elements.degraded = cells((0, 0), (1, 0), (2, 1), (3, 3))
    grids = dict(resistance=Grid(resistance, ~valid, (10.0, 20.0)),
                 pinch=Grid.from_array(current), barriers=Grid.from_array(score))
    return elements, grids


def test_key_patches_by_hand():
    elements, grids = by_hand()
    found = key_patches(elements, cell_area=0.5, **grids)
    assert [group.kind for group in found] == [PINCH_POINT, BARRIER, BREAKPOINT,
                                               DEGRADED_SOURCE, DEGRADED_CORRIDOR]
    pinch = found[0]
    # Patches numbered in reading order: (1, 1)-(2, 2), then (1, 4), then (3, 4).
    assert pinch.count == 3
    assert pinch.labels[1, 1] == pinch.labels[2, 2] == 1
    assert pinch.labels[1, 4] == 2 and pinch.labels[3, 4] == 3
    assert (pinch.labels > 0).sum() == 4
    # Highest current of each patch; NoData counts 0.
    assert pinch.score.tolist() == [7.0, 2.0, 0.0]
    assert pinch.area.tolist() == [1.0, 0.5, 0.5]
    # Three distinct scores, three levels: 7 first, then 2, then 0.
    assert pinch.level.tolist() == [1, 2, 3]
    barrier = found[1]
    assert (barrier.score.tolist(), barrier.area.tolist(), barrier.level.tolist()) == \
        ([4.0], [0.5], [1])
    # Crossing the breakpoint: (2 + 3) x the smaller cell side 10.
    breakpoint = found[2]
    assert breakpoint.score.tolist() == [50.0] and breakpoint.area.tolist() == [1.0]
    in_sources, in_corridors = found[3], found[4]
    assert in_sources.score.tolist() == in_sources.area.tolist() == [1.0]
    np.testing.assert_array_equal(in_sources.labels > 0, cells((0, 0), (1, 0)))
    # (3, 3) lies in neither sources nor corridors.
    assert in_corridors.score.tolist() == in_corridors.area.tolist() == [0.5]
    np.testing.assert_array_equal(in_corridors.labels > 0, cells((2, 1)))


def test_key_patches_leave_out_kinds_without_cells():
    elements, grids = by_hand()
    elements.barriers = np.zeros((ROWS, COLS), dtype=bool)
    elements.breakpoints = None
    elements.degraded = None
    found = key_patches(elements, cell_area=1.0, **grids)
    assert [group.kind for group in found] == [PINCH_POINT]
    elements.degraded = cells((3, 3))  # outside sources and corridors: no surface
    assert [group.kind for group in key_patches(elements, cell_area=1.0, **grids)] == \
        [PINCH_POINT]
    with pytest.raises(EspInputError, match="value raster"):
        key_patches(elements, cell_area=1.0, resistance=grids["resistance"])


def flood(mask):
    """The 8-connected patches of ``mask`` as sets of cells."""
    left = {tuple(cell) for cell in np.argwhere(mask)}
    found = []
    while left:
        stack = [left.pop()]
        patch = set(stack)
        while stack:
            row, col = stack.pop()
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    cell = (row + dr, col + dc)
                    if cell in left:
                        left.remove(cell)
                        patch.add(cell)
                        stack.append(cell)
        found.append(patch)
    return found


def test_key_patches_against_a_flood_fill():
    rng = np.random.default_rng(11)
    shape = (15, 18)
    valid = rng.random(shape) > 0.05
    sources = rng.random(shape) > 0.8
    corridors = (rng.random(shape) > 0.6) & ~sources & valid
    elements = ZoningElements(valid, sources & valid, corridors, np.zeros(shape, dtype=bool))
    elements.pinch = (rng.random(shape) > 0.75) & valid
    elements.barriers = (rng.random(shape) > 0.75) & valid
    elements.breakpoints = (rng.random(shape) > 0.75) & valid
    current = rng.random(shape) * 10
    current[rng.random(shape) > 0.9] = np.nan
    barrier = rng.random(shape) * 3
    resistance = rng.random(shape) * 100 + 1
    cell_area, side = 0.09, 30.0
    grids = dict(resistance=Grid(resistance, ~valid, (side, 45.0)),
                 pinch=Grid.from_array(current), barriers=Grid.from_array(barrier))
    found = {group.kind: group for group in key_patches(elements, cell_area=cell_area,
                                                        **grids)}
    rules = {PINCH_POINT: (elements.pinch, lambda r, c: 0.0 if math.isnan(current[r, c])
                           else current[r, c], max),
             BARRIER: (elements.barriers, lambda r, c: barrier[r, c], max),
             BREAKPOINT: (elements.breakpoints, lambda r, c: resistance[r, c] * side, sum)}
    for kind, (mask, value, combine) in rules.items():
        group = found[kind]
        patches = flood(mask)
        assert group.count == len(patches)
        for patch in patches:
            number = group.labels[next(iter(patch))]
            assert {tuple(cell) for cell in np.argwhere(group.labels == number)} == patch
            assert group.score[number - 1] == pytest.approx(
                combine(value(r, c) for r, c in patch))
            assert group.area[number - 1] == pytest.approx(len(patch) * cell_area)
        assert set(group.level.tolist()) <= {1, 2, 3}
        assert group.level[np.argmax(group.score)] == 1


def test_key_corridors_cost_per_length():
    graded = key_corridors([2600.0, np.nan, 100.0, 50.0, 30.0],
                           [1300.0, 100.0, 0.0, 50.0, -1.0])
    # 2600 / 1300 = 2 and 50 / 50 = 1; an unknown cost or a length not above 0 gives none.
    assert graded.rows.tolist() == [0, 3]
    assert graded.score.tolist() == [2.0, 1.0]
    assert graded.level.tolist() == [1, 2]
    empty = key_corridors([], [])
    assert empty.rows.size == empty.score.size == empty.level.size == 0


def test_key_area_groups_by_hand():
    groups = key_area_groups([1, 1, 4, 1, 2, 4], [2, 1, 1, 2, 1, 1],
                             [0.1, 0.2, 0.3, 0.4, 0.5, 0.6],
                             [np.nan, np.nan, 1.5, np.nan, np.nan, 2.5])
    rows = [(g.kind, g.level, g.count, g.area, g.length) for g in groups]
    # Kinds in the order they first appear (1, 4, 2), levels ascending within a kind.
    assert rows == [(1, 1, 1, 0.2, None), (1, 2, 2, 0.1 + 0.4, None),
                    (4, 1, 2, 0.3 + 0.6, 4.0), (2, 1, 1, 0.5, None)]
    assert key_area_groups([], [], []) == []


def test_key_area_groups_against_a_loop():
    rng = np.random.default_rng(3)
    kinds = rng.integers(1, 7, 200)
    levels = rng.integers(1, 4, 200)
    areas = rng.random(200)
    lengths = np.where(kinds == 4, rng.random(200) * 5, np.nan)
    expected = {}
    for kind, level, area, length in zip(kinds.tolist(), levels.tolist(), areas.tolist(),
                                         lengths.tolist()):
        count, total, measured = expected.get((kind, level), (0, 0.0, None))
        if not math.isnan(length):
            measured = length if measured is None else measured + length
        expected[(kind, level)] = (count + 1, total + area, measured)
    groups = key_area_groups(kinds, levels, areas, lengths)
    assert {(g.kind, g.level): (g.count, g.area, g.length) for g in groups} == expected
    first = list(dict.fromkeys(kinds.tolist()))
    assert [g.kind for g in groups] == sorted((g.kind for g in groups), key=first.index)


def test_kind_counts_in_order_of_appearance():
    assert kind_counts([3, 1, 3, 2, 1, 3]) == [(3, 3), (1, 2), (2, 1)]
    assert kind_counts([]) == []
