"""`make demo-scale`: the province-scale route on a synthetic Hunan-like landscape at 30 m.

Three prefectures of four counties (tools/scale_landscape.py, 3e7 cells by default) go
through the steps that run as tasks on a Dask LocalCluster of several worker processes, the
numeric core only (no QGIS), every input read by window from GeoTIFFs and every output
written by window:

1. resistance surface (CLCD preset) by tiles;
2. habitat quality (InVEST, the demo's threat tables) by overlapping tiles;
3. sources: the largest high-quality forest patches (whole-raster labels, uint8/int32);
4. per-source cost-distance surfaces, one task per source, into a folder store;
5. Omniscape's wall-to-wall current by tiles (exact: the same windows as one run);
6. restoration zones by tiles, with the zone area per county and prefecture.

``--check`` then runs the same steps on a corner of the landscape both on the cluster and in
one process on whole arrays and prints the largest difference of every map, and each run
prints the peak memory of the client and of the largest worker. A rerun resumes: finished
tiles are kept beside the outputs until the step's output is written.
"""

import argparse
import csv
import os
import sys
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[:0] = [ROOT, os.path.join(ROOT, "tools")]

from osgeo import gdal  # noqa: E402
from peaks import Peaks  # noqa: E402
from scale_landscape import CELL, make_landscape, tables  # noqa: E402

gdal.UseExceptions()


class Clock:
    """Prints each step with its time; keeps them for the summary."""

    def __init__(self):
        self.rows = []

    def __call__(self, name, function, *args, **kwargs):
        print("== " + name, flush=True)
        start = time.perf_counter()
        result = function(*args, **kwargs)
        seconds = time.perf_counter() - start
        self.rows.append((name, seconds))
        print("   {0:.1f} s".format(seconds), flush=True)
        return result


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", default=os.path.join(ROOT, "build", "demo-scale"))
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--cols", type=int, default=6000)
    parser.add_argument("--workers", type=int, default=max(2, os.cpu_count() or 1))
    parser.add_argument("--scheduler", help="a running Dask scheduler (default: LocalCluster)")
    parser.add_argument("--check", type=int, default=1200, metavar="CELLS",
                        help="side of the corner compared with a one-process run (0: skip)")
    args = parser.parse_args()
    os.makedirs(args.folder, exist_ok=True)

    from scale_steps import Steps

    from espcore.executor import DaskExecutor

    clock = Clock()
    cluster = None
    address = args.scheduler
    if address is None:
        # One LocalCluster for every step (each run would otherwise start its own).
        from distributed import LocalCluster

        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        address = cluster.scheduler_address
        print("Dask LocalCluster of {0} worker processes at {1}".format(args.workers, address))
    executor = DaskExecutor(args.workers, address)
    scape = clock("landscape: {0:,} x {1:,} cells of {2:g} m ({3:,} cells)".format(
        args.rows, args.cols, CELL, args.rows * args.cols),
        make_landscape, os.path.join(args.folder, "landscape"), args.rows, args.cols)
    steps = Steps(scape, os.path.join(args.folder, "out"), tables(), executor)
    with Peaks() as peaks:
        for name, step in steps.all():
            clock(name, step)
    steps.write_tally(os.path.join(args.folder, "out", "zones_by_county.csv"))
    print("peak memory of the chain: client {0:,} MB, largest worker {1:,} MB".format(
        *peaks.mb()))

    if args.check:
        side = min(args.check, args.rows, args.cols)
        print("== check: a {0} x {0} corner on the cluster and in one process".format(side))
        from scale_steps import compare_corner

        for name, difference in compare_corner(scape, os.path.join(args.folder, "check"),
                                               side, tables(), executor):
            print("   {0:<24} largest difference {1:.3g}".format(name, difference))
    if cluster is not None:
        cluster.close()
    print("summary:")
    for name, seconds in clock.rows:
        print("   {0:>8.1f} s  {1}".format(seconds, name))
    with open(os.path.join(args.folder, "out", "zones_by_county.csv"), encoding="utf-8") as f:
        rows = list(csv.reader(f))
    print("zones by county: {0} rows in {1}".format(len(rows) - 1, f.name))


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
