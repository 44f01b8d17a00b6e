"""MSPA connectors as GuidosToolbox's engine finds them: widening and bridge-or-loop.

Two steps of the engine follow procedures whose exact order decides single cells, so they are
implemented here as the engine runs them rather than with a library routine:

* :func:`constrained_distance` is the distance *within* a mask (the non-core foreground) to a
  set of reference cells (the connector skeleton), propagated in rounds from the skeleton with
  straight-line visibility checks (Soille's ordered propagation, miallib's ``ced``). A
  straight-line distance transform would let a widened connector jump across a gap in the
  mask; this one does not. Its rounding (single precision, first neighbour wins a tie) is the
  engine's.
* :func:`flood_labels` spreads the labels of the cores through a region breadth first, in the
  engine's order (seeds in raster order, 4-neighbours before diagonal ones, first come first
  served). Where the floods from two cores meet inside a connector, that connector is a
  bridge; which core wins a cell that both reach at once depends on that order.

Both work on flat indices of an image whose outermost row and column are outside every mask.
"""

from __future__ import annotations

import math
from array import array
from collections import deque
from typing import Deque, Dict, List, Optional, Tuple

import numpy as np

from ..progress import NullProgress, Progress, check_cancelled

#: Row/column neighbour order of the engine's flooding: N, W, S, E, then NW, NE, SW, SE.
_FLOOD_STEPS = ((-1, 0), (0, -1), (1, 0), (0, 1), (-1, -1), (-1, 1), (1, -1), (1, 1))
#: Neighbour order of the distance propagation (N, W, S, E) and the step from that neighbour
#: to the cell, as (column, row).
_DISTANCE_STEPS = ((-1, 0), (0, -1), (1, 0), (0, 1))
_TOWARDS = ((0, 1), (1, 0), (0, -1), (-1, 0))

_UNSET = 32767  # the engine's "no distance yet" marker (its offsets are 16-bit)
_ROUND_END = -1  # marks the end of a round in the queue


def _bbox(mask: np.ndarray) -> Optional[tuple]:
    rows = np.flatnonzero(mask.any(axis=1))
    if rows.size == 0:
        return None
    cols = np.flatnonzero(mask.any(axis=0))
    return (slice(max(rows[0] - 1, 0), rows[-1] + 2), slice(max(cols[0] - 1, 0), cols[-1] + 2))


def _line(dx: int, dy: int, ncol: int) -> Tuple[int, ...]:
    """Flat offsets of the Bresenham line from (0, 0) to (dx, dy), the start excluded, in the
    engine's stepping (the major axis first, the error term decides the minor step)."""
    major, minor = abs(dx), abs(dy)
    step_x = (dx > 0) - (dx < 0)
    step_y = (dy > 0) - (dy < 0)
    steep = minor > major
    if steep:
        major, minor = minor, major
    error = 2 * minor - major
    x = y = 0
    cells = []
    while abs(y if steep else x) < major:
        if steep:
            y += step_y
        else:
            x += step_x
        if error < 0:
            error += 2 * minor
        else:
            error += 2 * (minor - major)
            if steep:
                x += step_x
            else:
                y += step_y
        cells.append(x + y * ncol)
    return tuple(cells)


def constrained_distance(reference: np.ndarray, mask: np.ndarray, *,
                         progress: Optional[Progress] = None) -> np.ndarray:
    """Distance from ``reference`` cells within ``mask`` (float32; 0 where not reached).

    Paths may only cross mask cells (4-connected propagation, straight segments where the
    line of sight stays in the mask). Reference cells outside the mask are ignored; they and
    every cell the propagation does not reach get 0, as in the engine.
    """
    progress = progress or NullProgress()
    from scipy import ndimage

    distance = np.zeros(mask.shape, dtype=np.float32)
    seeds = reference & mask
    if not seeds.any():
        return distance
    # Only the 4-connected mask components holding reference cells are reached, and no line
    # of sight leaves their bounding box: work there, with a one-cell empty frame.
    parts, _count = ndimage.label(mask)
    reached = np.isin(parts, np.unique(parts[seeds]))
    del parts
    # Every cell of these components gets its distance once: they measure the progress.
    total = max(int(np.count_nonzero(reached)), 1)
    box = _bbox(reached)
    assert box is not None
    part = mask[box]
    inner = np.zeros((part.shape[0] + 2, part.shape[1] + 2), dtype=bool)
    inner[1:-1, 1:-1] = part
    refs = np.zeros(inner.shape, dtype=bool)
    refs[1:-1, 1:-1] = seeds[box]
    ncol = inner.shape[1]
    size = inner.size
    inside = bytearray(inner.ravel().tobytes())
    pending = bytearray(inner.ravel().tobytes())  # 1: in the mask, not yet queued
    px = array("h", [_UNSET]) * size
    py = array("h", [_UNSET]) * size
    base = array("f", [0.0]) * size
    shifts = [dr * ncol + dc for dr, dc in _DISTANCE_STEPS]

    queue: Deque[int] = deque()
    for cell in np.flatnonzero(refs.ravel()).tolist():
        pending[cell] = 0
        px[cell] = py[cell] = 0
    for cell in np.flatnonzero(refs.ravel()).tolist():
        for shift in shifts:
            neighbour = cell + shift
            if pending[neighbour]:
                pending[neighbour] = 0
                queue.append(neighbour)

    sqrt = math.sqrt
    lines: Dict[Tuple[int, int], Tuple[int, ...]] = {}
    measured = 0
    while queue:
        check_cancelled(progress)
        # Every cell of the queue that has no distance yet gets one from its neighbours,
        # in queue order (a cell set earlier in this round already counts for later ones).
        lowest = math.inf
        for cell in queue:
            if px[cell] != _UNSET:
                continue
            measured += 1
            best = math.inf
            for k in range(4):
                other = cell + shifts[k]
                ox = px[other]
                if ox == _UNSET:
                    continue
                oy = py[other]
                tx, ty = ox + _TOWARDS[k][0], oy + _TOWARDS[k][1]
                start = other - ox - oy * ncol
                line = lines.get((tx, ty))
                if line is None:
                    line = lines[(tx, ty)] = _line(tx, ty, ncol)
                if all(inside[start + step] for step in line):
                    value = _f32(sqrt(tx * tx + ty * ty) + base[other])
                    if value < best:
                        px[cell], py[cell], base[cell] = tx, ty, base[other]
                        best = value
                else:
                    value = _f32(sqrt(ox * ox + oy * oy) + base[other] + 1.0)
                    if value < best:
                        px[cell], py[cell] = _TOWARDS[k]
                        base[cell] = value - 1.0
                        best = value
            lowest = min(lowest, best)
        progress.update(measured / total)
        # Cells farther than this round's nearest new one wait; the others spread.
        queue.append(_ROUND_END)
        while True:
            cell = queue.popleft()
            if cell == _ROUND_END:
                break
            ox, oy = px[cell], py[cell]
            if sqrt(ox * ox + oy * oy) + base[cell] > lowest:
                queue.append(cell)
                continue
            for shift in shifts:
                neighbour = cell + shift
                if pending[neighbour]:
                    pending[neighbour] = 0
                    queue.append(neighbour)

    offsets_x = np.frombuffer(px, dtype=np.int16).astype(np.float64)
    offsets_y = np.frombuffer(py, dtype=np.int16).astype(np.float64)
    set_ = offsets_x != _UNSET
    result = np.frombuffer(base, dtype=np.float32).copy()
    result[set_] += np.sqrt(offsets_x[set_] ** 2 + offsets_y[set_] ** 2).astype(np.float32)
    distance[box] = result.reshape(inner.shape)[1:-1, 1:-1]
    return distance


def _f32(value: float) -> float:
    """``value`` rounded to single precision, as the engine stores it."""
    _F32_CELL[0] = value
    return _F32_CELL[0]


_F32_CELL = array("f", [0.0])


def _flood_steps(ncol: int, connectivity: int) -> List[int]:
    return [dr * ncol + dc for dr, dc in _FLOOD_STEPS[:connectivity]]


def flood_labels(labels: np.ndarray, region: np.ndarray, connectivity: int) -> np.ndarray:
    """Labels of ``labels`` (> 0) spread breadth first through ``region``, in the engine's
    order; cells the floods do not reach stay 0.

    The seeds are taken in raster order. With 8-connectivity every seed first claims its
    free 4-neighbours, then every seed its free diagonal neighbours; after that each cell, in
    the order it was reached, claims its free neighbours N, W, S, E (NW, NE, SW, SE). The
    outermost rows and columns are never flooded (and their labels do not spread), as in the
    engine, which frames the label image.
    """
    rows, cols = labels.shape
    flat = labels.astype(np.int64).ravel()
    border = np.zeros(labels.shape, dtype=bool)
    border[0, :] = border[-1, :] = border[:, 0] = border[:, -1] = True
    flat[border.ravel()] = 0
    open_ = (region & ~border & (labels <= 0)).ravel().copy()
    steps = np.array(_flood_steps(cols, connectivity), dtype=np.int64)
    seeds = np.flatnonzero(flat > 0)
    # Only seeds next to an open cell claim anything (most core cells are inside the core).
    near_open = np.zeros(seeds.size, dtype=bool)
    for step in steps:
        near_open |= open_[seeds + step]
    seeds = seeds[near_open]
    passes = [steps[:4], steps[4:]] if connectivity == 8 else [steps]
    # Keys order the claims: (pass, seed rank, neighbour index) for the seeds, then
    # (queue rank, neighbour index) within each breadth-first layer.
    claims_cells, claims_keys, claims_from = [], [], []
    offset = 0
    rank = np.arange(seeds.size, dtype=np.int64)
    for part in passes:
        for k, step in enumerate(part):
            cells = seeds + step
            wanted = open_[cells]
            claims_cells.append(cells[wanted])
            claims_keys.append(offset + rank[wanted] * part.size + k)
            claims_from.append(seeds[wanted])
        offset += seeds.size * part.size
    layer = _claim(flat, open_, np.concatenate(claims_cells), np.concatenate(claims_keys),
                   np.concatenate(claims_from))
    while layer.size:
        cells = (layer[:, None] + steps[None, :]).ravel()
        keys = np.arange(cells.size, dtype=np.int64)
        layer = _claim(flat, open_, cells, keys, np.repeat(layer, steps.size))
    return flat.reshape(labels.shape)


def _claim(flat: np.ndarray, open_: np.ndarray, cells: np.ndarray, keys: np.ndarray,
           sources: np.ndarray) -> np.ndarray:
    """Give each open cell the label of its first claim (lowest key); the claimed cells in
    claim order."""
    wanted = open_[cells]
    cells, keys, sources = cells[wanted], keys[wanted], sources[wanted]
    if cells.size == 0:
        return cells
    order = np.lexsort((keys, cells))
    cells, keys, sources = cells[order], keys[order], sources[order]
    first = np.ones(cells.size, dtype=bool)
    first[1:] = cells[1:] != cells[:-1]
    cells, keys, sources = cells[first], keys[first], sources[first]
    flat[cells] = flat[sources]
    open_[cells] = False
    return cells[np.argsort(keys, kind="stable")]


def label_inside(mask: np.ndarray, connectivity: int) -> Tuple[np.ndarray, int]:
    """Components of ``mask`` (``connectivity``) without its outermost rows and columns.

    The engine's labelling blanks that frame first, so two parts joined only through it are
    two components; cells on it get 0.
    """
    from scipy import ndimage

    inside = mask.copy()
    inside[0, :] = inside[-1, :] = inside[:, 0] = inside[:, -1] = False
    structure = np.ones((3, 3), bool) if connectivity == 8 else None
    labels, count = ndimage.label(inside, structure=structure)
    return labels, int(count)


def crossing_components(connector: np.ndarray, flooded: np.ndarray,
                        connectivity: int) -> np.ndarray:
    """Connector cells whose component (``connectivity``, see :func:`label_inside`) holds two
    or more flood labels (0, not reached, counts as a label too, as in the engine)."""
    from scipy import ndimage

    parts, count = label_inside(connector, connectivity)
    if count == 0:
        return np.zeros(connector.shape, dtype=bool)
    inside = parts > 0
    low = ndimage.minimum(flooded, parts, index=np.arange(1, count + 1))
    high = ndimage.maximum(flooded, parts, index=np.arange(1, count + 1))
    crossing = np.zeros(count + 1, dtype=bool)
    crossing[1:] = np.asarray(high) > np.asarray(low)
    return crossing[parts] & inside
