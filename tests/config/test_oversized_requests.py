"""Oversized or malformed posts get a page in the reader's language, and a body larger than any
form of ours is refused before it is read."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return Client(enforce_csrf_checks=False)


def test_ten_megabytes_to_the_form_are_refused_unread(client, demo_site):
    response = client.post("/sv/synpunkter/", {"message": "x" * (10 * 1024 * 1024)})
    assert response.status_code == 413
    page = response.content.decode()
    assert '<html lang="sv" dir="ltr">' in page
    assert "större än våra formulär tar emot" in page
    assert "no-store" in response["Cache-Control"]


def test_ten_thousand_fields_get_a_localised_400(client, demo_site):
    fields = "&".join(["a=1"] * 10_001)  # 40 kB: under the size limit, over the field limit
    response = client.post(
        "/ar/synpunkter/", fields, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert "What was sent could not be received" not in page  # Arabic, not English


def test_a_hundred_megabyte_upload_is_not_read(client, demo_site):
    """A multipart body announcing 100 MB is answered at once; the stream is never touched."""

    class Untouchable:
        def read(self, *args):
            raise AssertionError("the body was read")

        readline = read

    response = client.generic(
        "POST",
        "/en/synpunkter/",
        b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(100 * 1024 * 1024),
        **{"wsgi.input": Untouchable()},
    )
    assert response.status_code == 413
    assert "larger than our forms accept" in response.content.decode()


def test_the_admin_still_takes_a_ten_megabyte_upload_size(client, admin_user):
    client.force_login(admin_user)
    response = client.generic(
        "POST",
        "/admin/images/multiple/add/",
        b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(10 * 1024 * 1024),
    )
    assert response.status_code != 413
