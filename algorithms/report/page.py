"""The report being written: its run, its language, its images and its progress, and the
pieces that need them (the words of the legends, maps, charts and figures).

The sections (report.overview, report.stages, report.counties) are functions of a ``Page``;
report.writer puts them in order and writes the files.
"""

from typing import Any, Callable, Dict, Optional, Sequence, Tuple

from ...espcore.zoning.zones import (
    BARRIER,
    BREAKPOINT,
    CONSERVATION,
    CONTROL,
    CORRIDOR,
    DEGRADED_CORRIDOR,
    DEGRADED_SOURCE,
    IMPROVEMENT,
    PINCH_POINT,
    RESTORATION,
)
from .. import i18n
from . import maps as report_maps
from .data import RunData
from .formatting import (
    class_swatches,
    figure_html,
    finite,
    is_ramp,
    legend_table,
    note,
    number,
    ramp_swatches,
)


class Page:
    """Every sentence of the report goes through ``tr`` (context "Report") in the chosen
    language, whatever the interface shows."""

    def __init__(self, data: RunData, language: str, settings: Sequence[Tuple[str, str]],
                 step: Callable[[float], None]) -> None:
        self.data = data
        self.language = language
        self.settings = [(str(label), str(value)) for label, value in settings]
        self._lookup = i18n.translator(language)
        self._step = step
        self.images: Dict[str, bytes] = {}
        self.without_matplotlib = False
        self.extent, self.crs = report_maps.extent_of(
            data.folder, ("ZONES", "RESISTANCE", "CURRENT", "HABITAT_QUALITY", "MSPA"))

    def tr(self, text: str) -> str:
        return self._lookup("Report", text)

    # ------------------------------------------------------------------ words ----------

    def titles(self) -> Dict[str, str]:
        """Layer names of the products the maps show."""
        tr = self.tr
        return {"MSPA": tr("MSPA classes"), "HABITAT_QUALITY": tr("Habitat quality"),
                "SOURCES": tr("Ecological sources"), "RESISTANCE": tr("Resistance surface"),
                "CURRENT": tr("Cumulative current"), "LINKS": tr("Least-cost corridors"),
                "PINCHPOINT_CLASSES": tr("Pinch points"), "BARRIER_CLASSES": tr("Barriers"),
                "ZONES": tr("Restoration zones"), "KEY_AREAS": tr("Key restoration areas"),
                "LEDGER": tr("Collaboration zones"),
                "CROSS_LINKS": tr("Cross-boundary corridors")}

    def zone_names(self) -> Dict[int, str]:
        tr = self.tr
        return {CONSERVATION: tr("Ecological conservation zone"),
                RESTORATION: tr("Ecological restoration zone"),
                IMPROVEMENT: tr("Ecological improvement zone"),
                CONTROL: tr("Ecological control zone")}

    def kind_names(self) -> Dict[int, str]:
        tr = self.tr
        return {PINCH_POINT: tr("Pinch point"), BARRIER: tr("Barrier"),
                BREAKPOINT: tr("Breakpoint"), CORRIDOR: tr("Corridor"),
                DEGRADED_SOURCE: tr("Degraded land in sources"),
                DEGRADED_CORRIDOR: tr("Degraded land in corridors")}

    def known_labels(self) -> Dict[str, str]:
        """Labels the sidecar styles carry in English, shown in the report's language."""
        tr = self.tr
        return {"Corridor (active)": tr("Corridor (active)"),
                "Dropped link": tr("Dropped link"),
                "No shared corridor": tr("No shared corridor")}

    def area(self, value: Any) -> str:
        return self.tr("{value} km²").format(value=number(value))

    def percent(self, value: Any) -> str:
        decimals = 1 if not finite(value) or value == 0 or abs(value) >= 1 else 2
        return self.tr("{value} %").format(value=number(value, decimals))

    def missing(self, what: str) -> str:
        return note(self.tr("{what} is not in this folder: run the stage that writes it "
                            "to see it here.").format(what=what))

    # ------------------------------------------------------------------ figures --------

    def chart(self, draw: Callable[..., Optional[bytes]], *args: Any,
              **kwargs: Any) -> Optional[bytes]:
        """A chart's PNG; None when there is nothing to draw or no matplotlib."""
        try:
            return draw(*args, **kwargs)
        except ImportError:
            self.without_matplotlib = True
            return None
        finally:
            self._step(0)

    def figure(self, ident: str, png: Optional[bytes], caption: str, legend: str = "") -> str:
        """The figure of image ``png`` (kept under ``ident``), or a note why there is none."""
        if png is None and self.without_matplotlib and ident.startswith("chart-"):
            return note(self.tr("Charts need the Python package matplotlib, which is "
                                "not installed."))
        if png is None:
            return note(self.tr("No data to draw for this figure."))
        self.images[ident] = png
        return figure_html(ident, caption, legend)

    def label(self, key: str, entry: report_maps.LegendEntry) -> str:
        value = entry.value
        if key == "ZONES" and finite(value) and int(value) in self.zone_names():
            return self.zone_names()[int(value)]
        if key == "CROSS_LINKS":
            return ""
        if key == "LEDGER":
            if value is None:
                return self.tr("No shared corridor")
            return self.tr("Collaboration zone {k}").format(k=value)
        if key == "KEY_AREAS" and value is not None:
            return self.tr("Level {n}").format(n=value)
        known = self.known_labels().get(entry.label)
        return known if known is not None else self._lookup(i18n.STYLE_CONTEXT, entry.label)

    def legend(self, layers: Sequence[report_maps.MapLayer]) -> str:
        """One row per layer (top layer first, as in the layers panel): its name and its
        swatches; a colour ramp as a strip between its end values."""
        titles = self.titles()
        rows, seen = [], set()
        for layer in reversed(layers):
            if not layer.legend or layer.key in seen:
                continue
            seen.add(layer.key)
            if is_ramp(layer.legend):
                swatches = ramp_swatches(layer.legend)
            else:
                swatches = class_swatches([(entry.colour, self.label(layer.key, entry))
                                           for entry in layer.legend])
            rows.append((titles.get(layer.key, layer.key), swatches))
        return legend_table(rows)

    def map(self, ident: str, keys: Sequence[str], caption: str) -> str:
        layers = report_maps.styled(self.data.folder, keys)
        if not any(layer.key != "OUTLINES" for layer in layers):
            return note(self.tr("No data to draw for this figure."))
        image = report_maps.render(layers, extent=self.extent, crs=self.crs)
        self._step(0)
        return self.figure(ident, report_maps.png_bytes(image), caption, self.legend(layers))

    def panels(self, ident: str, panels: Sequence[Tuple[str, Sequence[str]]],
               caption: str) -> str:
        """Maps side by side in one figure: (title, product keys) each."""
        drawn = [(title, report_maps.styled(self.data.folder, keys)) for title, keys in panels]
        if not any(layer.key != "OUTLINES" for _, layers in drawn for layer in layers):
            return note(self.tr("No data to draw for this figure."))
        image = report_maps.render_panels(drawn, extent=self.extent, crs=self.crs)
        self._step(0)
        everything = [layer for _, layers in drawn for layer in layers]
        return self.figure(ident, report_maps.png_bytes(image), caption,
                           self.legend(everything))
