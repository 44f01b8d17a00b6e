"""The title block that opens the report: the title, the date, the study area, the analysis
grid and the data the run started from.

The title is the QGIS project's title when it has one, else one built from the study area
(the units layer's name); a report written from a folder alone gets a generic one.
"""

import os
from typing import List, Tuple

from qgis.core import QgsCoordinateReferenceSystem
from qgis.PyQt.QtCore import QDate

from ...espcore.summaries import total
from ..base import PLUGIN_DIR
from .formatting import esc, heading, note, number
from .page import Page


def plugin_version() -> str:
    try:
        with open(os.path.join(PLUGIN_DIR, "metadata.txt"), encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("version="):
                    return line.split("=", 1)[1].strip()
    except OSError:
        pass
    return ""


def report_title(page: Page) -> str:
    tr, info = page.tr, page.info
    if info.title:
        return info.title
    if info.area:
        return tr("Ecological security pattern of {area}").format(area=info.area)
    return tr("Ecological security pattern report")


def study_area(page: Page) -> str:
    tr, data = page.tr, page.data
    area = page.area(total([u["area_km2"] for u in data.units]))
    if data.has_groups:
        groups = len({u["group"] for u in data.units if u["group"] is not None})
        return tr("{area} in {n} counties of {g} prefectures").format(
            area=area, n=len(data.units), g=groups)
    return tr("{area} in {n} counties").format(area=area, n=len(data.units))


def grid_text(page: Page) -> str:
    grid = page.data.grid
    if grid is None:
        return ""
    crs = QgsCoordinateReferenceSystem.fromWkt(grid.wkt)
    name = crs.description() or page.tr("unknown CRS")
    if crs.authid():
        name = "{} ({})".format(name, crs.authid())
    return page.tr("{crs}; cells of {x} × {y} m; {columns} × {rows} cells").format(
        crs=name, x=number(grid.cell_x * page.data.km_per_unit * 1000.0),
        y=number(grid.cell_y * page.data.km_per_unit * 1000.0),
        columns=number(grid.columns, 0), rows=number(grid.rows, 0))


def meta_rows(page: Page) -> List[Tuple[str, str]]:
    tr = page.tr
    rows = [(tr("Date"), QDate.currentDate().toString("yyyy-MM-dd"))]
    if page.data.units:
        rows.append((tr("Study area"), study_area(page)))
    if page.data.grid is not None:
        rows.append((tr("Analysis grid"), grid_text(page)))
    rows.append((tr("Prepared with"), "ESP Toolkit {}".format(plugin_version()).strip()))
    return rows


def data_sources(page: Page) -> str:
    tr = page.tr
    if not page.info.sources:
        return note(tr("The input data were not recorded: this report was written from the "
                       "output folder alone."))
    rows = []
    for source in page.info.sources:
        if source.cell:
            detail = tr("cells of {cell}").format(cell=source.cell)
        elif source.features is not None:
            detail = tr("{n} features").format(n=number(source.features, 0))
        else:
            detail = "–"
        rows.append((source.label, source.name or "–", source.file or "–",
                     source.crs or "–", detail))
    return page.table("table-data", tr("Data sources"), (
        tr("Input"), tr("Layer"), tr("File"), tr("CRS"), tr("Resolution")), rows, wrap=True)


def cover(page: Page) -> str:
    """The title block (the first page of the PDF)."""
    tr = page.tr
    title = report_title(page)
    kicker = tr("Ecological security pattern report")
    meta = "".join('<tr><th align="left">{}</th><td>{}</td></tr>'.format(esc(k), esc(v))
                   for k, v in meta_rows(page))
    return ('<div class="cover">{kicker}<h1>{title}</h1>'
            '<table id="table-cover" class="meta" cellspacing="0" cellpadding="4">{meta}'
            "</table>{heading}{sources}</div>").format(
                kicker='<p class="kicker">{}</p>'.format(esc(kicker)) if kicker != title
                else "", title=esc(title), meta=meta, heading=heading(tr("Data")),
                sources=data_sources(page))
