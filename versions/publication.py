"""Turning a publication into a version: numbering, change-note rule, approver, frozen copy."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, override
from wagtail.models import Page, Revision, TaskState

from .canonical import CanonicalSource, canonical_markdown, content_hash
from .choices import ChangeKind
from .models import Version

# Set by code that publishes on someone's behalf (bulk actions, the demo), because
# Wagtail's page_published signal does not say who published.
_publishing_user: ContextVar[AbstractBaseUser | None] = ContextVar("publishing_user", default=None)


@contextmanager
def published_by(user: AbstractBaseUser | None) -> Iterator[None]:
    """Attribute publications inside this block to ``user``."""
    token = _publishing_user.set(user)
    try:
        yield
    finally:
        _publishing_user.reset(token)


def latest_version(page: Page) -> Version | None:
    if page.pk is None:
        return None
    return Version.objects.of_page(page).listing().newest_first().first()


def next_number(latest: Version | None, kind: str) -> tuple[int, int]:
    """1.0 first; then a minor change counts up behind the dot, a major one before it."""
    if latest is None:
        return 1, 0
    if kind == ChangeKind.MAJOR:
        return latest.major + 1, 0
    return latest.major, latest.minor + 1


def next_labels(latest: Version | None) -> dict[str, str]:
    return {kind: "{}.{}".format(*next_number(latest, kind)) for kind in ChangeKind.values}


def change_note_problem(note: str, latest: Version | None) -> str | None:
    """Why ``note`` cannot go out with the next version, or None.

    The first version needs no note. Every later one needs its own: a note equal to
    the previous version's is the left-over of the last publication, not a description.
    """
    if latest is None:
        return None
    note = (note or "").strip()
    if not note:
        return gettext(
            "Bitte beschreiben Sie im Änderungshinweis, was sich gegenüber Fassung "
            "%(label)s geändert hat. Ab der zweiten Fassung ist der Hinweis Pflicht."
        ) % {"label": latest.label}
    if note == latest.change_note.strip():
        return gettext(
            "Dieser Änderungshinweis gehört noch zu Fassung %(label)s. Bitte beschreiben "
            "Sie, was sich in der neuen Fassung geändert hat."
        ) % {"label": latest.label}
    return None


def approver_of(revision: Revision) -> AbstractBaseUser | None:
    """Who let ``revision`` go live.

    In order: whoever publishes on the caller's declared behalf; the user who approved
    the last workflow task on this revision; the user who saved the revision (in the
    admin's "Veröffentlichen" action that is the publisher).
    """
    if (user := _publishing_user.get()) is not None:
        return user
    approval = (
        TaskState.objects.filter(revision=revision, status=TaskState.STATUS_APPROVED)
        .select_related("finished_by")
        .order_by("-finished_at", "-pk")
        .first()
    )
    if approval and approval.finished_by:
        return approval.finished_by
    return revision.user


def published_on(moment) -> str:
    with override("de"):
        return date_format(timezone.localtime(moment), "j. F Y")


@transaction.atomic
def record_publication(page, revision: Revision) -> Version | None:
    """Create the version for ``revision`` of ``page`` if it just went live; idempotent.

    ``page`` is the specific page as published. Wagtail also sends ``page_published``
    when it only schedules a revision for later; the version follows at go-live.
    """
    if not page.live or page.live_revision_id != revision.pk:
        return None
    if Version.objects.filter(revision=revision).exists():
        return None
    latest = latest_version(page)
    kind = page.change_kind if latest else ChangeKind.MINOR
    major, minor = next_number(latest, kind)
    published_at = page.last_published_at or timezone.now()
    body = page.body.get_prep_value()
    fields = {
        "title": page.title,
        "summary": page.summary,
        "easy_language_summary": page.easy_language_summary,
        "change_note": page.change_note.strip(),
    }
    text = canonical_markdown(
        CanonicalSource(
            label=f"{major}.{minor}",
            published_on=published_on(published_at),
            body=body,
            **fields,
        )
    )
    version = Version(
        page_id=page.pk,
        revision=revision,
        major=major,
        minor=minor,
        change_kind=kind,
        published_at=published_at,
        approver=approver_of(revision),
        body=body,
        canonical_text=text,
        content_hash=content_hash(text),
        **fields,
    )
    version.save()
    return version
