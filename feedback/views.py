"""The public feedback views, served by FeedbackPage's routes."""

import time

from django.conf import settings
from django.core import signing
from django.db import IntegrityError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from wagtail.models import Site

from feedback import help_questions, intake, rate_limits
from feedback.forms import ABOUT_PARAMETER, FeedbackForm, HelpAnswerForm, StatusLookupForm
from feedback.models.feedback import Channel, Feedback, FeedbackSettings

# The browser that sent the feedback sees its receipt this long; the lookup code only once. Both
# are kept in a signed cookie of the feedback page's own (no session, no row in the database):
# only that browser has them, and the code leaves the cookie once the receipt has shown it.
RECEIPT_COOKIE = "feedback_receipts"
RECEIPT_SALT = "feedback.receipts"
RECEIPT_SECONDS = 30 * 60
LOOKUPS_PER_HOUR = 30


def submit(request, page):
    settings = FeedbackSettings.kept_for(Site.find_for_request(request))
    # A form without an action posts to its own address: a link's query string stays.
    about = request.GET.get(ABOUT_PARAMETER)
    options = {
        "language": get_language(),
        "minimum_seconds": settings.minimum_fill_seconds,
        "about": about,
    }
    if request.method != "POST":
        initial = FeedbackForm.initial_values(commitment=request.GET.get("commitment"), about=about)
        form = FeedbackForm(initial=initial, **options)
        return render_page(request, page, "feedback/feedback_page.html", {"form": form})

    form = FeedbackForm(request.POST, **options)
    if not rate_limits.try_use("feedback", request, settings.submissions_per_hour):
        # Their text stays in the form: nothing is lost, they can send it later.
        return render_page(
            request,
            page,
            "feedback/feedback_page.html",
            {"form": form, "rate_limited": True},
            status=429,
        )
    if not form.is_valid():
        rate_limits.give_back("feedback", request)
        return render_page(request, page, "feedback/feedback_page.html", {"form": form})
    if form.is_automated:
        return render_page(request, page, "feedback/not_sent.html", {}, status=400)

    feedback = form.save(commit=False)
    feedback.language, feedback.channel = get_language(), Channel.WEB
    feedback.submission_id = form.cleaned_data["submission_id"]
    try:
        registered = intake.register(feedback, status_url=page.status_url(request))
    except IntegrityError:
        # The same form sent again (a double click, a refresh, two requests at once): its
        # submission id is unique, so the first one saved it and this one changed nothing.
        existing = Feedback.objects.filter(submission_id=feedback.submission_id).first()
        if existing is None:
            raise
        rate_limits.give_back("feedback", request)
        return redirect_to_receipt(page, existing.reference)
    receipts = current_receipts(request)
    receipts[registered.feedback.reference] = {"code": registered.lookup_code, "at": time.time()}
    response = redirect_to_receipt(page, registered.feedback.reference)
    keep_receipts(response, page, receipts)
    return response


def redirect_to_receipt(page, reference):
    response = HttpResponseRedirect(
        page.url + page.reverse_subpage("receipt_view", args=[reference])
    )
    response.status_code = 303  # See Other: a refresh of the receipt never re-sends the form
    return response


def current_receipts(request) -> dict:
    """This browser's recent receipts; older ones (and any older or forged cookie) are dropped."""
    try:
        receipts = signing.loads(
            request.COOKIES[RECEIPT_COOKIE], salt=RECEIPT_SALT, max_age=RECEIPT_SECONDS
        )
    except (KeyError, signing.BadSignature, ValueError):
        return {}
    now = time.time()
    return (
        {
            reference: entry
            for reference, entry in receipts.items()
            if isinstance(entry, dict) and now - entry.get("at", 0) < RECEIPT_SECONDS
        }
        if isinstance(receipts, dict)
        else {}
    )


def keep_receipts(response, page, receipts: dict) -> None:
    """Write the receipts back into the browser's cookie, or remove it when none is left."""
    path = page.url
    if not receipts:
        response.delete_cookie(RECEIPT_COOKIE, path=path, samesite="Lax")
        return
    # signing.dumps: URL-safe base64 and a timestamped signature, which every client sends
    # back as it came (JSON's quotes in a cookie are not: some clients drop them).
    response.set_cookie(
        RECEIPT_COOKIE,
        signing.dumps(receipts, salt=RECEIPT_SALT),
        path=path,  # no max_age: gone when the browser closes; the signature keeps 30 minutes
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


@never_cache  # a reference and a lookup code: never kept by a browser or a proxy
def receipt(request, page, reference):
    receipts = current_receipts(request)
    entry = receipts.get(reference)
    feedback = Feedback.objects.filter(reference=reference).first() if entry else None
    if feedback is None:
        # Only the browser that sent it sees the receipt; anyone else gets the lookup form.
        response = HttpResponseRedirect(page.url + page.reverse_subpage("status_view"))
        if RECEIPT_COOKIE in request.COOKIES:
            keep_receipts(response, page, receipts)
        return response
    # The code is shown this once and is then gone from the cookie.
    code = entry.pop("code", "")
    response = render_page(
        request, page, "feedback/receipt.html", {"feedback": feedback, "code": code}
    )
    keep_receipts(response, page, receipts)
    return response


@never_cache
def status(request, page):
    form = StatusLookupForm(request.POST or None)
    context = {"form": form}
    if request.method == "POST":
        if not rate_limits.try_use("lookup", request, LOOKUPS_PER_HOUR):
            context["rate_limited"] = True
            return render_page(request, page, "feedback/status.html", context, status=429)
        if form.is_valid():
            found = intake.find_by_lookup(form.cleaned_data["reference"], form.cleaned_data["code"])
            context["found"] = found
            context["not_found"] = found is None
    return render_page(request, page, "feedback/status.html", context)


@never_cache
def help_question(request, page, token):
    """ "Did our answer help?" from the e-mailed link: answered once, while the link works. A
    link that is not ours, used, or expired gets a page saying so, with the way on."""
    question = help_questions.from_token(token)
    template = "feedback/help_question.html"
    if question is None:
        return render_page(request, page, template, {"state": "unknown"}, status=404)
    if question.answered_at:
        return render_page(request, page, template, {"state": "answered"})
    if not help_questions.is_open(question):
        return render_page(request, page, template, {"state": "expired"}, status=410)
    form = HelpAnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        taken = help_questions.record(
            question, form.cleaned_data["answer"], form.cleaned_data["comment"]
        )
        # Taken, or answered by a second click a moment ago: thanked either way; only an
        # answer sent after the link stopped working is told so.
        question.refresh_from_db()
        state = "thanks" if taken or question.answered_at else "expired"
        return render_page(
            request, page, template, {"state": state}, status=200 if state == "thanks" else 410
        )
    context = {"state": "ask", "form": form, "question": question}
    return render_page(request, page, template, context)


def render_page(request, page, template, context, status=200):
    return TemplateResponse(
        request,
        template,
        {**page.get_context(request), "page": page, **context},
        status=status,
    )
