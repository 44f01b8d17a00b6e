"""Pairwise raster mode against Circuitscape.jl's own verification cases (sgVerify*)."""

import glob
import os

import numpy as np
import pytest
from cs_cases import (
    CASES,
    assert_map,
    assert_resistances,
    expected,
    expected_maps,
    read_case_ini,
    read_table,
    run_case,
)

from espcore.circuits.csjob import CircuitscapeConfig

PAIRWISE = sorted(os.path.basename(p) for p in glob.glob(os.path.join(CASES, "sgVerify*")))
BIG = ["bigtests_250k"]


def expected_maps_in_use(case, resistances):
    """Expected maps by output suffix, without the legacy empty maps that older versions
    wrote for pairs on one node or not connected (Circuitscape 5 writes none for them)."""
    ids = list(resistances[0, 1:])
    out = {}
    for key, values in expected_maps(case).items():
        kind, _, pair = key.partition("_")
        if kind in ("curmap", "voltmap") and pair and pair != "max":
            a, b = (ids.index(float(v)) + 1 for v in pair.split("_"))
            if resistances[a, b] in (0.0, -1.0):
                continue
        out[key] = values
    return out


def check_case(case, result, config):
    table = read_table(expected(case, "resistances.out"))
    assert_resistances(result.resistances, table)
    wanted = expected_maps_in_use(case, table)
    if not config.maps.any_currents:
        wanted.pop("cum_curmap", None)  # legacy file: the INI asks for no current maps
    wanted.pop("curmap_max", None)  # legacy name of max_curmap
    assert set(wanted) <= set(result.maps)
    for key, values in wanted.items():
        assert_map(result.maps[key], values)


@pytest.mark.parametrize("case", PAIRWISE + BIG)
def test_pairwise_case(case):
    config = CircuitscapeConfig(read_case_ini(case))
    result = run_case(case)
    check_case(case, result, config)


@pytest.mark.parametrize("method", ["cholmod", "superlu", "amg"])
def test_every_solver_gives_the_same_numbers(method):
    pytest.importorskip("sksparse" if method == "cholmod" else "scipy")
    if method == "amg":
        pytest.importorskip("pyamg")
    case = "sgVerify4"
    result = run_case(case, method=method)
    check_case(case, result, CircuitscapeConfig(read_case_ini(case)))


def test_three_column_resistances_match_circuitscape():
    from espcore.circuits.circuit import three_columns

    result = run_case("sgVerify2")
    np.testing.assert_allclose(three_columns(result.resistances),
                               read_table(expected("sgVerify2", "resistances_3columns.out")),
                               rtol=1e-6, atol=1e-12)
