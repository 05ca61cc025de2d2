"""Periodic work, run by the task workers themselves: no crontab in any topology.

Every worker looks at this schedule at start and then with each heartbeat
(``background.worker``) and queues each job's next run as an ordinary task with
``run_after`` set to its slot. A row in ``ScheduledRun`` with a unique
(job, slot) key, written in the same transaction as the task, makes sure that any
number of workers on any number of machines queue each slot exactly once. The
jobs call the existing management commands, which catch up on anything missed
while no worker ran.
"""

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import ScheduledRun


@dataclass(frozen=True)
class Job:
    command: str
    every: timedelta
    description: str
    args: tuple[str, ...] = ()


SCHEDULE = (
    Job(
        "publish_scheduled",
        timedelta(minutes=1),
        _("Geplante Veröffentlichungen und Abläufe von Seiten und Snippets"),
    ),
    Job(
        "renew_round_listings",
        timedelta(minutes=1),
        _("Öffentliche Übersichten erneuern, wenn eine Kommentierungsrunde beginnt oder endet"),
    ),
    Job(
        "send_round_notices",
        timedelta(minutes=10),
        _("Eröffnungsnachrichten und Erinnerungen der Kommentierungsrunden"),
    ),
    Job(
        "clean_background_work",
        timedelta(days=1),
        _("Alte Aufgaben, Versandnachweise und Termine löschen"),
    ),
)
JOBS = {job.command: job for job in SCHEDULE}


def next_slot(job: Job, now: datetime) -> datetime:
    """The first slot after ``now``; slots are multiples of the interval since the epoch."""
    step = job.every.total_seconds()
    return datetime.fromtimestamp((math.floor(now.timestamp() / step) + 1) * step, tz=UTC)


def ensure_scheduled(now: datetime | None = None) -> list[ScheduledRun]:
    """Queue the next run of every job that has none yet; returns the runs queued now."""
    from .tasks import run_job

    now = now or timezone.now()
    queued = []
    for job in SCHEDULE:
        slot = next_slot(job, now)
        if ScheduledRun.objects.filter(job=job.command, slot=slot).exists():
            continue
        with transaction.atomic():
            run, created = ScheduledRun.objects.get_or_create(job=job.command, slot=slot)
            if created:
                result = run_job.using(run_after=slot).enqueue(job.command)
                run.task_id = str(result.id)
                run.save(update_fields=["task_id"])
                queued.append(run)
    return queued
