"""Who may see and comment in a round: role × time window, and what must not appear."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from rounds.models import Comment
from tests.rounds.conftest import paragraph

STATES = {
    "vorher": -1,  # days from the round's opening … (see window below)
    "offen": 3,
    "danach": 10,
}


@pytest.fixture
def window(make_round):
    """A round from day 0 to day 7; ``at(state)`` travels into it."""
    start = timezone.now().replace(microsecond=0)
    comment_round = make_round(opens_in_days=0, closes_in_days=7)
    comment_round.opens_at = start
    comment_round.closes_at = start + timedelta(days=7)
    comment_round.save()

    def at(state):
        return time_machine.travel(start + timedelta(days=STATES[state]), tick=False)

    return comment_round, at


def who(request, name):
    return None if name == "anonym" else request.getfixturevalue(name)


EXPECTED_VIEW = {
    # role: {state: status}
    "anonym": {"vorher": 302, "offen": 302, "danach": 302},
    # Signed-in people outside the audience learn whom the round is for (403).
    "registered": {"vorher": 404, "offen": 403, "danach": 403},
    "member": {"vorher": 404, "offen": 200, "danach": 200},
    "other_member": {"vorher": 404, "offen": 200, "danach": 200},
    "mission_editor": {"vorher": 200, "offen": 200, "danach": 200},
    "guidance_editor": {"vorher": 404, "offen": 403, "danach": 403},
}


@pytest.mark.django_db
@pytest.mark.parametrize("state", list(STATES))
@pytest.mark.parametrize("role", list(EXPECTED_VIEW))
def test_who_sees_the_frozen_draft(request, client, window, role, state):
    comment_round, at = window
    user = who(request, role)
    if user:
        client.force_login(user)
    with at(state):
        response = client.get(comment_round.get_url())
    assert response.status_code == EXPECTED_VIEW[role][state]
    if response.status_code == 302:
        assert response["Location"].startswith("/accounts/login/")
    if response.status_code != 200:
        assert "Absatz 1.1" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("state", list(STATES))
@pytest.mark.parametrize("role", list(EXPECTED_VIEW))
def test_only_addressed_members_comment_and_only_while_open(request, client, window, role, state):
    comment_round, at = window
    user = who(request, role)
    if user:
        client.force_login(user)
    block = paragraph(comment_round, "1.2")
    with at(state):
        response = client.post(
            comment_round.get_url(), {"block_id": block.id, "text": "Bitte präzisieren."}
        )
    allowed = role in {"member", "other_member"} and state == "offen"
    assert Comment.objects.exists() == allowed
    if allowed:
        assert response.status_code == 302
    elif role in {"member", "other_member", "mission_editor"} and state != "vorher":
        # Shown the page again with a German explanation and the typed text kept.
        html = response.content.decode()
        assert response.status_code == 400
        assert "Bitte präzisieren." in html
        assert "nicht geöffnet" in html or "nicht kommentieren" in html


@pytest.mark.django_db
def test_audience_limited_to_one_organisation(
    client, make_round, member, other_member, musterhausen
):
    comment_round = make_round(audience_all_members=False)
    comment_round.audience_organisations.add(musterhausen)
    client.force_login(other_member)
    assert client.get(comment_round.get_url()).status_code == 403
    client.force_login(member)
    assert client.get(comment_round.get_url()).status_code == 200


@pytest.mark.django_db
def test_audience_by_group(client, make_round, member, other_member):
    from django.contrib.auth.models import Group

    pilots = Group.objects.create(name="Pilotkommunen")
    other_member.groups.add(pilots)
    comment_round = make_round(audience_all_members=False)
    comment_round.audience_groups.add(pilots)
    client.force_login(member)
    assert client.get(comment_round.get_url()).status_code == 403
    client.force_login(other_member)
    assert client.get(comment_round.get_url()).status_code == 200


@pytest.mark.django_db
def test_a_round_is_only_reachable_below_its_own_page(client, open_round, member, mission_index):
    from tests import factories

    other_page = factories.mission_page(mission_index, title="Datensouveränität")
    client.force_login(member)
    assert client.get(f"{other_page.url}kommentierung/{open_round.pk}/").status_code == 404


@pytest.mark.django_db
def test_home_page_shows_open_rounds_to_addressed_members_only(
    client, make_round, member, other_member, registered, musterhausen
):
    comment_round = make_round(audience_all_members=False)
    comment_round.audience_organisations.add(musterhausen)
    assert comment_round.get_url() not in client.get("/").content.decode()
    for user, sees in [(member, True), (other_member, False), (registered, False)]:
        client.force_login(user)
        html = client.get("/").content.decode()
        assert ("Offene Kommentierungsrunden für Sie" in html) == sees
        assert (comment_round.get_url() in html) == sees


def _comment_by(user, comment_round, text):
    return Comment.objects.create(
        round=comment_round,
        author=user,
        organisation=user.membership.organisation,
        block_id=paragraph(comment_round, "1.1").id,
        text=text,
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonym", 302),
        ("registered", 403),
        ("other_member", 403),
        ("member", 200),
        ("mission_editor", 200),
    ],
)
def test_people_outside_the_audience_learn_whom_the_round_is_for(
    request, client, make_round, musterhausen, member, role, status
):
    comment_round = make_round(audience_all_members=False)
    comment_round.audience_organisations.add(musterhausen)
    _comment_by(member, comment_round, "Geheimer Hinweis aus Musterhausen")
    user = who(request, role)
    if user:
        client.force_login(user)
    response = client.get(comment_round.get_url())
    html = response.content.decode()
    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith("/accounts/login/")
    if status == 403:
        assert "Mitgliedsorganisationen" in html
        assert comment_round.page.title in html  # the live public page's title
        assert "Absatz 1.1" not in html
        assert "Geheimer Hinweis" not in html
        assert "no-cache" in response["Cache-Control"]
    if role == "registered":
        assert "So werden Sie Mitglied" in html
        assert '#membership-heading">Mein Konto</a>' in html
    if role == "other_member":
        assert "So werden Sie Mitglied" not in html
        assert "nicht zu den Adressaten" in html


@pytest.mark.django_db
def test_outsiders_posting_to_a_round_store_nothing(client, make_round, musterhausen, other_member):
    comment_round = make_round(audience_all_members=False)
    comment_round.audience_organisations.add(musterhausen)
    client.force_login(other_member)
    block = paragraph(comment_round, "1.2")
    response = client.post(comment_round.get_url(), {"block_id": block.id, "text": "Hallo"})
    assert response.status_code == 403
    assert not Comment.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["registered", "other_member"])
def test_rounds_on_restricted_pages_stay_hidden_from_outsiders(
    request, client, make_round, musterhausen, role
):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    comment_round = make_round(audience_all_members=False)
    comment_round.audience_organisations.add(musterhausen)
    insiders = Group.objects.create(name="Vorab-Leser")
    restriction = PageViewRestriction.objects.create(
        page=comment_round.page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(insiders)
    user = who(request, role)
    user.groups.add(insiders)  # past Wagtail's privacy check, still outside the audience
    client.force_login(user)
    response = client.get(comment_round.get_url())
    assert response.status_code == 404
    assert comment_round.page.title not in response.content.decode()
