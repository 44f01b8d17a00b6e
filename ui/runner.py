"""Running esp:securitypattern in the background and loading its products into the project.

The run goes through QgsProcessingAlgRunnerTask on QGIS's task manager, so the interface keeps
responding; products are then read from the output folder by their fixed names
(algorithms/workflow/products.py) and added to one layer group below the unit boundaries, one
sub-group per stage, each styled by the sidecar .qml the algorithm wrote beside it, in the
products' map order (MAP_ORDER), with a legend heading in place of GDAL's band name.
"""

import os
import re
from typing import Any, Dict, List, Optional, Sequence, Tuple

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
from ..algorithms.workflow.onmap import PRODUCT_PROPERTY, label_band, map_rank
from ..algorithms.workflow.products import PRODUCTS, STAGES, Product, open_layer, stage_titles

GROUP_NAME = "ESP Toolkit"
# Custom properties that mark what the dock added, so a later run finds and replaces it.
GROUP_PROPERTY = "esp_toolkit/group"
STAGE_PROPERTY = "esp_toolkit/stage"


class RunFeedback(QgsProcessingFeedback):
    """Keeps the errors the algorithm reports, to show them in the dock, and writes each to the
    Log Messages panel once.

    QgsProcessingAlgRunnerTask logs the error that ends a run itself and then reports it here:
    logged here too, every such error would show twice (the toolbox's dialog does not log
    through its feedback for the same reason). So an error is held back until the next
    message: the one still held when the run has failed is the task's. Information and
    warnings are logged as they come.
    """

    def __init__(self) -> None:
        super().__init__()
        self.errors: List[str] = []
        self._held: Optional[str] = None
        # Queued to the main thread, where the dock and the processing registry live.
        self.signals = RunSignals()

    def pushInfo(self, info: str) -> None:
        self.release()
        super().pushInfo(info)
        step = step_of(info)
        if step is not None:
            self.signals.stepStarted.emit(*step)

    def pushWarning(self, warning: str) -> None:
        self.release()
        super().pushWarning(warning)

    def reportError(self, error: str, fatalError: bool = False) -> None:
        self.errors.append(error)
        if error != self._held:  # else a child's refusal, raised again by the task
            self.release()
            self._held = error

    def release(self) -> None:
        """Log the error held back: a later message shows it was not the run's last."""
        held, self._held = self._held, None
        if held is not None:
            super().reportError(held, False)

    def drop(self) -> None:
        """The run failed: the error held back is the one the task has logged."""
        self._held = None


class RunSignals(QObject):
    stepStarted = pyqtSignal(int, int, str)  # noqa: N815 (Qt names signals in camelCase)


#: "Step 3/13: esp:extractsources", in any language whose translation keeps "n/N: name".
_STEP = re.compile(r"(\d+)\s*/\s*(\d+)\s*[:：]\s*(\S.*)$")


def step_of(info: str) -> Optional[Tuple[int, int, str]]:
    """(n, total, algorithm id or step name) of esp:securitypattern's "Step n/N: ..." line."""
    match = _STEP.search(info.strip())
    if match is None:
        return None
    return int(match.group(1)), int(match.group(2)), match.group(3).strip()


def step_title(step: str) -> str:
    """An algorithm's display name for its id ("esp:mspa" -> "MSPA"), else ``step``
    ("report") with a capital."""
    algorithm = QgsApplication.processingRegistry().algorithmById(step)
    return algorithm.displayName() if algorithm is not None else step[:1].upper() + step[1:]


class WorkflowRun(QObject):
    """One background run; ``finished(ok, results, message)`` is emitted in the main thread."""

    progressChanged = pyqtSignal(float)  # noqa: N815 (Qt names signals in camelCase)
    #: (n, total, the step's display name) as esp:securitypattern starts a step
    stepStarted = pyqtSignal(int, int, str)  # noqa: N815
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
        self.feedback.signals.stepStarted.connect(
            lambda n, total, step: self.stepStarted.emit(n, total, step_title(step)))
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
        if ok:
            self.feedback.release()
        else:
            self.feedback.drop()
            # A child's refusal comes twice: reported by processing.run, then by the task.
            message = "\n".join(dict.fromkeys(error for error in self.feedback.errors if error))
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


def open_products(products: Sequence[Product], results: Dict[str, Any],
                  folder: str) -> List[Tuple[Product, QgsMapLayer]]:
    """The products this run wrote, as styled layers, in the order given."""
    opened = []
    for product in products:
        path = product_file(product, results)
        layer = open_product(product, path, folder) if path else None
        if layer is not None:
            opened.append((product, layer))
    return opened


def expand(node: QgsLayerTreeGroup, expanded: bool) -> None:
    """Expand or collapse ``node`` in the layer panel too.

    The panel does not expand a group that was inserted empty and filled afterwards, though
    the node says it is expanded; only a change of the node's state reaches the panel.
    """
    node.setExpanded(not expanded)
    node.setExpanded(expanded)


def main_group(project: QgsProject, units: Optional[str] = None) -> QgsLayerTreeGroup:
    """The group "ESP Toolkit", kept below the layer ``units`` (an id): the unit boundaries
    stay visible on top of the products."""
    root = project.layerTreeRoot()
    floor = _below(root, units)
    group = next((child for child in root.children() if isinstance(child, QgsLayerTreeGroup)
                  and child.customProperty(GROUP_PROPERTY)), None)
    if group is None:
        group = root.insertGroup(floor, GROUP_NAME)
        group.setCustomProperty(GROUP_PROPERTY, True)
    elif root.children().index(group) < floor:
        # Clone first: layers whose last node leaves the tree leave the project.
        moved = group.clone()
        root.insertChildNode(floor, moved)
        root.removeChildNode(group)
        group = moved
    return group


def _below(root: QgsLayerTreeGroup, layer_id: Optional[str]) -> int:
    """The position under the top-level node that holds the layer (0 when it is absent)."""
    node = root.findLayer(layer_id) if layer_id else None
    while node is not None and node.parent() is not root:
        node = node.parent()
    return root.children().index(node) + 1 if node is not None else 0


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


def add_node(group: QgsLayerTreeGroup, index: int, product: Product,
             layer: QgsMapLayer) -> None:
    node = group.insertLayer(index, layer)
    if not product.checked:  # it would hide the layers below it
        node.setItemVisibilityChecked(False)
        node.setExpanded(False)
    label_band(node)


def remove_products(project: QgsProject, keys: Sequence[str]) -> None:
    stale = [layer.id() for layer in project.mapLayers().values()
             if layer.customProperty(PRODUCT_PROPERTY) in keys]
    if stale:
        project.removeMapLayers(stale)


def load_products(project: QgsProject, folder: str, stages: Sequence[str],
                  results: Dict[str, Any], units: Optional[str] = None) -> List[QgsMapLayer]:
    """Add the shown products of ``stages`` to the project, below the layer ``units`` (an
    id); returns the layers added.

    A stage that ran replaces every layer of its products from an earlier run, including
    products this run did not write (they would otherwise show the earlier run's values).
    """
    remove_products(project, [p.key for p in PRODUCTS if p.stage in stages])
    group = main_group(project, units)
    added: List[QgsMapLayer] = []
    shown = None
    for stage in stages:
        products = sorted((p for p in PRODUCTS if p.stage == stage and p.show),
                          key=lambda p: map_rank(p.key))
        opened = open_products(products, results, folder)
        sub = stage_group(group, stage)
        if not opened:
            group.removeChildNode(sub)
            continue
        project.addMapLayers([layer for _product, layer in opened], False)
        for index, (product, layer) in enumerate(opened):
            add_node(sub, index, product, layer)
        added.extend(layer for _product, layer in opened)
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
