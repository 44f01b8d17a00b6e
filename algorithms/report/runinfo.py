"""What the report's title block says about a run that the folder does not hold: the
project's title, the study area's name, the input data (names, files, CRS, resolution) and
which unit fields name the counties and their groups.

``run_info`` collects it from the algorithm's parameters as the run used them; the report
then words it in its own language (report.cover).
"""

import os
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from qgis.core import (
    QgsMapLayer,
    QgsProcessingContext,
    QgsProcessingParameterFile,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterVectorLayer,
    QgsProviderRegistry,
    QgsRasterLayer,
    QgsUnitTypes,
    QgsVectorLayer,
)


@dataclass
class DataSource:
    """One input: ``label`` is the parameter's description (already in the interface's
    words, as the settings table shows them)."""

    label: str
    name: str
    file: str
    crs: str = ""
    cell: Optional[str] = None  # "1000 × 1000 m" for a raster
    features: Optional[int] = None  # for a vector layer


@dataclass
class RunInfo:
    title: str = ""  # the QGIS project's title, "" for none
    area: str = ""  # the study area's name: the units layer's name
    sources: List[DataSource] = field(default_factory=list)
    unit_field: Optional[str] = None
    group_field: Optional[str] = None


def layer_file(layer: QgsMapLayer) -> str:
    """The file name behind a layer ("" for a memory or database layer)."""
    parts: Dict[str, Any] = QgsProviderRegistry.instance().decodeUri(
        layer.providerType(), layer.source())
    path = parts.get("path") or ""
    return os.path.basename(path) if path else ""


def crs_text(layer: QgsMapLayer) -> str:
    crs = layer.crs()
    if not crs.isValid():
        return ""
    if crs.authid() and crs.description():
        return "{} ({})".format(crs.description(), crs.authid())
    return crs.authid() or crs.description()


def layer_source(label: str, layer: QgsMapLayer) -> DataSource:
    source = DataSource(label, layer.name(), layer_file(layer), crs_text(layer))
    if isinstance(layer, QgsRasterLayer):
        unit = QgsUnitTypes.toAbbreviatedString(layer.crs().mapUnits())
        source.cell = "{:,g} × {:,g} {}".format(layer.rasterUnitsPerPixelX(),
                                              layer.rasterUnitsPerPixelY(), unit).strip()
    elif isinstance(layer, QgsVectorLayer):
        source.features = int(layer.featureCount())
    return source


def run_info(algorithm: Any, parameters: Dict[str, Any], context: QgsProcessingContext, *,
             units: str, unit_field: str, group_field: str) -> RunInfo:
    """The RunInfo of ``algorithm`` run with ``parameters``; ``units``, ``unit_field`` and
    ``group_field`` name its parameters of the counties, their names and their groups."""
    project = context.project()
    info = RunInfo(title=project.title() if project is not None else "")
    info.unit_field = algorithm.parameterAsString(parameters, unit_field, context) or None
    info.group_field = algorithm.parameterAsString(parameters, group_field, context) or None
    for definition in algorithm.parameterDefinitions():
        name, label = definition.name(), definition.description()
        if isinstance(definition, (QgsProcessingParameterRasterLayer,
                                   QgsProcessingParameterVectorLayer)):
            layer = algorithm.parameterAsLayer(parameters, name, context)
            if layer is None:
                continue
            info.sources.append(layer_source(label, layer))
            if name == units:
                info.area = layer.name()
        elif isinstance(definition, QgsProcessingParameterFile):
            path = algorithm.parameterAsFile(parameters, name, context)
            if path:
                info.sources.append(DataSource(label, "", os.path.basename(path)))
    return info
