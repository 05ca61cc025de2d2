"""Each rule of rounds/permissions.py answers the same as a check and as a query.

For every person × round and person × text, the check (``is_addressed``,
``can_run_rounds_on``) and the query (``audience_q``/``addressed_to``,
``addressed_members``, ``pages_for_rounds``) agree, and both give the expected answer.
"""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group
from django.utils import timezone

from members.models import Membership
from members.roles import Role
from members.services import end_membership
from rounds.models import CommentRound
from rounds.notifications import audience
from rounds.permissions import (
    addressed_members,
    audience_q,
    can_run_rounds_on,
    is_addressed,
    pages_for_rounds,
)
from tests import factories

WORKING_GROUP = "Arbeitskreis Open Source"

# Which round addresses whom: all members, organisation A, the working group.
ADDRESSED = {
    "anonym": (False, False, False),
    "Administration": (False, False, False),  # a superuser, but no member
    "Verwaltung": (False, False, False),
    "Mitglied A": (True, True, False),
    "Mitglied B": (True, False, False),
    "Mitglied B im Arbeitskreis": (True, False, True),
    "Arbeitskreis ohne Mitgliedschaft": (False, False, False),
    "Moderation": (True, False, False),
    "Redaktion Leitbild": (False, False, False),
    "Redaktion Handlungshilfen": (False, False, False),
    "registriert": (False, False, False),
    "inaktiv": (False, False, False),
    "inaktive Redaktion": (False, False, False),
    "Mitgliedschaft beendet": (False, False, False),
}

# Who may run rounds on the Leitbild text and on the Handlungshilfen text.
RUNS_ROUNDS = {
    "anonym": (False, False),
    "Administration": (True, True),
    "Verwaltung": (True, True),
    "Mitglied A": (False, False),
    "Mitglied B": (False, False),
    "Mitglied B im Arbeitskreis": (False, False),
    "Arbeitskreis ohne Mitgliedschaft": (False, False),
    "Moderation": (False, False),
    "Redaktion Leitbild": (True, False),
    "Redaktion Handlungshilfen": (False, True),
    "registriert": (False, False),
    "inaktiv": (False, False),
    "inaktive Redaktion": (False, False),
    "Mitgliedschaft beendet": (False, False),
}


@pytest.fixture
def organisations(home):
    return (
        factories.organisation("Stadt Musterhausen", ("musterhausen.example",)),
        factories.organisation("Landkreis Beispielkreis", ("beispielkreis.example",), "kreis"),
    )


@pytest.fixture
def people(organisations):
    """Everyone of the matrix, keyed as in ADDRESSED, loaded as the next request would."""
    org_a, org_b = organisations
    admin = factories.user("admin@example.org", is_staff=True, is_superuser=True)
    ended = factories.member(org_a, "ende@musterhausen.example")
    end_membership(Membership.objects.get(user=ended), ended_by=admin)
    created = {
        "Administration": admin,
        "Verwaltung": factories.user("verwaltung@example.org", is_staff=True),
        "Mitglied A": factories.member(org_a, "a@musterhausen.example"),
        "Mitglied B": factories.member(org_b, "b@beispielkreis.example"),
        "Mitglied B im Arbeitskreis": factories.member(
            org_b, "ak@beispielkreis.example", groups=(WORKING_GROUP,)
        ),
        "Arbeitskreis ohne Mitgliedschaft": factories.user(
            "gast@post.example", groups=(WORKING_GROUP,)
        ),
        "Moderation": factories.user(
            "moderation@example.org", groups=(Role.MODERATOR, Role.MEMBER)
        ),
        "Redaktion Leitbild": factories.user("leitbild@example.org", groups=(Role.MISSION_EDITOR,)),
        "Redaktion Handlungshilfen": factories.user(
            "hilfen@example.org", groups=(Role.GUIDANCE_EDITOR,)
        ),
        "registriert": factories.user("lena@post.example"),
        "inaktiv": factories.member(org_a, "inaktiv@musterhausen.example", is_active=False),
        "inaktive Redaktion": factories.user(
            "alt@example.org", groups=(Role.MISSION_EDITOR,), is_active=False
        ),
        "Mitgliedschaft beendet": ended,
    }
    users = get_user_model().objects.in_bulk([user.pk for user in created.values()])
    loaded = {key: users[user.pk] for key, user in created.items()}
    return {"anonym": AnonymousUser(), **loaded}


@pytest.fixture
def texts(mission_index, guidance_index):
    return (
        factories.mission_page(mission_index, title="Offene Standards"),
        factories.guidance_page(guidance_index, title="Open-Source-Strategie"),
    )


@pytest.fixture
def rounds(organisations, texts):
    """Addressed to all members, to organisation A, to the working group."""
    mission_text, guidance_text = texts
    now = timezone.now()

    def make(page, **fields):
        comment_round = CommentRound.freeze(
            page, opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=7), **fields
        )
        comment_round.save()
        return comment_round

    to_all = make(mission_text)
    to_org = make(guidance_text, audience_all_members=False)
    to_org.audience_organisations.add(organisations[0])
    to_group = make(mission_text, audience_all_members=False)
    to_group.audience_groups.add(Group.objects.get(name=WORKING_GROUP))
    return (to_all, to_org, to_group)


def test_the_matrix_covers_everyone_in_both_tables():
    assert ADDRESSED.keys() == RUNS_ROUNDS.keys()
    # Not vacuous: each table holds both answers.
    assert {value for row in ADDRESSED.values() for value in row} == {True, False}
    assert {value for row in RUNS_ROUNDS.values() for value in row} == {True, False}


@pytest.mark.django_db
@pytest.mark.parametrize("who", list(ADDRESSED))
def test_is_addressed_and_the_audience_queries_agree(people, rounds, who):
    user = people[who]
    matching = CommentRound.objects.filter(audience_q(user))
    rounds_for_user = set(matching.values_list("pk", flat=True))
    addressed_to = set(CommentRound.objects.addressed_to(user).values_list("pk", flat=True))
    answers = {
        "is_addressed": tuple(is_addressed(user, comment_round) for comment_round in rounds),
        "audience_q": tuple(comment_round.pk in rounds_for_user for comment_round in rounds),
        "addressed_to": tuple(comment_round.pk in addressed_to for comment_round in rounds),
        "addressed_members": tuple(
            addressed_members(comment_round).filter(pk=user.pk).exists() for comment_round in rounds
        ),
    }
    assert answers == dict.fromkeys(answers, ADDRESSED[who])


@pytest.mark.django_db
def test_addressed_members_lists_exactly_those_the_check_addresses(people, rounds):
    everyone = [user for user in people.values() if user.is_authenticated]
    for comment_round in rounds:
        expected = {user.pk for user in everyone if is_addressed(user, comment_round)}
        listed = list(addressed_members(comment_round).values_list("pk", flat=True))
        assert len(listed) == len(set(listed)), "each member once"
        assert set(listed) == expected


@pytest.mark.django_db
def test_notices_go_to_the_addressed_members_they_can_reach(people, rounds):
    to_all = rounds[0]
    reachable = people["Mitglied B"]
    unreachable = people["Mitglied A"]
    get_user_model().objects.filter(pk=unreachable.pk).update(email="")

    recipients = set(audience(to_all))

    assert reachable in recipients
    assert unreachable not in recipients
    assert recipients == set(addressed_members(to_all).exclude(email=""))


@pytest.mark.django_db
@pytest.mark.parametrize("who", list(RUNS_ROUNDS))
def test_can_run_rounds_on_and_pages_for_rounds_agree(people, texts, who):
    user = people[who]
    listed = {page.pk for page in pages_for_rounds(user)}
    answers = {
        "can_run_rounds_on": tuple(can_run_rounds_on(user, text) for text in texts),
        "pages_for_rounds": tuple(text.pk in listed for text in texts),
    }
    assert answers == dict.fromkeys(answers, RUNS_ROUNDS[who])
