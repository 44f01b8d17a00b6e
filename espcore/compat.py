"""Version shims: the one place that knows numpy 1.24-2.x and scipy 1.10-1.17 differ.

QGIS on Debian 12 ships numpy 1.24 / scipy 1.10; newer platforms bring numpy 2 / scipy 1.17.
Import the differing names from here instead of testing versions across the code.
"""

from __future__ import annotations

from typing import Any, Optional, Tuple

import numpy as np


def _version(text: str) -> Tuple[int, int]:
    major, minor = text.split(".")[:2]
    return int(major), int("".join(ch for ch in minor if ch.isdigit()) or 0)


NUMPY_VERSION = _version(np.__version__)

#: Value of ``copy=`` that copies only when needed: numpy 2 spells it None, numpy 1 False
#: (numpy 2 reads False as "never copy" and raises when a copy is unavoidable).
COPY_IF_NEEDED: Optional[bool] = None if NUMPY_VERSION >= (2, 0) else False

# numpy 2.0 renamed trapz (removed in 2.4 and later).
trapezoid = getattr(np, "trapezoid", None) or np.trapz


def scipy_version() -> Tuple[int, int]:
    """scipy's (major, minor); scipy is imported only when this is called."""
    import scipy

    return _version(scipy.__version__)


def sparse_cg(A: Any, b: np.ndarray, *, rtol: float, atol: float = 0.0,
              maxiter: Optional[int] = None, M: Any = None,
              x0: Optional[np.ndarray] = None) -> Tuple[np.ndarray, int]:
    """``scipy.sparse.linalg.cg`` with a relative tolerance on every scipy version.

    scipy 1.12 renamed ``tol`` to ``rtol`` and 1.14 removed ``tol``. Returns (x, info) as cg
    does: info 0 means converged, > 0 the iteration count reached without converging.
    """
    from scipy.sparse.linalg import cg

    tol_name = "rtol" if scipy_version() >= (1, 12) else "tol"
    options = {tol_name: rtol, "atol": atol, "maxiter": maxiter, "M": M, "x0": x0}
    return cg(A, b, **options)
