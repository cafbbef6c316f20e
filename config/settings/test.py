"""The test suite: development settings with what keeps it quick and predictable."""

from config.settings.development import *  # noqa: F403

# Hashing passwords slowly protects real accounts; the suite creates many throwaway ones.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Pages are kept only in the tests of the page cache (tests/portal/test_page_cache.py).
PAGE_CACHE_SECONDS = 0
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}
}
