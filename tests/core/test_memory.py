"""Memory estimates: the check's arithmetic, and estimates against measured peaks.

The stated factor: an estimate must lie between the measured peak and three times it (it may
over-estimate, since refusing a run that would fit costs less than a run that swaps for
hours, but not by more than three). Peaks are measured in a child process: the kernel's
high-water mark during the run (reset just before it) minus the resident size before it,
plus the input arrays, so neither this process nor the libraries' start-up count.
"""

import json
import os
import subprocess
import sys
import textwrap

import pytest

from espcore import EspInputError
from espcore.memory import (
    PER_CELL,
    available_bytes,
    check_memory,
    format_bytes,
    grid_estimate,
    pairs_estimate,
    window_estimate,
)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FACTOR = 3.0


def test_a_run_that_does_not_fit_is_refused_with_the_numbers():
    with pytest.raises(EspInputError, match="MSPA on 1 cells needs about 2.0 GB of memory, but "
                                            "only 1.0 GB is available. Clip it."):
        check_memory(2e9, what="MSPA on 1 cells", advice="Clip it.", available=int(1e9))
    check_memory(0.8e9, what="x", advice="y", available=int(1e9))  # fits: nothing happens


def test_unknown_memory_lets_the_run_go_on(monkeypatch):
    import espcore.memory as memory

    monkeypatch.setattr(memory, "available_bytes", lambda: None)
    check_memory(1e18, what="x", advice="y")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/meminfo")
def test_available_memory_is_read():
    with open("/proc/meminfo") as handle:
        total = int(next(line for line in handle if line.startswith("MemTotal:")).split()[1])
    available = available_bytes()
    assert available is not None and 0 < available <= total * 1024


def test_estimates_by_hand():
    assert grid_estimate("mspa", 1e6) == 1e6 * (PER_CELL["read"] + PER_CELL["mspa"])
    assert grid_estimate("mspa", 1e6, 5.0) == grid_estimate("mspa", 1e6) + 5.0
    # A radius of 10 with buffer 2: windows of 25 x 25 cells, 1500 bytes each, two workers,
    # plus the 8-byte distance table of one window.
    assert window_estimate(10, 2, workers=2) == 2 * 625 * 1500.0 + 625 * 8.0
    # On a 10 x 10 grid the solved windows are clipped to 100 cells; the table is not.
    assert window_estimate(10, 2, workers=2, grid_cells=100) == 2 * 100 * 1500.0 + 625 * 8.0
    assert window_estimate(10, 2, correction=True) == 3 * 625 * 1500.0 + 625 * 8.0
    assert format_bytes(2.5e9) == "2.5 GB" and format_bytes(3.2e6) == "3.2 MB"
    # 20,000 patches: 4e8 pairs of 48 bytes, 19.2 GB; refused on a machine with 16 GB.
    assert pairs_estimate(20_000) == 4e8 * 48
    with pytest.raises(EspInputError, match="needs about 19.2 GB"):
        check_memory(pairs_estimate(20_000), what="x", advice="y", available=int(16e9))


def measured_peak(setup, run, inputs):
    """Peak bytes of ``run`` in a fresh interpreter: the highest resident size during the run
    (the kernel's high-water mark, reset after ``setup``) minus the size before it, plus the
    bytes of the ``inputs`` arrays, which the estimate counts as read."""
    code = textwrap.dedent("""
        import json, sys
        sys.path.insert(0, {root!r})
        import numpy as np, scipy.ndimage, scipy.sparse
        {imports}
        def status(key):
            with open("/proc/self/status") as handle:
                for line in handle:
                    if line.startswith(key + ":"):
                        return int(line.split()[1]) * 1024
        {setup}
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")  # resets VmHWM to the current resident size
        before = status("VmRSS")
        {run}
        print(json.dumps(status("VmHWM") - before + sum(a.nbytes for a in ({inputs},))))
    """)
    imports = "from espcore.sources.mspa import mspa\n" \
              "from espcore.corridors.corridors import linkage_pathways"
    script = code.format(root=ROOT, imports=imports, setup=setup, run=run, inputs=inputs)
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True, timeout=300)
    return json.loads(output.stdout.strip().splitlines()[-1])


pytestmark_linux = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                      reason="measures through /proc")


@pytestmark_linux
def test_mspa_estimate_against_its_measured_peak():
    # A ragged forest (features from 2 to 64 cells) and a wide edge: MSPA's hungriest case.
    cells = 4_000_000
    setup = ("rng = np.random.default_rng(3)\n"
             "field = sum(scipy.ndimage.gaussian_filter(rng.random((2000, 2000)), s) * s\n"
             "            for s in (2, 8, 32, 64))\n"
             "guidos = np.where(field > np.quantile(field, 0.45), 2, 1).astype(np.uint8)\n"
             "del field")
    peak = measured_peak(setup, "mspa(guidos, connectivity=8, edge_width=10)", "guidos")
    # The figure counts what MSPA holds beyond the map it is given.
    estimate = cells * PER_CELL["mspa"]
    assert peak <= estimate <= FACTOR * peak, (format_bytes(peak), format_bytes(estimate))


@pytestmark_linux
def test_corridor_estimate_against_its_measured_peak():
    cells, sources = 1_000_000, 12
    setup = ("labels = np.zeros((1000, 1000), np.int32)\n"
             "for k in range(12):\n"
             "    r, c = 100 + 250 * (k // 4), 100 + 250 * (k % 4)\n"
             "    labels[r:r + 20, c:c + 20] = k + 1\n"
             "resistance = np.ones((1000, 1000))")
    peak = measured_peak(setup, "linkage_pathways(labels, resistance, "
                                "impassable=np.zeros((1000, 1000), bool), cell_size=(30.0, 30.0))",
                         "labels, resistance")
    estimate = grid_estimate("corridors", cells, cells * 8.0 * sources)
    assert peak <= estimate <= FACTOR * peak, (format_bytes(peak), format_bytes(estimate))
