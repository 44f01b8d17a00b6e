"""Plugin entry: registers the Processing provider and, in the desktop, the dock's action.

Works without a GUI (iface=None, as under qgis_process): then only the provider is loaded.
"""

from typing import Any, Optional

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, Qt


class EspToolkitPlugin:
    def __init__(self, iface: Optional[Any] = None) -> None:
        self.iface = iface
        # Keep a reference: an unreferenced provider is garbage-collected.
        self.provider: Optional[Any] = None
        self.action: Optional[Any] = None
        self.dock: Optional[Any] = None

    def tr(self, text: str) -> str:
        return QCoreApplication.translate(type(self).__name__, text)

    def menu_name(self) -> str:
        return self.tr("ESP Toolkit")

    def initProcessing(self) -> None:  # noqa: N802 (QGIS's name)
        from .algorithms.provider import EspProvider

        if self.provider is None:
            self.provider = EspProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:  # noqa: N802 (QGIS's name)
        self.initProcessing()
        if self.iface is None:
            return
        from qgis.PyQt.QtGui import QIcon

        from .algorithms.base import ICON_PATH
        from .algorithms.qgis_compat import QAction

        self.action = QAction(QIcon(ICON_PATH), self.tr("ESP Toolkit"), self.iface.mainWindow())
        self.action.setObjectName("EspToolkitAction")
        self.action.setCheckable(True)
        self.action.setToolTip(self.tr("ESP Toolkit: the ecological security pattern chain, "
                                       "step by step"))
        self.action.toggled.connect(self.show_dock)
        self.iface.addPluginToMenu(self.menu_name(), self.action)
        self.iface.addToolBarIcon(self.action)

    def show_dock(self, visible: bool = True) -> None:
        """Show or hide the dock, creating it the first time it is asked for."""
        if self.dock is None:
            iface = self.iface
            if not visible or iface is None:
                return
            from .ui.dock import EspDock

            self.dock = EspDock(iface, iface.mainWindow())
            iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
            # Closing the dock with its own button unchecks the action.
            self.dock.closedStateChanged.connect(
                lambda closed: self.action is not None and self.action.setChecked(not closed))
        self.dock.setUserVisible(visible)

    def unload(self) -> None:
        from .algorithms import i18n

        if self.dock is not None:
            self.dock.close_down()
            if self.iface is not None:
                self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        if self.action is not None and self.iface is not None:
            self.iface.removePluginMenu(self.menu_name(), self.action)
            self.iface.removeToolBarIcon(self.action)
            self.action.deleteLater()
            self.action = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        i18n.uninstall()
