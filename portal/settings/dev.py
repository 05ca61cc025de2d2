"""The portal on one machine: ``make run`` (as it will be used) and ``make dev`` (debugging).

``make run`` serves with DEBUG off, German error pages and static files from the
collected, hashed set, as in production, but over plain HTTP on SQLite. ``make dev``
sets DEBUG=true for tracebacks and Django's development server with autoreload.
"""

from .base import *  # noqa: F403
from .env import env_bool, env_str

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")  # noqa: S105
if DEBUG:
    # Edited CSS and JS are served at once, without collectstatic.
    WHITENOISE_USE_FINDERS = True
else:
    STORAGES = {
        **STORAGES,  # noqa: F405
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
