from feedback.models.feedback import (
    AnswerBy,
    Category,
    Channel,
    District,
    Feedback,
    FeedbackSettings,
    Kind,
    Notification,
    ReferenceCounter,
    ResponseDeadline,
    Status,
)
from feedback.models.page import FeedbackPage

__all__ = [
    "AnswerBy",
    "Category",
    "Channel",
    "District",
    "Feedback",
    "FeedbackPage",
    "FeedbackSettings",
    "Kind",
    "Notification",
    "ReferenceCounter",
    "ResponseDeadline",
    "Status",
]
