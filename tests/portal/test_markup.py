"""Markup machines read: valid <time datetime>, the Site behind absolute URLs, and
the page description for search engines."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Site

from discussions.models import DiscussionIndexPage
from home.site_tree import ensure_site_tree
from rounds.models import Comment, CommentRound
from strands.models import MissionIndexPage
from tests import factories
from tests.rounds.conftest import paragraph
from tests.versions.helpers import publish

pytestmark = pytest.mark.django_db

DATETIME_ATTRIBUTE = re.compile(r'datetime="([^"]*)"')
# HTML's "valid global date and time string", to the second: fractions are allowed
# only as 1–3 digits, and we write none.
VALID_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")


def datetimes(html: str) -> list[str]:
    return DATETIME_ATTRIBUTE.findall(html)


@pytest.fixture
def text_page(mission_index):
    """A text in versions 1.0 and 1.1."""
    page = factories.mission_page(mission_index, title="Offene Standards")
    publish(page, note="Kleine Korrektur", summary="Warum offene Standards zählen.")
    return page


@pytest.fixture
def released_round(text_page, member):
    now = timezone.now()
    comment_round = CommentRound.freeze(
        text_page, opens_at=now - timedelta(days=9), closes_at=now - timedelta(days=1)
    )
    comment_round.save()
    Comment.objects.create(
        round=comment_round,
        block_id=paragraph(comment_round, "1.1").id,
        text="Bitte offene Schnittstellen nennen.",
        author=member,
        organisation=member.membership.organisation,
    )
    comment_round.released_at = now
    comment_round.save()
    return comment_round


def test_public_pages_write_datetimes_without_microseconds(client, text_page, released_round):
    pages_with_times = {
        "Startseite": "/",
        "Text": text_page.url,
        "Fassungen": f"{text_page.url}fassungen/",
        "Fassung": f"{text_page.url}fassungen/1.0/",
        "Vergleich": f"{text_page.url}fassungen/1.0/vergleich/1.1/",
    }
    for name, url in pages_with_times.items():
        response = client.get(url)
        assert response.status_code == 200, name
        found = datetimes(response.content.decode())
        assert found, f"{name}: kein datetime-Attribut"
        assert all(VALID_DATETIME.match(value) for value in found), (name, found)


def test_the_disposition_table_writes_no_invalid_datetime(client, released_round):
    response = client.get(released_round.get_url())
    assert "Abwägungstabelle" in response.content.decode()
    assert all(VALID_DATETIME.match(value) for value in datetimes(response.content.decode()))


def test_discussion_pages_write_datetimes_without_microseconds(as_user, member, home):
    room = factories.room(DiscussionIndexPage.objects.get())
    thread = factories.thread(room, member, replies=2)
    client = as_user(member)
    for url in (room.get_parent().url, room.url, thread.get_absolute_url()):
        found = datetimes(client.get(url).content.decode())
        assert found, url
        assert all(VALID_DATETIME.match(value) for value in found), (url, found)


@pytest.mark.parametrize(
    ("base_url", "hostname", "port"),
    [
        ("http://127.0.0.1:8000", "127.0.0.1", 8000),
        ("https://kommunal-souveraen.example", "kommunal-souveraen.example", 443),
        ("http://localhost:8080/", "localhost", 8080),
        ("http://portal.example", "portal.example", 80),
    ],
)
def test_setup_site_gives_the_default_site_the_configured_base_url(
    settings, base_url, hostname, port
):
    ensure_site_tree()  # as an earlier installation left it
    Site.objects.update(hostname="localhost", port=80)
    settings.WAGTAILADMIN_BASE_URL = base_url

    call_command("setup_site", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("setup_site", stdout=open("/dev/null", "w"))  # noqa: SIM115

    site = Site.objects.get()
    assert (site.hostname, site.port, site.is_default_site) == (hostname, port, True)
    assert site.root_url == base_url.rstrip("/")


def test_api_html_url_uses_the_base_url(client, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://kommunal-souveraen.example"
    ensure_site_tree()
    page = factories.mission_page(MissionIndexPage.objects.get(), title="Offene Standards")

    response = client.get("/api/v2/pages/", {"type": "strands.MissionPage"})

    [item] = response.json()["items"]
    assert item["meta"]["html_url"] == f"https://kommunal-souveraen.example{page.url}"


def meta_description(html: str) -> list[str]:
    return re.findall(r'<meta name="description" content="([^"]*)">', html)


def test_a_text_page_describes_itself_by_its_summary_escaped(client, mission_index):
    page = factories.mission_page(
        mission_index, title="Schnittstellen", summary='Offene "Standards" & <Schnittstellen>'
    )
    html = client.get(page.url).content.decode()
    assert meta_description(html) == ["Offene &quot;Standards&quot; &amp; &lt;Schnittstellen&gt;"]


def test_the_editors_search_description_comes_first(client, mission_index):
    page = factories.mission_page(
        mission_index, summary="Kurzfassung", search_description="Für Suchmaschinen"
    )
    assert meta_description(client.get(page.url).content.decode()) == ["Für Suchmaschinen"]


def test_an_index_page_describes_itself_by_its_intro_as_plain_text(client, mission_index):
    mission_index.intro = "<p>Grundsätze <b>für</b> Städte &amp; Kreise</p>"
    mission_index.save_revision().publish()
    html = client.get(mission_index.url).content.decode()
    assert meta_description(html) == ["Grundsätze für Städte &amp; Kreise"]
