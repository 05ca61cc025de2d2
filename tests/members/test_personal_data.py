"""A member downloads their data and deletes their account; their posts stay, by organisation."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from discussions.models import DiscussionIndexPage, Post, Report, Subscription
from members.export import register, sections
from members.models import Membership
from members.services import request_membership
from tests import factories


@pytest.fixture
def discussion(home, member, other_member):
    room = factories.room(DiscussionIndexPage.objects.get())
    thread = factories.thread(room, member, title="Cloud-Strategie", text="Mein erster Beitrag.")
    factories.thread(room, other_member, title="Fremdes Thema", text="Nicht von Stefan.")
    Report.objects.create(
        post=Post.objects.get(text="Nicht von Stefan."), reporter=member, reason="thema"
    )
    return thread


def download(client) -> dict:
    response = client.get(reverse("members:export"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="kommunal-souveraen-meine-daten-'
    )
    assert "private" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    return json.loads(response.content)


@pytest.mark.django_db
def test_a_member_downloads_their_data(as_user, member, discussion):
    data = download(as_user(member))
    assert data["konto"]["vorname"] == "Stefan"
    assert data["konto"]["e_mail_adressen"] == [
        {"adresse": "s.neumann@musterhausen.example", "bestaetigt": True, "primaer": True}
    ]
    assert data["konto"]["rollen"] == ["Mitglieder"]
    assert data["mitgliedschaft"]["organisation"] == "Stadt Musterhausen"
    posts = data["diskussion"]["beitraege"]
    assert [post["text"] for post in posts] == ["Mein erster Beitrag."]
    assert posts[0]["organisation"] == "Stadt Musterhausen"
    assert data["diskussion"]["eroeffnete_themen"][0]["titel"] == "Cloud-Strategie"
    assert data["diskussion"]["abonnierte_themen"][0]["thema"] == "Cloud-Strategie"
    assert data["diskussion"]["meldungen"][0]["grund"] == "gehört nicht zum Thema"
    assert "Nicht von Stefan." not in json.dumps(data, ensure_ascii=False)


@pytest.mark.django_db
def test_the_export_includes_membership_requests(as_user, registered, organisation):
    request_membership(registered, organisation, "Bitte aufnehmen.")
    data = download(as_user(registered))
    assert data["mitgliedschaft"] is None
    assert data["mitgliedsantraege"][0]["nachricht"] == "Bitte aufnehmen."


@pytest.mark.django_db
def test_other_apps_contribute_sections_to_the_export(as_user, member):
    before = sections()
    register("kommentare", lambda user: [{"text": f"Kommentar von {user.first_name}"}])
    try:
        data = download(as_user(member))
    finally:
        import members.export

        members.export._sections = before
    assert data["kommentare"] == [{"text": "Kommentar von Stefan"}]


@pytest.mark.django_db
def test_the_export_needs_a_login(client):
    response = client.get(reverse("members:export"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_deleting_the_account_keeps_posts_attributed_to_the_organisation(
    as_user, mailbox, member, discussion
):
    client = as_user(member)
    page = client.get(reverse("members:delete")).content.decode()
    assert "Ihre Beiträge im Mitgliederbereich bleiben stehen" in page

    with mailbox.collect():
        response = client.post(
            reverse("members:delete"), {"confirm": "on", "password": factories.PASSWORD}
        )
    assert response.status_code == 302 and response["Location"] == "/"
    assert not get_user_model().objects.filter(email=member.email).exists()
    assert not EmailAddress.objects.filter(email=member.email).exists()
    assert not Membership.objects.filter(user_id=member.pk).exists()
    assert not Subscription.objects.filter(user_id=member.pk).exists()
    assert "_auth_user_id" not in client.session

    post = Post.objects.get(text="Mein erster Beitrag.")
    assert post.author is None and post.organisation.name == "Stadt Musterhausen"
    [mail] = mailbox.outbox
    assert mail.to == [member.email] and "gelöscht" in mail.subject

    reader = as_user(factories.member(post.organisation))
    html = reader.get(discussion.get_absolute_url()).content.decode()
    assert "Ehemaliges Mitglied" in html and "Stadt Musterhausen" in html
    assert "Stefan Neumann" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"password": factories.PASSWORD}, "Dieses Feld muss ausgefüllt werden."),
        ({"confirm": "on", "password": "falsch"}, "Das Passwort stimmt nicht."),
    ],
)
def test_deletion_needs_the_checkbox_and_the_password(as_user, member, data, message):
    response = as_user(member).post(reverse("members:delete"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert get_user_model().objects.filter(pk=member.pk).exists()


@pytest.mark.django_db
def test_deletion_needs_a_csrf_token(member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    response = client.post(
        reverse("members:delete"), {"confirm": "on", "password": factories.PASSWORD}
    )
    assert response.status_code == 403
    assert get_user_model().objects.filter(pk=member.pk).exists()


@pytest.mark.django_db
def test_password_guessing_on_the_deletion_form_is_rate_limited(as_user, member):
    client = as_user(member)
    for _attempt in range(10):
        client.post(reverse("members:delete"), {"confirm": "on", "password": "falsch"})
    response = client.post(
        reverse("members:delete"), {"confirm": "on", "password": factories.PASSWORD}
    )
    assert response.status_code == 429
    assert get_user_model().objects.filter(pk=member.pk).exists()


@pytest.mark.django_db
def test_administrators_do_not_delete_themselves(as_user, superuser):
    client = as_user(superuser)
    assert (
        "andere Person mit Administrationsrechten"
        in client.get(reverse("members:delete")).content.decode()
    )
    client.post(reverse("members:delete"), {"confirm": "on", "password": factories.PASSWORD})
    assert get_user_model().objects.filter(pk=superuser.pk).exists()


@pytest.mark.django_db
def test_the_audit_log_keeps_no_personal_data_of_a_deleted_account(as_user, member):
    from wagtail.models import ModelLogEntry

    as_user(member).post(
        reverse("members:delete"), {"confirm": "on", "password": factories.PASSWORD}
    )
    entry = ModelLogEntry.objects.get(action="members.account.delete")
    assert entry.label == f"Konto Nr. {member.pk}"
    assert "Neumann" not in entry.label and member.email not in entry.label
