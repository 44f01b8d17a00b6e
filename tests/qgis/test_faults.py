"""Bad input and faults, by class (issue "nothing lost, nothing overwritten, no traceback").

Each test asserts that the message says what to change and that no input file changed
(SHA-256 before and after) and no output was left behind.
"""

import contextlib
import hashlib
import os

import numpy as np
import processing
import pytest
from conftest import Recorder, write_raster
from qgis.core import (
    QgsCoordinateTransformContext,
    QgsProcessingException,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from test_linkagepathways import landscape, source_polygons


@contextlib.contextmanager
def refused(match):
    """pytest.raises(QgsProcessingException, match=...) that also rejects a traceback."""
    with pytest.raises(QgsProcessingException, match=match) as info:
        yield info
    assert "Traceback" not in str(info.value), str(info.value)


def digest(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def forest(tmp_path):
    values = np.ones((12, 12), np.uint8)
    values[2:10, 2:10] = 2
    return write_raster(tmp_path / "forest.tif", values, dtype="uint8")


def sources_file(tmp_path):
    """The linkage-pathways test sources as a GeoPackage file."""
    ids, resistance = landscape()
    path = str(tmp_path / "sources.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(
        source_polygons(ids), path, QgsCoordinateTransformContext(), options)[0]
    assert error == 0  # QgsVectorFileWriter's NoError
    resistance_path = write_raster(tmp_path / "r.tif", resistance, nodata=-1)
    return path, resistance_path


# ----------------------------------------------------- 1. output = input overwrites it ----

def test_raster_output_onto_its_input_is_refused(esp, tmp_path):
    path = forest(tmp_path)
    before = digest(path)
    with refused("would overwrite the input"):
        processing.run("esp:mspa", {"INPUT": path, "OUTPUT": path,
                                    "OUTPUT_TABLE": "TEMPORARY_OUTPUT"})
    assert digest(path) == before


def test_table_output_onto_an_input_raster_is_refused(esp, tmp_path):
    path = forest(tmp_path)
    before = digest(path)
    out = str(tmp_path / "mspa.tif")
    with refused("would overwrite the input"):
        processing.run("esp:mspa", {"INPUT": path, "OUTPUT": out, "OUTPUT_TABLE": path})
    assert digest(path) == before and not os.path.exists(out)


def test_vector_output_onto_the_source_polygons_is_refused(esp, tmp_path):
    sources, resistance = sources_file(tmp_path)
    before = digest(sources)
    corridors = str(tmp_path / "corridors.tif")
    with refused("would overwrite the input"):
        processing.run("esp:linkagepathways", {
            "SOURCES": sources, "SOURCE_ID_FIELD": "source_id", "RESISTANCE": resistance,
            "OUTPUT": sources, "CORRIDORS": corridors})
    assert digest(sources) == before and not os.path.exists(corridors)
    layer = QgsVectorLayer(sources, "s", "ogr")
    assert layer.isValid() and layer.featureCount() == 3


def test_same_file_through_another_spelling_is_refused(esp, tmp_path):
    path = forest(tmp_path)
    os.makedirs(tmp_path / "sub")
    other = os.path.join(str(tmp_path), "sub", "..", "forest.tif")
    with refused("would overwrite the input"):
        processing.run("esp:mspa", {"INPUT": path, "OUTPUT": other,
                                    "OUTPUT_TABLE": "TEMPORARY_OUTPUT"})


# ------------------------------------- 3. unwritable destinations, found before the work ----

def test_output_under_a_file_is_refused_before_any_work(esp, tmp_path):
    path = forest(tmp_path)
    blocker = tmp_path / "not_a_folder.txt"
    blocker.write_text("x")
    table = str(tmp_path / "classes.csv")
    with refused("cannot be written"):
        processing.run("esp:mspa", {"INPUT": path,
                                    "OUTPUT": str(blocker / "mspa.tif"),
                                    "OUTPUT_TABLE": table})
    assert not os.path.exists(table)


def test_output_that_is_a_folder_is_refused(esp, tmp_path):
    path = forest(tmp_path)
    folder = tmp_path / "out.tif"
    folder.mkdir()
    with refused("cannot be written"):
        processing.run("esp:mspa", {"INPUT": path, "OUTPUT": str(folder),
                                    "OUTPUT_TABLE": "TEMPORARY_OUTPUT"})


def test_output_in_a_new_folder_is_written(esp, tmp_path):
    path = forest(tmp_path)
    out = tmp_path / "new" / "deeper" / "mspa.tif"
    result = processing.run("esp:mspa", {"INPUT": path, "OUTPUT": str(out),
                                         "OUTPUT_TABLE": "TEMPORARY_OUTPUT"})
    assert os.path.exists(result["OUTPUT"])


def test_a_table_in_a_new_folder_is_written(esp, tmp_path):
    path = forest(tmp_path)
    table = tmp_path / "new" / "deeper" / "classes.csv"
    result = processing.run("esp:mspa", {"INPUT": path, "OUTPUT": str(tmp_path / "m.tif"),
                                         "OUTPUT_TABLE": str(table)})
    assert os.path.exists(result["OUTPUT_TABLE"]) and result["OUTPUT_TABLE"] == str(table)


def test_memory_and_temporary_outputs_are_not_paths(esp, tmp_path):
    path = forest(tmp_path)
    result = processing.run("esp:mspa", {"INPUT": path, "OUTPUT": "TEMPORARY_OUTPUT",
                                         "OUTPUT_TABLE": "memory:classes"})
    assert os.path.exists(result["OUTPUT"])


# ------------------------------------------------ 2. table outputs lost or half-written ----

class FailingSink:
    """A sink whose writes fail, as a full disk makes them fail."""

    def addFeatures(self, features, flags=None):
        return False

    def flushBuffer(self):
        return False

    def lastError(self):
        return "No space left on device"


def test_a_failed_write_stops_with_the_sinks_error(esp):
    from esp_toolkit.algorithms.io.sinks import add_features, finish
    with refused("No space left on device"):
        add_features(FailingSink(), [object()])
    with refused("incomplete output was removed"):
        finish(FailingSink())


def test_a_table_whose_writing_fails_leaves_the_older_file_as_it_was(esp, tmp_path,
                                                                      monkeypatch):
    import esp_toolkit.algorithms.sources.mspa as wrapper
    from esp_toolkit.algorithms.io import sinks

    def failing_write(sink, features):
        sinks.add_features(sink, features)  # the file exists and holds rows now
        sinks.finish(FailingSink())

    monkeypatch.setattr(wrapper, "write_all", failing_write)
    path = forest(tmp_path)
    table = tmp_path / "classes.csv"
    table.write_text("an older table\n")
    with refused("No space left on device"):
        processing.run("esp:mspa", {"INPUT": path, "OUTPUT": str(tmp_path / "m.tif"),
                                    "OUTPUT_TABLE": str(table)})
    # The table was written under a temporary name: the older one is untouched, and the
    # partial one is gone.
    assert table.read_text() == "an older table\n"
    assert not [p.name for p in tmp_path.iterdir() if ".part" in p.name]


def test_a_table_replaces_the_older_file_when_the_run_succeeds(esp, tmp_path):
    path = forest(tmp_path)
    table = tmp_path / "classes.csv"
    table.write_text("an older table\n")
    result = processing.run("esp:mspa", {"INPUT": path, "OUTPUT": str(tmp_path / "m.tif"),
                                         "OUTPUT_TABLE": str(table)})
    assert result["OUTPUT_TABLE"] == str(table)
    rows = table.read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].startswith("code,class,cells") and len(rows) == 4  # background, edge, core
    assert not [p.name for p in tmp_path.iterdir() if ".part" in p.name]


def test_a_shapefile_and_its_sidecars_are_published_together(esp, tmp_path):
    sources, resistance = sources_file(tmp_path)
    out = tmp_path / "links.shp"
    processing.run("esp:linkagepathways", {
        "SOURCES": sources, "SOURCE_ID_FIELD": "source_id", "RESISTANCE": resistance,
        "OUTPUT": str(out)})
    layer = QgsVectorLayer(str(out), "links", "ogr")
    assert layer.isValid() and layer.featureCount() > 0
    assert (tmp_path / "links.dbf").exists() and (tmp_path / "links.shx").exists()
    assert not [p.name for p in tmp_path.iterdir() if ".part" in p.name]


# --------------------------------------------------- 5. wrong units or CRS are refused ----

def test_habitat_quality_refuses_degrees(esp, tmp_path):
    # MAX_DIST is in metres; on EPSG:4326 a cell is 1e-3 degrees, so 1 km would be a million
    # cells of reach: refused at once instead of running for hours.
    lc = np.ones((10, 10), np.uint8)
    lc[:, 5:] = 2
    kw = {"origin": (112.0, 28.0), "cell": 0.001, "crs": "EPSG:4326"}
    cover = write_raster(tmp_path / "lc.tif", lc, dtype="uint8", **kw)
    write_raster(tmp_path / "road.tif", (lc == 1).astype("float32"), **kw)
    threats = tmp_path / "threats.csv"
    threats.write_text("threat,max_dist,weight,decay,cur_path\nroad,1000,1,linear,road.tif\n")
    sensitivity = tmp_path / "sensitivity.csv"
    sensitivity.write_text("lucode,name,habitat,road\n1,Crop,0,0\n2,Forest,1,0.8\n")
    out = str(tmp_path / "quality.tif")
    with refused("geographic CRS.*Reproject"):
        processing.run("esp:habitatquality", {
            "LANDCOVER": cover, "THREATS_TABLE": str(threats),
            "SENSITIVITY_TABLE": str(sensitivity), "QUALITY": out,
            "DEGRADATION": "TEMPORARY_OUTPUT"})
    assert not os.path.exists(out)


# ------------------------------------------------------- 6. strict parsing, line named ----

def small_circuitscape(folder, truncate=False):
    """A 3 x 4 habitat grid with two focal points, and its INI text (ASCII grids)."""
    habitat = ("ncols 4\nnrows 3\nxllcorner 0\nyllcorner 0\ncellsize 1\nNODATA_value -9999\n"
               "1 1 1 1\n1 2 2 1\n1 1 1 1\n")
    points = ("ncols 4\nnrows 3\nxllcorner 0\nyllcorner 0\ncellsize 1\nNODATA_value -9999\n"
              "1 -9999 -9999 2\n-9999 -9999 -9999 -9999\n-9999 -9999 -9999 -9999\n")
    if truncate:
        habitat = habitat[:-12]
    (folder / "habitat.asc").write_text(habitat)
    (folder / "points.asc").write_text(points)
    return ("[Options]\nscenario = pairwise\ndata_type = raster\n"
            "habitat_file = habitat.asc\npoint_file = points.asc\n"
            "habitat_map_is_resistances = True\nwrite_cur_maps = False\n"
            "output_file = out/run.out\n")


def test_a_gbk_ini_runs(esp, tmp_path):
    text = "; 湖南省 生态安全格局\n" + small_circuitscape(tmp_path)
    ini = tmp_path / "run.ini"
    ini.write_bytes(text.encode("gbk"))
    processing.run("esp:circuitscapeini", {"INI": str(ini)})
    rows = np.loadtxt(tmp_path / "out" / "run_resistances.out", ndmin=2)
    assert rows.shape == (3, 3) and rows[1, 2] > 0


def test_a_binary_ini_is_refused(esp, tmp_path):
    ini = tmp_path / "run.ini"
    ini.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with refused("not a text file"):
        processing.run("esp:circuitscapeini", {"INI": str(ini)})


def test_a_truncated_ascii_grid_is_refused(esp, tmp_path):
    ini = tmp_path / "run.ini"
    ini.write_text(small_circuitscape(tmp_path, truncate=True))
    with refused("habitat.asc.*truncated"):
        processing.run("esp:circuitscapeini", {"INI": str(ini)})
    assert not (tmp_path / "out" / "run_resistances.out").exists()


def test_a_boolean_typo_in_an_ini_is_refused(esp, tmp_path):
    ini = tmp_path / "run.ini"
    ini.write_text(small_circuitscape(tmp_path) + "connect_four_neighbors_only = maybe\n")
    with refused("connect_four_neighbors_only = maybe.*neither true nor false"):
        processing.run("esp:circuitscapeini", {"INI": str(ini)})
    assert not (tmp_path / "out" / "run_resistances.out").exists()


# ------------------------------------------------- 7. degenerate input does not succeed ----

@pytest.mark.parametrize("points", [[], [(500050, 2999850)]], ids=["empty", "one point"])
def test_too_few_focal_points_are_named_as_such(esp, tmp_path, points):
    from test_circuitscape import point_layer, strip_raster

    layer = point_layer(points, [1] * len(points))
    matrix = str(tmp_path / "r.txt")
    with refused("give {0} node.*at least two".format(len(points))):
        processing.run("esp:circuitscape", {"INPUT": strip_raster(tmp_path),
                                            "FOCAL_FEATURES": layer, "FOCAL_ID_FIELD": "site",
                                            "RESISTANCE_MATRIX": matrix})
    assert not os.path.exists(matrix)


def patch_layer(wkts):
    from qgis.core import QgsFeature, QgsGeometry

    layer = QgsVectorLayer("Polygon?crs=EPSG:4546&field=pid:integer", "patches", "memory")
    features = []
    for pid, wkt in enumerate(wkts, start=1):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes([pid])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


SQUARE = "POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))"
# A bow tie: two 50 x 100 m triangles joined at (150, 50), 5000 m² in all; as drawn, GEOS
# gives it area 0 (the two lobes cancel).
BOW_TIE = "POLYGON((100 0, 200 100, 200 0, 100 100, 100 0))"


def unchecked_context():
    """A context that passes invalid geometries on, as with the Processing setting 'Do not
    filter (better performance)' (QGIS stops at them by default)."""
    from qgis.core import QgsFeatureRequest, QgsProcessingContext

    context = QgsProcessingContext()
    check = getattr(QgsFeatureRequest, "InvalidGeometryCheck", QgsFeatureRequest)
    context.setInvalidGeometryCheck(check.GeometryNoCheck)
    return context


def test_a_self_intersecting_patch_is_repaired_not_given_area_0(esp):
    feedback = Recorder()
    result = processing.run("esp:connectivityimportance", {
        "PATCHES": patch_layer([SQUARE, BOW_TIE]), "PATCH_ID_FIELD": "pid",
        "DISTANCE": 100.0, "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback,
        context=unchecked_context())
    layer = result["OUTPUT"]
    if isinstance(layer, str):
        layer = QgsVectorLayer(layer, "out", "ogr")
    areas = {f["pid"]: f["area_km2"] for f in layer.getFeatures()}
    assert areas[1] == pytest.approx(0.01) and areas[2] == pytest.approx(0.005)
    assert any("Patch(es) 2 have invalid geometries" in text for text in feedback.warnings)


def test_a_patch_without_area_is_refused(esp):
    flat = "POLYGON((300 0, 400 0, 500 0, 300 0))"
    with refused("Patch\\(es\\) 2 have no area"):
        processing.run("esp:connectivityimportance", {
            "PATCHES": patch_layer([SQUARE, flat]), "PATCH_ID_FIELD": "pid",
            "DISTANCE": 100.0, "OUTPUT": "TEMPORARY_OUTPUT"}, context=unchecked_context())


# ------------------------------------------ 9. a number out of range names its range ----

@pytest.mark.parametrize("value, message", [
    (0, "'Edge width \\(cells\\)' \\(EDGE_WIDTH\\) is 0; it must be a whole number "
        "from 1 to 255"),
    (2.5, "'Edge width \\(cells\\)' \\(EDGE_WIDTH\\) is 2.5; it must be a whole number "
          "from 1 to 255"),
])
def test_a_number_out_of_range_names_the_range(esp, tmp_path, value, message):
    with refused(message):
        processing.run("esp:mspa", {"INPUT": forest(tmp_path), "EDGE_WIDTH": value,
                                    "OUTPUT": "TEMPORARY_OUTPUT"})


def test_secondary_outputs_can_be_skipped(esp, tmp_path):
    # Linkage pathways without the corridor raster, sources without the id raster.
    sources, resistance = sources_file(tmp_path)
    links = processing.run("esp:linkagepathways", {
        "SOURCES": sources, "SOURCE_ID_FIELD": "source_id", "RESISTANCE": resistance,
        "OUTPUT": "TEMPORARY_OUTPUT"})
    assert links["LINK_COUNT"] > 0 and "CORRIDORS" not in links
    values = np.ones((20, 20), np.uint8)
    values[2:10, 2:10] = 17
    mspa_codes = write_raster(tmp_path / "codes.tif", values, dtype="uint8")
    extracted = processing.run("esp:extractsources", {
        "INPUT": mspa_codes, "MIN_AREA": 0.1, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert extracted["SOURCE_COUNT"] == 1 and extracted.get("SOURCE_IDS") is None


# ------------------------------------------------------------------------ 8. the workflow ----

def empty_counties(tmp_path):
    layer = QgsVectorLayer("Polygon?crs=EPSG:4546&field=name:string&field=pref:string",
                           "counties", "memory")
    path = str(tmp_path / "empty_counties.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, QgsCoordinateTransformContext(),
                                              options)
    return path


def test_workflow_refuses_an_empty_units_layer_before_step_1(esp, workflow_landscape,
                                                             tmp_path):
    from test_securitypattern import chain_parameters

    folder = tmp_path / "run"
    with refused("has no polygon"):
        processing.run("esp:securitypattern", chain_parameters(
            workflow_landscape, folder, UNITS=empty_counties(tmp_path)))
    assert not folder.exists() or not any(folder.iterdir())


def test_workflow_refuses_threats_without_sensitivity(esp, workflow_landscape, tmp_path):
    from test_securitypattern import chain_parameters

    folder = tmp_path / "run"
    with refused("needs both the threats table and the sensitivity table"):
        processing.run("esp:securitypattern", chain_parameters(
            workflow_landscape, folder, THREATS_TABLE=workflow_landscape["threats"]))
    assert not folder.exists() or not any(folder.iterdir())


def test_workflow_refuses_radii_without_cells_on_their_ring(esp, workflow_landscape,
                                                            tmp_path):
    from test_securitypattern import chain_parameters

    # 100 m cells: the one-metre rings of 250 and 350 m hold no cell centre.
    with refused("No cell centre lies on the ring of any detection radius .*for example 200, 400"):
        processing.run("esp:securitypattern", chain_parameters(
            workflow_landscape, tmp_path / "run", MIN_RADIUS=250, MAX_RADIUS=350, STEP=100))


def test_a_second_run_into_a_busy_folder_is_refused(esp, workflow_landscape, tmp_path):
    import json
    import socket

    from test_securitypattern import chain_parameters

    from esp_toolkit.algorithms.workflow.preflight import LOCK_NAME

    folder = tmp_path / "run"
    folder.mkdir()
    lock = folder / LOCK_NAME
    # A run of this very process holds the folder (as the dock's run would).
    lock.write_text(json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                                "since": "2026-12-05 10:00:00"}))
    with refused("Another run is writing into"):
        processing.run("esp:securitypattern", chain_parameters(
            workflow_landscape, folder, LAST_STAGE=0))
    assert sorted(p.name for p in folder.iterdir()) == [LOCK_NAME]
    # A lock left by a process that is gone is taken over; the run finishes and unlocks.
    lock.write_text(json.dumps({"pid": 2 ** 22 + 12345, "host": socket.gethostname()}))
    processing.run("esp:securitypattern", chain_parameters(workflow_landscape, folder,
                                                           LAST_STAGE=0))
    assert (folder / "mspa.tif").exists() and not lock.exists()


# -------------------------------------------------- 4. memory is checked before reading ----

def huge_raster(path, side=100_000):
    """A 10^10-cell Byte GeoTIFF that takes a few kB on disk (sparse tiles)."""
    from osgeo import gdal, osr

    dataset = gdal.GetDriverByName("GTiff").Create(
        str(path), side, side, 1, gdal.GDT_Byte,
        ["TILED=YES", "SPARSE_OK=TRUE", "COMPRESS=DEFLATE", "BIGTIFF=YES"])
    dataset.SetGeoTransform((500000.0, 30.0, 0.0, 3000000.0, 0.0, -30.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4546)
    dataset.SetProjection(srs.ExportToWkt())
    dataset = None
    return str(path)


def test_a_raster_too_large_for_memory_is_refused_before_reading(esp, tmp_path):
    path = huge_raster(tmp_path / "huge.tif")
    out = str(tmp_path / "out.tif")
    with refused("on 10,000,000,000 cells needs about .* GB of memory, but only .* is "
                 "available.*coarser cells"):
        processing.run("esp:mspa", {"INPUT": path, "OUTPUT": out})
    assert not os.path.exists(out)


class CancelWhenTiled(Recorder):
    """Cancels as soon as the run says it goes by tiles."""

    def pushInfo(self, info):
        super().pushInfo(info)
        if " tiles of " in info:
            self.cancel()


def test_a_local_step_too_large_for_memory_goes_by_tiles(esp, tmp_path):
    # The resistance surface needs no whole raster: instead of a refusal, it goes by tiles
    # (cancelled here at once; nothing is written).
    path = huge_raster(tmp_path / "huge.tif")
    out = str(tmp_path / "out.tif")
    feedback = CancelWhenTiled()
    with pytest.raises(QgsProcessingException):
        processing.run("esp:resistancesurface", {"INPUT": path, "OUTPUT": out},
                       feedback=feedback)
    assert any(" tiles of " in line for line in feedback.infos)
    assert not os.path.exists(out)


def test_an_omniscape_radius_far_beyond_the_raster_is_refused(esp, tmp_path):
    resistance = write_raster(tmp_path / "r.tif", np.ones((20, 20), "float32"))
    out = str(tmp_path / "cum.tif")
    with refused("Omniscape on 400 cells needs about .* GB.*smaller radius"):
        processing.run("esp:omniscape", {"INPUT": resistance, "SOURCE_FROM_RESISTANCE": True,
                                         "RADIUS": 100_000, "CUMULATIVE": out})
    assert not os.path.exists(out)


def test_a_missing_field_is_named_with_the_fields_there_are(esp, tmp_path):
    sources, resistance = sources_file(tmp_path)
    with refused("The field 'nope' \\(Source id field\\) is not in the layer .*source_id"):
        processing.run("esp:linkagepathways", {
            "SOURCES": sources, "SOURCE_ID_FIELD": "nope", "RESISTANCE": resistance,
            "OUTPUT": "TEMPORARY_OUTPUT"})


def test_habitat_quality_refuses_to_overwrite_a_threat_raster(esp, workflow_landscape,
                                                             tmp_path):
    import shutil

    folder = tmp_path / "land"
    shutil.copytree(os.path.dirname(workflow_landscape["landcover"]), folder)
    road = folder / "threat_road.tif"
    before = digest(road)
    with refused("raster of threat 'road' named in the threats table"):
        processing.run("esp:habitatquality", {
            "LANDCOVER": str(folder / "landcover.tif"),
            "THREATS_TABLE": str(folder / "threats.csv"),
            "SENSITIVITY_TABLE": str(folder / "sensitivity.csv"),
            "QUALITY": str(road), "DEGRADATION": "TEMPORARY_OUTPUT"})
    assert digest(road) == before


def test_workflow_refuses_an_input_named_like_one_of_its_products(esp, workflow_landscape,
                                                                 tmp_path):
    import shutil

    from test_securitypattern import chain_parameters

    folder = tmp_path / "run"
    folder.mkdir()
    landcover = folder / "resistance.tif"  # a product's name
    shutil.copy(workflow_landscape["landcover"], landcover)
    before = digest(landcover)
    with refused("lies in the output folder under the name of a product"):
        processing.run("esp:securitypattern", chain_parameters(
            workflow_landscape, folder, LANDCOVER=str(landcover)))
    assert digest(landcover) == before


def test_a_truncated_geotiff_is_refused_without_a_traceback(esp, tmp_path):
    from osgeo import gdal

    path = tmp_path / "cut.tif"
    values = (np.arange(400 * 400).reshape(400, 400) % 7).astype("float32")
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), 400, 400, 1, gdal.GDT_Float32)
    dataset.SetGeoTransform((500000.0, 30.0, 0.0, 3000000.0, 0.0, -30.0))
    dataset.GetRasterBand(1).WriteArray(values)
    dataset = None
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2])  # the header survives, half the cells do not
    out = str(tmp_path / "m.tif")
    with refused("cannot be read|truncated|damaged|not a valid"):
        processing.run("esp:mspa", {"INPUT": str(path), "FOREGROUND_CLASSES": "1,2",
                                    "OUTPUT": out})
    assert not os.path.exists(out)


def test_a_staged_output_is_loaded_under_its_final_name(esp, tmp_path):
    from qgis.core import QgsProcessingContext, QgsProcessingOutputLayerDefinition, QgsProject

    path = forest(tmp_path)
    table = str(tmp_path / "classes.gpkg")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    processing.run("esp:mspa", {
        "INPUT": path, "OUTPUT": str(tmp_path / "m.tif"),
        "OUTPUT_TABLE": QgsProcessingOutputLayerDefinition(table, QgsProject.instance())},
        context=context)
    assert context.willLoadLayerOnCompletion(table)
    assert not any(".part" in key for key in context.layersToLoadOnCompletion())


def test_two_outputs_onto_one_file_are_refused(esp, tmp_path):
    path = forest(tmp_path)
    same = str(tmp_path / "same.tif")
    with refused("are both .*same.tif: one would overwrite the other"):
        processing.run("esp:mspa", {"INPUT": path, "OUTPUT": same, "OUTPUT_TABLE": same})
    assert not os.path.exists(same)
