"""Plain text with paragraphs, quotes and links, rendered safely.

Members write plain text. Every character is escaped; blank lines separate
paragraphs, single line breaks stay, lines starting with ">" are a quotation and
web addresses become links (``rel="nofollow ugc"``). Nothing a member types can
become markup.
"""

import re

from django.utils.html import format_html, urlize
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

QUOTE = re.compile(r"^\s*>\s?")
ATTRIBUTION = "schrieb:"  # ends the line "Zitieren" puts above the quoted lines
MAX_QUOTE_DEPTH = 3


def _line(text: str) -> str:
    # urlize escapes everything that is not a link, and the links themselves.
    return urlize(text, nofollow=True, autoescape=True).replace(
        'rel="nofollow"', 'rel="nofollow ugc"'
    )


def _paragraph(lines: list[str]) -> str:
    return format_html("<p>{}</p>", mark_safe("<br>\n".join(_line(line) for line in lines)))  # noqa: S308


def _blocks(lines: list[str], depth: int) -> list[str]:
    html: list[str] = []
    paragraph: list[str] = []
    quote: list[str] = []

    def flush_paragraph():
        if paragraph:
            html.append(_paragraph(paragraph))
            paragraph.clear()

    def flush_quote():
        if quote:
            inner = _blocks(quote, depth + 1) if depth < MAX_QUOTE_DEPTH else [_paragraph(quote)]
            html.append(format_html("<blockquote>{}</blockquote>", mark_safe("".join(inner))))  # noqa: S308
            quote.clear()

    for line in lines:
        if QUOTE.match(line):
            flush_paragraph()
            quote.append(QUOTE.sub("", line, count=1))
        elif not line.strip():
            flush_paragraph()
            flush_quote()
        else:
            flush_quote()
            paragraph.append(line.strip())
    flush_paragraph()
    flush_quote()
    return html


def render_post(text: str) -> SafeString:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return mark_safe("\n".join(_blocks(lines, depth=1)))  # noqa: S308 – every piece is escaped


def quote_text(author_label: str, text: str) -> str:
    """What "Zitieren" puts into the reply box: an attribution and the quoted lines."""
    quoted = "\n".join(f"> {line}" if line.strip() else ">" for line in text.strip().splitlines())
    return f"{author_label} {ATTRIBUTION}\n{quoted}\n\n"


def _own_lines(lines: list[str]) -> list[str]:
    """The lines the author wrote: no quoted lines, and no attribution above a quote —
    left alone, "X schrieb:" would introduce the reply as X's words."""
    own = []
    for number, line in enumerate(lines):
        if QUOTE.match(line):
            continue
        if line.rstrip().endswith(ATTRIBUTION):
            following = next((later for later in lines[number + 1 :] if later.strip()), "")
            if QUOTE.match(following):
                continue
        own.append(line)
    return own


def excerpt(text: str, words: int = 60) -> str:
    """Plain-text excerpt for e-mails, quotations and their attribution left out."""
    own = _own_lines(text.splitlines())
    return Truncator(" ".join(" ".join(own).split())).words(words, truncate=" …")
