"""Development: `make run` on a fresh machine, with nothing set in the environment."""

from config.settings.base import *  # noqa: F403
from config.settings.base import env_bool, env_list

DEBUG = env_bool("DEBUG", default=True)
SECRET_KEY = SECRET_KEY or "django-insecure-development-only-key-never-use-in-production"  # noqa: F405
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
