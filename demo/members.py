"""Demo organisations and memberships (``manage.py load_demo``); idempotent.

Fictional municipalities whose e-mail domains match the demo accounts, so signing
up with an address like ``neu@musterhausen.example`` shows automatic membership.
The KGSt has no domain here: its editors stay editors and do not become members
by logging in; its moderator is a member by staff decision.
"""

from collections.abc import Callable
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from members.choices import MembershipSource, RequestStatus
from members.models import Membership, MembershipRequest, Organisation, OrganisationDomain
from members.services import grant_membership


@dataclass(frozen=True)
class OrganisationSpec:
    name: str
    kind: str
    ags: str
    domains: tuple[str, ...]
    active: bool = True


# AGS with the fictional district key 999: valid in form, belonging to no real place.
ORGANISATIONS = [
    OrganisationSpec("Stadt Musterhausen", "stadt", "05999001", ("musterhausen.example",)),
    OrganisationSpec("Landkreis Beispielkreis", "kreis", "05999000", ("beispielkreis.example",)),
    OrganisationSpec("Gemeinde Modellingen", "gemeinde", "05999012", ("modellingen.example",)),
    OrganisationSpec("Stadt Beispielstadt", "stadt", "06999002", ("beispielstadt.example",)),
    OrganisationSpec("Stadt Modellstadt", "stadt", "08999003", ("modellstadt.example",)),
    OrganisationSpec(
        "Zweckverband Digitale Musterregion", "verband", "", ("musterregion.example",)
    ),
    OrganisationSpec("KGSt", "verband", "", ()),
    OrganisationSpec("Gemeinde Altdorf (ausgetreten)", "gemeinde", "09999044", (), active=False),
]

# Demo accounts (demo/accounts.py) and their organisations.
MEMBERSHIPS = {
    "s.neumann@musterhausen.example": "Stadt Musterhausen",
    "moderation@kgst.example": "KGSt",
}


@dataclass(frozen=True)
class Voice:
    """A member who appears in the demo discussions; has no password, cannot log in."""

    email: str
    first_name: str
    last_name: str
    organisation: str


VOICES = [
    Voice("j.ott@beispielkreis.example", "Jana", "Ott", "Landkreis Beispielkreis"),
    Voice("m.weber@modellingen.example", "Markus", "Weber", "Gemeinde Modellingen"),
    Voice("s.krause@beispielstadt.example", "Sabine", "Krause", "Stadt Beispielstadt"),
    Voice("t.lange@modellstadt.example", "Thomas", "Lange", "Stadt Modellstadt"),
    Voice("d.aydin@musterregion.example", "Deniz", "Aydın", "Zweckverband Digitale Musterregion"),
]

# Someone waiting for staff: shows the dashboard panel and the decision form.
PENDING_REQUEST = Voice("t.berger@post.example", "Tobias", "Berger", "Gemeinde Modellingen")
PENDING_MESSAGE = (
    "Ich bin IT-Koordinator der Gemeinde Modellingen, habe aber noch keine dienstliche "
    "Adresse mit der Gemeinde-Domain, weil wir gerade das Mailsystem umstellen."
)


def ensure_organisations() -> dict[str, Organisation]:
    organisations = {}
    for spec in ORGANISATIONS:
        organisation, _created = Organisation.objects.get_or_create(
            name=spec.name, defaults={"kind": spec.kind, "ags": spec.ags, "active": spec.active}
        )
        for domain in spec.domains:
            if not OrganisationDomain.objects.filter(domain=domain).exists():
                OrganisationDomain.objects.create(organisation=organisation, domain=domain)
        organisations[spec.name] = organisation
    return organisations


def ensure_voice(voice: Voice, organisation: Organisation | None):
    users = get_user_model().objects
    user = users.filter(email__iexact=voice.email).first()
    if user is None:
        user = users.create_user(
            voice.email,
            voice.email,
            password=None,
            first_name=voice.first_name,
            last_name=voice.last_name,
        )
        EmailAddress.objects.create(user=user, email=voice.email, verified=True, primary=True)
    if organisation and not Membership.objects.filter(user=user).exists():
        grant_membership(user, organisation, MembershipSource.STAFF)
    return user


def load_demo_members(report: Callable[[str], None]) -> None:
    before = Organisation.objects.count()
    organisations = ensure_organisations()
    report(
        f"Organisationen: {len(ORGANISATIONS)}, davon "
        f"{Organisation.objects.count() - before} neu angelegt."
    )
    users = get_user_model().objects
    for email, name in MEMBERSHIPS.items():
        user = users.filter(email__iexact=email).first()
        if user and not Membership.objects.filter(user=user).exists():
            grant_membership(user, organisations[name], MembershipSource.STAFF)
    for voice in VOICES:
        ensure_voice(voice, organisations[voice.organisation])
    applicant = ensure_voice(PENDING_REQUEST, None)
    if not MembershipRequest.objects.filter(user=applicant).exists():
        MembershipRequest.objects.create(
            user=applicant,
            organisation=organisations[PENDING_REQUEST.organisation],
            message=PENDING_MESSAGE,
            status=RequestStatus.PENDING,
        )
    pending = MembershipRequest.objects.pending().count()
    report(f"Mitgliedschaften: {Membership.objects.count()}, offene Anträge: {pending}.")
