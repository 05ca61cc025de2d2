"""A membership ended in the admin stays ended until staff restore it; the person sees why."""

import json
import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import ModelLogEntry

from discussions import permissions as discussion_rules
from members.choices import MembershipSource, RequestStatus
from members.identity import organisation_of
from members.models import Membership, MembershipEnding, MembershipRequest
from members.permissions import can_request_membership, is_member
from members.services import end_membership
from rounds import permissions as round_rules
from rounds.models import CommentRound
from tests import factories


def fresh(user):
    """The user as the next request loads it: no cached roles or membership."""
    return get_user_model().objects.get(pk=user.pk)


def log_in(client, user):
    """Through allauth's login form, so the login signals run as in the portal."""
    client.logout()
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": factories.PASSWORD}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return client


def end_in_admin(client, member):
    membership = Membership.objects.get(user=member)
    response = client.post(reverse("mitgliedschaften:delete", args=[membership.pk]))
    assert response.status_code == 302
    return response


@pytest.fixture
def ended(as_user, superuser, member):
    """``member`` (verified address in the organisation's domain), ended by an administrator."""
    end_in_admin(as_user(superuser), member)
    return fresh(member)


@pytest.mark.django_db
def test_a_membership_ended_in_the_admin_stays_ended_after_the_next_login(client, ended):
    log_in(client, ended)
    assert not Membership.objects.filter(user=ended).exists()
    assert not is_member(fresh(ended))
    ending = MembershipEnding.objects.get(user=ended)
    assert ending.organisation.name == "Stadt Musterhausen"


@pytest.mark.django_db
def test_confirming_another_work_address_does_not_undo_the_ending(as_user, mailbox, ended):
    client = as_user(ended)
    with mailbox.collect():
        client.post(
            reverse("account_email"), {"action_add": "", "email": "stefan@musterhausen.example"}
        )
    link = re.search(r"(/accounts/confirm-email/\S+/)", mailbox.outbox[-1].body).group(1)
    client.post(link)
    assert not Membership.objects.filter(user=ended).exists()


@pytest.mark.django_db
def test_the_admin_explains_what_ending_means(as_user, superuser, member):
    membership = Membership.objects.get(user=member)
    page = as_user(superuser).get(reverse("mitgliedschaften:delete", args=[membership.pk]))
    html = page.content.decode()
    assert "Mitgliedschaft beenden" in html
    assert "wird es auch über ihre E-Mail-Adresse nicht wieder" in html


@pytest.mark.django_db
def test_ending_is_recorded_and_audit_logged(ended, superuser):
    ending = MembershipEnding.objects.get(user=ended)
    assert ending.ended_by == superuser
    assert abs(ending.ended_at - timezone.now()) < timedelta(minutes=1)
    entry = ModelLogEntry.objects.get(action="members.membership.end")
    assert entry.user_id == superuser.pk
    # The audit log outlives accounts: no name or address in its label.
    assert "Neumann" not in entry.label and "@" not in entry.label


@pytest.mark.django_db
def test_the_account_page_says_who_ended_the_membership_and_how_to_ask_again(as_user, ended):
    ending = MembershipEnding.objects.get(user=ended)
    page = as_user(ended).get(reverse("members:account")).content.decode()
    day = date_format(timezone.localtime(ending.ended_at), "j. F Y")
    assert (
        f"Ihre Mitgliedschaft für <strong>Stadt Musterhausen</strong> wurde am {day} "
        "von der Verwaltung beendet." in page
    )
    assert "Mitgliedschaft beantragen" in page  # asking again goes to staff
    assert "werden Sie automatisch Mitglied" not in page  # no longer true for this person
    assert "Sie sind Mitglied" not in page


@pytest.mark.django_db
def test_the_data_export_names_the_ending(as_user, ended):
    data = json.loads(as_user(ended).get(reverse("members:export")).content)
    assert data["mitgliedschaft"] is None
    assert data["beendete_mitgliedschaft"]["organisation"] == "Stadt Musterhausen"
    assert data["beendete_mitgliedschaft"]["beendet_am"]


@pytest.mark.django_db
def test_a_new_request_after_ending_waits_for_staff(client, as_user, ended, organisation):
    assert can_request_membership(ended)
    response = as_user(ended).post(
        reverse("members:request"), {"organisation": organisation.pk, "message": "Versehen?"}
    )
    assert response.status_code == 302
    log_in(client, ended)  # a login must not approve it by the e-mail domain
    request = MembershipRequest.objects.get(user=ended)
    assert request.status == RequestStatus.PENDING
    assert not Membership.objects.filter(user=ended).exists()
    page = client.get(reverse("members:account")).content.decode()
    assert "wird geprüft" in page


@pytest.mark.django_db
def test_approving_a_new_request_lifts_the_ending(as_user, superuser, ended, organisation):
    as_user(ended).post(reverse("members:request"), {"organisation": organisation.pk})
    request = MembershipRequest.objects.get(user=ended)
    as_user(superuser).post(
        reverse("mitgliedsantraege:edit", args=[request.pk]), {"decision": "True"}
    )
    assert Membership.objects.get(user=ended).source == MembershipSource.REQUEST
    assert not MembershipEnding.objects.filter(user=ended).exists()


@pytest.mark.django_db
def test_staff_restore_an_ended_membership_in_the_admin(client, as_user, superuser, ended):
    admin = as_user(superuser)
    listing = admin.get(reverse("beendete_mitgliedschaften:index")).content.decode()
    assert "Stefan Neumann" in listing
    ending = MembershipEnding.objects.get(user=ended)
    form = admin.get(reverse("beendete_mitgliedschaften:edit", args=[ending.pk]))
    assert form.status_code == 200
    response = admin.post(
        reverse("beendete_mitgliedschaften:edit", args=[ending.pk]),
        {"organisation": ending.organisation_id},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=ended)
    assert (membership.organisation.name, membership.source) == (
        "Stadt Musterhausen",
        MembershipSource.STAFF,
    )
    assert not MembershipEnding.objects.filter(user=ended).exists()
    entry = ModelLogEntry.objects.get(action="members.membership.restore")
    assert entry.user_id == superuser.pk
    log_in(client, ended)
    assert is_member(fresh(ended))


@pytest.mark.django_db
def test_endings_are_not_deleted_or_added_by_hand(as_user, superuser, ended):
    client = as_user(superuser)
    ending = MembershipEnding.objects.get(user=ended)
    assert client.get(reverse("beendete_mitgliedschaften:add")).status_code in (302, 403)
    delete_url = reverse("beendete_mitgliedschaften:delete", args=[ending.pk])
    assert client.post(delete_url).status_code in (302, 403)
    assert MembershipEnding.objects.filter(pk=ending.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["member", "registered", "moderator"])
def test_only_staff_restore_memberships(request, as_user, superuser, other_member, role):
    end_in_admin(as_user(superuser), other_member)
    ending = MembershipEnding.objects.get(user=other_member)
    client = as_user(request.getfixturevalue(role))
    assert client.get(reverse("beendete_mitgliedschaften:index")).status_code in (302, 403)
    response = client.post(
        reverse("beendete_mitgliedschaften:edit", args=[ending.pk]),
        {"organisation": ending.organisation_id},
    )
    assert response.status_code in (302, 403)
    assert not Membership.objects.filter(user=other_member).exists()


@pytest.fixture
def open_round(mission_index, organisation):
    page = factories.mission_page(mission_index, title="Offene Standards", body=factories.body())
    now = timezone.now()
    comment_round = CommentRound.freeze(
        page, opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=7)
    )
    comment_round.save()
    comment_round.audience_organisations.add(organisation)
    return comment_round


@pytest.mark.django_db
def test_an_ended_member_is_no_member_anywhere(client, superuser, member, open_round):
    user = fresh(member)
    assert round_rules.can_comment(user, open_round)  # before: a member of the audience
    end_membership(Membership.objects.get(user=member), ended_by=superuser)
    log_in(client, member)
    user = fresh(member)
    assert not is_member(user)
    assert organisation_of(user) is None
    assert not round_rules.can_comment(user, open_round)
    assert not round_rules.can_view_text(user, open_round)
    assert not CommentRound.objects.addressed_to(user).exists()
    assert not discussion_rules.can_view(user)
    assert client.get("/diskussion/").status_code != 200
