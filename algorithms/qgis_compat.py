"""What differs between the QGIS and Qt versions the plugin runs on, in one place.

Users run QGIS 3.22 to 3.4x on Qt 5, and QGIS 4 on Qt 6. The rest of the plugin writes one
spelling, the newest (``SourceType.VectorPolygon`` as in ``Qgis.ProcessingSourceType``,
``new_field(name, "int")``), and this module maps it onto what the running version has: nothing
here warns on 3.40+, removed in QGIS 4 or missing on 3.22. The comments name the QGIS version
that introduced the new spelling; when 3.22 support is dropped, the older branch goes.

Spellings that exist on every supported version need nothing here: write the scoped form
directly (``QgsFeatureSink.Flag.FastInsert``, ``Qt.AlignmentFlag.AlignRight``,
``QSizePolicy.Policy.Expanding``, ``Qgis.MessageLevel.Critical``).
tests/qgis/test_qgis_compat.py fails when an old spelling appears outside this file.
"""

from types import SimpleNamespace
from typing import Any, Dict, List, Optional

from qgis.core import (
    Qgis,
    QgsField,
    QgsMapLayerProxyModel,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsRectangle,
    QgsSymbolLayer,
    QgsUnitTypes,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QMetaType, QVariant

try:  # Qt 6 keeps QAction in QtGui; newer QGIS re-exports it there on Qt 5 as well.
    from qgis.PyQt.QtGui import QAction  # noqa: F401
except ImportError:  # Qt 5 on older QGIS
    from qgis.PyQt.QtWidgets import QAction  # noqa: F401


def _renamed(enum: Any, old: str, names: str) -> Any:
    """The members ``names`` of an older enum under their new names (``old`` turns a new name
    into the old one: "Type{}" finds VectorPolygon as TypeVectorPolygon)."""
    return SimpleNamespace(**{name: getattr(enum, old.format(name)) for name in names.split()})


# --- Enums that moved to Qgis (the old spellings are removed in QGIS 4) ----------------------
if hasattr(Qgis, "ProcessingSourceType"):  # QGIS 3.36
    SourceType = Qgis.ProcessingSourceType
    NumberType = Qgis.ProcessingNumberParameterType
    FieldDataType = Qgis.ProcessingFieldParameterDataType
    FileBehavior = Qgis.ProcessingFileParameterBehavior
    ParameterFlag = Qgis.ProcessingParameterFlag
else:
    SourceType = _renamed(QgsProcessing.SourceType, "Type{}", "MapLayer VectorAnyGeometry "
                          "VectorPoint VectorLine VectorPolygon Raster File Vector Mesh")
    NumberType = QgsProcessingParameterNumber.Type  # Integer, Double
    FieldDataType = QgsProcessingParameterField.DataType  # Any, Numeric, String, DateTime
    FileBehavior = QgsProcessingParameterFile.Behavior  # File, Folder
    ParameterFlag = _renamed(QgsProcessingParameterDefinition.Flag, "Flag{}",
                             "Advanced Hidden Optional")

if hasattr(Qgis, "WkbType"):  # QGIS 3.30
    WkbType = Qgis.WkbType
    GeometryType = Qgis.GeometryType
    DistanceUnit = Qgis.DistanceUnit
    AreaUnit = Qgis.AreaUnit
else:
    WkbType = QgsWkbTypes.Type  # same member names (NoGeometry, LineString, MultiPolygon ...)
    GeometryType = _renamed(QgsWkbTypes.GeometryType, "{}Geometry",
                            "Point Line Polygon Unknown Null")
    DistanceUnit = _renamed(QgsUnitTypes.DistanceUnit, "Distance{}",
                            "Meters Kilometers Feet Miles Degrees")
    AreaUnit = _renamed(QgsUnitTypes.AreaUnit, "Area{}",
                        "SquareMeters SquareKilometers Hectares")

# QGIS 3.34; same member names (RasterLayer, PolygonLayer, VectorLayer ...).
LayerFilter = getattr(Qgis, "LayerFilter", None) or QgsMapLayerProxyModel.Filter

# Data-defined symbol layer properties lost their "Property" prefix in the QGIS 3.3x clean-up.
if hasattr(QgsSymbolLayer.Property, "StrokeWidth"):
    SymbolLayerProperty = QgsSymbolLayer.Property
else:
    SymbolLayerProperty = _renamed(QgsSymbolLayer.Property, "Property{}",
                                   "Size Angle FillColor StrokeColor StrokeWidth")


# --- Field types ------------------------------------------------------------------------------
# QGIS 3.38: QgsField takes and returns QMetaType.Type; the QVariant.Type forms are deprecated
# (and Qt 6 has no QVariant.Type). The type numbers are the same in both, which field_kind uses.
_METATYPES = Qgis.versionInt() >= 33800 or not hasattr(QVariant, "Type")
if _METATYPES:
    FIELD_TYPES: Dict[str, Any] = {
        "int": QMetaType.Type.Int, "long": QMetaType.Type.LongLong,
        "double": QMetaType.Type.Double, "string": QMetaType.Type.QString}
else:  # QGIS < 3.38: always Qt 5 (tools/qt6_names.py skips lines marked "Qt 5 only")
    FIELD_TYPES = {"int": QVariant.Type.Int, "long": QVariant.Type.LongLong,  # Qt 5 only
                   "double": QVariant.Type.Double, "string": QVariant.Type.String}  # Qt 5 only


def _number(kind: Any) -> int:
    return int(getattr(kind, "value", kind))  # PyQt 6 enums are not ints


_KINDS = {_number(kind): name for name, kind in FIELD_TYPES.items()}


def new_field(name: str, kind: str) -> QgsField:
    """A new attribute field; ``kind`` is "int", "long" (64 bit), "double" or "string"."""
    return QgsField(name, FIELD_TYPES[kind])


def int_field(name: str) -> QgsField:
    return new_field(name, "int")


def long_field(name: str) -> QgsField:
    return new_field(name, "long")


def double_field(name: str) -> QgsField:
    return new_field(name, "double")


def string_field(name: str) -> QgsField:
    return new_field(name, "string")


def field_kind(qgs_field: QgsField) -> Optional[str]:
    """"int", "long", "double" or "string" for a field of that type (whether ``type()`` gives a
    QVariant.Type or a QMetaType.Type), else None."""
    return _KINDS.get(_number(qgs_field.type()))


def is_null(value: Any) -> bool:
    """An attribute that is NULL: None, or QGIS's NULL (a null QVariant under PyQt 5)."""
    return value is None or (isinstance(value, QVariant) and value.isNull())


# --- Renamed methods (which one is decided once, at import) ---------------------------------
_SET_NULL = hasattr(QgsRectangle, "setNull")  # QGIS 3.34; setMinimal() is deprecated
_AS_STRINGS = hasattr(QgsProcessingAlgorithm, "parameterAsStrings")  # 3.32; parameterAsFields()
# is deprecated since 3.40


def null_rectangle() -> QgsRectangle:
    """An empty rectangle for combineExtentWith() to grow."""
    rectangle = QgsRectangle()
    if _SET_NULL:
        rectangle.setNull()
    else:
        rectangle.setMinimal()
    return rectangle


def parameter_as_strings(algorithm: QgsProcessingAlgorithm, parameters: Dict[str, Any],
                         name: str, context: QgsProcessingContext) -> List[str]:
    """The field names of a field parameter."""
    if _AS_STRINGS:
        return algorithm.parameterAsStrings(parameters, name, context)
    return algorithm.parameterAsFields(parameters, name, context)
