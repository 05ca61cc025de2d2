"""Office documents (DOCX and ODT) from a plain list of blocks.

The apps decide what a document says (a version's text, a disposition table) as a
list of ``Block``; this module only writes it, the same way in both formats: real
headings for navigation, real tables with a repeated header row, German as the
document language. Every value is written as literal text: nothing becomes a field,
a formula or a macro, and the files are plain ``.docx``/``.odt``, never macro-enabled.
"""

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from odf import dc, teletype
from odf.opendocument import OpenDocumentText
from odf.style import (
    DefaultStyle,
    MasterPage,
    PageLayout,
    PageLayoutProperties,
    ParagraphProperties,
    Style,
    TableCellProperties,
    TextProperties,
)
from odf.table import Table, TableCell, TableColumn, TableHeaderRows, TableRow
from odf.text import H, P, Span

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT_CONTENT_TYPE = "application/vnd.oasis.opendocument.text"
LANGUAGE, COUNTRY = "de", "DE"

# XML 1.0 cannot carry these; a stray one in a comment must not break the file.
NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Block:
    """One piece of a document. ``number`` is set in bold before the text."""

    kind: Literal["title", "heading", "paragraph", "table"]
    text: str = ""
    number: str = ""
    header: Sequence[str] = ()
    rows: Sequence[Sequence[str]] = field(default_factory=tuple)


def _clean(text: str) -> str:
    return NOT_IN_XML.sub("", text or "")


# DOCX


def _docx_language(document) -> None:
    for style_name in ("Normal", "Title", "Heading 1", "Heading 2"):
        properties = document.styles[style_name].element.get_or_add_rPr()
        language = OxmlElement("w:lang")
        language.set(qn("w:val"), f"{LANGUAGE}-{COUNTRY}")
        properties.append(language)


def _docx_landscape(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))


def _docx_table(document, block: Block) -> None:
    table = document.add_table(rows=1, cols=len(block.header))
    table.style = "Table Grid"
    header = table.rows[0]
    # Repeated on every page, and read as the header row by screen readers.
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(repeat)
    for cell, heading in zip(header.cells, block.header, strict=True):
        cell.paragraphs[0].add_run(_clean(heading)).bold = True
    for row in block.rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.paragraphs[0].add_run(_clean(value))


def as_docx(blocks: Sequence[Block], *, title: str, landscape: bool = False) -> bytes:
    document = Document()
    document.core_properties.title = _clean(title)
    document.core_properties.language = f"{LANGUAGE}-{COUNTRY}"
    document.styles["Normal"].font.size = Pt(11)
    _docx_language(document)
    if landscape:
        _docx_landscape(document)
    for block in blocks:
        if block.kind == "title":
            document.add_heading(_clean(block.text), level=0)
        elif block.kind == "heading":
            text = f"{block.number} {block.text}" if block.number else block.text
            document.add_heading(_clean(text), level=1)
        elif block.kind == "table":
            _docx_table(document, block)
        else:
            paragraph = document.add_paragraph()
            if block.number:
                paragraph.add_run(f"{block.number} ").bold = True
            # A "\n" becomes a line break inside the paragraph.
            paragraph.add_run(_clean(block.text))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# ODT


def _odt_styles(document, landscape: bool) -> dict[str, Style]:
    default = DefaultStyle(family="paragraph")
    default.addElement(TextProperties(language=LANGUAGE, country=COUNTRY, fontsize="11pt"))
    document.styles.addElement(default)
    styles = {
        "title": Style(name="Title", family="paragraph"),
        "heading": Style(name="Heading_20_1", displayname="Heading 1", family="paragraph"),
        "paragraph": Style(name="Text_20_body", displayname="Text body", family="paragraph"),
    }
    styles["title"].addElement(TextProperties(fontsize="20pt", fontweight="bold"))
    styles["heading"].setAttribute("defaultoutlinelevel", "1")
    styles["heading"].addElement(TextProperties(fontsize="14pt", fontweight="bold"))
    for style in styles.values():
        style.addElement(ParagraphProperties(margintop="0.2cm", marginbottom="0.2cm"))
        document.styles.addElement(style)

    styles["strong"] = Style(name="Strong", family="text")
    styles["strong"].addElement(TextProperties(fontweight="bold"))
    styles["cell"] = Style(name="Cell", family="table-cell")
    styles["cell"].addElement(
        TableCellProperties(border="0.5pt solid #000000", padding="0.1cm", verticalalign="top")
    )
    styles["header_cell"] = Style(name="HeaderText", family="paragraph")
    styles["header_cell"].addElement(TextProperties(fontweight="bold"))
    for name in ("strong", "cell", "header_cell"):
        document.automaticstyles.addElement(styles[name])

    layout = PageLayout(name="Page")
    size = ("29.7cm", "21cm") if landscape else ("21cm", "29.7cm")
    layout.addElement(
        PageLayoutProperties(
            pagewidth=size[0],
            pageheight=size[1],
            printorientation="landscape" if landscape else "portrait",
            margin="1.5cm",
        )
    )
    document.automaticstyles.addElement(layout)
    document.masterstyles.addElement(MasterPage(name="Standard", pagelayoutname=layout))
    return styles


def _odt_text(element, text: str):
    # teletype turns "\n" into line breaks and keeps runs of spaces.
    teletype.addTextToElement(element, _clean(text))
    return element


def _odt_table(block: Block, styles: dict[str, Style], index: int) -> Table:
    table = Table(name=f"Tabelle{index}")
    for _heading in block.header:
        table.addElement(TableColumn())
    header_rows = TableHeaderRows()
    header = TableRow()
    for heading in block.header:
        cell = TableCell(valuetype="string", stylename=styles["cell"])
        cell.addElement(_odt_text(P(stylename=styles["header_cell"]), heading))
        header.addElement(cell)
    header_rows.addElement(header)
    table.addElement(header_rows)
    for row in block.rows:
        table_row = TableRow()
        for value in row:
            cell = TableCell(valuetype="string", stylename=styles["cell"])
            cell.addElement(_odt_text(P(), value))
            table_row.addElement(cell)
        table.addElement(table_row)
    return table


def as_odt(blocks: Sequence[Block], *, title: str, landscape: bool = False) -> bytes:
    document = OpenDocumentText()
    document.meta.addElement(dc.Title(text=_clean(title)))
    document.meta.addElement(dc.Language(text=f"{LANGUAGE}-{COUNTRY}"))
    styles = _odt_styles(document, landscape)
    for index, block in enumerate(blocks, start=1):
        if block.kind == "title":
            element = _odt_text(P(stylename=styles["title"]), block.text)
        elif block.kind == "heading":
            element = H(outlinelevel=1, stylename=styles["heading"])
            if block.number:
                element.addElement(Span(stylename=styles["strong"], text=f"{block.number} "))
            _odt_text(element, block.text)
        elif block.kind == "table":
            element = _odt_table(block, styles, index)
        else:
            element = P(stylename=styles["paragraph"])
            if block.number:
                element.addElement(Span(stylename=styles["strong"], text=f"{block.number} "))
            _odt_text(element, block.text)
        document.text.addElement(element)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()
