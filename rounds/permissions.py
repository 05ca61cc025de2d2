"""Who may see, comment on and evaluate comment rounds. Used by views, templates and tests."""

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from members.identity import organisation_of
from members.permissions import is_member, is_staff
from members.roles import Role
from strands import registry

from .choices import Visibility
from .models import Comment, CommentRound

# "May edit this page" has one source of truth: Wagtail's page permissions, as an
# administrator sets them per group in the admin. Running rounds at all is the
# model permission that the editor roles hold (migration 0002_editor_permissions),
# so approvers, who may change pages too, do not evaluate comments.
PAGE_PERMISSIONS = PagePermissionPolicy()
RUN_ROUNDS = "rounds.change_commentround"


# --- The audience: which rounds address a user, and which users a round addresses ---


def _addresses(user) -> Q:
    """The audience rule as a condition on rounds, for one user (a pk or an ``OuterRef``):
    addressed to all members, to the user's organisation or to one of the user's groups."""
    return (
        Q(audience_all_members=True)
        | Q(audience_organisations__memberships__user=user)
        | Q(audience_groups__user=user)
    )


def _members_q() -> Q:
    """``is_member`` as a condition on users: active and in the role group "Mitglieder"."""
    return Q(is_active=True, groups__name=Role.MEMBER)


def audience_q(user) -> Q:
    """Rounds addressed to ``user``; matches nothing for non-members."""
    if not is_member(user):
        return Q(pk__in=[])
    return _addresses(user.pk)


def is_addressed(user, round: CommentRound) -> bool:
    return CommentRound.objects.filter(audience_q(user), pk=round.pk).exists()


def addressed_members(round: CommentRound):
    """The members ``round`` is addressed to: ``is_addressed`` read from the round's side."""
    addresses = CommentRound.objects.filter(_addresses(OuterRef("pk")), pk=round.pk)
    return get_user_model().objects.filter(_members_q(), Exists(addresses))


# --- Running rounds ----------------------------------------------------------------


def can_run_rounds_on(user, page: Page) -> bool:
    """Staff, and those who run rounds and may edit ``page`` by its page permissions."""
    if is_staff(user):
        return True
    return user.has_perm(RUN_ROUNDS) and PAGE_PERMISSIONS.user_has_permission_for_instance(
        user, "change", page
    )


def pages_for_rounds(user) -> list[Page]:
    """The texts ``user`` may run rounds on (all texts for staff), in tree order per strand."""
    if is_staff(user):
        editable = None
    elif user.has_perm(RUN_ROUNDS):
        editable = PAGE_PERMISSIONS.instances_user_has_permission_for(user, "change")
    else:
        return []
    pages = []
    for model in registry.text_models():
        texts = model.objects.order_by("path")
        pages += texts if editable is None else texts.filter(pk__in=editable.values("pk"))
    return pages


def can_evaluate(user, round: CommentRound) -> bool:
    """Who may run the round's page: answer comments, release the disposition table."""
    return can_run_rounds_on(user, round.page)


def can_view_text(user, round: CommentRound, now=None) -> bool:
    """The frozen draft: editors always; addressed members once the round has opened."""
    if can_evaluate(user, round):
        return True
    opened = round.opens_at <= (now or timezone.now())
    return opened and is_addressed(user, round)


def sees_audience_notice(user, round: CommentRound, now=None) -> bool:
    """Signed-in people the open or closed round is not addressed to get an explanation
    instead of a 404 — only where the round's page is live and public, since the
    notice names the page."""
    if not user.is_authenticated or can_view_text(user, round, now):
        return False
    if round.opens_at > (now or timezone.now()):
        return False
    return Page.objects.filter(pk=round.page_id).live().public().exists()


def is_publicly_mentioned(round: CommentRound, now=None) -> bool:
    """The public may learn that a round exists (page, period, whether its table is out)
    once it has opened, and only where its page is live and public."""
    return (
        round.opens_at <= (now or timezone.now())
        and Page.objects.filter(pk=round.page_id).live().public().exists()
    )


def publicly_mentioned(now=None):
    """The query form of ``is_publicly_mentioned``: rounds the public overview may list.

    The listing names the live page and the period, never the frozen draft's title,
    text or comments of a round whose table is not released."""
    return CommentRound.objects.filter(
        opens_at__lte=now or timezone.now(), page__in=Page.objects.live().public()
    ).select_related("page")


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
