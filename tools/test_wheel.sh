#!/usr/bin/env bash
# `make test-wheel`: the numeric core as a pip package, tested as a user installs it.
#   1. builds the espcore sdist and wheel into build/wheel (`python -m build`, in a venv of build
#      tools of its own, build/wheel-build-venv) and checks that they hold espcore only;
#   2. installs the wheel with its dependencies and pytest into a clean venv (build/wheel-venv:
#      no --system-site-packages, so no QGIS, no Debian numpy), made again only when the wheel's
#      dependencies (or the interpreter, or the extras) change; the fresh wheel is always
#      reinstalled;
#   3. runs tests/core against the INSTALLED espcore: from another folder, with PYTHONSAFEPATH,
#      pytest's importlib import mode and its own ini, so the checkout is not on sys.path (only
#      tests/core is, for its helper modules); tests/core/conftest.py stops the run when espcore
#      still resolves to the checkout (ESP_EXPECT_INSTALLED=1).
# Environment: ESP_WHEEL_PYTHON (default /usr/bin/python3), ESP_WHEEL_EXTRAS (e.g. "[amg]"),
# ESP_CS_CASES (the Circuitscape cases, as for `make test-core`). Arguments go to pytest.
set -euo pipefail
started=$SECONDS
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PYTHON=${ESP_WHEEL_PYTHON:-/usr/bin/python3}
EXTRAS=${ESP_WHEEL_EXTRAS:-}
OUT=$ROOT/build/wheel
BUILD_VENV=$ROOT/build/wheel-build-venv
VENV=$ROOT/build/wheel-venv
RUN_DIR=$ROOT/build/wheel-test
PIP=(-q --disable-pip-version-check)

# 1. Build tools, once (again when pyproject.toml's [build-system] requires change).
TOOLS=$(sed -n 's/^requires *= *\[\(.*\)\]/\1/p' "$ROOT/pyproject.toml" | tr ',' '\n' | tr -d '" '; echo build)
if [ ! -f "$BUILD_VENV/.ready" ] || [ "$(cat "$BUILD_VENV/.ready")" != "$TOOLS" ]; then
    rm -rf "$BUILD_VENV"
    "$PYTHON" -m venv "$BUILD_VENV"
    # shellcheck disable=SC2086  # one requirement per word
    "$BUILD_VENV/bin/pip" install "${PIP[@]}" $TOOLS
    printf '%s\n' "$TOOLS" >"$BUILD_VENV/.ready"
fi

# sdist first, then the wheel from the unpacked sdist (so the sdist is proven complete). The
# egg-info setuptools writes beside pyproject.toml is removed again.
rm -rf "$OUT" "$ROOT/espcore.egg-info"
mkdir -p "$OUT"
if ! "$BUILD_VENV/bin/python" -m build --no-isolation --outdir "$OUT" "$ROOT" \
        >"$ROOT/build/wheel-build.log" 2>&1; then
    tail -40 "$ROOT/build/wheel-build.log"
    echo "test-wheel: building the espcore wheel failed (build/wheel-build.log)" >&2
    exit 1
fi
rm -rf "$ROOT/espcore.egg-info"
shopt -s nullglob
wheels=("$OUT"/espcore-*.whl)
sdists=("$OUT"/espcore-*.tar.gz)
if [ ${#wheels[@]} -ne 1 ] || [ ${#sdists[@]} -ne 1 ]; then
    echo "test-wheel: expected one wheel and one sdist in $OUT" >&2
    exit 1
fi
WHEEL=${wheels[0]}
SDIST=${sdists[0]}

# What the wheel and the sdist hold: espcore (with py.typed) and their metadata, nothing else.
# Prints the wheel's dependencies, which key the test venv.
DEPS=$("$PYTHON" - "$WHEEL" "$SDIST" "$ROOT/metadata.txt" <<'EOF'
import re
import sys
import tarfile
import zipfile

wheel, sdist, metadata = sys.argv[1:]
version = re.search(r"^version=(.*)$", open(metadata, encoding="utf-8").read(), re.M)
version = version.group(1).strip()
problems = []
if not wheel.endswith("/espcore-{0}-py3-none-any.whl".format(version)):
    problems.append("wheel {0} is not version {1} (metadata.txt)".format(wheel, version))
info = "espcore-{0}.dist-info/".format(version)
names = zipfile.ZipFile(wheel).namelist()
for name in names:
    if not name.startswith(("espcore/", info)) or "__pycache__" in name or name.endswith(".pyc"):
        problems.append("wheel holds " + name)
for required in ("espcore/__init__.py", "espcore/py.typed", info + "METADATA"):
    if required not in names:
        problems.append("wheel lacks " + required)
top = "espcore-{0}".format(version)
allowed = {"", "espcore", "espcore.egg-info", "LICENSE", "PKG-INFO", "README.md",
           "pyproject.toml", "setup.cfg"}
for name in tarfile.open(sdist).getnames():
    inner = name[len(top) + 1:] if name.startswith(top + "/") else None
    if name != top and (inner is None or inner.split("/")[0] not in allowed):
        problems.append("sdist holds " + name)
if problems:
    sys.exit("test-wheel: " + "\n  ".join(problems))
packages = sorted({name.rsplit("/", 1)[0] for name in names if name.endswith("/__init__.py")})
print("wheel: {0} files, packages {1}".format(len(names), " ".join(packages)), file=sys.stderr)
meta = zipfile.ZipFile(wheel).read(info + "METADATA").decode("utf-8")
for line in meta.splitlines():
    if line.startswith(("Requires-Python:", "Requires-Dist:", "Provides-Extra:")):
        print(line)
EOF
)
echo "built $(basename "$WHEEL") and $(basename "$SDIST") in ${OUT#"$ROOT"/}"

# 2. The test venv, made again when what it installs changes.
KEY=$(printf '%s\n' "$("$PYTHON" -c 'import sys; print(sys.version)')" "extras=$EXTRAS" \
      "pytest" "$DEPS")
if [ -f "$VENV/.ready" ] && [ "$(cat "$VENV/.ready")" == "$KEY" ]; then
    echo "reusing ${VENV#"$ROOT"/} (the wheel's dependencies are unchanged)"
else
    echo "making ${VENV#"$ROOT"/} (clean venv: no system site-packages, no QGIS)"
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/pip" install "${PIP[@]}" "$WHEEL$EXTRAS" pytest
    printf '%s\n' "$KEY" >"$VENV/.ready"
fi
"$VENV/bin/pip" install "${PIP[@]}" --force-reinstall --no-deps "$WHEEL"
"$VENV/bin/pip" check >/dev/null || { "$VENV/bin/pip" check; exit 1; }

# 3. tests/core against the installed copy. Nothing of the checkout on sys.path but tests/core.
mkdir -p "$RUN_DIR"
cd "$RUN_DIR"
printf '[pytest]\n' >pytest.ini
run=(env -u PYTHONHOME PYTHONSAFEPATH=1 PYTHONDONTWRITEBYTECODE=1 ESP_EXPECT_INSTALLED=1
     PYTHONPATH="$ROOT/tests/core")
"${run[@]}" "$VENV/bin/python" - "$ROOT" <<'EOF'
import os
import sys
import sysconfig

import numpy
import scipy

import espcore

location = os.path.realpath(espcore.__file__)
site = os.path.realpath(sysconfig.get_paths()["purelib"])
checkout = os.path.realpath(os.path.join(sys.argv[1], "espcore"))
print("espcore.__file__ =", espcore.__file__)
print("python {0}, numpy {1}, scipy {2}".format(sys.version.split()[0], numpy.__version__,
                                                 scipy.__version__))
if location.startswith(checkout + os.sep) or not location.startswith(site + os.sep):
    sys.exit("test-wheel: espcore resolves to {0}, not to {1}".format(location, site))
EOF
"${run[@]}" "$VENV/bin/python" -m pytest -c pytest.ini --rootdir "$ROOT" -p no:cacheprovider \
    --import-mode=importlib -q "$@" "$ROOT/tests/core"
echo "test-wheel: done in $((SECONDS - started)) s"
