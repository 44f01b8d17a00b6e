"""Verify the plugin zip built by `make package`: content, metadata, and that it loads.

Usage: python tools/check_package.py dist/esp_toolkit-<version>.zip
Exits non-zero with one line per problem.
"""

import configparser
import os
import subprocess
import sys
import tempfile
import zipfile

PREFIX = "esp_toolkit/"
REQUIRED_FILES = ("metadata.txt", "LICENSE", "README.md", "__init__.py", "plugin.py",
                  "algorithms/provider.py", "espcore/__init__.py")
REQUIRED_FIELDS = ("name", "qgisMinimumVersion", "qgisMaximumVersion", "description", "about",
                   "version", "author",
                   "email", "repository", "tracker", "tags", "icon", "hasProcessingProvider",
                   "supportsQt6", "experimental")
FORBIDDEN_PREFIXES = ("tests/", "bench/", "tools/", ".ci/", ".venv/", "build/", "dist/",
                      "demo_output/", "requirements/", "Makefile", ".git")
MAX_BYTES = 25 * 1024 * 1024  # the QGIS plugin repository's upload limit


def content_problems(path):
    problems = []
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        for name in names:
            if not name.startswith(PREFIX):
                problems.append("entry outside esp_toolkit/: " + name)
            inner = name[len(PREFIX):]
            if inner.startswith(FORBIDDEN_PREFIXES) or "__pycache__" in name \
                    or name.endswith(".pyc"):
                problems.append("development file in the zip: " + name)
        for required in REQUIRED_FILES:
            if PREFIX + required not in names:
                problems.append("missing " + required)
        for name in names:
            if name.endswith(".py"):
                try:
                    compile(archive.read(name), name, "exec")
                except SyntaxError as error:
                    problems.append("syntax error in {0}: {1}".format(name, error))
        parser = configparser.ConfigParser()
        parser.read_string(archive.read(PREFIX + "metadata.txt").decode("utf-8"))
        general = parser["general"]
        for field in REQUIRED_FIELDS:
            if not general.get(field, "").strip():
                problems.append("metadata.txt lacks " + field)
        if PREFIX + general.get("icon", "") not in names:
            problems.append("the icon named in metadata.txt is not in the zip")
        expected = "esp_toolkit-{0}.zip".format(general.get("version", ""))
        if os.path.basename(path) != expected:
            problems.append("zip name {0} does not match the version ({1})".format(
                os.path.basename(path), expected))
    if os.path.getsize(path) > MAX_BYTES:
        problems.append("zip larger than 25 MB")
    return problems


def load_problems(path):
    """Unpack as a QGIS user would and ask qgis_process whether the provider appears."""
    with tempfile.TemporaryDirectory() as tmp:
        plugins = os.path.join(tmp, "plugins")
        with zipfile.ZipFile(path) as archive:
            archive.extractall(plugins)
        env = dict(os.environ, QGIS_PLUGINPATH=plugins, QT_QPA_PLATFORM="offscreen",
                   QGIS_CUSTOM_CONFIG_PATH=os.path.join(tmp, "profile"))
        subprocess.run(["qgis_process.bin", "plugins", "enable", "esp_toolkit"], env=env,
                       capture_output=True, text=True, timeout=300, check=False)
        listing = subprocess.run(["qgis_process.bin", "list"], env=env, capture_output=True,
                                 text=True, timeout=300, check=False)
        if "esp:resistancesurface" not in listing.stdout:
            return ["the unpacked plugin does not register esp:resistancesurface in "
                    "qgis_process:\n" + listing.stderr[-2000:]]
    return []


def main(argv):
    if len(argv) != 2:
        print(__doc__)
        return 2
    problems = content_problems(argv[1])
    if not problems:
        problems = load_problems(argv[1])
    for problem in problems:
        print("check-package: " + problem)
    if not problems:
        print("check-package: {0} is complete and loads in qgis_process".format(argv[1]))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
