"""What the two zoning tools share: zone names and colours, the zone raster and its styles,
areas in km² whatever the CRS's unit, and the sink helpers for their tables."""

import os
import uuid
from typing import Any, Collection, Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsUnitTypes,
)

from ...espcore.grid import Grid
from ...espcore.zoning.zones import (
    BARRIER,
    BREAKPOINT,
    CONSERVATION,
    CONTROL,
    CORRIDOR,
    DEGRADED_CORRIDOR,
    DEGRADED_SOURCE,
    IMPROVEMENT,
    PINCH_POINT,
    RESTORATION,
    ZONE_NAMES,
    ZONES,
)
from ..base import EspAlgorithm, StyleOnLoad, translate
from ..qgis_compat import DistanceUnit, WkbType, new_field
from .classes import palette_style
from .links import number_or_nan
from .patches import rasterize_ids
from .raster import check_aligned, read_grid
from .sinks import open_sink, write_all
from .sources import RESISTANCE
from .vector_styles import Category, categorized_style

#: Zone colours: conservation deep green, restoration red, improvement light green,
#: control pale sand (the usual colours of Chinese restoration zoning maps).
ZONE_COLOURS = {CONSERVATION: "#1a9641", RESTORATION: "#d7191c", IMPROVEMENT: "#a6d96a",
                CONTROL: "#f3e5c0"}
#: Key-area levels: 1 (first level) red, 2 orange, 3 yellow.
LEVEL_COLOURS = {1: "#d7191c", 2: "#fdae61", 3: "#ffffbf"}
#: Collaboration zones: ColorBrewer Set3 (12 qualitative colours, repeated beyond 12).
COMMUNITY_COLOURS = ("#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
                     "#b3de69", "#fccde5", "#bc80bd", "#ccebc5", "#ffed6f", "#d9d9d9")


def zone_names() -> Dict[int, str]:
    """Translated zone names by code (zh-Hans: 生态保护区, 生态修复区, 生态提升区, 生态管控区)."""
    # The literals are repeated here so that translation tools find them.
    names = {CONSERVATION: translate("Ecological conservation zone"),
             RESTORATION: translate("Ecological restoration zone"),
             IMPROVEMENT: translate("Ecological improvement zone"),
             CONTROL: translate("Ecological control zone")}
    assert set(names) == set(ZONE_NAMES)
    return names


def key_area_kinds() -> Dict[int, Tuple[str, str]]:
    """(form, kind) of every key-area kind (``kind_id``), translated: the key areas of
    'Restoration zoning' and the candidate sites of 'Restoration scenarios' name them so."""
    point, line, surface = translate("Point"), translate("Line"), translate("Surface")
    return {PINCH_POINT: (point, translate("Pinch point")),
            BARRIER: (point, translate("Barrier")),
            BREAKPOINT: (point, translate("Breakpoint")),
            CORRIDOR: (line, translate("Corridor")),
            DEGRADED_SOURCE: (surface, translate("Degraded land in sources")),
            DEGRADED_CORRIDOR: (surface, translate("Degraded land in corridors"))}


def zone_categories() -> List[Tuple[int, str, str]]:
    names = zone_names()
    return [(code, ZONE_COLOURS[code], names[code]) for code in ZONES]


def zone_raster_style(raster: str) -> str:
    """The zones' paletted style written beside ``raster``; returns its path."""
    return palette_style(zone_categories(), raster)


def file_of(destination: str) -> Optional[str]:
    """The file behind a sink destination ('a.gpkg|layername=b' -> 'a.gpkg'), None for
    memory and database outputs."""
    path = destination.split("|", 1)[0]
    # A file output may not exist yet: io.sinks publishes it when the run has succeeded.
    if os.path.isfile(path) or (os.path.isabs(path) and os.path.isdir(os.path.dirname(path))):
        return path
    return None


def style_sink(context: QgsProcessingContext, destination: str, field: str,
               categories: Sequence[Category], fallback_name: str,
               taken: Collection[str] = ()) -> None:
    """Write a categorised style beside a file output (QGIS loads it with the file) and
    apply it when Processing loads the layer. ``taken``: sidecar styles already written by
    this run (a raster output of the same name); the style then goes to the temp folder."""
    from qgis.core import QgsProcessingUtils

    path = file_of(destination)
    qml = os.path.splitext(path)[0] + ".qml" if path else ""
    if not qml or os.path.abspath(qml) in {os.path.abspath(p) for p in taken}:
        qml = os.path.join(QgsProcessingUtils.tempFolder(),
                           "{0}_{1}.qml".format(fallback_name, uuid.uuid4().hex[:8]))
    categorized_style(qml, field, categories)
    StyleOnLoad.attach(context, destination, qml)


def km2_factor(crs_wkt: str) -> float:
    """Square map units -> km² for the CRS (metres, feet ...)."""
    crs = QgsCoordinateReferenceSystem.fromWkt(crs_wkt or "")
    unit = crs.mapUnits() if crs.isValid() else DistanceUnit.Meters
    if unit == DistanceUnit.Degrees:
        raise QgsProcessingException(translate(
            "The grid is in a geographic CRS (degrees); areas and lengths need a projected "
            "CRS. Reproject the rasters first (Raster > Projections > Warp)."))
    metres = QgsUnitTypes.fromUnitToUnitFactor(unit, DistanceUnit.Meters)
    return metres * metres / 1e6


def write_table(algorithm: Any, parameters: Dict[str, Any], key: str,
                context: QgsProcessingContext, columns: Sequence[Tuple[str, str]],
                rows: Iterable[Sequence[Any]]) -> str:
    """A table without geometry: ``columns`` (name, kind of qgis_compat.new_field) and one
    feature per row of attribute values. Returns the destination."""
    fields = QgsFields()
    for name, kind in columns:
        fields.append(new_field(name, kind))
    sink, destination = open_sink(algorithm, parameters, key, context, fields,
                                  WkbType.NoGeometry, QgsCoordinateReferenceSystem())
    features = []
    for values in rows:
        feature = QgsFeature(fields)
        feature.setAttributes(list(values))
        features.append(feature)
    write_all(sink, features)
    return destination


def unique_field_names(names: Sequence[str],
                       taken: Collection[str] = ("unit", "fid")) -> List[str]:
    """Field names for ``names``, made unique with a suffix, ignoring case (GeoPackage does)
    and avoiding the names in ``taken`` (a row-label field, OGR's fid)."""
    used = {name.lower() for name in taken}
    out = []
    for name in names:
        candidate, number = name, 1
        while candidate.lower() in used:
            number += 1
            candidate = "{0}_{1}".format(name, number)
        used.add(candidate.lower())
        out.append(candidate)
    return out


def read_key_areas(algorithm: EspAlgorithm, parameters: Dict[str, Any], key: str,
                   context: QgsProcessingContext,
                   grid: Grid) -> Tuple[Optional[np.ndarray], Optional[np.ndarray]]:
    """The pinch-point and the barrier key areas of 'Restoration zoning' (field kind_id)
    burnt onto ``grid``: patch ids 1, 2, ... in feature order, 0 elsewhere; None for a kind
    without features (or without the optional layer)."""
    burnt: Dict[int, List[Tuple[int, bytes]]] = {PINCH_POINT: [], BARRIER: []}
    source = algorithm.parameterAsSource(parameters, key, context)
    if source is not None:
        if "kind_id" not in source.fields().names():
            raise QgsProcessingException(algorithm.tr(
                "The key areas layer has no kind_id field; give the key areas written "
                "by 'Restoration zoning'."))
        transform = QgsCoordinateTransform(source.sourceCrs(),
                                           QgsCoordinateReferenceSystem.fromWkt(
                                               grid.crs or ""),
                                           context.transformContext())
        for feature in source.getFeatures():
            kind = number_or_nan(feature["kind_id"])
            if kind in burnt and not feature.geometry().isNull():
                geometry = QgsGeometry(feature.geometry())
                geometry.transform(transform)
                burnt[int(kind)].append((len(burnt[int(kind)]) + 1,
                                         bytes(geometry.asWkb())))
    pinch_points, barriers = (rasterize_ids(burnt[kind], grid) if burnt[kind] else None
                              for kind in (PINCH_POINT, BARRIER))
    return pinch_points, barriers


def read_zone_codes(algorithm: EspAlgorithm, parameters: Dict[str, Any], key: str,
                    context: QgsProcessingContext) -> Optional[np.ndarray]:
    """The zone raster of 'Restoration zoning' as int64 zone codes, 0 on NoData; it must be
    on the resistance raster's grid. None without the optional layer."""
    layer = algorithm.parameterAsRasterLayer(parameters, key, context)
    if layer is None:
        return None
    resistance = algorithm.parameterAsRasterLayer(parameters, RESISTANCE, context)
    check_aligned({algorithm.tr("Resistance raster"): resistance,
                   algorithm.tr("Restoration zones"): layer})
    zones = read_grid(layer, role=algorithm.tr("Restoration zones"),
                      crs=resistance.crs().toWkt())
    return np.where(zones.mask, 0, zones.values).astype(np.int64)
