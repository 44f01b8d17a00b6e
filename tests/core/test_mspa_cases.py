"""MSPA against the GuidosToolbox engine's own outputs (../shared/cases/mspa, see its INDEX.md).

The engine (miallib's mspa.c) was run on 20 maps at 32 settings, in v2.3 (GTB desktop and
GWB, the primary reference) and v2.4 (pyguidos 2.6.1 and later, another border frame).
Transition changes only the colours there, never the bytes: every ``<c>_<w>_0_<i>.tif``
equals ``<c>_<w>_1_<i>.tif``. Since espcore keeps the bytes too, every file is compared cell
for cell (``np.array_equal``, no re-coding) with ``mspa(..., engine=<version>)``: all 19
smaller maps at all 16 connectivity/edge-width/intext settings of both versions, and GWB's
1000 x 1000 example at the settings where its connectors differ most (edge width 1 and 5).
GWB's published result image for that example is checked as well.

GDAL reads the case rasters (skipped without it). The cases are looked for in
$ESP_MSPA_CASES, else shared/cases/mspa beside the checkout or any folder above; without them
the tests are skipped.
"""

import csv
import os

import numpy as np
import pytest

from espcore.sources.mspa import class_colours, mspa


def find_cases():
    if os.environ.get("ESP_MSPA_CASES"):
        return os.environ["ESP_MSPA_CASES"]
    folder = os.path.dirname(os.path.abspath(__file__))
    while True:
        candidate = os.path.join(folder, "shared", "cases", "mspa")
        if os.path.isdir(candidate) or os.path.dirname(folder) == folder:
            return candidate
        folder = os.path.dirname(folder)


CASES_DIR = find_cases()
ENGINES = ("v2.3", "v2.4")
SMALL_MAPS = ("square_holes", "two_squares_line", "dead_ends_2thick", "loop", "islets",
              "connectors_two_cores", "border_touch", "missing_holes", "composite",
              "two_squares_diagonal", "corridors_wide", "holes_intext", "random_p40_s1.0",
              "random_p47_s2.0", "random_p54_s1.5_miss", "random_p61_s0.8",
              "random_p68_s2.5_missblob", "random_p75_s1.2", "hunan_forest_r0_c100")
ALL_SETTINGS = [(conn, ew, intext) for conn in (8, 4) for ew in (1, 2, 3, 5)
                for intext in (0, 1)]
LARGE_SETTINGS = [(conn, ew, 1) for conn in (8, 4) for ew in (1, 5)]

SETTINGS = ([(engine, name, conn, ew, intext) for engine in ENGINES for name in SMALL_MAPS
             for conn, ew, intext in ALL_SETTINGS]
            + [(engine, "gwb_example", conn, ew, intext) for engine in ENGINES
               for conn, ew, intext in LARGE_SETTINGS])


def case_path(*parts):
    if not os.path.isdir(CASES_DIR):
        pytest.skip("MSPA reference cases not found at {0}".format(CASES_DIR))
    return os.path.join(CASES_DIR, *parts)


def read_byte_raster(path):
    gdal = pytest.importorskip("osgeo.gdal")
    dataset = gdal.Open(path)
    assert dataset is not None, path
    return dataset.GetRasterBand(1).ReadAsArray().astype(np.uint8)


_INPUTS: dict = {}


def read_input(name):
    if name not in _INPUTS:
        _INPUTS[name] = read_byte_raster(case_path(name, "inputs", "input.tif"))
    return _INPUTS[name]


def setting_file(engine, name, conn, ew, transition, intext):
    return "{0}/{1}/{2}_{3}_{4}_{5}.tif".format(name, engine, conn, ew, transition, intext)


def test_every_manifest_map_is_compared():
    path = case_path("MANIFEST.csv")
    with open(path, newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["map"] for row in rows} == set(SMALL_MAPS) | {"gwb_example"}
    files = {row["file"] for row in rows}
    for setting in SETTINGS:
        for transition in (0, 1):
            engine, name, conn, ew, intext = setting
            assert setting_file(engine, name, conn, ew, transition, intext) in files


@pytest.mark.parametrize("engine,name,conn,ew,intext", SETTINGS,
                         ids=["{0}-{1}-{2}_{3}_0_{4}".format(*s) for s in SETTINGS])
def test_the_engine_bytes_cell_for_cell(engine, name, conn, ew, intext):
    expected = read_byte_raster(case_path(setting_file(engine, name, conn, ew, 0, intext)))
    got = mspa(read_input(name), connectivity=conn, edge_width=ew, intext=bool(intext),
               engine=engine)
    if not np.array_equal(got, expected):
        share = float(np.mean(got == expected))
        pytest.fail("{0} {1} {2}_{3}_0_{4}: {5:.4%} of the cells identical".format(
            engine, name, conn, ew, intext, share))
    # Transition only changes colours: the engine's transition-1 file holds the same bytes.
    np.testing.assert_array_equal(read_byte_raster(case_path(
        setting_file(engine, name, conn, ew, 1, intext))), got)


def test_the_frames_differ_where_the_versions_do():
    # border_touch differs between the versions in every setting (INDEX.md): each version's
    # frame must give its own file, not the other's.
    guidos = read_input("border_touch")
    old = mspa(guidos, engine="v2.3")
    new = mspa(guidos, engine="v2.4")
    assert not np.array_equal(old, new)
    np.testing.assert_array_equal(
        new, read_byte_raster(case_path(setting_file("v2.4", "border_touch", 8, 1, 1, 1))))


#: Palette group of GWB's published example image -> the MSPA codes drawn in that colour.
PUBLISHED_GROUPS = {0: (3, 103), 1: (17, 117), 2: (0,), 3: (9, 109), 4: (1, 101),
                    5: (33, 35, 37, 133, 135, 137), 6: (220,), 7: (5, 105), 8: (100,),
                    9: (65, 67, 69, 165, 167, 169), 10: (129,)}


def test_gwb_published_example_image():
    groups = read_byte_raster(case_path("gwb_example", "inputs",
                                        "published_example_8_1_1_1_groups.tif"))
    got = mspa(read_input("gwb_example"))  # GTB's defaults: 8, edge width 1, intext on
    lookup = np.full(256, 255, dtype=np.uint8)
    for group, codes in PUBLISHED_GROUPS.items():
        lookup[list(codes)] = group
    np.testing.assert_array_equal(lookup[got], groups)
    # GWB's published statistics: foreground area and class shares in percent. GWB counts a
    # bridge or loop cell that crosses an edge (35, 67) or a perforation (37, 69) as edge or
    # perforation there.
    foreground = np.isin(got % 100, [1, 3, 5, 9, 17, 33, 35, 37, 65, 67, 69]) & (got != 129)
    assert int(foreground.sum()) == 428490
    shares = {"core": (17,), "islet": (9,), "perforation": (5, 37, 69),
              "edge": (3, 35, 67), "loop": (65,), "bridge": (33,), "branch": (1,)}
    published = {"core": 75.09, "islet": 3.26, "perforation": 2.17, "edge": 13.54,
                 "loop": 0.60, "bridge": 1.42, "branch": 3.93}
    for name, codes in shares.items():
        cells = int(np.isin(got[foreground] % 100, codes).sum())
        assert round(100.0 * cells / 428490, 2) == published[name], name


@pytest.mark.parametrize("transition", [0, 1])
def test_colours_are_the_engine_colour_table(transition):
    path = case_path("colormap_transition{0}.txt".format(transition))
    table = {}
    with open(path) as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                code, red, green, blue = (int(v) for v in line.split())
                table[code] = "#{0:02x}{1:02x}{2:02x}".format(red, green, blue)
    assert class_colours(bool(transition)) == table
