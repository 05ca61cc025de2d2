"""Who may do what with accounts and memberships; used by views, templates and tests."""

from .roles import Role, role_names


def is_staff(user) -> bool:
    """Administrators: superusers and Django staff accounts."""
    return bool(user.is_authenticated and user.is_active and (user.is_superuser or user.is_staff))


def is_member(user) -> bool:
    """In the role group "Mitglieder" (granted by a membership, or by staff directly)."""
    return Role.MEMBER in role_names(user)


def is_moderator(user) -> bool:
    return Role.MODERATOR in role_names(user)


def can_request_membership(user) -> bool:
    """Registered people without membership may ask for one."""
    return bool(
        user.is_authenticated
        and user.is_active
        and not is_member(user)
        and not hasattr(user, "membership")
    )


def can_decide_membership_requests(user) -> bool:
    return user.is_active and user.has_perm("members.change_membershiprequest")


def can_delete_own_account(user) -> bool:
    """Administrators are removed by another administrator, never by themselves."""
    return bool(user.is_authenticated and user.is_active and not user.is_superuser)
