"""Circuitscape's files: reading the inputs an INI names, writing outputs with its names.

Outputs go where the INI's ``output_file`` says, named ``<prefix>_<suffix>`` exactly as
Circuitscape names them, so scripts written around Circuitscape keep working. Every file is
written under a temporary name and renamed when complete.
"""

import os
import uuid
from typing import List, Optional, Sequence, Tuple

import numpy as np
from osgeo import gdal
from qgis.core import QgsProcessingException

from ...espcore.circuits.circuit import MAP_NODATA, CircuitResult, three_columns
from ..base import translate
from .raster import replace_raster


def gdal_path(path: str) -> str:
    return "/vsigzip/" + path if path.endswith(".gz") else path


def read_raster(path: str) -> Tuple[np.ndarray, np.ndarray, Tuple[float, ...]]:
    """(values, valid, geotransform) of band 1; NoData and NaN are not valid."""
    if not os.path.exists(path):
        raise QgsProcessingException(translate("Input file not found: {path}").format(
            path=path))
    try:
        dataset = gdal.Open(gdal_path(path))
    except RuntimeError:
        dataset = None
    if dataset is None:
        raise QgsProcessingException(translate("GDAL cannot read the raster {path}.").format(
            path=path))
    band = dataset.GetRasterBand(1)
    try:
        cells = band.ReadAsArray()
    except RuntimeError:  # GDAL raises instead of returning None when exceptions are on
        cells = None
    if cells is None:
        raise QgsProcessingException(translate(
            "GDAL opened {path} but cannot read all its cells: {error}. The file may be "
            "truncated or damaged; write it again.").format(
                path=path, error=(gdal.GetLastErrorMsg() or translate("no details")).rstrip(".")))
    values = cells.astype(np.float64)
    valid = ~np.isnan(values)
    nodata = band.GetNoDataValue()
    if nodata is not None:
        valid &= values != nodata
    return values, valid, tuple(dataset.GetGeoTransform())


def read_text(path: str) -> str:
    """A text input (INI, point list, pairs file): UTF-8, or GBK as Chinese Windows editors
    save it; a binary file is refused by name."""
    if not os.path.exists(path):
        raise QgsProcessingException(translate("Input file not found: {path}").format(
            path=path))
    if path.endswith(".gz"):
        import gzip

        with gzip.open(path, "rb") as handle:
            data = handle.read()
    else:
        with open(path, "rb") as handle:
            data = handle.read()
    if b"\x00" in data:
        raise QgsProcessingException(translate(
            "{path} is not a text file (it holds binary data). Give the INI or text file "
            "Circuitscape or Omniscape reads.").format(path=path))
    position = 0
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as error:
            position = error.start
    line = data[:position].count(b"\n") + 1
    raise QgsProcessingException(translate(
        "{path} is neither UTF-8 nor GBK text (line {line}). Save it as UTF-8 and run "
        "again.").format(path=path, line=line))


def atomic_text(path: str, text: str, encoding: Optional[str] = None) -> None:
    """``text`` at ``path``, written under a temporary name and renamed when complete."""
    partial = "{0}.{1}.part".format(path, uuid.uuid4().hex[:8])
    try:
        with open(partial, "w", encoding=encoding) as handle:
            handle.write(text)
        os.replace(partial, path)
    finally:
        if os.path.exists(partial):
            os.remove(partial)


def _number(value: float) -> str:
    return "{0:.10g}".format(value)


def format_table(rows: np.ndarray, separator: str = " ") -> str:
    """Whole numbers without decimals (ids), others with 10 significant digits."""
    lines = []
    for row in np.atleast_2d(rows):
        lines.append(separator.join(str(int(v)) if float(v).is_integer() else _number(v)
                                    for v in row))
    return "\n".join(lines) + "\n"


def write_map(values: np.ndarray, path: str, geotransform: Sequence[float],
              crs_wkt: Optional[str], as_tif: bool) -> None:
    """An ESRI ASCII grid (Circuitscape's default) or a GeoTIFF, NoData -9999, values rounded
    to 8 decimals as Circuitscape writes them."""
    write_grid(np.round(values, 8), path, geotransform, crs_wkt,
               driver="GTiff" if as_tif else "AAIGrid",
               options=["COMPRESS=DEFLATE", "TILED=YES"] if as_tif else ["DECIMAL_PRECISION=8"])


def write_grid(values: np.ndarray, path: str, geotransform: Sequence[float],
               crs_wkt: Optional[str], *, driver: str, options: Sequence[str],
               data_type: int = gdal.GDT_Float64) -> None:
    """One band with NoData -9999 through GDAL's ``driver``, under a temporary name renamed
    when complete (with an ASCII grid's .prj), so a failed write leaves no file behind."""
    rows, cols = values.shape
    memory = gdal.GetDriverByName("MEM").Create("", cols, rows, 1, data_type)
    memory.SetGeoTransform(tuple(geotransform))
    if crs_wkt:
        memory.SetProjection(crs_wkt)
    band = memory.GetRasterBand(1)
    band.SetNoDataValue(MAP_NODATA)
    band.WriteArray(values)
    folder, name = os.path.split(path)
    partial = os.path.join(folder, ".{0}.{1}.part{2}".format(
        name, uuid.uuid4().hex[:8], os.path.splitext(path)[1]))
    try:
        gdal.GetDriverByName(driver).CreateCopy(partial, memory, 0, list(options))
        replace_raster(partial, path)
        if driver == "AAIGrid" and os.path.exists(partial[:-4] + ".prj"):
            os.replace(partial[:-4] + ".prj", path[:-4] + ".prj")
    finally:
        for leftover in (partial, partial[:-4] + ".prj", partial + ".aux.xml"):
            if os.path.exists(leftover):
                os.remove(leftover)


def georeference(path: str) -> Tuple[Tuple[float, ...], Optional[str]]:
    """(geotransform, CRS WKT or None) of a raster, without reading its cells."""
    dataset = gdal.Open(gdal_path(path))
    if dataset is None:
        raise QgsProcessingException(translate("GDAL cannot read the raster {path}.").format(
            path=path))
    return tuple(dataset.GetGeoTransform()), dataset.GetProjection() or None


def write_outputs(result: CircuitResult, prefix: str, *, scenario: str,
                  geotransform: Optional[Sequence[float]], crs_wkt: Optional[str],
                  as_tif: bool) -> List[str]:
    """Write every output of ``result`` as Circuitscape does; returns the paths written."""
    folder = os.path.dirname(os.path.abspath(prefix))
    os.makedirs(folder, exist_ok=True)
    written = []
    if result.resistances is not None:
        path = prefix + "_resistances.out"
        atomic_text(path, format_table(result.resistances))
        written.append(path)
        if scenario == "pairwise" and result.resistances.shape[0] > 2:
            path = prefix + "_resistances_3columns.out"
            atomic_text(path, format_table(three_columns(result.resistances)))
            written.append(path)
    for name, table in result.tables.items():
        path = "{0}_{1}.txt".format(prefix, name)
        atomic_text(path, format_table(table, "\t"))
        written.append(path)
    if result.maps and geotransform is None:
        raise QgsProcessingException(translate("The habitat raster has no georeferencing."))
    for name, values in result.maps.items():
        path = "{0}_{1}.{2}".format(prefix, name, "tif" if as_tif else "asc")
        write_map(values, path, geotransform or (), crs_wkt, as_tif)
        written.append(path)
    return written

