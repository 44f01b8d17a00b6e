"""Circuitscape INI files run through espcore.circuits.csjob, as esp:circuitscapeini does."""

import numpy as np
import pytest
from cs_cases import expected, read_table, run_case

from espcore import EspInputError
from espcore.circuits.circuit import MapOptions
from espcore.circuits.csini import parse_included_pairs, parse_ini
from espcore.circuits.csjob import CircuitscapeConfig
from espcore.circuits.focal import FocalNodes
from espcore.circuits.graph import conductances
from espcore.circuits.pairwise import pairwise
from espcore.executor import ProcessExecutor


def test_ini_parsing_follows_circuitscape():
    options = parse_ini("[Section]\nscenario = pairwise\n# comment = ignored?\n"
                        "write_cur_maps = true\nwrite_volt_maps = 0\noutput_file = out/a.out\n")
    config = CircuitscapeConfig(options)
    assert config.scenario == "pairwise"
    assert config.maps.current_maps and not config.maps.voltage_maps
    assert config.output_prefix == "out/a"
    assert config.path("polygon_file") is None
    assert CircuitscapeConfig({"solver": "cg+amg"}).solver == "amg"
    assert CircuitscapeConfig({"solver": "cholmod"}).solver == "cholmod"


@pytest.mark.parametrize("word", ["yes", "maybe", "TRUE", "on", "Ture"])
def test_a_boolean_that_is_neither_true_nor_false_is_refused(word):
    # Circuitscape reads every word but True, true and 1 as false; such a typo would change
    # the results silently (connect_four_neighbors_only = maybe gives other resistances).
    config = CircuitscapeConfig({"connect_four_neighbors_only": word})
    with pytest.raises(EspInputError, match="connect_four_neighbors_only = " + word):
        config.flag("connect_four_neighbors_only")


@pytest.mark.parametrize("word,value", [("True", True), ("true", True), ("1", True),
                                        ("False", False), ("false", False), ("0", False),
                                        ("", False)])
def test_circuitscape_booleans(word, value):
    assert CircuitscapeConfig({"write_cur_maps": word}).flag("write_cur_maps") is value


def test_bad_ini_values_are_explained():
    with pytest.raises(EspInputError, match="Unknown Circuitscape scenario"):
        _ = CircuitscapeConfig({"scenario": "sideways"}).scenario
    with pytest.raises(EspInputError, match="output_file"):
        _ = CircuitscapeConfig({}).output_prefix


@pytest.mark.parametrize("case", ["sgNetworkVerify2", "mgNetworkVerify1"])
def test_network_ini_runs(case):
    result = run_case(case)
    if result.resistances is not None:
        want = read_table(expected(case, "resistances.out"))
        np.testing.assert_allclose(result.resistances, want, rtol=1e-6, atol=1e-12)
    else:
        want = read_table(expected(case, "voltages.txt"))
        got = result.tables["voltages"]
        rows = {int(r[0]): r[1] for r in got}
        for node, volts in want:
            assert rows[int(node)] == pytest.approx(volts, abs=1e-9)


def test_included_pairs_layouts():
    ids, chosen, mode = parse_included_pairs("mode include\n1 2\n3 1\n")
    assert mode == "include"
    assert ids.tolist() == [1, 2, 3]
    assert chosen[0, 1] and chosen[0, 2] and not chosen[1, 2]
    ids, chosen, _ = parse_included_pairs("min 2\nmax 5\n0 1 2 3\n1 0 3 9\n2 3 0 1\n3 9 1 0\n")
    assert ids.tolist() == [1, 2, 3]
    assert chosen[0, 1] and not chosen[0, 2] and not chosen[1, 2]


def test_included_pairs_restrict_the_solved_pairs():
    rng = np.random.default_rng(5)
    r = rng.uniform(1, 20, (15, 15))
    g = conductances(r, np.ones(r.shape, bool), is_resistance=True)
    ids = np.zeros(r.shape)
    ids[1, 1], ids[13, 13], ids[1, 13], ids[13, 1] = 1, 2, 3, 4
    focal = FocalNodes.from_raster(ids, np.ones(r.shape, bool))
    full = pairwise(g, focal, maps=MapOptions(current_maps=True))
    some = pairwise(g, focal, included=parse_included_pairs("mode include\n1 2\n2 3\n"),
                    maps=MapOptions(current_maps=True))
    assert some.resistances[0, 1:].tolist() == [1, 2, 3]  # id 4 is not in the file
    assert sorted(k for k in some.maps if k.startswith("curmap_")) == ["curmap_1_2",
                                                                      "curmap_2_3"]
    want = full.resistances[1:4, 1:4].copy()
    want[0, 2] = want[2, 0] = -1.0  # 1-3 is not included: -1, as Circuitscape writes
    np.testing.assert_allclose(some.resistances[1:, 1:], want)
    np.testing.assert_allclose(some.maps["cum_curmap"],
                               full.maps["curmap_1_2"] + full.maps["curmap_2_3"], atol=1e-12)


@pytest.mark.parametrize("case", ["sgVerify4", "sgVerify8"])
def test_process_pool_gives_the_serial_numbers(case):
    serial = run_case(case)
    pooled = run_case(case, executor=ProcessExecutor(2))
    # AMG-CG (sgVerify4 asks for cg+amg) may differ in the last digits between processes.
    np.testing.assert_allclose(pooled.resistances, serial.resistances, rtol=1e-9)
    assert set(pooled.maps) == set(serial.maps)
    for key in serial.maps:
        np.testing.assert_allclose(pooled.maps[key], serial.maps[key], atol=1e-9)
