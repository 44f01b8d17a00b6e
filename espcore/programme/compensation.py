"""Compensation for a restoration programme: who carries its cost, who gains, who pays whom.

Units (counties) are numbered 0..U-1, their position in the caller's list; ``-1`` on a unit
grid is outside every unit. Costs are in the caller's currency (e.g. 10^4 CNY), gains in
PCnum units (area², km⁴ for km²). :func:`site_unit_costs` says who carries the cost of the
chosen sites; :func:`unit_benefits` who gains, by splitting the gain of the probability of
connectivity numerator (PCnum = Σ_i Σ_j a_i a_j p*_ij, Saura & Rubio 2010) over the units
of the sources whose links improved; :func:`compensation_ledger` gives each unit's fair
part, its net position and the payments that settle it (:func:`balanced_transfers`), and
:func:`group_ledger` the same by prefecture.

The principle is that of ecological protection compensation (生态保护补偿) in China:
"whoever benefits compensates" (谁受益、谁补偿), set out in the Opinions of the General
Office of the State Council on improving the ecological protection compensation mechanism
(国办发〔2016〕31号, 2016) and in the State Council's Regulations on Ecological Protection
Compensation (生态保护补偿条例, 2024).

No QGIS, no GDAL: numpy only.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import Any, List, Optional, Sequence, Tuple

import numpy as np

from ..errors import EspInputError

#: One payment: (payer unit, payee unit, amount > 0).
Transfer = Tuple[int, int, float]
#: Relative tolerance (of the total money moved, or of the largest gain) below which an
#: amount is rounding noise.
_TOL = 1e-9


@dataclass
class UnitBenefits:
    """The connectivity gain of each unit: ``gain`` (U,) in area² as ``pair_gain``, its
    ``share`` of the total gain (all 0 without gain), and ``outside_gain`` /
    ``outside_share`` of the source parts outside every unit (``share.sum() +
    outside_share`` is 1 whenever something was gained)."""

    gain: np.ndarray
    share: np.ndarray
    outside_gain: float
    outside_share: float


@dataclass
class Ledger:
    """The compensation ledger, one entry per unit (or group, :func:`group_ledger`).

    ``cost``: carried by each unit (its sites); ``benefit_share``: as given; ``fair_cost``:
    the part it should carry (sums to ``cost.sum()``); ``net = cost - fair_cost``: above 0
    the unit is owed, below 0 it owes (sums to 0); ``transfers``: the payments (payer,
    payee, amount) that settle ``net``; ``unsettled``: what the transfers dropped below
    ``min_transfer`` leave of each net (0 when none was dropped), so that received - paid
    + unsettled = net. Arrays are float64 of shape (U,).
    """

    cost: np.ndarray
    benefit_share: np.ndarray
    fair_cost: np.ndarray
    net: np.ndarray
    transfers: List[Transfer]
    unsettled: np.ndarray


def _check_count(n_units: Any) -> int:
    try:
        count = int(n_units)
    except (TypeError, ValueError):
        count = -1
    if count < 1 or count != n_units:
        raise EspInputError("The number of units must be a whole number of 1 or more, not "
                            "{n_units}.", n_units=n_units)
    return count


def _amounts(values: Any, name: str, length: Optional[int] = None) -> np.ndarray:
    """Finite amounts of 0 or more, flattened (``length`` of them when given)."""
    array = np.asarray(values, dtype=np.float64)
    if length is not None and array.size != length:
        raise EspInputError("The {name} have {found} entries, {want} expected.", name=name,
                            found=array.size, want=length)
    bad = ~np.isfinite(array) | (array < 0)
    if np.any(bad):
        raise EspInputError("The {name} must be finite amounts of 0 or more, not {value}.",
                            name=name, value=array[bad][0])
    return array.ravel()


def _number(value: Any, name: str, high: float = np.inf) -> float:
    number = float(value)
    if not (0.0 <= number <= high and np.isfinite(number)):
        if np.isfinite(high):
            raise EspInputError("The {name} must lie between 0 and {high}, not {value}.",
                                name=name, high=high, value=value)
        raise EspInputError("The {name} must be a finite number of 0 or more, not {value}.",
                            name=name, value=value)
    return number


def site_unit_costs(site_cells: Sequence[Any], cell_costs: Sequence[Any], units: Any,
                    n_units: int) -> np.ndarray:
    """Each site's restoration cost split over the units its cells lie in.

    Parameters
    ----------
    site_cells : sequence of ndarray of int
        One array per chosen site: the flat (row-major) indices of its cells in ``units``.
    cell_costs : sequence of ndarray of float
        Matching arrays: the restoration cost of each of those cells (currency, 0 or more).
    units : ndarray of int, 2-D
        Unit per cell, 0..``n_units`` - 1; -1 = outside every unit.
    n_units : int
        Number of units U.

    Returns
    -------
    ndarray of float64, shape (sites, U + 1)
        ``[s, u]``: cost of site ``s`` in unit ``u``; the last column is the cost outside
        every unit. Each row sums to the site's cost.

    Raises
    ------
    EspInputError
        Lists of different lengths, a site whose cells and costs differ in number, cell
        indices off the grid or not whole, negative or non-finite costs, units outside
        -1..U-1.
    """
    count = _check_count(n_units)
    grid = np.asarray(units)
    if grid.ndim != 2 or not np.issubdtype(grid.dtype, np.integer) or (grid.size and (
            grid.min() < -1 or grid.max() >= count)):
        raise EspInputError("The units must be a 2-D grid of whole numbers from -1 (outside "
                            "every unit) to {top}.", top=count - 1)
    cells = [np.asarray(site).ravel() for site in site_cells]
    costs = [_amounts(cost, "cell costs") for cost in cell_costs]
    sizes = np.array([site.size for site in cells], dtype=np.int64)
    if sizes.tolist() != [cost.size for cost in costs]:
        raise EspInputError("Give one cost per cell of each site: the sites have {cells} "
                            "cells and {costs} costs.", cells=sizes.tolist(),
                            costs=[cost.size for cost in costs])
    flat = np.concatenate([np.zeros(0, np.int64)] + [site for site in cells if site.size])
    if flat.size and (not np.issubdtype(flat.dtype, np.integer) or flat.min() < 0
                      or flat.max() >= grid.size):
        raise EspInputError("Site cells must be whole cell indices on the grid of {size} "
                            "cells.", size=grid.size)
    unit = grid.ravel()[flat.astype(np.int64)]
    columns = count + 1
    # Strategy: one bincount over (site row, unit column) instead of a loop per site.
    combined = np.repeat(np.arange(sizes.size), sizes) * columns + np.where(unit < 0, count,
                                                                            unit)
    table = np.bincount(combined, weights=np.concatenate([np.zeros(0)] + costs),
                        minlength=sizes.size * columns)
    return table.reshape(sizes.size, columns)


def unit_benefits(pair_gain: Any, areas_by_unit: Any, *, areas: Any = None) -> UnitBenefits:
    """The connectivity gain each unit receives from a restoration.

    The gain of pair (i, j), ``g_ij = a_i a_j (p*_ij after - p*_ij before)``, goes half to
    source i and half to source j, and each source's half over the units by the share of
    its area in each (the part outside every unit counted apart). The gain a unit receives
    is thus attributed to the units whose sources the improved links connect, in
    proportion to the gain.

    Parameters
    ----------
    pair_gain : ndarray of float, shape (n, n)
        PCnum gain of each pair of sources (area², e.g. from
        :func:`espcore.programme.eca.pair_gains`). Full symmetric or one triangle: each
        entry counts once. Negative entries are refused, except rounding noise (down to
        -1e-9 times the largest gain), which counts as 0.
    areas_by_unit : ndarray of float, shape (n, U)
        Area of each source in each unit (km²).
    areas : ndarray of float, shape (n,), optional
        Whole area of each source (km²), at least its row of ``areas_by_unit``; the rest
        lies outside every unit. Default: the row sums (all inside).

    Returns
    -------
    UnitBenefits

    Raises
    ------
    EspInputError
        Shapes that do not match, negative or non-finite values, a source with a gain but
        no area, a whole area below the source's area in the units.
    """
    gain = np.asarray(pair_gain, dtype=np.float64)
    if gain.ndim != 2 or gain.shape[0] != gain.shape[1] or not np.all(np.isfinite(gain)):
        raise EspInputError("The pair gains must be a square matrix of finite numbers, not "
                            "shape {shape}.", shape=gain.shape)
    noise = _TOL * (max(float(gain.max()), 0.0) if gain.size else 0.0)
    if np.any(gain < -noise):
        raise EspInputError("A pair gain is negative ({value}): connectivity fell, so there "
                            "is no gain to attribute.", value=gain[gain < -noise][0])
    gain = np.maximum(gain, 0.0)
    table = np.asarray(areas_by_unit, dtype=np.float64)
    if table.ndim != 2 or table.shape[0] != gain.shape[0]:
        raise EspInputError("The source areas must have one row per source ({n}), not shape "
                            "{shape}.", n=gain.shape[0], shape=table.shape)
    table = _amounts(table, "source areas").reshape(table.shape)
    inside = table.sum(axis=1)
    whole = inside if areas is None else _amounts(areas, "source areas", gain.shape[0])
    if np.any(whole < inside * (1.0 - _TOL)):
        raise EspInputError("A source's whole area is smaller than its area in the units.")
    # Half of each pair to each end: row and column sums cover both triangles.
    source_gain = 0.5 * (gain.sum(axis=0) + gain.sum(axis=1))
    lost = (source_gain > 0) & (whole <= 0)
    if np.any(lost):
        raise EspInputError("Source {source} gains connectivity but has no area, so its "
                            "units are unknown.", source=int(np.flatnonzero(lost)[0]))
    per_area = np.divide(source_gain, whole, out=np.zeros_like(source_gain), where=whole > 0)
    unit_gain = per_area @ table
    outside_gain = float(per_area @ np.maximum(whole - inside, 0.0))
    total = float(source_gain.sum())
    if total <= 0:
        return UnitBenefits(unit_gain, np.zeros_like(unit_gain), outside_gain, 0.0)
    return UnitBenefits(unit_gain, unit_gain / total, outside_gain, outside_gain / total)


def compensation_ledger(cost: Any, benefit_share: Any, *, own_share: float = 0.0,
                        min_transfer: float = 0.0) -> Ledger:
    """Each unit's fair part of a programme's cost, its net position and the transfers.

    With C the total cost and B the total benefit share::

        fair_u = own_share * cost_u + (1 - own_share) * C * b_u / B,   net_u = cost_u - fair_u

    With the default ``own_share = 0`` each unit's net cost (its cost, less what it
    receives, plus what it pays) is proportional to its benefit. With ``own_share`` in
    (0, 1] the host of a site carries that part of it whatever its benefit and the rest is
    shared by benefit; at 1 every unit keeps its own cost. The benefit of source parts
    outside every unit has no one to pay for it, so the shares are scaled to B; when B is 0
    every unit keeps its own cost.

    A host part has a precedent: in China's first inter-provincial watershed compensation
    pilot, on the Xin'an River from 2012 (Anhui upstream, Zhejiang downstream), both
    provinces put money into the scheme, and the water quality measured at the provincial
    border decides in which direction the provinces' money goes. ``own_share`` is this
    project's simple stand-in for such a host contribution, not the pilot's rule.

    Parameters
    ----------
    cost : ndarray of float, shape (U,)
        Cost carried by each unit (currency; e.g. the column sums of
        :func:`site_unit_costs` without the last).
    benefit_share : ndarray of float, shape (U,)
        Each unit's share of the benefit, 0 or more (e.g. :attr:`UnitBenefits.share`).
    own_share : float
        Part of its own cost each unit carries whatever its benefit, 0..1 (default 0).
    min_transfer : float
        Transfers below this amount (currency) are dropped and reported in
        :attr:`Ledger.unsettled` (:func:`balanced_transfers`).

    Returns
    -------
    Ledger

    Raises
    ------
    EspInputError
        No unit, negative or non-finite amounts, lengths that differ, ``own_share``
        outside 0..1, a negative ``min_transfer``.
    """
    costs = _amounts(cost, "unit costs")
    if costs.size == 0:
        raise EspInputError("The ledger needs at least one unit.")
    shares = _amounts(benefit_share, "benefit shares", costs.size)
    own = _number(own_share, "own share", 1.0)
    total_benefit = float(shares.sum())
    fair = costs.copy()
    if total_benefit > 0:
        fair = own * costs + (1.0 - own) * float(costs.sum()) * shares / total_benefit
    net = costs - fair
    kept, dropped = _settle(net, _number(min_transfer, "smallest transfer"))
    return Ledger(costs, shares, fair, net, kept, settlement(dropped, costs.size))


def _settle(net: np.ndarray, minimum: float) -> Tuple[List[Transfer], List[Transfer]]:
    """The greedy settlement of ``net``, split into (kept, dropped below ``minimum``)."""
    scale = 0.5 * float(np.abs(net).sum())  # the money that has to move
    if abs(float(net.sum())) > _TOL * max(scale, 1.0):
        raise EspInputError("The net amounts sum to {total}, not 0: what some units are owed "
                            "must equal what the others owe.", total=float(net.sum()))
    dust = _TOL * scale
    # Heaps of (-remaining, unit): the largest amount first, ties by the smaller unit.
    debtors = [(float(value), int(unit)) for unit, value in enumerate(net) if value < -dust]
    creditors = [(-float(value), int(unit)) for unit, value in enumerate(net) if value > dust]
    heapq.heapify(debtors)
    heapq.heapify(creditors)
    transfers: List[Transfer] = []
    while debtors and creditors:
        owed, payer = heapq.heappop(debtors)
        due, payee = heapq.heappop(creditors)
        amount = min(-owed, -due)
        transfers.append((payer, payee, amount))
        # Whoever is settled leaves; the other goes back with what remains.
        if -owed - amount > dust:
            heapq.heappush(debtors, (owed + amount, payer))
        if -due - amount > dust:
            heapq.heappush(creditors, (due + amount, payee))
    return ([item for item in transfers if item[2] >= minimum],
            [item for item in transfers if item[2] < minimum])


def balanced_transfers(net: Any, *, min_transfer: float = 0.0) -> List[Transfer]:
    """Payments that settle each unit's net position.

    The largest remaining debtor pays the largest remaining creditor as much as settles one
    of them (ties: the smaller unit index first), until all are settled: at most U - 1
    transfers, and each unit's received minus paid equals its net to floating precision
    (nets within 1e-9 of the money moved count as 0).

    No choice of payments could drop the small ones and keep every unit settled (a unit
    owed a small amount can only be paid a small amount), so ``min_transfer`` only rounds
    away dust: what a dropped transfer would have paid stays with its units
    (:attr:`Ledger.unsettled`).

    Parameters
    ----------
    net : ndarray of float, shape (U,)
        Net position of each unit (currency): above 0 owed, below 0 owing; sums to 0.
    min_transfer : float
        Transfers below this amount are left out (default 0: none).

    Returns
    -------
    list of (payer, payee, amount)
        Unit indices and the amount, in the order they are settled.

    Raises
    ------
    EspInputError
        Non-finite nets, nets that do not sum to 0, a negative ``min_transfer``.
    """
    values = np.asarray(net, dtype=np.float64).ravel()
    if not np.all(np.isfinite(values)):
        raise EspInputError("The net amounts must be finite numbers.")
    return _settle(values, _number(min_transfer, "smallest transfer"))[0]


def settlement(transfers: Sequence[Transfer], n_units: int) -> np.ndarray:
    """What each unit receives minus what it pays, shape (``n_units``,)."""
    balance = np.zeros(n_units)
    if transfers:
        payer, payee, amount = (np.asarray(column) for column in zip(*transfers))
        np.add.at(balance, payee.astype(np.int64), amount)
        np.add.at(balance, payer.astype(np.int64), -amount)
    return balance


def group_ledger(ledger: Ledger, groups: Any) -> Tuple[np.ndarray, Ledger]:
    """The ledger summed by groups of units (prefectures).

    Parameters
    ----------
    ledger : Ledger
        The unit ledger (:func:`compensation_ledger`).
    groups : ndarray of int, shape (U,)
        Group of each unit (any whole numbers).

    Returns
    -------
    labels : ndarray of int64
        The groups, ascending: the group ledger's entries and transfers refer to them by
        position.
    Ledger
        Every column summed per group. The transfers are the unit transfers between two
        groups, netted per pair of groups (one inside a group disappears), largest first
        (ties by payer, then payee).

    Raises
    ------
    EspInputError
        Groups that are not whole numbers or not one per unit.
    """
    values = np.asarray(groups).ravel()
    if values.size != ledger.cost.size or (values.size and
                                           not np.issubdtype(values.dtype, np.integer)):
        raise EspInputError("Give one whole-number group per unit ({want}), not {found} "
                            "values of {kind}.", want=ledger.cost.size, found=values.size,
                            kind=values.dtype)
    labels, position = np.unique(values, return_inverse=True)
    position = position.ravel()  # numpy 2.0.0 kept the input's shape here
    flows = np.zeros((labels.size, labels.size))
    if ledger.transfers:
        payer, payee, amount = (np.asarray(column) for column in zip(*ledger.transfers))
        np.add.at(flows, (position[payer.astype(np.int64)], position[payee.astype(np.int64)]),
                  amount)
    between = flows - flows.T  # the diagonal (inside one group) becomes 0
    rows, cols = np.nonzero(between > _TOL * float(flows.sum()))
    order = np.lexsort((cols, rows, -between[rows, cols]))
    transfers = [(int(rows[k]), int(cols[k]), float(between[rows[k], cols[k]]))
                 for k in order]
    cost, share, fair, net, unsettled = (
        np.bincount(position, weights=column, minlength=labels.size) for column in
        (ledger.cost, ledger.benefit_share, ledger.fair_cost, ledger.net, ledger.unsettled))
    return labels.astype(np.int64), Ledger(cost, share, fair, net, transfers, unsettled)
