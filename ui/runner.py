"""Running esp:securitypattern in the background and loading its products into the project.

The run goes through QgsProcessingAlgRunnerTask on QGIS's task manager, so the interface keeps
responding; products are then read from the output folder by their fixed names
(algorithms/workflow/products.py) and added to one layer group, one sub-group per stage, each
styled by the sidecar .qml the algorithm wrote beside it.
"""

import os
from typing import Any, Dict, List, Optional, Sequence

from qgis.core import (
    QgsApplication,
    QgsLayerTreeGroup,
    QgsMapLayer,
    QgsProcessingAlgorithm,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
)
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..algorithms.i18n import translate_legend
from ..algorithms.workflow.products import PRODUCTS, STAGES, Product, open_layer, stage_titles

GROUP_NAME = "ESP Toolkit"
# Custom properties that mark what the dock added, so a later run finds and replaces it.
GROUP_PROPERTY = "esp_toolkit/group"
STAGE_PROPERTY = "esp_toolkit/stage"
PRODUCT_PROPERTY = "esp_toolkit/product"
#: Added switched off: the ledger's county polygons are filled and would hide the zones.
OFF_AT_FIRST = ("LEDGER",)


class RunFeedback(QgsProcessingFeedback):
    """Keeps the errors the algorithm reports, to show them in the dock."""

    def __init__(self) -> None:
        super().__init__()
        self.errors: List[str] = []

    def reportError(self, error: str, fatalError: bool = False) -> None:
        self.errors.append(error)
        super().reportError(error, fatalError)


class WorkflowRun(QObject):
    """One background run; ``finished(ok, results, message)`` is emitted in the main thread."""

    progressChanged = pyqtSignal(float)  # noqa: N815 (Qt names signals in camelCase)
    finished = pyqtSignal(bool, dict, str)

    def __init__(self, algorithm: QgsProcessingAlgorithm, parameters: Dict[str, Any],
                 description: str, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.parameters = dict(parameters)
        self.algorithm = algorithm
        self.description = description
        # The task holds only references to the context and the feedback: keep them alive.
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = RunFeedback()
        self.task: Optional[QgsProcessingAlgRunnerTask] = None

    def check(self) -> str:
        """The algorithm's complaint about the parameters, or "" when they are acceptable."""
        ok, message = self.algorithm.checkParameterValues(self.parameters, self.context)
        return "" if ok else message

    def start(self) -> None:
        self.task = QgsProcessingAlgRunnerTask(self.algorithm, self.parameters, self.context,
                                               self.feedback)
        self.task.setDescription(self.description)
        self.task.progressChanged.connect(self.progressChanged.emit)
        self.task.executed.connect(self._executed)
        QgsApplication.taskManager().addTask(self.task)

    def cancel(self) -> None:
        # Cancelling the feedback reaches the algorithm at its next progress check, whether
        # or not the task manager has already started the task.
        self.feedback.cancel()
        if self.task is not None:
            try:
                self.task.cancel()
            except RuntimeError:  # the task manager deleted the finished task
                pass

    @property
    def cancelled(self) -> bool:
        return self.feedback.isCanceled()

    def _executed(self, ok: bool, results: Dict[str, Any]) -> None:
        self.task = None
        message = ""
        if not ok:
            message = "\n".join(error for error in self.feedback.errors if error)
        self.finished.emit(bool(ok) and not self.cancelled, dict(results or {}), message)


# -- loading the products ------------------------------------------------------------------

def product_file(product: Product, results: Dict[str, Any]) -> Optional[str]:
    """The product's file from this run, or None when the run did not write it (a file
    left in the folder by an earlier run is not this run's)."""
    path = results.get(product.key)
    if not isinstance(path, str) or not path:
        return None
    return path if os.path.exists(path) else None


def open_product(product: Product, path: str, folder: str) -> Optional[QgsMapLayer]:
    layer = open_layer(product, folder, path)
    if layer is not None:
        translate_legend(layer)  # styles copied from resources/styles carry English labels
        layer.setCustomProperty(PRODUCT_PROPERTY, product.key)
    return layer


def _order(product: Product) -> tuple:
    # Vectors above rasters so points and lines stay visible; then the workflow's order.
    return (0 if product.kind == "vector" else 1, PRODUCTS.index(product))


def expand(node: QgsLayerTreeGroup, expanded: bool) -> None:
    """Expand or collapse ``node`` in the layer panel too.

    The panel does not expand a group that was inserted empty and filled afterwards, though
    the node says it is expanded; only a change of the node's state reaches the panel.
    """
    node.setExpanded(not expanded)
    node.setExpanded(expanded)


def main_group(project: QgsProject) -> QgsLayerTreeGroup:
    root = project.layerTreeRoot()
    for child in root.children():
        if isinstance(child, QgsLayerTreeGroup) and child.customProperty(GROUP_PROPERTY):
            return child
    group = root.insertGroup(0, GROUP_NAME)
    group.setCustomProperty(GROUP_PROPERTY, True)
    return group


def stage_group(group: QgsLayerTreeGroup, stage: str) -> QgsLayerTreeGroup:
    """The stage's sub-group; the later stages sit above, as each builds on the one below."""
    position = 0
    for child in group.children():
        if not isinstance(child, QgsLayerTreeGroup):
            continue
        key = child.customProperty(STAGE_PROPERTY)
        if key == stage:
            return child
        if key in STAGES and STAGES.index(key) > STAGES.index(stage):
            position = group.children().index(child) + 1
    sub = group.insertGroup(position, stage_titles()[stage])
    sub.setCustomProperty(STAGE_PROPERTY, stage)
    return sub


def remove_products(project: QgsProject, keys: Sequence[str]) -> None:
    stale = [layer.id() for layer in project.mapLayers().values()
             if layer.customProperty(PRODUCT_PROPERTY) in keys]
    if stale:
        project.removeMapLayers(stale)


def load_products(project: QgsProject, folder: str, stages: Sequence[str],
                  results: Dict[str, Any]) -> List[QgsMapLayer]:
    """Add the shown products of ``stages`` to the project; returns the layers added.

    A stage that ran replaces every layer of its products from an earlier run, including
    products this run did not write (they would otherwise show the earlier run's values).
    """
    remove_products(project, [p.key for p in PRODUCTS if p.stage in stages])
    group = main_group(project)
    added: List[QgsMapLayer] = []
    shown = None
    for stage in stages:
        products = sorted((p for p in PRODUCTS if p.stage == stage and p.show), key=_order)
        layers = []
        for product in products:
            path = product_file(product, results)
            layer = open_product(product, path, folder) if path else None
            if layer is not None:
                layers.append(layer)
        sub = stage_group(group, stage)
        if not layers:
            group.removeChildNode(sub)
            continue
        project.addMapLayers(layers, False)
        for index, layer in enumerate(layers):
            node = sub.insertLayer(index, layer)
            if layer.customProperty(PRODUCT_PROPERTY) in OFF_AT_FIRST:
                node.setItemVisibilityChecked(False)
                node.setExpanded(False)
        added.extend(layers)
        shown = stage
    if shown is not None:
        # Only the last stage that ran is switched on: the stages' opaque rasters would
        # otherwise hide each other.
        for child in group.children():
            if isinstance(child, QgsLayerTreeGroup) and child.customProperty(STAGE_PROPERTY):
                visible = child.customProperty(STAGE_PROPERTY) == shown
                child.setItemVisibilityChecked(visible)
                expand(child, visible)
        group.setItemVisibilityChecked(True)
        expand(group, True)
    return added
