"""The report of a workflow run: one self-contained HTML file and, where Qt can print it, a PDF.

``write_report(folder)`` reads the products of esp:securitypattern from ``folder`` (fixed file
names, workflow.PRODUCTS), draws the maps (report_maps) and charts (report_charts), and writes
report.html (images as data: URIs, CSS inline) and report.pdf (the same HTML laid out by
QTextDocument, images registered as resources under the same names). It runs in a Processing
worker thread: no project, no iface, no QPixmap or widget.
"""

import base64
import html
import math
import os
import re
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np
from qgis.core import QgsProcessingFeedback
from qgis.PyQt.QtCore import QDateTime, QMarginsF, QUrl
from qgis.PyQt.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from ...espcore.errors import Cancelled
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
    ZONES,
)
from .. import i18n
from ..base import PLUGIN_DIR
from ..io.zones import ZONE_COLOURS
from ..workflow.products import BY_KEY
from . import charts as report_charts
from . import maps as report_maps
from .data import RunData, read_run

#: The sections of the report, in order; each is a <section> with this id.
SECTIONS = ("summary", "sources", "resistance", "connectivity", "zoning", "collaboration",
            "settings", "methods")
#: Rows of the long tables shown at most (the products hold all of them).
TOP_COUNTIES = 15
TOP_CHART = 10
TOP_ACCOUNT = 20
TOP_LINKS = 50
#: Width of the images in the PDF (QTextDocument pixels at 96 dpi: A4 less the margins).
PDF_IMAGE_WIDTH = 600
_IMAGE = re.compile(r"@@IMG:([a-z0-9-]+)@@")


def plugin_version() -> str:
    try:
        with open(os.path.join(PLUGIN_DIR, "metadata.txt"), encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("version="):
                    return line.split("=", 1)[1].strip()
    except OSError:
        pass
    return ""


def _finite(value: Any) -> bool:
    return value is not None and isinstance(value, (int, float)) and math.isfinite(value)


def column_decimals(largest: float) -> int:
    """Decimals that show a column whose largest absolute value is ``largest`` to about three
    significant digits."""
    if largest >= 100 or largest == 0:
        return 0
    if largest >= 10:
        return 1
    if largest >= 1:
        return 2
    return min(6, 2 - int(math.floor(math.log10(largest))))


def number(value: Any, decimals: Optional[int] = None) -> str:
    """Thousands separators; decimals by magnitude unless given; '–' for no value."""
    if not _finite(value):
        return "–"
    if decimals is None:
        size = abs(value)
        if size == 0 or size >= 100:
            decimals = 0
        elif size >= 10:
            decimals = 1
        elif size >= 0.1:
            decimals = 2
        else:
            return "{:.3g}".format(value)
    return "{:,.{d}f}".format(value, d=decimals)


class Report:
    """The document: every sentence of it goes through ``tr`` (context "Report") in the chosen
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
        decimals = 1 if not _finite(value) or value == 0 or abs(value) >= 1 else 2
        return self.tr("{value} %").format(value=number(value, decimals))

    # ------------------------------------------------------------------ html pieces ----

    @staticmethod
    def esc(text: Any) -> str:
        return html.escape("" if text is None else str(text))

    def table(self, ident: str, headers: Sequence[str], rows: Sequence[Sequence[Any]],
              numeric: Sequence[int] = (), total: Optional[Sequence[Any]] = None,
              decimals: Optional[Dict[int, int]] = None) -> str:
        """A table; the cells of ``numeric`` columns are numbers shown with ``number`` (with
        ``decimals[column]`` decimals if given) and carry their exact value in data-value."""
        decimals = dict(decimals or {})
        body = list(rows) + ([total] if total is not None else [])
        for column in numeric:
            # One number of decimals per column, from its largest value: they line up.
            if column not in decimals:
                values = [abs(row[column]) for row in rows if _finite(row[column])]
                decimals[column] = column_decimals(max(values) if values else 0.0)
        out = ['<table id="{}" class="data" border="0" cellspacing="0" cellpadding="3">'
               .format(ident), "<thead><tr>"]
        for column, header in enumerate(headers):
            align = ' align="right" class="n"' if column in numeric else ""
            out.append("<th{}>{}</th>".format(align, self.esc(header)))
        out.append("</tr></thead><tbody>")
        for position, row in enumerate(body):
            css = ' class="total"' if total is not None and position == len(body) - 1 else ""
            out.append("<tr{}>".format(css))
            for column, value in enumerate(row):
                if column in numeric and not isinstance(value, str):
                    exact = repr(float(value)) if _finite(value) else ""
                    out.append('<td align="right" class="n" data-value="{}">{}</td>'
                               .format(exact, number(value, decimals.get(column))))
                else:
                    out.append("<td>{}</td>".format(self.esc(value)))
            out.append("</tr>")
        out.append("</tbody></table>")
        return "".join(out)

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
        if png is None and self.without_matplotlib and ident.startswith("chart-"):
            return self.note(self.tr("Charts need the Python package matplotlib, which is "
                                     "not installed."))
        if png is None:
            return self.note(self.tr("No data to draw for this figure."))
        self.images[ident] = png
        return ('<div class="figure">@@IMG:{ident}@@{legend}<p class="caption">{caption}</p>'
                "</div>").format(ident=ident, legend=legend, caption=self.esc(caption))

    @staticmethod
    def note(text: str) -> str:
        return '<p class="note">{}</p>'.format(html.escape(text))

    def missing(self, what: str) -> str:
        return self.note(self.tr("{what} is not in this folder: run the stage that writes it "
                                 "to see it here.").format(what=what))

    # ------------------------------------------------------------------ maps -----------

    def label(self, key: str, entry: report_maps.LegendEntry) -> str:
        value = entry.value
        if key == "ZONES" and _finite(value) and int(value) in self.zone_names():
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
            if all(entry.label == "" and _finite(entry.value) for entry in layer.legend):
                strip = "".join('<span style="background-color:{}">&nbsp;&nbsp;</span>'
                                .format(entry.colour) for entry in layer.legend)
                swatches = "{}&nbsp;{}&nbsp;{}".format(
                    number(layer.legend[0].value), strip, number(layer.legend[-1].value))
            else:
                swatches = " &nbsp; ".join(
                    '<span class="swatch" style="background-color:{c}">&nbsp;&nbsp;&nbsp;'
                    "&nbsp;</span>&nbsp;{t}".format(
                        c=entry.colour, t=self.esc(self.label(layer.key, entry)))
                    for entry in layer.legend)
            rows.append('<tr><td class="lt">{}</td><td>{}</td></tr>'.format(
                self.esc(titles.get(layer.key, layer.key)), swatches))
        if not rows:
            return ""
        return '<table class="legend" cellspacing="0" cellpadding="2">{}</table>'.format(
            "".join(rows))

    def map(self, ident: str, keys: Sequence[str], caption: str) -> str:
        layers = report_maps.styled(self.data.folder, keys)
        if not any(layer.key != "OUTLINES" for layer in layers):
            return self.note(self.tr("No data to draw for this figure."))
        image = report_maps.render(layers, extent=self.extent, crs=self.crs)
        self._step(0)
        return self.figure(ident, report_maps.png_bytes(image), caption, self.legend(layers))

    def panels(self, ident: str, panels: Sequence[Tuple[str, Sequence[str]]],
               caption: str) -> str:
        """Maps side by side in one figure: (title, product keys) each."""
        drawn = [(title, report_maps.styled(self.data.folder, keys)) for title, keys in panels]
        if not any(layer.key != "OUTLINES" for _, layers in drawn for layer in layers):
            return self.note(self.tr("No data to draw for this figure."))
        image = report_maps.render_panels(drawn, extent=self.extent, crs=self.crs)
        self._step(0)
        everything = [layer for _, layers in drawn for layer in layers]
        return self.figure(ident, report_maps.png_bytes(image), caption,
                           self.legend(everything))

    # ------------------------------------------------------------------ sections -------

    def header(self) -> str:
        tr = self.tr
        when = QDateTime.currentDateTime().toString("yyyy-MM-dd HH:mm")
        return ('<h1>{title}</h1><p class="meta">{folder}<br/>{written}</p>'.format(
            title=self.esc(tr("Ecological security pattern report")),
            folder=self.esc(tr("Folder: {folder}").format(folder=self.data.folder)),
            written=self.esc(tr("Written {date} by ESP Toolkit {version}").format(
                date=when, version=plugin_version()))))

    def section(self, ident: str, title: str, body: str) -> str:
        # Every section but the summary starts a page of the PDF.
        css = "" if ident == SECTIONS[0] else ' class="page"'
        return '<section id="{}"><h2{}>{}</h2>{}</section>'.format(ident, css, self.esc(title),
                                                                   body)

    def summary(self) -> str:
        tr, data = self.tr, self.data
        rows: List[Tuple[str, str]] = []
        if data.sources:
            total = sum(s["area_km2"] or 0.0 for s in data.sources)
            rows.append((tr("Ecological sources"), tr("{n} sources, {area}").format(
                n=len(data.sources), area=self.area(total))))
        if data.links:
            active = data.active_links
            length = sum(link["length_km"] or 0.0 for link in active)
            rows.append((tr("Corridors"), tr("{active} active links of {total}, {length} km "
                                             "of least-cost paths").format(
                active=len(active), total=len(data.links), length=number(length))))
        if data.zone_cells:
            total = sum(data.zone_km2.values())
            for zone, name in self.zone_names().items():
                km2 = data.zone_km2[zone]
                rows.append((name, "{} ({})".format(
                    self.area(km2), self.percent(100.0 * km2 / total if total else 0.0))))
        if data.has("KEY_AREAS"):
            kinds = [key["kind_id"] for key in data.key_areas]
            rows.append((tr("Key restoration areas"), tr(
                "{n}, of which {pinch} pinch points and {barriers} barriers").format(
                    n=len(kinds), pinch=kinds.count(PINCH_POINT),
                    barriers=kinds.count(BARRIER))))
        if data.units:
            involved = sum(1 for u in data.units
                           if (u["src_km2"] or 0) > 0 or (u["cor_km"] or 0) > 0)
            rows.append((tr("Counties"), tr("{n}, of which {k} hold part of the pattern")
                         .format(n=len(data.units), k=involved)))
            rows.append((tr("Collaboration zones"), tr("{k} (modularity {q})").format(
                k=len(data.communities),
                q="–" if data.modularity is None else "{:.3f}".format(data.modularity))))
        if data.has("CROSS_LINKS"):
            rows.append((tr("Cross-boundary corridors"), str(len(data.cross_links))))
        if not rows:
            return self.note(tr("This folder holds no product of the workflow yet."))
        return self.table("table-summary", (tr("Key figure"), tr("Value")), rows)

    def sources(self) -> str:
        tr, data = self.tr, self.data
        if not data.has("SOURCES"):
            return self.missing(tr("The layer of ecological sources"))
        parts = []
        if data.has("HABITAT_QUALITY"):
            base = "HABITAT_QUALITY"
            caption = tr("Ecological sources over habitat quality (0 = none, 1 = best).")
        else:
            base = "MSPA"
            parts.append(self.note(tr("No habitat quality in this run (it needs the threat "
                                      "and sensitivity tables): the map shows the MSPA "
                                      "classes instead.")))
            caption = tr("Ecological sources over the MSPA classes of the foreground.")
        parts.insert(0, self.map("map-sources", (base, "SOURCES"), caption))
        rows = [(s["id"], s["area_km2"], s["dPC"], s["dIIC"], s["quality"], s["centrality"])
                for s in data.sources]
        parts.append(self.table("table-sources", (
            tr("Source"), tr("Area (km²)"), tr("dPC (%)"), tr("dIIC (%)"),
            tr("Mean habitat quality"), tr("Current-flow centrality")), rows,
            numeric=(1, 2, 3, 4, 5), decimals={4: 2}))
        parts.append(self.note(tr("dPC and dIIC: the loss of landscape connectivity (PC, IIC) "
                                  "if the source disappeared, in % of the whole.")))
        return "".join(parts)

    def resistance(self) -> str:
        tr, data = self.tr, self.data
        if not data.has("RESISTANCE"):
            return self.missing(tr("The resistance surface"))
        parts = [self.map("map-resistance", ("RESISTANCE",), tr(
            "Resistance surface: the cost of moving through each cell (low = easy)."))]
        if data.resistance_range is not None:
            low, median, high = data.resistance_range
            parts.append("<p>{}</p>".format(self.esc(tr(
                "Resistance ranges from {low} to {high}; half of the cells lie below {median}.")
                .format(low=number(low), high=number(high), median=number(median)))))
        return "".join(parts)

    def connectivity(self) -> str:
        tr, data = self.tr, self.data
        if not data.has("CURRENT") and not data.has("LINKS"):
            return self.missing(tr("The connectivity products"))
        parts = ["<h3>{}</h3>".format(self.esc(tr("Current and corridors")))]
        parts.append(self.map("map-current", ("CURRENT", "SOURCES:outline", "LINKS"), tr(
            "Cumulative current between the sources (circuit theory) with the least-cost "
            "corridors.")))
        if data.currents is not None:
            values = data.currents
            positive = values[values > 0]
            # Currents a billion times below the largest are round-off of the solver.
            low = float(positive.max()) * 1e-9 if positive.size else 0.0
            chart = self.chart(
                report_charts.current_histogram, positive[positive >= low],
                title=tr("Distribution of the cell currents"),
                xlabel=tr("Current (logarithmic)"), ylabel=tr("Cells (logarithmic)"))
            parts.append(self.figure("chart-current", chart, tr(
                "Histogram of the cell currents; solid line: median, dashed: 98th percentile. "
                "{zero} cells carry no current and {tiny} less than a billionth of the "
                "largest; they are left out.").format(
                    zero=number(int(values.size - positive.size), 0),
                    tiny=number(int(np.count_nonzero(positive < low)), 0))))
        parts.append("<h3>{}</h3>".format(self.esc(tr("Pinch points and barriers"))))
        parts.append(self.panels("map-pinch-barriers", (
            (tr("Pinch points"), ("SOURCES:pale", "PINCHPOINT_CLASSES", "LINKS")),
            (tr("Barriers"), ("SOURCES:pale", "BARRIER_CLASSES", "LINKS"))), tr(
            "Left: pinch points (classes of the current in the corridors, 5 = strongest). "
            "Right: barriers (classes of the improvement score, 5 = most gained by "
            "restoration). Pale green: sources.")))
        parts.append("<h3>{}</h3>".format(self.esc(tr("Links"))))
        if data.links:
            yes, no = tr("yes"), tr("no")
            rows = [(link["id"], link["from"], link["to"], yes if link["active"] else no,
                     link["euclid_km"], link["length_km"], link["cost"], link["resistance"],
                     link["centrality"]) for link in data.links[:TOP_LINKS]]
            parts.append(self.table("table-links", (
                tr("Link"), tr("From source"), tr("To source"), tr("Active"),
                tr("Distance (km)"), tr("Path length (km)"), tr("Cost distance"),
                tr("Effective resistance"), tr("Current-flow centrality")), rows,
                numeric=(4, 5, 6, 7, 8)))
            if len(data.links) > TOP_LINKS:
                parts.append(self.note(tr("The first {n} of {total} links; the layer in the "
                                          "folder lists all.").format(
                    n=TOP_LINKS, total=len(data.links))))
        else:
            parts.append(self.missing(tr("The layer of corridor links")))
        return "".join(parts)

    def zoning(self) -> str:
        tr, data = self.tr, self.data
        if not data.has("ZONES"):
            return self.missing(tr("The restoration zones"))
        parts = [self.map("map-zones", ("ZONES", "KEY_AREAS"), tr(
            "Restoration zones with the key restoration areas, coloured by level (1 = most "
            "urgent)."))]
        names = self.zone_names()
        areas = data.zone_km2
        total = sum(areas.values())
        rows = [(names[zone], data.zone_cells[zone], areas[zone],
                 100.0 * areas[zone] / total if total else 0.0) for zone in ZONES]
        parts.append(self.table("table-zones", (tr("Zone"), tr("Cells"), tr("Area (km²)"),
                                                tr("Share (%)")), rows, numeric=(1, 2, 3),
                                decimals={1: 0, 3: 2},
                                total=(tr("Total"), sum(data.zone_cells.values()), total,
                                       100.0 if total else 0.0)))
        parts.append("<h3>{}</h3>".format(self.esc(tr("Key restoration areas"))))
        if not data.has("KEY_AREAS"):
            parts.append(self.missing(tr("The layer of key restoration areas")))
        elif not data.key_areas:
            parts.append(self.note(tr("No key restoration area was found.")))
        else:
            kinds = self.kind_names()
            groups: Dict[Tuple[int, int], List[Dict[str, Any]]] = {}
            for key in data.key_areas:
                groups.setdefault((key["kind_id"], key["level"]), []).append(key)
            key_rows: List[Tuple[Any, ...]] = []
            for (kind, level), members in sorted(groups.items()):
                lengths = [m["length_km"] for m in members if m["length_km"] is not None]
                key_rows.append((kinds.get(kind, members[0]["kind"]), level, len(members),
                             sum(m["area_km2"] for m in members),
                             sum(lengths) if lengths else None))
            parts.append(self.table("table-key-areas", (
                tr("Kind"), tr("Level"), tr("Count"), tr("Area (km²)"), tr("Length (km)")),
                key_rows, numeric=(2, 3, 4), decimals={2: 0}))
        return "".join(parts)

    def ranked_by_burden(self) -> List[Dict[str, Any]]:
        """Counties in the order of the ledger table and chart: burden, then benefit, then
        the area of their pattern (conservation, restoration and improvement zones)."""
        def pattern(unit: Dict[str, Any]) -> float:
            return sum(unit[name] or 0.0 for name in ("z1_km2", "z2_km2", "z3_km2"))

        return sorted(self.data.units, key=lambda u: (-(u["burden_km2"] or 0.0),
                                                      -(u["benefit_km2"] or 0.0),
                                                      -pattern(u), u["name"]))

    def collaboration(self) -> str:
        tr, data = self.tr, self.data
        if not data.has("LEDGER"):
            return self.missing(tr("The county ledger"))
        parts = [self.map("map-collaboration", ("LEDGER", "CROSS_LINKS:line"), tr(
            "Counties coloured by collaboration zone (counties that share corridors), with the "
            "corridors whose sources lie in different counties."))]
        parts.append("<p>{}</p>".format(self.esc(tr(
            "{links} corridors link sources in different counties; {k} collaboration zones "
            "group the counties that share corridors.").format(
                links=len(data.cross_links), k=len(data.communities)))))
        parts.append(self.zones_per_county())
        parts.append(self.ledger_chart())
        parts.append(self.ledger_table())
        parts.append(self.account_table())
        if data.cross_links:
            parts.append("<h3>{}</h3>".format(self.esc(tr("Cross-boundary corridors"))))
            rows = [(c["id"], c["from"], c["to"], c["length_km"]) for c in data.cross_links]
            parts.append(self.table("table-cross-links", (
                tr("Link"), tr("From county"), tr("To county"), tr("Length (km)")), rows,
                numeric=(3,)))
        return "".join(parts)

    def zones_per_county(self) -> str:
        tr, units = self.tr, self.data.units
        if not units or any(units[0][name] is None for name in ("z1_km2", "z4_km2")):
            return self.note(tr("The ledger holds no zone areas."))
        ranked = sorted(units, key=lambda u: -sum(u[n] or 0.0
                                                  for n in ("z1_km2", "z2_km2", "z3_km2")))
        top = ranked[:TOP_COUNTIES]
        parts = np.array([[u["z{}_km2".format(z)] or 0.0 for z in ZONES] for u in top])
        names = self.zone_names()
        chart = self.chart(
            report_charts.stacked_bars, [u["name"] for u in top], parts,
            part_labels=[names[z] for z in ZONES],
            colours=[ZONE_COLOURS[z] for z in ZONES],
            title=tr("Zone areas of the counties with the largest pattern"),
            xlabel=tr("Area (km²)"))
        return self.figure("chart-county-zones", chart, tr(
            "The {n} counties with the largest conservation, restoration and improvement "
            "zones, and their control zone.").format(n=len(top)))

    def ledger_chart(self) -> str:
        tr = self.tr
        units = self.ranked_by_burden()
        if not units or units[0]["burden_km2"] is None:
            return self.note(tr("The ledger holds no restoration account (no barrier key "
                                "areas were given)."))
        top = [u for u in units[:TOP_CHART]
               if (u["burden_km2"] or 0) > 0 or (u["benefit_km2"] or 0) > 0]
        if not top:
            return self.note(tr("No county restores a barrier for another: the restoration "
                                "account is empty."))
        series = [np.array([u[name] or 0.0 for u in top])
                  for name in ("burden_km2", "benefit_km2", "net_km2")]
        chart = self.chart(
            report_charts.grouped_bars, [u["name"] for u in top], series,
            series_labels=(tr("Burden"), tr("Benefit"), tr("Net")),
            colours=("#d7191c", "#1a9641", "#2b83ba"),
            title=tr("Restoration account: the counties with the largest burden, then benefit"),
            xlabel=tr("Area (km²)"))
        return self.figure("chart-ledger", chart, tr(
            "Burden: barrier area a county restores; benefit: the share of that restoration "
            "that serves its sources; net = benefit - burden."))

    def ledger_table(self) -> str:
        tr = self.tr
        top = self.ranked_by_burden()[:TOP_COUNTIES]
        rows = [(u["name"], u["src_km2"], u["cor_km"], u["pinch_n"], u["bar_n"],
                 u["burden_km2"], u["benefit_km2"], u["net_km2"],
                 u["community"] if u["community"] is not None else "–") for u in top]
        return "<h3>{}</h3>{}{}".format(
            self.esc(tr("County ledger")),
            self.table("table-ledger", (
                tr("County"), tr("Sources (km²)"), tr("Corridors (km)"), tr("Pinch points"),
                tr("Barriers"), tr("Burden (km²)"), tr("Benefit (km²)"), tr("Net (km²)"),
                tr("Collaboration zone")), rows, numeric=(1, 2, 3, 4, 5, 6, 7),
                decimals={3: 0, 4: 0}),
            self.note(tr("The {n} counties with the largest restoration burden (then benefit); "
                         "the ledger in the folder lists all {total}.").format(
                n=len(top), total=len(self.data.units))))

    def account_table(self) -> str:
        tr, data = self.tr, self.data
        title = "<h3>{}</h3>".format(self.esc(tr("Restoration account")))
        if not data.has("ACCOUNT"):
            return title + self.missing(tr("The restoration account"))
        if not data.account:
            return title + self.note(tr("The restoration account is empty."))
        rows = data.account[:TOP_ACCOUNT]
        table = self.table("table-account", (tr("Restoring county"), tr("Benefiting county"),
                                             tr("Area (km²)")), rows, numeric=(2,))
        more = ""
        if len(data.account) > len(rows):
            more = self.note(tr("The {n} largest of {total} entries; the table in the folder "
                                "lists all.").format(n=len(rows), total=len(data.account)))
        return title + table + more

    def settings_section(self) -> str:
        tr = self.tr
        if not self.settings:
            return self.note(tr("No run settings were recorded."))
        return self.table("table-settings", (tr("Setting"), tr("Value")), self.settings)

    def methods(self) -> str:
        tr = self.tr
        paragraphs = (
            tr("Sources: the foreground land-cover classes are split by morphological spatial "
               "pattern analysis (MSPA); core areas above the minimum area are ranked by their "
               "importance for connectivity (dPC, Saura & Pascual-Hortal 2007) and the top ones "
               "kept. Habitat quality follows the InVEST model when threat tables are given."),
            tr("Resistance: each land-cover class gets a cost, optionally raised where a "
               "correction raster (for example night-time light) is high."),
            tr("Connectivity: pairwise circuit theory (Circuitscape, McRae et al. 2008) gives "
               "the cumulative current; least-cost corridors join neighbouring sources "
               "(Linkage Mapper); pinch points are the corridor cells with the highest current "
               "and barriers those whose restoration would shorten the corridors most."),
            tr("Zoning: every cell with data falls in one of four zones (conservation, "
               "restoration, improvement, control); key areas are graded into three levels by "
               "natural breaks within each kind."),
            tr("Collaboration: the pattern is attributed to the counties; counties that share "
               "corridors form collaboration zones (Louvain communities). The modularity is "
               "computed here on the county matrix in the folder. The restoration account "
               "splits each barrier between the county that restores it and the counties "
               "whose sources it serves."),
            tr("Areas and lengths are counted on the cells of the analysis grid, so they carry "
               "its resolution. Tables show the largest entries; the files in the folder hold "
               "all of them."))
        return "".join("<p>{}</p>".format(self.esc(text)) for text in paragraphs)

    def print_pdf(self, body: str, path: str) -> None:
        """Lay the page out with QTextDocument (the images as resources) and print it."""
        document = QTextDocument()
        for ident, png in self.images.items():
            document.addResource(QTextDocument.ResourceType.ImageResource,
                                 QUrl("{}.png".format(ident)), QImage.fromData(png, "PNG"))
        document.setHtml(self.document(body, pdf=True))
        writer = QPdfWriter(path)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        # QTextDocument adds 2 cm margins of its own (and page numbers) inside these.
        writer.setPageMargins(QMarginsF(5, 5, 5, 5), QPageLayout.Unit.Millimeter)
        writer.setTitle(self.tr("Ecological security pattern report"))
        writer.setCreator("ESP Toolkit")
        # PyQt5 names it print_ (print was a keyword in Python 2); PyQt6 print.
        printer = getattr(document, "print_", None) or document.print
        printer(writer)

    def pdf_failed(self, error: Optional[BaseException]) -> str:
        if error is None:
            return self.tr("No PDF was written; the HTML report is complete.")
        return self.tr("The PDF could not be printed ({error}); the HTML report is "
                       "complete.").format(error=error)

    def body(self) -> str:
        tr = self.tr
        sections = (
            ("summary", tr("Summary"), self.summary),
            ("sources", tr("1 · Sources"), self.sources),
            ("resistance", tr("2 · Resistance"), self.resistance),
            ("connectivity", tr("3 · Connectivity"), self.connectivity),
            ("zoning", tr("4 · Zoning"), self.zoning),
            ("collaboration", tr("Collaboration between counties"), self.collaboration),
            ("settings", tr("Run settings"), self.settings_section),
            ("methods", tr("Methods and notes"), self.methods))
        assert tuple(s[0] for s in sections) == SECTIONS
        parts = [self.header()]
        for ident, title, build in sections:
            parts.append(self.section(ident, title, build()))
            self._step(0)
        return "".join(parts)

    def document(self, body: str, pdf: bool) -> str:
        """The HTML page; for the PDF, images by resource name at the PDF's width."""
        def image(match: "re.Match[str]") -> str:
            ident = match.group(1)
            png = self.images[ident]
            qimage = QImage.fromData(png, "PNG")
            width, height = qimage.width(), qimage.height()
            if pdf:
                scale = min(1.0, PDF_IMAGE_WIDTH / width) if width else 1.0
                return '<img id="{0}" src="{0}.png" width="{1}" height="{2}"/>'.format(
                    ident, int(width * scale), int(height * scale))
            return ('<img id="{0}" src="data:image/png;base64,{1}" width="{2}" height="{3}" '
                    'alt="{0}"/>').format(ident, base64.b64encode(png).decode("ascii"),
                                          width, height)

        return ('<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"/>'
                "<title>{title}</title><style>{css}</style></head><body>{body}</body></html>\n"
                ).format(lang=self.language, title=self.esc(self.tr(
                    "Ecological security pattern report")), css=PDF_CSS if pdf else CSS,
                    body=_IMAGE.sub(image, body))


CSS = """
body { font-family: "Noto Sans", "DejaVu Sans", "Microsoft YaHei", "PingFang SC",
       "WenQuanYi Micro Hei", sans-serif; color: #222; max-width: 960px; margin: 2em auto;
       padding: 0 1em; }
p { line-height: 1.45; }
h1 { color: #1a6334; border-bottom: 3px solid #1a9641; padding-bottom: .2em; }
h2 { color: #1a6334; border-bottom: 1px solid #bbb; margin-top: 2em; }
h3 { color: #333; margin-top: 1.5em; }
p.meta { color: #666; font-size: 90%; }
p.note { color: #555; font-style: italic; }
p.caption { color: #444; font-size: 90%; margin-top: .3em; }
div.figure { margin: 1em 0; }
div.figure img { max-width: 100%; height: auto; border: 1px solid #ccc; }
table.data { border-collapse: collapse; margin: .8em 0; font-size: 90%; }
table.data th { background: #e8f2ea; border-bottom: 2px solid #1a9641; padding: 3px 8px;
                text-align: left; }
table.data td { border-bottom: 1px solid #ddd; padding: 3px 8px; }
table.data td.n, table.data th.n { text-align: right; font-variant-numeric: tabular-nums; }
table.data tr.total td { font-weight: bold; border-top: 2px solid #888; }
table.legend { font-size: 85%; margin-top: .3em; }
table.legend td.lt { color: #555; padding-right: 1em; white-space: nowrap; }
table.ramp { display: inline-table; border: 1px solid #999; vertical-align: middle; }
table.ramp td { width: 8px; height: 10px; }
span.swatch { border: 1px solid #777; }
@media print { h2.page { break-before: page; } body { max-width: none; } }
"""

# QTextDocument understands a subset of CSS 2: no max-width, no inline tables.
PDF_CSS = """
body { font-family: "DejaVu Sans", "WenQuanYi Micro Hei", sans-serif; font-size: 9pt;
       color: #222; }
h1 { color: #1a6334; font-size: 18pt; }
h2 { color: #1a6334; font-size: 14pt; }
h2.page { page-break-before: always; }
h3 { color: #333; font-size: 11pt; }
p.meta { color: #666; }
p.note { color: #555; font-style: italic; }
p.caption { color: #444; }
th { background-color: #e8f2ea; text-align: left; }
td.n, th.n { text-align: right; }
tr.total td { font-weight: bold; }
table.legend td.lt { color: #555; }
"""


class _Steps:
    """Progress over a known number of steps, with the cancellation check at each."""

    def __init__(self, feedback: Optional[QgsProcessingFeedback], total: int) -> None:
        self.feedback = feedback
        self.total = total
        self.done = 0

    def __call__(self, _: float = 0.0) -> None:
        self.done += 1
        if self.feedback is not None:
            self.feedback.setProgress(min(99.0, 100.0 * self.done / self.total))
            if self.feedback.isCanceled():
                raise Cancelled()


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


def write_report(folder: str, *, language: str = i18n.ENGLISH,
                 settings: Sequence[Tuple[str, str]] = (),
                 feedback: Optional[QgsProcessingFeedback] = None,
                 pdf: bool = True) -> Dict[str, str]:
    """Write report.html (and report.pdf) for the workflow products in ``folder``.

    Parameters
    ----------
    folder : the output folder of esp:securitypattern.
    language : "en" or "zh-Hans": the report's language, whatever the interface shows.
    settings : (label, value) pairs shown as the "Run settings" table.
    feedback : progress and cancellation; a cancelled run raises Cancelled and leaves no
        new report file (an earlier report stays as it was).
    pdf : also print the report to PDF; a failure there is a warning, not an error.

    Returns
    -------
    {"REPORT": html path, "REPORT_PDF": pdf path (absent when no PDF was written)}
    """
    html_path = BY_KEY["REPORT"].path(folder)
    pdf_path = BY_KEY["REPORT_PDF"].path(folder)
    partial_html = html_path + ".partial"
    partial_pdf = pdf_path + ".partial"
    steps = _Steps(feedback, total=len(SECTIONS) + 16)
    try:
        steps()
        data = read_run(folder)
        steps()
        report = Report(data, language, settings, steps)
        body = report.body()
        with open(partial_html, "w", encoding="utf-8") as handle:
            handle.write(report.document(body, pdf=False))
        steps()
        written = False
        if pdf:
            failure: Optional[BaseException] = None
            try:
                report.print_pdf(body, partial_pdf)
                written = os.path.exists(partial_pdf) and os.path.getsize(partial_pdf) > 0
            except Exception as error:  # noqa: BLE001  (the PDF is optional, the HTML is not)
                failure = error
            if not written and feedback is not None:
                feedback.pushWarning(report.pdf_failed(failure))
        steps()
    except BaseException:
        _remove(partial_html)
        _remove(partial_pdf)
        raise
    os.replace(partial_html, html_path)
    outputs = {"REPORT": html_path}
    if written:
        os.replace(partial_pdf, pdf_path)
        outputs["REPORT_PDF"] = pdf_path
    else:
        _remove(partial_pdf)
        _remove(pdf_path)  # an earlier PDF would no longer match the HTML
    if feedback is not None:
        feedback.setProgress(100)
    return outputs
