"""Taking in threads, replies and reports: rate limits per member, one row per sent form
(also when it is sent twice at once), and a busy database answered with the text kept."""

import re
import threading

import pytest
from django.db import connections
from django.test import Client

from discussions.models import Post, Report, Thread
from tests import factories
from tests.database_lock import write_lock_held

TOO_MANY = "Sie haben in kurzer Zeit sehr viele Beiträge gesendet."
BUSY = "Der Dienst ist gerade stark beschäftigt – bitte gleich noch einmal senden."


def new_thread_url(room) -> str:
    return room.url + room.reverse_subpage("new_thread")


def report_url(room, post) -> str:
    return room.url + room.reverse_subpage("report", kwargs={"post_id": post.pk})


def token_on(client, url: str) -> str:
    """The submission token of the (one) text form on the page at ``url``."""
    html = client.get(url).content.decode()
    return re.search(r'name="submission_token" value="([^"]+)"', html).group(1)


def reply_data(client, thread, text="Das sehen wir genauso.") -> dict:
    token = token_on(client, thread.get_absolute_url())
    return {"text": text, "submission_token": token}


# --- One row per sent form -------------------------------------------------------------


@pytest.mark.django_db
def test_a_reply_form_sent_twice_is_one_reply(as_user, other_member, thread):
    client = as_user(other_member)
    data = reply_data(client, thread)
    first = client.post(thread.get_absolute_url(), data)
    second = client.post(thread.get_absolute_url(), data)
    reply = Post.objects.get(thread=thread, author=other_member)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert first["Location"].endswith(f"#beitrag-{reply.pk}")


@pytest.mark.django_db
def test_a_new_thread_form_sent_twice_is_one_thread(as_user, member, room):
    client = as_user(member)
    token = token_on(client, new_thread_url(room))
    data = {"title": "Offene Formate", "text": "Wer nutzt ODF?", "submission_token": token}
    first = client.post(new_thread_url(room), data)
    second = client.post(new_thread_url(room), data)
    thread = Thread.objects.get()
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == thread.get_absolute_url()
    assert thread.posts.count() == 1


@pytest.mark.django_db
def test_every_shown_reply_form_has_a_new_token(as_user, other_member, thread):
    client = as_user(other_member)
    assert token_on(client, thread.get_absolute_url()) != token_on(
        client, thread.get_absolute_url()
    )


REPLIES = 10


@pytest.mark.django_db(transaction=True)
def test_each_reply_form_sent_twice_at_once_is_one_reply(home):
    from discussions.models import DiscussionIndexPage

    room = factories.room(DiscussionIndexPage.objects.get())
    organisation = factories.organisation()
    opener = factories.member(organisation)
    thread = factories.thread(room, opener)
    clients, forms = [], []
    for n in range(REPLIES):
        client = Client()
        client.force_login(factories.member(organisation))
        clients.append(client)
        forms.append(reply_data(client, thread, text=f"Antwort {n}"))
    connections.close_all()
    start = threading.Barrier(2 * REPLIES)
    answers = [None] * (2 * REPLIES)

    def send(index: int) -> None:
        try:
            client = clients[index // 2]
            start.wait()
            response = client.post(thread.get_absolute_url(), forms[index // 2])
            answers[index] = (response.status_code, response.get("Location"))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=(n,)) for n in range(2 * REPLIES)]
    for worker in threads:
        worker.start()
    for worker in threads:
        worker.join(timeout=60)

    texts = sorted(thread.posts.exclude(author=opener).values_list("text", flat=True))
    assert texts == sorted(f"Antwort {n}" for n in range(REPLIES))
    for n in range(REPLIES):
        assert answers[2 * n] == answers[2 * n + 1]
        assert answers[2 * n][0] == 302


# --- Rate limits -----------------------------------------------------------------------


@pytest.mark.django_db
def test_too_many_posts_in_a_minute_get_429_with_the_text_kept(
    as_user, member, other_member, room, thread
):
    client = as_user(other_member)
    for n in range(5):
        assert client.post(thread.get_absolute_url(), {"text": f"Antwort {n}"}).status_code == 302
    for n in range(5):
        data = {"title": f"Thema {n}", "text": "Text"}
        assert client.post(new_thread_url(room), data).status_code == 302

    reply = client.post(thread.get_absolute_url(), {"text": "Meine elfte Antwort."})
    html = reply.content.decode()
    assert reply.status_code == 429
    assert 0 < int(reply["Retry-After"]) <= 60
    assert TOO_MANY in html and "Meine elfte Antwort." in html
    opening = client.post(new_thread_url(room), {"title": "Noch eins", "text": "Mein Thema."})
    assert opening.status_code == 429
    assert TOO_MANY in opening.content.decode() and "Mein Thema." in opening.content.decode()
    assert Post.objects.filter(author=other_member).count() == 10
    assert not Thread.objects.filter(title="Noch eins").exists()

    # Others post on.
    other = as_user(member).post(thread.get_absolute_url(), {"text": "Ich darf noch."})
    assert other.status_code == 302


@pytest.mark.django_db
def test_too_many_reports_in_a_minute_get_429_with_the_details_kept(
    as_user, member, other_member, room
):
    thread = factories.thread(room, member, replies=6)
    posts = list(thread.posts.order_by("pk"))
    client = as_user(other_member)
    for post in posts[:5]:
        response = client.post(report_url(room, post), {"reason": "werbung"})
        assert response.status_code == 302
    # Reporting one post again adds nothing for the moderators and does not count.
    client.post(report_url(room, posts[0]), {"reason": "werbung"})

    refused = client.post(
        report_url(room, posts[5]), {"reason": "werbung", "details": "Schon wieder Werbung."}
    )
    html = refused.content.decode()
    assert refused.status_code == 429
    assert "Sie haben in kurzer Zeit sehr viele Meldungen gesendet." in html
    assert "Schon wieder Werbung." in html
    assert Report.objects.count() == 5


# --- A busy database -------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_locked_database_answers_503_to_a_reply_and_keeps_the_text(as_user, other_member, thread):
    client = as_user(other_member)
    data = reply_data(client, thread, text="Eine lange, durchdachte Antwort.")
    with write_lock_held(Post._meta.db_table):
        response = client.post(thread.get_absolute_url(), data)
    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"]
    assert BUSY in html and "Eine lange, durchdachte Antwort." in html
    assert not Post.objects.filter(author=other_member).exists()

    assert client.post(thread.get_absolute_url(), data).status_code == 302
    assert Post.objects.filter(author=other_member).count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_locked_database_answers_503_to_a_new_thread_and_keeps_the_text(as_user, member, room):
    client = as_user(member)
    data = {"title": "Mein Thema", "text": "Mein ausführlicher Beitrag."}
    with write_lock_held(Thread._meta.db_table):
        response = client.post(new_thread_url(room), data)
    html = response.content.decode()
    assert response.status_code == 503
    assert BUSY in html and "Mein ausführlicher Beitrag." in html and "Mein Thema" in html
    assert not Thread.objects.exists()
