"""The provider, the plugin entry points and the metadata a plugin repository checks."""

import configparser
import re
import sys
from pathlib import Path

from conftest import ROOT
from qgis.core import QgsApplication

from esp_toolkit.algorithms.qgis_compat import ParameterFlag


def test_provider_lists_its_algorithms_with_help(esp):
    from esp_toolkit.algorithms.base import GROUPS, EspAlgorithm
    from esp_toolkit.algorithms.provider import ALGORITHMS

    provider = QgsApplication.processingRegistry().providerById("esp")
    assert provider is not None and provider.isActive()
    ids = sorted(alg.id() for alg in provider.algorithms())
    # The algorithms and the shipped model.
    assert ids == sorted(["esp:" + cls.NAME for cls in ALGORITHMS]
                         + ["esp:securitypatternmodel"])
    assert "esp:resistancesurface" in ids
    for alg in provider.algorithms():
        if not isinstance(alg, EspAlgorithm):
            continue  # the model: its outputs are named by its steps (test_the_model_...)
        assert re.fullmatch("[a-z]+", alg.name()), alg.name()
        assert alg.displayName() and len(alg.shortHelpString()) > 200
        assert alg.groupId() in GROUPS and alg.group() == GROUPS[alg.groupId()]
        assert not alg.icon().isNull()
        for param in alg.parameterDefinitions():
            assert param.name() == param.name().upper()
            assert param.description(), param.name()
            assert param.help(), "{0}: {1} has no help".format(alg.id(), param.name())
        for output in alg.outputDefinitions():
            assert output.description()


def test_parameters_expose_documented_defaults(esp):
    alg = QgsApplication.processingRegistry().algorithmById("esp:resistancesurface")
    assert alg.parameterDefinition("PRESET").defaultValue() == 0
    assert alg.parameterDefinition("RATIO_MIN").defaultValue() == 0.1
    assert alg.parameterDefinition("RATIO_MAX").defaultValue() == 10.0
    optional = {p.name() for p in alg.parameterDefinitions()
                if p.flags() & ParameterFlag.Optional}
    assert optional >= {"BAND", "TABLE", "TABLE_FILE", "CORRECTION", "FACTORS",
                        "FACTOR_WEIGHTS", "FACTOR_DIRECTIONS"}


def test_plugin_without_iface_registers_and_unregisters(esp):
    import esp_toolkit
    from esp_toolkit.plugin import EspToolkitPlugin

    fresh = esp_toolkit.classFactory(None)
    assert isinstance(fresh, EspToolkitPlugin) and fresh.iface is None

    registry = QgsApplication.processingRegistry()
    assert registry.providerById("esp") is esp.provider
    esp.unload()
    assert esp.provider is None and registry.providerById("esp") is None
    esp.initProcessing()  # registered again for the tests that follow
    assert registry.providerById("esp") is esp.provider


REQUIRED = ("name", "qgisMinimumVersion", "description", "about", "version", "author",
            "email", "repository", "tracker", "tags", "icon", "hasProcessingProvider",
            "supportsQt6", "experimental")


def test_metadata_has_every_field_the_repository_checks():
    parser = configparser.ConfigParser()
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    general = parser["general"]
    for field in REQUIRED:
        assert general.get(field, "").strip(), field
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["hasProcessingProvider"] == "yes"
    assert re.fullmatch(r"\d+\.\d+\.\d+", general["version"])
    assert (ROOT / general["icon"]).is_file()
    assert general["repository"].startswith("https://")
    assert "numpy" in general["about"] and "scipy" in general["about"]


def _plugin_manager_accepts(qgis_version, general):
    """What QGIS's plugin manager decides for this metadata, with its own comparison."""
    sys.path.insert(0, str(Path(QgsApplication.pkgDataPath()) / "python"))
    try:
        from pyplugin_installer.version_compare import isCompatible
    finally:
        sys.path.pop(0)
    minimum = general["qgisMinimumVersion"]
    # The plugin manager's rule when the field is missing: the minimum's major version + ".99".
    maximum = general.get("qgisMaximumVersion", "").strip() or minimum[0] + ".99"
    return isCompatible(qgis_version, minimum, maximum)


def test_metadata_admits_qgis_3_22_to_4():
    parser = configparser.ConfigParser()
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    general = parser["general"]
    for version in ("3.22.0", "3.40.6", "3.44.15", "4.0.0", "4.2.1"):
        assert _plugin_manager_accepts(version, general), version
    assert not _plugin_manager_accepts("3.16.0", general)
    # QGIS 4 is built on Qt 6 and loads only plugins that declare it.
    assert general["supportsQt6"].strip().lower() in ("true", "yes")


def test_license_is_gpl2():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in text and "Version 2, June 1991" in text


def test_every_style_named_in_code_exists():
    names = set()
    for path in (ROOT / "algorithms").rglob("*.py"):
        names.update(re.findall(r'"([\w-]+\.qml)"', path.read_text(encoding="utf-8")))
    assert names
    for name in names:
        assert (ROOT / "resources" / "styles" / name).is_file(), name


# -- the model --------------------------------------------------------------------------------

def test_the_model_is_in_the_toolbox_under_the_provider(esp):
    from qgis.core import QgsProcessingModelAlgorithm

    from esp_toolkit.algorithms.base import GROUPS
    from esp_toolkit.algorithms.workflow.model import MODEL_NAME, MODEL_PATH

    registry = QgsApplication.processingRegistry()
    model = registry.algorithmById("esp:securitypatternmodel")
    assert isinstance(model, QgsProcessingModelAlgorithm)
    assert model.provider() is registry.providerById("esp")
    # Its steps are found (the provider loads the model again once it is registered).
    assert model.validate() == (True, [])
    assert model.displayName() == MODEL_NAME
    assert model.group() == GROUPS["workflows"] and model.groupId() == "workflows"
    assert model.sourceFilePath() == MODEL_PATH and not model.icon().isNull()
    shipped = QgsProcessingModelAlgorithm()
    assert shipped.fromFile(MODEL_PATH)
    assert model.shortHelpString() == shipped.helpContent()["ALG_DESC"]
    assert model.parameterDefinition("LANDCOVER").description() == "Land-cover raster"
    # A fresh instance, as the toolbox creates to run it, is the model too.
    fresh = registry.createAlgorithmById("esp:securitypatternmodel")
    assert sorted(fresh.childAlgorithms()) == sorted(shipped.childAlgorithms())


def test_the_model_speaks_chinese_under_the_chinese_catalogue(esp):
    from esp_toolkit.algorithms import i18n

    registry = QgsApplication.processingRegistry()
    assert i18n.install("zh-Hans")
    try:
        model = registry.createAlgorithmById("esp:securitypatternmodel")
        name, group, help_text = model.displayName(), model.group(), model.shortHelpString()
        landcover = model.parameterDefinition("LANDCOVER").description()
        preset = model.parameterDefinition("RESISTANCE_PRESET").options()[0]
        outputs = [output.description() for output in model.outputDefinitions()]
    finally:
        i18n.uninstall()
    assert (name, group) == ("生态安全格局（模型）", "5 · 工作流")
    assert "生态源地" in help_text
    assert landcover == "土地覆被栅格"
    assert preset.startswith("CLCD（")
    assert "县域台账" in outputs and "Restoration zones" not in outputs
