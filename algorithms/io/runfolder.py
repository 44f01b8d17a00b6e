"""The products of a finished run of 'Ecological security pattern' read back from its folder.

Each product has a fixed file name inside the run's output folder (workflow.products.BY_KEY),
so two folders are enough to compare two runs: the source id raster, the zone raster and the
corridor links. A missing file is named with the step that writes it.
"""

import math
import os
from dataclasses import dataclass
from typing import Any, Dict, List, Sequence, Tuple

import numpy as np
from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsRasterLayer,
    QgsVectorLayer,
)

from ...espcore.grid import Grid
from ..base import translate
from ..workflow.products import BY_KEY, stage_titles
from .destinations import file_part
from .links import LinkTable, number_or_nan
from .raster import check_aligned, check_grid_memory, read_grid

#: The products a comparison reads.
SOURCE_IDS, ZONES, LINKS = "SOURCE_IDS", "ZONES", "LINKS"
#: Fields of the links layer a comparison needs.
LINK_NEEDS = ("From_Core", "To_Core", "CW_Dist", "Active")


@dataclass
class Run:
    """One run's products on its grid.

    ``ids``: source id per cell (int64, 0 = no source); ``zones``: zone code per cell (int64,
    0..4, 0 = NoData); ``links``: every link of the layer; ``rows``: the rows of the active
    links with a known least-cost distance (``skipped``: the Link_IDs of active links
    without one).
    """

    folder: str
    role: str
    grid: Grid
    ids: np.ndarray
    zones: np.ndarray
    links: LinkTable
    rows: np.ndarray
    skipped: List[int]
    layer: QgsVectorLayer

    def end_sources(self) -> np.ndarray:
        """From_Core, To_Core of the used links, shape (m, 2)."""
        return self.links.end_sources(self.rows)

    def costs(self) -> np.ndarray:
        """CW_Dist of the used links (cost units)."""
        return self.links.cw_dist[self.rows]


def product_path(folder: str, key: str, role: str) -> str:
    """The file of product ``key`` in ``folder``; a clear error when it is not there."""
    if not folder or not os.path.isdir(folder):
        raise QgsProcessingException(translate(
            "The folder '{folder}' ({role}) does not exist. Give the output folder of a run of "
            "'Ecological security pattern' (esp:securitypattern).").format(
                role=role, folder=folder))
    product = BY_KEY[key]
    path = product.path(folder)
    if not os.path.isfile(path):
        raise QgsProcessingException(translate(
            "The folder '{folder}' ({role}) has no {file} ({title}). Run 'Ecological security "
            "pattern' (esp:securitypattern) into that folder through the stage "
            "'{stage}' first, or give the folder of a run that did.").format(
                role=role, folder=folder, file=product.file,
                title=product.display_name(), stage=stage_titles()[product.stage]))
    return path


def refuse_product_outputs(algorithm: Any, parameters: Dict[str, Any],
                           folders: Sequence[str]) -> None:
    """Refuse, before any work, an output that names a product a comparison reads."""
    read = {os.path.realpath(BY_KEY[key].path(folder)) for folder in folders if folder
            for key in (SOURCE_IDS, ZONES, LINKS)}
    for definition in algorithm.destinationParameterDefinitions():
        value = parameters.get(definition.name())
        if isinstance(value, QgsProcessingOutputLayerDefinition):
            value = value.sink.staticValue()
        path = file_part(value) if isinstance(value, str) else None
        if path in read:
            raise QgsProcessingException(translate(
                "The output '{output}' ({name}) is a product of a run the comparison reads: "
                "writing it would overwrite that run. Choose another file name.").format(
                    output=path, name=definition.description()))


def _raster(folder: str, key: str, role: str) -> QgsRasterLayer:
    path = product_path(folder, key, role)
    layer = QgsRasterLayer(path, "{0}: {1}".format(role, BY_KEY[key].file), "gdal")
    if not layer.isValid():
        raise QgsProcessingException(translate(
            "{file} of the {role} cannot be read ({path}); write it again by running "
            "'Ecological security pattern' into that folder.").format(
                role=role, file=BY_KEY[key].file, path=path))
    return layer


def _whole(layer: QgsRasterLayer, role: str, crs: str) -> np.ndarray:
    grid = read_grid(layer, role=role, crs=crs)
    return np.where(grid.mask, 0, grid.values).astype(np.int64)


def read_runs(before: str, after: str, roles: Tuple[str, str]) -> Tuple[Run, Run]:
    """Both runs' products; refused unless every raster is on the grid of the first run's
    source ids (the message names both grids)."""
    layers = {}
    for folder, role in zip((before, after), roles):
        for key in (SOURCE_IDS, ZONES):
            layers[(folder, role, key)] = _raster(folder, key, role)
        product_path(folder, LINKS, role)
    check_aligned({"{0} ({1})".format(BY_KEY[key].file, role): layer
                   for (_folder, role, key), layer in layers.items()})
    first = next(iter(layers.values()))
    # Four grids, the units, the change maps and the core's int64 keys.
    check_grid_memory(first, "zoning", translate("Comparing two runs"), per_cell=48.0)
    crs = first.crs().toWkt()
    runs = []
    for folder, role in zip((before, after), roles):
        ids_layer = layers[(folder, role, SOURCE_IDS)]
        grid = read_grid(ids_layer, role=role, crs=crs)
        ids = np.where(grid.mask, 0, grid.values).astype(np.int64)
        zones = _whole(layers[(folder, role, ZONES)], role, crs)
        if zones.size and (zones.min() < 0 or zones.max() > 4):
            raise QgsProcessingException(translate(
                "zones.tif of the {role} holds values outside the zone codes 1-4; give "
                "the zones written by 'Restoration zoning'.").format(role=role))
        table, layer = _links(product_path(folder, LINKS, role), role)
        rows, skipped = _used_rows(table, ids, role)
        runs.append(Run(folder, role, grid, ids, zones, table, rows, skipped, layer))
    return runs[0], runs[1]


def _links(path: str, role: str) -> Tuple[LinkTable, QgsVectorLayer]:
    layer = QgsVectorLayer(path, os.path.basename(path), "ogr")
    if not layer.isValid():
        raise QgsProcessingException(translate(
            "The corridor links of the {role} cannot be read ({path}).").format(
                role=role, path=path))
    names = layer.fields().names()
    missing = [name for name in LINK_NEEDS if name not in names]
    if missing:
        raise QgsProcessingException(translate(
            "The corridor links of the {role} ({path}) lack the fields {fields}; give the "
            "folder of a run of 'Ecological security pattern'.").format(
                role=role, path=path, fields=", ".join(missing)))
    features = list(layer.getFeatures())
    values = np.array([[number_or_nan(feature[name]) for name in LINK_NEEDS]
                       for feature in features], dtype=np.float64).reshape(-1, 4)
    link_id = np.array([number_or_nan(feature["Link_ID"]) if "Link_ID" in names else math.nan
                        for feature in features], dtype=np.float64)
    link_id = np.where(np.isfinite(link_id), link_id, np.arange(1, len(features) + 1))
    ends = values[:, :2]
    active = values[:, 3] > 0
    bad = active & ~(np.isfinite(ends).all(axis=1) & (ends == np.round(ends)).all(axis=1))
    if np.any(bad):
        raise QgsProcessingException(translate(
            "Active link {id} of the links in '{path}' ({role}) has no whole-number "
            "From_Core / To_Core.").format(id=int(link_id[bad][0]), path=path, role=role))
    ends = np.where(active[:, None], np.nan_to_num(ends), 0).astype(np.int64)
    return LinkTable(features, link_id.astype(np.int64), ends[:, 0], ends[:, 1],
                     values[:, 2], active), layer


def _used_rows(table: LinkTable, ids: np.ndarray, role: str) -> Tuple[np.ndarray, List[int]]:
    """Rows of the active links with a finite CW_Dist; an active link whose ends are not
    sources of the run's id raster is refused."""
    rows = np.flatnonzero(table.active)
    present = np.unique(ids[ids > 0])
    for row in rows:
        a, b = int(table.from_core[row]), int(table.to_core[row])
        absent = [end for end in (a, b) if end not in present]
        if a == b or absent:
            raise QgsProcessingException(translate(
                "Active link {id} of the {role} joins sources {a} and {b}, which are not "
                "two sources of its source_ids.tif. Give the folder of one complete run "
                "(links and sources of the same run).").format(
                    id=int(table.link_id[row]), role=role, a=a, b=b))
    known = np.isfinite(table.cw_dist[rows]) & (table.cw_dist[rows] >= 0)
    return rows[known], [int(table.link_id[row]) for row in rows[~known]]
