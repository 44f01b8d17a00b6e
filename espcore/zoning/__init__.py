"""Stage 4 · Zoning: restoration zones and key areas, and collaboration across counties.

Modules: ``zones`` (the zoning elements; conservation, restoration, improvement and control
zones), ``keyareas`` (graded key restoration areas: patches and corridors), ``collaboration``
(elements per county, county matrices, communities, the restoration account), ``ledger`` (the
county ledger's columns, cross-boundary links, element shares, the barrier account) and
``unitgraph`` (county-by-county link and resistance matrices, collaboration zones).
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
from .keyareas import KeyAreaGroup, key_area_groups, key_corridors, key_patches
from .ledger import barrier_account, cross_boundary_links, element_shares, unit_ledger
from .unitgraph import collaboration_zones, link_matrix, resistance_matrix
from .zones import ZONES, restoration_zones, zone_parts, zone_tally, zoning_elements

__all__ = [
    "Account", "Communities", "KeyAreaGroup", "ZONES", "adjusted_rand_index",
    "barrier_account", "collaboration_zones", "communities", "cross_boundary_links",
    "element_shares", "key_area_groups", "key_corridors", "key_patches", "link_matrix",
    "resistance_matrix", "restoration_account", "restoration_zones", "shared_matrix",
    "unit_ledger", "unit_matrix", "unit_resistances", "zone_parts", "zone_tally",
    "zoning_elements",
]
