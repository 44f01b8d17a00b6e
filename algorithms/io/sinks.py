"""Vector and table outputs that are either complete or gone, written as atomically as rasters.

QGIS creates a sink's file when the sink is opened and writes features in buffered batches, so
a full disk or a broken destination shows only when a batch is written, and a failed run
could leave a half-written table behind (having already destroyed the file of that name) and
still name it as a result. Every sink of ESP Toolkit goes through :func:`open_sink` and
:func:`add_features` / :func:`finish`:

* a file destination is written under a hidden temporary name in its folder; when the run
  succeeds, :class:`~algorithms.base.EspAlgorithm` moves it onto the name the user chose
  (:func:`publish_staged`), and when the run fails or is cancelled it deletes it
  (:func:`discard_staged`): an older file of that name stays as it was;
* each write's result is checked, and a failure stops the run with the sink's own error.

Temporary, memory and database outputs, and a layer inside an existing file
(``file.gpkg|layername=...``), are written directly.

A CSV file is written in UTF-8 with a byte-order mark (:func:`csv_options`): without the mark,
Excel on Chinese Windows reads UTF-8 as GBK and garbles the county names; GDAL, QGIS and
Python's ``utf-8-sig`` read the mark as what it is.
"""

import os
import uuid
from typing import Any, Dict, Iterable, List, Optional, Tuple

from qgis.core import (
    QgsFeatureSink,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsVectorFileWriter,
)

from ..base import translate
from .destinations import file_part

#: Sidecar files a single-file destination may bring along: a shapefile's (same stem), and a
#: GeoPackage's or a CSV's (name + suffix).
_SIDECARS = (".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", "-journal", "-wal",
             "-shm", "t")


def _destination_file(parameters: Dict[str, Any], key: str) -> Optional[str]:
    """The file a sink destination names; None for temporary, memory and database ones and
    for a layer inside a file (dropping the file would drop its other layers)."""
    value = parameters.get(key)
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink.staticValue()
    if not isinstance(value, str) or "|" in value:
        return None
    return file_part(value)


def csv_options(path: Optional[str]) -> Dict[str, Any]:
    """The parameterAsSink keywords that write ``path`` as UTF-8 with a byte-order mark when it
    is a CSV file ({} otherwise). The driver's other defaults are kept: a layer option list
    that is not empty replaces them all."""
    if not path or not path.lower().endswith(".csv"):
        return {}
    options = [option for option in QgsVectorFileWriter.defaultLayerOptions("CSV")
               if not option.upper().startswith("WRITE_BOM=")]
    # The encoding is given too: QGIS would otherwise write the system's (GBK on Chinese
    # Windows), which the mark would then misname.
    return {"createOptions": {"fileEncoding": "UTF-8"},
            "layerOptions": options + ["WRITE_BOM=YES"]}


def open_sink(algorithm: Any, parameters: Dict[str, Any], key: str,
              context: QgsProcessingContext, fields: Any, wkb_type: Any, crs: Any, *,
              optional: bool = False) -> Tuple[Any, Any]:
    """parameterAsSink with a clear error when the destination cannot be created, staged
    under a temporary name when it is a file (see the module notes). ``optional``: an output
    the user left empty gives ``(None, None)``."""
    path = _destination_file(parameters, key)
    staged_list = getattr(algorithm, "staged_files", None)
    options = csv_options(path)
    if path is None or staged_list is None:
        sink, destination = algorithm.parameterAsSink(parameters, key, context, fields,
                                                      wkb_type, crs, **options)
    else:
        folder, name = os.path.split(path)
        if folder:  # as the raster writer does: a new folder is made, not refused
            os.makedirs(folder, exist_ok=True)
        stem, extension = os.path.splitext(name)
        staged = os.path.join(folder, ".{0}.{1}.part{2}".format(stem, uuid.uuid4().hex[:8],
                                                               extension))
        sink, destination = algorithm.parameterAsSink(dict(parameters, **{key: staged}), key,
                                                      context, fields, wkb_type, crs,
                                                      **options)
        if sink is not None:
            staged_list.append((staged, path))
            _load_on_completion(algorithm, parameters, key, context, path)
            destination = path
    if sink is None:
        if optional and not parameters.get(key):
            return None, None
        raise QgsProcessingException(algorithm.invalidSinkError(parameters, key))
    return sink, destination


def _load_on_completion(algorithm: Any, parameters: Dict[str, Any], key: str,
                        context: QgsProcessingContext, path: str) -> None:
    """What parameterAsSink does for a destination the user wants loaded, for the final name
    (the staged file is not the layer to load)."""
    value = parameters.get(key)
    if not isinstance(value, QgsProcessingOutputLayerDefinition):
        return
    project = value.destinationProject
    if project is None:
        return
    definition = algorithm.parameterDefinition(key)
    name = value.destinationName or (definition.description() if definition else key)
    context.addLayerToLoadOnCompletion(path, QgsProcessingContext.LayerDetails(name, project,
                                                                                key))


def _family(path: str) -> List[str]:
    """``path`` and its sidecars (a shapefile's .dbf, .shx ...) that exist."""
    stem = os.path.splitext(path)[0]
    found = [path] + [stem + side for side in _SIDECARS[:7]] + \
        [path + side for side in _SIDECARS[7:]]
    return [candidate for candidate in found if os.path.isfile(candidate)]


def publish_staged(staged: List[Tuple[str, str]]) -> None:
    """Move each staged file (and its sidecars) onto its final name, replacing an older file
    of that name and its sidecars."""
    for temporary, final in staged:
        for old in _family(final):
            os.remove(old)
        stem, final_stem = os.path.splitext(temporary)[0], os.path.splitext(final)[0]
        for part in _family(temporary):
            os.replace(part, final_stem + part[len(stem):])
    del staged[:]


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


def discard_staged(staged: List[Tuple[str, str]]) -> None:
    """Delete the staged files of a failed or cancelled run (and their sidecars); the files
    they were to replace stay as they were."""
    for temporary, _final in staged:
        for candidate in _family(temporary):
            try:
                os.remove(candidate)
            except OSError:
                pass
    del staged[:]
