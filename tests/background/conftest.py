import pytest

from .smtp import SmtpServer


@pytest.fixture
def smtp_server(tmp_path):
    """A real SMTP server process on a free loopback port."""
    server = SmtpServer(tmp_path / "inbox").start()
    yield server
    server.stop()


@pytest.fixture
def smtp_mail(settings, smtp_server):
    """The portal sends through Django's SMTP backend to ``smtp_server``, as in production."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 10
    return smtp_server


@pytest.fixture
def database_queue(settings):
    """Tasks go to django-tasks-db's queue, as outside the tests, instead of running at once."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
