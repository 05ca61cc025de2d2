from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .navigation import clear_navigation_cache


def connect() -> None:
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(clear_navigation_cache, dispatch_uid=f"navigation-{id(signal)}")
    post_delete.connect(clear_navigation_cache, sender=Page, dispatch_uid="navigation-delete")
