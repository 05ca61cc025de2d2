"""What a page needs to be published in versions: fields, rule, routes and API fields.

``strands.models.base.TextPage`` mixes this in once, so Leitbild and Handlungshilfen
pages get the same versions, URLs and checks.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from . import views
from .api import CurrentVersionField, VersionListField
from .choices import ChangeKind
from .forms import VersionedPageForm
from .publication import change_note_problem, latest_version

LABEL = r"(?P<{}>\d{{1,4}}\.\d{{1,4}})"


class VersionedPage(RoutablePageMixin, models.Model):
    """Abstract mixin for page types whose every publication is a numbered version."""

    easy_language_summary = models.TextField(
        blank=True,
        max_length=2000,
        verbose_name=_("Zusammenfassung in Leichter Sprache"),
        help_text=_(
            "Freiwillig. Kurze Sätze, ein Gedanke pro Satz, keine Fremdwörter. "
            "Erscheint über dem Text und gehört zur veröffentlichten Fassung."
        ),
    )
    change_kind = models.CharField(
        max_length=10,
        choices=ChangeKind.choices,
        default=ChangeKind.MINOR,
        verbose_name=_("Art der Änderung"),
        help_text=_(
            "Bestimmt die Nummer der nächsten Fassung. Die erste Veröffentlichung ist "
            "immer Fassung 1.0."
        ),
    )
    change_note = models.TextField(
        blank=True,
        max_length=2000,
        verbose_name=_("Änderungshinweis"),
        help_text=_(
            "Was ist neu gegenüber der letzten Fassung, und warum? Pflicht ab der "
            "zweiten Fassung; erscheint in der Liste der Fassungen und im Feed."
        ),
    )

    publication_panel = MultiFieldPanel(
        [FieldPanel("change_kind", widget=forms.RadioSelect), FieldPanel("change_note")],
        heading=_("Fassung"),
        help_text=_(
            "Jede Veröffentlichung wird eine nummerierte, unveränderliche Fassung. "
            "Füllen Sie diese Angaben aus, bevor Sie den Text zur Freigabe einreichen."
        ),
    )
    api_fields = [
        APIField("current_version", serializer=CurrentVersionField()),
        APIField("versions", serializer=VersionListField()),
    ]
    base_form_class = VersionedPageForm
    # A copy is a new text: its first version must not inherit the original's note.
    exclude_fields_in_copy = ["change_note", "change_kind"]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        # Publishing (Wagtail saves the page with its new live revision) must not
        # bypass the change-note rule, whichever path publishes: approval in the
        # workflow, scheduled go-live, bulk action or code.
        if not (self.pk and self.live and self.live_revision_id):
            return
        latest = latest_version(self)
        if latest and latest.revision_id != self.live_revision_id:
            problem = change_note_problem(self.change_note, latest)
            if problem:
                raise ValidationError({"change_note": problem})

    @cached_property
    def current_version(self):
        """The newest version, i.e. the one the live page shows."""
        return latest_version(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            # A preview shows a draft, which is no version (yet).
            context.setdefault("version", None)
            context.setdefault("current_version", None)
        else:
            context.setdefault("current_version", self.current_version)
            context.setdefault("version", self.current_version)
        return context

    # Routes: a stable public contract (see DESIGN.md, "Public URLs").
    @path("fassungen/", name="versions")
    def version_list_route(self, request):
        return views.version_list(request, self)

    @path("fassungen/vergleich/", name="version_compare_form")
    def version_compare_form_route(self, request):
        return views.version_compare_form(request, self)

    @re_path(rf"^fassungen/{LABEL.format('label')}/$", name="version")
    def version_route(self, request, label):
        return views.version_detail(request, self, label)

    @re_path(rf"^fassungen/{LABEL.format('label')}/markdown/$", name="version_markdown")
    def version_markdown_route(self, request, label):
        return views.version_markdown(request, self, label)

    @re_path(rf"^fassungen/{LABEL.format('label')}/docx/$", name="version_docx")
    def version_docx_route(self, request, label):
        return views.version_office_document(request, self, label, "docx")

    @re_path(rf"^fassungen/{LABEL.format('label')}/odt/$", name="version_odt")
    def version_odt_route(self, request, label):
        return views.version_office_document(request, self, label, "odt")

    @re_path(
        rf"^fassungen/{LABEL.format('old')}/vergleich/{LABEL.format('new')}/$",
        name="version_compare",
    )
    def version_compare_route(self, request, old, new):
        return views.version_compare(request, self, old, new)
