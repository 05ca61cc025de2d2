"""One version token for everything cached from published content.

Publishing, unpublishing, moving or deleting a page (and anything else that
changes what the public reads, such as a new version or a released disposition
table) calls :func:`bump`. Cache keys include the current token, so all cached
pages and fragments are replaced at once; stale entries simply expire.

The token lives in the shared cache (a folder all processes of one installation
use, or Redis), so a change made by one gunicorn worker or a management command
reaches every other process. It is a fresh random value rather than a counter:
caches without an atomic increment (files) then cannot lose a bump to a race,
and a token that was evicted is simply replaced by a new one.
"""

import secrets

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "content-version"


def current() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        # add() keeps a concurrent first writer's value; the get() reads the winner.
        cache.add(VERSION_KEY, secrets.token_hex(8), timeout=None)
        version = cache.get(VERSION_KEY, "")
    return version


def _new_version() -> None:
    cache.set(VERSION_KEY, secrets.token_hex(8), timeout=None)


def bump(**kwargs) -> None:
    """Signal receiver: invalidate every cached page and fragment.

    Now, and again after the commit: a reader who renders between the two still
    sees the old content and stores it under the first new token.
    """
    _new_version()
    transaction.on_commit(_new_version)
