"""Built-in land-cover -> resistance tables on the 1-1000 scale.

The ranking (forest lowest, built land highest) is stable across the Chinese ESP literature;
the numbers sit inside the ranges that studies on the 1-1000 scale use (forest 1-10,
shrub/grass 10-50, water/wetland 30-100, cropland 100-300, bare land 300-500, built land
800-1000; e.g. Jiao et al. 2023, Front. Ecol. Evol. 11:1301149). They are starting values for
a terrestrial focal species, to be adjusted to the species and region of a study.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Tuple

LITERATURE = ("Class values within the ranges of the 1-1000 land-use resistance scale used in "
              "Chinese ESP studies, e.g. Jiao et al. 2023, Front. Ecol. Evol. 11:1301149 "
              "(night-time-light corrected base resistance).")


@dataclass(frozen=True)
class ReclassPreset:
    """A named classification with one resistance per class code."""

    key: str
    name: str
    classes: Tuple[Tuple[int, str, float], ...]  # (code, English label, resistance)
    source: str = LITERATURE

    def table(self) -> Dict[int, float]:
        return {code: value for code, _label, value in self.classes}


CLCD = ReclassPreset("clcd", "CLCD (China Land Cover Dataset, 9 classes)", (
    (1, "Cropland", 200.0),
    (2, "Forest", 1.0),
    (3, "Shrub", 10.0),
    (4, "Grassland", 30.0),
    (5, "Water", 50.0),
    (6, "Snow/Ice", 500.0),
    (7, "Barren", 400.0),
    (8, "Impervious", 1000.0),
    (9, "Wetland", 30.0),
))

_CNLUCC_LEVEL1 = (
    (1, "Cultivated land", 200.0),
    (2, "Forest land", 1.0),
    (3, "Grassland", 30.0),
    (4, "Water", 50.0),
    (5, "Construction land", 1000.0),
    (6, "Unused land", 400.0),
)

# CNLUCC data usually carry the two-digit level-2 codes (11 paddy, 12 dry land, 21 forest, ...);
# each takes the value of its level-1 parent so the same preset reads both kinds of file.
_CNLUCC_LEVEL2 = {1: (11, 12), 2: (21, 22, 23, 24), 3: (31, 32, 33),
                  4: (41, 42, 43, 44, 45, 46), 5: (51, 52, 53),
                  6: (61, 62, 63, 64, 65, 66, 67)}

CNLUCC = ReclassPreset("cnlucc", "CNLUCC level 1 (6 classes; level-2 codes take their parent's "
                       "value)", _CNLUCC_LEVEL1 + tuple(
                           (sub, "{label} ({code})".format(label=label, code=sub), value)
                           for code, label, value in _CNLUCC_LEVEL1
                           for sub in _CNLUCC_LEVEL2[code]))

WORLDCOVER = ReclassPreset("worldcover", "ESA WorldCover (11 classes)", (
    (10, "Tree cover", 1.0),
    (20, "Shrubland", 10.0),
    (30, "Grassland", 30.0),
    (40, "Cropland", 200.0),
    (50, "Built-up", 1000.0),
    (60, "Bare / sparse vegetation", 400.0),
    (70, "Snow and ice", 500.0),
    (80, "Permanent water bodies", 50.0),
    (90, "Herbaceous wetland", 30.0),
    (95, "Mangroves", 1.0),
    (100, "Moss and lichen", 100.0),
))

#: Presets in the order the user sees them.
PRESETS: Tuple[ReclassPreset, ...] = (CLCD, CNLUCC, WORLDCOVER)
