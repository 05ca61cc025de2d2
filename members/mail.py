"""Outgoing e-mail: rendered in the request, sent by a background task after commit.

Every message of the portal goes this way, allauth's included (see ``adapter.py``):
a request never waits on SMTP, and a rolled-back transaction sends nothing.

Each message carries a Message-ID fixed before it is queued, and ``deliver`` records
every Message-ID the SMTP server has accepted: a task that runs again (after a crash
of the worker, or as a retry) skips what already went out.
"""

import contextlib
import smtplib
import socket
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import render_to_string

from .tasks import send_email

# RFC 3834: written by the portal, not by a person; no vacation or out-of-office replies.
AUTOMATIC = {"Auto-Submitted": "auto-generated"}


class MessagesRefused(Exception):
    """The SMTP server refused some messages for good (5xx); the others went out."""

    def __init__(self, refused: dict[str, str]):
        self.refused = refused
        super().__init__(
            "Vom Mailserver dauerhaft abgelehnt: "
            + "; ".join(f"{key}: {reason}" for key, reason in refused.items())
        )


def render_email(
    template_prefix: str,
    context: dict,
    to: list[str],
    headers: dict[str, str] | None = None,
) -> EmailMessage:
    """``<prefix>_subject.txt`` and ``<prefix>_message.txt`` as a plain-text message."""
    context = {"site_name": settings.WAGTAIL_SITE_NAME, "base_url": base_url(), **context}
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    body = render_to_string(f"{template_prefix}_message.txt", context).strip() + "\n"
    return EmailMessage(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        headers={**AUTOMATIC, **(headers or {})},
    )


def base_url() -> str:
    """The portal's public address for links in e-mails, without a trailing slash."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(path: str) -> str:
    return path if path.startswith(("http://", "https://")) else base_url() + path


def message_id_domain() -> str:
    return urlsplit(base_url()).hostname or "localhost"


def new_message_id() -> str:
    return make_msgid(domain=message_id_domain())


def as_payload(message: EmailMessage) -> dict:
    """The message as JSON-serialisable data, the only kind a task may receive.

    The Message-ID is fixed here, before the message is queued, so that every run
    of the task sends the same message and can tell whether it went out already.
    """
    headers = {**AUTOMATIC, **message.extra_headers}
    if not any(name.lower() == "message-id" for name in headers):
        headers["Message-ID"] = new_message_id()
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "headers": headers,
        "alternatives": [
            [content, mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
    }


def send_after_commit(*messages: EmailMessage) -> None:
    payloads = [as_payload(message) for message in messages]
    if payloads:
        transaction.on_commit(lambda: send_email.enqueue(payloads))


def build_message(payload: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=payload["subject"],
        body=payload["body"],
        from_email=payload["from_email"],
        to=payload["to"],
        headers=payload["headers"],
    )
    for content, mimetype in payload["alternatives"]:
        message.attach_alternative(content, mimetype)
    return message


def message_id(message: EmailMessage) -> str:
    for name, value in message.extra_headers.items():
        if name.lower() == "message-id":
            return value
    raise ValueError(f"E-Mail ohne Message-ID: {message.subject!r}")


def _refused_for_good(error: smtplib.SMTPException) -> bool:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _reason in error.recipients.values())
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


def _hang_up(connection) -> None:
    """Drop the SMTP connection instead of saying QUIT.

    Stopped in the middle of a message, a polite QUIT would wait for the server's
    answer to that message, and the server would accept it although it was never
    recorded as sent: the next run would send it a second time.
    """
    sock = getattr(getattr(connection, "connection", None), "sock", None)
    if sock is not None:
        # shutdown(), not close(): smtplib's reader keeps the socket open otherwise.
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


def deliver(messages) -> int:
    """Send each message that has not gone out yet; returns how many went out now.

    A message counts as sent once the SMTP server has accepted it, and its Message-ID
    is recorded right then (in autocommit, one row per message). A run that stops
    half-way therefore leaves a record of exactly what went out. Temporary errors
    (no connection, 4xx) stop the run and propagate, so the caller can retry; a
    message refused for good (5xx) is skipped, and ``MessagesRefused`` names it at
    the end.
    """
    from background.models import SentMessage

    messages = list(messages)
    keys = [message_id(message) for message in messages]
    done = set(SentMessage.objects.filter(message_id__in=keys).values_list("message_id", flat=True))
    pending = [(key, mail) for key, mail in zip(keys, messages, strict=True) if key not in done]
    if not pending:
        return 0
    sent, refused = 0, {}
    with get_connection() as connection:
        try:
            for key, message in pending:
                try:
                    sent += connection.send_messages([message]) or 0
                except smtplib.SMTPException as error:
                    if not _refused_for_good(error):
                        raise
                    refused[key] = str(error)
                    continue
                SentMessage.objects.create(message_id=key)
        except BaseException:
            _hang_up(connection)
            raise
    if refused:
        raise MessagesRefused(refused)
    return sent
