"""The open statistics, counted once per change of the register rather than per visitor.

The figures depend on the feedback items (a new register token on every save or deletion of
one), the category names (the content generation), the reader's language, the minimum shown
and the day (what is due, which years are listed)."""

from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Locale

from feedback import reports
from portal import content_generation

KEY = "feedback:register-generation"
KEPT_SECONDS = 24 * 60 * 60


def register_changed(**kwargs) -> None:
    """A feedback item was saved or deleted: count again."""
    content_generation.renew(KEY)


def open_statistics(minimum: int, language: str, years: int) -> list[reports.OpenYear]:
    today = timezone.localdate()
    key = ":".join(
        str(part)
        for part in (
            "feedback:open-statistics",
            content_generation.token(KEY),
            content_generation.current(),
            language,
            minimum,
            years,
            today.isoformat(),
        )
    )
    found = cache.get(key)
    if found is None:
        locale = Locale.objects.get_for_language(language)
        found = reports.open_statistics(minimum, locale, years=years, today=today)
        cache.set(key, found, KEPT_SECONDS)
    return found
