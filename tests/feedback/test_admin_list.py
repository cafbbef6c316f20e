"""The staff list of feedback in the admin: as many queries for a full page as for a short one,
with every filter staff use; the tertial filter in Stockholm time with or without a year; the
pages count what the overdue filter lists."""

from datetime import date, datetime

import pytest
import time_machine
from django.contrib.auth.models import Group
from wagtail.models import Locale

from feedback.handlers_group import HANDLERS_GROUP
from feedback.models import Category, District, Feedback
from portal.workdays import STOCKHOLM
from tests.feedback.conftest import swedish

pytestmark = pytest.mark.django_db

LIST = "/admin/feedback/"
# Session, user and permissions, locales, the filters' choices (categories, districts,
# handlers), the closed days for the due markers, the COUNT (two for the items not overdue)
# and the page itself.
MAX_QUERIES = 21


@pytest.fixture
def handlers(django_user_model, demo_site):
    group = Group.objects.get(name=HANDLERS_GROUP)
    users = []
    for name in ("hedda", "hugo", "hanna"):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw-h-1")
        user.groups.add(group)
        users.append(user)
    return users


def make_items(count, handlers, start=0, **fixed):
    """``count`` items, from number ``start`` on, each with another category, district,
    handler, kind and status than the one before (but what ``fixed`` sets)."""
    default = Locale.get_default()
    categories = list(Category.objects.filter(locale=default))
    districts = [*District.objects.filter(locale=default), None]
    assignees = [*handlers, None]
    statuses = ["received", "acknowledged", "in_progress", "answered", "closed"]
    items = []
    for n in range(start, start + count):
        values = {
            "reference": f"2026-{n + 1:05d}",
            "year": 2026,
            "number": n + 1,
            "kind": ("complaint", "suggestion", "praise")[n % 3],
            "category": categories[n % len(categories)],
            "district": districts[n % len(districts)],
            "assigned_to": assignees[n % len(assignees)],
            "status": statuses[n % len(statuses)],
            "received_at": datetime(2026, 1 + n % 11, 1 + n % 28, 10, tzinfo=STOCKHOLM),
            "acknowledge_due": date(2026, 11, 10 + n % 20),
            "answer_due": date(2026, 11, 10 + n % 20),
            "message": "Synpunkt.",
            "language": "sv",
            "channel": "web",
            "lookup_code_hash": "x",
        }
        values.update(fixed)
        items.append(Feedback(**values))
    return Feedback.objects.bulk_create(items)


OVERDUE = {"status": "in_progress", "answer_due": date(2026, 11, 2)}
VIEWS = [
    "unfiltered",
    "status",
    "overdue",
    "not overdue",
    "category",
    "district",
    "handler",
    "year",
    "tertial",
    "category, district, year and overdue",
    "handler, status, year and overdue",
]


def view(name, handler):
    """The list's filters, and what the items must have for all of them to be listed."""
    category, district = swedish(Category, "Bemötande"), swedish(District, "Östermalm")
    return {
        "unfiltered": ({}, {}),
        "status": ({"status": "in_progress"}, {"status": "in_progress"}),
        "overdue": ({"overdue": "true"}, OVERDUE),
        "not overdue": ({"overdue": "false"}, {"status": "closed"}),
        "category": ({"category": category.pk}, {"category": category}),
        "district": ({"district": district.pk}, {"district": district}),
        "handler": ({"assigned_to": handler.pk}, {"assigned_to": handler}),
        "year": ({"year": 2026}, {}),
        "tertial": ({"tertial": 2}, {"received_at": datetime(2026, 6, 1, 10, tzinfo=STOCKHOLM)}),
        "category, district, year and overdue": (
            {"category": category.pk, "district": district.pk, "year": 2026, "overdue": "true"},
            {"category": category, "district": district, **OVERDUE},
        ),
        "handler, status, year and overdue": (
            {"assigned_to": handler.pk, "status": "in_progress", "year": 2026, "overdue": "true"},
            {"assigned_to": handler, **OVERDUE},
        ),
    }[name]


@time_machine.travel("2026-11-23 09:00 +01:00", tick=False)
@pytest.mark.parametrize("name", VIEWS)
def test_a_full_page_costs_as_many_queries_as_a_short_one(
    client, handlers, name, django_assert_max_num_queries
):
    """Each row's category, district and handler come with the page (no query per row)."""
    params, fixed = view(name, handlers[0])
    client.force_login(handlers[0])

    def queries_to_list(items):
        with django_assert_max_num_queries(MAX_QUERIES) as queries:
            html = client.get(LIST, params).content.decode()
        assert all(item.reference in html for item in items)
        return len(queries)

    three = make_items(3, handlers, **fixed)
    queries_for_three = queries_to_list(three)
    thirty = [*three, *make_items(27, handlers, start=3, **fixed)]
    assert queries_to_list(thirty) == queries_for_three


@pytest.mark.parametrize(
    ("params", "listed"),
    [
        ({"tertial": 3}, {"2025-12-31 23:30", "2026-09-01 00:10"}),
        ({"tertial": 3, "year": 2026}, {"2026-09-01 00:10"}),
        ({"tertial": 3, "year": 2025}, {"2025-12-31 23:30"}),
        ({"tertial": 1}, {"2026-01-01 00:30"}),
        ({"tertial": 2}, {"2026-08-31 23:30"}),
        ({"tertial": 1, "year": 2025}, set()),
    ],
)
def test_tertials_are_months_in_stockholm_time_in_every_year_or_the_one_chosen(
    client, handlers, params, listed
):
    received = ["2025-12-31 23:30", "2026-01-01 00:30", "2026-08-31 23:30", "2026-09-01 00:10"]
    items = {
        when: make_items(
            1, handlers, start=n, received_at=datetime.fromisoformat(when).replace(tzinfo=STOCKHOLM)
        )[0]
        for n, when in enumerate(received)
    }
    client.force_login(handlers[0])
    html = client.get(LIST, params).content.decode()
    assert {when for when, item in items.items() if item.reference in html} == listed


@time_machine.travel("2026-11-23 09:00 +01:00", tick=False)
@pytest.mark.parametrize(
    "params",
    [
        {"overdue": "false"},
        {"overdue": "false", "status": "in_progress"},
        {"overdue": "false", "category": "Bemötande", "year": 2026, "tertial": 3},
        {"overdue": "false", "q": "2026-0001"},
        {"overdue": "true"},
    ],
)
def test_the_pages_count_what_the_overdue_filter_lists(client, handlers, params):
    """The items not overdue are counted as all the others less the overdue ones."""
    make_items(30, handlers)
    make_items(12, handlers, start=30, **OVERDUE)
    if "category" in params:
        params = {**params, "category": swedish(Category, params["category"]).pk}
    client.force_login(handlers[0])
    response = client.get(LIST, params)
    listed = [item for item in Feedback.objects.all() if item.reference in response.text]
    assert 0 < len(listed) < 42
    assert response.context["paginator"].count == len(listed)
