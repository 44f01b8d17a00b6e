"""Check that the plugin's Qt names exist in Qt 6 (PyQt6), the toolkit QGIS 4 is built on.

Usage: python tools/qt6_names.py [FILES...]   (default: the plugin's own Python files)
       python tools/qt6_names.py --self-test  (it flags a sample's Qt 5 spellings, only those)
Run it with a Python that has PyQt6 (`make qt6-names` makes one in .venv-qt6).

For every name imported from ``qgis.PyQt.QtXxx`` it checks that PyQt6's ``QtXxx`` has it, and
for every attribute chain read from such a name (``Qt.AlignmentFlag.AlignRight``,
``QSizePolicy.Policy.Expanding``, ``QVariant.Int``) that PyQt6 resolves the whole chain: Qt 6
dropped the unscoped enum spellings and some classes moved (QAction to QtGui). It also flags
``exec_()`` calls (Qt 6 has only ``exec()``). A name imported inside ``try`` with an
``except ImportError`` fallback, or a line marked ``# Qt 5 only``, is a deliberate fallback and
is not checked. Prints one line per problem; exits 1 when there is any.
"""

import ast
import importlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLUGIN_CODE = ("__init__.py", "plugin.py", "algorithms", "ui")
QT5_ONLY = "# Qt 5 only"


def plugin_files():
    for entry in PLUGIN_CODE:
        path = ROOT / entry
        yield from (sorted(path.rglob("*.py")) if path.is_dir() else [path])


def _catches_import_error(handler):
    names = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(name, ast.Name) and name.id in ("ImportError", "ModuleNotFoundError")
               for name in names)


def _guarded_by_import_error(node, parents):
    """True when ``node`` is one branch of a try / except ImportError (either branch)."""
    child = node
    while child in parents:
        parent = parents[child]
        if isinstance(parent, ast.Try) and child in parent.body \
                and any(_catches_import_error(handler) for handler in parent.handlers):
            return True
        if isinstance(parent, ast.ExceptHandler) and _catches_import_error(parent):
            return True
        child = parent
    return False


def _chain(node):
    """``Qt.AlignmentFlag.AlignRight`` as ["Qt", "AlignmentFlag", "AlignRight"], else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        return [node.id] + parts[::-1]
    return None


def problems_in(path):
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source, str(path))
    parents = {child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    found, imported = [], {}

    def skipped(node):
        return QT5_ONLY in lines[node.lineno - 1]

    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("qgis.PyQt.Qt"):
            module_name = node.module.split(".")[-1]
            try:
                module = importlib.import_module("PyQt6." + module_name)
            except ImportError:
                found.append("{0}:{1}: PyQt6 has no module {2}".format(
                    where, node.lineno, module_name))
                continue
            guarded = _guarded_by_import_error(node, parents) or skipped(node)
            for alias in node.names:
                if hasattr(module, alias.name):
                    imported[alias.asname or alias.name] = getattr(module, alias.name)
                elif not guarded:
                    found.append("{0}:{1}: PyQt6.{2} has no {3}".format(
                        where, node.lineno, module_name, alias.name))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute) or isinstance(parents.get(node), ast.Attribute):
            continue  # only whole chains, from their outermost attribute
        chain = _chain(node)
        if not chain or chain[0] not in imported or skipped(node):
            continue
        value = imported[chain[0]]
        for depth, name in enumerate(chain[1:], start=1):
            if not hasattr(value, name):
                found.append("{0}:{1}: {2} does not exist in Qt 6".format(
                    where, node.lineno, ".".join(chain[:depth + 1])))
                break
            value = getattr(value, name)
    for number, line in enumerate(lines, start=1):
        if re.search(r"\.exec_\(", line) and QT5_ONLY not in line:
            found.append("{0}:{1}: exec_() does not exist in Qt 6; call exec()".format(
                where, number))
    return found


SELF_TEST = """
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QAction, QSizePolicy
try:
    from qgis.PyQt.QtGui import QAction
except ImportError:
    from qgis.PyQt.QtWidgets import QAction
good = (Qt.AlignmentFlag.AlignRight, QSizePolicy.Policy.Expanding)
bad = (Qt.AlignRight, QSizePolicy.Expanding)
legacy = Qt.AlignLeft  # Qt 5 only
dialog.exec_()
"""


def self_test(folder):
    """The checker flags exactly the Qt 5 spellings of SELF_TEST (lines 3, 9 and 11)."""
    path = Path(folder) / "sample.py"
    path.write_text(SELF_TEST, encoding="utf-8")
    lines = sorted(int(problem.split(":")[1]) for problem in problems_in(path))
    assert lines == [3, 9, 9, 11], lines


def main(argv):
    if argv == ["--self-test"]:
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            self_test(folder)
        print("self-test passed")
        return 0
    files = [Path(name).resolve() for name in argv] or list(plugin_files())
    problems = [problem for path in files for problem in problems_in(path)]
    for problem in problems:
        print(problem)
    print("{0} files checked against PyQt6: {1} problem(s)".format(len(files), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
