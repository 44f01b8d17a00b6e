"""Rasters read and written window by window, for steps that never hold a whole raster.

This is the one module of the core that touches files, because a worker of a cluster (no
QGIS there) must read its tile of the inputs itself: a :class:`RasterFile` is a small,
picklable reference (a path on a shared disk, or a GDAL URL such as ``/vsis3/bucket/a.tif``)
that any process can read a window of. GDAL's Python bindings (``osgeo``) are imported only
when a file is opened. :class:`ArrayRaster` offers the same :meth:`read` on an in-memory
:class:`~espcore.grid.Grid`, so a tiled step runs the same code on arrays (tests, small
rasters) and on files.
"""

from __future__ import annotations

import math
import os
import sys
import threading
from dataclasses import dataclass
from typing import Any, Dict, Optional, Protocol, Tuple

import numpy as np

from .errors import EspError, EspInputError
from .grid import GeoTransform, Grid

Span = Tuple[int, int]


class WindowSource(Protocol):
    """Anything a tile can be read from."""

    @property
    def shape(self) -> Tuple[int, int]:
        ...

    def read(self, rows: Span, cols: Span) -> Grid:
        ...


def _window_transform(transform: Optional[GeoTransform], row: int, col: int
                      ) -> Optional[GeoTransform]:
    if transform is None:
        return None
    x0, dx, rx, y0, ry, dy = transform
    return (x0 + col * dx + row * rx, dx, rx, y0 + col * ry + row * dy, ry, dy)


@dataclass(frozen=True, eq=False)
class ArrayRaster:
    """A :class:`WindowSource` over a grid held in memory."""

    grid: Grid

    @property
    def shape(self) -> Tuple[int, int]:
        return self.grid.shape

    def read(self, rows: Span, cols: Span) -> Grid:
        cut = (slice(*rows), slice(*cols))
        grid = self.grid
        return Grid(grid.values[cut], grid.mask[cut], grid.cell_size,
                    _window_transform(grid.geotransform, rows[0], cols[0]), grid.crs)


#: GDAL's block cache in a process without QGIS (a worker): GDAL's default, 5 % of the
#: memory, would add hundreds of MB to every worker, and windows are read once anyway.
WORKER_CACHE_BYTES = 64 * 2 ** 20


def _gdal() -> Any:
    try:
        from osgeo import gdal
    except ImportError:
        raise EspError("Reading rasters by window needs GDAL's Python bindings (osgeo), "
                       "which this Python does not have. Install them on every worker "
                       "(pip install gdal, or conda install gdal).") from None
    gdal.UseExceptions()
    # Arc/Info ASCII grids as Float64, as QGIS reads them: Float32 would shift a worker's
    # numbers by about 1e-8 from the same run in QGIS.
    if gdal.GetConfigOption("AAIGRID_DATATYPE") is None:
        gdal.SetConfigOption("AAIGRID_DATATYPE", "Float64")
    # Inside QGIS the application's cache setting stays; a user's GDAL_CACHEMAX always wins.
    if "qgis.core" not in sys.modules and "GDAL_CACHEMAX" not in os.environ:
        gdal.SetCacheMax(WORKER_CACHE_BYTES)
    return gdal


#: Open datasets by path, per thread: a tile opens its inputs once, not per read, and a GDAL
#: dataset must not be shared between threads (QGIS runs algorithms in threads of its own).
_LOCAL = threading.local()


def _open() -> Dict[Tuple[str, bool], Any]:
    if not hasattr(_LOCAL, "datasets"):
        _LOCAL.datasets = {}
    datasets: Dict[Tuple[str, bool], Any] = _LOCAL.datasets
    return datasets


def _dataset(path: str, update: bool = False) -> Any:
    key = (path, update)
    datasets = _open()
    dataset = datasets.get(key)
    if dataset is None:
        gdal = _gdal()
        try:
            dataset = gdal.Open(path, gdal.GA_Update if update else gdal.GA_ReadOnly)
        except RuntimeError as error:
            raise EspInputError("Cannot open the raster {path} ({detail}). Check the path: "
                                "every worker must see it (a shared disk or a URL).",
                                path=path, detail=str(error)) from None
        datasets[key] = dataset
    return dataset


def close_all() -> None:
    """Close the datasets this thread opened (flushes written windows to disk, and lets
    the files be moved or removed on Windows)."""
    datasets = _open()
    for dataset in datasets.values():
        dataset.FlushCache()
    datasets.clear()


@dataclass(frozen=True)
class RasterFile:
    """One band of a raster file, read by window (see the module docstring)."""

    path: str
    band: int = 1

    def _band(self) -> Any:
        dataset = _dataset(self.path)
        if not 1 <= self.band <= dataset.RasterCount:
            raise EspInputError("The raster {path} has no band {band}.", path=self.path,
                                band=self.band)
        return dataset.GetRasterBand(self.band)

    @property
    def shape(self) -> Tuple[int, int]:
        dataset = _dataset(self.path)
        return (int(dataset.RasterYSize), int(dataset.RasterXSize))

    @property
    def geotransform(self) -> GeoTransform:
        return tuple(_dataset(self.path).GetGeoTransform())

    @property
    def crs(self) -> Optional[str]:
        return _dataset(self.path).GetProjection() or None

    @property
    def nodata(self) -> Optional[float]:
        return self._band().GetNoDataValue()

    def read(self, rows: Span, cols: Span) -> Grid:
        values = self._band().ReadAsArray(int(cols[0]), int(rows[0]),
                                          int(cols[1] - cols[0]), int(rows[1] - rows[0]))
        grid = Grid.from_array(values, nodata=self.nodata,
                               geotransform=_window_transform(self.geotransform,
                                                              rows[0], cols[0]),
                               crs=self.crs)
        return grid


def create_like(path: str, like: RasterFile, *, dtype: str = "float32",
                nodata: float = math.nan, bands: int = 1) -> RasterFile:
    """A new tiled, compressed GeoTIFF on ``like``'s grid, every cell NoData, ready to be
    written by window (:func:`write_window`). An existing file is replaced."""
    gdal = _gdal()
    rows, cols = like.shape
    types = {"float32": gdal.GDT_Float32, "float64": gdal.GDT_Float64,
             "uint8": gdal.GDT_Byte, "int32": gdal.GDT_Int32, "uint16": gdal.GDT_UInt16}
    if os.path.exists(path):
        gdal.GetDriverByName("GTiff").Delete(path)
    for key in [k for k in _open() if k[0] == path]:
        _open().pop(key)
    dataset = gdal.GetDriverByName("GTiff").Create(
        path, cols, rows, bands, types[dtype],
        options=["TILED=YES", "COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER"])
    dataset.SetGeoTransform(like.geotransform)
    if like.crs:
        dataset.SetProjection(like.crs)
    for band in range(1, bands + 1):
        dataset.GetRasterBand(band).SetNoDataValue(nodata)
        dataset.GetRasterBand(band).Fill(nodata)
    dataset.FlushCache()
    dataset = None
    return RasterFile(path)


def write_window(target: RasterFile, row: int, col: int, values: np.ndarray) -> None:
    """Write ``values`` into ``target`` with its top-left cell at (``row``, ``col``)."""
    band = _dataset(target.path, update=True).GetRasterBand(target.band)
    band.WriteArray(np.ascontiguousarray(values), int(col), int(row))


def close(target: RasterFile) -> None:
    """Flush and close ``target`` if this process opened it for writing."""
    datasets = _open()
    dataset = datasets.pop((target.path, True), None)
    if dataset is not None:
        dataset.FlushCache()
    datasets.pop((target.path, False), None)


__all__ = ["ArrayRaster", "RasterFile", "WindowSource", "close", "close_all", "create_like",
           "write_window"]
