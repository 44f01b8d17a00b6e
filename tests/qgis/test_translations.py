"""The zh-Hans catalogue: complete, up to date with the sources, compiled from the .ts, and used
at run time by the algorithms, the error messages and the language detection."""

import importlib.util
import os
import re
import shutil
import textwrap

import pytest
from conftest import ROOT, write_raster
from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale

TS = ROOT / "resources" / "i18n" / "esp_toolkit_zh-Hans.ts"
QM = ROOT / "resources" / "i18n" / "esp_toolkit_zh-Hans.qm"
CJK = re.compile("[\u3400-\u9fff]")
#: Option labels that are the same in every language on purpose (language names).
SAME_IN_EVERY_LANGUAGE = {"English", "简体中文"}


def load_tool():
    spec = importlib.util.spec_from_file_location("esp_i18n_tool", ROOT / "tools" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tool = load_tool()


def fields(text):
    """The {placeholders} of a template, doubled braces ignored (independent of the tool)."""
    return sorted(re.findall(r"\{[^{}]*\}", text.replace("{{", "").replace("}}", "")))


@pytest.fixture
def chinese(qgis_app):
    from esp_toolkit.algorithms import i18n

    assert i18n.install("zh-Hans")
    try:
        yield i18n
    finally:
        i18n.uninstall()


@pytest.fixture
def settings():
    """QgsSettings whose locale keys are restored afterwards."""
    qsettings = QgsSettings()
    keys = ("locale/overrideFlag", "locale/userLocale")
    saved = {key: (qsettings.contains(key), qsettings.value(key)) for key in keys}
    try:
        yield qsettings
    finally:
        for key, (present, value) in saved.items():
            if present:
                qsettings.setValue(key, value)
            else:
                qsettings.remove(key)


# -- the catalogue files -------------------------------------------------------------------------

def test_ts_is_up_to_date_with_the_sources():
    extraction = tool.extract()
    assert not extraction.errors, extraction.errors
    assert not extraction.uncovered, extraction.uncovered
    live = {(e.context, e.source) for e in tool.read_ts(str(TS)) if e.live}
    missing = set(extraction.messages) - live
    stale = live - set(extraction.messages)
    assert not missing and not stale, (
        "run `make translations`; not in the .ts: {0}; no longer in the sources: {1}".format(
            sorted(missing)[:5], sorted(stale)[:5]))


def test_every_message_has_a_finished_translation_with_the_same_placeholders():
    entries = [e for e in tool.read_ts(str(TS)) if e.live]
    assert len(entries) > 800
    unfinished = [(e.context, e.source[:60]) for e in entries if not e.finished]
    assert not unfinished, "{0} untranslated, e.g. {1}".format(len(unfinished), unfinished[:5])
    for entry in entries:
        assert entry.translation.strip(), (entry.context, entry.source)
        assert fields(entry.translation) == fields(entry.source), (entry.context, entry.source)
        # A Chinese translation of English prose holds Chinese characters.
        if re.search("[a-z]{3,} [a-z]{3,}", entry.source):
            assert CJK.search(entry.translation), (entry.context, entry.source)


def test_qm_is_compiled_from_the_ts(tmp_path):
    if not any(shutil.which(name) for name in ("lrelease", "lrelease-qt5")) \
            and not os.path.exists("/usr/lib/qt5/bin/lrelease"):
        pytest.skip("lrelease (qttools5-dev-tools) is not installed")
    fresh = tmp_path / "fresh.qm"
    tool.compile_qm(str(TS), str(fresh))
    assert fresh.read_bytes() == QM.read_bytes(), "run `make translations` to recompile the .qm"


def test_extractor_finds_each_kind_of_translatable_string(tmp_path):
    (tmp_path / "algorithms").mkdir()
    (tmp_path / "espcore").mkdir()
    (tmp_path / "algorithms" / "sample.py").write_text(textwrap.dedent('''
        from qgis.PyQt.QtCore import QCoreApplication
        from .base import translate
        from .i18n import tr_noop
        from .helpers import add_things

        NAMES = (tr_noop("Marked name"), tr_noop("Named elsewhere", "Elsewhere"))


        class Sample:
            def help(self):
                tr = self.tr
                add_things(self)
                return self.tr("Direct " "and joined") + tr("Through an alias {n}")

            def other(self):
                return (translate("Module level"), translate("With context", "Ctx"),
                        QCoreApplication.translate("Qt", "Qt style"))

            def bad(self, n):
                return self.tr(f"not {n} translatable")


        class Reporter:
            def tr(self, text):
                return self.lookup("Report", text)

            def title(self):
                return self.tr("A report title")
        '''))
    (tmp_path / "algorithms" / "helpers.py").write_text(textwrap.dedent('''
        def add_things(algorithm):
            tr = algorithm.tr
            more_things(algorithm)
            return tr("Helper string")


        def more_things(algorithm):
            return algorithm.tr("Nested helper string")
        '''))
    (tmp_path / "espcore" / "core.py").write_text(textwrap.dedent('''
        from .errors import EspInputError

        _TEMPLATE = "A constant template {x}."


        class OddInput(EspInputError):
            pass


        def check(log):
            log("Solving {n} cells.", n=3)
            if log:
                raise OddInput("Subclass template.")
            raise EspInputError(_TEMPLATE, x=1)
        '''))
    extraction = tool.extract(str(tmp_path))
    assert set(extraction.messages) == {
        ("EspToolkit", "Marked name"), ("Elsewhere", "Named elsewhere"),
        ("Sample", "Direct and joined"), ("Sample", "Through an alias {n}"),
        ("Sample", "Helper string"), ("Sample", "Nested helper string"),
        ("EspToolkit", "Module level"), ("Ctx", "With context"), ("Qt", "Qt style"),
        ("Report", "A report title"),
        ("espcore", "Solving {n} cells."), ("espcore", "Subclass template."),
        ("espcore", "A constant template {x}."),
    }
    assert any("f-string" in error and "sample.py:21" in error
               for error in extraction.errors), extraction.errors


def test_extractor_finds_the_words_filled_into_core_errors(tmp_path):
    (tmp_path / "algorithms").mkdir()
    (tmp_path / "espcore").mkdir()
    (tmp_path / "espcore" / "core.py").write_text(textwrap.dedent('''
        from .errors import EspInputError


        def _check_grid(values, name, *, kind="whole numbers"):
            if values is None:
                raise EspInputError("The {name} raster must hold {kind}.", name=name, kind=kind)


        def _check_option(value, option):
            if value not in ("fast", "exact"):
                raise EspInputError("Unknown {option}: {value}.", option=option, value=value)


        def _check_layer(layer, size):
            raise EspInputError("Layer '{layer}' is empty.", layer=layer)


        def _grid_of(values, label):
            return _check_grid(values, label)


        def run(values, method="fast"):
            _check_grid(values, "habitat quality")
            _check_grid(values, name="patch labels")
            _grid_of(values, "forwarded term")
            _check_grid(values, "{x} is a template")
            _check_option(method, "method")
            _check_option("exact", "method")
            _check_layer("roads", "big")
            print("not a core function")
        '''))
    (tmp_path / "algorithms" / "wrapper.py").write_text(textwrap.dedent('''
        from ..espcore import core
        from ..espcore.core import _check_grid


        def _check_option(value, option):
            return value


        def wrap(values):
            _check_grid(values, "from a wrapper")
            core._check_grid(values, "through the module")
            _check_option(values, "a local function")
        '''))
    extraction = tool.extract(str(tmp_path))
    # (The plugin's tables are not in this sample.)
    assert all("table rule" in error for error in extraction.errors), extraction.errors
    words = {source for context, source in extraction.messages
             if context == "espcore" and "{" not in source}
    # The option values ("fast", "exact": compared), the quoted layer name ("roads"), the
    # literal for a parameter that is no field ("big") and the template stay out.
    assert words == {"whole numbers", "habitat quality", "patch labels", "forwarded term",
                     "method", "from a wrapper", "through the module"}


def test_merge_fills_translations_and_refuses_broken_placeholders(tmp_path):
    path = str(tmp_path / "sample.ts")
    tool.write_ts([tool.Entry("Ctx", "Area {value} km²"),
                   tool.Entry("Ctx", "Cells", locations=["algorithms/sample.py"]),
                   tool.Entry("Other", "Cells")], path)
    done, reports = tool.merge([{"Ctx": {"Area {value} km²": "面积 {值} km²", "Cells": "像元",
                                         "Unknown": "未知"}}], path)
    assert done == 1
    assert any(r.startswith("refused") and "Area" in r for r in reports)
    assert any(r.startswith("unknown") and "Unknown" in r for r in reports)
    entries = {(e.context, e.source): e for e in tool.read_ts(path)}
    # File names stay relative to the plugin folder through a read and a write.
    assert entries[("Ctx", "Cells")].locations == ["algorithms/sample.py"]
    assert entries[("Ctx", "Cells")].finished and entries[("Ctx", "Cells")].translation == "像元"
    assert not entries[("Ctx", "Area {value} km²")].finished
    # The same text in another context takes the one translation there is, at the next update.
    extraction = tool.Extraction()
    for context, source in entries:
        extraction.add(context, source, "x.py:1")
    updated, counts = tool.updated(extraction, tool.read_ts(path))
    assert counts["reused"] == 1
    assert {(e.context, e.source): e.translation for e in updated}[("Other", "Cells")] == "像元"


# -- at run time ---------------------------------------------------------------------------------

def visible_strings(algorithm):
    """(what, text) of everything the toolbox and the algorithm dialog show."""
    found = [("displayName", algorithm.displayName()), ("group", algorithm.group()),
             ("shortHelpString", algorithm.shortHelpString())]
    for parameter in algorithm.parameterDefinitions():
        found.append((parameter.name() + " description", parameter.description()))
        found.append((parameter.name() + " help", parameter.help()))
        if parameter.type() == "enum":
            found += [(parameter.name() + " option", option) for option in parameter.options()]
    for output in algorithm.outputDefinitions():
        found.append((output.name() + " output", output.description()))
    return found


def test_every_algorithm_speaks_chinese_under_the_chinese_catalogue(esp, qgis_app):
    from esp_toolkit.algorithms import i18n

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("esp")
    ids = [algorithm.id() for algorithm in provider.algorithms()]
    assert len(ids) >= 14
    # Parameters are built when an algorithm is created: create each in English, then in
    # Chinese, as QGIS does when the plugin loads under either locale.
    english = {ident: visible_strings(registry.createAlgorithmById(ident)) for ident in ids}
    assert i18n.install("zh-Hans")
    try:
        chinese = {ident: visible_strings(registry.createAlgorithmById(ident)) for ident in ids}
        provider_name = provider.name()
    finally:
        i18n.uninstall()
    assert provider_name == "ESP 工具箱"
    english_left = []
    for ident in ids:
        assert len(english[ident]) == len(chinese[ident])
        for (what, source), (_, shown) in zip(english[ident], chinese[ident]):
            if not re.search("[a-z]{2,}", source) or source in SAME_IN_EVERY_LANGUAGE \
                    or (" " not in source and re.search("[A-Z]", source[1:])):
                continue  # numbers, abbreviations and names ("8", "IIC", "SuperLU")
            words = re.search("[A-Za-z]{2,} [a-z]{3,}", source)  # words to read, not a key
            if shown == source or (words and not CJK.search(shown)):
                english_left.append("{0} {1}: {2!r}".format(ident, what, shown[:80]))
    assert not english_left, "\n".join(english_left)
    mspa = dict(chinese["esp:mspa"])
    assert mspa["displayName"] == "形态学空间格局分析（MSPA）"
    assert mspa["group"] == "1 · 生态源地"


def test_core_errors_reach_the_user_in_chinese(chinese):
    from esp_toolkit.algorithms.base import translated_error
    from esp_toolkit.espcore.errors import EspInputError

    error = EspInputError("The cell size must be positive, not {size}.", size=-5)
    assert str(error) == "The cell size must be positive, not -5."
    assert translated_error(error) == "像元大小必须为正数，而不是 -5。"


def test_core_error_words_are_translated_too(chinese):
    import numpy as np

    from esp_toolkit.algorithms.base import translated_error
    from esp_toolkit.espcore.errors import EspInputError
    from esp_toolkit.espcore.zoning.zones import restoration_zones

    grid = np.ones((2, 2), dtype=bool)
    with pytest.raises(EspInputError) as caught:
        restoration_zones(grid, sources=grid, corridors=grid, pinch=np.ones((3, 3), bool))
    error = caught.value
    assert error.fields["name"] == "pinch points"
    catalogue = {(e.context, e.source): e.translation for e in tool.read_ts(str(TS)) if e.live}
    expected = catalogue[("espcore", error.template)].format(
        name=catalogue[("espcore", "pinch points")], got=(3, 3), shape=(2, 2))
    shown = translated_error(error)
    assert shown == expected
    assert CJK.search(shown) and not re.search("[A-Za-z]", shown)
    # A quoted field is a value the user gave (here a layer name): shown as typed.
    named = EspInputError("Threat raster '{name}' holds infinite values.", name="sources")
    assert ("espcore", "sources") in catalogue
    assert translated_error(named) == catalogue[("espcore", named.template)].format(
        name="sources")


def test_a_failing_run_reports_in_chinese(esp, chinese, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    raster = write_raster(tmp_path / "coded.tif", [[0, 1, 2], [2, 5, 1]], dtype="uint8")
    with pytest.raises(QgsProcessingException) as caught:
        processing.run("esp:mspa", {"INPUT": raster, "OUTPUT": str(tmp_path / "m.tif"),
                                    "OUTPUT_TABLE": "TEMPORARY_OUTPUT"})
    message = str(caught.value)
    assert "MSPA 输入必须按 GuidosToolbox 的要求编码" in message and "它还含有 5。" in message


def test_translator_by_language_ignores_the_installed_catalogue(qgis_app):
    from esp_toolkit.algorithms import i18n

    chinese, english = i18n.translator("zh-Hans"), i18n.translator("en")
    assert chinese("EspToolkit", "Ecological restoration zone") == "生态修复区"
    assert chinese("Mspa", "Band") == "波段"
    assert chinese("EspToolkit", "1 · Sources") == "1 · 生态源地"  # non-ASCII source text
    assert chinese("Report", "{value} km²") == "{value} km²"
    assert chinese("EspToolkit", "Not a message of the catalogue") == \
        "Not a message of the catalogue"
    assert english("EspToolkit", "Ecological restoration zone") == "Ecological restoration zone"
    assert i18n.translator("fr")("Mspa", "Band") == "Band"  # no catalogue: the source text
    # Nothing was installed: the interface stays English.
    assert QCoreApplication.translate("EspToolkit", "Ecological restoration zone") == \
        "Ecological restoration zone"


@pytest.mark.parametrize("override, locale, expected", [
    (True, "zh_CN", "zh-Hans"), (True, "zh-Hans", "zh-Hans"), (True, "zh_TW", "zh-Hans"),
    (True, "en_US", "en"), (True, "de", "en"), (True, "", None), (False, "zh_CN", None),
])
def test_interface_language_follows_the_qgis_locale(settings, override, locale, expected):
    from esp_toolkit.algorithms import i18n

    settings.setValue("locale/overrideFlag", override)
    settings.setValue("locale/userLocale", locale)
    if expected is None:  # no usable override: the system locale decides
        expected = "zh-Hans" if QLocale.system().name().lower().startswith("zh") else "en"
    assert i18n.interface_language() == expected


def test_class_factory_installs_the_catalogue_of_the_qgis_locale(esp, settings):
    import esp_toolkit
    from esp_toolkit.algorithms import i18n

    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "zh_CN")
    try:
        plugin = esp_toolkit.classFactory(None)
        assert plugin.iface is None
        assert QCoreApplication.translate("EspToolkit", "4 · Zoning") == "4 · 分区"
    finally:
        i18n.uninstall()
    assert QCoreApplication.translate("EspToolkit", "4 · Zoning") == "4 · Zoning"


def test_static_style_legends_are_relabelled_in_the_chosen_language(qgis_app, tmp_path):
    from qgis.core import QgsRasterLayer, QgsVectorLayer

    from esp_toolkit.algorithms import i18n

    styles = ROOT / "resources" / "styles"
    raster = QgsRasterLayer(write_raster(tmp_path / "codes.tif", [[17, 3], [129, 1]],
                                         dtype="uint8"), "codes", "gdal")
    raster.loadNamedStyle(str(styles / "mspa.qml"))
    # Nothing installed: the interface is English and the labels stay as the .qml has them.
    assert i18n.translate_legend(raster) == 0
    entries = (styles / "mspa.qml").read_text().count("<paletteEntry ")
    assert i18n.translate_legend(raster, i18n.translator("zh-Hans")) == entries == 26
    labels = {c.value: c.label for c in raster.renderer().classes()}
    assert labels[17] == "17 核心区" and labels[129] == "129 缺失" and labels[3] == "3 边缘区"

    current = QgsRasterLayer(raster.source(), "current", "gdal")
    current.loadNamedStyle(str(styles / "current.qml"))
    with_labels = [i.label for i in current.renderer().shader().rasterShaderFunction()
                   .colorRampItemList() if i.label]
    assert with_labels == ["low", "high"]
    assert i18n.install("zh-Hans")
    try:
        assert i18n.translate_legend(current) == 2
    finally:
        i18n.uninstall()
    assert [i.label for i in current.renderer().shader().rasterShaderFunction()
            .colorRampItemList() if i.label] == ["低", "高"]

    patches = QgsVectorLayer("Polygon?crs=EPSG:4546&field=dPC:double", "patches", "memory")
    patches.loadNamedStyle(str(styles / "patches_dpc.qml"))
    assert i18n.translate_legend(patches, i18n.translator("zh-Hans")) == 2
    assert [r.label() for r in patches.renderer().ranges()][0] == "低于 0.1 %"
    links = QgsVectorLayer("LineString?crs=EPSG:4546&field=Active:integer", "links", "memory")
    links.loadNamedStyle(str(styles / "links.qml"))
    assert i18n.translate_legend(links, i18n.translator("zh-Hans")) == 2
    assert sorted(r.label() for r in links.renderer().rootRule().children()) == \
        sorted(["廊道（有效）", "舍去的连接"])
