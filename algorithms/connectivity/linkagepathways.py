"""esp:linkagepathways: sources + resistance -> corridor links (least-cost paths) and the
normalized least-cost corridor raster, as Linkage Mapper's Build Network and Map Linkages."""

import math
from typing import Any, Dict, List

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
)

from ...espcore.corridors.corridors import (
    ADJACENCY,
    LINK_TYPES,
    NEAREST_BY,
    CorridorLink,
    linkage_pathways,
)
from ...espcore.corridors.costdistance import path_vertices
from ...espcore.corridors.surfacetasks import pathways_limit
from ...espcore.grid import Grid
from ..base import EspAlgorithm, FeedbackProgress, StyleOnLoad
from ..io import surfaces
from ..io.links import LINK_FIELDS, fields_of, nullable
from ..io.raster import check_cells_memory, check_output_path, write_grid
from ..io.sinks import open_sink, write_all
from ..io.sources import add_resistance_parameter, add_source_parameters, read_sources
from ..qgis_compat import NumberType, ParameterFlag, SourceType, WkbType


def link_geometry(cells: np.ndarray, grid: Grid) -> QgsGeometry:
    """The path of cells as a line through their centres, keeping only the turning points."""
    vertices = path_vertices(cells, grid.geotransform)
    if vertices.shape[0] < 2:
        return QgsGeometry()
    return QgsGeometry.fromPolylineXY([QgsPointXY(x, y) for x, y in vertices.tolist()])



def link_attributes(link: CorridorLink) -> List[Any]:
    """Values in LINK_FIELDS order; unknown distances and ratios are NULL."""
    return [link.link_id, int(link.active), link.link_type, LINK_TYPES[link.link_type],
            link.from_id, link.to_id, nullable(link.euclidean), nullable(link.cost),
            nullable(link.path_length), nullable(link.cost_to_euclidean),
            nullable(link.cost_to_path)]


class LinkagePathways(EspAlgorithm):
    NAME = "linkagepathways"
    GROUP = "connectivity"

    ADJACENCY = "ADJACENCY"
    MAX_EUCLIDEAN = "MAX_EUCLIDEAN"
    MAX_COST = "MAX_COST"
    MIN_EUCLIDEAN = "MIN_EUCLIDEAN"
    MIN_COST = "MIN_COST"
    NEAREST = "NEAREST"
    NEAREST_BY = "NEAREST_BY"
    CONSTELLATIONS = "CONSTELLATIONS"
    DROP_INTERMEDIATE = "DROP_INTERMEDIATE"
    TRUNCATE = "TRUNCATE"
    OUTPUT = "OUTPUT"
    CORRIDORS = "CORRIDORS"
    CORRIDORS_UNTRUNCATED = "CORRIDORS_UNTRUNCATED"
    CWD = "CWD"
    LINK_COUNT = "LINK_COUNT"
    ACTIVE_COUNT = "ACTIVE_COUNT"

    def displayName(self) -> str:
        return self.tr("Linkage pathways (least-cost corridors)")

    def tags(self) -> List[str]:
        return self.tr("corridor,least-cost path,LCP,MCR,minimum cumulative resistance,Linkage "
                       "Mapper,cost distance,CWD,NLCC,network").split(",")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Maps the corridors between ecological sources over a resistance surface, "
            "step by step as Linkage Mapper's <i>Build Network and Map Linkages</i>:</p><ol>"
            "<li><b>Candidate links</b> join sources whose allocation zones touch: each cell "
            "goes to its cheapest source (cost-weighted) and/or to its nearest source "
            "(Euclidean).</li>"
            "<li><b>Distances</b>: the edge-to-edge Euclidean distance of each candidate; the "
            "cost-weighted distance (CWD) from every source, moving between 8 neighbours at "
            "the step length × the mean resistance of the two cells (the MCR model); the "
            "least-cost distance CW_Dist and the least-cost path (LCP) of each link.</li>"
            "<li><b>Pruning</b>: links beyond the distance limits, links whose path crosses a "
            "third source, and (optionally) links that are not among the N nearest "
            "neighbours of either source are kept in the output but marked inactive; "
            "separate clusters can be joined again by their shortest link.</li>"
            "<li><b>Corridors</b>: the normalized least-cost corridor NLCC = CWD_A + CWD_B − "
            "CW_Dist of every active link, mosaicked by minimum (0 on the paths), optionally "
            "truncated at a cost-weighted width. Like Linkage Mapper, which writes both "
            "<i>_corridors</i> and <i>_corridors_truncated_at_</i>, the tool can write the "
            "untruncated mosaic beside the truncated one.</li></ol>"
            "<p><b>Link fields</b> (Linkage Mapper's names): Link_ID, Active (1/0; edit it "
            "to change which links the pinch-point, barrier and centrality tools use), "
            "Link_Type (1 corridor, 10 nearest neighbour, 20 constellation; -1 not a nearest "
            "neighbour, -11/-13 Euclidean distance above the maximum / below the minimum, "
            "-12/-14 cost distance above the maximum or not connected / below the minimum, "
            "-15 passes through another source), Link_Info, From_Core, To_Core, Euc_Dist "
            "(map units), CW_Dist (cost units = map units × resistance), LCP_Length, "
            "cwd2Euc_R = CW_Dist / Euc_Dist and cwd2Path_R = CW_Dist / LCP_Length (lower "
            "means an easier corridor).</p>"
            "<p>Reference: McRae, B.H. & Kavanagh, D.M. (2011) Linkage Mapper Connectivity "
            "Analysis Software. The Nature Conservancy, Seattle.</p>")

    def initAlgorithm(self, config: Any = None) -> None:
        tr, add = self.tr, self.add_parameter
        double = NumberType.Double
        add_source_parameters(self)
        add_resistance_parameter(self)
        add(QgsProcessingParameterEnum(self.ADJACENCY, tr("Adjacency"),
                                       [tr("Cost-weighted and Euclidean"),
                                        tr("Cost-weighted"), tr("Euclidean")], defaultValue=0),
            tr("Which allocation zones must touch for two sources to be linked (Linkage "
               "Mapper's default: both)."))
        add(QgsProcessingParameterNumber(self.MAX_EUCLIDEAN, tr("Maximum Euclidean distance "
                                                                "(0 = no limit)"),
                                         double, defaultValue=0.0, minValue=0.0),
            tr("Links whose sources lie farther apart than this (map units, edge to edge) "
               "are dropped (-11). Linkage Mapper's demo: 40,000 m."))
        add(QgsProcessingParameterNumber(self.MAX_COST, tr("Maximum cost-weighted distance "
                                                           "(0 = no limit)"),
                                         double, defaultValue=0.0, minValue=0.0),
            tr("Links costlier than this (cost units) are dropped (-12). A limit also "
               "shortens every cost search."))
        add(QgsProcessingParameterNumber(self.NEAREST, tr("Nearest neighbours per source "
                                                          "(0 = all)"),
                                         NumberType.Integer,
                                         defaultValue=4, minValue=0),
            tr("Keep a link only when it is among the N nearest links of at least one of its "
               "sources (Linkage Mapper's default 4); the others become -1."))
        add(QgsProcessingParameterEnum(self.NEAREST_BY, tr("Nearest by"),
                                       [tr("Cost-weighted distance"), tr("Euclidean distance")],
                                       defaultValue=0),
            tr("What 'nearest' measures."))
        add(QgsProcessingParameterBoolean(self.CONSTELLATIONS, tr("Connect constellations"),
                                          defaultValue=True),
            tr("After the nearest-neighbour pruning, join groups of sources that are no "
               "longer connected through their shortest dropped link (type 20)."))
        add(QgsProcessingParameterBoolean(self.DROP_INTERMEDIATE,
                                          tr("Drop links that pass through another source"),
                                          defaultValue=True),
            tr("A path that crosses a third source is served by the two links through it "
               "(type -15)."))
        add(QgsProcessingParameterNumber(self.TRUNCATE, tr("Corridor width (cost units, 0 = "
                                                           "whole map)"),
                                         double, defaultValue=0.0, minValue=0.0),
            tr("Cells whose NLCC is above this width are NoData in the corridor raster. "
               "Linkage Mapper's demo truncates at 200,000; pinch-point studies use "
               "5,000-20,000 on 30 m grids."))
        for key, label, default, text in (
                (self.MIN_EUCLIDEAN, tr("Minimum Euclidean distance"), 0.0,
                 tr("Links between sources closer than this (map units) are dropped "
                    "(-13).")),
                (self.MIN_COST, tr("Minimum cost-weighted distance"), 0.0,
                 tr("Links cheaper than this (cost units) are dropped (-14)."))):
            parameter = QgsProcessingParameterNumber(key, label, double, defaultValue=default,
                                                     minValue=0.0)
            parameter.setFlags(parameter.flags()
                               | ParameterFlag.Advanced)
            add(parameter, text)
        add(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Least-cost paths"),
                                              SourceType.VectorLine),
            tr("One line per candidate link, from From_Core to To_Core through cell centres, "
               "with Linkage Mapper's attributes; links dropped before their cost search "
               "have no geometry."))
        add(QgsProcessingParameterRasterDestination(self.CORRIDORS, tr("Corridors (NLCC)"),
                                                    optional=True, createByDefault=True),
            tr("Float32 GeoTIFF: normalized least-cost corridor value in cost units, 0 on "
               "the least-cost paths; NoData outside the width and on NoData cells. "
               "Optional: skip it when only the links are wanted."))
        add(QgsProcessingParameterRasterDestination(
                self.CORRIDORS_UNTRUNCATED, tr("Corridors, untruncated (NLCC)"),
                optional=True, createByDefault=False),
            tr("Float32 GeoTIFF: the same corridor values before the truncation at the "
               "corridor width (Linkage Mapper's corridors raster; the corridors output "
               "above is its truncated one). NoData only where no active link reaches (or "
               "beyond the maximum cost-weighted distance) and on NoData cells. Asking for "
               "it lets the cost searches run past the width, which takes longer."))
        add(QgsProcessingParameterRasterDestination(self.CWD, tr("Cost-weighted distance"),
                                                    optional=True, createByDefault=False),
            tr("Float32 GeoTIFF: cost-weighted distance to the nearest source (the MCR "
               "surface)."))
        self.addOutput(QgsProcessingOutputNumber(self.LINK_COUNT, tr("Candidate links")))
        self.addOutput(QgsProcessingOutputNumber(self.ACTIVE_COUNT, tr("Active links")))

    def compute(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        tr = self.tr
        corridors_path = self.parameterAsOutputLayer(parameters, self.CORRIDORS, context) \
            if parameters.get(self.CORRIDORS) else None
        cwd_path = self.parameterAsOutputLayer(parameters, self.CWD, context)
        whole_path = self.parameterAsOutputLayer(parameters, self.CORRIDORS_UNTRUNCATED,
                                                 context) \
            if parameters.get(self.CORRIDORS_UNTRUNCATED) else None
        for path in (corridors_path, cwd_path, whole_path):
            if path:
                check_output_path(path)
        grid, labels = read_sources(self, parameters, context, feedback)
        check_cells_memory(grid.values.size, "corridors", tr("Linkage pathways"),
                           per_cell=8.0 * int(labels.max(initial=0)),
                           advice=tr("It keeps one cost-distance map per source: use coarser "
                                     "cells, a smaller extent or fewer sources."))

        def limit(key: str) -> float:
            value = self.parameterAsDouble(parameters, key, context)
            return value if value > 0 else math.inf

        max_cost, truncate = limit(self.MAX_COST), limit(self.TRUNCATE)
        # With several workers, the per-source searches (most of the time) run there first.
        with surfaces.prefetched(labels, grid.values, impassable=grid.mask,
                                 cell_size=grid.cell_size,
                                 max_cost=pathways_limit(max_cost, truncate, bool(whole_path)),
                                 feedback=feedback,
                                 progress=FeedbackProgress(feedback, 0, 60)) as shared:
            result = linkage_pathways(
                labels, grid.values, impassable=grid.mask, cell_size=grid.cell_size,
                adjacency=ADJACENCY[self.parameterAsEnum(parameters, self.ADJACENCY, context)],
                max_euclidean=limit(self.MAX_EUCLIDEAN), max_cost=max_cost,
                min_euclidean=self.parameterAsDouble(parameters, self.MIN_EUCLIDEAN, context),
                min_cost=self.parameterAsDouble(parameters, self.MIN_COST, context),
                nearest=self.parameterAsInt(parameters, self.NEAREST, context),
                nearest_by=NEAREST_BY[self.parameterAsEnum(parameters, self.NEAREST_BY,
                                                           context)],
                connect_constellations=self.parameterAsBool(parameters, self.CONSTELLATIONS,
                                                            context),
                drop_intermediate=self.parameterAsBool(parameters, self.DROP_INTERMEDIATE,
                                                       context),
                truncate=truncate, keep_untruncated=bool(whole_path), store=shared.store,
                progress=FeedbackProgress(feedback, 60 if shared.computed else 0, 90))
        active = result.active
        feedback.pushInfo(tr("{active} of {count} candidate links are active.").format(
            active=len(active), count=len(result.links)))
        if not active:
            feedback.pushWarning(tr("No link is active: loosen the distance limits or the "
                                    "nearest-neighbour setting."))

        sink_id = self._write_links(result.links, grid, parameters, context)
        StyleOnLoad.attach(context, sink_id, "links.qml")
        outputs = {self.OUTPUT: sink_id, self.LINK_COUNT: len(result.links),
                   self.ACTIVE_COUNT: len(active)}
        maps = ((self.CORRIDORS, corridors_path, result.corridors,
                 tr("Normalized least-cost corridor (cost units)"), "corridors.qml"),
                (self.CORRIDORS_UNTRUNCATED, whole_path, result.untruncated,
                 tr("Normalized least-cost corridor, untruncated (cost units)"),
                 "corridors.qml"),
                (self.CWD, cwd_path, result.cwd,
                 tr("Cost-weighted distance to the nearest source"), "resistance.qml"))
        for key, path, values, description, style in maps:
            if not path:
                continue
            assert values is not None
            write_grid(Grid(values, ~np.isfinite(values), grid.cell_size, grid.geotransform,
                            grid.crs), path, description=description)
            StyleOnLoad.attach(context, path, style, stretch=True)
            outputs[key] = path
        feedback.setProgress(100)
        return outputs

    def _write_links(self, links: List[CorridorLink], grid: Grid, parameters: Dict[str, Any],
                     context: QgsProcessingContext) -> str:
        fields = fields_of(LINK_FIELDS)
        sink, sink_id = open_sink(self, parameters, self.OUTPUT, context, fields,
                                  WkbType.LineString,
                                  QgsCoordinateReferenceSystem.fromWkt(grid.crs or ""))
        features = []
        for link in links:
            feature = QgsFeature(fields)
            feature.setGeometry(link_geometry(link.path, grid))
            feature.setAttributes(link_attributes(link))
            features.append(feature)
        write_all(sink, features)
        return sink_id
