"""Circuitscape's advanced mode: current sources and grounds on a resistor network.

This is the kernel shared by the advanced, one-to-all and all-to-one raster modes, the network
advanced mode and every Omniscape window. Semantics follow Circuitscape.jl (the README's
"For Circuitscape users" says how they are verified): sources and ground conductances add up
per node, conflicts between a source and a ground on one node are settled by a policy, and
every connected component that has both a source and a ground is solved on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, Optional, Tuple

import numpy as np

from ..errors import EspInputError
from .graph import Network, node_currents
from .solvers import ClampedSystem, Log, _quiet

#: ``remove_src_or_gnd`` values: keep both, remove the source, the ground, or both.
POLICIES = ("keepall", "rmvsrc", "rmvgnd", "rmvall")


def resolve_conflicts(sources: np.ndarray, grounds: np.ndarray,
                      policy: str) -> Tuple[np.ndarray, np.ndarray, Optional[np.ndarray]]:
    """Apply the source/ground conflict policy, per node.

    ``grounds`` are conductances to ground (``inf`` = direct ground). Returns new sources,
    new grounds and the finite ground conductances (None when there are none). As in
    Circuitscape, the finite grounds are taken *before* the policy, so ``rmvgnd`` leaves a
    finite ground in the circuit; a direct ground on a node that still has a source is
    dropped.
    """
    if policy not in POLICIES:
        raise EspInputError("Unknown source/ground conflict policy '{policy}'. Use one of: "
                            "{choices}.", policy=policy, choices=", ".join(POLICIES))
    sources = np.array(sources, dtype=np.float64)
    grounds = np.array(grounds, dtype=np.float64)
    finite = np.where(np.isinf(grounds), 0.0, grounds)
    finite_grounds = finite if np.any(finite != 0) else None
    conflicts = (sources != 0) & (grounds != 0)
    if policy in ("rmvsrc", "rmvall"):
        sources[conflicts] = 0.0
    if policy in ("rmvgnd", "rmvall"):
        grounds[conflicts] = 0.0
    grounds[np.isinf(grounds) & (sources > 0)] = 0.0
    return sources, grounds, finite_grounds


@dataclass(frozen=True)
class Solution:
    """Node potentials (V) of an advanced-mode solve and what is needed to get currents."""

    voltages: np.ndarray
    finite_grounds: Optional[np.ndarray]
    solved: bool

    def node_currents(self, net: Network) -> np.ndarray:
        return node_currents(net, self.voltages, self.finite_grounds)


def solve_sources_grounds(net: Network, sources: np.ndarray, grounds: np.ndarray, *,
                          policy: str = "keepall", laplacian: Any = None,
                          components: Optional[np.ndarray] = None, method: str = "auto",
                          log: Log = _quiet) -> Solution:
    """Potentials of a network with current sources (A) and grounds (S, ``inf`` = direct).

    Each component with a nonzero source sum and a nonzero ground sum is solved with
    ``(L + diag(finite grounds)) v = sources``, direct grounds held at 0 V; other components
    keep 0 V. ``laplacian`` and ``components`` may be passed to reuse them between calls.
    """
    sources, grounds, finite = resolve_conflicts(sources, grounds, policy)
    if laplacian is None:
        laplacian = net.laplacian()
    if components is None:
        components = net.components()[1]
    v = np.zeros(net.n_nodes)
    solved = False
    order = np.argsort(components, kind="stable")
    bounds = np.flatnonzero(np.diff(components[order])) + 1
    for nodes in np.split(order, bounds):
        if nodes.size == 0 or sources[nodes].sum() == 0 or grounds[nodes].sum() == 0:
            continue
        block = laplacian[nodes][:, nodes]
        if finite is not None:
            import scipy.sparse as sp

            block = block + sp.diags(finite[nodes])
        system = ClampedSystem(block, np.isinf(grounds[nodes]), method=method, log=log)
        v[nodes] = system.solve(sources[nodes])
        solved = True
    return Solution(v, finite, solved)


#: Circuitscape's NoData value in its output maps.
MAP_NODATA = -9999.0


def finish_map(cells: np.ndarray, g: np.ndarray, *, log_transform: bool = False,
               null_to_nodata: bool = False) -> np.ndarray:
    """Circuitscape's per-map post-processing, applied before maps are accumulated.

    ``log_transform``: log10 of positive values, NoData (-9999) elsewhere.
    ``null_to_nodata``: cells with zero conductance become NoData.
    """
    out = np.array(cells, dtype=np.float64)
    if log_transform:
        positive = out > 0
        out[positive] = np.log10(out[positive])
        out[~positive] = MAP_NODATA
    if null_to_nodata:
        out[g == 0] = MAP_NODATA
    return out


def clamp_nodata(cells: np.ndarray) -> np.ndarray:
    """Sums of maps that hold NoData are clamped back to -9999 (cumulative and max maps)."""
    return np.maximum(cells, MAP_NODATA)


def resistance_table(ids: np.ndarray, r: np.ndarray) -> np.ndarray:
    """Circuitscape's resistance matrix layout: header row ``0 ids``, header column ids."""
    k = ids.size
    table = np.zeros((k + 1, k + 1))
    table[0, 1:] = ids
    table[1:, 0] = ids
    table[1:, 1:] = r
    return table


def three_columns(table: np.ndarray) -> np.ndarray:
    """``id_i id_j R`` for every pair i < j (Circuitscape's ``_resistances_3columns.out``)."""
    ids = table[0, 1:]
    i, j = np.triu_indices(ids.size, k=1)
    return np.column_stack([ids[i], ids[j], table[1:, 1:][j, i]])


def pair_resistances(table: np.ndarray) -> np.ndarray:
    """``id_i id_j R_ij`` for every pair i < j of a pairwise resistance matrix (the layout of
    :func:`resistance_table`), R read above the diagonal, pairs in row order (1-2, 1-3, ...,
    2-3, ...); shape (k (k - 1) / 2, 3), float64."""
    matrix = np.asarray(table, dtype=np.float64)
    ids = matrix[0, 1:]
    i, j = np.triu_indices(ids.size, k=1)
    return np.column_stack([ids[i], ids[j], matrix[1:, 1:][i, j]])


@dataclass(frozen=True)
class MapOptions:
    """Which maps a run produces, with Circuitscape's output flags.

    ``current_maps``: per pair / per focal node current maps (and the cumulative map);
    ``cumulative_only``: compute them but keep only the cumulative (and max) map;
    ``max_map``: also the cell-wise maximum over pairs; ``voltage_maps``: potentials.
    """

    current_maps: bool = False
    cumulative_only: bool = False
    max_map: bool = False
    voltage_maps: bool = False
    null_currents_to_nodata: bool = False
    null_voltages_to_nodata: bool = False
    log_transform: bool = False

    @property
    def any_currents(self) -> bool:
        return self.current_maps or self.cumulative_only or self.max_map

    @property
    def keep_pair_currents(self) -> bool:
        return self.current_maps and not self.cumulative_only


@dataclass
class CircuitResult:
    """Everything a Circuitscape run produces, keyed like Circuitscape's file names.

    ``resistances``: the matrix as Circuitscape writes it (pairwise: header row ``0 ids``,
    header column ids, -1 for disconnected pairs; one-to-all/all-to-one: ``id value`` rows),
    or None. ``maps``: 2-D float arrays named by file suffix (``cum_curmap``,
    ``curmap_1_2``, ``voltmap_3`` ...), -9999 = NoData. ``tables``: network-mode text tables
    (``voltages``, ``node_currents_1_2`` ...).
    """

    resistances: Optional[np.ndarray] = None
    maps: Dict[str, np.ndarray] = field(default_factory=dict)
    tables: Dict[str, np.ndarray] = field(default_factory=dict)
