"""The roles of DESIGN.md as Django groups, with Wagtail page and collection permissions.

Editors may add and change pages in their own strand only; publishing is for
approvers (and administrators, who are superusers). Which role edits which strand
is in ``strands.registry``. These are the rights a fresh installation starts with:
from then on the groups' page permissions in the admin decide, and every check of
"may edit this page" reads them, never the group's name.
"""

from enum import StrEnum

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page


class Role(StrEnum):
    """Group names; the groups are created by migration 0001_roles."""

    MEMBER = "Mitglieder"
    MODERATOR = "Moderation"
    MISSION_EDITOR = "Redaktion Leitbild"
    GUIDANCE_EDITOR = "Redaktion Handlungshilfen"
    APPROVER = "Freigabe"


EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page", "unlock_page"]
APPROVER_PAGE_PERMISSIONS = ["change_page", "publish_page"]
# Editors run the comment rounds of their strand (rounds/permissions.py narrows it to
# the pages they may edit).
ROUND_PERMISSIONS = [
    ("rounds", "add_commentround"),
    ("rounds", "change_commentround"),
    ("rounds", "view_commentround"),
]
MEDIA_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_pages(group: Group, page: Page, codenames: list[str]) -> None:
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission("wagtailcore", codename)
        )


def _grant_admin_and_media(group: Group) -> None:
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    root_collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    for app_label, codename in MEDIA_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=root_collection,
            permission=_permission(app_label, codename),
        )


def ensure_roles(strand_roots: dict[Role, Page]) -> dict[Role, Group]:
    """Give each strand's editor role (key) its index page (value), and approvers all of them.

    Creates missing groups and adds missing rights; idempotent, and never takes a
    right away that an administrator granted in the admin.
    """
    groups = {role: Group.objects.get_or_create(name=role.value)[0] for role in Role}
    _grant_admin_and_media(groups[Role.APPROVER])
    for editor_role, root in strand_roots.items():
        editors = groups[editor_role]
        _grant_admin_and_media(editors)
        editors.permissions.add(*(_permission(*name) for name in ROUND_PERMISSIONS))
        _grant_pages(editors, root, EDITOR_PAGE_PERMISSIONS)
        _grant_pages(groups[Role.APPROVER], root, APPROVER_PAGE_PERMISSIONS)
    return groups


def role_names(user) -> frozenset[str]:
    """The role groups ``user`` is in; read once per request and kept on the user object."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_role_names", None)
    if cached is None:
        cached = frozenset(
            user.groups.filter(name__in=[role.value for role in Role]).values_list(
                "name", flat=True
            )
        )
        user._role_names = cached
    return cached


def forget_roles(user) -> None:
    """Drop the cached role names after changing ``user``'s groups."""
    user.__dict__.pop("_role_names", None)
