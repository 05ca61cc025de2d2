from django.db import models
from django.utils.translation import gettext_lazy as _


class ChangeKind(models.TextChoices):
    """How far the next publication moves the version number."""

    MINOR = "minor", _("Kleine Änderung: die Nummer hinter dem Punkt steigt (1.1 → 1.2)")
    MAJOR = "major", _("Grundlegende Änderung: die Nummer vor dem Punkt steigt (1.2 → 2.0)")
