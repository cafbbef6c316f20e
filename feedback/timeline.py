"""An item's timeline: everything that happened to it, oldest first, in one list.

Built from the item itself (when it arrived), its history (``ModelLogEntry``: registered by
staff, triage saves, delay notices, forwarding as an appeal, escalations), its internal notes
and its e-mails with their delivery state. A handful of queries whatever its length: one each
for the history, the notes and the e-mails, and one for the handlers the history names.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry

from feedback import escalation
from feedback.choices import Status
from feedback.models import Feedback, HelpQuestion, Notification
from portal.templatetags.portal_tags import local_date, local_time
from portal.workdays import STOCKHOLM

ACTIONS = (
    "wagtail.create",
    "feedback.triage",
    "feedback.delay_notice",
    "feedback.appeal_forwarded",
    "feedback.escalation",
    "feedback.safeguarding",
)
# Shown by events of their own (the note, the e-mail), not as changed fields of a save.
NOT_FIELDS = {"note", "send_answer_by_email", "forward_as_appeal"}
FIELD_ORDER = {field.name: n for n, field in enumerate(Feedback._meta.fields)}
# An e-mail's delivery state as a Wagtail status tag: the words say it, the colour repeats it.
STATE_TAGS = {
    Notification.State.PENDING: "label",
    Notification.State.SENDING: "label",
    Notification.State.SENT: "primary",
    Notification.State.FAILED: "critical",
    Notification.State.GAVE_UP: "critical",
}


@dataclass
class Event:
    at: datetime
    kind: str
    title: str
    by: str = ""
    details: list[str] = field(default_factory=list)
    text: str = ""
    state: str = ""
    state_label: str = ""

    @property
    def iso(self) -> str:
        return self.at.astimezone(STOCKHOLM).isoformat(timespec="seconds")

    @property
    def state_tag(self) -> str:
        return STATE_TAGS.get(self.state, "label")


def _name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


def _day(value: str | None) -> str:
    return local_date(date.fromisoformat(value)) if value else "–"


def _field_label(name: str) -> str:
    try:
        return str(Feedback._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


def _field_order(name: str) -> int:
    return FIELD_ORDER.get(name, len(FIELD_ORDER))


def _user_id(value) -> int | None:
    if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
        return int(value)
    return None


def for_item(feedback: Feedback) -> list[Event]:
    entries = list(
        ModelLogEntry.objects.for_instance(feedback)
        .filter(action__in=ACTIONS)
        .select_related("user")
        .order_by("timestamp", "pk")
    )
    named = {
        _user_id(entry.data.get(key))
        for entry in entries
        for key in ("assigned_to", "to")
        if key in entry.data
    } - {None}
    users = get_user_model().objects.in_bulk(named) if named else {}
    events = [
        Event(
            feedback.received_at,
            "received",
            _("Received"),
            details=[feedback.get_channel_display()],
        )
    ]
    status = Status.RECEIVED
    for entry in entries:
        event, status = _from_log(entry, status, users)
        if event:
            events.append(event)
    events += [
        Event(note.created_at, "note", _("Internal note"), by=_name(note.author), text=note.text)
        for note in feedback.notes.select_related("author")
    ]
    emails = list(feedback.notifications.all())
    events += [_from_notification(n) for n in emails]
    # Only someone e-mailed the question can have answered it.
    asked = any(n.purpose == Notification.Purpose.HELP_QUESTION for n in emails)
    question = asked and HelpQuestion.objects.filter(feedback=feedback).first()
    if question and question.answered_at:
        events.append(
            Event(
                question.answered_at,
                "helped",
                _("The sender answered “Did our answer help?”: %(answer)s")
                % {"answer": question.get_answer_display()},
                text=question.comment,
            )
        )
    return sorted(events, key=lambda event: event.at)


def _from_log(entry, status: str, users: dict) -> tuple[Event | None, str]:
    """The event of one history row (None for a save that only added a note or sent an
    e-mail, shown by their own events) and the item's status after it."""
    data, by = entry.data or {}, _name(entry.user)
    if entry.action == "wagtail.create":
        return Event(entry.timestamp, "registered", _("Registered by staff"), by=by), status
    if entry.action == "feedback.delay_notice":
        details = [
            _("New answer date %(new)s (the first was %(first)s).")
            % {
                "new": _day(data.get("new_answer_date")),
                "first": _day(data.get("first_answer_date")),
            }
        ]
        if data.get("in_time") is False:
            details.append(_("Given after the first answer date."))
        return Event(entry.timestamp, "delay", _("Delay notice"), by=by, details=details), status
    if entry.action == "feedback.appeal_forwarded":
        details = [_("Arrived on %(date)s.") % {"date": _day(data.get("arrived_on"))}]
        if data.get("last_day"):
            details.append(_("Last day to appeal: %(date)s.") % {"date": _day(data["last_day"])})
        return Event(
            entry.timestamp, "appeal", _("Forwarded as an appeal"), by=by, details=details
        ), status
    if entry.action == "feedback.escalation":
        details = [escalation.described(data)]
        return Event(entry.timestamp, "escalation", _("Escalated"), by=by, details=details), status
    if entry.action == "feedback.safeguarding":
        details = [_("Due the same day; the unit heads were told.")]
        return Event(
            entry.timestamp, "safeguarding", _("Safeguarding concern"), by=by, details=details
        ), status
    return _from_triage(entry, data, by, status, users)


def _from_triage(entry, data: dict, by: str, status: str, users: dict):
    new_status = data.get("status") or status
    changed = [name for name in data.get("changed", []) if name not in NOT_FIELDS]
    if new_status == status and not changed:
        return None, status
    details = []
    if "assigned_to" in changed and "assigned_to" in data:
        handler = users.get(_user_id(data["assigned_to"]))
        details.append(
            _("Assigned to %(handler)s.") % {"handler": _name(handler)}
            if handler
            else _("No handler any more.")
        )
    shown = [name for name in changed if name != "status"]
    if "assigned_to" in data:
        shown = [name for name in shown if name != "assigned_to"]  # said above, by name
    labels = [_field_label(name) for name in sorted(shown, key=_field_order)]
    if labels:
        details.append(_("Changed: %(fields)s.") % {"fields": ", ".join(labels)})
    if new_status != status:
        title = _("Status: %(old)s → %(new)s") % {
            "old": Status(status).label,
            "new": Status(new_status).label,
        }
    else:
        title = _("Updated")
    return Event(entry.timestamp, "triage", title, by=by, details=details), new_status


def _from_notification(notification: Notification) -> Event:
    titles = {
        Notification.Purpose.RECEIPT: _("Receipt e-mailed to the sender"),
        Notification.Purpose.INBOX: _("New feedback e-mailed to the feedback inbox"),
        Notification.Purpose.ANSWER: _("Answer e-mailed to the sender"),
        Notification.Purpose.APPEAL: _("Forwarding as an appeal e-mailed to the sender"),
        Notification.Purpose.DELAY: _("Delay notice e-mailed to the sender"),
        Notification.Purpose.SAFEGUARDING: _("Safeguarding concern e-mailed to the unit heads"),
        Notification.Purpose.HELP_QUESTION: _("“Did our answer help?” e-mailed to the sender"),
    }
    details = []
    if notification.state == Notification.State.SENT and notification.sent_at:
        sent = {
            "date": local_date(notification.sent_at),
            "time": local_time(notification.sent_at),
            "address": notification.recipient or "–",
        }
        details.append(_("Sent on %(date)s at %(time)s to %(address)s.") % sent)
    elif notification.recipient:
        details.append(_("To %(whom)s.") % {"whom": notification.recipient})
    if notification.state == Notification.State.FAILED and notification.next_attempt_at:
        details.append(
            _("Attempt %(attempts)d failed; next attempt on %(date)s at %(time)s.")
            % {
                "attempts": notification.attempts,
                "date": local_date(notification.next_attempt_at),
                "time": local_time(notification.next_attempt_at),
            }
        )
    return Event(
        notification.created_at,
        f"email-{notification.purpose}",
        titles.get(notification.purpose, notification.get_purpose_display()),
        details=details,
        state=notification.state,
        state_label=notification.get_state_display(),
    )
