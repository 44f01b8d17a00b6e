"""The unit graph of ``esp:collaborativezoning``: the unit x unit matrix of links or of
effective resistances, and the collaboration zones it gives.

Built on :mod:`espcore.zoning.collaboration` (same unit numbering: 1..U, 0 = outside
every unit). :func:`link_matrix` and :func:`resistance_matrix` give a :class:`UnitMatrix`:
the matrix as written and the weights of the graph the zones are found on;
:func:`collaboration_zones` gives the zones and how well they and an existing grouping
(such as the prefectures) fit the graph.

No QGIS, no GDAL: numpy, scipy and networkx only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, List, Optional

import numpy as np

from ..circuits.graph import conductances
from ..corridors.costdistance import square_cell
from ..grid import Grid
from ..progress import NullProgress, Progress
from .collaboration import (
    _as_end_units,
    _as_table,
    _check_n_units,
    adjusted_rand_index,
    communities,
    partition_modularity,
    shared_matrix,
    typical_communities,
    unit_matrix,
    unit_resistances,
)


@dataclass
class UnitMatrix:
    """A unit x unit matrix and the weights of the collaboration graph drawn from it.

    Attributes
    ----------
    values : ndarray, shape (U, U)
        The matrix as written (summed link weights, or effective resistances with NaN for
        pairs that no path joins).
    weights : ndarray, shape (U, U)
        Symmetric edge weights 0 or more: the link matrix itself, or the conductance 1/R.
    left_out : int
        Links left out of a link matrix (no end, or no unit, inside a unit).
    unweighted : int
        Links without a finite weight, counted with weight 0.
    """

    values: np.ndarray
    weights: np.ndarray
    left_out: int = 0
    unweighted: int = 0


@dataclass
class CollaborationZones:
    """Collaboration zones of the units and how they compare with an existing grouping.

    Attributes
    ----------
    community : ndarray of int64, shape (U,)
        Zone 1..K of each unit (Louvain, numbered by size as
        :func:`~espcore.zoning.collaboration.communities`); 0 for a unit that shares no
        edge with another unit.
    count : int
        Number of distinct zones among the linked units.
    modularity : float
        Modularity of the Louvain partition.
    group_modularity : float or None
        Modularity of the existing grouping (None without one).
    adjusted_rand : float or None
        Adjusted Rand index of the zones and the grouping over the linked units that have a
        group (NaN when there is none; None without a grouping).
    typical : list of (int or None), or None
        Per unit, the zone most common among the linked units of its group
        (:func:`~espcore.zoning.collaboration.typical_communities`); None without a
        grouping.
    """

    community: np.ndarray
    count: int
    modularity: float
    group_modularity: Optional[float] = None
    adjusted_rand: Optional[float] = None
    typical: Optional[List[Optional[int]]] = None


def link_matrix(end_units: Any, *, n_units: int, weights: Any = None,
                crossed: Any = None) -> UnitMatrix:
    """The unit x unit matrix of the links: their number, or the sum of a link weight.

    Parameters
    ----------
    end_units : ndarray of int, shape (L, 2)
        Unit 0..U of each link's two end sources.
    n_units : int
        Number of units U.
    weights : ndarray of float, shape (L,), optional
        Weight of each link (e.g. its current flow); NaN or infinite = no value, counted as
        0. Default 1 per link (the number of links).
    crossed : ndarray, shape (L, U + 1), optional
        Length of each link's path per unit. Without it a link ties the units of its two
        ends (:func:`~espcore.zoning.collaboration.unit_matrix`); with it, also every unit
        its path crosses (length > 0), all with one another
        (:func:`~espcore.zoning.collaboration.shared_matrix`).

    Returns
    -------
    UnitMatrix
        ``values`` and ``weights`` are the same matrix; ``left_out`` as the two functions
        above; ``unweighted`` the number of links whose weight was not finite.

    Raises
    ------
    EspInputError
        Bad shapes, units outside 0..U, negative or non-finite lengths.
    """
    count = _check_n_units(n_units)
    ends = _as_end_units(end_units, count)
    if weights is None:
        link_weights = np.ones(ends.shape[0])
    else:
        link_weights = np.array(weights, dtype=np.float64).ravel()
    missing = ~np.isfinite(link_weights)
    link_weights[missing] = 0.0
    if crossed is None:
        matrix, left_out = unit_matrix(ends, link_weights, n_units=count)
    else:
        members = _as_table(crossed, "link x unit", count + 1) > 0
        members[np.arange(ends.shape[0])[:, None], ends] = True
        matrix, left_out = shared_matrix(members, link_weights, n_units=count)
    return UnitMatrix(values=matrix, weights=matrix, left_out=left_out,
                      unweighted=int(missing.sum()))


def resistance_matrix(resistance: Grid, sources: Any, units: Any, *, n_units: int,
                      progress: Progress = NullProgress()) -> UnitMatrix:
    """The effective resistance between every two units, the source cells of each unit
    shorted into one focal region (Circuitscape's pairwise mode with 8 neighbours and
    average conductance, :func:`~espcore.zoning.collaboration.unit_resistances`).

    Parameters
    ----------
    resistance : Grid
        Resistance per cell (cost units per map unit); NoData, NaN and infinite cells do
        not conduct. Cells must be square.
    sources : ndarray of int, same shape
        Source id per cell, 0 or less = no source.
    units : ndarray of int, same shape
        Unit per cell: 0 = in no unit, 1..``n_units``.
    n_units : int
        Number of units U.
    progress : Progress
        Passed to the circuit solver; cancellation checked between solves.

    Returns
    -------
    UnitMatrix
        ``values``: resistances × cell side (cost units), 0 on the diagonal of units with
        source cells, NaN for a unit without source cells and for pairs no path joins;
        ``weights``: the conductance 1 / R where R is finite and positive, else 0.

    Raises
    ------
    EspInputError
        Zero or negative resistances, rectangular cells, grids of different shapes, unit
        values outside 0..U.
    Cancelled
        When the user stops the run.
    """
    valid = ~resistance.mask & np.isfinite(resistance.values)
    g = conductances(np.where(valid, resistance.values, 1.0), valid, is_resistance=True)
    focal = np.where((np.asarray(sources) > 0) & valid, units, 0)
    values = unit_resistances(g, focal, n_units=n_units, progress=progress)
    values *= square_cell(resistance.cell_size)
    with np.errstate(divide="ignore"):
        weights = np.where(np.isfinite(values) & (values > 0), 1.0 / values, 0.0)
    return UnitMatrix(values=values, weights=weights)


def collaboration_zones(weights: Any, *, groups: Any = None, resolution: float = 1.0,
                        seed: int = 1) -> CollaborationZones:
    """Collaboration zones: Louvain communities of the unit graph, compared with an
    existing grouping of the units.

    Parameters
    ----------
    weights : ndarray, shape (U, U)
        Symmetric edge weights (:attr:`UnitMatrix.weights`); the diagonal is ignored.
    groups : ndarray of int, shape (U,), optional
        An existing grouping (e.g. the prefecture of each county), 1..G; 0 = no group.
    resolution : float
        Louvain resolution, also used for both modularities.
    seed : int
        Random seed of the Louvain search.

    Returns
    -------
    CollaborationZones
        A unit sharing no edge with another gets zone 0 rather than a zone of its own.
        With ``groups``: the grouping's modularity, the adjusted Rand index of the zones
        and the groups over the linked units with a group, and each unit's typical zone.

    Raises
    ------
    EspInputError
        As :func:`~espcore.zoning.collaboration.communities`,
        :func:`~espcore.zoning.collaboration.partition_modularity`.
    """
    found = communities(weights, resolution=resolution, seed=seed)
    matrix = np.asarray(weights, dtype=np.float64)
    off_diagonal = matrix - np.diag(np.diag(matrix))
    linked = off_diagonal.sum(axis=1) > 0
    community = np.where(linked, found.labels, 0)
    zones = CollaborationZones(community=community,
                               count=int(np.unique(community[linked]).size),
                               modularity=found.modularity)
    if groups is not None:
        zones.group_modularity = partition_modularity(matrix, groups, resolution=resolution)
        group = np.asarray(groups, dtype=np.int64)
        compared = linked & (group > 0)
        zones.adjusted_rand = adjusted_rand_index(community[compared], group[compared]) \
            if compared.any() else math.nan
        zones.typical = typical_communities(community, group)
    return zones
