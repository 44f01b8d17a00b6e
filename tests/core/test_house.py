"""The core's rooms (docs/architecture.md): what each package names, and who may import whom."""

import ast
import importlib
import re
from pathlib import Path

import pytest

import espcore

CORE = Path(espcore.__file__).resolve().parent
ROOMS = ("sources", "resistance", "circuits", "corridors", "zoning", "programme")
#: The rooms each room may import: only earlier stages of the chain.
MAY_IMPORT = {
    "sources": set(),
    "resistance": set(),
    "circuits": set(),
    "corridors": {"sources", "circuits"},
    "zoning": {"sources", "circuits", "corridors"},
    "programme": {"sources", "circuits", "corridors", "zoning"},
}
FORBIDDEN_TOP = {"qgis", "osgeo", "PyQt5", "PyQt6", "processing"}


def _modules(room):
    return sorted(path.stem for path in (CORE / room).glob("*.py") if path.stem != "__init__")


@pytest.mark.parametrize("room", ROOMS)
def test_every_module_stays_reachable_under_its_own_name(room):
    package = importlib.import_module("espcore." + room)
    for name in _modules(room):
        module = importlib.import_module("espcore.{0}.{1}".format(room, name))
        # A function lifted into __init__ under its module's name would hide the module.
        assert getattr(package, name) is module, name


@pytest.mark.parametrize("room", ROOMS)
def test_the_public_api_resolves_to_public_names(room):
    package = importlib.import_module("espcore." + room)
    for name in package.__all__:
        assert not name.startswith("_"), name
        assert getattr(package, name) is not None, name


def _imports(path):
    """(absolute top-level names, espcore rooms) that one core file imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = path.relative_to(CORE).parent.parts  # () for the top, ("zoning",) in a room
    tops, rooms = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            tops.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                tops.add((node.module or "").split(".")[0])
                parts = (node.module or "").split(".")
                if parts[0] == "espcore" and len(parts) > 1:
                    rooms.add(parts[1])
                continue
            base = list(package[:len(package) - (node.level - 1)] if node.level > 1
                        else package)
            target = base + (node.module.split(".") if node.module else [])
            if target and target[0] in ROOMS:
                rooms.add(target[0])
            elif not node.module:  # "from .. import x": x may be a room
                rooms.update(alias.name for alias in node.names if alias.name in ROOMS)
    return tops, rooms


#: The one core module that reads files: a cluster's workers read their tiles with GDAL
#: (lazily imported there), since they have no QGIS.
READS_FILES = "rasterfile.py"


def test_the_core_never_imports_qgis_gdal_or_qt():
    for path in CORE.rglob("*.py"):
        tops, _ = _imports(path)
        allowed = {"osgeo"} if path.name == READS_FILES else set()
        assert not tops & (FORBIDDEN_TOP - allowed), (path, tops & FORBIDDEN_TOP)


@pytest.mark.parametrize("room", ROOMS)
def test_rooms_import_only_earlier_stages(room):
    for path in (CORE / room).glob("*.py"):
        _, rooms = _imports(path)
        assert rooms - {room} <= MAY_IMPORT[room], (path.name, rooms - {room})


def test_the_shared_basics_import_no_room():
    for path in CORE.glob("*.py"):
        _, rooms = _imports(path)
        assert not rooms, (path.name, rooms)


def test_the_architecture_notes_name_real_functions():
    """Every `espcore.x.y` the walk through the chain names exists (the notes stay true)."""
    notes = CORE.parent / "docs" / "architecture.md"
    if not notes.exists():  # the installed wheel holds the core only
        pytest.skip("docs/architecture.md is not beside this espcore")
    text = notes.read_text(encoding="utf-8")
    named = set(re.findall(r"`(espcore(?:\.\w+)+)`", text))
    # "`espcore.x.a` / `b`": a bare name after a module-qualified one lives in the same module
    for module, bare in re.findall(r"`espcore((?:\.\w+)+)\.\w+`(?: / `(\w+)`)+", text):
        named.add("espcore{0}.{1}".format(module, bare))
    assert len(named) > 20
    for dotted in sorted(named):
        parts = dotted.split(".")
        for split in range(len(parts), 0, -1):
            try:
                value = importlib.import_module(".".join(parts[:split]))
                break
            except ImportError:
                continue
        for attribute in parts[split:]:
            assert hasattr(value, attribute), dotted
            value = getattr(value, attribute)
