"""The round's state changes as services: answering, releasing, finishing the evaluation."""

import pytest
from wagtail.models import ModelLogEntry

from portal import content_cache
from rounds import services
from rounds.choices import Decision
from rounds.models import Comment
from tests.rounds.conftest import paragraph


@pytest.fixture
def closed_round(make_round, member, other_member):
    comment_round = make_round(opens_in_days=-10, closes_in_days=-1)
    for user, text in [(member, "Aus Musterhausen"), (other_member, "Aus dem Kreis")]:
        Comment.objects.create(
            round=comment_round,
            block_id=paragraph(comment_round, "2.1").id,
            text=text,
            author=user,
            organisation=user.membership.organisation,
        )
    return comment_round


def round_log(comment_round, action: str):
    return ModelLogEntry.objects.filter(object_id=str(comment_round.pk), action=action)


@pytest.mark.django_db
def test_answering_changes_only_what_differs_and_logs_it_once(closed_round, mission_editor):
    first, second = closed_round.comments.order_by("pk")
    changed = services.answer_comments(
        closed_round,
        mission_editor,
        [(first.pk, Decision.ACCEPTED, "  Wir übernehmen das.  "), (second.pk, None, None)],
    ).changed
    assert changed == [first]
    first.refresh_from_db()
    assert (first.decision, first.answer, first.answered_by) == (
        Decision.ACCEPTED,
        "Wir übernehmen das.",
        mission_editor,
    )
    assert round_log(closed_round, "rounds.answer").count() == 1

    again = services.answer_comments(
        closed_round, mission_editor, [(first.pk, Decision.ACCEPTED, "Wir übernehmen das.")]
    ).changed
    assert again == []
    assert round_log(closed_round, "rounds.answer").count() == 1


@pytest.mark.django_db
def test_answering_ignores_unknown_decisions_and_comments_of_other_rounds(
    closed_round, make_round, member, mission_editor
):
    other_round = make_round()
    foreign = Comment.objects.create(
        round=other_round,
        text="Anderswo",
        author=member,
        organisation=member.membership.organisation,
    )
    first = closed_round.comments.order_by("pk").first()
    changed = services.answer_comments(
        closed_round,
        mission_editor,
        [(first.pk, "vielleicht", "Hm."), (foreign.pk, Decision.REJECTED, "Nein.")],
    ).changed
    assert changed == []
    foreign.refresh_from_db()
    assert foreign.decision != Decision.REJECTED


@pytest.mark.django_db
def test_answers_in_a_released_table_renew_the_cached_pages(closed_round, mission_editor):
    assert services.release(closed_round, mission_editor) is True
    before = content_cache.current()
    first = closed_round.comments.order_by("pk").first()
    services.answer_comments(closed_round, mission_editor, [(first.pk, Decision.REJECTED, "")])
    assert content_cache.current() != before


@pytest.mark.django_db
def test_release_once_and_never_while_open(closed_round, open_round, mission_editor):
    with pytest.raises(services.RoundStillOpen):
        services.release(open_round, mission_editor)
    open_round.refresh_from_db()
    assert open_round.released_at is None

    before = content_cache.current()
    assert services.release(closed_round, mission_editor) is True
    assert closed_round.released_at is not None
    assert content_cache.current() != before
    assert services.release(closed_round, mission_editor) is False
    assert round_log(closed_round, "rounds.release").count() == 1


@pytest.mark.django_db
def test_finishing_the_evaluation_once_and_never_while_open(
    closed_round, open_round, mission_editor
):
    with pytest.raises(services.RoundStillOpen):
        services.mark_evaluated(open_round, mission_editor)
    assert services.mark_evaluated(closed_round, mission_editor) is True
    assert closed_round.evaluated_at is not None
    assert services.mark_evaluated(closed_round, mission_editor) is False
    assert round_log(closed_round, "rounds.evaluate").count() == 1


@pytest.mark.django_db
def test_withdrawing_a_comment_takes_it_off_the_round(closed_round):
    comment = closed_round.comments.order_by("pk").first()
    services.withdraw_comment(comment)
    assert comment.withdrawn_at is not None
    assert comment not in closed_round.comments.active()
