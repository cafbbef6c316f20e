"""What a person sees: the demo site in headless Chromium, checked with axe-core."""

import pytest

from tests.e2e.conftest import axe_violations

PAGES = [
    "/sv/",
    "/sv/kvalitetsgaranti/",
    "/sv/kvalitetsgaranti/kvalitetsgaranti-2026/",
    "/sv/kvalitetsgaranti/kvalitetsgaranti-2007/",
    "/sv/oppettider/",
    "/sv/ekonomiskt-bistand/",
    "/sv/ekonomiskt-bistand/sa-ansoker-du/",
    "/sv/synpunkter/",
    "/sv/synpunkter/status/",
    "/sv/synpunkter/personuppgifter/",
    "/sv/statistik/",
    "/sv/tillganglighet/",
    "/sv/lattlast/",
    "/fi/ekonomiskt-bistand/sa-ansoker-du/",
    "/ti/oppettider/",
    "/en/oppettider/",
    "/sv/finns-inte/",
]


# A guidance page with an image (alt text and caption), a decorative one and a PDF with its
# accessible version, as an editor would publish them.
ADD_MEDIA = """
from io import BytesIO
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as Pillow
from wagtail.documents.models import Document
from wagtail.images.models import Image
from portal.models import GuidancePage
buffer = BytesIO()
Pillow.new("RGB", (1200, 800), "steelblue").save(buffer, "JPEG")
image = Image.objects.create(title="Receptionen", file=ImageFile(buffer, name="reception.jpg"))
pdf = Document.objects.create(title="Ansökan", file=ContentFile(b"%PDF-1.4", name="ansokan.pdf"))
page = GuidancePage.objects.get(slug="budget-och-skuldradgivning", locale__language_code="sv")
how_to_apply = GuidancePage.objects.get(slug="sa-ansoker-du", locale__language_code="sv")
described = {"image": image, "alt_text": "Receptionen med två diskluckor", "decorative": False}
decorative = {"image": image, "alt_text": "", "decorative": True}
page.body.append(("image", {"image": described, "caption": "Hit kommer du första gången."}))
page.body.append(("image", {"image": decorative, "caption": ""}))
document = {"document": pdf, "accessibility": "alternative", "alternative_page": how_to_apply}
page.body.append(("document", document))
page.save_revision().publish()
"""


def test_images_and_documents_on_a_guidance_page_are_accessible(site_url, manage, new_page):
    manage("shell", "-c", ADD_MEDIA)
    page = new_page()
    for path in [
        "/sv/ekonomiskt-bistand/budget-och-skuldradgivning/",
        # Persian, right to left: the editor journeys start an Arabic translation of this
        # page, which then keeps its own copy of the Swedish text until it is published.
        "/fa/ekonomiskt-bistand/budget-och-skuldradgivning/",
    ]:
        page.goto(site_url + path)
        assert page.locator("main figure img").count() == 2
        assert page.locator("main figcaption").inner_text() == "Hit kommer du första gången."
        assert axe_violations(page) == [], path


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 900}, {"width": 360, "height": 740}]
)
def test_public_pages_have_no_wcag_21_aa_violations(site_url, new_page, viewport):
    page = new_page(viewport=viewport)
    found = {}
    for path in PAGES:
        page.goto(site_url + path)
        violations = axe_violations(page)
        if violations:
            found[path] = violations
    assert not found, found


def test_skip_link_is_first_and_moves_focus_to_the_content(site_url, new_page):
    page = new_page()
    page.goto(site_url + "/sv/oppettider/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert skip.is_visible() and skip.inner_text() == "Hoppa till huvudinnehållet"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_pages_load_nothing_from_other_hosts(site_url, new_page):
    page = new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ["/sv/", "/sv/oppettider/", "/sv/ekonomiskt-bistand/sa-ansoker-du/"]:
        page.goto(site_url + path)
    assert requested
    assert all(url.startswith(site_url) for url in requested), requested


def test_questions_open_without_javascript(site_url, new_page):
    page = new_page(java_script_enabled=False)
    page.goto(site_url + "/sv/ekonomiskt-bistand/sa-ansoker-du/")
    answer = page.get_by_text("Vi skickar beslutet inom 14 dagar")
    assert not answer.is_visible()
    page.get_by_text("Hur lång tid tar det att få ett beslut?").click()
    assert answer.is_visible()


def test_stylesheet_is_served_and_applied(site_url, new_page):
    page = new_page()
    page.goto(site_url + "/sv/")
    header_background = page.evaluate(
        "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
    )
    assert header_background == "rgb(10, 58, 102)"
