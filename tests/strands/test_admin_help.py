"""The admin's help leads to our German editor guide, never to Wagtail's English one."""

import pytest
from django.urls import reverse

from tests import factories

WAGTAIL_GUIDE = "guide.wagtail.org"


@pytest.fixture
def admin_pages(mission_index):
    text = factories.mission_page(mission_index)
    return [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=[mission_index.pk]),
        reverse("wagtailadmin_pages:edit", args=[text.pk]),
        reverse("wagtailadmin_pages:add", args=["strands", "missionpage", mission_index.pk]),
        reverse("wagtailadmin_account"),
        reverse("organisationen:index"),
    ]


@pytest.mark.django_db
def test_no_admin_page_links_the_english_wagtail_guide(as_user, superuser, admin_pages):
    client = as_user(superuser)
    for url in admin_pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert WAGTAIL_GUIDE not in response.content.decode(), url


@pytest.mark.django_db
def test_help_menu_and_dashboard_link_the_german_editor_guide(as_user, superuser, mission_index):
    guide = reverse("editor_guide")
    dashboard = as_user(superuser).get(reverse("wagtailadmin_home")).content.decode()
    # The sidebar menu is JSON in the page; the dashboard's account box is plain HTML.
    assert '"name": "redaktionshandbuch", "label": "Redaktionshandbuch"' in dashboard
    assert f'"url": "{guide}"' in dashboard
    assert '"name": "editor-guide"' not in dashboard
    assert f'href="{guide}">Redaktionshandbuch</a>' in dashboard


@pytest.mark.django_db
def test_editor_guide_is_german_and_for_the_admin_only(client, as_user, registered, superuser):
    guide = reverse("editor_guide")
    assert client.get(guide).status_code == 302
    assert as_user(registered).get(guide).status_code == 302
    response = as_user(superuser).get(guide)
    html = response.content.decode()
    assert "<h1" in html and "Redaktionshandbuch" in html
    for section in ("freigabe", "fassungen", "kommentierung", "inhaltspruefung"):
        assert f'id="{section}"' in html


@pytest.mark.django_db
def test_content_checks_explain_with_the_german_guide(as_user, superuser, mission_index):
    text = factories.mission_page(mission_index)
    html = as_user(superuser).get(reverse("wagtailadmin_pages:edit", args=[text.pk])).content
    assert f'href="{reverse("editor_guide")}#inhaltspruefung"'.encode() in html
