from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Page

from demo.accounts import AccountResult, ensure_demo_accounts
from demo.discussions import load_demo_discussions
from demo.members import load_demo_members
from demo.pages import load_demo_pages
from demo.rounds import load_demo_rounds
from demo.versions import load_demo_versions
from portal.progress import bar


def refuse_in_production() -> None:
    """Demo accounts have published passwords: they must never reach a live system."""
    module = settings.SETTINGS_MODULE or ""
    if module.rsplit(".", 1)[-1] == "production":
        raise CommandError(
            f"load_demo ist mit den Produktions-Einstellungen ({module}) gesperrt: "
            "Demo-Inhalte und Demo-Konten mit bekannten Passwörtern dürfen nicht in "
            "ein Produktivsystem gelangen."
        )


class Command(BaseCommand):
    help = (
        "Legt den Seitenbaum an und füllt ihn mit deutschen Demo-Inhalten und "
        "Demo-Konten für jede Rolle. Mehrfach ausführbar: Vorhandenes bleibt unverändert."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset-passwords",
            action="store_true",
            help="Setzt die Passwörter vorhandener Demo-Konten auf die Demo-Passwörter zurück.",
        )

    def handle(self, *args, reset_passwords: bool = False, **options):
        refuse_in_production()
        # All or nothing: a failure halfway must not leave a half-filled site behind.
        say = self.stdout.write
        accounts = []
        steps = [
            lambda: load_demo_pages(say),
            lambda: accounts.extend(ensure_demo_accounts(reset_passwords=reset_passwords)),
            # Organisations and memberships first: rounds and discussions name them.
            lambda: load_demo_members(say),
            lambda: load_demo_discussions(say),
            # Later versions are published by the demo approver, so after the accounts.
            lambda: load_demo_versions(say),
            # Rounds refer to versions (a released round explains the last change).
            lambda: load_demo_rounds(say),
        ]
        with transaction.atomic():
            for step in bar(self.stderr)(steps, "Demo-Inhalte"):
                step()
        self.stdout.write(f"Seiten insgesamt: {Page.objects.count() - 1} (ohne Wurzelseite).")
        self.stdout.write("")
        self.stdout.write(logins_table(accounts))
        self.stdout.write(self.style.SUCCESS("Demo-Inhalte sind geladen."))


def logins_table(results: list[AccountResult]) -> str:
    """The demo logins as a plain-text table for the console."""
    rows = [("Rolle", "E-Mail", "Passwort", "Status")] + [
        (r.account.role, r.account.email, r.account.password, r.status) for r in results
    ]
    widths = [max(len(row[col]) for row in rows) for col in range(4)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)
