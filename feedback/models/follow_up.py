"""The yearly follow-up of the service guarantee (uppföljning): per guarantee, year and
district, whether each commitment was kept, on what evidence, how much feedback named it and
what the unit will do. Written by staff with the follow-up role, approved by the unit head in
the guarantee's own workflow, versioned, and published on the guarantee page."""

from django import forms
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    WorkflowMixin,
)

from feedback.choices import Verdict
from feedback.models.feedback import District
from portal import commitments
from portal.models import GuaranteeIndexPage


class FollowUp(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel):
    guarantee = models.ForeignKey(
        "portal.GuaranteePage",
        verbose_name=_("service guarantee"),
        on_delete=models.PROTECT,
        related_name="follow_ups",
        limit_choices_to={"locale__language_code": "sv", "alias_of": None},
    )
    year = models.PositiveSmallIntegerField(_("year"))
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Leave empty for the whole unit."),
    )
    summary = models.TextField(_("summary"), blank=True)
    # Stamped by the unit head's approval (portal.workflow_finish), as on the guarantee.
    unit_head_approved_by = models.CharField(
        _("approved for publication by"), max_length=200, blank=True
    )
    unit_head_approved_at = models.DateTimeField(
        _("approved for publication at"), null=True, blank=True
    )

    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="follow_up",
        for_concrete_model=False,
    )
    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="follow_up",
        for_concrete_model=False,
    )

    panels = [
        FieldRowPanel([FieldPanel("guarantee"), FieldPanel("year"), FieldPanel("district")]),
        FieldPanel("summary"),
        InlinePanel("results", heading=_("Commitments"), label=_("Commitment"), min_num=1),
        MultiFieldPanel(
            [
                FieldPanel("unit_head_approved_by", read_only=True),
                FieldPanel("unit_head_approved_at", read_only=True),
            ],
            heading=_("Approval"),
        ),
    ]

    @classmethod
    def get_default_workflow(cls):
        """The guarantees' own workflow (the unit head's approval), as the Swedish guarantee
        index assigns it, rather than one assigned to this model."""
        index = GuaranteeIndexPage.objects.filter(locale__language_code="sv").first()
        return index.get_workflow() if index else None

    def get_workflow(self):
        return self.guarantee.get_workflow() if self.guarantee_id else self.get_default_workflow()

    def clean(self):
        guarantee = self.guarantee if self.guarantee_id else None
        if (
            guarantee
            and self.year
            and not (guarantee.valid_from.year <= self.year <= guarantee.valid_to.year)
        ):
            raise ValidationError({"year": _("The year must be within the guarantee's validity.")})

    def __str__(self):
        where = self.district.name if self.district_id else _("whole unit")
        return f"{self.guarantee.title} {self.year}: {where}"

    class Meta:
        verbose_name = _("follow-up of the guarantee")
        verbose_name_plural = _("follow-ups of the guarantee")
        constraints = [
            models.UniqueConstraint(
                fields=["guarantee", "year", "district"],
                condition=models.Q(district__isnull=False),
                name="one_follow_up_per_guarantee_year_district",
            ),
            models.UniqueConstraint(
                fields=["guarantee", "year"],
                condition=models.Q(district__isnull=True),
                name="one_whole_unit_follow_up_per_guarantee_year",
            ),
        ]


class FollowUpResult(Orderable):
    """One commitment's result: the verdict, the evidence, the sample and the feedback count."""

    follow_up = ParentalKey(FollowUp, on_delete=models.CASCADE, related_name="results")
    commitment_code = models.SlugField(
        _("commitment code"),
        max_length=60,
        help_text=_("The commitment's code in the guarantee, e.g. first-appointment."),
    )
    verdict = models.CharField(_("verdict"), max_length=10, choices=Verdict.choices)
    evidence = models.TextField(
        _("evidence"),
        blank=True,
        help_text=_("For example: sample of 10 cases, 9 decided within the target."),
    )
    sample_size = models.PositiveSmallIntegerField(_("cases in the sample"), null=True, blank=True)
    sample_kept = models.PositiveSmallIntegerField(
        _("cases where the commitment was kept"), null=True, blank=True
    )
    feedback_count = models.PositiveIntegerField(
        _("feedback on this commitment"),
        null=True,
        blank=True,
        help_text=_("Filled in from the register when saved."),
    )
    action = models.TextField(_("planned action"), blank=True)

    panels = [
        FieldRowPanel(
            [
                FieldPanel("commitment_code", widget=forms.Select(choices=commitments.choices)),
                FieldPanel("verdict"),
            ]
        ),
        FieldPanel("evidence"),
        FieldRowPanel([FieldPanel("sample_size"), FieldPanel("sample_kept")]),
        FieldPanel("feedback_count", read_only=True),
        FieldPanel("action"),
    ]

    def clean(self):
        if (self.sample_size is None) != (self.sample_kept is None):
            raise ValidationError(_("A sample needs both the number of cases and the kept ones."))
        if self.sample_size is not None and self.sample_kept > self.sample_size:
            raise ValidationError(
                {"sample_kept": _("More cases kept than there are in the sample.")}
            )

    class Meta(Orderable.Meta):
        verbose_name = _("result")
        verbose_name_plural = _("results")
