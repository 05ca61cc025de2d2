"""Membership by verified e-mail domain, by request and staff decision; the admin for it."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import ModelLogEntry

from members.choices import MembershipSource, RequestStatus
from members.models import Membership, MembershipRequest, OrganisationDomain
from members.permissions import is_member
from members.roles import Role
from members.services import decide_request, request_membership, sync_membership
from tests import factories


def sign_up(client, email: str, mailbox) -> str:
    """Sign up through allauth; return the verification link from the e-mail."""
    with mailbox.collect():
        response = client.post(
            reverse("account_signup"),
            {
                "email": email,
                "password1": factories.PASSWORD,
                "password2": factories.PASSWORD,
                "first_name": "Maria",
                "last_name": "Schulz",
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    body = mailbox.outbox[-1].body
    return re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+/)", body).group(1)


def confirm(client, link: str):
    return client.post(link)


@pytest.mark.django_db
def test_verifying_an_address_of_the_organisation_makes_a_member(client, mailbox, organisation):
    link = sign_up(client, "m.schulz@Musterhausen.example", mailbox)
    user = get_user_model().objects.get(email__iexact="m.schulz@musterhausen.example")
    assert not Membership.objects.filter(user=user).exists()  # not before verification

    response = confirm(client, link)
    assert response.status_code == 302
    membership = Membership.objects.get(user=user)
    assert membership.organisation == organisation
    assert membership.source == MembershipSource.EMAIL_DOMAIN
    assert user.groups.filter(name=Role.MEMBER).exists()
    assert (user.first_name, user.last_name) == ("Maria", "Schulz")
    # Confirming in the sign-up browser logs in and shows the membership.
    page = client.get(reverse("members:account")).content.decode()
    assert "Sie sind Mitglied für <strong>Stadt Musterhausen</strong>" in page


@pytest.mark.django_db
def test_an_address_outside_every_domain_stays_registered(client, mailbox, organisation):
    link = sign_up(client, "maria@post.example", mailbox)
    confirm(client, link)
    user = get_user_model().objects.get(email="maria@post.example")
    assert EmailAddress.objects.get(user=user).verified
    assert not Membership.objects.filter(user=user).exists()
    assert not is_member(user)


@pytest.mark.django_db
def test_a_subdomain_is_not_the_organisations_domain(client, mailbox, organisation):
    confirm(client, sign_up(client, "x@evil.musterhausen.example.com", mailbox))
    assert not Membership.objects.exists()


@pytest.mark.django_db
def test_an_inactive_organisation_makes_no_members(client, mailbox, organisation):
    organisation.active = False
    organisation.save()
    confirm(client, sign_up(client, "m.schulz@musterhausen.example", mailbox))
    assert not Membership.objects.exists()


@pytest.mark.django_db
def test_adding_a_work_address_later_makes_a_member(as_user, mailbox, registered, organisation):
    client = as_user(registered)
    with mailbox.collect():
        client.post(
            reverse("account_email"), {"action_add": "", "email": "l.fischer@musterhausen.example"}
        )
    link = re.search(r"(/accounts/confirm-email/\S+/)", mailbox.outbox[-1].body).group(1)
    client.post(link)
    assert Membership.objects.get(user=registered).organisation == organisation


@pytest.mark.django_db
def test_a_domain_added_later_grants_membership_at_the_next_login(client, registered, home):
    org = factories.organisation("Verband Post", domains=(), kind="verband")
    client.post(
        reverse("account_login"), {"login": registered.email, "password": factories.PASSWORD}
    )
    assert not Membership.objects.exists()
    OrganisationDomain.objects.create(organisation=org, domain="post.example")
    client.logout()
    client.post(
        reverse("account_login"), {"login": registered.email, "password": factories.PASSWORD}
    )
    assert Membership.objects.get(user=registered).organisation == org


@pytest.mark.django_db
def test_an_unverified_address_grants_nothing(organisation):
    user = factories.user("x@musterhausen.example", verified=False)
    assert sync_membership(user) is None
    assert not is_member(user)


@pytest.mark.django_db
def test_ending_a_membership_removes_the_role(member):
    assert is_member(member)
    Membership.objects.get(user=member).delete()
    member = get_user_model().objects.get(pk=member.pk)
    assert not is_member(member)


# --- Requests --------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_registered_person_requests_membership_on_the_account_page(
    as_user, registered, organisation
):
    client = as_user(registered)
    page = client.get(reverse("members:account")).content.decode()
    assert "Mitgliedschaft beantragen" in page
    assert "Stadt Musterhausen" in page

    missing = client.post(reverse("members:request"), {"message": "Ich bin im Hauptamt."})
    assert missing.status_code == 400
    assert "Bitte wählen Sie Ihre Organisation." in missing.content.decode()
    assert "Ich bin im Hauptamt." in missing.content.decode()

    response = client.post(
        reverse("members:request"),
        {"organisation": organisation.pk, "message": "Ich bin im Hauptamt."},
    )
    assert response.status_code == 302
    request_ = MembershipRequest.objects.get()
    assert (request_.user, request_.status) == (registered, RequestStatus.PENDING)
    page = client.get(reverse("members:account")).content.decode()
    assert "wird geprüft" in page
    assert "Mitgliedschaft beantragen" not in page

    client.post(reverse("members:request"), {"organisation": organisation.pk})
    assert MembershipRequest.objects.count() == 1  # one open request at a time


@pytest.mark.django_db
def test_inactive_organisations_cannot_be_requested(as_user, registered, organisation):
    organisation.active = False
    organisation.save()
    response = as_user(registered).post(
        reverse("members:request"), {"organisation": organisation.pk}
    )
    assert response.status_code == 400
    assert not MembershipRequest.objects.exists()


@pytest.mark.django_db
def test_members_do_not_request_again(as_user, member, organisation):
    client = as_user(member)
    assert (
        "Mitgliedschaft beantragen" not in client.get(reverse("members:account")).content.decode()
    )
    client.post(reverse("members:request"), {"organisation": organisation.pk})
    assert not MembershipRequest.objects.exists()


@pytest.mark.django_db
def test_requesting_needs_a_login_and_a_csrf_token(client, registered, organisation):
    response = client.post(reverse("members:request"), {"organisation": organisation.pk})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(registered)
    assert (
        strict.post(reverse("members:request"), {"organisation": organisation.pk}).status_code
        == 403
    )
    assert not MembershipRequest.objects.exists()


@pytest.fixture
def pending(registered, organisation):
    return request_membership(registered, organisation, "Ich leite das Hauptamt.")


@pytest.mark.django_db
def test_staff_see_pending_requests_on_the_dashboard(as_user, superuser, pending):
    html = as_user(superuser).get(reverse("wagtailadmin_home")).content.decode()
    assert "Offene Mitgliedsanträge" in html
    assert "Ein Antrag wartet" in html
    assert "Lena Fischer" in html
    assert reverse("mitgliedsantraege:edit", args=[pending.pk]) in html


@pytest.mark.django_db
def test_staff_approve_a_request_and_the_person_is_told(as_user, mailbox, superuser, pending):
    client = as_user(superuser)
    form = client.get(reverse("mitgliedsantraege:edit", args=[pending.pk]))
    assert form.status_code == 200
    assert "Ich leite das Hauptamt." in form.content.decode()
    with mailbox.collect():
        response = client.post(
            reverse("mitgliedsantraege:edit", args=[pending.pk]),
            {"decision": "True", "decision_note": "Willkommen!"},
        )
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == RequestStatus.APPROVED and pending.decided_by == superuser
    membership = Membership.objects.get(user=pending.user)
    assert membership.source == MembershipSource.REQUEST
    assert is_member(get_user_model().objects.get(pk=pending.user.pk))
    [mail] = mailbox.outbox
    assert mail.to == [pending.user.email]
    assert mail.subject == "[Kommunal souverän] Ihre Mitgliedschaft ist bestätigt"
    assert "Sie sind jetzt Mitglied für Stadt Musterhausen" in mail.body
    assert "Willkommen!" in mail.body
    assert ModelLogEntry.objects.filter(action="members.request.approve").exists()
    # Decided once, not twice.
    assert client.get(reverse("mitgliedsantraege:edit", args=[pending.pk])).status_code == 302


@pytest.mark.django_db
def test_staff_reject_a_request_with_a_reason(as_user, mailbox, superuser, pending):
    with mailbox.collect():
        as_user(superuser).post(
            reverse("mitgliedsantraege:edit", args=[pending.pk]),
            {"decision": "False", "decision_note": "Keine Mitgliedskommune."},
        )
    pending.refresh_from_db()
    assert pending.status == RequestStatus.REJECTED
    assert not Membership.objects.exists()
    [mail] = mailbox.outbox
    assert "abgelehnt" in mail.subject and "Keine Mitgliedskommune." in mail.body
    page = as_user(pending.user).get(reverse("members:account")).content.decode()
    assert "abgelehnt" in page and "Keine Mitgliedskommune." in page


@pytest.mark.django_db
def test_a_decision_needs_a_choice(as_user, superuser, pending):
    response = as_user(superuser).post(
        reverse("mitgliedsantraege:edit", args=[pending.pk]), {"decision_note": ""}
    )
    assert response.status_code == 200  # the form again, with its error
    pending.refresh_from_db()
    assert pending.status == RequestStatus.PENDING


@pytest.mark.django_db
def test_verifying_a_work_address_settles_an_open_request(registered, organisation, pending):
    EmailAddress.objects.create(
        user=registered, email="l.fischer@musterhausen.example", verified=True
    )
    sync_membership(registered)
    pending.refresh_from_db()
    assert pending.status == RequestStatus.APPROVED


@pytest.mark.django_db
def test_a_decided_request_cannot_be_decided_again(superuser, pending):
    decide_request(pending, approve=False, decided_by=superuser)
    with pytest.raises(ValueError, match="bereits entschieden"):
        decide_request(pending, approve=True, decided_by=superuser)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["member", "moderator", "registered"])
def test_only_staff_with_the_right_decide_requests(request, as_user, pending, role):
    client = as_user(request.getfixturevalue(role))
    for name in ["mitgliedsantraege:index", "organisationen:index", "mitgliedschaften:index"]:
        assert client.get(reverse(name)).status_code in (302, 403), name
    response = client.post(
        reverse("mitgliedsantraege:edit", args=[pending.pk]), {"decision": "True"}
    )
    assert response.status_code in (302, 403)
    pending.refresh_from_db()
    assert pending.status == RequestStatus.PENDING
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert "Offene Mitgliedsanträge" not in dashboard.content.decode()


@pytest.mark.django_db
def test_requests_are_not_created_in_the_admin(as_user, superuser, pending):
    client = as_user(superuser)
    assert client.get(reverse("mitgliedsantraege:add")).status_code in (302, 403)


@pytest.mark.django_db
def test_staff_add_a_member_by_hand(as_user, superuser, registered, organisation):
    response = as_user(superuser).post(
        reverse("mitgliedschaften:add"), {"user": registered.pk, "organisation": organisation.pk}
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=registered)
    assert membership.source == MembershipSource.STAFF
    assert is_member(get_user_model().objects.get(pk=registered.pk))


@pytest.mark.django_db
def test_the_admin_lists_organisations_with_search_and_filters(as_user, superuser, organisation):
    factories.organisation(
        "Gemeinde Modellingen", domains=("modellingen.example",), kind="gemeinde"
    )
    client = as_user(superuser)
    by_domain = client.get(reverse("organisationen:index"), {"q": "modellingen.example"})
    assert "Gemeinde Modellingen" in by_domain.content.decode()
    assert "Stadt Musterhausen" not in by_domain.content.decode()
    by_kind = client.get(reverse("organisationen:index"), {"kind": "stadt"}).content.decode()
    assert "Stadt Musterhausen" in by_kind and "Gemeinde Modellingen" not in by_kind
    edit = client.get(reverse("organisationen:edit", args=[organisation.pk]))
    assert edit.status_code == 200
