"""Memory estimates made before large allocations, and the check that refuses a run that
would not fit.

A province at 30 m is 230 million cells; numpy's own "Unable to allocate 37.3 GiB" comes only
after the input was read, and a run that fits barely can push the machine into swap for
hours. Each algorithm therefore estimates its peak from what it knows before reading (cells,
radii, sources, pairs, workers) and calls :func:`check_memory`, which refuses with the
estimate, the memory available and what to change.

The per-cell figures are the peaks measured by ``bench/`` (each case in its own process,
``ru_maxrss``), rounded up; tests/core/test_memory.py checks a few of them against measured
peaks (an estimate must lie between the measured peak and three times it).
"""

from __future__ import annotations

import os
from typing import Optional

from .errors import EspInputError

#: Peak bytes per cell of each operation, beyond the input it reads (see the module notes).
PER_CELL = {
    "read": 16.0,          # values (float64 or narrower) and the NoData mask
    "mspa": 26.0,          # bench mspa_vs_guidos: at most 212 MB at 10 M cells, widths 1-10;
                           # 88 MB at 4 M cells, width 10, on Python 3.14 / numpy 2.4
    "habitat": 60.0,       # bench habitat_4m, plus HABITAT_PER_THREAT per threat
    "resistance": 48.0,    # bench resistance_surface
    "sources": 96.0,       # bench dpc_1000 (labels, distances, per-patch sums)
    "corridors": 330.0,    # bench corridors_30, plus 8 bytes per source (one CWD each)
    "barriers": 64.0,      # bench barriers_3r, plus CWDs and per-radius maps
    "zoning": 100.0,       # bench zoning_16m
    "circuit_direct": 1300.0,  # bench solve_1m / solve_4m: CHOLMOD's factor
    "circuit_iterative": 800.0,  # bench solve_16m (AMG-CG)
}
HABITAT_PER_THREAT = 16.0
#: Bytes per pair of patches of the all-pairs connectivity (path lengths, predecessors,
#: probabilities and the pairs' paths through each patch).
PER_PAIR = 48.0
#: An Omniscape window costs about this much per cell while it is solved (matrix, factor).
WINDOW_PER_CELL = 1500.0
#: Refuse when the estimate exceeds this share of the memory available.
SHARE = 0.9


def available_bytes() -> Optional[int]:
    """Memory available to a new allocation now, or None where it cannot be read."""
    try:
        with open("/proc/meminfo") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    if os.name == "nt":
        try:
            import ctypes

            class _Status(ctypes.Structure):
                _fields_ = [("length", ctypes.c_ulong), ("load", ctypes.c_ulong),
                            ("total", ctypes.c_ulonglong), ("available", ctypes.c_ulonglong),
                            ("page_total", ctypes.c_ulonglong),
                            ("page_available", ctypes.c_ulonglong),
                            ("virtual_total", ctypes.c_ulonglong),
                            ("virtual_available", ctypes.c_ulonglong),
                            ("extended", ctypes.c_ulonglong)]

            status = _Status()
            status.length = ctypes.sizeof(_Status)
            if ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):  # type: ignore[attr-defined]
                return int(status.available)
        except (OSError, AttributeError):
            return None
    try:  # macOS and other Unix: physical memory, the best a portable call gives
        return int(os.sysconf("SC_PHYS_PAGES")) * int(os.sysconf("SC_PAGE_SIZE"))
    except (ValueError, OSError, AttributeError):
        return None


def format_bytes(count: float) -> str:
    for unit, size in (("GB", 1e9), ("MB", 1e6)):
        if count >= size:
            return "{0:.1f} {1}".format(count / size, unit)
    return "{0:.0f} kB".format(count / 1e3)


def grid_estimate(operation: str, cells: float, extra: float = 0.0) -> float:
    """Peak bytes of ``operation`` on a grid of ``cells`` cells (reading it included), plus
    ``extra`` bytes the caller works out (per-source maps, windows, pair tables)."""
    return float(cells) * (PER_CELL["read"] + PER_CELL[operation]) + float(extra)


def pairs_estimate(patches: int) -> float:
    """Peak bytes of the all-pairs connectivity (IIC, PC, dPC) of ``patches`` patches."""
    return float(patches) * float(patches) * PER_PAIR


def window_estimate(radius_cells: float, buffer_cells: float = 0.0, workers: int = 1,
                    correction: bool = False, grid_cells: Optional[float] = None) -> float:
    """Peak bytes of Omniscape's moving windows, beyond the grids.

    A window is (2 (radius + buffer) + 1)^2 cells: ``workers`` of them are solved at once,
    each clipped to the grid (``grid_cells``); the table of squared distances covers a whole
    window (8 bytes a cell), and the artifact correction solves two unclipped windows. A
    radius far beyond the grid thus still asks for its full-size tables.
    """
    side = 2.0 * (float(radius_cells) + float(buffer_cells)) + 1.0
    window = side * side
    solved = window if grid_cells is None else min(window, float(grid_cells))
    peak = solved * WINDOW_PER_CELL * max(int(workers), 1) + window * 8.0
    if correction:
        peak += 2.0 * window * WINDOW_PER_CELL
    return peak


def check_memory(need: float, *, what: str, advice: str,
                 available: Optional[int] = None) -> None:
    """Refuse with :class:`EspInputError` when ``need`` bytes will not fit.

    ``what`` names the run ("MSPA on 230,000,000 cells"), ``advice`` says what to change
    (coarser cells, a smaller radius, the distributed engine). ``available`` defaults to
    :func:`available_bytes`; unknown memory lets the run go on.
    """
    if available is None:
        available = available_bytes()
    if available is None or need <= SHARE * available:
        return
    raise EspInputError("{what} needs about {need} of memory, but only {available} is "
                        "available. {advice}", what=what, need=format_bytes(need),
                        available=format_bytes(available), advice=advice)
