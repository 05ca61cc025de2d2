from datetime import timedelta

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from background.models import ScheduledRun, SentMessage, WorkerHeartbeat

FINISHED_DAYS = 14
FAILED_DAYS = 90
SENT_DAYS = 90


class Command(BaseCommand):
    help = (
        f"Löscht erledigte Hintergrundaufgaben nach {FINISHED_DAYS} Tagen, fehlgeschlagene "
        f"nach {FAILED_DAYS} Tagen, Versandnachweise von E-Mails nach {SENT_DAYS} Tagen und "
        "vergangene Termine des Zeitplans. Läuft täglich im Worker."
    )

    def handle(self, *args, **options):
        call_command(
            "prune_db_task_results",
            min_age_days=FINISHED_DAYS,
            failed_min_age_days=FAILED_DAYS,
            stdout=self.stdout,
            stderr=self.stderr,
        )
        now = timezone.now()
        sent, _ = SentMessage.objects.filter(sent_at__lt=now - timedelta(days=SENT_DAYS)).delete()
        runs, _ = ScheduledRun.objects.filter(slot__lt=now - timedelta(days=1)).delete()
        gone, _ = WorkerHeartbeat.objects.filter(expires_at__lt=now - timedelta(days=1)).delete()
        self.stdout.write(
            f"Gelöscht: {sent} Versandnachweise, {runs} vergangene Termine, {gone} beendete Worker."
        )
