"""Per-address limits on how often the public forms may be sent, counted in the shared cache.

The address is the client's as the last trusted proxy saw it: with TRUSTED_PROXY_COUNT proxies
in front (nginx: 1), the entry that many places from the right of X-Forwarded-For, which the
client cannot write; with none, REMOTE_ADDR. A use is counted before the work is done (one
atomic increment: parallel requests cannot slip past the limit) and given back when the form
was not accepted, so correcting a mistake costs nothing.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 3600


def client_address(request) -> str:
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if proxies and len(forwarded) >= proxies and forwarded[-proxies]:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _key(action: str, request) -> str:
    # Only a keyed hash of the address is kept, and only for the window.
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client_address(request)}".encode())
    return f"rate:{action}:{digest.hexdigest()[:32]}"


def try_use(action: str, request, limit: int) -> bool:
    """Count one use of ``action`` from this address; False (nothing counted) once the
    address has used ``limit`` in the window."""
    key = _key(action, request)
    if cache.add(key, 1, WINDOW_SECONDS):
        used = 1
    else:
        try:
            used = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, WINDOW_SECONDS)
            used = 1
    if used > limit:
        give_back(action, request)
        return False
    return True


def give_back(action: str, request) -> None:
    """Uncount a use that did not go through (the form had errors)."""
    try:
        cache.decr(_key(action, request))
    except ValueError:  # the window ended meanwhile
        pass
