"""esp:pinchpoints: current through each corridor and the network (Pinchpoint Mapper)."""

import math
from typing import Any, Dict, List, Optional, Tuple

import numpy as np
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
)

from ...espcore.corridors.costdistance import SourceDistances
from ...espcore.corridors.pinchpoints import PinchResult, corridor_pinchpoints, network_pinchpoints
from ...espcore.grid import Grid
from ..base import EspAlgorithm, FeedbackProgress, StyleOnLoad
from ..io import surfaces
from ..io.classes import CLASSIFIED, add_class_parameters, write_classes
from ..io.links import (
    LINKS,
    PINCH_FIELDS,
    LinkTable,
    active_rows,
    add_links_parameter,
    fields_with,
    nullable,
    read_links,
    warn_cost_mismatch,
    with_values,
)
from ..io.raster import check_destination, check_output_path, write_grid
from ..io.sinks import open_sink, write_all
from ..io.sources import add_resistance_parameter, add_source_parameters, read_sources
from ..qgis_compat import NumberType, ParameterFlag, SourceType

#: MODE enum index -> network mode of espcore.corridors.pinchpoints (None: adjacent pairs only).
NETWORK_MODES = (None, "pairwise", "all-to-one")



class PinchPoints(EspAlgorithm):
    NAME = "pinchpoints"
    GROUP = "connectivity"

    CUTOFF = "CUTOFF"
    SQUARE = "SQUARE"
    MODE = "MODE"
    CONNECT_FOUR_NEIGHBORS_ONLY = "CONNECT_FOUR_NEIGHBORS_ONLY"
    CONNECT_USING_AVG_RESISTANCES = "CONNECT_USING_AVG_RESISTANCES"
    OUTPUT = "OUTPUT"
    NETWORK_OUTPUT = "NETWORK_OUTPUT"
    OUTPUT_LINKS = "OUTPUT_LINKS"

    def displayName(self) -> str:
        return self.tr("Pinch points (Pinchpoint Mapper)")

    def tags(self) -> List[str]:
        return self.tr("pinch point,pinchpoint,Pinchpoint Mapper,Linkage Mapper,Circuitscape,"
                       "circuit,current,corridor,bottleneck,effective resistance,"
                       "ecological node").split(",")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Finds the pinch points of the corridors: narrow places where movement "
            "between two sources has no alternative, so the current concentrates. This is "
            "Linkage Mapper's Pinchpoint Mapper on the Circuitscape engine of this plugin "
            "(same numbers).</p>"
            "<p>For every active link (A, B) of the links layer: the normalized least-cost "
            "corridor NLCC = CWD<sub>A</sub> + CWD<sub>B</sub> - LCD is computed and cut at "
            "the corridor width (cells with NLCC &le; width form the corridor); the "
            "resistance is kept inside the corridor only (optionally squared); 1 A flows "
            "from source A to source B (each shorted into one node, as Circuitscape's focal "
            "regions, 8 neighbours, average conductance). The current maps of all links, "
            "with the link's own two sources set to NoData, are combined by maximum into "
            "the adjacent-pairs pinch-point raster.</p>"
            "<p>Per link the effective resistance between A and B times the cell size is "
            "written as <b>Eff_Resist</b> (cost units, comparable with CW_Dist) and "
            "<b>cwd2EffR_r</b> = CW_Dist / Eff_Resist: near 1 for a one-cell-wide path, "
            "higher for wide corridors with many parallel routes (not written when "
            "resistances are squared). The cost distances used are computed here from the "
            "sources and the resistance raster.</p>"
            "<p>The network modes add one run on the union of all corridors plus every "
            "source, each source a focal region: all pairs (current summed over every pair "
            "of sources) or all to one (each source grounded in turn, every other source "
            "injecting 1 A); source cells are NoData.</p>"
            "<p>Inputs: the sources (polygons or an id raster), the resistance raster they "
            "were linked on (square cells, projected CRS; NoData = impassable) and the "
            "links of 'Linkage pathways'. Classes: the adjacent-pairs current graded into N "
            "classes; the top class is usually taken as the pinch points.</p>"
            "<p>References: McRae, B.H. (2012) Pinchpoint Mapper Connectivity Analysis "
            "Software. The Nature Conservancy, Seattle; McRae, B.H., Dickson, B.G., Keitt, "
            "T.H. &amp; Shah, V.B. (2008) Using circuit theory to model connectivity in "
            "ecology, evolution, and conservation. Ecology 89: 2712-2724.</p>")

    def initAlgorithm(self, config: Any = None) -> None:
        tr, add = self.tr, self.add_parameter
        add_source_parameters(self)
        add_resistance_parameter(self, tr("Give the raster the links were built on; its "
                                          "cells must be square."))
        add_links_parameter(self)
        add(QgsProcessingParameterNumber(self.CUTOFF, tr("Corridor width (cost units)"),
                                         NumberType.Double,
                                         defaultValue=10000.0, minValue=0.0),
            tr("Cost-weighted corridor width (Linkage Mapper's CWD cutoff): cells whose "
               "NLCC is at most this value form the corridor in which current flows. In "
               "the units of the cost distances (map units x resistance). Linkage Mapper's "
               "tutorials use 5,000-20,000; try a few widths and keep the one where the "
               "pinch points stop moving."))
        add(QgsProcessingParameterBoolean(self.SQUARE, tr("Square resistances"),
                                          defaultValue=False),
            tr("Square the resistances for the circuit runs only (the corridors use them as "
               "they are). Accentuates the difference between good and poor habitat; the "
               "ratio cwd2EffR_r is then left empty."))
        add(QgsProcessingParameterEnum(self.MODE, tr("Mode"),
                                       options=[tr("adjacent pairs"),
                                                tr("adjacent pairs and all pairs (network)"),
                                                tr("adjacent pairs and all to one (network)")],
                                       defaultValue=0),
            tr("Adjacent pairs: one circuit per link, confined to its corridor. The network "
               "modes add one circuit on all corridors together with every source, all "
               "pairs or all to one, written to the network current output."))
        four = QgsProcessingParameterBoolean(self.CONNECT_FOUR_NEIGHBORS_ONLY,
                                             tr("Connect four neighbours only"),
                                             defaultValue=False)
        four.setFlags(four.flags() | ParameterFlag.Advanced)
        add(four, tr("Circuitscape's connect_four_neighbors_only: no diagonal connections in "
                     "the circuits (the cost distances still use 8 neighbours, so a corridor "
                     "of diagonal steps may then not conduct)."))
        average = QgsProcessingParameterBoolean(self.CONNECT_USING_AVG_RESISTANCES,
                                                tr("Connect using average resistances"),
                                                defaultValue=False)
        average.setFlags(average.flags() | ParameterFlag.Advanced)
        add(average, tr("Circuitscape's connect_using_avg_resistances: a connection's "
                        "resistance is the mean of the two cells' resistances (default: the "
                        "mean of their conductances)."))
        add(QgsProcessingParameterRasterDestination(self.OUTPUT,
                                                    tr("Pinch points (adjacent pairs)")),
            tr("Current (A) for 1 A between the two sources of each link, the maximum over "
               "links; NoData outside every corridor and on the two sources of each link."))
        add(QgsProcessingParameterRasterDestination(self.NETWORK_OUTPUT,
                                                    tr("Network current"), optional=True,
                                                    createByDefault=True),
            tr("Written by the network modes only: cumulative current (A) over all pairs or "
               "all to one on the union of the corridors; NoData outside it and on source "
               "cells."))
        add(QgsProcessingParameterFeatureSink(self.OUTPUT_LINKS,
                                              tr("Links with effective resistance"),
                                              SourceType.VectorLine, optional=True,
                                              createByDefault=True),
            tr("Every feature of the links layer with its fields plus Eff_Resist (effective "
               "resistance x cell size, cost units) and cwd2EffR_r (CW_Dist / Eff_Resist); "
               "NULL on inactive links and links whose sources are not connected."))
        add_class_parameters(self, tr("pinch-point currents"))

    # ------------------------------------------------------------ run ------------------

    def compute(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        network_mode = NETWORK_MODES[self.parameterAsEnum(parameters, self.MODE, context)]
        paths = self._raster_paths(parameters, context, network_mode, feedback)
        table = read_links(self, parameters, context)
        grid, labels = read_sources(self, parameters, context, feedback)
        impassable = grid.mask.copy()
        active_rows(table, np.where(impassable, 0, labels))
        pairs = table.active_pairs()
        # With several workers, the links' sources are searched there first.
        with surfaces.prefetched(labels, grid.values, impassable=impassable,
                                 cell_size=grid.cell_size,
                                 sources=sorted({int(end) for pair in pairs for end in pair}),
                                 feedback=feedback,
                                 progress=FeedbackProgress(feedback, 0, 30)) as shared:
            start = 30 if shared.computed else 0
            distances = SourceDistances(labels, grid.values, impassable=impassable,
                                        cell_size=grid.cell_size, store=shared.store)
            options = dict(impassable=impassable, cell_size=grid.cell_size, pairs=pairs,
                           cutoff=self.parameterAsDouble(parameters, self.CUTOFF, context),
                           square=self.parameterAsBoolean(parameters, self.SQUARE, context),
                           four_neighbours=self.parameterAsBoolean(
                               parameters, self.CONNECT_FOUR_NEIGHBORS_ONLY, context),
                           average_resistance=self.parameterAsBoolean(
                               parameters, self.CONNECT_USING_AVG_RESISTANCES, context),
                           distances=distances)
            split = 60 if network_mode else 90
            result = corridor_pinchpoints(labels, grid.values,
                                          progress=FeedbackProgress(feedback, start, split),
                                          **options)
            network = None
            if network_mode:
                network = network_pinchpoints(labels, grid.values, mode=network_mode,
                                              progress=FeedbackProgress(feedback, split, 90),
                                              **options)
            del distances, options
        self._report(table, result, feedback)
        if not np.isfinite(result.current).any():
            raise QgsProcessingException(self.tr(
                "No current flows in any corridor: the sources of every active link are "
                "disconnected (NoData cells between them, or diagonal-only corridors with "
                "four neighbours). Check the resistance raster's NoData and the links."))
        # The natural breaks take seconds and may be cancelled: they come before any file.
        classified, _ = write_classes(self, parameters, context, self._current_grid(
            grid, result.current), self.tr("pinch-point current classes"),
            progress=FeedbackProgress(feedback, 90, 97))
        # Past this point every output is written, none half: no more cancellation.
        done = self._write_rasters(paths, grid, result.current, network, context)
        if classified:
            done[CLASSIFIED] = classified
        links_id = self._write_links(table, result, parameters, context)
        if links_id is not None:
            done[self.OUTPUT_LINKS] = links_id
        feedback.setProgress(100)
        return done

    def _raster_paths(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      network_mode: Optional[str],
                      feedback: QgsProcessingFeedback) -> Dict[str, str]:
        """Output paths, checked before any work."""
        paths = {self.OUTPUT: self.parameterAsOutputLayer(parameters, self.OUTPUT, context)}
        if network_mode:
            path = self.parameterAsOutputLayer(parameters, self.NETWORK_OUTPUT, context) \
                if parameters.get(self.NETWORK_OUTPUT) else ""
            if not path:
                raise QgsProcessingException(self.tr(
                    "The network modes write the network current: give a file (or a "
                    "temporary output) for 'Network current', or choose the mode 'adjacent "
                    "pairs'."))
            paths[self.NETWORK_OUTPUT] = path
        elif parameters.get(self.NETWORK_OUTPUT):
            feedback.pushInfo(self.tr("'Network current' is only written by the network "
                                      "modes; the mode 'adjacent pairs' skips it."))
        for path in paths.values():
            check_output_path(path)
        # The class raster's path is resolved once, when it is written (resolving a
        # temporary output twice gives two different files); a path given by the user is
        # checked now.
        check_destination(parameters.get(CLASSIFIED))
        return paths

    def _report(self, table: LinkTable, result: PinchResult,
                feedback: QgsProcessingFeedback) -> None:
        """Per-link numbers in the log; warnings for links without a result and for
        CW_Dist values that disagree with the cost distances found here."""
        active = np.flatnonzero(table.active)
        unconnected, nonconducting = [], []
        for k, row in enumerate(active):
            link_id = int(table.link_id[row])
            cost, eff = result.cost[k], result.effective_resistance[k]
            if not math.isfinite(cost):
                unconnected.append(link_id)
                continue
            if not math.isfinite(eff):
                nonconducting.append(link_id)
            if k < 50:
                feedback.pushInfo(self.tr(
                    "Link {id} ({a}-{b}): cost distance {cost:.6g}, Eff_Resist {eff:.6g}, "
                    "cwd2EffR_r {ratio:.4g}").format(
                        id=link_id, a=int(table.from_core[row]), b=int(table.to_core[row]),
                        cost=cost, eff=eff, ratio=result.ratio[k]))
        if unconnected:
            feedback.pushWarning(self.tr(
                "Links {ids}: their sources are not connected through passable cells; they "
                "get no current and NULL values.").format(ids=self._ids(unconnected)))
        if nonconducting:
            feedback.pushWarning(self.tr(
                "Links {ids}: no current flows between their sources inside the corridor "
                "(with four neighbours only, a corridor of diagonal steps does not conduct); "
                "widen the corridor or use eight neighbours.").format(
                    ids=self._ids(nonconducting)))
        warn_cost_mismatch(feedback, table, active, result.cost)

    @staticmethod
    def _ids(ids: List[int]) -> str:
        return ", ".join(str(i) for i in ids[:20]) + (" ..." if len(ids) > 20 else "")

    @staticmethod
    def _current_grid(grid: Grid, current: np.ndarray) -> Grid:
        return grid.like(current, mask=~np.isfinite(current))

    def _write_rasters(self, paths: Dict[str, str], grid: Grid, current: np.ndarray,
                       network: Optional[np.ndarray],
                       context: QgsProcessingContext) -> Dict[str, Any]:
        done: Dict[str, Any] = {}
        for key, values, name in ((self.OUTPUT, current, "current_adjacentPairs"),
                                  (self.NETWORK_OUTPUT, network, "current_network")):
            if values is None or key not in paths:
                continue
            write_grid(self._current_grid(grid, values), paths[key], description=name)
            StyleOnLoad.attach(context, paths[key], "current.qml", stretch=True)
            done[key] = paths[key]
        return done

    def _write_links(self, table: LinkTable, result: PinchResult,
                     parameters: Dict[str, Any],
                     context: QgsProcessingContext) -> Optional[str]:
        """Every input link with Eff_Resist and cwd2EffR_r (NULL where there is none)."""
        if not parameters.get(self.OUTPUT_LINKS):
            return None
        links = self.parameterAsSource(parameters, LINKS, context)
        fields, indexes = fields_with(links.fields(), PINCH_FIELDS)
        sink, sink_id = open_sink(self, parameters, self.OUTPUT_LINKS, context, fields,
                                  links.wkbType(), links.sourceCrs())
        values: List[Tuple[Optional[float], Optional[float]]] = \
            [(None, None)] * len(table.features)
        for k, row in enumerate(np.flatnonzero(table.active)):
            values[row] = (nullable(result.effective_resistance[k]), nullable(result.ratio[k]))
        write_all(sink, [with_values(feature, fields, indexes, pair)
                         for feature, pair in zip(table.features, values)])
        return sink_id
