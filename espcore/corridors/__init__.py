"""Stage 3 · Connectivity, least cost: Linkage Mapper's corridors and what is read off them.

Modules: ``costdistance`` (cost distance, allocation, least-cost paths), ``corridors``
(Linkage Pathways: links and the corridor mosaic), ``pinchpoints`` (Pinchpoint Mapper),
``barriers`` (Barrier Mapper), ``centrality`` (current-flow centrality of the network) and
``classify`` (Jenks / quantile / equal-interval classes of their scores).
"""

from .barriers import BarrierResult, barrier_scores
from .centrality import current_flow_centrality
from .corridors import Pathways, corridor_mosaic, linkage_pathways
from .costdistance import cost_allocation, cost_distance, least_cost_path
from .pinchpoints import PinchResult, corridor_pinchpoints, network_pinchpoints

# A function named like its module (mspa.mspa, pairwise.pairwise, omniscape.omniscape) is
# not lifted here: the package attribute would hide the module.

__all__ = [
    "BarrierResult", "Pathways", "PinchResult", "barrier_scores", "corridor_mosaic",
    "corridor_pinchpoints", "cost_allocation", "cost_distance", "current_flow_centrality",
    "least_cost_path", "linkage_pathways", "network_pinchpoints",
]
