#!/usr/bin/env bash
# `make demo`: runs the toolkit through qgis_process (the batch route) on the Hunan
# demonstration data in resources/demo/ and writes the outputs to the folder given (default
# demo_output/). Later steps of the ESP chain are added here as they land.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mkdir -p "${1:-demo_output}" && cd "${1:-demo_output}" && pwd)"
demo="$root/resources/demo"
qp() { "$root/tools/qgis_process.sh" run "$@"; }

echo "== 1/5 Resistance from land cover (CLCD preset, 1-1000 scale)"
qp esp:resistancesurface -- \
    INPUT="$demo/hunan_landcover.tif" PRESET=0 \
    OUTPUT="$out/resistance_landcover.tif"

echo "== 2/5 Land-cover resistance corrected by night-time light"
# Brightly lit cells resist more than the average cell of their class: the usual correction of
# Chinese ESP studies, R' = (NTL / mean NTL of the class) x R_class, ratio clipped to [0.1, 10].
qp esp:resistancesurface -- \
    INPUT="$demo/hunan_landcover.tif" PRESET=0 \
    CORRECTION="$demo/hunan_ntl.tif" RATIO_MIN=0.1 RATIO_MAX=10 \
    OUTPUT="$out/resistance_ntl.tif"

echo "== 3/5 Weighted overlay: corrected land-cover resistance (0.8) and elevation (0.2)"
# Elevation is rescaled to the table's 1-1000 range; direction '+': higher ground costs more.
qp esp:resistancesurface -- \
    INPUT="$demo/hunan_landcover.tif" PRESET=0 CORRECTION="$demo/hunan_ntl.tif" \
    FACTORS="$demo/hunan_dem.tif" LANDCOVER_WEIGHT=0.8 FACTOR_WEIGHTS=0.2 \
    FACTOR_DIRECTIONS=+ \
    OUTPUT="$out/resistance_factors.tif"

echo "== 4/5 Circuit connectivity: pairwise current between 9 forest cores (Circuitscape)"
# The forest cores stand in for the ecological sources of the Sources step. The cumulative map
# sums the current of all 36 pairs; the matrix holds their effective resistances.
qp esp:circuitscape -- \
    INPUT="$out/resistance_ntl.tif" FOCAL_FEATURES="$demo/hunan_forest_cores.gpkg" \
    FOCAL_ID_FIELD=id CUMULATIVE="$out/current_pairwise.tif" \
    RESISTANCE_MATRIX="$out/resistances_pairwise.out"

echo "== 5/5 Omnidirectional current (Omniscape): every forest, shrub and grass cell a source"
# Sources from the resistance (1/R) where R <= 50; a 20-cell (20 km) window on 5x5 blocks.
qp esp:omniscape -- \
    INPUT="$out/resistance_ntl.tif" SOURCE_FROM_RESISTANCE=true R_CUTOFF=50 \
    RADIUS=20 BLOCK_SIZE=5 WORKERS=0 CUMULATIVE="$out/current_omniscape.tif"

outputs="resistance_landcover.tif resistance_ntl.tif resistance_factors.tif"
for f in $outputs; do
    cp "$root/resources/styles/resistance.qml" "$out/${f%.tif}.qml"
done
# The current style's colours are spread over this map's own range and saved beside it.
QT_QPA_PLATFORM=offscreen "$root/.venv/bin/python" "$root/tools/render_map.py" --sidecar \
    "$out/current_pairwise.png" "$out/current_pairwise.tif:$root/resources/styles/current.qml" \
    "$demo/hunan_counties.gpkg" >/dev/null
QT_QPA_PLATFORM=offscreen "$root/.venv/bin/python" "$root/tools/render_map.py" --sidecar \
    "$out/current_omniscape.png" "$out/current_omniscape.tif:$root/resources/styles/current.qml" \
    "$demo/hunan_counties.gpkg" >/dev/null
outputs="$outputs current_pairwise.tif resistances_pairwise.out current_omniscape.tif"
echo
echo "Demo outputs (open them in QGIS; styles load with them):"
for f in $outputs; do
    echo "  $out/$f"
done
