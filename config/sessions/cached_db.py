"""``SESSION_ENGINE = "config.sessions.cached_db"``: Django's ``cached_db`` sessions (see
config.sessions)."""

from django.contrib.sessions.backends import cached_db

from config.sessions import InsertChecksKey


class SessionStore(InsertChecksKey, cached_db.SessionStore):
    pass
