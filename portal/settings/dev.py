"""Local development and the demo served by ``make run``."""

from .base import *  # noqa: F403
from .env import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")  # noqa: S105
WHITENOISE_USE_FINDERS = True
