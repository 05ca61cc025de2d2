"""In the admin, versions can be listed and inspected, never edited or deleted."""

import pytest
from django.contrib.messages import get_messages
from django.urls import NoReverseMatch, reverse
from wagtail.models import Page

from versions.models import Version
from versions.permissions import ReadOnlyVersionPolicy

from .helpers import publish, reload, user


@pytest.fixture
def version(text_page):
    publish(text_page, "Zweite Fassung.")
    return Version.objects.of_page(text_page).get(major=1, minor=0)


@pytest.fixture(params=["administrator", "approver", "editor"])
def staff(request, administrator, approver, editor):
    return {"administrator": administrator, "approver": approver, "editor": editor}[request.param]


@pytest.mark.django_db
def test_admin_users_list_and_inspect_versions(client, staff, version):
    client.force_login(staff)
    listing = client.get("/admin/fassungen/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Offene Standards" in html and "Zweite Fassung." in html
    assert f'href="/admin/fassungen/inspect/{version.pk}/"' in html
    for forbidden in (
        "/admin/fassungen/edit/",
        "/admin/fassungen/delete/",
        "/admin/fassungen/new/",
    ):
        assert forbidden not in html
    inspect = client.get(f"/admin/fassungen/inspect/{version.pk}/")
    assert inspect.status_code == 200
    assert version.content_hash in inspect.content.decode()


@pytest.mark.django_db
def test_no_admin_path_edits_or_deletes_a_version(client, administrator, version):
    client.force_login(administrator)
    for path in [
        f"/admin/fassungen/edit/{version.pk}/",
        f"/admin/fassungen/delete/{version.pk}/",
        f"/admin/fassungen/copy/{version.pk}/",
        f"/admin/fassungen/history/{version.pk}/",
        "/admin/fassungen/new/",
    ]:
        assert client.get(path).status_code == 404, path
        assert client.post(path, {"title": "Geschönt"}).status_code == 404, path
    # Bulk actions have no registration for versions.
    bulk = client.post("/admin/bulk/versions/version/delete/", {"id": [version.pk]}, follow=False)
    assert bulk.status_code == 404
    for name in ("edit", "delete", "add", "copy"):
        with pytest.raises(NoReverseMatch):
            reverse(f"fassungen:{name}", args=[version.pk] if name != "add" else [])
    version.refresh_from_db()
    assert (version.title, version.label) == ("Offene Standards", "1.0")


@pytest.mark.django_db
def test_permission_policy_refuses_every_write_even_to_administrators(administrator, approver):
    policy = ReadOnlyVersionPolicy(Version)
    for account in (administrator, approver):
        assert policy.user_has_permission(account, "view")
        for action in ("add", "change", "delete"):
            assert not policy.user_has_permission(account, action)
    assert not policy.users_with_any_permission(["change", "delete"]).exists()


@pytest.mark.django_db
def test_members_and_anonymous_visitors_do_not_see_the_admin_listing(client, home, version):
    assert client.get("/admin/fassungen/").status_code == 302
    client.force_login(user("mitglied@example.org", "Mitglieder"))
    response = client.get("/admin/fassungen/")
    assert response.status_code in (302, 403)


@pytest.mark.django_db
def test_deleting_a_page_with_versions_is_refused_with_a_message(client, administrator, version):
    client.force_login(administrator)
    page = version.page
    url = reverse("wagtailadmin_pages:delete", args=[page.pk])
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 302
        messages = [str(m) for m in get_messages(response.wsgi_request)]
        assert any("kann nicht gelöscht werden" in m for m in messages)
    assert Page.objects.filter(pk=page.pk).exists()

    # Nor its strand index, which has it below.
    index_url = reverse("wagtailadmin_pages:delete", args=[page.get_parent().pk])
    assert client.post(index_url).status_code == 302
    assert Page.objects.filter(pk=page.get_parent().pk).exists()


@pytest.mark.django_db
def test_bulk_delete_and_bulk_publish_of_versioned_texts_are_refused(
    client, administrator, version
):
    client.force_login(administrator)
    page = reload(version.page)
    page.title = "Sammelweise"
    page.change_note = "Sammelveröffentlichung."
    page.save_revision()
    for action in ("delete", "publish"):
        url = (
            reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
            + f"?id={page.pk}&next=/admin/pages/{page.get_parent().pk}/"
        )
        response = client.post(url, {"include_descendants": ""})
        assert response.status_code == 302, action
        messages = " ".join(str(m) for m in get_messages(response.wsgi_request))
        # Wagtail's reference index may already refuse to delete a page that versions
        # protect; otherwise our hook explains why.
        assert "Nichts" in messages or (action == "delete" and "keinen Zugang" in messages)
    assert Page.objects.filter(pk=page.pk).exists()
    assert reload(page).title == "Offene Standards"
    assert Version.objects.of_page(page).count() == 2
