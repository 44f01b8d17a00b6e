"""esp:omniscapeini: run an existing Omniscape.jl INI file as it is."""

import os
from typing import Any, Dict, List

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputFolder,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingOutputRasterLayer,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)

from ...espcore.circuits.csini import parse_ini
from ...espcore.circuits.omniscapejob import (
    OmniscapeConfig,
    project_folder,
    run_omniscape_config,
)
from ...espcore.circuits.solvers import METHODS
from ..base import EspAlgorithm, FeedbackProgress, StyleOnLoad, translate
from ..engine import executor_for
from ..io.csfiles import georeference, read_raster, read_text
from ..io.omnifiles import copy_config, write_omniscape_map
from ..qgis_compat import NumberType

SOLVER_CHOICES = ("ini",) + METHODS


class OmniscapeIni(EspAlgorithm):
    NAME = "omniscapeini"
    GROUP = "connectivity"

    INI = "INI"
    SOLVER = "SOLVER"
    WORKERS = "WORKERS"
    LOAD_OUTPUTS = "LOAD_OUTPUTS"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    CUMULATIVE = "CUMULATIVE"
    FLOW_POTENTIAL = "FLOW_POTENTIAL"
    NORMALIZED = "NORMALIZED"
    CLASSIFIED = "CLASSIFIED"
    OUTPUT_FILES = "OUTPUT_FILES"

    #: output key -> Omniscape's file name, and the style it loads with
    MAPS = (("CLASSIFIED", "classified_resistance", "resistance.qml"),
            ("CUMULATIVE", "cum_currmap", "current.qml"),
            ("FLOW_POTENTIAL", "flow_potential", "current.qml"),
            ("NORMALIZED", "normalized_cum_currmap", "current.qml"))

    def displayName(self) -> str:
        return self.tr("Omniscape INI file (run as is)")

    def tags(self) -> List[str]:
        return ["omniscape", "ini", "circuitscape", "moving window", "current",
                "connectivity", "omnidirectional", "conditional", "reclassify"]

    def shortHelpString(self) -> str:
        return self.tr(
            "Runs an Omniscape.jl INI file unchanged, with Omniscape's own semantics and "
            "numbers: the resistance_file (or conductances with resistance_is_conductance), "
            "the source_file (unless source_from_resistance), the reclass_table "
            "(reclassify_resistance), the condition files of conditional connectivity, and "
            "every moving-window option (radius, block_size, buffer, correct_artifacts, "
            "flow potential, normalised current, four neighbours).\n"
            "Outputs go into Omniscape's layout: the folder project_name (a new folder "
            "project_name_1, _2, ... when it exists already), holding config.ini and "
            "cum_currmap, flow_potential, normalized_cum_currmap and classified_resistance "
            "as the INI asks (write_raw_currmap, calc_flow_potential, calc_normalized_current, "
            "write_reclassified_resistance); GeoTIFF unless write_as_tif = false, then ESRI "
            "ASCII grids; double precision; NoData -9999.\n"
            "Differences from Omniscape.jl: paths in the INI (also project_name) are read "
            "relative to the INI's folder, not the working directory; config.ini is a "
            "verbatim copy of the INI; precision = single computes in double precision and "
            "only writes single-precision files; parallelize and parallel_batch_size are "
            "replaced by the worker processes below; the folder is made only when the run "
            "succeeds.\n"
            "Reference: Landau, V.A., Shah, V.B., Anantharaman, R. and Hall, K.R. (2021) "
            "Omniscape.jl: Software to compute omnidirectional landscape connectivity. "
            "JOSS 6(57): 2829.")

    def initAlgorithm(self, config: Any = None) -> None:
        tr = self.tr
        add = self.add_parameter
        add(QgsProcessingParameterFile(self.INI, tr("Omniscape INI file"), extension="ini"),
            tr("An Omniscape.jl .ini file. Relative paths inside it, and project_name, are "
               "relative to its folder."))
        add(QgsProcessingParameterEnum(self.SOLVER, tr("Window solver"),
                                       options=[tr("as in the INI (cg+amg, cholmod)"),
                                                tr("auto (by memory and work)"), "CHOLMOD",
                                                "SuperLU", tr("AMG-preconditioned CG")],
                                       defaultValue=0),
            tr("Override the INI's solver. All give the same numbers to about 1e-8."))
        add(QgsProcessingParameterNumber(self.WORKERS, tr("Worker processes"),
                                         NumberType.Integer, defaultValue=0, minValue=0),
            tr("Replaces the INI's parallelize: 1 solves the windows in this process; more "
               "start that many workers; 0 (the default) takes the provider's setting "
               "(Settings > Options > Processing > Providers > ESP Toolkit: local processes "
               "or a Dask cluster, one worker per core unless set). The numbers are the same "
               "either way."))
        add(QgsProcessingParameterBoolean(self.LOAD_OUTPUTS, tr("Open the maps when done"),
                                          defaultValue=True),
            tr("Add the written maps to the project, styled, when the run ends."))
        self.addOutput(QgsProcessingOutputFolder(self.OUTPUT_FOLDER,
                                                 tr("Project folder written")))
        self.addOutput(QgsProcessingOutputRasterLayer(self.CUMULATIVE,
                                                      tr("Cumulative current")))
        self.addOutput(QgsProcessingOutputRasterLayer(self.FLOW_POTENTIAL,
                                                      tr("Flow potential")))
        self.addOutput(QgsProcessingOutputRasterLayer(self.NORMALIZED,
                                                      tr("Normalised current")))
        self.addOutput(QgsProcessingOutputRasterLayer(self.CLASSIFIED,
                                                      tr("Reclassified resistance")))
        self.addOutput(QgsProcessingOutputMultipleLayers(self.OUTPUT_FILES,
                                                         tr("Files written")))

    def compute(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        ini_path = self.parameterAsFile(parameters, self.INI, context)
        if not ini_path or not os.path.exists(ini_path):
            raise QgsProcessingException(self.tr("The INI file {path} does not exist.")
                                         .format(path=ini_path))
        base = os.path.dirname(os.path.abspath(ini_path))
        text = read_text(ini_path)
        config = OmniscapeConfig(parse_ini(text))
        config.check()

        def resolve(path: str) -> str:
            return os.path.normpath(os.path.join(base, os.path.expanduser(path)))

        def log(template: str, **fields: Any) -> None:
            feedback.pushInfo(translate(template, "espcore").format(**fields))

        solver = SOLVER_CHOICES[self.parameterAsEnum(parameters, self.SOLVER, context)]
        workers = self.parameterAsInt(parameters, self.WORKERS, context)
        run = run_omniscape_config(config, read_raster=lambda p: read_raster(resolve(p)),
                                   read_text=lambda p: read_text(resolve(p)),
                                   method=None if solver == "ini" else solver,
                                   executor=executor_for(workers or None, feedback), log=log,
                                   progress=FeedbackProgress(feedback, 0, 95))
        _, crs = georeference(resolve(config.get("resistance_file")))
        wanted = resolve(config.project_name)
        folder = project_folder(wanted, os.path.isdir)
        if folder != wanted:
            feedback.pushWarning(self.tr("The project folder {wanted} exists already; writing "
                                         "to {folder}, as Omniscape does.")
                                 .format(wanted=wanted, folder=folder))
        os.makedirs(folder)
        written = [copy_config(text, folder)]
        extension = "tif" if config.write_as_tif else "asc"
        results: Dict[str, Any] = {self.OUTPUT_FOLDER: folder}
        load = self.parameterAsBoolean(parameters, self.LOAD_OUTPUTS, context)
        for key, name, style in self.MAPS:
            if name not in run.maps:
                continue
            path = os.path.join(folder, "{0}.{1}".format(name, extension))
            write_omniscape_map(run.maps[name], path, run.geotransform, crs,
                                as_tif=config.write_as_tif, single=config.single_precision)
            feedback.pushInfo(self.tr("Wrote {path}").format(path=path))
            written.append(path)
            results[key] = path
            if load:
                context.addLayerToLoadOnCompletion(path, QgsProcessingContext.LayerDetails(
                    name, context.project(), key))
                StyleOnLoad.attach(context, path, style, stretch=style == "current.qml")
        results[self.OUTPUT_FILES] = written
        feedback.setProgress(100)
        return results
