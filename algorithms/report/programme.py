"""The restoration programme (stage 5): which sites to restore first, what the portfolio chosen
within the budget gains, and who pays whom for it. Read from restoration_sites.gpkg (each
candidate's gain restored alone, its rank and place in the portfolio), gain_curve.csv (the
portfolio step by step; step 0: before any restoration), compensation.gpkg and transfers.csv.
The method that chose the portfolio and the budget are not in the files: the chapter does not
name them."""

import math
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

from osgeo import ogr
from qgis.core import QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsRendererCategory

from ..base import translate
from . import charts as report_charts
from . import maps as report_maps
from .data import RunData, number_or_none, read_csv, read_features
from .formatting import (
    class_swatches,
    column_decimals,
    heading,
    legend_table,
    note,
    number,
    paragraph,
)
from .page import Page
from .sites import SiteCounties  # the ledger's polygons and the county of a point

#: Rows of the priority table and of each transfer table at most (the files hold all).
TOP_SITES = 15
TOP_TRANSFERS = 20
#: The gain per cost is shown in m² of ECA per 10⁴ CNY: in km² the figures are 1e-5 and less.
M2_PER_KM2 = 1e6
#: Fields of restoration_sites.gpkg the chapter reads (numbers).
SITE_NUMBERS = ("site_id", "kind_id", "cost", "area_km2", "d_eca_km2", "gain_cost", "rank",
                "chosen", "order")
CURVE_NUMBERS = ("step", "site_id", "cost", "cum_cost", "eca_km2", "cum_gain", "in_budget")
LEDGER_NUMBERS = ("cost", "benefit_pct", "benefit_km2", "fair_cost", "net", "paid",
                  "received")
#: The colours of the sites on the map: chosen, and candidates left out.
CHOSEN_COLOUR, CANDIDATE_COLOUR = "#7b3294", "#4d4d4d"

Row = Dict[str, Any]


#: A payment: (between prefectures, not counties?, payer, payee, amount).
Transfer = Tuple[bool, str, str, Optional[float]]


@dataclass
class Programme:
    sites: List[Row] = field(default_factory=list)  # file order, with "county"
    curve: List[Row] = field(default_factory=list)  # by step
    counties: List[Row] = field(default_factory=list)  # the compensation ledger
    transfers: List[Transfer] = field(default_factory=list)


def csv_dicts(path: str) -> List[Dict[str, str]]:
    """The rows of a CSV product as {column: text}."""
    table = read_csv(path)
    return [dict(zip(table[0], row)) for row in table[1:]] if table else []


def _county_finder(data: RunData, srs: Any) -> Optional[SiteCounties]:
    """The compensation ledger's polygons (named in their own field), else the ledger's."""
    if data.has("COMPENSATION"):
        _, rows = read_features(data.paths["COMPENSATION"])
        return SiteCounties(data.paths["COMPENSATION"],
                         [str(row.get("name") or "–") for row in rows], srs)
    if data.has("LEDGER") and data.units:
        return SiteCounties(data.paths["LEDGER"], [u["name"] for u in data.units], srs)
    return None


def _read_sites(data: RunData, programme: Programme) -> None:
    source = ogr.Open(data.paths["PROGRAMME_SITES"])
    if source is None:
        return
    layer = source.GetLayer(0)
    srs = layer.GetSpatialRef()
    counties = _county_finder(data, srs.Clone() if srs is not None else None)
    for feature in layer:
        site: Row = {name: number_or_none(feature.GetField(name))
                     if feature.GetFieldIndex(name) >= 0 else None for name in SITE_NUMBERS}
        for name in ("site_id", "kind_id", "rank", "chosen", "order"):
            site[name] = None if site[name] is None else int(site[name])
        site["kind"] = feature.GetField("kind") if feature.GetFieldIndex("kind") >= 0 else None
        geometry = feature.GetGeometryRef()
        site["county"] = None
        if counties is not None and geometry is not None and not geometry.IsEmpty():
            # A point inside the polygon (a centroid may fall outside a bent site).
            site["county"] = counties.at(geometry.PointOnSurface())
        programme.sites.append(site)


def _read_transfers(path: str) -> List[Transfer]:
    """The payments; the level column holds the words of the run's language, so a word
    that is neither of this language's is placed by position: counties come first."""
    county, prefecture = translate("county"), translate("prefecture")
    rows = read_csv(path)[1:]
    first = rows[0][0] if rows else None
    out, seen = [], False
    for row in rows:
        if len(row) < 4:
            continue
        level = row[0]
        upper = level == prefecture or (level != county and (seen or level != first))
        seen = seen or upper
        out.append((upper, row[1], row[2], number_or_none(row[3])))
    return out


def read_programme(data: RunData) -> Programme:
    programme = Programme()
    if data.has("PROGRAMME_SITES"):
        _read_sites(data, programme)
    if data.has("GAIN_CURVE"):
        rows = [{name: number_or_none(row.get(name)) for name in CURVE_NUMBERS}
                for row in csv_dicts(data.paths["GAIN_CURVE"])]
        programme.curve = sorted((r for r in rows if r["step"] is not None),
                                 key=lambda r: r["step"])
    if data.has("COMPENSATION"):
        _, rows = read_features(data.paths["COMPENSATION"])
        programme.counties = [dict({name: number_or_none(row.get(name)) for name in LEDGER_NUMBERS},
                                   name=str(row.get("name") or "–"), group=row.get("group"))
                              for row in rows]
    if data.has("TRANSFERS"):
        programme.transfers = _read_transfers(data.paths["TRANSFERS"])
    return programme


def priority(sites: Sequence[Row]) -> List[Row]:
    """The chosen sites in portfolio order, then the others by rank (1 = best)."""
    last = math.inf
    chosen = sorted((s for s in sites if s["chosen"]),
                    key=lambda s: (last if s["order"] is None else s["order"], s["site_id"]))
    others = sorted((s for s in sites if not s["chosen"]),
                    key=lambda s: (last if s["rank"] is None else s["rank"], s["site_id"]))
    return chosen + others


def eca_steps(curve: Sequence[Row]) -> Optional[Tuple[float, float, float]]:
    """(ECA before, ECA after, gain) of the portfolio in km², from step 0 and the last step
    within the budget; None without step 0."""
    inside = [r for r in curve if r["in_budget"] != 0]  # no column: every step is inside
    if not inside or inside[0]["step"] != 0 or inside[0]["eca_km2"] is None:
        return None
    before, last = inside[0]["eca_km2"], inside[-1]
    after = last["eca_km2"] if last["eca_km2"] is not None else before
    gain = last["cum_gain"] if last["cum_gain"] is not None else after - before
    return before, after, gain


# -- the chapter --------------------------------------------------------------------------

def programme_section(page: Page) -> str:
    tr, data = page.tr, page.data
    if not data.has("PROGRAMME_SITES"):
        return page.missing(tr("The layer of restoration sites"))
    programme = read_programme(data)
    if not programme.sites:
        return note(tr("The layer of restoration sites holds no site."))
    parts = [lead(page, programme), sites_map(page)]
    parts.append(heading(tr("Priority sites")))
    parts.append(priority_table(page, programme))
    parts.append(curve_figure(page, programme))
    parts.append(heading(tr("Compensation between counties")))
    parts.append(compensation_table(page, programme))
    parts.append(transfer_tables(page, programme))
    return "".join(parts)


def lead(page: Page, programme: Programme) -> str:
    tr = page.tr
    chosen = [s for s in programme.sites if s["chosen"]]
    text = tr("{n} candidate sites were evaluated, each restored alone, and ranked by their "
              "gain in equivalent connected area (ECA) per cost.").format(
                  n=len(programme.sites))
    if not chosen:
        return paragraph(text + " " + tr("No site was chosen: none fits the budget and "
                                         "gains connectivity."))
    text += " " + tr("{k} of them were chosen within the budget, at a total cost of {cost} "
                     "× 10⁴ CNY.").format(k=len(chosen),
                                          cost=number(sum(s["cost"] or 0.0 for s in chosen)))
    steps = eca_steps(programme.curve)
    if steps is not None:
        before, after, gain = steps
        text += " " + tr("Restored together, they raise the ECA of the sources from {before} "
                         "to {after} km² (+{gain} km², {percent}).").format(
            before=number(before), after=number(after), gain=number(gain),
            percent=page.percent(100.0 * gain / before if before else math.nan))
    return paragraph(text)


def priority_table(page: Page, programme: Programme) -> str:
    tr = page.tr
    ranked = priority(programme.sites)
    kinds = page.kind_names()
    rows = [(s["order"] if s["chosen"] and s["order"] is not None else "–",
             "–" if s["site_id"] is None else str(s["site_id"]),
             kinds.get(s["kind_id"], s["kind"] or "–"), s["county"] or "–", s["area_km2"],
             s["cost"], s["d_eca_km2"],
             None if s["gain_cost"] is None else s["gain_cost"] * M2_PER_KM2,
             "–" if s["rank"] is None else s["rank"]) for s in ranked[:TOP_SITES]]
    table = page.table("table-programme-sites", tr("Priority restoration sites"), (
        tr("Order"), tr("Site"), tr("Kind"), tr("County"), tr("Area (km²)"),
        tr("Cost (10⁴ CNY)"), tr("ECA gain (km²)"), tr("Gain per cost (m² per 10⁴ CNY)"),
        tr("Rank")), rows, numeric=(0, 4, 5, 6, 7, 8), decimals={0: 0, 8: 0})
    return table + note(tr(
        "The chosen sites in the order the portfolio takes them, then the best of the others. "
        "ECA gain: with the site restored alone; gain per cost: that gain in m² per 10⁴ CNY. "
        "Rank: by gain per cost alone (1 = best). County: the county holding a point inside "
        "the site. The layer of restoration sites lists all {n} candidates.").format(
            n=len(ranked)))


def curve_figure(page: Page, programme: Programme) -> str:
    tr, data = page.tr, page.data
    steps = [r for r in programme.curve
             if r["cum_cost"] is not None and r["cum_gain"] is not None]
    chart = page.chart(report_charts.gain_curve, [r["cum_cost"] for r in steps],
                       [r["cum_gain"] for r in steps], budget=math.nan,
                       title=tr("Connectivity gained against cost"),
                       xlabel=tr("Cumulative cost (10⁴ CNY)"),
                       ylabel=tr("Gain in equivalent connected area (km²)"),
                       budget_label=tr("Budget"))
    if chart is None and page.without_matplotlib and data.has("GAIN_CHART"):
        # The run's own chart (in the language the run was made in) rather than none.
        with open(data.paths["GAIN_CHART"], "rb") as handle:
            chart = handle.read()
    if chart is None and not programme.curve:
        return page.missing(tr("The gain curve"))
    return page.figure("chart-gain-curve", chart, tr("Gain curve of the portfolio"), tr(
        "The cumulative gain in ECA against the cumulative cost, one step per site in the "
        "order the portfolio takes them."))


def compensation_table(page: Page, programme: Programme) -> str:
    tr, data = page.tr, page.data
    if not data.has("COMPENSATION"):
        return page.missing(tr("The compensation ledger"))
    columns = ("cost", "benefit_pct", "fair_cost", "net", "paid", "received")
    involved = [c for c in programme.counties if any(c[k] for k in columns)]
    if not involved:
        return note(tr("No county carries a cost or gains: the compensation ledger is "
                       "empty."))
    involved.sort(key=lambda c: (-(c["net"] or 0.0), c["name"]))
    rows = [[c["name"]] + [c[k] for k in columns] for c in involved]
    total = [tr("Total")] + [sum(c[k] or 0.0 for c in involved) for k in columns]
    # One number of decimals for all the amounts of money: they add up across columns.
    money = column_decimals(max([abs(c[k]) for c in involved for k in columns
                                 if k != "benefit_pct" and c[k] is not None], default=0.0))
    parts = [page.table("table-compensation", tr("Compensation ledger"), (
        tr("County"), tr("Cost carried (10⁴ CNY)"), tr("Benefit (%)"),
        tr("Fair cost (10⁴ CNY)"), tr("Net (10⁴ CNY)"), tr("Paid (10⁴ CNY)"),
        tr("Received (10⁴ CNY)")), rows, numeric=(1, 2, 3, 4, 5, 6), total=total,
        decimals={1: money, 2: 1, 3: money, 4: money, 5: money, 6: money})]
    parts.append(note(tr(
        "Cost carried: the cost of the chosen sites' cells in the county. Benefit: its share "
        "of the gain in connectivity. Fair cost: the part of the whole cost the county should "
        "carry for that gain (whoever benefits compensates). Net = cost carried - fair cost: "
        "above 0 the county is owed, below 0 it owes; the transfers below settle it.")))
    left = len(programme.counties) - len(involved)
    if left:
        parts.append(note(tr("{n} further counties neither carry a cost nor gain; the "
                             "compensation layer lists every county.").format(n=left)))
    return "".join(parts)


def transfer_tables(page: Page, programme: Programme) -> str:
    tr, data = page.tr, page.data
    if not data.has("TRANSFERS"):
        return page.missing(tr("The table of transfers"))
    if not programme.transfers:
        return note(tr("No transfer is needed: every county carries its fair cost."))
    parts = []
    places = column_decimals(max((abs(t[3]) for t in programme.transfers
                                  if t[3] is not None), default=0.0))
    for upper, title in ((False, tr("Transfers between counties")),
                         (True, tr("Transfers between prefectures"))):
        rows = [t[1:] for t in programme.transfers if t[0] == upper]
        if not rows:
            continue
        ident = "table-transfers-prefectures" if upper else "table-transfers-counties"
        parts.append(page.table(ident, title, (tr("Payer"), tr("Payee"),
                                               tr("Amount (10⁴ CNY)")),
                                rows[:TOP_TRANSFERS], numeric=(2,), decimals={2: places}))
        if len(rows) > TOP_TRANSFERS:
            parts.append(note(tr("The {n} largest of {total} transfers; the table in the "
                                 "folder lists all.").format(n=TOP_TRANSFERS,
                                                             total=len(rows))))
    parts.append(note(tr("Each payer pays its payee the amount; the transfers between "
                         "prefectures net those of their counties.")))
    return "".join(parts)


# -- the map --------------------------------------------------------------------------------

def draw_map(page: Page, ident: str, layers: Sequence[report_maps.MapLayer], title: str,
             caption: str, legend: Sequence[Tuple[str, str]]) -> str:
    """A map of layers styled here (their legend rows given: Page.map names only the
    products of the first four stages)."""
    image = report_maps.render(layers, extent=page.extent, crs=page.crs,
                               scale=report_maps.PRINT_SCALE)
    return page.figure(ident, report_maps.png_bytes(image), title, caption,
                       legend_table(legend))


def zone_legend(page: Page, layers: Sequence[report_maps.MapLayer]) -> List[Tuple[str, str]]:
    return [(page.titles()["ZONES"],
             class_swatches([(e.colour, page.label("ZONES", e)) for e in layer.legend]))
            for layer in layers if layer.key == "ZONES" and layer.legend]


def sites_map(page: Page) -> str:
    """The chosen sites (filled) and the candidates left out (outlined) over the zones."""
    tr, data = page.tr, page.data
    sites = report_maps.open_product(data.folder, "PROGRAMME_SITES")
    if sites is None:
        return ""
    chosen = QgsFillSymbol.createSimple({"color": "123,50,148,255",
                                         "outline_color": "64,0,75,255",
                                         "outline_width": "0.4"})
    candidate = QgsFillSymbol.createSimple({"style": "no", "outline_color": "77,77,77,255",
                                            "outline_width": "0.4"})
    chosen.symbolLayer(0).setRenderingPass(1)  # over the candidates that overlap them
    renderer = QgsCategorizedSymbolRenderer("chosen", [
        QgsRendererCategory(1, chosen, "1"), QgsRendererCategory(0, candidate, "0")])
    renderer.setUsingSymbolLevels(True)
    sites.setRenderer(renderer)
    layers = report_maps.styled(data.folder, ("ZONES",))
    above = 1 if layers and layers[0].key == "ZONES" else 0
    layers.insert(above, report_maps.MapLayer("PROGRAMME_SITES", sites, []))
    legend = zone_legend(page, layers) + [(tr("Restoration sites"), class_swatches(
        [(CHOSEN_COLOUR, tr("Chosen")), (CANDIDATE_COLOUR, tr("Candidate not chosen"))]))]
    return draw_map(page, "map-programme", layers, tr("Restoration sites"), tr(
        "The sites chosen within the budget (filled) and the candidates left out (outlined), "
        "over the restoration zones."), legend)
