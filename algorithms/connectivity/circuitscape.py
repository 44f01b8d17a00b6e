"""esp:circuitscape: Circuitscape's raster modes on QGIS layers."""

import os
from typing import Any, Dict, List, Optional

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFields,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterBand,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
)

from ...espcore.circuits.circuit import MAP_NODATA, POLICIES, MapOptions, pair_resistances
from ...espcore.circuits.csini import parse_included_pairs, parse_strengths
from ...espcore.circuits.csjob import mask_conductances, region_ids, run_raster
from ...espcore.circuits.focal import FocalNodes
from ...espcore.circuits.graph import EXTREME_RATIO, conductances, range_ratio
from ...espcore.circuits.solvers import METHODS, choose_method
from ...espcore.grid import Grid
from ...espcore.memory import PER_CELL, check_memory
from ..base import EspAlgorithm, FeedbackProgress, StyleOnLoad, translate
from ..engine import executor_for
from ..io.csfiles import format_table, read_text, write_outputs
from ..io.focal import focal_from_features
from ..io.raster import check_cells_memory, check_output_path, read_aligned, write_grid
from ..io.sinks import open_sink, write_all
from ..qgis_compat import (
    FieldDataType,
    NumberType,
    ParameterFlag,
    SourceType,
    WkbType,
    double_field,
    long_field,
)

SCENARIOS = ("pairwise", "one-to-all", "all-to-one", "advanced")


class Circuitscape(EspAlgorithm):
    NAME = "circuitscape"
    GROUP = "connectivity"

    INPUT = "INPUT"
    BAND = "BAND"
    HABITAT_MAP_IS_RESISTANCES = "HABITAT_MAP_IS_RESISTANCES"
    SCENARIO = "SCENARIO"
    FOCAL_NODES = "FOCAL_NODES"
    FOCAL_FEATURES = "FOCAL_FEATURES"
    FOCAL_ID_FIELD = "FOCAL_ID_FIELD"
    POLYGON_FILE = "POLYGON_FILE"
    MASK_FILE = "MASK_FILE"
    SOURCE_FILE = "SOURCE_FILE"
    GROUND_FILE = "GROUND_FILE"
    GROUND_FILE_IS_RESISTANCES = "GROUND_FILE_IS_RESISTANCES"
    USE_UNIT_CURRENTS = "USE_UNIT_CURRENTS"
    USE_DIRECT_GROUNDS = "USE_DIRECT_GROUNDS"
    REMOVE_SRC_OR_GND = "REMOVE_SRC_OR_GND"
    INCLUDED_PAIRS_FILE = "INCLUDED_PAIRS_FILE"
    VARIABLE_SOURCE_FILE = "VARIABLE_SOURCE_FILE"
    CONNECT_FOUR_NEIGHBORS_ONLY = "CONNECT_FOUR_NEIGHBORS_ONLY"
    CONNECT_USING_AVG_RESISTANCES = "CONNECT_USING_AVG_RESISTANCES"
    SOLVER = "SOLVER"
    WORKERS = "WORKERS"
    LOG_TRANSFORM_MAPS = "LOG_TRANSFORM_MAPS"
    WRITE_CUR_MAPS = "WRITE_CUR_MAPS"
    WRITE_VOLT_MAPS = "WRITE_VOLT_MAPS"
    CUMULATIVE = "CUMULATIVE"
    MAX_CURRENT = "MAX_CURRENT"
    VOLTAGE = "VOLTAGE"
    RESISTANCE_MATRIX = "RESISTANCE_MATRIX"
    RESISTANCE_TABLE = "RESISTANCE_TABLE"
    MAPS_FOLDER = "MAPS_FOLDER"

    def displayName(self) -> str:
        return self.tr("Circuit connectivity (Circuitscape)")

    def tags(self) -> List[str]:
        return ["circuitscape", "circuit", "current", "resistance distance", "corridor",
                "pairwise", "one-to-all", "all-to-one", "advanced", "connectivity"]

    def shortHelpString(self) -> str:
        return self.tr(
            "Treats the landscape as an electrical circuit (Circuitscape 5 semantics, same "
            "numbers) and computes effective resistances between focal nodes and the current "
            "that flows through every cell.\n"
            "Input: a resistance raster (or conductances); cells with NoData are barriers; "
            "zero or negative resistances are refused (use short-circuit regions for cells "
            "that should conduct freely). All rasters must share one grid.\n"
            "Focal nodes: a raster of integer ids, a point layer with an id field (one cell "
            "per point), or a polygon layer (each polygon a focal region).\n"
            "Modes: pairwise (every pair), one-to-all, all-to-one (focal nodes), advanced "
            "(source and ground rasters).\n"
            "Outputs: cumulative current (A, the sum over all pairs or focal nodes), maximum "
            "current, voltage (advanced), the resistance matrix in Circuitscape's layout "
            "(ohm; -1 = not connected) and as a table, and on request every pair's current "
            "and voltage map in a folder, named as Circuitscape names them.\n"
            "Reference: McRae, B.H. et al. (2008) Using circuit theory to model connectivity "
            "in ecology, evolution, and conservation. Ecology 89: 2712-2724.")

    def initAlgorithm(self, config: Any = None) -> None:
        tr = self.tr
        add = self.add_parameter
        add(QgsProcessingParameterRasterLayer(self.INPUT, tr("Resistance raster")),
            tr("Cost of movement per cell (habitat_file). NoData and infinite values are "
               "barriers."))
        add(QgsProcessingParameterBand(self.BAND, tr("Band"), 1, self.INPUT, optional=True),
            tr("Band of the resistance raster (default 1)."))
        add(QgsProcessingParameterBoolean(self.HABITAT_MAP_IS_RESISTANCES,
                                          tr("Values are resistances"), defaultValue=True),
            tr("habitat_map_is_resistances: unchecked means the raster holds conductances."))
        add(QgsProcessingParameterEnum(self.SCENARIO, tr("Mode (scenario)"),
                                       options=[tr("pairwise"), tr("one-to-all"),
                                                tr("all-to-one"), tr("advanced")],
                                       defaultValue=0),
            tr("pairwise: current between every pair of focal nodes; one-to-all: 1 A into "
               "each focal node in turn, all others grounded; all-to-one: 1 A from every "
               "other node into each focal node in turn; advanced: source and ground rasters."))
        add(QgsProcessingParameterRasterLayer(self.FOCAL_NODES, tr("Focal nodes (raster of ids)"),
                                              optional=True),
            tr("point_file as a raster: cells with a positive integer id are focal nodes; an "
               "id on several cells is a focal region."))
        add(QgsProcessingParameterFeatureSource(
                self.FOCAL_FEATURES, tr("Focal nodes (points or polygons)"),
                [SourceType.VectorPoint, SourceType.VectorPolygon],
                optional=True),
            tr("Points: each point is a focal node in the cell that holds it. Polygons: each "
               "polygon is a focal region (cells whose centre lies inside). Reprojected to the "
               "raster's CRS."))
        add(QgsProcessingParameterField(self.FOCAL_ID_FIELD, tr("Focal id field"),
                                        parentLayerParameterName=self.FOCAL_FEATURES,
                                        type=FieldDataType.Numeric,
                                        optional=True),
            tr("Positive integer id of each focal feature; features sharing an id form one "
               "focal node. Empty: the feature number (1, 2, ...)."))
        add(QgsProcessingParameterRasterLayer(self.POLYGON_FILE,
                                              tr("Short-circuit regions"), optional=True),
            tr("polygon_file: cells with the same positive id are joined into one node of zero "
               "resistance (e.g. a lake or a protected area treated as one habitat)."))
        add(QgsProcessingParameterRasterLayer(self.MASK_FILE, tr("Mask"), optional=True),
            tr("mask_file: cells where the mask is NoData or <= 0 are removed."))
        add(QgsProcessingParameterRasterLayer(self.SOURCE_FILE, tr("Current sources (advanced)"),
                                              optional=True),
            tr("source_file: current injected per cell (A), advanced mode."))
        add(QgsProcessingParameterRasterLayer(self.GROUND_FILE, tr("Grounds (advanced)"),
                                              optional=True),
            tr("ground_file: resistance (or conductance) to ground per cell; 0 resistance is "
               "a direct ground. NoData: no ground."))
        add(QgsProcessingParameterBoolean(self.GROUND_FILE_IS_RESISTANCES,
                                          tr("Ground values are resistances"),
                                          defaultValue=True),
            tr("ground_file_is_resistances: unchecked means ground values are conductances."))
        add(QgsProcessingParameterBoolean(self.USE_UNIT_CURRENTS, tr("Unit currents"),
                                          defaultValue=False),
            tr("use_unit_currents: every nonzero source injects 1 A."))
        add(QgsProcessingParameterBoolean(self.USE_DIRECT_GROUNDS, tr("Direct grounds"),
                                          defaultValue=False),
            tr("use_direct_grounds: every ground connects with zero resistance."))
        add(QgsProcessingParameterEnum(self.REMOVE_SRC_OR_GND,
                                       tr("Where a source and a ground coincide"),
                                       options=[tr("keep both"), tr("remove the source"),
                                                tr("remove the ground"), tr("remove both")],
                                       defaultValue=0),
            tr("remove_src_or_gnd (keepall, rmvsrc, rmvgnd, rmvall)."))
        add(QgsProcessingParameterFile(self.INCLUDED_PAIRS_FILE, tr("Included pairs file"),
                                       optional=True),
            tr("included_pairs_file in Circuitscape's format (mode include/exclude + id "
               "pairs, or the min/max matrix). Only these pairs are solved; in pairwise mode "
               "the others get -1 in the resistance matrix."))
        add(QgsProcessingParameterFile(self.VARIABLE_SOURCE_FILE,
                                       tr("Variable source strengths"), optional=True),
            tr("variable_source_file: 'id strength' lines (one-to-all and all-to-one)."))
        add(QgsProcessingParameterBoolean(self.CONNECT_FOUR_NEIGHBORS_ONLY,
                                          tr("Connect four neighbours only"),
                                          defaultValue=False),
            tr("connect_four_neighbors_only: no diagonal connections."))
        add(QgsProcessingParameterBoolean(self.CONNECT_USING_AVG_RESISTANCES,
                                          tr("Connect using average resistances"),
                                          defaultValue=False),
            tr("connect_using_avg_resistances: a link's resistance is the mean of the two "
               "cells' resistances (default: the mean of their conductances)."))
        add(QgsProcessingParameterEnum(self.SOLVER, tr("Solver"),
                                       options=[tr("auto (by memory and work)"), "CHOLMOD",
                                                "SuperLU", tr("AMG-preconditioned CG")],
                                       defaultValue=0),
            tr("All give the same numbers (AMG-CG to about 1e-7). auto estimates the memory "
               "of a CHOLMOD factor against the memory available and the time of both for "
               "the number of focal nodes: it factorises while the factor fits (about 20 "
               "million cells in 24 GB when a third are NoData) and takes AMG-CG, whose "
               "memory grows linearly, beyond; the log shows both estimates."))
        workers = add(QgsProcessingParameterNumber(self.WORKERS, tr("Worker processes"),
                                                   NumberType.Integer, defaultValue=1,
                                                   minValue=0, maxValue=256),
                      tr("Pairwise mode: the pairs (and focal-region pairs) are solved in this "
                         "many workers, local processes or a Dask cluster as the provider's "
                         "engine setting says (Settings > Options > Processing > Providers > "
                         "ESP Toolkit); 0 takes the provider's worker count. 1 (the default) "
                         "solves in this process: every worker factorises the whole grid, so "
                         "each needs the memory of a serial run. The numbers are the same "
                         "either way."))
        workers.setFlags(workers.flags() | ParameterFlag.Advanced)
        add(QgsProcessingParameterBoolean(self.LOG_TRANSFORM_MAPS, tr("Log-transform maps"),
                                          defaultValue=False),
            tr("log_transform_maps: write log10 of currents (before accumulation, as "
               "Circuitscape does)."))
        add(QgsProcessingParameterBoolean(self.WRITE_CUR_MAPS, tr("Per-pair current maps"),
                                          defaultValue=False),
            tr("write_cur_maps: one current map per pair or focal node, into the maps folder."))
        add(QgsProcessingParameterBoolean(self.WRITE_VOLT_MAPS, tr("Per-pair voltage maps"),
                                          defaultValue=False),
            tr("write_volt_maps: one voltage map per pair or focal node, into the maps "
               "folder."))
        add(QgsProcessingParameterRasterDestination(self.CUMULATIVE, tr("Cumulative current"),
                                                    optional=True),
            tr("Sum of the current over all pairs / focal nodes (A)."))
        add(QgsProcessingParameterRasterDestination(self.MAX_CURRENT, tr("Maximum current"),
                                                    optional=True, createByDefault=False),
            tr("Cell-wise maximum current over all pairs / focal nodes (A)."))
        add(QgsProcessingParameterRasterDestination(self.VOLTAGE, tr("Voltage (advanced)"),
                                                    optional=True, createByDefault=False),
            tr("Potential of every cell (V), advanced mode."))
        add(QgsProcessingParameterFileDestination(self.RESISTANCE_MATRIX,
                                                  tr("Resistance matrix"),
                                                  fileFilter=tr("Circuitscape matrix (*.out)"),
                                                  optional=True, createByDefault=False),
            tr("Effective resistances in Circuitscape's layout: header row '0 ids', header "
               "column ids, -1 for pairs that are not connected or not in the included "
               "pairs."))
        add(QgsProcessingParameterFeatureSink(self.RESISTANCE_TABLE, tr("Resistances"),
                                              SourceType.Vector, optional=True,
                                              createByDefault=False),
            tr("One row per pair: from_id, to_id, resistance (ohm; -1 not connected or not "
               "in the included pairs)."))
        add(QgsProcessingParameterFolderDestination(self.MAPS_FOLDER, tr("Per-pair maps folder"),
                                                    optional=True, createByDefault=False),
            tr("Folder for per-pair / per-node maps (curmap_<id>_<id>.tif, voltmap_...)."))

    def _raster(self, parameters: Dict[str, Any], key: str,
                context: QgsProcessingContext) -> Any:
        return self.parameterAsRasterLayer(parameters, key, context) \
            if parameters.get(key) else None

    def compute(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        scenario = SCENARIOS[self.parameterAsEnum(parameters, self.SCENARIO, context)]
        habitat = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        band = self.parameterAsInt(parameters, self.BAND, context) or 1
        layers = {self.tr("Resistance raster"): (habitat, band)}
        extra = {self.POLYGON_FILE: self.tr("Short-circuit regions"),
                 self.MASK_FILE: self.tr("Mask"), self.FOCAL_NODES: self.tr("Focal nodes"),
                 self.SOURCE_FILE: self.tr("Current sources"),
                 self.GROUND_FILE: self.tr("Grounds")}
        roles = {}
        for key, role in extra.items():
            layer = self._raster(parameters, key, context)
            if layer is not None:
                layers[role] = (layer, 1)
                roles[key] = role
        outputs = self._outputs(parameters, context)
        cells = float(habitat.width()) * float(habitat.height())
        check_cells_memory(cells, "read", self.tr("Circuitscape"), per_cell=8.0 * len(layers))
        grids = read_aligned(layers)
        resistance = grids[self.tr("Resistance raster")]
        is_resistance = self.parameterAsBoolean(parameters, self.HABITAT_MAP_IS_RESISTANCES,
                                                context)
        g = conductances(resistance.values, ~resistance.mask, is_resistance=is_resistance)
        self._check_solver_memory(int(np.count_nonzero(g)), parameters, context)
        self._warn_range(resistance, is_resistance, feedback)
        if self.MASK_FILE in roles:
            mask = grids[roles[self.MASK_FILE]]
            g = mask_conductances(g, mask.values, ~mask.mask)
        regions = None
        if self.POLYGON_FILE in roles:
            poly = grids[roles[self.POLYGON_FILE]]
            regions = region_ids(poly.values, ~poly.mask)
        kwargs: Dict[str, Any] = {}
        if scenario == "advanced":
            kwargs = self._advanced_inputs(parameters, context, grids, roles)
        else:
            kwargs["focal"] = self._focal(parameters, context, grids, roles, resistance,
                                          feedback)
            kwargs.update(self._lists(parameters, context, scenario))
        maps = MapOptions(
            current_maps=bool(outputs[self.CUMULATIVE] or outputs[self.MAX_CURRENT]
                              or self._wants_pair_maps(parameters, context, outputs, True)),
            cumulative_only=not self._wants_pair_maps(parameters, context, outputs, True),
            max_map=bool(outputs[self.MAX_CURRENT]),
            voltage_maps=bool(outputs[self.VOLTAGE]) or self._wants_pair_maps(
                parameters, context, outputs, False),
            log_transform=self.parameterAsBoolean(parameters, self.LOG_TRANSFORM_MAPS, context))

        def log(template: str, **fields: Any) -> None:
            feedback.pushInfo(translate(template, "espcore").format(**fields))

        method = METHODS[self.parameterAsEnum(parameters, self.SOLVER, context)]
        workers = self.parameterAsInt(parameters, self.WORKERS, context)
        executor = None if workers == 1 else executor_for(workers or None, feedback)
        result = run_raster(
            scenario, g, regions=regions, maps=maps, method=method, log=log, executor=executor,
            progress=FeedbackProgress(feedback, 0, 90),
            four_neighbours=self.parameterAsBoolean(parameters,
                                                    self.CONNECT_FOUR_NEIGHBORS_ONLY, context),
            average_resistance=self.parameterAsBoolean(
                parameters, self.CONNECT_USING_AVG_RESISTANCES, context), **kwargs)
        return self._write(result, resistance, scenario, outputs, parameters, context,
                           feedback)

    def _check_solver_memory(self, unknowns: int, parameters: Dict[str, Any],
                             context: QgsProcessingContext) -> None:
        """Refuse a solve that would not fit, once the rasters are read: the solver's memory
        grows with the cells that conduct (the unknowns), not with the NoData cells around a
        province, and the memory now available already holds the rasters."""
        method = choose_method(unknowns, METHODS[self.parameterAsEnum(parameters, self.SOLVER,
                                                                      context)])
        operation = "circuit_iterative" if method == "amg" else "circuit_direct"
        check_memory(PER_CELL[operation] * unknowns,
                     what=self.tr("Circuitscape on {cells:,.0f} cells with data").format(
                         cells=unknowns),
                     advice=self.tr("Use coarser cells or a smaller extent, or the AMG-CG "
                                    "solver, which needs less memory than a direct "
                                    "factorisation."))

    def _outputs(self, parameters: Dict[str, Any],
                 context: QgsProcessingContext) -> Dict[str, Optional[str]]:
        outputs: Dict[str, Optional[str]] = {}
        for key in (self.CUMULATIVE, self.MAX_CURRENT, self.VOLTAGE):
            path = self.parameterAsOutputLayer(parameters, key, context) \
                if parameters.get(key) else None
            if path:
                check_output_path(path)
            outputs[key] = path or None
        outputs[self.RESISTANCE_MATRIX] = self.parameterAsFileOutput(
            parameters, self.RESISTANCE_MATRIX, context) if parameters.get(
                self.RESISTANCE_MATRIX) else None
        outputs[self.MAPS_FOLDER] = self.parameterAsString(
            parameters, self.MAPS_FOLDER, context) if parameters.get(self.MAPS_FOLDER) else None
        return outputs

    def _wants_pair_maps(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                         outputs: Dict[str, Optional[str]], currents: bool) -> bool:
        key = self.WRITE_CUR_MAPS if currents else self.WRITE_VOLT_MAPS
        return bool(outputs[self.MAPS_FOLDER]) and self.parameterAsBoolean(parameters, key,
                                                                           context)

    def _warn_range(self, resistance: Grid, is_resistance: bool,
                    feedback: QgsProcessingFeedback) -> None:
        ratio = range_ratio(resistance.values, ~resistance.mask)
        if ratio > EXTREME_RATIO:
            feedback.pushWarning(self.tr(
                "The {what} range is extreme: the largest value is {ratio:.1e} times the "
                "smallest. Results stay exact with the direct solvers, but AMG-CG may converge "
                "slowly; consider capping very high resistances or making them NoData.").format(
                    what=self.tr("resistance") if is_resistance else self.tr("conductance"),
                    ratio=ratio))

    def _focal(self, parameters: Dict[str, Any], context: QgsProcessingContext,
               grids: Dict[str, Grid], roles: Dict[str, str], resistance: Grid,
               feedback: QgsProcessingFeedback) -> FocalNodes:
        source = self.parameterAsSource(parameters, self.FOCAL_FEATURES, context) \
            if parameters.get(self.FOCAL_FEATURES) else None
        if self.FOCAL_NODES in roles and source is not None:
            raise QgsProcessingException(self.tr(
                "Give focal nodes either as a raster or as a vector layer, not both."))
        if self.FOCAL_NODES in roles:
            ids = grids[roles[self.FOCAL_NODES]]
            focal = FocalNodes.from_raster(ids.values, ~ids.mask)
        elif source is not None:
            field = self.parameterAsString(parameters, self.FOCAL_ID_FIELD, context)
            focal = focal_from_features(source, field, resistance, context.transformContext())
        else:
            raise QgsProcessingException(self.tr(
                "This mode needs focal nodes: a raster of ids or a point/polygon layer."))
        node_ids = focal.unique_ids
        if len(node_ids) < 2:
            raise QgsProcessingException(self.tr(
                "The focal nodes give {count} node(s) on the resistance grid ({ids}); this "
                "mode needs at least two. Check that the layer or raster holds two or more "
                "ids inside the extent of the resistance raster.").format(
                    count=len(node_ids),
                    ids=", ".join(str(int(i)) for i in node_ids) or self.tr("none")))
        on_nodata = [int(pid) for pid in focal.ids_only_on(resistance.mask)]
        if len(node_ids) - len(on_nodata) < 2:
            raise QgsProcessingException(self.tr(
                "Fewer than two focal nodes lie on habitat: {ids} lie only on NoData cells of "
                "the resistance raster. Move them onto cells with a resistance.").format(
                    ids=", ".join(str(i) for i in on_nodata[:20]) or "-"))
        if on_nodata:
            feedback.pushWarning(self.tr(
                "Focal node(s) {ids} lie only on NoData cells; as in Circuitscape their "
                "resistances are -1 and they carry no current.").format(
                    ids=", ".join(str(i) for i in on_nodata[:20])))
        return focal

    def _lists(self, parameters: Dict[str, Any], context: QgsProcessingContext,
               scenario: str) -> Dict[str, Any]:
        out: Dict[str, Any] = {}
        pairs = self.parameterAsFile(parameters, self.INCLUDED_PAIRS_FILE, context)
        if pairs:
            out["included"] = parse_included_pairs(read_text(pairs))
        strengths = self.parameterAsFile(parameters, self.VARIABLE_SOURCE_FILE, context)
        if strengths and scenario != "pairwise":
            out["strengths"] = parse_strengths(read_text(strengths))
        return out

    def _advanced_inputs(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                         grids: Dict[str, Grid], roles: Dict[str, str]) -> Dict[str, Any]:
        if self.SOURCE_FILE not in roles or self.GROUND_FILE not in roles:
            raise QgsProcessingException(self.tr(
                "Advanced mode needs a current source raster and a ground raster."))
        sources = grids[roles[self.SOURCE_FILE]]
        grounds = grids[roles[self.GROUND_FILE]]
        return dict(
            sources=sources.filled(0.0, np.float64), grounds=grounds.filled(0.0, np.float64),
            ground_valid=~grounds.mask,
            grounds_are_resistances=self.parameterAsBoolean(
                parameters, self.GROUND_FILE_IS_RESISTANCES, context),
            unit_currents=self.parameterAsBoolean(parameters, self.USE_UNIT_CURRENTS, context),
            direct_grounds=self.parameterAsBoolean(parameters, self.USE_DIRECT_GROUNDS,
                                                   context),
            policy=POLICIES[self.parameterAsEnum(parameters, self.REMOVE_SRC_OR_GND, context)])

    def _write(self, result: Any, resistance: Grid, scenario: str,
               outputs: Dict[str, Optional[str]], parameters: Dict[str, Any],
               context: QgsProcessingContext,
               feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        done: Dict[str, Any] = {}
        named = {self.CUMULATIVE: "cum_curmap", self.MAX_CURRENT: "max_curmap",
                 self.VOLTAGE: "voltmap"}
        for key, name in named.items():
            path = outputs[key]
            if not path or name not in result.maps:
                continue
            values = result.maps[name]
            # Circuitscape writes 0 on barriers; a GeoTIFF for QGIS shows them as NoData.
            grid = resistance.like(values, mask=(values <= MAP_NODATA) | resistance.mask)
            write_grid(grid, path, description=name)
            StyleOnLoad.attach(context, path, "voltage.qml" if key == self.VOLTAGE
                               else "current.qml", stretch=True)
            done[key] = path
        if result.resistances is not None:
            path = outputs[self.RESISTANCE_MATRIX]
            if path:
                with open(path, "w") as handle:
                    handle.write(format_table(result.resistances))
                done[self.RESISTANCE_MATRIX] = path
            if parameters.get(self.RESISTANCE_TABLE):
                done[self.RESISTANCE_TABLE] = self._table(result.resistances, scenario,
                                                          parameters, context)
        folder = outputs[self.MAPS_FOLDER]
        if folder:
            pair_maps = {k: v for k, v in result.maps.items()
                         if k.startswith(("curmap_", "voltmap_"))}
            from ...espcore.circuits.circuit import CircuitResult

            written = write_outputs(CircuitResult(maps=pair_maps),
                                    os.path.join(folder, "circuitscape"),
                                    scenario=scenario, geotransform=resistance.geotransform,
                                    crs_wkt=resistance.crs, as_tif=True)
            feedback.pushInfo(self.tr("Wrote {count} maps to {folder}").format(
                count=len(written), folder=outputs[self.MAPS_FOLDER]))
            done[self.MAPS_FOLDER] = outputs[self.MAPS_FOLDER]
        feedback.setProgress(100)
        return done

    def _table(self, resistances: np.ndarray, scenario: str, parameters: Dict[str, Any],
               context: QgsProcessingContext) -> str:
        fields = QgsFields()
        fields.append(long_field("from_id"))
        if scenario == "pairwise":
            fields.append(long_field("to_id"))
        fields.append(double_field("resistance"))
        sink, dest = open_sink(self, parameters, self.RESISTANCE_TABLE, context, fields,
                               WkbType.NoGeometry, QgsCoordinateReferenceSystem())
        if scenario == "pairwise":
            rows: List[tuple] = [(int(a), int(b), float(r))
                                 for a, b, r in pair_resistances(resistances)]
        else:
            rows = [(int(row[0]), float(row[1])) for row in resistances]
        features = []
        for row in rows:
            feature = QgsFeature(fields)
            feature.setAttributes(list(row))
            features.append(feature)
        write_all(sink, features)
        return dest

