"""The dispersal parameters that esp:connectivityimportance and esp:extractsources share."""

from dataclasses import dataclass
from typing import Any, Dict, Optional

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsRasterLayer,
)

from ..base import EspAlgorithm, translate
from ..qgis_compat import NumberType

DISTANCE_METHOD = "DISTANCE_METHOD"
RESISTANCE = "RESISTANCE"
DISTANCE = "DISTANCE"
PROBABILITY_PRESET = "PROBABILITY_PRESET"
PROBABILITY = "PROBABILITY"
MIN_PROBABILITY = "MIN_PROBABILITY"

EUCLIDEAN, LEAST_COST = 0, 1
#: Probability at the dispersal distance: Conefor's customary 0.5, Graphab's default 0.05.
PRESETS = (0.5, 0.05)
CUSTOM = len(PRESETS)


@dataclass(frozen=True)
class Dispersal:
    distance: float
    probability: float
    min_probability: float
    resistance: Optional[QgsRasterLayer]


def add_dispersal_parameters(algorithm: EspAlgorithm) -> None:
    tr, add = translate, algorithm.add_parameter
    double = NumberType.Double
    add(QgsProcessingParameterEnum(
        DISTANCE_METHOD, tr("Distance between patches"),
        [tr("Edge-to-edge Euclidean"), tr("Least-cost over a resistance raster")],
        defaultValue=EUCLIDEAN),
        tr("Euclidean: the straight-line gap between the nearest edges of two patches. "
           "Least-cost: the accumulated cost (cell size x mean resistance of the two cells, "
           "x sqrt 2 diagonally) of the cheapest route between their edges, in cost units."))
    add(QgsProcessingParameterRasterLayer(RESISTANCE, tr("Resistance raster (least cost)"),
                                          optional=True),
        tr("Required for least-cost distances; NoData cells cannot be crossed. Patch rasters "
           "must be on its grid."))
    add(QgsProcessingParameterNumber(DISTANCE, tr("Dispersal distance d0"), double,
                                     defaultValue=2000.0, minValue=1e-9),
        tr("In map units (metres) for Euclidean distances, in cost units for least cost. "
           "Two patches closer than d0 are linked for IIC; for PC the probability of a "
           "direct move between them is p0 ^ (d / d0). Studies test several (500-10,000 m) "
           "and keep the one where the index levels off."))
    add(QgsProcessingParameterEnum(
        PROBABILITY_PRESET, tr("Probability at d0"),
        [tr("0.5 (Conefor practice, median dispersal distance)"),
         tr("0.05 (Graphab default, maximum dispersal distance)"), tr("Custom")],
        defaultValue=0),
        tr("p0, the probability that an organism crosses the distance d0."))
    add(QgsProcessingParameterNumber(PROBABILITY, tr("Custom probability at d0"), double,
                                     defaultValue=0.5, minValue=1e-9, maxValue=0.999999),
        tr("Used only when the preset is 'Custom'."))
    add(QgsProcessingParameterNumber(MIN_PROBABILITY, tr("Smallest probability kept"), double,
                                     defaultValue=0.01, minValue=0.0, maxValue=0.999),
        tr("Pairs whose direct probability is lower count as unconnected (Makurhini does the "
           "same with 0.01); this bounds the search for neighbours and costs almost nothing "
           "in PC. 0 keeps every pair."))


def read_dispersal(algorithm: EspAlgorithm, parameters: Dict[str, Any],
                   context: QgsProcessingContext) -> Dispersal:
    preset = algorithm.parameterAsEnum(parameters, PROBABILITY_PRESET, context)
    probability = (PRESETS[preset] if preset < CUSTOM
                   else algorithm.parameterAsDouble(parameters, PROBABILITY, context))
    resistance = None
    if algorithm.parameterAsEnum(parameters, DISTANCE_METHOD, context) == LEAST_COST:
        resistance = algorithm.parameterAsRasterLayer(parameters, RESISTANCE, context)
        if resistance is None:
            raise QgsProcessingException(translate(
                "Least-cost distances need a resistance raster; choose one or switch to "
                "Euclidean distances."))
    return Dispersal(algorithm.parameterAsDouble(parameters, DISTANCE, context), probability,
                     algorithm.parameterAsDouble(parameters, MIN_PROBABILITY, context),
                     resistance)
