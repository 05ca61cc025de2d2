"""The discussion area in the page tree, protected by page privacy; created idempotently."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page, PageViewRestriction

from members.roles import Role
from strands import registry

from .models import DiscussionIndexPage

SLUG = "diskussion"
# Who sees the area (Wagtail page privacy); staff and superusers always pass.
VIEWER_ROLES = [Role.MEMBER, Role.MODERATOR]
# Who may add and publish rooms below it. Adding grants no right to the index page
# itself, so nobody but administrators can change its privacy setting.
ROOM_EDITOR_ROLES = [Role.MODERATOR, *(strand.editor_role for strand in registry.STRANDS)]
ROOM_PAGE_PERMISSIONS = ["add_page", "publish_page"]
MODERATOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("discussions", "view_report"),
    ("discussions", "change_report"),
]


def ensure_discussion_area(home: Page) -> DiscussionIndexPage:
    from portal.page_tree import ensure_child

    index = ensure_child(
        home,
        DiscussionIndexPage,
        SLUG,
        title="Diskussion",
        intro=(
            "<p>Der Mitgliederbereich der Initiative: Hier tauschen sich Beschäftigte der "
            "Mitgliedskommunen und -verbände aus. Bitte bleiben Sie sachlich und schreiben "
            "Sie nichts Vertrauliches.</p>"
        ),
    )
    ensure_privacy(index)
    ensure_permissions(index)
    return index


def ensure_privacy(index: Page) -> PageViewRestriction:
    groups = [Group.objects.get_or_create(name=role.value)[0] for role in VIEWER_ROLES]
    restriction = PageViewRestriction.objects.filter(
        page=index, restriction_type=PageViewRestriction.GROUPS
    ).first()
    if restriction is None:
        # Any other kind of restriction (password, login only) is too weak here.
        PageViewRestriction.objects.filter(page=index).delete()
        restriction = PageViewRestriction.objects.create(
            page=index, restriction_type=PageViewRestriction.GROUPS
        )
    restriction.groups.add(*groups)
    return restriction


def ensure_permissions(index: Page) -> None:
    for role in ROOM_EDITOR_ROLES:
        group = Group.objects.get_or_create(name=role.value)[0]
        for codename in ROOM_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=index,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    moderators = Group.objects.get(name=Role.MODERATOR)
    moderators.permissions.add(
        *[
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in MODERATOR_PERMISSIONS
        ]
    )
