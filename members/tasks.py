"""Background tasks (django-tasks): the immediate backend by default, a queue in production."""

from django.core.mail import get_connection
from django_tasks import task


@task()
def send_email(payloads: list[dict]) -> int:
    """Send the given messages over one connection; returns how many went out."""
    from .mail import build_message

    with get_connection() as connection:
        return connection.send_messages([build_message(payload) for payload in payloads]) or 0
