"""The privacy notice (GDPR art. 13) for feedback, served by FeedbackPage's route.

What changes per municipality (the controller, the data protection officer) is in
ContactSettings; how long feedback keeps personal data, and whether answers go out in e-mail,
are settings (FEEDBACK_RETENTION_MONTHS, FEEDBACK_ANSWER_TEXT_IN_EMAIL).
"""

from django.conf import settings

from feedback.views import render_page
from portal.models import ContactSettings


def privacy_notice(request, page):
    context = {
        "contact": ContactSettings.for_request(request),
        "retention_months": settings.FEEDBACK_RETENTION_MONTHS,
        "answer_text_in_email": settings.FEEDBACK_ANSWER_TEXT_IN_EMAIL,
    }
    return render_page(request, page, "feedback/privacy_notice.html", context)
