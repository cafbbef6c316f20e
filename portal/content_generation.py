"""The content generation: a token that changes whenever anything a public page shows changes.

Everything derived from the page tree (the page directory, cached pages) is kept under the
current token, so one change makes all of it stale on every app server at once: the token lives
in the shared cache (Redis in production). It is read at most once per request.

What counts as content is decided here, once: pages and their view restrictions, sites,
locales, site settings, images and documents (not renditions, which are made while pages are
served), every model of the portal app (closed days, commitments) and the models other apps
register with ``watch`` (snippets a page shows).
"""

import secrets
import threading

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

_watched: set[type] = {PageViewRestriction, Site, Locale}
_WATCHED_BASES = (Page, BaseSiteSetting, BaseGenericSetting, AbstractImage, AbstractDocument)
_request = threading.local()
# What saving a draft, autosaving or locking a page writes to its row: nothing citizens see.
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


def current() -> str:
    """The current token; within a request, the one read at its start."""
    token = getattr(_request, "token", None)
    if token is None:
        token = cache.get(KEY)
        if token is None:
            cache.add(KEY, secrets.token_hex(8), None)
            token = cache.get(KEY)
        if getattr(_request, "active", False):
            _request.token = token
    return token


def bump() -> None:
    """Make everything kept under the old token stale, now and again when the transaction
    commits: a server that rebuilt from the uncommitted state in between rebuilds once more."""
    _renew()
    transaction.on_commit(_renew)


def watch(*models: type) -> None:
    """Count saves and deletions of these models as content changes."""
    _watched.update(models)


def _renew() -> None:
    token = secrets.token_hex(8)
    cache.set(KEY, token, None)
    if getattr(_request, "active", False):
        _request.token = token


def _is_content(sender) -> bool:
    return (
        sender in _watched
        or getattr(getattr(sender, "_meta", None), "app_label", None) == "portal"
        or (isinstance(sender, type) and issubclass(sender, _WATCHED_BASES))
    )


def _on_change(sender, update_fields=None, **kwargs) -> None:
    if _is_content(sender) and not (update_fields and set(update_fields) <= DRAFT_ONLY):
        bump()


def _on_page_signal(sender, **kwargs) -> None:
    bump()


def _start(**kwargs) -> None:
    _request.active, _request.token = True, None


def _finish(**kwargs) -> None:
    _request.active, _request.token = False, None


def connect() -> None:
    post_save.connect(_on_change, dispatch_uid="portal_content_saved")
    post_delete.connect(_on_change, dispatch_uid="portal_content_deleted")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_on_page_signal, dispatch_uid=f"portal_content_{id(signal)}")
    request_started.connect(_start, dispatch_uid="portal_content_request_started")
    request_finished.connect(_finish, dispatch_uid="portal_content_request_finished")
