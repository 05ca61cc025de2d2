"""The disposition table (Abwägungstabelle): one row model for every way it is shown.

The public page, the spreadsheet exports and the site export all read ``rows``: the
active comments in the order of the text (the whole text first, then paragraph by
paragraph, each by time of submission). What a channel shows of a row is chosen
there, not recomputed: the spreadsheet and the public page name a person where they
agreed to it (``attribution``), the site export names the organisation only.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from .models import Comment, CommentRound

WHOLE_TEXT = "ganzer Text"


@dataclass(frozen=True)
class Row:
    comment: Comment
    paragraph: str  # the visible number, "" for the whole text
    named: bool = True  # False: the organisation stands for everyone

    @property
    def paragraph_label(self) -> str:
        return self.paragraph or WHOLE_TEXT

    @property
    def anchor(self) -> str:
        return f"p-{self.comment.block_id}" if self.comment.block_id else ""

    @property
    def quote(self) -> str:
        return self.comment.quote

    @property
    def text(self) -> str:
        return self.comment.text

    @property
    def organisation(self) -> str:
        return self.comment.organisation.name

    @property
    def attribution(self) -> str:
        """Who commented, as this channel may say it."""
        return self.comment.attribution if self.named else self.organisation

    @property
    def decision(self) -> str:
        return self.comment.decision

    @property
    def decision_label(self) -> str:
        return str(self.comment.get_decision_display())

    @property
    def answer(self) -> str:
        return self.comment.answer

    @property
    def submitted_at(self) -> datetime:
        return self.comment.created_at

    @property
    def submitted_label(self) -> str:
        return timezone.localtime(self.submitted_at).strftime("%d.%m.%Y %H:%M")

    @property
    def answered_at(self) -> datetime | None:
        return self.comment.answered_at


@dataclass(frozen=True)
class Column:
    heading: str
    attribute: str  # of ``Row``

    def cell(self, row: Row) -> str:
        return getattr(row, self.attribute)


# What every tabular form of the table shows (spreadsheets, Markdown), in this order.
COLUMNS = (
    Column("Absatz", "paragraph_label"),
    Column("Zitierte Stelle", "quote"),
    Column("Kommentar", "text"),
    Column("Organisation", "attribution"),
    Column("Entscheidung", "decision_label"),
    Column("Antwort der Redaktion", "answer"),
    Column("Eingereicht am", "submitted_label"),
)


@dataclass(frozen=True)
class Group:
    """The rows on one paragraph (or on the whole text)."""

    paragraph: str
    anchor: str
    rows: list[Row]

    @property
    def paragraph_label(self) -> str:
        return self.paragraph or WHOLE_TEXT


def rows(comment_round: CommentRound, *, named: bool = True) -> list[Row]:
    """Every active comment of the round as a row, in the order of the text.

    ``named=False`` for channels that name organisations only (the site export)."""
    order = {"": -1} | {
        item.block.id: index for index, item in enumerate(comment_round.numbered_body)
    }
    comments = sorted(
        comment_round.comments.for_table(),
        key=lambda c: (order.get(c.block_id, len(order)), c.created_at, c.pk),
    )
    numbers = comment_round.paragraph_numbers
    return [Row(comment, numbers.get(comment.block_id, ""), named) for comment in comments]


def groups(table: list[Row]) -> list[Group]:
    """``table`` split into consecutive groups of one paragraph each."""
    grouped: list[Group] = []
    for row in table:
        if not grouped or grouped[-1].rows[0].comment.block_id != row.comment.block_id:
            grouped.append(Group(row.paragraph, row.anchor, []))
        grouped[-1].rows.append(row)
    return grouped
