"""``import_site``: rebuild a site from an export into an empty, freshly migrated database.

All or nothing: the database work runs in one transaction, and media files written
before a failure are removed again. Page ids change; paths, slugs, block ids, dates,
versions with their content hashes, released rounds and discussions stay as exported.
The registered parts (``portability.parts``) run in their order: organisations and
media, then the pages (with the pages other parts contribute), then the rest.
"""

from pathlib import Path

from django.db import transaction

from portal.progress import Steps, quietly

from . import formats, parts
from .context import ImportContext, ImportProblem, read_json
from .parts import Part

__all__ = ["ImportProblem", "SiteImporter", "import_site"]


def check_manifest(folder: Path) -> dict:
    if not folder.is_dir():
        raise ImportProblem(f"Den Ordner „{folder}“ gibt es nicht.")
    if not (folder / formats.MANIFEST).is_file():
        raise ImportProblem(
            f"Im Ordner „{folder}“ liegt keine {formats.MANIFEST}. Bitte geben Sie den Ordner "
            "an, den „manage.py export_site“ geschrieben hat."
        )
    manifest = read_json(folder / formats.MANIFEST)
    if not isinstance(manifest, dict) or manifest.get("format") != formats.FORMAT_NAME:
        raise ImportProblem(
            f"„{folder}“ ist kein Export von Kommunal souverän (Format "
            f"„{formats.FORMAT_NAME}“ erwartet)."
        )
    if manifest.get("format_version") != formats.FORMAT_VERSION:
        raise ImportProblem(
            f"Der Export hat die Formatversion {manifest.get('format_version')!r}; diese "
            f"Installation liest nur Formatversion {formats.FORMAT_VERSION}."
        )
    return manifest


def check_empty_database(ordered: list[Part]) -> None:
    """No part may find content of its own kind already there."""
    found = [part.database_label for part in ordered if part.database_label and part.has_content()]
    if found:
        raise ImportProblem(
            "Die Datenbank ist nicht leer (vorhanden: " + ", ".join(found) + "). Der Import "
            "braucht eine frisch migrierte, leere Datenbank, damit nichts überschrieben wird."
        )


class SiteImporter:
    def __init__(self, folder: Path, steps: Steps = quietly):
        self.folder = Path(folder)
        self.parts = [part() for part in parts.parts()]
        self.steps = steps

    def run(self) -> dict:
        manifest = check_manifest(self.folder)
        check_empty_database(self.parts)
        context = ImportContext(self.folder, manifest, self.parts)
        try:
            with transaction.atomic():
                for part in self.steps(self.parts, "Import"):
                    part.import_(context)
        except BaseException:
            for storage, name in context.saved_files:
                storage.delete(name)
            raise
        return manifest


def import_site(folder: Path, steps: Steps = quietly) -> dict:
    """Rebuild the site from the export in ``folder``; returns its manifest."""
    return SiteImporter(folder, steps).run()
