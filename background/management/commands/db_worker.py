"""django-tasks-db's worker, with a heartbeat, recovery of abandoned tasks and the schedule.

It keeps the package's name and options, so ``manage.py db_worker`` is the one
command to run in every topology (``make run``, a second container, a compose
service); this app comes before ``django_tasks_db`` in INSTALLED_APPS.
"""

import os
import time
from argparse import ArgumentTypeError

from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from background.worker import MISSED_BEATS, Keeper

# Stop signals this close together are one request to stop: Ctrl-C or `timeout`
# signal the whole process group, and `make run` then stops the worker as well.
SAME_STOP_SECONDS = 2.0


def positive_seconds(value: str) -> float:
    seconds = float(value)
    if not 0 < seconds < 3600:
        raise ArgumentTypeError("Sekunden zwischen 0 und 3600")
    return seconds


class Worker(db_worker.Worker):
    """The package's worker loop; a second signal only aborts the running task if it comes later."""

    stop_requested_at: float | None = None

    def shutdown(self, signum, frame) -> None:
        now = time.monotonic()
        if self.stop_requested_at is not None and now - self.stop_requested_at < SAME_STOP_SECONDS:
            return
        self.stop_requested_at = self.stop_requested_at or now
        super().shutdown(signum, frame)


class Command(db_worker.Command):
    help = (
        "Führt die Hintergrundaufgaben aus der Datenbank aus: E-Mails, Such- und "
        "Verweisindex, geplante Veröffentlichungen, Nachrichten der Kommentierungsrunden. "
        "Plant die wiederkehrenden Aufträge selbst (kein Cron) und übernimmt Aufgaben "
        "von Workern, die sich nicht mehr melden."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--heartbeat",
            type=positive_seconds,
            default=10.0,
            help=(
                f"Sekunden zwischen zwei Lebenszeichen; wer {MISSED_BEATS} verpasst, gilt als "
                "beendet (Standard: %(default)s)"
            ),
        )

    def handle(
        self,
        *,
        verbosity: int,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        reload: bool,
        max_tasks: int | None,
        worker_id: str,
        exclude_queues: str,
        heartbeat: float,
        **options,
    ) -> None:
        # As the package's command, with the keeper around the loop. At the default
        # verbosity the portal's LOGGING applies: warnings and failed tasks, not a line
        # for every task.
        if verbosity != 1:
            self.configure_logging(verbosity)
        reload = reload and not batch
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = Worker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded,
        )

        def work() -> None:
            keeper = Keeper(worker_id, heartbeat)
            keeper.start()
            try:
                worker.run()
            finally:
                keeper.stop()

        if reload:
            # The reloader's parent only restarts the child, which does the work.
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(work)
        else:
            worker.configure_signals()
            work()
