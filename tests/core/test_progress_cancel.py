"""Progress inside every long step, and a cancel that stops within a unit of work.

Each long function reports fractions that rise from 0 to 1 through several intermediate
values. A cancel asked at the first report must raise Cancelled after at most a few further
units of work, counted by a spy on the function that does one unit (a solve, a search, a
filter, a shortest-path run); no test reads the clock.
"""

import os
import threading
from functools import partial

import numpy as np
import pytest
from executor_tasks import mark_and_wait
from scipy import ndimage

from espcore import Cancelled, Grid
from espcore.circuits import multigrid, solvers
from espcore.circuits.circuit import MapOptions
from espcore.circuits.focal import FocalNodes
from espcore.circuits.pairwise import BATCH, pairwise
from espcore.corridors import barriers as barriers_module
from espcore.corridors import costdistance
from espcore.corridors.barriers import barrier_links, barrier_scores
from espcore.executor import ProcessExecutor, SerialExecutor
from espcore.progress import watching
from espcore.sources import connectivity as connectivity_module
from espcore.sources import habitat as habitat_module
from espcore.sources import mspa as mspa_module
from espcore.sources.connectivity import connectivity_importance
from espcore.sources.habitat import Threat, habitat_quality
from espcore.sources.patchdistance import Links


class Reports:
    """A Progress that records every fraction and, from the ``cancel_at``-th report on,
    answers that the user cancelled; ``units`` (a spy's counter) is read at that moment."""

    def __init__(self, cancel_at=None, units=None):
        self.values = []
        self.cancel_at = cancel_at
        self.units = units
        self.units_at_cancel = None

    def update(self, fraction):
        self.values.append(fraction)
        if self.cancel_at is not None and len(self.values) == self.cancel_at:
            self.units_at_cancel = self.units.count if self.units is not None else None

    def cancelled(self):
        return self.cancel_at is not None and len(self.values) >= self.cancel_at


class Spy:
    """Counts the calls of a module function (or the columns it solves) while it runs."""

    def __init__(self, monkeypatch, owner, name, weight=lambda *a, **k: 1):
        self.count = 0
        original = getattr(owner, name)

        def spied(*args, **kwargs):
            self.count += weight(*args, **kwargs)
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, spied)


def assert_rises_through(values, intermediate=3):
    """From about 0 to exactly 1, never down, with several values strictly between."""
    assert values, "no progress was reported"
    assert values == sorted(values)
    assert 0.0 <= values[0] < 0.5
    assert values[-1] == 1.0
    assert len({v for v in values if 0.0 < v < 1.0}) >= intermediate


def further_units(run, spy, cancel_at=1):
    """Units of work done after a cancel asked at report ``cancel_at``; Cancelled must come."""
    progress = Reports(cancel_at=cancel_at, units=spy)
    with pytest.raises(Cancelled):
        run(progress)
    assert progress.units_at_cancel is not None, "the cancel was never asked"
    return spy.count - progress.units_at_cancel


# ------------------------------------------------------------------ circuits --------------

def circuit_inputs(focal_count=20, side=40, seed=0):
    rng = np.random.default_rng(seed)
    g = rng.uniform(0.1, 1.0, (side, side))
    cells = rng.choice(side * side, focal_count, replace=False)
    ids = np.zeros((side, side), dtype=np.int64)
    ids.ravel()[cells] = np.arange(1, focal_count + 1)
    return g, FocalNodes.from_raster(ids, ids > 0)


def solved_columns(system, rhs):
    return 1 if np.ndim(rhs) == 1 else np.shape(rhs)[1]


def test_pairwise_reports_every_batch_and_stops_at_the_next(monkeypatch):
    g, focal = circuit_inputs()
    maps = MapOptions(current_maps=True, cumulative_only=True)
    progress = Reports()
    pairwise(g, focal, maps=maps, progress=progress)
    assert_rises_through(progress.values)
    spy = Spy(monkeypatch, solvers.ClampedSystem, "solve", solved_columns)
    further = further_units(lambda p: pairwise(g, focal, maps=maps, progress=p), spy)
    # 19 columns go in ceil(19 / BATCH) = 3 batches of even size, the first of 19 // 3:
    # the cancel came with the first batch's report.
    assert spy.count == 19 // -(-19 // BATCH) == 6
    assert further == 0


def test_pairwise_with_amg_reports_every_batch(monkeypatch):
    pytest.importorskip("pyamg")
    g, focal = circuit_inputs(focal_count=12, side=20)
    progress = Reports()
    pairwise(g, focal, method="amg", progress=progress)
    solves = [v for v in progress.values if 0.0 < v <= 0.6]
    assert len(solves) == 2  # one report per block: 11 columns go as 5 + 6
    spy = Spy(monkeypatch, solvers.ClampedSystem, "solve", solved_columns)
    assert further_units(lambda p: pairwise(g, focal, method="amg", progress=p), spy) == 0


def test_amg_stops_inside_a_solve(monkeypatch):
    """A cancel between two CG iterations ends the solve at the next iteration."""
    pytest.importorskip("pyamg")
    # Larger than the multigrid's coarsest level, which it would solve directly.
    g, focal = circuit_inputs(focal_count=3, side=80)
    iterations = Spy(monkeypatch, multigrid, "check_watched")

    class CancelAfterIterations:
        def update(self, fraction):
            pass

        def cancelled(self):
            return iterations.count >= 3

    with pytest.raises(Cancelled):
        pairwise(g, focal, method="amg", progress=CancelAfterIterations())
    assert iterations.count == 3


def test_a_factorisation_gives_way_to_a_cancel():
    """A large factorisation runs beside the caller, which stops when the user asks
    although the factorisation itself cannot be interrupted."""
    release = threading.Event()
    started = threading.Event()

    def blocked_factor():
        started.set()
        release.wait(30.0)  # only a guard against a hang should the cancel not come
        return "factor"

    class CancelOnceStarted:
        def update(self, fraction):
            pass

        def cancelled(self):
            return started.is_set()

    try:
        with watching(CancelOnceStarted()), pytest.raises(Cancelled):
            solvers._stoppable(blocked_factor, solvers.WATCHED_FROM)
        assert not release.is_set()  # the factor was still being built
    finally:
        release.set()
    # A small system, or one outside any watching block, is factorised by the caller.
    with watching(CancelOnceStarted()):
        assert solvers._stoppable(lambda: "small", solvers.WATCHED_FROM - 1) == "small"
    assert solvers._stoppable(lambda: "unwatched", solvers.WATCHED_FROM) == "unwatched"


# ------------------------------------------------------------------ executors -------------

def _ran(folder, task):
    open(os.path.join(folder, "ran_{0}".format(task)), "w").close()
    return task


class CancelAfterChecks:
    """Asks to stop once it has been asked ``checks`` times."""

    def __init__(self, checks):
        self.checks = checks

    def update(self, fraction):
        pass

    def cancelled(self):
        self.checks -= 1
        return self.checks < 0


def test_serial_executor_checks_between_tasks(tmp_path):
    done = []
    with pytest.raises(Cancelled):
        for value in SerialExecutor().run(partial(str, tmp_path), _ran, range(10),
                                          CancelAfterChecks(3)):
            done.append(value)
    assert done == [0, 1, 2]
    assert sorted(os.listdir(tmp_path)) == ["ran_0", "ran_1", "ran_2"]


def test_process_executor_drops_queued_tasks_and_stops_workers(tmp_path):
    """Cancelled while two slow tasks run: the run ends without waiting for them, and they
    never finish (their workers are stopped)."""
    class CancelAfterFirstResult:
        def __init__(self):
            self.results = 0

        def update(self, fraction):
            self.results += 1

        def cancelled(self):
            return self.results > 0

    progress = CancelAfterFirstResult()
    folder = str(tmp_path)
    with pytest.raises(Cancelled):
        for _value in ProcessExecutor(2).run(partial(str, folder), mark_and_wait,
                                             range(20), progress):
            progress.update(1.0)
    files = os.listdir(folder)
    assert not [name for name in files if name.startswith("finished_")]
    assert len(files) <= 4  # at most the tasks in flight (2 per worker) had started


def test_process_executor_checks_while_it_waits(tmp_path):
    """No task comes back, yet the executor looks at the cancel flag while it waits."""

    folder = str(tmp_path)
    # Tasks 1-4 fill the queue (one check each); the next checks are made while waiting.
    with pytest.raises(Cancelled):
        list(ProcessExecutor(2).run(partial(str, folder), mark_and_wait, range(1, 9),
                                    CancelAfterChecks(8)))
    assert not [name for name in os.listdir(folder) if name.startswith("finished_")]


# ------------------------------------------------------------------ cost distances --------

def sources_on_a_grid(count=5, side=60, seed=1):
    rng = np.random.default_rng(seed)
    labels = np.zeros((side, side), dtype=np.int64)
    for source in range(1, count + 1):
        row, col = rng.integers(2, side - 4, 2)
        labels[row:row + 3, col:col + 3] = source
    resistance = rng.uniform(1.0, 10.0, (side, side))
    return labels, resistance, np.zeros((side, side), dtype=bool)


def test_cost_distances_report_per_source_and_stop_inside_a_search(monkeypatch):
    labels, resistance, impassable = sources_on_a_grid()
    pairs = [(1, 2), (2, 3), (3, 4), (4, 5), (1, 5)]

    def run(progress):
        return barrier_links(labels, resistance, impassable=impassable,
                             cell_size=(10.0, 10.0), pairs=pairs, progress=progress)

    progress = Reports()
    run(progress)
    assert_rises_through(progress.values)
    searches = Spy(monkeypatch, costdistance, "_search")
    assert further_units(run, searches) == 0
    assert searches.count == 1  # the first search was stopped before its end


# ------------------------------------------------------------------ barriers --------------

def test_barriers_report_per_link_and_radius(monkeypatch):
    labels, resistance, impassable = sources_on_a_grid()
    links = barrier_links(labels, resistance, impassable=impassable, cell_size=(10.0, 10.0),
                          pairs=[(1, 2), (2, 3), (3, 4)])

    def run(progress):
        return barrier_scores(links, radii=[20.0, 30.0, 40.0], cell_size=10.0,
                              progress=progress)

    progress = Reports()
    run(progress)
    assert_rises_through(progress.values)
    filters = Spy(monkeypatch, barriers_module, "_annulus_min")
    assert further_units(run, filters) == 0


# ------------------------------------------------------------------ habitat quality -------

def test_habitat_quality_reports_per_threat(monkeypatch):
    rng = np.random.default_rng(2)
    shape = (50, 50)
    gt = (500000.0, 100.0, 0.0, 3000000.0, 0.0, -100.0)
    landcover = Grid.from_array(rng.integers(1, 3, shape).astype(np.float64), geotransform=gt)
    names = ["road", "town", "farm", "mine"]
    threats = [Threat(name, 500.0, 1.0) for name in names]
    rasters = {name: Grid.from_array((rng.random(shape) < 0.05).astype(np.float64),
                                     geotransform=gt) for name in names}
    habitat = {1: 1.0, 2: 0.5}
    sensitivity = {1: {name: 0.8 for name in names}, 2: {name: 0.4 for name in names}}

    def run(progress):
        return habitat_quality(landcover, rasters, threats, habitat, sensitivity,
                               progress=progress)

    progress = Reports()
    run(progress)
    assert_rises_through(progress.values)
    decays = Spy(monkeypatch, habitat_module, "nearest_threat_decay")
    assert further_units(run, decays) == 0
    assert decays.count == 1


# ------------------------------------------------------------------ MSPA ------------------

def forest(side=120, seed=3):
    rng = np.random.default_rng(seed)
    field = ndimage.gaussian_filter(rng.random((side, side)), 3.0)
    return np.where(field > np.median(field), 2, 1).astype(np.uint8)


STAGES = ("anchored_thinning", "constrained_distance", "label_inside", "flood_labels",
          "crossing_components")


def test_mspa_with_a_wide_edge_reports_inside_its_stages(monkeypatch):
    guidos = forest()
    progress = Reports()
    mspa_module.mspa(guidos, edge_width=3, progress=progress)
    assert_rises_through(progress.values, intermediate=10)
    # The widening distance (0.6 to 0.75) reports as it goes.
    assert len([v for v in progress.values if 0.6 < v < 0.75]) >= 3
    spies = {name: Spy(monkeypatch, mspa_module, name) for name in STAGES}
    with pytest.raises(Cancelled):
        mspa_module.mspa(guidos, edge_width=3, progress=Reports(cancel_at=1))
    assert not any(spy.count for spy in spies.values())  # no stage after the first report


def test_mspa_stops_inside_the_widening_distance(monkeypatch):
    guidos = forest()
    spies = {name: Spy(monkeypatch, mspa_module, name) for name in STAGES}
    values = Reports()
    mspa_module.mspa(guidos, edge_width=3, progress=values)
    inside = [k for k, v in enumerate(values.values, start=1) if 0.6 < v < 0.75]
    for spy in spies.values():
        spy.count = 0
    progress = Reports(cancel_at=inside[0])
    with pytest.raises(Cancelled):
        mspa_module.mspa(guidos, edge_width=3, progress=progress)
    assert len(progress.values) == inside[0]  # not one round reported after the cancel
    assert spies["constrained_distance"].count == 1
    assert spies["flood_labels"].count == 0


# ------------------------------------------------------------------ connectivity ----------

def patch_graph(n=60, seed=4):
    rng = np.random.default_rng(seed)
    xy = rng.random((n, 2)) * 3000.0
    i, j = np.triu_indices(n, k=1)
    d = np.hypot(*(xy[i] - xy[j]).T)
    near = d < 700.0
    links = Links(np.arange(1, n + 1), i[near].astype(np.int64), j[near].astype(np.int64),
                  d[near].astype(np.float64))
    return rng.uniform(1.0, 50.0, n), links


def test_connectivity_importance_reports_and_stops_within_a_few_searches(monkeypatch):
    areas, links = patch_graph()

    def run(progress):
        return connectivity_importance(areas, links, distance=500.0,
                                       landscape_area=1e7, progress=progress)

    progress = Reports()
    run(progress)
    assert_rises_through(progress.values, intermediate=10)
    searches = Spy(monkeypatch, connectivity_module, "_shortest")
    # The loss of each patch is one search; the cancel is looked at every 8 patches.
    assert further_units(run, searches) <= 8

