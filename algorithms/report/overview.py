"""The sections around the stages: the summary (key figures of the run) first, the methods
with every parameter of the run last."""

from typing import List, Tuple

from ...espcore.summaries import shares, total, units_with_pattern
from ...espcore.zoning.zones import BARRIER, PINCH_POINT
from .formatting import heading, note, number, paragraph
from .page import Page


def summary_section(page: Page) -> str:
    tr, data = page.tr, page.data
    rows: List[Tuple[str, str]] = []
    if data.sources:
        area = total([s["area_km2"] for s in data.sources])
        rows.append((tr("Ecological sources"), tr("{n} sources, {area}").format(
            n=len(data.sources), area=page.area(area))))
    if data.links:
        active = data.active_links
        length = total([link["length_km"] for link in active])
        rows.append((tr("Corridors"), tr("{active} active links of {total}, {length} km "
                                         "of least-cost paths").format(
            active=len(active), total=len(data.links), length=number(length))))
    if data.zones is not None:
        names = page.zone_names()
        percent, _ = shares(data.zones.area)
        for zone, km2, share in zip(data.zones.codes, data.zones.area.tolist(),
                                    percent.tolist()):
            rows.append((names[zone], "{} ({})".format(page.area(km2), page.percent(share))))
    if data.has("KEY_AREAS"):
        kinds = [key["kind_id"] for key in data.key_areas]
        rows.append((tr("Key restoration areas"), tr(
            "{n}, of which {pinch} pinch points and {barriers} barriers").format(
                n=len(kinds), pinch=kinds.count(PINCH_POINT), barriers=kinds.count(BARRIER))))
    if data.units:
        involved = units_with_pattern([u["src_km2"] for u in data.units],
                                      [u["cor_km"] for u in data.units])
        rows.append((tr("Counties"), tr("{n}, of which {k} hold part of the pattern")
                     .format(n=len(data.units), k=involved)))
        rows.append((tr("Collaboration zones"), tr("{k} (modularity {q})").format(
            k=len(data.communities),
            q="–" if data.modularity is None else "{:.3f}".format(data.modularity))))
    if data.has("CROSS_LINKS"):
        rows.append((tr("Cross-boundary corridors"), str(len(data.cross_links))))
    if not rows:
        return note(tr("This folder holds no product of the workflow yet."))
    return page.table("table-summary", tr("Key figures of the pattern"),
                      (tr("Key figure"), tr("Value")), rows, wrap=True)


def settings_table(page: Page) -> str:
    tr = page.tr
    if not page.settings:
        return note(tr("No run settings were recorded."))
    return page.table("table-settings", tr("Parameters of this run"),
                      (tr("Parameter"), tr("Value")), page.settings, wrap=True)


def methods_section(page: Page) -> str:
    tr = page.tr
    return "".join((method_paragraphs(page), heading(tr("Parameters of this run")),
                    settings_table(page), paragraph(tr(
                        "The products of this run (layers, tables and this report) are in "
                        "the folder {folder}.").format(folder=page.data.folder))))


def method_paragraphs(page: Page) -> str:
    tr = page.tr
    paragraphs = (
        tr("Sources: the foreground land-cover classes are split by morphological spatial "
           "pattern analysis (MSPA); core areas above the minimum area (of good habitat "
           "quality, when it is computed) are ranked by their importance for connectivity "
           "(dPC, Saura & Pascual-Hortal 2007) and the top ones kept. Habitat quality "
           "follows the InVEST model when threat tables are given."),
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
           "its resolution. The annexes list every county and every key restoration site; "
           "the restoration account shows its largest entries, and the files in the folder "
           "hold all of them."))
    return "".join(paragraph(text) for text in paragraphs)
