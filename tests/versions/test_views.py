"""Version list, frozen versions, Markdown download and comparison: who sees what."""

import hashlib

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.html import format_html
from wagtail import hooks
from wagtail.models import PageViewRestriction

from tests import factories
from versions.choices import ChangeKind
from versions.models import Version

from .helpers import heading, paragraph, publish, raw_body, reload

ROUTES = ["fassungen/", "fassungen/1.0/", "fassungen/1.0/markdown/", "fassungen/1.0/vergleich/1.1/"]


def text(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


@pytest.fixture
def revised(text_page):
    """A text with versions 1.0 (original) and 1.1 (new title, one paragraph reworded)."""
    body = raw_body(text_page)
    body[1]["value"] = "<p>Absatz 1.1 über offene Standards und Schnittstellen.</p>"
    publish(
        text_page,
        "Absatz 1.1 um Schnittstellen ergänzt.",
        title="Offene Standards heute",
        body=body,
    )
    return reload(text_page)


@pytest.mark.django_db
def test_live_page_shows_its_version_date_and_history_link(client, revised):
    response = client.get(revised.url)
    soup = BeautifulSoup(response.content, "html.parser")
    meta = soup.select_one(".version-meta").get_text(" ", strip=True)
    assert "Fassung 1.1 vom" in meta
    assert soup.select_one(".version-meta a")["href"] == f"{revised.url}fassungen/"
    assert "Absatz 1.1 um Schnittstellen ergänzt." in text(response)
    assert soup.select_one(".citation") is not None
    assert not soup.select(".version-notice")


@pytest.mark.django_db
def test_easy_language_summary_belongs_to_its_version(client, revised):
    publish(revised, "Leichte Sprache ergänzt.", easy_language_summary="Städte wollen frei sein.")
    live = BeautifulSoup(client.get(revised.url).content, "html.parser")
    box = live.select_one(".version-easy-language")
    assert box.h2.get_text() == "In Leichter Sprache"
    assert "Städte wollen frei sein." in box.get_text()
    # Above the text, right after the header.
    assert box.find_previous_sibling("header") is not None
    assert live.select_one(".text__body").find_previous("section") == box
    old = BeautifulSoup(client.get(f"{revised.url}fassungen/1.1/").content, "html.parser")
    assert not old.select(".version-easy-language")


@pytest.mark.django_db
def test_version_list_shows_every_version_newest_first(client, revised):
    response = client.get(f"{revised.url}fassungen/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    rows = [row.get_text(" ", strip=True) for row in soup.select(".version-table tbody tr")]
    assert rows[0].startswith("Fassung 1.1 aktuell")
    assert "Absatz 1.1 um Schnittstellen ergänzt." in rows[0]
    assert rows[1].startswith("Fassung 1.0") and "Erste veröffentlichte Fassung." in rows[1]
    compare = soup.select_one(".version-table tbody tr a[href*=vergleich]")["href"]
    assert compare == f"{revised.url}fassungen/1.0/vergleich/1.1/"


@pytest.mark.django_db
def test_historic_version_is_rendered_frozen_and_marked(client, revised):
    response = client.get(f"{revised.url}fassungen/1.0/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text(strip=True) == "Offene Standards"  # the title of then
    assert "Absatz 1.1 über offene Standards." in text(response)
    assert "Schnittstellen" not in soup.select_one(".text__body").get_text()
    notice = soup.select_one(".version-notice")
    assert "Historische Fassung" in notice.get_text()
    assert notice.select("a")[0]["href"] == f"{revised.url}fassungen/1.1/"
    assert soup.title.get_text().startswith("Offene Standards – Fassung 1.0")
    # Same templates as the live page: numbered paragraphs with their stable anchors.
    live = BeautifulSoup(client.get(revised.url).content, "html.parser")
    assert [e["id"] for e in soup.select(".text__body [id^=p-]")] == [
        e["id"] for e in live.select(".text__body [id^=p-]")
    ]


@pytest.mark.django_db
def test_current_version_page_is_not_marked_historic(client, revised):
    soup = BeautifulSoup(client.get(f"{revised.url}fassungen/1.1/").content, "html.parser")
    assert not soup.select(".version-notice")
    assert soup.h1.get_text(strip=True) == "Offene Standards heute"


@pytest.mark.django_db
def test_citation_names_title_version_date_permalink_and_hash(client, revised):
    response = client.get(f"{revised.url}fassungen/1.0/")
    soup = BeautifulSoup(response.content, "html.parser")
    citation = soup.select_one(".citation")
    facts = dict(
        zip(
            [dt.get_text(strip=True) for dt in citation.select("dt")],
            [dd.get_text(" ", strip=True) for dd in citation.select("dd")],
            strict=True,
        )
    )
    version = Version.objects.of_page(revised).get(major=1, minor=0)
    assert facts["Titel"] == "Offene Standards"
    assert facts["Fassung"] == "1.0"
    assert facts["Dauerhafte Adresse"] == f"http://testserver{revised.url}fassungen/1.0/"
    assert facts["Prüfsumme (SHA-256)"] == version.content_hash
    assert facts["Veröffentlicht am"]


@pytest.mark.django_db
def test_markdown_download_is_the_hashed_canonical_text(client, revised):
    response = client.get(f"{revised.url}fassungen/1.0/markdown/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert response["Content-Disposition"].endswith(f'filename="{revised.slug}-fassung-1.0.md"')
    version = Version.objects.of_page(revised).get(major=1, minor=0)
    assert hashlib.sha256(response.content).hexdigest() == version.content_hash
    assert response.content.decode().startswith("# Offene Standards\n")


@pytest.mark.django_db
def test_version_routes_work_for_slugs_with_umlauts(client, strand):
    page = strand["make"](title="Grundsätze", slug="grundsätze")
    response = client.get(f"{page.url}fassungen/1.0/markdown/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''grunds%C3%A4tze-fassung-1.0.md"
    )
    assert client.get(f"{page.url}fassungen/1.0/").status_code == 200


@pytest.mark.django_db
def test_comparison_shows_word_changes_counts_and_both_numbers(client, revised):
    response = client.get(f"{revised.url}fassungen/1.0/vergleich/1.1/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    counts = soup.select_one(".diff-counts").get_text(" ", strip=True)
    assert "geändert 1 Absatz" in counts and "unverändert 7 Absätze" in counts
    changed = soup.select_one(".diff-body .diff-row--geaendert .diff-row__text")
    assert changed.select_one("ins").get_text().split() == ["[eingefügt:", "und", "Schnittstellen]"]
    assert "Titel" in soup.select_one(".diff-fields").get_text()


@pytest.mark.django_db
def test_other_apps_can_add_notes_beside_changed_paragraphs(client, revised):
    changed_id = raw_body(revised)[1]["id"]

    def notes(request, page, older, newer):
        assert (older.label, newer.label) == ("1.0", "1.1")
        return {changed_id: [format_html("<p class='note'>Kommentar: {}</p>", "<Grund>")]}

    with hooks.register_temporarily("versions_diff_notes", notes):
        response = client.get(f"{revised.url}fassungen/1.0/vergleich/1.1/")
    soup = BeautifulSoup(response.content, "html.parser")
    (note,) = soup.select(".diff-row__notes .note")
    assert note.get_text() == "Kommentar: <Grund>"
    assert note.find_parent(class_="diff-row")["id"] == f"d-{changed_id}"


@pytest.mark.django_db
def test_compare_form_redirects_to_the_comparison(client, revised):
    base = f"{revised.url}fassungen/"
    response = client.get(f"{base}vergleich/", {"von": "1.0", "bis": "1.1"})
    assert response["Location"] == f"{base}1.0/vergleich/1.1/"
    assert client.get(f"{base}vergleich/", {"von": "x", "bis": "1.1"})["Location"] == base
    assert client.get(f"{base}1.1/vergleich/1.1/")["Location"] == f"{base}1.1/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "route",
    [
        "fassungen/9.9/",
        "fassungen/1.0/vergleich/9.9/",
        "fassungen/01/",
        "fassungen/1.0.0/",
        "fassungen/9.9/markdown/",
        "fassungen/a.b/",
    ],
)
def test_unknown_versions_are_404(client, revised, route):
    response = client.get(f"{revised.url}{route}")
    assert response.status_code == 404


@pytest.mark.django_db
def test_versions_of_unpublished_pages_are_not_served(client, revised):
    revised.unpublish()
    for route in ROUTES:
        assert client.get(f"{revised.url}{route}").status_code == 404, route


@pytest.mark.django_db
def test_versions_of_a_draft_do_not_exist(client, mission_index):
    draft = factories.draft_child(
        mission_index, factories.MissionPage(title="Geheimer Entwurf", body=factories.body())
    )
    assert not Version.objects.of_page(draft).exists()
    for route in ROUTES:
        assert client.get(f"/leitbild/{draft.slug}/{route}").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("restriction", ["login", "groups"])
def test_versions_of_restricted_pages_stay_restricted(client, revised, restriction):
    pvr = PageViewRestriction.objects.create(page=revised, restriction_type=restriction)
    if restriction == "groups":
        pvr.groups.add(Group.objects.get(name="Mitglieder"))
    for route in ROUTES:
        response = client.get(f"{revised.url}{route}")
        assert response.status_code in (302, 403), route
        assert b"Offene Standards" not in response.content
        assert b"Schnittstellen" not in response.content


@pytest.mark.django_db
def test_preview_of_a_draft_claims_no_version(client, revised, administrator):
    page = reload(revised)
    page.title = "Entwurf"
    page.save_revision()
    client.force_login(administrator)
    response = client.get(f"/admin/pages/{page.pk}/edit/preview/")
    assert response.status_code == 200
    assert b"Fassung 1.1 vom" not in response.content


def text_with_versions(index_page, make, count: int):
    page = make(title=f"Text mit {count} Fassungen", body=factories.body(5, 10))
    for number in range(1, count):
        body = raw_body(page)
        body[number % len(body)]["value"] = f"<p>Neu gefasst in Runde {number}.</p>"
        if number % 3 == 0:
            body.append(paragraph(f"Ergänzung {number}."))
            body.append(heading(f"Abschnitt {number}"))
        kind = ChangeKind.MAJOR if number % 4 == 0 else ChangeKind.MINOR
        publish(page, f"Runde {number}.", kind, body=body)
    return reload(page)


# Routing, site, restrictions, navigation, page cache, versions: far below one per version.
VERSION_QUERY_BUDGET = 15  # the live text page also names its comment rounds (one query)


@pytest.mark.django_db
def test_version_pages_cost_the_same_queries_for_few_and_many_versions(
    client, strand, django_assert_max_num_queries, settings
):
    settings.PAGE_CACHE_ENABLED = False  # measure rendering, not the page cache
    few = text_with_versions(strand["index"], strand["make"], 2)
    many = text_with_versions(strand["index"], strand["make"], 25)
    assert Version.objects.of_page(many).count() == 25
    many_labels = [v.label for v in Version.objects.of_page(many).newest_first()]
    client.get(few.url)  # warm per-process caches

    def count(url: str) -> int:
        with CaptureQueriesContext(connection) as context:
            assert Client().get(url).status_code == 200
        return len(context.captured_queries)

    for route_few, route_many in [
        ("fassungen/", "fassungen/"),
        ("fassungen/1.0/", f"fassungen/{many_labels[-1]}/"),
        ("fassungen/1.0/vergleich/1.1/", f"fassungen/1.0/vergleich/{many_labels[0]}/"),
        ("", ""),
    ]:
        with django_assert_max_num_queries(VERSION_QUERY_BUDGET):
            Client().get(f"{many.url}{route_many}")
        assert count(f"{few.url}{route_few}") == count(f"{many.url}{route_many}"), route_many
