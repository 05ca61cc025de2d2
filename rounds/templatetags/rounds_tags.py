from django import template
from django.urls import reverse

from members.permissions import is_member
from rounds.calendar import feed_token
from rounds.models import CommentRound

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
