"""StreamField blocks: guidance content, known accessibility problems and structured opening
hours."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from portal import hours, wcag, workdays
from portal.hours_comparison import ServiceComparison

# --- Guidance content -------------------------------------------------------------------------


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Subheading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"


class QuestionBlock(blocks.StructBlock):
    """A question with its answer, shown as a native disclosure (<details>): no JS needed."""

    question = blocks.CharBlock(label=_("Question"), max_length=300)
    answer = blocks.RichTextBlock(
        label=_("Answer"), features=["bold", "italic", "link", "ol", "ul", "document-link"]
    )

    class Meta:
        icon = "help"
        label = _("Question and answer")
        template = "blocks/question.html"


class NoticeBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("info", _("Information")), ("warning", _("Important"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("Title"), max_length=200, required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "warning"
        label = _("Notice")
        template = "blocks/notice.html"


class ContactBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False)
    phone = blocks.CharBlock(label=_("Phone"), max_length=40, required=False)
    email = blocks.EmailBlock(label=_("E-mail"), required=False)
    address = blocks.TextBlock(label=_("Address"), required=False)

    class Meta:
        icon = "mail"
        label = _("Contact")
        template = "blocks/contact.html"


class FigureBlock(blocks.StructBlock):
    """An image with its alt text, or marked decorative: Wagtail's ImageBlock refuses to publish
    (or submit) one with neither; a draft may wait for it."""

    image = ImageBlock(
        label=_("Image"),
        help_text=_(
            "Write what the image tells someone who cannot see it. Mark it decorative only "
            "when it adds nothing to the text."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=300, required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/figure.html"


class DocumentValue(blocks.StructValue):
    def alternative(self):
        """The page (in the reader's language) or document with the accessible version."""
        page = self["alternative_page"]
        return page.localized if page else self["alternative_document"]


class DocumentBlock(blocks.StructBlock):
    """A file to download. Lag (2018:1937) asks for accessible documents: the editor says how
    someone who cannot use the file gets its content before the page can be published."""

    class Accessibility(models.TextChoices):
        ACCESSIBLE = "accessible", _("The file itself is accessible (tagged and checked)")
        ON_PAGE = "on_page", _("The same content is on this page")
        ALTERNATIVE = "alternative", _("An accessible version is linked below")

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), max_length=200, required=False)
    description = blocks.CharBlock(label=_("Description"), max_length=300, required=False)
    accessibility = blocks.ChoiceBlock(
        label=_("Accessibility"), choices=Accessibility.choices, required=False
    )
    alternative_page = blocks.PageChooserBlock(label=_("Accessible version: page"), required=False)
    alternative_document = DocumentChooserBlock(
        label=_("Accessible version: document"), required=False
    )

    def clean(self, value):
        value = super().clean(value)
        if self.is_deferred_validation:  # a draft may wait, like Wagtail's own required fields
            return value
        if value["document"] and not value["accessibility"]:
            raise StructBlockValidationError(
                block_errors={
                    "accessibility": ValidationError(
                        _(
                            "Say how someone who cannot use this file gets its content: the "
                            "file is accessible, the content is on this page, or link an "
                            "accessible version."
                        )
                    )
                }
            )
        if value["accessibility"] == self.Accessibility.ALTERNATIVE and not value.alternative():
            raise StructBlockValidationError(
                block_errors={
                    "alternative_page": ValidationError(
                        _("Choose the page or the document with the accessible version.")
                    )
                }
            )
        return value

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "blocks/document.html"
        value_class = DocumentValue


class ContentBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3"],
        template="blocks/paragraph.html",
    )
    question = QuestionBlock()
    notice = NoticeBlock()
    contact = ContactBlock()
    image = FigureBlock()
    document = DocumentBlock()


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"))
    title = blocks.CharBlock(
        label=_("Title"), max_length=120, required=False, help_text=_("Defaults to the page title.")
    )
    description = blocks.CharBlock(label=_("Description"), max_length=250, required=False)

    class Meta:
        icon = "link"
        label = _("Link")


# --- Accessibility statement ------------------------------------------------------------------


class KnownProblemBlock(blocks.StructBlock):
    """One known accessibility problem, as DIGG's model statement lists them: what, which WCAG
    criterion, why it is not fixed, and by when it will be."""

    class Reason(models.TextChoices):
        NOT_FIXED = "not_fixed", _("Not yet fixed")
        BURDEN = "burden", _("Disproportionate burden")
        OUT_OF_SCOPE = "out_of_scope", _("Outside the law's scope")

    description = blocks.RichTextBlock(
        label=_("What is not accessible"), features=["bold", "italic", "link", "ul"]
    )
    criterion = blocks.ChoiceBlock(
        label=_("WCAG success criterion"),
        choices=wcag.choices,
        required=False,
        help_text=_("Leave empty only for content outside the law's scope."),
    )
    reason = blocks.ChoiceBlock(label=_("Reason"), choices=Reason.choices)
    fix_by = blocks.DateBlock(
        label=_("Planned fix date"), required=False, help_text=_("Required when not yet fixed.")
    )
    instead = blocks.RichTextBlock(
        label=_("What to use instead"), features=["bold", "italic", "link"], required=False
    )

    def clean(self, value):
        value = super().clean(value)
        if self.is_deferred_validation:
            return value
        errors = {}
        if value["reason"] != self.Reason.OUT_OF_SCOPE and not value["criterion"]:
            errors["criterion"] = ValidationError(_("Choose the criterion the problem fails."))
        if value["reason"] == self.Reason.NOT_FIXED and value["fix_by"] is None:
            errors["fix_by"] = ValidationError(_("Give the date by which it will be fixed."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "warning"
        label = _("Known problem")
        label_format = "{criterion} {description}"


# --- Opening hours ----------------------------------------------------------------------------

WEEKDAYS = [
    ("0", _("Monday")),
    ("1", _("Tuesday")),
    ("2", _("Wednesday")),
    ("3", _("Thursday")),
    ("4", _("Friday")),
    ("5", _("Saturday")),
    ("6", _("Sunday")),
]


def _given(interval) -> bool:
    """An interval row with both times; a row left empty means no hours (e.g. closed)."""
    return interval["opens"] is not None and interval["closes"] is not None


def _error(message) -> ValidationError:
    return ValidationError(message)


class IntervalBlock(blocks.StructBlock):
    """Opening and closing time. Both empty is allowed: a new exception comes with one empty
    row, and "leave empty when closed all day" must not fail (nor crash a draft save, where
    Wagtail 8 defers the required checks and hands clean() None)."""

    opens = blocks.TimeBlock(label=_("Opens"), required=False)
    closes = blocks.TimeBlock(label=_("Closes"), required=False)

    def clean(self, value):
        value = super().clean(value)
        opens, closes = value["opens"], value["closes"]
        if opens is None and closes is None:
            return value
        if opens is None or closes is None:
            missing = "opens" if opens is None else "closes"
            raise StructBlockValidationError(
                block_errors={
                    missing: _error(
                        _("Give both the opening and the closing time, or leave both empty.")
                    )
                }
            )
        if closes <= opens:
            raise StructBlockValidationError(
                block_errors={
                    "closes": _error(_("The closing time must be after the opening time."))
                }
            )
        return value

    class Meta:
        icon = "time"
        label = _("Hours")
        # Collapsed, a row reads "08:30–12:00" instead of its first field only.
        label_format = "{opens}–{closes}"


class WeekdayIntervalBlock(IntervalBlock):
    """The same hours on one or several weekdays: Monday to Thursday 08:30–12:00 is one row."""

    weekdays = blocks.MultipleChoiceBlock(
        label=_("Days"), choices=WEEKDAYS, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        form_layout = ["weekdays", "opens", "closes"]
        label = _("Weekday hours")
        label_format = "{weekdays} {opens}–{closes}"


def _days(interval) -> list[str]:
    """The weekdays a row applies to; a dated exception's row applies to its one date."""
    return interval.get("weekdays") or [""]


class IntervalListBlock(blocks.ListBlock):
    """Hours of one day, or of a week: intervals on the same day may not overlap."""

    def clean(self, value):
        value = super().clean(value)
        seen: dict[str, list] = {}
        errors = {}
        for index, interval in enumerate(value):
            if not _given(interval):
                continue
            days = _days(interval)
            if any(
                interval["opens"] < earlier["closes"] and earlier["opens"] < interval["closes"]
                for day in days
                for earlier in seen.get(day, [])
            ):
                errors[index] = StructBlockValidationError(
                    block_errors={
                        "opens": _error(_("These hours overlap other hours on the same day."))
                    }
                )
            for day in days:
                seen.setdefault(day, []).append(interval)
        if errors:
            raise ListBlockValidationError(block_errors=errors)
        return value


class SeasonBlock(blocks.StructBlock):
    name = blocks.CharBlock(
        label=_("Name"), max_length=100, help_text=_("For example: Summer hours")
    )
    starts = blocks.DateBlock(label=_("First day"))
    ends = blocks.DateBlock(label=_("Last day"))
    hours = IntervalListBlock(WeekdayIntervalBlock(), label=_("Weekly hours in this period"))

    def clean(self, value):
        value = super().clean(value)
        starts, ends = value["starts"], value["ends"]
        if starts is None or ends is None:
            missing = "starts" if starts is None else "ends"
            raise StructBlockValidationError(
                block_errors={missing: _error(_("Give the first and the last day."))}
            )
        if ends < starts:
            raise StructBlockValidationError(
                block_errors={"ends": _error(_("The last day cannot be before the first day."))}
            )
        return value

    class Meta:
        icon = "date"
        label = _("Seasonal period")
        label_format = "{name}: {starts} – {ends}"


class ExceptionBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Date"))
    hours = IntervalListBlock(
        IntervalBlock(),
        label=_("Hours on this date"),
        help_text=_("Leave empty when closed all day."),
    )
    note = blocks.CharBlock(label=_("Note"), max_length=200, required=False)

    def clean(self, value):
        value = super().clean(value)
        if value["date"] is None:
            raise StructBlockValidationError(block_errors={"date": _error(_("Give the date."))})
        return value

    class Meta:
        icon = "warning"
        label = _("Dated exception")
        label_format = "{date} {note}"


class SeasonListBlock(blocks.ListBlock):
    def clean(self, value):
        value = super().clean(value)
        errors = {}
        for index, season in enumerate(value):
            for earlier in list(value)[:index]:
                if season["starts"] <= earlier["ends"] and earlier["starts"] <= season["ends"]:
                    errors[index] = StructBlockValidationError(
                        block_errors={
                            "starts": _error(
                                _("This period overlaps %(name)s.") % {"name": earlier["name"]}
                            )
                        }
                    )
                    break
        if errors:
            raise ListBlockValidationError(block_errors=errors)
        return value


class ExceptionListBlock(blocks.ListBlock):
    def clean(self, value):
        value = super().clean(value)
        errors, seen = {}, set()
        for index, exception in enumerate(value):
            if exception["date"] in seen:
                errors[index] = StructBlockValidationError(
                    block_errors={
                        "date": _error(
                            _("This date already has hours; put all of them in one exception.")
                        )
                    }
                )
            seen.add(exception["date"])
        if errors:
            raise ListBlockValidationError(block_errors=errors)
        return value


class ServiceValue(blocks.StructValue):
    def schedule(self, calendar: workdays.Calendar | None = None) -> hours.Schedule:
        return hours.Schedule(
            calendar=calendar or workdays.Calendar(),
            name=self["name"],
            description=self["description"],
            weekly=_week(self["regular_hours"]),
            seasons=tuple(
                hours.Season(
                    season["name"], season["starts"], season["ends"], _week(season["hours"])
                )
                for season in self["seasons"]
            ),
            exceptions=tuple(
                hours.DatedException(
                    exception["date"],
                    tuple(
                        hours.Interval(i["opens"], i["closes"])
                        for i in exception["hours"]
                        if _given(i)
                    ),
                    exception["note"],
                )
                for exception in self["exceptions"]
            ),
        )


def _week(intervals) -> dict[int, tuple[hours.Interval, ...]]:
    week: dict[int, list[hours.Interval]] = {}
    for item in filter(_given, intervals):
        for day in item["weekdays"]:
            week.setdefault(int(day), []).append(hours.Interval(item["opens"], item["closes"]))
    return {day: tuple(items) for day, items in week.items()}


class ServiceBlock(blocks.StructBlock):
    """One service with its own hours: e.g. time booking, reception, telephone hours."""

    name = blocks.CharBlock(label=_("Service"), max_length=120)
    description = blocks.TextBlock(label=_("Description"), required=False)
    regular_hours = IntervalListBlock(WeekdayIntervalBlock(), label=_("Regular weekly hours"))
    seasons = SeasonListBlock(SeasonBlock(), label=_("Seasonal periods"))
    exceptions = ExceptionListBlock(ExceptionBlock(), label=_("Dated exceptions"))

    def get_comparison_class(self):
        return ServiceComparison

    class Meta:
        icon = "time"
        label = _("Service")
        value_class = ServiceValue
