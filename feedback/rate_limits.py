"""Per-address limits on how often the public forms may be sent, in the shared cache."""

import hashlib

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 3600


def client_address(request) -> str:
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def _key(action: str, request) -> str:
    # Only a keyed hash of the address is kept, and only for the window.
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client_address(request)}".encode())
    return f"rate:{action}:{digest.hexdigest()[:32]}"


def is_limited(action: str, request, limit: int) -> bool:
    """True once ``action`` has been counted ``limit`` times from this address in the window."""
    return cache.get(_key(action, request), 0) >= limit


def count(action: str, request) -> None:
    key = _key(action, request)
    if not cache.add(key, 1, WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, WINDOW_SECONDS)
