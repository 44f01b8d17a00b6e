"""The Grid: a 2-D raster held in memory with its NoData mask and georeferencing.

The georeferencing (GDAL-style geotransform and a CRS string) is carried as opaque data: the
core compares it to check that rasters share a grid but never interprets the CRS.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional, Tuple

import numpy as np

from .errors import EspInputError

GeoTransform = Tuple[float, float, float, float, float, float]


@dataclass(frozen=True, eq=False)
class Grid:
    """A north-up raster: ``values`` with a boolean ``mask`` that is True on NoData cells.

    Parameters
    ----------
    values : 2-D array
        Cell values. What they hold under the mask is undefined; never read them there.
    mask : 2-D bool array, same shape
        True where the cell is NoData.
    cell_size : (float, float)
        Cell width and height in CRS units (metres for a projected CRS), both positive.
    geotransform : 6 floats or None
        GDAL geotransform (origin x, cell width, 0, origin y, 0, -cell height).
    crs : str or None
        The CRS as WKT or an authority id; opaque to the core.
    """

    values: np.ndarray
    mask: np.ndarray
    cell_size: Tuple[float, float] = (1.0, 1.0)
    geotransform: Optional[GeoTransform] = None
    crs: Optional[str] = None

    def __post_init__(self) -> None:
        if self.values.ndim != 2:
            raise EspInputError("A grid must be two-dimensional, not {ndim}-dimensional.",
                                ndim=self.values.ndim)
        if self.mask.shape != self.values.shape or self.mask.dtype != np.bool_:
            raise EspInputError("The NoData mask must be a boolean array of the grid's shape.")
        if min(self.cell_size) <= 0:
            raise EspInputError("The cell size must be positive, not {size}.",
                                size=self.cell_size)

    @classmethod
    def from_array(
        cls,
        values: np.ndarray,
        *,
        nodata: Optional[float] = None,
        cell_size: float = 1.0,
        geotransform: Optional[GeoTransform] = None,
        crs: Optional[str] = None,
    ) -> Grid:
        """Wrap an array; cells equal to ``nodata`` and NaN cells become NoData."""
        values = np.asarray(values)
        mask = np.zeros(values.shape, dtype=bool)
        floating = np.issubdtype(values.dtype, np.floating)
        if nodata is not None:
            # Compare in the raster's own precision: float32 -9999.9 is not float64 -9999.9.
            mask |= values == (values.dtype.type(nodata) if floating else nodata)
        if floating:
            mask |= np.isnan(values)
        if geotransform is not None:
            size = (float(geotransform[1]), float(abs(geotransform[5])))
        else:
            size = (float(cell_size), float(cell_size))
        return cls(values, mask, size, geotransform, crs)

    @property
    def shape(self) -> Tuple[int, int]:
        return (int(self.values.shape[0]), int(self.values.shape[1]))

    @property
    def valid(self) -> np.ndarray:
        """Boolean array, True on cells that hold data."""
        return ~self.mask

    def like(self, values: np.ndarray, mask: Optional[np.ndarray] = None) -> Grid:
        """A new grid on the same cells (same georeferencing), with other values."""
        return Grid(values, self.mask.copy() if mask is None else mask,
                    self.cell_size, self.geotransform, self.crs)

    def filled(self, fill: float, dtype: Optional[np.typing.DTypeLike] = None) -> np.ndarray:
        """A copy of the values, converted to ``dtype`` first, with ``fill`` on NoData."""
        out = self.values.astype(self.values.dtype if dtype is None else dtype, copy=True)
        out[self.mask] = fill
        return out

    def same_grid_as(self, other: Grid) -> bool:
        """True when both grids cover the same cells (shape, cell size, origin, CRS)."""
        if self.shape != other.shape or self.crs != other.crs:
            return False
        if not np.allclose(self.cell_size, other.cell_size, rtol=1e-9, atol=0.0):
            return False
        if (self.geotransform is None) != (other.geotransform is None):
            return False
        if self.geotransform is None or other.geotransform is None:
            return True
        # An origin that differs by a millionth of a cell is the same grid written by another
        # program; more than that and the cells do not coincide.
        tol = 1e-6 * min(self.cell_size)
        return bool(np.allclose(self.geotransform, other.geotransform, rtol=0.0, atol=tol))

    def describe(self) -> str:
        """A one-line description for error messages."""
        rows, cols = self.shape
        text = "{rows} x {cols} cells of {dx:g} x {dy:g}".format(
            rows=rows, cols=cols, dx=self.cell_size[0], dy=self.cell_size[1])
        if self.geotransform is not None:
            text += ", origin ({x:.6g}, {y:.6g})".format(x=self.geotransform[0],
                                                        y=self.geotransform[3])
        return text


def require_same_grid(grids: Mapping[str, Grid]) -> None:
    """Raise :class:`EspInputError` unless every grid covers the same cells as the first.

    ``grids`` maps a name the user knows (a layer or parameter name) to the grid, so the
    message can name both rasters.
    """
    items = list(grids.items())
    if not items:
        return
    ref_name, ref = items[0]
    for name, grid in items[1:]:
        if not grid.same_grid_as(ref):
            same_crs = grid.crs == ref.crs
            raise EspInputError(
                "Raster '{name}' ({this}{crs_note}) is not on the same grid as '{ref_name}' "
                "({ref}). Resample or clip it to the grid of '{ref_name}' first, for example "
                "with Raster > Projections > Warp, giving the extent, cell size and CRS of "
                "'{ref_name}'.",
                name=name, this=grid.describe(), ref_name=ref_name, ref=ref.describe(),
                crs_note="" if same_crs else ", in another CRS")
