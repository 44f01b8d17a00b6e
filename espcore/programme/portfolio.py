"""Which sites to restore under a budget: a greedy sequence or the exact best subset.

Both start from :func:`espcore.programme.sitegains.evaluate_sites`, which gives every
site's cost, the links it touches and their least-cost distances (LCD) with that site
restored alone.

* **greedy** takes, again and again, the affordable site with the highest ECA gain per
  cost; restores it on the surface (its links' new LCD and ``Eff_Resist`` become the
  base); finds again the links each remaining site touches on the new surface; and
  re-evaluates on that surface (executor tasks) the remaining sites whose links meet the
  chosen one's or changed. The other sites keep their per-link LCDs, and their marginal gain
  is recomputed on the source graph with each link at ``min(current LCD, the site's LCD)``.
  It stops when nothing affordable gains.
* **exact** tries every subset of the sites that gain alone and fit the budget alone, at
  most :data:`EXACT_LIMIT` of them. The gain of a subset is computed on the source graph
  only, each link taking the smallest LCD any chosen site gives it. That combination is
  what makes a subset cheap (one shortest-path run on the sources, no cost-distance
  search); it misses what two sites do together on one path (each lowers part of the
  path), which greedy, re-evaluating on the surface, sees.
* **auto** is exact up to :data:`EXACT_AUTO` candidate sites, greedy beyond.

Costs in 10^4 CNY, ECA in km². A total counts as within the budget up to a relative
rounding of 1e-9.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any, Dict, List, NamedTuple, Optional, Sequence, Tuple

import numpy as np

from ..errors import EspInputError
from ..progress import NullProgress, Progress, check_cancelled
from .actions import Action
from .landscape import Landscape, Site
from .sitegains import (
    Evaluation,
    priority,
    restore_sites,
    restored_links,
    touched_links,
)

#: Most candidate sites the exact search accepts (2^16 subsets).
EXACT_LIMIT = 16
#: Most candidate sites for which method "auto" searches exactly.
EXACT_AUTO = 12
METHODS = ("auto", "greedy", "exact")
#: Per site: touched link indices, their LCD and Eff_Resist with the site restored.
Effect = Tuple[np.ndarray, np.ndarray, np.ndarray]


class CurveRow(NamedTuple):
    """One step of the portfolio: the site added (None at step 0), its cost and the running
    totals (10^4 CNY), the ECA after it and the gain so far (km²)."""

    step: int
    site_id: Optional[int]
    cost: float
    cumulative_cost: float
    eca: float
    cumulative_gain: float


@dataclass(frozen=True, eq=False)
class Portfolio:
    """The sites chosen under a budget.

    Attributes
    ----------
    method : "greedy" or "exact"
    chosen : tuple of int
        Site ids in the order taken (exact: by standalone gain per cost).
    curve : list of CurveRow
        Step 0 (the base ECA), then one row per chosen site.
    total_cost, total_gain, eca_after : float
        10^4 CNY, km², km².
    lcd : (m,) float64 array
        Each link's final least-cost distance, cost units.
    budget : float
        10^4 CNY.
    """

    method: str
    chosen: Tuple[int, ...]
    curve: List[CurveRow]
    total_cost: float
    total_gain: float
    eca_after: float
    lcd: np.ndarray
    budget: float


def _fits(total: float, budget: float) -> bool:
    return total <= budget + 1e-9 * max(1.0, budget)


def _joint_lcd(base: np.ndarray, effects: Sequence[Effect]) -> np.ndarray:
    """Link LCDs with every effect applied: each link at its smallest LCD."""
    lcd = base.copy()
    for links, after, _ in effects:
        lcd[links] = np.minimum(lcd[links], after)
    return lcd


def _curve(landscape: Landscape, chosen: Sequence[int], costs: Dict[int, float],
           effects: Dict[int, Effect], ecas: Optional[Sequence[float]] = None
           ) -> List[CurveRow]:
    """Rows for ``chosen`` in order; ECAs computed on the graph unless given."""
    base = landscape.eca()
    rows = [CurveRow(0, None, 0.0, 0.0, base, 0.0)]
    spent = 0.0
    for step, key in enumerate(chosen, start=1):
        spent += costs[key]
        eca = ecas[step - 1] if ecas is not None else landscape.eca(
            _joint_lcd(landscape.lcd, [effects[k] for k in chosen[:step]]))
        rows.append(CurveRow(step, key, costs[key], spent, eca, eca - base))
    return rows


def _exact(landscape: Landscape, candidates: List[int], costs: Dict[int, float],
           effects: Dict[int, Effect], budget: float,
           progress: Progress) -> Tuple[Tuple[int, ...], np.ndarray]:
    """The best subset (sorted ids) and its link LCDs."""
    base_lcd = landscape.lcd
    seen: Dict[bytes, float] = {}
    feasible: List[Any] = []  # (eca, cost, sorted ids, lcd) of each subset within budget
    total = 1 << len(candidates)
    for mask in range(total):
        if mask % 256 == 0:
            check_cancelled(progress)
            progress.update(mask / total)
        ids = tuple(sorted(key for bit, key in enumerate(candidates) if mask >> bit & 1))
        cost = sum(costs[key] for key in ids)
        if not _fits(cost, budget):
            continue
        lcd = _joint_lcd(base_lcd, [effects[key] for key in ids])
        # Subsets that leave every link alike share one ECA: compute it once.
        digest = lcd.tobytes()
        if digest not in seen:
            seen[digest] = landscape.eca(lcd)
        feasible.append((seen[digest], cost, ids, lcd))
    # The largest ECA is the largest gain; ECAs within rounding of it tie.
    top = max(row[0] for row in feasible)
    tied = [row for row in feasible if row[0] >= top - 1e-9 * max(1.0, abs(top))]
    _, _, ids, lcd = min(tied, key=lambda row: (row[1], row[2]))
    return ids, lcd


class _Quiet:
    """Passes cancellation through but not fractions: a re-evaluation inside a greedy step,
    whose share of the whole run is not known beforehand."""

    def __init__(self, parent: Progress) -> None:
        self._parent = parent

    def update(self, fraction: float) -> None:
        pass

    def cancelled(self) -> bool:
        return self._parent.cancelled()


class _Greedy:
    """A greedy run: the landscape so far, and each remaining site's effect and cost."""

    def __init__(self, landscape: Landscape, sites: Sequence[Site], actions: Sequence[Action],
                 effects: Dict[int, Effect], costs: Dict[int, float]) -> None:
        self.landscape = landscape
        self.sites = {int(site.site_id): site for site in sites}
        self.restorations = restore_sites(landscape, sites, actions)
        self.effects = dict(effects)
        self.costs = costs
        self.eca = landscape.eca()

    def marginal(self, key: int) -> float:
        """ECA gain of site ``key`` on the current landscape, on the source graph."""
        if self.effects[key][0].size == 0:
            return 0.0
        return self.landscape.eca(_joint_lcd(self.landscape.lcd, [self.effects[key]])) \
            - self.eca

    def best(self, spent: float, budget: float) -> Optional[int]:
        """The affordable site with the highest gain per cost (None when no affordable
        site gains)."""
        options = []
        for key in self.effects:
            if _fits(spent + self.costs[key], budget):
                gain = self.marginal(key)
                if gain > 0:
                    options.append((priority(gain, self.costs[key], key), key))
        return min(options)[1] if options else None

    def take(self, key: int) -> np.ndarray:
        """Restore ``key`` on the surface; its links' new LCD and Eff_Resist become the
        base. Returns those links."""
        links, after, effective = self.effects.pop(key)
        restoration = self.restorations[key]
        surface = self.landscape.resistance.copy()
        flat = surface.reshape(-1)
        flat[restoration.cells] = np.minimum(flat[restoration.cells], restoration.resistance)
        lcd = self.landscape.lcd.copy()
        lcd[links] = np.minimum(lcd[links], after)
        eff = self.landscape.effective.copy()
        eff[links] = effective
        self.landscape = dataclasses.replace(self.landscape, resistance=surface, lcd=lcd,
                                             effective=eff)
        self.eca = self.landscape.eca()
        return links

    def refresh(self, taken: np.ndarray, band: float, executor: Any,
                progress: Progress) -> None:
        """Find again the links each remaining site touches, on the new surface, and
        re-evaluate the sites whose links meet ``taken`` or changed."""
        left = [self.sites[key] for key in self.effects]
        touched = touched_links(self.landscape, left, band=band, progress=progress)
        redo = [key for key, (links, _, _) in self.effects.items()
                if not np.array_equal(links, touched[key])
                or np.intersect1d(touched[key], taken).size]
        found = restored_links(self.landscape, {key: self.restorations[key] for key in redo},
                               {key: touched[key] for key in redo}, executor=executor,
                               progress=progress)
        for key in redo:
            self.effects[key] = (touched[key],) + found[key]

    def run(self, budget: float, band: float, executor: Any,
            progress: Progress) -> Tuple[List[int], List[float]]:
        """Chosen ids in order and the ECA after each."""
        chosen: List[int] = []
        ecas: List[float] = []
        spent = 0.0
        while True:
            check_cancelled(progress)
            key = self.best(spent, budget)
            if key is None:
                return chosen, ecas
            taken = self.take(key)
            chosen.append(key)
            ecas.append(self.eca)
            spent += self.costs[key]
            progress.update(min(1.0, spent / budget) if budget > 0 else 1.0)
            if self.effects:
                self.refresh(taken, band, executor, _Quiet(progress))


def choose_portfolio(landscape: Landscape, sites: Sequence[Site], actions: Sequence[Action],
                     evaluation: Evaluation, *, budget: float, method: str = "auto",
                     band: float, executor: Any = None,
                     progress: Optional[Progress] = None) -> Portfolio:
    """The sites to restore within ``budget`` for the largest ECA gain.

    Parameters
    ----------
    landscape, sites, actions
        As given to :func:`espcore.programme.sitegains.evaluate_sites`.
    evaluation : Evaluation
        Its result for these sites (in the same order).
    budget : float
        10^4 CNY; zero or positive, finite.
    method : "auto", "greedy" or "exact"
        See the module notes.
    band : float
        As for ``evaluate_sites`` (greedy finds the touched links again with it).
    executor, progress
        Greedy's re-evaluations run on ``executor``; both methods check ``progress``.

    Returns
    -------
    Portfolio
        Exact: the subset with the largest gain; ties go to the smaller cost, then to the
        lexicographically smaller sorted ids.

    Raises
    ------
    EspInputError
        A negative or infinite budget, an unknown method, an evaluation of other sites, or
        more than :data:`EXACT_LIMIT` candidates for the exact search.
    Cancelled
        When ``progress`` asks to stop.

    Notes
    -----
    Exact: up to 2^16 subsets, each one Dijkstra on the n sources (subsets that leave the
    links alike share one). Greedy, per site taken: one Dijkstra on the sources per
    remaining site, one bounded cost-distance search per source (the touched links again)
    and one task per re-evaluated site, as in ``evaluate_sites``.
    """
    progress = progress or NullProgress()
    if not (math.isfinite(budget) and budget >= 0):
        raise EspInputError("The budget must be zero or a positive number (10^4 CNY), not "
                            "{value}.", value=budget)
    if method not in METHODS:
        raise EspInputError("The portfolio method must be 'auto', 'greedy' or 'exact', not "
                            "{value!r}.", value=method)
    ids = [int(site.site_id) for site in sites]
    if ids != [gain.site_id for gain in evaluation.gains]:
        raise EspInputError("The evaluation was made for other sites; evaluate these sites "
                            "first.")
    costs = {gain.site_id: gain.cost for gain in evaluation.gains}
    effects = {gain.site_id: (gain.touched, gain.lcd_after, gain.effective_after)
               for gain in evaluation.gains}
    candidates = [gain.site_id for gain in evaluation.gains
                  if gain.delta_eca > 0 and _fits(gain.cost, budget)]
    if method == "auto":
        method = "exact" if len(candidates) <= EXACT_AUTO else "greedy"
    if method == "exact":
        if len(candidates) > EXACT_LIMIT:
            raise EspInputError("{count} sites gain and fit the budget; the exact search "
                                "takes at most {limit}. Use the greedy method.",
                                count=len(candidates), limit=EXACT_LIMIT)
        subset, lcd = _exact(landscape, candidates, costs, effects, budget, progress)
        standalone = {gain.site_id: gain.delta_eca for gain in evaluation.gains}
        chosen = sorted(subset, key=lambda k: priority(standalone[k], costs[k], k))
        curve = _curve(landscape, chosen, costs, effects)
    else:
        greedy = _Greedy(landscape, sites, actions, effects, costs)
        chosen, ecas = greedy.run(budget, band, executor, progress)
        lcd = greedy.landscape.lcd
        curve = _curve(landscape, chosen, costs, effects, ecas)
    progress.update(1.0)
    last = curve[-1]
    return Portfolio(method, tuple(chosen), curve, last.cumulative_cost,
                     last.cumulative_gain, last.eca, lcd, float(budget))

