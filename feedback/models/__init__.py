from feedback.choices import AnswerChannel, Verdict
from feedback.models.answer_template import AnswerTemplate
from feedback.models.appeal_word import AppealWord
from feedback.models.control_sample import Check, ControlSample, ControlSampleItem
from feedback.models.earlier_count import EarlierCount
from feedback.models.escalation import Escalation
from feedback.models.feedback import (
    AnswerBy,
    Category,
    Channel,
    District,
    Feedback,
    FeedbackNote,
    FeedbackSettings,
    Kind,
    LocalisedNames,
    Notification,
    ReferenceCounter,
    ReminderDigest,
    ResponseDeadline,
    Status,
)
from feedback.models.follow_up import FollowUp, FollowUpResult
from feedback.models.help_question import HelpQuestion
from feedback.models.meetings import (
    Action,
    ActionCheck,
    ActionDigest,
    ActionStatus,
    CheckResult,
    Meeting,
    MeetingTopic,
)
from feedback.models.page import FeedbackPage
from feedback.models.safeguarding import SafeguardingSettings, SafeguardingWord
from feedback.models.statistics_page import FeedbackStatisticsPage
from feedback.models.you_said_we_did import PublishedChange, YouSaidWeDidPage

__all__ = [
    "Action",
    "ActionCheck",
    "ActionDigest",
    "ActionStatus",
    "AnswerBy",
    "AnswerChannel",
    "AnswerTemplate",
    "AppealWord",
    "Category",
    "Channel",
    "Check",
    "CheckResult",
    "ControlSample",
    "ControlSampleItem",
    "District",
    "EarlierCount",
    "Escalation",
    "Feedback",
    "FeedbackPage",
    "FeedbackNote",
    "FeedbackSettings",
    "FeedbackStatisticsPage",
    "FollowUp",
    "FollowUpResult",
    "HelpQuestion",
    "Kind",
    "LocalisedNames",
    "Meeting",
    "MeetingTopic",
    "Notification",
    "PublishedChange",
    "ReferenceCounter",
    "ReminderDigest",
    "ResponseDeadline",
    "SafeguardingSettings",
    "SafeguardingWord",
    "Status",
    "Verdict",
    "YouSaidWeDidPage",
]
