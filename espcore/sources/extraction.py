"""Ecological sources: candidate patches, a minimum area, then the most important by dPC.

The "MSPA - Conefor" route of Chinese ESP studies in one function: candidate cells (MSPA core,
any class mask, a habitat-quality threshold) are grouped into patches, patches below the
minimum area are dropped, the connectivity importance of the remaining ones is computed (IIC,
PC, dPC and its fractions, Saura & Rubio 2010), and the patches above a dPC threshold and/or
the N most important become the sources, numbered 1..k from the most important.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence, Tuple

import numpy as np
import numpy.typing as npt

from ..classify import natural_breaks
from ..errors import EspInputError
from ..grid import Grid
from ..progress import NullProgress, Progress, SubProgress, check_cancelled
from .connectivity import (
    Importance,
    connectivity_importance,
    pc_cutoff,
)
from .patchdistance import (
    Links,
    cost_distances,
    edge_distances,
    patch_areas,
)


def candidate_mask(
    classes: Optional[Grid] = None,
    *,
    values: Sequence[float] = (),
    quality: Optional[Grid] = None,
    min_quality: Optional[float] = None,
    quality_classes: int = 0,
) -> np.ndarray:
    """Cells that may belong to a source: a class in ``values``, and good habitat quality.

    Parameters
    ----------
    classes : Grid, optional
        An MSPA result (core is 17, or 117 inside a core opening), a land-cover raster or a
        0/1 mask. NoData cells are never candidates.
    values : sequence of numbers
        The values of ``classes`` that make a candidate; required with ``classes``.
    quality, min_quality : Grid and float, optional
        A habitat-quality (or any importance) raster on the same grid and the lowest value a
        candidate may have. Both criteria must hold when both are given.
    quality_classes : int
        With ``quality``: grade the quality of the cells that pass the other criteria into
        this many natural-breaks (Jenks) classes and keep only the top class, the "high
        quality" grade of habitat-quality source rules. 0 (or 1) grades nothing. When the
        values cannot fill two classes (constant quality) every cell stays.

    Returns
    -------
    bool array of the grid's shape.
    """
    if classes is None and (quality is None or min_quality is None):
        raise EspInputError("Give a class raster with the values of candidate cells, a "
                            "quality raster with a minimum quality, or both.")
    reference = classes if classes is not None else quality
    assert reference is not None
    mask: npt.NDArray[np.bool_] = np.ones(reference.shape, dtype=bool)
    if classes is not None:
        if not len(values):
            raise EspInputError("List the values of the class raster that make a candidate "
                                "cell (for MSPA output: 17, core; 117, core inside an "
                                "opening).")
        mask &= ~classes.mask & np.isin(classes.values, np.asarray(values, dtype=np.float64))
        if not mask.any():
            raise EspInputError("No cell of the class raster has any of the values {values}.",
                                values=", ".join("{0:g}".format(v) for v in values))
    if quality is not None and quality.shape != reference.shape:
        raise EspInputError("The quality raster ({qshape}) and the class raster ({cshape}) "
                            "differ in size.", qshape=quality.shape, cshape=reference.shape)
    if quality is not None and min_quality is not None:
        with np.errstate(invalid="ignore"):
            mask &= ~quality.mask & (quality.values >= min_quality)
        if not mask.any():
            raise EspInputError("No candidate cell has a quality of at least {minimum:g}; "
                                "lower the minimum quality.", minimum=min_quality)
    if quality is not None and quality_classes > 1:
        mask &= _top_class(quality, mask, quality_classes)
    return mask


def _top_class(quality: Grid, mask: np.ndarray, classes: int) -> np.ndarray:
    """Cells whose quality is in the top natural-breaks class of the quality under ``mask``."""
    valid = mask & ~quality.mask & np.isfinite(quality.values)
    if not valid.any():
        raise EspInputError("No candidate cell has a habitat quality value; check that the "
                            "quality raster covers the candidates.")
    edges = natural_breaks(quality.values[valid], classes)
    if edges.size < 3:  # one class: nothing to rank
        return valid
    with np.errstate(invalid="ignore"):
        return valid & (quality.values > edges[-2])


def label_patches(mask: np.ndarray, *, connectivity: int = 8) -> np.ndarray:
    """Connected groups of True cells, numbered 1..n in reading order; 0 elsewhere (int32)."""
    from scipy import ndimage

    if connectivity not in (4, 8):
        raise EspInputError("Connectivity must be 4 or 8, not {value}.", value=connectivity)
    structure: Optional[npt.NDArray[np.bool_]] = (np.ones((3, 3), dtype=bool)
                                                  if connectivity == 8 else None)
    labels, _count = ndimage.label(mask, structure=structure)
    return labels.astype(np.int32, copy=False)


@dataclass(frozen=True)
class Sources:
    """The result of :func:`extract_sources`.

    ``ids`` holds the sources' own ids (int32 grid values, 0 = no source), numbered 1..k from
    the highest dPC down; the per-source arrays follow that order. ``importance`` is the
    connectivity analysis of every candidate patch (patch ids as in ``patches``), so the
    landscape indices (IIC, PC, ECA) describe all candidates, not only the chosen ones.
    """

    ids: np.ndarray
    area: np.ndarray
    d_pc: np.ndarray
    d_pc_intra: np.ndarray
    d_pc_flux: np.ndarray
    d_pc_connector: np.ndarray
    d_iic: np.ndarray
    mean_quality: Optional[np.ndarray]
    patches: np.ndarray
    importance: Importance

    @property
    def count(self) -> int:
        return int(self.area.size)


def _links(
    patches: np.ndarray,
    resistance: Optional[Grid],
    cell_size: Tuple[float, float],
    max_distance: float,
    progress: Progress,
) -> Links:
    if resistance is None:
        # Edge to edge, as between the polygons of the patches (what Conefor users measure).
        return edge_distances(patches, cell_size=cell_size, max_distance=max_distance,
                              between="edges", progress=progress)
    if resistance.shape != patches.shape:
        raise EspInputError("The resistance raster ({rshape}) and the candidate raster "
                            "({cshape}) differ in size.", rshape=resistance.shape,
                            cshape=patches.shape)
    return cost_distances(patches, resistance.values.astype(np.float64, copy=False),
                          impassable=resistance.mask, cell_size=cell_size,
                          max_distance=max_distance, progress=progress)


def _select(d_pc: np.ndarray, min_dpc: float, top_n: int) -> np.ndarray:
    """Indices of the kept patches, highest dPC first (ties: the lower patch id first)."""
    order = np.argsort(-d_pc, kind="stable")
    order = order[d_pc[order] >= min_dpc]
    return order[:top_n] if top_n > 0 else order


def extract_sources(
    candidates: np.ndarray,
    *,
    data: np.ndarray,
    cell_size: Tuple[float, float],
    min_area: float = 0.0,
    connectivity: int = 8,
    distance: float = 2000.0,
    probability: float = 0.5,
    min_probability: float = 0.01,
    resistance: Optional[Grid] = None,
    min_dpc: float = 0.0,
    top_n: int = 0,
    quality: Optional[Grid] = None,
    progress: Optional[Progress] = None,
) -> Sources:
    """Patches of candidate cells that are large and connected enough to be sources.

    Parameters
    ----------
    candidates : bool array
        Candidate cells (see :func:`candidate_mask`).
    data : bool array
        Cells inside the study area (not NoData); their total area is the landscape area A_L
        of IIC and PC.
    cell_size : (float, float)
        Cell width and height in map units (metres).
    min_area : float
        Smallest patch area kept, in map units squared (m²); 0 keeps every patch.
    connectivity : 4 or 8
        Which neighbours join cells into one patch (8, like MSPA's default).
    distance, probability, min_probability : float
        Dispersal distance d0 in map units (also the IIC link threshold), the probability p0
        of crossing d0, and the probability below which a pair counts as unconnected.
    resistance : Grid, optional
        With it, distances are least-cost over this raster between patch cells (NoData
        cells impassable); without it, the Euclidean gap between the patches' outer cell
        edges, as between their polygons.
    min_dpc, top_n : float and int
        Keep patches whose dPC (percent) is at least ``min_dpc``; of those keep the ``top_n``
        highest (0 = all).
    quality : Grid, optional
        A habitat-quality raster whose mean over each source is reported.
    progress : Progress, optional

    Returns
    -------
    Sources

    Raises
    ------
    EspInputError
        No candidate patch reaches the minimum area, or none passes the dPC selection.

    Notes
    -----
    Labelling and areas take about 0.1 s per million cells; the distances dominate (see
    :mod:`espcore.sources.connectivity`).
    """
    progress = progress or NullProgress()
    if candidates.shape != data.shape:
        raise EspInputError("The candidate and study-area masks differ in size.")
    if min_area < 0 or min_dpc < 0 or top_n < 0:
        raise EspInputError("The minimum area, the dPC threshold and the number of sources "
                            "cannot be negative.")
    cell_area = float(cell_size[0] * cell_size[1])
    labels = label_patches(candidates & data, connectivity=connectivity)
    ids, areas = patch_areas(labels, cell_area=cell_area)
    big = ids[areas >= min_area] if ids.size else ids
    if big.size == 0:
        raise EspInputError(
            "No candidate patch reaches the minimum area of {minimum:g} map units² (the "
            "largest has {largest:g}). Lower the minimum area or widen the candidates.",
            minimum=min_area, largest=float(areas.max()) if areas.size else 0.0)
    # Renumber the kept patches 1..n so that ids stay small and contiguous.
    lookup: npt.NDArray[np.int32] = np.zeros(int(labels.max()) + 1, dtype=np.int32)
    lookup[big] = np.arange(1, big.size + 1, dtype=np.int32)
    patches = lookup[labels]
    check_cancelled(progress)
    ids, areas = patch_areas(patches, cell_area=cell_area)
    links = _links(patches, resistance, cell_size,
                   pc_cutoff(distance, probability, min_probability),
                   SubProgress(progress, 0.0, 0.6))
    importance = connectivity_importance(
        areas, links, distance=distance, probability=probability,
        landscape_area=float(np.count_nonzero(data)) * cell_area,
        min_probability=min_probability, progress=SubProgress(progress, 0.6, 0.95))
    kept = _select(importance.d_pc, min_dpc, top_n)
    if kept.size == 0:
        raise EspInputError(
            "No patch has a dPC of at least {minimum:g} % (the highest is {best:.3g} %). "
            "Lower the dPC threshold.", minimum=min_dpc, best=float(importance.d_pc.max()))
    source_of_patch: npt.NDArray[np.int32] = np.zeros(ids.size + 1, dtype=np.int32)
    source_of_patch[kept + 1] = np.arange(1, kept.size + 1, dtype=np.int32)
    mean_quality = None
    if quality is not None:
        mean_quality = _patch_means(patches, quality, ids.size)[kept]
    progress.update(1.0)
    return Sources(
        ids=source_of_patch[patches], area=areas[kept], d_pc=importance.d_pc[kept],
        d_pc_intra=importance.d_pc_intra[kept], d_pc_flux=importance.d_pc_flux[kept],
        d_pc_connector=importance.d_pc_connector[kept], d_iic=importance.d_iic[kept],
        mean_quality=mean_quality, patches=patches, importance=importance)


def _patch_means(patches: np.ndarray, quality: Grid, count: int) -> np.ndarray:
    """Mean quality over the data cells of patches 1..count (NaN for a patch without any)."""
    if quality.shape != patches.shape:
        raise EspInputError("The quality raster ({qshape}) and the candidate raster "
                            "({cshape}) differ in size.", qshape=quality.shape,
                            cshape=patches.shape)
    use = (patches > 0) & ~quality.mask
    which = patches[use]
    total = np.bincount(which, weights=quality.values[use].astype(np.float64),
                        minlength=count + 1)
    cells = np.bincount(which, minlength=count + 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return (total / cells)[1:]
