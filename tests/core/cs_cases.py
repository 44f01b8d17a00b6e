"""Reading the Circuitscape / Omniscape verification cases in ../shared/cases/circuitscape.

Pure Python (no GDAL), so the case tests run under any interpreter with numpy.
"""

import glob
import gzip
import os

import numpy as np
import pytest

from espcore.circuits.csini import parse_ini
from espcore.circuits.csjob import CircuitscapeConfig, raster_arguments, run_config


def find_cases():
    """$ESP_CS_CASES, else shared/cases/circuitscape beside the checkout or any folder above."""
    if os.environ.get("ESP_CS_CASES"):
        return os.environ["ESP_CS_CASES"]
    folder = os.path.dirname(os.path.abspath(__file__))
    while True:
        candidate = os.path.join(folder, "shared", "cases", "circuitscape")
        if os.path.isdir(candidate) or os.path.dirname(folder) == folder:
            return candidate
        folder = os.path.dirname(folder)


CASES = find_cases()


def case_path(case, *parts):
    path = os.path.join(CASES, case, *parts)
    if not os.path.exists(os.path.join(CASES, case)):
        pytest.skip("verification cases not found at {0}".format(CASES))
    return path


def read_text(path):
    if not os.path.exists(path) and os.path.exists(path + ".gz"):
        path += ".gz"
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt") as handle:
        return handle.read()


def read_asc(path):
    """ESRI ASCII grid -> (values float64, valid bool, geotransform)."""
    text = read_text(path)
    lines = text.splitlines()
    header = {}
    while lines and lines[0].split() and lines[0].split()[0][0].isalpha():
        fields = lines.pop(0).split()
        header[fields[0].lower()] = float(fields[1])
    body_start = 0
    rows, cols = int(header["nrows"]), int(header["ncols"])
    values = np.array(" ".join(lines[body_start:]).split(), dtype=np.float64)
    values = values[:rows * cols].reshape(rows, cols)
    nodata = header.get("nodata_value")
    valid = ~np.isnan(values) if nodata is None else (values != nodata) & ~np.isnan(values)
    size = header["cellsize"]
    x0 = header.get("xllcorner", header.get("xllcenter", 0.0))
    y0 = header.get("yllcorner", header.get("yllcenter", 0.0)) + rows * size
    return values, valid, (x0, size, 0.0, y0, 0.0, -size)


def read_map(path):
    """An expected output map with NoData as -9999 (Circuitscape's convention)."""
    values, valid, _ = read_asc(path)
    return np.where(valid, values, -9999.0)


def read_case_ini(case, name=None):
    name = name or "{0}.ini".format(case)
    with open(case_path(case, name)) as handle:
        return parse_ini(handle.read())


def read_table(path):
    return np.loadtxt(read_text(path).splitlines(), ndmin=2)


def expected(case, suffix):
    """Path of ``expected/<case>_<suffix>`` (gzip twin accepted)."""
    return case_path(case, "expected", "{0}_{1}".format(case, suffix))


def expected_maps(case):
    """Every expected Circuitscape map of a case by output suffix (``curmap_3``,
    ``cum_curmap`` ...), gzip twins included."""
    out = {}
    for path in glob.glob(case_path(case, "expected", "*.asc*")):
        key = os.path.basename(path)[len(case) + 1:].split(".asc")[0]
        out[key] = read_map(path)
    return out


def assert_resistances(actual, expected_matrix, rtol=1e-6):
    """Matrices with header row/column; -1 and 0 must match exactly, the rest relatively."""
    actual = np.asarray(actual, dtype=np.float64)
    assert actual.shape == expected_matrix.shape
    np.testing.assert_array_equal(actual[0], expected_matrix[0])
    np.testing.assert_array_equal(actual[:, 0], expected_matrix[:, 0])
    np.testing.assert_allclose(actual[1:, 1:], expected_matrix[1:, 1:], rtol=rtol, atol=1e-12)


def assert_map(actual, expected_map, atol=1e-5):
    np.testing.assert_allclose(actual, expected_map, rtol=0, atol=atol)


def _readers(case):
    folder = case_path(case)

    def resolve(path):
        return os.path.join(folder, path.replace(".tif", ".asc"))

    return dict(read_raster=lambda p: read_asc(resolve(p)),
                read_text=lambda p: read_text(resolve(p)))


def run_case(case, **kwargs):
    """The case's INI run as esp:circuitscapeini runs it (keyword arguments of run_config)."""
    return run_config(CircuitscapeConfig(read_case_ini(case)), **_readers(case), **kwargs)


def case_arguments(case):
    """(scenario, keyword arguments of espcore.circuits.csjob.run_raster) of a raster case's INI."""
    config = CircuitscapeConfig(read_case_ini(case))
    return config.scenario, raster_arguments(config, **_readers(case))
