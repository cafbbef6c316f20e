from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from portal.content_generation import remembered
from portal.page_directory import directory


@register_setting(icon="site")
class ContactSettings(BaseSiteSetting):
    """The unit's name and contact details, shown in the footer and on contact blocks."""

    unit_name = models.CharField(_("unit name"), max_length=200, default="Försörjningsstödsenheten")
    districts = models.CharField(
        _("districts served"),
        max_length=200,
        blank=True,
        help_text=_("For example: Kungsholmen, Norrmalm and Östermalm"),
    )
    visiting_address = models.TextField(_("visiting address"), blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    switchboard = models.CharField(_("switchboard"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    complaints_contact = models.TextField(
        _("contact for complaints"),
        blank=True,
        help_text=_("Who receives complaints and how to reach them."),
    )
    # The privacy notice (GDPR art. 13) names who is responsible for the personal data and how
    # to reach the data protection officer: both differ per municipality.
    controller = models.CharField(
        _("controller of personal data (personuppgiftsansvarig)"),
        max_length=200,
        blank=True,
        help_text=_(
            "The authority responsible for the personal data, usually the district committee, "
            "for example: Östermalms stadsdelsnämnd. Empty: the unit name is shown."
        ),
    )
    dpo_email = models.EmailField(_("data protection officer's e-mail"), blank=True)
    dpo_phone = models.CharField(_("data protection officer's phone"), max_length=40, blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("unit_name"), FieldPanel("districts")], heading=_("Unit")),
        MultiFieldPanel(
            [
                FieldPanel("visiting_address"),
                FieldPanel("postal_address"),
                FieldPanel("phone"),
                FieldPanel("switchboard"),
                FieldPanel("email"),
                FieldPanel("complaints_contact"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("controller"), FieldPanel("dpo_email"), FieldPanel("dpo_phone")],
            heading=_("Personal data (privacy notice)"),
        ),
    ]

    @classmethod
    def for_request(cls, request):
        """Wagtail's ``for_request``, kept in memory per site: saving settings (or a site) is a
        content change, so every app server reads them again on its next request. Read only:
        the object is shared between requests."""
        site = directory().site_for(request)
        if site is None:
            return super().for_request(request)
        return remembered(("contact-settings", site.pk), lambda: cls.for_site(site))

    class Meta:
        verbose_name = _("contact details")
