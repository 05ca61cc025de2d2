"""Compare two versions paragraph by paragraph (by block id) and word by word.

Paragraphs are matched by their StreamField block id, which stays the same across
revisions. A paragraph present in both versions is *changed* when its text differs
and *moved* when it left the longest common order of matched paragraphs. Inside a
changed paragraph the words are compared with difflib.

All output is built from the paragraphs' plain text, escaped piece by piece: the
diff never splices stored HTML, so it cannot break markup or pass markup through.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from enum import StrEnum

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from strands.body.text import RawBlock, RawNumbered, block_text, number_blocks

# Words (letters incl. umlauts and ß, digits), runs of whitespace, single other characters.
TOKENS = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


class Change(StrEnum):
    ADDED = "eingefuegt"
    REMOVED = "gestrichen"
    CHANGED = "geaendert"
    MOVED = "verschoben"
    UNCHANGED = "unveraendert"

    @property
    def label(self) -> str:
        return str(CHANGE_LABELS[self])


CHANGE_LABELS = {
    Change.ADDED: _("eingefügt"),
    Change.REMOVED: _("gestrichen"),
    Change.CHANGED: _("geändert"),
    Change.MOVED: _("verschoben"),
    Change.UNCHANGED: _("unverändert"),
}


def _ins(text: str) -> str:
    return (
        '<ins><span class="visually-hidden">[eingefügt: </span>'
        f'{escape(text)}<span class="visually-hidden">]</span></ins>'
    )


def _del(text: str) -> str:
    return (
        '<del><span class="visually-hidden">[gestrichen: </span>'
        f'{escape(text)}<span class="visually-hidden">]</span></del>'
    )


def word_diff(old: str, new: str) -> SafeString:
    """``new`` with the words removed from ``old`` in ``<del>`` and the added ones in ``<ins>``."""
    a, b = TOKENS.findall(old), TOKENS.findall(new)
    matcher = SequenceMatcher(str.isspace, a, b, autojunk=False)
    # Coalesce: a lone space between two changes belongs to the change, which
    # reads "<del>alte Worte</del><ins>neue Worte</ins>" instead of word salad.
    chunks: list[list] = []  # ["equal" | "change", old text, new text]
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        kind = "equal" if tag == "equal" else "change"
        chunks.append([kind, "".join(a[i1:i2]), "".join(b[j1:j2])])
    merged: list[list] = []
    for index, (kind, old_part, new_part) in enumerate(chunks):
        after_change = bool(merged) and merged[-1][0] == "change"
        lone_space = kind == "equal" and new_part.isspace() and index + 1 < len(chunks)
        if after_change and (kind == "change" or lone_space):
            merged[-1][1] += old_part
            merged[-1][2] += new_part
        else:
            merged.append([kind, old_part, new_part])
    html = []
    for kind, old_part, new_part in merged:
        if kind == "equal":
            html.append(escape(new_part))
            continue
        if old_part:
            html.append(_del(old_part))
        if new_part:
            html.append(_ins(new_part))
    return mark_safe("".join(html))  # noqa: S308 - every piece above is escaped


@dataclass(frozen=True)
class DiffRow:
    """One paragraph or heading in the comparison."""

    old: RawNumbered | None
    new: RawNumbered | None
    changes: tuple[Change, ...]
    html: SafeString

    @property
    def is_heading(self) -> bool:
        return (self.new or self.old).is_heading

    @property
    def old_number(self) -> str | None:
        return self.old.number if self.old else None

    @property
    def new_number(self) -> str | None:
        return self.new.number if self.new else None

    @property
    def anchor(self) -> str:
        return f"d-{(self.new or self.old).id}"

    @property
    def is_unchanged(self) -> bool:
        return self.changes == (Change.UNCHANGED,)

    @property
    def labels(self) -> list[tuple[str, str]]:
        return [(change.value, change.label) for change in self.changes]


@dataclass(frozen=True)
class RowGroup:
    """Consecutive rows: either changes, or a run of unchanged paragraphs to fold away."""

    unchanged: bool
    rows: list[DiffRow]

    @property
    def span(self) -> str:
        first, last = self.rows[0].new_number, self.rows[-1].new_number
        return first if first == last else f"{first}–{last}"


@dataclass
class TextDiff:
    rows: list[DiffRow]
    counts: dict[Change, int] = field(default_factory=dict)

    @property
    def has_changes(self) -> bool:
        return any(not row.is_unchanged for row in self.rows)

    def groups(self) -> list[RowGroup]:
        groups: list[RowGroup] = []
        for row in self.rows:
            if groups and groups[-1].unchanged == row.is_unchanged:
                groups[-1].rows.append(row)
            else:
                groups.append(RowGroup(row.is_unchanged, [row]))
        return groups

    def summary(self) -> list[tuple[str, str, int]]:
        """``(css key, German label, count)`` for every kind of change, unchanged last."""
        return [(kind.value, kind.label, self.counts.get(kind, 0)) for kind in Change]


def _whole(text: str, wrap) -> SafeString:
    return mark_safe(wrap(text) if text else "")  # noqa: S308 - wrap() escapes


def diff_bodies(old_body: Sequence[RawBlock], new_body: Sequence[RawBlock]) -> TextDiff:
    """Compare two raw bodies; rows follow the new order, removed ones where they stood."""
    old_items, new_items = number_blocks(old_body), number_blocks(new_body)
    old_by_id = {item.id: item for item in old_items}
    new_ids = {item.id for item in new_items}
    common_old = [item.id for item in old_items if item.id in new_ids]
    common_new = [item.id for item in new_items if item.id in old_by_id]
    # Matched paragraphs in the longest common order stay; the others have moved.
    matcher = SequenceMatcher(None, common_old, common_new, autojunk=False)
    in_order = {
        common_old[block.a + offset]
        for block in matcher.get_matching_blocks()
        for offset in range(block.size)
    }

    counts = dict.fromkeys(Change, 0)
    rows: list[DiffRow] = []

    def emit_removed(item: RawNumbered) -> None:
        counts[Change.REMOVED] += 1
        rows.append(DiffRow(item, None, (Change.REMOVED,), _whole(block_text(item.block), _del)))

    old_position = 0

    def flush_removed() -> None:
        # Old paragraphs up to the next one that kept its place: removed ones are
        # shown here (before what replaced them), moved ones at their new place.
        nonlocal old_position
        while old_position < len(old_items) and old_items[old_position].id not in in_order:
            item = old_items[old_position]
            if item.id not in new_ids:
                emit_removed(item)
            old_position += 1

    for new in new_items:
        flush_removed()
        old = old_by_id.get(new.id)
        if old is None:
            counts[Change.ADDED] += 1
            rows.append(DiffRow(None, new, (Change.ADDED,), _whole(block_text(new.block), _ins)))
            continue
        if new.id in in_order:
            old_position += 1  # flush_removed() stopped right at this paragraph
        old_text, new_text = block_text(old.block), block_text(new.block)
        changes = []
        if new.id not in in_order:
            changes.append(Change.MOVED)
        if old_text != new_text or old.block.get("type") != new.block.get("type"):
            changes.append(Change.CHANGED)
            html = word_diff(old_text, new_text)
        else:
            html = mark_safe(escape(new_text))  # noqa: S308 - escaped
        for change in changes:
            counts[change] += 1
        if not changes:
            counts[Change.UNCHANGED] += 1
        rows.append(DiffRow(old, new, tuple(changes) or (Change.UNCHANGED,), html))
    flush_removed()
    return TextDiff(rows, counts)


@dataclass
class FieldDiff:
    label: str
    html: SafeString


@dataclass
class VersionDiff:
    """A comparison of two versions: header fields that changed, and the body."""

    old: object
    new: object
    fields: list[FieldDiff]
    body: TextDiff


COMPARED_FIELDS = [
    ("title", _("Titel")),
    ("summary", _("Kurzfassung")),
    ("easy_language_summary", _("Zusammenfassung in Leichter Sprache")),
]


def diff_versions(old, new) -> VersionDiff:
    """Compare two versions (anything with title, summary, easy_language_summary and body)."""
    fields = [
        FieldDiff(str(label), word_diff(getattr(old, name), getattr(new, name)))
        for name, label in COMPARED_FIELDS
        if getattr(old, name) != getattr(new, name)
    ]
    return VersionDiff(old, new, fields, diff_bodies(old.body, new.body))
