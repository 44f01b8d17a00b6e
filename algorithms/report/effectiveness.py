"""The effectiveness of the run against an earlier one (esp:compareesp): what changed in
connectivity, sources, corridors and zones, and the score of each county and prefecture.

Read from comparison.gpkg (per county: the indicators before (_a) and after (_b), their
relative changes and the score), source_change.tif, corridor_change.gpkg,
zone_transitions.csv and comparison_prefectures.csv. "Before" is the earlier run, "after"
this one. The totals of the indicators are the sums over the counties.
"""

import math
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np

from ..base import translate
from . import maps as report_maps
from .data import cell_area_km2, number_or_none, read_band, read_features
from .formatting import class_swatches, column_decimals, heading, note, paragraph
from .page import Page
from .programme import csv_dicts, draw_map

#: The indicators of comparison.gpkg and comparison_prefectures.csv: before "_a", after "_b".
ECA, SOURCES, COST, RESTORATION = "eca_km2", "src_km2", "lcd", "rz_km2"
CHANGES = ("r_eca", "r_src", "r_lcd", "r_rz")
#: Zone codes of the transitions (0 = no zone), as zone_transitions.csv writes them.
ZONE_CODES = (0, 1, 2, 3, 4)
#: Codes of source_change.tif.
KEPT, LOST, GAINED = 1, 2, 3

Row = Dict[str, Any]


def _rows(rows: Sequence[Dict[str, Any]], name: str) -> List[Row]:
    """The indicators, changes and score of each row, named by its field ``name``."""
    fields = [p + s for p in (ECA, SOURCES, COST, RESTORATION) for s in ("_a", "_b")]
    return [dict({key: number_or_none(row.get(key)) for key in fields + list(CHANGES) + ["score"]},
                 name=str(row.get(name) or "–"), units=number_or_none(row.get("units")))
            for row in rows]


def by_score(rows: Sequence[Row]) -> List[Row]:
    """Best score first; a county without a score last."""
    return sorted(rows, key=lambda r: (r["score"] is None, -(r["score"] or 0.0), r["name"]))


def _sum(rows: Sequence[Row], key: str) -> Optional[float]:
    values = [r[key] for r in rows if r[key] is not None]
    return float(sum(values)) if values else None


def corridor_counts(path: str) -> Dict[str, int]:
    """Links by status; the matched ones split into costlier, cheaper and unchanged."""
    counts = dict.fromkeys(("matched", "costlier", "cheaper", "new", "extra", "lost"), 0)
    for row in read_features(path)[1]:
        status = str(row.get("status") or "")
        if status in counts:
            counts[status] += 1
        change = number_or_none(row.get("rel_change"))
        if status == "matched" and change is not None and change != 0:
            counts["costlier" if change > 0 else "cheaper"] += 1
    return counts


def source_areas(path: str) -> Dict[int, float]:
    """km² of source cells kept, lost and gained."""
    values, dataset = read_band(path)
    cell = cell_area_km2(dataset)
    return {code: float(np.count_nonzero(values == code)) * cell
            for code in (KEPT, LOST, GAINED)}


def transitions(path: str) -> Optional[np.ndarray]:
    """The (5, 5) km² of zone before x zone after over the whole area: the rows of the
    "Total" table, written last (its name is in the run's language: by position when it is
    not this language's word)."""
    rows = csv_dicts(path)
    if not rows:
        return None
    label = translate("Total")
    total = [r for r in rows if r.get("unit") == label and not r.get("group")]
    if not total:
        last = rows[-1].get("unit")
        for row in reversed(rows):
            if row.get("unit") != last:
                break
            total.append(row)
    table = np.zeros((len(ZONE_CODES), len(ZONE_CODES)))
    for row in total:
        a, b = number_or_none(row.get("zone_a")), number_or_none(row.get("zone_b"))
        area = number_or_none(row.get("area_km2"))
        if a in ZONE_CODES and b in ZONE_CODES and area is not None:
            table[int(a), int(b)] += area
    return table


# -- the chapter --------------------------------------------------------------------------

def effectiveness_section(page: Page) -> str:
    tr, data = page.tr, page.data
    if not data.has("COMPARISON"):
        return page.missing(tr("The comparison with an earlier run"))
    counties = _rows(read_features(data.paths["COMPARISON"])[1], "unit")
    parts = [paragraph(tr(
        "This run (after) compared with an earlier run (before), for example the land cover "
        "of another year or the plan after restoration (Compare two runs, esp:compareesp)."))]
    parts.append(figures_table(page, counties))
    parts.append(change_map(page))
    parts.append(heading(tr("Zone transitions")))
    parts.append(transition_table(page))
    parts.append(heading(tr("Effectiveness score")))
    parts.append(paragraph(score_formula(page)))
    parts.append(score_table(page, "table-effect-counties", tr("Effectiveness by county"),
                             tr("County"), by_score(counties)))
    if data.has("COMPARISON_GROUPS"):
        groups = _rows(csv_dicts(data.paths["COMPARISON_GROUPS"]), "group")
        parts.append(score_table(page, "table-effect-prefectures",
                                 tr("Effectiveness by prefecture"), tr("Prefecture"),
                                 by_score(groups)))
    return "".join(parts)


def _change(before: Optional[float], after: Optional[float], page: Page) -> str:
    if before is None or after is None:
        return "–"
    relative = (after - before) / before * 100.0 if before else math.nan
    sign = "+" if relative > 0 else ""
    return page.tr("{before} -> {after} ({sign}{change})").format(
        before=page.area(before), after=page.area(after), sign=sign,
        change=page.percent(relative))


def figures_table(page: Page, counties: Sequence[Row]) -> str:
    """The key figures: the indicators summed over the counties, then what the change
    rasters and the corridor layer count."""
    tr, data = page.tr, page.data
    rows: List[Tuple[str, str]] = []
    for key, label in ((ECA, tr("Equivalent connected area (ECA)")),
                       (SOURCES, tr("Source area")),
                       (RESTORATION, tr("Ecological restoration zone"))):
        rows.append((label, _change(_sum(counties, key + "_a"), _sum(counties, key + "_b"),
                                    page)))
    if data.has("SOURCE_CHANGE"):
        areas = source_areas(data.paths["SOURCE_CHANGE"])
        rows.append((tr("Source cells"), tr("{kept} kept, {lost} lost, {gained} gained")
                     .format(kept=page.area(areas[KEPT]), lost=page.area(areas[LOST]),
                             gained=page.area(areas[GAINED]))))
    if data.has("CORRIDOR_CHANGE"):
        n = corridor_counts(data.paths["CORRIDOR_CHANGE"])
        text = tr("{matched} in both runs ({costlier} costlier, {cheaper} cheaper); {new} new, "
                  "{lost} lost").format(**n)
        if n["extra"]:
            text += tr("; {extra} second corridors between the same sources").format(
                extra=n["extra"])
        rows.append((tr("Corridors"), text))
    table = page.table("table-effect-summary", tr("Before and after"),
                       (tr("Key figure"), tr("Value")), rows, wrap=True)
    return table + note(tr(
        "Areas summed over the counties. Costlier and cheaper: the least-cost distance of a "
        "corridor found in both runs rose or fell."))


def change_map(page: Page) -> str:
    """Source cells kept, lost and gained, with the corridors by status."""
    from qgis.core import (
        QgsCategorizedSymbolRenderer,
        QgsLineSymbol,
        QgsPalettedRasterRenderer,
        QgsRendererCategory,
    )
    from qgis.PyQt.QtGui import QColor

    from ..io.comparison import STATUS_COLOURS, source_change_entries

    tr, data = page.tr, page.data
    if not data.has("SOURCE_CHANGE"):
        return ""
    colours = {code: colour for code, colour, _ in source_change_entries()}
    names = {KEPT: tr("Kept"), LOST: tr("Lost"), GAINED: tr("Gained")}
    layers = report_maps.styled(data.folder, ("SOURCE_CHANGE", "CORRIDOR_CHANGE"))
    for each in layers:
        if each.key == "SOURCE_CHANGE":
            each.layer.setRenderer(QgsPalettedRasterRenderer(
                each.layer.dataProvider(), 1,
                [QgsPalettedRasterRenderer.Class(code, QColor(colours[code]), names[code])
                 for code in (KEPT, LOST, GAINED)]))
        elif each.key == "CORRIDOR_CHANGE":
            each.layer.setRenderer(QgsCategorizedSymbolRenderer("status", [
                QgsRendererCategory(status, QgsLineSymbol.createSimple({
                    "line_color": colour, "line_width": "0.6",
                    "line_style": "dash" if status == "lost" else "solid"}), status)
                for status, colour in STATUS_COLOURS.items()]))
    statuses = {"matched": tr("In both runs"), "new": tr("New"),
                "extra": tr("Second between the same sources"), "lost": tr("Lost")}
    legend = [(tr("Source cells"), class_swatches([(colours[c], names[c])
                                                   for c in (KEPT, LOST, GAINED)]))]
    if any(each.key == "CORRIDOR_CHANGE" for each in layers):
        counts = corridor_counts(data.paths["CORRIDOR_CHANGE"])
        legend.append((tr("Corridors"), class_swatches(
            [(STATUS_COLOURS[s], statuses[s]) for s in STATUS_COLOURS if counts.get(s)])))
    return draw_map(page, "map-source-change", layers, tr("Source and corridor change"), tr(
        "Source cells kept, lost and gained since the earlier run, and the corridors of both "
        "runs by their change."), legend)


def transition_table(page: Page) -> str:
    tr, data = page.tr, page.data
    if not data.has("ZONE_TRANSITIONS"):
        return page.missing(tr("The table of zone transitions"))
    table = transitions(data.paths["ZONE_TRANSITIONS"])
    if table is None or not table.any():
        return note(tr("The table of zone transitions is empty."))
    # No zone (NoData) only where some area entered or left it.
    codes = [c for c in ZONE_CODES if c or table[0].any() or table[:, 0].any()]
    names = {0: tr("No zone"), **page.zone_names()}
    rows = [[names[a]] + [float(table[a, b]) for b in codes] + [float(table[a, codes].sum())]
            for a in codes]
    total = [tr("Total")] + [float(table[codes, b].sum()) for b in codes] + \
        [float(table[np.ix_(codes, codes)].sum())]
    headers = [tr("Zone before")] + [names[b] for b in codes] + [tr("Total")]
    columns = range(1, len(codes) + 2)
    places = column_decimals(float(np.max(table)))  # one for all: the cells add up
    return page.table("table-zone-transitions", tr("Zone transitions (km²)"), headers, rows,
                      numeric=tuple(columns), decimals=dict.fromkeys(columns, places),
                      total=total) + note(tr(
        "Area of each zone of the earlier run (rows) by its zone in this run (columns), in "
        "km²; the diagonal is unchanged."))


def score_formula(page: Page) -> str:
    return page.tr(
        "The score of a county is 100 × Σ w_k r_k / Σ w_k over four parts k: the ECA, the "
        "source area, the mean corridor cost and the restoration-zone area. r_k = (after - "
        "before) / before, clipped to [-1, 1], with the sign reversed for the corridor cost "
        "and the restoration-zone area (a decrease is an improvement); w_k are the weights "
        "of the comparison, and a part not defined in a county is left out. The score runs "
        "from -100 to 100; 0 is no change. A prefecture's score comes from the sums of its "
        "counties.")


def score_table(page: Page, ident: str, title: str, first: str,
                rows: Sequence[Row]) -> str:
    tr = page.tr
    if not rows:
        return note(tr("The comparison holds no county."))

    def shown(value: Optional[float], scale: float = 1.0) -> Optional[float]:
        return None if value is None else scale * value + 0.0  # no "-0.0"

    body = [[r["name"], r[ECA + "_a"], r[ECA + "_b"]] + [shown(r[k], 100.0) for k in CHANGES]
            + [shown(r["score"])] for r in rows]
    return page.table(ident, title, (
        first, tr("ECA before (km²)"), tr("ECA after (km²)"), tr("r ECA (%)"),
        tr("r sources (%)"), tr("r corridor cost (%)"), tr("r restoration zone (%)"),
        tr("Score")), body, numeric=(1, 2, 3, 4, 5, 6, 7), decimals={3: 1, 4: 1, 5: 1, 6: 1,
                                                                       7: 1})
