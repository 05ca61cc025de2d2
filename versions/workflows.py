"""The publication workflows: editorial review by the strand's editors, then approval.

One workflow per strand, assigned to the strand's index page (and so to every text
below it). Administrators may change them in the admin (Einstellungen → Workflows),
e.g. insert the comment-round task between review and approval: nothing here
depends on the number or order of tasks, and existing workflows are never rebuilt.
"""

from dataclasses import dataclass

from django.apps import apps as global_apps
from django.db import transaction
from wagtail.models import Page, WorkflowPage

APPROVAL_TASK = "Freigabe"
APPROVER_GROUP = "Freigabe"


@dataclass(frozen=True)
class StrandWorkflow:
    workflow: str
    review_task: str
    editor_group: str


MISSION_WORKFLOW = StrandWorkflow(
    "Veröffentlichung Leitbild", "Redaktionelle Prüfung Leitbild", "Redaktion Leitbild"
)
GUIDANCE_WORKFLOW = StrandWorkflow(
    "Veröffentlichung Handlungshilfen",
    "Redaktionelle Prüfung Handlungshilfen",
    "Redaktion Handlungshilfen",
)
STRAND_WORKFLOWS = [MISSION_WORKFLOW, GUIDANCE_WORKFLOW]


def ensure_workflow_definitions(
    apps=global_apps, specs: list[StrandWorkflow] = STRAND_WORKFLOWS
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

    approval = task(APPROVAL_TASK, APPROVER_GROUP)
    workflows = {}
    for spec in specs:
        workflow = workflow_model.objects.filter(name=spec.workflow).first()
        if workflow is None:
            workflow = workflow_model.objects.create(name=spec.workflow, active=True)
            review = task(spec.review_task, spec.editor_group)
            for order, step in enumerate([review, approval]):
                workflow_task_model.objects.create(workflow=workflow, task=step, sort_order=order)
        workflows[spec.workflow] = workflow
    return workflows


@transaction.atomic
def ensure_publication_workflows(mission_root: Page, guidance_root: Page) -> None:
    """Give each strand index page its workflow, unless an administrator chose another."""
    missing = [
        (root, spec)
        for root, spec in [(mission_root, MISSION_WORKFLOW), (guidance_root, GUIDANCE_WORKFLOW)]
        if not WorkflowPage.objects.filter(page=root).exists()
    ]
    if not missing:
        return
    workflows = ensure_workflow_definitions(specs=[spec for _, spec in missing])
    for root, spec in missing:
        WorkflowPage.objects.create(page=root, workflow=workflows[spec.workflow])
