"""The one body design shared by Leitbild and Handlungshilfen pages.

The body is a flat stream: a heading opens a numbered section, every other block is
a numbered paragraph within it (3.2 = section 3, paragraph 2). Block ids stay stable
across revisions, so ``#p-<block id>`` anchors comments, diffs and deep links.
Numbering, text and Markdown of a body are read in ``strands.body.text``.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from ..choices import InfoBoxKind, ListStyle

PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class SectionHeadingBlock(blocks.CharBlock):
    class Meta:
        template = "blocks/section_heading.html"
        icon = "title"
        label = _("Abschnitt")
        description = _("Überschrift, die einen neuen nummerierten Abschnitt beginnt.")
        preview_value = "Offene Standards"
        max_length = 200


class ParagraphBlock(blocks.RichTextBlock):
    class Meta:
        template = "blocks/paragraph.html"
        icon = "pilcrow"
        label = _("Absatz")
        description = _("Ein nummerierter Absatz Fließtext.")
        preview_value = (
            "<p>Kommunen setzen auf offene Standards, damit Daten und Verfahren "
            "nicht an einen Hersteller gebunden sind.</p>"
        )


class ItemListBlock(blocks.StructBlock):
    style = blocks.ChoiceBlock(
        choices=ListStyle.choices, default=ListStyle.BULLETS, label=_("Art der Liste")
    )
    items = blocks.ListBlock(
        blocks.CharBlock(max_length=500, label=_("Punkt")), min_num=1, label=_("Punkte")
    )

    class Meta:
        template = "blocks/item_list.html"
        icon = "list-ul"
        label = _("Liste")
        description = _("Eine Aufzählung oder nummerierte Liste als eigener Absatz.")
        preview_value = {
            "style": "ul",
            "items": ["Offene Standards", "Open Source zuerst", "Exit-Strategien"],
        }


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Zitat"))
    source = blocks.CharBlock(required=False, max_length=200, label=_("Quelle"))

    class Meta:
        template = "blocks/quote.html"
        icon = "openquote"
        label = _("Zitat")
        description = _("Ein hervorgehobenes Zitat mit Quelle.")
        preview_value = {
            "text": "Digitalisierung betrifft uns alle.",
            "source": "Helmut Dedy, Deutscher Städtetag",
        }


class InfoBoxValue(blocks.StructValue):
    @property
    def kind_label(self) -> str:
        return InfoBoxKind(self["kind"]).label


class InfoBoxBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=InfoBoxKind.choices, default=InfoBoxKind.NOTE, label=_("Art"))
    title = blocks.CharBlock(max_length=200, label=_("Titel"))
    text = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, label=_("Text"))

    class Meta:
        template = "blocks/info_box.html"
        value_class = InfoBoxValue
        icon = "info-circle"
        label = _("Infokasten")
        description = _("Ein abgesetzter Kasten für Hinweise und Beispiele.")
        preview_value = {
            "kind": InfoBoxKind.NOTE,
            "title": "Gut zu wissen",
            "text": "<p>87 Prozent der Kommunen sehen sich als abhängig.</p>",
        }


class BodyBlock(blocks.StreamBlock):
    heading = SectionHeadingBlock()
    paragraph = ParagraphBlock(features=PARAGRAPH_FEATURES)
    list = ItemListBlock()
    quote = QuoteBlock()
    info_box = InfoBoxBlock()

    class Meta:
        label = _("Text")
