"""The discussion area's rule answers the same as a check and as a query.

``can_view`` (views, templates) and ``viewers`` (reply e-mails) agree for every
person, and reply notifications reach exactly the followers ``can_view`` lets in,
less the author and those without an active account or a verified address.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

from discussions.models import Subscription
from discussions.notifications import recipients
from discussions.permissions import can_view, viewers
from discussions.services import reply
from members.models import Membership
from members.roles import Role
from members.services import end_membership
from tests import factories

CAN_VIEW = {
    "anonym": False,
    "Administration": True,
    "Verwaltung": True,
    "inaktive Verwaltung": False,
    "Mitglied A": True,
    "Mitglied B": True,
    "Moderation": True,
    "Moderation ohne Mitgliedsrolle": True,
    "Redaktion Leitbild": False,
    "registriert": False,
    "inaktiv": False,
    "Mitgliedschaft beendet": False,
    "Mitglied mit unbestätigter Adresse": True,
}


@pytest.fixture
def people(home):
    """Everyone of the matrix, keyed as in CAN_VIEW, loaded as the next request would."""
    org_a = factories.organisation("Stadt Musterhausen", ("musterhausen.example",))
    org_b = factories.organisation("Landkreis Beispielkreis", ("beispielkreis.example",), "kreis")
    admin = factories.user("admin@example.org", is_staff=True, is_superuser=True)
    ended = factories.member(org_a, "ende@musterhausen.example")
    end_membership(Membership.objects.get(user=ended), ended_by=admin)
    created = {
        "Administration": admin,
        "Verwaltung": factories.user("verwaltung@example.org", is_staff=True),
        "inaktive Verwaltung": factories.user("alt@example.org", is_staff=True, is_active=False),
        "Mitglied A": factories.member(org_a, "a@musterhausen.example"),
        "Mitglied B": factories.member(org_b, "b@beispielkreis.example"),
        "Moderation": factories.user(
            "moderation@example.org", groups=(Role.MODERATOR, Role.MEMBER)
        ),
        "Moderation ohne Mitgliedsrolle": factories.user(
            "moderation2@example.org", groups=(Role.MODERATOR,)
        ),
        "Redaktion Leitbild": factories.user("leitbild@example.org", groups=(Role.MISSION_EDITOR,)),
        "registriert": factories.user("lena@post.example"),
        "inaktiv": factories.member(org_a, "inaktiv@musterhausen.example", is_active=False),
        "Mitgliedschaft beendet": ended,
        "Mitglied mit unbestätigter Adresse": factories.member(
            org_b, "neu@beispielkreis.example", verified=False
        ),
    }
    users = get_user_model().objects.in_bulk([user.pk for user in created.values()])
    return {"anonym": AnonymousUser()} | {key: users[user.pk] for key, user in created.items()}


def test_the_matrix_holds_both_answers():
    assert set(CAN_VIEW.values()) == {True, False}


@pytest.mark.django_db
@pytest.mark.parametrize("who", list(CAN_VIEW))
def test_can_view_and_viewers_agree(people, who):
    user = people[who]
    answers = {
        "can_view": can_view(user),
        "viewers": user.is_authenticated and viewers().filter(pk=user.pk).exists(),
    }
    assert answers == dict.fromkeys(answers, CAN_VIEW[who])


@pytest.mark.django_db
def test_viewers_lists_everyone_once(people):
    listed = list(viewers().values_list("pk", flat=True))
    assert len(listed) == len(set(listed))
    assert set(listed) == {user.pk for user in people.values() if can_view(user)}


@pytest.mark.django_db
def test_reply_mail_goes_to_followers_who_may_view_but_not_the_author(people, room):
    author = people["Mitglied B"]
    thread = factories.thread(room, people["Mitglied A"])
    followers = [user for user in people.values() if user.is_authenticated]
    for user in followers:
        Subscription.objects.get_or_create(user=user, thread=thread)
    post = reply(thread, author, "Bei uns läuft es gut.", follow=False)

    reached = {subscription.user for subscription in recipients(post)}

    expected = {
        user
        for user in followers
        if can_view(user)
        and user != author
        and user.emailaddress_set.filter(email=user.email, verified=True).exists()
    }
    assert reached == expected
    assert people["Mitglied A"] in reached
    assert author not in reached
    assert people["Mitglied mit unbestätigter Adresse"] not in reached
    assert people["registriert"] not in reached
