"""Easy-to-read Swedish (lättläst): a page variant, not a locale.

An easy-read page is written for readers who need simpler Swedish. It links to the standard page
it matches, and that page (in any language) links back. See the README for why this is not a
locale of its own.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal import page_directory
from portal.blocks import ContentBlock
from portal.page_directory import RestrictionsFromDirectory


class EasyReadPage(RestrictionsFromDirectory, Page):
    standard_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("standard page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="easy_read_versions",
        help_text=_("The page in standard Swedish that this page is an easy-to-read version of."),
    )
    body = StreamField(
        ContentBlock(),
        verbose_name=_("body"),
        help_text=_(
            "Say what we do, what your rights and obligations are, and how to contact us. "
            "Short sentences, common words, one idea per line."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("standard_page"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    subpage_types = ["portal.EasyReadPage"]
    template = "portal/easy_read_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["easy_read_children"] = page_directory.live_children(self, EasyReadPage)
        return context

    class Meta:
        verbose_name = _("easy-to-read page")
