"""Member organisations, their e-mail domains, memberships and membership requests."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import DomainNameValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel

from .choices import MembershipSource, OrganisationKind, RequestStatus

ags_validator = RegexValidator(
    r"^\d{8}\Z",
    _("Der Amtliche Gemeindeschlüssel (AGS) besteht aus genau 8 Ziffern, z. B. 05315000."),
)

# Addresses anyone can get: a domain like these would make the whole public a member.
FREEMAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "gmx.de",
        "gmx.net",
        "web.de",
        "t-online.de",
        "outlook.com",
        "outlook.de",
        "hotmail.com",
        "hotmail.de",
        "live.de",
        "yahoo.com",
        "yahoo.de",
        "icloud.com",
        "me.com",
        "posteo.de",
        "mailbox.org",
        "freenet.de",
        "aol.com",
        "proton.me",
        "protonmail.com",
    }
)


def normalise_domain(value: str) -> str:
    """``@Stadt.Example.`` → ``stadt.example``: how addresses and domains are compared."""
    return value.strip().lstrip("@").rstrip(".").lower()


def email_domain(address: str) -> str:
    return normalise_domain(address.rpartition("@")[2])


def validate_member_domain(value: str) -> None:
    DomainNameValidator(message=_("„%(value)s“ ist kein gültiger Domainname."))(value)
    if value in FREEMAIL_DOMAINS:
        raise ValidationError(
            _(
                "„%(value)s“ ist ein öffentlicher E-Mail-Anbieter. Jede Person mit einer "
                "Adresse dort würde automatisch Mitglied."
            ),
            params={"value": value},
            code="freemail",
        )


class OrganisationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def for_email(self, address: str):
        """Active organisations that own the domain of ``address`` (at most one)."""
        return self.active().filter(domains__domain=email_domain(address))


class Organisation(ClusterableModel):
    """A member municipality, district or association of the initiative."""

    name = models.CharField(
        _("Name"),
        max_length=200,
        unique=True,
        help_text=_(
            "Amtlicher Name, wie er neben Beiträgen erscheint, z. B. „Stadt Musterhausen“."
        ),
    )
    kind = models.CharField(
        _("Art"),
        max_length=20,
        choices=OrganisationKind.choices,
        help_text=_("Stadt, Gemeinde, Kreis, Verband oder Sonstige."),
    )
    ags = models.CharField(
        _("Amtlicher Gemeindeschlüssel (AGS)"),
        max_length=8,
        blank=True,
        validators=[ags_validator],
        help_text=_("8 Ziffern; leer lassen bei Verbänden und anderen Organisationen ohne AGS."),
    )
    active = models.BooleanField(
        _("aktiv"),
        default=True,
        help_text=_(
            "Nur aktive Organisationen machen Personen mit einer bestätigten Adresse ihrer "
            "Domains automatisch zu Mitgliedern und stehen im Mitgliedsantrag zur Auswahl. "
            "Bestehende Mitgliedschaften bleiben beim Deaktivieren erhalten."
        ),
    )
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)

    objects = OrganisationQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("ags")]),
        FieldPanel("active"),
        InlinePanel("domains", heading=_("E-Mail-Domains"), label=_("Domain")),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Organisation")
        verbose_name_plural = _("Organisationen")
        constraints = [
            models.UniqueConstraint(
                fields=["ags"],
                condition=~Q(ags=""),
                name="members_organisation_unique_ags",
                violation_error_message=_(
                    "Eine Organisation mit diesem Gemeindeschlüssel gibt es schon."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def domain_list(self) -> str:
        return ", ".join(domain.domain for domain in self.domains.all())

    domain_list.short_description = _("E-Mail-Domains")


class OrganisationDomain(models.Model):
    """An e-mail domain of an organisation: verified addresses in it make members."""

    organisation = ParentalKey(Organisation, on_delete=models.CASCADE, related_name="domains")
    domain = models.CharField(
        _("Domain"),
        max_length=253,
        unique=True,
        validators=[validate_member_domain],
        help_text=_(
            "Nur der Teil nach dem @, z. B. musterhausen.de. Eine Domain gehört zu genau "
            "einer Organisation."
        ),
    )

    panels = [FieldPanel("domain")]

    class Meta:
        ordering = ["domain"]
        verbose_name = _("E-Mail-Domain")
        verbose_name_plural = _("E-Mail-Domains")

    def __str__(self) -> str:
        return self.domain

    def save(self, *args, **kwargs):
        self.domain = normalise_domain(self.domain)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self.domain = normalise_domain(self.domain)


class Membership(models.Model):
    """A person belongs to one member organisation; that grants the role "Mitglieder"."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="membership",
        verbose_name=_("Person"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("Organisation"),
    )
    source = models.CharField(
        _("entstanden durch"),
        max_length=20,
        choices=MembershipSource.choices,
        default=MembershipSource.STAFF,
    )
    created_at = models.DateTimeField(_("seit"), auto_now_add=True)

    panels = [FieldPanel("user"), FieldPanel("organisation")]

    class Meta:
        ordering = ["organisation__name", "user__last_name", "user__first_name"]
        verbose_name = _("Mitgliedschaft")
        verbose_name_plural = _("Mitgliedschaften")

    def __str__(self) -> str:
        return f"{self.user.get_full_name() or self.user.email} – {self.organisation}"


class MembershipEnding(models.Model):
    """Staff ended this person's membership; it stays ended until staff restore it.

    The membership row is gone (so every "is this a member?" check says no), and
    this record keeps verified addresses and logins from granting it again.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="membership_ending",
        verbose_name=_("Person"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("frühere Organisation"),
    )
    ended_at = models.DateTimeField(_("beendet am"), default=timezone.now)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("beendet von"),
    )

    class Meta:
        ordering = ["-ended_at"]
        verbose_name = _("Beendete Mitgliedschaft")
        verbose_name_plural = _("Beendete Mitgliedschaften")

    def __str__(self) -> str:
        # No personal data: this label also lands in the audit log, which outlives accounts.
        return f"Beendete Mitgliedschaft Nr. {self.pk} – {self.organisation or '–'}"


class MembershipRequestQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=RequestStatus.PENDING)


class MembershipRequest(models.Model):
    """A registered person asks staff to be recognised as member of an organisation."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="membership_requests",
        verbose_name=_("Person"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="membership_requests",
        verbose_name=_("Organisation"),
    )
    message = models.TextField(
        _("Nachricht"),
        blank=True,
        max_length=1000,
        help_text=_("Funktion in der Organisation und was die Verwaltung noch wissen sollte."),
    )
    status = models.CharField(
        _("Status"),
        max_length=20,
        choices=RequestStatus.choices,
        default=RequestStatus.PENDING,
    )
    created_at = models.DateTimeField(_("gestellt am"), auto_now_add=True)
    decided_at = models.DateTimeField(_("entschieden am"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entschieden von"),
    )
    decision_note = models.TextField(
        _("Begründung"),
        blank=True,
        max_length=1000,
        help_text=_("Wird der Person in der E-Mail mit der Entscheidung mitgeteilt."),
    )

    objects = MembershipRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Mitgliedsantrag")
        verbose_name_plural = _("Mitgliedsanträge")
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(status=RequestStatus.PENDING),
                name="members_one_pending_request_per_user",
                violation_error_message=_("Sie haben bereits einen offenen Antrag."),
            )
        ]

    def __str__(self) -> str:
        # No personal data: this label also lands in the audit log, which outlives accounts.
        return f"Antrag Nr. {self.pk} – {self.organisation}"

    @property
    def is_pending(self) -> bool:
        return self.status == RequestStatus.PENDING
