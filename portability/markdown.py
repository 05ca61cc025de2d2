"""Markdown renderings for people: the pages, and the helpers every part's Markdown uses.

The JSON files are the data; the Markdown files beside them are for reading without
any software. Each part renders its own (the disposition tables in ``rounds``, the
discussion rooms in ``discussions``) with ``escape`` and ``when`` from here.
"""

from typing import Any

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import override
from wagtail.fields import RichTextField, StreamField

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
