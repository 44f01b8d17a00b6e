"""The sections of the four stages of the workflow: 1 sources, 2 resistance, 3 connectivity,
4 zoning. Each shows its maps, then its figures and tables."""

from typing import Any, List, Tuple

from ...espcore.summaries import key_area_totals, shares, split_currents
from . import charts as report_charts
from .formatting import heading, note, number, paragraph
from .page import Page


def sources_section(page: Page) -> str:
    tr, data = page.tr, page.data
    if not data.has("SOURCES"):
        return page.missing(tr("The layer of ecological sources"))
    parts = []
    if data.has("HABITAT_QUALITY"):
        base = "HABITAT_QUALITY"
        caption = tr("Ecological sources over habitat quality (0 = none, 1 = best).")
    else:
        base = "MSPA"
        parts.append(note(tr("No habitat quality in this run (it needs the threat and "
                             "sensitivity tables): the map shows the MSPA classes instead.")))
        caption = tr("Ecological sources over the MSPA classes of the foreground.")
    parts.insert(0, page.map("map-sources", (base, "SOURCES"), tr("Ecological sources"),
                             caption))
    rows = [(s["id"], s["area_km2"], s["dPC"], s["dIIC"], s["quality"], s["centrality"])
            for s in data.sources]
    parts.append(page.table("table-sources", tr("Ecological sources"), (
        tr("Source"), tr("Area (km²)"), tr("dPC (%)"), tr("dIIC (%)"),
        tr("Mean habitat quality"), tr("Current-flow centrality")), rows,
        numeric=(1, 2, 3, 4, 5), decimals={4: 2}))
    parts.append(note(tr("dPC and dIIC: the loss of landscape connectivity (PC, IIC) if the "
                         "source disappeared, in % of the whole.")))
    return "".join(parts)


def resistance_section(page: Page) -> str:
    tr, data = page.tr, page.data
    if not data.has("RESISTANCE"):
        return page.missing(tr("The resistance surface"))
    parts = [page.map("map-resistance", ("RESISTANCE",), tr("Resistance surface"), tr(
        "The cost of moving through each cell (low = easy)."))]
    if data.resistance_range is not None:
        low, median, high = data.resistance_range
        parts.append(paragraph(tr(
            "Resistance ranges from {low} to {high}; half of the cells lie below {median}.")
            .format(low=number(low), high=number(high), median=number(median))))
    return "".join(parts)


def connectivity_section(page: Page) -> str:
    tr, data = page.tr, page.data
    if not data.has("CURRENT") and not data.has("LINKS"):
        return page.missing(tr("The connectivity products"))
    parts = [heading(tr("Current and corridors"))]
    parts.append(page.map("map-current", ("CURRENT", "SOURCES:outline", "LINKS"),
                          tr("Cumulative current and corridors"), tr(
        "Cumulative current between the sources (circuit theory) with the least-cost "
        "corridors.")))
    if data.currents is not None:
        # Currents a billion times below the largest are round-off of the solver.
        split = split_currents(data.currents, relative=1e-9)
        chart = page.chart(
            report_charts.current_histogram, split.kept,
            title=tr("Distribution of the cell currents"),
            xlabel=tr("Current (logarithmic)"), ylabel=tr("Cells (logarithmic)"))
        parts.append(page.figure(
            "chart-current", chart, tr("Distribution of the cell currents"), tr(
                "Histogram of the cell currents; solid line: median, dashed: 98th "
                "percentile. {zero} cells carry no current and {tiny} less than a billionth "
                "of the largest; they are left out.").format(zero=number(split.zero, 0),
                                                               tiny=number(split.tiny, 0))))
    parts.append(heading(tr("Pinch points and barriers")))
    parts.append(page.panels("map-pinch-barriers", (
        (tr("Pinch points"), ("SOURCES:pale", "PINCHPOINT_CLASSES", "LINKS")),
        (tr("Barriers"), ("SOURCES:pale", "BARRIER_CLASSES", "LINKS"))),
        tr("Pinch points and barriers"), tr(
        "Left: pinch points (classes of the current in the corridors, 5 = strongest). "
        "Right: barriers (classes of the improvement score, 5 = most gained by "
        "restoration). Pale green: sources.")))
    parts.append(heading(tr("Corridors")))
    parts.append(corridor_table(page))
    return "".join(parts)


def corridor_table(page: Page) -> str:
    """Every corridor (active link) with its statistics (report.corridorstats)."""
    tr, data = page.tr, page.data
    if not data.links:
        return page.missing(tr("The layer of corridor links"))
    rows = [(c["id"], "{}–{}".format(c["from"], c["to"]), c["length_km"], c["width_m"],
             c["area_km2"], c["cost"], c["resistance"], c["current"], c["pinch_n"],
             c["barrier_n"]) for c in data.corridors]
    parts = [page.table("table-corridors", tr("Corridors"), (
        tr("Corridor"), tr("Sources"), tr("Length (km)"), tr("Width (m)"), tr("Area (km²)"),
        tr("Cost distance"), tr("Effective resistance"), tr("Mean current"),
        tr("Pinch points"), tr("Barriers")), rows, numeric=(2, 3, 4, 5, 6, 7, 8, 9),
        decimals={3: 0, 8: 0, 9: 0})]
    parts.append(note(tr(
        "Length: the least-cost path. Width: twice the distance from the path to the edge of "
        "the corridor, averaged along the path; area: width x length. Mean current: the "
        "cumulative current on the path. Pinch points and barriers: the key restoration "
        "areas of those kinds nearest to the corridor's path.")))
    dropped = len(data.links) - len(data.active_links)
    if dropped:
        parts.append(note(tr("{n} further links were dropped by the corridor step (the "
                             "reason is in the field Link_Info of the layer of corridor "
                             "links).").format(n=dropped)))
    return "".join(parts)


def zoning_section(page: Page) -> str:
    tr, data = page.tr, page.data
    if not data.has("ZONES") or data.zones is None:
        return page.missing(tr("The restoration zones"))
    parts = [page.map("map-zones", ("ZONES", "KEY_AREAS"),
                      tr("Restoration zones and key restoration areas"), tr(
        "The key restoration areas are coloured by level (1 = most urgent)."))]
    names = page.zone_names()
    cells, areas = data.zones.cells.tolist(), data.zones.area.tolist()
    percent, whole = shares(areas)
    rows = list(zip([names[zone] for zone in data.zones.codes], cells, areas,
                    percent.tolist()))
    parts.append(page.table("table-zones", tr("Restoration zones"), (
        tr("Zone"), tr("Cells"), tr("Area (km²)"), tr("Share (%)")), rows, numeric=(1, 2, 3),
        decimals={1: 0, 3: 2}, total=(tr("Total"), sum(cells), whole, 100.0 if whole else 0.0)))
    parts.append(heading(tr("Key restoration areas")))
    if not data.has("KEY_AREAS"):
        parts.append(page.missing(tr("The layer of key restoration areas")))
    elif not data.key_areas:
        parts.append(note(tr("No key restoration area was found.")))
    else:
        parts.append(key_area_table(page))
        parts.append(note(tr("Annex B lists every one of the {n} key restoration areas with a "
                             "point inside it, its county and its coordinates.").format(
                                 n=len(data.key_areas))))
    return "".join(parts)


def key_area_table(page: Page) -> str:
    """Number, area and length of the key areas of each kind and level."""
    tr, keys = page.tr, page.data.key_areas
    totals = key_area_totals([k["kind_id"] for k in keys], [k["level"] for k in keys],
                             [k["area_km2"] for k in keys], [k["length_km"] for k in keys])
    kinds = page.kind_names()
    rows: List[Tuple[Any, ...]] = [
        (kinds.get(kind, keys[first]["kind"]), level, count, area, length)
        for kind, level, count, area, length, first in zip(
            totals.kind.tolist(), totals.level.tolist(), totals.count.tolist(),
            totals.area.tolist(), totals.length.tolist(), totals.first.tolist())]
    return page.table("table-key-areas", tr("Key restoration areas by kind and level"), (
        tr("Kind"), tr("Level"), tr("Count"), tr("Area (km²)"), tr("Length (km)")),
        rows, numeric=(2, 3, 4), decimals={2: 0})
