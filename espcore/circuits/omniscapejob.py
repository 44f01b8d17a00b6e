"""Run an Omniscape.jl INI as it is: options parsed, inputs read through given readers.

The core never opens files, so the caller passes two readers that take a path written in the
INI (the caller resolves it, e.g. against the INI's folder):
``read_raster(path) -> (values, valid, geotransform)`` and ``read_text(path) -> str``.
:func:`run_omniscape_config` returns the maps Omniscape.jl would write, named like its files
(``cum_currmap``, ``flow_potential``, ``normalized_cum_currmap``, ``classified_resistance``),
and :func:`project_folder` chooses the output folder as Omniscape.jl does.

Checks made as Omniscape.jl makes them: ``resistance_file``, ``radius`` and ``project_name``
are required; a source file is required unless ``source_from_resistance``; every raster must
have the resistance raster's size (a different geotransform only gives a warning, unless
``allow_different_projections``). Omniscape.jl only logs an error and goes on for condition
files given without ``conditional`` (or a second one without ``n_conditions = 2``); here they
are reported through ``log`` and not read.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple

import numpy as np

from ..errors import EspInputError
from ..progress import NullProgress, Progress
from .omniscape import TRUE_WORDS, OmniscapeOptions, omniscape
from .solvers import Log, _quiet

RasterReader = Callable[[str], Tuple[np.ndarray, np.ndarray, Tuple[float, ...]]]
TextReader = Callable[[str], str]

#: Keys Omniscape.jl needs in an INI (``REQUIRED_ARGS_INI``).
REQUIRED_KEYS = ("resistance_file", "radius", "project_name")
#: Omniscape.jl's output files, in the order it writes them.
OUTPUT_NAMES = ("classified_resistance", "cum_currmap", "flow_potential",
                "normalized_cum_currmap")


@dataclass(frozen=True)
class OmniscapeConfig:
    """An Omniscape.jl INI (``key -> value`` strings; defaults as in Omniscape.jl)."""

    options: Mapping[str, str]

    def get(self, key: str, default: str = "") -> str:
        return str(self.options.get(key, default)).strip()

    def flag(self, key: str, default: bool = False) -> bool:
        value = self.options.get(key)
        return default if value is None else value.strip() in TRUE_WORDS

    def path(self, key: str) -> Optional[str]:
        """A file option, or None when the INI leaves it empty."""
        value = self.get(key)
        return value or None

    def check(self) -> None:
        """Raise :class:`EspInputError` when a key Omniscape.jl requires is missing."""
        missing = [key for key in REQUIRED_KEYS if not self.get(key)]
        if missing:
            raise EspInputError("The Omniscape INI has no {keys}. Omniscape needs "
                                "resistance_file, radius and project_name.",
                                keys=", ".join(missing))

    @property
    def project_name(self) -> str:
        self.check()
        return self.get("project_name")

    @property
    def write_as_tif(self) -> bool:
        return self.flag("write_as_tif", True)

    @property
    def single_precision(self) -> bool:
        return self.get("precision", "double").lower() == "single"

    def written(self) -> Tuple[str, ...]:
        """The maps Omniscape.jl writes for this INI, in its order."""
        names: List[str] = []
        if self.flag("reclassify_resistance") and self.flag("write_reclassified_resistance"):
            names.append("classified_resistance")
        if self.flag("write_raw_currmap", True):
            names.append("cum_currmap")
        if self.flag("calc_flow_potential"):
            names.append("flow_potential")
        if self.flag("calc_normalized_current"):
            names.append("normalized_cum_currmap")
        return tuple(names)


@dataclass
class OmniscapeRun:
    """What an INI run gives: the maps to write (by Omniscape's file names), every map
    computed, the options used and the resistance raster's geotransform."""

    maps: Dict[str, np.ndarray]
    computed: Dict[str, np.ndarray]
    options: OmniscapeOptions
    geotransform: Tuple[float, ...]
    warnings: List[str] = field(default_factory=list)


def project_folder(name: str, is_dir: Callable[[str], bool]) -> str:
    """Omniscape.jl's output folder: ``name``, or ``name_1``, ``name_2``, ... (the first that
    ``is_dir`` says does not exist) when ``name`` exists already."""
    if not is_dir(name):
        return name
    suffix = 1
    while is_dir("{0}_{1}".format(name, suffix)):
        suffix += 1
    return "{0}_{1}".format(name, suffix)


def _aligned(key: str, shape: Tuple[int, ...], geotransform: Tuple[float, ...],
             raster: Tuple[np.ndarray, np.ndarray, Tuple[float, ...]], allow_different: bool,
             log: Log) -> None:
    values = raster[0]
    if tuple(values.shape) != tuple(shape):
        raise EspInputError("The raster in '{key}' has {rows} x {cols} cells but the "
                            "resistance raster has {rrows} x {rcols}; Omniscape needs one "
                            "grid.", key=key, rows=values.shape[0], cols=values.shape[1],
                            rrows=shape[0], rcols=shape[1])
    other = tuple(float(v) for v in raster[2])
    if not allow_different and not np.allclose(other, geotransform, rtol=0, atol=1e-9):
        log("The raster in '{key}' has another geotransform than the resistance raster; "
            "going on, as Omniscape does (set allow_different_projections = true to "
            "silence this).", key=key)


def omniscape_arguments(config: OmniscapeConfig, *, read_raster: RasterReader,
                        read_text: TextReader, log: Log = _quiet) -> Dict[str, Any]:
    """The inputs and options of an INI, as keyword arguments of
    :func:`espcore.circuits.omniscape.omniscape`, plus ``geotransform``.

    Raises :class:`EspInputError` for missing keys, missing source file, or rasters that do
    not share the resistance raster's size.
    """
    config.check()
    options = OmniscapeOptions.from_ini(config.options, read_text=read_text, log=log)
    if config.path("reclass_table") and not options.reclassify_resistance:
        log("The INI names a reclass_table but reclassify_resistance is not true: the "
            "resistance is not reclassified.")
    resistance, valid, geotransform = read_raster(config.get("resistance_file"))
    geotransform = tuple(float(v) for v in geotransform)
    allow = config.flag("allow_different_projections")
    arguments: Dict[str, Any] = dict(resistance=resistance, valid=valid, options=options,
                                     geotransform=geotransform)
    if not options.source_from_resistance:
        source_path = config.path("source_file")
        if source_path is None:
            raise EspInputError("The Omniscape INI has no source_file. Give one, or set "
                                "source_from_resistance = true to take sources from the "
                                "resistance.")
        raster = read_raster(source_path)
        _aligned("source_file", resistance.shape, geotransform, raster, allow, log)
        arguments.update(source=raster[0], source_valid=raster[1])
    if not options.conditional:
        if config.path("condition1_file") or config.path("condition2_file"):
            log("conditional is not true, so the condition files in the INI are not used.")
        return arguments
    used = [1, 2][:options.n_conditions]
    if options.n_conditions == 1 and config.path("condition2_file"):
        log("n_conditions is 1, so condition2_file is not used.")
    for k in used:
        for key, future in (("condition{0}_file".format(k), False),
                            ("condition{0}_future_file".format(k), True)):
            if future and not options.future_used(k):
                if config.path(key):
                    log("compare_to_future does not name condition {k}, so {key} is not "
                        "used.", k=k, key=key)
                continue
            path = config.path(key)
            if path is None:
                raise EspInputError("Conditional connectivity needs '{key}' in the INI.",
                                    key=key)
            raster = read_raster(path)
            _aligned(key, resistance.shape, geotransform, raster, allow, log)
            name = "condition{0}{1}".format(k, "_future" if future else "")
            arguments[name] = np.where(raster[1], raster[0], np.nan)
    return arguments


def run_omniscape_config(config: OmniscapeConfig, *, read_raster: RasterReader,
                         read_text: TextReader, method: Optional[str] = None,
                         executor: Any = None, log: Log = _quiet,
                         progress: Progress = NullProgress()) -> OmniscapeRun:
    """Run the Omniscape job an INI describes.

    Parameters
    ----------
    config : OmniscapeConfig
    read_raster, read_text : callables
        Readers of the paths written in the INI (see the module docstring).
    method : str, optional
        Override of the INI's solver (``auto``, ``cholmod``, ``superlu``, ``amg``).
    executor, log, progress
        As in :func:`espcore.circuits.omniscape.omniscape`.

    Returns
    -------
    OmniscapeRun
        ``maps``: the maps Omniscape.jl writes for this INI (float64, NoData -9999 where
        ``mask_nodata``), by its file names; ``computed``: every map computed.
    """
    warnings: List[str] = []

    def record(template: str, **fields: Any) -> None:
        warnings.append(template.format(**fields))
        log(template, **fields)

    arguments = omniscape_arguments(config, read_raster=read_raster, read_text=read_text,
                                    log=record)
    geotransform = arguments.pop("geotransform")
    options: OmniscapeOptions = arguments.pop("options")
    if method is not None:
        options = replace(options, solver=method)
    resistance = arguments.pop("resistance")
    valid = arguments.pop("valid")
    computed = omniscape(resistance, valid, options=options, executor=executor,
                         progress=progress, log=record, **arguments)
    maps = {name: computed[name] for name in config.written() if name in computed}
    return OmniscapeRun(maps=maps, computed=computed, options=options,
                        geotransform=geotransform, warnings=warnings)


__all__ = ["OUTPUT_NAMES", "OmniscapeConfig", "OmniscapeRun", "REQUIRED_KEYS",
           "omniscape_arguments", "project_folder", "run_omniscape_config"]
