"""django-tasks-db's worker, with a heartbeat, recovery of abandoned tasks and the schedule.

It keeps the package's name and options, so ``manage.py db_worker`` is the one
command to run in every topology (``make run``, a second container, a compose
service); this app comes before ``django_tasks_db`` in INSTALLED_APPS.
"""

import os
from argparse import ArgumentTypeError

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from background.worker import MISSED_BEATS, Keeper


def positive_seconds(value: str) -> float:
    seconds = float(value)
    if not 0 < seconds < 3600:
        raise ArgumentTypeError("Sekunden zwischen 0 und 3600")
    return seconds


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

    def handle(self, *args, heartbeat: float, **options):
        reloader = options["reload"] and not options["batch"]
        if reloader and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true":
            # The reloader's parent only restarts the worker process, which keeps the beat.
            return super().handle(*args, **options)
        keeper = Keeper(options["worker_id"], heartbeat)
        keeper.start()
        try:
            return super().handle(*args, **options)
        finally:
            keeper.stop()
