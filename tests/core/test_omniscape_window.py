"""Omniscape's full-disk window template gives the general path's numbers.

Windows that the grid edge does not cut and whose disk has no NoData are solved on one shared
structure with one CHOLMOD analysis (espcore.circuits.omniscapewindow); every other window
keeps the general path. Both are run here on the same small random landscapes.
"""

import numpy as np
import pytest
import scipy.sparse as sp

from espcore import compat
from espcore.circuits import omniscape as omniscape_module
from espcore.circuits import omniscapewindow
from espcore.circuits.graph import raster_network
from espcore.circuits.omniscape import OmniscapeOptions, omniscape
from espcore.circuits.omniscapewindow import DiskWindow, disk_mask
from espcore.circuits.solvers import without_nodes

RTOL = 1e-9


@pytest.fixture(autouse=True)
def cholmod_installed():
    pytest.importorskip("sksparse.cholmod")
    assert compat.cholmod_problem() is None, compat.cholmod_problem()


def landscape(shape, seed, holes):
    """Lognormal resistances, sources on most cells; with ``holes`` some cells are NoData."""
    rng = np.random.default_rng(seed)
    resistance = np.exp(rng.normal(0.0, 1.5, shape))
    valid = rng.random(shape) > (0.03 if holes else 0.0)
    source = rng.uniform(0.0, 1.0, shape)
    source[rng.random(shape) < 0.3] = 0.0
    return resistance, valid, source


class Spy:
    """Counts the windows the template solved and those it handed back (not a full disk)."""

    def __init__(self, monkeypatch):
        self.solved = self.refused = 0
        current = DiskWindow.current

        def counted(window, g, sources):
            out = current(window, g, sources)
            if out is None:
                self.refused += 1
            else:
                self.solved += 1
            return out

        monkeypatch.setattr(DiskWindow, "current", counted)


def both_paths(monkeypatch, resistance, valid, source, options):
    general_spy = Spy(monkeypatch)
    monkeypatch.setattr(omniscapewindow, "ENABLED", False)
    general = omniscape(resistance, valid, source=source, options=options)
    assert general_spy.solved == general_spy.refused == 0
    monkeypatch.setattr(omniscapewindow, "ENABLED", True)
    spy = Spy(monkeypatch)
    template = omniscape(resistance, valid, source=source, options=options)
    return general, template, spy


CASES = [
    # four, radius, buffer, block, holes, extra options
    (False, 3, 0, 1, True, {}),
    (True, 3, 1, 1, True, {}),
    (False, 4, 0, 3, False, {"calc_flow_potential": True, "calc_normalized_current": True}),
    (True, 4, 0, 3, True, {"correct_artifacts": False}),
    (False, 2, 2, 3, True, {"calc_flow_potential": True}),
    (True, 5, 0, 1, False, {}),
]


@pytest.mark.parametrize("four, radius, buffer, block, holes, extra", CASES)
def test_template_gives_the_general_maps(monkeypatch, four, radius, buffer, block, holes,
                                         extra):
    resistance, valid, source = landscape((23, 21), seed=radius + 10 * block, holes=holes)
    options = OmniscapeOptions(radius=radius, buffer=buffer, block_size=block,
                               connect_four_neighbors_only=four, solver="cholmod", **extra)
    general, template, spy = both_paths(monkeypatch, resistance, valid, source, options)
    assert spy.solved > 0
    if holes:
        assert spy.refused > 0  # windows with NoData in their disk took the general path
    else:
        assert spy.refused == 0
    assert set(template) == set(general)
    for name in general:
        np.testing.assert_allclose(template[name], general[name], rtol=RTOL, atol=0)


def test_template_with_sources_from_resistance(monkeypatch):
    resistance, valid, _ = landscape((19, 19), seed=4, holes=True)
    options = OmniscapeOptions(radius=3, source_from_resistance=True, r_cutoff=5.0,
                               solver="cholmod")
    general, template, spy = both_paths(monkeypatch, resistance, valid, None, options)
    assert spy.solved > 0
    np.testing.assert_allclose(template["cum_currmap"], general["cum_currmap"], rtol=RTOL,
                               atol=0)


def test_other_solvers_keep_the_general_path(monkeypatch):
    resistance, valid, source = landscape((15, 15), seed=5, holes=False)
    spy = Spy(monkeypatch)
    omniscape(resistance, valid, source=source,
              options=OmniscapeOptions(radius=3, solver="superlu"))
    assert spy.solved == spy.refused == 0


# ------------------------------------------------------------------------------------------
# One window


def window(reach, seed):
    """A full window of lognormal conductances and sources, and its disk-masked copy."""
    rng = np.random.default_rng(seed)
    width = 2 * reach + 1
    g = np.exp(rng.normal(0.0, 2.0, (width, width)))
    sources = rng.uniform(0.0, 1.0, (width, width))
    sources[rng.random((width, width)) < 0.4] = 0.0
    masked = np.where(disk_mask(reach), g, 0.0)
    return g, sources, masked


@pytest.mark.parametrize("four", [False, True])
@pytest.mark.parametrize("reach", [1, 2, 6, 11])
def test_one_window_matches_window_current(reach, four):
    g, sources, masked = window(reach, seed=reach)
    disk = DiskWindow(reach, four)
    for _ in range(2):  # the second window reuses the analysis of the first
        got = disk.current(g, sources)
        expected = omniscape_module._window_current(masked, sources, (reach, reach), four,
                                                    "cholmod")
        assert got is not None and got.shape == masked.shape
        np.testing.assert_allclose(got, expected, rtol=RTOL, atol=0)
        g, sources, masked = window(reach, seed=reach + 100)


@pytest.mark.parametrize("four", [False, True])
def test_grounded_matrix_is_the_general_one(four):
    # Same pattern, same values to the last bit: the factor and the solve are then the same.
    reach = 5
    g, sources, masked = window(reach, seed=8)
    disk = DiskWindow(reach, four)
    disk.current(g, sources)
    net = raster_network(masked, four_neighbours=four)
    free = np.ones(net.n_nodes, dtype=bool)
    free[int(net.node_map[reach, reach]) - 1] = False
    general = sp.csr_matrix(without_nodes(net.laplacian(), free))
    ours = disk._matrix
    np.testing.assert_array_equal(ours.indptr, general.indptr)
    np.testing.assert_array_equal(ours.indices, general.indices)
    np.testing.assert_array_equal(ours.data, general.data)


@pytest.mark.parametrize("bad", [0.0, np.nan])
def test_window_with_nodata_in_its_disk_falls_back(bad):
    reach = 4
    g, sources, masked = window(reach, seed=3)
    disk = DiskWindow(reach, False)
    g[reach + 2, reach - 1] = bad
    assert disk.current(g, sources) is None
    # A cell outside the disk (the window's corner) changes nothing structural.
    g, sources, masked = window(reach, seed=3)
    g[0, 0] = 0.0
    expected = omniscape_module._window_current(masked, sources, (reach, reach), False,
                                                "cholmod")
    np.testing.assert_allclose(disk.current(g, sources), expected, rtol=RTOL, atol=0)


def test_nodata_window_falls_back_in_a_run(monkeypatch):
    # One NoData cell near the middle of an otherwise full landscape: the windows whose disk
    # holds it take the general path, and the maps agree.
    resistance, valid, source = landscape((17, 17), seed=6, holes=False)
    valid[8, 9] = False
    options = OmniscapeOptions(radius=3, solver="cholmod")
    general, template, spy = both_paths(monkeypatch, resistance, valid, source, options)
    assert spy.solved > 0 and spy.refused > 0
    np.testing.assert_allclose(template["cum_currmap"], general["cum_currmap"], rtol=RTOL,
                               atol=0)


def test_window_whose_only_source_is_the_ground_carries_nothing():
    reach = 3
    g, _, masked = window(reach, seed=2)
    sources = np.zeros(g.shape)
    sources[reach, reach] = 1.0  # removed by the rmvsrc policy
    got = DiskWindow(reach, True).current(g, sources)
    np.testing.assert_array_equal(got, np.zeros(g.shape))
    np.testing.assert_array_equal(
        omniscape_module._window_current(masked, sources, (reach, reach), True, "cholmod"),
        np.zeros(g.shape))


def test_a_failed_factorisation_hands_the_window_back():
    calls = []

    def failing(pattern, ordering):
        calls.append(ordering)

        def refactor(matrix):
            raise np.linalg.LinAlgError("not positive definite")

        return refactor

    reach = 2
    g, sources, _ = window(reach, seed=1)
    disk = DiskWindow(reach, False, refactorizer=failing)
    assert disk.current(g, sources) is None
    assert disk.current(g, sources) is None
    assert len(calls) == 2  # analysed again after the failure


# ------------------------------------------------------------------------------------------
# CHOLMOD refactorisation (espcore.compat)


def spd(values):
    return sp.csc_matrix(np.array(values, dtype=np.float64))


def test_refactorisation_solves_like_a_fresh_factor():
    first = spd([[4.0, -1.0, 0.0], [-1.0, 3.0, -1.0], [0.0, -1.0, 2.0]])
    second = spd([[5.0, -2.0, 0.0], [-2.0, 6.0, -0.5], [0.0, -0.5, 1.0]])
    b = np.array([1.0, -2.0, 0.5])
    refactor = compat.cholmod_refactorizer(first)
    for matrix in (first, second, first):
        got = refactor(matrix)(b)
        np.testing.assert_allclose(got, compat.cholmod_factor(matrix)(b), rtol=1e-14)
        np.testing.assert_allclose(matrix @ got, b, rtol=1e-12)


def test_refactorisation_falls_back_to_fresh_factors(monkeypatch):
    monkeypatch.setattr(compat, "_refactor_api", lambda: None)
    assert not compat.cholmod_reuses_analysis()
    matrix = spd([[2.0, -1.0], [-1.0, 2.0]])
    refactor = compat.cholmod_refactorizer(matrix)
    np.testing.assert_allclose(refactor(matrix)(np.array([1.0, 0.0])), [2 / 3, 1 / 3],
                               rtol=1e-12)


def test_refactorisation_reports_a_singular_matrix():
    refactor = compat.cholmod_refactorizer(spd([[2.0, -1.0], [-1.0, 2.0]]))
    with pytest.raises(np.linalg.LinAlgError):
        # scikit-sparse 0.4 fails at factorisation, 0.5 may wait for the solve.
        refactor(spd([[1.0, -1.0], [-1.0, 1.0]]))(np.array([1.0, 0.0]))
    # the analysis stays usable after the failure
    np.testing.assert_allclose(refactor(spd([[2.0, -1.0], [-1.0, 2.0]]))(np.array([1.0, 0.0])),
                               [2 / 3, 1 / 3], rtol=1e-12)
