"""The link of "Did our answer help?": some working days after the answer, a person who gave
an e-mail address is asked once, in the reply language, through a link with a signed token.

The token names the question and nothing else (no login, no personal data in the link); the
question's row says until when the link works and whether it was answered, so one answer is
taken and a second use, or a late one, is told so. Who is asked, and when: feedback.help_asking.
"""

from datetime import datetime

from django.core import signing
from django.utils import timezone

from feedback.models.help_question import HelpQuestion

SALT = "feedback.help_question"


def token(question: HelpQuestion) -> str:
    """``<pk>-<signature>``: letters, digits, "-" and "_" only, as a page's sub-path must be
    (signing.dumps's ":" would not route)."""
    pk, signature = signing.Signer(salt=SALT).sign(str(question.pk)).split(":")
    return f"{pk}-{signature}"


def from_token(value: str) -> HelpQuestion | None:
    """The question a link names, or None for a link that was not ours (or was altered)."""
    pk, _, signature = value.partition("-")
    try:
        signing.Signer(salt=SALT).unsign(f"{pk}:{signature}")
    except signing.BadSignature:
        return None
    return HelpQuestion.objects.select_related("feedback").filter(pk=int(pk)).first()


def is_open(question: HelpQuestion, now: datetime | None = None) -> bool:
    """Not answered yet, the link still works, and the item's personal data is still there."""
    return (
        question.answered_at is None
        and (now or timezone.now()) < question.expires_at
        and question.feedback.personal_data_removed_on is None
    )


def record(question: HelpQuestion, answer: str, comment: str) -> bool:
    """Take the answer if the question is still open: one answer, however many times the form
    is sent (at the same moment too). False when it was answered already or has expired."""
    now = timezone.now()
    taken = HelpQuestion.objects.filter(
        pk=question.pk,
        answered_at__isnull=True,
        expires_at__gt=now,
        feedback__personal_data_removed_on__isnull=True,
    ).update(answer=answer, comment=comment, answered_at=now)
    return bool(taken)
