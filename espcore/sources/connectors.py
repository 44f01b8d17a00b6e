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
from typing import Deque, Dict, List, NamedTuple, Optional, Tuple

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
                         limit: Optional[float] = None,
                         progress: Optional[Progress] = None) -> np.ndarray:
    """Distance from ``reference`` cells within ``mask`` (float32; 0 where not reached).

    Paths may only cross mask cells (4-connected propagation, straight segments where the
    line of sight stays in the mask). Reference cells outside the mask are ignored; they and
    every cell the propagation does not reach get 0, as in the engine.

    With ``limit``, cells farther than ``limit`` do not pass the propagation on: the
    distances up to ``limit`` are the same (every cell on a path to them is nearer than
    ``limit`` + 1), cells farther away may get any distance above ``limit`` or 0. Besides the
    result, the work takes about 5 bytes per cell of the reached components' bounding box.
    """
    progress = progress or NullProgress()
    from scipy import ndimage

    seeds = reference & mask
    if not seeds.any():
        return np.zeros(mask.shape, dtype=np.float32)
    # Only the 4-connected mask components holding reference cells are reached, and no line
    # of sight leaves their bounding box: work there, with a one-cell empty frame.
    parts, count = ndimage.label(mask)
    hit = np.zeros(count + 1, dtype=bool)
    hit[parts[seeds]] = True
    hit[0] = False
    reached = hit[parts]
    del parts
    # Every cell of these components gets its distance once: they measure the progress.
    total = max(int(np.count_nonzero(reached)), 1)
    box = _bbox(reached)
    del reached
    assert box is not None
    part = mask[box]
    inner = np.zeros((part.shape[0] + 2, part.shape[1] + 2), dtype=np.uint8)
    inner[1:-1, 1:-1] = part
    ncol = inner.shape[1]
    size = inner.size
    # 0 outside the mask, 1 in the mask and not yet queued, 2 queued.
    state = bytearray(inner.ravel())
    del inner
    rows_in, cols_in = np.nonzero(seeds[box])
    refs = ((rows_in + 1) * ncol + cols_in + 1).tolist()
    del rows_in, cols_in
    # The offset (x, y) from each cell to its origin, as one code (x + half) * width +
    # (y + half): with a limit the offsets stay within a byte and the code in 16 bits.
    narrow = limit is not None and limit < 100
    half, width = (128, 256) if narrow else (1 << 15, 1 << 16)
    # The all-ones code would be the offset (half - 1, half - 1): never reached.
    unset = width * width - 1
    codes = array("H" if narrow else "I", [unset]) * size
    origin_code = half * width + half
    # The distance of a cell's origin, set only where a line of sight failed.
    base: Dict[int, float] = {}
    spread_limit = math.inf if limit is None else float(limit)
    shifts = [dr * ncol + dc for dr, dc in _DISTANCE_STEPS]

    queue: Deque[int] = deque()
    for cell in refs:
        state[cell] = 2
        codes[cell] = origin_code
    for cell in refs:
        for shift in shifts:
            neighbour = cell + shift
            if state[neighbour] == 1:
                state[neighbour] = 2
                queue.append(neighbour)
    del refs

    sqrt = math.sqrt
    get_base = base.get
    f32 = _F32_CELL
    # Per neighbour direction and offset code of that neighbour, what the cell would take
    # from it (see _Candidate); built on first use.
    candidates: List[Dict[int, _Candidate]] = [{} for _ in range(4)]
    towards = [(shifts[k], candidates[k], (_TOWARDS[k][0] + half) * width
                + _TOWARDS[k][1] + half, k) for k in range(4)]
    lengths: Dict[int, float] = {}
    measured = 0
    while queue:
        check_cancelled(progress)
        # Every cell of the queue that has no distance yet gets one from its neighbours,
        # in queue order (a cell set earlier in this round already counts for later ones).
        lowest = math.inf
        for cell in queue:
            if codes[cell] != unset:
                continue
            measured += 1
            best = math.inf
            for shift, table, step_code, k in towards:
                other = cell + shift
                code = codes[other]
                if code == unset:
                    continue
                found = table.get(code)
                if found is None:
                    found = table[code] = _candidate(code, k, half, width, ncol)
                # unpacked at once: a tuple's fields are slower to read one by one
                through, start, line, reach, reach32, length = found
                start += other
                origin = get_base(other, 0.0)
                for step in line:
                    if not state[start + step]:
                        f32[0] = length + origin + 1.0
                        value = f32[0]
                        if value < best:
                            codes[cell] = step_code
                            f32[0] = value - 1.0
                            base[cell] = f32[0]
                            best = value
                        break
                else:
                    if origin:
                        f32[0] = reach + origin
                        value = f32[0]
                    else:
                        value = reach32
                    if value < best:
                        codes[cell] = through
                        if origin:
                            base[cell] = origin
                        else:
                            base.pop(cell, None)
                        best = value
            if best < lowest:
                lowest = best
        progress.update(measured / total)
        # Cells farther than this round's nearest new one wait; the others spread.
        queue.append(_ROUND_END)
        while True:
            cell = queue.popleft()
            if cell == _ROUND_END:
                break
            code = codes[cell]
            own = lengths.get(code)
            if own is None:
                ox, oy = code // width - half, code % width - half
                own = lengths[code] = sqrt(ox * ox + oy * oy)
            value = own + get_base(cell, 0.0)
            if value > spread_limit:
                continue
            if value > lowest:
                queue.append(cell)
                continue
            for shift in shifts:
                neighbour = cell + shift
                if state[neighbour] == 1:
                    state[neighbour] = 2
                    queue.append(neighbour)

    del state, queue, candidates
    flat_codes = np.frombuffer(codes, dtype=np.uint16 if narrow else np.uint32)
    origins = np.zeros(0, dtype=np.float32)
    at = np.zeros(0, dtype=np.int64)
    if base:
        at = np.fromiter(base.keys(), dtype=np.int64, count=len(base))
        origins = np.fromiter(base.values(), dtype=np.float32, count=len(base))
        order = np.argsort(at)
        at, origins = at[order], origins[order]
        del order
    base.clear()
    distance = np.zeros(mask.shape, dtype=np.float32)
    window = distance[box]
    # In slices of the work area, so that the index arrays stay small.
    chunk = max(ncol, 1 << 20)
    for first in range(0, size, chunk):
        set_ = np.flatnonzero(flat_codes[first:first + chunk] != unset) + first
        dx, dy = np.divmod(flat_codes[set_].astype(np.int64), width)
        dx = (dx - half).astype(np.float64)
        dy = (dy - half).astype(np.float64)
        values = np.sqrt(dx * dx + dy * dy).astype(np.float32)
        del dx, dy
        low, high = np.searchsorted(at, [first, first + chunk])
        if high > low:
            values[np.searchsorted(set_, at[low:high])] += origins[low:high]
        rows, cols = np.divmod(set_, ncol)
        window[rows - 1, cols - 1] = values
    return distance


class _Candidate(NamedTuple):
    """What a cell takes from its neighbour in one direction whose offset code is given:
    ``code``, the cell's offset code through the neighbour's origin; ``start``, the
    neighbour's origin relative to the neighbour; ``line``, the line of sight from that
    origin to the cell (flat offsets); ``reach``, its length and ``reach32`` that length in
    single precision; ``length``, the neighbour's own distance to its origin."""

    code: int
    start: int
    line: Tuple[int, ...]
    reach: float
    reach32: float
    length: float


def _candidate(code: int, k: int, half: int, width: int, ncol: int) -> _Candidate:
    ox, oy = code // width - half, code % width - half
    step_x, step_y = _TOWARDS[k]
    tx, ty = ox + step_x, oy + step_y
    reach = math.sqrt(tx * tx + ty * ty)
    return _Candidate((tx + half) * width + ty + half, -ox - oy * ncol, _line(tx, ty, ncol),
                      reach, _f32(reach), math.sqrt(ox * ox + oy * oy))


def _f32(value: float) -> float:
    """``value`` rounded to single precision, as the engine stores it."""
    _F32_CELL[0] = value
    return _F32_CELL[0]


_F32_CELL = array("f", [0.0])


def _flood_steps(ncol: int, connectivity: int) -> List[int]:
    return [dr * ncol + dc for dr, dc in _FLOOD_STEPS[:connectivity]]


def flood_labels(labels: np.ndarray, region: np.ndarray, connectivity: int, *,
                 in_place: bool = False) -> np.ndarray:
    """Labels of ``labels`` (> 0) spread breadth first through ``region``, in the engine's
    order; cells the floods do not reach stay 0.

    The seeds are taken in raster order. With 8-connectivity every seed first claims its
    free 4-neighbours, then every seed its free diagonal neighbours; after that each cell, in
    the order it was reached, claims its free neighbours N, W, S, E (NW, NE, SW, SE). The
    outermost rows and columns are never flooded (and their labels do not spread), as in the
    engine, which frames the label image. Returns int32 labels; with ``in_place`` (``labels``
    must then be a C-contiguous int32 array) they are written into ``labels``.
    """
    rows, cols = labels.shape
    if in_place:
        if labels.dtype != np.int32 or not labels.flags.c_contiguous:
            raise ValueError("in_place needs C-contiguous int32 labels")
        image = labels
    else:
        image = labels.astype(np.int32)
    image[0, :] = image[-1, :] = image[:, 0] = image[:, -1] = 0
    open_ = region & (image <= 0)
    open_[0, :] = open_[-1, :] = open_[:, 0] = open_[:, -1] = False
    seeds = image > 0
    flat = image.ravel()
    free = open_.ravel()
    steps = _flood_steps(cols, connectivity)
    passes = [steps[:4], steps[4:]] if connectivity == 8 else [steps]
    layers = []
    for part in passes:
        layers.append(_seed_pass(flat, free, seeds.ravel(), part))
    del seeds
    # Cell numbers in 32 bits where they fit: the claims of a layer are the flood's
    # largest work arrays.
    index = np.int32 if flat.size < 2 ** 31 else np.int64
    layer = np.concatenate(layers).astype(index)
    steps_array = np.array(steps, dtype=index)
    while layer.size:
        layer = _spread(flat, free, layer, steps_array)
    return image


def _seed_pass(flat: np.ndarray, free: np.ndarray, seeds: np.ndarray,
               steps: List[int]) -> np.ndarray:
    """Every seed claims its free neighbours at ``steps``; the claimed cells in claim order.

    Claims go seed by seed in raster order, each seed's in the order of ``steps``, and the
    first claim wins. So a cell goes to the claiming seed that comes first in raster order,
    the one at the largest step back: no sort of the claims is needed.
    """
    size = flat.size
    chosen = np.full(size, -1, dtype=np.int8)
    for k in sorted(range(len(steps)), key=lambda i: steps[i]):
        step = steps[k]
        # Cells c with a seed at c - step.
        if step > 0:
            target, source = slice(step, size), slice(0, size - step)
        else:
            target, source = slice(0, size + step), slice(-step, size)
        hit = free[target] & seeds[source]
        np.copyto(chosen[target], np.int8(k), where=hit)
        del hit
    cells = np.flatnonzero(chosen >= 0)
    which = chosen[cells].astype(np.int64)
    del chosen
    sources = cells - np.asarray(steps, dtype=np.int64)[which]
    order = np.lexsort((which, sources))
    cells, sources = cells[order], sources[order]
    flat[cells] = flat[sources]
    free[cells] = False
    return cells


def _spread(flat: np.ndarray, free: np.ndarray, layer: np.ndarray,
            steps: np.ndarray) -> np.ndarray:
    """The cells of ``layer``, in order, claim their free neighbours at ``steps``; the first
    claim (layer position, then step) wins. Returns the claimed cells in claim order."""
    targets, keys, sources = [], [], []
    position = np.arange(layer.size, dtype=np.int64) * steps.size
    for k, step in enumerate(steps):
        cells = layer + step
        wanted = free[cells]
        targets.append(cells[wanted])
        keys.append(position[wanted] + k)
        sources.append(layer[wanted])
    cells = np.concatenate(targets)
    if cells.size == 0:
        return cells
    claim_keys = np.concatenate(keys)
    claim_sources = np.concatenate(sources)
    order = np.lexsort((claim_keys, cells))
    cells, claim_keys, claim_sources = cells[order], claim_keys[order], claim_sources[order]
    first = np.ones(cells.size, dtype=bool)
    first[1:] = cells[1:] != cells[:-1]
    cells, claim_keys, claim_sources = cells[first], claim_keys[first], claim_sources[first]
    flat[cells] = flat[claim_sources]
    free[cells] = False
    return cells[np.argsort(claim_keys, kind="stable")]


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
    return _components_with(connector, _flood_meetings(connector, flooded, connectivity),
                           connectivity)


def _flood_meetings(connector: np.ndarray, flooded: np.ndarray,
                   connectivity: int) -> np.ndarray:
    """Connector cells next to a connector cell (``connectivity``, off the outer frame) of
    another flood label.

    A component holds two labels exactly when two of its neighbouring cells differ, so these
    cells mark the crossing components without a per-component minimum and maximum.
    """
    inside = connector.copy()
    inside[0, :] = inside[-1, :] = inside[:, 0] = inside[:, -1] = False
    meets = np.zeros(connector.shape, dtype=bool)
    offsets = [(0, 1), (1, 0)] + ([(1, 1), (1, -1)] if connectivity == 8 else [])
    rows, cols = connector.shape
    for dr, dc in offsets:
        here = (slice(0, rows - dr), slice(max(-dc, 0), cols - max(dc, 0)))
        there = (slice(dr, rows), slice(max(dc, 0), cols - max(-dc, 0)))
        pair = inside[here] & inside[there]
        pair &= flooded[here] != flooded[there]
        meets[here] |= pair
    return meets


def _components_with(mask: np.ndarray, marks: np.ndarray, connectivity: int) -> np.ndarray:
    """The components of ``mask`` (see :func:`label_inside`) that hold a ``marks`` cell."""
    parts, count = label_inside(mask, connectivity)
    if count == 0:
        return np.zeros(mask.shape, dtype=bool)
    hit = np.zeros(count + 1, dtype=bool)
    hit[parts[marks]] = True
    hit[0] = False
    return hit[parts]
