"""Revision comparison of a service's hours in words an editor reads: one line per row of
hours ("Måndag–Torsdag 08:30–12:00"), season and dated exception, with changed lines marked,
instead of Wagtail's field-by-field dump (weekdays as "['0', '1']", nested lists as reprs)."""

import difflib

from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.admin.compare import BlockComparison

from portal import languages


def _days(weekdays) -> str:
    """ "måndag–torsdag" for three or more days in a row, else "måndag, onsdag"."""
    code = translation.get_language()
    days, runs = sorted(int(day) for day in weekdays), []
    for day in days:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        names = [languages.day_name(day, code) for day in run]
        parts += [f"{names[0]}–{names[-1]}"] if len(run) >= 3 else names
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


def _times(rows) -> str:
    given = [row for row in rows if row["opens"] is not None and row["closes"] is not None]
    if not given:
        return _("Closed")
    return ", ".join(f"{row['opens']:%H:%M}–{row['closes']:%H:%M}" for row in given)


def _week(rows) -> list[str]:
    return [f"{_days(row['weekdays'])} {_times([row])}" for row in rows]


def service_lines(value) -> list[str]:
    """The service as readable lines, in the order the editor sees its blocks."""
    lines = [value["name"]]
    if value["description"]:
        lines.append(value["description"])
    lines += [f"{_('Regular weekly hours')}: {line}" for line in _week(value["regular_hours"])]
    for season in value["seasons"]:
        period = f"{season['name']} {season['starts']} – {season['ends']}"
        lines += [f"{period}: {line}" for line in _week(season["hours"])] or [period]
    for exception in value["exceptions"]:
        note = f" ({exception['note']})" if exception["note"] else ""
        lines.append(f"{exception['date']}{note}: {_times(exception['hours'])}")
    return lines


# Changed lines marked as Wagtail marks changed text, and as <del>/<ins> for screen readers.
MARKUP = {
    "equal": "<li>{}</li>",
    "deletion": '<li><del class="deletion">{}</del></li>',
    "addition": '<li><ins class="addition">{}</ins></li>',
}


def _listed(changes) -> str:
    return format_html(
        "<ul>{}</ul>", mark_safe("".join(format_html(MARKUP[kind], line) for kind, line in changes))
    )


class ServiceComparison(BlockComparison):
    def htmlvalue(self, val):
        return _listed(("equal", line) for line in service_lines(val))

    def htmldiff(self):
        before = service_lines(self.val_a) if self.exists_a else []
        after = service_lines(self.val_b) if self.exists_b else []
        changes = []
        matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                changes += [("equal", line) for line in before[i1:i2]]
            else:
                changes += [("deletion", line) for line in before[i1:i2]]
                changes += [("addition", line) for line in after[j1:j2]]
        return _listed(changes)
