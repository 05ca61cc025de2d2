"""How authors appear: their name and organisation, or the organisation alone."""


def person_name(user) -> str:
    if user is None:
        return "Ehemaliges Mitglied"
    return user.get_full_name() or "Mitglied ohne Namensangabe"


def author_label(user, organisation) -> str:
    """ "Stefan Neumann (Stadt Musterhausen)" – plain text for quotes and e-mails."""
    name = person_name(user)
    return f"{name} ({organisation.name})" if organisation else name
