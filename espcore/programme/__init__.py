"""Stage 5 · Programme: from the pattern to a restoration programme and back.

Modules: ``actions`` (what restoring a cell does and costs; CLCD defaults), ``eca`` (the
equivalent connected area of the sources and its split over pairs and units),
``landscape`` (the pattern as restoration planning needs it, and candidate sites),
``sitegains`` (the gain of restoring each site alone, as executor tasks), ``portfolio``
(the sites chosen within a budget: greedy with re-evaluation, or exact), ``compensation``
(who carries the cost, who gains, who pays whom), ``compare`` (two runs of the chain
compared) and ``effectiveness`` (the score per county; its function of the same name is
not lifted here, as the house rule says).
"""

from .actions import CLCD_ACTIONS, KIND_NAMES, Action, Restoration, parse_actions
from .compare import link_changes, match_sources, source_change, zone_transitions
from .compensation import (
    Ledger,
    balanced_transfers,
    compensation_ledger,
    group_ledger,
    site_unit_costs,
    unit_benefits,
)
from .eca import (
    default_kernel_distance,
    equivalent_connected_area,
    pair_gains,
    pair_probabilities,
    unit_eca,
)
from .landscape import Landscape, Site
from .portfolio import Portfolio, choose_portfolio
from .sitegains import Evaluation, SiteGain, evaluate_sites, restored_resistance

__all__ = [
    "Action", "CLCD_ACTIONS", "Evaluation", "KIND_NAMES", "Landscape", "Ledger", "Portfolio",
    "Restoration", "Site", "SiteGain", "balanced_transfers", "choose_portfolio",
    "compensation_ledger", "default_kernel_distance",
    "equivalent_connected_area", "evaluate_sites", "group_ledger", "link_changes",
    "match_sources", "pair_gains", "pair_probabilities", "parse_actions",
    "restored_resistance", "site_unit_costs", "source_change", "unit_benefits", "unit_eca",
    "zone_transitions",
]
