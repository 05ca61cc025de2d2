"""``export_site``: everything published and public, in JSON and Markdown, plus media.

The export runs the registered parts (``portability.parts``) in their order and
writes the manifest with what each part counted. What goes out and what stays behind
is said by each part in its module:

- organisations without any personal data (``members.portability``),
- images and documents from collections without view restriction (``portability.media``),
- live, public pages of the strands, the home page and the legal pages
  (``portability.pages``),
- the versions of those pages (``versions.portability``),
- released disposition tables, comments by organisation only (``rounds.portability``),
- the discussion area's live rooms with their visible posts (``discussions.portability``).

Drafts, unpublished or view-restricted pages, unreleased rounds, withdrawn comments and
hidden posts stay behind.
"""

from pathlib import Path

from django.utils import timezone
from wagtail.models import Site

from portal.progress import Steps, quietly

from . import formats, parts
from .context import ExportContext
from .pages import site_home

DESCRIPTION = (
    "Export aller veröffentlichten, öffentlichen Inhalte von Kommunal souverän: "
    "Seiten, Fassungen, veröffentlichte Abwägungstabellen, Diskussionen des "
    "Mitgliederbereichs (ohne ausgeblendete Beiträge), Organisationen ohne "
    "personenbezogene Daten und Mediendateien. JSON (UTF-8) und Markdown."
)


class SiteExporter:
    def __init__(self, folder: Path, steps: Steps = quietly):
        self.folder = Path(folder)
        self.parts = [part() for part in parts.parts()]
        self.steps = steps

    def run(self) -> dict:
        if self.folder.exists() and any(self.folder.iterdir()):
            raise FileExistsError(self.folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        counted = [kind for part in self.parts for kind in part.counts]
        context = ExportContext(self.folder, site_home(), counted)
        for part in self.steps(self.parts, "Export"):
            part.export(context)
        manifest = {
            "format": formats.FORMAT_NAME,
            "format_version": formats.FORMAT_VERSION,
            "exported_at": formats.timestamp(timezone.now()),
            "site_name": self.site_name(),
            "description": DESCRIPTION,
            "counts": dict(sorted(context.counts.items())),
        }
        formats.write_json(self.folder / formats.MANIFEST, manifest)
        return manifest

    def site_name(self) -> str:
        site = Site.objects.filter(is_default_site=True).first()
        return site.site_name if site else ""


def export_site(folder: Path, steps: Steps = quietly) -> dict:
    """Write the export into ``folder`` (new or empty); returns the manifest."""
    return SiteExporter(folder, steps).run()
