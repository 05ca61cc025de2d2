"""Editors submit, the strand's editors review, approvers approve: only then a version exists."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import GroupApprovalTask, WorkflowState, WorkflowTask

from home.site_tree import ensure_site_tree
from strands.registry import entry_for
from versions.models import Version

from .helpers import edit_form, reload

REVIEW_TASKS = {
    "leitbild": "Redaktionelle Prüfung Leitbild",
    "handlungshilfen": "Redaktionelle Prüfung Handlungshilfen",
}


def submit(client, page, **fields):
    url, form = edit_form(client, page, **fields)
    form["action-submit"] = "action-submit"
    return client.post(url, form)


def act(client, page, action: str, comment: str = ""):
    """Approve or reject the page's current task, as from the admin dashboard."""
    task_state = reload(page).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def versions_of(page) -> list[str]:
    return [version.label for version in Version.objects.of_page(page).newest_first()]


@pytest.mark.django_db
def test_each_strand_has_review_then_approval_workflow(strand, text_page):
    workflow = reload(text_page).get_workflow()
    entry = entry_for(strand["key"])
    assert workflow.name == entry.workflow
    tasks = list(workflow.tasks.specific())
    assert [task.name for task in tasks] == [entry.review_task, "Freigabe"]
    assert [list(task.groups.values_list("name", flat=True)) for task in tasks] == [
        [entry.editor_role],
        ["Freigabe"],
    ]


@pytest.mark.django_db
def test_setting_up_twice_keeps_an_administrators_workflow(text_page, mission_index):
    workflow = reload(text_page).get_workflow()
    WorkflowTask.objects.filter(workflow=workflow).delete()
    ensure_site_tree()
    assert not WorkflowTask.objects.filter(workflow=workflow).exists()
    assert mission_index.get_workflow() is not None


@pytest.mark.django_db
def test_editor_cannot_publish_directly(client, editor, text_page):
    client.force_login(editor)
    url, form = edit_form(client, text_page, title="Eigenmächtig", change_note="Ohne Freigabe.")
    assert 'name="action-publish"' not in client.get(url).content.decode()

    form["action-publish"] = "action-publish"
    client.post(url, form)

    page = reload(text_page)
    assert page.title == "Offene Standards"  # the live title
    assert page.get_latest_revision_as_object().title == "Eigenmächtig"  # only a draft
    assert versions_of(page) == ["1.0"]
    assert not page.permissions_for_user(editor).can_publish()


@pytest.mark.django_db
def test_approval_publishes_exactly_one_version_and_mails_the_submitter(
    client, strand, editor, approver, text_page
):
    client.force_login(editor)
    response = submit(
        client, text_page, title="Offene Standards, überarbeitet", change_note="Titel geschärft."
    )
    assert response.status_code == 302
    page = reload(text_page)
    assert page.current_workflow_task.name == REVIEW_TASKS[strand["key"]]
    assert versions_of(page) == ["1.0"]

    act(client, page, "approve")  # an editor of the strand reviews
    assert reload(page).current_workflow_task.name == "Freigabe"
    assert versions_of(page) == ["1.0"]
    mail.outbox.clear()

    client.force_login(approver)
    act(client, page, "approve", "Freigegeben in der Sitzung vom 3. März.")

    page = reload(page)
    assert page.title == "Offene Standards, überarbeitet"
    assert versions_of(page) == ["1.1", "1.0"]
    version = page.live_revision.version
    assert version.approver == approver
    assert version.change_note == "Titel geschärft."
    to_submitter = [message for message in mail.outbox if message.to == [editor.email]]
    assert len(to_submitter) == 1
    assert "Offene Standards, überarbeitet" in to_submitter[0].subject
    assert "freigegeben" in to_submitter[0].subject.lower()


@pytest.mark.django_db
def test_rejection_creates_no_version_and_mails_the_comment(client, editor, approver, text_page):
    client.force_login(editor)
    submit(client, text_page, summary="Kürzer.", change_note="Kurzfassung gekürzt.")
    act(client, text_page, "approve")
    mail.outbox.clear()

    client.force_login(approver)
    act(client, text_page, "reject", "Bitte Absatz 2.1 mit der Rechtsabteilung abstimmen.")

    page = reload(text_page)
    assert versions_of(page) == ["1.0"]
    assert page.summary == "Warum offene Standards zählen."
    state = WorkflowState.objects.for_instance(page).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    (message,) = [message for message in mail.outbox if message.to == [editor.email]]
    assert "Bitte Absatz 2.1 mit der Rechtsabteilung abstimmen." in message.body
    assert "Änderungen" in message.subject or "abgelehnt" in message.subject.lower()


@pytest.mark.django_db
def test_only_approvers_can_approve_the_final_step(client, editor, approver, text_page):
    client.force_login(editor)
    submit(client, text_page, title="Neu", change_note="Titel neu.")
    act(client, text_page, "approve")
    response = act(client, text_page, "approve")  # the editor again, now at "Freigabe"
    assert response.status_code in (302, 403)  # Wagtail's admin turns 403 into a message
    assert reload(text_page).current_workflow_task.name == "Freigabe"
    assert versions_of(text_page) == ["1.0"]

    client.force_login(approver)
    submit_url = reverse("wagtailadmin_pages:edit", args=[text_page.pk])
    assert client.get(submit_url).status_code == 200
    act(client, text_page, "approve")
    assert versions_of(text_page) == ["1.1", "1.0"]


@pytest.mark.django_db
def test_submission_without_change_note_gets_a_german_form_error(client, editor, text_page):
    client.force_login(editor)
    response = submit(client, text_page, title="Ohne Hinweis", change_note="")
    assert response.status_code == 200
    assert "Bitte beschreiben Sie im Änderungshinweis" in response.content.decode()
    assert not reload(text_page).workflow_in_progress


@pytest.mark.django_db
def test_a_draft_may_be_saved_without_change_note(client, editor, text_page):
    client.force_login(editor)
    url, form = edit_form(client, text_page, title="Zwischenstand", change_note="")
    assert client.post(url, form).status_code == 302
    assert reload(text_page).get_latest_revision_as_object().title == "Zwischenstand"


@pytest.mark.django_db
def test_the_first_version_needs_no_change_note(client, strand, editor, approver):
    from tests import factories

    page = factories.draft_child(
        strand["index"], strand["model"](title="Ganz neu", body=factories.body(1, 2))
    )
    client.force_login(editor)
    assert submit(client, page, change_note="").status_code == 302
    act(client, page, "approve")
    client.force_login(approver)
    act(client, page, "approve")
    assert versions_of(page) == ["1.0"]


@pytest.mark.django_db
def test_editor_chooses_a_major_change_at_submission(client, editor, approver, text_page):
    client.force_login(editor)
    url, form = edit_form(client, text_page)
    assert form["change_note"].strip() == ""  # the last version's note is not offered again
    assert "Fassung 1.1, eine grundlegende Fassung 2.0" in client.get(url).content.decode()
    submit(client, text_page, change_kind="major", change_note="Neu gegliedert.")
    act(client, text_page, "approve")
    client.force_login(approver)
    act(client, text_page, "approve")
    assert versions_of(text_page) == ["2.0", "1.0"]


@pytest.mark.django_db
def test_an_edit_during_approval_must_keep_a_change_note(client, editor, text_page):
    client.force_login(editor)
    submit(client, text_page, title="Eingereicht", change_note="Titel geändert.")
    url, form = edit_form(client, text_page, change_note="")
    response = client.post(url, form)
    assert response.status_code == 200
    assert "Bitte beschreiben Sie im Änderungshinweis" in response.content.decode()


@pytest.mark.django_db
def test_a_further_task_can_be_inserted_without_code_changes(client, editor, approver, text_page):
    """The comment round of a later issue joins the chain as just another task."""
    workflow = reload(text_page).get_workflow()
    round_task = GroupApprovalTask.objects.create(name="Kommentierungsrunde")
    round_task.groups.add(Group.objects.get(name="Freigabe"))
    approval = WorkflowTask.objects.get(workflow=workflow, task__name="Freigabe")
    approval.sort_order = 2
    approval.save()
    WorkflowTask.objects.create(workflow=workflow, task=round_task, sort_order=1)

    client.force_login(editor)
    submit(client, text_page, title="Nach der Runde", change_note="Ergebnisse der Runde.")
    act(client, text_page, "approve")
    assert reload(text_page).current_workflow_task.name == "Kommentierungsrunde"
    client.force_login(approver)
    act(client, text_page, "approve")
    assert versions_of(text_page) == ["1.0"]
    act(client, text_page, "approve")
    version = reload(text_page).live_revision.version
    assert (version.label, version.approver) == ("1.1", approver)
