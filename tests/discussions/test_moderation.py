"""Reporting posts, hiding and restoring them, locking threads; all in the audit log."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from discussions.choices import ReportStatus
from discussions.models import Report
from discussions.services import hide_post


def actions() -> list[str]:
    return list(ModelLogEntry.objects.order_by("pk").values_list("action", flat=True))


def moderate_url(room, post):
    return room.url + room.reverse_subpage("moderate", kwargs={"post_id": post.pk})


def report_url(room, post):
    return room.url + room.reverse_subpage("report", kwargs={"post_id": post.pk})


@pytest.mark.django_db
def test_a_member_reports_a_post_with_a_reason(as_user, other_member, room, thread):
    post = thread.posts.first()
    client = as_user(other_member)
    form = client.get(report_url(room, post)).content.decode()
    assert "Warum soll das Moderationsteam diesen Beitrag prüfen?" in form
    assert "Wer hat schon umgestellt?" in form

    missing = client.post(report_url(room, post), {"details": "Bitte prüfen"})
    assert missing.status_code == 400
    assert "Bitte wählen Sie einen Grund." in missing.content.decode()
    assert "Bitte prüfen" in missing.content.decode()

    response = client.post(
        report_url(room, post), {"reason": "datenschutz", "details": "Enthält eine Telefonnummer."}
    )
    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.reporter, report.reason, report.status) == (other_member, "datenschutz", "offen")
    assert "discussions.report.create" in actions()

    again = client.post(report_url(room, post), {"reason": "werbung"}, follow=True)
    assert "bereits gemeldet" in again.content.decode()
    assert Report.objects.count() == 1


@pytest.mark.django_db
def test_people_cannot_report_their_own_posts(as_user, member, room, thread):
    response = as_user(member).post(report_url(room, thread.posts.first()), {"reason": "werbung"})
    assert response.status_code == 302
    assert not Report.objects.exists()


@pytest.mark.django_db
def test_a_moderator_hides_and_restores_a_post(as_user, member, moderator, room, thread):
    post = thread.posts.first()
    Report.objects.create(post=post, reporter=None, reason="werbung")
    client = as_user(moderator)
    client.post(moderate_url(room, post), {"action": "ausblenden"})
    post.refresh_from_db()
    assert post.hidden and post.hidden_by == moderator
    assert Report.objects.get().status == ReportStatus.POST_HIDDEN

    member_view = as_user(member).get(thread.get_absolute_url()).content.decode()
    assert "Dieser Beitrag wurde vom Moderationsteam ausgeblendet." in member_view
    assert "Wer hat schon umgestellt?" not in member_view
    moderator_view = as_user(moderator).get(thread.get_absolute_url()).content.decode()
    assert "vom Moderationsteam ausgeblendet" in moderator_view
    assert "Wer hat schon umgestellt?" in moderator_view  # inside a details element
    assert "Wieder einblenden" in moderator_view

    as_user(moderator).post(moderate_url(room, post), {"action": "einblenden"})
    post.refresh_from_db()
    assert not post.hidden
    assert actions() == ["discussions.post.hide", "discussions.post.restore"]
    entry = ModelLogEntry.objects.get(action="discussions.post.hide")
    assert entry.user == moderator
    assert "Wer hat" not in entry.label  # the log names the post, not its text


@pytest.mark.django_db
def test_a_moderator_locks_and_unlocks_a_thread(as_user, moderator, room, thread):
    url = room.url + room.reverse_subpage(
        "lock", kwargs={"thread_id": thread.pk, "slug": thread.slug}
    )
    client = as_user(moderator)
    client.post(url, {"action": "sperren"})
    thread.refresh_from_db()
    assert thread.locked
    assert "Dieses Thema ist gesperrt." in client.get(thread.get_absolute_url()).content.decode()
    client.post(url, {"action": "entsperren"})
    thread.refresh_from_db()
    assert not thread.locked
    assert actions() == ["discussions.thread.lock", "discussions.thread.unlock"]


@pytest.mark.django_db
def test_an_unknown_moderation_action_is_not_found(as_user, moderator, room, thread):
    response = as_user(moderator).post(
        moderate_url(room, thread.posts.first()), {"action": "loeschen"}
    )
    assert response.status_code == 404


# --- Wagtail admin -------------------------------------------------------------------


@pytest.fixture
def report(thread, other_member):
    return Report.objects.create(
        post=thread.posts.first(), reporter=other_member, reason="beleidigend", details="Ton!"
    )


@pytest.mark.django_db
def test_moderators_see_reports_in_the_admin_and_on_the_dashboard(as_user, moderator, report):
    client = as_user(moderator)
    listing = client.get(reverse("meldungen:index"))
    assert listing.status_code == 200
    assert "Erfahrungen mit Open-Source-Büroanwendungen" in listing.content.decode()
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Gemeldete Beiträge" in dashboard
    assert "Eine Meldung wartet" in dashboard


@pytest.mark.django_db
def test_a_moderator_hides_a_reported_post_in_the_admin(as_user, moderator, report):
    client = as_user(moderator)
    edit = client.get(reverse("meldungen:edit", args=[report.pk]))
    assert edit.status_code == 200
    assert "Wer hat schon umgestellt?" in edit.content.decode()
    response = client.post(reverse("meldungen:edit", args=[report.pk]), {"decision": "ausblenden"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.POST_HIDDEN and report.handled_by == moderator
    assert report.post.hidden
    assert "discussions.post.hide" in actions()
    # A handled report is not decided twice.
    again = client.get(reverse("meldungen:edit", args=[report.pk]))
    assert again.status_code == 302


@pytest.mark.django_db
def test_a_moderator_dismisses_a_report_in_the_admin(as_user, moderator, report):
    as_user(moderator).post(
        reverse("meldungen:edit", args=[report.pk]), {"decision": "zurueckweisen"}
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.DISMISSED
    assert not report.post.hidden
    assert "discussions.report.dismiss" in actions()


@pytest.mark.django_db
def test_moderation_actions_appear_in_wagtails_audit_log(as_user, moderator, superuser, report):
    hide_post(report.post, moderator)
    html = as_user(superuser).get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Beitrag ausgeblendet" in html


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["member", "registered"])
def test_members_have_no_access_to_the_reports_admin(request, as_user, report, role):
    client = as_user(request.getfixturevalue(role))
    assert client.get(reverse("meldungen:index")).status_code in (302, 403)
    assert client.get(reverse("meldungen:edit", args=[report.pk])).status_code in (302, 403)


@pytest.mark.django_db
def test_reports_cannot_be_created_in_the_admin(as_user, superuser, report):
    client = as_user(superuser)
    assert client.get(reverse("meldungen:add")).status_code in (302, 403)
    assert "meldungen/new/" not in client.get(reverse("meldungen:index")).content.decode()
