"""Solver benchmark cases: the iterative circuit solvers against their memory-traffic model.

Each case builds the grounded 8-neighbour Laplacian of :func:`circuit_cases.landscape` and
returns a dict like bench/circuit_cases.py's (``cells``, ``unknowns``, ``seconds``,
``notes``). Run by hand::

    OMP_NUM_THREADS=1 python -c "import sys; sys.path[:0] = ['.', 'bench']; \
import solver_cases as s; print(s.single_solves(cells=1_000_000))"

The traffic model (:meth:`espcore.circuits.multigrid.BlockAmg.traffic_bytes`) divided by the
bandwidth measured here (:func:`bandwidth`) is the time a memory-bound implementation of the
same iteration needs; the notes print it beside the measured time and their ratio.
"""

from __future__ import annotations

import time

import numpy as np
from circuit_cases import Stopwatch, focal_cells, landscape, peak_mb

#: Bytes summed to measure the memory bandwidth (large enough to defeat every cache).
BANDWIDTH_BYTES = 1 << 30


def bandwidth() -> dict:
    """Memory bandwidth (bytes/s): best of three passes of ``a.sum()`` over 1 GB (reads
    only) and of ``np.copyto`` into a touched array (read + write, counted both) on one core,
    and of ``a.sum()`` split into row blocks over every core the solver's passes use
    (``sum_all``, with :mod:`espcore.circuits.rowblocks`)."""
    from espcore.circuits import rowblocks

    a = np.ones(BANDWIDTH_BYTES // 8)
    b = np.zeros_like(a)
    cores = rowblocks.available_cores()
    parts = [(a.size * i // cores, a.size * (i + 1) // cores) for i in range(cores)]
    best_sum = best_copy = best_all = 0.0
    for _ in range(3):
        start = time.perf_counter()
        a.sum()
        best_sum = max(best_sum, a.nbytes / (time.perf_counter() - start))
        start = time.perf_counter()
        np.copyto(b, a)
        best_copy = max(best_copy, 2 * a.nbytes / (time.perf_counter() - start))
        start = time.perf_counter()
        rowblocks.each(parts, lambda lo, hi: a[lo:hi].sum(), cores)
        best_all = max(best_all, a.nbytes / (time.perf_counter() - start))
    return {"sum": best_sum, "copy": best_copy, "sum_all": best_all, "cores": cores}


def grounded_system(cells: int, k: int, *, four_neighbours: bool = False):
    """(grounded Laplacian CSR, k - 1 unit-injection columns, laps) for the landscape of about
    ``cells`` cells with :func:`circuit_cases.focal_cells` ``k``; the first focal cell is the
    ground, as in pairwise mode."""
    from espcore.circuits.graph import conductances, raster_network

    watch = Stopwatch()
    with watch("landscape"):
        resistance, valid = landscape(cells)
        g = conductances(resistance, valid, is_resistance=True)
        del resistance
    rows, cols = focal_cells(valid, k)
    del valid
    with watch("network"):
        net = raster_network(g, four_neighbours=four_neighbours)
        node = net.node_map[rows, cols] - 1
        laplacian = net.laplacian().tocsr()
        del net
        free = np.ones(laplacian.shape[0], dtype=bool)
        free[node[0]] = False
        matrix = laplacian[free][:, free].tocsr()
        del laplacian
    local = np.cumsum(free) - 1
    rhs = np.zeros((matrix.shape[0], k - 1))
    rhs[local[node[1:]], np.arange(k - 1)] = 1.0
    return matrix, rhs, watch, g.size


def _fmt_bytes(value: float) -> str:
    return "{0:.2f} GB".format(value / 1e9)


def _blockamg(matrix, rhs, bw: dict, **options):
    from espcore.circuits.multigrid import BlockAmg, amg_setup_summary

    watch = Stopwatch()
    with watch("setup"):
        solver = BlockAmg(matrix, **options)
    with watch("solve"):
        x = solver.solve(rhs)
    k = rhs.shape[1]
    iterations = max(solver.iterations, 1)
    per_iteration = watch["solve"] / iterations
    # the model of the whole solve: every column group's iterations at its own width, at
    # one core's bandwidth (the yardstick of issue 22) and at all cores' (the passes use them)
    model = solver.solve_traffic_bytes() / bw["sum"]
    model_all = solver.solve_traffic_bytes() / bw["sum_all"]
    notes = ["blockamg {0}: setup {1:.1f} s, {2} columns in {3:.1f} s = {4:.2f} s per column; "
             "groups (columns, iterations) {5}, {6:.3f} s per group iteration; model {7} = "
             "{8:.1f} s at {9:.1f} GB/s (one core) -> ratio {10:.2f}, {11:.1f} s at {12:.1f} "
             "GB/s ({13} cores, {14} threads) -> ratio {15:.2f}; residual {16:.1e}".format(
                 amg_setup_summary(solver), watch["setup"], k, watch["solve"],
                 watch["solve"] / k, solver.history, per_iteration,
                 _fmt_bytes(solver.solve_traffic_bytes()), model, bw["sum"] / 1e9,
                 watch["solve"] / model, model_all, bw["sum_all"] / 1e9, bw["cores"],
                 solver.threads, watch["solve"] / model_all, solver.residual)]
    figures = {"setup": watch["setup"], "solve": watch["solve"], "iterations": iterations,
               "per_iteration": per_iteration, "model": model,
               "ratio": watch["solve"] / model, "ratio_all_cores": watch["solve"] / model_all}
    return x, notes, figures


def single_solves(*, cells: int, methods=("cholmod", "blockamg"), k: int = 10,
                  rtol: float = 0.0, **options) -> dict:
    """Set-up and solves of ``k - 1`` unit injections (pairwise mode's right-hand sides) with
    each of ``methods``: CHOLMOD (factor, block back-solve), ``superlu``, and :class:`BlockAmg`
    (the ``amg`` backend, all columns at once), with its time per iteration against the
    traffic model.
    ``rtol`` 0 takes the module's :data:`~espcore.circuits.multigrid.RTOL_MAPS`; the other
    options go to BlockAmg."""
    from espcore.circuits.multigrid import RTOL_MAPS
    from espcore.circuits.solvers import factorize

    rtol = rtol or RTOL_MAPS
    matrix, rhs, laps, size = grounded_system(cells, k)
    bw = bandwidth()
    notes = ["{0:,} unknowns, {1:,} non-zeros; graph {2:.1f} s; bandwidth sum {3:.1f} GB/s, "
             "copy {4:.1f} GB/s, sum on {5} cores {6:.1f} GB/s".format(
                 matrix.shape[0], matrix.nnz, laps["network"], bw["sum"] / 1e9,
                 bw["copy"] / 1e9, bw["cores"], bw["sum_all"] / 1e9)]
    out = {"cells": size, "unknowns": matrix.shape[0], "k": k}
    reference = None
    headline = 0.0
    for method in methods:
        watch = Stopwatch()
        if method == "blockamg":
            x, lines, figures = _blockamg(matrix, rhs, bw, rtol=rtol, **options)
            notes += lines
            out["blockamg"] = {key: round(value, 4) for key, value in figures.items()}
            headline = figures["setup"] + figures["solve"]
        else:
            with watch("setup"):
                system = factorize(matrix, method=method, rtol=rtol)
            columns = rhs if method == "cholmod" else rhs[:, :1]
            with watch("solve"):
                x = system.solve(columns)
            per = watch["solve"] / columns.shape[1]
            notes.append("{0}: setup {1:.1f} s, {2:.2f} s per column{3}".format(
                method, watch["setup"], per,
                "" if method == "cholmod" else " (1 column timed)"))
            out[method] = {"setup": round(watch["setup"], 2), "per_column": round(per, 3)}
        if reference is None and x.shape == rhs.shape:
            reference = x
        elif reference is not None:
            m = x.shape[1]
            gap = np.abs(x - reference[:, :m]).max() / np.abs(reference[:, :m]).max()
            notes.append("  {0}: max |x - x_{1}| / max |x_{1}| = {2:.1e}".format(
                method, methods[0], gap))
        del x
    out.update({"seconds": round(headline, 2), "peak_mb": peak_mb(), "notes": notes})
    return out


def pairwise_k10(*, cells: int, k: int = 10, rtol: float = 0.0, **options) -> dict:
    """The k = 10 pairwise circuit's solves with :class:`BlockAmg`, timed from the raster to
    the 9 solutions and the resistance matrix (graph, hierarchy, block solve), 8-neighbour,
    on :func:`circuit_cases.landscape` with :func:`circuit_cases.focal_cells`."""
    from espcore.circuits.multigrid import RTOL_MAPS, BlockAmg, amg_setup_summary

    rtol = rtol or RTOL_MAPS
    bw = bandwidth()
    matrix, rhs, laps, size = grounded_system(cells, k)
    watch = Stopwatch()
    with watch("setup"):
        solver = BlockAmg(matrix, rtol=rtol, **options)
    with watch("solve"):
        x = solver.solve(rhs)
        at = rhs.T @ x  # potentials at the focal nodes; the ground is 0 V
        diag = np.diag(at)
        resistances = diag[:, None] + diag[None, :] - at - at.T
    total = laps["network"] + watch["setup"] + watch["solve"]
    per_iteration = watch["solve"] / max(solver.iterations, 1)
    model = solver.solve_traffic_bytes() / bw["sum"]
    notes = ["{0:,} unknowns: graph {1:.1f} s, setup {2:.1f} s ({3}), {4} columns in {5:.1f} s "
             "(groups (columns, iterations) {6}, {7:.2f} s per group iteration; model {8:.1f} s"
             " at {9:.1f} GB/s, ratio {10:.2f}); total {11:.1f} s against 120 s; R[1, 2] = "
             "{12:.6g} ohm".format(
                 matrix.shape[0], laps["network"], watch["setup"], amg_setup_summary(solver),
                 k - 1, watch["solve"], solver.history, per_iteration, model,
                 bw["sum"] / 1e9, watch["solve"] / model, total, resistances[0, 1])]
    return {"cells": size, "unknowns": matrix.shape[0], "seconds": round(total, 2),
            "graph_seconds": round(laps["network"], 2),
            "setup_seconds": round(watch["setup"], 2),
            "solve_seconds": round(watch["solve"], 2), "iterations": solver.iterations,
            "model_ratio": round(watch["solve"] / model, 2), "peak_mb": peak_mb(),
            "notes": notes}


def tolerance_study(*, cells: int, k: int = 10, rtols=(1e-5, 1e-6, 1e-7, 1e-8, 1e-9)) -> dict:
    """What each ``rtol`` gives the pairwise outputs, against CHOLMOD: the largest relative
    error of the k x k resistances read as point values (what pairwise mode does), read
    through :func:`espcore.circuits.multigrid.energy_products`, and of the cumulative
    current map (relative to its maximum)."""
    from espcore.circuits.circuit import MapOptions
    from espcore.circuits.graph import conductances, raster_network
    from espcore.circuits.multigrid import BlockAmg, energy_products
    from espcore.circuits.pairwise import _cumulative_cells
    from espcore.circuits.solvers import factorize

    resistance, valid = landscape(cells)
    g = conductances(resistance, valid, is_resistance=True)
    rows, cols = focal_cells(valid, k)
    net = raster_network(g)
    node = net.node_map[rows, cols] - 1
    laplacian = net.laplacian().tocsr()
    free = np.ones(laplacian.shape[0], dtype=bool)
    free[node[0]] = False
    matrix = laplacian[free][:, free].tocsr()
    local = np.cumsum(free) - 1
    rhs = np.zeros((matrix.shape[0], k - 1))
    rhs[local[node[1:]], np.arange(k - 1)] = 1.0
    maps = MapOptions(current_maps=True, cumulative_only=True)

    def outputs(x, energy):
        at = energy if energy is not None else rhs.T @ x
        diag = np.diag(at)
        full = np.zeros((net.n_nodes, k))
        full[free, 1:] = x
        cum = _cumulative_cells(net, full, node, np.ones(k), g, maps)
        return diag[:, None] + diag[None, :] - at - at.T, cum

    exact = factorize(matrix, method="cholmod").solve(rhs)
    r_ref, cum_ref = outputs(exact, None)
    off = ~np.eye(k - 1, dtype=bool)
    top = float(cum_ref.max())
    notes = []
    solver = BlockAmg(matrix, rtol=rtols[0])
    for rtol in rtols:
        solver.rtol = rtol
        x = solver.solve(rhs)
        r_point, cum = outputs(x, None)
        r_energy, _ = outputs(x, energy_products(matrix, rhs, x))
        gap = np.abs(cum - cum_ref)[valid].max() / top
        notes.append("rtol {0:.0e}: {1} iterations; R rel error point values {2:.1e}, energy "
                     "products {3:.1e}; cum current map {4:.1e} of its max".format(
                         rtol, solver.iterations,
                         float(np.max(np.abs(r_point - r_ref)[off] / r_ref[off])),
                         float(np.max(np.abs(r_energy - r_ref)[off] / r_ref[off])), gap))
    return {"cells": g.size, "unknowns": matrix.shape[0], "seconds": 0.0, "notes": notes}
