"""PyQGIS test set-up: the working tree is imported as the plugin package `esp_toolkit`."""

import sys
from pathlib import Path

import numpy as np
import pytest
from qgis.core import QgsProcessingFeedback

ROOT = Path(__file__).resolve().parents[2]
PLUGINS = ROOT / "build" / "test-plugins"
PLUGINS.mkdir(parents=True, exist_ok=True)
link = PLUGINS / "esp_toolkit"
if not link.is_symlink():
    link.symlink_to(ROOT, target_is_directory=True)
sys.path.insert(0, str(PLUGINS))
# Pin the package now: pytest may later put the checkout's parent folder on sys.path, where
# another copy named esp_toolkit (an older tree beside this one) would be found first.
import esp_toolkit  # noqa: E402

assert Path(esp_toolkit.__file__).resolve().parent == ROOT, esp_toolkit.__file__

sys.path.insert(0, str(ROOT / "tests" / "core"))
from cs_cases import find_cases  # noqa: E402,F401  (re-exported: one place finds the cases)


class Recorder(QgsProcessingFeedback):
    """A feedback that keeps the warnings and the information lines an algorithm pushes."""

    def __init__(self):
        super().__init__()
        self.warnings = []
        self.infos = []

    def pushWarning(self, text):
        super().pushWarning(text)
        self.warnings.append(text)

    def pushInfo(self, text):
        super().pushInfo(text)
        self.infos.append(text)


def case_file(case, name):
    """A file of a Circuitscape/Omniscape verification case; skips when they are absent."""
    import os

    path = os.path.join(find_cases(), case, name)
    if not os.path.exists(path):
        pytest.skip("verification cases not found")
    return path


class CancelAtOnce(QgsProcessingFeedback):
    """A Processing feedback that cancels the run at its first progress above 0 %."""

    def setProgress(self, value):
        super().setProgress(value)
        if value > 0:
            self.cancel()


class CancelAbove(Recorder):
    """A Processing feedback that cancels the run once its progress passes ``percent``."""

    def __init__(self, percent):
        super().__init__()
        self.percent = percent

    def setProgress(self, value):
        super().setProgress(value)
        if value > self.percent:
            self.cancel()


@pytest.fixture
def engine(esp):
    """Sets the provider's engine settings as ProcessingConfig stores them (the engine by the
    option's index); the values from before the test come back afterwards."""
    from processing.core.ProcessingConfig import ProcessingConfig

    from esp_toolkit.algorithms.engine import ENGINE, SCHEDULER, WORKERS

    saved = {name: ProcessingConfig.getSetting(name) for name in (ENGINE, SCHEDULER, WORKERS)}

    def set_values(engine=0, address="", workers=0):
        ProcessingConfig.setSettingValue(ENGINE, engine)
        ProcessingConfig.setSettingValue(SCHEDULER, address)
        ProcessingConfig.setSettingValue(WORKERS, workers)

    yield set_values
    for name, value in saved.items():
        ProcessingConfig.setSettingValue(name, value)


CRS = "EPSG:4546"  # CGCS2000 / 3-degree Gauss-Kruger CM 111E, the demo data's CRS


@pytest.fixture(scope="session")
def esp(qgis_app, qgis_processing):
    """Registers the provider once; the plugin object keeps it alive for the session."""
    from esp_toolkit.plugin import EspToolkitPlugin

    plugin = EspToolkitPlugin(None)
    plugin.initProcessing()
    yield plugin


@pytest.fixture
def layer_tree_view(qgis_app, qgis_iface):
    """A real layer tree view behind pytest-qgis's mock interface, for the tests that load
    results with `processing.runAndLoadResults`.

    Since QGIS 3.44 that call hands `iface.layerTreeView()` to a C++ function, which refuses
    the mock's MagicMock. Only for those tests: a view that stays attached to the project
    draws legend icons on the main thread while the dock's tasks read the same project.
    """
    from qgis.core import QgsLayerTreeModel, QgsProject
    from qgis.gui import QgsLayerTreeView

    view = QgsLayerTreeView()
    view.setModel(QgsLayerTreeModel(QgsProject.instance().layerTreeRoot(), view))
    qgis_iface.layerTreeView = lambda: view
    yield view
    del qgis_iface.layerTreeView  # the mock's own answer again
    view.deleteLater()


def write_raster(path, values, *, nodata=None, origin=(500000.0, 3000000.0), cell=100.0,
                 crs=CRS, dtype=None):
    """A small GeoTIFF for the tests; returns its path as a string."""
    from osgeo import gdal, osr

    values = np.asarray(values)
    if dtype is not None:
        values = values.astype(dtype)
    types = {"uint8": gdal.GDT_Byte, "int16": gdal.GDT_Int16, "int32": gdal.GDT_Int32,
             "float32": gdal.GDT_Float32, "float64": gdal.GDT_Float64}
    rows, cols = values.shape
    ds = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, 1,
                                              types[values.dtype.name])
    ds.SetGeoTransform((origin[0], cell, 0.0, origin[1], 0.0, -cell))
    srs = osr.SpatialReference()
    srs.SetFromUserInput(crs)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    band.WriteArray(values)
    ds = None
    return str(path)


def read_raster(path):
    """(values as float64 with NaN on NoData, dataset metadata dict)."""
    from osgeo import gdal

    ds = gdal.Open(str(path))
    band = ds.GetRasterBand(1)
    values = band.ReadAsArray().astype(np.float64)
    nodata = band.GetNoDataValue()
    if nodata is not None:
        values[values == np.float64(np.float32(nodata))] = np.nan
    info = {"geotransform": ds.GetGeoTransform(), "wkt": ds.GetProjection(),
            "nodata": nodata, "block": band.GetBlockSize(),
            "compression": ds.GetMetadata("IMAGE_STRUCTURE").get("COMPRESSION"),
            "dtype": gdal.GetDataTypeName(band.DataType)}
    return values, info


#: Settings that make the whole chain run on tests/qgis/landscape.py (36 km², 100 m cells);
#: its sources are the whole cores of its forest blocks (no quality grading).
WORKFLOW_SETTINGS = {"QUALITY_CLASSES": 0, "MIN_AREA": 0.5, "DISTANCE": 1000, "TOP_N": 4,
                     "CORRIDOR_WIDTH": 5000,
                     "PINCH_WIDTH": 3000, "MIN_RADIUS": 200, "MAX_RADIUS": 400, "STEP": 200,
                     "BUFFER": 200, "UNIT_NAME_FIELD": "name", "GROUP_FIELD": "pref",
                     "REPORT_LANGUAGE": 1}


@pytest.fixture(scope="session")
def workflow_landscape(tmp_path_factory):
    """{name: path} of the tiny landscape's files (land cover, threat tables, counties)."""
    from landscape import write_landscape

    return write_landscape(tmp_path_factory.mktemp("landscape"))


@pytest.fixture(scope="session")
def workflow_run(esp, workflow_landscape, tmp_path_factory):
    """(folder, results) of one complete English esp:securitypattern run, habitat quality on."""
    import processing

    folder = str(tmp_path_factory.mktemp("workflow") / "run")
    parameters = dict(WORKFLOW_SETTINGS, LANDCOVER=workflow_landscape["landcover"],
                      UNITS=workflow_landscape["counties"],
                      THREATS_TABLE=workflow_landscape["threats"],
                      SENSITIVITY_TABLE=workflow_landscape["sensitivity"], OUTPUT_FOLDER=folder)
    results = processing.run("esp:securitypattern", parameters)
    return folder, results


@pytest.fixture(scope="session")
def workflow_folder(workflow_run):
    """The output folder of a complete esp:securitypattern run (every product, the report)."""
    return workflow_run[0]
