"""Moderation actions; each one lands in Wagtail's audit log ("Protokoll")."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from .choices import ReportStatus
from .models import Post, Report, Thread

LOG_ACTIONS = {
    "discussions.post.hide": _("Beitrag ausgeblendet"),
    "discussions.post.restore": _("Beitrag wieder eingeblendet"),
    "discussions.thread.lock": _("Thema gesperrt"),
    "discussions.thread.unlock": _("Thema entsperrt"),
    "discussions.report.create": _("Beitrag gemeldet"),
    "discussions.report.dismiss": _("Meldung zurückgewiesen"),
}


@transaction.atomic
def hide_post(post: Post, by) -> None:
    if not post.hidden:
        post.hidden, post.hidden_at, post.hidden_by = True, timezone.now(), by
        post.save(update_fields=["hidden", "hidden_at", "hidden_by"])
        log(instance=post, action="discussions.post.hide", user=by)
    close_reports(post, ReportStatus.POST_HIDDEN, by)


@transaction.atomic
def restore_post(post: Post, by) -> None:
    if post.hidden:
        post.hidden, post.hidden_at, post.hidden_by = False, None, None
        post.save(update_fields=["hidden", "hidden_at", "hidden_by"])
        log(instance=post, action="discussions.post.restore", user=by)


@transaction.atomic
def dismiss_reports(post: Post, by) -> int:
    closed = close_reports(post, ReportStatus.DISMISSED, by)
    if closed:
        log(instance=post, action="discussions.report.dismiss", user=by)
    return closed


def close_reports(post: Post, status: str, by) -> int:
    return (
        Report.objects.open()
        .filter(post=post)
        .update(status=status, handled_by=by, handled_at=timezone.now())
    )


@transaction.atomic
def set_locked(thread: Thread, locked: bool, by) -> None:
    if thread.locked != locked:
        thread.locked = locked
        thread.save(update_fields=["locked"])
        log(
            instance=thread,
            action="discussions.thread.lock" if locked else "discussions.thread.unlock",
            user=by,
        )


@transaction.atomic
def report_post(post: Post, reporter, reason: str, details: str) -> Report | None:
    """A new report, or None when this person's earlier report is still open."""
    if Report.objects.open().filter(post=post, reporter=reporter).exists():
        return None
    report = Report.objects.create(post=post, reporter=reporter, reason=reason, details=details)
    log(instance=post, action="discussions.report.create", user=reporter)
    return report
