"""Outgoing e-mail: rendered in the request, sent by a background task after commit.

Every message of the portal goes this way, allauth's included (see ``adapter.py``):
a request never waits on SMTP, and a rolled-back transaction sends nothing.
"""

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string

from .tasks import send_email


def render_email(
    template_prefix: str, context: dict, to: list[str], headers: dict[str, str] | None = None
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
        headers=headers or {},
    )


def base_url() -> str:
    """The portal's public address for links in e-mails, without a trailing slash."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(path: str) -> str:
    return path if path.startswith(("http://", "https://")) else base_url() + path


def as_payload(message: EmailMessage) -> dict:
    """The message as JSON-serialisable data, the only kind a task may receive."""
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "headers": dict(message.extra_headers),
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
