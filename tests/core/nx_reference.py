"""networkx as an independent reference, made to work on every networkx/scipy pair we meet."""

import contextlib
import functools
from unittest import mock

import networkx as nx


@functools.cache
def _networkx_flow_rows_work():
    """False where networkx's current-flow code fails on this scipy before computing."""
    try:
        nx.current_flow_betweenness_centrality(nx.path_graph(3), normalized=False)
    except ValueError:
        return False
    return True


@contextlib.contextmanager
def portable_flow_rows():
    """Lets networkx < 3.4 compute current-flow betweenness with scipy >= 1.15.

    networkx sizes a ring buffer of inverse-Laplacian rows with ``InverseLaplacian.width``,
    which unpacks ``np.nonzero`` of each Laplacian row as 2-D; scipy 1.15 iterates sparse
    arrays by 1-D rows and the unpacking raises (fixed in networkx 3.4, PR #7541). A buffer
    of n rows keeps every row at its own index, so the flow rows and networkx's values are
    unchanged; the stand-in is used only where the original fails.
    """
    if _networkx_flow_rows_work():
        yield
        return
    from networkx.algorithms.centrality import flow_matrix

    with mock.patch.object(flow_matrix.InverseLaplacian, "width",
                           lambda self, laplacian: laplacian.shape[0]):
        yield
