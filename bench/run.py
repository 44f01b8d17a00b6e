"""Benchmarks: wall time and peak memory of the core on large synthetic grids.

Usage: python bench/run.py [--cells N]
Each case runs in a fresh subprocess so that its peak resident memory (ru_maxrss) is its own.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def case_resistance(cells):
    """CLCD land cover reclassified, corrected by a light raster, one factor overlaid."""
    import numpy as np

    from espcore import Grid
    from espcore.presets import CLCD
    from espcore.resistance import resistance_surface

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


CASES = {"resistance_surface": case_resistance}


def run_case(name, cells):
    result = CASES[name](cells)
    result["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(result))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cells", type=int, default=10_000_000)
    parser.add_argument("--case", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, ROOT)
    if args.case:
        run_case(args.case, args.cells)
        return
    print("machine: {0} cores, python {1}".format(os.cpu_count(), sys.version.split()[0]))
    for name in CASES:
        done = subprocess.run([sys.executable, __file__, "--case", name, "--cells",
                               str(args.cells)], capture_output=True, text=True, check=True)
        result = json.loads(done.stdout.strip().splitlines()[-1])
        print("{0:<22} {1:>12,} cells  {2:>7.2f} s  peak {3:>6,} MB".format(
            name, result["cells"], result["seconds"], result["peak_mb"]))


if __name__ == "__main__":
    main()
