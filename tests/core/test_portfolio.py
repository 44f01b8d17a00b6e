"""Portfolios under a budget: greedy and exact against choices and ECAs worked out by hand."""

import math

import numpy as np
import pytest

from espcore.corridors.pinchpoints import corridor_pinchpoints
from espcore.errors import EspInputError
from espcore.executor import ProcessExecutor
from espcore.programme.actions import Action
from espcore.programme.portfolio import EXACT_LIMIT, choose_portfolio
from espcore.programme.sitegains import (
    Evaluation,
    Landscape,
    Site,
    SiteGain,
    evaluate_sites,
)

CELL = 1000.0  # metres: a cell is 1 km²
KERNEL = 10000.0
WALL = 1000.0
COLS = 9


def lanes_landscape(areas, walls, wall=WALL):
    """One lane per item of ``areas``: a source cell of that area at each end of a 1 x 9
    lane, lanes kept apart by NoData rows, and a wall cell of resistance ``wall`` at each
    column of ``walls``. Land cover: class 1 on lane 0's walls, 2 on the other walls, 5
    elsewhere."""
    rows = 2 * len(areas) - 1
    labels = np.zeros((rows, COLS), dtype=np.int64)
    resistance = np.ones((rows, COLS))
    impassable = np.zeros((rows, COLS), dtype=bool)
    impassable[1::2] = True
    cover = np.full((rows, COLS), 5)
    for lane in range(len(areas)):
        labels[2 * lane, 0], labels[2 * lane, COLS - 1] = 2 * lane + 1, 2 * lane + 2
        resistance[2 * lane, walls] = wall
        cover[2 * lane, walls] = 1 if lane == 0 else 2
    links = [[2 * lane + 1, 2 * lane + 2] for lane in range(len(areas))]
    pins = corridor_pinchpoints(labels, resistance, impassable=impassable, cell_size=CELL,
                                pairs=links, cutoff=1000.0)
    return Landscape(labels=labels, resistance=resistance, impassable=impassable,
                     cell_size=CELL, links=links, lcd=pins.cost,
                     effective=pins.effective_resistance,
                     source_ids=np.arange(1, 2 * len(areas) + 1),
                     areas_km2=np.repeat(areas, 2), kernel_distance=KERNEL, cutoff=1000.0,
                     landcover=cover)


# Restoring a wall cell costs 3 (lane 0, class 1) or 2 (classes 2) x 10^4 CNY per km².
ACTIONS = [Action("1", None, 1.0, 3.0), Action("2", None, 1.0, 2.0)]
AREAS = [3.0, 2.3, 2.2]


def p(d):
    return 0.5 ** (d / KERNEL)


# A lane of 8 steps of 1 km with one wall cell: six steps cost 1000, the two touching the
# wall (1 + WALL) / 2 x 1000 each, so LCD = (7 + WALL) x 1000; without the wall 8000.
BEFORE, AFTER = (7 + WALL) * 1000.0, 8000.0


def eca(restored):
    """ECA of the three lanes with the lanes in ``restored`` restored: each lane holds two
    sources of area a, so PCnum = sum over lanes of 2 a² (1 + p)."""
    return math.sqrt(sum(2 * a * a * (1 + p(AFTER if lane in restored else BEFORE))
                         for lane, a in enumerate(AREAS)))


@pytest.fixture(scope="module")
def three():
    land = lanes_landscape(AREAS, [4])
    sites = [Site(lane + 1, np.array([2 * lane * COLS + 4])) for lane in range(3)]
    return land, sites, evaluate_sites(land, sites, ACTIONS, band=0.0)


def test_the_three_sites_gain_what_the_formula_says(three):
    _, _, evaluation = three
    assert evaluation.base_eca == pytest.approx(eca(set()), rel=1e-12)
    for lane, gain in enumerate(evaluation.gains):
        assert gain.delta_eca == pytest.approx(eca({lane}) - eca(set()), rel=1e-9)
    # Gains per cost: 0.786 / 3 = 0.262, 0.473 / 2 = 0.237, 0.434 / 2 = 0.217.
    assert [g.cost for g in evaluation.gains] == pytest.approx([3.0, 2.0, 2.0])
    assert evaluation.rank.tolist() == [1, 2, 3]


def test_a_budget_for_exactly_two_sites_greedy_and_exact_differ_as_expected(three):
    land, sites, evaluation = three
    # Budget 4: greedy takes site 1 (best gain per cost), then 1 is left and nothing fits.
    # Exact: sites 2 + 3 (cost 4) gain 0.878 > site 1's 0.786.
    assert eca({1, 2}) - eca(set()) > eca({0}) - eca(set())
    greedy = choose_portfolio(land, sites, ACTIONS, evaluation, budget=4.0, method="greedy",
                              band=0.0)
    exact = choose_portfolio(land, sites, ACTIONS, evaluation, budget=4.0, method="exact",
                             band=0.0)
    assert (greedy.method, greedy.chosen) == ("greedy", (1,))
    assert greedy.total_gain == pytest.approx(eca({0}) - eca(set()), rel=1e-9)
    assert (exact.method, exact.chosen) == ("exact", (2, 3))
    assert exact.total_cost == pytest.approx(4.0)
    assert exact.eca_after == pytest.approx(eca({1, 2}), rel=1e-9)
    assert exact.lcd == pytest.approx([BEFORE, AFTER, AFTER], rel=1e-12)
    assert [(r.step, r.site_id, r.cumulative_cost) for r in exact.curve] == \
        [(0, None, 0.0), (1, 2, 2.0), (2, 3, 4.0)]
    assert [r.eca for r in exact.curve] == pytest.approx(
        [eca(set()), eca({1}), eca({1, 2})], rel=1e-9)


def test_a_budget_of_five_gives_both_methods_the_same_two_sites(three):
    land, sites, evaluation = three
    for method in ("greedy", "exact", "auto"):
        chosen = choose_portfolio(land, sites, ACTIONS, evaluation, budget=5.0,
                                  method=method, band=0.0)
        assert chosen.chosen == (1, 2), method
        assert chosen.total_gain == pytest.approx(eca({0, 1}) - eca(set()), rel=1e-9)
        assert [r.cumulative_gain for r in chosen.curve] == pytest.approx(
            [0.0, eca({0}) - eca(set()), eca({0, 1}) - eca(set())], rel=1e-9)
        assert chosen.budget == 5.0
    # Three candidates are few enough for the exact search.
    assert choose_portfolio(land, sites, ACTIONS, evaluation, budget=5.0,
                            band=0.0).method == "exact"


def test_a_budget_of_zero_chooses_nothing(three):
    land, sites, evaluation = three
    for method in ("greedy", "exact"):
        chosen = choose_portfolio(land, sites, ACTIONS, evaluation, budget=0.0,
                                  method=method, band=0.0)
        assert chosen.chosen == () and chosen.total_cost == 0.0 and chosen.total_gain == 0.0
        assert chosen.curve == [(0, None, 0.0, 0.0, evaluation.base_eca, 0.0)]
        assert np.array_equal(chosen.lcd, land.lcd)


def test_greedy_restores_on_the_surface_what_exact_combines_on_the_graph():
    # One lane with two walls of resistance 20 in series: four steps touch a wall, so
    # (4 + 4 x 21 / 2) x 1000 = 46,000; with either wall restored 27,000; with both 8,000.
    land = lanes_landscape([3.0], [3, 5], wall=20.0)
    assert land.lcd[0] == pytest.approx(46000.0, rel=1e-12)
    sites = [Site(1, np.array([3])), Site(2, np.array([5]))]
    evaluation = evaluate_sites(land, sites, ACTIONS, band=0.0)
    assert [g.lcd_after[0] for g in evaluation.gains] == pytest.approx([27000.0, 27000.0])
    # Greedy takes site 1 (a tie, smaller id), re-evaluates site 2 on the restored surface
    # and takes it too: both walls gone. Worker processes give the same.
    for executor in (None, ProcessExecutor(2)):
        greedy = choose_portfolio(land, sites, ACTIONS, evaluation, budget=10.0,
                                  method="greedy", band=0.0, executor=executor)
        assert greedy.chosen == (1, 2)
        assert greedy.lcd[0] == pytest.approx(AFTER, rel=1e-12)
        both = math.sqrt(2 * 9.0 * (1 + p(AFTER)))
        assert greedy.eca_after == pytest.approx(both, rel=1e-9)
    # Exact keeps each link's smallest standalone LCD: site 2 adds nothing, so the cheaper
    # subset wins.
    exact = choose_portfolio(land, sites, ACTIONS, evaluation, budget=10.0, method="exact",
                             band=0.0)
    assert exact.chosen == (1,) and exact.lcd[0] == pytest.approx(27000.0, rel=1e-12)
    assert exact.eca_after == pytest.approx(math.sqrt(2 * 9.0 * (1 + p(27000.0))), rel=1e-9)


def test_the_exact_search_refuses_too_many_sites(three):
    land, _, _ = three
    count = EXACT_LIMIT + 1
    sites = [Site(k, np.zeros(0, dtype=np.int64)) for k in range(1, count + 1)]
    none = np.zeros(0)
    gains = [SiteGain(k, 1.0, 1.0, np.zeros(0, np.int64), none, none, none, none, 1.0, 0.5,
                      math.nan, 0.5) for k in range(1, count + 1)]
    fake = Evaluation(1.0, gains, np.arange(1, count + 1))
    with pytest.raises(EspInputError, match="17 sites gain and fit the budget"):
        choose_portfolio(land, sites, ACTIONS, fake, budget=100.0, method="exact", band=0.0)
    # "auto" goes greedy above EXACT_AUTO candidates (these touch no link: nothing gains).
    auto = choose_portfolio(land, sites, ACTIONS, fake, budget=100.0, band=0.0)
    assert (auto.method, auto.chosen) == ("greedy", ())


@pytest.mark.parametrize("budget, method, words", [
    (-1.0, "auto", "budget"), (math.inf, "auto", "budget"), (math.nan, "auto", "budget"),
    (1.0, "best", "method"),
])
def test_bad_budgets_methods_and_evaluations_are_refused(three, budget, method, words):
    land, sites, evaluation = three
    with pytest.raises(EspInputError, match=words):
        choose_portfolio(land, sites, ACTIONS, evaluation, budget=budget, method=method,
                         band=0.0)
    with pytest.raises(EspInputError, match="other sites"):
        choose_portfolio(land, sites[:2], ACTIONS, evaluation, budget=1.0, band=0.0)
