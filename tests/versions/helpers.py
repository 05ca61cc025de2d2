"""Helpers for the version tests: publishing a change the way the admin does."""

import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from tests.strands.test_text_pages import body_form_data
from versions.choices import ChangeKind
from versions.models import Version


def user(email: str, *roles: str, superuser: bool = False):
    account = get_user_model().objects.create_user(
        username=email,
        email=email,
        password="Passwort-fuer-Tests-1",  # noqa: S106
        is_superuser=superuser,
        is_staff=superuser,
    )
    account.groups.set([Group.objects.get(name=role) for role in roles])
    return account


def reload(page):
    return page.specific_class.objects.get(pk=page.pk)


def publish(page, note: str = "", kind: str = ChangeKind.MINOR, user=None, **fields) -> Version:
    """Publish a new revision of ``page`` with ``fields`` changed; returns the new version."""
    page = reload(page)
    for name, value in fields.items():
        setattr(page, name, value)
    page.change_note = note
    page.change_kind = kind
    page.save_revision(user=user).publish(user=user)
    return Version.objects.of_page(page).newest_first().get(revision=reload(page).live_revision)


def paragraph(text: str, block_id: str | None = None) -> dict:
    return {"type": "paragraph", "value": f"<p>{text}</p>", "id": block_id or str(uuid.uuid4())}


def heading(text: str, block_id: str | None = None) -> dict:
    return {"type": "heading", "value": text, "id": block_id or str(uuid.uuid4())}


def raw_body(page) -> list[dict]:
    return reload(page).body.get_prep_value()


def edit_form(client, page, **fields) -> tuple[str, dict]:
    """The admin edit URL of ``page`` and its form data as the editor would post it."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    form = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    form.update(body_form_data(reload(page), {}))
    form.update(fields)
    return url, form
