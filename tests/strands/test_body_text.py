"""The one reader of a body: numbering, plain text and Markdown of every block type."""

from django.utils.translation import override
from wagtail.blocks import StreamValue

from strands.body.blocks import BodyBlock
from strands.body.text import (
    BLOCK_READERS,
    block_text,
    body_markdown,
    number_blocks,
    plain_text,
)
from strands.choices import InfoBoxKind, ListStyle

BODY = [
    {"type": "paragraph", "value": "<p>Vor dem ersten <b>Abschnitt</b></p>", "id": "b0"},
    {"type": "heading", "value": "Offene # Standards", "id": "b1"},
    {
        "type": "paragraph",
        "value": (
            '<p>Setzt auf <i>offene</i> <a href="https://example.org">Formate</a> und '
            '<a linktype="page" id="3">Schnittstellen</a>.</p><p>Zweite Zeile</p>'
        ),
        "id": "b2",
    },
    {"type": "list", "value": {"style": ListStyle.BULLETS, "items": ["ODF", "PDF/A*"]}, "id": "b3"},
    {
        "type": "list",
        "value": {
            "style": ListStyle.NUMBERED,
            "items": [{"type": "item", "value": "Prüfen", "id": "i1"}, "Umstellen"],
        },
        "id": "b4",
    },
    {"type": "heading", "value": "Beispiele", "id": "b5"},
    {
        "type": "quote",
        "value": {"text": "Digitalisierung\n\nbetrifft uns alle.", "source": "Städtetag"},
        "id": "b6",
    },
    {
        "type": "info_box",
        "value": {"kind": InfoBoxKind.NOTE, "title": "Gut zu wissen", "text": "<p>A</p><p>B</p>"},
        "id": "b7",
    },
]


def stream_value() -> StreamValue:
    return StreamValue(BodyBlock(), BODY, is_lazy=True)


def test_the_sample_body_has_every_block_type_and_each_has_a_reader():
    types = set(BodyBlock().child_blocks)
    assert {block["type"] for block in BODY} == types
    assert set(BLOCK_READERS) == types


def test_stream_value_and_raw_data_are_numbered_alike():
    live = number_blocks(stream_value())
    raw = number_blocks(BODY)
    expected = [
        ("1", False, "b0"),
        ("1", True, "b1"),
        ("1.1", False, "b2"),
        ("1.2", False, "b3"),
        ("1.3", False, "b4"),
        ("2", True, "b5"),
        ("2.1", False, "b6"),
        ("2.2", False, "b7"),
    ]
    assert [(item.number, item.is_heading, item.id) for item in live] == expected
    assert [(item.number, item.is_heading, item.id) for item in raw] == expected
    assert [item.anchor for item in live] == [item.anchor for item in raw]
    assert live[1].anchor == "p-b1"
    assert live[1].block.block_type == "heading"  # the page's items keep their StreamChild


def test_plain_text_of_every_block_type():
    with override("de"):
        texts = [block_text(block) for block in BODY]
    assert texts == [
        "Vor dem ersten Abschnitt",
        "Offene # Standards",
        "Setzt auf offene Formate und Schnittstellen.\nZweite Zeile",
        "• ODF\n• PDF/A*",
        "1. Prüfen\n2. Umstellen",
        "Beispiele",
        "Digitalisierung\n\nbetrifft uns alle.\n– Städtetag",
        "Hinweis: Gut zu wissen\nA\nB",
    ]


def test_plain_text_on_one_line_is_the_same_for_a_stream_child_and_raw_data():
    with override("de"):
        live = [plain_text(child) for child in stream_value()]
        raw = [plain_text(block) for block in BODY]
    assert live == raw
    assert raw[2] == "Setzt auf offene Formate und Schnittstellen. Zweite Zeile"


def test_canonical_markdown_of_every_block_type():
    with override("de"):
        markdown = body_markdown(BODY)
    assert markdown == [
        "**1** Vor dem ersten **Abschnitt**",
        "## 1 Offene \\# Standards",
        "**1.1** Setzt auf _offene_ [Formate](https://example.org) und Schnittstellen."
        "\n\nZweite Zeile",
        "**1.2**\n\n- ODF\n- PDF/A\\*",
        "**1.3**\n\n1. Prüfen\n2. Umstellen",
        "## 2 Beispiele",
        "**2.1**\n\n> Digitalisierung\n>\n> betrifft uns alle.\n> – Städtetag",
        "**2.2**\n\n> **Hinweis: Gut zu wissen**\n>\n> A\n> B",
    ]


def test_compact_markdown_sets_every_number_before_the_first_line():
    """The layout of the export's page files, kept as it has always been."""
    with override("de"):
        markdown = body_markdown(BODY, compact=True)
    assert markdown == [
        "**1** Vor dem ersten **Abschnitt**",
        "## 1 Offene \\# Standards",
        "**1.1** Setzt auf _offene_ [Formate](https://example.org) und Schnittstellen."
        "\nZweite Zeile",
        "**1.2** - ODF\n- PDF/A\\*",
        "**1.3** 1. Prüfen\n2. Umstellen",
        "## 2 Beispiele",
        "**2.1** > Digitalisierung\n>\n> betrifft uns alle.\n> – Städtetag",
        "**2.2** > **Hinweis: Gut zu wissen**\n>\n> A\n> B",
    ]


def test_markdown_of_a_stream_value_is_that_of_its_raw_data():
    with override("de"):
        assert body_markdown(stream_value()) == body_markdown(BODY)
