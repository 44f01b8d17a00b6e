"""Editors built from an algorithm's parameter definitions.

The dock never repeats a label, a default, a range or an enum option of esp:securitypattern:
each editor takes them from the registered algorithm, so the two cannot drift apart. An editor
gives the value for Processing (``value``), and a text for the project file (``state`` /
``restore``), where layers are kept by id and fields by name.
"""

import math
from typing import Any, Dict, List, Optional

from qgis.core import (
    QgsFieldProxyModel,
    QgsMapLayer,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
)
from qgis.gui import (
    QgsDoubleSpinBox,
    QgsFieldComboBox,
    QgsFileWidget,
    QgsFilterLineEdit,
    QgsMapLayerComboBox,
    QgsSpinBox,
)
from qgis.PyQt.QtWidgets import QCheckBox, QComboBox, QSizePolicy, QWidget

from ..algorithms.base import decimals_for, translate
from ..algorithms.qgis_compat import (
    FieldDataType,
    FileBehavior,
    LayerFilter,
    NumberType,
    ParameterFlag,
    SourceType,
    is_null,
)

OPTIONAL = ParameterFlag.Optional
# A spin box sizes itself to its longest value: QGIS's "no limit" (1.7e308) would make it
# wider than the screen.
SPIN_LIMIT = 1e9


def _blank(value: Any) -> bool:
    return is_null(value) or str(value).strip() == ""


def narrow(combo: QComboBox) -> None:
    """Let a combo box shrink with a narrow dock instead of sizing to its longest item."""
    combo.setSizeAdjustPolicy(
        QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)


class Editor:
    """One parameter's widget; subclasses know how to read and set it."""

    def __init__(self, definition: QgsProcessingParameterDefinition, widget: QWidget) -> None:
        # A copy: the algorithm's own definitions go when its provider is reloaded.
        self.definition = definition.clone()
        self.widget = widget
        widget.setToolTip(definition.help())
        widget.setObjectName("esp_" + definition.name())
        widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    @property
    def name(self) -> str:
        return self.definition.name()

    @property
    def optional(self) -> bool:
        return bool(self.definition.flags() & OPTIONAL)

    def default(self) -> Any:
        default = self.definition.defaultValue()
        return None if _blank(default) else default

    def value(self) -> Any:
        """The value for the parameter dict; None means 'not set'."""
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def reset(self) -> None:
        self.set_value(self.default())

    def state(self) -> str:
        value = self.value()
        return "" if value is None else str(value)

    def restore(self, text: str) -> None:
        self.set_value(text if text != "" else None)


class NumberEditor(Editor):
    def __init__(self, definition: QgsProcessingParameterNumber) -> None:
        integer = definition.dataType() == NumberType.Integer
        spin = QgsSpinBox() if integer else QgsDoubleSpinBox()
        super().__init__(definition, spin)
        self.integer = integer
        low = max(definition.minimum(), -SPIN_LIMIT)
        high = min(definition.maximum(), SPIN_LIMIT)
        default = self.default()
        if integer:
            spin.setRange(int(low), int(high))
        else:
            spin.setDecimals(self._decimals(definition, default))
            spin.setRange(low, high)
        self.unset: Optional[float] = None
        if default is not None:
            spin.setSingleStep(self._step(float(default), integer))
            # The clear button of QGIS spin boxes goes back to the algorithm's default.
            spin.setClearValue(int(default) if integer else float(default))
            spin.setShowClearButton(True)
        elif self.optional:
            # One step below the minimum stands for "not set", as in the toolbox's dialog.
            step = 1 if integer or high - low > 10 else 0.1
            spin.setSingleStep(step)
            self.unset = low - step
            spin.setMinimum(int(self.unset) if integer else self.unset)
            spin.setClearValue(int(self.unset) if integer else self.unset, translate("Not set"))
            spin.setShowClearButton(True)
        self.reset()

    @staticmethod
    def _decimals(definition: QgsProcessingParameterNumber, default: Any) -> int:
        # The algorithm's own choice (EspAlgorithm.add_parameter), as the toolbox shows it.
        wrapper = (definition.metadata() or {}).get("widget_wrapper") or {}
        if "decimals" in wrapper:
            return int(wrapper["decimals"])
        return decimals_for(float(default)) if default else 2

    @staticmethod
    def _step(default: float, integer: bool) -> float:
        """About a tenth of the default: an arrow click nudges, it does not jump."""
        if default == 0:
            return 1
        step = 10.0 ** math.floor(math.log10(abs(default)) - 1)
        return max(1, int(step)) if integer else step

    def value(self) -> Any:
        value = self.widget.value()
        if self.unset is not None and value <= self.unset:
            return None
        return int(value) if self.integer else float(value)

    def set_value(self, value: Any) -> None:
        if _blank(value):
            value = self.default() if self.default() is not None else self.widget.minimum()
        self.widget.setValue(int(float(value)) if self.integer else float(value))


class EnumEditor(Editor):
    def __init__(self, definition: QgsProcessingParameterEnum) -> None:
        combo = QComboBox()
        combo.addItems(definition.options())
        narrow(combo)
        super().__init__(definition, combo)
        self.reset()

    def value(self) -> Any:
        index = self.widget.currentIndex()
        return index if index >= 0 else None

    def set_value(self, value: Any) -> None:
        if _blank(value):
            value = self.default() if self.default() is not None else 0
        index = int(value)
        if 0 <= index < self.widget.count():
            self.widget.setCurrentIndex(index)


class StringEditor(Editor):
    def __init__(self, definition: QgsProcessingParameterString) -> None:
        line = QgsFilterLineEdit()
        super().__init__(definition, line)
        default = self.default()
        if default is not None:
            # Like the spin boxes, the clear button goes back to the algorithm's default.
            line.setDefaultValue(str(default))
            line.setClearMode(QgsFilterLineEdit.ClearMode.ClearToDefault)
            line.setPlaceholderText(str(default))
        self.reset()

    def value(self) -> Any:
        text = self.widget.text().strip()
        return text if text else None

    def set_value(self, value: Any) -> None:
        self.widget.setText("" if _blank(value) else str(value))


class BooleanEditor(Editor):
    def __init__(self, definition: QgsProcessingParameterBoolean) -> None:
        super().__init__(definition, QCheckBox())
        self.reset()

    def value(self) -> Any:
        return self.widget.isChecked()

    def set_value(self, value: Any) -> None:
        if isinstance(value, str):
            value = value.lower() in ("true", "1", "yes")
        self.widget.setChecked(bool(value))


class LayerEditor(Editor):
    """A layer of the project, passed by id: Processing finds it in the run's project."""

    def __init__(self, definition: QgsProcessingParameterDefinition) -> None:
        combo = QgsMapLayerComboBox()
        narrow(combo)
        combo.setFilters(self._filters(definition))
        super().__init__(definition, combo)
        combo.setAllowEmptyLayer(self.optional)
        if self.optional:
            combo.setLayer(None)

    @staticmethod
    def _filters(definition: QgsProcessingParameterDefinition) -> Any:
        if isinstance(definition, QgsProcessingParameterRasterLayer):
            return LayerFilter.RasterLayer
        geometry = {SourceType.VectorPolygon: LayerFilter.PolygonLayer,
                    SourceType.VectorLine: LayerFilter.LineLayer,
                    SourceType.VectorPoint: LayerFilter.PointLayer}
        types = [geometry[kind] for kind in definition.dataTypes() if kind in geometry]
        if not types:
            return LayerFilter.VectorLayer
        combined = types[0]
        for kind in types[1:]:
            combined = combined | kind
        return combined

    def layer(self) -> Optional[QgsMapLayer]:
        return self.widget.currentLayer()

    def value(self) -> Any:
        layer = self.layer()
        return layer.id() if layer is not None else None

    def set_value(self, value: Any) -> None:
        if isinstance(value, QgsMapLayer):
            self.widget.setLayer(value)
            return
        layer = None if _blank(value) else QgsProject.instance().mapLayer(str(value))
        if layer is not None or self.optional:
            self.widget.setLayer(layer)

    def reset(self) -> None:
        if self.optional:
            self.widget.setLayer(None)
        elif self.widget.currentLayer() is None and self.widget.count():
            self.widget.setCurrentIndex(0)


class FieldEditor(Editor):
    """A field of the layer chosen in the parent parameter's editor."""

    FILTERS = {FieldDataType.Numeric: QgsFieldProxyModel.Filter.Numeric,
               FieldDataType.String: QgsFieldProxyModel.Filter.String,
               FieldDataType.DateTime: QgsFieldProxyModel.Filter.DateTime}

    def __init__(self, definition: QgsProcessingParameterField,
                 parent: Optional[LayerEditor]) -> None:
        combo = QgsFieldComboBox()
        narrow(combo)
        super().__init__(definition, combo)
        combo.setAllowEmptyFieldName(self.optional)
        kind = self.FILTERS.get(definition.dataType())
        if kind is not None:
            combo.setFilters(kind)
        self.parent = parent
        if parent is not None:
            parent.widget.layerChanged.connect(combo.setLayer)
            combo.setLayer(parent.layer())
        self.reset()

    def value(self) -> Any:
        return self.widget.currentField() or None

    def set_value(self, value: Any) -> None:
        self.widget.setField("" if _blank(value) else str(value))


class FileEditor(Editor):
    def __init__(self, definition: QgsProcessingParameterDefinition) -> None:
        widget = QgsFileWidget()
        super().__init__(definition, widget)
        if isinstance(definition, QgsProcessingParameterFolderDestination) or (
                isinstance(definition, QgsProcessingParameterFile)
                and definition.behavior() == FileBehavior.Folder):
            widget.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        elif isinstance(definition, QgsProcessingParameterFile):
            widget.setFilter(definition.fileFilter())
        widget.lineEdit().setShowClearButton(True)
        self.reset()

    def value(self) -> Any:
        path = self.widget.filePath().strip()
        return path or None

    def set_value(self, value: Any) -> None:
        self.widget.setFilePath("" if _blank(value) else str(value))


def make_editor(definition: QgsProcessingParameterDefinition,
                editors: Dict[str, Editor]) -> Editor:
    """The editor for ``definition``; ``editors`` holds those made so far (a field's layer)."""
    if isinstance(definition, QgsProcessingParameterNumber):
        return NumberEditor(definition)
    if isinstance(definition, QgsProcessingParameterEnum):
        return EnumEditor(definition)
    if isinstance(definition, QgsProcessingParameterBoolean):
        return BooleanEditor(definition)
    if isinstance(definition, (QgsProcessingParameterRasterLayer,
                               QgsProcessingParameterVectorLayer)):
        return LayerEditor(definition)
    if isinstance(definition, QgsProcessingParameterField):
        parent = editors.get(definition.parentLayerParameterName())
        return FieldEditor(definition, parent if isinstance(parent, LayerEditor) else None)
    if isinstance(definition, (QgsProcessingParameterFile,
                               QgsProcessingParameterFolderDestination)):
        return FileEditor(definition)
    if isinstance(definition, QgsProcessingParameterString):
        return StringEditor(definition)
    raise TypeError("no editor for parameter type {0}".format(definition.type()))


def make_editors(definitions: List[QgsProcessingParameterDefinition]) -> Dict[str, Editor]:
    """Editors for ``definitions`` in order (a field's layer parameter must come first)."""
    editors: Dict[str, Editor] = {}
    for definition in definitions:
        editors[definition.name()] = make_editor(definition, editors)
    return editors
