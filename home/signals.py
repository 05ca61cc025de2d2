"""Everything that changes what the public reads invalidates the cached pages."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal import content_cache


def connect() -> None:
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_cache.bump, dispatch_uid=f"content-cache-{id(signal)}")
    post_delete.connect(content_cache.bump, sender=Page, dispatch_uid="content-cache-page")
    # A page that becomes private must leave every cache at once.
    for model in (PageViewRestriction, Site):
        for signal in (post_save, post_delete):
            signal.connect(
                content_cache.bump,
                sender=model,
                dispatch_uid=f"content-cache-{model.__name__}-{id(signal)}",
            )
