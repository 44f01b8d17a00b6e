"""The ESP chain as data: which algorithm runs at each step and where its inputs come from.

esp:securitypattern runs these steps with processing.run, and tools/make_model.py turns the
same table into resources/models/ecological_security_pattern.model3, so the algorithm and the
model cannot drift apart. An input is a workflow setting, an earlier product or a fixed value.
"""

from dataclasses import dataclass, field
from typing import Any, Dict, Tuple, Union


@dataclass(frozen=True)
class Setting:
    """The value of a parameter of esp:securitypattern; omitted when that is empty."""

    name: str


@dataclass(frozen=True)
class Made:
    """An earlier product (a workflow.PRODUCTS key); omitted when it was not made."""

    key: str


@dataclass(frozen=True)
class RunFolder:
    """The run's own output folder (for a step that reads a whole run, such as the
    comparison with an earlier run)."""


Source = Union[Setting, Made, RunFolder, Any]  # anything else is a fixed value


@dataclass(frozen=True)
class Step:
    """One child algorithm of the chain.

    needs:   settings that must all be set for the step to run at all (else it is skipped)
    outputs: the child's output parameter -> the product key it writes
    skip:    optional outputs of the child that the chain does not want
    """

    name: str
    stage: str
    algorithm: str
    inputs: Dict[str, Source]
    outputs: Dict[str, str]
    needs: Tuple[str, ...] = ()
    skip: Tuple[str, ...] = field(default=())


SOURCE_ID = "source_id"  # the id field esp:extractsources writes

STEPS: Tuple[Step, ...] = (
    Step("mspa", "sources", "esp:mspa",
         {"INPUT": Setting("LANDCOVER"), "FOREGROUND_CLASSES": Setting("FOREGROUND_CLASSES"),
          "CONNECTIVITY": 0, "EDGE_WIDTH": 1},
         {"OUTPUT": "MSPA"}, skip=("OUTPUT_TABLE",)),
    Step("habitat_quality", "sources", "esp:habitatquality",
         {"LANDCOVER": Setting("LANDCOVER"), "THREATS_TABLE": Setting("THREATS_TABLE"),
          "SENSITIVITY_TABLE": Setting("SENSITIVITY_TABLE"),
          "HALF_SATURATION": Setting("HALF_SATURATION")},
         {"DEGRADATION": "DEGRADATION", "QUALITY": "HABITAT_QUALITY"},
         needs=("THREATS_TABLE", "SENSITIVITY_TABLE")),
    # MSPA core (17) and core inside holes (117) of good habitat quality are the candidates.
    Step("sources", "sources", "esp:extractsources",
         {"INPUT": Made("MSPA"), "VALUES": "17,117", "QUALITY": Made("HABITAT_QUALITY"),
          "QUALITY_CLASSES": Setting("QUALITY_CLASSES"), "MIN_QUALITY": Setting("MIN_QUALITY"),
          "MIN_AREA": Setting("MIN_AREA"),
          "DISTANCE": Setting("DISTANCE"),
          "MIN_DPC": Setting("MIN_DPC"), "TOP_N": Setting("TOP_N")},
         {"OUTPUT": "SOURCES", "SOURCE_IDS": "SOURCE_IDS"}),
    Step("resistance", "resistance", "esp:resistancesurface",
         {"INPUT": Setting("LANDCOVER"), "PRESET": Setting("RESISTANCE_PRESET"),
          "CORRECTION": Setting("CORRECTION")},
         {"OUTPUT": "RESISTANCE"}),
    # Large sources shorted as focal regions would carry most of the current themselves; one
    # point inside each keeps the current map on the land between them.
    Step("source_points", "connectivity", "native:pointonsurface",
         {"INPUT": Made("SOURCES"), "ALL_PARTS": False},
         {"OUTPUT": "SOURCE_POINTS"}),
    Step("current", "connectivity", "esp:circuitscape",
         {"INPUT": Made("RESISTANCE"), "FOCAL_FEATURES": Made("SOURCE_POINTS"),
          "FOCAL_ID_FIELD": SOURCE_ID},
         {"CUMULATIVE": "CURRENT", "RESISTANCE_MATRIX": "RESISTANCE_MATRIX"}),
    Step("corridors", "connectivity", "esp:linkagepathways",
         {"SOURCES": Made("SOURCES"), "SOURCE_ID_FIELD": SOURCE_ID,
          "RESISTANCE": Made("RESISTANCE"), "NEAREST": Setting("NEAREST"),
          "TRUNCATE": Setting("CORRIDOR_WIDTH")},
         {"OUTPUT": "LINKS", "CORRIDORS": "CORRIDORS"}),
    # Mode 2: adjacent pairs and the all-to-one run over the whole corridor network.
    Step("pinch_points", "connectivity", "esp:pinchpoints",
         {"SOURCES": Made("SOURCES"), "SOURCE_ID_FIELD": SOURCE_ID,
          "RESISTANCE": Made("RESISTANCE"), "LINKS": Made("LINKS"),
          "CUTOFF": Setting("PINCH_WIDTH"), "MODE": 2},
         {"OUTPUT": "PINCHPOINTS", "NETWORK_OUTPUT": "PINCHPOINTS_NETWORK",
          "CLASSIFIED": "PINCHPOINT_CLASSES"},
         skip=("OUTPUT_LINKS",)),
    Step("barriers", "connectivity", "esp:barriers",
         {"SOURCES": Made("SOURCES"), "SOURCE_ID_FIELD": SOURCE_ID,
          "RESISTANCE": Made("RESISTANCE"), "LINKS": Made("LINKS"),
          "MIN_RADIUS": Setting("MIN_RADIUS"), "MAX_RADIUS": Setting("MAX_RADIUS"),
          "STEP": Setting("STEP")},
         {"OUTPUT": "BARRIERS", "CLASSIFIED": "BARRIER_CLASSES"}),
    Step("centrality", "connectivity", "esp:centrality",
         {"LINKS": Made("LINKS"), "SOURCES": Made("SOURCES"), "SOURCE_ID_FIELD": SOURCE_ID},
         {"OUTPUT_LINKS": "CENTRALITY_LINKS", "OUTPUT_SOURCES": "CENTRALITY_SOURCES"}),
    # The corridor zone is the corridor core that the pinch points were computed in.
    Step("zones", "zoning", "esp:restorationzoning",
         {"SOURCES": Made("SOURCES"), "SOURCE_ID_FIELD": SOURCE_ID,
          "RESISTANCE": Made("RESISTANCE"), "CORRIDORS": Made("CORRIDORS"),
          "CORRIDOR_WIDTH": Setting("PINCH_WIDTH"), "LINKS": Made("LINKS"),
          "BUFFER": Setting("BUFFER"), "PINCHPOINTS": Made("PINCHPOINTS"),
          "BARRIERS": Made("BARRIERS"), "QUALITY": Made("HABITAT_QUALITY"),
          "BREAK_LAYER": Setting("LANDCOVER"), "BREAK_CLASSES": Setting("BREAK_CLASSES")},
         {"OUTPUT": "ZONES", "ZONE_POLYGONS": "ZONE_POLYGONS", "KEY_AREAS": "KEY_AREAS",
          "STATISTICS": "ZONING_STATISTICS"}),
    Step("collaboration", "zoning", "esp:collaborativezoning",
         {"UNITS": Setting("UNITS"), "UNIT_NAME_FIELD": Setting("UNIT_NAME_FIELD"),
          "GROUP_FIELD": Setting("GROUP_FIELD"), "SOURCES": Made("SOURCES"),
          "SOURCE_ID_FIELD": SOURCE_ID, "RESISTANCE": Made("RESISTANCE"),
          "LINKS": Made("LINKS"), "ZONES": Made("ZONES"), "KEY_AREAS": Made("KEY_AREAS"),
          "MIN_RADIUS": Setting("MIN_RADIUS"), "MAX_RADIUS": Setting("MAX_RADIUS"),
          "STEP": Setting("STEP")},
         {"OUTPUT": "LEDGER", "CROSS_LINKS": "CROSS_LINKS", "MATRIX": "MATRIX",
          "SHARES": "SHARES", "ACCOUNT": "ACCOUNT"}),
    # The candidate sites are the key areas that restoration acts on (kinds by default);
    # a site touches the links within the corridor core of the pinch points.
    Step("scenarios", "programme", "esp:restorationscenarios",
         {"RESISTANCE": Made("RESISTANCE"), "SOURCES": Made("SOURCES"),
          "SOURCE_ID_FIELD": SOURCE_ID, "LINKS": Made("LINKS"), "SITES": Made("KEY_AREAS"),
          "LANDCOVER": Setting("LANDCOVER"), "CURRENT": Made("CURRENT"),
          "ACTIONS": Setting("ACTIONS_TABLE"), "BUDGET": Setting("BUDGET"),
          "BAND": Setting("PINCH_WIDTH"), "CUTOFF": Setting("PINCH_WIDTH"),
          "UNITS": Setting("UNITS"), "UNIT_NAME_FIELD": Setting("UNIT_NAME_FIELD"),
          "GROUP_FIELD": Setting("GROUP_FIELD"), "OWN_SHARE": Setting("OWN_SHARE")},
         {"OUTPUT": "PROGRAMME_SITES", "CURVE": "GAIN_CURVE", "CHART": "GAIN_CHART",
          "RESTORED": "RESTORED_RESISTANCE", "LEDGER": "COMPENSATION",
          "TRANSFERS": "TRANSFERS", "LEDGER_GROUPS": "COMPENSATION_GROUPS"}),
    # An earlier run (another year's land cover, or the plan before restoration) against
    # this one.
    Step("comparison", "programme", "esp:compareesp",
         {"BEFORE": Setting("COMPARE_WITH"), "AFTER": RunFolder(), "UNITS": Setting("UNITS"),
          "UNIT_NAME_FIELD": Setting("UNIT_NAME_FIELD"), "GROUP_FIELD": Setting("GROUP_FIELD")},
         {"OUTPUT": "COMPARISON", "SOURCE_CHANGE": "SOURCE_CHANGE",
          "ZONE_CHANGE": "ZONE_CHANGE", "LINK_CHANGES": "CORRIDOR_CHANGE",
          "TRANSITIONS": "ZONE_TRANSITIONS", "GROUPS": "COMPARISON_GROUPS"},
         needs=("COMPARE_WITH",)),
)

#: Which step writes each product.
MADE_BY: Dict[str, Step] = {key: step for step in STEPS for key in step.outputs.values()}
