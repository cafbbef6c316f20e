"""Optimistic locking of the triage form: two handlers editing one item never silently
overwrite each other.

The form carries, signed, the item's version when it was opened (``Feedback.version``, one more
on every save by any writer) and the values it showed, texts as fingerprints. A save on top of
a newer version is refused and nothing is saved: the handler is told which fields changed since
they opened the form, old → new, and the form then shows those changes together with their
own, to check and save again. The same form sent twice (a double click, a resent request) is
recognised by its submission key and answered like the first, so nothing is done twice.
``claim`` makes the check hold against a save at the very same moment.
"""

import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry

from feedback.models import Feedback
from portal.templatetags.portal_tags import local_date

SALT = "feedback.edit_lock"
TRIAGE_ACTION = "feedback.triage"


class Stale(Exception):
    """Another save took the item's version between this one's check and its write."""


@dataclass(frozen=True)
class Opened:
    version: int
    token: str
    values: dict


def _is_text(name: str) -> bool:
    return isinstance(Feedback._meta.get_field(name), models.TextField)


def _plain(name: str, value):
    """A field's value as JSON: a user as their id, a date as ISO, a text as a fingerprint (the
    form need not carry a second copy of what people wrote)."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, date):
        return value.isoformat()
    if _is_text(name):
        words = " ".join((value or "").split())
        return hashlib.sha256(words.encode()).hexdigest()[:16] if words else ""
    return value


def _stored(instance: Feedback, name: str):
    return Feedback._meta.get_field(name).value_from_object(instance)


def snapshot(instance: Feedback, names) -> dict:
    return {name: _plain(name, _stored(instance, name)) for name in names}


def seal(instance: Feedback, names) -> str:
    """The hidden value a form opened now carries."""
    opened = {
        "version": instance.version,
        "token": secrets.token_hex(8),
        "values": snapshot(instance, names),
    }
    return signing.dumps(opened, salt=SALT, compress=True)


def unseal(value: str) -> Opened:
    """Raises ``signing.BadSignature`` for a value this server did not seal."""
    return Opened(**signing.loads(value, salt=SALT))


def submission_key(opened: Opened, cleaned: dict) -> str:
    """The same for the same form sent again with the same contents, else different."""
    contents = {
        name: value.pk if isinstance(value, models.Model) else value
        for name, value in cleaned.items()
        if name != "opened"
    }
    payload = json.dumps([opened.token, contents], sort_keys=True, cls=DjangoJSONEncoder)
    return hashlib.sha256(payload.encode()).hexdigest()[:32]


def claim(instance: Feedback, version: int) -> bool:
    """Lock the item's row for this transaction if it is still at ``version``. A concurrent
    save waits here for this one to commit, then finds a newer version (PostgreSQL re-reads the
    row; SQLite takes the write lock at the start of each transaction)."""
    return bool(
        Feedback.objects.filter(pk=instance.pk, version=version).update(version=models.F("version"))
    )


def is_repeat(instance: Feedback, key: str) -> bool:
    """Was the item's last save this same submission, with nothing saved since?"""
    last = (
        ModelLogEntry.objects.for_instance(instance)
        .filter(action=TRIAGE_ACTION)
        .order_by("-timestamp", "-pk")
        .first()
    )
    return bool(
        last and last.data.get("submission") == key and last.data.get("version") == instance.version
    )


def changed_since(opened: Opened, instance: Feedback) -> list[str]:
    """The fields whose stored value is no longer the one the form was opened with."""
    now = snapshot(instance, opened.values)
    return [name for name, value in opened.values.items() if now[name] != value]


def changed_by_form(opened: Opened, cleaned: dict) -> set[str]:
    return {
        name
        for name, value in opened.values.items()
        if name in cleaned and _plain(name, cleaned[name]) != value
    }


def _display(name: str, value, users: dict) -> str:
    if value in (None, ""):
        return "–"
    field = Feedback._meta.get_field(name)
    if field.is_relation:
        user = users.get(value)
        return (user.get_full_name() or user.get_username()) if user else str(value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.DateField):
        return local_date(date.fromisoformat(value))
    if isinstance(field, models.BooleanField):
        return _("Yes") if value else _("No")
    return str(value)


def stale_messages(opened: Opened, instance: Feedback, labels: dict) -> list[str]:
    """What the refused handler reads: that nothing was saved, each change since they opened
    the form (old → new; a text only as changed), and what to do."""
    names = changed_since(opened, instance)
    user_ids = [
        value
        for name in names
        if Feedback._meta.get_field(name).is_relation
        for value in (opened.values[name], _plain(name, _stored(instance, name)))
        if value
    ]
    users = get_user_model().objects.in_bulk(user_ids) if user_ids else {}
    messages = [_("Someone else saved this item after you opened it, so nothing was saved.")]
    for name in names:
        if _is_text(name):
            messages.append(_("%(field)s: the text was changed.") % {"field": labels[name]})
            continue
        old = _display(name, opened.values[name], users)
        new = _display(name, _plain(name, _stored(instance, name)), users)
        messages.append(
            _("%(field)s: %(old)s → %(new)s") % {"field": labels[name], "old": old, "new": new}
        )
    if not names:
        messages.append(_("The fields are as you saw them; the timeline shows what was added."))
    messages.append(
        _("The form now shows those changes together with yours: check it and save again.")
    )
    return messages


def _as_data(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def merged_data(form, opened: Opened):
    """The refused form's data with the other writer's changes in the fields this handler left
    as they were, and the current version: saving it again keeps both."""
    data = form.data.copy()
    mine = changed_by_form(opened, form.cleaned_data)
    for name in changed_since(opened, form.instance):
        if name not in mine:
            data[form.add_prefix(name)] = _as_data(_stored(form.instance, name))
    data[form.add_prefix("opened")] = seal(form.instance, opened.values)
    return data
