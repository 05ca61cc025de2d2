from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from members.csv_import import ImportFailed, import_organisations
from portal.progress import bar


class Command(BaseCommand):
    help = (
        "Importiert Mitgliedsorganisationen aus einer CSV-Datei (Spalten: name, art, ags, "
        "domains, aktiv). Entweder werden alle Zeilen übernommen oder keine."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="Pfad zur CSV-Datei")
        parser.add_argument(
            "--encoding",
            default="utf-8-sig",
            help="Zeichenkodierung der Datei (Standard: utf-8-sig; ältere Excel-Dateien: cp1252)",
        )
        parser.add_argument(
            "--dry-run",
            "--probelauf",
            action="store_true",
            dest="dry_run",
            help="Nur prüfen, nichts speichern.",
        )

    def handle(self, *args, file: Path, encoding: str, dry_run: bool, **options):
        try:
            text = file.read_bytes().decode(encoding)
        except FileNotFoundError as error:
            raise CommandError(f"Die Datei {file} gibt es nicht.") from error
        except UnicodeDecodeError as error:
            raise CommandError(
                f"Die Datei ist nicht in der Kodierung {encoding} gespeichert. Speichern Sie "
                "sie als „CSV UTF-8“ oder geben Sie --encoding cp1252 an."
            ) from error
        except LookupError as error:
            raise CommandError(f"Unbekannte Zeichenkodierung: {encoding}") from error
        try:
            result = import_organisations(text, dry_run=dry_run, steps=bar(self.stderr))
        except ImportFailed as failure:
            raise CommandError(
                "Nichts importiert. Bitte korrigieren Sie die Datei:\n" + "\n".join(failure.errors)
            ) from failure
        verb = "würden" if dry_run else "wurden"
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(result.created)} Organisationen {verb} angelegt, "
                f"{len(result.updated)} {verb} aktualisiert."
                + (" (Probelauf: nichts gespeichert.)" if dry_run else "")
            )
        )
