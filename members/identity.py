"""How a person and their organisation appear, and which organisation a user is in.

Rounds, discussions, the admin and the export call these functions instead of
restating them, so a name reads the same wherever it is shown.
"""

from .models import Membership, Organisation

FORMER_MEMBER = "Ehemaliges Mitglied"
UNNAMED_MEMBER = "Mitglied ohne Namensangabe"


def organisation_of(user) -> Organisation | None:
    """The organisation ``user`` belongs to now; None for anonymous visitors and non-members.

    Read from the database on every call, not from the membership cached on the user
    object: ending a membership deletes its row, and a cached relation would still
    name the old organisation (and attribute new writing to it) until the next request.
    """
    if user is None or not user.is_authenticated:
        return None
    membership = Membership.objects.filter(user=user).select_related("organisation").first()
    return membership.organisation if membership else None


# --- Public labels: never an e-mail address ------------------------------------------


def full_name(user) -> str | None:
    """The name a person gave ("" if none); None for a deleted account. Never an address."""
    return None if user is None else user.get_full_name()


def name_label(name: str | None) -> str:
    """How a name from ``full_name`` appears: deleted accounts and empty names get a label."""
    if name is None:
        return FORMER_MEMBER
    return name or UNNAMED_MEMBER


def person_name(user) -> str:
    """ "Stefan Neumann", "Mitglied ohne Namensangabe" or, deleted, "Ehemaliges Mitglied"."""
    return name_label(full_name(user))


def author_label_from(name: str | None, organisation_name: str | None) -> str:
    """``author_label`` for plain values (a name from ``full_name``, an organisation's name),
    e.g. for records exported without their accounts."""
    label = name_label(name)
    return f"{label} ({organisation_name})" if organisation_name else label


def author_label(user, organisation: Organisation | None) -> str:
    """ "Stefan Neumann (Stadt Musterhausen)" – plain text for quotes and e-mails."""
    return author_label_from(full_name(user), organisation.name if organisation else None)


def comment_attribution(show_name: bool, user, organisation: Organisation) -> str:
    """A round comment: the organisation, and the person only where they agreed to be named."""
    name = full_name(user) if show_name else None
    if name:
        return f"{name} ({organisation})"
    return str(organisation)


# --- Admin labels: for staff, with the address ---------------------------------------


def admin_name(user) -> str:
    """The name, or the address for accounts without one."""
    return user.get_full_name() or user.email


def admin_label(user) -> str:
    """ "Stefan Neumann <s.neumann@musterhausen.example>", or the address alone."""
    name = user.get_full_name()
    return f"{name} <{user.email}>" if name else user.email
