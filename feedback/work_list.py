"""The Feedback list as a handler works it: its order, its one-click views, the list a page
was opened from (``next``) and the item that follows another in it.

The default order is the work order: open items by the date shown as due (so the most overdue
come first), then open items with no date, then answered and closed items, newest first. The
index ``feedback_work_order_idx`` reads it in this order.
"""

from copy import copy
from urllib.parse import urlencode, urlsplit

from django.db.models import F, Q
from django.http import QueryDict
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from feedback import triage

DUE = "due_on"  # the annotation of the date shown as due, and the Due column's sort key
GROUP = "work_group"

# The one-click views above the list (and the dashboard's counts): name: (label, query); "me"
# stands for the signed-in handler.
VIEWS = {
    "all": (_("All items"), {}),
    "mine": (_("My items"), {"assigned_to": "me", "open": "true"}),
    "unassigned": (_("Unassigned items"), {"unassigned": "true", "open": "true"}),
    "overdue": (_("Overdue items"), {"overdue": "true"}),
    "due_this_week": (_("Items due this week"), {"due_this_week": "true"}),
}
# Query parameters that change how a view is shown, not which items it holds.
NOT_A_FILTER = {"p", "ordering"}


def annotate(queryset):
    return queryset.annotate(
        **{GROUP: triage.work_group_expression(), DUE: triage.next_due_expression()}
    )


def order_keys(ordering: str | None) -> list[tuple[str, bool]]:
    """(name, descending) of what the list sorts by for Wagtail's ``ordering`` (a column's sort
    key, "-" for descending; None for the work order), ending in one that is unique, so that
    the pages and the next item are the same every time."""
    if ordering in (None, DUE, f"-{DUE}"):
        return [(GROUP, False), (DUE, ordering == f"-{DUE}"), ("received_at", True), ("pk", True)]
    # Another column: ties by arrival, in the same direction (its index reads both ways).
    name, descending = ordering.removeprefix("-"), ordering.startswith("-")
    if name == "reference":
        return [(name, descending)]
    if name == "received_at":
        return [(name, descending), ("pk", descending)]
    return [(name, descending), ("received_at", descending), ("pk", descending)]


def order(queryset, ordering: str | None):
    keys = order_keys(ordering)
    return annotate(queryset).order_by(
        *(F(name).desc() if descending else F(name).asc() for name, descending in keys)
    )


def following(queryset, ordering: str | None, pk):
    """The item after item ``pk`` in ``queryset`` (ordered by ``order``), or None.

    The item's place is read from the database, so call this before a save moves it."""
    keys = order_keys(ordering)
    place = annotate(queryset.model.objects.filter(pk=pk)).values(*(n for n, _ in keys)).first()
    if place is None:
        return None
    after, same = Q(pk__in=[]), Q()
    for name, descending in keys:
        value = place[name]
        if value is None:  # only the due date, and then for a whole group
            same &= Q(**{f"{name}__isnull": True})
            continue
        after |= same & Q(**{f"{name}__{'lt' if descending else 'gt'}": value})
        same &= Q(**{name: value})
    return queryset.filter(after).exclude(pk=pk).first()


def next_url(request) -> str | None:
    """``next``: the page of this admin to go back to (a list with its view), if it is one."""
    url = request.GET.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return url if safe and url.startswith(reverse("wagtailadmin_home")) else None


def is_the_list(url: str | None, list_path: str) -> bool:
    return bool(url) and urlsplit(url).path == list_path


def listed(list_view, request):
    """The list ``next`` points to, as its view (``list_view``, the index view the viewset
    serves) shows it: (its items with its filters and search, in its order; the order). None if
    ``next`` is not the list."""
    listing = list_view.view_class(**list_view.view_initkwargs)
    url = next_url(request)
    if not is_the_list(url, reverse(listing.index_url_name)):
        return None
    as_listed = copy(request)
    as_listed.method, as_listed.GET = "GET", QueryDict(urlsplit(url).query)
    listing.setup(as_listed)
    return listing.get_queryset(), listing.sorted_by


def view_query(query: dict, user) -> dict:
    return {name: user.pk if value == "me" else value for name, value in query.items()}


def view_url(list_path: str, name: str, user) -> str:
    query = view_query(VIEWS[name][1], user)
    return f"{list_path}?{urlencode(query)}" if query else list_path


def views(list_path: str, query: QueryDict, user) -> list[dict]:
    """The one-click views: label, URL, and whether the list's ``query`` is the view (whatever
    its page and order)."""
    filters = {name: value for name, value in query.items() if name not in NOT_A_FILTER}
    return [
        {
            "label": label,
            "url": view_url(list_path, name, user),
            "current": filters == {k: str(v) for k, v in view_query(query, user).items()},
        }
        for name, (label, query) in VIEWS.items()
    ]
