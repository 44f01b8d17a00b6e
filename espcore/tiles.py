"""Tiles of a raster for steps that run window by window (out of core, or on many workers).

A :class:`Tile` owns a rectangle of cells (its *core*); a step reads the core plus a *halo*
of cells on every side, clipped at the raster's edge, because a cell's result depends on
cells up to the halo away (a threat's reach, a buffer, a moving window's radius). The cores
of a tiling cover the raster once, so writing every tile's core gives the whole result.

Where a step sums contributions that spill over the core (Omniscape's moving windows add
current up to their radius away), each tile's result covers its whole read window, and the
parts are added where they overlap (:func:`espcore.tiled.assemble` with ``mode="sum"``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import List, Tuple

from .errors import EspInputError

Span = Tuple[int, int]


@dataclass(frozen=True)
class Tile:
    """One tile: ``rows``/``cols`` its core (half-open, raster cells), ``read_rows`` /
    ``read_cols`` the core grown by the halo and clipped at the raster's edge."""

    index: int
    rows: Span
    cols: Span
    read_rows: Span
    read_cols: Span

    @property
    def core(self) -> Tuple[slice, slice]:
        """The core as slices of the raster."""
        return slice(*self.rows), slice(*self.cols)

    @property
    def inner(self) -> Tuple[slice, slice]:
        """The core as slices of the read window (to cut a result back to the core)."""
        top, left = self.read_rows[0], self.read_cols[0]
        return (slice(self.rows[0] - top, self.rows[1] - top),
                slice(self.cols[0] - left, self.cols[1] - left))

    @property
    def read_shape(self) -> Tuple[int, int]:
        return (self.read_rows[1] - self.read_rows[0], self.read_cols[1] - self.read_cols[0])

    @property
    def cells(self) -> int:
        return (self.rows[1] - self.rows[0]) * (self.cols[1] - self.cols[0])


def _spans(length: int, size: int) -> List[Span]:
    return [(start, min(start + size, length)) for start in range(0, length, size)]


def tiling(shape: Tuple[int, int], size: int, halo: int = 0, *, align: int = 1) -> List[Tile]:
    """Tiles of about ``size`` x ``size`` cells covering a raster of ``shape``, row by row.

    ``halo``: cells read beyond the core on every side (clipped at the edge). ``align``: the
    cores start on multiples of it (Omniscape's blocks must not straddle two tiles), so
    ``size`` is rounded up to a multiple of ``align``.
    """
    rows, cols = (int(v) for v in shape)
    if rows < 1 or cols < 1:
        raise EspInputError("A raster of {rows} x {cols} cells cannot be tiled.",
                            rows=rows, cols=cols)
    if size < 1 or halo < 0 or align < 1:
        raise EspInputError("Tiles need a size of 1 cell or more, a halo of 0 or more and an "
                            "alignment of 1 or more (got {size}, {halo}, {align}).",
                            size=size, halo=halo, align=align)
    size = int(math.ceil(size / align)) * align
    tiles: List[Tile] = []
    for r0, r1 in _spans(rows, size):
        for c0, c1 in _spans(cols, size):
            tiles.append(Tile(len(tiles), (r0, r1), (c0, c1),
                              (max(r0 - halo, 0), min(r1 + halo, rows)),
                              (max(c0 - halo, 0), min(c1 + halo, cols))))
    return tiles


def tile_size_for(budget_bytes: float, bytes_per_cell: float, halo: int, *,
                  smallest: int = 256, largest: int = 8192) -> int:
    """The largest square core whose read window (core plus halo) fits ``budget_bytes``
    at ``bytes_per_cell``, between ``smallest`` and ``largest`` cells a side."""
    side = int(math.sqrt(max(budget_bytes, 0.0) / max(bytes_per_cell, 1e-9))) - 2 * halo
    return max(smallest, min(largest, side))


__all__ = ["Tile", "tile_size_for", "tiling"]
