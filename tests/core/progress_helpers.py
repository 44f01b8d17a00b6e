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
