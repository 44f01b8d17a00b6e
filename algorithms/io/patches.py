"""Patches between vector and raster: polygons burnt onto a grid, id rasters made polygons."""

import math
from typing import Any, Dict, List, Tuple

import numpy as np
from osgeo import gdal, ogr, osr
from qgis.core import QgsGeometry, QgsProcessingException

from ...espcore.grid import Grid
from ..base import translate
from ..qgis_compat import is_null

gdal.UseExceptions()


def feature_id(feature: Any, field: str, number: int) -> int:
    """The id of a patch or focal feature: a positive whole number from ``field``, or the
    feature's position ``number`` (1, 2, ...) when no field is chosen. 0 and negative ids
    are refused because a raster of ids uses 0 for "none"."""
    if not field:
        return number
    if feature.fields().indexFromName(field) < 0:
        raise QgsProcessingException(translate(
            "The field '{field}' is not in the layer; its fields are: {fields}.").format(
                field=field, fields=", ".join(feature.fields().names()) or "-"))
    value = feature[field]
    if is_null(value):
        raise QgsProcessingException(translate(
            "Feature {fid} has no id in field '{field}'.").format(fid=feature.id(),
                                                                 field=field))
    try:
        number_value = float(value)
    except (TypeError, ValueError):
        number_value = math.nan
    if not (number_value.is_integer() and number_value > 0):
        raise QgsProcessingException(translate(
            "Ids must be positive whole numbers; feature {fid} has {value} in field "
            "'{field}'.").format(fid=feature.id(), value=value, field=field))
    return int(number_value)


def _memory_raster(grid: Grid, data_type: int) -> "gdal.Dataset":
    rows, cols = grid.shape
    dataset = gdal.GetDriverByName("MEM").Create("", cols, rows, 1, data_type)
    dataset.SetGeoTransform(tuple(grid.geotransform or ()))
    if grid.crs:
        dataset.SetProjection(grid.crs)
    return dataset


def _memory_layer(name: str, crs: str) -> Tuple["ogr.DataSource", "ogr.Layer"]:
    source = ogr.GetDriverByName("Memory").CreateDataSource(name)
    reference = osr.SpatialReference()
    if crs:
        reference.ImportFromWkt(crs)
    layer = source.CreateLayer(name, reference, ogr.wkbUnknown)
    layer.CreateField(ogr.FieldDefn("id", ogr.OFTInteger64))
    return source, layer


def rasterize_ids(shapes: List[Tuple[int, bytes]], grid: Grid) -> np.ndarray:
    """Burn (id, WKB geometry in the grid's CRS) onto the grid: int64 ids, 0 where none.

    A cell takes the id of a shape that covers its centre (GDAL's rule); where shapes overlap
    the later one wins.
    """
    target = _memory_raster(grid, gdal.GDT_Int64 if hasattr(gdal, "GDT_Int64")
                            else gdal.GDT_Float64)
    source, layer = _memory_layer("shapes", grid.crs or "")
    for pid, wkb in shapes:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("id", int(pid))
        feature.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
        layer.CreateFeature(feature)
    gdal.RasterizeLayer(target, [1], layer, options=["ATTRIBUTE=id"])
    return target.ReadAsArray().astype(np.int64)


def polygonize_ids(ids: np.ndarray, grid: Grid) -> Dict[int, QgsGeometry]:
    """Cell-exact polygons of every positive id of ``ids`` (on ``grid``), one per id.

    Cells of one id that touch only at a corner, or lie apart, become parts of one
    multipolygon, so every id gives exactly one feature.
    """
    ids = np.asarray(ids)
    if ids.shape != grid.shape:
        raise ValueError("ids and grid differ in shape")
    if ids.size and ids.max() > np.iinfo(np.int32).max:
        raise ValueError("patch ids above 2^31 cannot be polygonised")
    raster = _memory_raster(grid, gdal.GDT_Int32)
    raster.GetRasterBand(1).WriteArray(np.where(ids > 0, ids, 0).astype(np.int32))
    mask = _memory_raster(grid, gdal.GDT_Byte)
    mask.GetRasterBand(1).WriteArray((ids > 0).astype(np.uint8))
    source, layer = _memory_layer("patches", grid.crs or "")
    gdal.Polygonize(raster.GetRasterBand(1), mask.GetRasterBand(1), layer, 0)
    parts: Dict[int, List[QgsGeometry]] = {}
    for feature in layer:
        geometry = QgsGeometry()
        geometry.fromWkb(bytes(feature.GetGeometryRef().ExportToIsoWkb()))
        parts.setdefault(int(feature.GetField("id")), []).append(geometry)
    return {pid: pieces[0] if len(pieces) == 1 else QgsGeometry.collectGeometry(pieces)
            for pid, pieces in sorted(parts.items())}
