from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """Citizens' feedback and complaints (synpunkter och klagomål)."""

    name = "feedback"
    verbose_name = _("Feedback")

    def ready(self):
        # Imported once the app registry is ready: the module works with models.
        from feedback.follow_up_setup import ensure_follow_up_roles
        from feedback.handlers_group import ensure_handlers_group
        from feedback.models import (
            AppealWord,
            Category,
            District,
            Feedback,
            FollowUp,
            FollowUpResult,
            PublishedChange,
            ResponseDeadline,
            SafeguardingWord,
        )
        from feedback.statistics_cache import register_changed
        from portal import content_generation

        # Pages show the lists (the form, the statistics, the follow-up, "You said, we did"),
        # and submissions take their due dates from the deadline policy and their flags from the
        # appeal and safeguarding words, kept in memory: editing any of them is a content change.
        content_generation.watch(
            Category,
            District,
            FollowUp,
            FollowUpResult,
            PublishedChange,
            AppealWord,
            SafeguardingWord,
            ResponseDeadline,
        )
        post_save.connect(register_changed, sender=Feedback, dispatch_uid="feedback_counted")
        post_delete.connect(register_changed, sender=Feedback, dispatch_uid="feedback_uncounted")

        # After each app's migrations (idempotent): the permissions it needs are created by
        # other apps' post_migrate handlers, which may run after ours for the same app.
        post_migrate.connect(ensure_handlers_group, dispatch_uid="feedback_handlers_group")
        post_migrate.connect(ensure_follow_up_roles, dispatch_uid="feedback_follow_up_roles")
