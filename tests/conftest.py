import pytest
from django.core.cache import cache
from django.test import Client
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from portal import content_generation
from portal.demo import content as demo_content
from portal.models import HomePage

DEMO_YEAR = 2026


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the demo site once; each test runs in a transaction that is rolled back after it.

    The demo's sample feedback and earlier years' counts are removed again: feedback tests
    start with none.
    """
    from feedback.models import EarlierCount, Feedback, ReferenceCounter

    with django_db_blocker.unblock():
        demo_content.build(year=DEMO_YEAR)
        Feedback.objects.all().delete()
        EarlierCount.objects.all().delete()
        ReferenceCounter.objects.all().delete()


@pytest.fixture
def client():
    """A browser that asks for Swedish, like the unit's staff: public pages without a language
    prefix answer in one known language; the admin is Swedish whatever the browser asks for."""
    return Client(HTTP_ACCEPT_LANGUAGE="sv")


def choose_admin_language(user, code: str):
    """The staff member chooses the admin's language in their account ("preferred language");
    without a choice the admin is Swedish."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = code
    profile.save()
    return user


@pytest.fixture
def demo_site(db):
    """The demo site as `make run` builds it, for the year 2026."""
    return HomePage.objects.get(depth=2, locale=Locale.get_default())


@pytest.fixture(autouse=True)
def fresh_content_generation():
    """Each test starts from a new content generation: what an earlier test built from its
    rolled-back pages (the page directory, cached pages) is not seen."""
    cache.delete(content_generation.KEY)
