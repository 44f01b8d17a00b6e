"""ESP Toolkit QGIS plugin."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    from .plugin import EspToolkitPlugin

    return EspToolkitPlugin(iface)
