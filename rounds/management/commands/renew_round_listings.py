from django.core.management.base import BaseCommand

from rounds.services import renew_listings_after_phase_changes


class Command(BaseCommand):
    help = (
        "Erneuert die zwischengespeicherten öffentlichen Seiten, wenn seit dem letzten Aufruf "
        "eine Kommentierungsrunde begonnen oder geendet hat (Übersicht, Startseite, Texte). "
        "Der Worker ruft den Befehl jede Minute auf."
    )

    def handle(self, *args, **options):
        changed = renew_listings_after_phase_changes()
        self.stdout.write(f"Runden mit neuem Stand: {changed}.")
