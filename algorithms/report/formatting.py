"""The HTML pieces of the report that need no language: numbers, escaping, tables, figures
and legend rows.

Words are translated by the caller (report.page) before they get here.
"""

import html
import math
import re
from typing import Any, Dict, Optional, Sequence, Tuple

from .maps import LegendEntry

#: Where a figure's image goes; writer.document puts the <img> there (a data: URI in the
#: HTML, a resource name in the PDF).
IMAGE_MARKER = re.compile(r"@@IMG:([a-z0-9-]+)@@")


def finite(value: Any) -> bool:
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
    if not finite(value):
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


def esc(text: Any) -> str:
    return html.escape("" if text is None else str(text))


def note(text: str) -> str:
    return '<p class="note">{}</p>'.format(html.escape(text))


def paragraph(text: str) -> str:
    return "<p>{}</p>".format(esc(text))


def heading(text: str) -> str:
    """A heading inside a section."""
    return "<h3>{}</h3>".format(esc(text))


def table(ident: str, headers: Sequence[str], rows: Sequence[Sequence[Any]],
          numeric: Sequence[int] = (), total: Optional[Sequence[Any]] = None,
          decimals: Optional[Dict[int, int]] = None) -> str:
    """A table; the cells of ``numeric`` columns are numbers shown with ``number`` (with
    ``decimals[column]`` decimals if given) and carry their exact value in data-value."""
    decimals = dict(decimals or {})
    body = list(rows) + ([total] if total is not None else [])
    for column in numeric:
        # One number of decimals per column, from its largest value: they line up.
        if column not in decimals:
            values = [abs(row[column]) for row in rows if finite(row[column])]
            decimals[column] = column_decimals(max(values) if values else 0.0)
    out = ['<table id="{}" class="data" border="0" cellspacing="0" cellpadding="3">'
           .format(ident), "<thead><tr>"]
    for column, header in enumerate(headers):
        align = ' align="right" class="n"' if column in numeric else ""
        out.append("<th{}>{}</th>".format(align, esc(header)))
    out.append("</tr></thead><tbody>")
    for position, row in enumerate(body):
        css = ' class="total"' if total is not None and position == len(body) - 1 else ""
        out.append("<tr{}>".format(css))
        for column, value in enumerate(row):
            if column in numeric and not isinstance(value, str):
                exact = repr(float(value)) if finite(value) else ""
                out.append('<td align="right" class="n" data-value="{}">{}</td>'
                           .format(exact, number(value, decimals.get(column))))
            else:
                out.append("<td>{}</td>".format(esc(value)))
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def figure_html(ident: str, caption: str, legend: str = "") -> str:
    """A figure: the marker of image ``ident``, its legend (HTML) and its caption."""
    return ('<div class="figure">@@IMG:{ident}@@{legend}<p class="caption">{caption}</p>'
            "</div>").format(ident=ident, legend=legend, caption=esc(caption))


def is_ramp(entries: Sequence[LegendEntry]) -> bool:
    """A colour ramp: values without labels, shown as one strip."""
    return all(entry.label == "" and finite(entry.value) for entry in entries)


def ramp_swatches(entries: Sequence[LegendEntry]) -> str:
    """A colour ramp as a strip between its end values."""
    strip = "".join('<span style="background-color:{}">&nbsp;&nbsp;</span>'
                    .format(entry.colour) for entry in entries)
    return "{}&nbsp;{}&nbsp;{}".format(number(entries[0].value), strip,
                                       number(entries[-1].value))


def class_swatches(swatches: Sequence[Tuple[str, str]]) -> str:
    """Swatches of classes: (colour, label) each."""
    return " &nbsp; ".join(
        '<span class="swatch" style="background-color:{c}">&nbsp;&nbsp;&nbsp;'
        "&nbsp;</span>&nbsp;{t}".format(c=colour, t=esc(label)) for colour, label in swatches)


def legend_table(rows: Sequence[Tuple[str, str]]) -> str:
    """The legend under a map: (layer title, swatches as HTML) per row; '' for no rows."""
    if not rows:
        return ""
    return '<table class="legend" cellspacing="0" cellpadding="2">{}</table>'.format(
        "".join('<tr><td class="lt">{}</td><td>{}</td></tr>'.format(esc(title), swatches)
                for title, swatches in rows))
