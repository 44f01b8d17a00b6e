"""esp:collaborativezoning: the ESP attributed to administrative units (counties), their
connectivity matrix, collaboration zones and restoration burden / benefit account."""

import math
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFields,
    QgsGeometry,
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

from ...espcore.circuits.graph import conductances
from ...espcore.corridors.costdistance import square_cell
from ...espcore.grid import Grid
from ...espcore.progress import check_cancelled
from ...espcore.zoning.collaboration import (
    Account,
    adjusted_rand_index,
    communities,
    cross_tabulate,
    line_lengths_by_unit,
    link_barrier_scores,
    majority_units,
    partition_modularity,
    restoration_account,
    shared_matrix,
    source_beneficiaries,
    typical_communities,
    unit_matrix,
    unit_resistances,
)
from ...espcore.zoning.zones import BARRIER, PINCH_POINT, ZONES
from ..base import EspAlgorithm, FeedbackProgress
from ..connectivity.barriers import add_radius_parameters, link_distances, read_radii
from ..io.links import (
    LINKS,
    LinkTable,
    active_rows,
    add_links_parameter,
    nullable,
    number_or_nan,
    read_links,
)
from ..io.patches import rasterize_ids
from ..io.raster import check_aligned, read_grid
from ..io.sources import RESISTANCE, add_resistance_parameter, add_source_parameters, read_sources
from ..io.units import Topology, Units, group_labels, read_units, topology, unit_raster
from ..io.vector_styles import Category
from ..io.zones import COMMUNITY_COLOURS, add_all, km2_factor, open_sink, style_sink
from ..qgis_compat import (
    FieldDataType,
    NumberType,
    SourceType,
    WkbType,
    double_field,
    new_field,
    string_field,
)

#: MATRIX_MODE choices.
COUNT, FIELD_SUM, RESISTANCE_MODE = 0, 1, 2


@dataclass
class Ledger:
    """Per-unit columns (index 0 = outside every unit), in the order they are written."""

    columns: Dict[str, np.ndarray] = field(default_factory=dict)

    def add(self, name: str, values: np.ndarray) -> None:
        self.columns[name] = np.asarray(values, dtype=np.float64)


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
        tr = self.tr
        progress = FeedbackProgress(feedback)
        grid, labels = read_sources(self, parameters, context, feedback)
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
        feedback.setProgress(5)

        table = read_links(self, parameters, context)
        active = active_rows(table, labels)
        source_ids, sources = cross_tabulate(labels, cells, n_units=count, weights=cell_km2)
        source_unit = dict(zip(source_ids.tolist(), majority_units(sources).tolist()))
        ends = np.array([[source_unit[int(table.from_core[row])],
                          source_unit[int(table.to_core[row])]] for row in active],
                        dtype=np.int64).reshape(-1, 2)
        lines = self._lines(table, active, parameters, context, grid)
        assert grid.geotransform is not None  # rasters read from files always have one
        lengths = line_lengths_by_unit(lines, cells, geotransform=grid.geotransform,
                                       n_units=count) * math.sqrt(to_km2)
        check_cancelled(progress)
        feedback.setProgress(15)

        matrix, graph = self._matrix(parameters, context, feedback, grid, labels, cells,
                                     table, active, ends, lengths, count)
        check_cancelled(progress)
        feedback.setProgress(40)
        resolution = self.parameterAsDouble(parameters, self.RESOLUTION, context)
        zones = communities(graph, resolution=resolution,
                            seed=self.parameterAsInt(parameters, self.SEED, context))
        # A unit sharing no link with another has no collaboration zone (NULL), rather
        # than a zone of its own.
        off_diagonal = graph - np.diag(np.diag(graph))
        linked = off_diagonal.sum(axis=1) > 0
        community = np.where(linked, zones.labels, 0)
        groups = group_labels(units)
        outputs[self.COMMUNITY_COUNT] = int(np.unique(community[linked]).size)
        outputs[self.MODULARITY] = zones.modularity
        if groups is not None:
            outputs[self.GROUP_MODULARITY] = partition_modularity(graph, groups,
                                                                  resolution=resolution)
            compared = linked & (groups > 0)
            outputs[self.ADJUSTED_RAND] = adjusted_rand_index(community[compared],
                                                              groups[compared]) \
                if compared.any() else math.nan
            feedback.pushInfo(tr(
                "{k} collaboration zones, modularity {q:.3f}; the existing grouping has "
                "modularity {g:.3f}; adjusted Rand index {ari:.3f}.").format(
                    k=outputs[self.COMMUNITY_COUNT], q=zones.modularity,
                    g=outputs[self.GROUP_MODULARITY], ari=outputs[self.ADJUSTED_RAND]))

        ledger = Ledger()
        self._ledger_sources(ledger, units, sources, to_km2)
        self._ledger_corridors(ledger, lengths, ends, count)
        barriers = self._ledger_key_areas(ledger, parameters, context, grid, cells, count,
                                          cell_km2)
        self._ledger_zones(ledger, parameters, context, cells, count, cell_km2)
        feedback.setProgress(50)
        account = self._account(parameters, context, feedback, grid, labels, cells, count,
                                cell_km2, table, active, barriers, source_ids, sources)
        if account is not None:
            ledger.add("burden_km2", account.burden)
            ledger.add("benefit_km2", account.benefit)
            ledger.add("net_km2", account.net)
        check_cancelled(progress)
        feedback.setProgress(90)

        # Every number is known: the outputs are written now, none half.
        outputs[self.OUTPUT] = self._write_ledger(parameters, context, units, ledger,
                                                  community, groups)
        outputs[self.CROSS_LINKS], outputs[self.CROSS_LINK_COUNT] = self._write_cross_links(
            parameters, context, units, table, active, ends, lengths, grid)
        outputs[self.MATRIX] = self._write_matrix(parameters, context, units, matrix)
        outputs[self.SHARES] = self._write_shares(parameters, context, units, source_ids,
                                                  sources, table, active, lengths)
        outputs[self.ACCOUNT] = self._write_account(parameters, context, units, account)
        self._report_outside(ledger, feedback)
        feedback.setProgress(100)
        return outputs

    # ------------------------------------------------------------------ inputs ---------

    def _units(self, parameters: Dict[str, Any], context: QgsProcessingContext,
               grid: Grid) -> Units:
        source = self.parameterAsSource(parameters, self.UNITS, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.UNITS))
        name_field = self.parameterAsString(parameters, self.UNIT_NAME_FIELD, context)
        group_field = self.parameterAsString(parameters, self.GROUP_FIELD, context) or None
        return read_units(source, name_field, group_field, grid.crs or "", context)

    def _lines(self, table: LinkTable, active: np.ndarray, parameters: Dict[str, Any],
               context: QgsProcessingContext, grid: Grid) -> List[List[np.ndarray]]:
        """Vertices of each active link's path in the grid's CRS, one array per part."""
        source = self.parameterAsSource(parameters, LINKS, context)
        transform = QgsCoordinateTransform(source.sourceCrs(),
                                           QgsCoordinateReferenceSystem.fromWkt(grid.crs or ""),
                                           context.transformContext())
        lines = []
        for row in active:
            geometry = QgsGeometry(table.features[row].geometry())
            parts: List[np.ndarray] = []
            if not geometry.isNull() and not geometry.isEmpty():
                geometry.transform(transform)
                polylines = geometry.asMultiPolyline() if geometry.isMultipart() \
                    else [geometry.asPolyline()]
                parts = [np.array([(p.x(), p.y()) for p in line]) for line in polylines
                         if len(line) > 1]
            lines.append(parts)
        return lines

    def _matrix(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback, grid: Grid, labels: np.ndarray,
                cells: np.ndarray, table: LinkTable, active: np.ndarray, ends: np.ndarray,
                lengths: np.ndarray, count: int) -> Tuple[np.ndarray, np.ndarray]:
        """The unit matrix as written, and the weights of the collaboration graph."""
        mode = self.parameterAsEnum(parameters, self.MATRIX_MODE, context)
        if mode == RESISTANCE_MODE:
            valid = ~grid.mask & np.isfinite(grid.values)
            g = conductances(np.where(valid, grid.values, 1.0), valid, is_resistance=True)
            focal = np.where((labels > 0) & valid, cells, 0)
            resistance = unit_resistances(g, focal, n_units=count,
                                          progress=FeedbackProgress(feedback, 15, 40))
            resistance *= square_cell(grid.cell_size)
            with np.errstate(divide="ignore"):
                graph = np.where(np.isfinite(resistance) & (resistance > 0),
                                 1.0 / resistance, 0.0)
            return resistance, graph
        weights = np.ones(len(active))
        if mode == FIELD_SUM:
            name = self.parameterAsString(parameters, self.LINK_WEIGHT_FIELD, context)
            if not name:
                raise QgsProcessingException(self.tr(
                    "Choose the link weight field for the matrix mode 'Sum of a link "
                    "field'."))
            weights = np.array([number_or_nan(table.features[row][name]) for row in active])
            missing = ~np.isfinite(weights)
            if missing.any():
                feedback.pushWarning(self.tr(
                    "{n} links have no value in '{field}' and count as 0.").format(
                        n=int(missing.sum()), field=name))
                weights[missing] = 0.0
        if self.parameterAsEnum(parameters, self.LINK_UNITS, context) == 0:
            matrix, left_out = unit_matrix(ends, weights, n_units=count)
        else:
            members = lengths > 0
            members[np.arange(len(ends))[:, None], ends] = True
            matrix, left_out = shared_matrix(members, weights, n_units=count)
        if left_out:
            feedback.pushWarning(self.tr(
                "{n} links lie (or have a source) outside every unit and are left out of the "
                "matrix.").format(n=left_out))
        return matrix, matrix

    # ------------------------------------------------------------------ ledger ---------

    def _ledger_sources(self, ledger: Ledger, units: Units, sources: np.ndarray,
                        to_km2: float) -> None:
        area = np.array([0.0] + [g.area() * to_km2 for g in units.geometries])
        ledger.add("area_km2", area)
        ledger.add("src_n", (sources > 0).sum(axis=0))
        ledger.add("src_km2", sources.sum(axis=0))
        with np.errstate(divide="ignore", invalid="ignore"):
            ledger.add("src_pct", np.where(area > 0, 100.0 * sources.sum(axis=0) / area, 0.0))
        cross = (sources > 0).sum(axis=1) > 1
        ledger.add("xsrc_n", (sources[cross] > 0).sum(axis=0))
        ledger.add("xsrc_km2", sources[cross].sum(axis=0))

    def _ledger_corridors(self, ledger: Ledger, lengths: np.ndarray, ends: np.ndarray,
                          count: int) -> None:
        ledger.add("cor_n", (lengths > 0).sum(axis=0))
        ledger.add("cor_km", lengths.sum(axis=0))
        cross = (lengths > 0).sum(axis=1) > 1
        ledger.add("xcor_n", (lengths[cross] > 0).sum(axis=0))
        ledger.add("xcor_km", lengths[cross].sum(axis=0))
        links = np.zeros(count + 1)
        for a, b in ends[ends[:, 0] != ends[:, 1]]:
            links[a] += 1
            links[b] += 1
        ledger.add("xlink_n", links)

    def _ledger_key_areas(self, ledger: Ledger, parameters: Dict[str, Any],
                          context: QgsProcessingContext, grid: Grid, cells: np.ndarray,
                          count: int, cell_km2: float) -> Optional[np.ndarray]:
        """Pinch points and barriers per unit; returns the barrier patch raster (ids
        1..B), or None without barrier key areas."""
        burnt: Dict[int, List[Tuple[int, bytes]]] = {PINCH_POINT: [], BARRIER: []}
        source = self.parameterAsSource(parameters, self.KEY_AREAS, context)
        if source is not None:
            if "kind_id" not in source.fields().names():
                raise QgsProcessingException(self.tr(
                    "The key areas layer has no kind_id field; give the key areas written "
                    "by 'Restoration zoning'."))
            transform = QgsCoordinateTransform(source.sourceCrs(),
                                               QgsCoordinateReferenceSystem.fromWkt(
                                                   grid.crs or ""),
                                               context.transformContext())
            for feature in source.getFeatures():
                kind = number_or_nan(feature["kind_id"])
                if kind in burnt and not feature.geometry().isNull():
                    geometry = QgsGeometry(feature.geometry())
                    geometry.transform(transform)
                    burnt[int(kind)].append((len(burnt[int(kind)]) + 1,
                                             bytes(geometry.asWkb())))
        patches_of: Dict[int, Optional[np.ndarray]] = {}
        for kind, prefix in ((PINCH_POINT, "pinch"), (BARRIER, "bar")):
            if burnt[kind]:
                ids = rasterize_ids(burnt[kind], grid)
                _, table = cross_tabulate(ids, cells, n_units=count, weights=cell_km2)
                patches_of[kind] = ids
            else:
                table = np.zeros((0, count + 1))
                patches_of[kind] = None
            counted = np.bincount(majority_units(table), minlength=count + 1) \
                if table.size else np.zeros(count + 1)
            ledger.add(prefix + "_n", counted)
            ledger.add(prefix + "_km2", table.sum(axis=0))
        return patches_of[BARRIER]

    def _ledger_zones(self, ledger: Ledger, parameters: Dict[str, Any],
                      context: QgsProcessingContext, cells: np.ndarray, count: int,
                      cell_km2: float) -> None:
        layer = self.parameterAsRasterLayer(parameters, self.ZONES, context)
        if layer is None:
            return
        resistance = self.parameterAsRasterLayer(parameters, RESISTANCE, context)
        check_aligned({self.tr("Resistance raster"): resistance,
                       self.tr("Restoration zones"): layer})
        zones = read_grid(layer, role=self.tr("Restoration zones"),
                          crs=resistance.crs().toWkt())
        codes = np.where(zones.mask, 0, zones.values).astype(np.int64)
        ids, table = cross_tabulate(codes, cells, n_units=count, weights=cell_km2)
        for code in ZONES:
            row = np.flatnonzero(ids == code)
            ledger.add("z{0}_km2".format(code),
                       table[row[0]] if row.size else np.zeros(count + 1))

    def _account(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                 feedback: QgsProcessingFeedback, grid: Grid, labels: np.ndarray,
                 cells: np.ndarray, count: int, cell_km2: float, table: LinkTable,
                 active: np.ndarray, barriers: Optional[np.ndarray], source_ids: np.ndarray,
                 sources: np.ndarray) -> Optional[Account]:
        if barriers is None:
            return None
        cell = square_cell(grid.cell_size)
        radii = read_radii(self, parameters, context, cell)
        links = link_distances(table, grid, labels, feedback, 50, 70)
        barrier_ids, scores = link_barrier_scores(
            links, barriers, radii=radii, cell_size=cell, source_mask=labels > 0,
            progress=FeedbackProgress(feedback, 70, 88))
        del links
        ids, burden = cross_tabulate(barriers, cells, n_units=count, weights=cell_km2)
        order = np.searchsorted(barrier_ids, ids)
        ends = np.array([[table.from_core[row], table.to_core[row]] for row in active],
                        dtype=np.int64)
        beneficiaries = source_beneficiaries(ends, source_ids, sources)
        return restoration_account(burden, scores[order], beneficiaries)

    # ------------------------------------------------------------------ outputs --------

    def _write_ledger(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      units: Units, ledger: Ledger, community: np.ndarray,
                      groups: Optional[np.ndarray]) -> str:
        source = self.parameterAsSource(parameters, self.UNITS, context)
        fields = QgsFields(source.fields())
        names = list(ledger.columns)
        integer = {name for name in names if name.endswith("_n")}
        extra = [(name, "int" if name in integer else "double")
                 for name in names] + [("community", "int")]
        if groups is not None:
            extra.append(("grp_comm", "int"))
        for name, kind in extra:
            if fields.indexFromName(name) >= 0:
                fields.remove(fields.indexFromName(name))
            fields.append(new_field(name, kind))
        sink, destination = open_sink(self, parameters, self.OUTPUT, context, fields,
                                       source.wkbType(), source.sourceCrs())
        typical = typical_communities(community, groups) if groups is not None else None
        rows = []
        for index, feature in enumerate(units.features):
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            values = dict(zip(feature.fields().names(), feature.attributes()))
            for name in names:
                value = float(ledger.columns[name][index + 1])
                values[name] = int(round(value)) if name in integer else value
            values["community"] = int(community[index]) if community[index] > 0 else None
            if typical is not None:
                values["grp_comm"] = typical[index]
            out.setAttributes([values.get(name) for name in fields.names()])
            rows.append(out)
        add_all(sink, rows)
        zones = int(community.max()) if community.size else 0
        categories: List[Category] = [(k, COMMUNITY_COLOURS[(k - 1) % len(COMMUNITY_COLOURS)],
                       self.tr("Collaboration zone {k}").format(k=k)) for k in range(1, zones + 1)]
        categories.append((None, "#ffffff", self.tr("No shared corridor")))
        style_sink(context, destination, "community", categories, "esp_collaboration")
        return destination

    def _write_cross_links(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                           units: Units, table: LinkTable, active: np.ndarray,
                           ends: np.ndarray, lengths: np.ndarray,
                           grid: Grid) -> Tuple[str, int]:
        source = self.parameterAsSource(parameters, LINKS, context)
        fields = QgsFields()
        for name, kind in (("Link_ID", "int"), ("From_Core", "int"),
                           ("To_Core", "int"), ("From_Unit", "string"),
                           ("To_Unit", "string"), ("CW_Dist", "double"),
                           ("length_km", "double")):
            fields.append(new_field(name, kind))
        sink, destination = open_sink(self, parameters, self.CROSS_LINKS, context, fields,
                                       source.wkbType(), source.sourceCrs())
        rows = []
        for position, row in enumerate(active):
            a, b = ends[position]
            if a == b:
                continue
            out = QgsFeature(fields)
            out.setGeometry(table.features[row].geometry())
            out.setAttributes([int(table.link_id[row]), int(table.from_core[row]),
                               int(table.to_core[row]), units.name(int(a)),
                               units.name(int(b)), nullable(table.cw_dist[row]),
                               float(lengths[position].sum())])
            rows.append(out)
        add_all(sink, rows)
        return destination, len(rows)

    def _write_matrix(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      units: Units, matrix: np.ndarray) -> str:
        fields = QgsFields()
        fields.append(string_field("unit"))
        columns = _unique_names(units.names)
        for name in columns:
            fields.append(double_field(name))
        sink, destination = open_sink(self, parameters, self.MATRIX, context, fields,
                                       WkbType.NoGeometry, QgsCoordinateReferenceSystem())
        rows = []
        for index, name in enumerate(units.names):
            out = QgsFeature(fields)
            out.setAttributes([name] + [nullable(v) for v in matrix[index]])
            rows.append(out)
        add_all(sink, rows)
        return destination

    def _write_shares(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      units: Units, source_ids: np.ndarray, sources: np.ndarray,
                      table: LinkTable, active: np.ndarray, lengths: np.ndarray) -> str:
        tr = self.tr
        fields = QgsFields()
        for name, kind in (("element", "string"), ("element_id", "int"),
                           ("unit", "string"), ("amount", "double"),
                           ("unit_of", "string"), ("share_pct", "double"),
                           ("cross", "int")):
            fields.append(new_field(name, kind))
        sink, destination = open_sink(self, parameters, self.SHARES, context, fields,
                                       WkbType.NoGeometry, QgsCoordinateReferenceSystem())
        rows = []
        groups: Sequence[Tuple[str, str, np.ndarray, np.ndarray]] = (
            (tr("Source"), "km²", source_ids, sources),
            (tr("Corridor"), "km", table.link_id[active], lengths))
        for element, unit_of, ids, amounts in groups:
            for element_id, row in zip(ids, amounts):
                total = float(row.sum())
                cross = int((row > 0).sum() > 1)
                for unit in np.flatnonzero(row > 0):
                    out = QgsFeature(fields)
                    out.setAttributes([element, int(element_id), units.name(int(unit)),
                                       float(row[unit]), unit_of,
                                       100.0 * float(row[unit]) / total, cross])
                    rows.append(out)
        add_all(sink, rows)
        return destination

    def _write_account(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                       units: Units, account: Optional[Account]) -> str:
        fields = QgsFields()
        for name, kind in (("restorer", "string"), ("beneficiary", "string"),
                           ("area_km2", "double")):
            fields.append(new_field(name, kind))
        sink, destination = open_sink(self, parameters, self.ACCOUNT, context, fields,
                                       WkbType.NoGeometry, QgsCoordinateReferenceSystem())
        rows = []
        if account is not None:
            for r, e in zip(*np.nonzero(account.flows > 0)):
                out = QgsFeature(fields)
                out.setAttributes([units.name(int(r)), units.name(int(e)),
                                   float(account.flows[r, e])])
                rows.append(out)
        add_all(sink, rows)
        return destination

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

    def _report_outside(self, ledger: Ledger, feedback: QgsProcessingFeedback) -> None:
        outside = {name: values[0] for name, values in ledger.columns.items()
                   if name in ("src_km2", "cor_km", "bar_km2", "pinch_km2") and values[0] > 0}
        if outside:
            feedback.pushWarning(self.tr(
                "Outside every unit: {items}. Check that the units cover the study "
                "area.").format(items=", ".join("{0} {1:.4g}".format(k, v)
                                                for k, v in outside.items())))


def _unique_names(names: Sequence[str]) -> List[str]:
    """Column names for the matrix: the unit names, made unique with a suffix, ignoring
    case (GeoPackage does) and avoiding the row-label field and OGR's fid."""
    taken = {"unit", "fid"}
    out = []
    for name in names:
        candidate, number = name, 1
        while candidate.lower() in taken:
            number += 1
            candidate = "{0}_{1}".format(name, number)
        taken.add(candidate.lower())
        out.append(candidate)
    return out
