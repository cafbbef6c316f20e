"""The accessibility statement (tillgänglighetsredogörelse) required by lag (2018:1937)."""

from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import KnownProblemBlock
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
