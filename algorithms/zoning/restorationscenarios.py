"""esp:restorationscenarios: which restoration sites first, under a budget, with what gain in
connectivity, and (with counties) who carries the cost, who gains and who pays whom."""

from dataclasses import replace
from typing import Any, Dict, List, Optional, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
)

from ...espcore.grid import Grid
from ...espcore.programme.eca import default_kernel_distance, pair_gains
from ...espcore.programme.landscape import Landscape
from ...espcore.programme.portfolio import choose_portfolio
from ...espcore.programme.sitegains import evaluate_sites, restore_sites, restored_resistance
from ...espcore.progress import SubProgress
from ...espcore.zoning.zones import BARRIER, BREAKPOINT, DEGRADED_CORRIDOR, DEGRADED_SOURCE
from ..base import EspAlgorithm, FeedbackProgress, StyleOnLoad
from ..engine import executor_for
from ..io.compensation import (
    Compensation,
    compensation,
    write_groups,
    write_ledger,
    write_transfers,
)
from ..io.links import active_rows, add_links_parameter, link_values, read_links
from ..io.programme import (
    CURVE_COLUMNS,
    curve_rows,
    read_actions,
    read_sites,
    write_chart,
    write_sites,
)
from ..io.raster import check_aligned, check_cells_memory, check_destination, read_grid, write_grid
from ..io.sources import RESISTANCE, add_resistance_parameter, add_source_parameters, read_sources
from ..io.units import Units, read_units, unit_raster
from ..io.zones import key_area_kinds, km2_factor, write_table
from ..qgis_compat import NumberType, SourceType

#: The key-area kinds offered as candidates, in the order of the KINDS option list.
KIND_CHOICES = (BARRIER, BREAKPOINT, DEGRADED_SOURCE, DEGRADED_CORRIDOR)
METHOD_NAMES = ("auto", "greedy", "exact")


class RestorationScenarios(EspAlgorithm):
    NAME = "restorationscenarios"
    GROUP = "zoning"

    SITES = "SITES"
    KINDS = "KINDS"
    LANDCOVER = "LANDCOVER"
    CURRENT = "CURRENT"
    ACTIONS = "ACTIONS"
    BUDGET = "BUDGET"
    METHOD = "METHOD"
    DISTANCE = "DISTANCE"
    PROBABILITY = "PROBABILITY"
    BAND = "BAND"
    CUTOFF = "CUTOFF"
    WORKERS = "WORKERS"
    UNITS = "UNITS"
    UNIT_NAME_FIELD = "UNIT_NAME_FIELD"
    GROUP_FIELD = "GROUP_FIELD"
    OWN_SHARE = "OWN_SHARE"
    OUTPUT = "OUTPUT"
    CURVE = "CURVE"
    CHART = "CHART"
    RESTORED = "RESTORED"
    LEDGER = "LEDGER"
    TRANSFERS = "TRANSFERS"
    LEDGER_GROUPS = "LEDGER_GROUPS"
    BASE_ECA = "BASE_ECA"
    ECA_AFTER = "ECA_AFTER"
    TOTAL_COST = "TOTAL_COST"
    TOTAL_GAIN = "TOTAL_GAIN"
    CHOSEN_COUNT = "CHOSEN_COUNT"
    METHOD_USED = "METHOD_USED"

    def displayName(self) -> str:
        return self.tr("Restoration scenarios and compensation")

    def tags(self) -> List[str]:
        return self.tr("restoration,scenario,portfolio,budget,priority,knapsack,greedy,ECA,"
                       "equivalent connected area,compensation,transfer,生态修复,优先级,"
                       "生态补偿").split(",")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Ranks candidate restoration sites (for example the barriers and breakpoints "
            "among the key areas of 'Restoration zoning') by what restoring each one alone "
            "gains in connectivity per unit of cost, and chooses the sites to restore within "
            "a budget.</p>"
            "<p><b>Restoring a site</b> lowers the resistance of its cells to a target: an "
            "action keyed by the site's kind (barrier, breakpoint ...) applies to all its "
            "cells, otherwise each cell's land-cover class picks its action. A target class "
            "stands for the median resistance this surface gives that class; restoration "
            "never raises a resistance. The cost is the restored area times the action's "
            "cost per km² (10⁴ CNY). Without an actions table the CLCD defaults are used "
            "(cropland to forest at the Grain for Green subsidy, 240 × 10⁴ CNY/km²; the "
            "others are planning placeholders: give your own unit costs).</p>"
            "<p><b>Gain</b>: the equivalent connected area (ECA = √(Σ a_i a_j p*_ij), Saura "
            "&amp; Rubio 2010) of the sources, with p = p0^(d/d0) on each link's least-cost "
            "distance d and p* the best product over paths. A site changes the links it "
            "touches (a site cell within the band of the link's least-cost path): their "
            "least-cost distance and effective resistance (in the corridor core) are "
            "recomputed on the restored surface, exactly. Each site is one task of the "
            "engine set in Processing options.</p>"
            "<p><b>Portfolio</b>: 'exact' tries every combination of the sites that gain and "
            "fit the budget (at most 16; each link then takes the lowest distance any chosen "
            "site gives it); 'greedy' takes the best gain per cost, restores it, evaluates "
            "the sites sharing its links again on the restored surface, and repeats while a "
            "site fits; 'automatic' is exact up to 12 candidates. The method used is in the "
            "log and in METHOD_USED. The gain curve lists the chosen sites in order with the "
            "cumulative cost and gain.</p>"
            "<p><b>Compensation</b> (with administrative units): each county carries the cost "
            "of the restored cells inside it; the gain (the change of a_i a_j p*_ij of every "
            "pair of sources) goes half to each source of the pair, split over the counties "
            "by the source's area. Each county's fair part is own share × its own cost + (1 − "
            "own share) × total cost × its benefit share; counties that carried more are "
            "paid by those that carried less (largest first), so that every transfer table "
            "balances to zero. This follows the principle 'whoever benefits compensates' "
            "(谁受益、谁补偿) of China's ecological protection compensation (General Office of "
            "the State Council, 2016; Regulations on Ecological Protection Compensation, "
            "2024); the own share stands for a host's fixed part, as both provinces fund the "
            "Xin'an River pilot.</p>")

    # ------------------------------------------------------------------ parameters ----

    def initAlgorithm(self, config: Any = None) -> None:
        tr, add = self.tr, self.add_parameter
        add_resistance_parameter(self, tr("The surface the pattern was built on."))
        add_source_parameters(self)
        add_links_parameter(self)
        add(QgsProcessingParameterFeatureSource(self.SITES, tr("Candidate sites"),
                                                [SourceType.VectorPolygon]),
            tr("Polygons of the sites to rank: the key areas of 'Restoration zoning' (their "
               "kind_id picks the kinds below and the action of each site), or your own "
               "project polygons (their cells act by land-cover class)."))
        add(QgsProcessingParameterEnum(
            self.KINDS, tr("Key-area kinds that are candidates"),
            [tr("Barriers"), tr("Breakpoints"), tr("Degraded land in sources"),
             tr("Degraded land in corridors")], allowMultiple=True,
            defaultValue=[0, 1, 2, 3]),
            tr("Used only when the sites have a kind_id field."))
        add(QgsProcessingParameterRasterLayer(self.LANDCOVER, tr("Land-cover raster"),
                                              optional=True),
            tr("The land cover of the resistance grid (CLCD codes with the default actions); "
               "needed when the actions name land-cover classes."))
        add(QgsProcessingParameterRasterLayer(self.CURRENT, tr("Cumulative current"),
                                              optional=True),
            tr("The current map of 'Circuitscape': the current through each site is "
               "reported (it does not change the ranking)."))
        add(QgsProcessingParameterFile(self.ACTIONS, tr("Restoration actions (CSV)"),
                                       extension="csv", optional=True),
            tr("Columns: class (land-cover code) or kind (barrier, breakpoint, "
               "degraded_source, degraded_corridor, pinch_point, corridor), target_class or "
               "resistance, cost_per_km2 (10⁴ CNY), note. Empty: the CLCD defaults."))
        add(QgsProcessingParameterNumber(self.BUDGET, tr("Budget (10⁴ CNY)"),
                                         NumberType.Double, 50000.0, minValue=0.0),
            tr("The money for the programme, in the unit of the actions' costs."))
        add(QgsProcessingParameterEnum(self.METHOD, tr("Portfolio method"),
                                       [tr("Automatic"), tr("Greedy with re-evaluation"),
                                        tr("Exact (all combinations)")], defaultValue=0),
            tr("Automatic: exact up to 12 candidate sites, greedy beyond."))
        add(QgsProcessingParameterNumber(self.DISTANCE, tr("Kernel distance d0 (cost units)"),
                                         NumberType.Double, 0.0, minValue=0.0),
            tr("The least-cost distance at which two sources connect with probability p0; "
               "0 takes the median least-cost distance of the links."))
        add(QgsProcessingParameterNumber(self.PROBABILITY, tr("Probability p0 at d0"),
                                         NumberType.Double, 0.5, minValue=0.001,
                                         maxValue=0.999),
            tr("Conefor's practice is 0.5 at the median dispersal distance."))
        add(QgsProcessingParameterNumber(self.BAND, tr("Band of a link (cost units)"),
                                         NumberType.Double, 10000.0, minValue=0.0),
            tr("A site touches a link when one of its cells lies within this many cost "
               "units of the link's least-cost path (NLCC)."))
        add(QgsProcessingParameterNumber(self.CUTOFF, tr("Corridor core width (cost units)"),
                                         NumberType.Double, 10000.0, minValue=0.0),
            tr("The corridor the effective resistance is computed in, as in 'Pinch points'."))
        add(QgsProcessingParameterNumber(self.WORKERS, tr("Worker processes"),
                                         NumberType.Integer, 0, minValue=0),
            tr("1 evaluates the sites in this process; more start that many workers; 0 "
               "takes the provider's setting. The numbers are the same either way."))
        add(QgsProcessingParameterFeatureSource(self.UNITS, tr("Administrative units"),
                                                [SourceType.VectorPolygon], optional=True),
            tr("Counties: with them, the compensation ledger and transfers are written."))
        add(QgsProcessingParameterField(self.UNIT_NAME_FIELD, tr("Unit name field"),
                                        parentLayerParameterName=self.UNITS, optional=True),
            tr("The name of each unit, written in the ledger and the transfers; empty: Unit 1, "
               "Unit 2, ... in layer order."))
        add(QgsProcessingParameterField(self.GROUP_FIELD, tr("Group field (e.g. prefecture)"),
                                        parentLayerParameterName=self.UNITS, optional=True),
            tr("Optional: transfers between the groups are also listed (netted)."))
        add(QgsProcessingParameterNumber(self.OWN_SHARE, tr("Own share of a host's cost"),
                                         NumberType.Double, 0.0, minValue=0.0, maxValue=1.0),
            tr("0: each county's net cost is proportional to its benefit; 1: each county "
               "pays for its own sites (no transfers); between: a part of each site is "
               "always the host's."))
        for key, label, kind, text in (
                (self.OUTPUT, tr("Restoration sites"), SourceType.VectorPolygon,
                 tr("The sites with cost, gain (d_eca_km2), gain per cost, rank (1 = best "
                    "alone), chosen (1 = in the portfolio) and order.")),
                (self.CURVE, tr("Gain curve"), SourceType.Vector,
                 tr("Table: the chosen sites in order with cumulative cost and gain.")),
                (self.LEDGER, tr("Compensation ledger"), SourceType.VectorPolygon,
                 tr("The units with cost carried, benefit, fair part, net, paid and "
                    "received (written with administrative units).")),
                (self.TRANSFERS, tr("Transfers"), SourceType.Vector,
                 tr("Table: who pays whom, between counties and between prefectures.")),
                (self.LEDGER_GROUPS, tr("Compensation by group"), SourceType.Vector,
                 tr("Table: the ledger summed per group (prefecture), with the netted "
                    "transfers between groups (written with a group field)."))):
            add(QgsProcessingParameterFeatureSink(key, label, kind, optional=key in (
                self.LEDGER, self.TRANSFERS, self.LEDGER_GROUPS)), text)
        add(QgsProcessingParameterFileDestination(self.CHART, tr("Gain curve chart"),
                                                  tr("PNG files (*.png)"), optional=True),
            tr("The gain curve drawn as a PNG."))
        add(QgsProcessingParameterRasterDestination(self.RESTORED,
                                                    tr("Restored resistance"),
                                                    optional=True),
            tr("The resistance surface with the chosen sites restored: run the chain on it "
               "to see the plan's pattern."))
        for key, label in ((self.BASE_ECA, tr("ECA before (km²)")),
                           (self.ECA_AFTER, tr("ECA with the portfolio (km²)")),
                           (self.TOTAL_COST, tr("Cost of the portfolio (10⁴ CNY)")),
                           (self.TOTAL_GAIN, tr("ECA gained (km²)")),
                           (self.CHOSEN_COUNT, tr("Number of sites chosen"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))
        self.addOutput(QgsProcessingOutputString(self.METHOD_USED, tr("Portfolio method used")))

    # ------------------------------------------------------------------ run ------------

    def compute(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        restored_path = self.parameterAsOutputLayer(parameters, self.RESTORED, context)
        if restored_path:
            check_destination(restored_path)
        grid, labels = read_sources(self, parameters, context, feedback)
        check_cells_memory(grid.values.size, "zoning", self.displayName())
        to_km2 = km2_factor(grid.crs or "")
        landscape = self._landscape(parameters, context, grid, labels, to_km2)
        kinds = [KIND_CHOICES[k] for k in
                 self.parameterAsEnums(parameters, self.KINDS, context)]
        layer = read_sites(self, parameters, self.SITES, context, grid, kinds)
        actions = read_actions(self.parameterAsFile(parameters, self.ACTIONS, context),
                               landscape.landcover)
        band = self.parameterAsDouble(parameters, self.BAND, context)
        executor = executor_for(self.parameterAsInt(parameters, self.WORKERS, context),
                                feedback)
        progress = FeedbackProgress(feedback)
        feedback.pushInfo(self.tr("{n} candidate sites, {m} links, {k} sources; ECA "
                                  "{eca:.1f} km².").format(
            n=len(layer.sites), m=landscape.links.shape[0], k=landscape.source_ids.size,
            eca=landscape.eca()))
        evaluation = evaluate_sites(landscape, layer.sites, actions, band=band,
                                    executor=executor, progress=SubProgress(progress, 0, 0.6))
        portfolio = choose_portfolio(
            landscape, layer.sites, actions, evaluation,
            budget=self.parameterAsDouble(parameters, self.BUDGET, context),
            method=METHOD_NAMES[self.parameterAsEnum(parameters, self.METHOD, context)],
            band=band, executor=executor, progress=SubProgress(progress, 0.6, 0.9))
        feedback.pushInfo(self.tr(
            "Portfolio ({method}): {n} sites, cost {cost:.1f} × 10⁴ CNY, ECA {a:.1f} -> "
            "{b:.1f} km².").format(method=portfolio.method, n=len(portfolio.chosen),
                                   cost=portfolio.total_cost, a=evaluation.base_eca,
                                   b=portfolio.eca_after))
        chosen = [site for site in layer.sites if site.site_id in set(portfolio.chosen)]
        book = self._compensation(parameters, context, grid, labels, to_km2, landscape,
                                  chosen, actions, portfolio)
        feedback.setProgress(92)

        # Every number is known: the outputs are written now, none half.
        outputs: Dict[str, Any] = {
            self.BASE_ECA: evaluation.base_eca, self.ECA_AFTER: portfolio.eca_after,
            self.TOTAL_COST: portfolio.total_cost, self.TOTAL_GAIN: portfolio.total_gain,
            self.CHOSEN_COUNT: len(portfolio.chosen), self.METHOD_USED: portfolio.method}
        outputs[self.OUTPUT] = write_sites(self, parameters, self.OUTPUT, context,
                                           grid.crs or "", layer, evaluation, portfolio,
                                           {kind: name for kind, (_, name)
                                            in key_area_kinds().items()})
        StyleOnLoad.attach(context, outputs[self.OUTPUT], "restoration_sites.qml")
        outputs[self.CURVE] = write_table(self, parameters, self.CURVE, context,
                                          CURVE_COLUMNS, curve_rows(portfolio))
        chart = self.parameterAsFileOutput(parameters, self.CHART, context)
        if chart:
            outputs[self.CHART] = write_chart(chart, portfolio)
        if restored_path:
            surface = restored_resistance(landscape, chosen, actions)
            write_grid(replace(grid, values=np.where(grid.mask, np.nan, surface)),
                       restored_path,
                       description=self.tr("Restored resistance"))
            outputs[self.RESTORED] = restored_path
            StyleOnLoad.attach(context, restored_path, "resistance.qml", fit=True)
        if book is not None:
            units = book[0]
            crs = QgsCoordinateReferenceSystem.fromWkt(grid.crs or "")
            # In a model the outputs nobody asked for have no destination.
            if parameters.get(self.LEDGER):
                outputs[self.LEDGER] = write_ledger(self, parameters, self.LEDGER, context,
                                                    units, book[1], crs)
                StyleOnLoad.attach(context, outputs[self.LEDGER], "compensation.qml")
            if parameters.get(self.TRANSFERS):
                outputs[self.TRANSFERS] = write_transfers(self, parameters, self.TRANSFERS,
                                                          context, units, book[1])
            if parameters.get(self.LEDGER_GROUPS) and book[1].groups is not None:
                outputs[self.LEDGER_GROUPS] = write_groups(self, parameters,
                                                           self.LEDGER_GROUPS, context, units,
                                                           book[1])
        feedback.setProgress(100)
        return outputs

    # ------------------------------------------------------------------ steps ----------

    def _aligned(self, parameters: Dict[str, Any], key: str, context: QgsProcessingContext,
                 role: str) -> Optional[Grid]:
        layer = self.parameterAsRasterLayer(parameters, key, context)
        if layer is None:
            return None
        resistance = self.parameterAsRasterLayer(parameters, RESISTANCE, context)
        check_aligned({self.tr("Resistance raster"): resistance, role: layer})
        return read_grid(layer, role=role, crs=resistance.crs().toWkt())

    def _landscape(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                   grid: Grid, labels: np.ndarray, to_km2: float) -> Landscape:
        table = read_links(self, parameters, context)
        rows = active_rows(table, labels)
        lcd = table.cw_dist[rows]
        effective = link_values(table, rows, "Eff_Resist") \
            if "Eff_Resist" in table.features[0].fields().names() else np.full(rows.size,
                                                                              np.nan)
        ids, counts = np.unique(labels[(labels > 0) & ~grid.mask], return_counts=True)
        cell_km2 = abs(grid.cell_size[0] * grid.cell_size[1]) * to_km2
        distance = self.parameterAsDouble(parameters, self.DISTANCE, context) or \
            default_kernel_distance(lcd)
        cover = self._aligned(parameters, self.LANDCOVER, context, self.tr("Land-cover raster"))
        current = self._aligned(parameters, self.CURRENT, context, self.tr("Cumulative current"))
        return Landscape(
            labels=labels, resistance=np.where(grid.mask, np.nan, grid.values),
            impassable=grid.mask, cell_size=float(grid.cell_size[0]),
            links=table.end_sources(rows), lcd=lcd, effective=effective, source_ids=ids,
            areas_km2=counts * cell_km2, kernel_distance=distance, unit_area_km2=to_km2,
            probability=self.parameterAsDouble(parameters, self.PROBABILITY, context),
            cutoff=self.parameterAsDouble(parameters, self.CUTOFF, context),
            landcover=None if cover is None else np.where(cover.mask, -1,
                                                          cover.values).astype(np.int64),
            current=None if current is None else np.where(current.mask, np.nan,
                                                          current.values))

    def _units(self, parameters: Dict[str, Any], context: QgsProcessingContext,
               grid: Grid) -> Optional[Units]:
        source = self.parameterAsSource(parameters, self.UNITS, context)
        if source is None:
            return None
        name_field = self.parameterAsString(parameters, self.UNIT_NAME_FIELD, context)
        group_field = self.parameterAsString(parameters, self.GROUP_FIELD, context) or None
        return read_units(source, name_field, group_field, grid.crs or "", context)

    def _compensation(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      grid: Grid, labels: np.ndarray, to_km2: float, landscape: Landscape,
                      chosen: List[Any], actions: List[Any],
                      portfolio: Any) -> Optional[Tuple[Units, Compensation]]:
        units = self._units(parameters, context, grid)
        if units is None:
            return None
        cells = unit_raster(units, grid)
        restorations = restore_sites(landscape, chosen, actions)
        site_cells = [restorations[site.site_id].cells for site in chosen]
        cell_costs = [restorations[site.site_id].cell_costs for site in chosen]
        gain = pair_gains(landscape.areas_km2, landscape.pstar(), landscape.pstar(portfolio.lcd))
        book = compensation(units, cells, labels=labels,
                            cell_km2=abs(grid.cell_size[0] * grid.cell_size[1]) * to_km2,
                            site_cells=site_cells, cell_costs=cell_costs, pair_gain=gain,
                            eca_gain=portfolio.total_gain,
                            own_share=self.parameterAsDouble(parameters, self.OWN_SHARE,
                                                             context))
        return units, book
