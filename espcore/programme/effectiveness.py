"""The effectiveness score of a restoration (or of the years between two runs) per unit.

Four indicators per unit and run (:class:`UnitIndicators`): the equivalent connected area
attributed to the unit, the source area, the mean least-cost distance of the corridors with
an end in the unit (:func:`mean_link_cost`) and the restoration-zone area. The issue that
asked for this cites Liu, Tan & Jiao (2024) for the before-and-after evaluation frame; the
composite below and its weights are this project's own choice.

No QGIS, no GDAL: numpy only.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Mapping, Optional, Sequence, Union

import numpy as np

from ..errors import EspInputError

#: The parts of the effectiveness score and their direction (+1: an increase is better).
PARTS = ("eca", "source_area", "corridor_cost", "restoration_area")
_DIRECTION = np.array([1.0, 1.0, -1.0, -1.0])


@dataclass
class UnitIndicators:
    """The indicators of one run, each (U,) float, NaN = not defined.

    ``eca``: equivalent connected area attributed to the unit (km²,
    :func:`espcore.programme.eca.unit_eca`); ``source_area`` (km²); ``corridor_cost``: mean
    least-cost distance of the links with an end in the unit (:func:`mean_link_cost`);
    ``restoration_area``: restoration-zone area (km²).
    """

    eca: np.ndarray
    source_area: np.ndarray
    corridor_cost: np.ndarray
    restoration_area: np.ndarray


@dataclass
class Effectiveness:
    """Per unit: ``change`` (U, 4), the relative change r_k of each of :data:`PARTS`
    (-1..1, NaN where not defined); ``score`` (U,), -100..100 (NaN where no weighted part
    is defined); ``weights`` (4,), those used."""

    change: np.ndarray
    score: np.ndarray
    weights: np.ndarray


def mean_link_cost(end_units: Any, lcd: Any, *, n_units: int) -> np.ndarray:
    """Mean least-cost distance of the links with an end in each unit, shape (U,).

    A link with both ends in one unit counts once there; ``end_units`` (m, 2) holds the unit
    of each end (-1 outside every unit). NaN for a unit without links.
    """
    ends = np.asarray(end_units, dtype=np.int64).reshape(-1, 2)
    cost = np.asarray(lcd, dtype=np.float64).ravel()
    if n_units < 0 or cost.size != ends.shape[0] or (ends.size and (
            ends.min() < -1 or ends.max() >= n_units)):
        raise EspInputError("Give one least-cost distance per link and end units in "
                            "-1..{top}.", top=n_units - 1)
    second = (ends[:, 1] >= 0) & (ends[:, 1] != ends[:, 0])
    first = ends[:, 0] >= 0
    index = np.concatenate([ends[first, 0], ends[second, 1]])
    total = np.bincount(index, np.concatenate([cost[first], cost[second]]),
                        minlength=n_units)
    count = np.bincount(index, minlength=n_units)
    return np.divide(total, count, out=np.full(n_units, np.nan), where=count > 0)


def group_indicators(units: UnitIndicators, groups: Any, end_units: Any, lcd: Any, *,
                     n_groups: int) -> UnitIndicators:
    """The indicators of groups of units (prefectures), shape (G,).

    ECA, source area and restoration-zone area are the sums over the group's units; the
    corridor cost is the mean least-cost distance of the links with an end in the group (a
    link inside the group counts once, as :func:`mean_link_cost` does for units).

    Parameters
    ----------
    units : UnitIndicators
        The units' indicators, (U,) each.
    groups : (U,) int array
        Group of each unit, 0..G-1; -1 for a unit in no group.
    end_units : (m, 2) int array
        Unit of each end of each link, 0..U-1; -1 outside every unit.
    lcd : (m,) float array
        Least-cost distance of each link, cost units.
    n_groups : int
        G.
    """
    group_of = np.asarray(groups, dtype=np.int64).ravel()
    count = group_of.size
    if group_of.size and (group_of.min() < -1 or group_of.max() >= n_groups):
        raise EspInputError("Give a group in -1..{top} for each unit.", top=n_groups - 1)
    inside = group_of >= 0

    def total(values: np.ndarray) -> np.ndarray:
        values = np.asarray(values, dtype=np.float64).ravel()
        if values.size != count:
            raise EspInputError("Give one value per unit ({count}), not {found}.",
                                count=count, found=values.size)
        return np.bincount(group_of[inside], weights=values[inside], minlength=n_groups)

    ends = np.asarray(end_units, dtype=np.int64).reshape(-1, 2)
    ends_group = np.r_[group_of, -1][np.where(ends < 0, count, ends)]
    return UnitIndicators(eca=total(units.eca), source_area=total(units.source_area),
                          corridor_cost=mean_link_cost(ends_group, lcd, n_units=n_groups),
                          restoration_area=total(units.restoration_area))


def _indicators(values: Union[UnitIndicators, Mapping[str, Any]], name: str) -> np.ndarray:
    """The four indicators as a (U, 4) array, finite and 0 or more, or NaN."""
    if isinstance(values, UnitIndicators):
        values = {field.name: getattr(values, field.name) for field in fields(values)}
    missing = [part for part in PARTS if part not in values]
    if missing:
        raise EspInputError("The {name} indicators lack {missing}.", name=name,
                            missing=", ".join(missing))
    columns = [np.asarray(values[part], dtype=np.float64).ravel() for part in PARTS]
    if len({column.size for column in columns}) != 1:
        raise EspInputError("The {name} indicators must have one value per unit each.",
                            name=name)
    table = np.stack(columns, axis=1)
    if np.any(np.isinf(table) | (table < 0)):
        raise EspInputError("The {name} indicators must be 0 or more (NaN: not defined).",
                            name=name)
    return table


def effectiveness(before: Union[UnitIndicators, Mapping[str, Any]],
                  after: Union[UnitIndicators, Mapping[str, Any]],
                  weights: Optional[Sequence[float]] = None) -> Effectiveness:
    """The effectiveness score of a restoration per unit, from its indicators before and
    after.

    For each part k (:data:`PARTS`: ECA, source area, corridor cost, restoration-zone
    area), with direction d_k = +1 for ECA and source area and -1 for corridor cost and
    restoration-zone area (a decrease is an improvement)::

        r_k = clip(d_k (after_k - before_k) / before_k, -1, 1)   when before_k > 0
        r_k = 0      when before_k = after_k = 0
        r_k = d_k    when before_k = 0 < after_k
        score = 100 * sum_k w_k r_k / sum_k w_k

    A part that is NaN before or after (a unit without links has no corridor cost) is left
    out of both sums. The score runs from -100 (every part worse by 100 % or more) to 100.

    The issue that asked for this cites Liu, Tan & Jiao (2024) for evaluating a restoration
    by comparing the network before and after it; the composite score and its weights are
    this project's own choice.

    Parameters
    ----------
    before, after : UnitIndicators or mapping of str to ndarray
        The indicators of each run, one value per unit.
    weights : sequence of 4 float, optional
        w_k in the order of :data:`PARTS`, 0 or more (default 0.25 each).

    Returns
    -------
    Effectiveness

    Raises
    ------
    EspInputError
        Missing indicators, lengths that differ, negative or infinite values, bad weights.
    """
    old, new = _indicators(before, "before"), _indicators(after, "after")
    if old.shape != new.shape:
        raise EspInputError("The indicators before and after have {old} and {new} units.",
                            old=old.shape[0], new=new.shape[0])
    weight = np.full(len(PARTS), 0.25) if weights is None \
        else np.asarray(weights, dtype=np.float64).ravel()
    if weight.size != len(PARTS) or np.any(~np.isfinite(weight) | (weight < 0)) \
            or weight.sum() <= 0:
        raise EspInputError("Give {n} weights of 0 or more with a sum above 0, not {weights}.",
                            n=len(PARTS), weights=weights)
    with np.errstate(divide="ignore", invalid="ignore"):
        relative = np.where(old > 0, (new - old) / old, np.where(new > 0, 1.0, 0.0))
    change = np.clip(_DIRECTION * relative, -1.0, 1.0)
    change[np.isnan(old) | np.isnan(new)] = np.nan
    defined = ~np.isnan(change)
    total = (defined * weight).sum(axis=1)
    score = np.divide(100.0 * np.where(defined, change * weight, 0.0).sum(axis=1), total,
                      out=np.full(total.size, np.nan), where=total > 0)
    return Effectiveness(change=change, score=score, weights=weight)
