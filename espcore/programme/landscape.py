"""The ecological security pattern that a restoration programme works on, and its sites.

A :class:`Landscape` bundles what the earlier stages produced: the sources (an id raster
and an area per source), the resistance surface, the links between sources with their
least-cost distance (LCD) and effective resistance (Linkage Mapper's ``Eff_Resist``), the
cumulative current map and the ECA kernel. A :class:`Site` is one candidate key restoration
area. Both are plain picklable values, so they travel to worker processes as they are.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Dict, Optional, Tuple

import numpy as np

from ..corridors.costdistance import square_cell
from ..errors import EspInputError
from .actions import class_resistances
from .eca import kernel_rate, network_eca, pair_probabilities


@dataclass(frozen=True, eq=False)
class Site:
    """A candidate restoration site.

    Attributes
    ----------
    site_id : int
        Its id (unique among the sites of one run).
    cells : int array
        Flat (row-major) indices of its cells on the landscape's grid.
    kind : str or None
        Its key-area kind name (``"barrier"``, ... see
        :data:`espcore.programme.actions.KIND_NAMES`), or None.
    """

    site_id: int
    cells: np.ndarray
    kind: Optional[str] = None


def _same_shape(name: str, value: Any, shape: Tuple[int, ...]) -> np.ndarray:
    array = np.asarray(value)
    if array.shape != shape:
        raise EspInputError("The {name} raster has shape {got}, not the source raster's "
                            "{shape}.", name=name, got=array.shape, shape=shape)
    return array


@dataclass(frozen=True, eq=False)
class Landscape:
    """An ecological security pattern, as restoration planning needs it.

    Build it with keywords; the arrays are checked and converted when it is made.

    Attributes
    ----------
    labels : 2-D int array
        Source id of every cell, 0 (or less) for none.
    resistance : 2-D float64 array
        Cost of crossing one map unit of each cell; positive where passable.
    impassable : 2-D bool array
        NoData cells: never entered, never restored.
    cell_size : float
        Side of the square cells, map units.
    links : (m, 2) int64 array
        The source ids each link joins.
    lcd : (m,) float64 array
        Least-cost distance of each link on ``resistance``, cost units (map units x
        resistance); ``inf`` for a link that is not connected.
    effective : (m,) float64 array
        Effective resistance of each link within its corridor (``Eff_Resist``, cost units).
    source_ids : (n,) int64 array
        The source ids, each once.
    areas_km2 : (n,) float64 array
        Area of each source, km², in the order of ``source_ids``.
    kernel_distance : float
        ECA kernel distance d0, cost units (see
        :func:`espcore.programme.eca.default_kernel_distance`).
    cutoff : float
        Corridor width for the effective resistance, cost units, as
        :func:`espcore.corridors.pinchpoints.corridor_pinchpoints`.
    landcover : 2-D int array or None
        Land-cover class of every cell; needed by actions keyed by class.
    probability : float
        Probability p0 of a direct move across ``kernel_distance`` (Conefor: 0.5).
    current : 2-D float array or None
        The cumulative current map (A), NaN where none.
    unit_area_km2 : float
        Area of one square map unit, km² (1e-6 for metres, the default).
    """

    labels: np.ndarray
    resistance: np.ndarray
    impassable: np.ndarray
    cell_size: float
    links: np.ndarray
    lcd: np.ndarray
    effective: np.ndarray
    source_ids: np.ndarray
    areas_km2: np.ndarray
    kernel_distance: float
    cutoff: float
    landcover: Optional[np.ndarray] = None
    probability: float = 0.5
    current: Optional[np.ndarray] = None
    unit_area_km2: float = 1e-6

    def __post_init__(self) -> None:
        labels = np.asarray(self.labels)
        if labels.ndim != 2:
            raise EspInputError("The source raster must be two-dimensional, not "
                                "{ndim}-dimensional.", ndim=labels.ndim)
        shape = labels.shape
        fields: Dict[str, Any] = {
            "labels": labels,
            "resistance": _same_shape("resistance", self.resistance, shape).astype(np.float64),
            "impassable": _same_shape("NoData", self.impassable, shape).astype(bool),
            "cell_size": square_cell(self.cell_size),
        }
        for name in ("landcover", "current"):
            value = getattr(self, name)
            if value is not None:
                fields[name] = _same_shape(name, value, shape)
        links = np.asarray(self.links, dtype=np.int64).reshape(-1, 2)
        lcd = np.asarray(self.lcd, dtype=np.float64).reshape(-1)
        effective = np.asarray(self.effective, dtype=np.float64).reshape(-1)
        if not (links.shape[0] == lcd.size == effective.size):
            raise EspInputError("There are {links} links, {lcd} least-cost distances and "
                                "{eff} effective resistances; give one of each per link.",
                                links=links.shape[0], lcd=lcd.size, eff=effective.size)
        ids = np.asarray(self.source_ids, dtype=np.int64).reshape(-1)
        if np.unique(ids).size != ids.size:
            raise EspInputError("The source ids must be unique.")
        unknown = ~np.isin(links, ids)
        if np.any(unknown):
            raise EspInputError("A link names source {id}, which is not among the sources.",
                                id=int(links[unknown][0]))
        kernel_rate(self.kernel_distance, self.probability)
        if not (math.isfinite(self.unit_area_km2) and self.unit_area_km2 > 0):
            raise EspInputError("The area of a square map unit must be a positive number of "
                                "km², not {value}.", value=self.unit_area_km2)
        cutoff = float(self.cutoff)
        if math.isnan(cutoff) or cutoff < 0:
            raise EspInputError("The corridor width (cutoff) must be zero or positive cost "
                                "units, not {value}.", value=self.cutoff)
        areas = np.asarray(self.areas_km2, dtype=np.float64).reshape(-1)
        if areas.size != ids.size:
            raise EspInputError("There are {areas} source areas for {n} source ids; give one "
                                "area per source.", areas=areas.size, n=ids.size)
        fields.update(links=links, lcd=lcd, effective=effective, source_ids=ids,
                      areas_km2=areas, cutoff=cutoff)
        for name, value in fields.items():
            object.__setattr__(self, name, value)
        self.eca()  # checks the areas' values and the link distances

    @property
    def cell_area_km2(self) -> float:
        """Area of one cell, km²."""
        return float(self.cell_size) ** 2 * float(self.unit_area_km2)

    def nodes(self) -> Tuple[np.ndarray, np.ndarray]:
        """Each link's two source indices in the order of ``source_ids``."""
        order = np.argsort(self.source_ids, kind="stable")
        position = np.searchsorted(self.source_ids[order], self.links)
        found = order[position]
        return found[:, 0], found[:, 1]

    def pstar(self, lcd: Optional[np.ndarray] = None) -> np.ndarray:
        """Best-path probabilities between the sources with the links' ``lcd`` (default:
        the landscape's own), in the order of ``source_ids``."""
        i, j = self.nodes()
        return pair_probabilities(self.source_ids.size, i, j,
                                  self.lcd if lcd is None else lcd,
                                  distance=self.kernel_distance, probability=self.probability)

    def eca(self, lcd: Optional[np.ndarray] = None) -> float:
        """ECA of the sources (km²) with the links' ``lcd`` (default: the landscape's)."""
        i, j = self.nodes()
        return network_eca(self.areas_km2, i, j, self.lcd if lcd is None else lcd,
                           distance=self.kernel_distance, probability=self.probability)

    def class_targets(self) -> Dict[int, float]:
        """Median resistance of each land-cover class on passable cells ({} without land
        cover): what a "target class" restores to."""
        if self.landcover is None:
            return {}
        return class_resistances(self.landcover, self.resistance, ~self.impassable)
