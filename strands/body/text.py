"""The one reader of a body: its numbering, its plain text and its Markdown.

A body comes in two forms: a ``StreamValue`` on a live page, and the raw StreamField
JSON (``{"type", "value", "id"}``) that comment rounds and versions freeze. Numbering
takes either. Text and Markdown are read from the raw data, without the block classes,
so a frozen body never depends on how the classes look today; a ``StreamValue`` child
is turned into its raw data first.

A new block type gets its reader in ``BLOCK_READERS`` and nowhere else.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any, Generic, TypeVar

from wagtail.blocks import StreamValue

from ..choices import InfoBoxKind, ListStyle

RawBlock = dict[str, Any]
Block = TypeVar("Block", StreamValue.StreamChild, RawBlock)

HEADING = "heading"

BLOCK_ELEMENTS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}
SPACES = re.compile(r"[ \t\r\n\f\v\u00a0]+")
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


# Numbering


def block_type(block: StreamValue.StreamChild | RawBlock) -> str | None:
    return block.get("type") if isinstance(block, dict) else block.block_type


def block_id(block: StreamValue.StreamChild | RawBlock) -> str | None:
    return str(block.get("id", "")) if isinstance(block, dict) else block.id


@dataclass(frozen=True)
class NumberedBlock(Generic[Block]):
    """A body block with its visible number and whether it opens a section."""

    number: str
    block: Block
    is_heading: bool

    @property
    def id(self) -> str | None:
        return block_id(self.block)

    @property
    def anchor(self) -> str:
        return f"p-{self.id}"


RawNumbered = NumberedBlock[RawBlock]


def number_blocks(body: Iterable[Block]) -> list[NumberedBlock[Block]]:
    """Number a body: headings 1, 2, 3 …; paragraphs 1.1, 1.2 … (or 1, 2 … before any heading).

    ``body`` is a ``StreamValue`` or raw StreamField data; the numbers are the same.
    """
    numbered = []
    section = paragraph = 0
    for block in body:
        if block_type(block) == HEADING:
            section += 1
            paragraph = 0
            numbered.append(NumberedBlock(str(section), block, True))
        else:
            paragraph += 1
            number = f"{section}.{paragraph}" if section else str(paragraph)
            numbered.append(NumberedBlock(number, block, False))
    return numbered


# Text of a block


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


def inline_text(text: str | None, markdown: bool = False) -> str:
    """A plain string on one line: whitespace collapsed and, for Markdown, escaped."""
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


def _heading_lines(value: str, markdown: bool) -> list[str]:
    return [inline_text(value, markdown)]


def _paragraph_lines(value: str, markdown: bool) -> list[str]:
    return rich_text_lines(value, markdown)


def _list_lines(value: dict, markdown: bool) -> list[str]:
    numbered = value.get("style") == ListStyle.NUMBERED
    return [
        (f"{number}. " if numbered else ("- " if markdown else "• ")) + inline_text(item, markdown)
        for number, item in enumerate(_list_items(value), start=1)
    ]


def _quote_lines(value: dict, markdown: bool) -> list[str]:
    lines = [inline_text(line, markdown) for line in (value.get("text") or "").splitlines()]
    if markdown:
        lines = [f"> {line}" if line else ">" for line in lines]
    if value.get("source"):
        source = f"– {inline_text(value['source'], markdown)}"
        lines.append(f"> {source}" if markdown else source)
    return lines


def _info_box_lines(value: dict, markdown: bool) -> list[str]:
    title = f"{_kind_label(value.get('kind'))}: {inline_text(value.get('title'), markdown)}"
    text = rich_text_lines(value.get("text"), markdown)
    if markdown:
        return [f"> **{title}**", ">", *(f"> {line}" for line in text)]
    return [title, *text]


# Block type → reader of its raw value as lines (plain text or Markdown).
BLOCK_READERS: dict[str, Callable[[Any, bool], list[str]]] = {
    HEADING: _heading_lines,
    "paragraph": _paragraph_lines,
    "list": _list_lines,
    "quote": _quote_lines,
    "info_box": _info_box_lines,
}

# Blocks whose Markdown is a block of its own (a list, a quote): in the canonical
# layout their number stands on a line before them, so they still read as one.
STANDALONE_MARKDOWN = {"list", "quote", "info_box"}


def raw_block(block: StreamValue.StreamChild | RawBlock) -> RawBlock:
    """The raw data of a block: as it is, or as a ``StreamValue`` child stores it."""
    return block if isinstance(block, dict) else block.get_prep_value()


def block_lines(block: StreamValue.StreamChild | RawBlock, markdown: bool = False) -> list[str]:
    """The text of one body block as lines (plain text or Markdown)."""
    block = raw_block(block)
    reader = BLOCK_READERS.get(block.get("type"))
    return reader(block.get("value"), markdown) if reader else []


def block_text(block: StreamValue.StreamChild | RawBlock) -> str:
    """Plain text of one body block, lines joined by newlines (for diffs)."""
    return "\n".join(block_lines(block))


def plain_text(block: StreamValue.StreamChild | RawBlock) -> str:
    """The readable text of a body block on one line, as a quotation from it must appear."""
    return " ".join(block_text(block).split())


# Markdown of a body


def block_markdown(item: NumberedBlock, *, compact: bool = False) -> str:
    """Markdown of one numbered block: a heading ``## 3 …``, a paragraph ``**3.2** …``.

    The canonical layout (the text a version freezes and hashes) gives each line of a
    paragraph a Markdown paragraph of its own and sets the number of a list, quote or
    info box on a line before it. ``compact`` is the layout of the export's page files:
    the number before the first line, all lines joined by single newlines. Both are kept
    byte for byte: canonical texts are hashed, exported files are compared.
    """
    lines = block_lines(item.block, markdown=True)
    if item.is_heading:
        return f"## {item.number} {' '.join(lines)}"
    if compact:
        return f"**{item.number}** " + "\n".join(lines)
    if block_type(item.block) in STANDALONE_MARKDOWN:
        return f"**{item.number}**\n\n" + "\n".join(lines)
    return f"**{item.number}** " + "\n\n".join(lines)


def body_markdown(body: Iterable[Block], *, compact: bool = False) -> list[str]:
    """The Markdown of a body, one string per block, in the layout ``block_markdown`` describes."""
    return [block_markdown(item, compact=compact) for item in number_blocks(body)]
