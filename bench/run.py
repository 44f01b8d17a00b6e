"""Benchmarks: wall time and peak memory of the core on large synthetic grids.

Usage: python bench/run.py [--only PATTERNS] [--cells N] [--naive-pairs N] [--list]
Each case runs in a fresh subprocess, one at a time, so that its peak resident memory
(ru_maxrss) is its own. Every case has its own grid size; --cells overrides it for all
selected cases. Cases marked "extra" run only when --only names them.
"""

import argparse
import fnmatch
import json
import os
import platform
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.dirname(os.path.abspath(__file__))


def case_resistance(cells):
    """CLCD land cover reclassified, corrected by a light raster, one factor overlaid."""
    import numpy as np

    from espcore import Grid
    from espcore.resistance.presets import CLCD
    from espcore.resistance.surface import resistance_surface

    side = int(cells ** 0.5)
    rng = np.random.default_rng(42)
    gt = (0.0, 30.0, 0.0, side * 30.0, 0.0, -30.0)
    landcover = Grid.from_array(rng.integers(0, 10, (side, side), dtype=np.uint8), nodata=0,
                                geotransform=gt)
    light = Grid.from_array(rng.random((side, side), dtype=np.float32) * 60, geotransform=gt)
    dem = Grid.from_array(rng.random((side, side), dtype=np.float32) * 2000, geotransform=gt)
    start = time.perf_counter()
    resistance_surface(landcover, CLCD.table(), correction=light, factors={"dem": dem},
                       factor_weights=[0.2], landcover_weight=0.8)
    return {"cells": side * side, "seconds": round(time.perf_counter() - start, 2)}


def _case(module, name):
    """A case function of bench/<module>.py, imported in the case's own process."""
    def call(**params):
        import importlib

        return getattr(importlib.import_module(module), name)(**params)
    return call


def _circuit(name):
    return _case("circuit_cases", name)


M = 1_000_000
#: name -> (function, parameters, runs by default). Heavy cases run one at a time anyway.
CASES = {
    # Sources: issue 4's targets are < 60 s and < 4 GB each.
    "mspa_10m": (_case("mspa_cases", "mspa_run"), {"cells": 10 * M}, True),
    # Issue 22: ours against the GuidosToolbox engine (pyguidos, in .venv-bench) at edge
    # widths 1-10, each run its own process; time and memory ratios, codes compared.
    "mspa_vs_guidos": (_case("mspa_cases", "mspa_vs_guidos"), {"cells": 10 * M}, False),
    "habitat_4m": (_case("habitat_cases", "habitat_run"), {"cells": 4 * M, "threats": 4}, True),
    "dpc_1000": (_case("connectivity_cases", "dpc_run"), {"cells": 4 * M, "patches": 1000},
                 True),
    "resistance_surface": (case_resistance, {"cells": 10 * M}, True),
    # pairwise(): k - 1 solves + sorted-difference cumulative current, against the per-pair
    # loop (one solve and one current map per pair) with the same CHOLMOD factor.
    "pairwise_k10": (_circuit("pairwise_vs_naive"), {"cells": M, "k": 10}, True),
    "pairwise_k25": (_circuit("pairwise_vs_naive"), {"cells": M, "k": 25}, True),
    "pairwise_k50": (_circuit("pairwise_vs_naive"), {"cells": M, "k": 50}, True),
    # graph + factorisation / AMG setup + one solve; 'auto' picks the backend by size.
    "solve_1m": (_circuit("single_solve"), {"cells": M}, True),
    "solve_4m": (_circuit("single_solve"), {"cells": 4 * M}, True),
    "solve_16m": (_circuit("single_solve"), {"cells": 16 * M}, True),
    # extra: what 'auto' gives up at 4M (CHOLMOD wins from the second solve).
    "solve_4m_amg": (_circuit("single_solve"), {"cells": 4 * M, "method": "amg"}, False),
    # Issue 22: the circuit step (pairwise k = 10, cumulative current, 'auto') at the
    # workflow's four sizes: its time per million cells must stay within 2x.
    "circuit_1m3": (_circuit("circuit_step"), {"cells": 1_327_360}, False),
    "circuit_5m3": (_circuit("circuit_step"), {"cells": 5_309_440}, False),
    "circuit_10m6": (_circuit("circuit_step"), {"cells": 10_618_880}, False),
    "circuit_21m": (_circuit("circuit_step"), {"cells": 21_237_760}, False),
    # The 9 right-hand sides of k = 10 with each backend, per column and per CG iteration
    # against the V-cycle's traffic over the measured memory bandwidth (16M: AMG only, the
    # direct factor would take most of the memory).
    "solves_1m": (_case("solver_cases", "single_solves"), {"cells": M}, False),
    "solves_4m": (_case("solver_cases", "single_solves"), {"cells": 4 * M}, False),
    "solves_16m": (_case("solver_cases", "single_solves"),
                   {"cells": 16 * M, "methods": ("blockamg",)}, False),
    "omniscape_1m": (_circuit("omniscape_run"), {"cells": M, "radius": 20, "block_size": 5},
                     True),
    # extra (issue 19): the same windows, 2 workers, local process pool against a Dask
    # LocalCluster: the Dask overhead on the same work.
    "omniscape_pool_2": (_circuit("omniscape_run"),
                         {"cells": M // 4, "radius": 20, "block_size": 5, "workers": 2}, False),
    # issue 23: the window template against the general path, and 2 workers against 1.
    "omniscape_template": (_circuit("omniscape_template"),
                           {"cells": M // 4, "radius": 20, "block_size": 5}, True),
    "omniscape_workers": (_circuit("omniscape_workers"),
                          {"cells": M // 4, "radius": 20, "block_size": 5}, True),
    "omniscape_dask_2": (_circuit("omniscape_run"),
                         {"cells": M // 4, "radius": 20, "block_size": 5, "workers": 2,
                          "engine": "dask"}, False),
    "mspa_tiles_accuracy": (_case("scale_accuracy_cases", "mspa_tiles_accuracy"),
                            {"cells": 9 * M}, False),
    "pairwise_coarse_accuracy": (_case("scale_accuracy_cases", "pairwise_coarse_accuracy"),
                                 {"cells": 4 * M}, False),
    # Zoning (issue 6): the core of both zoning tools, 122 units.
    "zoning_16m": (_case("zoning_cases", "zoning_run"), {"cells": 16 * M}, True),
    # Corridors (issue 5)
    "corridors_30": (_case("corridor_cases", "corridors_run"), {"cells": 4 * M, "sources": 30},
                     True),
    "barriers_3r": (_case("corridor_cases", "barriers_run"), {"cells": 4 * M, "radii": 3}, True),
    "cost_vs_grass": (_case("corridor_cases", "cost_vs_grass"), {"cells": 4 * M}, True),
    # The one-stop workflow (issue 7) through PyQGIS, report included: the demo's 1 km grid
    # (212,000 cells) and the same landscape at 250 m (16 times the cells).
    "workflow_demo": (_case("workflow_cases", "workflow_run"), {"cell": 1000.0, "cells": None},
                      True),
    "workflow_250m_unshared": (_case("workflow_cases", "workflow_run"),
                               {"cell": 250.0, "cells": None, "share": False}, False),
    "workflow_250m": (_case("workflow_cases", "workflow_run"), {"cell": 250.0, "cells": None},
                      True),
    # Issue 22: the circuit step per million cells must stay within 2x from 1.3M to 21M
    # cells (500 m, 250 m, 177 m and 125 m: each twice or four times the cells of the last).
    "workflow_500m": (_case("workflow_cases", "workflow_run"), {"cell": 500.0, "cells": None},
                      False),
    "workflow_177m": (_case("workflow_cases", "workflow_run"),
                      {"cell": 176.7767, "cells": None, "radii_cells": (11, 33, 11)}, False),
    "workflow_125m": (_case("workflow_cases", "workflow_run"), {"cell": 125.0, "cells": None},
                      False),
    # Issue 19: the 30 m tasks (1e7 cells, three prefectures) on 1, 2 and 4 Dask workers and
    # on the local process pool, for the throughput per worker and the Dask overhead.
    **{"omniscape_30m_{0}{1}".format(engine, n): (
        _case("scale_cases", "omniscape_30m"),
        {"cells": None, "workers": n, "engine": engine}, False)
       for engine, counts in (("dask", (1, 2, 4)), ("pool", (2,))) for n in counts},
    **{"costdist_30m_{0}{1}".format(engine, n): (
        _case("scale_cases", "cost_distances_30m"),
        {"cells": None, "workers": n, "engine": engine}, False)
       for engine, counts in (("dask", (1, 2, 4)), ("pool", (2,))) for n in counts},
    # Issue 19: Hunan at 100 m (21 million cells) within this machine's 24 GB.
    "workflow_100m": (_case("workflow_cases", "workflow_run"), {"cell": 100.0, "cells": None},
                      False),
    # Issue 21: evaluate_sites, 100 candidate sites on the demo's pattern at 500 m (the chain
    # runs once, cached in /tmp): serially; then with one greedy portfolio (extra); serial
    # against 2 workers (pool, Dask), gains compared; serial and pool twice in turn.
    "programme_sites_500m_serial": (_case("programme_cases", "programme_sites"),
                                    {"cells": None}, True),
    "programme_portfolio_500m": (_case("programme_cases", "programme_sites"),
                                 {"cells": None, "portfolio": True}, False),
    "programme_sites_500m_pool2": (_case("programme_cases", "programme_sites"),
                                   {"cells": None, "engines": ("serial", "pool2")}, False),
    "programme_sites_500m_dask2": (_case("programme_cases", "programme_sites"),
                                   {"cells": None, "engines": ("serial", "pool2", "dask2")},
                                   False),
    "programme_sites_500m_alternate": (_case("programme_cases", "programme_sites"),
                                       {"cells": None, "engines": ("serial", "pool2"),
                                        "repeats": 2}, False),
}


def run_case(name, overrides):
    function, params, _ = CASES[name]
    params = dict(params)
    for key, value in overrides.items():
        if key in params or (key == "naive_pairs" and "k" in params):
            params[key] = value
    result = function(**params)
    result.setdefault("peak_mb", round(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
    print(json.dumps(result))


def selected(patterns):
    if not patterns:
        return [name for name, (_, _, default) in CASES.items() if default]
    wanted = [p.strip() for p in patterns.split(",") if p.strip()]
    names = [name for name in CASES if any(fnmatch.fnmatchcase(name, p) for p in wanted)]
    if not names:
        sys.exit("no case matches {0!r}; cases: {1}".format(patterns, ", ".join(CASES)))
    return names


def machine():
    import numpy
    import scipy

    extras = []
    for module, label in (("sksparse", "scikit-sparse"), ("pyamg", "pyamg")):
        try:
            extras.append("{0} {1}".format(label, __import__(module).__version__))
        except (ImportError, AttributeError):
            extras.append("{0} missing".format(label))
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30
    return "{0}, {1} cores, {2:.0f} GB; python {3}, numpy {4}, scipy {5}, {6}".format(
        platform.machine(), os.cpu_count(), memory, sys.version.split()[0], numpy.__version__,
        scipy.__version__, ", ".join(extras))


ROW = "{0:<18} {1:>11} {2:>10} {3:>9} {4:>8}  {5}"


def print_row(name, result):
    if "skipped" in result:
        print(ROW.format(name, "{0:,}".format(result["cells"]), "-", "-", "-",
                         "SKIPPED: " + result["skipped"]))
        return
    notes = result.get("notes") or [""]
    unknowns = result.get("unknowns")
    print(ROW.format(name, "{0:,}".format(result["cells"]),
                     "{0:,}".format(unknowns) if unknowns else "",
                     "{0:.2f}".format(result["seconds"]),
                     "{0:,}".format(result["peak_mb"]), notes[0]))
    for line in notes[1:]:
        print(ROW.format("", "", "", "", "", line))


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", metavar="PATTERNS",
                        help="comma-separated case names or globs, e.g. 'pairwise_*,solve_1m'")
    parser.add_argument("--cells", type=int, help="grid size (cells) for every selected case")
    parser.add_argument("--naive-pairs", type=int, default=0, metavar="N",
                        help="pairwise cases: solve only an evenly spread sample of N pairs "
                             "in the per-pair loop and extrapolate its time (0 = all pairs)")
    parser.add_argument("--json", metavar="PATH", help="also write the results to PATH")
    parser.add_argument("--list", action="store_true", help="list the cases and exit")
    parser.add_argument("--case", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path[:0] = [ROOT, BENCH]
    overrides = {"naive_pairs": args.naive_pairs}
    if args.cells:
        overrides["cells"] = args.cells
    if args.case:
        run_case(args.case, overrides)
        return
    if args.list:
        for name, (_, params, default) in CASES.items():
            print("{0:<18} {1}{2}".format(name, params, "" if default else "  (extra)"))
        return
    print("machine: " + machine())
    print(ROW.format("case", "cells", "unknowns", "seconds", "peak MB", "details"), flush=True)
    results, failed, begin = {}, [], time.perf_counter()
    for name in selected(args.only):
        command = [sys.executable, __file__, "--case", name,
                   "--naive-pairs", str(args.naive_pairs)]
        if args.cells:
            command += ["--cells", str(args.cells)]
        done = subprocess.run(command, capture_output=True, text=True)
        lines = done.stdout.strip().splitlines()
        if done.returncode != 0 or not lines:
            reason = (done.stderr.strip().splitlines() or ["exit status {0}".format(
                done.returncode)])[-1]
            if done.returncode < 0:
                reason = "killed by signal {0} (out of memory?)".format(-done.returncode)
            print(ROW.format(name, "", "", "-", "-", "FAILED: " + reason))
            failed.append(name)
            continue
        results[name] = json.loads(lines[-1])
        print_row(name, results[name])
        sys.stdout.flush()
    print("total {0:.0f} s".format(time.perf_counter() - begin))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as stream:
            json.dump(results, stream, indent=1)
    if failed:
        sys.exit("failed: " + ", ".join(failed))


if __name__ == "__main__":
    main()
