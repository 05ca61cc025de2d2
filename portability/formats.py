"""The export format: its name and version, file layout, JSON writing and the rewriting
of references inside rich text.

Rich text stores internal links by database id (``<a linktype="page" id="3">``), which
means nothing in another installation. The export replaces ids by what survives a move
to a new database: the page's path below the home page, the media file's name in the
export. The import maps them back to the new ids.
"""

import html
import json
import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

FORMAT_NAME = "kommunal-souveraen-export"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"

PAGES_DIR = "seiten"
VERSIONS_DIR = "fassungen"
ROUNDS_DIR = "kommentierungen"
DISCUSSIONS_DIR = "diskussionen"
ORGANISATIONS_FILE = "organisationen.json"
MEDIA_DIR = "medien"
IMAGES_FILE = "bilder.json"
DOCUMENTS_FILE = "dokumente.json"

OPENING_TAG = re.compile(r"<(a|embed)(\s[^>]*?)?(/?)>", re.IGNORECASE)
ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')


def timestamp(value: datetime | None) -> str | None:
    """ISO 8601 in UTC, or None; the same instant always gives the same text."""
    return value.astimezone(UTC).isoformat() if value else None


def parse_timestamp(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


def file_stem(path: str) -> str:
    """``/leitbild/grundsaetze/`` → ``leitbild__grundsaetze``; the home page is ``startseite``."""
    return path.strip("/").replace("/", "__") or "startseite"


# --- references inside rich text -------------------------------------------------------

# What an opening tag points at, and how the export names it: (tag, type attribute,
# type value) → (kind of target, attribute holding the export name).
REFERENCE_KINDS = {
    ("a", "linktype", "page"): ("page", "path"),
    ("a", "linktype", "document"): ("document", "file"),
    ("embed", "embedtype", "image"): ("image", "file"),
}


def _reference_kind(tag: str, attributes: dict[str, str]):
    for (kind_tag, type_attribute, type_value), target in REFERENCE_KINDS.items():
        if tag == kind_tag and attributes.get(type_attribute) == type_value:
            return target
    return None


def _rebuild(tag: str, attributes: list[tuple[str, str]], closing: str) -> str:
    parts = "".join(f' {name}="{value}"' for name, value in attributes)
    return f"<{tag}{parts}{' /' if closing else ''}>"


Lookup = Callable[[str, str], str | None]


def rewrite_references(text: str, lookup: Lookup, source: str, target: str) -> str:
    """Replace the ``source`` attribute of every reference by ``target`` via ``lookup``.

    ``lookup(kind, value)`` gives the new value or None when the target is not
    available (a draft or restricted page): a link then keeps its text only, an
    embedded image disappears.
    """
    if "linktype=" not in text and "embedtype=" not in text:
        return text

    def replace(match: re.Match) -> str:
        tag = match.group(1).lower()
        attributes = ATTRIBUTE.findall(match.group(2) or "")
        as_dict = dict(attributes)
        reference = _reference_kind(tag, as_dict)
        if reference is None:
            return match.group(0)
        kind, export_attribute = reference
        old_name = "id" if source == "id" else export_attribute
        new_name = export_attribute if source == "id" else "id"
        found = lookup(kind, html.unescape(as_dict.get(old_name, "")))
        if found is None:
            return "<a>" if tag == "a" else ""
        rebuilt = [
            (new_name, html.escape(found, quote=True)) if name == old_name else (name, value)
            for name, value in attributes
        ]
        return _rebuild(tag, rebuilt, match.group(3))

    return OPENING_TAG.sub(replace, text)


def rewrite_data(data: Any, rewrite: Callable[[str], str]) -> Any:
    """Apply ``rewrite`` to every string inside raw StreamField (or any JSON) data."""
    if isinstance(data, str):
        return rewrite(data)
    if isinstance(data, list):
        return [rewrite_data(item, rewrite) for item in data]
    if isinstance(data, Mapping):
        return {key: rewrite_data(value, rewrite) for key, value in data.items()}
    return data
