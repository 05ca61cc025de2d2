"""Every state change of the discussion area: threads and replies (each sent form stored
once, ``submission_token``), following, read markers, reports and moderation.

Views, the Wagtail admin and the demo call these functions with plain values; every
moderation step lands in Wagtail's audit log ("Protokoll").
"""

import uuid
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from members.identity import organisation_of
from portal.submissions import busy_means_try_later, store_once

from .choices import ReportStatus
from .models import Post, ReadMarker, Report, Subscription, Thread
from .notifications import notify_after_commit

# --- Threads and replies ---------------------------------------------------------------


def submitted_thread(author, token: uuid.UUID | None) -> Thread | None:
    """The thread an earlier sending of the same form opened, if any."""
    if token is None:
        return None
    return (
        Thread.objects.select_related("room").filter(author=author, submission_token=token).first()
    )


def submitted_post(author, token: uuid.UUID | None) -> Post | None:
    """The reply an earlier sending of the same form stored, if any."""
    if token is None:
        return None
    return (
        Post.objects.select_related("thread__room")
        .filter(author=author, submission_token=token)
        .first()
    )


@busy_means_try_later
@transaction.atomic
def create_thread(
    room,
    user,
    title: str,
    text: str,
    token: uuid.UUID | None = None,
    *,
    at: datetime | None = None,
) -> Thread:
    """The new thread; for a form sent twice at once, the one the first sending opened.

    ``at`` backdates the thread for history written afterwards (the demo); default now.
    """
    organisation = organisation_of(user)
    now = at or timezone.now()
    thread, created = store_once(
        lambda: Thread.objects.create(
            room=room,
            title=title,
            author=user,
            organisation=organisation,
            created_at=now,
            last_activity_at=now,
            submission_token=token,
        ),
        lambda: submitted_thread(user, token),
    )
    if not created:
        return thread
    Post.objects.create(
        thread=thread, author=user, organisation=organisation, text=text, created_at=now
    )
    follow_thread(user, thread)
    ReadMarker.objects.create(user=user, thread=thread, last_read_at=now)
    return thread


@busy_means_try_later
@transaction.atomic
def reply(
    thread: Thread,
    user,
    text: str,
    follow: bool,
    token: uuid.UUID | None = None,
    *,
    at: datetime | None = None,
    notify: bool = True,
) -> Post:
    """The new reply; for a form sent twice at once, the one the first sending stored.

    Followers get an e-mail unless ``notify`` is false; ``at`` backdates the reply
    (both for history written afterwards, such as the demo's).
    """
    now = at or timezone.now()
    post, created = store_once(
        lambda: Post.objects.create(
            thread=thread,
            author=user,
            organisation=organisation_of(user),
            text=text,
            created_at=now,
            submission_token=token,
        ),
        lambda: submitted_post(user, token),
    )
    if not created:
        return post
    Thread.objects.filter(pk=thread.pk).update(last_activity_at=now)
    if follow:
        follow_thread(user, thread)
    else:
        unfollow_thread(user, thread)
    ReadMarker.objects.update_or_create(user=user, thread=thread, defaults={"last_read_at": now})
    if notify:
        notify_after_commit(post)
    return post


# --- Following and reading ---------------------------------------------------------------


def follow_thread(user, thread: Thread) -> Subscription:
    """``user`` gets an e-mail for every new reply in ``thread``."""
    subscription, _created = Subscription.objects.get_or_create(user=user, thread=thread)
    return subscription


def unfollow_thread(user, thread) -> None:
    """No more e-mails; ``user`` and ``thread`` may be ids (the unsubscribe link has those)."""
    Subscription.objects.filter(user=user, thread=thread).delete()


def mark_read(user, thread: Thread, newest_shown: datetime | None) -> datetime | None:
    """Remember the newest post shown; return when the reader was here before."""
    marker = ReadMarker.objects.filter(user=user, thread=thread).first()
    previous = marker.last_read_at if marker else None
    if newest_shown and (previous is None or newest_shown > previous):
        ReadMarker.objects.update_or_create(
            user=user, thread=thread, defaults={"last_read_at": newest_shown}
        )
    return previous


# --- Reports and moderation --------------------------------------------------------------


@transaction.atomic
def report_post(
    post: Post, reporter, reason: str, details: str, *, at: datetime | None = None
) -> Report | None:
    """A new report, or None when this person's earlier report is still open.

    Also None for the second of two sendings at the same moment (a double click): the
    first one's report is the open one, and the database allows one per person.
    """
    open_reports = Report.objects.open().filter(post=post, reporter=reporter)
    if open_reports.exists():
        return None
    report, created = store_once(
        lambda: Report.objects.create(
            post=post,
            reporter=reporter,
            reason=reason,
            details=details,
            created_at=at or timezone.now(),
        ),
        open_reports.first,
    )
    if not created:
        return None
    log(instance=post, action="discussions.report.create", user=reporter)
    return report


@transaction.atomic
def hide_post(post: Post, by, *, at: datetime | None = None) -> None:
    """Hide ``post`` (it shows as hidden by the moderators) and close its open reports."""
    at = at or timezone.now()
    if not post.hidden:
        post.hidden, post.hidden_at, post.hidden_by = True, at, by
        post.save(update_fields=["hidden", "hidden_at", "hidden_by"])
        log(instance=post, action="discussions.post.hide", user=by)
    close_reports(post, ReportStatus.POST_HIDDEN, by, at=at)


@transaction.atomic
def restore_post(post: Post, by) -> None:
    if post.hidden:
        post.hidden, post.hidden_at, post.hidden_by = False, None, None
        post.save(update_fields=["hidden", "hidden_at", "hidden_by"])
        log(instance=post, action="discussions.post.restore", user=by)


@transaction.atomic
def dismiss_reports(post: Post, by) -> int:
    """No violation: close the open reports of ``post``; the number closed."""
    closed = close_reports(post, ReportStatus.DISMISSED, by)
    if closed:
        log(instance=post, action="discussions.report.dismiss", user=by)
    return closed


def close_reports(post: Post, status: str, by, *, at: datetime | None = None) -> int:
    return (
        Report.objects.open()
        .filter(post=post)
        .update(status=status, handled_by=by, handled_at=at or timezone.now())
    )


@transaction.atomic
def set_locked(thread: Thread, locked: bool, by) -> None:
    """Lock ``thread`` against new replies, or open it again."""
    if thread.locked != locked:
        thread.locked = locked
        thread.save(update_fields=["locked"])
        log(
            instance=thread,
            action="discussions.thread.lock" if locked else "discussions.thread.unlock",
            user=by,
        )
