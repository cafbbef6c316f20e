"""Who is asked "Did our answer help?", and the asking: ``ask_due`` runs daily (``manage.py
ask_if_answers_helped``); the e-mail goes like every other notification (saved, sent after
commit, retried). The link and the answer: feedback.help_questions."""

from datetime import date, datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from feedback import notifications
from feedback.choices import AnswerBy, Kind
from feedback.help_questions import token
from feedback.models import Feedback, FeedbackPage, FeedbackSettings, HelpQuestion, Notification
from portal.content_generation import remembered
from portal.models import ClosedDay
from portal.workdays import STOCKHOLM, Calendar

# Answers this many days older than the day to ask are still asked (the timer did not run).
CATCH_UP = timedelta(days=14)


def answered_by(today: date, working_days: int, calendar: Calendar) -> date:
    """The last answer date whose ``working_days`` have passed by ``today``."""
    day = today
    while calendar.add_working_days(day, working_days) > today:
        day -= timedelta(days=1)
    return day


def due(today: date, working_days: int, calendar: Calendar):
    """Answered items to ask now: answered ``working_days`` ago, or in the CATCH_UP days
    before (a day the timer did not run), never earlier (switching the question on does not
    write to everyone ever answered). Only a person who asked for the answer by e-mail and
    got it there, about a complaint or a suggestion; never a safeguarding concern, an item
    sent on as an appeal, one whose personal data is gone, or one asked already."""
    last = answered_by(today, working_days, calendar)
    answer_sent = Notification.objects.filter(
        feedback=OuterRef("pk"),
        purpose=Notification.Purpose.ANSWER,
        state=Notification.State.SENT,
    )
    return (
        Feedback.objects.filter(
            answered_on__lte=last,
            answered_on__gt=last - CATCH_UP,
            answer_by=AnswerBy.EMAIL,
            kind__in=[Kind.COMPLAINT, Kind.SUGGESTION],
            safeguarding=False,
            personal_data_removed_on__isnull=True,
            appeal_forwarded_on__isnull=True,
            help_question__isnull=True,
        )
        .exclude(email="")
        .filter(Exists(answer_sent))
    )


def link(question: HelpQuestion) -> str:
    """The question's page in the reply language (in Swedish where there is none)."""
    page = FeedbackPage.page_in(question.feedback.language)
    if page is None:
        return ""
    return page.get_full_url() + page.reverse_subpage("help_view", args=[token(question)])


def ask_due(today: date | None = None) -> int:
    """Ask every item that is due, one transaction each; returns how many were asked."""
    chosen = FeedbackSettings.for_default_site()
    if chosen is None or chosen.ask_if_helped_after is None:
        return 0
    today = today or timezone.localdate()
    calendar = remembered(("closed-days",), ClosedDay.objects.calendar)
    until = datetime.combine(
        today + timedelta(days=chosen.help_link_days), time(23, 59, 59), tzinfo=STOCKHOLM
    )
    asked = 0
    for item in due(today, chosen.ask_if_helped_after, calendar).order_by("answered_on", "pk"):
        try:
            with transaction.atomic():
                question = HelpQuestion.objects.create(
                    feedback=item, asked_on=today, expires_at=until
                )
                notifications.queue_to_sender(
                    item, Notification.Purpose.HELP_QUESTION, status_url=link(question)
                )
        except IntegrityError:
            continue  # asked meanwhile by another run
        asked += 1
    return asked
