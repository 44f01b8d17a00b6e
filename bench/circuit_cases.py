"""Circuit-theory benchmark cases: pairwise vs per-pair solves, single large solves, Omniscape.

Every case builds the same kind of synthetic landscape (:func:`landscape`) and returns a dict
with at least ``cells`` and ``seconds`` (the headline time) plus ``notes`` (lines of text);
bench/run.py adds the peak resident memory and prints the table. The cases are plain functions
so they can also be run by hand::

    python -c "import sys; sys.path[:0] = ['.', 'bench']; import circuit_cases as c; \
print(c.pairwise_vs_naive(cells=250_000, k=10))"
"""

from __future__ import annotations

import inspect
import resource
import time

import numpy as np

SEED = 20240607


def peak_mb() -> int:
    """Peak resident memory of this process so far (MB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


class Stopwatch:
    """Named wall-clock laps: ``with watch("factor"): ...``; laps of one name add up."""

    def __init__(self) -> None:
        self.laps: dict = {}
        self._name = ""

    def __call__(self, name: str) -> Stopwatch:
        self._name = name
        return self

    def __enter__(self) -> Stopwatch:
        self._start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.laps[self._name] = self.laps.get(self._name, 0.0) + time.perf_counter() - self._start

    def __getitem__(self, name: str) -> float:
        return self.laps.get(name, 0.0)


# ---------------------------------------------------------------- synthetic landscape ----

def _smooth_noise(rng: np.random.Generator, side: int, scales=(256, 64, 16, 4),
                  amplitudes=(1.0, 0.5, 0.25, 0.125)) -> np.ndarray:
    """Fractal value noise in [0, 1]: white noise on coarse lattices, bilinearly upsampled."""
    from scipy.ndimage import zoom

    field = np.zeros((side, side), dtype=np.float32)
    for scale, amplitude in zip(scales, amplitudes):
        coarse = rng.standard_normal((side // scale + 2,) * 2).astype(np.float32)
        field += amplitude * zoom(coarse, scale, order=1, prefilter=False)[:side, :side]
    lo, hi = np.percentile(field[::7, ::7], [0.5, 99.5])
    return np.clip((field - lo) / (hi - lo), 0.0, 1.0)


def landscape(cells: int, *, seed: int = SEED, nodata_fraction: float = 0.06):
    """A square synthetic resistance surface of about ``cells`` cells.

    Resistance is a smooth random surface from 1 to 1000 (log-uniform-ish: ``10 ** (3 u)``
    with ``u`` fractal noise, features of 4 to 256 cells). About ``nodata_fraction`` of the
    cells are NoData in blobs ("lakes"); valid cells cut off from the largest 8-connected
    patch are NoData too, so the network is one component and every solve is well posed.

    Returns (resistance float64, valid bool).
    """
    from scipy.ndimage import label

    side = int(round(cells ** 0.5))
    rng = np.random.default_rng(seed)
    resistance = 10.0 ** (3.0 * _smooth_noise(rng, side).astype(np.float64))
    lakes = _smooth_noise(rng, side, scales=(128, 32), amplitudes=(1.0, 0.3))
    valid = lakes < np.quantile(lakes[::5, ::5], 1.0 - nodata_fraction)
    labels, count = label(valid, structure=np.ones((3, 3), dtype=bool))
    if count > 1:
        sizes = np.bincount(labels.ravel())
        sizes[0] = 0
        valid = labels == int(np.argmax(sizes))
    del labels
    resistance[~valid] = -9999.0
    return resistance, valid


def focal_cells(valid: np.ndarray, k: int, *, margin: float = 0.05):
    """``k`` focal cells spread evenly over the grid (R2 low-discrepancy sequence), on valid
    cells, at least ``margin`` of the side from the edges. The first k of a larger set are
    the same cells, so k = 10 is a subset of k = 25 and of k = 50."""
    rows, cols = [], []
    side_r, side_c = valid.shape
    phi = 1.32471795724474602596  # plastic number: the 2-D golden ratio
    a1, a2 = 1.0 / phi, 1.0 / phi ** 2
    n = 0
    while len(rows) < k:
        n += 1
        u, v = (0.5 + a1 * n) % 1.0, (0.5 + a2 * n) % 1.0
        r = int((margin + (1 - 2 * margin) * u) * side_r)
        c = int((margin + (1 - 2 * margin) * v) * side_c)
        if valid[r, c]:
            rows.append(r)
            cols.append(c)
    return np.array(rows), np.array(cols)


def focal_raster(valid: np.ndarray, k: int) -> np.ndarray:
    rows, cols = focal_cells(valid, k)
    ids = np.zeros(valid.shape, dtype=np.int32)
    ids[rows, cols] = np.arange(1, k + 1)
    return ids


def _focal(valid: np.ndarray, k: int):
    from espcore.circuits.focal import FocalNodes

    return FocalNodes.from_raster(focal_raster(valid, k), valid)


def _fmt_seconds(seconds: float) -> str:
    return "{0:.1f} s".format(seconds) if seconds < 100 else "{0:.0f} s".format(seconds)


# ---------------------------------------------------------------- pairwise ---------------

def _naive_pairwise(g: np.ndarray, focal, pairs, *, method: str) -> dict:
    """What Circuitscape does: factorise once, then one solve (+1 A at i, -1 A at j) and one
    node-current map per pair, added into the cumulative map."""
    from espcore.circuits.graph import node_currents, raster_network
    from espcore.circuits.solvers import grounded

    watch = Stopwatch()
    with watch("network"):
        net = raster_network(g)
        laplacian = net.laplacian().tocsr()
    node = net.node_map[focal.rows, focal.cols] - 1
    with watch("factor"):
        system = grounded(laplacian, int(node[0]), method=method)
    cum = np.zeros(g.shape)
    rhs = np.zeros(net.n_nodes)
    resistances = {}
    for i, j in pairs:
        with watch("solve"):
            rhs[node[i]], rhs[node[j]] = 1.0, -1.0
            v = system.solve(rhs)
            rhs[node[i]] = rhs[node[j]] = 0.0
        with watch("currents"):
            cum += net.cell_values(node_currents(net, v))
        resistances[(i, j)] = v[node[i]] - v[node[j]]
    return {"laps": watch.laps, "cum": cum, "resistances": resistances}


def pairwise_vs_naive(*, cells: int, k: int, method: str = "cholmod",
                      naive_pairs: int = 0) -> dict:
    """Pairwise cumulative current for ``k`` focal points with
    :func:`espcore.circuits.pairwise.pairwise` (k - 1 solves and the sorted-difference
    cumulative current), then the same map the per-pair way with the same solver.
    ``naive_pairs`` > 0 caps the per-pair loop: a fixed, evenly spread sample of that many
    pairs is solved and the loop time extrapolated."""
    from espcore.circuits.circuit import MapOptions
    from espcore.circuits.graph import conductances
    from espcore.circuits.pairwise import pairwise

    resistance, valid = landscape(cells)
    g = conductances(resistance, valid, is_resistance=True)
    del resistance
    focal = _focal(valid, k)
    maps = MapOptions(current_maps=True, cumulative_only=True)

    start = time.perf_counter()
    result = pairwise(g, focal, maps=maps, method=method)
    fast = time.perf_counter() - start
    fast_peak = peak_mb()

    all_pairs = [(i, j) for i in range(k) for j in range(i + 1, k)]
    sampled = 0 < naive_pairs < len(all_pairs)
    pairs = ([all_pairs[int(p)] for p in np.linspace(0, len(all_pairs) - 1, naive_pairs)]
             if sampled else all_pairs)
    naive = _naive_pairwise(g, focal, pairs, method=method)
    laps = naive["laps"]
    per_pair = (laps["solve"] + laps["currents"]) / len(pairs)
    naive_total = laps["network"] + laps["factor"] + per_pair * len(all_pairs)

    r_fast = result.resistances[1:, 1:]
    r_gap = max(abs(r - r_fast[i, j]) / r_fast[i, j] for (i, j), r in naive["resistances"].items())
    notes = []
    if sampled:
        notes.append("per-pair loop {0} EXTRAPOLATED from {1} of {2} pairs -> {3:.1f}x faster"
                     .format(_fmt_seconds(naive_total), len(pairs), len(all_pairs),
                             naive_total / fast))
        check = "maps not compared (sampled)"
    else:
        cum_fast = result.maps["cum_curmap"]
        diff = float(np.max(np.abs(naive["cum"] - cum_fast)))
        notes.append("per-pair loop {0} ({1} pairs, all solved) -> {2:.1f}x faster"
                     .format(_fmt_seconds(naive_total), len(all_pairs), naive_total / fast))
        top = float(cum_fast.max())
        check = "cum map max |diff| {0:.1e} A = {1:.0e} of its max {2:.3g} A".format(
            diff, diff / top, top)
    notes.append("{0}; R max rel diff {1:.1e}".format(check, r_gap))
    notes.append("per-pair loop: graph {0:.1f} s, factor {1:.1f} s, {2:.3f} s/pair "
                 "(solve {3:.3f} + current map {4:.3f}); process peak with it {5:,} MB"
                 .format(laps["network"], laps["factor"], per_pair,
                         laps["solve"] / len(pairs), laps["currents"] / len(pairs), peak_mb()))
    return {"cells": g.size, "unknowns": int(np.count_nonzero(g)), "seconds": round(fast, 2),
            "peak_mb": fast_peak, "naive_seconds": round(naive_total, 2),
            "naive_extrapolated": sampled, "speedup": round(naive_total / fast, 1),
            "backend": method, "notes": notes}


# ---------------------------------------------------------------- the circuit step -------

def circuit_step(*, cells: int, k: int = 10, method: str = "auto",
                 nodata_fraction: float = 0.34) -> dict:
    """The pairwise cumulative current of ``k`` focal points as the workflow's circuit step
    runs it (:func:`espcore.circuits.pairwise.pairwise`, the solver chosen by ``auto``), with
    the graph, solver and current-map phases and the time per million cells. A third of the
    cells are NoData by default, as on the demo's rectangle around the province."""
    from espcore.circuits.circuit import MapOptions
    from espcore.circuits.graph import conductances
    from espcore.circuits.pairwise import pairwise

    resistance, valid = landscape(cells, nodata_fraction=nodata_fraction)
    g = conductances(resistance, valid, is_resistance=True)
    del resistance
    focal = _focal(valid, k)
    del valid
    lines: list = []
    marks: list = []

    class Marks:
        def update(self, fraction: float) -> None:
            marks.append((fraction, time.perf_counter()))

        def cancelled(self) -> bool:
            return False

    start = time.perf_counter()
    result = pairwise(g, focal, maps=MapOptions(current_maps=True, cumulative_only=True),
                      method=method, log=lambda t, **f: lines.append(t.format(**f)),
                      progress=Marks())
    seconds = time.perf_counter() - start
    solved = next((at for fraction, at in marks if fraction >= 0.6), start + seconds)
    solver = next((line for line in lines if line.startswith("Solver")), "solver: " + method)
    assert result.maps["cum_curmap"].max() > 0
    return {"cells": g.size, "unknowns": int(np.count_nonzero(g)), "seconds": round(seconds, 2),
            "per_million": round(seconds / g.size * 1e6, 2),
            "notes": ["{0:.2f} s per million cells; graph and solves {1:.1f} s, current map "
                      "{2:.1f} s".format(seconds / g.size * 1e6, solved - start,
                                         start + seconds - solved), solver]}


# ---------------------------------------------------------------- single solve -----------

def single_solve(*, cells: int, method: str = "auto") -> dict:
    """Graph, factorisation / AMG setup and one solve (1 A between two far-apart cells)."""
    from espcore.circuits.graph import conductances, raster_network
    from espcore.circuits.solvers import choose_method, grounded

    resistance, valid = landscape(cells)
    g = conductances(resistance, valid, is_resistance=True)
    del resistance
    rows, cols = focal_cells(valid, 2)
    del valid
    watch = Stopwatch()
    with watch("network"):
        net = raster_network(g)
        laplacian = net.laplacian().tocsr()
    source, ground = net.node_map[rows, cols] - 1
    n = net.n_nodes
    backend = choose_method(n - 1, method)
    with watch("setup"):
        system = grounded(laplacian, int(ground), method=method)
    rhs = np.zeros(n)
    rhs[source] = 1.0
    with watch("solve"):
        v = system.solve(rhs)
    residual = float(np.linalg.norm(laplacian @ v - rhs + _ground_current(rhs, ground)))
    total = watch["network"] + watch["setup"] + watch["solve"]
    notes = ["{0}: graph {1:.1f} s, {2} {3:.1f} s, solve {4:.1f} s; R = {5:.6g} ohm, "
             "residual {6:.0e}".format(backend, watch["network"],
                                        "factor" if backend != "amg" else "AMG setup",
                                        watch["setup"], watch["solve"],
                                        float(v[source] - v[ground]), residual)]
    return {"cells": g.size, "unknowns": n, "seconds": round(total, 2), "backend": backend,
            "graph_seconds": round(watch["network"], 2),
            "setup_seconds": round(watch["setup"], 2),
            "solve_seconds": round(watch["solve"], 2), "notes": notes}


def _ground_current(rhs: np.ndarray, ground: int) -> np.ndarray:
    """The current the ground takes, so that ``L v = rhs - ground current`` holds exactly."""
    out = np.zeros_like(rhs)
    out[ground] = rhs.sum()
    return out


# ---------------------------------------------------------------- Omniscape --------------

def omniscape_template(*, cells: int, radius: int = 20, block_size: int = 5) -> dict:
    """Omniscape in one process with the full-disk window template off (the general path,
    every window built and factorised afresh, as before) and on; time per window, ratio and
    the largest difference between the two current maps."""
    from espcore.circuits import omniscapewindow
    from espcore.circuits.omniscape import OmniscapeOptions, omniscape

    resistance, valid = landscape(cells)
    source = np.where(valid, 1.0 / np.where(valid, resistance, 1.0), 0.0)
    options = OmniscapeOptions(radius=radius, block_size=block_size)
    fields: dict = {}
    times, maps = {}, {}
    for enabled in (False, True):
        omniscapewindow.ENABLED = enabled
        start = time.perf_counter()
        maps[enabled] = omniscape(resistance, valid, source=source, options=options,
                                  log=lambda template, **f: fields.update(f))["cum_currmap"]
        times[enabled] = time.perf_counter() - start
    omniscapewindow.ENABLED = True
    windows = fields.get("n") or 1
    scale = np.abs(maps[False]).max()
    gap = float(np.abs(maps[True] - maps[False]).max() / scale) if scale else 0.0
    notes = ["radius {0}, block {1}, {2:,} windows, one process: general path {3:.2f} ms per "
             "window, full-disk template {4:.2f} ms -> {5:.2f}x; maps differ by {6:.1e} of "
             "their maximum".format(radius, block_size, windows, 1000 * times[False] / windows,
                                    1000 * times[True] / windows, times[False] / times[True],
                                    gap)]
    return {"cells": resistance.size, "seconds": round(times[True], 2),
            "speedup": round(times[False] / times[True], 2), "notes": notes}


def omniscape_workers(*, cells: int, radius: int = 20, block_size: int = 5,
                      workers: int = 2) -> dict:
    """The same Omniscape run on one worker (in this process) and on ``workers`` local
    processes (windows in batches); the ratio is the speed-up from the workers. The runs go
    one, several, several, one and each count's two times are averaged, so that a drift of
    the machine's speed during the case cancels out."""
    from espcore.circuits.omniscape import OmniscapeOptions, omniscape
    from espcore.executor import ProcessExecutor, SerialExecutor

    resistance, valid = landscape(cells)
    source = np.where(valid, 1.0 / np.where(valid, resistance, 1.0), 0.0)
    options = OmniscapeOptions(radius=radius, block_size=block_size)
    times: dict = {1: [], workers: []}
    maps = {}
    for count in (1, workers, workers, 1):
        executor = SerialExecutor() if count == 1 else ProcessExecutor(count)
        start = time.perf_counter()
        maps[count] = omniscape(resistance, valid, source=source, options=options,
                                executor=executor)["cum_currmap"]
        times[count].append(time.perf_counter() - start)
    one, many = sum(times[1]) / 2, sum(times[workers]) / 2
    same = bool(np.allclose(maps[1], maps[workers], rtol=1e-9, atol=0.0))
    notes = ["radius {0}, block {1}: 1 worker {2:.1f} s, {3} workers {4:.1f} s (each the mean "
             "of two runs, in the order 1, {3}, {3}, 1) -> {5:.2f}x; maps equal to 1e-9: "
             "{6}".format(radius, block_size, one, workers, many, one / many, same)]
    return {"cells": resistance.size, "seconds": round(many, 2),
            "speedup": round(one / many, 2), "notes": notes}


def omniscape_run(*, cells: int, radius: int = 20, block_size: int = 5,
                  workers: int = 0, engine: str = "local") -> dict:
    """Omniscape moving window over the landscape, sources = 1 / resistance; ``workers`` 0 =
    one process per core (espcore.executor.make_executor); ``engine="dask"`` runs the same
    windows on a dask.distributed LocalCluster (its start-up included in the time)."""
    try:
        from espcore.circuits.omniscape import OmniscapeOptions, omniscape
    except ImportError as exc:
        return {"cells": cells, "skipped": "espcore.circuits.omniscape is not importable yet "
                "({0})".format(exc)}
    from espcore.executor import make_executor

    resistance, valid = landscape(cells)
    source = np.where(valid, 1.0 / np.where(valid, resistance, 1.0), 0.0)
    executor = make_executor(workers or None, engine=engine)
    options = OmniscapeOptions(radius=radius, block_size=block_size)
    fields: dict = {}
    extra = {"log": lambda template, **f: fields.update(f)} \
        if "log" in inspect.signature(omniscape).parameters else {}
    start = time.perf_counter()
    omniscape(resistance, valid, source=source, options=options, executor=executor, **extra)
    seconds = time.perf_counter() - start
    children = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    windows = fields.get("n")
    notes = ["{6}: radius {0}, block {1}, {2} worker(s), window solver {3}; {4}largest "
             "worker peak {5:,} MB".format(
                 radius, block_size, getattr(executor, "workers", 1), fields.get("method", "?"),
                 "{0:,} windows, {1:.1f} ms wall each; ".format(windows, 1000 * seconds / windows)
                 if windows else "", children, engine)]
    return {"cells": resistance.size, "unknowns": int(np.count_nonzero(valid)),
            "seconds": round(seconds, 2), "worker_peak_mb": children, "notes": notes}
