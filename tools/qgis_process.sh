#!/usr/bin/env bash
# Runs QGIS's qgis_process with this working tree loaded as the plugin `esp_toolkit`, in a
# private QGIS profile (build/qgis-profile), the way a batch user runs the toolkit.
# Debian's `qgis_process` wrapper script is broken (QGIS_OPTS), so call the binary.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build"
mkdir -p "$build/plugins" "$build/qgis-profile"
ln -sfn "$root" "$build/plugins/esp_toolkit"
export QGIS_PLUGINPATH="$build/plugins"
export QGIS_CUSTOM_CONFIG_PATH="$build/qgis-profile"
export QT_QPA_PLATFORM=offscreen
# QGIS's embedded Python finds its home by looking for "python3" on PATH; with pyenv (or any
# other Python first on PATH) it would load that installation's standard library, and worker
# processes (esp:omniscape WORKERS) would mix it with Debian's numpy. Pin it to Debian's.
export PYTHONHOME=/usr
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$build/runtime}"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
if [ -x "$root/.venv/bin/python" ]; then
    PYTHONPATH="$("$root/.venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')${PYTHONPATH:+:$PYTHONPATH}"
    export PYTHONPATH
fi
stamp="$build/qgis-profile/.esp_toolkit-enabled"
if [ ! -f "$stamp" ]; then
    qgis_process.bin plugins enable esp_toolkit >/dev/null
    touch "$stamp"
fi
exec qgis_process.bin "$@"
