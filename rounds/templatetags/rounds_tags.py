from django import template

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
