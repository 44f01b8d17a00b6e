"""algorithms/qgis_compat.py: the one place for QGIS / Qt version differences.

(a) its helpers give the right fields and enum values on the running QGIS; (b) the plugin's own
code raises no DeprecationWarning when algorithms and the dock run (QGIS 3.38+ warns on the
QVariant field types, 3.40+ on parameterAsFields and setMinimal); (c) a static check that no
old spelling (removed in QGIS 4 or deprecated) appears outside qgis_compat.py, so a regression
is caught on QGIS 3.22 too, where the old spellings still work silently.
"""

import ast
import enum
import importlib
import re
import warnings
from pathlib import Path

import processing
import pytest
from conftest import ROOT, WORKFLOW_SETTINGS
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsMapLayerProxyModel,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProject,
    QgsProperty,
    QgsRectangle,
    QgsSimpleLineSymbolLayer,
    QgsUnitTypes,
    QgsVectorLayer,
)

from esp_toolkit.algorithms import qgis_compat as compat

KINDS = ("int", "long", "double", "string")


# --- (a) the helpers on the running QGIS -----------------------------------------------------
@pytest.mark.parametrize("kind", KINDS)
def test_fields_have_the_asked_type(kind):
    made = {"int": compat.int_field, "long": compat.long_field,
            "double": compat.double_field, "string": compat.string_field}[kind]("x")
    assert compat.field_kind(made) == kind
    assert compat.field_kind(compat.new_field("x", kind)) == kind
    # QGIS 3.38 moved QgsField to QMetaType.Type; older versions take QVariant.Type.
    family = "QMetaType" if Qgis.versionInt() >= 33800 else "QVariant"
    assert type(compat.FIELD_TYPES[kind]).__qualname__.split(".")[0] == family
    # The type survives a data provider.
    layer = QgsVectorLayer("None", "table", "memory")
    assert layer.dataProvider().addAttributes([made])
    layer.updateFields()
    assert compat.field_kind(layer.fields().field("x")) == kind


def test_field_kind_of_other_types_and_nulls():
    layer = QgsVectorLayer("None?field=d:date&field=n:integer", "table", "memory")
    assert compat.field_kind(layer.fields().field("d")) is None
    assert compat.field_kind(layer.fields().field("n")) == "int"
    feature = QgsFeature(layer.fields())
    feature.setAttributes([None, None])
    layer.dataProvider().addFeatures([feature])
    stored = next(layer.getFeatures())
    assert compat.is_null(stored["n"]) and compat.is_null(None)
    assert not any(compat.is_null(value) for value in (0, 0.0, "", "NULL"))


def test_processing_enums_are_the_ones_qgis_uses():
    source = QgsProcessingParameterFeatureSource(
        "S", "s", [compat.SourceType.VectorPolygon, compat.SourceType.VectorLine])
    assert source.dataTypes() == [compat.SourceType.VectorPolygon, compat.SourceType.VectorLine]
    number = QgsProcessingParameterNumber("N", "n", compat.NumberType.Integer, optional=True)
    assert number.dataType() == compat.NumberType.Integer
    assert number.flags() & compat.ParameterFlag.Optional
    number.setFlags(number.flags() | compat.ParameterFlag.Advanced)
    assert number.flags() & compat.ParameterFlag.Advanced
    field = QgsProcessingParameterField("F", "f", type=compat.FieldDataType.Numeric)
    assert field.dataType() == compat.FieldDataType.Numeric
    folder = QgsProcessingParameterFile("D", "d", compat.FileBehavior.Folder)
    assert folder.behavior() == compat.FileBehavior.Folder != compat.FileBehavior.File


def test_geometry_unit_and_layer_enums():
    table = QgsVectorLayer("None", "t", "memory")
    polygons = QgsVectorLayer("MultiPolygon?crs=EPSG:4546", "p", "memory")
    assert table.wkbType() == compat.WkbType.NoGeometry
    assert polygons.wkbType() == compat.WkbType.MultiPolygon
    assert polygons.geometryType() == compat.GeometryType.Polygon
    assert QgsCoordinateReferenceSystem("EPSG:4546").mapUnits() == compat.DistanceUnit.Meters
    assert QgsCoordinateReferenceSystem("EPSG:4326").mapUnits() == compat.DistanceUnit.Degrees
    assert QgsUnitTypes.fromUnitToUnitFactor(compat.DistanceUnit.Kilometers,
                                             compat.DistanceUnit.Meters) == 1000.0
    assert QgsUnitTypes.fromUnitToUnitFactor(compat.AreaUnit.SquareKilometers,
                                             compat.AreaUnit.SquareMeters) == 1e6
    model = QgsMapLayerProxyModel()
    model.setFilters(compat.LayerFilter.PolygonLayer)
    assert model.filters() == compat.LayerFilter.PolygonLayer
    line = QgsSimpleLineSymbolLayer()
    line.setDataDefinedProperty(compat.SymbolLayerProperty.StrokeWidth,
                                QgsProperty.fromExpression('"w"'))
    width = line.dataDefinedProperties().property(compat.SymbolLayerProperty.StrokeWidth)
    assert width.expressionString() == '"w"'


def test_null_rectangle_grows_to_exactly_what_is_added():
    extent = compat.null_rectangle()
    assert extent.isNull()
    extent.combineExtentWith(QgsRectangle(500000, 3000000, 500100, 3000300))
    extent.combineExtentWith(QgsRectangle(505000, 3000000, 505100, 3000100))
    assert (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()) == (
        500000, 3000000, 505100, 3000300)


def test_qaction_is_the_widgets_action():
    from qgis.PyQt.QtCore import QObject

    assert issubclass(compat.QAction, QObject) and hasattr(compat.QAction, "triggered")


# --- (b) no deprecation warnings from the plugin's code --------------------------------------
def _ours(filename):
    """A file of the plugin (the test package links the working tree as esp_toolkit)."""
    try:
        parts = Path(filename).resolve().relative_to(ROOT).parts
    except ValueError:
        return False
    return bool(parts) and parts[0] not in (".venv", "tests", "build", "bench")


def _own_deprecations(record):
    return sorted({"{0}:{1}: {2}".format(w.filename, w.lineno, w.message) for w in record
                   if issubclass(w.category, DeprecationWarning) and _ours(w.filename)})


def test_the_check_sees_a_deprecation_raised_in_a_plugin_file(tmp_path):
    """The filter attributes warnings to the calling file (as sip does for deprecated API)."""
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        code = compile("import warnings\nwarnings.warn('old', DeprecationWarning)\n",
                       str(ROOT / "algorithms" / "base.py"), "exec")
        exec(code, {})
    assert len(_own_deprecations(record)) == 1


def test_workflow_and_algorithms_raise_no_deprecation_warnings(esp, workflow_landscape,
                                                               tmp_path, qtbot):
    from test_connectivityimportance import polygons

    from esp_toolkit.ui.dock import EspDock

    landscape = workflow_landscape
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        # The whole chain: MSPA, habitat quality, sources, resistance, Circuitscape, corridors,
        # pinch points, barriers, centrality, zoning, the county ledger and the report.
        processing.run("esp:securitypattern", dict(
            WORKFLOW_SETTINGS, LANDCOVER=landscape["landcover"], UNITS=landscape["counties"],
            THREATS_TABLE=landscape["threats"], SENSITIVITY_TABLE=landscape["sensitivity"],
            OUTPUT_FOLDER=str(tmp_path / "run")))
        # Polygon patches (an extent grown from null) and their link table.
        processing.run("esp:connectivityimportance", {
            "PATCHES": polygons(), "PATCH_ID_FIELD": "pid", "DISTANCE": 100.0,
            "OUTPUT": "TEMPORARY_OUTPUT", "LINKS": "TEMPORARY_OUTPUT"})
        # The dock: editors from the parameter definitions, a text field picked for the names.
        counties = QgsVectorLayer(landscape["counties"], "counties", "ogr")
        QgsProject.instance().addMapLayer(counties)
        dock = EspDock(None)
        qtbot.addWidget(dock)
        assert dock.parameters()
        dock.close_down()
        QgsProject.instance().removeMapLayer(counties.id())
    own = _own_deprecations(record)
    assert not own, "\n".join(own)


# --- (c) no old spelling outside qgis_compat.py ----------------------------------------------
#: Dotted names (as written) that QGIS deprecates or QGIS 4 removes, with what to write instead.
OLD_SPELLINGS = (
    (r"QgsProcessing\.(SourceType|Type\w+)$", "qgis_compat.SourceType"),
    (r"QgsProcessingParameterNumber\.(Type|Integer|Double)$", "qgis_compat.NumberType"),
    (r"QgsProcessingParameterField\.(DataType|Any|Numeric|String|DateTime)$",
     "qgis_compat.FieldDataType"),
    (r"QgsProcessingParameterFile\.(Behavior|File|Folder)$", "qgis_compat.FileBehavior"),
    (r"QgsProcessing\w*\.Flag\w*$", "qgis_compat.ParameterFlag / Qgis.ProcessingAlgorithmFlag"),
    (r"QgsWkbTypes\.[A-Z]\w*$", "qgis_compat.WkbType / GeometryType"),
    (r"QgsUnitTypes\.[A-Z]\w*$", "qgis_compat.DistanceUnit / AreaUnit"),
    (r"QgsMapLayerProxyModel\.[A-Z]\w*$", "qgis_compat.LayerFilter"),
    (r"QgsSymbolLayer\.Property\w*$", "qgis_compat.SymbolLayerProperty"),
    (r"Qgis\.(Info|Warning|Critical|Success|NoLevel)$", "Qgis.MessageLevel.*"),
    (r"(QVariant|QMetaType)\b.*", "qgis_compat.new_field / field_kind / is_null"),
    (r".*\.parameterAsFields$", "qgis_compat.parameter_as_strings"),
    (r".*\.setMinimal$", "qgis_compat.null_rectangle"),
)


def _checked_files():
    """The plugin as QGIS loads it, and its QGIS tests."""
    files = [ROOT / "__init__.py", ROOT / "plugin.py"]
    for folder in ("algorithms", "ui", "tests/qgis"):
        files += sorted((ROOT / folder).rglob("*.py"))
    return [path for path in files if path.name != "qgis_compat.py"
            and "qgis" in path.read_text(encoding="utf-8")]


def _dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        return ".".join([node.id] + parts[::-1])
    return "?." + ".".join(parts[::-1]) if parts else None


def _names(tree):
    """Every dotted name in the module, outermost only, with its line; plus imported names."""
    inner = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and id(node) not in inner:
            # Every prefix: QgsProcessing.SourceType.TypeVector is old at its second part.
            full = _dotted(node)
            if full:
                pieces = full.split(".")
                for end in range(2, len(pieces) + 1):
                    yield node.lineno, ".".join(pieces[:end])
        elif isinstance(node, ast.Name):
            yield node.lineno, node.id
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                yield node.lineno, alias.name


def _qgis_imports(tree):
    """{local name: object} of the names a module imports from qgis.* (qgis.PyQt included)."""
    found = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (
                node.module or "").split(".")[0] == "qgis":
            module = importlib.import_module(node.module)
            for alias in node.names:
                if hasattr(module, alias.name):
                    found[alias.asname or alias.name] = getattr(module, alias.name)
    return found


def _is_enum_member(value):
    if isinstance(value, type):
        return False
    if isinstance(value, enum.Enum):
        return True
    kind = type(value)
    return isinstance(value, int) and kind not in (int, bool) and \
        type(kind).__name__ in ("enumtype", "EnumType", "EnumMeta")


def _is_enum_type(value):
    return isinstance(value, type) and (issubclass(value, (int, enum.Enum)))


def test_no_old_spelling_outside_the_compat_module():
    patterns = [(re.compile(pattern), instead) for pattern, instead in OLD_SPELLINGS]
    found = set()
    for path in _checked_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(ROOT)
        for line, name in _names(tree):
            for pattern, instead in patterns:
                if pattern.match(name):
                    found.add("{0}:{1}: {2} (use {3})".format(where, line, name, instead))
    assert not found, "\n".join(sorted(found))


def test_no_unscoped_or_missing_enum_outside_the_compat_module():
    """Qt and QGIS class enums by their scoped name (Qt 6 and QGIS 4 know no other), and no
    name that this QGIS lacks (a version difference that belongs in qgis_compat.py)."""
    found = set()
    for path in _checked_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = _qgis_imports(tree)
        where = path.relative_to(ROOT)
        for line, name in _names(tree):
            pieces = name.split(".")
            if len(pieces) < 2 or pieces[0] not in imported:
                continue
            owner, value = None, imported[pieces[0]]
            for index, piece in enumerate(pieces[1:], 2):
                if not hasattr(value, piece):
                    if index == len(pieces):  # (a shorter prefix reports an earlier gap)
                        found.add("{0}:{1}: {2} does not exist on QGIS {3}".format(
                            where, line, name, Qgis.version()))
                    break
                owner, value = value, getattr(value, piece)
            else:
                if _is_enum_member(value) and not _is_enum_type(owner):
                    scoped = "{0}.{1}.{2}".format(".".join(pieces[:-1]), type(value).__name__,
                                                  pieces[-1])
                    found.add("{0}:{1}: {2} (write {3})".format(where, line, name, scoped))
    assert not found, "\n".join(sorted(found))
