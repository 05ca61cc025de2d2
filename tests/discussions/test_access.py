"""Who may enter the discussion area and use each of its views: a role matrix.

Anonymous visitors are sent to the login, registered people who are not members
get the "members only" page (403, no loop, nothing of the area in it); members,
moderators, staff and superusers get in.
"""

import pytest
from django.urls import reverse

from discussions.models import Report, Subscription, Thread
from tests import factories

ALLOWED = ["member", "other_member", "moderator", "staff", "superuser"]
REFUSED = ["registered"]


def person(request, role):
    return None if role == "anonymous" else request.getfixturevalue(role)


def urls(room, thread):
    post = thread.posts.first()
    return {
        "index": room.get_parent().url,
        "room": room.url,
        "new_thread": room.url + room.reverse_subpage("new_thread"),
        "thread": thread.get_absolute_url(),
        "report": room.url + room.reverse_subpage("report", kwargs={"post_id": post.pk}),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("view", ["index", "room", "new_thread", "thread", "report"])
def test_anonymous_visitors_are_sent_to_the_login(client, room, thread, view):
    url = urls(room, thread)[view]
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={url}"
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize("view", ["index", "room", "new_thread", "thread", "report"])
def test_registered_non_members_get_the_members_only_page(as_user, registered, room, thread, view):
    client = as_user(registered)
    response = client.get(urls(room, thread)[view])
    html = response.content.decode()
    assert response.status_code == 403
    assert "Nur für Mitglieder" in html
    assert "So werden Sie Mitglied" in html
    assert reverse("members:account") in html
    # Nothing of the area: neither the room, nor the thread, nor a post.
    assert room.title not in html
    assert thread.title not in html
    assert "Wer hat schon umgestellt?" not in html
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_members_only_page_mentions_a_pending_request(as_user, registered, room, organisation):
    from members.services import request_membership

    request_membership(registered, organisation, "Ich arbeite im Hauptamt.")
    html = as_user(registered).get(room.url).content.decode()
    assert "Ihr Antrag auf Mitgliedschaft für Stadt Musterhausen wird geprüft" in html


@pytest.mark.django_db
@pytest.mark.parametrize("role", ALLOWED)
@pytest.mark.parametrize("view", ["index", "room", "new_thread", "thread", "report"])
def test_members_moderators_and_staff_get_in(request, as_user, room, thread, role, view):
    user = person(request, role)
    response = as_user(user).get(urls(room, thread)[view])
    if view == "report" and user == thread.author:
        # In, but nobody reports their own post: back to the thread.
        assert response.status_code == 302
        return
    assert response.status_code == 200, (role, view)
    assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_an_inactive_member_is_refused(as_user, member, room):
    member.is_active = False
    member.save()
    # An inactive account cannot hold a session; the area must not open for it anyway.
    response = as_user(member).get(room.url)
    assert response.status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "registered"])
def test_no_one_without_access_can_write(request, as_user, room, thread, role):
    client = as_user(person(request, role))
    post = thread.posts.first()
    posts_before = thread.posts.count()
    attempts = [
        (room.url + room.reverse_subpage("new_thread"), {"title": "Eingeschleust", "text": "x"}),
        (thread.get_absolute_url(), {"text": "Eingeschleust"}),
        (
            room.url
            + room.reverse_subpage("follow", kwargs={"thread_id": thread.pk, "slug": thread.slug}),
            {"action": "folgen"},
        ),
        (
            room.url + room.reverse_subpage("report", kwargs={"post_id": post.pk}),
            {"reason": "werbung"},
        ),
        (
            room.url + room.reverse_subpage("moderate", kwargs={"post_id": post.pk}),
            {"action": "ausblenden"},
        ),
        (
            room.url
            + room.reverse_subpage("lock", kwargs={"thread_id": thread.pk, "slug": thread.slug}),
            {"action": "sperren"},
        ),
    ]
    for url, data in attempts:
        assert client.post(url, data).status_code in (302, 403), url
    assert Thread.objects.count() == 1
    assert thread.posts.count() == posts_before
    assert not Report.objects.exists()
    assert Subscription.objects.filter(user__email="lena.fischer@post.example").count() == 0
    post.refresh_from_db()
    thread.refresh_from_db()
    assert not post.hidden and not thread.locked


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["member", "other_member"])
def test_members_cannot_moderate(request, as_user, room, thread, role):
    client = as_user(person(request, role))
    post = thread.posts.first()
    hide = room.url + room.reverse_subpage("moderate", kwargs={"post_id": post.pk})
    lock = room.url + room.reverse_subpage(
        "lock", kwargs={"thread_id": thread.pk, "slug": thread.slug}
    )
    assert client.post(hide, {"action": "ausblenden"}).status_code == 403
    assert client.post(lock, {"action": "sperren"}).status_code == 403
    post.refresh_from_db()
    thread.refresh_from_db()
    assert not post.hidden and not thread.locked


@pytest.mark.django_db
def test_members_of_another_organisation_share_the_area(as_user, room, thread, other_member):
    """The area is common to all member organisations; each post names its organisation."""
    client = as_user(other_member)
    response = client.post(thread.get_absolute_url(), {"text": "Bei uns im Kreis ähnlich."})
    assert response.status_code == 302
    html = client.get(thread.get_absolute_url()).content.decode()
    assert "Stadt Musterhausen" in html
    assert "Landkreis Beispielkreis" in html


@pytest.mark.django_db
def test_staff_outside_the_role_groups_pass_wagtails_group_restriction(as_user, staff, room):
    """Wagtail alone would send them to the login, which would send them back: a loop."""
    response = as_user(staff).get(room.url)
    assert response.status_code == 200
    assert room.title in response.content.decode()


@pytest.mark.django_db
def test_a_thread_from_another_room_is_not_found(as_user, member, area, room, thread):
    other_room = factories.room(area, title="Beschaffung")
    url = other_room.url + other_room.reverse_subpage(
        "thread", kwargs={"thread_id": thread.pk, "slug": thread.slug}
    )
    assert as_user(member).get(url).status_code == 404


@pytest.mark.django_db
def test_a_wrong_slug_redirects_to_the_thread(as_user, member, room, thread):
    url = room.url + room.reverse_subpage(
        "thread", kwargs={"thread_id": thread.pk, "slug": "alter-titel"}
    )
    response = as_user(member).get(url)
    assert response.status_code == 302
    assert response["Location"] == thread.get_absolute_url()


@pytest.mark.django_db
def test_the_area_stays_closed_if_its_privacy_setting_is_removed(client, as_user, registered, room):
    """Wagtail page privacy is one lock; the serve hook and the views are the second."""
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.all().delete()
    assert client.get(room.url).status_code == 302
    assert as_user(registered).get(room.url).status_code == 403
