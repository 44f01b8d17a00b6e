"""Where the heavy algorithms run their independent tasks: the provider's settings.

Settings > Options > Processing > Providers > ESP Toolkit holds the engine (local worker
processes, or Dask) and a Dask scheduler address. An empty address with the Dask engine
starts a LocalCluster on this machine; an address ("tcp://host:8786") sends the tasks to a
cluster whose workers have the installable ``espcore`` (``pip install espcore[dask]``; no
QGIS on the workers). :func:`executor_for` gives the algorithms the executor these settings
describe; an algorithm's own worker count still applies.
"""

from typing import Any, Optional

from ..espcore.executor import DaskExecutor, make_executor

ENGINE = "ESP_TOOLKIT_ENGINE"
SCHEDULER = "ESP_TOOLKIT_DASK_SCHEDULER"
ENGINES = ("Local worker processes", "Dask (dask.distributed)")


def _config() -> Any:
    """Processing's settings, or None outside the Processing plugin (a bare PyQGIS script)."""
    try:
        from processing.core.ProcessingConfig import ProcessingConfig, Setting
    except ImportError:
        return None
    return ProcessingConfig, Setting


def register_settings(provider_name: str) -> None:
    from .base import translate

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
    config.readSettings()


def unregister_settings() -> None:
    found = _config()
    if found is not None:
        for name in (ENGINE, SCHEDULER):
            found[0].removeSetting(name)


def _setting(name: str) -> Any:
    found = _config()
    if found is None:
        return None
    try:
        return found[0].getSetting(name)
    except (KeyError, ValueError):  # unknown, or a stored option that no longer exists
        return None


def executor_for(workers: Optional[int], feedback: Any = None) -> Any:
    """The executor of the provider's settings for ``workers`` (None: one per core)."""

    engine = _setting(ENGINE)
    address = (_setting(SCHEDULER) or "").strip() or None
    dask = address is not None or engine == 1  # the index of the option "Dask"
    if not dask:
        return make_executor(workers)

    def log(message: str, **fields: Any) -> None:
        if feedback is not None:
            feedback.pushInfo(message.format(**fields))

    return DaskExecutor(workers, address, log=log)
