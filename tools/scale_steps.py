"""The steps of `make demo-scale` (tools/demo_scale.py), on the numeric core alone.

Each step reads GeoTIFF windows, runs its tiles (or sources) as tasks on the executor it is
given, keeps the finished parts in a folder beside its output (a rerun resumes) and writes
its output band by band. :func:`compare_corner` runs the same steps on a corner both ways
(tiles on the cluster, whole arrays in one process) and yields the largest differences.
"""

import csv
import os
import shutil

import numpy as np
from osgeo import gdal
from scipy import ndimage

from espcore.circuits.omniscape import OmniscapeOptions, omniscape
from espcore.corridors.costdistance import SourceDistances
from espcore.rasterfile import RasterFile, close, create_like, write_window
from espcore.resistance.presets import CLCD
from espcore.resistance.surface import resistance_surface
from espcore.resistance.surfacetiles import PART, resistance_tiles
from espcore.sources.habitat import habitat_quality, parse_sensitivity, parse_threats
from espcore.sources.habitattiles import QUALITY, habitat_tiles
from espcore.tiled import PartStore, assemble_file
from espcore.zoning.zones import ZONE_NAMES, ZONES, restoration_zones, zone_tally, zoning_elements
from espcore.zoning.zonetiles import ZONES_PART, zone_tiles

#: Tile sides: about 64 MB of float64 per read window.
TILE = 2048
#: Omniscape at 30 m: a 900 m radius, one target per 21 x 21 cells (630 m).
OMNISCAPE = dict(radius=30, block_size=21, source_from_resistance=True, r_cutoff=1e9)
#: Sources: forest patches of at least this many cells (1 km2 at 30 m) with quality >= 0.8.
SOURCE_CELLS = 1111
SOURCE_QUALITY = 0.8
SOURCES = 8


def _rows(path):
    with open(path, encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def habitat_tables(tables):
    threats = parse_threats(_rows(tables["threats"]), unit="km")
    habitat, sensitivity = parse_sensitivity(_rows(tables["sensitivity"]),
                                             [t.name for t in threats])
    return threats, habitat, sensitivity


def _write(store, tiles, name, like, path, dtype="float32", nodata=-9999.0, mode="crop"):
    target = create_like(path + ".part.tif", like, dtype=dtype, nodata=nodata)
    assemble_file(store, tiles, name, target, dtype=dtype, nodata=nodata, mode=mode)
    close(target)
    os.replace(path + ".part.tif", path)
    store.remove()
    return RasterFile(path)


def _write_array(path, like, array, kind=gdal.GDT_Int32, nodata=0):
    source = gdal.Open(like)
    out = gdal.GetDriverByName("GTiff").Create(path, source.RasterXSize, source.RasterYSize,
                                               1, kind, options=["TILED=YES", "COMPRESS=DEFLATE",
                                                                 "BIGTIFF=IF_SAFER"])
    out.SetGeoTransform(source.GetGeoTransform())
    out.SetProjection(source.GetProjection())
    out.GetRasterBand(1).SetNoDataValue(nodata)
    out.GetRasterBand(1).WriteArray(array)
    out = None
    return RasterFile(path)


def source_ids(cover, quality, counties):
    """The sources: in each county its largest forest patch with quality >= SOURCE_QUALITY
    of at least ``SOURCE_CELLS`` cells (8-connected), the ``SOURCES`` largest of them
    numbered 1.. by size. One per county, as county-level plans pick them, so that every
    county holds one at most and the hills that run across counties give several sources."""
    good = (cover == 2) & (np.nan_to_num(quality) >= SOURCE_QUALITY)
    found = []
    for county in np.unique(counties[counties > 0]):
        labels, count = ndimage.label(good & (counties == county), structure=np.ones((3, 3)))
        if count == 0:
            continue
        sizes = np.bincount(labels.ravel())
        sizes[0] = 0
        best = int(np.argmax(sizes))
        if sizes[best] >= SOURCE_CELLS:
            found.append((int(sizes[best]), int(county), labels == best))
    found.sort(key=lambda item: (-item[0], item[1]))
    ids = np.zeros(cover.shape, dtype=np.int32)
    for number, (_size, _county, cells) in enumerate(found[:SOURCES], start=1):
        ids[cells] = number
    return ids


class Steps:
    """The chain of the demo on one landscape, writing into ``out``."""

    def __init__(self, scape, out, tables, executor):
        self.scape, self.out, self.executor = scape, out, executor
        self.threats, self.habitat, self.sensitivity = habitat_tables(tables)
        os.makedirs(out, exist_ok=True)
        self.landcover = RasterFile(scape.path("landcover"))
        self.tally = None

    def path(self, name):
        return os.path.join(self.out, name + ".tif")

    def store(self, name):
        return PartStore(os.path.join(self.out, ".parts-" + name))

    def all(self):
        return [("resistance surface by tiles (CLCD preset)", self.resistance),
                ("habitat quality by overlapping tiles (threats reach 4 and 10 km)",
                 self.habitat_quality),
                ("sources: the largest high-quality forest patches", self.sources),
                ("cost-distance surfaces, one task per source", self.cost_distances),
                ("Omniscape by tiles (exact windows)", self.omniscape),
                ("restoration zones by tiles, tallied per county", self.zones)]

    def resistance(self):
        store = self.store("resistance")
        result = resistance_tiles(self.landcover, dict(CLCD.table()), store=store, tile=TILE,
                                  executor=self.executor)
        print("   {0} tiles ({1} kept from an earlier run); resistance {2:g} to {3:g}".format(
            len(result.tiles), result.run.resumed, result.low, result.high))
        self.resistance_file = _write(store, result.tiles, PART, self.landcover,
                                      self.path("resistance"))

    def habitat_quality(self):
        store = self.store("habitat")
        threats = {t.name: RasterFile(self.scape.path("threat_" + t.name))
                   for t in self.threats}
        result = habitat_tiles(self.landcover, threats, self.threats, self.habitat,
                               self.sensitivity, store=store, tile=TILE, half_saturation=0.2,
                               executor=self.executor)
        print("   {0} tiles; highest degradation {1:.4g}, mean quality {2:.4f}".format(
            len(result.tiles), result.max_degradation, result.mean_quality))
        self.quality_file = _write(store, result.tiles, QUALITY, self.landcover,
                                   self.path("habitat_quality"))

    def sources(self):
        cover = gdal.Open(self.landcover.path).ReadAsArray()
        quality = gdal.Open(self.quality_file.path).ReadAsArray()
        quality[quality == -9999.0] = np.nan
        ids = source_ids(cover, quality, gdal.Open(self.scape.path("counties")).ReadAsArray())
        del cover, quality
        print("   {0} sources, {1:,} cells".format(int(ids.max()), int(np.count_nonzero(ids))))
        self.sources_file = _write_array(self.path("sources"), self.landcover.path, ids)

    def cost_distances(self):
        from espcore.corridors.surfacestore import FolderStore
        from espcore.corridors.surfacetasks import prefetch_surfaces

        folder = os.path.join(self.out, ".surfaces")
        os.makedirs(folder, exist_ok=True)
        computed = prefetch_surfaces(self.sources_file, self.resistance_file,
                                     store=FolderStore(folder), executor=self.executor)
        print("   {0} surfaces computed (the others kept from an earlier run), in "
              "{1}".format(computed, folder))

    def omniscape(self):
        from espcore.circuits.omniscapetiles import (
            assemble_omniscape,
            omniscape_tiles,
            plan_tiles,
        )

        store = self.store("omniscape")
        options = OmniscapeOptions(**OMNISCAPE)
        resistance = self.resistance_file
        run = omniscape_tiles(resistance, options=options, store=store,
                              executor=self.executor)
        tiles = plan_tiles(resistance.shape, options)
        print("   {0} tiles ({1} kept from an earlier run)".format(len(tiles), run.resumed))
        path = self.path("omniscape_current")
        target = create_like(path + ".part.tif", resistance, dtype="float32",
                             nodata=-9999.0)
        assemble_omniscape(store, tiles, resistance, options, {
            "cum_currmap": lambda top, band: write_window(
                target, top, 0, np.where(np.isnan(band), -9999.0, band).astype(np.float32))})
        close(target)
        os.replace(path + ".part.tif", path)
        store.remove()
        self.current_file = RasterFile(path)

    def zones(self):
        store = self.store("zones")
        result = zone_tiles(self.resistance_file, sources=self.sources_file,
                            quality=self.quality_file, units=RasterFile(
                                self.scape.path("counties")),
                            cell_area=(30.0 * 30.0) / 1e6, store=store, tile=TILE,
                            executor=self.executor)
        self.tally = result
        print("   degraded land: quality below {0:.4g} ({1:,} cells)".format(
            result.degraded_limit, result.key_cells.get("degraded", 0)))
        _write(store, result.tiles, ZONES_PART, self.landcover, self.path("zones"),
               dtype="uint8", nodata=0)

    def write_tally(self, path):
        result = self.tally
        with open(path, "w", newline="", encoding="utf-8") as handle:
            out = csv.writer(handle)
            out.writerow(["county", "prefecture", "zone", "cells", "area_km2"])
            for k, unit in enumerate(result.unit_ids):
                for zone, cells in zip(ZONES, result.unit_cells[k]):
                    out.writerow([int(unit), int(unit) // 100, ZONE_NAMES[zone], int(cells),
                                  round(float(cells) * result.cell_area, 4)])


def _read(path):
    dataset = gdal.Open(path)
    band = dataset.GetRasterBand(1)
    values = band.ReadAsArray().astype(np.float64)
    nodata = band.GetNoDataValue()
    if nodata is not None:
        values[values == nodata] = np.nan
    return values


def _crop(source, target, side):
    """The ``side`` x ``side`` cells at the centre of ``source``."""
    dataset = gdal.Open(source)
    left = max((dataset.RasterXSize - side) // 2, 0)
    top = max((dataset.RasterYSize - side) // 2, 0)
    gdal.Translate(target, dataset, srcWin=[left, top, side, side],
                   creationOptions=["TILED=YES", "COMPRESS=DEFLATE"])
    return target


def compare_corner(scape, folder, side, tables, executor):
    """(map, largest difference) of the corner's steps run by tiles on ``executor`` against
    the whole-array functions in this process."""
    from espcore.grid import Grid

    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)

    class Corner:
        def path(self, name):
            return os.path.join(folder, name + ".tif")

    corner = Corner()
    for name in ("landcover", "threat_cropland", "threat_urban", "counties"):
        _crop(scape.path(name), corner.path(name), side)
    steps = Steps(corner, os.path.join(folder, "tiled"), tables, executor)
    # Small tiles, so that the corner is cut as the province is, and smaller, lesser
    # sources, so that a corner of hills and valleys (threats all around) holds some.
    global TILE, SOURCE_CELLS, SOURCE_QUALITY
    saved = TILE, SOURCE_CELLS, SOURCE_QUALITY
    TILE, SOURCE_CELLS, SOURCE_QUALITY = 256, 100, 0.5
    try:
        for _name, step in steps.all():
            if step != steps.cost_distances:
                step()
    finally:
        TILE, SOURCE_CELLS, SOURCE_QUALITY = saved

    def grid(path):
        values = _read(path)
        dataset = gdal.Open(path)
        return Grid.from_array(values, geotransform=dataset.GetGeoTransform(),
                               crs=dataset.GetProjection())

    cover = grid(corner.path("landcover"))
    whole = resistance_surface(cover, dict(CLCD.table()))
    yield "resistance", _largest(whole.values, _read(steps.path("resistance")))
    threats, habitat, sensitivity = habitat_tables(tables)
    result = habitat_quality(cover, {t.name: grid(corner.path("threat_" + t.name))
                                     for t in threats}, threats, habitat, sensitivity,
                             half_saturation=0.2)
    yield "habitat quality", _largest(result.quality.values,
                                      _read(steps.path("habitat_quality")))
    resistance = whole.values.astype(np.float64)
    valid = np.isfinite(resistance)
    current = omniscape(np.where(valid, resistance, 1.0), valid,
                        options=OmniscapeOptions(**OMNISCAPE))["cum_currmap"]
    current[current == -9999.0] = np.nan
    # The written map is float32: compare in that precision.
    yield "Omniscape current (relative)", _largest(
        current.astype(np.float32), _read(steps.path("omniscape_current")), relative=True)
    ids = _read(steps.path("sources"))
    elements = zoning_elements(whole, sources=np.nan_to_num(ids) > 0,
                               quality=result.quality)
    zones = restoration_zones(elements.valid, sources=elements.sources,
                              corridors=elements.corridors, degraded=elements.degraded)
    yield "zones (cells that differ)", float(np.count_nonzero(
        zones != np.nan_to_num(_read(steps.path("zones"))).astype(np.uint8)))
    tally = zone_tally(zones, 30.0 * 30.0 / 1e6)
    yield "zone areas (km2)", float(np.max(np.abs(tally.area - steps.tally.tally.area)))
    # Every source's cost distance by a task against the same search in this process.
    from espcore.corridors.surfacestore import FolderStore
    from espcore.corridors.surfacetasks import prefetch_surfaces

    surfaces = os.path.join(folder, "surfaces")
    os.makedirs(surfaces)
    sources, resistance_file = RasterFile(steps.path("sources")), RasterFile(
        steps.path("resistance"))
    prefetch_surfaces(sources, resistance_file, store=FolderStore(surfaces), executor=executor)
    whole_extent = ((0, side), (0, side))
    grid_r = resistance_file.read(*whole_extent)
    labels = sources.read(*whole_extent).values
    stored = SourceDistances(labels, grid_r.values, impassable=grid_r.mask,
                             cell_size=grid_r.cell_size, store=FolderStore(surfaces))
    searched = SourceDistances(labels, grid_r.values, impassable=grid_r.mask,
                               cell_size=grid_r.cell_size)
    largest = max((_largest(stored(int(k)), searched(int(k))) for k in stored.ids()),
                  default=0.0)
    if stored.searches:
        largest = float("inf")  # a surface the workers should have saved was not found
    yield "cost distances ({0} sources)".format(len(stored.ids())), largest


def _largest(a, b, relative=False):
    """The largest difference of two maps (relative: to the largest value of ``a``); inf
    when their NoData cells differ."""
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    both = np.isfinite(a) & np.isfinite(b)
    if (np.isfinite(a) != np.isfinite(b)).any():
        return float("inf")
    if not both.any():
        return 0.0
    largest = float(np.max(np.abs(a[both] - b[both])))
    return largest / max(float(np.max(np.abs(a[both]))), 1e-300) if relative else largest
