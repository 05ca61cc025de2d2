"""Who may do what with versions.

Versions are public records: anyone reads those of live, public pages through the
page's routes. In the admin everybody with admin access may list and inspect them,
and nobody (administrators included) may add, change or delete one.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies import BasePermissionPolicy

READ_ACTIONS = {"view"}


def can_access_admin(user) -> bool:
    return bool(
        user.is_active and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))
    )


class ReadOnlyVersionPolicy(BasePermissionPolicy):
    """Only "view", for admin users; every other action is refused to everyone."""

    def user_has_permission(self, user, action) -> bool:
        return action in READ_ACTIONS and can_access_admin(user)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if not READ_ACTIONS.intersection(actions):
            return users.none()
        return users.filter(
            Q(is_superuser=True)
            | Q(user_permissions__codename="access_admin")
            | Q(groups__permissions__codename="access_admin")
        ).distinct()
