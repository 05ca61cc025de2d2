from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from members.choices import MembershipSource
from members.models import Organisation
from members.roles import Role
from members.services import grant_membership
from rounds.models import CommentRound
from tests import factories


@pytest.fixture
def musterhausen(db):
    return Organisation.objects.create(name="Stadt Musterhausen", kind="stadt", ags="05111000")


@pytest.fixture
def beispielkreis(db):
    return Organisation.objects.create(name="Landkreis Beispielkreis", kind="kreis")


def make_user(django_user_model, email, first_name="", last_name="", groups=(), organisation=None):
    user = django_user_model.objects.create_user(
        email, email, "ein-langes-passwort", first_name=first_name, last_name=last_name
    )
    for role in groups:
        user.groups.add(Group.objects.get(name=role))
    if organisation:
        grant_membership(user, organisation, MembershipSource.STAFF)
    return user


@pytest.fixture
def member(django_user_model, musterhausen):
    return make_user(
        django_user_model,
        "s.neumann@musterhausen.example",
        "Sabine",
        "Neumann",
        organisation=musterhausen,
    )


@pytest.fixture
def colleague(django_user_model, musterhausen):
    return make_user(django_user_model, "k.berg@musterhausen.example", organisation=musterhausen)


@pytest.fixture
def other_member(django_user_model, beispielkreis):
    return make_user(django_user_model, "t.kurz@beispielkreis.example", organisation=beispielkreis)


@pytest.fixture
def registered(django_user_model, db):
    return make_user(django_user_model, "lena.fischer@post.example")


@pytest.fixture
def mission_editor(django_user_model, home):
    return make_user(django_user_model, "leitbild@staedtetag.example", groups=[Role.MISSION_EDITOR])


@pytest.fixture
def guidance_editor(django_user_model, home):
    return make_user(django_user_model, "hilfen@kgst.example", groups=[Role.GUIDANCE_EDITOR])


@pytest.fixture
def principle(mission_index):
    return factories.mission_page(
        mission_index, title="Offene Standards", body=factories.body(3, 3)
    )


@pytest.fixture
def make_round(principle):
    def make(page=None, opens_in_days=-1, closes_in_days=7, **fields):
        now = timezone.now()
        comment_round = CommentRound.freeze(
            page or principle,
            opens_at=now + timedelta(days=opens_in_days),
            closes_at=now + timedelta(days=closes_in_days),
            **fields,
        )
        comment_round.save()
        return comment_round

    return make


@pytest.fixture
def open_round(make_round):
    return make_round()


def paragraph(comment_round, number: str):
    """The frozen block with the visible ``number`` (e.g. "2.1")."""
    return next(item.block for item in comment_round.numbered_body if item.number == number)
