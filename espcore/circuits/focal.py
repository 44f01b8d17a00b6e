"""Focal nodes: the cells that Circuitscape connects, as (id, row, column) triples.

A focal id on one cell is a focal point; an id on several cells is a focal region. Ids are
kept sorted, stably, so "the first cell of an id" means what it means in Circuitscape: the
first in column-major order for a raster, the first line for a text list.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence, Tuple

import numpy as np
import numpy.typing as npt

from ..errors import EspInputError


@dataclass(frozen=True)
class FocalNodes:
    """Parallel arrays of focal ids and their 0-based cells, sorted by id (stable)."""

    ids: np.ndarray
    rows: np.ndarray
    cols: np.ndarray

    @staticmethod
    def _sorted(ids: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> FocalNodes:
        order = np.argsort(ids, kind="stable")
        return FocalNodes(ids[order].astype(np.int64), rows[order].astype(np.int64),
                          cols[order].astype(np.int64))

    @classmethod
    def from_raster(cls, ids: np.ndarray, valid: np.ndarray) -> FocalNodes:
        """Cells with a positive id (NoData and 0 = none, negative ids are ignored)."""
        values = np.where(valid, np.asarray(ids, dtype=np.float64), 0.0)
        cols, rows = np.nonzero((values > 0).T)  # column-major order, like Circuitscape
        return cls._sorted(np.rint(values[rows, cols]).astype(np.int64), rows, cols)

    @classmethod
    def from_points(cls, points: Sequence[Tuple[float, float, float]],
                    geotransform: Sequence[float], shape: Tuple[int, int]) -> FocalNodes:
        """``(id, x, y)`` in map units; each point falls in the cell that contains it."""
        nrows, ncols = shape
        x0, size, _, y0, _, ysize = geotransform
        yll = y0 + nrows * ysize
        ids, rows, cols = [], [], []
        for pid, x, y in points:
            row = math.ceil(nrows - (y - yll) / size) - 1
            col = math.ceil((x - x0) / size) - 1
            if not (0 <= row < nrows and 0 <= col < ncols):
                raise EspInputError("Focal node {id} at ({x}, {y}) lies outside the "
                                    "resistance raster.", id=int(pid), x=x, y=y)
            ids.append(int(pid))
            rows.append(row)
            cols.append(col)
        return cls._sorted(np.array(ids, dtype=np.int64), np.array(rows), np.array(cols))

    @property
    def unique_ids(self) -> np.ndarray:
        return np.unique(self.ids)

    @property
    def has_regions(self) -> bool:
        """True when some id covers more than one cell (Circuitscape's "focal regions")."""
        return len(self.ids) != len(self.unique_ids)

    def first_cells(self) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(unique ids, row, column) of the first cell of every id."""
        ids, first = np.unique(self.ids, return_index=True)
        return ids, self.rows[first], self.cols[first]

    def keep(self, wanted: np.ndarray) -> FocalNodes:
        """Only the entries whose id is in ``wanted``."""
        on = np.isin(self.ids, wanted)
        return FocalNodes(self.ids[on], self.rows[on], self.cols[on])

    def raster(self, shape: Tuple[int, ...]) -> np.ndarray:
        """Id raster (0 = none); later entries win where ids share a cell."""
        out: npt.NDArray[np.int64] = np.zeros(shape, dtype=np.int64)
        out[self.rows, self.cols] = self.ids
        return out

    def ids_only_on(self, cells: np.ndarray) -> np.ndarray:
        """Ids all of whose cells are True in the boolean raster ``cells`` (e.g. NoData)."""
        ids, inverse = np.unique(self.ids, return_inverse=True)
        outside = np.bincount(inverse, ~cells[self.rows, self.cols], ids.size)
        return ids[outside == 0]

    def require_two(self) -> None:
        if len(self.unique_ids) < 2:
            raise EspInputError("At least two focal nodes with different ids are needed; "
                                "found {count}.", count=len(self.unique_ids))
