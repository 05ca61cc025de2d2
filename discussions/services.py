"""Opening threads and replying: each sent form is stored once (``submission_token``)."""

import uuid

from django.db import transaction
from django.utils import timezone

from members.identity import organisation_of
from portal.submissions import busy_means_try_later, store_once

from .models import Post, ReadMarker, Subscription, Thread
from .notifications import notify_after_commit


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
def create_thread(room, user, title: str, text: str, token: uuid.UUID | None = None) -> Thread:
    """The new thread; for a form sent twice at once, the one the first sending opened."""
    organisation = organisation_of(user)
    now = timezone.now()
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
    Subscription.objects.create(user=user, thread=thread)
    ReadMarker.objects.create(user=user, thread=thread, last_read_at=now)
    return thread


@busy_means_try_later
@transaction.atomic
def reply(thread: Thread, user, text: str, follow: bool, token: uuid.UUID | None = None) -> Post:
    """The new reply; for a form sent twice at once, the one the first sending stored."""
    now = timezone.now()
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
        Subscription.objects.get_or_create(user=user, thread=thread)
    else:
        Subscription.objects.filter(user=user, thread=thread).delete()
    ReadMarker.objects.update_or_create(user=user, thread=thread, defaults={"last_read_at": now})
    notify_after_commit(post)
    return post
