"""esp:omniscape: Omniscape's moving-window circuit connectivity on a resistance raster."""

import math
from typing import Any, Dict, List

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

from ...espcore.circuits.omniscape import OmniscapeOptions, omniscape, parse_reclass_table
from ...espcore.circuits.solvers import METHODS
from ...espcore.memory import window_estimate
from ..base import EspAlgorithm, FeedbackProgress, StyleOnLoad, translate
from ..engine import executor_for
from ..io.csfiles import read_text
from ..io.raster import check_grid_memory, check_output_path, read_aligned, write_grid
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
                                         NumberType.Integer, defaultValue=1,
                                         minValue=0),
            tr("1 solves the windows in this process; more start that many worker processes; "
               "0 uses one per CPU core."))
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

    def _check_memory(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      layers: Dict[str, Any]) -> None:
        """The grids, and the windows solved at once: a radius far beyond the raster asks
        for windows (and an artifact-correction window) larger than the raster itself."""
        layer = next(iter(layers.values()))[0]
        reach = (self.parameterAsInt(parameters, self.RADIUS, context)
                 + self.parameterAsInt(parameters, self.BUFFER, context))
        extra = window_estimate(
            reach, 0.0, max(self.parameterAsInt(parameters, self.WORKERS, context), 1),
            correction=self.parameterAsBoolean(parameters, self.CORRECT_ARTIFACTS, context),
            grid_cells=float(layer.width()) * layer.height())
        check_grid_memory(layer, "resistance", self.tr("Omniscape"), extra=extra,
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
        self._check_memory(parameters, context, layers)
        grids = read_aligned(layers)
        resistance = grids[self.tr("Resistance raster")]
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
        source = grids.get(self.tr("Source strength"))
        rasters = {name: np.where(grids[name].mask, np.nan, grids[name].values)
                   for name in conditions}
        workers = self.parameterAsInt(parameters, self.WORKERS, context)

        def log(template: str, **fields: Any) -> None:
            feedback.pushInfo(translate(template, "espcore").format(**fields))

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
