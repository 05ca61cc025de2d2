"""Who runs rounds on and edits a strand follows the groups' page permissions as an
administrator sets them in Einstellungen → Gruppen, for both strands alike.

Rounds ask ``can_run_rounds_on``/``pages_for_rounds``; versions have no rule of their
own: a new version comes from editing and publishing the page in the admin, which
Wagtail allows by the same page permissions.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page
from wagtail.test.utils.form_data import querydict_from_html

from members.roles import EDITOR_PAGE_PERMISSIONS
from rounds.permissions import can_run_rounds_on, pages_for_rounds
from strands.choices import Strand
from strands.registry import STRANDS, entry_for
from tests import factories

PREFIX = "page_permissions"


def fresh(user):
    """The user as the next request loads it: Django and Wagtail cache rights on the object."""
    return get_user_model().objects.get(pk=user.pk)


def group_form(client, group: Group) -> tuple[str, dict[str, list[str]]]:
    url = reverse("wagtailusers_groups:edit", args=[group.pk])
    form = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    # As lists: the test client would post only the last of several ticked boxes.
    return url, {key: form.getlist(key) for key in form}


def save_group_form(client, url: str, form: dict[str, list[str]]) -> None:
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]


def remove_page_permissions_in_admin(client, group: Group, page: Page) -> None:
    """Delete the group's permission record for ``page``, as the admin's "Löschen" does."""
    url, form = group_form(client, group)
    (row,) = [
        key.removesuffix("-page")
        for key, value in form.items()
        if key.startswith(f"{PREFIX}-") and key.endswith("-page") and value == [str(page.pk)]
    ]
    form[f"{row}-DELETE"] = ["on"]
    save_group_form(client, url, form)


def grant_page_permissions_in_admin(client, group: Group, page: Page, codenames) -> None:
    """Add a permission record for ``page`` with ``codenames`` ticked."""
    url, form = group_form(client, group)
    row = int(form[f"{PREFIX}-TOTAL_FORMS"][0])
    form[f"{PREFIX}-TOTAL_FORMS"] = [str(row + 1)]
    form[f"{PREFIX}-{row}-page"] = [str(page.pk)]
    form[f"{PREFIX}-{row}-permissions"] = list(codenames)
    save_group_form(client, url, form)


def text_of(entry, title: str) -> Page:
    index = entry.index_model.objects.get()
    return factories.draft_child(
        index, entry.text_models[0](title=title, body=factories.body(1, 2))
    )


def rights(client, user, text: Page) -> dict[str, bool]:
    """What ``user`` may do with ``text``: in rounds, and in the admin that makes versions."""
    user = fresh(user)
    client.force_login(user)
    edit_view = client.get(reverse("wagtailadmin_pages:edit", args=[text.pk]))
    return {
        "runs rounds (rule)": can_run_rounds_on(user, text),
        "runs rounds (list)": text.pk in [page.pk for page in pages_for_rounds(user)],
        "edits the text (page permissions)": text.permissions_for_user(user).can_edit(),
        "edits the text (admin edit view)": edit_view.status_code == 200,
    }


def everything(value: bool):
    return dict.fromkeys(
        [
            "runs rounds (rule)",
            "runs rounds (list)",
            "edits the text (page permissions)",
            "edits the text (admin edit view)",
        ],
        value,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("strand", [strand.value for strand in Strand])
def test_rounds_and_versions_follow_the_group_permissions_set_in_the_admin(
    client, admin_client, home, strand
):
    entry = entry_for(strand)
    (other,) = [candidate for candidate in STRANDS if candidate is not entry]
    own_text, other_text = text_of(entry, "Eigener Text"), text_of(other, "Fremder Text")
    editors = Group.objects.get(name=entry.editor_role)
    editor = factories.user(f"redaktion-{strand}@example.org", groups=(entry.editor_role,))

    assert rights(client, editor, own_text) == everything(True)
    assert rights(client, editor, other_text) == everything(False)

    own_index = entry.index_model.objects.get()
    remove_page_permissions_in_admin(admin_client, editors, own_index)

    assert not GroupPagePermission.objects.filter(group=editors, page=own_index).exists()
    assert rights(client, editor, own_text) == everything(False)
    assert pages_for_rounds(fresh(editor)) == []

    grant_page_permissions_in_admin(
        admin_client, editors, other.index_model.objects.get(), EDITOR_PAGE_PERMISSIONS
    )

    assert rights(client, editor, other_text) == everything(True)
    assert rights(client, editor, own_text) == everything(False)
    assert [page.pk for page in pages_for_rounds(fresh(editor))] == [other_text.pk]
    # Publishing stays with the approvers, wherever the editors work.
    assert not other_text.permissions_for_user(fresh(editor)).can_publish()
