"""Registering feedback: one transaction gives it a reference, deadlines, a lookup code, the
appeal and safeguarding flags, and the e-mails about it are queued only once it is safely
saved."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from feedback import appeal_guard, deadlines, notifications, safeguarding
from feedback.models.feedback import Feedback
from feedback.references import next_reference

LOOKUP_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to mix up
LOOKUP_LENGTH = 10


def hash_lookup_code(reference: str, code: str) -> str:
    normalised = code.replace("-", "").replace(" ", "").upper()
    return hashlib.sha256(f"{reference}:{normalised}".encode()).hexdigest()


def new_lookup_code() -> str:
    code = "".join(secrets.choice(LOOKUP_ALPHABET) for _ in range(LOOKUP_LENGTH))
    return f"{code[:5]}-{code[5:]}"


@dataclass(frozen=True)
class Registered:
    feedback: Feedback
    lookup_code: str


def register(
    feedback: Feedback, received_at: datetime | None = None, status_url: str = ""
) -> Registered:
    """Save a new, unsaved ``feedback`` with its reference, due dates and lookup code;
    ``status_url`` is the status lookup its receipt links to."""
    feedback.received_at = received_at or feedback.received_at or timezone.now()
    year = timezone.localtime(feedback.received_at).year  # Stockholm time decides the year
    code = new_lookup_code()
    with transaction.atomic():
        feedback.year = year
        feedback.number, feedback.reference = next_reference(year)
        feedback.acknowledge_due, feedback.answer_due = deadlines.due_dates(
            feedback.kind, feedback.category, feedback.received_at
        )
        feedback.lookup_code_hash = hash_lookup_code(feedback.reference, code)
        feedback.may_be_appeal = appeal_guard.suggests_appeal(feedback.message, feedback.category)
        if safeguarding.mentions_concern(feedback.message):
            safeguarding.flag(feedback)
        feedback.save()
        notifications.queue_for(feedback, lookup_code=code, status_url=status_url)
        if feedback.safeguarding:
            safeguarding.raise_concern(feedback, by="words")
    return Registered(feedback, code)


def find_by_lookup(reference: str, code: str) -> Feedback | None:
    reference = reference.strip().upper()
    feedback = Feedback.objects.filter(reference=reference).first()
    if feedback and secrets.compare_digest(
        feedback.lookup_code_hash, hash_lookup_code(reference, code)
    ):
        return feedback
    return None
