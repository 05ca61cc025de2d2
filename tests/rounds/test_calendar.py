"""Rounds as calendar entries: one round for those who may see it, and a member's
private feed of the open rounds addressed to them."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from members.roles import Role
from members.services import delete_account, end_membership
from rounds.calendar import feed_token
from tests import factories


def events(response) -> list:
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return list(Calendar.from_ical(response.content).walk("VEVENT"))


def round_calendar_url(comment_round) -> str:
    return f"{comment_round.get_url()}termin.ics"


def feed_url(user) -> str:
    return reverse("rounds:calendar_feed", args=[feed_token(user)])


# One round


@pytest.mark.django_db
def test_round_entry_ends_at_the_deadline_in_berlin_time(client, open_round, member):
    client.force_login(member)
    response = client.get(round_calendar_url(open_round))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    (event,) = events(response)
    end = event.decoded("dtend")
    assert end == open_round.closes_at.replace(microsecond=0)  # iCalendar counts seconds
    assert str(end.tzinfo) == "Europe/Berlin"
    assert event.decoded("dtstart") < end
    assert str(event["summary"]) == "Frist: Kommentierung „Offene Standards“"
    assert str(event["url"]) == f"http://testserver{open_round.get_url()}"
    assert "Offene Standards" in str(event["description"])
    (alarm,) = event.walk("VALARM")
    assert alarm.decoded("trigger") == -timedelta(days=1)
    calendar = Calendar.from_ical(response.content)
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]


@pytest.mark.django_db
def test_round_page_links_its_calendar_entry_while_open(client, open_round, member):
    client.force_login(member)
    soup = BeautifulSoup(client.get(open_round.get_url()).content, "html.parser")
    link = soup.select_one(".round__calendar a")
    assert link["href"] == round_calendar_url(open_round)
    assert link.get_text() == "Frist in den Kalender übernehmen"


@pytest.mark.django_db
def test_round_entry_for_editors_and_the_audience_only(
    client, make_round, member, other_member, registered, mission_editor, musterhausen
):
    comment_round = make_round(audience_all_members=False)
    comment_round.audience_organisations.add(musterhausen)
    url = round_calendar_url(comment_round)
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    for outsider in (registered, other_member):
        client.force_login(outsider)
        response = client.get(url)
        assert response.status_code == 404, outsider
        assert b"Offene Standards" not in response.content
    for insider in (member, mission_editor):
        client.force_login(insider)
        assert client.get(url).status_code == 200, insider


@pytest.mark.django_db
def test_no_entry_for_upcoming_rounds_to_members_closed_rounds_or_unpublished_pages(
    client, make_round, member, mission_editor, principle
):
    upcoming = make_round(opens_in_days=2, closes_in_days=9)
    closed = make_round(opens_in_days=-9, closes_in_days=-2)
    client.force_login(member)
    assert client.get(round_calendar_url(upcoming)).status_code == 404
    assert client.get(round_calendar_url(closed)).status_code == 404
    client.force_login(mission_editor)
    assert client.get(round_calendar_url(upcoming)).status_code == 200
    assert client.get(round_calendar_url(closed)).status_code == 404
    url = round_calendar_url(upcoming)
    principle.unpublish()
    assert client.get(url).status_code == 404


# The private feed


@pytest.mark.django_db
def test_feed_lists_the_open_rounds_addressed_to_the_member_only(
    client, make_round, member, other_member, musterhausen, beispielkreis, mission_index
):
    everyone = make_round(closes_in_days=3)
    ours = make_round(audience_all_members=False, closes_in_days=5)
    ours.audience_organisations.add(musterhausen)
    theirs = make_round(audience_all_members=False)
    theirs.audience_organisations.add(beispielkreis)
    make_round(opens_in_days=2, closes_in_days=9)  # upcoming
    make_round(opens_in_days=-9, closes_in_days=-2)  # closed
    draft = factories.draft_child(
        mission_index, factories.MissionPage(title="Geheimer Entwurf", body=factories.body())
    )
    make_round(page=draft)

    response = client.get(feed_url(member))  # no session: the token is the key
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "X-Cache" not in response
    found = {str(event["uid"]) for event in events(response)}
    assert found == {f"kommentierung-{r.pk}@testserver" for r in (everyone, ours)}
    assert b"Geheimer Entwurf" not in response.content
    deadlines = [event.decoded("dtend") for event in events(response)]
    assert deadlines == [r.closes_at.replace(microsecond=0) for r in (everyone, ours)]

    other = {str(event["uid"]) for event in events(client.get(feed_url(other_member)))}
    assert other == {f"kommentierung-{r.pk}@testserver" for r in (everyone, theirs)}


@pytest.mark.django_db
def test_feed_leaves_out_rounds_on_pages_the_member_may_not_open(
    client, make_round, member, principle
):
    make_round()
    restriction = PageViewRestriction.objects.create(page=principle, restriction_type="groups")
    restriction.groups.add(Group.objects.get(name=Role.MISSION_EDITOR))
    assert events(client.get(feed_url(member))) == []
    restriction.groups.add(Group.objects.get(name=Role.MEMBER))
    assert len(events(client.get(feed_url(member)))) == 1


@pytest.mark.django_db
def test_wrong_or_forged_tokens_are_404(client, open_round, member, other_member):
    token = feed_token(member)
    user_id, signature = token.split("-", 1)
    forged = [
        f"{other_member.pk}-{signature}",
        f"{user_id}-{signature[:-2]}xx",
        user_id,
        f"{user_id}-",
        "abc-def",
        f"-{signature}",
    ]
    for bad in forged:
        response = client.get(f"/accounts/konto/kalender/{bad}.ics")
        assert response.status_code == 404, bad
        assert b"Offene Standards" not in response.content


@pytest.mark.django_db
def test_feed_stops_when_the_membership_ends(client, open_round, member, mission_editor):
    url = feed_url(member)
    assert client.get(url).status_code == 200
    end_membership(member.membership, mission_editor)
    response = client.get(url)
    assert response.status_code == 404
    assert b"Offene Standards" not in response.content


@pytest.mark.django_db
def test_feed_stops_when_the_account_is_deleted(client, open_round, member):
    url = feed_url(member)
    delete_account(member)
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_non_members_have_no_feed(client, open_round, registered, mission_editor):
    for person in (registered, mission_editor):
        assert client.get(feed_url(person)).status_code == 404


@pytest.mark.django_db
def test_feed_costs_the_same_queries_for_few_and_many_rounds(
    client, make_round, member, django_assert_max_num_queries
):
    make_round()
    with django_assert_max_num_queries(8):
        assert len(events(client.get(feed_url(member)))) == 1
    for _ in range(5):
        make_round()
    with django_assert_max_num_queries(8):
        assert len(events(client.get(feed_url(member)))) == 6


@pytest.mark.django_db
def test_account_page_shows_the_feed_address_to_members_only(client, member, registered):
    client.force_login(member)
    soup = BeautifulSoup(client.get("/accounts/konto/").content, "html.parser")
    field = soup.select_one("#calendar-feed-url")
    assert field["value"] == f"http://testserver{feed_url(member)}"
    assert soup.select_one("label[for=calendar-feed-url]") is not None
    client.force_login(registered)
    soup = BeautifulSoup(client.get("/accounts/konto/").content, "html.parser")
    assert soup.select_one("#calendar-feed-url") is None
    assert "kalender" not in str(soup)


@pytest.mark.django_db
def test_feed_token_changes_with_the_account(member, django_user_model):
    token = feed_token(member)
    assert token == feed_token(django_user_model.objects.get(pk=member.pk))
    member.date_joined = timezone.now() - timedelta(days=1)
    assert feed_token(member) != token
