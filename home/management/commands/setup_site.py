from django.core.management.base import BaseCommand

from home.site_tree import ensure_site_tree


class Command(BaseCommand):
    help = "Legt Startseite, beide Stränge und die Pflichtseiten an, sofern sie fehlen."

    def handle(self, *args, **options):
        home = ensure_site_tree()
        self.stdout.write(self.style.SUCCESS(f"Seitenbaum bereit: {home.title}"))
