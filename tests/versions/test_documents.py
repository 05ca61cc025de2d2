"""Each version as DOCX and ODT: same text and numbers as the version page, public like
the Markdown text, never for drafts, unpublished or restricted pages."""

import io
import zipfile

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from docx import Document
from odf import opendocument, teletype
from odf.namespaces import TEXTNS
from odf.table import Table
from odf.text import H
from wagtail.models import PageViewRestriction

from members.roles import Role
from tests import factories
from versions.models import Version

from .helpers import heading, paragraph, publish, reload, user

FORMATS = ["docx", "odt"]


def docx_paragraphs(content: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(content)).paragraphs]


def odt_paragraphs(content: bytes) -> list[str]:
    document = opendocument.load(io.BytesIO(content))
    return [
        teletype.extractText(element)
        for element in document.text.childNodes
        if element.qname in ((TEXTNS, "h"), (TEXTNS, "p"))
    ]


def paragraphs(fmt: str, content: bytes) -> list[str]:
    return docx_paragraphs(content) if fmt == "docx" else odt_paragraphs(content)


@pytest.fixture
def umlauts(strand):
    """A text with umlauts, a formula-like paragraph and a second version."""
    body = [
        heading("Grundsätze für Städte"),
        paragraph("Öffentliche Verwaltung prüft Größe und Übergänge."),
        paragraph("=HYPERLINK(&quot;http://böse.example&quot;) bleibt Text."),
        heading("Schnittstellen"),
        paragraph("Zeile eins<br/>Zeile zwei"),
    ]
    page = strand["make"](title="Offene Standards für Kommunen", slug="offene-standards", body=body)
    publish(page, "Überschrift präzisiert.", title="Offene Standards für Städte")
    return reload(page)


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", FORMATS)
def test_document_has_title_version_numbers_citation_and_hash(client, umlauts, fmt):
    response = client.get(f"{umlauts.url}fassungen/1.1/{fmt}/")
    assert response.status_code == 200
    version = Version.objects.of_page(umlauts).get(major=1, minor=1)
    lines = paragraphs(fmt, response.content)
    assert lines[0] == "Offene Standards für Städte"
    assert lines[1].startswith("Fassung 1.1 vom ")
    assert "Änderungshinweis: Überschrift präzisiert." in lines
    assert "1 Grundsätze für Städte" in lines
    assert "1.1 Öffentliche Verwaltung prüft Größe und Übergänge." in lines
    assert '1.2 =HYPERLINK("http://böse.example") bleibt Text.' in lines
    assert "2 Schnittstellen" in lines
    assert "2.1 Zeile eins\nZeile zwei" in lines
    permalink = f"http://testserver{umlauts.url}fassungen/1.1/"
    citation = next(line for line in lines if line.startswith("„"))
    assert citation.startswith("„Offene Standards für Städte“, Fassung 1.1 vom ")
    assert citation.endswith(permalink)
    assert any(version.content_hash in line and "SHA-256" in line for line in lines)


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", FORMATS)
def test_older_version_keeps_its_own_text(client, umlauts, fmt):
    lines = paragraphs(fmt, client.get(f"{umlauts.url}fassungen/1.0/{fmt}/").content)
    assert lines[0] == "Offene Standards für Kommunen"
    assert not any(line.startswith("Änderungshinweis") for line in lines)


@pytest.mark.django_db
def test_docx_is_a_plain_word_document_without_macros(client, umlauts):
    response = client.get(f"{umlauts.url}fassungen/1.1/docx/")
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"].endswith('filename="offene-standards-fassung-1.1.docx"')
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert not any("vbaProject" in name for name in archive.namelist())
    types = archive.read("[Content_Types].xml").decode()
    assert "macroEnabled" not in types
    assert "<w:fldSimple" not in archive.read("word/document.xml").decode()
    document = Document(io.BytesIO(response.content))
    assert document.core_properties.title == "Offene Standards für Städte – Fassung 1.1"
    assert document.core_properties.language == "de-DE"
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "1 Grundsätze für Städte" in headings


@pytest.mark.django_db
def test_odt_is_a_plain_text_document_without_scripts_or_formulas(client, umlauts):
    response = client.get(f"{umlauts.url}fassungen/1.1/odt/")
    assert response["Content-Type"] == "application/vnd.oasis.opendocument.text"
    assert response["Content-Disposition"].endswith('filename="offene-standards-fassung-1.1.odt"')
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
    assert not any(name.startswith(("Basic/", "Scripts/")) for name in archive.namelist())
    content = archive.read("content.xml").decode()
    assert "<office:script " not in content and "table:formula" not in content
    document = opendocument.load(io.BytesIO(response.content))
    assert not document.getElementsByType(Table)
    headings = [teletype.extractText(h) for h in document.getElementsByType(H)]
    assert "1 Grundsätze für Städte" in headings


@pytest.mark.django_db
def test_version_page_links_markdown_odt_and_docx(client, umlauts):
    soup = BeautifulSoup(client.get(f"{umlauts.url}fassungen/1.0/").content, "html.parser")
    links = {a["href"]: a.get_text() for a in soup.select(".citation__downloads a")}
    base = f"{umlauts.url}fassungen/1.0/"
    assert links[f"{base}markdown/"] == "Text als Markdown herunterladen"
    assert links[f"{base}odt/"] == "Text als ODT herunterladen"
    assert links[f"{base}docx/"] == "Text als DOCX herunterladen"


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", FORMATS)
def test_anonymous_downloads_are_cached_like_the_markdown_text(client, umlauts, fmt):
    url = f"{umlauts.url}fassungen/1.1/{fmt}/"
    first = client.get(url)
    assert first["X-Cache"] == "MISS"
    second = client.get(url)
    assert second["X-Cache"] == "HIT" and second.content == first.content
    assert "public" in second["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", FORMATS)
def test_everyone_may_download_versions_of_public_pages(client, umlauts, strand, fmt):
    url = f"{umlauts.url}fassungen/1.1/{fmt}/"
    organisation = factories.organisation()
    people = [
        user("registriert@example.org"),
        factories.member(organisation),
        user("redaktion@example.org", strand["editor_role"]),
    ]
    for person in people:
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200, person
        assert "private" in response["Cache-Control"]
        assert "X-Cache" not in response


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", FORMATS)
def test_unknown_versions_unpublished_pages_and_drafts_give_no_document(
    client, umlauts, mission_index, fmt
):
    assert client.get(f"{umlauts.url}fassungen/9.9/{fmt}/").status_code == 404
    draft = factories.draft_child(
        mission_index, factories.MissionPage(title="Geheimer Entwurf", body=factories.body())
    )
    assert client.get(f"/leitbild/{draft.slug}/fassungen/1.0/{fmt}/").status_code == 404
    umlauts.unpublish()
    assert client.get(f"{umlauts.url}fassungen/1.0/{fmt}/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("restriction", ["login", "groups"])
def test_versions_of_restricted_pages_give_no_document(client, umlauts, restriction, fmt):
    pvr = PageViewRestriction.objects.create(page=umlauts, restriction_type=restriction)
    if restriction == "groups":
        pvr.groups.add(Group.objects.get(name=Role.MEMBER))
    url = f"{umlauts.url}fassungen/1.0/{fmt}/"
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert "Grundsätze".encode() not in response.content
    if restriction == "groups":
        client.force_login(user("registriert@example.org"))
        assert client.get(url).status_code in (302, 403)
        client.force_login(factories.member(factories.organisation()))
        assert client.get(url).status_code == 200
