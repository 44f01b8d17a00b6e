"""Run a Circuitscape INI as it is: options parsed, inputs read through given readers.

The core never opens files, so the caller passes two readers that take a path written in the
INI (already resolved against the INI's folder by the caller's ``resolve``):
``read_raster(path) -> (values, valid, geotransform)`` and ``read_text(path) -> str``.
:func:`run_config` returns a :class:`~espcore.circuits.circuit.CircuitResult` whose names are
Circuitscape's output file suffixes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Dict, Optional, Tuple

import numpy as np
import numpy.typing as npt

from ..errors import EspInputError
from ..progress import NullProgress, Progress
from .circuit import CircuitResult, MapOptions
from .csini import is_true, numeric_table, parse_included_pairs, parse_points, parse_strengths
from .focal import FocalNodes
from .graph import conductances
from .solvers import Log, _quiet

RasterReader = Callable[[str], Tuple[np.ndarray, np.ndarray, Tuple[float, ...]]]
TextReader = Callable[[str], str]

SCENARIOS = {"pairwise": "pairwise", "not entered": "pairwise", "advanced": "advanced",
             "one-to-all": "one-to-all", "one_to_all": "one-to-all",
             "all-to-one": "all-to-one", "all_to_one": "all-to-one"}
#: Circuitscape's solver names -> ours. Pardiso and Apple Accelerate are not available here;
#: they are direct solvers, so "auto" (CHOLMOD up to millions of cells) stands in for them.
SOLVERS = {"cg+amg": "amg", "amg+cg": "amg", "cholmod": "cholmod", "cholesky": "cholmod",
           "cholfact": "cholmod", "pardiso": "auto", "accelerate": "auto", "auto": "auto",
           "superlu": "superlu"}


@dataclass(frozen=True)
class CircuitscapeConfig:
    """A Circuitscape INI, with its defaults filled in (keys as in Circuitscape)."""

    options: Dict[str, str]

    def get(self, key: str, default: str = "") -> str:
        return self.options.get(key, default)

    def flag(self, key: str, default: bool = False) -> bool:
        value = self.options.get(key)
        return default if value is None else is_true(value, key)

    def path(self, key: str) -> Optional[str]:
        """A file option, or None when the INI leaves it empty or as a placeholder."""
        value = self.options.get(key, "").strip()
        if not value or value == "None" or value.startswith("("):
            return None
        return value

    @property
    def scenario(self) -> str:
        name = self.get("scenario", "not entered").strip().lower()
        if name not in SCENARIOS:
            raise EspInputError("Unknown Circuitscape scenario '{name}'. Use pairwise, "
                                "advanced, one-to-all or all-to-one.", name=name)
        return SCENARIOS[name]

    @property
    def is_raster(self) -> bool:
        return self.get("data_type", "raster").strip().lower() == "raster"

    @property
    def solver(self) -> str:
        return SOLVERS.get(self.get("solver", "cg+amg").strip().lower(), "auto")

    @property
    def output_prefix(self) -> str:
        """``output_file`` without its ``.out`` suffix, as Circuitscape names its outputs."""
        out = self.path("output_file")
        if out is None:
            raise EspInputError("The INI has no output_file; set output_file = <folder>/"
                                "<name>.out.")
        return out.split(".out")[0]

    @property
    def maps(self) -> MapOptions:
        cum_only = self.flag("write_cum_cur_map_only")
        return MapOptions(current_maps=self.flag("write_cur_maps") or cum_only,
                          cumulative_only=cum_only,
                          max_map=self.flag("write_max_cur_maps"),
                          voltage_maps=self.flag("write_volt_maps"),
                          null_currents_to_nodata=self.flag("set_null_currents_to_nodata"),
                          null_voltages_to_nodata=self.flag("set_null_voltages_to_nodata"),
                          log_transform=self.flag("log_transform_maps"))

    def common(self) -> Dict[str, Any]:
        return dict(four_neighbours=self.flag("connect_four_neighbors_only"),
                    average_resistance=self.flag("connect_using_avg_resistances"))


def _required(config: CircuitscapeConfig, key: str) -> str:
    path = config.path(key)
    if path is None:
        raise EspInputError("The INI needs '{key}' for this scenario.", key=key)
    return path


def _is_text(path: str) -> bool:
    return path.lower().endswith((".txt", ".csv", ".out"))


def _cells_from_list(rows: np.ndarray, geotransform: Tuple[float, ...],
                     shape: Tuple[int, int]) -> Tuple[np.ndarray, np.ndarray]:
    """A ``value x y`` list as a raster of summed values and the mask of listed cells."""
    cells = FocalNodes.from_points([(i, x, y) for i, (_, x, y) in enumerate(rows)],
                                   geotransform, shape)
    out = np.zeros(shape)
    np.add.at(out, (cells.rows, cells.cols), rows[cells.ids, 0])
    listed: npt.NDArray[np.bool_] = np.zeros(shape, dtype=bool)
    listed[cells.rows, cells.cols] = True
    return out, listed


def mask_conductances(g: np.ndarray, mask: np.ndarray, valid: np.ndarray) -> np.ndarray:
    """Circuitscape's mask file: cells where the mask is not positive, or NoData
    (``valid`` False), get conductance 0 and leave the network.

    Parameters
    ----------
    g : cell conductances (see :func:`.graph.conductances`).
    mask, valid : the mask raster's values and its data cells, on the grid of ``g``.

    Returns
    -------
    A new float64 array of conductances.
    """
    _same_shape(g, np.asarray(mask), "mask_file")
    return np.where(np.asarray(valid, dtype=bool) & (np.asarray(mask) > 0), g, 0.0)


def region_ids(values: np.ndarray, valid: np.ndarray) -> np.ndarray:
    """Short-circuit region ids of a polygon raster: its values rounded to whole numbers,
    0 (no region) on NoData (``valid`` False); int64."""
    return np.where(np.asarray(valid, dtype=bool), np.rint(values), 0).astype(np.int64)


def _raster_inputs(config: CircuitscapeConfig, read_raster: RasterReader,
                   read_text: TextReader) -> Dict[str, Any]:
    values, valid, geotransform = read_raster(_required(config, "habitat_file"))
    g = conductances(values, valid, is_resistance=config.flag("habitat_map_is_resistances",
                                                              True))
    if config.flag("use_mask"):
        mask, mask_valid, _ = read_raster(_required(config, "mask_file"))
        g = mask_conductances(g, mask, mask_valid)
    regions = None
    if config.flag("use_polygons"):
        poly, poly_valid, _ = read_raster(_required(config, "polygon_file"))
        _same_shape(g, poly, "polygon_file")
        regions = region_ids(poly, poly_valid)
    return dict(g=g, regions=regions, geotransform=geotransform)


def _same_shape(g: np.ndarray, other: np.ndarray, key: str) -> None:
    if other.shape != g.shape:
        raise EspInputError("The raster in '{key}' has {rows} x {cols} cells but the habitat "
                            "raster has {hrows} x {hcols}; they must share one grid.",
                            key=key, rows=other.shape[0], cols=other.shape[1],
                            hrows=g.shape[0], hcols=g.shape[1])


def _focal(config: CircuitscapeConfig, inputs: Dict[str, Any], read_raster: RasterReader,
           read_text: TextReader) -> FocalNodes:
    path = _required(config, "point_file")
    g = inputs["g"]
    if _is_text(path):
        return FocalNodes.from_points(parse_points(read_text(path)), inputs["geotransform"],
                                      g.shape)
    ids, valid, _ = read_raster(path)
    _same_shape(g, ids, "point_file")
    return FocalNodes.from_raster(ids, valid)


def _source_ground(config: CircuitscapeConfig, key: str, inputs: Dict[str, Any],
                   read_raster: RasterReader, read_text: TextReader) -> Tuple[np.ndarray, Any]:
    path = _required(config, key)
    if _is_text(path):
        rows = numeric_table(read_text(path), columns=3, what=key)
        return _cells_from_list(rows, inputs["geotransform"], inputs["g"].shape)
    values, valid, _ = read_raster(path)
    _same_shape(inputs["g"], values, key)
    return np.where(valid, values, 0.0), valid


def run_config(config: CircuitscapeConfig, *, read_raster: RasterReader,
               read_text: TextReader, method: Optional[str] = None, log: Log = _quiet,
               progress: Progress = NullProgress(), executor: Any = None) -> CircuitResult:
    """Run the scenario an INI describes and return Circuitscape's outputs."""
    solver = method or config.solver
    if not config.is_raster:
        return _run_network(config, read_text, solver, config.maps, log, progress)
    return run_raster(config.scenario, method=solver, log=log, progress=progress,
                      executor=executor, **raster_arguments(config, read_raster=read_raster,
                                                            read_text=read_text))


def raster_arguments(config: CircuitscapeConfig, *, read_raster: RasterReader,
                     read_text: TextReader) -> Dict[str, Any]:
    """The inputs and options of a raster INI, as keyword arguments of :func:`run_raster`."""
    inputs = _raster_inputs(config, read_raster, read_text)
    arguments: Dict[str, Any] = dict(g=inputs["g"], regions=inputs["regions"],
                                     maps=config.maps, **config.common())
    if config.scenario == "advanced":
        sources, _ = _source_ground(config, "source_file", inputs, read_raster, read_text)
        grounds, ground_valid = _source_ground(config, "ground_file", inputs, read_raster,
                                               read_text)
        arguments.update(sources=sources, grounds=grounds, ground_valid=ground_valid,
                         grounds_are_resistances=config.flag("ground_file_is_resistances",
                                                             True),
                         unit_currents=config.flag("use_unit_currents"),
                         direct_grounds=config.flag("use_direct_grounds"),
                         policy=config.get("remove_src_or_gnd", "keepall"))
        return arguments
    arguments["focal"] = _focal(config, inputs, read_raster, read_text)
    if config.flag("use_included_pairs"):
        arguments["included"] = parse_included_pairs(
            read_text(_required(config, "included_pairs_file")))
    if config.flag("use_variable_source_strengths") and config.scenario != "pairwise":
        arguments["strengths"] = parse_strengths(
            read_text(_required(config, "variable_source_file")))
    return arguments


def run_raster(scenario: str, g: np.ndarray, *, focal: Optional[FocalNodes] = None,
               regions: Optional[np.ndarray] = None, included: Any = None,
               strengths: Optional[np.ndarray] = None, sources: Optional[np.ndarray] = None,
               grounds: Optional[np.ndarray] = None, ground_valid: Optional[np.ndarray] = None,
               grounds_are_resistances: bool = True, unit_currents: bool = False,
               direct_grounds: bool = False, policy: str = "keepall",
               four_neighbours: bool = False, average_resistance: bool = False,
               maps: MapOptions = MapOptions(), method: str = "auto", log: Log = _quiet,
               progress: Progress = NullProgress(), executor: Any = None) -> CircuitResult:
    """One raster scenario on conductances ``g``: the single entry point of INI runs and of
    the Processing algorithm, so both give identical numbers."""
    common: Dict[str, Any] = dict(regions=regions, four_neighbours=four_neighbours,
                                  average_resistance=average_resistance, maps=maps,
                                  method=method, log=log, progress=progress)
    if scenario == "advanced":
        from .advanced import ground_conductances, raster_advanced

        if sources is None or grounds is None:
            raise EspInputError("Advanced mode needs a source raster and a ground raster.")
        source_amps = np.where(sources != 0, 1.0, 0.0) if unit_currents else sources
        valid = ground_valid if ground_valid is not None else np.isfinite(grounds)
        ground_g = ground_conductances(grounds, valid, is_resistance=grounds_are_resistances,
                                       direct=direct_grounds)
        return raster_advanced(g, sources=source_amps, grounds=ground_g, policy=policy, **common)
    if focal is None:
        raise EspInputError("The {scenario} scenario needs focal nodes.", scenario=scenario)
    if scenario == "pairwise":
        from .pairwise import pairwise

        return pairwise(g, focal, included=included, executor=executor, **common)
    from .onetoall import all_to_one, one_to_all

    run = one_to_all if scenario == "one-to-all" else all_to_one
    return run(g, focal, included=included, strengths=strengths, **common)


def _run_network(config: CircuitscapeConfig, read_text: TextReader, solver: str,
                 maps: MapOptions, log: Log, progress: Progress) -> CircuitResult:
    from .network import network_advanced, network_pairwise

    edges = numeric_table(read_text(_required(config, "habitat_file")), columns=3,
                          what="graph file")
    is_resistance = config.flag("habitat_map_is_resistances", True)
    if config.scenario == "pairwise":
        focal = numeric_table(read_text(_required(config, "point_file")), columns=1,
                              what="focal node list")[:, 0]
        included = None
        if config.flag("use_included_pairs"):
            included = parse_included_pairs(read_text(_required(config,
                                                                "included_pairs_file")))
        return network_pairwise(edges, focal, is_resistance=is_resistance, included=included,
                                maps=maps, method=solver, log=log, progress=progress)
    if config.scenario != "advanced":
        raise EspInputError("Network mode supports the pairwise and advanced scenarios, not "
                            "'{name}'.", name=config.scenario)
    sources = numeric_table(read_text(_required(config, "source_file")), columns=2,
                            what="source file")
    grounds = numeric_table(read_text(_required(config, "ground_file")), columns=2,
                            what="ground file")
    return network_advanced(edges, sources, grounds, is_resistance=is_resistance,
                            ground_is_resistance=config.flag("ground_file_is_resistances",
                                                             True),
                            policy=config.get("remove_src_or_gnd", "keepall"),
                            unit_currents=config.flag("use_unit_currents"),
                            direct_grounds=config.flag("use_direct_grounds"), maps=maps,
                            method=solver, log=log, progress=progress)
