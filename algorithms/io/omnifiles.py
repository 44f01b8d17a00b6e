"""Omniscape.jl's files: its project folder, its copy of the INI and its output rasters.

Rasters are written as Omniscape.jl writes them: GeoTIFF (LZW, BigTIFF) or ESRI ASCII grid,
NoData -9999, in double precision (single with ``precision = single``), values not rounded.
Every file is written under a temporary name and renamed when complete.
"""

import os
from typing import Optional, Sequence

import numpy as np
from osgeo import gdal

from .csfiles import atomic_text, write_grid


def write_omniscape_map(values: np.ndarray, path: str, geotransform: Sequence[float],
                        crs_wkt: Optional[str], *, as_tif: bool, single: bool = False) -> None:
    """One output map at ``path`` (its extension chosen by the caller: .tif or .asc)."""
    write_grid(np.asarray(values, dtype=np.float32 if single else np.float64), path,
               geotransform, crs_wkt, driver="GTiff" if as_tif else "AAIGrid",
               options=["COMPRESS=LZW", "BIGTIFF=YES"] if as_tif else [],
               data_type=gdal.GDT_Float32 if single else gdal.GDT_Float64)


def copy_config(text: str, folder: str) -> str:
    """The INI, unchanged, as ``<folder>/config.ini`` (Omniscape.jl's name for its copy)."""
    path = os.path.join(folder, "config.ini")
    atomic_text(path, text, encoding="utf-8")
    return path
