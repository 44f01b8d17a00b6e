"""esp:compareesp: two runs of the chain compared (two years of land cover, or the plan
before and after a restoration), per county and prefecture, with an effectiveness score."""

from dataclasses import dataclass
from typing import Any, Dict, List

import numpy as np
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
)

from ...espcore.programme.compare import (
    link_changes,
    match_sources,
    source_change,
    zone_transitions,
)
from ...espcore.programme.eca import (
    default_kernel_distance,
    equivalent_connected_area,
    pair_probabilities,
    unit_eca,
)
from ...espcore.programme.effectiveness import (
    UnitIndicators,
    effectiveness,
    mean_link_cost,
)
from ...espcore.progress import check_cancelled
from ...espcore.zoning.collaboration import cross_tabulate
from ...espcore.zoning.ledger import link_end_units
from ...espcore.zoning.zones import RESTORATION
from ..base import EspAlgorithm, FeedbackProgress
from ..io import comparison as out
from ..io.raster import check_output_path
from ..io.runfolder import Run, read_runs, refuse_product_outputs
from ..io.units import group_labels, read_units, unit_raster
from ..io.zones import km2_factor
from ..qgis_compat import FileBehavior, NumberType, SourceType


@dataclass
class RunEca:
    """One run's ECA (km²) in all and per unit, source area per unit (km²) and the unit
    (1..U, 0 outside) at each end of its used links."""

    total: float
    by_unit: np.ndarray
    source_area: np.ndarray
    end_units: np.ndarray


class CompareEsp(EspAlgorithm):
    NAME = "compareesp"
    GROUP = "zoning"

    BEFORE = "BEFORE"
    AFTER = "AFTER"
    UNITS = "UNITS"
    UNIT_NAME_FIELD = "UNIT_NAME_FIELD"
    GROUP_FIELD = "GROUP_FIELD"
    DISTANCE = "DISTANCE"
    PROBABILITY = "PROBABILITY"
    W_CONNECTIVITY = "W_CONNECTIVITY"
    W_SOURCES = "W_SOURCES"
    W_CORRIDORS = "W_CORRIDORS"
    W_RESTORATION = "W_RESTORATION"
    OUTPUT = "OUTPUT"
    SOURCE_CHANGE = "SOURCE_CHANGE"
    ZONE_CHANGE = "ZONE_CHANGE"
    LINK_CHANGES = "LINK_CHANGES"
    TRANSITIONS = "TRANSITIONS"
    GROUPS = "GROUPS"
    ECA_BEFORE = "ECA_BEFORE"
    ECA_AFTER = "ECA_AFTER"
    SOURCES_GAINED = "SOURCES_GAINED"
    SOURCES_LOST = "SOURCES_LOST"
    LINKS_NEW = "LINKS_NEW"
    LINKS_LOST = "LINKS_LOST"
    #: The weights in the order of espcore.programme.compare.PARTS.
    WEIGHTS = (W_CONNECTIVITY, W_SOURCES, W_CORRIDORS, W_RESTORATION)

    def displayName(self) -> str:
        return self.tr("Compare two runs (before / after)")

    def tags(self) -> List[str]:
        return self.tr("compare,change,before,after,restoration,effectiveness,evaluation,ECA,"
                       "equivalent connected area,transition,county,prefecture,修复成效,"
                       "变化").split(",")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Compares two runs of 'Ecological security pattern' (esp:securitypattern): two "
            "years of land cover, or the plan before and after a restoration. It reads "
            "source_ids.tif, zones.tif and corridor_links.gpkg from each run's folder; the "
            "two runs must be on one grid (same CRS, extent and cells; a projected CRS).</p>"
            "<p><b>Sources</b>: each source after is matched to the source before it shares "
            "most cells with; sources before that overlap none after are lost, sources "
            "after that overlap none before are gained. <b>Corridors</b>: an active link "
            "after whose two sources match the two sources of a link before is the same "
            "corridor (matched; its least-cost distance CW_Dist before and after and the "
            "relative change); links after without such a link before are new, links "
            "before without one after are lost.</p>"
            "<p><b>ECA</b>, the equivalent connected area (Saura &amp; Rubio 2010): ECA = "
            "√(Σ<sub>i</sub>Σ<sub>j</sub> a<sub>i</sub> a<sub>j</sub> p*<sub>ij</sub>), "
            "a<sub>i</sub> the area of source i (km², from its cells), p*<sub>ij</sub> the "
            "largest product of p = exp(−k d) over the paths of active links between i and j "
            "(d = CW_Dist, k = −ln(p0) / d0, p0 = the probability at the kernel distance d0; "
            "p*<sub>ii</sub> = 1). The same kernel is used for both runs, so the two ECAs "
            "compare. A county's ECA is Σ<sub>i</sub>Σ<sub>j</sub> a<sub>i</sub>(county) "
            "a<sub>j</sub> p*<sub>ij</sub> / ECA (its shares add up to the ECA).</p>"
            "<p><b>Effectiveness score</b> of each county. Its four parts k are the ECA, "
            "the source area, the mean corridor cost (the mean CW_Dist of the active links "
            "with an end in the county; a source lies in the county holding most of it) and "
            "the restoration-zone area. For each part, r<sub>k</sub> = d<sub>k</sub> × "
            "(after − before) / before, clipped to [−1, 1], with d<sub>k</sub> = +1 for the "
            "ECA and the source area and d<sub>k</sub> = −1 (reversed sign: a decrease is an "
            "improvement) for the corridor cost and the restoration-zone area; "
            "r<sub>k</sub> = 0 when before and after are both 0 and r<sub>k</sub> = "
            "d<sub>k</sub> when only before is 0. Then score = 100 × Σ<sub>k</sub> "
            "w<sub>k</sub> r<sub>k</sub> / Σ<sub>k</sub> w<sub>k</sub>, the sums over the "
            "parts defined in the county: a part that is NaN (a county without corridors has "
            "no mean corridor cost) is left out of both sums. The score runs from −100 to "
            "100; 0 is no change. A prefecture's score comes from its sums (ECA, source and "
            "restoration-zone areas of its counties; mean cost of the links with an end in "
            "the prefecture), not from the mean of its counties' scores.</p>"
            "<p>Outputs: the counties with their indicators before (_a) and after (_b), "
            "r_eca, r_src, r_lcd, r_rz and the score; maps of source change and zone change; "
            "the links with their status; the zone transitions (km²) per county and in "
            "all; the prefectures' indicators and scores.</p>"
            "<p>References: Saura &amp; Rubio (2010) A common currency for the different ways "
            "in which patches and links can contribute to habitat availability and "
            "connectivity in the landscape, Ecography 33: 523-537. The issue that asked for "
            "this tool cites Liu, Tan &amp; Jiao (2024) for evaluating a restoration by "
            "comparing the network before and after it; the composite score and its "
            "weights are this plugin's own choice.</p>")

    # ------------------------------------------------------------------ parameters ----

    def initAlgorithm(self, config: Any = None) -> None:
        tr, add = self.tr, self.add_parameter
        for key, label, text in (
                (self.BEFORE, tr("Run before (output folder)"),
                 tr("The output folder of a run of 'Ecological security pattern' "
                    "(esp:securitypattern), for example with this year's land cover.")),
                (self.AFTER, tr("Run after (output folder)"),
                 tr("The output folder of a second run, for example with the land cover of "
                    "the plan after restoration; on the same grid as the run before (a "
                    "different grid is refused)."))):
            add(QgsProcessingParameterFile(key, label, behavior=FileBehavior.Folder), text)
        add(QgsProcessingParameterFeatureSource(self.UNITS, tr("Administrative units"),
                                                [SourceType.VectorPolygon]),
            tr("Polygons of the counties the change is reported for; burnt onto the runs' "
               "grid by cell centre (the first unit wins where they overlap)."))
        add(QgsProcessingParameterField(self.UNIT_NAME_FIELD, tr("Unit name field"),
                                        parentLayerParameterName=self.UNITS, optional=True),
            tr("The name of each unit, written in every table; empty: Unit 1, Unit 2, ... "
               "in layer order."))
        add(QgsProcessingParameterField(self.GROUP_FIELD, tr("Group field"),
                                        parentLayerParameterName=self.UNITS, optional=True),
            tr("Optional: the group of each unit (for example the prefecture); the groups "
               "get their own indicators and score."))
        add(QgsProcessingParameterNumber(self.DISTANCE, tr("Kernel distance (cost units, "
                                                           "0 = median)"),
                                         NumberType.Double, defaultValue=0.0, minValue=0.0),
            tr("The least-cost distance d0 at which a direct move has the probability p0. "
               "0 takes the median CW_Dist of the active links of the run before; the same "
               "kernel serves both runs so that their ECAs compare."))
        add(QgsProcessingParameterNumber(self.PROBABILITY, tr("Probability at the kernel "
                                                              "distance"),
                                         NumberType.Double, defaultValue=0.5, minValue=0.001,
                                         maxValue=0.999),
            tr("p0 of the probability of connectivity (Conefor studies use 0.5)."))
        for key, label in ((self.W_CONNECTIVITY, tr("Weight of the ECA")),
                           (self.W_SOURCES, tr("Weight of the source area")),
                           (self.W_CORRIDORS, tr("Weight of the corridor cost")),
                           (self.W_RESTORATION, tr("Weight of the restoration-zone area"))):
            add(QgsProcessingParameterNumber(key, label, NumberType.Double, defaultValue=0.25,
                                             minValue=0.0),
                tr("w_k of this part in the effectiveness score, 0 or more; the weights "
                   "need not add up to 1 (the score divides by their sum), but not all may "
                   "be 0."))
        for key, label, kind, text in (
                (self.OUTPUT, tr("Change by unit"), SourceType.VectorPolygon,
                 tr("The units with src_km2, eca_km2, lcd (mean corridor cost) and rz_km2 "
                    "(restoration-zone area) before (_a) and after (_b), the relative "
                    "changes r_eca, r_src, r_lcd, r_rz and the score (-100 to 100).")),
                (self.LINK_CHANGES, tr("Corridor changes"), SourceType.VectorLine,
                 tr("The active links after (status matched, new, or extra: a second link "
                    "between the sources of one link before) and the lost links before "
                    "(status lost; their own Link_ID and sources), with lcd_before, "
                    "lcd_after and rel_change = (after - before) / before.")),
                (self.TRANSITIONS, tr("Zone transitions"), SourceType.Vector,
                 tr("Table: zone before, zone after and area (km²), per unit, outside every "
                    "unit and in all (0 = no zone)."))):
            add(QgsProcessingParameterFeatureSink(key, label, kind), text)
        add(QgsProcessingParameterFeatureSink(self.GROUPS, tr("Change by group"),
                                              SourceType.Vector, optional=True,
                                              createByDefault=True),
            tr("Table: per group (prefecture) the same indicators and score, from the sums "
               "of its units; written only with a group field."))
        add(QgsProcessingParameterRasterDestination(self.SOURCE_CHANGE, tr("Source change")),
            tr("Byte GeoTIFF: 1 source in both runs, 2 lost, 3 gained, 0 (NoData) no "
               "source in either run."))
        add(QgsProcessingParameterRasterDestination(self.ZONE_CHANGE, tr("Zone change")),
            tr("Byte GeoTIFF: 10 × zone before + zone after where the zone changed (12 = "
               "conservation -> restoration; 0 = no zone), 0 (NoData) where it did not."))
        for key, label in ((self.ECA_BEFORE, tr("ECA before (km²)")),
                           (self.ECA_AFTER, tr("ECA after (km²)")),
                           (self.SOURCES_GAINED, tr("Sources gained")),
                           (self.SOURCES_LOST, tr("Sources lost")),
                           (self.LINKS_NEW, tr("New corridors")),
                           (self.LINKS_LOST, tr("Lost corridors"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    # ------------------------------------------------------------------ run ------------

    def compute(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        progress = FeedbackProgress(feedback)
        weights = [self.parameterAsDouble(parameters, key, context) for key in self.WEIGHTS]
        if sum(weights) <= 0:
            raise QgsProcessingException(self.tr(
                "All four weights are 0; give at least one part of the score a weight above "
                "0."))
        folders = [self.parameterAsFile(parameters, key, context)
                   for key in (self.BEFORE, self.AFTER)]
        refuse_product_outputs(self, parameters, folders)
        rasters = {key: self.parameterAsOutputLayer(parameters, key, context)
                   for key in (self.SOURCE_CHANGE, self.ZONE_CHANGE)}
        for path in rasters.values():
            check_output_path(path)
        before, after = read_runs(*folders, (self.tr("run before"), self.tr("run after")))
        grid = before.grid
        cell_km2 = abs(grid.cell_size[0] * grid.cell_size[1]) * km2_factor(grid.crs or "")
        source = self.parameterAsSource(parameters, self.UNITS, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.UNITS))
        units = read_units(source, self.parameterAsString(parameters, self.UNIT_NAME_FIELD,
                                                          context),
                           self.parameterAsString(parameters, self.GROUP_FIELD, context)
                           or None, grid.crs or "", context)
        cells, count = unit_raster(units, grid), units.count
        for run in (before, after):
            if run.skipped:
                feedback.pushWarning(self.tr(
                    "Active links without a least-cost distance in the {role} are left out: "
                    "{ids}.").format(role=run.role, ids=", ".join(map(str, run.skipped))))
        feedback.setProgress(20)

        distance = self.parameterAsDouble(parameters, self.DISTANCE, context) or \
            default_kernel_distance(before.costs())
        probability = self.parameterAsDouble(parameters, self.PROBABILITY, context)
        feedback.pushInfo(self.tr("Kernel: p = {p:g} at {d:.6g} cost units.").format(
            p=probability, d=distance))
        eca_a, eca_b = (self._eca(run, cells, count, cell_km2, distance, probability)
                        for run in (before, after))
        check_cancelled(progress)
        feedback.setProgress(50)
        matched = match_sources(before.ids, after.ids)
        changes = link_changes(before.end_sources(), before.costs(), after.end_sources(),
                               after.costs(), matched)
        transitions = zone_transitions(before.zones, after.zones, units=cells - 1,
                                       n_units=count, cell_area=cell_km2)
        indicators = [UnitIndicators(
            eca=eca.by_unit, source_area=eca.source_area,
            corridor_cost=mean_link_cost(eca.end_units - 1, run.costs(), n_units=count),
            restoration_area=restoration)
            for eca, run, restoration in (
                (eca_a, before, transitions.by_unit[:, RESTORATION, :].sum(axis=1)),
                (eca_b, after, transitions.by_unit[:, :, RESTORATION].sum(axis=1)))]
        result = effectiveness(*indicators, weights=weights)
        labels = group_labels(units)
        groups = None if labels is None else out.group_sums(
            units.groups, labels, indicators, [eca.end_units for eca in (eca_a, eca_b)],
            [run.costs() for run in (before, after)], weights)
        check_cancelled(progress)
        feedback.setProgress(70)

        # Every number is known: the outputs are written now, none half.
        results: Dict[str, Any] = {
            self.ECA_BEFORE: eca_a.total, self.ECA_AFTER: eca_b.total,
            self.SOURCES_GAINED: int(matched.gained.size),
            self.SOURCES_LOST: int(matched.lost.size),
            self.LINKS_NEW: int(changes.new.size), self.LINKS_LOST: int(changes.lost.size)}
        changed, styles = transitions.change, []  # the sidecar styles written
        results[self.SOURCE_CHANGE] = out.write_change_raster(
            context, grid, source_change(before.ids, after.ids), rasters[self.SOURCE_CHANGE],
            out.source_change_entries(), self.tr("Source change"), styles)
        results[self.ZONE_CHANGE] = out.write_change_raster(
            context, grid, changed, rasters[self.ZONE_CHANGE],
            out.zone_change_entries(np.unique(changed[changed > 0])), self.tr("Zone change"),
            styles)
        results[self.OUTPUT] = out.write_units(self, parameters, self.OUTPUT, context, units,
                                               indicators[0], indicators[1], result, styles)
        results[self.LINK_CHANGES] = out.write_links(self, parameters, self.LINK_CHANGES,
                                                     context, before, after, changes, styles)
        results[self.TRANSITIONS] = out.write_transitions(self, parameters, self.TRANSITIONS,
                                                          context, units, transitions)
        if groups is not None and parameters.get(self.GROUPS):
            results[self.GROUPS] = out.write_groups(self, parameters, self.GROUPS, context,
                                                    *groups)
        elif parameters.get(self.GROUPS):
            feedback.pushInfo(self.tr("No group field: the table by group is not written."))
        feedback.pushInfo(self.tr(
            "ECA {a:.6g} -> {b:.6g} km²; sources: {lost} lost, {gained} gained; corridors: "
            "{lost_links} lost, {new} new.").format(
                a=eca_a.total, b=eca_b.total, lost=matched.lost.size,
                gained=matched.gained.size, lost_links=changes.lost.size,
                new=changes.new.size))
        feedback.setProgress(100)
        return results

    # ------------------------------------------------------------------ steps ----------

    @staticmethod
    def _eca(run: Run, cells: np.ndarray, count: int, cell_km2: float, distance: float,
             probability: float) -> RunEca:
        ids, table = cross_tabulate(run.ids, cells, n_units=count, weights=cell_km2)
        areas = table.sum(axis=1)
        ends = run.end_sources()
        index = np.searchsorted(ids, ends)
        pstar = pair_probabilities(ids.size, index[:, 0], index[:, 1], run.costs(),
                                   distance=distance, probability=probability)
        return RunEca(total=equivalent_connected_area(areas, pstar),
                      by_unit=unit_eca(table[:, 1:], areas, pstar),
                      source_area=table[:, 1:].sum(axis=0),
                      end_units=link_end_units(ends, ids, table))
