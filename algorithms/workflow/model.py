"""The ESP chain as a Processing model, built from the same step table as esp:securitypattern.

`make model` writes it to resources/models/ecological_security_pattern.model3, which opens in
the Processing modeler. Steps that need optional inputs (habitat quality) are left out: a model
cannot skip a child whose inputs are empty, and the chain runs without them.
"""

import os
from typing import Dict, List

from qgis.core import (
    QgsApplication,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
)
from qgis.PyQt.QtCore import QPointF

from ..base import PLUGIN_DIR
from . import products as workflow
from .steps import STEPS, Made, Setting, Step

MODEL_PATH = os.path.join(PLUGIN_DIR, "resources", "models", "ecological_security_pattern.model3")
MODEL_NAME = "Ecological security pattern (model)"
#: The products that become the model's outputs; the rest stay temporary. The network current
#: is one because the model would otherwise not write it, and the pinch-point mode needs it.
MODEL_OUTPUTS = ("SOURCES", "RESISTANCE", "CURRENT", "LINKS", "CORRIDORS", "PINCHPOINTS_NETWORK",
                 "PINCHPOINT_CLASSES", "BARRIER_CLASSES", "ZONES", "KEY_AREAS", "LEDGER",
                 "MATRIX", "ACCOUNT", "PROGRAMME_SITES", "COMPENSATION")
COLUMN = 480.0  # modeler layout: one column per stage, the outputs beside their step
ROW = 110.0
OUTPUT_OFFSET = 240.0


def model_steps() -> List[Step]:
    return [step for step in STEPS if not step.needs]


def build_model() -> QgsProcessingModelAlgorithm:
    """A model whose inputs are the settings of esp:securitypattern that its steps read."""
    from .securitypattern import SecurityPattern

    model = QgsProcessingModelAlgorithm(MODEL_NAME, "5 · Workflows", "workflows")
    model.setHelpContent({"ALG_DESC": (
        "The ecological security pattern chain of ESP Toolkit as a model: MSPA sources ranked "
        "by dPC, land-cover resistance, pairwise current, least-cost corridors, pinch points, "
        "barriers, centrality, restoration zones, the county ledger and the restoration "
        "programme with its compensation ledger. The algorithm 'Ecological "
        "security pattern (whole chain)' runs the same steps and adds habitat quality, the "
        "comparison with an earlier run and the report.")})
    steps = model_steps()
    made_by = {key: step for step in steps for key in step.outputs.values()}
    definitions = SecurityPattern()
    definitions.initAlgorithm()
    used = []
    for step in steps:
        for source in step.inputs.values():
            if isinstance(source, Setting) and source.name not in used:
                used.append(source.name)
    for row, name in enumerate(used):
        definition = definitions.parameterDefinition(name).clone()
        component = QgsProcessingModelParameter(name)
        component.setPosition(QPointF(120.0, 60.0 + row * 60.0))
        model.addModelParameter(definition, component)
    rows: Dict[str, int] = {}
    for step in steps:
        child = QgsProcessingModelChildAlgorithm(step.algorithm)
        child.setChildId(step.name)
        child.setDescription(step.name.replace("_", " ").capitalize())
        stage = workflow.STAGES.index(step.stage)
        rows[step.stage] = rows.get(step.stage, 0) + 1
        child.setPosition(QPointF(420.0 + stage * COLUMN, rows[step.stage] * ROW))
        for parameter, source in step.inputs.items():
            if isinstance(source, Setting):
                value = QgsProcessingModelChildParameterSource.fromModelParameter(source.name)
            elif isinstance(source, Made):
                maker = made_by.get(source.key)
                if maker is None:
                    continue  # made by a step the model leaves out
                output = next(name for name, key in maker.outputs.items() if key == source.key)
                value = QgsProcessingModelChildParameterSource.fromChildOutput(maker.name,
                                                                               output)
            else:
                value = QgsProcessingModelChildParameterSource.fromStaticValue(source)
            child.addParameterSources(parameter, [value])
        # As the modeler saves a child: every other input at the algorithm's default, or the
        # model does not validate (the modeler draws such children red).
        algorithm = QgsApplication.processingRegistry().algorithmById(step.algorithm)
        for definition in algorithm.parameterDefinitions():
            name = definition.name()
            if definition.isDestination() or name in step.inputs:
                continue
            child.addParameterSources(name, [
                QgsProcessingModelChildParameterSource.fromStaticValue(
                    definition.defaultValue())])
        outputs = {}
        for output, key in step.outputs.items():
            if key in MODEL_OUTPUTS:
                title = workflow.BY_KEY[key].title
                model_output = QgsProcessingModelOutput(title, title)
                model_output.setChildId(step.name)
                model_output.setChildOutputName(output)
                model_output.setPosition(child.position() + QPointF(
                    OUTPUT_OFFSET, -25.0 + 32.0 * len(outputs)))
                outputs[title] = model_output
        child.setModelOutputs(outputs)
        model.addChildAlgorithm(child)
    return model


def write_model(path: str = MODEL_PATH) -> str:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if not build_model().toFile(path):
        raise OSError("cannot write " + path)
    return path
