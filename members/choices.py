from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    """What kind of body a member organisation is."""

    CITY = "stadt", _("Stadt")
    MUNICIPALITY = "gemeinde", _("Gemeinde")
    DISTRICT = "kreis", _("Kreis")
    ASSOCIATION = "verband", _("Verband")
    OTHER = "sonstige", _("Sonstige")


class MembershipSource(models.TextChoices):
    """How a membership came about; shown to staff, never decides anything."""

    EMAIL_DOMAIN = "domain", _("Bestätigte E-Mail-Adresse der Organisation")
    REQUEST = "antrag", _("Genehmigter Antrag")
    STAFF = "verwaltung", _("Von der Verwaltung eingetragen")


class RequestStatus(models.TextChoices):
    PENDING = "offen", _("Offen")
    APPROVED = "angenommen", _("Angenommen")
    REJECTED = "abgelehnt", _("Abgelehnt")
