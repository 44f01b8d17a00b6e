"""MSPA on overlapping tiles, for maps too large for one run, and how far it agrees.

:func:`mspa_tiled` runs :func:`.mspa.mspa` tile by tile: each tile is read with ``overlap``
extra cells on every side, and only the tile's own cells are kept. :func:`agreement` compares
two class maps (the tiled one against one run over the whole map) cell by cell.

Which classes a tile can get right depends on how far the information that decides them
travels (``T = edge_width + 0.98`` cells, as in :mod:`.mspa`):

* **Local, exact with enough overlap**: whether a cell is *core* depends on the foreground
  within ``T`` of it; whether it is in the ring around core (*edge* or *perforation*) on the
  foreground within ``2 T``. Missing cells count as foreground when they lie within ``T`` of
  foreground, which adds ``T``. So core and the ring are those of the whole map whenever
  ``overlap >= 3 x (edge_width + 1)`` (``2 x`` without missing cells).
* **Decided by a whole patch or a whole hole, exact only when it fits in the tile read**:
  *edge* against *perforation* (does the non-core region next to the core close into a hole
  of the core?), *islet* (does the patch hold core anywhere?), and the intext codes (+100
  inside a core opening, 220 for other enclosed background). A tile edge opens every hole it
  cuts and ends every patch it cuts, and the map frame (the tile's outer rows replicated
  outward) then decides them.
* **Decided by connectivity, approximate**: *bridge*, *loop* and *branch* depend on where a
  connector's other end leads (to another core, back to the same core, or nowhere), which
  may lie any distance away. A corridor cut by the tile read ends at the read's edge: the
  frame continues it a few cells and the thinning ends it there, so a bridge whose second
  core lies beyond the read becomes a branch (or, where the corridor is wide enough to hold
  core in the frame, stays a bridge to a core that is not there), and a loop that leaves the
  read becomes branches.

The tiled result therefore equals the whole run on a tile's own cells when every patch and
every hole that reaches them lies inside the tile read, at least ``3 x (edge_width + 1)``
cells from its edges inside the map. Elsewhere the errors sit at bridges, loops and branches
near tile edges and at large patches and holes that tile edges cut.
bench/scale_accuracy_cases.py measures how large they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Mapping, Optional, Sequence, Tuple

import numpy as np

from ..errors import EspInputError
from ..progress import NullProgress, Progress, SubProgress, check_cancelled
from ..tiles import tiling
from .mspa import MISSING, _check_guidos, mspa

#: The MSPA codes by class, the +100 of "inside a core opening" ignored (so that a cell that
#: keeps its class but not its intext bit still agrees within the class).
MSPA_FAMILIES: Dict[str, Tuple[int, ...]] = {
    "core": (17, 117),
    "islet": (9, 109),
    "edge": (3, 103),
    "perforation": (5, 105),
    "bridge": (33, 35, 37, 133, 135, 137),
    "loop": (65, 67, 69, 165, 167, 169),
    "branch": (1, 101),
    "background": (0, 100, 220),
    "missing": (MISSING,),
}


def _whole_number(value: object, name: str, least: int) -> int:
    """``value`` as an int >= ``least``, or EspInputError naming ``name``."""
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool) \
            and int(value) >= least:
        return int(value)
    raise EspInputError("The {name} must be a whole number of cells of at least {least}, "
                        "not {value!r}.", name=name, least=least, value=value)


def mspa_tiled(foreground: np.ndarray, *, tile: int, overlap: int, connectivity: int = 8,
               edge_width: int = 1, intext: bool = True, engine: str = "v2.3",
               progress: Optional[Progress] = None) -> np.ndarray:
    """MSPA class codes computed tile by tile, each tile read with an overlap.

    Parameters
    ----------
    foreground : 2-D array of 0, 1, 2
        GuidosToolbox coding (0 missing, 1 background, 2 foreground), as for
        :func:`.mspa.mspa`. Not modified.
    tile : int, at least 1
        Side of a tile in cells; the last tiles of a row or column are cut by the map edge.
    overlap : int, at least 0
        Cells read beyond every side of a tile (clipped at the map edge) and then dropped.
    connectivity, edge_width, intext, engine
        As for :func:`.mspa.mspa`, passed to every tile.
    progress : Progress, optional
        Reports fractions 0-1 over all tiles and is polled for cancellation.

    Returns
    -------
    uint8 array of the input's shape with the codes of :data:`.mspa.MSPA_CLASSES`. With a
    tile at least as large as the map it is :func:`.mspa.mspa`'s result.

    Raises
    ------
    EspInputError
        On a tile below 1 or a negative overlap (or ones that are not whole numbers), on
        input that is not a 2-D map of 0, 1 and 2, and on the options :func:`.mspa.mspa`
        refuses.
    Cancelled
        When ``progress`` asks to stop.

    Notes
    -----
    What is exact and what is approximate (see the module notes for why):

    * **core** and the ring around it (**edge** or **perforation** together) are exact when
      ``overlap >= 3 x (edge_width + 1)``: they depend only on the foreground (and missing
      cells) within that distance;
    * **edge** against **perforation**, **islet**, and the intext codes (+100, 220) are
      exact when the hole or patch that decides them lies inside the tile read; a tile edge
      opens the holes and ends the patches it cuts;
    * **bridge**, **loop** and **branch** are approximate: they depend on where a connector
      leads, which can be beyond any overlap. A narrow bridge whose far core lies beyond
      the read becomes a branch; a loop that leaves the read becomes branches.

    Every tile costs one :func:`.mspa.mspa` run on its read, so the total time grows with
    ``((tile + 2 overlap) / tile) ** 2``, and the memory is that of one read.
    """
    tile = _whole_number(tile, "tile size", 1)
    overlap = _whole_number(overlap, "tile overlap", 0)
    guidos = _check_guidos(foreground)
    progress = progress or NullProgress()
    tiles = tiling(guidos.shape, tile, halo=overlap)
    out = np.empty(guidos.shape, dtype=np.uint8)
    for number, part in enumerate(tiles):
        check_cancelled(progress)
        step = SubProgress(progress, number / len(tiles), (number + 1) / len(tiles))
        codes = mspa(guidos[slice(*part.read_rows), slice(*part.read_cols)],
                     connectivity=connectivity, edge_width=edge_width, intext=intext,
                     engine=engine, progress=step)
        out[part.core] = codes[part.inner]
    progress.update(1.0)
    return out


# ------------------------------------------------------------------------ agreement ----

@dataclass(frozen=True)
class Agreement:
    """How far a class map ``b`` agrees with a reference ``a``, cell by cell.

    ``overall``: share of all cells with the same code (intext bit included).
    ``same_class``: share of all cells in the same class (a cell of no listed class must keep
    its code).
    ``per_class``: for each class, the share of the cells that class holds in ``a`` that
    hold one of its codes in ``b`` too (NaN when ``a`` has no such cell).
    ``cells``: the number of cells of each class in ``a``.
    """

    overall: float
    same_class: float
    per_class: Dict[str, float]
    cells: Dict[str, int]


def agreement(a: np.ndarray, b: np.ndarray, *,
              classes: Optional[Mapping[str, Sequence[int]]] = None) -> Agreement:
    """Share of cells on which two MSPA maps agree, overall and class by class.

    Parameters
    ----------
    a : 2-D array of MSPA codes
        The reference (for example :func:`.mspa.mspa` over the whole map).
    b : 2-D array of MSPA codes, same shape
        The map compared with it (for example :func:`mspa_tiled`).
    classes : mapping of name -> codes, optional
        The classes to report; by default :data:`MSPA_FAMILIES` (the intext bit ignored).
        A cell of class c in ``a`` agrees when its code in ``b`` is one of c's codes.

    Returns
    -------
    Agreement

    Raises
    ------
    EspInputError
        When the maps are not non-empty 2-D arrays of one shape holding codes 0 to 255.
    """
    a, b = np.asarray(a), np.asarray(b)
    if a.ndim != 2 or a.shape != b.shape or a.size == 0:
        raise EspInputError("Compare two non-empty 2-D class maps of one shape, not "
                            "{first} and {second}.", first=a.shape, second=b.shape)
    if min(a.min(), b.min()) < 0 or max(a.max(), b.max()) > 255:
        raise EspInputError("MSPA codes run from 0 to 255; these maps hold {low} to {high}.",
                            low=min(a.min(), b.min()), high=max(a.max(), b.max()))
    classes = MSPA_FAMILIES if classes is None else classes
    which = _class_of_code(classes)
    per_class: Dict[str, float] = {}
    cells: Dict[str, int] = {}
    for name, codes in classes.items():
        members = np.isin(a, codes)
        count = int(np.count_nonzero(members))
        same = int(np.count_nonzero(np.isin(b[members], codes)))
        cells[name] = count
        per_class[name] = same / count if count else float("nan")
    overall = float(np.count_nonzero(a == b)) / a.size
    class_a, class_b = which[a.astype(np.intp)], which[b.astype(np.intp)]
    same_class = float(np.count_nonzero(class_a == class_b)) / a.size
    return Agreement(overall=overall, same_class=same_class, per_class=per_class, cells=cells)


def _class_of_code(classes: Mapping[str, Sequence[int]]) -> np.ndarray:
    """Lookup table code -> class number; a code in no class is a class of its own."""
    which = np.arange(256, 512)
    for number, codes in enumerate(classes.values()):
        which[np.asarray(codes, dtype=np.intp)] = number
    return which
