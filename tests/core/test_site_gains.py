"""Site gains: a wall between two sources, restored, against least-cost distances and ECAs
worked out by hand; the same numbers from worker processes; touched links and errors."""

import dataclasses
import math

import numpy as np
import pytest
from progress_helpers import CancelAfter

from espcore.corridors.pinchpoints import corridor_pinchpoints
from espcore.errors import Cancelled, EspInputError
from espcore.executor import ProcessExecutor, SerialExecutor
from espcore.programme.actions import Action
from espcore.programme.sitegains import (
    Landscape,
    Site,
    evaluate_sites,
    restored_resistance,
    touched_links,
)

CELL = 1000.0  # metres: a cell is 1 km²
ROWS, COLS, WALL = 7, 15, 7
KERNEL = 20000.0
CUTOFF = 5000.0
ACTIONS = [Action("barrier", None, 1.0, 100.0), Action("pinch_point", None, 1.0, 10.0)]


def flat(row, col):
    return row * COLS + col


def grid():
    """Two 3 x 3 sources (9 km² each) and, between them, a full-height wall of resistance
    100 in a field of resistance 1."""
    labels = np.zeros((ROWS, COLS), dtype=np.int64)
    labels[2:5, 0:3] = 1
    labels[2:5, 12:15] = 2
    resistance = np.ones((ROWS, COLS))
    resistance[:, WALL] = 100.0
    return labels, resistance, np.zeros((ROWS, COLS), dtype=bool)


# A straight row from column 2 (source 1's edge) to column 12 (source 2's edge) takes ten
# steps of 1 km; a step costs its length times the mean resistance of its two cells. Eight
# steps cost 1 x 1000, the two into and out of the wall (1 + 100) / 2 x 1000 each. Any path
# crosses the wall, and a straight crossing is the cheapest.
LCD_BEFORE = 8 * 1000.0 + 2 * 50.5 * 1000.0  # 109,000
LCD_AFTER = 10 * 1000.0  # the wall at resistance 1


def eca(d):
    """ECA (km²) of two 9 km² sources at least-cost distance d, p0 = 0.5 at KERNEL."""
    p = math.exp(-math.log(2.0) / KERNEL * d)
    return math.sqrt(81.0 + 81.0 + 2 * 81.0 * p)


def landscape(current=None, landcover=None, nodata=()):
    labels, resistance, impassable = grid()
    for cell in nodata:
        impassable[cell] = True
    pins = corridor_pinchpoints(labels, resistance, impassable=impassable, cell_size=CELL,
                                pairs=[(1, 2)], cutoff=CUTOFF)
    return Landscape(labels=labels, resistance=resistance, impassable=impassable,
                     cell_size=CELL, links=[[1, 2]], lcd=pins.cost,
                     effective=pins.effective_resistance, source_ids=[1, 2],
                     areas_km2=[9.0, 9.0], kernel_distance=KERNEL, cutoff=CUTOFF,
                     current=current, landcover=landcover)


def sites():
    wall = np.array([flat(row, WALL) for row in range(ROWS)])
    return [Site(1, wall, "barrier"),
            Site(2, np.array([flat(0, 14)]), "degraded_source"),  # no action, off the path
            Site(3, np.array([flat(3, 5)]), "pinch_point")]  # on the path, already at 1


def test_restoring_the_wall_gains_the_hand_computed_eca():
    land = landscape()
    assert land.lcd[0] == pytest.approx(LCD_BEFORE, rel=1e-12)
    result = evaluate_sites(land, sites(), ACTIONS, band=0.0)
    assert result.base_eca == pytest.approx(eca(LCD_BEFORE), rel=1e-12)
    wall = result.gains[0]
    assert wall.touched.tolist() == [0]
    assert wall.lcd_after[0] == pytest.approx(LCD_AFTER, rel=1e-12)
    assert wall.eca_after == pytest.approx(eca(LCD_AFTER), rel=1e-12)
    assert wall.delta_eca == pytest.approx(eca(LCD_AFTER) - eca(LCD_BEFORE), rel=1e-9)
    assert wall.cost == pytest.approx(7 * 1.0 * 100.0)  # 7 km² at 100 x 10^4 CNY/km²
    assert wall.area_km2 == pytest.approx(7.0)
    assert wall.gain_per_cost == pytest.approx(wall.delta_eca / 700.0)
    assert wall.effective_after[0] < wall.effective_before[0]


def test_the_bounded_searches_give_the_effective_resistance_of_a_whole_grid_run():
    land = landscape()
    gain = evaluate_sites(land, sites()[:1], ACTIONS, band=0.0).gains[0]
    restored = restored_resistance(land, sites()[:1], ACTIONS)
    assert np.all(restored[:, WALL] == 1.0)
    assert np.array_equal(np.delete(restored, WALL, axis=1), np.ones((ROWS, COLS - 1)))
    whole = corridor_pinchpoints(land.labels, restored, impassable=land.impassable,
                                 cell_size=CELL, pairs=[(1, 2)], cutoff=CUTOFF)
    assert gain.lcd_after[0] == whole.cost[0]
    assert gain.effective_after[0] == pytest.approx(whole.effective_resistance[0], rel=1e-9)


def test_a_target_class_restores_to_that_class_median_and_nodata_is_left_alone():
    cover = np.full((ROWS, COLS), 2)  # the field: resistance 1
    cover[:, WALL] = 1  # the wall: resistance 100
    land = landscape(landcover=cover, nodata=[(0, WALL)])
    assert land.class_targets() == {1: 100.0, 2: 1.0}
    to_field = [Action("1", 2, None, 240.0)]
    wall = sites()[:1]
    gain = evaluate_sites(land, wall, to_field, band=0.0).gains[0]
    assert gain.lcd_after[0] == pytest.approx(LCD_AFTER, rel=1e-12)
    # Six wall cells are restored and paid for; the one on NoData is not.
    assert gain.cost == pytest.approx(6 * 240.0)
    # The same grid in kilometres: a cell of 1 map unit is still 1 km².
    in_km = dataclasses.replace(land, cell_size=1.0, unit_area_km2=1.0,
                                lcd=land.lcd / CELL, kernel_distance=KERNEL / CELL,
                                cutoff=CUTOFF / CELL)
    assert in_km.cell_area_km2 == 1.0
    assert evaluate_sites(in_km, wall, to_field, band=0.0).gains[0].cost == \
        pytest.approx(6 * 240.0)
    restored = restored_resistance(land, wall, to_field)
    assert restored[0, WALL] == 100.0 and np.all(restored[1:, WALL] == 1.0)


def test_sites_that_change_nothing_gain_nothing_and_rank_after():
    result = evaluate_sites(landscape(), sites(), ACTIONS, band=0.0)
    corner, on_path = result.gains[1], result.gains[2]
    assert corner.touched.size == 0 and corner.cost == 0.0 and corner.delta_eca == 0.0
    # The pinch point is acted on (and paid for) but its resistance is already 1.
    assert on_path.touched.tolist() == [0]
    assert on_path.lcd_after[0] == pytest.approx(LCD_BEFORE, rel=1e-12)
    assert on_path.delta_eca == pytest.approx(0.0, abs=1e-12)
    assert on_path.cost == pytest.approx(10.0)
    assert result.rank.tolist() == [1, 2, 3]


def test_current_through_a_site_ignores_nan_cells():
    current = np.ones((ROWS, COLS))
    current[0, WALL] = np.nan
    current[3, WALL] = 4.0
    result = evaluate_sites(landscape(current), sites()[:1], ACTIONS, band=0.0)
    assert result.gains[0].current == pytest.approx(5 * 1.0 + 4.0)
    assert math.isnan(evaluate_sites(landscape(), sites()[:1], ACTIONS,
                                     band=0.0).gains[0].current)


def test_a_site_beside_the_path_touches_the_link_within_the_band():
    # Cell (1, 7) is one row off the straight paths: reaching it costs one diagonal step
    # instead of a straight one from each side, NLCC = 2 (sqrt(2) - 1) x 1000 = 828.4.
    off = [Site(9, np.array([flat(1, WALL)]))]
    assert touched_links(landscape(), off, band=820.0)[9].size == 0
    assert touched_links(landscape(), off, band=840.0)[9].tolist() == [0]
    with pytest.raises(EspInputError, match="band"):
        touched_links(landscape(), off, band=-1.0)


def test_two_runs_and_worker_processes_give_the_same_numbers():
    land = landscape(np.ones((ROWS, COLS)))
    first = evaluate_sites(land, sites(), ACTIONS, band=1000.0, executor=SerialExecutor())
    again = evaluate_sites(land, sites(), ACTIONS, band=1000.0)
    workers = evaluate_sites(land, sites(), ACTIONS, band=1000.0,
                             executor=ProcessExecutor(2))
    for other in (again, workers):
        assert other.base_eca == first.base_eca
        assert other.rank.tolist() == first.rank.tolist()
        for a, b in zip(first.gains, other.gains):
            assert a.site_id == b.site_id
            for name in ("touched", "lcd_after", "effective_after"):
                assert np.array_equal(getattr(a, name), getattr(b, name)), name
            assert (a.cost, a.eca_after, a.delta_eca, a.current) == \
                (b.cost, b.eca_after, b.delta_eca, b.current)


def test_cancelling_stops_the_run():
    with pytest.raises(Cancelled):
        evaluate_sites(landscape(), sites(), ACTIONS, band=0.0, progress=CancelAfter(1))


def test_repeated_site_ids_and_bad_landscapes_are_refused():
    with pytest.raises(EspInputError, match="Site id 1 is given twice"):
        evaluate_sites(landscape(), [sites()[0], sites()[0]], ACTIONS, band=0.0)
    labels, resistance, impassable = grid()
    good = dict(labels=labels, resistance=resistance, impassable=impassable, cell_size=CELL,
                links=[[1, 2]], lcd=[LCD_BEFORE], effective=[1.0], source_ids=[1, 2],
                areas_km2=[9.0, 9.0], kernel_distance=KERNEL, cutoff=CUTOFF)
    for change, words in ((dict(links=[[1, 3]]), "source 3"),
                          (dict(areas_km2=[9.0]), "1 source areas for 2"),
                          (dict(lcd=[1.0, 2.0]), "2 least-cost distances"),
                          (dict(resistance=resistance[:, :3]), "resistance raster"),
                          (dict(probability=1.5), "between 0 and 1"),
                          (dict(cutoff=-1.0), "cutoff"),
                          (dict(source_ids=[1, 1]), "unique")):
        with pytest.raises(EspInputError, match=words):
            Landscape(**{**good, **change})
