"""The unit head's workload page: per handler (and for nobody) the open items, those due this
week and those overdue, counted in a fixed number of queries; each number opens the list
filtered to exactly those items."""

import re
from datetime import date, datetime

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from feedback import intake
from feedback.handlers_group import HANDLERS_GROUP
from feedback.models import Category, Feedback
from portal.guarantee_approval import UNIT_HEADS_GROUP
from portal.workdays import STOCKHOLM
from tests.feedback.conftest import swedish

pytestmark = pytest.mark.django_db
URL = "/admin/feedback-workload/"
# Wednesday: the week runs to Sunday 29 November.
TODAY = datetime(2026, 11, 25, 10, 0, tzinfo=STOCKHOLM)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def people(django_user_model, demo_site):
    def user(username, first, last, group=None):
        created = django_user_model.objects.create_user(
            username, f"{username}@example.org", "pw-1-x", first_name=first, last_name=last
        )
        if group:
            created.groups.add(Group.objects.get(name=group))
        return created

    return {
        "hedda": user("hedda", "Hedda", "Lind", HANDLERS_GROUP),
        "olle": user("olle", "Olle", "Berg", HANDLERS_GROUP),
        "ines": user("ines", "Ines", "Ek", HANDLERS_GROUP),
        # Left the handlers' group with an item still open: it must not drop out of sight.
        "frida": user("frida", "Frida", "Sjö"),
        "karin": user("karin", "Karin", "Enhetschef", UNIT_HEADS_GROUP),
        "editor": user("editor", "Erik", "Redaktör", "Editors"),
    }


def item(status="in_progress", answer_due=None, acknowledge_due=None, assigned_to=None):
    feedback = intake.register(
        Feedback(
            kind="complaint",
            category=swedish(Category, "Bemötande"),
            language="sv",
            channel="letter",
            message="Ett brev.",
            answer_by="letter",
            name="Kim",
            postal_address="Box 1",
        ),
        received_at=datetime(2026, 11, 2, 10, 0, tzinfo=STOCKHOLM),
    ).feedback
    Feedback.objects.filter(pk=feedback.pk).update(
        status=status,
        answer_due=answer_due,
        acknowledge_due=acknowledge_due,
        assigned_to=assigned_to,
    )
    return feedback.reference


@pytest.fixture
def items(people):
    hedda, olle, frida = people["hedda"], people["olle"], people["frida"]
    return {
        "hedda_overdue": item(answer_due=date(2026, 11, 20), assigned_to=hedda),
        "hedda_this_week": item(answer_due=date(2026, 11, 27), assigned_to=hedda),
        "hedda_later": item(answer_due=date(2026, 12, 15), assigned_to=hedda),
        "hedda_closed": item(status="closed", answer_due=date(2026, 11, 20), assigned_to=hedda),
        "olle_later": item(answer_due=date(2026, 12, 15), assigned_to=olle),
        "frida_overdue": item(answer_due=date(2026, 11, 16), assigned_to=frida),
        # Received and not acknowledged: the acknowledgement is what is due (and overdue).
        "nobody_overdue": item(
            status="received", acknowledge_due=date(2026, 11, 20), answer_due=date(2026, 12, 4)
        ),
        "nobody_this_week": item(answer_due=date(2026, 11, 26)),
    }


def table(html):
    """{row id: (header text, [(count, link or None), …])} of the workload table."""
    soup = BeautifulSoup(html, "html.parser")
    rows = {}
    for row in soup.select("#workload tr[id]"):
        cells = []
        for cell in row.find_all("td"):
            link = cell.find("a")
            count = int(re.match(r"\d+", cell.get_text(strip=True)).group())
            cells.append((count, link["href"] if link else None))
        rows[row["id"]] = (row.find("th").get_text(strip=True), cells)
    return rows


def listed(client, link):
    html = client.get(link).content.decode()
    return set(re.findall(r"\b2026-\d{5}\b", html))


def test_counts_per_handler_and_for_nobody_each_linking_to_exactly_those_items(
    client, people, items
):
    client.force_login(people["karin"])  # a unit head, not a handler
    response = client.get(URL)
    assert response.status_code == 200
    rows = table(response.content.decode())
    pk = {name: str(user.pk) for name, user in people.items()}
    counts = {row_id: [count for count, _link in cells] for row_id, (_name, cells) in rows.items()}
    assert counts == {
        "workload-null": [2, 1, 1],
        f"workload-{pk['hedda']}": [3, 1, 1],
        f"workload-{pk['olle']}": [1, 0, 0],
        f"workload-{pk['ines']}": [0, 0, 0],
        f"workload-{pk['frida']}": [1, 0, 1],
        "workload-all": [7, 2, 3],
    }
    # Full names, not user names, in name order after the row for nobody.
    names = [name for name, _cells in rows.values()]
    assert names[1:-1] == ["Frida Sjö", "Hedda Lind", "Ines Ek", "Olle Berg"]
    assert "hedda" not in response.content.decode().replace("hedda@", "")

    expected = {
        "workload-null": [
            {"nobody_overdue", "nobody_this_week"},
            {"nobody_this_week"},
            {"nobody_overdue"},
        ],
        f"workload-{pk['hedda']}": [
            {"hedda_overdue", "hedda_this_week", "hedda_later"},
            {"hedda_this_week"},
            {"hedda_overdue"},
        ],
        f"workload-{pk['olle']}": [{"olle_later"}, None, None],
        f"workload-{pk['frida']}": [{"frida_overdue"}, None, {"frida_overdue"}],
        "workload-all": [
            set(items) - {"hedda_closed"},
            {"hedda_this_week", "nobody_this_week"},
            {"hedda_overdue", "frida_overdue", "nobody_overdue"},
        ],
    }
    for row_id, wanted in expected.items():
        for (count, link), names in zip(rows[row_id][1], wanted, strict=True):
            if names is None:
                assert link is None and count == 0
                continue
            assert listed(client, link) == {items[name] for name in names}, link


def test_the_table_is_accessible(client, people, items):
    client.force_login(people["hedda"])
    soup = BeautifulSoup(client.get(URL).content.decode(), "html.parser")
    workload = soup.select_one("table#workload")
    assert workload.caption.get_text(strip=True)
    assert [th["scope"] for th in workload.thead.find_all("th")] == ["col"] * 4
    assert all(row.th["scope"] == "row" for row in workload.select("tbody tr, tfoot tr"))
    # Each number's link says what it counts and for whom, for a list of links read alone.
    link = workload.select_one(f"#workload-{people['hedda'].pk} a")
    assert "Hedda Lind" in link.get_text()


def queries_for_page(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


def test_a_fixed_number_of_queries_however_many_items_and_handlers(
    client, people, items, django_user_model, django_assert_max_num_queries
):
    client.force_login(people["karin"])
    queries_for_page(client)  # the first request warms what the admin keeps in memory
    few = queries_for_page(client)
    handlers = Group.objects.get(name=HANDLERS_GROUP)
    for n in range(12):
        extra = django_user_model.objects.create_user(f"extra{n}", first_name=f"Extra {n}")
        extra.groups.add(handlers)
        item(answer_due=date(2026, 11, 20 + n % 8), assigned_to=extra)
        item(answer_due=date(2026, 12, 1))
    assert queries_for_page(client) == few
    with django_assert_max_num_queries(few):
        client.get(URL)


def test_staff_without_the_right_get_403_and_no_link(client, people, items):
    client.force_login(people["editor"])
    assert client.get(URL).status_code == 403
    assert URL not in client.get("/admin/").content.decode()
    client.logout()
    response = client.get(URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_unit_heads_and_handlers_find_it_from_the_admin_home(client, people):
    for name in ("karin", "hedda"):
        client.force_login(people[name])
        home = BeautifulSoup(client.get("/admin/").content.decode(), "html.parser")
        assert home.select_one("#feedback-workload-link")["href"] == URL


def test_who_may_only_read_feedback_sees_the_panel_without_the_workload(
    client, django_user_model, demo_site
):
    reader = django_user_model.objects.create_user("reader", "reader@example.org", "pw-r-1")
    reader.user_permissions.add(
        Permission.objects.get(codename="view_feedback"),
        Permission.objects.get(codename="access_admin"),
    )
    client.force_login(reader)
    home = BeautifulSoup(client.get("/admin/").content.decode(), "html.parser")
    assert home.select_one("section[aria-labelledby=feedback-panel-heading]") is not None
    assert home.select_one("#feedback-workload-link") is None
    assert client.get(URL).status_code == 403
