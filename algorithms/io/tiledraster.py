"""The QGIS side of tiled steps: when to go by tiles, the files the workers read, where the
finished tiles wait, and the output written band by band.

A raster step goes by tiles (``espcore.tiled``) when the whole raster would not fit in
memory, or when the provider's engine is Dask (a cluster is asked for, so the tiles become
its tasks). Workers read their windows from the input files themselves, so an input must be
a file GDAL opens (a GeoTIFF on a disk every worker sees, or a GDAL URL). The finished tiles
wait in a hidden folder beside the output, named by a digest of the inputs and the options:
a rerun of the same job after a crash or a cancel computes only the missing tiles; any
change of input or option starts afresh. The folder is removed when the output is written.
"""

import glob
import hashlib
import json
import os
import shutil
import uuid
from typing import Any, Iterable, Optional, Sequence

from qgis.core import QgsProcessingException, QgsRasterLayer

from ...espcore import memory
from ...espcore.rasterfile import RasterFile, close, close_all, create_like
from ...espcore.tiled import PartStore, assemble_file
from ...espcore.tiles import Tile, tile_size_for
from ..base import translate
from ..engine import ENGINE, SCHEDULER, _setting
from .raster import FLOAT_NODATA, check_output_path, replace_raster

#: Set to "1" to send every tiled-capable step through tiles (tests, and users who want the
#: tiled route on a machine where the whole raster would fit).
FORCE_TILES = "ESP_TOOLKIT_TILES"
#: Memory for one tile's read window and its work, per worker.
TILE_BUDGET = 512.0 * 2 ** 20
#: Prefix of the folders of finished tiles beside an output.
PREFIX = ".esp-tiles-"


def layer_file(layer: QgsRasterLayer, band: int = 1, role: str = "Raster") -> RasterFile:
    """The file behind ``layer``, for workers to read windows of.

    Refused: a layer that is no file GDAL opens, NoData settings made in QGIS (the workers
    read the file itself and cannot apply them), and rotated grids.
    """
    path = layer.source().split("|", 1)[0]
    if layer.providerType() != "gdal" or not (os.path.exists(path) or path.startswith("/vsi")):
        raise QgsProcessingException(translate(
            "{role} '{name}' is not a raster file, so it cannot be read tile by tile. Save it "
            "as a GeoTIFF (right-click > Export > Save As) and run again with the "
            "file.").format(role=role, name=layer.name()))
    provider = layer.dataProvider()
    if provider.userNoDataValues(band) or (provider.sourceHasNoDataValue(band)
                                           and not provider.useSourceNoDataValue(band)):
        raise QgsProcessingException(translate(
            "{role} '{name}' has NoData settings of its own in QGIS (layer Properties > "
            "Transparency), which a run by tiles cannot apply: its workers read the file "
            "itself. Write the layer to a GeoTIFF with those NoData values (Raster > "
            "Conversion > Translate, 'Assign a specified NoData value to output bands') and "
            "run again with that file.").format(role=role, name=layer.name()))
    source = RasterFile(path, band)
    transform = source.geotransform
    if transform[2] != 0 or transform[4] != 0:
        raise QgsProcessingException(translate(
            "{role} '{name}' is rotated; warp it to a north-up grid first.").format(
                role=role, name=layer.name()))
    return source


def tile_side(bytes_per_cell: float, halo: int = 0) -> int:
    """Side in cells of a tile whose read window fits :data:`TILE_BUDGET`; at least the
    halo, so that a tile never reads more than nine times its own cells. A fixed budget, not
    the memory free now: a rerun must cut the same tiles to resume."""
    return max(tile_size_for(TILE_BUDGET, bytes_per_cell, halo), halo)


def use_tiles(cells: float, operation: str, *, per_cell: float = 0.0,
              extra: float = 0.0) -> bool:
    """True when a step should go by tiles: forced, the Dask engine, or too big for memory
    (the figures of ``espcore.memory`` for ``operation``)."""
    if os.environ.get(FORCE_TILES) == "1" or _dask_selected():
        return True
    available = memory.available_bytes()
    need = memory.grid_estimate(operation, cells, extra + cells * per_cell)
    return available is not None and need > memory.SHARE * available


def _dask_selected() -> bool:
    return bool((_setting(SCHEDULER) or "").strip()) or _setting(ENGINE) == 1


def _fingerprint(path: str) -> Any:
    try:
        stat = os.stat(path)
    except OSError:
        return path
    return [os.path.abspath(path), stat.st_size, stat.st_mtime_ns]


def parts_folder(output: str, inputs: Iterable[RasterFile], options: Any) -> PartStore:
    """The store of finished tiles for this output and this job (see the module notes)."""
    record = json.dumps({"inputs": [[_fingerprint(f.path), f.band] for f in inputs],
                         "options": options}, sort_keys=True, default=repr)
    digest = hashlib.blake2b(record.encode("utf-8"), digest_size=8).hexdigest()
    folder = os.path.dirname(os.path.abspath(output))
    name = PREFIX + os.path.basename(output) + "-"
    # Parts of another job for this output can never be used again.
    for stale in glob.glob(os.path.join(glob.escape(folder), glob.escape(name) + "*")):
        if not stale.endswith(digest):
            shutil.rmtree(stale, ignore_errors=True)
    return PartStore(os.path.join(folder, name + digest))


def write_parts(store: PartStore, tiles: Sequence[Tile], name: str, like: RasterFile,
                path: str, *, dtype: str = "float32", nodata: Optional[float] = None,
                mode: str = "crop") -> str:
    """Assemble the parts called ``name`` into the GeoTIFF ``path`` on ``like``'s grid.

    Written under a temporary name and renamed at the end, as every raster output: a
    failure never leaves half a raster. NaN cells become NoData.
    """
    check_output_path(path)
    nodata = FLOAT_NODATA if nodata is None else nodata
    folder = os.path.dirname(os.path.abspath(path))
    partial = os.path.join(folder, ".{0}.{1}.part.tif".format(os.path.basename(path),
                                                                uuid.uuid4().hex[:8]))
    target = create_like(partial, like, dtype=dtype, nodata=nodata)
    try:
        assemble_file(store, tiles, name, target, dtype=dtype, nodata=nodata, mode=mode)
        close(target)
        replace_raster(partial, path)
    except BaseException:
        close(target)
        if os.path.exists(partial):
            os.remove(partial)
        raise
    finally:
        # Tiles run in this thread opened the inputs: release them (Windows locks open files).
        close_all()
    return path


__all__ = ["FORCE_TILES", "TILE_BUDGET", "layer_file", "parts_folder", "tile_side", "use_tiles",
           "write_parts"]
