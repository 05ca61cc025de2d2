"""Demo accounts: one per role of DESIGN.md, each with a verified e-mail login."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from members.roles import Role


@dataclass(frozen=True)
class DemoAccount:
    role: str  # the role's name, as DESIGN.md and the README list them
    email: str
    first_name: str
    last_name: str
    password: str
    groups: tuple[Role, ...] = ()
    superuser: bool = False


# Fixed, printed passwords on purpose: the README and the browser tests log in with
# them, and the command refuses to run with production settings.
DEMO_ACCOUNTS: list[DemoAccount] = [
    DemoAccount(
        "Administration",
        "admin@kommunal-souveraen.example",
        "Petra",
        "Hoffmann",
        "Demo-Admin-2020!",
        superuser=True,
    ),
    DemoAccount(
        Role.MISSION_EDITOR,
        "redaktion-leitbild@staedtetag.example",
        "Jan",
        "Becker",
        "Demo-Leitbild-2020!",
        (Role.MISSION_EDITOR,),
    ),
    DemoAccount(
        Role.GUIDANCE_EDITOR,
        "redaktion-handlungshilfen@kgst.example",
        "Miriam",
        "Wolf",
        "Demo-Handlungshilfen-2020!",
        (Role.GUIDANCE_EDITOR,),
    ),
    DemoAccount(
        Role.APPROVER,
        "freigabe@staedtetag.example",
        "Thomas",
        "Krüger",
        "Demo-Freigabe-2020!",
        (Role.APPROVER,),
    ),
    DemoAccount(
        Role.MODERATOR,
        "moderation@kgst.example",
        "Aylin",
        "Demir",
        "Demo-Moderation-2020!",
        (Role.MODERATOR, Role.MEMBER),
    ),
    DemoAccount(
        "Mitglied",
        "s.neumann@musterhausen.example",
        "Stefan",
        "Neumann",
        "Demo-Mitglied-2020!",
        (Role.MEMBER,),
    ),
    DemoAccount(
        "Registriert, kein Mitglied",
        "lena.fischer@post.example",
        "Lena",
        "Fischer",
        "Demo-Registriert-2020!",
    ),
]


@dataclass(frozen=True)
class AccountResult:
    account: DemoAccount
    status: str


def ensure_demo_accounts(reset_passwords: bool = False) -> list[AccountResult]:
    """Create the missing demo accounts; existing ones keep their data and password.

    The role groups must exist already (``ensure_site_tree()`` creates them with their
    permissions), so a missing group fails loudly instead of granting nothing.
    """
    results = []
    for account in DEMO_ACCOUNTS:
        user = get_user_model().objects.filter(email__iexact=account.email).first()
        if user is None:
            _create(account)
            status = "neu angelegt"
        elif reset_passwords:
            user.set_password(account.password)
            user.save(update_fields=["password"])
            status = "Passwort zurückgesetzt"
        else:
            status = "vorhanden, unverändert"
        results.append(AccountResult(account, status))
    return results


def _create(account: DemoAccount) -> None:
    # The full address as username cannot collide with usernames allauth derives
    # from the local part at sign-up.
    user = get_user_model()(
        username=account.email,
        email=account.email,
        first_name=account.first_name,
        last_name=account.last_name,
        is_superuser=account.superuser,
        is_staff=account.superuser,
    )
    user.set_password(account.password)
    user.save()
    user.groups.set([Group.objects.get(name=role) for role in account.groups])
    # allauth logs in by verified address only (ACCOUNT_EMAIL_VERIFICATION = "mandatory").
    EmailAddress.objects.create(user=user, email=account.email, verified=True, primary=True)
