"""The versions' part of the site export (``portability``).

What goes out: every version of an exported page, as JSON and as its canonical text.
The Markdown of a version is not rendered: it is the version's canonical text itself,
byte for byte, so ``sha256sum`` of that file is the content hash. The import refuses a
text that no longer matches its hash; the newest version shares the page's live
revision where it holds exactly that text, every other one gets a frozen copy.
"""

from wagtail.models import Page, Revision

from portability import formats
from portability.context import ExportContext, ImportContext, ImportProblem, read_json
from portability.parts import Part

from .canonical import content_hash
from .models import Version


class VersionsPart(Part):
    key = "versions"
    order = 40
    needs = ("pages",)
    counts = ("versions",)
    paths = (formats.VERSIONS_DIR,)
    database_label = "Fassungen"

    def export(self, context: ExportContext) -> None:
        order = context.page_positions()
        versions = sorted(
            Version.objects.filter(page_id__in=order),
            key=lambda version: (order[version.page_id], version.major, version.minor),
        )
        for version in versions:
            path = context.refs.pages[version.page_id]
            folder = context.folder / formats.VERSIONS_DIR / formats.file_stem(path)
            record = {
                "page": path,
                "label": version.label,
                "major": version.major,
                "minor": version.minor,
                "change_kind": version.change_kind,
                "change_note": version.change_note,
                "published_at": formats.timestamp(version.published_at),
                "title": version.title,
                "summary": version.summary,
                "easy_language_summary": version.easy_language_summary,
                "body": context.refs.data(version.body),
                "content_hash": version.content_hash,
                "canonical_text_file": f"{version.label}.md",
            }
            formats.write_json(folder / f"{version.label}.json", record)
            # Byte for byte the canonical text: sha256sum of this file is the content hash.
            formats.write_text(folder / f"{version.label}.md", version.canonical_text)
            context.count("versions")

    def has_content(self) -> bool:
        return Version.objects.exists()

    def import_(self, context: ImportContext) -> None:
        folder = context.folder / formats.VERSIONS_DIR
        records = [read_json(path) for path in folder.glob("*/*.json")]
        records.sort(key=lambda r: (r["page"], r["major"], r["minor"]))
        newest = {record["page"]: record["label"] for record in records}
        for record in records:
            page = context.page(record["page"])
            text_file = folder / formats.file_stem(record["page"]) / record["canonical_text_file"]
            try:
                text = text_file.read_bytes().decode("utf-8")
            except FileNotFoundError as error:
                raise ImportProblem(f"Im Export fehlt der Text „{text_file}“.") from error
            if content_hash(text) != record["content_hash"]:
                raise ImportProblem(
                    f"Der Text von Fassung {record['label']} zu „{record['page']}“ stimmt "
                    "nicht mit der Prüfsumme überein: Die Datei wurde verändert."
                )
            body = context.targets.data(record["body"])
            published_at = formats.parse_timestamp(record["published_at"])
            fields = {
                "title": record["title"],
                "summary": record["summary"],
                "easy_language_summary": record["easy_language_summary"],
            }
            revision = self.revision(
                context, page, fields, body, published_at, newest[record["page"]] == record["label"]
            )
            Version(
                page=page,
                revision=revision,
                major=record["major"],
                minor=record["minor"],
                change_kind=record["change_kind"],
                change_note=record["change_note"],
                published_at=published_at,
                body=body,
                canonical_text=text,
                content_hash=record["content_hash"],
                **fields,
            ).save()

    def revision(
        self,
        context: ImportContext,
        page: Page,
        fields: dict,
        body: list,
        published_at,
        newest: bool,
    ) -> Revision:
        """The newest version shares the live revision when it holds exactly that text,
        as after a publication; every other version gets a frozen copy of its own."""
        live_text = all(getattr(page, name) == value for name, value in fields.items())
        if newest and live_text and page.body.get_prep_value() == body:
            return page.live_revision
        return context.frozen_revision(page, published_at, body=body, **fields)
