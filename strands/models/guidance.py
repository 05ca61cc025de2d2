"""Handlungshilfen: operational guidance and practice examples, drafted by the KGSt editors."""

from django import forms
from django.db import models
from django.db.models import QuerySet
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from ..choices import PopulationClass, Strand
from .base import INTRO_FEATURES, StrandIndexPage, TextPage
from .mission import MissionPage

TAG_HELP = _("Themen, unter denen Leserinnen und Leser diesen Text finden (z. B. Beschaffung).")


class GuidanceIndexPage(RoutablePageMixin, StrandIndexPage):
    """``/handlungshilfen/``; also serves the topic pages ``themen/`` and ``themen/<slug>/``."""

    strand = Strand.GUIDANCE

    parent_page_types = ["home.HomePage"]
    subpage_types = ["strands.GuidancePage", "strands.PracticeExampleIndexPage"]

    class Meta:
        verbose_name = _("Handlungshilfen (Startseite des Strangs)")
        verbose_name_plural = _("Handlungshilfen (Startseiten des Strangs)")

    def entries(self):
        return GuidancePage.objects.child_of(self).live().public()

    def examples_index(self):
        return PracticeExampleIndexPage.objects.child_of(self).live().public().first()

    @path("themen/", name="topics")
    def topics(self, request):
        return TemplateResponse(
            request,
            "strands/topic_list.html",
            self.get_context(request) | {"topics": topics_in_use()},
        )

    @path("themen/<slug:slug>/", name="topic")
    def topic(self, request, slug):
        tag = Tag.objects.filter(slug=slug).first()
        if tag is None:
            raise Http404
        guidance = GuidancePage.objects.live().public().filter(tags=tag).order_by("title")
        examples = PracticeExamplePage.objects.live().public().filter(tags=tag).order_by("title")
        if not guidance and not examples:
            raise Http404
        return TemplateResponse(
            request,
            "strands/topic_detail.html",
            self.get_context(request) | {"tag": tag, "guidance": guidance, "examples": examples},
        )


class TopicTaggedMixin:
    """For pages tagged by topic: the strand index whose topic pages list them."""

    @cached_property
    def topic_index(self):
        return GuidanceIndexPage.objects.ancestor_of(self).live().first()


class GuidancePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "strands.GuidancePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class GuidancePage(TopicTaggedMixin, TextPage):
    """A Handlungshilfe: concrete steps for municipal management."""

    tags = ClusterTaggableManager(
        through=GuidancePageTag, blank=True, verbose_name=_("Themen"), help_text=TAG_HELP
    )
    # The link between the strands is edited here only; principles show it read-only.
    principles = ParentalManyToManyField(
        "strands.MissionPage",
        blank=True,
        related_name="guidance_pages",
        verbose_name=_("Umgesetzte Grundsätze des Leitbilds"),
        help_text=_("Welche Kapitel oder Grundsätze des Leitbilds setzt diese Handlungshilfe um?"),
    )

    content_panels = [
        *TextPage.content_panels,
        MultiFieldPanel(
            [FieldPanel("tags"), FieldPanel("principles", widget=forms.CheckboxSelectMultiple)],
            heading=_("Einordnung"),
        ),
    ]
    search_fields = [*TextPage.search_fields, index.SearchField("tags")]

    strand = Strand.GUIDANCE
    parent_page_types = ["strands.GuidanceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Handlungshilfe")
        verbose_name_plural = _("Handlungshilfen")

    def implemented_principles(self):
        principles = self.principles.all()
        if not isinstance(principles, QuerySet):
            # A revision or preview holds its principles in memory (modelcluster).
            principles = [principle.pk for principle in principles]
        return MissionPage.objects.filter(pk__in=principles).live().public().order_by("path")


class PracticeExampleIndexPage(Page):
    """``/handlungshilfen/beispiele/``: good municipal examples."""

    intro = RichTextField(
        blank=True,
        features=INTRO_FEATURES,
        verbose_name=_("Einleitung"),
        help_text=_("Kurze Einführung, erscheint über der Liste der Beispiele."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    strand = Strand.GUIDANCE
    max_count = 1
    parent_page_types = ["strands.GuidanceIndexPage"]
    subpage_types = ["strands.PracticeExamplePage"]

    class Meta:
        verbose_name = _("Gute Beispiele (Übersicht)")
        verbose_name_plural = _("Gute Beispiele (Übersichten)")

    def entries(self):
        return PracticeExamplePage.objects.child_of(self).live().public()


class PracticeExampleTag(TaggedItemBase):
    content_object = ParentalKey(
        "strands.PracticeExamplePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class PracticeExamplePage(TopicTaggedMixin, Page):
    """A good example from a municipality, with what it did and what it learned."""

    municipality = models.CharField(
        max_length=200,
        verbose_name=_("Kommune"),
        help_text=_("Name der Kommune oder des Verbunds, z. B. „Stadt Musterstadt“."),
    )
    population_class = models.CharField(
        max_length=20,
        choices=PopulationClass.choices,
        blank=True,
        verbose_name=_("Größenklasse"),
        help_text=_("Einwohnerzahl der Kommune; hilft Vergleichbares zu finden."),
    )
    summary = models.TextField(
        blank=True,
        max_length=600,
        verbose_name=_("Kurzfassung"),
        help_text=_("Zwei bis drei Sätze; erscheint in Listen und Suchergebnissen."),
    )
    what_was_done = RichTextField(
        features=["bold", "italic", "link", "ol", "ul"],
        verbose_name=_("Was wurde getan?"),
        help_text=_("Ausgangslage, Vorgehen und Ergebnis."),
    )
    lessons_learned = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        verbose_name=_("Erfahrungen"),
        help_text=_("Was würde die Kommune anderen raten? Was lief anders als geplant?"),
    )
    contact = models.TextField(
        blank=True,
        max_length=500,
        verbose_name=_("Kontakt"),
        help_text=_("Ansprechstelle für Rückfragen, z. B. Fachbereich und Funktionspostfach."),
    )
    tags = ClusterTaggableManager(
        through=PracticeExampleTag, blank=True, verbose_name=_("Themen"), help_text=TAG_HELP
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("municipality"), FieldPanel("population_class"), FieldPanel("contact")],
            heading=_("Kommune"),
        ),
        FieldPanel("summary"),
        FieldPanel("what_was_done"),
        FieldPanel("lessons_learned"),
        FieldPanel("tags"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("municipality"),
        index.SearchField("summary"),
        index.SearchField("what_was_done"),
        index.SearchField("lessons_learned"),
        index.SearchField("tags"),
    ]

    strand = Strand.GUIDANCE
    parent_page_types = ["strands.PracticeExampleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Gutes Beispiel")
        verbose_name_plural = _("Gute Beispiele")


def topics_in_use():
    """Tags of live, public guidance pages and examples, with how often each is used."""
    in_guidance = models.Q(
        strands_guidancepagetag_items__content_object__in=GuidancePage.objects.live().public()
    )
    in_examples = models.Q(
        strands_practiceexampletag_items__content_object__in=(
            PracticeExamplePage.objects.live().public()
        )
    )
    return (
        Tag.objects.filter(in_guidance | in_examples)
        .annotate(
            uses=models.Count("strands_guidancepagetag_items", filter=in_guidance, distinct=True)
            + models.Count("strands_practiceexampletag_items", filter=in_examples, distinct=True)
        )
        .order_by("name")
        .distinct()
    )
