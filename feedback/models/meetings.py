"""The workplace meeting (arbetsplatsträff, APT), where the unit discusses feedback and decides
what to change. Feedback items and categories wait on the list for the next meeting; each
decision is an action with an owner and a date, followed up 30, 60 and 90 days after the
meeting ("done / partly / not"). When an action is overdue is decided in
``feedback.action_rules``."""

from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from feedback.models.feedback import Category, District, Feedback

# Calendar days after the meeting at which each decision is followed up.
FOLLOW_UP_DAYS = (30, 60, 90)


class ActionStatus(models.TextChoices):
    """Where an action stands: set by its owner or by the latest follow-up."""

    OPEN = "open", _("Under way")
    DONE = "done", _("Done")
    PARTLY = "partly", _("Partly done")
    NOT_DONE = "not", _("Not done")


class CheckResult(models.TextChoices):
    """What a follow-up found; "" is not followed up yet."""

    UNSET = "", _("Not followed up yet")
    DONE = "done", _("Done")
    PARTLY = "partly", _("Partly done")
    NOT_DONE = "not", _("Not done")


def meeting_label(held_on) -> str:
    return _("Workplace meeting %(date)s") % {"date": held_on.isoformat()}


class Meeting(models.Model):
    wagtail_reference_index_ignore = True

    held_on = models.DateField(_("held on"))
    title = models.CharField(
        _("title"), max_length=200, blank=True, help_text=_("Optional, e.g. “APT in March”.")
    )
    notes = models.TextField(
        _("notes"),
        max_length=5000,
        blank=True,
        help_text=_("Internal. No names or personal identity numbers of the people who wrote."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("workplace meeting")
        verbose_name_plural = _("workplace meetings")

    def __str__(self):
        label = meeting_label(self.held_on)
        return f"{label}: {self.title}" if self.title else label

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # A corrected meeting date moves the follow-ups not yet recorded.
        for action in self.actions.all():
            action.schedule_checks()

    def delete(self, *args, **kwargs):
        """What it took up waits for the next meeting again (``release_topics``)."""
        with transaction.atomic():
            release_topics(self.topics.all())
            return super().delete(*args, **kwargs)


class MeetingTopic(models.Model):
    """A feedback item or a category put on the list for the next workplace meeting, until a
    meeting takes it up (``meeting``)."""

    wagtail_reference_index_ignore = True

    feedback = models.ForeignKey(
        Feedback,
        verbose_name=_("feedback"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="meeting_topics",
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.CharField(
        _("why"),
        max_length=500,
        blank=True,
        help_text=_("What the meeting should discuss. No names or personal identity numbers."),
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("put on the list by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    added_at = models.DateTimeField(_("put on the list"), auto_now_add=True)
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("discussed at"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="topics",
    )

    class Meta:
        ordering = ["added_at", "pk"]
        verbose_name = _("topic for the workplace meeting")
        verbose_name_plural = _("topics for the workplace meeting")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(feedback__isnull=False) | models.Q(category__isnull=False),
                name="topic_is_an_item_or_a_category",
            ),
            models.UniqueConstraint(
                fields=["feedback"],
                condition=models.Q(meeting=None, feedback__isnull=False),
                name="an_item_waits_once",
            ),
        ]

    def __str__(self):
        if self.feedback_id and self.category_id:
            return f"{self.feedback.reference} ({self.category.name})"
        return self.feedback.reference if self.feedback_id else self.category.name


def release_topics(topics) -> None:
    """Topics a meeting no longer takes up wait for the next one again. An item waits once: if
    it was put on the list again meanwhile, its topic here is merged into the waiting one (whose
    note it gives if that one has none)."""
    for topic in topics:
        waiting = (
            MeetingTopic.objects.filter(feedback_id=topic.feedback_id, meeting=None)
            .exclude(pk=topic.pk)
            .first()
            if topic.feedback_id
            else None
        )
        if waiting is None:
            topic.meeting = None
            topic.save(update_fields=["meeting"])
            continue
        if topic.note and not waiting.note:
            waiting.note = topic.note
            waiting.save(update_fields=["note"])
        topic.delete()


class Action(models.Model):
    """A decision of a workplace meeting: what is to change, who sees to it and by when."""

    wagtail_reference_index_ignore = True

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("decided at"), on_delete=models.PROTECT, related_name="actions"
    )
    title = models.CharField(
        _("action"),
        max_length=200,
        help_text=_(
            "In a few words: it is shown in lists, reminders and the yearly report. No names."
        ),
    )
    decision = models.TextField(
        _("what was decided"),
        max_length=5000,
        blank=True,
        help_text=_("Internal. No names or personal identity numbers of the people who wrote."),
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Leave empty when it concerns every category."),
    )
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Leave empty for the whole unit."),
    )
    feedback = models.ManyToManyField(
        Feedback,
        verbose_name=_("feedback items"),
        blank=True,
        related_name="meeting_actions",
        help_text=_("The items on the list that led to it, if any."),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="meeting_actions",
    )
    due_on = models.DateField(_("to be done by"))
    status = models.CharField(
        _("status"), max_length=6, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        indexes = [
            models.Index(
                fields=["due_on"], condition=~models.Q(status="done"), name="action_not_done_idx"
            )
        ]

    def __str__(self):
        return f"{meeting_label(self.meeting.held_on)}: {self.title}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "meeting" in update_fields:
            self.schedule_checks()

    def schedule_checks(self) -> None:
        """Its follow-ups, one per FOLLOW_UP_DAYS, counted from the meeting; those not yet
        recorded follow a corrected meeting date."""
        held_on = self.meeting.held_on
        for days in FOLLOW_UP_DAYS:
            due = held_on + timedelta(days=days)
            check, created = ActionCheck.objects.get_or_create(
                action=self, after_days=days, defaults={"due_on": due}
            )
            if not created and not check.result and check.due_on != due:
                check.due_on = due
                check.save(update_fields=["due_on"])


class ActionCheck(models.Model):
    """The follow-up of an action a number of days after the meeting."""

    wagtail_reference_index_ignore = True

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="checks")
    after_days = models.PositiveSmallIntegerField(_("days after the meeting"))
    due_on = models.DateField(_("follow up on"))
    result = models.CharField(_("result"), max_length=6, choices=CheckResult.choices, blank=True)
    note = models.TextField(
        _("note"),
        max_length=2000,
        blank=True,
        help_text=_("What was seen. No names or personal identity numbers."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    recorded_on = models.DateField(_("recorded on"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["action", "after_days"]
        verbose_name = _("follow-up of an action")
        verbose_name_plural = _("follow-ups of actions")
        constraints = [
            models.UniqueConstraint(fields=["action", "after_days"], name="one_check_per_day")
        ]
        indexes = [
            models.Index(
                fields=["due_on"], condition=models.Q(result=""), name="actioncheck_open_idx"
            )
        ]

    def __str__(self):
        return _("Follow-up after %(days)d days") % {"days": self.after_days}


class ActionDigest(models.Model):
    """One reminder e-mail about actions per owner and day, so a second run sends nothing."""

    wagtail_reference_index_ignore = True

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    items = models.PositiveIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="one_action_digest_a_day")
        ]
