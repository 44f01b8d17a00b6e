"""Tasks for the process-executor tests, in a module of their own: spawned workers import a
task by its module's name, which a test module loaded by pytest's importlib mode does not
have."""

import os
import threading


def mark_and_wait(folder, task):
    """Task 0 returns at once; the others mark their start in ``folder`` (the state), wait,
    then mark their end."""
    if task == 0:
        return task
    open(os.path.join(folder, "started_{0}".format(task)), "w").close()
    threading.Event().wait(5.0)
    open(os.path.join(folder, "finished_{0}".format(task)), "w").close()
    return task


def offset():
    return 100


def with_process(state, task):
    """(the worker's process id, state + task): which worker ran which task."""
    return os.getpid(), state + task


# Tiled runs (test_tiled.py): a focal sum of radius r, read from the tile's window.

def tiled_mean_setup(source, radius):
    from functools import partial

    return partial(_tiled_mean_state, source, radius)


def _tiled_mean_state(source, radius):
    return source, radius


def tiled_mean_work(state, tile):
    import numpy as np
    from scipy import ndimage

    source, radius = state
    window = source.read(tile.read_rows, tile.read_cols)
    filled = np.where(window.mask, 0.0, window.values)
    size = 2 * radius + 1
    total = ndimage.uniform_filter(filled, size, mode="constant", cval=0.0) * size * size
    return {"sum": total[tile.inner], "figures": {"cells": tile.cells}}


def tiled_spill_work(state, tile):
    import numpy as np

    return {"ones": np.ones(tile.read_shape)}


def no_state():
    return None


def large_result(state, task):
    """A result of ``task`` float64s: sending it takes many pipe writes."""
    import numpy as np

    return np.ones(int(task))
