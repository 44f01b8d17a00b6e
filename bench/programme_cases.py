"""Restoration programme (issue 21): 100 candidate sites on the demo at 500 m.

The pattern: esp:securitypattern on the demo land cover and night light resampled to 500 m,
stages sources to zoning, run once in a child process with QGIS and cached in
/tmp/esp-bench-programme-500m/<mtime of the demo land cover>/ (not timed). The Landscape is
read from there with GDAL/OGR only: resistance, source ids, active links (CW_Dist,
Eff_Resist or NaN), the 500 m land cover, the cumulative current. Sites: the key areas of
kinds barrier, breakpoint and degraded land (one per polygon, burnt on cell centres, acting by
kind; at 500 m the demo has 3 barriers and none of the others), topped up to 100 by 3 x 3-cell
squares (acting by land cover) on the least-cost-path cells of highest resistance, each link
in turn. Band and corridor cutoff 10,000 cost units (the chain's PINCH_WIDTH); kernel distance
the median link LCD.

Timed: evaluate_sites serially, on a local pool of 2 processes (spawning included) and on a
Dask LocalCluster of 2 workers (started beforehand, start-up reported apart); all engines
must give the same gains (difference 0, or within 1e-9 of the largest). The touched-link
searches, which every engine runs in this process, are timed alone too. With ``portfolio``:
one greedy choose_portfolio, serially, budget a third of the summed site costs.
"""


import os
import subprocess
import sys
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEMO = os.path.join(ROOT, "resources", "demo")
LANDCOVER = os.path.join(DEMO, "hunan_landcover.tif")
CACHE = "/tmp/esp-bench-programme-500m"
CELL = 500.0
BAND = CUTOFF = 10000.0  # the chain's default PINCH_WIDTH, cost units
SITES = 100
KINDS = ("barrier", "breakpoint", "degraded_source", "degraded_corridor")


def _chain(folder):
    """The 500 m chain through the zoning stage into ``folder`` (run in a child process)."""
    from workflow_cases import _resample, start_qgis

    app, processing, plugin = start_qgis()
    work = "{0}.part{1}".format(folder, os.getpid())
    os.makedirs(work)
    landcover = _resample(LANDCOVER, os.path.join(work, "landcover.tif"), CELL)
    light = _resample(os.path.join(DEMO, "hunan_ntl.tif"), os.path.join(work, "ntl.tif"), CELL)
    processing.run("esp:securitypattern", {
        "LANDCOVER": landcover, "UNITS": os.path.join(DEMO, "hunan_counties.gpkg"),
        "UNIT_NAME_FIELD": "name", "GROUP_FIELD": "pref_name", "HALF_SATURATION": 0.2,
        "MIN_AREA": 30, "DISTANCE": 10000, "TOP_N": 10, "CORRECTION": light,
        "PINCH_WIDTH": CUTOFF, "LAST_STAGE": 3, "REPORT_LANGUAGE": 1,
        "OUTPUT_FOLDER": os.path.join(work, "run")})
    os.replace(work, folder)


def pattern():
    """The cached run folder, and the seconds the chain took (None when cached)."""
    folder = os.path.join(CACHE, str(int(os.path.getmtime(LANDCOVER))))
    if os.path.isdir(folder):
        return folder, None
    os.makedirs(CACHE, exist_ok=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, os.path.abspath(__file__), folder], check=True,
                   stdout=subprocess.DEVNULL, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    return folder, time.perf_counter() - start


def _raster(path):
    """(values, NoData mask) of band 1."""
    from osgeo import gdal

    dataset = gdal.Open(path)  # held: its band dies with it
    band = dataset.GetRasterBand(1)
    values, nodata = band.ReadAsArray(), band.GetNoDataValue()
    mask = ~np.isfinite(values) if values.dtype.kind == "f" else np.zeros(values.shape, bool)
    return values, mask | (values == nodata) if nodata is not None else mask


def _burn(path, like, attribute, where):
    """Polygons or lines of ``path`` burnt onto the grid of raster ``like`` (their
    ``attribute``, 0 elsewhere; the later feature wins where two overlap)."""
    from osgeo import gdal

    target = gdal.GetDriverByName("MEM").CreateCopy("", gdal.Open(like))
    target.GetRasterBand(1).Fill(0)
    gdal.Rasterize(target, path, attribute=attribute, where=where)
    return target.GetRasterBand(1).ReadAsArray().astype(np.int64)


def _links(path):
    """Link_ID, ends, CW_Dist and Eff_Resist (NaN if absent) of the active links."""
    from osgeo import ogr

    dataset = ogr.Open(path)  # held: its layers die with it
    layer = dataset.GetLayer(0)
    fields = ["Link_ID", "From_Core", "To_Core", "CW_Dist", "Eff_Resist"]
    if layer.GetLayerDefn().GetFieldIndex("Eff_Resist") < 0:
        fields[-1] = None
    rows = np.array([[np.nan if name is None or f.GetField(name) is None else f.GetField(name)
                      for name in fields] for f in layer if (f.GetField("Active") or 0) > 0],
                    dtype=np.float64).reshape(-1, 5)
    return rows[np.isfinite(rows[:, 3])]


def _squares(on_path, link_ids, resistance, free, count):
    """``count`` 3 x 3-cell squares (flat indices; they may overlap) centred on free
    least-cost-path cells: each link in turn gives its free path cell of highest resistance
    not yet taken (ties: lower index)."""
    rows, cols = on_path.shape
    queues = []
    for link in link_ids:
        cells = np.flatnonzero((on_path == link) & free)
        queues.append(list(cells[np.lexsort((cells, -resistance.reshape(-1)[cells]))]))
    found = []
    while len(found) < count and any(queues):
        for queue in queues:
            if queue and len(found) < count:
                r, c = divmod(int(queue.pop(0)), cols)
                rr, cc = np.mgrid[max(r - 1, 0):min(r + 2, rows), max(c - 1, 0):min(c + 2, cols)]
                found.append(np.sort((rr * cols + cc).reshape(-1)))
    return found


def landscape_and_sites(folder):
    """The Landscape of the run in ``folder``, the 100 sites, and how many are key areas."""
    from osgeo import ogr

    from espcore.programme import KIND_NAMES, Landscape, Site, default_kernel_distance

    run = os.path.join(folder, "run")
    grid = os.path.join(run, "resistance.tif")
    resistance, mask = _raster(grid)
    ids, ids_mask = _raster(os.path.join(run, "source_ids.tif"))
    cover, cover_mask = _raster(os.path.join(folder, "landcover.tif"))
    current, current_mask = _raster(os.path.join(run, "current.tif"))
    resistance = resistance.astype(np.float64)
    mask |= ~(resistance > 0)
    labels = np.where(ids_mask | mask, 0, ids).astype(np.int64)
    links = _links(os.path.join(run, "corridor_links.gpkg"))
    source_ids, counts = np.unique(labels[labels > 0], return_counts=True)
    landscape = Landscape(
        labels=labels, resistance=np.where(mask, np.nan, resistance), impassable=mask,
        cell_size=CELL, links=links[:, 1:3], lcd=links[:, 3], effective=links[:, 4],
        source_ids=source_ids, areas_km2=counts * CELL * CELL / 1e6,
        kernel_distance=default_kernel_distance(links[:, 3]), cutoff=CUTOFF,
        landcover=np.where(cover_mask, -1, cover).astype(np.int64),
        current=np.where(current_mask, np.nan, current).astype(np.float64))
    kind_of = {code: name for name, code in KIND_NAMES.items()}
    codes = ", ".join(str(KIND_NAMES[kind]) for kind in KINDS)
    areas = os.path.join(run, "key_areas.gpkg")
    burnt = _burn(areas, grid, "key_id", "kind_id IN ({0})".format(codes)).reshape(-1)
    burnt[mask.reshape(-1)] = 0
    dataset = ogr.Open(areas)  # key_id -> kind_id
    kinds = {f.GetField("key_id"): f.GetField("kind_id") for f in dataset.GetLayer(0)}
    sites = [Site(number, np.flatnonzero(burnt == key), kind_of[kinds[key]])  # by key_id
             for number, key in enumerate(np.unique(burnt[burnt > 0])[:SITES], start=1)]
    free = ~mask & (labels == 0) & (burnt.reshape(mask.shape) == 0)  # square centres
    on_path = _burn(os.path.join(run, "corridor_links.gpkg"), grid, "Link_ID", "Active = 1")
    keys = len(sites)
    for cells in _squares(on_path, links[:, 0].astype(np.int64), resistance, free,
                          SITES - keys):
        sites.append(Site(len(sites) + 1, cells[~mask.reshape(-1)[cells]], None))
    return landscape, sites, keys


def programme_sites(cells=None, engines=("serial",), repeats=1, portfolio=False):
    """evaluate_sites on the 100 sites with each of ``engines`` ("serial", "pool2",
    "dask2"), ``repeats`` rounds in alternation; one greedy portfolio if ``portfolio``.
    ``cells`` is accepted for bench/run.py's --cells and ignored."""
    from espcore.executor import DaskExecutor, ProcessExecutor, SerialExecutor
    from espcore.programme import choose_portfolio, evaluate_sites
    from espcore.programme.actions import clcd_actions
    from espcore.programme.sitegains import touched_links

    folder, chain = pattern()
    start = time.perf_counter()
    landscape, sites, keys = landscape_and_sites(folder)
    actions = clcd_actions(np.unique(landscape.landcover[landscape.landcover >= 0]).tolist())
    assert len(sites) == SITES, len(sites)
    result = {"cells": int(landscape.labels.size), "sites": len(sites), "key_area_sites": keys,
              "sources": int(landscape.source_ids.size), "links": int(landscape.lcd.size),
              "setup_seconds": round(time.perf_counter() - start, 2),
              "chain_seconds": None if chain is None else round(chain, 1),
              "max_gain_difference": 0.0, "load_average": os.getloadavg()[0]}
    start = time.perf_counter()  # the part every engine runs in this process, apart
    touched_links(landscape, sites, band=BAND)
    result["touched_links_seconds"] = round(time.perf_counter() - start, 2)
    cluster, executors = None, {"serial": SerialExecutor(), "pool2": ProcessExecutor(2)}
    if "dask2" in engines:
        from distributed import LocalCluster

        start = time.perf_counter()
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        result["dask_startup_seconds"] = round(time.perf_counter() - start, 2)
        executors["dask2"] = DaskExecutor(2, address=cluster.scheduler_address)
    rounds, first = [], None
    try:
        for _ in range(repeats):
            rounds.append({})
            for name in engines:
                start = time.perf_counter()
                evaluation = evaluate_sites(landscape, sites, actions, band=BAND,
                                            executor=executors[name], progress=None)
                rounds[-1][name] = round(time.perf_counter() - start, 2)
                first = first or evaluation
                gains, reference = (np.array([g.delta_eca for g in e.gains])
                                    for e in (evaluation, first))
                difference = float(np.max(np.abs(gains - reference)))
                assert difference <= 1e-9 * np.max(np.abs(reference)), (name, difference)
                result["max_gain_difference"] = max(result["max_gain_difference"], difference)
    finally:
        if cluster is not None:
            cluster.close()
    touched = [gain.touched for gain in first.gains]
    result.update(links_touched=int(sum(t.size for t in touched)),
                  links_touched_distinct=int(np.unique(np.concatenate(touched)).size),
                  sites_gaining=int(sum(gain.delta_eca > 0 for gain in first.gains)),
                  base_eca_km2=round(first.base_eca, 3), rounds=rounds)
    for name in engines:
        result[name + "_seconds"] = min(r[name] for r in rounds)
        if name != "serial" and "serial" in engines:  # speed-up over serial, each round
            result[name + "_ratio"] = [round(r["serial"] / r[name], 2) for r in rounds]
    notes = ["{0} sites ({1} key areas), {2} links touched ({3} distinct of {4})".format(
        len(sites), keys, result["links_touched"], result["links_touched_distinct"],
        result["links"]), "; ".join(", ".join("{0} {1:.1f} s".format(*item)
                                              for item in r.items()) for r in rounds)]
    if portfolio:
        start = time.perf_counter()
        chosen = choose_portfolio(landscape, sites, actions, first, method="greedy",
                                  budget=sum(gain.cost for gain in first.gains) / 3,
                                  band=BAND, executor=SerialExecutor())
        result.update(portfolio_seconds=round(time.perf_counter() - start, 2),
                      portfolio_chosen=len(chosen.chosen),
                      portfolio_gain_km2=round(chosen.total_gain, 3))
        notes.append("greedy portfolio {0:.1f} s, {1} chosen".format(
            result["portfolio_seconds"], len(chosen.chosen)))
    result.update(seconds=result[engines[-1] + "_seconds"], notes=notes)
    return result


if __name__ == "__main__":
    _chain(sys.argv[1])
