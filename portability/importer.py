"""``import_site``: rebuild a site from an export into an empty, freshly migrated database.

All or nothing: the database work runs in one transaction, and media files written
before a failure are removed again. Page ids change; paths, slugs, block ids, dates,
versions with their content hashes, released rounds and discussions stay as exported.
"""

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files import File
from django.db import models, transaction
from django.utils.text import slugify
from modelcluster.models import get_all_child_relations
from taggit.managers import TaggableManager
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Revision, Site

from discussions.models import DiscussionIndexPage, DiscussionRoomPage, Post, Thread
from home.site_tree import ensure_site_tree, remove_default_welcome_page
from members.models import Organisation, OrganisationDomain
from rounds.models import Comment, CommentRound
from versions.canonical import content_hash
from versions.models import Version

from . import formats
from .export import CHILD_RELATIONS, EXPORTED_PAGE_TYPES, PAGE_FIELDS, own_fields

PAGE_TYPES = {model._meta.label_lower: model for model in EXPORTED_PAGE_TYPES}


class ImportProblem(Exception):
    """The export cannot be imported; the message says why, in German."""


def read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise ImportProblem(f"Im Export fehlt die Datei „{path.name}“ ({path}).") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ImportProblem(f"Die Datei „{path}“ ist kein gültiges JSON: {error}") from error


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


def check_empty_database() -> None:
    """Only Wagtail's root page and its default welcome page may exist."""
    content = Page.objects.exclude(depth=1).exclude(
        content_type__app_label="wagtailcore", content_type__model="page", numchild=0
    )
    others = {
        "Seiten": content.exists(),
        "Organisationen": Organisation.objects.exists(),
        "Fassungen": Version.objects.exists(),
        "Kommentierungsrunden": CommentRound.objects.exists(),
        "Diskussionsthemen": Thread.objects.exists(),
    }
    found = [name for name, exists in others.items() if exists]
    if found:
        raise ImportProblem(
            "Die Datenbank ist nicht leer (vorhanden: " + ", ".join(found) + "). Der Import "
            "braucht eine frisch migrierte, leere Datenbank, damit nichts überschrieben wird."
        )


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


def without_references(text: str) -> str:
    return formats.rewrite_references(text, lambda kind, value: None, "export", "id")


class SiteImporter:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.targets = Targets()
        self.records: list[tuple[dict, Page]] = []
        self.saved_files: list[tuple[Any, str]] = []
        self.people: dict[str, Any] = {}
        self.rooms: list[tuple[dict, DiscussionRoomPage]] = []

    def run(self) -> dict:
        manifest = check_manifest(self.folder)
        check_empty_database()
        try:
            with transaction.atomic():
                self.import_organisations()
                self.import_media()
                self.import_pages()
                self.import_versions()
                self.import_rounds()
                self.import_discussions()
        except BaseException:
            for storage, name in self.saved_files:
                storage.delete(name)
            raise
        return manifest

    # --- organisations and media ------------------------------------------------------

    def import_organisations(self) -> None:
        for record in read_json(self.folder / formats.ORGANISATIONS_FILE):
            org = Organisation.objects.create(
                name=record["name"], kind=record["kind"], ags=record["ags"], active=record["active"]
            )
            Organisation.objects.filter(pk=org.pk).update(
                created_at=formats.parse_timestamp(record["created_at"])
            )
            for domain in record["domains"]:
                OrganisationDomain.objects.create(organisation=org, domain=domain)

    def collection(self, names: list[str]) -> Collection:
        collection = Collection.get_first_root_node()
        for name in names:
            child = collection.get_children().filter(name=name).first()
            collection = child or collection.add_child(instance=Collection(name=name))
        return collection

    def import_media(self) -> None:
        media = self.folder / formats.MEDIA_DIR
        for model, listing, table in [
            (get_image_model(), formats.IMAGES_FILE, self.targets.images),
            (get_document_model(), formats.DOCUMENTS_FILE, self.targets.documents),
        ]:
            for record in read_json(media / listing):
                path = media / record["file"]
                if not path.is_file():
                    raise ImportProblem(f"Im Export fehlt die Mediendatei „{record['file']}“.")
                if hashlib.sha256(path.read_bytes()).hexdigest() != record["sha256"]:
                    raise ImportProblem(
                        f"Die Mediendatei „{record['file']}“ ist beschädigt (Prüfsumme falsch)."
                    )
                collection = self.collection(record["collection"])
                item = model(title=record["title"], collection=collection)
                if "focal_point" in record:
                    (
                        item.focal_point_x,
                        item.focal_point_y,
                        item.focal_point_width,
                        item.focal_point_height,
                    ) = record["focal_point"]
                with path.open("rb") as stream:
                    item.file.save(path.name, File(stream), save=False)
                self.saved_files.append((item.file.storage, item.file.name))
                item.save()
                item.tags.set(record["tags"])
                model.objects.filter(pk=item.pk).update(
                    created_at=formats.parse_timestamp(record["created_at"])
                )
                table[record["file"]] = item.pk

    # --- pages ------------------------------------------------------------------------

    def page_records(self) -> list[dict]:
        folder = self.folder / formats.PAGES_DIR
        records = [read_json(path) for path in sorted(folder.glob("*.json"))]
        # Parents before children, siblings in the exported order.
        records.sort(key=lambda record: record["order"])
        if not records or records[0]["parent"] is not None:
            raise ImportProblem("Der Export enthält keine Startseite.")
        return records

    def build_page(self, record: dict) -> Page:
        model = PAGE_TYPES.get(record["type"])
        if model is None:
            raise ImportProblem(f"Unbekannte Seitenart „{record['type']}“ ({record['path']}).")
        page = model()
        for name in PAGE_FIELDS:
            value = record[name]
            if isinstance(Page._meta.get_field(name), models.DateTimeField):
                value = formats.parse_timestamp(value)
            setattr(page, name, value)
        fields = record["fields"]
        for model_field in own_fields(model):
            if model_field.name in fields:
                setattr(page, model_field.attname, self.value(model_field, fields))
        for relation in get_all_child_relations(model):
            name = relation.get_accessor_name()
            if name in fields and name in CHILD_RELATIONS:
                setattr(
                    page,
                    name,
                    [relation.related_model(**child) for child in fields[name]],
                )
        return page

    def value(self, model_field: models.Field, fields: dict) -> Any:
        value = fields[model_field.name]
        if isinstance(model_field, models.DateTimeField):
            return formats.parse_timestamp(value)
        if isinstance(model_field, StreamField | RichTextField):
            # Left out until every page exists; finish_page() puts them back resolved.
            return formats.rewrite_data(value, without_references)
        return value

    def import_pages(self) -> None:
        root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
        remove_default_welcome_page(root)
        for record in self.page_records():
            page = self.build_page(record)
            if record["parent"] is None:
                parent = root
            elif record["parent"] in self.targets.pages:
                parent = self.targets.pages[record["parent"]]
            else:
                raise ImportProblem(f"Die Elternseite von „{record['path']}“ fehlt im Export.")
            parent.add_child(instance=page)
            self.targets.pages[record["path"]] = page
            self.records.append((record, page))
        self.import_discussion_pages()
        for record, page in self.records:
            self.finish_page(record, page)
        site = Site.objects.filter(is_default_site=True).first()
        home = self.targets.pages["/"]
        if site is None:
            site = Site(is_default_site=True, hostname="localhost", port=80)
        site.root_page = home
        site.site_name = self.manifest_site_name()
        site.save()
        # Roles, workflows and the privacy of the discussion area, as on any installation.
        ensure_site_tree()

    def manifest_site_name(self) -> str:
        return read_json(self.folder / formats.MANIFEST).get("site_name") or "Kommunal souverän"

    def finish_page(self, record: dict, page: Page) -> None:
        """Resolve references, set tags and links, and publish as one live revision."""
        model = type(page)
        fields = record["fields"]
        for model_field in own_fields(model):
            if model_field.name not in fields:
                continue
            if isinstance(model_field, StreamField):
                setattr(page, model_field.name, self.targets.data(fields[model_field.name]))
            elif isinstance(model_field, RichTextField):
                setattr(page, model_field.name, self.targets.rich_text(fields[model_field.name]))
        for m2m in model._meta.many_to_many:
            if m2m.name not in fields:
                continue
            if isinstance(m2m, TaggableManager):
                tags = [self.tag(item) for item in fields[m2m.name]]
                getattr(page, m2m.name).set(tags)
            else:
                targets = [self.targets.pages[path] for path in fields[m2m.name]]
                getattr(page, m2m.name).set(targets)
        page.save(clean=False)
        self.publish(page, formats.parse_timestamp(record["last_published_at"]))

    def tag(self, item: dict) -> Tag:
        tag = Tag.objects.filter(name=item["name"]).first()
        return tag or Tag.objects.create(name=item["name"], slug=item["slug"])

    def publish(self, page: Page, published_at) -> None:
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

    # --- versions and rounds ----------------------------------------------------------

    def import_versions(self) -> None:
        folder = self.folder / formats.VERSIONS_DIR
        records = [read_json(path) for path in folder.glob("*/*.json")]
        records.sort(key=lambda r: (r["page"], r["major"], r["minor"]))
        newest = {record["page"]: record["label"] for record in records}
        for record in records:
            page = self.page(record["page"])
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
            body = self.targets.data(record["body"])
            published_at = formats.parse_timestamp(record["published_at"])
            fields = {
                "title": record["title"],
                "summary": record["summary"],
                "easy_language_summary": record["easy_language_summary"],
            }
            revision = self.version_revision(
                page, fields, body, published_at, newest[record["page"]] == record["label"]
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

    def version_revision(
        self, page: Page, fields: dict, body: list, published_at, newest: bool
    ) -> Revision:
        """The newest version shares the live revision when it holds exactly that text,
        as after a publication; every other version gets a frozen copy of its own."""
        live_text = all(getattr(page, name) == value for name, value in fields.items())
        if newest and live_text and page.body.get_prep_value() == body:
            return page.live_revision
        return self.frozen_revision(page, published_at, body=body, **fields)

    def page(self, path: str) -> Page:
        try:
            return self.targets.pages[path]
        except KeyError as error:
            raise ImportProblem(f"Die Seite „{path}“ fehlt im Export.") from error

    def import_rounds(self) -> None:
        folder = self.folder / formats.ROUNDS_DIR
        records = [read_json(path) for path in folder.glob("*.json")]
        records.sort(key=lambda r: (r["page"], r["opens_at"]))
        organisations = {org.name: org for org in Organisation.objects.all()}
        for record in records:
            page = self.page(record["page"])
            body = self.targets.data(record["body"])
            opens_at = formats.parse_timestamp(record["opens_at"])
            revision = self.frozen_revision(
                page, opens_at, title=record["title"], summary=record["summary"], body=body
            )
            comment_round = CommentRound.objects.create(
                page=page,
                revision=revision,
                title=record["title"],
                summary=record["summary"],
                body=body,
                opens_at=opens_at,
                closes_at=formats.parse_timestamp(record["closes_at"]),
                instructions=record["instructions"],
                visibility=record["visibility"],
                audience_all_members=record["audience_all_members"],
                released_at=formats.parse_timestamp(record["released_at"]),
                evaluated_at=formats.parse_timestamp(record["evaluated_at"]),
            )
            comment_round.audience_organisations.set(
                [organisations[name] for name in record["audience_organisations"]]
            )
            comment_round.audience_groups.set(
                [Group.objects.get_or_create(name=name)[0] for name in record["audience_groups"]]
            )
            for item in record["comments"]:
                comment = Comment.objects.create(
                    round=comment_round,
                    block_id=item["block_id"],
                    quote=item["quote"],
                    text=item["text"],
                    organisation=self.organisation(organisations, item["organisation"]),
                    decision=item["decision"],
                    answer=item["answer"],
                    answered_at=formats.parse_timestamp(item["answered_at"]),
                )
                Comment.objects.filter(pk=comment.pk).update(
                    created_at=formats.parse_timestamp(item["created_at"])
                )

    def organisation(self, organisations: dict, name: str | None) -> Organisation | None:
        if name is None:
            return None
        try:
            return organisations[name]
        except KeyError as error:
            raise ImportProblem(f"Die Organisation „{name}“ fehlt im Export.") from error

    # --- discussions ------------------------------------------------------------------

    def discussion_records(self) -> tuple[dict | None, list[dict]]:
        folder = self.folder / formats.DISCUSSIONS_DIR
        if not (folder / "bereich.json").is_file():
            return None, []
        rooms = [read_json(path) for path in folder.glob("*.json") if path.name != "bereich.json"]
        return read_json(folder / "bereich.json"), sorted(rooms, key=lambda r: r["order"])

    def import_discussion_pages(self) -> None:
        area, rooms = self.discussion_records()
        if area is None:
            return
        home = self.targets.pages["/"]
        index = DiscussionIndexPage(
            title=area["title"],
            slug=area["slug"],
            intro=self.targets.rich_text(area["intro"]),
            first_published_at=formats.parse_timestamp(area["first_published_at"]),
            last_published_at=formats.parse_timestamp(area["last_published_at"]),
        )
        home.add_child(instance=index)
        self.records.append(({"fields": {}, **area}, index))
        for record in rooms:
            room = DiscussionRoomPage(
                title=record["title"],
                slug=record["slug"],
                description=record["description"],
                first_published_at=formats.parse_timestamp(record["first_published_at"]),
                last_published_at=formats.parse_timestamp(record["last_published_at"]),
            )
            if record["related_page"]:
                room.related_page = self.page(record["related_page"])
            index.add_child(instance=room)
            self.records.append(({"fields": {}, **record}, room))
            self.rooms.append((record, room))

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

    def import_discussions(self) -> None:
        organisations = {org.name: org for org in Organisation.objects.all()}
        for record, room in self.rooms:
            for item in record["threads"]:
                thread = Thread(
                    room=room,
                    title=item["title"],
                    author=self.person(item["author"]),
                    organisation=self.organisation(organisations, item["organisation"]),
                    created_at=formats.parse_timestamp(item["created_at"]),
                    last_activity_at=formats.parse_timestamp(item["last_activity_at"]),
                    locked=item["locked"],
                )
                thread.save()
                for post in item["posts"]:
                    Post.objects.create(
                        thread=thread,
                        author=self.person(post["author"]),
                        organisation=self.organisation(organisations, post["organisation"]),
                        text=post["text"],
                        created_at=formats.parse_timestamp(post["created_at"]),
                    )
                Thread.objects.filter(pk=thread.pk).update(
                    last_activity_at=formats.parse_timestamp(item["last_activity_at"])
                )


def import_site(folder: Path) -> dict:
    """Rebuild the site from the export in ``folder``; returns its manifest."""
    return SiteImporter(folder).run()
