#!/usr/bin/env bash
# `make demo`: runs the toolkit through qgis_process (the batch route) on the Hunan
# demonstration data in resources/demo/ and writes the outputs to the folder given (default
# demo_output/). Later steps of the ESP chain are added here as they land.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mkdir -p "${1:-demo_output}" && cd "${1:-demo_output}" && pwd)"
demo="$root/resources/demo"
qp() { "$root/tools/qgis_process.sh" run "$@"; }

echo "== 1/17 MSPA: forest, shrub and grassland as foreground (8-connected, 1-cell edge)"
qp esp:mspa -- \
    INPUT="$demo/hunan_landcover.tif" FOREGROUND_CLASSES=2,3,4 CONNECTIVITY=0 EDGE_WIDTH=1 \
    OUTPUT="$out/mspa.tif" OUTPUT_TABLE="$out/mspa_classes.csv"

echo "== 2/17 Habitat quality (InVEST): cropland and urban land as threats"
# Semantics: InVEST 3.13 and later (the default; the tables are km with LULC, read as such).
# k = 0.2: the InVEST guide advises half the highest degradation of a first run (0.53 here, so
# about 0.27); 0.2 is kept as the study's fixed value, the same in every scenario.
qp esp:habitatquality -- \
    LANDCOVER="$demo/hunan_landcover.tif" THREATS_TABLE="$demo/hunan_threats.csv" \
    SENSITIVITY_TABLE="$demo/hunan_sensitivity.csv" HALF_SATURATION=0.2 \
    DEGRADATION="$out/degradation.tif" QUALITY="$out/habitat_quality.tif"

echo "== 3/17 Ecological sources: high-quality MSPA core >= 30 km2, the 40 most important by dPC"
# Candidates: MSPA core cells in the top of 5 natural-breaks classes of habitat quality (the
# demo's forests are contiguous, and core alone makes a few giant sources); dPC with
# d0 = 10 km at p0 = 0.5 (Conefor practice).
qp esp:extractsources -- \
    INPUT="$out/mspa.tif" VALUES=17,117 QUALITY="$out/habitat_quality.tif" QUALITY_CLASSES=5 \
    MIN_AREA=30 DISTANCE=10000 PROBABILITY_PRESET=0 MIN_DPC=0.5 TOP_N=40 \
    OUTPUT="$out/sources.gpkg" SOURCE_IDS="$out/source_ids.tif"

echo "== 4/17 Resistance from land cover (CLCD preset, 1-1000 scale)"
qp esp:resistancesurface -- \
    INPUT="$demo/hunan_landcover.tif" PRESET=0 \
    OUTPUT="$out/resistance_landcover.tif"

echo "== 5/17 Land-cover resistance corrected by night-time light"
# Brightly lit cells resist more than the average cell of their class: the usual correction of
# Chinese ESP studies, R' = (NTL / mean NTL of the class) x R_class, ratio clipped to [0.1, 10].
qp esp:resistancesurface -- \
    INPUT="$demo/hunan_landcover.tif" PRESET=0 \
    CORRECTION="$demo/hunan_ntl.tif" RATIO_MIN=0.1 RATIO_MAX=10 \
    OUTPUT="$out/resistance_ntl.tif"

echo "== 6/17 Weighted overlay: corrected land-cover resistance (0.8) and elevation (0.2)"
# Elevation is rescaled to the table's 1-1000 range; direction '+': higher ground costs more.
qp esp:resistancesurface -- \
    INPUT="$demo/hunan_landcover.tif" PRESET=0 CORRECTION="$demo/hunan_ntl.tif" \
    FACTORS="$demo/hunan_dem.tif" LANDCOVER_WEIGHT=0.8 FACTOR_WEIGHTS=0.2 \
    FACTOR_DIRECTIONS=+ \
    OUTPUT="$out/resistance_factors.tif"

echo "== 7/17 Circuit connectivity: pairwise current between the sources (Circuitscape)"
# The demo's sources are large (1 km cells), and shorted focal regions would carry most of the
# current themselves; one point inside each source (QGIS's own algorithm) keeps the map on
# the corridors between them. The matrix holds the 780 effective resistances.
qp native:pointonsurface -- INPUT="$out/sources.gpkg" ALL_PARTS=false \
    OUTPUT="$out/source_points.gpkg"
qp esp:circuitscape -- \
    INPUT="$out/resistance_ntl.tif" FOCAL_FEATURES="$out/source_points.gpkg" \
    FOCAL_ID_FIELD=source_id CUMULATIVE="$out/current_pairwise.tif" \
    RESISTANCE_MATRIX="$out/resistances_pairwise.out"

echo "== 8/17 Omnidirectional current (Omniscape): every forest, shrub and grass cell a source"
# Sources from the resistance (1/R) where R <= 50; a 20-cell (20 km) window on 5x5 blocks.
qp esp:omniscape -- \
    INPUT="$out/resistance_ntl.tif" SOURCE_FROM_RESISTANCE=true R_CUTOFF=50 \
    RADIUS=20 BLOCK_SIZE=5 WORKERS=0 CUMULATIVE="$out/current_omniscape.tif"

echo "== 9/17 Linkage pathways: least-cost corridors between the sources (Linkage Mapper)"
# Each source keeps its 4 nearest neighbours by cost; corridors up to 30,000 cost units wide
# (30 km of land at resistance 1).
qp esp:linkagepathways -- \
    SOURCES="$out/sources.gpkg" SOURCE_ID_FIELD=source_id RESISTANCE="$out/resistance_ntl.tif" \
    NEAREST=4 TRUNCATE=30000 OUTPUT="$out/corridor_links.gpkg" CORRIDORS="$out/corridors.tif"

echo "== 10/17 Pinch points: current through each corridor, 10,000 cost units wide (Pinchpoint Mapper)"
# Adjacent pairs plus the all-to-one run over the whole corridor network; Jenks, 5 classes.
qp esp:pinchpoints -- \
    SOURCES="$out/sources.gpkg" SOURCE_ID_FIELD=source_id RESISTANCE="$out/resistance_ntl.tif" \
    LINKS="$out/corridor_links.gpkg" CUTOFF=10000 MODE=2 OUTPUT="$out/pinchpoints.tif" \
    NETWORK_OUTPUT="$out/pinchpoints_network.tif" CLASSIFIED="$out/pinchpoint_classes.tif" \
    OUTPUT_LINKS="$out/corridor_links_pinch.gpkg"

echo "== 11/17 Barriers: improvement score for circles of 2, 4 and 6 km (Barrier Mapper)"
qp esp:barriers -- \
    SOURCES="$out/sources.gpkg" SOURCE_ID_FIELD=source_id RESISTANCE="$out/resistance_ntl.tif" \
    LINKS="$out/corridor_links.gpkg" MIN_RADIUS=2000 MAX_RADIUS=6000 STEP=2000 \
    OUTPUT="$out/barriers.tif" CLASSIFIED="$out/barrier_classes.tif"

echo "== 12/17 Current-flow centrality of the sources and corridors (Centrality Mapper)"
qp esp:centrality -- \
    LINKS="$out/corridor_links.gpkg" SOURCES="$out/sources.gpkg" SOURCE_ID_FIELD=source_id \
    OUTPUT_LINKS="$out/corridor_centrality.gpkg" OUTPUT_SOURCES="$out/source_centrality.gpkg"

echo "== 13/17 Restoration zoning: conservation, restoration, improvement and control zones"
# Corridors: NLCC up to 10,000 cost units plus 1 km around the least-cost paths; pinch points,
# barriers and degraded land (habitat quality) by the top (bottom) Jenks class of 5;
# breakpoints where the paths cross built-up land (CLCD class 8).
qp esp:restorationzoning -- \
    SOURCES="$out/sources.gpkg" SOURCE_ID_FIELD=source_id RESISTANCE="$out/resistance_ntl.tif" \
    CORRIDORS="$out/corridors.tif" CORRIDOR_WIDTH=10000 LINKS="$out/corridor_links.gpkg" \
    BUFFER=1000 PINCHPOINTS="$out/pinchpoints.tif" BARRIERS="$out/barriers.tif" \
    QUALITY="$out/habitat_quality.tif" BREAK_LAYER="$demo/hunan_landcover.tif" BREAK_CLASSES=8 \
    OUTPUT="$out/zones.tif" ZONE_POLYGONS="$out/zone_polygons.gpkg" \
    KEY_AREAS="$out/key_areas.gpkg" STATISTICS="$out/zoning_statistics.csv"

echo "== 14/17 Collaborative zoning: the 122 counties' ledger, matrix, zones and account"
qp esp:collaborativezoning -- \
    UNITS="$demo/hunan_counties.gpkg" UNIT_NAME_FIELD=name GROUP_FIELD=pref_name \
    SOURCES="$out/sources.gpkg" SOURCE_ID_FIELD=source_id RESISTANCE="$out/resistance_ntl.tif" \
    LINKS="$out/corridor_links.gpkg" ZONES="$out/zones.tif" KEY_AREAS="$out/key_areas.gpkg" \
    MIN_RADIUS=2000 MAX_RADIUS=6000 STEP=2000 \
    OUTPUT="$out/county_ledger.gpkg" CROSS_LINKS="$out/cross_boundary_links.gpkg" \
    MATRIX="$out/county_matrix.csv" SHARES="$out/element_shares.csv" \
    ACCOUNT="$out/restoration_account.csv"

echo "== 15/17 The whole chain in one algorithm (esp:securitypattern), with the report"
# The same settings as steps 1-14 (the source rules are the workflow's defaults), from land
# cover to the county ledger, into one folder; the report is written at the end.
qp esp:securitypattern -- \
    LANDCOVER="$demo/hunan_landcover.tif" UNITS="$demo/hunan_counties.gpkg" \
    UNIT_NAME_FIELD=name GROUP_FIELD=pref_name THREATS_TABLE="$demo/hunan_threats.csv" \
    SENSITIVITY_TABLE="$demo/hunan_sensitivity.csv" HALF_SATURATION=0.2 \
    CORRECTION="$demo/hunan_ntl.tif" NEAREST=4 CORRIDOR_WIDTH=30000 \
    PINCH_WIDTH=10000 MIN_RADIUS=2000 MAX_RADIUS=6000 STEP=2000 BUFFER=1000 BREAK_CLASSES=8 \
    REPORT_LANGUAGE=1 OUTPUT_FOLDER="$out/workflow"

echo "== 16/17 Restoration scenarios: the key areas ranked by connectivity gained per cost"
# Barriers, breakpoints and degraded land as candidate sites, restored with the CLCD default
# actions; a budget of 5 x 10^7 CNY (5,000 x 10^4), which buys some of the sites that gain;
# each county's cost, benefit and transfers.
qp esp:restorationscenarios -- \
    RESISTANCE="$out/resistance_ntl.tif" SOURCES="$out/sources.gpkg" SOURCE_ID_FIELD=source_id \
    LINKS="$out/corridor_links_pinch.gpkg" SITES="$out/key_areas.gpkg" \
    LANDCOVER="$demo/hunan_landcover.tif" CURRENT="$out/current_pairwise.tif" BUDGET=5000 \
    BAND=10000 CUTOFF=10000 UNITS="$demo/hunan_counties.gpkg" UNIT_NAME_FIELD=name \
    GROUP_FIELD=pref_name OUTPUT="$out/restoration_sites.gpkg" CURVE="$out/gain_curve.csv" \
    CHART="$out/gain_curve.png" RESTORED="$out/restored_resistance.tif" \
    LEDGER="$out/compensation.gpkg" TRANSFERS="$out/transfers.csv"

echo "== 17/17 2035 against 2020: towns grown along the Xiang, the chain run on both and compared"
# Only the land cover differs between the two runs: no habitat quality and no night-light
# correction, whose threat and light rasters describe 2020. The 2035 run compares itself with
# the 2020 one (esp:compareesp inside the chain) and its report gets an Effectiveness chapter.
for year in 2020 2035; do
    cover="$demo/hunan_landcover.tif"
    compare=()
    if [ "$year" = 2035 ]; then
        cover="$demo/hunan_landcover_2035.tif"
        compare=(COMPARE_WITH="$out/workflow_2020")
    fi
    qp esp:securitypattern -- \
        LANDCOVER="$cover" UNITS="$demo/hunan_counties.gpkg" UNIT_NAME_FIELD=name \
        GROUP_FIELD=pref_name NEAREST=4 CORRIDOR_WIDTH=30000 PINCH_WIDTH=10000 \
        MIN_RADIUS=2000 MAX_RADIUS=6000 STEP=2000 BUFFER=1000 BREAK_CLASSES=8 \
        REPORT_LANGUAGE=1 "${compare[@]}" OUTPUT_FOLDER="$out/workflow_$year"
done

outputs="resistance_landcover.tif resistance_ntl.tif resistance_factors.tif"
for f in $outputs; do
    cp "$root/resources/styles/resistance.qml" "$out/${f%.tif}.qml"
done
# qgis_process does not style its outputs; the same styles go beside the files instead.
styles="$root/resources/styles"
cp "$styles/mspa.qml" "$out/mspa.qml"
cp "$styles/habitat_quality.qml" "$out/habitat_quality.qml"
cp "$styles/sources.qml" "$out/sources.qml"
QT_QPA_PLATFORM=offscreen "$root/.venv/bin/python" "$root/tools/render_map.py" \
    "$out/mspa.png" "$out/mspa.tif:$styles/mspa.qml" "$demo/hunan_counties.gpkg" >/dev/null
QT_QPA_PLATFORM=offscreen "$root/.venv/bin/python" "$root/tools/render_map.py" \
    "$out/sources.png" "$out/habitat_quality.tif:$styles/habitat_quality.qml" \
    "$demo/hunan_counties.gpkg" "$out/sources.gpkg:$styles/sources.qml" >/dev/null
QT_QPA_PLATFORM=offscreen "$root/.venv/bin/python" "$root/tools/render_map.py" --sidecar \
    "$out/degradation.png" "$out/degradation.tif:$styles/degradation.qml" \
    "$demo/hunan_counties.gpkg" >/dev/null
# The current style's colours are spread over this map's own range and saved beside it.
QT_QPA_PLATFORM=offscreen "$root/.venv/bin/python" "$root/tools/render_map.py" --sidecar \
    "$out/current_pairwise.png" "$out/current_pairwise.tif:$root/resources/styles/current.qml" \
    "$demo/hunan_counties.gpkg" >/dev/null
QT_QPA_PLATFORM=offscreen "$root/.venv/bin/python" "$root/tools/render_map.py" --sidecar \
    "$out/current_omniscape.png" "$out/current_omniscape.tif:$root/resources/styles/current.qml" \
    "$demo/hunan_counties.gpkg" >/dev/null
# Corridors: NLCC (green) with the least-cost paths, then the graded pinch points and barriers
# (their class styles are written beside the rasters).
cp "$styles/links.qml" "$out/corridor_links.qml"
cp "$styles/centrality_links.qml" "$out/corridor_centrality.qml"
QT_QPA_PLATFORM=offscreen "$root/.venv/bin/python" "$root/tools/render_map.py" --sidecar \
    "$out/corridors.png" "$out/corridors.tif:$styles/corridors.qml" \
    "$demo/hunan_counties.gpkg" "$out/sources.gpkg:$styles/sources.qml" \
    "$out/corridor_links.gpkg:$styles/links.qml" >/dev/null
for graded in pinchpoint_classes barrier_classes; do
    QT_QPA_PLATFORM=offscreen "$root/.venv/bin/python" "$root/tools/render_map.py" \
        "$out/$graded.png" "$demo/hunan_counties.gpkg" "$out/sources.gpkg:$styles/sources.qml" \
        "$out/corridor_links.gpkg:$styles/links.qml" "$out/$graded.tif" >/dev/null
done
# Zoning: the zones with the graded key areas, then the counties by collaboration zone with
# the sources and corridors (the zoning tools write their styles beside their outputs).
QT_QPA_PLATFORM=offscreen "$root/.venv/bin/python" "$root/tools/render_map.py" \
    "$out/zones.png" "$out/zones.tif" "$demo/hunan_counties.gpkg" "$out/key_areas.gpkg" >/dev/null
QT_QPA_PLATFORM=offscreen "$root/.venv/bin/python" "$root/tools/render_map.py" \
    "$out/collaboration.png" "$out/county_ledger.gpkg" "$out/sources.gpkg:$styles/sources.qml" \
    "$out/corridor_links.gpkg:$styles/links.qml" >/dev/null
outputs="mspa.tif mspa_classes.csv habitat_quality.tif degradation.tif sources.gpkg
source_ids.tif source_points.gpkg $outputs current_pairwise.tif resistances_pairwise.out current_omniscape.tif
corridor_links.gpkg corridors.tif pinchpoints.tif pinchpoints_network.tif pinchpoint_classes.tif
corridor_links_pinch.gpkg barriers.tif barrier_classes.tif corridor_centrality.gpkg source_centrality.gpkg
zones.tif zone_polygons.gpkg key_areas.gpkg zoning_statistics.csv county_ledger.gpkg
cross_boundary_links.gpkg county_matrix.csv element_shares.csv restoration_account.csv
restoration_sites.gpkg gain_curve.csv gain_curve.png restored_resistance.tif compensation.gpkg
transfers.csv"
echo
echo "One-stop run (esp:securitypattern): every product in $out/workflow/, the report in"
echo "  $out/workflow/report.html"
echo "2035 compared with 2020: $out/workflow_2035/comparison.gpkg, the report in"
echo "  $out/workflow_2035/report.html (chapter Effectiveness)"
echo "Demo outputs (open them in QGIS; styles load with them):"
for f in $outputs; do
    echo "  $out/$f"
done
