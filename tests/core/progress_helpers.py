"""A Progress for tests: records the fractions and cancels after a number of checks."""


class CancelAfter:
    """``cancelled()`` answers False ``calls`` times, then True; ``fractions`` records updates."""

    def __init__(self, calls):
        self.calls = calls
        self.fractions = []

    def update(self, fraction):
        self.fractions.append(fraction)

    def cancelled(self):
        self.calls -= 1
        return self.calls < 0


class CancelAfterUpdates:
    """``cancelled()`` turns True once ``update`` has been called more than ``updates``
    times (a tiled run updates once per finished tile)."""

    def __init__(self, updates):
        self.updates = updates
        self.seen = 0

    def update(self, fraction):
        self.seen += 1

    def cancelled(self):
        return self.seen > self.updates
