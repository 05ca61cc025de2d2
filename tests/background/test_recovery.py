"""A task claimed by a worker that stopped reporting goes back to the queue, and only that."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from background.models import WorkerHeartbeat
from background.worker import MISSED_BEATS, beat, recover_stale_tasks
from members.tasks import send_email


def claimed_by(worker_id: str) -> DBTaskResult:
    result = DBTaskResult.objects.get(id=send_email.enqueue([]).id)
    result.claim(worker_id)
    return result


@pytest.mark.django_db
def test_only_tasks_of_workers_that_missed_their_reports_go_back_to_the_queue(database_queue):
    now = timezone.now()
    beat("lebendig", every=10, now=now)
    beat("verstummt", every=10, now=now - timedelta(seconds=10 * MISSED_BEATS + 1))
    alive = claimed_by("lebendig")
    silent = claimed_by("verstummt")
    vanished = claimed_by("ohne-spur")  # its heartbeat row is gone, the claim is not

    assert recover_stale_tasks(now) == 2
    statuses = dict(DBTaskResult.objects.values_list("id", "status"))
    assert statuses[alive.id] == TaskResultStatus.RUNNING
    assert statuses[silent.id] == statuses[vanished.id] == TaskResultStatus.READY
    assert recover_stale_tasks(now) == 0


@pytest.mark.django_db
def test_a_worker_that_just_reported_keeps_its_task_until_it_misses_three_reports(
    database_queue,
):
    now = timezone.now()
    beat("knapp", every=10, now=now)
    task = claimed_by("knapp")
    assert recover_stale_tasks(now + timedelta(seconds=29)) == 0
    assert recover_stale_tasks(now + timedelta(seconds=31)) == 1
    task.refresh_from_db()
    assert task.status == TaskResultStatus.READY
    assert WorkerHeartbeat.objects.get(pk="knapp").expires_at == now + timedelta(seconds=30)
