"""esp:circuitscapeini: run an existing Circuitscape INI file as it is."""

import os
from typing import Any, Dict, List

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputFolder,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)

from ...espcore.circuits.csini import parse_ini
from ...espcore.circuits.csjob import CircuitscapeConfig, run_config
from ...espcore.circuits.solvers import METHODS
from ..base import EspAlgorithm, FeedbackProgress, translate
from ..engine import executor_for
from ..io.csfiles import georeference, read_raster, read_text, write_outputs
from ..qgis_compat import NumberType, ParameterFlag

SOLVER_CHOICES = ("ini",) + METHODS


class CircuitscapeIni(EspAlgorithm):
    NAME = "circuitscapeini"
    GROUP = "connectivity"

    INI = "INI"
    SOLVER = "SOLVER"
    WORKERS = "WORKERS"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    OUTPUT_PREFIX = "OUTPUT_PREFIX"
    OUTPUT_FILES = "OUTPUT_FILES"

    def displayName(self) -> str:
        return self.tr("Circuitscape INI file (run as is)")

    def tags(self) -> List[str]:
        return ["circuitscape", "ini", "circuit", "current", "resistance", "connectivity"]

    def shortHelpString(self) -> str:
        return self.tr(
            "Runs a Circuitscape 5 INI file unchanged, with Circuitscape's own semantics: "
            "raster pairwise, one-to-all, all-to-one and advanced modes, and network "
            "(graph) mode. Paths in the INI are read relative to the INI's folder. Outputs "
            "are Circuitscape's files, named from the INI's output_file "
            "(<prefix>_resistances.out, _cum_curmap.asc, _curmap_<id>_<id>.asc, ...; "
            "GeoTIFF when write_as_tif = True), so scripts built around Circuitscape keep "
            "working. Results agree with Circuitscape.jl's verification cases to 1e-6.\n"
            "Reference: McRae, B.H. et al. (2008) Using circuit theory to model connectivity "
            "in ecology, evolution, and conservation. Ecology 89: 2712-2724.")

    def initAlgorithm(self, config: Any = None) -> None:
        self.add_parameter(
            QgsProcessingParameterFile(self.INI, self.tr("Circuitscape INI file"),
                                       extension="ini"),
            self.tr("A Circuitscape .ini file (as written by Circuitscape's GUI, Linkage "
                    "Mapper or by hand). Relative paths inside it are relative to its folder."))
        self.add_parameter(
            QgsProcessingParameterEnum(self.SOLVER, self.tr("Solver"),
                                       options=[self.tr("as in the INI (cg+amg, cholmod)"),
                                                self.tr("auto (by memory and work)"), "CHOLMOD",
                                                "SuperLU", self.tr("AMG-preconditioned CG")],
                                       defaultValue=0),
            self.tr("Override the INI's solver. All give the same numbers to about 1e-8; "
                    "CHOLMOD is fastest up to a few million cells, AMG-CG needs the least "
                    "memory."))
        workers = self.add_parameter(
            QgsProcessingParameterNumber(self.WORKERS, self.tr("Worker processes"),
                                         NumberType.Integer, defaultValue=1, minValue=0,
                                         maxValue=256),
            self.tr("Pairs are solved in this many worker processes, or on a Dask cluster "
                    "when the provider's engine setting says so (Settings > Options > "
                    "Processing > Providers > ESP Toolkit); 0 takes the provider's worker "
                    "count. 1 (the default) solves in this process: every worker factorises "
                    "the whole grid, so each worker needs the memory of a serial run. The "
                    "numbers are the same either way."))
        workers.setFlags(workers.flags() | ParameterFlag.Advanced)
        self.addOutput(QgsProcessingOutputFolder(self.OUTPUT_FOLDER, self.tr("Output folder")))
        self.addOutput(QgsProcessingOutputString(self.OUTPUT_PREFIX,
                                                 self.tr("Output prefix")))
        self.addOutput(QgsProcessingOutputMultipleLayers(self.OUTPUT_FILES,
                                                         self.tr("Files written")))

    def compute(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        ini_path = self.parameterAsFile(parameters, self.INI, context)
        if not ini_path or not os.path.exists(ini_path):
            raise QgsProcessingException(self.tr("The INI file {path} does not exist.")
                                         .format(path=ini_path))
        folder = os.path.dirname(os.path.abspath(ini_path))
        config = CircuitscapeConfig(parse_ini(read_text(ini_path)))

        def resolve(path: str) -> str:
            return os.path.normpath(os.path.join(folder, os.path.expanduser(path)))

        solver = SOLVER_CHOICES[self.parameterAsEnum(parameters, self.SOLVER, context)]
        prefix = resolve(config.output_prefix)
        feedback.pushInfo(self.tr("Scenario: {scenario} ({kind}); outputs: {prefix}_*")
                          .format(scenario=config.scenario,
                                  kind="raster" if config.is_raster else "network",
                                  prefix=prefix))

        def log(template: str, **fields: Any) -> None:
            feedback.pushInfo(translate(template, "espcore").format(**fields))

        workers = self.parameterAsInt(parameters, self.WORKERS, context)
        result = run_config(config, read_raster=lambda p: read_raster(resolve(p)),
                            read_text=lambda p: read_text(resolve(p)),
                            method=None if solver == "ini" else solver, log=log,
                            progress=FeedbackProgress(feedback, 0, 95),
                            executor=None if workers == 1 else executor_for(workers or None,
                                                                            feedback))
        geotransform = crs = None
        if config.is_raster:
            geotransform, crs = georeference(resolve(config.get("habitat_file")))
        written = write_outputs(result, prefix, scenario=config.scenario,
                                geotransform=geotransform, crs_wkt=crs,
                                as_tif=config.flag("write_as_tif"))
        for path in written:
            feedback.pushInfo(self.tr("Wrote {path}").format(path=path))
        feedback.setProgress(100)
        return {self.OUTPUT_FOLDER: os.path.dirname(prefix), self.OUTPUT_PREFIX: prefix,
                self.OUTPUT_FILES: written}
