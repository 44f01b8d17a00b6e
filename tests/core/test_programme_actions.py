"""Restoration actions: the table read from CSV rows, the CLCD defaults, class resistances
and one restored site, against values worked out by hand."""

import math

import numpy as np
import pytest

from espcore.errors import EspInputError
from espcore.programme.actions import (
    CLCD_ACTIONS,
    KIND_NAMES,
    Action,
    action_table,
    class_resistances,
    parse_actions,
    restore_site,
)
from espcore.zoning import zones


def test_kind_names_are_the_key_area_codes_of_zoning():
    assert KIND_NAMES == {"pinch_point": zones.PINCH_POINT, "barrier": zones.BARRIER,
                          "breakpoint": zones.BREAKPOINT, "corridor": zones.CORRIDOR,
                          "degraded_source": zones.DEGRADED_SOURCE,
                          "degraded_corridor": zones.DEGRADED_CORRIDOR}
    assert sorted(KIND_NAMES.values()) == [1, 2, 3, 4, 5, 6]


def test_rows_are_read_whatever_the_case_and_spaces():
    rows = [{" Class ": " 1 ", "TARGET_CLASS": "2", "cost_per_km2": " 240 ", "Note": " GfG "},
            {"kind": "Pinch Point", "resistance": "3.5", "cost_per_km2": "0"},
            {"kind": " barrier", "class": "", "target_class": "4.0", "cost_per_km2": "1e3"}]
    actions = parse_actions(rows)
    assert actions == [Action("1", 2, None, 240.0, "GfG"),
                       Action("pinch_point", None, 3.5, 0.0, ""),
                       Action("barrier", 4, None, 1000.0, "")]


@pytest.mark.parametrize("row, words", [
    ({"class": "forest", "target_class": "2", "cost_per_km2": "1"}, "forest"),
    ({"kind": "bridge", "target_class": "2", "cost_per_km2": "1"}, "bridge"),
    ({"class": "1.5", "target_class": "2", "cost_per_km2": "1"}, "1.5"),
    ({"class": "1", "target_class": "2", "cost_per_km2": "-1"}, "cost"),
    ({"class": "1", "target_class": "2", "cost_per_km2": "nan"}, "cost"),
    ({"class": "1", "target_class": "2", "cost_per_km2": ""}, "cost_per_km2"),
    ({"class": "1", "target_class": "2", "cost_per_km2": "cheap"}, "cheap"),
    ({"class": "1", "cost_per_km2": "1"}, "either"),
    ({"class": "1", "target_class": "2", "resistance": "5", "cost_per_km2": "1"}, "either"),
    ({"class": "1", "resistance": "0", "cost_per_km2": "1"}, "positive"),
    ({"class": "1", "target_class": "2.5", "cost_per_km2": "1"}, "2.5"),
    ({"class": "1", "kind": "barrier", "target_class": "2", "cost_per_km2": "1"}, "one"),
    ({"target_class": "2", "cost_per_km2": "1"}, "one"),
])
def test_a_bad_row_is_named(row, words):
    good = {"class": "7", "target_class": "4", "cost_per_km2": "150"}
    with pytest.raises(EspInputError) as caught:
        parse_actions([good, row])
    assert "Row 2" in str(caught.value)
    assert words in str(caught.value)


def test_a_key_given_twice_is_refused_even_when_spelled_differently():
    with pytest.raises(EspInputError, match="Row 3 repeats 1, already given in row 1"):
        parse_actions([{"class": "1", "target_class": "2", "cost_per_km2": "1"},
                       {"kind": "barrier", "target_class": "2", "cost_per_km2": "1"},
                       {"class": "1.0", "resistance": "3", "cost_per_km2": "1"}])
    with pytest.raises(EspInputError, match="repeats the key barrier"):
        action_table([Action("barrier", 2, None, 1.0), Action("BARRIER", None, 1.0, 2.0)])


def test_clcd_defaults_cost_grain_for_green_and_say_where_each_figure_comes_from():
    table = action_table(CLCD_ACTIONS)
    # 1,600 CNY per mu x 1,500 mu per km² = 2.4 million CNY = 240 x 10^4 CNY per km².
    assert table["1"].cost_per_km2 == pytest.approx(240.0)
    assert table["1"].target_class == 2
    assert set(table) == {"1", "2", "3", "4", "7", "8", "9", "barrier", "breakpoint"}
    assert all(action.note for action in CLCD_ACTIONS)
    assert all("placeholder" in table[key].note.lower()
               for key in ("2", "3", "4", "8", "9", "barrier", "breakpoint"))


def test_class_resistances_are_medians_over_valid_cells():
    cover = np.array([[1, 1, 1, 1], [2, 3, 3, 1]])
    resistance = np.array([[1.0, 3.0, 5.0, 100.0], [2.0, 7.0, 9.0, 1e6]])
    valid = np.ones(cover.shape, dtype=bool)
    valid[1, 3] = False  # a class-1 cell on NoData does not count
    assert class_resistances(cover, resistance, valid) == {1: 4.0, 2: 2.0, 3: 8.0}


COVER = np.array([[1, 1, 2], [5, 2, 1]])
SURFACE = np.array([[50.0, 0.5, 20.0], [80.0, 30.0, 60.0]])
TABLE = [Action("1", 2, None, 240.0), Action("2", None, 10.0, 15.0),
         Action("barrier", None, 4.0, 1000.0)]


def restore(cells, kind=None, actions=TABLE, cover=COVER, targets=None):
    return restore_site(np.asarray(cells), kind=kind, actions=actions, resistance=SURFACE,
                        landcover=cover, targets={2: 25.0} if targets is None else targets,
                        cell_area_km2=0.09)


def test_each_cell_takes_the_action_of_its_class_and_never_rises():
    # Cells 0, 1, 5 are cropland (-> the forest median 25), 2 and 4 forest (-> 10), 3 water.
    site = restore([0, 1, 2, 3, 4, 5, 5])
    assert site.cells.tolist() == [0, 1, 2, 4, 5]
    assert site.resistance.tolist() == [25.0, 0.5, 10.0, 10.0, 25.0]
    # Three cropland cells at 240 and two forest cells at 15, 0.09 km² each; the cell
    # already below its target (0.5) is acted on, so it is paid for.
    assert site.cost == pytest.approx(0.09 * (3 * 240.0 + 2 * 15.0))
    assert site.area_km2 == pytest.approx(5 * 0.09)


def test_a_kind_with_an_action_acts_on_every_cell_of_the_site():
    site = restore([1, 3, 4], kind="Barrier")
    assert site.cells.tolist() == [1, 3, 4]
    assert site.resistance.tolist() == [0.5, 4.0, 4.0]
    assert site.cost == pytest.approx(3 * 0.09 * 1000.0)
    # A kind without an action falls back to the classes.
    assert restore([3, 4], kind="pinch_point").cells.tolist() == [4]


def test_a_site_without_any_action_costs_nothing():
    site = restore([3])
    assert site.cells.size == 0 and site.cost == 0.0 and site.area_km2 == 0.0


def test_a_target_class_missing_from_the_landscape_is_named():
    with pytest.raises(EspInputError, match="class 2, which does not occur"):
        restore([0], targets={})
    # A target resistance needs no class; an unused action is never resolved.
    assert restore([2], targets={}).resistance.tolist() == [10.0]


def test_classes_without_land_cover_and_unknown_kinds_are_refused():
    with pytest.raises(EspInputError, match="name land-cover classes \\(1, 2\\) but no land"):
        restore([0], cover=None)
    only_kinds = [Action("barrier", None, 4.0, 1.0)]
    assert restore([0], kind="barrier", actions=only_kinds, cover=None).cost == \
        pytest.approx(0.09)
    with pytest.raises(EspInputError, match="'bridge' is not a key-area kind"):
        restore([0], kind="bridge")
    with pytest.raises(EspInputError, match="outside the grid"):
        restore([6])


def test_action_table_checks_actions_made_in_code():
    with pytest.raises(EspInputError, match="Action 1 names 'x'"):
        action_table([Action("x", 1, None, 1.0)])
    with pytest.raises(EspInputError, match="cost of inf"):
        action_table([Action("1", 1, None, math.inf)])


def test_the_defaults_fall_back_on_forest_where_their_target_class_is_absent():
    from espcore.programme.actions import CLCD_ACTIONS, clcd_actions

    adapted = {action.key: action for action in clcd_actions({1, 2, 5, 8})}
    original = {action.key: action for action in CLCD_ACTIONS}
    assert adapted.keys() == original.keys()
    assert original["breakpoint"].target_class == 4 and adapted["breakpoint"].target_class == 2
    assert adapted["1"] == original["1"]  # cropland already goes to forest
    assert adapted["8"].cost_per_km2 == original["8"].cost_per_km2
    # Without forest there is nothing to fall back on: the defaults stay as they are.
    assert clcd_actions({1, 4}) == list(CLCD_ACTIONS)
