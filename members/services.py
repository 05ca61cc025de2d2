"""Membership changes: automatic by e-mail domain, by staff decision, or by account deletion.

A membership staff ended stays ended: no verified address or login grants it again
until staff restore it or approve a new request.

Views, signal handlers, the admin and management commands call these functions;
they hold the rules, so every path behaves the same.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from .choices import MembershipSource, RequestStatus
from .mail import absolute_url, render_email, send_after_commit
from .models import Membership, MembershipEnding, MembershipRequest, Organisation
from .roles import Role, forget_roles

AUTO_APPROVAL_NOTE = "Automatisch erledigt: bestätigte E-Mail-Adresse der Organisation."


def member_group() -> Group:
    return Group.objects.get(name=Role.MEMBER)


def grant_membership(user, organisation: Organisation, source: str) -> Membership:
    """Make ``user`` a member of ``organisation`` (moving an existing membership there)."""
    membership, created = Membership.objects.get_or_create(
        user=user, defaults={"organisation": organisation, "source": source}
    )
    if not created and membership.organisation_id != organisation.pk:
        membership.organisation = organisation
        membership.source = source
        membership.save(update_fields=["organisation", "source"])
    # Saving a membership adds the group (signals.py); make sure for the unchanged case too.
    user.groups.add(member_group())
    forget_roles(user)
    return membership


def organisation_for_user(user) -> Organisation | None:
    """The active organisation owning one of ``user``'s verified addresses, primary first."""
    addresses = EmailAddress.objects.filter(user=user, verified=True).order_by("-primary", "pk")
    for address in addresses:
        organisation = Organisation.objects.for_email(address.email).first()
        if organisation:
            return organisation
    return None


def sync_membership(user) -> Membership | None:
    """Grant membership by verified address domain; existing memberships stay as they are.

    Never for someone whose membership staff ended: only staff grant it again.

    Runs at every login, so the usual case (already a member, or no matching
    domain) only reads: no transaction, no write lock.
    """
    if not user.is_active or Membership.objects.filter(user=user).exists():
        return None
    if MembershipEnding.objects.filter(user=user).exists():
        return None
    organisation = organisation_for_user(user)
    if organisation is None:
        return None
    with transaction.atomic():
        membership = grant_membership(user, organisation, MembershipSource.EMAIL_DOMAIN)
        # A request the person made before verifying their work address is settled now.
        MembershipRequest.objects.pending().filter(user=user).update(
            status=RequestStatus.APPROVED,
            decided_at=timezone.now(),
            decision_note=AUTO_APPROVAL_NOTE,
        )
    return membership


@transaction.atomic
def end_membership(membership: Membership, ended_by) -> MembershipEnding:
    """End ``membership``; the person stays registered and is told on their account page."""
    ending, _ = MembershipEnding.objects.update_or_create(
        user=membership.user,
        defaults={
            "organisation": membership.organisation,
            "ended_at": timezone.now(),
            "ended_by": ended_by,
        },
    )
    # Deleting the row removes the role group (signals.py) and answers every
    # "member of which organisation?" with none.
    membership.delete()
    log(instance=ending, action="members.membership.end", user=ended_by)
    return ending


@transaction.atomic
def restore_membership(
    ending: MembershipEnding, organisation: Organisation, restored_by
) -> Membership:
    """Undo an ending: ``ending.user`` is a member of ``organisation`` again."""
    log(instance=ending, action="members.membership.restore", user=restored_by)
    # Granting lifts the ending (signals.py), whichever path grants.
    return grant_membership(ending.user, organisation, MembershipSource.STAFF)


def rename(user, first_name: str, last_name: str) -> None:
    """The name a person gives on *Mein Konto*; it appears beside what they write."""
    user.first_name, user.last_name = first_name, last_name
    user.save(update_fields=["first_name", "last_name"])


@transaction.atomic
def request_membership(user, organisation: Organisation, message: str = "") -> MembershipRequest:
    membership_request = MembershipRequest.objects.create(
        user=user, organisation=organisation, message=message
    )
    log(instance=membership_request, action="members.request.create", user=user)
    return membership_request


@transaction.atomic
def decide_request(
    membership_request: MembershipRequest, approve: bool, decided_by, note: str = ""
) -> MembershipRequest:
    """Approve or reject a pending request and tell the person by e-mail."""
    membership_request = MembershipRequest.objects.select_for_update().get(pk=membership_request.pk)
    if not membership_request.is_pending:
        raise ValueError("Über diesen Antrag ist bereits entschieden.")
    membership_request.status = RequestStatus.APPROVED if approve else RequestStatus.REJECTED
    membership_request.decided_at = timezone.now()
    membership_request.decided_by = decided_by
    membership_request.decision_note = note
    membership_request.save()
    user = membership_request.user
    if approve:
        grant_membership(user, membership_request.organisation, MembershipSource.REQUEST)
    log(
        instance=membership_request,
        action="members.request.approve" if approve else "members.request.reject",
        user=decided_by,
    )
    if user.email:
        send_after_commit(
            render_email(
                "members/email/request_decided",
                {
                    "user": user,
                    "membership_request": membership_request,
                    "approved": approve,
                    "account_url": absolute_url(reverse("members:account")),
                },
                to=[user.email],
            )
        )
    return membership_request


@transaction.atomic
def delete_account(user) -> None:
    """Delete ``user``; their posts stay, attributed to their organisation only.

    Authored content keeps its organisation on its own row (see the discussion
    models), so removing the person leaves "former member, Stadt Musterhausen".
    """
    address = user.email
    # The audit log keeps the fact, not the person: no name or address in its label.
    log(instance=user, action="members.account.delete", user=None, title=f"Konto Nr. {user.pk}")
    user.delete()
    if address:
        send_after_commit(render_email("members/email/account_deleted", {}, to=[address]))
