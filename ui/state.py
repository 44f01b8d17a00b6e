"""The dock's values in the QGIS project file, so reopening a project restores the dock.

Values are kept as text under the scope ``esp_toolkit``: one entry per parameter name (layers
by id, fields by name, numbers and enum indices as text) and the output folder.
"""

from typing import Dict, Iterable, Mapping

from qgis.core import QgsProject

SCOPE = "esp_toolkit"
#: The names ever written, so a run with fewer parameters removes the others' stale values.
KEYS_ENTRY = "keys"


def write(project: QgsProject, values: Mapping[str, str]) -> None:
    old = set(project.readListEntry(SCOPE, KEYS_ENTRY, [])[0])
    for key in old - set(values):
        project.removeEntry(SCOPE, key)
    for key, text in values.items():
        project.writeEntry(SCOPE, key, text)
    project.writeEntry(SCOPE, KEYS_ENTRY, sorted(values))


def read(project: QgsProject, keys: Iterable[str]) -> Dict[str, str]:
    """The stored text of ``keys`` that the project holds (absent keys are left out)."""
    values = {}
    for key in keys:
        text, found = project.readEntry(SCOPE, key, "")
        if found:
            values[key] = text
    return values


def has_state(project: QgsProject) -> bool:
    return bool(project.readListEntry(SCOPE, KEYS_ENTRY, [])[0])
