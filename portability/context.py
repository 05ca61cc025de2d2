"""What the parts of one export or one import share: the folder, references, counters.

The contexts hold the services several parts need, so that parts stay small and do
not reach into each other: the exported pages and how references to them are written
(``References``), the new objects references point at (``Targets``), pages looked up
by path, organisations and placeholder authors by name, publishing, frozen revisions,
and the media files to remove again when an import fails.
"""

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.utils.text import slugify
from wagtail.models import Page, Revision

from . import formats
from .parts import Part


class ImportProblem(Exception):
    """The export cannot be imported; the message says why, in German."""


def read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise ImportProblem(f"Im Export fehlt die Datei „{path.name}“ ({path}).") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ImportProblem(f"Die Datei „{path}“ ist kein gültiges JSON: {error}") from error


# --- export ------------------------------------------------------------------------------


@dataclass
class References:
    """What rich text may point at in the export: page id → path, media id → file."""

    pages: dict[int, str] = field(default_factory=dict)
    documents: dict[int, str] = field(default_factory=dict)
    images: dict[int, str] = field(default_factory=dict)

    def lookup(self, kind: str, value: str) -> str | None:
        table = {"page": self.pages, "document": self.documents, "image": self.images}[kind]
        return table.get(int(value)) if value.isdigit() else None

    def rich_text(self, text: str) -> str:
        return formats.rewrite_references(text or "", self.lookup, source="id", target="export")

    def data(self, data: Any) -> Any:
        return formats.rewrite_data(data, self.rich_text)


class ExportContext:
    """One export: the folder, the references, the counters and the exported pages."""

    def __init__(self, folder: Path, home: Page | None, counted: list[str]):
        self.folder = Path(folder)
        self.refs = References()
        # Every kind is counted, also when there is none of it.
        self.counts: Counter[str] = Counter(dict.fromkeys(counted, 0))
        self.home = home
        self.home_url_path = home.url_path if home else "/"
        #: The exported pages, parents before children (filled by the pages part).
        self.pages: list[Page] = []

    def count(self, kind: str, number: int = 1) -> None:
        self.counts[kind] += number

    def relative_path(self, page: Page) -> str:
        return "/" + page.url_path[len(self.home_url_path) :]

    def page_positions(self) -> dict[int, int]:
        """Page id → place in the export, to list what belongs to pages in page order."""
        return {page.pk: index for index, page in enumerate(self.pages)}


# --- import ------------------------------------------------------------------------------


@dataclass
class Targets:
    """Export names → objects of the new installation, for references in rich text."""

    pages: dict[str, Page] = field(default_factory=dict)
    documents: dict[str, int] = field(default_factory=dict)
    images: dict[str, int] = field(default_factory=dict)

    def lookup(self, kind: str, value: str) -> str | None:
        if kind == "page":
            page = self.pages.get(value)
            return str(page.pk) if page else None
        found = (self.documents if kind == "document" else self.images).get(value)
        return str(found) if found else None

    def rich_text(self, text: str) -> str:
        return formats.rewrite_references(text or "", self.lookup, source="export", target="id")

    def data(self, data: Any) -> Any:
        return formats.rewrite_data(data, self.rich_text)


class ImportContext:
    """One import: the folder, the new objects by export name, and shared services."""

    def __init__(self, folder: Path, manifest: dict, parts: list[Part]):
        self.folder = Path(folder)
        self.manifest = manifest
        #: The part instances of this import, in order (the page step asks each for pages).
        self.parts = parts
        self.targets = Targets()
        #: Organisations by name (filled by the organisations part).
        self.organisations: dict[str, Any] = {}
        #: (storage, name) of every file saved, removed again when the import fails.
        self.saved_files: list[tuple[Any, str]] = []
        #: Pages created but not yet published: (record, page), in creation order.
        self.unfinished: list[tuple[dict, Page]] = []
        self.people: dict[str, Any] = {}

    def finish_later(self, record: dict, page: Page) -> None:
        """Publish ``page`` in the page step, with its references resolved from ``record``.

        ``record`` needs ``last_published_at``; its ``fields`` (if any) are the page's
        exported fields.
        """
        self.unfinished.append((record, page))

    def page(self, path: str) -> Page:
        try:
            return self.targets.pages[path]
        except KeyError as error:
            raise ImportProblem(f"Die Seite „{path}“ fehlt im Export.") from error

    def organisation(self, name: str | None):
        if name is None:
            return None
        try:
            return self.organisations[name]
        except KeyError as error:
            raise ImportProblem(f"Die Organisation „{name}“ fehlt im Export.") from error

    def person(self, name: str | None):
        """A placeholder account that carries an author's display name, or None.

        The export holds no accounts; inactive accounts without address or password
        keep the names the discussion area showed. Nobody can sign in with them.
        """
        if name is None:
            return None
        if name not in self.people:
            user_model = get_user_model()
            base = f"archiv-{slugify(name)[:100] or 'ohne-name'}"
            username, number = base, 1
            while user_model.objects.filter(username=username).exists():
                number += 1
                username = f"{base}-{number}"
            person = user_model(username=username, first_name=name, is_active=False)
            person.set_unusable_password()
            person.save()
            self.people[name] = person
        return self.people[name]

    def publish(self, page: Page, published_at) -> None:
        """Publish ``page`` as one live revision, keeping its exported dates."""
        first, last = page.first_published_at, page.last_published_at
        revision = page.save_revision(clean=False, log_action=False)
        Revision.objects.filter(pk=revision.pk).update(created_at=published_at or first)
        page.live = True
        page.live_revision = revision
        page.has_unpublished_changes = False
        page.first_published_at, page.last_published_at = first, last
        page.save(
            clean=False,
            update_fields=[
                "live",
                "live_revision",
                "has_unpublished_changes",
                "first_published_at",
                "last_published_at",
            ],
        )

    def frozen_revision(self, page: Page, created_at, **content) -> Revision:
        """A revision holding a frozen text (a version or a round) of ``page``."""
        copy = type(page).objects.get(pk=page.pk)
        for name, value in content.items():
            setattr(copy, name, value)
        return Revision.objects.create(
            content_object=page,
            base_content_type=page.get_base_content_type(),
            content=copy.serializable_data(),
            object_str=str(copy),
            created_at=created_at,
        )
