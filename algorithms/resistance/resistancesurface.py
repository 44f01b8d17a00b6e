"""esp:resistancesurface: land cover -> resistance, with optional correction and factors."""

import csv
from typing import Any, Dict, List, Mapping, Optional, Tuple

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterBand,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsRasterLayer,
)

from ...espcore import memory
from ...espcore.progress import check_cancelled
from ...espcore.rasterfile import RasterFile
from ...espcore.resistance.presets import PRESETS
from ...espcore.resistance.surface import parse_reclass_rows, resistance_surface
from ...espcore.resistance.surfacetiles import PART, resistance_tiles
from ...espcore.tiles import tiling
from ..base import EspAlgorithm, FeedbackProgress, StyleOnLoad, translate
from ..engine import executor_for
from ..io.raster import (
    check_aligned,
    check_grid_memory,
    check_output_path,
    read_aligned,
    write_grid,
)
from ..io.tiledraster import layer_file, parts_folder, tile_side, use_tiles, write_parts
from ..qgis_compat import FileBehavior, NumberType, SourceType, is_null

CUSTOM = len(PRESETS)  # the enum entry after the presets: "custom table only"


def _blank(value: Any) -> bool:
    return is_null(value) or str(value).strip() == ""


def _items(text: str) -> List[str]:
    """'0.2, 0.1' or '0.2; 0.1' -> ['0.2', '0.1']."""
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


def _preset_help_table() -> str:
    rows = []
    for preset in PRESETS:
        classes = ", ".join("{0} {1} = {2:g}".format(code, translate(label,
                                                                     "ResistanceSurface"),
                                                     value)
                            for code, label, value in preset.classes if code < 10 or
                            preset.key != "cnlucc")
        rows.append("<li><b>{name}</b>: {classes}</li>".format(
            name=translate(preset.name, "ResistanceSurface"), classes=classes))
    return "<ul>" + "".join(rows) + "</ul>"


class ResistanceSurface(EspAlgorithm):
    NAME = "resistancesurface"
    GROUP = "resistance"

    INPUT = "INPUT"
    BAND = "BAND"
    PRESET = "PRESET"
    TABLE = "TABLE"
    TABLE_FILE = "TABLE_FILE"
    UNMAPPED_NODATA = "UNMAPPED_NODATA"
    CORRECTION = "CORRECTION"
    RATIO_MIN = "RATIO_MIN"
    RATIO_MAX = "RATIO_MAX"
    FACTORS = "FACTORS"
    LANDCOVER_WEIGHT = "LANDCOVER_WEIGHT"
    FACTOR_WEIGHTS = "FACTOR_WEIGHTS"
    FACTOR_DIRECTIONS = "FACTOR_DIRECTIONS"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:
        return self.tr("Resistance surface")

    def tags(self) -> List[str]:
        return self.tr("resistance,cost,friction,land cover,reclass,MCR,night-time light,"
                       "factor,weighted overlay,CLCD,CNLUCC,WorldCover").split(",")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Builds a resistance (cost) surface for corridors and circuit theory from a "
            "land-cover raster.</p>"
            "<p><b>1. Reclass.</b> Each land-cover class gets a resistance from a preset or a "
            "custom table (rows: class code, resistance; a CSV file with the same columns is "
            "also read; table rows override the preset). Built-in presets, on the 1-1000 scale "
            "(1 = easiest to cross):</p>{presets}"
            "<p>CNLUCC level-2 codes (11, 12, 21, ...) take the value of their level-1 class. "
            "These defaults are starting points for a terrestrial species; the values lie "
            "within the ranges used by Chinese ESP studies on the 1-1000 scale (e.g. Jiao et "
            "al. 2023, Front. Ecol. Evol. 11:1301149). A class found in the raster but not in "
            "the table is an error that lists the classes, unless 'unmapped classes are "
            "NoData' is ticked.</p>"
            "<p><b>2. Correction (optional).</b> A pressure raster C such as night-time light "
            "or impervious fraction scales each cell: R' = (C<sub>i</sub> / mean C of the "
            "cells of the same class) x R<sub>class</sub>. The ratio is clipped to the given "
            "limits so that a dark cell never gets zero resistance.</p>"
            "<p><b>3. Factors (optional).</b> Factor rasters (elevation, slope, distance to "
            "roads, NDVI, ...) are each rescaled linearly to the range of the table's values "
            "and combined with the land-cover resistance by a weighted sum; weights are "
            "normalised to add up to 1. Direction '-' marks a factor whose high values lower "
            "the resistance (NDVI).</p>"
            "<p><b>Inputs</b> must share one grid (CRS, extent, cell size); a mismatch is an "
            "error, never resampled silently. <b>Output</b>: float32 resistance, NoData "
            "wherever any used input is NoData.</p>").format(presets=_preset_help_table())

    def initAlgorithm(self, config: Any = None) -> None:
        tr, add, number = self.tr, self.add_parameter, NumberType.Double
        add(QgsProcessingParameterRasterLayer(self.INPUT, tr("Land-cover raster")),
            tr("Whole-number class codes (CLCD, CNLUCC, WorldCover or your own). Its NoData "
               "cells stay NoData."))
        add(QgsProcessingParameterBand(self.BAND, tr("Land-cover band"), 1, self.INPUT,
                                       optional=True),
            tr("Band holding the class codes; band 1 when not set."))
        add(QgsProcessingParameterEnum(self.PRESET, tr("Classification preset"),
                                       [tr(p.name) for p in PRESETS] + [tr("Custom table only")],
                                       defaultValue=0),
            tr("Resistance per class of a common land-cover classification. Rows of the "
               "reclass table file and of the custom table override or extend it."))
        add(QgsProcessingParameterMatrix(self.TABLE, tr("Custom reclass table (class, "
                                                        "resistance)"),
                                         numberRows=0, hasFixedNumberRows=False,
                                         headers=[tr("Class"), tr("Resistance")], optional=True),
            tr("Class codes with their resistance (> 0). These rows replace the values of the "
               "preset and of the table file for the same classes."))
        add(QgsProcessingParameterFile(self.TABLE_FILE, tr("Reclass table file (CSV: class, "
                                                           "resistance)"),
                                       FileBehavior.File,
                                       extension="csv", optional=True),
            tr("A CSV file whose first two columns are the class code and the resistance; a "
               "header row and further columns (labels) are allowed. Its rows override the "
               "preset."))
        add(QgsProcessingParameterBoolean(self.UNMAPPED_NODATA,
                                          tr("Unmapped classes are NoData"), defaultValue=False),
            tr("When ticked, cells of classes missing from the table become NoData "
               "(impassable) instead of stopping with an error."))

        add(QgsProcessingParameterRasterLayer(self.CORRECTION, tr(
            "Correction raster (night-time light, impervious surface, ...)"), optional=True),
            tr("Non-negative pressure C on the land-cover grid. Each cell's resistance becomes "
               "(C / mean C of its class) x class resistance."))
        ratio_help = tr("The ratio C / class mean is clipped to [lowest, highest] (lowest <= 1 "
                        "<= highest), so that dark or saturated cells cannot give a zero or "
                        "extreme resistance.")
        add(QgsProcessingParameterNumber(self.RATIO_MIN, tr("Lowest correction ratio"), number,
                                         0.1, minValue=0.0), ratio_help)
        add(QgsProcessingParameterNumber(self.RATIO_MAX, tr("Highest correction ratio"), number,
                                         10.0, minValue=0.0), ratio_help)

        add(QgsProcessingParameterMultipleLayers(self.FACTORS, tr("Factor rasters"),
                                                 SourceType.Raster,
                                                 optional=True),
            tr("Additional resistance factors on the land-cover grid (band 1 of each is "
               "used). Each is rescaled to the range of the table's resistances before "
               "weighting."))
        add(QgsProcessingParameterNumber(self.LANDCOVER_WEIGHT,
                                         tr("Weight of the land-cover resistance"), number, 1.0,
                                         minValue=0.0),
            tr("Used only with factor rasters. All weights are divided by their sum."))
        add(QgsProcessingParameterString(self.FACTOR_WEIGHTS, tr(
            "Factor weights (comma-separated, in factor order)"), optional=True),
            tr("One non-negative weight per factor raster, e.g. '0.2, 0.1'. Empty: weight 1 "
               "for every factor."))
        add(QgsProcessingParameterString(self.FACTOR_DIRECTIONS, tr(
            "Factor directions (+ or -, comma-separated)"), optional=True),
            tr("'+' when a high factor value means high resistance (slope, night-time light), "
               "'-' when it means low resistance (NDVI). Empty: '+' for every factor."))
        add(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Resistance surface")),
            tr("Float32 GeoTIFF on the land-cover grid, NoData where any used input is "
               "NoData."))

    # -- parameter parsing -------------------------------------------------------------------

    def _table(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Dict[int, float]:
        choice = self.parameterAsEnum(parameters, self.PRESET, context)
        table = dict(PRESETS[choice].table()) if choice < CUSTOM else {}
        path = self.parameterAsFile(parameters, self.TABLE_FILE, context)
        if path:
            table.update(parse_reclass_rows(csv.reader(self._csv_lines(path))))
        flat = self.parameterAsMatrix(parameters, self.TABLE, context)
        if all(_blank(value) for value in flat):
            flat = []  # an unset matrix comes back as [NULL]
        if len(flat) % 2:
            raise QgsProcessingException(self.tr(
                "The custom reclass table has {n} values; it needs pairs of class code and "
                "resistance.").format(n=len(flat)))
        table.update(parse_reclass_rows(zip(flat[0::2], flat[1::2])))
        return table

    def _csv_lines(self, path: str) -> List[str]:
        """The file's lines; UTF-8 (with or without BOM), else GB18030, the superset of the
        GBK encoding in which Excel saves CSV files on Chinese Windows."""
        try:
            with open(path, "rb") as handle:
                raw = handle.read()
        except OSError as error:
            raise QgsProcessingException(self.tr("Cannot read the reclass table file {path}: "
                                                 "{error}").format(path=path, error=error)
                                         ) from None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("gb18030", errors="replace")
        return text.splitlines()

    def _numbers(self, text: str, count: int, label: str) -> List[float]:
        parts = _items(text)
        if not parts:
            return [1.0] * count
        try:
            return [float(p) for p in parts]
        except ValueError:
            raise QgsProcessingException(self.tr(
                "{label} must be numbers separated by commas, not '{text}'.").format(
                    label=label, text=text)) from None

    def _directions(self, text: str, count: int) -> List[bool]:
        parts = _items(text)
        if not parts:
            return [False] * count
        if any(p not in ("+", "-") for p in parts):
            raise QgsProcessingException(self.tr(
                "Factor directions must be '+' or '-' separated by commas, not '{text}'.")
                .format(text=text))
        return [p == "-" for p in parts]

    # -- run ---------------------------------------------------------------------------------

    def compute(self, parameters: Dict[str, Any], context: QgsProcessingContext,
            feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        landcover = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        if landcover is None:
            raise QgsProcessingException(self.invalidRasterError(parameters, self.INPUT))
        band = self.parameterAsInt(parameters, self.BAND, context) or 1
        correction = self.parameterAsRasterLayer(parameters, self.CORRECTION, context)
        factor_layers = self.parameterAsLayerList(parameters, self.FACTORS, context)
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        check_output_path(output)
        table = self._table(parameters, context)
        weights = self._numbers(self.parameterAsString(parameters, self.FACTOR_WEIGHTS,
                                                       context), len(factor_layers),
                                self.tr("Factor weights"))
        inverted = self._directions(self.parameterAsString(parameters, self.FACTOR_DIRECTIONS,
                                                           context), len(factor_layers))

        if not factor_layers and (parameters.get(self.FACTOR_WEIGHTS)
                                  or parameters.get(self.FACTOR_DIRECTIONS)):
            feedback.pushWarning(self.tr("Factor weights or directions were given without "
                                         "factor rasters; they are ignored."))
        layers = {self.tr("Land cover"): (landcover, band)}
        if correction is not None:
            layers[self.tr("Correction raster")] = (correction, 1)
        factor_roles = []
        for number, layer in enumerate(factor_layers, start=1):
            role = self.tr("Factor {n} ({name})").format(n=number, name=layer.name())
            factor_roles.append(role)
            layers[role] = (layer, 1)
        first_layer = next(iter(layers.values()))[0]
        options = {
            "unmapped_nodata": self.parameterAsBoolean(parameters, self.UNMAPPED_NODATA,
                                                       context),
            "ratio_min": self.parameterAsDouble(parameters, self.RATIO_MIN, context),
            "ratio_max": self.parameterAsDouble(parameters, self.RATIO_MAX, context),
            "landcover_weight": self.parameterAsDouble(parameters, self.LANDCOVER_WEIGHT,
                                                       context),
            "factor_weights": weights, "inverted": inverted}
        cells = float(first_layer.width()) * float(first_layer.height())
        if use_tiles(cells, "resistance", per_cell=8.0 * len(layers)):
            return self._by_tiles(layers, factor_roles, table, options, output, context,
                                  feedback)
        check_grid_memory(first_layer, "resistance", self.tr("The resistance surface"),
                          per_cell=8.0 * len(layers))
        feedback.pushInfo(self.tr("Reading {n} raster(s)").format(n=len(layers)))
        grids = read_aligned(layers)
        progress = FeedbackProgress(feedback, 5.0, 90.0)
        result = resistance_surface(
            grids[self.tr("Land cover")], table,
            correction=grids.get(self.tr("Correction raster")),
            factors={role: grids[role] for role in factor_roles}, progress=progress,
            **options)
        check_cancelled(progress)  # a cancel after the last core step still writes nothing
        valid = result.values[result.valid]
        feedback.pushInfo(self.tr("Resistance: {n} cells, min {lo:g}, mean {mean:g}, max "
                                  "{hi:g}").format(n=valid.size, lo=float(valid.min()),
                                                   mean=float(valid.mean()),
                                                   hi=float(valid.max())))
        write_grid(result, output, description=self.tr("resistance"))
        feedback.setProgress(100)
        StyleOnLoad.attach(context, output, "resistance.qml", fit=True)
        return {self.OUTPUT: output}

    def _by_tiles(self, layers: Mapping[str, Tuple[QgsRasterLayer, int]],
                  factor_roles: List[str], table: Dict[int, float], options: Dict[str, Any],
                  output: str, context: QgsProcessingContext,
                  feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        """The surface tile by tile (espcore.resistance.surfacetiles): workers read their
        windows of the input files; the finished tiles wait beside the output, so a rerun
        after a cancel or a crash computes only the missing ones."""
        check_aligned({role: layer for role, (layer, _band) in layers.items()})
        files = {role: layer_file(layer, band, role) for role, (layer, band) in layers.items()}
        landcover = files[self.tr("Land cover")]
        correction: Optional[RasterFile] = files.get(self.tr("Correction raster"))
        executor = executor_for(None, feedback)
        side = tile_side(memory.PER_CELL["resistance"] + 8.0 * len(files))
        store = parts_folder(output, files.values(),
                             {"table": sorted(table.items()), "tile": side,
                              "roles": list(files), **options})
        feedback.pushInfo(self.tr("Resistance surface in {n} tiles of {m} cells").format(
            n=len(tiling(landcover.shape, side)), m=side * side))
        progress = FeedbackProgress(feedback, 5.0, 90.0)
        result = resistance_tiles(
            landcover, table, store=store, tile=side, correction=correction,
            factors={role: files[role] for role in factor_roles}, executor=executor,
            progress=progress, **options)
        if result.run.resumed:
            feedback.pushInfo(self.tr("{k} tiles were kept from an earlier run of this "
                                      "job.").format(k=result.run.resumed))
        check_cancelled(progress)  # a cancel after the last tile still writes nothing
        feedback.pushInfo(self.tr("Resistance: {n} cells, min {lo:g}, mean {mean:g}, max "
                                  "{hi:g}").format(n=result.cells, lo=result.low,
                                                   mean=result.mean, hi=result.high))
        write_parts(store, result.tiles, PART, landcover, output, dtype="float32")
        store.remove()
        feedback.setProgress(100)
        StyleOnLoad.attach(context, output, "resistance.qml", fit=True)
        return {self.OUTPUT: output}
