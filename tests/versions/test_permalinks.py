"""Version permalinks survive moving and renaming the page: old paths redirect."""

import pytest
from django.test import TestCase
from wagtail.models import Page

from .helpers import publish, reload

ROUTES = ["fassungen/", "fassungen/1.0/", "fassungen/1.0/markdown/", "fassungen/1.0/vergleich/1.1/"]


def rename(page, slug: str):
    page = reload(page)
    page.slug = slug
    # Wagtail records the redirect when the transaction commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        page.save()
    return reload(page)


def move(page, new_parent):
    # Page types allow one index per strand; code may move anywhere, as a later
    # restructuring (sub-sections) would.
    with TestCase.captureOnCommitCallbacks(execute=True):
        Page.objects.get(pk=page.pk).move(Page.objects.get(pk=new_parent.pk), "last-child")
    return reload(page)


@pytest.mark.django_db
def test_old_version_paths_redirect_after_slug_change(client, text_page):
    publish(text_page, "Zweite Fassung.")
    old_url = reload(text_page).url
    new_url = rename(text_page, "neuer-name").url
    assert new_url != old_url

    for route in ROUTES:
        response = client.get(f"{old_url}{route}")
        assert response.status_code == 301, route
        assert response["Location"] == f"{new_url}{route}"
        assert client.get(response["Location"]).status_code == 200


@pytest.mark.django_db
def test_old_version_paths_redirect_after_move_and_second_rename(client, home, text_page):
    publish(text_page, "Zweite Fassung.")
    first_url = reload(text_page).url
    second_url = move(text_page, home).url
    final_url = rename(text_page, "endgueltig").url
    assert len({first_url, second_url, final_url}) == 3

    for old in (first_url, second_url):
        for route in ROUTES:
            response = client.get(f"{old}{route}")
            assert response.status_code == 301, (old, route)
            assert response["Location"] == f"{final_url}{route}"
    assert client.get(f"{final_url}fassungen/1.0/vergleich/1.1/").status_code == 200


@pytest.mark.django_db
def test_query_strings_survive_the_redirect(client, text_page):
    old_url = reload(text_page).url
    rename(text_page, "anders")
    response = client.get(f"{old_url}fassungen/vergleich/?von=1.0&bis=1.0")
    assert response["Location"].endswith("/anders/fassungen/vergleich/?von=1.0&bis=1.0")


@pytest.mark.django_db
def test_unknown_old_paths_and_unknown_versions_end_in_404(client, text_page):
    assert client.get("/leitbild/gibt-es-nicht/fassungen/1.0/").status_code == 404
    old_url = reload(text_page).url
    rename(text_page, "anders")
    # A well-formed label is passed on; the page's own route then answers 404.
    assert client.get(f"{old_url}fassungen/7.0/", follow=True).status_code == 404
    assert client.get(f"{old_url}fassungen/unbekannt/").status_code == 404


@pytest.mark.django_db
def test_old_paths_of_an_unpublished_page_do_not_redirect(client, text_page):
    old_url = reload(text_page).url
    rename(text_page, "anders").unpublish()
    assert client.get(f"{old_url}fassungen/1.0/").status_code == 404
