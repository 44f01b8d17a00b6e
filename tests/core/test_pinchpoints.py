"""Pinch points (Pinchpoint Mapper) against Kirchhoff's law, analytic strip resistances and the
engine's own pairwise run on corridors masked by hand."""

import math

import numpy as np
import pytest
from progress_helpers import CancelAfter

from espcore import Cancelled, EspInputError
from espcore.circuits.circuit import MapOptions
from espcore.circuits.focal import FocalNodes
from espcore.circuits.pairwise import pairwise
from espcore.corridors.costdistance import SourceDistances, cost_distance
from espcore.corridors.pinchpoints import corridor_pinchpoints, network_pinchpoints

SQ2 = math.sqrt(2.0)


def wall_with_gaps(rows, cols, wall_cols, gap_rows):
    """Uniform resistance 1; walls of NoData at ``wall_cols``, one gap per wall at
    ``gap_rows`` (same order)."""
    impassable = np.zeros((rows, cols), dtype=bool)
    for col, row in zip(wall_cols, gap_rows):
        impassable[:, col] = True
        impassable[row, col] = False
    return np.ones((rows, cols)), impassable


def strip(width, length, resistance, pad=3):
    """A width x length strip of uniform resistance inside a NoData frame ``pad`` cells
    wide; source 1 is its first column, source 2 its last."""
    shape = (width + 2 * pad, length + 2 * pad)
    impassable = np.ones(shape, dtype=bool)
    impassable[pad:pad + width, pad:pad + length] = False
    labels = np.zeros(shape, dtype=np.int64)
    labels[pad:pad + width, pad] = 1
    labels[pad:pad + width, pad + length - 1] = 2
    return labels, np.full(shape, float(resistance)), impassable


def hand_link(labels, resistance, impassable, cell, a, b, cutoff):
    """One link done by hand on the full grid: CWDs, NLCC mask, the engine's pairwise run
    with A and B in the mask as focal regions. Returns (map, Eff_Resist, LCD)."""
    cwd_a = cost_distance(labels == a, resistance, impassable=impassable, cell_size=cell)
    cwd_b = cost_distance(labels == b, resistance, impassable=impassable, cell_size=cell)
    total = cwd_a + cwd_b
    lcd = total[np.isfinite(total)].min()
    mask = np.isfinite(total) & (total - lcd <= cutoff)
    g = np.where(mask, 1.0 / resistance, 0.0)
    ids = np.where(mask & (labels == a), 1, np.where(mask & (labels == b), 2, 0))
    result = pairwise(g, FocalNodes.from_raster(ids, mask),
                      maps=MapOptions(current_maps=True, cumulative_only=True))
    current = np.where(mask & (labels != a) & (labels != b), result.maps["cum_curmap"],
                       np.nan)
    return current, result.resistances[1, 2] * cell, lcd


def random_landscape(seed=3):
    """20 x 24 cells of resistance 1-10 with a NoData lake, three 2 x 2 sources."""
    rng = np.random.default_rng(seed)
    resistance = rng.uniform(1.0, 10.0, (20, 24))
    impassable = np.zeros(resistance.shape, dtype=bool)
    impassable[8:12, 9:14] = True
    labels = np.zeros(resistance.shape, dtype=np.int64)
    labels[2:4, 2:4] = 1
    labels[15:17, 10:12] = 2
    labels[3:5, 19:21] = 3
    return labels, resistance, impassable


def off_cutoff(labels, resistance, impassable, cell, pairs, near):
    """A cutoff near ``near`` that lies midway between two NLCC values of every pair, so
    that rounding cannot move a cell across it."""
    values = []
    for a, b in pairs:
        total = sum(cost_distance(labels == s, resistance, impassable=impassable,
                                  cell_size=cell) for s in (a, b))
        finite = total[np.isfinite(total)]
        values.append(finite - finite.min())
    values = np.unique(np.concatenate(values))
    k = np.searchsorted(values, near)
    return 0.5 * (values[k - 1] + values[k])


# ---------------------------------------------------------------- (a) Kirchhoff ---------

def test_all_current_passes_the_gap_in_a_wall():
    resistance, impassable = wall_with_gaps(9, 11, [5], [4])
    labels = np.zeros(resistance.shape, dtype=np.int64)
    labels[:, 0] = 1
    labels[:, 10] = 2
    result = corridor_pinchpoints(labels, resistance, impassable=impassable, cell_size=1.0,
                                  pairs=[(1, 2)], cutoff=math.inf)
    current = result.current
    # Every path crosses the one-cell wall at the gap: the whole 1 A flows through it.
    assert np.nanargmax(current) == np.ravel_multi_index((4, 5), current.shape)
    assert current[4, 5] == pytest.approx(1.0, rel=1e-9)
    others = np.delete(current.ravel(), np.ravel_multi_index((4, 5), current.shape))
    assert np.nanmax(others) < 0.5
    # Sources and the wall are NoData; every other cell carries current.
    assert np.isnan(current[:, [0, 10]]).all() and np.isnan(current[impassable]).all()
    assert np.isfinite(current[:, 1:10][~impassable[:, 1:10]]).all()
    # The straight row through the gap costs 10 cells.
    assert result.cost[0] == pytest.approx(10.0)


# ---------------------------------------------------------------- (b) strip -------------

@pytest.mark.parametrize("four, expected_conductance", [
    (False, lambda w: w + SQ2 * (w - 1)),   # w straight + 2 (w - 1) diagonals of 1/sqrt 2
    (True, lambda w: float(w)),
])
def test_strip_effective_resistance_is_analytic(four, expected_conductance):
    width, length, r, cell = 4, 13, 2.5, 30.0
    labels, resistance, impassable = strip(width, length, r)
    result = corridor_pinchpoints(labels, resistance, impassable=impassable, cell_size=cell,
                                  pairs=[(1, 2)], cutoff=0.0, four_neighbours=four)
    # The end columns are shorted and every column is equipotential: length - 1 column
    # steps in series, each of conductance G / r.
    r_cells = (length - 1) * r / expected_conductance(width)
    assert result.effective_resistance[0] == pytest.approx(r_cells * cell, rel=1e-9)
    lcd = (length - 1) * cell * r
    assert result.cost[0] == pytest.approx(lcd, rel=1e-12)
    assert result.ratio[0] == pytest.approx(lcd / (r_cells * cell), rel=1e-9)
    # Each interior column carries the whole 1 A (inflows come from the column before).
    inner = result.current[3:3 + width, 4:3 + length - 1]
    np.testing.assert_allclose(inner.sum(axis=0), 1.0, rtol=1e-9)
    assert np.isnan(result.current[:, 3]).all() and np.isnan(result.current[:, 2 + length]).all()


def test_average_resistance_is_the_same_on_uniform_resistance():
    labels, resistance, impassable = strip(3, 8, 4.0)
    plain = corridor_pinchpoints(labels, resistance, impassable=impassable, cell_size=10.0,
                                 pairs=[(1, 2)], cutoff=0.0)
    averaged = corridor_pinchpoints(labels, resistance, impassable=impassable, cell_size=10.0,
                                    pairs=[(1, 2)], cutoff=0.0, average_resistance=True)
    expected = 7 * 4.0 / (3 + SQ2 * 2) * 10.0
    assert plain.effective_resistance[0] == pytest.approx(expected, rel=1e-9)
    assert averaged.effective_resistance[0] == pytest.approx(expected, rel=1e-9)


def test_squared_resistances_square_the_strip_and_drop_the_ratio():
    labels, resistance, impassable = strip(2, 6, 3.0)
    result = corridor_pinchpoints(labels, resistance, impassable=impassable, cell_size=5.0,
                                  pairs=[(1, 2)], cutoff=0.0, square=True)
    assert result.effective_resistance[0] == pytest.approx(
        5 * 9.0 / (2 + SQ2) * 5.0, rel=1e-9)
    assert result.cost[0] == pytest.approx(5 * 3.0 * 5.0)  # corridors use R, not R²
    assert np.isnan(result.ratio[0])


def test_averaged_resistances_differ_from_averaged_conductances():
    # Two cells per column, resistances 1 and 3 along the strip: a straight edge joins equal
    # cells, so only the diagonals differ: (1 + 1/3)/2 against 1 / ((1 + 3)/2).
    labels, _, impassable = strip(2, 5, 1.0, pad=1)
    resistance = np.ones(labels.shape)
    resistance[2] = 3.0
    results = [corridor_pinchpoints(labels, resistance, impassable=impassable, cell_size=1.0,
                                    pairs=[(1, 2)], cutoff=math.inf, average_resistance=avg)
               for avg in (False, True)]
    for result, diagonal in zip(results, ((1 + 1 / 3) / 2, 1 / 2)):
        step = 1.0 + 1 / 3 + 2 * diagonal / SQ2
        assert result.effective_resistance[0] == pytest.approx(4 / step, rel=1e-9)


# ---------------------------------------------------------------- (c) mosaic ------------

def test_mosaic_is_the_cellwise_maximum_of_the_link_maps():
    labels, resistance, impassable = random_landscape()
    cutoff = off_cutoff(labels, resistance, impassable, 1.0, [(1, 2), (2, 3)], 15.0)
    both = corridor_pinchpoints(labels, resistance, impassable=impassable, cell_size=1.0,
                                pairs=[(1, 2), (2, 3)], cutoff=cutoff)
    first, _, _ = hand_link(labels, resistance, impassable, 1.0, 1, 2, cutoff)
    second, _, _ = hand_link(labels, resistance, impassable, 1.0, 2, 3, cutoff)
    np.testing.assert_allclose(both.current, np.fmax(first, second), rtol=1e-9, atol=1e-12)
    overlap = np.isfinite(first) & np.isfinite(second) & ~np.isclose(first, second)
    assert np.count_nonzero(overlap) > 5  # the maximum was really taken somewhere
    assert not np.allclose(both.current[overlap], first[overlap] + second[overlap])
    # Source 2 is an end of both links: NoData in both maps and in the mosaic.
    assert np.isnan(both.current[labels == 2]).all()


def test_source_of_another_link_carries_current_in_a_corridor_crossing_it():
    # Link (1, 3) runs along a strip through the one cell of source 2, which is no end of
    # that link: the cell keeps the link's current (only a link's own ends are NoData).
    labels, resistance, impassable = strip(3, 11, 1.0)
    labels[labels == 2] = 3
    labels[4, 8] = 2
    result = corridor_pinchpoints(labels, resistance, impassable=impassable, cell_size=1.0,
                                  pairs=[(1, 3)], cutoff=math.inf)
    assert result.current[4, 8] > 0.2
    assert np.isnan(result.current[labels == 1]).all()
    assert np.isnan(result.current[labels == 3]).all()


def test_each_pair_reports_its_own_numbers_in_the_order_given():
    labels, resistance, impassable = random_landscape()
    pairs = [(3, 2), (1, 2), (2, 3)]
    result = corridor_pinchpoints(labels, resistance, impassable=impassable, cell_size=2.0,
                                  pairs=pairs, cutoff=20.0)
    for k, (a, b) in enumerate(pairs):
        _, eff, lcd = hand_link(labels, resistance, impassable, 2.0, a, b, 20.0)
        assert result.cost[k] == pytest.approx(lcd, rel=1e-12)
        assert result.effective_resistance[k] == pytest.approx(eff, rel=1e-8)
        assert result.ratio[k] == pytest.approx(lcd / eff, rel=1e-8)
    np.testing.assert_array_equal(result.pairs, pairs)


# ---------------------------------------------------------------- (d) cropping ----------

def test_cropped_runs_equal_the_full_grid_run(monkeypatch):
    import espcore.circuits.pairwise as engine

    labels, resistance, impassable = random_landscape(seed=11)
    cutoff = off_cutoff(labels, resistance, impassable, 1.0, [(1, 3)], 6.0)
    shapes = []

    def recording(g, focal, **kwargs):
        shapes.append(g.shape)
        return pairwise(g, focal, **kwargs)

    monkeypatch.setattr(engine, "pairwise", recording)
    result = corridor_pinchpoints(labels, resistance, impassable=impassable, cell_size=1.0,
                                  pairs=[(1, 3)], cutoff=cutoff)
    monkeypatch.undo()
    current, eff, _ = hand_link(labels, resistance, impassable, 1.0, 1, 3, cutoff)
    assert shapes and shapes[0][0] * shapes[0][1] < labels.size / 2  # the run was cropped
    np.testing.assert_allclose(result.current, current, rtol=1e-9, atol=1e-12)
    assert result.effective_resistance[0] == pytest.approx(eff, rel=1e-9)


# ---------------------------------------------------------------- (e) cutoff ------------

def detour_landscape():
    """Sources in rows 4-6 of columns 2 and 18; a wall in column 10 with the straight gap at
    row 5 and a detour gap at row 0."""
    impassable = np.zeros((11, 21), dtype=bool)
    impassable[:, 10] = True
    impassable[5, 10] = impassable[0, 10] = False
    labels = np.zeros(impassable.shape, dtype=np.int64)
    labels[4:7, 2] = 1
    labels[4:7, 18] = 2
    return labels, np.ones(impassable.shape), impassable


def test_cutoff_excludes_a_far_detour():
    labels, resistance, impassable = detour_landscape()
    # LCD = 16 through the straight gap; via the detour gap each half is 4 diagonal + 4
    # straight steps from the sources' top cells: NLCC there = 2 (4 sqrt 2 + 4) - 16.
    detour = 8 * SQ2 - 8
    narrow, wide = (corridor_pinchpoints(labels, resistance, impassable=impassable,
                                         cell_size=1.0, pairs=[(1, 2)], cutoff=cutoff)
                    for cutoff in (detour - 0.01, detour + 0.01))
    assert narrow.cost[0] == pytest.approx(16.0)
    assert np.isnan(narrow.current[0, 10])
    assert narrow.current[5, 10] == pytest.approx(1.0, rel=1e-9)
    # With the detour open the two gaps share the 1 A (the wall is a cut).
    assert 0.0 < wide.current[0, 10] < 0.5
    assert wide.current[5, 10] + wide.current[0, 10] == pytest.approx(1.0, rel=1e-9)
    assert wide.effective_resistance[0] < narrow.effective_resistance[0]


def test_zero_cutoff_keeps_the_least_cost_path():
    labels, resistance, impassable = detour_landscape()
    result = corridor_pinchpoints(labels, resistance, impassable=impassable, cell_size=1.0,
                                  pairs=[(1, 2)], cutoff=0.0)
    # Only row 5 costs exactly 16: a one-cell path of 15 unit resistors (ends shorted in).
    assert np.isfinite(result.current).sum() == 15
    np.testing.assert_allclose(result.current[5, 3:18], 1.0, rtol=1e-9)
    assert result.effective_resistance[0] == pytest.approx(16.0, rel=1e-9)


def test_disconnected_pair_gives_nan_and_no_map():
    labels, resistance, impassable = detour_landscape()
    impassable[:, 10] = True
    result = corridor_pinchpoints(labels, resistance, impassable=impassable, cell_size=1.0,
                                  pairs=[(1, 2)], cutoff=math.inf)
    assert math.isinf(result.cost[0]) and np.isnan(result.effective_resistance[0])
    assert np.isnan(result.current).all()


def test_diagonal_only_corridor_is_not_connected_with_four_neighbours():
    # A diagonal staircase of single cells: cost search steps diagonally, the 4-neighbour
    # circuit cannot. (A dead-end spur at (0, 2)-(0, 3) gives the 4-neighbour network an
    # edge.)
    impassable = ~np.eye(6, dtype=bool)
    impassable[0, 2:4] = False
    labels = np.zeros((6, 6), dtype=np.int64)
    labels[0, 0], labels[5, 5] = 1, 2
    resistance = np.ones((6, 6))
    four = corridor_pinchpoints(labels, resistance, impassable=impassable, cell_size=1.0,
                                pairs=[(1, 2)], cutoff=math.inf, four_neighbours=True)
    eight = corridor_pinchpoints(labels, resistance, impassable=impassable, cell_size=1.0,
                                 pairs=[(1, 2)], cutoff=math.inf)
    assert four.cost[0] == pytest.approx(5 * SQ2)
    assert np.isnan(four.effective_resistance[0])
    assert eight.effective_resistance[0] == pytest.approx(5 * SQ2, rel=1e-9)


# ---------------------------------------------------------------- network ---------------

def three_in_a_row():
    """Sources 1, 2, 3 left to right, separated by two walls three cells thick, each with a
    one-cell tunnel (row 3 through columns 4-6, row 1 through columns 14-16)."""
    impassable = np.zeros((7, 21), dtype=bool)
    impassable[:, 4:7] = impassable[:, 14:17] = True
    impassable[3, 4:7] = impassable[1, 14:17] = False
    labels = np.zeros(impassable.shape, dtype=np.int64)
    labels[2:5, 1] = 1
    labels[2:5, 9:12] = 2
    labels[2:5, 19] = 3
    return labels, np.ones(impassable.shape), impassable


@pytest.mark.parametrize("mode, per_tunnel", [("pairwise", 2.0), ("all-to-one", 4.0)])
def test_network_currents_through_the_tunnels(mode, per_tunnel):
    labels, resistance, impassable = three_in_a_row()
    current = network_pinchpoints(labels, resistance, impassable=impassable, cell_size=1.0,
                                  pairs=[(1, 2), (2, 3)], cutoff=math.inf, mode=mode)
    # The middle cell of a tunnel has two neighbours, so its current is the flow along the
    # tunnel. Pairwise: tunnel 1 carries pairs (1,2) and (1,3), tunnel 2 pairs (2,3) and
    # (1,3), 1 A each (the third pair only sees a dead end there). All to one: grounding
    # 1, 2, 3 in turn sends 2 + 1 + 1 A through each tunnel.
    assert current[3, 5] == pytest.approx(per_tunnel, rel=1e-9)
    assert current[1, 15] == pytest.approx(per_tunnel, rel=1e-9)
    assert np.isnan(current[labels > 0]).all() and np.isnan(current[impassable]).all()
    assert np.isfinite(current[(labels == 0) & ~impassable]).all()


def test_network_of_two_sources_matches_the_adjacent_pair():
    labels, resistance, impassable = strip(3, 9, 2.0)
    kwargs = dict(impassable=impassable, cell_size=1.0, pairs=[(1, 2)], cutoff=0.0)
    adjacent = corridor_pinchpoints(labels, resistance, **kwargs).current
    pair = network_pinchpoints(labels, resistance, mode="pairwise", **kwargs)
    to_one = network_pinchpoints(labels, resistance, mode="all-to-one", **kwargs)
    np.testing.assert_allclose(pair, adjacent, rtol=1e-9, atol=1e-12)
    # All to one with two sources: each grounded in turn, the same 1 A twice.
    np.testing.assert_allclose(to_one, 2 * adjacent, rtol=1e-9, atol=1e-12)


def test_network_keeps_only_the_corridors_and_the_sources():
    labels, resistance, impassable = detour_landscape()
    labels[9, 5] = 3  # a source far from the links' corridors joins the network alone
    current = network_pinchpoints(labels, resistance, impassable=impassable, cell_size=1.0,
                                  pairs=[(1, 2)], cutoff=1.0, mode="pairwise")
    narrow = corridor_pinchpoints(labels, resistance, impassable=impassable, cell_size=1.0,
                                  pairs=[(1, 2)], cutoff=1.0)
    # Source 3 is isolated (its neighbours are outside every corridor): no current reaches
    # it and the map equals the one link's.
    np.testing.assert_allclose(current, narrow.current, rtol=1e-9, atol=1e-12)


def test_network_reuses_the_given_distances():
    labels, resistance, impassable = three_in_a_row()
    distances = SourceDistances(labels, resistance, impassable=impassable, cell_size=1.0)
    corridor_pinchpoints(labels, resistance, impassable=impassable, cell_size=1.0,
                         pairs=[(1, 2), (2, 3)], cutoff=5.0, distances=distances)
    network_pinchpoints(labels, resistance, impassable=impassable, cell_size=1.0,
                        pairs=[(1, 2), (2, 3)], cutoff=5.0, distances=distances)
    assert distances.searches == 3


# ---------------------------------------------------------------- (f) errors ------------

def test_errors_say_what_to_change():
    labels, resistance, impassable = strip(2, 5, 1.0)
    kwargs = dict(impassable=impassable, pairs=[(1, 2)], cutoff=10.0)
    with pytest.raises(EspInputError, match="square cells"):
        corridor_pinchpoints(labels, resistance, cell_size=(10.0, 20.0), **kwargs)
    with pytest.raises(EspInputError, match="square cells"):
        network_pinchpoints(labels, resistance, cell_size=(10.0, 20.0), **kwargs)
    with pytest.raises(EspInputError, match="positive"):
        corridor_pinchpoints(labels, resistance, cell_size=0.0, **kwargs)
    base = dict(impassable=impassable, cell_size=1.0)
    with pytest.raises(EspInputError, match="cutoff"):
        corridor_pinchpoints(labels, resistance, pairs=[(1, 2)], cutoff=-1.0, **base)
    with pytest.raises(EspInputError, match="cutoff"):
        corridor_pinchpoints(labels, resistance, pairs=[(1, 2)], cutoff=math.nan, **base)
    with pytest.raises(EspInputError, match="itself"):
        corridor_pinchpoints(labels, resistance, pairs=[(2, 2)], cutoff=1.0, **base)
    with pytest.raises(EspInputError, match="no link"):
        corridor_pinchpoints(labels, resistance, pairs=[], cutoff=1.0, **base)
    with pytest.raises(EspInputError, match="whole-number"):
        corridor_pinchpoints(labels, resistance, pairs=[(1, 2.5)], cutoff=1.0, **base)
    with pytest.raises(EspInputError, match="source 7"):
        corridor_pinchpoints(labels, resistance, pairs=[(1, 7)], cutoff=1.0, **base)
    with pytest.raises(EspInputError, match="mode"):
        network_pinchpoints(labels, resistance, pairs=[(1, 2)], cutoff=1.0, mode="ring",
                            **base)
    bad = resistance.copy()
    bad[4, 5] = 0.0
    with pytest.raises(EspInputError, match="positive"):
        corridor_pinchpoints(labels, bad, pairs=[(1, 2)], cutoff=1.0, **base)
    other = SourceDistances(np.zeros((3, 3), dtype=int), np.ones((3, 3)),
                            impassable=np.zeros((3, 3), dtype=bool), cell_size=1.0)
    with pytest.raises(EspInputError, match="same grid"):
        corridor_pinchpoints(labels, resistance, pairs=[(1, 2)], cutoff=1.0,
                             distances=other, **base)


# ---------------------------------------------------------------- (g) cancellation ------

@pytest.mark.parametrize("checks", [0, 1, 3, 6])
def test_cancellation_stops_the_run(checks):
    labels, resistance, impassable = random_landscape()
    with pytest.raises(Cancelled):
        corridor_pinchpoints(labels, resistance, impassable=impassable, cell_size=1.0,
                             pairs=[(1, 2), (2, 3)], cutoff=20.0,
                             progress=CancelAfter(checks))
    with pytest.raises(Cancelled):
        network_pinchpoints(labels, resistance, impassable=impassable, cell_size=1.0,
                            pairs=[(1, 2), (2, 3)], cutoff=20.0,
                            progress=CancelAfter(checks))


def test_progress_rises_to_one():
    labels, resistance, impassable = random_landscape()
    for run in (corridor_pinchpoints, network_pinchpoints):
        progress = CancelAfter(10 ** 9)
        run(labels, resistance, impassable=impassable, cell_size=1.0,
            pairs=[(1, 2), (2, 3)], cutoff=20.0, progress=progress)
        assert progress.fractions[-1] == pytest.approx(1.0)
        assert all(b >= a - 1e-12 for a, b in zip(progress.fractions, progress.fractions[1:]))
