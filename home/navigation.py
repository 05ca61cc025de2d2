"""The site-wide menu and footer links, cached per site until content changes.

Every public page shows them, so they are read from the cache rather than with
four queries per request; the key carries the content version, which
publishing, unpublishing, moving or deleting a page increases.
"""

from dataclasses import dataclass

from django.core.cache import cache
from wagtail.models import Page, Site

from legal.models import AccessibilityPage, LegalPage
from portal import content_cache

TOP_LEVEL_DEPTH = 3  # root (1) → home (2) → strands and legal pages (3)


@dataclass(frozen=True)
class NavLink:
    title: str
    url: str
    path: str


@dataclass(frozen=True)
class Navigation:
    menu: list[NavLink]
    footer: list[NavLink]


def _cache_key(site_pk: int) -> str:
    return f"navigation:{content_cache.current()}:{site_pk}"


def _links(pages, request) -> list[NavLink]:
    return [NavLink(page.title, page.get_url(request), page.path) for page in pages]


def site_navigation(request) -> Navigation:
    site = Site.find_for_request(request)
    key = _cache_key(site.pk if site else 0)
    navigation = cache.get(key)
    if navigation is None:
        top_level = Page.objects.live().public().filter(depth=TOP_LEVEL_DEPTH).order_by("path")
        navigation = Navigation(
            menu=_links(top_level.in_menu(), request),
            footer=_links(top_level.type(LegalPage, AccessibilityPage), request),
        )
        cache.set(key, navigation, timeout=24 * 3600)
    return navigation
