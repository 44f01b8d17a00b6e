"""The zh-Hans catalogue: find every translatable string, keep the .ts file, compile the .qm.

    python tools/i18n.py extract              update resources/i18n/esp_toolkit_zh-Hans.ts
    python tools/i18n.py untranslated [--json]  what still lacks a translation
    python tools/i18n.py merge PART.json ...  fill translations from {context: {source: text}}
    python tools/i18n.py check                every message translated, placeholders intact
    python tools/i18n.py compile              lrelease -> resources/i18n/esp_toolkit_zh-Hans.qm

Strings are found with ``ast`` under the context Qt looks them up with at run time:

* ``self.tr("...")`` and ``tr("...")`` (``tr = self.tr``) in class C -> C, because
  ``EspAlgorithm.tr`` and ``QObject.tr`` use the class name;
* ``algorithm.tr("...")`` in a module-level helper -> the context of every class whose methods
  call the helper with ``self`` as that argument (directly or through other helpers);
* ``translate("...")`` -> "EspToolkit", ``translate("...", "Ctx")`` -> Ctx,
  ``QCoreApplication.translate("Ctx", "...")`` -> Ctx;
* ``tr_noop("...", "Ctx")`` / ``QT_TRANSLATE_NOOP("Ctx", "...")``: marks a literal that is
  translated later through a variable (tables of names);
* the templates of ``EspError``, ``EspInputError``, ``Cancelled`` and their subclasses, and
  ``log("...")`` in espcore -> "espcore" (the wrappers translate them with that context);
* the words filled into those templates: a literal passed (by position, keyword or as the
  default) for a parameter of an espcore function that reaches a field of an error raised
  there (``name=name``), directly or through another such function -> "espcore"
  (``translated_error`` translates the str fields with that context);
* a few tables the code translates item by item (TABLES below);
* the legend labels of resources/styles/*.qml -> "styles" (i18n.translate_legend).

Non-literal arguments (``tr(name)``) are listed by ``extract --verbose``; one that no rule
accounts for is a warning (and fails ``check``): its values must be marked in one of the ways
above. An f-string or an unresolvable ``x.tr`` is an error (``extract`` exits with 1).

Needs no QGIS: run it with any Python 3.9+; ``compile`` needs lrelease (qttools5-dev-tools).
"""

import argparse
import ast
import json
import os
import re
import shutil
import string
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from typing import Dict, Iterable, Iterator, List, Optional, Sequence, Set, Tuple
from xml.etree import ElementTree
from xml.sax.saxutils import escape, quoteattr

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TS_PATH = os.path.join(ROOT, "resources", "i18n", "esp_toolkit_zh-Hans.ts")
QM_PATH = os.path.join(ROOT, "resources", "i18n", "esp_toolkit_zh-Hans.qm")
TS_LANGUAGE = "zh_CN"
#: What the plugin zip ships (tests, tools and benchmarks show the user nothing).
SOURCE_DIRS = ("algorithms", "espcore", "ui")
SOURCE_FILES = ("__init__.py", "plugin.py")

DEFAULT_CONTEXT = "EspToolkit"  # algorithms/base.translate
CORE_CONTEXT = "espcore"  # base.translated_error and the wrappers' log()
#: The functions that translate whatever they are given (their lookups are not messages).
TRANSLATION_FUNCTIONS = ("algorithms/base.py:", "algorithms/i18n.py:")
WRAPPERS = ("tr", "translate", "lookup")
STYLE_DIR = "resources/styles"
STYLE_CONTEXT = "styles"  # algorithms/i18n.STYLE_CONTEXT
ERROR_CLASSES = {"EspError", "EspInputError", "Cancelled"}

Key = Tuple[str, str]  # (context, source)


@dataclass(frozen=True)
class Table:
    """Strings the code translates through a variable: a table the extractor reads.

    assign: take the values of ``NAME = {...}`` (dict values) or ``NAME = ((..), ..)``
            (item ``index`` of each tuple); call: argument ``index`` (or keyword ``keyword``)
            of every call of that name.
    used_as: the expressions (``"file:expr"`` or ``"expr"``) that look the values up, as in
            ``self.tr(p.name)``; each such lookup gives the context (the class of a tr, the
            context of a translate). A rule whose table or lookups are not found is an error,
            so a renamed table cannot drop out of the catalogue unnoticed.
    """

    path: str
    used_as: Tuple[str, ...]
    assign: str = ""
    call: str = ""
    index: int = 0
    keyword: str = ""
    row: int = -1  # >= 0: the argument is a tuple of rows; take item ``row`` of each


TABLES = (
    # EspAlgorithm.group()
    Table("algorithms/base.py", ("algorithms/base.py:GROUPS[self.GROUP]",), assign="GROUPS"),
    # Product.display_name() and the outputs of esp:securitypattern
    Table("algorithms/workflow/products.py", ("self.title", "product.title"), call="Product",
          index=4, keyword="title"),
    # esp:mspa's class names
    Table("espcore/sources/mspa.py", ("algorithms/sources/mspa.py:name",), assign="MSPA_CLASSES",
          index=1),
    # the resistance presets of esp:resistancesurface and esp:securitypattern
    Table("espcore/resistance/presets.py", ("p.name", "preset.name"), call="ReclassPreset", index=1,
          keyword="name"),
    # their class labels, listed in esp:resistancesurface's help
    Table("espcore/resistance/presets.py", ("algorithms/resistance/resistancesurface.py:label",),
          call="ReclassPreset", index=2, keyword="classes", row=1),
)


@dataclass
class Message:
    context: str
    source: str
    locations: List[str] = field(default_factory=list)  # files, relative to ROOT


@dataclass
class Extraction:
    messages: Dict[Key, Message] = field(default_factory=dict)
    errors: List[str] = field(default_factory=list)
    #: non-literal lookups (context or None, expression, where): TABLES must cover them
    dynamic: List[Tuple[Optional[str], str, str]] = field(default_factory=list)
    #: the lookups through a variable that no rule accounts for: their values stay English
    uncovered: List[Tuple[Optional[str], str, str]] = field(default_factory=list)

    def add(self, context: str, source: str, where: str) -> None:
        message = self.messages.setdefault((context, source), Message(context, source))
        path = where.rsplit(":", 1)[0]
        if path not in message.locations:
            message.locations.append(path)


# -- finding the strings ---------------------------------------------------------------------

def source_files(root: str = ROOT) -> List[str]:
    """The plugin's Python files, relative to root, sorted."""
    found = [name for name in SOURCE_FILES if os.path.isfile(os.path.join(root, name))]
    for folder in SOURCE_DIRS:
        for base, dirs, files in os.walk(os.path.join(root, folder)):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            found += [os.path.relpath(os.path.join(base, name), root)
                      for name in files if name.endswith(".py")]
    return sorted(path.replace(os.sep, "/") for path in found)


def literal(node: Optional[ast.AST]) -> Optional[str]:
    """The text of a string literal ("a" "b" is already one constant; "a" + "b" is joined)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = literal(node.left), literal(node.right)
        if left is not None and right is not None:
            return left + right
    return None


def term(node: Optional[ast.AST]) -> Optional[str]:
    """A literal that can be a word filled into a template: some letters, no {fields}."""
    text = literal(node)
    if text is None or "{" in text or "}" in text or not re.search("[A-Za-z]{2}", text):
        return None
    return text


def argument(call: ast.Call, index: int, keyword: str = "") -> Optional[ast.AST]:
    if len(call.args) > index and not any(isinstance(a, ast.Starred)
                                          for a in call.args[:index + 1]):
        return call.args[index]
    for item in call.keywords:
        if keyword and item.arg == keyword:
            return item.value
    return None


def call_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


@dataclass
class Helper:
    """A module-level function that translates through an argument's ``tr``."""

    params: List[str]
    strings: Dict[int, List[Tuple[str, str]]] = field(default_factory=dict)  # index -> texts
    forwards: Dict[int, List[Tuple[str, int, str]]] = field(default_factory=dict)
    path: str = ""
    positional: int = 0  # how many params a call can fill by position
    #: the params that an error raised here takes as a field (``what=what``)
    fields: Set[int] = field(default_factory=set)
    #: the params that are values the user typed, not words: compared, looked up, or quoted
    #: in the template ('{key}'); they stay as they are
    keys: Set[int] = field(default_factory=set)
    defaults: Dict[int, Tuple[str, str]] = field(default_factory=dict)  # index -> literal


class FileScanner(ast.NodeVisitor):
    """One file: direct messages go to ``out``; helper facts and class calls are collected
    for the cross-file pass."""

    def __init__(self, path: str, tree: ast.Module, out: Extraction,
                 error_classes: Set[str]) -> None:
        self.path = path
        self.out = out
        self.error_classes = error_classes
        self.in_core = path.startswith("espcore/")
        self.classes: List[str] = []
        self.functions: List[ast.AST] = []
        self.aliases: List[Dict[str, str]] = []  # per function: name -> "self" or a param
        self.helpers: Dict[str, Helper] = {}
        #: (class, function name, argument index, keyword name) where self is passed on
        self.self_calls: List[Tuple[str, str, int, str, str]] = []
        #: literal arguments of calls by name: (function, index, keyword, text, where)
        self.literal_args: List[Tuple[str, int, str, str, str]] = []
        #: module-level string constants, so ``raise EspInputError(_MESSAGE)`` is found
        self.constants: Dict[str, str] = {}
        for node in tree.body:
            if isinstance(node, ast.Assign) and literal(node.value) is not None:
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        self.constants[target.id] = literal(node.value)  # type: ignore
        self.visit(tree)

    # scopes ----------------------------------------------------------------------------

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(self._class_context(node))
        self.generic_visit(node)
        self.classes.pop()

    @staticmethod
    def _class_context(node: ast.ClassDef) -> str:
        """The context of ``self.tr`` in a class: the class name (EspAlgorithm.tr and
        QObject.tr), unless the class's own ``tr(text)`` passes a literal context along with
        the text (``lookup("Report", text)``)."""
        for item in node.body:
            if not (isinstance(item, ast.FunctionDef) and item.name == "tr"):
                continue
            params = [a.arg for a in item.args.args]
            text = params[1] if len(params) > 1 else ""
            for call in ast.walk(item):
                if not isinstance(call, ast.Call):
                    continue
                values = list(call.args) + [k.value for k in call.keywords]
                if any(isinstance(v, ast.Name) and v.id == text for v in values):
                    for value in values:
                        if literal(value) is not None:
                            return literal(value)  # type: ignore[return-value]
        return node.name

    def _visit_function(self, node: ast.AST) -> None:
        self.functions.append(node)
        self.aliases.append({})
        if self._helper_scope() is node:
            args = node.args  # type: ignore[attr-defined]
            positional = args.posonlyargs + args.args
            params = [a.arg for a in positional + args.kwonlyargs]
            helper = self.helpers.setdefault(node.name,  # type: ignore[attr-defined]
                                             Helper(params, path=self.path,
                                                    positional=len(positional)))
            defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
            for index, default in enumerate(defaults + list(args.kw_defaults)):
                text = term(default)
                if text is not None:
                    helper.defaults[index] = (text, self.where(default))
        self.generic_visit(node)
        self.aliases.pop()
        self.functions.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._visit_function(node)

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> None:
        self._visit_function(node)

    def _helper_scope(self) -> Optional[ast.AST]:
        """The outermost function when it is a module-level function (not a method)."""
        return self.functions[0] if self.functions and not self.classes else None

    def where(self, node: ast.AST) -> str:
        return "{0}:{1}".format(self.path, getattr(node, "lineno", 0))

    def visit_Assign(self, node: ast.Assign) -> None:
        # tr = self.tr / tr = algorithm.tr / tr, add = self.tr, self.add_parameter
        pairs: List[Tuple[ast.AST, ast.AST]] = []
        for target in node.targets:
            if isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple):
                pairs += list(zip(target.elts, node.value.elts))
            else:
                pairs.append((target, node.value))
        for target, value in pairs:
            if not (self.aliases and isinstance(target, ast.Name)):
                continue
            if (isinstance(value, ast.Attribute) and value.attr == "tr"
                    and isinstance(value.value, ast.Name)):
                self.aliases[-1][target.id] = value.value.id
            elif isinstance(value, ast.Name) and value.id in ("translate", "tr_noop"):
                self.aliases[-1][target.id] = "=" + value.id  # tr = translate
        self.generic_visit(node)

    def _alias(self, name: str) -> Optional[str]:
        for scope in reversed(self.aliases):
            if name in scope:
                return scope[name]
        return None

    # calls -----------------------------------------------------------------------------

    def visit_Call(self, node: ast.Call) -> None:
        self._classify(node)
        self._record_forward(node)
        self._record_terms(node)
        self.generic_visit(node)

    def _record_terms(self, node: ast.Call) -> None:
        """The raw facts for the words filled into core errors (resolved in ``extract``)."""
        name = call_name(node)
        if not name or (isinstance(node.func, ast.Attribute) and not (
                isinstance(node.func.value, ast.Name) and node.func.value.id != "self")):
            return  # only f(...) and module.f(...): a method's params are not counted
        where = self.where(node)
        for index, arg in enumerate(node.args):
            if isinstance(arg, ast.Starred):
                break
            text = term(arg)
            if text is not None:
                self.literal_args.append((name, index, "", text, where))
        for item in node.keywords:
            text = term(item.value)
            if item.arg and text is not None:
                self.literal_args.append((name, -1, item.arg, text, where))
        helper = self._core_helper()
        if helper is None:
            return
        if name in ("get", "pop", "setdefault") and isinstance(node.func, ast.Attribute):
            self._key(helper, node.args[0] if node.args else None)
        if name not in self.error_classes:
            return
        template = literal(argument(node, 0, "template")) or ""
        for item in node.keywords:
            index = self._param(helper, item.value)
            if item.arg and index is not None:
                helper.fields.add(index)
                quoted = r"""['"]\{{{0}(![rsa])?(:[^{{}}]*)?\}}['"]|\{{{0}!r""".format(
                    re.escape(item.arg))
                if re.search(quoted, template):
                    helper.keys.add(index)

    def _core_helper(self) -> Optional[Helper]:
        scope = self._helper_scope()
        if not self.in_core or scope is None:
            return None
        return self.helpers[scope.name]  # type: ignore[attr-defined]

    def _param(self, helper: Helper, node: Optional[ast.AST]) -> Optional[int]:
        """The index of the helper's parameter that node names (not a nested function's)."""
        if not (isinstance(node, ast.Name) and node.id in helper.params):
            return None
        for inner in self.functions[1:]:
            if any(isinstance(a, ast.arg) and a.arg == node.id
                   for a in ast.walk(inner.args)):  # type: ignore[attr-defined]
                return None
        return helper.params.index(node.id)

    def _key(self, helper: Helper, node: Optional[ast.AST]) -> None:
        index = self._param(helper, node)
        if index is not None:
            helper.keys.add(index)

    def visit_Compare(self, node: ast.Compare) -> None:
        helper = self._core_helper()
        if helper is not None:
            # method == "jenks", combine not in METHODS: an option value, not a word
            operands = [node.left] + list(node.comparators)
            for op, left, right in zip(node.ops, operands, operands[1:]):
                if isinstance(op, (ast.Eq, ast.NotEq)):
                    self._key(helper, left)
                    self._key(helper, right)
                elif isinstance(op, (ast.In, ast.NotIn)):
                    self._key(helper, left)
        self.generic_visit(node)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        helper = self._core_helper()
        if helper is not None:
            self._key(helper, node.slice)
        self.generic_visit(node)

    def _receiver_of_tr(self, node: ast.Call) -> Optional[str]:
        """For a tr call, the name whose ``tr`` is used ("self", a parameter ...)."""
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "tr":
            return func.value.id if isinstance(func.value, ast.Name) else "?"
        if isinstance(func, ast.Name) and func.id == "tr":
            alias = self._alias("tr")
            if alias is not None and alias.startswith("="):
                return None
            return alias or ("self" if self.classes else "?")
        return None

    def _classify(self, node: ast.Call) -> None:
        name = call_name(node)
        alias = self._alias(name) if isinstance(node.func, ast.Name) else None
        if alias is not None and alias.startswith("="):
            name = alias[1:]
        where = self.where(node)
        receiver = self._receiver_of_tr(node)
        if receiver is not None:
            self._tr_call(node, receiver, where)
        elif name == "translate":
            self._translate_call(node, where)
        elif name == "tr_noop":
            self._text(argument(node, 0, "text"), self._context(node, 1, "context"), where,
                       node)
        elif name == "QT_TRANSLATE_NOOP":
            context = literal(argument(node, 0))
            if context is None:
                self.out.errors.append("{0}: QT_TRANSLATE_NOOP needs a literal context"
                                       .format(where))
            else:
                self._text(argument(node, 1), context, where, node)
        elif name in self.error_classes:
            template = argument(node, 0, "template")
            if template is not None:
                self._text(template, CORE_CONTEXT, where, node)
        elif name == "log" and self.in_core and isinstance(node.func, ast.Name):
            self._text(argument(node, 0), CORE_CONTEXT, where, node)

    def _tr_call(self, node: ast.Call, receiver: str, where: str) -> None:
        text_node = argument(node, 0)
        if receiver == "self" and self.classes:
            self._text(text_node, self.classes[-1], where, node)
            return
        scope = self._helper_scope()
        if scope is not None:
            helper = self.helpers[scope.name]  # type: ignore[attr-defined]
            if receiver in helper.params:
                text = literal(text_node)
                if text is None:
                    self._not_literal(text_node, where, None)
                else:
                    helper.strings.setdefault(helper.params.index(receiver), []).append(
                        (text, where))
                return
        self.out.errors.append("{0}: cannot tell the context of {1}.tr(...); use self.tr in "
                               "the class or translate(text, context)".format(where, receiver))

    def _translate_call(self, node: ast.Call, where: str) -> None:
        func = node.func
        if isinstance(func, ast.Attribute):
            # QCoreApplication.translate(context, text); other objects' translate() (a
            # QTranslator's lookup) are followed only when both arguments are literals.
            context, text = literal(argument(node, 0)), argument(node, 1)
            owner = func.value.id if isinstance(func.value, ast.Name) else ""
            if context is not None and literal(text) is not None:
                self._text(text, context, where, node)
            elif owner == "QCoreApplication" and text is not None:
                self._not_literal(text, where, context)
            return
        self._text(argument(node, 0, "text"), self._context(node, 1, "context"), where, node)

    def _context(self, node: ast.Call, index: int, keyword: str) -> str:
        given = argument(node, index, keyword)
        if given is None:
            return DEFAULT_CONTEXT
        context = literal(given)
        if context is None:
            self.out.errors.append("{0}: the context must be a literal, not {1}".format(
                self.where(node), ast.unparse(given)))
            return DEFAULT_CONTEXT
        return context

    def _text(self, text_node: Optional[ast.AST], context: str, where: str,
              call: ast.Call) -> None:
        text = literal(text_node)
        if text is None and isinstance(text_node, ast.Name):
            text = self.constants.get(text_node.id)
        if text is None:
            self._not_literal(text_node if text_node is not None else call, where, context)
        else:
            self.out.add(context, text, where)

    def _not_literal(self, node: Optional[ast.AST], where: str,
                     context: Optional[str] = None) -> None:
        code = ast.unparse(node) if node is not None else "?"
        if self.functions and getattr(self.functions[-1], "name", "") in WRAPPERS:
            return  # the body of a translation function: it translates whatever it is given
        if isinstance(node, ast.JoinedStr) or (isinstance(node, ast.BinOp)
                                               and "JoinedStr" in ast.dump(node)):
            self.out.errors.append("{0}: an f-string cannot be translated: {1}; translate "
                                   "a literal template and .format() it".format(where, code))
        else:
            self.out.dynamic.append((context, code, where))

    def _record_forward(self, node: ast.Call) -> None:
        """Calls that pass ``self`` (in a class) or a helper's parameter on to a function."""
        name = call_name(node)
        if not name or not isinstance(node.func, ast.Name):
            return
        passed = [(index, "", arg) for index, arg in enumerate(node.args)]
        passed += [(-1, item.arg or "", item.value) for item in node.keywords]
        for index, keyword, arg in passed:
            if not isinstance(arg, ast.Name):
                continue
            if self.classes and arg.id == "self":
                self.self_calls.append((self.classes[-1], name, index, keyword,
                                        self.where(node)))
            scope = self._helper_scope()
            if scope is not None and not self.classes:
                helper = self.helpers[scope.name]  # type: ignore[attr-defined]
                if arg.id in helper.params:
                    helper.forwards.setdefault(helper.params.index(arg.id), []).append(
                        (name, index, keyword))


def _table_strings(path: str, tree: ast.Module, table: Table
                   ) -> Iterator[Tuple[Optional[str], int]]:
    for node in ast.walk(tree):
        if table.assign and isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if not any(isinstance(t, ast.Name) and t.id == table.assign for t in targets):
                continue
            value = node.value
            if isinstance(value, ast.Dict):
                for item in value.values:
                    yield literal(item), item.lineno
            elif isinstance(value, (ast.Tuple, ast.List)):
                for row in value.elts:
                    item = row.elts[table.index] if isinstance(row, (ast.Tuple, ast.List)) \
                        and len(row.elts) > table.index else None
                    yield literal(item), getattr(row, "lineno", 0)
        elif table.call and isinstance(node, ast.Call) and call_name(node) == table.call:
            value = argument(node, table.index, table.keyword)
            if table.row < 0:
                yield literal(value), node.lineno
            elif isinstance(value, (ast.Tuple, ast.List)):
                for row in value.elts:
                    item = row.elts[table.row] if isinstance(row, (ast.Tuple, ast.List)) \
                        and len(row.elts) > table.row else None
                    yield literal(item), getattr(row, "lineno", node.lineno)


def _error_classes(trees: Dict[str, ast.Module]) -> Set[str]:
    """EspError and every class deriving from it (by name, across files)."""
    names = set(ERROR_CLASSES)
    grew = True
    while grew:
        grew = False
        for tree in trees.values():
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names and any(
                        (base.id if isinstance(base, ast.Name) else
                         getattr(base, "attr", "")) in names for base in node.bases):
                    names.add(node.name)
                    grew = True
    return names


def _add_terms(scanners: Sequence[FileScanner], out: Extraction) -> None:
    """The literals passed for the core functions' parameters that become error fields."""
    core: Dict[str, List[Helper]] = {}
    for scanner in scanners:
        for name, helper in scanner.helpers.items():
            if helper.path.startswith("espcore/"):
                core.setdefault(name, []).append(helper)

    def targets(name: str, path: str) -> List[Helper]:
        # A function defined in the calling file shadows the core's functions of that name.
        for scanner in scanners:
            if scanner.path == path and name in scanner.helpers:
                helper = scanner.helpers[name]
                return [helper] if helper.path.startswith("espcore/") else []
        return core.get(name, [])

    def position(helper: Helper, index: int, keyword: str) -> int:
        if keyword:
            return helper.params.index(keyword) if keyword in helper.params else -1
        return index if 0 <= index < helper.positional else -1

    # A parameter passed on to a field (or a key) is a field (a key) too, to a fixed point.
    grew = True
    while grew:
        grew = False
        for helpers in core.values():
            for helper in helpers:
                for index, calls in helper.forwards.items():
                    for kind in ("fields", "keys"):
                        found: Set[int] = getattr(helper, kind)
                        if index not in found and any(
                                position(target, target_index, keyword)
                                in getattr(target, kind)
                                for name, target_index, keyword in calls
                                for target in targets(name, helper.path)):
                            found.add(index)
                            grew = True

    def is_term(helper: Helper, index: int) -> bool:
        return index in helper.fields and index not in helper.keys

    for helpers in core.values():
        for helper in helpers:
            for index in sorted(helper.fields):
                if is_term(helper, index) and index in helper.defaults:
                    out.add(CORE_CONTEXT, *helper.defaults[index])
    for scanner in scanners:
        for name, index, keyword, text, where in scanner.literal_args:
            if any(is_term(helper, position(helper, index, keyword))
                   for helper in targets(name, scanner.path)):
                out.add(CORE_CONTEXT, text, where)


def extract(root: str = ROOT) -> Extraction:
    out = Extraction()
    trees: Dict[str, ast.Module] = {}
    for path in source_files(root):
        with open(os.path.join(root, path), encoding="utf-8") as handle:
            try:
                trees[path] = ast.parse(handle.read(), path)
            except SyntaxError as error:
                out.errors.append("{0}:{1}: {2}".format(path, error.lineno, error.msg))
    error_classes = _error_classes(trees)
    scanners = [FileScanner(path, tree, out, error_classes) for path, tree in trees.items()]

    helpers: Dict[str, List[Helper]] = {}
    for scanner in scanners:
        for name, helper in scanner.helpers.items():
            helpers.setdefault(name, []).append(helper)

    def helper_strings(name: str, index: int, keyword: str,
                       seen: Set[Tuple[int, int]]) -> List[Tuple[str, str]]:
        found: List[Tuple[str, str]] = []
        for helper in helpers.get(name, []):
            position = helper.params.index(keyword) if keyword in helper.params else index
            if position < 0 or (id(helper), position) in seen:
                continue
            seen.add((id(helper), position))
            found += helper.strings.get(position, [])
            for target, target_index, target_keyword in helper.forwards.get(position, []):
                found += helper_strings(target, target_index, target_keyword, seen)
        return found

    for scanner in scanners:
        for class_name, name, index, keyword, _where in scanner.self_calls:
            for text, where in helper_strings(name, index, keyword, set()):
                out.add(class_name, text, where)

    _add_terms(scanners, out)

    covered = set()
    for number, (context, code, where) in enumerate(out.dynamic):
        if where.startswith(TRANSLATION_FUNCTIONS) or (
                context == CORE_CONTEXT and (code == "template" or code.endswith(".template"))):
            covered.add(number)
    for table in TABLES:
        name = table.assign or table.call
        tree = trees.get(table.path)
        rows = list(_table_strings(table.path, tree, table)) if tree is not None else []
        uses = []
        for number, (context, code, where) in enumerate(out.dynamic):
            if code in table.used_as or "{0}:{1}".format(where.rsplit(":", 1)[0],
                                                         code) in table.used_as:
                uses.append((context, where))
                covered.add(number)
        if not rows or not uses:
            out.errors.append("{0}: the table rule {1} finds no {2}; update TABLES in "
                              "tools/i18n.py".format(table.path, name,
                                                     "lookup" if rows else "table"))
        for context, where in uses:
            if context is None:
                out.errors.append("{0}: cannot tell the context of this lookup".format(where))
                continue
            for text, line in rows:
                if text is None:
                    out.errors.append("{0}:{1}: a non-literal entry in table {2}".format(
                        table.path, line, name))
                else:
                    out.add(context, text, "{0}:{1}".format(table.path, line))
    out.uncovered = [item for number, item in enumerate(out.dynamic) if number not in covered]
    # The legend labels of the static styles (algorithms/i18n.translate_legend relabels them).
    styles = os.path.join(root, STYLE_DIR)
    for name in sorted(os.listdir(styles)) if os.path.isdir(styles) else []:
        if not name.endswith(".qml"):
            continue
        where = "{0}/{1}:0".format(STYLE_DIR, name)
        try:
            elements = ElementTree.parse(os.path.join(styles, name)).iter()
            for element in elements:
                label = element.get("label") or ""
                if re.search("[A-Za-z]", label):
                    out.add(STYLE_CONTEXT, label, where)
        except ElementTree.ParseError as error:
            out.errors.append("{0}: {1}".format(where, error))
    # Cancelled's default template (espcore/errors.py) is raised without being written out.
    tree = trees.get("espcore/errors.py")
    if tree is not None:
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name in error_classes:
                for item in node.body:
                    if isinstance(item, ast.FunctionDef) and item.name == "__init__":
                        for default in item.args.defaults:
                            text = literal(default)
                            if text is not None:
                                out.add(CORE_CONTEXT, text,
                                        "espcore/errors.py:{0}".format(default.lineno))
    return out


# -- the .ts file ----------------------------------------------------------------------------

@dataclass
class Entry:
    context: str
    source: str
    translation: str = ""
    kind: str = "unfinished"  # "" (finished), "unfinished", "vanished"
    locations: List[str] = field(default_factory=list)

    @property
    def finished(self) -> bool:
        return self.kind == "" and bool(self.translation)

    @property
    def live(self) -> bool:
        return self.kind not in ("vanished", "obsolete")


def read_ts(path: str = TS_PATH) -> List[Entry]:
    if not os.path.exists(path):
        return []
    entries = []
    # The file names are relative to the .ts; Entry.locations to ROOT (what write_ts expects,
    # so a merge writes them back unchanged).
    ts_dir = os.path.dirname(os.path.abspath(path))
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            text = (translation.text or "") if translation is not None else ""
            kind = translation.get("type", "") if translation is not None else "unfinished"
            entries.append(Entry(name, message.findtext("source") or "", text, kind,
                                 [os.path.relpath(os.path.normpath(os.path.join(
                                     ts_dir, loc.get("filename", ""))), ROOT).replace(
                                         os.sep, "/") for loc in message.iter("location")]))
    return entries


def write_ts(entries: Sequence[Entry], path: str = TS_PATH) -> None:
    """lupdate's layout: contexts sorted by name, messages in the order given."""
    by_context: Dict[str, List[Entry]] = {}
    for entry in entries:
        by_context.setdefault(entry.context, []).append(entry)
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             '<TS version="2.1" language="{0}" sourcelanguage="en">'.format(TS_LANGUAGE)]
    ts_dir = os.path.dirname(os.path.abspath(path))
    for context in sorted(by_context):
        lines += ["<context>", "    <name>{0}</name>".format(escape(context))]
        for entry in by_context[context]:
            lines.append("    <message>")
            for location in entry.locations:
                relative = os.path.relpath(os.path.join(ROOT, location), ts_dir)
                lines.append("        <location filename={0}/>".format(
                    quoteattr(relative.replace(os.sep, "/"))))
            lines.append("        <source>{0}</source>".format(escape(entry.source)))
            kind = ' type="{0}"'.format(entry.kind) if entry.kind else ""
            lines.append("        <translation{0}>{1}</translation>".format(
                kind, escape(entry.translation)))
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(lines) + "\n")


def updated(extraction: Extraction, old: Sequence[Entry], keep_vanished: bool = True
            ) -> Tuple[List[Entry], Dict[str, int]]:
    """The catalogue for the extracted messages: old translations kept; a message without one
    takes the translation of the same text in another context (when there is exactly one);
    vanished messages that had a translation are kept as type="vanished"."""
    previous = {(e.context, e.source): e for e in old}
    same_text: Dict[str, Set[str]] = {}
    for entry in old:
        if entry.finished:
            same_text.setdefault(entry.source, set()).add(entry.translation)
    counts = {"kept": 0, "new": 0, "reused": 0, "vanished": 0}
    entries = []
    for key, message in extraction.messages.items():
        entry = Entry(message.context, message.source, locations=list(message.locations))
        before = previous.get(key)
        if before is not None and before.translation:
            entry.translation = before.translation
            entry.kind = "" if before.kind in ("", "vanished", "obsolete") else before.kind
            counts["kept"] += 1
        elif len(same_text.get(message.source, ())) == 1:
            entry.translation = next(iter(same_text[message.source]))
            entry.kind = ""
            counts["reused"] += 1
        else:
            counts["new"] += 1
        entries.append(entry)
    if keep_vanished:
        for entry in old:
            if (entry.context, entry.source) not in extraction.messages and entry.translation:
                entries.append(Entry(entry.context, entry.source, entry.translation,
                                     "vanished"))
                counts["vanished"] += 1
    return entries, counts


# -- checks ----------------------------------------------------------------------------------

def placeholders(text: str) -> List[Tuple[str, str, str]]:
    """The format fields of a template, sorted: (name, conversion, spec)."""
    try:
        return sorted((name, conversion or "", spec or "")
                      for _, name, spec, conversion in string.Formatter().parse(text)
                      if name is not None)
    except ValueError:
        return [("<malformed>", "", text)]


def tags(text: str) -> List[str]:
    """The HTML tags of a text, sorted (a translation keeps the same markup)."""
    return sorted(re.findall(r"</?[a-zA-Z][^<>]*>", text))


def problems_of(entry: Entry) -> List[str]:
    found = []
    if placeholders(entry.translation) != placeholders(entry.source):
        found.append("placeholders differ")
    if tags(entry.translation) != tags(entry.source):
        found.append("HTML tags differ")
    return found


# -- commands --------------------------------------------------------------------------------

def command_extract(args: argparse.Namespace) -> int:
    extraction = extract()
    entries, counts = updated(extraction, read_ts(args.ts), keep_vanished=not args.drop_vanished)
    write_ts(entries, args.ts)
    finished = sum(1 for e in entries if e.live and e.finished)
    live = sum(1 for e in entries if e.live)
    print("{0}: {1} messages in {2} contexts, {3} translated ({4} kept, {5} reused from the "
          "same text elsewhere), {6} new; {7} vanished kept".format(
              os.path.relpath(args.ts), live, len({e.context for e in entries if e.live}),
              finished, counts["kept"], counts["reused"], counts["new"], counts["vanished"]))
    if args.verbose:
        for context, code, where in extraction.dynamic:
            print("lookup through a variable: {0}: {1} (context {2})".format(where, code,
                                                                          context))
    for context, code, where in extraction.uncovered:
        print("warning: {0}: translates the variable {1} (context {2}), whose values no rule "
              "finds: mark them with tr_noop or add a rule to TABLES".format(where, code,
                                                                             context),
              file=sys.stderr)
    for error in extraction.errors:
        print("error: " + error, file=sys.stderr)
    return 1 if extraction.errors else 0


def untranslated_entries(path: str = TS_PATH) -> List[Entry]:
    return [e for e in read_ts(path) if e.live and not e.finished]


def command_untranslated(args: argparse.Namespace) -> int:
    missing = untranslated_entries(args.ts)
    if args.json:
        parts: Dict[str, Dict[str, str]] = {}
        for entry in missing:
            parts.setdefault(entry.context, {})[entry.source] = ""
        print(json.dumps(parts, ensure_ascii=False, indent=1))
    else:
        for entry in missing:
            print("{0}\t{1}".format(entry.context, entry.source))
        print("{0} untranslated".format(len(missing)), file=sys.stderr)
    return 0


def merge(parts: Iterable[Dict[str, Dict[str, str]]], path: str = TS_PATH
          ) -> Tuple[int, List[str]]:
    """Fill translations; returns (how many were set, reports on refused entries)."""
    entries = read_ts(path)
    index = {(e.context, e.source): e for e in entries if e.live}
    done, reports = 0, []
    for part in parts:
        for context, messages in part.items():
            for source, translation in messages.items():
                if not translation:
                    continue
                entry = index.get((context, source))
                if entry is None:
                    reports.append("unknown: [{0}] {1}".format(context, source[:100]))
                    continue
                candidate = Entry(context, source, translation, "")
                issues = problems_of(candidate)
                if "placeholders differ" in issues:
                    reports.append("refused ({0}): [{1}] {2}".format(
                        ", ".join(issues), context, source[:100]))
                    continue
                if issues:
                    reports.append("merged, but {0}: [{1}] {2}".format(
                        ", ".join(issues), context, source[:100]))
                entry.translation, entry.kind = translation, ""
                done += 1
    write_ts(entries, path)
    return done, reports


def command_merge(args: argparse.Namespace) -> int:
    parts = []
    for name in args.files:
        with open(name, encoding="utf-8") as handle:
            parts.append(json.load(handle))
    done, reports = merge(parts, args.ts)
    for report in reports:
        print(report)
    print("{0} translations merged; {1} still untranslated".format(
        done, len(untranslated_entries(args.ts))))
    return 1 if any(r.startswith(("unknown", "refused")) for r in reports) else 0


def command_check(args: argparse.Namespace) -> int:
    bad = 0
    for entry in read_ts(args.ts):
        if not entry.live:
            continue
        issues = problems_of(entry) if entry.finished else ["untranslated"]
        if issues:
            bad += 1
            print("{0}: [{1}] {2}".format(", ".join(issues), entry.context,
                                          entry.source[:100]))
    extraction = extract()
    live = {(e.context, e.source) for e in read_ts(args.ts) if e.live}
    if set(extraction.messages) != live:
        bad += 1
        print("the .ts is out of date: run `make translations`")
    for error in extraction.errors:
        bad += 1
        print("error: " + error)
    for context, code, where in extraction.uncovered:
        bad += 1
        print("{0}: the values of {1} (context {2}) are not in the catalogue".format(
            where, code, context))
    print("{0} problems".format(bad))
    return 1 if bad else 0


def lrelease() -> str:
    for candidate in (shutil.which("lrelease"), "/usr/lib/qt5/bin/lrelease",
                      shutil.which("lrelease-qt5"), shutil.which("lrelease6")):
        if candidate and os.path.exists(candidate):
            return candidate
    raise SystemExit("lrelease not found: apt-get install qttools5-dev-tools")


def compile_qm(ts: str = TS_PATH, qm: str = QM_PATH) -> None:
    """Only finished translations go into the .qm (an unfinished one shows English)."""
    # lrelease writes to a temporary file first, so a failed run leaves the old .qm intact.
    folder = os.path.dirname(os.path.abspath(qm))
    handle, temporary = tempfile.mkstemp(suffix=".qm", dir=folder)
    os.close(handle)
    try:
        subprocess.run([lrelease(), "-silent", "-nounfinished", ts, "-qm", temporary],
                       check=True)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp's file is private (0600)
        os.replace(temporary, qm)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)


def command_compile(args: argparse.Namespace) -> int:
    compile_qm(args.ts, args.qm)
    print("{0}: {1} bytes".format(os.path.relpath(args.qm), os.path.getsize(args.qm)))
    return 0


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ts", default=TS_PATH, help="the .ts file (default: %(default)s)")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("extract", help="update the .ts from the sources")
    run.add_argument("--drop-vanished", action="store_true",
                     help="forget translations of strings no longer in the sources")
    run.add_argument("--verbose", "-v", action="store_true",
                     help="also list the lookups through variables")
    run.set_defaults(handler=command_extract)
    run = commands.add_parser("untranslated", help="list messages without a translation")
    run.add_argument("--json", action="store_true", help="in the merge format, values empty")
    run.set_defaults(handler=command_untranslated)
    run = commands.add_parser("merge", help="fill translations from JSON files")
    run.add_argument("files", nargs="+")
    run.set_defaults(handler=command_merge)
    run = commands.add_parser("check", help="everything translated, placeholders intact")
    run.set_defaults(handler=command_check)
    run = commands.add_parser("compile", help="compile the .qm with lrelease")
    run.add_argument("--qm", default=QM_PATH)
    run.set_defaults(handler=command_compile)
    args = parser.parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())
