from django.db import models
from django.utils.translation import gettext_lazy as _


class Decision(models.TextChoices):
    """The editors' decision on a comment, as the disposition table shows it."""

    OPEN = "offen", _("offen")
    ACCEPTED = "angenommen", _("angenommen")
    PARTLY_ACCEPTED = "teilweise", _("teilweise angenommen")
    REJECTED = "abgelehnt", _("abgelehnt")
    NOTED = "zur-kenntnis", _("zur Kenntnis genommen")


class Visibility(models.TextChoices):
    """Whether members see each other's comments while the round is open."""

    CLOSED = "geschlossen", _("geschlossen: nur eigene Kommentare und die der eigenen Organisation")
    OPEN = "offen", _("offen: alle Kommentare der Runde")


class RoundState(models.TextChoices):
    UPCOMING = "geplant", _("geplant")
    OPEN = "offen", _("läuft")
    CLOSED = "beendet", _("beendet")
