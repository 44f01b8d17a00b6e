"""esp:mspa through processing.run: land-cover and 0/1/2 routes, table, NoData, errors, style."""

import os

import numpy as np
import processing
import pytest
from conftest import CancelAtOnce, read_raster, write_raster
from qgis.core import QgsProcessingException, QgsRasterLayer

ALG = "esp:mspa"

# Land cover (CLCD-like codes): 1 cropland, 2 forest, 4 grassland, 8 impervious.
LANDCOVER = np.array([
    [1, 1, 1, 1, 1, 1, 1, 1, 1],
    [1, 8, 1, 1, 1, 1, 1, 8, 1],
    [1, 1, 2, 2, 4, 2, 2, 1, 1],
    [1, 1, 2, 2, 2, 2, 4, 1, 1],
    [1, 1, 4, 2, 2, 2, 2, 1, 1],
    [1, 1, 2, 2, 2, 4, 2, 1, 1],
    [1, 1, 2, 4, 2, 2, 2, 1, 1],
    [1, 8, 1, 1, 1, 1, 1, 1, 1],
    [1, 1, 1, 1, 1, 1, 1, 1, 1]], dtype=np.int32)
# Forest + grassland form a 5 x 5 square: with 8-connectivity and edge width 1 a cell is
# core when none of its 8 neighbours is background (the inner 3 x 3), the ring is edge.
SQUARE_CLASSES = np.zeros((9, 9))
SQUARE_CLASSES[2:7, 2:7] = 3
SQUARE_CLASSES[3:6, 3:6] = 17


def run(params):
    params = dict(params)
    params.setdefault("OUTPUT", "TEMPORARY_OUTPUT")
    params.setdefault("OUTPUT_TABLE", "TEMPORARY_OUTPUT")
    return processing.run(ALG, params)


def is_null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull())


def rows_of(table):
    names = table.fields().names()
    return {f["code"]: dict(zip(names, f.attributes())) for f in table.getFeatures()}


def test_classes_from_land_cover(esp, tmp_path):
    path = write_raster(tmp_path / "lc.tif", LANDCOVER, nodata=-1)
    result = run({"INPUT": path, "FOREGROUND_CLASSES": "2, 4"})
    codes, info = read_raster(result["OUTPUT"])
    np.testing.assert_array_equal(codes, SQUARE_CLASSES)
    assert info["dtype"] == "Byte" and info["nodata"] == 255
    assert info["geotransform"] == (500000.0, 100.0, 0.0, 3000000.0, 0.0, -100.0)
    # A range gives the same foreground (2, 3, 4; class 3 does not occur).
    again, _ = read_raster(run({"INPUT": path, "FOREGROUND_CLASSES": "2-4"})["OUTPUT"])
    np.testing.assert_array_equal(again, SQUARE_CLASSES)


def test_class_table(esp, tmp_path):
    path = write_raster(tmp_path / "lc.tif", LANDCOVER)
    rows = rows_of(run({"INPUT": path, "FOREGROUND_CLASSES": "2,4"})["OUTPUT_TABLE"])
    assert set(rows) == {0, 3, 17}
    assert sum(row["cells"] for row in rows.values()) == 81
    # 100 m cells: 0.01 km2 each. Core 9 of 25 foreground cells, 9 of 81 data cells.
    assert rows[17]["cells"] == 9 and rows[17]["class"] == "Core"
    assert rows[17]["area_km2"] == pytest.approx(0.09)
    assert rows[17]["pct_foreground"] == pytest.approx(36.0)
    assert rows[17]["pct_data"] == pytest.approx(100 * 9 / 81)
    assert rows[3]["cells"] == 16 and rows[3]["pct_foreground"] == pytest.approx(64.0)
    assert rows[0]["cells"] == 56 and is_null(rows[0]["pct_foreground"])


def test_areas_in_a_geographic_crs_use_the_cell_area_on_the_ellipsoid(esp, tmp_path):
    import math

    # 0.001 degree cells whose top edge is at 27.009 N: on a sphere of radius 6371 km one
    # cell at the raster's centre (27.0045 N) is R^2 * dlon * (sin(lat2) - sin(lat1)).
    path = write_raster(tmp_path / "lc.tif", LANDCOVER, crs="EPSG:4326",
                        origin=(112.0, 27.009), cell=0.001)
    rows = rows_of(run({"INPUT": path, "FOREGROUND_CLASSES": "2,4"})["OUTPUT_TABLE"])
    lat1, lat2 = math.radians(27.0045 - 0.0005), math.radians(27.0045 + 0.0005)
    cell = 6371.0 ** 2 * math.radians(0.001) * (math.sin(lat2) - math.sin(lat1))
    assert rows[17]["area_km2"] == pytest.approx(9 * cell, rel=0.01)


def test_coded_raster_with_nodata_gives_missing(esp, tmp_path):
    guidos = np.where(SQUARE_CLASSES > 0, 2, 1).astype(np.uint8)
    guidos[0, 0] = 255  # NoData
    guidos[8, 8] = 0  # GuidosToolbox's own "missing"
    path = write_raster(tmp_path / "g.tif", guidos, nodata=255)
    result = run({"INPUT": path})
    codes, _ = read_raster(result["OUTPUT"])
    expected = SQUARE_CLASSES.copy()
    expected[0, 0] = expected[8, 8] = 129
    np.testing.assert_array_equal(codes, expected)
    rows = rows_of(result["OUTPUT_TABLE"])
    assert rows[129]["cells"] == 2 and is_null(rows[129]["pct_data"])
    assert rows[0]["pct_data"] == pytest.approx(100 * 54 / 79)


def test_edge_width_connectivity_and_switches_reach_the_core(esp, tmp_path):
    # A 9 x 9 forest square with a one-cell hole in its centre.
    guidos = np.ones((11, 11), np.uint8)
    guidos[1:10, 1:10] = 2
    guidos[5, 5] = 1
    path = write_raster(tmp_path / "g.tif", guidos)
    codes, _ = read_raster(run({"INPUT": path})["OUTPUT"])
    # EW 1: the hole's neighbours are perforation inside a core opening (105), the hole
    # itself background inside the opening (100).
    assert codes[5, 5] == 100 and codes[4, 4] == 105 and codes[2, 2] == 17
    codes, _ = read_raster(run({"INPUT": path, "INTEXT": False})["OUTPUT"])
    assert codes[5, 5] == 0 and codes[4, 4] == 5
    # EW 3: core needs 4 cells to the outside and to the hole: none is left, all islet.
    codes, _ = read_raster(run({"INPUT": path, "EDGE_WIDTH": 3, "CONNECTIVITY": 1})["OUTPUT"])
    assert (codes[guidos == 2] == 9).all() and codes[5, 5] == 220


def test_border_frame_choice(esp, tmp_path):
    # A 5 x 5 forest block in the bottom-right corner. GTB desktop / GWB (v2.3) leave the
    # frame's corner empty, so the map's corner cell sees background diagonally and is edge;
    # pyguidos (v2.4) fills the corner with the corner cell's value, so it is core.
    guidos = np.ones((12, 12), np.uint8)
    guidos[7:, 7:] = 2
    path = write_raster(tmp_path / "corner.tif", guidos)
    old, _ = read_raster(run({"INPUT": path})["OUTPUT"])
    new, _ = read_raster(run({"INPUT": path, "ENGINE": 1})["OUTPUT"])
    assert old[11, 11] == 3 and new[11, 11] == 17
    assert old[10, 10] == new[10, 10] == 17 and old[7, 7] == new[7, 7] == 3


def test_bad_inputs_are_explained(esp, tmp_path):
    landcover = write_raster(tmp_path / "lc.tif", LANDCOVER)
    out = tmp_path / "out.tif"
    with pytest.raises(QgsProcessingException, match=r"None of the foreground classes \(5, 7\)"):
        run({"INPUT": landcover, "FOREGROUND_CLASSES": "5,7", "OUTPUT": str(out)})
    # No class list: the raster must be coded 0/1/2, and 4 and 8 are not.
    with pytest.raises(QgsProcessingException, match="0 missing, 1 background, 2 foreground"):
        run({"INPUT": landcover, "OUTPUT": str(out)})
    with pytest.raises(QgsProcessingException, match="class codes separated by commas"):
        run({"INPUT": landcover, "FOREGROUND_CLASSES": "forest", "OUTPUT": str(out)})
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out")]



def test_cancel_leaves_no_output(esp, tmp_path):
    path = write_raster(tmp_path / "lc.tif", LANDCOVER)
    out = tmp_path / "out.tif"
    with pytest.raises(QgsProcessingException, match="cancelled"):
        processing.run(ALG, {"INPUT": path, "FOREGROUND_CLASSES": "2,4", "OUTPUT": str(out)},
                       feedback=CancelAtOnce())
    assert not out.exists()


def test_style_is_paletted_with_every_class(esp, tmp_path):
    from esp_toolkit.algorithms.base import STYLE_DIR
    from esp_toolkit.espcore.sources.mspa import MSPA_CLASSES

    path = write_raster(tmp_path / "lc.tif", LANDCOVER)
    result = run({"INPUT": path, "FOREGROUND_CLASSES": "2,4"})
    layer = QgsRasterLayer(result["OUTPUT"], "mspa")
    message, ok = layer.loadNamedStyle(os.path.join(STYLE_DIR, "mspa.qml"))
    assert ok, message
    renderer = layer.renderer()
    assert renderer.type() == "paletted"
    palette = {c.value: c for c in renderer.classes()}
    assert sorted(palette) == sorted(code for code, _n, _c in MSPA_CLASSES)
    for code, _name, colour in MSPA_CLASSES:
        assert palette[code].color.name() == colour
    assert palette[17].label.endswith("Core")


# Two 5 x 5 squares joined by a one-cell line: the line is a bridge (33) and crosses each
# square's edge ring at one cell, bridge in edge (35).
TWO_SQUARES = np.ones((7, 17), np.uint8)
TWO_SQUARES[1:6, 1:6] = TWO_SQUARES[1:6, 11:16] = 2
TWO_SQUARES[3, 6:11] = 2


def _loaded_style(tmp_path, transition):
    """Run esp:mspa with its output loaded on completion; (codes, layer styled by the
    post-processor, style path)."""
    from qgis.core import (
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProcessingOutputLayerDefinition,
        QgsProject,
    )

    path = write_raster(tmp_path / "g.tif", TWO_SQUARES)
    out = str(tmp_path / "mspa_{0}.tif".format(int(transition)))
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    result = processing.run(ALG, {"INPUT": path, "TRANSITION": transition,
                                  "OUTPUT": QgsProcessingOutputLayerDefinition(
                                      out, QgsProject.instance()),
                                  "OUTPUT_TABLE": "TEMPORARY_OUTPUT"}, context=context)
    codes, _ = read_raster(result["OUTPUT"])
    details = context.layersToLoadOnCompletion()[result["OUTPUT"]]
    processor = details.postProcessor()
    assert processor is not None
    layer = QgsRasterLayer(result["OUTPUT"], "mspa")
    processor.postProcessLayer(layer, context, QgsProcessingFeedback())
    return codes, layer, processor.qml_path, result


def test_transition_off_keeps_the_codes_and_draws_them_as_edge(esp, tmp_path):
    from esp_toolkit.espcore.sources.mspa import class_colours

    on, layer_on, style_on, _ = _loaded_style(tmp_path, True)
    off, layer_off, style_off, result = _loaded_style(tmp_path, False)
    # GTB: transition changes colours, not bytes.
    np.testing.assert_array_equal(off, on)
    assert off[3, 5] == off[3, 11] == 35 and (off[3, 6:11] == 33).all()
    assert os.path.basename(style_on) == "mspa.qml"
    assert os.path.basename(style_off) == "mspa_transition0.qml"
    colours_on = {c.value: c.color.name() for c in layer_on.renderer().classes()}
    colours_off = {c.value: c.color.name() for c in layer_off.renderer().classes()}
    # GTB's colour table for transition = 0: bridge / loop in edge drawn black like edge,
    # in perforation blue like perforation; every other class as with transition on.
    assert colours_off == class_colours(False)
    assert colours_on == class_colours(True)
    for code in (35, 67, 135, 167):
        assert colours_off[code] == colours_off[3] == "#000000"
    for code in (37, 69, 137, 169):
        assert colours_off[code] == colours_off[5] == "#0000ff"
    assert colours_on[35] == colours_on[33] == "#ff0000"
    assert colours_on[67] == colours_on[65] == "#ffff00"
    assert {k: v for k, v in colours_off.items() if k not in (35, 37, 67, 69, 135, 137, 167,
                                                               169)} == \
        {k: v for k, v in colours_on.items() if k not in (35, 37, 67, 69, 135, 137, 167, 169)}
    # The table lists the transition cells under their own code and name.
    rows = rows_of(result["OUTPUT_TABLE"])
    assert rows[35]["cells"] == 2 and rows[35]["class"] == "Bridge in edge"
    assert rows[33]["cells"] == 5 and rows[3]["cells"] == 30
    assert rows[3]["pct_foreground"] == pytest.approx(100 * 30 / 55)


def test_transition_styles_differ_only_in_the_transition_colours():
    from esp_toolkit.algorithms.base import STYLE_DIR

    def entries(name):
        import re

        with open(os.path.join(STYLE_DIR, name)) as handle:
            text = handle.read()
        return dict(re.findall(r'<paletteEntry value="(\d+)" ([^/]*)/>', text))

    on, off = entries("mspa.qml"), entries("mspa_transition0.qml")
    assert sorted(on) == sorted(off)
    differing = {int(code) for code in on if on[code] != off[code]}
    assert differing == {35, 37, 67, 69, 135, 137, 167, 169}
