from portal.models.accessibility import AccessibilityStatementPage
from portal.models.closed_days import ClosedDay
from portal.models.easy_read import EasyReadPage
from portal.models.guarantee import (
    GuaranteeCommitment,
    GuaranteeIndexPage,
    GuaranteePage,
    UnitHeadApprovalTask,
)
from portal.models.guidance import GuidanceIndexPage, GuidancePage
from portal.models.home import HomePage
from portal.models.opening_hours import OpeningHoursPage
from portal.models.site_settings import ContactSettings
from portal.models.standard import StandardPage

__all__ = [
    "AccessibilityStatementPage",
    "ClosedDay",
    "ContactSettings",
    "EasyReadPage",
    "GuaranteeCommitment",
    "GuaranteeIndexPage",
    "GuaranteePage",
    "GuidanceIndexPage",
    "GuidancePage",
    "HomePage",
    "OpeningHoursPage",
    "StandardPage",
    "UnitHeadApprovalTask",
]
