"""esp:collaborativezoning: the ESP attributed to administrative units (counties), their
connectivity matrix, collaboration zones and restoration burden / benefit account."""

import math
from typing import Any, Dict, List, Optional, Tuple

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)

from ...espcore.corridors.barriers import LINKAGE_MAPPER
from ...espcore.corridors.costdistance import square_cell
from ...espcore.grid import Grid
from ...espcore.progress import check_cancelled
from ...espcore.zoning.collaboration import Account, cross_tabulate, line_lengths_by_unit
from ...espcore.zoning.ledger import (
    barrier_account,
    cross_boundary_links,
    element_shares,
    link_end_units,
    outside_amounts,
    unit_ledger,
)
from ...espcore.zoning.unitgraph import (
    CollaborationZones,
    UnitMatrix,
    collaboration_zones,
    link_matrix,
    resistance_matrix,
)
from ..base import EspAlgorithm, FeedbackProgress
from ..connectivity.barriers import (
    add_radius_parameters,
    link_distances,
    read_radii,
    warn_empty_rings,
)
from ..io.links import (
    LINKS,
    LinkTable,
    active_rows,
    add_links_parameter,
    link_lines,
    link_values,
    nullable,
    read_links,
)
from ..io.raster import check_cells_memory
from ..io.sinks import open_sink, write_all
from ..io.sources import add_resistance_parameter, add_source_parameters, read_sources
from ..io.units import Topology, Units, group_labels, read_units, topology, unit_raster
from ..io.vector_styles import Category
from ..io.zones import (
    COMMUNITY_COLOURS,
    km2_factor,
    read_key_areas,
    read_zone_codes,
    style_sink,
    unique_field_names,
    write_table,
)
from ..qgis_compat import (
    FieldDataType,
    NumberType,
    SourceType,
    new_field,
)

#: MATRIX_MODE choices.
COUNT, FIELD_SUM, RESISTANCE_MODE = 0, 1, 2


class CollaborativeZoning(EspAlgorithm):
    NAME = "collaborativezoning"
    GROUP = "zoning"

    UNITS = "UNITS"
    UNIT_NAME_FIELD = "UNIT_NAME_FIELD"
    GROUP_FIELD = "GROUP_FIELD"
    LINK_WEIGHT_FIELD = "LINK_WEIGHT_FIELD"
    ZONES = "ZONES"
    KEY_AREAS = "KEY_AREAS"
    MATRIX_MODE = "MATRIX_MODE"
    LINK_UNITS = "LINK_UNITS"
    RESOLUTION = "RESOLUTION"
    SEED = "SEED"
    OUTPUT = "OUTPUT"
    CROSS_LINKS = "CROSS_LINKS"
    MATRIX = "MATRIX"
    SHARES = "SHARES"
    ACCOUNT = "ACCOUNT"
    COMMUNITY_COUNT = "COMMUNITY_COUNT"
    MODULARITY = "MODULARITY"
    GROUP_MODULARITY = "GROUP_MODULARITY"
    ADJUSTED_RAND = "ADJUSTED_RAND"
    CROSS_LINK_COUNT = "CROSS_LINK_COUNT"
    OVERLAP_KM2 = "OVERLAP_KM2"
    GAP_KM2 = "GAP_KM2"

    def displayName(self) -> str:
        return self.tr("Collaborative zoning across administrative units")

    def tags(self) -> List[str]:
        return self.tr("collaboration,cross-boundary,county,administrative units,ledger,"
                       "community,Louvain,compensation,burden,benefit,跨区域协同,"
                       "生态修复").split(",")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Attributes the ecological security pattern to administrative units (for "
            "example counties) so that they can plan its restoration together.</p>"
            "<p><b>Unit layer (ledger)</b>: the units with, per unit, the source area "
            "(src_km2, src_n sources, src_pct of the unit), the corridor length (cor_km, "
            "cor_n), the part of cross-boundary sources and corridors inside it (xsrc_km2, "
            "xsrc_n, xcor_km, xcor_n), the cross-boundary links with an end in it (xlink_n), "
            "pinch points and barriers (pinch_n, pinch_km2, bar_n, bar_km2; a patch counts "
            "in the unit holding most of it), zone areas (z1_km2-z4_km2), the restoration "
            "account (burden_km2, benefit_km2, net_km2), the collaboration zone (community) "
            "and, with a group field, the collaboration zone most common in the unit's group "
            "(grp_comm). Units without elements get zeros.</p>"
            "<p><b>Cross-boundary links</b>: active links whose two sources lie in different "
            "units (a source belongs to the unit holding most of its area). <b>Matrix</b>: "
            "unit by unit, the number of links, the sum of a link field (for example "
            "CF_Central from 'Centrality'), or the effective resistance of a pairwise "
            "circuit with the source cells of each unit as one focal region (× cell size, "
            "in cost units). <b>Collaboration zones</b>: Louvain communities of the unit "
            "graph weighted by the matrix (by conductance 1/R for resistances), with a "
            "fixed seed; with a group field (for example the prefecture) its modularity and "
            "the adjusted Rand index of the two groupings are reported. <b>Shares</b>: every "
            "source and corridor split over the units (each sums to 100 %). "
            "<b>Account</b>: each barrier key area (from 'Restoration zoning') is restored by "
            "the units it lies in and benefits the units of the sources of the links it "
            "improves, in proportion to its improvement score for each link (Barrier "
            "Mapper's score, radii as in 'Barriers'), half to each end source, split by "
            "source area: restorer, beneficiary, km².</p>"
            "<p>Units are burnt onto the resistance grid by cell centre (the first unit wins "
            "where they overlap), so the ledger's areas and lengths have the grid's "
            "resolution. Overlapping units and gaps between them are reported. The CRS must "
            "be projected.</p>"
            "<p>Reference: Blondel et al. (2008) Fast unfolding of communities in large "
            "networks, J. Stat. Mech. P10008; Hubert &amp; Arabie (1985) Comparing "
            "partitions, J. Classif. 2: 193-218.</p>")

    # ------------------------------------------------------------------ parameters ----

    def initAlgorithm(self, config: Any = None) -> None:
        tr, add = self.tr, self.add_parameter
        add(QgsProcessingParameterFeatureSource(self.UNITS, tr("Administrative units"),
                                                [SourceType.VectorPolygon]),
            tr("Polygons of the units that share the pattern, for example the 122 counties "
               "of Hunan."))
        add(QgsProcessingParameterField(self.UNIT_NAME_FIELD, tr("Unit name field"),
                                        parentLayerParameterName=self.UNITS),
            tr("The name of each unit, written in every table."))
        add(QgsProcessingParameterField(self.GROUP_FIELD, tr("Existing grouping field"),
                                        parentLayerParameterName=self.UNITS, optional=True),
            tr("Optional: an existing grouping of the units (for example the prefecture), "
               "compared with the collaboration zones."))
        add_resistance_parameter(self, tr("Its grid is the grid the units are counted on."))
        add_source_parameters(self)
        add_links_parameter(self)
        add(QgsProcessingParameterField(self.LINK_WEIGHT_FIELD, tr("Link weight field"),
                                        parentLayerParameterName=LINKS,
                                        type=FieldDataType.Numeric,
                                        optional=True),
            tr("For the matrix mode 'Sum of a link field': for example CF_Central (current "
               "flow) of 'Centrality' or Eff_Resist of 'Pinch points'."))
        add(QgsProcessingParameterRasterLayer(self.ZONES, tr("Restoration zones"),
                                              optional=True),
            tr("The zone raster of 'Restoration zoning' (on the resistance grid): zone areas "
               "per unit."))
        add(QgsProcessingParameterFeatureSource(self.KEY_AREAS, tr("Key restoration areas"),
                                                [SourceType.VectorPolygon], optional=True),
            tr("The key areas of 'Restoration zoning' (field kind_id): pinch points and "
               "barriers per unit, and the barriers of the restoration account."))
        add(QgsProcessingParameterEnum(self.MATRIX_MODE, tr("Unit matrix"),
                                       [tr("Number of links"), tr("Sum of a link field"),
                                        tr("Effective resistance (circuit)")], defaultValue=0),
            tr("What the unit-by-unit matrix holds and what weighs the collaboration graph."))
        add(QgsProcessingParameterEnum(self.LINK_UNITS, tr("A link ties together"),
                                       [tr("The units of its two sources"),
                                        tr("Every unit its corridor crosses")],
                                       defaultValue=1),
            tr("For the link matrices: only the units holding the link's two sources, or "
               "also every unit its least-cost path crosses (they must keep the corridor "
               "open together). The effective-resistance matrix is not affected."))
        add(QgsProcessingParameterNumber(self.RESOLUTION, tr("Community resolution"),
                                         NumberType.Double,
                                         defaultValue=1.0, minValue=0.001),
            tr("Louvain resolution: above 1 gives more, smaller collaboration zones; below 1 "
               "fewer, larger ones."))
        add(QgsProcessingParameterNumber(self.SEED, tr("Random seed"),
                                         NumberType.Integer,
                                         defaultValue=1),
            tr("Seed of the Louvain search: the same inputs and seed give the same zones."))
        add_radius_parameters(self)
        for key, label, kind, text in (
                (self.OUTPUT, tr("Unit ledger"), SourceType.VectorPolygon,
                 tr("The units with the ledger fields and their collaboration zone.")),
                (self.CROSS_LINKS, tr("Cross-boundary links"), SourceType.VectorLine,
                 tr("Active links whose sources lie in different units, with both names.")),
                (self.MATRIX, tr("Unit matrix"), SourceType.Vector,
                 tr("Table: one row and one column per unit.")),
                (self.SHARES, tr("Element shares"), SourceType.Vector,
                 tr("Table: each source (km²) and corridor (km) per unit, with its share.")),
                (self.ACCOUNT, tr("Restoration account"), SourceType.Vector,
                 tr("Table: barrier area restored in one unit for the benefit of another."))):
            add(QgsProcessingParameterFeatureSink(key, label, kind), text)
        for key, label in ((self.COMMUNITY_COUNT, tr("Number of collaboration zones")),
                           (self.MODULARITY, tr("Modularity of the collaboration zones")),
                           (self.GROUP_MODULARITY, tr("Modularity of the existing grouping")),
                           (self.ADJUSTED_RAND, tr("Adjusted Rand index of the two "
                                                   "groupings")),
                           (self.CROSS_LINK_COUNT, tr("Number of cross-boundary links")),
                           (self.OVERLAP_KM2, tr("Area of overlapping units (km²)")),
                           (self.GAP_KM2, tr("Area of gaps between units (km²)"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    # ------------------------------------------------------------------ run ------------

    def compute(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        progress = FeedbackProgress(feedback)
        grid, labels = read_sources(self, parameters, context, feedback)
        check_cells_memory(grid.values.size, "zoning", self.tr("Collaborative zoning"))
        to_km2 = km2_factor(grid.crs or "")
        cell_km2 = abs(grid.cell_size[0] * grid.cell_size[1]) * to_km2
        units = self._units(parameters, context, grid)
        count = units.count
        outputs: Dict[str, Any] = {}
        checked = topology(units, tolerance=1.0 / to_km2 * 1e-6)  # 1 m²
        outputs[self.OVERLAP_KM2] = checked.overlap_area * to_km2
        outputs[self.GAP_KM2] = checked.gap_area * to_km2
        self._report_topology(checked, units, to_km2, feedback)
        cells = unit_raster(units, grid)
        table = read_links(self, parameters, context)
        active = active_rows(table, labels)
        end_sources = table.end_sources(active)
        lines = link_lines(self, parameters, context, table, active, grid.crs or "")
        pinch_points, barriers = read_key_areas(self, parameters, self.KEY_AREAS, context,
                                                grid)
        zone_codes = read_zone_codes(self, parameters, self.ZONES, context)
        feedback.setProgress(5)

        source_ids, sources = cross_tabulate(labels, cells, n_units=count, weights=cell_km2)
        ends = link_end_units(end_sources, source_ids, sources)
        assert grid.geotransform is not None  # rasters read from files always have one
        lengths = line_lengths_by_unit(lines, cells, geotransform=grid.geotransform,
                                       n_units=count) * math.sqrt(to_km2)
        check_cancelled(progress)
        feedback.setProgress(15)

        matrix = self._matrix(parameters, context, feedback, grid, labels, cells, table,
                              active, ends, lengths, count)
        check_cancelled(progress)
        feedback.setProgress(40)
        groups = group_labels(units)
        zones = collaboration_zones(
            matrix.weights, groups=groups,
            resolution=self.parameterAsDouble(parameters, self.RESOLUTION, context),
            seed=self.parameterAsInt(parameters, self.SEED, context))
        outputs[self.COMMUNITY_COUNT] = zones.count
        outputs[self.MODULARITY] = zones.modularity
        if groups is not None:
            outputs[self.GROUP_MODULARITY] = zones.group_modularity
            outputs[self.ADJUSTED_RAND] = zones.adjusted_rand
            feedback.pushInfo(self.tr(
                "{k} collaboration zones, modularity {q:.3f}; the existing grouping has "
                "modularity {g:.3f}; adjusted Rand index {ari:.3f}.").format(
                    k=zones.count, q=zones.modularity, g=zones.group_modularity,
                    ari=zones.adjusted_rand))
        feedback.setProgress(50)

        account = self._account(parameters, context, feedback, grid, labels, cells, count,
                                cell_km2, table, end_sources, barriers, source_ids, sources)
        ledger = unit_ledger(units.areas() * to_km2, cells, cell_area=cell_km2,
                             sources=sources, lengths=lengths, end_units=ends,
                             pinch_points=pinch_points, barriers=barriers, zones=zone_codes,
                             account=account)
        check_cancelled(progress)
        feedback.setProgress(90)

        # Every number is known: the outputs are written now, none half.
        outputs[self.OUTPUT] = self._write_ledger(parameters, context, units, ledger, zones)
        outputs[self.CROSS_LINKS], outputs[self.CROSS_LINK_COUNT] = self._write_cross_links(
            parameters, context, units, table, active, ends, lengths)
        outputs[self.MATRIX] = self._write_matrix(parameters, context, units, matrix.values)
        outputs[self.SHARES] = self._write_shares(parameters, context, units, source_ids,
                                                  sources, table, active, lengths)
        outputs[self.ACCOUNT] = self._write_account(parameters, context, units, account)
        self._report_outside(ledger, feedback)
        feedback.setProgress(100)
        return outputs

    # ------------------------------------------------------------------ steps ----------

    def _units(self, parameters: Dict[str, Any], context: QgsProcessingContext,
               grid: Grid) -> Units:
        source = self.parameterAsSource(parameters, self.UNITS, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.UNITS))
        name_field = self.parameterAsString(parameters, self.UNIT_NAME_FIELD, context)
        group_field = self.parameterAsString(parameters, self.GROUP_FIELD, context) or None
        return read_units(source, name_field, group_field, grid.crs or "", context)

    def _matrix(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback, grid: Grid, labels: np.ndarray,
                cells: np.ndarray, table: LinkTable, active: np.ndarray, ends: np.ndarray,
                lengths: np.ndarray, count: int) -> UnitMatrix:
        """The unit matrix of the chosen mode, with the weights of the collaboration graph."""
        mode = self.parameterAsEnum(parameters, self.MATRIX_MODE, context)
        if mode == RESISTANCE_MODE:
            return resistance_matrix(grid, labels, cells, n_units=count,
                                     progress=FeedbackProgress(feedback, 15, 40))
        name, weights = "", None
        if mode == FIELD_SUM:
            name = self.parameterAsString(parameters, self.LINK_WEIGHT_FIELD, context)
            if not name:
                raise QgsProcessingException(self.tr(
                    "Choose the link weight field for the matrix mode 'Sum of a link "
                    "field'."))
            weights = link_values(table, active, name)
        crossed = lengths if self.parameterAsEnum(parameters, self.LINK_UNITS, context) else None
        matrix = link_matrix(ends, n_units=count, weights=weights, crossed=crossed)
        if matrix.unweighted:
            feedback.pushWarning(self.tr(
                "{n} links have no value in '{field}' and count as 0.").format(
                    n=matrix.unweighted, field=name))
        if matrix.left_out:
            feedback.pushWarning(self.tr(
                "{n} links lie (or have a source) outside every unit and are left out of the "
                "matrix.").format(n=matrix.left_out))
        return matrix

    def _account(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                 feedback: QgsProcessingFeedback, grid: Grid, labels: np.ndarray,
                 cells: np.ndarray, count: int, cell_km2: float, table: LinkTable,
                 end_sources: np.ndarray, barriers: Optional[np.ndarray],
                 source_ids: np.ndarray, sources: np.ndarray) -> Optional[Account]:
        """The restoration account of the barrier key areas; None without them."""
        if barriers is None:
            return None
        cell = square_cell(grid.cell_size)
        radii = warn_empty_rings(feedback, read_radii(self, parameters, context, cell), cell,
                                 LINKAGE_MAPPER)
        links = link_distances(table, grid, labels, feedback, 50, 70)
        return barrier_account(links, barriers, cells, n_units=count, cell_area=cell_km2,
                               radii=radii, cell_size=cell, end_sources=end_sources,
                               source_ids=source_ids, source_table=sources,
                               source_mask=labels > 0,
                               progress=FeedbackProgress(feedback, 70, 88))

    # ------------------------------------------------------------------ outputs --------

    def _write_ledger(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      units: Units, ledger: Dict[str, np.ndarray],
                      zones: CollaborationZones) -> str:
        source = self.parameterAsSource(parameters, self.UNITS, context)
        fields = QgsFields(source.fields())
        names = list(ledger)
        integer = {name for name in names if name.endswith("_n")}
        extra = [(name, "int" if name in integer else "double")
                 for name in names] + [("community", "int")]
        if zones.typical is not None:
            extra.append(("grp_comm", "int"))
        for name, kind in extra:
            if fields.indexFromName(name) >= 0:
                fields.remove(fields.indexFromName(name))
            fields.append(new_field(name, kind))
        sink, destination = open_sink(self, parameters, self.OUTPUT, context, fields,
                                       source.wkbType(), source.sourceCrs())
        community = zones.community
        rows = []
        for index, feature in enumerate(units.features):
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            values = dict(zip(feature.fields().names(), feature.attributes()))
            for name in names:
                value = float(ledger[name][index + 1])
                values[name] = int(round(value)) if name in integer else value
            values["community"] = int(community[index]) if community[index] > 0 else None
            if zones.typical is not None:
                values["grp_comm"] = zones.typical[index]
            out.setAttributes([values.get(name) for name in fields.names()])
            rows.append(out)
        write_all(sink, rows)
        highest = int(community.max()) if community.size else 0
        categories: List[Category] = [
            (k, COMMUNITY_COLOURS[(k - 1) % len(COMMUNITY_COLOURS)],
             self.tr("Collaboration zone {k}").format(k=k)) for k in range(1, highest + 1)]
        categories.append((None, "#ffffff", self.tr("No shared corridor")))
        style_sink(context, destination, "community", categories, "esp_collaboration")
        return destination

    def _write_cross_links(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                           units: Units, table: LinkTable, active: np.ndarray,
                           ends: np.ndarray, lengths: np.ndarray) -> Tuple[str, int]:
        source = self.parameterAsSource(parameters, LINKS, context)
        fields = QgsFields()
        for name, kind in (("Link_ID", "int"), ("From_Core", "int"),
                           ("To_Core", "int"), ("From_Unit", "string"),
                           ("To_Unit", "string"), ("CW_Dist", "double"),
                           ("length_km", "double")):
            fields.append(new_field(name, kind))
        sink, destination = open_sink(self, parameters, self.CROSS_LINKS, context, fields,
                                       source.wkbType(), source.sourceCrs())
        positions, length_km = cross_boundary_links(ends, lengths)
        rows = []
        for position, km in zip(positions, length_km):
            row, (a, b) = active[position], ends[position]
            out = QgsFeature(fields)
            out.setGeometry(table.features[row].geometry())
            out.setAttributes([int(table.link_id[row]), int(table.from_core[row]),
                               int(table.to_core[row]), units.name(int(a)),
                               units.name(int(b)), nullable(table.cw_dist[row]), float(km)])
            rows.append(out)
        write_all(sink, rows)
        return destination, len(rows)

    def _write_matrix(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      units: Units, matrix: np.ndarray) -> str:
        columns = [("unit", "string")] + [(name, "double")
                                          for name in unique_field_names(units.names)]
        rows = ([name] + [nullable(value) for value in values]
                for name, values in zip(units.names, matrix))
        return write_table(self, parameters, self.MATRIX, context, columns, rows)

    def _write_shares(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      units: Units, source_ids: np.ndarray, sources: np.ndarray,
                      table: LinkTable, active: np.ndarray, lengths: np.ndarray) -> str:
        columns = (("element", "string"), ("element_id", "int"), ("unit", "string"),
                   ("amount", "double"), ("unit_of", "string"), ("share_pct", "double"),
                   ("cross", "int"))
        rows = []
        for element, unit_of, ids, amounts in (
                (self.tr("Source"), "km²", source_ids, sources),
                (self.tr("Corridor"), "km", table.link_id[active], lengths)):
            shares = element_shares(ids, amounts)
            rows += [[element, int(element_id), units.name(int(unit)), float(amount), unit_of,
                      float(share), int(cross)]
                     for element_id, unit, amount, share, cross in zip(
                         shares.element, shares.unit, shares.amount, shares.share_pct,
                         shares.cross)]
        return write_table(self, parameters, self.SHARES, context, columns, rows)

    def _write_account(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                       units: Units, account: Optional[Account]) -> str:
        columns = (("restorer", "string"), ("beneficiary", "string"), ("area_km2", "double"))
        flows = np.zeros((0, 0)) if account is None else account.flows
        rows = ([units.name(int(r)), units.name(int(e)), float(flows[r, e])]
                for r, e in zip(*np.nonzero(flows > 0)))
        return write_table(self, parameters, self.ACCOUNT, context, columns, rows)

    # ------------------------------------------------------------------ reports --------

    def _report_topology(self, checked: Topology, units: Units, to_km2: float,
                         feedback: QgsProcessingFeedback) -> None:
        if checked.overlaps:
            worst = sorted(checked.overlaps, key=lambda item: -item[2])[:10]
            feedback.pushWarning(self.tr(
                "Units overlap on {area:.4g} km² ({n} pairs; largest: {pairs}). Each "
                "overlapping cell is counted once, in the first unit of the layer.").format(
                    area=checked.overlap_area * to_km2, n=len(checked.overlaps),
                    pairs="; ".join("{0} / {1} {2:.4g} km²".format(
                        units.name(a), units.name(b), area * to_km2)
                        for a, b, area in worst)))
        if checked.gaps:
            feedback.pushWarning(self.tr(
                "The units leave {n} gaps of {area:.4g} km² in all; elements there are "
                "counted as outside every unit.").format(n=checked.gaps,
                                                        area=checked.gap_area * to_km2))

    def _report_outside(self, ledger: Dict[str, np.ndarray],
                        feedback: QgsProcessingFeedback) -> None:
        outside = outside_amounts(ledger)
        if outside:
            feedback.pushWarning(self.tr(
                "Outside every unit: {items}. Check that the units cover the study "
                "area.").format(items=", ".join("{0} {1:.4g}".format(k, v)
                                                for k, v in outside.items())))

