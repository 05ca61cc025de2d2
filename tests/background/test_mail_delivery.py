"""The production mail path against a real SMTP server process (aiosmtpd on loopback).

Rendered in the request, queued after commit, built and sent by the task through
Django's SMTP backend: what arrives is what a mail server of a municipality gets.
"""

import io
import re
from datetime import timedelta
from email.header import decode_header, make_header

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from discussions.models import DiscussionIndexPage, Subscription
from members.mail import as_payload, render_email
from members.tasks import send_email
from rounds.models import CommentRound
from strands.models import MissionIndexPage
from tests import factories


def unfolded(value: str) -> str:
    """A long header arrives folded over several lines (RFC 5322 2.2.3)."""
    return re.sub(r"\r?\n[ \t]+", " ", value).strip()


def decoded(value: str) -> str:
    return str(make_header(decode_header(unfolded(value))))


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


@pytest.mark.django_db
def test_a_password_reset_arrives_once_with_an_encoded_german_subject_and_auto_submitted(
    client, mailbox, smtp_mail, member
):
    with mailbox.collect():
        client.post(reverse("account_reset_password"), {"email": member.email})

    [message] = smtp_mail.wait_for(1)
    assert message["To"] == member.email
    # Non-ASCII subjects travel as RFC 2047 encoded words, never as raw 8-bit bytes.
    assert message["Subject"].startswith("=?utf-8?")
    assert decoded(message["Subject"]) == "[Kommunal souverän] Passwort zurücksetzen"
    assert message["Auto-Submitted"] == "auto-generated"
    assert re.fullmatch(r"<[^@\s]+@[^>\s]+>", message["Message-ID"])
    assert message["List-Unsubscribe"] is None  # no subscription behind a password reset
    assert "/accounts/password/reset/key/" in message.get_payload(decode=True).decode()
    assert len(smtp_mail.raw_messages()) == 1


@pytest.mark.django_db
def test_a_reply_notice_carries_list_unsubscribe_which_unsubscribes_in_one_click(
    as_user, mailbox, smtp_mail, home, member, other_member
):
    room = factories.room(DiscussionIndexPage.objects.get())
    thread = factories.thread(room, member, title="Schulträger und Groupware")
    with mailbox.collect():
        as_user(other_member).post(thread.get_absolute_url(), {"text": "Bei uns läuft das."})

    [message] = smtp_mail.wait_for(1)
    assert message["To"] == member.email
    assert decoded(message["Subject"]) == (
        "[Kommunal souverän] Neue Antwort: Schulträger und Groupware"
    )
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = re.fullmatch(
        r"<(https?://\S+/benachrichtigungen/abbestellen/\S+/)>",
        unfolded(message["List-Unsubscribe"]),
    )
    assert link, message["List-Unsubscribe"]
    assert link.group(1) in message.get_payload(decode=True).decode()

    # What a mail client does with it (RFC 8058): a plain POST, without login or CSRF token.
    assert Subscription.objects.filter(user=member, thread=thread).exists()
    answer = Client(enforce_csrf_checks=True).post(
        path_of(link.group(1)), {"List-Unsubscribe": "One-Click"}
    )
    assert answer.status_code == 200
    assert not Subscription.objects.filter(user=member, thread=thread).exists()


@pytest.mark.django_db(transaction=True)
def test_round_notices_arrive_once_however_often_the_command_runs(smtp_mail, home):
    organisation = factories.organisation()
    people = [factories.member(organisation) for _ in range(3)]
    page = factories.mission_page(MissionIndexPage.objects.get(), title="Offene Schnittstellen")
    CommentRound.freeze(
        page,
        opens_at=timezone.now() - timedelta(hours=1),
        closes_at=timezone.now() + timedelta(days=9),
    ).save()

    for _ in range(3):
        call_command("send_round_notices", stdout=io.StringIO())

    messages = smtp_mail.wait_for(3)
    assert sorted(message["To"] for message in messages) == sorted(p.email for p in people)
    assert {decoded(message["Subject"]) for message in messages} == {
        "[Kommunal souverän] Kommentierungsrunde eröffnet: Offene Schnittstellen"
    }
    assert all(message["Auto-Submitted"] == "auto-generated" for message in messages)
    assert len(set(smtp_mail.message_ids())) == 3
    assert len(smtp_mail.raw_messages()) == 3


@pytest.mark.django_db
def test_a_task_that_runs_again_sends_only_what_has_not_gone_out(smtp_mail):
    payloads = [
        as_payload(render_email("members/email/account_deleted", {}, to=[f"p{n}@example.org"]))
        for n in range(3)
    ]
    assert send_email.call(payloads[:2]) == 2
    assert send_email.call(payloads) == 1  # the first two are on record as sent
    assert send_email.call(payloads) == 0

    assert sorted(smtp_mail.message_ids().values()) == [1, 1, 1]
    assert set(smtp_mail.message_ids()) == {p["headers"]["Message-ID"] for p in payloads}
