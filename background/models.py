"""What the task worker keeps beside django-tasks-db's queue.

- ``SentMessage``: the Message-ID of every e-mail the SMTP server has accepted, so a
  task that runs again after a crash skips what already went out.
- ``WorkerHeartbeat``: each running worker says it is alive; a task claimed by a
  worker that stopped beating is put back into the queue.
- ``ScheduledRun``: one row per periodic job and time slot; the unique key makes
  sure that any number of workers enqueue each slot exactly once.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SentMessage(models.Model):
    message_id = models.CharField(_("Message-ID"), max_length=255, unique=True)
    sent_at = models.DateTimeField(_("versandt am"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("versandte E-Mail")
        verbose_name_plural = _("versandte E-Mails")

    def __str__(self) -> str:
        return self.message_id


class WorkerHeartbeat(models.Model):
    worker_id = models.CharField(_("Worker"), max_length=64, primary_key=True)
    hostname = models.CharField(_("Rechner"), max_length=255)
    pid = models.PositiveIntegerField(_("Prozess"))
    started_at = models.DateTimeField(_("gestartet am"), auto_now_add=True)
    seen_at = models.DateTimeField(_("zuletzt gemeldet"))
    expires_at = models.DateTimeField(_("gilt als beendet ab"), db_index=True)

    class Meta:
        verbose_name = _("Worker")
        verbose_name_plural = _("Worker")

    def __str__(self) -> str:
        return f"{self.hostname}:{self.pid}"


class ScheduledRun(models.Model):
    job = models.CharField(_("Auftrag"), max_length=64)
    slot = models.DateTimeField(_("Termin"))
    task_id = models.CharField(_("Aufgabe"), max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("geplanter Lauf")
        verbose_name_plural = _("geplante Läufe")
        constraints = [
            models.UniqueConstraint(fields=["job", "slot"], name="background_one_run_per_slot")
        ]

    def __str__(self) -> str:
        return f"{self.job} @ {self.slot:%Y-%m-%d %H:%M}"
