"""Translations: the compiled catalogues in resources/i18n and the interface language.

The interface follows QGIS's locale (the translator is installed by ``classFactory``); the
report can be written in either language whatever the interface shows, so it asks for a
``translator(language)`` of its own.

The catalogue is built by ``make translations`` (tools/i18n.py): it finds the literals of
``self.tr``, ``translate``, the core's error and log templates, and ``tr_noop``.
"""

import os
from typing import Any, Callable, Dict, Optional

from qgis.PyQt.QtCore import QCoreApplication, QTranslator

# Not imported from .base, so that any module (base.py's tables too) can import tr_noop.
PLUGIN_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
I18N_DIR = os.path.join(PLUGIN_DIR, "resources", "i18n")
ENGLISH = "en"
CHINESE = "zh-Hans"
LANGUAGES = (ENGLISH, CHINESE)

_installed: Dict[str, QTranslator] = {}
_loaded: Dict[str, QTranslator] = {}


def tr_noop(text: str, context: str = "EspToolkit") -> str:
    """Marks a literal for the catalogue without translating it (yet): for tables of names
    that are translated later through a variable, ``translate(name, context)``."""
    return text


def qm_path(language: str) -> str:
    return os.path.join(I18N_DIR, "esp_toolkit_{}.qm".format(language))


def language_of(locale: str) -> str:
    """The catalogue for a Qt/QGIS locale name: any Chinese locale reads zh-Hans."""
    return CHINESE if locale.lower().replace("-", "_").startswith("zh") else ENGLISH


def interface_language() -> str:
    """The language QGIS shows: the user's override in Settings, else the system locale."""
    from qgis.core import QgsSettings
    from qgis.PyQt.QtCore import QLocale

    settings = QgsSettings()
    locale = QLocale.system().name()
    if settings.value("locale/overrideFlag", False, type=bool):
        locale = settings.value("locale/userLocale", locale, type=str) or locale
    return language_of(locale)


def _load(language: str) -> Optional[QTranslator]:
    if language not in _loaded:
        translator = QTranslator()
        if not translator.load(qm_path(language)):
            return None
        _loaded[language] = translator
    return _loaded[language]


def install(language: Optional[str] = None) -> bool:
    """Install the catalogue of ``language`` (default: the interface's) into the application."""
    language = language or interface_language()
    if language == ENGLISH or language in _installed:
        return language in _installed
    translator = _load(language)
    if translator is None:
        return False
    QCoreApplication.installTranslator(translator)
    _installed[language] = translator
    return True


def uninstall() -> None:
    for translator in _installed.values():
        QCoreApplication.removeTranslator(translator)
    _installed.clear()


def translator(language: str) -> Callable[[str, str], str]:
    """``lookup(context, text)`` in ``language``, independent of the installed catalogue.

    English (or a missing catalogue) returns the source text unchanged.
    """
    catalogue = None if language == ENGLISH else _load(language)

    def lookup(context: str, text: str) -> str:
        if catalogue is None:
            return text
        # PyQt5 hands str arguments to Qt as ASCII; non-ASCII sources (·, km²) must be bytes.
        return catalogue.translate(context.encode("utf-8"), text.encode("utf-8")) or text

    return lookup


#: The context of the labels of the static styles in resources/styles (tools/i18n.py reads
#: them from the .qml files).
STYLE_CONTEXT = "styles"


def translate_legend(layer: Any, lookup: Optional[Callable[[str, str], str]] = None) -> int:
    """Relabel the legend of a layer styled from resources/styles: the .qml files hold English
    labels ("17 Core", "high"), translated here with context "styles".

    ``lookup``: ``translator(language)`` for a given language (the report); by default the
    installed catalogue (the interface). Returns the number of labels changed. Handles
    paletted and pseudocolour rasters, graduated, categorised and rule-based vectors.
    """
    def translate_label(text: str) -> str:
        if not text:
            return text
        if lookup is not None:
            return lookup(STYLE_CONTEXT, text)
        return QCoreApplication.translate(STYLE_CONTEXT, text)

    renderer = layer.renderer() if layer is not None else None
    if renderer is None:
        return 0
    renderer = renderer.clone()
    changed = 0
    kind = renderer.type()
    if kind == "paletted":
        for entry in renderer.classes():
            label = translate_label(entry.label)
            if label != entry.label:
                renderer.setLabel(entry.value, label)
                changed += 1
    elif kind == "singlebandpseudocolor" and renderer.shader() is not None:
        function = renderer.shader().rasterShaderFunction()
        items = function.colorRampItemList()
        for item in items:
            label = translate_label(item.label)
            if label != item.label:
                item.label = label
                changed += 1
        function.setColorRampItemList(items)
    elif kind == "graduatedSymbol":
        for index, band in enumerate(renderer.ranges()):
            label = translate_label(band.label())
            if label != band.label():
                renderer.updateRangeLabel(index, label)
                changed += 1
    elif kind == "categorizedSymbol":
        for index, category in enumerate(renderer.categories()):
            label = translate_label(category.label())
            if label != category.label():
                renderer.updateCategoryLabel(index, label)
                changed += 1
    elif kind == "RuleRenderer":
        rules = list(renderer.rootRule().children())
        while rules:
            rule = rules.pop()
            rules.extend(rule.children())
            label = translate_label(rule.label())
            if label != rule.label():
                rule.setLabel(label)
                changed += 1
    if changed:
        # A new renderer (not an edit in place) makes the layer tree redraw the legend.
        layer.setRenderer(renderer)
    return changed
