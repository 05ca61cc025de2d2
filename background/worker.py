"""What runs beside django-tasks-db's worker loop: heartbeat, recovery, schedule.

django-tasks-db marks a task RUNNING when a worker claims it and never looks at it
again: a worker killed mid-task (out of memory, SIGKILL, a lost machine) would leave
it there for good. Each worker therefore reports every few seconds; a RUNNING task
whose worker has missed ``MISSED_BEATS`` reports goes back to READY, and the next
free worker runs it again. Tasks that send e-mail skip what already went out
(``members.mail.deliver``), so running them again is safe.
"""

import logging
import os
import socket
import threading
from datetime import datetime, timedelta

from django.db import connections
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .models import WorkerHeartbeat
from .schedule import ensure_scheduled

log = logging.getLogger(__name__)
MISSED_BEATS = 3


def beat(worker_id: str, every: float, now: datetime | None = None) -> None:
    now = now or timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "hostname": socket.gethostname()[:255],
            "pid": os.getpid(),
            "seen_at": now,
            "expires_at": now + timedelta(seconds=every * MISSED_BEATS),
        },
    )


def recover_stale_tasks(now: datetime | None = None) -> int:
    """Put tasks claimed by workers that stopped reporting back into the queue."""
    now = now or timezone.now()
    alive = set(
        WorkerHeartbeat.objects.filter(expires_at__gt=now).values_list("worker_id", flat=True)
    )
    recovered = 0
    running = DBTaskResult.objects.running().values_list("id", "worker_ids", "started_at")
    for task_id, worker_ids, started_at in running:
        if worker_ids and worker_ids[-1] in alive:
            continue
        # Conditional on the claim we saw, so a worker that claims it meanwhile keeps it.
        recovered += DBTaskResult.objects.filter(
            id=task_id, status=TaskResultStatus.RUNNING, started_at=started_at
        ).update(status=TaskResultStatus.READY)
    if recovered:
        log.warning("%d Aufgabe(n) abgebrochener Worker wieder eingereiht.", recovered)
    return recovered


class Keeper:
    """A thread beside the worker loop: report, recover, schedule, every ``every`` seconds."""

    def __init__(self, worker_id: str, every: float):
        self.worker_id = worker_id
        self.every = every
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="worker-keeper", daemon=True)

    def tick(self) -> None:
        beat(self.worker_id, self.every)
        recover_stale_tasks()
        ensure_scheduled()

    def start(self) -> None:
        # Once in the foreground, before the first claim: a database that is not
        # migrated stops the worker at once, with the error.
        self.tick()
        self._thread.start()

    def _run(self) -> None:
        while not self._stopped.wait(self.every):
            try:
                self.tick()
            except Exception:
                log.exception("Worker %s: Lebenszeichen oder Zeitplan gescheitert", self.worker_id)
            finally:
                connections.close_all()  # this thread's connections only

    def stop(self) -> None:
        self._stopped.set()
        if self._thread.is_alive():
            self._thread.join(timeout=self.every + 30)
        WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()
