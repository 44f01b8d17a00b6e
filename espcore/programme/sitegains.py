"""What restoring one site gains: its links' new costs and the change of the ECA.

For every candidate site (one executor task each): the site is restored
(:func:`espcore.programme.actions.restore_site`), and every link it *touches* gets a new
least-cost distance (LCD) and effective resistance (``Eff_Resist``) from
:func:`espcore.corridors.pinchpoints.corridor_pinchpoints` on the restored surface. The ECA
(:mod:`espcore.programme.eca`) with those LCDs, less the ECA before, is the site's gain.

A site touches link (a, b) when one of its cells lies within ``band`` cost units of the
link's least-cost path: ``CWD_a + CWD_b <= LCD_ab + band`` on the unrestored surface.
Links it does not touch keep their LCD; so does every link the sites leave alone, and no
new link appears. The searches of a task stop at the link's old ``LCD + cutoff``: restoring
only lowers costs, so the new LCD and every corridor cell lie within that reach, and the
results are those of whole-grid searches.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np

from ..corridors.costdistance import SourceDistances, corridor
from ..corridors.pinchpoints import corridor_pinchpoints
from ..errors import EspInputError
from ..executor import SerialExecutor
from ..progress import NullProgress, Progress, SubProgress, check_cancelled
from .actions import Action, Restoration, restore_site
from .landscape import Landscape, Site

__all__ = ["Evaluation", "Landscape", "Site", "SiteGain", "evaluate_sites", "gain_per_cost",
           "priority", "restore_sites", "restored_links", "restored_resistance",
           "touched_links"]

#: Relative slack on search limits, so that rounding never cuts a cell at the limit.
_SLACK = 1e-9
LinkCosts = Tuple[np.ndarray, np.ndarray]


@dataclass(frozen=True, eq=False)
class SiteGain:
    """The effect of restoring one site alone.

    Attributes
    ----------
    site_id : int
    cost : float
        10^4 CNY.
    area_km2 : float
        Area of the cells acted on, km².
    touched : int64 array
        Indices of the links the site touches (into ``Landscape.links``).
    lcd_before, lcd_after, effective_before, effective_after : float64 arrays
        LCD and ``Eff_Resist`` of each touched link, cost units.
    eca_after, delta_eca : float
        ECA with the site restored, and its gain over the base ECA, km².
    current : float
        Sum of the cumulative current over the site's cells (A; NaN cells ignored); NaN
        without a current map.
    gain_per_cost : float
        ``delta_eca / cost``, km² per 10^4 CNY (see :func:`gain_per_cost`).
    """

    site_id: int
    cost: float
    area_km2: float
    touched: np.ndarray
    lcd_before: np.ndarray
    lcd_after: np.ndarray
    effective_before: np.ndarray
    effective_after: np.ndarray
    eca_after: float
    delta_eca: float
    current: float
    gain_per_cost: float


@dataclass(frozen=True, eq=False)
class Evaluation:
    """Every site's gain: ``base_eca`` (km²), ``gains`` in the order of the sites, and
    ``rank`` (int64, same order): 1 = highest gain per cost."""

    base_eca: float
    gains: List[SiteGain]
    rank: np.ndarray


def gain_per_cost(gain: float, cost: float) -> float:
    """``gain / cost``; a free site (cost 0) with a positive gain gets ``inf`` (it ranks
    first) and with no gain 0."""
    if cost > 0:
        return gain / cost
    return math.inf if gain > 0 else 0.0


def priority(gain: float, cost: float, site_id: int) -> Tuple[float, float, int]:
    """Sort key, best first: highest gain per cost, then larger gain, then smaller id."""
    return (-gain_per_cost(gain, cost), -gain, site_id)


def restore_sites(landscape: Landscape, sites: Sequence[Site],
                  actions: Sequence[Action]) -> Dict[int, Restoration]:
    """Every site restored on the landscape's surface (NoData cells left out), by id.

    Raises
    ------
    EspInputError
        Two sites with one id, and the errors of
        :func:`espcore.programme.actions.restore_site`.
    """
    ids = [int(site.site_id) for site in sites]
    if len(set(ids)) != len(ids):
        repeated = next(i for i in ids if ids.count(i) > 1)
        raise EspInputError("Site id {id} is given twice; site ids must be unique.",
                            id=repeated)
    targets = landscape.class_targets()
    passable = ~landscape.impassable.reshape(-1)
    found = {}
    for site in sites:
        cells = np.asarray(site.cells, dtype=np.int64).reshape(-1)
        inside = (cells >= 0) & (cells < passable.size)
        # NoData cells are dropped; cells off the grid are kept for restore_site to name.
        keep = cells[~inside | passable[np.where(inside, cells, 0)]]
        found[int(site.site_id)] = restore_site(
            keep, kind=site.kind, actions=actions, resistance=landscape.resistance,
            landcover=landscape.landcover, targets=targets,
            cell_area_km2=landscape.cell_area_km2)
    return found


def touched_links(landscape: Landscape, sites: Sequence[Site], *, band: float,
                  progress: Optional[Progress] = None) -> Dict[int, np.ndarray]:
    """The links each site touches (int64 link indices, ascending), by site id.

    ``band`` is in cost units (0: only sites on a least-cost path). Links that are not
    connected (LCD ``inf``) are never touched: restoring passable cells cannot join them.
    One cost-distance search per source, on the unrestored surface, stopped at the longest
    LCD plus ``band``.
    """
    progress = progress or NullProgress()
    if not (math.isfinite(band) and band >= 0):
        raise EspInputError("The band around a least-cost path must be zero or positive "
                            "cost units, not {value}.", value=band)
    found: Dict[int, List[int]] = {int(site.site_id): [] for site in sites}
    links = np.flatnonzero(np.isfinite(landscape.lcd))
    if links.size and sites:
        reach = float(landscape.lcd[links].max()) * (1 + 1e-6) + band * (1 + _SLACK)
        distances = SourceDistances(landscape.labels, landscape.resistance,
                                    impassable=landscape.impassable,
                                    cell_size=landscape.cell_size, max_cost=reach)
        cells = np.concatenate([np.asarray(s.cells, np.int64).reshape(-1) for s in sites])
        owner = np.repeat(np.arange(len(sites)), [np.size(s.cells) for s in sites])
        within = (cells >= 0) & (cells < landscape.labels.size)
        cells, owner = cells[within], owner[within]
        for step, k in enumerate(links):
            check_cancelled(progress)
            a, b = (int(v) for v in landscape.links[k])
            nlcc, _ = corridor(distances(a), distances(b))
            near = nlcc.reshape(-1)[cells] <= band
            for s in np.unique(owner[near]):
                found[int(sites[s].site_id)].append(int(k))
            progress.update((step + 1) / links.size)
    progress.update(1.0)
    return {key: np.asarray(value, dtype=np.int64) for key, value in found.items()}


def _keep(value: Any) -> Any:
    """A worker's state: the value it was given (a picklable setup via partial)."""
    return value


def _link_costs(landscape: Landscape, task: Tuple[int, np.ndarray, np.ndarray, np.ndarray]
                ) -> Tuple[int, np.ndarray, np.ndarray]:
    """One task: (site id, new LCD, new Eff_Resist) of its touched links."""
    site_id, cells, values, touched = task
    restored = landscape.resistance.copy()
    flat = restored.reshape(-1)
    flat[cells] = np.minimum(flat[cells], values)
    reach = float(landscape.lcd[touched].max()) * (1 + _SLACK) + landscape.cutoff
    distances = SourceDistances(landscape.labels, restored, impassable=landscape.impassable,
                                cell_size=landscape.cell_size, max_cost=reach)
    result = corridor_pinchpoints(landscape.labels, restored,
                                  impassable=landscape.impassable,
                                  cell_size=landscape.cell_size,
                                  pairs=[tuple(pair) for pair in landscape.links[touched]],
                                  cutoff=landscape.cutoff, distances=distances)
    return site_id, result.cost, result.effective_resistance


def restored_links(landscape: Landscape, restorations: Dict[int, Restoration],
                   touched: Dict[int, np.ndarray], *, executor: Any = None,
                   progress: Optional[Progress] = None) -> Dict[int, LinkCosts]:
    """New (LCD, Eff_Resist) of each site's touched links with that site alone restored on
    ``landscape``, by site id; one executor task per site that touches a link.

    A restoration is applied as ``min(current, restored)``, so it may come from an earlier
    surface of the same landscape (greedy portfolios restore sites one after another).
    """
    progress = progress or NullProgress()
    executor = executor or SerialExecutor()
    empty = np.zeros(0)
    found: Dict[int, LinkCosts] = {key: (empty, empty) for key in restorations}
    tasks = [(key, restorations[key].cells, restorations[key].resistance, touched[key])
             for key in restorations if touched[key].size]
    setup = functools.partial(_keep, landscape)
    # Results arrive in any order: each carries its site id.
    for done, (key, lcd, effective) in enumerate(
            executor.run(setup, _link_costs, tasks, progress, batch=1), start=1):
        found[key] = (np.asarray(lcd, np.float64), np.asarray(effective, np.float64))
        progress.update(done / len(tasks))
    progress.update(1.0)
    return found


def _current(landscape: Landscape, site: Site) -> float:
    if landscape.current is None:
        return math.nan
    cells = np.asarray(site.cells, dtype=np.int64).reshape(-1)
    return float(np.nansum(np.asarray(landscape.current, np.float64).reshape(-1)[cells]))


def evaluate_sites(landscape: Landscape, sites: Sequence[Site], actions: Sequence[Action], *,
                   band: float, executor: Any = None,
                   progress: Optional[Progress] = None) -> Evaluation:
    """The ECA gain of restoring each site alone, and the sites ranked by gain per cost.

    Parameters
    ----------
    landscape : Landscape
    sites : sequence of Site
        Candidate sites, ids unique.
    actions : sequence of Action
        The restoration actions (:func:`espcore.programme.actions.parse_actions`).
    band : float
        A site touches a link when a cell lies within ``band`` cost units of the link's
        least-cost path (NLCC <= band).
    executor : SerialExecutor, ProcessExecutor or DaskExecutor, optional
        Runs one task per site that touches a link (default: serially).
    progress : Progress, optional
        Updated and checked for cancellation throughout.

    Returns
    -------
    Evaluation
        The base ECA (km²), one :class:`SiteGain` per site in the order given, and each
        site's rank: 1 = highest gain per cost, ties by larger gain, then smaller id.

    Raises
    ------
    EspInputError
        Repeated site ids, a bad action table (see :func:`restore_sites`), a negative band.
    Cancelled
        When ``progress`` asks to stop.

    Notes
    -----
    One cost-distance search per source in this process (:func:`touched_links`); per
    site, two bounded searches and one corridor circuit per touched link; then one
    Dijkstra on the n sources per site. Memory: the landscape once per worker and a few
    grids per task.
    """
    progress = progress or NullProgress()
    restorations = restore_sites(landscape, sites, actions)
    touched = touched_links(landscape, sites, band=band,
                            progress=SubProgress(progress, 0.0, 0.2))
    changes = restored_links(landscape, restorations, touched, executor=executor,
                             progress=SubProgress(progress, 0.2, 0.95))
    base = landscape.eca()
    gains = []
    for site in sites:
        key = int(site.site_id)
        links, (lcd_after, effective_after) = touched[key], changes[key]
        lcd = landscape.lcd.copy()
        lcd[links] = np.minimum(lcd[links], lcd_after)
        eca = landscape.eca(lcd) if links.size else base
        cost = restorations[key].cost
        gains.append(SiteGain(key, cost, restorations[key].area_km2, links,
                              landscape.lcd[links], lcd_after, landscape.effective[links],
                              effective_after, eca, eca - base, _current(landscape, site),
                              gain_per_cost(eca - base, cost)))
    order = sorted(range(len(gains)), key=lambda s: priority(
        gains[s].delta_eca, gains[s].cost, gains[s].site_id))
    rank = np.empty(len(gains), dtype=np.int64)
    rank[order] = np.arange(1, len(gains) + 1)
    progress.update(1.0)
    return Evaluation(base, gains, rank)


def restored_resistance(landscape: Landscape, sites: Sequence[Site],
                        actions: Sequence[Action]) -> np.ndarray:
    """The resistance surface (2-D float64) with all ``sites`` restored (a portfolio)."""
    surface = landscape.resistance.copy()
    flat = surface.reshape(-1)
    for restoration in restore_sites(landscape, sites, actions).values():
        flat[restoration.cells] = np.minimum(flat[restoration.cells], restoration.resistance)
    return surface
