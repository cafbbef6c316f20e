"""Keep Wagtail's locales in step with settings.

After every migrate, each configured content language has a Locale that wagtail-localize keeps
synchronised from Swedish: pages not yet translated exist there as aliases of the Swedish page,
so every URL works in every language and the page can say it is not translated yet.
"""

from django.conf import settings
from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import synchronize_tree


def ensure_locales(**kwargs) -> None:
    default, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code == default.language_code:
            continue
        locale, _ = Locale.objects.get_or_create(language_code=code)
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": default})


def synchronise_trees() -> None:
    """Create aliases for every Swedish page that a locale lacks (wagtail-localize's sync)."""
    for sync in LocaleSynchronization.objects.select_related("locale", "sync_from"):
        synchronize_tree(sync.sync_from, sync.locale)
