"""The content generation: a token that changes whenever anything a public page shows changes.

Everything derived from the page tree (the page directory, cached pages) is kept under the
current token, so one change makes all of it stale on every app server at once: the token lives
in the shared cache (Redis in production). It is read at most once per request.

What counts as content is decided here, once: pages and their view restrictions, sites,
locales, site settings, images and documents (not renditions, which are made while pages are
served), every model of the portal app (closed days, commitments) and the models other apps
register with ``watch`` (snippets a page shows). Saving a draft, autosaving or locking a page
changes nothing citizens see.

``remembered`` keeps anything built from those models in this process's memory under the token.
"""

import secrets
import threading

from django.apps import apps
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

KEY = "portal:content-generation"
WATCHED_BASES = (Page, BaseSiteSetting, BaseGenericSetting, AbstractImage, AbstractDocument)
WATCHED_MODELS = (PageViewRestriction, Site, Locale)
# What saving a draft, autosaving or locking a page writes to its row.
DRAFT_ONLY = {
    "wagtail_admin_comments",
    "latest_revision_created_at",
    "draft_title",
    "latest_revision",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
}

_request = threading.local()
_kept: dict[tuple, tuple[tuple, object]] = {}


def token(key: str) -> str:
    """The token kept in the shared cache under ``key`` (a new one if there is none)."""
    found = cache.get(key)
    if found is None:
        new = secrets.token_hex(8)
        cache.add(key, new, None)
        found = cache.get(key) or new
    return found


def renew(key: str) -> None:
    """A new token under ``key``, now and again when the transaction commits: a server that
    rebuilt from the uncommitted state in between builds once more."""
    _renew(key)
    transaction.on_commit(lambda: _renew(key))


def current() -> str:
    """The current content token; within a request, the one read at its start."""
    found = getattr(_request, "token", None)
    if found is None:
        found = token(KEY)
        if getattr(_request, "active", False):
            _request.token = found
    return found


def remembered(key: tuple, build, *depends_on):
    """``build()``, kept in this process under ``key`` for the current content generation (and
    the values in ``depends_on``). What it returns is shared between requests: never change it."""
    stamp = (current(), *depends_on)
    kept = _kept.get(key)
    if kept is None or kept[0] != stamp:
        kept = (stamp, build())
        _kept[key] = kept
    return kept[1]


def bump() -> None:
    renew(KEY)


def watch(*models: type) -> None:
    """Count saves and deletions of these models as content changes."""
    for model in models:
        post_save.connect(_on_change, sender=model, dispatch_uid=f"portal_content_saved_{model}")
        post_delete.connect(_on_change, sender=model, dispatch_uid=f"portal_content_gone_{model}")


def connect() -> None:
    """Listen to the content models only: a receiver for every model would cost each save a
    call and take Django's fast bulk delete away from all of them."""
    watch(
        *(
            model
            for model in apps.get_models()
            if model in WATCHED_MODELS
            or model._meta.app_label == "portal"
            or issubclass(model, WATCHED_BASES)
        )
    )
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_on_page_signal, dispatch_uid=f"portal_content_{id(signal)}")
    request_started.connect(_start, dispatch_uid="portal_content_request_started")
    request_finished.connect(_finish, dispatch_uid="portal_content_request_finished")


def _renew(key: str) -> None:
    cache.set(key, secrets.token_hex(8), None)
    if key == KEY and getattr(_request, "active", False):
        _request.token = None


def _on_change(sender, update_fields=None, **kwargs) -> None:
    if not (update_fields and set(update_fields) <= DRAFT_ONLY):
        bump()


def _on_page_signal(sender, **kwargs) -> None:
    bump()


def _start(**kwargs) -> None:
    _request.active, _request.token = True, None


def _finish(**kwargs) -> None:
    _request.active, _request.token = False, None
