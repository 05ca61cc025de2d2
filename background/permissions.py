"""Who sees the task results in the admin: administrators (superusers), read only.

Task arguments hold e-mail addresses and texts of messages, and tracebacks hold
internals: nobody but the administrators looks at them, and nobody changes them.
"""

from django.contrib.auth import get_user_model
from wagtail.permission_policies import BasePermissionPolicy

READ_ACTIONS = {"view"}


def can_view_task_results(user) -> bool:
    return bool(user.is_active and user.is_superuser)


class TaskResultPolicy(BasePermissionPolicy):
    """Only "view", only for superusers; every other action is refused to everyone."""

    def user_has_permission(self, user, action) -> bool:
        return action in READ_ACTIONS and can_view_task_results(user)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if not READ_ACTIONS.intersection(actions):
            return users.none()
        return users.filter(is_superuser=True)
