"""Checks on every output destination before an algorithm starts its work.

Two faults are caught here for all algorithms at once, before anything is computed:

* an output that names one of the run's own input files (a raster, a vector layer, a table, a
  file): writing it would destroy the input, so it is refused;
* an output whose file or folder cannot be written: found now instead of after the
  computation, and before any other output of the run is written.

Destinations are read from the raw parameter values, never resolved: resolving a temporary
output twice gives two different files. Temporary, memory and database outputs are skipped.
"""

import os
from typing import Any, Dict, Iterator, List, Optional, Tuple

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
)

from ..base import translate

#: Parameter types whose value names input data.
_LAYER_TYPES = ("raster", "vector", "source", "layer", "mesh", "pointcloud")
_SKIPPED_PREFIXES = ("memory:", "postgres:", "postgis:", "spatialite:", "mssql:", "oracle:",
                     "ogr:", "dbname=")


def file_part(source: str) -> Optional[str]:
    """The file a layer source or destination string names, or None for non-file ones."""
    if not source or source == "TEMPORARY_OUTPUT":
        return None
    if source.lower().startswith(_SKIPPED_PREFIXES):
        return None
    path = source.split("|")[0].strip()
    if not path or "://" in path:
        return None
    return os.path.realpath(path)


def _input_files(alg: QgsProcessingAlgorithm, parameters: Dict[str, Any],
                 context: QgsProcessingContext) -> Iterator[Tuple[str, str]]:
    """(real path, parameter description) of every file an input parameter reads."""
    for definition in alg.parameterDefinitions():
        if definition.isDestination():
            continue
        name = definition.name()
        if parameters.get(name) in (None, ""):
            continue
        kind = definition.type()
        sources: List[str] = []
        if kind in _LAYER_TYPES:
            layer = alg.parameterAsLayer(parameters, name, context)
            if layer is not None:
                sources.append(layer.source())
        elif kind == "multilayer":
            sources.extend(layer.source() for layer in
                           alg.parameterAsLayerList(parameters, name, context))
        elif kind == "file":
            sources.append(alg.parameterAsFile(parameters, name, context))
        for source in sources:
            path = file_part(source)
            if path is not None and os.path.exists(path):
                yield path, definition.description()


def _destinations(alg: QgsProcessingAlgorithm, parameters: Dict[str, Any]
                  ) -> Iterator[Tuple[str, str, bool]]:
    """(real path, description, is a folder) of every file destination given."""
    for definition in alg.destinationParameterDefinitions():
        value = parameters.get(definition.name())
        if isinstance(value, QgsProcessingOutputLayerDefinition):
            value = value.sink.staticValue()
        if not isinstance(value, str):
            continue
        path = file_part(value)
        if path is not None:
            yield path, definition.description(), definition.type() == "folderDestination"


def _nearest_existing(path: str) -> str:
    folder = path
    while folder and not os.path.exists(folder):
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    return folder


def _writable(path: str, folder: bool) -> bool:
    """A file can be (re)placed there, or a folder created or written into."""
    if folder and os.path.isdir(path):
        return os.access(path, os.W_OK | os.X_OK)
    if os.path.isdir(path):
        return False  # a file destination that is a folder
    if os.path.exists(path) and not os.access(path, os.W_OK):
        return False
    existing = _nearest_existing(os.path.dirname(path) if not folder else path)
    return os.path.isdir(existing) and os.access(existing, os.W_OK | os.X_OK)


def check_destinations(alg: QgsProcessingAlgorithm, parameters: Dict[str, Any],
                       context: QgsProcessingContext) -> None:
    """Refuse outputs that overwrite an input or cannot be written, before any work."""
    inputs = dict(_input_files(alg, parameters, context))
    seen: Dict[str, str] = {}
    for path, description, folder in _destinations(alg, parameters):
        if path in seen:
            raise QgsProcessingException(translate(
                "The outputs '{first}' and '{second}' are both {output}: one would overwrite "
                "the other. Give each output its own file.").format(
                    first=seen[path], second=description, output=path))
        seen[path] = description
        if not folder and path in inputs:
            raise QgsProcessingException(translate(
                "The output '{output}' ({name}) is the input file of '{input}': writing it "
                "would overwrite the input. Choose another file name for the output.").format(
                    output=path, name=description, input=inputs[path]))
        if not _writable(path, folder):
            raise QgsProcessingException(translate(
                "The output '{output}' ({name}) cannot be written: check that its folder "
                "exists and that you may write there (and that the file is not read-only), "
                "or choose another place.").format(output=path, name=description))
