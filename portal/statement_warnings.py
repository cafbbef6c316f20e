"""What editors must hear about the accessibility statement: lag (2018:1937) expects it to be
reviewed at least once a year, and a known problem past its planned fix date makes the
statement say something that is no longer true."""

from datetime import date, timedelta

from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.models import Locale

from portal.blocks import KnownProblemBlock
from portal.models import AccessibilityStatementPage

# How early editors hear that the yearly review is coming.
AHEAD_DAYS = 30


def review_due(updated_on: date) -> date:
    """A year after the statement was last updated (28 February after a 29 February)."""
    try:
        return updated_on.replace(year=updated_on.year + 1)
    except ValueError:
        return updated_on.replace(year=updated_on.year + 1, day=28)


def statement_warnings(today: date) -> list[str]:
    warnings = []
    statements = AccessibilityStatementPage.objects.live().filter(locale=Locale.get_default())
    for page in statements:
        due = review_due(page.updated_on)
        values = {"title": page.title, "due": due, "updated": page.updated_on}
        if due < today:
            warnings.append(
                _(
                    "%(title)s was last updated on %(updated)s: its yearly review was due on "
                    "%(due)s. Check the known problems and update the date."
                )
                % values
            )
        elif due <= today + timedelta(days=AHEAD_DAYS):
            warnings.append(
                _("The yearly review of %(title)s is due on %(due)s (last updated %(updated)s).")
                % values
            )
        for block in page.problem_list:
            problem = block.value
            if problem["reason"] == KnownProblemBlock.Reason.NOT_FIXED and (
                problem["fix_by"] and problem["fix_by"] < today
            ):
                warnings.append(
                    _(
                        "%(title)s: a known problem was to be fixed by %(date)s: “%(problem)s”. "
                        "Remove it from the list once it is fixed, or give a new date."
                    )
                    % {
                        "title": page.title,
                        "date": problem["fix_by"],
                        "problem": Truncator(strip_tags(problem["description"].source)).words(12),
                    }
                )
    return warnings
