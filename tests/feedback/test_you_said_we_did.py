"""“You said, we did”: the public page lists only the entries someone with the permission has
approved, newest month first, in the reader's language where translated and else in Swedish
marked as Swedish; the texts hold no personal identity numbers and no names of the people whose
feedback led to the action; the page exists in every language."""

from datetime import date

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import Locale

from feedback import intake
from feedback.handlers_group import HANDLERS_GROUP
from feedback.meetings_demo import build_page
from feedback.models import (
    Action,
    Category,
    Feedback,
    Meeting,
    PublishedChange,
    YouSaidWeDidPage,
)
from portal.guarantee_approval import UNIT_HEADS_GROUP
from portal.models import HomePage
from portal.site_setup import ensure_essential_site
from tests.feedback.conftest import swedish

pytestmark = pytest.mark.django_db

SNIPPETS = "/admin/snippets/feedback/publishedchange/"


def staff(django_user_model, name, group):
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw-x-1")
    user.groups.add(Group.objects.get(name=group))
    return user


def page(client, language):
    return client.get(f"/{language}/ni-sa-vi-gjorde/").content.decode()


def test_the_page_shows_the_approved_entries_in_swedish(client, demo_site):
    html = page(client, "sv")
    assert "Det var svårt att nå oss på telefon." in html
    assert "Vi har skrivit om brevmallen för beslut med enklare ord." in html
    assert "Väntrummet var för varmt." not in html  # not approved
    assert "Ni sa:" in html and "Vi gjorde:" in html
    # Newest month first.
    assert html.index("Breven om beslut") < html.index("Det var svårt att nå oss")
    assert 'lang="sv" dir="ltr"><span' not in html  # nothing marked as another language


def test_the_page_in_arabic_falls_back_to_swedish_marked_as_such(client, demo_site):
    html = page(client, "ar")
    assert '<html lang="ar" dir="rtl">' in html
    assert "<h1>قلتم، ففعلنا</h1>" in html
    assert "كان من الصعب الوصول إلينا عبر الهاتف." in html
    # Not translated into Arabic: in Swedish, marked so, with a note.
    assert '<span lang="sv" dir="ltr">Breven om beslut var svåra att förstå.</span>' in html
    assert "بعض النصوص لم تُترجم بعد وتظهر باللغة السويدية." in html
    assert "Väntrummet" not in html
    english = page(client, "en")
    assert "The letters about decisions were hard to understand." in english
    assert 'lang="sv"' not in english.split("<main")[1].split("</main>")[0].replace(
        '<bdi class="site-name__unit" lang="sv">', ""
    )


def test_the_page_exists_in_every_language_and_setup_site_makes_it(demo_site):
    for code, _name in settings.LANGUAGES:
        assert YouSaidWeDidPage.objects.filter(locale__language_code=code).exists(), code
    home = HomePage.objects.get(depth=2, locale=Locale.get_default())
    assert build_page(home) == YouSaidWeDidPage.objects.get(locale=Locale.get_default())
    for translation in YouSaidWeDidPage.objects.exclude(locale=Locale.get_default()):
        translation.delete()
    YouSaidWeDidPage.objects.get().delete()
    ensure_essential_site()  # what setup_site does on a production site
    for code, _name in settings.LANGUAGES:
        assert YouSaidWeDidPage.objects.filter(locale__language_code=code).count() == 1, code


@pytest.fixture
def entry(demo_site):
    return PublishedChange.objects.get(locale=Locale.get_default(), approved_at=None)


def test_the_unit_head_approves_and_changing_the_text_takes_the_approval_back(
    client, django_user_model, entry
):
    editor = staff(django_user_model, "edit", "Editors")
    head = staff(django_user_model, "ulla", UNIT_HEADS_GROUP)
    approve = f"{SNIPPETS}approve/{entry.pk}/"

    client.force_login(editor)
    edit_page = client.get(f"{SNIPPETS}edit/{entry.pk}/").content.decode()
    assert "Inte godkänd: texten visas inte på den publika sidan." in edit_page
    assert approve not in edit_page
    assert client.post(approve).status_code == 403

    client.force_login(head)
    assert approve in client.get(f"{SNIPPETS}edit/{entry.pk}/").content.decode()
    assert client.post(approve).status_code == 302
    entry.refresh_from_db()
    assert entry.approved_by == head
    client.logout()
    assert "Väntrummet var för varmt." in page(client, "sv")

    client.force_login(editor)
    response = client.post(
        f"{SNIPPETS}edit/{entry.pk}/",
        {
            "action": entry.action_id,
            "month": entry.month.isoformat(),
            "you_said": "Det var för varmt i väntrummet.",
            "we_did": entry.we_did,
        },
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.approved_at is None
    client.logout()
    assert "varmt i väntrummet" not in page(client, "sv")


def test_no_personal_identity_number_and_no_name_of_a_citizen(client, django_user_model, entry):
    editor = staff(django_user_model, "edit", "Editors")
    item = intake.register(
        Feedback(
            kind="complaint",
            category=swedish(Category, "Bemötande"),
            language="sv",
            channel="web",
            message="Det var kallt.",
            name="Kim Andersson",
        )
    ).feedback
    entry.action.feedback.add(item)
    client.force_login(editor)
    data = {"action": entry.action_id, "month": "2026-03-17", "we_did": "Ny ventilation."}
    for you_said in ("Kim tyckte att det var varmt.", "Ring 19811218-9876."):
        response = client.post(f"{SNIPPETS}edit/{entry.pk}/", {**data, "you_said": you_said})
        assert response.status_code == 200, you_said
        assert list(response.context["form"].errors) == ["you_said"]
    response = client.post(f"{SNIPPETS}edit/{entry.pk}/", {**data, "you_said": "Det var varmt."})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.month == date(2026, 3, 1)  # a month


def test_handlers_do_not_write_the_public_texts(client, django_user_model, demo_site):
    handler = staff(django_user_model, "hedda", HANDLERS_GROUP)
    client.force_login(handler)
    assert client.get(SNIPPETS).status_code in (302, 403)
    assert Action.objects.exists() and Meeting.objects.exists()  # the demo's


def test_an_entry_sent_for_translation_shows_in_swedish_until_it_is_translated(
    client, django_user_model, demo_site
):
    admin = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw-s-1")
    source = PublishedChange.objects.get(
        locale=Locale.get_default(), you_said="Breven om beslut var svåra att förstå."
    )
    arabic = Locale.objects.get(language_code="ar")
    client.force_login(admin)
    url = f"/admin/localize/submit/snippet/feedback/publishedchange/{source.pk}/"
    assert client.post(url, {"locales": [arabic.pk]}).status_code == 302
    copy = PublishedChange.objects.get(locale=arabic, translation_key=source.translation_key)
    assert copy.you_said == source.you_said  # wagtail-localize's copy, not translated yet
    client.logout()
    html = page(client, "ar")
    assert '<span lang="sv" dir="ltr">Breven om beslut var svåra att förstå.</span>' in html
    copy.you_said, copy.we_did = "كانت رسائل القرارات صعبة الفهم.", "أعدنا كتابة نموذج الرسالة."
    copy.save()  # as wagtail-localize saves a translation: not approved yet
    assert "كانت رسائل القرارات" not in page(client, "ar")
    client.force_login(admin)
    assert client.post(f"{SNIPPETS}approve/{copy.pk}/").status_code == 302
    client.logout()
    html = page(client, "ar")
    assert "<span>كانت رسائل القرارات صعبة الفهم.</span>" in html
    assert "بعض النصوص لم تُترجم بعد" not in html


def test_each_language_is_approved_on_its_own(client, django_user_model, demo_site):
    """An editor changing an approved translation takes it off the page (it shows in Swedish
    again), and a change to the approved Swedish text takes back its translations too."""
    editor = staff(django_user_model, "edit", "Editors")
    source = PublishedChange.objects.get(
        locale=Locale.get_default(), you_said="Det var svårt att nå oss på telefon."
    )
    arabic = source.get_translation(Locale.objects.get(language_code="ar"))
    assert arabic.is_approved and "كان من الصعب الوصول إلينا عبر الهاتف." in page(client, "ar")
    client.force_login(editor)
    response = client.post(
        f"{SNIPPETS}edit/{arabic.pk}/",
        {
            "action": arabic.action_id,
            "month": arabic.month.isoformat(),
            "you_said": "نص لم يوافق عليه أحد.",
            "we_did": arabic.we_did,
        },
    )
    assert response.status_code == 302
    client.logout()
    html = page(client, "ar")
    assert "نص لم يوافق عليه أحد." not in html
    assert '<span lang="sv" dir="ltr">Det var svårt att nå oss på telefon.</span>' in html
    assert client.post(f"{SNIPPETS}approve/{arabic.pk}/").status_code == 302  # to sign-in
    english = source.get_translation(Locale.objects.get(language_code="en"))
    assert english.is_approved
    source.we_did = "Vi svarar nu i telefon mellan 9 och 16."
    source.save()
    english.refresh_from_db()
    assert not source.is_approved and not english.is_approved
    assert "Det var svårt att nå oss på telefon." not in page(client, "sv")


def test_a_translation_waits_for_its_swedish_entry(client, django_user_model, entry):
    head = staff(django_user_model, "ulla", UNIT_HEADS_GROUP)
    english = entry.copy_for_translation(Locale.objects.get(language_code="en"))
    english.you_said = "The waiting room was too warm."
    english.save()
    client.force_login(head)
    client.post(f"{SNIPPETS}approve/{english.pk}/")
    english.refresh_from_db()
    assert not english.is_approved  # "Approve the Swedish entry first."


def test_the_entries_chooser_is_for_those_who_may_view_them(client, django_user_model, demo_site):
    handler = staff(django_user_model, "hugo", HANDLERS_GROUP)
    client.force_login(handler)
    chooser = "/admin/snippets/choose/feedback/publishedchange/"
    response = client.get(chooser)
    assert response.status_code == 403
    assert "Väntrummet var för varmt." not in response.content.decode()
    client.force_login(staff(django_user_model, "ulla", UNIT_HEADS_GROUP))
    assert client.get(chooser).status_code == 200
