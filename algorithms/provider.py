"""The Processing provider "esp"."""

from typing import List

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .base import ICON_PATH, translate
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
from .workflow.securitypattern import SecurityPattern
from .zoning.collaborativezoning import CollaborativeZoning
from .zoning.restorationzoning import RestorationZoning

#: Every public algorithm, in toolbox order. Ids never change: models store them.
ALGORITHMS = (Mspa, HabitatQuality, ConnectivityImportance, ExtractSources, ResistanceSurface,
              Circuitscape, CircuitscapeIni, Omniscape, OmniscapeIni, LinkagePathways, PinchPoints,
              Barriers, Centrality, RestorationZoning, CollaborativeZoning, SecurityPattern)


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
        self.refreshAlgorithms()
        return True

    def unload(self) -> None:
        unregister_settings()

    def loadAlgorithms(self) -> None:
        for algorithm in ALGORITHMS:
            self.addAlgorithm(algorithm())

    def supportedOutputRasterLayerExtensions(self) -> List[str]:
        return ["tif"]
