"""Opening threads and replying: what members see, bad input, XSS, CSRF, order, unread."""

import datetime

import pytest
import time_machine
from django.test import Client

from discussions.models import Post, Subscription, Thread
from discussions.services import reply
from tests import factories

XSS_TITLE = '<script>alert("titel")</script><img src=x onerror=alert(1)>'
XSS_TEXT = (
    '<script>alert("text")</script>\n'
    '<a href="javascript:alert(2)">klick</a> <b onmouseover="alert(3)">fett</b>\n'
    "javascript:alert(4) &lt;script&gt;"
)


def new_thread_url(room):
    return room.url + room.reverse_subpage("new_thread")


@pytest.mark.django_db
def test_a_member_opens_a_thread_and_follows_it(as_user, member, room, organisation):
    client = as_user(member)
    response = client.post(
        new_thread_url(room),
        {"title": "  Umstieg auf   offene Formate ", "text": "Erster Absatz.\n\nZweiter Absatz."},
    )
    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response["Location"] == thread.get_absolute_url()
    assert thread.title == "Umstieg auf offene Formate"
    assert thread.slug == "umstieg-auf-offene-formate"
    assert thread.organisation == organisation
    assert Subscription.objects.filter(user=member, thread=thread).exists()

    html = client.get(thread.get_absolute_url()).content.decode()
    assert "<h1>Umstieg auf offene Formate</h1>" in html
    assert "<p>Erster Absatz.</p>\n<p>Zweiter Absatz.</p>" in html
    assert "Stefan Neumann" in html and "Stadt Musterhausen" in html
    assert "Ihr Thema ist eröffnet." in html


@pytest.mark.django_db
def test_a_reply_appears_with_name_and_organisation(as_user, other_member, thread):
    client = as_user(other_member)
    response = client.post(thread.get_absolute_url(), {"text": "Wir nutzen das seit 2019."})
    post = Post.objects.latest("pk")
    assert response.status_code == 302
    assert response["Location"] == f"{thread.get_absolute_url()}#beitrag-{post.pk}"
    assert post.organisation.name == "Landkreis Beispielkreis"
    html = client.get(thread.get_absolute_url()).content.decode()
    assert "Wir nutzen das seit 2019." in html
    assert "Jana Ott" in html and "Landkreis Beispielkreis" in html
    thread.refresh_from_db()
    assert thread.last_activity_at == post.created_at


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "", "text": "Ein Text"}, "Bitte geben Sie einen Titel ein."),
        ({"title": "Titel", "text": "   \n\n  "}, "Bitte schreiben Sie einen Text."),
        ({"title": "T" * 151, "text": "Ein Text"}, "Der Titel ist zu lang: höchstens 150 Zeichen"),
        (
            {"title": "Titel", "text": "ä" * 10_001},
            "Ihr Text ist zu lang: höchstens 10.000 Zeichen, Ihr Text hat 10.001.",
        ),
        ({"title": "Titel", "text": "Nullzeichen\x00"}, "Nullzeichen sind nicht erlaubt."),
    ],
)
def test_bad_input_for_a_new_thread_is_explained_and_kept(as_user, member, room, data, message):
    response = as_user(member).post(new_thread_url(room), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert "Ihr Thema ist noch nicht eröffnet" in html
    assert 'role="alert"' in html
    if data["text"].strip() and "\x00" not in data["text"]:
        assert data["text"] in html  # the typed text is still in the form
    assert not Thread.objects.exists()


@pytest.mark.django_db
def test_a_too_long_reply_is_refused_and_the_text_kept(as_user, member, thread):
    text = "Langer Beitrag. " * 700  # 11.200 characters
    response = as_user(member).post(thread.get_absolute_url(), {"text": text})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Ihr Text ist zu lang" in html
    assert "Ihre Antwort ist noch nicht veröffentlicht" in html
    assert text.strip() in html
    assert thread.posts.count() == 1


@pytest.mark.django_db
def test_xss_in_titles_and_posts_is_rendered_inert(as_user, member, room):
    client = as_user(member)
    client.post(new_thread_url(room), {"title": XSS_TITLE, "text": XSS_TEXT})
    thread = Thread.objects.get()
    for url in (room.url, thread.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert 'href="javascript:' not in html
        assert "onmouseover=" not in html or "onmouseover=&quot;" in html
        assert "&lt;script&gt;alert(&quot;titel&quot;)&lt;/script&gt;" in html
    html = client.get(thread.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(&quot;text&quot;)&lt;/script&gt;" in html
    assert "&amp;lt;script&amp;gt;" in html  # typed entities stay text


@pytest.mark.django_db
def test_links_become_safe_links(as_user, member, thread):
    client = as_user(member)
    client.post(thread.get_absolute_url(), {"text": "Siehe https://www.kgst.de/digital und mehr."})
    html = client.get(thread.get_absolute_url()).content.decode()
    assert (
        '<a href="https://www.kgst.de/digital" rel="nofollow ugc">https://www.kgst.de/digital</a>'
        in html
    )


@pytest.mark.django_db
def test_posting_needs_a_csrf_token(member, room, thread):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    assert client.post(new_thread_url(room), {"title": "T", "text": "x"}).status_code == 403
    assert client.post(thread.get_absolute_url(), {"text": "x"}).status_code == 403
    assert Thread.objects.count() == 1 and thread.posts.count() == 1


@pytest.mark.django_db
def test_quoting_prefills_the_reply_with_attribution(as_user, member, other_member, thread):
    post = thread.posts.first()
    html = (
        as_user(other_member).get(f"{thread.get_absolute_url()}?zitat={post.pk}").content.decode()
    )
    assert "Stefan Neumann (Stadt Musterhausen) schrieb:\n&gt; Wer hat schon umgestellt?" in html

    as_user(other_member).post(
        thread.get_absolute_url(),
        {"text": "Stefan Neumann schrieb:\n> Wer hat schon umgestellt?\n\nWir!"},
    )
    html = as_user(member).get(thread.get_absolute_url()).content.decode()
    assert "<blockquote><p>Wer hat schon umgestellt?</p></blockquote>" in html


@pytest.mark.django_db
def test_hidden_posts_cannot_be_quoted(as_user, member, moderator, thread):
    from discussions.services import hide_post

    post = thread.posts.first()
    hide_post(post, moderator)
    html = as_user(member).get(f"{thread.get_absolute_url()}?zitat={post.pk}").content.decode()
    assert "schrieb:" not in html


@pytest.mark.django_db
def test_a_locked_thread_takes_no_replies_from_members(as_user, member, moderator, thread):
    from discussions.services import set_locked

    set_locked(thread, True, moderator)
    client = as_user(member)
    response = client.post(thread.get_absolute_url(), {"text": "Noch etwas."}, follow=True)
    assert "Dieses Thema ist gesperrt" in response.content.decode()
    assert thread.posts.count() == 1
    # Moderators may still explain the lock.
    as_user(moderator).post(thread.get_absolute_url(), {"text": "Gesperrt, siehe Regeln."})
    assert thread.posts.count() == 2


@pytest.mark.django_db
def test_threads_are_listed_by_newest_activity_and_paginated(as_user, member, room):
    start = datetime.datetime(2025, 3, 1, 9, tzinfo=datetime.UTC)
    for number in range(27):
        with time_machine.travel(start + datetime.timedelta(hours=number), tick=False):
            factories.thread(room, member, title=f"Thema {number:02d}")
    oldest = Thread.objects.get(title="Thema 00")
    with time_machine.travel(start + datetime.timedelta(days=5), tick=False):
        factories.thread(room, member, title="Neu", text="x")
    with time_machine.travel(start + datetime.timedelta(days=6), tick=False):
        reply(oldest, member, "Wieder aktuell.", follow=False)

    client = as_user(member)
    html = client.get(room.url).content.decode()
    assert html.index("Thema 00") < html.index(">Neu</a>") < html.index("Thema 26")
    assert "Seite 1 von 2" in html
    second = client.get(room.url + "?seite=2").content.decode()
    assert "Thema 01" in second and "Thema 00" not in second


@pytest.mark.django_db
def test_unread_threads_and_new_posts_are_marked(as_user, member, other_member, thread, room):
    client = as_user(other_member)
    assert 'badge--new">Neu<' in client.get(room.url).content.decode()  # never read
    client.get(thread.get_absolute_url())
    assert 'badge--new">Neu<' not in client.get(room.url).content.decode()

    as_user(member).post(thread.get_absolute_url(), {"text": "Eine neue Antwort."})
    client = as_user(other_member)
    assert 'badge--new">Neu<' in client.get(room.url).content.decode()
    html = client.get(thread.get_absolute_url()).content.decode()
    assert html.count('badge--new">Neu<') == 1  # only the new reply
    assert 'badge--new">Neu<' not in client.get(room.url).content.decode()


@pytest.mark.django_db
def test_long_threads_are_paginated_and_replies_land_on_the_last_page(as_user, member, room):
    thread = factories.thread(room, member, replies=60)
    client = as_user(member)
    first = client.get(thread.get_absolute_url()).content.decode()
    assert "Seite 1 von 2" in first and "Antwort Nummer 49." in first
    assert "Antwort Nummer 50." not in first
    response = client.post(thread.get_absolute_url(), {"text": "Ganz hinten."})
    post = Post.objects.latest("pk")
    assert response["Location"] == f"{thread.get_absolute_url()}?seite=2#beitrag-{post.pk}"


@pytest.mark.django_db
def test_following_and_unfollowing(as_user, other_member, thread, room):
    url = room.url + room.reverse_subpage(
        "follow", kwargs={"thread_id": thread.pk, "slug": thread.slug}
    )
    client = as_user(other_member)
    assert client.get(url).status_code == 405
    client.post(url, {"action": "folgen"})
    assert Subscription.objects.filter(user=other_member, thread=thread).exists()
    assert "Nicht mehr folgen" in client.get(thread.get_absolute_url()).content.decode()
    client.post(url, {"action": "nicht-folgen"})
    assert not Subscription.objects.filter(user=other_member, thread=thread).exists()
