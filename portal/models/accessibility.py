"""The accessibility statement (tillgänglighetsredogörelse) required by lag (2018:1937)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

RICH_TEXT = ["bold", "italic", "link", "ol", "ul", "h3"]
DIGG_REPORT_URL = "https://www.digg.se/tdosanmalan"


class AccessibilityStatementPage(Page):
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
    known_problems = RichTextField(
        _("known problems"),
        blank=True,
        features=RICH_TEXT,
        help_text=_("What is not accessible, why, and what to use instead."),
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
        FieldPanel("known_problems"),
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
        index.SearchField("how_to_report"),
    ]
    max_count_per_parent = 1
    subpage_types = []
    template = "portal/accessibility_statement_page.html"

    class Meta:
        verbose_name = _("accessibility statement")
