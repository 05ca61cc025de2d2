"""Admin: the task results under Einstellungen, for administrators only."""

from django_tasks_db.models import DBTaskResult
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .permissions import TaskResultPolicy
from .viewsets import TaskResultViewSet

# Before anything asks the registry, or Wagtail would create its default policy.
register_permission_policy(DBTaskResult, TaskResultPolicy(DBTaskResult))


@hooks.register("register_admin_viewset")
def register_task_result_viewset():
    return TaskResultViewSet()
