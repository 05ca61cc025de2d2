"""Markdown renderings for people: pages, disposition tables and discussion rooms.

The JSON files are the data; these files are for reading without any software. The
Markdown of a version is not made here: it is the version's canonical text itself.
"""

from typing import Any

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import override
from wagtail.fields import RichTextField, StreamField

from discussions.identity import person_name
from rounds import disposition
from strands.body.text import body_markdown, inline_text, rich_text_lines

from . import formats

SKIPPED = {"slug", "seo_title", "search_description", "change_kind", "change_note"}


def escape(text: str) -> str:
    return inline_text(text, markdown=True)


def when(value: str | None) -> str:
    if not value:
        return ""
    with override("de"):
        return date_format(formats.parse_timestamp(value), "j. F Y, H:i") + " Uhr (UTC)"


def page_markdown(record: dict[str, Any], model: type[models.Model]) -> str:
    parts = [
        f"# {escape(record['title'])}",
        f"{escape(record['type_label'])} · Pfad: `{record['path']}`",
    ]
    for name, value in record["fields"].items():
        if name in SKIPPED or value in ("", None, [], False):
            continue
        try:
            model_field = model._meta.get_field(name)
            label = str(model_field.verbose_name)
        except Exception:  # child relations (form fields) are no model fields
            model_field, label = None, name
        if isinstance(model_field, StreamField):
            parts.extend(body_markdown(value, compact=True))
        elif isinstance(model_field, RichTextField):
            parts.append(f"## {escape(label)}\n\n" + "\n\n".join(rich_text_lines(value, True)))
        elif name == "tags":
            parts.append(f"**{escape(label)}:** " + ", ".join(escape(t["name"]) for t in value))
        elif isinstance(value, list) and value and isinstance(value[0], str):
            parts.append(f"**{escape(label)}:** " + ", ".join(f"`{v}`" for v in value))
        elif isinstance(value, str):
            parts.append(f"**{escape(label)}:** {escape(value)}")
    return "\n\n".join(parts) + "\n"


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


def author(name: str | None, organisation: str | None) -> str:
    class _Person:
        def get_full_name(self):
            return name

    label = person_name(None if name is None else _Person())
    return f"{label} ({organisation})" if organisation else label


def room_markdown(record: dict[str, Any]) -> str:
    parts = [f"# {escape(record['title'])}"]
    if record["description"]:
        parts.append(escape(record["description"]))
    for thread in record["threads"]:
        parts.append(
            f"## {escape(thread['title'])}\n\n"
            f"Eröffnet von {escape(author(thread['author'], thread['organisation']))} "
            f"am {when(thread['created_at'])}" + (" · gesperrt" if thread["locked"] else "")
        )
        for post in thread["posts"]:
            text = "\n".join(f"> {line}" if line else ">" for line in post["text"].splitlines())
            parts.append(
                f"**{escape(author(post['author'], post['organisation']))}**, "
                f"{when(post['created_at'])}:\n\n{text}"
            )
    return "\n\n".join(parts) + "\n"
