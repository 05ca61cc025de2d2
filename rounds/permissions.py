"""Who may see, comment on and evaluate comment rounds. Used by views, templates and tests."""

from django.db.models import Q
from django.utils import timezone

from members.permissions import is_member, is_staff
from members.roles import Role, role_names
from strands.choices import Strand

from .choices import Visibility
from .models import Comment, CommentRound

EDITOR_ROLE_BY_STRAND = {Strand.MISSION: Role.MISSION_EDITOR, Strand.GUIDANCE: Role.GUIDANCE_EDITOR}


def organisation_of(user):
    membership = getattr(user, "membership", None) if user.is_authenticated else None
    return membership.organisation if membership else None


def audience_q(user) -> Q:
    """Rounds addressed to ``user``; matches nothing for non-members."""
    if not is_member(user):
        return Q(pk__in=[])
    organisation = organisation_of(user)
    addressed = Q(audience_all_members=True) | Q(audience_groups__in=user.groups.all())
    if organisation:
        addressed |= Q(audience_organisations=organisation)
    return addressed


def is_addressed(user, round: CommentRound) -> bool:
    return CommentRound.objects.filter(audience_q(user), pk=round.pk).exists()


def can_evaluate(user, round: CommentRound) -> bool:
    """Staff and the editors of the strand the page belongs to."""
    if is_staff(user):
        return True
    strand = getattr(round.page.specific_class, "strand", None)
    role = EDITOR_ROLE_BY_STRAND.get(strand)
    return bool(role and role in role_names(user))


def can_view_text(user, round: CommentRound, now=None) -> bool:
    """The frozen draft: editors always; addressed members once the round has opened."""
    if can_evaluate(user, round):
        return True
    opened = round.opens_at <= (now or timezone.now())
    return opened and is_addressed(user, round)


def can_view_disposition(user, round: CommentRound) -> bool:
    """The disposition table is public once released; editors see it while they work."""
    return round.is_released or can_evaluate(user, round)


def can_comment(user, round: CommentRound, now=None) -> bool:
    return round.is_open(now) and organisation_of(user) is not None and is_addressed(user, round)


def can_change_comment(user, comment: Comment, now=None) -> bool:
    """Authors edit or withdraw their own comment until the round closes."""
    return (
        user.is_authenticated
        and comment.author_id == user.pk
        and comment.withdrawn_at is None
        and comment.round.is_open(now)
    )


def visible_comments(user, round: CommentRound):
    """Comments a participant sees during the round: their own, their organisation's,
    and in an open consultation everyone's."""
    comments = round.comments.active().select_related("organisation", "author")
    if can_evaluate(user, round) or round.visibility == Visibility.OPEN:
        return comments
    organisation = organisation_of(user)
    mine = Q(author=user) if user.is_authenticated else Q(pk__in=[])
    if organisation:
        mine |= Q(organisation=organisation)
    return comments.filter(mine)
