"""The report as an editable Word file (report.docx), made with python-docx from the same HTML
body as report.html and report.pdf, so the three say the same.

The body is the report's own, small HTML (report.formatting and the sections): headings,
paragraphs, data tables, figures with their legend and caption, the cover's table. It is read
into a tree and written element by element; anything else is written as plain text. Tables
repeat their header row on every page and keep every row on one page, figures stay with
their captions, and each section starts a page.

python-docx is optional: ``import docx`` fails in a QGIS without it (report.writer then skips
the Word file and says how to install it).
"""

import io
import re
import struct
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any, Dict, List, Tuple, Union

from .formatting import IMAGE_MARKER, JOINER

#: The width of a figure on the page, and the height it may reach at most (cm).
FIGURE_WIDTH_CM = 16.0
FIGURE_HEIGHT_CM = 19.0
HEADER_FILL = "E8F2EA"
_COLOUR = re.compile(r"background-color:\s*(#[0-9a-fA-F]{6})")


@dataclass
class Node:
    tag: str
    attrs: Dict[str, str] = field(default_factory=dict)
    children: List[Union["Node", str]] = field(default_factory=list)

    @property
    def classes(self) -> List[str]:
        return self.attrs.get("class", "").split()

    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text()
                       for child in self.children)

    def find(self, tag: str) -> List["Node"]:
        found = []
        for child in self.children:
            if isinstance(child, Node):
                if child.tag == tag:
                    found.append(child)
                found.extend(child.find(tag))
        return found


class _TreeBuilder(HTMLParser):
    VOID = {"br", "img", "meta", "hr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in self.VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data.replace(JOINER, ""))


def parse(body: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(body)
    builder.close()
    return builder.root


def png_size(png: bytes) -> Tuple[int, int]:
    """(width, height) from a PNG's header."""
    width, height = struct.unpack(">II", png[16:24])
    return width, height


class WordWriter:
    """Writes the parsed body into a python-docx Document."""

    def __init__(self, images: Dict[str, bytes], language: str, title: str,
                 page_label: str) -> None:
        import docx  # ImportError without python-docx: writer skips the Word file

        self.images = images
        self.document = docx.Document()
        self.chinese = language.startswith("zh")
        self._page_setup(title, page_label)

    # -- the document ---------------------------------------------------------------------

    def _page_setup(self, title: str, page_label: str) -> None:
        from docx.shared import Mm, Pt

        section = self.document.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        for side in ("left_margin", "right_margin"):
            setattr(section, side, Mm(20))
        section.top_margin, section.bottom_margin = Mm(18), Mm(20)
        normal = self.document.styles["Normal"]
        normal.font.size = Pt(10)
        self._east_asian(normal.element)
        self.document.core_properties.title = title
        self.document.core_properties.author = "ESP Toolkit"
        footer = section.footer.paragraphs[0]
        footer.text = "{} · ".format(title)
        prefix, _, suffix = page_label.partition("{n}")
        footer.add_run(prefix)
        self._field(footer, "PAGE")
        footer.add_run(suffix)

    def _east_asian(self, element: Any) -> None:
        """Chinese text in a font every Chinese Windows has, with the language set so Word
        breaks and checks it as Chinese. (Word wants the run properties in schema order.)"""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        properties = element.get_or_add_rPr()
        properties.get_or_add_rFonts().set(qn("w:eastAsia"), "Microsoft YaHei")
        if self.chinese:
            lang = properties.find(qn("w:lang"))
            if lang is None:
                lang = OxmlElement("w:lang")
                properties.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish",
                                                 "w:oMath")
            lang.set(qn("w:eastAsia"), "zh-CN")

    @staticmethod
    def _field(paragraph: Any, code: str) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        run = paragraph.add_run()
        for kind, text in (("begin", None), (None, code), ("separate", None), ("end", None)):
            if kind is None:
                element = OxmlElement("w:instrText")
                element.set(qn("xml:space"), "preserve")
                element.text = " {} ".format(text)
            else:
                element = OxmlElement("w:fldChar")
                element.set(qn("w:fldCharType"), kind)
            run._r.append(element)

    # -- blocks ---------------------------------------------------------------------------

    def write(self, node: Node) -> None:
        for child in node.children:
            if isinstance(child, str):
                if child.strip():
                    self.document.add_paragraph(child.strip())
                continue
            self.block(child)

    def block(self, node: Node) -> None:
        tag = node.tag
        if tag in ("h1", "h2", "h3"):
            self.heading(node)
        elif tag == "p":
            self.paragraph(node)
        elif tag == "table":
            self.table(node)
        elif tag == "div" and "figure" in node.classes:
            self.figure(node)
        else:
            self.write(node)

    def heading(self, node: Node) -> None:
        level = {"h1": 0, "h2": 1, "h3": 2}[node.tag]
        heading = self.document.add_heading(node.text().strip(), level=level)
        if node.tag == "h2":
            heading.paragraph_format.page_break_before = True

    def paragraph(self, node: Node) -> Any:
        from docx.shared import RGBColor

        classes = node.classes
        style = "Caption" if {"caption", "tcaption"} & set(classes) else None
        paragraph = self.document.add_paragraph(style=style)
        self.inline(paragraph, node, italic="note" in classes)
        if "kicker" in classes or "note" in classes:
            for run in paragraph.runs:
                run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
        if "tcaption" in classes:
            paragraph.paragraph_format.keep_with_next = True
        return paragraph

    def inline(self, paragraph: Any, node: Node, bold: bool = False,
               italic: bool = False) -> None:
        for child in node.children:
            if isinstance(child, str):
                if child:
                    run = paragraph.add_run(child.replace("\xa0", " "))
                    run.bold = bold or None
                    run.italic = italic or None
            elif child.tag == "br":
                paragraph.add_run().add_break()
            elif child.tag == "span" and _COLOUR.search(child.attrs.get("style", "")):
                self.swatch(paragraph, child)
            else:
                self.inline(paragraph, child, bold or child.tag in ("b", "strong", "th"),
                            italic or child.tag in ("i", "em"))

    def swatch(self, paragraph: Any, node: Node) -> None:
        from docx.shared import RGBColor

        colour = _COLOUR.search(node.attrs["style"]).group(1)  # type: ignore[union-attr]
        run = paragraph.add_run("■")
        run.font.color.rgb = RGBColor.from_string(colour[1:].upper())

    def figure(self, node: Node) -> None:
        from docx.shared import Cm

        for child in node.children:
            if isinstance(child, str):
                match = IMAGE_MARKER.search(child)
                if match and match.group(1) in self.images:
                    png = self.images[match.group(1)]
                    width, height = png_size(png)
                    size = min(FIGURE_WIDTH_CM, FIGURE_HEIGHT_CM * width / height)
                    self.document.add_picture(io.BytesIO(png), width=Cm(size))
                    self.document.paragraphs[-1].paragraph_format.keep_with_next = True
            elif child.tag == "table":
                self.legend(child)
            elif child.tag == "p":
                self.paragraph(child)

    # -- tables ---------------------------------------------------------------------------

    def legend(self, node: Node) -> None:
        from docx.shared import Pt

        for row in node.find("tr"):
            cells = row.find("td")
            paragraph = self.document.add_paragraph()
            paragraph.paragraph_format.keep_with_next = True
            if cells:
                title = paragraph.add_run(cells[0].text().strip() + ": ")
                title.bold = True
                for cell in cells[1:]:
                    self.inline(paragraph, cell)
            for run in paragraph.runs:
                run.font.size = Pt(8)

    def table(self, node: Node) -> None:
        rows = node.find("tr")
        if not rows:
            return
        if "legend" in node.classes:
            self.legend(node)
            return
        columns = max(len([c for c in r.children if isinstance(c, Node)]) for r in rows)
        table = self.document.add_table(rows=len(rows), cols=columns)
        table.style = "Table Grid"
        header_rows = len(node.find("thead")[0].find("tr")) if node.find("thead") else 0
        for index, (row, source) in enumerate(zip(table.rows, rows)):
            self._row(table, row, source, header=index < header_rows)
        self.document.add_paragraph()

    def _row(self, table: Any, row: Any, source: Node, header: bool) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Pt
        from docx.table import _Cell

        properties = row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        if header:
            properties.append(OxmlElement("w:tblHeader"))
        total = "total" in source.classes
        cells = [c for c in source.children if isinstance(c, Node)]
        # The row's own cells: python-docx 0.8 (Debian 12) rebuilds the whole table's cell
        # grid for every row.cells, which takes a minute for the annexes. These tables merge
        # no cells, so a row's <w:tc> elements are its cells.
        for tc, node in zip(row._tr.tc_lst, cells):
            cell = _Cell(tc, table)
            paragraph = cell.paragraphs[0]
            self.inline(paragraph, node, bold=header or total or node.tag == "th")
            if "n" in node.classes or node.attrs.get("align") == "right":
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            for run in paragraph.runs:
                run.font.size = Pt(8)
            if header:
                shading = OxmlElement("w:shd")
                shading.set(qn("w:val"), "clear")
                shading.set(qn("w:fill"), HEADER_FILL)
                cell._tc.get_or_add_tcPr().append(shading)

    def save(self, path: str) -> None:
        self.document.save(path)


def write_docx(body: str, images: Dict[str, bytes], path: str, *, language: str,
               title: str, page_label: str) -> str:
    """Write the report body as a Word file at ``path``; ``page_label`` is the footer's
    "Page {n}" (its ``{n}`` becomes the page number field). Raises ImportError without
    python-docx."""
    writer = WordWriter(images, language, title, page_label)
    writer.write(parse(body))
    writer.save(path)
    return path
