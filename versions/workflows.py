"""The publication workflows: editorial review by the strand's editors, then approval.

One workflow per strand, assigned to the strand's index page (and so to every text
below it); names and groups come from ``strands.registry``. Administrators may
change them in the admin (Einstellungen → Workflows), e.g. insert the
comment-round task between review and approval: nothing here depends on the
number or order of tasks, and existing workflows are never rebuilt.
"""

from collections.abc import Iterable

from django.apps import apps as global_apps
from django.db import transaction
from wagtail.models import Page, WorkflowPage

from strands.registry import APPROVAL_TASK, APPROVER_ROLE, STRANDS, StrandEntry, entry_of_page


def ensure_workflow_definitions(
    apps=global_apps, entries: Iterable[StrandEntry] = STRANDS
) -> dict[str, object]:
    """Create missing tasks and workflows by name; leave existing ones as they are.

    Works with the real models and with a migration's historical ``apps``.
    Returns the workflows by name.
    """
    content_types = apps.get_model("contenttypes", "ContentType")
    group_model = apps.get_model("auth", "Group")
    task_model = apps.get_model("wagtailcore", "GroupApprovalTask")
    workflow_model = apps.get_model("wagtailcore", "Workflow")
    workflow_task_model = apps.get_model("wagtailcore", "WorkflowTask")
    task_type, _ = content_types.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )

    def task(name: str, group_name: str):
        existing = task_model.objects.filter(name=name).first()
        if existing:
            return existing
        created = task_model.objects.create(name=name, content_type=task_type, active=True)
        created.groups.add(group_model.objects.get_or_create(name=group_name)[0])
        return created

    approval = task(APPROVAL_TASK, APPROVER_ROLE)
    workflows = {}
    for entry in entries:
        workflow = workflow_model.objects.filter(name=entry.workflow).first()
        if workflow is None:
            workflow = workflow_model.objects.create(name=entry.workflow, active=True)
            review = task(entry.review_task, entry.editor_role)
            for order, step in enumerate([review, approval]):
                workflow_task_model.objects.create(workflow=workflow, task=step, sort_order=order)
        workflows[entry.workflow] = workflow
    return workflows


@transaction.atomic
def ensure_publication_workflows(*strand_roots: Page) -> None:
    """Give each strand index page its workflow, unless an administrator chose another."""
    missing = [
        (root, entry_of_page(root))
        for root in strand_roots
        if not WorkflowPage.objects.filter(page=root).exists()
    ]
    if not missing:
        return
    workflows = ensure_workflow_definitions(entries=[entry for _, entry in missing])
    for root, entry in missing:
        WorkflowPage.objects.create(page=root, workflow=workflows[entry.workflow])
