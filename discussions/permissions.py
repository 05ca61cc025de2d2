"""Who may do what in the discussion area; used by views, templates, e-mails and tests.

Members and moderators read and write, staff (administrators) always may.
Wagtail page privacy on ``/diskussion/`` says the same for the page tree; these
functions are the rules for everything below a page: threads, posts, reports.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from members.permissions import is_member, is_moderator, is_staff
from members.roles import Role

from .models import Post, Thread


def can_view(user) -> bool:
    return is_staff(user) or is_member(user) or is_moderator(user)


def viewers_q() -> Q:
    """``can_view`` as a condition on users: active staff, members and moderators."""
    in_role = get_user_model().objects.filter(groups__name__in=[Role.MEMBER, Role.MODERATOR])
    return Q(is_active=True) & (
        Q(is_superuser=True) | Q(is_staff=True) | Q(pk__in=in_role.values("pk"))
    )


def viewers():
    """Everyone ``can_view`` lets into the discussion area."""
    return get_user_model().objects.filter(viewers_q())


def can_moderate(user) -> bool:
    return is_staff(user) or is_moderator(user)


def can_start_thread(user) -> bool:
    return can_view(user)


def can_post(user, thread: Thread) -> bool:
    """Reply to ``thread``: locked threads take replies from moderators only."""
    return can_view(user) and (not thread.locked or can_moderate(user))


def can_read_post_text(user, post: Post) -> bool:
    """Hidden posts show a notice; moderators still see what was hidden."""
    return can_view(user) and (not post.hidden or can_moderate(user))


def can_report(user, post: Post) -> bool:
    return can_view(user) and not post.hidden and post.author_id != user.pk


def can_quote(user, post: Post) -> bool:
    return can_post(user, post.thread) and not post.hidden
