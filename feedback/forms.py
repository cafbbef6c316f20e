"""The public feedback form, the status lookup form and the "Did our answer help?" form."""

import re
import time
import unicodedata
import uuid

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout
from crispy_forms.utils import render_crispy_form
from django import forms
from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

from feedback import form_lists
from feedback.choices import Helped
from feedback.identity_numbers import find_identity_numbers
from feedback.models.feedback import AnswerBy, Category, District, Feedback, Kind
from portal.content_generation import remembered
from portal.languages import written_in

MESSAGE_MAX = 5000
NAME_MAX = 200
# C0 controls except tab and newline, DEL, and the bidi embedding, override and isolate
# controls that can make text display differently from how it reads.
UNSAFE_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
STARTED_SALT = "feedback-form-started"
# The accessibility statement's "report a problem" link (FeedbackPage.accessibility_report_query)
# opens the form as a report about the website: its category chosen, its message explained.
ABOUT_PARAMETER, ABOUT_WEBSITE = "om", "webbplatsen"


WEBSITE_MESSAGE_HELP = _(
    "Tell us which page it is about and what did not work, or which content you need in "
    "another format (for example large print, easy-to-read text or read aloud)."
)


def clean_text(value: str) -> str:
    return UNSAFE_CHARACTERS.sub("", unicodedata.normalize("NFC", value)).strip()


class TextField(forms.CharField):
    """A text field whose input is Unicode-normalised and stripped of control characters."""

    def to_python(self, value):
        return clean_text(super().to_python(value))


class TelInput(forms.TextInput):
    """A phone number field: phones show the number keypad."""

    input_type = "tel"


def identity_number_error(numbers: list[str]) -> str:
    """Ask, in the reader's language, for ``numbers`` to be removed."""
    numbers = list(dict.fromkeys(numbers))
    return ngettext(
        "Please remove the personal identity number %(numbers)s from this field. "
        "We do not need it to handle the feedback.",
        "Please remove the personal identity numbers %(numbers)s from this field. "
        "We do not need them to handle the feedback.",
        len(numbers),
    ) % {"numbers": ", ".join(numbers)}


class ListEntryField(forms.ModelChoiceField):
    """A choice of an active entry of a list staff keep (categories, districts), listed and
    checked from memory (``form_lists``): editing a list is a content change, so an entry made
    inactive is refused from the next request on, as if checked against the table."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        entry = form_lists.active(self.queryset.model).get(str(value))
        if entry is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return entry


class IdentityNumberGuard:
    """Form mixin: a personnummer or samordningsnummer in any of ``identity_number_fields``,
    however disguised (see ``feedback.identity_numbers.normalise``), is an error at that field,
    so nothing is saved. It reads what was typed, so a value the field itself refuses (an invalid
    e-mail address, a message that is too long) is checked too. It runs after ``clean()``, so
    the form's own rules (an answer needs its text, an e-mail answer an address) see the value
    and do not add a second, misleading error about it."""

    identity_number_fields: tuple[str, ...] = ()

    def _post_clean(self):
        self.refuse_identity_numbers()
        super()._post_clean()

    def refuse_identity_numbers(self):
        for name in self.identity_number_fields:
            if name not in self.fields:
                continue
            value = self[name].data
            numbers = find_identity_numbers(value) if isinstance(value, str) else []
            if numbers:
                self.add_error(name, identity_number_error(numbers))


class FeedbackForm(IdentityNumberGuard, forms.ModelForm):
    """What a citizen sends. The fields are declared for their public labels and widgets; the
    model form copies them onto the ``Feedback`` the view registers."""

    identity_number_fields = (
        "message",
        "name",
        "email",
        "phone",
        "postal_address",
        "interpreter_language",
    )

    kind = forms.ChoiceField(
        label=_("What would you like to tell us?"), choices=Kind.choices, widget=forms.RadioSelect
    )
    category = ListEntryField(
        label=_("What is it about?"),
        queryset=Category.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
    )
    district = ListEntryField(
        label=_("Where do you live?"),
        queryset=District.objects.none(),
        empty_label=_("Choose a district"),
    )
    commitment = forms.ChoiceField(
        label=_("Is it about a promise in our service guarantee that we did not keep?"),
        required=False,
    )
    message = TextField(
        label=_("Your message"),
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "At most 5,000 characters. Do not write your personal identity number or anything "
            "about your health: we do not need it to handle your feedback."
        ),
    )
    answer_by = forms.ChoiceField(
        label=_("Would you like an answer?"),
        choices=AnswerBy.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("You can stay anonymous. Then we cannot answer you."),
    )
    interpreter_needed = forms.BooleanField(
        label=_("I would like an interpreter if you call me or we meet"),
        required=False,
        help_text=_("We answer in the language of this page. An interpreter costs you nothing."),
    )
    interpreter_language = TextField(
        label=_("The interpreter's language (if not the language of this page)"),
        max_length=60,
        required=False,
    )
    name = TextField(label=_("Name (optional)"), max_length=NAME_MAX, required=False)
    email = forms.EmailField(label=_("E-mail (optional)"), max_length=254, required=False)
    phone = TextField(label=_("Phone (optional)"), max_length=40, required=False, widget=TelInput)
    postal_address = TextField(
        label=_("Postal address (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    # Left empty by people; a bot filling in every field fills this one too.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput)
    submission_id = forms.UUIDField(widget=forms.HiddenInput)

    class Meta:
        model = Feedback
        fields = [
            "kind",
            "category",
            "district",
            "commitment",
            "message",
            "answer_by",
            "interpreter_needed",
            "interpreter_language",
            "name",
            "email",
            "phone",
            "postal_address",
        ]

    def __init__(
        self, *args, language: str, minimum_seconds: int = 3, about: str | None = None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.minimum_seconds = minimum_seconds
        self.about_website = self.is_about_website(about)
        if self.about_website:
            self.fields["message"].help_text = format_lazy(
                "{} {}", WEBSITE_MESSAGE_HELP, self.fields["message"].help_text
            )
            # A report about the website needs no district (nor a name: anonymous is fine).
            self.fields["district"].required = False
            self.fields["district"].label = _("Where do you live? (optional)")
        self.is_automated = False
        for name, model in (("category", Category), ("district", District)):
            field = self.fields[name]
            empty = [("", field.empty_label)] if field.empty_label is not None else []
            field.choices = empty + form_lists.entries(model, language)
        self.commitments = {c.code: c for c in form_lists.commitments(language)}
        self.fields["commitment"].choices = [("", _("No, or I do not know"))] + [
            (code, commitment.title) for code, commitment in self.commitments.items()
        ]
        if "commitment" in self.initial and self.initial["commitment"] not in self.commitments:
            # A link to a commitment that is no longer in force: start a plain form.
            self.initial.pop("commitment")
            self.initial.pop("kind", None)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        # The honeypot ("website") is rendered apart, hidden from people (see the template).
        self.helper.layout = Layout(
            "kind",
            "category",
            "district",
            "commitment",
            "message",
            "answer_by",
            "interpreter_needed",
            "interpreter_language",
            "name",
            "email",
            "phone",
            "postal_address",
        )

    def _get_validation_exclusions(self):
        # The choice fields have checked the category and district already: the model's own
        # check that they exist would ask the database.
        return super()._get_validation_exclusions() | {"category", "district"}

    def new_form_markup(self) -> str:
        """The fields of a new form as crispy renders them (all but the two hidden ones, which
        are new on every form), rendered once per language, commitment link, report about the
        website or not, and content."""
        code = self.initial.get("commitment") or ""
        # Any code not a commitment's renders alike: a link's query string cannot fill memory.
        key = (
            "new-form",
            get_language(),
            code if code in self.commitments or not code else "?",
            self.about_website,
        )
        return remembered(key, lambda: render_crispy_form(self), timezone.localdate())

    @staticmethod
    def is_about_website(about: str | None) -> bool:
        """Whether the form was opened as a report about the website (``?om=webbplatsen``)
        while a category takes such reports."""
        return about == ABOUT_WEBSITE and form_lists.website_category() is not None

    @classmethod
    def initial_values(cls, commitment: str | None = None, about: str | None = None) -> dict:
        """A new form; ``commitment`` (a stable code, from a commitment's "tell us" link)
        starts it as a complaint about that commitment, ``about`` (from the accessibility
        statement's link) as a complaint in the website's accessibility category."""
        initial = {
            "started": signing.dumps(time.time(), salt=STARTED_SALT),
            "submission_id": uuid.uuid4(),
        }
        if cls.is_about_website(about):
            initial.update(category=form_lists.website_category().pk, kind=Kind.COMPLAINT)
        if commitment:
            initial.update(commitment=commitment, kind=Kind.COMPLAINT)
        return initial

    def clean_commitment(self):
        code = self.cleaned_data.get("commitment")
        return self.commitments.get(code) if code else None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            self.is_automated = True
        try:
            started = signing.loads(self.data.get("started", ""), salt=STARTED_SALT, max_age=86400)
            if time.time() - float(started) < self.minimum_seconds:
                self.is_automated = True
        except (signing.BadSignature, TypeError, ValueError):
            # An old or tampered page: keep what they wrote and let them send it again.
            raise forms.ValidationError(
                _("The form had expired. Please check your message and send it again.")
            ) from None
        answer_by = cleaned.get("answer_by")
        needs = {
            AnswerBy.EMAIL: [("email", _("Enter your e-mail address so we can answer you."))],
            AnswerBy.PHONE: [("phone", _("Enter your phone number so we can call you."))],
            AnswerBy.LETTER: [
                ("name", _("Enter your name so we can send you a letter.")),
                ("postal_address", _("Enter your postal address so we can send you a letter.")),
            ],
        }
        for field, message in needs.get(answer_by, []):
            if not cleaned.get(field) and field not in self.errors:
                self.add_error(field, message)
        if (
            cleaned.get("interpreter_needed")
            and not cleaned.get("interpreter_language")
            and written_in(get_language()) == settings.LANGUAGE_CODE
        ):
            self.add_error(
                "interpreter_language", _("Tell us which language the interpreter should speak.")
            )
        return cleaned


class StatusLookupForm(forms.Form):
    reference = TextField(
        label=_("Reference"), max_length=12, help_text=_("For example 2026-00042")
    )
    code = TextField(
        label=_("Code"), max_length=20, help_text=_("The code on your receipt, e.g. ABCDE-FGH23")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reference"].widget.attrs.update({"autocomplete": "off", "spellcheck": "false"})
        self.fields["code"].widget.attrs.update({"autocomplete": "off", "spellcheck": "false"})
        self.helper = FormHelper()
        self.helper.form_tag = False  # the template's own <form> holds the button and token
        self.helper.disable_csrf = True


class HelpAnswerForm(IdentityNumberGuard, forms.Form):
    """The answer to "Did our answer help?" (feedback.help_questions)."""

    identity_number_fields = ("comment",)

    answer = forms.ChoiceField(
        label=_("Did our answer help you?"),
        choices=Helped.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose yes, partly or no.")},
    )
    comment = TextField(
        label=_("Anything you want to add? (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "At most 1,000 characters. Do not write your personal identity number or anything "
            "about your health."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
