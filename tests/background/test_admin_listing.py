"""Administrators see the task queue under Einstellungen, failures with their traceback."""

import pytest
from django.urls import NoReverseMatch, reverse

from background.schedule import SCHEDULE
from members.mail import as_payload, render_email
from members.roles import Role
from members.tasks import send_email
from tests import factories

from .smtp import SmtpServer
from .worker import results, run_worker

LISTING = "/admin/hintergrundaufgaben/"


@pytest.fixture
def failed_mail(settings, tmp_path, database_queue, home):
    """A mail task whose first attempt failed: the mail server was not running."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = SmtpServer(tmp_path).port  # nobody listens there
    settings.EMAIL_USE_TLS = False
    message = render_email("members/email/account_deleted", {}, to=["weg@musterhausen.example"])
    send_email.enqueue([as_payload(message)])
    run_worker()
    failed, retry = results(send_email)
    return failed


@pytest.mark.django_db(transaction=True)
def test_administrators_see_a_failed_attempt_with_its_traceback_in_german(
    client, superuser, failed_mail
):
    client.force_login(superuser)
    listing = client.get(LISTING)
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Hintergrundaufgaben" in html
    assert "E-Mails versenden" in html
    assert "fehlgeschlagen" in html and "wartet" in html  # the attempt and its retry
    assert "1 von 5" in html and "2 von 5" in html
    assert "ConnectionRefusedError" in html
    assert f'href="{LISTING}inspect/{failed_mail.pk}/"' in html
    # The attempt, its retry and one queued run of each scheduled job.
    assert f"{2 + len(SCHEDULE)} Hintergrundaufgaben" in html
    assert "Task Result" not in html  # the package's English model name

    only_failed = client.get(LISTING, {"status": "FAILED"}).content.decode()
    assert "1 von 5" in only_failed and "2 von 5" not in only_failed

    inspect = client.get(f"{LISTING}inspect/{failed_mail.pk}/")
    assert inspect.status_code == 200
    page = inspect.content.decode()
    assert "Ablauf des Fehlers (Traceback)" in page
    assert "<pre" in page and "Traceback (most recent call last)" in page
    assert "builtins.ConnectionRefusedError" in page
    assert "weg@musterhausen.example" in page  # the arguments, for the administrators
    assert "Task Result" not in page

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert LISTING in dashboard  # in the settings menu


@pytest.mark.django_db(transaction=True)
def test_editors_and_approvers_see_no_task_results(client, failed_mail):
    for role in (Role.MISSION_EDITOR, Role.APPROVER):
        person = factories.user(f"{role.name.lower()}@kgst.example", groups=(role,))
        client.force_login(person)
        assert client.get(reverse("wagtailadmin_home")).status_code == 200  # may use the admin
        for path in (LISTING, f"{LISTING}inspect/{failed_mail.pk}/"):
            answer = client.get(path)
            assert answer.status_code in (302, 403), path
            assert "ConnectionRefusedError" not in answer.content.decode()
        assert LISTING not in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_task_results_cannot_be_changed_in_the_admin(client, superuser, failed_mail):
    client.force_login(superuser)
    for path in (
        f"{LISTING}edit/{failed_mail.pk}/",
        f"{LISTING}delete/{failed_mail.pk}/",
        f"{LISTING}new/",
    ):
        assert client.get(path).status_code == 404, path
        assert client.post(path, {"status": "SUCCESSFUL"}).status_code == 404, path
    for name in ("add", "edit", "delete", "copy"):
        with pytest.raises(NoReverseMatch):
            reverse(f"hintergrundaufgaben:{name}", args=[failed_mail.pk])
    failed_mail.refresh_from_db()
    assert failed_mail.status == "FAILED"
