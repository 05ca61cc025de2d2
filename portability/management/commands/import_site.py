from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portability.importer import ImportProblem, import_site
from portal.progress import bar


class Command(BaseCommand):
    help = (
        "Baut eine Website aus einem Export von „export_site“ in einer frisch migrierten, "
        "leeren Datenbank wieder auf. Alles oder nichts: Bei einem Fehler bleibt die "
        "Datenbank unverändert."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="Ordner mit dem Export (manifest.json)")

    def handle(self, *args, folder: Path, **options):
        try:
            manifest = import_site(folder, bar(self.stderr))
        except ImportProblem as problem:
            raise CommandError(f"Import abgebrochen, nichts wurde übernommen. {problem}") from None
        counts = ", ".join(f"{name}: {count}" for name, count in manifest["counts"].items())
        self.stdout.write(self.style.SUCCESS(f"Import aus {folder} abgeschlossen ({counts})."))
