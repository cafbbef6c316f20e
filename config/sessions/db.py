"""``SESSION_ENGINE = "config.sessions.db"``: Django's ``db`` sessions (see config.sessions)."""

from django.contrib.sessions.backends import db

from config.sessions import InsertChecksKey


class SessionStore(InsertChecksKey, db.SessionStore):
    pass
