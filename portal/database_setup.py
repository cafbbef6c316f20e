"""Before ``migrate``: the database cache's table, which post-migrate hooks may already use
(Wagtail and wagtail-localize touch the cache while the locales are set up)."""

from django.core.management import call_command


def ensure_cache_table(using="default", **kwargs) -> None:
    call_command("createcachetable", database=using, verbosity=0)  # only database caches
