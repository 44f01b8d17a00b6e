"""Progress reporting and cancellation, without any GUI dependency.

Core functions take ``progress: Progress`` and call ``progress.update(fraction)`` with a
fraction in [0, 1]; they call :func:`check_cancelled` between units of work, which raises
:class:`~espcore.errors.Cancelled` so that no output is written.
"""

from typing import Protocol

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
