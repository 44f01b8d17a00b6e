"""The PDF of the report: the HTML page laid out by QTextDocument on A4 pages and printed page
by page, with the title and the page number in a footer.

QTextDocument.print would split a table row, a figure and its caption, or a heading and what
follows it, across two pages. Here the document is laid out on pages first and then fixed:

* the body cells of data tables do not wrap (style.PDF_CSS), so every row is one line, and a
  line that does not fit on a page moves whole to the next, where the table's header row is
  repeated (``<thead>``); a table too wide for the page that way has its cells wrap again;
* a table whose cells wrap (a short table of free text, class "wrap") starts a new page
  when it would straddle one: Qt breaks a page inside a row of several lines and ignores a
  page break asked for inside a cell, so such a table is kept whole (if it fits a page);
* a figure (from its image to the anchor ``ke-<id>`` in its caption), a table's caption
  with its header and first row (the anchors ``ks-<id>`` ... ``ke-<id>``, formatting.keep)
  and a heading with the block after it start a new page when they would straddle a page
  break, unless they are taller than a page.

Images keep their own resolution in the PDF (maps and charts are made for print: report.maps,
report.charts), whatever size the page shows them at.
"""

from typing import Callable, Dict, Iterator, List, Tuple

from qgis.PyQt.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from qgis.PyQt.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextOption,
    QTextTable,
)

#: The document's unit is the CSS pixel, 1/96 inch.
DPI = 96.0
#: A4 and its margins (left, top, right, bottom) in mm; the footer sits in the bottom one.
PAGE_MM = (210.0, 297.0)
MARGINS_MM = (20.0, 18.0, 20.0, 22.0)


def mm(value: float) -> float:
    return value / 25.4 * DPI


#: The text width and height of a page in document units.
TEXT_WIDTH = mm(PAGE_MM[0] - MARGINS_MM[0] - MARGINS_MM[2])
TEXT_HEIGHT = mm(PAGE_MM[1] - MARGINS_MM[1] - MARGINS_MM[3])


def layout(html: str, images: Dict[str, bytes]) -> QTextDocument:
    """The document laid out on A4 pages, with the images as resources "<id>.png"."""
    document = QTextDocument()
    option = document.defaultTextOption()
    # Break lines between words only: no English word is cut in two in a narrow column.
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    document.setDefaultTextOption(option)
    for ident, png in images.items():
        document.addResource(QTextDocument.ResourceType.ImageResource,
                             QUrl("{}.png".format(ident)), QImage.fromData(png, "PNG"))
    document.setHtml(html)
    frame = document.rootFrame().frameFormat()
    frame.setLeftMargin(mm(MARGINS_MM[0]))
    frame.setTopMargin(mm(MARGINS_MM[1]))
    frame.setRightMargin(mm(MARGINS_MM[2]))
    frame.setBottomMargin(mm(MARGINS_MM[3]))
    document.rootFrame().setFrameFormat(frame)
    document.setPageSize(QSizeF(mm(PAGE_MM[0]), mm(PAGE_MM[1])))
    return document


def _tables(frame: QTextFrame) -> Iterator[QTextTable]:
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            yield child
        yield from _tables(child)


def _page_break(block: QTextBlock) -> None:
    change = QTextBlockFormat()
    change.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    QTextCursor(block).mergeBlockFormat(change)


def wrap_wide_tables(document: QTextDocument) -> int:
    """Let the cells of the tables wider than the text wrap again; returns how many."""
    layout_ = document.documentLayout()
    wide = [table for table in _tables(document.rootFrame())
            if layout_.frameBoundingRect(table).width() > TEXT_WIDTH + 1]
    if not wide:
        return 0
    change = QTextBlockFormat()
    change.setNonBreakableLines(False)
    cursor = QTextCursor(document)
    cursor.beginEditBlock()  # one layout for all the changes, not one per cell
    for table in wide:
        cursor.setPosition(table.firstPosition())
        cursor.setPosition(table.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeBlockFormat(change)
    cursor.endEditBlock()
    return len(wide)


def _anchors(document: QTextDocument) -> Dict[str, QTextBlock]:
    """The block of every anchor name; a figure's image "<id>.png" counts as "ks-<id>" (Qt
    drops an anchor that stands just before an image)."""
    found: Dict[str, QTextBlock] = {}
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            char_format = fragments.fragment().charFormat()
            for name in char_format.anchorNames():
                found[name] = block
            if char_format.isImageFormat():
                name = char_format.toImageFormat().name()
                if name.endswith(".png"):
                    found["ks-" + name[:-4]] = block
            fragments += 1
        block = block.next()
    return found


def keep_groups(document: QTextDocument) -> List[Tuple[QTextBlock, QTextBlock]]:
    """(first block, last block) of everything that must stay on one page, in order."""
    anchors = _anchors(document)
    groups = [(block, anchors["ke-" + name[3:]]) for name, block in anchors.items()
              if name.startswith("ks-") and "ke-" + name[3:] in anchors]
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() > 0 and block.next().isValid():
            groups.append((block, block.next()))
        block = block.next()
    groups.sort(key=lambda group: group[0].position())
    return groups


def _page(y: float) -> int:
    return int(y // mm(PAGE_MM[1]))


def _span(layout_: QAbstractTextDocumentLayout, block: QTextBlock) -> Tuple[float, float]:
    """(top of the first line, bottom of the last) of ``block`` in document units. The lines
    carry the page breaks of the layout; the block's bounding box does not."""
    origin = layout_.blockBoundingRect(block).top()
    lines = block.layout()
    if lines is None or lines.lineCount() == 0:
        rect = layout_.blockBoundingRect(block)
        return rect.top(), rect.bottom()
    last = lines.lineAt(lines.lineCount() - 1)
    return origin + lines.lineAt(0).y(), origin + last.y() + last.height()


def _bottom(layout_: QAbstractTextDocumentLayout, block: QTextBlock) -> float:
    """The bottom of ``block``; of its whole table when its cells wrap (see the notes)."""
    table = QTextCursor(block).currentTable()
    if table is not None and not block.blockFormat().nonBreakableLines():
        return layout_.frameBoundingRect(table).bottom()
    return _span(layout_, block)[1]


def keep_together(document: QTextDocument) -> int:
    """Start a page before every group that would straddle a page break; returns how many.
    Groups are fixed in document order: a break moves only what follows it."""
    layout_ = document.documentLayout()
    breaks = 0
    for first, last in keep_groups(document):
        top, _ = _span(layout_, first)
        bottom = _bottom(layout_, last)
        if _page(top) == _page(bottom - 1) or bottom - top > TEXT_HEIGHT:
            continue
        target = first
        previous = first.previous()
        if previous.isValid() and previous.blockFormat().headingLevel() > 0 \
                and _page(_span(layout_, previous)[0]) == _page(top):
            target = previous  # the heading goes with what it heads
        _page_break(target)
        breaks += 1
    return breaks


def _footer(painter: QPainter, left: str, right: str) -> None:
    font = QFont()
    font.setPixelSize(10)  # 7.5 pt: the painter draws in document units (1/96 inch)
    painter.setFont(font)
    painter.setPen(QPen(QColor("#888888"), 0.5))
    y = mm(PAGE_MM[1] - MARGINS_MM[3] + 8)
    x0, x1 = mm(MARGINS_MM[0]), mm(PAGE_MM[0] - MARGINS_MM[2])
    painter.drawLine(QPointF(x0, y - 12), QPointF(x1, y - 12))
    painter.setPen(QPen(QColor("#555555")))
    metrics = painter.fontMetrics()
    room = int(x1 - x0 - metrics.horizontalAdvance(right) - 24)
    painter.drawText(QPointF(x0, y), metrics.elidedText(left, Qt.TextElideMode.ElideRight, room))
    painter.drawText(QPointF(x1 - metrics.horizontalAdvance(right), y), right)


def print_pages(document: QTextDocument, path: str, title: str,
                page_label: Callable[[int, int], str]) -> int:
    """Print the laid-out ``document`` to ``path``, one A4 page per document page, with
    ``title`` and ``page_label(n, total)`` in the footer; returns the number of pages."""
    writer = QPdfWriter(path)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setTitle(title)
    writer.setCreator("ESP Toolkit")
    scale = writer.logicalDpiX() / DPI
    height = document.pageSize().height()
    pages = document.pageCount()
    painter = QPainter(writer)
    try:
        for index in range(pages):
            if index:
                writer.newPage()
            painter.save()
            painter.scale(scale, scale)
            painter.translate(0, -index * height)
            document.drawContents(painter, QRectF(0, index * height,
                                                  document.pageSize().width(), height))
            painter.restore()
            painter.save()
            painter.scale(scale, scale)
            _footer(painter, title, page_label(index + 1, pages))
            painter.restore()
    finally:
        painter.end()
    return pages


def write_pdf(html: str, images: Dict[str, bytes], path: str, title: str,
              page_label: Callable[[int, int], str]) -> int:
    """Lay ``html`` out, keep its rows, figures and headings whole, print it; returns the
    number of pages."""
    document = layout(html, images)
    wrap_wide_tables(document)
    keep_together(document)
    return print_pages(document, path, title, page_label)
