"""Circuitscape's raster advanced mode: current sources and grounds placed by rasters.

Every cell of the source raster injects its value (A) into the node of that cell, every cell
of the ground raster ties its node to ground through a conductance (S, ``inf`` = a direct
ground); values of the cells of one node (a short-circuit region) add up. Each connected
component that has both a source and a ground is solved on its own, as in Circuitscape.jl
(``src/raster/advanced.jl``); the kernel is :func:`espcore.circuits.circuit.solve_sources_grounds`.
"""

from __future__ import annotations

from typing import Optional

import numpy as np

from ..errors import EspInputError
from ..progress import NullProgress, Progress, check_cancelled, watching
from .circuit import CircuitResult, MapOptions, Solution, finish_map, solve_sources_grounds
from .graph import Network, node_currents, raster_network
from .solvers import Log, _quiet


def ground_conductances(values: np.ndarray, valid: np.ndarray, *, is_resistance: bool,
                        direct: bool) -> np.ndarray:
    """Conductance to ground (S) of every cell of a Circuitscape ground raster.

    Parameters
    ----------
    values : ground raster values: resistances to ground (ohm) or conductances (S).
    valid : False where the raster has NoData (no ground there).
    is_resistance : ``ground_file_is_resistances``; a resistance of 0 is a direct ground
        (``inf``), an infinite resistance is no ground.
    direct : ``use_direct_grounds``; every nonzero ground becomes a direct ground.

    Returns
    -------
    float array, 0 = no ground, ``inf`` = direct ground (held at 0 V).

    Raises
    ------
    EspInputError
        for negative ground values: Circuitscape would turn them into negative conductances,
        which make the circuit unsolvable.
    """
    values = np.asarray(values, dtype=np.float64)
    valid = np.asarray(valid, dtype=bool) & ~np.isnan(values)
    data = values[valid]
    bad = int(np.count_nonzero(data < 0))
    if bad:
        raise EspInputError(
            "The ground raster has {count} cells with negative values. Ground values must be "
            "0 or positive: give cells without a ground NoData (or 0 for conductances).",
            count=bad)
    out = np.zeros(values.shape, dtype=np.float64)
    if is_resistance:
        # Circuitscape (src/io.jl, read_source_and_ground_maps): 1 ./ resistance, so a
        # resistance of 0 is an infinite conductance (direct ground); NoData -> 0.
        with np.errstate(divide="ignore"):
            out[valid] = 1.0 / data
    else:
        out[valid] = data
    if direct:
        out[out != 0] = np.inf
    return out


def node_sums(net: Network, cells: np.ndarray) -> np.ndarray:
    """Sum of cell values per node (cells outside the network are ignored).

    ``inf`` stays ``inf`` (a direct ground anywhere in a region grounds the region), as in
    Circuitscape's ``sources[v] += value`` loop (``_get_sources_and_grounds``).
    """
    assert net.node_map is not None
    on = (net.node_map > 0) & (cells != 0)
    out = np.zeros(net.n_nodes)
    np.add.at(out, net.node_map[on] - 1, cells[on])
    return out


def raster_advanced(g: np.ndarray, *, sources: np.ndarray, grounds: np.ndarray,
                    regions: Optional[np.ndarray] = None, four_neighbours: bool = False,
                    average_resistance: bool = False, policy: str = "keepall",
                    maps: MapOptions = MapOptions(), method: str = "auto", log: Log = _quiet,
                    progress: Progress = NullProgress()) -> CircuitResult:
    """Voltages (V) and currents (A) of a raster circuit with sources and grounds.

    Parameters
    ----------
    g : cell conductances (S), 0 = NoData / barrier / masked out.
    sources : current injected per cell (A); 0 = none, negative = a sink. NoData must be 0.
        ``use_unit_currents`` is applied by the caller (every nonzero source -> 1 A, see
        :func:`espcore.circuits.csjob.run_raster`), before the values reach this function.
    grounds : conductance to ground per cell (S), ``inf`` = direct ground; build it with
        :func:`ground_conductances`.
    regions : short-circuit regions (integer ids, 0 = none).
    policy : ``remove_src_or_gnd`` (keepall, rmvsrc, rmvgnd, rmvall) for nodes that have
        both a source and a ground.
    maps : ``voltage_maps`` gives ``voltmap``; any current flag gives ``curmap``.
        ``null_*_to_nodata`` and ``log_transform`` are applied as Circuitscape 4 did
        (Circuitscape.jl 5 ignores them in this mode).

    Returns
    -------
    CircuitResult with maps ``voltmap`` / ``curmap`` (cells of unsolved components 0) and
    ``resistances`` None.

    Notes
    -----
    Finite grounds are taken before the conflict policy, so ``rmvgnd`` keeps a finite ground
    in the circuit (Circuitscape's ``resolve_conflicts``). Memory: the network (about 60
    bytes per cell) plus one factorisation per solved component.
    """
    sources = np.asarray(sources, dtype=np.float64)
    grounds = np.asarray(grounds, dtype=np.float64)
    for name, array in (("source", sources), ("ground", grounds)):
        if array.shape != g.shape:
            raise EspInputError("The {name} raster has {rows} x {cols} cells but the "
                                "resistance raster has {grows} x {gcols}; they must share "
                                "one grid.", name=name, rows=array.shape[0],
                                cols=array.shape[1], grows=g.shape[0], gcols=g.shape[1])
    if not np.all(np.isfinite(sources)):
        raise EspInputError("The source raster holds non-finite values; give cells without "
                            "a source the value 0.")
    if np.any(np.isnan(grounds)):
        raise EspInputError("The ground raster holds NaN values; give cells without a "
                            "ground the value 0.")
    net = raster_network(g, regions=regions, four_neighbours=four_neighbours,
                         average_resistance=average_resistance)
    node_sources, node_grounds = node_sums(net, sources), node_sums(net, grounds)
    progress.update(0.1)
    check_cancelled(progress)
    _, labels = net.components()
    with watching(progress):  # an AMG-CG solve stops when the user cancels
        solution = solve_sources_grounds(net, node_sources, node_grounds, policy=policy,
                                         components=labels, method=method, log=log)
    if not solution.solved:
        log("No connected part of the network has both a current source and a ground; "
            "the maps are empty. Check that sources and grounds lie on valid cells.")
    check_cancelled(progress)
    result = CircuitResult()
    _advanced_maps(net, g, solution, labels, maps, result)
    progress.update(1.0)
    return result


def _advanced_maps(net: Network, g: np.ndarray, solution: Solution, labels: np.ndarray,
                   maps: MapOptions, result: CircuitResult) -> None:
    if maps.voltage_maps:
        result.maps["voltmap"] = finish_map(net.cell_values(solution.voltages), g,
                                            null_to_nodata=maps.null_voltages_to_nodata)
    if maps.any_currents:
        # Circuitscape.jl writes the advanced current map whenever write_cur_maps or
        # write_cum_cur_map_only is set (src/raster/advanced.jl, advanced_kernel).
        currents = node_currents(net, solution.voltages, solution.finite_grounds, labels)
        result.maps["curmap"] = finish_map(net.cell_values(currents), g,
                                           log_transform=maps.log_transform,
                                           null_to_nodata=maps.null_currents_to_nodata)
