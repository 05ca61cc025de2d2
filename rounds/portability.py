"""The comment rounds' part of the site export (``portability``).

What goes out: released rounds on exported pages with their disposition tables, in
JSON and as a Markdown table – comments by organisation only, never naming a person,
even where the author agreed to be named. Unreleased rounds and withdrawn comments
stay behind.
"""

from collections import Counter
from typing import Any

from django.contrib.auth.models import Group

from portability import formats
from portability.context import ExportContext, ImportContext, read_json
from portability.markdown import escape, when
from portability.parts import Part

from . import disposition
from .models import Comment, CommentRound


def disposition_markdown(record: dict[str, Any], table: list[disposition.Row]) -> str:
    columns = disposition.COLUMNS
    lines = [
        "| Nr. | " + " | ".join(column.heading for column in columns) + " |",
        "|---" * (len(columns) + 1) + "|",
    ]
    for number, row in enumerate(table, start=1):
        cells = [str(number), *(column.cell(row) for column in columns)]
        lines.append("| " + " | ".join(escape(cell) for cell in cells) + " |")
    parts = [
        f"# Abwägungstabelle: {escape(record['title'])}",
        f"Kommentierung vom {when(record['opens_at'])} bis {when(record['closes_at'])}; "
        f"Abwägung veröffentlicht am {when(record['released_at'])}. Text: `{record['page']}`",
        "\n".join(lines),
    ]
    return "\n\n".join(parts) + "\n"


class RoundsPart(Part):
    key = "rounds"
    order = 50
    needs = ("organisations", "pages")
    counts = ("rounds", "comments")
    paths = (formats.ROUNDS_DIR,)
    database_label = "Kommentierungsrunden"

    def export(self, context: ExportContext) -> None:
        order = context.page_positions()
        rounds = sorted(
            CommentRound.objects.released()
            .filter(page_id__in=order)
            .prefetch_related("audience_organisations", "audience_groups"),
            key=lambda item: (order[item.page_id], item.opens_at, item.pk),
        )
        numbers: Counter[int] = Counter()
        for comment_round in rounds:
            numbers[comment_round.page_id] += 1
            path = context.refs.pages[comment_round.page_id]
            name = f"{formats.file_stem(path)}-{numbers[comment_round.page_id]}"
            # By organisation only: the export never names people here.
            table = disposition.rows(comment_round, named=False)
            comments = [
                {
                    "block_id": row.comment.block_id,
                    "paragraph": row.paragraph,
                    "quote": row.quote,
                    "text": row.text,
                    "organisation": row.organisation,
                    "created_at": formats.timestamp(row.submitted_at),
                    "decision": row.decision,
                    "decision_label": row.decision_label,
                    "answer": row.answer,
                    "answered_at": formats.timestamp(row.answered_at),
                }
                for row in table
            ]
            context.count("comments", len(comments))
            record = {
                "page": path,
                "title": comment_round.title,
                "summary": comment_round.summary,
                "body": context.refs.data(comment_round.body),
                "opens_at": formats.timestamp(comment_round.opens_at),
                "closes_at": formats.timestamp(comment_round.closes_at),
                "instructions": comment_round.instructions,
                "visibility": comment_round.visibility,
                "audience_all_members": comment_round.audience_all_members,
                "audience_organisations": sorted(
                    org.name for org in comment_round.audience_organisations.all()
                ),
                "audience_groups": sorted(g.name for g in comment_round.audience_groups.all()),
                "released_at": formats.timestamp(comment_round.released_at),
                "evaluated_at": formats.timestamp(comment_round.evaluated_at),
                "comments": comments,
            }
            folder = context.folder / formats.ROUNDS_DIR
            formats.write_json(folder / f"{name}.json", record)
            formats.write_text(folder / f"{name}.md", disposition_markdown(record, table))
            context.count("rounds")

    def has_content(self) -> bool:
        return CommentRound.objects.exists()

    def import_(self, context: ImportContext) -> None:
        folder = context.folder / formats.ROUNDS_DIR
        records = [read_json(path) for path in folder.glob("*.json")]
        records.sort(key=lambda r: (r["page"], r["opens_at"]))
        for record in records:
            page = context.page(record["page"])
            body = context.targets.data(record["body"])
            opens_at = formats.parse_timestamp(record["opens_at"])
            revision = context.frozen_revision(
                page, opens_at, title=record["title"], summary=record["summary"], body=body
            )
            comment_round = CommentRound.objects.create(
                page=page,
                revision=revision,
                title=record["title"],
                summary=record["summary"],
                body=body,
                opens_at=opens_at,
                closes_at=formats.parse_timestamp(record["closes_at"]),
                instructions=record["instructions"],
                visibility=record["visibility"],
                audience_all_members=record["audience_all_members"],
                released_at=formats.parse_timestamp(record["released_at"]),
                evaluated_at=formats.parse_timestamp(record["evaluated_at"]),
            )
            comment_round.audience_organisations.set(
                [context.organisations[name] for name in record["audience_organisations"]]
            )
            comment_round.audience_groups.set(
                [Group.objects.get_or_create(name=name)[0] for name in record["audience_groups"]]
            )
            for item in record["comments"]:
                comment = Comment.objects.create(
                    round=comment_round,
                    block_id=item["block_id"],
                    quote=item["quote"],
                    text=item["text"],
                    organisation=context.organisation(item["organisation"]),
                    decision=item["decision"],
                    answer=item["answer"],
                    answered_at=formats.parse_timestamp(item["answered_at"]),
                )
                Comment.objects.filter(pk=comment.pk).update(
                    created_at=formats.parse_timestamp(item["created_at"])
                )
