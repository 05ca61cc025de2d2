"""Old version permalinks keep working after a page was moved or renamed.

Wagtail's redirects app records a redirect for the page's old path only
(``/leitbild/alt/`` → page). A version permalink under the old path
(``/leitbild/alt/fassungen/1.0/``) would end in a 404, so on a 404 below
``…/fassungen/…`` this middleware looks up the redirect of the page part and
sends the reader to the same version route under the page's current address.
"""

import re

from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from django.urls import Resolver404
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect

from .mixins import VersionedPage

VERSION_PATH = re.compile(r"^(?P<page>/.*?/)(?P<route>fassungen/.*)$")


class VersionPermalinkMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        match = VERSION_PATH.match(request.path)
        if match is None:
            return response
        location = current_location(request, match["page"], match["route"])
        if location is None:
            return response
        redirect, target = location
        if request.META.get("QUERY_STRING"):
            target = f"{target}?{request.META['QUERY_STRING']}"
        if redirect.is_permanent:
            return HttpResponsePermanentRedirect(target)
        return HttpResponseRedirect(target)


def current_location(request, old_page_path: str, route: str):
    """``(redirect, new URL)`` for a version route under a page's old path, or None."""
    redirect = get_redirect(request, Redirect.normalise_path(old_page_path, decode_unicode=False))
    if redirect is None or redirect.redirect_page_id is None:
        return None
    page = redirect.redirect_page.specific
    if not isinstance(page, VersionedPage) or not page.live:
        return None
    try:
        page.resolve_subpage(f"/{route}")
    except Resolver404:
        return None
    page_url = page.get_url(request)
    if page_url is None:
        return None
    return redirect, f"{page_url}{route}"
