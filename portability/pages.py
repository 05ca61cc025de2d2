"""The pages part (core): the page types of the public site, by introspection.

What goes out: live, public pages of the strands, the home page and the legal pages,
each with the content fields its type adds to Wagtail's page, its tags, its links to
other exported pages and the feedback form's fields. Drafts, unpublished or
view-restricted pages, the editors' internal comments and the feedback form's e-mail
settings stay behind. The import rebuilds the tree in the exported order, lets other
parts add their pages (the discussion area), and then publishes every page as one
live revision with its references resolved.

The exported page types are one list here rather than contributions of ``strands``,
``home`` and ``legal``: those apps add nothing else to the export, and the generic
introspection below handles all of them alike, so the list is the whole of their part.
"""

from typing import Any

from django.db import models
from modelcluster.models import get_all_child_relations
from taggit.managers import TaggableManager
from taggit.models import Tag
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site

from home.models import HomePage
from home.site_tree import ensure_site_tree, remove_default_welcome_page
from legal.models import AccessibilityPage, LegalPage
from strands.models import (
    GuidanceIndexPage,
    GuidancePage,
    MissionIndexPage,
    MissionPage,
    PracticeExampleIndexPage,
    PracticeExamplePage,
)

from . import formats
from .context import ExportContext, ImportContext, ImportProblem, References, read_json
from .markdown import page_markdown
from .parts import Part

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
PAGE_TYPES = {model._meta.label_lower: model for model in EXPORTED_PAGE_TYPES}
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


def site_home() -> HomePage | None:
    """The home page the export starts from; every exported path is relative to it."""
    return HomePage.objects.live().public().first()


def model_label(model: type[models.Model]) -> str:
    return model._meta.label_lower


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


def without_references(text: str) -> str:
    return formats.rewrite_references(text, lambda kind, value: None, "export", "id")


class PagesPart(Part):
    key = "pages"
    order = 30
    needs = ("media",)
    counts = ("pages",)
    paths = (formats.PAGES_DIR,)
    database_label = "Seiten"

    # --- export -----------------------------------------------------------------------

    def export(self, context: ExportContext) -> None:
        context.pages = self.exported_pages(context.home)
        context.refs.pages = {page.pk: context.relative_path(page) for page in context.pages}
        for order, page in enumerate(context.pages):
            record = {"order": order, **self.page_record(context, page)}
            stem = formats.file_stem(record["path"])
            folder = context.folder / formats.PAGES_DIR
            formats.write_json(folder / f"{stem}.json", record)
            formats.write_text(folder / f"{stem}.md", page_markdown(record, type(page)))
            context.count("pages")

    def exported_pages(self, home: Page | None) -> list[Page]:
        """Live, public pages of the exported types whose parents are exported too."""
        if home is None:
            return []
        candidates = (
            Page.objects.descendant_of(home, inclusive=True)
            .live()
            .public()
            .type(*EXPORTED_PAGE_TYPES)
            .order_by("path")
            .specific()
        )
        exported, paths = [], set()
        for page in candidates:
            if page.pk == home.pk or page.path[: -page.steplen] in paths:
                exported.append(page)
                paths.add(page.path)
        return exported

    def page_record(self, context: ExportContext, page: Page) -> dict:
        model, refs = type(page), context.refs
        record: dict[str, Any] = {
            "type": model_label(model),
            "type_label": str(model._meta.verbose_name),
            "path": context.relative_path(page),
            "parent": (
                context.relative_path(page.get_parent()) if page.pk != context.home.pk else None
            ),
        }
        for name in PAGE_FIELDS:
            record[name] = field_value(page, Page._meta.get_field(name), refs)
        fields = {f.name: field_value(page, f, refs) for f in own_fields(model)}
        for m2m in model._meta.many_to_many:
            if isinstance(m2m, TaggableManager):
                tags = getattr(page, m2m.name).all().order_by("name")
                fields[m2m.name] = [{"name": tag.name, "slug": tag.slug} for tag in tags]
            else:
                targets = getattr(page, m2m.name).all()
                fields[m2m.name] = sorted(
                    refs.pages[target.pk] for target in targets if target.pk in refs.pages
                )
        for relation in get_all_child_relations(model):
            if relation.get_accessor_name() not in CHILD_RELATIONS:
                continue
            children = getattr(page, relation.get_accessor_name()).all()
            fields[relation.get_accessor_name()] = [
                {
                    f.name: field_value(child, f, refs)
                    for f in child._meta.concrete_fields
                    if not f.primary_key and not f.is_relation
                }
                for child in children
            ]
        record["fields"] = fields
        return record

    # --- import -----------------------------------------------------------------------

    def has_content(self) -> bool:
        """Only Wagtail's root page and its default welcome page may exist."""
        return (
            Page.objects.exclude(depth=1)
            .exclude(content_type__app_label="wagtailcore", content_type__model="page", numchild=0)
            .exists()
        )

    def import_(self, context: ImportContext) -> None:
        root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
        remove_default_welcome_page(root)
        for record in self.page_records(context):
            page = self.build_page(record)
            if record["parent"] is None:
                parent = root
            elif record["parent"] in context.targets.pages:
                parent = context.targets.pages[record["parent"]]
            else:
                raise ImportProblem(f"Die Elternseite von „{record['path']}“ fehlt im Export.")
            parent.add_child(instance=page)
            context.targets.pages[record["path"]] = page
            context.finish_later(record, page)
        # Pages of other parts exist before any page is published and references resolve.
        for part in context.parts:
            part.add_pages(context)
        for record, page in context.unfinished:
            self.finish_page(context, record, page)
        site = Site.objects.filter(is_default_site=True).first()
        home = context.targets.pages["/"]
        if site is None:
            site = Site(is_default_site=True, hostname="localhost", port=80)
        site.root_page = home
        site.site_name = context.manifest.get("site_name") or "Kommunal souverän"
        site.save()
        # Roles, workflows and the privacy of the discussion area, as on any installation.
        ensure_site_tree()

    def page_records(self, context: ImportContext) -> list[dict]:
        folder = context.folder / formats.PAGES_DIR
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

    def finish_page(self, context: ImportContext, record: dict, page: Page) -> None:
        """Resolve references, set tags and links, and publish as one live revision."""
        model, targets = type(page), context.targets
        fields = record.get("fields", {})
        for model_field in own_fields(model):
            if model_field.name not in fields:
                continue
            if isinstance(model_field, StreamField):
                setattr(page, model_field.name, targets.data(fields[model_field.name]))
            elif isinstance(model_field, RichTextField):
                setattr(page, model_field.name, targets.rich_text(fields[model_field.name]))
        for m2m in model._meta.many_to_many:
            if m2m.name not in fields:
                continue
            if isinstance(m2m, TaggableManager):
                tags = [self.tag(item) for item in fields[m2m.name]]
                getattr(page, m2m.name).set(tags)
            else:
                getattr(page, m2m.name).set([targets.pages[path] for path in fields[m2m.name]])
        page.save(clean=False)
        context.publish(page, formats.parse_timestamp(record["last_published_at"]))

    def tag(self, item: dict) -> Tag:
        tag = Tag.objects.filter(name=item["name"]).first()
        return tag or Tag.objects.create(name=item["name"], slug=item["slug"])
