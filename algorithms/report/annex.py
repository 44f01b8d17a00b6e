"""The annexes: A, the county ledger of every county; B, every key restoration site with a
point inside it, as the start of a project list."""

from typing import Any, List, Sequence

from ...espcore.summaries import total
from .formatting import note
from .page import Page

Unit = Any


def _sum(units: Sequence[Unit], column: str) -> Any:
    values = [u[column] for u in units]
    return "" if all(v is None for v in values) else total(values)


def ledger_section(page: Page) -> str:
    tr, data = page.tr, page.data
    if not data.has("LEDGER"):
        return page.missing(tr("The county ledger"))
    if not data.units:
        return note(tr("The county ledger is empty."))
    return pattern_table(page) + zone_table(page) + note(tr(
        "Sources, corridors, pinch points and barriers: the parts of the pattern in each "
        "county (a corridor that crosses a boundary counts in both counties). Burden: barrier "
        "area a county restores; benefit: the share of that restoration that serves its "
        "sources; net = benefit - burden. The ledger layer in the folder holds these columns "
        "and more."))


def pattern_table(page: Page) -> str:
    tr, units = page.tr, page.data.units
    groups = page.data.has_groups
    columns = ("area_km2", "src_km2", "cor_km", "xlink_n", "pinch_n", "bar_n")
    rows: List[List[Any]] = []
    for unit in units:
        row = [unit["name"]] + ([unit["group"] or "–"] if groups else [])
        row += [unit[c] for c in columns]
        row.append(unit["community"] if unit["community"] is not None else "–")
        rows.append(row)
    first = 2 if groups else 1
    totals = [tr("Total")] + ([""] if groups else []) + [_sum(units, c) for c in columns] + [""]
    headers = [tr("County")] + ([tr("Prefecture")] if groups else []) + [
        tr("Area (km²)"), tr("Sources (km²)"), tr("Corridors (km)"),
        tr("Cross-boundary links"), tr("Pinch points"), tr("Barriers"),
        tr("Collaboration zone")]
    zone = first + len(columns)  # the collaboration zone's number, aligned as one
    return page.table("table-ledger", tr("County ledger: the pattern"), headers, rows,
                      numeric=tuple(range(first, zone + 1)),
                      decimals={first + 3: 0, first + 4: 0, first + 5: 0, zone: 0},
                      total=totals)


def zone_table(page: Page) -> str:
    tr, units = page.tr, page.data.units
    columns = ("z1_km2", "z2_km2", "z3_km2", "z4_km2", "burden_km2", "benefit_km2", "net_km2")
    rows = [[unit["name"]] + [unit[c] for c in columns] for unit in units]
    totals = [tr("Total")] + [_sum(units, c) for c in columns]
    return page.table("table-ledger-zones", tr("County ledger: zones and restoration account"),
                      (tr("County"), tr("Conservation (km²)"), tr("Restoration (km²)"),
                       tr("Improvement (km²)"), tr("Control (km²)"), tr("Burden (km²)"),
                       tr("Benefit (km²)"), tr("Net (km²)")), rows,
                      numeric=tuple(range(1, 8)), total=totals)


def sites_section(page: Page) -> str:
    tr, data = page.tr, page.data
    if not data.has("KEY_AREAS"):
        return page.missing(tr("The layer of key restoration areas"))
    if not data.sites:
        return note(tr("No key restoration area was found."))
    kinds = page.kind_names()
    rows = [(s["id"], kinds.get(s["kind_id"], s["kind"] or "–"), s["level"],
             s["county"] or "–", s["lon"], s["lat"], s["area_km2"], s["length_km"])
            for s in data.sites]
    return page.table("table-sites", tr("Key restoration sites"), (
        tr("Site"), tr("Kind"), tr("Level"), tr("County"), tr("Longitude (°)"),
        tr("Latitude (°)"), tr("Area (km²)"), tr("Length (km)")), rows,
        numeric=(2, 4, 5, 6, 7), decimals={2: 0, 4: 5, 5: 5}) + note(tr(
            "Sites by level (1 = most urgent), then kind, then score. Site: the key_id of the "
            "layer of key restoration areas. Longitude and latitude (WGS 84) of a point "
            "inside the site, and the county holding that point."))
