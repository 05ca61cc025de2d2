from django import template
from django.urls import reverse
from django.utils import timezone

from members.permissions import is_member
from rounds.calendar import feed_token
from rounds.models import CommentRound
from rounds.permissions import publicly_mentioned

register = template.Library()


@register.inclusion_tag("rounds/open_rounds.html", takes_context=True)
def open_rounds(context):
    """Open rounds addressed to the signed-in member (nothing for anyone else)."""
    user = context["request"].user
    rounds = []
    if user.is_authenticated:
        rounds = list(CommentRound.objects.open().addressed_to(user).select_related("page"))
    return {"rounds": rounds}


@register.simple_tag(takes_context=True)
def calendar_feed_url(context) -> str:
    """The private address of the signed-in member's calendar feed; "" for anyone else."""
    request = context["request"]
    if not is_member(request.user):
        return ""
    return request.build_absolute_uri(
        reverse("rounds:calendar_feed", args=[feed_token(request.user)])
    )


@register.inclusion_tag("rounds/components/text_rounds.html")
def rounds_of_text(page):
    """The rounds on ``page`` that the public may know of: running ones, released tables."""
    now = timezone.now()
    rounds = list(publicly_mentioned(now).filter(page_id=page.pk).order_by("-opens_at"))
    return {
        "running": [r for r in rounds if r.is_open(now)],
        "released": [r for r in rounds if r.is_released],
    }


@register.inclusion_tag("rounds/components/public_rounds.html")
def public_rounds(recent: int = 3):
    """For the home page: running rounds and the latest released tables, for everyone."""
    now = timezone.now()
    mentioned = publicly_mentioned(now)
    shown = mentioned.open(now) | mentioned.released()
    rounds = list(shown.order_by("-released_at", "closes_at"))
    released = [r for r in rounds if r.is_released]
    return {"running": [r for r in rounds if r.is_open(now)], "released": released[:recent]}
