from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal import page_directory
from portal.blocks import LinkBlock
from portal.models.opening_hours import OpeningHoursPage
from portal.page_directory import RestrictionsFromDirectory


class HomePage(RestrictionsFromDirectory, Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    shortcuts = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("shortcuts"),
        blank=True,
        help_text=_("The most important pages: the guarantee, hours, guidance, feedback."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("shortcuts")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    template = "portal/home_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        hours_page = page_directory.first_of_type(self, OpeningHoursPage)
        if hours_page:
            context["hours_page"] = hours_page
            context["hours_today"] = hours_page.services_at(timezone.now(), days=1)
            hours_page.keep_until_status_changes(request, context["hours_today"])
        return context

    class Meta:
        verbose_name = _("home page")
