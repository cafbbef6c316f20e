import pytest

from portal import demo_content

DEMO_YEAR = 2026


@pytest.fixture
def demo_site(db):
    """The demo site as `make run` builds it, for the year 2026."""
    return demo_content.build(year=DEMO_YEAR)
