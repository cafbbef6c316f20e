"""Feedback and complaints (synpunkter och klagomål): what citizens send, and the lists and
deadline policy staff keep."""

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site, TranslatableMixin

from feedback import triage
from feedback.choices import AnswerBy, AnswerChannel, Channel, Kind, Status
from portal.content_generation import remembered
from portal.models import GuaranteeCommitment


class ListEntry(TranslatableMixin, models.Model):
    """An entry of a list staff keep, with a name per language (translated like pages)."""

    name = models.CharField(_("name"), max_length=100)
    sort_order = models.IntegerField(_("order"), default=0)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive entries are not offered on the form.")
    )

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class LocalisedNames:
    """The names of one list's entries in a reader's locale, joined by ``translation_key``.
    An entry not yet translated keeps its own (Swedish) name, and ``language`` says so."""

    def __init__(self, model: type[ListEntry], locale):
        self.names = dict(
            model.objects.filter(locale=locale).values_list("translation_key", "name")
        )

    def label(self, entry: ListEntry) -> str:
        return self.names.get(entry.translation_key, entry.name)

    def language(self, entry: ListEntry) -> str:
        """The label's language where it is not the reader's, else ""."""
        return "" if entry.translation_key in self.names else entry.locale.language_code


class Category(ListEntry):
    suggests_appeal = models.BooleanField(
        _("may be an appeal"),
        default=False,
        help_text=_("Feedback in this category is flagged for the handler as a possible appeal."),
    )
    # The accessibility statement's "report a problem" link chooses this category, and the
    # statement's own answer time is its answer time (feedback.deadlines).
    website_accessibility = models.BooleanField(
        _("reports about the website's accessibility"),
        default=False,
        help_text=_(
            "The accessibility statement's link for reporting a problem opens the form with this "
            "category chosen, and the statement's answer time applies to it. One category at "
            "most."
        ),
    )

    class Meta(ListEntry.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def clean(self):
        super().clean()
        if not self.website_accessibility:
            return
        others = Category.objects.filter(locale_id=self.locale_id, website_accessibility=True)
        if self.translation_key:
            others = others.exclude(translation_key=self.translation_key)
        if others.exists():
            raise ValidationError(
                {
                    "website_accessibility": _(
                        "Another category is already the one for reports about the website's "
                        "accessibility."
                    )
                }
            )
        if ResponseDeadline.objects.filter(category__translation_key=self.translation_key).exists():
            raise ValidationError(
                {
                    "website_accessibility": _(
                        "This category has response deadlines of its own: remove them first. "
                        "The accessibility statement's answer time will apply instead."
                    )
                }
            )


class District(ListEntry):
    class Meta(ListEntry.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")


class ResponseDeadline(models.Model):
    """How many working days the unit has to acknowledge and to answer, per kind of feedback,
    optionally overridden for one category."""

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        help_text=_("Leave empty for the rule that applies to every category."),
    )
    acknowledge_within = models.PositiveSmallIntegerField(
        _("acknowledge within (working days)"),
        null=True,
        blank=True,
        help_text=_("Leave empty when no acknowledgement is needed."),
    )
    answer_within = models.PositiveSmallIntegerField(
        _("answer within (working days)"),
        null=True,
        blank=True,
        help_text=_("Leave empty when no answer is needed, e.g. for praise."),
    )

    class Meta:
        verbose_name = _("response deadline")
        verbose_name_plural = _("response deadlines")
        constraints = [
            models.UniqueConstraint(
                fields=["kind"], condition=models.Q(category=None), name="one_default_per_kind"
            ),
            models.UniqueConstraint(fields=["kind", "category"], name="one_rule_per_category"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.category or _('all categories')}"

    def clean(self):
        super().clean()
        if (
            self.category_id
            and Category.objects.filter(
                translation_key=self.category.translation_key, website_accessibility=True
            ).exists()
        ):
            raise ValidationError(
                {
                    "category": _(
                        "Reports about the website's accessibility are due within the working "
                        "days the accessibility statement promises: change the number there."
                    )
                }
            )


class ReferenceCounter(models.Model):
    """The last reference number given out in a year; see ``references.next_reference``."""

    wagtail_reference_index_ignore = True

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)


class Feedback(models.Model):
    # Registers, not content: Wagtail's reference index (what links to a page or snippet) is
    # not updated on each of their saves.
    wagtail_reference_index_ignore = True

    reference = models.CharField(_("reference"), max_length=12, unique=True, editable=False)
    year = models.PositiveSmallIntegerField(editable=False)
    number = models.PositiveIntegerField(editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    category = models.ForeignKey(Category, verbose_name=_("category"), on_delete=models.PROTECT)
    district = models.ForeignKey(
        District, verbose_name=_("district"), on_delete=models.PROTECT, null=True, blank=True
    )
    commitment = models.ForeignKey(
        GuaranteeCommitment,
        verbose_name=_("commitment not kept"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback",
    )
    message = models.TextField(_("message"), max_length=5000)
    # The page's language on the web form; staff can change it. Answers, the follow-up question
    # and the printed letter are written in it (portal.languages.written_in).
    language = models.CharField(_("language of the reply"), max_length=10)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    interpreter_needed = models.BooleanField(
        _("interpreter needed"),
        default=False,
        help_text=_("Book an interpreter for a phone call or a meeting in the reply language."),
    )
    interpreter_language = models.CharField(
        _("interpreter in"),
        max_length=60,
        blank=True,
        help_text=_("The interpreter's language where it is not the reply language."),
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    postal_address = models.TextField(_("postal address"), max_length=500, blank=True)
    answer_by = models.CharField(
        _("answer wanted"), max_length=10, choices=AnswerBy.choices, blank=True
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    acknowledge_due = models.DateField(_("acknowledge by"), null=True, blank=True)
    answer_due = models.DateField(_("answer by"), null=True, blank=True)
    # Triage: who handles it, the written answer and what the unit changed because of it.
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handler"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_feedback",
    )
    answer_text = models.TextField(_("answer"), blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    answer_channel = models.CharField(
        _("answered by"), max_length=10, choices=AnswerChannel.choices, blank=True
    )
    justified = models.BooleanField(
        _("complaint justified"),
        null=True,
        blank=True,
        help_text=_("Was the quality requirement really not met?"),
    )
    action_taken = models.TextField(
        _("action taken"),
        blank=True,
        help_text=_("What the unit changed to improve the service (åtgärd)."),
    )
    # Appeal guard (FL 44–46 §§): flagged at intake by its words or category (appeal_guard).
    may_be_appeal = models.BooleanField(_("may be an appeal"), default=False)
    decision_told_on = models.DateField(
        _("told of the decision on"),
        null=True,
        blank=True,
        help_text=_("The day the person was told of the decision: the three weeks count from it."),
    )
    appeal_arrived_on = models.DateField(
        _("appeal arrived on"),
        null=True,
        blank=True,
        help_text=_("The day it arrived at the unit: this, not the day it is forwarded, counts."),
    )
    # The day the handler forwarded it as an appeal; set once, the citizen is told then.
    appeal_forwarded_on = models.DateField(
        _("forwarded as an appeal on"), null=True, blank=True, editable=False
    )
    # Delay notice (FL 11 §): a new answer date and why, told to the citizen. Recorded after
    # the first answer date had passed, it still counts as late without notice (reports).
    delayed_answer_due = models.DateField(_("new answer date"), null=True, blank=True)
    delay_reason = models.TextField(
        _("reason for the delay"),
        max_length=1000,
        blank=True,
        help_text=_(
            "In plain words: the citizen reads it on the status page. No names or details of "
            "the case."
        ),
    )
    delay_noticed_on = models.DateField(
        _("delay notice recorded on"), null=True, blank=True, editable=False
    )
    # Safeguarding (socialtjänstlagen): a child's or a vulnerable adult's safety is at stake.
    # Flagged at intake by its words (feedback.safeguarding) or by the handler; due the day it
    # is flagged (triage.next_due) until what was done is recorded.
    safeguarding = models.BooleanField(
        _("safeguarding concern"),
        default=False,
        help_text=_(
            "A child or a vulnerable adult may be at risk, or the unit's own work may have "
            "failed someone: the unit head is told at once and the steps are due today."
        ),
    )
    safeguarding_due = models.DateField(
        _("safeguarding concern raised on"), null=True, blank=True, editable=False
    )
    safeguarding_action = models.TextField(
        _("what was done"),
        max_length=2000,
        blank=True,
        help_text=_(
            "E.g. a report of concern was made to the social welfare committee, or a lex Sarah "
            "report. No personal identity numbers."
        ),
    )
    safeguarding_action_on = models.DateField(_("done on"), null=True, blank=True)
    # Answered or closed on this day (cleared when reopened): the retention period starts here.
    closed_on = models.DateField(_("closed on"), null=True, blank=True, editable=False)
    # The day retention (or an erasure) blanked the sender's details and every free text.
    personal_data_removed_on = models.DateField(
        _("personal data removed on"), null=True, blank=True, editable=False
    )
    lookup_code_hash = models.CharField(max_length=64, editable=False)
    # One web submission, however often it is sent (double click, refresh).
    submission_id = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # One more on every save (see ``save``): a handler's form carries the version it opened,
    # and a save on top of a newer one is refused (feedback/edit_lock.py).
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        permissions = [
            ("audit_feedback", _("Can read the access log and answer data-subject requests"))
        ]
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="one_number_per_year")
        ]
        indexes = [
            models.Index(fields=["received_at"]),
            models.Index(fields=["status"]),
            # The staff list (newest first, 50 a page): filtered by status, category, district or
            # handler, also within a year (a range of received_at), it reads its page straight
            # from one of these, however old the matching items are. (Status and the foreign
            # keys keep their own smaller indexes, which count faster.) See bench/admin_list.py.
            models.Index(fields=["status", "received_at"], name="feedback_status_list_idx"),
            models.Index(fields=["category", "received_at"], name="feedback_category_list_idx"),
            models.Index(fields=["district", "received_at"], name="feedback_district_list_idx"),
            models.Index(fields=["assigned_to", "received_at"], name="feedback_handler_list_idx"),
            # The other columns the list sorts by, then by arrival (reference is unique, so
            # indexed; status is above).
            models.Index(fields=["answer_due"], name="feedback_answer_due_idx"),
            models.Index(fields=["kind", "received_at"], name="feedback_kind_list_idx"),
            # The open items (a small part of the register once it is years old) with what
            # makes one overdue: the overdue filter, the dashboard and the reminders.
            models.Index(
                fields=["received_at", "status", "acknowledge_due", "answer_due"],
                condition=triage.open_filter(),
                name="feedback_open_idx",
            ),
            # The list's default order, the handler's work order (feedback/work_list.py): the
            # overdue first, then by the date due, closed items last, newest first; and the same
            # with the latest due date first (the Due column sorted the other way).
            models.Index(
                triage.work_group_expression(),
                triage.next_due_expression(),
                models.F("received_at").desc(),
                models.F("id").desc(),
                name="feedback_work_order_idx",
            ),
            models.Index(
                triage.work_group_expression(),
                triage.next_due_expression().desc(),
                models.F("received_at").desc(),
                models.F("id").desc(),
                name="feedback_work_order_late_idx",
            ),
            # The "may be an appeal" filter: few items are flagged.
            models.Index(
                fields=["received_at"],
                condition=models.Q(may_be_appeal=True),
                name="feedback_appeal_list_idx",
            ),
            # The report lists the actions taken; few items have one.
            models.Index(
                fields=["received_at"],
                condition=~models.Q(action_taken=""),
                name="feedback_with_action_idx",
            ),
        ]

    def __str__(self):
        return self.reference

    def save(self, *args, **kwargs):
        self.closed_on = triage.closed_on(self, timezone.localdate())
        update_fields = kwargs.get("update_fields")
        if update_fields:
            derived = {"version", "closed_on"} if "status" in update_fields else {"version"}
            kwargs["update_fields"] = {*update_fields, *derived}
        if self._state.adding:
            super().save(*args, **kwargs)
            return
        # Counted by the database, so writers that loaded the item at the same version (the
        # bulk assignment, the escalation) still each make a new one.
        self.version = models.F("version") + 1
        super().save(*args, **kwargs)
        self.refresh_from_db(fields=["version"])

    @property
    def wants_answer(self) -> bool:
        return bool(self.answer_by)

    @property
    def promised_answer_date(self):
        """The one rule for what the citizen is promised (receipt page, receipt e-mail, status
        page): an answer by the due date (the new one after a delay notice), only to someone
        who asked for one. Nothing else is
        promised; the receipt itself is the acknowledgement."""
        return triage.answer_due(self) if self.wants_answer else None

    @property
    def is_anonymous(self) -> bool:
        return not (self.name or self.email or self.phone or self.postal_address)

    @property
    def is_open(self) -> bool:
        return triage.is_open(self)

    @property
    def next_due(self):
        return triage.next_due(self)


class FeedbackNote(models.Model):
    """An internal note on a feedback item; the notes make its timeline."""

    wagtail_reference_index_ignore = True

    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("note"), max_length=5000)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("note")
        verbose_name_plural = _("notes")


class ReminderDigest(models.Model):
    """One reminder e-mail per handler and day, so a second run the same day sends nothing."""

    wagtail_reference_index_ignore = True

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    items = models.PositiveIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="one_digest_a_day")]


class Notification(models.Model):
    """An e-mail about a feedback item: sent once, retried while it fails, visible to staff."""

    wagtail_reference_index_ignore = True

    class Purpose(models.TextChoices):
        RECEIPT = "receipt", _("Receipt to the sender")
        INBOX = "inbox", _("Notice to the feedback inbox")
        ANSWER = "answer", _("Answer to the sender")
        APPEAL = "appeal", _("Forwarded as an appeal, to the sender")
        DELAY = "delay", _("Delay notice to the sender")
        SAFEGUARDING = "safeguard", _("Safeguarding concern, to the unit heads")
        HELP_QUESTION = "helped", _("“Did our answer help?”, to the sender")

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed, will be retried")
        GAVE_UP = "gave_up", _("Failed, not retried")

    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="notifications")
    purpose = models.CharField(_("purpose"), max_length=10, choices=Purpose.choices)
    recipient = models.EmailField(_("recipient"))
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    # When a worker took it to send: a worker that died mid-send leaves it "sending", and it is
    # taken up again once this is older than notifications.SENDING_LEASE.
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # The receipt repeats the status lookup code, kept only until the receipt has gone out,
    # and links to the status lookup in the sender's language.
    lookup_code = models.CharField(max_length=20, blank=True, editable=False)
    status_url = models.URLField(max_length=500, blank=True, editable=False)
    # An answer e-mail's fingerprint of the answer text (notifications.answer_fingerprint):
    # one e-mail per answer, a corrected answer is a new one.
    answer_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("e-mail notification")
        verbose_name_plural = _("e-mail notifications")
        constraints = [
            models.UniqueConstraint(
                fields=["feedback", "answer_hash"],
                condition=models.Q(purpose="answer") & ~models.Q(answer_hash=""),
                name="one_email_per_answer",
            )
        ]

    def __str__(self):
        return f"{self.feedback} {self.get_purpose_display()}"

    @admin.display(description=_("error"))
    def error_type(self) -> str:
        """What went wrong, without the server's words (which can name the recipient)."""
        return self.last_error.partition(":")[0]


@register_setting(icon="mail")
class FeedbackSettings(BaseSiteSetting):
    inbox_email = models.EmailField(
        _("feedback inbox"),
        blank=True,
        help_text=_("Every new piece of feedback is announced to this address."),
    )
    deputy_email = models.EmailField(
        _("deputy unit head's e-mail"),
        blank=True,
        help_text=_(
            "Feedback nobody has picked up when half its time to the answer date has passed "
            "goes to the unit heads and to this address (the deputy head)."
        ),
    )
    submissions_per_hour = models.PositiveSmallIntegerField(
        _("submissions per hour from one address"), default=5
    )
    statistics_minimum = models.PositiveSmallIntegerField(
        _("smallest count shown in the open statistics"),
        default=3,
        help_text=_(
            "Smaller counts are not shown, nor one more where it could be worked out from the "
            "total, so that no one can be identified."
        ),
    )
    ask_if_helped_after = models.PositiveSmallIntegerField(
        _("ask “Did our answer help?” after (working days)"),
        null=True,
        blank=True,
        default=10,
        help_text=_(
            "Working days after the answer that a person who gave an e-mail address is asked. "
            "Leave empty to ask no one."
        ),
    )
    help_link_days = models.PositiveSmallIntegerField(
        _("the question's link works for (days)"), default=30
    )
    minimum_fill_seconds = models.PositiveSmallIntegerField(
        _("minimum seconds to fill in the form"),
        default=3,
        help_text=_("Faster submissions are treated as automated."),
    )

    class Meta:
        verbose_name = _("feedback settings")

    @classmethod
    def kept_for(cls, site: Site) -> "FeedbackSettings":
        """``for_site``, kept in memory: saving settings (or a site) is a content change, so
        the form's limits hold from the next request on, on every app server. Read only."""
        return remembered(("feedback-settings", site.pk), lambda: cls.for_site(site))

    @classmethod
    def for_default_site(cls) -> "FeedbackSettings | None":
        site = Site.objects.filter(is_default_site=True).first()
        return cls.for_site(site) if site else None

    @classmethod
    def default_inbox(cls) -> str:
        """The default site's inbox address ("" for none), kept in memory like ``kept_for``."""

        def build():
            chosen = cls.for_default_site()
            return chosen.inbox_email if chosen else ""

        return remembered(("feedback-inbox",), build)
