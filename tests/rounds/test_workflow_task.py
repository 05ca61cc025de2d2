"""The workflow step "Kommentierungsrunde" opens a round and waits for its evaluation."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

from members.roles import Role
from rounds.models import CommentRound, CommentRoundTask


@pytest.fixture
def round_workflow(principle):
    task = CommentRoundTask.objects.create(
        name="Kommentierung durch die Mitglieder", duration_days=21
    )
    task.groups.add(Group.objects.get(name=Role.MISSION_EDITOR))
    workflow = Workflow.objects.create(name="Leitbild mit Kommentierung")
    approval = GroupApprovalTask.objects.create(name="Freigabe")
    approval.groups.add(Group.objects.get(name=Role.APPROVER))
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowTask.objects.create(workflow=workflow, task=approval, sort_order=1)
    return workflow


@pytest.mark.django_db
def test_reaching_the_step_opens_a_round_on_the_submitted_revision(
    client, principle, round_workflow, mission_editor
):
    principle.summary = "Zur Kommentierung eingereicht"
    revision = principle.save_revision(user=mission_editor)
    round_workflow.start(principle, mission_editor)

    comment_round = CommentRound.objects.get()
    assert comment_round.revision == revision
    assert comment_round.summary == "Zur Kommentierung eingereicht"
    assert comment_round.is_open()
    assert comment_round.closes_at - comment_round.opens_at == timedelta(days=21)

    task = CommentRoundTask.objects.get()
    assert [a[0] for a in task.get_actions(principle, mission_editor)] == ["reject"]

    # The round ends; the editors finish the evaluation and the workflow moves on.
    comment_round.closes_at = timezone.now() - timedelta(minutes=1)
    comment_round.opens_at = comment_round.closes_at - timedelta(days=1)
    comment_round.save()
    client.force_login(mission_editor)
    client.post(reverse("rounds_mark_evaluated", args=[comment_round.pk]))

    principle.refresh_from_db()
    comment_round.refresh_from_db()
    assert comment_round.evaluated_at is not None
    workflow_state = principle.workflow_states.get()
    assert workflow_state.current_task_state.task.name == "Freigabe"


@pytest.mark.django_db
def test_a_restarted_workflow_reuses_the_round_that_is_not_yet_evaluated(
    principle, round_workflow, mission_editor
):
    principle.save_revision(user=mission_editor)
    state = round_workflow.start(principle, mission_editor)
    state.cancel(user=mission_editor)
    principle.save_revision(user=mission_editor)
    round_workflow.start(principle, mission_editor)
    assert CommentRound.objects.count() == 1
