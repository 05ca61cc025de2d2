"""The real worker process: killed in the middle of a batch of notices, started again.

``manage.py db_worker`` runs against a file SQLite database (and, in the PostgreSQL
run of CI, against a fresh PostgreSQL database) and sends through a real SMTP server
process that takes half a second per message. Every message must arrive exactly
once, counted by Message-ID at the server.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from background.management.commands.db_worker import SAME_STOP_SECONDS
from tests.processes import (
    PROJECT_DIR,
    installation_env,
    only_in_pass,
    postgres_url,
    prepare,
    shell,
)

from .smtp import SmtpServer

pytestmark = pytest.mark.processes
NOTICES = 20
DELAY = 0.5  # seconds the SMTP server takes for each message

NOTICE_BATCH = f"""
from datetime import timedelta
from django.core.management import call_command
from django.utils import timezone
from rounds.models import CommentRound
from strands.models import MissionIndexPage
from tests import factories

organisation = factories.organisation()
for number in range({NOTICES}):
    factories.member(organisation, f"person{{number:02}}@musterhausen.example")
page = factories.mission_page(MissionIndexPage.objects.get(), title="Offene Standards")
now = timezone.now()
opens, closes = now - timedelta(hours=1), now + timedelta(days=9)
CommentRound.freeze(page, opens_at=opens, closes_at=closes).save()
call_command("send_round_notices")
"""

QUEUE_STATE = """
import json
from django_tasks_db.models import DBTaskResult
from background.models import WorkerHeartbeat
mail = DBTaskResult.objects.filter(task_path="members.tasks.send_email").order_by("enqueued_at")
print(json.dumps({
    "tasks": [
        {
            "status": r.status,
            "kwargs": r.args_kwargs["kwargs"],
            "workers": len(r.worker_ids),
            "error": r.exception_class_path,
            "ids": [p["headers"]["Message-ID"] for p in r.args_kwargs["args"][0]],
        }
        for r in mail
    ],
    "scheduled": [
        [r.args_kwargs["args"][0], str(r.run_after)]
        for r in DBTaskResult.objects.filter(task_path="background.tasks.run_job")
    ],
    "heartbeats": WorkerHeartbeat.objects.count(),
}))
"""


def queue_state(env: dict) -> dict:
    return json.loads(shell(env, QUEUE_STATE).strip().splitlines()[-1])


@dataclass
class Worker:
    env: dict
    log: str
    process: subprocess.Popen | None = None

    def start(self) -> "Worker":
        command = [
            sys.executable,
            "manage.py",
            "db_worker",
            "--no-reload",
            "--no-startup-delay",
            "--interval=0.1",
            "--heartbeat=1",
        ]
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 - our own manage.py
                command, cwd=PROJECT_DIR, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        return self

    def wait_started(self, timeout: float = 60) -> "Worker":
        """Until the worker has reported once and looked at the schedule."""
        deadline = time.monotonic() + timeout
        while "Starting worker" not in Path(self.log).read_text(errors="replace"):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(Path(self.log).read_text(errors="replace"))
            time.sleep(0.1)
        return self

    def signal(self, number: int) -> None:
        self.process.send_signal(number)

    def wait(self, timeout: float = 30) -> int:
        return self.process.wait(timeout=timeout)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


def with_database(url: str, name: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def postgres_admin(sql: str) -> None:
    """Run ``sql`` in the server's maintenance database (CREATE/DROP DATABASE)."""
    import psycopg

    with psycopg.connect(with_database(postgres_url(), "postgres"), autocommit=True) as admin:
        admin.execute(sql)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def template(request, tmp_path_factory):
    """A migrated database with the site tree, copied for each test (migrating takes long)."""
    folder = tmp_path_factory.mktemp(f"template-{request.param}")
    extra = {}
    only_in_pass(request.param)
    if request.param == "postgresql":
        name = f"worker_template_{os.getpid()}"
        postgres_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        postgres_admin(f'CREATE DATABASE "{name}"')
        extra["DATABASE_URL"] = with_database(postgres_url(), name)
    prepare(folder, static=False, **extra)
    yield request.param, folder
    if request.param == "postgresql":
        postgres_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def installation(template, tmp_path):
    """A fresh copy of the template installation, mail going to a slow SMTP server."""
    kind, template_folder = template
    smtp = SmtpServer(tmp_path / "inbox", delay=DELAY).start()
    extra = {
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp.port),
        "EMAIL_USE_TLS": "false",
        "LOG_LEVEL": "INFO",
    }
    database = None
    try:
        if kind == "postgresql":
            database = f"worker_{os.getpid()}_{uuid.uuid4().hex[:8]}"
            template_name = f"worker_template_{os.getpid()}"
            postgres_admin(f'CREATE DATABASE "{database}" TEMPLATE "{template_name}"')
            extra["DATABASE_URL"] = with_database(postgres_url(), database)
        else:
            for path in template_folder.glob("db.sqlite3*"):
                shutil.copy(path, tmp_path / path.name)
        yield installation_env(tmp_path, **extra), smtp
    finally:
        smtp.stop()
        if database:
            postgres_admin(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


@pytest.mark.parametrize("stop", ["SIGKILL", "SIGTERM, later SIGTERM"])
def test_a_worker_stopped_mid_batch_neither_loses_nor_duplicates_a_notice(
    installation, tmp_path, stop
):
    env, smtp = installation
    shell(env, NOTICE_BATCH)
    before = queue_state(env)
    [batch] = before["tasks"]
    assert batch["status"] == "READY" and len(batch["ids"]) == NOTICES

    worker = Worker(env, str(tmp_path / "worker.log")).start()
    try:
        smtp.wait_for(7, timeout=90)
        # Half-way through the server's half second for message 8: sent, not accepted yet.
        time.sleep(DELAY / 2)
        if stop == "SIGKILL":
            worker.signal(signal.SIGKILL)
        else:
            worker.signal(signal.SIGTERM)  # finish the task, then stop …
            asked = time.monotonic()
            smtp.wait_for(11)
            time.sleep(DELAY / 2)
            assert time.monotonic() - asked > SAME_STOP_SECONDS
            worker.signal(signal.SIGTERM)  # … no: stop now
        worker.wait()
    finally:
        worker.stop()
    arrived = len(smtp.raw_messages())
    assert 7 <= arrived < NOTICES

    stopped = queue_state(env)
    if stop == "SIGKILL":
        [claimed] = stopped["tasks"]
        assert claimed["status"] == "RUNNING"  # abandoned by the killed worker
        assert stopped["heartbeats"] == 1  # the killed worker could not sign off
    else:
        interrupted, rest = stopped["tasks"]
        assert interrupted["status"] == "FAILED"
        assert interrupted["error"] == "builtins.SystemExit"
        assert rest["status"] == "READY" and rest["ids"] == batch["ids"]
        assert stopped["heartbeats"] == 0

    started = time.monotonic()
    again = Worker(env, str(tmp_path / "worker.log")).start()
    try:
        smtp.wait_for(NOTICES, timeout=90)
        finished = time.monotonic() - started
        time.sleep(2 * DELAY)  # room for a duplicate to arrive
    finally:
        again.stop()

    ids = smtp.message_ids()
    assert set(ids) == set(batch["ids"])
    assert sorted(ids.values()) == [1] * NOTICES, ids
    after = queue_state(env)
    assert after["tasks"][-1]["status"] == "SUCCESSFUL"
    if stop == "SIGKILL":
        assert after["tasks"][0]["workers"] == 2  # claimed again after recovery
    # A worker stopped with SIGTERM signs off; the killed one's report just expired.
    assert after["heartbeats"] == (1 if stop == "SIGKILL" else 0)
    # The rest took about its share of the server's time plus the recovery wait.
    assert finished < (NOTICES - arrived) * DELAY + 30


@pytest.mark.parametrize("template", ["sqlite"], indirect=True)
def test_two_stop_signals_at_once_let_the_running_batch_finish(installation, tmp_path):
    """Ctrl-C under `make run`: the terminal signals the worker, and so does `make run`."""
    env, smtp = installation
    shell(env, NOTICE_BATCH)
    worker = Worker(env, str(tmp_path / "worker.log")).start()
    try:
        smtp.wait_for(3, timeout=90)
        worker.signal(signal.SIGINT)
        time.sleep(0.05)
        worker.signal(signal.SIGTERM)
        assert worker.wait() == 0
    finally:
        worker.stop()
    assert sorted(smtp.message_ids().values()) == [1] * NOTICES
    [batch] = queue_state(env)["tasks"]
    assert batch["status"] == "SUCCESSFUL" and batch["workers"] == 1


def test_several_workers_queue_each_scheduled_slot_once(installation, tmp_path):
    env, _smtp = installation
    workers = [Worker(env, str(tmp_path / f"worker-{n}.log")).start() for n in range(3)]
    try:
        for worker in workers:
            worker.wait_started()
        time.sleep(3)  # each looks at the schedule again with every report
    finally:
        for worker in workers:
            worker.stop()
    scheduled = queue_state(env)["scheduled"]
    commands = sorted(command for command, _slot in scheduled)
    assert {"publish_scheduled", "send_round_notices", "clean_background_work"} <= set(commands)
    slots = [tuple(pair) for pair in scheduled]
    assert len(slots) == len(set(slots)), slots  # no slot twice
    # publish_scheduled may have moved on to the next minute meanwhile, nothing else.
    assert commands.count("send_round_notices") in (1, 2)
    assert commands.count("publish_scheduled") in (1, 2)
