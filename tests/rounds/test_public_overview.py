"""The public learns which rounds run and which tables are out (/kommentierungen/, the
home page, each text page) – never anything of an unreleased round's text or comments,
and nothing of rounds on pages the public cannot read."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from portal import content_cache
from rounds import services
from rounds.models import Comment, CommentRound
from rounds.permissions import is_publicly_mentioned, publicly_mentioned
from tests import factories
from tests.rounds.conftest import paragraph

pytestmark = pytest.mark.django_db

OVERVIEW = "/kommentierungen/"
SECRET_TITLE = "Entwurfstitel nur für Mitglieder"
SECRET_TEXT = "Geheimer Kommentar aus Musterhausen"


def titled(comment_round, title):
    comment_round.title = title
    comment_round.save()
    return comment_round


@pytest.fixture
def rounds(make_round, principle, mission_index, member):
    running = titled(make_round(opens_in_days=-2, closes_in_days=5), SECRET_TITLE)
    Comment.objects.create(
        round=running,
        block_id=paragraph(running, "1.1").id,
        text=SECRET_TEXT,
        author=member,
        organisation=member.membership.organisation,
    )
    released = titled(make_round(opens_in_days=-40, closes_in_days=-20), "Freigegebene Fassung")
    released.released_at = timezone.now() - timedelta(days=3)
    released.save()
    evaluating = make_round(opens_in_days=-15, closes_in_days=-1)
    upcoming = titled(make_round(opens_in_days=3, closes_in_days=20), "Kommt noch")
    hidden_page = factories.mission_page(mission_index, title="Nur intern", slug="intern")
    PageViewRestriction.objects.create(page=hidden_page, restriction_type=PageViewRestriction.LOGIN)
    hidden = titled(make_round(page=hidden_page), "Interne Runde")
    return {
        "running": running,
        "released": released,
        "evaluating": evaluating,
        "upcoming": upcoming,
        "hidden": hidden,
    }


def test_the_overview_lists_what_the_public_may_know(client, rounds, principle):
    response = client.get(OVERVIEW)
    assert response.status_code == 200
    html = response.content.decode()
    running = rounds["running"]
    assert principle.title in html
    assert f"Kommentierung bis {timezone.localtime(running.closes_at):%-d}." in html
    assert running.get_url() in html and "für Mitgliedsorganisationen" in html
    assert "Abwägungstabelle: Freigegebene Fassung" in html
    assert rounds["released"].get_url() in html
    assert "die Abwägungstabelle folgt" in html
    # Nothing of an unreleased round's frozen draft or comments, nothing upcoming or hidden.
    for secret in (SECRET_TITLE, SECRET_TEXT, "Kommt noch", "Interne Runde", "Nur intern"):
        assert secret not in html


def test_members_and_anonymous_readers_see_the_same_overview(client, rounds, member):
    anonymous = client.get(OVERVIEW).content.decode()
    client.force_login(member)
    signed_in = client.get(OVERVIEW).content.decode()
    assert SECRET_TITLE not in signed_in and "Interne Runde" not in signed_in
    assert ("Freigegebene Fassung" in anonymous) and ("Freigegebene Fassung" in signed_in)


def test_text_page_and_home_page_name_their_rounds(client, rounds, principle, home):
    text = client.get(principle.url).content.decode()
    assert "Kommentierungsrunden zu diesem Text" in text
    assert rounds["running"].get_url() in text and rounds["released"].get_url() in text
    assert SECRET_TITLE not in text and SECRET_TEXT not in text

    start = client.get(home.url).content.decode()
    assert principle.title in start and "Abwägungstabelle: Freigegebene Fassung" in start
    assert SECRET_TITLE not in start and "Interne Runde" not in start


def test_a_text_without_a_round_number_leads_to_the_overview(client, rounds, principle):
    response = client.get(f"{principle.url}kommentierung/")
    assert response.status_code == 302 and response["Location"] == OVERVIEW


@pytest.mark.parametrize("name", ["running", "released", "evaluating", "upcoming", "hidden"])
def test_the_check_and_the_query_agree(rounds, name):
    comment_round = rounds[name]
    listed = publicly_mentioned().filter(pk=comment_round.pk).exists()
    assert listed == is_publicly_mentioned(comment_round)
    assert listed == (name in {"running", "released", "evaluating"})


def test_the_overview_costs_the_same_queries_for_few_and_many_rounds(
    client, make_round, django_assert_max_num_queries
):
    make_round()
    with django_assert_max_num_queries(12):
        client.get(OVERVIEW)
    for days in range(10):
        released = make_round(opens_in_days=-30 - days, closes_in_days=-10)
        released.released_at = timezone.now()
        released.save()
        make_round(opens_in_days=-1)
    with django_assert_max_num_queries(12):
        client.get(OVERVIEW)


def test_opening_and_closing_renew_the_cached_listings(make_round):
    comment_round = make_round(opens_in_days=1, closes_in_days=3)
    services.renew_listings_after_phase_changes(timezone.now())
    before = content_cache.current()
    assert services.renew_listings_after_phase_changes(timezone.now()) == 0
    assert content_cache.current() == before

    assert services.renew_listings_after_phase_changes(comment_round.opens_at) == 1
    assert content_cache.current() != before
    after_opening = content_cache.current()
    later = comment_round.closes_at + timedelta(minutes=1)
    assert services.renew_listings_after_phase_changes(later) == 1
    assert content_cache.current() != after_opening


def test_a_round_opened_in_the_admin_renews_the_cached_listings(principle):
    before = content_cache.current()
    now = timezone.now()
    CommentRound.freeze(principle, opens_at=now, closes_at=now + timedelta(days=7)).save()
    assert content_cache.current() != before
