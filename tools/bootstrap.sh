#!/usr/bin/env bash
# Installs what `make test` and `make demo` need, and nothing twice:
#   1. Debian packages (QGIS 3.22, numpy, scipy, ...) when missing and running as root;
#   2. the virtual environment .venv, which sees Debian's QGIS, numpy and scipy;
#   3. pip packages pinned in requirements/dev.txt, held to Debian's numpy/scipy by
#      requirements/constraints.txt (pip would otherwise pull numpy 2, which breaks GDAL).
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES="python3-qgis qgis-providers qgis python3-numpy python3-scipy python3-skimage
python3-networkx python3-pytest python3-venv python3-pip python3-dev build-essential
libsuitesparse-dev xvfb xdotool python3-matplotlib qttools5-dev-tools fonts-wqy-microhei"

missing=""
for pkg in $APT_PACKAGES; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
        || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "Missing Debian packages:$missing" >&2
        echo "Install them with: sudo apt-get install -y --no-install-recommends$missing" >&2
        exit 1
    fi
    echo "Installing Debian packages:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
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

stamp="$VENV/.requirements-installed"
if [ ! -f "$stamp" ] || [ requirements/dev.txt -nt "$stamp" ] \
        || [ requirements/constraints.txt -nt "$stamp" ]; then
    echo "Installing pinned Python packages into $VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check \
        -c requirements/constraints.txt -r requirements/dev.txt
    touch "$stamp"
fi
"$VENV/bin/python" - <<'PY'
import numpy, scipy
assert numpy.__version__ == "1.24.2", "pip replaced Debian's numpy: " + numpy.__version__
assert scipy.__version__ == "1.10.1", "pip replaced Debian's scipy: " + scipy.__version__
PY
