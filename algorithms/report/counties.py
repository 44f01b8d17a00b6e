"""The section on collaboration between counties: the collaboration zones and how they compare
with the prefectures, the zones of each county, the restoration account, and the corridors
that cross county boundaries. The county ledger itself is Annex A (report.annex)."""

from typing import Any, Dict, List

import numpy as np

from ...espcore.summaries import pattern_area, rank_by_burden, rank_by_pattern
from ...espcore.zoning.zones import ZONES
from ..io.zones import ZONE_COLOURS
from . import charts as report_charts
from .formatting import heading, note, number, paragraph
from .groups import compare, group_rows
from .page import Page

#: Rows of the charts and of the account shown at most (the products hold all of them).
TOP_COUNTIES = 15
TOP_CHART = 10
TOP_ACCOUNT = 20

Unit = Dict[str, Any]


def _pattern(units: List[Unit]) -> np.ndarray:
    """Area of each county's share of the pattern."""
    return pattern_area([u["z1_km2"] for u in units], [u["z2_km2"] for u in units],
                        [u["z3_km2"] for u in units])


def ranked_by_burden(units: List[Unit]) -> List[Unit]:
    """Counties in the order of the ledger table and chart: burden, then benefit, then the
    area of their pattern (conservation, restoration and improvement zones), then name."""
    order = rank_by_burden([u["burden_km2"] for u in units], [u["benefit_km2"] for u in units],
                           _pattern(units), [u["name"] for u in units])
    return [units[i] for i in order.tolist()]


def collaboration_section(page: Page) -> str:
    tr, data = page.tr, page.data
    if not data.has("LEDGER"):
        return page.missing(tr("The county ledger"))
    parts = [page.map("map-collaboration", ("LEDGER", "CROSS_LINKS:line"),
                      tr("Collaboration zones"), tr(
        "Counties coloured by collaboration zone (counties that share corridors), with the "
        "corridors whose sources lie in different counties."))]
    parts.append(paragraph(tr(
        "{links} corridors link sources in different counties; {k} collaboration zones "
        "group the counties that share corridors.").format(
            links=len(data.cross_links), k=len(data.communities))))
    parts.append(prefectures(page))
    parts.append(zones_per_county(page))
    parts.append(ledger_chart(page))
    parts.append(note(tr("Annex A holds the ledger of all {n} counties.").format(
        n=len(data.units))))
    parts.append(account_table(page))
    if data.cross_links:
        parts.append(heading(tr("Cross-boundary corridors")))
        rows = [(c["id"], c["from"], c["to"], c["length_km"]) for c in data.cross_links]
        parts.append(page.table("table-cross-links", tr("Cross-boundary corridors"), (
            tr("Link"), tr("From county"), tr("To county"), tr("Length (km)")), rows,
            numeric=(3,)))
    return "".join(parts)


def prefectures(page: Page) -> str:
    """The prefectures (the run's group field): their sums, and how the collaboration zones
    compare with them."""
    tr, data = page.tr, page.data
    title = heading(tr("Prefectures and collaboration zones"))
    comparison = compare(data)
    if comparison is None:
        return title + note(tr("The run was given no group field (such as the prefecture), "
                               "so the counties are not summed by group."))
    rows = [(g["name"], g["counties"], g["area_km2"], g["src_km2"], g["cor_km"], g["pinch_n"],
             g["bar_n"], g["net_km2"], ", ".join(str(z) for z in g["zones"]) or "–")
            for g in group_rows(data.units)]
    table = page.table("table-groups", tr("The counties summed by prefecture"), (
        tr("Prefecture"), tr("Counties"), tr("Area (km²)"), tr("Sources (km²)"),
        tr("Corridors (km)"), tr("Pinch points"), tr("Barriers"), tr("Net (km²)"),
        tr("Collaboration zones")), rows, numeric=(1, 2, 3, 4, 5, 6, 7),
        decimals={1: 0, 5: 0, 6: 0})
    return title + paragraph(agreement(page, comparison)) + table


def agreement(page: Page, comparison: Any) -> str:
    tr = page.tr
    if comparison.adjusted_rand is None:
        return tr("No county shares a corridor with another, so the collaboration zones "
                  "cannot be compared with the {g} prefectures.").format(g=comparison.groups)

    def three(value: Any) -> str:
        return "–" if value is None else number(value, 3)

    return tr(
        "The collaboration zones against the {g} prefectures, over the {n} counties that "
        "share a corridor: adjusted Rand index {ari} (1: the same grouping, 0: no more alike "
        "than chance). Modularity on the county matrix: {qz} for the collaboration zones, "
        "{qg} for the prefectures (higher: more of the corridors stay inside the groups)."
    ).format(g=comparison.groups, n=comparison.compared, ari=three(comparison.adjusted_rand),
             qz=three(comparison.zone_modularity), qg=three(comparison.group_modularity))


def zones_per_county(page: Page) -> str:
    tr, units = page.tr, page.data.units
    if not units or any(units[0][name] is None for name in ("z1_km2", "z4_km2")):
        return note(tr("The ledger holds no zone areas."))
    top = [units[i] for i in rank_by_pattern(_pattern(units))[:TOP_COUNTIES].tolist()]
    parts = np.array([[u["z{}_km2".format(z)] or 0.0 for z in ZONES] for u in top])
    names = page.zone_names()
    chart = page.chart(
        report_charts.stacked_bars, [u["name"] for u in top], parts,
        part_labels=[names[z] for z in ZONES],
        colours=[ZONE_COLOURS[z] for z in ZONES],
        title=tr("Zone areas of the counties with the largest pattern"),
        xlabel=tr("Area (km²)"))
    return page.figure("chart-county-zones", chart, tr("Zone areas by county"), tr(
        "The {n} counties with the largest conservation, restoration and improvement "
        "zones, and their control zone.").format(n=len(top)))


def ledger_chart(page: Page) -> str:
    tr = page.tr
    units = ranked_by_burden(page.data.units)
    if not units or units[0]["burden_km2"] is None:
        return note(tr("The ledger holds no restoration account (no barrier key areas were "
                       "given)."))
    top = [u for u in units[:TOP_CHART]
           if (u["burden_km2"] or 0) > 0 or (u["benefit_km2"] or 0) > 0]
    if not top:
        return note(tr("No county restores a barrier for another: the restoration account "
                       "is empty."))
    series = [np.array([u[name] or 0.0 for u in top])
              for name in ("burden_km2", "benefit_km2", "net_km2")]
    chart = page.chart(
        report_charts.grouped_bars, [u["name"] for u in top], series,
        series_labels=(tr("Burden"), tr("Benefit"), tr("Net")),
        colours=("#d7191c", "#1a9641", "#2b83ba"),
        title=tr("Restoration account: the counties with the largest burden, then benefit"),
        xlabel=tr("Area (km²)"))
    return page.figure("chart-ledger", chart, tr("Restoration account by county"), tr(
        "Burden: barrier area a county restores; benefit: the share of that restoration "
        "that serves its sources; net = benefit - burden."))


def account_table(page: Page) -> str:
    tr, data = page.tr, page.data
    title = heading(tr("Restoration account"))
    if not data.has("ACCOUNT"):
        return title + page.missing(tr("The restoration account"))
    if not data.account:
        return title + note(tr("The restoration account is empty."))
    rows = data.account[:TOP_ACCOUNT]
    account = page.table("table-account", tr("Restoration account"), (
        tr("Restoring county"), tr("Benefiting county"), tr("Area (km²)")), rows,
        numeric=(2,))
    more = ""
    if len(data.account) > len(rows):
        more = note(tr("The {n} largest of {total} entries; the table in the folder lists "
                       "all.").format(n=len(rows), total=len(data.account)))
    return title + account + more
