"""Stage 3 · Connectivity, circuit theory: Circuitscape's and Omniscape's semantics.

Modules: ``graph`` (raster or network -> conductance graph and Laplacian), ``solvers`` (CHOLMOD,
AMG-CG, SuperLU behind one interface), ``circuit`` (shared results and maps), one module per
mode (``pairwise``, ``onetoall``, ``advanced``, ``network``), ``focal`` (focal points and
regions), ``omniscape`` (moving window), ``csini`` / ``csjob`` (Circuitscape INI files and
their runs), ``omniscapejob`` (Omniscape.jl INI files and their runs), ``omniscapetiles``
(Omniscape tile by tile, for rasters read and written by window).
"""

from .advanced import raster_advanced
from .circuit import CircuitResult, MapOptions
from .csini import parse_ini
from .csjob import CircuitscapeConfig, run_config, run_raster
from .focal import FocalNodes
from .graph import Network, conductances, raster_network
from .network import graph_network, network_advanced, network_pairwise
from .omniscape import OmniscapeOptions
from .omniscapejob import OmniscapeConfig, OmniscapeRun, run_omniscape_config
from .omniscapetiles import assemble_omniscape, omniscape_tiles
from .onetoall import all_to_one, one_to_all
from .solvers import choose_method, grounded

# A function named like its module (mspa.mspa, pairwise.pairwise, omniscape.omniscape,
# classify.classify) is not lifted here: the package attribute would hide the module.

__all__ = [
    "CircuitResult", "CircuitscapeConfig", "FocalNodes", "MapOptions", "Network",
    "OmniscapeConfig", "OmniscapeOptions", "OmniscapeRun", "all_to_one", "assemble_omniscape",
    "choose_method", "conductances", "graph_network", "grounded", "network_advanced",
    "network_pairwise", "omniscape_tiles", "one_to_all", "parse_ini", "raster_advanced",
    "raster_network", "run_config", "run_omniscape_config", "run_raster",
]
