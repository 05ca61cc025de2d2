"""``export_site``: everything published and public, in JSON and Markdown, plus media.

What goes out: live, public pages of the strands, the home page and the legal pages;
the versions of those pages; released disposition tables (comments by organisation
only); the discussion area's live rooms with their visible posts (as members see
them there: display name and organisation, never an e-mail address); the
organisations without any personal data; images and documents from collections
without view restriction. Drafts, unpublished or view-restricted pages, unreleased
rounds, withdrawn comments and hidden posts stay behind.
"""

import hashlib
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.models import get_all_child_relations
from taggit.managers import TaggableManager
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site

from discussions.models import DiscussionIndexPage, DiscussionRoomPage, Thread
from home.models import HomePage
from legal.models import AccessibilityPage, LegalPage
from members.models import Organisation
from rounds import disposition
from rounds.models import CommentRound
from strands.models import (
    GuidanceIndexPage,
    GuidancePage,
    MissionIndexPage,
    MissionPage,
    PracticeExampleIndexPage,
    PracticeExamplePage,
)
from versions.models import Version

from . import formats
from .markdown import disposition_markdown, page_markdown, room_markdown

EXPORTED_PAGE_TYPES = (
    HomePage,
    MissionIndexPage,
    MissionPage,
    GuidanceIndexPage,
    GuidancePage,
    PracticeExampleIndexPage,
    PracticeExamplePage,
    LegalPage,
    AccessibilityPage,
)
PAGE_FIELDS = [
    "title",
    "slug",
    "seo_title",
    "search_description",
    "show_in_menus",
    "first_published_at",
    "last_published_at",
]
# Settings of the feedback form's e-mail, not content: addresses may name a person.
EXCLUDED_FIELDS = {"to_address", "from_address"}
# Inline children that are content (the feedback form's fields). Never the editors'
# internal comments (``wagtail_admin_comments``) or tag links (exported as ``tags``).
CHILD_RELATIONS = {"form_fields"}
COUNTED = [
    "pages",
    "versions",
    "rounds",
    "comments",
    "rooms",
    "threads",
    "posts",
    "organisations",
    "images",
    "documents",
]


def model_label(model: type[models.Model]) -> str:
    return model._meta.label_lower


def is_public_collection(collection: Collection) -> bool:
    return not collection.get_view_restrictions().exists()


def collection_path(collection: Collection) -> list[str]:
    """Names from below the root collection down to ``collection``."""
    return [item.name for item in collection.get_ancestors(inclusive=True) if not item.is_root()]


def own_fields(model: type[models.Model]) -> list[models.Field]:
    """Content fields a page type adds to Wagtail's Page (no keys, no relations)."""
    return [
        f
        for f in model._meta.concrete_fields
        if f.model is not Page
        and not f.primary_key
        and not f.is_relation
        and f.name not in EXCLUDED_FIELDS
    ]


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


def field_value(page: Page, model_field: models.Field, refs: References) -> Any:
    value = getattr(page, model_field.attname)
    if isinstance(model_field, StreamField):
        return refs.data(model_field.get_prep_value(value))
    if isinstance(model_field, RichTextField):
        return refs.rich_text(value)
    if isinstance(model_field, models.DateTimeField):
        return formats.timestamp(value)
    if isinstance(model_field, models.DateField):
        return value.isoformat() if value else None
    return value


class SiteExporter:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.refs = References()
        # Every kind is counted, also when there is none of it.
        self.counts: Counter[str] = Counter(dict.fromkeys(COUNTED, 0))
        self.home: HomePage | None = HomePage.objects.live().public().first()
        self.home_url_path = self.home.url_path if self.home else "/"

    def relative_path(self, page: Page) -> str:
        return "/" + page.url_path[len(self.home_url_path) :]

    def run(self) -> dict:
        if self.folder.exists() and any(self.folder.iterdir()):
            raise FileExistsError(self.folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        pages = self.exported_pages()
        self.refs.pages = {page.pk: self.relative_path(page) for page in pages}
        self.export_media()
        self.export_organisations()
        for order, page in enumerate(pages):
            self.export_page(page, order)
        self.export_versions(pages)
        self.export_rounds(pages)
        self.export_discussions()
        manifest = {
            "format": formats.FORMAT_NAME,
            "format_version": formats.FORMAT_VERSION,
            "exported_at": formats.timestamp(timezone.now()),
            "site_name": self.site_name(),
            "description": (
                "Export aller veröffentlichten, öffentlichen Inhalte von Kommunal souverän: "
                "Seiten, Fassungen, veröffentlichte Abwägungstabellen, Diskussionen des "
                "Mitgliederbereichs (ohne ausgeblendete Beiträge), Organisationen ohne "
                "personenbezogene Daten und Mediendateien. JSON (UTF-8) und Markdown."
            ),
            "counts": dict(sorted(self.counts.items())),
        }
        formats.write_json(self.folder / formats.MANIFEST, manifest)
        return manifest

    def site_name(self) -> str:
        site = Site.objects.filter(is_default_site=True).first()
        return site.site_name if site else ""

    # --- pages ------------------------------------------------------------------------

    def exported_pages(self) -> list[Page]:
        """Live, public pages of the exported types whose parents are exported too."""
        if self.home is None:
            return []
        candidates = (
            Page.objects.descendant_of(self.home, inclusive=True)
            .live()
            .public()
            .type(*EXPORTED_PAGE_TYPES)
            .order_by("path")
            .specific()
        )
        exported, paths = [], set()
        for page in candidates:
            if page.pk == self.home.pk or page.path[: -page.steplen] in paths:
                exported.append(page)
                paths.add(page.path)
        return exported

    def page_record(self, page: Page) -> dict:
        model = type(page)
        record: dict[str, Any] = {
            "type": model_label(model),
            "type_label": str(model._meta.verbose_name),
            "path": self.relative_path(page),
            "parent": self.relative_path(page.get_parent()) if page.pk != self.home.pk else None,
        }
        for name in PAGE_FIELDS:
            record[name] = field_value(page, Page._meta.get_field(name), self.refs)
        fields = {f.name: field_value(page, f, self.refs) for f in own_fields(model)}
        for m2m in model._meta.many_to_many:
            if isinstance(m2m, TaggableManager):
                tags = getattr(page, m2m.name).all().order_by("name")
                fields[m2m.name] = [{"name": tag.name, "slug": tag.slug} for tag in tags]
            else:
                targets = getattr(page, m2m.name).all()
                fields[m2m.name] = sorted(
                    self.refs.pages[target.pk] for target in targets if target.pk in self.refs.pages
                )
        for relation in get_all_child_relations(model):
            if relation.get_accessor_name() not in CHILD_RELATIONS:
                continue
            children = getattr(page, relation.get_accessor_name()).all()
            fields[relation.get_accessor_name()] = [
                {
                    f.name: field_value(child, f, self.refs)
                    for f in child._meta.concrete_fields
                    if not f.primary_key and not f.is_relation
                }
                for child in children
            ]
        record["fields"] = fields
        return record

    def export_page(self, page: Page, order: int) -> None:
        record = {"order": order, **self.page_record(page)}
        stem = formats.file_stem(record["path"])
        formats.write_json(self.folder / formats.PAGES_DIR / f"{stem}.json", record)
        formats.write_text(
            self.folder / formats.PAGES_DIR / f"{stem}.md", page_markdown(record, type(page))
        )
        self.counts["pages"] += 1

    # --- versions ---------------------------------------------------------------------

    def export_versions(self, pages: list[Page]) -> None:
        order = {page.pk: index for index, page in enumerate(pages)}
        versions = sorted(
            Version.objects.filter(page_id__in=order),
            key=lambda version: (order[version.page_id], version.major, version.minor),
        )
        for version in versions:
            path = self.refs.pages[version.page_id]
            folder = self.folder / formats.VERSIONS_DIR / formats.file_stem(path)
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
                "body": self.refs.data(version.body),
                "content_hash": version.content_hash,
                "canonical_text_file": f"{version.label}.md",
            }
            formats.write_json(folder / f"{version.label}.json", record)
            # Byte for byte the canonical text: sha256sum of this file is the content hash.
            formats.write_text(folder / f"{version.label}.md", version.canonical_text)
            self.counts["versions"] += 1

    # --- comment rounds ---------------------------------------------------------------

    def export_rounds(self, pages: list[Page]) -> None:
        order = {page.pk: index for index, page in enumerate(pages)}
        rounds = sorted(
            CommentRound.objects.released()
            .filter(page_id__in=order)
            .prefetch_related("audience_organisations", "audience_groups"),
            key=lambda item: (order[item.page_id], item.opens_at, item.pk),
        )
        numbers: Counter[int] = Counter()
        for comment_round in rounds:
            numbers[comment_round.page_id] += 1
            path = self.refs.pages[comment_round.page_id]
            name = f"{formats.file_stem(path)}-{numbers[comment_round.page_id]}"
            # By organisation only: the export never names people here.
            table = disposition.rows(comment_round, named=False)
            comments = [
                {
                    "block_id": row.comment.block_id,
                    "paragraph": row.paragraph,
                    "quote": row.quote,
                    "text": row.text,
                    "organisation": row.organisation,
                    "created_at": formats.timestamp(row.submitted_at),
                    "decision": row.decision,
                    "decision_label": row.decision_label,
                    "answer": row.answer,
                    "answered_at": formats.timestamp(row.answered_at),
                }
                for row in table
            ]
            self.counts["comments"] += len(comments)
            record = {
                "page": path,
                "title": comment_round.title,
                "summary": comment_round.summary,
                "body": self.refs.data(comment_round.body),
                "opens_at": formats.timestamp(comment_round.opens_at),
                "closes_at": formats.timestamp(comment_round.closes_at),
                "instructions": comment_round.instructions,
                "visibility": comment_round.visibility,
                "audience_all_members": comment_round.audience_all_members,
                "audience_organisations": sorted(
                    org.name for org in comment_round.audience_organisations.all()
                ),
                "audience_groups": sorted(g.name for g in comment_round.audience_groups.all()),
                "released_at": formats.timestamp(comment_round.released_at),
                "evaluated_at": formats.timestamp(comment_round.evaluated_at),
                "comments": comments,
            }
            folder = self.folder / formats.ROUNDS_DIR
            formats.write_json(folder / f"{name}.json", record)
            formats.write_text(folder / f"{name}.md", disposition_markdown(record, table))
            self.counts["rounds"] += 1

    # --- discussions ------------------------------------------------------------------

    def export_discussions(self) -> None:
        index = (
            DiscussionIndexPage.objects.child_of(self.home).live().first() if self.home else None
        )
        if index is None:
            return
        folder = self.folder / formats.DISCUSSIONS_DIR
        formats.write_json(
            folder / "bereich.json",
            {
                "title": index.title,
                "slug": index.slug,
                "intro": self.refs.rich_text(index.intro),
                "first_published_at": formats.timestamp(index.first_published_at),
                "last_published_at": formats.timestamp(index.last_published_at),
            },
        )
        rooms = DiscussionRoomPage.objects.child_of(index).live().order_by("path")
        for order, room in enumerate(rooms):
            record = {
                "order": order,
                "title": room.title,
                "slug": room.slug,
                "description": room.description,
                "related_page": self.refs.pages.get(room.related_page_id),
                "first_published_at": formats.timestamp(room.first_published_at),
                "last_published_at": formats.timestamp(room.last_published_at),
                "threads": [self.thread_record(thread) for thread in room_threads(room)],
            }
            formats.write_json(folder / f"{room.slug}.json", record)
            formats.write_text(folder / f"{room.slug}.md", room_markdown(record))
            self.counts["rooms"] += 1

    def thread_record(self, thread: Thread) -> dict:
        posts = [
            {
                "author": display_name(post.author),
                "organisation": post.organisation.name if post.organisation else None,
                "text": post.text,
                "created_at": formats.timestamp(post.created_at),
            }
            for post in thread.posts.filter(hidden=False)
            .select_related("author", "organisation")
            .order_by("created_at", "pk")
        ]
        self.counts["threads"] += 1
        self.counts["posts"] += len(posts)
        return {
            "title": thread.title,
            "slug": thread.slug,
            "author": display_name(thread.author),
            "organisation": thread.organisation.name if thread.organisation else None,
            "created_at": formats.timestamp(thread.created_at),
            "last_activity_at": formats.timestamp(thread.last_activity_at),
            "locked": thread.locked,
            "posts": posts,
        }

    # --- organisations and media ------------------------------------------------------

    def export_organisations(self) -> None:
        records = [
            {
                "name": org.name,
                "kind": org.kind,
                "ags": org.ags,
                "active": org.active,
                "created_at": formats.timestamp(org.created_at),
                "domains": [domain.domain for domain in org.domains.all()],
            }
            for org in Organisation.objects.prefetch_related("domains").order_by("name")
        ]
        formats.write_json(self.folder / formats.ORGANISATIONS_FILE, records)
        self.counts["organisations"] = len(records)

    def export_media(self) -> None:
        public = {c.pk for c in Collection.objects.all() if is_public_collection(c)}
        for model, kind, listing, table in [
            (get_image_model(), "bilder", formats.IMAGES_FILE, self.refs.images),
            (get_document_model(), "dokumente", formats.DOCUMENTS_FILE, self.refs.documents),
        ]:
            records = []
            items = model.objects.filter(collection_id__in=public).select_related("collection")
            for number, item in enumerate(items.order_by("created_at", "pk"), start=1):
                suffix = Path(item.file.name).suffix.lower()
                name = f"{kind}/{number:04d}-{slugify(item.title)[:60] or 'datei'}{suffix}"
                target = self.folder / formats.MEDIA_DIR / name
                target.parent.mkdir(parents=True, exist_ok=True)
                with item.file.open("rb") as source, target.open("wb") as copy:
                    shutil.copyfileobj(source, copy)
                table[item.pk] = name
                record = {
                    "file": name,
                    "title": item.title,
                    "collection": collection_path(item.collection),
                    "tags": sorted(tag.name for tag in item.tags.all()),
                    "created_at": formats.timestamp(item.created_at),
                    "sha256": sha256_file(target),
                }
                if kind == "bilder":
                    record |= {
                        "width": item.width,
                        "height": item.height,
                        "focal_point": [
                            item.focal_point_x,
                            item.focal_point_y,
                            item.focal_point_width,
                            item.focal_point_height,
                        ],
                    }
                records.append(record)
            formats.write_json(self.folder / formats.MEDIA_DIR / listing, records)
            self.counts["images" if kind == "bilder" else "documents"] = len(records)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def room_threads(room: DiscussionRoomPage):
    return (
        Thread.objects.filter(room=room)
        .select_related("author", "organisation")
        .order_by("created_at", "pk")
    )


def display_name(user) -> str | None:
    """The name the discussion area shows; None for a deleted account. Never an address."""
    if user is None:
        return None
    return user.get_full_name()


def export_site(folder: Path) -> dict:
    """Write the export into ``folder`` (new or empty); returns the manifest."""
    return SiteExporter(folder).run()
