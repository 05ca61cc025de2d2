"""The diff of the next version shows the decided comments next to the changed paragraphs."""

import pytest

from rounds.choices import Decision
from rounds.models import Comment
from tests.rounds.conftest import paragraph


def publish_revised(page, changed_block_id: str, text: str):
    body = page.body.get_prep_value()
    for block in body:
        if block["id"] == changed_block_id:
            block["value"] = f"<p>{text}</p>"
    page.body = body
    page.change_note = "Überarbeitet nach der Kommentierungsrunde."
    page.save_revision().publish()


@pytest.mark.django_db
def test_diff_shows_released_decisions_beside_the_changed_paragraph(
    client, make_round, principle, member
):
    comment_round = make_round(opens_in_days=-10, closes_in_days=-1)
    changed = paragraph(comment_round, "1.2")
    unchanged = paragraph(comment_round, "2.1")
    for block, text in [(changed, "Bitte Standards nennen."), (unchanged, "Passt so.")]:
        Comment.objects.create(
            round=comment_round,
            block_id=block.id,
            text=text,
            author=member,
            organisation=member.membership.organisation,
            decision=Decision.ACCEPTED,
            answer="Übernommen.",
        )
    publish_revised(principle, changed.id, "Absatz 1.2 nennt jetzt ODF und PDF/A.")
    diff_url = f"{principle.url}fassungen/1.0/vergleich/1.1/"

    before_release = client.get(diff_url).content.decode()
    assert "Bitte Standards nennen." not in before_release

    comment_round.released_at = comment_round.closes_at
    comment_round.save()
    from portal import content_cache

    content_cache.bump()
    html = client.get(diff_url).content.decode()
    assert "Bitte Standards nennen." in html
    assert "Stadt Musterhausen" in html and "angenommen" in html
    assert "Passt so." not in html  # that paragraph did not change
    assert f"{comment_round.get_url()}#k-" in html
