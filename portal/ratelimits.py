"""Rate limits on what people send: comments, discussion posts, reports, page passwords.

The rates live in ``settings.PORTAL_RATE_LIMITS`` (allauth's notation, e.g.
``"10/m/user,60/h/user"``); the counting is allauth's, kept in the default cache,
which all processes of an installation share (Redis or the file cache).
"""

import math
import time

from allauth.core.internal import ratelimit as allauth_ratelimit
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

COMMENT = "comment"
DISCUSSION_POST = "discussion_post"
REPORT = "report"
PAGE_PASSWORD = "page_password"  # noqa: S105 (the name of a limit)

# Our counters sit beside allauth's own in the cache, under a name of their own.
APP = "portal"

TOO_MANY_TEXTS = _(
    "Sie haben in kurzer Zeit sehr viele Beiträge gesendet. Bitte warten Sie einen Moment "
    "und senden Sie dann erneut – Ihr Text ist unten erhalten."
)
TOO_MANY_REPORTS = _(
    "Sie haben in kurzer Zeit sehr viele Meldungen gesendet. Bitte warten Sie einen Moment "
    "und senden Sie dann erneut – Ihre Angaben sind unten erhalten."
)
TOO_MANY_PASSWORDS = _(
    "Zu viele falsche Passwörter in kurzer Zeit. Bitte warten Sie einige Minuten und "
    "versuchen Sie es dann erneut."
)


def message(action: str) -> str:
    """What a person over the limit of ``action`` reads above the form."""
    return TOO_MANY_REPORTS if action == REPORT else TOO_MANY_TEXTS


def rates(action: str) -> list[allauth_ratelimit.Rate]:
    return allauth_ratelimit.get_rates(app=APP, action=action, config=settings.PORTAL_RATE_LIMITS)


def consume(request: HttpRequest, action: str, key: str | None = None, dry_run: bool = False):
    """Count one use of ``action``; the usage (to roll back) or, over the limit, None."""
    return allauth_ratelimit.consume(
        request,
        app=APP,
        action=action,
        config=settings.PORTAL_RATE_LIMITS,
        key=key,
        dry_run=dry_run,
    )


def seconds_to_wait(request: HttpRequest, action: str, key: str | None = None) -> int:
    """When the next use of ``action`` is allowed again, for the Retry-After header."""
    now = time.time()
    waits = [0.0]
    for rate in rates(action):
        cache_key = allauth_ratelimit.get_cache_key(
            request, app=APP, action=action, rate=rate, key=key
        )
        # allauth keeps the times of the uses in the window, newest first.
        history = [used for used in cache.get(cache_key, []) if used > now - rate.duration]
        if len(history) >= rate.amount:
            waits.append(history[rate.amount - 1] + rate.duration - now)
    return max(1, math.ceil(max(waits)))


def page_password_key(request: HttpRequest, restriction_id: int) -> str:
    """Failed passwords count per protected section and client address."""
    return f"{restriction_id}:{allauth_ratelimit.get_ip(request)}"


def page_password_blocked(request: HttpRequest, restriction_id: int) -> bool:
    key = page_password_key(request, restriction_id)
    return consume(request, PAGE_PASSWORD, key=key, dry_run=True) is None


def count_failed_page_password(request: HttpRequest, restriction_id: int) -> None:
    consume(request, PAGE_PASSWORD, key=page_password_key(request, restriction_id))


def page_password_retry_after(request: HttpRequest, restriction_id: int) -> int:
    key = page_password_key(request, restriction_id)
    return seconds_to_wait(request, PAGE_PASSWORD, key=key)
