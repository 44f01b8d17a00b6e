#!/usr/bin/env bash
# `make test-matrix`: the test suites and the demo on the QGIS versions our users have.
#
# Each "leg" is a Debian release unpacked with debootstrap from Debian's archive into
# $ESP_MATRIX_CACHE/<leg>/root (default build/matrix) and used with chroot:
#   trixie  Debian 13, QGIS 3.40 LTR, numpy 2
#   sid     Debian unstable, the newest QGIS 3.4x
#   host    this machine as it is (Debian 12: QGIS 3.22, numpy 1.24), run in the working tree
# The root folders are built once and kept; the working tree (tracked and untracked files, not
# the ignored ones) is copied into /src/<tree> of the leg on every run, next to the .venv that
# tools/bootstrap.sh made there on the first run. Needs root (debootstrap, chroot, mount).
#
#   tools/matrix.sh [run] [LEG...]      suites + demo in each leg (default: host trixie sid),
#                                       then one table and the demo rasters compared
#   tools/matrix.sh exec LEG 'COMMAND'  copy the tree into LEG and run COMMAND there
#   tools/matrix.sh prepare LEG         only build the leg's root folder
#   tools/matrix.sh umount [LEG...]     release the leg's mounts
#
# Environment: ESP_MATRIX_CACHE (where the legs live), ESP_MATRIX_SUITES (default
# "lint typecheck qt6-names test-core test-qgis demo desktop-check desktop-dock": the plugin
# zip installed into QGIS desktop, and the dock's Run all, under Xvfb, with screenshots kept in
# $ESP_MATRIX_CACHE/<leg>/), ESP_MATRIX_TREE (folder name under /src,
# default esp_toolkit), DEBIAN_MIRROR.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cache="${ESP_MATRIX_CACHE:-$repo/build/matrix}"
mkdir -p "$cache" && cache="$(cd "$cache" && pwd)"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
suites="${ESP_MATRIX_SUITES:-lint typecheck qt6-names test-core test-qgis demo desktop-check desktop-dock}"
tree="${ESP_MATRIX_TREE:-esp_toolkit}"

die() { echo "matrix: $*" >&2; exit 1; }
rootfs() { echo "$cache/$1/root"; }

known_leg() {
    case "$1" in host|trixie|sid) ;; *) die "unknown leg '$1' (host, trixie or sid)";; esac
}

mount_leg() {
    local r; r="$(rootfs "$1")"
    mountpoint -q "$r/proc" || mount -t proc proc "$r/proc"
    mountpoint -q "$r/sys" || mount -t sysfs sysfs "$r/sys"
    mountpoint -q "$r/dev" || mount --bind /dev "$r/dev"
    mountpoint -q "$r/dev/pts" || mount --bind /dev/pts "$r/dev/pts"
    if [ -d /dev/shm ] && ! mountpoint -q "$r/dev/shm"; then mount -t tmpfs shm "$r/dev/shm"; fi
    cp -L /etc/resolv.conf "$r/etc/resolv.conf" 2>/dev/null || true
    # The leg trusts what the host trusts (a proxy's CA for PyPI, say).
    cp -L /etc/ssl/certs/ca-certificates.crt "$r/etc/ssl/host-ca-certificates.crt" 2>/dev/null || true
}

umount_leg() {
    local r m; r="$(rootfs "$1")"
    for m in dev/shm dev/pts dev sys proc; do
        if mountpoint -q "$r/$m"; then umount -l "$r/$m"; fi
    done
}

in_leg() {  # in_leg LEG COMMAND: a login-less shell in the leg with a clean environment
    local pass=() name
    # The host's package-index settings, not its Python or QGIS ones.
    for name in PIP_INDEX_URL PIP_EXTRA_INDEX_URL PIP_DEFAULT_TIMEOUT http_proxy https_proxy \
            HTTP_PROXY HTTPS_PROXY no_proxy NO_PROXY CI; do
        [ -n "${!name:-}" ] && pass+=("$name=${!name}")
    done
    if [ -f "$(rootfs "$1")/etc/ssl/host-ca-certificates.crt" ]; then
        pass+=(PIP_CERT=/etc/ssl/host-ca-certificates.crt
               SSL_CERT_FILE=/etc/ssl/host-ca-certificates.crt
               REQUESTS_CA_BUNDLE=/etc/ssl/host-ca-certificates.crt)
    fi
    chroot "$(rootfs "$1")" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        "${pass[@]}" /bin/bash -c "$2"
}

prepare_leg() {
    local leg=$1 r; r="$(rootfs "$leg")"
    [ "$leg" = host ] && return 0
    [ "$(id -u)" -eq 0 ] || die "building and entering the $leg leg needs root (debootstrap, chroot)"
    command -v debootstrap >/dev/null || {
        echo "matrix: installing debootstrap"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends debootstrap
    }
    if [ ! -f "$r/.esp-base" ]; then
        echo "matrix: debootstrap $leg into $r (once)"
        rm -rf "$r" && mkdir -p "$r"
        debootstrap --variant=minbase --include=ca-certificates,make,git \
            "$leg" "$r" "$mirror" > "$cache/$leg/debootstrap.log" 2>&1 \
            || die "debootstrap $leg failed: see $cache/$leg/debootstrap.log"
        # Debian's archive may serve a Release file past its Valid-Until (sid's are short-lived).
        echo 'Acquire::Check-Valid-Until "false";' > "$r/etc/apt/apt.conf.d/99esp-matrix"
        # No daemons start inside the chroot when packages are installed.
        printf '#!/bin/sh\nexit 101\n' > "$r/usr/sbin/policy-rc.d"
        chmod +x "$r/usr/sbin/policy-rc.d"
        touch "$r/.esp-base"
    fi
    mount_leg "$leg"
    if [ ! -f "$r/.esp-ready" ]; then
        # The project's own bootstrap installs the Debian packages (as a new user would).
        echo "matrix: installing QGIS and the dependencies in $leg (once)"
        sync_tree "$leg"
        in_leg "$leg" "apt-get update -q >/dev/null && cd /src/$tree && tools/bootstrap.sh" \
            > "$cache/$leg/bootstrap.log" 2>&1 \
            || die "bootstrap in $leg failed: see $cache/$leg/bootstrap.log"
        touch "$r/.esp-ready"
    fi
}

sync_tree() {  # the working tree as git sees it, keeping the leg's .venv and QGIS profile
    local dest; dest="$(rootfs "$1")/src/$tree"
    mkdir -p "$dest"
    find "$dest" -mindepth 1 -maxdepth 1 ! -name .venv ! -name build -exec rm -rf {} +
    rm -rf "$dest/build/demo" "$dest/build/plugins"
    (cd "$repo" && git ls-files -z --cached --others --exclude-standard \
        | xargs -0 sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh \
        | tar --null -T - -cf -) | tar -xf - -C "$dest"
    # `make package` packs git's HEAD.
    cp -a "$repo/.git" "$dest/.git"
    # The peers' reference cases, where the tests look for them: shared/ beside the checkout.
    if [ -d "$repo/../shared/cases" ]; then
        rm -rf "$(rootfs "$1")/src/shared" && mkdir -p "$(rootfs "$1")/src/shared"
        cp -r "$repo/../shared/cases" "$(rootfs "$1")/src/shared/cases"
    fi
}

leg_path() {  # the leg's working tree, seen from the host
    if [ "$1" = host ]; then echo "$repo"; else echo "$(rootfs "$1")/src/$tree"; fi
}

run_in() {  # run_in LEG COMMAND
    if [ "$1" = host ]; then (cd "$repo" && bash -c "$2"); else in_leg "$1" "cd /src/$tree && $2"; fi
}

versions() {  # "QGIS|Python|numpy|scipy|scikit-image" as the leg's QGIS Python sees them
    run_in "$1" "/usr/bin/python3 - <<'PY'
import sys
from qgis.core import Qgis
import numpy, scipy
try:
    import skimage; sk = skimage.__version__
except ImportError:
    sk = '-'
print('|'.join((Qgis.version().split('-')[0], sys.version.split()[0], numpy.__version__,
                scipy.__version__, sk)))
PY" 2>/dev/null | tail -1
}

counts() {  # "passed/failed" from a pytest log, or ok/FAILED for other suites
    local log=$1 rc=$2 line p f e
    line="$(grep -E '^(=+ )?[0-9]+ (passed|failed)|^[0-9]+ (passed|failed)|(passed|failed|error).* in [0-9.]+s' "$log" | tail -1 || true)"
    if [ -n "$line" ]; then
        p="$(grep -oE '[0-9]+ passed' <<<"$line" | grep -oE '[0-9]+' || echo 0)"
        f="$(grep -oE '[0-9]+ failed' <<<"$line" | grep -oE '[0-9]+' || echo 0)"
        e="$(grep -oE '[0-9]+ errors?' <<<"$line" | grep -oE '[0-9]+' || echo 0)"
        echo "$p/$((f + e))$([ "$rc" -ne 0 ] && [ "$((f + e))" -eq 0 ] && echo ' rc='"$rc")"
    elif [ "$rc" -eq 0 ]; then echo ok; else echo "FAILED rc=$rc"; fi
}

demo_steps() {  # "passed/total" steps of tools/demo.sh
    local log=$1 rc=$2 started total
    started="$(grep -cE '^== [0-9]+/[0-9]+ ' "$log" || true)"
    total="$(grep -oE '^== [0-9]+/[0-9]+ ' "$log" | head -1 | sed -E 's#== [0-9]+/([0-9]+) #\1#')"
    [ "$rc" -ne 0 ] && started=$((started - 1))
    echo "$started/${total:-?}"
}

run_leg() {
    local leg=$1 logs suite rc row
    prepare_leg "$leg"
    [ "$leg" = host ] || sync_tree "$leg"
    logs="$cache/$leg/logs" && rm -rf "$logs" && mkdir -p "$logs"
    echo "matrix: $leg: setup"
    if ! run_in "$leg" "make setup" > "$logs/setup.log" 2>&1; then
        echo "matrix: $leg: make setup failed, see $logs/setup.log" >&2
        echo "$leg|setup failed||||" > "$cache/$leg/row" && return 0
    fi
    row="$leg|$(versions "$leg")"
    for suite in $suites; do
        echo "matrix: $leg: $suite"
        local start=$SECONDS
        if [ "$suite" = demo ]; then
            rc=0; run_in "$leg" "rm -rf build/demo && make demo DEMO_OUT=build/demo" \
                > "$logs/demo.log" 2>&1 || rc=$?
            row="$row|$(demo_steps "$logs/demo.log" "$rc") ($((SECONDS - start)) s)"
            rm -rf "$cache/$leg/demo"
            cp -r "$(leg_path "$leg")/build/demo" "$cache/$leg/demo" 2>/dev/null || true
        else
            rc=0; run_in "$leg" "make $suite" > "$logs/$suite.log" 2>&1 || rc=$?
            row="$row|$(counts "$logs/$suite.log" "$rc") ($((SECONDS - start)) s)"
            if [ "$suite" != "${suite#desktop}" ]; then  # the screenshots, to look at
                cp "$(leg_path "$leg")/build/$suite"*.png "$cache/$leg/" 2>/dev/null || true
            fi
        fi
        [ "$rc" -eq 0 ] || echo "matrix: $leg: $suite failed (rc $rc), see $logs/$suite.log" >&2
        echo "$rc" > "$logs/$suite.rc"
    done
    echo "$row" > "$cache/$leg/row"
}

table() {
    local leg header="| leg | QGIS | Python | numpy | scipy | scikit-image |" s
    for s in $suites; do header="$header $s |"; done
    echo "$header"
    echo "$header" | sed -E 's/[^|]+/ --- /g'
    for leg in "$@"; do
        [ -f "$cache/$leg/row" ] && echo "| $(sed 's/|/ | /g' "$cache/$leg/row") |"
    done
}

failed_any() {
    local leg f
    for leg in "$@"; do
        [ -f "$cache/$leg/row" ] || return 0
        grep -q 'setup failed' "$cache/$leg/row" && return 0
        for f in "$cache/$leg"/logs/*.rc; do [ "$(cat "$f")" = 0 ] || return 0; done
    done
    return 1
}

main() {
    local cmd=${1:-run}
    case "$cmd" in
        -h|--help|help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; return 0;;
        exec)
            [ $# -eq 3 ] || die "usage: tools/matrix.sh exec LEG 'COMMAND'"
            known_leg "$2"; prepare_leg "$2"
            [ "$2" = host ] || sync_tree "$2"
            run_in "$2" "$3"; return;;
        prepare) shift; for leg in "$@"; do known_leg "$leg"; prepare_leg "$leg"; done; return;;
        umount) shift; local which=("$@"); [ ${#which[@]} -gt 0 ] || which=(trixie sid)
            for leg in "${which[@]}"; do umount_leg "$leg"; done; return;;
        run) shift;;
        *) ;;
    esac
    local legs=("$@"); [ ${#legs[@]} -gt 0 ] || legs=(host trixie sid)
    local leg
    for leg in "${legs[@]}"; do known_leg "$leg"; done
    for leg in "${legs[@]}"; do
        rm -f "$cache/$leg/row"
        run_leg "$leg"
        [ "$leg" = host ] || umount_leg "$leg"
    done
    echo
    table "${legs[@]}" | tee "$cache/matrix.md"
    local demos=()
    for leg in "${legs[@]}"; do [ -d "$cache/$leg/demo" ] && demos+=("$leg=$cache/$leg/demo"); done
    if [ ${#demos[@]} -gt 1 ]; then
        echo
        "$repo/tools/compare_rasters.py" "${demos[@]}" | tee -a "$cache/matrix.md" \
            || echo "matrix: the demo rasters differ across legs" >&2
    fi
    if failed_any "${legs[@]}"; then echo "matrix: some suites failed" >&2; return 1; fi
}

main "$@"; exit $?  # on one line: bash reads on from here if the file was edited meanwhile
