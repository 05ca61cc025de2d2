"""Anonymous readers get cached pages; nobody gets a page rendered for someone else."""

import pytest
from wagtail.models import PageViewRestriction

from tests import factories


@pytest.fixture
def principle(mission_index):
    return factories.mission_page(mission_index, title="Offene Standards")


@pytest.mark.django_db
def test_second_anonymous_read_comes_from_the_cache(client, principle, django_assert_num_queries):
    first = client.get(principle.url)
    assert first["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second = client.get(principle.url)
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert "public" in second["Cache-Control"] and "max-age=60" in second["Cache-Control"]
    assert "Cookie" in second["Vary"]


@pytest.mark.django_db
def test_publishing_replaces_cached_pages(client, principle):
    client.get(principle.url)
    client.get("/leitbild/")
    principle.title = "Offene Standards, überarbeitet"
    principle.change_note = "Titel geschärft."
    principle.save_revision().publish()

    page = client.get(principle.url)
    assert page["X-Cache"] == "MISS"
    assert "Offene Standards, überarbeitet" in page.content.decode()
    assert "Offene Standards, überarbeitet" in client.get("/leitbild/").content.decode()


@pytest.mark.django_db
def test_unpublished_moved_and_restricted_pages_leave_the_cache(
    client, principle, guidance_index, mission_index
):
    second = factories.mission_page(mission_index, title="Datensouveränität")
    assert client.get(second.url).status_code == 200
    second.unpublish()
    assert client.get("/leitbild/datensouveranitat/").status_code == 404

    client.get(principle.url)
    PageViewRestriction.objects.create(page=principle, restriction_type="login")
    assert client.get(principle.url).status_code == 302
    assert "Offene Standards" not in client.get("/leitbild/").content.decode()


@pytest.mark.django_db
def test_signed_in_readers_never_get_or_fill_the_cache(client, principle, django_user_model):
    client.get(principle.url)  # cached for anonymous readers
    user = django_user_model.objects.create_user("leser", "leser@example.org", "geheim-123456")
    client.force_login(user)
    response = client.get(principle.url)
    assert "X-Cache" not in response
    assert "private" in response["Cache-Control"]

    client.logout()
    other = client.get("/leitbild/")
    assert "leser" not in other.content.decode()


@pytest.mark.django_db
def test_responses_that_set_cookies_are_not_cached(client, home):
    # The feedback form carries a CSRF token, so its page sets a cookie.
    first = client.get("/barrierefreiheit/")
    assert first.cookies
    assert "X-Cache" not in first
    assert "X-Cache" not in client.get("/barrierefreiheit/")


@pytest.mark.django_db
def test_operational_and_admin_paths_are_not_cached(client, home):
    for path in ["/healthz", "/readyz", "/admin/login/"]:
        client.get(path)
        assert "X-Cache" not in client.get(path)
