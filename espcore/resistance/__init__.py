"""Stage 2 · Resistance: land cover reclassified, corrected and overlaid with weighted factors.

Modules: ``presets`` (the built-in land-cover -> resistance tables) and ``surface`` (reclass,
class-mean correction, rescaling and the weighted overlay).
"""

from .presets import CLCD, CNLUCC, PRESETS, WORLDCOVER, ReclassPreset
from .surface import parse_reclass_rows, resistance_surface, weighted_overlay

__all__ = ["CLCD", "CNLUCC", "PRESETS", "ReclassPreset", "WORLDCOVER", "parse_reclass_rows",
           "resistance_surface", "weighted_overlay"]
