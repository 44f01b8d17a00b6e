"""Vector and table outputs that are either complete or gone.

QGIS creates a sink's file when the sink is opened and writes features in buffered batches, so
a full disk or a broken destination shows only when a batch is written, and a failed run
could leave a half-written table behind and still name it as a result. Every sink of ESP
Toolkit goes through :func:`open_sink` and :func:`add_features` / :func:`finish`:

* each write's result is checked, and a failure stops the run with the sink's own error;
* the files the run's sinks created are remembered on the algorithm, and
  :class:`~algorithms.base.EspAlgorithm` deletes them when the run fails or is cancelled
  (:func:`discard_created`), so no partial table is left.
"""

import os
from typing import Any, Dict, Iterable, List, Optional, Tuple

from qgis.core import (
    QgsFeatureSink,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
)

from ..base import translate
from .destinations import file_part

#: Sidecar files a single-file destination may bring along (shapefile, GeoPackage journal).
_SIDECARS = (".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", "-journal", "-wal",
             "-shm")


def _destination_file(parameters: Dict[str, Any], key: str) -> Optional[str]:
    """The file a sink destination names; None for temporary, memory and database ones and
    for a layer inside a file (dropping the file would drop its other layers)."""
    value = parameters.get(key)
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink.staticValue()
    if not isinstance(value, str) or "|" in value:
        return None
    return file_part(value)


def open_sink(algorithm: Any, parameters: Dict[str, Any], key: str,
              context: QgsProcessingContext, fields: Any, wkb_type: Any, crs: Any, *,
              optional: bool = False) -> Tuple[Any, Any]:
    """parameterAsSink with a clear error when the destination cannot be created; the file
    it writes is deleted again if the run fails. ``optional``: an output the user left
    empty gives ``(None, None)``."""
    sink, destination = algorithm.parameterAsSink(parameters, key, context, fields, wkb_type,
                                                  crs)
    if sink is None:
        if optional and not parameters.get(key):
            return None, None
        raise QgsProcessingException(algorithm.invalidSinkError(parameters, key))
    path = _destination_file(parameters, key)
    created = getattr(algorithm, "created_files", None)
    if created is not None and path is not None:
        # This run's now, whatever was there before; some drivers create it only later.
        created.append(path)
    return sink, destination


def add_features(sink: Optional[QgsFeatureSink], features: Iterable[Any]) -> None:
    """Add features, or stop with the sink's error when they could not be written."""
    if sink is None:
        return
    batch = list(features)
    if batch and not sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert):
        raise _write_error(sink)


def write_all(sink: Optional[QgsFeatureSink], features: Iterable[Any]) -> None:
    """Add the features and flush: the sink's content is complete, or the run stops."""
    add_features(sink, features)
    finish(sink)


def finish(sink: Optional[QgsFeatureSink]) -> None:
    """Write what the sink still buffers, or stop with its error."""
    if sink is not None and not sink.flushBuffer():
        raise _write_error(sink)


def _write_error(sink: QgsFeatureSink) -> QgsProcessingException:
    detail = sink.lastError() if hasattr(sink, "lastError") else ""
    return QgsProcessingException(translate(
        "Writing an output table or vector layer failed ({detail}). Check the free space and "
        "the destination, then run again; the incomplete output was removed.").format(
            detail=detail or translate("no details")))


def discard_created(paths: List[str]) -> None:
    """Delete the files a failed run's sinks created (and their sidecars)."""
    for path in paths:
        stem, _ext = os.path.splitext(path)
        for candidate in [path] + [stem + side for side in _SIDECARS[:6]] + \
                [path + side for side in _SIDECARS[6:]]:
            try:
                if os.path.isfile(candidate):
                    os.remove(candidate)
            except OSError:
                pass
    del paths[:]
