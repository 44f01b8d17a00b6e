"""The report being written: its run, its language, its images and its progress, and the
pieces that need them (the words of the legends, maps, charts, figures and tables).

The sections (report.cover, report.overview, report.stages, report.counties, report.annex)
are functions of a ``Page``; report.writer puts them in order and writes the files. Figures
and tables are numbered in the order they are built, which is the order of the document.
"""

import re
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
    table,
    table_caption,
)
from .runinfo import RunInfo

#: A legend label that names a class and its range of values, and the context its name is
#: translated in (base.translate's, which io.classes names the classes with).
NAMED_RANGE = re.compile(r"^(\D[^(]*?) \((.+)\)$")
CLASS_CONTEXT = "EspToolkit"


class Page:
    """Every sentence of the report goes through ``tr`` (context "Report") in the chosen
    language, whatever the interface shows."""

    def __init__(self, data: RunData, language: str, settings: Sequence[Tuple[str, str]],
                 step: Callable[[float], None], info: Optional[RunInfo] = None) -> None:
        self.data = data
        self.language = language
        self.settings = [(str(label), str(value)) for label, value in settings]
        self.info = info or RunInfo()
        self._lookup = i18n.translator(language)
        self._step = step
        self.images: Dict[str, bytes] = {}  # print resolution (writer scales them for HTML)
        self.figures = 0
        self.tables = 0
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

    def figure(self, ident: str, png: Optional[bytes], title: str, caption: str,
               legend: str = "") -> str:
        """The next numbered figure: image ``png`` (kept under ``ident``) with its title and
        caption, or a note why there is none (which takes no number)."""
        if png is None and self.without_matplotlib and ident.startswith("chart-"):
            return note(self.tr("Charts need the Python package matplotlib, which is "
                                "not installed."))
        if png is None:
            return note(self.tr("No data to draw for this figure."))
        self.images[ident] = png
        self.figures += 1
        label = self.tr("Figure {n}. {title}.").format(n=self.figures, title=title)
        return figure_html(ident, label, caption, legend)

    def table(self, ident: str, title: str, headers: Sequence[str],
              rows: Sequence[Sequence[Any]], **options: Any) -> str:
        """The next numbered table, its caption above it (formatting.table's options)."""
        self.tables += 1
        label = self.tr("Table {n}. {title}").format(n=self.tables, title=title)
        return table_caption(ident, label) + table(ident, headers, rows, **options)

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
        if known is not None:
            return known
        named = NAMED_RANGE.match(entry.label)
        if named:
            # A class written by io.classes in the run's interface language: "High (3.9 – 6.5)".
            return "{} ({})".format(self._lookup(CLASS_CONTEXT, named.group(1)),
                                    named.group(2))
        return self._lookup(i18n.STYLE_CONTEXT, entry.label)

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

    def map(self, ident: str, keys: Sequence[str], title: str, caption: str) -> str:
        layers = report_maps.styled(self.data.folder, keys)
        if not any(layer.key != "OUTLINES" for layer in layers):
            return note(self.tr("No data to draw for this figure."))
        image = report_maps.render(layers, extent=self.extent, crs=self.crs,
                                   scale=report_maps.PRINT_SCALE)
        self._step(0)
        return self.figure(ident, report_maps.png_bytes(image), title, caption,
                           self.legend(layers))

    def panels(self, ident: str, panels: Sequence[Tuple[str, Sequence[str]]], title: str,
               caption: str) -> str:
        """Maps side by side in one figure: (title, product keys) each."""
        drawn = [(name, report_maps.styled(self.data.folder, keys)) for name, keys in panels]
        if not any(layer.key != "OUTLINES" for _, layers in drawn for layer in layers):
            return note(self.tr("No data to draw for this figure."))
        image = report_maps.render_panels(drawn, extent=self.extent, crs=self.crs,
                                          scale=report_maps.PRINT_SCALE)
        self._step(0)
        everything = [layer for _, layers in drawn for layer in layers]
        return self.figure(ident, report_maps.png_bytes(image), title, caption,
                           self.legend(everything))
