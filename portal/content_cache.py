"""One version number for everything cached from published content.

Publishing, unpublishing, moving or deleting a page (and anything else that
changes what the public reads, such as a new version or a released disposition
table) calls :func:`bump`. Cache keys include the current number, so all
cached pages and fragments are replaced at once; stale entries simply expire.
"""

from django.core.cache import cache

VERSION_KEY = "content-version"


def current() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # add() keeps a concurrent first writer's value; the get() reads the winner.
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def bump(**kwargs) -> None:
    """Signal receiver: invalidate every cached page and fragment."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted): start a fresh series
        cache.set(VERSION_KEY, current() + 1, timeout=None)
