import csv
import io
import time

import pytest
from django.core import signing
from django.core.cache import cache
from wagtail.models import Locale

from feedback.forms import STARTED_SALT
from feedback.models import Category, District, FeedbackPage

FORM = "/sv/synpunkter/"


@pytest.fixture(autouse=True)
def clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def feedback_page(demo_site):
    return FeedbackPage.objects.get(locale=Locale.get_default())


def swedish(model, name):
    return model.objects.get(locale=Locale.get_default(), name=name)


def form_data(**overrides):
    """A complete, valid submission as a browser sends it, started a minute ago."""
    data = {
        "kind": "complaint",
        "category": swedish(Category, "Bemötande").pk,
        "district": swedish(District, "Östermalm").pk,
        "commitment": "",
        "message": "Jag blev inte väl bemött i receptionen.",
        "answer_by": "email",
        "name": "Kim Andersson",
        "email": "kim@example.org",
        "phone": "",
        "postal_address": "",
        "website": "",
        "started": signing.dumps(time.time() - 60, salt=STARTED_SALT),
        "submission_id": "8d0f8b5e-2f4e-4d43-9b7c-1f2a3b4c5d6e",
    }
    data.update(overrides)
    return data


def read_csv(text: str) -> list[list[str]]:
    """The unit's CSV (feedback.spreadsheets): a byte order mark, then cells split by ";"."""
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
