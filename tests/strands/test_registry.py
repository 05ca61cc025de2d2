"""strands.registry: one table of per-strand facts, the same for both strands; and one
source of truth for who may edit a strand: Wagtail's page permissions."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

from members.roles import Role
from rounds.admin_forms import pages_editable_by
from rounds.models import CommentRound
from rounds.permissions import RUN_ROUNDS, can_run_rounds_on
from strands.choices import Strand
from strands.registry import STRANDS, StrandEntry, entry_for, entry_of_page, text_models
from tests import factories
from tests.versions.helpers import edit_form
from versions.mixins import VersionedPage

STRAND_VALUES = [strand.value for strand in Strand]


def other_than(entry: StrandEntry) -> StrandEntry:
    (other,) = [candidate for candidate in STRANDS if candidate is not entry]
    return other


def strand_text(entry: StrandEntry, title: str) -> Page:
    index = entry.index_model.objects.get()
    return factories.draft_child(
        index, entry.text_models[0](title=title, body=factories.body(1, 2))
    )


def open_round(page: Page) -> CommentRound:
    now = timezone.now()
    comment_round = CommentRound.freeze(
        page, opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=7)
    )
    comment_round.save()
    return comment_round


def fresh(user):
    """The user as the next request sees it: Django and Wagtail cache rights on the object."""
    return get_user_model().objects.get(pk=user.pk)


# --- The table ---------------------------------------------------------------------


def test_the_registry_has_one_entry_per_strand_in_order():
    assert [entry.strand for entry in STRANDS] == list(Strand)


@pytest.mark.parametrize("strand", STRAND_VALUES)
def test_each_entry_names_page_types_of_its_own_strand(strand):
    entry = entry_for(strand)
    assert entry.strand == strand
    assert entry.slug == strand
    assert entry.index_model.strand == strand
    assert entry.text_models
    for model in entry.text_models:
        assert model.strand == strand
        assert issubclass(model, VersionedPage)
        assert model in entry.index_model.allowed_subpage_models()
    assert entry.editor_role in Role


def test_per_strand_facts_are_never_shared():
    for fact in ("index_model_name", "editor_role", "workflow", "review_task"):
        assert len({getattr(entry, fact) for entry in STRANDS}) == len(STRANDS), fact
    assert len(text_models()) == len(set(text_models()))


def test_every_versioned_page_type_is_in_the_registry():
    """A new strand page type must join the table, or rounds and feeds would miss it."""
    concrete = {
        model
        for model in apps.get_models()
        if issubclass(model, VersionedPage) and not model._meta.abstract
    }
    assert set(text_models()) == concrete


def test_unknown_strands_have_no_entry():
    assert entry_for("diskussion") is None
    assert entry_for("") is None


@pytest.mark.django_db
@pytest.mark.parametrize("strand", STRAND_VALUES)
def test_set_up_builds_each_strand_from_its_entry(home, strand):
    entry = entry_for(strand)
    index = entry.index_model.objects.child_of(home).get()
    assert (index.slug, index.title) == (entry.slug, entry.title)
    assert entry_of_page(index) == entry

    workflow = WorkflowPage.objects.get(page=index).workflow
    review, *_ = workflow.tasks.specific()
    assert workflow.name == entry.workflow
    assert review.name == entry.review_task
    assert list(review.groups.values_list("name", flat=True)) == [entry.editor_role]

    editors = Group.objects.get(name=entry.editor_role)
    other_index = other_than(entry).index_model.objects.get()
    granted = GroupPagePermission.objects.filter(group=editors)
    assert granted.filter(page=index, permission__codename="change_page").exists()
    assert not granted.filter(page=other_index).exists()


# --- One source of truth for "may edit this strand" --------------------------------


def rights(client, user, text: Page, comment_round: CommentRound) -> dict[str, bool]:
    """What ``user`` may do with ``text`` in rounds and versions, by every way in."""
    user = fresh(user)
    client.force_login(user)
    add_form = client.get(reverse("comment_rounds:add")).context["form"]
    return {
        "may run a round (rule)": can_run_rounds_on(user, text),
        "may open a round (rule)": text.pk in [page.pk for page in pages_editable_by(user)],
        "may open a round (admin form)": text.pk
        in [pk for pk, _label in add_form.fields["page_choice"].choices],
        "answers comments (admin)": client.get(
            reverse("rounds_evaluate", args=[comment_round.pk])
        ).status_code
        == 200,
        "edits the text (admin)": client.get(
            reverse("wagtailadmin_pages:edit", args=[text.pk])
        ).status_code
        == 200,
        "may edit (page rule)": text.permissions_for_user(user).can_edit(),
    }


def allowed(text_rights: dict[str, bool]) -> bool | dict[str, bool]:
    """True or False when all ways in agree; else the disagreement, for the message."""
    values = set(text_rights.values())
    return values.pop() if len(values) == 1 else text_rights


def move_page_permissions_in_admin(client, group: Group, source: Page, target: Page) -> None:
    """Re-point the group's page permissions from ``source`` to ``target``, as an
    administrator does in Einstellungen → Gruppen."""
    url = reverse("wagtailusers_groups:edit", args=[group.pk])
    form = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    pointing_at_source = [
        key
        for key, value in form.items()
        if key.startswith("page_permissions-") and key.endswith("-page") and value == str(source.pk)
    ]
    assert len(pointing_at_source) == 1, pointing_at_source
    form[pointing_at_source[0]] = str(target.pk)
    # As lists: the test client would post only the last of several ticked boxes.
    response = client.post(url, {key: form.getlist(key) for key in form})
    assert response.status_code == 302, response.content.decode()[:2000]


@pytest.mark.django_db
@pytest.mark.parametrize("strand", STRAND_VALUES)
def test_rounds_and_versions_follow_the_page_permissions_set_in_the_admin(
    client, admin_client, home, strand
):
    entry, other = entry_for(strand), other_than(entry_for(strand))
    own_text = strand_text(entry, "Eigener Text")
    other_text = strand_text(other, "Text des anderen Strangs")
    own_round, other_round = open_round(own_text), open_round(other_text)
    editor = factories.user(f"redaktion-{strand}@example.org", groups=(entry.editor_role,))

    assert allowed(rights(client, editor, own_text, own_round)) is True
    assert allowed(rights(client, editor, other_text, other_round)) is False

    move_page_permissions_in_admin(
        admin_client,
        Group.objects.get(name=entry.editor_role),
        entry.index_model.objects.get(),
        other.index_model.objects.get(),
    )

    assert allowed(rights(client, editor, own_text, own_round)) is False
    assert allowed(rights(client, editor, other_text, other_round)) is True

    # ... and sends the other strand's text into that strand's publication workflow.
    url, form = edit_form(client, other_text)
    form["action-submit"] = "action-submit"
    assert client.post(url, form).status_code == 302
    state = WorkflowState.objects.for_instance(other_text).get()
    assert state.workflow.name == other.workflow


@pytest.mark.django_db
@pytest.mark.parametrize("strand", STRAND_VALUES)
def test_removing_a_groups_page_permissions_ends_its_rounds(home, strand):
    entry = entry_for(strand)
    text = strand_text(entry, "Eigener Text")
    editor = factories.user(f"redaktion-{strand}@example.org", groups=(entry.editor_role,))
    assert can_run_rounds_on(fresh(editor), text)

    GroupPagePermission.objects.filter(group__name=entry.editor_role).delete()

    assert not can_run_rounds_on(fresh(editor), text)
    assert pages_editable_by(fresh(editor)) == []


@pytest.mark.django_db
@pytest.mark.parametrize("strand", STRAND_VALUES)
def test_any_group_with_page_and_round_permissions_runs_rounds_whatever_its_name(home, strand):
    entry = entry_for(strand)
    text = strand_text(entry, "Eigener Text")
    guests = Group.objects.create(name="Gastredaktion")
    guests.permissions.add(Permission.objects.get(codename=RUN_ROUNDS.split(".")[1]))
    GroupPagePermission.objects.create(
        group=guests,
        page=entry.index_model.objects.get(),
        permission=Permission.objects.get(codename="change_page"),
    )
    guest = factories.user("gast@example.org", groups=("Gastredaktion",))

    assert can_run_rounds_on(fresh(guest), text)
    assert [page.pk for page in pages_editable_by(fresh(guest))] == [text.pk]


@pytest.mark.django_db
@pytest.mark.parametrize("strand", STRAND_VALUES)
def test_approvers_change_pages_but_do_not_run_rounds(home, strand):
    text = strand_text(entry_for(strand), "Eigener Text")
    approver = factories.user("freigabe@example.org", groups=(Role.APPROVER,))

    assert text.permissions_for_user(fresh(approver)).can_edit()
    assert not can_run_rounds_on(fresh(approver), text)
    assert pages_editable_by(fresh(approver)) == []


@pytest.mark.django_db
@pytest.mark.parametrize("strand", STRAND_VALUES)
def test_set_up_gives_editors_their_round_rights_even_when_the_groups_were_emptied(strand):
    """setup_site restores what a fresh installation grants; a data migration alone
    is lost whenever the groups are rebuilt (an emptied database, a restored backup)."""
    from home.site_tree import ensure_site_tree

    Group.objects.all().delete()
    ensure_site_tree()
    editors = Group.objects.get(name=entry_for(strand).editor_role)
    assert {"add_commentround", "change_commentround", "view_commentround"} <= set(
        editors.permissions.values_list("codename", flat=True)
    )
