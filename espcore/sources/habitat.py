"""Habitat quality, degradation and rarity (InVEST Habitat Quality), in three semantics.

For every cell x of land-cover class j the total threat (degradation) is

    D_xj = beta_x * sum_r (w_r / sum_r w_r) * S_jr * sum_y r_y * i_rxy

and the habitat quality is

    Q_xj = H_j * (1 - D_xj^z / (D_xj^z + k^z)),  z = 2.5,

with r_y the intensity (0-1) of threat r in cell y, w_r its weight, S_jr the sensitivity of
class j to threat r, H_j the habitat suitability of class j, beta_x the accessibility (0-1)
and k the half-saturation constant. The distance decay i_rxy of threat r between the centres
of cells x and y, d_xy apart (map units, metres), with reach d_max is

    linear:       i = 1 - d_xy / d_max
    exponential:  i = exp(-2.99 * d_xy / d_max)     (2.99: 5 % left at d_max)

for d_xy <= d_max and 0 beyond. The threat on cell x itself counts with i = 1.

How the threat term sum_y r_y * i_rxy is evaluated is chosen by ``semantics``:

``"invest313"`` (InVEST 3.13.0 and later, checked against 3.20.2)
    The decay of the distance d_r(x) to the **nearest** threat cell only: i_r(x) = 1 - d/d_max
    (linear) or exp(-2.99 d/d_max) (exponential) for d <= d_max (a cell at exactly d_max
    keeps its value), 0 beyond. Any non-zero threat value counts as a full threat (the
    intensity is ignored); NoData is no threat. d is the exact Euclidean distance between
    cell centres (scipy's EDT). D <= 1. A threat without any threat cell adds nothing (InVEST
    3.13+ gives such a threat a finite sham distance of rows + cols cells, which matters only
    when d_max reaches that far).
``"invest312"`` (InVEST 3.3 to 3.12, checked against 3.12.1)
    A convolution of the threat intensities with InVEST's own normalised kernels, in cells of
    size c (square cells only), m = d_max / c: linear, n = round(2m + 1) cells per side,
    K = (m - delta)/m where delta <= m; exponential, M = 5m, n = round(2M + 1),
    K = exp(-delta/m) (no 2.99, reaching 5 x d_max) where delta <= M; delta is measured from
    (m, m) (resp. (M, M)) while the kernel's origin is cell n // 2, so the footprint is off
    centre when m (M) is not a whole number, as in InVEST. K is divided by its sum and rounded
    to float32; beyond the map edge there is no threat and nothing is renormalised.
``"guide_sum"`` (this toolkit's earlier behaviour)
    The *sum over every threat cell* of the InVEST users' guide, computed exactly (up to
    floating-point round-off) as a convolution of each threat raster with a centred decay
    kernel out to d_max (the decay functions above). By default each decay kernel is divided
    by its sum (``normalize_kernel=True``): D is then a weighted *mean* threat intensity
    between 0 and 1, independent of the cell size, and the customary k = 0.5 keeps its
    meaning. With ``normalize_kernel=False`` D is the users' guide's literal sum, which grows
    with the number of threat cells within d_max (a road gives tens, a town hundreds at 30 m
    cells, and a finer grid gives more), so k must then be set from a first run (half the
    highest D). ``normalize_kernel`` applies to this semantics only.

Rarity (optional, needs a baseline land cover on the same grid): for class j with N_j cells
in the current map (counted where the baseline holds data) and N_j,base cells in the
baseline, R_j = 1 - N_j / (N_j,base + N_j); 0.5 means no change, above 0.5 the class became
rarer. A class absent from the baseline gets 0.

Tables are read as InVEST writes them: the threats table has the columns THREAT, MAX_DIST
(km up to InVEST 3.14, metres since 3.15: ``parse_threats(unit=...)``), WEIGHT and DECAY
(headers in any case, further columns such as CUR_PATH are kept); the sensitivity table has
LULC (or LUCODE), optionally NAME, HABITAT and one column per threat, named like the threat
or with InVEST's older ``L_`` prefix.

Reference: Sharp, R. et al. InVEST User's Guide, "Habitat Quality". The Natural Capital
Project, Stanford University.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np
import numpy.typing as npt

from ..errors import EspInputError
from ..grid import Grid, require_same_grid
from ..progress import NullProgress, Progress, SubProgress, check_cancelled

#: Exponent z of the quality equation (InVEST's ``_SCALING_PARAM``).
SCALING = 2.5
#: exp(-EXP_DECAY) = 5 %: the exponential decay's value at the maximum distance.
EXP_DECAY = 2.99
DECAYS = ("linear", "exponential")
#: The ways :func:`habitat_quality` evaluates the threats (see the module docstring).
SEMANTICS = ("invest313", "invest312", "guide_sum")
#: MAX_DIST units of a threats table: metres per unit.
DISTANCE_UNITS = {"km": 1000.0, "m": 1.0}
THREAT_COLUMNS = ("threat", "max_dist", "weight", "decay")
#: At most this many land-cover classes are listed in an error message.
_MAX_LISTED = 20
#: FFT tiles are at most this long per axis (unless a kernel needs more), which bounds the
#: working memory to a few hundred MB whatever the grid size.
_FFT_MAX = 3072
#: Threat values may exceed 1 by this much (float32 rasters written by other programs).
_RANGE_SLACK = 1e-6


@dataclass(frozen=True)
class Threat:
    """One row of the threats table.

    Parameters
    ----------
    name : str
        Threat name; the sensitivity table has a column of that name (or ``L_<name>``).
    max_distance : float
        Reach d_max in map units (metres), > 0. The table gives it in km.
    weight : float
        Relative importance, 0-1; the weights are divided by their sum.
    decay : str
        ``"linear"`` or ``"exponential"``.
    extra : mapping of str to str
        The row's other columns, lower-case names (``cur_path``, ``fut_path``, ...).
    """

    name: str
    max_distance: float
    weight: float
    decay: str = "linear"
    extra: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if not str(self.name).strip():
            raise EspInputError("A threat has no name. Give every threat a name.")
        if not (math.isfinite(self.max_distance) and self.max_distance > 0):
            raise EspInputError("The maximum distance of threat '{name}' must be a positive "
                                "number, not {value}.", name=self.name, value=self.max_distance)
        if not (math.isfinite(self.weight) and 0.0 <= self.weight <= 1.0):
            raise EspInputError("The weight of threat '{name}' must lie between 0 and 1, not "
                                "{value:g}.", name=self.name, value=self.weight)
        if self.decay not in DECAYS:
            raise EspInputError("The decay of threat '{name}' must be 'linear' or "
                                "'exponential', not '{value}'.", name=self.name,
                                value=self.decay)

    @property
    def cur_path(self) -> str:
        """The CUR_PATH column (a threat raster path relative to the table), or ''."""
        return str(self.extra.get("cur_path", "") or "").strip()


@dataclass
class HabitatResult:
    """What :func:`habitat_quality` returns.

    Attributes
    ----------
    degradation, quality : Grid
        float32 D and Q; NoData where the land cover is NoData.
    rarity : Grid or None
        float32 R when a baseline was given; NoData where the land cover or the baseline is
        NoData.
    rarity_by_class : dict
        Land-cover class -> R_j (empty without a baseline).
    max_degradation : float
        The highest D on the grid (0 when nothing is degraded); half of it is the users'
        guide's suggestion for k.
    """

    degradation: Grid
    quality: Grid
    rarity: Optional[Grid] = None
    rarity_by_class: Dict[int, float] = field(default_factory=dict)
    max_degradation: float = 0.0


# ---------------------------------------------------------------------------- tables ----

def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _lower_row(row: Mapping[str, object]) -> Dict[str, str]:
    """Header names stripped, without a byte-order mark, in lower case."""
    return {str(key).replace("\ufeff", "").strip().lower(): _text(value)
            for key, value in row.items() if key is not None}


def _columns(rows: Sequence[Mapping[str, object]]) -> List[str]:
    seen: List[str] = []
    for row in rows:
        for key in _lower_row(row):
            if key not in seen:
                seen.append(key)
    return seen


def _number(text: str, *, table: str, column: str, row: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise EspInputError("The {table} table has '{value}' in column {column} of {row}; it "
                            "must be a number.", table=table, value=text,
                            column=column.upper(), row=row) from None
    if not math.isfinite(value):
        raise EspInputError("The {table} table has '{value}' in column {column} of {row}; it "
                            "must be a finite number.", table=table, value=text,
                            column=column.upper(), row=row)
    return value


def parse_threats(rows: Sequence[Mapping[str, str]], *, unit: str = "km") -> List[Threat]:
    """Threats from the rows of an InVEST threats table (e.g. ``csv.DictReader`` rows).

    Parameters
    ----------
    rows : sequence of mappings column -> text
        Columns THREAT, MAX_DIST, WEIGHT (0-1) and DECAY (linear | exponential); header
        case and surrounding blanks do not matter. Other columns (CUR_PATH, FUT_PATH,
        BASE_PATH, ...) are kept in :attr:`Threat.extra`. Rows whose cells are all blank
        are skipped.
    unit : {"km", "m"}
        Unit of MAX_DIST: ``"km"`` as InVEST up to 3.14 (and this toolkit's earlier tables),
        ``"m"`` as InVEST 3.15 and later.

    Returns
    -------
    list of Threat
        In table order, ``max_distance`` converted to metres.

    Raises
    ------
    EspInputError
        No rows, a missing column, a cell that is not a number, MAX_DIST not positive, a
        weight outside 0-1, all weights 0, an unknown decay, a threat listed twice.
    """
    if unit not in DISTANCE_UNITS:
        raise EspInputError("The unit of MAX_DIST must be 'km' or 'm', not '{value}'.",
                            value=unit)
    rows = [row for row in rows if any(_text(v) for v in row.values())]
    if not rows:
        raise EspInputError("The threats table has no rows. Give one row per threat with "
                            "THREAT, MAX_DIST ({unit}), WEIGHT and DECAY.", unit=unit)
    found = _columns(rows)
    for column in THREAT_COLUMNS:
        if column not in found:
            raise EspInputError("The threats table has no column {column}. It needs the "
                                "columns THREAT, MAX_DIST ({unit}), WEIGHT and DECAY; it has: "
                                "{found}.", column=column.upper(), unit=unit,
                                found=", ".join(c.upper() for c in found))
    threats: List[Threat] = []
    seen: Dict[str, int] = {}
    for number, raw in enumerate(rows, start=1):
        row = _lower_row(raw)
        name = row.get("threat", "")
        where = "threat '{0}'".format(name) if name else "row {0}".format(number)
        if not name:
            raise EspInputError("Row {row} of the threats table has no THREAT name.",
                                row=number)
        if name.lower() in seen:
            raise EspInputError("Threat '{name}' is listed twice in the threats table (rows "
                                "{first} and {row}).", name=name, first=seen[name.lower()],
                                row=number)
        seen[name.lower()] = number
        max_dist = _number(row.get("max_dist", ""), table="threats", column="max_dist",
                           row=where)
        if max_dist <= 0:
            raise EspInputError("MAX_DIST of threat '{name}' is {value:g} {unit}; it must be a "
                                "positive distance in {unit}.", name=name, value=max_dist,
                                unit=unit)
        weight = _number(row.get("weight", ""), table="threats", column="weight", row=where)
        if not 0.0 <= weight <= 1.0:
            raise EspInputError("WEIGHT of threat '{name}' is {value:g}; weights must lie "
                                "between 0 and 1.", name=name, value=weight)
        decay = row.get("decay", "").lower()
        if decay not in DECAYS:
            raise EspInputError("DECAY of threat '{name}' is '{value}'; it must be 'linear' or "
                                "'exponential'.", name=name, value=row.get("decay", ""))
        extra = {k: v for k, v in row.items() if k not in THREAT_COLUMNS}
        threats.append(Threat(name, max_dist * DISTANCE_UNITS[unit], weight, decay, extra))
    if sum(t.weight for t in threats) <= 0:
        raise EspInputError("Every threat has weight 0; give at least one a positive weight.")
    return threats


def _class_code(text: str, row: int) -> int:
    try:
        value = float(text)
    except ValueError:
        raise EspInputError("Row {row} of the sensitivity table has '{value}' as land-cover "
                            "code (LULC); it must be a whole number.", row=row,
                            value=text) from None
    if not (math.isfinite(value) and value.is_integer()):
        raise EspInputError("Row {row} of the sensitivity table has '{value}' as land-cover "
                            "code (LULC); it must be a whole number.", row=row, value=text)
    return int(value)


def parse_sensitivity(
    rows: Sequence[Mapping[str, str]], threat_names: Sequence[str]
) -> Tuple[Dict[int, float], Dict[int, Dict[str, float]]]:
    """Habitat suitability and threat sensitivity per land-cover class.

    Parameters
    ----------
    rows : sequence of mappings column -> text
        Columns LULC (or LUCODE; whole-number class codes), NAME (optional), HABITAT (0-1)
        and one column per threat (0-1), named like the threat or ``L_<threat>`` (InVEST's
        older spelling); header case does not matter. All-blank rows are skipped.
    threat_names : sequence of str
        The threats of the threats table.

    Returns
    -------
    (habitat, sensitivity)
        ``habitat[class]`` = H_j; ``sensitivity[class][threat]`` = S_jr, keyed by the names
        as given in ``threat_names``.

    Raises
    ------
    EspInputError
        No rows, no LULC or HABITAT column, a threat without a column (all are named), a
        class listed twice, a value that is not a number or lies outside 0-1.
    """
    rows = [row for row in rows if any(_text(v) for v in row.values())]
    if not rows:
        raise EspInputError("The sensitivity table has no rows. Give one row per land-cover "
                            "class with LULC, HABITAT and one column per threat.")
    found = _columns(rows)
    code_column = next((c for c in ("lulc", "lucode") if c in found), None)
    if code_column is None or "habitat" not in found:
        raise EspInputError("The sensitivity table needs the columns LULC and HABITAT (and "
                            "one column per threat); it has: {found}.",
                            found=", ".join(c.upper() for c in found))
    columns: Dict[str, str] = {}
    missing: List[str] = []
    for name in threat_names:
        key = name.strip().lower()
        for candidate in (key, "l_" + key):
            if candidate in found:
                columns[name] = candidate
                break
        else:
            missing.append(name)
    if missing:
        raise EspInputError("The sensitivity table has no column for threat {threats}. Add a "
                            "column named like each threat of the threats table (or L_ "
                            "followed by its name) holding the sensitivity of every class; "
                            "columns found: {found}.",
                            threats=", ".join("'{0}'".format(n) for n in missing),
                            found=", ".join(c.upper() for c in found))
    habitat: Dict[int, float] = {}
    sensitivity: Dict[int, Dict[str, float]] = {}
    for number, raw in enumerate(rows, start=1):
        row = _lower_row(raw)
        code = _class_code(row.get(code_column, ""), number)
        if code in habitat:
            raise EspInputError("Land-cover class {code} is listed twice in the sensitivity "
                                "table.", code=code)
        where = "class {0}".format(code)
        values = {}
        for label, column in [("HABITAT", "habitat")] + [(n, c) for n, c in columns.items()]:
            value = _number(row.get(column, ""), table="sensitivity", column=column, row=where)
            if not 0.0 <= value <= 1.0:
                raise EspInputError("The sensitivity table gives class {code} the value "
                                    "{value:g} in column {column}; it must lie between 0 "
                                    "and 1.", code=code, value=value, column=column.upper())
            values[label] = value
        habitat[code] = values.pop("HABITAT")
        sensitivity[code] = values
    return habitat, sensitivity


# --------------------------------------------------------------------------- kernels ----

def decay_kernel(threat: Threat, cell_size: Tuple[float, float], *,
                 max_shape: Optional[Tuple[int, int]] = None,
                 normalize: bool = False) -> np.ndarray:
    """The distance-decay weights i(d) of a threat around a cell, as an odd-sized array.

    Parameters
    ----------
    threat : Threat
    cell_size : (width, height)
        Cell size in map units (metres); distances are measured between cell centres.
    max_shape : (rows, cols), optional
        Crop the kernel to at most 2 * rows - 1 by 2 * cols - 1 cells: farther cells cannot
        reach any cell of a grid of that shape.
    normalize : bool
        Divide by the sum of the whole (uncropped) kernel, as the InVEST releases that
        convolved threats did.

    Returns
    -------
    float64 array of shape (2 * ry + 1, 2 * rx + 1), the centre being distance 0.
    """
    dx, dy = float(cell_size[0]), float(cell_size[1])
    reach = threat.max_distance * (1.0 + 1e-9)  # a cell exactly at d_max is in reach
    ry_full, rx_full = int(reach // dy), int(reach // dx)
    ry, rx = ry_full, rx_full
    if max_shape is not None:
        ry, rx = min(ry, max_shape[0] - 1), min(rx, max_shape[1] - 1)
    kernel = _kernel_rows(threat, dx, dy, np.arange(-ry, ry + 1), rx)
    if normalize:
        if (ry, rx) == (ry_full, rx_full):
            total = float(kernel.sum())
        else:  # row by row, so a kernel far larger than the grid needs no memory
            total = sum(float(_kernel_rows(threat, dx, dy, np.array([i]), rx_full).sum())
                        for i in range(-ry_full, ry_full + 1))
        kernel /= total
    return kernel


def _kernel_rows(threat: Threat, dx: float, dy: float, rows: np.ndarray,
                 rx: int) -> np.ndarray:
    cols = np.arange(-rx, rx + 1)
    distance = np.hypot((rows * dy)[:, None], (cols * dx)[None, :])
    inside = distance <= threat.max_distance * (1.0 + 1e-9)
    scaled = distance / threat.max_distance
    if threat.decay == "linear":
        values = np.clip(1.0 - scaled, 0.0, None)
    else:
        values = np.exp(-EXP_DECAY * scaled)
    return np.where(inside, values, 0.0)


def invest312_kernel(threat: Threat, cell: float, *,
                     max_shape: Optional[Tuple[int, int]] = None) -> np.ndarray:
    """InVEST 3.3-3.12's normalised decay kernel, padded to odd sides for :func:`convolve_same`.

    m = d_max / cell (cells). Linear: n = round(2m + 1) cells a side (ties to even, as
    Python's ``round``), K[i, j] = (m - delta) / m where delta = hypot(i - m, j - m) <= m.
    Exponential: M = 5m, n = round(2M + 1), K = exp(-delta / m) where
    delta = hypot(i - M, j - M) <= M. K is divided by its float64 sum and rounded to float32
    (as InVEST stores it). The kernel's origin is cell n // 2; an even n gets a zero last row
    and column so that the origin is the centre of the returned odd-sided array.

    Parameters
    ----------
    threat : Threat
    cell : float
        Square cell size in metres.
    max_shape : (rows, cols), optional
        Crop to at most 2 * rows - 1 by 2 * cols - 1 cells around the origin.

    Returns
    -------
    float64 array with odd sides, the origin at its centre.
    """
    m = threat.max_distance / cell
    if threat.decay == "linear":
        centre, reach = m, m
    else:
        centre, reach = 5.0 * m, 5.0 * m
    n = max(int(round(2.0 * centre + 1.0)), 1)
    if n > 40_001:
        raise EspInputError("The InVEST 3.12 kernel of threat '{name}' would be {n} cells "
                            "wide; reduce MAX_DIST or use a coarser grid.", name=threat.name,
                            n=n)
    offsets = np.arange(n, dtype=np.float64) - centre

    def rows_of(index: np.ndarray) -> np.ndarray:
        delta = np.hypot(offsets[index][:, None], offsets[None, :])
        if threat.decay == "linear":
            values = (m - delta) / m
        else:
            values = np.exp(-delta / m)
        return np.where(delta <= reach, values, 0.0)

    total = 0.0
    for start in range(0, n, 1024):
        total += float(rows_of(np.arange(start, min(start + 1024, n))).sum())
    origin = n // 2
    half_r = half_c = origin
    if max_shape is not None:
        half_r, half_c = min(origin, max_shape[0] - 1), min(origin, max_shape[1] - 1)
    size_r, size_c = 2 * half_r + 1, 2 * half_c + 1
    kernel = np.zeros((size_r, size_c), dtype=np.float64)
    r0, c0 = origin - half_r, origin - half_c
    r1, c1 = min(r0 + size_r, n), min(c0 + size_c, n)
    block = rows_of(np.arange(r0, r1))[:, c0:c1]
    kernel[:r1 - r0, :c1 - c0] = (block / total).astype(np.float32)
    return kernel


def nearest_threat_decay(present: np.ndarray, threat: Threat,
                         cell_size: Tuple[float, float]) -> np.ndarray:
    """InVEST 3.13+'s threat term: the decay of the distance to the nearest threat cell.

    Parameters
    ----------
    present : bool array
        Threat cells (any non-zero, non-NoData value).
    threat : Threat
    cell_size : (width, height)
        Cell size in metres; d is the Euclidean distance between cell centres.

    Returns
    -------
    float64 array: 1 - d/d_max (linear) or exp(-2.99 d/d_max) (exponential) where
    d <= d_max (inclusive, up to a relative 1e-9), else 0; all 0 without a threat cell.
    """
    from scipy.ndimage import distance_transform_edt

    out = np.zeros(present.shape, dtype=np.float64)
    if not present.any():
        return out
    distance = np.asarray(distance_transform_edt(
        ~present, sampling=(float(cell_size[1]), float(cell_size[0]))), dtype=np.float64)
    inside = distance <= threat.max_distance * (1.0 + 1e-9)
    scaled = distance[inside] / threat.max_distance
    if threat.decay == "linear":
        out[inside] = np.clip(1.0 - scaled, 0.0, None)
    else:
        out[inside] = np.exp(-EXP_DECAY * scaled)
    return out


def _fft_length(n: int, k: int) -> int:
    """FFT length along one axis for an image of n cells and a kernel of k cells."""
    from scipy.fft import next_fast_len

    need = n + k - 1
    if need <= _FFT_MAX:
        return int(next_fast_len(need, True))
    return int(min(next_fast_len(max(_FFT_MAX, 2 * k), True), next_fast_len(need, True)))


def convolve_same(image: np.ndarray, kernel: np.ndarray, *, workers: Optional[int] = None,
                  progress: Progress = NullProgress()) -> np.ndarray:
    """sum_y image[y] * kernel[y - x] for every cell x: a 'same'-size 2-D convolution.

    ``kernel`` has odd sides and is centred; cells beyond the image edge count as 0. Exact up
    to floating-point round-off (float64 FFTs); values below the round-off level of the
    largest possible result are set to exactly 0 and negatives are clipped to 0, so cells
    out of every threat's reach are exactly 0 (image and kernel must be non-negative).

    Strategy: overlap-add. The image is cut into tiles so that a tile plus the kernel fits one
    FFT of at most ~3072 per side (more only for a wider kernel); each tile's full
    convolution is added into the output. The kernel's FFT is computed once; tiles without a
    threat are skipped. Memory: the output (8 bytes per cell) plus about five FFT-sized
    float64 arrays; time about 0.1 s per 3000 x 3000 FFT pair on 2 cores.
    """
    from scipy import fft as sfft

    rows, cols = image.shape
    kh, kw = kernel.shape
    ry, rx = kh // 2, kw // 2
    out = np.zeros((rows, cols), dtype=np.float64)
    if not image.any() or not kernel.any():
        progress.update(1.0)
        return out
    l1, l2 = _fft_length(rows, kh), _fft_length(cols, kw)
    t1, t2 = l1 - kh + 1, l2 - kw + 1
    kernel_f = sfft.rfft2(kernel, s=(l1, l2), workers=workers)
    tiles = [(i0, j0) for i0 in range(0, rows, t1) for j0 in range(0, cols, t2)]
    for number, (i0, j0) in enumerate(tiles, start=1):
        check_cancelled(progress)
        tile = image[i0:i0 + t1, j0:j0 + t2]
        if tile.any():
            full = sfft.irfft2(sfft.rfft2(tile, s=(l1, l2), workers=workers) * kernel_f,
                               s=(l1, l2), workers=workers)
            # full[p, q] lands on output cell (i0 - ry + p, j0 - rx + q)
            a0, a1 = max(i0 - ry, 0), min(i0 - ry + tile.shape[0] + kh - 1, rows)
            b0, b1 = max(j0 - rx, 0), min(j0 - rx + tile.shape[1] + kw - 1, cols)
            out[a0:a1, b0:b1] += full[a0 - i0 + ry:a1 - i0 + ry, b0 - j0 + rx:b1 - j0 + rx]
        progress.update(number / len(tiles))
    # Round-off of the FFT is about 1e-16 of the largest possible value max(image) *
    # sum(kernel); anything below 1e-12 of it is noise (a genuine contribution that small
    # changes no quality value).
    floor = 1e-12 * float(image.max()) * float(kernel.sum())
    out[out < floor] = 0.0
    return out


# --------------------------------------------------------------------------- checks -----

def _class_index(landcover: Grid, classes: np.ndarray, what: str) -> np.ndarray:
    """Position of every valid cell's class in ``classes`` (sorted); 0 on NoData."""
    values = landcover.values
    valid = landcover.valid
    if np.issubdtype(values.dtype, np.floating):
        data = values[valid]
        if not np.all(np.isfinite(data)) or np.any(data != np.round(data)):
            raise EspInputError("The {what} raster holds fractional values; it must hold "
                                "whole land-cover class codes.", what=what)
    position = np.asarray(np.searchsorted(classes, values))
    np.clip(position, 0, classes.size - 1, out=position)
    found = classes[position] == values
    missing_cells = valid & ~found
    if missing_cells.any():
        missing = np.unique(values[missing_cells])
        listed = ", ".join(str(int(c)) for c in missing[:_MAX_LISTED])
        more = missing.size - _MAX_LISTED
        raise EspInputError(
            "The {what} raster holds classes that are not in the sensitivity table: "
            "{classes}{more}. Add a row for each (HABITAT 0 and sensitivity 0 for classes "
            "that are no habitat).", what=what, classes=listed,
            more=" and {0} more".format(more) if more > 0 else "")
    position[~valid] = 0
    return position


def _check_options(semantics: str, half_saturation: float) -> None:
    if semantics not in SEMANTICS:
        raise EspInputError("Unknown habitat-quality semantics '{value}'; use one of "
                            "{choices}.", value=semantics, choices=", ".join(SEMANTICS))
    if not (math.isfinite(half_saturation) and half_saturation > 0):
        raise EspInputError("The half-saturation constant must be a positive number, not "
                            "{value}.", value=half_saturation)


def _check_tables(threats: Sequence[Threat], habitat: Mapping[int, float],
                  sensitivity: Mapping[int, Mapping[str, float]]) -> None:
    if not threats:
        raise EspInputError("No threat was given. Give at least one threat in the threats "
                            "table.")
    names = [t.name for t in threats]
    duplicated = sorted({n for n in names if names.count(n) > 1})
    if duplicated:
        raise EspInputError("Threat {names} is listed more than once.",
                            names=", ".join(duplicated))
    if sum(t.weight for t in threats) <= 0:
        raise EspInputError("Every threat has weight 0; give at least one a positive weight.")
    if not habitat:
        raise EspInputError("The sensitivity table is empty.")
    for code, value in habitat.items():
        if not (math.isfinite(value) and 0.0 <= value <= 1.0):
            raise EspInputError("HABITAT of class {code} is {value}; it must lie between 0 "
                                "and 1.", code=code, value=value)
        row = sensitivity.get(code, {})
        missing = [n for n in names if n not in row]
        if missing:
            raise EspInputError("The sensitivity table gives class {code} no sensitivity to "
                                "threat {threats}.", code=code, threats=", ".join(missing))
        for name in names:
            if not (math.isfinite(row[name]) and 0.0 <= row[name] <= 1.0):
                raise EspInputError("The sensitivity of class {code} to threat '{name}' is "
                                    "{value}; it must lie between 0 and 1.", code=code,
                                    name=name, value=row[name])


def _match_rasters(threats: Sequence[Threat],
                   rasters: Mapping[str, Grid]) -> Dict[str, Grid]:
    """Threat name -> raster, by exact name or else ignoring case."""
    by_lower: Dict[str, str] = {}
    for key in rasters:
        by_lower.setdefault(key.strip().lower(), key)
    matched: Dict[str, Grid] = {}
    missing: List[str] = []
    for threat in threats:
        found = threat.name if threat.name in rasters else by_lower.get(threat.name.lower())
        if found is None:
            missing.append(threat.name)
        else:
            matched[threat.name] = rasters[found]
    if missing:
        raise EspInputError("No raster was given for threat {threats}. Rasters given: "
                            "{given}.", threats=", ".join("'{0}'".format(n) for n in missing),
                            given=", ".join("'{0}'".format(k) for k in rasters) or "none")
    return matched


def _threat_values(name: str, grid: Grid) -> np.ndarray:
    """Intensity 0-1 as float64; NoData counts as 0."""
    values = grid.filled(0.0, np.float64)
    if values.size and not np.all(np.isfinite(values)):
        raise EspInputError("Threat raster '{name}' holds infinite values.", name=name)
    low, high = (float(values.min()), float(values.max())) if values.size else (0.0, 0.0)
    if low < 0.0 or high > 1.0 + _RANGE_SLACK:
        raise EspInputError("Threat raster '{name}' holds values from {low:g} to {high:g}; "
                            "threat intensities must lie between 0 and 1 (0 = no threat). "
                            "Rescale it, e.g. divide by its maximum.", name=name, low=low,
                            high=high)
    np.clip(values, 0.0, 1.0, out=values)
    return values


# ------------------------------------------------------------------------------ model ----

def habitat_rarity(landcover: Grid, baseline: Grid) -> Tuple[Grid, Dict[int, float]]:
    """Rarity R_j = 1 - N_j / (N_j,base + N_j) of each cell's class.

    N_j counts the cells of class j in ``landcover`` where ``baseline`` holds data (the
    current map is trimmed to the baseline, as InVEST does); N_j,base counts them in
    ``baseline``. A class absent from the baseline gets 0. Both grids must be the same grid.

    Returns
    -------
    (Grid, dict)
        float32 rarity, NoData where either map is NoData; and class -> R_j.
    """
    require_same_grid({"land cover": landcover, "baseline land cover": baseline})
    both = landcover.valid & baseline.valid
    current_codes, current_counts = np.unique(landcover.values[both], return_counts=True)
    base_codes, base_counts = np.unique(baseline.values[baseline.valid], return_counts=True)
    base = dict(zip(base_codes.tolist(), base_counts.tolist()))
    table: Dict[int, float] = {}
    for code, count in zip(current_codes.tolist(), current_counts.tolist()):
        n_base = base.get(code, 0)
        table[int(code)] = 1.0 - count / (n_base + count) if n_base else 0.0
    out = np.zeros(landcover.shape, dtype=np.float32)
    if current_codes.size:
        position = np.searchsorted(current_codes, landcover.values[both])
        values = np.array([table[int(c)] for c in current_codes.tolist()], dtype=np.float32)
        out[both] = values[position]
    mask = ~both
    out[mask] = np.nan
    return landcover.like(out, mask), table


def habitat_quality(
    landcover: Grid,
    threat_rasters: Mapping[str, Grid],
    threats: Sequence[Threat],
    habitat: Mapping[int, float],
    sensitivity: Mapping[int, Mapping[str, float]],
    *,
    half_saturation: float = 0.5,
    accessibility: Optional[np.ndarray] = None,
    baseline: Optional[Grid] = None,
    normalize_kernel: bool = True,
    semantics: str = "invest313",
    workers: Optional[int] = None,
    progress: Optional[Progress] = None,
) -> HabitatResult:
    """Degradation D, habitat quality Q and (with a baseline) rarity R.

    Parameters
    ----------
    landcover : Grid
        Whole-number land-cover classes; every class of a valid cell must be in ``habitat``.
        Its cell size (metres) gives the distances.
    threat_rasters : mapping threat name -> Grid
        Threat intensity r_y (0-1) on the land-cover grid; NoData counts as 0 (with
        ``"invest313"`` any value other than 0 and NoData counts as 1). A threat cell
        counts wherever its raster has data, also where the land cover is NoData (a town
        just outside the study area still degrades it); beyond the grid edge there is no
        threat. Matched to the threats by name (exactly, else ignoring case); extra rasters
        are ignored.
    threats : sequence of Threat
        From :func:`parse_threats`.
    habitat : mapping class -> H_j (0-1)
    sensitivity : mapping class -> mapping threat name -> S_jr (0-1)
        Both from :func:`parse_sensitivity`.
    half_saturation : float
        k > 0: the D at which Q is half of H.
    accessibility : array of the grid's shape, optional
        beta_x, 0 (inaccessible) to 1 (fully accessible); default 1 everywhere.
    baseline : Grid, optional
        Baseline land cover on the same grid, for rarity.
    normalize_kernel : bool
        ``"guide_sum"`` only: divide each decay kernel by its sum (default): D is a
        weighted mean intensity in 0-1. False: the users' guide's literal sum over threat
        cells, which grows with the number of threat cells in reach. Ignored otherwise.
    semantics : {"guide_sum", "invest313", "invest312"}
        How threats reach a cell (module docstring): ``"invest313"`` (default, as
        esp:habitatquality) the nearest threat cell as InVEST 3.13 and later, ``"invest312"``
        InVEST 3.3-3.12's convolution (square cells only), ``"guide_sum"`` the users'
        guide's sum over every threat cell.
    workers : int, optional
        Threads of each FFT (scipy.fft); default all cores.
    progress : Progress, optional
        Reports per threat and per FFT tile; cancellation raises
        :class:`~espcore.errors.Cancelled`.

    Returns
    -------
    HabitatResult
        float32 degradation and quality, NoData where the land cover is NoData; rarity as
        in :func:`habitat_rarity`.

    Raises
    ------
    EspInputError
        Grids not on one grid; a land-cover class missing from the sensitivity table (all
        are listed); a threat without a raster or without sensitivity values; threat values
        outside 0-1; accessibility outside 0-1 or of another shape; k not positive; an
        unknown semantics; ``"invest312"`` on cells that are not square.

    Notes
    -----
    Time: one FFT convolution per threat, about 0.1 s per 9 million FFT points on 2 cores,
    whatever the reach. Measured (``bench/habitat_cases.py``, 2 cores): 4 million 30 m cells
    with four threats of 2-10 km reach (kernels up to 667 cells wide) in 1.7 s and 490 MB
    peak; 16 million cells (tiled FFTs) in 7.6 s and 1.2 GB. Memory: about 50 bytes per
    cell beyond the inputs (float64 sum and filtered threat, class index, float32 outputs)
    plus at most five FFT tiles of 3072 x 3072 float64 (about 0.4 GB) for the largest grids.
    """
    progress = progress if progress is not None else NullProgress()
    _check_options(semantics, half_saturation)
    _check_tables(threats, habitat, sensitivity)
    matched = _match_rasters(threats, threat_rasters)
    require_same_grid({"land cover": landcover,
                       **{"threat '{0}'".format(n): g for n, g in matched.items()},
                       **({"baseline land cover": baseline} if baseline is not None else {})})
    if landcover.mask.all():
        raise EspInputError("The land-cover raster has no data: every cell is NoData.")
    cell_w, cell_h = (abs(float(v)) for v in landcover.cell_size)
    if semantics == "invest312" and not math.isclose(cell_w, cell_h, rel_tol=1e-9):
        raise EspInputError("The InVEST 3.12 semantics needs square cells (as InVEST, which "
                            "resamples to them); the land cover has {w:g} x {h:g} cells. "
                            "Resample it to square cells first.", w=cell_w, h=cell_h)
    beta: Optional[np.ndarray] = None
    if accessibility is not None:
        access = np.asarray(accessibility, dtype=np.float64)
        if access.shape != landcover.shape:
            raise EspInputError("The accessibility array has shape {got}, the land cover "
                                "{want}.", got=access.shape, want=landcover.shape)
        if not np.all(np.isfinite(access)) or access.min() < 0 or access.max() > 1:
            raise EspInputError("Accessibility values must lie between 0 and 1 (ACCESS "
                                "field); found {low:g} to {high:g}.",
                                low=float(np.nanmin(access)), high=float(np.nanmax(access)))
        beta = access

    classes = np.array(sorted(habitat), dtype=np.float64)
    index = _class_index(landcover, classes, "land-cover")
    codes = [int(c) for c in classes]
    total_weight = float(sum(t.weight for t in threats))
    degradation: npt.NDArray[np.float64] = np.zeros(landcover.shape, dtype=np.float64)
    steps = len(threats) + (1 if baseline is not None else 0)
    for number, threat in enumerate(threats):
        check_cancelled(progress)
        step = SubProgress(progress, number / steps, (number + 1) / steps)
        factor = np.array([sensitivity[c][threat.name] for c in codes]) \
            * (threat.weight / total_weight)
        intensity = _threat_values(threat.name, matched[threat.name])
        if factor.any() and intensity.any():
            if semantics == "invest313":
                filtered = nearest_threat_decay(intensity != 0, threat, (cell_w, cell_h))
            else:
                if semantics == "invest312":
                    kernel = invest312_kernel(threat, cell_w, max_shape=landcover.shape)
                else:
                    kernel = decay_kernel(threat, landcover.cell_size,
                                          max_shape=landcover.shape,
                                          normalize=normalize_kernel)
                filtered = convolve_same(intensity, kernel, workers=workers, progress=step)
            del intensity
            filtered *= factor[index]
            degradation += filtered
            del filtered
        step.update(1.0)
    if beta is not None:
        degradation *= beta
    degradation[landcover.mask] = 0.0

    check_cancelled(progress)
    suitability = np.array([habitat[c] for c in codes])[index]
    k_z = half_saturation ** SCALING
    quality = suitability * (k_z / (degradation ** SCALING + k_z))
    max_d = float(degradation.max())
    deg_out = degradation.astype(np.float32)
    del degradation
    qual_out = quality.astype(np.float32)
    del quality
    deg_out[landcover.mask] = np.nan
    qual_out[landcover.mask] = np.nan
    result = HabitatResult(landcover.like(deg_out), landcover.like(qual_out),
                           max_degradation=max_d)
    if baseline is not None:
        check_cancelled(progress)
        result.rarity, result.rarity_by_class = habitat_rarity(landcover, baseline)
    progress.update(1.0)
    return result
