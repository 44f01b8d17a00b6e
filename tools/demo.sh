#!/usr/bin/env bash
# `make demo`: runs the toolkit through qgis_process (the batch route) on the Hunan
# demonstration data in resources/demo/ and writes the outputs to the folder given (default
# demo_output/). Later steps of the ESP chain are added here as they land.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mkdir -p "${1:-demo_output}" && cd "${1:-demo_output}" && pwd)"
demo="$root/resources/demo"
qp() { "$root/tools/qgis_process.sh" run "$@"; }

echo "== 1/2 Resistance from land cover (CLCD preset, 1-1000 scale)"
qp esp:resistancesurface -- \
    INPUT="$demo/hunan_landcover.tif" PRESET=0 \
    OUTPUT="$out/resistance_landcover.tif"

echo "== 2/2 Resistance corrected by night-time light, with elevation as a factor"
# Night-time light raises the resistance of brightly lit cells within each class; elevation
# (weight 0.1, direction '-': higher ground is less disturbed) refines the land-cover value.
qp esp:resistancesurface -- \
    INPUT="$demo/hunan_landcover.tif" PRESET=0 \
    CORRECTION="$demo/hunan_ntl.tif" RATIO_MIN=0.1 RATIO_MAX=10 \
    FACTORS="$demo/hunan_dem.tif" LANDCOVER_WEIGHT=0.9 FACTOR_WEIGHTS=0.1 \
    FACTOR_DIRECTIONS=- \
    OUTPUT="$out/resistance_corrected.tif"

cp "$root/resources/styles/resistance.qml" "$out/resistance_landcover.qml"
cp "$root/resources/styles/resistance.qml" "$out/resistance_corrected.qml"
echo
echo "Demo outputs (open them in QGIS; styles load with them):"
for f in resistance_landcover.tif resistance_corrected.tif; do
    echo "  $out/$f"
done
