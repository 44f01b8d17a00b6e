"""Plugin entry: registers the Processing provider; works without a GUI (iface=None)."""

from typing import Any, Optional

from qgis.core import QgsApplication


class EspToolkitPlugin:
    def __init__(self, iface: Optional[Any] = None) -> None:
        self.iface = iface
        # Keep a reference: an unreferenced provider is garbage-collected.
        self.provider: Optional[Any] = None

    def initProcessing(self) -> None:  # noqa: N802 (QGIS's name)
        from .algorithms.provider import EspProvider

        if self.provider is None:
            self.provider = EspProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:  # noqa: N802 (QGIS's name)
        self.initProcessing()

    def unload(self) -> None:
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
