"""Nothing of the member-only area reaches anyone without access, by any channel.

Each test first shows the content exists (a member sees it), then that the
public channel does not carry it: search, API v2, sitemap, home page, menus,
feeds, robots.txt and the text pages' discussion links.
"""

import json

import pytest

from tests import factories

SECRET = "Geheimhaltungsstufe"


@pytest.fixture
def secret_discussion(area, member, mission_index):
    text_page = factories.mission_page(mission_index, title="Offene Standards")
    room = factories.room(
        area,
        title=f"Raum {SECRET}",
        description=f"Beschreibung {SECRET}",
        related_page=text_page,
    )
    thread = factories.thread(room, member, title=f"Thema {SECRET}", text=f"Beitrag {SECRET}")
    return {"room": room, "thread": thread, "text_page": text_page}


def assert_no_secret(html: str) -> None:
    """No room, thread or post; the search term itself may be echoed back."""
    for kind in ["Raum", "Beschreibung", "Thema", "Beitrag"]:
        assert f"{kind} {SECRET}" not in html
    assert "/diskussion/" not in html


@pytest.mark.django_db
def test_a_member_does_see_the_secret(as_user, member, secret_discussion):
    html = as_user(member).get(secret_discussion["thread"].get_absolute_url()).content.decode()
    assert html.count(SECRET) >= 3


@pytest.mark.django_db
@pytest.mark.parametrize("role", [None, "registered"])
def test_search_never_lists_the_area(request, as_user, secret_discussion, role):
    client = as_user(request.getfixturevalue(role) if role else None)
    for query in [SECRET, "Diskussion", "Raum"]:
        response = client.get("/suche/", {"q": query})
        assert response.status_code == 200
        assert_no_secret(response.content.decode())


@pytest.mark.django_db
def test_search_does_not_list_the_area_even_for_members(as_user, member, secret_discussion):
    """Public search covers public content; members find discussions inside the area."""
    html = as_user(member).get("/suche/", {"q": SECRET}).content.decode()
    assert "0 Treffer" in html


@pytest.mark.django_db
@pytest.mark.parametrize("role", [None, "registered", "member"])
def test_the_api_lists_no_discussion_pages(request, as_user, secret_discussion, role):
    client = as_user(request.getfixturevalue(role) if role else None)
    listing = client.get("/api/v2/pages/", {"limit": 100})
    assert listing.status_code == 200
    assert_no_secret(listing.content.decode())
    for page_type in ["discussions.DiscussionIndexPage", "discussions.DiscussionRoomPage"]:
        response = client.get("/api/v2/pages/", {"type": page_type})
        assert response.status_code == 200
        assert json.loads(response.content)["meta"]["total_count"] == 0
    room = secret_discussion["room"]
    assert client.get(f"/api/v2/pages/{room.pk}/").status_code == 404
    assert_no_secret(client.get("/api/v2/pages/", {"search": SECRET}).content.decode())


@pytest.mark.django_db
def test_the_sitemap_leaves_the_area_out(client, secret_discussion):
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>" in xml  # public pages are there
    assert_no_secret(xml)


@pytest.mark.django_db
def test_discussion_pages_keep_out_of_the_sitemap_without_privacy(client, secret_discussion):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.all().delete()
    assert "/diskussion/" not in client.get("/sitemap.xml").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("role", [None, "registered"])
def test_home_page_and_menus_show_nothing_of_the_area(request, as_user, secret_discussion, role):
    client = as_user(request.getfixturevalue(role) if role else None)
    for url in ["/", "/leitbild/", secret_discussion["text_page"].url]:
        html = client.get(url).content.decode()
        assert_no_secret(html)
        assert "Diskussion zu diesem Text" not in html


@pytest.mark.django_db
def test_members_see_the_area_in_the_header_and_the_discussion_on_the_text(
    as_user, member, secret_discussion
):
    html = as_user(member).get(secret_discussion["text_page"].url).content.decode()
    assert 'href="/diskussion/"' in html  # header link
    assert "Diskussion zu diesem Text" in html
    assert secret_discussion["room"].url in html


@pytest.mark.django_db
def test_robots_txt_asks_crawlers_to_stay_out(client):
    assert "Disallow: /diskussion/" in client.get("/robots.txt").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/feeds/fassungen/", "/feeds/fassungen/leitbild/"])
def test_the_feeds_of_new_versions_carry_no_discussion(client, secret_discussion, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "<entry>" in response.content.decode()  # the public text is in it
    assert_no_secret(response.content.decode())
