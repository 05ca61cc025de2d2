"""The discussion services on their own: a report sent twice, following, read markers."""

from datetime import timedelta
from unittest import mock

import pytest
from django.db import transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry

from discussions import services
from discussions.models import ReadMarker, Report, ReportQuerySet, Subscription


@pytest.mark.django_db
def test_the_same_report_sent_twice_is_stored_once(other_member, thread):
    post = thread.posts.get()
    first = services.report_post(post, other_member, "werbung", "")
    second = services.report_post(post, other_member, "werbung", "")
    assert first is not None and second is None
    assert Report.objects.count() == 1
    assert ModelLogEntry.objects.filter(action="discussions.report.create").count() == 1


@pytest.mark.django_db
def test_a_report_sent_at_the_same_moment_as_another_is_no_error(other_member, thread):
    """The other sending stores its report between our check and our insert."""
    post = thread.posts.get()
    Report.objects.create(post=post, reporter=other_member, reason="werbung")
    with transaction.atomic():
        # The check does not see the parallel report yet; the unique index does.
        with mock.patch.object(ReportQuerySet, "exists", return_value=False):
            assert services.report_post(post, other_member, "werbung", "") is None
        # The surrounding transaction (the request's, on PostgreSQL) stays usable.
        assert Report.objects.open().filter(post=post).count() == 1
    assert not ModelLogEntry.objects.filter(action="discussions.report.create").exists()


@pytest.mark.django_db
def test_a_person_reports_a_post_again_after_the_first_report_was_handled(
    other_member, moderator, thread
):
    post = thread.posts.get()
    services.report_post(post, other_member, "werbung", "")
    services.dismiss_reports(post, moderator)
    assert services.report_post(post, other_member, "datenschutz", "") is not None
    assert Report.objects.count() == 2


@pytest.mark.django_db
def test_following_and_unfollowing_by_object_or_by_id(other_member, thread):
    services.follow_thread(other_member, thread)
    services.follow_thread(other_member, thread)
    assert Subscription.objects.filter(user=other_member, thread=thread).count() == 1
    services.unfollow_thread(other_member.pk, thread.pk)
    assert not Subscription.objects.filter(user=other_member, thread=thread).exists()


@pytest.mark.django_db
def test_the_read_marker_only_moves_forward(other_member, thread):
    now = timezone.now()
    assert services.mark_read(other_member, thread, now) is None
    assert services.mark_read(other_member, thread, now - timedelta(hours=1)) == now
    assert ReadMarker.objects.get(user=other_member, thread=thread).last_read_at == now
    assert services.mark_read(other_member, thread, None) == now
