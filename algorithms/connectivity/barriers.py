"""esp:barriers: Barrier Mapper's improvement scores on the corridor links (McRae et al. 2012)."""

import math
import os
import uuid
import xml.etree.ElementTree as ElementTree
from typing import Any, Dict, List, Optional, Tuple

import numpy as np
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingUtils,
)

from ...espcore.corridors.barriers import (
    COMBINE_METHODS,
    ESP_EARLIER,
    SEMANTICS,
    BarrierResult,
    barrier_links,
    barrier_scores,
    positive_scores,
    radii_range,
    scorable_radii,
    stretch_limit,
)
from ...espcore.corridors.costdistance import square_cell
from ...espcore.grid import Grid
from ...espcore.progress import check_cancelled
from ..base import STYLE_DIR, EspAlgorithm, FeedbackProgress, StyleOnLoad, translate
from ..io import surfaces
from ..io.classes import CLASSIFIED, add_class_parameters, write_classes
from ..io.links import LinkTable, active_rows, add_links_parameter, read_links, warn_cost_mismatch
from ..io.raster import check_cells_memory, check_destination, check_output_path, write_grid
from ..io.sources import add_resistance_parameter, add_source_parameters, read_sources
from ..qgis_compat import NumberType

#: Radii used when none are given, in cells: minimum, maximum = 3 x minimum, step = minimum.
DEFAULT_MIN_CELLS = 3.0
STYLE = "barriers.qml"
MIN_RADIUS = "MIN_RADIUS"
MAX_RADIUS = "MAX_RADIUS"
STEP = "STEP"


class Barriers(EspAlgorithm):
    NAME = "barriers"
    GROUP = "connectivity"

    MIN_RADIUS = MIN_RADIUS
    MAX_RADIUS = MAX_RADIUS
    STEP = STEP
    COMBINE = "COMBINE"
    COMBINE_RADII = "COMBINE_RADII"
    PERCENT = "PERCENT"
    CWD_THRESHOLD = "CWD_THRESHOLD"
    SEMANTICS = "SEMANTICS"
    WRITE_CIRCLES = "WRITE_CIRCLES"
    OUTPUT = "OUTPUT"
    CIRCLES = "CIRCLES"
    MAX_SCORE = "MAX_SCORE"
    LINK_COUNT = "LINK_COUNT"

    def displayName(self) -> str:
        return self.tr("Barriers (Barrier Mapper)")

    def tags(self) -> List[str]:
        return self.tr("barrier,restoration,improvement score,Barrier Mapper,Linkage Mapper,"
                       "corridor,least-cost,key area,restoration zoning").split(",")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Finds the places whose restoration would most shorten the corridors, as "
            "Linkage Mapper's Barrier Mapper does. For every active link between sources A "
            "and B and every detection radius r, each cell p is scored with the "
            "<b>improvement score</b></p>"
            "<p>IS = (LCD − m<sub>A</sub> − m<sub>B</sub> − 2r) / 2r</p>"
            "<p>where LCD is the least-cost distance of the link, m<sub>A</sub> and "
            "m<sub>B</sub> are the smallest cost-weighted distances to A and to B on the ring "
            "of radius r around p (the outermost cell of a circle of radius r), and 2r is "
            "the cost of crossing the circle once it is restored to resistance 1. IS is "
            "the drop in corridor cost per map unit restored. A thin barrier of extra cost C "
            "across a link scores C / 2r at its centre.</p>"
            "<p><b>Semantics</b>: 'Linkage Mapper' (the default) gives what Barrier Mapper "
            "gives: the ring holds the cells whose centre lies between r − 1 and r map units "
            "from p, cells where restoring would not help (IS ≤ 0) are NoData, and cells "
            "inside sources are scored too (a circle centred in a source can cover a "
            "barrier at its edge). With a ring one map unit wide, a radius needs cell "
            "centres at that distance: use multiples of the cell size (on 30 m cells, "
            "400 m has none; such a radius is left out with a warning, and a run without "
            "any usable radius stops with the nearest multiples). 'ESP Toolkit earlier' "
            "keeps the rules of earlier versions: a ring one cell wide (r − cell size to "
            "r), so any radius of at least one cell works and the diagonal cells next to "
            "the rim count too; 0 where restoring would not help, which suits sums and "
            "means over areas; and "
            "sources NoData. Both give the same score where the ring minima lie on the "
            "axis cells (for example at the centre of a straight barrier).</p>"
            "<p><b>Radii</b>: from the minimum to the maximum in steps (for example 400, "
            "800, 1200 m; each at least one cell). Small radii find narrow barriers (a road, "
            "a dam), large radii wide ones (a town). <b>Combining</b>: across links by the "
            "maximum (the best score of any link) or the sum (a barrier centrality: places "
            "that help many links); across radii by the maximum (Linkage Mapper) or the sum. "
            "<b>Percent</b>: 100 × IS / LCD, the percent of each corridor's cost saved per "
            "map unit restored, which compares links of different lengths. <b>Barrier "
            "circles</b>: each centre's score spread over its whole circle (a focal maximum "
            "of radius r), which shows the area to restore rather than its centre.</p>"
            "<p>Inputs: the sources (polygons with an id field, or an id raster on the "
            "resistance grid), the resistance raster (projected CRS, square cells; NoData "
            "cells are impassable) and the links of 'Linkage pathways' (only links with "
            "Active = 1 are used). Each link's least-cost distance is recomputed on this "
            "resistance raster. Outputs: the score raster (NoData where restoring would "
            "not help and on NoData cells of the resistance; see Semantics), the barrier "
            "circles on request, and the scores graded into "
            "classes (the top class is usually mapped as the barriers to restore).</p>"
            "<p>Reference: McRae, B.H., Hall, S.A., Beier, P. &amp; Theobald, D.M. (2012) "
            "Where to restore ecological connectivity? Detecting barriers and quantifying "
            "restoration benefits. PLoS ONE 7: e52604.</p>")

    def initAlgorithm(self, config: Any = None) -> None:
        tr, add = self.tr, self.add_parameter
        double = NumberType.Double
        add_resistance_parameter(self, tr("Give the raster the links were built on, or the "
                                          "one whose barriers you want to map; its cells "
                                          "must be square."))
        add_source_parameters(self)
        add_links_parameter(self)
        add_radius_parameters(self)
        add(QgsProcessingParameterEnum(self.COMBINE, tr("Combine links by"),
                                       [tr("Maximum"), tr("Sum")], defaultValue=0),
            tr("Maximum: each cell keeps the best score of any link (Linkage Mapper's "
               "default). Sum: the scores of all links add up, so places that would improve "
               "several corridors stand out (barrier centrality)."))
        add(QgsProcessingParameterEnum(self.COMBINE_RADII, tr("Combine radii by"),
                                       [tr("Maximum"), tr("Sum")], defaultValue=0),
            tr("How the rasters of the different radii are merged: the maximum (Linkage "
               "Mapper) or the sum."))
        add(QgsProcessingParameterBoolean(self.PERCENT, tr("Percent improvement"),
                                          defaultValue=False),
            tr("Write 100 × IS / LCD (percent of the corridor's cost saved per map unit "
               "restored) instead of IS, so that short and long links compare fairly."))
        add(QgsProcessingParameterNumber(self.CWD_THRESHOLD, tr("Cost-weighted distance "
                                                                "threshold"), double,
                                         optional=True, minValue=0.0),
            tr("Optional, in cost units: cells at or beyond this cost-weighted distance from "
               "a source are not used as ends of a restored circle, which keeps the search "
               "near the sources and corridors (Linkage Mapper's CWD threshold). Empty: no "
               "limit."))
        add(QgsProcessingParameterEnum(self.SEMANTICS, tr("Semantics"),
                                       [tr("Linkage Mapper"), tr("ESP Toolkit earlier")],
                                       defaultValue=0),
            tr("Linkage Mapper: a ring r − 1 to r map units, NoData where restoring would not "
               "help, sources scored (as Barrier Mapper). ESP Toolkit earlier: a ring one "
               "cell wide, 0 where restoring would not help, sources NoData."))
        add(QgsProcessingParameterBoolean(self.WRITE_CIRCLES, tr("Write barrier circles"),
                                          defaultValue=False),
            tr("Also write the barrier circles (each score spread over its circle). They "
               "go to the 'Barrier circles' file when one is given, else to a temporary "
               "file."))
        add(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Barrier scores")),
            tr("Float32 GeoTIFF: improvement score (cost units saved per map unit restored, "
               "or percent) at the centre of the restored circle, combined over links and "
               "radii; NoData where restoring would not shorten any corridor (0 with the "
               "earlier semantics, which also makes sources NoData) and on NoData cells of "
               "the resistance raster."))
        add(QgsProcessingParameterRasterDestination(self.CIRCLES, tr("Barrier circles"),
                                                    optional=True, createByDefault=False),
            tr("Float32 GeoTIFF: every score spread over its whole circle (focal maximum of "
               "radius r), combined over radii; written when a file is given here or "
               "'Write barrier circles' is ticked."))
        add_class_parameters(self, tr("barrier scores above 0"))
        self.addOutput(QgsProcessingOutputNumber(self.MAX_SCORE, tr("Highest barrier score")))
        self.addOutput(QgsProcessingOutputNumber(self.LINK_COUNT, tr("Number of links used")))

    def compute(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        tr = self.tr
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        check_output_path(output)
        circles = self._circles_path(parameters, context)
        if circles:
            check_output_path(circles)
        check_destination(parameters.get(CLASSIFIED))
        table = read_links(self, parameters, context)
        grid, labels = read_sources(self, parameters, context, feedback)
        cell = square_cell(grid.cell_size)
        radii = read_radii(self, parameters, context, cell)
        threshold = optional_number(self, parameters, self.CWD_THRESHOLD, context)
        semantics = SEMANTICS[self.parameterAsEnum(parameters, self.SEMANTICS, context)]

        radii = warn_empty_rings(feedback, radii, cell, semantics)
        check_cells_memory(grid.values.size, "barriers", tr("Barrier scores"),
                           per_cell=8.0 * int(labels.max(initial=0)) + 16.0 * len(radii),
                           advice=tr("It keeps a cost-distance map per source and two maps "
                                     "per radius: use coarser cells, fewer radii or fewer "
                                     "links."))
        links = link_distances(table, grid, labels, feedback)
        feedback.pushInfo(tr("{links} links, radii {radii} map units.").format(
            links=len(links), radii=", ".join("{0:g}".format(r) for r in radii)))
        result = barrier_scores(
            links, radii=radii, cell_size=cell,
            combine=COMBINE_METHODS[self.parameterAsEnum(parameters, self.COMBINE, context)],
            combine_radii=COMBINE_METHODS[self.parameterAsEnum(parameters, self.COMBINE_RADII,
                                                               context)],
            percent=self.parameterAsBoolean(parameters, self.PERCENT, context),
            source_mask=labels > 0 if semantics == ESP_EARLIER else None,
            cwd_threshold=threshold, semantics=semantics,
            progress=FeedbackProgress(feedback, 40, 90))
        count = len(links)
        del links
        outputs = self._write(result, grid, output, circles, parameters, context, feedback)
        outputs[self.LINK_COUNT] = count
        return outputs

    # ------------------------------------------------------------------ parameters ----

    def _circles_path(self, parameters: Dict[str, Any],
                      context: QgsProcessingContext) -> Optional[str]:
        path = self.parameterAsOutputLayer(parameters, self.CIRCLES, context) \
            if parameters.get(self.CIRCLES) else None
        if path:
            return path
        if self.parameterAsBoolean(parameters, self.WRITE_CIRCLES, context):
            return QgsProcessingUtils.generateTempFilename("barrier_circles.tif")
        return None

    # ------------------------------------------------------------------ outputs --------

    def _write(self, result: BarrierResult, grid: Grid, output: str, circles: Optional[str],
               parameters: Dict[str, Any], context: QgsProcessingContext,
               feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        tr = self.tr
        check_cancelled(FeedbackProgress(feedback))
        score = result.score
        helps = positive_scores(score)
        if not helps.any():
            feedback.pushWarning(tr(
                "No cell would shorten any corridor at these radii (no score is above 0). "
                "Try smaller radii, or check that the links cross high-resistance areas."))
        # Classes of the cells where restoring helps; 0-score cells are "no barrier". The
        # natural breaks take seconds and may be cancelled: they come before any file.
        graded = grid.like(score, mask=~helps) if helps.any() \
            else grid.like(score, mask=np.isnan(score))
        path, edges = write_classes(self, parameters, context, graded,
                                    tr("Barrier score class"),
                                    progress=FeedbackProgress(feedback, 90, 97))
        # Past this point every output is written, none half: no more cancellation.
        description = tr("Barrier improvement score (percent of LCD per map unit)") \
            if self.parameterAsBoolean(parameters, self.PERCENT, context) \
            else tr("Barrier improvement score (cost saved per map unit restored)")
        write_grid(grid.like(score, mask=np.isnan(score)), output, description=description)
        style = stretched_style(score)
        StyleOnLoad.attach(context, output, style)
        results: Dict[str, Any] = {self.OUTPUT: output, self.MAX_SCORE: result.max_score}
        if circles:
            assert result.circles is not None
            write_grid(grid.like(result.circles, mask=np.isnan(result.circles)), circles,
                       description=tr("Barrier circles"))
            if not parameters.get(self.CIRCLES) and context.willLoadLayerOnCompletion(output):
                context.addLayerToLoadOnCompletion(circles, QgsProcessingContext.LayerDetails(
                    tr("Barrier circles"), context.project(), self.CIRCLES))
            StyleOnLoad.attach(context, circles, stretched_style(result.circles))
            results[self.CIRCLES] = circles
        if path:
            results[CLASSIFIED] = path
            feedback.pushInfo(tr("Class limits: {edges}").format(
                edges=", ".join("{0:.4g}".format(e) for e in edges)))
        feedback.setProgress(100)
        return results


def link_distances(table: LinkTable, grid: Grid, labels: np.ndarray,
                   feedback: QgsProcessingFeedback, start: float = 0.0,
                   stop: float = 40.0) -> List[Tuple[np.ndarray, np.ndarray, float]]:
    """(CWD_A, CWD_B, LCD) of every active link, in active-row order (see
    espcore.corridors.barriers.barrier_links). The searches take the feedback bar from
    ``start`` to ``stop`` %."""
    active = active_rows(table, labels)
    # The least-cost distance is recomputed from the CWD surfaces rather than read from
    # CW_Dist: the links layer may have been built on another resistance raster (or edited),
    # and the score compares costs on this one.
    pairs = table.active_pairs()
    # With several workers, the links' sources are searched there first, on the cells and
    # values barrier_links searches (non-finite resistance is impassable there too).
    blocked = grid.mask | ~np.isfinite(grid.values)
    with surfaces.prefetched(labels, grid.values, impassable=blocked, cell_size=grid.cell_size,
                             sources=sorted({int(end) for pair in pairs for end in pair}),
                             feedback=feedback,
                             progress=FeedbackProgress(feedback, start, (start + stop) / 2)
                             ) as shared:
        links = barrier_links(labels, grid.values, impassable=grid.mask,
                              cell_size=grid.cell_size, pairs=pairs, store=shared.store,
                              progress=FeedbackProgress(
                                  feedback, (start + stop) / 2 if shared.computed else start,
                                  stop))
    costs = [lcd for _, _, lcd in links]
    unconnected = [row for row, lcd in zip(active, costs) if not math.isfinite(lcd)]
    if unconnected:
        row = unconnected[0]
        raise QgsProcessingException(translate(
            "Link {id}: no path joins source {a} and source {b} on this resistance "
            "raster (NoData cells separate them). Set its Active to 0.").format(
                id=int(table.link_id[row]), a=int(table.from_core[row]),
                b=int(table.to_core[row])))
    warn_cost_mismatch(feedback, table, active, costs)
    return links


def add_radius_parameters(algorithm: EspAlgorithm) -> None:
    """MIN_RADIUS, MAX_RADIUS and STEP of the restored circles (shared with the zoning
    tool's burden / benefit account, which must score barriers the same way)."""
    tr, add = algorithm.tr, algorithm.add_parameter
    double = NumberType.Double
    add(QgsProcessingParameterNumber(
            MIN_RADIUS, tr("Minimum detection radius (map units; empty: 3 cells)"),
            double, optional=True, minValue=0.0),
        tr("Smallest radius of the restored circle, in map units (metres), at least one "
           "cell. Empty: 3 cells (90 m on 30 m cells). Linkage Mapper's tutorial uses "
           "400 m; Chinese studies on 30 m cells often 30-300 m. With Linkage Mapper's "
           "semantics every radius needs cell centres at that distance: multiples of the "
           "cell size always have them."))
    add(QgsProcessingParameterNumber(
            MAX_RADIUS, tr("Maximum detection radius (map units; empty: 3 × minimum)"),
            double, optional=True, minValue=0.0),
        tr("Largest radius, in map units. Empty: 3 times the minimum radius. Equal to "
           "the minimum: a single radius. Time grows with the number of radii and "
           "with each radius in cells."))
    add(QgsProcessingParameterNumber(
            STEP, tr("Radius step (map units; empty: the minimum; 0: one radius)"),
            double, optional=True, minValue=0.0),
        tr("Radii run from the minimum to the maximum in this step. Empty: the minimum "
           "radius (so the default radii are 3, 6 and 9 cells). 0: the minimum radius "
           "only, as in Linkage Mapper."))


def optional_number(algorithm: EspAlgorithm, parameters: Dict[str, Any], key: str,
                    context: QgsProcessingContext) -> Optional[float]:
    """A numeric parameter, or None when left empty."""
    if parameters.get(key) in (None, ""):
        return None
    return algorithm.parameterAsDouble(parameters, key, context)


def warn_empty_rings(feedback: QgsProcessingFeedback, radii: List[float], cell: float,
                     semantics: str) -> List[float]:
    """The radii the barrier scores will use, with a warning for those left out because no
    cell centre lies on their one-map-unit ring (all of them when none is usable: the core
    then stops with the nearest multiples of the cell size)."""
    kept, dropped = scorable_radii(radii, cell, semantics)
    if dropped and kept:
        feedback.pushWarning(translate(
            "No cell centre lies on the one-map-unit ring of radius {radii} map units on "
            "cells of {cell:g}; Linkage Mapper's Barrier Mapper gets no score there, so these "
            "radii are left out. Radii that are multiples of the cell size always have cells "
            "on their ring.").format(radii=", ".join("{0:g}".format(r) for r in dropped),
                                      cell=cell))
    return kept or list(radii)


def read_radii(algorithm: EspAlgorithm, parameters: Dict[str, Any],
               context: QgsProcessingContext, cell: float) -> List[float]:
    """The radii asked for; empty fields take the documented defaults."""
    low = optional_number(algorithm, parameters, MIN_RADIUS, context)
    high = optional_number(algorithm, parameters, MAX_RADIUS, context)
    step = optional_number(algorithm, parameters, STEP, context)
    low = DEFAULT_MIN_CELLS * cell if low is None else low
    high = 3.0 * low if high is None else high
    step = low if step is None else step
    return radii_range(low, high, step)


def stretched_style(score: np.ndarray) -> str:
    """barriers.qml with its 0-1 colour stops spread over 0 .. the 98th percentile of the
    positive scores, written to the Processing temp folder; returns the path.

    The generic 2-98 % stretch of StyleOnLoad does not fit here: most cells of a barrier
    raster are 0, so its 98 % cut is often 0 and nothing would be stretched.
    """
    high = stretch_limit(score)
    tree = ElementTree.parse(os.path.join(STYLE_DIR, STYLE))
    renderer = tree.getroot().find("pipe/rasterrenderer")
    shader = renderer.find("rastershader/colorrampshader") if renderer is not None else None
    if renderer is None or shader is None:
        raise ValueError("{0} is not a pseudocolour raster style".format(STYLE))
    for item in shader.findall("item"):
        item.set("value", repr(float(item.get("value", "0")) * high))
    shader.set("maximumValue", repr(high))
    renderer.set("classificationMax", repr(high))
    path = os.path.join(QgsProcessingUtils.tempFolder(),
                        "esp_barriers_{0}.qml".format(uuid.uuid4().hex[:8]))
    with open(path, "wb") as handle:
        handle.write(b"<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n")
        tree.write(handle, encoding="utf-8", xml_declaration=False)
    return path
