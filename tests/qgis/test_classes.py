"""The shared class style: N named classes, limits in the legend, top class red, loaded with the
file by QGIS itself (a sidecar .qml), so qgis_process outputs open styled too."""

import numpy as np
import pytest
from conftest import write_raster
from qgis.core import QgsRasterLayer


@pytest.mark.parametrize("count", [2, 3, 5, 9])
def test_class_style_beside_the_raster(esp, tmp_path, count):
    from esp_toolkit.algorithms.io.classes import class_names, class_style

    path = write_raster(tmp_path / "classes.tif", np.arange(count + 1).reshape(1, -1),
                        nodata=0, dtype="uint8")
    edges = np.linspace(0.0, 10.0, count + 1)
    style = class_style(edges, path)
    assert style == str(tmp_path / "classes.qml")
    layer = QgsRasterLayer(path, "classes")  # loads classes.qml as its default style
    renderer = layer.renderer()
    assert renderer.type() == "paletted"
    classes = renderer.classes()
    assert [c.value for c in classes] == list(range(1, count + 1))
    # Named lowest to highest, with the limits (three significant figures).
    names = class_names(count)
    assert [c.label.split(" (")[0] for c in classes] == names
    assert classes[0].label == "{0} (0 – {1:.3g})".format(names[0], edges[1])
    assert classes[-1].label.endswith("– 10)")
    assert classes[-1].color.name() == "#800026"
    # Every class darker than the one below it.
    lightness = [c.color.lightness() for c in classes]
    assert all(a > b for a, b in zip(lightness, lightness[1:]))
