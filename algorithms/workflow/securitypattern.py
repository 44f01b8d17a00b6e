"""esp:securitypattern: the whole ESP chain, from land cover to the county ledger and report."""

import os
import shutil
from typing import Any, Dict, List, Optional, Tuple

from qgis.core import (
    QgsMapLayer,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputFile,
    QgsProcessingOutputRasterLayer,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ...espcore.resistance.presets import PRESETS
from ..base import EspAlgorithm
from ..io import surfaces
from ..qgis_compat import FileBehavior, NumberType, ParameterFlag, SourceType, parameter_as_strings
from . import products as workflow
from .onmap import ProductOnLoad
from .preflight import FolderLock, check_inputs
from .products import PRODUCTS, STAGES, Product
from .steps import MADE_BY, STEPS, Made, RunFolder, Setting, Step

ADVANCED = ParameterFlag.Advanced
OUTPUT_TYPES = {"raster": QgsProcessingOutputRasterLayer, "vector": QgsProcessingOutputVectorLayer,
                "table": QgsProcessingOutputVectorLayer, "file": QgsProcessingOutputFile}


class SecurityPattern(EspAlgorithm):
    NAME = "securitypattern"
    GROUP = "workflows"

    LANDCOVER = "LANDCOVER"
    UNITS = "UNITS"
    UNIT_NAME_FIELD = "UNIT_NAME_FIELD"
    GROUP_FIELD = "GROUP_FIELD"
    FOREGROUND_CLASSES = "FOREGROUND_CLASSES"
    THREATS_TABLE = "THREATS_TABLE"
    SENSITIVITY_TABLE = "SENSITIVITY_TABLE"
    HALF_SATURATION = "HALF_SATURATION"
    QUALITY_CLASSES = "QUALITY_CLASSES"
    MIN_QUALITY = "MIN_QUALITY"
    MIN_AREA = "MIN_AREA"
    DISTANCE = "DISTANCE"
    MIN_DPC = "MIN_DPC"
    TOP_N = "TOP_N"
    RESISTANCE_PRESET = "RESISTANCE_PRESET"
    CORRECTION = "CORRECTION"
    NEAREST = "NEAREST"
    CORRIDOR_WIDTH = "CORRIDOR_WIDTH"
    PINCH_WIDTH = "PINCH_WIDTH"
    MIN_RADIUS = "MIN_RADIUS"
    MAX_RADIUS = "MAX_RADIUS"
    STEP = "STEP"
    BUFFER = "BUFFER"
    BREAK_CLASSES = "BREAK_CLASSES"
    BUDGET = "BUDGET"
    ACTIONS_TABLE = "ACTIONS_TABLE"
    OWN_SHARE = "OWN_SHARE"
    COMPARE_WITH = "COMPARE_WITH"
    FIRST_STAGE = "FIRST_STAGE"
    LAST_STAGE = "LAST_STAGE"
    REPORT_LANGUAGE = "REPORT_LANGUAGE"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"

    def displayName(self) -> str:
        return self.tr("Ecological security pattern (whole chain)")

    def tags(self) -> List[str]:
        return [self.tr("workflow"), self.tr("model"), self.tr("report"), "ESP", "MSPA",
                "Circuitscape", self.tr("county")]

    def shortHelpString(self) -> str:
        return self.tr(
            "Runs the whole ecological security pattern chain in one go and writes every "
            "product into the output folder under a fixed name, with its style beside it:"
            "<ol><li><b>Sources</b>: MSPA of the foreground classes; habitat quality (when "
            "both threat tables are given); the MSPA core cells of the top habitat-quality "
            "class, in patches of at least the minimum area, the most important by dPC.</li>"
            "<li><b>Resistance</b>: the land-cover classes reclassified by the preset, "
            "optionally corrected by a raster such as night-time light.</li>"
            "<li><b>Connectivity</b>: pairwise cumulative current between one point inside "
            "each source (Circuitscape); least-cost corridors (Linkage Pathways); pinch points; "
            "barriers; current-flow centrality.</li>"
            "<li><b>Zoning</b>: conservation, restoration, improvement and control zones with "
            "the key restoration areas; the county ledger, connectivity matrix, collaboration "
            "zones and restoration account; the report (HTML, Word where python-docx is "
            "installed, and PDF where it can be printed).</li>"
            "<li><b>Programme</b>: the key areas ranked by the connectivity (equivalent "
            "connected area) their restoration gains per cost, the sites chosen within the "
            "budget, the gain curve, each county's cost, benefit and transfers; with an "
            "earlier run to compare with, what changed and an effectiveness score per "
            "county. The report gets a chapter for each.</li></ol>"
            "The land cover must be in a projected CRS with metre units; the counties may be "
            "in any CRS. Stages can be run one at a time (first and last stage): a later stage "
            "reads the products of the earlier ones from the same output folder, as the dock "
            "does. Each step is the toolkit's own algorithm with the settings shown here; "
            "run the algorithms one by one for their other options.<br>"
            "Method: Peng J. et al. (2018) Linking ecosystem services and circuit theory to "
            "identify ecological security patterns. Sci. Total Environ. 644, 781-790.")

    def initAlgorithm(self, config: Any = None) -> None:
        tr = self.tr
        add = self.add_parameter
        double = NumberType.Double
        integer = NumberType.Integer

        def advanced(parameter: Any) -> Any:
            parameter.setFlags(parameter.flags() | ADVANCED)
            return parameter

        add(QgsProcessingParameterRasterLayer(self.LANDCOVER, tr("Land-cover raster")),
            tr("Land-cover codes in a projected CRS (metres). The default preset and classes "
               "follow CLCD: 1 cropland, 2 forest, 3 shrub, 4 grassland, 5 water, 6 snow/ice, "
               "7 barren, 8 impervious, 9 wetland."))
        add(QgsProcessingParameterVectorLayer(self.UNITS, tr("Administrative units (counties)"),
                                              [SourceType.VectorPolygon]),
            tr("The polygons the ledger is kept for, usually counties."))
        add(QgsProcessingParameterField(self.UNIT_NAME_FIELD, tr("Unit name field"),
                                        parentLayerParameterName=self.UNITS, optional=True),
            tr("Names used in the ledger, the matrix and the report; empty: the feature ids."))
        add(QgsProcessingParameterField(self.GROUP_FIELD, tr("Group field (e.g. prefecture)"),
                                        parentLayerParameterName=self.UNITS, optional=True),
            tr("An existing grouping of the units that the collaboration zones are compared "
               "with."))
        add(QgsProcessingParameterString(self.FOREGROUND_CLASSES, tr("Habitat classes (MSPA "
                                                                     "foreground)"),
                                         defaultValue="2,3,4"),
            tr("Comma-separated land-cover codes that count as habitat (CLCD: 2 forest, "
               "3 shrub, 4 grassland)."))
        add(QgsProcessingParameterFile(self.THREATS_TABLE, tr("Threats table (CSV file)"),
                                       extension="csv", optional=True),
            tr("InVEST threats table (threat, max_dist, weight, decay, cur_path); with the "
               "sensitivity table it adds habitat quality, used to rank sources and to find "
               "degraded land. Leave empty to skip habitat quality."))
        add(QgsProcessingParameterFile(self.SENSITIVITY_TABLE,
                                       tr("Sensitivity table (CSV file)"), extension="csv",
                                       optional=True),
            tr("InVEST sensitivity table (lulc, habitat, one column per threat)."))
        add(advanced(QgsProcessingParameterNumber(self.HALF_SATURATION,
                                                  tr("Half-saturation constant k"), double,
                                                  0.5, minValue=0.0)),
            tr("Habitat quality's k: the degradation at which quality halves."))
        add(QgsProcessingParameterNumber(self.QUALITY_CLASSES,
                                         tr("Sources: top class of N quality classes"),
                                         integer, 5, minValue=0, maxValue=10),
            tr("Only MSPA core cells in the highest of N natural-breaks (Jenks) classes of "
               "habitat quality can be sources, so that a large forest splits at its degraded "
               "valleys instead of becoming one giant source: the MSPA plus InVEST route of "
               "Chinese ESP studies, which keep the high-quality grade (e.g. Kangbao County, "
               "Front. Ecol. Evol. 2023, 1301149). Used only with habitat quality; 0: every "
               "core cell is a candidate."))
        add(advanced(QgsProcessingParameterNumber(self.MIN_QUALITY,
                                                  tr("Sources: minimum habitat quality"),
                                                  double, None, minValue=0.0, maxValue=1.0,
                                                  optional=True)),
            tr("A fixed floor as well, such as the 0.6-0.8 of some studies; empty: none."))
        add(QgsProcessingParameterNumber(self.MIN_AREA, tr("Minimum source area (km²)"),
                                         double, 30.0, minValue=0.0),
            tr("MSPA core patches smaller than this are not sources. Provincial studies use "
               "1-30 km², county studies 0.1-0.5 km²."))
        add(QgsProcessingParameterNumber(self.DISTANCE, tr("Dispersal distance (m)"), double,
                                         10000.0, minValue=0.0),
            tr("The distance at which the dispersal probability of dPC is 0.5."))
        add(advanced(QgsProcessingParameterNumber(self.MIN_DPC, tr("Minimum dPC (%)"), double,
                                                  0.5, minValue=0.0)),
            tr("Patches below this importance are not sources."))
        add(QgsProcessingParameterNumber(self.TOP_N, tr("Number of sources"), integer, 40,
                                         minValue=0),
            tr("Keep the N patches with the highest dPC (0 = every patch above the "
               "thresholds). Provincial patterns have some 20-50 sources (Chang-Zhu-Tan 23-26, "
               "SW Hubei 49, Henan 20)."))
        add(QgsProcessingParameterEnum(self.RESISTANCE_PRESET, tr("Resistance preset"),
                                       [tr(preset.name) for preset in PRESETS], defaultValue=0),
            tr("The land-cover resistance table (1-1000 scale)."))
        add(QgsProcessingParameterRasterLayer(self.CORRECTION,
                                              tr("Resistance correction (e.g. night-time "
                                                 "light)"), optional=True),
            tr("Multiplies each cell's resistance by its value over the mean of its class "
               "(ratio clipped to 0.1-10), as Chinese ESP studies do with night-time light. "
               "Must share the land cover's grid."))
        add(QgsProcessingParameterNumber(self.NEAREST, tr("Corridors per source"), integer, 4,
                                         minValue=1),
            tr("Each source is linked to this many nearest neighbours by cost."))
        add(QgsProcessingParameterNumber(self.CORRIDOR_WIDTH,
                                         tr("Corridor width (cost units)"), double, 30000.0,
                                         minValue=0.0),
            tr("Corridors are the cells whose normalised least-cost corridor value (NLCC) is "
               "at most this; 0 keeps them all."))
        add(QgsProcessingParameterNumber(self.PINCH_WIDTH,
                                         tr("Corridor core width (cost units)"), double,
                                         10000.0, minValue=0.0),
            tr("The narrower corridor that pinch points are computed in and that the "
               "improvement zone covers."))
        add(QgsProcessingParameterNumber(self.MIN_RADIUS, tr("Barrier radius from (m)"),
                                         double, 2000.0, minValue=0.0),
            tr("Barriers are searched with circles from this radius ..."))
        add(QgsProcessingParameterNumber(self.MAX_RADIUS, tr("Barrier radius to (m)"),
                                         double, 6000.0, minValue=0.0),
            tr("... up to this radius ..."))
        add(QgsProcessingParameterNumber(self.STEP, tr("Barrier radius step (m)"), double,
                                         2000.0, minValue=0.0),
            tr("... in steps of this many metres."))
        add(QgsProcessingParameterNumber(self.BUFFER, tr("Path buffer (m)"), double, 1000.0,
                                         minValue=0.0),
            tr("Cells this close to a least-cost path belong to the corridor zone too."))
        add(QgsProcessingParameterString(self.BREAK_CLASSES,
                                         tr("Breakpoint land-cover classes"), defaultValue="8",
                                         optional=True),
            tr("Land-cover codes where a least-cost path outside the sources is broken "
               "(CLCD 8: impervious)."))
        add(QgsProcessingParameterNumber(self.BUDGET, tr("Restoration budget (10⁴ CNY)"),
                                         double, 50000.0, minValue=0.0),
            tr("The money for the restoration programme, in the unit of the actions' costs "
               "(10⁴ CNY with the default actions): the key areas that gain most "
               "connectivity per cost are chosen until it is spent."))
        add(QgsProcessingParameterFile(self.ACTIONS_TABLE, tr("Restoration actions (CSV)"),
                                       extension="csv", optional=True),
            tr("What restoring each land-cover class or key-area kind does and costs "
               "(columns class or kind, target_class or resistance, cost_per_km2); empty: "
               "the CLCD defaults of 'Restoration scenarios'."))
        add(advanced(QgsProcessingParameterNumber(self.OWN_SHARE,
                                                  tr("Own share of a host's cost"), double,
                                                  0.0, minValue=0.0, maxValue=1.0)),
            tr("0: each county's net cost is proportional to its benefit; 1: each county "
               "pays for its own sites."))
        add(QgsProcessingParameterFile(self.COMPARE_WITH, tr("Compare with an earlier run"),
                                       behavior=FileBehavior.Folder, optional=True),
            tr("The output folder of another run of this workflow (an earlier year, or the "
               "plan before restoration) on the same grid: what changed is mapped, scored "
               "per county and written in the report's Effectiveness chapter."))
        stages = [workflow.stage_titles()[stage] for stage in STAGES]
        add(advanced(QgsProcessingParameterEnum(self.FIRST_STAGE, tr("First stage"), stages,
                                                defaultValue=0)),
            tr("Start here; the products of the earlier stages are read from the output "
               "folder."))
        add(advanced(QgsProcessingParameterEnum(self.LAST_STAGE, tr("Last stage"), stages,
                                                defaultValue=len(STAGES) - 1)),
            tr("Stop after this stage; the report is written when the run reaches the zoning "
               "stage or the programme."))
        add(QgsProcessingParameterEnum(self.REPORT_LANGUAGE, tr("Report language"),
                                       [tr("Interface language"), "English", "简体中文"],
                                       defaultValue=0),
            tr("The language of the report and its maps and charts."))
        add(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Output folder")),
            tr("Every product is written here under a fixed name (sources.gpkg, "
               "resistance.tif, ..., report.html), replacing an earlier run's. During the "
               "run a temporary folder .esp-cost-surfaces-... holds each source's cost-distance "
               "surface, so that corridors, pinch points, barriers and collaborative zoning "
               "search it once; it is removed when the run ends and needs about 8 bytes per "
               "cell per source of free disk space (without that space each step searches "
               "again)."))
        for product in PRODUCTS:
            self.addOutput(OUTPUT_TYPES[product.kind](product.key, tr(product.title)))

    # -- running ---------------------------------------------------------------------------

    def compute(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        first = self.parameterAsEnum(parameters, self.FIRST_STAGE, context)
        last = self.parameterAsEnum(parameters, self.LAST_STAGE, context)
        if first > last:
            raise QgsProcessingException(self.tr(
                "The first stage comes after the last stage; choose a first stage at or before "
                "the last one."))
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        os.makedirs(folder, exist_ok=True)
        settings = self._settings(parameters, context)
        stages = list(STAGES[first:last + 1])
        steps = [step for step in STEPS if step.stage in stages]
        self._check_earlier_products(steps, folder)
        check_inputs(settings, stages, folder)
        # The cost-distance surfaces of the sources are searched once for the whole run.
        with FolderLock(folder), surfaces.sharing(folder):
            return self._run(steps, stages, settings, parameters, context, feedback, folder)

    def _run(self, steps: List[Step], stages: List[str], settings: Dict[str, Any],
             parameters: Dict[str, Any], context: QgsProcessingContext,
             feedback: QgsProcessingFeedback, folder: str) -> Dict[str, Any]:
        import processing

        writes_report = STAGES.index(stages[-1]) >= STAGES.index("zoning")
        if writes_report:  # a report that outlived a failed or cancelled run would mislead
            for key in ("REPORT", "REPORT_PDF", "REPORT_DOCX"):
                remove_product(workflow.BY_KEY[key].path(folder))
        multi_steps = len(steps) + int(writes_report)
        multi = QgsProcessingMultiStepFeedback(multi_steps, feedback)
        results: Dict[str, Any] = {self.OUTPUT_FOLDER: folder}
        made: List[str] = []
        for index, step in enumerate(steps):
            multi.setCurrentStep(index)
            if feedback.isCanceled():
                break
            if any(settings.get(name) in (None, "") for name in step.needs):
                self._drop(step, folder)
                feedback.pushInfo(self.tr("Step {step} skipped: it needs {needs}.").format(
                    step=step.algorithm, needs=", ".join(step.needs)))
                continue
            feedback.pushInfo(self.tr("Step {n}/{total}: {step}").format(
                n=index + 1, total=multi_steps, step=step.algorithm))
            try:
                processing.run(step.algorithm, self._child_parameters(step, settings, folder),
                               context=context, feedback=multi, is_child_algorithm=True)
            except QgsProcessingException:
                if not feedback.isCanceled():
                    raise
                break  # the child stopped for the cancel and wrote nothing
            for key in step.outputs.values():
                product = workflow.BY_KEY[key]
                write_sidecar(product, folder)
                results[key] = product.path(folder)
                made.append(product.file)
        if feedback.isCanceled():
            raise QgsProcessingException(self.tr(
                "The run was cancelled. Kept in {folder}: {files} (the products of the steps "
                "that finished); the step that was running wrote nothing.").format(
                    folder=folder, files=", ".join(made) or self.tr("nothing")))
        self._load_on_completion(results, context, self._units_on_map(parameters, context))
        if writes_report:
            multi.setCurrentStep(len(steps))
            feedback.pushInfo(self.tr("Step {n}/{total}: {step}").format(
                n=multi_steps, total=multi_steps, step=self.tr("report")))
            results.update(self._report(parameters, context, folder, multi))
        return results

    @staticmethod
    def _load_on_completion(results: Dict[str, Any], context: QgsProcessingContext,
                            units: Optional[str]) -> None:
        """The toolbox adds the products the dock shows to the map, styled, labelled and
        ordered as the dock does, below the unit boundaries (``units``: their layer id when
        they are on the map). (The dock loads them itself; qgis_process loads nothing.)"""
        for product in PRODUCTS:
            if product.show and product.key in results:
                ProductOnLoad.attach(context, product, results[product.key], units)

    def _units_on_map(self, parameters: Dict[str, Any],
                      context: QgsProcessingContext) -> Optional[str]:
        layer = self.parameterAsVectorLayer(parameters, self.UNITS, context)
        project = context.project()
        if layer is None or project is None or project.mapLayer(layer.id()) is None:
            return None
        return layer.id()

    def _settings(self, parameters: Dict[str, Any],
                  context: QgsProcessingContext) -> Dict[str, Any]:
        """Every input as the run uses it (defaults filled in), empty optional ones as None."""
        values: Dict[str, Any] = {}
        for definition in self.parameterDefinitions():
            name = definition.name()
            if definition.isDestination():
                continue
            if isinstance(definition, (QgsProcessingParameterRasterLayer,
                                       QgsProcessingParameterVectorLayer)):
                layer = self.parameterAsLayer(parameters, name, context)
                values[name] = layer
            elif isinstance(definition, QgsProcessingParameterField):
                fields = parameter_as_strings(self, parameters, name, context)
                values[name] = fields[0] if fields else None
            elif isinstance(definition, QgsProcessingParameterEnum):
                values[name] = self.parameterAsEnum(parameters, name, context)
            elif isinstance(definition, QgsProcessingParameterNumber):
                integer = definition.dataType() == NumberType.Integer
                values[name] = (self.parameterAsInt if integer else self.parameterAsDouble)(
                    parameters, name, context)
            else:
                values[name] = self.parameterAsString(parameters, name, context) or None
        return values

    def _check_earlier_products(self, steps: List[Step], folder: str) -> None:
        """Products the steps read but do not make must be in the folder already."""
        made = {key for step in steps for key in step.outputs.values()}
        for step in steps:
            for source in step.inputs.values():
                if not isinstance(source, Made) or source.key in made:
                    continue
                maker = MADE_BY[source.key]
                product = workflow.BY_KEY[source.key]
                if maker.needs or os.path.exists(product.path(folder)):
                    continue  # optional products (habitat quality) are used when present
                raise QgsProcessingException(self.tr(
                    "{file} is missing in {folder}: run the stage {stage} first, or start "
                    "from an earlier stage.").format(
                        file=product.file, folder=folder,
                        stage=workflow.stage_titles()[maker.stage]))

    def _child_parameters(self, step: Step, settings: Dict[str, Any],
                          folder: str) -> Dict[str, Any]:
        values: Dict[str, Any] = {}
        for name, source in step.inputs.items():
            if isinstance(source, Setting):
                value = settings.get(source.name)
            elif isinstance(source, Made):
                path = workflow.BY_KEY[source.key].path(folder)
                value = path if os.path.exists(path) else None
            elif isinstance(source, RunFolder):
                value = folder
            else:
                value = source
            if value is not None and value != "":
                values[name] = value
        for name, key in step.outputs.items():
            path = workflow.BY_KEY[key].path(folder)
            remove_product(path)
            values[name] = path
        for name in step.skip:
            values[name] = None
        return values

    def _drop(self, step: Step, folder: str) -> None:
        """A skipped step's products from an earlier run would be read as this run's."""
        for key in step.outputs.values():
            product = workflow.BY_KEY[key]
            remove_product(product.path(folder))
            remove_product(product.sidecar(folder))

    def _report(self, parameters: Dict[str, Any], context: QgsProcessingContext, folder: str,
                feedback: QgsProcessingFeedback) -> Dict[str, str]:
        from .. import i18n
        from ..report.runinfo import run_info
        from ..report.writer import write_report

        choice = self.parameterAsEnum(parameters, self.REPORT_LANGUAGE, context)
        language = (i18n.interface_language(), i18n.ENGLISH, i18n.CHINESE)[choice]
        info = run_info(self, parameters, context, units=self.UNITS,
                        unit_field=self.UNIT_NAME_FIELD, group_field=self.GROUP_FIELD)
        return write_report(folder, language=language,
                            settings=self._settings_table(parameters, context),
                            info=info, feedback=feedback)

    def _settings_table(self, parameters: Dict[str, Any],
                        context: QgsProcessingContext) -> List[Tuple[str, str]]:
        """(label, value) of every input as the run used it, defaults included."""
        values = self._settings(parameters, context)
        rows = []
        for definition in self.parameterDefinitions():
            if definition.isDestination():
                continue
            value = values.get(definition.name())
            if isinstance(definition, QgsProcessingParameterEnum):
                text = definition.options()[value]
            elif isinstance(value, QgsMapLayer):
                text = value.name()
            elif isinstance(value, float):
                text = "{0:g}".format(value)
            else:
                text = "" if value is None else str(value)
            rows.append((definition.description(), text))
        return rows


def remove_product(path: str) -> None:
    """Remove an earlier run's file (a GeoPackage's -wal/-shm too, a raster's .aux.xml)."""
    for name in (path, path + ".aux.xml", path + "-wal", path + "-shm"):
        if os.path.isfile(name):
            os.remove(name)


def write_sidecar(product: Product, folder: str) -> Optional[str]:
    """Put the product's style beside it, stretched or fitted over this run's values if it
    asks."""
    style = product.style_path()
    path = product.path(folder)
    if style is None or not os.path.exists(path):
        return None
    target = product.sidecar(folder)
    if not (product.stretch or product.fit):
        shutil.copyfile(style, target)
        return target
    from qgis.core import QgsRasterLayer

    from ..base import stretch_pseudocolor
    from ..io.raster import fit_pseudocolor, raster_range

    layer = QgsRasterLayer(path, product.key)
    layer.loadNamedStyle(style)
    span = raster_range(path) if product.fit else None
    if span is not None:
        fit_pseudocolor(layer, *span)
    elif product.stretch:
        stretch_pseudocolor(layer)
    layer.saveNamedStyle(target)
    return target
