"""What esp:securitypattern checks before its first step, and the lock on its folder.

A fault that only a late step would notice (an empty county layer at the zoning step, a
barrier radius with no cell on its ring, a threats table without its sensitivity table)
costs the user the whole chain up to that step and leaves a folder of products from a run
that cannot finish. :func:`check_inputs` finds those faults first, for the stages the run
will do. :class:`FolderLock` keeps two runs from writing into one folder at the same time.
"""

import json
import os
import socket
import time
from typing import Any, Dict, List, Optional

from qgis.core import QgsProcessingException, QgsWkbTypes

from ...espcore.corridors.barriers import check_scorable, radii_range
from ...espcore.sources.habitat import parse_sensitivity, parse_threats
from ..base import translate
from ..qgis_compat import GeometryType
from ..sources.habitatquality import max_dist_unit, read_csv_rows
from ..sources.mspa import parse_classes
from .products import PRODUCTS

LOCK_NAME = ".esp_toolkit_run.lock"


def check_inputs(settings: Dict[str, Any], stages: List[str], folder: str = "") -> None:
    """Refuse, before any step runs, the inputs a step of ``stages`` would refuse later, and
    inputs that lie in ``folder`` under the name of a product the run writes there."""
    if folder:
        _check_not_overwritten(settings, folder)
    if "sources" in stages:
        _check_sources(settings)
    if "connectivity" in stages:
        _check_radii(settings)
    if "zoning" in stages:
        _check_units(settings)


def _check_not_overwritten(settings: Dict[str, Any], folder: str) -> None:
    written = {os.path.realpath(os.path.join(folder, product.file)) for product in PRODUCTS}
    written |= {os.path.splitext(path)[0] + ".qml" for path in list(written)}
    for name, value in settings.items():
        source = value.source() if hasattr(value, "source") else value
        if not isinstance(source, str) or not source:
            continue
        path = os.path.realpath(source.split("|")[0])
        if path in written:
            raise QgsProcessingException(translate(
                "The input {path} ({name}) lies in the output folder under the name of a "
                "product the run writes there, so the run would overwrite it. Move it, or "
                "choose another output folder.").format(path=path, name=name))


def _check_sources(settings: Dict[str, Any]) -> None:
    landcover = settings.get("LANDCOVER")
    if landcover is not None and landcover.crs().isGeographic():
        raise QgsProcessingException(translate(
            "The land cover is in a geographic CRS ({crs}, degrees); areas, distances and "
            "radii need metres. Reproject it to a projected CRS first.")
            .format(crs=landcover.crs().authid()))
    try:
        parse_classes(settings.get("FOREGROUND_CLASSES") or "")
    except ValueError:
        raise QgsProcessingException(translate(
            "Habitat classes must be class codes separated by commas (ranges like 21-24 are "
            "allowed), not '{text}'.")
            .format(text=settings.get("FOREGROUND_CLASSES"))) from None
    threats, sensitivity = settings.get("THREATS_TABLE"), settings.get("SENSITIVITY_TABLE")
    if bool(threats) != bool(sensitivity):
        raise QgsProcessingException(translate(
            "Habitat quality needs both the threats table and the sensitivity table; only the "
            "{given} is given. Give both, or neither to skip habitat quality.")
            .format(given=translate("threats table") if threats
                    else translate("sensitivity table")))
    if threats and sensitivity:
        threat_rows = read_csv_rows(threats, translate("threats table"))
        sensitivity_rows = read_csv_rows(sensitivity, translate("sensitivity table"))
        parsed = parse_threats(threat_rows, unit=max_dist_unit(sensitivity_rows))
        parse_sensitivity(sensitivity_rows, [t.name for t in parsed])


def _check_radii(settings: Dict[str, Any]) -> None:
    """The barrier step's own radius checks, on the land cover's cells (the resistance grid
    is the land-cover grid)."""
    radii = radii_range(settings["MIN_RADIUS"], settings["MAX_RADIUS"], settings["STEP"])
    landcover = settings.get("LANDCOVER")
    if landcover is not None:
        check_scorable(radii, landcover.rasterUnitsPerPixelX())


def _check_units(settings: Dict[str, Any]) -> None:
    units = settings.get("UNITS")
    if units is None:
        return
    if QgsWkbTypes.geometryType(units.wkbType()) != GeometryType.Polygon:
        raise QgsProcessingException(translate(
            "The administrative units layer '{name}' must hold polygons.")
            .format(name=units.name()))
    if not any(not feature.geometry().isEmpty() for feature in units.getFeatures()):
        raise QgsProcessingException(translate(
            "The administrative units layer '{name}' has no polygon; zoning needs the "
            "counties' outlines.")
            .format(name=units.name()))
    names = units.fields().names()
    for key in ("UNIT_NAME_FIELD", "GROUP_FIELD"):
        field = settings.get(key)
        if field and field not in names:
            raise QgsProcessingException(translate(
                "The field '{field}' is not in the layer '{name}' (its fields: {fields}).")
                .format(field=field, name=units.name(), fields=", ".join(names) or "-"))


class FolderLock:
    """A lock file in the output folder for the length of one run.

    Created with O_EXCL, so of two runs started together only one gets it. A lock left by
    a process that no longer runs (a crash, a killed QGIS) on this machine is taken over.
    """

    def __init__(self, folder: str) -> None:
        self.path = os.path.join(folder, LOCK_NAME)
        self.held = False

    def __enter__(self) -> "FolderLock":
        for _attempt in range(2):
            try:
                handle = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                owner = self._owner()
                if owner is not None and self._stale(owner):
                    os.remove(self.path)
                    continue
                raise QgsProcessingException(translate(
                    "Another run is writing into {folder} (process {pid} on {host}, started "
                    "{since}). Wait for it to finish, or choose another output folder. If no "
                    "run is going on, delete {lock}.")
                    .format(folder=os.path.dirname(self.path), pid=(owner or {}).get("pid", "?"),
                            host=(owner or {}).get("host", "?"),
                            since=(owner or {}).get("since", "?"), lock=self.path)) from None
            with os.fdopen(handle, "w") as stream:
                json.dump({"pid": os.getpid(), "host": socket.gethostname(),
                           "since": time.strftime("%Y-%m-%d %H:%M:%S")}, stream)
            self.held = True
            return self
        raise QgsProcessingException(translate(
            "Cannot lock the output folder {folder}.")
            .format(folder=os.path.dirname(self.path)))

    def __exit__(self, *exc: Any) -> None:
        if self.held and os.path.exists(self.path):
            os.remove(self.path)
        self.held = False

    def _owner(self) -> Optional[Dict[str, Any]]:
        try:
            with open(self.path) as stream:
                return dict(json.load(stream))
        except (OSError, ValueError, TypeError):
            return None

    @staticmethod
    def _stale(owner: Dict[str, Any]) -> bool:
        if owner.get("host") != socket.gethostname():
            return False  # another machine's run on a shared folder: not ours to judge
        try:
            pid = int(owner.get("pid", -1))
        except (TypeError, ValueError):
            return False
        return pid > 0 and not _process_alive(pid)


def _process_alive(pid: int) -> bool:
    """Whether a process runs; on Windows without os.kill, which would end it."""
    if os.name == "nt":
        import ctypes

        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.get_last_error() == 5  # access denied: it exists
        code = ctypes.c_ulong()
        kernel.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by another user
    return True
