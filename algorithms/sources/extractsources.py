"""esp:extractsources: candidate patches -> minimum area -> dPC selection -> sources."""

from typing import Any, Dict, List

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFields,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBand,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ...espcore.grid import Grid
from ...espcore.sources.extraction import Sources, candidate_mask, extract_sources
from ..base import EspAlgorithm, FeedbackProgress, StyleOnLoad
from ..io.patches import polygonize_ids
from ..io.raster import check_grid_memory, check_output_path, read_aligned, write_grid
from ..io.sinks import open_sink, write_all
from ..qgis_compat import NumberType, SourceType, WkbType, new_field
from .dispersal import add_dispersal_parameters, read_dispersal

#: Per-source attributes: (field name, kind of qgis_compat.new_field) in the order written.
FIELDS = (("source_id", "int"), ("area_km2", "double"),
          ("dPC", "double"), ("dPCintra", "double"),
          ("dPCflux", "double"), ("dPCconnector", "double"),
          ("dIIC", "double"), ("mean_quality", "double"))


def parse_values(text: str) -> List[float]:
    """'17, 117' or '17;117' -> [17.0, 117.0]; raises ValueError on anything else."""
    return [float(part) for part in text.replace(";", ",").split(",") if part.strip()]


class ExtractSources(EspAlgorithm):
    NAME = "extractsources"
    GROUP = "sources"

    INPUT = "INPUT"
    BAND = "BAND"
    VALUES = "VALUES"
    QUALITY = "QUALITY"
    MIN_QUALITY = "MIN_QUALITY"
    QUALITY_CLASSES = "QUALITY_CLASSES"
    CONNECTIVITY = "CONNECTIVITY"
    MIN_AREA = "MIN_AREA"
    MIN_DPC = "MIN_DPC"
    TOP_N = "TOP_N"
    OUTPUT = "OUTPUT"
    SOURCE_IDS = "SOURCE_IDS"
    SOURCE_COUNT = "SOURCE_COUNT"
    SOURCE_AREA_KM2 = "SOURCE_AREA_KM2"
    PC = "PC"
    ECA_KM2 = "ECA_KM2"

    def displayName(self) -> str:
        return self.tr("Extract ecological sources")

    def tags(self) -> List[str]:
        return self.tr("sources,ecological source,core,MSPA,dPC,PC,IIC,Conefor,habitat quality,"
                       "patch,minimum area").split(",")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Picks the ecological sources of a security pattern the way Chinese ESP "
            "studies do with GuidosToolbox and Conefor, in one step:</p><ol>"
            "<li><b>Candidates</b>: cells of the class raster with one of the listed values "
            "(MSPA core: 17 and 117; or land-cover classes; or 1 in a mask), and/or cells "
            "whose habitat quality reaches a minimum or lies in the top natural-breaks "
            "class (the MSPA plus InVEST route, e.g. Kangbao County: habitat quality, MSPA "
            "and connectivity together, Front. Ecol. Evol. 2023, 1301149).</li>"
            "<li><b>Patches</b>: candidates joined by their 8 (or 4) neighbours; patches "
            "smaller than the minimum area are dropped.</li>"
            "<li><b>Importance</b>: the connectivity importance of every remaining patch "
            "(dPC and its intra, flux and connector fractions; dIIC), with the landscape "
            "area = all data cells of the class raster. Same method and parameters as "
            "'Connectivity importance'.</li>"
            "<li><b>Selection</b>: patches with dPC at or above the threshold; of those the "
            "N most important when N > 0.</li></ol>"
            "<p><b>Outputs</b>: source polygons numbered 1..k from the highest dPC, with "
            "area (km²), dPC, dPCintra, dPCflux, dPCconnector, dIIC and the mean habitat "
            "quality when a quality raster is given; and a raster of source ids (0 = none) "
            "on the input grid, ready as the focal-node raster of 'Circuit connectivity "
            "(Circuitscape)'.</p>"
            "<p>All rasters must share one grid. Reference: Saura, S. & Rubio, L. (2010) A "
            "common currency for the different ways in which patches and links can "
            "contribute to habitat availability and connectivity in the landscape. "
            "Ecography 33: 523-537.</p>")

    def initAlgorithm(self, config: Any = None) -> None:
        tr, add = self.tr, self.add_parameter
        double = NumberType.Double
        add(QgsProcessingParameterRasterLayer(self.INPUT, tr("Class raster (MSPA, land cover "
                                                             "or mask)"), optional=True),
            tr("Usually the output of 'Morphological spatial pattern analysis (MSPA)'. Its "
               "data cells make up the landscape of the PC and IIC indices. Optional when a "
               "quality raster with a minimum is given."))
        add(QgsProcessingParameterBand(self.BAND, tr("Band"), 1, self.INPUT, optional=True),
            tr("Band of the class raster; band 1 when not set."))
        add(QgsProcessingParameterString(self.VALUES, tr("Candidate values"),
                                         defaultValue="17,117", optional=True),
            tr("Comma-separated values of the class raster that make a candidate cell. MSPA: "
               "17 = core, 117 = core inside a core opening. CLCD forest: 2."))
        add(QgsProcessingParameterRasterLayer(self.QUALITY, tr("Habitat quality raster"),
                                              optional=True),
            tr("For example the output of 'Habitat quality (InVEST)'. Its mean over each "
               "source is reported; with a minimum quality it also limits the candidates."))
        add(QgsProcessingParameterNumber(self.MIN_QUALITY, tr("Minimum quality"), double,
                                         optional=True),
            tr("Candidates must have at least this quality (e.g. 0.7). Leave empty to use "
               "the quality raster only for the report."))
        add(QgsProcessingParameterNumber(self.QUALITY_CLASSES,
                                         tr("Keep the top class of N quality classes"),
                                         NumberType.Integer, defaultValue=0, minValue=0,
                                         maxValue=10),
            tr("Grades the quality of the remaining candidates into N natural-breaks (Jenks) "
               "classes and keeps only the highest: the 'high quality' grade that "
               "habitat-quality source rules keep (5 classes is usual). A threshold that "
               "follows the data, so it suits any half-saturation constant. 0: no grading."))
        add(QgsProcessingParameterEnum(self.CONNECTIVITY, tr("Patch connectivity"),
                                       [tr("8 neighbours"), tr("4 neighbours")], defaultValue=0),
            tr("Whether cells touching at a corner belong to one patch (8, as MSPA's "
               "default foreground connectivity)."))
        add(QgsProcessingParameterNumber(self.MIN_AREA, tr("Minimum patch area (km²)"),
                                         double, defaultValue=1.0, minValue=0.0),
            tr("Smaller patches are dropped before the importance is computed. Provincial "
               "studies use 1-10 km², county studies 0.1-0.5 km²."))
        add_dispersal_parameters(self)
        add(QgsProcessingParameterNumber(self.MIN_DPC, tr("Minimum dPC (%)"), double,
                                         defaultValue=1.0, minValue=0.0),
            tr("Patches whose dPC (percent loss of PC when the patch is removed) is below this "
               "are not sources. 0 keeps every patch above the minimum area."))
        add(QgsProcessingParameterNumber(self.TOP_N, tr("Keep at most N sources (0 = no "
                                                        "limit)"),
                                         NumberType.Integer,
                                         defaultValue=0, minValue=0),
            tr("Of the patches above the dPC threshold, keep the N with the highest dPC."))
        add(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Ecological sources"),
                                              SourceType.VectorPolygon),
            tr("One polygon per source with its id, area and importance."))
        add(QgsProcessingParameterRasterDestination(self.SOURCE_IDS, tr("Source id raster"),
                                                    optional=True, createByDefault=True),
            tr("Int32 GeoTIFF, source id per cell and 0 elsewhere; the focal-node input of "
               "Circuitscape and of the corridor tools. Optional: the polygons serve those "
               "tools too."))
        for key, label in ((self.SOURCE_COUNT, tr("Number of sources")),
                           (self.SOURCE_AREA_KM2, tr("Total source area (km²)")),
                           (self.PC, tr("PC of the candidate patches")),
                           (self.ECA_KM2, tr("Equivalent connected area (km²)"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def compute(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        tr = self.tr
        classes_layer = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        quality_layer = self.parameterAsRasterLayer(parameters, self.QUALITY, context)
        min_quality = (None if parameters.get(self.MIN_QUALITY) in (None, "")
                       else self.parameterAsDouble(parameters, self.MIN_QUALITY, context))
        if classes_layer is None and (quality_layer is None or min_quality is None):
            raise QgsProcessingException(tr(
                "Give a class raster (such as MSPA output) with its candidate values, or a "
                "habitat quality raster with a minimum quality."))
        try:
            values = parse_values(self.parameterAsString(parameters, self.VALUES, context))
        except ValueError:
            raise QgsProcessingException(tr(
                "Candidate values must be numbers separated by commas, such as 17,117.")) from None
        dispersal = read_dispersal(self, parameters, context)
        ids_path = self.parameterAsOutputLayer(parameters, self.SOURCE_IDS, context) \
            if parameters.get(self.SOURCE_IDS) else None
        if ids_path:
            check_output_path(ids_path)

        layers: Dict[str, Any] = {}
        if classes_layer is not None:
            band = self.parameterAsInt(parameters, self.BAND, context) or 1
            layers[tr("Class raster")] = (classes_layer, band)
        if quality_layer is not None:
            layers[tr("Habitat quality raster")] = (quality_layer, 1)
        if dispersal.resistance is not None:
            layers[tr("Resistance raster")] = (dispersal.resistance, 1)
        check_grid_memory(next(iter(layers.values()))[0], "sources",
                          tr("Extracting sources"), per_cell=8.0 * len(layers))
        grids = list(read_aligned(layers).values())
        classes = grids.pop(0) if classes_layer is not None else None
        quality = grids.pop(0) if quality_layer is not None else None
        resistance = grids.pop(0) if dispersal.resistance is not None else None
        reference = classes if classes is not None else quality
        assert reference is not None
        if reference.crs and QgsCoordinateReferenceSystem.fromWkt(reference.crs).isGeographic():
            raise QgsProcessingException(tr(
                "The rasters are in a geographic CRS (degrees); areas and distances need "
                "metres. Reproject them to a projected CRS first."))

        quality_classes = self.parameterAsInt(parameters, self.QUALITY_CLASSES, context)
        mask = candidate_mask(classes, values=values, quality=quality, min_quality=min_quality,
                              quality_classes=quality_classes)
        if quality is not None and (min_quality is not None or quality_classes > 1):
            kept = quality.values[mask & ~quality.mask]
            feedback.pushInfo(tr("{cells} candidate cells, habitat quality {low:.3f} to "
                                 "{high:.3f}.").format(cells=kept.size, low=float(kept.min()),
                                                       high=float(kept.max())))
        sources = extract_sources(
            mask, data=~reference.mask, cell_size=reference.cell_size,
            min_area=self.parameterAsDouble(parameters, self.MIN_AREA, context) * 1e6,
            connectivity=(8, 4)[self.parameterAsEnum(parameters, self.CONNECTIVITY, context)],
            distance=dispersal.distance, probability=dispersal.probability,
            min_probability=dispersal.min_probability, resistance=resistance,
            min_dpc=self.parameterAsDouble(parameters, self.MIN_DPC, context),
            top_n=self.parameterAsInt(parameters, self.TOP_N, context), quality=quality,
            progress=FeedbackProgress(feedback, 0, 90))
        importance = sources.importance
        feedback.pushInfo(tr("{kept} of {count} candidate patches are sources; PC = {pc:.6g}, "
                             "IIC = {iic:.6g}, ECA = {eca:.6g} km².").format(
            kept=sources.count, count=importance.ids.size, pc=importance.pc,
            iic=importance.iic, eca=importance.eca / 1e6))

        if ids_path:
            write_grid(Grid(sources.ids, np.zeros(reference.shape, dtype=bool),
                            reference.cell_size, reference.geotransform, reference.crs),
                       ids_path, dtype=np.int32, nodata=0,
                       description=tr("Ecological source id"))
        sink_id = self._write_polygons(sources, reference, parameters, context)
        StyleOnLoad.attach(context, sink_id, "sources.qml")
        feedback.setProgress(100)
        return {self.OUTPUT: sink_id, self.SOURCE_IDS: ids_path,
                self.SOURCE_COUNT: sources.count,
                self.SOURCE_AREA_KM2: float(sources.area.sum()) / 1e6,
                self.PC: importance.pc, self.ECA_KM2: importance.eca / 1e6}

    def _write_polygons(self, sources: Sources, grid: Grid, parameters: Dict[str, Any],
                        context: QgsProcessingContext) -> str:
        fields = QgsFields()
        for name, kind in FIELDS:
            fields.append(new_field(name, kind))
        sink, sink_id = open_sink(self, parameters, self.OUTPUT, context, fields,
                                  WkbType.MultiPolygon,
                                  QgsCoordinateReferenceSystem.fromWkt(grid.crs or ""))
        geometries = polygonize_ids(sources.ids, grid)
        features = []
        for index in range(sources.count):
            feature = QgsFeature(fields)
            geometry = geometries[index + 1]
            geometry.convertToMultiType()
            feature.setGeometry(geometry)
            quality = (None if sources.mean_quality is None
                       or not np.isfinite(sources.mean_quality[index])
                       else float(sources.mean_quality[index]))
            feature.setAttributes([
                index + 1, float(sources.area[index]) / 1e6, float(sources.d_pc[index]),
                float(sources.d_pc_intra[index]), float(sources.d_pc_flux[index]),
                float(sources.d_pc_connector[index]), float(sources.d_iic[index]), quality])
            features.append(feature)
        write_all(sink, features)
        return sink_id

