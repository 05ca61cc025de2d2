"""The discussion area in the page tree: created once, privacy by groups, rooms by editors."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, PageViewRestriction

from discussions.models import DiscussionIndexPage, DiscussionRoomPage
from discussions.site import ensure_discussion_area
from home.site_tree import ensure_site_tree
from members.roles import Role


@pytest.mark.django_db
def test_the_area_is_created_once_with_group_privacy(home):
    ensure_site_tree()
    ensure_site_tree()
    area = DiscussionIndexPage.objects.get()
    assert area.url == "/diskussion/" and area.live
    [restriction] = PageViewRestriction.objects.filter(page=area)
    assert restriction.restriction_type == PageViewRestriction.GROUPS
    assert {group.name for group in restriction.groups.all()} == {Role.MEMBER, Role.MODERATOR}
    assert not DiscussionIndexPage.objects.public().exists()


@pytest.mark.django_db
def test_a_weakened_restriction_is_put_right(home):
    area = DiscussionIndexPage.objects.get()
    PageViewRestriction.objects.filter(page=area).delete()
    PageViewRestriction.objects.create(page=area, restriction_type=PageViewRestriction.LOGIN)
    ensure_discussion_area(home)
    [restriction] = PageViewRestriction.objects.filter(page=area)
    assert restriction.restriction_type == PageViewRestriction.GROUPS


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.MODERATOR, Role.MISSION_EDITOR, Role.GUIDANCE_EDITOR])
def test_editors_and_moderators_add_rooms_but_cannot_change_the_area(home, role):
    area = DiscussionIndexPage.objects.get()
    granted = set(
        GroupPagePermission.objects.filter(group__name=role, page=area).values_list(
            "permission__codename", flat=True
        )
    )
    assert granted == {"add_page", "publish_page"}
    assert (
        Group.objects.get(name=Role.MODERATOR).permissions.filter(codename="change_report").exists()
    )


@pytest.mark.django_db
def test_rooms_live_only_in_the_area(home):
    assert DiscussionRoomPage.allowed_parent_page_models() == [DiscussionIndexPage]
    assert DiscussionIndexPage.max_count == 1
