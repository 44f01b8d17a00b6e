"""The Processing provider "esp": the algorithms and the shipped model of the chain."""

from typing import Any, List

from qgis.core import (
    QgsApplication,
    QgsProcessingModelAlgorithm,
    QgsProcessingParameterEnum,
    QgsProcessingProvider,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from .base import HELP_URL, ICON_PATH, translate
from .connectivity.barriers import Barriers
from .connectivity.centrality import Centrality
from .connectivity.circuitscape import Circuitscape
from .connectivity.circuitscapeini import CircuitscapeIni
from .connectivity.linkagepathways import LinkagePathways
from .connectivity.omniscape import Omniscape
from .connectivity.omniscapeini import OmniscapeIni
from .connectivity.pinchpoints import PinchPoints
from .engine import register_settings, unregister_settings
from .resistance.resistancesurface import ResistanceSurface
from .sources.connectivityimportance import ConnectivityImportance
from .sources.extractsources import ExtractSources
from .sources.habitatquality import HabitatQuality
from .sources.mspa import Mspa
from .workflow.model import MODEL_PATH
from .workflow.securitypattern import SecurityPattern
from .zoning.collaborativezoning import CollaborativeZoning
from .zoning.compareesp import CompareEsp
from .zoning.restorationscenarios import RestorationScenarios
from .zoning.restorationzoning import RestorationZoning

#: Every public algorithm, in toolbox order. Ids never change: models store them.
ALGORITHMS = (Mspa, HabitatQuality, ConnectivityImportance, ExtractSources, ResistanceSurface,
              Circuitscape, CircuitscapeIni, Omniscape, OmniscapeIni, LinkagePathways, PinchPoints,
              Barriers, Centrality, RestorationZoning, CollaborativeZoning, RestorationScenarios,
              CompareEsp, SecurityPattern)


def lookup(context: str, text: str) -> str:
    """``text`` as the catalogue has it under ``context``, else as it is."""
    if not text:
        return text
    return QCoreApplication.translate(context, text) or text


class SecurityPatternModel(QgsProcessingModelAlgorithm):
    """resources/models/ecological_security_pattern.model3 (`make model`), listed beside the
    algorithms so that it is found in the toolbox, and in the interface's language: the file
    holds esp:securitypattern's English texts, which the catalogue has under its class."""

    NAME = "securitypatternmodel"
    #: The catalogue context of the texts the model takes from esp:securitypattern.
    SOURCE = SecurityPattern.__name__

    def __init__(self) -> None:
        super().__init__()
        if self.fromFile(MODEL_PATH):
            self.setSourceFilePath(MODEL_PATH)
            self._translate_parameters()

    def _translate_parameters(self) -> None:
        for definition in self.parameterDefinitions():
            definition.setDescription(lookup(self.SOURCE, definition.description()))
            definition.setHelp(lookup(self.SOURCE, definition.help()))
            if isinstance(definition, QgsProcessingParameterEnum):
                definition.setOptions([lookup(self.SOURCE, option)
                                       for option in definition.options()])
        for output in self.outputDefinitions():
            output.setDescription(lookup(self.SOURCE, output.description()))

    def createInstance(self) -> "SecurityPatternModel":
        return SecurityPatternModel()

    def name(self) -> str:
        return self.NAME

    def displayName(self) -> str:
        return translate("Ecological security pattern (model)")

    def group(self) -> str:
        return translate("5 · Workflows")

    def groupId(self) -> str:
        return "workflows"

    def shortHelpString(self) -> str:
        return translate(
            "The ecological security pattern chain of ESP Toolkit as a model: MSPA sources "
            "ranked by dPC, land-cover resistance, pairwise current, least-cost corridors, "
            "pinch points, barriers, centrality, restoration zones, the county ledger and the "
            "restoration programme with its compensation ledger. The algorithm 'Ecological "
            "security pattern (whole chain)' runs the same steps and adds habitat quality, the "
            "comparison with an earlier run and the report.")

    def helpString(self) -> str:
        return self.shortHelpString()

    def helpUrl(self) -> str:
        return HELP_URL

    def icon(self) -> QIcon:
        return QIcon(ICON_PATH)

    def svgIconPath(self) -> str:
        return ICON_PATH


class EspProvider(QgsProcessingProvider):
    def id(self) -> str:
        return "esp"

    def name(self) -> str:
        return translate("ESP Toolkit")

    def longName(self) -> str:
        return translate("ESP Toolkit: ecological security patterns and restoration zoning")

    def icon(self) -> QIcon:
        return QIcon(ICON_PATH)

    def svgIconPath(self) -> str:
        return ICON_PATH

    def load(self) -> bool:
        register_settings(self.name())
        # The model's steps are this provider's algorithms, which the registry finds only once
        # the provider is in it: load the model again then.
        QgsApplication.processingRegistry().providerAdded.connect(self._added)
        self.refreshAlgorithms()
        return True

    def unload(self) -> None:
        registry = QgsApplication.processingRegistry()
        # qgis_process on QGIS 3.44 unloads providers after the registry is gone.
        if registry is not None:
            try:
                registry.providerAdded.disconnect(self._added)
            except (TypeError, RuntimeError):
                pass
        unregister_settings()

    def _added(self, provider_id: Any) -> None:
        if provider_id == self.id():
            self.refreshAlgorithms()

    def loadAlgorithms(self) -> None:
        for algorithm in ALGORITHMS:
            self.addAlgorithm(algorithm())
        self.addAlgorithm(SecurityPatternModel())

    def supportedOutputRasterLayerExtensions(self) -> List[str]:
        return ["tif"]
