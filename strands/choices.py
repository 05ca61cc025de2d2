from django.db import models
from django.utils.translation import gettext_lazy as _


class Strand(models.TextChoices):
    """The initiative's two strands of work."""

    MISSION = "leitbild", _("Leitbild")
    GUIDANCE = "handlungshilfen", _("Handlungshilfen")


class PopulationClass(models.TextChoices):
    """Size classes as the KGSt uses them for comparing municipalities."""

    UP_TO_10K = "bis-10000", _("bis 10.000 Einwohner")
    UP_TO_25K = "bis-25000", _("10.000 bis 25.000 Einwohner")
    UP_TO_50K = "bis-50000", _("25.000 bis 50.000 Einwohner")
    UP_TO_100K = "bis-100000", _("50.000 bis 100.000 Einwohner")
    UP_TO_400K = "bis-400000", _("100.000 bis 400.000 Einwohner")
    ABOVE_400K = "ueber-400000", _("über 400.000 Einwohner")


class InfoBoxKind(models.TextChoices):
    NOTE = "hinweis", _("Hinweis")
    EXAMPLE = "beispiel", _("Beispiel")
    WARNING = "achtung", _("Achtung")


class ListStyle(models.TextChoices):
    BULLETS = "ul", _("Aufzählung")
    NUMBERED = "ol", _("Nummerierte Liste")
