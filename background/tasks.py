import io

from django.core.management import call_command
from django_tasks import task

from .schedule import JOBS


@task()
def run_job(command: str) -> str:
    """One run of a scheduled job: its management command; returns what the command printed."""
    job = JOBS[command]
    output = io.StringIO()
    call_command(job.command, *job.args, stdout=output, stderr=output)
    return output.getvalue().strip()[-2000:]
