"""Stage 4 · Zoning: restoration zones and key areas, and collaboration across counties.

Modules: ``zones`` (conservation, restoration, improvement and control zones; graded key
restoration areas) and ``collaboration`` (elements per county, county matrices, communities,
the restoration account).
"""

from .collaboration import (
    Account,
    Communities,
    adjusted_rand_index,
    communities,
    restoration_account,
    shared_matrix,
    unit_matrix,
    unit_resistances,
)
from .zones import ZONES, restoration_zones, zone_tally

__all__ = ["Account", "Communities", "ZONES", "adjusted_rand_index", "communities",
           "restoration_account", "restoration_zones", "shared_matrix", "unit_matrix",
           "unit_resistances", "zone_tally"]
