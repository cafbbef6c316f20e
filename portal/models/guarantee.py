"""The service guarantee (kvalitetsgaranti): commitments, targets and a validity period."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import (
    GroupApprovalTask,
    Orderable,
    Page,
    PageManager,
    PagePermissionTester,
    Revision,
    WorkflowState,
)
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal import page_directory
from portal.page_directory import RestrictionsFromDirectory

RICH_TEXT = ["bold", "italic", "link", "ol", "ul", "h3"]


class GuaranteeQuerySet(PageQuerySet):
    def valid_on(self, day):
        """The guarantees in force on ``day``: the one rule for "the valid guarantee"."""
        return self.filter(valid_from__lte=day, valid_to__gte=day)

    def scheduled(self) -> list[tuple["GuaranteePage", date]]:
        """These guarantees as they will go live (``publish_scheduled``), with the day."""
        revisions = Revision.page_revisions.filter(
            approved_go_live_at__isnull=False,
            object_id__in=[str(pk) for pk in self.values_list("pk", flat=True)],
        )
        return [
            (revision.as_object(), timezone.localdate(revision.approved_go_live_at))
            for revision in revisions.order_by("approved_go_live_at")
        ]


class GuaranteeIndexPage(RestrictionsFromDirectory, Page):
    """The current guarantee first, earlier ones below as an archive."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    subpage_types = ["portal.GuaranteePage"]
    max_count_per_parent = 1
    template = "portal/guarantee_index_page.html"

    def permissions_for_user(self, user):
        return GuaranteeIndexPermissionTester(user, self)

    def guarantees(self):
        return page_directory.live_children(self, GuaranteePage).order_by("-valid_from")

    def current_guarantee(self):
        return self.guarantees().valid_on(timezone.localdate()).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        current = self.current_guarantee()
        context["current"] = current
        context["others"] = [g for g in self.guarantees() if g != current]
        return context

    class Meta:
        verbose_name = _("service guarantee index")


class GuaranteePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        valid_from, valid_to = cleaned.get("valid_from"), cleaned.get("valid_to")
        if valid_from and valid_to and valid_to < valid_from:
            self.add_error("valid_to", _("The guarantee cannot end before it starts."))
        elif valid_from and valid_to:
            parent = self.parent_page if self.instance.pk is None else self.instance.get_parent()
            candidate = GuaranteePage(pk=self.instance.pk, valid_from=valid_from, valid_to=valid_to)
            for other in candidate.overlapping(parent)[:1]:
                self.add_error(
                    "valid_from",
                    _(
                        "The validity overlaps %(title)s (%(start)s – %(end)s). Only one "
                        "guarantee can be in force on a day."
                    )
                    % {"title": other.title, "start": other.valid_from, "end": other.valid_to},
                )
        return cleaned

    def save(self, commit=True):
        """An edited guarantee is no longer the version the unit head approved."""
        self.instance.unit_head_approved_by = ""
        self.instance.unit_head_approved_at = None
        return super().save(commit=commit)


class GuaranteePage(RestrictionsFromDirectory, Page):
    mission = RichTextField(_("our mission"), features=RICH_TEXT)
    about_unit = RichTextField(
        _("who we are"),
        blank=True,
        features=RICH_TEXT,
        help_text=_("Who works at the unit and what the reception does."),
    )
    how_we_keep = RichTextField(_("how we keep our commitments"), blank=True, features=RICH_TEXT)
    if_we_fail = RichTextField(
        _("if we do not keep our commitments"),
        features=RICH_TEXT,
        help_text=_("Who to contact. Say that a complaint is not an appeal."),
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"))
    approved_by = models.CharField(
        _("approved by"),
        max_length=200,
        blank=True,
        help_text=_("For example: Östermalms stadsdelsnämnd"),
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    signed_by_name = models.CharField(_("signed by (name)"), max_length=200, blank=True)
    signed_by_role = models.CharField(_("signed by (role)"), max_length=200, blank=True)
    # Recorded by the "unit head approves" workflow step (portal.guarantee_approval).
    unit_head_approved_by = models.CharField(
        _("approved for publication by"), max_length=200, blank=True
    )
    unit_head_approved_at = models.DateTimeField(
        _("approved for publication at"), null=True, blank=True
    )

    objects = PageManager.from_queryset(GuaranteeQuerySet)()
    base_form_class = GuaranteePageForm
    exclude_fields_in_copy = ["unit_head_approved_by", "unit_head_approved_at"]
    # The approval is of the Swedish text; a translation shows it as it is.
    override_translatable_fields = [SynchronizedField("unit_head_approved_by")]
    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")], heading=_("Validity")),
        FieldPanel("mission"),
        FieldPanel("about_unit"),
        InlinePanel("commitments", heading=_("Commitments"), label=_("Commitment"), min_num=1),
        FieldPanel("how_we_keep"),
        FieldPanel("if_we_fail"),
        MultiFieldPanel(
            [
                FieldPanel("approved_by"),
                FieldPanel("approved_on"),
                FieldPanel("signed_by_name"),
                FieldPanel("signed_by_role"),
                FieldPanel("unit_head_approved_by", read_only=True),
                FieldPanel("unit_head_approved_at", read_only=True),
            ],
            heading=_("Approval and signature"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("mission"),
        index.SearchField("about_unit"),
        index.SearchField("how_we_keep"),
        index.SearchField("if_we_fail"),
        index.RelatedFields(
            "commitments", [index.SearchField("title"), index.SearchField("explanation")]
        ),
    ]
    parent_page_types = ["portal.GuaranteeIndexPage"]
    subpage_types = []
    template = "portal/guarantee_page.html"

    def permissions_for_user(self, user):
        return GuaranteePermissionTester(user, self)

    def overlapping(self, parent) -> list["GuaranteePage"]:
        """The other guarantees under ``parent`` whose validity overlaps this one's, as citizens
        see them or will: published, scheduled, or waiting for approval. A draft nobody
        submitted, such as a fresh copy, does not count yet. The one rule for "only one
        guarantee is in force on a day"."""
        siblings = GuaranteePage.objects.child_of(parent).exclude(pk=self.pk)
        waiting = siblings.filter(
            _specific_workflow_states__status=WorkflowState.STATUS_IN_PROGRESS
        )
        others = [
            *siblings.live(),
            *(page for page, _day in siblings.scheduled()),
            *(page.get_latest_revision_as_object() for page in waiting),
        ]
        return [
            other
            for other in others
            if self.valid_from <= other.valid_to and other.valid_from <= self.valid_to
        ]

    def validity_on(self, day) -> str:
        """'current', 'upcoming' or 'expired' on the given date."""
        if day < self.valid_from:
            return "upcoming"
        if day > self.valid_to:
            return "expired"
        return "current"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["validity"] = self.validity_on(timezone.localdate())
        if context["validity"] != "current":
            index_page = GuaranteeIndexPage.objects.get(path=self.path[: -self.steplen])
            context["current_guarantee"] = index_page.current_guarantee()
        # Other apps add sections (the feedback app: how the promises were kept).
        for add_sections in hooks.get_hooks("guarantee_page_sections"):
            add_sections(self, request, context)
        return context

    class Meta:
        verbose_name = _("service guarantee")


class UnitHeadApprovalTask(GroupApprovalTask):
    """The unit head's approval of a guarantee: the only way one goes live (but for a
    superuser). portal.guarantee_approval records the approval on the published revision."""

    class Meta:
        verbose_name = _("unit head's approval")
        verbose_name_plural = _("unit head's approvals")


def is_approver(user) -> bool:
    """A superuser, or a member of a group the active approval step names."""
    return (
        user.is_superuser
        or UnitHeadApprovalTask.objects.filter(active=True, groups__user=user).exists()
    )


class GuaranteePermissionTester(PagePermissionTester):
    """A guarantee goes live only through the unit head's approval: nobody but a superuser
    publishes one directly (the Publish button, the edit view, bulk and translation publishing
    all ask ``can_publish``), and only approvers take one down, delete or move it."""

    def can_publish(self):
        return self.user.is_superuser and super().can_publish()

    def can_unpublish(self):
        return is_approver(self.user) and super().can_unpublish()

    def can_delete(self, ignore_bulk=False):
        return is_approver(self.user) and super().can_delete(ignore_bulk=ignore_bulk)

    def can_move(self):
        return is_approver(self.user) and super().can_move()


class GuaranteeIndexPermissionTester(PagePermissionTester):
    """Copying a guarantee with "publish the copy" or as an alias would publish it unapproved."""

    def can_publish_subpage(self):
        return self.user.is_superuser and super().can_publish_subpage()


class GuaranteeCommitment(Orderable):
    """One commitment (åtagande), with an optional measurable target.

    ``code`` is the stable identity that feedback and reports point at across guarantee years;
    the row itself is kept across revisions, so its primary key is stable within one guarantee.
    """

    class Unit(models.TextChoices):
        CALENDAR_DAYS = "calendar_days", _("calendar days")
        WORKING_DAYS = "working_days", _("working days")
        HOURS = "hours", _("hours")
        WEEKS = "weeks", _("weeks")
        MONTHS = "months", _("months")

    page = ParentalKey(GuaranteePage, on_delete=models.CASCADE, related_name="commitments")
    code = models.SlugField(
        _("code"),
        max_length=60,
        help_text=_(
            "A short stable name, e.g. first-appointment. Keep it when the wording changes."
        ),
    )
    replaces_code = models.SlugField(
        _("replaces the code"),
        max_length=60,
        blank=True,
        help_text=_(
            "If this commitment had another code in an earlier guarantee, that code: reports "
            "count the two as one commitment."
        ),
    )
    title = models.CharField(_("title"), max_length=200)
    explanation = models.TextField(_("explanation"), blank=True)
    target_value = models.PositiveIntegerField(_("target"), null=True, blank=True)
    target_unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices, blank=True)
    target_measures = models.CharField(
        _("what the target measures"),
        max_length=200,
        blank=True,
        help_text=_("For example: from your call until your first appointment"),
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("replaces_code")]),
        FieldPanel("explanation"),
        FieldRowPanel([FieldPanel("target_value"), FieldPanel("target_unit")]),
        FieldPanel("target_measures"),
    ]

    def clean(self):
        if (self.target_value is None) != (not self.target_unit):
            raise ValidationError(_("A target needs both a number and a unit."))

    def __str__(self):
        return self.title

    class Meta(Orderable.Meta):
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "code"], name="unique_commitment_code_per_guarantee"
            )
        ]
