"""The Dask engine (dask.distributed) gives the serial numbers, with the same interface.

A LocalCluster of two worker processes stands in for a cluster; the tests are skipped where
dask.distributed is not installed (it is an optional dependency of espcore).
"""

import numpy as np
import pytest

pytest.importorskip("distributed")

from espcore import EspError  # noqa: E402
from espcore.circuits.omniscape import OmniscapeOptions, omniscape  # noqa: E402
from espcore.executor import DaskExecutor, SerialExecutor, make_executor  # noqa: E402


def _setup_offset():
    return 100


def _add(state, task):
    return state + task


def _fail(state, task):
    raise ValueError("task {0} failed".format(task))


@pytest.fixture(scope="module")
def dask_executor():
    return DaskExecutor(workers=2)


def test_every_task_comes_back_once(dask_executor):
    results = sorted(dask_executor.run(_setup_offset, _add, range(25)))
    assert results == [100 + k for k in range(25)]


@pytest.mark.parametrize("batch", [1, 4, 7])
def test_batches_of_any_size_give_every_task_once(batch):
    engine = DaskExecutor(workers=2, batch=batch)
    assert sorted(engine.run(_setup_offset, _add, range(30))) == [100 + k for k in range(30)]


def test_a_task_error_reaches_the_caller(dask_executor):
    with pytest.raises(ValueError, match="task 0 failed"):
        list(dask_executor.run(_setup_offset, _fail, [0]))


def test_omniscape_on_dask_gives_the_serial_current(dask_executor):
    rng = np.random.default_rng(3)
    resistance = rng.uniform(1.0, 10.0, (24, 21))
    valid = rng.random(resistance.shape) > 0.05
    source = rng.uniform(0.0, 1.0, resistance.shape)
    options = OmniscapeOptions(radius=5, block_size=3, buffer=1, calc_normalized_current=True)
    serial = omniscape(resistance, valid, source=source, options=options)
    distributed = omniscape(resistance, valid, source=source, options=options,
                            executor=dask_executor)
    assert set(serial) == set(distributed)
    for name in serial:
        np.testing.assert_allclose(distributed[name], serial[name], rtol=1e-12, atol=1e-14)


def test_make_executor_picks_the_engine():
    assert isinstance(make_executor(1), SerialExecutor)
    engine = make_executor(2, engine="dask")
    assert isinstance(engine, DaskExecutor) and engine.workers == 2
    assert make_executor(address="tcp://127.0.0.1:8786").address == "tcp://127.0.0.1:8786"


def test_an_unreachable_scheduler_is_an_error_not_a_hang():
    engine = DaskExecutor(address="tcp://127.0.0.1:9", timeout=2)
    with pytest.raises(EspError, match="No Dask scheduler answers at tcp://127.0.0.1:9"):
        list(engine.run(_setup_offset, _add, [1]))


def test_circuitscape_pairwise_on_dask_gives_the_serial_numbers(dask_executor):
    from test_csjob import run_case

    serial = run_case("sgVerify8")
    distributed = run_case("sgVerify8", executor=dask_executor)
    np.testing.assert_allclose(distributed.resistances, serial.resistances, rtol=1e-9)
    for key in serial.maps:
        np.testing.assert_allclose(distributed.maps[key], serial.maps[key], atol=1e-9)


def test_a_batch_given_to_run_overrides_the_engine_default(dask_executor):
    results = sorted(dask_executor.run(_setup_offset, _add, range(11), batch=1))
    assert results == [100 + k for k in range(11)]


class _Client:
    def __init__(self, link):
        self.link = link

    @property
    def dashboard_link(self):
        if self.link is KeyError:
            raise KeyError("dashboard")  # distributed's answer for a scheduler without one
        return self.link


def test_the_dashboard_link_is_none_where_there_is_no_dashboard():
    from espcore.executor import dashboard_link

    assert dashboard_link(_Client("http://127.0.0.1:8787/status")) == \
        "http://127.0.0.1:8787/status"
    assert dashboard_link(_Client("")) is None
    assert dashboard_link(_Client(None)) is None
    assert dashboard_link(_Client(KeyError)) is None


def test_a_local_cluster_is_logged_with_its_dashboard():
    lines = []
    executor = DaskExecutor(1, log=lambda template, **fields: lines.append(
        template.format(**fields)))
    assert sorted(executor.run(_setup_offset, _add, [1, 2])) == [101, 102]
    assert lines and lines[0].startswith("Dask LocalCluster of 1 workers, dashboard ")
