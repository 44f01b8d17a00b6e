"""The demo's pattern looks like a published provincial ESP (issue: a pattern planners recognise).

Published patterns at this scale (Chang-Zhu-Tan, SW Hubei, Henan, Tianjin, Kangbao; see the
method notes) have 20-50 sources on about 5-20 % of the area and 40-130 corridors. The chain
runs with the workflow's default source rules on the demo data, as `make demo` step 15 does,
and every figure is counted here from the written files.
"""

import os

import numpy as np
import pytest
from conftest import read_raster

DEMO = os.path.join(os.path.dirname(__file__), "..", "..", "resources", "demo")


def demo(name):
    return os.path.abspath(os.path.join(DEMO, name))


def rows(path):
    from osgeo import ogr

    source = ogr.Open(path)
    found = [feature.items() for feature in source.GetLayer(0)]
    source = None
    return found


@pytest.fixture(scope="module")
def demo_run(esp, tmp_path_factory):
    import processing

    folder = str(tmp_path_factory.mktemp("demo") / "workflow")
    # tools/demo.sh, step 15: the source rules are the defaults.
    processing.run("esp:securitypattern", {
        "LANDCOVER": demo("hunan_landcover.tif"), "UNITS": demo("hunan_counties.gpkg"),
        "UNIT_NAME_FIELD": "name", "GROUP_FIELD": "pref_name",
        "THREATS_TABLE": demo("hunan_threats.csv"),
        "SENSITIVITY_TABLE": demo("hunan_sensitivity.csv"), "HALF_SATURATION": 0.2,
        "CORRECTION": demo("hunan_ntl.tif"), "NEAREST": 4, "CORRIDOR_WIDTH": 30000,
        "PINCH_WIDTH": 10000, "MIN_RADIUS": 2000, "MAX_RADIUS": 6000, "STEP": 2000,
        "BUFFER": 1000, "BREAK_CLASSES": "8", "REPORT_LANGUAGE": 1, "OUTPUT_FOLDER": folder})
    return folder


def province_cells():
    landcover, _info = read_raster(demo("hunan_landcover.tif"))
    return np.count_nonzero(np.isfinite(landcover))


def test_sources_are_tens_of_patches_on_a_plausible_share_of_the_province(demo_run):
    sources = rows(os.path.join(demo_run, "sources.gpkg"))
    assert 20 <= len(sources) <= 60
    ids, _info = read_raster(os.path.join(demo_run, "source_ids.tif"))
    assert set(np.unique(ids[ids > 0])) == {row["source_id"] for row in sources}
    share = np.count_nonzero(ids > 0) / province_cells()  # 1 km² cells
    assert 0.05 <= share <= 0.25


def test_corridors_number_in_the_published_range(demo_run):
    links = rows(os.path.join(demo_run, "corridor_links.gpkg"))
    active = [link for link in links if link["Active"] == 1]
    assert 40 <= len(active) <= 150


def test_every_kind_of_key_area_has_every_level(demo_run):
    kinds = {}
    for area in rows(os.path.join(demo_run, "key_areas.gpkg")):
        kinds.setdefault(area["kind"], set()).add(area["level"])
    assert {"Pinch point", "Barrier", "Corridor"} <= set(kinds)
    assert all(levels == {1, 2, 3} for levels in kinds.values()), kinds


def test_the_restoration_zone_covers_at_least_one_percent(demo_run):
    zones, _info = read_raster(os.path.join(demo_run, "zones.tif"))
    restoration = 2  # espcore.zoning.zones.RESTORATION
    assert np.count_nonzero(zones == restoration) / province_cells() >= 0.01
