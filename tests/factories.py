"""Builders for pages in the tree; each returns a published page."""

import uuid

from taggit.models import Tag
from wagtail.models import Page

from home.site_tree import publish_child
from strands.models import GuidancePage, MissionPage, PracticeExamplePage


def body(sections: int = 2, paragraphs: int = 3, prefix: str = "Absatz") -> list[dict]:
    """Raw StreamField data: ``sections`` headings, each followed by ``paragraphs`` paragraphs."""
    data = []
    for s in range(1, sections + 1):
        data.append({"type": "heading", "value": f"Abschnitt {s}", "id": str(uuid.uuid4())})
        for p in range(1, paragraphs + 1):
            data.append(
                {
                    "type": "paragraph",
                    "value": f"<p>{prefix} {s}.{p} über offene Standards.</p>",
                    "id": str(uuid.uuid4()),
                }
            )
    return data


def mission_page(parent: Page, title: str = "Offene Standards", **fields) -> MissionPage:
    fields.setdefault("body", body())
    return publish_child(parent, MissionPage(title=title, **fields))


def guidance_page(
    parent: Page,
    title: str = "Open-Source-Strategie",
    principles: list[MissionPage] = (),
    tags: list[str] = (),
    **fields,
) -> GuidancePage:
    fields.setdefault("body", body())
    page = GuidancePage(title=title, **fields)
    page.principles = list(principles)
    page.tags.set([Tag.objects.get_or_create(name=t)[0] for t in tags])
    return publish_child(parent, page)


def practice_example(
    parent: Page, title: str = "Musterhausen migriert", tags: list[str] = (), **fields
) -> PracticeExamplePage:
    fields.setdefault("municipality", "Stadt Musterhausen")
    fields.setdefault("what_was_done", "<p>Die Stadt hat ihre Bürosoftware umgestellt.</p>")
    page = PracticeExamplePage(title=title, **fields)
    page.tags.set([Tag.objects.get_or_create(name=t)[0] for t in tags])
    return publish_child(parent, page)


def draft_child(parent: Page, page: Page) -> Page:
    """Add ``page`` as an unpublished draft."""
    page.live = False
    parent.add_child(instance=page)
    page.save_revision()
    return page
