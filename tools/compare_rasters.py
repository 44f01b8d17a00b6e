#!/usr/bin/python3
"""Compare the demo's rasters between legs of the version matrix (tools/matrix.sh).

Usage: tools/compare_rasters.py NAME=FOLDER NAME=FOLDER [...]

The first folder is the reference. For every GeoTIFF in it, each other folder's file of the same
name is read and compared cell by cell: the NoData masks, and the largest difference over the
cells valid in both, absolute and relative to the reference's largest absolute value. Prints one
Markdown table and the largest relative difference; exits 1 when a file is missing, a grid
differs or a relative difference exceeds --tolerance.

Runs under any Python with numpy and GDAL's bindings (Debian's /usr/bin/python3 with QGIS).
"""

import argparse
import sys
from pathlib import Path

import numpy as np
from osgeo import gdal

gdal.UseExceptions()


def read(path):
    """The first band as float64 and its validity mask; the grid as (shape, geotransform)."""
    dataset = gdal.Open(str(path))
    band = dataset.GetRasterBand(1)
    values = band.ReadAsArray().astype(np.float64)
    nodata = band.GetNoDataValue()
    valid = np.isfinite(values)
    if nodata is not None:
        valid &= values != nodata
    return values, valid, (values.shape, dataset.GetGeoTransform())


def compare(reference, other):
    """(NoData cells that differ, largest |difference|, largest relative difference)."""
    ref_values, ref_valid, ref_grid = read(reference)
    values, valid, grid = read(other)
    if grid[0] != ref_grid[0] or not np.allclose(grid[1], ref_grid[1]):
        raise ValueError("grid {0} differs from {1}".format(grid, ref_grid))
    both = ref_valid & valid
    mask_differences = int(np.count_nonzero(ref_valid != valid))
    if not both.any():
        return mask_differences, 0.0, 0.0
    difference = np.abs(values[both] - ref_values[both])
    scale = float(np.max(np.abs(ref_values[both])))
    largest = float(difference.max())
    return mask_differences, largest, largest / scale if scale > 0 else largest


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", metavar="NAME=FOLDER")
    parser.add_argument("--tolerance", type=float, default=1e-6,
                        help="largest relative difference accepted (default 1e-6)")
    args = parser.parse_args(argv)
    legs = [item.split("=", 1) for item in args.folders]
    if len(legs) < 2 or any(len(leg) != 2 for leg in legs):
        parser.error("give at least two NAME=FOLDER arguments")
    (ref_name, ref_folder), others = legs[0], legs[1:]
    rasters = sorted(Path(ref_folder).rglob("*.tif"))
    print("| raster | " + " | ".join(
        "{0} vs {1}: NoData cells differing, max abs diff, max rel diff".format(name, ref_name)
        for name, _ in others) + " |")
    print("| --- " * (len(others) + 1) + "|")
    worst, worst_where, problems = 0.0, "", []
    for raster in rasters:
        relative_name = raster.relative_to(ref_folder)
        cells = []
        for name, folder in others:
            other = Path(folder) / relative_name
            if not other.exists():
                cells.append("missing")
                problems.append("{0}: {1} missing".format(name, relative_name))
                continue
            try:
                masks, largest, relative = compare(raster, other)
            except ValueError as error:
                cells.append("grid differs")
                problems.append("{0}: {1}: {2}".format(name, relative_name, error))
                continue
            cells.append("{0}, {1:.3g}, {2:.3g}".format(masks, largest, relative))
            if relative > worst:
                worst, worst_where = relative, "{0} in {1}".format(relative_name, name)
            if relative > args.tolerance or masks:
                problems.append("{0}: {1}: relative difference {2:.3g}, {3} NoData cells "
                                "differ".format(name, relative_name, relative, masks))
        print("| {0} | {1} |".format(relative_name, " | ".join(cells)))
    print()
    print("{0} rasters compared; largest relative difference {1:.3g}{2}".format(
        len(rasters), worst, " ({0})".format(worst_where) if worst_where else ""))
    for problem in problems:
        print("DIFFERS: " + problem)
    return 1 if problems or not rasters else 0


if __name__ == "__main__":
    sys.exit(main())
