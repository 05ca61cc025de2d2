from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portability.export import export_site
from portal.progress import bar


class Command(BaseCommand):
    help = (
        "Exportiert alle veröffentlichten, öffentlichen Inhalte in offenen Formaten (JSON und "
        "Markdown) samt Mediendateien in einen neuen oder leeren Ordner: Seiten, Fassungen, "
        "veröffentlichte Abwägungstabellen, Diskussionen und Organisationen."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="Zielordner (neu oder leer)")

    def handle(self, *args, folder: Path, **options):
        try:
            manifest = export_site(folder, bar(self.stderr))
        except FileExistsError as error:
            raise CommandError(
                f"Der Ordner „{folder}“ ist nicht leer. Bitte geben Sie einen neuen oder "
                "leeren Ordner an, damit kein alter Export mit dem neuen vermischt wird."
            ) from error
        except OSError as error:
            raise CommandError(f"Der Export nach „{folder}“ ist gescheitert: {error}") from error
        counts = ", ".join(f"{name}: {count}" for name, count in manifest["counts"].items())
        self.stdout.write(self.style.SUCCESS(f"Export nach {folder} geschrieben ({counts})."))
