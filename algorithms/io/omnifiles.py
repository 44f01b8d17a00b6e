"""Omniscape.jl's files: its project folder, its copy of the INI and its output rasters.

Rasters are written as Omniscape.jl writes them: GeoTIFF (LZW, BigTIFF) or ESRI ASCII grid,
NoData -9999, in double precision (single with ``precision = single``), values not rounded.
Every file is written under a temporary name and renamed when complete.
"""

import os
import uuid
from typing import Optional, Sequence

import numpy as np
from osgeo import gdal

from ...espcore.circuits.circuit import MAP_NODATA
from .raster import replace_raster


def write_omniscape_map(values: np.ndarray, path: str, geotransform: Sequence[float],
                        crs_wkt: Optional[str], *, as_tif: bool, single: bool = False) -> None:
    """One output map at ``path`` (its extension chosen by the caller: .tif or .asc)."""
    rows, cols = values.shape
    kind = gdal.GDT_Float32 if single else gdal.GDT_Float64
    memory = gdal.GetDriverByName("MEM").Create("", cols, rows, 1, kind)
    memory.SetGeoTransform(tuple(geotransform))
    if crs_wkt:
        memory.SetProjection(crs_wkt)
    band = memory.GetRasterBand(1)
    band.SetNoDataValue(MAP_NODATA)
    band.WriteArray(np.asarray(values, dtype=np.float32 if single else np.float64))
    driver, options = ("GTiff", ["COMPRESS=LZW", "BIGTIFF=YES"]) if as_tif else ("AAIGrid", [])
    folder, name = os.path.split(path)
    partial = os.path.join(folder, ".{0}.{1}.part{2}".format(
        name, uuid.uuid4().hex[:8], os.path.splitext(path)[1]))
    try:
        gdal.GetDriverByName(driver).CreateCopy(partial, memory, 0, options)
        replace_raster(partial, path)
        if not as_tif and os.path.exists(partial[:-4] + ".prj"):
            os.replace(partial[:-4] + ".prj", path[:-4] + ".prj")
    finally:
        for leftover in (partial, partial[:-4] + ".prj", partial + ".aux.xml"):
            if os.path.exists(leftover):
                os.remove(leftover)


def copy_config(text: str, folder: str) -> str:
    """The INI, unchanged, as ``<folder>/config.ini`` (Omniscape.jl's name for its copy)."""
    path = os.path.join(folder, "config.ini")
    partial = "{0}.{1}.part".format(path, uuid.uuid4().hex[:8])
    try:
        with open(partial, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(partial, path)
    finally:
        if os.path.exists(partial):
            os.remove(partial)
    return path
