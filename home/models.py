from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from strands.models import (
    GuidanceIndexPage,
    GuidancePage,
    MissionIndexPage,
    MissionPage,
    PracticeExamplePage,
)

LATEST_COUNT = 6


class HomePage(Page):
    """The start page: both strands, the latest texts and a summary in Leichter Sprache."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        verbose_name=_("Einleitung"),
        help_text=_("Worum geht es auf dieser Plattform? Zwei bis drei Sätze."),
    )
    easy_language_heading = models.CharField(
        max_length=120,
        default="Leichte Sprache",
        verbose_name=_("Überschrift Leichte Sprache"),
        help_text=_("Überschrift des Kastens in Leichter Sprache auf der Startseite."),
    )
    easy_language = RichTextField(
        blank=True,
        features=["bold", "link", "ul"],
        verbose_name=_("Text in Leichter Sprache"),
        help_text=_(
            "Kurze Sätze, ein Gedanke pro Satz, keine Fremdwörter. "
            "Erklärt, was diese Seite ist und was man hier tun kann."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("easy_language_heading"), FieldPanel("easy_language")],
            heading=_("Leichte Sprache"),
        ),
    ]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "strands.MissionIndexPage",
        "strands.GuidanceIndexPage",
        "legal.LegalPage",
        "legal.AccessibilityPage",
        "discussions.DiscussionIndexPage",
    ]

    class Meta:
        verbose_name = _("Startseite")
        verbose_name_plural = _("Startseiten")

    def strand_indexes(self):
        """The two strands' entry pages, Leitbild first."""
        return [
            index
            for model in (MissionIndexPage, GuidanceIndexPage)
            if (index := model.objects.child_of(self).live().public().first())
        ]

    def latest_texts(self):
        """The most recently published public texts of both strands."""
        return (
            Page.objects.live()
            .public()
            .descendant_of(self)
            .type(MissionPage, GuidancePage, PracticeExamplePage)
            .order_by("-last_published_at")
            .specific()[:LATEST_COUNT]
        )
