"""The answer as a printed letter, on the unit's letterhead, in the reply language: for those
who asked for an answer by letter, and for anyone the handler would rather write to."""

from django.utils import timezone, translation

from feedback.admin_forms import handler_name
from feedback.models import Feedback
from portal import languages
from portal.models import ContactSettings


def letter_language(feedback: Feedback) -> str:
    """The language the letter is written in: the reply language where the site has it."""
    return languages.written_in(feedback.language)


def letter_context(feedback: Feedback, request) -> dict:
    language = letter_language(feedback)
    handler = feedback.assigned_to
    return {
        "feedback": feedback,
        "contact": ContactSettings.for_request(request),
        "language": language,
        "direction": "rtl" if languages.is_rtl(language) else "ltr",
        "written_on": feedback.answered_on or timezone.localdate(),
        "signer": handler_name(handler) if handler else "",
    }


def render_in_letter_language(feedback: Feedback, render):
    """``render()`` (a response, rendered at once) with the letter's language active."""
    with translation.override(letter_language(feedback)):
        return render()
