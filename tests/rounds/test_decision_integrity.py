"""A decision answers the exact text it was taken on: a rewritten comment goes back to
"offen" with a visible mark, and an answer is never saved onto a text nobody read."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from rounds.choices import Decision
from rounds.models import Comment
from tests.rounds.conftest import paragraph

pytestmark = pytest.mark.django_db


@pytest.fixture
def decided(open_round, member, mission_editor):
    comment = Comment.objects.create(
        round=open_round,
        block_id=paragraph(open_round, "1.1").id,
        text="Bitte Schnittstellen nennen.",
        author=member,
        organisation=member.membership.organisation,
        decision=Decision.ACCEPTED,
        answer="Wir nennen zwei.",
        answered_by=mission_editor,
    )
    return comment


def edit(client, comment, text):
    url = f"{comment.round.get_url()}kommentar/{comment.pk}/bearbeiten/"
    return client.post(url, {"block_id": comment.block_id, "text": text})


def evaluate_url(comment_round):
    return reverse("rounds_evaluate", args=[comment_round.pk])


def test_rewriting_a_decided_comment_reopens_the_decision_with_a_mark(
    client, decided, member, mission_editor
):
    client.force_login(member)
    assert edit(client, decided, "Bitte drei Schnittstellen nennen.").status_code == 302
    decided.refresh_from_db()
    assert decided.decision == Decision.OPEN
    assert decided.changed_after_answer_at is not None
    # The old answer stays for the editors to rework; it is no longer a decision.
    assert decided.answer == "Wir nennen zwei."

    client.force_login(mission_editor)
    html = client.get(evaluate_url(decided.round)).content.decode()
    assert "Nach der Entscheidung geändert" in html

    client.post(
        evaluate_url(decided.round),
        {
            f"entscheidung-{decided.pk}": Decision.PARTLY_ACCEPTED,
            f"antwort-{decided.pk}": "Wir nennen drei.",
            f"stand-{decided.pk}": decided.content_key,
        },
    )
    decided.refresh_from_db()
    assert decided.decision == Decision.PARTLY_ACCEPTED
    assert decided.changed_after_answer_at is None
    html = client.get(evaluate_url(decided.round)).content.decode()
    assert "Nach der Entscheidung geändert" not in html


def test_changing_only_the_name_consent_keeps_the_decision(client, decided, member):
    client.force_login(member)
    url = f"{decided.round.get_url()}kommentar/{decided.pk}/bearbeiten/"
    client.post(url, {"block_id": decided.block_id, "text": decided.text, "show_author_name": "on"})
    decided.refresh_from_db()
    assert decided.decision == Decision.ACCEPTED and decided.changed_after_answer_at is None


def test_an_answer_is_not_saved_onto_a_text_rewritten_while_the_editor_read(
    client, open_round, member, mission_editor
):
    comment = Comment.objects.create(
        round=open_round,
        block_id=paragraph(open_round, "1.1").id,
        text="Erste Fassung",
        author=member,
        organisation=member.membership.organisation,
    )
    seen = comment.content_key  # what the editor's evaluation page carries
    client.force_login(member)
    edit(client, comment, "Ganz andere Forderung")

    client.force_login(mission_editor)
    response = client.post(
        evaluate_url(open_round),
        {
            f"entscheidung-{comment.pk}": Decision.REJECTED,
            f"antwort-{comment.pk}": "Nein zur ersten Fassung.",
            f"stand-{comment.pk}": seen,
        },
    )
    comment.refresh_from_db()
    assert comment.decision == Decision.OPEN and comment.answer == ""
    warnings = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("inzwischen von ihren Verfassern geändert" in m for m in warnings)
