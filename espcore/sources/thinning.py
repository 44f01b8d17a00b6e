"""Anchored order-independent thinning, as GuidosToolbox's MSPA engine thins connectors.

MSPA finds bridges, loops and branches on the skeleton of the non-core foreground, and the
class of a connector cell depends on where that skeleton lies. To give GuidosToolbox's bytes,
the skeleton must be the one of its engine (miallib's ``binOIthin_FIFO``): Iwanowski &
Soille's order-independent thinning, run with a queue. This module implements that procedure
in vectorised form:

* a cell is a **candidate** when it is foreground, not anchored, simple (its removal changes
  neither the foreground nor the background components of its 3x3 neighbourhood) and
  *independent* of each simple, non-anchored foreground neighbour (:func:`_independent`);
* every round deletes **all** candidates at once, without re-checking them against each other;
* only the 8 neighbours of the cells just deleted are examined for the next round (a cell two
  steps away is not re-examined even though its independence may have changed); the engine
  does the same, and its result depends on it.

The independence rules (per neighbour pair, then the "isolated triple or quadruple" and, for
4-connectivity, the "edge configuration" exceptions) are those of Iwanowski, M. & Soille, P.
(2005), *Order independence in binary 2D homotopic thinning*, DGCI 2005, LNCS 3429, 592-604.

The result need not be one cell thin (order independence keeps two-cell-wide strips whose
skeleton could lie on either side) and, like the engine's, does not keep end points: what is
attached to the anchor at one end only is removed entirely.
"""

from __future__ import annotations

from typing import List, Optional, Tuple

import numpy as np
import numpy.typing as npt

from ..progress import NullProgress, Progress, check_cancelled

# Neighbour k of a cell, as a (row, column) step: W, E, N, S, NW, SW, NE, SE. The order is the
# engine's and matters: it fixes which dependent neighbour is found first.
STEPS = ((0, -1), (0, 1), (-1, 0), (1, 0), (-1, -1), (1, -1), (-1, 1), (1, 1))
W, E, N, S, NW, SW, NE, SE = range(8)

# For an orthogonal neighbour k: the cells (a, b) on one side of the pair and (c, d) on the
# other; for a diagonal neighbour k: the two cells (a, b) adjacent to both.
_ORTHOGONAL_SIDES = {W: (N, NW, S, SW), E: (N, NE, S, SE), N: (W, NW, E, NE),
                     S: (W, SW, E, SE)}
_DIAGONAL_COMMON = {NW: (W, N), SW: (S, W), NE: (N, E), SE: (E, S)}

# Configuration numbers (the engine's ``conftype``) that mark a possible isolated triple of
# simple cells (with two simple neighbours) or quadruple (with three).
_TRIPLE_CONFIGURATIONS = (2, 3, 6, 7, 9, 13)
_QUADRUPLE_CONFIGURATIONS = (4, 8, 17)

_SIMPLE_TABLES: dict = {}

# The direction in which neighbour k sees the cell, and foreground counts of every code.
_OPPOSITE = (E, W, S, N, SE, NE, SW, NW)
_COUNT8 = np.array([bin(code).count("1") for code in range(256)], dtype=np.int8)
_COUNT4 = _COUNT8[np.arange(256) & 0b1111]  # W, E, N, S are bits 0-3


def _components(cells: List[Tuple[int, int]], step: int) -> List[List[Tuple[int, int]]]:
    """Connected groups of 3x3-ring positions (step 1: 4-adjacency, 2: 8-adjacency)."""
    groups: List[List[Tuple[int, int]]] = []
    left = list(cells)
    while left:
        group = [left.pop()]
        grew = True
        while grew:
            grew = False
            for cell in list(left):
                if any(abs(cell[0] - g[0]) + abs(cell[1] - g[1]) <= step
                       and max(abs(cell[0] - g[0]), abs(cell[1] - g[1])) == 1 for g in group):
                    group.append(cell)
                    left.remove(cell)
                    grew = True
        groups.append(group)
    return groups


def simple_table(connectivity: int) -> np.ndarray:
    """Which 3x3 neighbourhood codes make the centre cell simple (deletable without changing
    the topology), for foreground ``connectivity`` 8 (background 4) or 4 (background 8).

    Bit k of a code is set when the neighbour at ``STEPS[k]`` is foreground. The centre is
    simple when its foreground neighbours form exactly one component adjacent to it and its
    background neighbours exactly one component adjacent to it (Rosenfeld's / Bertrand's
    topological numbers, each counted with its own connectivity).
    """
    if connectivity in _SIMPLE_TABLES:
        return _SIMPLE_TABLES[connectivity]
    table: npt.NDArray[np.bool_] = np.zeros(256, dtype=bool)
    fg_step, bg_step = (2, 1) if connectivity == 8 else (1, 2)
    for code in range(256):
        fg = [STEPS[k] for k in range(8) if code >> k & 1]
        bg = [STEPS[k] for k in range(8) if not code >> k & 1]

        def touching(groups: List[List[Tuple[int, int]]], step: int) -> int:
            return sum(1 for g in groups if any(abs(c[0]) + abs(c[1]) <= step for c in g))

        table[code] = (touching(_components(fg, fg_step), fg_step) == 1
                       and touching(_components(bg, bg_step), bg_step) == 1)
    _SIMPLE_TABLES[connectivity] = table
    return table


class _Thinner:
    """The image as flat arrays, with the engine's tests on arrays of cell positions.

    ``codes`` holds every cell's 3x3 neighbourhood code (bit k: neighbour ``STEPS[k]`` is
    foreground), kept up to date by :meth:`remove`: a test reads one byte per cell instead
    of gathering its eight neighbours.
    """

    def __init__(self, image: np.ndarray, anchor: np.ndarray, connectivity: int) -> None:
        cols = image.shape[1]
        self.image = image.ravel()
        self.free = (image & ~anchor).ravel()
        self.table = simple_table(connectivity)
        self.four = connectivity == 4
        self.steps = np.array([dr * cols + dc for dr, dc in STEPS], dtype=np.int64)
        size = self.image.size
        self.codes = np.zeros(size, dtype=np.uint8)
        for k, step in enumerate(self.steps):
            low, high = max(0, -int(step)), size - max(0, int(step))
            bit = np.left_shift(self.image[low + step:high + step].astype(np.uint8),
                                np.uint8(k))
            self.codes[low:high] |= bit

    def remove(self, cells: np.ndarray) -> None:
        """Delete ``cells`` from the foreground (distinct, away from the array's border)."""
        self.image[cells] = False
        self.free[cells] = False
        for k, step in enumerate(self.steps):
            # the neighbour at STEPS[k] sees the deleted cell in the opposite direction
            self.codes[cells + step] &= np.uint8(0xFF ^ (1 << _OPPOSITE[k]))

    def neighbours(self, cells: np.ndarray) -> List[np.ndarray]:
        """Foreground flag of neighbour k of every cell, for k = 0..7."""
        code = self.codes[cells]
        return [(code & np.uint8(1 << k)).astype(bool) for k in range(8)]

    def simple(self, cells: np.ndarray) -> np.ndarray:
        return self.image[cells] & self.table[self.codes[cells]]

    def deletable(self, cells: np.ndarray) -> np.ndarray:
        """Free, simple and independent: the cells that go in the next round."""
        cells = cells[self.free[cells]]
        cells = cells[self.simple(cells)]
        return cells[self._independent(cells)]

    def _foreground_count(self, cells: np.ndarray, ks: range) -> np.ndarray:
        """Foreground neighbours among ``STEPS[:4]`` (``ks`` = range(4)) or all eight."""
        return (_COUNT4 if len(ks) == 4 else _COUNT8)[self.codes[cells]]

    def _independent(self, cells: np.ndarray) -> np.ndarray:
        count = cells.size
        fg = self.neighbours(cells)
        # Neighbour k "counts" when it is a free simple foreground cell (the engine's
        # testsimple); only pairs with such neighbours are checked.
        counts = [self.free[cells + step] & self.simple(cells + step) for step in self.steps]
        pair_ok: List[np.ndarray] = []
        conftype: List[np.ndarray] = []
        for k in range(8):
            if k in _ORTHOGONAL_SIDES:
                a, b, c, d = (fg[i] for i in _ORTHOGONAL_SIDES[k])
                if self.four:
                    ok = (a & b) ^ (c & d)  # exactly one side fully foreground
                else:
                    ok = (a | b) ^ (c | d)  # exactly one side empty
                conf = 5 + (d.astype(np.int8) | c.astype(np.int8) << 1
                            | b.astype(np.int8) << 2 | a.astype(np.int8) << 3)
            else:
                a, b = (fg[i] for i in _DIAGONAL_COMMON[k])
                ok = ~(a & b) if self.four else (a | b)
                conf = 1 + (b.astype(np.int8) | a.astype(np.int8) << 1)
            pair_ok.append(ok)
            conftype.append(conf)
        failing = np.stack([counts[k] & ~pair_ok[k] for k in range(8)])
        independent: np.ndarray = ~np.any(failing, axis=0)
        result = independent.copy()

        if self.four:
            # A dependent diagonal pair whose two common neighbours are free and simple, in a
            # cell with exactly two background 4-neighbours, is an edge configuration: the
            # cell is independent after all, unless it is part of an isolated 2x2 block.
            first = np.argmax(failing, axis=0)
            edge = ~independent & (first >= 4)
            if edge.any():
                common_ok = np.zeros(count, dtype=bool)
                for k, (a_k, b_k) in _DIAGONAL_COMMON.items():
                    at = edge & (first == k)
                    common_ok[at] = counts[a_k][at] & counts[b_k][at]
                background4 = 4 - sum(fg[k].astype(np.int8) for k in range(4))
                edge &= common_ok & (background4 == 2)
                isolated = edge.copy()
                for k in range(4):
                    neighbour = cells + self.steps[k]
                    isolated &= ~(counts[k] & (self._foreground_count(neighbour, range(4))
                                               != 2))
                result |= edge & ~isolated

        # An independent cell with two (three) counting neighbours in one of the triple
        # (quadruple) configurations is kept when every counting neighbour has as many
        # foreground neighbours as it has counting ones: an isolated group of simple cells
        # must not vanish at once.
        number = sum(c.astype(np.int8) for c in counts)
        last = np.full(count, -1, dtype=np.int8)
        for k in range(8):
            last = np.where(counts[k], conftype[k], last)
        group = independent & (((number == 2) & np.isin(last, _TRIPLE_CONFIGURATIONS))
                               | ((number == 3) & np.isin(last, _QUADRUPLE_CONFIGURATIONS)))
        if group.any():
            same = group.copy()
            for k in range(8):
                neighbour = cells + self.steps[k]
                same &= ~(counts[k] & (self._foreground_count(neighbour, range(8)) != number))
            result &= ~same
        return result


def anchored_thinning(image: np.ndarray, anchor: np.ndarray, *, connectivity: int = 8,
                      progress: Optional[Progress] = None) -> np.ndarray:
    """GuidosToolbox's anchored order-independent thinning of ``image``; ``anchor`` cells stay.

    ``image`` must be background on its outer two rows and columns (the engine blanks that
    frame). Foreground ``connectivity`` 8 (background 4) or 4 (background 8). Returns the
    thinned image (a new array). Time is proportional to the deleted cells plus the number of
    rounds (the depth of the thickest structure that is thinned away); besides the image, the
    work arrays take about 3 bytes per cell.
    """
    progress = progress or NullProgress()
    thin = image.copy()
    thinner = _Thinner(thin, anchor, connectivity)
    free = thinner.free.reshape(image.shape)
    start = free.copy()
    start[:2, :] = start[-2:, :] = False
    start[:, :2] = start[:, -2:] = False
    queue = _deletable(thinner, np.flatnonzero(start))
    del start
    total = max(int(np.count_nonzero(thinner.free)), 1)
    deleted = 0
    steps = thinner.steps
    nearby = np.zeros(thinner.image.size, dtype=bool)
    while queue.size:
        check_cancelled(progress)
        thinner.remove(queue)
        deleted += queue.size
        progress.update(min(deleted / total, 1.0))
        # The neighbours of the deleted cells, once each and in raster order (what a sort
        # and unique would give, without the eight-fold index array).
        for step in steps:
            nearby[queue + step] = True
        cells = np.flatnonzero(nearby)
        nearby[cells] = False
        queue = _deletable(thinner, cells)
    return thin


#: Cells examined at once: the tests hold about 40 bytes per examined cell.
_CHUNK = 1 << 18


def _deletable(thinner: _Thinner, cells: np.ndarray) -> np.ndarray:
    # A round decides every cell on the image as it was before the round, so the cells can
    # be examined in chunks.
    if cells.size <= _CHUNK:
        return thinner.deletable(cells)
    return np.concatenate([thinner.deletable(cells[i:i + _CHUNK])
                           for i in range(0, cells.size, _CHUNK)])
