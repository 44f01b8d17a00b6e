"""The look of the report: the CSS of the HTML page, and the subset of it that QTextDocument
understands for the PDF."""

CSS = """
body { font-family: "Noto Sans", "DejaVu Sans", "Microsoft YaHei", "PingFang SC",
       "WenQuanYi Micro Hei", sans-serif; color: #222; max-width: 960px; margin: 2em auto;
       padding: 0 1em; }
p { line-height: 1.45; }
h1 { color: #1a6334; border-bottom: 3px solid #1a9641; padding-bottom: .2em; }
p.kicker { color: #1a6334; font-size: 110%; margin-bottom: 0; text-transform: uppercase;
           letter-spacing: .05em; }
table.meta { margin: 1em 0 2em 0; }
table.meta th { text-align: left; color: #555; padding-right: 2em; vertical-align: top;
                font-weight: normal; }
h2 { color: #1a6334; border-bottom: 1px solid #bbb; margin-top: 2em; }
h3 { color: #333; margin-top: 1.5em; }
p.meta { color: #666; font-size: 90%; }
p.note { color: #555; font-style: italic; }
p.caption { color: #444; font-size: 90%; margin-top: .3em; }
p.tcaption { color: #1a6334; font-weight: bold; margin: 1.2em 0 .2em 0; }
div.figure { margin: 1em 0; }
div.figure img { max-width: 100%; height: auto; border: 1px solid #ccc; }
table.data { border-collapse: collapse; margin: .8em 0; font-size: 90%; }
table.data th { background: #e8f2ea; border-bottom: 2px solid #1a9641; padding: 3px 8px;
                text-align: left; word-break: keep-all; vertical-align: bottom; }
table.data td { border-bottom: 1px solid #ddd; padding: 3px 8px; white-space: nowrap; }
table.data.wrap td { white-space: normal; word-break: keep-all; }
table.data td.sep, table.data th.sep { padding-left: 14px; }
table.data thead { display: table-header-group; }
table.data tr { break-inside: avoid; }
table.data td.n, table.data th.n { text-align: right; font-variant-numeric: tabular-nums; }
table.data tr.total td { font-weight: bold; border-top: 2px solid #888; }
table.legend { font-size: 85%; margin-top: .3em; }
table.legend td.lt { color: #555; padding-right: 1em; white-space: nowrap; }
table.ramp { display: inline-table; border: 1px solid #999; vertical-align: middle; }
table.ramp td { width: 8px; height: 10px; }
span.swatch { border: 1px solid #777; }
div.figure { break-inside: avoid; }
@media print { h2.page { break-before: page; } body { max-width: none; } }
"""

# QTextDocument understands a subset of CSS 2: no max-width, no inline tables. The body cells
# of data tables do not wrap, so a table row is one line and never splits across pages
# (report.pdf); tables of free text (class "wrap") do.
PDF_CSS = """
body { font-family: "DejaVu Sans", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif;
       font-size: 9pt; color: #222; }
h1 { color: #1a6334; font-size: 20pt; margin-top: 40px; margin-bottom: 24px; }
p.kicker { color: #1a6334; font-size: 11pt; margin-top: 120px; }
table.meta th { color: #555; font-weight: normal; text-align: left; padding-right: 24px; }
table.meta td { font-size: 10pt; }
h2 { color: #1a6334; font-size: 14pt; }
h2.page { page-break-before: always; }
h3 { color: #333; font-size: 11pt; }
p.note { color: #555; font-style: italic; }
div.figure { margin-top: 12px; }
p.caption { color: #444; }
p.tcaption { color: #1a6334; font-weight: bold; margin-top: 10px; }
table.data { font-size: 8pt; }
table.data th { background-color: #e8f2ea; text-align: left; }
table.data td { white-space: nowrap; }
table.wrap td { white-space: normal; }
td.sep, th.sep { padding-left: 8px; }
td.n, th.n { text-align: right; }
tr.total td { font-weight: bold; }
table.legend { font-size: 8pt; }
table.legend td.lt { color: #555; }
"""
