"""E-mails to a round's audience: when it opens, and two days before it closes.

Each notice is claimed with a conditional UPDATE before sending, so running the
command twice (or on two machines at once) never sends the same notice twice.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from members.mail import absolute_url, render_email, send_after_commit

from .models import CommentRound
from .permissions import addressed_members

REMINDER_BEFORE_CLOSE = timedelta(days=2)


def reachable(users):
    """Sending constraints: an active account with an e-mail address."""
    return users.filter(is_active=True).exclude(email="")


def audience(comment_round: CommentRound):
    """The round's addressed members (``permissions.addressed_members``) a notice can reach."""
    return reachable(addressed_members(comment_round)).order_by("pk")


def _notify(comment_round: CommentRound, template: str) -> int:
    recipients = list(audience(comment_round).values_list("email", "first_name"))
    context = {"round": comment_round, "url": absolute_url(comment_round.get_url())}
    send_after_commit(
        *(
            render_email(template, context | {"first_name": first_name}, [email])
            for email, first_name in recipients
        )
    )
    return len(recipients)


def _claim(queryset, field: str, now) -> list[CommentRound]:
    claimed = []
    for comment_round in queryset.filter(**{f"{field}__isnull": True}):
        if CommentRound.objects.filter(pk=comment_round.pk, **{f"{field}__isnull": True}).update(
            **{field: now}
        ):
            claimed.append(comment_round)
    return claimed


@transaction.atomic
def send_due_notices(now=None) -> dict[str, int]:
    """Opening notices for rounds that have opened, reminders for rounds closing soon."""
    now = now or timezone.now()
    sent = {"eröffnet": 0, "erinnert": 0}
    for comment_round in _claim(CommentRound.objects.open(now), "opening_notice_sent_at", now):
        sent["eröffnet"] += _notify(comment_round, "rounds/email/opened")
    closing_soon = CommentRound.objects.open(now).filter(closes_at__lte=now + REMINDER_BEFORE_CLOSE)
    for comment_round in _claim(closing_soon, "reminder_sent_at", now):
        sent["erinnert"] += _notify(comment_round, "rounds/email/reminder")
    return sent
