"""Personal data export (Art. 15 and 20 GDPR) as one JSON document.

Each app that stores something a person wrote or chose contributes a section:
``register("diskussion", function)`` in its ``AppConfig.ready()``, where the
function takes the user and returns JSON-serialisable data. The account page
offers the combined document as a download.
"""

from collections.abc import Callable
from typing import Any

from allauth.account.models import EmailAddress
from django.utils import timezone

from .models import Membership, MembershipEnding, MembershipRequest

Section = Callable[[Any], Any]

_sections: dict[str, Section] = {}


def register(key: str, section: Section) -> None:
    """Add (or replace, for reloads) the export section ``key``."""
    _sections[key] = section


def sections() -> dict[str, Section]:
    return dict(_sections)


def timestamp(value) -> str | None:
    return timezone.localtime(value).isoformat() if value else None


def export_user_data(user) -> dict:
    data: dict[str, Any] = {
        "hinweis": (
            "Alle personenbezogenen Daten, die Kommunal souverän zu Ihrem Konto speichert. "
            "Zeitangaben in der Zeitzone Europe/Berlin."
        ),
        "erstellt_am": timestamp(timezone.now()),
    }
    for key, section in _sections.items():
        data[key] = section(user)
    return data


def account_section(user) -> dict:
    return {
        "vorname": user.first_name,
        "nachname": user.last_name,
        "registriert_am": timestamp(user.date_joined),
        "letzte_anmeldung": timestamp(user.last_login),
        "e_mail_adressen": [
            {"adresse": address.email, "bestaetigt": address.verified, "primaer": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("-primary", "email")
        ],
        "rollen": sorted(user.groups.values_list("name", flat=True)),
    }


def membership_section(user) -> dict | None:
    membership = Membership.objects.filter(user=user).select_related("organisation").first()
    if membership is None:
        return None
    return {
        "organisation": membership.organisation.name,
        "entstanden_durch": membership.get_source_display(),
        "seit": timestamp(membership.created_at),
    }


def ending_section(user) -> dict | None:
    ending = MembershipEnding.objects.filter(user=user).select_related("organisation").first()
    if ending is None:
        return None
    return {
        "organisation": ending.organisation.name if ending.organisation else None,
        "beendet_am": timestamp(ending.ended_at),
        "beendet_durch": "Verwaltung",
    }


def requests_section(user) -> list[dict]:
    return [
        {
            "organisation": item.organisation.name,
            "nachricht": item.message,
            "status": item.get_status_display(),
            "gestellt_am": timestamp(item.created_at),
            "entschieden_am": timestamp(item.decided_at),
            "begruendung": item.decision_note,
        }
        for item in MembershipRequest.objects.filter(user=user).select_related("organisation")
    ]


def register_core_sections() -> None:
    register("konto", account_section)
    register("mitgliedschaft", membership_section)
    register("beendete_mitgliedschaft", ending_section)
    register("mitgliedsantraege", requests_section)
