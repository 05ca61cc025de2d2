"""Abstract page kinds shared by both strands. Concrete types only set rules and names."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from rounds.mixins import CommentRoundRoutes
from versions.mixins import VersionedPage

from ..body.blocks import BodyBlock
from ..body.text import NumberedBlock, number_blocks
from ..choices import Strand

INTRO_FEATURES = ["bold", "italic", "link"]


class StrandIndexPage(Page):
    """The entry page of a strand (``/leitbild/``, ``/handlungshilfen/``)."""

    intro = RichTextField(
        blank=True,
        features=INTRO_FEATURES,
        verbose_name=_("Einleitung"),
        help_text=_("Kurze Einführung in den Strang, erscheint über der Liste der Texte."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    max_count = 1
    strand: Strand

    class Meta:
        abstract = True

    def entries(self):
        """The strand's live, public texts in the editors' order."""
        return self.get_children().live().public().specific()


class TextPage(VersionedPage, CommentRoundRoutes, Page):
    """A position (Leitbild) or guidance (Handlungshilfe) text with a numbered body.

    Comment rounds on its drafts live below it (``kommentierung/<id>/``)."""

    summary = models.TextField(
        blank=True,
        max_length=600,
        verbose_name=_("Kurzfassung"),
        help_text=_("Zwei bis drei Sätze; erscheint in Listen, Suchergebnissen und Feeds."),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("Text"),
        help_text=_(
            "Überschriften beginnen nummerierte Abschnitte; jeder weitere Block ist ein "
            "nummerierter Absatz, auf den sich Kommentare und Vergleiche beziehen."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("easy_language_summary"),
        FieldPanel("body"),
        VersionedPage.publication_panel,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    strand: Strand

    class Meta:
        abstract = True

    @cached_property
    def numbered_body(self) -> list[NumberedBlock]:
        return number_blocks(self.body)

    @property
    def table_of_contents(self) -> list[NumberedBlock]:
        return [item for item in self.numbered_body if item.is_heading]
