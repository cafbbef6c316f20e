"""The interface catalogues: Swedish and English complete, what citizens read translated into
every language, and every catalogue compiles with its placeholders intact."""

from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings

from portal.admin_strings import UPSTREAM_JS_MESSAGES

ROOT = Path(__file__).resolve().parents[2]
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "gettext_lazy": None,
    "ngettext_lazy": (1, 2),
    "pgettext_lazy": ((1, "c"), 2),
    # portal/admin_strings.py: the Wagtail strings we translate (make messages uses the same)
    "gettext_noop": None,
    "plural_noop": (1, 2),
}
# What citizens read: the public templates and their template tags.
PUBLIC_SOURCES = (
    "templates/",
    "portal/templatetags/",
    "feedback/forms.py",
    "feedback/choices.py",
    "feedback/notifications.py",
)
# Staff-facing templates among them: Swedish and English are enough.
STAFF_SOURCES = (
    "templates/feedback/admin/",
    "templates/portal/admin/",
    "templates/feedback/email/inbox.txt",
    "templates/feedback/email/reminder.txt",
    "templates/feedback/email/action_reminder.txt",
    "templates/feedback/email/escalation.txt",
    "templates/feedback/email/_due_items.txt",
    "templates/feedback/email/safeguard.txt",
)
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
OTHER_LANGUAGES = [code for code in LANGUAGE_CODES if code not in ("sv", "en")]


def source_messages(public_only: bool = False) -> set:
    with open(ROOT / "babel.cfg") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found = set()
    for filename, _lineno, message, _comments, context in extract_from_dir(
        ROOT, method_map, options_map, keywords=KEYWORDS
    ):
        if public_only and (
            not filename.startswith(PUBLIC_SOURCES) or filename.startswith(STAFF_SOURCES)
        ):
            continue
        found.add((context, message if isinstance(message, str) else message[0]))
    return found


def catalogue(language: str, domain: str = "django"):
    with open(ROOT / "locale" / language / "LC_MESSAGES" / f"{domain}.po", "rb") as po:
        return read_po(po, locale=language)


def translated(language: str) -> set:
    return {
        (m.context, m.id if isinstance(m.id, str) else m.id[0])
        for m in catalogue(language)
        if m.id
        and "fuzzy" not in m.flags
        and (all(m.string) if isinstance(m.string, tuple) else m.string)
    }


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_source_string_is_translated(language):
    missing = sorted(msg for _ctx, msg in source_messages() - translated(language))
    assert not missing, f"Untranslated in {language} (run `make messages`): {missing}"


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_citizen_facing_strings_are_translated_in_every_language(language):
    missing = sorted(msg for _ctx, msg in source_messages(public_only=True) - translated(language))
    assert not missing, f"Untranslated in {language}: {missing}"


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_catalogue_compiles_and_keeps_placeholders(language):
    cat = catalogue(language)
    write_mo(BytesIO(), cat)
    for message in cat:
        if message.id and message.string:
            errors = list(message.check(cat))
            assert not errors, (message.id, errors)


def test_the_swedish_javascript_catalogue_is_complete_and_current():
    """locale/sv/LC_MESSAGES/djangojs.po holds exactly the Wagtail JavaScript strings listed in
    portal/admin_strings.py, each translated, and compiles with its placeholders intact."""
    cat = catalogue("sv", "djangojs")
    listed = {m if isinstance(m, str) else m[0] for m in UPSTREAM_JS_MESSAGES}
    assert {m.id if isinstance(m.id, str) else m.id[0] for m in cat if m.id} == listed
    write_mo(BytesIO(), cat)
    for message in cat:
        if message.id:
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            assert all(strings) and "fuzzy" not in message.flags, message.id
            assert not list(message.check(cat)), message.id
