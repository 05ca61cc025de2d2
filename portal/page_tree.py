"""Adding pages to the tree like an editor does: with a first revision, published.

Shared by every app that builds part of the site skeleton (``home.site_tree``,
``discussions.site``) and by the demo content, so none of them imports another
for it.
"""

from wagtail.models import Page


def publish_child(parent: Page, page: Page) -> Page:
    """Add ``page`` below ``parent`` and publish it with a first revision."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    # Publishing works on a copy; reload so callers see the published state.
    page.refresh_from_db()
    return page


def ensure_child(parent: Page, model: type[Page], slug: str, **fields) -> Page:
    """The live child of ``model`` with ``slug`` below ``parent``, created if missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    return existing or publish_child(parent, model(slug=slug, **fields))
