"""ASGI entry point, served by gunicorn's ASGI worker (gunicorn.conf.py)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault(
    "DJANGO_SETTINGS_MODULE", f"portal.settings.{os.environ.get('DJANGO_ENV', 'production')}"
)

django_application = get_asgi_application()

# Imported after Django is set up: the limit reads the settings.
from portal.request_limits import LimitedBodyApplication  # noqa: E402

# Django's ASGI handler reads a whole body before any middleware could refuse it.
application = LimitedBodyApplication(django_application)
