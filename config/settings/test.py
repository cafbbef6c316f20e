"""The test suite: development settings with what keeps it quick and predictable."""

from config.settings.development import *  # noqa: F403

# Hashing passwords slowly protects real accounts; the suite creates many throwaway ones.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}
}
