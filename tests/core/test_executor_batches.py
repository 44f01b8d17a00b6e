"""Tasks sent to local worker processes in batches: every task comes back once, a batch runs
in one worker, and a batch of 1 still spreads few heavy tasks over every worker."""

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from executor_tasks import offset, with_process  # noqa: E402

from espcore.executor import ProcessExecutor, SerialExecutor, _batches  # noqa: E402


def test_batches_cut_a_stream_in_order():
    assert list(_batches(iter(range(7)), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(_batches([], 3)) == []


@pytest.mark.parametrize("batch", [None, 1, 4])
def test_every_task_comes_back_once_and_a_batch_runs_in_one_worker(batch):
    results = list(ProcessExecutor(2).run(offset, with_process, range(23), batch=batch))
    assert sorted(value for _, value in results) == [100 + k for k in range(23)]
    size = batch or 1
    worker = {value - 100: pid for pid, value in results}
    for first in range(0, 23, size):
        assert len({worker[task] for task in range(first, min(first + size, 23))}) == 1


def test_the_serial_engine_takes_the_hint_and_keeps_the_order():
    results = list(SerialExecutor().run(offset, with_process, range(5), batch=3))
    assert [value for _, value in results] == [100, 101, 102, 103, 104]


STOP_WITH_RESULTS_IN_FLIGHT = """
import sys
sys.path[:0] = {paths!r}
from espcore.executor import ProcessExecutor
from executor_tasks import large_result, no_state

if __name__ == "__main__":
    run = ProcessExecutor(2).run(no_state, large_result, [2e7] * 8)
    next(run)
    try:
        run.throw(KeyboardInterrupt)  # the caller stops while 160 MB results are being sent
    except KeyboardInterrupt:
        pass
    print("stopped")
"""


def test_a_run_stopped_while_results_are_sent_lets_python_exit(tmp_path):
    """A worker stopped in the middle of sending a result once left the pool's manager thread
    waiting for the rest of the message, and Python (QGIS too) hung at exit."""
    import subprocess

    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    script = tmp_path / "stop.py"
    script.write_text(STOP_WITH_RESULTS_IN_FLIGHT.format(paths=[root, here]))
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "stopped", done.stderr
