"""QGIS raster layers <-> espcore Grids, grid alignment checks and GeoTIFF writing."""

import os
import uuid
from typing import Any, Dict, Mapping, Optional, Tuple

import numpy as np
from osgeo import gdal
from qgis.core import QgsProcessingException, QgsProcessingOutputLayerDefinition, QgsRasterLayer

from ...espcore.grid import Grid
from ...espcore.memory import check_memory, grid_estimate
from ..base import translate

gdal.UseExceptions()

#: NoData written into float rasters; -3.4e38 is GDAL/ArcGIS's customary float32 NoData.
FLOAT_NODATA = -3.4028234663852886e38


def _layer_path(layer: QgsRasterLayer, role: str) -> str:
    if layer.providerType() != "gdal":
        raise QgsProcessingException(translate(
            "{role} '{name}' is not a file raster (its provider is '{provider}'). Save it as "
            "a GeoTIFF first (right-click the layer > Export > Save As).").format(
                role=role, name=layer.name(), provider=layer.providerType()))
    return layer.source()


def describe_layer(layer: QgsRasterLayer) -> str:
    extent = layer.extent()
    return translate("{crs}, {cols} x {rows} cells of {dx:g} x {dy:g}, extent {xmin:.6g}, "
                     "{ymin:.6g} : {xmax:.6g}, {ymax:.6g}").format(
        crs=layer.crs().authid() or layer.crs().description() or translate("unknown CRS"),
        cols=layer.width(), rows=layer.height(), dx=layer.rasterUnitsPerPixelX(),
        dy=layer.rasterUnitsPerPixelY(), xmin=extent.xMinimum(), ymin=extent.yMinimum(),
        xmax=extent.xMaximum(), ymax=extent.yMaximum())


def _same_grid(a: QgsRasterLayer, b: QgsRasterLayer) -> bool:
    if a.crs() != b.crs() or a.width() != b.width() or a.height() != b.height():
        return False
    ea, eb = a.extent(), b.extent()
    # Extents written by different programs differ in the last digits; more than a
    # millionth of a cell means the cells do not coincide.
    tol = 1e-6 * min(a.rasterUnitsPerPixelX(), a.rasterUnitsPerPixelY())
    return all(abs(p - q) <= tol for p, q in (
        (ea.xMinimum(), eb.xMinimum()), (ea.yMinimum(), eb.yMinimum()),
        (ea.xMaximum(), eb.xMaximum()), (ea.yMaximum(), eb.yMaximum())))


def check_aligned(layers: Mapping[str, QgsRasterLayer]) -> None:
    """Raise a clear error unless every layer is on the grid of the first one.

    ``layers`` maps the parameter's label to the layer, so the message names both rasters.
    """
    items = list(layers.items())
    if not items:
        return
    ref_role, ref = items[0]
    for role, layer in items[1:]:
        if not _same_grid(layer, ref):
            raise QgsProcessingException(translate(
                "{role} '{name}' is not on the same grid as {ref_role} '{ref_name}'.\n"
                "  {name}: {this}\n  {ref_name}: {ref}\n"
                "Resample or clip it to the grid of '{ref_name}' first, for example with "
                "Raster > Projections > Warp (Reproject), setting the target CRS, the output "
                "extent and the resolution of '{ref_name}'. ESP Toolkit never resamples "
                "silently.").format(role=role, name=layer.name(), this=describe_layer(layer),
                                     ref_role=ref_role, ref_name=ref.name(),
                                     ref=describe_layer(ref)))


def check_grid_memory(layer: Any, operation: str, what: str, *, per_cell: float = 0.0,
                      extra: float = 0.0, advice: Optional[str] = None) -> None:
    """Refuse, before reading ``layer``, a run of ``operation`` (a key of
    ``espcore.memory.PER_CELL``) that would not fit in memory."""
    check_cells_memory(float(layer.width()) * float(layer.height()), operation, what,
                       per_cell=per_cell, extra=extra, advice=advice)


def check_cells_memory(cells: float, operation: str, what: str, *, per_cell: float = 0.0,
                       extra: float = 0.0, advice: Optional[str] = None) -> None:
    """The same for a grid of ``cells`` cells: ``per_cell`` more bytes per cell (one map per
    source, per radius ...) and ``extra`` bytes in all on top of the operation's figure."""
    # EspInputError: EspAlgorithm.processAlgorithm shows it translated, as any core error.
    check_memory(grid_estimate(operation, cells, extra + cells * per_cell),
                 what=translate("{what} on {cells:,.0f} cells").format(what=what, cells=cells),
                 advice=advice or translate(
                     "Use coarser cells (resample the rasters) or a smaller extent (clip "
                     "them), or run it on a machine with more memory."))


def read_grid(layer: QgsRasterLayer, band: int = 1, *, role: str = "Raster",
              crs: Optional[str] = None) -> Grid:
    """Read one band into a Grid; the layer's NoData value (and NaN) form the mask.

    ``crs`` overrides the CRS string stored in the grid; :func:`read_aligned` passes the
    reference layer's so grids already checked as aligned compare equal in the core.
    """
    path = _layer_path(layer, role)
    check_grid_memory(layer, "read", translate("Reading {role} '{name}'").format(
        role=role, name=layer.name()))
    try:
        dataset = gdal.Open(path)
    except RuntimeError:  # GDAL raises instead of returning None when exceptions are on
        dataset = None
    if dataset is None:
        raise QgsProcessingException(translate(
            "{role} '{name}' cannot be read by GDAL ({path}): {error}").format(
                role=role, name=layer.name(), path=path,
                error=(gdal.GetLastErrorMsg() or translate("no details")).rstrip(".")))
    if band < 1 or band > dataset.RasterCount:
        raise QgsProcessingException(translate(
            "{role} '{name}' has no band {band}; it has {count}.").format(
                role=role, name=layer.name(), band=band, count=dataset.RasterCount))
    geotransform = tuple(dataset.GetGeoTransform())
    if geotransform[2] != 0 or geotransform[4] != 0:
        raise QgsProcessingException(translate(
            "{role} '{name}' is rotated; warp it to a north-up grid first.").format(
                role=role, name=layer.name()))
    try:
        values = dataset.GetRasterBand(band).ReadAsArray()
    except RuntimeError:
        values = None
    if values is None:
        raise QgsProcessingException(translate(
            "{role} '{name}' cannot be read completely ({path}): {error}. The file may be "
            "truncated or damaged; write it again.").format(
                role=role, name=layer.name(), path=path,
                error=(gdal.GetLastErrorMsg() or translate("no details")).rstrip(".")))
    provider = layer.dataProvider()
    nodata = None
    if provider.sourceHasNoDataValue(band) and provider.useSourceNoDataValue(band):
        nodata = provider.sourceNoDataValue(band)
    grid = Grid.from_array(values, nodata=nodata, geotransform=geotransform,
                           crs=crs if crs is not None else layer.crs().toWkt())
    for nodata_range in provider.userNoDataValues(band):
        grid.mask[(values >= nodata_range.min()) & (values <= nodata_range.max())] = True
    return grid


def read_aligned(layers: Mapping[str, Tuple[QgsRasterLayer, int]]) -> Dict[str, Grid]:
    """Check that the layers share a grid, then read them: {role: (layer, band)} -> Grids."""
    check_aligned({role: layer for role, (layer, _band) in layers.items()})
    first = next(iter(layers.values()))[0]
    crs = first.crs().toWkt()
    return {role: read_grid(layer, band, role=role, crs=crs)
            for role, (layer, band) in layers.items()}


_GDAL_TYPES = {np.dtype(np.float32): gdal.GDT_Float32, np.dtype(np.float64): gdal.GDT_Float64,
               np.dtype(np.uint8): gdal.GDT_Byte, np.dtype(np.int16): gdal.GDT_Int16,
               np.dtype(np.uint16): gdal.GDT_UInt16, np.dtype(np.int32): gdal.GDT_Int32,
               np.dtype(np.uint32): gdal.GDT_UInt32}


def check_output_path(path: str) -> None:
    """Only GeoTIFF is written; say so before any work is done."""
    if os.path.splitext(path)[1].lower() not in (".tif", ".tiff"):
        raise QgsProcessingException(translate(
            "Output '{path}' must be a GeoTIFF file (.tif).").format(path=path))


def check_destination(value: Any) -> None:
    """Refuse a non-GeoTIFF destination named by a raw parameter value, before any work and
    without resolving it: resolving a temporary output twice gives two different files."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink.staticValue()
    if isinstance(value, str) and value and value != "TEMPORARY_OUTPUT":
        check_output_path(value)


def replace_raster(partial: str, path: str) -> None:
    """Move a finished raster onto ``path``, dropping the statistics GDAL cached beside an
    earlier file of that name: they describe other values, and styles stretched from them
    would be wrong."""
    os.replace(partial, path)
    if os.path.exists(path + ".aux.xml"):
        os.remove(path + ".aux.xml")


def write_grid(grid: Grid, path: str, *, dtype: "np.typing.DTypeLike" = np.float32,
               nodata: Optional[float] = None, description: str = "") -> str:
    """Write a Grid as a tiled, DEFLATE-compressed GeoTIFF with CRS, geotransform, NoData.

    The file is written under a temporary name in the same folder and renamed at the end, so a
    failure never leaves a half-written raster at ``path``.
    """
    check_output_path(path)
    if grid.geotransform is None:
        raise ValueError("write_grid needs a georeferenced grid")
    kind = np.dtype(dtype)
    if nodata is None:
        nodata = FLOAT_NODATA if kind.kind == "f" else float(np.iinfo(kind).max)
    data = grid.filled(nodata, kind)
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    partial = os.path.join(folder, ".{0}.{1}.part.tif".format(os.path.basename(path),
                                                                uuid.uuid4().hex[:8]))
    options = ["TILED=YES", "COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER",
               "PREDICTOR={0}".format(3 if kind.kind == "f" else 2)]
    dataset = band = None
    try:
        rows, cols = grid.shape
        dataset = gdal.GetDriverByName("GTiff").Create(partial, cols, rows, 1,
                                                       _GDAL_TYPES[kind], options)
        dataset.SetGeoTransform(grid.geotransform)
        if grid.crs:
            dataset.SetProjection(grid.crs)
        band = dataset.GetRasterBand(1)
        band.SetNoDataValue(nodata)
        if description:
            band.SetDescription(description)
        band.WriteArray(data)
        band.FlushCache()
        dataset = band = None  # closes the file
        replace_raster(partial, path)
    finally:
        dataset = band = None  # close before removing a partial file
        if os.path.exists(partial):
            os.remove(partial)
    return path


# -- styles --------------------------------------------------------------------------------------

def raster_range(path: str) -> Optional[Tuple[float, float]]:
    """The minimum and maximum of band 1 (NoData left out), or None when it has no value."""
    dataset = gdal.Open(path)  # held: a band outliving its dataset crashes GDAL
    try:
        low, high = dataset.GetRasterBand(1).ComputeRasterMinMax(False)
    except RuntimeError:  # no valid value
        return None
    finally:
        dataset = None
    return low, high


def figures(value: float) -> str:
    """Three significant figures, thousands separated, no exponent, no trailing zeros, as
    the styles' legends show numbers: 0.0173, 1.5, 29,300."""
    if value == 0 or not np.isfinite(value):
        return "{0:g}".format(value)
    digits = 2 - int(np.floor(np.log10(abs(value))))
    text = "{0:,.{1}f}".format(round(value, digits), max(0, digits))
    return text.rstrip("0").rstrip(".") if "." in text else text


def fit_pseudocolor(layer: QgsRasterLayer, low: float, high: float) -> None:
    """Move a pseudocolour style's stops onto [low, high], keeping their relative places on a
    log scale when the style's and the data's values are all positive: a resistance style made
    for 1 ... 1000 then shows 0.1 ... 4000 after a correction with the same spread of colours.
    The stops are relabelled with their new values."""
    renderer = layer.renderer()
    if renderer is None or renderer.type() != "singlebandpseudocolor" or not high > low:
        return
    function = renderer.shader().rasterShaderFunction()
    items = function.colorRampItemList()
    if len(items) < 2 or not items[-1].value > items[0].value:
        return
    first, last = items[0].value, items[-1].value
    logs = first > 0 and low > 0
    scale = np.log10 if logs else (lambda value: value)
    for item in items:
        place = (scale(item.value) - scale(first)) / (scale(last) - scale(first))
        value = scale(low) + place * (scale(high) - scale(low))
        item.value = float(10.0 ** value if logs else value)
        item.label = figures(item.value)
    function.setColorRampItemList(items)
    function.setMinimumValue(low)
    function.setMaximumValue(high)
    renderer.setClassificationMin(low)
    renderer.setClassificationMax(high)
