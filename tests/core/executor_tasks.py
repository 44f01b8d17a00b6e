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
