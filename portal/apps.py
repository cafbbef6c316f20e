from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        # Imported once the app registry is ready: the module works with models.
        from portal.locale_setup import ensure_locales

        post_migrate.connect(ensure_locales, sender=self)
