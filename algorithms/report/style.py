"""The look of the report: the CSS of the HTML page, and the subset of it that QTextDocument
understands for the PDF."""

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
