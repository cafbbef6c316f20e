"""Django's database-backed session stores, less one query per new session.

Django checks that a new session key is unused (a SELECT, and for ``cached_db`` a cache read)
before inserting the session, and then inserts it with ``must_create``, which refuses a key in
use and makes ``create()`` draw another. The insert is the guarantee; with 32 random characters
of 36 a collision never happens in practice, so the check only costs a round trip on every new
session (a citizen's first POST, for the feedback receipt). ``config.sessions.db`` and
``config.sessions.cached_db`` are the two engines (``SESSION_ENGINE``).
"""

from django.contrib.sessions.backends.base import VALID_KEY_CHARS
from django.utils.crypto import get_random_string


class InsertChecksKey:
    """Session store mixin: a new key is not looked up first (see the module docstring)."""

    def _get_new_session_key(self):
        return get_random_string(32, VALID_KEY_CHARS)

    async def _aget_new_session_key(self):
        return get_random_string(32, VALID_KEY_CHARS)
