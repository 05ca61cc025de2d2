"""The disposition table (Abwägungstabelle) as CSV, XLSX and ODS, and as DOCX and ODT.

Every cell is written as text. For CSV, values that a spreadsheet would read as a
formula (starting with = + - @ or a control character) get a leading apostrophe,
so ``=HYPERLINK(...)`` in a comment stays text (CSV injection). The text documents
(DOCX, ODT) carry a title block and the same rows as a real table; their cells are
text by nature.
"""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P
from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING

from portal import office

from . import disposition
from .models import CommentRound

HEADER = [column.heading for column in disposition.COLUMNS]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def rows(comment_round: CommentRound) -> list[list[str]]:
    """One row of cells per active comment, in the order of the text."""
    return [
        [column.cell(row) for column in disposition.COLUMNS]
        for row in disposition.rows(comment_round)
    ]


def _defuse(value: str) -> str:
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def as_csv(comment_round: CommentRound) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_ALL)
    writer.writerow(HEADER)
    writer.writerows([[_defuse(value) for value in row] for row in rows(comment_round)])
    # BOM: spreadsheet programs then read the file as UTF-8 (umlauts).
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def as_xlsx(comment_round: CommentRound) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Abwägungstabelle"
    for row_index, row in enumerate([HEADER, *rows(comment_round)], start=1):
        for column_index, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_index, column=column_index, value=value)
            # openpyxl turns "=…" into a formula; force plain text.
            cell.data_type = TYPE_STRING
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def as_ods(comment_round: CommentRound) -> bytes:
    document = OpenDocumentSpreadsheet()
    table = Table(name="Abwägungstabelle")
    for row in [HEADER, *rows(comment_round)]:
        table_row = TableRow()
        for value in row:
            cell = TableCell(valuetype="string")
            for line in value.split("\n") or [""]:
                cell.addElement(P(text=line))
            table_row.addElement(cell)
        table.addElement(table_row)
    document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def title_block(comment_round: CommentRound) -> list[office.Block]:
    """Round, period and the page it is about, above the table."""
    fmt = "%d.%m.%Y, %H:%M Uhr"
    period = _("Kommentierungsrunde vom %(opens)s bis %(closes)s") % {
        "opens": timezone.localtime(comment_round.opens_at).strftime(fmt),
        "closes": timezone.localtime(comment_round.closes_at).strftime(fmt),
    }
    return [
        office.Block("title", _("Abwägungstabelle: %(title)s") % {"title": comment_round.title}),
        office.Block("paragraph", period),
        office.Block("paragraph", _("Text: %(page)s") % {"page": comment_round.page.title}),
    ]


def _document(build, comment_round: CommentRound) -> bytes:
    blocks = [
        *title_block(comment_round),
        office.Block("table", header=HEADER, rows=rows(comment_round)),
    ]
    title = _("Abwägungstabelle: %(title)s") % {"title": comment_round.title}
    return build(blocks, title=title, landscape=True)


def as_docx(comment_round: CommentRound) -> bytes:
    return _document(office.as_docx, comment_round)


def as_odt(comment_round: CommentRound) -> bytes:
    return _document(office.as_odt, comment_round)


FORMATS = {
    "csv": (as_csv, "text/csv; charset=utf-8"),
    "xlsx": (as_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "ods": (as_ods, "application/vnd.oasis.opendocument.spreadsheet"),
    "docx": (as_docx, office.DOCX_CONTENT_TYPE),
    "odt": (as_odt, office.ODT_CONTENT_TYPE),
}
