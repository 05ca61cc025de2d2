"""Retries for tasks that talk to the outside world (SMTP): django-tasks has none.

A failed attempt stays in the task results as FAILED, with its traceback, for the
administrators to see; a new attempt is queued with a growing delay, at most
``MAX_ATTEMPTS`` in all. A worker stopped in the middle of a task (a second Ctrl-C,
a supervisor's kill) queues the rest at once, without counting an attempt.
"""

import smtplib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from django.utils import timezone

# Waits before the 2nd, 3rd, … attempt: about two and a half hours in all.
RETRY_DELAYS = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
)
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
# What may pass: no connection, a timeout, a 4xx answer. Refusals for good (5xx)
# are raised as members.mail.MessagesRefused, which is not among them.
TEMPORARY_ERRORS = (smtplib.SMTPException, OSError)


def _queues(task) -> bool:
    """Whether the task's backend keeps tasks for later (the database backend does)."""
    return task.get_backend().supports_defer


def retry_later(task, attempt: int, *args):
    """Queue attempt ``attempt + 1`` of ``task(*args)`` after its delay, if one is left."""
    if attempt >= MAX_ATTEMPTS or not _queues(task):
        return None
    run_after = timezone.now() + RETRY_DELAYS[attempt - 1]
    return task.using(run_after=run_after).enqueue(*args, attempt=attempt + 1)


@contextmanager
def retried(task, attempt: int, *args) -> Iterator[None]:
    """Run the block as attempt ``attempt`` of ``task(*args)``; queue the next one if it fails."""
    try:
        yield
    except (KeyboardInterrupt, SystemExit):
        if _queues(task):
            task.enqueue(*args, attempt=attempt)
        raise
    except TEMPORARY_ERRORS:
        retry_later(task, attempt, *args)
        raise
