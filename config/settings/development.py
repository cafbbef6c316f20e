"""Development: `make run` on a fresh machine, with nothing set in the environment."""

import os

from config.settings.base import *  # noqa: F403
from config.settings.base import env_bool, env_list

DEBUG = env_bool("DEBUG", default=True)
SECRET_KEY = SECRET_KEY or "django-insecure-development-only-key-never-use-in-production"  # noqa: F405
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

# One cache for every process on this machine (runserver, manage.py commands, the worker), so
# what a command publishes is seen by the server at once (portal/content_generation.py).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("CACHE_LOCATION", str(BASE_DIR / "var" / "cache")),  # noqa: F405
        "OPTIONS": {"MAX_ENTRIES": CACHE_MAX_ENTRIES},  # noqa: F405
    }
}
# A template changed while developing shows at once; the browser tests keep pages.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))
