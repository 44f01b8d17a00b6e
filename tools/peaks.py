"""Peak resident memory of a process and of its workers, sampled from /proc (Linux).

Used by `make demo-scale` and the scale benchmarks. RUSAGE_CHILDREN would count a worker
from the moment it was forked, with the parent's pages in it, so the workers' own peaks are
sampled instead.
"""

import os
import threading


class Peaks:
    """Samples the resident memory of this process (the client) and of each of its
    descendants (the workers) every 0.2 s from /proc; keeps the client's peak and the
    largest worker's. (RUSAGE_CHILDREN would count a worker from the moment it was forked,
    with the client's pages in it.)"""

    def __init__(self):
        self.client = self.worker = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    @staticmethod
    def _rss(pid):
        try:
            with open("/proc/{0}/statm".format(pid)) as handle:
                return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            return 0

    @staticmethod
    def _descendants(root):
        parents = {}
        for name in os.listdir("/proc"):
            if name.isdigit():
                try:
                    with open("/proc/{0}/stat".format(name)) as handle:
                        parents[int(name)] = int(handle.read().rsplit(")", 1)[1].split()[1])
                except (OSError, ValueError, IndexError):
                    continue
        found, frontier = [], [root]
        while frontier:
            pid = frontier.pop()
            children = [child for child, parent in parents.items() if parent == pid]
            found += children
            frontier += children
        return found

    def _run(self):
        me = os.getpid()
        while not self._stop.wait(0.2):
            self.client = max(self.client, self._rss(me))
            for pid in self._descendants(me):
                self.worker = max(self.worker, self._rss(pid))

    def mb(self):
        """(client, largest worker) peak MB while the block ran."""
        return round(self.client / 2 ** 20), round(self.worker / 2 ** 20)
