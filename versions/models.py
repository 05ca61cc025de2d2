"""Versions (Fassungen): every publication of a text page, frozen forever.

A version keeps its own copy of what was published (title, summary, Leichte
Sprache, body as raw StreamField JSON and the canonical Markdown text) besides a
protected link to the exact Wagtail revision: autosave can overwrite a revision in
place and ``purge_revisions`` deletes old ones, so the revision alone is not proof
of the decided text.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .choices import ChangeKind


class ImmutableVersionError(Exception):
    """Raised on any attempt to change or delete a published version."""

    def __init__(self, message: str | None = None):
        super().__init__(
            message
            or gettext(
                "Veröffentlichte Fassungen sind unveränderlich. Eine Korrektur wird als "
                "neue Fassung veröffentlicht."
            )
        )


class VersionQuerySet(models.QuerySet):
    def public(self):
        """Versions of live pages that anonymous visitors may see."""
        return self.filter(page__in=Page.objects.live().public())

    def of_page(self, page: Page):
        return self.filter(page_id=page.pk)

    def newest_first(self):
        return self.order_by("-major", "-minor")

    def with_label(self, label: str):
        """The version called ``label`` (``"1.2"``); an empty queryset for malformed labels."""
        number = parse_label(label)
        if number is None:
            return self.none()
        return self.filter(major=number[0], minor=number[1])

    def listing(self):
        """Without the heavy frozen copies, for lists, feeds and the API."""
        return self.defer("body", "canonical_text")

    # Bulk writes would bypass Version.save()/delete(); refuse them as well.
    def update(self, **kwargs):
        raise ImmutableVersionError

    def delete(self):
        raise ImmutableVersionError


def parse_label(label: str) -> tuple[int, int] | None:
    major, dot, minor = (label or "").partition(".")
    if not (dot and major.isascii() and minor.isascii() and major.isdigit() and minor.isdigit()):
        return None
    return int(major), int(minor)


class Version(models.Model):
    """One publication of a Leitbild or Handlungshilfen text: ``1.0``, ``1.1``, ``2.0`` …"""

    # PROTECT on both: a page with versions cannot be deleted (unpublish it instead),
    # and neither purge_revisions nor anyone else can delete a published revision.
    page = models.ForeignKey(
        Page, on_delete=models.PROTECT, related_name="versions", verbose_name=_("Seite")
    )
    revision = models.OneToOneField(
        "wagtailcore.Revision",
        on_delete=models.PROTECT,
        related_name="version",
        verbose_name=_("Wagtail-Revision"),
    )
    major = models.PositiveIntegerField(_("Hauptnummer"))
    minor = models.PositiveIntegerField(_("Unternummer"))
    change_kind = models.CharField(
        _("Art der Änderung"), max_length=10, choices=ChangeKind.choices, default=ChangeKind.MINOR
    )
    change_note = models.TextField(_("Änderungshinweis"), blank=True)
    published_at = models.DateTimeField(_("veröffentlicht am"), db_index=True)
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("freigegeben von"),
    )

    # The frozen copy of what was published.
    title = models.CharField(_("Titel"), max_length=255)
    summary = models.TextField(_("Kurzfassung"), blank=True)
    easy_language_summary = models.TextField(_("Zusammenfassung in Leichter Sprache"), blank=True)
    body = models.JSONField(_("Text (StreamField-Daten)"), default=list)
    canonical_text = models.TextField(_("kanonischer Text (Markdown)"))
    content_hash = models.CharField(_("Prüfsumme (SHA-256)"), max_length=64)

    objects = VersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Fassung")
        verbose_name_plural = _("Fassungen")
        ordering = ["page_id", "-major", "-minor"]
        constraints = [
            models.UniqueConstraint(fields=["page", "major", "minor"], name="version_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.title} – Fassung {self.label}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableVersionError
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableVersionError

    @property
    def label(self) -> str:
        return f"{self.major}.{self.minor}"

    # URLs: the page's current address plus the version route, so old paths of a
    # moved or renamed page keep working through the redirect fallback.
    def page_url(self, request=None) -> str:
        return self.page.get_url(request)

    def get_url(self, request=None) -> str:
        return f"{self.page_url(request)}fassungen/{self.label}/"

    def get_markdown_url(self, request=None) -> str:
        return f"{self.get_url(request)}markdown/"

    def markdown_filename(self) -> str:
        return f"{self.page.slug}-fassung-{self.label}.md"
