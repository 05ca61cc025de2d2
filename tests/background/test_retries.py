"""A temporary SMTP failure is tried again later; the failed attempt stays on record."""

from datetime import timedelta

import pytest
import time_machine
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from background.retries import MAX_ATTEMPTS
from members.mail import as_payload, render_email
from members.tasks import send_email

from .smtp import SmtpServer
from .worker import results, run_worker


def payloads(*addresses: str) -> list[dict]:
    return [
        as_payload(render_email("members/email/account_deleted", {}, to=[address]))
        for address in addresses
    ]


@pytest.fixture
def smtp_later(settings, tmp_path, database_queue):
    """An SMTP server whose port is configured, but that is not started yet."""
    server = SmtpServer(tmp_path / "inbox")
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 10
    yield server
    server.stop()


@pytest.mark.django_db(transaction=True)
def test_a_temporary_smtp_error_is_tried_again_later_and_the_failure_stays_visible(smtp_later):
    mails = payloads("a@musterhausen.example", "b@musterhausen.example")
    send_email.enqueue(mails)
    run_worker()  # the mail server is down

    failed, retry = results(send_email)
    assert failed.status == TaskResultStatus.FAILED
    assert failed.exception_class_path == "builtins.ConnectionRefusedError"
    assert "ConnectionRefusedError" in failed.traceback
    assert retry.status == TaskResultStatus.READY
    assert retry.args_kwargs == {"args": [mails], "kwargs": {"attempt": 2}}
    wait = retry.run_after - failed.finished_at
    assert timedelta(seconds=55) < wait <= timedelta(minutes=1)

    smtp_later.start()
    run_worker()  # not due yet
    assert DBTaskResult.objects.get(pk=retry.pk).status == TaskResultStatus.READY
    with time_machine.travel(retry.run_after + timedelta(seconds=1)):
        run_worker()
    retry.refresh_from_db()
    assert retry.status == TaskResultStatus.SUCCESSFUL
    assert retry.return_value == 2
    assert sorted(smtp_later.message_ids().values()) == [1, 1]
    assert len(results(send_email)) == 2  # no further attempt


@pytest.mark.django_db(transaction=True)
def test_the_last_attempt_queues_no_other(smtp_later):
    send_email.enqueue(payloads("a@musterhausen.example"), attempt=MAX_ATTEMPTS)
    run_worker()
    [last] = results(send_email)
    assert last.status == TaskResultStatus.FAILED
    assert "ConnectionRefusedError" in last.traceback


@pytest.mark.django_db(transaction=True)
def test_a_message_refused_for_good_is_skipped_and_reported_without_retry(
    settings, tmp_path, database_queue
):
    server = SmtpServer(tmp_path / "inbox", refuse=("weg@musterhausen.example",)).start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = (
        "127.0.0.1",
        server.port,
        False,
    )
    try:
        mails = payloads(
            "a@musterhausen.example", "weg@musterhausen.example", "b@musterhausen.example"
        )
        send_email.enqueue(mails)
        run_worker()
        [result] = results(send_email)
        assert result.status == TaskResultStatus.FAILED
        assert result.exception_class_path == "members.mail.MessagesRefused"
        assert "weg@musterhausen.example" in result.traceback
        assert mails[1]["headers"]["Message-ID"] in result.traceback
        assert sorted(message["To"] for message in server.messages()) == [
            "a@musterhausen.example",
            "b@musterhausen.example",
        ]
    finally:
        server.stop()
