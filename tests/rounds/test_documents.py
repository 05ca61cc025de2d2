"""The disposition table as DOCX and ODT: title block, then the one row model as a
real table; for the round's editors only, like the other exports."""

import io
import zipfile

import pytest
from django.urls import reverse
from docx import Document
from odf import opendocument, table, teletype

from rounds import disposition
from rounds.models import Comment
from tests.rounds.conftest import paragraph

TRICKY = '=HYPERLINK("http://böse.example","Klick") Größe\nzweite Zeile äöüß'
HEADER = [column.heading for column in disposition.COLUMNS]


@pytest.fixture
def closed_round(make_round, member, other_member):
    comment_round = make_round(opens_in_days=-10, closes_in_days=-1)
    for user, number, text in [
        (member, "1.1", TRICKY),
        (other_member, "2.1", "Zu 2.1 aus dem Kreis"),
    ]:
        Comment.objects.create(
            round=comment_round,
            block_id=paragraph(comment_round, number).id,
            text=text,
            author=user,
            organisation=user.membership.organisation,
        )
    return comment_round


def export_url(comment_round, fmt):
    return reverse("rounds_export", args=[comment_round.pk, fmt])


def expected_rows(comment_round):
    return [
        [column.cell(row) for column in disposition.COLUMNS]
        for row in disposition.rows(comment_round)
    ]


@pytest.mark.django_db
def test_docx_has_title_block_and_a_real_table_of_the_rows(client, closed_round, mission_editor):
    client.force_login(mission_editor)
    response = client.get(export_url(closed_round, "docx"))
    assert response.status_code == 200
    assert f"abwaegungstabelle-{closed_round.pk}.docx" in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert not any("vbaProject" in name for name in archive.namelist())
    assert "macroEnabled" not in archive.read("[Content_Types].xml").decode()

    document = Document(io.BytesIO(response.content))
    lines = [p.text for p in document.paragraphs]
    assert lines[0] == "Abwägungstabelle: Offene Standards"
    assert lines[1].startswith("Kommentierungsrunde vom ") and " Uhr bis " in lines[1]
    assert lines[2] == "Text: Offene Standards"
    (grid,) = document.tables
    cells = [[cell.text for cell in row.cells] for row in grid.rows]
    assert cells[0] == HEADER
    assert cells[1:] == expected_rows(closed_round)
    assert cells[1][0] == "1.1" and cells[1][2] == TRICKY  # text, not a formula
    assert cells[2][3] == "Landkreis Beispielkreis"


@pytest.mark.django_db
def test_odt_has_title_block_and_a_real_table_of_the_rows(client, closed_round, mission_editor):
    client.force_login(mission_editor)
    response = client.get(export_url(closed_round, "odt"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.oasis.opendocument.text"
    content = zipfile.ZipFile(io.BytesIO(response.content)).read("content.xml").decode()
    assert "table:formula" not in content and "<office:script " not in content

    document = opendocument.load(io.BytesIO(response.content))
    text = teletype.extractText(document.text)
    assert text.startswith("Abwägungstabelle: Offene Standards")
    assert "Text: Offene Standards" in text
    (grid,) = document.getElementsByType(table.Table)
    cells = [
        [teletype.extractText(cell) for cell in row.getElementsByType(table.TableCell)]
        for row in grid.getElementsByType(table.TableRow)
    ]
    assert cells[0] == HEADER
    assert cells[1:] == expected_rows(closed_round)
    first = grid.getElementsByType(table.TableRow)[1].getElementsByType(table.TableCell)[2]
    assert first.getAttribute("valuetype") == "string" and not first.getAttribute("formula")
    assert len(grid.getElementsByType(table.TableHeaderRows)) == 1


@pytest.mark.django_db
def test_evaluation_page_links_every_format(client, closed_round, mission_editor):
    client.force_login(mission_editor)
    html = client.get(reverse("rounds_evaluate", args=[closed_round.pk])).content.decode()
    for fmt in ("csv", "xlsx", "ods", "docx", "odt"):
        assert f'href="{export_url(closed_round, fmt)}"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_only_the_rounds_editors_download_the_documents(
    client, closed_round, member, registered, guidance_editor, fmt
):
    url = export_url(closed_round, fmt)
    response = client.get(url)
    assert response.status_code == 302 and "HYPERLINK" not in response.content.decode()
    for person in (registered, member, guidance_editor):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code in (302, 403), person
        assert b"PK" not in response.content[:2]
