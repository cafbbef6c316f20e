from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal import page_directory
from portal.blocks import ContentBlock
from portal.page_directory import RestrictionsFromDirectory


class GuidanceIndexPage(RestrictionsFromDirectory, Page):
    """Lists the guidance pages below it."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    subpage_types = ["portal.GuidancePage"]
    template = "portal/guidance_index_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guidance_pages"] = page_directory.live_children(self, GuidancePage)
        return context

    class Meta:
        verbose_name = _("guidance index")


class GuidancePage(RestrictionsFromDirectory, Page):
    summary = models.TextField(
        _("summary"),
        max_length=400,
        blank=True,
        help_text=_("One or two plain sentences, shown in lists and search results."),
    )
    body = StreamField(ContentBlock(), verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["portal.GuidanceIndexPage"]
    subpage_types = []
    template = "portal/content_page.html"

    class Meta:
        verbose_name = _("guidance page")
