""" "Did our answer help?": asked some working days after the answer, in the reply language,
through a signed link that takes one answer and expires; the answer goes to the item."""

import re
from datetime import date, datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from wagtail.models import Locale, Site

from feedback import help_asking, help_questions, report_formats, report_text, reports, retention
from feedback.models import Feedback, FeedbackSettings, HelpQuestion, Notification
from feedback.periods import Period
from portal.models import ClosedDay
from portal.workdays import STOCKHOLM
from tests.feedback.test_triage_admin import new_item

pytestmark = pytest.mark.django_db
ANSWERED = date(2026, 11, 16)  # a Monday; ten working days later is Monday 30 November


def on(day, hour=10):
    return time_machine.travel(datetime(day.year, day.month, day.day, hour, tzinfo=STOCKHOLM))


def answered(language="sv", on=ANSWERED, e_mailed=True, **fields):
    """An item answered ``on``, the answer e-mailed to the person (unless ``e_mailed`` is
    False)."""
    item = new_item(language=language, **fields)
    Feedback.objects.filter(pk=item.pk).update(
        status="answered", answer_text="Vi har ändrat rutinen.", answered_on=on
    )
    if e_mailed and item.email:
        Notification.objects.create(
            feedback=item, purpose="answer", recipient=item.email, state="sent", answer_hash="1"
        )
    return Feedback.objects.get(pk=item.pk)


@pytest.fixture
def ask(django_capture_on_commit_callbacks):
    """Run the daily asking on ``day``, its e-mails sent as the worker would."""

    def run(day) -> int:
        with on(day), django_capture_on_commit_callbacks(execute=True):
            return help_asking.ask_due()

    return run


def link_in(message) -> str:
    return re.search(r"https?://\S+/svar/\S+/", message.body).group(0)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def test_asked_once_after_the_working_days_in_swedish(demo_site, ask):
    item = answered()
    assert ask(date(2026, 11, 27)) == 0  # nine working days after
    assert ask(date(2026, 11, 30)) == 1
    assert ask(date(2026, 11, 30)) == 0  # asked once
    question = HelpQuestion.objects.get(feedback=item)
    assert question.asked_on == date(2026, 11, 30)
    [message] = mail.outbox
    assert message.to == ["kim@example.org"]
    assert message.subject == f"Hjälpte vårt svar dig? ({item.reference})"
    assert "/sv/synpunkter/svar/" in link_in(message)
    assert "Vi har ändrat rutinen" not in message.body  # no answer text in the e-mail
    notification = Notification.objects.get(feedback=item, purpose="helped")
    assert notification.state == "sent"


def test_closed_days_count_and_only_those_with_an_address_and_an_answer_are_asked(demo_site, ask):
    ClosedDay.objects.create(date=date(2026, 11, 30), reason="Personaldag")
    wanted = answered()
    answered(email="", answer_by="phone", phone="070-123 45 67")
    answered(answer_by="")
    answered(answer_by="letter", postal_address="Storgatan 1")  # chose a letter: no e-mail
    answered(kind="praise")
    concern = answered()  # never an unprompted e-mail about a safeguarding concern
    Feedback.objects.filter(pk=concern.pk).update(safeguarding=True)
    answered(e_mailed=False)  # the answer never reached the inbox
    answered(on=date(2026, 10, 1))  # long ago: switching the question on writes to no one old
    forwarded = answered()
    Feedback.objects.filter(pk=forwarded.pk).update(appeal_forwarded_on=ANSWERED)
    new_item()  # not answered
    assert ask(date(2026, 11, 30)) == 0  # the closed day does not count
    assert ask(date(2026, 12, 1)) == 1
    assert list(HelpQuestion.objects.values_list("feedback", flat=True)) == [wanted.pk]


def test_nobody_is_asked_when_the_setting_is_empty(demo_site, ask):
    answered()
    chosen = FeedbackSettings.for_site(Site.objects.get(is_default_site=True))
    chosen.ask_if_helped_after = None
    chosen.save()
    assert ask(date(2026, 12, 20)) == 0
    call_command("ask_if_answers_helped", stdout=open("/dev/null", "w"))
    assert not HelpQuestion.objects.exists()


@pytest.mark.parametrize(
    ("language", "question", "thanks", "used", "expired", "direction"),
    [
        (
            "sv",
            "Hjälpte vårt svar dig?",
            "Tack. Vi har fått ditt svar.",
            "Frågan är redan besvarad. Tack.",
            "Länken fungerar inte längre",
            "ltr",
        ),
        (
            "ar",
            "هل ساعدك ردنا؟",
            "شكرًا لك. وصلنا ردك.",
            "تمت الإجابة عن هذا السؤال من قبل. شكرًا لك.",
            "لم يعد هذا الرابط يعمل",
            "rtl",
        ),
    ],
)
def test_the_link_works_once_and_expires(
    client, demo_site, ask, language, question, thanks, used, expired, direction
):
    item = answered(language=language)
    ask(date(2026, 11, 30))
    url = path_of(link_in(mail.outbox[0]))
    assert url.startswith(f"/{language}/")
    with on(date(2026, 12, 2)):
        page = client.get(url)
        assert page.status_code == 200
        html = page.content.decode()
        assert f'lang="{language}" dir="{direction}"' in html
        assert question in html
        assert page["Cache-Control"].startswith("max-age=0")
        refused = client.post(url, {"answer": "", "comment": ""})
        assert refused.status_code == 200
        assert 'id="error-summary"' in refused.content.decode()
        sent = client.post(url, {"answer": "partly", "comment": "Bättre, men svaret kom sent."})
        assert thanks in sent.content.decode()
        again = client.post(url, {"answer": "yes", "comment": "Ändrat mig."})
        assert used in again.content.decode()
        assert used in client.get(url).content.decode()
    answer = HelpQuestion.objects.get(feedback=item)
    assert (answer.answer, answer.comment) == ("partly", "Bättre, men svaret kom sent.")
    # Another person's question, left unanswered past its 30 days, has expired.
    other = answered(language=language, email="ali@example.org")
    ask(date(2026, 11, 30))
    late = path_of(link_in(mail.outbox[-1]))
    with on(date(2026, 12, 30), hour=23):
        assert client.get(late).status_code == 200  # the link works for 30 days
    with on(date(2026, 12, 31)):
        gone = client.get(late)
        assert gone.status_code == 410
        assert expired in gone.content.decode()
        assert client.post(late, {"answer": "yes"}).status_code == 410
    assert HelpQuestion.objects.get(feedback=other).answered_at is None


def test_an_altered_link_is_refused(client, demo_site, ask):
    answered()
    ask(date(2026, 11, 30))
    url = path_of(link_in(mail.outbox[0]))
    pk = HelpQuestion.objects.get().pk
    forged = url.replace(help_questions.token(HelpQuestion(pk=pk)), f"{pk + 1}-abc")
    assert client.get(forged).status_code == 404
    assert client.get(url[:-3] + "xx/").status_code == 404


def test_a_personal_identity_number_in_the_comment_is_refused(client, demo_site, ask):
    answered()
    ask(date(2026, 11, 30))
    with on(date(2026, 11, 30)):
        url = path_of(link_in(mail.outbox[0]))
        response = client.post(url, {"answer": "no", "comment": "Mitt nummer 19121212-1212"})
    assert "personnummer" in response.content.decode()
    assert HelpQuestion.objects.get().answered_at is None


def test_two_answers_at_once_take_one(demo_site, ask):
    answered()
    ask(date(2026, 11, 30))
    with on(date(2026, 11, 30)):
        question = HelpQuestion.objects.get()
        stale_copy = HelpQuestion.objects.get()
        assert help_questions.record(question, "yes", "")
        assert not help_questions.record(stale_copy, "no", "")
    assert HelpQuestion.objects.get().answer == "yes"


def test_the_answer_is_on_the_item_and_goes_with_the_personal_data(
    client, demo_site, ask, admin_user
):
    item = answered()
    ask(date(2026, 11, 30))
    with on(date(2026, 11, 30)):
        client.post(path_of(link_in(mail.outbox[0])), {"answer": "no", "comment": "Inget hände."})
    client.force_login(admin_user)
    page = client.get(f"/admin/feedback/inspect/{item.pk}/").content.decode()
    assert "Hjälpte vårt svar dig?" in page
    assert "Inget hände." in page
    removed = retention.remove_personal_data(
        Feedback.objects.filter(pk=item.pk), action="feedback.gallring", today=date(2029, 1, 1)
    )
    assert removed == 1
    question = HelpQuestion.objects.get(feedback=item)
    assert (question.answer, question.comment) == ("no", "")  # the count stays, the words go


def test_the_answers_go_into_the_yearly_report(client, demo_site, ask, admin_user):
    first, second, _third = (answered(email=f"p{n}@example.org") for n in range(3))
    ask(date(2026, 11, 30))
    links = {m.to[0]: path_of(link_in(m)) for m in mail.outbox}
    with on(date(2026, 12, 1)):
        client.post(links[first.email], {"answer": "yes"})
        client.post(links[second.email], {"answer": "no", "comment": "Svaret var för kort."})
    report = reports.build(Period.year(2026))
    assert report.help_asked == 3
    assert report.helped == {"yes": 1, "no": 1}
    text = report_text.swedish_text(report)
    assert "Vi frågade 3 av dem som fått svar om svaret hjälpte dem; 2 svarade: " in text
    assert "1 ja och 1 nej." in text
    assert "Svaret var för kort." not in text  # the words stay on the item
    assert ("helped", "no", "", 1) in report_formats.rows(report)
    client.force_login(admin_user)
    html = client.get("/admin/feedback-report/?year=2026").content.decode()
    assert "<caption>Hjälpte vårt svar dig?</caption>" in html


def test_the_open_statistics_show_the_answers_with_small_counts_hidden(client, demo_site, ask):
    people = [answered(email=f"p{n}@example.org") for n in range(5)]
    ask(date(2026, 11, 30))
    links = {m.to[0]: path_of(link_in(m)) for m in mail.outbox}
    with on(date(2026, 12, 1)):
        for person, answer in zip(people, ["yes", "yes", "yes", "partly"], strict=False):
            client.post(links[person.email], {"answer": answer})
    [year] = [y for y in reports.open_statistics(3, Locale.get_default()) if y.year == 2026]
    # 3 yes shown; 1 partly and 0 no both hidden (one hidden cell alone could be worked out).
    assert [(cell.label, cell.count) for cell in year.helped] == [
        ("Ja", 3),
        ("Delvis", None),
        ("Nej", None),
    ]
    with on(date(2026, 12, 1)):
        html = client.get("/sv/statistik/").content.decode()
    assert "<caption>Hjälpte vårt svar dig? Vad de tillfrågade svarade</caption>" in html
    # Below the minimum in all, nothing is published about the answers.
    [fewer] = [y for y in reports.open_statistics(5, Locale.get_default()) if y.year == 2026]
    assert fewer.helped == []


def test_after_erasure_the_link_takes_no_answer(client, demo_site, ask):
    item = answered()
    ask(date(2026, 11, 30))
    url = path_of(link_in(mail.outbox[0]))
    retention.remove_personal_data(
        Feedback.objects.filter(pk=item.pk), action="feedback.erasure", today=date(2026, 12, 1)
    )
    with on(date(2026, 12, 2)):
        assert client.get(url).status_code == 410
        assert client.post(url, {"answer": "no", "comment": "Nya ord"}).status_code == 410
    question = HelpQuestion.objects.get(feedback=item)
    assert (question.answered_at, question.comment) == (None, "")
