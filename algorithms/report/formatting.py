"""The HTML pieces of the report that need no language: numbers, escaping, tables, figures
and legend rows.

Words are translated by the caller (report.page) before they get here.

Two things are meant for the PDF alone, and writer.document takes them out of the HTML page:
the word joiners that keep a CJK word of a table cell on one line (Qt breaks CJK text
between any two characters; a browser gets ``word-break: keep-all`` instead), and the
anchors ``ks-<id>`` / ``ke-<id>`` around what must stay on one page (a figure with its
caption, a table's caption with its first rows; report.pdf).
"""

import html
import math
import re
from typing import Any, Dict, Optional, Sequence, Tuple

from .maps import LegendEntry

#: Where a figure's image goes; writer.document puts the <img> there (a data: URI in the
#: HTML, a resource name in the PDF).
IMAGE_MARKER = re.compile(r"@@IMG:([a-z0-9-]+)@@")
#: U+2060 WORD JOINER: no line break between the characters it stands between.
JOINER = "\u2060"
#: The keep-together anchors (see the module notes).
KEEP_ANCHOR = re.compile(r'<a name="k[se]-[a-z0-9-]+"></a>')
_CJK = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff])(?=[\u3400-\u9fff\uf900-\ufaff])")


def glue(text: str) -> str:
    """``text`` with a word joiner between every two CJK ideographs: a Chinese name or
    header word then wraps only at spaces and punctuation, as an English one does."""
    return _CJK.sub(JOINER, text)


def keep(ident: str, end: bool = False) -> str:
    """The anchor that starts (or ends) a keep-together group."""
    return '<a name="k{}-{}"></a>'.format("e" if end else "s", ident)


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


def _cell(value: Any, numeric: bool, decimals: Optional[int], css: str, anchor: str) -> str:
    if numeric and not isinstance(value, str):
        exact = repr(float(value)) if finite(value) else ""
        return '<td align="right" class="n{}" data-value="{}">{}{}</td>'.format(
            css, exact, anchor, number(value, decimals))
    if numeric:  # a word in a column of numbers ("–"): aligned with them
        return '<td align="right" class="n{}">{}{}</td>'.format(css, anchor, glue(esc(value)))
    attributes = ' class="{}"'.format(css.strip()) if css else ""
    return "<td{}>{}{}</td>".format(attributes, anchor, glue(esc(value)))


def table(ident: str, headers: Sequence[str], rows: Sequence[Sequence[Any]],
          numeric: Sequence[int] = (), total: Optional[Sequence[Any]] = None,
          decimals: Optional[Dict[int, int]] = None, wrap: bool = False) -> str:
    """A table; the cells of ``numeric`` columns are numbers shown with ``number`` (with
    ``decimals[column]`` decimals if given) and carry their exact value in data-value.

    Body cells stay on one line (so the PDF never splits a row across pages) unless
    ``wrap``: for tables of long free text. The first body cell ends the keep-together
    group its caption starts (Page.table)."""
    decimals = dict(decimals or {})
    body = list(rows) + ([total] if total is not None else [])
    for column in numeric:
        # One number of decimals per column, from its largest value: they line up.
        if column not in decimals:
            values = [abs(row[column]) for row in rows if finite(row[column])]
            decimals[column] = column_decimals(max(values) if values else 0.0)
    # A text column after a column of numbers keeps a gap from their right edge ("sep").
    gaps = {column: " sep" if column - 1 in numeric and column not in numeric else ""
            for column in range(len(headers))}
    out = ['<table id="{}" class="{}" border="0" cellspacing="0" cellpadding="2">'
           .format(ident, "data wrap" if wrap else "data"), "<thead><tr>"]
    for column, header in enumerate(headers):
        css = ("n" if column in numeric else "") + gaps[column]
        attributes = (' align="right"' if column in numeric else "") + \
            (' class="{}"'.format(css.strip()) if css.strip() else "")
        out.append("<th{}>{}</th>".format(attributes, glue(esc(header))))
    out.append("</tr></thead><tbody>")
    for position, row in enumerate(body):
        css = ' class="total"' if total is not None and position == len(body) - 1 else ""
        out.append("<tr{}>".format(css))
        for column, value in enumerate(row):
            anchor = keep(ident, end=True) if position == 0 and column == 0 else ""
            out.append(_cell(value, column in numeric, decimals.get(column), gaps[column],
                             anchor))
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def figure_html(ident: str, label: str, caption: str, legend: str = "") -> str:
    """A figure: the marker of image ``ident``, its legend (HTML) and its caption, which
    starts with ``label`` ("Figure 3. Pinch points and barriers.") in bold."""
    # The image itself starts the figure's keep-together group (report.pdf). No space after
    # a label that ends in a full-width stop (Chinese).
    return ('<div class="figure">@@IMG:{ident}@@{legend}<p class="caption">{end}'
            "<b>{label}</b>{space}{caption}</p></div>").format(
                ident=ident, legend=legend, end=keep(ident, end=True), label=esc(label),
                space="" if label.endswith(("。", "：")) else " ", caption=esc(caption))


def table_caption(ident: str, label: str) -> str:
    """The caption above table ``ident`` ("Table 2. Ecological sources")."""
    return '<p class="tcaption">{}{}</p>'.format(keep(ident), esc(label))


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
    """Swatches of classes: (colour, label) each. A line breaks between two swatches, never
    inside a label (not even after the dash of a range)."""
    return " &nbsp; ".join(
        '<span class="swatch" style="background-color:{c}">&nbsp;&nbsp;&nbsp;'
        "&nbsp;</span>&nbsp;{t}".format(c=colour, t=unbroken(label))
        for colour, label in swatches)


def unbroken(text: str) -> str:
    """``text`` as HTML that Qt and browsers keep on one line."""
    return glue(esc(text)).replace(" ", "&nbsp;").replace("–", JOINER + "–" + JOINER)


def legend_table(rows: Sequence[Tuple[str, str]]) -> str:
    """The legend under a map: (layer title, swatches as HTML) per row; '' for no rows."""
    if not rows:
        return ""
    return '<table class="legend" cellspacing="0" cellpadding="2">{}</table>'.format(
        "".join('<tr><td class="lt">{}</td><td>{}</td></tr>'.format(esc(title), swatches)
                for title, swatches in rows))
