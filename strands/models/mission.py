"""Leitbild: the political mission statement, drafted by the Städtetag editors."""

from django.utils.translation import gettext_lazy as _

from ..choices import Strand
from .base import StrandIndexPage, TextPage


class MissionIndexPage(StrandIndexPage):
    strand = Strand.MISSION

    parent_page_types = ["home.HomePage"]
    subpage_types = ["strands.MissionPage"]

    class Meta:
        verbose_name = _("Leitbild (Startseite des Strangs)")
        verbose_name_plural = _("Leitbild (Startseiten des Strangs)")


class MissionPage(TextPage):
    """A chapter or principle of the Leitbild."""

    strand = Strand.MISSION

    parent_page_types = ["strands.MissionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Leitbild-Kapitel")
        verbose_name_plural = _("Leitbild-Kapitel")

    def serving_guidance(self):
        """Live, public Handlungshilfen that put this principle into practice."""
        return self.guidance_pages.live().public().order_by("title")
