"""Background tasks (django-tasks): queued in the database, run by ``manage.py db_worker``."""

from django_tasks import task

from background.retries import retried


@task()
def send_email(payloads: list[dict], attempt: int = 1) -> int:
    """Send the messages that have not gone out yet; returns how many went out now.

    A temporary SMTP error queues another attempt later (``background.retries``);
    messages sent before it are not sent again.
    """
    from .mail import build_message, deliver

    with retried(send_email, attempt, payloads):
        return deliver(build_message(payload) for payload in payloads)
