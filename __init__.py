"""ESP Toolkit QGIS plugin."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    # The catalogue goes in before anything builds a name or help text, so the toolbox, the
    # dock and qgis_process all speak the language QGIS runs in.
    from .algorithms import i18n
    from .plugin import EspToolkitPlugin

    i18n.install()
    return EspToolkitPlugin(iface)
