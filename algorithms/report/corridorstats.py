"""Statistics of each corridor: length, width, area, cost, current, pinch points, barriers.

The corridor raster (corridors.tif, the normalised least-cost corridors truncated at the
corridor width) is one mosaic of all corridors: which link a cell serves is not kept, and
near a source the corridors of its links fan out into one patch. So the width is measured
across each corridor where it runs, along its least-cost path: at every path cell outside
the sources, twice the distance to the nearest cell that is neither corridor nor source,
less one cell (a corridor one cell wide is one cell wide), averaged over the path. The area is
that mean width times the path's length. The current is the mean cumulative current on the
path cells. Pinch points and barriers are the key areas of those kinds whose point inside
(report.sites) lies nearest to the link's path.

Memory: two distance searches keep a float and two int32 indices per cell; rasters above
MAX_CELLS are read decimated (nearest cell), which bounds it at a small cost in precision.
"""

import math
from typing import Any, Dict, List, Optional, Tuple

import numpy as np
from osgeo import gdal, ogr

from ...espcore.summaries import label_means, nearest_label, path_widths
from ...espcore.zoning.zones import BARRIER, PINCH_POINT
from .data import RunData

#: Cells read for the corridor statistics at most: larger rasters are read decimated.
MAX_CELLS = 16_000_000


def _read(path: str, shape: Tuple[int, int]) -> Optional[np.ndarray]:
    """Band 1 of ``path`` at ``shape`` (rows, columns), NaN on NoData; None when it is not
    on the corridor raster's grid size."""
    dataset = gdal.Open(path)
    if dataset is None:
        return None
    band = dataset.GetRasterBand(1)
    values = band.ReadAsArray(buf_xsize=shape[1], buf_ysize=shape[0]).astype(np.float64)
    nodata = band.GetNoDataValue()
    if nodata is not None:
        values[values == np.float64(np.float32(nodata))] = np.nan
    return values


def _burn_paths(links_path: str, dataset: Any, shape: Tuple[int, int],
                transform: Tuple[float, ...]) -> np.ndarray:
    """Link_ID of the active links' paths on the grid (0 elsewhere); every cell a path
    touches is a path cell."""
    target = gdal.GetDriverByName("MEM").Create("", shape[1], shape[0], 1, gdal.GDT_Int32)
    target.SetGeoTransform(transform)
    target.SetProjection(dataset.GetProjection())
    source = ogr.Open(links_path)
    layer = source.GetLayer(0)
    layer.SetAttributeFilter("Active <> 0")
    gdal.RasterizeLayer(target, [1], layer, options=["ATTRIBUTE=Link_ID", "ALL_TOUCHED=TRUE"])
    return target.GetRasterBand(1).ReadAsArray()


def _lengths(links_path: str, km_per_unit: float) -> Dict[int, float]:
    """Length of each link's path geometry in km."""
    source = ogr.Open(links_path)
    lengths = {}
    for feature in source.GetLayer(0):
        geometry = feature.GetGeometryRef()
        if geometry is not None:
            lengths[int(feature.GetField("Link_ID"))] = geometry.Length() * km_per_unit
    return lengths


def _grid(dataset: Any) -> Tuple[Tuple[int, int], Tuple[float, ...], float]:
    """(shape read, its geotransform, the area of one read cell in map units²)."""
    cols, rows = dataset.RasterXSize, dataset.RasterYSize
    step = max(1.0, math.sqrt(cols * rows / MAX_CELLS))
    shape = (max(1, int(rows / step)), max(1, int(cols / step)))
    x0, dx, rx, y0, ry, dy = dataset.GetGeoTransform()
    fx, fy = cols / shape[1], rows / shape[0]
    transform = (x0, dx * fx, rx * fy, y0, ry * fx, dy * fy)
    return shape, transform, abs(transform[1] * transform[5] - transform[2] * transform[4])


def _site_counts(data: RunData, nearest: np.ndarray, transform: Tuple[float, ...],
                 kind: int) -> Dict[int, int]:
    """Number of key areas of ``kind`` nearest to each link."""
    counts: Dict[int, int] = {}
    rows, cols = nearest.shape
    for site in data.sites:
        if site["kind_id"] != kind:
            continue
        col = int((site["x"] - transform[0]) / transform[1])
        row = int((site["y"] - transform[3]) / transform[5])
        if 0 <= row < rows and 0 <= col < cols and nearest[row, col] > 0:
            link = int(nearest[row, col])
            counts[link] = counts.get(link, 0) + 1
    return counts


def read_corridors(data: RunData) -> None:
    """Fill ``data.corridors`` (one dict per active link, in link order)."""
    active = [link for link in data.links if link["active"]]
    if not active:
        return
    lengths = _lengths(data.paths["LINKS"], data.km_per_unit)
    rows: List[Dict[str, Any]] = [{
        "id": link["id"], "from": link["from"], "to": link["to"],
        "length_km": lengths.get(link["id"]), "cost": link["cost"],
        "resistance": link["resistance"], "area_km2": None, "width_m": None,
        "current": None, "pinch_n": None, "barrier_n": None} for link in active]
    data.corridors.extend(rows)
    if data.has("CORRIDORS"):
        _measure(data, rows, max(link["id"] for link in active) + 1)


def _measure(data: RunData, rows: List[Dict[str, Any]], size: int) -> None:
    """Width, area, current and key areas of the corridors from the rasters."""
    dataset = gdal.Open(data.paths["CORRIDORS"])
    shape, transform, _ = _grid(dataset)
    sampling = (abs(transform[5]), abs(transform[1]))
    corridor = np.isfinite(_read(data.paths["CORRIDORS"], shape))
    source = np.zeros(shape, dtype=bool)
    if data.has("SOURCE_IDS"):
        source = np.nan_to_num(_read(data.paths["SOURCE_IDS"], shape)) > 0
    paths = _burn_paths(data.paths["LINKS"], dataset, shape, transform)
    on_path = (paths > 0) & corridor & ~source
    width, _ = path_widths(corridor | source, on_path, paths, sampling, size)
    current = _read(data.paths["CURRENT"], shape) if data.has("CURRENT") else None
    if current is not None:
        measured = (paths > 0) & np.isfinite(current)
        mean_current, cells = label_means(paths[measured], current[measured], size)
    counted = data.has("KEY_AREAS")
    if counted:
        nearest = nearest_label(paths, sampling)
        pinch = _site_counts(data, nearest, transform, PINCH_POINT)
        barriers = _site_counts(data, nearest, transform, BARRIER)
    for row in rows:
        ident = row["id"]
        row["width_m"] = float(width[ident]) * data.km_per_unit * 1000.0
        if row["length_km"] is not None:
            row["area_km2"] = row["width_m"] / 1000.0 * row["length_km"]
        if current is not None and cells[ident]:
            row["current"] = float(mean_current[ident])
        if counted:
            row["pinch_n"] = pinch.get(ident, 0)
            row["barrier_n"] = barriers.get(ident, 0)
