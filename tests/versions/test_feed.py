"""Atom feeds of new versions: valid Atom, public versions only."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction

from tests import factories

from .helpers import publish, reload

ATOM = "{http://www.w3.org/2005/Atom}"


def parse(response) -> ET.Element:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)  # noqa: S314 - our own response, in a test


def entry_titles(feed: ET.Element) -> list[str]:
    return [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]


@pytest.fixture
def content(mission_index, guidance_index):
    principle = factories.mission_page(mission_index, title="Offene Standards")
    publish(principle, "Abschnitt 2 ergänzt.")
    guidance = factories.guidance_page(guidance_index, title="Vergabe")
    restricted = factories.mission_page(mission_index, title="Interner Grundsatz")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    withdrawn = factories.mission_page(mission_index, title="Zurückgezogen")
    reload(withdrawn).unpublish()
    draft = factories.draft_child(
        mission_index, factories.MissionPage(title="Entwurf", body=factories.body())
    )
    return {"principle": principle, "guidance": guidance, "draft": draft}


@pytest.mark.django_db
def test_feed_is_valid_atom_with_the_required_elements(client, content):
    feed = parse(client.get("/feeds/fassungen/"))
    assert feed.tag == f"{ATOM}feed"
    for element in ("id", "title", "updated"):
        assert feed.findtext(f"{ATOM}{element}"), element
    assert feed.find(f"{ATOM}author/{ATOM}name").text
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links["self"].endswith("/feeds/fassungen/")
    entries = list(feed.iter(f"{ATOM}entry"))
    assert entries
    ids = set()
    for entry in entries:
        for element in ("id", "title", "updated"):
            assert entry.findtext(f"{ATOM}{element}"), element
        ids.add(entry.findtext(f"{ATOM}id"))
        href = entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        assert client.get(href).status_code == 200
    assert len(ids) == len(entries)


@pytest.mark.django_db
def test_feed_lists_new_versions_with_change_notes(client, content):
    feed = parse(client.get("/feeds/fassungen/"))
    titles = entry_titles(feed)
    assert titles.index("Offene Standards – Fassung 1.1") < titles.index(
        "Offene Standards – Fassung 1.0"
    )  # newest first
    newest = next(
        entry
        for entry in feed.iter(f"{ATOM}entry")
        if entry.findtext(f"{ATOM}title") == "Offene Standards – Fassung 1.1"
    )
    assert "Abschnitt 2 ergänzt." in newest.findtext(f"{ATOM}summary")
    assert newest.find(f"{ATOM}link").get("href").endswith("/offene-standards/fassungen/1.1/")


@pytest.mark.django_db
def test_feed_leaves_out_restricted_unpublished_and_draft_pages(client, content):
    body = client.get("/feeds/fassungen/").content.decode()
    assert "Offene Standards" in body and "Vergabe" in body
    for hidden in ("Interner Grundsatz", "Zurückgezogen", "Entwurf"):
        assert hidden not in body


@pytest.mark.django_db
def test_each_strand_has_its_own_feed(client, content):
    mission = entry_titles(parse(client.get("/feeds/fassungen/leitbild/")))
    guidance = entry_titles(parse(client.get("/feeds/fassungen/handlungshilfen/")))
    assert "Offene Standards – Fassung 1.1" in mission
    assert not any(title.startswith("Vergabe") for title in mission)
    assert guidance == ["Vergabe – Fassung 1.0"]
    assert client.get("/feeds/fassungen/unbekannt/").status_code == 404


@pytest.mark.django_db
def test_entry_ids_stay_the_same_when_a_page_moves(client, content):
    def ids():
        feed = parse(client.get("/feeds/fassungen/leitbild/"))
        return {entry.findtext(f"{ATOM}id") for entry in feed.iter(f"{ATOM}entry")}

    before = ids()
    page = reload(content["principle"])
    page.slug = "offene-standards-neu"
    page.save()
    assert ids() == before


@pytest.mark.django_db
def test_every_page_links_the_feed(client, content):
    html = client.get("/").content.decode()
    assert 'type="application/atom+xml"' in html and 'href="/feeds/fassungen/"' in html
