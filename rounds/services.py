"""State changes of a round: comments submitted (once per form), edited and withdrawn;
decisions and answers, the released disposition table and the finished evaluation."""

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import TaskState

from members.identity import organisation_of
from portal import content_cache
from portal.submissions import busy_means_try_later, store_once

from .choices import Decision
from .models import Comment, CommentRound, CommentRoundTask


def submitted_comment(author, token: uuid.UUID | None) -> Comment | None:
    """The comment an earlier sending of the same form stored, if any."""
    if token is None:
        return None
    return Comment.objects.filter(author=author, submission_token=token).first()


@busy_means_try_later
@transaction.atomic
def submit_comment(
    round: CommentRound,
    author,
    *,
    text: str,
    block_id: str = "",
    quote: str = "",
    show_author_name: bool = False,
    token: uuid.UUID | None = None,
) -> Comment:
    """The new comment; for a form sent twice at once, the one the first sending stored."""
    comment, _created = store_once(
        lambda: Comment.objects.create(
            round=round,
            block_id=block_id,
            quote=quote,
            text=text,
            show_author_name=show_author_name,
            author=author,
            organisation=organisation_of(author),
            submission_token=token,
        ),
        lambda: submitted_comment(author, token),
    )
    return comment


@busy_means_try_later
@transaction.atomic
def edit_comment(
    comment: Comment, *, text: str, block_id: str, quote: str, show_author_name: bool
) -> Comment:
    """The author's new wording; a decision taken on the old one goes back to "offen"."""
    # As stored, not as ``comment`` holds it: a bound model form has already copied the
    # new wording onto the instance.
    stored = Comment.objects.select_for_update().get(pk=comment.pk)
    answered_before = stored.is_answered and (text, block_id, quote) != (
        stored.text,
        stored.block_id,
        stored.quote,
    )
    comment.text, comment.block_id, comment.quote = text, block_id, quote
    comment.show_author_name = show_author_name
    fields = ["text", "block_id", "quote", "show_author_name", "updated_at"]
    if answered_before:
        comment.decision, comment.changed_after_answer_at = Decision.OPEN, timezone.now()
        fields += ["decision", "changed_after_answer_at"]
    comment.save(update_fields=fields)
    return comment


def withdraw_comment(comment: Comment) -> Comment:
    """Take ``comment`` back; it leaves the round's lists and the disposition table."""
    comment.withdrawn_at = timezone.now()
    comment.save(update_fields=["withdrawn_at", "updated_at"])
    return comment


# --- Evaluation by the strand's editors ----------------------------------------------


class RoundStillOpen(Exception):
    """The round still takes comments: its table is neither released nor evaluated yet."""


@dataclass
class Answered:
    changed: list[Comment] = field(default_factory=list)
    # Rewritten by their authors since the editor saw them: left as they are.
    rewritten: list[Comment] = field(default_factory=list)


@transaction.atomic
def answer_comments(
    comment_round: CommentRound,
    user,
    answers: Iterable[tuple[int, str | None, str | None]],
    seen: Mapping[int, str] | None = None,
) -> Answered:
    """Decide and answer comments of ``comment_round``, one or many at once.

    ``answers`` holds (comment id, decision, answer); None keeps what the comment has,
    an unknown decision leaves the comment alone. ``seen`` maps comment ids to the
    ``content_key`` the editor read: a comment whose text has changed since then is
    not answered, so no answer is saved onto a text nobody has read.
    """
    wanted = {comment_id: (decision, answer) for comment_id, decision, answer in answers}
    seen = seen or {}
    now = timezone.now()
    result = Answered()
    changed = result.changed
    comments = comment_round.comments.filter(pk__in=wanted).order_by("pk").select_for_update()
    for comment in comments:
        if comment.pk in seen and seen[comment.pk] != comment.content_key:
            result.rewritten.append(comment)
            continue
        decision, answer = wanted[comment.pk]
        decision = comment.decision if decision is None else decision
        answer = (comment.answer if answer is None else answer).strip()
        if decision not in Decision.values:
            continue
        if (decision, answer) != (comment.decision, comment.answer):
            comment.decision, comment.answer = decision, answer
            comment.answered_by, comment.answered_at = user, now
            if decision != Decision.OPEN:
                comment.changed_after_answer_at = None
            changed.append(comment)
    Comment.objects.bulk_update(
        changed, ["decision", "answer", "answered_by", "answered_at", "changed_after_answer_at"]
    )
    if changed:
        log(
            instance=comment_round,
            action="rounds.answer",
            user=user,
            data={"comments": [comment.pk for comment in changed]},
        )
        if comment_round.is_released:
            # The public table shows the answers.
            content_cache.bump()
    return result


@transaction.atomic
def release(comment_round: CommentRound, user) -> bool:
    """Make the disposition table public at the round's URL; False if it already is."""
    if comment_round.is_open():
        raise RoundStillOpen
    if comment_round.is_released:
        return False
    comment_round.released_at = timezone.now()
    comment_round.save(update_fields=["released_at"])
    log(instance=comment_round, action="rounds.release", user=user)
    content_cache.bump()
    return True


@transaction.atomic
def mark_evaluated(comment_round: CommentRound, user) -> bool:
    """Finish the evaluation; a waiting workflow step "Kommentierungsrunde" moves on.

    False if the round was marked evaluated before (the waiting step moves on anyway).
    """
    if comment_round.is_open():
        raise RoundStillOpen
    newly = comment_round.evaluated_at is None
    if newly:
        comment_round.evaluated_at = timezone.now()
        comment_round.save(update_fields=["evaluated_at"])
        log(instance=comment_round, action="rounds.evaluate", user=user)
    waiting = TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS,
        task__in=CommentRoundTask.objects.all(),
        workflow_state__object_id=str(comment_round.page_id),
    )
    for task_state in waiting:
        task_state.specific.approve(user=user)
    return newly


# --- Public listings ------------------------------------------------------------------

PHASES_CHECKED_KEY = "rounds:phases-checked-at"


def renew_listings_after_phase_changes(now=None) -> int:
    """Renew the cached public pages when a round has opened or closed since the last
    check: the overview, the home page and the text pages list rounds by their phase,
    and time passing changes no content. Returns how many rounds changed phase."""
    now = now or timezone.now()
    since = cache.get(PHASES_CHECKED_KEY) or now - timedelta(days=1)
    passed = Q(opens_at__gt=since, opens_at__lte=now) | Q(closes_at__gt=since, closes_at__lte=now)
    changed = CommentRound.objects.filter(passed).count()
    if changed:
        content_cache.bump()
    cache.set(PHASES_CHECKED_KEY, now, timeout=None)
    return changed
