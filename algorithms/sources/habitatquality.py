"""esp:habitatquality: InVEST Habitat Quality (degradation, quality, rarity) on a land cover."""

import csv
import hashlib
import math
import os
from typing import Any, Dict, List, Mapping, Optional, Tuple

import numpy as np
from osgeo import gdal, ogr, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterBand,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsRasterLayer,
)

from ...espcore import memory
from ...espcore.grid import Grid
from ...espcore.memory import HABITAT_PER_THREAT
from ...espcore.progress import check_cancelled
from ...espcore.rasterfile import RasterFile, close, create_like
from ...espcore.sources.habitat import Threat, habitat_quality, parse_sensitivity, parse_threats
from ...espcore.sources.habitattiles import (
    DEGRADATION,
    QUALITY,
    RARITY,
    habitat_tiles,
    halo_cells,
)
from ...espcore.tiles import tiling
from ..base import EspAlgorithm, FeedbackProgress, StyleOnLoad, translate
from ..engine import executor_for
from ..io.patches import rasterize_ids
from ..io.raster import (
    check_aligned,
    check_grid_memory,
    check_output_path,
    read_aligned,
    write_grid,
)
from ..io.tiledraster import layer_file, parts_folder, tile_side, use_tiles, write_parts
from ..qgis_compat import FileBehavior, NumberType, ParameterFlag, SourceType, is_null

Rows = List[Dict[str, str]]
#: The accessibility polygons: their ACCESS values, and (index into them, WKB polygon) pairs.
AccessShapes = Tuple[List[float], List[Tuple[int, bytes]]]

#: SEMANTICS choices, in the order of the parameter's options.
SEMANTICS = ("invest313", "invest312", "guide_sum")
#: MAX_DIST_UNIT choices: automatic (by the sensitivity table's key column), km, m.
UNITS = ("auto", "km", "m")
#: A reach beyond this many times the raster's diagonal is refused as a unit mistake.
_FAR = 10.0


def _blank(value: Any) -> bool:
    return is_null(value) or str(value).strip() == ""


def _cell(value: Any) -> str:
    """An attribute as table text; NULL becomes ''."""
    return "" if _blank(value) else str(value)


def _base_name(path: str) -> str:
    path = path.split("|", 1)[0]
    return os.path.splitext(os.path.basename(path))[0]


def read_csv_rows(path: str, label: str) -> Rows:
    """Rows of a CSV file; UTF-8 (with or without BOM), else GB18030 (Excel on Chinese
    Windows saves CSV files in GBK)."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        raise QgsProcessingException(translate("Cannot read the {label} {path}: {error}",
                                               "HabitatQuality")
                                     .format(label=label, path=path, error=error)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030", errors="replace")
    return [{key: value or "" for key, value in row.items() if key is not None}
            for row in csv.DictReader(text.splitlines())]


def outline(layer: QgsRasterLayer) -> Grid:
    """A grid of ``layer``'s shape and cell size that holds no array (for the checks that
    need only those)."""
    shape = (layer.height(), layer.width())
    return Grid(np.broadcast_to(np.zeros((), dtype=np.uint8), shape),
                np.broadcast_to(np.zeros((), dtype=bool), shape),
                (layer.rasterUnitsPerPixelX(), layer.rasterUnitsPerPixelY()))


def write_access(shapes: AccessShapes, like: RasterFile, path: str) -> RasterFile:
    """The ACCESS values burnt into a float64 GeoTIFF on ``like``'s grid, by GDAL in
    blocks (never the whole grid in memory): each cell whose centre lies in a polygon gets
    its ACCESS (the later polygon where they overlap, as :func:`rasterize_ids`), the
    others NoData, which the tiles count as 1."""
    values, polygons = shapes
    target = create_like(path, like, dtype="float64", nodata=math.nan)
    source = ogr.GetDriverByName("Memory").CreateDataSource("access")
    reference = osr.SpatialReference()
    if like.crs:
        reference.ImportFromWkt(like.crs)
    layer = source.CreateLayer("access", reference, ogr.wkbUnknown)
    layer.CreateField(ogr.FieldDefn("access", ogr.OFTReal))
    for index, wkb in polygons:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("access", float(values[index]))
        feature.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
        layer.CreateFeature(feature)
    dataset = gdal.Open(target.path, gdal.GA_Update)
    try:
        gdal.RasterizeLayer(dataset, [1], layer, options=["ATTRIBUTE=access"])
        dataset.FlushCache()
    finally:
        dataset = None
    return target


def max_dist_unit(sensitivity_rows: Rows) -> str:
    """"m" for an InVEST 3.15+ sensitivity table (keyed by LUCODE), else "km" (LULC)."""
    keys = {str(key).replace("\ufeff", "").strip().lower()
            for row in sensitivity_rows[:1] for key in row}
    return "m" if "lucode" in keys else "km"


class HabitatQuality(EspAlgorithm):
    NAME = "habitatquality"
    GROUP = "sources"

    LANDCOVER = "LANDCOVER"
    BAND = "BAND"
    THREATS_TABLE = "THREATS_TABLE"
    THREATS_LAYER = "THREATS_LAYER"
    THREAT_RASTERS = "THREAT_RASTERS"
    SENSITIVITY_TABLE = "SENSITIVITY_TABLE"
    SENSITIVITY_LAYER = "SENSITIVITY_LAYER"
    ACCESSIBILITY = "ACCESSIBILITY"
    HALF_SATURATION = "HALF_SATURATION"
    NORMALIZE_KERNEL = "NORMALIZE_KERNEL"
    SEMANTICS = "SEMANTICS"
    MAX_DIST_UNIT = "MAX_DIST_UNIT"
    BASELINE = "BASELINE"
    DEGRADATION = "DEGRADATION"
    QUALITY = "QUALITY"
    RARITY = "RARITY"

    def displayName(self) -> str:
        return self.tr("Habitat quality (InVEST)")

    def tags(self) -> List[str]:
        return self.tr("habitat quality,InVEST,degradation,threat,rarity,biodiversity,"
                       "ecological source,sensitivity,half-saturation").split(",")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Habitat degradation, habitat quality and (optionally) rarity as in the InVEST "
            "Habitat Quality model.</p>"
            "<p><b>Degradation</b> of cell x of class j: D = &beta;<sub>x</sub> &Sigma;<sub>r"
            "</sub> (w<sub>r</sub> / &Sigma;w) S<sub>jr</sub> i<sub>r</sub>(x), where the threat "
            "term i<sub>r</sub>(x) depends on the chosen <b>semantics</b>:</p>"
            "<ul><li><b>InVEST 3.13 and later</b> (default; checked against InVEST 3.20.2): "
            "the decay of the distance d to the <b>nearest</b> threat cell only, 1 - "
            "d/d<sub>max</sub> (linear) or exp(-2.99 d/d<sub>max</sub>) (exponential), kept at "
            "exactly d<sub>max</sub> and 0 beyond; every non-zero threat value counts as a full "
            "threat (intensities are ignored). D never exceeds 1.</li>"
            "<li><b>InVEST 3.12 and earlier</b> (3.3 to 3.12; checked against 3.12.1): the "
            "threat intensities convolved with InVEST's normalised kernels: linear 1 - "
            "d/d<sub>max</sub> out to d<sub>max</sub>, exponential exp(-d/d<sub>max</sub>) "
            "(without 2.99) out to 5 d<sub>max</sub>; needs square cells.</li>"
            "<li><b>Users' guide sum</b> (this toolkit's earlier default): the sum over "
            "<b>every threat cell</b> within d<sub>max</sub> of intensity x decay (linear "
            "1 - d/d<sub>max</sub>, exponential exp(-2.99 d/d<sub>max</sub>)), by default with "
            "each threat's decay weights divided by their total (advanced option).</li></ul>"
            "<p>Distances are measured between cell centres in metres. <b>Quality</b>: Q = H "
            "(1 - D<sup>2.5</sup> / (D<sup>2.5</sup> + k<sup>2.5</sup>)); Q = 0 where H = 0 and "
            "never exceeds H. <b>Rarity</b> (with a baseline land cover): R = 1 - N / "
            "(N<sub>baseline</sub> + N) per class; 0.5 = no change, above 0.5 the class "
            "became rarer, 0 = class absent from the baseline.</p>"
            "<p><b>MAX_DIST unit.</b> InVEST 3.15 and later write MAX_DIST in metres and key "
            "the sensitivity table by LUCODE; InVEST up to 3.14 and this toolkit's earlier "
            "tables use km and LULC. 'Automatic' (default) reads metres when the sensitivity "
            "table has a LUCODE column and km otherwise, so both kinds of table work as they "
            "are; choose km or metres to override. A reach below one cell or more than ten "
            "times the raster's diagonal is refused as a unit mistake.</p>"
            "<p><b>Inputs.</b> A land-cover raster of whole class codes in a projected CRS "
            "(metres). A threats table (CSV file or table layer) with the columns THREAT, "
            "MAX_DIST (metres or km, see above), WEIGHT (0-1) and DECAY (linear / "
            "exponential). One raster per threat with intensities 0-1 (NoData = no threat), "
            "on the land-cover grid: chosen in 'Threat rasters' and matched by layer or file "
            "name (also name_c), or read from the table's CUR_PATH column (relative to the "
            "CSV file). A sensitivity table with LUCODE or LULC, HABITAT (0-1) and one column "
            "per threat (0-1; InVEST's older L_ prefix is accepted); every class of the land "
            "cover must be in it. Optional: polygons with an ACCESS field (0-1, cells "
            "outside polygons 1; an empty ACCESS counts 0 with the InVEST semantics, as "
            "InVEST burns it, and 1 with the users' guide sum).</p>"
            "<p><b>Outputs</b> (float32, NoData where the land cover is NoData): degradation "
            "D, quality Q (0-1) and rarity R. The log reports the highest D; the users' guide "
            "advises k = half of it, kept fixed across scenarios.</p>"
            "<p>Reference: Sharp, R. et al. InVEST User's Guide, Habitat Quality. The Natural "
            "Capital Project, Stanford University.</p>")

    def initAlgorithm(self, config: Any = None) -> None:
        tr, add = self.tr, self.add_parameter
        double = NumberType.Double
        add(QgsProcessingParameterRasterLayer(self.LANDCOVER, tr("Land-cover raster")),
            tr("Whole-number land-cover classes in a projected CRS (cell size in metres). Its "
               "NoData cells are NoData in every output."))
        add(QgsProcessingParameterBand(self.BAND, tr("Land-cover band"), 1, self.LANDCOVER,
                                       optional=True),
            tr("Band holding the class codes; band 1 when not set."))
        add(QgsProcessingParameterFile(self.THREATS_TABLE, tr("Threats table (CSV file)"),
                                       FileBehavior.File,
                                       extension="csv", optional=True),
            tr("InVEST threats table: THREAT, MAX_DIST (metres or km: see 'MAX_DIST unit'), "
               "WEIGHT (0-1, relative), DECAY "
               "(linear or exponential), optionally CUR_PATH (threat raster, relative to the "
               "CSV file). Give this or the threats table layer, not both."))
        add(QgsProcessingParameterFeatureSource(self.THREATS_LAYER,
                                                tr("Threats table (layer)"),
                                                [SourceType.Vector],
                                                optional=True),
            tr("The threats table as a layer (a table, spreadsheet sheet or any vector layer) "
               "with the columns of the CSV file. Give this or the CSV file."))
        add(QgsProcessingParameterMultipleLayers(self.THREAT_RASTERS, tr("Threat rasters"),
                                                 SourceType.Raster,
                                                 optional=True),
            tr("One raster per threat, intensity 0-1 (band 1; NoData = no threat), on the "
               "land-cover grid. Each is matched to its threat by layer name or file name "
               "(the threat name, or the name followed by _c). Leave empty to use the "
               "table's CUR_PATH column."))
        add(QgsProcessingParameterFile(self.SENSITIVITY_TABLE,
                                       tr("Sensitivity table (CSV file)"),
                                       FileBehavior.File,
                                       extension="csv", optional=True),
            tr("InVEST sensitivity table: LUCODE or LULC (class code), NAME (optional), "
               "HABITAT (0-1) "
               "and one column per threat with the class's sensitivity (0-1), named like the "
               "threat or L_ plus the threat. Give this or the sensitivity table layer."))
        add(QgsProcessingParameterFeatureSource(self.SENSITIVITY_LAYER,
                                                tr("Sensitivity table (layer)"),
                                                [SourceType.Vector],
                                                optional=True),
            tr("The sensitivity table as a layer with the columns of the CSV file."))
        add(QgsProcessingParameterFeatureSource(self.ACCESSIBILITY,
                                                tr("Accessibility polygons"),
                                                [SourceType.VectorPolygon],
                                                optional=True),
            tr("Polygons with a field ACCESS from 0 (protected: no threat reaches) to 1 (fully "
               "accessible); degradation is multiplied by it. Cells whose centre lies in no "
               "polygon get 1. A polygon whose ACCESS is empty counts 0 with the InVEST "
               "semantics (InVEST burns it so) and 1 with the users' guide sum."))
        add(QgsProcessingParameterEnum(self.SEMANTICS, tr("Semantics"),
                                       [tr("InVEST 3.13 and later (nearest threat cell)"),
                                        tr("InVEST 3.12 and earlier (convolution)"),
                                        tr("Users' guide sum (every threat cell)")],
                                       defaultValue=0),
            tr("How threats reach a cell. InVEST 3.13 and later (default, as InVEST 3.20): "
               "only the nearest threat cell counts, with decay 1 - d/dmax or "
               "exp(-2.99 d/dmax) up to and including dmax, and any non-zero threat value is "
               "a full threat. InVEST 3.12 and earlier (3.3-3.12): the threat intensities "
               "convolved with InVEST's normalised kernels (exponential exp(-d/dmax) out to 5 "
               "dmax); square cells only. Users' guide sum (this toolkit's earlier default): "
               "intensity x decay summed over every threat cell within dmax. The three give "
               "different values wherever several threat cells are in reach."))
        add(QgsProcessingParameterEnum(self.MAX_DIST_UNIT, tr("MAX_DIST unit"),
                                       [tr("Automatic (metres with a LUCODE sensitivity "
                                           "table, else km)"),
                                        tr("Kilometres (InVEST 3.14 and earlier)"),
                                        tr("Metres (InVEST 3.15 and later)")],
                                       defaultValue=0),
            tr("Unit of the threats table's MAX_DIST. InVEST 3.15 and later write metres and "
               "key the sensitivity table by LUCODE; earlier InVEST and this toolkit's "
               "earlier tables write km with LULC. Automatic reads metres when the "
               "sensitivity table has a LUCODE column and km otherwise, so tables of either "
               "kind need no rewriting. A reach below one cell or beyond ten times the "
               "raster's diagonal is refused."))
        add(QgsProcessingParameterNumber(self.HALF_SATURATION,
                                         tr("Half-saturation constant k"), double, 0.5,
                                         minValue=0.0),
            tr("The degradation D at which quality falls to half of the habitat suitability "
               "(must be above 0). The users' guide advises half of the highest D of a first "
               "run, which the log reports; keep it fixed when comparing scenarios."))
        normalize = QgsProcessingParameterBoolean(
            self.NORMALIZE_KERNEL, tr("Divide each decay kernel by its sum (InVEST scale)"),
            defaultValue=True)
        normalize.setFlags(normalize.flags()
                           | ParameterFlag.Advanced)
        add(normalize,
            tr("Users' guide sum only (ignored by the InVEST semantics). On (default): each "
               "threat's decay weights are divided by their total, so D is a weighted mean "
               "threat intensity between 0 and 1, the same at any cell size, and k = 0.5 is "
               "meaningful. Off: D is the users' guide's literal sum over threat cells; set k "
               "from a first run."))
        add(QgsProcessingParameterRasterLayer(self.BASELINE,
                                              tr("Baseline land cover (for rarity)"),
                                              optional=True),
            tr("Land cover of a reference time (band 1) on the land-cover grid, same class "
               "codes. Needed for the rarity output."))
        add(QgsProcessingParameterRasterDestination(self.DEGRADATION, tr("Habitat degradation"),
                                                    optional=True, createByDefault=True),
            tr("Total threat D per cell (deg_sum_c in InVEST), float32 GeoTIFF. Optional: "
               "skip it when only the quality is wanted."))
        add(QgsProcessingParameterRasterDestination(self.QUALITY, tr("Habitat quality")),
            tr("Q from 0 to the class's habitat suitability (quality_c in InVEST), float32 "
               "GeoTIFF."))
        add(QgsProcessingParameterRasterDestination(self.RARITY, tr("Habitat rarity"),
                                                    optional=True, createByDefault=False),
            tr("R per cell (rarity_c in InVEST); needs a baseline land cover. NoData also "
               "where the baseline is NoData."))

    # -- tables -------------------------------------------------------------------------------

    def _layer_rows(self, source: Any) -> Rows:
        names = source.fields().names()
        return [{name: _cell(feature[name]) for name in names}
                for feature in source.getFeatures()]

    def _table(self, parameters: Dict[str, Any], context: QgsProcessingContext, file_key: str,
               layer_key: str, label: str) -> Tuple[Rows, str]:
        """(rows, folder that relative paths in the table start from)."""
        path = self.parameterAsFile(parameters, file_key, context) \
            if parameters.get(file_key) else ""
        source = self.parameterAsSource(parameters, layer_key, context) \
            if parameters.get(layer_key) else None
        if bool(path) == (source is not None):
            raise QgsProcessingException(self.tr(
                "Give the {label} either as a CSV file or as a table layer (exactly one of "
                "the two).").format(label=label))
        if path:
            return read_csv_rows(path, label), os.path.dirname(os.path.abspath(path))
        layer = self.parameterAsVectorLayer(parameters, layer_key, context)
        folder = ""
        if layer is not None and layer.providerType() in ("ogr", "delimitedtext"):
            location = layer.source().split("|", 1)[0]
            if location.startswith("file:"):
                from qgis.PyQt.QtCore import QUrl

                location = QUrl(location).toLocalFile()
            folder = os.path.dirname(os.path.abspath(location))
        return self._layer_rows(source), folder

    # -- threat rasters -----------------------------------------------------------------------

    def _threat_layers(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                       threats: List[Threat], folder: str,
                       feedback: QgsProcessingFeedback) -> Dict[str, QgsRasterLayer]:
        layers = self.parameterAsLayerList(parameters, self.THREAT_RASTERS, context)
        if layers:
            return self._match_layers(layers, threats, feedback)
        chosen: Dict[str, QgsRasterLayer] = {}
        missing = [t.name for t in threats if not t.cur_path]
        if missing:
            raise QgsProcessingException(self.tr(
                "No raster for threat {threats}: choose the threat rasters in 'Threat "
                "rasters' (named like the threats), or give their paths in a CUR_PATH column "
                "of the threats table.").format(threats=", ".join(
                    "'{0}'".format(n) for n in missing)))
        for threat in threats:
            path = threat.cur_path
            if os.sep == "/":  # tables written on Windows use backslashes
                path = path.replace("\\", "/")
            if not os.path.isabs(path):
                path = os.path.join(folder, path)
            layer = QgsRasterLayer(path, threat.name, "gdal")
            if not os.path.exists(path) or not layer.isValid():
                raise QgsProcessingException(self.tr(
                    "The raster of threat '{name}' was not found or cannot be read: {path} "
                    "(CUR_PATH '{given}', relative to the threats table's folder).").format(
                        name=threat.name, path=path, given=threat.cur_path))
            chosen[threat.name] = layer
        return chosen

    def _match_layers(self, layers: List[Any], threats: List[Threat],
                      feedback: QgsProcessingFeedback) -> Dict[str, QgsRasterLayer]:
        def names(layer: Any) -> List[str]:
            return [layer.name().strip().lower(), _base_name(layer.source()).strip().lower()]

        chosen: Dict[str, QgsRasterLayer] = {}
        for threat in threats:
            wanted = (threat.name.lower(), threat.name.lower() + "_c")
            hits = [layer for layer in layers if any(n in wanted for n in names(layer))]
            if not hits:
                continue
            if len(hits) > 1:
                feedback.pushWarning(self.tr(
                    "Several threat rasters match threat '{name}' ({layers}); the first is "
                    "used.").format(name=threat.name,
                                    layers=", ".join(h.name() for h in hits)))
            chosen[threat.name] = hits[0]
        missing = [t.name for t in threats if t.name not in chosen]
        if missing:
            raise QgsProcessingException(self.tr(
                "No threat raster matches threat {threats}. A raster matches a threat when "
                "its layer name or file name is the threat name (or the name followed by "
                "_c). Rasters given: {given}.").format(
                    threats=", ".join("'{0}'".format(n) for n in missing),
                    given=", ".join("'{0}' ({1})".format(layer.name(), os.path.basename(
                        layer.source().split("|", 1)[0])) for layer in layers)))
        used = {id(layer) for layer in chosen.values()}
        for layer in layers:
            if id(layer) not in used:
                feedback.pushWarning(self.tr("Threat raster '{name}' matches no threat of the "
                                             "table and is not used.").format(name=layer.name()))
        return chosen

    # -- accessibility ------------------------------------------------------------------------

    def _accessibility(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                       grid: Grid, empty_value: Optional[float]) -> Optional[np.ndarray]:
        """ACCESS per cell (1 outside every polygon); a polygon whose ACCESS is empty gets
        ``empty_value``, or is skipped when it is None."""
        found = self._access_shapes(parameters, context, grid.crs or "", empty_value)
        if found is None:
            return None
        values, shapes = found
        ids = rasterize_ids(shapes, grid)
        return np.asarray(values, dtype=np.float64)[ids]

    def _access_shapes(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                       crs: str, empty_value: Optional[float]) -> Optional[AccessShapes]:
        """The accessibility polygons in ``crs`` (WKT) with their ACCESS, or None."""
        source = self.parameterAsSource(parameters, self.ACCESSIBILITY, context) \
            if parameters.get(self.ACCESSIBILITY) else None
        if source is None:
            return None
        field = next((name for name in source.fields().names()
                      if name.strip().lower() == "access"), None)
        if field is None:
            raise QgsProcessingException(self.tr(
                "The accessibility layer has no field ACCESS; its fields are: {fields}.")
                .format(fields=", ".join(source.fields().names())))
        transform = QgsCoordinateTransform(source.sourceCrs(),
                                           QgsCoordinateReferenceSystem.fromWkt(crs),
                                           context.transformContext())
        shapes: List[Tuple[int, bytes]] = []
        values = [1.0]  # index 0: no polygon
        for feature in source.getFeatures():
            value, geometry = feature[field], feature.geometry()
            if geometry.isEmpty() or (_blank(value) and empty_value is None):
                continue
            try:
                access = float(value) if not _blank(value) else float(empty_value or 0.0)
            except (TypeError, ValueError):
                access = float("nan")
            if not 0.0 <= access <= 1.0:
                raise QgsProcessingException(self.tr(
                    "Feature {fid} of the accessibility layer has ACCESS = {value}; it must lie "
                    "between 0 and 1.").format(fid=feature.id(), value=value))
            geometry.transform(transform)
            values.append(access)
            shapes.append((len(values) - 1, bytes(geometry.asWkb())))
        if not shapes:
            return None
        return values, shapes

    def _check_reach(self, threats: List[Threat], grid: Grid, unit: str) -> None:
        """Refuse a MAX_DIST below one cell or far beyond the raster (a unit mistake)."""
        cell = min(abs(float(c)) for c in grid.cell_size)
        rows, cols = grid.shape
        diagonal = float(np.hypot(rows * abs(float(grid.cell_size[1])),
                                  cols * abs(float(grid.cell_size[0]))))
        shown = {"m": self.tr("metres"), "km": self.tr("km")}[unit]
        for threat in threats:
            given = threat.max_distance / (1000.0 if unit == "km" else 1.0)
            if threat.max_distance < cell:
                raise QgsProcessingException(self.tr(
                    "MAX_DIST of threat '{name}' is {given:g} {unit} = {m:g} m, less than one "
                    "cell ({cell:g} m), so the threat would reach no other cell. Is MAX_DIST "
                    "in km? Set 'MAX_DIST unit' to match the table.").format(
                        name=threat.name, given=given, unit=shown, m=threat.max_distance,
                        cell=cell))
            if threat.max_distance > _FAR * diagonal:
                raise QgsProcessingException(self.tr(
                    "MAX_DIST of threat '{name}' is {given:g} {unit} = {m:g} m, more than "
                    "{far:g} times the raster's diagonal ({diagonal:g} m). Is MAX_DIST in "
                    "metres? Set 'MAX_DIST unit' to match the table.").format(
                        name=threat.name, given=given, unit=shown, m=threat.max_distance,
                        far=_FAR, diagonal=diagonal))

    # -- run ----------------------------------------------------------------------------------

    def compute(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        tr = self.tr
        landcover = self.parameterAsRasterLayer(parameters, self.LANDCOVER, context)
        if landcover is None:
            raise QgsProcessingException(self.invalidRasterError(parameters, self.LANDCOVER))
        band = self.parameterAsInt(parameters, self.BAND, context) or 1
        baseline = self.parameterAsRasterLayer(parameters, self.BASELINE, context) \
            if parameters.get(self.BASELINE) else None
        paths: Dict[str, str] = {}
        for key in (self.DEGRADATION, self.QUALITY, self.RARITY):
            path = self.parameterAsOutputLayer(parameters, key, context) \
                if parameters.get(key) else None
            if path:
                check_output_path(path)
                paths[key] = path
        if self.RARITY in paths and baseline is None:
            raise QgsProcessingException(tr(
                "The rarity output needs a baseline land cover. Choose one in 'Baseline land "
                "cover', or skip the rarity output."))
        if baseline is not None and self.RARITY not in paths:
            feedback.pushWarning(tr("A baseline land cover was given but the rarity output is "
                                    "skipped, so it is not used."))

        if landcover.crs().isValid() and landcover.crs().isGeographic():
            raise QgsProcessingException(tr(
                "The land cover is in a geographic CRS ({crs}, degrees), but the threats' "
                "reach (MAX_DIST) is a distance in metres. Reproject the land cover and the "
                "threat rasters to a projected CRS (Raster > Projections > Warp), for "
                "example the UTM zone or the CGCS2000 Gauss-Kruger zone of the area.").format(
                    crs=landcover.crs().authid() or landcover.crs().description()))
        semantics = SEMANTICS[self.parameterAsEnum(parameters, self.SEMANTICS, context)]
        threat_rows, folder = self._table(parameters, context, self.THREATS_TABLE,
                                          self.THREATS_LAYER, tr("threats table"))
        sensitivity_rows, _ = self._table(parameters, context, self.SENSITIVITY_TABLE,
                                          self.SENSITIVITY_LAYER, tr("sensitivity table"))
        unit = UNITS[self.parameterAsEnum(parameters, self.MAX_DIST_UNIT, context)]
        if unit == "auto":
            unit = max_dist_unit(sensitivity_rows)
            feedback.pushInfo(tr("MAX_DIST is read in {unit}: the sensitivity table is keyed "
                                 "by {key} (InVEST {versions}).").format(
                unit=tr("metres") if unit == "m" else tr("km"),
                key="LUCODE" if unit == "m" else "LULC",
                versions="3.15+" if unit == "m" else "<= 3.14"))
        threats = parse_threats(threat_rows, unit=unit)
        habitat, sensitivity = parse_sensitivity(sensitivity_rows, [t.name for t in threats])
        threat_layers = self._threat_layers(parameters, context, threats, folder, feedback)
        for name, layer in threat_layers.items():
            source = os.path.realpath(layer.source().split("|")[0])
            for path in paths.values():
                if os.path.realpath(path) == source:
                    raise QgsProcessingException(tr(
                        "The output {output} is the raster of threat '{name}' named in the "
                        "threats table: writing it would overwrite that input. Choose "
                        "another file name.").format(output=path, name=name))

        lc_role = tr("Land cover")
        layers = {lc_role: (landcover, band)}
        roles = {}
        for threat in threats:
            roles[threat.name] = tr("Threat raster '{name}'").format(name=threat.name)
            layers[roles[threat.name]] = (threat_layers[threat.name], 1)
        base_role = tr("Baseline land cover")
        if baseline is not None and self.RARITY in paths:
            layers[base_role] = (baseline, 1)
        options = {"half_saturation": self.parameterAsDouble(parameters, self.HALF_SATURATION,
                                                             context),
                   "normalize_kernel": self.parameterAsBoolean(parameters,
                                                               self.NORMALIZE_KERNEL, context),
                   "semantics": semantics}
        cells = float(landcover.width()) * float(landcover.height())
        if use_tiles(cells, "habitat", per_cell=HABITAT_PER_THREAT * len(threats)):
            return self._by_tiles(parameters, context, feedback, layers, roles, threats,
                                  threat_layers, habitat, sensitivity, unit, paths, options)
        check_grid_memory(landcover, "habitat", tr("Habitat quality"),
                          per_cell=HABITAT_PER_THREAT * len(threats))
        feedback.pushInfo(tr("Reading {n} raster(s)").format(n=len(layers)))
        grids = read_aligned(layers)
        grid = grids[lc_role]
        self._check_reach(threats, grid, unit)
        self._log_threats(threats, threat_layers, grid, feedback)
        access = self._accessibility(parameters, context, grid,
                                     None if semantics == "guide_sum" else 0.0)
        progress = FeedbackProgress(feedback, 5.0, 90.0)
        result = habitat_quality(
            grid, {t.name: grids[roles[t.name]] for t in threats}, threats, habitat,
            sensitivity, accessibility=access, baseline=grids.get(base_role),
            progress=progress, **options)
        check_cancelled(progress)  # a cancel after the last core step still writes nothing

        q = result.quality.values[result.quality.valid]
        self._log_degradation(result.max_degradation, float(q.mean()) if q.size else 0.0,
                              options, feedback)
        done: Dict[str, Any] = {}
        outputs = ((self.DEGRADATION, result.degradation, "degradation", "degradation.qml",
                    True),
                   (self.QUALITY, result.quality, "habitat quality", "habitat_quality.qml",
                    False),
                   (self.RARITY, result.rarity, "habitat rarity", "habitat_quality.qml", False))
        for key, out, description, style, stretch in outputs:
            if key not in paths or out is None:
                continue
            write_grid(out, paths[key], description=description)
            StyleOnLoad.attach(context, paths[key], style, stretch=stretch)
            done[key] = paths[key]
        feedback.setProgress(100)
        return done

    def _log_threats(self, threats: List[Threat], threat_layers: Mapping[str, Any],
                     grid: Grid, feedback: QgsProcessingFeedback) -> None:
        for threat in threats:
            feedback.pushInfo(self.tr("Threat '{name}': reach {m:g} m ({cells:.4g} cells), "
                                      "weight {w:g}, {decay} decay, raster '{layer}'").format(
                name=threat.name, m=threat.max_distance,
                cells=threat.max_distance / min(grid.cell_size), w=threat.weight,
                decay=threat.decay, layer=threat_layers[threat.name].name()))

    def _log_degradation(self, highest: float, mean_quality: float, options: Dict[str, Any],
                         feedback: QgsProcessingFeedback) -> None:
        k = options["half_saturation"]
        feedback.pushInfo(self.tr("Highest degradation D = {d:.6g}; the users' guide "
                                  "suggests k = half of it ({half:.6g}). Mean quality "
                                  "{q:.4f} with k = {k:g}.")
                          .format(d=highest, half=highest / 2, q=mean_quality, k=k))
        if options["semantics"] == "guide_sum" and highest > 20 * k:
            feedback.pushWarning(self.tr(
                "The highest degradation is {ratio:.0f} times k, so quality is close to 0 "
                "wherever a threat reaches. Consider a larger half-saturation constant, or "
                "dividing each decay kernel by its sum.").format(ratio=highest / k))

    def _by_tiles(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                  feedback: QgsProcessingFeedback,
                  layers: Mapping[str, Tuple[QgsRasterLayer, int]], roles: Dict[str, str],
                  threats: List[Threat], threat_layers: Mapping[str, Any],
                  habitat: Dict[int, float], sensitivity: Dict[int, Dict[str, float]],
                  unit: str, paths: Dict[str, str], options: Dict[str, Any]
                  ) -> Dict[str, Any]:
        """The model on overlapping tiles (espcore.sources.habitattiles): workers read
        their windows of the input files; the accessibility polygons are burnt into a
        GeoTIFF beside the finished tiles first. The finished tiles wait beside the first
        output, so a rerun after a cancel or a crash computes only the missing ones."""
        tr = self.tr
        check_aligned({role: layer for role, (layer, _band) in layers.items()})
        lc_role = tr("Land cover")
        landcover_layer = layers[lc_role][0]
        grid = outline(landcover_layer)
        self._check_reach(threats, grid, unit)
        files = {role: layer_file(layer, band, role) for role, (layer, band) in layers.items()}
        landcover = files[lc_role]
        semantics = options["semantics"]
        access = self._access_shapes(parameters, context, landcover.crs or "",
                                     None if semantics == "guide_sum" else 0.0)
        digest = hashlib.blake2b(repr(access[0]).encode("utf-8") if access else b"",
                                 digest_size=8)
        for _index, wkb in (access[1] if access else []):
            digest.update(wkb)
        self._log_threats(threats, threat_layers, grid, feedback)
        executor = executor_for(None, feedback)
        halo = halo_cells(threats, grid.cell_size, semantics)
        side = tile_side(memory.PER_CELL["habitat"] + HABITAT_PER_THREAT * len(threats)
                         + 8.0 * len(files), halo)
        first_output = paths.get(self.QUALITY) or next(iter(paths.values()))
        store = parts_folder(first_output, files.values(), {
            "threats": [[t.name, t.max_distance, t.weight, t.decay] for t in threats],
            "habitat": sorted(habitat.items()),
            "sensitivity": sorted((code, sorted(row.items()))
                                  for code, row in sensitivity.items()),
            "access": digest.hexdigest() if access else None, "roles": list(files),
            "tile": side, **options})
        accessibility = None
        if access is not None:
            accessibility = write_access(access, landcover,
                                         os.path.join(store.folder, "access.tif"))
        base_role = tr("Baseline land cover")
        feedback.pushInfo(tr("Habitat quality in {n} tiles of {m} cells, each read with "
                             "{halo} cells more on every side").format(
            n=len(tiling(landcover.shape, side)), m=side * side, halo=halo))
        progress = FeedbackProgress(feedback, 5.0, 90.0)
        try:
            result = habitat_tiles(
                landcover, {t.name: files[roles[t.name]] for t in threats}, threats,
                habitat, sensitivity, store=store, tile=side, accessibility=accessibility,
                baseline=files.get(base_role), executor=executor, progress=progress,
                **options)
        finally:
            if accessibility is not None:  # tiles read here keep it open
                close(accessibility)
        if result.run.resumed:
            feedback.pushInfo(tr("{k} tiles were kept from an earlier run of this job.").format(
                k=result.run.resumed))
        check_cancelled(progress)  # a cancel after the last tile still writes nothing
        self._log_degradation(result.max_degradation, result.mean_quality, options,
                              feedback)
        done: Dict[str, Any] = {}
        outputs = ((self.DEGRADATION, DEGRADATION, "degradation.qml", True),
                   (self.QUALITY, QUALITY, "habitat_quality.qml", False),
                   (self.RARITY, RARITY, "habitat_quality.qml", False))
        for key, part, style, stretch in outputs:
            if key not in paths or (part == RARITY and base_role not in files):
                continue
            write_parts(store, result.tiles, part, landcover, paths[key], dtype="float32")
            StyleOnLoad.attach(context, paths[key], style, stretch=stretch)
            done[key] = paths[key]
        store.remove()
        feedback.setProgress(100)
        return done
