"""Stage 1 · Sources: where the ecological sources come from.

Modules: ``mspa`` (GuidosToolbox-compatible morphological pattern), ``mspatiles`` (MSPA on
overlapping tiles and how far it agrees with one run), ``habitat`` (InVEST habitat quality),
``patchdistance`` (patch areas and edge-to-edge or cost distances between patches),
``connectivity`` (Conefor's IIC, PC, ECA and each patch's dIIC / dPC fractions) and
``extraction`` (patches -> ranked ecological sources).
"""

from .connectivity import Importance, connectivity_importance, link_probability, pc_cutoff
from .extraction import Sources, candidate_mask, extract_sources, label_patches
from .habitat import HabitatResult, Threat, habitat_quality, parse_sensitivity, parse_threats
from .mspa import MSPA_CLASSES, class_areas, class_colours, class_name, foreground_from_classes
from .mspatiles import Agreement, agreement, mspa_tiled
from .patchdistance import Links, cost_distances, edge_distances, patch_areas

# A function named like its module (mspa.mspa, pairwise.pairwise, omniscape.omniscape,
# classify.classify) is not lifted here: the package attribute would hide the module.

__all__ = [
    "Agreement", "HabitatResult", "Importance", "Links", "MSPA_CLASSES", "Sources", "Threat",
    "agreement", "candidate_mask", "class_areas", "class_colours", "class_name",
    "connectivity_importance", "cost_distances", "edge_distances", "extract_sources",
    "foreground_from_classes", "habitat_quality", "label_patches", "link_probability",
    "mspa_tiled", "parse_sensitivity", "parse_threats", "patch_areas", "pc_cutoff",
]
