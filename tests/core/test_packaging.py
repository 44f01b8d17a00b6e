"""The espcore distribution (pyproject.toml, `make test-wheel`) against the plugin it comes from.

One version for both: pyproject.toml's static ``[project] version`` must equal metadata.txt's
``version=``. When espcore is imported from an installed wheel, that wheel must carry the same
version and every module of the checkout's espcore.
"""

import configparser
import os
import re

import pytest

import espcore

CHECKOUT = os.path.realpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


def plugin_version():
    parser = configparser.ConfigParser()
    parser.read(os.path.join(CHECKOUT, "metadata.txt"), encoding="utf-8")
    return parser["general"]["version"].strip()


def project_table():
    with open(os.path.join(CHECKOUT, "pyproject.toml"), "rb") as handle:
        text = handle.read()
    try:
        import tomllib
    except ImportError:  # Python < 3.11: the few keys read here, by pattern
        block = re.search(r"^\[project\]\n(.*?)(?=^\[)", text.decode("utf-8"), re.M | re.S)
        assert block, "pyproject.toml has no [project] table"
        found = re.search(r'^name\s*=\s*"([^"]+)"', block.group(1), re.M)
        version = re.search(r'^version\s*=\s*"([^"]+)"', block.group(1), re.M)
        return {"name": found and found.group(1), "version": version and version.group(1)}
    return tomllib.loads(text.decode("utf-8"))["project"]


def installed_distribution():
    """The installed ``espcore`` distribution that the imported espcore comes from, or None."""
    try:
        from importlib import metadata
    except ImportError:
        return None
    try:
        dist = metadata.distribution("espcore")
    except metadata.PackageNotFoundError:
        return None
    init = os.path.realpath(str(dist.locate_file("espcore/__init__.py")))
    return dist if init == os.path.realpath(espcore.__file__) else None


def test_pyproject_version_is_the_plugin_version():
    project = project_table()
    assert project["name"] == "espcore"
    assert project["version"] == plugin_version(), (
        "pyproject.toml [project] version and metadata.txt version= differ")


def test_installed_wheel_matches_the_checkout():
    dist = installed_distribution()
    if dist is None:
        pytest.skip("espcore is imported from the checkout, not from an installed wheel")
    assert dist.version == plugin_version()
    installed = os.path.dirname(os.path.realpath(espcore.__file__))
    source = os.path.join(CHECKOUT, "espcore")
    assert installed != os.path.realpath(source)

    def modules(root):
        found = set()
        for folder, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            for name in files:
                if name.endswith(".py") or name == "py.typed":
                    found.add(os.path.relpath(os.path.join(folder, name), root))
        return found

    missing = modules(source) - modules(installed)
    assert not missing, "the wheel lacks {0}".format(sorted(missing))
