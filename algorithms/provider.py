"""The Processing provider "esp"."""

from typing import List

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .barriers import Barriers
from .base import ICON_PATH, translate
from .centrality import Centrality
from .circuitscape import Circuitscape
from .circuitscapeini import CircuitscapeIni
from .collaborativezoning import CollaborativeZoning
from .connectivityimportance import ConnectivityImportance
from .extractsources import ExtractSources
from .habitatquality import HabitatQuality
from .linkagepathways import LinkagePathways
from .mspa import Mspa
from .omniscape import Omniscape
from .pinchpoints import PinchPoints
from .resistancesurface import ResistanceSurface
from .restorationzoning import RestorationZoning
from .securitypattern import SecurityPattern

#: Every public algorithm, in toolbox order. Ids never change: models store them.
ALGORITHMS = (Mspa, HabitatQuality, ConnectivityImportance, ExtractSources, ResistanceSurface,
              Circuitscape, CircuitscapeIni, Omniscape, LinkagePathways, PinchPoints, Barriers,
              Centrality, RestorationZoning, CollaborativeZoning, SecurityPattern)


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

    def loadAlgorithms(self) -> None:
        for algorithm in ALGORITHMS:
            self.addAlgorithm(algorithm())

    def supportedOutputRasterLayerExtensions(self) -> List[str]:
        return ["tif"]
