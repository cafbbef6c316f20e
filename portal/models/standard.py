from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import ContentBlock
from portal.page_directory import RestrictionsFromDirectory


class StandardPage(RestrictionsFromDirectory, Page):
    """A plain content page, e.g. about the unit or how to give feedback."""

    summary = models.TextField(_("summary"), blank=True, max_length=400)
    body = StreamField(ContentBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    template = "portal/content_page.html"

    class Meta:
        verbose_name = _("standard page")
