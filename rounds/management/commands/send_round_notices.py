from django.core.management.base import BaseCommand

from rounds.notifications import send_due_notices


class Command(BaseCommand):
    help = (
        "Benachrichtigt die Mitglieder über eröffnete Kommentierungsrunden und erinnert "
        "zwei Tage vor Schluss. Der Worker (manage.py db_worker) ruft den Befehl alle zehn "
        "Minuten auf; mehrfach aufrufbar, jede Nachricht geht nur einmal."
    )

    def handle(self, *args, **options):
        sent = send_due_notices()
        self.stdout.write(
            f"Eröffnungsnachrichten: {sent['eröffnet']}, Erinnerungen: {sent['erinnert']}."
        )
