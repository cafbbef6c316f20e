"""The handler's desk: the list in the work order (the most overdue first), its one-click views
and the dashboard's counts that lead to them, save and go on to the next item of the view,
"Assign to me", and the actions on several items in the list itself."""

import itertools
import re
from datetime import date, datetime, timedelta
from urllib.parse import quote, urlencode

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from wagtail.models import ModelLogEntry

from feedback import triage
from feedback.handlers_group import HANDLERS_GROUP
from feedback.models import Category, Feedback
from portal.workdays import STOCKHOLM
from tests.feedback.conftest import swedish
from tests.feedback.test_triage_admin import opened

pytestmark = pytest.mark.django_db

LIST = "/admin/feedback/"
TODAY = "2026-11-23 09:00 +01:00"  # a Monday; the week ends on Sunday 29 November
numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def monday():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def hedda(django_user_model, demo_site):
    user = django_user_model.objects.create_user(
        "hedda", "hedda@example.org", "pw-h-1", first_name="Hedda", last_name="Lind"
    )
    user.groups.add(Group.objects.get(name=HANDLERS_GROUP))
    return user


@pytest.fixture
def hugo(django_user_model, demo_site):
    user = django_user_model.objects.create_user("hugo", "hugo@example.org", "pw-h-2")
    user.groups.add(Group.objects.get(name=HANDLERS_GROUP))
    return user


@pytest.fixture
def handler_client(client, hedda):
    client.force_login(hedda)
    return client


def item(**fields):
    """An item in progress, received on 1 October, answer due on 30 November (not overdue)."""
    n = next(numbers)
    values = {
        "reference": f"2026-{n:05d}",
        "year": 2026,
        "number": n,
        "kind": "complaint",
        "category": swedish(Category, "Bemötande"),
        "status": "in_progress",
        "received_at": datetime(2026, 10, 1, 10, tzinfo=STOCKHOLM) + timedelta(minutes=n),
        "acknowledge_due": date(2026, 10, 5),
        "answer_due": date(2026, 11, 30),
        "message": "Synpunkt.",
        "language": "sv",
        "channel": "web",
        "lookup_code_hash": "x",
    }
    values.update(fields)
    return Feedback.objects.create(**values)


def overdue_by(days, **fields):
    return item(answer_due=date(2026, 11, 23) - timedelta(days=days), **fields)


def listed(client, params=None):
    response = client.get(LIST, params or {})
    assert response.status_code == 200
    return response, [entry.reference for entry in response.context["object_list"]]


def test_the_list_starts_with_the_most_overdue_and_ends_with_closed_items(handler_client):
    """56 items, 20 of them overdue (the issue's test): received long ago, newest first they
    would be on page 2."""
    overdue = [
        overdue_by(days, received_at=datetime(2026, 9, 1, tzinfo=STOCKHOLM))
        for days in range(40, 20, -1)
    ]
    closed = [
        item(status="closed", received_at=datetime(2026, 11, 20 - n, tzinfo=STOCKHOLM))
        for n in range(6)
    ]
    later = [item(answer_due=date(2026, 12, 1) + timedelta(days=n)) for n in range(20)]
    undated = [item(kind="praise", acknowledge_due=None, answer_due=None) for _ in range(10)]

    first, on_page_one = listed(handler_client)
    assert on_page_one[:20] == [entry.reference for entry in overdue]  # most overdue first
    assert on_page_one[20:40] == [entry.reference for entry in later]  # then by the due date
    # Open with no date (praise), newest first; then closed items last, newest first.
    assert on_page_one[40:] == [entry.reference for entry in reversed(undated)]
    assert listed(handler_client, {"p": 2})[1] == [entry.reference for entry in closed]
    assert first.context["paginator"].items_count_label == "56 synpunkter"


def test_the_overdue_marker_says_by_how_much_and_due_soon_says_so(handler_client):
    late = overdue_by(7)
    soon = item(answer_due=date(2026, 11, 24))
    html = handler_client.get(LIST).content.decode()
    row = {
        entry: html.split(f'name="items" value="{entry.pk}"', 1)[1].split("</tr>", 1)[0]
        for entry in (late, soon)
    }
    assert re.search(
        r'class="feedback-due feedback-due--overdue">\s*<svg[^>]*icon-warning', row[late]
    )
    assert "Försenad 7 dagar" in row[late]
    assert 'class="feedback-due feedback-due--soon"' in row[soon] and "Förfaller snart" in row[soon]
    assert "feedback-due--overdue" not in row[soon]


def test_the_database_due_date_is_the_one_shown(handler_client):
    """Sorting by the Due column sorts the date it shows (triage.next_due), not answer_due."""
    delayed = item(answer_due=date(2026, 11, 20), delayed_answer_due=date(2026, 12, 20))
    acknowledging = item(
        status="received", acknowledge_due=date(2026, 11, 25), answer_due=date(2026, 12, 30)
    )
    plain = item(answer_due=date(2026, 12, 10))
    closed = item(status="closed", answer_due=date(2026, 11, 1))

    annotated = Feedback.objects.annotate(due=triage.next_due_expression())
    assert {entry.reference: entry.due for entry in annotated} == {
        entry.reference: triage.next_due(entry) for entry in (delayed, acknowledging, plain, closed)
    }
    _, ascending = listed(handler_client, {"ordering": "due_on"})
    assert ascending == [
        acknowledging.reference,
        plain.reference,
        delayed.reference,
        closed.reference,
    ]
    _, descending = listed(handler_client, {"ordering": "-due_on"})
    assert descending == [
        delayed.reference,
        plain.reference,
        acknowledging.reference,
        closed.reference,
    ]


def test_the_unassigned_and_open_filters_answer_yes_and_no_in_swedish(handler_client, hedda):
    nobodys = item()
    heddas = item(assigned_to=hedda)
    done = item(status="closed")
    response, unassigned = listed(handler_client, {"unassigned": "true"})
    assert set(unassigned) == {nobodys.reference, done.reference}
    assert [f.value for f in response.context["view"].active_filters] == ["Ja"]
    assert listed(handler_client, {"unassigned": "false"})[1] == [heddas.reference]
    assert listed(handler_client, {"unassigned": "true", "open": "true"})[1] == [nobodys.reference]
    html = response.content.decode()
    assert ">True<" not in html and '<option value="true">Ja</option>' in html


def test_handlers_are_named_by_their_names(handler_client, hedda, hugo):
    item(assigned_to=hedda)
    item(assigned_to=hugo)
    response = handler_client.get(LIST, {"assigned_to": hedda.pk})
    html = response.content.decode()
    assert f'<option value="{hedda.pk}" selected>Hedda Lind</option>' in html
    assert [f.value for f in response.context["view"].active_filters] == ["Hedda Lind"]
    everyone = handler_client.get(LIST).content.decode()
    assert "Hedda Lind" in everyone and re.search(r">\s*hugo\s*<", everyone)  # no full name


def test_the_one_click_views_and_the_dashboard_counts_lead_to_the_same_items(
    handler_client, hedda, hugo
):
    item(assigned_to=hedda)  # mine
    overdue_by(3, assigned_to=hedda)  # mine, overdue
    overdue_by(1)  # unassigned, overdue
    item(answer_due=date(2026, 11, 27))  # unassigned, due this week
    item(answer_due=date(2026, 11, 29), assigned_to=hugo)  # due this week (Sunday)
    item(answer_due=date(2026, 11, 30))  # due next week
    item(status="closed", assigned_to=hedda)
    item(status="closed")

    home = handler_client.get("/admin/").content.decode()
    panel = home.split('id="feedback-panel-heading"', 1)[1].split("</section>", 1)[0]
    links = {
        re.sub(r"\s+", " ", text).strip(): url.replace("&amp;", "&")
        for url, text in re.findall(r'<a href="(/admin/feedback/\?[^"]*)">([^<]*)</a>', panel)
    }
    expected = {
        "2 försenade ärenden på enheten": 2,
        "2 ärenden ska hanteras denna vecka": 2,
        "3 öppna ärenden som ingen är tilldelad": 3,
        "2 öppna ärenden är tilldelade dig": 2,
    }
    assert set(links) == set(expected)
    for text, url in links.items():
        response = handler_client.get(url)
        assert response.context["paginator"].count == expected[text], text

    views = {view["label"]: view for view in handler_client.get(LIST).context["views"]}
    assert views["Mina"]["url"] == f"{LIST}?assigned_to={hedda.pk}&open=true"
    assert handler_client.get(views["Ej tilldelade"]["url"]).context["paginator"].count == 3
    current = handler_client.get(views["Försenade"]["url"]).context["views"]
    assert [view["label"] for view in current if view["current"]] == ["Försenade"]


def triage_data(entry, **fields):
    data = {
        "opened": opened(entry),
        "language": entry.language,
        "assigned_to": entry.assigned_to_id or "",
        "status": entry.status,
        "answer_text": "",
        "answered_on": "",
        "answer_channel": "",
        "justified": "unknown",
        "action_taken": "",
        "note": "",
    }
    data.update(fields)
    return data


def edit_url(entry, next_url=None):
    url = f"{LIST}edit/{entry.pk}/"
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def test_saved_it_goes_on_to_the_next_item_of_the_view(handler_client, hedda):
    view = f"{LIST}?overdue=true"
    first, second, third = overdue_by(9), overdue_by(5), overdue_by(2)
    item()  # not overdue: not in the view

    page = handler_client.get(LIST, {"overdue": "true"}).content.decode()
    assert f'href="{edit_url(first, view)}"'.replace("&", "&amp;") in page

    # Answered and closed: it leaves the view, and the next one opens.
    closed = handler_client.post(
        edit_url(first, view),
        triage_data(
            first,
            status="closed",
            answer_text="Vi har gått igenom ärendet och svarar er i detta brev.",
            answered_on="2026-11-23",
            answer_channel="letter",
        ),
    )
    assert closed.status_code == 302 and closed["Location"] == edit_url(second, view)
    first.refresh_from_db()
    assert first.status == "closed"

    # Save and stay: the same item again, still in the view.
    stayed = handler_client.post(
        edit_url(second, view), triage_data(second, assigned_to=hedda.pk, stay="1")
    )
    assert stayed["Location"] == edit_url(second, view)
    # Saved without leaving the view: the next one after it.
    assert handler_client.post(edit_url(second, view), triage_data(second))["Location"] == edit_url(
        third, view
    )
    # The last of the view: back to the view.
    assert handler_client.post(edit_url(third, view), triage_data(third))["Location"] == view
    # Opened without a list, or with another site's address: the list, as before.
    assert handler_client.post(edit_url(third), triage_data(third))["Location"] == LIST
    elsewhere = edit_url(third, "https://example.org/admin/feedback/")
    assert handler_client.post(elsewhere, triage_data(third))["Location"] == LIST


def test_assign_to_me_is_one_logged_click(client, hedda, django_user_model):
    entry = item()
    client.force_login(hedda)
    view = f"{LIST}?unassigned=true&open=true"
    page = client.get(view).content.decode()
    assign = f"/admin/feedback/assign-to-me/{entry.pk}/?next={quote(view, safe='')}"
    assert f'formaction="{assign}"' in page.replace("&amp;", "&")

    assert client.get(assign).status_code == 405  # a POST, with the CSRF token
    response = client.post(assign)
    assert response.status_code == 302 and response["Location"] == view
    entry.refresh_from_db()
    assert entry.assigned_to == hedda
    entry_log = ModelLogEntry.objects.get(action="feedback.triage", object_id=str(entry.pk))
    assert entry_log.data["changed"] == ["assigned_to"] and entry_log.user == hedda
    # Once it is hers, the list offers no button for it.
    assert f"assign-to-me/{entry.pk}/" not in client.get(view).content.decode()

    editor = django_user_model.objects.create_user("editor", "editor@example.org", "pw-e-1")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.post(assign).status_code == 403


def test_assign_to_me_on_the_item_page_comes_back_to_it(handler_client, hedda):
    entry = item()
    page = edit_url(entry, f"{LIST}?overdue=true")
    html = handler_client.get(page).content.decode()
    take = re.search(r'<form method="post" action="([^"]+)" class="feedback-take">', html)
    response = handler_client.post(take.group(1).replace("&amp;", "&"))
    assert response["Location"] == page
    entry.refresh_from_db()
    assert entry.assigned_to == hedda


def bulk(client, view_query, **data):
    view = f"{LIST}?{view_query}" if view_query else LIST
    return client.post(f"{LIST}bulk/?{urlencode({'next': view})}", data)


def test_close_every_item_of_a_filtered_view_but_those_that_need_an_answer(handler_client):
    # Complaints in the view: one that may close, one whose sender waits for an answer.
    may_close = item(name="", email="", answer_by="")
    needs_answer = item(name="Kim", email="kim@example.org", answer_by="email")
    outside = item(kind="suggestion", name="", answer_by="")

    response = bulk(handler_client, "kind=complaint", everything="on", action="close")
    assert response.status_code == 302 and response["Location"] == f"{LIST}?kind=complaint"
    statuses = dict(Feedback.objects.values_list("reference", "status"))
    assert statuses == {
        may_close.reference: "closed",
        needs_answer.reference: "in_progress",
        outside.reference: "in_progress",
    }
    said = [str(message) for message in get_messages(response.wsgi_request)]
    assert any(needs_answer.reference in message for message in said)
    assert not any(may_close.reference in message for message in said[1:])
    logged = ModelLogEntry.objects.get(action="feedback.triage", object_id=str(may_close.pk))
    assert logged.data == {"changed": ["status"], "status": "closed"}


def test_move_the_selected_items_and_refuse_impossible_moves(handler_client):
    received = item(status="received")
    closed = item(status="closed", name="", answer_by="")
    response = bulk(
        handler_client, "", items=[received.pk, closed.pk], action="status", status="acknowledged"
    )
    assert response.status_code == 302
    received.refresh_from_db(), closed.refresh_from_db()
    assert (received.status, closed.status) == ("acknowledged", "closed")
    assert any(closed.reference in str(m) for m in get_messages(response.wsgi_request))


def test_assign_the_selected_items(handler_client, hugo):
    first, second, third = item(), item(), item()
    response = bulk(
        handler_client, "", items=[first.pk, second.pk], action="assign", handler=hugo.pk
    )
    assert response.status_code == 302
    assert set(Feedback.objects.filter(assigned_to=hugo)) == {first, second}
    assert ModelLogEntry.objects.filter(action="feedback.triage").count() == 2
    # Nothing selected, or no handler: nothing changes, the list says why.
    bulk(handler_client, "", action="assign", handler=hugo.pk)
    bulk(handler_client, "", items=[third.pk], action="assign")
    third.refresh_from_db()
    assert third.assigned_to is None


def test_the_actions_are_in_the_list_and_the_old_page_is_gone(client, hedda, django_user_model):
    entry = item()
    client.force_login(hedda)
    html = client.get(LIST, {"overdue": "false"}).content.decode()
    form = re.search(r'<form id="feedback-bulk" method="post" action="([^"]+)"', html)
    assert (
        form.group(1).replace("&amp;", "&")
        == f"{LIST}bulk/?next={quote(f'{LIST}?overdue=false', safe='')}"
    )
    assert f'name="items" value="{entry.pk}" form="feedback-bulk"' in html
    # The list's filters are in the header's own form, not around the table: no nested form.
    assert html.count("<form") == html.count("</form>")
    assert client.get(f"{LIST}assign/")["Location"] == LIST

    editor = django_user_model.objects.create_user("editor", "editor@example.org", "pw-e-1")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert bulk(client, "", items=[entry.pk], action="close").status_code == 403


def test_two_handlers_clicking_assign_to_me_the_second_is_told(handler_client, hedda, hugo):
    entry = item()
    assign = f"/admin/feedback/assign-to-me/{entry.pk}/"
    Feedback.objects.filter(pk=entry.pk).update(assigned_to=hugo)  # Hugo's click came first
    response = handler_client.post(assign, follow=True)
    entry.refresh_from_db()
    assert entry.assigned_to == hugo
    assert any("hugo" in str(message) for message in response.context["messages"])
    # From the item page, which showed Hugo as the handler, taking it over is deliberate.
    handler_client.post(assign, {"expected": str(hugo.pk)})
    entry.refresh_from_db()
    assert entry.assigned_to == hedda


def test_closing_several_keeps_the_written_answer_rule(handler_client):
    written = item(
        name="Sam", postal_address="Box 1", answer_by="letter", channel="letter",
        answer_text="x", answered_on=date(2026, 11, 20), answer_channel="phone",
    )  # fmt: skip
    bulk(handler_client, "", items=[written.pk], action="close")
    written.refresh_from_db()
    assert written.status == "in_progress"
