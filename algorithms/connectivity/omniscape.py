"""esp:omniscape: Omniscape's moving-window circuit connectivity on a resistance raster.

Rasters too large for memory (or any run with the Dask engine, or with ESP_TOOLKIT_TILES=1)
go by tiles (``espcore.circuits.omniscapetiles``): the workers read their windows of the
input files, the finished tiles wait beside the output (a rerun after a crash or a cancel
resumes them), and the outputs are written band by band. The maps are the whole run's.
"""

import dataclasses
import math
import os
import uuid
from typing import Any, Dict, List, Mapping, Tuple

import numpy as np
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterBand,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
)

from ...espcore.circuits.circuit import MAP_NODATA
from ...espcore.circuits.omniscape import OmniscapeOptions, omniscape, parse_reclass_table
from ...espcore.circuits.omniscapetiles import (
    assemble_omniscape,
    omniscape_tiles,
    plan_tiles,
)
from ...espcore.circuits.solvers import METHODS
from ...espcore.memory import window_estimate
from ...espcore.rasterfile import RasterFile, close, create_like, write_window
from ...espcore.tiled import PartStore
from ...espcore.tiles import Tile
from ..base import EspAlgorithm, FeedbackProgress, StyleOnLoad, translate
from ..engine import executor_for
from ..engine import settings as engine_settings
from ..io.csfiles import read_text
from ..io.raster import (
    FLOAT_NODATA,
    check_aligned,
    check_cells_memory,
    check_grid_memory,
    check_output_path,
    read_aligned,
    replace_raster,
    write_grid,
)
from ..io.tiledraster import layer_file, parts_folder, use_tiles
from ..qgis_compat import NumberType, ParameterFlag

OUTPUTS = (("CUMULATIVE", "cum_currmap"), ("FLOW_POTENTIAL", "flow_potential"),
           ("NORMALIZED", "normalized_cum_currmap"), ("CLASSIFIED", "classified_resistance"))
#: Omniscape's comparisons, in the order of the COMPARISON parameters' options
COMPARISONS = ("within", "equals")


class Omniscape(EspAlgorithm):
    NAME = "omniscape"
    GROUP = "connectivity"

    INPUT = "INPUT"
    BAND = "BAND"
    RESISTANCE_IS_CONDUCTANCE = "RESISTANCE_IS_CONDUCTANCE"
    SOURCE = "SOURCE"
    SOURCE_FROM_RESISTANCE = "SOURCE_FROM_RESISTANCE"
    R_CUTOFF = "R_CUTOFF"
    SOURCE_THRESHOLD = "SOURCE_THRESHOLD"
    RADIUS = "RADIUS"
    BLOCK_SIZE = "BLOCK_SIZE"
    BUFFER = "BUFFER"
    CORRECT_ARTIFACTS = "CORRECT_ARTIFACTS"
    CONNECT_FOUR_NEIGHBORS_ONLY = "CONNECT_FOUR_NEIGHBORS_ONLY"
    SOLVER = "SOLVER"
    WORKERS = "WORKERS"
    RECLASS_TABLE = "RECLASS_TABLE"
    CONDITION1 = "CONDITION1"
    CONDITION1_FUTURE = "CONDITION1_FUTURE"
    COMPARISON1 = "COMPARISON1"
    CONDITION1_LOWER = "CONDITION1_LOWER"
    CONDITION1_UPPER = "CONDITION1_UPPER"
    CONDITION2 = "CONDITION2"
    CONDITION2_FUTURE = "CONDITION2_FUTURE"
    COMPARISON2 = "COMPARISON2"
    CONDITION2_LOWER = "CONDITION2_LOWER"
    CONDITION2_UPPER = "CONDITION2_UPPER"
    CUMULATIVE = "CUMULATIVE"
    FLOW_POTENTIAL = "FLOW_POTENTIAL"
    NORMALIZED = "NORMALIZED"
    CLASSIFIED = "CLASSIFIED"

    def displayName(self) -> str:
        return self.tr("Omnidirectional current (Omniscape)")

    def tags(self) -> List[str]:
        return ["omniscape", "circuitscape", "moving window", "current", "connectivity",
                "omnidirectional", "wall-to-wall"]

    def shortHelpString(self) -> str:
        return self.tr(
            "Wall-to-wall connectivity without focal nodes (Omniscape.jl's algorithm, same "
            "numbers). Every block centre in turn is a ground; every source cell within the "
            "radius injects current in proportion to its strength, and the currents of all "
            "windows are summed.\n"
            "Inputs: a resistance raster (NoData = barrier; values must be positive) and "
            "either a source-strength raster on the same grid or sources taken from the "
            "resistance (1/resistance, cells above the cut-off resistance are no source).\n"
            "Outputs: cumulative current (A); optionally the flow potential (the current of "
            "the same sources on a uniform landscape) and the normalised current (cumulative "
            "/ flow potential: above 1 = channelled, below 1 = impeded).\n"
            "Advanced: a reclass table (reclassify_resistance) replaces resistance values "
            "before the run, and condition rasters (conditional connectivity) let a source "
            "send current to a target only when its condition value is within a range of "
            "the target's (or equal to it), optionally compared with a future raster.\n"
            "Windows are independent tasks; with more than one worker process they are "
            "solved in parallel, and memory for the outputs does not grow with the workers.\n"
            "Reference: McRae, B.H. et al. (2016) Conserving nature's stage: mapping "
            "omnidirectional connectivity for resilient terrestrial landscapes in the "
            "Pacific Northwest. The Nature Conservancy; Landau, V.A. et al. (2021) Omniscape.jl, "
            "JOSS 6(57): 2829.")

    def initAlgorithm(self, config: Any = None) -> None:
        tr = self.tr
        add = self.add_parameter
        add(QgsProcessingParameterRasterLayer(self.INPUT, tr("Resistance raster")),
            tr("resistance_file: positive resistance per cell; NoData is a barrier."))
        add(QgsProcessingParameterBand(self.BAND, tr("Band"), 1, self.INPUT, optional=True),
            tr("Band of the resistance raster (default 1)."))
        add(QgsProcessingParameterBoolean(self.RESISTANCE_IS_CONDUCTANCE,
                                          tr("Values are conductances"), defaultValue=False),
            tr("resistance_is_conductance: the raster holds conductances, not resistances."))
        add(QgsProcessingParameterRasterLayer(self.SOURCE, tr("Source strength"),
                                              optional=True),
            tr("source_file: relative source strength per cell, on the resistance grid. "
               "Leave empty to take sources from the resistance."))
        add(QgsProcessingParameterBoolean(self.SOURCE_FROM_RESISTANCE,
                                          tr("Sources from resistance"), defaultValue=False),
            tr("source_from_resistance: source strength = 1 / resistance."))
        add(QgsProcessingParameterNumber(self.R_CUTOFF, tr("Cut-off resistance"),
                                         NumberType.Double, optional=True,
                                         minValue=0.0),
            tr("r_cutoff: with sources from resistance, cells with a higher resistance are no "
               "source. Empty: no cut-off."))
        add(QgsProcessingParameterNumber(self.SOURCE_THRESHOLD, tr("Source threshold"),
                                         NumberType.Double, defaultValue=0.0,
                                         minValue=0.0),
            tr("source_threshold: source-raster values below it are set to 0."))
        add(QgsProcessingParameterNumber(self.RADIUS, tr("Radius (cells)"),
                                         NumberType.Integer, minValue=1),
            tr("radius: sources within this distance (in cells) of a target send current to "
               "it. Choose about the dispersal distance of the species divided by the cell "
               "size."))
        add(QgsProcessingParameterNumber(self.BLOCK_SIZE, tr("Block size (cells)"),
                                         NumberType.Integer, defaultValue=1,
                                         minValue=1),
            tr("block_size: targets are the centres of blocks of this size (odd; an even "
               "value is raised by one). Larger blocks run much faster; Omniscape's authors "
               "suggest up to about a tenth of the radius."))
        add(QgsProcessingParameterNumber(self.BUFFER, tr("Buffer (cells)"),
                                         NumberType.Integer, defaultValue=0,
                                         minValue=0),
            tr("buffer: landscape beyond the radius that current may use (no sources)."))
        add(QgsProcessingParameterBoolean(self.CORRECT_ARTIFACTS, tr("Correct block artifacts"),
                                          defaultValue=True),
            tr("correct_artifacts: remove the pattern that blocks larger than 1 leave."))
        add(QgsProcessingParameterBoolean(self.CONNECT_FOUR_NEIGHBORS_ONLY,
                                          tr("Connect four neighbours only"),
                                          defaultValue=False),
            tr("connect_four_neighbors_only: no diagonal connections."))
        add(QgsProcessingParameterEnum(self.SOLVER, tr("Window solver"),
                                       options=[tr("auto (by memory and work)"), "CHOLMOD",
                                                "SuperLU", tr("AMG-preconditioned CG")],
                                       defaultValue=0),
            tr("Solver for each window; all give the same numbers."))
        add(QgsProcessingParameterNumber(self.WORKERS, tr("Worker processes"),
                                         NumberType.Integer, defaultValue=0,
                                         minValue=0),
            tr("1 solves the windows in this process; more start that many workers; 0 (the "
               "default) takes the provider's setting (Settings > Options > Processing > "
               "Providers > ESP Toolkit: local processes or a Dask cluster, one worker per "
               "core unless set). The numbers are the same either way."))
        def advanced(parameter: Any, help_text: str) -> None:
            parameter.setFlags(parameter.flags() | ParameterFlag.Advanced)
            add(parameter, help_text)

        advanced(QgsProcessingParameterFile(self.RECLASS_TABLE, tr("Reclass table"),
                                            optional=True),
                 tr("reclass_table: a text file of 'old new' value pairs, one a line, that "
                    "replace resistance values before the run (new = missing makes a class "
                    "NoData). Empty: no reclassification."))
        for k in (1, 2):
            condition = "CONDITION{0}".format(k)
            advanced(QgsProcessingParameterRasterLayer(
                condition, tr("Condition {k}").format(k=k), optional=True),
                tr("condition{k}_file: a raster on the resistance grid (e.g. temperature). "
                   "With it, a source only sends current to a target whose condition "
                   "matches its own (conditional connectivity). Condition 2 needs "
                   "condition 1.").format(k=k))
            advanced(QgsProcessingParameterRasterLayer(
                condition + "_FUTURE", tr("Condition {k}, future").format(k=k),
                optional=True),
                tr("condition{k}_future_file: compare each source's present value with the "
                   "target's future value (compare_to_future). Empty: compare with the "
                   "present raster.").format(k=k))
            advanced(QgsProcessingParameterEnum(
                "COMPARISON{0}".format(k), tr("Comparison {k}").format(k=k),
                options=[tr("within (source minus target in [lower, upper])"),
                         tr("equal (same class)")], defaultValue=0),
                tr("comparison{k}: 'within' keeps sources whose value minus the median of "
                   "the target block lies between the lower and upper limits; 'equal' "
                   "keeps sources equal to the block's most frequent value.").format(k=k))
            advanced(QgsProcessingParameterNumber(
                condition + "_LOWER", tr("Condition {k}: lower limit").format(k=k),
                NumberType.Double, defaultValue=0.0),
                tr("condition{k}_lower: lowest allowed difference (source minus target) "
                   "for 'within'.").format(k=k))
            advanced(QgsProcessingParameterNumber(
                condition + "_UPPER", tr("Condition {k}: upper limit").format(k=k),
                NumberType.Double, defaultValue=0.0),
                tr("condition{k}_upper: highest allowed difference (source minus target) "
                   "for 'within'.").format(k=k))
        add(QgsProcessingParameterRasterDestination(self.CUMULATIVE, tr("Cumulative current")),
            tr("cum_currmap: current summed over all windows (A)."))
        add(QgsProcessingParameterRasterDestination(self.FLOW_POTENTIAL, tr("Flow potential"),
                                                    optional=True, createByDefault=False),
            tr("flow_potential: the current of the same sources on a landscape of resistance 1."))
        add(QgsProcessingParameterRasterDestination(self.NORMALIZED, tr("Normalised current"),
                                                    optional=True, createByDefault=False),
            tr("normalized_cum_currmap: cumulative current / flow potential."))
        add(QgsProcessingParameterRasterDestination(self.CLASSIFIED,
                                                    tr("Reclassified resistance"),
                                                    optional=True, createByDefault=False),
            tr("classified_resistance: the resistance after the reclass table (only with a "
               "reclass table)."))

    def _memory(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                layers: Dict[str, Any]) -> Tuple[float, float, float]:
        """(cells, extra bytes, bytes per cell) of the whole-raster run: the grids, and the
        windows solved at once (a radius far beyond the raster asks for windows, and an
        artifact-correction window, larger than the raster itself)."""
        layer = next(iter(layers.values()))[0]
        cells = float(layer.width()) * layer.height()
        reach = (self.parameterAsInt(parameters, self.RADIUS, context)
                 + self.parameterAsInt(parameters, self.BUFFER, context))
        extra = window_estimate(
            reach, 0.0, self._workers(parameters, context),
            correction=self.parameterAsBoolean(parameters, self.CORRECT_ARTIFACTS, context),
            grid_cells=cells)
        return cells, extra, 8.0 * (len(layers) + 3)

    def _workers(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> int:
        """The windows solved at once: the WORKERS parameter, or the provider's count."""
        return self.parameterAsInt(parameters, self.WORKERS, context) \
            or engine_settings().worker_count

    def _check_memory(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      layers: Dict[str, Any]) -> None:
        layer = next(iter(layers.values()))[0]
        _cells, extra, per_cell = self._memory(parameters, context, layers)
        check_grid_memory(layer, "resistance", self.tr("Omniscape"), extra=extra,
                          per_cell=per_cell,
                          advice=self.tr("Use a smaller radius (at most about the raster's "
                                         "size), fewer workers, or coarser cells."))

    def _check_tile_memory(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                           layers: Dict[str, Any], options: OmniscapeOptions) -> None:
        """Tiles shrink the grids, not the windows: a worker holds its tile's read window
        and solves whole windows, so a radius far beyond the raster is refused here too."""
        layer = next(iter(layers.values()))[0]
        tiles = plan_tiles((layer.height(), layer.width()), options)
        read = float(max(tile.read_shape[0] * tile.read_shape[1] for tile in tiles))
        extra = window_estimate(
            options.radius, options.buffer,
            self._workers(parameters, context),
            correction=options.correct_artifacts, grid_cells=read)
        check_cells_memory(read, "resistance", self.tr("Omniscape"), extra=extra,
                           per_cell=8.0 * (len(layers) + 3),
                           advice=self.tr("Use a smaller radius (at most about the raster's "
                                          "size), fewer workers, or coarser cells."))

    def compute(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        paths = {}
        for key, _name in OUTPUTS:
            if parameters.get(key):
                path = self.parameterAsOutputLayer(parameters, key, context)
                if path:
                    check_output_path(path)
                    paths[key] = path
        layers = {self.tr("Resistance raster"): (
            self.parameterAsRasterLayer(parameters, self.INPUT, context),
            self.parameterAsInt(parameters, self.BAND, context) or 1)}
        source_layer = self.parameterAsRasterLayer(parameters, self.SOURCE, context) \
            if parameters.get(self.SOURCE) else None
        from_resistance = self.parameterAsBoolean(parameters, self.SOURCE_FROM_RESISTANCE,
                                                  context)
        if source_layer is None and not from_resistance:
            raise QgsProcessingException(self.tr(
                "Give a source-strength raster or tick 'Sources from resistance'."))
        if source_layer is not None:
            layers[self.tr("Source strength")] = (source_layer, 1)
        conditions = self._condition_layers(parameters, context)
        layers.update(conditions)
        table_path = self.parameterAsFile(parameters, self.RECLASS_TABLE, context)
        table = parse_reclass_table(read_text(table_path)) if table_path else ()
        if self.CLASSIFIED in paths and not table:
            raise QgsProcessingException(self.tr(
                "The reclassified resistance needs a reclass table."))
        cutoff = parameters.get(self.R_CUTOFF)
        options = OmniscapeOptions(
            radius=self.parameterAsInt(parameters, self.RADIUS, context),
            block_size=self.parameterAsInt(parameters, self.BLOCK_SIZE, context),
            buffer=self.parameterAsInt(parameters, self.BUFFER, context),
            source_threshold=self.parameterAsDouble(parameters, self.SOURCE_THRESHOLD, context),
            source_from_resistance=from_resistance and source_layer is None,
            r_cutoff=math.inf if cutoff in (None, "") else
            self.parameterAsDouble(parameters, self.R_CUTOFF, context),
            resistance_is_conductance=self.parameterAsBoolean(
                parameters, self.RESISTANCE_IS_CONDUCTANCE, context),
            calc_flow_potential=self.FLOW_POTENTIAL in paths or self.NORMALIZED in paths,
            calc_normalized_current=self.NORMALIZED in paths,
            correct_artifacts=self.parameterAsBoolean(parameters, self.CORRECT_ARTIFACTS,
                                                      context),
            connect_four_neighbors_only=self.parameterAsBoolean(
                parameters, self.CONNECT_FOUR_NEIGHBORS_ONLY, context),
            solver=METHODS[self.parameterAsEnum(parameters, self.SOLVER, context)],
            reclassify_resistance=bool(table), reclass_table=table,
            **self._condition_options(parameters, context, conditions))
        workers = self.parameterAsInt(parameters, self.WORKERS, context)

        def log(template: str, **fields: Any) -> None:
            feedback.pushInfo(translate(template, "espcore").format(**fields))

        cells, extra, per_cell = self._memory(parameters, context, layers)
        if use_tiles(cells, "resistance", per_cell=per_cell, extra=extra):
            self._check_tile_memory(parameters, context, layers, options)
            done = self._compute_tiles(layers, options, paths, workers, context, feedback,
                                       log)
            feedback.setProgress(100)
            return done
        self._check_memory(parameters, context, layers)
        grids = read_aligned(layers)
        resistance = grids[self.tr("Resistance raster")]
        source = grids.get(self.tr("Source strength"))
        rasters = {name: np.where(grids[name].mask, np.nan, grids[name].values)
                   for name in conditions}
        maps = omniscape(resistance.values, ~resistance.mask,
                         source=None if source is None else source.values,
                         source_valid=None if source is None else ~source.mask,
                         options=options, executor=executor_for(workers or None, feedback),
                         **rasters,
                         progress=FeedbackProgress(feedback, 0, 95), log=log)
        done = {}
        for key, name in OUTPUTS:
            if key not in paths:
                continue
            values = maps[name]
            grid = resistance.like(values, mask=resistance.mask | (values == -9999.0))
            write_grid(grid, paths[key], description=name)
            if key == self.CLASSIFIED:
                StyleOnLoad.attach(context, paths[key], "resistance.qml")
            else:
                StyleOnLoad.attach(context, paths[key], "current.qml", stretch=True)
            done[key] = paths[key]
        feedback.setProgress(100)
        return done

    def _compute_tiles(self, layers: Dict[str, Any], options: OmniscapeOptions,
                       paths: Dict[str, str], workers: int, context: QgsProcessingContext,
                       feedback: QgsProcessingFeedback, log: Any) -> Dict[str, Any]:
        """The tiled route: workers read their windows of the input files; finished tiles
        wait beside the cumulative-current output until every output is written."""
        check_aligned({role: layer for role, (layer, _band) in layers.items()})
        files = {role: layer_file(layer, band) for role, (layer, band) in layers.items()}
        resistance = files[self.tr("Resistance raster")]
        transform = resistance.geotransform
        if transform[2] != 0 or transform[4] != 0:
            raise QgsProcessingException(self.tr(
                "Resistance raster '{name}' is rotated; warp it to a north-up grid "
                "first.").format(name=layers[self.tr("Resistance raster")][0].name()))
        conditions = {name: files[name] for name in layers if name.startswith("condition")}
        tiles = plan_tiles(resistance.shape, options)
        core = max(tile.rows[1] - tile.rows[0] for tile in tiles)
        # Parts of another tiling share tile numbers, not cells: the tile size is part of
        # the job.
        store = parts_folder(next(iter(paths.values())), files.values(),
                             {"omniscape": dataclasses.asdict(options), "tile": core})
        run = omniscape_tiles(resistance, source=files.get(self.tr("Source strength")),
                              options=options, store=store, conditions=conditions,
                              executor=executor_for(workers or None, feedback),
                              progress=FeedbackProgress(feedback, 0, 95), log=log)
        feedback.pushInfo(self.tr(
            "Omniscape ran in {n} tiles of up to {core} x {core} cells: {computed} computed "
            "now, {resumed} resumed from an earlier run.").format(
                n=len(tiles), core=core, computed=run.computed, resumed=run.resumed))
        outputs = {key: (paths[key], name) for key, name in OUTPUTS if key in paths}
        _write_tiled(store, tiles, resistance, options, outputs, feedback)
        store.remove()
        done = {}
        for key, (path, _name) in outputs.items():
            if key == self.CLASSIFIED:
                StyleOnLoad.attach(context, path, "resistance.qml")
            else:
                StyleOnLoad.attach(context, path, "current.qml", stretch=True)
            done[key] = path
        return done

    def _condition_layers(self, parameters: Dict[str, Any],
                          context: QgsProcessingContext) -> Dict[str, Any]:
        """{core argument name: (layer, band)} of the condition rasters given."""
        layers: Dict[str, Any] = {}
        for k in (1, 2):
            for suffix in ("", "_FUTURE"):
                key = "CONDITION{0}{1}".format(k, suffix)
                if parameters.get(key):
                    layers[key.lower()] = (self.parameterAsRasterLayer(parameters, key,
                                                                       context), 1)
            if ("condition{0}_future".format(k) in layers
                    and "condition{0}".format(k) not in layers):
                raise QgsProcessingException(self.tr(
                    "A future raster for condition {k} needs the present raster of condition "
                    "{k} too.").format(k=k))
        if "condition2" in layers and "condition1" not in layers:
            raise QgsProcessingException(self.tr(
                "Condition 2 needs condition 1: give the first condition raster first."))
        return layers

    def _condition_options(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                           layers: Dict[str, Any]) -> Dict[str, Any]:
        """The conditional-connectivity fields of OmniscapeOptions (none without rasters)."""
        if "condition1" not in layers:
            return {}
        futures = [k for k in (1, 2) if "condition{0}_future".format(k) in layers]
        options: Dict[str, Any] = dict(
            conditional=True, n_conditions=2 if "condition2" in layers else 1,
            compare_to_future={(): "none", (1,): "1", (2,): "2", (1, 2): "both"}[
                tuple(futures)])
        for k in (1, 2):
            options["comparison{0}".format(k)] = COMPARISONS[self.parameterAsEnum(
                parameters, "COMPARISON{0}".format(k), context)]
            for end in ("lower", "upper"):
                options["condition{0}_{1}".format(k, end)] = self.parameterAsDouble(
                    parameters, "CONDITION{0}_{1}".format(k, end.upper()), context)
        return options


def _write_tiled(store: PartStore, tiles: List[Tile], resistance: RasterFile,
                 options: OmniscapeOptions, outputs: Mapping[str, Tuple[str, str]],
                 feedback: QgsProcessingFeedback) -> None:
    """Write the outputs ``{key: (path, map name)}`` of a finished tiled run in one pass,
    band by band, as the whole route writes them: float32, -9999 (NoData of the resistance)
    and NaN as NoData; each under a temporary name, renamed when every band is written."""
    from osgeo import gdal

    targets: Dict[str, RasterFile] = {}

    def writer(target: RasterFile) -> Any:
        def write(top: int, band: np.ndarray) -> None:
            band = np.where((band == MAP_NODATA) | np.isnan(band), FLOAT_NODATA, band)
            write_window(target, top, 0, band.astype(np.float32))
        return write

    try:
        for key, (path, _name) in outputs.items():
            folder = os.path.dirname(os.path.abspath(path))
            os.makedirs(folder, exist_ok=True)
            partial = os.path.join(folder, ".{0}.{1}.part.tif".format(
                os.path.basename(path), uuid.uuid4().hex[:8]))
            targets[key] = create_like(partial, resistance, dtype="float32",
                                       nodata=FLOAT_NODATA)
        assemble_omniscape(store, tiles, resistance, options,
                           {name: writer(targets[key]) for key, (_path, name)
                            in outputs.items()},
                           progress=FeedbackProgress(feedback, 95, 100))
        for key, (path, name) in outputs.items():
            close(targets[key])
            dataset = gdal.Open(targets[key].path, gdal.GA_Update)
            dataset.GetRasterBand(1).SetDescription(name)
            dataset = None
            replace_raster(targets[key].path, path)
    except BaseException:
        for target in targets.values():
            close(target)
            if os.path.exists(target.path):
                os.remove(target.path)
        raise
