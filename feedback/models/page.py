"""The public feedback page: the form, the receipt and the status lookup."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page


class FeedbackPage(RoutablePageMixin, Page):
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

    # The views import the models, so they are imported here, when a request comes.
    @path("")
    def form_view(self, request):
        from feedback import views

        return views.submit(request, self)

    @path("kvitto/<str:reference>/")
    def receipt_view(self, request, reference):
        from feedback import views

        return views.receipt(request, self, reference)

    @path("status/")
    def status_view(self, request):
        from feedback import views

        return views.status(request, self)

    class Meta:
        verbose_name = _("feedback page")
