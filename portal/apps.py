from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_migrate, post_save, pre_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        # Imported once the app registry is ready: the module works with models.
        from portal import content_generation
        from portal.database_setup import ensure_cache_table
        from portal.guarantee_approval import assign_guarantee_workflow, on_guarantee_index_saved
        from portal.locale_setup import ensure_locales
        from portal.models import GuaranteeIndexPage
        from portal.staff_sessions import note_sign_in

        content_generation.connect()
        pre_migrate.connect(ensure_cache_table, sender=self, dispatch_uid="portal_cache_table")
        post_migrate.connect(ensure_locales, sender=self)
        post_migrate.connect(assign_guarantee_workflow, sender=self)
        post_save.connect(on_guarantee_index_saved, sender=GuaranteeIndexPage)
        user_logged_in.connect(note_sign_in, dispatch_uid="portal_staff_sign_in_activity")
