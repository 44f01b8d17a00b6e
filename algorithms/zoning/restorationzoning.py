"""esp:restorationzoning: the four restoration zones and the graded key areas of an ESP."""

import math
from dataclasses import dataclass
from typing import Any, Dict, List, NamedTuple, Optional

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ...espcore.grid import Grid
from ...espcore.progress import check_cancelled
from ...espcore.zoning.keyareas import key_area_groups, key_corridors, key_patches, kind_counts
from ...espcore.zoning.zones import (
    CORRIDOR,
    ZoneTally,
    ZoningElements,
    restoration_zones,
    zone_parts,
    zone_tally,
    zoning_elements,
)
from ..base import EspAlgorithm, FeedbackProgress, StyleOnLoad, translate
from ..connectivity.barriers import optional_number
from ..io.classes import MAX_CLASSES
from ..io.links import nullable, number_or_nan
from ..io.patches import polygonize_ids, rasterize_ids
from ..io.raster import check_aligned, check_cells_memory, check_output_path, read_grid, write_grid
from ..io.sinks import open_sink, write_all
from ..io.sources import RESISTANCE, add_resistance_parameter, add_source_parameters, read_sources
from ..io.zones import (
    LEVEL_COLOURS,
    key_area_kinds,
    km2_factor,
    style_sink,
    zone_categories,
    zone_names,
    zone_raster_style,
)
from ..qgis_compat import NumberType, SourceType, WkbType, new_field


class Link(NamedTuple):
    """An active link as read: its id, its path in the grid's CRS, CW_Dist and the length of
    the path in map units (LCP_Length, else the length of the geometry)."""

    link_id: int
    geometry: QgsGeometry
    cost: float
    length: float


@dataclass
class KeyArea:
    """One key area before it is written: its kind, geometry, score and measures."""

    form: str
    kind_id: int
    kind: str
    geometry: QgsGeometry
    score: float
    area_km2: float
    length_km: Optional[float] = None
    link_id: Optional[int] = None
    level: int = 0


class RestorationZoning(EspAlgorithm):
    NAME = "restorationzoning"
    GROUP = "zoning"

    CORRIDORS = "CORRIDORS"
    CORRIDOR_WIDTH = "CORRIDOR_WIDTH"
    LINKS = "LINKS"
    BUFFER = "BUFFER"
    PINCHPOINTS = "PINCHPOINTS"
    PINCH_THRESHOLD = "PINCH_THRESHOLD"
    BARRIERS = "BARRIERS"
    BARRIER_THRESHOLD = "BARRIER_THRESHOLD"
    QUALITY = "QUALITY"
    QUALITY_KIND = "QUALITY_KIND"
    QUALITY_THRESHOLD = "QUALITY_THRESHOLD"
    BREAK_LAYER = "BREAK_LAYER"
    BREAK_CLASSES = "BREAK_CLASSES"
    STEPPING_STONES = "STEPPING_STONES"
    KEY_CLASSES = "KEY_CLASSES"
    OUTPUT = "OUTPUT"
    ZONE_POLYGONS = "ZONE_POLYGONS"
    KEY_AREAS = "KEY_AREAS"
    STATISTICS = "STATISTICS"

    def displayName(self) -> str:
        return self.tr("Restoration zoning")

    def tags(self) -> List[str]:
        return self.tr("restoration zoning,ecological restoration,zones,key areas,pinch points,"
                       "barriers,breakpoints,territorial spatial planning,生态修复分区,"
                       "生态保护区,生态修复区").split(",")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Turns the ecological security pattern into the four zones of a territorial "
            "restoration plan and grades the key restoration areas.</p>"
            "<p><b>Zones</b> (a cell meeting several rules takes the first zone in the order "
            "restoration, conservation, improvement, control):</p><ul>"
            "<li>1 <b>Ecological conservation zone</b> (生态保护区): sources and pinch "
            "points;</li>"
            "<li>2 <b>Ecological restoration zone</b> (生态修复区): barriers, breakpoints and "
            "degraded land inside sources and corridors;</li>"
            "<li>3 <b>Ecological improvement zone</b> (生态提升区): corridors and stepping "
            "stones;</li>"
            "<li>4 <b>Ecological control zone</b> (生态管控区): every other cell with data."
            "</li></ul>"
            "<p><b>Corridors</b> are the cells of the corridor raster of 'Linkage pathways' "
            "up to the corridor width (cost units), and/or the cells within the buffer "
            "distance of the active least-cost paths. <b>Pinch points</b>, <b>barriers</b> "
            "and <b>degraded land</b> are the cells at or above their threshold (habitat "
            "quality: below it); an empty threshold takes the top class of the natural "
            "breaks (Jenks) of the positive values (habitat quality: the bottom class of "
            "the values inside sources and corridors). <b>Breakpoints</b> are the cells of "
            "the least-cost paths outside sources whose land-cover class is one of the "
            "breaking classes (roads, built-up land).</p>"
            "<p><b>Key areas</b>, each graded into levels 1 (most important) to 3 by natural "
            "breaks within its kind: points: pinch points (highest current), barriers "
            "(highest improvement score) and breakpoints (cost of crossing them); lines: "
            "corridors (cost per metre along the least-cost path, CW_Dist / LCP_Length: the "
            "costliest corridors come first); surfaces: degraded land in sources and in "
            "corridors (area).</p>"
            "<p>Every raster must be on the resistance raster's grid. Outputs: the zone "
            "raster (Byte, 0 = NoData), the dissolved zone polygons with their areas, the "
            "key areas as polygons and a statistics table (zones and key areas by level, "
            "areas in km²).</p>"
            "<p>Reference: Peng (2025) 'pattern optimization – zoning collaboration – "
            "mechanism guarantee'; McRae et al. (2012) PLoS ONE 7: e52604 for barriers.</p>")

    # ------------------------------------------------------------------ parameters ----

    def initAlgorithm(self, config: Any = None) -> None:
        tr, add = self.tr, self.add_parameter
        double = NumberType.Double
        add_resistance_parameter(self, tr("Its grid is the grid of the zones; its NoData "
                                          "cells get no zone. Every other raster must be on "
                                          "this grid."))
        add_source_parameters(self)
        add(QgsProcessingParameterRasterLayer(self.CORRIDORS, tr("Corridor raster"),
                                              optional=True),
            tr("The normalised least-cost corridors (NLCC) of 'Linkage pathways': cost "
               "units above the least-cost path. Give this, the corridor links, or both."))
        add(QgsProcessingParameterNumber(self.CORRIDOR_WIDTH, tr("Corridor width (cost "
                                                                 "units)"),
                                         double, optional=True, minValue=0.0),
            tr("Corridor cells are those of the corridor raster at or below this value. "
               "Empty: every cell with a value (the width it was truncated to)."))
        add(QgsProcessingParameterFeatureSource(self.LINKS, tr("Corridor links"),
                                                [SourceType.VectorLine], optional=True),
            tr("The least-cost paths of 'Linkage pathways' (only Active = 1 links are used). "
               "They are buffered into corridors, give the breakpoints, and are graded as "
               "the line key areas."))
        add(QgsProcessingParameterNumber(self.BUFFER, tr("Path buffer (map units)"), double,
                                         defaultValue=500.0, minValue=0.0),
            tr("Cells whose centre lies within this distance of a least-cost path cell are "
               "corridor cells; studies use 100-500 m. It is also the half-width of the "
               "line key areas (at least half a cell)."))
        add(QgsProcessingParameterRasterLayer(self.PINCHPOINTS, tr("Pinch point raster"),
                                              optional=True),
            tr("Current of 'Pinch points' (or any map where high values are pinch points)."))
        add(QgsProcessingParameterNumber(self.PINCH_THRESHOLD, tr("Pinch point threshold"),
                                         double, optional=True),
            tr("Cells at or above it are pinch points. Empty: the top class of the natural "
               "breaks of the positive values."))
        add(QgsProcessingParameterRasterLayer(self.BARRIERS, tr("Barrier raster"),
                                              optional=True),
            tr("Improvement scores of 'Barriers'."))
        add(QgsProcessingParameterNumber(self.BARRIER_THRESHOLD, tr("Barrier threshold"),
                                         double, optional=True),
            tr("Cells at or above it are barriers. Empty: the top class of the natural "
               "breaks of the positive scores."))
        add(QgsProcessingParameterRasterLayer(self.QUALITY, tr("Ecological quality or "
                                                               "degradation raster"),
                                              optional=True),
            tr("For example the habitat quality or the degradation of 'Habitat quality', or "
               "an ecosystem-importance map. Its degraded cells inside sources and corridors "
               "go to the restoration zone."))
        add(QgsProcessingParameterEnum(self.QUALITY_KIND, tr("The raster holds"),
                                       [tr("Quality or importance (low = degraded)"),
                                        tr("Degradation (high = degraded)")], defaultValue=0),
            tr("Whether low values (habitat quality) or high values (degradation) mark "
               "degraded land."))
        add(QgsProcessingParameterNumber(self.QUALITY_THRESHOLD, tr("Degradation threshold"),
                                         double, optional=True),
            tr("Quality below it (or degradation at or above it) is degraded. Empty: the "
               "bottom (top) class of the natural breaks of the values inside sources and "
               "corridors. Chinese studies often take habitat quality below 0.4."))
        add(QgsProcessingParameterRasterLayer(self.BREAK_LAYER, tr("Land-cover raster for "
                                                                   "breakpoints"),
                                              optional=True),
            tr("Least-cost path cells outside sources on the breaking classes below are "
               "breakpoints (where corridors cross roads and built-up land)."))
        add(QgsProcessingParameterString(self.BREAK_CLASSES, tr("Breaking classes"),
                                         defaultValue="8", optional=True),
            tr("Comma-separated class values of that raster; 8 is impervious (built-up) land "
               "in CLCD."))
        add(QgsProcessingParameterFeatureSource(self.STEPPING_STONES, tr("Stepping stones"),
                                                [SourceType.VectorPolygon],
                                                optional=True),
            tr("Optional polygons of stepping-stone patches (for example habitat patches "
               "too small to be sources); they join the improvement zone."))
        add(QgsProcessingParameterNumber(self.KEY_CLASSES, tr("Natural-breaks classes for "
                                                              "empty thresholds"),
                                         NumberType.Integer,
                                         defaultValue=5, minValue=2, maxValue=MAX_CLASSES),
            tr("An empty threshold takes the top (or bottom) class of this many Jenks classes, "
               "as the class rasters of 'Pinch points' and 'Barriers' show them."))
        add(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Restoration zones")),
            tr("Byte GeoTIFF: 1 conservation, 2 restoration, 3 improvement, 4 control, "
               "0 NoData; styled with the zone names."))
        add(QgsProcessingParameterFeatureSink(self.ZONE_POLYGONS, tr("Zone polygons"),
                                              SourceType.VectorPolygon),
            tr("One (multi)polygon per zone with its area (km²) and share (%)."))
        add(QgsProcessingParameterFeatureSink(self.KEY_AREAS, tr("Key restoration areas"),
                                              SourceType.VectorPolygon),
            tr("Polygons with form (point, line, surface), kind_id (1 pinch point, 2 barrier, "
               "3 breakpoint, 4 corridor, 5 degraded land in sources, 6 degraded land in "
               "corridors), kind, level (1-3, natural breaks within the kind, 1 = most "
               "important), score, area and length."))
        add(QgsProcessingParameterFeatureSink(self.STATISTICS, tr("Zoning statistics"),
                                              SourceType.Vector),
            tr("Table: area, share and number of parts of each zone; number, area and length "
               "of the key areas of each kind and level."))

    # ------------------------------------------------------------------ run ------------

    def compute(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        check_output_path(output)
        progress = FeedbackProgress(feedback)
        grid, labels = read_sources(self, parameters, context, feedback)
        check_cells_memory(grid.values.size, "zoning", self.tr("Restoration zoning"))
        rasters = self._rasters(parameters, context)
        links = self._links(parameters, context, grid)
        if rasters[self.CORRIDORS] is None and not links:
            raise QgsProcessingException(self.tr(
                "Give the corridor raster, the corridor links (with at least one active "
                "link), or both."))
        feedback.setProgress(15)
        elements = self._elements(parameters, context, feedback, grid, labels, rasters, links)
        check_cancelled(progress)
        zones = restoration_zones(elements.valid, sources=elements.sources,
                                  corridors=elements.corridors, pinch=elements.pinch,
                                  barriers=elements.barriers,
                                  breakpoints=elements.breakpoints,
                                  degraded=elements.degraded,
                                  stepping_stones=elements.stepping_stones)
        feedback.setProgress(40)
        factor = km2_factor(grid.crs or "")
        cell_km2 = abs(grid.cell_size[0] * grid.cell_size[1]) * factor
        keys = self._key_areas(grid, elements, rasters, links, parameters, context, cell_km2)
        check_cancelled(progress)
        feedback.setProgress(70)
        # Last chance to stop: from here every output is written, none half.
        write_grid(grid.like(zones, mask=zones == 0), output, dtype=np.uint8, nodata=0,
                   description=self.tr("Restoration zone"))
        raster_style = zone_raster_style(output)
        StyleOnLoad.attach(context, output, raster_style)
        tally = zone_tally(zones, cell_km2)
        results: Dict[str, Any] = {self.OUTPUT: output}
        results[self.ZONE_POLYGONS] = self._write_zones(zones, tally, grid, parameters,
                                                        context, [raster_style])
        feedback.setProgress(85)
        results[self.KEY_AREAS] = self._write_keys(keys, grid, parameters, context,
                                                   [raster_style])
        results[self.STATISTICS] = self._write_statistics(zones, tally, keys, parameters,
                                                          context)
        self._report(tally, keys, feedback)
        feedback.setProgress(100)
        return results

    # ------------------------------------------------------------------ inputs ---------

    def _rasters(self, parameters: Dict[str, Any],
                 context: QgsProcessingContext) -> Dict[str, Optional[Grid]]:
        """The optional rasters, checked against the resistance grid."""
        tr = self.tr
        roles = {self.CORRIDORS: tr("Corridor raster"), self.PINCHPOINTS: tr("Pinch point "
                                                                             "raster"),
                 self.BARRIERS: tr("Barrier raster"), self.QUALITY: tr("Quality raster"),
                 self.BREAK_LAYER: tr("Land-cover raster for breakpoints")}
        resistance = self.parameterAsRasterLayer(parameters, RESISTANCE, context)
        layers = {key: self.parameterAsRasterLayer(parameters, key, context) for key in roles}
        given = {roles[key]: layer for key, layer in layers.items() if layer is not None}
        check_aligned({tr("Resistance raster"): resistance, **given})
        crs = resistance.crs().toWkt()
        return {key: read_grid(layer, role=roles[key], crs=crs) if layer is not None else None
                for key, layer in layers.items()}

    def _links(self, parameters: Dict[str, Any], context: QgsProcessingContext,
               grid: Grid) -> List[Link]:
        """Every active link, its path in the grid's CRS."""
        source = self.parameterAsSource(parameters, self.LINKS, context)
        if source is None:
            return []
        names = source.fields().names()
        transform = QgsCoordinateTransform(source.sourceCrs(),
                                           QgsCoordinateReferenceSystem.fromWkt(grid.crs or ""),
                                           context.transformContext())
        links = []
        for number, feature in enumerate(source.getFeatures(), start=1):
            if "Active" in names and not number_or_nan(feature["Active"]) > 0:
                continue
            geometry = QgsGeometry(feature.geometry())
            if geometry.isNull() or geometry.isEmpty():
                continue
            geometry.transform(transform)
            link_id = number_or_nan(feature["Link_ID"]) if "Link_ID" in names else math.nan
            cost = number_or_nan(feature["CW_Dist"]) if "CW_Dist" in names else math.nan
            length = number_or_nan(feature["LCP_Length"]) if "LCP_Length" in names else math.nan
            if not length > 0:
                length = geometry.length()
            links.append(Link(int(link_id) if math.isfinite(link_id) else number, geometry,
                              cost, length))
        return links

    def _elements(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                  feedback: QgsProcessingFeedback, grid: Grid, labels: np.ndarray,
                  rasters: Dict[str, Optional[Grid]], links: List[Link]) -> ZoningElements:
        tr = self.tr
        link_cells = None
        if links:
            link_cells = rasterize_ids([(number, bytes(link.geometry.asWkb()))
                                        for number, link in enumerate(links, start=1)],
                                       grid) > 0
        breaking = rasters[self.BREAK_LAYER]
        break_classes = self._break_classes(self.parameterAsString(
            parameters, self.BREAK_CLASSES, context)) if breaking is not None else []
        low = self.parameterAsEnum(parameters, self.QUALITY_KIND, context) == 0
        elements = zoning_elements(
            grid, sources=labels > 0, nlcc=rasters[self.CORRIDORS],
            width=optional_number(self, parameters, self.CORRIDOR_WIDTH, context),
            link_cells=link_cells,
            buffer=self.parameterAsDouble(parameters, self.BUFFER, context),
            pinch=rasters[self.PINCHPOINTS],
            pinch_threshold=optional_number(self, parameters, self.PINCH_THRESHOLD, context),
            barriers=rasters[self.BARRIERS],
            barrier_threshold=optional_number(self, parameters, self.BARRIER_THRESHOLD,
                                              context),
            quality=rasters[self.QUALITY],
            quality_threshold=optional_number(self, parameters, self.QUALITY_THRESHOLD,
                                              context),
            quality_low=low, land_cover=breaking, break_classes=break_classes,
            stepping_stones=self._stepping_stones(parameters, context, grid),
            classes=self.parameterAsInt(parameters, self.KEY_CLASSES, context),
            progress=FeedbackProgress(feedback, 15, 38))
        for found, limit, name, sign in (
                (elements.pinch, elements.pinch_limit, tr("Pinch points"), ">="),
                (elements.barriers, elements.barrier_limit, tr("Barriers"), ">="),
                (elements.degraded, elements.degraded_limit, tr("Degraded land"),
                 "<=" if low else ">=")):
            if found is not None:
                _say_limit(feedback, name, found, limit, sign)
        return elements

    def _stepping_stones(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                         grid: Grid) -> Optional[np.ndarray]:
        """The stepping-stone polygons burnt onto the grid; None without any."""
        stones = self.parameterAsSource(parameters, self.STEPPING_STONES, context)
        if stones is None:
            return None
        transform = QgsCoordinateTransform(stones.sourceCrs(),
                                           QgsCoordinateReferenceSystem.fromWkt(grid.crs or ""),
                                           context.transformContext())
        shapes = []
        for feature in stones.getFeatures():
            geometry = QgsGeometry(feature.geometry())
            if not geometry.isNull():
                geometry.transform(transform)
                shapes.append((1, bytes(geometry.asWkb())))
        return rasterize_ids(shapes, grid) > 0 if shapes else None

    def _break_classes(self, text: str) -> List[float]:
        try:
            values = [float(part) for part in text.replace(";", ",").split(",") if part.strip()]
        except ValueError:
            raise QgsProcessingException(self.tr(
                "Breaking classes must be numbers separated by commas, for example 8 or "
                "7,8; got '{text}'.").format(text=text)) from None
        if not values:
            raise QgsProcessingException(self.tr(
                "Give the breaking classes of the land-cover raster (for example 8)."))
        return values

    # ------------------------------------------------------------------ key areas ------

    def _key_areas(self, grid: Grid, elements: ZoningElements,
                   rasters: Dict[str, Optional[Grid]], links: List[Link],
                   parameters: Dict[str, Any], context: QgsProcessingContext,
                   cell_km2: float) -> List[KeyArea]:
        names = key_area_kinds()
        keys: List[KeyArea] = []
        for found in key_patches(elements, resistance=grid, cell_area=cell_km2,
                                 pinch=rasters[self.PINCHPOINTS],
                                 barriers=rasters[self.BARRIERS]):
            shapes = polygonize_ids(found.labels, grid)
            form, kind = names[found.kind]
            keys += [KeyArea(form, found.kind, kind, shapes[k + 1], float(found.score[k]),
                             float(found.area[k]), level=int(found.level[k]))
                     for k in range(found.count)]
        if links:
            buffer = max(self.parameterAsDouble(parameters, self.BUFFER, context),
                         0.5 * min(abs(grid.cell_size[0]), abs(grid.cell_size[1])))
            factor = km2_factor(grid.crs or "")
            km = math.sqrt(factor)  # km per map unit
            graded = key_corridors([link.cost for link in links],
                                   [link.length for link in links])
            form, kind = names[CORRIDOR]
            for row, score, level in zip(graded.rows.tolist(), graded.score.tolist(),
                                         graded.level.tolist()):
                link = links[row]
                band = link.geometry.buffer(buffer, 8)
                keys.append(KeyArea(form, CORRIDOR, kind, band, score, band.area() * factor,
                                    link.geometry.length() * km, link.link_id, level))
        return keys

    # ------------------------------------------------------------------ outputs --------

    def _write_zones(self, zones: np.ndarray, tally: ZoneTally, grid: Grid,
                     parameters: Dict[str, Any], context: QgsProcessingContext,
                     taken: List[str]) -> str:
        names = zone_names()
        fields = QgsFields()
        for name, kind in (("zone", "int"), ("name", "string"),
                           ("area_km2", "double"), ("share_pct", "double")):
            fields.append(new_field(name, kind))
        sink, destination = open_sink(self, parameters, self.ZONE_POLYGONS, context, fields,
                                      WkbType.MultiPolygon, _crs(grid))
        shapes = polygonize_ids(zones.astype(np.int64), grid)
        rows = []
        for code, area, share in zip(tally.codes, tally.area, tally.share):
            if code not in shapes:
                continue
            feature = QgsFeature(fields)
            feature.setGeometry(shapes[code])
            feature.setAttributes([int(code), names[code], float(area), float(share)])
            rows.append(feature)
        write_all(sink, rows)
        style_sink(context, destination, "zone", zone_categories(), "esp_zones", taken)
        return destination

    def _write_keys(self, keys: List[KeyArea], grid: Grid, parameters: Dict[str, Any],
                    context: QgsProcessingContext, taken: List[str]) -> str:
        tr = self.tr
        fields = QgsFields()
        for name, kind in (("key_id", "int"), ("form", "string"),
                           ("kind_id", "int"), ("kind", "string"),
                           ("level", "int"),
                           ("score", "double"), ("area_km2", "double"),
                           ("length_km", "double"), ("link_id", "int")):
            fields.append(new_field(name, kind))
        sink, destination = open_sink(self, parameters, self.KEY_AREAS, context, fields,
                                      WkbType.MultiPolygon, _crs(grid))
        rows = []
        for number, key in enumerate(keys, start=1):
            feature = QgsFeature(fields)
            geometry = QgsGeometry(key.geometry)
            geometry.convertToMultiType()
            feature.setGeometry(geometry)
            feature.setAttributes([number, key.form, key.kind_id, key.kind, key.level,
                                   nullable(key.score), key.area_km2, key.length_km,
                                   key.link_id])
            rows.append(feature)
        write_all(sink, rows)
        style_sink(context, destination, "level",
                   [(level, colour, tr("Level {level}").format(level=level))
                    for level, colour in LEVEL_COLOURS.items()], "esp_key_areas", taken)
        return destination

    def _write_statistics(self, zones: np.ndarray, tally: ZoneTally, keys: List[KeyArea],
                          parameters: Dict[str, Any], context: QgsProcessingContext) -> str:
        tr = self.tr
        fields = QgsFields()
        for name, kind in (("section", "string"), ("name", "string"),
                           ("level", "int"), ("count", "int"),
                           ("area_km2", "double"), ("length_km", "double"),
                           ("share_pct", "double")):
            fields.append(new_field(name, kind))
        sink, destination = open_sink(self, parameters, self.STATISTICS, context, fields,
                                      WkbType.NoGeometry, QgsCoordinateReferenceSystem())
        names = zone_names()
        rows: List[List[Any]] = [
            [tr("Zone"), names[code], None, int(parts), float(area), None, float(share)]
            for code, area, share, parts in zip(tally.codes, tally.area, tally.share,
                                                zone_parts(zones))]
        kinds = key_area_kinds()
        rows += [[tr("Key area"), kinds[group.kind][1], group.level, group.count, group.area,
                  group.length, None]
                 for group in key_area_groups(
                     [key.kind_id for key in keys], [key.level for key in keys],
                     [key.area_km2 for key in keys],
                     [math.nan if key.length_km is None else key.length_km for key in keys])]
        features = []
        for row in rows:
            feature = QgsFeature(fields)
            feature.setAttributes(row)
            features.append(feature)
        write_all(sink, features)
        return destination

    def _report(self, tally: ZoneTally, keys: List[KeyArea],
                feedback: QgsProcessingFeedback) -> None:
        names = zone_names()
        for code, area, share in zip(tally.codes, tally.area, tally.share):
            feedback.pushInfo(self.tr("{zone}: {area:.2f} km² ({share:.1f} %)").format(
                zone=names[code], area=area, share=share))
        kinds = key_area_kinds()
        for kind, count in kind_counts([key.kind_id for key in keys]):
            feedback.pushInfo(self.tr("Key areas, {kind}: {count}").format(
                kind=kinds[kind][1], count=count))


def _crs(grid: Grid) -> QgsCoordinateReferenceSystem:
    return QgsCoordinateReferenceSystem.fromWkt(grid.crs or "")


def _say_limit(feedback: QgsProcessingFeedback, name: str, mask: np.ndarray, limit: float,
               sign: str) -> None:
    if mask.any():
        feedback.pushInfo(translate("{name}: {cells} cells, values {sign} {limit:.6g}").format(
            name=name, cells=int(mask.sum()), sign=sign, limit=limit))
    else:
        feedback.pushWarning(translate("{name}: no cell passes the threshold.").format(
            name=name))
