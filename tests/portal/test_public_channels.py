"""Only live, public pages reach anonymous readers, through every channel."""

import json

import pytest
from wagtail.models import PageViewRestriction

from legal.models import LegalPage
from portal.page_tree import publish_child
from strands.models import GuidancePage
from tests import factories


@pytest.fixture
def content(mission_index, guidance_index):
    """A public page, a draft and a page restricted to logged-in users, in each strand."""
    public = factories.mission_page(mission_index, title="Souveränität öffentlich")
    draft = factories.draft_child(
        guidance_index,
        GuidancePage(
            title="Souveränität Entwurf",
            summary="Unveröffentlichter Entwurf",
            body=factories.body(prefix="Entwurfsabsatz"),
        ),
    )
    restricted = factories.mission_page(mission_index, title="Souveränität intern")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    return {"public": public, "draft": draft, "restricted": restricted}


@pytest.mark.django_db
def test_search_finds_public_pages_only(client, content):
    html = client.get("/suche/", {"q": "Souveränität"}).content.decode()
    assert "Souveränität öffentlich" in html
    assert "Souveränität Entwurf" not in html
    assert "Souveränität intern" not in html


@pytest.mark.django_db
def test_search_never_shows_a_draft_even_by_its_body_text(client, content):
    html = client.get("/suche/", {"q": "Entwurfsabsatz"}).content.decode()
    assert "0 Treffer" in html
    assert "Souveränität Entwurf" not in html


@pytest.mark.django_db
def test_search_labels_results_with_their_strand_and_filters_by_strand(
    client, content, guidance_index
):
    factories.guidance_page(guidance_index, title="Souveränität in der Beschaffung")
    html = client.get("/suche/", {"q": "Souveränität"}).content.decode()
    assert 'strand-label--leitbild">Leitbild<' in html
    assert 'strand-label--handlungshilfen">Handlungshilfen<' in html

    only_guidance = client.get("/suche/", {"q": "Souveränität", "strang": "handlungshilfen"})
    body = only_guidance.content.decode()
    assert "Souveränität in der Beschaffung" in body
    assert "Souveränität öffentlich" not in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        '"',
        "'",
        '"Souveränität',
        "\x00",
        "a\x00b",
        "*",
        "OR",
        "NOT -",
        "(",
        ")",
        "^",
        ":" * 300,
        "ä" * 5000,
        "<script>alert(1)</script>",
        "%",
        "\\",
        "NEAR(",
        "{}",
    ],
)
def test_bad_search_queries_give_a_normal_page(client, content, query):
    response = client.get("/suche/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.django_db
def test_search_pagination_and_bad_page_numbers(client, mission_index):
    for number in range(12):
        factories.mission_page(mission_index, title=f"Interoperabilität {number}")
    first = client.get("/suche/", {"q": "Interoperabilität"}).content.decode()
    assert "12 Treffer" in first and "Seite 1 von 2" in first
    assert client.get("/suche/", {"q": "Interoperabilität", "seite": "x"}).status_code == 200
    assert client.get("/suche/", {"q": "Interoperabilität", "seite": "999"}).status_code == 200


@pytest.mark.django_db
def test_sitemap_lists_public_pages_only(client, content):
    xml = client.get("/sitemap.xml").content.decode()
    assert content["public"].url in xml
    assert "/leitbild/" in xml and "/handlungshilfen/" in xml
    assert content["draft"].slug not in xml
    assert content["restricted"].slug not in xml


@pytest.mark.django_db
def test_api_lists_public_pages_only(client, content):
    data = json.loads(client.get("/api/v2/pages/", {"limit": 100}).content)
    titles = {item["title"] for item in data["items"]}
    assert "Souveränität öffentlich" in titles
    assert not titles & {"Souveränität Entwurf", "Souveränität intern"}
    assert client.get(f"/api/v2/pages/{content['draft'].pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{content['restricted'].pk}/").status_code == 404


@pytest.mark.django_db
def test_restricted_and_draft_pages_are_not_served_to_anonymous_readers(client, content):
    assert client.get(content["public"].url).status_code == 200
    assert client.get(f"/handlungshilfen/{content['draft'].slug}/").status_code == 404
    response = client.get(content["restricted"].url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    listing = client.get("/leitbild/").content.decode()
    assert "Souveränität intern" not in listing


@pytest.mark.django_db
def test_footer_links_every_legal_page_and_follows_publishing(client, home):
    html = client.get("/").content.decode()
    for path in ["/impressum/", "/datenschutz/", "/barrierefreiheit/", "/leichte-sprache/"]:
        assert f'href="{path}"' in html
    page = publish_child(
        home, LegalPage(title="Nutzungsbedingungen", slug="nutzung", body="<p>Regeln</p>")
    )
    assert 'href="/nutzung/"' in client.get("/leitbild/").content.decode()
    page.unpublish()
    assert 'href="/nutzung/"' not in client.get("/leitbild/").content.decode()


@pytest.mark.django_db
def test_menu_marks_the_current_strand(client, content):
    html = client.get(content["public"].url).content.decode()
    assert 'href="/leitbild/" aria-current="true"' in html
    assert 'href="/leitbild/" aria-current="page"' in client.get("/leitbild/").content.decode()


@pytest.mark.django_db
def test_home_page_shows_public_texts_only(client, content):
    html = client.get("/").content.decode()
    assert "Souveränität öffentlich" in html
    assert "Souveränität Entwurf" not in html
    assert "Souveränität intern" not in html
