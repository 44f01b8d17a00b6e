"""Restoration actions: what restoring a cell does to its resistance, and what it costs.

An action is keyed by a land-cover class code ("1".."9" for CLCD) or by a key-area kind
(:data:`KIND_NAMES`, the ``kind_id`` codes of :mod:`espcore.zoning.zones`). It lowers the
resistance of a cell to a target: the resistance this landscape gives a target land-cover
class (:func:`class_resistances`, the median over the class's cells, so corrections and
weights of the resistance surface stay on one scale) or a resistance given outright. It
never raises a resistance. Costs are in 10^4 CNY per km² (万元/km²); 1 km² = 1,500 mu.

Defaults for CLCD (:data:`CLCD_ACTIONS`) and where their costs come from:

* cropland (1) -> forest: the Grain for Green subsidy (退耕还林), new round from 2014,
  1,500 CNY/mu (1,200 cash + 300 seedlings), 1,600 CNY/mu since 2017 (seedlings 400):
  240 x 10^4 CNY/km². A published figure, but what the state pays, not the whole cost.
* barren (7) -> grassland: the grassland side of that programme (退耕还草), 1,000 CNY/mu
  since 2017 (850 cash + 150 seed): 150 x 10^4 CNY/km², taken as the order of magnitude of
  revegetating bare land.
* forest (2), shrub (3), grassland (4), impervious (8), wetland (9), and the kinds barrier
  and breakpoint: **planning placeholders** of the right order of magnitude (each note says
  what it stands for), to be replaced with local unit costs.
* water (5) and snow/ice (6): no action; their cells are left as they are.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Collection, Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np

from ..errors import EspInputError
from ..zoning.zones import (
    BARRIER,
    BREAKPOINT,
    CORRIDOR,
    DEGRADED_CORRIDOR,
    DEGRADED_SOURCE,
    PINCH_POINT,
)

#: Key-area kind names and their ``kind_id`` codes (espcore.zoning.zones).
KIND_NAMES: Dict[str, int] = {
    "pinch_point": PINCH_POINT, "barrier": BARRIER, "breakpoint": BREAKPOINT,
    "corridor": CORRIDOR, "degraded_source": DEGRADED_SOURCE,
    "degraded_corridor": DEGRADED_CORRIDOR,
}
#: Mu (亩) in one km².
MU_PER_KM2 = 1500.0


@dataclass(frozen=True)
class Action:
    """One restoration action.

    Attributes
    ----------
    key : str
        A land-cover class code ("1") or a key-area kind name ("barrier").
    target_class : int or None
        Restore to the resistance this landscape gives that class.
    resistance : float or None
        Restore to this resistance. Exactly one of the two targets is given.
    cost_per_km2 : float
        Cost of restoring one km², 10^4 CNY (万元/km²); zero or positive.
    note : str
        Where the cost comes from.
    """

    key: str
    target_class: Optional[int]
    resistance: Optional[float]
    cost_per_km2: float
    note: str = ""


@dataclass(frozen=True, eq=False)
class Restoration:
    """One restored site: the cells acted on, their new resistance and the cost.

    ``cells`` are flat indices (int64, ascending); ``resistance`` their new values (never
    above the old ones); ``cost`` in 10^4 CNY; ``area_km2`` the area of ``cells``;
    ``cell_costs`` the cost of each cell (the compensation ledger splits a site's cost over
    the counties its cells lie in).
    """

    cells: np.ndarray
    resistance: np.ndarray
    cost: float
    area_km2: float
    cell_costs: np.ndarray


def _per_mu(cny_per_mu: float) -> float:
    """10^4 CNY per km² of a cost given in CNY per mu."""
    return cny_per_mu * MU_PER_KM2 / 1e4


_PLACEHOLDER = "Planning placeholder of the right order of magnitude; replace with local costs. "

#: Default actions for CLCD land cover (1 cropland ... 9 wetland) and for barriers and
#: breakpoints; costs in 10^4 CNY/km², sources in each note and in the module docstring.
CLCD_ACTIONS: Tuple[Action, ...] = (
    Action("1", 2, None, _per_mu(1600), "Cropland to forest at the Grain for Green subsidy: "
           "1,500 CNY/mu (2014), 1,600 CNY/mu from 2017 (higher seedling funds)."),
    Action("2", 2, None, _per_mu(100), _PLACEHOLDER + "Forest tending, about 100 CNY/mu."),
    Action("3", 2, None, _per_mu(500), _PLACEHOLDER + "Planting trees on shrubland, "
           "about 500 CNY/mu."),
    Action("4", 4, None, _per_mu(100), _PLACEHOLDER + "Fencing and reseeding degraded "
           "grassland, about 100 CNY/mu."),
    Action("7", 4, None, _per_mu(1000), "Revegetating bare land, costed as returning "
           "cropland to grassland (1,000 CNY/mu from 2017); order of magnitude only."),
    Action("8", 4, None, _per_mu(30000), _PLACEHOLDER + "Demolishing and reclaiming built "
           "land, about 30,000 CNY/mu."),
    Action("9", 9, None, _per_mu(1000), _PLACEHOLDER + "Restoring degraded wetland, about "
           "1,000 CNY/mu."),
    Action("barrier", 2, None, _per_mu(20000), _PLACEHOLDER + "Turning a barrier into "
           "ecological land (part reclamation, part planting), about 20,000 CNY/mu."),
    Action("breakpoint", 4, None, 1000 * 1e6 / 1e4, _PLACEHOLDER + "A wildlife crossing "
           "over or under a road or railway, about 1,000 CNY per m²."),
)


#: The class the defaults fall back on when their target class is absent: forest, the
#: ecological land of every landscape the defaults are meant for.
FALLBACK_CLASS = 2


def clcd_actions(present: Collection[int]) -> List[Action]:
    """The CLCD defaults for a landscape whose land cover holds the classes ``present``.

    A default whose target class does not occur there (a small study area without
    grassland) restores to forest instead, so the defaults always apply; a table the user
    gives is taken as it is (:func:`restore_site` then names the missing class).
    """
    found = {int(code) for code in present}
    if FALLBACK_CLASS not in found:
        return list(CLCD_ACTIONS)
    return [action if action.target_class in found or action.target_class is None
            else replace(action, target_class=FALLBACK_CLASS) for action in CLCD_ACTIONS]


# ------------------------------------------------------------------ the table ------------

def kind_key(name: str) -> Optional[str]:
    """The kind name in :data:`KIND_NAMES` that ``name`` spells (any case, spaces or
    hyphens for underscores), or None."""
    key = "_".join(str(name).strip().lower().replace("-", " ").split())
    return key if key in KIND_NAMES else None


def _class_key(text: str) -> Optional[str]:
    """The class code that ``text`` spells ("3", " 3 ", "3.0"), or None."""
    try:
        value = float(text)
    except ValueError:
        return None
    if not math.isfinite(value) or value != round(value):
        return None
    return str(int(value))


def _key(text: str) -> Optional[str]:
    code = _class_key(text)
    return code if code is not None else kind_key(text)


def _number(text: Optional[str], where: str, column: str) -> Optional[float]:
    if text is None or not str(text).strip():
        return None
    try:
        return float(str(text).strip())
    except ValueError:
        raise EspInputError("The {column} of {where} is {value!r}, not a number.",
                            column=column, where=where, value=text) from None


def _checked(action: Action, where: str) -> Action:
    """The action with its key normalised, or an error naming ``where``."""
    key = _key(action.key)
    if key is None:
        raise EspInputError("{where} names {key!r}, which is neither a land-cover class code "
                            "nor a key-area kind ({kinds}).", where=where, key=action.key,
                            kinds=", ".join(KIND_NAMES))
    if (action.target_class is None) == (action.resistance is None):
        raise EspInputError("{where} ({key}) must give either a target class or a target "
                            "resistance, not both or neither.", where=where, key=key)
    cost = float(action.cost_per_km2)
    if not (math.isfinite(cost) and cost >= 0):
        raise EspInputError("{where} ({key}) has a cost of {cost} per km²; give zero or a "
                            "positive number.", where=where, key=key, cost=action.cost_per_km2)
    if action.resistance is not None and not (math.isfinite(action.resistance)
                                              and action.resistance > 0):
        raise EspInputError("{where} ({key}) restores to a resistance of {value}; give a "
                            "positive number.", where=where, key=key, value=action.resistance)
    target = None if action.target_class is None else int(action.target_class)
    return Action(key, target, action.resistance, cost, action.note)


def action_table(actions: Sequence[Action]) -> Dict[str, Action]:
    """The actions keyed by their normalised key, checked.

    Raises
    ------
    EspInputError
        An unknown key, no target or two targets, a negative or NaN cost or a resistance
        that is not positive, or two actions with one key.
    """
    table: Dict[str, Action] = {}
    for number, action in enumerate(actions, start=1):
        checked = _checked(action, "Action {0}".format(number))
        if checked.key in table:
            raise EspInputError("Action {number} repeats the key {key}; give each class or "
                                "kind once.", number=number, key=checked.key)
        table[checked.key] = checked
    return table


def parse_actions(rows: Sequence[Mapping[str, str]]) -> List[Action]:
    """Actions from CSV-like rows (dicts of column -> text).

    Columns (any case, spaces around names and values ignored): ``class`` or ``kind`` (the
    key), ``target_class``, ``resistance``, ``cost_per_km2`` (10^4 CNY/km²), optional
    ``note``. Rows are numbered from 1 in messages.

    Raises
    ------
    EspInputError
        As :func:`action_table`, naming the row; also a row without a key or a cost.
    """
    found: List[Action] = []
    keys: Dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        where = "Row {0}".format(number)
        cells = {str(k).strip().lower(): ("" if v is None else str(v).strip())
                 for k, v in row.items() if k is not None}
        given = [cells[name] for name in ("class", "kind") if cells.get(name)]
        if len(given) != 1:
            raise EspInputError("{where} must name one class or one kind (columns 'class' "
                                "or 'kind').", where=where)
        cost = _number(cells.get("cost_per_km2"), where, "cost_per_km2")
        if cost is None:
            raise EspInputError("{where} ({key}) has no cost_per_km2.", where=where,
                                key=given[0])
        target = _number(cells.get("target_class"), where, "target_class")
        if target is not None and _class_key(str(target)) is None:
            raise EspInputError("The target_class of {where} is {value}, not a class code.",
                                where=where, value=target)
        action = _checked(Action(given[0], None if target is None else int(target),
                                 _number(cells.get("resistance"), where, "resistance"),
                                 cost, cells.get("note", "")), where)
        if action.key in keys:
            raise EspInputError("{where} repeats {key}, already given in row {first}.",
                                where=where, key=action.key, first=keys[action.key])
        keys[action.key] = number
        found.append(action)
    return found


# ------------------------------------------------------------------ restoring ------------

def class_resistances(landcover: np.ndarray, resistance: np.ndarray,
                      valid: np.ndarray) -> Dict[int, float]:
    """The median resistance of each land-cover class on the ``valid`` cells.

    Parameters
    ----------
    landcover : 2-D int array
        Class code of every cell.
    resistance : 2-D float array, same shape
        The resistance surface (cost per map unit).
    valid : 2-D bool array, same shape
        Cells to count (passable, land cover with data).

    Returns
    -------
    dict
        Class code -> median resistance, for every class with a valid cell.
    """
    cover = np.asarray(landcover)
    values = np.asarray(resistance, dtype=np.float64)
    keep = np.asarray(valid, dtype=bool)
    if not (cover.shape == values.shape == keep.shape):
        raise EspInputError("The land cover ({cover}), resistance ({values}) and mask "
                            "({mask}) must have the same size.", cover=cover.shape,
                            values=values.shape, mask=keep.shape)
    classes, picked = cover[keep].astype(np.int64), values[keep]
    # Strategy: one sort by (class, resistance); each class's median is then read off its
    # run of the sorted values.
    order = np.lexsort((picked, classes))
    classes, picked = classes[order], picked[order]
    codes, starts, counts = np.unique(classes, return_index=True, return_counts=True)
    medians = {}
    for code, start, count in zip(codes, starts, counts):
        run = picked[start:start + count]
        medians[int(code)] = float(np.median(run))
    return medians


def _target(action: Action, targets: Mapping[int, float]) -> float:
    if action.resistance is not None:
        return float(action.resistance)
    assert action.target_class is not None
    if action.target_class not in targets:
        raise EspInputError("The action for {key} restores to land-cover class {target}, "
                            "which does not occur in this landscape; give a target "
                            "resistance instead.", key=action.key, target=action.target_class)
    return float(targets[action.target_class])


def restore_site(cells: np.ndarray, *, kind: Optional[str], actions: Sequence[Action],
                 resistance: np.ndarray, landcover: Optional[np.ndarray],
                 targets: Mapping[int, float], cell_area_km2: float) -> Restoration:
    """Restore one site: lower each acted-on cell's resistance to its action's target.

    Parameters
    ----------
    cells : int array
        Flat indices of the site's cells (repeats are counted once).
    kind : str or None
        The site's key-area kind; an action keyed by it acts on every cell of the site.
        Otherwise each cell's land-cover class picks its action; cells with none are left.
    actions : sequence of Action
    resistance : array
        The resistance surface (its flat order is the one of ``cells``).
    landcover : int array or None
        Class code of every cell; needed when the table names classes.
    targets : mapping
        Resistance of each target class (:func:`class_resistances`).
    cell_area_km2 : float
        Area of one cell, km².

    Returns
    -------
    Restoration
        The cells acted on, their new resistance ``min(old, target)`` and the cost
        ``sum(cell_area_km2 x cost_per_km2)`` over them (10^4 CNY).

    Raises
    ------
    EspInputError
        A bad table (:func:`action_table`), classes named without a land cover, a target
        class absent from ``targets`` without a target resistance, cells off the grid.
    """
    table = action_table(actions)
    flat = np.asarray(resistance, dtype=np.float64).reshape(-1)
    site = np.unique(np.asarray(cells, dtype=np.int64).reshape(-1))
    if site.size and (site[0] < 0 or site[-1] >= flat.size):
        raise EspInputError("A site cell (flat index {index}) lies outside the grid of "
                            "{size} cells.", index=int(site[0] if site[0] < 0 else site[-1]),
                            size=flat.size)
    by_class = [key for key in table if key not in KIND_NAMES]
    if by_class and landcover is None:
        raise EspInputError("The restoration actions name land-cover classes ({classes}) "
                            "but no land cover is given.", classes=", ".join(by_class))
    named = None if kind is None else kind_key(kind)
    if kind is not None and named is None:
        raise EspInputError("The site kind {kind!r} is not a key-area kind ({kinds}).",
                            kind=kind, kinds=", ".join(KIND_NAMES))
    # Per cell: its action's target resistance and cost per km²; NaN target = no action.
    target = np.full(site.size, np.nan)
    price = np.zeros(site.size)
    if named is not None and named in table:
        target[:], price[:] = _target(table[named], targets), table[named].cost_per_km2
    elif landcover is not None:
        codes = np.asarray(landcover).reshape(-1)[site].astype(np.int64)
        for code in np.unique(codes):
            action = table.get(str(code))
            if action is not None:
                here = codes == code
                target[here], price[here] = _target(action, targets), action.cost_per_km2
    acted = ~np.isnan(target)
    cell_costs = price[acted] * float(cell_area_km2)
    return Restoration(site[acted], np.minimum(flat[site[acted]], target[acted]),
                       float(np.sum(cell_costs)),
                       int(np.count_nonzero(acted)) * float(cell_area_km2), cell_costs)
