"""The counties by their existing grouping (the prefecture, from the run's group field): one
summary row per group, and how the collaboration zones compare with the groups.

The comparison is the one esp:collaborativezoning reports (espcore.zoning.unitgraph
collaboration_zones): the adjusted Rand index over the counties that share a corridor and
have a group, and the modularity of both groupings on the county matrix in the folder.
"""

from dataclasses import dataclass
from typing import Any, Dict, List, Optional

import numpy as np

from ...espcore.summaries import total
from ...espcore.zoning.collaboration import adjusted_rand_index
from .data import RunData, modularity_of

#: The ledger's columns summed per group (None when the ledger lacks them).
SUMMED = ("area_km2", "src_km2", "cor_km", "pinch_n", "bar_n", "burden_km2", "benefit_km2",
          "net_km2")


@dataclass
class GroupComparison:
    groups: int
    compared: int  # counties in the index: linked, with a group
    adjusted_rand: Optional[float]
    group_modularity: Optional[float]
    zone_modularity: Optional[float]


def group_labels(units: List[Dict[str, Any]]) -> List[int]:
    """1..G by first appearance, 0 for a county without a group (as io.units labels them)."""
    codes: Dict[str, int] = {}
    return [codes.setdefault(u["group"], len(codes) + 1) if u["group"] is not None else 0
            for u in units]


def group_rows(units: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """One dict per group in order of first appearance: its name, its counties, the sums of
    SUMMED and the collaboration zones its counties belong to."""
    order: List[str] = []
    members: Dict[str, List[Dict[str, Any]]] = {}
    for unit in units:
        if unit["group"] is None:
            continue
        if unit["group"] not in members:
            order.append(unit["group"])
            members[unit["group"]] = []
        members[unit["group"]].append(unit)
    rows = []
    for name in order:
        counties = members[name]
        row: Dict[str, Any] = {"name": name, "counties": len(counties)}
        for column in SUMMED:
            values = [u[column] for u in counties]
            row[column] = None if all(v is None for v in values) else total(values)
        row["zones"] = sorted({u["community"] for u in counties if u["community"]})
        rows.append(row)
    return rows


def compare(data: RunData) -> Optional[GroupComparison]:
    """The collaboration zones against the groups; None without groups."""
    if not data.has_groups:
        return None
    labels = np.array(group_labels(data.units))
    community = np.array([u["community"] or 0 for u in data.units])
    compared = (community > 0) & (labels > 0)
    ari = float(adjusted_rand_index(community[compared], labels[compared])) \
        if compared.any() else None
    return GroupComparison(groups=int(np.unique(labels[labels > 0]).size),
                           compared=int(compared.sum()), adjusted_rand=ari,
                           group_modularity=modularity_of(data.matrix, labels.tolist()),
                           zone_modularity=data.modularity)
