"""The demo (``manage.py load_demo``) has organisations, members and a lively discussion."""

from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.test import Client

from demo.accounts import DEMO_ACCOUNTS
from discussions.models import DiscussionRoomPage, Post, Report, Thread
from members.models import Membership, MembershipRequest, Organisation


def account(role: str):
    return next(item for item in DEMO_ACCOUNTS if item.role == role)


def logged_in(role: str) -> Client:
    demo = account(role)
    client = Client(HTTP_HOST="localhost")
    assert client.login(username=demo.email, password=demo.password)
    return client


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())


@pytest.mark.django_db
def test_the_demo_has_organisations_members_and_discussions(demo):
    assert Organisation.objects.count() >= 6
    musterhausen = Organisation.objects.get(name="Stadt Musterhausen")
    assert musterhausen.domains.filter(domain="musterhausen.example").exists()
    assert Membership.objects.get(user__email=account("Mitglied").email).organisation == (
        musterhausen
    )
    assert Membership.objects.filter(user__email=account("Moderation").email).exists()
    assert not Membership.objects.filter(user__email=account("Redaktion Leitbild").email).exists()
    assert MembershipRequest.objects.pending().count() == 1

    assert DiscussionRoomPage.objects.live().count() >= 3
    assert Thread.objects.count() >= 5
    assert Post.objects.count() >= 25
    organisations_in_talk = set(Post.objects.values_list("organisation__name", flat=True))
    assert len(organisations_in_talk) >= 5
    assert Post.objects.filter(hidden=True).exists()
    assert Thread.objects.filter(locked=True).exists()
    assert Report.objects.open().exists()
    assert DiscussionRoomPage.objects.filter(related_page__isnull=False).exists()


@pytest.mark.django_db
def test_loading_the_demo_twice_changes_nothing_in_the_discussion(demo):
    before = (Organisation.objects.count(), Thread.objects.count(), Post.objects.count())
    output = StringIO()
    call_command("load_demo", stdout=output)
    assert (Organisation.objects.count(), Thread.objects.count(), Post.objects.count()) == before
    assert "davon 0 neu angelegt" in output.getvalue()


@pytest.mark.django_db
def test_the_demo_writes_its_discussion_as_history_without_mail_to_followers(db):
    with mock.patch("discussions.services.notify_after_commit") as notify:
        call_command("load_demo", stdout=StringIO())
    assert Post.objects.count() > Thread.objects.count()
    notify.assert_not_called()


@pytest.mark.django_db
def test_every_discussion_page_renders_for_the_demo_member(demo):
    client = logged_in("Mitglied")
    urls = ["/diskussion/"] + [room.url for room in DiscussionRoomPage.objects.live()]
    urls += [thread.get_absolute_url() for thread in Thread.objects.select_related("room")]
    assert {url: client.get(url).status_code for url in urls} == dict.fromkeys(urls, 200)


@pytest.mark.django_db
def test_the_demo_non_member_is_turned_away(demo):
    client = logged_in("Registriert, kein Mitglied")
    assert client.get("/diskussion/").status_code == 403
