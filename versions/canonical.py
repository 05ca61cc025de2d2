"""Plain text and Markdown from raw body data, and the content hash of a version.

Everything here works on the raw StreamField JSON (``{"type", "value", "id"}``) that a
version keeps as its frozen copy, so old versions never depend on how the block
classes look today. The Markdown of a version is its canonical text: stored once at
publication, served byte for byte as the download, and hashed with SHA-256, so
``sha256sum`` on a downloaded copy proves it is the decided text.
"""

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from strands.choices import InfoBoxKind, ListStyle

RawBlock = dict[str, Any]

BLOCK_ELEMENTS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}
SPACES = re.compile(r"[ \t\r\n\f\v\u00a0]+")
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


class _RichTextReader(HTMLParser):
    """Reads Wagtail's stored rich text (database format) into text or Markdown.

    Internal links (``<a linktype="page" id="3">``) keep their text only: page
    addresses change, the canonical text must not.
    """

    def __init__(self, markdown: bool):
        super().__init__(convert_charrefs=True)
        self.markdown = markdown
        self.lines: list[str] = []
        self.current: list[str] = []
        self.lists: list[list[Any]] = []  # [style, counter] per open list
        self.link_targets: list[str | None] = []

    # Text is collected per line; block elements and list items start new lines.
    def _break(self) -> None:
        text = SPACES.sub(" ", "".join(self.current)).strip()
        if text:
            self.lines.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in BLOCK_ELEMENTS:
            self._break()
        elif tag in ("ul", "ol"):
            self._break()
            self.lists.append([tag, 0])
        elif tag == "li":
            self._break()
            style, count = self.lists[-1] if self.lists else ("ul", 0)
            if self.lists:
                self.lists[-1][1] = count + 1
            indent = "  " * max(len(self.lists) - 1, 0)
            if self.markdown:
                marker = f"{count + 1}. " if style == "ol" else "- "
            else:
                marker = f"{count + 1}. " if style == "ol" else "• "
            self.current.append(indent + marker)
        elif tag == "br":
            self._break()
        elif self.markdown and tag in ("b", "strong"):
            self.current.append("**")
        elif self.markdown and tag in ("i", "em"):
            self.current.append("_")
        elif tag == "a":
            href = attributes.get("href") if "linktype" not in attributes else None
            if href and not href.startswith(("http://", "https://", "mailto:")):
                href = None
            self.link_targets.append(href)
            if self.markdown and href:
                self.current.append("[")

    def handle_endtag(self, tag):
        if tag in BLOCK_ELEMENTS or tag == "li":
            self._break()
        elif tag in ("ul", "ol"):
            self._break()
            if self.lists:
                self.lists.pop()
        elif self.markdown and tag in ("b", "strong"):
            self.current.append("**")
        elif self.markdown and tag in ("i", "em"):
            self.current.append("_")
        elif tag == "a" and self.link_targets:
            href = self.link_targets.pop()
            if self.markdown and href:
                self.current.append(f"]({href})")

    def handle_data(self, data):
        self.current.append(MARKDOWN_SPECIAL.sub(r"\\\1", data) if self.markdown else data)

    def read(self, html: str) -> list[str]:
        self.feed(html or "")
        self.close()
        self._break()
        return self.lines


def rich_text_lines(html: str, markdown: bool = False) -> list[str]:
    """The lines of a rich text value, as plain text or Markdown."""
    return _RichTextReader(markdown).read(html)


def _escape(text: str, markdown: bool) -> str:
    text = SPACES.sub(" ", text or "").strip()
    return MARKDOWN_SPECIAL.sub(r"\\\1", text) if markdown else text


def _list_items(value: dict) -> list[str]:
    # A ListBlock's raw data is either plain values or {"type": "item", "value": …}.
    items = value.get("items") or []
    return [item.get("value", "") if isinstance(item, dict) else item for item in items]


def _kind_label(kind: str) -> str:
    try:
        return str(InfoBoxKind(kind).label)
    except ValueError:
        return ""


def block_lines(block: RawBlock, markdown: bool = False) -> list[str]:
    """The text of one raw body block as lines (plain text or Markdown)."""
    kind, value = block.get("type"), block.get("value")
    if kind == "heading":
        return [_escape(value, markdown)]
    if kind == "paragraph":
        return rich_text_lines(value, markdown)
    if kind == "list":
        numbered = value.get("style") == ListStyle.NUMBERED
        return [
            (f"{number}. " if numbered else ("- " if markdown else "• ")) + _escape(item, markdown)
            for number, item in enumerate(_list_items(value), start=1)
        ]
    if kind == "quote":
        lines = [_escape(line, markdown) for line in (value.get("text") or "").splitlines()]
        if markdown:
            lines = [f"> {line}" if line else ">" for line in lines]
        if value.get("source"):
            source = f"– {_escape(value['source'], markdown)}"
            lines.append(f"> {source}" if markdown else source)
        return lines
    if kind == "info_box":
        title = f"{_kind_label(value.get('kind'))}: {_escape(value.get('title'), markdown)}"
        text = rich_text_lines(value.get("text"), markdown)
        if markdown:
            return [f"> **{title}**", ">", *(f"> {line}" for line in text)]
        return [title, *text]
    return []


def block_text(block: RawBlock) -> str:
    """Plain text of one raw body block, lines joined by newlines (for diffs)."""
    return "\n".join(block_lines(block))


@dataclass(frozen=True)
class RawNumbered:
    """A raw body block with its visible number, as ``strands.blocks.number_blocks`` counts."""

    number: str
    block: RawBlock
    is_heading: bool

    @property
    def id(self) -> str:
        return str(self.block.get("id", ""))


def number_raw_blocks(body: Iterable[RawBlock]) -> list[RawNumbered]:
    """Number raw body data exactly like ``strands.blocks.number_blocks`` numbers a StreamValue."""
    numbered = []
    section = paragraph = 0
    for block in body:
        if block.get("type") == "heading":
            section += 1
            paragraph = 0
            numbered.append(RawNumbered(str(section), block, True))
        else:
            paragraph += 1
            number = f"{section}.{paragraph}" if section else str(paragraph)
            numbered.append(RawNumbered(number, block, False))
    return numbered


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
        f"# {_escape(source.title, True)}",
        f"Fassung {source.label} vom {source.published_on}",
    ]
    if source.change_note.strip():
        parts.append(f"Änderungshinweis: {_escape(source.change_note, True)}")
    if source.summary.strip():
        parts.append(_escape(source.summary, True))
    if source.easy_language_summary.strip():
        easy = [_escape(line, True) for line in source.easy_language_summary.splitlines()]
        parts.append("## In Leichter Sprache\n\n" + "\n\n".join(line for line in easy if line))
    for item in number_raw_blocks(source.body):
        lines = block_lines(item.block, markdown=True)
        if item.is_heading:
            parts.append(f"## {item.number} {' '.join(lines)}")
        elif item.block.get("type") in ("list", "quote", "info_box"):
            parts.append(f"**{item.number}**\n\n" + "\n".join(lines))
        else:
            parts.append(f"**{item.number}** " + "\n\n".join(lines))
    return "\n\n".join(parts) + "\n"


def content_hash(text: str) -> str:
    """SHA-256 (hex) of the UTF-8 bytes of a canonical text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
