"""Images and documents on guidance pages, through the real admin form: an image is published
only with alt text or marked decorative, a document only when the editor has said how someone
who cannot use the file gets its content; the public page shows both accessibly."""

import re
from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.test.utils.form_data import nested_form_data, streamfield

from portal.models import GuidancePage
from tests.portal.admin_forms import block_errors

pytestmark = pytest.mark.django_db
PUBLISH = {"action-publish": "publish"}
ALT_TEXT = "Receptionen på Karlavägen 104 med två diskluckor"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads and renditions go to a folder of the test's own, as they go to MEDIA_ROOT."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def page(demo_site):
    return GuidancePage.objects.get(slug="budget-och-skuldradgivning", locale__language_code="sv")


@pytest.fixture
def photo():
    buffer = BytesIO()
    PillowImage.new("RGB", (1600, 1000), "steelblue").save(buffer, "JPEG")
    return Image.objects.create(
        title="Receptionen", file=ImageFile(BytesIO(buffer.getvalue()), name="reception.jpg")
    )


@pytest.fixture
def pdf():
    return Document.objects.create(
        title="Ansökan om ekonomiskt bistånd",
        file=ContentFile(b"%PDF-1.4\n" + b"0" * 120_000, name="ansokan.pdf"),
    )


def post(client, page, blocks, **extra):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "body": streamfield(blocks),
        }
    )
    return client.post(f"/admin/pages/{page.pk}/edit/", {**data, **extra})


def image_block(photo, alt_text="", decorative=False, caption=""):
    value = {"image": str(photo.pk), "alt_text": alt_text, "decorative": "on" if decorative else ""}
    return ("image", {"image": value, "caption": caption})


def document_block(document, accessibility="", page="", alternative=""):
    return (
        "document",
        {
            "document": str(document.pk),
            "title": "",
            "description": "",
            "accessibility": accessibility,
            "alternative_page": str(page),
            "alternative_document": str(alternative),
        },
    )


def public_html(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    return re.search(r"<main\b.*?</main>", response.content.decode(), re.S).group(0)


# --- Images -----------------------------------------------------------------------------------


def test_an_image_without_alt_text_is_not_published(moderator, page, photo):
    response = post(moderator, page, [image_block(photo)], **PUBLISH)
    assert response.status_code == 200
    assert block_errors(response, "body") == {
        "0.image.alt_text": [
            "Vänligen lägg till alternativ text för din bild eller markera den som dekorativ"
        ]
    }
    page.refresh_from_db()
    assert "image" not in [block.block_type for block in page.body]


def test_a_draft_may_wait_for_its_alt_text(moderator, page, photo):
    assert post(moderator, page, [image_block(photo)]).status_code == 302
    page.refresh_from_db()
    assert "image" not in [block.block_type for block in page.body]  # not live


def test_an_image_with_alt_text_is_shown_in_several_widths_with_its_caption(
    moderator, client, page, photo, media_root
):
    block = image_block(photo, alt_text=ALT_TEXT, caption="Hit kommer du vid ditt första besök.")
    assert post(moderator, page, [block], **PUBLISH).status_code == 302
    html = public_html(client, page)
    (img,) = re.findall(r"<img [^>]*>", html)
    assert f'alt="{ALT_TEXT}"' in img
    assert 'loading="lazy"' in img and 'width="480"' in img and 'height="300"' in img
    widths = re.findall(r"\.(?:width-)?\d+\.\w+ (\d+)w", img)
    assert widths == ["480", "960", "1440"]
    assert "<figcaption>Hit kommer du vid ditt första besök.</figcaption>" in html
    # The renditions are files under MEDIA_ROOT, at the addresses the page gives.
    for url in re.findall(r"(/media/\S+?) \d+w", img):
        assert (media_root / url.removeprefix("/media/")).is_file()


def test_a_decorative_image_is_published_with_empty_alt_text(moderator, client, page, photo):
    response = post(moderator, page, [image_block(photo, decorative=True)], **PUBLISH)
    assert response.status_code == 302
    (img,) = re.findall(r"<img [^>]*>", public_html(client, page))
    assert 'alt=""' in img
    assert "<figcaption>" not in public_html(client, page)
    # The editor opens the page again with the image in place.
    assert moderator.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def test_decorative_wins_over_alt_text_left_in_the_field(moderator, client, page, photo):
    block = image_block(photo, alt_text="Blå yta", decorative=True)
    assert post(moderator, page, [block], **PUBLISH).status_code == 302
    assert 'alt=""' in public_html(client, page)


# --- Documents --------------------------------------------------------------------------------


def test_a_document_without_a_word_on_its_accessibility_is_not_published(moderator, page, pdf):
    response = post(moderator, page, [document_block(pdf)], **PUBLISH)
    assert response.status_code == 200
    assert block_errors(response, "body") == {
        "0.accessibility": [
            "Ange hur den som inte kan använda filen får del av innehållet: filen är "
            "tillgänglig, innehållet finns på den här sidan, eller länka till en tillgänglig "
            "version."
        ]
    }
    # A draft may wait, like any required field.
    assert post(moderator, page, [document_block(pdf)]).status_code == 302


def test_an_accessible_version_must_be_linked_when_the_editor_says_so(moderator, page, pdf):
    response = post(moderator, page, [document_block(pdf, "alternative")], **PUBLISH)
    assert response.status_code == 200
    assert list(block_errors(response, "body")) == ["0.alternative_page"]


def test_the_link_gives_type_and_size_and_the_accessible_version(moderator, client, page, pdf):
    how_to_apply = GuidancePage.objects.get(slug="sa-ansoker-du", locale__language_code="sv")
    block = document_block(pdf, "alternative", page=how_to_apply.pk)
    assert post(moderator, page, [block], **PUBLISH).status_code == 302
    html = public_html(client, page)
    link = re.search(r'<a href="/documents/[^"]+">(.*?)</a>', html, re.S).group(1)
    assert " ".join(re.sub(r"<[^>]+>", "", link).split()) == (
        "Ansökan om ekonomiskt bistånd (PDF, 117,2 kB)"
    )
    assert "Tillgänglig version:" in html
    assert f'<a href="{how_to_apply.url}">{how_to_apply.title}</a>' in html


def test_an_accessible_document_or_content_on_the_page_needs_no_link(moderator, client, page, pdf):
    blocks = [document_block(pdf, "accessible"), document_block(pdf, "on_page")]
    assert post(moderator, page, blocks, **PUBLISH).status_code == 302
    html = public_html(client, page)
    assert html.count("(PDF,") == 2
    assert html.count("Samma innehåll finns på den här sidan.") == 1
    assert "Tillgänglig version:" not in html


def test_an_english_reader_gets_the_words_around_swedish_content_in_english(
    moderator, client, page, pdf
):
    assert post(moderator, page, [document_block(pdf, "on_page")], **PUBLISH).status_code == 302
    alias = GuidancePage.objects.get(
        translation_key=page.translation_key, locale__language_code="en"
    )
    html = public_html(client, alias)
    assert '<div class="stream" lang="sv" dir="ltr">' in html
    assert '<p class="muted" lang="en" dir="ltr">The same content is on this page.</p>' in html
