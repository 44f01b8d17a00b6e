"""The one-stop workflow (esp:securitypattern) on the Hunan demo data, through PyQGIS.

The demo's 1 km grid, and the same landscape resampled to finer cells (nearest neighbour,
so the classes stay the same) to see how the whole chain, report included, scales.
"""

import os
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEMO = os.path.join(ROOT, "resources", "demo")


def _resident_bytes():
    """This process's resident memory now (Linux), or 0 where it cannot be read."""
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


class StepClock:
    """A Processing feedback that notes when each step of the workflow starts, and a
    sampler of the resident memory that keeps each step's peak (every 0.1 s: a peak
    shorter than that can be missed, so the run's own peak, from the kernel, is reported
    beside it)."""

    def __init__(self):
        import threading

        from qgis.core import QgsProcessingFeedback

        class Feedback(QgsProcessingFeedback):
            def pushInfo(inner, info):  # noqa: N805 (the outer self keeps the times)
                if self.log is not None:  # ESP_BENCH_LOG: every line, timed, to a file
                    with open(self.log, "a", encoding="utf-8") as handle:
                        handle.write("{0:8.1f} {1:6.0f} MB  {2}\n".format(
                            time.perf_counter() - self.start, _resident_bytes() / 2 ** 20,
                            info))
                if info.startswith("Step ") and "/" in info.split(":")[0]:
                    self.marks.append((info.split(": ", 1)[-1], time.perf_counter()))
                    self.peaks.append(_resident_bytes())
                if info.startswith("Solver:") and not self.solver:
                    self.solver = info

        self.log = os.environ.get("ESP_BENCH_LOG")
        self.start = time.perf_counter()
        self.marks = []
        self.peaks = []
        self.solver = ""
        self.feedback = Feedback()
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self._sampler.start()

    def _sample(self):
        while not self._stop.wait(0.1):
            if self.peaks:
                self.peaks[-1] = max(self.peaks[-1], _resident_bytes())

    def stop(self):
        self._stop.set()
        self._sampler.join()

    def durations(self, end):
        """(step, seconds) of every step that started."""
        ends = [start for _, start in self.marks[1:]] + [end]
        return [(name, stop - start) for (name, start), stop in zip(self.marks, ends)]

    def step_peaks(self):
        """(step, peak resident MB) of every step that started."""
        return [(name, round(peak / 2 ** 20)) for (name, _), peak in zip(self.marks,
                                                                          self.peaks)]


def _resample(source, target, cell):
    from osgeo import gdal

    gdal.Warp(target, source, xRes=cell, yRes=cell, resampleAlg="near",
              creationOptions=["TILED=YES", "COMPRESS=DEFLATE"])
    return target


def start_qgis():
    """QGIS without a GUI, Processing and this working tree's provider, in this process:
    (the application, the processing module, the plugin); keep the application referenced."""
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.insert(0, "/usr/share/qgis/python/plugins")
    import processing
    from processing.core.Processing import Processing

    Processing.initialize()
    plugins = os.path.join(ROOT, "build", "test-plugins")
    os.makedirs(plugins, exist_ok=True)
    if not os.path.islink(os.path.join(plugins, "esp_toolkit")):
        os.symlink(ROOT, os.path.join(plugins, "esp_toolkit"))
    sys.path.insert(0, plugins)
    from esp_toolkit.plugin import EspToolkitPlugin

    plugin = EspToolkitPlugin(None)
    plugin.initProcessing()
    return app, processing, plugin


def workflow_run(cell=1000.0, cells=None, radii_cells=None, share=True):
    """esp:securitypattern on the demo, land cover (and night light) at ``cell`` metres.

    ``share=False`` runs the workflow as it was before its steps shared the sources'
    cost-distance surfaces (each step searches them again), for the side-by-side figure.

    ``cells`` is accepted for bench/run.py's --cells and ignored: the grid is the demo's.
    ``radii_cells`` (smallest, largest, step) sets the barrier detection radii in cells: Barrier
    Mapper's one-map-unit rings hold no cell centre for the default 2, 4 and 6 km on cells
    that do not divide them (176.8 m), and the step would refuse.
    """
    app, processing, plugin = start_qgis()
    if not share:
        import contextlib

        from esp_toolkit.algorithms.io import surfaces

        surfaces.sharing = lambda folder: contextlib.nullcontext()
    with tempfile.TemporaryDirectory() as tmp:
        landcover = os.path.join(DEMO, "hunan_landcover.tif")
        light = os.path.join(DEMO, "hunan_ntl.tif")
        if cell != 1000.0:
            landcover = _resample(landcover, os.path.join(tmp, "landcover.tif"), cell)
            light = _resample(light, os.path.join(tmp, "ntl.tif"), cell)
        from osgeo import gdal

        dataset = gdal.Open(landcover)
        total = dataset.RasterXSize * dataset.RasterYSize
        dataset = None
        clock = StepClock()
        start = time.perf_counter()
        results = processing.run("esp:securitypattern", {
            "LANDCOVER": landcover, "UNITS": os.path.join(DEMO, "hunan_counties.gpkg"),
            "UNIT_NAME_FIELD": "name", "GROUP_FIELD": "pref_name",
            "THREATS_TABLE": os.path.join(DEMO, "hunan_threats.csv") if cell == 1000.0 else None,
            "SENSITIVITY_TABLE": os.path.join(DEMO, "hunan_sensitivity.csv")
            if cell == 1000.0 else None,
            **({} if radii_cells is None else {
                "MIN_RADIUS": radii_cells[0] * cell, "MAX_RADIUS": radii_cells[1] * cell,
                "STEP": radii_cells[2] * cell}),
            "HALF_SATURATION": 0.2, "MIN_AREA": 30, "DISTANCE": 10000, "TOP_N": 10,
            "CORRECTION": light, "REPORT_LANGUAGE": 1,
            "OUTPUT_FOLDER": os.path.join(tmp, "run")}, feedback=clock.feedback)
        end = time.perf_counter()
        clock.stop()
        assert os.path.exists(results["REPORT"])
    durations = clock.durations(end)
    slowest = sorted(durations, key=lambda item: -item[1])[:4]
    circuit = sum(seconds for name, seconds in durations if name == "esp:circuitscape")
    notes = ["circuit step {0:.1f} s ({1:.2f} s per million cells), workflow {2:.2f} s per "
             "million cells".format(circuit, circuit / total * 1e6, (end - start) / total * 1e6),
             clock.solver or "solver: not logged",
             "slowest: " + ", ".join("{0} {1:.1f} s".format(name, seconds)
                                     for name, seconds in slowest)]
    if cell != 1000.0:
        notes.append("no habitat quality (the threat rasters are on the 1 km grid)")
    if not share:
        notes.append("cost-distance surfaces not shared between the steps")
    return {"cells": total, "seconds": round(end - start, 2), "circuit_seconds":
            round(circuit, 2), "steps": {name: round(seconds, 2) for name, seconds in durations},
            "step_peak_mb": dict(clock.step_peaks()),
            "notes": notes}
