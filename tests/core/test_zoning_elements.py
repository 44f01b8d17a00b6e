"""Restoration zoning: the element masks read off the ESP rasters, and the parts of the zones.

Every expected mask is written out by hand on a 5 x 8 grid; the parts of the zones are also
checked against a flood fill written here.
"""

import numpy as np
import pytest

from espcore import EspInputError, Grid
from espcore.zoning.zones import ZONES, zone_parts, zoning_elements

pytest.importorskip("scipy.ndimage")

ROWS, COLS = 5, 8
NAN = np.nan


def grid(values, nodata=None, cell=10.0):
    return Grid.from_array(np.asarray(values), nodata=nodata, cell_size=cell)


def cells(*where):
    mask = np.zeros((ROWS, COLS), dtype=bool)
    for row, col in where:
        mask[row, col] = True
    return mask


def landscape():
    """Resistance 1 with NoData at (4, 4); sources in columns 0 and 7; an NLCC of 0 on row 2
    (the path), 5 on row 1, 20 on row 3, columns 1-6, NoData elsewhere."""
    resistance = np.ones((ROWS, COLS), dtype=np.float32)
    resistance[4, 4] = -9999
    sources = np.zeros((ROWS, COLS), dtype=np.int32)
    sources[:, 0], sources[:, 7] = 1, 2
    nlcc = np.full((ROWS, COLS), -9999, dtype=np.float32)
    nlcc[1, 1:7], nlcc[2, 1:7], nlcc[3, 1:7] = 5, 0, 20
    return grid(resistance, -9999), sources, grid(nlcc, -9999)


def row_cells(row, first, last):
    return [(row, col) for col in range(first, last + 1)]


def test_corridors_and_paths_from_the_nlcc():
    resistance, sources, nlcc = landscape()
    found = zoning_elements(resistance, sources=sources, nlcc=nlcc, width=10.0)
    assert found.valid.sum() == ROWS * COLS - 1 and not found.valid[4, 4]
    np.testing.assert_array_equal(found.sources, cells(*[(r, c) for r in range(ROWS)
                                                          for c in (0, 7)]))
    # Width 10: rows 1 (5) and 2 (0); row 3 (20) is wider.
    np.testing.assert_array_equal(found.corridors, cells(*row_cells(1, 1, 6),
                                                         *row_cells(2, 1, 6)))
    np.testing.assert_array_equal(found.paths, cells(*row_cells(2, 1, 6)))
    assert found.pinch is found.barriers is found.degraded is None
    assert found.breakpoints is None and found.stepping_stones is None
    # No width: every cell with a value.
    wide = zoning_elements(resistance, sources=sources, nlcc=nlcc)
    np.testing.assert_array_equal(wide.corridors, cells(*row_cells(1, 1, 6),
                                                        *row_cells(2, 1, 6),
                                                        *row_cells(3, 1, 6)))


def test_width_is_read_in_the_rasters_precision():
    # float32 0.1 is 0.10000000149 in float64; a width of 0.1 typed by the user is the same
    # number once read in the raster's precision, so the cell is inside the corridor.
    resistance, sources, _ = landscape()
    nlcc = np.full((ROWS, COLS), np.nan, dtype=np.float32)
    nlcc[1, 3] = 0.1
    found = zoning_elements(resistance, sources=sources, nlcc=grid(nlcc), width=0.1)
    np.testing.assert_array_equal(found.corridors, cells((1, 3)))


def test_link_cells_are_paths_and_buffered_into_corridors():
    resistance, sources, _ = landscape()
    link = cells(*row_cells(2, 0, 7))  # burnt across the sources too
    found = zoning_elements(resistance, sources=sources, link_cells=link, buffer=10.0)
    # Within 10 map units of a path cell centre on 10-unit cells: the cell itself and its
    # four edge neighbours (diagonals are 14.1 away); sources and NoData are left out.
    expected = cells(*row_cells(1, 1, 6), *row_cells(2, 1, 6), *row_cells(3, 1, 6))
    np.testing.assert_array_equal(found.corridors, expected)
    np.testing.assert_array_equal(found.paths, cells(*row_cells(2, 1, 6)))
    # Rectangular cells are buffered with their smaller side as the cell size in both
    # directions: on (10, 30) cells a 10-unit buffer takes the four edge neighbours (with
    # the larger side it would take the path cell alone).
    tall = Grid(np.ones((ROWS, COLS)), np.zeros((ROWS, COLS), dtype=bool), (10.0, 30.0))
    found = zoning_elements(tall, sources=sources, link_cells=cells((2, 3)), buffer=10.0)
    np.testing.assert_array_equal(found.corridors, cells((1, 3), (2, 3), (3, 3), (2, 2),
                                                         (2, 4)))


def test_key_cells_breakpoints_and_stepping_stones():
    resistance, sources, nlcc = landscape()
    pinch = np.zeros((ROWS, COLS))
    pinch[2, 3], pinch[1, 3] = 5.0, 4.0
    pinch[4, 4] = 9.0  # NoData in the resistance: never a key cell
    barriers = np.zeros((ROWS, COLS))
    barriers[2, 5], barriers[2, 6] = 1.0, 10.0
    quality = np.ones((ROWS, COLS))
    quality[0, 0] = quality[1, 2] = quality[0, 3] = 0.2  # source, corridor, neither
    cover = np.ones((ROWS, COLS), dtype=np.uint8)
    cover[2, 4] = cover[0, 5] = 8  # on the path, off it
    cover[2, 1] = 8
    cover_grid = Grid(cover, cells((2, 1)), (10.0, 10.0))  # (2, 1) is NoData
    stones = cells((4, 3), (4, 4))
    found = zoning_elements(resistance, sources=sources, nlcc=nlcc, width=10.0,
                            pinch=grid(pinch), pinch_threshold=4.5,
                            barriers=grid(barriers), barrier_threshold=None, classes=2,
                            quality=grid(quality), quality_threshold=0.5,
                            land_cover=cover_grid, break_classes=[7.0, 8.0],
                            stepping_stones=stones)
    np.testing.assert_array_equal(found.pinch, cells((2, 3)))
    assert found.pinch_limit == 5.0
    # Positive scores 1 and 10 in two natural-breaks classes: the top class is {10}.
    np.testing.assert_array_equal(found.barriers, cells((2, 6)))
    assert found.barrier_limit == 10.0
    # Quality below 0.5 inside sources or corridors only; the largest such value is 0.2.
    np.testing.assert_array_equal(found.degraded, cells((0, 0), (1, 2)))
    assert found.degraded_limit == pytest.approx(0.2)
    np.testing.assert_array_equal(found.breakpoints, cells((2, 4)))
    np.testing.assert_array_equal(found.stepping_stones, cells((4, 3)))
    # Degradation maps: high values are degraded.
    high = zoning_elements(resistance, sources=sources, nlcc=nlcc, width=10.0,
                           quality=grid(1.0 - quality), quality_threshold=0.5,
                           quality_low=False)
    np.testing.assert_array_equal(high.degraded, cells((0, 0), (1, 2)))
    assert high.degraded_limit == pytest.approx(0.8)


def test_elements_refuse_arrays_off_the_grid():
    resistance, sources, nlcc = landscape()
    with pytest.raises(EspInputError, match="sources"):
        zoning_elements(resistance, sources=sources[:, :4], nlcc=nlcc)
    small = grid(np.ones((ROWS, 4)))
    for name, option in (("corridors", "nlcc"), ("pinch points", "pinch"),
                         ("barriers", "barriers"), ("degraded", "quality"),
                         ("breakpoints", "land_cover")):
        with pytest.raises(EspInputError, match=name):
            zoning_elements(resistance, sources=sources, **{option: small})
    with pytest.raises(EspInputError, match="buffer"):
        zoning_elements(resistance, sources=sources, link_cells=cells((2, 2)), buffer=-1.0)


def flood_parts(zones, code):
    """Number of 8-connected parts of one zone, by a flood fill."""
    seen = np.zeros(zones.shape, dtype=bool)
    parts = 0
    for start in zip(*np.nonzero(zones == code)):
        if seen[start]:
            continue
        parts += 1
        stack = [start]
        seen[start] = True
        while stack:
            row, col = stack.pop()
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    r, c = row + dr, col + dc
                    if 0 <= r < zones.shape[0] and 0 <= c < zones.shape[1] \
                            and not seen[r, c] and zones[r, c] == code:
                        seen[r, c] = True
                        stack.append((r, c))
    return parts


def test_zone_parts_by_hand_and_by_flood_fill():
    zones = np.array([[1, 1, 0, 2],
                      [0, 0, 2, 0],
                      [1, 0, 0, 4],
                      [3, 3, 0, 4]], dtype=np.uint8)
    # Zone 1: the pair on row 0 and the cell (2, 0), apart; zone 2 touches at a corner.
    assert zone_parts(zones).tolist() == [2, 1, 1, 1]
    assert zone_parts(np.zeros((2, 2), dtype=np.uint8)).tolist() == [0, 0, 0, 0]
    rng = np.random.default_rng(7)
    for _ in range(5):
        zones = rng.integers(0, 5, (12, 15)).astype(np.uint8)
        assert zone_parts(zones).tolist() == [flood_parts(zones, code) for code in ZONES]
