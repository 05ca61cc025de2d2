"""One row model for the disposition table: the page, the spreadsheets and the site
export show the same comments in the same order, each naming people only as allowed."""

import csv
import io
import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from portability.export import export_site
from rounds import disposition, exports
from rounds.models import Comment
from tests.rounds.conftest import paragraph

pytestmark = pytest.mark.django_db


@pytest.fixture
def released_round(make_round, member, other_member):
    comment_round = make_round(opens_in_days=-10, closes_in_days=-1)
    start = timezone.now() - timedelta(days=5)
    # Submitted out of text order: later paragraphs first, the whole text last.
    for minutes, (user, number, text) in enumerate(
        [
            (other_member, "2.1", "Zweiter zu 2.1"),
            (member, "1.1", "Zu 1.1"),
            (member, None, "Zum ganzen Text"),
        ]
    ):
        comment = Comment.objects.create(
            round=comment_round,
            block_id=paragraph(comment_round, number).id if number else "",
            text=text,
            author=user,
            organisation=user.membership.organisation,
            show_author_name=user == member,
        )
        Comment.objects.filter(pk=comment.pk).update(created_at=start + timedelta(minutes=minutes))
    early = Comment.objects.create(
        round=comment_round,
        block_id=paragraph(comment_round, "2.1").id,
        text="Erster zu 2.1",
        author=member,
        organisation=member.membership.organisation,
    )
    Comment.objects.filter(pk=early.pk).update(created_at=start - timedelta(minutes=1))
    withdrawn = Comment.objects.create(
        round=comment_round,
        text="Zurückgezogen",
        author=member,
        organisation=member.membership.organisation,
    )
    withdrawn.withdrawn_at = timezone.now()
    withdrawn.save()
    comment_round.released_at = timezone.now()
    comment_round.save()
    return comment_round


EXPECTED = ["Zum ganzen Text", "Zu 1.1", "Erster zu 2.1", "Zweiter zu 2.1"]


def test_rows_follow_the_text_and_leave_withdrawn_comments_out(released_round):
    table = disposition.rows(released_round)
    assert [row.text for row in table] == EXPECTED
    assert [row.paragraph_label for row in table] == ["ganzer Text", "1.1", "2.1", "2.1"]
    assert [group.paragraph_label for group in disposition.groups(table)] == [
        "ganzer Text",
        "1.1",
        "2.1",
    ]


def test_page_and_spreadsheet_show_the_same_rows_and_names(client, released_round):
    html = client.get(released_round.get_url()).content.decode()
    positions = [html.index(text) for text in EXPECTED]
    assert positions == sorted(positions)
    assert "Zurückgezogen" not in html

    sheet = list(
        csv.reader(io.StringIO(exports.as_csv(released_round).decode("utf-8-sig")), delimiter=";")
    )
    assert sheet[0] == exports.HEADER
    assert [line[2] for line in sheet[1:]] == EXPECTED
    named = "Sabine Neumann (Stadt Musterhausen)"
    assert sheet[1][3] == named and named in html


def test_site_export_has_the_same_rows_by_organisation_only(released_round, tmp_path, home):
    export_site(tmp_path / "export")
    folder = tmp_path / "export" / "kommentierungen"
    (record_file,) = folder.glob("*.json")
    record = json.loads(record_file.read_text())
    assert [item["text"] for item in record["comments"]] == EXPECTED
    markdown = record_file.with_suffix(".md").read_text()
    headings = "| Nr. | " + " | ".join(c.heading for c in disposition.COLUMNS) + " |"
    assert headings in markdown
    texts = [text for text in EXPECTED if text in markdown]
    assert texts == EXPECTED
    assert [markdown.index(text) for text in texts] == sorted(markdown.index(t) for t in texts)
    assert "Neumann" not in markdown
    assert re.search(r"\| 1 \| ganzer Text \|", markdown)
