"""The public feedback page: the form, the receipt, the status lookup and the privacy notice."""

from urllib.parse import urlencode

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page

from feedback import privacy, views
from feedback.forms import ABOUT_PARAMETER, ABOUT_WEBSITE
from portal.page_directory import RestrictionsFromDirectory


class FeedbackPage(RestrictionsFromDirectory, RoutablePageMixin, Page):
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("Plain words: what people can tell us and what happens next."),
    )
    appeal_guidance_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("guidance on appeals"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked next to the form: a complaint is not an appeal."),
    )
    privacy_text = RichTextField(
        _("how we handle your personal data"),
        blank=True,
        features=["bold", "italic", "link"],
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("appeal_guidance_page"),
        FieldPanel("privacy_text"),
    ]
    max_count_per_parent = 1
    subpage_types = []
    template = "feedback/feedback_page.html"
    # Read by the accessibility statement (portal's ``report_url`` filter): its link to this
    # page opens the form as a report about the website.
    accessibility_report_query = urlencode({ABOUT_PARAMETER: ABOUT_WEBSITE})

    @path("")
    def form_view(self, request):
        return views.submit(request, self)

    @path("kvitto/<str:reference>/")
    def receipt_view(self, request, reference):
        return views.receipt(request, self, reference)

    @path("status/")
    def status_view(self, request):
        return views.status(request, self)

    @path("personuppgifter/")
    def privacy_view(self, request):
        return privacy.privacy_notice(request, self)

    @path("svar/<str:token>/")
    def help_view(self, request, token):
        return views.help_question(request, self, token)

    def status_url(self, request=None) -> str:
        return self.get_full_url(request) + self.reverse_subpage("status_view")

    @classmethod
    def page_in(cls, language: str) -> "FeedbackPage | None":
        """The live feedback page in ``language``, or in Swedish where there is none."""
        pages = cls.objects.live()
        return (
            pages.filter(locale__language_code=language).first()
            or pages.filter(locale=Locale.get_default()).first()
        )

    @classmethod
    def status_url_in(cls, language: str) -> str:
        """The status lookup in ``language``, or in Swedish where there is none."""
        page = cls.page_in(language)
        return page.status_url() if page else ""

    class Meta:
        verbose_name = _("feedback page")
