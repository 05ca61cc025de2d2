"""Periodic work needs no crontab: the workers queue each slot once and run the commands."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from background.models import ScheduledRun
from background.schedule import JOBS, ensure_scheduled
from background.tasks import run_job
from rounds.models import CommentRound
from tests import factories
from versions.models import Version

from .worker import results, run_worker


def queued() -> list[tuple[str, datetime]]:
    return sorted(
        (result.args_kwargs["args"][0], result.run_after)
        for result in DBTaskResult.objects.filter(task_path=run_job.module_path)
    )


@pytest.mark.django_db
def test_each_slot_is_queued_once_however_often_the_workers_look(database_queue):
    now = datetime(2026, 5, 4, 10, 0, 30, tzinfo=UTC)
    first = ensure_scheduled(now)
    assert {run.job for run in first} == set(JOBS)
    assert ensure_scheduled(now) == []
    assert ensure_scheduled(now + timedelta(seconds=20)) == []
    assert queued() == [
        ("clean_background_work", datetime(2026, 5, 5, 0, 0, tzinfo=UTC)),
        ("publish_scheduled", datetime(2026, 5, 4, 10, 1, tzinfo=UTC)),
        ("renew_round_listings", datetime(2026, 5, 4, 10, 1, tzinfo=UTC)),
        ("send_round_notices", datetime(2026, 5, 4, 10, 10, tzinfo=UTC)),
    ]

    # Past the minute: only the job that is due again gets its next slot.
    later = ensure_scheduled(datetime(2026, 5, 4, 10, 1, 5, tzinfo=UTC))
    assert [(run.job, run.slot) for run in later] == [
        ("publish_scheduled", datetime(2026, 5, 4, 10, 2, tzinfo=UTC)),
        ("renew_round_listings", datetime(2026, 5, 4, 10, 2, tzinfo=UTC)),
    ]
    for run in ScheduledRun.objects.all():
        assert str(DBTaskResult.objects.get(id=run.task_id).run_after) == str(run.slot)


@pytest.mark.django_db(transaction=True)
def test_the_worker_publishes_scheduled_texts_and_sends_round_notices_by_itself(
    database_queue, mission_index
):
    start = timezone.now()
    person = factories.member(factories.organisation())
    page = factories.draft_child(
        mission_index, factories.MissionPage(title="Geplant", body=factories.body(1, 1))
    )
    page.go_live_at = start + timedelta(minutes=15)
    page.save_revision().publish()
    comment_round = CommentRound.freeze(
        factories.mission_page(mission_index, title="Offene Standards"),
        opens_at=start + timedelta(minutes=20),
        closes_at=start + timedelta(days=9),
    )
    comment_round.save()

    # The first run must not cross a minute: a slot that fell due during it would be
    # used up (nothing to publish yet) instead of being due for the second run.
    with time_machine.travel(start.replace(second=20, microsecond=0)):
        run_worker()  # queues the schedule; nothing is due yet
    assert not Version.objects.of_page(page).exists()
    assert mail.outbox == []

    with time_machine.travel(start + timedelta(minutes=31)):
        run_worker()

    page.refresh_from_db()
    assert page.live
    assert Version.objects.of_page(page).get().label == "1.0"
    [notice] = mail.outbox
    assert notice.to == [person.email]
    assert "Kommentierungsrunde eröffnet: Offene Standards" in notice.subject
    ran = {r.args_kwargs["args"][0]: r for r in results(run_job) if r.finished_at}
    assert ran["publish_scheduled"].status == TaskResultStatus.SUCCESSFUL
    assert ran["send_round_notices"].status == TaskResultStatus.SUCCESSFUL
    assert "Eröffnungsnachrichten: 1" in ran["send_round_notices"].return_value
