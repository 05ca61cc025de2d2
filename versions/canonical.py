"""The canonical text of a version: its Markdown, and the hash of it.

A version keeps its body as a frozen copy of the raw StreamField JSON; its Markdown,
read by ``strands.body.text``, is its canonical text: stored once at publication,
served byte for byte as the download, and hashed with SHA-256, so ``sha256sum`` on a
downloaded copy proves it is the decided text.
"""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from strands.body.text import RawBlock, body_markdown, inline_text


@dataclass(frozen=True)
class CanonicalSource:
    """What the canonical text of a version is made of."""

    title: str
    label: str
    published_on: str  # e.g. "3. März 2025"
    summary: str
    easy_language_summary: str
    change_note: str
    body: Sequence[RawBlock]


def canonical_markdown(source: CanonicalSource) -> str:
    """The canonical Markdown text of a version; stable for the same input."""
    parts = [
        f"# {inline_text(source.title, markdown=True)}",
        f"Fassung {source.label} vom {source.published_on}",
    ]
    if source.change_note.strip():
        parts.append(f"Änderungshinweis: {inline_text(source.change_note, markdown=True)}")
    if source.summary.strip():
        parts.append(inline_text(source.summary, markdown=True))
    if source.easy_language_summary.strip():
        lines = source.easy_language_summary.splitlines()
        easy = [inline_text(line, markdown=True) for line in lines]
        parts.append("## In Leichter Sprache\n\n" + "\n\n".join(line for line in easy if line))
    parts.extend(body_markdown(source.body))
    return "\n\n".join(parts) + "\n"


def content_hash(text: str) -> str:
    """SHA-256 (hex) of the UTF-8 bytes of a canonical text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
