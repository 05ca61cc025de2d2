"""Membership follows verified addresses; the role group follows the membership."""

from allauth.account.signals import email_confirmed, user_signed_up
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete, post_save

from .models import Membership, MembershipEnding
from .roles import forget_roles


def membership_saved(sender, instance: Membership, **kwargs) -> None:
    from .services import member_group

    instance.user.groups.add(member_group())
    # Only staff grant a membership to someone whose membership was ended (the domain
    # never does, see sync_membership), so a membership that exists again lifts it.
    MembershipEnding.objects.filter(user_id=instance.user_id).delete()
    forget_roles(instance.user)


def membership_deleted(sender, instance: Membership, **kwargs) -> None:
    from django.contrib.auth import get_user_model

    from .services import member_group

    # When the user is being deleted too, there is no group link left to remove.
    user = get_user_model().objects.filter(pk=instance.user_id).first()
    if user is not None:
        user.groups.remove(member_group())
    if Membership.user.is_cached(instance):
        forget_roles(instance.user)


def address_confirmed(sender, request, email_address, **kwargs) -> None:
    from .services import sync_membership

    sync_membership(email_address.user)


def user_arrived(sender, request, user, **kwargs) -> None:
    """Sign-up (e.g. by single sign-on with addresses verified there) and every login.

    A login catches people whose organisation got its domain after they verified.
    """
    from .services import sync_membership

    sync_membership(user)


def connect() -> None:
    post_save.connect(membership_saved, sender=Membership, dispatch_uid="members-group-add")
    post_delete.connect(membership_deleted, sender=Membership, dispatch_uid="members-group-rm")
    email_confirmed.connect(address_confirmed, dispatch_uid="members-email-confirmed")
    user_signed_up.connect(user_arrived, dispatch_uid="members-signed-up")
    user_logged_in.connect(user_arrived, dispatch_uid="members-logged-in")
