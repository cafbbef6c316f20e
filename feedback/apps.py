from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """Citizens' feedback and complaints (synpunkter och klagomål)."""

    name = "feedback"
    verbose_name = _("Feedback")
