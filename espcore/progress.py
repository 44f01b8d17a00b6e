"""Progress reporting and cancellation, without any GUI dependency.

Core functions take ``progress: Progress`` and call ``progress.update(fraction)`` with a
fraction in [0, 1]; they call :func:`check_cancelled` between units of work, which raises
:class:`~espcore.errors.Cancelled` so that no output is written.

A unit of work that runs inside a library (one iterative solve) cannot be handed a
``Progress``: an executor's ``work(state, task)`` carries none, since tasks may travel to
other processes. Code in this process lends its reporter with ``with watching(progress):``,
and a library callback calls :func:`check_watched` to stop as soon as the user asks.
"""

import contextlib
from contextvars import ContextVar
from typing import Iterator, Optional, Protocol

from .errors import Cancelled


class Progress(Protocol):
    """What the core needs from a progress reporter."""

    def update(self, fraction: float) -> None:
        """Report that ``fraction`` (0 to 1) of the work is done."""

    def cancelled(self) -> bool:
        """True when the user asked to stop."""


class NullProgress:
    """Reports nowhere and never cancels."""

    def update(self, fraction: float) -> None:
        pass

    def cancelled(self) -> bool:
        return False


class SubProgress:
    """Maps the 0-1 range of one step onto ``[start, stop]`` of a parent reporter."""

    def __init__(self, parent: Progress, start: float, stop: float) -> None:
        self._parent = parent
        self._start = start
        self._span = stop - start

    def update(self, fraction: float) -> None:
        self._parent.update(self._start + self._span * min(max(fraction, 0.0), 1.0))

    def cancelled(self) -> bool:
        return self._parent.cancelled()


def check_cancelled(progress: Progress) -> None:
    """Raise :class:`Cancelled` when the user asked to stop."""
    if progress.cancelled():
        raise Cancelled()


#: The reporter lent by the innermost :func:`watching` block of this thread (None: none).
_WATCHED: "ContextVar[Optional[Progress]]" = ContextVar("espcore_watched", default=None)


@contextlib.contextmanager
def watching(progress: Progress) -> Iterator[None]:
    """Lend ``progress`` to :func:`check_watched` calls made inside the block."""
    token = _WATCHED.set(progress)
    try:
        yield
    finally:
        _WATCHED.reset(token)


def watched() -> Optional[Progress]:
    """The reporter lent by the innermost :func:`watching` block (None outside any block, as
    in a worker process)."""
    return _WATCHED.get()


def check_watched() -> None:
    """Raise :class:`Cancelled` when the reporter lent by :func:`watching` asks to stop
    (outside any block: never)."""
    progress = _WATCHED.get()
    if progress is not None:
        check_cancelled(progress)
