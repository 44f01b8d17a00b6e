"""Where the heavy algorithms run their independent tasks: the provider's settings.

Settings > Options > Processing > Providers > ESP Toolkit holds the engine (local worker
processes, or Dask), a Dask scheduler address and the number of workers. An empty address with
the Dask engine starts a LocalCluster on this machine; an address ("tcp://host:8786") sends the
tasks to a cluster whose workers have the installable ``espcore`` (``pip install
espcore[dask]``; no QGIS on the workers), whatever the engine option says.
:func:`executor_for` gives the algorithms the executor these settings describe: an algorithm's
own worker count (its WORKERS parameter, when the user set one) wins over the setting's.
:func:`settings` reads the three values in one place and :func:`engine_summary` says them in a
line (the dock shows it).
"""

import os
from dataclasses import dataclass
from typing import Any, Optional

from ..espcore.executor import DaskExecutor, make_executor
from .base import translate

ENGINE = "ESP_TOOLKIT_ENGINE"
SCHEDULER = "ESP_TOOLKIT_DASK_SCHEDULER"
WORKERS = "ESP_TOOLKIT_WORKERS"
ENGINES = ("Local worker processes", "Dask (dask.distributed)")
LOCAL, DASK = "local", "dask"


@dataclass(frozen=True)
class EngineSettings:
    """The provider's settings as the executors use them.

    ``engine``: "local" or "dask" (a scheduler address means Dask whatever the option says);
    ``address``: the scheduler, None for a LocalCluster (or the local engine); ``workers``:
    the setting as stored, 0 for one per core (:attr:`worker_count` resolves it).
    """

    engine: str = LOCAL
    address: Optional[str] = None
    workers: int = 0

    @property
    def worker_count(self) -> int:
        return self.workers if self.workers > 0 else (os.cpu_count() or 1)


def _config() -> Any:
    """Processing's settings, or None outside the Processing plugin (a bare PyQGIS script)."""
    try:
        from processing.core.ProcessingConfig import ProcessingConfig, Setting
    except ImportError:
        return None
    return ProcessingConfig, Setting


def _check_workers(value: Any) -> None:
    """The options dialog's check: it hands the value over as text ("4")."""
    try:
        valid = int(value) >= 0
    except (TypeError, ValueError):
        valid = False
    if not valid:
        raise ValueError(translate("Enter 0 (one worker per core) or a positive number of "
                                   "workers."))


def register_settings(provider_name: str) -> None:
    found = _config()
    if found is None:
        return
    config, setting = found
    # The options stay in English: Processing stores the option's text and looks it up again,
    # so a translated text would no longer be found after a change of language.
    config.addSetting(setting(provider_name, ENGINE, translate("Engine for parallel tasks"),
                              ENGINES[0], valuetype=setting.SELECTION, options=list(ENGINES)))
    config.addSetting(setting(provider_name, SCHEDULER,
                              translate("Dask scheduler address (empty: a local cluster)"),
                              ""))
    config.addSetting(setting(provider_name, WORKERS,
                              translate("Workers for parallel tasks (0: one per core)"), 0,
                              valuetype=setting.INT, validator=_check_workers))
    config.readSettings()


def unregister_settings() -> None:
    found = _config()
    if found is not None:
        for name in (ENGINE, SCHEDULER, WORKERS):
            found[0].removeSetting(name)


def _setting(name: str) -> Any:
    found = _config()
    if found is None:
        return None
    try:
        return found[0].getSetting(name)
    except (KeyError, ValueError):  # unknown, or a stored option that no longer exists
        return None


def _count(value: Any) -> int:
    """A stored worker count: an int, or text after the options dialog; else 0."""
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return 0


def settings() -> EngineSettings:
    """The provider's engine settings now (the defaults outside the Processing plugin)."""
    address = str(_setting(SCHEDULER) or "").strip() or None
    dask = address is not None or _setting(ENGINE) == 1  # the index of the option "Dask"
    return EngineSettings(DASK if dask else LOCAL, address, _count(_setting(WORKERS)))


def engine_summary(current: Optional[EngineSettings] = None) -> str:
    """The settings in a line: "Local worker processes, 4 workers", "Dask scheduler
    tcp://host:8786", "Dask LocalCluster, 4 workers"."""
    current = current or settings()
    count = current.worker_count
    if current.engine == DASK:
        if current.address:
            return translate("Dask scheduler {address}").format(address=current.address)
        if count == 1:
            return translate("Dask LocalCluster, 1 worker")
        return translate("Dask LocalCluster, {n} workers").format(n=count)
    if count == 1:
        return translate("In the QGIS process (1 worker)")
    if current.workers == 0:
        return translate("Local worker processes, {n} workers (one per core)").format(n=count)
    return translate("Local worker processes, {n} workers").format(n=count)


def executor_for(workers: Optional[int], feedback: Any = None) -> Any:
    """The executor of the provider's settings for ``workers``: an algorithm's own count
    wins; None (or 0) leaves it to the setting, whose 0 means one per core."""
    current = settings()
    count = workers if workers is not None and workers > 0 else current.worker_count
    if current.engine != DASK:
        return make_executor(count)

    def info(text: str) -> None:
        if feedback is not None:
            feedback.pushInfo(text)

    def log(template: str, **fields: Any) -> None:
        info(translate(template, "espcore").format(**fields))

    return DaskExecutor(count, current.address, log=log)
