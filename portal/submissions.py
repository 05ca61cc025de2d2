"""Taking in what members write (round comments, discussion posts): once per form,
within the rate limit, and with a clear answer when the database is busy.

Whenever a text cannot be taken now, the view shows the same form again with the
text, the message of a ``TryLater`` and its status (429 or 503) and Retry-After.
"""

import sqlite3
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from django.db import IntegrityError, OperationalError, transaction
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from . import ratelimits

T = TypeVar("T")

DATABASE_BUSY = _(
    "Der Dienst ist gerade stark beschäftigt – bitte gleich noch einmal senden. "
    "Ihr Text ist unten erhalten."
)
BUSY_RETRY_AFTER = 5
# PostgreSQL: lock_timeout ran out, serialization failure, deadlock.
BUSY_SQLSTATES = {"55P03", "40001", "40P01"}
BUSY_SQLITE_CODES = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}


class TryLater(Exception):
    """The text is fine, but the portal cannot take it at this moment."""

    def __init__(self, message, status: int, retry_after: int):
        super().__init__(str(message))
        self.message, self.status, self.retry_after = message, status, retry_after

    def respond(self, response: HttpResponse) -> HttpResponse:
        """Give the page with the form again this refusal's status and Retry-After."""
        response.status_code = self.status
        response["Retry-After"] = str(self.retry_after)
        return response


def is_busy(error: OperationalError) -> bool:
    """Did the write fail only because others held the database (worth sending again)?"""
    cause = error.__cause__
    if getattr(cause, "sqlstate", None) in BUSY_SQLSTATES:
        return True
    code = getattr(cause, "sqlite_errorcode", None)
    # Extended codes (SQLITE_BUSY_SNAPSHOT …) carry the primary code in the low byte.
    return code is not None and code & 0xFF in BUSY_SQLITE_CODES


def busy_means_try_later(write: Callable[..., T]) -> Callable[..., T]:
    """For services that store a member's text: a busy database becomes ``TryLater``.

    Put it outside ``transaction.atomic``: SQLite reports the lock when the
    transaction begins, PostgreSQL when a statement waits too long.
    """

    @wraps(write)
    def guarded(*args, **kwargs):
        try:
            return write(*args, **kwargs)
        except OperationalError as error:
            if is_busy(error):
                raise TryLater(DATABASE_BUSY, 503, BUSY_RETRY_AFTER) from error
            raise

    return guarded


def within_limit(request: HttpRequest, action: str):
    """Count one use of ``action``; the usage, to give back when nothing was stored."""
    usage = ratelimits.consume(request, action)
    if usage is None:
        raise TryLater(ratelimits.message(action), 429, ratelimits.seconds_to_wait(request, action))
    return usage


def accept(
    request: HttpRequest,
    action: str,
    *,
    stored_before: Callable[[], T | None],
    store: Callable[[], T],
) -> T:
    """Store a member's submission once and within the rate limit of ``action``.

    ``stored_before`` finds what an earlier sending of the same form stored (a double
    click): that is the answer again, and it counts against no limit. Raises
    ``TryLater`` when over the limit or when ``store`` finds the database busy.
    """
    earlier = stored_before()
    if earlier is not None:
        return earlier
    usage = within_limit(request, action)
    try:
        return store()
    except TryLater:
        usage.rollback()  # nothing stored: the try does not count
        raise


def store_once(create: Callable[[], T], earlier: Callable[[], T | None]) -> tuple[T, bool]:
    """``create()`` the row of a sent form, or find the one a parallel sending of the
    same form stored first (the unique submission token refused ours): (row, created)."""
    try:
        # A savepoint: the surrounding transaction stays usable when the other sending won.
        with transaction.atomic():
            return create(), True
    except IntegrityError:
        found = earlier()
        if found is None:
            raise
        return found, False
