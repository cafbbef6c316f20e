"""The choices citizens see on the form, the status page and the guarantee page (translated into
every language)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    COMPLAINT = "complaint", _("Complaint")
    SUGGESTION = "suggestion", _("Opinion or suggestion")
    PRAISE = "praise", _("Praise")


class Channel(models.TextChoices):
    WEB = "web", _("Web form")
    PHONE = "phone", _("Phone")
    VISIT = "visit", _("Visit")
    LETTER = "letter", _("Letter")
    EMAIL = "email", _("E-mail")


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    IN_PROGRESS = "in_progress", _("In progress")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class AnswerBy(models.TextChoices):
    NONE = "", _("No answer wanted")
    EMAIL = "email", _("By e-mail")
    PHONE = "phone", _("By phone")
    LETTER = "letter", _("By letter")


class AnswerChannel(models.TextChoices):
    """How staff answered: in writing or in person."""

    EMAIL = "email", _("E-mail")
    LETTER = "letter", _("Letter")
    PHONE = "phone", _("Phone")
    MEETING = "meeting", _("Meeting")


class Verdict(models.TextChoices):
    """Whether a commitment was kept, in the guarantee's follow-up."""

    KEPT = "kept", _("Kept in full")
    PARTLY = "partly", _("Partly kept")
    NOT_KEPT = "not_kept", _("Not kept")


class Helped(models.TextChoices):
    """The citizen's answer to "Did our answer help?" (feedback.help_questions)."""

    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")
