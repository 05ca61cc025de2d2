from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportReason(models.TextChoices):
    OFFENSIVE = "beleidigend", _("beleidigend oder herabwürdigend")
    PERSONAL_DATA = "datenschutz", _("enthält personenbezogene oder vertrauliche Daten")
    SPAM = "werbung", _("Werbung oder Spam")
    OFF_TOPIC = "thema", _("gehört nicht zum Thema")
    OTHER = "sonstiges", _("anderer Grund")


class ReportStatus(models.TextChoices):
    OPEN = "offen", _("offen")
    POST_HIDDEN = "ausgeblendet", _("erledigt: Beitrag ausgeblendet")
    DISMISSED = "zurueckgewiesen", _("erledigt: kein Verstoß")
