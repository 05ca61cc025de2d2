"""The pages every German public website must have: Impressum, Datenschutz,
Erklärung zur Barrierefreiheit (with its feedback form, BITV 2.0) and Leichte Sprache."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

BODY_FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"]


class LegalPage(Page):
    """A plain text page linked from every page's footer (Impressum, Datenschutz …)."""

    body = RichTextField(
        features=BODY_FEATURES,
        verbose_name=_("Text"),
        help_text=_("Der vollständige Text der Seite; Zwischenüberschriften ab Ebene 2."),
    )

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Rechtliche Seite")
        verbose_name_plural = _("Rechtliche Seiten")


class FeedbackField(AbstractFormField):
    page = ParentalKey(
        "legal.AccessibilityPage", related_name="form_fields", on_delete=models.CASCADE
    )


class AccessibilityPage(AbstractEmailForm):
    """Erklärung zur Barrierefreiheit with the feedback form that BITV 2.0 requires."""

    body = RichTextField(
        features=BODY_FEATURES,
        verbose_name=_("Erklärung"),
        help_text=_("Stand der Vereinbarkeit, nicht barrierefreie Inhalte, Schlichtungsstelle."),
    )
    thank_you_text = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        verbose_name=_("Dankestext"),
        help_text=_("Erscheint, nachdem jemand eine Rückmeldung geschickt hat."),
    )

    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("body"),
        InlinePanel("form_fields", label=_("Felder des Rückmeldeformulars")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-Mail an die Redaktion"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Erklärung zur Barrierefreiheit")
        verbose_name_plural = _("Erklärungen zur Barrierefreiheit")
