"""The handler's tools for writing an answer on the triage page: start from a template and
preview the e-mail. Neither saves nor sends anything.

Both work without JavaScript. A template is chosen with a GET form of its own (``?template=<id>``
reloads the page with the answer filled in; ``answer_templates.js`` fills it in place instead,
keeping the rest of what was typed). The preview is a submit button of the triage form
(``preview_email``): the form comes back with what was typed, its errors and, below the answer,
the e-mail as ``notifications.build_message`` writes it in the citizen's language.
"""

from dataclasses import dataclass, field

from django.utils.functional import cached_property
from wagtail.admin import messages

from feedback import access_log, answer_templates, notifications
from feedback.models import FeedbackPage, Notification
from portal.languages import written_in

PREVIEW = "preview_email"
TEMPLATE = "template"


@dataclass(frozen=True)
class Preview:
    to: list[str]
    subject: str
    body: str
    language: str


@dataclass
class AnswerTools:
    offers: list = field(default_factory=list)
    chosen: object = None  # the template filled in on this page, if any
    texts: dict = field(default_factory=dict)  # template id -> filled text, for the script
    can_preview: bool = False
    preview: Preview | None = None
    preview_refused: bool = False  # the answer has an error: no preview of it


class AnswerToolsMixin:
    """For the triage (edit) view of a feedback item."""

    @cached_property
    def answer_offers(self):
        return answer_templates.offered(self.object)

    @cached_property
    def chosen_template(self):
        wanted = self.request.GET.get(TEMPLATE, "")
        return next((o.template for o in self.answer_offers if str(o.template.pk) == wanted), None)

    def get_initial(self):
        initial = super().get_initial()
        if self.request.method == "GET" and self.chosen_template:
            initial["answer_text"] = answer_templates.fill(
                self.chosen_template, self.object, self.request.user
            )
        return initial

    def post(self, request, *args, **kwargs):
        if PREVIEW not in request.POST:
            return super().post(request, *args, **kwargs)
        self.object = self.get_object()
        # The form works on its own copy of the item, so the page around it shows what is saved.
        form = self.get_form_class()(**{**self.get_form_kwargs(), "instance": self.get_object()})
        self.form = form
        if not form.is_valid():
            messages.validation_error(request, self.get_error_message(), form)
        access_log.record([self.object], "feedback.view", request.user)
        return self.render_to_response(self.get_context_data(form=form))

    def answer_preview(self, form) -> Preview:
        item = form.instance
        message = notifications.preview_to_sender(
            item, Notification.Purpose.ANSWER, status_url=FeedbackPage.status_url_in(item.language)
        )
        return Preview(message.to, message.subject, message.body, written_in(item.language))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        answer = form.fields.get("answer_text")
        tools = AnswerTools(can_preview="send_answer_by_email" in form.fields)
        if answer is not None and not answer.disabled:
            tools.offers = self.answer_offers
            tools.chosen = self.chosen_template if self.request.method == "GET" else None
            tools.texts = {
                str(offer.template.pk): answer_templates.fill(
                    offer.template, self.object, self.request.user
                )
                for offer in self.answer_offers
            }
        if tools.can_preview and PREVIEW in self.request.POST:
            if "answer_text" in form.errors:
                tools.preview_refused = True
            else:
                tools.preview = self.answer_preview(form)
        context["answer_tools"] = tools
        return context
