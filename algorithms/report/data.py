"""The figures of a workflow run, read back from the products in its folder for the report.

Everything is read from the files (workflow.PRODUCTS), never from the algorithm's memory, so
the dock can write the report of any finished folder. A product that is absent leaves its
part empty (None or an empty list); the report says so instead of failing.
"""

import csv
import math
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

import numpy as np
from osgeo import gdal, ogr

from ...espcore.errors import EspError
from ...espcore.summaries import min_median_max
from ...espcore.zoning.zones import ZONES, ZoneTally, zone_tally
from ..io.zones import km2_factor
from ..workflow.products import existing

#: Cells read for the current histogram at most: larger rasters are read decimated.
HISTOGRAM_CELLS = 4_000_000
#: Ledger fields the report shows (the ledger also holds the unit layer's own fields).
LEDGER_NUMBERS = ("area_km2", "src_n", "src_km2", "cor_n", "cor_km", "xlink_n", "pinch_n",
                  "bar_n", "z1_km2", "z2_km2", "z3_km2", "z4_km2", "burden_km2",
                  "benefit_km2", "net_km2")


def number_or_none(value: Any) -> Optional[float]:
    """A finite float, or None for NULL, empty or non-numeric text and NaN."""
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def read_features(path: str) -> Tuple[List[str], List[Dict[str, Any]]]:
    """(field names, one dict per feature in file order) of the first layer of ``path``."""
    source = ogr.Open(path)
    if source is None:
        return [], []
    layer = source.GetLayer(0)
    definition = layer.GetLayerDefn()
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    rows = []
    layer.ResetReading()
    for feature in layer:
        rows.append({name: feature.GetField(name) for name in names})
    return names, rows


def text_fields(path: str) -> List[str]:
    source = ogr.Open(path)
    if source is None:
        return []
    definition = source.GetLayer(0).GetLayerDefn()
    return [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())
            if definition.GetFieldDefn(i).GetType() == ogr.OFTString]


def read_csv(path: str) -> List[List[str]]:
    # utf-8-sig: a byte-order mark written by another tool must not stick to the first name.
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return [row for row in csv.reader(handle) if row]


def read_band(path: str, max_cells: Optional[int] = None) -> Tuple[np.ndarray, Any]:
    """(values as float64 with NaN on NoData, dataset). Above ``max_cells`` the raster is read
    decimated (nearest cell), which keeps a histogram's shape at a bounded memory cost."""
    dataset = gdal.Open(path)
    band = dataset.GetRasterBand(1)
    cols, rows = dataset.RasterXSize, dataset.RasterYSize
    if max_cells and cols * rows > max_cells:
        step = math.sqrt(cols * rows / max_cells)
        values = band.ReadAsArray(buf_xsize=max(1, int(cols / step)),
                                  buf_ysize=max(1, int(rows / step)))
    else:
        values = band.ReadAsArray()
    values = values.astype(np.float64)
    nodata = band.GetNoDataValue()
    if nodata is not None:
        values[values == np.float64(np.float32(nodata))] = np.nan
    return values, dataset


def cell_area_km2(dataset: Any) -> float:
    """Area of one cell of a GDAL dataset in km², whatever the CRS's linear unit."""
    transform = dataset.GetGeoTransform()
    return abs(transform[1] * transform[5] - transform[2] * transform[4]) \
        * km2_factor(dataset.GetProjection())


def read_resistances(path: str) -> Dict[Tuple[int, int], float]:
    """Circuitscape's pairwise resistance matrix (first row and column: focal ids)."""
    pairs: Dict[Tuple[int, int], float] = {}
    with open(path, encoding="utf-8") as handle:
        rows = [line.split() for line in handle if line.strip()]
    if not rows:
        return pairs
    ids = [int(float(v)) for v in rows[0][1:]]
    for row in rows[1:]:
        a = int(float(row[0]))
        for b, value in zip(ids, row[1:]):
            number = number_or_none(value)
            if a != b and number is not None and number >= 0:
                pairs[(a, b)] = number
    return pairs


@dataclass
class GridInfo:
    """The analysis grid (the resistance surface's, which every later raster shares)."""

    wkt: str
    cell_x: float
    cell_y: float
    columns: int
    rows: int


@dataclass
class RunData:
    """What the report shows; areas in km², lengths in km."""

    folder: str
    paths: Dict[str, str]
    group_field: Optional[str] = None
    grid: Optional[GridInfo] = None
    km_per_unit: float = 0.001  # km per map unit of the analysis grid
    sources: List[Dict[str, Any]] = field(default_factory=list)
    links: List[Dict[str, Any]] = field(default_factory=list)
    zones: Optional[ZoneTally] = None  # cells and km² of each zone
    key_areas: List[Dict[str, Any]] = field(default_factory=list)
    units: List[Dict[str, Any]] = field(default_factory=list)
    matrix: Optional[np.ndarray] = None  # county x county weights, ledger order
    sites: List[Dict[str, Any]] = field(default_factory=list)  # report.sites
    corridors: List[Dict[str, Any]] = field(default_factory=list)  # report.corridorstats
    account: List[Tuple[str, str, float]] = field(default_factory=list)
    cross_links: List[Dict[str, Any]] = field(default_factory=list)
    modularity: Optional[float] = None
    currents: Optional[np.ndarray] = None
    resistance_range: Optional[Tuple[float, float, float]] = None

    def has(self, key: str) -> bool:
        return key in self.paths

    @property
    def communities(self) -> List[int]:
        return sorted({int(u["community"]) for u in self.units if u["community"] is not None})

    @property
    def active_links(self) -> List[Dict[str, Any]]:
        return [link for link in self.links if link["active"]]

    @property
    def has_groups(self) -> bool:
        """Every unit carries its group (prefecture) from the ledger's group field."""
        return bool(self.units) and any(u.get("group") is not None for u in self.units)


def _sources(data: RunData) -> None:
    _, rows = read_features(data.paths["SOURCES"])
    central: Dict[int, Optional[float]] = {}
    if data.has("CENTRALITY_SOURCES"):
        _, crows = read_features(data.paths["CENTRALITY_SOURCES"])
        central = {int(r["source_id"]): number_or_none(r.get("CF_Central")) for r in crows
                   if r.get("source_id") is not None}
    for row in rows:
        ident = int(row["source_id"])
        data.sources.append({"id": ident, "area_km2": number_or_none(row.get("area_km2")),
                             "dPC": number_or_none(row.get("dPC")),
                             "dIIC": number_or_none(row.get("dIIC")),
                             "quality": number_or_none(row.get("mean_quality")),
                             "centrality": central.get(ident)})
    data.links.sort(key=lambda link: link["id"])
    data.sources.sort(key=lambda s: s["id"])


def _links(data: RunData, km_per_unit: float) -> None:
    _, rows = read_features(data.paths["LINKS"])
    central: Dict[int, Optional[float]] = {}
    if data.has("CENTRALITY_LINKS"):
        _, crows = read_features(data.paths["CENTRALITY_LINKS"])
        central = {int(r["Link_ID"]): number_or_none(r.get("CF_Central")) for r in crows
                   if r.get("Link_ID") is not None}
    resistance = read_resistances(data.paths["RESISTANCE_MATRIX"]) \
        if data.has("RESISTANCE_MATRIX") else {}
    for row in rows:
        ident, a, b = int(row["Link_ID"]), int(row["From_Core"]), int(row["To_Core"])
        length = number_or_none(row.get("LCP_Length"))
        euclid = number_or_none(row.get("Euc_Dist"))
        data.links.append({
            "id": ident, "from": a, "to": b, "active": bool(row.get("Active")),
            "euclid_km": euclid * km_per_unit if euclid is not None else None,
            "cost": number_or_none(row.get("CW_Dist")),
            "length_km": length * km_per_unit if length is not None else None,
            "resistance": resistance.get((a, b), resistance.get((b, a))),
            "centrality": central.get(ident)})


def _unit_names(data: RunData, rows: List[Dict[str, Any]]) -> List[str]:
    """The unit names: the matrix's first column lists them in ledger order (whatever the
    name field was called); without the matrix, the ledger's first text field."""
    if data.has("MATRIX"):
        table = read_csv(data.paths["MATRIX"])
        names = [row[0] for row in table[1:]]
        if len(names) == len(rows):
            return names
    fields = text_fields(data.paths["LEDGER"])
    return [str(row[fields[0]]) if fields and row[fields[0]] is not None else str(i + 1)
            for i, row in enumerate(rows)]


def _matrix(data: RunData) -> Optional[np.ndarray]:
    """The written county matrix (the graph the zones were searched on when the matrix
    counts or sums links), or None when it does not match the ledger."""
    table = read_csv(data.paths["MATRIX"])
    if len(table) - 1 != len(data.units) or any(len(row) != len(table) for row in table[1:]):
        return None
    return np.array([[number_or_none(v) or 0.0 for v in row[1:]] for row in table[1:]])


def modularity_of(matrix: Optional[np.ndarray], labels: List[int]) -> Optional[float]:
    """Modularity of a grouping of the counties (label 0: a group of its own) on ``matrix``."""
    from ...espcore.zoning.collaboration import partition_modularity

    if matrix is None:
        return None
    try:
        return float(partition_modularity(matrix, np.array(labels)))
    except (EspError, ValueError):
        return None


def _ledger(data: RunData) -> None:
    names, rows = read_features(data.paths["LEDGER"])
    labels = _unit_names(data, rows)
    group = data.group_field if data.group_field in names else None
    for label, row in zip(labels, rows):
        unit: Dict[str, Any] = {"name": label}
        for name in LEDGER_NUMBERS:
            unit[name] = number_or_none(row.get(name)) if name in names else None
        community = number_or_none(row.get("community"))
        unit["community"] = int(community) if community is not None and community > 0 \
            else None
        value = row.get(group) if group else None
        unit["group"] = None if value in (None, "") else str(value)
        data.units.append(unit)
    if data.has("MATRIX"):
        data.matrix = _matrix(data)
        data.modularity = modularity_of(data.matrix,
                                        [u["community"] or 0 for u in data.units])


def _key_areas(data: RunData) -> None:
    _, rows = read_features(data.paths["KEY_AREAS"])
    for row in rows:
        data.key_areas.append({"kind_id": int(row["kind_id"]), "kind": row.get("kind"),
                               "level": int(row["level"]),
                               "area_km2": number_or_none(row.get("area_km2")) or 0.0,
                               "length_km": number_or_none(row.get("length_km"))})


def _zones(data: RunData) -> None:
    values, dataset = read_band(data.paths["ZONES"])
    # Cells of no zone (NoData) as 0, the code zone_tally leaves out.
    data.zones = zone_tally(np.where(np.isin(values, ZONES), values, 0), cell_area_km2(dataset))


def _account(data: RunData) -> None:
    table = read_csv(data.paths["ACCOUNT"])
    for row in table[1:]:
        area = number_or_none(row[2]) if len(row) > 2 else None
        if area is not None:
            data.account.append((row[0], row[1], area))
    data.account.sort(key=lambda r: -r[2])


def _cross_links(data: RunData) -> None:
    _, rows = read_features(data.paths["CROSS_LINKS"])
    for row in rows:
        data.cross_links.append({"id": row.get("Link_ID"), "from": row.get("From_Unit"),
                                 "to": row.get("To_Unit"),
                                 "length_km": number_or_none(row.get("length_km"))})


def _rasters(data: RunData) -> None:
    if data.has("CURRENT"):
        values, _ = read_band(data.paths["CURRENT"], HISTOGRAM_CELLS)
        data.currents = values[np.isfinite(values)]
    if data.has("RESISTANCE"):
        values, _ = read_band(data.paths["RESISTANCE"], HISTOGRAM_CELLS)
        data.resistance_range = min_median_max(values)


#: (product key, reader) in reading order; each reader fills its part of RunData.
READERS = (("SOURCES", _sources), ("KEY_AREAS", _key_areas), ("ZONES", _zones),
           ("LEDGER", _ledger), ("ACCOUNT", _account), ("CROSS_LINKS", _cross_links))


def _grid(data: RunData) -> None:
    for key in ("RESISTANCE", "ZONES", "CURRENT"):
        if data.has(key):
            dataset = gdal.Open(data.paths[key])
            wkt = dataset.GetProjection()
            data.km_per_unit = math.sqrt(km2_factor(wkt))
            transform = dataset.GetGeoTransform()
            data.grid = GridInfo(wkt, abs(transform[1]), abs(transform[5]),
                                 dataset.RasterXSize, dataset.RasterYSize)
            return


def read_run(folder: str, *, group_field: Optional[str] = None) -> RunData:
    """Everything the report needs from ``folder``; absent products leave their part empty.

    ``group_field``: the ledger's field of the existing grouping (the prefecture), as the
    run was given it; without it the report has no prefecture table.
    """
    from .corridorstats import read_corridors
    from .sites import read_sites

    data = RunData(folder=folder, paths=existing(folder), group_field=group_field)
    _grid(data)
    for key, reader in READERS:
        if data.has(key):
            reader(data)
    if data.has("LINKS"):
        _links(data, data.km_per_unit)
    _rasters(data)
    if data.has("KEY_AREAS"):
        read_sites(data)
    if data.has("LINKS"):
        read_corridors(data)
    return data
