"""The worker inside the test process, for tests that need the queue but not a kill."""

import signal
from contextlib import contextmanager

from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)


@contextmanager
def own_signal_handlers():
    """The worker installs its handlers for a graceful stop; the test run keeps its own."""
    saved = {number: signal.getsignal(number) for number in STOP_SIGNALS}
    try:
        yield
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)


def run_worker() -> None:
    """``manage.py db_worker --batch``: run every task that is due, then return."""
    with own_signal_handlers():
        call_command(
            "db_worker",
            "--batch",
            "--no-reload",
            "--no-startup-delay",
            "--interval=0",
            "--heartbeat=1",
        )


def results(task) -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(task_path=task.module_path).order_by("enqueued_at"))
