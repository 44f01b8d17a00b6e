#!/usr/bin/env bash
# Installs what `make test` and `make demo` need, and nothing twice, on Debian 12, 13 or
# unstable (QGIS 3.22 to the newest 3.4x, numpy 1.24 to 2.x):
#   1. Debian packages (QGIS, numpy, scipy, ...) when missing and running as root;
#   2. the virtual environment .venv, which sees Debian's QGIS, numpy and scipy;
#   3. pip packages: requirements/dev.txt, plus the accelerators pinned for the numpy that
#      Debian ships (requirements/numpy1.txt or numpy2.txt: their wheels are built against
#      one numpy ABI). pip is held to Debian's own numpy and scipy by a constraints file made
#      here from the installed versions: a numpy from pip would break GDAL and QGIS.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES="python3-qgis qgis-providers qgis python3-numpy python3-scipy python3-skimage
python3-networkx python3-pytest python3-venv python3-pip python3-dev build-essential
libsuitesparse-dev xvfb xauth xdotool python3-matplotlib fonts-wqy-microhei python3-docx"
# Qt's lrelease compiles the translations: Qt 5's tools where Debian still has them, else Qt 6's.
LRELEASE_PACKAGES="qttools5-dev-tools qt6-l10n-tools"

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

missing=""
for pkg in $APT_PACKAGES; do installed "$pkg" || missing="$missing $pkg"; done
have_lrelease=""
for pkg in $LRELEASE_PACKAGES; do installed "$pkg" && have_lrelease=$pkg; done
if [ -n "$missing" ] || [ -z "$have_lrelease" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "Missing Debian packages:$missing ${have_lrelease:-qttools5-dev-tools}" >&2
        echo "Install them with: sudo apt-get install -y --no-install-recommends$missing" \
             "${have_lrelease:-qttools5-dev-tools}" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    if [ -z "$have_lrelease" ]; then
        for pkg in $LRELEASE_PACKAGES; do
            if apt-cache show "$pkg" >/dev/null 2>&1; then missing="$missing $pkg"; break; fi
        done
    fi
    echo "Installing Debian packages:$missing"
    # shellcheck disable=SC2086
    apt-get install -y -q --no-install-recommends $missing
fi

VENV=.venv
if [ ! -x "$VENV/bin/python" ]; then
    echo "Creating $VENV"
    /usr/bin/python3 -m venv --system-site-packages "$VENV"
fi
site=$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
# `import processing` lives in QGIS's plugin folder, outside sys.path.
echo /usr/share/qgis/python/plugins > "$site/qgis-processing.pth"

# Debian's numpy and scipy, as pip constraints (regenerated on every run: an upgrade of
# Debian's packages changes them).
system_versions=$(/usr/bin/python3 -c 'import numpy, scipy; print(numpy.__version__, scipy.__version__)')
read -r numpy_version scipy_version <<<"$system_versions"
printf 'numpy==%s\nscipy==%s\n' "$numpy_version" "$scipy_version" > "$VENV/constraints.new"
accelerators="requirements/numpy${numpy_version%%.*}.txt"
[ -f "$accelerators" ] || { echo "No $accelerators for numpy $numpy_version" >&2; exit 1; }

stamp="$VENV/.requirements-installed"
if [ ! -f "$stamp" ] || [ requirements/dev.txt -nt "$stamp" ] || [ "$accelerators" -nt "$stamp" ] \
        || ! cmp -s "$VENV/constraints.new" "$VENV/constraints.txt"; then
    mv "$VENV/constraints.new" "$VENV/constraints.txt"
    echo "Installing pinned Python packages into $VENV (numpy $numpy_version, scipy $scipy_version)"
    "$VENV/bin/pip" install -q --disable-pip-version-check \
        -c "$VENV/constraints.txt" -r requirements/dev.txt -r "$accelerators"
    touch "$stamp"
fi
rm -f "$VENV/constraints.new"
"$VENV/bin/python" - "$numpy_version" "$scipy_version" <<'PY'
import sys
import numpy, scipy
assert numpy.__version__ == sys.argv[1], "pip replaced Debian's numpy: " + numpy.__version__
assert scipy.__version__ == sys.argv[2], "pip replaced Debian's scipy: " + scipy.__version__
PY
