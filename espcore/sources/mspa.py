"""Morphological spatial pattern analysis (MSPA), compatible with GuidosToolbox.

MSPA (Soille & Vogt 2009) splits the foreground of a binary map (forest / non-forest, ecological
land / other) into seven mutually exclusive classes: core, islet, edge, perforation, bridge,
loop and branch. The input uses GuidosToolbox's coding: 0 missing, 1 background,
2 foreground. The output codes are those of GuidosToolbox (GTB) and GWB: bits OR-ed onto the
foreground value 1 (2 edge, 4 perforation, 8 islet, 16 core, 32 bridge, 64 loop), +100 for
features inside a core opening, 129 missing, 220 border-opening background; see
:data:`MSPA_CLASSES`.

Definitions, with ``T = EW + 0.98`` (``EW`` the edge width in cells; GTB computes the
threshold in single precision and so do we) and distances between cell centres:

* **core**: foreground cells farther than ``T`` from every non-foreground cell (so with
  EW = 1 a cell is core when its eight neighbours are foreground);
* **islet**: foreground components (foreground connectivity) without core;
* **edge / perforation**: foreground within ``T`` of core, outside it. Perforation borders a
  hole of a core (a non-core region enclosed by core, holes taken with the background
  connectivity), edge borders the core's outside; nested cores inside holes are resolved level
  by level as GTB does;
* **connectors**: what is left (the opening and the residue) is thinned with the core as
  anchor by GTB's order-independent thinning (:mod:`.thinning`); with EW > 1 the skeleton is
  widened again by ``T - sqrt(2)``, measured *within* the non-core foreground
  (:func:`.connectors.constrained_distance`). The cores' labels flood the opening and the
  connectors breadth first in GTB's order (:func:`.connectors.flood_labels`); a connector
  component reached by two labels is a **bridge**, otherwise a **loop**. Connector cells
  inside an edge or perforation keep both bits (35, 37, 67, 69: "transition"). As in GTB and
  GWB, the ``transition`` switch changes only their colours, never the codes: with it off
  they are drawn in the colour of the edge or perforation they cross
  (:func:`class_colours`);
* **branch**: every other foreground cell (attached at one end only);
* **intext**: cells inside a core opening (a hole of a core, with everything it encloses)
  get +100; background in holes of the foreground that are not core openings gets 220.

Border and missing data as in GTB: the map is framed by a replica of its outer rows and
columns (so the map edge creates no edge class; ``engine`` picks v2.3's frame or v2.4's), and
missing cells within ``T`` of foreground count as foreground during the analysis; every
missing cell is reported as 129.

Every class is GTB's cell for cell: tests/core/test_mspa_cases.py compares the MSPA engine's
own outputs (v2.3 and v2.4, 20 maps at 32 settings) and GWB's published example.

Dependencies: scipy.ndimage and numpy; the two steps whose order decides single cells (the
widening distance and the flooding) follow the engine's procedure in :mod:`.connectors`.

Reference: Soille, P. & Vogt, P. (2009) Morphological segmentation of binary patterns.
Pattern Recognition Letters 30(4): 456-459. doi:10.1016/j.patrec.2008.10.015
"""

from __future__ import annotations

import math
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np
import numpy.typing as npt

from ..errors import EspInputError
from ..progress import NullProgress, Progress, SubProgress, check_cancelled
from .connectors import constrained_distance, crossing_components, flood_labels, label_inside
from .thinning import anchored_thinning

#: Every output code: (code, English name, GuidosToolbox colour). Names go through the
#: wrappers' translation; colours are those of GTB's MSPA colour table with transition on
#: (:func:`class_colours` gives the table with transition off).
MSPA_CLASSES: Tuple[Tuple[int, str, str], ...] = (
    (0, "Background", "#dcdcdc"),
    (1, "Branch", "#ff8c00"),
    (3, "Edge", "#000000"),
    (5, "Perforation", "#0000ff"),
    (9, "Islet", "#a03c00"),
    (17, "Core", "#00c800"),
    (33, "Bridge", "#ff0000"),
    (35, "Bridge in edge", "#ff0000"),
    (37, "Bridge in perforation", "#ff0000"),
    (65, "Loop", "#ffff00"),
    (67, "Loop in edge", "#ffff00"),
    (69, "Loop in perforation", "#ffff00"),
    (101, "Branch (internal)", "#ff8c00"),
    (103, "Edge (internal)", "#000000"),
    (105, "Perforation (internal)", "#0000ff"),
    (109, "Islet (internal)", "#a03c00"),
    (117, "Core (internal)", "#00c800"),
    (133, "Bridge (internal)", "#ff0000"),
    (135, "Bridge in edge (internal)", "#ff0000"),
    (137, "Bridge in perforation (internal)", "#ff0000"),
    (165, "Loop (internal)", "#ffff00"),
    (167, "Loop in edge (internal)", "#ffff00"),
    (169, "Loop in perforation (internal)", "#ffff00"),
    (100, "Core-opening background", "#888888"),
    (129, "Missing", "#ffffff"),
    (220, "Border-opening background", "#c3c3c3"),
)

MISSING = 129
BORDER_OPENING = 220
_NAMES = {code: name for code, name, _colour in MSPA_CLASSES}

#: With transition off GTB draws a connector cell that crosses an edge or perforation in the
#: colour of that edge or perforation: code -> the code whose colour it takes.
DRAWN_AS_WITHOUT_TRANSITION: Dict[int, int] = {35: 3, 37: 5, 67: 3, 69: 5,
                                               135: 103, 137: 105, 167: 103, 169: 105}


def class_colours(transition: bool = True) -> Dict[int, str]:
    """GuidosToolbox's colour of every MSPA code (``{code: "#rrggbb"}``).

    The codes do not depend on ``transition``, only the colours do: with transition off,
    35/67 (135/167) are drawn like edge and 37/69 (137/169) like perforation, as GTB's
    engine colour table for transition = 0 has them.
    """
    colours = {code: colour for code, _name, colour in MSPA_CLASSES}
    if not transition:
        for code, like in DRAWN_AS_WITHOUT_TRANSITION.items():
            colours[code] = colours[like]
    return colours


#: The engine versions whose border frame :func:`mspa` can reproduce (see its ``engine``).
ENGINES = ("v2.3", "v2.4")


def is_foreground_code(code: int) -> bool:
    """True for the codes of foreground classes (odd codes below 200 except 129)."""
    return code != MISSING and code < 200 and code % 2 == 1


# ------------------------------------------------------------------------- input coding ----

def _parse_classes(classes: Any) -> np.ndarray:
    try:
        values = np.asarray([float(c) for c in classes], dtype=np.float64)
    except (TypeError, ValueError):
        raise EspInputError("The foreground classes must be numbers, not {classes!r}.",
                            classes=classes) from None
    if values.size == 0 or not np.all(np.isfinite(values)):
        raise EspInputError("Give at least one foreground class (a land-cover code).")
    return values


def foreground_from_classes(values: np.ndarray, nodata_mask: np.ndarray,
                            classes: Sequence[float]) -> np.ndarray:
    """GuidosToolbox coding of a classified raster: 0 missing, 1 background, 2 foreground.

    Parameters
    ----------
    values : 2-D array
        Class codes (land cover). Values under ``nodata_mask`` are ignored.
    nodata_mask : 2-D bool array, same shape
        True on NoData cells; they become 0 (missing).
    classes : sequence of numbers
        The class codes that form the foreground (e.g. forest, grassland, water).

    Returns
    -------
    uint8 array of the same shape.

    Raises
    ------
    EspInputError
        When no valid cell holds any of ``classes`` (the list does not match the raster).
    """
    values = np.asarray(values)
    nodata_mask = np.asarray(nodata_mask, dtype=bool)
    if values.shape != nodata_mask.shape or values.ndim != 2:
        raise EspInputError("The class raster and its NoData mask must be 2-D arrays of one "
                            "shape.")
    wanted = _parse_classes(classes)
    foreground = np.isin(values, wanted) & ~nodata_mask
    if not foreground.any():
        present = np.unique(values[~nodata_mask])
        shown = ", ".join("{0:g}".format(v) for v in present[:20])
        raise EspInputError(
            "None of the foreground classes ({classes}) occurs in the raster, whose classes "
            "are {present}{more}. Give the codes of the land-cover classes that form the "
            "habitat (for example forest and grassland).",
            classes=", ".join("{0:g}".format(v) for v in wanted), present=shown or "none",
            more=", ..." if present.size > 20 else "")
    out = np.ones(values.shape, dtype=np.uint8)
    out[foreground] = 2
    out[nodata_mask] = 0
    return out


def _check_guidos(guidos: Any) -> np.ndarray:
    """The input as uint8 0/1/2, or EspInputError naming the values that do not belong."""
    array = np.asarray(guidos)
    if array.ndim != 2 or array.size == 0:
        raise EspInputError("The MSPA input must be a non-empty 2-D raster, not an array of "
                            "shape {shape}.", shape=array.shape)
    if array.dtype == np.uint8:
        present = np.flatnonzero(np.bincount(array.ravel(), minlength=3))
        bad = present[present > 2]
    elif array.dtype == np.bool_ or np.issubdtype(array.dtype, np.number):
        valid = (array == 0) | (array == 1) | (array == 2)
        bad = np.unique(array[~valid])
    else:
        raise EspInputError("The MSPA input must hold the numbers 0, 1 and 2, not {kind} "
                            "values.", kind=array.dtype)
    if bad.size:
        raise EspInputError(_BAD_VALUES, values=", ".join(
            "{0:g}".format(float(v)) for v in bad[:10]) + (", ..." if bad.size > 10 else ""))
    return array if array.dtype == np.uint8 else array.astype(np.uint8)


_BAD_VALUES = ("The MSPA input must be coded as GuidosToolbox expects: 0 missing, 1 background, "
               "2 foreground; it also holds {values}. Reclassify it, or give the list of "
               "foreground classes.")


# ----------------------------------------------------------------- morphology helpers ----

def _structure(connectivity: int) -> np.ndarray:
    if connectivity == 8:
        return np.ones((3, 3), dtype=bool)
    return np.array([[0, 1, 0], [1, 1, 1], [0, 1, 0]], dtype=bool)


def _max_sq_within(limit: np.float32) -> int:
    """Largest integer squared distance n with float32(sqrt(n)) <= limit (-1 if none).

    GTB thresholds single-precision distances; squared distances are integers, so this one
    integer reproduces its comparisons exactly.
    """
    if limit < 0:
        return -1
    n = int(math.ceil(float(limit) ** 2)) + 2
    while n >= 0 and np.sqrt(np.float32(n)) > limit:
        n -= 1
    return n


#: Rows handled at a time by :func:`_row_distances` (two int32 arrays of this many rows).
_BAND_ROWS = 256


def _row_distances(mask: np.ndarray, reach: int) -> np.ndarray:
    """Distance along its row from every cell to the nearest ``mask`` cell, capped at
    ``reach + 1`` (uint8, or uint16 for reaches beyond 254)."""
    # The column of the nearest mask cell to the left is a running maximum of the mask
    # cells' columns, to the right a running minimum: two passes whatever the reach, in
    # bands of rows so that the int32 columns stay small.
    dtype = np.uint8 if reach < 255 else np.uint16
    cap = reach + 1
    rows, cols = mask.shape
    gap = np.empty(mask.shape, dtype=dtype)
    columns = np.arange(cols, dtype=np.int32)
    none_left, none_right = np.int32(-cols - cap), np.int32(2 * cols + cap)
    for start in range(0, rows, _BAND_ROWS):
        band = mask[start:start + _BAND_ROWS]
        left = np.where(band, columns, none_left)
        np.maximum.accumulate(left, axis=1, out=left)
        np.subtract(columns, left, out=left)
        right = np.where(band[:, ::-1], columns[::-1], none_right)
        np.minimum.accumulate(right, axis=1, out=right)
        np.subtract(right[:, ::-1], columns, out=right[:, ::-1])
        np.minimum(left, right[:, ::-1], out=left)
        np.minimum(left, cap, out=left)
        gap[start:start + _BAND_ROWS] = left
    return gap


def _within(mask: np.ndarray, max_sq: int) -> np.ndarray:
    """Cells whose squared distance to ``mask`` is at most ``max_sq`` (mask included)."""
    # Strategy: exact and in one byte per cell. The row distance g to the nearest mask cell
    # is taken once; a cell is within when some row dy away has g <= sqrt(max_sq - dy**2),
    # which is one comparison per dy. (An EDT would hold float64 distances and int32
    # feature indices, 16 bytes per cell; a disk dilation costs a pass per disk cell.)
    if max_sq < 1 or not mask.any():
        return mask.copy()
    reach = math.isqrt(max_sq)
    gap = _row_distances(mask, reach)
    rows = mask.shape[0]
    out = gap <= reach
    for dy in range(1, min(reach, rows - 1) + 1):
        limit = gap.dtype.type(math.isqrt(max_sq - dy * dy))
        out[dy:] |= gap[:-dy] <= limit
        out[:-dy] |= gap[dy:] <= limit
    return out


def _beyond(mask: np.ndarray, max_sq: int) -> np.ndarray:
    """Cells of ``mask`` whose squared distance to every non-mask cell exceeds ``max_sq``.

    Cells outside the array are not background (as in GTB's distance transform).
    """
    if mask.all():
        return mask.copy()
    out = _within(~mask, max_sq)
    np.logical_not(out, out=out)
    return out


def _fill_holes(mask: np.ndarray, connectivity: int) -> np.ndarray:
    """``mask`` plus its holes: complement regions (``connectivity``) off the array border."""
    from scipy import ndimage

    labels, count = ndimage.label(~mask, structure=_structure(connectivity))
    if count == 0:
        return mask.copy()
    outside = np.zeros(count + 1, dtype=bool)
    for edge in (labels[0], labels[-1], labels[:, 0], labels[:, -1]):
        outside[edge] = True
    outside[0] = False
    return ~outside[labels]


def _set_bit(out: np.ndarray, mask: np.ndarray, bit: int) -> None:
    np.bitwise_or(out, np.uint8(bit), out=out, where=mask)


def _bbox(mask: np.ndarray, margin: int) -> Optional[Tuple[slice, slice]]:
    rows = np.flatnonzero(mask.any(axis=1))
    if rows.size == 0:
        return None
    cols = np.flatnonzero(mask.any(axis=0))
    return (slice(max(rows[0] - margin, 0), min(rows[-1] + margin + 1, mask.shape[0])),
            slice(max(cols[0] - margin, 0), min(cols[-1] + margin + 1, mask.shape[1])))


def _framed(image: np.ndarray, width: int, engine: str = "v2.3") -> np.ndarray:
    """GTB's frame: the outer rows and columns replicated ``width`` cells outward.

    v2.3 (GTB desktop, GWB) leaves the four corner blocks background and fills the right and
    bottom bands one cell inwards, so the outermost column on the right and row at the bottom
    stay empty. v2.4 (pyguidos 2.6.1 and later) fills the whole bands and gives each corner
    block the value of the map's corner cell.
    """
    rows, cols = image.shape
    out = np.zeros((rows + 2 * width, cols + 2 * width), dtype=bool)
    out[width:width + rows, width:width + cols] = image
    out[width:width + rows, :width] = image[:, :1]
    out[:width, width:width + cols] = image[:1, :]
    inward = 1 if engine == "v2.3" else 0
    right = width + cols - inward
    bottom = width + rows - inward
    out[width:width + rows, right:right + width] |= image[:, -1:]
    out[bottom:bottom + width, width:width + cols] |= image[-1:, :]
    if engine != "v2.3":
        out[:width, :width] = image[0, 0]
        out[:width, width + cols:] = image[0, -1]
        out[width + rows:, :width] = image[-1, 0]
        out[width + rows:, width + cols:] = image[-1, -1]
    return out


# ------------------------------------------------------------------------------ MSPA ----

#: How far beyond the widening's reach the constrained distance still propagates. A cell's
#: distance comes from a 4-neighbour at most one cell nearer, so one cell would do; two keep
#: float rounding and the propagation's rounds out of the question.
_WIDEN_MARGIN = 2.0


def _thresholds(edge_width: int) -> Tuple[int, np.float32, int]:
    """(max squared distance within T, reach of the connector widening, frame width)."""
    root2 = np.float32(math.sqrt(2.0))
    size = np.float32((edge_width + 0.98) / math.sqrt(2.0))  # GTB: (EW + 0.98) / sqrt 2
    t = np.float32(size * root2)
    widen = np.float32(np.float32(size - np.float32(1.0)) * root2)
    bufsize = int(float(size) * 1.5 + 0.5)
    return _max_sq_within(t), widen, bufsize + 1


def _edges(core: np.ndarray, max_sq: int, fg_conn: int, bg_conn: int) -> np.ndarray:
    """Cells within T outside the filled cores, level by level for cores inside core holes."""
    edges = np.zeros(core.shape, dtype=bool)
    remaining = core.copy()
    margin = int(math.isqrt(max(max_sq, 0))) + 2
    while True:
        box = _bbox(remaining, margin)
        if box is None:
            break
        part = remaining[box]
        filled = _fill_holes(part, bg_conn)
        edges[box] |= _within(filled, max_sq) & ~filled
        holes = filled & ~part
        enclosed = _fill_holes(holes, fg_conn)  # the holes and whatever lies inside them
        remaining[box] = part & ~(filled & ~enclosed)  # drop this level's (outermost) cores
    return edges & ~core


def mspa(guidos: np.ndarray, *, connectivity: int = 8, edge_width: int = 1,
         intext: bool = True, engine: str = "v2.3",
         progress: Optional[Progress] = None) -> np.ndarray:
    """MSPA class codes of a GuidosToolbox-coded binary map.

    Parameters
    ----------
    guidos : 2-D array of 0, 1, 2
        0 missing (NoData), 1 background, 2 foreground (see :func:`foreground_from_classes`).
        The array is not modified.
    connectivity : 8 or 4
        Foreground connectivity; the background uses the other one.
    edge_width : int, 1 to 255
        EdgeWidth in cells: width of edges and perforations and the thickness (about
        ``2 x edge_width + 1`` cells) a patch needs to hold core. Real width = edge_width x
        cell size.
    intext : bool
        True: +100 on everything inside core openings (core holes) and 220 on background in
        holes of the foreground that are not core openings.
    engine : "v2.3" or "v2.4"
        The border frame of that MSPA engine version: v2.3 (GTB desktop, GWB; the default)
        leaves the frame's corners empty and its right and bottom bands one cell short,
        v2.4 (pyguidos 2.6.1 and later) fills them. Only classes near the right and bottom
        borders and the corners differ.
    progress : Progress, optional
        Reports fractions 0-1 and is polled for cancellation.

    Returns
    -------
    uint8 array of the input's shape with the codes of :data:`MSPA_CLASSES`; missing cells
    are 129.

    Raises
    ------
    EspInputError
        On values other than 0, 1, 2, a connectivity other than 4 or 8, an edge width
        that is not a whole number from 1 to 255, or an unknown ``engine``.
    Cancelled
        When ``progress`` asks to stop.

    Notes
    -----
    Time and memory grow about linearly with the number of cells. Peak memory beyond the
    input is about 20 bytes per cell: the classes are written into the output byte as soon
    as they are known, the distance thresholds are exact integer tests on one-byte row
    distances, and at most one int32 label image is alive at a time. Measured on a 2-core VM
    (bench/mspa_cases.py ``mspa_vs_guidos``, 10 million cells of a fragmented forest map):
    2.2 s and 153 MB with edge width 1, 5.1 s with 3, 8.2 s with 10, at most 204 MB; the
    GuidosToolbox engine (pyguidos 2.6.3) took 6.0, 7.1 and 8.6 s and 211 MB there. Edge widths
    from 2 up spend most of the extra time in the widening distance
    (:func:`.connectors.constrained_distance`), which follows the engine's cell-by-cell
    propagation within the non-core foreground next to the connectors, up to the widening's
    reach.
    """
    progress = progress or NullProgress()
    if isinstance(connectivity, bool) or connectivity not in (4, 8):
        raise EspInputError("Foreground connectivity must be 8 or 4, not {value}.",
                            value=connectivity)
    try:
        whole = not isinstance(edge_width, bool) and float(edge_width).is_integer()
    except (TypeError, ValueError):
        whole = False
    if not whole or not 1 <= int(edge_width) <= 255:
        raise EspInputError("The edge width must be a whole number of cells from 1 to 255, "
                            "not {value}.", value=edge_width)
    edge_width = int(edge_width)
    if engine not in ENGINES:
        raise EspInputError("The MSPA engine version must be one of {engines}, not {value}.",
                            engines=", ".join(ENGINES), value=engine)
    guidos = _check_guidos(guidos)
    from scipy import ndimage

    fg_conn, bg_conn = connectivity, 12 - connectivity
    fg_structure = _structure(fg_conn)
    max_sq, widen, frame = _thresholds(edge_width)
    rows, cols = guidos.shape

    # Memory: the classes go into ``out`` (one byte) as soon as they are known, and every
    # boolean work array is dropped once its bits are there, so that about a dozen bytes
    # per cell are alive at a time, one int32 label image at most among them.

    # 0. Missing cells within T of foreground are foreground for the analysis; frame.
    analysed = guidos == 2
    if analysed.any() and not analysed.all():
        missing = guidos == 0
        if missing.any():
            missing &= _within(analysed, max_sq)
            analysed |= missing
        del missing
    fg = _framed(analysed, frame, engine)
    del analysed
    progress.update(0.05)
    check_cancelled(progress)

    # 1-2. Core, islets.
    core = _beyond(fg, max_sq)
    out = fg.astype(np.uint8)
    labels, count = ndimage.label(fg, structure=fg_structure)
    with_core = np.zeros(count + 1, dtype=bool)
    with_core[labels[core]] = True
    with_core[0] = True
    islet = with_core[labels]
    del labels, with_core
    np.logical_not(islet, out=islet)
    _set_bit(out, islet, 8)
    del islet
    progress.update(0.12)
    check_cancelled(progress)

    # 3-4. Opening, edge, perforation; the rest of the foreground outside the core
    # (``around``: the ring of the opening and the residue).
    opening = _within(core, max_sq)
    edge = _edges(core, max_sq, fg_conn, bg_conn)
    edge &= fg
    _set_bit(out, edge, 2)
    ring = opening & ~core
    perforation = ring & ~edge
    del edge
    _set_bit(out, perforation, 4)
    del perforation
    around = out == 1  # foreground of no class yet: the residue (and the core)
    around &= ~core
    around |= ring
    del ring, fg
    _set_bit(out, core, 16)
    progress.update(0.25)
    check_cancelled(progress)

    # 5-6. Connectors: thin opening + residue with the core as anchor (GTB blanks a two-cell
    # frame of both images first), then widen the skeleton by T - sqrt 2 within the
    # non-core foreground.
    thin_input = around | core
    anchor = core
    for strip in (np.s_[:2, :], np.s_[-2:, :], np.s_[:, :2], np.s_[:, -2:]):
        thin_input[strip] = False
        # From here on the core is the anchor, without that frame; what it loses there
        # joins the non-core foreground, as in the engine.
        around[strip] |= anchor[strip]
        anchor[strip] = False
    skeleton = anchored_thinning(thin_input, anchor, connectivity=fg_conn,
                                 progress=SubProgress(progress, 0.25, 0.6))
    del thin_input
    skeleton &= ~core
    connector = skeleton
    if widen >= 1 and skeleton.any():
        # Widen by T - sqrt 2, measured within the non-core foreground (a gap in it is not
        # crossed), keeping only what hangs together with the skeleton. Cells farther than
        # the reach (plus a margin for the propagation's rounds) need no distance.
        distance = constrained_distance(skeleton, around, limit=float(widen) + _WIDEN_MARGIN,
                                        progress=SubProgress(progress, 0.6, 0.75))
        connector = distance >= np.float32(0.0001)
        connector &= distance <= widen
        del distance
        connector |= skeleton
        connector &= around
        parts, _ = ndimage.label(around, structure=fg_structure)
        touched: npt.NDArray[np.bool_] = np.zeros(int(parts.max()) + 1, dtype=bool)
        touched[parts[skeleton]] = True
        touched[0] = False
        connector &= touched[parts]
        del parts
    del skeleton, around
    progress.update(0.8)
    check_cancelled(progress)

    # 7. Bridge or loop: the cores' labels flood the opening and the connectors; a connector
    # reached by two floods is a bridge.
    flooded, _ = label_inside(core, fg_conn)
    check_cancelled(progress)
    opening |= connector
    flood_labels(flooded, opening, fg_conn, in_place=True)
    del opening
    progress.update(0.85)
    check_cancelled(progress)
    bridge = crossing_components(connector, flooded, fg_conn)
    del flooded
    _set_bit(out, bridge, 32)
    connector &= ~bridge
    del bridge
    _set_bit(out, connector, 64)  # loop
    del connector
    progress.update(0.9)
    check_cancelled(progress)
    # GTB's ``transition`` switch only changes colours (class_colours), never these codes.

    # 9. Internal / external.
    if intext:
        window = np.s_[frame:frame + rows, frame:frame + cols]
        fg1 = np.zeros(out.shape, dtype=bool)
        fg1[window] = guidos == 2
        near = _within(fg1, 2)  # the 3 x 3 neighbourhood
        outside_data = np.ones(out.shape, dtype=bool)
        outside_data[window] = guidos == 0
        near &= outside_data
        del outside_data
        fg1 |= near
        del near
        all_holes = _fill_holes(fg1, bg_conn)
        all_holes &= ~fg1
        del fg1
        core_holes = _fill_holes(core, bg_conn)
        core_holes &= ~core
        del core
        all_holes &= ~core_holes  # the border openings
        inside = _fill_holes(core_holes, bg_conn)
        del core_holes
        np.add(out, np.uint8(100), out=out, where=inside)
        del inside
        np.maximum(out, np.uint8(BORDER_OPENING), out=out, where=all_holes)
        del all_holes
    progress.update(0.98)

    result = out[frame:frame + rows, frame:frame + cols].copy()
    del out
    result[guidos == 0] = MISSING
    progress.update(1.0)
    return result


# ---------------------------------------------------------------------------- summary ----

Row = Tuple[int, str, int, float, Optional[float], Optional[float]]


def class_areas(codes: np.ndarray, *, cell_area: float) -> List[Row]:
    """Cells and area of every MSPA class present in ``codes``.

    Parameters
    ----------
    codes : array of MSPA codes (output of :func:`mspa`)
    cell_area : float
        Area of one cell (for example m2 or km2); ``area`` is in the same unit.

    Returns
    -------
    One row per code that occurs, in the order of :data:`MSPA_CLASSES`:
    ``(code, name, cells, area, percent of foreground, percent of data)``. Foreground is every
    foreground class (odd codes except 129), data every cell but missing (129). The percent of
    foreground is None for background, openings and missing; the percent of data is None for
    missing; both are None when their total is 0. The cells add up to ``codes.size``.

    Raises
    ------
    EspInputError
        On values that are not MSPA codes or a cell area that is not positive.
    """
    codes = np.asarray(codes)
    if not (np.isfinite(cell_area) and cell_area > 0):
        raise EspInputError("The cell area must be positive, not {area}.", area=cell_area)
    known: npt.NDArray[np.bool_] = np.zeros(256, dtype=bool)
    known[[code for code, _name, _colour in MSPA_CLASSES]] = True
    if codes.size and (codes.min() < 0 or codes.max() > 255):
        raise EspInputError("Values {low} to {high} are not all MSPA codes.",
                            low=codes.min(), high=codes.max())
    counts = np.bincount(codes.astype(np.uint8).ravel(), minlength=256)
    unknown = np.flatnonzero((counts > 0) & ~known)
    if unknown.size:
        raise EspInputError("Values {values} are not MSPA codes.",
                            values=", ".join(str(int(c)) for c in unknown[:10]))
    foreground = sum(int(counts[c]) for c, _n, _k in MSPA_CLASSES if is_foreground_code(c))
    data = int(codes.size) - int(counts[MISSING])
    rows: List[Row] = []
    for code, name, _colour in MSPA_CLASSES:
        cells = int(counts[code])
        if cells == 0:
            continue
        pct_fg = (100.0 * cells / foreground
                  if is_foreground_code(code) and foreground else None)
        pct_data = 100.0 * cells / data if code != MISSING and data else None
        rows.append((code, name, cells, cells * float(cell_area), pct_fg, pct_data))
    return rows


def class_name(code: int) -> str:
    """English name of an MSPA code."""
    return _NAMES[int(code)]
