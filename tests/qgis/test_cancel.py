"""A cancel during a long step stops the algorithm at once and leaves no output file.

The feedback cancels at the first progress report above a threshold, as the dock's Cancel
button does in the middle of a step; a spy counts the units of work done after it.
"""

import os

import numpy as np
import processing
import pytest
from conftest import write_raster
from qgis.core import QgsProcessingException, QgsProcessingFeedback


class CancelAbove(QgsProcessingFeedback):
    """Cancels at the first progress report above ``threshold`` %; ``units`` (a spy's
    counter) is read at that moment, and every report is kept."""

    def __init__(self, threshold, units=None):
        super().__init__()
        self.threshold = threshold
        self.units = units
        self.values = []
        self.units_at_cancel = None
        self.reports_at_cancel = None

    def setProgress(self, value):
        super().setProgress(value)
        self.values.append(value)
        if value > self.threshold and not self.isCanceled():
            self.units_at_cancel = self.units.count if self.units is not None else None
            self.reports_at_cancel = len(self.values)
            self.cancel()


class SolvedColumns:
    """Counts the right-hand sides solved by the circuit solvers of the plugin's core."""

    def __init__(self, monkeypatch):
        from esp_toolkit.espcore.circuits import solvers

        self.count = 0
        original = solvers.ClampedSystem.solve

        def solve(system, rhs):
            self.count += 1 if np.ndim(rhs) == 1 else np.shape(rhs)[1]
            return original(system, rhs)

        monkeypatch.setattr(solvers.ClampedSystem, "solve", solve)


def focal_raster(tmp_path, side=60, count=25, seed=0):
    rng = np.random.default_rng(seed)
    resistance = write_raster(tmp_path / "resistance.tif",
                              rng.uniform(1.0, 10.0, (side, side)).astype("float32"))
    ids = np.zeros((side, side), dtype="int32")
    ids.ravel()[rng.choice(side * side, count, replace=False)] = np.arange(1, count + 1)
    return resistance, write_raster(tmp_path / "ids.tif", ids, nodata=0)


@pytest.mark.parametrize("solver", ["auto", "amg"])
def test_circuitscape_stops_at_the_next_solve(esp, tmp_path, monkeypatch, solver):
    from esp_toolkit.espcore.circuits.pairwise import BATCH
    from esp_toolkit.espcore.circuits.solvers import METHODS, available

    if not available(solver):
        pytest.skip("pyamg is not installed")
    resistance, ids = focal_raster(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    solved = SolvedColumns(monkeypatch)
    feedback = CancelAbove(10.0, solved)
    with pytest.raises(QgsProcessingException, match="cancelled"):
        processing.run("esp:circuitscape", {
            "INPUT": resistance, "FOCAL_NODES": ids, "SOLVER": METHODS.index(solver),
            "CUMULATIVE": str(out / "cum.tif"), "RESISTANCE_MATRIX": str(out / "r.out")},
            feedback=feedback)
    # The 24 solves fill 0-54 %. Both backends take them in 3 batches of 8 (18, 36, 54 %;
    # AMG-CG iterates a batch as one block and checks for a cancel every iteration): the
    # cancel comes with the first report above 10 %, after 8 solves, and none follows.
    expected = BATCH
    assert feedback.units_at_cancel == expected
    assert solved.count == expected
    assert len(feedback.values) == feedback.reports_at_cancel
    assert os.listdir(out) == []


def test_circuitscape_reports_while_it_solves(esp, tmp_path):
    resistance, ids = focal_raster(tmp_path)
    feedback = CancelAbove(101.0)
    processing.run("esp:circuitscape", {"INPUT": resistance, "FOCAL_NODES": ids,
                                        "CUMULATIVE": str(tmp_path / "cum.tif")},
                   feedback=feedback)
    values = feedback.values
    assert values == sorted(values) and values[-1] == 100
    assert len({v for v in values if 0 < v < 90}) >= 3  # the solves (0-54 %) and the map


def test_omniscape_with_worker_processes_stops_without_waiting_for_them(esp, tmp_path):
    rng = np.random.default_rng(1)
    resistance = write_raster(tmp_path / "resistance.tif",
                              rng.uniform(1.0, 10.0, (40, 40)).astype("float32"))
    out = tmp_path / "out"
    out.mkdir()
    feedback = CancelAbove(20.0)
    with pytest.raises(QgsProcessingException, match="cancelled"):
        processing.run("esp:omniscape", {
            "INPUT": resistance, "SOURCE_FROM_RESISTANCE": True, "RADIUS": 5,
            "WORKERS": 2, "CUMULATIVE": str(out / "cum.tif")}, feedback=feedback)
    assert feedback.reports_at_cancel is not None
    assert len(feedback.values) == feedback.reports_at_cancel  # no window reported after it
    assert os.listdir(out) == []
