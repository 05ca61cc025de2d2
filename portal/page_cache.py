"""Whole-page cache for anonymous readers.

Only GET/HEAD requests without a session or message cookie are served from or
stored in the cache, and only complete 200 responses that set no cookie and are
not marked private. Everything else (members, editors, forms with a CSRF token)
passes through untouched, so nobody ever receives a page rendered for someone
else. Keys carry :mod:`portal.content_cache`'s version, so publishing replaces
all cached pages at once.
"""

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from . import content_cache

CACHE_ALIAS = "pages"  # its own cache: pages must never push out rate-limit counters
EXCLUDED_PREFIXES = ("/admin/", "/accounts/", "/healthz", "/readyz", "/static/", "/media/")
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
MAX_KEY_PATH_LENGTH = 512
BROWSER_MAX_AGE = 60  # seconds a browser or proxy may reuse a public page
SERVER_TTL = 24 * 3600  # publishing replaces entries long before this


def is_anonymous_read(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(EXCLUDED_PREFIXES)
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
        and len(request.get_full_path()) <= MAX_KEY_PATH_LENGTH
    )


def cache_key(request: HttpRequest) -> str:
    return f"page:{content_cache.current()}:{request.get_host()}:{request.get_full_path()}"


def is_storable(request: HttpRequest, response: HttpResponse) -> bool:
    user = getattr(request, "user", None)
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not (user is not None and user.is_authenticated)
        and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not settings.PAGE_CACHE_ENABLED or not is_anonymous_read(request):
            response = self.get_response(request)
            if getattr(request, "user", None) is not None and request.user.is_authenticated:
                # Pages rendered for a signed-in person must never be reused by a proxy.
                patch_cache_control(response, private=True, no_cache=True)
            return response

        key = cache_key(request)
        cached = caches[CACHE_ALIAS].get(key)
        if cached is not None:
            response = cached
            response["X-Cache"] = "HIT"
            return response

        response = self.get_response(request)
        if is_storable(request, response):
            patch_vary_headers(response, ["Cookie"])
            patch_cache_control(response, public=True, max_age=BROWSER_MAX_AGE)
            caches[CACHE_ALIAS].set(key, response, timeout=SERVER_TTL)
            response["X-Cache"] = "MISS"
        return response
