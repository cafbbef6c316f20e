"""The accessibility statement (tillgänglighetsredogörelse) required by lag (2018:1937)."""

from datetime import date

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from portal.blocks import KnownProblemBlock
from portal.content_generation import remembered
from portal.page_directory import RestrictionsFromDirectory

RICH_TEXT = ["bold", "italic", "link", "ol", "ul", "h3"]
DIGG_REPORT_URL = "https://www.digg.se/tdosanmalan"


class AccessibilityStatementPage(RestrictionsFromDirectory, Page):
    class Compliance(models.TextChoices):
        FULL = "full", _("fully compliant")
        PARTIAL = "partial", _("partially compliant")
        NONE = "none", _("not compliant")

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT)
    compliance = models.CharField(
        _("compliance with the accessibility requirements"),
        max_length=10,
        choices=Compliance.choices,
        default=Compliance.PARTIAL,
    )
    # The column keeps its name from when it held the whole list, so existing text and its
    # translations (wagtail-localize keys them by field) stay where they are.
    known_problems = RichTextField(
        _("about the known problems"),
        blank=True,
        features=RICH_TEXT,
        help_text=_(
            "Shown before the list: e.g. how to get inaccessible content in another format."
        ),
    )
    problem_list = StreamField(
        [("problem", KnownProblemBlock())],
        blank=True,
        verbose_name=_("known problems"),
        help_text=_("Each problem with its WCAG criterion, the reason and when it will be fixed."),
    )
    how_to_report = RichTextField(
        _("how to report a problem"),
        features=RICH_TEXT,
        help_text=_("More than an e-mail address; anonymous reports must be possible."),
    )
    report_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page for reporting problems"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answer_within = models.PositiveSmallIntegerField(
        _("we answer reports within (working days)"),
        default=10,
        validators=[MinValueValidator(1)],
        help_text=_(
            "The statement says this in every language, and reports about the website's "
            "accessibility in the feedback register are due within as many working days."
        ),
    )
    supervisory_authority_url = models.URLField(
        _("supervisory authority's reporting form"), default=DIGG_REPORT_URL
    )
    assessment_method = models.CharField(_("how the site was assessed"), max_length=300, blank=True)
    assessed_on = models.DateField(_("date of assessment"))
    updated_on = models.DateField(_("statement last updated"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("compliance"),
        MultiFieldPanel(
            [FieldPanel("known_problems"), FieldPanel("problem_list")],
            heading=_("Content that is not accessible"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("how_to_report"),
                FieldPanel("report_page"),
                FieldPanel("answer_within"),
                FieldPanel("supervisory_authority_url"),
            ],
            heading=_("Feedback and supervision"),
        ),
        MultiFieldPanel(
            [FieldPanel("assessment_method"), FieldPanel("assessed_on"), FieldPanel("updated_on")],
            heading=_("Assessment"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("known_problems"),
        index.SearchField("problem_list"),
        index.SearchField("how_to_report"),
    ]
    max_count_per_parent = 1
    subpage_types = []
    template = "portal/accessibility_statement_page.html"

    @staticmethod
    def answer_days_in_force() -> int | None:
        """The working days the live Swedish statement promises for an answer to a report, or
        None without one: the one number the statement in every language and the register's
        due dates (feedback.deadlines) both use. Read once per content generation."""
        return remembered(
            ("statement-answer-days",),
            lambda: (
                AccessibilityStatementPage.objects.live()
                .filter(locale=Locale.get_default())
                .order_by("path")
                .values_list("answer_within", flat=True)
                .first()
            ),
        )

    def answer_days(self) -> int:
        """The working days this page promises: a translation says what the Swedish statement
        says (its own copy of the number may wait for the next synchronisation), the Swedish
        page, previewed or live, its own."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self.answer_within
        return self.answer_days_in_force() or self.answer_within

    def problems_by_reason(self) -> list[tuple[str, list]]:
        """The known problems under the model statement's headings, in its order: not yet
        fixed (soonest fix first), disproportionate burden, outside the law's scope."""
        Reason = KnownProblemBlock.Reason
        groups = {reason: [] for reason in Reason.values}
        for block in self.problem_list:
            groups.get(block.value["reason"], groups[Reason.NOT_FIXED]).append(block.value)
        groups[Reason.NOT_FIXED].sort(key=lambda problem: problem["fix_by"] or date.max)
        return [(reason, problems) for reason, problems in groups.items() if problems]

    class Meta:
        verbose_name = _("accessibility statement")
