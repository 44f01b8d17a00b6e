"""Write resources/models/ecological_security_pattern.model3 from the workflow's step table.

Usage: python tools/make_model.py [OUT.model3]   (run by `make model`; headless)
"""

import os
import sys

from qgis.core import QgsApplication

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main(argv):
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.insert(0, "/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    plugins = os.path.join(ROOT, "build", "test-plugins")
    link = os.path.join(plugins, "esp_toolkit")
    os.makedirs(plugins, exist_ok=True)
    if not os.path.islink(link):
        os.symlink(ROOT, link)
    sys.path.insert(0, plugins)
    from esp_toolkit.algorithms.workflow.model import MODEL_PATH, write_model
    from esp_toolkit.plugin import EspToolkitPlugin

    plugin = EspToolkitPlugin(None)
    plugin.initProcessing()  # the children's parameter definitions come from the registry
    print(write_model(argv[1] if len(argv) > 1 else MODEL_PATH))


if __name__ == "__main__":
    main(sys.argv)
