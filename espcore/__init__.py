"""Numeric core of ESP Toolkit.

Pure functions on numpy arrays. This package never imports QGIS, GDAL or Qt and never reads
files, so it can be used from scripts, tests and worker processes as ``import espcore``.
"""

from .errors import Cancelled, EspError, EspInputError
from .grid import Grid
from .progress import NullProgress, Progress

__all__ = ["Cancelled", "EspError", "EspInputError", "Grid", "NullProgress", "Progress"]
