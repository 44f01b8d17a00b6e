"""MSPA benchmark: a synthetic forest / non-forest landscape through espcore.sources.mspa.mspa.

Run through bench/run.py (``--only mspa_10m``), or by hand::

    python -c "import sys; sys.path[:0] = ['.', 'bench']; import mspa_cases as m; \
print(m.mspa_run(cells=1_000_000))"

``mspa_vs_guidos`` runs ours and the GuidosToolbox engine (pyguidos, see
requirements/bench.txt) side by side; pyguidos needs numpy 2, so under the QGIS environment
name a numpy-2 interpreter that has it in ESP_PYGUIDOS_PYTHON.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import numpy as np

SEED = 20240611


def forest_map(cells: int, *, seed: int = SEED, forest: float = 0.55,
               missing: float = 0.01) -> np.ndarray:
    """A square GuidosToolbox-coded map (0 missing, 1 non-forest, 2 forest) of about
    ``cells`` cells.

    Fractal value noise (bilinearly upsampled white noise on lattices of 256 to 2 cells, so
    there are large forests, ragged borders, thin strips and single cells) thresholded so that
    ``forest`` of the cells are forest; about ``missing`` of the cells are missing in blobs
    (clouds).
    """
    from scipy.ndimage import zoom

    side = int(round(cells ** 0.5))
    rng = np.random.default_rng(seed)

    def noise(scales, amplitudes):
        field = np.zeros((side, side), dtype=np.float32)
        for scale, amplitude in zip(scales, amplitudes):
            coarse = rng.standard_normal((side // scale + 2,) * 2).astype(np.float32)
            field += amplitude * zoom(coarse, scale, order=1, prefilter=False)[:side, :side]
        return field

    cover = noise((256, 64, 16, 4, 2), (1.0, 0.7, 0.5, 0.45, 0.35))
    clouds = noise((128, 32), (1.0, 0.3))
    out = np.where(cover > np.quantile(cover[::7, ::7], 1.0 - forest), 2, 1).astype(np.uint8)
    out[clouds > np.quantile(clouds[::7, ::7], 1.0 - missing)] = 0
    return out


def mspa_run(cells: int = 10_000_000) -> dict:
    """8-connectivity, edge width 1, transition and intext on (GuidosToolbox's defaults)."""
    from espcore.sources.mspa import class_areas, mspa

    guidos = forest_map(cells)
    start = time.perf_counter()
    codes = mspa(guidos, connectivity=8, edge_width=1, intext=True)
    seconds = time.perf_counter() - start
    rows = class_areas(codes, cell_area=1.0)
    shares = {name: pct for _code, name, _cells, _area, pct, _data in rows if pct}
    core = sum(v for k, v in shares.items() if k.startswith("Core"))
    connectors = sum(v for k, v in shares.items() if k.startswith(("Bridge", "Loop")))
    forest = float(np.mean(guidos == 2)) * 100
    return {"cells": int(guidos.size), "seconds": round(seconds, 2),
            "notes": ["8-conn, EW 1: forest {0:.0f} %, of it core {1:.1f} %, bridge+loop "
                      "{2:.1f} %".format(forest, core, connectors)]}


# ------------------------------------------------------------ against the GTB engine ----

#: pyguidos's compiled MSPA engine, the one its public ``pyguidos.mspa`` calls after reading
#: the GeoTIFF (that function also writes an output GeoTIFF and statistics files, which
#: would be timed too).
_ENGINE_MODULE = "pyguidos._mspa._mspa"
_SKIP = "pyguidos is not installed: pip install -r requirements/bench.txt"


def _guidos_python() -> str:
    # pyguidos needs numpy 2, the QGIS environment has numpy 1: the engine may run under
    # another interpreter, named by ESP_PYGUIDOS_PYTHON.
    return os.environ.get("ESP_PYGUIDOS_PYTHON") or sys.executable


def _peak_kib() -> int:
    """Peak resident memory of this process image (kB).

    ru_maxrss is not used when /proc is there: it carries the peak of the process that
    spawned this one across exec, which would hide a child's own smaller peak.
    """
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _child(tool: str, map_path: str, connectivity: int, edge_width: int,
           out_path: str) -> None:
    """One MSPA run in this process: imports and the map first, then the timed call."""
    if tool == "ours":
        sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        import scipy.ndimage  # noqa: F401  (imported before the baseline, as pyguidos is)

        from espcore.sources.mspa import mspa

        def run(guidos):
            # pyguidos 2.6.x carries the v2.4 frame.
            return mspa(guidos, connectivity=connectivity, edge_width=edge_width,
                        intext=True, engine="v2.4")
    else:
        import importlib

        engine = importlib.import_module(_ENGINE_MODULE)

        def run(guidos):
            codes, _colours = engine.mspa(guidos, float(edge_width), connectivity, 1, 1)
            codes[codes == 2] = 0  # as pyguidos does after the engine (a miallib quirk)
            return codes

    guidos = np.ascontiguousarray(np.load(map_path), dtype=np.uint8)
    base = _peak_kib()
    start = time.perf_counter()
    codes = run(guidos)
    seconds = time.perf_counter() - start
    peak = _peak_kib()
    np.save(out_path, codes)
    print(json.dumps({"seconds": seconds, "extra_mb": (peak - base) / 1024.0,
                      "peak_mb": peak / 1024.0}))


def _spawn(tool: str, map_path: str, connectivity: int, edge_width: int,
           out_path: str) -> dict:
    python = sys.executable if tool == "ours" else _guidos_python()
    done = subprocess.run([python, os.path.abspath(__file__), "--child", tool, map_path,
                           str(connectivity), str(edge_width), out_path],
                          capture_output=True, text=True)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        reason = (done.stderr.strip().splitlines()
                  or ["exit status {0}".format(done.returncode)])[-1]
        raise RuntimeError("{0} (connectivity {1}, edge width {2}) failed: {3}".format(
            tool, connectivity, edge_width, reason))
    return json.loads(lines[-1])


def mspa_vs_guidos(cells: int = 10_000_000, edge_widths=(1, 2, 3, 5, 10),
                   four_connected=(1,)) -> dict:
    """Ours against the GuidosToolbox engine (pyguidos) on the same map, one setting at a time.

    8-connectivity at every edge width in ``edge_widths`` and 4-connectivity at those in
    ``four_connected``; intext on, the v2.4 frame (pyguidos's engine version). Each run is a
    process of its own that imports its tool and loads the map before the timed call, so its
    memory figure is its own: the peak resident memory above that baseline. Ours runs first,
    then the engine, setting by setting. ``seconds`` is the total of our runs, ``peak_mb`` our
    largest whole-process peak.
    """
    import tempfile

    guidos = forest_map(cells)
    probe = subprocess.run([_guidos_python(), "-c", "import " + _ENGINE_MODULE],
                           capture_output=True)
    if probe.returncode != 0:
        return {"cells": int(guidos.size), "skipped": _SKIP}
    settings = [(8, ew) for ew in edge_widths] + [(4, ew) for ew in four_connected]
    size = int(guidos.size)
    notes, total, peak = [], 0.0, 0.0
    with tempfile.TemporaryDirectory(prefix="esp_mspa_") as folder:
        map_path = os.path.join(folder, "map.npy")
        np.save(map_path, guidos)
        del guidos
        for connectivity, edge_width in settings:
            runs = {}
            for tool in ("ours", "pyguidos"):
                out_path = os.path.join(folder, tool + ".npy")
                runs[tool] = _spawn(tool, map_path, connectivity, edge_width, out_path)
            same = np.array_equal(np.load(os.path.join(folder, "ours.npy")),
                                  np.load(os.path.join(folder, "pyguidos.npy")))
            ours, theirs = runs["ours"], runs["pyguidos"]
            total += ours["seconds"]
            peak = max(peak, ours["peak_mb"])
            notes.append(
                "{0}-conn EW {1:>2}: ours {2:6.2f} s {3:5.0f} MB, pyguidos {4:6.2f} s {5:5.0f}"
                " MB; ratio time {6:.2f}, memory {7:.2f}; codes {8}".format(
                    connectivity, edge_width, ours["seconds"], ours["extra_mb"],
                    theirs["seconds"], theirs["extra_mb"],
                    ours["seconds"] / theirs["seconds"],
                    ours["extra_mb"] / max(theirs["extra_mb"], 1e-9),
                    "identical" if same else "DIFFER"))
    notes.append("MB: peak resident memory above the process after imports and the map")
    return {"cells": size, "seconds": round(total, 2), "peak_mb": round(peak), "notes": notes}


if __name__ == "__main__":
    if len(sys.argv) == 7 and sys.argv[1] == "--child":
        _child(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6])
    else:
        sys.exit("usage: mspa_cases.py --child TOOL MAP.npy CONNECTIVITY EDGE_WIDTH OUT.npy")
