"""What every ESP Toolkit algorithm shares: groups, translation, progress, errors, styles."""

import gc
import math
import os
import time
from typing import Any, Dict, List, Optional, Tuple

from qgis.core import (
    QgsLayerTreeLayer,
    QgsMapLayerLegendUtils,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingLayerPostProcessorInterface,
    QgsRasterLayer,
    QgsSimpleLegendNode,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..espcore.errors import Cancelled, EspError
from .i18n import translate_legend
from .qgis_compat import NumberType, parameter_as_strings

PLUGIN_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STYLE_DIR = os.path.join(PLUGIN_DIR, "resources", "styles")
ICON_PATH = os.path.join(PLUGIN_DIR, "resources", "icons", "esp.svg")
HELP_URL = "https://github.com/esp-toolkit/esp_toolkit#readme"


def translate(text: str, context: str = "EspToolkit") -> str:
    return QCoreApplication.translate(context, text)


def translated_error(error: EspError) -> str:
    """The core's English template translated, then filled with its fields.

    A str field with letters is a word of the core ("barrier labels") and is translated too,
    unless the English template quotes it ('{name}', {name!r}): that is a value the user gave
    (a layer name, an option), shown as typed. A word without a translation stays as it is.
    """
    template = QCoreApplication.translate("espcore", error.template)
    if not error.fields:
        return template
    fields = dict(error.fields)
    for key, value in fields.items():
        if not (isinstance(value, str) and any(c.isalpha() for c in value)):
            continue  # numbers, shapes and lists of class codes
        quoted = "{" + key + "!r" in error.template or any(
            mark + "{" + key + end in error.template
            for mark in ("'", '"') for end in ("}", ":", "!"))
        if not quoted:
            # A translator that knows nothing may answer "" (a QTranslator subclass).
            fields[key] = QCoreApplication.translate("espcore", value) or value
    return template.format(**fields)


# Group ids never change (models store them); the names are what the toolbox shows.
GROUPS = {
    "sources": "1 · Sources",
    "resistance": "2 · Resistance",
    "connectivity": "3 · Connectivity",
    "zoning": "4 · Zoning",
    "workflows": "5 · Workflows",
}


class FeedbackProgress:
    """espcore's Progress on top of a Processing feedback, mapped onto [start, stop] %."""

    def __init__(self, feedback: Optional[QgsProcessingFeedback], start: float = 0.0,
                 stop: float = 100.0) -> None:
        self._feedback = feedback
        self._start = start
        self._span = stop - start

    def update(self, fraction: float) -> None:
        if self._feedback is not None:
            self._feedback.setProgress(self._start + self._span * min(max(fraction, 0.0), 1.0))

    def cancelled(self) -> bool:
        return self._feedback is not None and self._feedback.isCanceled()


class StyleOnLoad(QgsProcessingLayerPostProcessorInterface):
    """Applies a QML style from resources/styles when Processing loads an output layer."""

    # Processing holds only a raw pointer to a post-processor: keep each alive until used.
    _alive: Dict[int, "StyleOnLoad"] = {}

    def __init__(self, qml_path: str, stretch: bool = False, fit: bool = False) -> None:
        super().__init__()
        self.qml_path = qml_path
        self.stretch = stretch
        self.fit = fit

    @classmethod
    def attach(cls, context: QgsProcessingContext, layer_id: str, style_name: str,
               stretch: bool = False, fit: bool = False) -> None:
        """``stretch``: the style's colour stops span 0-1 and are spread over the layer's
        2-98 % cumulative range (currents vary over orders of magnitude between runs).
        ``fit``: the style's stops are moved onto the layer's minimum and maximum."""
        if not context.willLoadLayerOnCompletion(layer_id):
            return
        processor = cls(os.path.join(STYLE_DIR, style_name), stretch, fit)
        cls._alive[id(processor)] = processor
        context.layerToLoadOnCompletionDetails(layer_id).setPostProcessor(processor)

    def postProcessLayer(self, layer: Any, context: QgsProcessingContext,
                         feedback: QgsProcessingFeedback) -> None:
        message, ok = layer.loadNamedStyle(self.qml_path)
        if not ok:
            feedback.reportError(translate("Could not apply the style {path}: {message}")
                                 .format(path=self.qml_path, message=message))
        else:
            if self.stretch:
                stretch_pseudocolor(layer)
            if self.fit:
                from .io.raster import fit_pseudocolor, raster_range

                fit_pseudocolor(layer, *raster_range(layer.source()))
            translate_legend(layer)  # the .qml files carry English labels
            heading = style_headings().get(os.path.basename(self.qml_path))
            project = context.project()
            node = project.layerTreeRoot().findLayer(layer.id()) if project else None
            if heading and node is not None:
                label_band_line(node, heading)
        layer.triggerRepaint()
        StyleOnLoad._alive.pop(id(self), None)


def style_headings() -> Dict[str, str]:
    """The first legend line of a raster drawn with a resource style, in place of GDAL's band
    name ("Band 1: cum_curmap (Gray)"), which QGIS shows there and cannot be told otherwise."""
    return {"mspa.qml": translate("MSPA class"), "mspa_transition0.qml": translate("MSPA class"),
            "habitat_quality.qml": translate("Quality, 0 (none) to 1 (best)"),
            "degradation.qml": translate("Degradation, 2–98 % of cells"),
            "resistance.qml": translate("Cost of crossing a cell"),
            "current.qml": translate("Current, 2–98 % of cells"),
            "corridors.qml": translate("Cost above the least-cost path"),
            "barriers.qml": translate("Improvement score, 2–98 % of cells"),
            "voltage.qml": translate("Voltage")}


def label_band_line(node: QgsLayerTreeLayer, heading: str) -> bool:
    """Show ``heading`` in place of the band-name line of a raster's legend; False when the
    legend has no such line."""
    layer = node.layer()
    if not isinstance(layer, QgsRasterLayer) or layer.legend() is None:
        return False
    for index, item in enumerate(layer.legend().createLayerTreeModelLegendNodes(node)):
        if isinstance(item, QgsSimpleLegendNode):
            QgsMapLayerLegendUtils.setLegendNodeUserLabel(node, index, heading)
            layer.legendChanged.emit()  # the layer panel reads the label when it rebuilds
            return True
    return False


def stretch_pseudocolor(layer: Any) -> None:
    """Spread a pseudocolour style's 0-1 stops over the layer's 2-98 % cumulative cut."""
    renderer = layer.renderer()
    if renderer is None or renderer.type() != "singlebandpseudocolor":
        return
    low, high = layer.dataProvider().cumulativeCut(1, 0.02, 0.98)
    if not high > low:
        return
    function = renderer.shader().rasterShaderFunction()
    items = function.colorRampItemList()
    for item in items:
        item.value = low + item.value * (high - low)
    function.setColorRampItemList(items)
    function.setMinimumValue(low)
    function.setMaximumValue(high)
    renderer.setClassificationMin(low)
    renderer.setClassificationMax(high)


def decimals_for(value: float) -> int:
    """Decimals that show ``value`` and values of its kind: none for round metres and cost
    units (10000), at least two (three below 1), at most six."""
    if abs(value) >= 100 and float(value).is_integer():
        return 0
    digits = 0
    while digits < 6 and abs(value * 10 ** digits - round(value * 10 ** digits)) > 1e-9:
        digits += 1
    return max(3 if abs(value) < 1 else 2, digits)


def show_decimals(parameter: Any) -> None:
    """Tell the toolbox's and the dock's number boxes how many decimals to show: QGIS shows six
    (30.000000) unless the parameter says otherwise. Left to QGIS without a default to go by."""
    if parameter.type() != "number" or parameter.dataType() != NumberType.Double:
        return
    default = parameter.defaultValue()
    if not isinstance(default, (int, float)) or default == 0:
        return
    metadata = dict(parameter.metadata() or {})
    wrapper = dict(metadata.get("widget_wrapper") or {})
    wrapper.setdefault("decimals", decimals_for(float(default)))
    metadata["widget_wrapper"] = wrapper
    parameter.setMetadata(metadata)


#: Bounds at or beyond these are QGIS's "no limit".
_NO_LIMIT = 1e300


def _range_message(definition: Any, value: Any) -> str:
    """Why a number parameter's value is refused, or ''."""
    if definition.type() not in ("number", "distance") or value is None or value == "":
        return ""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return ""  # an expression or a property: QGIS evaluates and checks it
    low, high = definition.minimum(), definition.maximum()
    whole = definition.dataType() == NumberType.Integer
    bounded_low, bounded_high = low > -_NO_LIMIT, high < _NO_LIMIT
    if not math.isfinite(number) or (whole and not number.is_integer()) or \
            (bounded_low and number < low) or (bounded_high and number > high):
        if bounded_low and bounded_high:
            allowed = translate("from {low:g} to {high:g}").format(low=low, high=high)
        elif bounded_low:
            allowed = translate("at least {low:g}").format(low=low)
        elif bounded_high:
            allowed = translate("at most {high:g}").format(high=high)
        else:
            allowed = translate("a finite number")
        kind = translate("a whole number") if whole else translate("a number")
        return translate("'{name}' ({key}) is {value}; it must be {kind} {allowed}.").format(
            name=definition.description(), key=definition.name(), value=value, kind=kind,
            allowed=allowed)
    return ""


def _release_locals(trace: Any) -> None:
    """Drop the local variables of the finished frames of a failed run, so the sinks they
    hold are closed (and have written what they buffer) before their files are removed."""
    trace = trace.tb_next if trace is not None else None  # processAlgorithm still runs
    while trace is not None:
        try:
            trace.tb_frame.clear()
        except RuntimeError:
            pass
        trace = trace.tb_next
    gc.collect()


class EspAlgorithm(QgsProcessingAlgorithm):
    """Base of every algorithm: subclasses set NAME, GROUP, implement ``compute``."""

    NAME = ""
    GROUP = ""

    def tr(self, text: str) -> str:
        return QCoreApplication.translate(type(self).__name__, text)

    def createInstance(self) -> "EspAlgorithm":
        return type(self)()

    def name(self) -> str:
        return self.NAME

    def group(self) -> str:
        return translate(GROUPS[self.GROUP])

    def groupId(self) -> str:
        return self.GROUP

    def icon(self) -> QIcon:
        return QIcon(ICON_PATH)

    def helpUrl(self) -> str:
        return HELP_URL

    def add_parameter(self, parameter: Any, help_text: str) -> Any:
        """Add a parameter with its help text (shown in the dialog and `qgis_process help`)."""
        parameter.setHelp(help_text)
        show_decimals(parameter)
        self.addParameter(parameter)
        return parameter

    def checkParameterValues(self, parameters: Dict[str, Any],
                             context: QgsProcessingContext) -> Tuple[bool, str]:
        """QGIS's check, with the allowed range named for a number out of range (QGIS says
        only "Incorrect parameter value")."""
        for definition in self.parameterDefinitions():
            message = (_range_message(definition, parameters.get(definition.name()))
                       or self._field_message(definition, parameters, context))
            if message:
                return False, message
        return super().checkParameterValues(parameters, context)

    def _field_message(self, definition: Any, parameters: Dict[str, Any],
                       context: QgsProcessingContext) -> str:
        """Why a field parameter names no field of its layer, or ''."""
        if definition.type() != "field" or parameters.get(definition.name()) in (None, ""):
            return ""
        parent = definition.parentLayerParameterName()
        if not parent or parameters.get(parent) in (None, ""):
            return ""
        try:
            layer = self.parameterAsVectorLayer(parameters, parent, context)
            wanted = parameter_as_strings(self, parameters, definition.name(), context)
        except Exception:  # noqa: BLE001 - an unreadable layer is QGIS's own check
            return ""
        if layer is None:
            return ""
        names = layer.fields().names()
        missing = [field for field in wanted if field and field not in names]
        if not missing:
            return ""
        return translate("The field '{field}' ({name}) is not in the layer '{layer}'; its "
                         "fields are: {fields}.").format(
            field=missing[0], name=definition.description(), layer=layer.name(),
            fields=", ".join(names) or "-")

    def processAlgorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                         feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        from .io.destinations import check_destinations  # io modules import this one
        from .io.sinks import discard_staged, publish_staged

        # (temporary, final) paths of the file outputs of io.sinks.open_sink
        self.staged_files: List[Tuple[str, str]] = []
        started = time.time()
        try:
            check_destinations(self, parameters, context)
            results = self.compute(parameters, context, feedback)
        except BaseException as error:
            if self.staged_files:
                _release_locals(error.__traceback__)
                discard_staged(self.staged_files)
            if isinstance(error, Cancelled):
                raise QgsProcessingException(self._cancelled(parameters, started)) from None
            if isinstance(error, EspError):
                raise QgsProcessingException(translated_error(error)) from None
            raise
        if self.staged_files:
            gc.collect()  # the sinks of compute's frame are closed: their files are complete
            try:
                publish_staged(self.staged_files)
            except OSError as error:
                discard_staged(self.staged_files)
                raise QgsProcessingException(translate(
                    "A finished output could not be moved onto its name: {error}").format(
                        error=error)) from None
        return results

    def _cancelled(self, parameters: Dict[str, Any], started: float) -> str:
        """The cancel message, naming what the run finished before it (a workflow keeps the
        products of its finished steps)."""
        kept = written_since(self, parameters, started)
        if not kept:
            return translate("The run was cancelled; no output was written.")
        folders = sorted({os.path.dirname(path) for path in kept})
        if len(folders) > 1:
            return translate("The run was cancelled. Kept: {files}, finished before the "
                             "cancel; nothing else was written.").format(files=", ".join(kept))
        return translate("The run was cancelled. Kept in {folder}: {files}, finished before "
                         "the cancel; nothing else was written.").format(
            folder=folders[0], files=", ".join(os.path.basename(path) for path in kept))

    def compute(self, parameters: Dict[str, Any], context: QgsProcessingContext,
            feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        raise NotImplementedError


#: Files beside a product that are not products themselves.
_NOT_OUTPUTS = (".qml", ".aux.xml", ".partial", "-wal", "-shm", ".lock")


def written_since(algorithm: QgsProcessingAlgorithm, parameters: Dict[str, Any],
                  started: float) -> List[str]:
    """The files the destination parameters name (the files in a destination folder) that were
    written since ``started``; temporary outputs are left out, as they are never kept."""
    found = []
    for definition in algorithm.destinationParameterDefinitions():
        value = parameters.get(definition.name())
        if hasattr(value, "sink"):  # QgsProcessingOutputLayerDefinition
            value = value.sink.staticValue()
        if not isinstance(value, str) or not value or value == "TEMPORARY_OUTPUT":
            continue
        path = value.split("|", 1)[0]
        names = ([os.path.join(path, name) for name in sorted(os.listdir(path))]
                 if os.path.isdir(path) else [path])
        # Timestamps are as coarse as the file system's clock tick.
        found += [name for name in names if os.path.isfile(name)
                  and os.path.getmtime(name) >= started - 0.05
                  and not os.path.basename(name).startswith(".")
                  and not name.endswith(_NOT_OUTPUTS)]
    return found
