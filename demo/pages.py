"""The demo pages: start page, both strands, good examples and the legal pages.

Pages are created with ``portal.page_tree``'s helpers, so each gets a first revision
and is published like an editor's page. Pages that exist already are left alone;
only the placeholders ``ensure_site_tree()`` writes are replaced. Loading twice
therefore changes nothing.
"""

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from taggit.models import Tag
from wagtail.models import Page

from home.site_tree import TO_BE_WRITTEN, ensure_site_tree
from legal.models import AccessibilityPage, LegalPage
from portal.page_tree import ensure_child
from strands.models import (
    GuidanceIndexPage,
    GuidancePage,
    MissionIndexPage,
    MissionPage,
    PracticeExampleIndexPage,
    PracticeExamplePage,
)

from . import content
from .content import ExampleSpec, TextSpec

Report = Callable[[str], None]

# Empty fields and ensure_site_tree()'s placeholder count as "not written yet".
PLACEHOLDERS = {"", TO_BE_WRITTEN}


def load_demo_pages(report: Report) -> None:
    """Build the site tree and fill it with the demo texts; idempotent."""
    home = ensure_site_tree()
    report("Seitenbaum geprüft: Startseite, beide Stränge, Pflichtseiten und Rollen.")

    mission_index = MissionIndexPage.objects.child_of(home).get()
    guidance_index = GuidanceIndexPage.objects.child_of(home).get()
    examples_index = PracticeExampleIndexPage.objects.child_of(guidance_index).get()
    for label, page, fields in [
        (
            "Startseite",
            home,
            {"intro": content.HOME_INTRO, "easy_language": content.HOME_EASY_LANGUAGE},
        ),
        ("Leitbild, Einleitung", mission_index, {"intro": content.MISSION_INTRO}),
        ("Handlungshilfen, Einleitung", guidance_index, {"intro": content.GUIDANCE_INTRO}),
        ("Gute Beispiele, Einleitung", examples_index, {"intro": content.EXAMPLES_INTRO}),
    ]:
        _report_filled(report, label, fill_placeholders(page, **fields))

    with _counting_new_pages(report, "Leitbild", len(content.MISSION_PAGES), "Kapitel"):
        principles = ensure_texts(mission_index, MissionPage, content.MISSION_PAGES)
    with _counting_new_pages(report, "Handlungshilfen", len(content.GUIDANCE_PAGES), "Texte"):
        ensure_texts(guidance_index, GuidancePage, content.GUIDANCE_PAGES, principles)
    with _counting_new_pages(report, "Gute Beispiele", len(content.EXAMPLES), "Beispiele"):
        ensure_examples(examples_index, content.EXAMPLES)

    for slug, body in content.LEGAL_BODIES.items():
        page = LegalPage.objects.child_of(home).filter(slug=slug).first()
        if page:
            _report_filled(report, page.title, fill_placeholders(page, body=body))
    # The feedback form fields come with the page from ensure_site_tree().
    accessibility = AccessibilityPage.objects.child_of(home).first()
    if accessibility:
        filled = fill_placeholders(
            accessibility,
            body=content.ACCESSIBILITY_BODY,
            thank_you_text=content.ACCESSIBILITY_THANK_YOU,
            **content.ACCESSIBILITY_MAIL,
        )
        _report_filled(report, accessibility.title, filled)


def fill_placeholders(page: Page, **fields: str) -> bool:
    """Write ``fields`` where the page still holds a placeholder, as a new published revision."""
    # An editor's unpublished draft wins: publishing demo text over it would discard it.
    if page.has_unpublished_changes:
        return False
    missing = {name: value for name, value in fields.items() if getattr(page, name) in PLACEHOLDERS}
    if not missing:
        return False
    for name, value in missing.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return True


def ensure_texts(
    parent: Page,
    model: type[MissionPage] | type[GuidancePage],
    specs: Iterable[TextSpec],
    principles: dict[str, MissionPage] | None = None,
) -> dict[str, Page]:
    """The Leitbild or Handlungshilfen pages of ``specs`` by slug, created if missing."""
    pages = {}
    for spec in specs:
        fields = {"title": spec.title, "summary": spec.summary, "body": spec.body}
        if spec.tags:
            fields["tagged_items"] = _tag_items(model, spec.tags)
        if spec.principles and principles:
            fields["principles"] = [principles[slug] for slug in spec.principles]
        pages[spec.slug] = ensure_child(parent, model, spec.slug, **fields)
    return pages


def ensure_examples(parent: PracticeExampleIndexPage, specs: Iterable[ExampleSpec]) -> None:
    """The practice example pages of ``specs``, created if missing."""
    for spec in specs:
        ensure_child(
            parent,
            PracticeExamplePage,
            spec.slug,
            title=spec.title,
            municipality=spec.municipality,
            population_class=spec.population_class,
            summary=spec.summary,
            what_was_done=spec.what_was_done,
            lessons_learned=spec.lessons_learned,
            contact=spec.contact,
            tagged_items=_tag_items(PracticeExamplePage, spec.tags),
        )


def _tag_items(model: type[Page], names: Iterable[str]) -> list:
    # Tags go in as through-model rows: modelcluster keeps them in the first revision,
    # whereas ``tags=[...]`` in the constructor would be silently ignored.
    through = model._meta.get_field("tags").remote_field.through
    return [through(tag=Tag.objects.get_or_create(name=name)[0]) for name in names]


def _report_filled(report: Report, label: str, filled: bool) -> None:
    report(f"{label}: {'Demo-Text eingesetzt' if filled else 'bereits befüllt, unverändert'}.")


@contextmanager
def _counting_new_pages(report: Report, label: str, total: int, noun: str) -> Iterator[None]:
    """Report how many of a section's pages the block inside had to create."""
    before = Page.objects.count()
    yield
    report(f"{label}: {total} {noun}, davon {Page.objects.count() - before} neu angelegt.")
