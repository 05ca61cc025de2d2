"""The open-data API shows the versions of live, public pages only."""

import json

import pytest
from wagtail.models import PageViewRestriction

from tests import factories

from .helpers import publish, reload


def get(client, url: str, **params):
    response = client.get(url, params)
    return response.status_code, json.loads(response.content)


@pytest.mark.django_db
def test_text_pages_expose_current_version_and_version_list(client, strand, text_page):
    publish(text_page, "Absatz 1.2 präzisiert.")
    status, data = get(client, f"/api/v2/pages/{text_page.pk}/")
    assert status == 200
    assert data["current_version"]["label"] == "1.1"
    assert data["current_version"]["change_note"] == "Absatz 1.2 präzisiert."
    assert [v["label"] for v in data["versions"]] == ["1.1", "1.0"]
    first = data["versions"][1]
    assert first["html_url"].endswith(f"{reload(text_page).url}fassungen/1.0/")
    assert len(first["content_hash_sha256"]) == 64
    assert client.get(first["markdown_url"]).status_code == 200


@pytest.mark.django_db
def test_listing_can_ask_for_versions_by_type(client, strand, text_page):
    model = strand["model"]
    status, data = get(
        client,
        "/api/v2/pages/",
        type=f"strands.{model.__name__}",
        fields="current_version",
    )
    assert status == 200
    assert [item["current_version"]["label"] for item in data["items"]] == ["1.0"]


@pytest.mark.django_db
def test_no_drafts_or_restricted_versions_in_the_api(client, mission_index):
    public = factories.mission_page(mission_index, title="Öffentlich")
    restricted = factories.mission_page(mission_index, title="Intern")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    publish(restricted, "Interne Änderung.")
    draft = factories.draft_child(
        mission_index, factories.MissionPage(title="Entwurf", body=factories.body())
    )
    page = reload(public)
    page.title = "Unveröffentlichter Entwurfstitel"
    page.change_note = "Noch nicht freigegeben."
    page.save_revision()

    status, data = get(
        client, "/api/v2/pages/", type="strands.MissionPage", fields="current_version,versions"
    )
    assert status == 200
    body = json.dumps(data, ensure_ascii=False)
    assert "Öffentlich" in body
    for hidden in ("Intern", "Interne Änderung.", "Entwurf", "Noch nicht freigegeben."):
        assert hidden not in body
    for page in (restricted, draft):
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
