from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """Citizens' feedback and complaints (synpunkter och klagomål)."""

    name = "feedback"
    verbose_name = _("Feedback")

    def ready(self):
        # Imported once the app registry is ready: the module works with models.
        from feedback.handlers_group import ensure_handlers_group

        # After each app's migrations (idempotent): the permissions it needs are created by
        # other apps' post_migrate handlers, which may run after ours for the same app.
        post_migrate.connect(ensure_handlers_group, dispatch_uid="feedback_handlers_group")
