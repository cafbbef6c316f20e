"""A data subject's requests (GDPR art. 15 and 17), answered from the admin by staff with the
audit permission: find everything held about one person, give it as a readable document and
as JSON, and erase it where the archive rules allow. Every step is in the access log."""

import json
import re
from datetime import datetime

from django import forms
from django.contrib import messages
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from feedback import access_log, retention, triage
from feedback.models import Feedback, HelpQuestion
from feedback.permissions import forbidden, is_auditor

# Left out of the copy: a hash that only checks the lookup code, of no use to the person.
NOT_IN_COPY = {"lookup_code_hash"}


class PersonForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail"), required=False)
    phone = forms.CharField(label=gettext_lazy("Phone"), required=False, max_length=40)
    name = forms.CharField(
        label=gettext_lazy("Name"),
        required=False,
        max_length=200,
        help_text=gettext_lazy("The exact name as written; names are often shared, check each."),
    )

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(key) for key in ("email", "phone", "name")):
            raise forms.ValidationError(_("Give the person's e-mail, phone or name."))
        return cleaned


def phone_digits(phone: str) -> str:
    """Comparable phone numbers: 070-123 45 67, +46 70 123 45 67 and 0046701234567 agree."""
    digits = re.sub(r"\D", "", phone)
    for prefix in ("0046", "46"):
        if digits.startswith(prefix) and len(digits) > 9:
            return "0" + digits[len(prefix) :]
    return digits


def matching(email: str, phone: str, name: str) -> list[tuple[Feedback, list[str]]]:
    """Every item with one of the person's details, with what matched, oldest first."""
    wanted = Q(pk__in=[])
    if email:
        wanted |= Q(email__iexact=email)
    if name:
        wanted |= Q(name__iexact=" ".join(name.split()))
    if phone:
        wanted |= ~Q(phone="")
    found = []
    items = Feedback.objects.filter(wanted).select_related("category", "district", "commitment")
    for item in items.order_by("received_at"):
        matched = []
        if email and item.email.lower() == email.lower():
            matched.append("email")
        if phone and item.phone and phone_digits(item.phone) == phone_digits(phone):
            matched.append("phone")
        if name and " ".join(item.name.split()).lower() == " ".join(name.split()).lower():
            matched.append("name")
        if matched:
            found.append((item, matched))
    return found


def readable(item: Feedback, field) -> str:
    """A field's value as the person should read it: labels, names, local times, yes/no."""
    value = getattr(item, field.name)
    if value is None or value == "":
        return ""
    if field.choices:
        return str(getattr(item, f"get_{field.name}_display")())
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    return str(value)


def copy_of(item: Feedback) -> dict:
    """Every field of the item, its notes and its e-mails, readable."""
    removal = retention.removal_date(item)
    return {
        "reference": item.reference,
        "removal_date": removal.isoformat() if removal else "",
        "fields": [
            {"field": field.name, "label": str(field.verbose_name), "value": readable(item, field)}
            for field in Feedback._meta.concrete_fields
            if field.name not in NOT_IN_COPY
        ],
        "notes": [
            {"written": readable_time(note.created_at), "text": note.text}
            for note in item.notes.all()
        ],
        "emails": [
            {
                "purpose": str(n.get_purpose_display()),
                "recipient": n.recipient,
                "state": str(n.get_state_display()),
                "sent": readable_time(n.sent_at) if n.sent_at else "",
            }
            for n in item.notifications.all()
        ],
        "help_question": [
            {
                "answer": str(question.get_answer_display()),
                "comment": question.comment,
                "answered": readable_time(question.answered_at),
            }
            for question in HelpQuestion.objects.filter(feedback=item, answered_at__isnull=False)
        ],
    }


def readable_time(moment: datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


@never_cache
def subject_access_view(request):
    """One page, always POST (a person's details never go into a URL or an access log):
    find the items, tick those that are really this person's, then open the copy, download it
    as JSON or erase them. Nothing is ticked for the officer: a name, even a phone number, can
    be shared by several people."""
    if not is_auditor(request.user):
        return forbidden(request)
    form = PersonForm(request.POST if request.method == "POST" else None)
    context = {
        "form": form,
        "page_title": _("Data subject requests"),
        "header_icon": "user",
        "searched": False,
    }
    if not form.is_valid():
        return TemplateResponse(request, "feedback/admin/subject_access.html", context)

    found = matching(**form.cleaned_data)
    action = request.POST.get("action", "find")
    ticked_ids = {int(pk) for pk in request.POST.getlist("item") if pk.isdigit()}
    ticked = [item for item, _m in found if item.pk in ticked_ids]
    if action == "find" or not ticked:
        if action != "find":
            messages.error(request, _("Tick the items that are this person's."))
        access_log.record([item for item, _m in found], "feedback.search", request.user)
        context["searched"] = True
        context["found"] = [
            {"item": item, "matched": matched, "erasable": not triage.is_open(item)}
            for item, matched in found
        ]
        return TemplateResponse(request, "feedback/admin/subject_access.html", context)
    if action == "erase":
        return erase(request, ticked)
    return give_copy(request, ticked, as_json=action == "json")


def give_copy(request, items: list[Feedback], as_json: bool):
    """The copy (art. 15) of the ticked items: a document to print or send, or JSON; logged."""
    access_log.record(
        items, "feedback.subject_copy", request.user, format="json" if as_json else "html"
    )
    copies = [copy_of(item) for item in items]
    made = timezone.localtime()
    if as_json:
        body = json.dumps({"made": made.isoformat(), "items": copies}, ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="register-extract.json"'
        return response
    return TemplateResponse(
        request, "feedback/admin/subject_copy.html", {"copies": copies, "made": made}
    )


def erase(request, items: list[Feedback]):
    """Erasure (art. 17) of the ticked closed items: the same blanking as gallring, logged."""
    if request.POST.get("confirm") != "yes":
        messages.error(request, _("Tick the box to confirm the erasure."))
        return redirect("feedback_subject_access")
    closed = [item.pk for item in items if not triage.is_open(item)]
    count = retention.remove_personal_data(
        Feedback.objects.filter(pk__in=closed),
        action="feedback.erase",
        today=timezone.localdate(),
        user=request.user,
    )
    messages.success(request, _("Erased the personal data of %(count)d items.") % {"count": count})
    return redirect("feedback_subject_access")
