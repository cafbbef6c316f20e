import pytest

from portal.demo import content as demo_content

DEMO_YEAR = 2026


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the demo site once; each test runs in a transaction that is rolled back after it.

    Browser tests (transactional, the database flushed after each) build it again themselves
    through ``demo_site``.
    """
    with django_db_blocker.unblock():
        demo_content.build(year=DEMO_YEAR)


@pytest.fixture
def demo_site(db):
    """The demo site as `make run` builds it, for the year 2026 (idempotent, so cheap here)."""
    return demo_content.build(year=DEMO_YEAR)
