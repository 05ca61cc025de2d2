"""Replies reach the thread's followers by e-mail, after commit, with an unsubscribe link."""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from discussions.models import Subscription
from discussions.notifications import unsubscribe_token
from members.roles import Role
from tests import factories


def unsubscribe_link(message) -> str:
    return re.search(r"https?://\S+/benachrichtigungen/abbestellen/\S+/", message.body).group(0)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


@pytest.mark.django_db
def test_the_thread_author_and_followers_get_a_reply_by_mail(
    as_user, mailbox, member, other_member, moderator, thread
):
    Subscription.objects.create(user=moderator, thread=thread)
    with mailbox.collect():
        as_user(other_member).post(thread.get_absolute_url(), {"text": "Bei uns läuft das gut."})

    assert sorted(mail.to[0] for mail in mailbox.outbox) == sorted(
        [member.email, moderator.email]
    )  # not the person who replied
    mail = next(mail for mail in mailbox.outbox if mail.to == [member.email])
    assert mail.subject == f"[Kommunal souverän] Neue Antwort: {thread.title}"
    assert "Jana Ott (Landkreis Beispielkreis) hat im Thema" in mail.body
    assert "Bei uns läuft das gut." in mail.body
    assert thread.get_absolute_url() in mail.body
    link = unsubscribe_link(mail)
    assert mail.extra_headers["List-Unsubscribe"] == f"<{link}>"
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


@pytest.mark.django_db
def test_mail_leaves_only_after_the_transaction_commits(
    as_user, mailoutbox, django_capture_on_commit_callbacks, other_member, thread
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        as_user(other_member).post(thread.get_absolute_url(), {"text": "Noch nicht verschickt."})
        assert mailoutbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_followers_who_lost_access_get_no_member_text(
    as_user, mailbox, member, other_member, registered, thread
):
    Subscription.objects.create(user=registered, thread=thread)  # was a member once
    member.groups.remove(Group.objects.get(name=Role.MEMBER))
    with mailbox.collect():
        as_user(other_member).post(thread.get_absolute_url(), {"text": "Vertrauliches"})
    assert mailbox.outbox == []


@pytest.mark.django_db
def test_followers_with_an_unverified_address_get_nothing(as_user, mailbox, other_member, thread):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.filter(user=thread.author).update(verified=False)
    with mailbox.collect():
        as_user(other_member).post(thread.get_absolute_url(), {"text": "Hallo"})
    assert mailbox.outbox == []


@pytest.mark.django_db
def test_a_reply_without_following_ends_a_subscription(
    as_user, mailbox, member, other_member, thread
):
    client = as_user(other_member)
    client.post(thread.get_absolute_url(), {"text": "Ich folge.", "follow": "on"})
    assert Subscription.objects.filter(user=other_member, thread=thread).exists()
    with mailbox.collect():
        as_user(member).post(thread.get_absolute_url(), {"text": "Antwort an Jana."})
    assert [mail.to for mail in mailbox.outbox] == [[other_member.email]]
    as_user(other_member).post(thread.get_absolute_url(), {"text": "Jetzt nicht mehr."})
    assert not Subscription.objects.filter(user=other_member, thread=thread).exists()


@pytest.mark.django_db
def test_the_unsubscribe_link_works_without_login(as_user, mailbox, member, other_member, thread):
    with mailbox.collect():
        as_user(other_member).post(thread.get_absolute_url(), {"text": "Hallo"})
    link = path_of(unsubscribe_link(mailbox.outbox[0]))

    anonymous = Client(enforce_csrf_checks=True)
    page = anonymous.get(link)
    assert page.status_code == 200
    assert "Möchten Sie zu diesem Thema keine E-Mails mehr erhalten?" in page.content.decode()
    assert thread.title not in page.content.decode()
    assert "no-cache" in page["Cache-Control"]
    assert Subscription.objects.filter(user=member, thread=thread).exists()  # GET changes nothing

    done = anonymous.post(link)
    assert done.status_code == 200
    assert "keine E-Mails mehr" in done.content.decode()
    assert not Subscription.objects.filter(user=member, thread=thread).exists()


@pytest.mark.django_db
def test_one_click_unsubscribe_from_the_mail_client(client, member, thread):
    link = f"/benachrichtigungen/abbestellen/{unsubscribe_token(member.pk, thread.pk)}/"
    response = client.post(link, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscription.objects.filter(user=member, thread=thread).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("token", ["kaputt", "W1sxLDJdXQ:abc:def", "a" * 300])
def test_a_forged_unsubscribe_token_changes_nothing(client, member, thread, token):
    response = client.post(f"/benachrichtigungen/abbestellen/{token}/")
    assert response.status_code == 400
    assert "Dieser Link ist ungültig" in response.content.decode()
    assert Subscription.objects.filter(user=member, thread=thread).exists()


@pytest.mark.django_db
def test_no_mail_for_a_hidden_post(member, other_member, moderator, thread, mailoutbox):
    from discussions.notifications import send_reply_notifications
    from discussions.services import hide_post, reply

    post = reply(thread, other_member, "Spam", follow=False)
    hide_post(post, moderator)
    assert send_reply_notifications(post.pk) == 0
    assert mailoutbox == []


@pytest.mark.django_db
def test_a_reply_on_page_two_links_to_page_two(mailbox, as_user, member, other_member, room):
    thread = factories.thread(room, member, replies=55)
    with mailbox.collect():
        as_user(other_member).post(thread.get_absolute_url(), {"text": "Seite zwei"})
    assert f"{thread.get_absolute_url()}?seite=2#beitrag-" in mailbox.outbox[0].body


@pytest.mark.django_db
def test_a_reply_quoting_a_member_is_not_attributed_to_the_quoted_person(
    as_user, mailbox, member, other_member, thread
):
    from discussions.rendering import quote_text
    from members.identity import author_label

    quoted = author_label(member, member.membership.organisation)
    text = quote_text(quoted, "Wir nutzen Nextcloud.") + "Wir auch, seit 2021."
    with mailbox.collect():
        as_user(other_member).post(thread.get_absolute_url(), {"text": text})

    (mail,) = mailbox.outbox
    assert "Jana Ott (Landkreis Beispielkreis) hat im Thema" in mail.body
    assert "Wir auch, seit 2021." in mail.body
    # Neither the quote nor its attribution: the quoted person did not write this reply.
    assert f"{quoted} schrieb" not in mail.body
    assert "schrieb:" not in mail.body
    assert "Wir nutzen Nextcloud." not in mail.body
