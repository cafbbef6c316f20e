import re
from datetime import date, time
from html import unescape

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from portal.demo.translations import APPEAL
from portal.hours import Interval
from portal.models import (
    ContactSettings,
    GuaranteeCommitment,
    GuaranteePage,
    GuidancePage,
    HomePage,
    OpeningHoursPage,
)

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "commitments": GuaranteeCommitment.objects.count(),
        "sites": Site.objects.count(),
        "settings": ContactSettings.objects.count(),
    }


def test_running_the_demo_loader_twice_changes_nothing():
    call_command("load_demo_content", stdout=None)
    first = counts()
    call_command("load_demo_content")
    assert counts() == first
    # The tree root, then home and fourteen pages below it in each of the seven languages.
    assert first["pages"] == 1 + 15 * 7


def test_demo_home_is_the_default_site_root_and_the_welcome_page_is_gone(demo_site):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific == demo_site
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()
    assert HomePage.objects.filter(locale__language_code="sv").count() == 1


def test_staff_edits_survive_a_second_run(demo_site):
    demo_site.title = "Ekonomiskt bistånd i innerstaden"
    demo_site.save_revision().publish()
    call_command("load_demo_content")
    demo_site.refresh_from_db()
    assert demo_site.title == "Ekonomiskt bistånd i innerstaden"


def test_demo_staff_password_from_the_environment(monkeypatch, capsys):
    monkeypatch.setenv("DEMO_STAFF_PASSWORD", "a-long-demo-password-42")
    call_command("ensure_demo_staff")
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password("a-long-demo-password-42")
    assert "a-long-demo-password-42" not in capsys.readouterr().out


def test_generated_demo_password_is_printed_once(monkeypatch, capsys):
    monkeypatch.delenv("DEMO_STAFF_PASSWORD", raising=False)
    call_command("ensure_demo_staff")
    first = capsys.readouterr().out
    password = first.split("password ")[1].split()[0]
    assert get_user_model().objects.get(username="admin").check_password(password)
    call_command("ensure_demo_staff")
    assert password not in capsys.readouterr().out


# --- What the demo says: the 2007 guarantee in its own terms, today's without other units'
# targets, placeholders marked as examples, the appeal guidance in more languages.

GUARANTEE_2026 = "/{code}/kvalitetsgaranti/kvalitetsgaranti-2026/"
GUARANTEE_2007 = "/sv/kvalitetsgaranti/kvalitetsgaranti-2007/"

# Targets from another unit's (Hägersten-Liljeholmen's) 2013 work plan, in the words the demo
# used for them; none may be presented as this unit's promises.
OTHER_UNITS_TARGETS = [
    "inom tre månader",
    "3 månader",
    "inom en vecka",
    "nästa dag",
    "nästa arbetsdag",
    "1 arbetsdag",
    "within three months",
    "3 months",
    "within a week",
    "next day",
    "next working day",
    "1 working day",
    "خلال أسبوع",
    "اليوم التالي",
]


def visible_text(html: str) -> str:
    text = unescape(re.sub(r"<[^>]+>", " ", html))
    return " ".join(text.split()).replace(" ,", ",")


def main_text(html: str) -> str:
    """The page's own content, without the menu and the footer."""
    return visible_text(re.search(r"<main\b.*?</main>", html, re.S).group(0))


def html_of(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def swedish_guarantee(slug):
    return GuaranteePage.objects.get(slug=slug, locale__language_code="sv")


def test_the_2007_guarantee_has_its_own_six_commitments_in_the_documents_order(demo_site):
    page = swedish_guarantee("kvalitetsgaranti-2007")
    commitments = list(page.commitments.all())
    assert [c.code for c in commitments] == [
        "synpunkter",
        "bemotande",
        "sjalvforsorjning",
        "delaktighet",
        "nabarhet",
        "information",
    ]
    # In 2007 the targets were how the unit lived up to its commitments, not commitments.
    assert all(c.target_value is None and not c.target_unit for c in commitments)
    # Reports compare years through the codes the two guarantees share.
    today = {c.code for c in swedish_guarantee("kvalitetsgaranti-2026").commitments.all()}
    assert {c.code for c in commitments} & today == {"synpunkter", "bemotande", "nabarhet"}
    assert (page.valid_from, page.valid_to) == (date(2007, 2, 15), date(2007, 12, 31))
    assert page.approved_by == "Östermalms stadsdelsnämnd"
    assert page.signed_by_role == "enhetschef" and page.signed_by_name == ""


def test_the_2007_guarantee_speaks_of_its_own_time(client, demo_site):
    text = main_text(html_of(client, GUARANTEE_2007))
    assert "länsrätten" in text
    assert "förvaltningsrätt" not in text.lower()
    assert "Enheten för arbete och försörjningsstöd, Östermalms stadsdelsförvaltning" in text
    for target in [
        "måndag, tisdag och onsdag kl. 10.00–11.00 och 12.30–13.30",
        "torsdag och fredag kl. 10.00–11.00",
        "tid för nybesök inom 14 dagar",
        "inom 14 dagar från den dag du lämnade in de handlingar vi har begärt",
        "skriftlig information om hur du överklagar",
        "Under kontorstid finns det alltid en handläggare",
    ]:
        assert target in text, target
    # Not today's texts under the 2007 heading.
    assert "Målet är att du ska kunna försörja dig själv" not in text
    assert "exempel" not in text


def test_todays_guarantee_keeps_to_the_units_own_practice(demo_site):
    page = swedish_guarantee("kvalitetsgaranti-2026")
    commitments = {c.code: c for c in page.commitments.all()}
    assert list(commitments) == [
        "bemotande",
        "nybesok",
        "beslut",
        "overklagande",
        "nabarhet",
        "synpunkter",
    ]
    reach = commitments["nabarhet"]
    assert "kontorstid" in reach.explanation
    assert reach.target_value is None and not reach.target_measures
    assert (commitments["nybesok"].target_value, commitments["beslut"].target_value) == (14, 14)
    assert not any(c.target_unit == "months" for c in commitments.values())


@pytest.mark.parametrize("code", ["sv", "en", "ar"])
def test_todays_guarantee_carries_none_of_another_units_targets(client, demo_site, code):
    page = GuaranteePage.objects.get(slug="kvalitetsgaranti-2026", locale__language_code=code)
    assert page.alias_of_id is None
    texts = [page.how_we_keep, page.if_we_fail, page.mission]
    for c in page.commitments.all():
        texts += [c.title, c.explanation, c.target_measures]
    texts.append(visible_text(html_of(client, GUARANTEE_2026.format(code=code))))
    texts.append(visible_text(html_of(client, f"/{code}/kvalitetsgaranti/")))
    everything = " ".join(texts)
    for phrase in OTHER_UNITS_TARGETS:
        assert phrase not in everything, phrase
    assert not re.search(r"röstbrevlåda.{0,80}nästa", everything)
    assert "voicemail" not in everything and "البريد الصوتي" not in everything
    assert "våld" not in everything and "violen" not in everything


def test_no_demo_page_promises_another_units_targets(client, demo_site):
    for slug in ["sa-ansoker-du", "budget-och-skuldradgivning", "oppettider", "lattlast"]:
        for page in Page.objects.filter(slug=slug, alias_of__isnull=True):
            text = visible_text(html_of(client, page.url))
            for phrase in OTHER_UNITS_TARGETS:
                assert phrase not in text, (page.url, phrase)


def test_case_workers_are_reachable_during_office_hours(demo_site):
    schedules = OpeningHoursPage.objects.get(locale__language_code="sv").schedules()
    assert not any("telefontid för handläggare" in s.name.lower() for s in schedules)
    [case_workers] = [s for s in schedules if "handläggare" in s.name]
    assert "kontorstid" in case_workers.description
    office_hours = (
        Interval(time(8, 30), time(12, 0)),
        Interval(time(13, 0), time(16, 0)),
    )
    assert [case_workers.weekly[day] for day in range(5)] == [office_hours] * 5


@time_machine.travel("2026-11-23 10:15 +01:00", tick=False)
@pytest.mark.parametrize(
    ("code", "notice", "signer"),
    [
        (
            "sv",
            "Detta är en exempelsida: namn, datum och mål är exempel.",
            "Förnamn Efternamn (exempel), enhetschef",
        ),
        (
            "en",
            "This is an example page: names, dates and targets are examples.",
            "First name Last name (example), head of unit",
        ),
        (
            "ar",
            "هذه صفحة نموذجية: الأسماء والتواريخ والأهداف أمثلة فقط.",
            "الاسم الأول واسم العائلة (مثال)، رئيس الوحدة",
        ),
    ],
)
def test_placeholders_are_marked_as_examples_on_the_page(client, demo_site, code, notice, signer):
    html = html_of(client, GUARANTEE_2026.format(code=code))
    text = visible_text(html)
    title = {"sv": "(exempel)", "en": "(example)", "ar": "(مثال)"}[code]
    assert re.search(rf"<h1[^>]*>[^<]*2026 {re.escape(title)}</h1>", html)
    assert notice in text
    assert signer.replace("،", ",") in text
    assert "Anna Lindqvist" not in text
    # The index shows today's promises and says first that they are an example.
    index = visible_text(html_of(client, f"/{code}/kvalitetsgaranti/"))
    example_word = {"sv": "exempelsida", "en": "example page", "ar": "صفحة نموذجية"}[code]
    assert index.index(example_word) < index.index("14")
    # The e-mail address in the footer says it is an example.
    assert "exempel@example.org" in html
    assert "forsorjningsstod@example.org" not in html


def test_contact_settings_keep_the_documented_contact_facts(demo_site):
    contact = ContactSettings.objects.get(site=Site.objects.get(is_default_site=True))
    assert contact.visiting_address == "Karlavägen 104, Stockholm"
    assert contact.postal_address == "Box 24156\n104 51 Stockholm"
    assert contact.switchboard == "08-508 10 000"
    assert contact.email == "exempel@example.org"


def test_the_swedish_appeal_guidance_says_how_to_appeal(client, demo_site):
    text = visible_text(html_of(client, "/sv/ekonomiskt-bistand/overklaga-ett-beslut/"))
    assert "Om du inte är nöjd med ett beslut" in text
    assert "inom tre veckor från den dag du fick del av beslutet" in text
    assert "skickar det vidare till förvaltningsrätten" in text
    assert "Ett klagomål är inte ett överklagande" in text
    assert "Din handläggare hjälper dig" in text


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("en", ["three weeks", "administrative court", "A complaint is not an appeal"]),
        ("ar", ["ثلاثة أسابيع", "المحكمة الإدارية", "الشكوى ليست طعنًا"]),
        ("so", ["saddex toddobaad", "maxkamadda maamulka", "Cabashadu ma aha rafcaan"]),
    ],
)
def test_the_appeal_guidance_is_translated(client, demo_site, code, words):
    page = GuidancePage.objects.get(slug="overklaga-ett-beslut", locale__language_code=code)
    assert page.live and page.alias_of_id is None
    assert page.title == APPEAL[code]["title"]
    html = html_of(client, page.url)
    assert f'<html lang="{code}"' in html
    assert "fallback-notice" not in html
    text = visible_text(html)
    assert APPEAL[code]["title"] in text
    for word in words:
        assert word in text, word
